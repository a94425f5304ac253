//! What the reader learns from the prose of a row: the deprecation notice, a replacement the
//! prose names, and whether the text was cut off mid-sentence by the scrape.

use crate::shapes::is_graphql_name;

/// The word SpectaQL puts before a deprecation reason, glued to the end of the description.
const DEPRECATED_MARKER: &str = "Deprecated ";

/// Where the deprecation notice starts in `text`: the byte offset of `Deprecated` when it is a
/// word of its own (at the start, after a space or at the start of a continuation line) followed by the reason, which starts with
/// a capital letter (`Deprecated The 'x' field is deprecated.`). `isDeprecated` and
/// "Deprecated fields" in lower-case prose are not notices.
pub(crate) fn deprecation_offset(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut search_from = 0;
    // Candidates are the `D`s (a byte scan): cheaper than a substring search per description,
    // and most descriptions have no `D` at all.
    while let Some(found) = bytes.get(search_from..)?.iter().position(|&b| b == b'D') {
        let offset = search_from + found;
        if !bytes[offset..].starts_with(DEPRECATED_MARKER.as_bytes()) {
            search_from = offset + 1;
            continue;
        }
        let word_start = offset == 0
            || text
                .as_bytes()
                .get(offset - 1)
                .is_some_and(u8::is_ascii_whitespace);
        let reason_start = text.as_bytes().get(offset + DEPRECATED_MARKER.len());
        if word_start && reason_start.is_some_and(u8::is_ascii_uppercase) {
            return Some(offset);
        }
        search_from = offset + DEPRECATED_MARKER.len();
    }
    None
}

/// Splits a description into the text before the deprecation notice and the reason after the
/// marker: `"Old. Deprecated The 'x' field is deprecated."` gives
/// `("Old.", Some("The 'x' field is deprecated."))`.
pub(crate) fn split_deprecation(text: &str) -> (&str, Option<&str>) {
    match deprecation_offset(text) {
        Some(offset) => {
            let reason = text[offset + DEPRECATED_MARKER.len()..].trim();
            (text[..offset].trim_end(), Some(reason))
        }
        None => (text, None),
    }
}

/// The field a Kraken-style reason names: `The 'ledgerId' field is deprecated.` gives
/// `ledgerId`.
pub(crate) fn field_named_by_reason(reason: &str) -> Option<&str> {
    let rest = reason.strip_prefix("The '")?;
    let quote = rest.find('\'')?;
    let name = &rest[..quote];
    rest[quote..]
        .starts_with("' field is deprecated")
        .then_some(name)
}

/// What the prose before a deprecation notice says to use instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Replacement<'a> {
    /// The prose names no replacement.
    None,
    /// Exactly one field: "We recommend you use fullName instead of this field.", "This field
    /// is deprecated use 'attachments' field instead."
    One(&'a str),
    /// Several alternatives ("use preferredName or fullName instead"): the page does not say
    /// which one replaces the field, so none is recorded.
    Several(Vec<&'a str>),
}

/// Finds "use X instead" in `text` (case-insensitive on `use` and `instead`), where X is one
/// field name, optionally quoted and followed by the word `field`, or names joined by `or`.
/// Anything else between `use` and `instead` ("use the other fields on this type instead") is
/// not a replacement.
pub(crate) fn replacement(text: &str) -> Replacement<'_> {
    let lower = text.to_ascii_lowercase();
    let Some(instead) = lower.find(" instead") else {
        return Replacement::None;
    };
    let Some(use_at) = lower[..instead].rfind("use ") else {
        return Replacement::None;
    };
    if use_at > 0
        && lower
            .as_bytes()
            .get(use_at - 1)
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        return Replacement::None; // "because", "reuse"
    }
    let named = &text[use_at + 4..instead];
    let named = named.strip_suffix(" field").unwrap_or(named);
    let mut names = Vec::new();
    for part in named.split(" or ") {
        let part = part
            .trim()
            .trim_matches(|c| c == '\'' || c == '`' || c == '"');
        if !is_graphql_name(part) {
            return Replacement::None;
        }
        names.push(part);
    }
    match names.as_slice() {
        [] => Replacement::None,
        [one] => Replacement::One(one),
        _ => Replacement::Several(names),
    }
}

/// Words that cannot end an English sentence: articles, conjunctions, most prepositions and
/// auxiliaries. A description cell that ends in one lost its end in the scrape (SpectaQL drops
/// inline code and links, and the rest of their paragraph with them: "Note that `x` ..."
/// becomes "Note that"). Prepositions that often end a sentence ("on", "in", "at", "for",
/// "about", "up") are left out on purpose: "the property that the supply point is on" is
/// complete. This catches most losses, not all: "in the format" and "The interface supports"
/// end in a noun and a verb and are not reported.
const CANNOT_END_A_SENTENCE: [&str; 34] = [
    "a", "an", "the", "and", "or", "nor", "but", "if", "when", "whether", "that", "than", "as",
    "of", "to", "with", "between", "from", "by", "into", "via", "e.g.", "i.e.", "is", "are", "was",
    "were", "be", "must", "will", "can", "should", "would", "such",
];

