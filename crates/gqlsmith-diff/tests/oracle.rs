//! Agreement with graphql-inspector 7.0.0 (core 8.0.0) on three real schema pairs.

use std::collections::BTreeMap;
use std::sync::Arc;

use gqlsmith_diff::{diff, Criticality, DiffOptions};
use gqlsmith_model::Schema;

fn fixture(path: &str) -> String {
    let full = format!("{}/../../fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|error| panic!("{full}: {error}"))
}

fn read(path: &str) -> Schema {
    let text = fixture(path);
    let loaded = gqlsmith_sdl::read_sdl(&[(Arc::from(path), text.as_str())]);
    assert!(
        !loaded.has_errors(),
        "{path}: {:?}",
        loaded.diagnostics.iter().find(|d| d.is_error())
    );
    loaded.schema
}

fn inspector(pair: &str) -> Vec<(String, Criticality, String)> {
    let report: serde_json::Value = serde_json::from_str(&fixture(&format!(
        "peer-outputs/inspector-diff-{pair}.json"
    )))
    .unwrap();
    report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| {
            let criticality = match change["criticality"].as_str().unwrap() {
                "BREAKING" => Criticality::Breaking,
                "DANGEROUS" => Criticality::Dangerous,
                _ => Criticality::Safe,
            };
            (
                change["path"].as_str().unwrap_or("").to_owned(),
                criticality,
                change["type"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn explore() {
    for (pair, old, new) in [
        (
            "github",
            "schema-pairs/github/old.graphql",
            "schema-pairs/github/new.valid.graphql",
        ),
        (
            "saleor",
            "schema-pairs/saleor/old.graphql",
            "schema-pairs/saleor/new.graphql",
        ),
        (
            "shopify-storefront",
            "schema-pairs/shopify-storefront/old.graphql",
            "schema-pairs/shopify-storefront/new.graphql",
        ),
    ] {
        let ours = diff(&read(old), &read(new), &DiffOptions::default());
        let theirs = inspector(pair);
        let mut counts: BTreeMap<(String, Criticality), (i64, Vec<String>)> = BTreeMap::new();
        for change in &ours {
            let entry = counts
                .entry((change.path.clone(), change.criticality))
                .or_default();
            entry.0 += 1;
            entry.1.push(format!("+{}", change.change_type));
        }
        for (path, criticality, change_type) in &theirs {
            let entry = counts.entry((path.clone(), *criticality)).or_default();
            entry.0 -= 1;
            entry.1.push(format!("-{change_type}"));
        }
        let mut disagreements = 0;
        for ((path, criticality), (count, types)) in &counts {
            if *count != 0 {
                disagreements += count.abs();
                println!("{pair}: {count:+} {criticality} {path} {types:?}");
            }
        }
        println!(
            "{pair}: ours {} theirs {} disagreements {disagreements}",
            ours.len(),
            theirs.len()
        );
    }
}
