//! The `typescript` target: one `types.ts` with the schema's types, in the shape of
//! graphql-codegen's `typescript` plugin: type aliases for objects, inputs and field
//! arguments, enums (or string-literal unions), `__typename` unions for unions and
//! interfaces, `Maybe<T>` for nullable values and a `Scalars` map.

mod document_ast;
mod naming;
mod operations;

use gqlsmith_model::{Diagnostic, Location, Schema, TypeDef, TypeKind, TypeRef};
use heck::ToUpperCamelCase;
use indexmap::{IndexMap, IndexSet};
use serde::Serialize;

use crate::config::Direction;
use crate::diagnostics::CodegenError;
use crate::naming::NameScope;
use crate::output::header;
use crate::{Config, GeneratedFile, Target, Templates};

use self::naming::{
    incompleteness_note, ts_enum_member_name, ts_string, ts_type_name, tsdoc, OPEN_STRING,
    RESERVED_TYPE_NAMES, UNSEEN_MEMBER,
};

/// The file the target writes.
const FILE_NAME: &str = "types.ts";

/// Generates `types.ts` for `schema`.
pub(crate) fn generate(
    schema: &Schema,
    config: &Config,
    templates: &Templates,
    input_label: &str,
) -> Result<Vec<GeneratedFile>, Vec<Diagnostic>> {
    let view_model = view_model(schema, config)?;
    let tera = templates.tera_for(Target::Typescript)?;
    let rendered = templates
        .context(Target::Typescript, &view_model)
        .and_then(|context| templates.render(&tera, Target::Typescript, "types.ts.tera", &context))
        .map_err(|diagnostic| vec![diagnostic])?;
    Ok(vec![GeneratedFile {
        path: FILE_NAME.to_owned(),
        contents: format!("{}{}", header(input_label), tidy(&rendered)),
    }])
}

/// Generates `operations.ts` (the `typescript-operations` target) for `documents`.
pub(crate) fn generate_operations(
    schema: &Schema,
    documents: &gqlsmith_model::Documents,
    config: &Config,
    templates: &Templates,
    input_label: &str,
) -> Result<Vec<GeneratedFile>, Vec<Diagnostic>> {
    let view_model = operations::view_model(schema, documents, config);
    let tera = templates.tera_for(Target::TypescriptOperations)?;
    let rendered = templates
        .context(Target::TypescriptOperations, &view_model)
        .and_then(|context| {
            templates.render(
                &tera,
                Target::TypescriptOperations,
                "operations.ts.tera",
                &context,
            )
        })
        .map_err(|diagnostic| vec![diagnostic])?;
    Ok(vec![GeneratedFile {
        path: "operations.ts".to_owned(),
        contents: format!("{}{}", header(input_label), tidy(&rendered)),
    }])
}

/// Everything `types.ts.tera` prints. Type strings and doc comments are finished here; the
/// template only places them.
#[derive(Debug, Serialize)]
struct TypescriptViewModel {
    enums_as_types: bool,
    /// The name of the fallback member of incomplete unions and interfaces, declared once
    /// when some type needs it; `None` otherwise.
    unseen_member: Option<&'static str>,
    scalars: Vec<ScalarView>,
    enums: Vec<EnumView>,
    objects: Vec<ObjectView>,
    interfaces: Vec<InterfaceView>,
    unions: Vec<UnionView>,
    inputs: Vec<ObjectView>,
    arguments: Vec<ObjectView>,
}

#[derive(Debug, Serialize)]
struct ScalarView {
    graphql_name: String,
    input: String,
    output: String,
    /// A finished, indented TSDoc comment, or "".
    doc: String,
}

#[derive(Debug, Serialize)]
struct EnumView {
    ts_name: String,
    doc: String,
    values: Vec<EnumValueView>,
    /// For an enum the input knows only in part: the type that stands for every other value
    /// (`(string & {})`); the enum is then a const object and an open string-literal type.
    other_values: Option<&'static str>,
}

#[derive(Debug, Serialize)]
struct EnumValueView {
    /// The TS `enum` member name (`NotStarted`).
    member: String,
    /// The value as a TS string literal (`'NOT_STARTED'`).
    literal: String,
    doc: String,
}

#[derive(Debug, Serialize)]
struct ObjectView {
    ts_name: String,
    doc: String,
    /// `'User'` for objects; `None` for inputs and argument types.
    typename: Option<String>,
    fields: Vec<FieldView>,
    /// For a `@oneOf` input: one object type per field, where that field alone is set.
    one_of_variants: Vec<String>,
    /// True for an object the input references without listing its fields: any field may
    /// be there, typed `unknown`.
    open: bool,
}

