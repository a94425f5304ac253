//! Where results go: exit codes, diagnostics on stderr, and output files written atomically.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use gqlsmith::Project;
use gqlsmith_model::{Diagnostic, Severity};

use crate::render::{render_human, HumanStyle, SourceMap};

/// The exit codes every command shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exit {
    /// Nothing at or above the failing level.
    Success = 0,
    /// Error-level findings, breaking changes, or stale files.
    Findings = 1,
    /// Bad usage or unreadable input.
    Usage = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Prints diagnostics to stderr: errors in full, warnings and notes in full only with
/// `--verbose` (a count of the hidden ones otherwise); and status lines ("generated 3
/// files"), which `--quiet` silences together with that count.
pub(crate) struct Reporter {
    style: HumanStyle,
    verbose: bool,
    quiet: bool,
}

impl Reporter {
    pub(crate) fn new(color: ColorChoice, verbose: bool, quiet: bool) -> Reporter {
        let coloured = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            // `NO_COLOR` (any value) and `TERM=dumb` mean no escape codes, as most tools read
            // them.
            ColorChoice::Auto => {
                std::io::stderr().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none()
                    && std::env::var("TERM").map_or(true, |term| term != "dumb")
            }
        };
        Reporter {
            style: if coloured {
                HumanStyle::Coloured
            } else {
                HumanStyle::Plain
            },
            verbose,
            quiet,
        }
    }

    /// A line on stderr that says what happened, unless `--quiet`.
    pub(crate) fn status(&self, message: &str) {
        if !self.quiet {
            eprintln!("{message}");
        }
    }

    pub(crate) fn style(&self) -> HumanStyle {
        self.style
    }

    /// Shows `diagnostics` of `project` on stderr.
    pub(crate) fn show(&self, project: &Project, diagnostics: &[Diagnostic]) {
        self.show_all(project, diagnostics, self.verbose);
    }

    /// Shows `diagnostics` of `project` and its client `documents` on stderr.
    pub(crate) fn show_with_documents(
        &self,
        project: &Project,
        documents: &[gqlsmith::DocumentFile],
        diagnostics: &[Diagnostic],
    ) {
        self.render(
            &sources_with_documents(project, documents),
            diagnostics,
            self.verbose,
        );
    }

    /// Shows every diagnostic in full, whatever `--verbose` says.
    pub(crate) fn show_all(&self, project: &Project, diagnostics: &[Diagnostic], everything: bool) {
        self.render(&sources(project), diagnostics, everything);
    }

    fn render(&self, sources: &SourceMap, diagnostics: &[Diagnostic], everything: bool) {
        let (shown, hidden): (Vec<Diagnostic>, Vec<Diagnostic>) = diagnostics
            .iter()
            .cloned()
            .partition(|d| everything || d.severity == Severity::Error);
        let mut stderr = std::io::stderr().lock();
        if !shown.is_empty() {
            let _ = stderr.write_all(render_human(&shown, sources, self.style).as_bytes());
        }
        if !hidden.is_empty() && !self.quiet {
            let _ = writeln!(
                stderr,
                "{} warnings and notes not shown; run with --verbose, or `gqlsmith inspect`, to see them",
                hidden.len()
            );
        }
    }
}

/// The texts of a project's inputs, for source snippets.
pub(crate) fn sources(project: &Project) -> SourceMap {
    sources_with_documents(project, &[])
}

/// The texts of a project's inputs and of client documents, for source snippets.
pub(crate) fn sources_with_documents(
    project: &Project,
    documents: &[gqlsmith::DocumentFile],
) -> SourceMap {
    let mut map = SourceMap::default();
    for input in &project.inputs {
        map.add(input.label.clone(), input.text.clone());
    }
    for document in documents {
        map.add(document.label.clone(), document.text.clone());
    }
    map
}

/// Reader diagnostics that mean the input is not of its format at all (a syntax error, a
/// file that is not JSON or not an introspection result): "unreadable input", exit 2. Other
/// error-level reader findings (a field defined twice, an unknown type) leave a model that
/// can be shown, and exit 1.
const UNREADABLE: &[&str] = &[
    "syntax-error",
    "parser-limit",
    "invalid-json",
    "not-introspection",
    // A name that is not a GraphQL name, a name listed twice where the spec forbids it, or a
    // default that is not a literal: the input is forged or corrupt, and nothing in it can
    // be trusted to print into code.
    "invalid-name",
    "duplicate-name",
    "invalid-default-value",
    "type-nested-too-deep",
    "no-type-blocks",
    // Operations asked for against a schema that cannot run them (a docs page has no roots).
    "no-query-root",
];

/// Diagnostics as `Display` lines, one each: the error text of a command that stops on a
/// config, template or allow-list problem.
pub(crate) fn diagnostic_lines(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The exit code for a set of findings.
pub(crate) fn exit_for(diagnostics: &[Diagnostic]) -> Exit {
    let errors = || diagnostics.iter().filter(|d| d.is_error());
    if errors().any(|d| UNREADABLE.contains(&d.name.as_str())) {
        Exit::Usage
    } else if errors().next().is_some() {
        Exit::Findings
    } else {
        Exit::Success
    }
}

/// Writes a file the user named (`-o FILE`, a baseline) with the facade's writer: atomic
/// for regular files, straight into `/dev/null` or a FIFO, modes kept. `-` is standard
/// output, as for most command-line tools.
pub(crate) fn write_file(path: &Path, contents: &[u8]) -> Result<(), String> {
    if is_stdout(path) {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(contents)
            .and_then(|()| stdout.flush())
            .map_err(|error| format!("cannot write to standard output: {error}"));
    }
    gqlsmith::write_file(path, contents)
        .map_err(|error| format!("cannot write `{}`: {error}", path.display()))
}

/// Whether an output path means standard output.
pub(crate) fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// `1 file`, `2 files`: a count with its noun in the right number.
pub(crate) fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}
