//! The Kraken docs page (fixtures/kraken/objects.txt), read by the docs reader, recovered and
//! written as SDL, is a valid type system document.

mod common;

use std::sync::Arc;

use common::{read_fixture, render_diagnostics};
use gqlsmith_model::Schema;
use gqlsmith_recover::{recover, RecoverOptions};
use gqlsmith_sdl::{read_sdl, write_sdl, WriteOptions};

fn kraken(recovered: bool) -> Schema {
    let text = read_fixture("kraken/objects.txt");
    let mut loaded = gqlsmith_docs::read(&text, Arc::from("fixtures/kraken/objects.txt"));
    if recovered {
        recover(&mut loaded, &RecoverOptions::default());
    }
    loaded.schema
}

/// `sdl` read back by `read_sdl` has no errors, and apollo-compiler's own validation finds
/// nothing but the missing query root: the page documents types, not a servable schema, and
/// gqlsmith invents no `Query` (see `S229`, a warning when there is no root at all).
#[track_caller]
fn assert_valid_type_system_document(sdl: &str) {
    let reread = read_sdl(&[(Arc::from("kraken.graphql"), sdl)]);
    let errors: Vec<_> = reread
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    assert!(errors.is_empty(), "{}", render_diagnostics(&errors));
    let messages: Vec<String> =
        match apollo_compiler::Schema::parse_and_validate(sdl, "kraken.graphql") {
            Ok(_) => Vec::new(),
            Err(with_errors) => with_errors
                .errors
                .iter()
                .map(|diagnostic| diagnostic.error.to_string())
                .collect(),
        };
    assert_eq!(
        messages,
        ["missing query root operation type in schema definition"]
    );
}

#[test]
fn the_page_as_read_writes_valid_sdl() {
    let schema = kraken(false);
    let sdl = write_sdl(&schema, &WriteOptions::default());
    assert_valid_type_system_document(&sdl);
    // Every block is written under its name, placeholders included.
    let reread = read_sdl(&[(Arc::from("kraken.graphql"), sdl.as_str())]);
    for name in schema.types.keys() {
        assert!(
            reread.schema.types.contains_key(name),
            "`{name}` is missing from the SDL"
        );
    }
}

#[test]
fn the_recovered_page_writes_valid_sdl() {
    let schema = kraken(true);
    let sdl = write_sdl(&schema, &WriteOptions::default());
    assert_valid_type_system_document(&sdl);
    insta::assert_snapshot!("kraken_recovered", sdl);
}
