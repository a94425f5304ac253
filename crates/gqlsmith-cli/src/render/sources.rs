//! The texts of the inputs, so renderers can show source lines and convert columns.
//!
//! Rendering must stay linear in the number of diagnostics even when they all sit on one
//! long line (minified JSON): line starts are computed once per file, a long line is shown
//! as a window around the span instead of whole, and a character column is turned into a
//! byte offset through per-line checkpoints computed once per line.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

/// Lines longer than this (in bytes) are shown as a window around the span. Well above the
/// 140 columns annotate-snippets shows, so the window never changes what it shows.
const LONG_LINE: usize = 1024;
/// Characters kept on each side of the span in a window.
const WINDOW: usize = 400;
/// On lines with non-ASCII text, the byte offset of every `CHECKPOINT`-th character is kept.
const CHECKPOINT: usize = 64;

/// Input texts by label, each with the byte offset of every line start.
#[derive(Default)]
pub(crate) struct SourceMap {
    files: Vec<SourceFile>,
    /// Per (file index, 0-based line): the byte offset of every `CHECKPOINT`-th character,
    /// computed the first time a column on that (long, non-ASCII) line is needed.
    checkpoints: RefCell<BTreeMap<(usize, usize), Vec<usize>>>,
}

struct SourceFile {
    label: Arc<str>,
    text: Arc<str>,
    line_starts: Vec<usize>,
    /// ASCII only: a character column is a byte offset, no checkpoints needed.
    ascii: bool,
}

/// What to show of one line for one span: the line, or a window of it on a long line.
pub(crate) struct Excerpt<'a> {
    /// The text to show: the whole line, or a window of it.
    pub(crate) text: &'a str,
    /// The span, in bytes of `text`.
    pub(crate) span: Range<usize>,
    /// Whether `text` is a window that starts after the line's start: annotate-snippets
    /// counts its column from the start of `text`, so the caller puts the true one back.
    pub(crate) windowed: bool,
}

impl SourceMap {
    pub(crate) fn add(&mut self, label: Arc<str>, text: Arc<str>) {
        if self.files.iter().any(|file| file.label == label) {
            return;
        }
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        self.files.push(SourceFile {
            label,
            ascii: text.is_ascii(),
            text,
            line_starts,
        });
    }

    /// The file index, 0-based line index and text (without its line break) of 1-based
    /// `line` in `label`, when known.
    fn find_line(&self, label: &str, line: u32) -> Option<(usize, usize, &str)> {
        let (file_index, file) = self
            .files
            .iter()
            .enumerate()
            .find(|(_, file)| &*file.label == label)?;
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        let start = *file.line_starts.get(index)?;
        let end = file
            .line_starts
            .get(index + 1)
            .map_or(file.text.len(), |next| next - 1);
        let text = file.text.get(start..end)?;
        Some((file_index, index, text.strip_suffix('\r').unwrap_or(text)))
    }

    /// What to show for `length` characters from 1-based character `column` of `line` in
    /// `label`: the whole line when it is short (or unknown: then empty), else a window of
    /// [`WINDOW`] characters each side of the span. Costs O(window), not O(line), once the
    /// line's checkpoints exist.
    pub(crate) fn excerpt(&self, label: &str, line: u32, column: u32, length: u32) -> Excerpt<'_> {
        let Some((file_index, line_index, text)) = self.find_line(label, line) else {
            return Excerpt {
                text: "",
                span: 0..0,
                windowed: false,
            };
        };
        if text.len() <= LONG_LINE {
            return Excerpt {
                text,
                span: byte_span(text, column, length),
                windowed: false,
            };
        }
        let column = column.saturating_sub(1) as usize;
        let start = self.byte_offset(file_index, line_index, text, column);
        // The span is cut to the window: annotate-snippets would cut a longer one anyway.
        let length = (length.max(1) as usize).min(WINDOW);
        let end = offset_after_chars(text, start, length);
        let first_shown = column.saturating_sub(WINDOW);
        let window_start = self.byte_offset(file_index, line_index, text, first_shown);
        let window_end = offset_after_chars(text, end, WINDOW);
        Excerpt {
            text: &text[window_start..window_end],
            span: start - window_start..end.max(start) - window_start,
            windowed: window_start > 0,
        }
    }

    /// The byte offset of 0-based character `column` in `text` (line `line_index` of file
    /// `file_index`), clamped to its end.
    fn byte_offset(
        &self,
        file_index: usize,
        line_index: usize,
        text: &str,
        column: usize,
    ) -> usize {
        if self.files[file_index].ascii {
            return column.min(text.len());
        }
        let mut checkpoints = self.checkpoints.borrow_mut();
        let marks = checkpoints
            .entry((file_index, line_index))
            .or_insert_with(|| {
                text.char_indices()
                    .step_by(CHECKPOINT)
                    .map(|(at, _)| at)
                    .collect()
            });
        match marks.get(column / CHECKPOINT) {
            Some(&mark) => offset_after_chars(text, mark, column % CHECKPOINT),
            None => text.len(),
        }
    }
}

/// The byte offset `chars` characters after byte offset `from` in `text`, clamped to its end.
fn offset_after_chars(text: &str, from: usize, chars: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(at, _)| from + at)
}

/// The byte range in `line` covered by `length` characters from 1-based character `column`,
/// clamped to the line (an empty line gets the empty range at its end).
pub(crate) fn byte_span(line: &str, column: u32, length: u32) -> Range<usize> {
    let start = offset_after_chars(line, 0, column.saturating_sub(1) as usize);
    let end = offset_after_chars(line, start, length.max(1) as usize);
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_one_based_and_without_breaks() {
        let mut map = SourceMap::default();
        map.add("a".into(), "one\r\ntwo\nthree".into());
        let line = |label: &str, line: u32| map.find_line(label, line).map(|(_, _, text)| text);
        assert_eq!(line("a", 1), Some("one"));
        assert_eq!(line("a", 3), Some("three"));
        assert_eq!(line("a", 4), None);
        assert_eq!(line("a", 0), None);
        assert_eq!(line("b", 1), None);
    }

    #[test]
    fn spans_count_characters_not_bytes() {
        assert_eq!(byte_span("héllo world", 2, 4), 1..6);
        assert_eq!(byte_span("abc", 10, 1), 3..3);
        assert_eq!(byte_span("", 1, 1), 0..0);
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_span() {
        for filler in ["a", "é"] {
            let line = filler.repeat(5_000) + "XYZ" + &filler.repeat(5_000);
            let mut map = SourceMap::default();
            map.add("f".into(), Arc::from(format!("first\n{line}\n").as_str()));
            let excerpt = map.excerpt("f", 2, 5_001, 3);
            assert_eq!(&excerpt.text[excerpt.span.clone()], "XYZ");
            assert!(excerpt.windowed);
            assert_eq!(excerpt.text.chars().count(), 2 * WINDOW + 3);
            // Near the line's start, nothing is cut before.
            let excerpt = map.excerpt("f", 2, 3, 1);
            assert!(!excerpt.windowed);
            assert_eq!(excerpt.span, byte_span(&line, 3, 1));
            // Past the end: the empty span at the end.
            let excerpt = map.excerpt("f", 2, 20_000, 1);
            assert_eq!(excerpt.span.start, excerpt.text.len());
        }
    }
}
