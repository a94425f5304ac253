//! Fuzzes every reader with deep nesting: list types `[[[Int]]]`, nested list and object
//! values, `ofType` chains and nested JSON arrays in introspection, nested selections in
//! operations, nested brackets in docs pages and nested arrays and tables in overlays, as deep
//! as the fuzzer asks (up to 65,535 levels). A reader must give a diagnostic for nesting it
//! cannot take and never overflow the stack (which, under AddressSanitizer's larger frames,
//! the fuzzer reports as a crash). The bytes after the first three go innermost, so the fuzzer
//! also varies what sits at the bottom.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

/// Deeper than any parser's nesting limit (apollo-parser's is 500, serde_json's 128), so the
/// readers must say so.
const OVER_EVERY_LIMIT: usize = 4_096;

/// `open` `depth` times, `inner`, `close` `depth` times.
fn nest(open: &str, inner: &str, close: &str, depth: usize) -> String {
    let mut text = String::with_capacity((open.len() + close.len()) * depth + inner.len());
    for _ in 0..depth {
        text.push_str(open);
    }
    text.push_str(inner);
    for _ in 0..depth {
        text.push_str(close);
    }
    text
}

fn schema_for_operations() -> (gqlsmith_model::Schema, gqlsmith_operations::ApolloSchema) {
    let sdl = "type Query { a: Query b(x: [[Int]], o: In): Int }\ninput In { a: In v: Int }";
    let loaded = gqlsmith_sdl::read_sdl(&[(Arc::from("schema.graphql"), sdl)]);
    assert!(!loaded.has_errors(), "the fuzz target's own schema reads");
    let apollo = gqlsmith_operations::ApolloSchema::new(&loaded.schema);
    (loaded.schema, apollo)
}

fn located_inside(diagnostics: &[gqlsmith_model::Diagnostic]) {
    for diagnostic in diagnostics {
        if let Some(location) = &diagnostic.location {
            assert!(location.line >= 1 && location.column >= 1, "{diagnostic}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let [shape, high, low, rest @ ..] = data else {
        return;
    };
    let depth = usize::from(u16::from_be_bytes([*high, *low]));
    let inner = String::from_utf8_lossy(rest);
    let sdl = |text: String| {
        let loaded = gqlsmith_sdl::read_sdl(&[(Arc::from("fuzz.graphql"), text.as_str())]);
        located_inside(&loaded.diagnostics);
        if depth > OVER_EVERY_LIMIT {
            assert!(
                loaded.has_errors(),
                "{depth} levels of nesting read without an error"
            );
        }
        let _ = gqlsmith_sdl::write_sdl(&loaded.schema, &gqlsmith_sdl::WriteOptions::default());
    };
    let introspection = |text: String| {
        let loaded = gqlsmith_sdl::read_introspection(&text, Arc::from("fuzz.json"));
        located_inside(&loaded.diagnostics);
        if depth > OVER_EVERY_LIMIT {
            assert!(
                loaded.has_errors(),
                "{depth} levels of nesting read without an error"
            );
        }
        let _ = gqlsmith_sdl::write_sdl(&loaded.schema, &gqlsmith_sdl::WriteOptions::default());
    };
    let operations = |text: String| {
        let (schema, apollo) = schema_for_operations();
        let read = gqlsmith_operations::read_documents(
            &schema,
            &apollo,
            &[gqlsmith_operations::DocumentSource {
                label: Arc::from("fuzz.graphql"),
                text,
            }],
        );
        located_inside(&read.diagnostics);
        if depth > OVER_EVERY_LIMIT {
            assert!(
                read.diagnostics
                    .iter()
                    .any(gqlsmith_model::Diagnostic::is_error),
                "{depth} levels of nesting read without an error"
            );
        }
        let _ = gqlsmith_operations::coverage(&schema, &read.documents);
    };
    match shape % 10 {
        0 => sdl(format!("type Query {{ f: {} }}", nest("[", &format!("Int{inner}"), "]", depth))),
        1 => sdl(format!(
            "type Query {{ f(a: [Int] = {}): Int }}",
            nest("[", &format!("1{inner}"), "]", depth)
        )),
        2 => sdl(format!(
            "directive @d(a: In) on FIELD_DEFINITION\ninput In {{ a: In }}\ntype Query {{ f: Int @d(a: {}) }}",
            nest("{a: ", &format!("null{inner}"), "}", depth)
        )),
        3 => introspection(format!(
            r#"{{"__schema": {{"queryType": {{"name": "Query"}}, "types": [{{"kind": "OBJECT", "name": "Query", "fields": [{{"name": "f", "args": [], "type": {}}}], "interfaces": []}}]}}}}"#,
            nest(
                r#"{"kind": "LIST", "name": null, "ofType": "#,
                &format!(r#"{{"kind": "SCALAR", "name": "Int{}", "ofType": null}}"#, inner.escape_default()),
                "}",
                depth
            )
        )),
        4 => introspection(format!(
            r#"{{"__schema": {{"types": [{}]}}}}"#,
            nest("[", &inner, "]", depth)
        )),
        5 => introspection(format!(
            r#"{{"__schema": {{"queryType": {{"name": "Query"}}, "types": [{{"kind": "OBJECT", "name": "Query", "fields": [{{"name": "f", "type": {{"kind": "SCALAR", "name": "Int", "ofType": null}}, "args": [{{"name": "a", "type": {{"kind": "LIST", "name": null, "ofType": {{"kind": "SCALAR", "name": "Int", "ofType": null}}}}, "defaultValue": "{}"}}]}}], "interfaces": []}}]}}}}"#,
            nest("[", &format!("1{}", inner.escape_default()), "]", depth)
        )),
        6 => operations(format!("query Q {}", nest("{ a ", &format!("{{ b }}{inner}"), "}", depth))),
        7 => operations(format!(
            "query Q($x: [[Int]] = {}) {{ b(x: $x) }}",
            nest("[", &format!("1{inner}"), "]", depth)
        )),
        8 => {
            let page = format!("Query\n\nfield: {}\n", nest("[", &format!("Int{inner}"), "]", depth));
            let mut loaded = gqlsmith_docs::read(&page, Arc::from("fuzz.txt"));
            located_inside(&loaded.diagnostics);
            let report = gqlsmith_recover::recover(
                &mut loaded,
                &gqlsmith_recover::RecoverOptions::default(),
            );
            let _ = report.render();
        }
        _ => {
            let toml = if depth % 2 == 0 {
                format!("a = {}", nest("[", &inner, "]", depth))
            } else {
                format!("a = {}", nest("{b = ", &format!("1{inner}"), "}", depth))
            };
            if let Err(diagnostics) = gqlsmith_recover::Overlay::parse(&toml, Arc::from("fuzz.toml")) {
                assert!(!diagnostics.is_empty());
                located_inside(&diagnostics);
            }
        }
    }
});
