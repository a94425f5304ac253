//! SARIF for GitHub code scanning, end to end: every rule described (lint rules from their doc
//! comments, diff rules from the diff crate), artifacts relative to the repository root, input
//! errors as results, and Microsoft's SARIF Multitool with its GitHub rules finding no error in
//! what we write.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use support::{gqlsmith, gqlsmith_in, root};

const SMALL: &str = "fixtures/cli/lint-small.graphql";

#[track_caller]
fn sarif(run: &support::Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|error| {
        panic!(
            "stdout is not SARIF ({error}):\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        )
    })
}

fn rules(log: &Value) -> &Vec<Value> {
    log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("the driver lists its rules")
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"]
        .as_array()
        .expect("the run has results")
}

fn file_uri(dir: &Path) -> String {
    format!("file://{}/", dir.display())
}

#[test]
fn every_lint_rule_has_a_full_description_and_help() {
    let log = sarif(&gqlsmith(&[
        "check",
        SMALL,
        "--today",
        "2026-11-29",
        "--format",
        "sarif",
    ]));
    let listed = gqlsmith(&["rules"]).stdout.lines().count();
    assert_eq!(rules(&log).len(), listed, "one SARIF rule per lint rule");
    for rule in rules(&log) {
        let short = rule["shortDescription"]["text"].as_str().unwrap();
        let full = rule["fullDescription"]["text"].as_str().unwrap_or_default();
        // "What it does" and "Why is this bad?" of the doc comment.
        assert!(
            full.starts_with(short) && full.len() > short.len() + 20,
            "{}: fullDescription {full:?}",
            rule["id"]
        );
        assert!(
            rule["helpUri"]
                .as_str()
                .is_some_and(|uri| uri.starts_with("https://")),
            "{}: helpUri {}",
            rule["id"],
            rule["helpUri"]
        );
        assert!(rule["help"]["markdown"]
            .as_str()
            .is_some_and(|markdown| markdown.contains("## Why is this bad?")));
    }
    let connection_type = rules(&log)
        .iter()
        .find(|rule| rule["id"] == "RL001")
        .unwrap();
    assert_eq!(
        connection_type["helpUri"],
        "https://relay.dev/graphql/connections.htm#sec-Connection-Types"
    );
}

