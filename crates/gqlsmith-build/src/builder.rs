//! The builder: which inputs, config, templates and target; reading them; generating the
//! single-file Rust text; writing it into `OUT_DIR`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use gqlsmith::codegen::{Config, GeneratedFile, Target, Templates};
use gqlsmith::model::{Diagnostic, LineIndex, Location, Severity};
use gqlsmith::{Input, InputError, InputFormat, LoadOptions, Output, WriteMode};
use serde::Deserialize;

use crate::report::{render_diagnostic, report_lines};

/// Generates gqlsmith bindings at build time. Every path is relative to the base directory:
/// `CARGO_MANIFEST_DIR` (the crate being built) unless [`Builder::base_dir`] says otherwise.
///
/// ```no_run
/// // build.rs
/// use gqlsmith_build::Builder;
/// use gqlsmith::codegen::Target;
///
/// fn main() -> Result<(), gqlsmith_build::BuildError> {
///     Builder::new().input("schema/objects.txt").target(Target::RustClient).generate_to_out_dir()?;
///     Ok(())
/// }
/// ```
#[derive(Debug, Clone)]
pub struct Builder {
    inputs: Vec<PathBuf>,
    format: Option<InputFormat>,
    overlay: Option<PathBuf>,
    reference: Option<PathBuf>,
    config: Option<PathBuf>,
    templates: Option<PathBuf>,
    target: Target,
    no_recover: bool,
    base_dir: Option<PathBuf>,
    max_warnings: usize,
    single_threaded: bool,
    /// Globs of client operation documents, relative to the base (or, from the config file,
    /// to the config file's directory).
    documents: Vec<String>,
}

/// What a successful run produced (see [`Builder::generate`]).
#[derive(Debug, Clone)]
pub struct Generated {
    /// The generated code as one text: the target's files nested as inline modules, exactly
    /// as [`gqlsmith::generate_to_string`] returns it.
    pub code: String,
    /// Every file and directory read (inputs, overlay, reference, config, templates), absolute,
    /// in reading order: what cargo must watch.
    pub files_read: Vec<PathBuf>,
    /// The warnings of loading the inputs; notes are left out.
    pub warnings: Vec<Diagnostic>,
}

/// Why nothing was generated: every error, each rendered as `file:line:column: error[CODE]:
/// message` with its help line. `Debug` prints the same text, so a build script whose `main`
/// returns `Result<(), BuildError>` fails with a readable message.
#[derive(Clone)]
pub struct BuildError {
    /// The error-level diagnostics (unreadable inputs, an invalid config, syntax errors, ...).
    pub diagnostics: Vec<Diagnostic>,
    /// What had been read before the failure, so that cargo reruns once it is fixed.
    pub files_read: Vec<PathBuf>,
}

/// The help of an unreadable file: where relative paths start. (Not the absolute base
/// itself: compile errors quoting it would differ on every machine.)
const RELATIVE_PATHS_HELP: &str =
    "check the path: relative paths start at the directory of the crate's Cargo.toml (or Builder::base_dir)";

/// How many warnings become `cargo:warning=` lines unless [`Builder::max_warnings`] says.
const DEFAULT_MAX_WARNINGS: usize = 10;

impl Default for Builder {
    fn default() -> Builder {
        Builder::new()
    }
}

impl Builder {
    /// A builder for `rust-client`, with no input yet.
    pub fn new() -> Builder {
        Builder {
            inputs: Vec::new(),
            format: None,
            overlay: None,
            reference: None,
            config: None,
            templates: None,
            target: Target::RustClient,
            no_recover: false,
            base_dir: None,
            max_warnings: DEFAULT_MAX_WARNINGS,
            single_threaded: false,
            documents: Vec::new(),
        }
    }

    /// Adds client operations (a glob such as `"src/**/*.graphql"`, relative to the crate's
    /// directory; `.ts`/`.tsx`/`.js`/`.jsx` hosts too): what the per-operation targets
    /// (`rust-operations`, `typescript-operations`) generate code for. They are validated
    /// against the schema; an invalid operation fails the build with its file:line:column.
    pub fn documents(mut self, pattern: impl Into<String>) -> Builder {
        self.documents.push(pattern.into());
        self
    }

