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

        // The kind pages and catalogues repeat what the type pages say.
        let mut unindexed: Vec<String> = groups.iter().map(|group| group.href.clone()).collect();
        if !catalogues.is_empty() {
            unindexed.push("catalogue".to_owned());
        }
        let mut pages = vec![
            Page {
                path: "book.toml".to_owned(),
                template: "book.toml.tera",
                view_model: PageViewModel::Book(BookView {
                    title: title.clone(),
                    mermaid: self.config.markdown.mermaid,
                    unindexed,
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
