//! Recognisers for the shapes a line of a scraped reference-docs page can take. Each looks at
//! one line only, allocates nothing and never panics.

/// The line that follows a type's description and opens its field table.
pub(crate) const FIELDS_HEADING: &str = "Fields";
/// The line that opens a type's example.
pub(crate) const EXAMPLE_HEADING: &str = "Example";
/// The first line of a field table.
pub(crate) const TABLE_HEADER: &str = "| Name | Description |";
/// The second line of a field table.
pub(crate) const TABLE_RULE: &str = "|---|---|";
/// The sentence that opens a list of error codes.
pub(crate) const ERROR_LIST_INTRO: &str = "The possible errors that can be raised are:";
/// The word that ends a row's description when argument descriptions follow.
pub(crate) const ARGUMENTS_MARKER: &str = "Arguments";

/// Section titles a SpectaQL page starts with. Only the first line of a page is compared with
/// these: the title is the page header, not a type.
const SECTION_TITLES: [&str; 11] = [
    "Queries",
    "Mutations",
    "Subscriptions",
    "Objects",
    "Interfaces",
    "Unions",
    "Enums",
    "Inputs",
    "Scalars",
    "Directives",
    "Types",
];

pub(crate) fn is_section_title(line: &str) -> bool {
    SECTION_TITLES.contains(&line.trim())
}

/// True for a valid GraphQL name: `/[_A-Za-z][_0-9A-Za-z]*/`.
pub(crate) fn is_graphql_name(text: &str) -> bool {
    let mut bytes = text.bytes();
    matches!(bytes.next(), Some(b) if b == b'_' || b.is_ascii_alphabetic())
        && bytes.all(|b| b == b'_' || b.is_ascii_alphanumeric())
}

/// The head of a field row: `name(TypeRef)` and what follows it on the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RowHead<'a> {
    pub(crate) name: &'a str,
    /// The text between the parentheses, as written (not yet parsed).
    pub(crate) type_text: &'a str,
    /// Byte offset of `type_text` in the line.
    pub(crate) type_offset: usize,
    /// The description cell: the text after `name(TypeRef) |`, with a trailing `|` removed,
    /// trimmed. Empty when the row has no description.
    pub(crate) cell: &'a str,
    /// Byte offset of `cell` in the line (meaningful when `cell` is not empty).
    pub(crate) cell_offset: usize,
    /// True when the line ends in `|`: the row is complete on this line.
    pub(crate) terminated: bool,
}

/// Recognises `name(TypeRef) | description |`, `name(TypeRef) |` and `name(TypeRef) | text`
/// (a row whose description continues on the next lines). The type text is returned as
/// written; the caller parses it and reports it when unreadable.
pub(crate) fn row_head(line: &str) -> Option<RowHead<'_>> {
    // Scan the name's bytes only: most lines are not rows and fail at their first space.
    let open = line
        .bytes()
        .position(|b| !(b == b'_' || b.is_ascii_alphanumeric()))?;
    if line.as_bytes().get(open) != Some(&b'(') {
        return None;
    }
    let name = &line[..open];
    if !is_graphql_name(name) {
        return None;
    }
    let close = open + 1 + line[open + 1..].find(')')?;
    let type_text = &line[open + 1..close];
    let rest = &line[close + 1..];
    let (cell, cell_offset, terminated) = if rest.trim().is_empty() {
        // `name(Type)` alone: no cell, the description (if any) follows on the next lines.
        ("", close + 1, false)
    } else if rest.trim() == "|" {
        ("", close + 1, true)
    } else {
        let after_bar = rest.trim_start().strip_prefix('|')?;
        let cell_start = line.len() - after_bar.len();
        let (cell, terminated) = strip_terminator(after_bar);
        let leading = cell.len() - cell.trim_start().len();
        (cell.trim(), cell_start + leading, terminated)
    };
    Some(RowHead {
        name,
        type_text,
        type_offset: open + 1,
        cell,
        cell_offset,
        terminated,
    })
}

/// Splits a trailing `|` (the end of a table row) off `text`: returns the text before it and
/// whether it was there.
pub(crate) fn strip_terminator(text: &str) -> (&str, bool) {
    let trimmed = text.trim_end();
    match trimmed.strip_suffix('|') {
        Some(before) => (before.trim_end(), true),
        None => (trimmed, false),
    }
}

/// Splits a trailing `Arguments` marker off a row's description text: `"The balance.
/// Arguments"` gives `("The balance.", true)`. The marker must be a whole word at the end of
/// the line; `Arguments passed.` is prose.
pub(crate) fn strip_arguments_marker(text: &str) -> (&str, bool) {
    match text.strip_suffix(ARGUMENTS_MARKER) {
        Some(before) if before.is_empty() || before.ends_with(' ') => (before.trim_end(), true),
        _ => (text, false),
    }
}

/// One entry of an error list: `- KT-CT-1234: message`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ErrorLine<'a> {
    pub(crate) code: &'a str,
    pub(crate) message: &'a str,
}

