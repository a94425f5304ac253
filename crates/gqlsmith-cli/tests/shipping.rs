//! What ships for other people's CI: the composite GitHub Action (`action.yml`) and the
//! pre-commit hooks (`.pre-commit-hooks.yaml`). Each test reads the file as GitHub or
//! pre-commit would, and runs its commands against fixtures with the built binary first on
//! PATH.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;
use support::root;

/// The directory of the built `gqlsmith`, put first on PATH.
fn binary_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_gqlsmith"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn path_with_binary() -> std::ffi::OsString {
    let mut paths = vec![binary_dir()];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths).unwrap()
}

/// A scratch project with the fixtures the commands read.
fn project() -> tempfile::TempDir {
    let scratch = tempfile::tempdir().unwrap();
    for (from, to) in [
        ("fixtures/cli/lint-small.graphql", "lint.graphql"),
        ("fixtures/sdl/small.graphql", "schema.graphql"),
        ("fixtures/diff/old.graphql", "old.graphql"),
        ("fixtures/diff/new.graphql", "new.graphql"),
    ] {
        std::fs::copy(root().join(from), scratch.path().join(to)).unwrap();
    }
    scratch
}

/// Writes `generated/sdl/` for `schema.graphql`, as a project that commits its output has.
fn generate_sdl(dir: &Path) {
    let run = support::gqlsmith_in(
        dir,
        &[
            "generate",
            "schema.graphql",
            "--target",
            "sdl",
            "--out",
            "generated",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// action.yml

#[derive(Deserialize)]
struct Action {
    inputs: BTreeMap<String, ActionInput>,
    runs: ActionRuns,
}

#[derive(Deserialize)]
struct ActionInput {
    description: String,
    #[serde(default)]
    default: Option<String>,
}

#[derive(Deserialize)]
struct ActionRuns {
    using: String,
    steps: Vec<ActionStep>,
}

#[derive(Deserialize)]
struct ActionStep {
    name: String,
    shell: String,
    run: String,
    #[serde(default)]
    env: BTreeMap<String, String>,
    #[serde(default, rename = "working-directory")]
    working_directory: Option<String>,
}

fn action() -> Action {
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    serde_norway::from_str(&text).expect("action.yml is a valid action")
}

/// What a run of the action left: the exit code of the step that stopped it (or 0), what
/// its steps printed, its outputs and its job summary.
struct ActionRun {
    code: i32,
    stdout: String,
    outputs: String,
    summary: String,
}

/// Evaluates the `${{ … }}` expressions the action uses: its inputs (given, else their
/// defaults) and `github.action_path`. Any other expression fails the test, so the action
/// cannot start depending on something this runner does not provide.
fn evaluate(text: &str, action: &Action, given: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${{") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("}}").expect("expression closed") + start;
        let expression = rest[start + 3..end].trim();
        let value = if expression == "github.action_path" {
            root().display().to_string()
        } else if let Some(name) = expression.strip_prefix("inputs.") {
            let input = action
                .inputs
                .get(name)
                .unwrap_or_else(|| panic!("action.yml uses an undeclared input `{name}`"));
            given
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
                .or_else(|| input.default.clone())
                .unwrap_or_default()
        } else {
            panic!("action.yml uses `{expression}`, which this test does not provide")
        };
        out.push_str(&value);
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

/// Runs the action's steps as GitHub's runner does (`shell: bash` is `bash --noprofile
/// --norc -eo pipefail`), in `dir`, with the built gqlsmith first on PATH.
fn run_action(dir: &Path, given: &[(&str, &str)]) -> ActionRun {
    let action = action();
    let runner = tempfile::tempdir().unwrap();
    let outputs = runner.path().join("output");
    let summary = runner.path().join("summary.md");
    let mut stdout = String::new();
    let mut code = 0;
    for step in &action.runs.steps {
        assert_eq!(step.shell, "bash", "{}", step.name);
        let script = runner.path().join("step.sh");
        assert!(
            !step.run.contains("${{"),
            "step `{}` puts an expression into its script: pass it through `env`",
            step.name
        );
        std::fs::write(&script, &step.run).unwrap();
        let working_directory = step.working_directory.as_deref().map_or_else(
            || dir.to_path_buf(),
            |wd| dir.join(evaluate(wd, &action, given)),
        );
        let output = Command::new("bash")
            .args(["--noprofile", "--norc", "-eo", "pipefail"])
            .arg(&script)
            .current_dir(working_directory)
            .envs(
                step.env
                    .iter()
                    .map(|(key, value)| (key, evaluate(value, &action, given))),
            )
            .env("PATH", path_with_binary())
            .env("NO_COLOR", "1")
            .env("RUNNER_TEMP", runner.path())
            .env("GITHUB_OUTPUT", &outputs)
            .env("GITHUB_PATH", runner.path().join("path"))
            .env("GITHUB_STEP_SUMMARY", &summary)
            .output()
            .expect("bash runs");
        stdout.push_str(&String::from_utf8_lossy(&output.stdout));
        code = output.status.code().expect("the step exits");
        if code != 0 {
            break;
        }
    }
    ActionRun {
        code,
        stdout,
        outputs: std::fs::read_to_string(outputs).unwrap_or_default(),
        summary: std::fs::read_to_string(summary).unwrap_or_default(),
    }
}

#[test]
fn the_action_is_composite_and_documents_its_inputs() {
    let action = action();
    assert_eq!(action.runs.using, "composite");
    assert_eq!(action.inputs["command"].default.as_deref(), Some("check"));
    for (name, input) in &action.inputs {
        assert!(!input.description.is_empty(), "input `{name}`");
    }
}

#[test]
fn the_action_checks() {
    let project = project();
    let run = run_action(
        project.path(),
        &[
            ("command", "check"),
            ("inputs", "lint.graphql"),
            ("args", "--today 2026-11-29"),
        ],
    );
    // The built binary on PATH is used, not installed again.
    assert!(run.stdout.starts_with("using "), "{}", run.stdout);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("::error file=lint.graphql,line=24,endLine=24,col=3,"),
        "{}",
        run.stdout
    );
    assert_eq!(run.outputs, "exit-code=1\n");
    assert!(
        run.summary.starts_with("## gqlsmith check\n"),
        "{}",
        run.summary
    );

    let clean = run_action(
        project.path(),
        &[("command", "check"), ("inputs", "schema.graphql")],
    );
    assert_eq!(clean.code, 0, "{}", clean.stdout);
    assert_eq!(clean.outputs, "exit-code=0\n");
}

#[test]
fn the_action_writes_sarif_for_code_scanning() {
    let project = project();
    let run = run_action(
        project.path(),
        &[
            ("command", "check"),
            ("inputs", "lint.graphql"),
            ("format", "sarif"),
            ("sarif-file", "results.sarif"),
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    let log: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(project.path().join("results.sarif")).unwrap(),
    )
    .unwrap();
    assert!(!log["runs"][0]["results"].as_array().unwrap().is_empty());
}

#[test]
fn the_action_diffs() {
    let project = project();
    let run = run_action(
        project.path(),
        &[
            ("command", "diff"),
            ("old", "old.graphql"),
            ("new", "new.graphql"),
        ],
    );
    assert_eq!(
        run.code, 1,
        "breaking changes fail the step: {}",
        run.stdout
    );
    assert!(
        run.stdout.contains("::error file=old.graphql,"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(" safe changes::"), "{}", run.stdout);
    assert!(run.summary.contains("## Schema changes"), "{}", run.summary);

    let missing = run_action(
        project.path(),
        &[("command", "diff"), ("old", "old.graphql")],
    );
    assert_eq!(missing.code, 2);
    assert!(missing.stdout.contains("needs the inputs old and new"));
}

#[test]
fn the_action_checks_generated_files() {
    let project = project();
    generate_sdl(project.path());
    let given = [
        ("command", "generate-check"),
        ("inputs", "schema.graphql"),
        ("args", "--target sdl --out generated"),
    ];
    let fresh = run_action(project.path(), &given);
    assert_eq!(fresh.code, 0, "{}", fresh.stdout);

    let schema = project.path().join("generated/sdl/schema.graphql");
    assert!(schema.exists());
    std::fs::write(&schema, "# edited by hand\n").unwrap();
    let stale = run_action(project.path(), &given);
    assert_eq!(stale.code, 1);
    assert!(stale.stdout.contains("stale: "), "{}", stale.stdout);
}

#[test]
fn the_action_refuses_an_unknown_command() {
    let project = project();
    let run = run_action(project.path(), &[("command", "lint")]);
    assert_eq!(run.code, 2);
    assert!(run
        .stdout
        .contains("command must be check, diff or generate-check, not 'lint'"));
}

// ---------------------------------------------------------------------------------------------
// .pre-commit-hooks.yaml

#[derive(Deserialize)]
struct Hook {
    id: String,
    entry: String,
    language: String,
    pass_filenames: bool,
    files: String,
}

fn hooks() -> BTreeMap<String, Hook> {
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: Vec<Hook> = serde_norway::from_str(&text).expect("a list of hooks");
    hooks
        .into_iter()
        .map(|hook| (hook.id.clone(), hook))
        .collect()
}

/// Runs `hook` with `args` as pre-commit does (its entry, then the args; no file names, as
/// the hooks read whole schemas), in `dir`.
fn run_hook(hook: &Hook, args: &[&str], dir: &Path) -> support::Run {
    assert!(!hook.pass_filenames, "{}: reads the whole schema", hook.id);
    assert_eq!(hook.language, "system", "{}", hook.id);
    assert!(
        hook.files.contains("graphql"),
        "{}: {}",
        hook.id,
        hook.files
    );
    assert!(
        !hook.entry.contains(['"', '\'']),
        "{}: split on spaces here",
        hook.id
    );
    let mut words = hook.entry.split_whitespace();
    let program = words.next().unwrap();
    assert_eq!(program, "gqlsmith", "{}", hook.id);
    let output = Command::new(program)
        .args(words)
        .args(args)
        .current_dir(dir)
        .env("PATH", path_with_binary())
        .env("NO_COLOR", "1")
        .output()
        .expect("the hook runs");
    support::Run {
        code: output.status.code().expect("the hook exits"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

#[test]
fn the_pre_commit_hooks_are_check_diff_and_generate_check() {
    let hooks = hooks();
    assert_eq!(
        hooks.keys().collect::<Vec<_>>(),
        ["gqlsmith-check", "gqlsmith-diff", "gqlsmith-generate-check"]
    );
}

#[test]
fn the_check_hook_fails_on_errors_only() {
    let hooks = hooks();
    let project = project();
    let hook = &hooks["gqlsmith-check"];
    let failing = run_hook(
        hook,
        &["lint.graphql", "--today", "2026-11-29"],
        project.path(),
    );
    assert_eq!(failing.code, 1, "{}", failing.stderr);
    assert!(
        failing.stdout.contains("error[RL001]"),
        "{}",
        failing.stdout
    );
    let passing = run_hook(hook, &["schema.graphql"], project.path());
    assert_eq!(passing.code, 0, "{}{}", passing.stdout, passing.stderr);
}

#[test]
fn the_diff_hook_fails_on_breaking_changes() {
    let hooks = hooks();
    let project = project();
    let hook = &hooks["gqlsmith-diff"];
    let breaking = run_hook(hook, &["old.graphql", "new.graphql"], project.path());
    assert_eq!(breaking.code, 1, "{}", breaking.stderr);
    assert!(breaking.stdout.contains("breaking"), "{}", breaking.stdout);
    let same = run_hook(hook, &["old.graphql", "old.graphql"], project.path());
    assert_eq!(same.code, 0, "{}", same.stderr);
}

#[test]
fn the_generate_check_hook_fails_on_stale_files() {
    let hooks = hooks();
    let project = project();
    generate_sdl(project.path());
    let hook = &hooks["gqlsmith-generate-check"];
    let args = ["schema.graphql", "--target", "sdl", "--out", "generated"];
    let fresh = run_hook(hook, &args, project.path());
    assert_eq!(fresh.code, 0, "{}", fresh.stderr);
    std::fs::remove_file(project.path().join("generated/sdl/schema.graphql")).unwrap();
    let missing = run_hook(hook, &args, project.path());
    assert_eq!(missing.code, 1, "{}", missing.stderr);
    assert!(missing.stdout.contains("missing: "), "{}", missing.stdout);
}
