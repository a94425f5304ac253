//! Reading and validating the GitHub schema, against apollo-compiler's own parse+validate of
//! the same file in the same run (target: within 1.2x).

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};

fn github_valid() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/schemas/github.valid.graphql"
    );
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn read(c: &mut Criterion) {
    let text = github_valid();
    let file: Arc<str> = Arc::from("github.valid.graphql");
    let mut group = c.benchmark_group("github.valid.graphql");
    group.sample_size(30);
    group.bench_function("apollo-compiler parse_and_validate", |b| {
        b.iter(|| {
            apollo_compiler::Schema::parse_and_validate(text.as_str(), "github.valid.graphql")
                .is_ok()
        })
    });
    group.bench_function("gqlsmith read_sdl", |b| {
        b.iter(|| gqlsmith_sdl::read_sdl(&[(file.clone(), text.as_str())]))
    });
    group.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
