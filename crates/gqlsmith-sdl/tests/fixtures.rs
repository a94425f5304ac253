//! Every real-world SDL fixture read through `read_sdl`: counts, and the diagnostics users see.

mod common;

use std::sync::Arc;

use common::{read_fixture, render_diagnostics, strip_provenance};
use gqlsmith_model::TypeKind;
use gqlsmith_sdl::read_sdl;

const SDL_FIXTURES: [&str; 6] = [
    "artsy.graphql",
    "github.graphql",
    "github.valid.graphql",
    "saleor.graphql",
    "shopify-customer-account.graphql",
    "shopify-storefront.graphql",
];

/// `(file, types, fields, enum values, input fields, directive definitions, errors)`.
#[track_caller]
fn check(file: &str, expect: (usize, usize, usize, usize, usize, usize)) {
    let text = read_fixture(&format!("schemas/{file}"));
    let loaded = read_sdl(&[(Arc::from(file), text.as_str())]);
    let schema = &loaded.schema;
    let fields = schema.types.values().map(|ty| ty.fields.len()).sum();
    let values = schema.types.values().map(|ty| ty.enum_values.len()).sum();
    let inputs = schema.types.values().map(|ty| ty.input_fields.len()).sum();
    let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    let actual = (
        schema.types.len(),
        fields,
        values,
        inputs,
        schema.directives.len(),
        errors,
    );
    assert_eq!(actual, expect, "{file}");
}

#[test]
fn fixtures_read_with_their_sizes() {
    check("artsy.graphql", (2270, 6775, 1213, 2084, 3, 0));
    check("github.graphql", (1623, 6318, 1165, 1330, 1, 2));
    check("github.valid.graphql", (1623, 6318, 1165, 1330, 1, 0));
    check("saleor.graphql", (1456, 4723, 2768, 1635, 2, 0));
    check(
        "shopify-customer-account.graphql",
        (471, 1588, 1411, 101, 1, 0),
    );
    check("shopify-storefront.graphql", (411, 1221, 993, 208, 3, 0));
}

#[test]
fn github_duplicate_fields_are_errors_at_both_places() {
    let text = read_fixture("schemas/github.graphql");
    let loaded = read_sdl(&[(Arc::from("fixtures/schemas/github.graphql"), text.as_str())]);
    insta::assert_snapshot!(render_diagnostics(&loaded.diagnostics));
}

/// The upstream file defines two fields twice; `github.valid.graphql` is the same file with
/// the second copies deleted. Keeping the first definition must give exactly that model.
#[test]
fn github_with_duplicates_reads_like_the_fixed_file() {
    let raw = read_fixture("schemas/github.graphql");
    let fixed = read_fixture("schemas/github.valid.graphql");
    let raw = read_sdl(&[(Arc::from("github.graphql"), raw.as_str())]);
    let fixed = read_sdl(&[(Arc::from("github.valid.graphql"), fixed.as_str())]);
    assert!(strip_provenance(&raw.schema) == strip_provenance(&fixed.schema));
    let owner = &raw.schema.types["EnterpriseOwnerInfo"];
    let kept = owner
        .field("repositoryDeployKeySetting")
        .and_then(|field| field.description.as_deref());
    assert_eq!(kept, Some("The setting value for whether deploy keys are enabled for repositories in organizations in this enterprise."));
}

#[test]
fn every_definition_has_a_position_and_builtins_are_left_out() {
    for file in SDL_FIXTURES {
        let text = read_fixture(&format!("schemas/{file}"));
        let loaded = read_sdl(&[(Arc::from(file), text.as_str())]);
        assert!(loaded.schema.roots.query.is_some(), "{file}");
        for ty in loaded.schema.types.values() {
            assert!(
                !gqlsmith_model::Schema::is_builtin_scalar(&ty.name),
                "{file}: {}",
                ty.name
            );
            assert!(!ty.name.starts_with("__"), "{file}: {}", ty.name);
            let mut positions = vec![&ty.provenance];
            positions.extend(ty.fields.iter().map(|field| &field.provenance));
            positions.extend(
                ty.fields
                    .iter()
                    .flat_map(|field| field.arguments.iter().map(|arg| &arg.provenance)),
            );
            positions.extend(ty.input_fields.iter().map(|field| &field.provenance));
            positions.extend(ty.enum_values.iter().map(|value| &value.provenance));
            for provenance in positions {
                let location = provenance
                    .location
                    .as_ref()
                    .expect("every definition has a location");
                assert!(location.line >= 1 && location.column >= 1 && &*location.file == file);
            }
        }
        // Each kind the fixture uses is read as that kind.
        let kinds: Vec<TypeKind> = loaded.schema.types.values().map(|ty| ty.kind).collect();
        assert!(
            kinds.contains(&TypeKind::Object) && kinds.contains(&TypeKind::Enum),
            "{file}"
        );
    }
}