#[derive(Debug, Serialize)]
struct FieldView {
    name: String,
    /// `?` for a nullable field (it may be absent), else "".
    optional: &'static str,
    ty: String,
    doc: String,
}

#[derive(Debug, Serialize)]
struct InterfaceView {
    ts_name: String,
    doc: String,
    /// The object types that implement it (and, for an incomplete interface, the objects the
    /// input showed under it, then the unseen-member fallback); the interface is their
    /// union. Empty: the interface's own fields are printed instead.
    implementors: Vec<String>,
    fields: Vec<FieldView>,
}

#[derive(Debug, Serialize)]
struct UnionView {
    ts_name: String,
    doc: String,
    /// The member object types (`never` when none is defined), then, for an incomplete
    /// union, the unseen-member fallback.
    members: Vec<String>,
}

/// The TypeScript side of a schema: the TS name of every type, and the custom scalars.
struct TsShape<'schema> {
    schema: &'schema Schema,
    ts_names: IndexMap<String, String>,
}

impl TsShape<'_> {
    /// The TS type of a reference in `direction`: `Maybe<...>` (`InputMaybe` for inputs) for
    /// nullable, `Array<...>` for lists.
    fn ts_type(&self, ty: &TypeRef, direction: Direction) -> String {
        match ty {
            TypeRef::NonNull(inner) => self.ts_type_non_null(inner, direction),
            nullable => {
                let maybe = if direction == Direction::Input {
                    "InputMaybe"
                } else {
                    "Maybe"
                };
                format!("{maybe}<{}>", self.ts_type_non_null(nullable, direction))
            }
        }
    }

    fn ts_type_non_null(&self, ty: &TypeRef, direction: Direction) -> String {
        match ty {
            TypeRef::NonNull(inner) => self.ts_type_non_null(inner, direction),
            TypeRef::List(item) => format!("Array<{}>", self.ts_type(item, direction)),
            TypeRef::Named(name) => {
                let is_scalar = self
                    .schema
                    .type_named(name)
                    .is_none_or(|ty| ty.kind == TypeKind::Scalar);
                if is_scalar {
                    let side = if direction == Direction::Input {
                        "input"
                    } else {
                        "output"
                    };
                    format!("Scalars[{}]['{side}']", ts_string(name))
                } else {
                    self.ts_name(name)
                }
            }
        }
    }

    fn ts_name(&self, name: &str) -> String {
        self.ts_names
            .get(name)
            .cloned()
            .unwrap_or_else(|| ts_type_name(name))
    }
}

