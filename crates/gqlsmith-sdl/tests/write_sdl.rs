//! The SDL writer: layout, escaping, and valid SDL for models that SDL cannot express as is
//! (docs-derived models with inferred facts, empty types, undefined references).

mod common;

use std::sync::Arc;

use common::{read_fixture, render_diagnostics};
use gqlsmith_model::{
    Confidence, Deprecation, EnumValue, ErrorCode, Field, InputValue, NameOrigin, Provenance,
    Schema, TypeDef, TypeKind, TypeRef, UnnamedArgument,
};
use gqlsmith_sdl::{read_sdl, write_sdl, WriteOptions};
use proptest::prelude::*;

/// Writes `schema` and checks the written SDL reads back without errors: the written SDL.
#[track_caller]
fn written(schema: &Schema, options: &WriteOptions) -> String {
    let written = write_sdl(schema, options);
    let reread = read_sdl(&[(Arc::from("written.graphql"), written.as_str())]);
    let errors: Vec<_> = reread
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    assert!(
        errors.is_empty(),
        "written SDL is invalid:\n{}\n{written}",
        render_diagnostics(&errors)
    );
    written
}

/// `written` for a model read from SDL.
#[track_caller]
fn written_sdl(sdl: &str, options: &WriteOptions) -> String {
    let loaded = read_sdl(&[(Arc::from("t"), sdl)]);
    assert!(
        !loaded.has_errors(),
        "{}",
        render_diagnostics(&loaded.diagnostics)
    );
    written(&loaded.schema, options)
}

fn here() -> Provenance {
    Provenance::read_unknown_location()
}

fn inferred(rule: &str, confidence: Confidence) -> Provenance {
    Provenance::inferred(None, rule, vec!["seen on the page".into()], confidence)
}

fn ty(name: &str) -> TypeRef {
    TypeRef::parse(name).unwrap_or_else(|| panic!("bad type {name}"))
}

fn object(name: &str, fields: &[(&str, &str)]) -> TypeDef {
    let mut object = TypeDef::new(name, TypeKind::Object, here());
    for (field, field_type) in fields {
        object
            .fields
            .push(Field::new(*field, ty(field_type), here()));
    }
    object
}

const DEFAULT: WriteOptions = WriteOptions { sort: false };
const SORTED: WriteOptions = WriteOptions { sort: true };

