//! Fuzzes the overlay parser (`--overlay FILE`): any bytes, read as text (invalid UTF-8
//! replaced), must parse or fail without a panic, and when it fails every diagnostic must
//! point inside the file, since the CLI prints them as file:line:column.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(diagnostics) = gqlsmith_recover::Overlay::parse(&text, Arc::from("fuzz.toml")) {
        assert!(!diagnostics.is_empty(), "a failed parse says why");
        // A diagnostic at the end of a file that ends in a newline sits on the line after the last.
        let line_count = text.lines().count() + 1;
        for diagnostic in &diagnostics {
            if let Some(location) = &diagnostic.location {
                assert_eq!(&*location.file, "fuzz.toml");
                assert!(location.line >= 1 && location.line as usize <= line_count);
                assert!(location.column >= 1);
            }
        }
    }
});
