//! Shared by the integration tests: compact text renderings of a read page, and the check
//! that every line of an input is accounted for.

use std::fmt::Write;

use gqlsmith_docs::LineKind;
use gqlsmith_model::{Loaded, Location, NameOrigin, Severity, TypeDef};

fn at(location: Option<&Location>) -> String {
    location.map_or_else(
        || "?".to_owned(),
        |location| format!("{}:{}", location.line, location.column),
    )
}

/// Everything the reader built, one fact a line, then the diagnostics: what the quirk tests
/// compare.
#[allow(dead_code)]
pub(crate) fn render_full(loaded: &Loaded) -> String {
    let mut out = String::new();
    for ty in loaded.schema.types.values() {
        let origin = match ty.name_origin {
            NameOrigin::Placeholder => " (placeholder)",
            _ => "",
        };
        writeln!(
            out,
            "type {}{origin} @{}",
            ty.name,
            at(ty.provenance.location.as_ref())
        )
        .unwrap();
        if let Some(description) = &ty.description {
            writeln!(out, "  description {description:?}").unwrap();
        }
        for code in &ty.error_codes {
            writeln!(
                out,
                "  error #{} {} {:?} @{}",
                code.order,
                code.code,
                code.message,
                at(code.provenance.location.as_ref())
            )
            .unwrap();
        }
        for field in &ty.fields {
            write!(
                out,
                "  field {}: {} @{}",
                field.name,
                field.ty,
                at(field.provenance.location.as_ref())
            )
            .unwrap();
            if let Some(description) = &field.description {
                write!(out, " {description:?}").unwrap();
            }
            out.push('\n');
            if let Some(deprecation) = &field.deprecation {
                write!(
                    out,
                    "    deprecated {:?} @{}",
                    deprecation.reason.as_deref().unwrap_or(""),
                    at(deprecation.provenance.location.as_ref())
                )
                .unwrap();
                if let Some(replacement) = &deprecation.replacement {
                    write!(out, " replacement={replacement}").unwrap();
                }
                out.push('\n');
            }
            for argument in &field.unnamed_arguments {
                writeln!(
                    out,
                    "    argument {:?} @{}",
                    argument.description,
                    at(argument.provenance.location.as_ref())
                )
                .unwrap();
            }
        }
        if let Some(example) = &ty.example {
            writeln!(
                out,
                "  example @{} raw={:?}",
                at(example.provenance.location.as_ref()),
                example.raw
            )
            .unwrap();
            for entry in &example.entries {
                writeln!(
                    out,
                    "    {} = {} @{}",
                    entry.key,
                    entry.value,
                    at(entry.provenance.location.as_ref())
                )
                .unwrap();
            }
        }
    }
    out.push_str(&render_diagnostics(loaded));
    out
}

/// One line per type (those `keep` keeps) and per field: names, types, provenance and
/// counts, no prose. What the seed's model snapshots hold.
#[allow(dead_code)]
pub(crate) fn render_summary(loaded: &Loaded, keep: impl Fn(&TypeDef) -> bool) -> String {
    let mut out = String::new();
    for ty in loaded.schema.types.values().filter(|ty| keep(ty)) {
        let origin = match ty.name_origin {
            NameOrigin::Placeholder => " (placeholder)",
            _ => "",
        };
        write!(
            out,
            "{}{origin} @{}",
            ty.name,
            at(ty.provenance.location.as_ref())
        )
        .unwrap();
        if !ty.error_codes.is_empty() {
            let codes: Vec<_> = ty
                .error_codes
                .iter()
                .map(|code| code.code.as_str())
                .collect();
            write!(out, " errors=[{}]", codes.join(" ")).unwrap();
        }
        match &ty.example {
            Some(example) => write!(out, " example={}", example.entries.len()).unwrap(),
            None => out.push_str(" no-example"),
        }
        out.push('\n');
        for field in &ty.fields {
            write!(out, "  {}: {}", field.name, field.ty).unwrap();
            if let Some(deprecation) = &field.deprecation {
                out.push_str(" deprecated");
                if let Some(replacement) = &deprecation.replacement {
                    write!(out, "(use {replacement})").unwrap();
                }
            }
            if !field.unnamed_arguments.is_empty() {
                write!(out, " arguments={}", field.unnamed_arguments.len()).unwrap();
            }
            out.push('\n');
        }
    }
    out
}

