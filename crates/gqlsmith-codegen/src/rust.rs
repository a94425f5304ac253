//! The Rust targets, `rust-client` (`client`), `rust-server` (`server`) and
//! `rust-operations` (`operations`): their view-models (the schema targets over one analysis
//! of the schema, `shape`), Rust naming and escaping (`naming`, `escape`), and what all do
//! with their templates' output: render each file and add the header. The embedded templates
//! print rustfmt's layout (`layout` for `rust-client` and `rust-server`, `operations::layout`
//! for `rust-operations`), so nothing formats them; when a user overrides a target's
//! templates, its files are parsed and formatted with syn + prettyplease, which reports
//! broken Rust (G705).

pub(crate) mod client;
pub(crate) mod escape;
mod layout;
mod naming;
pub(crate) mod operations;
pub(crate) mod server;
mod shape;

use gqlsmith_model::{Diagnostic, Documents, Schema};
use serde::Serialize;

use crate::diagnostics::{location_in, CodegenError};
use crate::output::{
    files_or_diagnostics, format_piece, format_rust, header, output_path_for_template,
    split_at_items, validate_relative_path,
};
use crate::parallel::map_in_order;
use crate::{Config, GeneratedFile, Target, Templates};

/// One Rust file as its template printed it, before formatting.
struct RenderedFile {
    /// Where it is written, relative to the out dir.
    path: String,
    /// The template it came from, as diagnostics name it.
    template: String,
    text: String,
}

