//! What the reader made of each line: the trace that proves no line is silently skipped.

use serde::Serialize;

/// The role of one input line, as the reader saw it. [`crate::classify_lines`] returns one per
/// line. Every kind either becomes a fact of the model (a type, a field, an argument, an error
/// code, an example entry), is structure the format needs (headings, table header, braces),
/// or is reported by a diagnostic at that line (`StrayLine`, `Unreadable`) or at an earlier
/// one (`Skipped`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LineKind {
    /// The page title (`Objects`) and the section introduction after it.
    PageHeader,
    /// A line between the page header and the first block; reported as a warning (D110).
    StrayLine,
    /// The first line of a block that names its type: `}AccountType`, or a bare name when the
    /// previous block lost its example. Becomes a type.
    NamedBlockStart,
    /// The first line of a block whose name was lost: `}Fields`, `}Example`, or a bare
    /// `Fields`. Becomes a type with a placeholder name.
    UnnamedBlockStart,
    /// A line of the type's description.
    TypeDescription,
    /// "The possible errors that can be raised are:".
    ErrorListIntro,
    /// `- KT-CT-1234: message`. Becomes an error code of the type.
    ErrorCode,
    /// `Fields`, the heading of the field table.
    FieldsHeading,
    /// `| Name | Description |` or `|---|---|`.
    TableHeader,
    /// `name(TypeRef) | description |`, the first line of a field row. Becomes a field.
    FieldRow,
    /// A further line of a field's description.
    RowContinuation,
    /// `Arguments` alone on a line, opening a row's argument descriptions.
    ArgumentsMarker,
    /// One argument's description (its name is lost). Becomes an unnamed argument.
    ArgumentLine,
    /// `|` alone, ending a row.
    RowTerminator,
    /// `Example`, the heading of the type's example.
    ExampleHeading,
    /// `{`, opening the example.
    ExampleOpen,
    /// `"key": value`. Becomes an example entry.
    ExampleEntry,
    /// `}` alone, closing the last example of the page.
    ExampleClose,
    /// An empty line (the format has none; other inputs may).
    Blank,
    /// A line the reader could not read where it stands; an error diagnostic at this line
    /// says why.
    Unreadable,
    /// A line that belongs to something unreadable reported at line `reported_at` (the
    /// continuation lines of a row whose type is unreadable).
    Skipped { reported_at: u32 },
}