/// One line per diagnostic: `line:column severity[code] message (coordinate)`, with its labels.
pub(crate) fn render_diagnostics(loaded: &Loaded) -> String {
    let mut out = String::new();
    for diagnostic in &loaded.diagnostics {
        write!(
            out,
            "{} {}[{}] {}",
            at(diagnostic.location.as_ref()),
            diagnostic.severity,
            diagnostic.code,
            diagnostic.message
        )
        .unwrap();
        for label in &diagnostic.labels {
            write!(out, " [{} @{}]", label.message, at(Some(&label.location))).unwrap();
        }
        out.push('\n');
    }
    out
}

/// Proves that no line of `text` was silently skipped: one kind per line; every line that
/// became a fact shows up in the model as exactly that many facts; every stray, unreadable or
/// skipped line is covered by a diagnostic at its line (or at the line it was skipped with).
pub(crate) fn assert_every_line_accounted(text: &str, loaded: &Loaded, trace: &[LineKind]) {
    assert_eq!(trace.len(), text.lines().count(), "one kind per line");
    let count = |wanted: fn(&LineKind) -> bool| trace.iter().filter(|kind| wanted(kind)).count();
    let types = loaded.schema.types.values();
    let named = types
        .clone()
        .filter(|ty| ty.name_origin != NameOrigin::Placeholder)
        .count();
    let fields: usize = types.clone().map(|ty| ty.fields.len()).sum();
    let arguments: usize = types
        .clone()
        .flat_map(|ty| &ty.fields)
        .map(|field| field.unnamed_arguments.len())
        .sum();
    let codes: usize = types.clone().map(|ty| ty.error_codes.len()).sum();
    let entries: usize = types
        .clone()
        .filter_map(|ty| ty.example.as_ref())
        .map(|example| example.entries.len())
        .sum();
    let description_lines: usize = types
        .clone()
        .filter_map(|ty| ty.description.as_ref())
        .map(|description| description.lines().count())
        .sum();
    let block_starts = count(|kind| {
        matches!(
            kind,
            LineKind::NamedBlockStart | LineKind::UnnamedBlockStart
        )
    });
    // Rows outside any block start a placeholder block of their own (reported as D117).
    let implicit_blocks = loaded
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.code == "D117")
        .count();
    assert_eq!(
        block_starts + implicit_blocks,
        loaded.schema.types.len(),
        "a type per block start"
    );
    // A named block start can lose its name only to a duplicate (reported as D125).
    let duplicates = loaded
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.code == "D125")
        .count();
    assert_eq!(
        count(|kind| *kind == LineKind::NamedBlockStart),
        named + duplicates,
        "named blocks"
    );
    assert_eq!(
        count(|kind| *kind == LineKind::FieldRow),
        fields,
        "a field per row"
    );
    assert_eq!(
        count(|kind| *kind == LineKind::ArgumentLine),
        arguments,
        "an argument per argument line"
    );
    assert_eq!(
        count(|kind| *kind == LineKind::ErrorCode),
        codes,
        "an error code per entry line"
    );
    assert_eq!(
        count(|kind| *kind == LineKind::ExampleEntry),
        entries,
        "an example entry per entry line"
    );
    assert_eq!(
        count(|kind| *kind == LineKind::TypeDescription),
        description_lines,
        "description lines"
    );
    let diagnostic_at = |line: usize, severity: Option<Severity>| {
        loaded.diagnostics.iter().any(|diagnostic| {
            diagnostic
                .location
                .as_ref()
                .is_some_and(|location| location.line as usize == line)
                && severity.is_none_or(|wanted| diagnostic.severity == wanted)
        })
    };
    for (index, kind) in trace.iter().enumerate() {
        let line = index + 1;
        match kind {
            LineKind::Unreadable => assert!(
                diagnostic_at(line, Some(Severity::Error)),
                "unreadable line {line} has an error"
            ),
            LineKind::StrayLine => assert!(
                diagnostic_at(line, Some(Severity::Warning)),
                "stray line {line} has a warning"
            ),
            LineKind::Skipped { reported_at } => {
                assert!(
                    diagnostic_at(*reported_at as usize, Some(Severity::Error)),
                    "line {line} skipped with an error"
                )
            }
            _ => {}
        }
    }
}
