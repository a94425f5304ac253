//! End-to-end tests of the `gqlsmith` binary: exit codes, bad inputs, the JSON contract,
//! output files, determinism.

use serde_json::Value;

mod support;

use support::{gqlsmith, root};

fn fixture(path: &str) -> String {
    root().join("fixtures").join(path).display().to_string()
}

#[track_caller]
fn check_unreadable(args: &[&str], expect_in_stderr: &str) {
    let run = gqlsmith(args);
    assert_eq!(
        run.code, 2,
        "exit code for {args:?}; stderr:\n{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.lines().count(),
        1,
        "one clear line, got:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(expect_in_stderr),
        "stderr for {args:?}:\n{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "no output for {args:?}");
}

#[test]
fn unreadable_inputs_are_one_line_and_exit_2() {
    let scratch = tempfile::tempdir().unwrap();
    let junk = scratch.path().join("junk.txt");
    std::fs::write(&junk, [0x7f, b'E', b'L', b'F', 0, 1, 2, 3]).unwrap();
    let latin1 = scratch.path().join("latin1.graphql");
    std::fs::write(&latin1, b"type Caf\xe9 { id: ID }").unwrap();
    let dir = scratch.path().display().to_string();
    check_unreadable(
        &["inspect", "/nonexistent/schema.graphql"],
        "cannot read `/nonexistent/schema.graphql`",
    );
    check_unreadable(&["inspect", &dir], "it is a directory");
    check_unreadable(
        &["convert", "--to", "json", &junk.display().to_string()],
        "looks like a binary file",
    );
    check_unreadable(
        &["check", &latin1.display().to_string()],
        &format!(
            "not UTF-8 text (invalid byte at {}:1:9, byte offset 8)",
            latin1.display()
        ),
    );
    check_unreadable(
        &[
            "diff",
            "/nonexistent/a.graphql",
            &latin1.display().to_string(),
        ],
        "cannot read",
    );
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(gqlsmith(&["convert"]).code, 2, "--to is required");
    assert_eq!(gqlsmith(&["frobnicate"]).code, 2);
    assert_eq!(gqlsmith(&["check", "--today", "2024-13-01"]).code, 2);
}

/// The page's own field rows, read with the plainest possible scan, independent of the reader:
/// every line that starts a row `name(Type) |`.
fn page_field_rows(page: &str) -> Vec<(String, String)> {
    page.lines()
        .filter_map(|line| {
            let open = line.find('(')?;
            let name = &line[..open];
            let close = line[open..]
                .find(") |")
                .or_else(|| line[open..].strip_suffix(')').map(|s| s.len()))?
                + open;
            let valid_name =
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            valid_name.then(|| (name.to_owned(), line[open + 1..close].to_owned()))
        })
        .collect()
}

#[test]
fn convert_json_of_the_kraken_page_matches_the_page() {
    let run = gqlsmith(&[
        "convert",
        &fixture("kraken/objects.txt"),
        "--to",
        "json",
        "--no-recover",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let model: Value = serde_json::from_str(&run.stdout).expect("convert --to json prints JSON");
    let types = model["types"].as_array().expect("`types` is an array");
    assert_eq!(types.len(), 912);
    let origin = |wanted: &str| {
        types
            .iter()
            .filter(|ty| ty["name_origin"] == wanted)
            .count()
    };
    assert_eq!(origin("document"), 604);
    assert_eq!(origin("placeholder"), 308);
    let fields: Vec<&Value> = types
        .iter()
        .flat_map(|ty| ty["fields"].as_array().unwrap())
        .collect();
    assert_eq!(fields.len(), 3_612);
    assert_eq!(
        fields.iter().filter(|f| f["deprecated"] == true).count(),
        322
    );
    let with_arguments: Vec<_> = fields
        .iter()
        .filter(|f| !f["arguments"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(with_arguments.len(), 44);
    assert_eq!(
        with_arguments
            .iter()
            .map(|f| f["arguments"].as_array().unwrap().len())
            .sum::<usize>(),
        112
    );
    let lists: Vec<_> = types
        .iter()
        .filter_map(|ty| ty["error_codes"].as_array())
        .collect();
    assert_eq!(lists.len(), 249);
    assert_eq!(lists.iter().map(|list| list.len()).sum::<usize>(), 1_678);
    let examples: Vec<_> = types
        .iter()
        .filter_map(|ty| ty["example"].as_array())
        .collect();
    assert_eq!(examples.len(), 910);
    assert_eq!(examples.iter().map(|e| e.len()).sum::<usize>(), 3_451);

    // Every field's type string is exactly what the page wrote, in page order.
    let page = std::fs::read_to_string(fixture("kraken/objects.txt")).unwrap();
    let from_json: Vec<(String, String)> = fields
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap().to_owned(),
                f["type"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(from_json, page_field_rows(&page));

    // Placeholders are valid GraphQL names that say where the block starts.
    for ty in types.iter().filter(|ty| ty["name_origin"] == "placeholder") {
        let line = ty["source"]["line"].as_u64().unwrap();
        assert_eq!(ty["name"], format!("Unnamed_L{line}"));
    }
}

#[test]
fn the_bundled_page_needs_no_argument() {
    let run = gqlsmith(&["inspect"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("input: fixtures/kraken/objects.txt (docs)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("page: 912 blocks (604 named, 308 unnamed), 3612 field rows, 910 examples"),
        "{}",
        run.stdout
    );
}

#[test]
fn output_is_deterministic() {
    let first = gqlsmith(&["convert", "--to", "json"]);
    let second = gqlsmith(&["convert", "--to", "json"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stdout == second.stdout,
        "two runs on the same input differ"
    );
}

#[test]
fn errors_write_no_output_file() {
    let scratch = tempfile::tempdir().unwrap();
    let broken = scratch.path().join("broken.graphql");
    std::fs::write(&broken, "type Query {\n  a: String\n  a: Int\n}\n").unwrap();
    let out = scratch.path().join("out.sdl");
    let run = gqlsmith(&[
        "convert",
        &broken.display().to_string(),
        "--to",
        "sdl",
        "-o",
        &out.display().to_string(),
    ]);
    assert_ne!(run.code, 0, "a duplicate field is an error");
    assert!(
        run.stderr.contains("broken.graphql:3:3"),
        "the diagnostic has file:line:column:\n{}",
        run.stderr
    );
    assert!(!out.exists(), "no partial output file");
}

#[test]
fn input_that_is_not_its_format_exits_2_with_a_location() {
    let scratch = tempfile::tempdir().unwrap();
    let sdl = scratch.path().join("syntax.graphql");
    std::fs::write(&sdl, "type Query {\n  a: String\n  b: [Int\n}\n").unwrap();
    let json = scratch.path().join("truncated.json");
    std::fs::write(&json, "{\"data\": {\"__schema\": {\"types\": [").unwrap();
    for (path, location) in [(&sdl, "syntax.graphql:4:1"), (&json, "truncated.json:1:")] {
        let run = gqlsmith(&["convert", &path.display().to_string(), "--to", "sdl"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains(location),
            "{location} in:\n{}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "no partial SDL on stdout");
    }
}

#[test]
fn rules_are_listed_and_documented() {
    let list = gqlsmith(&["rules"]);
    assert_eq!(list.code, 0);
    assert!(
        list.stdout
            .lines()
            .any(|line| line.starts_with("RL001") && line.contains("connection-type")),
        "{}",
        list.stdout
    );
    let one = gqlsmith(&["rules", "connection-type"]);
    assert_eq!(one.code, 0);
    assert!(
        one.stdout.contains("\n## What it does\n"),
        "headings start their line:\n{}",
        one.stdout
    );
    assert_eq!(
        gqlsmith(&["rules", "RL001"]).stdout,
        one.stdout,
        "a rule is found by code too"
    );
    let unknown = gqlsmith(&["rules", "conection-type"]);
    assert_eq!(unknown.code, 2);
}

/// Colour on a terminal, unless `NO_COLOR` or `TERM=dumb` says otherwise. The terminal is a
/// real pseudo-terminal (`script` from util-linux), as a user's shell gives one.
#[test]
fn colour_follows_the_terminal_term_and_no_color() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("no `script` on this machine: nothing to run the binary on a terminal with");
        return;
    }
    let scratch = tempfile::tempdir().unwrap();
    let schema = scratch.path().join("s.graphql");
    std::fs::write(&schema, "type Query {\n  a: Nope\n}\n").unwrap();
    let run_on_terminal = |env: &str| {
        let command = format!(
            "{env} {} check {}",
            env!("CARGO_BIN_EXE_gqlsmith"),
            schema.display()
        );
        let output = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .env_remove("NO_COLOR")
            .output()
            .expect("script runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let escape = '\u{1b}';
    assert!(
        run_on_terminal("TERM=xterm").contains(escape),
        "colour on a terminal"
    );
    assert!(
        !run_on_terminal("TERM=dumb").contains(escape),
        "no colour with TERM=dumb"
    );
    assert!(
        !run_on_terminal("TERM=xterm NO_COLOR=1").contains(escape),
        "no colour with NO_COLOR"
    );
}
