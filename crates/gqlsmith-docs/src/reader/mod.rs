//! The reader: one pass over the lines of a page, a small state machine that builds one
//! object type per block and a diagnostic for every odd line.
//!
//! A block is `[}]Name`, description lines (with an optional error list), `Fields`, the table
//! header, field rows, `Example`, `{`, entries, and the `}` that is glued to the next block's
//! first line. See the crate README for the quirks.
//!
//! This module is the state machine and the lines it reads itself (preamble, descriptions,
//! error codes, examples); `rows` reads field rows and `blocks` starts and finishes blocks.

mod blocks;
mod rows;

use std::sync::Arc;

use gqlsmith_model::{
    Diagnostic, ErrorCode, ExampleEntry, Loaded, Location, Provenance, Schema, TypeDef, TypeRef,
    UnnamedArgument,
};

use crate::codes::{self, DiagnosticCode};
use crate::line_kind::LineKind;
use crate::shapes;

/// How far a bare name line looks ahead for the `Fields` or `Example` heading that proves it
/// starts a block. Type descriptions on the seed page are at most 12 lines long.
const BLOCK_LOOKAHEAD_LINES: usize = 100;

/// Reads `text` and returns the model, the diagnostics and one [`LineKind`] per line.
pub(crate) fn read_with_trace(text: &str, file: Arc<str>) -> (Loaded, Vec<LineKind>) {
    // Lines on the seed page average 38 bytes.
    let estimated_lines = text.len() / 32 + 1;
    let mut reader = Reader {
        text,
        file,
        after: "",
        schema: Schema::default(),
        diagnostics: Vec::new(),
        trace: Vec::with_capacity(estimated_lines),
        state: State::Preamble { header_lines: 0 },
        block: None,
        row: None,
        spare_segments: Vec::new(),
    };
    // The seed page has one block per 16 lines.
    reader.schema.types.reserve(estimated_lines / 16);
    for (index, line) in text.lines().enumerate() {
        let end = line_offset(text, line) + line.len();
        reader.after = text.get(end..).unwrap_or("");
        let line = line.strip_suffix('\r').unwrap_or(line);
        let kind = reader.line(index, line);
        reader.trace.push(kind);
    }
    reader.finish_block();
    if reader.schema.types.is_empty() {
        let location = reader.location(1, 1);
        reader.report(
            &codes::NO_BLOCKS,
            "no type blocks found".to_owned(),
            location,
            1,
            None,
        );
    }
    let Reader {
        schema,
        mut diagnostics,
        trace,
        ..
    } = reader;
    // Block-level findings are made when a block ends; page order is easier to read.
    diagnostics.sort_by_key(|diagnostic| {
        diagnostic
            .location
            .as_ref()
            .map(|location| (location.line, location.column))
    });
    (
        Loaded {
            schema,
            diagnostics,
        },
        trace,
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before the first block; counts the page header lines seen (title, introduction).
    Preamble { header_lines: u8 },
    /// In a block's description.
    Description,
    /// After "The possible errors that can be raised are:".
    ErrorList,
    /// After `Fields`; counts the table header lines seen.
    TableHeading { header_lines: u8 },
    /// In the field table, between rows.
    Table,
    /// After `Example`, expecting `{`.
    ExampleHeading,
    /// Inside the example's braces.
    Example,
    /// After a lone `}` (the end of the page, or a block whose name went to the next line).
    AfterClose,
}

struct Reader<'text> {
    text: &'text str,
    file: Arc<str>,
    /// The text after the current line (from its line break on), for looking ahead.
    after: &'text str,
    schema: Schema,
    diagnostics: Vec<Diagnostic>,
    trace: Vec<LineKind>,
    state: State,
    block: Option<Block<'text>>,
    row: Option<Row<'text>>,
    /// The segment buffer of the last finished row, reused by the next one.
    spare_segments: Vec<Segment<'text>>,
}