    /// Adds an input: a docs page, SDL or introspection JSON (by extension unless
    /// [`Builder::format`] says). Several inputs of one format merge into one schema.
    pub fn input(mut self, path: impl Into<PathBuf>) -> Builder {
        self.inputs.push(path.into());
        self
    }

    /// The format of every input, instead of guessing it from the extension.
    pub fn format(mut self, format: InputFormat) -> Builder {
        self.format = Some(format);
        self
    }

    /// A TOML overlay supplying what a docs page lost (names, kinds, enum values).
    pub fn overlay(mut self, path: impl Into<PathBuf>) -> Builder {
        self.overlay = Some(path.into());
        self
    }

    /// A schema (SDL or introspection) whose types name a docs page's unnamed blocks.
    pub fn reference(mut self, path: impl Into<PathBuf>) -> Builder {
        self.reference = Some(path.into());
        self
    }

    /// A `gqlsmith.toml`: its `[generate]` table configures the target (scalars, derives, ...),
    /// and its `inputs`, `overlay` and `reference` (relative to the file) apply when the
    /// builder names none. Its other tables are ignored.
    pub fn config(mut self, path: impl Into<PathBuf>) -> Builder {
        self.config = Some(path.into());
        self
    }

    /// A directory of templates that replace the embedded ones file by file
    /// (`DIR/<target>/<name>.tera`), like `gqlsmith generate --templates DIR`.
    pub fn templates(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.templates = Some(dir.into());
        self
    }

    /// The target to generate: `rust-client` (the default) or `rust-server`.
    pub fn target(mut self, target: Target) -> Builder {
        self.target = target;
        self
    }

    /// Does all the work on the calling thread. Proc macros need this: inside one,
    /// proc-macro2 (used to format the generated code) works only on the macro's thread.
    pub fn single_threaded(mut self) -> Builder {
        self.single_threaded = true;
        self
    }

    /// Skips the recovery pass of docs pages.
    pub fn no_recover(mut self) -> Builder {
        self.no_recover = true;
        self
    }

    /// Where relative paths start, instead of `CARGO_MANIFEST_DIR`.
    pub fn base_dir(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.base_dir = Some(dir.into());
        self
    }

    /// How many warnings become `cargo:warning=` lines (default 10); one more line counts the
    /// rest.
    pub fn max_warnings(mut self, count: usize) -> Builder {
        self.max_warnings = count;
        self
    }

    /// The file [`Builder::generate_to_out_dir`] writes, relative to `OUT_DIR`:
    /// `gqlsmith/<target>.rs`. Include it with
    /// `include!(concat!(env!("OUT_DIR"), "/gqlsmith/rust-client.rs"));`.
    pub fn out_file_name(&self) -> String {
        format!("gqlsmith/{}.rs", self.target)
    }

