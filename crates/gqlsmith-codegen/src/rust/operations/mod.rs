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

mod document;
mod layout;
mod model;
mod naming;
mod selection;
mod shared;
pub(crate) mod views;

use gqlsmith_model::{Diagnostic, Documents, Location, Operation, Schema, Selection, TypeKind};
use indexmap::IndexMap;

use super::naming::rust_type_name;
use super::shape::RESERVED_TYPE_NAMES;
use crate::diagnostics::CodegenError;
use crate::naming::NameScope;
use crate::{Config, GeneratedFile};
use document::{rust_raw_string, with_typename};
use model::{OperationModel, OperationsModel, ShapeView};
use naming::module_name;
use shared::derive_list;
use views::OperationsViewModel;

/// The names `mod.rs` declares itself; shared types never take them.
const MOD_RS_NAMES: &[&str] = &[
    "Operation",
    "Request",
    "Response",
    "GraphqlError",
    "UnknownObject",
    "types",
];

/// The view-model of `documents` against `schema`, its lines laid out as rustfmt lays them
/// out; errors are unmapped custom scalars under `strict_scalars`.
pub(crate) fn view_model(
    schema: &Schema,
    documents: &Documents,
    config: &Config,
) -> Result<OperationsViewModel, Vec<Diagnostic>> {
    build(schema, documents, config).map(|model| views::printed(&model))
}

/// The files rendered from the embedded templates, as written: the templates print every
/// line in rustfmt's layout already, so only the header is added (and the file made to end
/// in exactly one newline, whatever the template's last line).
pub(super) fn finish_files(
    rendered_files: &[super::RenderedFile],
    header: &str,
) -> Vec<Result<GeneratedFile, Diagnostic>> {
    rendered_files
        .iter()
        .map(|file| {
            Ok(GeneratedFile {
                path: file.path.clone(),
                contents: format!("{header}{}\n", file.text.trim_end_matches('\n')),
            })
        })
        .collect()
}

/// The decisions of the view-model: names, types, attributes.
fn build(
    schema: &Schema,
    documents: &Documents,
    config: &Config,
) -> Result<OperationsModel, Vec<Diagnostic>> {
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
        uses_optional_part: false,
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
        operation_views.push(OperationModel {
            graphql_name: name.clone(),
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
    Ok(OperationsModel {
        derives,
        input_derives,
        enum_derives,
        uses_part: builder.uses_part,
        uses_optional_part: builder.uses_optional_part,
        uses_typename: builder.uses_typename,
        has_types: !(enums.is_empty() && inputs.is_empty() && fragments.is_empty()),
        enums,
        inputs,
        fragments,
        operations: operation_views,
    })
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
    uses_optional_part: bool,
    uses_typename: bool,
}

impl Builder<'_> {
    fn kind(&self, name: &str) -> Option<TypeKind> {
        self.schema.type_named(name).map(|ty| ty.kind)
    }
}
