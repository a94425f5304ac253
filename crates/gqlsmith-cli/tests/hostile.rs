//! The hostile-input corpus (`tests/hostile/`): inputs written to break gqlsmith or to make it
//! write something the user did not ask for. Each case is one TOML file holding the input, the
//! command to run on it, and the exit code and diagnostic code it must produce; its first line
//! says what the case proves. Every case runs the real binary, as a user would, and must write
//! no output file.

use std::path::Path;

use serde::Deserialize;

mod support;

use support::{gqlsmith_in, root};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// The subcommand and its options; the input file and the output are appended.
    command: Vec<String>,
    /// The input's file name (its extension chooses the reader).
    file: String,
    exit: i32,
    /// The diagnostic code stderr must name (`error[J108]`), at a real position.
    #[serde(default)]
    code: Option<String>,
    /// For input refused before any reader sees it: the one line stderr must hold.
    #[serde(default)]
    message: Option<String>,
    input: String,
    /// How many times stderr must name `code` (a case that makes thousands of diagnostics
    /// checks that every one is rendered).
    #[serde(default)]
    occurrences: Option<usize>,
    /// A line stderr must also hold (the rendered position of one diagnostic, say).
    #[serde(default)]
    also: Option<String>,
    /// `[marker, text, times]`: each marker in `input` stands for `text` repeated `times`
    /// times (inputs too large to write out, such as a list nested 100,000 deep).
    #[serde(default)]
    expand: Vec<(String, String, usize)>,
    /// `[marker, bytes]`: each marker in `input` stands for these raw bytes (bytes TOML cannot
    /// hold in a string, such as invalid UTF-8).
    #[serde(default)]
    bytes: Vec<(String, Vec<u8>)>,
    /// `[name, text]`: more files written beside the input (a config, a baseline).
    #[serde(default)]
    files: Vec<(String, String)>,
}

impl Case {
    fn input(&self) -> Vec<u8> {
        let text = self
            .expand
            .iter()
            .fold(self.input.clone(), |input, (marker, text, times)| {
                input.replace(marker.as_str(), &text.repeat(*times))
            });
        let mut bytes = text.into_bytes();
        for (marker, raw) in &self.bytes {
            let marker = marker.as_bytes();
            while let Some(at) = bytes
                .windows(marker.len())
                .position(|window| window == marker)
            {
                bytes.splice(at..at + marker.len(), raw.iter().copied());
            }
        }
        bytes
    }
}

fn cases() -> Vec<(String, Case)> {
    let dir = root().join("tests/hostile");
    let mut cases: Vec<(String, Case)> = std::fs::read_dir(&dir)
        .expect("tests/hostile exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable case");
            let case: Case =
                toml::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            (name, case)
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    cases
}

/// Every position rendered in `stderr` as `FILE:LINE:COLUMN` (after `--> ` or `::: `, or at
/// the start of a one-line error), with the line it is on.
fn rendered_positions(stderr: &str) -> Vec<(String, u32, u32)> {
    let mut found = Vec::new();
    for line in stderr.lines() {
        let trimmed = line.trim_start();
        let rest = trimmed
            .strip_prefix("--> ")
            .or_else(|| trimmed.strip_prefix("::: "))
            .unwrap_or(trimmed);
        // `FILE:LINE:COLUMN` then the end of the line or `: ` (one-line errors) or `, `/`)`
        // (a position inside a message).
        let mut parts = rest.splitn(4, ':');
        let (Some(_file), Some(line_number), Some(column)) =
            (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let column = column
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap_or_default();
        if let (Ok(line_number), Ok(column)) = (line_number.parse(), column.parse()) {
            found.push((line.to_owned(), line_number, column));
        }
    }
    found
}

/// The rendered positions of `stderr` that are not real ones (line or column 0).
fn positions_at_zero(stderr: &str) -> Vec<String> {
    rendered_positions(stderr)
        .into_iter()
        .filter(|(_, line, column)| *line == 0 || *column == 0)
        .map(|(text, _, _)| text)
        .collect()
}

/// Every file below `dir`, for the "nothing written" check.
fn files_below(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flat_map(|entry| {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files_below(&path)
            } else {
                vec![path.display().to_string()]
            }
        })
        .collect()
}

