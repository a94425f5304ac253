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
}

/// A value known to have passed its checks. Only [`Loaded::into_valid`] and
/// [`Valid::assume_valid`] make one.
#[derive(Debug, Clone, PartialEq)]
pub struct Valid<T>(T);

impl<T> Valid<T> {
    /// Marks `value` valid without checking. For tests, and for callers that checked by other
    /// means; say why at the call site.
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
