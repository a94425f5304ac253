//! The `rust-server` view-model: async-graphql 7 types, one resolver trait per object type,
//! and the glue objects that expose the user's implementations, flattened for the templates.

use gqlsmith_model::{Diagnostic, Schema, TypeDef, TypeKind, TypeRef};
use serde::Serialize;

use super::client::{deprecation_note, described, rust_doc_at, STRING};
use super::escape::rust_string;
use super::layout::{self, Meta, Param, RustType, Shape as LayoutShape, SignatureEnd};
use super::naming::{rust_field_name, rust_type_name, rust_variant_name};
use super::shape::{Shape, OPTION};
use crate::config::Direction;
use crate::naming::NameScope;
use crate::output::module_for_kind;
use crate::parallel::map_in_order;
use crate::Config;

/// Names the glue defines next to the generated types.
const RESERVED_SERVER_TYPE_NAMES: &[&str] = &[
    "Arc",
    "Context",
    "ID",
    "QueryType",
    "MutationType",
    "SubscriptionType",
    // async-graphql's derives name these prelude traits without a path in what they expand
    // to (`Sized` in `Interface` and `Union`), so no generated type may shadow them.
    "Sized",
    "Send",
    "Sync",
    "Copy",
    "Clone",
    "Default",
    "From",
    "Into",
    "Iterator",
    "IntoIterator",
    "ToString",
    "ToOwned",
    "PartialEq",
    "Eq",
];

/// The most lists a type served with its own Rust type nests. async-graphql resolves a list
/// through one async block per level, and rustc proves such a field's future `Send` by walking
/// that nesting: at 7 lists it passes rustc's default recursion limit (`E0275` in the user's
/// crate, which `#![recursion_limit]` in generated modules cannot raise), and plain nested
/// `Vec`s fail the same check at about 32.
const MAX_SERVED_LIST_DEPTH: usize = 6;

/// The GraphQL (and Rust) name of the scalar that serves deeper lists, numbered when the
/// schema has a type of that name.
const DEEP_LIST_NAME: &str = "DeepList";

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
    /// The modules in the order rustfmt sorts `mod` and `use` items (by name).
    sorted_modules: Vec<&'static str>,
    /// The body of `register_types`: `builder.register_output_type::<T>()...` for every
    /// output type (objects, interfaces, unions, enums, scalars) and input type, laid out.
    register_chain: String,
    /// `schema_builder`, when the schema has a query root defined as an object.
    schema_builder: Option<SchemaBuilderView>,
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
    doc: String,
    /// What the newtype derives besides serde's traits (a JSON value has no `Hash`).
    derives: &'static str,
    /// `pub struct Name(pub ::std::string::String);`, laid out.
    declaration: String,
    /// The `async_graphql::scalar!` call that registers it, laid out.
    registration: String,
}

#[derive(Debug, Serialize)]
struct EnumView {
    graphql_name: String,
    rust_name: String,
    doc: String,
    /// `#[graphql(name = ...)]`, laid out at column 0.
    attribute: String,
    values: Vec<EnumValueView>,
}

#[derive(Debug, Serialize)]
struct EnumValueView {
    graphql_name: String,
    rust_name: String,
    /// The doc comment and the `#[graphql]` attribute, indented, each line with its newline.
    doc: String,
    attributes: String,
}

#[derive(Debug, Serialize)]
struct InputView {
    graphql_name: String,
    rust_name: String,
    doc: String,
    attribute: String,
    fields: Vec<InputFieldView>,
}

#[derive(Debug, Serialize)]
struct InputFieldView {
    graphql_name: String,
    rust_name: String,
    doc: String,
    attributes: String,
    /// `pub name: Type`, laid out (without the comma).
    declaration: String,
}

/// An argument or input field.
#[derive(Debug)]
struct ValueView {
    graphql_name: String,
    rust_name: String,
    rust_type: RustType,
    description: Option<String>,
}

