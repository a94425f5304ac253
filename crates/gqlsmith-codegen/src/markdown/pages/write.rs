//! The pages written by Rust, byte for byte what the embedded templates in
//! `templates/markdown/` print from the same view-models. Without a user's override this is
//! how the site is written: Tera's interpreter, and the JSON context it reads, cost several
//! times what the pages themselves do (tens of thousands of fields and links on a large
//! schema). A user who overrides any Markdown template gets every page from Tera, the
//! documented override surface; `tests/markdown_templates.rs` renders every fixture both ways
//! and requires the same bytes.
//!
//! Each function follows its template line by line (the comments name it); the filters are the
//! ones the templates call (`md_description`, `md_code`, `md_cell`, `md_text`, `toml_string`,
//! and Tera's `indent`).

use std::fmt::Write as _;

use super::views::{
    BookView, ConnectionsView, DeprecationView, DeprecationsView, ErrorCodesView, GroupView,
    IndexView, LinkView, ProvenanceRow, ProvenanceView, SummaryView, TypeView,
};
use crate::markdown::description::description_markdown;
use crate::markdown::text::{markdown_cell, markdown_text, push_code_span, toml_string};
use crate::markdown::PageViewModel;

impl PageViewModel {
    /// The page as its embedded template prints it (before `tidy`).
    pub(crate) fn write(&self) -> String {
        let mut out = String::with_capacity(4096);
        match self {
            PageViewModel::Book(view) => write_book(&mut out, view),
            PageViewModel::Summary(view) => write_summary(&mut out, view),
            PageViewModel::Index(view) => write_index(&mut out, view),
            PageViewModel::Group(view) => write_group(&mut out, view),
            PageViewModel::Type(view) => write_type(&mut out, view),
            PageViewModel::ErrorCodes(view) => write_error_codes(&mut out, view),
            PageViewModel::Deprecations(view) => write_deprecations(&mut out, view),
            PageViewModel::Connections(view) => write_connections(&mut out, view),
            PageViewModel::Provenance(view) => write_provenance(&mut out, view),
        }
        out
    }
}

/// A Tera condition on an optional string: absent and empty are both false.
fn present(text: &Option<String>) -> Option<&str> {
    text.as_deref().filter(|text| !text.is_empty())
}

/// Tera's `indent(prefix=prefix)`: every line but the first gets `prefix`, unless it is blank.
fn push_indented(out: &mut String, text: &str, prefix: &str) {
    for (index, line) in text.lines().enumerate() {
        if index > 0 {
            out.push('\n');
            if !line.trim_start().is_empty() {
                out.push_str(prefix);
            }
        }
        out.push_str(line);
    }
}

/// `text | md_description | indent(prefix=prefix)`.
fn push_description(out: &mut String, text: &str, prefix: &str) {
    push_indented(out, &description_markdown(text), prefix);
}

/// `{% for link in links %}{{ link.markdown }}{% if not loop.last %}, {% endif %}{% endfor %}`.
fn push_joined(out: &mut String, links: &[LinkView]) {
    for (index, link) in links.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        out.push_str(&link.markdown);
    }
}

/// `{start}<a id="{anchor}"></a>`.
fn push_anchored_item(out: &mut String, start: &str, anchor: &str) {
    out.push_str(start);
    out.push_str("<a id=\"");
    out.push_str(anchor);
    out.push_str("\"></a>");
}

/// `- {{ link.markdown }}` lines.
fn push_list(out: &mut String, links: &[LinkView]) {
    for link in links {
        out.push_str("- ");
        out.push_str(&link.markdown);
        out.push('\n');
    }
}

/// `macros.md.tera`, `deprecation`.
fn push_deprecation(out: &mut String, deprecation: &DeprecationView, pad: &str) {
    out.push_str("**Deprecated**");
    if let Some(date) = present(&deprecation.deprecated_on) {
        out.push_str(" on ");
        out.push_str(date);
    }
    if let Some(date) = present(&deprecation.removal_on) {
        out.push_str(", removal on ");
        out.push_str(date);
    }
    if deprecation.overdue {
        out.push_str(" (**overdue**)");
    }
    if let Some(reason) = present(&deprecation.reason) {
        out.push_str(": ");
        push_description(out, reason, pad);
    }
}

