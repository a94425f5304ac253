//! Read -> write -> read gives the same model, for every real fixture and with `sort`.

mod common;

use std::sync::Arc;

use common::{read_fixture, strip_provenance};
use gqlsmith_model::Schema;
use gqlsmith_sdl::{read_sdl, write_sdl, WriteOptions};

/// Reads `file`, writes it, reads the written SDL: no diagnostics on the way, and an equal
/// model. With `sort`, equal after sorting both the same way.
#[track_caller]
fn check(file: &str, sort: bool) {
    let text = read_fixture(&format!("schemas/{file}"));
    let first = read_sdl(&[(Arc::from(file), text.as_str())]);
    assert!(
        first.diagnostics.is_empty(),
        "{file}: {:?}",
        first.diagnostics
    );
    let written = write_sdl(&first.schema, &WriteOptions { sort });
    let second = read_sdl(&[(Arc::from("written.graphql"), written.as_str())]);
    assert!(
        second.diagnostics.is_empty(),
        "{file} written: {:#?}",
        &second.diagnostics[..second.diagnostics.len().min(5)]
    );
    let (mut expected, mut actual) = (
        strip_provenance(&first.schema),
        strip_provenance(&second.schema),
    );
    if sort {
        sort_schema(&mut expected);
        sort_schema(&mut actual);
        assert_eq!(actual.types.keys().collect::<Vec<_>>(), {
            let mut names: Vec<_> = first.schema.types.keys().collect();
            names.sort();
            names
        });
    }
    compare(file, &expected, &actual);
    // Writing is deterministic: the same model gives the same bytes.
    assert_eq!(
        written,
        write_sdl(&second.schema, &WriteOptions { sort }),
        "{file}"
    );
}

/// Compares type by type first, so that a failure names the type that differs.
#[track_caller]
fn compare(file: &str, expected: &Schema, actual: &Schema) {
    for (name, ty) in &expected.types {
        assert_eq!(Some(ty), actual.types.get(name), "{file}: type `{name}`");
    }
    assert_eq!(
        expected.types.keys().collect::<Vec<_>>(),
        actual.types.keys().collect::<Vec<_>>(),
        "{file}: type order"
    );
    assert!(expected == actual, "{file}: schema-level facts differ");
}

/// Sorts everything `WriteOptions { sort: true }` sorts.
fn sort_schema(schema: &mut Schema) {
    schema.types.sort_keys();
    schema.directives.sort_keys();
    for directive in schema.directives.values_mut() {
        directive.arguments.sort_by(|a, b| a.name.cmp(&b.name));
    }
    for ty in schema.types.values_mut() {
        ty.fields.sort_by(|a, b| a.name.cmp(&b.name));
        for field in &mut ty.fields {
            field.arguments.sort_by(|a, b| a.name.cmp(&b.name));
        }
        ty.input_fields.sort_by(|a, b| a.name.cmp(&b.name));
        ty.enum_values.sort_by(|a, b| a.name.cmp(&b.name));
        ty.interfaces.sort();
        ty.members.sort();
    }
}

#[test]
fn github() {
    check("github.valid.graphql", false);
}

#[test]
fn saleor() {
    check("saleor.graphql", false);
}

#[test]
fn artsy() {
    check("artsy.graphql", false);
}

#[test]
fn shopify_storefront() {
    check("shopify-storefront.graphql", false);
}

#[test]
fn shopify_customer_account() {
    check("shopify-customer-account.graphql", false);
}

#[test]
fn sorted_output_reads_back_sorted() {
    check("shopify-storefront.graphql", true);
    check("saleor.graphql", true);
}
