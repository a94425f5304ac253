//! The reader: one pass over the lines of a page, a small state machine that builds one
//! object type per block and a diagnostic for every odd line.
//!
//! A block is `[}]Name`, description lines (with an optional error list), `Fields`, the table
//! header, field rows, `Example`, `{`, entries, and the `}` that is glued to the next block's
//! first line. See the crate README for the quirks.

use std::borrow::Cow;
use std::sync::Arc;

use gqlsmith_model::{
    Deprecation, Diagnostic, ErrorCode, Example, ExampleEntry, Field, Loaded, Location, NameOrigin,
    Provenance, Schema, TypeDef, TypeKind, TypeRef, UnnamedArgument,
};

use crate::codes::{self, DiagnosticCode};
use crate::line_kind::LineKind;
use crate::prose::{self, Replacement};
use crate::shapes::{self, RowHead};

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

    fn start_row(&mut self, number: u32, line: &'text str, head: RowHead<'text>) -> LineKind {
        let ty = TypeRef::parse(head.type_text);
        let kind = if ty.is_some() {
            LineKind::FieldRow
        } else {
            let location = self.location(number, shapes::column_at(line, head.type_offset));
            let coordinate = self.coordinate(head.name);
            self.report(
                &codes::UNREADABLE_FIELD_TYPE,
                format!(
                    "`{}` is not a type reference (field `{coordinate}`)",
                    truncate(head.type_text)
                ),
                location,
                shapes::char_length(head.type_text),
                Some(coordinate.clone()),
            );
            LineKind::Unreadable
        };
        let mut segments = std::mem::take(&mut self.spare_segments);
        segments.clear();
        let mut row = Row {
            name: head.name,
            ty,
            line: number,
            segments,
            arguments: Vec::new(),
            arguments_line: None,
        };
        let (cell, marker) = if head.terminated {
            (head.cell, false)
        } else {
            shapes::strip_arguments_marker(head.cell)
        };
        if !cell.is_empty() {
            row.segments.push(Segment {
                line: number,
                line_text: line,
                offset: head.cell_offset,
                text: cell,
            });
        }
        if marker {
            row.arguments_line = Some(number);
        }
        self.row = Some(row);
        if head.terminated {
            self.finish_row(true);
        }
        kind
    }

    fn row_continuation(&mut self, number: u32, line: &'text str) -> LineKind {
        let Some(mut row) = self.row.take() else {
            return LineKind::Unreadable;
        };
        let (text, terminated) = shapes::strip_terminator(line);
        let leading = text.len() - text.trim_start().len();
        let text = text.trim();
        let kind = if row.ty.is_none() {
            LineKind::Skipped {
                reported_at: row.line,
            }
        } else if row.arguments_line.is_some() {
            if text.is_empty() {
                LineKind::RowTerminator
            } else {
                let location =
                    Location::new(self.file.clone(), number, shapes::column_at(line, leading));
                row.arguments.push(UnnamedArgument {
                    description: text.to_owned(),
                    provenance: Provenance::read(location),
                });
                if let Some((offset, word)) = prose::dangling_last_word(text) {
                    let location = self.location(number, shapes::column_at(line, leading + offset));
                    let coordinate = self.coordinate(row.name);
                    self.report(
                        &codes::TRUNCATED_DESCRIPTION,
                        format!("an argument description of `{coordinate}` ends mid-sentence at `{word}`"),
                        location,
                        shapes::char_length(word),
                        Some(coordinate),
                    );
                }
                LineKind::ArgumentLine
            }
        } else {
            let (text, marker) = if terminated {
                (text, false)
            } else {
                shapes::strip_arguments_marker(text)
            };
            if !text.is_empty() {
                row.segments.push(Segment {
                    line: number,
                    line_text: line,
                    offset: leading,
                    text,
                });
            }
            if marker {
                row.arguments_line = Some(number);
            }
            if text.is_empty() && marker {
                LineKind::ArgumentsMarker
            } else if text.is_empty() {
                LineKind::RowTerminator
            } else {
                LineKind::RowContinuation
            }
        };
        self.row = Some(row);
        if terminated {
            self.finish_row(true);
        }
        kind
    }

    /// Ends the open row: builds its field, or reports it when it was never terminated.
    fn finish_row(&mut self, terminated: bool) {
        let Some(row) = self.row.take() else { return };
        let Some(ty) = row.ty else { return };
        if !terminated {
            let coordinate = self.coordinate(row.name);
            let location = self.location(row.line, 1);
            self.report(
                &codes::ROW_WITHOUT_TERMINATOR,
                format!("row `{coordinate}` has no closing `|`"),
                location,
                shapes::char_length(row.name),
                Some(coordinate),
            );
        }
        if let (Some(line), true) = (row.arguments_line, row.arguments.is_empty()) {
            let coordinate = self.coordinate(row.name);
            let location = self.location(line, 1);
            self.report(
                &codes::EMPTY_ARGUMENTS_SECTION,
                format!("`{coordinate}` announces arguments but none is described"),
                location,
                1,
                Some(coordinate.clone()),
            );
        }

        let joined = join_segments(&row.segments);
        let (before, reason) = prose::split_deprecation(&joined);
        let mut field = Field::new(row.name, ty, Provenance::read(self.location(row.line, 1)));
        field.description = (!before.is_empty()).then(|| before.to_owned());
        field.unnamed_arguments = row.arguments;

        if let Some(reason) = reason {
            let marker_location = row
                .segments
                .iter()
                .find_map(|segment| {
                    prose::deprecation_offset(segment.text).map(|offset| {
                        (
                            segment.line,
                            shapes::column_at(segment.line_text, segment.offset + offset),
                        )
                    })
                })
                .map_or_else(
                    || self.location(row.line, 1),
                    |(line, column)| self.location(line, column),
                );
            let mut deprecation = Deprecation::from_reason(
                Some(reason.to_owned()),
                Provenance::read(marker_location.clone()),
            );
            if let Some(named) = prose::field_named_by_reason(reason) {
                if named != row.name {
                    let coordinate = self.coordinate(row.name);
                    self.report(
                        &codes::DEPRECATION_NAMES_OTHER_FIELD,
                        format!("the deprecation notice of `{coordinate}` names `{named}`"),
                        marker_location.clone(),
                        shapes::char_length("Deprecated"),
                        Some(coordinate.clone()),
                    );
                }
            }
            match prose::replacement(before) {
                Replacement::None => {}
                Replacement::One(name) => {
                    deprecation.replacement = Some(name.to_owned());
                    if let Some(block) = self.block.as_mut() {
                        block.replacements.push((
                            row.name.to_owned(),
                            name.to_owned(),
                            marker_location.clone(),
                        ));
                    }
                }
                Replacement::Several(names) => {
                    let coordinate = self.coordinate(row.name);
                    let listed = names
                        .iter()
                        .map(|name| format!("`{name}`"))
                        .collect::<Vec<_>>()
                        .join(" or ");
                    self.report(
                        &codes::AMBIGUOUS_REPLACEMENT,
                        format!("`{coordinate}` names {listed} as replacements; none is recorded"),
                        marker_location.clone(),
                        shapes::char_length("Deprecated"),
                        Some(coordinate.clone()),
                    );
                }
            }
            field.deprecation = Some(deprecation);
        }

        if before.ends_with(shapes::ERROR_LIST_INTRO) {
            let coordinate = self.coordinate(row.name);
            let location = locate(
                &row.segments,
                joined.find(shapes::ERROR_LIST_INTRO).unwrap_or(0),
            )
            .map_or_else(
                || self.location(row.line, 1),
                |(line, column)| self.location(line, column),
            );
            self.report(
                &codes::ERROR_LIST_IN_FIELD_DESCRIPTION,
                format!("the error list of `{coordinate}` lost its entries"),
                location,
                shapes::char_length(shapes::ERROR_LIST_INTRO),
                Some(coordinate.clone()),
            );
        } else if let Some((offset, word)) = prose::dangling_last_word(before) {
            let coordinate = self.coordinate(row.name);
            let location = locate(&row.segments, offset).map_or_else(
                || self.location(row.line, 1),
                |(line, column)| self.location(line, column),
            );
            self.report(
                &codes::TRUNCATED_DESCRIPTION,
                format!("the description of `{coordinate}` ends mid-sentence at `{word}`"),
                location,
                shapes::char_length(word),
                Some(coordinate.clone()),
            );
        }

        let Some(block) = self.block.as_mut() else {
            return;
        };
        let first = block
            .ty
            .field(row.name)
            .and_then(|known| known.provenance.location.clone());
        block.ty.fields.push(field);
        if let Some(first) = first {
            let coordinate = format!("{}.{}", block.ty.name, row.name);
            let diagnostic = codes::DUPLICATE_FIELD
                .at(
                    format!("field `{coordinate}` is listed twice"),
                    self.location(row.line, 1),
                    shapes::char_length(row.name),
                )
                .with_label(first, "first listed here")
                .with_coordinate(coordinate);
            self.diagnostics.push(diagnostic);
        }
        self.spare_segments = row.segments;
    }

    fn start_block(&mut self, number: u32, name: Option<&str>, column: u32) {
        self.finish_block();
        let location = self.location(number, column);
        let ty = match name {
            Some(name) => TypeDef::new(name, TypeKind::Object, Provenance::read(location)),
            None => {
                let mut ty = TypeDef::new(
                    placeholder_name(number),
                    TypeKind::Object,
                    Provenance::read(location),
                );
                ty.name_origin = NameOrigin::Placeholder;
                ty
            }
        };
        // `TypeDef::new` records the kind as read at the block's first line: the page is the
        // "Objects" section, so every block is an object type.
        self.block = Some(Block {
            ty,
            line: number,
            description: Vec::new(),
            error_list_start: 0,
            example: None,
            example_heading: None,
            replacements: Vec::new(),
        });
    }

    /// Ends the open block: checks what needs the whole block and adds its type.
    fn finish_block(&mut self) {
        if self.row.is_some() {
            self.finish_row(false);
        }
        let Some(mut block) = self.block.take() else {
            return;
        };
        let type_name = block.ty.name.clone();
        if !block.description.is_empty() {
            block.ty.description = Some(block.description.join("\n"));
        }
        match block.example.take() {
            Some(example) => {
                if !example.closed {
                    let location = self.location(example.line, 1);
                    self.report(
                        &codes::EXAMPLE_NOT_CLOSED,
                        format!("the example of `{type_name}` has no closing `}}`"),
                        location,
                        1,
                        Some(type_name.clone()),
                    );
                }
                let raw = self
                    .text
                    .get(example.start..example.end)
                    .unwrap_or("")
                    .to_owned();
                let provenance = Provenance::read(self.location(example.line, 1));
                block.ty.example = Some(Example {
                    entries: example.entries,
                    raw,
                    provenance,
                });
            }
            None if block.example_heading.is_some() => {
                let line = block.example_heading.unwrap_or(block.line);
                let location = self.location(line, 1);
                self.report(
                    &codes::EXAMPLE_WITHOUT_BRACE,
                    format!("the example of `{type_name}` has no opening `{{`"),
                    location,
                    shapes::char_length(shapes::EXAMPLE_HEADING),
                    Some(type_name.clone()),
                );
            }
            None => {
                let location = self.location(block.line, 1);
                self.report(
                    &codes::BLOCK_WITHOUT_EXAMPLE,
                    format!("`{type_name}` has no example"),
                    location,
                    1,
                    Some(type_name.clone()),
                );
            }
        }
        self.check_example_against_fields(&block.ty);
        for (field, replacement, location) in &block.replacements {
            if block.ty.field(replacement).is_none() {
                self.report(
                    &codes::REPLACEMENT_NOT_A_FIELD,
                    format!("`{type_name}.{field}` names `{replacement}` as its replacement, which is not a field of `{type_name}`"),
                    location.clone(),
                    shapes::char_length("Deprecated"),
                    Some(format!("{type_name}.{field}")),
                );
            }
        }
        if let Some(first) = self
            .schema
            .types
            .get(&type_name)
            .and_then(|known| known.provenance.location.clone())
        {
            let placeholder = self.free_placeholder_name(block.line);
            let location = block
                .ty
                .provenance
                .location
                .clone()
                .unwrap_or_else(|| self.location(block.line, 1));
            let diagnostic = codes::DUPLICATE_TYPE
                .at(
                    format!("type `{type_name}` is defined twice; this block is read as `{placeholder}`"),
                    location,
                    shapes::char_length(&type_name),
                )
                .with_label(first, "first defined here")
                .with_coordinate(placeholder.clone());
            self.diagnostics.push(diagnostic);
            block.ty.name = placeholder;
            block.ty.name_origin = NameOrigin::Placeholder;
        }
        self.schema.insert_type(block.ty);
    }

    /// `Unnamed_L<line>`, or `Unnamed_L<line>_<n>` when a block literally named so exists.
    fn free_placeholder_name(&self, line: u32) -> String {
        let mut name = placeholder_name(line);
        let mut suffix = 2_u32;
        while self.schema.types.contains_key(&name) {
            name = format!("{}_{suffix}", placeholder_name(line));
            suffix = suffix.saturating_add(1);
        }
        name
    }

    fn check_example_against_fields(&mut self, ty: &TypeDef) {
        let Some(example) = &ty.example else { return };
        if ty.fields.is_empty() {
            return;
        }
        for entry in &example.entries {
            let (code, message, coordinate) = match ty.field(&entry.key) {
                None => (
                    &codes::EXAMPLE_KEY_NOT_A_FIELD,
                    format!(
                        "the example of `{}` shows `{}`, which is not a field",
                        ty.name, entry.key
                    ),
                    ty.name.clone(),
                ),
                Some(field) if field.ty.is_list() && !entry.value.starts_with('[') => {
                    let coordinate = format!("{}.{}", ty.name, entry.key);
                    let message = format!(
                        "the example shows list field `{coordinate}` (`{}`) as a single value",
                        field.ty
                    );
                    (&codes::LIST_FIELD_SHOWN_BARE, message, coordinate)
                }
                Some(_) => continue,
            };
            let location = entry
                .provenance
                .location
                .clone()
                .unwrap_or_else(|| self.location(example_line(example), 1));
            let length = shapes::char_length(&entry.key).saturating_add(2);
            self.report(code, message, location, length, Some(coordinate));
        }
    }
}

