//! The `rust-operations` view-model: per operation a module with `Variables`, `Data` and the
//! response types of exactly what it selects; fragments as shared structs; interfaces and
//! unions that a selection narrows as enums chosen by `__typename`; the enums and input types
//! the operations use; and each operation's document (with `__typename` added where a type is
//! chosen by it) as a `const`.
//!
//! Every name, type and attribute is decided here; the templates only place them.
//!
//! Naming (documented in `templates/rust-operations/README.md`): an operation `Feed` is the
//! module `feed` with the unit struct `FeedQuery`; inside, a response field's type is named by
//! its path of response keys from `Data` (`feed.repository` -> `FeedRepository`, aliases
//! giving distinct names), a fragment's by its path from the fragment (`FeedEntryRepository`),
//! and the struct of one possible type of an enum by the enum and the type (`HeroHuman`).
//! Collisions are numbered (`Feed2`) by one name scope per module, in document order.

use apollo_compiler::ast;
use gqlsmith_model::{
    Diagnostic, Documents, FieldSelection, Fragment, Location, Operation, Schema, Selection,
    TypeDef, TypeKind, TypeRef,
};
use heck::ToUpperCamelCase;
use indexmap::{IndexMap, IndexSet};
use serde::Serialize;

use super::client::{deprecation_note, serde_rename};
use super::naming::{rust_field_name, rust_type_name, rust_variant_name};
use super::shape::RESERVED_TYPE_NAMES;
use crate::config::Direction;
use crate::diagnostics::CodegenError;
use crate::naming::NameScope;
use crate::Config;

/// The names `mod.rs` declares itself; shared types never take them.
const MOD_RS_NAMES: &[&str] = &[
    "Operation",
    "Request",
    "Response",
    "GraphqlError",
    "UnknownObject",
    "types",
];

