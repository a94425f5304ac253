//! The `[generate]` table of `gqlsmith.toml`: targets, out dirs, per-target options, the scalar
//! map.

use indexmap::IndexMap;
use serde::Deserialize;

use crate::Target;

/// The `[generate]` table of `gqlsmith.toml`.
///
/// ```toml
/// [generate]
/// targets = ["rust-client", "rust-server"]
/// strict_scalars = true
///
/// [generate.scalars.DateTime]
/// rust = "String"
/// rust_input = "String"
///
/// [generate.rust-client]
/// out = "src/generated/client"
/// derives = ["Eq"]
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The targets to generate; empty means every target.
    pub targets: Vec<Target>,
    /// GraphQL scalar name -> the types that stand for it in each language.
    pub scalars: IndexMap<String, ScalarMapping>,
    /// When set, a custom scalar without an entry in `scalars` is an error instead of `String`.
    pub strict_scalars: bool,
    #[serde(rename = "rust-client")]
    pub rust_client: RustClientOptions,
    #[serde(rename = "rust-server")]
    pub rust_server: RustServerOptions,
    pub markdown: MarkdownOptions,
    pub typescript: TypescriptOptions,
    #[serde(rename = "typescript-operations")]
    pub typescript_operations: TypescriptOperationsOptions,
    #[serde(rename = "rust-operations")]
    pub rust_operations: RustOperationsOptions,
    pub sdl: SdlOptions,
    /// Format generated Rust on the calling thread only. Not a config-file key: the
    /// `include_schema!` macro sets it, because inside a proc macro proc-macro2 (which syn's
    /// parser uses) works only on the macro's own thread.
    #[serde(skip)]
    pub single_threaded: bool,
}

/// The types one GraphQL scalar maps to. `rust` applies in both directions unless
/// `rust_input` / `rust_output` say otherwise (input: arguments and input objects; output:
/// fields of objects and interfaces).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScalarMapping {
    pub rust: Option<String>,
    pub rust_input: Option<String>,
    pub rust_output: Option<String>,
    pub typescript: Option<String>,
    pub typescript_input: Option<String>,
    pub typescript_output: Option<String>,
}

/// Which way a value travels: arguments and input fields are inputs, fields are outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Input,
    Output,
}

impl ScalarMapping {
    /// The Rust type for values travelling in `direction`, if the mapping names one.
    pub(crate) fn rust_type(&self, direction: Direction) -> Option<&str> {
        let specific = match direction {
            Direction::Input => &self.rust_input,
            Direction::Output => &self.rust_output,
        };
        specific.as_deref().or(self.rust.as_deref())
    }
}

/// Options of the `rust-client` target.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RustClientOptions {
    /// Out dir, relative to the config file; `generated/rust-client` when absent.
    pub out: Option<String>,
    /// Derives added to every generated struct and enum, after
    /// `Debug, Clone, PartialEq, Serialize, Deserialize`.
    pub derives: Vec<String>,
    /// Read partial values: a missing field reads as its default (`None`, an empty list, the
    /// `Unknown` variant, an empty string), and a single item where a list is expected reads
    /// as a list of one. Docs-page examples need this (they leave fields out and show lists
    /// as one item), and so do responses to queries that select only some fields. Every
    /// mapped scalar type must then implement `Default`.
    pub lenient: bool,
    /// Response types (objects, interfaces, unions, `AnyObject`) derive `serde::Serialize`
    /// too (on by default). A client only reads them; `false` leaves the derive out, which
    /// cuts `cargo check` of the generated code by about a sixth. Input types, enums and
    /// scalars, which a client sends, always derive it.
    pub serialize_responses: bool,
}

impl Default for RustClientOptions {
    fn default() -> Self {
        RustClientOptions {
            out: None,
            derives: Vec::new(),
            lenient: false,
            serialize_responses: true,
        }
    }
}

/// Options of the `rust-server` target.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RustServerOptions {
    /// Out dir, relative to the config file; `generated/rust-server` when absent.
    pub out: Option<String>,
}

/// Options of the `markdown` target.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MarkdownOptions {
    /// Out dir, relative to the config file; `generated/markdown` when absent.
    pub out: Option<String>,
    /// The book's title; "API reference: <input>" when absent.
    pub title: Option<String>,
    /// The date the deprecation schedule marks overdue removals against (`YYYY-MM-DD`). When
    /// absent nothing is marked, so the output does not change with the clock; the CLI's
    /// `--today` sets it.
    pub today: Option<gqlsmith_model::Date>,
    /// A Mermaid diagram of its neighbours on every type page, and the mdbook-mermaid
    /// preprocessor in `book.toml` (run `mdbook-mermaid install <out>` once to add its
    /// scripts). Off by default: without the preprocessor mdBook shows the diagram's source.
    pub mermaid: bool,
}

/// Options of the `typescript` target.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TypescriptOptions {
    /// Out dir, relative to the config file; `generated/typescript` when absent.
    pub out: Option<String>,
    /// Enums as string-literal unions (`type Status = 'ACTIVE' | 'DONE'`) instead of TypeScript
    /// `enum`s, like graphql-codegen's `enumsAsTypes`.
    pub enums_as_types: bool,
    /// The TypeScript type of a custom scalar the scalar map does not map; `unknown` when
    /// absent.
    pub default_scalar_type: Option<String>,
}

