//! Snapshots of every report of the small pair in `fixtures/diff/`: human text, Markdown,
//! JSON, with the allow list applied.

use std::sync::Arc;

use gqlsmith_diff::{diff, render_human, render_markdown, AllowList, Change, DiffOptions, FailOn};
use gqlsmith_model::Schema;

fn fixture(name: &str) -> String {
    let path = format!("{}/../../fixtures/diff/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn read(name: &str) -> Schema {
    let text = fixture(name);
    let loaded =
        gqlsmith_sdl::read_sdl(&[(Arc::from(format!("fixtures/diff/{name}")), text.as_str())]);
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
    loaded.schema
}

/// The pair's changes with `fixtures/diff/allow.toml` applied, and the stale entries.
fn approved_changes() -> (Vec<Change>, Vec<String>) {
    let mut changes = diff(
        &read("old.graphql"),
        &read("new.graphql"),
        &DiffOptions::default(),
    );
    let allow = AllowList::parse(
        &fixture("allow.toml"),
        Arc::from("fixtures/diff/allow.toml"),
    )
    .expect("a valid allow list");
    let stale = allow
        .apply(&mut changes)
        .iter()
        .map(ToString::to_string)
        .collect();
    (changes, stale)
}

#[test]
fn human_report() {
    let (changes, stale) = approved_changes();
    insta::assert_snapshot!(format!(
        "{}\nstale allow entries:\n{}\n",
        render_human(&changes),
        stale.join("\n")
    ));
}

#[test]
fn markdown_report() {
    let (changes, _) = approved_changes();
    insta::assert_snapshot!(render_markdown(&changes));
}

#[test]
fn json_report() {
    let (changes, _) = approved_changes();
    insta::assert_json_snapshot!(changes);
}

#[test]
fn no_changes() {
    let schema = read("new.graphql");
    let changes = diff(&schema, &schema, &DiffOptions::default());
    assert_eq!(render_human(&changes), "no changes\n");
    assert_eq!(
        render_markdown(&changes),
        "## Schema changes\n\nNo changes.\n"
    );
    assert_eq!(serde_json::to_string(&changes).unwrap(), "[]");
}

#[test]
fn the_gate_counts_only_unapproved_changes() {
    let (mut changes, _) = approved_changes();
    assert!(
        FailOn::Breaking.fails(&changes, &[]),
        "unapproved breaking changes remain"
    );
    for change in &mut changes {
        if change.criticality == gqlsmith_diff::Criticality::Breaking {
            change.approved = true;
        }
    }
    assert!(!FailOn::Breaking.fails(&changes, &[]));
    assert!(FailOn::Dangerous.fails(&changes, &[]));
    assert!(!FailOn::None.fails(&changes, &[]));
}
