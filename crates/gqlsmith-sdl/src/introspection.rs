//! The introspection JSON reader: `{"data": {"__schema": ..}}` (a response) or
//! `{"__schema": ..}`, read with serde_json into the gqlsmith model.
//!
//! The envelope is parsed first with every type and directive kept as raw JSON text borrowed
//! from the input; each entry is then parsed on its own. So one malformed entry costs only
//! that entry (reported with its line and column), and each type's provenance points at its
//! object in the file, found from where its raw text starts. Introspection gives no finer
//! positions: fields, arguments and enum values carry their type's location.

use std::sync::Arc;

use gqlsmith_model::{
    Deprecation, Diagnostic, DirectiveDef, EnumValue, Field, InputValue, Loaded, Location,
    Provenance, RootOperations, Schema, TypeDef, TypeKind, TypeRef,
};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::line_index::LineIndex;
use crate::sdl_reader::BUILT_IN_DIRECTIVES;

/// Reads one schema from introspection JSON (`file` names it in positions).
///
/// Never gives up: malformed JSON, a document that is not an introspection result, and
/// malformed entries become diagnostics (codes `J1xx`, with line and column) and the model
/// holds every entry that could be read. Introspection types (`__Schema`, ..), built-in
/// scalars and built-in directives are left out, as SDL leaves them out.
pub fn read_introspection(text: &str, file: Arc<str>) -> Loaded {
    let mut reader = IntrospectionReader {
        text,
        file,
        lines: LineIndex::new(text),
        diagnostics: Vec::new(),
    };
    let schema = reader.read();
    Loaded {
        schema,
        diagnostics: reader.diagnostics,
    }
}

