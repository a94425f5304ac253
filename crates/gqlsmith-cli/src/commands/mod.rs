//! One module per subcommand; each has its clap `Args` and a `run` function.

pub(crate) mod convert;
pub(crate) mod inspect;

use std::path::PathBuf;

use gqlsmith::{load, Input, InputFormat, LoadOptions, Project};

/// The inputs every schema-reading command takes.
#[derive(clap::Args, Debug)]
pub(crate) struct InputArgs {
    /// Input files: a reference-docs page (any extension but the ones below), SDL (.graphql,
    /// .graphqls, .gql) or introspection JSON (.json). Several SDL files merge into one schema.
    /// With none, the bundled Kraken reference page is read.
    #[arg(value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Read every input as this format, whatever its extension.
    #[arg(long, value_name = "FORMAT", value_parser = ["docs", "sdl", "introspection"])]
    pub(crate) from: Option<String>,
    /// Do not run the recovery pass on docs pages (keep placeholder names, leave referenced
    /// types undefined).
    #[arg(long)]
    pub(crate) no_recover: bool,
    /// A TOML overlay that supplies what a docs page lost (names, arguments, enum values).
    #[arg(long, value_name = "FILE")]
    pub(crate) overlay: Option<PathBuf>,
    /// A known schema (SDL or JSON) whose types name a docs page's unnamed blocks.
    #[arg(long, value_name = "FILE")]
    pub(crate) reference: Option<PathBuf>,
}

impl InputArgs {
    /// Reads and loads the inputs; an unreadable file is an `Err` with one line to show.
    pub(crate) fn load(&self) -> Result<Project, String> {
        let format = self.from.as_deref().map(str::parse::<InputFormat>).transpose()?;
        let inputs = if self.inputs.is_empty() {
            vec![Input::bundled_kraken()]
        } else {
            self.inputs.iter().map(|path| Input::read(path, format)).collect::<Result<Vec<_>, _>>().map_err(|e| e.to_string())?
        };
        let options = LoadOptions {
            no_recover: self.no_recover,
            overlay: self.overlay.as_deref().map(|path| Input::read(path, Some(InputFormat::Docs))).transpose().map_err(|e| e.to_string())?,
            reference: self.reference.as_deref().map(|path| Input::read(path, None)).transpose().map_err(|e| e.to_string())?,
        };
        Ok(load(inputs, &options))
    }
}
