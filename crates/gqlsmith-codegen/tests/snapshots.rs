//! Snapshots of every target for the Kraken docs page and Shopify's storefront schema: a
//! digest of every file (so any change shows), plus the full text of the smaller files and
//! the head of the large ones. Also: generating twice gives identical bytes.

mod support;

use std::fmt::Write as _;

use gqlsmith_codegen::{generate, generate_targets, Config, GeneratedFile, Target, Templates};
use gqlsmith_model::{Schema, Valid};
use support::{fnv1a, read_fixture, read_fixture_without_recovery};

/// Files up to this size are snapshotted whole; larger ones by their first lines.
const FULL_TEXT_LIMIT: usize = 40_000;
const HEAD_LINES: usize = 150;
/// The targets this file covers (the markdown and typescript targets have their own tests).
const TARGETS: [Target; 3] = [Target::RustClient, Target::RustServer, Target::Sdl];

fn generate_all(schema: &Valid<Schema>, target: Target, file: &str) -> Vec<GeneratedFile> {
    match generate(
        schema,
        target,
        &Config::default(),
        &Templates::embedded(),
        file,
    ) {
        Ok(files) => files,
        Err(diagnostics) => panic!(
            "{:?}",
            diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        ),
    }
}

fn snapshot_text(files: &[GeneratedFile]) -> String {
    let mut text = String::from("## digest: path, bytes, lines, fnv1a-64\n");
    for file in files {
        let lines = file.contents.lines().count();
        writeln!(
            text,
            "{} {} {} {:016x}",
            file.path,
            file.contents.len(),
            lines,
            fnv1a(file.contents.as_bytes())
        )
        .unwrap();
    }
    for file in files {
        if file.contents.len() <= FULL_TEXT_LIMIT {
            writeln!(text, "\n## {} (whole file)\n{}", file.path, file.contents).unwrap();
        } else {
            let head: Vec<&str> = file.contents.lines().take(HEAD_LINES).collect();
            writeln!(
                text,
                "\n## {} (first {HEAD_LINES} lines)\n{}",
                file.path,
                head.join("\n")
            )
            .unwrap();
        }
    }
    text
}

#[track_caller]
fn check(file: &str) {
    let schema = read_fixture(file);
    for target in TARGETS {
        let files = generate_all(&schema, target, file);
        let name = format!("{target}@{}", file.replace('/', "__"));
        insta::assert_snapshot!(name, snapshot_text(&files));
    }
}

#[test]
fn every_target_for_the_kraken_page() {
    check("kraken/objects.txt");
}

/// The one snapshot with recovery off, on purpose: the SDL of what the Kraken page itself
/// holds (`Unnamed_L<line>` placeholders, undefined names as they are). Set against
/// `sdl@kraken__objects.txt`, it shows what recovery adds; every other test loads the page
/// as users get it.
#[test]
fn the_kraken_page_without_recovery() {
    let file = "kraken/objects.txt";
    let files = generate_all(&read_fixture_without_recovery(file), Target::Sdl, file);
    insta::assert_snapshot!("sdl@kraken__objects.txt--no-recover", snapshot_text(&files));
}

#[test]
fn every_target_for_shopify_storefront() {
    check("schemas/shopify-storefront.graphql");
}

#[test]
fn generating_twice_gives_identical_bytes() {
    for file in ["kraken/objects.txt", "schemas/shopify-storefront.graphql"] {
        let first_schema = read_fixture(file);
        let second_schema = read_fixture(file);
        for target in TARGETS {
            let first = generate_all(&first_schema, target, file);
            let second = generate_all(&second_schema, target, file);
            assert_eq!(first, second, "{target} for {file}");
        }
    }
}

/// `generate --target a --target b` generates the targets side by side; the files must be
/// those of one target at a time, byte for byte, in the order the targets were asked for,
/// and a single-threaded run (inside a proc macro) must give the same.
#[test]
fn targets_generated_side_by_side_match_one_at_a_time() {
    let file = "schemas/shopify-storefront.graphql";
    let schema = read_fixture(file);
    let targets = [
        Target::Sdl,
        Target::RustServer,
        Target::Markdown,
        Target::RustClient,
        Target::Typescript,
    ];
    let one_at_a_time: Vec<Vec<GeneratedFile>> = targets
        .iter()
        .map(|&target| generate_all(&schema, target, file))
        .collect();
    let single_threaded = Config {
        single_threaded: true,
        ..Config::default()
    };
    for config in [Config::default(), single_threaded] {
        let side_by_side: Vec<Vec<GeneratedFile>> =
            generate_targets(&schema, &targets, &config, &Templates::embedded(), file)
                .into_iter()
                .map(|result| result.unwrap_or_else(|diagnostics| panic!("{diagnostics:?}")))
                .collect();
        assert!(side_by_side == one_at_a_time);
    }
}
