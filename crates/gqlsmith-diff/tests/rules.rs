//! Criticality rules, one tiny SDL pair per case: what a user sees for each kind of change.

use std::sync::Arc;

use gqlsmith_diff::{diff, DiffOptions};
use gqlsmith_model::Schema;

fn read(name: &str, text: &str) -> Schema {
    let loaded = gqlsmith_sdl::read_sdl(&[(Arc::from(name), text)]);
    assert!(!loaded.has_errors(), "{name}: {:#?}", loaded.diagnostics);
    loaded.schema
}

/// Diffs `old` against `new` and compares `criticality CHANGE_TYPE path` lines, in order.
#[track_caller]
fn check_with(options: DiffOptions, old: &str, new: &str, expect: &str) {
    let changes = diff(
        &read("old.graphql", old),
        &read("new.graphql", new),
        &options,
    );
    let got: Vec<String> = changes
        .iter()
        .map(|change| {
            format!(
                "{} {} {}",
                change.criticality, change.change_type, change.path
            )
        })
        .collect();
    let expect: Vec<&str> = expect
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    assert_eq!(got, expect);
}

#[track_caller]
fn check(old: &str, new: &str, expect: &str) {
    check_with(DiffOptions::default(), old, new, expect);
}

#[test]
fn identical_schemas_have_no_changes() {
    let sdl = r#"
        "A user." type Query { me(id: ID! = "1"): User @deprecated }
        type User implements Node { id: ID! name: String }
        interface Node { id: ID! }
        enum Color { RED GREEN @deprecated(reason: "use RED") }
        union Thing = User
        input Filter { color: Color = RED tags: [String!] = ["a", "b"] }
        directive @auth(role: String) repeatable on FIELD_DEFINITION | OBJECT
    "#;
    check(sdl, sdl, "");
}

#[test]
fn output_fields() {
    check(
        "type Query { a: String b: Int }",
        "type Query { a: String }",
        "breaking FIELD_REMOVED Query.b",
    );
    check(
        "type Query { a: String }",
        "type Query { a: String b: Int }",
        "safe FIELD_ADDED Query.b",
    );
    check(
        "type Query { a: String }",
        "type Query { a: String! }",
        "safe FIELD_TYPE_CHANGED Query.a",
    );
    check(
        "type Query { a: String! }",
        "type Query { a: String }",
        "breaking FIELD_TYPE_CHANGED Query.a",
    );
    check(
        "type Query { a: [Int] }",
        "type Query { a: [Int!]! }",
        "safe FIELD_TYPE_CHANGED Query.a",
    );
    check(
        "type Query { a: Int }",
        "type Query { a: [Int] }",
        "breaking FIELD_TYPE_CHANGED Query.a",
    );
    check(
        "type Query { a: Int }",
        "type Query { a: Float }",
        "breaking FIELD_TYPE_CHANGED Query.a",
    );
    check(
        "interface Query { a: Int b: Int }",
        "interface Query { a: Int }",
        "breaking FIELD_REMOVED Query.b",
    );
}

#[test]
fn removing_a_deprecated_field_is_breaking_with_its_own_reason() {
    let old = r#"type Query { a: Int b: Int @deprecated(reason: "use a") }"#;
    let changes = diff(
        &read("old", old),
        &read("new", "type Query { a: Int }"),
        &DiffOptions::default(),
    );
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].message, "deprecated field `Query.b` was removed");
    assert!(
        changes[0]
            .reason
            .contains("still select the deprecated field"),
        "{}",
        changes[0].reason
    );
    let plain = diff(
        &read("old", "type Query { a: Int b: Int }"),
        &read("new", "type Query { a: Int }"),
        &DiffOptions::default(),
    );
    assert_ne!(plain[0].reason, changes[0].reason);
}

