//! Agreement with graphql-inspector 7.0.0 (core 8.0.0, default rules with `simplifyChanges`)
//! on three real schema pairs (`fixtures/peer-outputs/README.md`). Every change is compared
//! as (change type, path, criticality); every disagreement is listed below with its reason.

use std::collections::BTreeMap;
use std::sync::Arc;

use gqlsmith_diff::{diff, Criticality, DiffOptions};
use gqlsmith_model::Schema;

/// Inspector folds every change of a type into an `OBJECT_TYPE_INTERFACE_ADDED` on that type
/// (its path is the type's, so it counts as their parent). A breaking field removal is then
/// hidden behind a dangerous interface addition, and the gate passes a schema that breaks
/// clients. gqlsmith folds only changes no more critical than the one they fold into.
const HIDDEN_BEHIND_INTERFACE_ADDED: &str =
    "inspector hides this breaking removal behind the type's OBJECT_TYPE_INTERFACE_ADDED";

/// A disagreement: the pair, what only gqlsmith (`+`) or only inspector (`-`) reports, why.
const KNOWN_DISAGREEMENTS: &[(&str, &str, &str)] = &[
    (
        "saleor",
        "+ breaking FIELD_REMOVED Product.variant",
        HIDDEN_BEHIND_INTERFACE_ADDED,
    ),
    (
        "saleor",
        "+ breaking FIELD_REMOVED ProductVariant.digitalContent",
        HIDDEN_BEHIND_INTERFACE_ADDED,
    ),
];

const PAIRS: [(&str, &str, &str); 3] = [
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
    // Inspector read the introspection JSON of this pair, and so does this test.
    (
        "shopify-storefront",
        "schema-pairs/shopify-storefront/old.json",
        "schema-pairs/shopify-storefront/new.json",
    ),
];

fn fixture(path: &str) -> String {
    let full = format!("{}/../../fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|error| panic!("{full}: {error}"))
}

fn read(path: &str) -> Schema {
    let text = fixture(path);
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

/// Inspector's changes as `criticality TYPE path`.
fn inspector(pair: &str) -> Vec<String> {
    let text = fixture(&format!("peer-outputs/inspector-diff-{pair}.json"));
    let report: serde_json::Value = serde_json::from_str(&text).expect("inspector report is JSON");
    let changes = report["changes"].as_array().expect("a `changes` array");
    changes
        .iter()
        .map(|change| {
            let criticality = match change["criticality"].as_str() {
                Some("BREAKING") => Criticality::Breaking,
                Some("DANGEROUS") => Criticality::Dangerous,
                _ => Criticality::Safe,
            };
            let change_type = change["type"].as_str().unwrap_or("");
            format!(
                "{criticality} {change_type} {}",
                change["path"].as_str().unwrap_or("")
            )
        })
        .collect()
}

struct Comparison {
    ours: usize,
    theirs: usize,
    /// `+ line` for changes only gqlsmith reports, `- line` for changes only inspector does.
    disagreements: Vec<String>,
}

impl Comparison {
    /// Agreeing changes over the larger report.
    fn agreement(&self) -> f64 {
        let larger = self.ours.max(self.theirs).max(1);
        (larger - self.disagreements.len().min(larger)) as f64 / larger as f64
    }
}

fn compare(old: &str, new: &str, pair: &str) -> Comparison {
    let changes = diff(&read(old), &read(new), &DiffOptions::default());
    let theirs = inspector(pair);
    let mut balance: BTreeMap<String, i64> = BTreeMap::new();
    for change in &changes {
        *balance
            .entry(format!(
                "{} {} {}",
                change.criticality, change.change_type, change.path
            ))
            .or_default() += 1;
    }
    for line in &theirs {
        *balance.entry(line.clone()).or_default() -= 1;
    }
    let mut disagreements = Vec::new();
    for (line, count) in balance {
        let sign = if count > 0 { "+" } else { "-" };
        for _ in 0..count.abs() {
            disagreements.push(format!("{sign} {line}"));
        }
    }
    Comparison {
        ours: changes.len(),
        theirs: theirs.len(),
        disagreements,
    }
}

#[test]
fn agrees_with_graphql_inspector_on_real_schema_pairs() {
    for (pair, old, new) in PAIRS {
        let comparison = compare(old, new, pair);
        let known: Vec<String> = KNOWN_DISAGREEMENTS
            .iter()
            .filter(|(known_pair, _, _)| *known_pair == pair)
            .map(|(_, line, _)| (*line).to_owned())
            .collect();
        assert_eq!(
            comparison.disagreements, known,
            "{pair}: disagreements changed"
        );
        let agreement = comparison.agreement();
        println!(
            "{pair}: gqlsmith {} changes, inspector {}, {} disagreements, agreement {:.2}%",
            comparison.ours,
            comparison.theirs,
            comparison.disagreements.len(),
            agreement * 100.0
        );
        assert!(agreement >= 0.99, "{pair}: agreement {agreement}");
    }
}

#[test]
fn counts_match_the_oracle_headers() {
    for (pair, expect) in [
        ("github", 612),
        ("saleor", 1831),
        ("shopify-storefront", 262),
    ] {
        assert_eq!(inspector(pair).len(), expect, "{pair}");
    }
}
