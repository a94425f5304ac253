//! Fuzzes the SDL reader: any bytes, read as text (invalid UTF-8 replaced), must read without
//! a panic, every diagnostic with a location must point at the input's file and inside it, and
//! the model read must write back as SDL without a panic (the CLI's `convert` path).
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let loaded = gqlsmith_sdl::read_sdl(&[(Arc::from("fuzz.graphql"), text.as_ref())]);
    // Lines end at `\r\n`, `\n` or a lone `\r`, as in GraphQL's LineTerminator (spec §2.1.3); a
    // diagnostic at the end of a file that ends in a line break sits on the (empty) last line.
    let line_count = text.replace("\r\n", "\n").split(['\n', '\r']).count();
    for diagnostic in &loaded.diagnostics {
        if let Some(location) = &diagnostic.location {
            assert_eq!(&*location.file, "fuzz.graphql");
            assert!(location.line >= 1 && location.line as usize <= line_count);
            assert!(location.column >= 1);
        }
    }
    let _ = gqlsmith_sdl::write_sdl(&loaded.schema, &gqlsmith_sdl::WriteOptions::default());
});
