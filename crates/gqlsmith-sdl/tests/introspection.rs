//! The introspection reader: real files agree with their SDL, bad JSON becomes positioned
//! diagnostics, and no input makes it panic.

mod common;

use std::sync::Arc;

use common::{
    canonical_defaults, fixture_path, read_fixture, render, render_diagnostics, strip_provenance,
};
use gqlsmith_model::Schema;
use gqlsmith_sdl::{read_introspection, read_sdl, write_sdl, WriteOptions};
use proptest::prelude::*;

/// Reads `input` as file `t`: the rendered model and diagnostics.
fn read(input: &str) -> String {
    render(&read_introspection(input, Arc::from("t")))
}

/// The schema with types in name order: introspection lists types in graphql-js's
/// reference-walk order, SDL in definition order; "equal as a schema" ignores that.
fn by_name(schema: &Schema) -> Schema {
    let mut schema = strip_provenance(schema);
    schema.types.sort_keys();
    schema
}

#[track_caller]
fn assert_same_schema(file: &str, expected: &Schema, actual: &Schema) {
    let (expected, actual) = (by_name(expected), by_name(actual));
    for (name, ty) in &expected.types {
        assert_eq!(Some(ty), actual.types.get(name), "{file}: type `{name}`");
    }
    assert_eq!(
        expected.types.len(),
        actual.types.len(),
        "{file}: type count"
    );
    assert!(expected == actual, "{file}: schema-level facts differ");
}

/// `NAME.json`, written as SDL and read back, is the schema read from `NAME.graphql` (which
/// graphql-js printed from the same JSON).
#[track_caller]
fn check_against_sdl(name: &str) {
    let json = read_fixture(&format!("schemas/{name}.json"));
    let from_json = read_introspection(&json, Arc::from(format!("{name}.json")));
    assert!(
        from_json.diagnostics.is_empty(),
        "{}",
        render_diagnostics(&from_json.diagnostics)
    );
    let written = write_sdl(&from_json.schema, &WriteOptions::default());
    let reread = read_sdl(&[(Arc::from("written.graphql"), written.as_str())]);
    assert!(
        reread.diagnostics.is_empty(),
        "{}",
        render_diagnostics(&reread.diagnostics)
    );
    let sdl = read_fixture(&format!("schemas/{name}.graphql"));
    let from_sdl = read_sdl(&[(Arc::from(format!("{name}.graphql")), sdl.as_str())]);
    assert_same_schema(name, &from_sdl.schema, &reread.schema);
    // Reading the JSON directly gives that schema too, written or not.
    assert_same_schema(name, &from_sdl.schema, &from_json.schema);
}

#[test]
fn shopify_storefront_json_is_its_sdl() {
    check_against_sdl("shopify-storefront");
}

#[test]
fn shopify_customer_account_json_is_its_sdl() {
    check_against_sdl("shopify-customer-account");
}

/// `github.json` is graphql-js's introspection of `github.valid.graphql` (the
/// `{"data": {"__schema": ..}}` shape).
#[test]
fn github_json_is_github_sdl() {
    let json = read_fixture("schemas/github.json");
    let from_json = read_introspection(&json, Arc::from("github.json"));
    assert!(
        from_json.diagnostics.is_empty(),
        "{}",
        render_diagnostics(&from_json.diagnostics)
    );
    let sdl = read_fixture("schemas/github.valid.graphql");
    let from_sdl = read_sdl(&[(Arc::from("github.valid.graphql"), sdl.as_str())]);
    // graphql-js prints input object defaults in field order: `{direction: ASC, field: ..}`
    // where GitHub's SDL says `{field: .., direction: ASC}`. Same value, other text.
    assert_same_schema(
        "github",
        &canonical_defaults(&from_sdl.schema),
        &canonical_defaults(&from_json.schema),
    );
    // And written as SDL, it reads back as itself.
    let written = write_sdl(&from_json.schema, &WriteOptions::default());
    let reread = read_sdl(&[(Arc::from("written.graphql"), written.as_str())]);
    assert!(
        reread.diagnostics.is_empty(),
        "{}",
        render_diagnostics(&reread.diagnostics)
    );
    assert_same_schema("github written", &from_json.schema, &reread.schema);
}

