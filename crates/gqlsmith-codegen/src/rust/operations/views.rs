//! What the `rust-operations` templates receive: the view-model with every line that can be
//! long finished in rustfmt's layout (by `layout`), so the templates only place lines and the
//! output is `rustfmt --check` clean with no formatter run.

use serde::Serialize;

use super::layout::{
    assignment, derive_attribute, doc, field_from_call, field_from_fields, impl_header,
    item_header, key_value_attribute, return_variant, struct_field, tuple_variant,
    typename_condition,
};
use super::model::{
    EnumView, FieldView, InputView, OperationModel, OperationsModel, PartView, ShapeView,
};
use crate::rust::escape::rust_string;

/// Everything `mod.rs.tera` and `types.rs.tera` print.
#[derive(Debug, Serialize)]
pub(crate) struct OperationsViewModel {
    /// The derives of response types (`operation.rs.tera` receives them too).
    pub(crate) derives: String,
    /// The derives of input types and variables.
    pub(crate) input_derives: String,
    /// `mod.rs` defines the helper that reads one part of an object.
    pub(crate) uses_part: bool,
    /// `mod.rs` defines the helper that reads a part that may be absent.
    pub(crate) uses_optional_part: bool,
    /// `mod.rs` defines the helper that reads `__typename`, and `UnknownObject`.
    pub(crate) uses_typename: bool,
    /// True when `types.rs` has anything (enums, inputs or fragments).
    pub(crate) has_types: bool,
    pub(crate) enums: Vec<PrintedEnum>,
    pub(crate) inputs: Vec<PrintedStruct>,
    /// The types of every fragment (and the types nested in them), in document order.
    pub(crate) fragments: Vec<PrintedShape>,
    pub(crate) operations: Vec<OperationView>,
}

/// A GraphQL enum: `header` (doc, derive, `pub enum Name {`), then `values`.
#[derive(Debug, Serialize)]
pub(crate) struct PrintedEnum {
    pub(crate) header: String,
    /// Each value's lines: doc, attributes, variant.
    pub(crate) values: Vec<String>,
    /// The variant that keeps a value this client does not know (`Unknown`).
    pub(crate) unknown_variant: String,
}

/// A struct of fields: an input type or `Variables`.
#[derive(Debug, Serialize)]
pub(crate) struct PrintedStruct {
    /// Doc, derive and `pub struct Name {`; `pub struct Name {}` with no fields.
    pub(crate) header: String,
    /// Each field's lines: doc, attributes, `pub name: Type,`.
    pub(crate) fields: Vec<String>,
    /// `}` and a newline, or "" when `header` closed the struct.
    pub(crate) closing: &'static str,
}

/// A response type.
#[derive(Debug, Serialize)]
pub(crate) struct PrintedShape {
    /// Doc, derive and `pub struct Name {` or `pub enum Name {`.
    pub(crate) header: String,
    /// An enum chosen by `__typename`.
    pub(crate) tagged: bool,
    /// A struct with fragment parts (it gets a hand-written `Deserialize`).
    pub(crate) has_parts: bool,
    /// The members: fields, parts or variants, each finished.
    pub(crate) members: Vec<String>,
    /// `impl<'de> serde::Deserialize<'de> for Name {`, for enums and structs with parts.
    pub(crate) deserialize_header: String,
    /// Enums: the variant that keeps any other `__typename`.
    pub(crate) other_variant: String,
    /// Enums: per variant, the `if typename == ... { return ...; }` lines.
    pub(crate) variant_checks: Vec<String>,
    /// Structs with parts: the members of the `Fields` struct its own fields are read into.
    pub(crate) own_fields: Vec<String>,
    /// Structs with parts: the lines of the `Ok(Self { ... })` expression's fields.
    pub(crate) initializers: Vec<String>,
}

