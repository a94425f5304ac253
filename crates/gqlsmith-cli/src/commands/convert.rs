//! `gqlsmith convert`: the model as JSON (a documented public contract) or as SDL.

use std::path::PathBuf;

use gqlsmith::{InputFormat, Project};
use gqlsmith_model::{Certainty, Field, InputValue, NameOrigin, TypeDef};
use serde_json::{json, Value};

use super::InputArgs;
use crate::render::diagnostics_json;
use crate::report::{exit_for, write_file, Exit, Reporter};

#[derive(clap::Args, Debug)]
pub(crate) struct ConvertArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,

    /// What to write.
    #[arg(long, value_enum)]
    pub(crate) to: ConvertTo,
    /// Write to FILE instead of standard output (atomically: all or nothing).
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// SDL: types, fields and values in alphabetical order instead of definition order.
    #[arg(long)]
    pub(crate) sort: bool,
}

/// `convert --to`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConvertTo {
    // The model's JSON contract.
    Json,
    Sdl,
}

pub(crate) fn run(args: ConvertArgs, reporter: &Reporter) -> Result<Exit, String> {
    let (project, _config) = args.input.load(reporter)?;
    reporter.show(&project, &project.loaded.diagnostics);
    if project.loaded.has_errors() {
        // No partial output: a model with errors is not written anywhere.
        return Ok(exit_for(&project.loaded.diagnostics));
    }
    let text = match args.to {
        ConvertTo::Json => {
            let mut text =
                serde_json::to_string_pretty(&model_json(&project)).map_err(|e| e.to_string())?;
            text.push('\n');
            text
        }
        ConvertTo::Sdl => gqlsmith_sdl::write_sdl(
            &project.loaded.schema,
            &gqlsmith_sdl::WriteOptions { sort: args.sort },
        ),
    };
    match &args.output {
        Some(path) => write_file(path, text.as_bytes())?,
        None => print!("{text}"),
    }
    Ok(Exit::Success)
}

/// The JSON contract (README, "The model as JSON"): `types` and `diagnostics`.
pub(crate) fn model_json(project: &Project) -> Value {
    let is_docs = project.format() == Some(InputFormat::Docs);
    let schema = &project.loaded.schema;
    json!({
        "roots": {
            "query": schema.roots.query,
            "mutation": schema.roots.mutation,
            "subscription": schema.roots.subscription,
        },
        "types": schema.types.values().map(|ty| type_json(ty, is_docs)).collect::<Vec<_>>(),
        "diagnostics": diagnostics_json(&project.loaded.diagnostics),
    })
}

fn type_json(ty: &TypeDef, is_docs: bool) -> Value {
    let mut value = json!({
        "name": ty.name,
        "kind": ty.kind.as_str(),
        "description": ty.description,
        "fields": ty.fields.iter().map(field_json).collect::<Vec<_>>(),
    });
    let object = value
        .as_object_mut()
        .expect("json! of an object literal is an object");
    if !ty.input_fields.is_empty() {
        object.insert(
            "input_fields".into(),
            ty.input_fields.iter().map(input_value_json).collect(),
        );
    }
    if !ty.interfaces.is_empty() {
        object.insert("interfaces".into(), json!(ty.interfaces));
    }
    if !ty.members.is_empty() {
        object.insert("members".into(), json!(ty.members));
    }
    if !ty.enum_values.is_empty() {
        object.insert(
            "enum_values".into(),
            ty.enum_values
                .iter()
                .map(|value| json!({"name": value.name, "description": value.description, "deprecated": value.deprecation.is_some()}))
                .collect(),
        );
    }
    if ty.incomplete {
        object.insert("incomplete".into(), json!(true));
    }
    if let Certainty::Inferred {
        rule, confidence, ..
    } = &ty.kind_provenance.certainty
    {
        object.insert(
            "kind_origin".into(),
            json!({"rule": rule, "confidence": confidence}),
        );
    }
    if !ty.error_codes.is_empty() {
        object.insert(
            "error_codes".into(),
            ty.error_codes
                .iter()
                .map(|code| json!({"code": code.code, "message": code.message, "line": code.provenance.location.as_ref().map(|l| l.line)}))
                .collect(),
        );
    }
    if is_docs {
        object.insert(
            "source".into(),
            match &ty.provenance.location {
                Some(location) => json!({"file": &*location.file, "line": location.line}),
                None => Value::Null,
            },
        );
        object.insert("name_origin".into(), json!(ty.name_origin.as_str()));
        match &ty.name_origin {
            NameOrigin::Recovered {
                confidence,
                signals,
            } => {
                object.insert("confidence".into(), json!(confidence));
                object.insert("signals".into(), json!(signals));
            }
            NameOrigin::Reference { confidence } => {
                object.insert("confidence".into(), json!(confidence));
            }
            _ => {}
        }
        if let Some(example) = &ty.example {
            object.insert(
                "example".into(),
                example
                    .entries
                    .iter()
                    .map(|entry| json!({"key": entry.key, "value": entry.value}))
                    .collect(),
            );
        }
    }
    value
}

fn field_json(field: &Field) -> Value {
    let mut arguments: Vec<Value> = field.arguments.iter().map(input_value_json).collect();
    // A docs page keeps only argument descriptions: their names and types are unknown (null).
    arguments.extend(field.unnamed_arguments.iter().map(|argument| {
        json!({"name": null, "type": null, "description": argument.description, "line": argument.provenance.location.as_ref().map(|l| l.line)})
    }));
    let mut value = json!({
        "name": field.name,
        "type": field.ty.to_string(),
        "description": field.description,
        "deprecated": field.deprecation.is_some(),
        "arguments": arguments,
    });
    if let Some(deprecation) = &field.deprecation {
        value["deprecation"] = json!({
            "reason": deprecation.reason,
            "deprecated_on": deprecation.deprecated_on,
            "removal_on": deprecation.removal_on,
            "replacement": deprecation.replacement,
        });
    }
    value
}

fn input_value_json(value: &InputValue) -> Value {
    json!({
        "name": value.name,
        "type": value.ty.to_string(),
        "description": value.description,
        "default": value.default_value,
        "deprecated": value.deprecation.is_some(),
    })
}
