//! The `rust-client` view-model: serde structs, enums with a fallback variant, and
//! `__typename`-tagged enums for interfaces and unions, flattened for the templates.

use gqlsmith_model::{Certainty, Deprecation, Diagnostic, Schema, TypeDef, TypeKind, TypeRef};
use serde::Serialize;

use super::escape::{rust_doc, rust_string};
use super::layout::{self, Meta, RustType, Shape as LayoutShape};
use super::naming::{rust_field_name, rust_variant_name};
use super::shape::Shape;
use crate::config::Direction;
use crate::naming::NameScope;
use crate::output::module_for_kind;
use crate::Config;

/// Everything the `rust-client` templates print. Every line is laid out here as rustfmt
/// lays it out (`layout`): the templates only loop and print.
#[derive(Debug, Serialize)]
pub(crate) struct ClientViewModel {
    /// The modules (file stems) that have types, in file order; `mod.rs` declares them.
    pub(crate) modules: Vec<&'static str>,
    /// The modules in the order rustfmt sorts `mod` and `use` items (by name).
    sorted_modules: Vec<&'static str>,
    /// The derive attribute of every struct, laid out at column 0.
    struct_derive: String,
    /// The derive attribute of every object struct: `struct_derive` without `Serialize`
    /// unless `[generate.rust-client] serialize_responses`.
    object_derive: String,
    /// The derive attribute of every `__typename`-tagged enum.
    tagged_derive: String,
    /// The derive attribute of every enum.
    enum_derive: String,
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
    /// The doc comment, at column 0.
    doc: String,
    /// `pub type Name = Type`, laid out.
    declaration: String,
}

#[derive(Debug, Serialize)]
struct EnumView {
    graphql_name: String,
    rust_name: String,
    doc: String,
    values: Vec<EnumValueView>,
    /// The variant that keeps a value this client does not know.
    unknown_variant: String,
    /// The doc comment of that variant, indented.
    unknown_doc: String,
}

#[derive(Debug, Serialize)]
struct EnumValueView {
    graphql_name: String,
    rust_name: String,
    /// The doc comment and attributes, each line indented and ending in a newline.
    doc: String,
    attributes: String,
}

#[derive(Debug, Serialize)]
struct StructView {
    graphql_name: String,
    rust_name: String,
    doc: String,
    fields: Vec<FieldView>,
}

#[derive(Debug, Serialize)]
struct FieldView {
    graphql_name: String,
    rust_name: String,
    doc: String,
    attributes: String,
    /// `pub name: Type`, laid out (without the comma).
    declaration: String,
}

#[derive(Debug, Serialize)]
struct TaggedView {
    graphql_name: String,
    rust_name: String,
    doc: String,
    variants: Vec<VariantView>,
    /// The fallback variant, which keeps `__typename` and the whole object.
    unknown_variant: String,
    unknown_doc: String,
}

#[derive(Debug, Serialize)]
struct VariantView {
    /// The `__typename` value.
    graphql_name: String,
    rust_name: String,
    /// The `#[serde(rename)]` attribute, indented, with its newline.
    attributes: String,
    /// `Name(Type),`, laid out.
    declaration: String,
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
        "::serde::Serialize",
        "::serde::Deserialize",
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
    let mut enum_list = vec![
        "Debug",
        "Clone",
        "PartialEq",
        "Eq",
        "Hash",
        "::serde::Serialize",
        "::serde::Deserialize",
    ];
    enum_list.extend(
        extra
            .iter()
            .copied()
            .filter(|derive| !enum_list_contains(derive)),
    );
    let derive_line = |derives: &[&str]| {
        let derives: Vec<String> = derives
            .iter()
            .map(|derive| RustType::parse(derive).one_line())
            .collect();
        layout::derive(LayoutShape::indented(0), &derives)
    };
    let struct_derive = derive_line(&base_derives);
    // A client only reads response types: `Serialize` is theirs only when asked for.
    let response_derives: Vec<&str> = base_derives
        .iter()
        .copied()
        .filter(|derive| config.rust_client.serialize_responses || *derive != "::serde::Serialize")
        .collect();
    let object_derive = derive_line(&response_derives);
    // Tagged enums (interfaces, unions, `AnyObject`: response types) implement Default
    // themselves (their fallback variant holds a value).
    let tagged_derives: Vec<&str> = response_derives
        .iter()
        .copied()
        .filter(|derive| *derive != "Default")
        .collect();
    let tagged_derive = derive_line(&tagged_derives);
    let enum_derive = derive_line(&enum_list);

