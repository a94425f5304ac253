//! Byte offsets to 1-based line and character columns, the way editors and SARIF count them.

use std::cell::Cell;

/// The start of every line of one text. GraphQL ends a line at `\n`, `\r\n` or a lone `\r`
/// (<https://spec.graphql.org/October2021/#LineTerminator>), and so do we.
pub(crate) struct LineIndex<'text> {
    text: &'text str,
    line_starts: Vec<usize>,
    /// The last answer `(offset, line index, column)`: minified JSON is one long line, and
    /// counting characters from the line start for every type would be quadratic, so an
    /// offset later on the same line counts on from here.
    last: Cell<(usize, usize, usize)>,
}

impl<'text> LineIndex<'text> {
    pub(crate) fn new(text: &'text str) -> LineIndex<'text> {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(bytes.len() / 32 + 1);
        line_starts.push(0);
        if text.contains('\r') {
            for (at, byte) in bytes.iter().enumerate() {
                match byte {
                    b'\n' => line_starts.push(at + 1),
                    b'\r' if bytes.get(at + 1) != Some(&b'\n') => line_starts.push(at + 1),
                    _ => {}
                }
            }
        } else {
            // 16 bytes at a time: the comparisons compile to one vector compare, and only
            // the line breaks found cost a push (2-3x faster than a byte loop here).
            let mut chunks = bytes.chunks_exact(16);
            let mut base = 0;
            for chunk in &mut chunks {
                let mut mask: u32 = 0;
                for (bit, byte) in chunk.iter().enumerate() {
                    mask |= u32::from(*byte == b'\n') << bit;
                }
                while mask != 0 {
                    line_starts.push(base + mask.trailing_zeros() as usize + 1);
                    mask &= mask - 1;
                }
                base += 16;
            }
            for (at, byte) in chunks.remainder().iter().enumerate() {
                if *byte == b'\n' {
                    line_starts.push(base + at + 1);
                }
            }
        }
        LineIndex {
            text,
            line_starts,
            last: Cell::new((0, 0, 0)),
        }
    }

    /// The 1-based line and column (in characters) of byte `offset`. An offset past the end
    /// or inside a character is clamped to the nearest character boundary before it.
    pub(crate) fn line_column(&self, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (last_offset, last_line, last_column) = self.last.get();
        // Readers ask in file order, mostly on the same or a nearby line: walk forward from
        // the last answer, and search only when asked about an earlier place.
        let line = if offset >= last_offset {
            let mut line = last_line;
            while self
                .line_starts
                .get(line + 1)
                .is_some_and(|&next| next <= offset)
            {
                line += 1;
                if line > last_line + 8 {
                    line = self
                        .line_starts
                        .partition_point(|&start| start <= offset)
                        .max(1)
                        - 1;
                    break;
                }
            }
            line
        } else {
            self.line_starts
                .partition_point(|&start| start <= offset)
                .max(1)
                - 1
        };
        let line_start = self.line_starts.get(line).copied().unwrap_or(0).min(offset);
        let (from, column_at_from) =
            if last_line == line && last_offset >= line_start && last_offset <= offset {
                (last_offset, last_column)
            } else {
                (line_start, 0)
            };
        let column = column_at_from
            + self
                .text
                .get(from..offset)
                .map_or(0, |part| part.chars().count());
        self.last.set((offset, line, column));
        (to_u32(line + 1), to_u32(column + 1))
    }

    /// The whole text.
    pub(crate) fn text(&self) -> &'text str {
        self.text
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
        ) {
            let index = LineIndex::new(&text);
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
