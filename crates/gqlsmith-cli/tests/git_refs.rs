//! `git:REF:PATH` inputs: `gqlsmith diff git:main:schema.graphql schema.graphql` reads the old
//! side from a temporary repository's history, as graphql-inspector's git loader does.

use std::path::Path;
use std::process::Command;

mod support;

use support::Run;

/// Runs gqlsmith in `dir` with git unable to see any repository above `ceiling`.
#[track_caller]
fn gqlsmith_in(dir: &Path, ceiling: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_gqlsmith"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // The temporary directory may sit inside some repository: stop git's search at it.
        .env("GIT_CEILING_DIRECTORIES", ceiling)
        .output()
        .expect("the gqlsmith binary runs");
    let run = Run {
        code: output.status.code().expect("not killed by a signal"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

#[track_caller]
fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "test")
        .env("GIT_AUTHOR_EMAIL", "test@example.invalid")
        .env("GIT_COMMITTER_NAME", "test")
        .env("GIT_COMMITTER_EMAIL", "test@example.invalid")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// A repository whose `main` has `schema/api.graphql` with two fields; the work tree has one.
fn repository() -> tempfile::TempDir {
    let scratch = tempfile::tempdir().unwrap();
    let repo = scratch.path().join("repo");
    std::fs::create_dir_all(repo.join("schema")).unwrap();
    git(&repo, &["init", "--quiet", "--initial-branch=main"]);
    std::fs::write(
        repo.join("schema/api.graphql"),
        "type Query {\n  a: Int\n  b: String\n}\n",
    )
    .unwrap();
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "--quiet", "-m", "two fields"]);
    std::fs::write(
        repo.join("schema/api.graphql"),
        "type Query {\n  a: Int\n}\n",
    )
    .unwrap();
    scratch
}

#[test]
fn diff_reads_the_old_schema_at_a_revision() {
    let scratch = repository();
    let repo = scratch.path().join("repo");
    let run = gqlsmith_in(
        &repo,
        scratch.path(),
        &["diff", "git:main:schema/api.graphql", "schema/api.graphql"],
    );
    assert_eq!(run.code, 1, "a breaking change: {}", run.stderr);
    assert!(
        run.stdout
            .contains("FIELD_REMOVED `Query.b` at git:main:schema/api.graphql:3:3"),
        "located in the file at the revision:\n{}",
        run.stdout
    );
    // From a subdirectory, `./PATH` is relative to it, as in `git show`.
    let run = gqlsmith_in(
        &repo.join("schema"),
        scratch.path(),
        &[
            "diff",
            "git:HEAD:./api.graphql",
            "api.graphql",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("\"FIELD_REMOVED\""), "{}", run.stdout);
    // The same revision on both sides: nothing changed.
    let run = gqlsmith_in(
        &repo,
        scratch.path(),
        &[
            "diff",
            "git:main:schema/api.graphql",
            "git:HEAD:schema/api.graphql",
        ],
    );
    assert_eq!(
        (run.code, run.stdout.trim()),
        (0, "no changes"),
        "{}",
        run.stderr
    );
}

#[track_caller]
fn check_error(dir: &Path, ceiling: &Path, old: &str, expect: &str) {
    let run = gqlsmith_in(dir, ceiling, &["diff", old, "schema/api.graphql"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stderr.trim(), expect);
    assert_eq!(run.stdout, "");
}

#[test]
fn a_missing_revision_path_or_repository_is_a_clear_error() {
    let scratch = repository();
    let repo = scratch.path().join("repo");
    let ceiling = scratch.path();
    check_error(&repo, ceiling, "git:origin/main:schema/api.graphql",
        "error: cannot read `git:origin/main:schema/api.graphql`: the repository has no revision `origin/main`; check its spelling (`git branch -a` lists branches), or `git fetch` it first");
    check_error(&repo, ceiling, "git:main:api.graphql",
        "error: cannot read `git:main:api.graphql`: `api.graphql` does not exist at `main`; paths start at the repository's root (write `./api.graphql` for one relative to the current directory)");
    check_error(&repo, ceiling, "git:main:schema",
        "error: cannot read `git:main:schema`: `schema` is a directory at `main`; name a schema file inside it");
    check_error(&repo, ceiling, "git:schema/api.graphql",
        "error: `git:schema/api.graphql` is not a git input: write `git:REVISION:PATH`, such as `git:origin/main:schema.graphql`");
    // Outside any repository.
    let outside = scratch.path().join("outside");
    std::fs::create_dir_all(outside.join("schema")).unwrap();
    std::fs::write(
        outside.join("schema/api.graphql"),
        "type Query { a: Int }\n",
    )
    .unwrap();
    check_error(&outside, scratch.path(), "git:main:schema/api.graphql",
        "error: cannot read `git:main:schema/api.graphql`: the current directory is not inside a git repository; run gqlsmith inside the repository whose history has the schema");
}