/// The last word of `text` when it cannot end a sentence, with its byte offset: the sign of a
/// description cut off mid-sentence.
pub(crate) fn dangling_last_word(text: &str) -> Option<(usize, &str)> {
    let trimmed = text.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(index, c)| index + c.len_utf8());
    let word = &trimmed[start..];
    let bare = word.trim_end_matches(',');
    CANNOT_END_A_SENTENCE
        .iter()
        .any(|candidate| candidate.eq_ignore_ascii_case(bare))
        .then_some((start, word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expect: &str) {
        let (before, reason) = split_deprecation(text);
        let mut found = vec![format!("text={before:?}")];
        if let Some(reason) = reason {
            found.push(format!("reason={reason:?}"));
            if let Some(name) = field_named_by_reason(reason) {
                found.push(format!("names={name}"));
            }
        }
        match replacement(before) {
            Replacement::None => {}
            Replacement::One(name) => found.push(format!("replacement={name}")),
            Replacement::Several(names) => found.push(format!("alternatives={}", names.join(","))),
        }
        if let Some((_, word)) = dangling_last_word(before) {
            found.push(format!("dangling={word}"));
        }
        assert_eq!(found.join(" "), expect, "text: {text:?}");
    }

    #[test]
    fn reads_deprecation_notices() {
        check(
            "Field with the possible errors. Deprecated The 'possibleErrors' field is deprecated.",
            r#"text="Field with the possible errors." reason="The 'possibleErrors' field is deprecated." names=possibleErrors"#,
        );
        check(
            "Deprecated The 'ledgerId' field is deprecated.",
            r#"text="" reason="The 'ledgerId' field is deprecated." names=ledgerId"#,
        );
        check(
            "Whether the charge reason is deprecated.",
            r#"text="Whether the charge reason is deprecated.""#,
        );
        check("isDeprecated flag", r#"text="isDeprecated flag""#);
        check(
            "Deprecated fields are listed.",
            r#"text="Deprecated fields are listed.""#,
        );
        check(
            "Use x. Deprecated Since 2024.",
            r#"text="Use x." reason="Since 2024.""#,
        );
        check(
            "Account number. The possible errors that can be raised are:\nDeprecated The 'linkedAccountNumber' field is deprecated.",
            r#"text="Account number. The possible errors that can be raised are:" reason="The 'linkedAccountNumber' field is deprecated." names=linkedAccountNumber"#,
        );
    }

    #[test]
    fn finds_replacements_named_in_prose() {
        check(
            "We recommend you use fullName instead of this field. Deprecated The 'displayName' field is deprecated.",
            r#"text="We recommend you use fullName instead of this field." reason="The 'displayName' field is deprecated." names=displayName replacement=fullName"#,
        );
        check(
            "This field is deprecated use 'attachments' field instead.",
            r#"text="This field is deprecated use 'attachments' field instead." replacement=attachments"#,
        );
        check(
            "We recommend you use preferredName or fullName instead of this field.",
            r#"text="We recommend you use preferredName or fullName instead of this field." alternatives=preferredName,fullName"#,
        );
        check(
            "Avoid parsing; use the other fields on this type instead.",
            r#"text="Avoid parsing; use the other fields on this type instead.""#,
        );
        check(
            "Is instead marked for attention.",
            r#"text="Is instead marked for attention.""#,
        );
        check("Because instead of x.", r#"text="Because instead of x.""#);
        check("Reuse it instead.", r#"text="Reuse it instead.""#);
    }

    #[test]
    fn notices_descriptions_cut_mid_sentence() {
        check("The", r#"text="The" dangling=The"#);
        check(
            "Gross amount including tax (when payable). Refer to the",
            r#"text="Gross amount including tax (when payable). Refer to the" dangling=the"#,
        );
        check(
            "Stored in the new format. Note that",
            r#"text="Stored in the new format. Note that" dangling=that"#,
        );
        check(
            "ISO code of the country this address belongs\nto, e.g.",
            r#"text="ISO code of the country this address belongs\nto, e.g." dangling=e.g."#,
        );
        check("Together with", r#"text="Together with" dangling=with"#);
        check(
            "include all ledgers' transactions if",
            r#"text="include all ledgers' transactions if" dangling=if"#,
        );
        check(
            "Type of property that the supply point is on",
            r#"text="Type of property that the supply point is on""#,
        );
        check(
            "A cursor for use in pagination",
            r#"text="A cursor for use in pagination""#,
        );
        check("The balance.", r#"text="The balance.""#);
        check("", r#"text="""#);
        // FIXME: cut off after a noun or a verb; the word list cannot tell these from
        // complete sentences, so they are not reported.
        check(
            "For GraphQL APIs this will be a field identifier in the format",
            r#"text="For GraphQL APIs this will be a field identifier in the format""#,
        );
        check(
            "Starts from today. The interface supports",
            r#"text="Starts from today. The interface supports""#,
        );
    }
}
