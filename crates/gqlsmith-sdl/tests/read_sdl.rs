//! The SDL reader on small inputs: what lands in the model, where, and the diagnostics.

mod common;

use std::sync::Arc;

use common::render;
use gqlsmith_sdl::read_sdl;

/// Reads `input` as file `t`: the rendered model and diagnostics.
fn read(input: &str) -> String {
    read_files(&[("t", input)])
}

/// Like `read`, for several files (`(name, text)`) read as one schema.
fn read_files(files: &[(&str, &str)]) -> String {
    let sources: Vec<(Arc<str>, &str)> = files
        .iter()
        .map(|(name, text)| (Arc::from(*name), *text))
        .collect();
    render(&read_sdl(&sources))
}

#[test]
fn fields_arguments_defaults_and_descriptions() {
    insta::assert_snapshot!(read(r#"
"The root"
type Query {
  "Say hello"
  hello(
    """
    Who to greet.
      Indented.
    """
    name: String = "world", times: Int! = 2, tags: [String!] = ["a", "b"]
  ): String!
  nested: [[Query!]]!
}
"#), @r#"
schema query=Query mutation=- subscription=-
object Query "The root" 3:6
  hello: String! "Say hello" 5:3
    (name: String = "world" "Who to greet.\n  Indented." 10:5)
    (times: Int! = 2 10:29)
    (tags: [String!] = ["a", "b"] 10:46)
  nested: [[Query!]]! 12:3
"#);
}

#[test]
fn roots_default_to_query_mutation_subscription() {
    insta::assert_snapshot!(read("type Query { a: Int } type Mutation { b: Int } type Other { c: Int }"), @r#"
schema query=Query mutation=Mutation subscription=-
object Query 1:6
  a: Int 1:14
object Mutation 1:28
  b: Int 1:39
object Other 1:53
  c: Int 1:61
"#);
    insta::assert_snapshot!(read("schema { query: Root subscription: Events } type Root { a: Int } type Events { e: Int } type Query { q: Int }"), @r#"
schema query=Root mutation=- subscription=Events
object Root 1:50
  a: Int 1:57
object Events 1:71
  e: Int 1:80
object Query 1:94
  q: Int 1:102
"#);
    insta::assert_snapshot!(read("type Foo { a: Int }"), @r#"
schema query=- mutation=- subscription=-
object Foo 1:6
  a: Int 1:12
--
warning[S229]: missing query root operation type in schema definition [missing-query-root] (length 1)
  help: add a `Query` type, or `query: ..` in the `schema` definition, to make this a complete schema
"#);
    insta::assert_snapshot!(read("schema { mutation: Foo } type Foo { a: Int }"), @r#"
schema query=- mutation=Foo subscription=-
object Foo 1:31
  a: Int 1:37
--
t:1:1: error[S229]: missing query root operation type in schema definition [missing-query-root] (length 24)
  help: add a `Query` type, or `query: ..` in the `schema` definition, to make this a complete schema
"#);
}

#[test]
fn extensions_are_merged_into_their_definition() {
    insta::assert_snapshot!(read("type Query { a: Int }\nextend type Query { b: String }\nenum E { X }\nextend enum E { Y }\ninterface Node { id: ID! }\nextend type Query implements Node { id: ID! }"), @r#"
schema query=Query mutation=- subscription=-
object Query implements Node 1:6
  a: Int 1:14
  b: String 2:21
  id: ID! 6:37
enum E 3:6
  X 3:10
  Y 4:17
interface Node 5:11
  id: ID! 5:18
"#);
}

#[test]
fn deprecations_keep_reasons_and_dates() {
    insta::assert_snapshot!(read(r#"type Query {
  a: Int @deprecated
  b: Int @deprecated(reason: "Use `c`. Removal on 2025-04-01 UTC.")
  c(old: Int @deprecated(reason: "gone")): Int
}
enum E { X @deprecated(reason: "Marked as deprecated on 2023-01-10. Scheduled for removal on or after 2024-07-01.") Y }
input I { f: Int @deprecated }"#), @r#"
schema query=Query mutation=- subscription=-
object Query 1:6
  a: Int deprecated(Some("No longer supported")) 2:3
  b: Int deprecated(Some("Use `c`. Removal on 2025-04-01 UTC.") removal=2025-04-01) 3:3
  c: Int 4:3
    (old: Int deprecated(Some("gone")) 4:5)
enum E 6:6
  X deprecated(Some("Marked as deprecated on 2023-01-10. Scheduled for removal on or after 2024-07-01.") on=2023-01-10 removal=2024-07-01) 6:10
  Y 6:117
input_object I 7:7
  f: Int deprecated(Some("No longer supported")) 7:11
"#);
}

#[test]
fn interfaces_unions_inputs_scalars() {
    insta::assert_snapshot!(read(r#"
interface Node { id: ID! }
interface Named implements Node { id: ID! name: String }
type User implements Node & Named { id: ID! name: String }
type Bot implements Node { id: ID! }
union Actor = User | Bot
scalar URL @specifiedBy(url: "https://url.spec.whatwg.org/")
input Pick @oneOf { id: ID name: String }
type Query { actor(pick: Pick): Actor home: URL }
"#), @r#"
schema query=Query mutation=- subscription=-
interface Node 2:11
  id: ID! 2:18
interface Named implements Node 3:11
  id: ID! 3:35
  name: String 3:43
object User implements Node&Named 4:6
  id: ID! 4:37
  name: String 4:45
object Bot implements Node 5:6
  id: ID! 5:28
union Actor = User|Bot 6:7
scalar URL specified_by=https://url.spec.whatwg.org/ 7:8
input_object Pick one_of 8:7
  id: ID 8:21
  name: String 8:28
object Query 9:6
  actor: Actor 9:14
    (pick: Pick 9:20)
  home: URL 9:39
"#);
}

#[test]
fn directive_definitions_and_uses_keep_literal_arguments() {
    insta::assert_snapshot!(read(r#"
"Cache hints"
directive @cache(maxAge: Int = 60, scope: Scope = PUBLIC, keys: [String!] = [], extra: Extra = {a: 1, b: "x"}) repeatable on FIELD_DEFINITION | OBJECT
enum Scope { PUBLIC PRIVATE }
input Extra { a: Int b: String }
type Query @cache(maxAge: 5) {
  a: Int @cache(scope: PRIVATE, keys: ["k"], extra: {a: 2})
}
"#), @r#"
schema query=Query mutation=- subscription=-
directive @cache repeatable on FIELD_DEFINITION|OBJECT "Cache hints" 3:12
  maxAge: Int = 60 3:18
  scope: Scope = PUBLIC 3:36
  keys: [String!] = [] 3:59
  extra: Extra = {a: 1, b: "x"} 3:81
enum Scope 4:6
  PUBLIC 4:14
  PRIVATE 4:21
input_object Extra 5:7
  a: Int 5:15
  b: String 5:22
object Query @cache(maxAge: 5) 6:6
  a: Int @cache(scope: PRIVATE, keys: ["k"], extra: {a: 2}) 7:3
"#);
}

#[test]
fn schema_description_and_directives() {
    insta::assert_snapshot!(read("\"The API\"\nschema @link(url: \"x\") { query: Q }\ndirective @link(url: String!) on SCHEMA\ntype Q { a: Int }"), @r#"
schema query=Q mutation=- subscription=- "The API" @link(url: "x")
directive @link on SCHEMA 3:12
  url: String! 3:17
object Q 4:6
  a: Int 4:10
"#);
}

#[test]
fn built_in_scalars_are_not_types() {
    insta::assert_snapshot!(read("type Query { a: Int b: Float c: String d: Boolean e: ID f: Date } scalar Date"), @r#"
schema query=Query mutation=- subscription=-
object Query 1:6
  a: Int 1:14
  b: Float 1:21
  c: String 1:30
  d: Boolean 1:40
  e: ID 1:51
  f: Date 1:57
scalar Date 1:74
"#);
    insta::assert_snapshot!(read("scalar String type Query { a: String }"), @r#"
schema query=Query mutation=- subscription=-
object Query 1:20
  a: String 1:28
--
t:1:1: error[S206]: built-in scalar definitions must be omitted [built-in-scalar-redefinition] (length 13)
  help: remove the definition: `Int`, `Float`, `String`, `Boolean` and `ID` are built in
"#);
}

#[test]
fn a_field_defined_twice_keeps_the_first_and_shows_both() {
    insta::assert_snapshot!(read(r#"type Query {
  "first"
  a: Int
  b: Int
  """
  second
  """
  a: String
}"#), @r#"
schema query=Query mutation=- subscription=-
object Query 1:6
  a: Int "first" 3:3
  b: Int 4:3
--
t:8:3: error[S211]: duplicate definitions for the `a` field of object type `Query` [duplicate-field] (length 1)
  label t:3:3: first defined here; this definition is kept
  help: remove one of the definitions; gqlsmith keeps the first
  coordinate: Query.a
"#);
}

#[test]
fn duplicates_of_other_kinds_point_at_both_definitions() {
    insta::assert_snapshot!(read("type Query { a: Int }\ntype Query { b: Int }"), @r#"
schema query=Query mutation=- subscription=-
object Query 1:6
  a: Int 1:14
--
t:2:6: error[S205]: the type `Query` is defined multiple times in the schema [duplicate-type-definition] (length 5)
  label t:1:6: first defined here; this definition is kept
  help: remove or rename one of the definitions, or use `extend`; gqlsmith keeps the first
  coordinate: Query
"#);
    insta::assert_snapshot!(read("enum E { A B A }\ntype Query { e: E }"), @r#"
schema query=Query mutation=- subscription=-
enum E 1:6
  A 1:10
  B 1:12
object Query 2:6
  e: E 2:14
--
t:1:14: error[S212]: duplicate definitions for the `A` value of enum type `E` [duplicate-enum-value] (length 1)
  label t:1:10: first defined here; this definition is kept
  help: remove one of the definitions; gqlsmith keeps the first
  coordinate: E.A
"#);
    insta::assert_snapshot!(read("directive @d on FIELD\ndirective @d on OBJECT\ntype Query { a: Int }"), @r#"
schema query=Query mutation=- subscription=-
directive @d on FIELD 1:12
object Query 3:6
  a: Int 3:14
--
t:2:12: error[S204]: the directive `@d` is defined multiple times in the schema [duplicate-directive-definition] (length 1)
  label t:1:12: first defined here; this definition is kept
  help: remove or rename one of the definitions; gqlsmith keeps the first
  coordinate: @d
"#);
    insta::assert_snapshot!(read("input I { a: Int a: Int }\ntype Query { f(i: I): Int }"), @r#"
schema query=Query mutation=- subscription=-
input_object I 1:7
  a: Int 1:11
object Query 2:6
  f: Int 2:14
    (i: I 2:16)
--
t:1:18: error[S211]: duplicate definitions for the `a` field of input object type `I` [duplicate-field] (length 1)
  label t:1:11: first defined here; this definition is kept
  help: remove one of the definitions; gqlsmith keeps the first
  coordinate: I.a
"#);
    insta::assert_snapshot!(read("type Query { f(a: Int, a: Int): Int }"), @r#"
schema query=Query mutation=- subscription=-
object Query 1:6
  f: Int 1:14
    (a: Int 1:16)
--
t:1:24: error[S214]: the argument `a` of `Query.f` is defined more than once [duplicate-argument] (length 1)
  label t:1:16: first defined here; this definition is kept
  help: remove one of the definitions; gqlsmith keeps the first
  coordinate: Query.f(a:)
"#);
}

#[test]
fn syntax_errors_leave_the_rest_readable() {
    insta::assert_snapshot!(read("type Query { a: Int }\ntype Broken { b: }\ntype After { c: Int }"), @r#"
schema query=Query mutation=- subscription=-
object Query 1:6
  a: Int 1:14
object Broken 2:6
object After 3:6
  c: Int 3:14
--
t:2:18: error[S200]: syntax error: expected a Type [syntax-error] (length 1)
  help: fix the syntax at this position; the rest of the file was still read
t:2:1: error[S238]: `Broken` has no fields [empty-type] (length 18)
  help: add at least one field, value or member, or remove the type
"#);
    insta::assert_snapshot!(read("type Query {"), @r#"
schema query=Query mutation=- subscription=-
object Query 1:6
--
t:1:13: error[S200]: syntax error: expected Field Definition [syntax-error] (length 1)
  help: fix the syntax at this position; the rest of the file was still read
t:1:13: error[S200]: syntax error: expected R_CURLY, got EOF [syntax-error] (length 1)
  help: fix the syntax at this position; the rest of the file was still read
t:1:1: error[S238]: `Query` has no fields [empty-type] (length 12)
  help: add at least one field, value or member, or remove the type
"#);
    insta::assert_snapshot!(read(""), @r#"
schema query=- mutation=- subscription=-
--
t:1:1: error[S200]: syntax error: Unexpected <EOF>. [syntax-error] (length 1)
  help: fix the syntax at this position; the rest of the file was still read
warning[S229]: missing query root operation type in schema definition [missing-query-root] (length 1)
  help: add a `Query` type, or `query: ..` in the `schema` definition, to make this a complete schema
"#);
    insta::assert_snapshot!(read("query { a }\ntype Query { a: Int }"), @r#"
schema query=Query mutation=- subscription=-
object Query 2:6
  a: Int 2:14
--
t:1:1: error[S202]: a schema document must not contain an operation definition [executable-definition-in-schema] (length 11)
  help: move operations and fragments out of the schema files
"#);
}

#[test]
fn validation_errors_have_positions() {
    insta::assert_snapshot!(read("type Query { a: Missing }"), @r#"
schema query=Query mutation=- subscription=-
object Query 1:6
  a: Missing 1:14
--
t:1:17: error[S220]: cannot find type `Missing` in this document [undefined-type] (length 7)
  help: define the type, fix the spelling, or add the file that defines it
"#);
    insta::assert_snapshot!(read("type Query { a: Int @nope }"), @r#"
schema query=Query mutation=- subscription=-
object Query 1:6
  a: Int @nope 1:14
--
t:1:21: error[S221]: cannot find directive `@nope` in this document [undefined-directive] (length 5)
  help: add a `directive @..` definition, or remove the directive
"#);
    insta::assert_snapshot!(read("interface Node { id: ID! }\ntype Query implements Node { a: Int }"), @r#"
schema query=Query mutation=- subscription=-
interface Node 1:11
  id: ID! 1:18
object Query implements Node 2:6
  a: Int 2:30
--
t:2:1: error[S223]: type `Query` does not satisfy interface `Node`: missing field `id` [missing-interface-field] (length 37)
  label t:1:18: `Node.id` is declared here
  help: add the field to the type, or stop implementing the interface
  coordinate: Query
"#);
    insta::assert_snapshot!(read("type Query { a: Int }\nextend type Nowhere { b: Int }"), @r#"
schema query=Query mutation=- subscription=-
object Query 1:6
  a: Int 1:14
--
t:2:13: error[S207]: type extension for undefined type `Nowhere` [orphan-extension] (length 7)
  help: define the type (or `schema`) being extended, or add the file that defines it
"#);
    // FIXME: apollo-compiler 1.33 does not check default values against their type.
    insta::assert_snapshot!(read("type Query { a(x: Int = \"no\"): Int }"), @r#"
schema query=Query mutation=- subscription=-
object Query 1:6
  a: Int 1:14
    (x: Int = "no" 1:16)
"#);
    insta::assert_snapshot!(read("union U = String\ntype Query { u: U }"), @r#"
schema query=Query mutation=- subscription=-
union U = String 1:7
object Query 2:6
  u: U 2:14
--
t:1:11: error[S232]: union member `String` must be an object type [union-member-not-object] (length 6)
  help: union members must be object types
"#);
}

#[test]
fn deep_nesting_is_a_diagnostic_not_a_crash() {
    let depth = 100_000;
    let sdl = format!(
        "type Query {{ a: {}Int{} }}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let loaded = read_sdl(&[(Arc::from("t"), sdl.as_str())]);
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"S201"), "{codes:?}");
}

#[test]
fn several_files_are_one_schema() {
    insta::assert_snapshot!(read_files(&[
            (
                "a.graphql",
                "type Query { a: Int }\nextend type User { name: String }",
            ),
            (
                "b.graphql",
                "type User { id: ID! }\ntype Query { again: Int }",
            ),
        ]), @r#"
schema query=Query mutation=- subscription=-
object Query a.graphql:1:6
  a: Int a.graphql:1:14
object User b.graphql:1:6
  id: ID! b.graphql:1:13
  name: String a.graphql:2:20
--
b.graphql:2:6: error[S205]: the type `Query` is defined multiple times in the schema [duplicate-type-definition] (length 5)
  label a.graphql:1:6: first defined here; this definition is kept
  help: remove or rename one of the definitions, or use `extend`; gqlsmith keeps the first
  coordinate: Query
"#);
}
