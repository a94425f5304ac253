//! The texts of the inputs, so renderers can show source lines and convert columns.

use std::sync::Arc;

/// Input texts by label, each with the byte offset of every line start.
#[derive(Default)]
pub(crate) struct SourceMap {
    files: Vec<SourceFile>,
}

struct SourceFile {
    label: Arc<str>,
    text: Arc<str>,
    line_starts: Vec<usize>,
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
            text,
            line_starts,
        });
    }

    /// The text of 1-based `line` in `label` (without its line break), when known.
    pub(crate) fn line(&self, label: &str, line: u32) -> Option<&str> {
        let file = self.files.iter().find(|file| &*file.label == label)?;
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        let start = *file.line_starts.get(index)?;
        let end = file
            .line_starts
            .get(index + 1)
            .map_or(file.text.len(), |next| next - 1);
        let line = file.text.get(start..end)?;
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

/// The byte range in `line` covered by `length` characters from 1-based character `column`,
/// clamped to the line (an empty line gets the empty range at its end).
pub(crate) fn byte_span(line: &str, column: u32, length: u32) -> std::ops::Range<usize> {
    let char_start = column.saturating_sub(1) as usize;
    let mut offsets = line
        .char_indices()
        .map(|(at, _)| at)
        .chain(std::iter::once(line.len()));
    let start = offsets.nth(char_start).unwrap_or(line.len());
    let end = line[start..]
        .char_indices()
        .map(|(at, _)| start + at)
        .chain(std::iter::once(line.len()))
        .nth(length.max(1) as usize)
        .unwrap_or(line.len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_one_based_and_without_breaks() {
        let mut map = SourceMap::default();
        map.add("a".into(), "one\r\ntwo\nthree".into());
        assert_eq!(map.line("a", 1), Some("one"));
        assert_eq!(map.line("a", 3), Some("three"));
        assert_eq!(map.line("a", 4), None);
        assert_eq!(map.line("a", 0), None);
        assert_eq!(map.line("b", 1), None);
    }

    #[test]
    fn spans_count_characters_not_bytes() {
        assert_eq!(byte_span("héllo world", 2, 4), 1..6);
        assert_eq!(byte_span("abc", 10, 1), 3..3);
        assert_eq!(byte_span("", 1, 1), 0..0);
    }
}