#[test]
fn arguments() {
    check(
        "type Query { a: Int }",
        "type Query { a(x: Int!): Int }",
        "breaking FIELD_ARGUMENT_ADDED Query.a.x",
    );
    check(
        "type Query { a: Int }",
        "type Query { a(x: Int! = 1): Int }",
        "dangerous FIELD_ARGUMENT_ADDED Query.a.x",
    );
    check(
        "type Query { a: Int }",
        "type Query { a(x: Int): Int }",
        "dangerous FIELD_ARGUMENT_ADDED Query.a.x",
    );
    check(
        "type Query { a(x: Int): Int }",
        "type Query { a: Int }",
        "breaking FIELD_ARGUMENT_REMOVED Query.a.x",
    );
    check(
        "type Query { a(x: ID!): Int }",
        "type Query { a(x: ID): Int }",
        "safe FIELD_ARGUMENT_TYPE_CHANGED Query.a.x",
    );
    check(
        "type Query { a(x: ID): Int }",
        "type Query { a(x: ID!): Int }",
        "breaking FIELD_ARGUMENT_TYPE_CHANGED Query.a.x",
    );
    check(
        "type Query { a(x: Int = 1): Int }",
        "type Query { a(x: Int = 2): Int }",
        "dangerous FIELD_ARGUMENT_DEFAULT_CHANGED Query.a.x",
    );
    check(
        "type Query { a(x: Int): Int }",
        "type Query { a(x: Int = 2): Int }",
        "dangerous FIELD_ARGUMENT_DEFAULT_CHANGED Query.a.x",
    );
    check(
        "type Query { a(x: [Int] = [1,2]): Int }",
        "type Query { a(x: [Int] = [1, 2]): Int }",
        "",
    );
    check(
        r#"type Query { a(x: String = "s"): Int }"#,
        r#"type Query { a(x: String = """s"""): Int }"#,
        "",
    );
    check(
        r#"type Query { a("the x" x: Int): Int }"#,
        r#"type Query { a("an x" x: Int): Int }"#,
        "safe FIELD_ARGUMENT_DESCRIPTION_CHANGED Query.a.x",
    );
    // The arguments of a new field are part of its addition.
    check(
        "type Query { a: Int }",
        "type Query { a: Int b(x: Int!): Int }",
        "safe FIELD_ADDED Query.b",
    );
}

#[test]
fn input_fields() {
    check(
        "input I { a: Int }",
        "input I { a: Int b: Int }",
        "safe INPUT_FIELD_ADDED I.b",
    );
    check(
        "input I { a: Int }",
        "input I { a: Int b: Int! }",
        "breaking INPUT_FIELD_ADDED I.b",
    );
    check(
        "input I { a: Int }",
        "input I { a: Int b: Int! = 1 }",
        "dangerous INPUT_FIELD_ADDED I.b",
    );
    check(
        "input I { a: Int b: Int }",
        "input I { a: Int }",
        "breaking INPUT_FIELD_REMOVED I.b",
    );
    check(
        "input I { a: Int! }",
        "input I { a: Int }",
        "safe INPUT_FIELD_TYPE_CHANGED I.a",
    );
    check(
        "input I { a: Int }",
        "input I { a: Int! }",
        "breaking INPUT_FIELD_TYPE_CHANGED I.a",
    );
    check(
        "input I { a: Int = 1 }",
        "input I { a: Int = 3 }",
        "dangerous INPUT_FIELD_DEFAULT_VALUE_CHANGED I.a",
    );
    check(
        r#"input I { a: Int }"#,
        r#"input I { "an a" a: Int }"#,
        "safe INPUT_FIELD_DESCRIPTION_ADDED I.a",
    );
    check(
        r#"input I { "an a" a: Int }"#,
        r#"input I { a: Int }"#,
        "safe INPUT_FIELD_DESCRIPTION_REMOVED I.a",
    );
    check(
        "input I { a: Int }",
        "input I @oneOf { a: Int }",
        "breaking DIRECTIVE_USAGE_INPUT_OBJECT_ADDED I.@oneOf",
    );
    check(
        "input I @oneOf { a: Int }",
        "input I { a: Int }",
        "safe DIRECTIVE_USAGE_INPUT_OBJECT_REMOVED I.@oneOf",
    );
}

