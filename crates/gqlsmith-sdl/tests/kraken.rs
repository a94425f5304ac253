//! The Kraken docs page (fixtures/kraken/objects.txt), read by the docs reader, recovered and
//! written as SDL, is a valid type system document that reads back as the same model; and what
//! recovery wrote into it, one snapshot per kind of recovered fact.

mod common;

use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use common::{read_fixture, render_diagnostics};
use gqlsmith_model::{
    Certainty, Deprecation, Loaded, NameOrigin, Provenance, Schema, TypeDef, TypeKind,
};
use gqlsmith_recover::{recover, RecoverOptions};
use gqlsmith_sdl::{read_sdl, write_sdl, WriteOptions};

/// The page read, and recovered when `recovered` (what `gqlsmith` loads). recovery off: with
/// `false`, the tests check that the reader's own model (placeholders, undefined names) also
/// writes as valid SDL, since `--no-recover` gives users that model.
fn kraken(recovered: bool) -> Schema {
    if recovered {
        return recovered_kraken().schema.clone();
    }
    read_kraken().schema
}

fn read_kraken() -> Loaded {
    let text = read_fixture("kraken/objects.txt");
    gqlsmith_docs::read(&text, Arc::from("fixtures/kraken/objects.txt"))
}

/// The page read and recovered, with the diagnostics of both, once for every test.
fn recovered_kraken() -> &'static Loaded {
    static RECOVERED: OnceLock<Loaded> = OnceLock::new();
    RECOVERED.get_or_init(|| {
        let mut loaded = read_kraken();
        recover(&mut loaded, &RecoverOptions::default());
        loaded
    })
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
}

// What recovery wrote into the page, one snapshot per kind of fact, each small enough to review:
// a change in recovery changes one of them. The SDL text of the recovered page as a whole (the
// reader's fields, descriptions and error codes too) is pinned by the digest in codegen's
// `snapshots__sdl@kraken__objects.txt.snap`; the round trip below proves the SDL carries every
// fact listed here.

/// Each name recovery gave a block, in page order: the block's line, the name, how sure and
/// the signals behind it.
#[test]
fn recovered_block_names() {
    let mut out = String::new();
    for ty in recovered_kraken().schema.types.values() {
        let NameOrigin::Recovered {
            confidence,
            signals,
        } = &ty.name_origin
        else {
            continue;
        };
        let _ = writeln!(
            out,
            "{:>6}  {:<48} {:<6}  {}",
            line_of(ty),
            ty.name,
            confidence.to_string(),
            signals.join(", ")
        );
    }
    insta::assert_snapshot!("kraken_recovered_block_names", out);
}

/// The type recovery gave each name the page references but never defines, by kind: the line
/// of its first use, the name, the rule and confidence that decided the kind, and whether the
/// page showed only some of its values, members or fields (`incomplete`).
#[test]
fn referenced_names_by_kind() {
    let mut out = String::new();
    for kind in KINDS {
        let types: Vec<&TypeDef> = inferred_types().filter(|ty| ty.kind == kind).collect();
        if types.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{} ({})", kind.as_str(), types.len());
        for ty in types {
            let Certainty::Inferred {
                rule, confidence, ..
            } = &ty.kind_provenance.certainty
            else {
                continue;
            };
            let mut notes = String::new();
            if ty.incomplete {
                notes.push_str(", incomplete");
            }
            if Schema::is_builtin_scalar(&ty.name) {
                notes.push_str(", built in (not written)");
            }
            let _ = writeln!(
                out,
                "{:>6}  {:<48} {rule} {confidence}{notes}",
                line_of(ty),
                ty.name
            );
        }
    }
    insta::assert_snapshot!("kraken_referenced_names_by_kind", out);
}

/// The values of each recovered enum: the samples the page's examples quote.
#[test]
fn recovered_enum_values() {
    let mut out = String::new();
    for ty in inferred_types().filter(|ty| ty.kind == TypeKind::Enum) {
        let values: Vec<&str> = ty
            .enum_values
            .iter()
            .map(|value| value.name.as_str())
            .collect();
        let _ = writeln!(out, "{}: {}", ty.name, values.join(", "));
    }
    insta::assert_snapshot!("kraken_recovered_enum_values", out);
}

/// The members recovery saw for each union, and the implementations for each interface.
#[test]
fn recovered_union_and_interface_members() {
    let mut out = String::new();
    for ty in inferred_types() {
        let _ = match (ty.kind, ty.members.is_empty()) {
            (TypeKind::Union, false) => {
                writeln!(out, "union {} = {}", ty.name, ty.members.join(" | "))
            }
            (TypeKind::Union, true) => writeln!(out, "union {}: no member seen", ty.name),
            (TypeKind::Interface, false) => writeln!(
                out,
                "interface {}, implemented by {}",
                ty.name,
                ty.members.join(", ")
            ),
            (TypeKind::Interface, true) => {
                writeln!(out, "interface {}: no implementation seen", ty.name)
            }
            _ => Ok(()),
        };
    }
    insta::assert_snapshot!("kraken_recovered_members", out);
}

/// The blocks that keep their placeholder, in page order, and why: recovery's findings at the
/// block (which names could each be it, a Relay name out of page order), or no candidate name
/// at all; then recovery's other findings (kinds the evidence disagrees on).
#[test]
fn kept_placeholders_and_why() {
    let loaded = recovered_kraken();
    let recovery_findings: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.code.starts_with("R4"))
        .collect();
    let mut out = String::new();
    let mut explained = Vec::new();
    for ty in loaded.schema.types.values() {
        if ty.name_origin != NameOrigin::Placeholder {
            continue;
        }
        let at_block: Vec<_> = recovery_findings
            .iter()
            .filter(|diagnostic| diagnostic.location == ty.provenance.location)
            .collect();
        // A finding's message names the block.
        if at_block.is_empty() {
            let _ = writeln!(out, "{:>6}  {}: no candidate name", line_of(ty), ty.name);
        }
        for diagnostic in at_block {
            let _ = writeln!(
                out,
                "{:>6}  {} {}",
                line_of(ty),
                diagnostic.code,
                diagnostic.message
            );
            explained.push(*diagnostic);
        }
    }
    let _ = writeln!(out, "recovery's other findings:");
    for diagnostic in recovery_findings {
        if explained
            .iter()
            .any(|shown| std::ptr::eq(*shown, diagnostic))
        {
            continue;
        }
        let line = diagnostic
            .location
            .as_ref()
            .map_or(String::new(), |location| location.line.to_string());
        let _ = writeln!(out, "{line:>6}  {} {}", diagnostic.code, diagnostic.message);
    }
    insta::assert_snapshot!("kraken_kept_placeholders", out);
}

/// The kinds in the order the snapshots list them.
const KINDS: [TypeKind; 6] = [
    TypeKind::Scalar,
    TypeKind::Enum,
    TypeKind::Interface,
    TypeKind::Union,
    TypeKind::Object,
    TypeKind::InputObject,
];

/// The types recovery added for referenced-but-undefined names: their kind is inferred.
fn inferred_types() -> impl Iterator<Item = &'static TypeDef> {
    recovered_kraken()
        .schema
        .types
        .values()
        .filter(|ty| ty.kind_provenance.is_inferred())
}

fn line_of(ty: &TypeDef) -> String {
    ty.provenance
        .location
        .as_ref()
        .map_or("-".to_owned(), |location| location.line.to_string())
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
