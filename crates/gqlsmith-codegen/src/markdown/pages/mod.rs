//! The pages of the docs site and their flat view-models. This module is the site: where
//! each type's page lives, the links between pages, and the order pages are written in;
//! `type_page` builds a type's page, `catalogues` the catalogue pages (error codes,
//! deprecations, connections, provenance), and `views` holds the view structs the templates
//! print.

mod catalogues;
mod type_page;
pub(super) mod views;
mod write;

use gqlsmith_model::{Deprecation, NameOrigin, Provenance, Schema, TypeDef, TypeKind, TypeRef};
use indexmap::{IndexMap, IndexSet};

use super::references::References;
use super::text::{concat, first_sentence, page_slug, push_cell};
use super::{Page, PageViewModel};
use crate::parallel::map_in_order;
use crate::Config;
use views::{
    BookView, DeprecationView, GroupCount, GroupEntry, GroupSummary, GroupView, IndexView,
    LinkView, SummaryView,
};

/// The folders of type pages, in the order the site lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Group {
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

/// What a page of the site shows.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Content {
    Book,
    Summary,
    Index,
    Group(Group),
    /// The type at this index of [`Site`]'s pages.
    Type(usize),
    Catalogue(Catalogue),
}

/// The catalogue pages, in the order the site lists them.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Catalogue {
    ErrorCodes,
    Deprecations,
    Connections,
    Provenance,
}

