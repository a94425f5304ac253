//! `gqlsmith diff OLD NEW`: what changed between two schemas, and whether clients break.

use std::path::PathBuf;

use gqlsmith::{load, Input, InputFormat, LoadOptions, Project};
use gqlsmith_diff::{AllowList, Change, Criticality, DiffOptions, FailOn};
use gqlsmith_model::{Diagnostic, Severity};
use heck::ToKebabCase;
use serde_json::json;

use super::FromFormat;
use crate::config::Config;
use crate::render::{diagnostics_json, github_annotations, sarif_log, SarifRule};
use crate::report::{diagnostic_lines, Exit, Reporter};

#[derive(clap::Args, Debug)]
pub(crate) struct DiffArgs {
    /// The old schema (docs page, SDL or introspection JSON).
    pub(crate) old: PathBuf,
    /// The new schema (any format; it need not match the old one's).
    pub(crate) new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub(crate) format: DiffFormat,
    /// The configuration file (default: ./gqlsmith.toml when it exists); its `[diff]` table.
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Approved changes: reported, but they do not fail the gate.
    #[arg(long, value_name = "FILE")]
    pub(crate) allow: Option<PathBuf>,
    /// The lowest criticality that fails the gate (exit 1); default: the config's, else breaking.
    #[arg(long, value_enum)]
    pub(crate) fail_on: Option<FailOnArg>,
    /// List the changes inside added and removed types too, instead of folding them.
    #[arg(long)]
    pub(crate) verbose_changes: bool,
    /// Read both inputs as this format, whatever their extensions.
    #[arg(long, value_name = "FORMAT")]
    pub(crate) from: Option<FromFormat>,
    /// Do not run the recovery pass on docs pages.
    #[arg(long)]
    pub(crate) no_recover: bool,
}

/// `diff --format`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DiffFormat {
    Human,
    Json,
    Sarif,
    // GitHub Actions workflow commands (annotations).
    Github,
    // A table for a pull-request comment.
    Markdown,
}

/// `diff --fail-on`, the CLI's spelling of [`FailOn`].
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FailOnArg {
    Breaking,
    Dangerous,
    None,
}

impl From<FailOnArg> for FailOn {
    fn from(fail_on: FailOnArg) -> FailOn {
        match fail_on {
            FailOnArg::Breaking => FailOn::Breaking,
            FailOnArg::Dangerous => FailOn::Dangerous,
            FailOnArg::None => FailOn::None,
        }
    }
}

pub(crate) fn run(args: DiffArgs, reporter: &Reporter) -> Result<Exit, String> {
    let config = Config::load(args.config.as_deref())?;
    let format = args.from.map(InputFormat::from);
    let options = LoadOptions {
        no_recover: args.no_recover,
        ..LoadOptions::default()
    };
    let read = |path: &PathBuf| -> Result<Project, String> {
        let input = Input::read(path, format).map_err(|error| error.to_string())?;
        Ok(load(vec![input], &options))
    };
    let old = read(&args.old)?;
    let new = read(&args.new)?;
    for project in [&old, &new] {
        reporter.show(project, &project.loaded.diagnostics);
    }
    // Both sides must load cleanly: a diff against half a schema would report phantom removals.
    for project in [&old, &new] {
        if project.loaded.has_errors() {
            return Ok(Exit::Usage);
        }
    }
    let mut diff_options: DiffOptions = match &config.file.diff {
        Some(table) => table.clone().try_into().map_err(|error: toml::de::Error| {
            format!(
                "{}: invalid [diff] table: {}",
                config.label(),
                error.message()
            )
        })?,
        None => DiffOptions::default(),
    };
    diff_options.verbose_changes |= args.verbose_changes;
    let mut changes = gqlsmith_diff::diff(&old.loaded.schema, &new.loaded.schema, &diff_options);
    let mut stale = Vec::new();
    if let Some(path) = &args.allow {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read allow list `{}`: {error}", path.display()))?;
        let allow = AllowList::parse(&text, path.display().to_string().into())
            .map_err(|diagnostics| diagnostic_lines(&diagnostics))?;
        stale = allow.apply(&mut changes);
    }
    let fail_on = args.fail_on.map_or(diff_options.fail_on, FailOn::from);
    match args.format {
        DiffFormat::Json => {
            let value =
                json!({"changes": changes, "stale_allow_entries": diagnostics_json(&stale)});
            println!(
                "{}",
                serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?
            );
        }
        DiffFormat::Markdown => print!("{}", gqlsmith_diff::render_markdown(&changes)),
        DiffFormat::Sarif => {
            let mut results = change_diagnostics(&changes);
            results.extend(stale.iter().cloned());
            let log = sarif_log(&results, &change_rules(&changes));
            println!(
                "{}",
                serde_json::to_string_pretty(&log).map_err(|e| e.to_string())?
            );
        }
        DiffFormat::Github => {
            let mut annotations = change_diagnostics(&changes);
            annotations.extend(stale.iter().cloned());
            print!("{}", github_annotations(&annotations));
        }
        DiffFormat::Human => {
            print!("{}", gqlsmith_diff::render_human(&changes));
            for entry in &stale {
                println!("{entry}");
            }
        }
    }
    Ok(if fail_on.fails(&changes) {
        Exit::Findings
    } else {
        Exit::Success
    })
}

/// Changes as diagnostics, for SARIF and GitHub annotations: located on the new input's line,
/// or on the old input's for removals.
fn change_diagnostics(changes: &[Change]) -> Vec<Diagnostic> {
    changes
        .iter()
        .map(|change| {
            let severity = match change.criticality {
                Criticality::Breaking if !change.approved => Severity::Error,
                Criticality::Breaking | Criticality::Dangerous => Severity::Warning,
                Criticality::Safe => Severity::Note,
            };
            Diagnostic::new(
                change.change_type.as_str(),
                kebab(change.change_type.as_str()),
                severity,
                change.message.clone(),
            )
            .at_opt(
                change
                    .new_location
                    .clone()
                    .or_else(|| change.old_location.clone()),
            )
            .with_coordinate(change.path.clone())
            .with_help(change.reason.clone())
        })
        .collect()
}

fn change_rules(changes: &[Change]) -> Vec<SarifRule> {
    let mut seen = std::collections::BTreeMap::new();
    for change in changes {
        seen.entry(change.change_type.as_str().to_owned())
            .or_insert(change.criticality);
    }
    seen.into_iter()
        .map(|(code, criticality)| SarifRule {
            name: kebab(&code),
            summary: code.replace('_', " ").to_lowercase(),
            code,
            help_markdown: None,
            default_severity: if criticality == Criticality::Safe {
                Severity::Note
            } else {
                Severity::Warning
            },
        })
        .collect()
}

fn kebab(screaming: &str) -> String {
    screaming.to_kebab_case()
}