/// A type block being read.
struct Block<'text> {
    ty: TypeDef,
    line: u32,
    description: Vec<&'text str>,
    /// Index in `ty.error_codes` where the current error list starts (duplicates are looked
    /// for within one list).
    error_list_start: usize,
    example: Option<ExampleInProgress>,
    /// The line of the block's `Example` heading, once seen.
    example_heading: Option<u32>,
    /// Replacements named by deprecated fields, checked against the fields when the block
    /// ends: (field name, replacement, where the prose names it).
    replacements: Vec<(String, String, Location)>,
}

struct ExampleInProgress {
    /// Byte range of the raw text in the input, `{` to `}`.
    start: usize,
    end: usize,
    line: u32,
    entries: Vec<ExampleEntry>,
    /// True once the closing `}` was read.
    closed: bool,
}

/// A field row being read (it may span several lines).
struct Row<'text> {
    name: &'text str,
    /// `None` when the type was unreadable: the row is skipped, its lines marked `Skipped`.
    ty: Option<TypeRef>,
    line: u32,
    segments: Vec<Segment<'text>>,
    arguments: Vec<UnnamedArgument>,
    /// The line of the `Arguments` marker, once seen.
    arguments_line: Option<u32>,
}

/// A piece of a row's description: the text of one line, and where it stands.
struct Segment<'text> {
    line: u32,
    line_text: &'text str,
    offset: usize,
    text: &'text str,
}

impl<'text> Reader<'text> {
    fn location(&self, line: u32, column: u32) -> Location {
        Location::new(self.file.clone(), line, column)
    }

    fn report(
        &mut self,
        code: &DiagnosticCode,
        message: String,
        location: Location,
        length: u32,
        coordinate: Option<String>,
    ) {
        let mut diagnostic = code.at(message, location, length);
        diagnostic.coordinate = coordinate;
        self.diagnostics.push(diagnostic);
    }

    fn type_name(&self) -> &str {
        self.block
            .as_ref()
            .map_or("", |block| block.ty.name.as_str())
    }

    fn coordinate(&self, field: &str) -> String {
        format!("{}.{field}", self.type_name())
    }

    /// Reads line `index` and says what it was.
    fn line(&mut self, index: usize, line: &'text str) -> LineKind {
        let number = line_number(index);
        if line.trim().is_empty() {
            return LineKind::Blank;
        }
        if let Some(rest) = line.strip_prefix('}') {
            return self.closing_brace_line(number, line, rest);
        }
        if self.row.is_some() {
            let ends_row = shapes::row_head(line).is_some()
                || line == shapes::EXAMPLE_HEADING
                || line == shapes::FIELDS_HEADING;
            if !ends_row {
                return self.row_continuation(number, line);
            }
            self.finish_row(false);
        }
        match self.state {
            State::Preamble { header_lines } => self.preamble_line(index, line, header_lines),
            State::Description | State::ErrorList => self.description_line(number, line),
            State::TableHeading { header_lines } => {
                if line == shapes::TABLE_HEADER || line == shapes::TABLE_RULE {
                    self.state = if header_lines >= 1 {
                        State::Table
                    } else {
                        State::TableHeading {
                            header_lines: header_lines + 1,
                        }
                    };
                    return LineKind::TableHeader;
                }
                let location = self.location(number, 1);
                self.report(
                    &codes::MISSING_TABLE_HEADER,
                    format!(
                        "the field table of `{}` has no `| Name | Description |` header",
                        self.type_name()
                    ),
                    location,
                    shapes::char_length(line),
                    Some(self.type_name().to_owned()),
                );
                self.state = State::Table;
                self.table_line(index, line)
            }
            State::Table | State::AfterClose => self.table_line(index, line),
            State::ExampleHeading => self.example_heading_line(number, line),
            State::Example => self.example_line(number, line),
        }
    }

