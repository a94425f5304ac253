//! A type's page: its definition (fields, arguments, input fields, values, members), notes,
//! neighbour diagram and example.

use gqlsmith_model::{Certainty, NameOrigin, Schema, TypeDef, TypeKind};

use super::views::{
    CodeView, ConnectionView, FieldView, InputFieldView, LinkView, TypeView, ValueView,
};
use super::{evidence_text, kind_label, source_text, Group, Site};
use crate::markdown::diagram::{neighbour_diagram, Link};
use crate::markdown::examples::placeholder_example;
use crate::markdown::references::{argument_anchor, Reference};
use crate::markdown::text::{anchor, markdown_fence};

impl Site<'_> {
    pub(super) fn type_view(&self, name: &str) -> TypeView {
        let ty = self.schema.type_named(name);
        let mut view = TypeView {
            title: self.page_title(name),
            name: name.to_owned(),
            kind: ty.map_or("scalar", |ty| kind_label(ty.kind)),
            description: ty.and_then(|ty| ty.description.clone()),
            notes: ty.map(|ty| self.type_notes(ty)).unwrap_or_else(|| {
                vec!["The input references this name but does not define it; it is shown as a custom scalar.".to_owned()]
            }),
            source: ty.and_then(|ty| source_text(&ty.provenance)),
            ..TypeView::default()
        };
        if let Some(ty) = ty {
            self.fill_definition(&mut view, ty);
        }
        let links = |names: Option<&Vec<String>>| -> Vec<LinkView> {
            names
                .into_iter()
                .flatten()
                .map(|name| self.type_link(name))
                .collect()
        };
        let reference_links = |references: Option<&Vec<Reference>>| -> Vec<LinkView> {
            references
                .into_iter()
                .flatten()
                .map(|reference| {
                    LinkView::nested(
                        reference.coordinate.clone(),
                        self.href(&reference.owner, Some(&reference.anchor))
                            .unwrap_or_default(),
                    )
                })
                .collect()
        };
        view.returned_by = reference_links(self.references.returned_by.get(name));
        view.used_by = reference_links(self.references.used_by.get(name));
        view.member_of = links(self.references.member_of.get(name));
        view.implemented_by = links(self.references.implemented_by.get(name));
        view.connections = self
            .references
            .connections_of_node(name)
            .map(|connection| ConnectionView {
                connection: self.type_link(&connection.connection),
                edge: self.type_link(&connection.edge),
                node: self.type_link(&connection.node),
            })
            .collect();
        view.paged = self
            .references
            .connections
            .iter()
            .find(|connection| connection.connection == name || connection.edge == name)
            .map(|connection| ConnectionView {
                connection: self.type_link(&connection.connection),
                edge: self.type_link(&connection.edge),
                node: self.type_link(&connection.node),
            });
        if self.config.markdown.mermaid {
            view.diagram = neighbour_diagram(name, &self.neighbours(name, ty));
        }
        view
    }

    /// Every type linked to `name` (built-in scalars left out: they are everywhere), as
    /// `(neighbour, how, label)`, in page order: fields, interfaces and members, then the
    /// places that use the type, the unions it belongs to and its implementations.
    fn neighbours(&self, name: &str, ty: Option<&TypeDef>) -> Vec<(String, Link, String)> {
        let mut links = Vec::new();
        if let Some(ty) = ty {
            let fields = ty.fields.iter().map(|field| (&field.name, &field.ty));
            let inputs = ty.input_fields.iter().map(|field| (&field.name, &field.ty));
            for (field, field_type) in fields.chain(inputs) {
                links.push((
                    field_type.base_name().to_owned(),
                    Link::Field,
                    field.clone(),
                ));
            }
            for interface in &ty.interfaces {
                links.push((interface.clone(), Link::Implements, String::new()));
            }
            for member in &ty.members {
                links.push((member.clone(), Link::Member, String::new()));
            }
        }
        let references = &self.references;
        for reference in [
            references.returned_by.get(name),
            references.used_by.get(name),
        ]
        .into_iter()
        .flatten()
        .flatten()
        {
            // The arrow starts at the owner, so its label is the rest of the coordinate:
            // `user(login:)` rather than `Query.user(login:)`.
            let label = reference
                .coordinate
                .strip_prefix(reference.owner.as_str())
                .and_then(|rest| rest.strip_prefix('.'))
                .unwrap_or(&reference.coordinate);
            links.push((reference.owner.clone(), Link::UsedBy, label.to_owned()));
        }
        for union in references.member_of.get(name).into_iter().flatten() {
            links.push((union.clone(), Link::MemberOf, String::new()));
        }
        for implementation in references.implemented_by.get(name).into_iter().flatten() {
            links.push((implementation.clone(), Link::ImplementedBy, String::new()));
        }
        links.retain(|(neighbour, _, _)| !Schema::is_builtin_scalar(neighbour));
        links
    }

    /// What the input says about a defined type: fields, arguments, values, members,
    /// example, error codes.
    fn fill_definition(&self, view: &mut TypeView, ty: &TypeDef) {
        view.implements = ty
            .interfaces
            .iter()
            .map(|name| self.type_link(name))
            .collect();
        view.members = ty.members.iter().map(|name| self.type_link(name)).collect();
        view.specified_by = ty.specified_by.clone();
        view.one_of = ty.one_of;
        for field in &ty.fields {
            let has_arguments = !field.arguments.is_empty() || !field.unnamed_arguments.is_empty();
            view.fields.push(FieldView {
                name: field.name.clone(),
                anchor: anchor("field", &field.name),
                ty: self.type_markdown(&field.ty),
                description: field.description.clone(),
                deprecation: self.deprecation_view(field.deprecation.as_ref()),
                arguments_anchor: has_arguments.then(|| anchor("arguments", &field.name)),
                arguments: field
                    .arguments
                    .iter()
                    .map(|argument| InputFieldView {
                        name: argument.name.clone(),
                        anchor: argument_anchor(&field.name, &argument.name),
                        ty: self.type_markdown(&argument.ty),
                        default_value: argument.default_value.clone(),
                        description: argument.description.clone(),
                        deprecation: self.deprecation_view(argument.deprecation.as_ref()),
                    })
                    .collect(),
                unnamed_arguments: field
                    .unnamed_arguments
                    .iter()
                    .map(|argument| argument.description.clone())
                    .collect(),
            });
        }
        view.input_fields = ty
            .input_fields
            .iter()
            .map(|input| InputFieldView {
                name: input.name.clone(),
                anchor: anchor("field", &input.name),
                ty: self.type_markdown(&input.ty),
                default_value: input.default_value.clone(),
                description: input.description.clone(),
                deprecation: self.deprecation_view(input.deprecation.as_ref()),
            })
            .collect();
        view.values = ty
            .enum_values
            .iter()
            .map(|value| ValueView {
                name: value.name.clone(),
                anchor: anchor("value", &value.name),
                description: value.description.clone(),
                deprecation: self.deprecation_view(value.deprecation.as_ref()),
            })
            .collect();
        view.error_codes = ty
            .error_codes
            .iter()
            .map(|code| CodeView {
                code: code.code.clone(),
                message: code.message.clone(),
                href: format!("catalogue/error-codes.md#{}", anchor("code", &code.code)),
            })
            .collect();
        match &ty.example {
            Some(example) => {
                view.example = Some(markdown_fence(&example.raw, "json"));
                view.example_from_page = true;
            }
            // A root type's fields are operations, not values: no example object.
            None if self
                .pages
                .get(&ty.name)
                .is_some_and(|page| page.group == Group::Operations) => {}
            None => {
                view.example =
                    placeholder_example(self.schema, ty).map(|json| markdown_fence(&json, "json"))
            }
        }
    }

    /// Plain-text notes on how the type is known (placeholder or recovered name, inferred
    /// kind, incomplete lists).
    fn type_notes(&self, ty: &TypeDef) -> Vec<String> {
        let mut notes = Vec::new();
        let line = ty
            .provenance
            .location
            .as_ref()
            .map(|location| format!(" (line {})", location.line))
            .unwrap_or_default();
        match &ty.name_origin {
            NameOrigin::Document => {}
            NameOrigin::Placeholder => notes.push(format!(
                "The input does not name this type{line}: {} is a placeholder until the name is recovered or given in an overlay.",
                ty.name
            )),
            NameOrigin::Recovered { confidence, signals } => notes.push(format!(
                "The input does not name this type{line}; the name was recovered with {confidence} confidence from: {}.",
                signals.join("; ")
            )),
            NameOrigin::Overlay => notes.push("The name of this type comes from an overlay file.".to_owned()),
            NameOrigin::Reference { confidence } => {
                notes.push(format!("The name of this type was matched against a reference schema with {confidence} confidence."))
            }
        }
        // One inference usually gives both the type and its kind (a union seen only in an
        // example): one note then, not two quoting the same evidence.
        let kind_inferred_with_type = ty.kind_provenance.certainty == ty.provenance.certainty;
        if let Certainty::Inferred {
            rule,
            evidence,
            confidence,
        } = &ty.provenance.certainty
        {
            let kind = if kind_inferred_with_type {
                format!(
                    ", as {} {},",
                    article(kind_label(ty.kind)),
                    kind_label(ty.kind)
                )
            } else {
                String::new()
            };
            notes.push(format!(
                "The input does not define this type; it was inferred{kind} by {rule} with {confidence} confidence{}.",
                evidence_text(evidence)
            ));
        }
        if let (
            false,
            Certainty::Inferred {
                rule,
                evidence,
                confidence,
            },
        ) = (kind_inferred_with_type, &ty.kind_provenance.certainty)
        {
            notes.push(format!(
                "The kind ({}) was inferred by {rule} with {confidence} confidence{}.",
                kind_label(ty.kind),
                evidence_text(evidence)
            ));
        }
        if ty.incomplete {
            notes.push(incomplete_note(ty).to_owned());
        }
        notes
            .iter()
            .map(|note| self.with_final_names(note))
            .collect()
    }
}

/// "a" or "an", for a kind label ("a union": the article goes by the sound, not the letter).
fn article(label: &str) -> &'static str {
    match label {
        "enum" | "interface" | "input object" | "object" => "an",
        _ => "a",
    }
}

/// What "incomplete" means for this kind, said as the TypeScript and Rust outputs treat it
/// (open enums, unions and interfaces that accept unseen members, objects with unknown
/// fields), so the page and the bindings never disagree about what is known.
fn incomplete_note(ty: &TypeDef) -> &'static str {
    match ty.kind {
        TypeKind::Enum => {
            "The input shows only some of this enum's values; a response may hold others."
        }
        TypeKind::Union => {
            "The input shows only some of this union's members; a response may hold others."
        }
        TypeKind::Interface if ty.fields.is_empty() => {
            "The input shows none of this interface's fields and only some of the types that \
             implement it; a response may hold others."
        }
        TypeKind::Interface => {
            "The input shows only some of the types that implement this interface; a response \
             may hold others."
        }
        _ => "The input shows only some of this type's fields; a response may hold others.",
    }
}