/// `macros.md.tera`, `links`.
fn push_links(out: &mut String, links: &[LinkView], what: &str) {
    let folded = links.len() > 12;
    if folded {
        let _ = write!(
            out,
            "<details><summary>{} {what}</summary>\n\n",
            links.len()
        );
    }
    push_list(out, links);
    if folded {
        out.push_str("\n</details>");
    }
}

/// `book.toml.tera`.
fn write_book(out: &mut String, view: &BookView) {
    out.push_str("[book]\ntitle = ");
    out.push_str(&toml_string(&view.title));
    out.push_str(
        "\nlanguage = \"en\"\nsrc = \"src\"\n\n[output.html]\n\
         # A reference has no reading order: chapters are not numbered.\n\
         no-section-label = true",
    );
    if view.mermaid {
        out.push_str(
            "\n# The type pages' diagrams: `mdbook-mermaid install <this folder>` adds the two scripts.\n\
             additional-js = [\"mermaid.min.js\", \"mermaid-init.js\"]\n\n\
             [preprocessor.mermaid]\n\
             command = \"mdbook-mermaid\"",
        );
    }
    out.push_str(
        "\n\n[output.html.fold]\nenable = true\nlevel = 1\n\n[output.html.search]\n\
         # Search results point at a page, not at each of its sections: one search document per page\n\
         # keeps the index of a large schema small.\n\
         heading-split-level = 1\n\n\
         # The catalogues and kind pages repeat what the type pages say; indexing them would only\n\
         # double the index and the hits.",
    );
    if !view.unindexed.is_empty() {
        out.push_str("\n[output.html.search.chapter]");
        for path in &view.unindexed {
            out.push('\n');
            out.push_str(&toml_string(path));
            out.push_str(" = { enable = false }");
        }
    }
    out.push('\n');
}

/// `SUMMARY.md.tera`.
fn write_summary(out: &mut String, view: &SummaryView) {
    out.push_str("# Summary\n\n[Overview](index.md)\n\n");
    for group in &view.groups {
        let _ = writeln!(out, "- [{}]({})", group.title, group.href);
        for link in &group.types {
            out.push_str("  - ");
            out.push_str(&link.markdown);
            out.push('\n');
        }
    }
    push_list(out, &view.catalogues);
}

/// `index.md.tera`.
fn write_index(out: &mut String, view: &IndexView) {
    out.push_str("# ");
    out.push_str(&markdown_cell(&view.title));
    out.push_str("\n\n");
    if let Some(description) = present(&view.description) {
        out.push_str(&markdown_text(description));
        out.push('\n');
    }
    out.push_str("\nGenerated from ");
    push_code_span(out, &view.input_label);
    out.push_str(".\n\n| Kind | Types |\n|---|---|\n");
    for group in &view.groups {
        let _ = writeln!(
            out,
            "| [{}]({}) | {} |",
            group.title, group.href, group.count
        );
    }
    out.push('\n');
    if !view.catalogues.is_empty() {
        out.push_str("\n## Catalogues\n\n");
        push_list(out, &view.catalogues);
    }
}

/// `group.md.tera`.
fn write_group(out: &mut String, view: &GroupView) {
    out.push_str("# ");
    out.push_str(view.title);
    out.push_str("\n\n");
    out.push_str(&markdown_text(view.intro));
    out.push_str("\n\n");
    for entry in &view.types {
        out.push_str("- ");
        out.push_str(&entry.link.markdown);
        if let Some(summary) = present(&entry.summary) {
            out.push_str(": ");
            out.push_str(&description_markdown(summary));
        }
        out.push('\n');
    }
}

