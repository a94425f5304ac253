//! The pages of the docs site and their flat view-models: where each type's page lives, the
//! links between pages, and the catalogues (error codes, deprecations, connections,
//! provenance).

use std::collections::BTreeMap;

use gqlsmith_model::{
    Certainty, Date, Deprecation, NameOrigin, Provenance, Schema, TypeDef, TypeKind, TypeRef,
};
use indexmap::{IndexMap, IndexSet};
use serde::Serialize;

use super::diagram::{neighbour_diagram, Link};
use super::examples::placeholder_example;
use super::references::{argument_anchor, References};
use super::text::{anchor, first_sentence, markdown_cell, markdown_fence, page_slug};
use super::{Page, PageViewModel};
use crate::parallel::map_in_order;
use crate::Config;

/// The folders of type pages, in the order the site lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Operations,
    Objects,
    Interfaces,
    Unions,
    Enums,
    Inputs,
    Scalars,
}

impl Group {
    const ALL: [Group; 7] = [
        Group::Operations,
        Group::Objects,
        Group::Interfaces,
        Group::Unions,
        Group::Enums,
        Group::Inputs,
        Group::Scalars,
    ];

    fn folder(self) -> &'static str {
        match self {
            Group::Operations => "operations",
            Group::Objects => "objects",
            Group::Interfaces => "interfaces",
            Group::Unions => "unions",
            Group::Enums => "enums",
            Group::Inputs => "inputs",
            Group::Scalars => "scalars",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Group::Operations => "Operations",
            Group::Objects => "Objects",
            Group::Interfaces => "Interfaces",
            Group::Unions => "Unions",
            Group::Enums => "Enums",
            Group::Inputs => "Input objects",
            Group::Scalars => "Scalars",
        }
    }

    fn intro(self) -> &'static str {
        match self {
            Group::Operations => "The root operation types: the entry points of every request.",
            Group::Objects => "Object types: the resources a request can return.",
            Group::Interfaces => "Interfaces: fields that several object types share.",
            Group::Unions => "Unions: a value that is one of several object types.",
            Group::Enums => "Enums: fixed sets of values.",
            Group::Inputs => "Input objects: structured arguments.",
            Group::Scalars => "Custom scalars, and names the input references without defining them (shown as custom scalars).",
        }
    }

    fn of_kind(kind: TypeKind) -> Group {
        match kind {
            TypeKind::Object => Group::Objects,
            TypeKind::Interface => Group::Interfaces,
            TypeKind::Union => Group::Unions,
            TypeKind::Enum => Group::Enums,
            TypeKind::InputObject => Group::Inputs,
            TypeKind::Scalar => Group::Scalars,
        }
    }
}

/// Where a type's page is: its group and its path under `src/`.
struct PageRef {
    group: Group,
    path: String,
}

/// The whole site, before rendering.
pub(crate) struct Site<'schema> {
    schema: &'schema Schema,
    config: &'schema Config,
    input_label: String,
    /// Every type with a page (defined types except built-in scalars, then names referenced
    /// without a definition), in that order.
    pages: IndexMap<String, PageRef>,
    /// Names referenced but not defined.
    undefined: IndexSet<String>,
    references: References,
    /// True when the model came from a docs page (placeholder or recovered names, inferred
    /// facts, page examples, error codes or unnamed arguments): the site gets a provenance
    /// page.
    docs_derived: bool,
}

