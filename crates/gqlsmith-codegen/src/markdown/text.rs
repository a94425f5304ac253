//! Markdown text filters: text as literal text in paragraphs and table cells, inline code
//! spans, fenced blocks, page slugs, anchors, TOML strings and the file headers.
//!
//! GraphQL descriptions are printed as plain text, never interpreted as Markdown or HTML: a
//! description that holds `|`, `<script>`, backticks or `*` must neither break a table nor
//! inject markup, and a relative link in a description would point nowhere in the generated
//! site. CommonMark lets a backslash escape any ASCII punctuation
//! (<https://spec.commonmark.org/0.31.2/#backslash-escapes>), so every character that could
//! start markup is escaped.

use heck::ToKebabCase;

use crate::output::one_line;

/// Characters that can open or close inline markup or raw HTML, or a GFM table cell.
fn is_inline_special(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '!' | '#' | '$'
    )
}

/// A description as Markdown paragraphs that render to exactly its text: blank lines keep
/// separating paragraphs, single line breaks stay line breaks (a trailing `\`, CommonMark's
/// hard break).
pub(crate) fn markdown_text(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs = Vec::new();
    for paragraph in normalized.split("\n\n") {
        let lines: Vec<String> = paragraph
            .split('\n')
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(escape_line)
            .collect();
        if !lines.is_empty() {
            paragraphs.push(lines.join("\\\n"));
        }
    }
    paragraphs.join("\n\n")
}

/// Text for one GFM table cell: one line (line breaks become `<br>`), every special character
/// escaped, `|` included, so the row keeps its column count.
pub(crate) fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_cell(&mut out, text);
    out
}

/// [`markdown_cell`] appended to `out`.
pub(crate) fn push_cell(out: &mut String, text: &str) {
    let start = out.len();
    // `\r\n` and a lone `\r` are line breaks too.
    for line in text.split(['\n', '\r']).map(str::trim) {
        if line.is_empty() {
            continue;
        }
        if out.len() > start {
            out.push_str("<br>");
        }
        push_escaped_inline(out, line);
    }
}

/// An inline code span holding `text` exactly: the fence is one backtick longer than the
/// longest run inside, padded with spaces when the text starts or ends with a backtick.
pub(crate) fn markdown_code_span(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_code_span(&mut out, text);
    out
}

/// [`markdown_code_span`] appended to `out`.
pub(crate) fn push_code_span(out: &mut String, text: &str) {
    // Names and codes, nearly every span on a page, hold no backtick or line break and are
    // not blank: the text between two single backticks.
    let plain = !text
        .bytes()
        .any(|byte| matches!(byte, b'`' | b'\n' | b'\r'))
        && !text.trim().is_empty();
    if plain {
        out.reserve(text.len() + 2);
        out.push('`');
        out.push_str(text);
        out.push('`');
        return;
    }
    let single_line: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let fence = "`".repeat(longest_run(&single_line, '`') + 1);
    let pad =
        single_line.starts_with('`') || single_line.ends_with('`') || single_line.trim().is_empty();
    out.push_str(&fence);
    if pad {
        out.push(' ');
    }
    out.push_str(&single_line);
    if pad {
        out.push(' ');
    }
    out.push_str(&fence);
}

/// The pieces joined into one String, allocated once (links and anchors are built by the
/// ten thousand on a large site; `format!` costs several times more).
pub(crate) fn concat(pieces: &[&str]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|piece| piece.len()).sum());
    for piece in pieces {
        out.push_str(piece);
    }
    out
}

/// A fenced code block of `language` holding `text` exactly: the fence is longer than any
/// run of backticks in the text, so the text cannot close it.
pub(crate) fn markdown_fence(text: &str, language: &str) -> String {
    let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
    let body = text.replace("\r\n", "\n").replace('\r', "\n");
    format!(
        "{fence}{language}\n{}\n{fence}",
        body.trim_end_matches('\n')
    )
}

/// The file stem of a type's page: kebab case, never empty, never a name Windows reserves
/// (`con`, `nul`...). The caller de-duplicates stems, since two names can share one
/// (`FooBar`, `Foo_Bar`) and file systems may ignore case.
pub(crate) fn page_slug(graphql_name: &str) -> String {
    let kebab = graphql_name.to_kebab_case();
    let slug = if kebab.is_empty() {
        "type".to_owned()
    } else {
        kebab
    };
    const WINDOWS_RESERVED: &[&str] = &[
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
        "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    if WINDOWS_RESERVED.contains(&slug.as_str()) {
        format!("{slug}-type")
    } else {
        slug
    }
}

/// The HTML id of an item on a page: `field-apiType`, `value-ACTIVE`, `code-KT-CT-1234`.
/// GraphQL names are already valid ids; anything else (error codes come from free text) is
/// reduced to letters, digits, `-` and `_`, so the id needs no escaping in a URL fragment.
pub(crate) fn anchor(prefix: &str, name: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + 1 + name.len());
    out.push_str(prefix);
    out.push('-');
    for c in name.chars() {
        out.push(if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '-'
        });
    }
    out
}

