//! `gqlsmith generate`: bindings and docs from the model, written atomically, or compared with
//! what is on disk (`--check`).

use std::path::{Path, PathBuf};

use gqlsmith::{DirReport, WriteMode};
use gqlsmith_codegen::{Config as GenerateConfig, Target, Templates};

use super::{DocumentArgs, InputArgs};
use crate::report::{count, diagnostic_lines, exit_for, is_stdout, Exit, Reporter};

#[derive(clap::Args, Debug)]
pub(crate) struct GenerateArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    #[command(flatten)]
    pub(crate) documents: DocumentArgs,
    /// Targets to generate (default: the config's, else all).
    #[arg(long = "target", value_name = "NAME", value_parser = target_parser())]
    pub(crate) targets: Vec<Target>,
    /// The output directory; each target writes below `<DIR>/<target>/` unless the config
    /// gives it its own directory.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    /// Write nothing; exit 1 listing the files that are stale or missing.
    #[arg(long)]
    pub(crate) check: bool,
    /// A directory of templates that replace the bundled ones file by file.
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,
    /// Mark deprecations whose removal date is before this date as overdue in the Markdown
    /// docs (default: `[generate.markdown] today`, else none, so output does not change with
    /// the clock).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::check::parse_date)]
    pub(crate) today: Option<gqlsmith_model::Date>,
    /// After generating, keep running: generate again whenever an input, a document, the
    /// config or a template changes (one line per run; Ctrl-C stops).
    #[arg(long, conflicts_with = "check")]
    pub(crate) watch: bool,
}

/// `--target`'s values are the registry's names, so clap lists them in `--help`, completes
/// them, and suggests the nearest for a misspelt one.
fn target_parser() -> impl clap::builder::TypedValueParser<Value = Target> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Target::all().map(Target::name))
        .try_map(|name| name.parse::<Target>())
}

pub(crate) fn run(args: GenerateArgs, reporter: &Reporter) -> Result<Exit, String> {
    if args.out.as_deref().is_some_and(is_stdout) {
        return Err("`--out -`: generate writes a directory of files for each target, which standard output cannot hold; give a directory (`convert --to sdl -o -` prints the schema)".to_owned());
    }
    if args.watch {
        return super::watch::run(&args, reporter);
    }
    generate_once(&args, reporter)
}

/// One run of `generate` (or `generate --check`): load, generate, write or compare.
pub(crate) fn generate_once(args: &GenerateArgs, reporter: &Reporter) -> Result<Exit, String> {
    let (project, config) = args.input.load(reporter)?;
    reporter.show(&project, &project.loaded.diagnostics);
    if project.loaded.has_errors() {
        // No partial output: errors stop the run before a single file is written.
        return Ok(exit_for(&project.loaded.diagnostics));
    }
    // Client operations for the per-operation targets; invalid ones stop the run, as an
    // invalid schema does (typed code for a query the server rejects helps nobody).
    let mut project = project;
    let has_documents = match args.documents.files(&config)? {
        Some(files) => {
            let diagnostics = project.read_documents(&files);
            reporter.show_with_documents(&project, &files, &diagnostics);
            if diagnostics.iter().any(|d| d.is_error()) {
                return Ok(exit_for(&diagnostics));
            }
            true
        }
        None => false,
    };
    let mut generate_config: GenerateConfig = config.generate_table()?;
    if let Some(today) = args.today {
        generate_config.markdown.today = Some(today);
    }
    let templates = match &args.templates {
        Some(dir) => {
            gqlsmith::read_templates(dir).map_err(|diagnostics| diagnostic_lines(&diagnostics))?
        }
        None => Templates::default(),
    };
    let targets = if args.targets.is_empty() {
        generate_config.selected_targets_for(has_documents)
    } else {
        args.targets.clone()
    };
    // `--out DIR` puts every target below DIR; otherwise the config's out dir (relative to
    // the config file), whose default is `generated/<target>`.
    let targets: Vec<(Target, PathBuf)> = targets
        .into_iter()
        .map(|target| {
            let directory = match &args.out {
                Some(out) => out.join(target.name()),
                None => config.resolve(Path::new(&generate_config.out_dir(target))),
            };
            (target, directory)
        })
        .collect();
    let mode = if args.check {
        WriteMode::Check
    } else {
        WriteMode::Write
    };
    // The facade generates every target in memory first and checks every path, so a failing
    // target writes nothing at all; then it writes (or compares) each out dir.
    let reports =
        gqlsmith::generate_targets_to_dirs(&project, &targets, &generate_config, &templates, mode)
            .map_err(|diagnostics| diagnostic_lines(&diagnostics))?;
    let files: usize = reports.iter().map(|report| report.files.len()).sum();
    if args.check {
        return Ok(check_report(&reports, files, reporter));
    }
    let directories: Vec<String> = reports
        .iter()
        .map(|report| format!("`{}`", report.dir.display()))
        .collect();
    for report in &reports {
        for removed in &report.orphaned {
            reporter.status(&format!(
                "removed {} (no longer generated)",
                removed.display()
            ));
        }
        for removed in &report.leftovers {
            reporter.status(&format!(
                "removed {} (left by an interrupted run)",
                removed.display()
            ));
        }
    }
    reporter.status(&format!(
        "generated {} in {}",
        count(files, "file", "files"),
        directories.join(", ")
    ));
    Ok(Exit::Success)
}

/// Prints what `--check` found: stale (changed), missing and orphaned files, and temporary
/// files an interrupted run left.
fn check_report(reports: &[DirReport], files: usize, reporter: &Reporter) -> Exit {
    let mut stale = 0;
    for report in reports {
        for path in &report.changed {
            println!("stale: {}", path.display());
        }
        for path in &report.missing {
            println!("missing: {}", path.display());
        }
        for path in &report.orphaned {
            println!("orphaned: {}", path.display());
        }
        for path in &report.leftovers {
            println!(
                "leftover: {} (a temporary file of an interrupted run)",
                path.display()
            );
        }
        stale += report.changed.len()
            + report.missing.len()
            + report.orphaned.len()
            + report.leftovers.len();
    }
    if stale == 0 {
        reporter.status(&format!(
            "{} up to date",
            count(files, "generated file is", "generated files are")
        ));
        Exit::Success
    } else {
        // The verdict, so it is printed even with --quiet.
        eprintln!(
            "{stale} of {} stale, missing or no longer generated (or left by an interrupted run); run `gqlsmith generate` without --check",
            count(files, "generated file is", "generated files are")
        );
        Exit::Findings
    }
}