impl<'schema> Site<'schema> {
    pub(crate) fn new(
        schema: &'schema Schema,
        config: &'schema Config,
        input_label: &str,
    ) -> Site<'schema> {
        let mut undefined = IndexSet::new();
        for ty in schema.types.values() {
            for name in referenced_names(ty) {
                if schema.type_named(name).is_none() && !Schema::is_builtin_scalar(name) {
                    undefined.insert(name.to_owned());
                }
            }
        }
        let roots: Vec<&str> = [
            &schema.roots.query,
            &schema.roots.mutation,
            &schema.roots.subscription,
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
        let mut taken: IndexSet<String> = IndexSet::new();
        let mut pages = IndexMap::new();
        let defined = schema
            .types
            .values()
            .filter(|ty| !Schema::is_builtin_scalar(&ty.name))
            .map(|ty| {
                let group = if roots.contains(&ty.name.as_str()) {
                    Group::Operations
                } else {
                    Group::of_kind(ty.kind)
                };
                (ty.name.as_str(), group)
            });
        let undefined_pages = undefined.iter().map(|name| (name.as_str(), Group::Scalars));
        for (name, group) in defined.chain(undefined_pages) {
            let slug = page_slug(name);
            let mut path = format!("{}/{slug}.md", group.folder());
            let mut number = 2;
            while !taken.insert(path.clone()) {
                path = format!("{}/{slug}-{number}.md", group.folder());
                number += 1;
            }
            pages.insert(name.to_owned(), PageRef { group, path });
        }
        let docs_derived = schema.types.values().any(|ty| {
            ty.example.is_some()
                || !ty.error_codes.is_empty()
                || !matches!(ty.name_origin, NameOrigin::Document)
                || !ty.provenance.is_read()
                || !ty.kind_provenance.is_read()
                || ty
                    .fields
                    .iter()
                    .any(|field| !field.unnamed_arguments.is_empty())
        });
        Site {
            schema,
            config,
            input_label: input_label.to_owned(),
            pages,
            undefined,
            references: References::collect(schema),
            docs_derived,
        }
    }

    /// Every page of the site, in the order they are written; the type pages' view-models are
    /// built side by side (`parallel::map_in_order`).
    pub(crate) fn pages(&self) -> Vec<Page> {
        let error_codes = self.error_codes_view();
        let deprecations = self.deprecations_view();
        let connections = self.connections_view();
        let provenance = self.docs_derived.then(|| self.provenance_view());
        let mut catalogues = Vec::new();
        if !error_codes.codes.is_empty() {
            catalogues.push(link("Error codes", "catalogue/error-codes.md"));
        }
        if !deprecations.entries.is_empty() {
            catalogues.push(link("Deprecation schedule", "catalogue/deprecations.md"));
        }
        if !connections.connections.is_empty() {
            catalogues.push(link("Connections", "catalogue/connections.md"));
        }
        if provenance.is_some() {
            catalogues.push(link("Provenance", "catalogue/provenance.md"));
        }
        let title = self.title();
        let groups: Vec<GroupSummary> = Group::ALL
            .into_iter()
            .filter_map(|group| {
                let types: Vec<LinkView> = self
                    .pages
                    .iter()
                    .filter(|(_, page)| page.group == group)
                    .map(|(name, page)| link(&self.page_title(name), &page.path))
                    .collect();
                (!types.is_empty()).then(|| GroupSummary {
                    title: group.title(),
                    href: format!("{}.md", group.folder()),
                    count: types.len(),
                    types,
                })
            })
            .collect();

        let mut pages = vec![
            Page {
                path: "book.toml".to_owned(),
                template: "book.toml.tera",
                view_model: PageViewModel::Book(BookView {
                    title: title.clone(),
                    mermaid: self.config.markdown.mermaid,
                }),
            },
            Page {
                path: "src/SUMMARY.md".to_owned(),
                template: "SUMMARY.md.tera",
                view_model: PageViewModel::Summary(SummaryView {
                    groups: groups.clone(),
                    catalogues: catalogues.clone(),
                }),
            },
            Page {
                path: "src/index.md".to_owned(),
                template: "index.md.tera",
                view_model: PageViewModel::Index(IndexView {
                    title,
                    description: self.schema.description.clone(),
                    input_label: self.input_label.clone(),
                    groups: groups
                        .iter()
                        .map(|group| GroupCount {
                            title: group.title,
                            href: group.href.clone(),
                            count: group.count,
                        })
                        .collect(),
                    catalogues,
                }),
            },
        ];
        for group in Group::ALL {
            let types: Vec<GroupEntry> = self
                .pages
                .iter()
                .filter(|(_, page)| page.group == group)
                .map(|(name, page)| GroupEntry {
                    link: link(&self.page_title(name), &page.path),
                    summary: self
                        .schema
                        .type_named(name)
                        .and_then(|ty| ty.description.as_deref())
                        .map(first_sentence),
                })
                .collect();
            if !types.is_empty() {
                pages.push(Page {
                    path: format!("src/{}.md", group.folder()),
                    template: "group.md.tera",
                    view_model: PageViewModel::Group(GroupView {
                        title: group.title(),
                        intro: group.intro(),
                        types,
                    }),
                });
            }
        }
        let names: Vec<&String> = self.pages.keys().collect();
        let type_views = map_in_order(&names, self.config, |name| self.type_view(name));
        for (page, view) in self.pages.values().zip(type_views) {
            pages.push(Page {
                path: format!("src/{}", page.path),
                template: "type.md.tera",
                view_model: PageViewModel::Type(Box::new(view)),
            });
        }
        if !error_codes.codes.is_empty() {
            pages.push(catalogue_page(
                "error-codes",
                PageViewModel::ErrorCodes(error_codes),
            ));
        }
        if !deprecations.entries.is_empty() {
            pages.push(catalogue_page(
                "deprecations",
                PageViewModel::Deprecations(deprecations),
            ));
        }
        if !connections.connections.is_empty() {
            pages.push(catalogue_page(
                "connections",
                PageViewModel::Connections(connections),
            ));
        }
        if let Some(provenance) = provenance {
            pages.push(catalogue_page(
                "provenance",
                PageViewModel::Provenance(provenance),
            ));
        }
        pages
    }

