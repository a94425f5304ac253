//! Every rule over its fixture, `fixtures/rules/<CODE>.graphql` (or `<CODE>.txt`, a docs page,
//! for the rules only a docs page can trigger), snapshotted as the text a user sees. Each
//! fixture has its positive cases first and then an `# OK` section that must stay silent.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use gqlsmith_checks::{
    apply_suppressions, check, check_with_documents, rules, Config, Level, Profile, RuleMeta,
};
use gqlsmith_model::{Date, Diagnostic, Loaded, Severity};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The fixture of `code`: its path relative to the repository root, if there is one.
fn fixture_of(code: &str) -> Option<String> {
    ["graphql", "txt"]
        .iter()
        .map(|extension| format!("fixtures/rules/{code}.{extension}"))
        .find(|path| repo_root().join(path).exists())
}

/// The fixture loaded as `gqlsmith check` loads it (recovery included for docs pages).
fn read(path: &str, text: &str) -> Loaded {
    gqlsmith::test_support::text(path, text).loaded
}

/// A config that runs `only` at its default severity and nothing else.
fn config_for(only: &RuleMeta) -> Config {
    let mut config = Config::default();
    config.profiles = vec![Profile::Relay, Profile::Kraken, Profile::Strict];
    for rule in rules() {
        let level = if rule.code != only.code {
            Level::Off
        } else if rule.default_severity == Severity::Error {
            Level::Error
        } else {
            Level::Warn
        };
        config.rules.insert(rule.name.to_owned(), level);
    }
    config
}

/// The finding as the snapshot shows it: the one-line Display, then coordinate, labels, help.
fn render(finding: &Diagnostic) -> String {
    let mut text = format!("{finding}\n");
    if let Some(coordinate) = &finding.coordinate {
        text.push_str(&format!(
            "  = coordinate: {coordinate} (underline {} chars)\n",
            finding.length
        ));
    }
    for label in &finding.labels {
        text.push_str(&format!(
            "  = note: {}: {}\n",
            label.location, label.message
        ));
    }
    if let Some(help) = &finding.help {
        text.push_str(&format!("  = help: {help}\n"));
    }
    text
}

/// Runs `rule` over its fixture; returns the rendered findings, the findings, and the line
/// the `# OK` section starts on.
fn run(rule: &RuleMeta) -> (String, Vec<Diagnostic>, u32) {
    let path = fixture_of(rule.code).unwrap_or_else(|| panic!("{} has no fixture", rule.code));
    let text = std::fs::read_to_string(repo_root().join(&path)).unwrap();
    let loaded = read(&path, &text);
    let mut config = config_for(rule);
    let registry_path = format!("fixtures/rules/{}.registry", rule.code);
    if let Ok(registry) = std::fs::read_to_string(repo_root().join(&registry_path)) {
        config
            .load_error_registry(&registry, registry_path.as_str())
            .unwrap();
    }
    let today = Date::parse("2025-06-01").unwrap();
    // An operation rule's fixture is a schema plus `<CODE>.documents.graphql`, whose
    // `# OK` section is the one that must stay silent.
    let documents_path = format!("fixtures/rules/{}.documents.graphql", rule.code);
    let mut document_diagnostics = Vec::new();
    let (findings, text, path) = match std::fs::read_to_string(repo_root().join(&documents_path)) {
        Ok(documents_text) => {
            let file = gqlsmith::DocumentFile {
                label: Arc::from(documents_path.as_str()),
                text: Arc::from(documents_text.as_str()),
                graphql: documents_text.clone(),
            };
            let read = gqlsmith::read_documents(&loaded.schema, &[file]);
            // Validation findings, if the case needs an invalid document, show in the snapshot.
            let mut findings =
                check_with_documents(&loaded.schema, Some(&read.documents), &config, today);
            document_diagnostics = read.diagnostics;
            findings.retain(|finding| finding.code == rule.code);
            (findings, documents_text, documents_path)
        }
        Err(_) => (check(&loaded.schema, &config, today), text, path),
    };
    let file: Arc<str> = Arc::from(path.as_str());
    let findings = apply_suppressions(findings, &[(file, &text)]);
    let marker = text
        .lines()
        .position(|line| line.trim() == "# OK")
        .expect("the fixture has an `# OK` section");
    // In SDL the marker is its own line; on a docs page it is the description of the first
    // OK block, whose name stands on the line before.
    let ok_line = u32::try_from(marker).unwrap() + if path.ends_with(".txt") { 0 } else { 1 };
    let mut rendered = String::new();
    for diagnostic in loaded
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.is_error())
    {
        rendered.push_str(&format!("reader: {diagnostic}\n"));
    }
    for diagnostic in &document_diagnostics {
        rendered.push_str(&format!("documents: {diagnostic}\n"));
    }
    for finding in &findings {
        rendered.push_str(&render(finding));
    }
    (rendered, findings, ok_line)
}

#[test]
fn every_rule_over_its_fixture() {
    for rule in rules() {
        let (rendered, findings, ok_line) = run(rule);
        assert!(
            !findings.is_empty(),
            "{}: the positive cases found nothing",
            rule.code
        );
        for finding in &findings {
            let line = finding
                .location
                .as_ref()
                .map_or(0, |location| location.line);
            let in_registry = finding
                .location
                .as_ref()
                .is_some_and(|location| location.file.ends_with(".registry"));
            assert!(
                in_registry || line < ok_line,
                "{}: a finding in the `# OK` section (line {ok_line} on): {finding}",
                rule.code
            );
            assert_eq!(finding.code, rule.code);
        }
        insta::assert_snapshot!(rule.code, rendered);
    }
}