/// Text as a TOML basic string, quotes included.
pub(crate) fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The first line of every generated Markdown page: an HTML comment, which Markdown
/// renderers do not show. `--` cannot appear inside a comment, so it is broken up.
pub(crate) fn markdown_header(input_label: &str) -> String {
    let label = one_line(input_label)
        .replace("--", "- -")
        .replace('>', "&gt;");
    format!("<!-- generated by gqlsmith from {label}, do not edit -->\n")
}

/// The first sentence of a description, for one-line summaries in lists: up to the first
/// `. ` or line break.
pub(crate) fn first_sentence(text: &str) -> String {
    let first_line = text.trim().lines().next().unwrap_or("");
    match first_line.find(". ") {
        Some(end) => first_line[..=end].to_owned(),
        None => first_line.to_owned(),
    }
}

fn longest_run(text: &str, wanted: char) -> usize {
    let mut longest = 0;
    let mut current = 0;
    for c in text.chars() {
        if c == wanted {
            current += 1;
            longest = longest.max(current);
        } else {
            current = 0;
        }
    }
    longest
}

/// One line of paragraph text: inline specials escaped, and a line start that would open a
/// block (a list item `- `, `+ `, `1. `, a setext underline `=`, a heading `#`, a quote `>`)
/// escaped too.
fn escape_line(line: &str) -> String {
    escape_block_start(&escape_inline(line))
}

/// Escaped inline text that starts a line, with what would open a block there escaped too
/// (a list item `- `, `+ `, `1. `, a setext underline `=`; `#`, `>` and `*` are escaped by
/// [`push_escaped_inline`] already).
pub(crate) fn escape_block_start(escaped: &str) -> String {
    let escaped = escaped.to_owned();
    if escaped.starts_with(['-', '+', '=']) {
        return format!("\\{escaped}");
    }
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &escaped[..digits], &escaped[digits..]);
    }
    escaped
}

fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped_inline(&mut out, text);
    out
}

/// [`escape_inline`] appended to `out`, without a String of its own (table cells are built
/// line by line into one); trailing whitespace is dropped.
pub(crate) fn push_escaped_inline(out: &mut String, text: &str) {
    let start = out.len();
    push_escaped(out, text);
    // A hard line break is two trailing spaces; a trailing backslash is escaped above.
    let trimmed = start + out[start..].trim_end().len();
    out.truncate(trimmed);
}

