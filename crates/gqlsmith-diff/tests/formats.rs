//! The same schema read from different formats diffs to nothing: SDL against introspection
//! JSON of one API version, in both directions.

use std::sync::Arc;

use gqlsmith_diff::{diff, DiffOptions};
use gqlsmith_model::Schema;

fn read(path: &str) -> Schema {
    let full = format!("{}/../../fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|error| panic!("{full}: {error}"));
    let loaded = if path.ends_with(".json") {
        gqlsmith_sdl::read_introspection(&text, Arc::from(path))
    } else {
        gqlsmith_sdl::read_sdl(&[(Arc::from(path), text.as_str())])
    };
    assert!(
        !loaded.has_errors(),
        "{path}: {:?}",
        loaded.diagnostics.iter().find(|d| d.is_error())
    );
    loaded.schema
}

/// Diffs `old` against `new` and expects `criticality CHANGE_TYPE path` lines.
#[track_caller]
fn check(old: &str, new: &str, expect: &[&str]) {
    let options = DiffOptions {
        verbose_changes: true,
        ..DiffOptions::default()
    };
    let changes = diff(&read(old), &read(new), &options);
    let got: Vec<String> = changes
        .iter()
        .map(|change| {
            format!(
                "{} {} {}",
                change.criticality, change.change_type, change.path
            )
        })
        .collect();
    assert_eq!(got, expect);
}

#[test]
fn sdl_and_introspection_of_one_version_are_the_same_schema() {
    let pair = "schema-pairs/shopify-storefront";
    check(
        &format!("{pair}/new.graphql"),
        &format!("{pair}/new.json"),
        &[],
    );
    check(
        &format!("{pair}/new.json"),
        &format!("{pair}/new.graphql"),
        &[],
    );
    check(
        &format!("{pair}/old.json"),
        &format!("{pair}/old.graphql"),
        &[],
    );
    check("schemas/github.valid.graphql", "schemas/github.json", &[]);
}
