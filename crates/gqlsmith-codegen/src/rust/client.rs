//! The `rust-client` view-model: serde structs, enums with a fallback variant, and
//! `__typename`-tagged enums for interfaces and unions, flattened for the templates.

use gqlsmith_model::{Deprecation, Diagnostic, Schema, TypeDef, TypeKind, TypeRef};
use serde::Serialize;

use super::naming::{rust_field_name, rust_variant_name};
use super::shape::Shape;
use crate::config::Direction;
use crate::naming::NameScope;
use crate::output::module_for_kind;
use crate::Config;

/// Everything the `rust-client` templates print.
#[derive(Debug, Serialize)]
pub(crate) struct ClientViewModel {
    /// The modules (file stems) that have types, in file order; `mod.rs` declares them.
    pub(crate) modules: Vec<&'static str>,
    /// The derive list of every struct (`Debug, Clone, PartialEq, ...`).
    struct_derives: String,
    /// The derive list of every enum.
    enum_derives: String,
    /// `[generate.rust-client] lenient`: structs read missing fields as defaults, lists read
    /// a single item.
    lenient: bool,
    scalars: Vec<ScalarView>,
    enums: Vec<EnumView>,
    objects: Vec<StructView>,
    /// Every object type in one `__typename`-tagged enum, for reading a value whose type is
    /// known only at run time.
    any_object: TaggedView,
    interfaces: Vec<TaggedView>,
    unions: Vec<TaggedView>,
    inputs: Vec<StructView>,
}

#[derive(Debug, Serialize)]
struct ScalarView {
    graphql_name: String,
    rust_name: String,
    rust_type: String,
    description: Option<String>,
}

#[derive(Debug, Serialize)]
struct EnumView {
    graphql_name: String,
    rust_name: String,
    description: Option<String>,
    values: Vec<EnumValueView>,
    /// The variant that keeps a value this client does not know.
    unknown_variant: String,
    /// True when the input says the values listed are known to be only some of them.
    incomplete: bool,
}

#[derive(Debug, Serialize)]
struct EnumValueView {
    graphql_name: String,
    rust_name: String,
    /// Set when the Rust name, without `r#`, differs from the GraphQL name.
    serde_rename: Option<String>,
    description: Option<String>,
    deprecation: Option<String>,
}

#[derive(Debug, Serialize)]
struct StructView {
    graphql_name: String,
    rust_name: String,
    description: Option<String>,
    fields: Vec<FieldView>,
}

#[derive(Debug, Serialize)]
struct FieldView {
    graphql_name: String,
    rust_name: String,
    serde_rename: Option<String>,
    rust_type: String,
    /// An input field that may be left out (nullable): skipped when `None`.
    optional: bool,
    /// In lenient mode, the helper of `mod.rs` that reads a list field (`one_or_many` or
    /// `option_one_or_many`).
    list_reader: Option<&'static str>,
    description: Option<String>,
    deprecation: Option<String>,
}

#[derive(Debug, Serialize)]
struct TaggedView {
    graphql_name: String,
    rust_name: String,
    description: Option<String>,
    variants: Vec<VariantView>,
    unknown_variant: String,
}

#[derive(Debug, Serialize)]
struct VariantView {
    /// The `__typename` value.
    graphql_name: String,
    rust_name: String,
    rust_type: String,
}

