//! `gqlsmith generate`: bindings and docs from the model, written atomically, or compared with
//! what is on disk (`--check`).

use std::path::{Component, Path, PathBuf};

use gqlsmith_codegen::{Config as GenerateConfig, GeneratedFile, Target, Templates};

use super::{DocumentArgs, InputArgs};
use crate::report::{diagnostic_lines, exit_for, write_atomically, Exit, Reporter};

#[derive(clap::Args, Debug)]
pub(crate) struct GenerateArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    #[command(flatten)]
    pub(crate) documents: DocumentArgs,
    /// Targets to generate (default: the config's, else all).
    #[arg(long = "target", value_name = "NAME")]
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
}

pub(crate) fn run(args: GenerateArgs, reporter: &Reporter) -> Result<Exit, String> {
    let (project, config) = args.input.load()?;
    reporter.show(&project, &project.loaded.diagnostics);
    let label = project
        .inputs
        .first()
        .map_or_else(String::new, |input| input.label.to_string());
    let Ok((schema, _warnings)) = project.loaded.clone().into_valid() else {
        // No partial output: errors stop the run before a single file is written.
        return Ok(exit_for(&project.loaded.diagnostics));
    };
    // Client operations for the per-operation targets; invalid ones stop the run, as an
    // invalid schema does (typed code for a query the server rejects helps nobody).
    let documents = args.documents.load(&config, &schema)?;
    if let Some(loaded) = &documents {
        reporter.show_with_documents(&project, &loaded.files, &loaded.read.diagnostics);
        if loaded.read.diagnostics.iter().any(|d| d.is_error()) {
            return Ok(exit_for(&loaded.read.diagnostics));
        }
    }
    let documents = documents.map(|loaded| loaded.read.documents);
    let mut generate_config: GenerateConfig = match &config.file.generate {
        Some(table) => table.clone().try_into().map_err(|error: toml::de::Error| {
            format!(
                "{}: invalid [generate] table: {}",
                config.label(),
                error.message()
            )
        })?,
        None => GenerateConfig::default(),
    };
    if let Some(today) = args.today {
        generate_config.markdown.today = Some(today);
    }
    let templates = match &args.templates {
        Some(dir) => Templates::with_overrides_from_dir(dir)
            .map_err(|diagnostics| diagnostic_lines(&diagnostics))?,
        None => Templates::default(),
    };
    let targets = if args.targets.is_empty() {
        generate_config.selected_targets_for(documents.is_some())
    } else {
        args.targets.clone()
    };
    // Everything is generated in memory first, so a failing target writes nothing at all.
    let mut planned: Vec<(PathBuf, String)> = Vec::new();
    let mut directories = Vec::new();
    // The targets are generated side by side (each on its own thread), results in order.
    let generated = gqlsmith_codegen::generate_targets_with_documents(
        &schema,
        documents.as_ref(),
        &targets,
        &generate_config,
        &templates,
        &label,
    );
    for (&target, result) in targets.iter().zip(generated) {
        let files = result.map_err(|diagnostics| diagnostic_lines(&diagnostics))?;
        // `--out DIR` puts every target below DIR; otherwise the config's out dir (relative to
        // the config file), whose default is `generated/<target>`.
        let directory = match &args.out {
            Some(out) => out.join(target.name()),
            None => config.resolve(Path::new(&generate_config.out_dir(target))),
        };
        directories.push(format!("`{}`", directory.display()));
        for GeneratedFile { path, contents } in files {
            planned.push((directory.join(safe_relative(&path)?), contents));
        }
    }
    if args.check {
        return Ok(check_files(&planned));
    }
    for (path, contents) in &planned {
        if std::fs::read(path).ok().as_deref() != Some(contents.as_bytes()) {
            write_atomically(path, contents.as_bytes())?;
        }
    }
    eprintln!(
        "generated {} files in {}",
        planned.len(),
        directories.join(", ")
    );
    Ok(Exit::Success)
}

/// Compares planned files with the disk, byte for byte.
fn check_files(planned: &[(PathBuf, String)]) -> Exit {
    let mut stale = 0;
    for (path, contents) in planned {
        match std::fs::read(path) {
            Ok(bytes) if bytes == contents.as_bytes() => {}
            Ok(_) => {
                stale += 1;
                println!("stale: {}", path.display());
            }
            Err(_) => {
                stale += 1;
                println!("missing: {}", path.display());
            }
        }
    }
    if stale == 0 {
        eprintln!("{} generated files are up to date", planned.len());
        Exit::Success
    } else {
        eprintln!("{stale} of {} generated files are stale or missing; run `gqlsmith generate` without --check", planned.len());
        Exit::Findings
    }
}

/// An emitter's relative path, refused when it could leave the output directory.
fn safe_relative(path: &str) -> Result<PathBuf, String> {
    let relative = Path::new(path);
    let escapes = relative
        .components()
        .any(|part| !matches!(part, Component::Normal(_)));
    if path.is_empty() || escapes {
        return Err(format!(
            "refusing to write `{path}`: generated paths must stay inside the output directory"
        ));
    }
    Ok(relative.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::safe_relative;

    #[test]
    fn generated_paths_stay_inside_the_output_directory() {
        assert!(safe_relative("types/account.md").is_ok());
        assert!(safe_relative("../escape.rs").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(
            safe_relative("a/./b").is_ok(),
            "`.` components are dropped by Path, not refused"
        );
        assert!(safe_relative("").is_err());
    }
}
