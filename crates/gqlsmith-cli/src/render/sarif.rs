//! SARIF 2.1.0 logs through the serde-sarif crate's typed model, so the output follows the
//! OASIS schema by construction. Beyond the schema, the logs meet what GitHub code scanning
//! requires (`cargo test -p gqlsmith-cli --test sarif_multitool` runs Microsoft's SARIF
//! Multitool with its GitHub rules over them): every rule has a `fullDescription`, and every
//! artifact is a URI relative to the repository root (`%SRCROOT%`), never an absolute path.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use gqlsmith_checks::RuleMeta;
use gqlsmith_diff::{ChangeType, Criticality};
use gqlsmith_model::{Diagnostic, Severity};
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, PhysicalLocation,
    Region, ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run,
    Sarif, Tool, ToolComponent,
};

const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The `uriBaseId` of every artifact under the repository root (or the current directory,
/// outside a repository); GitHub resolves it against the checkout.
const SOURCE_ROOT: &str = "%SRCROOT%";

/// What SARIF says about a rule in the tool's `rules` table.
pub(crate) struct SarifRule {
    pub(crate) code: String,
    pub(crate) name: String,
    /// One sentence (`shortDescription`).
    pub(crate) summary: String,
    /// A paragraph or two (`fullDescription`, which GitHub code scanning requires).
    pub(crate) description: String,
    /// The full documentation, when there is more than the description (`help.markdown`).
    pub(crate) help_markdown: Option<String>,
    /// Where the convention the rule enforces is specified (`helpUri`).
    pub(crate) help_uri: Option<String>,
    pub(crate) default_severity: Severity,
}

impl SarifRule {
    /// A lint rule, described by its doc comment: "What it does" is the summary, with "Why is
    /// this bad?" the description, the whole comment the help, and the first link under
    /// "References" the help URI.
    pub(crate) fn lint(rule: &RuleMeta) -> SarifRule {
        let documentation = rule.documentation();
        let what = section(&documentation, "What it does");
        let why = section(&documentation, "Why is this bad?");
        SarifRule {
            code: rule.code.to_owned(),
            name: rule.name.to_owned(),
            summary: rule.summary(),
            description: [what, why]
                .into_iter()
                .filter(|text| !text.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            help_uri: first_link(&section(&documentation, "References")),
            help_markdown: Some(documentation),
            default_severity: rule.default_severity,
        }
    }

    /// Every lint rule, in code order.
    pub(crate) fn lint_rules() -> Vec<SarifRule> {
        gqlsmith_checks::rules()
            .iter()
            .map(SarifRule::lint)
            .collect()
    }

    /// A kind of schema change, described by the diff crate; `criticality` is the one this run
    /// saw first, as the rule's default level.
    pub(crate) fn change(change_type: ChangeType, criticality: Criticality) -> SarifRule {
        let code = change_type.as_str();
        SarifRule {
            code: code.to_owned(),
            name: heck::ToKebabCase::to_kebab_case(code),
            summary: first_sentence(change_type.description()),
            description: change_type.description().to_owned(),
            help_markdown: None,
            help_uri: Some(change_type.specification_url().to_owned()),
            default_severity: match criticality {
                Criticality::Safe => Severity::Note,
                Criticality::Dangerous | Criticality::Breaking => Severity::Warning,
            },
        }
    }

    /// A rule for a diagnostic that has no entry in a rules table (a reader's, an allow
    /// list's, an input that cannot be read): GitHub still wants a description for it.
    fn for_diagnostic(diagnostic: &Diagnostic) -> SarifRule {
        let words = diagnostic.name.replace('-', " ");
        let what = match diagnostic.severity {
            Severity::Error => "gqlsmith could not use an input",
            Severity::Warning | Severity::Note => "gqlsmith read an input with a remark",
        };
        SarifRule {
            code: diagnostic.code.clone(),
            name: diagnostic.name.clone(),
            summary: format!("{}.", capitalize(&words)),
            description: format!(
                "{what} ({words}). The result's message says where and why, and its help line what to do next."
            ),
            help_markdown: None,
            help_uri: None,
            default_severity: diagnostic.severity,
        }
    }
}

/// One run of gqlsmith, with its rule metadata and one result per diagnostic. Diagnostics
/// whose code is not in `rules` (reader errors, stale allow entries) get a rule of their own.
/// `successful` is false when the run stopped on an input it could not use.
pub(crate) fn sarif_log(
    diagnostics: &[Diagnostic],
    rules: Vec<SarifRule>,
    successful: bool,
) -> Sarif {
    let mut rules = rules;
    for diagnostic in diagnostics {
        if !rules.iter().any(|rule| rule.code == diagnostic.code) {
            rules.push(SarifRule::for_diagnostic(diagnostic));
        }
    }
    let base = ArtifactBase::current();
    let descriptors: Vec<ReportingDescriptor> = rules.iter().map(descriptor).collect();
    let results: Vec<SarifResult> = diagnostics
        .iter()
        .map(|diagnostic| result(diagnostic, &rules, base.as_ref()))
        .collect();
    let mut driver = ToolComponent::builder()
        .name("gqlsmith")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(descriptors)
        .build();
    driver.information_uri = information_uri().map(str::to_owned);
    let mut run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .invocations(vec![Invocation::builder()
            .execution_successful(successful)
            .build()])
        .build();
    if let Some(base) = &base {
        run.original_uri_base_ids = Some(BTreeMap::from([(
            SOURCE_ROOT.to_owned(),
            ArtifactLocation::builder().uri(base.root_uri()).build(),
        )]));
    }
    Sarif::builder()
        .version(serde_json::json!("2.1.0"))
        .schema(SARIF_SCHEMA)
        .runs(vec![run])
        .build()
}

/// The log of a run that stopped before it checked anything: the reason as its one result, at
/// line 1 of `blamed`, the file it is about (GitHub shows a result only at a location).
pub(crate) fn input_error_log(message: &str, blamed: &Path) -> Sarif {
    let diagnostic = Diagnostic::error("CLI001", "input-error", message).at(
        gqlsmith_model::Location::new(blamed.display().to_string().into(), 1, 1),
    );
    sarif_log(&[diagnostic], Vec::new(), false)
}

/// The project's home page for `informationUri`: the workspace's `repository` when it is a
/// real address (an `.invalid` host, RFC 2606's never-resolving name, is a placeholder).
fn information_uri() -> Option<&'static str> {
    option_env!("CARGO_PKG_REPOSITORY")
        .filter(|uri| uri.starts_with("https://") && !uri.contains(".invalid"))
}

fn descriptor(rule: &SarifRule) -> ReportingDescriptor {
    let text = |text: &str| MultiformatMessageString::builder().text(text).build();
    let mut help = text(&rule.description);
    help.markdown = rule.help_markdown.clone();
    let mut descriptor = ReportingDescriptor::builder()
        .id(rule.code.clone())
        .name(rule.name.clone())
        .short_description(text(&rule.summary))
        .full_description(text(&rule.description))
        .help(help)
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::Value::from(rule.default_severity.as_str()))
                .build(),
        )
        .build();
    descriptor.help_uri = rule.help_uri.clone();
    descriptor
}

