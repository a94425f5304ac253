//! The compile errors of `include_schema!`, pinned: a schema with a syntax error, a missing
//! file, an unknown target. Each `.stderr` is what a user sees.

#[test]
fn compile_errors() {
    // trybuild compiles the cases as a crate of its own under target/; the macro reads
    // GQLSMITH_MANIFEST_DIR first, so that the cases' paths start at this crate.
    std::env::set_var("GQLSMITH_MANIFEST_DIR", env!("CARGO_MANIFEST_DIR"));
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
