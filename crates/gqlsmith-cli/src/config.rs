//! `gqlsmith.toml`: one file for inputs and every command's settings. Each table belongs to the
//! crate that uses it (`[check]` to gqlsmith-checks, `[diff]` to gqlsmith-diff, `[generate]` to
//! gqlsmith-codegen); this module only finds the file and splits it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The whole configuration file. Unknown keys are errors, so a typo is not silently ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ConfigFile {
    /// Inputs used when the command line names none (paths relative to the config file).
    #[serde(default)]
    pub(crate) inputs: Vec<PathBuf>,
    #[serde(default)]
    pub(crate) overlay: Option<PathBuf>,
    #[serde(default)]
    pub(crate) reference: Option<PathBuf>,
    /// Client operations (globs relative to the config file), used when the command line
    /// gives no `--documents`.
    #[serde(default)]
    pub(crate) documents: Vec<String>,
    #[serde(default)]
    pub(crate) check: Option<toml::Table>,
    #[serde(default)]
    pub(crate) diff: Option<toml::Table>,
    #[serde(default)]
    pub(crate) generate: Option<toml::Table>,
}

/// A loaded configuration with the directory its relative paths start from.
#[derive(Debug, Default)]
pub(crate) struct Config {
    pub(crate) file: ConfigFile,
    pub(crate) base: PathBuf,
    pub(crate) path: Option<PathBuf>,
    pub(crate) text: String,
}

impl Config {
    /// Reads `explicit`, or `./gqlsmith.toml` when it exists, or nothing.
    pub(crate) fn load(explicit: Option<&Path>) -> Result<Config, String> {
        let path = match explicit {
            Some(path) => path.to_path_buf(),
            None if Path::new("gqlsmith.toml").is_file() => PathBuf::from("gqlsmith.toml"),
            None => return Ok(Config::default()),
        };
        let text =
            gqlsmith::read_text(&path).map_err(|error| format!("cannot read config: {error}"))?;
        let file: ConfigFile =
            toml::from_str(&text).map_err(|error| describe_toml_error(&path, &text, &error))?;
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(Config {
            file,
            base,
            path: Some(path),
            text,
        })
    }

    /// `path` as the config file means it: relative to the file's directory.
    pub(crate) fn resolve(&self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.base.join(path)
        }
    }

    /// The label diagnostics about this file use.
    pub(crate) fn label(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "gqlsmith.toml".to_owned(), |p| p.display().to_string())
    }
}

/// `file:line:column: message`, from a toml error's byte span.
/// The `[generate]` table in its crate's type; other keys are ignored (the file as a whole is
/// checked by [`ConfigFile`]).
#[derive(Deserialize)]
struct GenerateTable {
    #[serde(default)]
    generate: Option<gqlsmith_codegen::Config>,
}

/// The `[diff]` table, as [`GenerateTable`].
#[derive(Deserialize)]
struct DiffTable {
    #[serde(default)]
    diff: Option<gqlsmith_diff::DiffOptions>,
}

impl Config {
    /// The `[generate]` table (defaults without one), or the error at its line and column.
    pub(crate) fn generate_table(&self) -> Result<gqlsmith_codegen::Config, String> {
        if self.file.generate.is_none() {
            return Ok(gqlsmith_codegen::Config::default());
        }
        let table: GenerateTable = self.typed_table("generate")?;
        Ok(table.generate.unwrap_or_default())
    }

    /// The `[diff]` table (defaults without one), or the error at its line and column.
    pub(crate) fn diff_table(&self) -> Result<gqlsmith_diff::DiffOptions, String> {
        if self.file.diff.is_none() {
            return Ok(gqlsmith_diff::DiffOptions::default());
        }
        let table: DiffTable = self.typed_table("diff")?;
        Ok(table.diff.unwrap_or_default())
    }

    /// Both tables checked, for a command that uses neither (`check`): a broken table is
    /// found by whichever command runs first, with the same message.
    pub(crate) fn check_tables(&self) -> Result<(), String> {
        self.generate_table()?;
        self.diff_table().map(drop)
    }

    /// Reads `T` from the file's text (not from the parsed table), so that an error has a span.
    fn typed_table<T: serde::de::DeserializeOwned>(&self, name: &str) -> Result<T, String> {
        toml::from_str(&self.text).map_err(|error: toml::de::Error| {
            let (line, column) = error.span().map_or((1, 1), |span| {
                gqlsmith::model::LineIndex::new(&self.text).line_column(span.start)
            });
            format!(
                "{}:{line}:{column}: invalid [{name}] table: {}",
                self.label(),
                error.message()
            )
        })
    }
}

pub(crate) fn describe_toml_error(path: &Path, text: &str, error: &toml::de::Error) -> String {
    let (line, column) = error.span().map_or((1, 1), |span| {
        gqlsmith::model::LineIndex::new(text).line_column(span.start)
    });
    format!(
        "{}:{line}:{column}: invalid config: {}",
        path.display(),
        error.message()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_errors_point_at_the_key() {
        let text = "inputs = [\"a.graphql\"]\ncheks = 1\n";
        let error = toml::from_str::<ConfigFile>(text).unwrap_err();
        let message = describe_toml_error(Path::new("gqlsmith.toml"), text, &error);
        assert!(
            message.starts_with("gqlsmith.toml:2:1: invalid config: unknown field `cheks`"),
            "{message}"
        );
    }
}
