//! Every real schema against itself has no changes; unrelated real schemas diff without
//! panicking and the same way every time, folded or not.

use std::sync::Arc;

use gqlsmith_diff::{diff, Change, DiffOptions};
use gqlsmith_model::Schema;

const SCHEMAS: [&str; 5] = [
    "artsy.graphql",
    "saleor.graphql",
    "shopify-customer-account.graphql",
    "shopify-customer-account.json",
    "shopify-storefront.json",
];

fn read(name: &str) -> Schema {
    let path = format!(
        "{}/../../fixtures/schemas/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let loaded = if name.ends_with(".json") {
        gqlsmith_sdl::read_introspection(&text, Arc::from(name))
    } else {
        gqlsmith_sdl::read_sdl(&[(Arc::from(name), text.as_str())])
    };
    loaded.schema
}

fn lines(changes: &[Change]) -> Vec<String> {
    changes
        .iter()
        .map(|change| {
            format!(
                "{} {} {} {}",
                change.criticality, change.change_type, change.path, change.message
            )
        })
        .collect()
}

#[test]
fn every_schema_against_itself_has_no_changes() {
    for name in SCHEMAS {
        let schema = read(name);
        assert!(schema.types.len() > 50, "{name} read");
        let verbose = DiffOptions {
            verbose_changes: true,
            ..DiffOptions::default()
        };
        assert_eq!(
            lines(&diff(&schema, &schema, &verbose)),
            Vec::<String>::new(),
            "{name}"
        );
    }
}

#[test]
fn unrelated_schemas_diff_deterministically() {
    let names = [
        "artsy.graphql",
        "saleor.graphql",
        "shopify-customer-account.graphql",
        "shopify-storefront.json",
    ];
    let schemas: Vec<Schema> = names.iter().map(|name| read(name)).collect();
    for (index, old) in schemas.iter().enumerate() {
        let new = &schemas[(index + 1) % schemas.len()];
        for options in [
            DiffOptions::default(),
            DiffOptions {
                verbose_changes: true,
                ..DiffOptions::default()
            },
        ] {
            let first = diff(old, new, &options);
            assert!(!first.is_empty(), "{} vs the next schema", names[index]);
            assert_eq!(
                lines(&first),
                lines(&diff(old, new, &options)),
                "{}",
                names[index]
            );
            let breaking = first
                .iter()
                .filter(|change| change.criticality == gqlsmith_diff::Criticality::Breaking)
                .count();
            assert!(breaking > 0, "another API removes types");
        }
    }
}