    fn preamble_line(&mut self, index: usize, line: &'text str, header_lines: u8) -> LineKind {
        let number = line_number(index);
        if header_lines == 0 && shapes::is_section_title(line) {
            self.state = State::Preamble { header_lines: 1 };
            return LineKind::PageHeader;
        }
        if let Some(kind) = self.block_start(index, line) {
            return kind;
        }
        if header_lines == 1 {
            self.state = State::Preamble { header_lines: 2 };
            return LineKind::PageHeader;
        }
        let location = self.location(number, 1);
        self.report(
            &codes::STRAY_LINE_BEFORE_FIRST_BLOCK,
            "line before the first type block is not part of any type".to_owned(),
            location,
            shapes::char_length(line),
            None,
        );
        LineKind::StrayLine
    }

    /// Starts a block at a line that is not glued to a `}`: a bare `Fields` or `Example`
    /// (the name was lost), a field row (the heading was lost too), or a bare name followed
    /// by a description and a `Fields` or `Example` heading.
    fn block_start(&mut self, index: usize, line: &'text str) -> Option<LineKind> {
        let number = line_number(index);
        if line == shapes::FIELDS_HEADING {
            self.start_block(number, None, 1);
            self.state = State::TableHeading { header_lines: 0 };
            return Some(LineKind::UnnamedBlockStart);
        }
        if line == shapes::EXAMPLE_HEADING {
            self.start_block(number, None, 1);
            self.enter_example_heading(number);
            return Some(LineKind::UnnamedBlockStart);
        }
        if let Some(head) = shapes::row_head(line) {
            self.start_block(number, None, 1);
            let location = self.location(number, 1);
            self.report(
                &codes::ROWS_WITHOUT_BLOCK,
                format!(
                    "field rows start outside a block; they are read as `{}`",
                    self.type_name()
                ),
                location,
                shapes::char_length(line),
                Some(self.type_name().to_owned()),
            );
            self.state = State::Table;
            return Some(self.start_row(number, line, head));
        }
        if self.named_block_starts_at(line) {
            self.start_block(number, Some(line), 1);
            self.state = State::Description;
            return Some(LineKind::NamedBlockStart);
        }
        None
    }

    fn report_missing_fields_heading(&mut self, number: u32, line: &str) {
        let location = self.location(number, 1);
        self.report(
            &codes::MISSING_FIELDS_HEADING,
            format!(
                "field rows of `{}` start without a `Fields` heading",
                self.type_name()
            ),
            location,
            shapes::char_length(line),
            Some(self.type_name().to_owned()),
        );
    }

    /// True when `line` (the current line) is a bare GraphQL name followed by description
    /// lines and then a `Fields` heading, an `Example` heading or an error list.
    fn named_block_starts_at(&self, line: &str) -> bool {
        if !shapes::is_graphql_name(line)
            || line == shapes::FIELDS_HEADING
            || line == shapes::EXAMPLE_HEADING
        {
            return false;
        }
        let after = self
            .after
            .strip_prefix("\r\n")
            .or_else(|| self.after.strip_prefix('\n'))
            .unwrap_or(self.after);
        for next in after.lines().take(BLOCK_LOOKAHEAD_LINES) {
            let next = next.trim_end();
            if next.is_empty() {
                continue;
            }
            if next == shapes::FIELDS_HEADING
                || next == shapes::EXAMPLE_HEADING
                || next == shapes::ERROR_LIST_INTRO
            {
                return true;
            }
            let structural = next.starts_with('}')
                || next.starts_with('|')
                || shapes::row_head(next).is_some()
                || shapes::entry_line(next).is_some();
            if structural {
                return false;
            }
        }
        false
    }

