//! Escaping filters: descriptions into Rust doc comments, text into Rust string literals.

/// A description as `///` lines, one per line of text, each ending in a newline; empty for no
/// description.
///
/// Doc comments are markdown that rustdoc also *compiles*: a fenced block without a language
/// (or an indented block) would become a doctest that fails. So fences get the `text`
/// language, indentation of four or more columns outside fences is cut to three, and carriage
/// returns (not allowed bare in doc comments) and other control characters are written as
/// `\u{..}` text or turned into line breaks.
pub(crate) fn rust_doc(description: &str) -> String {
    let normalized = description.replace("\r\n", "\n").replace('\r', "\n");
    let trimmed = normalized.trim_matches('\n');
    if trimmed.trim().is_empty() {
        return String::new();
    }
    let mut out = String::new();
    let mut in_fence = false;
    for line in trimmed.split('\n') {
        let line = line.trim_end();
        let content = line.trim_start();
        let line = if content.starts_with("```") {
            let opening = !in_fence;
            in_fence = !in_fence;
            if opening {
                // Whatever language the description names, rustdoc must not run it.
                "```text".to_owned()
            } else {
                "```".to_owned()
            }
        } else if !in_fence && indentation_width(line) >= 4 {
            format!("   {content}")
        } else {
            line.to_owned()
        };
        out.push_str("///");
        if !line.is_empty() {
            out.push(' ');
            push_without_control_characters(&mut out, &line);
        }
        out.push('\n');
    }
    if in_fence {
        // An unclosed fence would swallow the rest of the doc comment.
        out.push_str("/// ```\n");
    }
    out
}

/// Text as a Rust string literal, quotes included: `a "b"` -> `"a \"b\""`.
pub(crate) fn rust_string(text: &str) -> String {
    format!("{text:?}")
}

fn indentation_width(line: &str) -> usize {
    line.chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

fn push_without_control_characters(out: &mut String, line: &str) {
    for c in line.chars() {
        if c.is_control() && c != '\t' {
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
    }

    #[test]
    fn strings_are_rust_literals() {
        assert_eq!(rust_string("plain"), "\"plain\"");
        assert_eq!(rust_string("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
    }
}