fn result(
    diagnostic: &Diagnostic,
    rules: &[SarifRule],
    base: Option<&ArtifactBase>,
) -> SarifResult {
    let mut text = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut result = SarifResult::builder()
        .rule_id(diagnostic.code.clone())
        .level(match diagnostic.severity {
            Severity::Error => ResultLevel::Error,
            Severity::Warning => ResultLevel::Warning,
            Severity::Note => ResultLevel::Note,
        })
        .message(Message::builder().text(text).build())
        .build();
    if let Some(location) = &diagnostic.location {
        let line = i64::from(location.line);
        let column = i64::from(location.column);
        let region = Region::builder()
            .start_line(line)
            .start_column(column)
            .end_line(line)
            .end_column(column + i64::from(diagnostic.length.max(1)))
            .build();
        let physical = PhysicalLocation::builder()
            .artifact_location(artifact_location(&location.file, base))
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
}

/// Where artifacts are resolved from: the repository that holds the current directory (the
/// nearest ancestor with a `.git`), else the current directory itself.
struct ArtifactBase {
    current_dir: PathBuf,
    root: PathBuf,
}

impl ArtifactBase {
    fn current() -> Option<ArtifactBase> {
        let current_dir = std::env::current_dir().ok()?;
        let root = current_dir
            .ancestors()
            .find(|dir| dir.join(".git").exists())
            .unwrap_or(&current_dir)
            .to_path_buf();
        Some(ArtifactBase { current_dir, root })
    }

    /// `file:///…/` with the trailing slash SARIF asks of a base URI.
    fn root_uri(&self) -> String {
        url::Url::from_directory_path(&self.root)
            .map_or_else(|()| self.root.display().to_string(), String::from)
    }
}

/// A file label (as the diagnostics print it: relative to the current directory, or
/// absolute) as an artifact: relative to `%SRCROOT%` when it lies below the root, an absolute
/// `file:` URI otherwise, percent-encoded either way.
fn artifact_location(label: &str, base: Option<&ArtifactBase>) -> ArtifactLocation {
    let Some(base) = base else {
        return ArtifactLocation::builder().uri(label).build();
    };
    let absolute = normalize(&base.current_dir.join(label));
    let relative = absolute.strip_prefix(&base.root).ok().and_then(|_| {
        let root = url::Url::from_directory_path(&base.root).ok()?;
        root.make_relative(&url::Url::from_file_path(&absolute).ok()?)
    });
    match relative {
        Some(uri) => ArtifactLocation::builder()
            .uri(uri)
            .uri_base_id(SOURCE_ROOT)
            .build(),
        None => ArtifactLocation::builder()
            .uri(
                url::Url::from_file_path(&absolute)
                    .map_or_else(|()| label.to_owned(), String::from),
            )
            .build(),
    }
}

/// `a/./b/../c` as `a/c`, without touching the file system (the file may not exist: the
/// bundled page has a label, not a path).
fn normalize(path: &Path) -> PathBuf {
    let mut normalized = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                normalized.pop();
            }
            other => normalized.push(other),
        }
    }
    normalized
}