/// Renders `mod.rs` and the file of each module in `modules` (the kinds the schema has),
/// formats them, and adds the header.
pub(crate) fn render_files(
    templates: &Templates,
    target: Target,
    modules: &[&str],
    view_model: &impl Serialize,
    config: &Config,
    input_label: &str,
) -> Result<Vec<GeneratedFile>, Vec<Diagnostic>> {
    let tera = templates.tera_for(target)?;
    let context = templates
        .context(target, view_model)
        .map_err(|diagnostic| vec![diagnostic])?;
    let mut rendered_files = Vec::new();
    let mut diagnostics = Vec::new();
    let template_names: Vec<String> = std::iter::once("mod.rs.tera".to_owned())
        .chain(modules.iter().map(|module| format!("{module}.rs.tera")))
        .collect();
    // Each file renders on its own (the server's objects and resolvers are about the same
    // size, so two cores halve the rendering).
    let render = |template_name: &String| -> Result<RenderedFile, Diagnostic> {
        let path = output_path_for_template(template_name).to_owned();
        if let Err(why) = validate_relative_path(&path) {
            return Err(CodegenError::UnsafeOutputPath
                .diagnostic(format!("refusing to write `{path}`: {why}"))
                .at(location_in(
                    &format!("templates/{target}/{template_name}"),
                    1,
                    1,
                ))
                .with_help("output paths must stay inside the out dir"));
        }
        Ok(RenderedFile {
            path,
            template: templates.display_path(target, template_name),
            text: templates.render(&tera, target, template_name, &context)?,
        })
    };
    for result in map_in_order(&template_names, config, render) {
        match result {
            Ok(file) => rendered_files.push(file),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    let header = header(input_label);
    // The embedded templates and the view-model lay out every line as rustfmt would: no
    // formatter runs on them, only the tidying of blank lines that template loops leave. A
    // user's templates are formatted, which also reports Rust they broke (G705).
    if templates.overrides(target) {
        return files_or_diagnostics(
            format_in_parallel(&rendered_files, &header, config),
            diagnostics,
        );
    }
    files_or_diagnostics(
        rendered_files.into_iter().map(|file| {
            Ok(GeneratedFile {
                path: file.path,
                contents: format!("{header}\n{}", tidy_blank_lines(&file.text)),
            })
        }),
        diagnostics,
    )
}

/// `text` without blank lines at its start and end, and with no two blank lines in a row
/// (what rustfmt keeps of blank lines between items), ending in one newline.
pub(crate) fn tidy_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = true;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            if !blank_run {
                out.push('\n');
            }
            blank_run = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank_run = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Generates the `rust-operations` files: `mod.rs` (the `Operation` trait, the request and
/// response types, a module per operation), `types.rs` (the enums, input types and fragments
/// the operations share; only when there are any) and `<operation>.rs` per operation.
pub(crate) fn generate_operations(
    schema: &Schema,
    documents: &Documents,
    config: &Config,
    templates: &Templates,
    input_label: &str,
) -> Result<Vec<GeneratedFile>, Vec<Diagnostic>> {
    let target = Target::RustOperations;
    let view_model = operations::view_model(schema, documents, config)?;
    let tera = templates.tera_for(target)?;
    let context = templates
        .context(target, &view_model)
        .map_err(|diagnostic| vec![diagnostic])?;
    // Each file is rendered on its own, side by side: mod.rs and types.rs from the whole view
    // model, each operation's file from that operation alone. Results keep the order of the
    // jobs, so the bytes do not depend on scheduling.
    type Job<'v> = (
        String,
        &'static str,
        Option<&'v operations::views::OperationView>,
    );
    let mut jobs: Vec<Job<'_>> = vec![("mod.rs".to_owned(), "mod.rs.tera", None)];
    if view_model.has_types {
        jobs.push(("types.rs".to_owned(), "types.rs.tera", None));
    }
    for operation in &view_model.operations {
        jobs.push((
            format!("{}.rs", operation.module),
            "operation.rs.tera",
            Some(operation),
        ));
    }
    let render = |(path, template_name, operation): &Job<'_>| -> Result<RenderedFile, Diagnostic> {
        if let Err(why) = validate_relative_path(path) {
            return Err(CodegenError::UnsafeOutputPath
                .diagnostic(format!("refusing to write `{path}`: {why}"))
                .with_help("output paths must stay inside the out dir"));
        }
        let text = match operation {
            Some(operation) => {
                let operation_context = templates.context(
                    target,
                    &OperationContext {
                        derives: &view_model.derives,
                        input_derives: &view_model.input_derives,
                        operation,
                    },
                )?;
                templates.render(&tera, target, template_name, &operation_context)?
            }
            None => templates.render(&tera, target, template_name, &context)?,
        };
        Ok(RenderedFile {
            path: path.clone(),
            template: templates.display_path(target, template_name),
            text,
        })
    };
    let mut diagnostics = Vec::new();
    let mut rendered_files = Vec::new();
    for result in map_in_order(&jobs, config, render) {
        match result {
            Ok(file) => rendered_files.push(file),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    // The embedded templates print rustfmt's layout themselves; a user's templates are
    // formatted, which also reports Rust they broke.
    let files = if templates.overrides(target) {
        format_in_parallel(&rendered_files, &header(input_label), config)
    } else {
        operations::finish_files(&rendered_files, &header(input_label))
    };
    files_or_diagnostics(files, diagnostics)
}

/// What `operation.rs.tera` receives: one operation, and the derive lists.
#[derive(Serialize)]
struct OperationContext<'a> {
    derives: &'a str,
    input_derives: &'a str,
    operation: &'a operations::views::OperationView,
}

/// Formats each rendered file with syn + prettyplease and puts `header` on top. Files are cut
/// into pieces at the templates' item separators and the pieces formatted side by side
/// (parsing dominates the run time of large schemas); under `single_threaded`, on the calling
/// thread. Results come back in the order of `rendered_files`, so the output does not depend
/// on scheduling.
fn format_in_parallel(
    rendered_files: &[RenderedFile],
    header: &str,
    config: &Config,
) -> Vec<Result<GeneratedFile, Diagnostic>> {
    let pieces_of_files: Vec<Vec<&str>> = rendered_files
        .iter()
        .map(|file| split_at_items(&file.text))
        .collect();
    let pieces: Vec<&str> = pieces_of_files.iter().flatten().copied().collect();
    // A file's pieces are consecutive: each file takes as many results as it has pieces.
    let mut formatted = map_in_order(&pieces, config, |piece| format_piece(piece)).into_iter();
    rendered_files
        .iter()
        .zip(&pieces_of_files)
        .map(|(file, pieces)| {
            let formatted_pieces: Option<Vec<String>> =
                formatted.by_ref().take(pieces.len()).collect();
            // A file with a piece that did not format is formatted whole, which reports the
            // error with the file's own line numbers.
            let formatted = match formatted_pieces {
                Some(pieces) => pieces.concat(),
                None => format_rust(&file.text, &file.template)?,
            };
            Ok(GeneratedFile {
                path: file.path.clone(),
                contents: format!("{header}{formatted}"),
            })
        })
        .collect()
}
