//! One small input per SDL diagnostic code. apollo-compiler's error kinds are recognised from
//! their messages (its kinds are private), so these pin every pattern: if an upgrade rewords a
//! message, the code here changes (to `S299`) and the test says which.

use std::sync::Arc;

use gqlsmith_sdl::read_sdl;

/// Every diagnostic of `input` as `severity code name`, one per line, in order.
fn diagnostics(input: &str) -> String {
    let loaded = read_sdl(&[(Arc::from("t"), input)]);
    let actual: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|diagnostic| {
            format!(
                "{} {} {}",
                diagnostic.severity, diagnostic.code, diagnostic.name
            )
        })
        .collect();
    actual.join("\n")
}

#[test]
fn syntax_and_limits() {
    insta::assert_snapshot!(diagnostics("type Query { a: }"), @r#"
error S200 syntax-error
error S238 empty-type
"#);
    insta::assert_snapshot!(diagnostics(&format!(
            "type Query {{ a: {}Int{} }}",
            "[".repeat(5000),
            "]".repeat(5000)
        )), @r#"
error S201 parser-limit
error S238 empty-type
"#);
    insta::assert_snapshot!(diagnostics("query { a } type Query { a: Int }"), @r#"
error S202 executable-definition-in-schema
"#);
}

#[test]
fn duplicates() {
    insta::assert_snapshot!(diagnostics("schema { query: Query } schema { query: Query } type Query { a: Int }"), @r#"
error S203 duplicate-schema-definition
"#);
    insta::assert_snapshot!(diagnostics("directive @d on FIELD directive @d on FIELD type Query { a: Int }"), @r#"
error S204 duplicate-directive-definition
"#);
    insta::assert_snapshot!(diagnostics("type Query { a: Int } type Query { b: Int }"), @r#"
error S205 duplicate-type-definition
"#);
    insta::assert_snapshot!(diagnostics("scalar String type Query { a: String }"), @r#"
error S206 built-in-scalar-redefinition
"#);
    insta::assert_snapshot!(diagnostics("schema { query: Query query: Query } type Query { a: Int }"), @r#"
error S209 duplicate-root-operation
"#);
    insta::assert_snapshot!(diagnostics("interface I { a: Int } type Query implements I & I { a: Int }"), @r#"
error S210 duplicate-implements
"#);
    insta::assert_snapshot!(diagnostics("type Query { a: Int a: Int }"), @r#"
error S211 duplicate-field
"#);
    insta::assert_snapshot!(diagnostics("enum E { A A } type Query { e: E }"), @r#"
error S212 duplicate-enum-value
"#);
    insta::assert_snapshot!(diagnostics("type A { a: Int } union U = A | A type Query { u: U }"), @r#"
error S213 duplicate-union-member
"#);
    insta::assert_snapshot!(diagnostics("type Query { a(x: Int, x: Int): Int }"), @r#"
error S214 duplicate-argument
"#);
    insta::assert_snapshot!(diagnostics("directive @d(a: Int) on FIELD_DEFINITION type Query { a: Int @d(a: 1, a: 2) }"), @r#"
error S214 duplicate-argument
"#);
}

#[test]
fn extensions() {
    insta::assert_snapshot!(diagnostics("type Query { a: Int } extend type Missing { b: Int }"), @r#"
error S207 orphan-extension
"#);
    insta::assert_snapshot!(diagnostics("type Query { a: Int } extend enum Query { A }"), @r#"
error S208 extension-kind-mismatch
"#);
}

#[test]
fn references_and_implementations() {
    insta::assert_snapshot!(diagnostics("type Query { a: Missing }"), @r#"
error S220 undefined-type
"#);
    insta::assert_snapshot!(diagnostics("type Query { a: Int @missing }"), @r#"
error S221 undefined-directive
"#);
    insta::assert_snapshot!(diagnostics("directive @d on FIELD_DEFINITION type Query { a: Int @d(x: 1) }"), @r#"
error S222 undefined-argument
"#);
    insta::assert_snapshot!(diagnostics("interface I { a: Int } type Query implements I { b: Int }"), @r#"
error S223 missing-interface-field
"#);
    insta::assert_snapshot!(diagnostics("interface I { a: Int } type Query implements I { a: String }"), @r#"
error S224 invalid-implementation
"#);
    insta::assert_snapshot!(diagnostics("directive @d(x: Int!) on FIELD_DEFINITION type Query { a: Int @d }"), @r#"
error S225 missing-required-argument
"#);
    insta::assert_snapshot!(diagnostics("interface A { a: Int } interface B implements A { a: Int } type Query implements B { a: Int }"), @r#"
error S226 missing-transitive-interface
"#);
}

#[test]
fn kinds_in_the_wrong_place() {
    insta::assert_snapshot!(diagnostics("input I { a: Int } type Query { a: I }"), @r#"
error S227 output-type-expected
"#);
    insta::assert_snapshot!(diagnostics("type Query { a(x: Query): Int }"), @r#"
error S228 input-type-expected
"#);
    insta::assert_snapshot!(diagnostics("schema { mutation: M } type M { a: Int }"), @r#"
error S229 missing-query-root
"#);
    insta::assert_snapshot!(diagnostics("type NotARoot { a: Int }"), @r#"
warning S229 missing-query-root
"#);
    insta::assert_snapshot!(diagnostics("schema { query: E } enum E { A }"), @r#"
error S230 root-operation-not-object
"#);
    insta::assert_snapshot!(diagnostics("schema { query: Query mutation: Query } type Query { a: Int }"), @r#"
error S231 shared-root-operation-type
"#);
    insta::assert_snapshot!(diagnostics("union U = String type Query { u: U }"), @r#"
error S232 union-member-not-object
"#);
    insta::assert_snapshot!(diagnostics("directive @d on OBJECT type Query { a: Int @d }"), @r#"
error S233 directive-wrong-location
"#);
    insta::assert_snapshot!(diagnostics("directive @d on FIELD_DEFINITION type Query { a: Int @d @d }"), @r#"
error S234 repeated-directive
"#);
    insta::assert_snapshot!(diagnostics("directive @d(x: Int) on FIELD_DEFINITION type Query { a: Int @d(x: \"s\") }"), @r#"
error S235 invalid-value
"#);
}

#[test]
fn shapes() {
    insta::assert_snapshot!(diagnostics("input I { i: I! } type Query { a(i: I): Int }"), @r#"
error S236 recursive-definition
"#);
    // A chain of required input objects one deeper than apollo-compiler's limit (32).
    let chain: String = (0..32)
        .map(|n| format!("input I{n} {{ next: I{}! }}\n", n + 1))
        .collect();
    insta::assert_snapshot!(diagnostics(&format!("{chain}input I32 {{ end: Int }}\ntype Query {{ a(i: I0): Int }}")), @r#"
error S237 too-deeply-nested
"#);
    insta::assert_snapshot!(diagnostics("type Query type Other { a: Int }"), @r#"
error S238 empty-type
"#);
    insta::assert_snapshot!(diagnostics("type __Reserved { a: Int } type Query { a: Int }"), @r#"
error S239 reserved-name
"#);
}