#[test]
fn enums_unions_and_interfaces() {
    check(
        "enum E { A }",
        "enum E { A B }",
        "dangerous ENUM_VALUE_ADDED E.B",
    );
    check(
        "enum E { A B }",
        "enum E { A }",
        "breaking ENUM_VALUE_REMOVED E.B",
    );
    check(
        r#"enum E { A }"#,
        r#"enum E { "the A" A }"#,
        "safe ENUM_VALUE_DESCRIPTION_CHANGED E.A",
    );
    check(
        "type A { a: Int } type B { b: Int } union U = A",
        "type A { a: Int } type B { b: Int } union U = A | B",
        "dangerous UNION_MEMBER_ADDED U",
    );
    check(
        "type A { a: Int } type B { b: Int } union U = A | B",
        "type A { a: Int } type B { b: Int } union U = A",
        "breaking UNION_MEMBER_REMOVED U",
    );
    check(
        "interface N { id: ID } type A { id: ID }",
        "interface N { id: ID } type A implements N { id: ID }",
        "dangerous OBJECT_TYPE_INTERFACE_ADDED A",
    );
    check(
        "interface N { id: ID } type A implements N { id: ID }",
        "interface N { id: ID } type A { id: ID }",
        "breaking OBJECT_TYPE_INTERFACE_REMOVED A",
    );
}

#[test]
fn types() {
    check(
        "type Query { a: Int }",
        "type Query { a: Int } type B { b(x: Int): Int }",
        "safe TYPE_ADDED B",
    );
    check(
        "type Query { a: Int } type B { b: Int }",
        "type Query { a: Int }",
        "breaking TYPE_REMOVED B",
    );
    check(
        "type Query { a: Int } type B { b: Int }",
        "type Query { a: Int } input B { b: Int }",
        "breaking TYPE_KIND_CHANGED B",
    );
    check(
        r#"type Query { a: Int }"#,
        r#""root" type Query { a: Int }"#,
        "safe TYPE_DESCRIPTION_ADDED Query",
    );
    check(
        r#""root" type Query { a: Int }"#,
        r#""the root" type Query { a: Int }"#,
        "safe TYPE_DESCRIPTION_CHANGED Query",
    );
    check(
        r#""root" type Query { a: Int }"#,
        r#"type Query { a: Int }"#,
        "safe TYPE_DESCRIPTION_REMOVED Query",
    );
    check(
        "scalar Url",
        r#"scalar Url @specifiedBy(url: "https://url.spec.whatwg.org")"#,
        "dangerous DIRECTIVE_USAGE_SCALAR_ADDED Url.@specifiedBy",
    );
}

#[test]
fn verbose_changes_lists_what_additions_and_removals_contain() {
    let verbose = DiffOptions {
        verbose_changes: true,
        ..DiffOptions::default()
    };
    check_with(
        verbose.clone(),
        "type Query { a: Int }",
        r#"type Query { a: Int } "a B" type B { b(x: Int): Int }"#,
        "safe TYPE_ADDED B
         safe FIELD_ADDED B.b
         safe FIELD_ARGUMENT_ADDED B.b.x
         safe TYPE_DESCRIPTION_ADDED B",
    );
    check_with(
        verbose,
        "type Query { a: Int } type B { b(x: Int): Int c: Int }",
        "type Query { a: Int }",
        "breaking TYPE_REMOVED B
         breaking FIELD_REMOVED B.b
         breaking FIELD_ARGUMENT_REMOVED B.b.x
         breaking FIELD_REMOVED B.c",
    );
}

#[test]
fn ignore_descriptions_drops_description_changes() {
    let options = DiffOptions {
        ignore_descriptions: true,
        ..DiffOptions::default()
    };
    check_with(
        options,
        r#""x" type Query { "y" a: Int }"#,
        r#""z" type Query { a: Int b: Int }"#,
        "safe FIELD_ADDED Query.b",
    );
}