#[test]
fn types_point_at_their_object_in_the_json() {
    insta::assert_snapshot!(read(r#"{"__schema": {"queryType": {"name": "Query"}, "types": [
  {"kind": "OBJECT", "name": "Query", "description": "Root", "fields": [
    {"name": "user", "args": [{"name": "id", "type": {"kind": "NON_NULL", "ofType": {"kind": "SCALAR", "name": "ID"}}, "defaultValue": null}],
     "type": {"kind": "OBJECT", "name": "User"}, "isDeprecated": false}]},
  {"kind": "OBJECT", "name": "User", "interfaces": [{"kind": "INTERFACE", "name": "Node"}], "fields": [
    {"name": "id", "args": [], "type": {"kind": "NON_NULL", "ofType": {"kind": "SCALAR", "name": "ID"}}},
    {"name": "tags", "args": [{"name": "first", "type": {"kind": "SCALAR", "name": "Int"}, "defaultValue": "10", "isDeprecated": true, "deprecationReason": "Removal on 2025-04-01 UTC."}],
     "type": {"kind": "LIST", "ofType": {"kind": "NON_NULL", "ofType": {"kind": "SCALAR", "name": "String"}}},
     "isDeprecated": true, "deprecationReason": "Marked as deprecated on 2024-01-02."}]},
  {"kind": "INTERFACE", "name": "Node", "fields": [{"name": "id", "args": [], "type": {"kind": "NON_NULL", "ofType": {"kind": "SCALAR", "name": "ID"}}}], "possibleTypes": [{"kind": "OBJECT", "name": "User"}]},
  {"kind": "UNION", "name": "Any", "possibleTypes": [{"kind": "OBJECT", "name": "User"}, {"kind": "OBJECT", "name": "Query"}]},
  {"kind": "SCALAR", "name": "URL", "specifiedByURL": "https://url.spec.whatwg.org/"},
  {"kind": "SCALAR", "name": "String"},
  {"kind": "INPUT_OBJECT", "name": "Pick", "isOneOf": true, "inputFields": [{"name": "id", "type": {"kind": "SCALAR", "name": "ID"}}]},
  {"kind": "OBJECT", "name": "__Schema", "fields": []}
], "directives": [
  {"name": "deprecated", "locations": ["FIELD_DEFINITION"], "args": []},
  {"name": "auth", "description": "Who may see it", "locations": ["OBJECT", "FIELD_DEFINITION"], "isRepeatable": true,
   "args": [{"name": "role", "type": {"kind": "SCALAR", "name": "String"}, "defaultValue": "\"admin\""}]}
]}}"#), @r#"
schema query=Query mutation=- subscription=-
directive @auth repeatable on OBJECT|FIELD_DEFINITION "Who may see it" 18:3
  role: String = "admin" 18:3
object Query "Root" 2:3
  user: User 2:3
    (id: ID! 2:3)
object User implements Node 5:3
  id: ID! 5:3
  tags: [String!] deprecated(Some("Marked as deprecated on 2024-01-02.") on=2024-01-02) 5:3
    (first: Int = 10 deprecated(Some("Removal on 2025-04-01 UTC.") removal=2025-04-01) 5:3)
interface Node 10:3
  id: ID! 10:3
union Any = User|Query 11:3
scalar URL specified_by=https://url.spec.whatwg.org/ 12:3
input_object Pick one_of 14:3
  id: ID 14:3
"#);
}

