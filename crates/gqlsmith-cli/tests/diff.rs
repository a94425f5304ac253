//! `gqlsmith diff` end to end: exit codes, the allow list, every output format, and diffs
//! across input formats.

mod support;

use support::gqlsmith;

const OLD: &str = "fixtures/diff/old.graphql";
const NEW: &str = "fixtures/diff/new.graphql";

#[track_caller]
fn diff(extra: &[&str]) -> support::Run {
    let mut args = vec!["diff", OLD, NEW];
    args.extend_from_slice(extra);
    gqlsmith(&args)
}

#[test]
fn breaking_changes_fail_the_gate() {
    assert_eq!(diff(&[]).code, 1);
    assert_eq!(diff(&["--fail-on", "none"]).code, 0);
}

#[test]
fn allowed_breaking_changes_do_not_fail_but_are_reported() {
    let run = diff(&["--allow", "fixtures/diff/allow.toml", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let changes = report["changes"].as_array().unwrap();
    let mut approved: Vec<&str> = changes
        .iter()
        .filter(|c| c["approved"] == true)
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    approved.sort_unstable();
    assert_eq!(approved, ["Product.price", "Query.legacySearch"]);
    let stale = report["stale_allow_entries"].as_array().unwrap();
    assert_eq!(stale.len(), 1, "the `Query.search` entry matches nothing");
    assert_eq!(stale[0]["name"], "stale-allow-entry");
    let unapproved_breaking = changes
        .iter()
        .any(|c| c["criticality"] == "breaking" && c["approved"] == false);
    assert_eq!(
        run.code,
        i32::from(unapproved_breaking),
        "exit 1 only for breaking changes not on the allow list"
    );
}

#[test]
fn human_format() {
    insta::assert_snapshot!(diff(&["--allow", "fixtures/diff/allow.toml"]).stdout);
}

#[test]
fn markdown_format() {
    insta::assert_snapshot!(diff(&["--format", "markdown"]).stdout);
}

#[test]
fn github_format() {
    insta::assert_snapshot!(diff(&["--format", "github"]).stdout);
}

#[test]
fn sarif_format() {
    // Artifacts are relative to `%SRCROOT%`, the repository root, which the log also gives as
    // an absolute `file:` URI: that one differs from machine to machine.
    let root = format!("file://{}/", support::root().display());
    let stdout = diff(&["--format", "sarif"]).stdout;
    assert!(stdout.contains(&root), "{stdout}");
    insta::assert_snapshot!(stdout.replace(&root, "file:///[repository root]/"));
}

#[test]
fn the_same_schema_in_two_formats_diffs_to_nothing() {
    let run = gqlsmith(&[
        "diff",
        "fixtures/schemas/shopify-storefront.graphql",
        "fixtures/schemas/shopify-storefront.json",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        report["changes"].as_array().unwrap().len(),
        0,
        "{}",
        run.stdout
    );
}

#[test]
fn the_kraken_page_against_itself_diffs_to_nothing() {
    let page = "fixtures/kraken/objects.txt";
    let run = gqlsmith(&["diff", page, page, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap()["changes"],
        serde_json::json!([])
    );
}

#[test]
fn unreadable_inputs_exit_2() {
    let run = gqlsmith(&["diff", OLD, "fixtures/does-not-exist.graphql"]);
    assert_eq!(run.code, 2);
    let scratch = tempfile::tempdir().unwrap();
    let broken = scratch.path().join("broken.graphql");
    std::fs::write(&broken, "type Query {\n  a: \n}\n").unwrap();
    let run = gqlsmith(&["diff", OLD, &broken.display().to_string()]);
    assert_eq!(run.code, 2, "a syntax error in an input is bad input");
    assert!(run.stderr.contains("broken.graphql:3:1"), "{}", run.stderr);
}
