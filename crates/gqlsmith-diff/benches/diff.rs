//! Benchmarks the diff of the github schema pair (`fixtures/schema-pairs/github`, 1.1 MB and
//! 1.2 MB of SDL): reading both files included, as `gqlsmith diff` does, and the diff alone.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use gqlsmith_diff::{diff, DiffOptions};
use gqlsmith_model::Schema;

fn fixture(path: &str) -> String {
    let full = format!(
        "{}/../../fixtures/schema-pairs/github/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&full).unwrap_or_else(|error| panic!("{full}: {error}"))
}

fn read(name: &str, text: &str) -> Schema {
    gqlsmith_sdl::read_sdl(&[(Arc::from(name), text)]).schema
}

fn github_pair(criterion: &mut Criterion) {
    let old = fixture("old.graphql");
    let new = fixture("new.valid.graphql");
    let options = DiffOptions::default();
    let mut group = criterion.benchmark_group("github");
    group.sample_size(20);
    group.bench_function("read both and diff", |bench| {
        bench.iter(|| {
            let changes = diff(
                &read("old.graphql", &old),
                &read("new.valid.graphql", &new),
                &options,
            );
            black_box(changes)
        })
    });
    let (old_schema, new_schema) = (read("old.graphql", &old), read("new.valid.graphql", &new));
    group.bench_function("diff only", |bench| {
        bench.iter(|| black_box(diff(&old_schema, &new_schema, &options)))
    });
    group.finish();
}

criterion_group!(benches, github_pair);
criterion_main!(benches);

/// The allocator the `gqlsmith` binary uses, so the numbers are what `gqlsmith` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
