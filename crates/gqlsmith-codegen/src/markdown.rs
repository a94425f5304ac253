//! The `markdown` target: an mdBook-ready docs site. Rust builds one flat view-model per page
//! (links resolved, back-references collected, catalogues sorted); the templates in
//! `templates/markdown/` only print them through the escaping filters of [`text`].

mod description;
mod diagram;
mod examples;
mod pages;
mod references;
pub(crate) mod text;

use gqlsmith_model::{Diagnostic, Schema};
use serde::Serialize;
use tera::{Tera, Value};

use crate::diagnostics::{location_in, CodegenError};
use crate::output::{files_or_diagnostics, hash_header, validate_relative_path};
use crate::parallel::map_in_order;
use crate::{Config, GeneratedFile, Target, Templates};

/// Generates the site: `book.toml`, `src/SUMMARY.md`, `src/index.md`, a page per kind and
/// per type, and the catalogue pages the schema has material for.
pub(crate) fn generate(
    schema: &Schema,
    config: &Config,
    templates: &Templates,
    input_label: &str,
) -> Result<Vec<GeneratedFile>, Vec<Diagnostic>> {
    // Tera runs only for a user's override; the embedded templates are written by Rust
    // (`pages/write.rs`, byte for byte the same, tested in `tests/markdown_templates.rs`).
    let tera = if templates.overrides(Target::Markdown) {
        let mut tera = templates.tera_for(Target::Markdown)?;
        register_filters(&mut tera);
        Some(tera)
    } else {
        None
    };
    let site = pages::Site::new(schema, config, input_label);
    let pages = site.plan();
    // Building each page's view-model and rendering it are independent of the other pages.
    let render = |page: &Page| render_page(page, &site, tera.as_ref(), templates, input_label);
    // The catalogues are the largest pages: started first, they do not leave one thread
    // rendering alone at the end.
    let mut render_order: Vec<usize> = (0..pages.len()).collect();
    render_order
        .sort_by_key(|&index| !matches!(pages[index].content, pages::Content::Catalogue(_)));
    let mut rendered: Vec<Option<_>> = std::iter::repeat_with(|| None).take(pages.len()).collect();
    let results = map_in_order(&render_order, config, |&index| render(&pages[index]));
    for (index, result) in render_order.into_iter().zip(results) {
        rendered[index] = Some(result);
    }
    files_or_diagnostics(rendered.into_iter().flatten(), Vec::new())
}

/// One page rendered into its file, header included: by Tera when the user overrides a
/// Markdown template, else by Rust.
fn render_page(
    page: &Page,
    site: &pages::Site<'_>,
    tera: Option<&Tera>,
    templates: &Templates,
    input_label: &str,
) -> Result<GeneratedFile, Diagnostic> {
    if let Err(why) = validate_relative_path(&page.path) {
        return Err(CodegenError::UnsafeOutputPath
            .diagnostic(format!("refusing to write `{}`: {why}", page.path))
            .at(location_in(
                &format!("templates/markdown/{}", page.template),
                1,
                1,
            ))
            .with_help("output paths must stay inside the out dir"));
    }
    let view_model = site.view_model(&page.content);
    let rendered = match tera {
        Some(tera) => {
            let context = templates.context(Target::Markdown, &view_model)?;
            templates.render(tera, Target::Markdown, page.template, &context)?
        }
        None => view_model.write(),
    };
    let header = if page.path.ends_with(".toml") {
        hash_header(input_label)
    } else {
        text::markdown_header(input_label)
    };
    Ok(GeneratedFile {
        path: page.path.clone(),
        contents: format!("{header}{}", tidy(&rendered)),
    })
}

/// The filters the Markdown templates use, in addition to the shared ones.
fn register_filters(tera: &mut Tera) {
    tera.register_filter("md_text", TextFilter(text::markdown_text));
    tera.register_filter(
        "md_description",
        TextFilter(description::description_markdown),
    );
    tera.register_filter("md_cell", TextFilter(text::markdown_cell));
    tera.register_filter("md_code", TextFilter(text::markdown_code_span));
    tera.register_filter("toml_string", TextFilter(text::toml_string));
}

/// A Tera filter from a string function; `null` (an absent description) becomes "".
struct TextFilter(fn(&str) -> String);

impl tera::Filter for TextFilter {
    // Tera's trait names std's HashMap in its signature; the map is only read, never iterated
    // into output, so it cannot make output nondeterministic.
    #[allow(clippy::disallowed_types)]
    fn filter(
        &self,
        value: &Value,
        _args: &std::collections::HashMap<String, Value>,
    ) -> tera::Result<Value> {
        match value {
            Value::Null => Ok(Value::String(String::new())),
            Value::String(text) => Ok(Value::String((self.0)(text))),
            other => Ok(Value::String((self.0)(&other.to_string()))),
        }
    }
}

/// Templates print blocks with blank lines around them; runs of blank lines are squeezed to
/// one and the file ends with exactly one newline, so the output reads the same whatever the
/// template's whitespace control.
fn tidy(rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len());
    let mut blank_run = 0;
    let mut in_fence = false;
    for line in rendered.trim_start_matches('\n').lines() {
        let line = line.trim_end();
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if line.is_empty() && !in_fence {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    let trimmed = out.trim_end_matches('\n').len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// One page to render: its path under the out dir, its template and what it shows.
pub(crate) struct Page {
    pub(crate) path: String,
    pub(crate) template: &'static str,
    pub(crate) content: pages::Content,
}

impl Page {
    fn new(path: impl Into<String>, template: &'static str, content: pages::Content) -> Page {
        Page {
            path: path.into(),
            template,
            content,
        }
    }
}

/// The view-model of one page (an enum, so `Site::pages` can return them all in one list).
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub(crate) enum PageViewModel {
    Book(pages::views::BookView),
    Summary(pages::views::SummaryView),
    Index(pages::views::IndexView),
    Group(pages::views::GroupView),
    Type(Box<pages::views::TypeView>),
    ErrorCodes(pages::views::ErrorCodesView),
    Deprecations(pages::views::DeprecationsView),
    Connections(pages::views::ConnectionsView),
    Provenance(pages::views::ProvenanceView),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_squeezes_blank_lines_outside_fences() {
        assert_eq!(tidy("\n# A\n\n\n\nb  \n\n"), "# A\n\nb\n");
        assert_eq!(
            tidy("```\na\n\n\nb\n```\n\n\nc"),
            "```\na\n\n\nb\n```\n\nc\n"
        );
    }
}
