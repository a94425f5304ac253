//! Page totals computed from the model, so they cannot drift from what the reader built.

use std::collections::BTreeSet;

use gqlsmith_model::{Loaded, NameOrigin};
use serde::Serialize;

/// What a page holds, counted from the model a [`crate::read`] returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct PageStats {
    /// Type blocks: one type each.
    pub blocks: usize,
    /// Blocks whose type name the page states.
    pub named_blocks: usize,
    /// Blocks whose name was lost (placeholder names).
    pub unnamed_blocks: usize,
    /// Field rows, one field each.
    pub field_rows: usize,
    /// Fields with a deprecation notice.
    pub deprecated_fields: usize,
    /// Fields with at least one argument description.
    pub fields_with_arguments: usize,
    /// Argument descriptions (the page loses argument names).
    pub argument_lines: usize,
    /// Types that declare error codes.
    pub error_lists: usize,
    /// Error-code entries, duplicates within a list included.
    pub error_entries: usize,
    /// Distinct error codes over the whole page.
    pub distinct_error_codes: usize,
    /// Types with an example (empty examples included).
    pub examples: usize,
    /// `"key": value` entries over all examples.
    pub example_entries: usize,
}

/// Counts the page totals of `loaded`.
pub fn stats(loaded: &Loaded) -> PageStats {
    let mut stats = PageStats::default();
    let mut codes = BTreeSet::new();
    for ty in loaded.schema.types.values() {
        stats.blocks += 1;
        match ty.name_origin {
            NameOrigin::Placeholder => stats.unnamed_blocks += 1,
            _ => stats.named_blocks += 1,
        }
        stats.field_rows += ty.fields.len();
        for field in &ty.fields {
            stats.deprecated_fields += usize::from(field.deprecation.is_some());
            stats.fields_with_arguments += usize::from(!field.unnamed_arguments.is_empty());
            stats.argument_lines += field.unnamed_arguments.len();
        }
        stats.error_lists += usize::from(!ty.error_codes.is_empty());
        stats.error_entries += ty.error_codes.len();
        codes.extend(ty.error_codes.iter().map(|code| code.code.as_str()));
        if let Some(example) = &ty.example {
            stats.examples += 1;
            stats.example_entries += example.entries.len();
        }
    }
    stats.distinct_error_codes = codes.len();
    stats
}