#[test]
fn deprecations() {
    check(
        "type Query { a: Int }",
        "type Query { a: Int @deprecated }",
        "safe FIELD_DEPRECATION_ADDED Query.a.@deprecated",
    );
    check(
        "type Query { a: Int @deprecated }",
        "type Query { a: Int }",
        "safe FIELD_DEPRECATION_REMOVED Query.a.@deprecated",
    );
    check(
        r#"type Query { a: Int @deprecated }"#,
        r#"type Query { a: Int @deprecated(reason: "use b") }"#,
        "safe FIELD_DEPRECATION_REASON_ADDED Query.a.@deprecated",
    );
    check(
        r#"type Query { a: Int @deprecated(reason: "use b") }"#,
        r#"type Query { a: Int @deprecated(reason: "use c") }"#,
        "safe FIELD_DEPRECATION_REASON_CHANGED Query.a.@deprecated",
    );
    check(
        r#"type Query { a: Int @deprecated(reason: "use b") }"#,
        r#"type Query { a: Int @deprecated }"#,
        "safe FIELD_DEPRECATION_REASON_REMOVED Query.a.@deprecated",
    );
    check(
        "enum E { A B }",
        "enum E { A B @deprecated }",
        "safe ENUM_VALUE_DEPRECATION_REASON_ADDED E.B.@deprecated",
    );
    check(
        "enum E { A B @deprecated }",
        "enum E { A B }",
        "safe ENUM_VALUE_DEPRECATION_REASON_REMOVED E.B.@deprecated",
    );
    check(
        "input I { a: Int }",
        "input I { a: Int @deprecated }",
        "safe DIRECTIVE_USAGE_INPUT_FIELD_DEFINITION_ADDED I.a.@deprecated",
    );
    check(
        r#"input I { a: Int @deprecated }"#,
        r#"input I { a: Int @deprecated(reason: "gone soon") }"#,
        "safe DIRECTIVE_USAGE_ARGUMENT_ADDED I.a.@deprecated.reason",
    );
    check(
        r#"input I { a: Int @deprecated(reason: "x") }"#,
        r#"input I { a: Int @deprecated(reason: "y") }"#,
        "safe DIRECTIVE_USAGE_ARGUMENT_REMOVED I.a.@deprecated.reason
         safe DIRECTIVE_USAGE_ARGUMENT_ADDED I.a.@deprecated.reason",
    );
    check(
        "type Query { a(x: Int): Int }",
        "type Query { a(x: Int @deprecated): Int }",
        "safe DIRECTIVE_USAGE_ARGUMENT_DEFINITION_ADDED Query.a.x.@deprecated",
    );
}

#[test]
fn directive_definitions() {
    let query = "type Query { a: Int }";
    check(
        query,
        &format!("{query} directive @d on FIELD_DEFINITION"),
        "safe DIRECTIVE_ADDED @d",
    );
    check(
        &format!("{query} directive @d on FIELD_DEFINITION"),
        query,
        "breaking DIRECTIVE_REMOVED @d",
    );
    check(
        &format!("{query} directive @d on FIELD_DEFINITION"),
        &format!("{query} directive @d on FIELD_DEFINITION | OBJECT"),
        "safe DIRECTIVE_LOCATION_ADDED @d",
    );
    check(
        &format!("{query} directive @d on FIELD_DEFINITION | OBJECT"),
        &format!("{query} directive @d on FIELD_DEFINITION"),
        "breaking DIRECTIVE_LOCATION_REMOVED @d",
    );
    check(
        &format!("{query} directive @d on OBJECT"),
        &format!("{query} directive @d(x: Int!) on OBJECT"),
        "breaking DIRECTIVE_ARGUMENT_ADDED @d",
    );
    check(
        &format!("{query} directive @d on OBJECT"),
        &format!("{query} directive @d(x: Int! = 1) on OBJECT"),
        "safe DIRECTIVE_ARGUMENT_ADDED @d",
    );
    check(
        &format!("{query} directive @d(x: Int) on OBJECT"),
        &format!("{query} directive @d on OBJECT"),
        "breaking DIRECTIVE_ARGUMENT_REMOVED @d.x",
    );
    check(
        &format!("{query} directive @d(x: Int) on OBJECT"),
        &format!("{query} directive @d(x: [Int]) on OBJECT"),
        "breaking DIRECTIVE_ARGUMENT_TYPE_CHANGED @d.x",
    );
    check(
        &format!("{query} directive @d repeatable on OBJECT"),
        &format!("{query} directive @d on OBJECT"),
        "dangerous DIRECTIVE_REPEATABLE_REMOVED @d",
    );
    check(
        &format!("{query} directive @d on OBJECT"),
        &format!("{query} directive @d repeatable on OBJECT"),
        "safe DIRECTIVE_REPEATABLE_ADDED @d",
    );
}

