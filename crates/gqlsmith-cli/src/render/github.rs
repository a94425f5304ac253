//! GitHub workflow commands (`::error file=..,line=..,col=..,title=..::message`), which GitHub
//! shows as annotations on the pull request's changed lines.

use gqlsmith_model::{Diagnostic, Severity};

pub(crate) fn github_annotations(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut properties = Vec::new();
        if let Some(location) = &diagnostic.location {
            properties.push(format!("file={}", escape_property(&location.file)));
            properties.push(format!("line={}", location.line));
            properties.push(format!("col={}", location.column));
        }
        properties.push(format!(
            "title={}",
            escape_property(&format!("{} {}", diagnostic.code, diagnostic.name))
        ));
        let mut message = diagnostic.message.clone();
        if let Some(help) = &diagnostic.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            properties.join(","),
            escape_data(&message)
        ));
    }
    out
}

/// Escaping as GitHub's toolkit does for a command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for a property value, which also must not contain `:` or `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use gqlsmith_model::{Diagnostic, Location};

    use super::github_annotations;

    #[test]
    fn annotations_escape_what_github_would_misread() {
        let diagnostic =
            Diagnostic::warning("D101", "row-without-terminator", "50% of a row,\nsplit")
                .at(Location::new("a,b:c.txt".into(), 3, 7))
                .with_help("end the row with `|`");
        assert_eq!(
            github_annotations(&[diagnostic]),
            "::warning file=a%2Cb%3Ac.txt,line=3,col=7,title=D101 row-without-terminator::50%25 of a row,%0Asplit%0Ahelp: end the row with `|`\n"
        );
    }
}
