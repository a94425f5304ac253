//! Generates rust-client and rust-server code from real schemas into OUT_DIR exactly as
//! `gqlsmith generate` does (`gqlsmith::load`, recovery included for the docs page, then the
//! facade's one writer), and writes `modules.rs`, which declares one module per generated
//! out dir.

use std::fmt::Write as _;
use std::path::PathBuf;

use gqlsmith::codegen::{Config, Target, Templates};
use gqlsmith::{Input, LoadOptions, WriteMode};

/// (module name, input file relative to the workspace root, target)
const GENERATED: &[(&str, &str, Target)] = &[
    (
        "kraken_client",
        "fixtures/kraken/objects.txt",
        Target::RustClient,
    ),
    (
        "github_client",
        "fixtures/schemas/github.valid.graphql",
        Target::RustClient,
    ),
    (
        "kraken_server",
        "fixtures/kraken/objects.txt",
        Target::RustServer,
    ),
    (
        "github_server",
        "fixtures/schemas/github.valid.graphql",
        Target::RustServer,
    ),
    (
        "shopify_server",
        "fixtures/schemas/shopify-storefront.graphql",
        Target::RustServer,
    ),
    (
        "hostile_client",
        "fixtures/hostile/rust-names.graphql",
        Target::RustClient,
    ),
    (
        "hostile_server",
        "fixtures/hostile/rust-names.graphql",
        Target::RustServer,
    ),
];

fn main() {
    let manifest_dir =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let workspace = manifest_dir.join("../..");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let config_path = manifest_dir.join("gqlsmith.toml");
    println!("cargo::rerun-if-changed={}", config_path.display());
    println!(
        "cargo::rerun-if-changed={}",
        workspace.join("templates").display()
    );
    let config_text = std::fs::read_to_string(&config_path).expect("gqlsmith.toml is readable");
    let table: toml::Table = toml::from_str(&config_text).expect("gqlsmith.toml is TOML");
    let config: Config = table
        .get("generate")
        .cloned()
        .map(|generate| {
            generate
                .try_into()
                .expect("[generate] is a valid gqlsmith-codegen config")
        })
        .unwrap_or_default();

    let mut modules = String::from("// Written by build.rs: one module per generated out dir.\n");
    for (module, input, target) in GENERATED {
        let input_path = workspace.join(input);
        println!("cargo::rerun-if-changed={}", input_path.display());
        let text = std::fs::read_to_string(&input_path).expect("the fixture is readable");
        let format = gqlsmith::InputFormat::from_path(&input_path);
        let project = gqlsmith::load(
            vec![Input::from_text(*input, text, format)],
            &LoadOptions::default(),
        );
        let dir = out_dir.join(module);
        if let Err(diagnostics) = gqlsmith::generate_targets_to_dirs(
            &project,
            &[(*target, dir.clone())],
            &config,
            &Templates::embedded(),
            WriteMode::Write,
        ) {
            panic!(
                "generating {target} for {input} failed: {:?}",
                diagnostics
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            );
        }
        writeln!(
            modules,
            "#[path = {:?}]\npub mod {module};",
            dir.join("mod.rs").display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    std::fs::write(out_dir.join("modules.rs"), modules).expect("OUT_DIR is writable");
}
