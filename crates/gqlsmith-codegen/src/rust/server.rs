//! The `rust-server` view-model: one resolver trait per object type for the user to
//! implement, the Rust types its methods take and return, the glue that answers each field
//! by calling the user's resolver, and the served schema as SDL, from which `runtime.rs`
//! builds an async-graphql dynamic schema at start-up.
//!
//! Why a dynamic schema and not async-graphql's derives: `#[Object]` expands to a resolver,
//! a field registry and a future per field, which rustc checks in the user's crate (about
//! 50 s and 3.3 GB for the Kraken page). The types, descriptions, arguments and deprecations
//! now live in the SDL string, and rustc checks one small glue function per field.

use gqlsmith_model::{Diagnostic, Schema, TypeDef, TypeKind, TypeRef};
use gqlsmith_sdl::{write_sdl, written_kinds, WriteOptions};
use indexmap::IndexMap;
use serde::Serialize;

use super::client::{described, rust_doc_at, STRING};
use super::escape::{rust_multiline_string, rust_string};
use super::layout::{self, Meta, Param, RustType, Shape as LayoutShape, SignatureEnd};
use super::naming::{rust_field_name, rust_type_name, rust_variant_name};
use super::shape::Shape;
use crate::config::Direction;
use crate::naming::NameScope;
use crate::output::module_for_kind;
use crate::parallel::map_in_order;
use crate::Config;

/// Names the generated modules use without a path (the resolver traits are named after the
/// objects; everything else is spelled out in full), so no generated type may take them.
const RESERVED_SERVER_TYPE_NAMES: &[&str] = &["Arc"];

/// The module of the run-time support (the same for every schema). Lower case, so no type
/// name can shadow it.
const RUNTIME_MODULE: &str = "runtime";

/// Everything the `rust-server` templates print.
#[derive(Debug, Serialize)]
pub(crate) struct ServerViewModel {
    /// The templates rendered besides `mod.rs`, one per module.
    pub(crate) modules: Vec<&'static str>,
    scalars: Vec<ScalarView>,
    enums: Vec<EnumView>,
    inputs: Vec<InputView>,
    objects: Vec<ObjectView>,
    interfaces: Vec<AbstractView>,
    unions: Vec<AbstractView>,
    /// The modules in the order rustfmt sorts `mod` items (by name), `runtime` among them.
    sorted_modules: Vec<&'static str>,
    /// The modules whose items `mod.rs` re-exports (all but `runtime`), sorted.
    exported_modules: Vec<&'static str>,
    /// `schema_builder`, when the schema has a query root defined as an object with fields.
    schema_builder: Option<SchemaBuilderView>,
    /// The served schema as a Rust string literal (spanning lines, as the SDL does).
    sdl: String,
}

#[derive(Debug, Serialize)]
struct ScalarView {
    rust_name: String,
    doc: String,
    /// What the newtype derives besides serde's traits.
    derives: &'static str,
    /// `pub struct Name(pub ::std::string::String);`, laid out.
    declaration: String,
}

#[derive(Debug, Serialize)]
struct EnumView {
    rust_name: String,
    doc: String,
    values: Vec<EnumValueView>,
}

#[derive(Debug, Serialize)]
struct EnumValueView {
    rust_name: String,
    /// The doc comment and `#[serde(rename = ...)]`, indented, each line with its newline.
    doc: String,
    attributes: String,
}

#[derive(Debug, Serialize)]
struct InputView {
    rust_name: String,
    doc: String,
    fields: Vec<InputFieldView>,
}

#[derive(Debug, Serialize)]
struct InputFieldView {
    doc: String,
    attributes: String,
    /// `pub name: Type`, laid out (without the comma).
    declaration: String,
}

#[derive(Debug, Serialize)]
struct ObjectView {
    graphql_name: String,
    rust_name: String,
    doc: String,
    /// The glue struct's field, laid out.
    resolver_field: String,
    /// `pub fn new(resolver: impl <Name>Resolver + 'static) -> Self {`, laid out.
    new_signature: String,
    /// `pub trait <Name>Resolver: Send + Sync {`, laid out.
    trait_header: String,
    /// `type Resolver = ::std::sync::Arc<dyn <Name>Resolver>;`, laid out.
    resolver_type: String,
    /// `const NAME: &'static str = "<Name>";`, laid out.
    name_const: String,
    fields: Vec<FieldView>,
}

#[derive(Debug, Serialize)]
struct FieldView {
    /// The doc comment at the indentation of trait items.
    doc: String,
    /// The trait method's signature, laid out, ending in `;`.
    trait_signature: String,
    /// The glue function's signature, laid out, ending in ` {`.
    glue_signature: String,
    /// The glue function's body: `Ok(r.<method>(ctx, ctx.arg(0)?, ...))`, laid out.
    glue_body: String,
    /// `fields.leaf("<name>", Self::<method>);` (or `output`), laid out.
    registration: String,
}

