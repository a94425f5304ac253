//! The bundled Kraken "Objects" page (the seed): the totals the issue measured, every line
//! accounted for, type strings as the page writes them, and snapshots of the model summary and
//! of the diagnostics.

mod support;

use std::sync::Arc;

use gqlsmith_docs::{LineKind, PageStats};

const SEED: &str = include_str!("../../../fixtures/kraken/objects.txt");

fn read_seed() -> (gqlsmith_model::Loaded, Vec<LineKind>) {
    gqlsmith_docs::read_with_trace(SEED, Arc::from("fixtures/kraken/objects.txt"))
}

#[test]
fn seed_totals_match_the_issue() {
    let (loaded, _) = read_seed();
    let expect = PageStats {
        blocks: 912,
        named_blocks: 604,
        unnamed_blocks: 308,
        field_rows: 3_612,
        deprecated_fields: 322,
        fields_with_arguments: 44,
        argument_lines: 112,
        error_lists: 249,
        error_entries: 1_678,
        distinct_error_codes: 551,
        examples: 910,
        example_entries: 3_451,
    };
    assert_eq!(gqlsmith_docs::stats(&loaded), expect);
    // Odd but readable: warnings and notes only.
    assert!(
        !loaded.has_errors(),
        "{}",
        support::render_diagnostics(&loaded)
    );
}

#[test]
fn every_seed_line_is_accounted_for() {
    let (loaded, trace) = read_seed();
    support::assert_every_line_accounted(SEED, &loaded, &trace);
    assert_eq!(
        trace.len(),
        14_775,
        "the page has 14,774 line breaks and no trailing newline"
    );
    assert!(!SEED.ends_with('\n'));
    // The last line is the `}` of the last example, with nothing glued to it.
    assert_eq!(trace.last(), Some(&LineKind::ExampleClose));
    let unreadable = trace
        .iter()
        .filter(|kind| matches!(kind, LineKind::Unreadable | LineKind::Skipped { .. }))
        .count();
    assert_eq!(unreadable, 0);
    // The one stray line: "API Site", between the page introduction and the first block.
    let stray: Vec<_> = trace
        .iter()
        .enumerate()
        .filter(|(_, kind)| **kind == LineKind::StrayLine)
        .map(|(index, _)| index + 1)
        .collect();
    assert_eq!(stray, [3]);
    assert_eq!(
        trace[..4],
        [
            LineKind::PageHeader,
            LineKind::PageHeader,
            LineKind::StrayLine,
            LineKind::UnnamedBlockStart
        ]
    );
}

/// Every field's type is exactly the text between the parentheses of its row.
#[test]
fn seed_field_types_are_written_as_on_the_page() {
    let (loaded, trace) = read_seed();
    let lines: Vec<&str> = SEED.lines().collect();
    let mut fields = loaded.schema.types.values().flat_map(|ty| &ty.fields);
    for (index, kind) in trace.iter().enumerate() {
        if *kind != LineKind::FieldRow {
            continue;
        }
        let line = lines[index];
        let field = fields.next().expect("a field per row");
        let open = line.find('(').unwrap();
        let close = line.find(')').unwrap();
        assert_eq!(field.name, &line[..open], "line {}", index + 1);
        assert_eq!(
            field.ty.to_string(),
            &line[open + 1..close],
            "line {}",
            index + 1
        );
        assert_eq!(
            field.provenance.location.as_ref().unwrap().line as usize,
            index + 1
        );
    }
    assert!(fields.next().is_none());
}

/// Error codes keep page order (their lines increase within a type) and their 0-based order.
#[test]
fn seed_error_codes_keep_page_order() {
    let (loaded, _) = read_seed();
    for ty in loaded.schema.types.values() {
        for (index, pair) in ty.error_codes.windows(2).enumerate() {
            let lines =
                [&pair[0], &pair[1]].map(|code| code.provenance.location.as_ref().unwrap().line);
            assert_eq!(lines[1], lines[0] + 1, "{}", ty.name);
            assert_eq!(
                (pair[0].order, pair[1].order),
                (index as u32, index as u32 + 1)
            );
        }
    }
    let first = &loaded.schema.types["AcceptGoodsQuote"].error_codes;
    let codes: Vec<_> = first
        .iter()
        .map(|code| (code.code.as_str(), code.message.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("KT-CT-8223", "Unauthorized."),
            ("KT-CT-8201", "Received an invalid quoteId."),
            ("KT-CT-8224", "Invalid data."),
            ("KT-CT-1113", "Disabled GraphQL field requested."),
            ("KT-CT-1111", "Unauthorized."),
            ("KT-CT-1112", "'Authorization' header not provided."),
        ]
    );
}

#[test]
fn seed_replacements_named_by_deprecated_fields() {
    let (loaded, _) = read_seed();
    let mut replaced: Vec<String> = Vec::new();
    for ty in loaded.schema.types.values() {
        for field in &ty.fields {
            if let Some(replacement) = field
                .deprecation
                .as_ref()
                .and_then(|deprecation| deprecation.replacement.as_ref())
            {
                replaced.push(format!("{}.{} -> {replacement}", ty.name, field.name));
            }
        }
    }
    // "We recommend you use preferredName or fullName instead" names two fields: no
    // replacement is recorded for `firstName` and `lastName` (a D104 note says why).
    assert_eq!(
        replaced,
        [
            "AccountUserType.displayName -> fullName",
            "AccountUserType.portfolioId -> portfolioIds",
            "Unnamed_L3041.temporaryUrl -> attachments",
            "Unnamed_L7581.temporaryUrl -> attachments",
            "Unnamed_L10065.temporaryUrl -> attachments",
            "Unnamed_L10309.temporaryUrl -> attachments",
            "Unnamed_L12753.temporaryUrl -> attachments",
        ]
    );
}

#[test]
fn seed_model_summary() {
    let (loaded, _) = read_seed();
    insta::assert_snapshot!("seed_model_summary", support::render_summary(&loaded));
}

#[test]
fn seed_diagnostics() {
    let (loaded, _) = read_seed();
    insta::assert_snapshot!("seed_diagnostics", support::render_diagnostics(&loaded));
}