/// Builds the view-model of `schema`.
pub(crate) fn view_model(
    schema: &Schema,
    config: &Config,
) -> Result<ClientViewModel, Vec<Diagnostic>> {
    let shape = Shape::new(schema, config, &["AnyObject"])?;
    let mut base_derives = vec![
        "Debug",
        "Clone",
        "PartialEq",
        "serde::Serialize",
        "serde::Deserialize",
    ];
    let extra: Vec<&str> = config
        .rust_client
        .derives
        .iter()
        .map(String::as_str)
        .collect();
    base_derives.extend(
        extra
            .iter()
            .copied()
            .filter(|derive| !base_derives_contains(derive)),
    );
    if config.rust_client.lenient && !base_derives.contains(&"Default") {
        base_derives.push("Default");
    }
    let struct_derives = base_derives.join(", ");
    let mut enum_list = vec![
        "Debug",
        "Clone",
        "PartialEq",
        "Eq",
        "Hash",
        "serde::Serialize",
        "serde::Deserialize",
    ];
    enum_list.extend(
        extra
            .iter()
            .copied()
            .filter(|derive| !enum_list_contains(derive)),
    );
    let enum_derives = enum_list.join(", ");

    let scalars = shape
        .custom_scalars
        .keys()
        .map(|name| ScalarView {
            graphql_name: name.clone(),
            rust_name: shape.rust_name(name),
            rust_type: shape
                .mapped_scalar(config, name, Direction::Output)
                .unwrap_or("String")
                .to_owned(),
            description: schema
                .type_named(name)
                .and_then(|ty| ty.description.clone()),
        })
        .collect::<Vec<_>>();
    let enums = schema
        .types_of_kind(TypeKind::Enum)
        .map(|ty| enum_view(&shape, ty))
        .collect::<Vec<_>>();
    let objects = schema
        .types_of_kind(TypeKind::Object)
        .map(|ty| struct_view(&shape, config, ty, Direction::Output))
        .collect::<Vec<_>>();
    let inputs = schema
        .types_of_kind(TypeKind::InputObject)
        .map(|ty| struct_view(&shape, config, ty, Direction::Input))
        .collect::<Vec<_>>();
    let mut any_object_type = TypeDef::new(
        "AnyObject",
        TypeKind::Union,
        gqlsmith_model::Provenance::default(),
    );
    any_object_type.description =
        Some("Any object type of the schema, chosen by `__typename`.".to_owned());
    let any_object = tagged_view(
        &shape,
        &any_object_type,
        Some("AnyObject".to_owned()),
        schema.types_of_kind(TypeKind::Object).collect(),
    );
    let interfaces = schema
        .types_of_kind(TypeKind::Interface)
        .map(|ty| tagged_view(&shape, ty, None, shape.implementors(&ty.name, false)))
        .collect::<Vec<_>>();
    let unions = schema
        .types_of_kind(TypeKind::Union)
        .map(|ty| tagged_view(&shape, ty, None, shape.union_members(ty)))
        .collect::<Vec<_>>();

    let mut modules = Vec::new();
    for (kind, present) in [
        (TypeKind::Scalar, !scalars.is_empty()),
        (TypeKind::Enum, !enums.is_empty()),
        (TypeKind::Object, !objects.is_empty()),
        (TypeKind::Interface, !interfaces.is_empty()),
        (TypeKind::Union, !unions.is_empty()),
        (TypeKind::InputObject, !inputs.is_empty()),
    ] {
        if present {
            modules.push(module_for_kind(kind));
        }
    }
    Ok(ClientViewModel {
        modules,
        struct_derives,
        enum_derives,
        lenient: config.rust_client.lenient,
        scalars,
        enums,
        objects,
        any_object,
        interfaces,
        unions,
        inputs,
    })
}

fn base_derives_contains(derive: &str) -> bool {
    [
        "Debug",
        "Clone",
        "PartialEq",
        "Serialize",
        "Deserialize",
        "serde::Serialize",
        "serde::Deserialize",
    ]
    .contains(&derive)
}

fn enum_list_contains(derive: &str) -> bool {
    base_derives_contains(derive) || ["Eq", "Hash"].contains(&derive)
}

/// The note of `#[deprecated]`: the reason, or a fixed text when the input gives none.
pub(crate) fn deprecation_note(deprecation: Option<&Deprecation>) -> Option<String> {
    deprecation.map(|deprecation| {
        deprecation
            .reason
            .clone()
            .unwrap_or_else(|| "No longer supported".to_owned())
    })
}

/// `Some(graphql_name)` when serde needs a rename to find the Rust name's value.
pub(crate) fn serde_rename(rust_name: &str, graphql_name: &str) -> Option<String> {
    let bare = rust_name.strip_prefix("r#").unwrap_or(rust_name);
    (bare != graphql_name).then(|| graphql_name.to_owned())
}