/// An interface or a union: an enum of the objects (and interfaces) that can stand for it.
#[derive(Debug, Serialize)]
struct AbstractView {
    rust_name: String,
    doc: String,
    variants: Vec<VariantView>,
}

#[derive(Debug, Serialize)]
struct VariantView {
    /// `Name(Name),`, laid out.
    declaration: String,
    /// `Self::Name(value) => runtime::typed(value),`, laid out.
    arm: String,
}

/// What `mod.rs` prints for `schema_builder`.
#[derive(Debug, Serialize)]
struct SchemaBuilderView {
    /// `mutation` when the schema has a mutation root.
    serves: &'static str,
    signature: String,
    /// `schema.query(Query::new(query));` and the same for the mutation root.
    roots: Vec<String>,
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
    let served = Served {
        shape: &shape,
        written_kinds: written_kinds(schema),
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
            )
        })
        .collect();
    // GraphQL requires an object or interface to have a field, and a union a member; a docs
    // page can list one without. The SDL writer writes such a type as a scalar of the same
    // name (so the fields that return it stay valid), and it is served as one: an opaque
    // newtype whose doc comment says what is unknown.
    for ty in schema.types.values() {
        if served.is_composite(&ty.name) {
            continue;
        }
        let missing = match ty.kind {
            TypeKind::Object => format!("no fields of the object type `{}`", ty.name),
            TypeKind::Interface => format!("no fields of the interface `{}`", ty.name),
            TypeKind::Union => format!("no members (with fields) of the union `{}`", ty.name),
            _ => continue,
        };
        scalars.push(scalar_view(
            &ty.name,
            shape.rust_name(&ty.name),
            Some(opaque_description(ty.description.as_deref(), &missing)),
        ));
    }
    let enums: Vec<EnumView> = schema
        .types_of_kind(TypeKind::Enum)
        .map(|ty| enum_view(&shape, ty))
        .collect();
    let inputs: Vec<InputView> = schema
        .types_of_kind(TypeKind::InputObject)
        .map(|ty| input_view(&served, config, ty))
        .collect();
    // The objects are most of the work (two laid-out signatures per field): side by side.
    let object_types: Vec<&TypeDef> = schema
        .types_of_kind(TypeKind::Object)
        .filter(|ty| !ty.fields.is_empty())
        .collect();
    let objects: Vec<ObjectView> =
        map_in_order(&object_types, config, |ty| object_view(&served, config, ty));
    let interfaces: Vec<AbstractView> = schema
        .types_of_kind(TypeKind::Interface)
        .filter(|ty| served.is_composite(&ty.name))
        .map(|ty| {
            let members = shape
                .implementors(&ty.name, true)
                .into_iter()
                .filter(|member| served.is_composite(&member.name));
            abstract_view(&served, ty, members.collect())
        })
        .collect();
    let unions: Vec<AbstractView> = schema
        .types_of_kind(TypeKind::Union)
        .filter(|ty| served.is_composite(&ty.name))
        .map(|ty| {
            let members = shape
                .union_members(ty)
                .into_iter()
                .filter(|member| served.is_composite(&member.name));
            abstract_view(&served, ty, members.collect())
        })
        .collect();

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
    let mut exported_modules = modules.clone();
    exported_modules.sort_unstable();
    modules.push(RUNTIME_MODULE);
    let mut sorted_modules = modules.clone();
    sorted_modules.sort_unstable();
    let root = |name: &Option<String>| {
        let ty = schema.type_named(name.as_deref()?)?;
        (ty.kind == TypeKind::Object && !ty.fields.is_empty()).then(|| shape.rust_name(&ty.name))
    };
    let query = root(&schema.roots.query);
    let mutation = root(&schema.roots.mutation);
    let schema_builder = query
        .as_ref()
        .map(|query| schema_builder_view(query, mutation.as_deref()));
    // The annotations gqlsmith writes (`@gqlsmith_inferred`, ...) stay: they are valid SDL,
    // the dynamic schema ignores them, and they keep the string what `generate --target sdl`
    // writes.
    let options = WriteOptions { sort: false };
    let sdl = if schema.description.is_some() {
        // async-graphql's parser takes no description before `schema` (GraphQL allows one
        // since 2021); the served schema leaves it out.
        let mut served = schema.clone();
        served.description = None;
        write_sdl(&served, &options)
    } else {
        write_sdl(schema, &options)
    };
    let sdl = rust_multiline_string(&sdl);
    Ok(ServerViewModel {
        modules,
        sorted_modules,
        exported_modules,
        scalars,
        enums,
        inputs,
        objects,
        interfaces,
        unions,
        schema_builder,
        sdl,
    })
}

