//! Generates rust-client types for the Kraken page into `$OUT_DIR/gqlsmith/rust-client.rs`.
//! gqlsmith-build prints `cargo:rerun-if-changed` for the page, so this reruns only when the
//! page changes.

use gqlsmith::codegen::Target;
use gqlsmith_build::Builder;

fn main() -> Result<(), gqlsmith_build::BuildError> {
    Builder::new()
        .input("../../fixtures/kraken/objects.txt")
        .target(Target::RustClient)
        .generate_to_out_dir()?;
    Ok(())
}