#[test]
fn bad_json_gives_positioned_diagnostics() {
    insta::assert_snapshot!(read(""), @r#"
schema query=- mutation=- subscription=-
--
t:1:1: error[J100]: the file is not valid JSON: EOF while parsing a value [invalid-json] (length 1)
  help: fix the JSON at this position, or check that the file is complete
"#);
    insta::assert_snapshot!(read("{\"__schema\": {\"types\": [}"), @r#"
schema query=- mutation=- subscription=-
--
t:1:25: error[J100]: the file is not valid JSON: expected value [invalid-json] (length 1)
  help: fix the JSON at this position, or check that the file is complete
"#);
    insta::assert_snapshot!(read("[1, 2]"), @r#"
schema query=- mutation=- subscription=-
--
t:1:2: error[J101]: the JSON is not an introspection result: invalid type: integer `1`, expected struct Data [not-introspection] (length 1)
  help: give the result of an introspection query: `{"data": {"__schema": ..}}` or `{"__schema": ..}`
"#);
    insta::assert_snapshot!(read("{\"data\": null}"), @r#"
schema query=- mutation=- subscription=-
--
t:1:1: error[J101]: no `__schema` object at the top or under `data` [not-introspection] (length 1)
  help: give the result of an introspection query: `{"data": {"__schema": ..}}` or `{"__schema": ..}`
"#);
    insta::assert_snapshot!(read("{\"__schema\": {\"types\": 5}}"), @r#"
schema query=- mutation=- subscription=-
--
t:1:24: error[J101]: the JSON is not an introspection result: invalid type: integer `5`, expected a sequence [not-introspection] (length 1)
  help: give the result of an introspection query: `{"data": {"__schema": ..}}` or `{"__schema": ..}`
"#);
    insta::assert_snapshot!(read("{\"__schema\": {\"types\": [{\"kind\": \"OBJECT\", \"name\": \"A\", \"fields\": [{\"name\": \"f\"}]}]}}"), @r#"
schema query=- mutation=- subscription=-
--
t:1:80: error[J102]: this type entry does not have the shape of an introspection type: missing field `type` [wrong-shape] (length 1)
  help: fix the entry; it was skipped
"#);
}

/// The files in `fixtures/sdl/bad/`, each with the diagnostics users see.
#[test]
fn bad_fixtures_snapshot() {
    insta::glob!("../../../fixtures/sdl/bad", "*.{json,graphql}", |path| {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("input");
        let file: Arc<str> = Arc::from(format!("bad/{name}"));
        let loaded = if name.ends_with(".json") {
            read_introspection(&text, file)
        } else {
            read_sdl(&[(file, text.as_str())])
        };
        assert!(
            !loaded.diagnostics.is_empty(),
            "{name} gives no diagnostics"
        );
        insta::assert_snapshot!(render_diagnostics(&loaded.diagnostics));
    });
}

/// 50 MB of junk of several kinds, made in memory: each gives diagnostics, none panics.
#[test]
fn fifty_megabytes_of_junk() {
    const SIZE: usize = 50 * 1024 * 1024;
    let deep_nesting = "[".repeat(SIZE);
    // A mebibyte of xorshift noise, repeated (generating 50 MB char by char is slow in
    // debug builds, and the reader sees no difference).
    let mut noise = String::with_capacity(1 << 20);
    let mut state: u32 = 0x2545_f491;
    while noise.len() < 1 << 20 {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        noise.push(char::from_u32(state % 0x2000).unwrap_or('?'));
    }
    let pseudo_random = noise.repeat(SIZE / noise.len() + 1);
    let huge_string = format!("{{\"__schema\": {{\"types\": [\"{}", "x".repeat(SIZE));
    // 100,000 entries of 500 bytes, each the wrong shape: one diagnostic each.
    let bad_type = format!("{{\"kind\": 1, \"pad\": \"{}\"}},", "x".repeat(480));
    let many_bad_types = format!(
        "{{\"__schema\": {{\"types\": [{}{{}}]}}}}",
        bad_type.repeat(SIZE / bad_type.len())
    );
    for (what, junk) in [
        ("deep nesting", &deep_nesting),
        ("pseudo-random text", &pseudo_random),
        ("a huge unterminated string", &huge_string),
        ("a hundred thousand bad types", &many_bad_types),
    ] {
        let loaded = read_introspection(junk, Arc::from("junk.json"));
        assert!(loaded.has_errors(), "{what}");
        let first = loaded.diagnostics[0]
            .location
            .as_ref()
            .expect("junk diagnostics have positions");
        assert!(first.line >= 1 && first.column >= 1, "{what}");
    }
    let sdl_junk = &noise;
    let loaded = read_sdl(&[(Arc::from("junk.graphql"), sdl_junk.as_str())]);
    assert!(loaded.has_errors());
}

fn small_introspection() -> String {
    let path = fixture_path("sdl/bad/wrong-shapes.json");
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Every prefix of a small introspection file reads without panicking, and every prefix
    /// that is not the whole file is an error with a position.
    #[test]
    fn truncations_never_panic(cut in 0usize..1100) {
        let text = small_introspection();
        let cut = cut.min(text.len());
        let prefix = text.get(..cut).unwrap_or("");
        let loaded = read_introspection(prefix, Arc::from("t.json"));
        if prefix.trim_end().len() < text.trim_end().len() {
            prop_assert!(loaded.has_errors());
            prop_assert!(loaded.diagnostics.iter().all(|d| d.location.is_some()));
        }
    }

    /// Arbitrary strings, and JSON-looking soup, never make the reader panic.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}", soup in "[\\[\\]{}\":,a-zA-Z_ 0-9\\n]{0,300}") {
        let _ = read_introspection(&text, Arc::from("t.json"));
        let wrapped = format!("{{\"__schema\": {{\"types\": [{soup}]}}}}");
        let _ = read_introspection(&wrapped, Arc::from("t.json"));
        let _ = read_sdl(&[(Arc::from("t.graphql"), soup.as_str())]);
    }
}
