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
    /// The diagnostic code stderr must name (`error[J108]`).
    code: String,
    input: String,
}

fn cases() -> Vec<(String, Case)> {
    let dir = root().join("tests/hostile");
    let mut cases: Vec<(String, Case)> = std::fs::read_dir(&dir)
        .expect("tests/hostile exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable case");
            let case: Case = toml::from_str(&text)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
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
        std::fs::write(scratch.path().join(&case.file), &case.input).unwrap();
        let mut args: Vec<&str> = case.command.iter().map(String::as_str).collect();
        args.push(&case.file);
        match case.command.first().map(String::as_str) {
            Some("generate") => args.extend(["--out", "out"]),
            Some("convert") => args.extend(["-o", "out/converted"]),
            _ => {}
        }
        let run = gqlsmith_in(scratch.path(), &args);
        let written = files_below(&scratch.path().join("out"));
        let tag = format!("[{}]", case.code);
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
        if run.code != case.exit || !run.stderr.contains(&tag) || !located || !written.is_empty()
        {
            failures.push(format!(
                "{name}: exit {} (want {}), {tag} {}, position {}, wrote {written:?}\n{}",
                run.code,
                case.exit,
                if run.stderr.contains(&tag) { "named" } else { "missing" },
                if located { "given" } else { "missing" },
                run.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
