//! Loading: reading every input with the reader its format needs, merging them into one
//! model, and running the recovery pass on docs pages.

use std::sync::Arc;

use gqlsmith_docs::PageStats;
use gqlsmith_model::{Diagnostic, Loaded};
use gqlsmith_recover::{Overlay, RecoverOptions, RecoveryReport};

use crate::input::{Input, InputFormat};

/// How to load: whether to recover what a docs page lost, and with what help.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Skip the recovery pass (names, kinds, enum values of docs pages).
    pub no_recover: bool,
    /// A TOML overlay that supplies what the page lost.
    pub overlay: Option<Input>,
    /// A schema (SDL or introspection) whose types name the page's unnamed blocks.
    pub reference: Option<Input>,
}

/// A loaded model with its inputs (for rendering diagnostics) and the recovery report, if
/// recovery ran.
#[derive(Debug, Clone)]
pub struct Project {
    pub loaded: Loaded,
    pub inputs: Vec<Input>,
    pub recovery: Option<RecoveryReport>,
    /// For docs pages: what the page itself holds, counted before recovery adds anything.
    pub page_stats: Option<PageStats>,
    /// Client operations read against the schema ([`Project::read_documents`]), for the
    /// per-operation targets. `None` until read.
    pub documents: Option<gqlsmith_model::Documents>,
}

impl Project {
    /// Reads `files` against the project's schema and keeps the model of their operations
    /// for generation; returns every diagnostic (validation errors included). The documents
    /// are kept only when none of those is an error.
    pub fn read_documents(
        &mut self,
        files: &[crate::DocumentFile],
    ) -> Vec<gqlsmith_model::Diagnostic> {
        let read = crate::read_documents(&self.loaded.schema, files);
        if !read
            .diagnostics
            .iter()
            .any(gqlsmith_model::Diagnostic::is_error)
        {
            self.documents = Some(read.documents);
        }
        read.diagnostics
    }

    /// The format shared by the inputs (loading refuses to mix formats).
    pub fn format(&self) -> Option<InputFormat> {
        self.inputs.first().map(|input| input.format)
    }
}

/// Reads `inputs` (all of one format: several SDL files merge into one schema; several docs
/// pages merge in order) and, for docs pages, runs recovery unless `no_recover`.
pub fn load(inputs: Vec<Input>, options: &LoadOptions) -> Project {
    let mut loaded = read_all(&inputs);
    let mut recovery = None;
    let mut extra_inputs = Vec::new();
    let is_docs = inputs
        .first()
        .is_some_and(|input| input.format == InputFormat::Docs);
    let page_stats = is_docs.then(|| gqlsmith_docs::stats(&loaded));
    if is_docs && loaded.schema.types.is_empty() && !loaded.has_errors() {
        // An empty file, or text that is no reference page at all, would otherwise "succeed"
        // and overwrite good bindings with empty ones.
        let file = inputs
            .first()
            .map_or_else(|| Arc::from("<input>"), |input| input.label.clone());
        loaded.diagnostics.push(
            Diagnostic::error(
                "C903",
                "no-type-blocks",
                "the docs page holds no type block: it is empty, or not a reference page",
            )
            .at(gqlsmith_model::Location::new(file, 1, 1))
            .with_help("give a reference-docs page (a type name, its description, then `Fields`), or name the format with --from sdl|introspection"),
        );
    }
    if is_docs && !options.no_recover && !loaded.has_errors() {
        let mut recover_options = RecoverOptions::default();
        if let Some(overlay) = &options.overlay {
            extra_inputs.push(overlay.clone());
            match Overlay::parse(&overlay.text, overlay.label.clone()) {
                Ok(parsed) => recover_options.overlay = Some(parsed),
                Err(diagnostics) => loaded.diagnostics.extend(diagnostics),
            }
        }
        if let Some(reference) = &options.reference {
            extra_inputs.push(reference.clone());
            let reference_loaded = read_all(std::slice::from_ref(reference));
            if reference_loaded.has_errors() {
                loaded.diagnostics.extend(reference_loaded.diagnostics);
            } else {
                recover_options.reference = Some(reference_loaded.schema);
            }
        }
        if !loaded.has_errors() {
            recovery = Some(gqlsmith_recover::recover(&mut loaded, &recover_options));
        }
    }
    if !loaded.has_errors() {
        // Every reader checks what it can point at precisely; this catches the rest (overlay
        // and reference names, docs rows) before any command prints a name into code.
        let found = gqlsmith_model::names::check_names(&loaded.schema);
        loaded.diagnostics.extend(found);
    }
    let mut all_inputs = inputs;
    all_inputs.extend(extra_inputs);
    Project {
        loaded,
        inputs: all_inputs,
        recovery,
        page_stats,
        documents: None,
    }
}

/// Reads inputs of one format into one model.
fn read_all(inputs: &[Input]) -> Loaded {
    let Some(first) = inputs.first() else {
        return Loaded::default();
    };
    if let Some(other) = inputs.iter().find(|input| input.format != first.format) {
        let mut loaded = Loaded::default();
        loaded.diagnostics.push(
            Diagnostic::error(
                "C901",
                "mixed-input-formats",
                format!(
                    "cannot merge `{}` ({}) with `{}` ({})",
                    first.label, first.format, other.label, other.format
                ),
            )
            .with_help(
                "give inputs of one format, or convert one with `gqlsmith convert --to sdl`",
            ),
        );
        return loaded;
    }
    match first.format {
        InputFormat::Sdl => {
            let sources: Vec<(Arc<str>, &str)> = inputs
                .iter()
                .map(|input| (input.label.clone(), &*input.text))
                .collect();
            gqlsmith_sdl::read_sdl(&sources)
        }
        InputFormat::Introspection => merge(
            inputs
                .iter()
                .map(|input| gqlsmith_sdl::read_introspection(&input.text, input.label.clone())),
        ),
        InputFormat::Docs => merge(
            inputs
                .iter()
                .map(|input| gqlsmith_docs::read(&input.text, input.label.clone())),
        ),
    }
}

/// Merges models read separately: types in input order; a type defined twice is an error
/// that points at both definitions, and the first one is kept.
fn merge(parts: impl Iterator<Item = Loaded>) -> Loaded {
    let mut merged = Loaded::default();
    for part in parts {
        merged.diagnostics.extend(part.diagnostics);
        if merged.schema.types.is_empty() && merged.schema.directives.is_empty() {
            let diagnostics = std::mem::take(&mut merged.diagnostics);
            merged.schema = part.schema;
            merged.diagnostics = diagnostics;
            continue;
        }
        for (name, ty) in part.schema.types {
            if let Some(first) = merged.schema.types.get(&name) {
                let mut diagnostic = Diagnostic::error(
                    "C902",
                    "duplicate-type-across-inputs",
                    format!("type `{name}` is defined in more than one input"),
                )
                .at_opt(ty.provenance.location.clone())
                .with_help("remove one definition, or load the inputs separately")
                .with_coordinate(name.clone());
                if let Some(location) = first.provenance.location.clone() {
                    diagnostic = diagnostic.with_label(location, "first defined here");
                }
                merged.diagnostics.push(diagnostic);
            } else {
                merged.schema.types.insert(name, ty);
            }
        }
        for (name, directive) in part.schema.directives {
            merged.schema.directives.entry(name).or_insert(directive);
        }
        let roots = &mut merged.schema.roots;
        roots.query = roots.query.take().or(part.schema.roots.query);
        roots.mutation = roots.mutation.take().or(part.schema.roots.mutation);
        roots.subscription = roots.subscription.take().or(part.schema.roots.subscription);
    }
    merged
}
