//! One module per subcommand; each has its clap `Args` and a `run` function.

pub(crate) mod check;
pub(crate) mod convert;
pub(crate) mod coverage;
pub(crate) mod diff;
pub(crate) mod errors;
pub(crate) mod generate;
pub(crate) mod inspect;
pub(crate) mod rules;

use std::path::PathBuf;

use gqlsmith::operations::ReadDocuments;
use gqlsmith::{load, DocumentFile, DocumentPattern, Input, InputFormat, LoadOptions, Project};

use crate::config::Config;

/// `--from`: the format every input is read as, whatever its extension.
// Plain comments on the values: doc comments would add a list of them to `--help`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FromFormat {
    // A reference-docs page.
    Docs,
    Sdl,
    Introspection,
}

impl From<FromFormat> for InputFormat {
    fn from(format: FromFormat) -> InputFormat {
        match format {
            FromFormat::Docs => InputFormat::Docs,
            FromFormat::Sdl => InputFormat::Sdl,
            FromFormat::Introspection => InputFormat::Introspection,
        }
    }
}

/// The inputs every schema-reading command takes.
#[derive(clap::Args, Debug)]
pub(crate) struct InputArgs {
    /// Input files: a reference-docs page (any extension but the ones below), SDL (.graphql,
    /// .graphqls, .gql) or introspection JSON (.json). Several SDL files merge into one schema.
    /// With none, the bundled Kraken reference page is read.
    #[arg(value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Read every input as this format, whatever its extension.
    #[arg(long, value_name = "FORMAT")]
    pub(crate) from: Option<FromFormat>,
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
    /// The configuration file (default: ./gqlsmith.toml when it exists).
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
}

impl InputArgs {
    /// Reads and loads the inputs: those on the command line, else the config file's, else the
    /// bundled Kraken page. An unreadable file is an `Err` with one line to show.
    pub(crate) fn load(&self) -> Result<(Project, Config), String> {
        let config = Config::load(self.config.as_deref())?;
        let project = self.load_with(&config)?;
        Ok((project, config))
    }

    fn load_with(&self, config: &Config) -> Result<Project, String> {
        let format = self.from.map(InputFormat::from);
        let read = |path: &std::path::Path, format| {
            Input::read(path, format).map_err(|error| error.to_string())
        };
        let inputs = if !self.inputs.is_empty() {
            self.inputs
                .iter()
                .map(|path| read(path, format))
                .collect::<Result<Vec<_>, _>>()?
        } else if !config.file.inputs.is_empty() {
            config
                .file
                .inputs
                .iter()
                .map(|path| read(&config.resolve(path), format))
                .collect::<Result<Vec<_>, _>>()?
        } else {
            vec![Input::bundled_kraken()]
        };
        let overlay = self
            .overlay
            .clone()
            .or_else(|| config.file.overlay.as_deref().map(|p| config.resolve(p)));
        let reference = self
            .reference
            .clone()
            .or_else(|| config.file.reference.as_deref().map(|p| config.resolve(p)));
        let options = LoadOptions {
            no_recover: self.no_recover,
            overlay: overlay
                .as_deref()
                .map(|path| read(path, Some(InputFormat::Docs)))
                .transpose()?,
            reference: reference
                .as_deref()
                .map(|path| read(path, None))
                .transpose()?,
        };
        Ok(load(inputs, &options))
    }
}

/// The client operations a command reads with the schema.
#[derive(clap::Args, Debug, Default)]
pub(crate) struct DocumentArgs {
    /// Client operations to read with the schema: a glob such as `src/**/*.graphql`
    /// (.graphql and .gql files, and GraphQL in `gql`/`graphql` tagged templates and
    /// `/* GraphQL */` strings of .ts, .tsx, .js and .jsx files). Repeatable; all documents
    /// are validated together. Default: `documents` in gqlsmith.toml.
    #[arg(long = "documents", value_name = "GLOB")]
    pub(crate) patterns: Vec<String>,
}

/// Documents read and validated against a schema: their files (for snippets) and the model.
pub(crate) struct LoadedDocuments {
    pub(crate) files: Vec<DocumentFile>,
    pub(crate) read: ReadDocuments,
}

impl DocumentArgs {
    /// The command line's globs (relative to the current directory), else the config's
    /// (relative to the config file).
    pub(crate) fn patterns(&self, config: &Config) -> Vec<DocumentPattern> {
        if !self.patterns.is_empty() {
            return self
                .patterns
                .iter()
                .map(|pattern| DocumentPattern::new(pattern.as_str(), ""))
                .collect();
        }
        config
            .file
            .documents
            .iter()
            .map(|pattern| DocumentPattern::new(pattern.as_str(), config.base.clone()))
            .collect()
    }

    /// Finds and reads the documents, `None` when none are asked for. A pattern that matches
    /// nothing, or an unreadable file, is an `Err` with one line to show.
    pub(crate) fn files(&self, config: &Config) -> Result<Option<Vec<DocumentFile>>, String> {
        let patterns = self.patterns(config);
        if patterns.is_empty() {
            return Ok(None);
        }
        gqlsmith::find_documents(&patterns).map(Some)
    }

    /// Finds, reads and validates the documents against `schema`.
    pub(crate) fn load(
        &self,
        config: &Config,
        schema: &gqlsmith_model::Schema,
    ) -> Result<Option<LoadedDocuments>, String> {
        let Some(files) = self.files(config)? else {
            return Ok(None);
        };
        let read = gqlsmith::read_documents(schema, &files);
        Ok(Some(LoadedDocuments { files, read }))
    }
}

/// Today's date (UTC) from the system clock.
pub(crate) fn today() -> gqlsmith_model::Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    gqlsmith_model::Date::from_days_since_epoch((seconds / 86_400) as i64).unwrap_or(
        gqlsmith_model::Date {
            year: 1970,
            month: 1,
            day: 1,
        },
    )
}
