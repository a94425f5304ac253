//! The `rust-server` view-model: async-graphql 7 types, one resolver trait per object type,
//! and the glue objects that expose the user's implementations, flattened for the templates.

use gqlsmith_model::{Diagnostic, Schema, TypeDef, TypeKind, TypeRef};
use serde::Serialize;

use super::client::deprecation_note;
use super::naming::{rust_field_name, rust_type_name, rust_variant_name};
use super::shape::Shape;
use crate::config::Direction;
use crate::naming::NameScope;
use crate::output::module_for_kind;
use crate::Config;

/// Names the glue defines next to the generated types.
const RESERVED_SERVER_TYPE_NAMES: &[&str] = &[
    "Arc",
    "Context",
    "ID",
    "QueryType",
    "MutationType",
    "SubscriptionType",
];

/// Everything the `rust-server` templates print.
#[derive(Debug, Serialize)]
pub(crate) struct ServerViewModel {
    pub(crate) modules: Vec<&'static str>,
    scalars: Vec<ScalarView>,
    enums: Vec<EnumView>,
    inputs: Vec<InputView>,
    objects: Vec<ObjectView>,
    interfaces: Vec<InterfaceView>,
    unions: Vec<UnionView>,
    /// Rust names of every output type (objects, interfaces, unions, enums, scalars) and
    /// input type, for `register_types`.
    output_types: Vec<String>,
    input_types: Vec<String>,
    /// The root operation types, when the schema names them and defines them as objects.
    query: Option<RootView>,
    mutation: Option<RootView>,
}

#[derive(Debug, Serialize)]
struct RootView {
    rust_name: String,
    trait_name: String,
}

#[derive(Debug, Serialize)]
struct ScalarView {
    graphql_name: String,
    rust_name: String,
    description: Option<String>,
    specified_by: Option<String>,
}

#[derive(Debug, Serialize)]
struct EnumView {
    graphql_name: String,
    rust_name: String,
    description: Option<String>,
    values: Vec<EnumValueView>,
}

#[derive(Debug, Serialize)]
struct EnumValueView {
    graphql_name: String,
    rust_name: String,
    description: Option<String>,
    deprecation: Option<String>,
}

#[derive(Debug, Serialize)]
struct InputView {
    graphql_name: String,
    rust_name: String,
    description: Option<String>,
    fields: Vec<ValueView>,
}

/// An argument or input field.
#[derive(Debug, Serialize)]
struct ValueView {
    graphql_name: String,
    rust_name: String,
    rust_type: String,
    description: Option<String>,
}

#[derive(Debug, Serialize)]
struct ObjectView {
    graphql_name: String,
    rust_name: String,
    /// The trait the user implements: `<Name>Resolver`.
    trait_name: String,
    description: Option<String>,
    fields: Vec<FieldView>,
}

#[derive(Debug, Serialize)]
struct FieldView {
    graphql_name: String,
    rust_name: String,
    /// `rust_name` without `r#` (async-graphql's interface derive makes it raw itself).
    method_name: String,
    /// The field's Rust type, without `Result`.
    rust_type: String,
    description: Option<String>,
    deprecation: Option<String>,
    arguments: Vec<ValueView>,
}

#[derive(Debug, Serialize)]
struct InterfaceView {
    graphql_name: String,
    rust_name: String,
    description: Option<String>,
    /// Implementing objects and interfaces, each a variant holding its glue type.
    variants: Vec<VariantView>,
    fields: Vec<FieldView>,
}

#[derive(Debug, Serialize)]
struct UnionView {
    graphql_name: String,
    rust_name: String,
    description: Option<String>,
    variants: Vec<VariantView>,
}

#[derive(Debug, Serialize)]
struct VariantView {
    rust_name: String,
}

