//! Reads an SDL or introspection JSON file and writes it back as SDL on standard output (`--sort` for alphabetical
//! order): a quick look at what `write_sdl` makes of a schema.

use std::sync::Arc;

use gqlsmith_sdl::{read_introspection, read_sdl, write_sdl, WriteOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sort = args.iter().any(|arg| arg == "--sort");
    let Some(path) = args.iter().find(|arg| !arg.starts_with("--")) else {
        eprintln!("usage: convert [--sort] FILE.graphql|FILE.json");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(2);
        }
    };
    let loaded = if path.ends_with(".json") {
        read_introspection(&text, Arc::from(path.as_str()))
    } else {
        read_sdl(&[(Arc::from(path.as_str()), text.as_str())])
    };
    for diagnostic in &loaded.diagnostics {
        eprintln!("{diagnostic}");
    }
    print!("{}", write_sdl(&loaded.schema, &WriteOptions { sort }));
}