/// Builds the view-model; with `strict_scalars`, a custom scalar without a `typescript`
/// mapping is an error.
fn view_model(schema: &Schema, config: &Config) -> Result<TypescriptViewModel, Vec<Diagnostic>> {
    let custom_scalars = custom_scalars(schema);
    if config.strict_scalars {
        let unmapped: Vec<Diagnostic> = custom_scalars
            .iter()
            .filter(|(name, _)| {
                config.scalars.get(name.as_str()).is_none_or(|mapping| {
                    mapping.typescript_type(Direction::Input).is_none() || mapping.typescript_type(Direction::Output).is_none()
                })
            })
            .map(|(name, location)| {
                CodegenError::UnmappedCustomScalar
                    .diagnostic(format!("custom scalar `{name}` has no TypeScript type in the scalar map"))
                    .at_opt(location.clone())
                    .with_coordinate(name.clone())
                    .with_help(format!(
                        "add `[generate.scalars.{name}]` with `typescript = \"...\"` to gqlsmith.toml, or unset `strict_scalars`"
                    ))
            })
            .collect();
        if !unmapped.is_empty() {
            return Err(unmapped);
        }
    }
    let mut scope = NameScope::with_reserved(RESERVED_TYPE_NAMES);
    let mut ts_names = IndexMap::new();
    for ty in schema.types.values() {
        if ty.kind != TypeKind::Scalar {
            ts_names.insert(ty.name.clone(), scope.claim(ts_type_name(&ty.name)));
        }
    }
    let shape = TsShape { schema, ts_names };

    let default_scalar = config
        .typescript
        .default_scalar_type
        .as_deref()
        .unwrap_or("unknown");
    let builtins = [
        ("ID", "string"),
        ("String", "string"),
        ("Boolean", "boolean"),
        ("Int", "number"),
        ("Float", "number"),
    ];
    let mut scalars: Vec<ScalarView> = builtins
        .iter()
        .map(|(name, ts)| ScalarView {
            graphql_name: (*name).to_owned(),
            input: (*ts).to_owned(),
            output: (*ts).to_owned(),
            doc: String::new(),
        })
        .collect();
    for name in custom_scalars.keys() {
        let mapping = config.scalars.get(name);
        let mapped = |direction| {
            mapping
                .and_then(|mapping| mapping.typescript_type(direction))
                .unwrap_or(default_scalar)
                .to_owned()
        };
        let description = schema
            .type_named(name)
            .and_then(|ty| ty.description.as_deref());
        scalars.push(ScalarView {
            graphql_name: name.clone(),
            input: mapped(Direction::Input),
            output: mapped(Direction::Output),
            doc: tsdoc(description, None, "  "),
        });
    }

    let enums = schema
        .types_of_kind(TypeKind::Enum)
        .map(|ty| {
            let mut members = NameScope::default().numbered_without_separator();
            EnumView {
                ts_name: shape.ts_name(&ty.name),
                doc: type_doc(schema, ty),
                other_values: ty.incomplete.then_some(OPEN_STRING),
                values: ty
                    .enum_values
                    .iter()
                    .map(|value| EnumValueView {
                        member: members.claim(ts_enum_member_name(&value.name)),
                        literal: ts_string(&value.name),
                        doc: tsdoc(
                            value.description.as_deref(),
                            value.deprecation.as_ref(),
                            "  ",
                        ),
                    })
                    .collect(),
            }
        })
        .collect();

    let output_fields = |ty: &TypeDef| -> Vec<FieldView> {
        ty.fields
            .iter()
            .map(|field| FieldView {
                name: field.name.clone(),
                optional: if field.ty.is_non_null() { "" } else { "?" },
                ty: shape.ts_type(&field.ty, Direction::Output),
                doc: tsdoc(
                    field.description.as_deref(),
                    field.deprecation.as_ref(),
                    "  ",
                ),
            })
            .collect()
    };
    let objects = schema
        .types_of_kind(TypeKind::Object)
        .map(|ty| ObjectView {
            ts_name: shape.ts_name(&ty.name),
            doc: type_doc(schema, ty),
            typename: Some(ts_string(&ty.name)),
            fields: output_fields(ty),
            one_of_variants: Vec::new(),
            open: ty.incomplete,
        })
        .collect();
    let interfaces = schema
        .types_of_kind(TypeKind::Interface)
        .map(|ty| {
            let mut implementors: Vec<String> = schema
                .types_of_kind(TypeKind::Object)
                .filter(|object| object.interfaces.contains(&ty.name))
                .map(|object| object.name.as_str())
                .chain(ty.members.iter().map(String::as_str))
                .filter(|member| is_object(schema, member))
                .collect::<IndexSet<&str>>()
                .into_iter()
                .map(|member| shape.ts_name(member))
                .collect();
            let fields = output_fields(ty);
            if ty.incomplete {
                implementors.push(unseen_member_with(&fields));
            }
            InterfaceView {
                ts_name: shape.ts_name(&ty.name),
                doc: type_doc(schema, ty),
                implementors,
                fields,
            }
        })
        .collect();
    let unions = schema
        .types_of_kind(TypeKind::Union)
        .map(|ty| {
            let mut members: Vec<String> = ty
                .members
                .iter()
                .filter(|member| is_object(schema, member))
                .map(|member| shape.ts_name(member))
                .collect();
            if ty.incomplete {
                members.push(UNSEEN_MEMBER.to_owned());
            }
            UnionView {
                ts_name: shape.ts_name(&ty.name),
                doc: type_doc(schema, ty),
                members,
            }
        })
        .collect();
    let input_fields = |values: &[gqlsmith_model::InputValue]| -> Vec<FieldView> {
        values
            .iter()
            .map(|value| FieldView {
                name: value.name.clone(),
                optional: if value.is_required() { "" } else { "?" },
                ty: shape.ts_type(&value.ty, Direction::Input),
                doc: tsdoc(
                    value.description.as_deref(),
                    value.deprecation.as_ref(),
                    "  ",
                ),
            })
            .collect()
    };
    let inputs = schema
        .types_of_kind(TypeKind::InputObject)
        .map(|ty| {
            let fields = input_fields(&ty.input_fields);
            let one_of_variants = if ty.one_of {
                one_of_variants(&shape, ty)
            } else {
                Vec::new()
            };
            ObjectView {
                ts_name: shape.ts_name(&ty.name),
                doc: type_doc(schema, ty),
                typename: None,
                fields,
                one_of_variants,
                open: false,
            }
        })
        .collect();
    // Argument types come last, so a schema type of the same name keeps its own name.
    let mut arguments = Vec::new();
    for ty in schema.types.values().filter(|ty| ty.kind.has_fields()) {
        for field in ty.fields.iter().filter(|field| !field.arguments.is_empty()) {
            let candidate = format!(
                "{}{}Args",
                shape.ts_name(&ty.name),
                field.name.to_upper_camel_case()
            );
            arguments.push(ObjectView {
                ts_name: scope.claim(candidate),
                doc: String::new(),
                typename: None,
                fields: input_fields(&field.arguments),
                one_of_variants: Vec::new(),
                open: false,
            });
        }
    }
    let needs_unseen_member = schema
        .types
        .values()
        .any(|ty| ty.incomplete && matches!(ty.kind, TypeKind::Union | TypeKind::Interface));
    Ok(TypescriptViewModel {
        enums_as_types: config.typescript.enums_as_types,
        unseen_member: needs_unseen_member.then_some(UNSEEN_MEMBER),
        scalars,
        enums,
        objects,
        interfaces,
        unions,
        inputs,
        arguments,
    })
}

