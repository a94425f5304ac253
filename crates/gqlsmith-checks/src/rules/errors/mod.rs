//! Rules for Kraken's error-code convention: the "The possible errors that can be raised are:"
//! lists, the codes in them, and the `possibleErrors` field.

pub(crate) mod error_code_format;
pub(crate) mod error_code_message_conflict;
pub(crate) mod error_code_repeated;
pub(crate) mod error_list_in_description;
pub(crate) mod error_list_malformed;
pub(crate) mod error_list_without_possible_errors;
pub(crate) mod possible_errors_without_list;
pub(crate) mod unknown_error_code;
pub(crate) mod unused_error_code;

/// The sentence that opens an error-code list on a Kraken docs page.
pub(crate) const LIST_HEADER: &str = "The possible errors that can be raised are:";

/// True when `text` contains [`LIST_HEADER`]. Every description of a schema is searched, so
/// this uses a SIMD substring finder rather than `str::contains`.
pub(crate) fn contains_list_header(text: &str) -> bool {
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(LIST_HEADER));
    text.len() >= LIST_HEADER.len() && FINDER.find(text.as_bytes()).is_some()
}

/// The field a Kraken payload type exposes its raised errors on.
pub(crate) const POSSIBLE_ERRORS_FIELD: &str = "possibleErrors";
