//! `gqlsmith inspect`: what a schema holds, what was recovered, what stays unknown.

use std::collections::BTreeMap;

use gqlsmith::{InputFormat, Project};
use gqlsmith_model::Certainty;
use serde_json::json;

use super::InputArgs;
use crate::render::diagnostics_json;
use crate::report::{exit_for, Exit, Reporter};

#[derive(clap::Args, Debug)]
pub(crate) struct InspectArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub(crate) format: InspectFormat,
}

/// `inspect --format`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InspectFormat {
    Human,
    Json,
}

pub(crate) fn run(args: InspectArgs, reporter: &Reporter) -> Result<Exit, String> {
    let (project, _config) = args.input.load(reporter)?;
    let summary = Summary::of(&project);
    if args.format == InspectFormat::Json {
        let mut value = summary.to_json();
        value["diagnostics"] = diagnostics_json(&project.loaded.diagnostics);
        if let Some(report) = &project.recovery {
            value["recovery"] = serde_json::to_value(report).map_err(|e| e.to_string())?;
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?
        );
    } else {
        reporter.show_all(&project, &project.loaded.diagnostics, true);
        print!("{}", summary.render());
        if let Some(report) = &project.recovery {
            println!();
            print!("{}", report.render());
        }
    }
    Ok(exit_for(&project.loaded.diagnostics))
}

/// Counts that describe a model.
struct Summary {
    inputs: Vec<(String, InputFormat)>,
    kinds: BTreeMap<&'static str, usize>,
    name_origins: BTreeMap<&'static str, usize>,
    inferred_kinds: usize,
    fields: usize,
    deprecated: usize,
    unnamed_arguments: usize,
    error_codes: usize,
    diagnostics: BTreeMap<(String, String, &'static str), usize>,
    page: Option<gqlsmith_docs::PageStats>,
}

impl Summary {
    fn of(project: &Project) -> Summary {
        let schema = &project.loaded.schema;
        let mut kinds = BTreeMap::new();
        let mut name_origins = BTreeMap::new();
        for ty in schema.types.values() {
            *kinds.entry(ty.kind.as_str()).or_default() += 1;
            *name_origins.entry(ty.name_origin.as_str()).or_default() += 1;
        }
        let fields = schema.types.values().flat_map(|ty| &ty.fields);
        let mut diagnostics = BTreeMap::new();
        for diagnostic in &project.loaded.diagnostics {
            *diagnostics
                .entry((
                    diagnostic.code.clone(),
                    diagnostic.name.clone(),
                    diagnostic.severity.as_str(),
                ))
                .or_default() += 1;
        }
        Summary {
            inputs: project
                .inputs
                .iter()
                .map(|input| (input.label.to_string(), input.format))
                .collect(),
            kinds,
            name_origins,
            inferred_kinds: schema
                .types
                .values()
                .filter(|ty| matches!(ty.kind_provenance.certainty, Certainty::Inferred { .. }))
                .count(),
            fields: fields.clone().count(),
            deprecated: fields
                .clone()
                .filter(|field| field.deprecation.is_some())
                .count(),
            unnamed_arguments: fields.map(|field| field.unnamed_arguments.len()).sum(),
            error_codes: schema.types.values().map(|ty| ty.error_codes.len()).sum(),
            diagnostics,
            page: project.page_stats,
        }
    }

    fn render(&self) -> String {
        let mut out = String::new();
        for (label, format) in &self.inputs {
            out.push_str(&format!("input: {label} ({format})\n"));
        }
        let total: usize = self.kinds.values().sum();
        out.push_str(&format!("types: {total}\n"));
        for (kind, count) in &self.kinds {
            out.push_str(&format!("  {kind:<13} {count}\n"));
        }
        out.push_str("type names:\n");
        for (origin, count) in &self.name_origins {
            out.push_str(&format!("  {origin:<13} {count}\n"));
        }
        out.push_str(&format!("kinds inferred: {}\n", self.inferred_kinds));
        out.push_str(&format!(
            "fields: {} ({} deprecated, {} arguments described without names)\n",
            self.fields, self.deprecated, self.unnamed_arguments
        ));
        out.push_str(&format!("error codes declared: {}\n", self.error_codes));
        if let Some(page) = &self.page {
            out.push_str(&format!(
                "page: {} blocks ({} named, {} unnamed), {} field rows, {} examples\n",
                page.blocks, page.named_blocks, page.unnamed_blocks, page.field_rows, page.examples
            ));
        }
        out.push_str("diagnostics:\n");
        if self.diagnostics.is_empty() {
            out.push_str("  none\n");
        }
        for ((code, name, severity), count) in &self.diagnostics {
            out.push_str(&format!("  {code} {name:<40} {severity:<8} {count}\n"));
        }
        out
    }

    fn to_json(&self) -> serde_json::Value {
        json!({
            "inputs": self.inputs.iter().map(|(label, format)| json!({"file": label, "format": format.as_str()})).collect::<Vec<_>>(),
            "kinds": self.kinds,
            "name_origins": self.name_origins,
            "kinds_inferred": self.inferred_kinds,
            "fields": self.fields,
            "deprecated_fields": self.deprecated,
            "unnamed_arguments": self.unnamed_arguments,
            "error_codes": self.error_codes,
            "page": self.page,
        })
    }
}
