//! Descriptions as Markdown, safely. GraphQL descriptions are CommonMark by the spec
//! (<https://spec.graphql.org/October2021/#sec-Descriptions>), and real schemas use it
//! (GitHub's: backticks and links). pulldown-cmark parses the description; from its events we
//! write Markdown again, keeping only what is safe in a generated site: paragraphs, line
//! breaks, inline code, emphasis, lists, fenced code, and links to `http`/`https` URLs.
//! Everything else is written as its own source text, escaped: raw HTML, images, links with
//! any other scheme or none (a relative link would point nowhere in the generated site), and
//! headings (which would become sidebar entries) are printed as bold paragraphs.
//!
//! The output is block Markdown with `\n` between lines; a template that nests it in a list
//! item indents it (Tera's `indent` filter).

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::text::{escape_block_start, markdown_fence, push_code_span, push_escaped};

/// `text` (a GraphQL description) as safe Markdown; see the module documentation.
pub(crate) fn description_markdown(text: &str) -> String {
    let text = text.trim_end();
    if is_plain(text) || is_plain_with_code_spans(text) {
        // Most descriptions are one plain sentence, already their own Markdown: no parse.
        return text.to_owned();
    }
    parsed_markdown(text)
}

/// One line like [`is_plain`]'s whose only markup is code spans of single backticks, each
/// holding text that neither starts nor ends with a space, with plain text between them (the
/// site's own notes and evidence: "the field `x` shows `Y`"): [`parsed_markdown`] would
/// return it unchanged, every span written back as it was.
fn is_plain_with_code_spans(text: &str) -> bool {
    let pieces: Vec<&str> = text.split('`').collect();
    // An even number of backticks, so every span is closed; between two spans some text, or
    // the two backticks would be one double-backtick fence.
    pieces.len() >= 3
        && pieces.len() % 2 == 1
        && text.starts_with(char::is_alphabetic)
        && pieces.iter().enumerate().all(|(index, piece)| {
            if index % 2 == 1 {
                !piece.is_empty()
                    && !piece.starts_with(' ')
                    && !piece.ends_with(' ')
                    && !piece.contains(char::is_control)
            } else {
                (index == pieces.len() - 1 || !piece.is_empty()) && !has_markup(piece)
            }
        })
}

/// One line that starts with a letter and holds nothing Markdown could read as markup (the
/// characters [`push_escaped`] escapes, and no line break): [`parsed_markdown`] would return
/// it unchanged.
fn is_plain(text: &str) -> bool {
    text.starts_with(char::is_alphabetic) && !has_markup(text)
}

/// A character Markdown could read as markup (those [`push_escaped`] escapes), or a control
/// character (a line break among them).
fn has_markup(text: &str) -> bool {
    text.contains(|c: char| {
        c.is_control()
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '!' | '#' | '$'
            )
    })
}