#[test]
fn descriptions_are_block_strings_when_they_can_be() {
    insta::assert_snapshot!(written_sdl(r#"
"short"
type Query {
  "two\nlines"
  a: Int
  "  leading spaces on the only line"
  b: Int
  "ends with a quote \""
  c: Int
  "ends with a backslash \\"
  d: Int
  "\n starts with a blank line"
  e: Int
  "bell \u0007 and carriage \r return"
  f: Int
  "contains \"\"\" three quotes"
  g: Int
}
"#, &DEFAULT), @r#"
"""short"""
type Query {
  """
  two
  lines
  """
  a: Int

  "  leading spaces on the only line"
  b: Int

  """
  ends with a quote "
  """
  c: Int

  """
  ends with a backslash \
  """
  d: Int

  "\n starts with a blank line"
  e: Int

  "bell \u0007 and carriage \r return"
  f: Int

  """contains \""" three quotes"""
  g: Int
}
"#);
}

#[test]
fn arguments_go_on_their_own_lines_when_described() {
    insta::assert_snapshot!(written_sdl(r#"type Query {
  plain(a: Int = 1, b: [String!]! = ["x"]): Int
  described("the a" a: Int, b: Int): Int
}"#, &DEFAULT), @r#"
type Query {
  plain(a: Int = 1, b: [String!]! = ["x"]): Int
  described(
    """the a"""
    a: Int
    b: Int
  ): Int
}
"#);
}

#[test]
fn schema_definition_only_when_roots_need_it() {
    insta::assert_snapshot!(written_sdl("type Query { a: Int } type Mutation { b: Int }", &DEFAULT), @r#"
type Query {
  a: Int
}

type Mutation {
  b: Int
}
"#);
    insta::assert_snapshot!(written_sdl("schema { query: Root } type Root { a: Int } type Mutation { b: Int }", &DEFAULT), @r#"
schema {
  query: Root
}

type Root {
  a: Int
}

type Mutation {
  b: Int
}
"#);
    insta::assert_snapshot!(written_sdl("\"described\" schema { query: Query } type Query { a: Int }", &DEFAULT), @r#"
"""described"""
schema {
  query: Query
}

type Query {
  a: Int
}
"#);
}

#[test]
fn sort_orders_everything_alphabetically() {
    insta::assert_snapshot!(written_sdl("type Query { b(y: Int, x: Int): Int a: Zed } union Zed = Y | X type Y { a: Int } type X { a: Int } enum E { B A } input I { b: Int a: E }", &SORTED), @r#"
enum E {
  A
  B
}

input I {
  a: E
  b: Int
}

type Query {
  a: Zed
  b(x: Int, y: Int): Int
}

type X {
  a: Int
}

type Y {
  a: Int
}

union Zed = X | Y
"#);
}

#[test]
fn a_model_without_roots_gets_no_schema_definition() {
    let mut schema = Schema::default();
    schema.insert_type(object(
        "Account",
        &[("number", "String!"), ("balance", "Money")],
    ));
    insta::assert_snapshot!(written(&schema, &DEFAULT), @r#"
"""
Referenced but never defined by the input: written as a scalar so that the document is valid.
"""
directive @gqlsmith_undefined on SCALAR

type Account {
  number: String!
  balance: Money
}

scalar Money @gqlsmith_undefined
"#);
}

#[test]
fn types_that_sdl_cannot_express_become_marked_scalars() {
    let mut schema = Schema::default();
    schema.insert_type(object(
        "Query",
        &[
            ("a", "Empty"),
            ("u", "Mixed"),
            ("e", "NoValues"),
            ("i", "Shape"),
        ],
    ));
    schema.insert_type(object("Empty", &[]));
    let mut mixed = TypeDef::new("Mixed", TypeKind::Union, here());
    mixed.members = vec!["Query".into(), "Empty".into(), "Missing".into()];
    schema.insert_type(mixed);
    let mut only_empty = TypeDef::new("OnlyEmpty", TypeKind::Union, here());
    only_empty.members = vec!["Empty".into()];
    schema.insert_type(only_empty);
    schema.insert_type(TypeDef::new("NoValues", TypeKind::Enum, here()));
    let mut shape = TypeDef::new("Shape", TypeKind::Interface, here());
    shape.members = vec!["Query".into()];
    schema.insert_type(shape);
    let mut implementer = object("Square", &[("side", "Int")]);
    implementer.interfaces = vec!["Shape".into()];
    schema.insert_type(implementer);
    insta::assert_snapshot!(written(&schema, &DEFAULT), @r#"
"""
A type of `kind` with no fields, values or members, which SDL cannot express: written as a
scalar so that references to it stay valid. `members` are the union members or implementations
the input named.
"""
directive @gqlsmith_empty(kind: String!, members: [String!]) on SCALAR

"""
A union member or implemented interface left out because it is not of a kind SDL allows there.
"""
directive @gqlsmith_omitted(name: String!, reason: String!) repeatable on OBJECT | INTERFACE | UNION

type Query {
  a: Empty
  u: Mixed
  e: NoValues
  i: Shape
}

scalar Empty @gqlsmith_empty(kind: "object")

union Mixed @gqlsmith_omitted(name: "Empty", reason: "`Empty` is not written as an object type") @gqlsmith_omitted(name: "Missing", reason: "`Missing` is not written as an object type") = Query

scalar OnlyEmpty @gqlsmith_empty(kind: "union", members: ["Empty"])

scalar NoValues @gqlsmith_empty(kind: "enum")

scalar Shape @gqlsmith_empty(kind: "interface", members: ["Query"])

type Square @gqlsmith_omitted(name: "Shape", reason: "`Shape` is not written as an interface") {
  side: Int
}
"#);
}

#[test]
fn inferred_facts_and_lost_names_are_marked() {
    let mut schema = Schema::default();
    let mut block = object("Unnamed_L42", &[("id", "ID!"), ("status", "AccountStatus")]);
    block.name_origin = NameOrigin::Placeholder;
    block
        .error_codes
        .push(ErrorCode::new("KT-CT-1111", "Unauthorized.", 0, here()));
    let mut field = Field::new("balance", ty("Int"), here());
    field
        .unnamed_arguments
        .push(UnnamedArgument::new("The \"as of\" date.", here()));
    field.deprecation = Some(Deprecation::from_reason(
        Some("The 'balance' field is deprecated.".into()),
        here(),
    ));
    block.fields.push(field);
    schema.insert_type(block);
    let mut recovered = object("Account", &[("number", "String")]);
    recovered.name_origin = NameOrigin::Recovered {
        confidence: Confidence::High,
        signals: vec!["edge type".into()],
    };
    schema.insert_type(recovered);
    let mut status = TypeDef::new(
        "AccountStatus",
        TypeKind::Enum,
        inferred("enum-sample", Confidence::Medium),
    );
    status.kind_provenance = inferred("enum-sample", Confidence::Medium);
    status.enum_values.push(EnumValue::new(
        "ACTIVE",
        inferred("enum-sample", Confidence::Medium),
    ));
    status.incomplete = true;
    schema.insert_type(status);
    let mut money = TypeDef::new("Money", TypeKind::Scalar, here());
    money.kind_provenance = inferred("scalar-by-example", Confidence::Low);
    schema.insert_type(money);
    let mut filter = TypeDef::new("Filter", TypeKind::InputObject, here());
    filter.input_fields.push(InputValue::new(
        "min",
        ty("Money"),
        inferred("overlay", Confidence::High),
    ));
    schema.insert_type(filter);
    insta::assert_snapshot!(written(&schema, &DEFAULT), @r#"
"""
A fact gqlsmith inferred instead of reading it: `rule` names the pass or signal, `confidence` is
`low`, `medium` or `high`, and `fact` says which fact when it is not the whole definition.
"""
directive @gqlsmith_inferred(rule: String!, confidence: String!, fact: String) repeatable on SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE

"""
A name the input did not state: `origin` is `recovered`, `placeholder`, `overlay` or `reference`.
"""
directive @gqlsmith_name(origin: String!, confidence: String) on SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT

"""The fields, values or members listed are only those the input showed."""
directive @gqlsmith_incomplete on SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT

"""An argument the input describes without its name or type."""
directive @gqlsmith_unnamed_argument(description: String!) repeatable on FIELD_DEFINITION

"""An error the type's documentation says can be raised."""
directive @gqlsmith_error_code(code: String!, message: String!) repeatable on SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT

type Unnamed_L42 @gqlsmith_name(origin: "placeholder") @gqlsmith_error_code(code: "KT-CT-1111", message: "Unauthorized.") {
  id: ID!
  status: AccountStatus
  balance: Int @deprecated(reason: "The 'balance' field is deprecated.") @gqlsmith_unnamed_argument(description: "The \"as of\" date.")
}

type Account @gqlsmith_name(origin: "recovered", confidence: "high") {
  number: String
}

enum AccountStatus @gqlsmith_inferred(rule: "enum-sample", confidence: "medium") @gqlsmith_incomplete {
  ACTIVE
}

scalar Money @gqlsmith_inferred(rule: "scalar-by-example", confidence: "low", fact: "kind")

input Filter {
  min: Money @gqlsmith_inferred(rule: "overlay", confidence: "high")
}
"#);
}

#[test]
fn small_fixture_snapshot() {
    let text = read_fixture("sdl/small.graphql");
    let loaded = read_sdl(&[(Arc::from("small.graphql"), text.as_str())]);
    assert!(
        loaded.diagnostics.is_empty(),
        "{}",
        render_diagnostics(&loaded.diagnostics)
    );
    insta::assert_snapshot!("small_default", write_sdl(&loaded.schema, &DEFAULT));
    insta::assert_snapshot!("small_sorted", write_sdl(&loaded.schema, &SORTED));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any description survives write -> read, whatever characters it holds.
    #[test]
    fn descriptions_survive_a_round_trip(text in "(?s).{0,80}", field_text in "[ \t\n\r\"\\\\a-z\u{1}-\u{1f}é😀]{0,40}") {
        let mut schema = Schema::default();
        let mut query = object("Query", &[("a", "Int")]);
        query.description = Some(text.clone());
        query.fields[0].description = Some(field_text.clone());
        let mut argument = InputValue::new("x", ty("Int"), here());
        argument.description = Some(field_text.clone());
        query.fields[0].arguments.push(argument);
        schema.insert_type(query);
        let written = write_sdl(&schema, &DEFAULT);
        let reread = read_sdl(&[(Arc::from("t"), written.as_str())]);
        prop_assert!(reread.diagnostics.is_empty(), "{:?}\n{}", reread.diagnostics, written);
        let query = &reread.schema.types["Query"];
        prop_assert_eq!(query.description.as_deref(), Some(text.as_str()));
        prop_assert_eq!(query.fields[0].description.as_deref(), Some(field_text.as_str()));
        prop_assert_eq!(query.fields[0].arguments[0].description.as_deref(), Some(field_text.as_str()));
    }
}

/// One generated type: `(kind, references, enum value count)`. References are indexes into
/// the generated names (some never defined), used as field types, union members or
/// implemented interfaces as the kind allows.
fn arbitrary_type() -> impl Strategy<Value = (u8, Vec<usize>, usize)> {
    (
        0u8..6,
        proptest::collection::vec(0usize..12, 0..4),
        0usize..3,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any model whose references respect input and output positions (the writer does not
    /// reclassify types) is written as SDL that reads back without errors, whatever is empty,
    /// undefined, inferred or named by a placeholder.
    #[test]
    fn any_model_is_written_as_valid_sdl(types in proptest::collection::vec(arbitrary_type(), 1..9)) {
        let kinds = [
            TypeKind::Object,
            TypeKind::Interface,
            TypeKind::Union,
            TypeKind::Enum,
            TypeKind::InputObject,
            TypeKind::Scalar,
        ];
        // Names 0..types.len() are defined; the rest (up to 11) are only referenced.
        let name = |index: usize| format!("T{index}");
        let kind_of = |index: usize| types.get(index).map(|(kind, _, _)| kinds[usize::from(*kind)]);
        let mut schema = Schema::default();
        for (index, (kind, references, values)) in types.iter().enumerate() {
            let kind = kinds[usize::from(*kind)];
            let provenance = if index % 2 == 0 { here() } else { inferred("generated", Confidence::Low) };
            let mut ty = TypeDef::new(name(index), kind, provenance);
            if index % 3 == 0 {
                ty.name_origin = NameOrigin::Placeholder;
            }
            ty.incomplete = index % 4 == 0;
            for &reference in references {
                match kind {
                    // Output fields of output kinds only.
                    TypeKind::Object | TypeKind::Interface if kind_of(reference) != Some(TypeKind::InputObject) => {
                        let field_type = if reference % 2 == 0 { format!("[{}!]", name(reference)) } else { name(reference) };
                        let mut field = Field::new(format!("f{reference}"), ty_ref(&field_type), here());
                        // Arguments only of input kinds (or undefined names, written as scalars).
                        if matches!(kind_of(reference), None | Some(TypeKind::Scalar | TypeKind::Enum | TypeKind::InputObject)) {
                            field.arguments.push(InputValue::new("arg", ty_ref(&name(reference)), here()));
                        }
                        if !ty.fields.iter().any(|existing| existing.name == field.name) {
                            ty.fields.push(field);
                        }
                        if !ty.interfaces.contains(&name(reference)) && kind_of(reference) != Some(TypeKind::Interface) {
                            ty.interfaces.push(name(reference));
                        }
                    }
                    TypeKind::Union => {
                        if !ty.members.contains(&name(reference)) {
                            ty.members.push(name(reference));
                        }
                    }
                    TypeKind::InputObject => {
                        if matches!(kind_of(reference), None | Some(TypeKind::Scalar | TypeKind::Enum)) {
                            let field = InputValue::new(format!("i{reference}"), ty_ref(&name(reference)), here());
                            if !ty.input_fields.iter().any(|existing| existing.name == field.name) {
                                ty.input_fields.push(field);
                            }
                        }
                    }
                    TypeKind::Object | TypeKind::Interface | TypeKind::Enum | TypeKind::Scalar => {}
                }
            }
            if kind == TypeKind::Enum {
                for value in 0..*values {
                    ty.enum_values.push(EnumValue::new(format!("V{value}"), here()));
                }
            }
            schema.insert_type(ty);
        }
        for sort in [false, true] {
            let written = write_sdl(&schema, &WriteOptions { sort });
            let reread = read_sdl(&[(Arc::from("t"), written.as_str())]);
            let errors: Vec<_> = reread.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
            prop_assert!(errors.is_empty(), "{}\n{}", render_diagnostics(&errors), written);
            for ty in schema.types.values() {
                prop_assert!(reread.schema.types.contains_key(&ty.name), "`{}` lost\n{}", ty.name, written);
            }
        }
    }
}

fn ty_ref(text: &str) -> TypeRef {
    ty(text)
}
