//! Escaping filters: descriptions into Rust doc comments, text into Rust string literals.

/// A description as `///` lines, one per line of text, each ending in a newline; empty for no
/// description.
///
/// Doc comments are markdown that rustdoc also *compiles*: a fenced block without a language
/// (or an indented block) would become a doctest that fails. So every fence, with backticks
/// or tildes, at any depth of blockquotes, gets the `text` language, indentation of four or
/// more columns outside fences is cut to three, and carriage returns (not allowed bare in
/// doc comments), other control characters and the bidirectional-text controls (which
/// rustc's `text_direction_codepoint_in_comment` lint rejects) are written as `\u{..}` text
/// or turned into line breaks.
pub(crate) fn rust_doc(description: &str) -> String {
    let normalized = description.replace("\r\n", "\n").replace('\r', "\n");
    let trimmed = normalized.trim_matches('\n');
    if trimmed.trim().is_empty() {
        return String::new();
    }
    let mut out = String::new();
    // The fence that is open: its character and length (CommonMark: a closing fence has the
    // same character and at least the same length).
    let mut open_fence: Option<(char, usize)> = None;
    for line in trimmed.split('\n') {
        let line = line.trim_end();
        let (container, content) = split_blockquote(line);
        let fence = fence_of(content);
        let line = match (open_fence, fence) {
            (None, Some((fence_char, length, _))) => {
                open_fence = Some((fence_char, length));
                // Whatever language the description names, rustdoc must not run it.
                format!("{container}{}text", fence_char.to_string().repeat(length))
            }
            (Some((open_char, open_length)), Some((fence_char, length, info)))
                if fence_char == open_char && length >= open_length && info.is_empty() =>
            {
                open_fence = None;
                line.to_owned()
            }
            (None, None) if indentation_width(content) >= 4 => {
                format!("{container}   {}", content.trim_start())
            }
            _ => line.to_owned(),
        };
        out.push_str("///");
        if !line.is_empty() {
            out.push(' ');
            push_escaped(&mut out, &line);
        }
        out.push('\n');
    }
    if let Some((fence_char, length)) = open_fence {
        // An unclosed fence would swallow the rest of the doc comment.
        out.push_str(&format!("/// {}\n", fence_char.to_string().repeat(length)));
    }
    out
}

/// `line` split after its blockquote markers (`> > `), which a fence may follow.
fn split_blockquote(line: &str) -> (&str, &str) {
    let mut rest = line;
    let mut end = 0;
    loop {
        let trimmed = rest.trim_start_matches([' ', '\t']);
        let Some(after) = trimmed.strip_prefix('>') else {
            break;
        };
        let after = after.strip_prefix(' ').unwrap_or(after);
        end = line.len() - after.len();
        rest = after;
    }
    (&line[..end], &line[end..])
}

/// The fence a line opens or closes, if it is one: its character, its length, and the
/// info string after it. Up to three spaces may precede a fence (CommonMark).
fn fence_of(content: &str) -> Option<(char, usize, &str)> {
    let trimmed = content.trim_start_matches(' ');
    if content.len() - trimmed.len() > 3 && !content.starts_with('\t') {
        return None;
    }
    let trimmed = trimmed.trim_start();
    let fence_char = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let length = trimmed.chars().take_while(|c| *c == fence_char).count();
    if length < 3 {
        return None;
    }
    let info = trimmed[length..].trim();
    // A backtick fence's info string never holds a backtick (that is inline code).
    if fence_char == '`' && info.contains('`') {
        return None;
    }
    Some((fence_char, length, info))
}

/// Text as a Rust string literal, quotes included: `a "b"` -> `"a \"b\""`.
pub(crate) fn rust_string(text: &str) -> String {
    format!("{text:?}")
}