/// [`description_markdown`] through pulldown-cmark's events.
fn parsed_markdown(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut writer = Writer::default();
    let mut skip_depth = 0usize;
    for (event, range) in Parser::new_ext(&normalized, Options::empty()).into_offset_iter() {
        if skip_depth > 0 {
            match event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                if is_web_url(&dest_url) && link_type != LinkType::Email {
                    writer.text_start();
                    writer.out.push('[');
                    writer.links.push(web_url(&dest_url));
                } else {
                    writer.literal(&normalized[range]);
                    skip_depth = 1;
                }
            }
            Event::End(TagEnd::Link) => {
                let url = writer.links.pop().unwrap_or_default();
                writer.out.push_str("](");
                writer.out.push_str(&url);
                writer.out.push(')');
            }
            Event::Start(Tag::Image { .. }) => {
                writer.literal(&normalized[range]);
                skip_depth = 1;
            }
            Event::Start(Tag::Paragraph) => writer.block_start(),
            Event::Start(Tag::Heading { .. }) => {
                writer.block_start();
                writer.out.push_str("**");
            }
            Event::End(TagEnd::Heading(_)) => writer.out.push_str("**"),
            Event::Start(Tag::List(first)) => {
                writer.block_start();
                writer.lists.push(first);
                writer.items_in_list.push(0);
            }
            Event::End(TagEnd::List(_)) => {
                writer.lists.pop();
                writer.items_in_list.pop();
            }
            Event::Start(Tag::Item) => writer.item_start(),
            Event::End(TagEnd::Item) => {
                writer.indents.pop();
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                writer.block_start();
                writer.code_block = Some((
                    match kind {
                        CodeBlockKind::Fenced(language) => safe_language(&language),
                        CodeBlockKind::Indented => String::new(),
                    },
                    String::new(),
                ));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((language, body)) = writer.code_block.take() {
                    let fence = markdown_fence(&body, &language);
                    writer.push_lines(&fence);
                }
            }
            Event::Start(Tag::Emphasis) => {
                writer.text_start();
                writer.out.push('*');
            }
            Event::End(TagEnd::Emphasis) => writer.out.push('*'),
            Event::Start(Tag::Strong) => {
                writer.text_start();
                writer.out.push_str("**");
            }
            Event::End(TagEnd::Strong) => writer.out.push_str("**"),
            Event::Text(piece) => match writer.code_block.as_mut() {
                Some((_, body)) => body.push_str(&piece),
                None => writer.text(&piece),
            },
            Event::Code(code) => {
                writer.text_start();
                push_code_span(&mut writer.out, &code);
            }
            Event::Start(Tag::HtmlBlock) => {
                writer.block_start();
                writer.html_lines = Some(0);
            }
            Event::End(TagEnd::HtmlBlock) => writer.html_lines = None,
            Event::Html(html) => {
                // One event per line of the block, each shown as its text on a line of its own.
                if writer.html_lines.is_some_and(|lines| lines > 0) {
                    writer.out.push('\\');
                    writer.newline();
                }
                writer.html_lines = writer.html_lines.map(|lines| lines + 1);
                writer.literal(&html);
            }
            Event::InlineHtml(html) => writer.literal(&html),
            Event::Rule => {
                writer.block_start();
                // Every character escaped: `\---` would still be a dash pair to mdBook's
                // smart punctuation.
                for c in normalized[range].trim().chars() {
                    if c.is_ascii_punctuation() {
                        writer.out.push('\\');
                    }
                    writer.out.push(c);
                }
                writer.at_line_start = false;
            }
            Event::SoftBreak => writer.newline(),
            Event::HardBreak => {
                writer.out.push('\\');
                writer.newline();
            }
            // Block quotes keep their paragraphs; the other events need options we do not
            // enable (tables, footnotes, task lists, math).
            _ => {}
        }
    }
    let trimmed = writer.out.trim_end().len();
    writer.out.truncate(trimmed);
    writer.out
}

#[derive(Default)]
struct Writer {
    out: String,
    /// The indent of each open list item: continuation lines start with all of them.
    indents: Vec<&'static str>,
    /// Open lists: `Some(first number)` for an ordered one.
    lists: Vec<Option<u64>>,
    items_in_list: Vec<u64>,
    /// URLs of the open links.
    links: Vec<String>,
    /// Lines written so far of the open HTML block, if one is open.
    html_lines: Option<usize>,
    /// An open code block: its language and body.
    code_block: Option<(String, String)>,
    /// Nothing written on the current line yet (after its indent).
    at_line_start: bool,
}

impl Writer {
    /// A new line at the current indent.
    fn newline(&mut self) {
        self.out.push('\n');
        for indent in &self.indents {
            self.out.push_str(indent);
        }
        self.at_line_start = true;
    }

    /// Before a block: a blank line, unless the block opens a list item (the marker is already
    /// written) or the description.
    fn block_start(&mut self) {
        if self.out.is_empty() || (self.at_line_start && !self.out.ends_with('\n')) {
            self.at_line_start = true;
            return;
        }
        if self.indents.is_empty() {
            self.out.push('\n');
        }
        self.newline();
    }

    fn item_start(&mut self) {
        let number = self.items_in_list.last().copied().unwrap_or(0);
        if let Some(count) = self.items_in_list.last_mut() {
            *count += 1;
        }
        if number > 0 {
            self.newline();
        }
        match self.lists.last().copied().flatten() {
            Some(first) => {
                self.out.push_str(&format!("{}. ", first + number));
                self.indents.push("   ");
            }
            None => {
                self.out.push_str("- ");
                self.indents.push("  ");
            }
        }
        self.at_line_start = true;
    }

    /// Before inline content: nothing to do but note that the line has started.
    fn text_start(&mut self) {
        self.at_line_start = false;
    }