#[test]
fn directive_usages() {
    let directives =
        "directive @tag(name: String) repeatable on OBJECT | FIELD_DEFINITION | ENUM_VALUE";
    check(
        &format!("{directives} type Query {{ a: Int }}"),
        &format!("{directives} type Query @tag(name: \"x\") {{ a: Int }}"),
        "dangerous DIRECTIVE_USAGE_OBJECT_ADDED Query.@tag",
    );
    check(
        &format!("{directives} type Query @tag(name: \"x\") {{ a: Int }}"),
        &format!("{directives} type Query {{ a: Int }}"),
        "dangerous DIRECTIVE_USAGE_OBJECT_REMOVED Query.@tag",
    );
    check(
        &format!("{directives} type Query {{ a: Int @tag(name: \"x\") }}"),
        &format!("{directives} type Query {{ a: Int @tag(name: \"y\") }}"),
        "dangerous DIRECTIVE_USAGE_ARGUMENT_REMOVED Query.a.@tag.name
         safe DIRECTIVE_USAGE_ARGUMENT_ADDED Query.a.@tag.name",
    );
    // Repeated directives pair up in order: the second `@tag` is the added one.
    check(
        &format!("{directives} type Query {{ a: Int @tag(name: \"x\") }}"),
        &format!("{directives} type Query {{ a: Int @tag(name: \"x\") @tag(name: \"y\") }}"),
        "dangerous DIRECTIVE_USAGE_FIELD_DEFINITION_ADDED Query.a.@tag",
    );
    check(
        &format!("{directives} enum E {{ A }}"),
        &format!("{directives} enum E {{ A @tag }}"),
        "dangerous DIRECTIVE_USAGE_ENUM_VALUE_ADDED E.A.@tag",
    );
    // Usages on a new element are part of its addition.
    check(
        &format!("{directives} type Query {{ a: Int }}"),
        &format!("{directives} type Query {{ a: Int b: Int @tag(name: \"x\") }}"),
        "safe FIELD_ADDED Query.b",
    );
}

#[test]
fn root_operation_types() {
    check(
        "type Query { a: Int }",
        "type Query { a: Int } type Mutation { m: Int }",
        "safe SCHEMA_MUTATION_TYPE_CHANGED schema.mutation
         safe TYPE_ADDED Mutation",
    );
    check(
        "schema { query: Q } type Q { a: Int } type R { a: Int }",
        "schema { query: R } type Q { a: Int } type R { a: Int }",
        "breaking SCHEMA_QUERY_TYPE_CHANGED schema.query",
    );
}

#[test]
fn folding_never_hides_a_more_critical_change() {
    check(
        "interface N { id: ID } type A { id: ID old: Int }",
        "interface N { id: ID } type A implements N { id: ID new: Int }",
        "dangerous OBJECT_TYPE_INTERFACE_ADDED A
         breaking FIELD_REMOVED A.old",
    );
}

#[test]
fn a_guessed_kind_that_changes_is_only_dangerous() {
    let mut old = read("old", "type Query { a: Thing } scalar Thing");
    let mut new = read("new", "type Query { a: Thing } type Thing { id: ID }");
    let inferred = gqlsmith_model::Provenance::inferred(
        None,
        "kind-from-usage",
        vec![],
        gqlsmith_model::Confidence::Low,
    );
    old.types["Thing"].kind_provenance = inferred.clone();
    let changes = diff(&old, &new, &DiffOptions::default());
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].criticality, changes[0].change_type.as_str()),
        (gqlsmith_diff::Criticality::Dangerous, "TYPE_KIND_CHANGED")
    );
    assert!(
        changes[0].reason.contains("recovery inferred it"),
        "{}",
        changes[0].reason
    );
    new.types["Thing"].kind_provenance = inferred;
    old.types["Thing"].kind_provenance = gqlsmith_model::Provenance::read_unknown_location();
    assert_eq!(
        diff(&old, &new, &DiffOptions::default())[0].criticality,
        gqlsmith_diff::Criticality::Dangerous
    );
}
