//! The generation targets and their registry: name, template files, default out dir.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

/// A kind of output `generate` can write. Spelled in kebab case on the command line and in
/// `gqlsmith.toml` (`rust-client`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// serde types for every type of the schema, for a client that reads responses.
    RustClient,
    /// async-graphql 7 stubs: a trait per object type that the user implements, and the glue
    /// that exposes the implementations as a GraphQL server.
    RustServer,
    /// An mdBook-ready docs site: a page per type, back-references, and catalogues of error
    /// codes, deprecations, connections and provenance.
    Markdown,
    /// One `.ts` file of types: objects and inputs as type aliases, enums, `__typename`
    /// unions, `Maybe<T>` and the scalar map.
    Typescript,
    /// The schema as SDL (`schema.graphql`), printed by gqlsmith-sdl's writer: a model read
    /// from a docs page becomes a schema other GraphQL tools can read.
    Sdl,
    /// One `.ts` file with a type per client operation and fragment (exactly what each
    /// selects) and a `TypedDocumentNode` per operation, as graphql-codegen's
    /// `typescript-operations` writes them. Needs documents.
    TypescriptOperations,
    /// A Rust module per client operation: `Variables`, `Data` and response types holding
    /// exactly what it selects, fragments as shared structs, the document as a `const`, and
    /// the `Operation` trait that ties them together (serde and serde_json only). Needs
    /// documents.
    RustOperations,
}

/// What the registry knows about one target.
pub(crate) struct TargetInfo {
    pub(crate) target: Target,
    pub(crate) name: &'static str,
    /// The embedded templates, `(file name, text)`, in the order they are rendered.
    pub(crate) templates: &'static [(&'static str, &'static str)],
}

/// Every target, in the order `generate` runs them when none is named.
pub(crate) const TARGETS: &[TargetInfo] = &[
    TargetInfo {
        target: Target::RustClient,
        name: "rust-client",
        templates: &[
            (
                "mod.rs.tera",
                include_str!("../../../templates/rust-client/mod.rs.tera"),
            ),
            (
                "scalars.rs.tera",
                include_str!("../../../templates/rust-client/scalars.rs.tera"),
            ),
            (
                "enums.rs.tera",
                include_str!("../../../templates/rust-client/enums.rs.tera"),
            ),
            (
                "objects.rs.tera",
                include_str!("../../../templates/rust-client/objects.rs.tera"),
            ),
            (
                "interfaces.rs.tera",
                include_str!("../../../templates/rust-client/interfaces.rs.tera"),
            ),
            (
                "unions.rs.tera",
                include_str!("../../../templates/rust-client/unions.rs.tera"),
            ),
            (
                "inputs.rs.tera",
                include_str!("../../../templates/rust-client/inputs.rs.tera"),
            ),
        ],
    },
    TargetInfo {
        target: Target::RustServer,
        name: "rust-server",
        templates: &[
            (
                "mod.rs.tera",
                include_str!("../../../templates/rust-server/mod.rs.tera"),
            ),
            (
                "scalars.rs.tera",
                include_str!("../../../templates/rust-server/scalars.rs.tera"),
            ),
            (
                "enums.rs.tera",
                include_str!("../../../templates/rust-server/enums.rs.tera"),
            ),
            (
                "resolvers.rs.tera",
                include_str!("../../../templates/rust-server/resolvers.rs.tera"),
            ),
            (
                "objects.rs.tera",
                include_str!("../../../templates/rust-server/objects.rs.tera"),
            ),
            (
                "interfaces.rs.tera",
                include_str!("../../../templates/rust-server/interfaces.rs.tera"),
            ),
            (
                "unions.rs.tera",
                include_str!("../../../templates/rust-server/unions.rs.tera"),
            ),
            (
                "inputs.rs.tera",
                include_str!("../../../templates/rust-server/inputs.rs.tera"),
            ),
            (
                "runtime.rs.tera",
                include_str!("../../../templates/rust-server/runtime.rs.tera"),
            ),
        ],
    },
    TargetInfo {
        target: Target::Markdown,
        name: "markdown",
        templates: &[
            (
                "macros.md.tera",
                include_str!("../../../templates/markdown/macros.md.tera"),
            ),
            (
                "book.toml.tera",
                include_str!("../../../templates/markdown/book.toml.tera"),
            ),
            (
                "SUMMARY.md.tera",
                include_str!("../../../templates/markdown/SUMMARY.md.tera"),
            ),
            (
                "index.md.tera",
                include_str!("../../../templates/markdown/index.md.tera"),
            ),
            (
                "group.md.tera",
                include_str!("../../../templates/markdown/group.md.tera"),
            ),
            (
                "type.md.tera",
                include_str!("../../../templates/markdown/type.md.tera"),
            ),
            (
                "error-codes.md.tera",
                include_str!("../../../templates/markdown/error-codes.md.tera"),
            ),
            (
                "deprecations.md.tera",
                include_str!("../../../templates/markdown/deprecations.md.tera"),
            ),
            (
                "connections.md.tera",
                include_str!("../../../templates/markdown/connections.md.tera"),
            ),
            (
                "provenance.md.tera",
                include_str!("../../../templates/markdown/provenance.md.tera"),
            ),
        ],
    },
    TargetInfo {
        target: Target::Typescript,
        name: "typescript",
        templates: &[(
            "types.ts.tera",
            include_str!("../../../templates/typescript/types.ts.tera"),
        )],
    },
    TargetInfo {
        target: Target::Sdl,
        name: "sdl",
        templates: &[(
            "schema.graphql.tera",
            include_str!("../../../templates/sdl/schema.graphql.tera"),
        )],
    },
    TargetInfo {
        target: Target::TypescriptOperations,
        name: "typescript-operations",
        templates: &[(
            "operations.ts.tera",
            include_str!("../../../templates/typescript-operations/operations.ts.tera"),
        )],
    },
    TargetInfo {
        target: Target::RustOperations,
        name: "rust-operations",
        templates: &[
            (
                "macros.rs.tera",
                include_str!("../../../templates/rust-operations/macros.rs.tera"),
            ),
            (
                "mod.rs.tera",
                include_str!("../../../templates/rust-operations/mod.rs.tera"),
            ),
            (
                "types.rs.tera",
                include_str!("../../../templates/rust-operations/types.rs.tera"),
            ),
            (
                "operation.rs.tera",
                include_str!("../../../templates/rust-operations/operation.rs.tera"),
            ),
        ],
    },
];