/// One operation's file.
#[derive(Debug, Serialize)]
pub(crate) struct OperationView {
    /// The module and file stem (`feed`).
    pub(crate) module: String,
    /// The unit struct that implements `Operation` (`FeedQuery`).
    pub(crate) struct_name: String,
    /// The operation's doc comment (at the top level).
    pub(crate) doc: String,
    /// `pub const QUERY: &str = r#"..."#;`
    pub(crate) query_const: String,
    /// `impl super::Operation for FeedQuery {`
    pub(crate) impl_header: String,
    /// `    const NAME: &'static str = "Feed";`
    pub(crate) name_const: String,
    pub(crate) variables: PrintedStruct,
    /// `Data` first, then the types nested in it, parents before children.
    pub(crate) shapes: Vec<PrintedShape>,
}

/// The view-model of `model`: its lines finished.
pub(super) fn printed(model: &OperationsModel) -> OperationsViewModel {
    OperationsViewModel {
        derives: model.derives.clone(),
        input_derives: model.input_derives.clone(),
        uses_part: model.uses_part,
        uses_optional_part: model.uses_optional_part,
        uses_typename: model.uses_typename,
        has_types: model.has_types,
        enums: model
            .enums
            .iter()
            .map(|enum_| printed_enum(enum_, &model.enum_derives))
            .collect(),
        inputs: model.inputs.iter().map(printed_struct).collect(),
        fragments: model
            .fragments
            .iter()
            .map(|shape| printed_shape(shape, &model.derives))
            .collect(),
        operations: model
            .operations
            .iter()
            .map(|operation| printed_operation(operation, &model.derives))
            .collect(),
    }
}

fn printed_enum(enum_: &EnumView, derives: &str) -> PrintedEnum {
    let header = format!(
        "{}{}{}",
        doc(0, enum_.description.as_deref().unwrap_or_default()),
        derive_attribute(0, derives),
        item_header(0, &format!("pub enum {}", enum_.rust_name))
    );
    let values = enum_
        .values
        .iter()
        .map(|value| {
            let mut lines = doc(4, value.description.as_deref().unwrap_or_default());
            if let Some(note) = &value.deprecation {
                lines.push_str(&key_value_attribute(
                    4,
                    "deprecated",
                    "note",
                    &rust_string(note),
                ));
            }
            lines.push_str(&key_value_attribute(
                4,
                "serde",
                "rename",
                &rust_string(&value.graphql_name),
            ));
            lines.push_str(&format!("    {},\n", value.rust_name));
            lines
        })
        .collect();
    PrintedEnum {
        header,
        values,
        unknown_variant: enum_.unknown_variant.clone(),
    }
}

fn printed_struct(input: &InputView) -> PrintedStruct {
    let head = format!("pub struct {}", input.rust_name);
    let opening = if input.fields.is_empty() {
        format!("{head} {{}}\n")
    } else {
        item_header(0, &head)
    };
    PrintedStruct {
        header: format!(
            "{}{}{opening}",
            doc(0, input.description.as_deref().unwrap_or_default()),
            derive_attribute(0, &input.derives),
        ),
        fields: input
            .fields
            .iter()
            .map(|field| member(field, true))
            .collect(),
        closing: if input.fields.is_empty() { "" } else { "}\n" },
    }
}

/// A field's lines in a struct at the top level: doc, `#[deprecated]`, serde's attributes
/// (with `serde`, for a struct that derives serde's traits), `pub name: Type,`.
fn member(field: &FieldView, serde: bool) -> String {
    let mut lines = doc(4, field.description.as_deref().unwrap_or_default());
    if let Some(note) = &field.deprecation {
        lines.push_str(&key_value_attribute(
            4,
            "deprecated",
            "note",
            &rust_string(note),
        ));
    }
    if serde {
        if let Some(rename) = &field.serde_rename {
            lines.push_str(&key_value_attribute(
                4,
                "serde",
                "rename",
                &rust_string(rename),
            ));
        }
        if field.skip_none {
            lines.push_str("    #[serde(skip_serializing_if = \"Option::is_none\")]\n");
        }
    }
    lines.push_str(&struct_field(
        4,
        &format!("pub {}", field.rust_name),
        &field.rust_type,
    ));
    lines
}

