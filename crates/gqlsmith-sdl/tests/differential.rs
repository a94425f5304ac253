//! graphql-parser 0.4 as an independent second parser: for every SDL fixture it must agree
//! with `read_sdl` on the type names, their kinds and their field, input field, enum value and
//! union member names, in order. A disagreement means one of the two front ends misreads real SDL.

mod common;

use std::sync::Arc;

use common::read_fixture;
use gqlsmith_model::TypeKind;
use gqlsmith_sdl::read_sdl;
use graphql_parser::schema::{Definition, TypeDefinition, TypeExtension};
use indexmap::IndexMap;

/// Per type: kind and member names (fields, input fields, enum values or union members) in
/// order.
type Outline = IndexMap<String, (TypeKind, Vec<String>)>;

/// The outline as graphql-parser reads it: extensions appended to their type, a name given
/// twice in one type kept once (the first), as the spec's merging and `read_sdl` do.
fn outline_by_graphql_parser(text: &str) -> Outline {
    let document = graphql_parser::parse_schema::<String>(text)
        .unwrap_or_else(|error| panic!("graphql-parser: {error}"));
    let mut outline = Outline::new();
    let mut add = |name: &str, kind: TypeKind, members: Vec<String>| {
        let entry = outline
            .entry(name.to_owned())
            .or_insert_with(|| (kind, Vec::new()));
        for member in members {
            if !entry.1.contains(&member) {
                entry.1.push(member);
            }
        }
    };
    for definition in &document.definitions {
        match definition {
            Definition::TypeDefinition(ty) => match ty {
                TypeDefinition::Scalar(scalar) => add(&scalar.name, TypeKind::Scalar, Vec::new()),
                TypeDefinition::Object(object) => add(
                    &object.name,
                    TypeKind::Object,
                    object.fields.iter().map(|f| f.name.clone()).collect(),
                ),
                TypeDefinition::Interface(interface) => add(
                    &interface.name,
                    TypeKind::Interface,
                    interface.fields.iter().map(|f| f.name.clone()).collect(),
                ),
                TypeDefinition::Union(union_) => {
                    add(&union_.name, TypeKind::Union, union_.types.clone())
                }
                TypeDefinition::Enum(enum_) => add(
                    &enum_.name,
                    TypeKind::Enum,
                    enum_.values.iter().map(|v| v.name.clone()).collect(),
                ),
                TypeDefinition::InputObject(input) => add(
                    &input.name,
                    TypeKind::InputObject,
                    input.fields.iter().map(|f| f.name.clone()).collect(),
                ),
            },
            Definition::TypeExtension(TypeExtension::Object(object)) => add(
                &object.name,
                TypeKind::Object,
                object.fields.iter().map(|f| f.name.clone()).collect(),
            ),
            Definition::TypeExtension(_)
            | Definition::SchemaDefinition(_)
            | Definition::DirectiveDefinition(_) => {}
        }
    }
    outline
}

fn outline_by_read_sdl(file: &str, text: &str) -> Outline {
    let loaded = read_sdl(&[(Arc::from(file), text)]);
    loaded
        .schema
        .types
        .values()
        .map(|ty| {
            let members = match ty.kind {
                TypeKind::Object | TypeKind::Interface => {
                    ty.fields.iter().map(|f| f.name.clone()).collect()
                }
                TypeKind::InputObject => ty.input_fields.iter().map(|f| f.name.clone()).collect(),
                TypeKind::Enum => ty.enum_values.iter().map(|v| v.name.clone()).collect(),
                TypeKind::Union => ty.members.clone(),
                TypeKind::Scalar => Vec::new(),
            };
            (ty.name.clone(), (ty.kind, members))
        })
        .collect()
}

#[track_caller]
fn check(file: &str) {
    let text = read_fixture(&format!("schemas/{file}"));
    let expected = outline_by_graphql_parser(&text);
    let actual = outline_by_read_sdl(file, &text);
    for (name, outline) in &expected {
        assert_eq!(actual.get(name), Some(outline), "{file}: `{name}`");
    }
    assert_eq!(
        actual.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "{file}: type names in order"
    );
}

#[test]
fn both_parsers_agree_on_every_sdl_fixture() {
    for file in [
        "artsy.graphql",
        "github.graphql",
        "github.valid.graphql",
        "saleor.graphql",
        "shopify-customer-account.graphql",
        "shopify-storefront.graphql",
        // Not `sdl/small.graphql`: graphql-parser 0.4 predates descriptions on `schema`
        // (GraphQL October 2021) and rejects it.
    ] {
        check(file);
    }
}