    fn title(&self) -> String {
        self.config
            .markdown
            .title
            .clone()
            .unwrap_or_else(|| format!("API reference: {}", self.input_label))
    }

    /// A root type's page is titled by what it holds ("Queries"); other pages by the name.
    fn page_title(&self, name: &str) -> String {
        let roots = &self.schema.roots;
        if roots.query.as_deref() == Some(name) {
            "Queries".to_owned()
        } else if roots.mutation.as_deref() == Some(name) {
            "Mutations".to_owned()
        } else if roots.subscription.as_deref() == Some(name) {
            "Subscriptions".to_owned()
        } else {
            name.to_owned()
        }
    }

    /// The link to `name`'s page (at `anchor`), or `None` for built-in scalars.
    fn href(&self, name: &str, anchor: Option<&str>) -> Option<String> {
        let page = self.pages.get(name)?;
        Some(match anchor {
            Some(anchor) => format!("{}#{anchor}", page.path),
            None => page.path.clone(),
        })
    }

    /// A link to `name`'s page, labelled with the name; a built-in scalar has no page and
    /// gets an empty `href`.
    fn type_link(&self, name: &str) -> LinkView {
        LinkView::nested(name.to_owned(), self.href(name, None).unwrap_or_default())
    }

    /// A type reference as Markdown for a page one folder deep: `\[[User](../objects/user.md)!\]`.
    fn type_markdown(&self, ty: &TypeRef) -> String {
        match ty {
            TypeRef::NonNull(inner) => format!("{}!", self.type_markdown(inner)),
            TypeRef::List(item) => format!("\\[{}\\]", self.type_markdown(item)),
            TypeRef::Named(name) => match self.href(name, None) {
                Some(href) => format!("[{}](../{href})", markdown_cell(name)),
                None => markdown_cell(name),
            },
        }
    }

    fn deprecation_view(&self, deprecation: Option<&Deprecation>) -> Option<DeprecationView> {
        let deprecation = deprecation?;
        let overdue = match (self.config.markdown.today, deprecation.removal_on) {
            (Some(today), Some(removal_on)) => today > removal_on,
            _ => false,
        };
        Some(DeprecationView {
            reason: deprecation.reason.clone(),
            deprecated_on: deprecation.deprecated_on.map(|date| date.to_string()),
            removal_on: deprecation.removal_on.map(|date| date.to_string()),
            overdue,
        })
    }

