//! Fuzzes the recovery pass: any bytes, read as a docs page (invalid UTF-8 replaced), then
//! recovered with default options (no overlay, no reference schema) as `gqlsmith docs` does,
//! must not panic, and neither may rendering the recovery report.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut loaded = gqlsmith_docs::read(&text, Arc::from("fuzz.txt"));
    let types_before = loaded.schema.types.len();
    let report =
        gqlsmith_recover::recover(&mut loaded, &gqlsmith_recover::RecoverOptions::default());
    // Recovery renames blocks and adds referenced types; it never drops one.
    assert!(loaded.schema.types.len() >= types_before);
    let _ = report.render();
});
