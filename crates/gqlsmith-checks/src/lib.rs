#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod baseline;
mod catalogue;
mod config;
mod context;
mod registry;
mod rules;
mod suppression;

pub use baseline::{Baseline, BaselineEntry};
pub use catalogue::{error_catalogue, ErrorCatalogue};
pub use config::{
    Config, CursorNullability, DescribedKind, DescriptionOptions, ErrorOptions, Level,
    NamingOptions, RelayOptions,
};
pub use registry::{rules, Family, Profile, RuleMeta};
pub use suppression::apply_suppressions;

use gqlsmith_model::{Date, Diagnostic, Schema};

/// Runs every rule the config switches on over `schema` and returns the findings, sorted by
/// file, line, column, code and coordinate. `today` decides which removals are overdue.
///
/// Findings at coordinates the config ignores are dropped here; inline suppressions need the
/// source text, see [`apply_suppressions`].
pub fn check(schema: &Schema, config: &Config, today: Date) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    let error_code_pattern = match regex::Regex::new(&config.errors.pattern) {
        Ok(pattern) => pattern,
        Err(_) => {
            findings.push(
                Diagnostic::error(
                    "C003",
                    "invalid-error-code-pattern",
                    format!(
                        "`[check.errors] pattern` `{}` is not a regular expression",
                        config.errors.pattern
                    ),
                )
                .with_help("the default pattern is used instead; fix the pattern in gqlsmith.toml"),
            );
            regex::Regex::new(ErrorOptions::KRAKEN_PATTERN)
                .unwrap_or_else(|_| unreachable!("the default pattern is valid"))
        }
    };
    let resolved = context::Resolved {
        config,
        error_code_pattern,
        error_registry: config.error_registry.as_ref(),
    };
    for rule in rules() {
        let Some(severity) = config.severity_of(rule) else {
            continue;
        };
        let mut cx = context::Context {
            schema,
            options: &resolved,
            today,
            rule,
            severity,
            findings: Vec::new(),
        };
        (rule.check)(&mut cx);
        findings.extend(cx.findings.into_iter().filter(|finding| {
            finding
                .coordinate
                .as_deref()
                .is_none_or(|coordinate| !config.ignores(rule, coordinate))
        }));
    }
    sort_findings(&mut findings);
    findings
}

/// The deterministic order of findings: by location (findings without one last), then code,
/// coordinate and message.
fn sort_findings(findings: &mut [Diagnostic]) {
    findings.sort_by(|a, b| {
        (
            a.location.is_none(),
            &a.location,
            &a.code,
            &a.coordinate,
            &a.message,
        )
            .cmp(&(
                b.location.is_none(),
                &b.location,
                &b.code,
                &b.coordinate,
                &b.message,
            ))
    });
}