    /// Reads everything and generates the code, writing nothing and printing nothing: for
    /// callers other than build scripts (the `include_schema!` macro).
    pub fn generate(&self) -> Result<Generated, BuildError> {
        let mut run = Run {
            base: self.base(),
            files_read: Vec::new(),
            errors: Vec::new(),
        };
        let config_file = match &self.config {
            Some(path) => run.read_config(path),
            None => None,
        };
        let (mut config, config_dir, file_inputs, file_overlay, file_reference, file_documents) =
            match config_file {
                Some((file, dir)) => (
                    file.generate.unwrap_or_default(),
                    dir,
                    file.inputs,
                    file.overlay,
                    file.reference,
                    file.documents,
                ),
                None => (
                    Config::default(),
                    PathBuf::new(),
                    Vec::new(),
                    None,
                    None,
                    Vec::new(),
                ),
            };
        config.single_threaded |= self.single_threaded;
        // The builder's own paths are relative to the base; the config's to the config file.
        let in_config_dir = |path: PathBuf| config_dir.join(path);
        let input_paths: Vec<PathBuf> = if self.inputs.is_empty() {
            file_inputs.into_iter().map(in_config_dir).collect()
        } else {
            self.inputs.clone()
        };
        let overlay_path = self
            .overlay
            .clone()
            .or_else(|| file_overlay.map(in_config_dir));
        let reference_path = self
            .reference
            .clone()
            .or_else(|| file_reference.map(in_config_dir));
        if input_paths.is_empty() {
            run.errors.push(
                Diagnostic::error("B803", "no-input", "no input to generate from")
                    .with_help("name one with `Builder::input(\"schema.graphql\")`, or list `inputs` in the config file"),
            );
        }
        let inputs: Vec<Input> = input_paths
            .iter()
            .filter_map(|path| run.read_input(path, self.format))
            .collect();
        let overlay = overlay_path.and_then(|path| run.read_input(&path, None));
        let reference = reference_path.and_then(|path| run.read_input(&path, None));
        let templates = match &self.templates {
            Some(dir) => run.read_templates(dir),
            None => Templates::default(),
        };
        if !run.errors.is_empty() {
            return Err(run.into_error());
        }
        let options = LoadOptions {
            no_recover: self.no_recover,
            overlay,
            reference,
        };
        let mut project = gqlsmith::load(inputs, &options);
        // Client operations: the builder's globs (relative to the base), else the config's
        // (relative to the config file).
        let patterns: Vec<gqlsmith::DocumentPattern> = if self.documents.is_empty() {
            file_documents
                .iter()
                .map(|pattern| {
                    gqlsmith::DocumentPattern::new(pattern.as_str(), run.base.join(&config_dir))
                })
                .collect()
        } else {
            self.documents
                .iter()
                .map(|pattern| gqlsmith::DocumentPattern::new(pattern.as_str(), run.base.clone()))
                .collect()
        };
        if !patterns.is_empty() && !project.loaded.has_errors() {
            match gqlsmith::find_documents(&patterns) {
                Ok(files) => {
                    run.files_read
                        .extend(files.iter().map(|file| PathBuf::from(&*file.label)));
                    let found = project.read_documents(&files);
                    run.errors
                        .extend(found.into_iter().filter(Diagnostic::is_error));
                }
                Err(message) => run.errors.push(
                    Diagnostic::error("B807", "no-documents", message)
                        .with_help(RELATIVE_PATHS_HELP),
                ),
            }
            if !run.errors.is_empty() {
                return Err(run.into_error());
            }
        }
        let warnings = project
            .loaded
            .diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity == Severity::Warning)
            .cloned()
            .collect();
        match gqlsmith::generate_to_string(&project, self.target, &config, &templates) {
            Ok(code) => Ok(Generated {
                code,
                files_read: run.files_read,
                warnings,
            }),
            Err(diagnostics) => {
                run.errors.extend(diagnostics);
                Err(run.into_error())
            }
        }
    }

    /// For `build.rs`: generates the code into `$OUT_DIR/gqlsmith/<target>.rs` (written only
    /// when its bytes change) and returns that path; prints `cargo:rerun-if-changed=` for every
    /// file read and `cargo:warning=` for the first warnings. Errors come back as a
    /// [`BuildError`]: return it from `main` to fail the build with file:line:column.
    pub fn generate_to_out_dir(&self) -> Result<PathBuf, BuildError> {
        let out_dir = std::env::var_os("OUT_DIR").map(PathBuf::from);
        let mut lines = Vec::new();
        let result = match out_dir {
            Some(out_dir) => self.generate_into(&out_dir, &mut lines),
            None => Err(BuildError {
                diagnostics: vec![
                    Diagnostic::error("B804", "no-out-dir", "`OUT_DIR` is not set").with_help(
                        "call generate_to_out_dir from a build script, where cargo sets `OUT_DIR`",
                    ),
                ],
                files_read: Vec::new(),
            }),
        };
        for line in lines {
            println!("{line}");
        }
        result
    }

    /// [`Builder::generate_to_out_dir`] with the out dir given and the cargo lines collected.
    pub(crate) fn generate_into(
        &self,
        out_dir: &Path,
        lines: &mut Vec<String>,
    ) -> Result<PathBuf, BuildError> {
        let result = self.generate();
        let (files_read, warnings) = match &result {
            Ok(generated) => (&generated.files_read, &generated.warnings[..]),
            Err(error) => (&error.files_read, &[][..]),
        };
        lines.extend(report_lines(files_read, warnings, self.max_warnings));
        let generated = result?;
        let path = out_dir.join(self.out_file_name());
        // The one writer of gqlsmith (atomic, unchanged bytes not rewritten, modes kept);
        // `OUT_DIR/gqlsmith/` holds one file per builder run, so it keeps no manifest.
        let output = Output {
            dir: out_dir.join("gqlsmith"),
            files: vec![GeneratedFile {
                path: format!("{}.rs", self.target),
                contents: generated.code,
            }],
            manifest: false,
        };
        gqlsmith::write_outputs(&[output], WriteMode::Write).map_err(|diagnostics| BuildError {
            diagnostics,
            files_read: generated.files_read.clone(),
        })?;
        Ok(path)
    }

    fn base(&self) -> PathBuf {
        match &self.base_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("CARGO_MANIFEST_DIR")
                .map(PathBuf::from)
                .unwrap_or_default(),
        }
    }
}