/// The text of a `## heading` section of a rule's documentation, as one line.
fn section(documentation: &str, heading: &str) -> String {
    let Some((_, after)) = documentation.split_once(&format!("## {heading}\n")) else {
        return String::new();
    };
    after
        .lines()
        .take_while(|line| !line.starts_with("## "))
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first `(https://…)` of a Markdown link.
fn first_link(text: &str) -> Option<String> {
    let start = text.find("](https://")? + 2;
    let end = text[start..].find(')')? + start;
    Some(text[start..end].to_owned())
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(end) => text[..=end].to_owned(),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{artifact_location, first_link, section, ArtifactBase};

    #[track_caller]
    fn check_artifact(label: &str, expect_uri: &str, expect_base: Option<&str>) {
        let base = ArtifactBase {
            current_dir: PathBuf::from("/repo/crates/app"),
            root: PathBuf::from("/repo"),
        };
        let location = artifact_location(label, Some(&base));
        assert_eq!(location.uri.as_deref(), Some(expect_uri), "{label}");
        assert_eq!(location.uri_base_id.as_deref(), expect_base, "{label}");
    }

    #[test]
    fn artifacts_are_relative_to_the_repository_root() {
        check_artifact(
            "schema.graphql",
            "crates/app/schema.graphql",
            Some("%SRCROOT%"),
        );
        check_artifact(
            "../../api/schema.graphql",
            "api/schema.graphql",
            Some("%SRCROOT%"),
        );
        check_artifact(
            "/repo/a b/%.graphql",
            "a%20b/%25.graphql",
            Some("%SRCROOT%"),
        );
        check_artifact(
            "./x/../y.graphql",
            "crates/app/y.graphql",
            Some("%SRCROOT%"),
        );
        check_artifact("/elsewhere/s.graphql", "file:///elsewhere/s.graphql", None);
        check_artifact("../../../up.graphql", "file:///up.graphql", None);
    }

    #[test]
    fn rule_sections_and_links_come_from_the_documentation() {
        let documentation = "## What it does\nChecks a\nthing.\n\n## Why is this bad?\nIt is.\n\n## References\n- [Spec](https://spec.graphql.org/#x) and [b](https://b)\n";
        assert_eq!(section(documentation, "What it does"), "Checks a thing.");
        assert_eq!(section(documentation, "Why is this bad?"), "It is.");
        assert_eq!(section(documentation, "Options"), "");
        assert_eq!(
            first_link(&section(documentation, "References")).as_deref(),
            Some("https://spec.graphql.org/#x")
        );
    }
}