#[derive(Debug, Serialize)]
struct ObjectView {
    graphql_name: String,
    rust_name: String,
    /// The trait the user implements: `<Name>Resolver`.
    trait_name: String,
    doc: String,
    /// The glue struct's field, laid out.
    resolver_field: String,
    /// `pub fn new(resolver: impl <Name>Resolver + 'static) -> Self {`, laid out.
    new_signature: String,
    /// `#[::async_graphql::Object(name = ...)]`, laid out.
    object_attribute: String,
    /// `pub trait <Name>Resolver: Send + Sync {`, laid out.
    trait_header: String,
    fields: Vec<FieldView>,
}

#[derive(Debug, Serialize)]
struct FieldView {
    graphql_name: String,
    rust_name: String,
    /// The doc comment at the indentation of impl and trait items.
    doc: String,
    /// The glue method's `#[graphql]` attribute, indented, with its newline.
    attributes: String,
    /// The glue method's signature, laid out, ending in ` {`.
    glue_signature: String,
    /// The glue method's body: the call of the user's method.
    glue_body: String,
    /// The trait method's signature, laid out, ending in `;`.
    trait_signature: String,
}

/// An interface field as async-graphql's `#[graphql(field(...))]` wants it.
#[derive(Debug)]
struct InterfaceFieldView {
    field: Meta,
}

#[derive(Debug, Serialize)]
struct InterfaceView {
    graphql_name: String,
    rust_name: String,
    doc: String,
    /// `#[graphql(name = ..., field(...), ...)]`, laid out.
    attribute: String,
    /// Implementing objects and interfaces, each a variant holding its glue type.
    variants: Vec<VariantView>,
}

#[derive(Debug, Serialize)]
struct UnionView {
    graphql_name: String,
    rust_name: String,
    doc: String,
    attribute: String,
    variants: Vec<VariantView>,
}

#[derive(Debug, Serialize)]
struct VariantView {
    rust_name: String,
    /// `Name(Name),`, laid out.
    declaration: String,
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
    let deep_list = deep_list_name(&shape, &reserved);
    let shape = Served {
        shape: &shape,
        deep_list: &deep_list,
    };

