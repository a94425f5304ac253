//! The reader's diagnostic codes (`D1xx`): one table of code, kebab-case name, severity,
//! summary and help line, so codes stay unique and documented in one place.

use gqlsmith_model::{Diagnostic, Location, Severity};

/// One kind of finding the reference-docs reader reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiagnosticCode {
    /// Stable short code, `D101`.
    pub code: &'static str,
    /// Stable kebab-case name, `row-without-terminator`.
    pub name: &'static str,
    pub severity: Severity,
    /// What the finding means, one sentence.
    pub summary: &'static str,
    /// What to do next; every diagnostic of this kind carries it as its help line.
    pub help: &'static str,
}

const fn code(
    code: &'static str,
    name: &'static str,
    severity: Severity,
    summary: &'static str,
    help: &'static str,
) -> DiagnosticCode {
    DiagnosticCode {
        code,
        name,
        severity,
        summary,
        help,
    }
}

use Severity::{Error, Note, Warning};

pub(crate) const ROW_WITHOUT_TERMINATOR: DiagnosticCode = code(
    "D101",
    "row-without-terminator",
    Warning,
    "a field row ends without a line ending in `|`; the row is read up to where the next row or section starts",
    "check the row's description on the page: its last line was lost or joined to another",
);
pub(crate) const TRUNCATED_DESCRIPTION: DiagnosticCode = code(
    "D102",
    "truncated-description",
    Warning,
    "a description cell ends in a word that cannot end a sentence (`the`, `that`, `with`): the scrape cut it",
    "the page dropped inline code or a link and the rest of the sentence; take the full text from the schema",
);
pub(crate) const DEPRECATION_NAMES_OTHER_FIELD: DiagnosticCode = code(
    "D103",
    "deprecation-names-other-field",
    Warning,
    "a deprecation notice names a field other than the row it stands in",
    "the field was probably renamed; check which field the notice means before relying on it",
);
pub(crate) const AMBIGUOUS_REPLACEMENT: DiagnosticCode = code(
    "D104",
    "ambiguous-replacement",
    Note,
    "the prose of a deprecated field names several replacements, so none is recorded",
    "name one replacement in an overlay if consumers need it",
);
pub(crate) const REPLACEMENT_NOT_A_FIELD: DiagnosticCode = code(
    "D105",
    "replacement-not-a-field",
    Warning,
    "the replacement named for a deprecated field is not a field of the same type",
    "check the name on the page; the replacement may live on another type",
);
pub(crate) const DUPLICATE_ERROR_CODE: DiagnosticCode = code(
    "D106",
    "duplicate-error-code",
    Warning,
    "an error code appears twice in one type's error list",
    "both entries are kept in page order; the list on the page repeats the code",
);
pub(crate) const BLOCK_WITHOUT_EXAMPLE: DiagnosticCode = code(
    "D107",
    "block-without-example",
    Warning,
    "a type block has no `Example` section; the next block starts without the usual `}`",
    "the scrape lost the example; nothing else is missing unless other findings say so",
);
pub(crate) const LIST_FIELD_SHOWN_BARE: DiagnosticCode = code(
    "D108",
    "list-field-shown-bare",
    Note,
    "an example shows a list field's value without `[...]`",
    "trust the field's type, not the example's shape",
);
pub(crate) const ERROR_LIST_IN_FIELD_DESCRIPTION: DiagnosticCode = code(
    "D109",
    "error-list-in-field-description",
    Warning,
    "a field description announces an error list whose entries the page lost",
    "the field's error codes are unknown; take them from the API's own documentation",
);
pub(crate) const STRAY_LINE_BEFORE_FIRST_BLOCK: DiagnosticCode = code(
    "D110",
    "stray-line-before-first-block",
    Warning,
    "a line between the page header and the first type block belongs to neither",
    "it is ignored; remove it from the input if it is scraping debris",
);
pub(crate) const EXAMPLE_KEY_NOT_A_FIELD: DiagnosticCode = code(
    "D111",
    "example-key-not-a-field",
    Note,
    "an example shows a key that is not a field of its type",
    "the example may be out of date; the field table is what the reader trusts",
);
pub(crate) const MISSING_TABLE_HEADER: DiagnosticCode = code(
    "D112",
    "missing-table-header",
    Warning,
    "a `Fields` heading is not followed by the `| Name | Description |` table header",
    "the rows are read anyway; check that the table is complete",
);
pub(crate) const MISSING_FIELDS_HEADING: DiagnosticCode = code(
    "D113",
    "missing-fields-heading",
    Warning,
    "field rows start without a `Fields` heading",
    "the rows are read as the block's fields; check that the block's description is complete",
);
pub(crate) const EMPTY_ARGUMENTS_SECTION: DiagnosticCode = code(
    "D114",
    "empty-arguments-section",
    Warning,
    "a row announces `Arguments` but no argument description follows",
    "the field's arguments are unknown; take them from the schema",
);
pub(crate) const EXAMPLE_NOT_CLOSED: DiagnosticCode = code(
    "D115",
    "example-not-closed",
    Warning,
    "the input ends inside an example, before its closing `}`",
    "the entries read so far are kept; the input is probably truncated",
);
pub(crate) const NO_BLOCKS: DiagnosticCode = code(
    "D116",
    "no-blocks",
    Warning,
    "the input holds no type block",
    "check that the input is a scraped reference-docs page, or pass `--from sdl` or `--from introspection`",
);
pub(crate) const ROWS_WITHOUT_BLOCK: DiagnosticCode = code(
    "D117",
    "rows-without-block",
    Warning,
    "field rows stand outside any block (before the first one, or after a lone `}`)",
    "the rows are read into a placeholder block; check the page for a lost block start",
);
pub(crate) const UNREADABLE_LINE: DiagnosticCode = code(
    "D120",
    "unreadable-line",
    Error,
    "a line fits no shape the reader knows where it stands",
    "fix or remove the line; the reader skipped it and went on",
);
pub(crate) const UNREADABLE_FIELD_TYPE: DiagnosticCode = code(
    "D121",
    "unreadable-field-type",
    Error,
    "a field row's parenthesised type is not a GraphQL type reference",
    "write the type as SDL writes it, such as `[Foo!]!`; the row and its continuation lines were skipped",
);
pub(crate) const UNREADABLE_EXAMPLE_ENTRY: DiagnosticCode = code(
    "D122",
    "unreadable-example-entry",
    Error,
    "a line inside an example is not `\"key\": value`",
    "fix or remove the line; the other entries were read",
);
pub(crate) const EXAMPLE_WITHOUT_BRACE: DiagnosticCode = code(
    "D123",
    "example-without-brace",
    Error,
    "an `Example` heading is not followed by a `{` line",
    "restore the `{` line; entries that follow are still read",
);
pub(crate) const UNREADABLE_ERROR_CODE: DiagnosticCode = code(
    "D124",
    "unreadable-error-code",
    Error,
    "a line in an error list is not `- CODE-1234: message`",
    "fix or remove the line; the other entries were read",
);
pub(crate) const DUPLICATE_TYPE: DiagnosticCode = code(
    "D125",
    "duplicate-type",
    Error,
    "two blocks have the same type name; the later one is kept under a placeholder name",
    "rename or remove one of the blocks",
);
pub(crate) const UNREADABLE_BLOCK_NAME: DiagnosticCode = code(
    "D126",
    "unreadable-block-name",
    Error,
    "the text after an example's closing `}` is not a GraphQL name, `Fields` or `Example`",
    "fix the name; the block was read under a placeholder name",
);
pub(crate) const STRAY_CLOSING_BRACE: DiagnosticCode = code(
    "D127",
    "stray-closing-brace",
    Error,
    "a line starts with `}` outside an example",
    "restore the example it closed, or remove the `}`; what follows it was read as a new block",
);
pub(crate) const DUPLICATE_FIELD: DiagnosticCode = code(
    "D128",
    "duplicate-field",
    Error,
    "a type's table lists the same field name twice; both rows are kept",
    "remove one of the rows; a schema cannot have two fields of one name",
);

