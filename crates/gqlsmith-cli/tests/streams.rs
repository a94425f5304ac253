//! Streams and shells: `-` as standard input and `-o -` as standard output, shell
//! completions, `--quiet`, suggestions for a misspelt target, counts in the right number,
//! the bundled-page notice, and where findings go.

use std::io::Write;
use std::process::{Command, Stdio};

mod support;

use support::{gqlsmith, gqlsmith_in, root, Run};

/// Runs gqlsmith from the workspace root with `stdin` on standard input.
#[track_caller]
fn gqlsmith_with_stdin(args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gqlsmith"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gqlsmith binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let text = stdin.to_owned();
    // Written from a thread: a large input would fill the pipe before gqlsmith reads it all.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(text.as_bytes());
    });
    let output = child.wait_with_output().expect("gqlsmith exits");
    writer.join().unwrap();
    let run = Run {
        code: output.status.code().expect("not killed by a signal"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

fn fixture_text(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).expect("the fixture exists")
}

#[test]
fn a_dash_reads_standard_input_in_the_format_it_shows() {
    let sdl = fixture_text("fixtures/schemas/shopify-storefront.graphql");
    let from_file = gqlsmith(&[
        "convert",
        "fixtures/schemas/shopify-storefront.graphql",
        "--to",
        "json",
    ]);
    let from_stdin = gqlsmith_with_stdin(&["convert", "-", "--to", "json"], &sdl);
    assert_eq!(from_stdin.code, 0, "{}", from_stdin.stderr);
    // The same model; only the file name in positions differs.
    assert_eq!(
        from_stdin.stdout,
        from_file
            .stdout
            .replace("fixtures/schemas/shopify-storefront.graphql", "<stdin>")
    );
    // JSON on standard input is introspection.
    let json = fixture_text("fixtures/schemas/shopify-storefront.json");
    let run = gqlsmith_with_stdin(&["inspect", "-", "--format", "json"], &json);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(r#""format": "introspection""#),
        "{}",
        run.stdout
    );
    // A docs page shows no format of its own: it must be named.
    let page = fixture_text("fixtures/kraken/objects.txt");
    let run = gqlsmith_with_stdin(&["inspect", "-"], &page);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim(),
        "error: cannot tell the format of `<stdin>`: it is neither introspection JSON nor SDL; name it with --from docs, --from sdl or --from introspection"
    );
    let run = gqlsmith_with_stdin(
        &["inspect", "-", "--from", "docs", "--format", "json"],
        &page,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(r#""format": "docs""#));
    // diff reads either side from standard input.
    let run = gqlsmith_with_stdin(
        &["diff", "-", "fixtures/schemas/shopify-storefront.graphql"],
        &sdl,
    );
    assert_eq!(
        (run.code, run.stdout.trim()),
        (0, "no changes"),
        "{}",
        run.stderr
    );
    let run = gqlsmith_with_stdin(&["diff", "-", "-"], &sdl);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("standard input can be read only once"),
        "{}",
        run.stderr
    );
}

#[test]
fn dash_o_dash_writes_standard_output() {
    let scratch = tempfile::tempdir().unwrap();
    let schema = root().join("fixtures/schemas/shopify-storefront.graphql");
    let schema = schema.to_str().unwrap();
    let run = gqlsmith_in(
        scratch.path(),
        &["convert", schema, "--to", "sdl", "-o", "-"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let printed = gqlsmith_in(scratch.path(), &["convert", schema, "--to", "sdl"]);
    assert_eq!(run.stdout, printed.stdout);
    let run = gqlsmith_in(scratch.path(), &["errors", "-o", "-", "-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with('{') || run.stdout.starts_with('['),
        "JSON: {}",
        &run.stdout[..40]
    );
    let run = gqlsmith_in(
        scratch.path(),
        &["check", schema, "--write-baseline", "-", "-q"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\"version\""), "{}", run.stdout);
    assert!(
        !scratch.path().join("-").exists(),
        "no file named `-` was created"
    );
    // generate writes directories: standard output cannot be one.
    let run = gqlsmith_in(scratch.path(), &["generate", schema, "--out", "-"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("`--out -`"), "{}", run.stderr);
}

#[test]
fn completions_cover_every_shell_and_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = gqlsmith(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        for word in ["introspect", "generate", "--documents"] {
            assert!(run.stdout.contains(word), "{shell} completes `{word}`");
        }
        // clap_complete's PowerShell and Elvish scripts complete flags, not their values.
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(
                run.stdout.contains("rust-client"),
                "{shell} completes targets"
            );
        }
    }
    let run = gqlsmith(&["completions", "tcsh"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("[possible values: bash, elvish, fish, powershell, zsh]"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_misspelt_target_gets_a_suggestion() {
    let run = gqlsmith(&["generate", "--target", "rust-clinet"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("tip: a similar value exists: 'rust-client'"),
        "{}",
        run.stderr
    );
}

#[test]
fn counts_are_in_the_right_number_and_quiet_silences_them() {
    let scratch = tempfile::tempdir().unwrap();
    std::fs::write(
        scratch.path().join("schema.graphql"),
        "type Query { a: Int }\n",
    )
    .unwrap();
    let args = [
        "generate",
        "schema.graphql",
        "--target",
        "sdl",
        "--out",
        "out",
    ];
    let run = gqlsmith_in(scratch.path(), &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "generated 1 file in `out/sdl`\n");
    let run = gqlsmith_in(scratch.path(), &[&args[..], &["--check"]].concat());
    assert_eq!(run.stderr, "1 generated file is up to date\n");
    let run = gqlsmith_in(scratch.path(), &[&args[..], &["--quiet"]].concat());
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let run = gqlsmith_in(
        scratch.path(),
        &[
            "generate",
            "schema.graphql",
            "--target",
            "sdl",
            "--target",
            "typescript",
            "--out",
            "out",
        ],
    );
    assert!(
        run.stderr.starts_with("generated 2 files in"),
        "{}",
        run.stderr
    );
    // Errors are shown whatever --quiet says.
    std::fs::write(
        scratch.path().join("schema.graphql"),
        "type Query { a: Nope }\n",
    )
    .unwrap();
    let run = gqlsmith_in(scratch.path(), &[&args[..], &["-q"]].concat());
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Nope"), "{}", run.stderr);
    let run = gqlsmith(&["inspect", "-q", "-v"]);
    assert_eq!(run.code, 2, "--quiet and --verbose conflict");
}

#[test]
fn with_no_input_and_no_config_check_says_it_reads_the_bundled_page() {
    let scratch = tempfile::tempdir().unwrap();
    let run = gqlsmith_in(scratch.path(), &["check"]);
    assert!(
        run.stderr.starts_with("no input given and no `inputs` in gqlsmith.toml: reading the bundled Kraken reference page (fixtures/kraken/objects.txt)"),
        "{}",
        run.stderr
    );
    let run = gqlsmith_in(scratch.path(), &["check", "-q"]);
    assert!(!run.stderr.contains("bundled"), "{}", run.stderr);
    // With a config that lists inputs, nothing is said.
    std::fs::write(
        scratch.path().join("schema.graphql"),
        "type Query { a: Int }\n",
    )
    .unwrap();
    std::fs::write(
        scratch.path().join("gqlsmith.toml"),
        "inputs = [\"schema.graphql\"]\n",
    )
    .unwrap();
    let run = gqlsmith_in(scratch.path(), &["check"]);
    assert!(!run.stderr.contains("bundled"), "{}", run.stderr);
}

#[test]
fn findings_go_to_standard_output_and_reader_errors_to_standard_error() {
    let scratch = tempfile::tempdir().unwrap();
    // A connection type without `pageInfo`: a Relay finding at error level.
    std::fs::write(
        scratch.path().join("schema.graphql"),
        "type Query { things: ThingConnection }\ntype ThingConnection { edges: [ThingEdge] }\ntype ThingEdge { node: Thing, cursor: String! }\ntype Thing { id: ID! }\n",
    )
    .unwrap();
    let run = gqlsmith_in(scratch.path(), &["check", "schema.graphql"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("schema.graphql:2:"),
        "findings on stdout: {}",
        run.stdout
    );
    assert!(
        !run.stderr.contains("schema.graphql:2:"),
        "not on stderr: {}",
        run.stderr
    );
    std::fs::write(scratch.path().join("broken.graphql"), "type Query {\n").unwrap();
    let run = gqlsmith_in(scratch.path(), &["check", "broken.graphql"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("broken.graphql:"),
        "reader errors on stderr: {}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}
