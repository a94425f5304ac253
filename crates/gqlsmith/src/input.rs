//! Inputs: finding a file's format, reading it as text, and the bundled Kraken page.

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The most bytes one input may have, unless [`set_max_input_bytes`] says otherwise.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// The process-wide input size limit. The binary sets it once from `--max-input-bytes`.
static MAX_INPUT_BYTES: AtomicU64 = AtomicU64::new(DEFAULT_MAX_INPUT_BYTES);

/// Sets the most bytes [`Input::read`] reads from one file before refusing it. Reading stops
/// there, so `/dev/zero` or a FIFO that never ends cannot exhaust memory.
pub fn set_max_input_bytes(bytes: u64) {
    MAX_INPUT_BYTES.store(bytes, Ordering::Relaxed);
}

/// The current input size limit.
pub fn max_input_bytes() -> u64 {
    MAX_INPUT_BYTES.load(Ordering::Relaxed)
}

/// The three kinds of input gqlsmith reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InputFormat {
    /// Reference-docs text scraped from a SpectaQL-style page.
    Docs,
    /// GraphQL SDL (`.graphql`, `.graphqls`, `.gql`).
    Sdl,
    /// An introspection result (`.json`).
    Introspection,
}

impl InputFormat {
    /// The format a file's extension implies: SDL for `.graphql`/`.graphqls`/`.gql`,
    /// introspection for `.json`, docs text for anything else.
    pub fn from_path(path: &Path) -> InputFormat {
        match path
            .extension()
            .and_then(|ext| ext.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("graphql" | "graphqls" | "gql") => InputFormat::Sdl,
            Some("json") => InputFormat::Introspection,
            _ => InputFormat::Docs,
        }
    }