/// The `gqlsmith.toml` keys a build reads; the other tables belong to other commands.
#[derive(Debug, Default, Deserialize)]
struct ConfigFile {
    #[serde(default)]
    inputs: Vec<PathBuf>,
    #[serde(default)]
    overlay: Option<PathBuf>,
    #[serde(default)]
    reference: Option<PathBuf>,
    #[serde(default)]
    documents: Vec<String>,
    #[serde(default)]
    generate: Option<Config>,
}

/// One run's reading: what was read, and what went wrong.
struct Run {
    base: PathBuf,
    files_read: Vec<PathBuf>,
    errors: Vec<Diagnostic>,
}

impl Run {
    fn into_error(self) -> BuildError {
        BuildError {
            diagnostics: self.errors,
            files_read: self.files_read,
        }
    }

    /// Reads one input; its label (in diagnostics and the generated header) is the path as
    /// given, not the absolute one.
    fn read_input(&mut self, path: &Path, format: Option<InputFormat>) -> Option<Input> {
        let absolute = self.base.join(path);
        self.files_read.push(absolute.clone());
        let label: Arc<str> = path.display().to_string().into();
        match Input::read(&absolute, format) {
            Ok(input) => Some(Input::from_text(label, input.text, input.format)),
            Err(error) => {
                let shown = InputError {
                    path: label,
                    problem: error.problem,
                };
                self.errors.push(
                    Diagnostic::error("B800", "unreadable-input", shown.to_string())
                        .with_help(RELATIVE_PATHS_HELP),
                );
                None
            }
        }
    }

    /// Reads `gqlsmith.toml`; returns it with the directory its paths are relative to.
    fn read_config(&mut self, path: &Path) -> Option<(ConfigFile, PathBuf)> {
        let absolute = self.base.join(path);
        self.files_read.push(absolute.clone());
        let label = path.display().to_string();
        let text = match std::fs::read_to_string(&absolute) {
            Ok(text) => text,
            Err(error) => {
                self.errors.push(
                    Diagnostic::error(
                        "B806",
                        "unreadable-config",
                        format!("cannot read config `{label}`: {error}"),
                    )
                    .with_help(RELATIVE_PATHS_HELP),
                );
                return None;
            }
        };
        match toml::from_str::<ConfigFile>(&text) {
            Ok(file) => Some((
                file,
                path.parent().map(Path::to_path_buf).unwrap_or_default(),
            )),
            Err(error) => {
                let (line, column) = error
                    .span()
                    .map_or((1, 1), |span| LineIndex::new(&text).line_column(span.start));
                self.errors.push(
                    Diagnostic::error(
                        "B805",
                        "invalid-config",
                        format!("invalid config: {}", error.message().trim_end()),
                    )
                    .at(Location::new(label.into(), line, column))
                    .with_help(
                        "the `[generate]` table is documented in gqlsmith-codegen's `Config`",
                    ),
                );
                None
            }
        }
    }

