#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod documents;
#[cfg(feature = "http")]
mod fetch;
mod generate;
mod input;
mod load;
mod templates;
#[cfg(feature = "test-support")]
pub mod test_support;
mod write;

pub use documents::{
    find_documents, read_documents, read_documents_with, DocumentFile, DocumentPattern,
};
#[cfg(feature = "http")]
pub use fetch::{fetch_introspection, is_url, FetchError, FetchOptions, FetchProblem};
pub use generate::{generate, generate_to_dir, generate_to_string};
pub use input::{
    max_input_bytes, path_label, read_stdin, read_text, read_text_from, set_max_input_bytes, Input,
    InputError, InputFormat, InputProblem, BUNDLED_KRAKEN_LABEL, BUNDLED_KRAKEN_PAGE,
    DEFAULT_MAX_INPUT_BYTES, STDIN_LABEL,
};
pub use load::{load, LoadOptions, Project};
pub use templates::read_templates;
pub use write::{
    generate_targets_to_dirs, write_file, write_outputs, DirReport, Output, WriteMode,
    MANIFEST_FILE,
};

/// The intermediate model, as every gqlsmith crate sees it.
pub use gqlsmith_model as model;

/// The operations reader: validation, the apollo-compiler schema, coverage.
pub use gqlsmith_operations as operations;

/// The emitters: targets, the `[generate]` config table, templates and generated files.
pub use gqlsmith_codegen as codegen;
