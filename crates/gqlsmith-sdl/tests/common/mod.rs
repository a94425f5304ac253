//! Test helpers shared by the integration tests: compact text renderings of a model and of
//! diagnostics, fixture loading, and provenance stripping for model comparisons.
#![allow(dead_code)] // each test binary uses a different part

use std::fmt::Write;
use std::path::PathBuf;

use gqlsmith_model::{
    Deprecation, Diagnostic, DirectiveUse, InputValue, Loaded, Provenance, Schema,
};

pub(crate) fn fixture_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(relative)
}

pub(crate) fn read_fixture(relative: &str) -> String {
    let path = fixture_path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Diagnostics one per line as users see them, with labels and help indented below.
pub(crate) fn render_diagnostics(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        let _ = writeln!(
            out,
            "{diagnostic} [{}] (length {})",
            diagnostic.name, diagnostic.length
        );
        for label in &diagnostic.labels {
            let _ = writeln!(out, "  label {}: {}", label.location, label.message);
        }
        if let Some(help) = &diagnostic.help {
            let _ = writeln!(out, "  help: {help}");
        }
        if let Some(coordinate) = &diagnostic.coordinate {
            let _ = writeln!(out, "  coordinate: {coordinate}");
        }
    }
    out
}

/// The model as compact lines: every fact with the line:column it was read at.
pub(crate) fn render_model(schema: &Schema) -> String {
    let mut out = String::new();
    let roots = &schema.roots;
    let root = |name: &Option<String>| name.clone().unwrap_or_else(|| "-".into());
    let _ = writeln!(
        out,
        "schema query={} mutation={} subscription={}{}{}",
        root(&roots.query),
        root(&roots.mutation),
        root(&roots.subscription),
        description(&schema.description),
        directives(&schema.schema_directives),
    );
    for directive in schema.directives.values() {
        let _ = writeln!(
            out,
            "directive @{}{} on {}{} {}",
            directive.name,
            if directive.repeatable {
                " repeatable"
            } else {
                ""
            },
            directive.locations.join("|"),
            description(&directive.description),
            position(&directive.provenance),
        );
        for argument in &directive.arguments {
            let _ = writeln!(out, "  {}", input_value(argument));
        }
    }
    for ty in schema.types.values() {
        let mut head = format!("{} {}", ty.kind.as_str(), ty.name);
        if !ty.interfaces.is_empty() {
            let _ = write!(head, " implements {}", ty.interfaces.join("&"));
        }
        if !ty.members.is_empty() {
            let _ = write!(head, " = {}", ty.members.join("|"));
        }
        if let Some(url) = &ty.specified_by {
            let _ = write!(head, " specified_by={url}");
        }
        if ty.one_of {
            head.push_str(" one_of");
        }
        let _ = writeln!(
            out,
            "{head}{}{} {}",
            description(&ty.description),
            directives(&ty.directives),
            position(&ty.provenance)
        );
        for field in &ty.fields {
            let _ = writeln!(
                out,
                "  {}: {}{}{}{} {}",
                field.name,
                field.ty,
                description(&field.description),
                deprecation(&field.deprecation),
                directives(&field.directives),
                position(&field.provenance),
            );
            for argument in &field.arguments {
                let _ = writeln!(out, "    ({})", input_value(argument));
            }
        }
        for field in &ty.input_fields {
            let _ = writeln!(out, "  {}", input_value(field));
        }
        for value in &ty.enum_values {
            let _ = writeln!(
                out,
                "  {}{}{}{} {}",
                value.name,
                description(&value.description),
                deprecation(&value.deprecation),
                directives(&value.directives),
                position(&value.provenance),
            );
        }
    }
    out
}

pub(crate) fn render(loaded: &Loaded) -> String {
    let mut out = render_model(&loaded.schema);
    if !loaded.diagnostics.is_empty() {
        out.push_str("--\n");
        out.push_str(&render_diagnostics(&loaded.diagnostics));
    }
    out
}

fn input_value(value: &InputValue) -> String {
    format!(
        "{}: {}{}{}{}{} {}",
        value.name,
        value.ty,
        value
            .default_value
            .as_ref()
            .map(|default| format!(" = {default}"))
            .unwrap_or_default(),
        description(&value.description),
        deprecation(&value.deprecation),
        directives(&value.directives),
        position(&value.provenance),
    )
}

fn description(description: &Option<String>) -> String {
    description
        .as_ref()
        .map(|text| format!(" {text:?}"))
        .unwrap_or_default()
}

