//! `gqlsmith check`: convention checks for a CI gate, with baselines.

use std::path::PathBuf;

use gqlsmith_checks::{Baseline, Config as CheckConfig, Profile};
use gqlsmith_model::Date;
use serde_json::json;

use super::{today, DocumentArgs, InputArgs};
use crate::render::{
    append_step_summary, diagnostics_json, github_annotations, render_human, sarif_json, sarif_log,
    stopped_on_diagnostics, stopped_on_error, summary_markdown, MachineFormat, SarifRule,
};
use crate::report::{
    count, diagnostic_lines, exit_for, sources_with_documents, write_file, Exit, Reporter,
};

#[derive(clap::Args, Debug)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    #[command(flatten)]
    pub(crate) documents: DocumentArgs,
    /// Output format of the findings.
    #[arg(long, value_enum, default_value = "human")]
    pub(crate) format: CheckFormat,
    /// Report and fail only on findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub(crate) baseline: Option<PathBuf>,
    /// Record the current findings as the accepted baseline in FILE.
    #[arg(long, value_name = "FILE")]
    pub(crate) write_baseline: Option<PathBuf>,
    /// The date deprecation removals are measured against (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub(crate) today: Option<Date>,
}

/// `check --format`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CheckFormat {
    // rustc-style text with source snippets.
    Human,
    Json,
    Sarif,
    // GitHub Actions workflow commands (annotations).
    Github,
}

impl CheckFormat {
    fn machine(self) -> Option<MachineFormat> {
        match self {
            CheckFormat::Sarif => Some(MachineFormat::Sarif),
            CheckFormat::Github => Some(MachineFormat::Github),
            CheckFormat::Human | CheckFormat::Json => None,
        }
    }
}

/// The checks run without a `[check]` table: the Relay profile always, and the Kraken
/// error-code profile when the schema declares error-code lists (the convention is visibly in
/// use, as on the bundled Kraken page); a `[check]` table's `profiles` replaces both.
fn default_check_config(schema: &gqlsmith_model::Schema) -> CheckConfig {
    let mut config = CheckConfig::default();
    let declares_error_codes = schema.types.values().any(|ty| !ty.error_codes.is_empty());
    if declares_error_codes && !config.profiles.contains(&Profile::Kraken) {
        config.profiles.push(Profile::Kraken);
    }
    config
}

pub(crate) fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).ok_or_else(|| format!("`{text}` is not a date: write YYYY-MM-DD"))
}

pub(crate) fn run(args: CheckArgs, reporter: &Reporter) -> Result<Exit, String> {
    // A CI system reads SARIF or annotations, not stderr: a run that stops says so there too.
    let machine = args.format.machine();
    // Where a failure is reported (GitHub shows a result only at a file): the first input,
    // else the configuration that names the inputs.
    let blamed = args
        .input
        .inputs
        .first()
        .or(args.input.config.as_ref())
        .cloned()
        .unwrap_or_else(|| PathBuf::from("gqlsmith.toml"));
    let outcome = run_checks(args, reporter);
    if let (Err(message), Some(format)) = (&outcome, machine) {
        print!("{}", stopped_on_error(format, "check", message, &blamed)?);
    }
    outcome
}

fn run_checks(args: CheckArgs, reporter: &Reporter) -> Result<Exit, String> {
    let (project, config) = args.input.load(reporter)?;
    if project.loaded.has_errors() {
        reporter.show(&project, &project.loaded.diagnostics);
        if let Some(format) = args.format.machine() {
            print!(
                "{}",
                stopped_on_diagnostics(format, "check", &project.loaded.diagnostics)?
            );
        }
        return Ok(exit_for(&project.loaded.diagnostics));
    }
    // The whole file goes to the checks crate, so its diagnostics point at real lines.
    let mut check_config = match &config.file.check {
        Some(_) => CheckConfig::from_toml(&config.text, config.label())
            .map_err(|diagnostics| diagnostic_lines(&diagnostics))?,
        None => default_check_config(&project.loaded.schema),
    };
    if let Some(registry) = check_config.errors.registry.clone() {
        // Relative to the config file, like every path in it.
        let path = config.resolve(std::path::Path::new(&registry));
        let text = gqlsmith::read_text(&path).map_err(|error| {
            format!(
                "{error} (the error-code registry named by `[check.errors] registry` in {})",
                config.label()
            )
        })?;
        check_config
            .load_error_registry(&text, path.display().to_string())
            .map_err(|diagnostics| diagnostic_lines(&diagnostics))?;
    }
    let today = args.today.unwrap_or_else(today);
    // Operations: every validation error is an error-level finding, and the operation rules
    // run over the model of the documents.
    let documents = args.documents.load(&config, &project.loaded.schema)?;
    let document_files = documents
        .as_ref()
        .map_or(&[][..], |loaded| &loaded.files[..]);
    let mut findings = gqlsmith_checks::check_with_documents(
        &project.loaded.schema,
        documents.as_ref().map(|loaded| &loaded.read.documents),
        &check_config,
        today,
    );
    if let Some(loaded) = &documents {
        findings.extend(loaded.read.diagnostics.iter().cloned());
    }
    let sources_text: Vec<_> = project
        .inputs
        .iter()
        .map(|input| (input.label.clone(), &*input.text))
        .chain(
            document_files
                .iter()
                .map(|file| (file.label.clone(), &*file.text)),
        )
        .collect();
    let mut findings = gqlsmith_checks::apply_suppressions(findings, &sources_text);
    if let Some(path) = &args.write_baseline {
        let baseline = Baseline::from_findings(&findings);
        let text = serde_json::to_string_pretty(&baseline).map_err(|e| e.to_string())? + "\n";
        write_file(path, text.as_bytes())?;
        reporter.status(&format!(
            "wrote {} to baseline `{}`",
            count(findings.len(), "finding", "findings"),
            path.display()
        ));
        return Ok(Exit::Success);
    }
    let mut fixed = Vec::new();
    if let Some(path) = &args.baseline {
        let text = gqlsmith::read_text(path).map_err(|error| format!("{error} (the baseline)"))?;
        let baseline: Baseline = serde_json::from_str(&text).map_err(|error| {
            format!(
                "{}:{}:{}: invalid baseline: {error}",
                path.display(),
                error.line(),
                error.column()
            )
        })?;
        let (new, fixed_entries) = baseline.split(findings);
        findings = new;
        fixed = fixed_entries
            .into_iter()
            .map(|entry| serde_json::to_value(entry).unwrap_or_default())
            .collect();
    }
    match args.format {
        CheckFormat::Json => {
            let value = json!({"findings": diagnostics_json(&findings), "reader_diagnostics": diagnostics_json(&project.loaded.diagnostics), "fixed_baseline_entries": fixed});
            println!(
                "{}",
                serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?
            );
        }
        CheckFormat::Sarif => {
            let log = sarif_log(&findings, SarifRule::lint_rules(), true);
            println!("{}", sarif_json(&log)?);
        }
        CheckFormat::Github => {
            print!("{}", github_annotations(&findings));
            append_step_summary(&summary_markdown("gqlsmith check", &findings));
        }
        CheckFormat::Human => {
            print!(
                "{}",
                render_human(
                    &findings,
                    &sources_with_documents(&project, document_files),
                    reporter.style()
                )
            );
            if !fixed.is_empty() {
                println!(
                    "{} fixed; rewrite the baseline with --write-baseline",
                    count(fixed.len(), "baseline entry is", "baseline entries are")
                );
            }
        }
    }
    Ok(exit_for(&findings))
}
