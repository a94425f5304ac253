//! The introspection JSON reader: `{"data": {"__schema": ..}}` (a response) or
//! `{"__schema": ..}`, read with serde_json into the gqlsmith model.
//!
//! The envelope is parsed first with every type and directive kept as raw JSON text borrowed
//! from the input; each entry is then parsed on its own. So one malformed entry costs only
//! that entry (reported with its line and column), and each type's provenance points at its
//! object in the file, found from where its raw text starts. Introspection gives no finer
//! positions: fields, arguments and enum values carry their type's location.

mod json;

use std::sync::Arc;

use gqlsmith_model::names::{is_enum_value_name, is_name, show_name};
use gqlsmith_model::{
    Deprecation, Diagnostic, DirectiveDef, EnumValue, Field, InputValue, Loaded, Location,
    Provenance, RootOperations, Schema, TypeDef, TypeKind, TypeRef,
};
use serde_json::value::RawValue;

use crate::sdl_reader::BUILT_IN_DIRECTIVES;
use gqlsmith_model::LineIndex;
use json::{DirectiveJson, Envelope, InputValueJson, NamedJson, TypeJson, TypeRefJson};

/// Reads one schema from introspection JSON (`file` names it in positions).
///
/// A leading UTF-8 byte order mark is skipped. Never gives up: malformed JSON, a document that is not an introspection result, and
/// malformed entries become diagnostics (codes `J1xx`, with line and column) and the model
/// holds every entry that could be read. Introspection types (`__Schema`, ..), built-in
/// scalars and built-in directives are left out, as SDL leaves them out.
pub fn read_introspection(text: &str, file: Arc<str>) -> Loaded {
    // A UTF-8 byte order mark is accepted, as the other readers accept it (JSON forbids it,
    // but editors on Windows write it). Positions count from after it, as editors do.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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
        let mut root = |named: Option<NamedJson>, key: &str| {
            let name = named.and_then(|root| root.name)?;
            let entry = Entry::new(0, self.text);
            let path = format!("__schema.{key}.name");
            self.valid_name(&name, "root type name", &path, &entry)
                .then_some(name)
        };
        schema.roots = RootOperations {
            query: root(introspection.query_type, "queryType"),
            mutation: root(introspection.mutation_type, "mutationType"),
            subscription: root(introspection.subscription_type, "subscriptionType"),
        };
        for (index, raw) in introspection.directives.into_iter().enumerate() {
            if let Some(directive) = self.directive(raw, index) {
                if BUILT_IN_DIRECTIVES.contains(&directive.name.as_str()) {
                    continue;
                }
                if let Some(first) = schema.directives.get(&directive.name) {
                    let mut diagnostic = Diagnostic::error(
                        "J105",
                        "duplicate-type",
                        format!("the directive `@{}` is listed twice", directive.name),
                    )
                    .at_opt(directive.provenance.location.clone())
                    .with_help("remove one of the entries; gqlsmith keeps the first")
                    .with_coordinate(format!("@{}", directive.name));
                    if let Some(location) = first.provenance.location.clone() {
                        diagnostic = diagnostic.with_label(location, "first listed here");
                    }
                    self.diagnostics.push(diagnostic);
                    continue;
                }
                schema.directives.insert(directive.name.clone(), directive);
            }
        }
        for (index, raw) in introspection.types.into_iter().enumerate() {
            let Some(ty) = self.type_def(raw, index) else {
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

    fn type_def(&mut self, raw: &RawValue, index: usize) -> Option<TypeDef> {
        let start = self.offset_of(raw.get());
        let entry = Entry::new(start, raw.get());
        let path = format!("__schema.types[{index}]");
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
        if !self.valid_name(&name, "type name", &format!("{path}.name"), &entry) {
            return None;
        }
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
        for (index, field) in json.fields.unwrap_or_default().into_iter().enumerate() {
            let field_path = format!("{path}.fields[{index}]");
            if !self.valid_name(
                &field.name,
                "field name",
                &format!("{field_path}.name"),
                &entry,
            ) || !self.unique(
                ty.field(&field.name).is_some(),
                &field.name,
                "field",
                &ty.name,
                &field_path,
                &entry,
            ) {
                continue;
            }
            let coordinate = format!("{}.{}", ty.name, field.name);
            let Some(field_type) =
                self.type_ref(&field.ty, &coordinate, &location, &field_path, &entry)
            else {
                continue;
            };
            let mut model = Field::new(field.name, field_type, provenance.clone());
            model.description = field.description;
            model.deprecation =
                deprecation(field.is_deprecated, field.deprecation_reason, &provenance);
            model.arguments = self.input_values(
                field.args,
                &coordinate,
                &provenance,
                &format!("{field_path}.args"),
                &entry,
            );
            ty.fields.push(model);
        }
        ty.input_fields = self.input_values(
            json.input_fields.unwrap_or_default(),
            &ty.name,
            &provenance,
            &format!("{path}.inputFields"),
            &entry,
        );
        for (index, value) in json.enum_values.unwrap_or_default().into_iter().enumerate() {
            let value_path = format!("{path}.enumValues[{index}]");
            let name_path = format!("{value_path}.name");
            if !self.valid_enum_value(&value.name, &name_path, &entry)
                || !self.unique(
                    ty.enum_value(&value.name).is_some(),
                    &value.name,
                    "enum value",
                    &ty.name,
                    &value_path,
                    &entry,
                )
            {
                continue;
            }
            let mut model = EnumValue::new(value.name, provenance.clone());
            model.description = value.description;
            model.deprecation =
                deprecation(value.is_deprecated, value.deprecation_reason, &provenance);
            ty.enum_values.push(model);
        }
        ty.interfaces = self.named_list(
            json.interfaces.unwrap_or_default(),
            "interface",
            &ty.name,
            &format!("{path}.interfaces"),
            &entry,
        );
        if kind == TypeKind::Union {
            ty.members = self.named_list(
                json.possible_types.unwrap_or_default(),
                "member",
                &ty.name,
                &format!("{path}.possibleTypes"),
                &entry,
            );
        }
        Some(ty)
    }

    /// The names of `interfaces` or `possibleTypes`, each checked and listed once.
    fn named_list(
        &mut self,
        named: Vec<TypeRefJson>,
        what: &str,
        owner: &str,
        path: &str,
        entry: &Entry<'_>,
    ) -> Vec<String> {
        let mut names: Vec<String> = Vec::with_capacity(named.len());
        for (index, name) in named.into_iter().enumerate() {
            let Some(name) = name.name else { continue };
            let item = format!("{path}[{index}]");
            if self.valid_name(&name, "type name", &format!("{item}.name"), entry)
                && self.unique(names.contains(&name), &name, what, owner, &item, entry)
            {
                names.push(name);
            }
        }
        names
    }

    /// Checks `name` against GraphQL's `Name` grammar; an error at the name's place in the
    /// entry (found by its JSON spelling) with its JSON path when it does not match.
    fn valid_name(&mut self, name: &str, what: &str, path: &str, entry: &Entry<'_>) -> bool {
        if is_name(name) {
            return true;
        }
        let location = self.location_at(entry.offset_of_string(name));
        self.diagnostics.push(
            Diagnostic::error(
                "J108",
                "invalid-name",
                format!("the {what} {} at `{path}` is not a GraphQL name", show_name(name)),
            )
            .at(location)
            .with_length(u32::try_from(name.chars().count()).unwrap_or(u32::MAX))
            .with_help("a GraphQL name is a letter or `_` followed by letters, digits or `_`; fix the introspection result (nothing is generated from it)"),
        );
        false
    }

    fn valid_enum_value(&mut self, name: &str, path: &str, entry: &Entry<'_>) -> bool {
        if !self.valid_name(name, "enum value", path, entry) {
            return false;
        }
        if is_enum_value_name(name) {
            return true;
        }
        let location = self.location_at(entry.offset_of_string(name));
        self.diagnostics.push(
            Diagnostic::error(
                "J108",
                "invalid-name",
                format!("`{name}` at `{path}` cannot be an enum value"),
            )
            .at(location)
            .with_help(
                "`true`, `false` and `null` are literals, not enum values; rename the value",
            ),
        );
        false
    }

    /// False (with an error) when `seen` says `name` is already listed in `owner`.
    fn unique(
        &mut self,
        seen: bool,
        name: &str,
        what: &str,
        owner: &str,
        path: &str,
        entry: &Entry<'_>,
    ) -> bool {
        if !seen {
            return true;
        }
        let location = self.location_at(entry.offset_of_last_string(name));
        self.diagnostics.push(
            Diagnostic::error(
                "J109",
                "duplicate-name",
                format!("`{owner}` lists the {what} `{name}` twice (again at `{path}`)"),
            )
            .at(location)
            .with_coordinate(format!("{owner}.{name}"))
            .with_help("remove one of the entries; names must be unique here"),
        );
        false
    }

    fn directive(&mut self, raw: &RawValue, index: usize) -> Option<DirectiveDef> {
        let start = self.offset_of(raw.get());
        let entry = Entry::new(start, raw.get());
        let path = format!("__schema.directives[{index}]");
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
        if !self.valid_name(
            &json.name,
            "directive name",
            &format!("{path}.name"),
            &entry,
        ) {
            return None;
        }
        let mut directive = DirectiveDef::new(json.name, provenance.clone());
        directive.description = json.description;
        for (index, place) in json.locations.into_iter().enumerate() {
            // GitHub's schema lists `DIRECTIVE_DEFINITION`, which the spec does not: a
            // location is printed into SDL, so it must be a name; which names is not ours to
            // police.
            if is_name(&place) {
                directive.locations.push(place);
            } else {
                let location = self.location_at(entry.offset_of_string(&place));
                self.diagnostics.push(
                    Diagnostic::error(
                        "J108",
                        "invalid-name",
                        format!(
                            "{} at `{path}.locations[{index}]` is not a directive location name",
                            show_name(&place)
                        ),
                    )
                    .at(location)
                    .with_help("use one of the locations the GraphQL spec lists, such as `FIELD_DEFINITION`"),
                );
            }
        }
        directive.repeatable = json.is_repeatable;
        let coordinate = format!("@{}", directive.name);
        directive.arguments = self.input_values(
            json.args,
            &coordinate,
            &provenance,
            &format!("{path}.args"),
            &entry,
        );
        Some(directive)
    }

    /// Arguments or input fields of `owner` (a coordinate, for diagnostics).
    fn input_values(
        &mut self,
        values: Vec<InputValueJson>,
        owner: &str,
        provenance: &Provenance,
        path: &str,
        entry: &Entry<'_>,
    ) -> Vec<InputValue> {
        let location = provenance
            .location
            .clone()
            .unwrap_or_else(|| Location::new(self.file.clone(), 1, 1));
        let mut models: Vec<InputValue> = Vec::with_capacity(values.len());
        for (index, value) in values.into_iter().enumerate() {
            let value_path = format!("{path}[{index}]");
            if !self.valid_name(
                &value.name,
                "argument name",
                &format!("{value_path}.name"),
                entry,
            ) || !self.unique(
                models.iter().any(|model| model.name == value.name),
                &value.name,
                "argument or input field",
                owner,
                &value_path,
                entry,
            ) {
                continue;
            }
            let coordinate = format!("{owner}.{}", value.name);
            let Some(value_type) =
                self.type_ref(&value.ty, &coordinate, &location, &value_path, entry)
            else {
                continue;
            };
            let default_value = match value.default_value {
                Some(literal) => match crate::value_literal::normalize(&literal) {
                    Ok(printed) => Some(printed),
                    Err(problem) => {
                        let location = self.location_at(entry.offset_of_string(&literal));
                        self.diagnostics.push(
                            Diagnostic::error(
                                "J110",
                                "invalid-default-value",
                                format!(
                                    "the `defaultValue` at `{value_path}.defaultValue` is not a GraphQL value literal: {problem}"
                                ),
                            )
                            .at(location)
                            .with_coordinate(coordinate.as_str())
                            .with_help("give the default as a GraphQL literal such as `10`, `\"a\"`, `[RED]` or `{x: 1}`, or `null` for none"),
                        );
                        continue;
                    }
                },
                None => None,
            };
            let mut model = InputValue::new(value.name, value_type, provenance.clone());
            model.description = value.description;
            model.default_value = default_value;
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
        path: &str,
        entry: &Entry<'_>,
    ) -> Option<TypeRef> {
        if !matches!(json.kind.as_str(), "NON_NULL" | "LIST") {
            if let Some(name) = &json.name {
                if !self.valid_name(name, "type name", &format!("{path}.type"), entry) {
                    return None;
                }
            }
        }
        let built = match json.kind.as_str() {
            "NON_NULL" | "LIST" => json
                .of_type
                .as_deref()
                .and_then(|inner| self.type_ref(inner, coordinate, location, path, entry))
                .and_then(|inner| {
                    if json.kind == "LIST" {
                        Some(TypeRef::List(Box::new(inner)))
                    } else if matches!(inner, TypeRef::NonNull(_)) {
                        // `T!!` is no type (the spec: NON_NULL's ofType is never NON_NULL), and
                        // the SDL written from it would not parse.
                        self.diagnostics.push(
                            Diagnostic::error("J111", "non-null-twice", format!("the type of `{coordinate}` is non-null twice (`{inner}!`)"))
                                .at(location.clone())
                                .with_help("a NON_NULL wrapper's `ofType` must not be NON_NULL itself; this field or argument was skipped")
                                .with_coordinate(coordinate),
                        );
                        None
                    } else {
                        Some(TypeRef::NonNull(Box::new(inner)))
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

/// A type or directive entry's raw JSON text and where it starts in the file: names and
/// literals are found in it by their JSON spelling, for a position finer than the entry's.
struct Entry<'text> {
    start: usize,
    text: &'text str,
    /// Where (in `text`) the last place found ends. The reader reports names in the order
    /// they are written, so the next search starts here: of 5,000 fields with the same bad
    /// name, each is found at its own place, not all at the first (and the search stays
    /// linear).
    cursor: std::cell::Cell<usize>,
}

impl<'text> Entry<'text> {
    fn new(start: usize, text: &'text str) -> Entry<'text> {
        Entry {
            start,
            text,
            cursor: std::cell::Cell::new(0),
        }
    }

    /// The offset (in the file) of the next place (after the last one found, else the first)
    /// `value` is spelt as a JSON string in the entry, inside its quotes; the entry's start
    /// when it is spelt otherwise.
    fn offset_of_string(&self, value: &str) -> usize {
        self.find(value, false)
    }

    /// Like [`Entry::offset_of_string`] for a name listed twice: never the first place it is
    /// spelt (that is the original; the duplicate is a later one).
    fn offset_of_last_string(&self, value: &str) -> usize {
        self.find(value, true)
    }

    fn find(&self, value: &str, not_the_first: bool) -> usize {
        let Ok(spelt) = serde_json::to_string(value) else {
            return self.start;
        };
        let next_from = |from: usize| self.text[from..].find(&spelt).map(|at| from + at);
        let cursor = self.cursor.get().min(self.text.len());
        let mut found = next_from(cursor).or_else(|| next_from(0));
        if not_the_first && found.is_some() && found == next_from(0) {
            found = found
                .and_then(|at| next_from(at + spelt.len()))
                .or_else(|| self.text.rfind(&spelt));
        }
        match found {
            Some(at) => {
                self.cursor.set(at + spelt.len());
                self.start + at + 1
            }
            None => self.start,
        }
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
