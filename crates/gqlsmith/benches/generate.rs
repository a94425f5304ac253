//! `gqlsmith generate` as the command line runs it, reading included (parse, validate, and
//! recovery for the docs page), writing excluded: the speed goals of the emitters.
//!
//! - `rust-client + rust-server`: GitHub's schema (goal under 150 ms), the Kraken page (goal
//!   under 50 ms), on two cores;
//! - all five schema targets (`markdown`, `typescript`, `sdl`, `rust-client`, `rust-server`):
//!   the Kraken page (goal under 60 ms);
//! - `markdown + typescript`: GitHub's schema (goal under 300 ms), the Kraken page (goal under
//!   100 ms);
//! - and each target alone, to see where the time goes.

use criterion::{criterion_group, criterion_main, Criterion};
use gqlsmith::codegen::{generate_targets, Config, Target, Templates};
use gqlsmith::{load, Input, InputFormat, LoadOptions};

/// Loads `input` and generates `targets` as `gqlsmith generate` does (the targets side by
/// side); the number of bytes generated.
fn load_and_generate(input: &Input, targets: &[Target]) -> usize {
    let project = load(vec![input.clone()], &LoadOptions::default());
    let Ok((schema, _warnings)) = project.loaded.into_valid() else {
        return 0;
    };
    let label = input.label.to_string();
    generate_targets(
        &schema,
        targets,
        &Config::default(),
        &Templates::embedded(),
        &label,
    )
    .into_iter()
    .flatten()
    .flatten()
    .map(|file| file.contents.len())
    .sum()
}

fn bench(criterion: &mut Criterion) {
    let github_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/schemas/github.valid.graphql"
    );
    let github_text = std::fs::read_to_string(github_path)
        .unwrap_or_else(|error| panic!("cannot read {github_path}: {error}"));
    let inputs = [
        (
            "github",
            Input::from_text(
                "fixtures/schemas/github.valid.graphql",
                github_text,
                InputFormat::Sdl,
            ),
        ),
        ("kraken", Input::bundled_kraken()),
    ];
    let schema_targets: Vec<Target> = Target::all()
        .filter(|target| !target.needs_documents())
        .collect();
    let runs: [(&str, &[Target]); 8] = [
        (
            "rust-client+rust-server",
            &[Target::RustClient, Target::RustServer],
        ),
        ("all-schema-targets", &schema_targets),
        (
            "markdown+typescript",
            &[Target::Markdown, Target::Typescript],
        ),
        ("rust-client", &[Target::RustClient]),
        ("rust-server", &[Target::RustServer]),
        ("markdown", &[Target::Markdown]),
        ("typescript", &[Target::Typescript]),
        ("sdl", &[Target::Sdl]),
    ];
    let mut group = criterion.benchmark_group("generate");
    group.sample_size(10);
    for (input_name, input) in &inputs {
        // Every target must produce files, or the bench would time an early error. Checked
        // once per target, not once per run that includes it.
        for &target in &schema_targets {
            assert!(
                load_and_generate(input, &[target]) > 0,
                "{input_name}: {target} generates"
            );
        }
        for (targets_name, targets) in runs {
            group.bench_function(format!("{targets_name}/{input_name}"), |bencher| {
                bencher.iter(|| load_and_generate(input, targets))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

/// The allocator the `gqlsmith` binary uses, so the numbers are what `gqlsmith generate` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
