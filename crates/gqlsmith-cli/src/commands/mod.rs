//! One module per subcommand; each has its clap `Args` and a `run` function.

pub(crate) mod check;
pub(crate) mod completions;
pub(crate) mod convert;
pub(crate) mod coverage;
pub(crate) mod diff;
pub(crate) mod errors;
pub(crate) mod generate;
mod git;
pub(crate) mod inspect;
pub(crate) mod introspect;
pub(crate) mod rules;
mod watch;

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::time::Duration;

use gqlsmith::operations::ReadDocuments;
use gqlsmith::{load, DocumentFile, DocumentPattern, Input, InputFormat, LoadOptions, Project};

use crate::config::Config;
use crate::report::Reporter;

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
    /// `-` reads standard input; an http(s):// URL is introspected; `git:REF:PATH` reads PATH
    /// at a git revision. With none, the bundled Kraken reference page is read.
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
    #[command(flatten)]
    pub(crate) http: HttpArgs,
}

/// How inputs given as http(s):// URLs are fetched.
#[derive(clap::Args, Debug, Clone)]
pub(crate) struct HttpArgs {
    /// A request header for inputs given as URLs, such as `-H 'Authorization: Bearer ...'`.
    /// Repeatable.
    #[arg(long = "header", short = 'H', value_name = "NAME: VALUE", value_parser = parse_header)]
    pub(crate) headers: Vec<(String, String)>,
    /// The longest, in seconds, a request to a server may take.
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    pub(crate) timeout: f64,
}

impl HttpArgs {
    pub(crate) fn options(&self) -> Result<gqlsmith::FetchOptions, String> {
        let timeout = Duration::try_from_secs_f64(self.timeout)
            .ok()
            .filter(|timeout| !timeout.is_zero())
            .ok_or_else(|| {
                format!(
                    "`--timeout {}` is not a duration: give seconds, such as 30 or 2.5",
                    self.timeout
                )
            })?;
        Ok(gqlsmith::FetchOptions {
            headers: self.headers.clone(),
            timeout,
        })
    }
}

/// `-H 'Name: value'`, as curl takes it.
fn parse_header(text: &str) -> Result<(String, String), String> {
    let expected = "write a header as `Name: value`";
    let (name, value) = text
        .split_once(':')
        .ok_or_else(|| format!("no `:` in `{text}`: {expected}"))?;
    let name = name.trim();
    // RFC 9110's `token`: what a header name may be made of.
    let is_token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty() || !name.chars().all(is_token) {
        return Err(format!("`{name}` is not a header name: {expected}"));
    }
    let value = value.trim();
    if value.contains(['\r', '\n']) {
        return Err(format!(
            "the value of `{name}` has a line break: {expected}"
        ));
    }
    Ok((name.to_owned(), value.to_owned()))
}

/// Reads one input argument: `-` (standard input, once per run), an http(s):// URL
/// (introspected), `git:REF:PATH` (a file at a git revision), or a file.
pub(crate) struct InputReader<'a> {
    pub(crate) format: Option<InputFormat>,
    pub(crate) http: &'a HttpArgs,
    stdin_read: Cell<bool>,
}

impl<'a> InputReader<'a> {
    pub(crate) fn new(format: Option<InputFormat>, http: &'a HttpArgs) -> InputReader<'a> {
        InputReader {
            format,
            http,
            stdin_read: Cell::new(false),
        }
    }

    pub(crate) fn read(&self, path: &Path) -> Result<Input, String> {
        self.read_as(path, self.format)
    }

    /// Reads `path` as `format` (`None`: by its extension, or sniffed for standard input).
    pub(crate) fn read_as(
        &self,
        path: &Path,
        format: Option<InputFormat>,
    ) -> Result<Input, String> {
        let text = path.to_string_lossy();
        if text == "-" {
            if self.stdin_read.replace(true) {
                return Err("`-` is given twice: standard input can be read only once".to_owned());
            }
            return gqlsmith::read_stdin(format).map_err(|error| error.to_string());
        }
        if gqlsmith::is_url(&text) {
            return Input::fetch(&text, &self.http.options()?).map_err(|error| error.to_string());
        }
        if let Some(spec) = text.strip_prefix("git:") {
            return git::read(spec, format);
        }
        Input::read(path, format).map_err(|error| error.to_string())
    }
}

/// Whether an input argument names something other than a local file (standard input, a
/// server, a git revision): such a path is neither resolved against the config file's
/// directory nor watched.
pub(crate) fn is_local_file(path: &Path) -> bool {
    let text = path.to_string_lossy();
    text != "-" && !gqlsmith::is_url(&text) && !text.starts_with("git:")
}

impl InputArgs {
    /// Reads and loads the inputs: those on the command line, else the config file's, else the
    /// bundled Kraken page (saying so on stderr). An unreadable file is an `Err` with one line
    /// to show.
    pub(crate) fn load(&self, reporter: &Reporter) -> Result<(Project, Config), String> {
        let config = Config::load(self.config.as_deref())?;
        let project = self.load_with(&config, reporter)?;
        Ok((project, config))
    }

    /// The input paths this command reads: the command line's, else the config's (resolved
    /// against the config file's directory, except standard input, URLs and git revisions);
    /// empty means the bundled page.
    pub(crate) fn input_paths(&self, config: &Config) -> Vec<PathBuf> {
        if !self.inputs.is_empty() {
            return self.inputs.clone();
        }
        config
            .file
            .inputs
            .iter()
            .map(|path| {
                if is_local_file(path) {
                    config.resolve(path)
                } else {
                    path.clone()
                }
            })
            .collect()
    }

    /// The overlay and the reference schema, from the command line or the config.
    pub(crate) fn overlay_and_reference(&self, config: &Config) -> [Option<PathBuf>; 2] {
        let overlay = self
            .overlay
            .clone()
            .or_else(|| config.file.overlay.as_deref().map(|p| config.resolve(p)));
        let reference = self
            .reference
            .clone()
            .or_else(|| config.file.reference.as_deref().map(|p| config.resolve(p)));
        [overlay, reference]
    }

    fn load_with(&self, config: &Config, reporter: &Reporter) -> Result<Project, String> {
        let reader = InputReader::new(self.from.map(InputFormat::from), &self.http);
        let paths = self.input_paths(config);
        let inputs = if paths.is_empty() {
            reporter.status(&format!(
                "no input given and no `inputs` in gqlsmith.toml: reading the bundled Kraken reference page ({}); name a schema file to read your own",
                gqlsmith::BUNDLED_KRAKEN_LABEL
            ));
            vec![Input::bundled_kraken()]
        } else {
            paths
                .iter()
                .map(|path| reader.read(path))
                .collect::<Result<Vec<_>, _>>()?
        };
        let [overlay, reference] = self.overlay_and_reference(config);
        let options = LoadOptions {
            no_recover: self.no_recover,
            overlay: overlay
                .as_deref()
                .map(|path| reader.read_as(path, Some(InputFormat::Docs)))
                .transpose()?,
            reference: reference
                .as_deref()
                .map(|path| reader.read_as(path, None))
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