fn example_line(example: &Example) -> u32 {
    example
        .provenance
        .location
        .as_ref()
        .map_or(1, |location| location.line)
}

/// `Unnamed_L<line>`: a valid GraphQL name that says where the unnamed block starts.
fn placeholder_name(line: u32) -> String {
    format!("Unnamed_L{line}")
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

/// The description of a row: its segments joined with line breaks, as the page wrote them.
/// Most rows have one segment, which is borrowed as it is.
fn join_segments<'text>(segments: &[Segment<'text>]) -> Cow<'text, str> {
    match segments {
        [] => return Cow::Borrowed(""),
        [only] => return Cow::Borrowed(only.text),
        _ => {}
    }
    let mut joined =
        String::with_capacity(segments.iter().map(|segment| segment.text.len() + 1).sum());
    for (index, segment) in segments.iter().enumerate() {
        if index > 0 {
            joined.push('\n');
        }
        joined.push_str(segment.text);
    }
    Cow::Owned(joined)
}

/// Maps a byte offset in the joined description back to (line, column) of the page.
fn locate(segments: &[Segment<'_>], offset: usize) -> Option<(u32, u32)> {
    let mut start = 0;
    for segment in segments {
        let end = start + segment.text.len();
        if offset <= end {
            let within = offset - start;
            return Some((
                segment.line,
                shapes::column_at(segment.line_text, segment.offset + within),
            ));
        }
        start = end + 1;
    }
    None
}

/// Shortens text quoted in a message to 60 characters.
fn truncate(text: &str) -> String {
    const LIMIT: usize = 60;
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}
