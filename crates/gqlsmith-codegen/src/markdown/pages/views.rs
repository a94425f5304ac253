//! The flat view structs the markdown templates print, one per page kind and row kind.

use serde::Serialize;

use crate::markdown::text::{markdown_cell, push_cell};

/// A link: `label` is plain text, `href` is relative to `src/` (empty for a built-in scalar,
/// which has no page), and `markdown` is the finished link for the page it appears on, so
/// templates print it without calling a macro per link (thousands per site).
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct LinkView {
    pub(super) label: String,
    pub(super) href: String,
    pub(super) markdown: String,
}

impl LinkView {
    /// A link from a page whose path relative to `src/` starts with `root` (`""` or `../`).
    pub(super) fn new(label: String, href: String, root: &str) -> LinkView {
        let markdown = if href.is_empty() {
            markdown_cell(&label)
        } else {
            let mut markdown = String::with_capacity(label.len() + root.len() + href.len() + 8);
            markdown.push('[');
            push_cell(&mut markdown, &label);
            markdown.push_str("](");
            markdown.push_str(root);
            markdown.push_str(&href);
            markdown.push(')');
            markdown
        };
        LinkView {
            label,
            href,
            markdown,
        }
    }

    /// A link from a page one folder below `src/` (type and catalogue pages).
    pub(super) fn nested(label: String, href: String) -> LinkView {
        LinkView::new(label, href, "../")
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct BookView {
    pub(super) title: String,
    /// Type pages carry Mermaid diagrams: the book needs the mdbook-mermaid preprocessor.
    pub(super) mermaid: bool,
    /// Pages and folders (relative to `src/`) left out of the search index.
    pub(super) unindexed: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct GroupSummary {
    pub(super) title: &'static str,
    pub(super) href: String,
    pub(super) count: usize,
    pub(super) types: Vec<LinkView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct SummaryView {
    pub(super) groups: Vec<GroupSummary>,
    pub(super) catalogues: Vec<LinkView>,
}

#[derive(Debug, Serialize)]
pub(super) struct GroupCount {
    pub(super) title: &'static str,
    pub(super) href: String,
    pub(super) count: usize,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndexView {
    pub(super) title: String,
    pub(super) description: Option<String>,
    pub(super) input_label: String,
    pub(super) groups: Vec<GroupCount>,
    pub(super) catalogues: Vec<LinkView>,
}

#[derive(Debug, Serialize)]
pub(super) struct GroupEntry {
    pub(super) link: LinkView,
    pub(super) summary: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct GroupView {
    pub(super) title: &'static str,
    pub(super) intro: &'static str,
    pub(super) types: Vec<GroupEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct DeprecationView {
    pub(super) reason: Option<String>,
    pub(super) deprecated_on: Option<String>,
    pub(super) removal_on: Option<String>,
    /// Only with a `today` in the config: the removal date has passed.
    pub(super) overdue: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct FieldView {
    pub(super) name: String,
    pub(super) anchor: String,
    /// The type as Markdown, linked to its page.
    pub(super) ty: String,
    pub(super) description: Option<String>,
    pub(super) deprecation: Option<DeprecationView>,
    /// The anchor of the field's arguments, when it has arguments.
    pub(super) arguments_anchor: Option<String>,
    pub(super) arguments: Vec<InputFieldView>,
    /// Descriptions of arguments whose names and types the input does not give.
    pub(super) unnamed_arguments: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct InputFieldView {
    pub(super) name: String,
    pub(super) anchor: String,
    pub(super) ty: String,
    /// A GraphQL literal.
    pub(super) default_value: Option<String>,
    pub(super) description: Option<String>,
    pub(super) deprecation: Option<DeprecationView>,
}

#[derive(Debug, Serialize)]
pub(super) struct ValueView {
    pub(super) name: String,
    pub(super) anchor: String,
    pub(super) description: Option<String>,
    pub(super) deprecation: Option<DeprecationView>,
}

#[derive(Debug, Serialize)]
pub(super) struct CodeView {
    pub(super) code: String,
    pub(super) message: String,
    pub(super) href: String,
}

#[derive(Debug, Serialize)]
pub(super) struct ConnectionView {
    pub(super) connection: LinkView,
    pub(super) edge: LinkView,
    pub(super) node: LinkView,
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct TypeView {
    pub(super) title: String,
    pub(super) name: String,
    pub(super) kind: &'static str,
    pub(super) description: Option<String>,
    /// Plain-text notes on how the type is known.
    pub(super) notes: Vec<String>,
    /// `file:line` where the input defines the type.
    pub(super) source: Option<String>,
    pub(super) implements: Vec<LinkView>,
    pub(super) fields: Vec<FieldView>,
    pub(super) input_fields: Vec<InputFieldView>,
    pub(super) values: Vec<ValueView>,
    pub(super) members: Vec<LinkView>,
    pub(super) specified_by: Option<String>,
    pub(super) one_of: bool,
    pub(super) error_codes: Vec<CodeView>,
    /// A fenced JSON block.
    pub(super) example: Option<String>,
    pub(super) example_from_page: bool,
    pub(super) returned_by: Vec<LinkView>,
    pub(super) used_by: Vec<LinkView>,
    pub(super) member_of: Vec<LinkView>,
    pub(super) implemented_by: Vec<LinkView>,
    /// The connections that page this type.
    pub(super) connections: Vec<ConnectionView>,
    /// For a connection or edge type: the connection it belongs to.
    pub(super) paged: Option<ConnectionView>,
    /// A fenced Mermaid block of the type and its neighbours (`[generate.markdown] mermaid`).
    pub(super) diagram: Option<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct CodeEntry {
    pub(super) code: String,
    pub(super) anchor: String,
    /// Every distinct message the code is given with.
    pub(super) messages: Vec<String>,
    pub(super) raised_by: Vec<LinkView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ErrorCodesView {
    pub(super) codes: Vec<CodeEntry>,
    /// How many (type, code) entries the input lists.
    pub(super) uses: usize,
}

#[derive(Debug, Serialize)]
pub(super) struct DeprecationEntry {
    pub(super) item: LinkView,
    pub(super) kind: &'static str,
    pub(super) deprecation: DeprecationView,
}

#[derive(Debug, Serialize)]
pub(crate) struct DeprecationsView {
    /// The `today` of the config: only then are overdue removals marked.
    pub(super) today: Option<String>,
    pub(super) overdue: usize,
    pub(super) dated: usize,
    pub(super) entries: Vec<DeprecationEntry>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ConnectionsView {
    pub(super) connections: Vec<ConnectionView>,
}

#[derive(Debug, Serialize)]
pub(super) struct ProvenanceRow {
    pub(super) item: LinkView,
    pub(super) what: String,
    pub(super) confidence: String,
    pub(super) evidence: String,
    pub(super) source: Option<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct UnnamedRow {
    pub(super) field: LinkView,
    pub(super) descriptions: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ProvenanceView {
    pub(super) input_label: String,
    pub(super) type_count: usize,
    pub(super) names: Vec<ProvenanceRow>,
    pub(super) inferred_types: Vec<ProvenanceRow>,
    pub(super) inferred_kinds: Vec<ProvenanceRow>,
    pub(super) undefined: Vec<LinkView>,
    pub(super) unnamed_arguments: Vec<UnnamedRow>,
}