    /// Reads a templates directory; every file in it is watched, and the directory itself so
    /// that a new override file triggers a rerun too.
    fn read_templates(&mut self, dir: &Path) -> Templates {
        let absolute = self.base.join(dir);
        self.files_read.push(absolute.clone());
        for target in Target::all() {
            if let Ok(entries) = std::fs::read_dir(absolute.join(target.name())) {
                let mut files: Vec<PathBuf> = entries
                    .filter_map(|entry| Some(entry.ok()?.path()))
                    .collect();
                files.sort();
                self.files_read.extend(files);
            }
        }
        match gqlsmith::read_templates(&absolute) {
            Ok(templates) => templates,
            Err(diagnostics) => {
                self.errors.extend(diagnostics);
                Templates::default()
            }
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.diagnostics.len();
        writeln!(
            f,
            "gqlsmith found {count} error{} and generated nothing:",
            if count == 1 { "" } else { "s" }
        )?;
        for diagnostic in &self.diagnostics {
            f.write_str(&render_diagnostic(diagnostic))?;
        }
        Ok(())
    }
}

/// The same text as `Display`: `main` returning `Err(BuildError)` prints `Debug`.
impl fmt::Debug for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for BuildError {}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `files` (path, text) in a temporary base dir, runs `configure(Builder)` into a
    /// temporary out dir, and compares the cargo lines and the outcome (`wrote PATH`, or the
    /// error's text), with the base dir shown as `BASE` and the out dir as `OUT`.
    #[track_caller]
    fn check(files: &[(&str, &str)], configure: impl Fn(Builder) -> Builder, expect: &str) {
        let base = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = base.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let builder = configure(Builder::new().base_dir(base.path()));
        let mut lines = Vec::new();
        let outcome = match builder.generate_into(out.path(), &mut lines) {
            Ok(path) => {
                let code = std::fs::read_to_string(&path).unwrap();
                assert!(code.contains("pub mod "), "the file holds nested modules");
                format!("wrote {}", path.display())
            }
            Err(error) => format!("{error:?}"),
        };
        lines.push(outcome);
        let actual = lines
            .join("\n")
            .replace(&base.path().display().to_string(), "BASE")
            .replace(&out.path().display().to_string(), "OUT");
        assert_eq!(actual.trim_end(), expect);
    }

    const TYPES: &str = "type Account {\n  number: String!\n}\n";

    #[test]
    fn writes_the_target_into_the_out_dir() {
        check(
            &[("schema.graphql", TYPES)],
            |builder| builder.input("schema.graphql"),
            "cargo:rerun-if-changed=BASE/schema.graphql\n\
             cargo:warning=warning[S229]: missing query root operation type in schema definition\n\
             wrote OUT/gqlsmith/rust-client.rs",
        );
        check(
            &[("schema.graphql", TYPES)],
            |builder| builder.input("schema.graphql").target(Target::RustServer).max_warnings(0),
            "cargo:rerun-if-changed=BASE/schema.graphql\n\
             cargo:warning=gqlsmith: 1 more warning not shown; raise Builder::max_warnings to see them\n\
             wrote OUT/gqlsmith/rust-server.rs",
        );
    }

    #[test]
    fn errors_name_file_line_and_column() {
        check(
            &[("schema.graphql", "type Account {\n  number: \n}\n")],
            |builder| builder.input("schema.graphql").max_warnings(0),
            "cargo:rerun-if-changed=BASE/schema.graphql\n\
             gqlsmith found 2 errors and generated nothing:\n\
             schema.graphql:3:1: error[S200]: syntax error: expected a Type\n  = help: fix the syntax at this position; the rest of the file was still read\n\
             schema.graphql:1:1: error[S238]: `Account` has no fields\n  = help: add at least one field, value or member, or remove the type",
        );
        check(
            &[],
            |builder| builder.input("missing.graphql"),
            "cargo:rerun-if-changed=BASE/missing.graphql\n\
             gqlsmith found 1 error and generated nothing:\n\
             error[B800]: cannot read `missing.graphql`: No such file or directory (os error 2)\n  = help: check the path: relative paths start at the directory of the crate's Cargo.toml (or Builder::base_dir)",
        );
        check(&[], |builder| builder, "gqlsmith found 1 error and generated nothing:\nerror[B803]: no input to generate from\n  = help: name one with `Builder::input(\"schema.graphql\")`, or list `inputs` in the config file");
        check(
            &[("schema.graphql", TYPES)],
            |builder| builder.input("schema.graphql").target(Target::Markdown).max_warnings(0),
            "cargo:rerun-if-changed=BASE/schema.graphql\n\
             gqlsmith found 1 error and generated nothing:\n\
             error[B801]: target `markdown` generates `book.toml`, which is not Rust\n  = help: include_schema! and generate_to_string take rust-client, rust-server or rust-operations; write other targets with generate_to_dir",
        );
    }

