//! Which client operations a change touches, and which operations it breaks.
//!
//! A change touches an operation when the operation (or a fragment it spreads) uses the
//! change's coordinate, something inside it (a change to `User` touches a use of
//! `User.login`), or, for a used field, one of its arguments or directives (a required
//! argument added to `Query.search` touches every operation selecting `Query.search`).
//! Dangerous changes inside a type (an enum value or union member added) also touch
//! operations that only read the type: they may now receive the new value. (A breaking
//! change inside a type, such as a field removed, touches only the operations that use that
//! member.)

use std::sync::Arc;

use gqlsmith_model::{Diagnostic, Documents, Usage, UsageKind};
use serde::Serialize;

use crate::{Change, Criticality};

/// An operation a change touches: its name and where it uses the changed coordinate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AffectedOperation {
    pub name: String,
    pub file: Arc<str>,
    pub line: u32,
}

/// An operation that validates against the old schema and not against the new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrokenOperation {
    pub name: String,
    pub file: Arc<str>,
    pub line: u32,
    pub column: u32,
    /// The validation error against the new schema.
    pub message: String,
}

/// Sets [`Change::affected_operations`] on every change: the operations of `documents` that
/// touch it (an empty list when none does).
pub fn mark_affected(changes: &mut [Change], documents: &Documents) {
    for change in changes {
        let with_type_reads = change.criticality == Criticality::Dangerous;
        let affected = documents
            .operations
            .iter()
            .filter_map(|operation| {
                let usage = documents
                    .usages_of(operation)
                    .into_iter()
                    .find(|usage| touches(&change.path, usage, with_type_reads))?;
                Some(AffectedOperation {
                    name: operation.display_name(),
                    file: usage.location.file.clone(),
                    line: usage.location.line,
                })
            })
            .collect();
        change.affected_operations = Some(affected);
    }
}

fn touches(path: &str, usage: &Usage, with_type_reads: bool) -> bool {
    let inside = |outer: &str, inner: &str| {
        inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with('.'))
    };
    usage.coordinate == path
        || inside(path, &usage.coordinate)
        || (usage.kind == UsageKind::Field && inside(&usage.coordinate, path))
        || (with_type_reads && usage.kind == UsageKind::Type && inside(&usage.coordinate, path))
}

/// The operations that `old_findings` (validation against the old schema) do not reject and
/// `new_findings` (against the new one) do, each error once. Operations already invalid
/// before the change are not the change's doing, and are left out.
pub fn broken_operations(
    documents: &Documents,
    old_findings: &[Diagnostic],
    new_findings: &[Diagnostic],
) -> Vec<BrokenOperation> {
    let mut broken = Vec::new();
    for finding in new_findings.iter().filter(|finding| finding.is_error()) {
        let already = old_findings
            .iter()
            .any(|old| old.location == finding.location && old.message == finding.message);
        let Some(location) = &finding.location else {
            continue;
        };
        if already {
            continue;
        }
        let operations = documents.operations_at(location);
        let names: Vec<String> = if operations.is_empty() {
            // In a fragment no operation spreads: name the fragment.
            documents
                .fragments
                .iter()
                .filter(|fragment| {
                    gqlsmith_model::Definition::Fragment(fragment).contains(location)
                })
                .map(|fragment| format!("fragment {}", fragment.name))
                .collect()
        } else {
            operations
                .iter()
                .map(|operation| operation.display_name())
                .collect()
        };
        for name in names {
            broken.push(BrokenOperation {
                name,
                file: location.file.clone(),
                line: location.line,
                column: location.column,
                message: finding.message.clone(),
            });
        }
    }
    broken
}

#[cfg(test)]
mod tests {
    use super::*;
    use gqlsmith_model::Location;

    fn usage(coordinate: &str, kind: UsageKind) -> Usage {
        Usage {
            coordinate: coordinate.into(),
            kind,
            location: Location::new(Arc::from("a.graphql"), 1, 1),
        }
    }

    #[test]
    fn what_touches_what() {
        let field = usage("Query.search", UsageKind::Field);
        assert!(touches("Query.search", &field, false));
        assert!(touches("Query", &field, false), "a change to the type");
        assert!(
            touches("Query.search.first", &field, false),
            "an argument of the field"
        );
        assert!(!touches("Query.searchAll", &field, false));
        assert!(!touches("Query.other", &field, false));
        let read = usage("Color", UsageKind::Type);
        assert!(
            touches("Color.GREEN", &read, true),
            "a value added to an enum it reads"
        );
        assert!(!touches("Color.GREEN", &read, false));
    }
}