    fn type_view(&self, name: &str) -> TypeView {
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
        let reference_links =
            |references: Option<&Vec<super::references::Reference>>| -> Vec<LinkView> {
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
            let arguments_anchor = has_arguments.then(|| anchor("arguments", &field.name));
            view.fields.push(FieldView {
                name: field.name.clone(),
                anchor: anchor("field", &field.name),
                ty: self.type_markdown(&field.ty),
                description: field.description.clone(),
                deprecation: self.deprecation_view(field.deprecation.as_ref()),
                arguments_anchor: arguments_anchor.clone(),
            });
            if let Some(arguments_anchor) = arguments_anchor {
                view.arguments.push(ArgumentsView {
                    field: field.name.clone(),
                    field_anchor: anchor("field", &field.name),
                    anchor: arguments_anchor,
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
                    unnamed: field
                        .unnamed_arguments
                        .iter()
                        .map(|argument| argument.description.clone())
                        .collect(),
                });
            }
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
        if let Certainty::Inferred {
            rule,
            evidence,
            confidence,
        } = &ty.provenance.certainty
        {
            notes.push(format!(
                "The input does not define this type; it was inferred by {rule} with {confidence} confidence{}.",
                evidence_text(evidence)
            ));
        }
        if let Certainty::Inferred {
            rule,
            evidence,
            confidence,
        } = &ty.kind_provenance.certainty
        {
            notes.push(format!(
                "The kind ({}) was inferred by {rule} with {confidence} confidence{}.",
                kind_label(ty.kind),
                evidence_text(evidence)
            ));
        }
        if ty.incomplete {
            notes.push("The input lists only some of this type's values or members.".to_owned());
        }
        notes
    }

    fn error_codes_view(&self) -> ErrorCodesView {
        let mut codes: BTreeMap<&str, (IndexSet<&str>, Vec<LinkView>)> = BTreeMap::new();
        let mut uses = 0;
        for ty in self.schema.types.values() {
            for code in &ty.error_codes {
                uses += 1;
                let (messages, raised_by) = codes.entry(&code.code).or_default();
                messages.insert(&code.message);
                if !raised_by.iter().any(|link| link.label == ty.name) {
                    raised_by.push(self.type_link(&ty.name));
                }
            }
        }
        ErrorCodesView {
            uses,
            codes: codes
                .into_iter()
                .map(|(code, (messages, raised_by))| CodeEntry {
                    code: code.to_owned(),
                    anchor: anchor("code", code),
                    messages: messages.into_iter().map(str::to_owned).collect(),
                    raised_by,
                })
                .collect(),
        }
    }

    fn deprecations_view(&self) -> DeprecationsView {
        let mut entries = Vec::new();
        for ty in self.schema.types.values() {
            let mut push = |coordinate: String,
                            anchor: String,
                            kind: &'static str,
                            deprecation: Option<&Deprecation>| {
                if let Some(view) = self.deprecation_view(deprecation) {
                    let removal = deprecation.and_then(|deprecation| deprecation.removal_on);
                    entries.push((
                        removal,
                        DeprecationEntry {
                            item: LinkView::nested(
                                coordinate,
                                self.href(&ty.name, Some(&anchor)).unwrap_or_default(),
                            ),
                            kind,
                            deprecation: view,
                        },
                    ));
                }
            };
            for field in &ty.fields {
                push(
                    format!("{}.{}", ty.name, field.name),
                    anchor("field", &field.name),
                    "field",
                    field.deprecation.as_ref(),
                );
                for argument in &field.arguments {
                    push(
                        format!("{}.{}({}:)", ty.name, field.name, argument.name),
                        argument_anchor(&field.name, &argument.name),
                        "argument",
                        argument.deprecation.as_ref(),
                    );
                }
            }
            for input in &ty.input_fields {
                push(
                    format!("{}.{}", ty.name, input.name),
                    anchor("field", &input.name),
                    "input field",
                    input.deprecation.as_ref(),
                );
            }
            for value in &ty.enum_values {
                push(
                    format!("{}.{}", ty.name, value.name),
                    anchor("value", &value.name),
                    "enum value",
                    value.deprecation.as_ref(),
                );
            }
        }
        // Dated removals first, soonest first; undated ones after; the coordinate breaks ties.
        entries.sort_by(|(a_date, a), (b_date, b)| {
            let key = |date: &Option<Date>| (date.is_none(), *date);
            key(a_date)
                .cmp(&key(b_date))
                .then_with(|| a.item.label.cmp(&b.item.label))
        });
        let overdue = entries
            .iter()
            .filter(|(_, entry)| entry.deprecation.overdue)
            .count();
        DeprecationsView {
            today: self.config.markdown.today.map(|date| date.to_string()),
            overdue,
            dated: entries.iter().filter(|(date, _)| date.is_some()).count(),
            entries: entries.into_iter().map(|(_, entry)| entry).collect(),
        }
    }

    fn connections_view(&self) -> ConnectionsView {
        ConnectionsView {
            connections: self
                .references
                .connections
                .iter()
                .map(|connection| ConnectionView {
                    connection: self.type_link(&connection.connection),
                    edge: self.type_link(&connection.edge),
                    node: self.type_link(&connection.node),
                })
                .collect(),
        }
    }

    fn provenance_view(&self) -> ProvenanceView {
        let types = self.schema.types.values();
        let names = types
            .clone()
            .filter(|ty| !matches!(ty.name_origin, NameOrigin::Document))
            .map(|ty| {
                let (confidence, evidence) = match &ty.name_origin {
                    NameOrigin::Recovered {
                        confidence,
                        signals,
                    } => (confidence.to_string(), signals.join("; ")),
                    NameOrigin::Reference { confidence } => (confidence.to_string(), String::new()),
                    _ => (String::new(), String::new()),
                };
                ProvenanceRow {
                    item: self.type_link(&ty.name),
                    what: ty.name_origin.as_str().to_owned(),
                    confidence,
                    evidence,
                    source: source_text(&ty.provenance),
                }
            })
            .collect();
        let inferred =
            |provenance: &Provenance, what: String, ty: &TypeDef| match &provenance.certainty {
                Certainty::Inferred {
                    rule,
                    evidence,
                    confidence,
                } => Some(ProvenanceRow {
                    item: self.type_link(&ty.name),
                    what: format!("{what} (by {rule})"),
                    confidence: confidence.to_string(),
                    evidence: evidence.join("; "),
                    source: source_text(provenance),
                }),
                _ => None,
            };
        let inferred_types = types
            .clone()
            .filter_map(|ty| inferred(&ty.provenance, "type".to_owned(), ty))
            .collect();
        let inferred_kinds = types
            .clone()
            .filter_map(|ty| inferred(&ty.kind_provenance, kind_label(ty.kind).to_owned(), ty))
            .collect();
        let undefined = self
            .undefined
            .iter()
            .map(|name| self.type_link(name))
            .collect();
        let unnamed_arguments = types
            .flat_map(|ty| {
                ty.fields
                    .iter()
                    .filter(|field| !field.unnamed_arguments.is_empty())
                    .map(move |field| UnnamedRow {
                        field: LinkView::nested(
                            format!("{}.{}", ty.name, field.name),
                            self.href(&ty.name, Some(&anchor("arguments", &field.name)))
                                .unwrap_or_default(),
                        ),
                        descriptions: field
                            .unnamed_arguments
                            .iter()
                            .map(|argument| argument.description.clone())
                            .collect(),
                    })
            })
            .collect();
        ProvenanceView {
            input_label: self.input_label.clone(),
            type_count: self.schema.types.len(),
            names,
            inferred_types,
            inferred_kinds,
            undefined,
            unnamed_arguments,
        }
    }
}

fn catalogue_page(stem: &str, view_model: PageViewModel) -> Page {
    let template = match &view_model {
        PageViewModel::ErrorCodes(_) => "error-codes.md.tera",
        PageViewModel::Deprecations(_) => "deprecations.md.tera",
        PageViewModel::Connections(_) => "connections.md.tera",
        _ => "provenance.md.tera",
    };
    Page {
        path: format!("src/catalogue/{stem}.md"),
        template,
        view_model,
    }
}

/// A link from a page at the top of `src/` (index, SUMMARY, kind pages).
fn link(label: &str, href: &str) -> LinkView {
    LinkView::new(label.to_owned(), href.to_owned(), "")
}

fn kind_label(kind: TypeKind) -> &'static str {
    match kind {
        TypeKind::Object => "object",
        TypeKind::Interface => "interface",
        TypeKind::Union => "union",
        TypeKind::Enum => "enum",
        TypeKind::InputObject => "input object",
        TypeKind::Scalar => "scalar",
    }
}

