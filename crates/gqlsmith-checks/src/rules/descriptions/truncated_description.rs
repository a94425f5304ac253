//! `truncated-description`: descriptions cut off mid-sentence.

use crate::context::{is_docs_page, width, Context};
use crate::registry::declare_rule;
use crate::rules::errors::contains_list_header;
use crate::rules::{defined_types, members};

declare_rule! {
    /// ## What it does
    /// Reports descriptions that stop mid-sentence: ending in a word that cannot end a sentence ("the", "and", ...; on docs pages also "of", "to", "with", "format", ...) or in a colon with nothing after it.
    ///
    /// ## Why is this bad?
    /// Reference-docs pages drop what they cannot render (a code span, a list, a link), and
    /// what is left ends in "Refer to the" or "in the format". The reader of the schema loses
    /// exactly the part that mattered; the source needs rewording so the page keeps it.
    ///
    /// ## Example
    /// ```text
    /// disablesRequestsTo(NonEmptyString) | For GraphQL APIs this will be a field identifier in the format |
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// disablesRequestsTo(NonEmptyString) | For GraphQL APIs this is a field identifier such as `Query.account`. |
    /// ```
    ///
    /// ## Options
    /// None. Descriptions holding an error-code list header are left to
    /// `error-list-in-description`. A trailing preposition ("expires at") counts only on
    /// docs input, where it is what remains of a dropped code span; in SDL it is English.
    ///
    /// ## References
    /// - [GraphQL spec: Descriptions](https://spec.graphql.org/October2021/#sec-Descriptions)
    pub(crate) struct TruncatedDescription {
        code: "DS002",
        name: "truncated-description",
        severity: Warning,
        family: Descriptions,
        profile: None,
    }
}

/// Words no sentence ends with: articles, conjunctions, possessives, "e.g.".
const NEVER_FINAL: &[&str] = &[
    "a", "an", "the", "and", "or", "its", "their", "these", "e.g", "i.e",
];

/// Prepositions and the like end English sentences often enough ("the time access expires
/// at", "content in markdown format"), but on a docs page they are what is left when the page
/// drops a code span ("Together with `x`"), so they count on docs input only.
const FINAL_ON_DOCS_PAGES: &[&str] = &[
    "of", "is", "are", "that", "format", "to", "in", "on", "at", "by", "for", "with", "from",
    "into", "as", "see",
];

/// The last word when `description` looks cut short, or `:` for a dangling colon.
pub(crate) fn truncation(description: &str, docs_page: bool) -> Option<String> {
    let text = description.trim_end();
    let last = if text.ends_with(':') {
        ":"
    } else {
        let last = text.rsplit(char::is_whitespace).next().unwrap_or(text);
        // A word glued to punctuation ("the.", "(see") ends or opens something on purpose.
        let glued = !last.chars().all(|c| c.is_alphabetic() || c == '.')
            || (last.ends_with('.') && last != "e.g." && last != "i.e.");
        let word = last.trim_end_matches('.');
        let listed = |words: &[&str]| words.iter().any(|listed| listed.eq_ignore_ascii_case(word));
        if glued || !(listed(NEVER_FINAL) || (docs_page && listed(FINAL_ON_DOCS_PAGES))) {
            return None;
        }
        last
    };
    // Checked last: the substring search is the costly part, and few descriptions get here.
    (!text.is_empty() && !contains_list_header(text)).then(|| last.to_owned())
}

impl TruncatedDescription {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        let docs_page = is_docs_page(schema);
        for ty in defined_types(schema) {
            let Some(last) = ty
                .description
                .as_deref()
                .and_then(|text| truncation(text, docs_page))
            else {
                continue;
            };
            cx.report(
                ty.name.clone(),
                ty.provenance.location.as_ref(),
                width(&ty.name),
                format!("the description of `{}` stops at \"{last}\"", ty.name),
                "finish the sentence; if the source has more, find what the page dropped (a code span, a list, a link)",
            );
        }
        for member in members(schema) {
            let Some(last) = member
                .description()
                .and_then(|text| truncation(text, docs_page))
            else {
                continue;
            };
            let coordinate = member.coordinate();
            cx.report(
                coordinate.clone(),
                member.location(),
                width(member.name()),
                format!("the description of {} `{coordinate}` stops at \"{last}\"", member.noun()),
                "finish the sentence; if the source has more, find what the page dropped (a code span, a list, a link)",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::truncation;

    #[track_caller]
    fn check(description: &str, expect: Option<&str>) {
        assert_eq!(
            truncation(description, true).as_deref(),
            expect,
            "{description}"
        );
    }

    #[track_caller]
    fn check_sdl(description: &str, expect: Option<&str>) {
        assert_eq!(
            truncation(description, false).as_deref(),
            expect,
            "{description}"
        );
    }

    #[test]
    fn dangling_endings() {
        check(
            "Gross amount including tax (when payable). Refer to the",
            Some("the"),
        );
        check(
            "For GraphQL APIs this will be a field identifier in the format",
            Some("format"),
        );
        check("A list of codes. One of:", Some(":"));
        check("A cursor for use in pagination", None);
        check("The name of the thing.", None);
        check("Filter, e.g.", Some("e.g."));
        check(
            "The order details. The possible errors that can be raised are:",
            None,
        );
        check("Reads `the`", None);
        check("", None);
        check("Together with", Some("with"));
    }

    #[test]
    fn prepositions_end_sentences_in_sdl() {
        check_sdl("The time that repository access expires at", None);
        check_sdl("The ID of the owner to add the domain to", None);
        check_sdl(
            "Gross amount including tax (when payable). Refer to the",
            Some("the"),
        );
        check_sdl("Agreement content in markdown format", None);
    }
}