/// Options of the `typescript-operations` target, named as graphql-codegen's
/// `typescript-operations` options are (in snake case). The defaults are codegen 6.x's.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TypescriptOperationsOptions {
    /// Out dir, relative to the config file; `generated/typescript-operations` when absent.
    pub out: Option<String>,
    /// Enums as string-literal unions (codegen 6.x's default); `false` for TypeScript `enum`s.
    pub enums_as_types: bool,
    /// Optional variables and input fields as `name: T | null` instead of `name?: T | null |
    /// undefined` (codegen's `avoidOptionals`).
    pub avoid_optionals: bool,
    /// No `__typename` unless the operation selects it (codegen 6.x's default); `false` adds
    /// `__typename?: 'Type'` to every object, as codegen 4.x did.
    pub skip_typename: bool,
    /// `readonly` properties and `ReadonlyArray` (codegen's `immutableTypes`).
    pub immutable_types: bool,
    /// A `TypedDocumentNode` constant per operation (`FeedDocument`), as the
    /// `typed-document-node` plugin writes it. Its type comes from
    /// `@graphql-typed-document-node/core`.
    pub typed_document_node: bool,
    /// The TypeScript type of a custom scalar the scalar map does not map; `any` when absent
    /// (codegen's default).
    pub default_scalar_type: Option<String>,
}

impl Default for TypescriptOperationsOptions {
    fn default() -> TypescriptOperationsOptions {
        TypescriptOperationsOptions {
            out: None,
            enums_as_types: true,
            avoid_optionals: false,
            skip_typename: true,
            immutable_types: false,
            typed_document_node: true,
            default_scalar_type: None,
        }
    }
}

/// Options of the `rust-operations` target.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RustOperationsOptions {
    /// Out dir, relative to the config file; `generated/rust-operations` when absent.
    pub out: Option<String>,
    /// Extra derives on every generated struct and enum (`Debug`, `Clone` and `PartialEq`
    /// are always there; response types read with `Deserialize`, variables and inputs write
    /// with `Serialize`).
    pub derives: Vec<String>,
}

/// Options of the `sdl` target.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SdlOptions {
    /// Out dir, relative to the config file; `generated/sdl` when absent.
    pub out: Option<String>,
    /// Alphabetical order of types, fields, arguments and values instead of the input's order.
    pub sort: bool,
}

impl ScalarMapping {
    /// The TypeScript type for values travelling in `direction`, if the mapping names one.
    pub(crate) fn typescript_type(&self, direction: Direction) -> Option<&str> {
        let specific = match direction {
            Direction::Input => &self.typescript_input,
            Direction::Output => &self.typescript_output,
        };
        specific.as_deref().or(self.typescript.as_deref())
    }
}

impl Config {
    /// The targets to run: the configured ones in their order, or every target that needs no
    /// client operations.
    pub fn selected_targets(&self) -> Vec<Target> {
        self.selected_targets_for(false)
    }

    /// The targets to run: the configured ones in their order, or every target, the
    /// per-operation ones only when there are documents.
    pub fn selected_targets_for(&self, has_documents: bool) -> Vec<Target> {
        if self.targets.is_empty() {
            Target::all()
                .filter(|target| has_documents || !target.needs_documents())
                .collect()
        } else {
            self.targets.clone()
        }
    }

    /// The out dir configured for `target`, or its default.
    pub fn out_dir(&self, target: Target) -> String {
        let configured = match target {
            Target::RustClient => &self.rust_client.out,
            Target::RustServer => &self.rust_server.out,
            Target::Markdown => &self.markdown.out,
            Target::Typescript => &self.typescript.out,
            Target::TypescriptOperations => &self.typescript_operations.out,
            Target::RustOperations => &self.rust_operations.out,
            Target::Sdl => &self.sdl.out,
        };
        configured
            .clone()
            .unwrap_or_else(|| target.default_out_dir())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(toml_text: &str, expect: &str) {
        let actual = match toml::from_str::<Config>(toml_text) {
            Ok(config) => format!(
                "targets={:?} out={} strict={} scalars={:?}",
                config
                    .selected_targets()
                    .into_iter()
                    .map(Target::name)
                    .collect::<Vec<_>>(),
                config.out_dir(Target::RustClient),
                config.strict_scalars,
                config
                    .scalars
                    .iter()
                    .map(|(name, mapping)| format!(
                        "{name}:{:?}/{:?}",
                        mapping.rust_type(Direction::Input),
                        mapping.rust_type(Direction::Output)
                    ))
                    .collect::<Vec<_>>(),
            ),
            Err(error) => format!("error: {}", error.message()),
        };
        assert_eq!(actual, expect);
    }

    #[test]
    fn reads_the_generate_table() {
        check(
            "",
            r#"targets=["rust-client", "rust-server", "markdown", "typescript", "sdl"] out=generated/rust-client strict=false scalars=[]"#,
        );
        check(
            "targets = [\"rust-server\"]\nstrict_scalars = true\n[rust-client]\nout = \"src/gen\"",
            r#"targets=["rust-server"] out=src/gen strict=true scalars=[]"#,
        );
        check(
            "[scalars.DateTime]\nrust = \"String\"\nrust_input = \"chrono::NaiveDate\"",
            r#"targets=["rust-client", "rust-server", "markdown", "typescript", "sdl"] out=generated/rust-client strict=false scalars=["DateTime:Some(\"chrono::NaiveDate\")/Some(\"String\")"]"#,
        );
    }

    #[test]
    fn refuses_unknown_keys_and_targets() {
        check("target = []", "error: unknown field `target`, expected one of `targets`, `scalars`, `strict_scalars`, `rust-client`, `rust-server`, `markdown`, `typescript`, `typescript-operations`, `rust-operations`, `sdl`");
        check("targets = [\"go\"]", "error: unknown target `go` (known targets: rust-client, rust-server, markdown, typescript, sdl, typescript-operations, rust-operations)");
        check("[scalars.URL]\nrsut = \"String\"", "error: unknown field `rsut`, expected one of `rust`, `rust_input`, `rust_output`, `typescript`, `typescript_input`, `typescript_output`");
    }
}
