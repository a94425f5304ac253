//! What `gqlsmith generate` writes for the Rust targets is what rustfmt would write: a team
//! that commits generated code keeps a green `cargo fmt --check`. The real rustfmt checks
//! every Rust file of `rust-client` and `rust-server` for the bundled page (recovery on, as
//! the CLI runs it), GitHub, Shopify, Saleor and the hostile schema. There is no formatter in
//! the generate path: the emitters lay out each line as rustfmt does.

mod support;

use std::path::Path;
use std::process::Command;

use support::{gqlsmith_in, root};

const INPUTS: &[&str] = &[
    "fixtures/kraken/objects.txt",
    "fixtures/schemas/github.valid.graphql",
    "fixtures/schemas/shopify-storefront.graphql",
    "fixtures/schemas/saleor.graphql",
    "fixtures/hostile/rust-names.graphql",
];

/// The `.rs` files below `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "rs"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_generated_rust_file_is_rustfmt_clean() {
    let version = Command::new("rustfmt").arg("--version").output();
    assert!(
        version.as_ref().is_ok_and(|output| output.status.success()),
        "rustfmt is missing: install it with `rustup component add rustfmt` ({version:?})"
    );
    let scratch = tempfile::tempdir().expect("a temporary directory");
    // An empty rustfmt.toml: rustfmt's defaults (max_width 100), whatever configuration
    // surrounds the temporary directory.
    let config = scratch.path().join("rustfmt.toml");
    std::fs::write(&config, "").expect("the temporary directory is writable");
    let mut failures = Vec::new();
    let mut checked = 0;
    for input in INPUTS {
        let out = scratch.path().join(input.replace('/', "_"));
        let out_text = out.display().to_string();
        let schema = root().join(input).display().to_string();
        let run = gqlsmith_in(
            &root(),
            &[
                "generate",
                &schema,
                "--target",
                "rust-client",
                "--target",
                "rust-server",
                "--out",
                &out_text,
            ],
        );
        assert_eq!(run.code, 0, "{input}: {}", run.stderr);
        for target in ["rust-client", "rust-server"] {
            let files = rust_files(&out.join(target));
            assert!(files.len() > 1, "{input}: {target} wrote {files:?}");
            checked += files.len();
            let output = Command::new("rustfmt")
                .args(["--edition", "2021", "--check", "--config-path"])
                .arg(&config)
                .args(&files)
                .output()
                .expect("rustfmt runs");
            if !output.status.success() {
                let diff = String::from_utf8_lossy(&output.stdout);
                failures.push(format!(
                    "{input} {target}: {}\n{}",
                    String::from_utf8_lossy(&output.stderr),
                    diff.lines().take(40).collect::<Vec<_>>().join("\n")
                ));
            }
        }
    }
    assert_eq!(failures, Vec::<String>::new());
    assert!(checked >= 40, "only {checked} files checked");
}
