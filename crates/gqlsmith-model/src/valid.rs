//! The type-level mark of a model without error-level diagnostics. Emitters take only
//! `Valid<Schema>`, so a run with errors cannot write half its output.

use std::ops::Deref;

use crate::{Diagnostic, Schema};

/// What a reader returns: the model built from everything readable, and every diagnostic.
/// Readers never give up at the first problem.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub schema: Schema,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The checked schema and the remaining (non-error) diagnostics, or `self` back when any
    /// diagnostic is an error. Every name is checked against GraphQL's grammar and uniqueness
    /// rules here ([`crate::names::check_names`]), whichever reader or pass made the model:
    /// emitters print names into code, so a bad one must never reach them.
    pub fn into_valid(mut self) -> Result<(Valid<Schema>, Vec<Diagnostic>), Loaded> {
        if !self.has_errors() {
            self.diagnostics
                .extend(crate::names::check_names(&self.schema));
        }
        if self.has_errors() {
            Err(self)
        } else {
            Ok((Valid(self.schema), self.diagnostics))
        }
    }

    /// [`Loaded::into_valid`] without giving up the model: the checked schema, borrowed, or
    /// every error-level diagnostic (the stored ones, then the name checks'). For callers that
    /// keep the `Loaded` (the facade's `generate`), so that validating never copies the model.
    pub fn as_valid(&self) -> Result<Valid<&Schema>, Vec<Diagnostic>> {
        let errors = |diagnostics: &[Diagnostic]| -> Vec<Diagnostic> {
            diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.is_error())
                .cloned()
                .collect()
        };
        let stored = errors(&self.diagnostics);
        if !stored.is_empty() {
            return Err(stored);
        }
        let named = errors(&crate::names::check_names(&self.schema));
        if named.is_empty() {
            Ok(Valid(&self.schema))
        } else {
            Err(named)
        }
    }
}

/// A value known to have passed its checks. Only [`Loaded::into_valid`] and [`Loaded::as_valid`]
/// make one (and
/// `Valid::assume_valid`, which exists only with the `test-support` feature that no shipped
/// crate enables; a test in `crates/gqlsmith` checks that).
#[derive(Debug, Clone, PartialEq)]
pub struct Valid<T>(T);

impl<T> Valid<T> {
    /// Marks `value` valid without checking: for tests of code that takes a `Valid` and must
    /// see a model no reader would give.
    #[cfg(feature = "test-support")]
    pub fn assume_valid(value: T) -> Valid<T> {
        Valid(value)
    }

    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Valid<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