    let scalars = shape
        .custom_scalars
        .keys()
        .map(|name| {
            let rust_name = shape.rust_name(name);
            let rust_type = shape
                .mapped_scalar(config, name, Direction::Output)
                .map_or_else(|| RustType::text(STRING), RustType::parse);
            let description = schema
                .type_named(name)
                .and_then(|ty| ty.description.clone())
                .unwrap_or_else(|| format!("The GraphQL scalar `{name}`."));
            ScalarView {
                graphql_name: name.clone(),
                doc: rust_doc_at(Some(&description), 0),
                declaration: layout::assignment(
                    LayoutShape::list_item(0),
                    &format!("pub type {rust_name} ="),
                    &rust_type,
                ),
                rust_name,
            }
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
        "An object type this client does not know",
    );
    let interfaces = schema
        .types_of_kind(TypeKind::Interface)
        .map(|ty| {
            tagged_view(
                &shape,
                ty,
                None,
                shape.implementors(&ty.name, false),
                "An implementation this client does not know",
            )
        })
        .collect::<Vec<_>>();
    let unions = schema
        .types_of_kind(TypeKind::Union)
        .map(|ty| {
            tagged_view(
                &shape,
                ty,
                None,
                shape.union_members(ty),
                "A member this client does not know",
            )
        })
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
    let mut sorted_modules = modules.clone();
    sorted_modules.sort_unstable();
    Ok(ClientViewModel {
        modules,
        sorted_modules,
        struct_derive,
        object_derive,
        tagged_derive,
        enum_derive,
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

/// std's `String`, spelt so that no generated type can shadow it.
pub(crate) const STRING: &str = "::std::string::String";

fn base_derives_contains(derive: &str) -> bool {
    [
        "Debug",
        "Clone",
        "PartialEq",
        "Serialize",
        "Deserialize",
        "serde::Serialize",
        "serde::Deserialize",
        "::serde::Serialize",
        "::serde::Deserialize",
    ]
    .contains(&derive)
}

fn enum_list_contains(derive: &str) -> bool {
    base_derives_contains(derive) || ["Eq", "Hash"].contains(&derive)
}

/// A description as doc comment lines at `indent` (each ending in a newline).
pub(crate) fn rust_doc_at(description: Option<&str>, indent: usize) -> String {
    let doc = description.map(rust_doc).unwrap_or_default();
    if indent == 0 {
        return doc;
    }
    let pad = " ".repeat(indent);
    doc.lines().map(|line| format!("{pad}{line}\n")).collect()
}

/// Attributes laid out at `indent` inside a list (struct fields, enum variants), each on its
/// own line.
fn attributes_at(indent: usize, attributes: Vec<(&'static str, Vec<Meta>)>) -> String {
    let pad = " ".repeat(indent);
    attributes
        .into_iter()
        .map(|(path, args)| {
            format!(
                "{pad}{}\n",
                layout::attribute(LayoutShape::list_item(indent), path, args)
            )
        })
        .collect()
}

/// What the doc comment of an incomplete type adds: what the input shows and where it comes
/// from, and where the rest goes.
pub(crate) fn incompleteness_note(ty: &TypeDef, rest: &str) -> Option<String> {
    if !ty.incomplete {
        return None;
    }
    let what = match ty.kind {
        TypeKind::Enum => "only some of this enum's values",
        TypeKind::Union => "only the members of this union that its examples show",
        TypeKind::Interface => "only the implementations of this interface that its examples show",
        _ => "only part of this type",
    };
    let source = match &ty.kind_provenance.certainty {
        Certainty::Inferred {
            rule,
            evidence,
            confidence,
        } => {
            let evidence = if evidence.is_empty() {
                String::new()
            } else {
                format!(" from: {}", evidence.join("; "))
            };
            format!(" (inferred by `{rule}` with {confidence} confidence{evidence})")
        }
        _ => String::new(),
    };
    let line = ty
        .provenance
        .location
        .as_ref()
        .map(|location| format!(", line {}", location.line))
        .unwrap_or_default();
    Some(format!(
        "Known only in part: the input{line} lists {what}{source}. {rest}"
    ))
}

/// The description of `ty` with its incompleteness note, if any.
pub(crate) fn described(ty: &TypeDef, rest: &str) -> Option<String> {
    match (ty.description.as_deref(), incompleteness_note(ty, rest)) {
        (Some(description), Some(note)) => Some(format!("{description}\n\n{note}")),
        (None, Some(note)) => Some(note),
        (description, None) => description.map(str::to_owned),
    }
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
            let mut attributes = Vec::new();
            if let Some(note) = deprecation_note(value.deprecation.as_ref()) {
                attributes.push((
                    "deprecated",
                    vec![Meta::name_value("note", rust_string(&note))],
                ));
            }
            if let Some(rename) = serde_rename(&rust_name, &value.name) {
                attributes.push((
                    "serde",
                    vec![Meta::name_value("rename", rust_string(&rename))],
                ));
            }
            EnumValueView {
                graphql_name: value.name.clone(),
                doc: rust_doc_at(value.description.as_deref(), 4),
                attributes: attributes_at(4, attributes),
                rust_name,
            }
        })
        .collect();
    let unknown_variant = scope.claim("Unknown".to_owned());
    let unknown_doc = if ty.incomplete {
        "A value the input does not list (it lists only some), kept as the server sent it."
    } else {
        "A value this client does not know, kept as the server sent it."
    };
    EnumView {
        graphql_name: ty.name.clone(),
        rust_name: shape.rust_name(&ty.name),
        doc: rust_doc_at(
            described(ty, &format!("Other values read as `{unknown_variant}`.")).as_deref(),
            0,
        ),
        values,
        unknown_doc: rust_doc_at(Some(unknown_doc), 4),
        unknown_variant,
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
            let rust_type = shape.wrap_type(field_ty, boxed, &|named| {
                client_named_type(shape, config, named, direction)
            });
            let list_reader = match (
                config.rust_client.lenient && direction == Direction::Output,
                field_ty,
            ) {
                (false, _) => None,
                (true, TypeRef::NonNull(inner)) if inner.is_list() => Some("one_or_many"),
                (true, TypeRef::List(_)) => Some("option_one_or_many"),
                (true, _) => None,
            };
            let mut attributes = Vec::new();
            if let Some(note) = deprecation_note(deprecation) {
                attributes.push((
                    "deprecated",
                    vec![Meta::name_value("note", rust_string(&note))],
                ));
            }
            if let Some(rename) = serde_rename(&rust_name, name) {
                attributes.push((
                    "serde",
                    vec![Meta::name_value("rename", rust_string(&rename))],
                ));
            }
            if direction == Direction::Input && !field_ty.is_non_null() {
                attributes.push((
                    "serde",
                    vec![
                        Meta::Word("default".to_owned()),
                        Meta::name_value(
                            "skip_serializing_if",
                            rust_string("::std::option::Option::is_none"),
                        ),
                    ],
                ));
            }
            if let Some(reader) = list_reader {
                attributes.push((
                    "serde",
                    vec![Meta::name_value("deserialize_with", rust_string(reader))],
                ));
            }
            FieldView {
                graphql_name: name.to_owned(),
                doc: rust_doc_at(description.map(String::as_str), 4),
                attributes: attributes_at(4, attributes),
                declaration: layout::assignment(
                    LayoutShape::list_item(4),
                    &format!("pub {rust_name}:"),
                    &rust_type,
                ),
                rust_name,
            }
        })
        .collect();
    StructView {
        graphql_name: ty.name.clone(),
        rust_name: shape.rust_name(&ty.name),
        doc: rust_doc_at(ty.description.as_deref(), 0),
        fields,
    }
}

/// An enum over `members` tagged by `__typename`; `rust_name` overrides the name of `ty`.
/// Its last variant keeps any other object whole, `__typename` included.
fn tagged_view(
    shape: &Shape<'_>,
    ty: &TypeDef,
    rust_name: Option<String>,
    members: Vec<&TypeDef>,
    unknown_what: &str,
) -> TaggedView {
    let mut scope = NameScope::default().numbered_without_separator();
    let variants = members
        .into_iter()
        .map(|member| {
            let rust_type = shape.rust_name(&member.name);
            let rust_name = scope.claim(rust_type.clone());
            VariantView {
                graphql_name: member.name.clone(),
                attributes: attributes_at(
                    4,
                    vec![(
                        "serde",
                        vec![Meta::name_value("rename", rust_string(&member.name))],
                    )],
                ),
                declaration: layout::tuple_variant(4, &rust_name, &RustType::text(rust_type)),
                rust_name,
            }
        })
        .collect();
    let unknown_variant = scope.claim("Unknown".to_owned());
    TaggedView {
        graphql_name: ty.name.clone(),
        rust_name: rust_name.unwrap_or_else(|| shape.rust_name(&ty.name)),
        doc: rust_doc_at(
            described(
                ty,
                &format!("Other objects read as `{unknown_variant}`, with all their fields."),
            )
            .as_deref(),
            0,
        ),
        variants,
        unknown_doc: rust_doc_at(
            Some(&format!(
                "{unknown_what}: the object as the server sent it, `__typename` included."
            )),
            4,
        ),
        unknown_variant,
    }
}

/// The Rust type at the bottom of a client field: primitives for built-in scalars, the
/// generated (or mapped) type otherwise.
fn client_named_type(
    shape: &Shape<'_>,
    config: &Config,
    name: &str,
    direction: Direction,
) -> RustType {
    match name {
        "ID" | "String" => RustType::text(STRING),
        "Int" => RustType::text("i32"),
        "Float" => RustType::text("f64"),
        "Boolean" => RustType::text("bool"),
        _ => {
            // An input-only mapping is written out; otherwise the scalar's alias is used.
            if direction == Direction::Input && shape.kind_of(name) == Some(TypeKind::Scalar) {
                let input = shape.mapped_scalar(config, name, Direction::Input);
                let output = shape.mapped_scalar(config, name, Direction::Output);
                if let Some(input) = input.filter(|input| Some(*input) != output) {
                    return RustType::parse(input);
                }
            }
            RustType::text(shape.rust_name(name))
        }
    }
}
