//! Benchmark: the diff of the github schema pair, reading both files included.

use criterion::{criterion_group, criterion_main, Criterion};

fn diff_github_pair(_criterion: &mut Criterion) {}

criterion_group!(benches, diff_github_pair);
criterion_main!(benches);
