//! `gqlsmith diff OLD NEW`: what changed between two schemas, and whether clients break.

use std::path::PathBuf;

use gqlsmith::{load, InputFormat, LoadOptions, Project};
use gqlsmith_diff::{AllowList, DiffOptions, FailOn};
use serde_json::json;

use super::{DocumentArgs, FromFormat, HttpArgs, InputReader};
use crate::config::Config;
use crate::render::{
    append_step_summary, diagnostics_json, sarif_json, stopped_on_diagnostics, stopped_on_error,
    DiffReport, MachineFormat,
};
use crate::report::{diagnostic_lines, Exit, Reporter};

#[derive(clap::Args, Debug)]
pub(crate) struct DiffArgs {
    /// The old schema (docs page, SDL or introspection JSON): a file, `git:REF:PATH` (the file
    /// at a git revision, such as `git:origin/main:schema.graphql`), an http(s):// URL
    /// (introspected), or `-` (standard input).
    pub(crate) old: PathBuf,
    /// The new schema (any format and any of the old one's forms).
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
    #[command(flatten)]
    pub(crate) http: HttpArgs,
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

impl DiffFormat {
    fn machine(self) -> Option<MachineFormat> {
        match self {
            DiffFormat::Sarif => Some(MachineFormat::Sarif),
            DiffFormat::Github => Some(MachineFormat::Github),
            DiffFormat::Human | DiffFormat::Json | DiffFormat::Markdown => None,
        }
    }
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
    // A CI system reads SARIF or annotations, not stderr: a run that stops says so there too.
    let machine = args.format.machine();
    let old_input = args.old.clone();
    let outcome = run_diff(args, reporter);
    if let (Err(message), Some(format)) = (&outcome, machine) {
        print!("{}", stopped_on_error(format, "diff", message, &old_input)?);
    }
    outcome
}

fn run_diff(args: DiffArgs, reporter: &Reporter) -> Result<Exit, String> {
    let config = Config::load(args.config.as_deref())?;
    let format = args.from.map(InputFormat::from);
    let options = LoadOptions {
        no_recover: args.no_recover,
        ..LoadOptions::default()
    };
    let reader = InputReader::new(format, &args.http);
    let read = |path: &PathBuf| -> Result<Project, String> {
        Ok(load(vec![reader.read(path)?], &options))
    };
    let old = read(&args.old)?;
    let new = read(&args.new)?;
    for project in [&old, &new] {
        reporter.show(project, &project.loaded.diagnostics);
    }
    // Both sides must load cleanly: a diff against half a schema would report phantom removals.
    if old.loaded.has_errors() || new.loaded.has_errors() {
        if let Some(format) = args.format.machine() {
            let diagnostics: Vec<_> = [&old, &new]
                .iter()
                .flat_map(|project| project.loaded.diagnostics.iter().cloned())
                .collect();
            print!("{}", stopped_on_diagnostics(format, "diff", &diagnostics)?);
        }
        return Ok(Exit::Usage);
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
            if let Some(format) = args.format.machine() {
                print!(
                    "{}",
                    stopped_on_diagnostics(format, "diff", std::slice::from_ref(missing_root))?
                );
            }
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
    let report = DiffReport {
        changes: &changes,
        broken: &broken,
        stale: &stale,
    };
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
        DiffFormat::Markdown => print!("{}", report.markdown()),
        DiffFormat::Sarif => println!("{}", sarif_json(&report.sarif())?),
        DiffFormat::Github => {
            print!("{}", report.github_annotations());
            append_step_summary(&report.markdown());
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
