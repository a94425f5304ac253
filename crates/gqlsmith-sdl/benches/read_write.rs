//! Criterion benchmarks on the GitHub schema: read + validate against apollo-compiler's own
//! parse + validate of the same file in the same run (target: within 1.2x), `write_sdl`
//! (target: under 20 ms), and the introspection reader on the 2.9 MB `github.json`.

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use gqlsmith_sdl::{read_introspection, read_sdl, write_sdl, WriteOptions};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../fixtures/schemas/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn read(c: &mut Criterion) {
    let text = fixture("github.valid.graphql");
    let file: Arc<str> = Arc::from("github.valid.graphql");
    let mut group = c.benchmark_group("read github.valid.graphql");
    group.sample_size(30);
    group.bench_function("apollo-compiler parse_and_validate", |b| {
        b.iter(|| {
            apollo_compiler::Schema::parse_and_validate(text.as_str(), "github.valid.graphql")
                .is_ok()
        })
    });
    group.bench_function("gqlsmith read_sdl", |b| {
        b.iter(|| read_sdl(&[(file.clone(), text.as_str())]))
    });
    group.finish();
}

fn write(c: &mut Criterion) {
    let text = fixture("github.valid.graphql");
    let schema = read_sdl(&[(Arc::from("github.valid.graphql"), text.as_str())]).schema;
    let mut group = c.benchmark_group("write github");
    group.bench_function("write_sdl", |b| {
        b.iter(|| write_sdl(&schema, &WriteOptions::default()))
    });
    group.bench_function("write_sdl sorted", |b| {
        b.iter(|| write_sdl(&schema, &WriteOptions { sort: true }))
    });
    group.finish();
}

fn introspection(c: &mut Criterion) {
    let text = fixture("github.json");
    let file: Arc<str> = Arc::from("github.json");
    let mut group = c.benchmark_group("read github.json");
    group.sample_size(30);
    group.bench_function("read_introspection", |b| {
        b.iter(|| read_introspection(&text, file.clone()))
    });
    group.bench_function("serde_json to Value (baseline)", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(&text).is_ok())
    });
    group.finish();
}

criterion_group!(benches, read, write, introspection);
criterion_main!(benches);

/// The allocator the `gqlsmith` binary uses, so the numbers are what `gqlsmith` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
