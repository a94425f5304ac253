//! The `rust-operations` target: snapshots over two real corpora (githunt, star-wars), the
//! output as `rustfmt --check` sees it, determinism, and small cases of what a selection
//! becomes. The generated code is compiled (with `#![deny(warnings)]`) and run against a
//! server in `tests/operations-roundtrip`.

use std::process::Command;
use std::sync::Arc;

use gqlsmith_codegen::{generate_with_documents, Config, GeneratedFile, Target, Templates};
use gqlsmith_model::{Diagnostic, Documents, Schema, Valid};
use gqlsmith_operations::{read_documents, ApolloSchema, DocumentSource};

mod support;

use support::valid_or_panic;

/// The schema and documents of `fixtures/operations/<name>`, the documents in path order.
fn corpus(name: &str) -> (Valid<Schema>, Documents) {
    let dir = format!("{}/../../fixtures/operations/{name}", env!("CARGO_MANIFEST_DIR"));
    let schema_label = format!("fixtures/operations/{name}/schema.json");
    let text = std::fs::read_to_string(format!("{dir}/schema.json")).unwrap();
    let schema = valid_or_panic(
        gqlsmith_sdl::read_introspection(&text, Arc::from(schema_label.as_str())),
        &schema_label,
    );
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
