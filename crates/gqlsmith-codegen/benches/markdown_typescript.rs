//! Benchmarks of the `markdown` and `typescript` targets together, as
//! `generate --target markdown --target typescript` runs them: GitHub's public schema (goal
//! under 300 ms) and the Kraken docs page (goal under 100 ms). Reading the input is not timed.

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use gqlsmith_codegen::{generate, Config, Target, Templates};
use gqlsmith_model::{Schema, Valid};

fn load(path: &str) -> Valid<Schema> {
    let full = format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full)
        .unwrap_or_else(|error| panic!("cannot read {full}: {error}"));
    let loaded = if path.ends_with(".txt") {
        gqlsmith_docs::read(&text, Arc::from(path))
    } else {
        gqlsmith_sdl::read_sdl(&[(Arc::from(path), text.as_str())])
    };
    assert!(!loaded.has_errors(), "{path} loads without errors");
    // Checked just above: no error-level diagnostics.
    Valid::assume_valid(loaded.schema)
}

fn markdown_and_typescript(criterion: &mut Criterion) {
    let config = Config::default();
    let templates = Templates::embedded();
    let inputs = [
        ("github", "fixtures/schemas/github.valid.graphql"),
        ("kraken", "fixtures/kraken/objects.txt"),
    ];
    for (name, path) in inputs {
        let schema = load(path);
        let run = |targets: &[Target]| {
            let mut files = 0;
            for target in targets {
                files += generate(&schema, *target, &config, &templates, path)
                    .map(|files| files.len())
                    .unwrap_or(0);
            }
            files
        };
        // What `generate --target markdown --target typescript` does, then each target alone.
        criterion.bench_function(&format!("markdown+typescript/{name}"), |bencher| {
            bencher.iter(|| run(&[Target::Markdown, Target::Typescript]))
        });
        criterion.bench_function(&format!("markdown/{name}"), |bencher| {
            bencher.iter(|| run(&[Target::Markdown]))
        });
        criterion.bench_function(&format!("typescript/{name}"), |bencher| {
            bencher.iter(|| run(&[Target::Typescript]))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = markdown_and_typescript
}
criterion_main!(benches);

/// The allocator the `gqlsmith` binary uses, so the numbers are what `gqlsmith generate` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