/// Recognises `- CODE: message` where CODE is upper-case letters and digits in two or more
/// dash-separated parts, the last of them digits (`KT-CT-1234`, `KT-GB-9310`).
pub(crate) fn error_line(line: &str) -> Option<ErrorLine<'_>> {
    let rest = line.strip_prefix("- ")?;
    let colon = rest.find(':')?;
    let code = &rest[..colon];
    let mut parts = code.split('-');
    let last = parts.next_back()?;
    let mut leading_parts = 0;
    for part in parts {
        if part.is_empty()
            || !part
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            return None;
        }
        leading_parts += 1;
    }
    if leading_parts == 0 || last.is_empty() || !last.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(ErrorLine {
        code,
        message: rest[colon + 1..].trim(),
    })
}

/// `"key": value` inside an example, the value as written with its trailing comma removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EntryLine<'a> {
    pub(crate) key: &'a str,
    pub(crate) value: &'a str,
}

pub(crate) fn entry_line(line: &str) -> Option<EntryLine<'_>> {
    let rest = line.trim_start().strip_prefix('"')?;
    let quote = rest.find('"')?;
    let key = &rest[..quote];
    let value = rest[quote + 1..].strip_prefix(':')?.trim();
    let value = value.strip_suffix(',').unwrap_or(value).trim_end();
    if key.is_empty() || value.is_empty() {
        return None;
    }
    Some(EntryLine { key, value })
}

/// Counts the characters of `line` before byte `offset`, as a 1-based column. Offsets that
/// are past the end or inside a character are clamped, so this never panics.
pub(crate) fn column_at(line: &str, offset: usize) -> u32 {
    let offset = offset.min(line.len());
    let characters = line
        .char_indices()
        .take_while(|(index, _)| *index < offset)
        .count();
    u32::try_from(characters)
        .unwrap_or(u32::MAX - 1)
        .saturating_add(1)
}

/// The number of characters in `text`, at least 1 (a diagnostic underlines something).
pub(crate) fn char_length(text: &str) -> u32 {
    u32::try_from(text.chars().count())
        .unwrap_or(u32::MAX)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(line: &str, expect: &str) {
        let mut found = Vec::new();
        if let Some(head) = row_head(line) {
            found.push(format!(
                "row name={} type={} cell={:?} terminated={}",
                head.name, head.type_text, head.cell, head.terminated
            ));
        }
        if let Some(error) = error_line(line) {
            found.push(format!(
                "error code={} message={:?}",
                error.code, error.message
            ));
        }
        if let Some(entry) = entry_line(line) {
            found.push(format!("entry key={} value={}", entry.key, entry.value));
        }
        let (_, marker) = strip_arguments_marker(line);
        if marker {
            found.push("arguments-marker".to_owned());
        }
        if found.is_empty() {
            found.push("other".to_owned());
        }
        assert_eq!(found.join("; "), expect, "line: {line:?}");
    }

    #[test]
    fn recognises_line_shapes() {
        check(
            "id(ID!) | |",
            r#"row name=id type=ID! cell="" terminated=true"#,
        );
        check(
            "id(ID!) |",
            r#"row name=id type=ID! cell="" terminated=true"#,
        );
        check(
            "users([AccountUserType!]!) |",
            r#"row name=users type=[AccountUserType!]! cell="" terminated=true"#,
        );
        check(
            "cursor(String!) | A cursor |",
            r#"row name=cursor type=String! cell="A cursor" terminated=true"#,
        );
        check(
            "country(String) | ISO code of the",
            r#"row name=country type=String cell="ISO code of the" terminated=false"#,
        );
        check(
            "balance(Int!) | The current account balance. Arguments",
            r#"row name=balance type=Int! cell="The current account balance. Arguments" terminated=false; arguments-marker"#,
        );
        check(
            "node(Foo)",
            r#"row name=node type=Foo cell="" terminated=false"#,
        );
        check("node(Foo) is a field", "other");
        check("9lives(Int) | x |", "other");
        check("sum(Amount", "other");
        check(
            "- KT-CT-1234: Unauthorized.",
            r#"error code=KT-CT-1234 message="Unauthorized.""#,
        );
        check(
            "- KT-GB-9310: Account ineligible.",
            r#"error code=KT-GB-9310 message="Account ineligible.""#,
        );
        check("- Deprecated The 'x' field is deprecated. |", "other");
        check("- kt-ct-1: lower", "other");
        check("- KT-CT-: no digits", "other");
        check("- 1234: no prefix", "other");
        check(r#""id": "abc123","#, r#"entry key=id value="abc123""#);
        check(r#""edges": [Edge]"#, "entry key=edges value=[Edge]");
        check(
            r#""data": {"key": "value"},"#,
            r#"entry key=data value={"key": "value"}"#,
        );
        check(
            r#""v": "a" | 1 | 1.0 | true | ["a"] | AccountType,"#,
            r#"entry key=v value="a" | 1 | 1.0 | true | ["a"] | AccountType"#,
        );
        check(r#""broken" 1"#, "other");
        check(r#""": 1"#, "other");
        check("Arguments", "arguments-marker");
        check("Arguments passed. |", "other");
        check("NoArguments", "other");
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(column_at("}Name", 1), 2);
        assert_eq!(column_at("’x", "’".len()), 2);
        assert_eq!(
            column_at("’x", 1),
            2,
            "an offset inside a character is clamped"
        );
        assert_eq!(column_at("ab", 99), 3);
    }
}
