//! Byte offsets to 1-based line and character columns, the way editors and SARIF count them.

use std::cell::Cell;
use std::sync::Arc;

use crate::Location;

/// Bytes between two checkpoints.
const BLOCK: usize = 4096;

/// Answers "which line and column is byte `offset`" for one text: the one answer every
/// reader and config parser gives (diagnostics, SARIF and editors all agree on it). GraphQL ends a line at `\n`,
/// `\r\n` or a lone `\r` (<https://spec.graphql.org/October2021/#LineTerminator>), and so do
/// we; columns count characters.
///
/// Readers ask in file order, so the index walks forward from its last answer, counting line
/// breaks on the way: one pass over the text in all. An earlier offset restarts from the
/// checkpoint before it (one every 4 KiB). No list of line starts is kept: on a large schema
/// that list would be the biggest allocation of the whole read.
pub struct LineIndex<'text> {
    text: &'text str,
    /// Bytes between checkpoints.
    block: usize,
    /// Line breaks before each block: `breaks_before[i]` counts those in `text[..i * BLOCK]`.
    breaks_before: Vec<usize>,
    /// Whether the text has a `\r` at all; without one, counting breaks is counting `\n`.
    has_carriage_return: bool,
    /// The last answer: `(offset, line index, start of that line, column index)`.
    last: Cell<(usize, usize, usize, usize)>,
}

impl<'text> LineIndex<'text> {
    pub fn new(text: &'text str) -> LineIndex<'text> {
        LineIndex::with_block_size(text, BLOCK)
    }

    /// `new` with checkpoints every `block` bytes (tests use tiny blocks).
    fn with_block_size(text: &'text str, block: usize) -> LineIndex<'text> {
        let block = block.max(1);
        let has_carriage_return = text.as_bytes().contains(&b'\r');
        let mut index = LineIndex {
            text,
            block,
            breaks_before: Vec::new(),
            has_carriage_return,
            last: Cell::new((0, 0, 0, 0)),
        };
        let blocks = text.len() / block + 1;
        let mut breaks_before = Vec::with_capacity(blocks);
        let mut breaks = 0;
        for number in 0..blocks {
            breaks_before.push(breaks);
            breaks += index.breaks_between(number * block, ((number + 1) * block).min(text.len()));
        }
        index.breaks_before = breaks_before;
        index
    }

    /// The 1-based line and column (in characters) of byte `offset`. An offset past the end
    /// or inside a character is clamped to the nearest character boundary before it.
    pub fn line_column(&self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (last_offset, last_line, last_line_start, last_column) = self.last.get();
        let line = if offset >= last_offset {
            last_line + self.breaks_between(last_offset, offset)
        } else {
            let number = offset / self.block;
            let before = self.breaks_before.get(number).copied().unwrap_or(0);
            before + self.breaks_between(number * self.block, offset)
        };
        let (line_start, column) = if line == last_line && offset >= last_offset {
            // Same line, later: count on (minified JSON is one line of megabytes).
            (
                last_line_start,
                last_column + self.chars_between(last_offset, offset),
            )
        } else {
            let line_start = self.line_start_before(offset);
            (line_start, self.chars_between(line_start, offset))
        };
        self.last.set((offset, line, line_start, column));
        (to_u32(line + 1), to_u32(column + 1))
    }

    /// The [`Location`] in `file` of byte `offset` (see [`LineIndex::line_column`]).
    pub fn location(&self, file: &Arc<str>, offset: usize) -> Location {
        let (line, column) = self.line_column(offset);
        Location::new(file.clone(), line, column)
    }

    /// The whole text.
    pub fn text(&self) -> &'text str {
        self.text
    }

    /// How many lines end in `text[start..end]`. A `\r\n` pair counts once, at its `\n`.
    fn breaks_between(&self, start: usize, end: usize) -> usize {
        let bytes = self.text.as_bytes().get(start..end).unwrap_or(&[]);
        let newlines = bytes.iter().filter(|&&byte| byte == b'\n').count();
        if !self.has_carriage_return {
            return newlines;
        }
        let lone_returns = bytes
            .iter()
            .enumerate()
            .filter(|&(at, &byte)| {
                byte == b'\r' && self.text.as_bytes().get(start + at + 1) != Some(&b'\n')
            })
            .count();
        newlines + lone_returns
    }

    /// Where the line holding `offset` starts: just after the line break before it.
    fn line_start_before(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut at = offset;
        while at > 0 {
            match bytes.get(at - 1) {
                Some(b'\n') => return at,
                // A `\r` ends a line unless it is the first half of `\r\n` (then `\n` does).
                Some(b'\r') if bytes.get(at) != Some(&b'\n') => return at,
                _ => at -= 1,
            }
        }
        0
    }

    fn chars_between(&self, start: usize, end: usize) -> usize {
        self.text
            .get(start..end)
            .map_or(0, |part| part.chars().count())
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[track_caller]
    fn check(text: &str, offset: usize, expect: (u32, u32)) {
        assert_eq!(LineIndex::new(text).line_column(offset), expect);
    }

    #[test]
    fn counts_lines_and_characters() {
        check("type A", 5, (1, 6));
        check("a\nb", 2, (2, 1));
        check("a\r\nb", 3, (2, 1));
        check("a\rb", 2, (2, 1));
        check("\"é\" x", 5, (1, 5));
        check("é", 1, (1, 1));
        check("ab", 99, (1, 3));
        check("", 0, (1, 1));
        check("a\n", 2, (2, 1));
    }

    /// Line and column by counting from the start, the obvious way.
    fn naive(text: &str, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (mut line, mut column) = (1, 1);
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if at >= offset {
                break;
            }
            let next = chars.peek().map(|(_, next)| *next);
            if c == '\n' || (c == '\r' && next != Some('\n')) {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        (line, column)
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_counting_from_the_start(
            // With and without `\r`: the index has a fast path for text without it.
            text in proptest::prop_oneof!["[a\n\ré ]{0,300}", "[a\né ]{0,300}"],
            offsets in proptest::collection::vec(0usize..320, 1..40),
            block in 1usize..64,
        ) {
            let index = LineIndex::with_block_size(&text, block);
            for offset in offsets {
                proptest::prop_assert_eq!(index.line_column(offset), naive(&text, offset), "offset {}", offset);
            }
        }
    }

    #[test]
    fn later_offsets_on_one_line_count_on() {
        let index = LineIndex::new("é{a}é{b}\né{c}");
        assert_eq!(index.line_column(2), (1, 2));
        assert_eq!(index.line_column(7), (1, 6));
        assert_eq!(index.line_column(3), (1, 3));
        assert_eq!(index.line_column(13), (2, 2));
        assert_eq!(index.line_column(7), (1, 6));
    }
}