impl Catalogue {
    fn title(self) -> &'static str {
        match self {
            Catalogue::ErrorCodes => "Error codes",
            Catalogue::Deprecations => "Deprecation schedule",
            Catalogue::Connections => "Connections",
            Catalogue::Provenance => "Provenance",
        }
    }

    /// The page's path relative to `src/`.
    fn href(self) -> &'static str {
        match self {
            Catalogue::ErrorCodes => "catalogue/error-codes.md",
            Catalogue::Deprecations => "catalogue/deprecations.md",
            Catalogue::Connections => "catalogue/connections.md",
            Catalogue::Provenance => "catalogue/provenance.md",
        }
    }

    fn template(self) -> &'static str {
        match self {
            Catalogue::ErrorCodes => "error-codes.md.tera",
            Catalogue::Deprecations => "deprecations.md.tera",
            Catalogue::Connections => "connections.md.tera",
            Catalogue::Provenance => "provenance.md.tera",
        }
    }
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
    /// The names of blocks the input left unnamed, by the line of the block (what their
    /// placeholder `Unnamed_L<line>` was).
    names_by_line: IndexMap<usize, String>,
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
        let named: Vec<(&str, Group)> = defined.chain(undefined_pages).collect();
        // Slugs are independent of each other (heck's kebab case is most of this loop's
        // time); only the de-duplication below needs the page order.
        let slugs = map_in_order(&named, config, |(name, _)| page_slug(name));
        for ((name, group), slug) in named.into_iter().zip(slugs) {
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
        let names_by_line = schema
            .types
            .values()
            .filter(|ty| {
                !matches!(
                    ty.name_origin,
                    NameOrigin::Document | NameOrigin::Placeholder
                )
            })
            .filter_map(|ty| {
                let line = ty.provenance.location.as_ref()?.line;
                Some((line as usize, ty.name.clone()))
            })
            .collect();
        Site {
            schema,
            config,
            names_by_line,
            input_label: input_label.to_owned(),
            pages,
            undefined,
            references: References::collect(schema),
            docs_derived,
        }
    }

    /// Every page of the site, in the order they are written: where each goes and what it
    /// shows. Only paths are decided here; each page's view-model is built by
    /// [`Site::view_model`] when the page is rendered, so every page, catalogues included, is
    /// built side by side with the others.
    pub(crate) fn plan(&self) -> Vec<Page> {
        let mut pages = vec![
            Page::new("book.toml", "book.toml.tera", Content::Book),
            Page::new("src/SUMMARY.md", "SUMMARY.md.tera", Content::Summary),
            Page::new("src/index.md", "index.md.tera", Content::Index),
        ];
        for group in self.groups() {
            pages.push(Page::new(
                format!("src/{}.md", group.folder()),
                "group.md.tera",
                Content::Group(group),
            ));
        }
        for (index, page) in self.pages.values().enumerate() {
            pages.push(Page::new(
                concat(&["src/", &page.path]),
                "type.md.tera",
                Content::Type(index),
            ));
        }
        for catalogue in self.catalogues() {
            pages.push(Page::new(
                format!("src/{}", catalogue.href()),
                catalogue.template(),
                Content::Catalogue(catalogue),
            ));
        }
        pages
    }

    /// The view-model of one page of [`Site::plan`].
    pub(crate) fn view_model(&self, content: &Content) -> PageViewModel {
        match *content {
            Content::Book => {
                // The kind pages and catalogues repeat what the type pages say.
                let mut unindexed: Vec<String> = self
                    .groups()
                    .map(|group| format!("{}.md", group.folder()))
                    .collect();
                if self.catalogues().next().is_some() {
                    unindexed.push("catalogue".to_owned());
                }
                PageViewModel::Book(BookView {
                    title: self.title(),
                    mermaid: self.config.markdown.mermaid,
                    unindexed,
                })
            }
            Content::Summary => PageViewModel::Summary(SummaryView {
                groups: self
                    .groups()
                    .map(|group| {
                        let types: Vec<LinkView> = self
                            .pages_of(group)
                            .map(|(name, page)| link(&self.page_title(name), &page.path))
                            .collect();
                        GroupSummary {
                            title: group.title(),
                            href: format!("{}.md", group.folder()),
                            count: types.len(),
                            types,
                        }
                    })
                    .collect(),
                catalogues: self.catalogue_links(),
            }),
            Content::Index => PageViewModel::Index(IndexView {
                title: self.title(),
                description: self.schema.description.clone(),
                input_label: self.input_label.clone(),
                groups: self
                    .groups()
                    .map(|group| GroupCount {
                        title: group.title(),
                        href: format!("{}.md", group.folder()),
                        count: self.pages_of(group).count(),
                    })
                    .collect(),
                catalogues: self.catalogue_links(),
            }),
            Content::Group(group) => PageViewModel::Group(GroupView {
                title: group.title(),
                intro: group.intro(),
                types: self
                    .pages_of(group)
                    .map(|(name, page)| GroupEntry {
                        link: link(&self.page_title(name), &page.path),
                        summary: self
                            .schema
                            .type_named(name)
                            .and_then(|ty| ty.description.as_deref())
                            .map(first_sentence),
                    })
                    .collect(),
            }),
            Content::Type(index) => {
                let name = self.pages.get_index(index).map_or("", |(name, _)| name);
                PageViewModel::Type(Box::new(self.type_view(name)))
            }
            Content::Catalogue(Catalogue::ErrorCodes) => {
                PageViewModel::ErrorCodes(self.error_codes_view())
            }
            Content::Catalogue(Catalogue::Deprecations) => {
                PageViewModel::Deprecations(self.deprecations_view())
            }
            Content::Catalogue(Catalogue::Connections) => {
                PageViewModel::Connections(self.connections_view())
            }
            Content::Catalogue(Catalogue::Provenance) => {
                PageViewModel::Provenance(self.provenance_view())
            }
        }
    }

    /// The groups that have pages, in site order.
    fn groups(&self) -> impl Iterator<Item = Group> + '_ {
        Group::ALL
            .into_iter()
            .filter(move |&group| self.pages_of(group).next().is_some())
    }

    fn pages_of(&self, group: Group) -> impl Iterator<Item = (&String, &PageRef)> {
        self.pages
            .iter()
            .filter(move |(_, page)| page.group == group)
    }

    /// The catalogue pages the schema has material for, in site order. Each test here is
    /// what makes its view non-empty.
    fn catalogues(&self) -> impl Iterator<Item = Catalogue> + '_ {
        let types = || self.schema.types.values();
        let has_error_codes = types().any(|ty| !ty.error_codes.is_empty());
        let has_deprecations = types().any(|ty| {
            ty.fields.iter().any(|field| {
                field.deprecation.is_some()
                    || field
                        .arguments
                        .iter()
                        .any(|argument| argument.deprecation.is_some())
            }) || ty
                .input_fields
                .iter()
                .any(|input| input.deprecation.is_some())
                || ty
                    .enum_values
                    .iter()
                    .any(|value| value.deprecation.is_some())
        });
        [
            (Catalogue::ErrorCodes, has_error_codes),
            (Catalogue::Deprecations, has_deprecations),
            (
                Catalogue::Connections,
                !self.references.connections.is_empty(),
            ),
            (Catalogue::Provenance, self.docs_derived),
        ]
        .into_iter()
        .filter_map(|(catalogue, present)| present.then_some(catalogue))
    }

    fn catalogue_links(&self) -> Vec<LinkView> {
        self.catalogues()
            .map(|catalogue| link(catalogue.title(), catalogue.href()))
            .collect()
    }

    fn title(&self) -> String {
        self.config
            .markdown
            .title
            .clone()
            .unwrap_or_else(|| format!("API reference: {}", input_file_name(&self.input_label)))
    }

    /// `text` (recovery's evidence, which names blocks as they were named when it ran) with
    /// each placeholder name `Unnamed_L<line>` of a block that now has a name replaced by that
    /// name, so the site never cites a name that appears nowhere else in it.
    fn with_final_names(&self, text: &str) -> String {
        const PLACEHOLDER: &str = "Unnamed_L";
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find(PLACEHOLDER) {
            out.push_str(&rest[..start]);
            let after = &rest[start + PLACEHOLDER.len()..];
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            let placeholder = &rest[start..start + PLACEHOLDER.len() + digits];
            let final_name = after[..digits]
                .parse::<usize>()
                .ok()
                .and_then(|line| self.names_by_line.get(&line));
            out.push_str(final_name.map_or(placeholder, String::as_str));
            rest = &after[digits..];
        }
        out.push_str(rest);
        out
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
            Some(anchor) => concat(&[&page.path, "#", anchor]),
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
        let mut out = String::with_capacity(64);
        self.push_type_markdown(&mut out, ty);
        out
    }

    fn push_type_markdown(&self, out: &mut String, ty: &TypeRef) {
        match ty {
            TypeRef::NonNull(inner) => {
                self.push_type_markdown(out, inner);
                out.push('!');
            }
            TypeRef::List(item) => {
                out.push_str("\\[");
                self.push_type_markdown(out, item);
                out.push_str("\\]");
            }
            TypeRef::Named(name) => match self.pages.get(name.as_str()) {
                Some(page) => {
                    out.push('[');
                    push_cell(out, name);
                    out.push_str("](../");
                    out.push_str(&page.path);
                    out.push(')');
                }
                None => push_cell(out, name),
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
}

/// The file name of an input (`objects.txt` for `fixtures/kraken/objects.txt`): the title
/// of a site names its input without the directories of the machine it was made on.
fn input_file_name(input_label: &str) -> &str {
    input_label
        .rsplit(['/', '\\'])
        .find(|part| !part.is_empty())
        .unwrap_or(input_label)
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
