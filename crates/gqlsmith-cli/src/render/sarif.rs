//! SARIF 2.1.0 logs through the serde-sarif crate's typed model, so the output follows the
//! OASIS schema by construction (and a test validates it against the schema as well).

use gqlsmith_model::{Diagnostic, Severity};
use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, Region,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif,
    Tool, ToolComponent,
};

const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// What SARIF says about a rule in the tool's `rules` table.
pub(crate) struct SarifRule {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) summary: String,
    pub(crate) help_markdown: Option<String>,
    pub(crate) default_severity: Severity,
}

/// One run of gqlsmith, with its rule metadata and one result per diagnostic.
pub(crate) fn sarif_log(diagnostics: &[Diagnostic], rules: &[SarifRule]) -> Sarif {
    let descriptors: Vec<ReportingDescriptor> = rules
        .iter()
        .map(|rule| {
            let mut help = MultiformatMessageString::builder()
                .text(rule.summary.clone())
                .build();
            help.markdown = rule.help_markdown.clone();
            ReportingDescriptor::builder()
                .id(rule.code.clone())
                .name(rule.name.clone())
                .short_description(
                    MultiformatMessageString::builder()
                        .text(rule.summary.clone())
                        .build(),
                )
                .help(help)
                .default_configuration(
                    ReportingConfiguration::builder()
                        .level(level(rule.default_severity))
                        .build(),
                )
                .build()
        })
        .collect();
    let results: Vec<SarifResult> = diagnostics
        .iter()
        .map(|diagnostic| {
            let mut text = diagnostic.message.clone();
            if let Some(help) = &diagnostic.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let mut result = SarifResult::builder()
                .rule_id(diagnostic.code.clone())
                .level(result_level(diagnostic.severity))
                .message(Message::builder().text(text).build())
                .build();
            if let Some(location) = &diagnostic.location {
                let region = Region::builder()
                    .start_line(i64::from(location.line))
                    .start_column(i64::from(location.column))
                    .end_column(i64::from(location.column) + i64::from(diagnostic.length.max(1)))
                    .build();
                let physical = PhysicalLocation::builder()
                    .artifact_location(
                        ArtifactLocation::builder()
                            .uri(location.file.to_string())
                            .build(),
                    )
                    .region(region)
                    .build();
                result.locations = Some(vec![Location::builder()
                    .physical_location(physical)
                    .build()]);
            }
            if let Some(index) = rules.iter().position(|rule| rule.code == diagnostic.code) {
                result.rule_index = Some(index as i64);
            }
            result
        })
        .collect();
    let driver = ToolComponent::builder()
        .name("gqlsmith")
        .version(env!("CARGO_PKG_VERSION"))
        .information_uri("https://example.invalid/gqlsmith")
        .rules(descriptors)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .build();
    Sarif::builder()
        .version(serde_json::json!("2.1.0"))
        .schema(SARIF_SCHEMA)
        .runs(vec![run])
        .build()
}

fn level(severity: Severity) -> serde_json::Value {
    serde_json::Value::from(match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    })
}

fn result_level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Note => ResultLevel::Note,
    }
}