fn enum_view(shape: &Shape<'_>, ty: &TypeDef) -> EnumView {
    let mut scope = NameScope::default().numbered_without_separator();
    let values = ty
        .enum_values
        .iter()
        .map(|value| {
            let rust_name = scope.claim(rust_variant_name(&value.name));
            EnumValueView {
                serde_rename: serde_rename(&rust_name, &value.name),
                graphql_name: value.name.clone(),
                rust_name,
                description: value.description.clone(),
                deprecation: deprecation_note(value.deprecation.as_ref()),
            }
        })
        .collect();
    EnumView {
        graphql_name: ty.name.clone(),
        rust_name: shape.rust_name(&ty.name),
        description: ty.description.clone(),
        values,
        unknown_variant: scope.claim("Unknown".to_owned()),
        incomplete: ty.incomplete,
    }
}

fn struct_view(
    shape: &Shape<'_>,
    config: &Config,
    ty: &TypeDef,
    direction: Direction,
) -> StructView {
    let mut scope = NameScope::default();
    let fields: Vec<(&str, &TypeRef, Option<&String>, Option<&Deprecation>)> = match direction {
        Direction::Output => ty
            .fields
            .iter()
            .map(|field| {
                (
                    field.name.as_str(),
                    &field.ty,
                    field.description.as_ref(),
                    field.deprecation.as_ref(),
                )
            })
            .collect(),
        Direction::Input => ty
            .input_fields
            .iter()
            .map(|field| {
                (
                    field.name.as_str(),
                    &field.ty,
                    field.description.as_ref(),
                    field.deprecation.as_ref(),
                )
            })
            .collect(),
    };
    let fields = fields
        .into_iter()
        .map(|(name, field_ty, description, deprecation)| {
            let rust_name = scope.claim(rust_field_name(name));
            let boxed = shape
                .boxed_fields
                .contains(&(ty.name.clone(), name.to_owned()));
            FieldView {
                serde_rename: serde_rename(&rust_name, name),
                graphql_name: name.to_owned(),
                rust_name,
                rust_type: shape.wrap(field_ty, boxed, &|named| {
                    client_named_type(shape, config, named, direction)
                }),
                optional: direction == Direction::Input && !field_ty.is_non_null(),
                list_reader: match (
                    config.rust_client.lenient && direction == Direction::Output,
                    field_ty,
                ) {
                    (false, _) => None,
                    (true, TypeRef::NonNull(inner)) if inner.is_list() => Some("one_or_many"),
                    (true, TypeRef::List(_)) => Some("option_one_or_many"),
                    (true, _) => None,
                },
                description: description.cloned(),
                deprecation: deprecation_note(deprecation),
            }
        })
        .collect();
    StructView {
        graphql_name: ty.name.clone(),
        rust_name: shape.rust_name(&ty.name),
        description: ty.description.clone(),
        fields,
    }
}

/// An enum over `members` tagged by `__typename`; `rust_name` overrides the name of `ty`.
fn tagged_view(
    shape: &Shape<'_>,
    ty: &TypeDef,
    rust_name: Option<String>,
    members: Vec<&TypeDef>,
) -> TaggedView {
    let mut scope = NameScope::default().numbered_without_separator();
    let variants = members
        .into_iter()
        .map(|member| {
            let rust_type = shape.rust_name(&member.name);
            VariantView {
                graphql_name: member.name.clone(),
                rust_name: scope.claim(rust_type.clone()),
                rust_type,
            }
        })
        .collect();
    TaggedView {
        graphql_name: ty.name.clone(),
        rust_name: rust_name.unwrap_or_else(|| shape.rust_name(&ty.name)),
        description: ty.description.clone(),
        variants,
        unknown_variant: scope.claim("Unknown".to_owned()),
    }
}

/// The Rust type at the bottom of a client field: primitives for built-in scalars, the
/// generated (or mapped) type otherwise.
fn client_named_type(
    shape: &Shape<'_>,
    config: &Config,
    name: &str,
    direction: Direction,
) -> String {
    match name {
        "ID" | "String" => "String".to_owned(),
        "Int" => "i32".to_owned(),
        "Float" => "f64".to_owned(),
        "Boolean" => "bool".to_owned(),
        _ => {
            // An input-only mapping is written out; otherwise the scalar's alias is used.
            if direction == Direction::Input && shape.kind_of(name) == Some(TypeKind::Scalar) {
                let input = shape.mapped_scalar(config, name, Direction::Input);
                let output = shape.mapped_scalar(config, name, Direction::Output);
                if let Some(input) = input.filter(|input| Some(*input) != output) {
                    return input.to_owned();
                }
            }
            shape.rust_name(name)
        }
    }
}
