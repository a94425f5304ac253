//! Reading the bundled Kraken page (561 KB, 14,775 lines) into the model. Target: under 5 ms.
//! The first benchmark times the read alone (the model is dropped outside the timing), the
//! second includes dropping the model, which costs about a fifth more.

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SEED: &str = include_str!("../../../fixtures/kraken/objects.txt");

fn read_seed(criterion: &mut Criterion) {
    let file: Arc<str> = Arc::from("fixtures/kraken/objects.txt");
    let mut group = criterion.benchmark_group("docs");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("read kraken objects page", |bencher| {
        bencher
            .iter_with_large_drop(|| gqlsmith_docs::read(std::hint::black_box(SEED), file.clone()))
    });
    group.bench_function("read and drop kraken objects page", |bencher| {
        bencher.iter(|| gqlsmith_docs::read(std::hint::black_box(SEED), file.clone()))
    });
    group.bench_function("stats of the read page", |bencher| {
        let loaded = gqlsmith_docs::read(SEED, file.clone());
        bencher.iter(|| gqlsmith_docs::stats(std::hint::black_box(&loaded)))
    });
    group.finish();
}

criterion_group!(benches, read_seed);
criterion_main!(benches);

/// The allocator the `gqlsmith` binary uses, so the numbers are what `gqlsmith` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
