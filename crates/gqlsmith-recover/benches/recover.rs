//! Criterion benchmarks of the recovery pass on the Kraken seed page and on a page ten times
//! larger (every block replicated under renamed names), to check the pass stays near-linear.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use gqlsmith_model::{Loaded, TypeRef};
use gqlsmith_recover::{recover, RecoverOptions};

fn seed() -> Loaded {
    let text = include_str!("../../../fixtures/kraken/objects.txt");
    gqlsmith_docs::read(text, "fixtures/kraken/objects.txt".into())
}

/// The seed `copies` times: copy `n` renames every type `T` to `PnT`, which keeps each copy in
/// ASCII order and after the previous copies.
fn replicated(page: &Loaded, copies: usize) -> Loaded {
    let mut big = Loaded::default();
    for copy in 0..copies {
        let rename = |name: &str| {
            if Schema_is_builtin(name) {
                name.to_owned()
            } else {
                format!("P{copy}{name}")
            }
        };
        for ty in page.schema.types.values() {
            let mut ty = ty.clone();
            ty.name = rename(&ty.name);
            for field in &mut ty.fields {
                let base = field.ty.base_name().to_owned();
                *field.ty.base_name_mut() = rename(&base);
            }
            if let Some(example) = &mut ty.example {
                for entry in &mut example.entries {
                    let value = entry.value.trim();
                    let bare = value.trim_start_matches('[').trim_end_matches(']');
                    if TypeRef::parse(bare).is_some() && !matches!(bare, "true" | "false" | "null")
                    {
                        entry.value = value.replace(bare, &rename(bare));
                    }
                }
            }
            big.schema.insert_type(ty);
        }
    }
    big
}

#[allow(non_snake_case)]
fn Schema_is_builtin(name: &str) -> bool {
    gqlsmith_model::Schema::is_builtin_scalar(name)
}

fn bench(c: &mut Criterion) {
    let page = seed();
    c.bench_function("recover kraken seed", |b| {
        b.iter_batched(
            || page.clone(),
            // The page is handed back so that freeing it (not part of the pass) is untimed.
            |mut loaded| {
                let report = recover(&mut loaded, &RecoverOptions::default());
                (loaded, report)
            },
            BatchSize::LargeInput,
        )
    });
    let big = replicated(&page, 10);
    c.bench_function("recover kraken seed x10", |b| {
        b.iter_batched(
            || big.clone(),
            // The page is handed back so that freeing it (not part of the pass) is untimed.
            |mut loaded| {
                let report = recover(&mut loaded, &RecoverOptions::default());
                (loaded, report)
            },
            BatchSize::LargeInput,
        )
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

/// The allocator the `gqlsmith` binary uses, so the numbers are what `gqlsmith` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
