//! Reads one schema file (SDL, or introspection JSON when it ends in `.json`) and prints a
//! summary; used to measure peak memory (`/usr/bin/time -v`) and for quick looks.

use std::sync::Arc;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: read_schema FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(2);
        }
    };
    let file: Arc<str> = Arc::from(path.as_str());
    let loaded = if path.ends_with(".json") {
        gqlsmith_sdl::read_introspection(&text, file)
    } else {
        gqlsmith_sdl::read_sdl(&[(file, text.as_str())])
    };
    let fields: usize = loaded.schema.types.values().map(|ty| ty.fields.len()).sum();
    println!(
        "{} types, {} fields, {} diagnostics",
        loaded.schema.types.len(),
        fields,
        loaded.diagnostics.len()
    );
    for diagnostic in &loaded.diagnostics {
        println!("{diagnostic}");
        for label in &diagnostic.labels {
            println!("  {}: {}", label.location, label.message);
        }
    }
}
