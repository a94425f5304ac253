//! The templates of every target: embedded defaults, a user's per-file overrides, the Tera
//! instance with our filters, and template errors as diagnostics.

use std::collections::BTreeMap;
use std::error::Error as _;

use gqlsmith_model::Diagnostic;
use heck::{ToSnakeCase, ToUpperCamelCase};
use serde::Serialize;
use tera::{Tera, Value};

use crate::diagnostics::{location_in, CodegenError};
use crate::rust::escape::{rust_doc, rust_string};
use crate::target::TARGETS;
use crate::Target;

/// The templates `generate` renders: the ones embedded in the binary (copies of
/// `templates/<target>/*.tera`), with any file a user overrides replaced by their copy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Templates {
    /// `(target, template file name)` -> the user's text and where it came from.
    overrides: BTreeMap<(Target, String), TemplateOverride>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct TemplateOverride {
    text: String,
    /// The path as shown in diagnostics.
    display_path: String,
}

impl Templates {
    /// Only the embedded templates.
    pub fn embedded() -> Templates {
        Templates::default()
    }

    /// The embedded templates, with each user file replacing the embedded template of its
    /// name (a user's copy of one template replaces only that one). `files` are the contents
    /// of a templates folder as `(name, text)` pairs, `name` relative to the folder and
    /// `/`-separated (`rust-client/enums.rs.tera`); `origin` is the folder as diagnostics show
    /// it. The caller reads the files (gqlsmith's facade does: this crate does no IO); a file
    /// directly in the folder is passed with its name alone, an empty target folder as
    /// `target/`. Every override is parsed here: a syntax error, or a file that matches no
    /// template, is a diagnostic naming the file (and the line, for syntax errors). Names
    /// with a hidden component (`.git/config`, `rust-server/.swp`) are skipped.
    pub fn with_overrides(
        origin: &str,
        files: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Templates, Vec<Diagnostic>> {
        let mut templates = Templates::default();
        let mut diagnostics = Vec::new();
        let mut refused_folders: Vec<String> = Vec::new();
        let mut files: Vec<(String, String)> = files.into_iter().collect();
        files.sort();
        for (name, text) in files {
            if name.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            let display_path = format!("{origin}/{name}");
            let Some((target_name, file_name)) = name.split_once('/') else {
                diagnostics.push(unknown_override(
                    &display_path,
                    if name.parse::<Target>().is_ok() {
                        "a target's templates go in a folder named after it"
                    } else {
                        "it is not a folder named after a target"
                    },
                ));
                continue;
            };
            let Ok(target) = target_name.parse::<Target>() else {
                if !refused_folders.iter().any(|folder| folder == target_name) {
                    refused_folders.push(target_name.to_owned());
                    diagnostics.push(unknown_override(
                        &format!("{origin}/{target_name}"),
                        "it is not a folder named after a target",
                    ));
                }
                continue;
            };
            if file_name.is_empty() {
                continue;
            }
            if !target
                .info()
                .templates
                .iter()
                .any(|(name, _)| *name == file_name)
            {
                diagnostics.push(unknown_override(
                    &display_path,
                    "no embedded template has this name",
                ));
                continue;
            }
            templates.overrides.insert(
                (target, file_name.to_owned()),
                TemplateOverride { text, display_path },
            );
        }
        for target in Target::all() {
            if let Err(mut errors) = templates.tera_for(target) {
                diagnostics.append(&mut errors);
            }
        }
        if diagnostics.is_empty() {
            Ok(templates)
        } else {
            Err(diagnostics)
        }
    }

    /// The diagnostic for a templates folder or file the caller could not read.
    pub fn unreadable(display_path: &str, error: &str) -> Diagnostic {
        CodegenError::UnreadableTemplate
            .diagnostic(format!("cannot read template `{display_path}`: {error}"))
            .at(location_in(display_path, 1, 1))
            .with_help("check that the --templates folder exists and is readable")
    }

    /// The text and display path of one template of `target`, overridden or embedded.
    fn source(&self, target: Target, name: &str) -> Option<(&str, String)> {
        if let Some(user) = self.overrides.get(&(target, name.to_owned())) {
            return Some((&user.text, user.display_path.clone()));
        }
        let (_, text) = target
            .info()
            .templates
            .iter()
            .find(|(file, _)| *file == name)?;
        Some((text, format!("templates/{}/{}", target.name(), name)))
    }

    /// True when a user's file replaces any template of `target`.
    pub(crate) fn overrides(&self, target: Target) -> bool {
        self.overrides
            .keys()
            .any(|(overridden, _)| *overridden == target)
    }

    /// The path diagnostics show for template `name` of `target`: the user's file when
    /// overridden, `templates/<target>/<name>` when embedded.
    pub(crate) fn display_path(&self, target: Target, name: &str) -> String {
        self.source(target, name)
            .map_or_else(|| format!("templates/{target}/{name}"), |(_, path)| path)
    }

    /// A Tera instance holding every template of `target`, with our filters registered.
    pub(crate) fn tera_for(&self, target: Target) -> Result<Tera, Vec<Diagnostic>> {
        let mut tera = Tera::default();
        tera.autoescape_on(Vec::new());
        register_filters(&mut tera);
        let mut diagnostics = Vec::new();
        for (name, _) in target.info().templates {
            let Some((text, display_path)) = self.source(target, name) else {
                continue;
            };
            // One template at a time, so that a syntax error names its own file.
            if let Err(error) = tera.add_raw_template(name, text) {
                diagnostics.push(syntax_error(&error, &display_path));
            }
        }
        if diagnostics.is_empty() {
            Ok(tera)
        } else {
            Err(diagnostics)
        }
    }

    /// The Tera context of a view-model (built once per target, shared by its templates).
    pub(crate) fn context(
        &self,
        target: Target,
        view_model: &impl Serialize,
    ) -> Result<tera::Context, Diagnostic> {
        tera::Context::from_serialize(view_model).map_err(|error| {
            CodegenError::TemplateRender
                .diagnostic(format!(
                    "cannot build the template context of `{target}`: {}",
                    error_chain(&error)
                ))
                .with_help("this is a bug in gqlsmith: please report it with the input")
        })
    }

    /// Renders template `name` of `target` with a context built by [`Templates::context`]
    /// (built once per view-model, shared by the templates that render it).
    pub(crate) fn render(
        &self,
        tera: &Tera,
        target: Target,
        name: &str,
        context: &tera::Context,
    ) -> Result<String, Diagnostic> {
        tera.render(name, context).map_err(|error| {
            let (text, display_path) = self.source(target, name).unwrap_or(("", name.to_owned()));
            let message = error_chain(&error);
            let (line, column) = locate_render_error(text, &message);
            CodegenError::TemplateRender
                .diagnostic(format!("template `{name}` failed to render: {message}"))
                .at(location_in(&display_path, line, column))
                .with_help("compare the template with the embedded one: the names it may use are listed in templates/README.md")
        })
    }
}

/// Every filter a template may use. They are the Rust functions of `escape` and `naming`,
/// so their behaviour is unit tested in Rust, not in templates.
fn register_filters(tera: &mut Tera) {
    tera.register_filter("rust_doc", StringFilter(rust_doc));
    tera.register_filter("rust_string", StringFilter(rust_string));
    tera.register_filter("snake_case", StringFilter(|text| text.to_snake_case()));
    tera.register_filter(
        "upper_camel_case",
        StringFilter(|text| text.to_upper_camel_case()),
    );
}

/// A Tera filter from a string function; `null` (an absent description) becomes "".
struct StringFilter(fn(&str) -> String);

impl tera::Filter for StringFilter {
    // Tera's trait names std's HashMap in its signature; the map is only read, never iterated
    // into output, so it cannot make output nondeterministic.
    #[allow(clippy::disallowed_types)]
    fn filter(
        &self,
        value: &Value,
        _args: &std::collections::HashMap<String, Value>,
    ) -> tera::Result<Value> {
        match value {
            Value::Null => Ok(Value::String(String::new())),
            Value::String(text) => Ok(Value::String((self.0)(text))),
            other => Ok(Value::String((self.0)(&other.to_string()))),
        }
    }
}

fn unknown_override(display_path: &str, why: &str) -> Diagnostic {
    let known: Vec<String> = TARGETS
        .iter()
        .flat_map(|info| {
            info.templates
                .iter()
                .map(move |(name, _)| format!("{}/{}", info.name, name))
        })
        .collect();
    CodegenError::UnknownTemplateOverride
        .diagnostic(format!("`{display_path}` overrides no template: {why}"))
        .at(location_in(display_path, 1, 1))
        .with_help(format!("rename it to one of: {}", known.join(", ")))
}

/// A Tera parse error as a diagnostic at the line and column pest reports (` --> 3:5`).
fn syntax_error(error: &tera::Error, display_path: &str) -> Diagnostic {
    let chain = error_chain(error);
    let (line, column) = chain
        .split_once("-->")
        .and_then(|(_, rest)| {
            let position = rest.split_whitespace().next()?;
            let (line, column) = position.split_once(':')?;
            Some((line.parse().ok()?, column.parse().ok()?))
        })
        .unwrap_or((1, 1));
    let expected = chain
        .lines()
        .rev()
        .find_map(|line| line.trim_start().strip_prefix("= "))
        .unwrap_or("the template does not parse")
        .to_owned();
    CodegenError::TemplateSyntax
        .diagnostic(format!("template syntax error: {expected}"))
        .at(location_in(display_path, line, column))
        .with_help("fix the template at this line, or delete the file to use the embedded template")
}

/// Tera errors wrap their cause; the cause says what went wrong.
fn error_chain(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Render errors carry no position; the first backticked name in the message (``Variable
/// `foo.bar` not found``) is searched in the template to find the line.
fn locate_render_error(template: &str, message: &str) -> (u32, u32) {
    let name = message.split('`').nth(1).filter(|name| !name.is_empty());
    if let Some(name) = name {
        for (index, line) in template.lines().enumerate() {
            if let Some(column) = line.find(name) {
                let column = line[..column].chars().count() + 1;
                return (
                    u32::try_from(index + 1).unwrap_or(u32::MAX),
                    u32::try_from(column).unwrap_or(u32::MAX),
                );
            }
        }
    }
    (1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Loads `files` (name, text) as the overrides of the folder `DIR`; returns the
    /// overridden names or the diagnostics.
    #[track_caller]
    fn check(files: &[(&str, &str)], expect: &str) {
        let pairs = files
            .iter()
            .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()));
        let actual = match Templates::with_overrides("DIR", pairs) {
            Ok(templates) => templates
                .overrides
                .keys()
                .map(|(target, name)| format!("{target}/{name}"))
                .collect::<Vec<_>>()
                .join(", "),
            Err(diagnostics) => diagnostics
                .iter()
                .map(|diagnostic| format!("{diagnostic} | {}", diagnostic.name))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        assert_eq!(actual, expect);
    }

    #[test]
    fn an_override_replaces_only_its_own_template() {
        check(&[], "");
        check(
            &[("rust-client/enums.rs.tera", "// mine\n")],
            "rust-client/enums.rs.tera",
        );
        check(&[(".git/config", ""), ("rust-server/.swp", "")], "");
    }

    #[test]
    fn broken_overrides_name_file_and_line() {
        check(
            &[("rust-client/enums.rs.tera", "line one\n{% for x in %}\n")],
            "DIR/rust-client/enums.rs.tera:2:13: error[G701]: template syntax error: expected an expression or an array of values | template-syntax-error",
        );
        check(
            &[("rust-client/enum.rs.tera", "")],
            "DIR/rust-client/enum.rs.tera:1:1: error[G706]: `DIR/rust-client/enum.rs.tera` overrides no template: no embedded template has this name | unknown-template-override",
        );
        check(
            &[("go/types.go.tera", ""), ("go/more.go.tera", "")],
            "DIR/go:1:1: error[G706]: `DIR/go` overrides no template: it is not a folder named after a target | unknown-template-override",
        );
        check(
            &[("rust-client", "")],
            "DIR/rust-client:1:1: error[G706]: `DIR/rust-client` overrides no template: a target's templates go in a folder named after it | unknown-template-override",
        );
    }

    #[test]
    fn embedded_templates_parse() {
        for target in Target::all() {
            assert!(Templates::embedded().tera_for(target).is_ok(), "{target}");
        }
    }

    #[test]
    fn render_errors_point_at_the_line() {
        assert_eq!(
            locate_render_error("a\nb {{ x.y }}", "Variable `x.y` not found"),
            (2, 6)
        );
        assert_eq!(locate_render_error("a", "something else"), (1, 1));
    }
}