/// `{"data": {"__schema": ..}, "errors": [..]}` or `{"__schema": ..}`.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, default)]
    data: Option<Data<'a>>,
    #[serde(rename = "__schema", borrow, default)]
    schema: Option<SchemaJson<'a>>,
    #[serde(borrow, default)]
    errors: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct Data<'a> {
    #[serde(rename = "__schema", borrow, default)]
    schema: Option<SchemaJson<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SchemaJson<'a> {
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    query_type: Option<NamedJson>,
    #[serde(default)]
    mutation_type: Option<NamedJson>,
    #[serde(default)]
    subscription_type: Option<NamedJson>,
    #[serde(borrow)]
    types: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    directives: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct NamedJson {
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TypeJson {
    kind: String,
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default, alias = "specifiedByUrl")]
    #[serde(rename = "specifiedByURL")]
    specified_by_url: Option<String>,
    #[serde(default)]
    is_one_of: Option<bool>,
    #[serde(default)]
    fields: Option<Vec<FieldJson>>,
    #[serde(default)]
    input_fields: Option<Vec<InputValueJson>>,
    #[serde(default)]
    interfaces: Option<Vec<TypeRefJson>>,
    #[serde(default)]
    enum_values: Option<Vec<EnumValueJson>>,
    #[serde(default)]
    possible_types: Option<Vec<TypeRefJson>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FieldJson {
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    args: Vec<InputValueJson>,
    #[serde(rename = "type")]
    ty: TypeRefJson,
    #[serde(default)]
    is_deprecated: bool,
    #[serde(default)]
    deprecation_reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct InputValueJson {
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(rename = "type")]
    ty: TypeRefJson,
    #[serde(default)]
    default_value: Option<String>,
    #[serde(default)]
    is_deprecated: bool,
    #[serde(default)]
    deprecation_reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EnumValueJson {
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    is_deprecated: bool,
    #[serde(default)]
    deprecation_reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TypeRefJson {
    kind: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    of_type: Option<Box<TypeRefJson>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DirectiveJson {
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    locations: Vec<String>,
    #[serde(default)]
    args: Vec<InputValueJson>,
    #[serde(default)]
    is_repeatable: bool,
}

struct IntrospectionReader<'text> {
    text: &'text str,
    file: Arc<str>,
    lines: LineIndex<'text>,
    diagnostics: Vec<Diagnostic>,
}

impl<'text> IntrospectionReader<'text> {
    fn read(&mut self) -> Schema {
        let mut schema = Schema::default();
        let envelope: Envelope<'text> = match serde_json::from_str(self.text) {
            Ok(envelope) => envelope,
            Err(error) if error.classify() == serde_json::error::Category::Data => {
                let help = "give the result of an introspection query: `{\"data\": {\"__schema\": ..}}` or `{\"__schema\": ..}`";
                self.json_error(
                    &error,
                    0,
                    "J101",
                    "not-introspection",
                    "the JSON is not an introspection result",
                    help,
                );
                return schema;
            }
            Err(error) => {
                let help = "fix the JSON at this position, or check that the file is complete";
                self.json_error(
                    &error,
                    0,
                    "J100",
                    "invalid-json",
                    "the file is not valid JSON",
                    help,
                );
                return schema;
            }
        };
        if let Some(errors) = envelope.errors {
            let location = self.location_of(errors.get());
            self.diagnostics.push(
                Diagnostic::warning(
                    "J107",
                    "response-has-errors",
                    "the introspection response lists errors",
                )
                .at_opt(location)
                .with_help("read the `errors` entries: the schema may be partial"),
            );
        }
        let Some(introspection) = envelope
            .schema
            .or(envelope.data.and_then(|data| data.schema))
        else {
            self.diagnostics.push(
                Diagnostic::error("J101", "not-introspection", "no `__schema` object at the top or under `data`")
                    .at(Location::new(self.file.clone(), 1, 1))
                    .with_help("give the result of an introspection query: `{\"data\": {\"__schema\": ..}}` or `{\"__schema\": ..}`"),
            );
            return schema;
        };
        schema.description = introspection.description;
        schema.roots = RootOperations {
            query: introspection.query_type.and_then(|root| root.name),
            mutation: introspection.mutation_type.and_then(|root| root.name),
            subscription: introspection.subscription_type.and_then(|root| root.name),
        };
        for raw in introspection.directives {
            if let Some(directive) = self.directive(raw) {
                if !BUILT_IN_DIRECTIVES.contains(&directive.name.as_str()) {
                    schema.directives.insert(directive.name.clone(), directive);
                }
            }
        }
        for raw in introspection.types {
            let Some(ty) = self.type_def(raw) else {
                continue;
            };
            if ty.name.starts_with("__")
                || (ty.kind == TypeKind::Scalar && Schema::is_builtin_scalar(&ty.name))
            {
                continue;
            }
            if let Some(first) = schema.types.get(&ty.name) {
                let mut diagnostic = Diagnostic::error(
                    "J105",
                    "duplicate-type",
                    format!("the type `{}` is listed twice", ty.name),
                )
                .at_opt(ty.provenance.location.clone())
                .with_help("remove one of the entries; gqlsmith keeps the first")
                .with_coordinate(ty.name.as_str());
                if let Some(location) = first.provenance.location.clone() {
                    diagnostic =
                        diagnostic.with_label(location, "first listed here; this entry is kept");
                }
                self.diagnostics.push(diagnostic);
                continue;
            }
            schema.insert_type(ty);
        }
        schema
    }

    fn type_def(&mut self, raw: &RawValue) -> Option<TypeDef> {
        let start = self.offset_of(raw.get());
        let json: TypeJson = match serde_json::from_str(raw.get()) {
            Ok(json) => json,
            Err(error) => {
                self.json_error(
                    &error,
                    start,
                    "J102",
                    "wrong-shape",
                    "this type entry does not have the shape of an introspection type",
                    "fix the entry; it was skipped",
                );
                return None;
            }
        };
        let location = self.location_at(start);
        let provenance = Provenance::read(location.clone());
        let Some(name) = json.name else {
            self.diagnostics.push(
                Diagnostic::error("J106", "missing-name", "a type entry has no `name`")
                    .at(location)
                    .with_help("give every named type its `name`; the entry was skipped"),
            );
            return None;
        };
        let kind = match json.kind.as_str() {
            "SCALAR" => TypeKind::Scalar,
            "OBJECT" => TypeKind::Object,
            "INTERFACE" => TypeKind::Interface,
            "UNION" => TypeKind::Union,
            "ENUM" => TypeKind::Enum,
            "INPUT_OBJECT" => TypeKind::InputObject,
            other => {
                self.diagnostics.push(
                    Diagnostic::error("J103", "unknown-type-kind", format!("type `{name}` has kind `{other}`, not a named type kind"))
                        .at(location)
                        .with_help("use SCALAR, OBJECT, INTERFACE, UNION, ENUM or INPUT_OBJECT; the entry was skipped")
                        .with_coordinate(name.as_str()),
                );
                return None;
            }
        };
        let mut ty = TypeDef::new(name, kind, provenance.clone());
        ty.description = json.description;
        ty.specified_by = json.specified_by_url;
        ty.one_of = json.is_one_of.unwrap_or(false);
        for field in json.fields.unwrap_or_default() {
            let coordinate = format!("{}.{}", ty.name, field.name);
            let Some(field_type) = self.type_ref(&field.ty, &coordinate, &location) else {
                continue;
            };
            let mut model = Field::new(field.name, field_type, provenance.clone());
            model.description = field.description;
            model.deprecation =
                deprecation(field.is_deprecated, field.deprecation_reason, &provenance);
            model.arguments = self.input_values(field.args, &coordinate, &provenance);
            ty.fields.push(model);
        }
        ty.input_fields =
            self.input_values(json.input_fields.unwrap_or_default(), &ty.name, &provenance);
        for value in json.enum_values.unwrap_or_default() {
            let mut model = EnumValue::new(value.name, provenance.clone());
            model.description = value.description;
            model.deprecation =
                deprecation(value.is_deprecated, value.deprecation_reason, &provenance);
            ty.enum_values.push(model);
        }
        ty.interfaces = json
            .interfaces
            .unwrap_or_default()
            .into_iter()
            .filter_map(|named| named.name)
            .collect();
        if kind == TypeKind::Union {
            ty.members = json
                .possible_types
                .unwrap_or_default()
                .into_iter()
                .filter_map(|named| named.name)
                .collect();
        }
        Some(ty)
    }

    fn directive(&mut self, raw: &RawValue) -> Option<DirectiveDef> {
        let start = self.offset_of(raw.get());
        let json: DirectiveJson = match serde_json::from_str(raw.get()) {
            Ok(json) => json,
            Err(error) => {
                self.json_error(
                    &error,
                    start,
                    "J102",
                    "wrong-shape",
                    "this directive entry does not have the shape of an introspection directive",
                    "fix the entry; it was skipped",
                );
                return None;
            }
        };
        let provenance = Provenance::read(self.location_at(start));
        let mut directive = DirectiveDef::new(json.name, provenance.clone());
        directive.description = json.description;
        directive.locations = json.locations;
        directive.repeatable = json.is_repeatable;
        let coordinate = format!("@{}", directive.name);
        directive.arguments = self.input_values(json.args, &coordinate, &provenance);
        Some(directive)
    }

    /// Arguments or input fields of `owner` (a coordinate, for diagnostics).
    fn input_values(
        &mut self,
        values: Vec<InputValueJson>,
        owner: &str,
        provenance: &Provenance,
    ) -> Vec<InputValue> {
        let location = provenance
            .location
            .clone()
            .unwrap_or_else(|| Location::new(self.file.clone(), 1, 1));
        let mut models = Vec::with_capacity(values.len());
        for value in values {
            let coordinate = format!("{owner}.{}", value.name);
            let Some(value_type) = self.type_ref(&value.ty, &coordinate, &location) else {
                continue;
            };
            let mut model = InputValue::new(value.name, value_type, provenance.clone());
            model.description = value.description;
            model.default_value = value.default_value;
            model.deprecation =
                deprecation(value.is_deprecated, value.deprecation_reason, provenance);
            models.push(model);
        }
        models
    }

    /// `{"kind": "NON_NULL", "ofType": {"kind": "LIST", ..}}` as `[..]!`; `None` (with a
    /// diagnostic) when a wrapper has no `ofType` or a named type no `name`.
    fn type_ref(
        &mut self,
        json: &TypeRefJson,
        coordinate: &str,
        location: &Location,
    ) -> Option<TypeRef> {
        let built = match json.kind.as_str() {
            "NON_NULL" | "LIST" => json
                .of_type
                .as_deref()
                .and_then(|inner| self.type_ref(inner, coordinate, location))
                .map(|inner| {
                    if json.kind == "LIST" {
                        TypeRef::List(Box::new(inner))
                    } else {
                        TypeRef::NonNull(Box::new(inner))
                    }
                }),
            _ => json.name.clone().map(TypeRef::Named),
        };
        // Report once, at the innermost problem: outer wrappers see `None` from below.
        let innermost = match json.kind.as_str() {
            "NON_NULL" | "LIST" => json.of_type.is_none(),
            _ => json.name.is_none(),
        };
        if innermost {
            self.diagnostics.push(
                Diagnostic::error("J104", "incomplete-type-reference", format!("the type of `{coordinate}` is incomplete"))
                    .at(location.clone())
                    .with_help("give wrappers an `ofType` and named types a `name`; this field or argument was skipped")
                    .with_coordinate(coordinate),
            );
        }
        built
    }

    /// A serde_json error in the text that starts at byte `start` of the file.
    fn json_error(
        &mut self,
        error: &serde_json::Error,
        start: usize,
        code: &str,
        name: &str,
        message: &str,
        help: &str,
    ) {
        let slice = self.text.get(start..).unwrap_or("");
        let offset = start + offset_of_line_column(slice, error.line(), error.column());
        let detail = error.to_string();
        // serde_json appends " at line L column C" relative to the parsed slice; the
        // diagnostic's own position replaces it.
        let detail = detail.split(" at line ").next().unwrap_or(&detail);
        self.diagnostics.push(
            Diagnostic::error(code, name, format!("{message}: {detail}"))
                .at(self.location_at(offset))
                .with_help(help),
        );
    }

    /// Where `slice` (borrowed from the input) starts in the input.
    fn offset_of(&self, slice: &str) -> usize {
        let start = (slice.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        if start <= self.text.len() {
            start
        } else {
            0
        }
    }

    fn location_of(&self, slice: &str) -> Option<Location> {
        Some(self.location_at(self.offset_of(slice)))
    }

    fn location_at(&self, offset: usize) -> Location {
        let (line, column) = self.lines.line_column(offset);
        Location::new(self.file.clone(), line, column)
    }
}

fn deprecation(
    is_deprecated: bool,
    reason: Option<String>,
    provenance: &Provenance,
) -> Option<Deprecation> {
    is_deprecated.then(|| Deprecation::from_reason(reason, provenance.clone()))
}

/// The byte offset of serde_json's 1-based `line` and `column` in `text`. serde_json counts
/// columns in bytes and reports column 0 for an error right after a line break.
fn offset_of_line_column(text: &str, line: usize, column: usize) -> usize {
    let mut line_start = 0;
    for _ in 1..line {
        match text.get(line_start..).and_then(|rest| rest.find('\n')) {
            Some(at) => line_start += at + 1,
            None => break,
        }
    }
    (line_start + column.saturating_sub(1)).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::offset_of_line_column;

    #[track_caller]
    fn check(text: &str, line: usize, column: usize, expect: usize) {
        assert_eq!(offset_of_line_column(text, line, column), expect);
    }

    #[test]
    fn serde_positions_become_offsets() {
        check("abc", 1, 1, 0);
        check("abc", 1, 3, 2);
        check("a\nbc", 2, 2, 3);
        check("a\nbc", 2, 0, 2);
        check("a\nbc", 9, 9, 4);
        check("", 1, 5, 0);
    }
}
