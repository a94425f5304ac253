//! Helpers shared by the integration tests of the emitters (each test binary includes this
//! module with `mod support;`).

use gqlsmith_model::{Schema, Valid};

/// Loads `fixtures/<file>` as `gqlsmith generate` does (through `gqlsmith::load`: a docs page
/// is recovered) and validates it; panics with the diagnostics when the fixture has errors.
pub(crate) fn read_fixture(file: &str) -> Valid<Schema> {
    gqlsmith::test_support::valid(gqlsmith::test_support::fixture(file))
}

/// [`read_fixture`] with recovery off: what the page itself holds. Only for a test that says
/// why it wants that.
#[allow(dead_code, reason = "not every test binary uses it")]
pub(crate) fn read_fixture_without_recovery(file: &str) -> Valid<Schema> {
    gqlsmith::test_support::valid(gqlsmith::test_support::fixture_without_recovery(file))
}

/// FNV-1a, 64 bits: a digest of a generated file for snapshots, stable across platforms and
/// releases.
#[allow(dead_code, reason = "not every test binary uses it")]
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
