//! `gqlsmith coverage SCHEMA --documents GLOB`: for every type and field, the operations that
//! use it; the fields no operation uses; per-type shares.

use gqlsmith::operations::{Coverage, TypeCoverage};
use serde_json::json;

use super::{DocumentArgs, InputArgs};
use crate::report::{exit_for, Exit, Reporter};

#[derive(clap::Args, Debug)]
pub(crate) struct CoverageArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    #[command(flatten)]
    pub(crate) documents: DocumentArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CoverageFormat::Human)]
    pub(crate) format: CoverageFormat,
}

/// `coverage --format`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CoverageFormat {
    Human,
    Json,
    /// A summary table for a pull-request comment or a docs page.
    Markdown,
}

pub(crate) fn run(args: CoverageArgs, reporter: &Reporter) -> Result<Exit, String> {
    let (project, config) = args.input.load(reporter)?;
    if project.loaded.has_errors() {
        reporter.show(&project, &project.loaded.diagnostics);
        return Ok(exit_for(&project.loaded.diagnostics));
    }
    let Some(documents) = args.documents.load(&config, &project.loaded.schema)? else {
        return Err("coverage needs operations: give `--documents GLOB` (or `documents = [...]` in gqlsmith.toml)".to_owned());
    };
    // Coverage of invalid documents would count selections the server rejects: show the
    // errors and stop, as `check --documents` would fail on them.
    if documents.read.diagnostics.iter().any(|d| d.is_error()) {
        reporter.show_with_documents(&project, &documents.files, &documents.read.diagnostics);
        return Ok(exit_for(&documents.read.diagnostics));
    }
    let coverage =
        gqlsmith::operations::coverage(&project.loaded.schema, &documents.read.documents);
    match args.format {
        CoverageFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&coverage_json(&coverage)).map_err(|e| e.to_string())?
        ),
        CoverageFormat::Markdown => print!("{}", coverage_markdown(&coverage)),
        CoverageFormat::Human => print!("{}", coverage_human(&coverage)),
    }
    Ok(Exit::Success)
}

fn percent(used: usize, total: usize) -> f64 {
    if total == 0 {
        100.0
    } else {
        // Rounded to one decimal so the output does not change with float noise.
        (1000.0 * used as f64 / total as f64).round() / 10.0
    }
}

fn used_fields(ty: &TypeCoverage) -> usize {
    ty.fields
        .iter()
        .filter(|field| !field.uses.is_empty())
        .count()
}

fn coverage_json(coverage: &Coverage) -> serde_json::Value {
    let uses = |uses: &[gqlsmith::operations::CoverageUse]| -> serde_json::Value {
        uses.iter()
            .map(|use_| {
                json!({
                    "operation": use_.operation,
                    "file": &*use_.location.file,
                    "line": use_.location.line,
                    "column": use_.location.column,
                })
            })
            .collect()
    };
    json!({
        "operations": coverage.operations,
        "fields": {
            "total": coverage.fields_total,
            "used": coverage.fields_used,
            "percent": percent(coverage.fields_used, coverage.fields_total),
        },
        "types": coverage.types.iter().map(|ty| json!({
            "name": ty.name,
            "kind": ty.kind.as_str(),
            "operations": ty.uses.len(),
            "uses": uses(&ty.uses),
            "fields_used": used_fields(ty),
            "fields_total": ty.fields.len(),
            "percent": (!ty.fields.is_empty()).then(|| percent(used_fields(ty), ty.fields.len())),
            "fields": ty.fields.iter().map(|field| json!({
                "name": field.name,
                "coordinate": field.coordinate,
                "operations": field.uses.len(),
                "uses": uses(&field.uses),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// A line per type with fields, most-used first by share, then the unused fields.
fn coverage_human(coverage: &Coverage) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} use {} of {} fields ({}%)",
        coverage.operations,
        if coverage.operations == 1 {
            "operation"
        } else {
            "operations"
        },
        coverage.fields_used,
        coverage.fields_total,
        percent(coverage.fields_used, coverage.fields_total)
    );
    let mut used_types: Vec<&TypeCoverage> = coverage
        .types
        .iter()
        .filter(|ty| !ty.uses.is_empty())
        .collect();
    used_types.sort_by(|a, b| b.uses.len().cmp(&a.uses.len()).then(a.name.cmp(&b.name)));
    let _ = writeln!(out, "\ntypes used ({})", used_types.len());
    for ty in &used_types {
        let noun = if ty.uses.len() == 1 {
            "operation"
        } else {
            "operations"
        };
        let _ = write!(
            out,
            "  {} ({}): {} {noun}",
            ty.name,
            ty.kind.as_str(),
            ty.uses.len()
        );
        if !ty.fields.is_empty() {
            let _ = write!(
                out,
                ", {}/{} fields ({}%)",
                used_fields(ty),
                ty.fields.len(),
                percent(used_fields(ty), ty.fields.len())
            );
        }
        out.push('\n');
        for field in ty.fields.iter().filter(|field| !field.uses.is_empty()) {
            let names: Vec<&str> = field
                .uses
                .iter()
                .map(|use_| use_.operation.as_str())
                .collect();
            let _ = writeln!(out, "    {}: {}", field.name, names.join(", "));
        }
    }
    let unused: Vec<&str> = coverage
        .types
        .iter()
        .flat_map(|ty| ty.fields.iter())
        .filter(|field| field.uses.is_empty())
        .map(|field| field.coordinate.as_str())
        .collect();
    let _ = writeln!(out, "\nfields no operation uses ({})", unused.len());
    for coordinate in unused {
        let _ = writeln!(out, "  {coordinate}");
    }
    out
}

fn coverage_markdown(coverage: &Coverage) -> String {
    use std::fmt::Write;
    let mut out = String::from("## Schema coverage\n\n");
    let _ = writeln!(
        out,
        "{} {} use {} of {} fields ({}%).\n",
        coverage.operations,
        if coverage.operations == 1 {
            "operation"
        } else {
            "operations"
        },
        coverage.fields_used,
        coverage.fields_total,
        percent(coverage.fields_used, coverage.fields_total)
    );
    out.push_str("| Type | Kind | Operations | Fields used | Coverage |\n|---|---|---|---|---|\n");
    for ty in &coverage.types {
        let (fields, share) = if ty.fields.is_empty() {
            (String::from("–"), String::from("–"))
        } else {
            (
                format!("{}/{}", used_fields(ty), ty.fields.len()),
                format!("{}%", percent(used_fields(ty), ty.fields.len())),
            )
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {fields} | {share} |",
            ty.name,
            ty.kind.as_str(),
            ty.uses.len()
        );
    }
    out
}