/// `type.md.tera`.
fn write_type(out: &mut String, view: &TypeView) {
    out.push_str("# ");
    out.push_str(&markdown_cell(&view.title));
    out.push_str("\n\n*");
    out.push_str(view.kind);
    out.push('*');
    if view.title != view.name {
        out.push(' ');
        push_code_span(out, &view.name);
    }
    if let Some(source) = present(&view.source) {
        out.push_str(" · defined at ");
        push_code_span(out, source);
    }
    out.push_str("\n\n");
    if let Some(description) = present(&view.description) {
        out.push_str(&description_markdown(description));
        out.push('\n');
    }
    out.push('\n');
    for note in &view.notes {
        out.push_str("\n> ");
        push_description(out, note, "> ");
        out.push('\n');
    }
    out.push('\n');
    if !view.implements.is_empty() {
        out.push_str("\nImplements ");
        push_joined(out, &view.implements);
        out.push_str(".\n");
    }
    out.push('\n');
    if let Some(specified_by) = present(&view.specified_by) {
        out.push_str("\nSpecified by ");
        push_code_span(out, specified_by);
        out.push_str(".\n");
    }
    out.push('\n');
    if view.one_of {
        out.push_str("\nA `@oneOf` input: exactly one field must be given.\n");
    }
    out.push('\n');
    if let Some(paged) = &view.paged {
        let _ = writeln!(
            out,
            "\nPart of the connection {}: its edges are {}, its nodes {}.",
            paged.connection.markdown, paged.edge.markdown, paged.node.markdown
        );
    }
    out.push('\n');
    if !view.fields.is_empty() {
        out.push_str("\n## Fields\n");
        for field in &view.fields {
            push_anchored_item(out, "\n- ", &field.anchor);
            out.push_str("**");
            push_code_span(out, &field.name);
            out.push_str("**: ");
            out.push_str(&field.ty);
            out.push('\n');
            push_description_and_deprecation(
                out,
                &field.description,
                field.deprecation.as_ref(),
                "  ",
            );
            if let Some(arguments_anchor) = present(&field.arguments_anchor) {
                let _ = writeln!(out, "\n  <a id=\"{arguments_anchor}\"></a>Arguments:");
                for argument in &field.arguments {
                    push_anchored_item(out, "\n  - ", &argument.anchor);
                    push_code_span(out, &argument.name);
                    out.push_str(": ");
                    out.push_str(&argument.ty);
                    if let Some(default_value) = present(&argument.default_value) {
                        out.push_str(" = ");
                        push_code_span(out, default_value);
                    }
                    out.push('\n');
                    push_description_and_deprecation(
                        out,
                        &argument.description,
                        argument.deprecation.as_ref(),
                        "    ",
                    );
                }
                if !field.unnamed_arguments.is_empty() {
                    let count = field.unnamed_arguments.len();
                    let plural = if count == 1 { "" } else { "s" };
                    let _ = writeln!(
                        out,
                        "\n  The input describes {count} argument{plural} without a name or type:"
                    );
                    for description in &field.unnamed_arguments {
                        out.push_str("\n  - ");
                        push_description(out, description, "    ");
                        out.push('\n');
                    }
                }
            }
        }
    }
    out.push('\n');
    if !view.input_fields.is_empty() {
        out.push_str("\n## Fields\n");
        for field in &view.input_fields {
            push_anchored_item(out, "\n- ", &field.anchor);
            out.push_str("**");
            push_code_span(out, &field.name);
            out.push_str("**: ");
            out.push_str(&field.ty);
            if let Some(default_value) = present(&field.default_value) {
                out.push_str(" = ");
                push_code_span(out, default_value);
            }
            out.push('\n');
            push_description_and_deprecation(
                out,
                &field.description,
                field.deprecation.as_ref(),
                "  ",
            );
        }
    }
    out.push('\n');
    if !view.values.is_empty() {
        out.push_str("\n## Values\n");
        for value in &view.values {
            push_anchored_item(out, "\n- ", &value.anchor);
            out.push_str("**");
            push_code_span(out, &value.name);
            out.push_str("**\n");
            push_description_and_deprecation(
                out,
                &value.description,
                value.deprecation.as_ref(),
                "  ",
            );
        }
    }
    out.push('\n');
    if !view.members.is_empty() {
        out.push_str("\n## Members\n\n");
        push_list(out, &view.members);
    }
    out.push('\n');
    if !view.error_codes.is_empty() {
        out.push_str("\n## Possible errors\n\n");
        for code in &view.error_codes {
            out.push_str("- [");
            push_code_span(out, &code.code);
            out.push_str("](../");
            out.push_str(&code.href);
            out.push_str("): ");
            out.push_str(&description_markdown(&code.message));
            out.push('\n');
        }
    }
    out.push('\n');
    if let Some(example) = present(&view.example) {
        out.push_str("\n## Example\n\n");
        out.push_str(if view.example_from_page {
            "As the input shows it (a value can be a type name rather than JSON):"
        } else {
            "Placeholder values, one per field:"
        });
        out.push_str("\n\n");
        out.push_str(example);
        out.push('\n');
    }
    out.push('\n');
    if let Some(diagram) = present(&view.diagram) {
        out.push_str("\n## Neighbours\n\n");
        out.push_str(diagram);
        out.push('\n');
    }
    out.push('\n');
    for (links, heading, what) in [
        (&view.returned_by, "Returned by", "fields"),
        (&view.used_by, "Used by", "fields and arguments"),
        (&view.member_of, "Member of", "unions"),
        (&view.implemented_by, "Implemented by", "types"),
    ] {
        if !links.is_empty() {
            let _ = write!(out, "\n## {heading}\n\n");
            push_links(out, links, what);
            out.push('\n');
        }
        out.push('\n');
    }
    if !view.connections.is_empty() {
        out.push_str("\n## Paginated by\n\n");
        for connection in &view.connections {
            let _ = writeln!(
                out,
                "- {}, through {}",
                connection.connection.markdown, connection.edge.markdown
            );
        }
    }
}