fn schema_builder_view(query: &str, mutation: Option<&str>) -> SchemaBuilderView {
    let mut params = vec![Param::new(
        "query",
        RustType::Impl(vec![format!("{query}Resolver"), "'static".to_owned()]),
    )];
    let mut roots = vec![format!("schema.query({query}::new(query));")];
    if let Some(mutation) = mutation {
        params.push(Param::new(
            "mutation",
            RustType::Impl(vec![format!("{mutation}Resolver"), "'static".to_owned()]),
        ));
        roots.push(format!("schema.mutation({mutation}::new(mutation));"));
    }
    let ret = RustType::Path {
        path: "::std::result::Result".to_owned(),
        args: vec![
            RustType::text("::async_graphql::dynamic::SchemaBuilder"),
            RustType::text("::async_graphql::dynamic::SchemaError"),
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
        roots,
    }
}

fn scalar_view(graphql_name: &str, rust_name: String, description: Option<String>) -> ScalarView {
    let doc_text = description.unwrap_or_else(|| format!("The GraphQL scalar `{graphql_name}`."));
    ScalarView {
        doc: rust_doc_at(Some(&doc_text), 0),
        derives: "Debug, Clone, PartialEq, Eq, Hash",
        declaration: layout::tuple_struct(&rust_name, "pub ::std::string::String"),
        rust_name,
    }
}

/// The doc comment of a type served as an opaque scalar: its own description, then what the
/// input does not show.
fn opaque_description(description: Option<&str>, missing: &str) -> String {
    let own = description
        .map(|text| format!("{text}\n\n"))
        .unwrap_or_default();
    format!("{own}The input lists {missing}: it is served as an opaque scalar.")
}

/// `#[serde(rename = "name")]` at `indent`, with its newline.
fn rename_attribute(indent: usize, graphql_name: &str) -> String {
    format!(
        "{}{}\n",
        " ".repeat(indent),
        layout::attribute(
            LayoutShape::list_item(indent),
            "serde",
            vec![Meta::name_value("rename", rust_string(graphql_name))],
        )
    )
}

fn enum_view(shape: &Shape<'_>, ty: &TypeDef) -> EnumView {
    let mut scope = NameScope::default().numbered_without_separator();
    EnumView {
        rust_name: shape.rust_name(&ty.name),
        doc: rust_doc_at(
            described(ty, "A server answers only with the values listed.").as_deref(),
            0,
        ),
        values: ty
            .enum_values
            .iter()
            .map(|value| EnumValueView {
                rust_name: scope.claim(rust_variant_name(&value.name)),
                doc: rust_doc_at(value.description.as_deref(), 4),
                attributes: rename_attribute(4, &value.name),
            })
            .collect(),
    }
}

fn input_view(served: &Served<'_>, config: &Config, ty: &TypeDef) -> InputView {
    let mut scope = NameScope::default();
    InputView {
        rust_name: served.shape.rust_name(&ty.name),
        doc: rust_doc_at(ty.description.as_deref(), 0),
        fields: ty
            .input_fields
            .iter()
            .map(|field| {
                let boxed = served
                    .shape
                    .boxed_fields
                    .contains(&(ty.name.clone(), field.name.clone()));
                let rust_name = scope.claim(rust_field_name(&field.name));
                let rust_type = served.rust_type(config, &field.ty, boxed, Direction::Input);
                InputFieldView {
                    doc: rust_doc_at(field.description.as_deref(), 4),
                    attributes: rename_attribute(4, &field.name),
                    declaration: layout::assignment(
                        LayoutShape::list_item(4),
                        &format!("pub {rust_name}:"),
                        &rust_type,
                    ),
                }
            })
            .collect(),
    }
}

/// The context parameter of every resolver method.
fn context_param() -> Param {
    Param::new("ctx", RustType::text("&::async_graphql::Context<'_>"))
}

fn object_view(served: &Served<'_>, config: &Config, ty: &TypeDef) -> ObjectView {
    let rust_name = served.shape.rust_name(&ty.name);
    let trait_name = format!("{rust_name}Resolver");
    let shared_resolver = RustType::generic(
        "::std::sync::Arc",
        RustType::text(format!("dyn {trait_name}")),
    );
    // The glue functions are associated functions of the glue struct, beside `new`; they all
    // take the same parameters, laid out once.
    let mut methods = NameScope::with_reserved(&["new"]);
    let glue_params = layout::LaidOutParams::new(
        4,
        &[
            // Laid out as a path (rustfmt breaks `Arc<...>` like any generic type).
            Param::new(
                "r",
                RustType::generic(
                    "&'a ::std::sync::Arc",
                    RustType::text(format!("dyn {trait_name}")),
                ),
            ),
            Param::new("ctx", RustType::text("&'a runtime::Resolving<'a>")),
        ],
    );
    let fields = ty
        .fields
        .iter()
        .map(|field| {
            let method = methods.claim(rust_field_name(&field.name));
            let mut parameters = NameScope::with_reserved(&["ctx"]);
            let output = served.rust_type(config, &field.ty, false, Direction::Output);
            let result = RustType::generic("::async_graphql::Result", output.clone());
            let mut trait_params = vec![Param::new("&self", RustType::text("")), context_param()];
            for argument in &field.arguments {
                trait_params.push(Param::new(
                    parameters.claim(rust_field_name(&argument.name)),
                    served.rust_type(config, &argument.ty, false, Direction::Input),
                ));
            }
            let answer = RustType::Path {
                path: "runtime::Answer".to_owned(),
                args: vec![RustType::text("'a"), output],
            };
            let call_args: Vec<String> = std::iter::once("ctx".to_owned())
                .chain((0..field.arguments.len()).map(|index| format!("ctx.arg({index})?")))
                .collect();
            let registrar = if served.is_composite(field.ty.base_name()) {
                "fields.output"
            } else {
                "fields.leaf"
            };
            FieldView {
                doc: rust_doc_at(field.description.as_deref(), 4),
                trait_signature: layout::signature(
                    4,
                    &format!("async fn {method}"),
                    &trait_params,
                    Some(&result),
                    SignatureEnd::Semicolon,
                ),
                glue_signature: layout::signature_with(
                    4,
                    &format!("fn {method}<'a>"),
                    &glue_params,
                    Some(&layout::ReturnType::new(4, &answer)),
                    SignatureEnd::Brace,
                ),
                glue_body: layout::glue_call(&method, &call_args),
                registration: layout::call_statement(
                    8,
                    registrar,
                    &[rust_string(&field.name), format!("Self::{method}")],
                ),
            }
        })
        .collect();
    ObjectView {
        graphql_name: ty.name.clone(),
        doc: rust_doc_at(ty.description.as_deref(), 0),
        resolver_field: layout::assignment(
            LayoutShape::list_item(4),
            "resolver:",
            &shared_resolver,
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
        trait_header: layout::trait_header(
            &trait_name,
            "::std::marker::Send + ::std::marker::Sync",
        ),
        resolver_type: format!(
            "{};",
            layout::assignment(
                LayoutShape::list_item(4),
                "type Resolver =",
                &shared_resolver
            )
        ),
        name_const: layout::const_item(4, "const NAME: &'static str", &rust_string(&ty.name)),
        rust_name,
        fields,
    }
}

/// The enum of an interface or union: a variant per member, and the arm that gives the
/// member's value its type name (an interface member's own enum has already given it).
fn abstract_view(served: &Served<'_>, ty: &TypeDef, members: Vec<&TypeDef>) -> AbstractView {
    AbstractView {
        rust_name: served.shape.rust_name(&ty.name),
        doc: rust_doc_at(
            described(ty, "A server does not need the rest.").as_deref(),
            0,
        ),
        variants: members
            .into_iter()
            .map(|member| {
                let rust_name = served.shape.rust_name(&member.name);
                let body = if member.kind == TypeKind::Object {
                    "runtime::typed(value)"
                } else {
                    "runtime::field_value(value)"
                };
                VariantView {
                    declaration: layout::tuple_variant(4, &rust_name, &RustType::text(&rust_name)),
                    arm: layout::match_arm(12, &format!("Self::{rust_name}"), "value", body),
                }
            })
            .collect(),
    }
}

/// The schema as the server sees it: the shared analysis, and the kind the SDL writer
/// writes each type as (the served schema is that SDL).
struct Served<'shape> {
    shape: &'shape Shape<'shape>,
    written_kinds: IndexMap<&'shape str, TypeKind>,
}

impl Served<'_> {
    /// Whether `name` is served as an object, an interface or a union (with a Rust type
    /// that holds objects); every other type is served as a value (a scalar or an enum).
    /// Objects and interfaces without fields and unions without such members are scalars.
    fn is_composite(&self, name: &str) -> bool {
        matches!(
            self.written_kinds.get(name),
            Some(TypeKind::Object | TypeKind::Interface | TypeKind::Union)
        )
    }

    /// The Rust type of a reference: built-in scalars as async-graphql maps them, custom
    /// scalars as mapped or as their generated newtype, other types as their generated type.
    fn rust_type(
        &self,
        config: &Config,
        ty: &TypeRef,
        boxed: bool,
        direction: Direction,
    ) -> RustType {
        let shape = self.shape;
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
}