/// `text` appended to `out` with every character that could start markup escaped and
/// control characters as spaces; whitespace kept as it is.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    // Runs of ordinary characters are copied whole; only specials and controls are handled
    // one by one.
    let mut run_start = 0;
    for (index, c) in text.char_indices() {
        let special = is_inline_special(c);
        if special || (c.is_control() && c != '\t') {
            out.push_str(&text[run_start..index]);
            if special {
                out.push('\\');
                out.push(c);
            } else {
                out.push(' ');
            }
            run_start = index + c.len_utf8();
        }
    }
    out.push_str(&text[run_start..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    /// What a reader sees: the text of the rendered Markdown (`<br>` as a line break), and
    /// the markup it produced besides paragraphs, table structure and code spans.
    fn rendered(markdown: &str) -> (String, Vec<String>) {
        let mut text = String::new();
        let mut markup = Vec::new();
        for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
            match event {
                Event::Text(piece) | Event::Code(piece) => text.push_str(&piece),
                Event::InlineHtml(html) if html.as_ref() == "<br>" => text.push('\n'),
                Event::SoftBreak | Event::HardBreak => text.push('\n'),
                Event::Start(Tag::Paragraph) => {}
                Event::End(TagEnd::Paragraph) => text.push('\n'),
                Event::Start(Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell) => {}
                Event::End(TagEnd::Table | TagEnd::TableHead | TagEnd::TableRow) => {}
                Event::End(TagEnd::TableCell) => text.push('|'),
                other => markup.push(format!("{other:?}")),
            }
        }
        (text.trim_end().to_owned(), markup)
    }

    /// `markdown_text(input)` renders to `input`'s lines (paragraphs joined by one line
    /// break) and no other markup.
    #[track_caller]
    fn check_text(input: &str, expect_markdown: &str) {
        let markdown = markdown_text(input);
        assert_eq!(markdown, expect_markdown);
        let (text, markup) = rendered(&markdown);
        let expected_text: Vec<&str> = input
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect();
        assert_eq!(
            text,
            expected_text.join("\n"),
            "rendered text of {markdown:?}"
        );
        assert_eq!(markup, Vec::<String>::new(), "markup in {markdown:?}");
    }

    /// `markdown_cell(input)` in a two-column table stays in its cell and renders to `input`.
    #[track_caller]
    fn check_cell(input: &str, expect_markdown: &str) {
        let cell = markdown_cell(input);
        assert_eq!(cell, expect_markdown);
        let table = format!("| a | b |\n|---|---|\n| {cell} | end |\n");
        let (text, markup) = rendered(&table);
        let lines: Vec<&str> = input
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect();
        assert_eq!(
            text,
            format!("a|b|{}|end|", lines.join("\n")),
            "rendered text of {table:?}"
        );
        assert_eq!(markup, Vec::<String>::new(), "markup in {table:?}");
    }

    #[test]
    fn descriptions_render_as_their_own_text() {
        check_text("The user.", "The user.");
        check_text("Use `fullName` instead.", "Use \\`fullName\\` instead.");
        check_text("a *b* _c_ __d__", "a \\*b\\* \\_c\\_ \\_\\_d\\_\\_");
        check_text(
            "<script>alert(1)</script>",
            "\\<script\\>alert(1)\\</script\\>",
        );
        check_text("<!-- hidden -->", "\\<\\!-- hidden --\\>");
        check_text(
            "[a link](../x.md) and ![img](y.png)",
            "\\[a link\\](../x.md) and \\!\\[img\\](y.png)",
        );
        check_text("AT&amp;T &copy;", "AT\\&amp;T \\&copy;");
        check_text("One.\n\nTwo.", "One.\n\nTwo.");
        check_text("line one\nline two", "line one\\\nline two");
        check_text(
            "- not a list\n+ nor this\n1. nor this\n2) nor this",
            "\\- not a list\\\n\\+ nor this\\\n1\\. nor this\\\n2\\) nor this",
        );
        check_text(
            "# not a heading\n> nor a quote\n===",
            "\\# not a heading\\\n\\> nor a quote\\\n\\===",
        );
        check_text("    indented code", "indented code");
        check_text(
            "tilde ~~strike~~ and $math$",
            "tilde \\~\\~strike\\~\\~ and \\$math\\$",
        );
        check_text("ends with a backslash \\", "ends with a backslash \\\\");
        check_text("", "");
    }

    #[test]
    fn table_cells_keep_their_columns() {
        check_cell("a | b", "a \\| b");
        check_cell("`a|b`", "\\`a\\|b\\`");
        check_cell("multi\nline\r\n\r\ncell", "multi<br>line<br>cell");
        check_cell("<b>bold</b> *x*", "\\<b\\>bold\\</b\\> \\*x\\*");
        check_cell("snake_case_name", "snake\\_case\\_name");
        check_cell("", "");
    }

    #[test]
    fn code_spans_hold_any_text() {
        let check = |input: &str, expect: &str| {
            let span = markdown_code_span(input);
            assert_eq!(span, expect);
            let (text, markup) = rendered(&format!("a {span}"));
            assert_eq!(text, format!("a {}", input.replace('\n', " ")));
            assert!(markup.is_empty(), "{markup:?}");
        };
        check("[Foo!]!", "`[Foo!]!`");
        check("a`b", "``a`b``");
        check("`x`", "`` `x` ``");
        check("a|b", "`a|b`");
        check("KT-CT-1234", "`KT-CT-1234`");
    }

    #[test]
    fn fences_are_longer_than_their_contents() {
        assert_eq!(
            markdown_fence("{\n\"a\": 1\n}\n", "json"),
            "```json\n{\n\"a\": 1\n}\n```"
        );
        assert_eq!(
            markdown_fence("a\n````\nb", "text"),
            "`````text\na\n````\nb\n`````"
        );
    }

    #[test]
    fn slugs_and_anchors_are_safe() {
        let check = |name: &str, expect: &str| assert_eq!(page_slug(name), expect);
        check("APIBrownout", "api-brownout");
        check("Unnamed_L12", "unnamed-l12");
        check("__Type", "type");
        check("__", "type");
        check("Con", "con-type");
        check("PageInfo", "page-info");
        assert_eq!(anchor("field", "apiType"), "field-apiType");
        assert_eq!(anchor("code", "KT-CT-1234"), "code-KT-CT-1234");
        assert_eq!(anchor("code", "E 1/\"x\""), "code-E-1--x-");
    }

    #[test]
    fn toml_strings_and_headers() {
        assert_eq!(
            toml_string("Kraken \"API\" \\ docs\n"),
            "\"Kraken \\\"API\\\" \\\\ docs\\n\""
        );
        assert_eq!(toml_string("bell\u{7}"), "\"bell\\u0007\"");
        assert_eq!(
            markdown_header("a.graphql"),
            "<!-- generated by gqlsmith from a.graphql, do not edit -->\n"
        );
        assert_eq!(
            markdown_header("x-->y\nz"),
            "<!-- generated by gqlsmith from x- -&gt;y z, do not edit -->\n"
        );
        assert_eq!(
            crate::output::hash_header("a\nb"),
            "# generated by gqlsmith from a b, do not edit\n"
        );
    }

    #[test]
    fn first_sentences_summarise() {
        assert_eq!(
            first_sentence("Paginator of API brownouts."),
            "Paginator of API brownouts."
        );
        assert_eq!(first_sentence("One. Two. Three."), "One.");
        assert_eq!(first_sentence("  Line one\nline two"), "Line one");
    }
}