/// Builds the view-model of `schema`.
pub(crate) fn view_model(
    schema: &Schema,
    config: &Config,
) -> Result<ServerViewModel, Vec<Diagnostic>> {
    let mut reserved: Vec<String> = RESERVED_SERVER_TYPE_NAMES
        .iter()
        .map(|name| (*name).to_owned())
        .collect();
    // `<Name>Resolver` traits live in the same namespace as the types.
    for ty in schema.types_of_kind(TypeKind::Object) {
        reserved.push(format!("{}Resolver", rust_type_name(&ty.name)));
    }
    let reserved: Vec<&str> = reserved.iter().map(String::as_str).collect();
    let shape = Shape::new(schema, config, &reserved)?;

    // GraphQL (and async-graphql) require an object to have a field; a docs page can list an
    // object without any. Such an object is served as an opaque scalar of the same name, so
    // the fields that return it still compile and keep its name.
    let fieldless_objects: Vec<ScalarView> = schema
        .types_of_kind(TypeKind::Object)
        .filter(|ty| ty.fields.is_empty())
        .map(|ty| ScalarView {
            graphql_name: ty.name.clone(),
            rust_name: shape.rust_name(&ty.name),
            description: Some(opaque_description(
                ty.description.as_deref(),
                &format!("no fields of the object type `{}`", ty.name),
            )),
            specified_by: None,
        })
        .collect();

    let scalars: Vec<ScalarView> = shape
        .custom_scalars
        .keys()
        .filter(|name| {
            shape
                .mapped_scalar(config, name, Direction::Output)
                .is_none()
                || shape
                    .mapped_scalar(config, name, Direction::Input)
                    .is_none()
        })
        .map(|name| {
            let defined = schema.type_named(name);
            ScalarView {
                graphql_name: name.clone(),
                rust_name: shape.rust_name(name),
                description: defined.and_then(|ty| ty.description.clone()),
                specified_by: defined.and_then(|ty| ty.specified_by.clone()),
            }
        })
        .chain(fieldless_objects)
        .collect();
    let enums: Vec<EnumView> = schema
        .types_of_kind(TypeKind::Enum)
        .map(|ty| enum_view(&shape, ty))
        .collect();
    let inputs: Vec<InputView> = schema
        .types_of_kind(TypeKind::InputObject)
        .map(|ty| input_view(&shape, config, ty))
        .collect();
    let objects: Vec<ObjectView> = schema
        .types_of_kind(TypeKind::Object)
        .filter(|ty| !ty.fields.is_empty())
        .map(|ty| {
            let rust_name = shape.rust_name(&ty.name);
            ObjectView {
                graphql_name: ty.name.clone(),
                trait_name: format!("{rust_name}Resolver"),
                rust_name,
                description: ty.description.clone(),
                fields: field_views(&shape, config, ty),
            }
        })
        .collect();
    let (interfaces, unknown_interfaces): (Vec<InterfaceView>, Vec<InterfaceView>) = schema
        .types_of_kind(TypeKind::Interface)
        .map(|ty| InterfaceView {
            graphql_name: ty.name.clone(),
            rust_name: shape.rust_name(&ty.name),
            description: ty.description.clone(),
            variants: shape
                .implementors(&ty.name, true)
                .into_iter()
                .filter(|member| !member.fields.is_empty())
                .map(|member| VariantView {
                    rust_name: shape.rust_name(&member.name),
                })
                .collect(),
            fields: field_views(&shape, config, ty),
        })
        .partition(|interface| !interface.fields.is_empty());
    let (unions, unknown_unions): (Vec<UnionView>, Vec<UnionView>) = schema
        .types_of_kind(TypeKind::Union)
        .map(|ty| UnionView {
            graphql_name: ty.name.clone(),
            rust_name: shape.rust_name(&ty.name),
            description: ty.description.clone(),
            variants: shape
                .union_members(ty)
                .into_iter()
                .filter(|member| !member.fields.is_empty())
                .map(|member| VariantView {
                    rust_name: shape.rust_name(&member.name),
                })
                .collect(),
        })
        .partition(|union_| !union_.variants.is_empty());
    // async-graphql (and GraphQL) reject an interface without fields and a union without
    // members; a docs page can name one without showing either (recovery knows the kind from
    // how the name is used, not what it holds). Like a fieldless object, such a type is
    // served as an opaque scalar of its name, and its doc comment says what is unknown.
    let mut scalars = scalars;
    scalars.extend(unknown_interfaces.into_iter().map(|interface| ScalarView {
        description: Some(opaque_description(
            interface.description.as_deref(),
            &format!("no fields of the interface `{}`", interface.graphql_name),
        )),
        graphql_name: interface.graphql_name,
        rust_name: interface.rust_name,
        specified_by: None,
    }));
    scalars.extend(unknown_unions.into_iter().map(|union_| ScalarView {
        description: Some(opaque_description(
            union_.description.as_deref(),
            &format!(
                "no members (with fields) of the union `{}`",
                union_.graphql_name
            ),
        )),
        graphql_name: union_.graphql_name,
        rust_name: union_.rust_name,
        specified_by: None,
    }));

    let output_types = scalars
        .iter()
        .map(|scalar| scalar.rust_name.clone())
        .chain(enums.iter().map(|enum_| enum_.rust_name.clone()))
        .chain(objects.iter().map(|object| object.rust_name.clone()))
        .chain(
            interfaces
                .iter()
                .map(|interface| interface.rust_name.clone()),
        )
        .chain(unions.iter().map(|union_| union_.rust_name.clone()))
        .collect();
    let input_types = inputs.iter().map(|input| input.rust_name.clone()).collect();

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
            // The traits the user implements get their own file: the one to read first.
            if kind == TypeKind::Object {
                modules.push("resolvers");
            }
            modules.push(module_for_kind(kind));
        }
    }
    let root = |name: &Option<String>| {
        let ty = schema.type_named(name.as_deref()?)?;
        (ty.kind == TypeKind::Object && !ty.fields.is_empty()).then(|| {
            let rust_name = shape.rust_name(&ty.name);
            RootView {
                trait_name: format!("{rust_name}Resolver"),
                rust_name,
            }
        })
    };
    let query = root(&schema.roots.query);
    let mutation = root(&schema.roots.mutation);
    Ok(ServerViewModel {
        modules,
        scalars,
        enums,
        inputs,
        objects,
        interfaces,
        unions,
        output_types,
        input_types,
        query,
        mutation,
    })
}

