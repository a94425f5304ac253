//! What a build script tells cargo: `cargo:rerun-if-changed=` lines, capped `cargo:warning=`
//! lines, and the text of errors.

use std::path::PathBuf;

use gqlsmith::model::Diagnostic;

/// The cargo lines for one run: a `rerun-if-changed` per file read, then up to `max_warnings`
/// warnings and one line counting the others.
pub(crate) fn report_lines(
    files_read: &[PathBuf],
    warnings: &[Diagnostic],
    max_warnings: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = files_read
        .iter()
        .map(|path| format!("cargo:rerun-if-changed={}", path.display()))
        .collect();
    for warning in warnings.iter().take(max_warnings) {
        lines.push(format!("cargo:warning={}", one_line(&warning.to_string())));
    }
    let hidden = warnings.len().saturating_sub(max_warnings);
    if hidden > 0 {
        lines.push(format!(
            "cargo:warning=gqlsmith: {hidden} more warning{} not shown; raise Builder::max_warnings to see them",
            if hidden == 1 { "" } else { "s" }
        ));
    }
    lines
}

/// One diagnostic as the text of an error: `file:line:column: error[CODE]: message`, then
/// its secondary locations and its help, each on an indented line.
pub(crate) fn render_diagnostic(diagnostic: &Diagnostic) -> String {
    let mut text = format!("{diagnostic}\n");
    for label in &diagnostic.labels {
        text.push_str(&format!(
            "  = note: {}: {}\n",
            label.location, label.message
        ));
    }
    if let Some(help) = &diagnostic.help {
        text.push_str(&format!("  = help: {help}\n"));
    }
    text
}

/// Cargo reads one directive per line: a newline inside a message would end it.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use gqlsmith::model::Location;

    fn warning(line: u32) -> Diagnostic {
        Diagnostic::warning("D105", "some-warning", format!("odd row\nhere {line}"))
            .at(Location::new("page.txt".into(), line, 3))
    }

    #[track_caller]
    fn check(files: &[&str], warnings: u32, max_warnings: usize, expect: &[&str]) {
        let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
        let warnings: Vec<Diagnostic> = (1..=warnings).map(warning).collect();
        assert_eq!(report_lines(&files, &warnings, max_warnings), expect);
    }

    #[test]
    fn every_file_read_is_watched() {
        check(&[], 0, 10, &[]);
        check(
            &["/a/objects.txt", "/a/gqlsmith.toml"],
            0,
            10,
            &[
                "cargo:rerun-if-changed=/a/objects.txt",
                "cargo:rerun-if-changed=/a/gqlsmith.toml",
            ],
        );
    }

    #[test]
    fn warnings_are_capped_and_counted() {
        check(
            &[],
            1,
            10,
            &["cargo:warning=page.txt:1:3: warning[D105]: odd row here 1"],
        );
        check(
            &["/x.graphql"],
            4,
            2,
            &[
                "cargo:rerun-if-changed=/x.graphql",
                "cargo:warning=page.txt:1:3: warning[D105]: odd row here 1",
                "cargo:warning=page.txt:2:3: warning[D105]: odd row here 2",
                "cargo:warning=gqlsmith: 2 more warnings not shown; raise Builder::max_warnings to see them",
            ],
        );
        check(&[], 1, 0, &["cargo:warning=gqlsmith: 1 more warning not shown; raise Builder::max_warnings to see them"]);
    }

    #[test]
    fn errors_show_place_notes_and_help() {
        let diagnostic = Diagnostic::error("S201", "duplicate-type", "type `A` is defined twice")
            .at(Location::new("schema.graphql".into(), 4, 6))
            .with_label(
                Location::new("schema.graphql".into(), 1, 6),
                "first defined here",
            )
            .with_help("remove one definition");
        assert_eq!(
            render_diagnostic(&diagnostic),
            "schema.graphql:4:6: error[S201]: type `A` is defined twice\n  = note: schema.graphql:1:6: first defined here\n  = help: remove one definition\n"
        );
    }
}
