//! Words of names and descriptions: how a name splits into word stems, the words that say
//! nothing, and the lexicon that interns them so evidence compares numbers.

use gqlsmith_model::TypeDef;
use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;

/// Words that say nothing about which type a block is. A `match` rather than a list scanned
/// for each word: every word of every description passes here, and the compiler's
/// length-then-bytes comparison is many times cheaper than 41 string comparisons.
fn is_stop_word(word: &str) -> bool {
    matches!(
        word,
        "type"
            | "output"
            | "connection"
            | "edge"
            | "interface"
            | "union"
            | "choice"
            | "option"
            | "enum"
            | "the"
            | "and"
            | "for"
            | "this"
            | "that"
            | "with"
            | "from"
            | "are"
            | "was"
            | "has"
            | "have"
            | "not"
            | "any"
            | "its"
            | "which"
            | "will"
            | "can"
            | "been"
            | "when"
            | "all"
            | "one"
            | "into"
            | "per"
            | "use"
            | "used"
            | "field"
            | "fields"
            | "value"
            | "string"
            | "int"
            | "boolean"
            | "id"
    )
}

/// Lower-case word stems of a type or field name (`APIExceptionNoteType` -> api, exception,
/// note): a word starts at an upper-case letter after a lower-case letter or digit, at the last
/// capital of an acronym (`APIException`), and after `_`.
#[cfg(test)]
fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_name_stem(name, &mut String::new(), |stem| words.push(stem.to_owned()));
    words
}

/// Calls `visit` with each word stem of `name` (see [`name_words`]), built in `buffer`:
/// a name's words cost no allocation of their own.
fn for_each_name_stem(name: &str, buffer: &mut String, mut visit: impl FnMut(&str)) {
    for_each_name_word(name, |word| {
        buffer.clear();
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
        strip_plural(buffer);
        if buffer.len() >= 2 && !is_stop_word(buffer) {
            visit(buffer);
        }
    });
}

/// The plural stemmer: a final `s` goes when at least three letters stay and the word does
/// not end in `ss`. Crude ("status" -> "statu"), but the same on both sides of a comparison.
fn strip_plural(word: &mut String) {
    if word.len() >= 4 && word.ends_with('s') && !word.ends_with("ss") {
        word.pop();
    }
}

/// Calls `visit` with each word of `name` as written (empty words included; the caller
/// filters). Boundaries are ASCII positions, so each word is a slice of `name`.
fn for_each_name_word(name: &str, mut visit: impl FnMut(&str)) {
    let bytes = name.as_bytes();
    let mut start = 0;
    for (at, &c) in bytes.iter().enumerate() {
        if c == b'_' {
            visit(&name[start..at]);
            start = at + 1;
            continue;
        }
        let previous = at.checked_sub(1).and_then(|before| bytes.get(before));
        let next = bytes.get(at + 1);
        let starts_word = c.is_ascii_uppercase()
            && (previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
                || (previous.is_some_and(u8::is_ascii_uppercase)
                    && next.is_some_and(u8::is_ascii_lowercase)));
        if starts_word {
            visit(&name[start..at]);
            start = at;
        }
    }
    visit(&name[start..]);
}

/// Word stems, interned: evidence compares numbers, not strings, and each distinct name or
/// description is split once.
///
/// The maps hash with FxHash: the keys are our own strings, not an attacker's, and SipHash
/// was a tenth of the pass's time. Their order is insertion order whatever the hasher.
#[derive(Default)]
pub(super) struct Lexicon<'a> {
    ids: IndexMap<String, u32, FxBuildHasher>,
    pub(super) words: Vec<String>,
    names: IndexMap<&'a str, Vec<u32>, FxBuildHasher>,
    texts: IndexMap<&'a str, Vec<u32>, FxBuildHasher>,
}

impl<'a> Lexicon<'a> {
    /// The id of a word, a new one for a word not seen before.
    fn intern(&mut self, word: &str) -> u32 {
        match self.ids.get(word) {
            Some(&id) => id,
            None => {
                let id = self.words.len() as u32;
                self.words.push(word.to_owned());
                self.ids.insert(word.to_owned(), id);
                id
            }
        }
    }

    pub(super) fn name(&mut self, name: &'a str) -> &[u32] {
        // One hash lookup for a name seen before (the common case).
        let index = match self.names.get_index_of(name) {
            Some(index) => index,
            None => {
                let mut ids = Vec::new();
                for_each_name_stem(name, &mut String::new(), |stem| ids.push(self.intern(stem)));
                self.names.insert_full(name, ids).0
            }
        };
        self.names
            .get_index(index)
            .map_or(&[], |(_, ids)| ids.as_slice())
    }

    pub(super) fn text(&mut self, text: &'a str) -> &[u32] {
        let index = match self.texts.get_index_of(text) {
            Some(index) => index,
            None => {
                // The same words as `text_words`, without allocating for words seen before.
                let mut ids = Vec::new();
                let mut buffer = String::new();
                for token in text
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|token| token.len() >= 3)
                {
                    buffer.clear();
                    buffer.push_str(token);
                    buffer.make_ascii_lowercase();
                    strip_plural(&mut buffer);
                    if !is_stop_word(&buffer) {
                        ids.push(self.intern(&buffer));
                    }
                }
                self.texts.insert_full(text, ids).0
            }
        };
        self.texts
            .get_index(index)
            .map_or(&[], |(_, ids)| ids.as_slice())
    }

    pub(super) fn word(&self, id: u32) -> &str {
        self.words.get(id as usize).map_or("", String::as_str)
    }
}

/// Everything a block says about itself: field names, field types, field descriptions.
/// Sorted and without repeats (a set; a sorted Vec is far cheaper to build than a BTreeSet).
pub(super) fn block_words<'a>(ty: &'a TypeDef, lexicon: &mut Lexicon<'a>) -> Vec<u32> {
    let mut words = Vec::new();
    for field in &ty.fields {
        words.extend_from_slice(lexicon.name(&field.name));
        words.extend_from_slice(lexicon.name(field.ty.base_name()));
        if let Some(description) = &field.description {
            words.extend_from_slice(lexicon.text(description));
        }
    }
    if let Some(example) = &ty.example {
        for entry in &example.entries {
            words.extend_from_slice(lexicon.name(&entry.key));
        }
    }
    words.sort_unstable();
    words.dedup();
    words
}

#[cfg(test)]
mod tests {
    use super::name_words;

    #[track_caller]
    fn check(name: &str, expect: &[&str]) {
        assert_eq!(name_words(name), expect);
    }

    #[test]
    fn names_split_into_word_stems() {
        check("APIExceptionNoteType", &["api", "exception", "note"]);
        check("sizeInBytes", &["size", "in", "byte"]);
        check("s3Bucket", &["s3", "bucket"]);
        check("QuoteType_", &["quote"]);
        // The plural stemmer is crude ("status" -> "statu"), but the same on both sides.
        check(
            "DCAProceedingClosureStatus",
            &["dca", "proceeding", "closure", "statu"],
        );
    }
}