/// Text of several lines as one Rust string literal that keeps its line breaks, so that it
/// reads like the text: each line escaped as [`rust_string`] escapes it (quotes, backslashes,
/// control characters and, as rustc's `text_direction_codepoint_in_literal` lint requires,
/// the bidirectional-text controls), the lines joined by real newlines.
///
/// The literal goes through what every generated Rust file goes through, so no line of it
/// may look like something that is changed or read there: a line break before an empty line
/// is written `\n` (files lose runs of blank lines), a space that ends a line `\x20` (and
/// trailing spaces), and a `;` that ends a line `\u{3b}` (`include_schema!` nests generated
/// files by finding lines such as `mod objects;`).
pub(crate) fn rust_multiline_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8 + 2);
    out.push('"');
    let lines: Vec<&str> = text.split('\n').collect();
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            out.push_str(if line.is_empty() { "\\n" } else { "\n" });
        }
        // Most lines are printable ASCII without quotes or backslashes: as they are.
        let plain = line
            .bytes()
            .all(|byte| (b' '..=b'~').contains(&byte) && byte != b'"' && byte != b'\\');
        let quoted;
        let escaped = if plain {
            std::borrow::Cow::Borrowed(*line)
        } else {
            quoted = format!("{line:?}");
            escape_bidi(&quoted[1..quoted.len() - 1])
        };
        if let Some(rest) = escaped.strip_suffix(';') {
            out.push_str(rest);
            out.push_str("\\u{3b}");
        } else if let Some(rest) = escaped.strip_suffix(' ') {
            out.push_str(rest);
            out.push_str("\\x20");
        } else {
            out.push_str(&escaped);
        }
    }
    out.push('"');
    out
}

/// `text` with the bidirectional-text controls written as `\u{..}` escapes (`Debug` leaves
/// some of them as they are).
fn escape_bidi(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_bidi_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_bidi_control(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn indentation_width(line: &str) -> usize {
    line.chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// The characters rustc's `text_direction_codepoint_in_comment` lint denies.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn push_escaped(out: &mut String, line: &str) {
    for c in line.chars() {
        if c == '\t' {
            // rustfmt would keep a tab, but a doc comment's tab is only ever indentation.
            out.push_str("    ");
        } else if c.is_control() || is_bidi_control(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(description: &str, expect: &str) {
        assert_eq!(rust_doc(description), expect);
    }

    #[test]
    fn descriptions_become_line_comments() {
        check("", "");
        check("  \n ", "");
        check("The user.", "/// The user.\n");
        check("One.\n\nTwo.", "/// One.\n///\n/// Two.\n");
        check("Windows\r\nline\rends", "/// Windows\n/// line\n/// ends\n");
        check(
            "closes */ and \"\"\" and \\ stay",
            "/// closes */ and \"\"\" and \\ stay\n",
        );
        check("naïve café 😀", "/// naïve café 😀\n");
        check("bell\u{7} here", "/// bell\\u{7} here\n");
    }

    #[test]
    fn code_blocks_never_become_doctests() {
        check(
            "```\nquery { a }\n```",
            "/// ```text\n/// query { a }\n/// ```\n",
        );
        check(
            "```graphql\nquery\n```",
            "/// ```text\n/// query\n/// ```\n",
        );
        check(
            "```\nnever closed",
            "/// ```text\n/// never closed\n/// ```\n",
        );
        check(
            "Intro:\n\n    indented code",
            "/// Intro:\n///\n///    indented code\n",
        );
        check("\tTabbed", "///    Tabbed\n");
        check("~~~\nquery\n~~~", "/// ~~~text\n/// query\n/// ~~~\n");
        check(
            "> ```rust\n> fn main() {}\n> ```",
            "/// > ```text\n/// > fn main() {}\n/// > ```\n",
        );
        check(
            "````md\n```\ninner\n```\n````",
            "/// ````text\n/// ```\n/// inner\n/// ```\n/// ````\n",
        );
        check("`` ```not a fence `` ok", "/// `` ```not a fence `` ok\n");
    }

    #[test]
    fn bidirectional_controls_are_escaped() {
        check("abc\u{202E}def", "/// abc\\u{202e}def\n");
        check("\u{2066}x\u{2069}", "/// \\u{2066}x\\u{2069}\n");
    }

    #[test]
    fn multiline_strings_keep_their_lines() {
        assert_eq!(rust_multiline_string("a\nb"), "\"a\nb\"");
        assert_eq!(
            rust_multiline_string("a\n\n\nb \n"),
            "\"a\\n\\n\nb\\x20\\n\""
        );
        assert_eq!(
            rust_multiline_string("type Q {\n  \"x\" \\ \t\n}"),
            "\"type Q {\n  \\\"x\\\" \\\\ \\t\n}\""
        );
        assert_eq!(
            rust_multiline_string("abc\u{202E}d\u{2066}"),
            "\"abc\\u{202e}d\\u{2066}\""
        );
        assert_eq!(
            rust_multiline_string("  mod objects;\nx; y"),
            "\"  mod objects\\u{3b}\nx; y\""
        );
    }

    #[test]
    fn strings_are_rust_literals() {
        assert_eq!(rust_string("plain"), "\"plain\"");
        assert_eq!(rust_string("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
    }
}
