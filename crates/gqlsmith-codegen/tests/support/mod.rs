//! Helpers shared by the integration tests of the emitters (each test binary includes this
//! module with `mod support;`).

use std::sync::Arc;

use gqlsmith_model::{Loaded, Schema, Valid};

/// Reads `fixtures/<file>` (a docs page for `.txt`, SDL otherwise) and validates it; panics
/// with the diagnostics when the fixture has errors.
pub(crate) fn read_fixture(file: &str) -> Valid<Schema> {
    let path = format!("{}/../../fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let label: Arc<str> = Arc::from(file);
    let loaded: Loaded = if file.ends_with(".txt") {
        gqlsmith_docs::read(&text, label)
    } else {
        gqlsmith_sdl::read_sdl(&[(label, &text)])
    };
    valid_or_panic(loaded, file)
}

/// The valid schema of what a reader loaded from `label`; panics with the diagnostics when it
/// has errors.
pub(crate) fn valid_or_panic(loaded: Loaded, label: &str) -> Valid<Schema> {
    match loaded.into_valid() {
        Ok((schema, _)) => schema,
        Err(loaded) => panic!(
            "{label} has errors: {:?}",
            loaded
                .diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        ),
    }
}

/// FNV-1a, 64 bits: a digest of a generated file for snapshots, stable across platforms and
/// releases.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