/// The doc comment of a type served as an opaque scalar: its own description, then what the
/// input does not show.
fn opaque_description(description: Option<&str>, missing: &str) -> String {
    let own = description
        .map(|text| format!("{text}\n\n"))
        .unwrap_or_default();
    format!("{own}The input lists {missing}: it is served as an opaque scalar.")
}

fn enum_view(shape: &Shape<'_>, ty: &TypeDef) -> EnumView {
    let mut scope = NameScope::default().numbered_without_separator();
    EnumView {
        graphql_name: ty.name.clone(),
        rust_name: shape.rust_name(&ty.name),
        description: ty.description.clone(),
        values: ty
            .enum_values
            .iter()
            .map(|value| EnumValueView {
                graphql_name: value.name.clone(),
                rust_name: scope.claim(rust_variant_name(&value.name)),
                description: value.description.clone(),
                deprecation: deprecation_note(value.deprecation.as_ref()),
            })
            .collect(),
    }
}

fn input_view(shape: &Shape<'_>, config: &Config, ty: &TypeDef) -> InputView {
    let mut scope = NameScope::default();
    InputView {
        graphql_name: ty.name.clone(),
        rust_name: shape.rust_name(&ty.name),
        description: ty.description.clone(),
        fields: ty
            .input_fields
            .iter()
            .map(|field| {
                let boxed = shape
                    .boxed_fields
                    .contains(&(ty.name.clone(), field.name.clone()));
                ValueView {
                    graphql_name: field.name.clone(),
                    rust_name: scope.claim(rust_field_name(&field.name)),
                    rust_type: server_type(shape, config, &field.ty, boxed, Direction::Input),
                    description: field.description.clone(),
                }
            })
            .collect(),
    }
}

/// The fields of an object or interface, with their typed arguments. Method names avoid
/// `new` (the glue's constructor); argument names avoid `ctx` (the context parameter).
fn field_views(shape: &Shape<'_>, config: &Config, ty: &TypeDef) -> Vec<FieldView> {
    let mut methods = NameScope::with_reserved(&["new"]);
    ty.fields
        .iter()
        .map(|field| {
            let mut parameters = NameScope::with_reserved(&["ctx"]);
            let rust_name = methods.claim(rust_field_name(&field.name));
            FieldView {
                graphql_name: field.name.clone(),
                method_name: rust_name
                    .strip_prefix("r#")
                    .unwrap_or(&rust_name)
                    .to_owned(),
                rust_name,
                rust_type: server_type(shape, config, &field.ty, false, Direction::Output),
                description: field.description.clone(),
                deprecation: deprecation_note(field.deprecation.as_ref()),
                arguments: field
                    .arguments
                    .iter()
                    .map(|argument| ValueView {
                        graphql_name: argument.name.clone(),
                        rust_name: parameters.claim(rust_field_name(&argument.name)),
                        rust_type: server_type(
                            shape,
                            config,
                            &argument.ty,
                            false,
                            Direction::Input,
                        ),
                        description: argument.description.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The async-graphql type of a reference: built-in scalars as async-graphql maps them, custom
/// scalars as mapped or as their generated newtype, other types as their generated type.
fn server_type(
    shape: &Shape<'_>,
    config: &Config,
    ty: &TypeRef,
    boxed: bool,
    direction: Direction,
) -> String {
    shape.wrap(ty, boxed, &|name| match name {
        "ID" => "async_graphql::ID".to_owned(),
        "String" => "String".to_owned(),
        "Int" => "i32".to_owned(),
        "Float" => "f64".to_owned(),
        "Boolean" => "bool".to_owned(),
        _ => shape
            .mapped_scalar(config, name, direction)
            .filter(|_| shape.kind_of(name) == Some(TypeKind::Scalar))
            .map_or_else(|| shape.rust_name(name), str::to_owned),
    })
}