#[test]
fn the_tool_has_no_placeholder_address() {
    let log = sarif(&gqlsmith(&["check", SMALL, "--format", "sarif"]));
    let driver = &log["runs"][0]["tool"]["driver"];
    // The workspace's `repository`, when it is a real address; no address rather than a fake.
    match driver["informationUri"].as_str() {
        None => {}
        Some(uri) => assert!(
            uri.starts_with("https://") && !uri.contains(".invalid"),
            "informationUri {uri}"
        ),
    }
    assert_eq!(driver["semanticVersion"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn artifacts_are_relative_to_the_repository_root() {
    let repository = root();
    let absolute = repository.join(SMALL).display().to_string();
    // From the root with an absolute path, and from a subdirectory with a relative one: both
    // name the file the same way, relative to %SRCROOT%.
    for (dir, input) in [
        (repository.clone(), absolute.as_str()),
        (repository.join("fixtures"), "cli/lint-small.graphql"),
    ] {
        let log = sarif(&gqlsmith_in(&dir, &["check", input, "--format", "sarif"]));
        let artifact = &results(&log)[0]["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(artifact["uri"], SMALL, "from {}", dir.display());
        assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
        assert_eq!(
            log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"],
            file_uri(&repository)
        );
    }
}

#[test]
fn outside_a_repository_artifacts_are_relative_to_the_current_directory() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path().canonicalize().unwrap();
    std::fs::create_dir(dir.join("api v2")).unwrap();
    std::fs::copy(root().join(SMALL), dir.join("api v2/schema.graphql")).unwrap();
    let log = sarif(&gqlsmith_in(
        &dir,
        &["check", "api v2/schema.graphql", "--format", "sarif"],
    ));
    let artifact = &results(&log)[0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], "api%20v2/schema.graphql");
    assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
    assert_eq!(
        log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        file_uri(&dir)
    );
}

#[test]
fn diff_rules_explain_each_change_type() {
    let log = sarif(&gqlsmith(&[
        "diff",
        "fixtures/diff/old.graphql",
        "fixtures/diff/new.graphql",
        "--format",
        "sarif",
    ]));
    assert!(rules(&log).len() > 5);
    for rule in rules(&log) {
        let full = rule["fullDescription"]["text"].as_str().unwrap_or_default();
        assert!(
            ["breaking", "dangerous", "safe"]
                .iter()
                .any(|criticality| full.contains(criticality)),
            "{}: {full}",
            rule["id"]
        );
        assert!(
            rule["helpUri"]
                .as_str()
                .is_some_and(|uri| uri.starts_with("https://spec.graphql.org/")),
            "{}",
            rule["id"]
        );
    }
    let removed = rules(&log)
        .iter()
        .find(|rule| rule["id"] == "FIELD_REMOVED")
        .unwrap();
    assert_eq!(
        removed["shortDescription"]["text"],
        "A field was removed from an object or interface type."
    );
}

#[test]
fn an_unreadable_input_is_a_result_not_an_empty_log() {
    for args in [
        vec!["check", "missing.graphql", "--format", "sarif"],
        vec![
            "diff",
            "missing.graphql",
            "fixtures/diff/new.graphql",
            "--format",
            "sarif",
        ],
    ] {
        let run = gqlsmith(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("cannot read `missing.graphql`"));
        let log = sarif(&run);
        let [result] = &results(&log)[..] else {
            panic!("{args:?}: one result: {log:#}")
        };
        assert_eq!(result["level"], "error");
        assert_eq!(result["ruleId"], "CLI001");
        assert!(result["message"]["text"]
            .as_str()
            .unwrap()
            .contains("cannot read `missing.graphql`"));
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "missing.graphql"
        );
        assert_eq!(
            log["runs"][0]["invocations"][0]["executionSuccessful"],
            false
        );
    }
}

#[test]
fn reader_errors_are_results_at_their_lines() {
    let scratch = tempfile::tempdir().unwrap();
    std::fs::write(
        scratch.path().join("bad.graphql"),
        "type Query {\n  a: Strin\n}\n",
    )
    .unwrap();
    let run = gqlsmith_in(
        scratch.path(),
        &["check", "bad.graphql", "--format", "sarif"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let log = sarif(&run);
    let [result] = &results(&log)[..] else {
        panic!("one result: {log:#}")
    };
    assert_eq!(result["ruleId"], "S220");
    assert_eq!(result["level"], "error");
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "bad.graphql");
    assert_eq!(location["region"]["startLine"], 2);
    assert_eq!(location["region"]["startColumn"], 6);
    assert_eq!(location["region"]["endColumn"], 11);
    let rule = &rules(&log)[result["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "S220");
    assert!(rule["fullDescription"]["text"].as_str().is_some());
}

/// The multitool's binary. Its npm launcher (`bin.js`) re-parses the arguments with a shell,
/// which would split `--rule-kind "Sarif;Gh"` at the `;`, so the platform binary the package
/// resolves to is run instead.
fn multitool() -> PathBuf {
    let tools = root().join("tools");
    let missing = "the SARIF Multitool is not installed: run `npm ci --prefix tools` (what `cargo xtask test` does before the tests)";
    let output = Command::new("node")
        .args(["-p", "require('@microsoft/sarif-multitool')"])
        .current_dir(&tools)
        .output()
        .unwrap_or_else(|error| panic!("{missing} ({error} running node)"));
    assert!(
        output.status.success(),
        "{missing}:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let path = PathBuf::from(String::from_utf8(output.stdout).unwrap().trim());
    assert!(path.is_file(), "{missing} (no {})", path.display());
    path
}

/// The errors the multitool's SARIF and GitHub rules find in `log`, one line each.
fn multitool_errors(multitool: &Path, name: &str, log: &str) -> Vec<String> {
    let scratch = tempfile::tempdir().unwrap();
    let input = scratch.path().join(format!("{name}.sarif"));
    let output = scratch.path().join(format!("{name}.validation.sarif"));
    std::fs::write(&input, log).unwrap();
    let run = Command::new(multitool)
        .arg("validate")
        .args(["--rule-kind", "Sarif;Gh"])
        .arg("--output")
        .arg(&output)
        .arg(&input)
        // A self-contained .NET program: without ICU on the machine it needs this to start.
        .env("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
        .env("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
        .output()
        .expect("the SARIF Multitool runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success() && output.exists(),
        "the multitool failed on {name}:\n{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let validation: Value =
        serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    assert_eq!(
        validation["runs"][0]["invocations"][0]["executionSuccessful"], true,
        "{name}: {stdout}"
    );
    results(&validation)
        .iter()
        .filter(|result| result["level"] == "error")
        .map(|result| {
            format!(
                "{} {}",
                result["ruleId"].as_str().unwrap_or_default(),
                result["message"]["arguments"]
            )
        })
        .collect()
}

#[test]
fn the_sarif_multitool_finds_no_error_for_github() {
    let multitool = multitool();
    let scratch = tempfile::tempdir().unwrap();
    std::fs::write(scratch.path().join("bad.graphql"), "type Query {\n  a: \n").unwrap();
    let bad = scratch.path().join("bad.graphql").display().to_string();
    let cases: [(&str, Vec<&str>); 6] = [
        ("kraken", vec!["check", "--format", "sarif"]),
        (
            "github",
            vec![
                "check",
                "fixtures/schema-pairs/github/new.valid.graphql",
                "--format",
                "sarif",
            ],
        ),
        (
            "diff",
            vec![
                "diff",
                "fixtures/schema-pairs/shopify-storefront/old.graphql",
                "fixtures/schema-pairs/shopify-storefront/new.graphql",
                "--format",
                "sarif",
            ],
        ),
        ("syntax-error", vec!["check", &bad, "--format", "sarif"]),
        (
            "unreadable",
            vec!["check", "missing.graphql", "--format", "sarif"],
        ),
        (
            "missing-config",
            vec!["check", "--config", "missing.toml", "--format", "sarif"],
        ),
    ];
    let mut failures = Vec::new();
    for (name, args) in cases {
        let run = gqlsmith(&args);
        let log = sarif(&run);
        assert!(!results(&log).is_empty(), "{name} has results");
        for error in multitool_errors(&multitool, name, &run.stdout) {
            failures.push(format!("{name}: {error}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
