//! Client operations at scale: 1,000 operations against GitHub's schema (the real ones of
//! `fixtures/operations/github`, replicated with renamed operation names), read from files,
//! parsed and validated together as `check --documents` does, and typed code for them as
//! `generate --documents` writes it. Goals: validation under 100 ms, each per-operation target
//! under 200 ms. graphql-inspector's `validate` and graphql-codegen's `typescript-operations`
//! (pinned in `tools/`) run on the same files in the same run, when they are installed, so the
//! ratio is measured on this machine, not quoted.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use gqlsmith::codegen::{generate_targets_with_documents, Config, Target, Templates};
use gqlsmith::{find_documents, load, read_documents, DocumentPattern, Input, LoadOptions};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const OPERATIONS: usize = 1_000;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Writes the corpus's valid documents into `dir`, the operations copied with new names until
/// there are 1,000 (fragments once); returns the number of operations written.
fn replicate(dir: &Path) -> usize {
    let corpus = root().join("fixtures/operations/github");
    let files = find_documents(&[
        DocumentPattern::new("**/*.graphql", &corpus),
        DocumentPattern::new("**/*.gql", &corpus),
    ])
    .expect("the GitHub corpus");
    let files: Vec<_> = files
        .into_iter()
        .filter(|file| !file.label.contains("/invalid/"))
        .collect();
    let schema = github_schema();
    let read = read_documents(&schema, &files);
    let documents = read.documents;
    let fragments: String = documents
        .fragments
        .iter()
        .map(|fragment| format!("{}\n\n", fragment.source))
        .collect();
    std::fs::write(dir.join("fragments.graphql"), fragments).unwrap();
    let mut written = 0;
    let mut round = 0;
    while written < OPERATIONS {
        let mut text = String::new();
        for operation in &documents.operations {
            if written == OPERATIONS {
                break;
            }
            let Some(name) = &operation.name else {
                continue;
            };
            // Rename only the definition's own name (its first occurrence).
            text.push_str(
                &operation
                    .source
                    .replacen(name.as_str(), &format!("{name}R{round}"), 1),
            );
            text.push_str("\n\n");
            written += 1;
        }
        std::fs::write(dir.join(format!("operations-{round}.graphql")), text).unwrap();
        round += 1;
    }
    written
}

fn github_input() -> Input {
    Input::read(&root().join("fixtures/schemas/github.valid.graphql"), None).expect("github schema")
}

fn github_schema() -> gqlsmith::model::Schema {
    load(vec![github_input()], &LoadOptions::default())
        .loaded
        .schema
}

/// A command's wall time, best of `runs` (it starts node: the best run is the fair one).
fn best_of(runs: usize, mut command: impl FnMut() -> Command) -> Option<Duration> {
    let mut best: Option<Duration> = None;
    for _ in 0..runs {
        let start = Instant::now();
        let status = command().output().ok()?.status;
        let elapsed = start.elapsed();
        if !status.success() {
            eprintln!("peer tool failed: {status}");
            return None;
        }
        best = Some(best.map_or(elapsed, |best| best.min(elapsed)));
    }
    best
}

fn bench(criterion: &mut Criterion) {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    assert_eq!(replicate(dir), OPERATIONS);
    let pattern = [DocumentPattern::new("*.graphql", dir)];
    let schema = github_schema();
    let (valid, _warnings) = load(vec![github_input()], &LoadOptions::default())
        .loaded
        .into_valid()
        .unwrap_or_else(|loaded| {
            panic!(
                "GitHub's schema has errors: {:?}",
                loaded.diagnostics.first()
            )
        });

    let check = || {
        let files = find_documents(&pattern).unwrap();
        let read = read_documents(&schema, &files);
        assert!(
            read.diagnostics.iter().all(|d| !d.is_error()),
            "{:?}",
            read.diagnostics.first()
        );
        assert_eq!(read.documents.operations.len(), OPERATIONS);
        read
    };
    check();
    // One run of one target and nothing else, for a profiler: criterion's repetitions would
    // drown what `valgrind --tool=callgrind` counts (README.md, "Development").
    if let Ok(name) = std::env::var("GQLSMITH_PROFILE_TARGET") {
        let target: Target = name
            .parse()
            .unwrap_or_else(|error| panic!("GQLSMITH_PROFILE_TARGET: {error}"));
        let read = check();
        let files = generate_targets_with_documents(
            &valid,
            Some(&read.documents),
            &[target],
            &Config::default(),
            &Templates::embedded(),
            "github.valid.graphql",
        );
        let bytes: usize = files
            .into_iter()
            .flatten()
            .flatten()
            .map(|file| file.contents.len())
            .sum();
        eprintln!("{target}: {bytes} bytes for {OPERATIONS} operations");
        return;
    }
    let mut group = criterion.benchmark_group("operations");
    group.sample_size(10);
    group.bench_function("validate 1000 (documents read, schema loaded)", |bench| {
        bench.iter(check)
    });
    group.bench_function("validate 1000 (schema and documents read)", |bench| {
        bench.iter(|| {
            let schema = load(vec![github_input()], &LoadOptions::default())
                .loaded
                .schema;
            let files = find_documents(&pattern).unwrap();
            read_documents(&schema, &files).documents.operations.len()
        })
    });
    for target in [Target::TypescriptOperations, Target::RustOperations] {
        group.bench_function(
            format!("generate {target} for 1000 (documents read and validated)"),
            |bench| {
                bench.iter(|| {
                    let read = check();
                    let files = generate_targets_with_documents(
                        &valid,
                        Some(&read.documents),
                        &[target],
                        &Config::default(),
                        &Templates::embedded(),
                        "github.valid.graphql",
                    );
                    files
                        .into_iter()
                        .flatten()
                        .flatten()
                        .map(|file| file.contents.len())
                        .sum::<usize>()
                })
            },
        );
    }
    group.finish();

    // The peers, on the same files, from tools/ (installed by `cargo xtask test`).
    let tools = root().join("tools");
    let inspector = tools.join("node_modules/.bin/graphql-inspector");
    let schema_path = root().join("fixtures/schemas/github.valid.graphql");
    let glob = format!("{}/*.graphql", dir.display());
    if inspector.exists() {
        if let Some(theirs) = best_of(3, || {
            let mut command = Command::new(&inspector);
            command
                .args(["validate", "--noStrictFragments", &glob])
                .arg(&schema_path);
            command
        }) {
            eprintln!("graphql-inspector validate, 1000 operations: {theirs:?} (best of 3, node start included)");
        }
        let codegen = tools.join("node_modules/.bin/graphql-codegen");
        let config = dir.join("codegen.json");
        std::fs::write(
            &config,
            serde_json::json!({
                "schema": schema_path.display().to_string(),
                "documents": glob,
                "generates": { dir.join("theirs.ts").display().to_string(): { "plugins": ["typescript-operations"] } },
            })
            .to_string(),
        )
        .unwrap();
        if let Some(theirs) = best_of(3, || {
            let mut command = Command::new(&codegen);
            command
                .args(["--config", &config.display().to_string()])
                .current_dir(&tools);
            command
        }) {
            eprintln!("graphql-codegen typescript-operations, 1000 operations: {theirs:?} (best of 3, node start included)");
        }
    } else {
        eprintln!("tools/ is not installed (npm ci --prefix tools): no peer timings");
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
