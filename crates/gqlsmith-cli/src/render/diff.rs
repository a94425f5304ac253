//! A diff's result (changes, broken operations, stale allow entries) in the formats a CI system
//! reads: SARIF, GitHub annotations with a job summary, and Markdown.

use std::fmt::Write;

use gqlsmith_diff::{BrokenOperation, Change, Criticality};
use gqlsmith_model::{Diagnostic, Severity};

use super::github::{annotation, escape_data, escape_property};
use super::sarif::{sarif_log, SarifRule};

/// Everything `gqlsmith diff` reports.
pub(crate) struct DiffReport<'a> {
    pub(crate) changes: &'a [Change],
    pub(crate) broken: &'a [BrokenOperation],
    pub(crate) stale: &'a [Diagnostic],
}

impl DiffReport<'_> {
    /// One result per change, broken operation and stale allow entry; one rule per change type
    /// seen.
    pub(crate) fn sarif(&self) -> serde_sarif::sarif::Sarif {
        let mut rules: Vec<SarifRule> = Vec::new();
        for change in self.changes {
            if !rules
                .iter()
                .any(|rule| rule.code == change.change_type.as_str())
            {
                rules.push(SarifRule::change(change.change_type, change.criticality));
            }
        }
        rules.sort_by(|a, b| a.code.cmp(&b.code));
        if !self.broken.is_empty() {
            rules.push(SarifRule {
                code: "OPERATION_BROKEN".to_owned(),
                name: "operation-broken".to_owned(),
                summary: "A client operation no longer validates against the new schema."
                    .to_owned(),
                description: "A client operation (from `--documents`) validates against the old schema but not against the new one: the schema change breaks a client that is known to exist. Change the operation, or keep what it uses in the schema.".to_owned(),
                help_markdown: None,
                help_uri: Some(
                    "https://spec.graphql.org/October2021/#sec-Validation".to_owned(),
                ),
                default_severity: Severity::Error,
            });
        }
        sarif_log(&self.diagnostics(true), rules, true)
    }

    /// Annotations for the breaking and dangerous changes, broken operations and stale allow
    /// entries, and one summary line for all safe changes: GitHub shows only the first ten
    /// annotations of each level per step, and a safe change needs nobody's attention.
    pub(crate) fn github_annotations(&self) -> String {
        let mut out = String::new();
        for diagnostic in self.diagnostics(false) {
            out.push_str(&annotation(&diagnostic));
        }
        let safe: Vec<&Change> = self
            .changes
            .iter()
            .filter(|change| change.criticality == Criticality::Safe)
            .collect();
        if !safe.is_empty() {
            let mut counts = std::collections::BTreeMap::new();
            for change in &safe {
                *counts.entry(change.change_type.as_str()).or_insert(0usize) += 1;
            }
            let counts: Vec<String> = counts
                .iter()
                .map(|(change_type, count)| format!("{count} {change_type}"))
                .collect();
            let _ = writeln!(
                out,
                "::notice title={}::{}",
                escape_property(&format!("{} safe changes", safe.len())),
                escape_data(&format!(
                    "{}; the job summary (or `gqlsmith diff --format markdown`) lists them",
                    counts.join(", ")
                ))
            );
        }
        out
    }

    /// A pull-request comment or job summary: the diff crate's table, then broken operations.
    pub(crate) fn markdown(&self) -> String {
        let mut out = gqlsmith_diff::render_markdown(self.changes);
        if !self.broken.is_empty() {
            let _ = writeln!(out, "\n### Broken operations ({})\n", self.broken.len());
            let _ = writeln!(out, "| Operation | Where | Error |\n|---|---|---|");
            for operation in self.broken {
                let _ = writeln!(
                    out,
                    "| `{}` | `{}:{}:{}` | {} |",
                    operation.name,
                    operation.file,
                    operation.line,
                    operation.column,
                    operation.message.replace('|', "\\|").replace('\n', " ")
                );
            }
        }
        out
    }

    /// Changes (safe ones only with `with_safe`), broken operations and stale allow entries as
    /// diagnostics.
    fn diagnostics(&self, with_safe: bool) -> Vec<Diagnostic> {
        let mut diagnostics: Vec<Diagnostic> = self
            .changes
            .iter()
            .filter(|change| with_safe || change.criticality != Criticality::Safe)
            .map(change_diagnostic)
            .collect();
        diagnostics.extend(self.broken.iter().map(broken_diagnostic));
        diagnostics.extend(self.stale.iter().cloned());
        diagnostics
    }
}

/// A change as a diagnostic: located on the new input's line, or on the old input's for
/// removals; an approved breaking change is only a warning.
fn change_diagnostic(change: &Change) -> Diagnostic {
    let severity = match change.criticality {
        Criticality::Breaking if !change.approved => Severity::Error,
        Criticality::Breaking | Criticality::Dangerous => Severity::Warning,
        Criticality::Safe => Severity::Note,
    };
    let message = match change.affected_operations.as_deref() {
        Some(operations) if !operations.is_empty() => {
            let names: Vec<&str> = operations
                .iter()
                .map(|operation| operation.name.as_str())
                .collect();
            format!("{} (used by {})", change.message, names.join(", "))
        }
        _ => change.message.clone(),
    };
    Diagnostic::new(
        change.change_type.as_str(),
        heck::ToKebabCase::to_kebab_case(change.change_type.as_str()),
        severity,
        message,
    )
    .at_opt(change.location().cloned())
    .with_coordinate(change.path.clone())
    .with_help(change.reason.clone())
}

/// A broken operation as an error at the failing selection.
fn broken_diagnostic(operation: &BrokenOperation) -> Diagnostic {
    Diagnostic::new(
        "OPERATION_BROKEN",
        "operation-broken",
        Severity::Error,
        format!(
            "the operation `{}` no longer validates: {}",
            operation.name, operation.message
        ),
    )
    .at(gqlsmith_model::Location::new(
        operation.file.clone(),
        operation.line,
        operation.column,
    ))
    .with_help("change the operation, or keep what it uses in the schema")
}