/// The description and deprecation lines under a field, argument or value, at `pad`.
fn push_description_and_deprecation(
    out: &mut String,
    description: &Option<String>,
    deprecation: Option<&DeprecationView>,
    pad: &str,
) {
    if let Some(description) = present(description) {
        out.push('\n');
        out.push_str(pad);
        push_description(out, description, pad);
        out.push('\n');
    }
    if let Some(deprecation) = deprecation {
        out.push('\n');
        out.push_str(pad);
        push_deprecation(out, deprecation, pad);
        out.push('\n');
    }
}

/// `error-codes.md.tera`.
fn write_error_codes(out: &mut String, view: &ErrorCodesView) {
    let _ = writeln!(
        out,
        "# Error codes\n\n{} distinct codes, listed {} times by the types that can raise them.",
        view.codes.len(),
        view.uses
    );
    for code in &view.codes {
        push_anchored_item(out, "\n- ", &code.anchor);
        out.push_str("**");
        push_code_span(out, &code.code);
        out.push_str("**: ");
        for (index, message) in code.messages.iter().enumerate() {
            if index > 0 {
                out.push_str("\\\n  ");
            }
            out.push_str(&description_markdown(message));
        }
        out.push_str("\n\n  ");
        if code.raised_by.len() > 12 {
            let _ = write!(
                out,
                "<details><summary>Raised by {} types</summary>\n\n  ",
                code.raised_by.len()
            );
            push_joined(out, &code.raised_by);
            out.push_str("\n\n  </details>");
        } else {
            out.push_str("Raised by ");
            push_joined(out, &code.raised_by);
            out.push('.');
        }
        out.push('\n');
    }
}

