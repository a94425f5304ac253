//! Fuzzes the reference-docs reader: any bytes, read as text (invalid UTF-8 replaced), must
//! read without a panic, every diagnostic must point inside the input, and there must be one
//! line kind per line.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (loaded, trace) = gqlsmith_docs::read_with_trace(&text, Arc::from("fuzz.txt"));
    assert_eq!(trace.len(), text.lines().count());
    let line_count = text.lines().count().max(1);
    for diagnostic in &loaded.diagnostics {
        let location = diagnostic
            .location
            .as_ref()
            .expect("reader diagnostics have a location");
        assert!(location.line >= 1 && location.line as usize <= line_count);
        assert!(location.column >= 1);
    }
    let _ = gqlsmith_docs::stats(&loaded);
});