    // Custom scalars without a mapping in both directions, as newtypes of String.
    let mut scalars: Vec<ScalarView> = shape
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
            scalar_view(
                name,
                shape.rust_name(name),
                defined.and_then(|ty| ty.description.clone()),
                defined.and_then(|ty| ty.specified_by.as_deref()),
            )
        })
        .collect();
    // GraphQL (and async-graphql) require an object to have a field; a docs page can list an
    // object without any. Such an object is served as an opaque scalar of the same name, so
    // the fields that return it still compile and keep its name.
    scalars.extend(
        schema
            .types_of_kind(TypeKind::Object)
            .filter(|ty| ty.fields.is_empty())
            .map(|ty| {
                scalar_view(
                    &ty.name,
                    shape.rust_name(&ty.name),
                    Some(opaque_description(
                        ty.description.as_deref(),
                        &format!("no fields of the object type `{}`", ty.name),
                    )),
                    None,
                )
            }),
    );
    let deep_list_coordinates = deep_list_coordinates(schema);
    if !deep_list_coordinates.is_empty() {
        scalars.push(deep_list_view(shape.deep_list, &deep_list_coordinates));
    }
    let enums: Vec<EnumView> = schema
        .types_of_kind(TypeKind::Enum)
        .map(|ty| enum_view(&shape, ty))
        .collect();
    let inputs: Vec<InputView> = schema
        .types_of_kind(TypeKind::InputObject)
        .map(|ty| input_view(&shape, config, ty))
        .collect();
    // The objects are most of the work (two laid-out signatures per field): side by side.
    let object_types: Vec<&TypeDef> = schema
        .types_of_kind(TypeKind::Object)
        .filter(|ty| !ty.fields.is_empty())
        .collect();
    let objects: Vec<ObjectView> =
        map_in_order(&object_types, config, |ty| object_view(&shape, config, ty));
    // async-graphql (and GraphQL) reject an interface without fields and a union without
    // members; a docs page can name one without showing either (recovery knows the kind from
    // how the name is used, not what it holds). Like a fieldless object, such a type is
    // served as an opaque scalar of its name, and its doc comment says what is unknown.
    let mut interfaces = Vec::new();
    for ty in schema.types_of_kind(TypeKind::Interface) {
        if ty.fields.is_empty() {
            scalars.push(scalar_view(
                &ty.name,
                shape.rust_name(&ty.name),
                Some(opaque_description(
                    ty.description.as_deref(),
                    &format!("no fields of the interface `{}`", ty.name),
                )),
                None,
            ));
            continue;
        }
        let members = shape
            .implementors(&ty.name, true)
            .into_iter()
            .filter(|member| !member.fields.is_empty())
            .map(|member| shape.rust_name(&member.name));
        interfaces.push(InterfaceView {
            graphql_name: ty.name.clone(),
            rust_name: shape.rust_name(&ty.name),
            doc: rust_doc_at(
                described(ty, "A server does not need the rest.").as_deref(),
                0,
            ),
            attribute: interface_attribute(&shape, config, ty),
            variants: members.map(variant_view).collect(),
        });
    }
    let mut unions = Vec::new();
    for ty in schema.types_of_kind(TypeKind::Union) {
        let members: Vec<String> = shape
            .union_members(ty)
            .into_iter()
            .filter(|member| !member.fields.is_empty())
            .map(|member| shape.rust_name(&member.name))
            .collect();
        if members.is_empty() {
            scalars.push(scalar_view(
                &ty.name,
                shape.rust_name(&ty.name),
                Some(opaque_description(
                    ty.description.as_deref(),
                    &format!("no members (with fields) of the union `{}`", ty.name),
                )),
                None,
            ));
            continue;
        }
        unions.push(UnionView {
            graphql_name: ty.name.clone(),
            rust_name: shape.rust_name(&ty.name),
            doc: rust_doc_at(
                described(ty, "A server does not need the rest.").as_deref(),
                0,
            ),
            attribute: graphql_name_attribute(&ty.name),
            variants: members.into_iter().map(variant_view).collect(),
        });
    }

    let output_types: Vec<String> = scalars
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
    let input_types: Vec<String> = inputs.iter().map(|input| input.rust_name.clone()).collect();
    let registrations: Vec<String> = output_types
        .iter()
        .map(|ty| format!(".register_output_type::<{ty}>()"))
        .chain(
            input_types
                .iter()
                .map(|ty| format!(".register_input_type::<{ty}>()")),
        )
        .collect();
    let register_chain = layout::call_chain(4, "builder", &registrations);

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
    let mut sorted_modules = modules.clone();
    sorted_modules.sort_unstable();
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
    let schema_builder = query
        .as_ref()
        .map(|query| schema_builder_views(query, mutation.as_ref()));
    Ok(ServerViewModel {
        modules,
        sorted_modules,
        scalars,
        enums,
        inputs,
        objects,
        interfaces,
        unions,
        register_chain,
        schema_builder,
    })
}

/// What `mod.rs` prints for `schema_builder`: the signature and the three arguments of
/// `Schema::build`, laid out.
#[derive(Debug, Serialize)]
struct SchemaBuilderView {
    /// `mutation` when the schema has a mutation root.
    serves: &'static str,
    signature: String,
    query: String,
    mutation: String,
}