/// Every diagnostic the reference-docs reader can report, in code order.
pub const CODES: &[DiagnosticCode] = &[
    ROW_WITHOUT_TERMINATOR,
    TRUNCATED_DESCRIPTION,
    DEPRECATION_NAMES_OTHER_FIELD,
    AMBIGUOUS_REPLACEMENT,
    REPLACEMENT_NOT_A_FIELD,
    DUPLICATE_ERROR_CODE,
    BLOCK_WITHOUT_EXAMPLE,
    LIST_FIELD_SHOWN_BARE,
    ERROR_LIST_IN_FIELD_DESCRIPTION,
    STRAY_LINE_BEFORE_FIRST_BLOCK,
    EXAMPLE_KEY_NOT_A_FIELD,
    MISSING_TABLE_HEADER,
    MISSING_FIELDS_HEADING,
    EMPTY_ARGUMENTS_SECTION,
    EXAMPLE_NOT_CLOSED,
    NO_BLOCKS,
    ROWS_WITHOUT_BLOCK,
    UNREADABLE_LINE,
    UNREADABLE_FIELD_TYPE,
    UNREADABLE_EXAMPLE_ENTRY,
    EXAMPLE_WITHOUT_BRACE,
    UNREADABLE_ERROR_CODE,
    DUPLICATE_TYPE,
    UNREADABLE_BLOCK_NAME,
    STRAY_CLOSING_BRACE,
    DUPLICATE_FIELD,
];

impl DiagnosticCode {
    /// A diagnostic of this kind at `location`, underlining `length` characters, with this
    /// kind's help line.
    pub(crate) fn at(&self, message: String, location: Location, length: u32) -> Diagnostic {
        Diagnostic::new(self.code, self.name, self.severity, message)
            .at(location)
            .with_length(length)
            .with_help(self.help)
    }
}

#[cfg(test)]
mod tests {
    use super::CODES;

    #[track_caller]
    fn check(index: usize, expect: &str) {
        let code = &CODES[index];
        let rendered = format!("{} {} {}", code.code, code.name, code.severity);
        assert_eq!(rendered, expect);
    }

    #[test]
    fn codes_are_unique_ordered_and_kebab_case() {
        for pair in CODES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} then {}",
                pair[0].code,
                pair[1].code
            );
        }
        let mut names: Vec<_> = CODES.iter().map(|code| code.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CODES.len(), "names are unique");
        for code in CODES {
            assert!(
                code.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{} is kebab-case",
                code.name
            );
            assert!(
                code.code.starts_with("D1") && code.code.len() == 4,
                "{}",
                code.code
            );
            assert!(!code.help.is_empty() && !code.summary.is_empty());
        }
        let readme = include_str!("../README.md");
        for code in CODES {
            let row = format!("| {} | {} | {} |", code.code, code.name, code.severity);
            assert!(
                readme.contains(&row),
                "the README's diagnostics table lists {row}"
            );
        }
        check(0, "D101 row-without-terminator warning");
        check(7, "D108 list-field-shown-bare note");
        check(17, "D120 unreadable-line error");
    }
}
