//! The gqlsmith model as the schema apollo-compiler validates operations against.

use apollo_compiler::validation::Valid;
use gqlsmith_model::Schema;
use gqlsmith_sdl::{write_sdl, WriteOptions};

/// A model printed as SDL (by the one SDL writer, whose output is a valid type system
/// document for any model) and parsed by apollo-compiler. Built once per schema: validating
/// several document sets against one schema (the diff's old and new) reuses it.
pub struct ApolloSchema {
    pub(crate) schema: Valid<apollo_compiler::Schema>,
    /// Why operations cannot be validated against this schema (no query root), if so.
    pub(crate) missing_root: Option<String>,
}

impl ApolloSchema {
    pub fn new(model: &Schema) -> ApolloSchema {
        let sdl = write_sdl(model, &WriteOptions::default());
        // Parsed, not validated again: the model passed its reader's validation (for SDL,
        // apollo-compiler's own), and the SDL writer's output is a valid type system document
        // for every model (gqlsmith-sdl's round-trip tests validate it). Validating the
        // schema again would cost a third of checking 1,000 operations against GitHub's.
        let schema = match apollo_compiler::Schema::parse(sdl.as_str(), "schema") {
            Ok(schema) => Valid::assume_valid(schema),
            Err(with_errors) => Valid::assume_valid(with_errors.partial),
        };
        let has_query_root = model.roots.query.as_deref().map_or_else(
            || model.types.contains_key("Query"),
            |query| model.types.contains_key(query),
        );
        let missing_root = (!has_query_root).then(|| {
            "the schema has no query root type, so operations cannot be validated against it"
                .to_owned()
        });
        ApolloSchema {
            schema,
            missing_root,
        }
    }
}
