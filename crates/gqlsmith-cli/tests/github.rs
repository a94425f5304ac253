//! `--format github` end to end, as a workflow sees it: annotations with their end positions,
//! reader errors and unreadable inputs as annotations, safe diff changes folded into one
//! line, and the Markdown job summary appended to `$GITHUB_STEP_SUMMARY`.

mod support;

use std::path::Path;
use std::process::Command;

use support::{gqlsmith, gqlsmith_in, root, Run};

const SMALL: &str = "fixtures/cli/lint-small.graphql";
const GITHUB_OLD: &str = "fixtures/schema-pairs/github/old.graphql";
const GITHUB_NEW: &str = "fixtures/schema-pairs/github/new.valid.graphql";

/// Runs gqlsmith from the workspace root with `$GITHUB_STEP_SUMMARY` naming `summary`.
fn gqlsmith_with_summary(args: &[&str], summary: &Path) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_gqlsmith"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("GITHUB_STEP_SUMMARY", summary)
        .output()
        .expect("the gqlsmith binary runs");
    Run {
        code: output.status.code().expect("gqlsmith exits"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// The `key=value` properties of an annotation line.
fn property<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let properties = line.split_once(' ')?.1.split_once("::")?.0;
    properties
        .split(',')
        .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
}

#[test]
fn annotations_span_the_finding() {
    let run = gqlsmith(&[
        "check",
        SMALL,
        "--today",
        "2026-11-29",
        "--format",
        "github",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(!lines.is_empty());
    for line in &lines {
        let number = |key| -> u32 {
            property(line, key)
                .unwrap_or_else(|| panic!("no {key} in {line}"))
                .parse()
                .unwrap()
        };
        assert_eq!(number("endLine"), number("line"), "{line}");
        assert!(number("endColumn") >= number("col"), "{line}");
    }
    // `Query.oldShips` is underlined whole: columns 3 to 10.
    assert!(
        lines.iter().any(|line| line
            .contains("file=fixtures/cli/lint-small.graphql,line=8,endLine=8,col=3,endColumn=10,")),
        "{}",
        run.stdout
    );
}

#[test]
fn reader_errors_are_annotations() {
    let scratch = tempfile::tempdir().unwrap();
    std::fs::write(
        scratch.path().join("bad.graphql"),
        "type Query {\n  a: Strin\n}\n",
    )
    .unwrap();
    let run = gqlsmith_in(
        scratch.path(),
        &["check", "bad.graphql", "--format", "github"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(
            "::error file=bad.graphql,line=2,endLine=2,col=6,endColumn=10,title=S220 "
        ),
        "{}",
        run.stdout
    );
    // The same error is on stderr for people, rustc-style.
    assert!(run.stderr.contains("bad.graphql:2:6"));

    let diff = gqlsmith_in(
        scratch.path(),
        &["diff", "bad.graphql", "bad.graphql", "--format", "github"],
    );
    assert_eq!(diff.code, 2);
    assert!(diff.stdout.contains("title=S220 "), "{}", diff.stdout);
}

#[test]
fn an_unreadable_input_is_an_annotation() {
    let run = gqlsmith(&["check", "missing.graphql", "--format", "github"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.starts_with("::error file=missing.graphql,line=1,endLine=1,col=1,endColumn=1,title=CLI001 input-error::cannot read `missing.graphql`"),
        "{}",
        run.stdout
    );
    // With no input named, the failure is reported at the configuration.
    let config = gqlsmith(&["check", "--config", "missing.toml", "--format", "github"]);
    assert_eq!(config.code, 2);
    assert!(
        config
            .stdout
            .starts_with("::error file=missing.toml,line=1,"),
        "{}",
        config.stdout
    );
}

#[test]
fn safe_changes_are_one_summary_line() {
    let json = gqlsmith(&["diff", GITHUB_OLD, GITHUB_NEW, "--format", "json"]);
    let changes: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let criticalities: Vec<&str> = changes["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| change["criticality"].as_str().unwrap())
        .collect();
    let safe = criticalities.iter().filter(|c| **c == "safe").count();
    assert!(safe > 100, "the GitHub pair has many safe changes");

    let run = gqlsmith(&["diff", GITHUB_OLD, GITHUB_NEW, "--format", "github"]);
    assert_eq!(run.code, 1, "the pair has breaking changes");
    let notices: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| line.starts_with("::notice"))
        .collect();
    let [notice] = &notices[..] else {
        panic!("one notice, not {}", notices.len())
    };
    assert!(
        notice.starts_with(&format!("::notice title={safe} safe changes::")),
        "{notice}"
    );
    assert!(notice.contains(" FIELD_ADDED"), "{notice}");
    // Every breaking or dangerous change is still an annotation of its own.
    assert_eq!(
        run.stdout.lines().count() - 1,
        criticalities.len() - safe,
        "{}",
        run.stdout
    );
}

#[test]
fn the_job_summary_is_appended() {
    let scratch = tempfile::tempdir().unwrap();
    let summary = scratch.path().join("summary.md");
    std::fs::write(&summary, "an earlier step's summary\n").unwrap();

    let check = gqlsmith_with_summary(
        &[
            "check",
            SMALL,
            "--today",
            "2026-11-29",
            "--format",
            "github",
        ],
        &summary,
    );
    assert_eq!(check.code, 1, "{}", check.stderr);
    let diff = gqlsmith_with_summary(
        &[
            "diff",
            "fixtures/diff/old.graphql",
            "fixtures/diff/new.graphql",
            "--format",
            "github",
        ],
        &summary,
    );
    assert_eq!(diff.code, 1, "{}", diff.stderr);

    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(
        text.starts_with("an earlier step's summary\n## gqlsmith check\n\n"),
        "{text}"
    );
    assert!(
        text.contains("| error | `RL001` connection-type | `fixtures/cli/lint-small.graphql:"),
        "{text}"
    );
    let diff_part = &text[text.find("## Schema changes").expect("the diff's summary")..];
    assert!(diff_part.contains("breaking"), "{diff_part}");
}

#[test]
fn without_github_the_summary_is_not_written() {
    // A human run never touches the summary file, even when the variable is set.
    let scratch = tempfile::tempdir().unwrap();
    let summary = scratch.path().join("summary.md");
    let run = gqlsmith_with_summary(&["check", SMALL, "--format", "human"], &summary);
    assert_eq!(run.code, 1);
    assert!(!summary.exists());
}
