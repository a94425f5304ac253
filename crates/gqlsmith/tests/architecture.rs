//! The invariants ARCHITECTURE.md states that neither the compiler nor clippy enforces, checked
//! over the source text: which crates do IO or print, who enables the test-only features, and
//! which tests read a docs page without recovery. Each check names the ARCHITECTURE.md
//! section it guards.

use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file below `dir` (relative to the workspace), sorted.
fn rust_files(dir: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![workspace().join(dir)];
    while let Some(next) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&next) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// `file:line: text` for each line of the `.rs` files below `dirs` that contains one of
/// `needles`, outside comments.
fn occurrences(dirs: &[&str], needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for dir in dirs {
        let files = rust_files(dir);
        assert!(!files.is_empty(), "no Rust files below {dir}");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            for (number, line) in lines.iter().enumerate() {
                // A file's unit tests (the `#[cfg(test)] mod tests` at its end) may do IO,
                // such as running the real rustfmt on what a layout helper prints: the
                // invariants are about what the library does, not how it is tested.
                if *line == "#[cfg(test)]"
                    && lines
                        .get(number + 1)
                        .is_some_and(|next| next.starts_with("mod tests"))
                {
                    break;
                }
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                if needles.iter().any(|needle| code.contains(needle)) {
                    let relative = file.strip_prefix(workspace()).unwrap_or(&file);
                    found.push(format!("{}:{}: {code}", relative.display(), number + 1));
                }
            }
        }
    }
    found
}

/// "the model crate ... does no IO", "gqlsmith-sdl: no IO", "checks: no IO", "diff: reads only
/// the model", "recovery works on the model only", "codegen: returns files, never writes
/// them; does no IO (templates come as (name, text) pairs)".
#[test]
fn the_pure_crates_do_no_io() {
    let pure = [
        "crates/gqlsmith-model/src",
        "crates/gqlsmith-sdl/src",
        "crates/gqlsmith-checks/src",
        "crates/gqlsmith-diff/src",
        "crates/gqlsmith-recover/src",
        "crates/gqlsmith-codegen/src",
    ];
    let io = [
        "std::fs",
        "std::net",
        "std::process",
        "File::",
        "read_dir",
        "std::env::var",
    ];
    assert_eq!(occurrences(&pure, &io), Vec::<String>::new());
}

/// "Only the CLI knows exit codes ... and the terminal": the libraries print nothing and
/// never exit.
#[test]
fn only_the_cli_prints_and_exits() {
    let libraries = [
        "crates/gqlsmith-model/src",
        "crates/gqlsmith-docs/src",
        "crates/gqlsmith-sdl/src",
        "crates/gqlsmith-checks/src",
        "crates/gqlsmith-diff/src",
        "crates/gqlsmith-recover/src",
        "crates/gqlsmith-codegen/src",
        "crates/gqlsmith/src",
    ];
    let terminal = [
        "println!",
        "eprintln!",
        "print!(",
        "eprint!(",
        "std::process::exit",
        "stdout()",
        "stderr()",
    ];
    assert_eq!(occurrences(&libraries, &terminal), Vec::<String>::new());
}

/// `(section, line)` of every line of a Cargo.toml that mentions `feature`.
fn feature_uses(manifest: &Path, feature: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(manifest).unwrap();
    let mut section = String::new();
    let mut uses = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            section = line.to_owned();
        } else if !line.starts_with('#') && line.contains(&format!("\"{feature}\"")) {
            uses.push((section.clone(), line.to_owned()));
        }
    }
    uses
}

fn manifests() -> Vec<PathBuf> {
    let mut found = vec![workspace().join("Cargo.toml")];
    for parent in ["crates", "tests", "examples"] {
        for entry in std::fs::read_dir(workspace().join(parent))
            .unwrap()
            .flatten()
        {
            let manifest = entry.path().join("Cargo.toml");
            if manifest.exists() {
                found.push(manifest);
            }
        }
    }
    found.push(workspace().join("xtask/Cargo.toml"));
    found.sort();
    found
}

/// "Emitters accept only `Valid<Schema>`, which only `Loaded::into_valid` and
/// `Loaded::as_valid` make": `Valid::assume_valid` and `gqlsmith::test_support` exist only
/// with the `test-support` features, which only dev-dependencies enable. Likewise recovery's
/// `harness` feature: only xtask and tests.
#[test]
fn test_only_features_are_enabled_only_by_tests_and_xtask() {
    let mut wrong = Vec::new();
    for manifest in manifests() {
        let is_xtask = manifest.ends_with("xtask/Cargo.toml");
        for (feature, allowed_in_xtask) in [("test-support", false), ("harness", true)] {
            for (section, line) in feature_uses(&manifest, feature) {
                let allowed = section == "[dev-dependencies]"
                    || (allowed_in_xtask && is_xtask && section == "[dependencies]");
                if !allowed {
                    wrong.push(format!("{}: {section} {line}", manifest.display()));
                }
            }
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
    let used = feature_uses(
        &workspace().join("crates/gqlsmith-codegen/Cargo.toml"),
        "test-support",
    );
    assert_eq!(
        used.len(),
        1,
        "the check sees the codegen tests' use: {used:?}"
    );
}

/// "Tests enter where users enter": a test outside the reader's and recovery's own crates
/// reads a docs page through `gqlsmith::load` (the test helper `gqlsmith::test_support`),
/// or says why not with a `recovery off:` comment.
#[test]
fn tests_read_docs_pages_through_recovery() {
    let mut bypassing = Vec::new();
    let mut test_dirs: Vec<String> = std::fs::read_dir(workspace().join("crates"))
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            !path.ends_with("gqlsmith-docs")
                && !path.ends_with("gqlsmith-recover")
                && !path.ends_with("gqlsmith")
        })
        .map(|path| {
            let relative = path
                .strip_prefix(workspace())
                .unwrap()
                .display()
                .to_string();
            format!("{relative}/tests")
        })
        .collect();
    test_dirs.push("tests/generated-rust".to_owned());
    test_dirs.sort();
    for dir in &test_dirs {
        for file in rust_files(dir) {
            let text = std::fs::read_to_string(&file).unwrap();
            if text.contains("gqlsmith_docs::read(") && !text.contains("recovery off:") {
                bypassing.push(
                    file.strip_prefix(workspace())
                        .unwrap()
                        .display()
                        .to_string(),
                );
            }
        }
    }
    assert_eq!(bypassing, Vec::<String>::new());
    assert!(test_dirs.len() > 5, "{test_dirs:?}");
}