    /// Plain text, escaped; at the start of a line also what would open a block.
    fn text(&mut self, text: &str) {
        let text = if self.at_line_start {
            text.trim_start()
        } else {
            text
        };
        if text.is_empty() {
            return;
        }
        let start = self.out.len();
        push_escaped(&mut self.out, text);
        if self.at_line_start {
            let escaped = escape_block_start(&self.out[start..]);
            self.out.truncate(start);
            self.out.push_str(&escaped);
        }
        self.at_line_start = false;
    }

    /// Source text shown as it is written: every line escaped, line breaks kept.
    fn literal(&mut self, source: &str) {
        let mut lines = source.trim_end_matches('\n').split('\n').peekable();
        while let Some(line) = lines.next() {
            self.text(line);
            if lines.peek().is_some() {
                self.out.push('\\');
                self.newline();
            }
        }
    }

    /// Pre-formatted lines (a fence), each at the current indent.
    fn push_lines(&mut self, lines: &str) {
        let mut first = true;
        for line in lines.split('\n') {
            if !first {
                self.newline();
            }
            self.out.push_str(line);
            first = false;
        }
        self.at_line_start = false;
    }
}

fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && lower.len() > 8
}

/// A URL as a link destination that cannot end the link early or hold markup: spaces,
/// parentheses, angle brackets, quotes, backslashes and controls are percent-encoded.
fn web_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            ' ' | '(' | ')' | '<' | '>' | '"' | '\'' | '\\' | '`' | '[' | ']' => {
                out.push_str(&format!("%{:02X}", c as u32));
            }
            c if c.is_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A fence's info string reduced to a language name (letters, digits, `+`, `-`, `_`).
