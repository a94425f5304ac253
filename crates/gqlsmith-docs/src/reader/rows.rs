//! Field rows: a row's start, its continuation lines, and what a finished row becomes (a
//! field with its type, description, deprecation and arguments).
use std::borrow::Cow;

use gqlsmith_model::{Deprecation, Field, Location, Provenance, TypeRef, UnnamedArgument};

use super::{truncate, Reader, Row, Segment};
use crate::codes;
use crate::line_kind::LineKind;
use crate::prose::{self, Replacement};
use crate::shapes::{self, RowHead};

impl<'text> Reader<'text> {
    pub(super) fn start_row(
        &mut self,
        number: u32,
        line: &'text str,
        head: RowHead<'text>,
    ) -> LineKind {
        let ty = TypeRef::parse(head.type_text);
        let kind = if ty.is_some() {
            LineKind::FieldRow
        } else {
            let location = self.location(number, shapes::column_at(line, head.type_offset));
            let coordinate = self.coordinate(head.name);
            let lists = head.type_text.bytes().filter(|&byte| byte == b'[').count();
            let message = if lists > TypeRef::MAX_LIST_DEPTH {
                format!(
                    "the type of field `{coordinate}` nests {lists} lists; gqlsmith reads at most {}",
                    TypeRef::MAX_LIST_DEPTH
                )
            } else {
                format!(
                    "`{}` is not a type reference (field `{coordinate}`)",
                    truncate(head.type_text)
                )
            };
            self.report(
                &codes::UNREADABLE_FIELD_TYPE,
                message,
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

    pub(super) fn row_continuation(&mut self, number: u32, line: &'text str) -> LineKind {
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
    pub(super) fn finish_row(&mut self, terminated: bool) {
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
