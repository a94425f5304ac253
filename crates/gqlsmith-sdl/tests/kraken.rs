//! The Kraken docs page (fixtures/kraken/objects.txt), read by the docs reader, recovered and
//! written as SDL, is a valid type system document.

mod common;

use std::sync::Arc;

use common::{read_fixture, render_diagnostics};
use gqlsmith_model::{Certainty, Deprecation, NameOrigin, Provenance, Schema};
use gqlsmith_recover::{recover, RecoverOptions};
use gqlsmith_sdl::{read_sdl, write_sdl, WriteOptions};

/// The page read, and recovered when `recovered` (what `gqlsmith` loads). recovery off: with
/// `false`, the tests check that the reader's own model (placeholders, undefined names) also
/// writes as valid SDL, since `--no-recover` gives users that model.
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

/// The model without what SDL does not carry: built-in scalars, positions, the evidence behind inferences and
/// recovered names, docs examples, error code and unnamed argument positions, and
/// replacements named in deprecation prose (the prose itself is kept).
fn without_what_sdl_does_not_carry(schema: &Schema) -> Schema {
    fn forget(provenance: &mut Provenance) {
        provenance.location = None;
        if let Certainty::Inferred { evidence, .. } = &mut provenance.certainty {
            evidence.clear();
        }
    }
    fn forget_deprecation(deprecation: &mut Option<Deprecation>) {
        if let Some(deprecation) = deprecation {
            forget(&mut deprecation.provenance);
            deprecation.replacement = None;
        }
    }
    let mut schema = schema.clone();
    // Recovery lists the built-in scalars the page uses; SDL must not define them.
    schema
        .types
        .retain(|name, _| !Schema::is_builtin_scalar(name));
    for ty in schema.types.values_mut() {
        ty.example = None;
        if let NameOrigin::Recovered { signals, .. } = &mut ty.name_origin {
            signals.clear();
        }
        forget(&mut ty.provenance);
        forget(&mut ty.kind_provenance);
        ty.error_codes
            .iter_mut()
            .for_each(|error| error.provenance = Provenance::default());
        for field in &mut ty.fields {
            forget(&mut field.provenance);
            forget_deprecation(&mut field.deprecation);
            field
                .unnamed_arguments
                .iter_mut()
                .for_each(|argument| argument.provenance = Provenance::default());
            for argument in &mut field.arguments {
                forget(&mut argument.provenance);
                forget_deprecation(&mut argument.deprecation);
            }
        }
        for field in &mut ty.input_fields {
            forget(&mut field.provenance);
            forget_deprecation(&mut field.deprecation);
        }
        for value in &mut ty.enum_values {
            forget(&mut value.provenance);
            forget_deprecation(&mut value.deprecation);
        }
    }
    schema
}

/// Written as SDL and read back, the page (as read, and recovered) is the same model, minus what SDL does
/// not carry: gqlsmith's markers bring back inferred kinds, placeholder and recovered names,
/// empty types, error codes and unnamed arguments.
#[test]
fn the_page_survives_a_round_trip_through_sdl() {
    for recovered in [false, true] {
        check_round_trip(&kraken(recovered));
    }
}

#[track_caller]
fn check_round_trip(schema: &Schema) {
    let sdl = write_sdl(schema, &WriteOptions::default());
    let reread = read_sdl(&[(Arc::from("kraken.graphql"), sdl.as_str())]);
    assert!(
        reread.schema.directives.is_empty(),
        "markers are not schema directives"
    );
    let expected = without_what_sdl_does_not_carry(schema);
    let actual = without_what_sdl_does_not_carry(&reread.schema);
    let mut differing = Vec::new();
    for (name, ty) in &expected.types {
        if actual.types.get(name) != Some(ty) {
            differing.push(name.as_str());
        }
    }
    assert!(
        differing.is_empty(),
        "{} types differ, first `{}`: {:#?}\n{:#?}",
        differing.len(),
        differing[0],
        expected.types.get(differing[0]),
        actual.types.get(differing[0])
    );
    assert_eq!(expected.types.len(), actual.types.len());
}
