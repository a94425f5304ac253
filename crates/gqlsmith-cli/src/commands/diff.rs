//! `gqlsmith diff OLD NEW`: what changed between two schemas, and whether clients break.

use std::path::PathBuf;

use gqlsmith::{load, Input, InputFormat, LoadOptions, Project};
use gqlsmith_diff::{AllowList, Change, Criticality, DiffOptions, FailOn};
use gqlsmith_model::{Diagnostic, Severity};
use heck::ToKebabCase;
use serde_json::json;

use super::{DocumentArgs, FromFormat};
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
    /// The lowest criticality that fails the gate (exit 1); default: the config's, else
    /// breaking. `breaking-in-use` (with --documents) fails only when a breaking change
    /// touches one of the operations, or an operation stops validating.
    #[arg(long, value_enum)]
    pub(crate) fail_on: Option<FailOnArg>,
    #[command(flatten)]
    pub(crate) documents: DocumentArgs,
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
    /// Only breaking changes that touch an operation, or operations that break
    /// (needs --documents).
    BreakingInUse,
    None,
}

impl From<FailOnArg> for FailOn {
    fn from(fail_on: FailOnArg) -> FailOn {
        match fail_on {
            FailOnArg::Breaking => FailOn::Breaking,
            FailOnArg::Dangerous => FailOn::Dangerous,
            FailOnArg::BreakingInUse => FailOn::BreakingInUse,
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
    let mut diff_options: DiffOptions = config.diff_table()?;
    diff_options.verbose_changes |= args.verbose_changes;
    let mut changes = gqlsmith_diff::diff(&old.loaded.schema, &new.loaded.schema, &diff_options);
    let mut stale = Vec::new();
    if let Some(path) = &args.allow {
        let text =
            gqlsmith::read_text(path).map_err(|error| format!("{error} (the allow list)"))?;
        let allow = AllowList::parse(&text, path.display().to_string().into())
            .map_err(|diagnostics| diagnostic_lines(&diagnostics))?;
        stale = allow.apply(&mut changes);
    }
    let fail_on = args.fail_on.map_or(diff_options.fail_on, FailOn::from);
    // Client operations: which of them each change touches (read against the old schema,
    // where they are meant to be valid), and which stop validating against the new one.
    let documents = args.documents.files(&config)?;
    if fail_on == FailOn::BreakingInUse && documents.is_none() {
        return Err("`--fail-on breaking-in-use` needs the operations to check: give `--documents GLOB` or `documents = [...]` in gqlsmith.toml".to_owned());
    }
    let mut broken = Vec::new();
    if let Some(files) = &documents {
        let against_old = gqlsmith::read_documents(&old.loaded.schema, files);
        let against_new = gqlsmith::read_documents(&new.loaded.schema, files);
        if let Some(missing_root) = against_old.diagnostics.iter().find(|diagnostic| {
            diagnostic.name == "no-query-root" || diagnostic.name == "syntax-error"
        }) {
            reporter.show_with_documents(&old, files, std::slice::from_ref(missing_root));
            return Ok(Exit::Usage);
        }
        gqlsmith_diff::mark_affected(&mut changes, &against_old.documents);
        broken = gqlsmith_diff::broken_operations(
            &against_new.documents,
            &against_old.diagnostics,
            &against_new.diagnostics,
        );
    }
    let broken_json = broken_json(&broken);
    match args.format {
        DiffFormat::Json => {
            let mut value =
                json!({"changes": changes, "stale_allow_entries": diagnostics_json(&stale)});
            if documents.is_some() {
                value["broken_operations"] = broken_json;
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?
            );
        }
        DiffFormat::Markdown => {
            print!("{}", gqlsmith_diff::render_markdown(&changes));
            if !broken.is_empty() {
                println!("\n### Broken operations ({})\n", broken.len());
                println!("| Operation | Where | Error |\n|---|---|---|");
                for operation in &broken {
                    println!(
                        "| `{}` | `{}:{}:{}` | {} |",
                        operation.name,
                        operation.file,
                        operation.line,
                        operation.column,
                        operation.message.replace('|', "\\|").replace('\n', " ")
                    );
                }
            }
        }
        DiffFormat::Sarif => {
            let mut results = change_diagnostics(&changes);
            results.extend(broken_diagnostics(&broken));
            results.extend(stale.iter().cloned());
            let mut rules = change_rules(&changes);
            if !broken.is_empty() {
                rules.push(SarifRule {
                    code: "OPERATION_BROKEN".to_owned(),
                    name: "operation-broken".to_owned(),
                    summary: "a client operation no longer validates against the new schema"
                        .to_owned(),
                    help_markdown: None,
                    default_severity: Severity::Error,
                });
            }
            let log = sarif_log(&results, &rules);
            println!(
                "{}",
                serde_json::to_string_pretty(&log).map_err(|e| e.to_string())?
            );
        }
        DiffFormat::Github => {
            let mut annotations = change_diagnostics(&changes);
            annotations.extend(broken_diagnostics(&broken));
            annotations.extend(stale.iter().cloned());
            print!("{}", github_annotations(&annotations));
        }
        DiffFormat::Human => {
            print!("{}", gqlsmith_diff::render_human(&changes));
            if !broken.is_empty() {
                println!("\nbroken operations ({})", broken.len());
                for operation in &broken {
                    println!(
                        "  {} at {}:{}:{}\n    {}",
                        operation.name,
                        operation.file,
                        operation.line,
                        operation.column,
                        operation.message
                    );
                }
            }
            for entry in &stale {
                println!("{entry}");
            }
        }
    }
    Ok(if fail_on.fails(&changes, &broken) {
        Exit::Findings
    } else {
        Exit::Success
    })
}

/// `[{name, file, line, column, message}]`.
fn broken_json(broken: &[gqlsmith_diff::BrokenOperation]) -> serde_json::Value {
    serde_json::to_value(broken).unwrap_or_default()
}

/// Broken operations as error diagnostics at the failing selection, for SARIF and GitHub.
fn broken_diagnostics(broken: &[gqlsmith_diff::BrokenOperation]) -> Vec<Diagnostic> {
    broken
        .iter()
        .map(|operation| {
            Diagnostic::new(
                "OPERATION_BROKEN",
                "operation-broken",
                Severity::Error,
                format!(
                    "the operation `{}` no longer validates: {}",
                    operation.name, operation.message
                ),
            )
            .at(gqlsmith_model::Location::new(
                operation.file.clone(),
                operation.line,
                operation.column,
            ))
            .with_help("change the operation, or keep what it uses in the schema")
        })
        .collect()
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
            let message = match change.affected_operations.as_deref() {
                Some(operations) if !operations.is_empty() => {
                    let names: Vec<&str> = operations
                        .iter()
                        .map(|operation| operation.name.as_str())
                        .collect();
                    format!("{} (used by {})", change.message, names.join(", "))
                }
                _ => change.message.clone(),
            };
            Diagnostic::new(
                change.change_type.as_str(),
                kebab(change.change_type.as_str()),
                severity,
                message,
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
