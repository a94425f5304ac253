//! `gqlsmith errors`: the error-code catalogue (code -> message -> types that raise it) as JSON.

use super::InputArgs;
use crate::report::{exit_for, write_file, Exit, Reporter};

#[derive(clap::Args, Debug)]
pub(crate) struct ErrorsArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<std::path::PathBuf>,
}

pub(crate) fn run(args: ErrorsArgs, reporter: &Reporter) -> Result<Exit, String> {
    let (project, _config) = args.input.load(reporter)?;
    reporter.show(&project, &project.loaded.diagnostics);
    if project.loaded.has_errors() {
        return Ok(exit_for(&project.loaded.diagnostics));
    }
    let catalogue = gqlsmith_checks::error_catalogue(&project.loaded.schema);
    let text = serde_json::to_string_pretty(&catalogue).map_err(|e| e.to_string())? + "\n";
    match &args.output {
        Some(path) => write_file(path, text.as_bytes())?,
        None => print!("{text}"),
    }
    Ok(Exit::Success)
}