    #[test]
    fn the_config_file_is_read_and_watched() {
        let config = "inputs = [\"schema/types.graphql\"]\n[check]\nanything = 1\n[generate.rust-client]\nderives = [\"Eq\"]\n";
        check(
            &[("gqlsmith.toml", config), ("schema/types.graphql", TYPES)],
            |builder| builder.config("gqlsmith.toml").max_warnings(0),
            "cargo:rerun-if-changed=BASE/gqlsmith.toml\n\
             cargo:rerun-if-changed=BASE/schema/types.graphql\n\
             cargo:warning=gqlsmith: 1 more warning not shown; raise Builder::max_warnings to see them\n\
             wrote OUT/gqlsmith/rust-client.rs",
        );
        check(
            &[("gqlsmith.toml", "[generate]\nstrict_scalar = true\n"), ("schema.graphql", TYPES)],
            |builder| builder.config("gqlsmith.toml").input("schema.graphql"),
            "cargo:rerun-if-changed=BASE/gqlsmith.toml\n\
             cargo:rerun-if-changed=BASE/schema.graphql\n\
             gqlsmith found 1 error and generated nothing:\n\
             gqlsmith.toml:2:1: error[B805]: invalid config: unknown field `strict_scalar`, expected one of `targets`, `scalars`, `strict_scalars`, `rust-client`, `rust-server`, `markdown`, `typescript`, `typescript-operations`, `rust-operations`, `sdl`\n  = help: the `[generate]` table is documented in gqlsmith-codegen's `Config`",
        );
    }

    #[test]
    fn templates_are_watched_file_by_file() {
        let enums = "#[allow(unused_imports)]\nuse super::*;\n// my enums\n";
        check(
            &[("schema.graphql", TYPES), ("templates/rust-client/enums.rs.tera", enums)],
            |builder| builder.input("schema.graphql").templates("templates").max_warnings(0),
            "cargo:rerun-if-changed=BASE/schema.graphql\n\
             cargo:rerun-if-changed=BASE/templates\n\
             cargo:rerun-if-changed=BASE/templates/rust-client/enums.rs.tera\n\
             cargo:warning=gqlsmith: 1 more warning not shown; raise Builder::max_warnings to see them\n\
             wrote OUT/gqlsmith/rust-client.rs",
        );
        check(
            &[("schema.graphql", TYPES), ("templates/rust-client/enums.rs.tera", "{% for %}")],
            |builder| builder.input("schema.graphql").templates("templates").max_warnings(0),
            "cargo:rerun-if-changed=BASE/schema.graphql\n\
             cargo:rerun-if-changed=BASE/templates\n\
             cargo:rerun-if-changed=BASE/templates/rust-client/enums.rs.tera\n\
             gqlsmith found 1 error and generated nothing:\n\
             BASE/templates/rust-client/enums.rs.tera:1:8: error[G701]: template syntax error: expected an identifier (must start with a-z)\n  = help: fix the template at this line, or delete the file to use the embedded template",
        );
    }

    #[test]
    fn an_unchanged_output_is_not_rewritten() {
        let base = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        std::fs::write(base.path().join("schema.graphql"), TYPES).unwrap();
        let builder = Builder::new().base_dir(base.path()).input("schema.graphql");
        let path = builder.generate_into(out.path(), &mut Vec::new()).unwrap();
        let first = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        builder.generate_into(out.path(), &mut Vec::new()).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), first);
        // The file and the out dir's lock, no temporary file.
        let mut left: Vec<String> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [gqlsmith::LOCK_FILE, "rust-client.rs"],
            "no temporary file left"
        );
    }
}
