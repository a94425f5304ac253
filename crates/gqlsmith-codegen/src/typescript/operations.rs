//! The `typescript-operations` target: one `operations.ts` with a type per operation
//! (`<Name><Kind>` and `<Name><Kind>Variables`) and per fragment (`<Name>Fragment`), holding
//! exactly what each selects, in the shape of graphql-codegen's `typescript-operations` 6.x
//! defaults (enums as string-literal unions, `T | null` for nullable values, optional
//! nullable variables, `__typename` only where selected), plus a `TypedDocumentNode` per
//! operation, so Apollo Client, urql and graphql-request infer result and variable types.
//!
//! Every type string is finished here, in Rust; the template only places them.

use gqlsmith_model::{
    Deprecation, Documents, Fragment, Operation, Schema, Selection, TypeDef, TypeKind, TypeRef,
};
use heck::ToUpperCamelCase;
use indexmap::{IndexMap, IndexSet};
use serde::Serialize;

use super::document_ast::{definitions_ast_json, document_of};
use super::naming::{ts_enum_member_name, ts_string, ts_type_name, tsdoc};
use crate::config::{Direction, TypescriptOperationsOptions};
use crate::Config;

/// Everything `operations.ts.tera` prints.
#[derive(Debug, Serialize)]
pub(crate) struct OperationsViewModel {
    pub(crate) typed_document_node: bool,
    pub(crate) enums_as_types: bool,
    pub(crate) enums: Vec<EnumView>,
    pub(crate) inputs: Vec<InputView>,
    pub(crate) definitions: Vec<DefinitionView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct EnumView {
    pub(crate) name: String,
    pub(crate) doc: String,
    pub(crate) values: Vec<EnumValueView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct EnumValueView {
    pub(crate) member: String,
    pub(crate) literal: String,
    pub(crate) doc: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct InputView {
    pub(crate) name: String,
    pub(crate) doc: String,
    /// Finished property lines (`  stars: number;`).
    pub(crate) fields: Vec<String>,
}

/// An operation or fragment.
#[derive(Debug, Serialize)]
pub(crate) struct DefinitionView {
    /// `FeedQuery`, `FeedEntryFragment`.
    pub(crate) type_name: String,
    /// The result (or fragment) type, finished.
    pub(crate) result: String,
    /// `FeedQueryVariables` and its finished type, for operations.
    pub(crate) variables_name: Option<String>,
    pub(crate) variables: Option<String>,
    /// `FeedDocument` and the document's AST as JSON, for operations.
    pub(crate) document_name: Option<String>,
    pub(crate) document_ast: Option<String>,
    /// A TSDoc comment naming the operation and where it is.
    pub(crate) doc: String,
}

/// The view model of `documents` against `schema`.
pub(crate) fn view_model(
    schema: &Schema,
    documents: &Documents,
    config: &Config,
) -> OperationsViewModel {
    let options = &config.typescript_operations;
    let mut builder = Builder {
        schema,
        documents,
        config,
        options,
        enums: IndexSet::new(),
        inputs: IndexSet::new(),
        fragment_ast: IndexMap::new(),
    };
    let mut definitions = Vec::new();
    for definition in ordered(documents) {
        match definition {
            Ordered::Operation(operation) => {
                if let Some(view) = builder.operation(operation) {
                    definitions.push(view);
                }
            }
            Ordered::Fragment(fragment) => definitions.push(builder.fragment(fragment)),
        }
    }
    // Input types used by variables, and the input types and enums they use in turn.
    let mut inputs = Vec::new();
    let mut next = 0;
    while next < builder.inputs.len() {
        let name = builder.inputs[next].clone();
        next += 1;
        if let Some(ty) = schema.type_named(&name) {
            inputs.push(builder.input(ty));
        }
    }
    let mut enum_names: Vec<String> = builder.enums.iter().cloned().collect();
    enum_names.sort();
    let enums = enum_names
        .iter()
        .filter_map(|name| schema.type_named(name))
        .map(|ty| builder.enum_view(ty))
        .collect();
    inputs.sort_by(|a, b| a.name.cmp(&b.name));
    OperationsViewModel {
        typed_document_node: options.typed_document_node,
        enums_as_types: options.enums_as_types,
        enums,
        inputs,
        definitions,
    }
}

enum Ordered<'d> {
    Operation(&'d Operation),
    Fragment(&'d Fragment),
}

/// Operations and fragments in document order (file, then position), as codegen emits them.
fn ordered(documents: &Documents) -> Vec<Ordered<'_>> {
    let file_index = |file: &str| {
        documents
            .files
            .iter()
            .position(|f| f == file)
            .unwrap_or(usize::MAX)
    };
    let mut all: Vec<(usize, u32, u32, Ordered<'_>)> = documents
        .operations
        .iter()
        .map(|op| {
            (
                file_index(&op.location.file),
                op.location.line,
                op.location.column,
                Ordered::Operation(op),
            )
        })
        .chain(documents.fragments.iter().map(|fragment| {
            (
                file_index(&fragment.location.file),
                fragment.location.line,
                fragment.location.column,
                Ordered::Fragment(fragment),
            )
        }))
        .collect();
    all.sort_by_key(|(file, line, column, _)| (*file, *line, *column));
    all.into_iter()
        .map(|(_, _, _, definition)| definition)
        .collect()
}

struct Builder<'a> {
    schema: &'a Schema,
    documents: &'a Documents,
    config: &'a Config,
    options: &'a TypescriptOperationsOptions,
    /// Enums and input types the definitions use, in first-use order.
    enums: IndexSet<String>,
    inputs: IndexSet<String>,
    /// Each fragment's AST as JSON, once converted.
    fragment_ast: IndexMap<&'a str, String>,
}

/// How deep selection types nest at most (apollo-compiler's parser allows less).
const MAX_DEPTH: usize = 256;

/// Codegen's names: PascalCase of the GraphQL name (`onCommentAdded` -> `OnCommentAdded`).
fn pascal(name: &str) -> String {
    let converted = name.to_upper_camel_case();
    if converted.is_empty() {
        name.to_owned()
    } else {
        converted
    }
}

impl<'a> Builder<'a> {
    fn operation(&mut self, operation: &'a Operation) -> Option<DefinitionView> {
        // Codegen names types after operations; an anonymous one has none to give (the
        // `operation-name-missing` rule of `check` points at it).
        let name = operation.name.as_ref()?;
        let type_name = format!("{}{}", pascal(name), operation.kind.title());
        let root = operation
            .root_type
            .as_deref()
            .unwrap_or(operation.kind.title());
        let result = self.selection_type(root, &[&operation.selections], 0);
        let variables = if operation.variables.is_empty() {
            "Exact<{ [key: string]: never; }>".to_owned()
        } else {
            let lines: Vec<String> = operation
                .variables
                .iter()
                .map(|variable| {
                    let optional = !variable.ty.is_non_null() || variable.default_value.is_some();
                    self.variable_property(&variable.name, &variable.ty, optional)
                })
                .collect();
            format!("Exact<{{\n{}\n}}>", lines.join("\n"))
        };
        let document_ast = if self.options.typed_document_node {
            self.document_ast(operation)
        } else {
            None
        };
        Some(DefinitionView {
            variables_name: Some(format!("{type_name}Variables")),
            variables: Some(variables),
            document_name: document_ast
                .as_ref()
                .map(|_| format!("{}Document", pascal(name))),
            document_ast,
            doc: format!(
                "/** `{name}` ({}:{}). */\n",
                operation.location.file, operation.location.line
            ),
            result,
            type_name,
        })
    }

    /// The operation's document (it and the fragments it uses) as graphql-js's AST in JSON.
    /// Each fragment is converted once, however many operations spread it.
    fn document_ast(&mut self, operation: &'a Operation) -> Option<String> {
        let mut definitions = definitions_ast_json(&operation.source)?;
        for fragment in self
            .documents
            .fragments_used_by(gqlsmith_model::Definition::Operation(operation))
        {
            let json = match self.fragment_ast.get(fragment.name.as_str()) {
                Some(json) => json.clone(),
                None => {
                    let json = definitions_ast_json(&fragment.source)?.pop()?;
                    self.fragment_ast.insert(&fragment.name, json.clone());
                    json
                }
            };
            definitions.push(json);
        }
        Some(document_of(&definitions))
    }

    fn fragment(&mut self, fragment: &'a Fragment) -> DefinitionView {
        let type_name = format!("{}Fragment", pascal(&fragment.name));
        DefinitionView {
            result: self.selection_type(&fragment.type_condition, &[&fragment.selections], 0),
            variables_name: None,
            variables: None,
            document_name: None,
            document_ast: None,
            doc: format!(
                "/** Fragment `{}` on `{}` ({}:{}). */\n",
                fragment.name,
                fragment.type_condition,
                fragment.location.file,
                fragment.location.line
            ),
            type_name,
        }
    }

    /// The type of what `selections` pick on `parent`: an object shape, or for an interface
    /// or union, a union of one shape per possible object type.
    /// `selections` are the selection sets merged under one response key (a field selected
    /// twice, or through fragments), borrowed, never copied.
    fn selection_type(
        &mut self,
        parent: &str,
        selections: &[&'a [Selection]],
        depth: usize,
    ) -> String {
        // Valid documents nest no deeper than the parser allows; the cap keeps a cyclic
        // (invalid) fragment from recursing without end should one ever get here.
        let schema: &'a Schema = self.schema;
        let Some(ty) = schema.type_named(parent).filter(|_| depth < MAX_DEPTH) else {
            return "unknown".to_owned();
        };
        match ty.kind {
            TypeKind::Interface | TypeKind::Union => {
                let possible = schema.possible_types(ty);
                if possible.is_empty() {
                    // A docs page may know no implementation: the interface's own fields.
                    return self.object_shape(ty, selections, depth);
                }
                let shapes: Vec<String> = possible
                    .iter()
                    .map(|object| self.object_shape(object, selections, depth))
                    .collect();
                let indent = "  ".repeat(depth + 1);
                let mut out = String::new();
                for shape in shapes {
                    out.push('\n');
                    out.push_str(&indent);
                    out.push_str("| ");
                    out.push_str(&shape);
                }
                out
            }
            _ => self.object_shape(ty, selections, depth),
        }
    }

    /// `{ key: type, ... }` for the fields selected on the object type `object`.
    fn object_shape(
        &mut self,
        object: &TypeDef,
        selections: &[&'a [Selection]],
        depth: usize,
    ) -> String {
        let fields = self.collect_fields(object, selections);
        let mut parts = Vec::new();
        if !self.options.skip_typename && !fields.contains_key("__typename") {
            parts.push(format!(
                "{}__typename?: {}",
                self.readonly(),
                ts_string(&object.name)
            ));
        }
        for (key, selected) in &fields {
            let first = selected.selections[0];
            // `@skip`/`@include` make a field absent from some responses (codegen: `?`).
            let optional = if selected.conditional { "?" } else { "" };
            let property = if first.name == "__typename" {
                format!(
                    "{}{key}{optional}: {}",
                    self.readonly(),
                    ts_string(&object.name)
                )
            } else {
                let Some(field) = object.field(&first.name) else {
                    continue;
                };
                let children: Vec<&'a [Selection]> = selected
                    .selections
                    .iter()
                    .map(|selection| selection.selections.as_slice())
                    .collect();
                let ty = self.output_type(&field.ty, &children, depth + 1);
                format!(
                    "{}{}{key}{optional}: {ty}",
                    deprecated_doc(field.deprecation.as_ref()),
                    self.readonly()
                )
            };
            parts.push(property);
        }
        format!("{{ {} }}", parts.join(", "))
    }

    /// The fields `selections` pick when the value is of the object type `object`: inline
    /// fragments and spread fragments whose type condition the object satisfies are merged,
    /// fields of one response key grouped, in first-selected order.
    fn collect_fields(
        &self,
        object: &TypeDef,
        selections: &[&'a [Selection]],
    ) -> IndexMap<String, SelectedField<'a>> {
        let mut fields: IndexMap<String, SelectedField<'a>> = IndexMap::new();
        let mut spread: Vec<&str> = Vec::new();
        // A stack of selection lists (each with whether `@skip`/`@include` guards it), so
        // nesting of fragments cannot overflow. The first list is on top.
        let mut pending: Vec<(std::slice::Iter<'a, Selection>, bool)> = selections
            .iter()
            .rev()
            .map(|list| (list.iter(), false))
            .collect();
        while let Some((top, guarded)) = pending.last_mut() {
            let guarded = *guarded;
            let Some(selection) = top.next() else {
                pending.pop();
                continue;
            };
            match selection {
                Selection::Field(field) => {
                    let conditional = guarded || is_conditional(&field.directives);
                    let entry =
                        fields
                            .entry(field.response_key().to_owned())
                            .or_insert(SelectedField {
                                selections: Vec::new(),
                                conditional: true,
                            });
                    entry.selections.push(field);
                    // Optional only when every place that selects it is guarded.
                    entry.conditional &= conditional;
                }
                Selection::InlineFragment(inline) => {
                    let applies = inline
                        .type_condition
                        .as_deref()
                        .is_none_or(|condition| self.schema.condition_applies(condition, object));
                    if applies {
                        let guarded = guarded || is_conditional(&inline.directives);
                        pending.push((inline.selections.iter(), guarded));
                    }
                }
                Selection::FragmentSpread(fragment_spread) => {
                    if spread.contains(&fragment_spread.name.as_str()) {
                        continue;
                    }
                    spread.push(&fragment_spread.name);
                    if let Some(fragment) = self.documents.fragment(&fragment_spread.name) {
                        if self
                            .schema
                            .condition_applies(&fragment.type_condition, object)
                        {
                            let guarded = guarded || is_conditional(&fragment_spread.directives);
                            pending.push((fragment.selections.iter(), guarded));
                        }
                    }
                }
            }
        }
        fields
    }

    fn output_type(&mut self, ty: &TypeRef, children: &[&'a [Selection]], depth: usize) -> String {
        match ty {
            TypeRef::NonNull(inner) => self.output_non_null(inner, children, depth),
            nullable => format!("{} | null", self.output_non_null(nullable, children, depth)),
        }
    }

    fn output_non_null(
        &mut self,
        ty: &TypeRef,
        children: &[&'a [Selection]],
        depth: usize,
    ) -> String {
        match ty {
            TypeRef::NonNull(inner) => self.output_non_null(inner, children, depth),
            TypeRef::List(item) => {
                let item = self.output_type(item, children, depth);
                self.array(&item)
            }
            TypeRef::Named(name) => match self.schema.type_named(name).map(|ty| ty.kind) {
                Some(TypeKind::Object | TypeKind::Interface | TypeKind::Union) => {
                    self.selection_type(name, children, depth)
                }
                Some(TypeKind::Enum) => {
                    self.enums.insert(name.clone());
                    ts_type_name(name)
                }
                _ => self.scalar(name, Direction::Output),
            },
        }
    }

    fn input_type(&mut self, ty: &TypeRef) -> String {
        match ty {
            TypeRef::NonNull(inner) => self.input_non_null(inner),
            nullable => format!("{} | null", self.input_non_null(nullable)),
        }
    }

    fn input_non_null(&mut self, ty: &TypeRef) -> String {
        match ty {
            TypeRef::NonNull(inner) => self.input_non_null(inner),
            TypeRef::List(item) => {
                let item = self.input_type(item);
                self.array(&item)
            }
            TypeRef::Named(name) => match self.schema.type_named(name).map(|ty| ty.kind) {
                Some(TypeKind::InputObject) => {
                    self.inputs.insert(name.clone());
                    ts_type_name(name)
                }
                Some(TypeKind::Enum) => {
                    self.enums.insert(name.clone());
                    ts_type_name(name)
                }
                _ => self.scalar(name, Direction::Input),
            },
        }
    }

    /// `  name: T;`, or `  name?: T | null | undefined;` for an optional input.
    fn input_property(
        &mut self,
        name: &str,
        ty: &TypeRef,
        optional: bool,
        doc: Option<String>,
    ) -> String {
        let doc = doc.unwrap_or_default();
        let readonly = self.readonly();
        let inner = self.input_non_null(ty);
        if optional && !self.options.avoid_optionals {
            format!("{doc}  {readonly}{name}?: {inner} | null | undefined;")
        } else if optional || !ty.is_non_null() {
            format!("{doc}  {readonly}{name}: {inner} | null;")
        } else {
            format!("{doc}  {readonly}{name}: {inner};")
        }
    }

    /// A variable: an input property whose outermost list also takes a single item, since
    /// GraphQL coerces one value where a list is expected (spec, "List: Input Coercion"), as
    /// codegen 6.x types variables.
    fn variable_property(&mut self, name: &str, ty: &TypeRef, optional: bool) -> String {
        let line = self.input_property(name, ty, optional, None);
        let TypeRef::List(item) = ty.nullable() else {
            return line;
        };
        let item = self.input_type(item);
        let one = if item.contains(" | ") {
            format!("({item})")
        } else {
            item.clone()
        };
        let array = self.array(&item);
        line.replacen(&array, &format!("{array} | {one}"), 1)
    }

    fn input(&mut self, ty: &TypeDef) -> InputView {
        let fields = ty
            .input_fields
            .iter()
            .map(|field| {
                let doc = property_doc(field.description.as_deref(), field.deprecation.as_ref());
                self.input_property(&field.name, &field.ty, !field.is_required(), Some(doc))
            })
            .collect();
        InputView {
            name: ts_type_name(&ty.name),
            doc: tsdoc(ty.description.as_deref(), None, ""),
            fields,
        }
    }

    fn enum_view(&self, ty: &TypeDef) -> EnumView {
        EnumView {
            name: ts_type_name(&ty.name),
            doc: tsdoc(ty.description.as_deref(), None, ""),
            values: ty
                .enum_values
                .iter()
                .map(|value| EnumValueView {
                    member: ts_enum_member_name(&value.name),
                    literal: ts_string(&value.name),
                    doc: tsdoc(
                        value.description.as_deref(),
                        value.deprecation.as_ref(),
                        "  ",
                    ),
                })
                .collect(),
        }
    }

    fn scalar(&self, name: &str, direction: Direction) -> String {
        match name {
            // An ID is sent as a string or an integer (spec, "ID: Input Coercion").
            "ID" if direction == Direction::Input => "string | number".to_owned(),
            "ID" | "String" => "string".to_owned(),
            "Int" | "Float" => "number".to_owned(),
            "Boolean" => "boolean".to_owned(),
            _ => self
                .config
                .scalars
                .get(name)
                .and_then(|mapping| mapping.typescript_type(direction))
                .map(str::to_owned)
                .or_else(|| self.options.default_scalar_type.clone())
                .unwrap_or_else(|| "any".to_owned()),
        }
    }

    fn array(&self, item: &str) -> String {
        if self.options.immutable_types {
            format!("ReadonlyArray<{item}>")
        } else {
            format!("Array<{item}>")
        }
    }

    fn readonly(&self) -> &'static str {
        if self.options.immutable_types {
            "readonly "
        } else {
            ""
        }
    }
}

/// The fields selected under one response key, and whether every selection of it is guarded
/// by `@skip` or `@include`.
struct SelectedField<'s> {
    selections: Vec<&'s gqlsmith_model::FieldSelection>,
    conditional: bool,
}

fn is_conditional(directives: &[gqlsmith_model::DirectiveUsage]) -> bool {
    directives
        .iter()
        .any(|directive| directive.name == "skip" || directive.name == "include")
}

/// `/** @deprecated reason */ ` before a property whose field is deprecated, so editors strike
/// through its uses.
fn deprecated_doc(deprecation: Option<&Deprecation>) -> String {
    match deprecation {
        Some(deprecation) => {
            let reason = deprecation
                .reason
                .as_deref()
                .unwrap_or("No longer supported")
                .replace("*/", "*\\/")
                .replace(['\n', '\r'], " ");
            format!("/** @deprecated {reason} */ ")
        }
        None => String::new(),
    }
}

fn property_doc(description: Option<&str>, deprecation: Option<&Deprecation>) -> String {
    tsdoc(description, deprecation, "  ")
}
