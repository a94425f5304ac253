//! The compile-time cost of `include_schema!` on the Kraken page: the macro's expansion
//! function called directly on proc-macro2 tokens (load, recover, generate, nest, tokenize),
//! and its parts.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};

// A proc-macro crate exports only its macros, so the bench compiles the expansion module
// itself, as the crate does.
#[allow(dead_code, unreachable_pub)]
#[path = "../src/expand.rs"]
mod expand;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn include_schema(c: &mut Criterion) {
    let workspace = workspace();
    let mut group = c.benchmark_group("include_schema_kraken");
    group.sample_size(10);
    for target in ["rust-client", "rust-server"] {
        let arguments: proc_macro2::TokenStream =
            format!("\"fixtures/kraken/objects.txt\", target = \"{target}\"")
                .parse()
                .expect("arguments tokenize");
        group.bench_function(format!("expand/{target}"), |b| {
            b.iter(|| expand::expand(arguments.clone(), &workspace));
        });
    }
    let project = gqlsmith::load(
        vec![gqlsmith::Input::bundled_kraken()],
        &gqlsmith::LoadOptions::default(),
    );
    group.bench_function("load_and_recover", |b| {
        b.iter(|| {
            gqlsmith::load(
                vec![gqlsmith::Input::bundled_kraken()],
                &gqlsmith::LoadOptions::default(),
            )
        });
    });
    let target = gqlsmith::codegen::Target::RustClient;
    let (config, templates) = (Default::default(), Default::default());
    group.bench_function("generate_to_string/rust-client", |b| {
        b.iter(|| gqlsmith::generate_to_string(&project, target, &config, &templates));
    });
    let code = gqlsmith::generate_to_string(&project, target, &config, &templates)
        .expect("the page generates");
    group.bench_function("tokenize/rust-client", |b| {
        b.iter(|| code.parse::<proc_macro2::TokenStream>());
    });
    group.finish();
}

criterion_group!(benches, include_schema);
criterion_main!(benches);