/// `file:line` of a provenance, when it has a location.
fn source_text(provenance: &Provenance) -> Option<String> {
    provenance
        .location
        .as_ref()
        .map(|location| format!("{}:{}", location.file, location.line))
}

fn evidence_text(evidence: &[String]) -> String {
    if evidence.is_empty() {
        String::new()
    } else {
        format!(" from: {}", evidence.join("; "))
    }
}

/// Every type name `ty` references in fields, arguments, input fields, members and
/// interfaces.
fn referenced_names(ty: &TypeDef) -> impl Iterator<Item = &str> {
    ty.fields
        .iter()
        .flat_map(|field| {
            std::iter::once(field.ty.base_name()).chain(
                field
                    .arguments
                    .iter()
                    .map(|argument| argument.ty.base_name()),
            )
        })
        .chain(ty.input_fields.iter().map(|input| input.ty.base_name()))
        .chain(ty.members.iter().map(String::as_str))
        .chain(ty.interfaces.iter().map(String::as_str))
}

/// A link: `label` is plain text, `href` is relative to `src/` (empty for a built-in scalar,
/// which has no page), and `markdown` is the finished link for the page it appears on, so
/// templates print it without calling a macro per link (thousands per site).
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct LinkView {
    label: String,
    href: String,
    markdown: String,
}

