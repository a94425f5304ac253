//! GitHub workflow commands (`::error file=..,line=..,col=..,endLine=..,endColumn=..,title=..::
//! message`), which GitHub shows as annotations on the pull request's changed lines, and the
//! Markdown job summary (`$GITHUB_STEP_SUMMARY`) shown on the run's page.

use std::fmt::Write as _;
use std::io::Write as _;

use gqlsmith_model::{Diagnostic, Severity};

/// The most findings listed in a job summary's table: GitHub takes at most 1 MiB per step,
/// and nobody reads thousands of rows; the counts above the table cover the rest.
const SUMMARY_ROWS: usize = 100;

/// One annotation per diagnostic.
pub(crate) fn github_annotations(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(annotation).collect()
}

/// One workflow command for `diagnostic`, newline included.
pub(super) fn annotation(diagnostic: &Diagnostic) -> String {
    let command = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let mut properties = Vec::new();
    if let Some(location) = &diagnostic.location {
        properties.push(format!("file={}", escape_property(&location.file)));
        properties.push(format!("line={}", location.line));
        properties.push(format!("endLine={}", location.line));
        properties.push(format!("col={}", location.column));
        // GitHub's columns are inclusive: the last character the finding covers.
        properties.push(format!(
            "endColumn={}",
            location.column + diagnostic.length.max(1) - 1
        ));
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
    format!(
        "::{command} {}::{}\n",
        properties.join(","),
        escape_data(&message)
    )
}

/// An error that stopped the run before it had diagnostics (an input that cannot be read, a
/// bad configuration), at line 1 of `blamed`, the file it is about.
pub(crate) fn github_input_error(message: &str, blamed: &std::path::Path) -> String {
    annotation(&Diagnostic::error("CLI001", "input-error", message).at(
        gqlsmith_model::Location::new(blamed.display().to_string().into(), 1, 1),
    ))
}

/// A job summary of diagnostics: counts by severity, then a table of the first
/// [`SUMMARY_ROWS`], most severe first.
pub(crate) fn summary_markdown(title: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = format!("## {title}\n\n");
    if diagnostics.is_empty() {
        out.push_str("No findings.\n");
        return out;
    }
    let count = |severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let _ = writeln!(
        out,
        "{} errors, {} warnings, {} notes.\n",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note)
    );
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    // Stable: within a severity, the order the run reported them in.
    sorted.sort_by_key(|diagnostic| std::cmp::Reverse(diagnostic.severity));
    out.push_str("| Level | Rule | Where | Message |\n|---|---|---|---|\n");
    for diagnostic in sorted.iter().take(SUMMARY_ROWS) {
        let place = diagnostic.location.as_ref().map_or_else(String::new, |at| {
            format!("`{}:{}:{}`", at.file, at.line, at.column)
        });
        let _ = writeln!(
            out,
            "| {} | `{}` {} | {} | {} |",
            diagnostic.severity,
            diagnostic.code,
            diagnostic.name,
            table_cell(&place),
            table_cell(&diagnostic.message)
        );
    }
    if sorted.len() > SUMMARY_ROWS {
        let _ = writeln!(
            out,
            "\n{} more not listed; run `gqlsmith` with `--format human` or `json` to see them all.",
            sorted.len() - SUMMARY_ROWS
        );
    }
    out
}

/// Appends `markdown` to the job summary file GitHub names in `$GITHUB_STEP_SUMMARY`, when it
/// is set (GitHub expects each step to append, so earlier steps' summaries stay). A summary
/// that cannot be written is a warning, not a failure: the annotations already carry the
/// findings.
pub(crate) fn append_step_summary(markdown: &str) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|path| !path.is_empty()) else {
        return;
    };
    let written = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .and_then(|mut file| writeln!(file, "{markdown}"));
    if let Err(error) = written {
        eprintln!(
            "warning: cannot append the job summary to `{}` ($GITHUB_STEP_SUMMARY): {error}",
            std::path::Path::new(&path).display()
        );
    }
}

/// Markdown table cell text: a `|` would end the cell and a newline the row.
fn table_cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// Escaping as GitHub's toolkit does for a command's message.
pub(super) fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for a property value, which also must not contain `:` or `,`.
pub(super) fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use gqlsmith_model::{Diagnostic, Location};

    use super::{github_annotations, summary_markdown};

    #[test]
    fn annotations_escape_what_github_would_misread() {
        let diagnostic =
            Diagnostic::warning("D101", "row-without-terminator", "50% of a row,\nsplit")
                .at(Location::new("a,b:c.txt".into(), 3, 7))
                .with_length(4)
                .with_help("end the row with `|`");
        assert_eq!(
            github_annotations(&[diagnostic]),
            "::warning file=a%2Cb%3Ac.txt,line=3,endLine=3,col=7,endColumn=10,title=D101 row-without-terminator::50%25 of a row,%0Asplit%0Ahelp: end the row with `|`\n"
        );
    }

    #[test]
    fn summary_cells_cannot_break_the_table() {
        let diagnostic =
            Diagnostic::error("X1", "x", "a | b\nc").at(Location::new("f".into(), 1, 2));
        let summary = summary_markdown("gqlsmith check", &[diagnostic]);
        assert!(
            summary.ends_with("| error | `X1` x | `f:1:2` | a \\| b c |\n"),
            "{summary}"
        );
    }
}
