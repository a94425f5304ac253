//! The `rust-operations` target: snapshots over two real corpora (githunt, star-wars), the
//! output as `rustfmt --check` sees it, determinism, and small cases of what a selection
//! becomes. The generated code is compiled (with `#![deny(warnings)]`) and run against a
//! server in `tests/operations-roundtrip`.

use std::process::Command;
use std::sync::Arc;

use gqlsmith_codegen::{generate_with_documents, Config, GeneratedFile, Target, Templates};
use gqlsmith_model::{Diagnostic, Documents, Schema, Valid};
use gqlsmith_operations::{read_documents, ApolloSchema, DocumentSource};

// Only some of the shared helpers are used here.
#[allow(dead_code)]
mod support;

use support::read_fixture;

/// The schema and documents of `fixtures/operations/<name>`, the documents in path order.
fn corpus(name: &str) -> (Valid<Schema>, Documents) {
    let dir = format!(
        "{}/../../fixtures/operations/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let schema = read_fixture(&format!("operations/{name}/schema.json"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "graphql"))
        .collect();
    paths.sort();
    let sources: Vec<DocumentSource> = paths
        .iter()
        .map(|path| DocumentSource {
            label: Arc::from(format!(
                "fixtures/operations/{name}/{}",
                path.file_name().unwrap().to_string_lossy()
            )),
            text: std::fs::read_to_string(path).unwrap(),
        })
        .collect();
    let documents = read_valid(&schema, &sources);
    (schema, documents)
}

/// `sources` read against `schema`; panics on any error.
fn read_valid(schema: &Schema, sources: &[DocumentSource]) -> Documents {
    let read = read_documents(schema, &ApolloSchema::new(schema), sources);
    let errors: Vec<String> = read
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    read.documents
}

fn generate(
    schema: &Valid<Schema>,
    documents: &Documents,
    config: &Config,
) -> Result<Vec<GeneratedFile>, Vec<Diagnostic>> {
    generate_with_documents(
        schema,
        Some(documents),
        Target::RustOperations,
        config,
        &Templates::embedded(),
        "schema.graphql",
    )
}

/// Every file, each under a `=== path` line, as one text.
fn joined(files: &[GeneratedFile]) -> String {
    files
        .iter()
        .map(|file| format!("=== {}\n{}", file.path, file.contents))
        .collect()
}

#[test]
fn snapshots_of_two_corpora() {
    for name in ["githunt", "star-wars"] {
        let (schema, documents) = corpus(name);
        let files = generate(&schema, &documents, &Config::default()).unwrap();
        insta::assert_snapshot!(format!("rust_operations@{name}"), joined(&files));
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let (schema, documents) = corpus("star-wars");
    let first = generate(&schema, &documents, &Config::default()).unwrap();
    let second = generate(&schema, &documents, &Config::default()).unwrap();
    assert_eq!(first, second);
}

/// `rustfmt --check` over exactly the files `generate` returns, written as the CLI writes
/// them: rustfmt would change nothing.
#[test]
fn rustfmt_accepts_the_output_as_written() {
    for name in ["githunt", "star-wars"] {
        let (schema, documents) = corpus(name);
        let files = generate(&schema, &documents, &Config::default()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        for file in &files {
            std::fs::write(dir.path().join(&file.path), &file.contents).unwrap();
        }
        let output = Command::new("rustfmt")
            .args(["--edition", "2021", "--check"])
            .args(files.iter().map(|file| dir.path().join(&file.path)))
            .output()
            .expect("rustfmt runs (rustup component add rustfmt)");
        assert!(
            output.status.success(),
            "{name}: rustfmt --check differs:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// The files generated for `document` against the SDL `schema`, by path.
fn generate_small(schema: &str, document: &str, config: &Config) -> Vec<GeneratedFile> {
    let schema =
        gqlsmith::test_support::valid(gqlsmith::test_support::text("schema.graphql", schema));
    let documents = read_valid(
        &schema,
        &[DocumentSource {
            label: Arc::from("operations.graphql"),
            text: document.to_owned(),
        }],
    );
    generate(&schema, &documents, config).unwrap()
}

fn file<'f>(files: &'f [GeneratedFile], path: &str) -> &'f str {
    &files
        .iter()
        .find(|file| file.path == path)
        .unwrap_or_else(|| {
            panic!(
                "no {path} among {:?}",
                files.iter().map(|f| &f.path).collect::<Vec<_>>()
            )
        })
        .contents
}

/// The text between `pub const QUERY: &str = r#"` and `"#;` in `text`.
fn query_const(text: &str) -> &str {
    let start = text.find("r#\"").expect("a raw string") + 3;
    let end = text[start..].find("\"#;").expect("its end") + start;
    &text[start..end]
}

const NODES: &str = r#"
scalar DateTime
scalar Json
interface Node { id: ID! }
type User implements Node { id: ID! name: String! handle: String @deprecated(reason: "Use `name`.") joined: DateTime! }
type Bot implements Node { id: ID! model: String! }
union Member = User | Bot
type Query { node(id: ID!): Node members: [Member!]! meta: Json }
"#;

#[track_caller]
fn check_query(document: &str, module: &str, expect: &str) {
    let files = generate_small(NODES, document, &Config::default());
    assert_eq!(query_const(file(&files, &format!("{module}.rs"))), expect);
}

#[test]
fn typename_is_added_where_a_type_is_chosen_by_it() {
    // Narrowed: the enum needs `__typename`, on a line of its own.
    check_query(
        "query Q {\n  node(id: 1) {\n    id\n    ... on User { name }\n  }\n}",
        "q",
        "query Q {\n  node(id: 1) {\n    __typename\n    id\n    ... on User { name }\n  }\n}",
    );
    // Not narrowed (every selection holds for every type): a struct, the text unchanged.
    check_query(
        "query Q { node(id: 1) { id ... on Node { id } } }",
        "q",
        "query Q { node(id: 1) { id ... on Node { id } } }",
    );
    // Selected already: nothing added.
    check_query(
        "query Q { members { __typename ... on Bot { model } } }",
        "q",
        "query Q { members { __typename ... on Bot { model } } }",
    );
    // In a fragment that narrows: the fragment's text gets it, in every operation that uses it.
    check_query(
        "query Q { node(id: 1) { ...F } }\nfragment F on Node { ... on Bot { model } }",
        "q",
        "query Q { node(id: 1) { ...F } }\n\nfragment F on Node { __typename ... on Bot { model } }",
    );
}

#[track_caller]
fn check_contains(document: &str, config: &Config, path: &str, expected: &[&str]) {
    let files = generate_small(NODES, document, config);
    let text = file(&files, path);
    for line in expected {
        assert!(text.contains(line), "{path} has no `{line}`:\n{text}");
    }
}

#[test]
fn aliases_and_name_collisions_give_distinct_names() {
    check_contains(
        "query Q { a: node(id: 1) { id } A: node(id: 2) { id } fooBar: node(id: 3) { id } foo_bar: node(id: 4) { id } }",
        &Config::default(),
        "q.rs",
        &[
            "pub a: Option<A>,",
            "#[serde(rename = \"A\")]\n    pub a_2: Option<A2>,",
            "#[serde(rename = \"fooBar\")]\n    pub foo_bar: Option<FooBar>,",
            "#[serde(rename = \"foo_bar\")]\n    pub foo_bar_2: Option<FooBar2>,",
            "pub struct A {",
            "pub struct A2 {",
            "pub struct FooBar2 {",
        ],
    );
}

#[test]
fn deprecated_fields_scalars_and_conditions() {
    let mut config = Config::default();
    config.scalars.insert(
        "DateTime".to_owned(),
        gqlsmith_codegen::ScalarMapping {
            rust: Some("chrono::DateTime<chrono::Utc>".to_owned()),
            ..Default::default()
        },
    );
    check_contains(
        "query Q($skip: Boolean!) { node(id: 1) { ... on User { handle joined name @skip(if: $skip) } } meta }",
        &config,
        "q.rs",
        &[
            "#[deprecated(note = \"Use `name`.\")]\n    pub handle: Option<String>,",
            "pub joined: chrono::DateTime<chrono::Utc>,",
            "pub name: Option<String>,",
            "pub meta: Option<serde_json::Value>,",
            "User(NodeUser),",
            "Other(super::UnknownObject),",
        ],
    );
}

#[test]
fn strict_scalars_refuse_an_unmapped_scalar() {
    let schema =
        gqlsmith::test_support::valid(gqlsmith::test_support::text("schema.graphql", NODES));
    let documents = read_valid(
        &schema,
        &[DocumentSource {
            label: Arc::from("operations.graphql"),
            text: "query Q { meta }".to_owned(),
        }],
    );
    let config = Config {
        strict_scalars: true,
        ..Config::default()
    };
    let diagnostics = generate(&schema, &documents, &config).unwrap_err();
    let messages: Vec<String> = diagnostics.iter().map(|d| d.message.clone()).collect();
    assert_eq!(
        messages,
        ["custom scalar `Json` has no type in the scalar map"]
    );
}

#[test]
fn without_documents_the_target_says_how_to_give_them() {
    let (schema, _) = corpus("githunt");
    let diagnostics = generate_with_documents(
        &schema,
        None,
        Target::RustOperations,
        &Config::default(),
        &Templates::embedded(),
        "schema.json",
    )
    .unwrap_err();
    assert_eq!(diagnostics[0].code, "G010");
}
