//! Everything a user or a CI system reads: diagnostics as rustc-style text, JSON, SARIF 2.1.0
//! and GitHub workflow annotations (with job summaries). Only the CLI knows these formats.

mod diff;
mod github;
mod human;
mod json;
mod sarif;
mod sources;

use std::path::Path;

use gqlsmith_model::Diagnostic;

pub(crate) use diff::DiffReport;
pub(crate) use github::{append_step_summary, github_annotations, summary_markdown};
pub(crate) use human::{render_human, HumanStyle};
pub(crate) use json::diagnostics_json;
pub(crate) use sarif::{sarif_log, SarifRule};
pub(crate) use sources::SourceMap;

/// The formats a CI system reads instead of stderr. They must carry a run's failure too: an
/// empty SARIF file or no annotation would read as "nothing found".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MachineFormat {
    Sarif,
    Github,
}

/// A SARIF log as the JSON text a command prints.
pub(crate) fn sarif_json(log: &serde_sarif::sarif::Sarif) -> Result<String, String> {
    serde_json::to_string_pretty(log).map_err(|error| format!("cannot write SARIF: {error}"))
}

/// What `command` prints on stdout when it stops on input diagnostics (a syntax error, a
/// schema that does not validate): the errors as results or annotations, and for GitHub a job
/// summary. The human rendering is on stderr already.
pub(crate) fn stopped_on_diagnostics(
    format: MachineFormat,
    command: &str,
    diagnostics: &[Diagnostic],
) -> Result<String, String> {
    let errors: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.is_error())
        .cloned()
        .collect();
    match format {
        MachineFormat::Sarif => sarif_json(&sarif_log(&errors, Vec::new(), false)),
        MachineFormat::Github => {
            append_step_summary(&summary_markdown(
                &format!("gqlsmith {command}: stopped on its input"),
                &errors,
            ));
            Ok(github_annotations(&errors))
        }
    }
}

/// What `command` prints on stdout when it stops on an error that has no diagnostic (an input
/// that cannot be read, a bad configuration): the error as a result or annotation at line 1 of
/// `blamed`, the file it is about (GitHub shows results only at a file).
pub(crate) fn stopped_on_error(
    format: MachineFormat,
    command: &str,
    message: &str,
    blamed: &Path,
) -> Result<String, String> {
    match format {
        MachineFormat::Sarif => sarif_json(&sarif::input_error_log(message, blamed)),
        MachineFormat::Github => {
            append_step_summary(&format!(
                "## gqlsmith {command}: stopped\n\n{}\n",
                message.replace('\n', "\n\n")
            ));
            Ok(github::github_input_error(message, blamed))
        }
    }
}