/// Everything the `rust-operations` templates print.
#[derive(Debug, Serialize)]
pub(crate) struct OperationsViewModel {
    /// `Debug, Clone, PartialEq` and the configured derives: every response struct and enum.
    pub(crate) derives: String,
    /// `derives` and `serde::Serialize`: variables and input types.
    pub(crate) input_derives: String,
    /// `Debug, Clone, PartialEq, Eq, Hash`, serde's and the configured derives: GraphQL enums.
    pub(crate) enum_derives: String,
    /// `mod.rs` defines the helper that reads one part of an object (a struct with fragment
    /// fields, a variant of an enum): only when something uses it.
    pub(crate) uses_part: bool,
    /// `mod.rs` defines the helper that reads `__typename`.
    pub(crate) uses_typename: bool,
    /// True when `types.rs` has anything (enums, inputs or fragments).
    pub(crate) has_types: bool,
    pub(crate) enums: Vec<EnumView>,
    pub(crate) inputs: Vec<InputView>,
    /// The types of every fragment (and the types nested in them), in document order.
    pub(crate) fragments: Vec<ShapeView>,
    pub(crate) operations: Vec<OperationView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct EnumView {
    pub(crate) graphql_name: String,
    pub(crate) rust_name: String,
    pub(crate) description: Option<String>,
    pub(crate) values: Vec<EnumValueView>,
    /// The variant that keeps a value this client does not know (`Unknown`).
    pub(crate) unknown_variant: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct EnumValueView {
    pub(crate) graphql_name: String,
    pub(crate) rust_name: String,
    pub(crate) description: Option<String>,
    pub(crate) deprecation: Option<String>,
}

/// An input object type, or an operation's `Variables`.
#[derive(Debug, Serialize)]
pub(crate) struct InputView {
    pub(crate) rust_name: String,
    pub(crate) description: Option<String>,
    pub(crate) fields: Vec<FieldView>,
    /// The derive list: `input_derives`, and `Default` when every field is an `Option`.
    pub(crate) derives: String,
}

/// A field of a struct: an input field, a variable, or a selected response field.
#[derive(Debug, Serialize)]
pub(crate) struct FieldView {
    pub(crate) rust_name: String,
    /// The JSON key, when serde cannot derive it from `rust_name`.
    pub(crate) serde_rename: Option<String>,
    pub(crate) rust_type: String,
    /// Inputs: left out of the JSON when `None`.
    pub(crate) skip_none: bool,
    pub(crate) description: Option<String>,
    /// The note of `#[deprecated]`, for a deprecated field that is selected.
    pub(crate) deprecation: Option<String>,
}

/// A response type: a struct of selected fields and fragments, or an enum chosen by
/// `__typename`.
#[derive(Debug, Serialize)]
pub(crate) struct ShapeView {
    pub(crate) rust_name: String,
    pub(crate) description: String,
    /// An enum of `variants` and `other_variant`, read by `__typename`.
    pub(crate) tagged: bool,
    pub(crate) fields: Vec<FieldView>,
    /// Fragments spread here: each a field holding the fragment's type, read from the same
    /// object. A struct with parts gets a hand-written `Deserialize`.
    pub(crate) parts: Vec<PartView>,
    pub(crate) variants: Vec<VariantView>,
    /// The variant that keeps any other `__typename` and the object as JSON.
    pub(crate) other_variant: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct PartView {
    pub(crate) fragment: String,
    pub(crate) rust_name: String,
    pub(crate) rust_type: String,
    /// The spread is under `@skip`/`@include`: `Option`, `None` when its fields are absent.
    pub(crate) optional: bool,
}

#[derive(Debug, Serialize)]
pub(crate) struct VariantView {
    /// The `__typename` value.
    pub(crate) graphql_name: String,
    pub(crate) rust_name: String,
    pub(crate) rust_type: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct OperationView {
    pub(crate) graphql_name: String,
    /// `query`, `mutation`, `subscription`.
    pub(crate) kind: &'static str,
    /// The module and file stem (`feed`).
    pub(crate) module: String,
    /// The unit struct that implements `Operation` (`FeedQuery`).
    pub(crate) struct_name: String,
    /// What it is and where it is defined (`` `query Feed` (feed.graphql:1). ``).
    pub(crate) doc: String,
    /// The document as a Rust string literal (raw, so it reads as GraphQL).
    pub(crate) query_literal: String,
    pub(crate) variables: InputView,
    /// `Data` first, then the types nested in it, parents before children.
    pub(crate) shapes: Vec<ShapeView>,
}

/// The view-model of `documents` against `schema`; errors are unmapped custom scalars under
/// `strict_scalars`.
pub(crate) fn view_model(
    schema: &Schema,
    documents: &Documents,
    config: &Config,
) -> Result<OperationsViewModel, Vec<Diagnostic>> {
    let operations: Vec<&Operation> = in_document_order(documents)
        .into_iter()
        .filter(|operation| operation.name.is_some())
        .collect();
    let mut builder = Builder {
        schema,
        documents,
        config,
        shared_names: IndexMap::new(),
        fragment_names: IndexMap::new(),
        unmapped: IndexMap::new(),
        uses_part: false,
        uses_typename: false,
    };
    let mut reserved: Vec<&str> = RESERVED_TYPE_NAMES.to_vec();
    reserved.extend_from_slice(MOD_RS_NAMES);
    let mut top_scope = NameScope::with_reserved(&reserved).numbered_without_separator();

    // Names first, all of them, so that no nested type can take a shared type's name.
    let mut operation_names = Vec::new();
    for operation in &operations {
        let name = operation.name.as_deref().unwrap_or_default();
        let module = top_scope.claim(module_name(name));
        let struct_name = top_scope.claim(format!(
            "{}{}",
            rust_type_name(name),
            operation.kind.title()
        ));
        operation_names.push((module, struct_name));
    }
    for fragment in &documents.fragments {
        let rust_name = top_scope.claim(rust_type_name(&fragment.name));
        builder
            .fragment_names
            .insert(fragment.name.clone(), rust_name);
    }
    let (enums_used, inputs_used) = builder.shared_types_used(&operations);
    for name in enums_used.iter().chain(&inputs_used) {
        let rust_name = top_scope.claim(rust_type_name(name));
        builder.shared_names.insert(name.clone(), rust_name);
    }

    let enums = enums_used
        .iter()
        .filter_map(|name| schema.type_named(name))
        .map(|ty| builder.enum_view(ty))
        .collect::<Vec<_>>();
    let inputs = inputs_used
        .iter()
        .filter_map(|name| schema.type_named(name))
        .map(|ty| builder.input_view(ty))
        .collect::<Vec<_>>();

    // Fragments, each once; the `__typename`s a fragment's types need go into its text.
    let mut fragments = Vec::new();
    let mut fragment_texts: IndexMap<String, String> = IndexMap::new();
    let mut out = Out {
        scope: top_scope,
        shapes: Vec::new(),
        shared: "",
        typename_fields: Vec::new(),
        typename_root: false,
    };
    for fragment in &documents.fragments {
        out.typename_fields.clear();
        out.typename_root = false;
        let rust_name = builder.fragment_names[&fragment.name].clone();
        let description = format!(
            "Fragment `{}` on `{}` ({}:{}).",
            fragment.name, fragment.type_condition, fragment.location.file, fragment.location.line
        );
        if let Some(ty) = schema.type_named(&fragment.type_condition) {
            let selections: Vec<&Selection> = fragment.selections.iter().collect();
            let tagged = builder.shape(
                &mut out,
                rust_name.clone(),
                std::slice::from_ref(&rust_name),
                ty,
                &selections,
                description,
            );
            out.typename_root = tagged;
        }
        fragment_texts.insert(
            fragment.name.clone(),
            with_typename(
                &fragment.source,
                &fragment.selections,
                &out.typename_fields,
                out.typename_root,
            ),
        );
        fragments.append(&mut out.shapes);
    }

    let mut operation_views = Vec::new();
    for (operation, (module, struct_name)) in operations.iter().zip(operation_names) {
        let name = operation.name.clone().unwrap_or_default();
        let mut out = Out {
            scope: NameScope::with_reserved(RESERVED_TYPE_NAMES).numbered_without_separator(),
            shapes: Vec::new(),
            shared: "super::",
            typename_fields: Vec::new(),
            typename_root: false,
        };
        let data = out.scope.claim("Data".to_owned());
        out.scope.claim("Variables".to_owned());
        out.scope.claim(struct_name.clone());
        let root = operation
            .root_type
            .as_deref()
            .and_then(|root| schema.type_named(root));
        if let Some(root) = root {
            let selections: Vec<&Selection> = operation.selections.iter().collect();
            let description = format!("The `data` of a response to `{name}`.");
            builder.shape(&mut out, data, &[], root, &selections, description);
        }
        let mut text = with_typename(
            &operation.source,
            &operation.selections,
            &out.typename_fields,
            false,
        );
        for fragment in
            documents.fragments_used_by(gqlsmith_model::Definition::Operation(operation))
        {
            text.push_str("\n\n");
            text.push_str(
                fragment_texts
                    .get(&fragment.name)
                    .unwrap_or(&fragment.source),
            );
        }
        let variables = builder.variables_view(operation, &name);
        operation_views.push(OperationView {
            graphql_name: name.clone(),
            kind: operation.kind.as_str(),
            module,
            struct_name,
            doc: format!(
                "`{} {name}` ({}:{}).",
                operation.kind.as_str(),
                operation.location.file,
                operation.location.line
            ),
            query_literal: rust_raw_string(&text),
            variables,
            shapes: out.shapes,
        });
    }

    if !builder.unmapped.is_empty() {
        return Err(builder
            .unmapped
            .iter()
            .map(|(name, location)| {
                CodegenError::UnmappedCustomScalar
                    .diagnostic(format!("custom scalar `{name}` has no type in the scalar map"))
                    .at_opt(location.clone())
                    .with_coordinate(name.clone())
                    .with_help(format!(
                        "add `[generate.scalars.{name}]` with `rust = \"...\"` to gqlsmith.toml, or unset `strict_scalars`"
                    ))
            })
            .collect());
    }

    let extra: Vec<&str> = config
        .rust_operations
        .derives
        .iter()
        .map(String::as_str)
        .collect();
    let derives = derive_list(&["Debug", "Clone", "PartialEq"], &extra);
    let input_derives = builder.input_derives(false);
    let enum_derives = derive_list(
        &[
            "Debug",
            "Clone",
            "PartialEq",
            "Eq",
            "Hash",
            "serde::Serialize",
            "serde::Deserialize",
        ],
        &extra,
    );
    Ok(OperationsViewModel {
        derives,
        input_derives,
        enum_derives,
        uses_part: builder.uses_part,
        uses_typename: builder.uses_typename,
        has_types: !(enums.is_empty() && inputs.is_empty() && fragments.is_empty()),
        enums,
        inputs,
        fragments,
        operations: operation_views,
    })
}

/// `base` followed by those of `extra` it does not already hold (by last path segment, so
/// `Serialize` and `serde::Serialize` are one derive).
fn derive_list(base: &[&str], extra: &[&str]) -> String {
    let last = |derive: &str| derive.rsplit("::").next().unwrap_or(derive).to_owned();
    let mut list: Vec<&str> = base.to_vec();
    for derive in extra {
        if !list.iter().any(|taken| last(taken) == last(derive)) {
            list.push(derive);
        }
    }
    list.join(", ")
}

/// An operation name as a module name and file stem: snake case, keywords get a `_` (a raw
/// `r#type` module would need a file named `type.rs` and confuse readers).
fn module_name(graphql_name: &str) -> String {
    let name = rust_field_name(graphql_name);
    match name.strip_prefix("r#") {
        Some(bare) => format!("{bare}_"),
        None => name,
    }
}

/// `text` as a raw string literal with enough `#`s that no `"#...` in it ends it early.
pub(crate) fn rust_raw_string(text: &str) -> String {
    let mut longest = 0;
    for (index, _) in text.match_indices('"') {
        let run = text[index + 1..].chars().take_while(|c| *c == '#').count();
        longest = longest.max(run + 1);
    }
    let hashes = "#".repeat(longest.max(1));
    format!("r{hashes}\"{text}\"{hashes}")
}

/// Operations in document order (file, then position), as the other targets list them.
fn in_document_order(documents: &Documents) -> Vec<&Operation> {
    let file_index = |file: &str| {
        documents
            .files
            .iter()
            .position(|f| f == file)
            .unwrap_or(usize::MAX)
    };
    let mut operations: Vec<&Operation> = documents.operations.iter().collect();
    operations.sort_by_key(|op| {
        (
            file_index(&op.location.file),
            op.location.line,
            op.location.column,
        )
    });
    operations
}

/// Where the types being built go: their module's name scope and list, how shared types are
/// reached from there (`super::` from an operation's module), and the selection sets of the
/// definition being built that must select `__typename`.
struct Out {
    scope: NameScope,
    shapes: Vec<ShapeView>,
    shared: &'static str,
    /// Fields (by location) whose selection set gets `__typename`.
    typename_fields: Vec<Location>,
    /// The definition's own selection set gets `__typename` (a fragment read as an enum).
    typename_root: bool,
}

struct Builder<'a> {
    schema: &'a Schema,
    documents: &'a Documents,
    config: &'a Config,
    /// Enums and input types: GraphQL name -> Rust name.
    shared_names: IndexMap<String, String>,
    /// Fragments: GraphQL name -> Rust name.
    fragment_names: IndexMap<String, String>,
    /// Custom scalars without a mapping, under `strict_scalars`.
    unmapped: IndexMap<String, Option<Location>>,
    uses_part: bool,
    uses_typename: bool,
}

/// The fields one response key stands for, and whether every one of them is under
/// `@skip`/`@include`.
struct SelectedField<'s> {
    occurrences: Vec<&'s FieldSelection>,
    conditional: bool,
}

impl<'a> Builder<'a> {
    /// The enums and input types the operations and fragments reach: through the fields they
    /// select and through their variables (and the input types those use), each sorted by name.
    fn shared_types_used(&self, operations: &[&Operation]) -> (Vec<String>, Vec<String>) {
        let mut enums: IndexSet<String> = IndexSet::new();
        let mut inputs: IndexSet<String> = IndexSet::new();
        let mut pending: Vec<&Selection> = Vec::new();
        for operation in operations {
            pending.extend(&operation.selections);
        }
        for fragment in &self.documents.fragments {
            pending.extend(&fragment.selections);
        }
        while let Some(selection) = pending.pop() {
            match selection {
                Selection::Field(field) => {
                    if let Some(ty) = &field.ty {
                        if self.kind(ty.base_name()) == Some(TypeKind::Enum) {
                            enums.insert(ty.base_name().to_owned());
                        }
                    }
                    pending.extend(&field.selections);
                }
                Selection::InlineFragment(inline) => pending.extend(&inline.selections),
                Selection::FragmentSpread(_) => {}
            }
        }
        let mut input_queue: Vec<String> = operations
            .iter()
            .flat_map(|operation| &operation.variables)
            .map(|variable| variable.ty.base_name().to_owned())
            .collect();
        while let Some(name) = input_queue.pop() {
            match self.kind(&name) {
                Some(TypeKind::Enum) => {
                    enums.insert(name);
                }
                Some(TypeKind::InputObject) if inputs.insert(name.clone()) => {
                    if let Some(ty) = self.schema.type_named(&name) {
                        input_queue.extend(
                            ty.input_fields
                                .iter()
                                .map(|field| field.ty.base_name().to_owned()),
                        );
                    }
                }
                _ => {}
            }
        }
        let mut enums: Vec<String> = enums.into_iter().collect();
        let mut inputs: Vec<String> = inputs.into_iter().collect();
        enums.sort();
        inputs.sort();
        (enums, inputs)
    }

    fn kind(&self, name: &str) -> Option<TypeKind> {
        self.schema.type_named(name).map(|ty| ty.kind)
    }

    fn enum_view(&self, ty: &TypeDef) -> EnumView {
        let mut scope = NameScope::default().numbered_without_separator();
        let values = ty
            .enum_values
            .iter()
            .map(|value| EnumValueView {
                graphql_name: value.name.clone(),
                rust_name: scope.claim(rust_variant_name(&value.name)),
                description: value.description.clone(),
                deprecation: deprecation_note(value.deprecation.as_ref()),
            })
            .collect();
        EnumView {
            graphql_name: ty.name.clone(),
            rust_name: self.shared_names[&ty.name].clone(),
            description: ty.description.clone(),
            values,
            unknown_variant: scope.claim("Unknown".to_owned()),
        }
    }

    /// An input object type as a struct. Deprecated input fields get no `#[deprecated]`:
    /// every field must be written to build the struct, so the warning could not be avoided.
    fn input_view(&mut self, ty: &TypeDef) -> InputView {
        let mut scope = NameScope::default();
        let fields: Vec<FieldView> = ty
            .input_fields
            .iter()
            .map(|field| {
                let boxed = !field.ty.nullable().is_list()
                    && self.input_reaches(field.ty.base_name(), &ty.name);
                self.input_field(
                    &mut scope,
                    &field.name,
                    &field.ty,
                    field.default_value.is_some(),
                    boxed,
                    field.description.clone(),
                    "",
                )
            })
            .collect();
        InputView {
            rust_name: self.shared_names[&ty.name].clone(),
            description: ty.description.clone(),
            derives: self.input_derives(fields.iter().all(|field| field.skip_none)),
            fields,
        }
    }

    /// The derives of an input struct: `Default` too when every field is optional.
    fn input_derives(&self, all_optional: bool) -> String {
        let mut extra: Vec<&str> = self
            .config
            .rust_operations
            .derives
            .iter()
            .map(String::as_str)
            .collect();
        if all_optional {
            extra.push("Default");
        }
        derive_list(&["Debug", "Clone", "PartialEq", "serde::Serialize"], &extra)
    }

    /// True when the input type `from` is `target` or holds it, directly or through other
    /// input types (not through lists): a field of that type must be boxed.
    fn input_reaches(&self, from: &str, target: &str) -> bool {
        let mut seen: IndexSet<&str> = IndexSet::new();
        let mut queue = vec![from];
        while let Some(name) = queue.pop() {
            if name == target {
                return true;
            }
            if !seen.insert(name) {
                continue;
            }
            if let Some(ty) = self
                .schema
                .type_named(name)
                .filter(|ty| ty.kind == TypeKind::InputObject)
            {
                queue.extend(
                    ty.input_fields
                        .iter()
                        .filter(|field| !field.ty.nullable().is_list())
                        .map(|field| field.ty.base_name()),
                );
            }
        }
        false
    }

    fn variables_view(&mut self, operation: &Operation, name: &str) -> InputView {
        let mut scope = NameScope::default();
        let fields: Vec<FieldView> = operation
            .variables
            .iter()
            .map(|variable| {
                self.input_field(
                    &mut scope,
                    &variable.name,
                    &variable.ty,
                    variable.default_value.is_some(),
                    false,
                    None,
                    "super::",
                )
            })
            .collect();
        InputView {
            rust_name: "Variables".to_owned(),
            description: Some(format!("The variables of `{name}`.")),
            derives: self.input_derives(fields.iter().all(|field| field.skip_none)),
            fields,
        }
    }

    /// A variable or input field: `Option` (left out when `None`) when it is nullable or has
    /// a default, since either way the server needs no value.
    #[allow(clippy::too_many_arguments)]
    fn input_field(
        &mut self,
        scope: &mut NameScope,
        graphql_name: &str,
        ty: &TypeRef,
        has_default: bool,
        boxed: bool,
        description: Option<String>,
        shared: &str,
    ) -> FieldView {
        let rust_name = scope.claim(rust_field_name(graphql_name));
        let inner = self.input_type(ty.nullable(), shared);
        let inner = if boxed {
            format!("Box<{inner}>")
        } else {
            inner
        };
        let optional = !ty.is_non_null() || has_default;
        FieldView {
            serde_rename: serde_rename(&rust_name, graphql_name),
            rust_name,
            rust_type: if optional {
                format!("Option<{inner}>")
            } else {
                inner
            },
            skip_none: optional,
            description,
            deprecation: None,
        }
    }

    /// The Rust type of an input reference (its outer `Option` is the caller's).
    fn input_type(&mut self, ty: &TypeRef, shared: &str) -> String {
        match ty {
            TypeRef::NonNull(inner) => self.input_type(inner, shared),
            TypeRef::List(item) => {
                let item_type = self.input_type(item, shared);
                if item.is_non_null() {
                    format!("Vec<{item_type}>")
                } else {
                    format!("Vec<Option<{item_type}>>")
                }
            }
            TypeRef::Named(name) => self.named_type(name, shared, Direction::Input),
        }
    }

    /// A leaf type: built-in scalars as Rust primitives, enums and input types by their
    /// shared name, custom scalars through the scalar map (else `serde_json::Value`, which
    /// reads whatever JSON the scalar is).
    fn named_type(&mut self, name: &str, shared: &str, direction: Direction) -> String {
        match name {
            "ID" | "String" => "String".to_owned(),
            "Int" => "i32".to_owned(),
            "Float" => "f64".to_owned(),
            "Boolean" => "bool".to_owned(),
            _ => {
                if let Some(rust_name) = self.shared_names.get(name) {
                    return format!("{shared}{rust_name}");
                }
                if let Some(mapped) = self
                    .config
                    .scalars
                    .get(name)
                    .and_then(|mapping| mapping.rust_type(direction))
                {
                    return mapped.to_owned();
                }
                if self.config.strict_scalars {
                    let location = self
                        .schema
                        .type_named(name)
                        .and_then(|ty| ty.provenance.location.clone());
                    self.unmapped.entry(name.to_owned()).or_insert(location);
                }
                "serde_json::Value".to_owned()
            }
        }
    }

    /// Builds the response type `rust_name` for `selections` on `parent` into `out`: an enum
    /// when `parent` is an interface or union that the selections narrow to some of its
    /// types, else a struct. Returns true for an enum (its selection set needs `__typename`).
    /// `path` is the type's path of name segments (empty for `Data`), which the names of the
    /// types nested in it continue.
    fn shape(
        &mut self,
        out: &mut Out,
        rust_name: String,
        path: &[String],
        parent: &TypeDef,
        selections: &[&Selection],
        description: String,
    ) -> bool {
        let narrowed = if matches!(parent.kind, TypeKind::Interface | TypeKind::Union) {
            self.narrowed_types(parent, selections)
        } else {
            Vec::new()
        };
        if narrowed.is_empty() {
            let applies = |condition: &str| self.is_total(condition, parent);
            let (fields, parts) = collect(self.documents, selections, &applies);
            self.struct_shape(out, rust_name, path, parent, fields, parts, description);
            return false;
        }
        self.uses_typename = true;
        self.uses_part = true;
        let index = out.shapes.len();
        out.shapes.push(placeholder());
        let mut variant_scope = NameScope::default().numbered_without_separator();
        let mut variants = Vec::new();
        let mut variant_paths = Vec::new();
        for object in &narrowed {
            let variant_path = extended(path, rust_type_name(&object.name));
            let struct_name = out.scope.claim(path_name(&variant_path));
            variant_paths.push(variant_path);
            variants.push(VariantView {
                graphql_name: object.name.clone(),
                rust_name: variant_scope.claim(rust_type_name(&object.name)),
                rust_type: struct_name,
            });
        }
        let other_variant = variant_scope.claim("Other".to_owned());
        for ((object, variant), variant_path) in narrowed.iter().zip(&variants).zip(&variant_paths)
        {
            let applies = |condition: &str| applies_to_object(self.schema, condition, object);
            let (fields, parts) = collect(self.documents, selections, &applies);
            let description = format!("`{}` as a `{}`.", rust_name, object.name);
            self.struct_shape(
                out,
                variant.rust_type.clone(),
                variant_path,
                object,
                fields,
                parts,
                description,
            );
        }
        out.shapes[index] = ShapeView {
            rust_name,
            description,
            tagged: true,
            fields: Vec::new(),
            parts: Vec::new(),
            variants,
            other_variant,
        };
        true
    }

    /// A struct of `fields` and fragment `parts` selected on `parent`.
    #[allow(clippy::too_many_arguments)]
    fn struct_shape(
        &mut self,
        out: &mut Out,
        rust_name: String,
        path: &[String],
        parent: &TypeDef,
        fields: IndexMap<String, SelectedField<'_>>,
        parts: IndexMap<String, bool>,
        description: String,
    ) {
        let index = out.shapes.len();
        out.shapes.push(placeholder());
        let mut field_scope = NameScope::default();
        let mut field_views = Vec::new();
        for (key, selected) in &fields {
            let first = selected.occurrences[0];
            let rust_field = field_scope.claim(rust_field_name(key));
            let schema_field = parent.field(&first.name);
            let ty = match (&first.ty, first.name.as_str()) {
                (_, "__typename") => "String".to_owned(),
                (Some(ty), _) => {
                    let children: Vec<&Selection> = selected
                        .occurrences
                        .iter()
                        .flat_map(|field| field.selections.iter())
                        .collect();
                    let nested = extended(path, upper_camel(key));
                    let ty = if selected.conditional {
                        ty.nullable()
                    } else {
                        ty
                    };
                    self.output_type(out, ty, &children, &nested, &first.location)
                }
                (None, _) => continue,
            };
            let ty = if selected.conditional && !ty.starts_with("Option<") {
                format!("Option<{ty}>")
            } else {
                ty
            };
            field_views.push(FieldView {
                serde_rename: serde_rename(&rust_field, key),
                rust_name: rust_field,
                rust_type: ty,
                skip_none: false,
                description: schema_field.and_then(|field| field.description.clone()),
                deprecation: deprecation_note(
                    schema_field.and_then(|field| field.deprecation.as_ref()),
                ),
            });
        }
        let mut part_views = Vec::new();
        for (fragment, conditional) in &parts {
            let Some(fragment_type) = self.fragment_names.get(fragment) else {
                continue;
            };
            let rust_type = format!("{}{fragment_type}", out.shared);
            part_views.push(PartView {
                fragment: fragment.clone(),
                rust_name: field_scope.claim(rust_field_name(fragment)),
                rust_type: if *conditional {
                    format!("Option<{rust_type}>")
                } else {
                    rust_type
                },
                optional: *conditional,
            });
        }
        if !part_views.is_empty() {
            self.uses_part = true;
        }
        out.shapes[index] = ShapeView {
            rust_name,
            description,
            tagged: false,
            fields: field_views,
            parts: part_views,
            variants: Vec::new(),
            other_variant: String::new(),
        };
    }

    /// The Rust type of a selected field of type `ty` whose sub-selections are `children`;
    /// an object, interface or union gets the type `nested` (or, when the selection is one
    /// fragment spread that covers the type, the fragment's type).
    fn output_type(
        &mut self,
        out: &mut Out,
        ty: &TypeRef,
        children: &[&Selection],
        nested: &[String],
        location: &Location,
    ) -> String {
        match ty {
            TypeRef::NonNull(inner) => self.output_non_null(out, inner, children, nested, location),
            nullable => format!(
                "Option<{}>",
                self.output_non_null(out, nullable, children, nested, location)
            ),
        }
    }

    fn output_non_null(
        &mut self,
        out: &mut Out,
        ty: &TypeRef,
        children: &[&Selection],
        nested: &[String],
        location: &Location,
    ) -> String {
        match ty {
            TypeRef::NonNull(inner) => self.output_non_null(out, inner, children, nested, location),
            TypeRef::List(item) => {
                format!(
                    "Vec<{}>",
                    self.output_type(out, item, children, nested, location)
                )
            }
            TypeRef::Named(name) => {
                let schema = self.schema;
                let Some(ty) = schema
                    .type_named(name)
                    .filter(|ty| ty.kind.has_fields() || ty.kind == TypeKind::Union)
                else {
                    return self.named_type(name, out.shared, Direction::Output);
                };
                if let Some(fragment) = self.sole_spread(children, ty) {
                    return format!("{}{fragment}", out.shared);
                }
                let rust_name = out.scope.claim(path_name(nested));
                let description = format!("`{}` as selected.", ty.name);
                let tagged = self.shape(out, rust_name.clone(), nested, ty, children, description);
                if tagged {
                    out.typename_fields.push(location.clone());
                }
                rust_name
            }
        }
    }

    /// The fragment's Rust name when `children` is one unconditional spread of a fragment
    /// whose type condition holds for every value of `ty`.
    fn sole_spread(&self, children: &[&Selection], ty: &TypeDef) -> Option<String> {
        let [Selection::FragmentSpread(spread)] = children else {
            return None;
        };
        if is_conditional(&spread.directives) {
            return None;
        }
        let fragment: &Fragment = self.documents.fragment(&spread.name)?;
        if !self.is_total(&fragment.type_condition, ty) {
            return None;
        }
        self.fragment_names.get(&spread.name).cloned()
    }

    /// The object types of the abstract `parent` that a type condition in `selections` singles
    /// out (a condition that holds for only some of its types), sorted by name.
    fn narrowed_types(&self, parent: &TypeDef, selections: &[&Selection]) -> Vec<&'a TypeDef> {
        let possible = possible_types(self.schema, parent);
        let mut narrowed: IndexSet<&str> = IndexSet::new();
        let mut pending: Vec<&Selection> = selections.to_vec();
        while let Some(selection) = pending.pop() {
            let condition = match selection {
                Selection::Field(_) => None,
                Selection::InlineFragment(inline) => {
                    pending.extend(&inline.selections);
                    inline.type_condition.as_deref()
                }
                Selection::FragmentSpread(spread) => self
                    .documents
                    .fragment(&spread.name)
                    .map(|fragment| fragment.type_condition.as_str()),
            };
            let Some(condition) = condition else { continue };
            if self.is_total(condition, parent) {
                continue;
            }
            for object in &possible {
                if applies_to_object(self.schema, condition, object) {
                    narrowed.insert(&object.name);
                }
            }
        }
        possible
            .into_iter()
            .filter(|object| narrowed.contains(object.name.as_str()))
            .collect()
    }

    /// True when the type condition `condition` holds for every value of type `ty`.
    fn is_total(&self, condition: &str, ty: &TypeDef) -> bool {
        if condition == ty.name {
            return true;
        }
        let possible = possible_types(self.schema, ty);
        !possible.is_empty()
            && possible
                .iter()
                .all(|object| applies_to_object(self.schema, condition, object))
    }
}

/// What a filled-in shape replaces (so that parents come before the types nested in them).
fn placeholder() -> ShapeView {
    ShapeView {
        rust_name: String::new(),
        description: String::new(),
        tagged: false,
        fields: Vec::new(),
        parts: Vec::new(),
        variants: Vec::new(),
        other_variant: String::new(),
    }
}

/// Generated type names keep at most this many characters of their path (more when its last
/// segment alone is longer), so that lines stay short: prettyplease breaks lines from 89
/// columns on and rustfmt from 100, each its own way.
const MAX_PATH_NAME: usize = 32;

/// `path` with `segment` added.
fn extended(path: &[String], segment: String) -> Vec<String> {
    let mut extended = path.to_vec();
    extended.push(segment);
    extended
}

/// The name of the type at `path`: its segments joined, the last ones only when all of them
/// would be longer than [`MAX_PATH_NAME`] (`RepositoryRefsNodesTarget` stays, a deeper path
/// keeps its tail: `NodesTimelineItemsNodes`).
fn path_name(path: &[String]) -> String {
    let mut name = String::new();
    for segment in path.iter().rev() {
        if !name.is_empty() && segment.len() + name.len() > MAX_PATH_NAME {
            break;
        }
        name.insert_str(0, segment);
    }
    name
}

/// A response key as the tail of a type name: `repository` -> `Repository`, `r2` -> `R2`.
fn upper_camel(key: &str) -> String {
    let converted = key.to_upper_camel_case();
    if converted.is_empty() {
        "Field".to_owned()
    } else {
        converted
    }
}

/// The object types a value of `ty` can be: itself, an interface's implementations, a
/// union's members; sorted by name.
fn possible_types<'s>(schema: &'s Schema, ty: &TypeDef) -> Vec<&'s TypeDef> {
    let mut possible: Vec<&TypeDef> = match ty.kind {
        TypeKind::Object => schema.type_named(&ty.name).into_iter().collect(),
        TypeKind::Union => ty
            .members
            .iter()
            .filter_map(|member| schema.type_named(member))
            .filter(|member| member.kind == TypeKind::Object)
            .collect(),
        TypeKind::Interface => schema
            .types_of_kind(TypeKind::Object)
            .filter(|object| object.interfaces.contains(&ty.name))
            .collect(),
        _ => Vec::new(),
    };
    possible.sort_by(|a, b| a.name.cmp(&b.name));
    possible
}

