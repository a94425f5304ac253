//! `gqlsmith check` end to end: the four output formats, SARIF against the OASIS schema, the
//! baseline round trip, and every real fixture checked without a crash.

mod support;

use support::{gqlsmith, gqlsmith_in, root};

const SMALL: &str = "fixtures/cli/lint-small.graphql";

#[track_caller]
fn check_format(format: &str) -> String {
    let run = gqlsmith(&["check", SMALL, "--today", "2026-11-29", "--format", format]);
    assert_eq!(
        run.code, 1,
        "one error-level finding fails the gate; stderr:\n{}",
        run.stderr
    );
    run.stdout
}

#[test]
fn human_format() {
    insta::assert_snapshot!(check_format("human"));
}

#[test]
fn json_format() {
    insta::assert_snapshot!(check_format("json"));
}

#[test]
fn github_format() {
    insta::assert_snapshot!(check_format("github"));
}

#[test]
fn sarif_format() {
    // Each rule's full documentation travels in `help.markdown`; it has its own snapshot per
    // rule in gqlsmith-checks, so here it is redacted to keep this snapshot about the log.
    let mut log: serde_json::Value = serde_json::from_str(&check_format("sarif")).unwrap();
    for rule in log["runs"][0]["tool"]["driver"]["rules"]
        .as_array_mut()
        .unwrap()
    {
        let markdown = &mut rule["help"]["markdown"];
        assert!(
            markdown
                .as_str()
                .is_some_and(|docs| docs.contains("## What it does")),
            "{rule}"
        );
        *markdown = "[the rule's documentation]".into();
    }
    // The repository root as an absolute `file:` URI differs from machine to machine.
    let base = &mut log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
    assert_eq!(*base, format!("file://{}/", root().display()));
    *base = "file:///[repository root]/".into();
    insta::assert_snapshot!(serde_json::to_string_pretty(&log).unwrap());
}

#[test]
fn sarif_is_valid_against_the_oasis_schema() {
    let schema_text =
        std::fs::read_to_string(root().join("fixtures/sarif/sarif-schema-2.1.0.json")).unwrap();
    // The OASIS schema's `run.language` pattern has a stray `]`, which ECMA-262 regexes accept as
    // a literal and the Rust engine behind `jsonschema` rejects. Our logs never set `language`,
    // so the pattern is made parseable here (in memory; the fixture stays byte for byte).
    let schema_text = schema_text.replace("[a-zA-Z]{2}]?$", "[a-zA-Z]{2}\\\\]?$");
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    for args in [
        vec!["check", SMALL, "--today", "2026-11-29", "--format", "sarif"],
        vec!["check", "--format", "sarif"],
    ] {
        let run = gqlsmith(&args);
        let log: serde_json::Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "SARIF of {args:?} breaks the schema:\n{}",
            errors.join("\n")
        );
        assert!(
            !log["runs"][0]["results"].as_array().unwrap().is_empty(),
            "{args:?} has findings"
        );
    }
}

#[test]
fn baseline_round_trip() {
    let scratch = tempfile::tempdir().unwrap();
    let schema = scratch.path().join("schema.graphql");
    let baseline = scratch.path().join("baseline.json");
    let original = std::fs::read_to_string(root().join(SMALL)).unwrap();
    std::fs::write(&schema, &original).unwrap();
    let dir = scratch.path();

    let write = gqlsmith_in(
        dir,
        &[
            "check",
            "schema.graphql",
            "--today",
            "2026-11-29",
            "--write-baseline",
            "baseline.json",
        ],
    );
    assert_eq!(write.code, 0, "{}", write.stderr);
    assert!(baseline.exists());

    // The same findings are accepted: nothing new, exit 0.
    let same = gqlsmith_in(
        dir,
        &[
            "check",
            "schema.graphql",
            "--today",
            "2026-11-29",
            "--baseline",
            "baseline.json",
        ],
    );
    assert_eq!(same.code, 0, "{}{}", same.stdout, same.stderr);
    assert!(
        same.stdout.contains("0 errors, 0 warnings"),
        "{}",
        same.stdout
    );

    // Lines moved by an edit elsewhere do not invalidate the baseline (it is keyed by rule and
    // schema coordinate, not by line).
    std::fs::write(
        &schema,
        format!("# a comment that moves every line\n\n{original}"),
    )
    .unwrap();
    let moved = gqlsmith_in(
        dir,
        &[
            "check",
            "schema.graphql",
            "--today",
            "2026-11-29",
            "--baseline",
            "baseline.json",
        ],
    );
    assert_eq!(moved.code, 0, "{}", moved.stdout);

    // A new violation is reported; a fixed one is reported as a fixed baseline entry.
    let edited = original.replace(
        "ship_name: String",
        "shipName: String\n  \"Bad.\"\n  other_name: String",
    );
    std::fs::write(&schema, edited).unwrap();
    let new = gqlsmith_in(
        dir,
        &[
            "check",
            "schema.graphql",
            "--today",
            "2026-11-29",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
    );
    let report: serde_json::Value = serde_json::from_str(&new.stdout).unwrap();
    let coordinates: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["coordinate"].as_str().unwrap())
        .collect();
    assert_eq!(coordinates, ["Ship.other_name"]);
    assert_eq!(
        report["fixed_baseline_entries"].as_array().unwrap().len(),
        1,
        "{}",
        new.stdout
    );
}

