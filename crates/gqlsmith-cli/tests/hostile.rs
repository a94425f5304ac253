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
    /// `[marker, text, times]`: each marker in `input` stands for `text` repeated `times`
    /// times (inputs too large to write out, such as a list nested 100,000 deep).
    #[serde(default)]
    expand: Vec<(String, String, usize)>,
}

impl Case {
    fn input(&self) -> String {
        self.expand
            .iter()
            .fold(self.input.clone(), |input, (marker, text, times)| {
                input.replace(marker.as_str(), &text.repeat(*times))
            })
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
        if run.code != case.exit || !named || !located || !written.is_empty() {
            failures.push(format!(
                "{name}: exit {} (want {}), {} {}, position {}, wrote {written:?}\n{}",
                run.code,
                case.exit,
                case.code
                    .as_deref()
                    .or(case.message.as_deref())
                    .unwrap_or_default(),
                if named { "named" } else { "missing" },
                if located { "given" } else { "missing" },
                run.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
