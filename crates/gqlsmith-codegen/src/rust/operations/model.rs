//! What the builder decides for the `rust-operations` target: one flat struct per operation,
//! response type, fragment, enum and input type, with every name, type and attribute; `views`
//! lays them out as lines for the templates.

/// Everything the `rust-operations` templates print.
#[derive(Debug)]
pub(crate) struct OperationsModel {
    /// `Debug, Clone, PartialEq` and the configured derives: every response struct and enum.
    pub(crate) derives: String,
    /// `derives` and `serde::Serialize`: variables and input types.
    pub(crate) input_derives: String,
    /// `Debug, Clone, PartialEq, Eq, Hash`, serde's and the configured derives: GraphQL enums.
    pub(crate) enum_derives: String,
    /// `mod.rs` defines the helper that reads one part of an object (a struct's own fields
    /// or a fragment's, a variant of an enum): only when something uses it.
    pub(crate) uses_part: bool,
    /// `mod.rs` defines the helper that reads a part that may be absent (a fragment spread
    /// under `@skip`/`@include`).
    pub(crate) uses_optional_part: bool,
    /// `mod.rs` defines the helper that reads `__typename`.
    pub(crate) uses_typename: bool,
    /// True when `types.rs` has anything (enums, inputs or fragments).
    pub(crate) has_types: bool,
    pub(crate) enums: Vec<EnumView>,
    pub(crate) inputs: Vec<InputView>,
    /// The types of every fragment (and the types nested in them), in document order.
    pub(crate) fragments: Vec<ShapeView>,
    pub(crate) operations: Vec<OperationModel>,
}

#[derive(Debug)]
pub(crate) struct EnumView {
    pub(crate) rust_name: String,
    pub(crate) description: Option<String>,
    pub(crate) values: Vec<EnumValueView>,
    /// The variant that keeps a value this client does not know (`Unknown`).
    pub(crate) unknown_variant: String,
}

#[derive(Debug)]
pub(crate) struct EnumValueView {
    pub(crate) graphql_name: String,
    pub(crate) rust_name: String,
    pub(crate) description: Option<String>,
    pub(crate) deprecation: Option<String>,
}

/// An input object type, or an operation's `Variables`.
#[derive(Debug)]
pub(crate) struct InputView {
    pub(crate) rust_name: String,
    pub(crate) description: Option<String>,
    pub(crate) fields: Vec<FieldView>,
    /// The derive list: `input_derives`, and `Default` when every field is an `Option`.
    pub(crate) derives: String,
}

/// A field of a struct: an input field, a variable, or a selected response field.
#[derive(Debug)]
pub(crate) struct FieldView {
    pub(crate) rust_name: String,
    /// The JSON key, when serde cannot derive it from `rust_name`.
    pub(crate) serde_rename: Option<String>,
    pub(crate) rust_type: String,
    /// Inputs: left out of the JSON when `None`.
    pub(crate) skip_none: bool,
    pub(crate) description: Option<String>,
    /// The note of `#[deprecated]`, for a deprecated field that is selected.
    pub(crate) deprecation: Option<String>,
}

/// A response type: a struct of selected fields and fragments, or an enum chosen by
/// `__typename`.
#[derive(Debug)]
pub(crate) struct ShapeView {
    pub(crate) rust_name: String,
    pub(crate) description: String,
    /// An enum of `variants` and `other_variant`, read by `__typename`.
    pub(crate) tagged: bool,
    pub(crate) fields: Vec<FieldView>,
    /// Fragments spread here: each a field holding the fragment's type, read from the same
    /// object. A struct with parts gets a hand-written `Deserialize`.
    pub(crate) parts: Vec<PartView>,
    pub(crate) variants: Vec<VariantView>,
    /// The variant that keeps any other `__typename` and the object as JSON.
    pub(crate) other_variant: String,
}

#[derive(Debug)]
pub(crate) struct PartView {
    pub(crate) fragment: String,
    pub(crate) rust_name: String,
    pub(crate) rust_type: String,
    /// The spread is under `@skip`/`@include`: `Option`, `None` when its fields are absent.
    pub(crate) optional: bool,
}

#[derive(Debug)]
pub(crate) struct VariantView {
    /// The `__typename` value.
    pub(crate) graphql_name: String,
    pub(crate) rust_name: String,
    pub(crate) rust_type: String,
}

#[derive(Debug)]
pub(crate) struct OperationModel {
    pub(crate) graphql_name: String,
    /// The module and file stem (`feed`).
    pub(crate) module: String,
    /// The unit struct that implements `Operation` (`FeedQuery`).
    pub(crate) struct_name: String,
    /// What it is and where it is defined (`` `query Feed` (feed.graphql:1). ``).
    pub(crate) doc: String,
    /// The document as a Rust string literal (raw, so it reads as GraphQL).
    pub(crate) query_literal: String,
    pub(crate) variables: InputView,
    /// `Data` first, then the types nested in it, parents before children.
    pub(crate) shapes: Vec<ShapeView>,
}