fn schema_builder_views(query: &RootView, mutation: Option<&RootView>) -> SchemaBuilderView {
    let mut params = vec![Param::new(
        "query",
        RustType::Impl(vec![query.trait_name.clone(), "'static".to_owned()]),
    )];
    if let Some(mutation) = mutation {
        params.push(Param::new(
            "mutation",
            RustType::Impl(vec![mutation.trait_name.clone(), "'static".to_owned()]),
        ));
    }
    let ret = RustType::Path {
        path: "::async_graphql::SchemaBuilder".to_owned(),
        args: vec![
            RustType::text(&query.rust_name),
            RustType::text(
                mutation.map_or("::async_graphql::EmptyMutation", |mutation| {
                    mutation.rust_name.as_str()
                }),
            ),
            RustType::text("::async_graphql::EmptySubscription"),
        ],
    };
    SchemaBuilderView {
        serves: if mutation.is_some() {
            " and `mutation`"
        } else {
            ""
        },
        signature: layout::signature(
            0,
            "pub fn schema_builder",
            &params,
            Some(&ret),
            SignatureEnd::Brace,
        ),
        query: format!("{}::new(query)", query.rust_name),
        mutation: mutation.map_or_else(
            || "::async_graphql::EmptyMutation".to_owned(),
            |mutation| format!("{}::new(mutation)", mutation.rust_name),
        ),
    }
}

fn variant_view(rust_name: String) -> VariantView {
    VariantView {
        declaration: layout::tuple_variant(4, &rust_name, &RustType::text(&rust_name)),
        rust_name,
    }
}

/// `#[graphql(name = "Name")]` at column 0.
fn graphql_name_attribute(graphql_name: &str) -> String {
    layout::attribute(
        LayoutShape::indented(0),
        "graphql",
        vec![Meta::name_value("name", rust_string(graphql_name))],
    )
}

fn scalar_view(
    graphql_name: &str,
    rust_name: String,
    description: Option<String>,
    specified_by: Option<&str>,
) -> ScalarView {
    let mut args = vec![rust_name.clone(), rust_string(graphql_name)];
    if description.is_some() || specified_by.is_some() {
        args.push(rust_string(description.as_deref().unwrap_or("")));
    }
    if let Some(url) = specified_by {
        args.push(rust_string(url));
    }
    let doc_text = description
        .clone()
        .unwrap_or_else(|| format!("The GraphQL scalar `{graphql_name}`."));
    ScalarView {
        graphql_name: graphql_name.to_owned(),
        doc: rust_doc_at(Some(&doc_text), 0),
        derives: "Debug, Clone, PartialEq, Eq, Hash",
        declaration: layout::tuple_struct(&rust_name, "pub ::std::string::String"),
        registration: layout::macro_call("::async_graphql::scalar", &args),
        rust_name,
    }
}

/// The scalar that serves every list nested deeper than [`MAX_SERVED_LIST_DEPTH`]: the value
/// as JSON, with a description that says why and where it stands in for a list.
fn deep_list_view(name: &str, coordinates: &[String]) -> ScalarView {
    let description = format!(
        "A list nested more than {MAX_SERVED_LIST_DEPTH} deep, served as its JSON value: \
         async-graphql's resolver of such a list overflows rustc's default recursion limit \
         (E0275), so gqlsmith serves it without its list type. It stands for {}.",
        coordinates.join(", ")
    );
    let mut view = scalar_view(name, name.to_owned(), Some(description), None);
    view.derives = "Debug, Clone, PartialEq, Eq";
    view.declaration = layout::tuple_struct(name, "pub ::async_graphql::Value");
    view
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
        doc: rust_doc_at(
            described(ty, "A server answers only with the values listed.").as_deref(),
            0,
        ),
        attribute: graphql_name_attribute(&ty.name),
        values: ty
            .enum_values
            .iter()
            .map(|value| {
                let mut args = vec![Meta::name_value("name", rust_string(&value.name))];
                if let Some(note) = deprecation_note(value.deprecation.as_ref()) {
                    args.push(Meta::name_value("deprecation", rust_string(&note)));
                }
                EnumValueView {
                    graphql_name: value.name.clone(),
                    rust_name: scope.claim(rust_variant_name(&value.name)),
                    doc: rust_doc_at(value.description.as_deref(), 4),
                    attributes: attribute_line(4, LayoutShape::list_item(4), args),
                }
            })
            .collect(),
    }
}

