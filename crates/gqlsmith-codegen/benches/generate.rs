//! `generate --target rust-client --target rust-server`, reading included, for GitHub's schema
//! (budget 400 ms) and the Kraken docs page (budget 100 ms).

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use gqlsmith_codegen::{generate, Config, Target, Templates};
use gqlsmith_model::Loaded;

fn read_and_generate(text: &str, file: &str) -> usize {
    let label: Arc<str> = Arc::from(file);
    let loaded: Loaded = if file.ends_with(".txt") {
        gqlsmith_docs::read(text, label)
    } else {
        gqlsmith_sdl::read_sdl(&[(label, text)])
    };
    let Ok((schema, _)) = loaded.into_valid() else {
        return 0;
    };
    let templates = Templates::embedded();
    let mut bytes = 0;
    for target in [Target::RustClient, Target::RustServer] {
        if let Ok(files) = generate(&schema, target, &Config::default(), &templates, file) {
            bytes += files.iter().map(|file| file.contents.len()).sum::<usize>();
        }
    }
    bytes
}

fn bench(c: &mut Criterion) {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/");
    let mut group = c.benchmark_group("generate rust-client + rust-server");
    group.sample_size(10);
    for file in ["schemas/github.valid.graphql", "kraken/objects.txt"] {
        let text = std::fs::read_to_string(format!("{root}{file}")).unwrap_or_default();
        assert!(read_and_generate(&text, file) > 0, "{file} generates");
        group.bench_function(file, |b| b.iter(|| read_and_generate(&text, file)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

/// The allocator the `gqlsmith` binary uses, so the numbers are what `gqlsmith generate` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