fn printed_shape(shape: &ShapeView, derives: &str) -> PrintedShape {
    let doc = doc(0, &shape.description);
    let deserialize_header = impl_header("impl<'de> serde::Deserialize<'de>", &shape.rust_name);
    if shape.tagged {
        return PrintedShape {
            header: format!(
                "{doc}{}{}",
                derive_attribute(0, derives),
                item_header(0, &format!("pub enum {}", shape.rust_name))
            ),
            tagged: true,
            has_parts: false,
            members: shape
                .variants
                .iter()
                .map(|variant| tuple_variant(4, &variant.rust_name, &variant.rust_type))
                .collect(),
            deserialize_header,
            other_variant: shape.other_variant.clone(),
            variant_checks: shape
                .variants
                .iter()
                .map(|variant| {
                    format!(
                        "{}{}        }}\n",
                        typename_condition(8, &rust_string(&variant.graphql_name)),
                        return_variant(12, &variant.rust_name)
                    )
                })
                .collect(),
            own_fields: Vec::new(),
            initializers: Vec::new(),
        };
    }
    let has_parts = !shape.parts.is_empty();
    let derives = if has_parts {
        derives.to_owned()
    } else {
        format!("{derives}, serde::Deserialize")
    };
    let header = format!(
        "{doc}{}{}",
        derive_attribute(0, &derives),
        item_header(0, &format!("pub struct {}", shape.rust_name))
    );
    let mut members: Vec<String> = shape
        .fields
        .iter()
        .map(|field| member(field, !has_parts))
        .collect();
    members.extend(shape.parts.iter().map(part_member));
    let (own_fields, initializers) = if has_parts {
        let own_fields = shape
            .fields
            .iter()
            .map(|field| {
                let mut lines = String::new();
                if let Some(rename) = &field.serde_rename {
                    lines.push_str(&key_value_attribute(
                        12,
                        "serde",
                        "rename",
                        &rust_string(rename),
                    ));
                }
                lines.push_str(&struct_field(12, &field.rust_name, &field.rust_type));
                lines
            })
            .collect();
        let mut initializers: Vec<String> = shape
            .fields
            .iter()
            .map(|field| field_from_fields(12, &field.rust_name))
            .collect();
        initializers.extend(shape.parts.iter().map(|part| {
            if part.optional {
                field_from_call(12, &part.rust_name, "super::optional_part", "")
            } else {
                field_from_call(12, &part.rust_name, "super::part", "?")
            }
        }));
        (own_fields, initializers)
    } else {
        (Vec::new(), Vec::new())
    };
    PrintedShape {
        header,
        tagged: false,
        has_parts,
        members,
        deserialize_header,
        other_variant: String::new(),
        variant_checks: Vec::new(),
        own_fields,
        initializers,
    }
}

fn part_member(part: &PartView) -> String {
    format!(
        "    /// The fields of fragment `{}`.\n{}",
        part.fragment,
        struct_field(4, &format!("pub {}", part.rust_name), &part.rust_type)
    )
}

fn printed_operation(operation: &OperationModel, derives: &str) -> OperationView {
    OperationView {
        module: operation.module.clone(),
        struct_name: operation.struct_name.clone(),
        doc: doc(0, &operation.doc),
        query_const: assignment(0, "pub const QUERY: &str", &operation.query_literal),
        impl_header: impl_header("impl super::Operation", &operation.struct_name),
        name_const: assignment(
            4,
            "const NAME: &'static str",
            &rust_string(&operation.graphql_name),
        ),
        variables: printed_struct(&operation.variables),
        shapes: operation
            .shapes
            .iter()
            .map(|shape| printed_shape(shape, derives))
            .collect(),
    }
}