/// One `#[graphql(args)]` line at `indent` in `shape`, with its newline.
fn attribute_line(indent: usize, shape: LayoutShape, args: Vec<Meta>) -> String {
    format!(
        "{}{}\n",
        " ".repeat(indent),
        layout::attribute(shape, "graphql", args)
    )
}

fn input_view(shape: &Served<'_>, config: &Config, ty: &TypeDef) -> InputView {
    let mut scope = NameScope::default();
    InputView {
        graphql_name: ty.name.clone(),
        rust_name: shape.rust_name(&ty.name),
        doc: rust_doc_at(ty.description.as_deref(), 0),
        attribute: graphql_name_attribute(&ty.name),
        fields: ty
            .input_fields
            .iter()
            .map(|field| {
                let boxed = shape
                    .boxed_fields
                    .contains(&(ty.name.clone(), field.name.clone()));
                let rust_name = scope.claim(rust_field_name(&field.name));
                let rust_type = server_type(shape, config, &field.ty, boxed, Direction::Input);
                InputFieldView {
                    graphql_name: field.name.clone(),
                    doc: rust_doc_at(field.description.as_deref(), 4),
                    attributes: attribute_line(
                        4,
                        LayoutShape::list_item(4),
                        vec![Meta::name_value("name", rust_string(&field.name))],
                    ),
                    declaration: layout::assignment(
                        LayoutShape::list_item(4),
                        &format!("pub {rust_name}:"),
                        &rust_type,
                    ),
                    rust_name,
                }
            })
            .collect(),
    }
}

/// The context parameter of every resolver.
fn context_param() -> Param {
    Param::new("ctx", RustType::text("&::async_graphql::Context<'_>"))
}

fn object_view(shape: &Served<'_>, config: &Config, ty: &TypeDef) -> ObjectView {
    let rust_name = shape.rust_name(&ty.name);
    let trait_name = format!("{rust_name}Resolver");
    let fields = field_values(shape, config, ty)
        .into_iter()
        .map(|(field, arguments)| {
            let result = RustType::generic("::async_graphql::Result", field.rust_type.clone());
            let returned = layout::ReturnType::new(4, &result);
            let mut glue_params = vec![Param::new("&self", RustType::text("")), context_param()];
            let mut trait_params = vec![Param::new("&self", RustType::text("")), context_param()];
            for argument in &arguments {
                let mut attribute_args = vec![Meta::name_value(
                    "name",
                    rust_string(&argument.graphql_name),
                )];
                if let Some(description) = &argument.description {
                    attribute_args.push(Meta::name_value("desc", rust_string(description)));
                }
                glue_params.push(Param {
                    attribute: Some(("graphql", attribute_args)),
                    name: argument.rust_name.clone(),
                    ty: argument.rust_type.clone(),
                });
                trait_params.push(Param::new(
                    argument.rust_name.clone(),
                    argument.rust_type.clone(),
                ));
            }
            let mut attribute_args =
                vec![Meta::name_value("name", rust_string(&field.graphql_name))];
            if let Some(note) = &field.deprecation {
                attribute_args.push(Meta::name_value("deprecation", rust_string(note)));
            }
            let call_args: Vec<String> = std::iter::once("ctx".to_owned())
                .chain(arguments.iter().map(|argument| argument.rust_name.clone()))
                .collect();
            FieldView {
                graphql_name: field.graphql_name.clone(),
                doc: rust_doc_at(field.description.as_deref(), 4),
                attributes: attribute_line(4, LayoutShape::indented(4), attribute_args),
                glue_signature: layout::signature_returning(
                    4,
                    &format!("pub async fn {}", field.rust_name),
                    &glue_params,
                    Some(&returned),
                    SignatureEnd::Brace,
                ),
                glue_body: layout::awaited_call(8, "self.resolver", &field.rust_name, &call_args),
                trait_signature: layout::signature_returning(
                    4,
                    &format!("async fn {}", field.rust_name),
                    &trait_params,
                    Some(&returned),
                    SignatureEnd::Semicolon,
                ),
                rust_name: field.rust_name,
            }
        })
        .collect();
    ObjectView {
        graphql_name: ty.name.clone(),
        doc: rust_doc_at(ty.description.as_deref(), 0),
        resolver_field: layout::assignment(
            LayoutShape::list_item(4),
            "resolver:",
            &RustType::generic(
                "::std::sync::Arc",
                RustType::text(format!("dyn {trait_name}")),
            ),
        ),
        new_signature: layout::signature(
            4,
            "pub fn new",
            &[Param::new(
                "resolver",
                RustType::Impl(vec![trait_name.clone(), "'static".to_owned()]),
            )],
            Some(&RustType::text("Self")),
            SignatureEnd::Brace,
        ),
        object_attribute: layout::attribute(
            LayoutShape::indented(0),
            "::async_graphql::Object",
            vec![Meta::name_value("name", rust_string(&ty.name))],
        ),
        trait_header: layout::trait_header(
            &trait_name,
            "::std::marker::Send + ::std::marker::Sync",
        ),
        rust_name,
        trait_name,
        fields,
    }
}

