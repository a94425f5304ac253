//! Tiny inputs, one quirk or edge of the format each, checked against the rendered model and
//! diagnostics (the fixtures in `fixtures/docs/` cover the quirks of the seed page).

mod support;

use std::sync::Arc;

#[track_caller]
fn check(input: &str, expect: &str) {
    let (loaded, trace) = gqlsmith_docs::read_with_trace(input, Arc::from("page.txt"));
    support::assert_every_line_accounted(input, &loaded, &trace);
    let actual = support::render_full(&loaded);
    assert!(
        actual == expect,
        "input:\n{input}\n--- actual:\n{actual}--- expected:\n{expect}---"
    );
}

#[test]
fn inputs_without_blocks() {
    check("", "1:1 warning[D116] no type blocks found\n");
    check("\n\n", "1:1 warning[D116] no type blocks found\n");
    check(
        "Objects\nObjects in GraphQL represent the resources you can access.",
        "1:1 warning[D116] no type blocks found\n",
    );
    check(
        "}",
        "1:1 error[D127] `}` outside an example\n1:1 warning[D116] no type blocks found\n",
    );
}

#[test]
fn blocks_cut_short() {
    check(
        "Fields",
        "type Unnamed_L1 (placeholder) @1:1\n1:1 warning[D107] `Unnamed_L1` has no example\n",
    );
    check(
        "Foo\nFields",
        "type Foo @1:1\n1:1 warning[D107] `Foo` has no example\n",
    );
    check(
        "Example",
        "type Unnamed_L1 (placeholder) @1:1\n1:1 error[D123] the example of `Unnamed_L1` has no opening `{`\n",
    );
    check(
        "Foo\nA description.\nExample\n{",
        r#"type Foo @1:1
  description "A description."
  example @4:1 raw="{"
4:1 warning[D115] the example of `Foo` has no closing `}`
"#,
    );
}

#[test]
fn rows_outside_their_place() {
    check(
        "node(Foo)",
        "type Unnamed_L1 (placeholder) @1:1
  field node: Foo @1:1
1:1 warning[D117] field rows start outside a block; they are read as `Unnamed_L1`
1:1 warning[D101] row `Unnamed_L1.node` has no closing `|`
1:1 warning[D107] `Unnamed_L1` has no example
",
    );
    // The row's description never ends: `}Bar` ends it, and since no example was open the
    // brace is stray; the reader still starts `Bar` there.
    check(
        "Foo\nFields\n| Name | Description |\n|---|---|\nnode(Foo)\n}Bar\nExample\n{\n}",
        r#"type Foo @1:1
  field node: Foo @5:1
type Bar @6:2
  example @8:1 raw="{\n}"
1:1 warning[D107] `Foo` has no example
5:1 warning[D101] row `Foo.node` has no closing `|`
6:1 error[D127] `}` outside an example
"#,
    );
}

#[test]
fn types_and_columns() {
    // Nested wrappers parse; columns count characters, not bytes.
    check(
        "Foo\nFields\nnode([[Foo!]!]!) | Nested. |\nname(String) | Ünïcode ’quotes’ are counted as characters. The |\nExample\n{\n}",
        r#"type Foo @1:1
  field node: [[Foo!]!]! @3:1 "Nested."
  field name: String @4:1 "Ünïcode ’quotes’ are counted as characters. The"
  example @6:1 raw="{\n}"
3:1 warning[D112] the field table of `Foo` has no `| Name | Description |` header
4:60 warning[D102] the description of `Foo.name` ends mid-sentence at `The`
"#,
    );
}

#[test]
fn line_ends_and_blank_lines() {
    // A trailing newline adds no line; blank lines inside an example stay in its raw text.
    check(
        "Foo\nExample\n{\n\"a\": 1\n}\n",
        r#"type Foo @1:1
  example @3:1 raw="{\n\"a\": 1\n}"
    a = 1 @4:1
"#,
    );
    check(
        "Foo\nExample\n{\n\n\"a\": 1\n\n}",
        r#"type Foo @1:1
  example @3:1 raw="{\n\n\"a\": 1\n\n}"
    a = 1 @5:1
"#,
    );
}