    /// The format `text` shows, for an input with no extension (standard input): a JSON
    /// object is introspection, text that opens with a type-system definition or a
    /// description is SDL; anything else (a docs page is free text) is `None`.
    pub fn sniff(text: &str) -> Option<InputFormat> {
        let mut rest = text.trim_start_matches('\u{feff}');
        // SDL comments may come first; JSON has none.
        loop {
            rest = rest.trim_start();
            match rest.strip_prefix('#') {
                Some(comment) => rest = comment.split_once('\n').map_or("", |(_, after)| after),
                None => break,
            }
        }
        if rest.starts_with('{') {
            return Some(InputFormat::Introspection);
        }
        const SDL_KEYWORDS: &[&str] = &[
            "schema",
            "type",
            "interface",
            "union",
            "enum",
            "input",
            "scalar",
            "directive",
            "extend",
        ];
        let word_end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(word_end);
        let keyword_then_space =
            SDL_KEYWORDS.contains(&word) && after.starts_with(|c: char| c.is_whitespace());
        (keyword_then_space || rest.starts_with('"')).then_some(InputFormat::Sdl)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Docs => "docs",
            InputFormat::Sdl => "sdl",
            InputFormat::Introspection => "introspection",
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for InputFormat {
    type Err = String;
    fn from_str(text: &str) -> Result<InputFormat, String> {
        match text {
            "docs" => Ok(InputFormat::Docs),
            "sdl" => Ok(InputFormat::Sdl),
            "introspection" => Ok(InputFormat::Introspection),
            other => Err(format!(
                "unknown input format `{other}`: expected docs, sdl or introspection"
            )),
        }
    }
}

/// One input's text, with the label diagnostics use as its file name.
#[derive(Debug, Clone)]
pub struct Input {
    pub label: Arc<str>,
    pub text: Arc<str>,
    pub format: InputFormat,
}

/// The Kraken API reference page ("Objects" section) that ships inside gqlsmith, so the main
/// job runs with no input at all.
pub const BUNDLED_KRAKEN_PAGE: &str = include_str!("../../../fixtures/kraken/objects.txt");

/// The label diagnostics give the bundled page.
pub const BUNDLED_KRAKEN_LABEL: &str = "fixtures/kraken/objects.txt";

impl Input {
    /// Text already in memory (a build script, a test, the bundled page).
    pub fn from_text(
        label: impl Into<Arc<str>>,
        text: impl Into<Arc<str>>,
        format: InputFormat,
    ) -> Input {
        Input {
            label: label.into(),
            text: text.into(),
            format,
        }
    }

    /// The bundled Kraken page.
    pub fn bundled_kraken() -> Input {
        Input::from_text(BUNDLED_KRAKEN_LABEL, BUNDLED_KRAKEN_PAGE, InputFormat::Docs)
    }

    /// Reads `path` as UTF-8 text. `format` overrides the extension's.
    pub fn read(path: &Path, format: Option<InputFormat>) -> Result<Input, InputError> {
        let label: Arc<str> = path_label(path).into();
        let text = read_text(path)?;
        Ok(Input {
            format: format.unwrap_or_else(|| InputFormat::from_path(path)),
            label,
            text: text.into(),
        })
    }
}

/// Reads `path` as UTF-8 text without NUL bytes, at most [`max_input_bytes`] of it: what
/// every file gqlsmith reads goes through (inputs, documents, the config, baselines, allow
/// lists, registries), so none of them can exhaust memory or pass binary junk on.
pub fn read_text(path: &Path) -> Result<String, InputError> {
    let label: Arc<str> = path_label(path).into();
    let error = |problem| InputError {
        path: label.clone(),
        problem,
    };
    if path.is_dir() {
        return Err(error(InputProblem::IsDirectory));
    }
    let file = std::fs::File::open(path).map_err(|io| error(InputProblem::Io(io.to_string())))?;
    read_text_from(file, &label)
}

/// The label diagnostics give standard input (`-` on the command line).
pub const STDIN_LABEL: &str = "<stdin>";

/// Reads standard input as [`read_text`] reads a file: UTF-8 without NUL bytes, at most
/// [`max_input_bytes`]. Standard input has no extension, so without `format` its format is
/// sniffed from the text ([`InputFormat::sniff`]); when that cannot tell, the error says to name it.
pub fn read_stdin(format: Option<InputFormat>) -> Result<Input, InputError> {
    let text = read_text_from(std::io::stdin().lock(), STDIN_LABEL)?;
    let format = match format.or_else(|| InputFormat::sniff(&text)) {
        Some(format) => format,
        None => {
            return Err(InputError {
                path: STDIN_LABEL.into(),
                problem: InputProblem::UnknownFormat,
            })
        }
    };
    Ok(Input::from_text(STDIN_LABEL, text, format))
}

/// Reads `source` (a pipe, a child process's output) to its end as [`read_text`] reads a
/// file: through the input size limit, as UTF-8 without NUL bytes. `label` names it in errors.
pub fn read_text_from(source: impl Read, label: &str) -> Result<String, InputError> {
    let error = |problem| InputError {
        path: label.into(),
        problem,
    };
    // Through the limit for every kind of file: a regular file's size could be checked up
    // front, but `/dev/zero`, a FIFO, a pipe or a growing file has no size to check.
    let limit = max_input_bytes();
    let mut bytes = Vec::new();
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|io| error(InputProblem::Io(io.to_string())))?;
    if bytes.len() as u64 > limit {
        return Err(error(InputProblem::TooLarge { limit }));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(not_utf8) => {
            let offset = not_utf8.utf8_error().valid_up_to();
            return Err(error(InputProblem::NotUtf8 { offset }));
        }
    };
    if let Some(offset) = text.find('\0') {
        return Err(error(InputProblem::Binary { offset }));
    }
    Ok(text)
}

/// How gqlsmith names a file in diagnostics and generated headers: the path as given, with
/// `.` components dropped, so `./in/x.graphql` and `in/x.graphql` give the same bytes (a
/// header that changed with the spelling would make `generate --check` report every file).
pub fn path_label(path: &Path) -> String {
    use std::path::Component;
    let mut label = std::path::PathBuf::new();
    for component in path.components() {
        if component != Component::CurDir {
            label.push(component);
        }
    }
    if label.as_os_str().is_empty() {
        ".".to_owned()
    } else {
        label.display().to_string()
    }
}

/// Why an input could not be read at all. Shown as one line; the CLI exits with 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: Arc<str>,
    pub problem: InputProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputProblem {
    IsDirectory,
    Io(String),
    NotUtf8 {
        offset: usize,
    },
    Binary {
        offset: usize,
    },
    TooLarge {
        limit: u64,
    },
    /// Standard input whose format neither `--from` names nor its text shows.
    UnknownFormat,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = &self.path;
        match &self.problem {
            InputProblem::IsDirectory => write!(f, "cannot read `{path}`: it is a directory; name a schema file inside it"),
            InputProblem::Io(io) => write!(f, "cannot read `{path}`: {io}"),
            InputProblem::NotUtf8 { offset } => write!(
                f,
                "cannot read `{path}`: not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8 first"
            ),
            InputProblem::TooLarge { limit } => write!(
                f,
                "cannot read `{path}`: it is larger than {limit} bytes; raise the limit with --max-input-bytes if it really is one schema"
            ),
            InputProblem::UnknownFormat => write!(
                f,
                "cannot tell the format of `{path}`: it is neither introspection JSON nor SDL; name it with --from docs, --from sdl or --from introspection"
            ),
            InputProblem::Binary { offset } => write!(
                f,
                "cannot read `{path}`: looks like a binary file (NUL byte at offset {offset}); give a docs page, SDL or introspection JSON"
            ),
        }
    }
}