impl LinkView {
    /// A link from a page whose path relative to `src/` starts with `root` (`""` or `../`).
    fn new(label: String, href: String, root: &str) -> LinkView {
        let text = markdown_cell(&label);
        let markdown = if href.is_empty() {
            text
        } else {
            format!("[{text}]({root}{href})")
        };
        LinkView {
            label,
            href,
            markdown,
        }
    }

    /// A link from a page one folder below `src/` (type and catalogue pages).
    fn nested(label: String, href: String) -> LinkView {
        LinkView::new(label, href, "../")
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct BookView {
    title: String,
    /// Type pages carry Mermaid diagrams: the book needs the mdbook-mermaid preprocessor.
    mermaid: bool,
}

#[derive(Debug, Clone, Serialize)]
struct GroupSummary {
    title: &'static str,
    href: String,
    count: usize,
    types: Vec<LinkView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct SummaryView {
    groups: Vec<GroupSummary>,
    catalogues: Vec<LinkView>,
}

#[derive(Debug, Serialize)]
struct GroupCount {
    title: &'static str,
    href: String,
    count: usize,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndexView {
    title: String,
    description: Option<String>,
    input_label: String,
    groups: Vec<GroupCount>,
    catalogues: Vec<LinkView>,
}

#[derive(Debug, Serialize)]
struct GroupEntry {
    link: LinkView,
    summary: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct GroupView {
    title: &'static str,
    intro: &'static str,
    types: Vec<GroupEntry>,
}

#[derive(Debug, Clone, Serialize)]
struct DeprecationView {
    reason: Option<String>,
    deprecated_on: Option<String>,
    removal_on: Option<String>,
    /// Only with a `today` in the config: the removal date has passed.
    overdue: bool,
}

#[derive(Debug, Serialize)]
struct FieldView {
    name: String,
    anchor: String,
    /// The type as Markdown, linked to its page.
    ty: String,
    description: Option<String>,
    deprecation: Option<DeprecationView>,
    /// The anchor of the field's arguments section, when it has arguments.
    arguments_anchor: Option<String>,
}

#[derive(Debug, Serialize)]
struct InputFieldView {
    name: String,
    anchor: String,
    ty: String,
    /// A GraphQL literal.
    default_value: Option<String>,
    description: Option<String>,
    deprecation: Option<DeprecationView>,
}

#[derive(Debug, Serialize)]
struct ArgumentsView {
    field: String,
    field_anchor: String,
    anchor: String,
    arguments: Vec<InputFieldView>,
    /// Descriptions of arguments whose names and types the input does not give.
    unnamed: Vec<String>,
}

#[derive(Debug, Serialize)]
struct ValueView {
    name: String,
    anchor: String,
    description: Option<String>,
    deprecation: Option<DeprecationView>,
}

#[derive(Debug, Serialize)]
struct CodeView {
    code: String,
    message: String,
    href: String,
}

#[derive(Debug, Serialize)]
struct ConnectionView {
    connection: LinkView,
    edge: LinkView,
    node: LinkView,
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct TypeView {
    title: String,
    name: String,
    kind: &'static str,
    description: Option<String>,
    /// Plain-text notes on how the type is known.
    notes: Vec<String>,
    /// `file:line` where the input defines the type.
    source: Option<String>,
    implements: Vec<LinkView>,
    fields: Vec<FieldView>,
    arguments: Vec<ArgumentsView>,
    input_fields: Vec<InputFieldView>,
    values: Vec<ValueView>,
    members: Vec<LinkView>,
    specified_by: Option<String>,
    one_of: bool,
    error_codes: Vec<CodeView>,
    /// A fenced JSON block.
    example: Option<String>,
    example_from_page: bool,
    returned_by: Vec<LinkView>,
    used_by: Vec<LinkView>,
    member_of: Vec<LinkView>,
    implemented_by: Vec<LinkView>,
    /// The connections that page this type.
    connections: Vec<ConnectionView>,
    /// For a connection or edge type: the connection it belongs to.
    paged: Option<ConnectionView>,
    /// A fenced Mermaid block of the type and its neighbours (`[generate.markdown] mermaid`).
    diagram: Option<String>,
}

#[derive(Debug, Serialize)]
struct CodeEntry {
    code: String,
    anchor: String,
    /// Every distinct message the code is given with.
    messages: Vec<String>,
    raised_by: Vec<LinkView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ErrorCodesView {
    codes: Vec<CodeEntry>,
    /// How many (type, code) entries the input lists.
    uses: usize,
}

#[derive(Debug, Serialize)]
struct DeprecationEntry {
    item: LinkView,
    kind: &'static str,
    deprecation: DeprecationView,
}

#[derive(Debug, Serialize)]
pub(crate) struct DeprecationsView {
    /// The `today` of the config: only then are overdue removals marked.
    today: Option<String>,
    overdue: usize,
    dated: usize,
    entries: Vec<DeprecationEntry>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ConnectionsView {
    connections: Vec<ConnectionView>,
}

#[derive(Debug, Serialize)]
struct ProvenanceRow {
    item: LinkView,
    what: String,
    confidence: String,
    evidence: String,
    source: Option<String>,
}

#[derive(Debug, Serialize)]
struct UnnamedRow {
    field: LinkView,
    descriptions: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ProvenanceView {
    input_label: String,
    type_count: usize,
    names: Vec<ProvenanceRow>,
    inferred_types: Vec<ProvenanceRow>,
    inferred_kinds: Vec<ProvenanceRow>,
    undefined: Vec<LinkView>,
    unnamed_arguments: Vec<UnnamedRow>,
}
