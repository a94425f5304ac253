//! Benchmark: every rule over GitHub's schema (`fixtures/schemas/github.valid.graphql`, 1.4 MB
//! of SDL), with and without reading it. Targets (issue 5): under 150 ms with reading, under
//! 30 ms beyond reading.

use std::path::Path;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use gqlsmith_checks::{check, Config, Profile};
use gqlsmith_model::Date;

fn bench(criterion: &mut Criterion) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/schemas/github.valid.graphql");
    let text = std::fs::read_to_string(path).expect("the GitHub fixture is present");
    let file: Arc<str> = Arc::from("github.valid.graphql");
    let mut config = Config::default();
    config.profiles = vec![Profile::Relay, Profile::Kraken];
    let today = Date::parse("2026-11-29").expect("a valid date");
    let loaded = gqlsmith_sdl::read_sdl(&[(file.clone(), text.as_str())]);

    let mut group = criterion.benchmark_group("github.valid.graphql");
    group.sample_size(20);
    group.bench_function("check, all rules", |bencher| {
        bencher.iter(|| check(&loaded.schema, &config, today))
    });
    group.bench_function("read", |bencher| {
        bencher.iter(|| gqlsmith_sdl::read_sdl(&[(file.clone(), text.as_str())]))
    });
    group.bench_function("read and check, all rules", |bencher| {
        bencher.iter(|| {
            let loaded = gqlsmith_sdl::read_sdl(&[(file.clone(), text.as_str())]);
            check(&loaded.schema, &config, today)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

/// The allocator the `gqlsmith` binary uses, so the numbers are what `gqlsmith` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