#[test]
fn every_fixture_is_checked_without_a_crash() {
    for input in [
        "fixtures/kraken/objects.txt",
        "fixtures/schemas/github.valid.graphql",
        "fixtures/schemas/github.json",
        "fixtures/schemas/saleor.graphql",
        "fixtures/schemas/artsy.graphql",
        "fixtures/schemas/shopify-storefront.graphql",
        "fixtures/schemas/shopify-storefront.json",
        "fixtures/schemas/shopify-customer-account.graphql",
        "fixtures/schemas/shopify-customer-account.json",
    ] {
        let run = gqlsmith(&["check", input, "--today", "2026-11-29", "--format", "json"]);
        assert!(
            run.code == 0 || run.code == 1,
            "{input}: exit {}\n{}",
            run.code,
            run.stderr
        );
        let report: serde_json::Value =
            serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert!(report["findings"].is_array(), "{input}");
    }
    // GitHub's published schema defines two fields twice: reading fails with both places shown.
    let invalid = gqlsmith(&["check", "fixtures/schemas/github.graphql"]);
    assert_eq!(invalid.code, 1);
    assert!(
        invalid.stderr.contains("repositoryDeployKeySetting"),
        "{}",
        invalid.stderr
    );
}

/// Rule names of the findings in a `--format json` report.
fn rules_found(run: &support::Run) -> std::collections::BTreeSet<String> {
    let report: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|error| panic!("{error}\n{}", run.stderr));
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|finding| finding["name"].as_str().expect("a rule name").to_owned())
        .collect()
}

#[test]
fn error_code_rules_run_without_config_when_the_schema_declares_codes() {
    let dir = tempfile::tempdir().unwrap();
    // No gqlsmith.toml here: the defaults apply. The page lists KT-CT codes, so the Kraken
    // error-code rules run (the page repeats codes within one list).
    let check_json = |fixture: &str| {
        let input = support::root().join(fixture).display().to_string();
        gqlsmith_in(
            dir.path(),
            &["check", &input, "--format", "json", "--today", "2026-11-29"],
        )
    };
    let docs = check_json("fixtures/kraken/objects.txt");
    assert!(
        rules_found(&docs).contains("error-code-repeated"),
        "{}",
        docs.stdout
    );
    // Artsy's schema declares no error codes: no Kraken rule reports, Relay ones still run.
    let sdl = check_json("fixtures/schemas/artsy.graphql");
    let found = rules_found(&sdl);
    assert!(
        found.iter().all(|rule| !rule.contains("error")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|rule| rule.starts_with("connection") || rule.starts_with("edge")),
        "{found:?}"
    );
}

#[test]
fn the_error_registry_is_read_relative_to_the_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("conf")).unwrap();
    std::fs::write(
        dir.path().join("schema.graphql"),
        // gqlsmith's own SDL marker for a docs page's error list (what `convert --to sdl` writes).
        "directive @gqlsmith_error_code(code: String!, message: String!) repeatable on OBJECT\n\
         type Query { a: Int }\n\
         \"Do the thing.\" type DoThing @gqlsmith_error_code(code: \"KT-CT-1111\", message: \"Unauthorized.\") { \"Errors.\" possibleErrors: [String] }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("conf/gqlsmith.toml"),
        "inputs = [\"../schema.graphql\"]\n[check]\nprofiles = [\"kraken\"]\n[check.errors]\nregistry = \"codes.txt\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("conf/codes.txt"),
        "# known codes\nKT-CT-9999: Never raised.\n",
    )
    .unwrap();
    let run = gqlsmith_in(
        dir.path(),
        &[
            "check",
            "--config",
            "conf/gqlsmith.toml",
            "--format",
            "json",
        ],
    );
    let found = rules_found(&run);
    assert!(
        found.contains("unknown-error-code"),
        "{found:?}\n{}",
        run.stderr
    );
    assert!(found.contains("unused-error-code"), "{found:?}");

    std::fs::remove_file(dir.path().join("conf/codes.txt")).unwrap();
    let missing = gqlsmith_in(dir.path(), &["check", "--config", "conf/gqlsmith.toml"]);
    assert_eq!(missing.code, 2, "{}", missing.stderr);
    assert!(missing.stderr.contains("codes.txt"), "{}", missing.stderr);
    assert!(missing.stdout.is_empty());
}