/// `#[graphql(name = ..., field(...), ...)]` of an interface: each field with its method,
/// type, description, deprecation and arguments.
fn interface_attribute(shape: &Served<'_>, config: &Config, ty: &TypeDef) -> String {
    let mut args = vec![Meta::name_value("name", rust_string(&ty.name))];
    for (field, arguments) in field_values(shape, config, ty) {
        let InterfaceFieldView { field } = interface_field(field, arguments);
        args.push(field);
    }
    layout::attribute(LayoutShape::indented(0), "graphql", args)
}

fn interface_field(field: FieldValues, arguments: Vec<ValueView>) -> InterfaceFieldView {
    let method_name = field
        .rust_name
        .strip_prefix("r#")
        .unwrap_or(&field.rust_name)
        .to_owned();
    let mut items = vec![
        Meta::name_value("name", rust_string(&field.graphql_name)),
        Meta::name_value("method", rust_string(&method_name)),
        Meta::name_value("ty", rust_string(&field.rust_type.one_line())),
    ];
    if let Some(description) = &field.description {
        items.push(Meta::name_value("desc", rust_string(description)));
    }
    if let Some(note) = &field.deprecation {
        items.push(Meta::name_value("deprecation", rust_string(note)));
    }
    for argument in arguments {
        let mut arg = vec![
            Meta::name_value("name", rust_string(&argument.graphql_name)),
            Meta::name_value("ty", rust_string(&argument.rust_type.one_line())),
        ];
        if let Some(description) = &argument.description {
            arg.push(Meta::name_value("desc", rust_string(description)));
        }
        items.push(Meta::List("arg", arg));
    }
    InterfaceFieldView {
        field: Meta::List("field", items),
    }
}

/// A field of an object or interface, before layout.
#[derive(Debug)]
struct FieldValues {
    graphql_name: String,
    rust_name: String,
    rust_type: RustType,
    description: Option<String>,
    deprecation: Option<String>,
}