fn safe_language(info: &str) -> String {
    info.split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '_'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::html::push_html;

    /// The HTML a CommonMark renderer makes of `description_markdown(input)`, with the options
    /// mdBook enables.
    fn html_of(input: &str) -> String {
        let markdown = description_markdown(input);
        let mut html = String::new();
        push_html(
            &mut html,
            Parser::new_ext(
                &markdown,
                Options::ENABLE_TABLES
                    | Options::ENABLE_STRIKETHROUGH
                    | Options::ENABLE_SMART_PUNCTUATION
                    | Options::ENABLE_DEFINITION_LIST
                    | Options::ENABLE_HEADING_ATTRIBUTES,
            ),
        );
        html.trim_end().to_owned()
    }

    #[track_caller]
    fn check(input: &str, expect_markdown: &str, expect_html: &str) {
        assert_eq!(description_markdown(input), expect_markdown, "markdown");
        assert_eq!(html_of(input), expect_html, "html");
    }

    #[test]
    fn inline_code_emphasis_and_web_links_render() {
        check(
            "Use `fullName` *instead*, **now**.",
            "Use `fullName` *instead*, **now**.",
            "<p>Use <code>fullName</code> <em>instead</em>, <strong>now</strong>.</p>",
        );
        check(
            "See [the docs](<https://docs.github.com/x (y)>) and <https://example.com>.",
            "See [the docs](https://docs.github.com/x%20%28y%29) and [https://example.com](https://example.com).",
            "<p>See <a href=\"https://docs.github.com/x%20%28y%29\">the docs</a> and <a href=\"https://example.com\">https://example.com</a>.</p>",
        );
        check("a `|` pipe", "a `|` pipe", "<p>a <code>|</code> pipe</p>");
    }

    #[test]
    fn html_and_other_links_stay_text() {
        check(
            "<script>alert(1)</script> <b>x</b>",
            "\\<script\\>alert(1)\\</script\\> \\<b\\>x\\</b\\>",
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;x&lt;/b&gt;</p>",
        );
        check(
            "<div onclick=\"x\">\nblock\n</div>",
            "\\<div onclick=\"x\"\\>\\\nblock\\\n\\</div\\>",
            "<p>&lt;div onclick=“x”&gt;<br />\nblock<br />\n&lt;/div&gt;</p>",
        );
        check(
            "[rel](../x.md) [js](javascript:alert(1)) ![img](https://x/y.png) <mailto:a@b.c>",
            "\\[rel\\](../x.md) \\[js\\](javascript:alert(1)) \\!\\[img\\](https://x/y.png) \\<mailto:a@b.c\\>",
            "<p>[rel](../x.md) [js](javascript:alert(1)) ![img](https://x/y.png) &lt;mailto:a@b.c&gt;</p>",
        );
        check(
            "[*x*](https://a.b/)",
            "[*x*](https://a.b/)",
            "<p><a href=\"https://a.b/\"><em>x</em></a></p>",
        );
    }

    #[test]
    fn blocks_keep_their_shape_without_headings() {
        check("One.\n\nTwo.", "One.\n\nTwo.", "<p>One.</p>\n<p>Two.</p>");
        check(
            "line one\nline two",
            "line one\nline two",
            "<p>line one\nline two</p>",
        );
        check(
            "# Title\nText",
            "**Title**\n\nText",
            "<p><strong>Title</strong></p>\n<p>Text</p>",
        );
        check(
            "Kinds:\n- `a`: one\n- b\n\n1. x\n2. y",
            "Kinds:\n\n- `a`: one\n- b\n\n1. x\n2. y",
            "<p>Kinds:</p>\n<ul>\n<li><code>a</code>: one</li>\n<li>b</li>\n</ul>\n<ol>\n<li>x</li>\n<li>y</li>\n</ol>",
        );
        check(
            "```graphql\nquery { a }\n```",
            "```graphql\nquery { a }\n```",
            "<pre><code class=\"language-graphql\">query { a }\n</code></pre>",
        );
        check(
            "a\n\n---\n\nb",
            "a\n\n\\-\\-\\-\n\nb",
            "<p>a</p>\n<p>---</p>\n<p>b</p>",
        );
        check("", "", "");
    }

    #[test]
    fn plain_text_skips_the_parser_with_the_same_result() {
        for plain in [
            "The user.",
            "Deprecated: use the field instead. Removal on 2024-01-01 (UTC), or later; 50% off?",
            "Émile's \"quoted\" text - with a dash + a plus = sum",
        ] {
            assert!(is_plain(plain), "{plain}");
            assert_eq!(parsed_markdown(plain), plain);
            assert_eq!(description_markdown(plain), plain);
        }
        for not_plain in ["- a list", "1. one", " indented", "a\nb", "a `code`", "x_y"] {
            assert!(!is_plain(not_plain), "{not_plain}");
        }
    }

    #[test]
    fn code_spans_in_plain_text_skip_the_parser_with_the_same_result() {
        for spans in [
            "a `code`",
            "Field `x` of `Y` shows the quoted value `REFERRAL`; see `a|b<c>&d*e_f`.",
            "ends with `x`",
        ] {
            assert!(is_plain_with_code_spans(spans), "{spans}");
            assert_eq!(parsed_markdown(spans), spans);
            assert_eq!(description_markdown(spans), spans);
        }
        // Left to the parser: an unclosed span, a double-backtick fence, spans that touch,
        // padded or empty spans, a span first, markup outside the spans.
        for not_spans in [
            "a `b",
            "a ``b`` c",
            "a `x``y` b",
            "a ` x` b",
            "a `` b",
            "`x` first",
            "a `x` *b*",
            "a `x`\nb `y`",
        ] {
            assert!(!is_plain_with_code_spans(not_spans), "{not_spans}");
        }
    }

    /// Every line of the Kraken page and of GitHub's schema (descriptions with code spans,
    /// links and markup among them) gives the same Markdown with and without the shortcuts.
    #[test]
    fn the_shortcuts_agree_with_the_parser_on_real_text() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");
        let mut shortcuts = 0;
        for file in ["kraken/objects.txt", "schemas/github.valid.graphql"] {
            let path = format!("{fixtures}/{file}");
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|error| panic!("cannot read {path}: {error}"));
            for line in text.lines() {
                let line = line.trim().trim_matches('"').trim();
                let expected = parsed_markdown(line.trim_end());
                assert_eq!(description_markdown(line), expected, "{line:?}");
                shortcuts += usize::from(is_plain_with_code_spans(line.trim_end()));
            }
        }
        assert!(shortcuts > 100, "only {shortcuts} lines with code spans");
    }

    #[test]
    fn escapes_hold_inside_list_items() {
        assert_eq!(
            description_markdown("- <b>x</b>\n  - `y`\n  second *line*"),
            "- \\<b\\>x\\</b\\>\n  - `y`\n    second *line*"
        );
    }
}
