#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod expand;

use std::path::PathBuf;

/// Expands to the Rust code gqlsmith generates for a schema or docs page: the target's
/// modules nested inline (`pub mod objects { … }`), then one `const _: &[u8] =
/// include_bytes!(…)` per file read, so that cargo rebuilds the crate when one changes.
///
/// ```text
/// include_schema!("path/to/input", target = "rust-client", overlay = "…", reference = "…",
///                 config = "gqlsmith.toml", templates = "templates", format = "docs", recover = false)
/// ```
///
/// Only the input is required; `target` defaults to `rust-client`. Paths are relative to
/// the crate's `CARGO_MANIFEST_DIR`. Errors (an unreadable file, a syntax error in the
/// schema, a bad config) are a `compile_error!` on the macro's first argument, listing each
/// as `file:line:column: error[CODE]: message`. Warnings are not shown: run
/// `gqlsmith check` on the input to see them.
#[proc_macro]
pub fn include_schema(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    expand::expand(input.into(), &manifest_dir()).into()
}

/// `CARGO_MANIFEST_DIR`, unless `GQLSMITH_MANIFEST_DIR` replaces it: this crate's UI tests
/// need that, because trybuild compiles them as a crate of its own under `target/`.
fn manifest_dir() -> PathBuf {
    std::env::var_os("GQLSMITH_MANIFEST_DIR")
        .or_else(|| std::env::var_os("CARGO_MANIFEST_DIR"))
        .map(PathBuf::from)
        .unwrap_or_default()
}
