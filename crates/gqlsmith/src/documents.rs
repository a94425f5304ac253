//! Client documents: finding them by glob, reading them, and reading their operations
//! against a loaded schema.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use gqlsmith_model::Schema;
use gqlsmith_operations::{ApolloSchema, DocumentSource, ReadDocuments};

use crate::input::{Input, InputFormat};

/// A glob (`src/**/*.graphql`) and the directory it is relative to: the current directory
/// for `--documents`, the config file's directory for `documents = [...]` in `gqlsmith.toml`.
#[derive(Debug, Clone)]
pub struct DocumentPattern {
    pub pattern: String,
    pub base: PathBuf,
}

impl DocumentPattern {
    pub fn new(pattern: impl Into<String>, base: impl Into<PathBuf>) -> DocumentPattern {
        DocumentPattern {
            pattern: pattern.into(),
            base: base.into(),
        }
    }
}

/// One document file: its text as written (for snippets in diagnostics) and the GraphQL the
/// reader reads (for a TypeScript or JavaScript host, the embedded GraphQL with every other
/// character blanked, so positions are the host's).
#[derive(Debug, Clone)]
pub struct DocumentFile {
    pub label: Arc<str>,
    pub text: Arc<str>,
    pub graphql: String,
}

/// The extensions a documents glob picks up: GraphQL files and the hosts of embedded GraphQL.
fn is_document_path(path: &Path) -> bool {
    let name = path.to_string_lossy();
    let extension = path
        .extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase);
    matches!(extension.as_deref(), Some("graphql" | "gql"))
        || gqlsmith_operations::is_host_file(&name)
}

/// Every file the patterns match, each once, in pattern order and then path order. A pattern
/// that matches no document is an error (a typo in a CI config must not pass as "no
/// operations, nothing broken"), and so is an unreadable file.
pub fn find_documents(patterns: &[DocumentPattern]) -> Result<Vec<DocumentFile>, String> {
    let mut files: Vec<DocumentFile> = Vec::new();
    for pattern in patterns {
        let full =
            if Path::new(&pattern.pattern).is_absolute() || pattern.base.as_os_str().is_empty() {
                PathBuf::from(&pattern.pattern)
            } else {
                pattern.base.join(&pattern.pattern)
            };
        let full = full.to_string_lossy().into_owned();
        let paths = glob::glob(&full).map_err(|error| {
            format!(
                "the documents pattern `{}` is not a valid glob: {} (at character {})",
                pattern.pattern, error.msg, error.pos
            )
        })?;
        let mut matched = 0;
        for path in paths {
            let path = path.map_err(|error| {
                format!(
                    "cannot read `{}`: {}",
                    error.path().display(),
                    error.error()
                )
            })?;
            if path.is_dir() || !is_document_path(&path) {
                continue;
            }
            matched += 1;
            let label: Arc<str> = crate::input::path_label(&path).into();
            if files.iter().any(|file| file.label == label) {
                continue;
            }
            let input =
                Input::read(&path, Some(InputFormat::Sdl)).map_err(|error| error.to_string())?;
            let graphql = if gqlsmith_operations::is_host_file(&label) {
                match gqlsmith_operations::embedded_graphql(&input.text) {
                    Some(graphql) => graphql,
                    // A source file without GraphQL is normal under `src/**/*.ts`.
                    None => continue,
                }
            } else {
                input.text.to_string()
            };
            files.push(DocumentFile {
                label,
                text: input.text,
                graphql,
            });
        }
        if matched == 0 {
            return Err(format!(
                "the documents pattern `{full}` matches no .graphql, .gql, .ts, .tsx, .js or .jsx file; check the path (relative to {})",
                if pattern.base.as_os_str().is_empty() { "the current directory".to_owned() } else { format!("`{}`", pattern.base.display()) }
            ));
        }
    }
    Ok(files)
}

/// Reads and validates `files` together against `schema`.
pub fn read_documents(schema: &Schema, files: &[DocumentFile]) -> ReadDocuments {
    let apollo = ApolloSchema::new(schema);
    read_documents_with(schema, &apollo, files)
}

/// [`read_documents`] with the schema already in apollo-compiler's form (the diff validates
/// the same documents against two schemas).
pub fn read_documents_with(
    schema: &Schema,
    apollo: &ApolloSchema,
    files: &[DocumentFile],
) -> ReadDocuments {
    let sources: Vec<DocumentSource> = files
        .iter()
        .map(|file| DocumentSource {
            label: file.label.clone(),
            text: file.graphql.clone(),
        })
        .collect();
    gqlsmith_operations::read_documents(schema, apollo, &sources)
}