/// The doc comment of a type: its description, then, for a type the input knows only in part,
/// what is known and where from. Types carry no deprecation in GraphQL.
fn type_doc(schema: &Schema, ty: &TypeDef) -> String {
    match incompleteness_note(schema, ty) {
        Some(note) => {
            let text = match ty.description.as_deref().map(str::trim) {
                Some(description) if !description.is_empty() => format!("{description}\n\n{note}"),
                _ => note,
            };
            tsdoc(Some(&text), None, "")
        }
        None => tsdoc(ty.description.as_deref(), None, ""),
    }
}

fn is_object(schema: &Schema, name: &str) -> bool {
    schema
        .type_named(name)
        .is_some_and(|ty| ty.kind == TypeKind::Object)
}

/// The fallback member of an incomplete interface: an object type the input did not show,
/// with the interface's own fields when the input lists any (every implementation has them).
fn unseen_member_with(fields: &[FieldView]) -> String {
    if fields.is_empty() {
        return UNSEEN_MEMBER.to_owned();
    }
    let listed: Vec<String> = fields
        .iter()
        .map(|field| format!("{}{}: {}", field.name, field.optional, field.ty))
        .collect();
    format!("({UNSEEN_MEMBER} & {{ {}; }})", listed.join("; "))
}

/// `{ a: T; b?: never; c?: never }` for each field `a` of a `@oneOf` input: exactly one
/// field is set (<https://spec.graphql.org/draft/#sec-OneOf-Input-Objects>).
fn one_of_variants(shape: &TsShape<'_>, ty: &TypeDef) -> Vec<String> {
    ty.input_fields
        .iter()
        .map(|chosen| {
            let members: Vec<String> = ty
                .input_fields
                .iter()
                .map(|field| {
                    if field.name == chosen.name {
                        format!(
                            "{}: {}",
                            field.name,
                            shape.ts_type_non_null(field.ty.nullable(), Direction::Input)
                        )
                    } else {
                        format!("{}?: never", field.name)
                    }
                })
                .collect();
            format!("{{ {}; }}", members.join("; "))
        })
        .collect()
}

/// Every custom scalar: defined ones, then names referenced without a definition, in order
/// of first appearance, with where to report them.
fn custom_scalars(schema: &Schema) -> IndexMap<String, Option<Location>> {
    let mut scalars = IndexMap::new();
    for ty in schema.types_of_kind(TypeKind::Scalar) {
        if !Schema::is_builtin_scalar(&ty.name) {
            scalars
                .entry(ty.name.clone())
                .or_insert_with(|| ty.provenance.location.clone());
        }
    }
    for ty in schema.types.values() {
        let references = ty
            .fields
            .iter()
            .flat_map(|field| {
                std::iter::once((&field.ty, &field.provenance)).chain(
                    field
                        .arguments
                        .iter()
                        .map(|argument| (&argument.ty, &argument.provenance)),
                )
            })
            .chain(
                ty.input_fields
                    .iter()
                    .map(|input| (&input.ty, &input.provenance)),
            );
        for (reference, provenance) in references {
            let name = reference.base_name();
            if schema.type_named(name).is_none() && !Schema::is_builtin_scalar(name) {
                scalars
                    .entry(name.to_owned())
                    .or_insert_with(|| provenance.location.clone());
            }
        }
    }
    scalars
}

/// Squeezes runs of blank lines to one and ends the file with one newline.
fn tidy(rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len());
    let mut previous_blank = true;
    for line in rendered.lines() {
        let line = line.trim_end();
        if line.is_empty() && previous_blank {
            continue;
        }
        previous_blank = line.is_empty();
        out.push_str(line);
        out.push('\n');
    }
    let trimmed = out.trim_end_matches('\n').len();
    out.truncate(trimmed);
    out.push('\n');
    out
}