impl std::error::Error for InputError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_format(path: &str, expect: InputFormat) {
        assert_eq!(InputFormat::from_path(Path::new(path)), expect);
    }

    #[test]
    fn format_follows_the_extension() {
        check_format("schema.graphql", InputFormat::Sdl);
        check_format("schema.GraphQLs", InputFormat::Sdl);
        check_format("a/b.gql", InputFormat::Sdl);
        check_format("introspection.json", InputFormat::Introspection);
        check_format("objects.txt", InputFormat::Docs);
        check_format("objects", InputFormat::Docs);
    }

    #[track_caller]
    fn check_sniff(text: &str, expect: Option<InputFormat>) {
        assert_eq!(InputFormat::sniff(text), expect, "{text:?}");
    }

    #[test]
    fn standard_input_is_sniffed_by_its_first_token() {
        check_sniff(
            "{\"data\": {\"__schema\": {}}}",
            Some(InputFormat::Introspection),
        );
        check_sniff(
            "\u{feff}\n  {\"__schema\": {}}",
            Some(InputFormat::Introspection),
        );
        check_sniff("type Query { a: Int }", Some(InputFormat::Sdl));
        check_sniff(
            "# a comment\n\nschema {\n query: Q }",
            Some(InputFormat::Sdl),
        );
        check_sniff(
            "\"\"\"A description\"\"\"\ntype Q { a: Int }",
            Some(InputFormat::Sdl),
        );
        check_sniff("extend type Q { b: Int }", Some(InputFormat::Sdl));
        // A word that only starts like a keyword, and free text, are not SDL.
        check_sniff("types of the API", None);
        check_sniff("typeQuery", None);
        check_sniff("Objects\nAccount\n", None);
        check_sniff("", None);
        check_sniff("# only a comment", None);
    }

    #[test]
    fn labels_do_not_depend_on_how_the_path_is_spelt() {
        assert_eq!(path_label(Path::new("./in/./x.graphql")), "in/x.graphql");
        assert_eq!(path_label(Path::new("in/x.graphql")), "in/x.graphql");
        assert_eq!(path_label(Path::new("../x.graphql")), "../x.graphql");
        assert_eq!(path_label(Path::new("/abs/./x.graphql")), "/abs/x.graphql");
        assert_eq!(path_label(Path::new(".")), ".");
    }

    #[test]
    fn unreadable_inputs_say_what_to_do() {
        let dir = std::env::temp_dir();
        let error = Input::read(&dir, None).unwrap_err();
        assert!(error.to_string().contains("it is a directory"), "{error}");
        let missing = Input::read(Path::new("/nonexistent/gqlsmith/x.graphql"), None).unwrap_err();
        assert!(
            missing
                .to_string()
                .starts_with("cannot read `/nonexistent/gqlsmith/x.graphql`:"),
            "{missing}"
        );
    }

    #[test]
    fn the_bundled_page_is_the_kraken_fixture() {
        let input = Input::bundled_kraken();
        assert_eq!(input.format, InputFormat::Docs);
        assert!(input.text.starts_with("Objects\n"));
        assert_eq!(input.text.len(), 561_493);
    }
}