#[test]
fn every_hostile_case_is_refused_with_its_code_and_writes_nothing() {
    let cases = cases();
    assert!(cases.len() >= 15, "the corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for (name, case) in &cases {
        let scratch = tempfile::tempdir().unwrap();
        std::fs::write(scratch.path().join(&case.file), case.input()).unwrap();
        for (name, text) in &case.files {
            std::fs::write(scratch.path().join(name), text).unwrap();
        }
        let mut args: Vec<&str> = case.command.iter().map(String::as_str).collect();
        args.push(&case.file);
        let subcommand = case
            .command
            .iter()
            .find(|word| !word.starts_with('-') && word.parse::<u64>().is_err());
        match subcommand.map(String::as_str) {
            Some("generate") => args.extend(["--out", "out"]),
            Some("convert") => args.extend(["-o", "out/converted"]),
            _ => {}
        }
        let run = gqlsmith_in(scratch.path(), &args);
        let written = files_below(&scratch.path().join("out"));
        let (named, located) = match (&case.code, &case.message) {
            (Some(code), _) => {
                let tag = format!("[{code}]");
                // rustc-style: `--> schema.json:LINE:COL`, a real position, never column 0.
                let located = run.stderr.lines().any(|line| {
                    line.trim_start()
                        .strip_prefix(&format!("--> {}:", case.file))
                        .is_some_and(|position| {
                            let mut parts = position.split(':');
                            let line = parts.next().and_then(|n| n.parse::<u32>().ok());
                            let column = parts.next().and_then(|n| n.parse::<u32>().ok());
                            matches!((line, column), (Some(1..), Some(1..)))
                        })
                });
                (run.stderr.contains(&tag), located)
            }
            (None, Some(message)) => (run.stderr.contains(message.as_str()), true),
            (None, None) => panic!("{name}: give `code` or `message`"),
        };
        let counted = case
            .code
            .as_ref()
            .zip(case.occurrences)
            .is_none_or(|(code, times)| run.stderr.matches(&format!("[{code}]")).count() == times);
        let also = case
            .also
            .as_ref()
            .is_none_or(|line| run.stderr.lines().any(|shown| shown.trim() == line.trim()));
        let at_zero = positions_at_zero(&run.stderr);
        if run.code != case.exit
            || !named
            || !located
            || !written.is_empty()
            || !counted
            || !also
            || !at_zero.is_empty()
        {
            failures.push(format!(
                "{name}: exit {} (want {}), {} {}, position {}, wrote {written:?}, count {}, `also` {}, at 0: {at_zero:?}\n{}",
                run.code,
                case.exit,
                case.code
                    .as_deref()
                    .or(case.message.as_deref())
                    .unwrap_or_default(),
                if named { "named" } else { "missing" },
                if located { "given" } else { "missing" },
                if counted { "right" } else { "wrong" },
                if also { "shown" } else { "missing" },
                tail(&run.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The end of a long stderr (thousands of diagnostics would drown the failure message).
fn tail(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}

/// Runs gqlsmith on every input the fixtures hold that has diagnostics (bad SDL and JSON, the
/// rule fixtures, docs pages, invalid client operations) and checks that no rendered position
/// has line or column 0: editors and SARIF count from 1.
#[test]
fn no_fixture_diagnostic_is_rendered_at_line_or_column_zero() {
    let root = root();
    let mut runs: Vec<Vec<String>> = Vec::new();
    let listed = |dir: &str| -> Vec<String> {
        let mut files: Vec<String> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|error| panic!("{dir}: {error}"))
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.is_file())
            .map(|path| path.strip_prefix(&root).unwrap().display().to_string())
            .collect();
        files.sort();
        files
    };
    for file in listed("fixtures/sdl/bad") {
        runs.push(vec!["--verbose".into(), "check".into(), file]);
    }
    for file in listed("fixtures/docs")
        .into_iter()
        .chain(listed("fixtures/rules"))
        .filter(|file| {
            !file.contains(".documents.")
                && !file.ends_with(".registry")
                && !file.ends_with(".toml")
        })
    {
        let mut args = vec!["--verbose".into(), "check".into(), file.clone()];
        let documents = file.replace(".graphql", ".documents.graphql");
        if documents != file && root.join(&documents).is_file() {
            args.extend(["--documents".into(), documents]);
        }
        runs.push(args);
    }
    for (corpus, schema) in [
        ("github", "fixtures/schemas/github.valid.graphql"),
        (
            "shopify-storefront",
            "fixtures/schemas/shopify-storefront.graphql",
        ),
        ("saleor", "fixtures/schemas/saleor.graphql"),
    ] {
        runs.push(vec![
            "--verbose".into(),
            "check".into(),
            schema.into(),
            "--documents".into(),
            format!("fixtures/operations/{corpus}/invalid/*"),
        ]);
    }
    let mut positions = 0;
    let mut failures = Vec::new();
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = gqlsmith_in(&root, &args);
        positions += rendered_positions(&run.stderr).len();
        let at_zero = positions_at_zero(&run.stderr);
        if !at_zero.is_empty() {
            failures.push(format!("{args:?}: {at_zero:?}"));
        }
    }
    // The fixtures hold 70 findings with a position today; far fewer means the runs broke.
    assert!(
        positions >= 60,
        "only {positions} positions rendered in {} runs",
        runs.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