fn deprecation(deprecation: &Option<Deprecation>) -> String {
    let Some(deprecation) = deprecation else {
        return String::new();
    };
    let mut out = format!(" deprecated({:?}", deprecation.reason);
    if let Some(date) = deprecation.deprecated_on {
        let _ = write!(out, " on={date}");
    }
    if let Some(date) = deprecation.removal_on {
        let _ = write!(out, " removal={date}");
    }
    out.push(')');
    out
}

fn directives(directives: &[DirectiveUse]) -> String {
    directives
        .iter()
        .map(|directive| {
            let arguments: Vec<String> = directive
                .arguments
                .iter()
                .map(|(name, value)| format!("{name}: {value}"))
                .collect();
            if arguments.is_empty() {
                format!(" @{}", directive.name)
            } else {
                format!(" @{}({})", directive.name, arguments.join(", "))
            }
        })
        .collect()
}

fn position(provenance: &Provenance) -> String {
    match &provenance.location {
        Some(location) if &*location.file == "t" => {
            format!("{}:{}", location.line, location.column)
        }
        Some(location) => location.to_string(),
        None => "?".into(),
    }
}

/// The schema with every provenance replaced by the default, so that models read from
/// different files (or formats) compare by content.
pub(crate) fn strip_provenance(schema: &Schema) -> Schema {
    let mut schema = schema.clone();
    let clear = |provenance: &mut Provenance| *provenance = Provenance::default();
    let clear_uses = |directives: &mut Vec<DirectiveUse>| {
        directives
            .iter_mut()
            .for_each(|d| d.provenance = Provenance::default())
    };
    let clear_deprecation = |deprecation: &mut Option<Deprecation>| {
        if let Some(deprecation) = deprecation {
            deprecation.provenance = Provenance::default();
        }
    };
    let clear_input = |value: &mut InputValue| {
        value.provenance = Provenance::default();
        clear_deprecation(&mut value.deprecation);
        clear_uses(&mut value.directives);
    };
    clear_uses(&mut schema.schema_directives);
    for directive in schema.directives.values_mut() {
        clear(&mut directive.provenance);
        directive.arguments.iter_mut().for_each(clear_input);
    }
    for ty in schema.types.values_mut() {
        clear(&mut ty.provenance);
        clear(&mut ty.kind_provenance);
        clear_uses(&mut ty.directives);
        for field in &mut ty.fields {
            clear(&mut field.provenance);
            clear_deprecation(&mut field.deprecation);
            clear_uses(&mut field.directives);
            field.arguments.iter_mut().for_each(clear_input);
        }
        ty.input_fields.iter_mut().for_each(clear_input);
        for value in &mut ty.enum_values {
            clear(&mut value.provenance);
            clear_deprecation(&mut value.deprecation);
            clear_uses(&mut value.directives);
        }
    }
    schema
}

/// The schema with every default value's input-object fields in name order: GraphQL input
/// object literals are unordered (https://spec.graphql.org/October2021/#sec-Input-Object-Values),
/// and graphql-js prints them in the input type's field order, not as the SDL wrote them.
pub(crate) fn canonical_defaults(schema: &Schema) -> Schema {
    let mut schema = schema.clone();
    let canonical = |value: &mut InputValue| {
        if let Some(default) = &mut value.default_value {
            *default = canonical_literal(default);
        }
    };
    for directive in schema.directives.values_mut() {
        directive.arguments.iter_mut().for_each(canonical);
    }
    for ty in schema.types.values_mut() {
        for field in &mut ty.fields {
            field.arguments.iter_mut().for_each(canonical);
        }
        ty.input_fields.iter_mut().for_each(canonical);
    }
    schema
}

fn canonical_literal(literal: &str) -> String {
    use apollo_compiler::ast::{Definition, Value};
    use apollo_compiler::Node;
    fn sort(value: &mut Node<Value>) {
        match value.make_mut() {
            Value::Object(fields) => {
                fields.sort_by(|a, b| a.0.cmp(&b.0));
                fields.iter_mut().for_each(|(_, value)| sort(value));
            }
            Value::List(items) => items.iter_mut().for_each(sort),
            _ => {}
        }
    }
    let source = format!("input Canonical {{ field: Int = {literal} }}");
    let Ok(document) = apollo_compiler::parser::Parser::new().parse_ast(source, "literal.graphql")
    else {
        return literal.to_owned();
    };
    let default = document
        .definitions
        .iter()
        .find_map(|definition| match definition {
            Definition::InputObjectTypeDefinition(input) => input
                .fields
                .first()
                .and_then(|field| field.default_value.clone()),
            _ => None,
        });
    match default {
        Some(mut value) => {
            sort(&mut value);
            value.serialize().no_indent().to_string()
        }
        None => literal.to_owned(),
    }
}
