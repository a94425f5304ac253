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

use gqlsmith_model::{Date, Diagnostic, Documents, Schema};

/// Runs every rule the config switches on over `schema` and returns the findings, sorted by
/// file, line, column, code and coordinate. `today` decides which removals are overdue.
///
/// Findings at coordinates the config ignores are dropped here; inline suppressions need the
/// source text, see [`apply_suppressions`].
pub fn check(schema: &Schema, config: &Config, today: Date) -> Vec<Diagnostic> {
    check_with_documents(schema, None, config, today)
}

/// [`check`] with client operations: the operation rules (family `operations`) run over
/// `documents` too.
pub fn check_with_documents(
    schema: &Schema,
    documents: Option<&Documents>,
    config: &Config,
    today: Date,
) -> Vec<Diagnostic> {
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
            documents,
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    /// Checks `sdl` with the `[check]` table `config` and renders each finding as
    /// `line:column severity code coordinate`.
    #[track_caller]
    fn check_sdl(config: &str, sdl: &str, expect: &[&str]) {
        let config = Config::from_toml(config, "gqlsmith.toml").unwrap();
        let loaded = gqlsmith_sdl::read_sdl(&[(Arc::from("schema.graphql"), sdl)]);
        let findings = check(&loaded.schema, &config, Date::parse("2025-06-01").unwrap());
        let rendered: Vec<String> = findings
            .iter()
            .map(|finding| {
                let location = finding
                    .location
                    .as_ref()
                    .map(|l| format!("{}:{}", l.line, l.column))
                    .unwrap_or_default();
                format!(
                    "{location} {} {} {}",
                    finding.severity,
                    finding.code,
                    finding.coordinate.as_deref().unwrap_or("")
                )
            })
            .collect();
        assert_eq!(rendered, expect);
    }

    const QUIET: &str = "[check.rules]\ndescription-missing = \"off\"\n";

    #[test]
    fn findings_are_sorted_by_place_then_code() {
        check_sdl(
            QUIET,
            "type Build_Info {\n  SHA: String\n  ok: Int\n}\nenum Fuel { gas }\n",
            &[
                "1:6 warning NM001 Build_Info",
                "2:3 warning NM002 Build_Info.SHA",
                "5:13 warning NM003 Fuel.gas",
            ],
        );
    }

    #[test]
    fn ignores_drop_findings_at_and_below_a_coordinate() {
        let sdl = "type Build_Info {\n  SHA: String\n}\ntype Other {\n  SHA: String\n}\n";
        check_sdl(
            &format!("[check]\nignore = [\"Build_Info\"]\n{QUIET}"),
            sdl,
            &["5:3 warning NM002 Other.SHA"],
        );
        check_sdl(
            &format!("{QUIET}[check.per-coordinate-ignores]\n\"Other.SHA\" = [\"field-name-case\"]\n\"Build_Info\" = [\"NM001\"]\n"),
            sdl,
            &["2:3 warning NM002 Build_Info.SHA"],
        );
    }

    #[test]
    fn levels_set_severity_and_switch_rules_off() {
        let sdl = "type Build_Info {\n  SHA: String\n}\n";
        check_sdl(
            "[check.rules]\ndescription-missing = \"off\"\ntype-name-case = \"error\"\nNM002 = \"off\"\n",
            sdl,
            &["1:6 error NM001 Build_Info"],
        );
        check_sdl("[check.naming]\nexceptions = [\"Build_Info\", \"SHA\"]\n[check.rules]\ndescription-missing = \"off\"\n", sdl, &[]);
    }
}