    fn closing_brace_line(&mut self, number: u32, line: &'text str, rest: &'text str) -> LineKind {
        if self.row.is_some() {
            self.finish_row(false);
        }
        match self.state {
            State::Example => {
                let start = line_offset(self.text, line);
                if let Some(example) = self.block.as_mut().and_then(|block| block.example.as_mut())
                {
                    example.end = start + 1;
                    example.closed = true;
                }
            }
            // An `Example` heading directly followed by `}`: reported when the block ends.
            State::ExampleHeading => {}
            _ => {
                let location = self.location(number, 1);
                self.report(
                    &codes::STRAY_CLOSING_BRACE,
                    "`}` outside an example".to_owned(),
                    location,
                    1,
                    None,
                );
                if rest.trim().is_empty() {
                    return LineKind::Unreadable;
                }
            }
        }
        let rest = rest.trim_end();
        if rest.is_empty() {
            self.state = State::AfterClose;
            return LineKind::ExampleClose;
        }
        if rest == shapes::FIELDS_HEADING {
            self.start_block(number, None, 1);
            self.state = State::TableHeading { header_lines: 0 };
            return LineKind::UnnamedBlockStart;
        }
        if rest == shapes::EXAMPLE_HEADING {
            self.start_block(number, None, 1);
            self.enter_example_heading(number);
            return LineKind::UnnamedBlockStart;
        }
        if shapes::is_graphql_name(rest) {
            self.start_block(number, Some(rest), 2);
            self.state = State::Description;
            return LineKind::NamedBlockStart;
        }
        self.start_block(number, None, 1);
        self.state = State::Description;
        let location = self.location(number, 2);
        let placeholder = self.type_name().to_owned();
        self.report(
            &codes::UNREADABLE_BLOCK_NAME,
            format!(
                "`{}` is not a type name; the block is read as `{placeholder}`",
                truncate(rest)
            ),
            location,
            shapes::char_length(rest),
            Some(placeholder),
        );
        LineKind::UnnamedBlockStart
    }

    fn description_line(&mut self, number: u32, line: &'text str) -> LineKind {
        if line == shapes::FIELDS_HEADING {
            self.state = State::TableHeading { header_lines: 0 };
            return LineKind::FieldsHeading;
        }
        if line == shapes::EXAMPLE_HEADING {
            self.enter_example_heading(number);
            return LineKind::ExampleHeading;
        }
        if line.trim_end() == shapes::ERROR_LIST_INTRO {
            if let Some(block) = self.block.as_mut() {
                block.error_list_start = block.ty.error_codes.len();
            }
            self.state = State::ErrorList;
            return LineKind::ErrorListIntro;
        }
        if self.state == State::ErrorList && line.starts_with("- ") {
            return self.error_code_line(number, line);
        }
        if let Some(head) = shapes::row_head(line) {
            self.report_missing_fields_heading(number, line);
            self.state = State::Table;
            return self.start_row(number, line, head);
        }
        self.state = State::Description;
        if let Some(block) = self.block.as_mut() {
            block.description.push(line.trim_end());
        }
        LineKind::TypeDescription
    }

    fn error_code_line(&mut self, number: u32, line: &'text str) -> LineKind {
        let Some(entry) = shapes::error_line(line) else {
            let location = self.location(number, 3);
            self.report(
                &codes::UNREADABLE_ERROR_CODE,
                format!("`{}` is not an error code entry", truncate(line)),
                location,
                shapes::char_length(line).saturating_sub(2).max(1),
                Some(self.type_name().to_owned()),
            );
            return LineKind::Unreadable;
        };
        let location = self.location(number, 3);
        let Some(block) = self.block.as_mut() else {
            return LineKind::Unreadable;
        };
        let first = block
            .ty
            .error_codes
            .get(block.error_list_start..)
            .and_then(|list| {
                list.iter()
                    .find(|known| known.code == entry.code)
                    .and_then(|known| known.provenance.location.clone())
            });
        let order = u32::try_from(block.ty.error_codes.len()).unwrap_or(u32::MAX);
        block.ty.error_codes.push(ErrorCode {
            code: entry.code.to_owned(),
            message: entry.message.to_owned(),
            order,
            provenance: Provenance::read(location.clone()),
        });
        if let Some(first) = first {
            let type_name = self.type_name().to_owned();
            let diagnostic = codes::DUPLICATE_ERROR_CODE
                .at(
                    format!(
                        "error code `{}` is listed twice for `{type_name}`",
                        entry.code
                    ),
                    location,
                    shapes::char_length(entry.code),
                )
                .with_label(first, "first listed here")
                .with_coordinate(type_name);
            self.diagnostics.push(diagnostic);
        }
        LineKind::ErrorCode
    }

