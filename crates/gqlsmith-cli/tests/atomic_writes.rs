//! `gqlsmith generate` writes a whole run or nothing: a write error leaves the old files as
//! they were, two runs at once never mix their files, and the temporary files of a killed run
//! are reported by `--check` and swept by the next run.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

mod support;

use support::gqlsmith_in;

/// A schema whose every generated page changes with `version`; `extra` adds a type.
fn schema(version: &str, extra: &str) -> String {
    format!(
        "\"The root ({version}).\"\ntype Query {{\n  \"A user ({version}).\"\n  user: User\n  post: Post\n}}\n\"A user ({version}).\"\ntype User {{ id: ID! name: String }}\n\"A post ({version}).\"\ntype Post {{ id: ID! title: String }}\n{extra}"
    )
}

/// Every file below `dir` with its bytes, by path relative to `dir`.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().display().to_string();
                found.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    found
}

/// `generate` of `schema_file` into `out`, markdown (a page per type) and TypeScript.
fn generate_args<'a>(schema_file: &'a str, out: &'a str) -> Vec<&'a str> {
    vec![
        "generate",
        schema_file,
        "--target",
        "markdown",
        "--target",
        "typescript",
        "--out",
        out,
    ]
}

#[test]
fn a_write_error_mid_run_leaves_every_old_file_as_it_was() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    std::fs::write(dir.join("v1.graphql"), schema("v1", "")).unwrap();
    let extra =
        "\"A comment (v2).\"\ntype Comment { id: ID! }\nextend type Query { comment: Comment }\n";
    std::fs::write(dir.join("v2.graphql"), schema("v2", extra)).unwrap();
    assert_eq!(
        gqlsmith_in(dir, &generate_args("v1.graphql", "out")).code,
        0
    );
    let before = files(&dir.join("out"));
    // Where v2 writes a file v1 did not, a directory stands (as root, a read-only file would
    // not stop the write): the run fails after staging some of its files.
    assert_eq!(
        gqlsmith_in(dir, &generate_args("v2.graphql", "v2-alone")).code,
        0
    );
    let new_files: Vec<String> = files(&dir.join("v2-alone"))
        .into_keys()
        .filter(|path| !before.contains_key(path))
        .collect();
    let blocked = new_files.last().expect("v2 writes a file v1 does not");
    std::fs::create_dir_all(dir.join("out").join(blocked).join("in-the-way")).unwrap();

    let run = gqlsmith_in(dir, &generate_args("v2.graphql", "out"));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("[B802]") && run.stderr.contains("it is a directory"),
        "{}",
        run.stderr
    );
    let after = files(&dir.join("out"));
    let planted = format!("{blocked}/in-the-way");
    assert!(!after.contains_key(&planted), "a directory is no file");
    assert_eq!(
        after, before,
        "the failed run changed or left files (staged files must be removed, old ones kept)"
    );
}

#[test]
fn two_runs_at_once_do_not_mix_their_files() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    std::fs::write(dir.join("a.graphql"), schema("a", "")).unwrap();
    let extra = "type Comment { id: ID! }\nextend type Query { comment: Comment }\n";
    std::fs::write(dir.join("b.graphql"), schema("b", extra)).unwrap();
    assert_eq!(
        gqlsmith_in(dir, &generate_args("a.graphql", "alone-a")).code,
        0
    );
    assert_eq!(
        gqlsmith_in(dir, &generate_args("b.graphql", "alone-b")).code,
        0
    );
    let alone_a = files(&dir.join("alone-a"));
    let alone_b = files(&dir.join("alone-b"));
    assert_ne!(alone_a, alone_b);
    for round in 0..6 {
        let spawn = |schema_file: &str| {
            Command::new(env!("CARGO_BIN_EXE_gqlsmith"))
                .args(generate_args(schema_file, "out"))
                .current_dir(dir)
                .env("NO_COLOR", "1")
                .output()
        };
        let (first, second) = std::thread::scope(|scope| {
            let first = scope.spawn(|| {
                spawn(if round % 2 == 0 {
                    "a.graphql"
                } else {
                    "b.graphql"
                })
            });
            let second = scope.spawn(|| {
                spawn(if round % 2 == 0 {
                    "b.graphql"
                } else {
                    "a.graphql"
                })
            });
            (
                first.join().unwrap().unwrap(),
                second.join().unwrap().unwrap(),
            )
        });
        for output in [&first, &second] {
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let mut out = files(&dir.join("out"));
        for kept in [".gqlsmith-lock"] {
            for target in ["markdown", "typescript"] {
                out.remove(&format!("{target}/{kept}"));
            }
        }
        let alone = |expected: &BTreeMap<String, Vec<u8>>| {
            let mut expected = expected.clone();
            for target in ["markdown", "typescript"] {
                expected.remove(&format!("{target}/.gqlsmith-lock"));
            }
            expected == out
        };
        assert!(
            alone(&alone_a) || alone(&alone_b),
            "round {round}: the out dir holds neither run's files alone: {:?}",
            out.keys().collect::<Vec<_>>()
        );
    }
}

#[test]
fn temporary_files_of_a_killed_run_are_reported_by_check_and_swept_by_the_next_run() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    std::fs::write(dir.join("schema.graphql"), schema("v1", "")).unwrap();
    assert_eq!(
        gqlsmith_in(dir, &generate_args("schema.graphql", "out")).code,
        0
    );
    let markdown = dir.join("out/markdown");
    let nested = files(&markdown)
        .into_keys()
        .find(|path| path.contains('/'))
        .expect("markdown writes into a subdirectory");
    let nested_dir = Path::new(&nested).parent().unwrap().display().to_string();
    // As a run killed between staging and renaming leaves them.
    let leftovers = [
        "out/markdown/.gqlsmith-tmp-4242-0-SUMMARY.md".to_owned(),
        format!("out/markdown/{nested_dir}/.gqlsmith-tmp-4242-1-user.md"),
    ];
    for leftover in &leftovers {
        std::fs::write(dir.join(leftover), "half a page").unwrap();
    }
    // A file of the user's with a similar name is not gqlsmith's.
    std::fs::write(markdown.join("gqlsmith-tmp-notes.md"), "mine").unwrap();

    let mut check = generate_args("schema.graphql", "out");
    check.push("--check");
    let run = gqlsmith_in(dir, &check);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for leftover in &leftovers {
        assert!(
            run.stdout.contains(&format!(
                "leftover: {leftover} (a temporary file of an interrupted run)"
            )),
            "{}",
            run.stdout
        );
    }

    let run = gqlsmith_in(dir, &generate_args("schema.graphql", "out"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    for leftover in &leftovers {
        assert!(!dir.join(leftover).exists(), "{leftover} is still there");
        assert!(
            run.stderr
                .contains(&format!("removed {leftover} (left by an interrupted run)")),
            "{}",
            run.stderr
        );
    }
    assert!(markdown.join("gqlsmith-tmp-notes.md").exists());
    let run = gqlsmith_in(dir, &check);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}