impl Target {
    /// True for the targets that generate code per client operation (they need documents).
    pub fn needs_documents(self) -> bool {
        matches!(self, Target::TypescriptOperations | Target::RustOperations)
    }

    /// Every target, in registry order.
    pub fn all() -> impl Iterator<Item = Target> {
        TARGETS.iter().map(|info| info.target)
    }

    /// The kebab-case name (`rust-client`).
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Where the CLI writes this target when the config names no out dir: `generated/<name>`.
    pub fn default_out_dir(self) -> String {
        format!("generated/{}", self.name())
    }

    pub(crate) fn info(self) -> &'static TargetInfo {
        // Every variant has exactly one registry row; the `registry_lists_every_target` test
        // checks it, and the fallback keeps this total.
        TARGETS
            .iter()
            .find(|info| info.target == self)
            .unwrap_or(&TARGETS[0])
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing a target name: the name given, and the names that exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTarget(pub String);

impl fmt::Display for UnknownTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = TARGETS.iter().map(|info| info.name).collect();
        write!(
            f,
            "unknown target `{}` (known targets: {})",
            self.0,
            known.join(", ")
        )
    }
}

impl std::error::Error for UnknownTarget {}

impl FromStr for Target {
    type Err = UnknownTarget;

    fn from_str(text: &str) -> Result<Target, UnknownTarget> {
        TARGETS
            .iter()
            .find(|info| info.name == text)
            .map(|info| info.target)
            .ok_or_else(|| UnknownTarget(text.to_owned()))
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Target, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expect: Result<Target, &str>) {
        let parsed = input.parse::<Target>().map_err(|error| error.to_string());
        assert_eq!(parsed, expect.map_err(str::to_owned));
        if let Ok(target) = parsed {
            assert_eq!(
                target.to_string(),
                input,
                "Display is the inverse of FromStr"
            );
        }
    }

    #[test]
    fn parses_kebab_names() {
        check("rust-client", Ok(Target::RustClient));
        check("rust-server", Ok(Target::RustServer));
        check("markdown", Ok(Target::Markdown));
        check("typescript", Ok(Target::Typescript));
        check("sdl", Ok(Target::Sdl));
        check("typescript-operations", Ok(Target::TypescriptOperations));
        check("rust-operations", Ok(Target::RustOperations));
        check("RustClient", Err("unknown target `RustClient` (known targets: rust-client, rust-server, markdown, typescript, sdl, typescript-operations, rust-operations)"));
        check("", Err("unknown target `` (known targets: rust-client, rust-server, markdown, typescript, sdl, typescript-operations, rust-operations)"));
    }

    #[test]
    fn registry_lists_every_target() {
        for target in [
            Target::RustClient,
            Target::RustServer,
            Target::Markdown,
            Target::Typescript,
            Target::Sdl,
            Target::TypescriptOperations,
            Target::RustOperations,
        ] {
            assert_eq!(
                TARGETS.iter().filter(|info| info.target == target).count(),
                1
            );
            assert_eq!(target.info().target, target);
        }
        assert_eq!(
            Target::RustServer.default_out_dir(),
            "generated/rust-server"
        );
    }
}