/// `deprecations.md.tera`.
fn write_deprecations(out: &mut String, view: &DeprecationsView) {
    let _ = writeln!(
        out,
        "# Deprecation schedule\n\n{} deprecated items, {} with a removal date. Sorted by removal date, soonest first; items without a date come last.",
        view.entries.len(),
        view.dated
    );
    if let Some(today) = present(&view.today) {
        let _ = writeln!(out, "\nChecked against {today}: {} overdue.", view.overdue);
    }
    out.push('\n');
    for entry in &view.entries {
        let deprecation = &entry.deprecation;
        out.push_str("\n- ");
        if let Some(removal_on) = present(&deprecation.removal_on) {
            out.push_str("**");
            out.push_str(removal_on);
            out.push_str("**");
            if deprecation.overdue {
                out.push_str(" (**overdue**)");
            }
            out.push(' ');
        }
        out.push_str(&entry.item.markdown);
        out.push_str(" (");
        out.push_str(entry.kind);
        if let Some(deprecated_on) = present(&deprecation.deprecated_on) {
            out.push_str(", deprecated on ");
            out.push_str(deprecated_on);
        }
        out.push_str(")\n");
        if let Some(reason) = present(&deprecation.reason) {
            out.push_str("\n  ");
            push_description(out, reason, "  ");
            out.push('\n');
        }
    }
}

/// `connections.md.tera`.
fn write_connections(out: &mut String, view: &ConnectionsView) {
    let _ = writeln!(
        out,
        "# Connections\n\n{} Relay connections: each pages its node type through an edge type that adds a cursor.\n",
        view.connections.len()
    );
    for connection in &view.connections {
        let _ = writeln!(
            out,
            "- {}: edges {}, nodes {}",
            connection.connection.markdown, connection.edge.markdown, connection.node.markdown
        );
    }
}

/// `provenance.md.tera`.
fn write_provenance(out: &mut String, view: &ProvenanceView) {
    out.push_str("# Provenance\n\nThis model was read from ");
    push_code_span(out, &view.input_label);
    let _ = writeln!(
        out,
        ", a reference-docs page rather than a schema: {} types. This page lists what the page did not state outright.",
        view.type_count
    );
    if !view.names.is_empty() {
        out.push_str("\n## Names not stated by the input\n");
        for row in &view.names {
            out.push_str("\n- ");
            out.push_str(&row.item.markdown);
            out.push_str(": ");
            out.push_str(&row.what);
            if !row.confidence.is_empty() {
                out.push_str(", ");
                out.push_str(&row.confidence);
                out.push_str(" confidence");
            }
            push_source_and_evidence(out, row);
        }
    }
    out.push('\n');
    for (rows, heading) in [
        (&view.inferred_types, "Types inferred from references"),
        (&view.inferred_kinds, "Kinds inferred"),
    ] {
        if !rows.is_empty() {
            let _ = writeln!(out, "\n## {heading}");
            for row in rows {
                out.push_str("\n- ");
                out.push_str(&row.item.markdown);
                out.push_str(": ");
                out.push_str(&markdown_cell(&row.what));
                out.push_str(", ");
                out.push_str(&row.confidence);
                out.push_str(" confidence");
                push_source_and_evidence(out, row);
            }
        }
        out.push('\n');
    }
    if !view.undefined.is_empty() {
        let _ = writeln!(
            out,
            "\n## Referenced but not defined\n\n{} names are used as field or argument types but never defined; their kind is unknown and the site shows them as custom scalars.\n",
            view.undefined.len()
        );
        push_list(out, &view.undefined);
    }
    out.push('\n');
    if !view.unnamed_arguments.is_empty() {
        let _ = writeln!(
            out,
            "\n## Arguments without names or types\n\n{} fields take arguments that the input describes without naming them.",
            view.unnamed_arguments.len()
        );
        for row in &view.unnamed_arguments {
            out.push_str("\n- ");
            out.push_str(&row.field.markdown);
            out.push('\n');
            for description in &row.descriptions {
                out.push_str("\n  - ");
                push_description(out, description, "    ");
                out.push('\n');
            }
        }
    }
}

/// The end of a provenance row: ` (source)`, then the evidence on a continuation line.
fn push_source_and_evidence(out: &mut String, row: &ProvenanceRow) {
    if let Some(source) = present(&row.source) {
        out.push_str(" (");
        push_code_span(out, source);
        out.push(')');
    }
    if !row.evidence.is_empty() {
        out.push_str("\\\n  evidence: ");
        push_description(out, &row.evidence, "  ");
    }
    out.push('\n');
}
