//! `gqlsmith generate` end to end: files written where they belong, `--check` agreeing with a
//! fresh generate byte for byte, determinism, and no output at all when anything fails.

mod support;

use std::path::Path;

use support::{gqlsmith_in, root};

/// Every file below `dir`, relative, sorted, with its bytes.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        for entry in std::fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().display().to_string();
                files.push((relative, std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn generate_then_check_then_edit() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    let schema = root()
        .join("fixtures/schemas/shopify-storefront.graphql")
        .display()
        .to_string();

    let first = gqlsmith_in(dir, &["generate", &schema, "--out", "out"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let generated = tree(&dir.join("out"));
    assert!(
        generated
            .iter()
            .any(|(path, _)| path.starts_with("rust-client/")),
        "{:?}",
        generated.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert!(generated
        .iter()
        .any(|(path, _)| path.starts_with("rust-server/")));

    // A second run gives the same bytes, and --check agrees.
    let again = gqlsmith_in(dir, &["generate", &schema, "--out", "out"]);
    assert_eq!(again.code, 0);
    assert!(
        tree(&dir.join("out")) == generated,
        "regenerating changed the output"
    );
    let check = gqlsmith_in(dir, &["generate", &schema, "--out", "out", "--check"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);

    // An edited file is stale; a deleted one is missing; --check writes nothing.
    let (victim, _) = &generated[0];
    let victim_path = dir.join("out").join(victim);
    std::fs::write(&victim_path, "// my edit\n").unwrap();
    let (deleted, _) = &generated[1];
    std::fs::remove_file(dir.join("out").join(deleted)).unwrap();
    let stale = gqlsmith_in(dir, &["generate", &schema, "--out", "out", "--check"]);
    assert_eq!(stale.code, 1);
    assert!(
        stale.stdout.contains(&format!("stale: out/{victim}")),
        "{}",
        stale.stdout
    );
    assert!(
        stale.stdout.contains(&format!("missing: out/{deleted}")),
        "{}",
        stale.stdout
    );
    assert_eq!(
        std::fs::read_to_string(&victim_path).unwrap(),
        "// my edit\n",
        "--check writes nothing"
    );
}

#[test]
fn the_bundled_page_generates_every_target_into_generated() {
    let scratch = tempfile::tempdir().unwrap();
    let run = gqlsmith_in(scratch.path(), &["generate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let targets: Vec<String> = std::fs::read_dir(scratch.path().join("generated"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(
        targets.contains(&"rust-client".to_owned()) && targets.contains(&"rust-server".to_owned()),
        "{targets:?}"
    );
}

#[test]
fn errors_write_nothing() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    std::fs::write(
        dir.join("broken.graphql"),
        "type Query {\n  a: Missing\n}\n",
    )
    .unwrap();
    let run = gqlsmith_in(dir, &["generate", "broken.graphql", "--out", "out"]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("broken.graphql:2:"), "{}", run.stderr);
    assert!(!dir.join("out").exists(), "no partial output");
}

#[test]
fn a_broken_user_template_names_its_file_and_line() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    std::fs::create_dir_all(dir.join("templates/rust-client")).unwrap();
    std::fs::write(
        dir.join("templates/rust-client/objects.rs.tera"),
        "// ok\n{% for x in %}\n",
    )
    .unwrap();
    let schema = root()
        .join("fixtures/schemas/shopify-storefront.graphql")
        .display()
        .to_string();
    let run = gqlsmith_in(
        dir,
        &[
            "generate",
            &schema,
            "--target",
            "rust-client",
            "--templates",
            "templates",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("objects.rs.tera"), "{}", run.stderr);
    assert!(!dir.join("out").exists(), "no partial output");
}