    fn table_line(&mut self, index: usize, line: &'text str) -> LineKind {
        let number = line_number(index);
        if self.state == State::Table {
            if let Some(head) = shapes::row_head(line) {
                return self.start_row(number, line, head);
            }
        }
        if line == shapes::EXAMPLE_HEADING && self.block.is_some() && self.state == State::Table {
            self.enter_example_heading(number);
            return LineKind::ExampleHeading;
        }
        if let Some(kind) = self.block_start(index, line) {
            return kind;
        }
        let location = self.location(number, 1);
        let context = if self.state == State::AfterClose {
            "between blocks"
        } else {
            "in a field table"
        };
        self.report(
            &codes::UNREADABLE_LINE,
            format!("cannot read `{}` {context}", truncate(line)),
            location,
            shapes::char_length(line),
            self.block.as_ref().map(|block| block.ty.name.clone()),
        );
        LineKind::Unreadable
    }

    fn enter_example_heading(&mut self, number: u32) {
        if let Some(block) = self.block.as_mut() {
            block.example_heading = Some(number);
        }
        self.state = State::ExampleHeading;
    }

    fn example_heading_line(&mut self, number: u32, line: &'text str) -> LineKind {
        let start = line_offset(self.text, line);
        let example = ExampleInProgress {
            start,
            end: start + line.len(),
            line: number,
            entries: Vec::new(),
            closed: false,
        };
        if let Some(block) = self.block.as_mut() {
            block.example = Some(example);
        }
        self.state = State::Example;
        if line.trim() == "{" {
            return LineKind::ExampleOpen;
        }
        let location = self.location(number, 1);
        self.report(
            &codes::EXAMPLE_WITHOUT_BRACE,
            format!("the example of `{}` has no opening `{{`", self.type_name()),
            location,
            shapes::char_length(line),
            Some(self.type_name().to_owned()),
        );
        match shapes::entry_line(line) {
            Some(_) => self.example_line(number, line),
            None => LineKind::Unreadable,
        }
    }

    fn example_line(&mut self, number: u32, line: &'text str) -> LineKind {
        let end = line_offset(self.text, line) + line.len();
        let Some(entry) = shapes::entry_line(line) else {
            let location = self.location(number, 1);
            self.report(
                &codes::UNREADABLE_EXAMPLE_ENTRY,
                format!("cannot read `{}` as an example entry", truncate(line)),
                location,
                shapes::char_length(line),
                Some(self.type_name().to_owned()),
            );
            if let Some(example) = self.block.as_mut().and_then(|block| block.example.as_mut()) {
                example.end = end;
            }
            return LineKind::Unreadable;
        };
        let column = shapes::column_at(line, line.len() - line.trim_start().len());
        let location = self.location(number, column);
        if let Some(example) = self.block.as_mut().and_then(|block| block.example.as_mut()) {
            example.end = end;
            example.entries.push(ExampleEntry {
                key: entry.key.to_owned(),
                value: entry.value.to_owned(),
                provenance: Provenance::read(location),
            });
        }
        LineKind::ExampleEntry
    }
}

fn line_number(index: usize) -> u32 {
    u32::try_from(index)
        .unwrap_or(u32::MAX - 1)
        .saturating_add(1)
}

/// The byte offset of `line` in `text`; `line` is a slice of `text` (from `str::lines`).
fn line_offset(text: &str, line: &str) -> usize {
    (line.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len())
}

/// Shortens text quoted in a message to 60 characters.
fn truncate(text: &str) -> String {
    const LIMIT: usize = 60;
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}