/// True when a value of the object type `object` matches the type condition `condition`.
fn applies_to_object(schema: &Schema, condition: &str, object: &TypeDef) -> bool {
    condition == object.name
        || object.interfaces.iter().any(|name| name == condition)
        || schema
            .type_named(condition)
            .is_some_and(|ty| ty.kind == TypeKind::Union && ty.members.contains(&object.name))
}

fn is_conditional(directives: &[gqlsmith_model::DirectiveUsage]) -> bool {
    directives
        .iter()
        .any(|directive| directive.name == "skip" || directive.name == "include")
}

/// The fields (by response key, in first-selected order) and fragment spreads (by name) that
/// `selections` pick where `applies` holds for the type conditions: inline fragments are
/// merged in, spreads are kept as parts. Each with whether every place that selects it is
/// under `@skip`/`@include`.
fn collect<'s>(
    documents: &Documents,
    selections: &[&'s Selection],
    applies: &dyn Fn(&str) -> bool,
) -> (IndexMap<String, SelectedField<'s>>, IndexMap<String, bool>) {
    let mut fields: IndexMap<String, SelectedField<'s>> = IndexMap::new();
    let mut parts: IndexMap<String, bool> = IndexMap::new();
    // A stack of selections (each with whether a directive guards it), so that nesting
    // cannot overflow.
    let mut pending: Vec<(&'s Selection, bool)> = selections
        .iter()
        .rev()
        .map(|selection| (*selection, false))
        .collect();
    while let Some((selection, guarded)) = pending.pop() {
        match selection {
            Selection::Field(field) => {
                let conditional = guarded || is_conditional(&field.directives);
                let entry =
                    fields
                        .entry(field.response_key().to_owned())
                        .or_insert(SelectedField {
                            occurrences: Vec::new(),
                            conditional: true,
                        });
                entry.occurrences.push(field);
                entry.conditional &= conditional;
            }
            Selection::InlineFragment(inline) => {
                if inline.type_condition.as_deref().is_none_or(applies) {
                    let guarded = guarded || is_conditional(&inline.directives);
                    pending.extend(
                        inline
                            .selections
                            .iter()
                            .rev()
                            .map(|selection| (selection, guarded)),
                    );
                }
            }
            Selection::FragmentSpread(spread) => {
                let Some(fragment) = documents.fragment(&spread.name) else {
                    continue;
                };
                if applies(&fragment.type_condition) {
                    let conditional = guarded || is_conditional(&spread.directives);
                    let entry = parts.entry(spread.name.clone()).or_insert(true);
                    *entry &= conditional;
                }
            }
        }
    }
    (fields, parts)
}

/// `source` (one operation or fragment definition) with `__typename ` added at the start of
/// the selection set of each field in `fields` (by location) and, with `root`, of the
/// definition's own selection set, unless that set already selects `__typename` itself.
/// The model's selections and apollo-compiler's syntax tree of `source` have one shape (the
/// model is read from that tree), so they are walked side by side.
fn with_typename(
    source: &str,
    selections: &[Selection],
    fields: &[Location],
    root: bool,
) -> String {
    if fields.is_empty() && !root {
        return source.to_owned();
    }
    let Ok(document) = ast::Document::parse(source, "definition.graphql") else {
        return source.to_owned();
    };
    let set = match document.definitions.first() {
        Some(ast::Definition::OperationDefinition(operation)) => &operation.selection_set,
        Some(ast::Definition::FragmentDefinition(fragment)) => &fragment.selection_set,
        _ => return source.to_owned(),
    };
    let mut offsets = Vec::new();
    if root {
        push_insertion(&mut offsets, selections, set);
    }
    let mut pending: Vec<(&[Selection], &[ast::Selection])> = vec![(selections, set)];
    while let Some((model, syntax)) = pending.pop() {
        for (selection, node) in model.iter().zip(syntax) {
            match (selection, node) {
                (Selection::Field(field), ast::Selection::Field(node)) => {
                    if fields.contains(&field.location) {
                        push_insertion(&mut offsets, &field.selections, &node.selection_set);
                    }
                    pending.push((&field.selections, &node.selection_set));
                }
                (Selection::InlineFragment(inline), ast::Selection::InlineFragment(node)) => {
                    pending.push((&inline.selections, &node.selection_set));
                }
                _ => {}
            }
        }
    }
    offsets.sort_unstable();
    offsets.dedup();
    let mut text = source.to_owned();
    for offset in offsets.into_iter().rev() {
        if !text.is_char_boundary(offset) {
            continue;
        }
        // On a line of its own, indented as the selection it goes before, when that selection
        // starts its line; else on the same line.
        let line_start = text[..offset].rfind('\n').map_or(0, |newline| newline + 1);
        let indent = &text[line_start..offset];
        let insertion = if indent.chars().all(|c| c == ' ' || c == '\t') && line_start > 0 {
            format!("__typename\n{indent}")
        } else {
            "__typename ".to_owned()
        };
        text.insert_str(offset, &insertion);
    }
    text
}

/// The offset of the first selection of `syntax`, unless the set selects `__typename`
/// (unaliased, unconditionally) already.
fn push_insertion(offsets: &mut Vec<usize>, model: &[Selection], syntax: &[ast::Selection]) {
    let selects_typename = model.iter().any(|selection| {
        matches!(selection, Selection::Field(field)
            if field.name == "__typename" && field.alias.is_none() && !is_conditional(&field.directives))
    });
    if selects_typename {
        return;
    }
    let start = syntax.first().and_then(|first| match first {
        ast::Selection::Field(node) => node.location(),
        ast::Selection::FragmentSpread(node) => node.location(),
        ast::Selection::InlineFragment(node) => node.location(),
    });
    if let Some(span) = start {
        offsets.push(span.offset());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_strings_never_end_early() {
        assert_eq!(rust_raw_string("query { a }"), "r#\"query { a }\"#");
        assert_eq!(rust_raw_string("{ a(x: \"b\") }"), "r#\"{ a(x: \"b\") }\"#");
        assert_eq!(
            rust_raw_string("{ a(x: \"#\") }"),
            "r##\"{ a(x: \"#\") }\"##"
        );
        assert_eq!(rust_raw_string("\"##"), "r###\"\"##\"###");
    }

    #[test]
    fn module_names_are_snake_case_without_raw_identifiers() {
        assert_eq!(module_name("onCommentAdded"), "on_comment_added");
        assert_eq!(module_name("Feed"), "feed");
        assert_eq!(module_name("type"), "type_");
        assert_eq!(module_name("self"), "self_");
    }

    #[test]
    fn long_paths_keep_their_tail() {
        let path = |segments: &[&str]| -> Vec<String> {
            segments
                .iter()
                .map(|segment| (*segment).to_owned())
                .collect()
        };
        assert_eq!(path_name(&path(&["Feed", "Repository"])), "FeedRepository");
        assert_eq!(
            path_name(&path(&[
                "Repository",
                "Refs",
                "Nodes",
                "AssociatedPullRequests",
                "Nodes",
                "TimelineItems",
                "Nodes"
            ])),
            "NodesTimelineItemsNodes"
        );
        let long = "A".repeat(40);
        assert_eq!(path_name(&path(&["Feed", &long])), long);
    }

    #[test]
    fn derive_lists_skip_what_they_have() {
        assert_eq!(
            derive_list(
                &["Debug", "serde::Serialize"],
                &["Serialize", "Eq", "Debug"]
            ),
            "Debug, serde::Serialize, Eq"
        );
    }
}