/// The fields of an object or interface, with their typed arguments. Method names avoid
/// `new` (the glue's constructor); argument names avoid `ctx` (the context parameter).
fn field_values(
    shape: &Served<'_>,
    config: &Config,
    ty: &TypeDef,
) -> Vec<(FieldValues, Vec<ValueView>)> {
    let mut methods = NameScope::with_reserved(&["new"]);
    ty.fields
        .iter()
        .map(|field| {
            let mut parameters = NameScope::with_reserved(&["ctx"]);
            let rust_name = methods.claim(rust_field_name(&field.name));
            let values = FieldValues {
                graphql_name: field.name.clone(),
                rust_name,
                rust_type: server_type(shape, config, &field.ty, false, Direction::Output),
                description: field.description.clone(),
                deprecation: deprecation_note(field.deprecation.as_ref()),
            };
            let arguments = field
                .arguments
                .iter()
                .map(|argument| ValueView {
                    graphql_name: argument.name.clone(),
                    rust_name: parameters.claim(rust_field_name(&argument.name)),
                    rust_type: server_type(shape, config, &argument.ty, false, Direction::Input),
                    description: argument.description.clone(),
                })
                .collect();
            (values, arguments)
        })
        .collect()
}

/// The schema as the server sees it: the shared analysis, and the name of the scalar that
/// serves lists nested deeper than [`MAX_SERVED_LIST_DEPTH`].
struct Served<'shape> {
    shape: &'shape Shape<'shape>,
    deep_list: &'shape str,
}

impl<'shape> std::ops::Deref for Served<'shape> {
    type Target = Shape<'shape>;

    fn deref(&self) -> &Shape<'shape> {
        self.shape
    }
}

/// The first of `DeepList`, `DeepList2`, ... that no schema type, custom scalar or generated
/// item (in `reserved`) is called, in GraphQL or in Rust.
fn deep_list_name(shape: &Shape<'_>, reserved: &[&str]) -> String {
    let taken = |name: &str| {
        reserved.contains(&name)
            || shape
                .rust_names
                .iter()
                .any(|(graphql_name, rust_name)| graphql_name == name || rust_name == name)
    };
    let mut name = DEEP_LIST_NAME.to_owned();
    let mut number = 1;
    while taken(&name) {
        number += 1;
        name = format!("{DEEP_LIST_NAME}{number}");
    }
    name
}

/// Every field, argument and input field whose type nests more than
/// [`MAX_SERVED_LIST_DEPTH`] lists, as `` `Type.field(argument:)` `` in schema order.
fn deep_list_coordinates(schema: &Schema) -> Vec<String> {
    let mut coordinates = Vec::new();
    let mut note = |coordinate: String, ty: &TypeRef| {
        if ty.list_depth() > MAX_SERVED_LIST_DEPTH {
            coordinates.push(format!("`{coordinate}`"));
        }
    };
    for ty in schema.types.values() {
        for field in &ty.fields {
            note(format!("{}.{}", ty.name, field.name), &field.ty);
            for argument in &field.arguments {
                note(
                    format!("{}.{}({}:)", ty.name, field.name, argument.name),
                    &argument.ty,
                );
            }
        }
        for field in &ty.input_fields {
            note(format!("{}.{}", ty.name, field.name), &field.ty);
        }
    }
    coordinates
}

/// The async-graphql type of a reference: built-in scalars as async-graphql maps them, custom
/// scalars as mapped or as their generated newtype, other types as their generated type.
fn server_type(
    shape: &Served<'_>,
    config: &Config,
    ty: &TypeRef,
    boxed: bool,
    direction: Direction,
) -> RustType {
    if ty.list_depth() > MAX_SERVED_LIST_DEPTH {
        let deep_list = RustType::text(shape.deep_list);
        return if ty.is_non_null() {
            deep_list
        } else {
            RustType::generic(OPTION, deep_list)
        };
    }
    shape.wrap_type(ty, boxed, &|name| match name {
        "ID" => RustType::text("::async_graphql::ID"),
        "String" => RustType::text(STRING),
        "Int" => RustType::text("i32"),
        "Float" => RustType::text("f64"),
        "Boolean" => RustType::text("bool"),
        _ => shape
            .mapped_scalar(config, name, direction)
            .filter(|_| shape.kind_of(name) == Some(TypeKind::Scalar))
            .map_or_else(|| RustType::text(shape.rust_name(name)), RustType::parse),
    })
}
