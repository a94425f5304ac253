//! `generate --watch`: a run at the start, then one after each change to an input, a
//! document, the config or a template, each saying so in one line. The test edits files in a
//! temporary directory and waits (with a generous deadline) for the line of the next run.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Long enough for a busy CI machine; a run that works takes well under a second.
const DEADLINE: Duration = Duration::from_secs(60);

/// A `gqlsmith generate --watch` process and the lines of its stderr.
struct Watcher {
    child: Child,
    lines: Receiver<String>,
}

impl Watcher {
    fn start(dir: &Path, args: &[&str]) -> Watcher {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gqlsmith"))
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the gqlsmith binary runs");
        let stderr = child.stderr.take().expect("stderr is piped");
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        Watcher { child, lines }
    }

    /// The lines up to and including the first that starts with `prefix`.
    #[track_caller]
    fn wait_for(&self, prefix: &str) -> Vec<String> {
        let start = Instant::now();
        let mut seen = Vec::new();
        loop {
            let left = DEADLINE.saturating_sub(start.elapsed());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let done = line.starts_with(prefix);
                    assert!(!line.contains("panicked"), "{line}");
                    seen.push(line);
                    if done {
                        return seen;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no line starting `{prefix}` within {DEADLINE:?}; saw {seen:#?}")
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("gqlsmith exited before a line starting `{prefix}`; saw {seen:#?}")
                }
            }
        }
    }

    /// Waits for runs until `file` holds `needle`. One save can reach the watcher as two
    /// changes (a truncation, then the new contents) a debounce window apart, so the run line
    /// after an edit may be that of a run that read the file half-written; the run that reads
    /// the whole edit follows it.
    #[track_caller]
    fn wait_for_output(&self, file: &Path, needle: &str) {
        let start = Instant::now();
        loop {
            let written = std::fs::read_to_string(file).unwrap_or_default();
            if written.contains(needle) {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "`{}` lacks `{needle}` after {DEADLINE:?}:\n{written}",
                file.display()
            );
            self.wait_for("generated 1 file");
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn generate_watch_regenerates_when_the_schema_the_config_or_a_template_changes() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    std::fs::write(dir.join("schema.graphql"), "type Query { a: Int }\n").unwrap();
    std::fs::write(dir.join("gqlsmith.toml"), "inputs = [\"schema.graphql\"]\n").unwrap();
    std::fs::create_dir(dir.join("templates")).unwrap();
    let watcher = Watcher::start(
        dir,
        &[
            "generate",
            "--watch",
            "--target",
            "sdl",
            "--out",
            "out",
            "--templates",
            "templates",
        ],
    );
    let first = watcher.wait_for("generated 1 file in `out/sdl`");
    assert_eq!(first.len(), 1, "one line per run: {first:?}");
    watcher.wait_for("watching 2 files for changes");
    let output = dir.join("out/sdl/schema.graphql");
    assert!(!std::fs::read_to_string(&output).unwrap().contains("added"));

    // The schema: an editor's save (write a temporary file, rename it over the original).
    std::fs::write(
        dir.join("schema.graphql.tmp"),
        "type Query { a: Int added: String }\n",
    )
    .unwrap();
    std::fs::rename(dir.join("schema.graphql.tmp"), dir.join("schema.graphql")).unwrap();
    let run = watcher.wait_for("generated 1 file");
    assert_eq!(run.len(), 1, "one line per run: {run:?}");
    watcher.wait_for_output(&output, "added: String");

    // A broken schema is reported and the watch goes on.
    std::fs::write(dir.join("schema.graphql"), "type Query {\n").unwrap();
    watcher.wait_for("generate failed");
    std::fs::write(
        dir.join("schema.graphql"),
        "type Query { a: Int fixed: ID }\n",
    )
    .unwrap();
    watcher.wait_for_output(&output, "fixed: ID");

    // The config: now it reads another schema, which is watched from then on.
    std::fs::write(dir.join("other.graphql"), "type Query { other: Int }\n").unwrap();
    std::fs::write(dir.join("gqlsmith.toml"), "inputs = [\"other.graphql\"]\n").unwrap();
    watcher.wait_for_output(&output, "other: Int");
    std::fs::write(
        dir.join("other.graphql"),
        "type Query { other: Int more: Int }\n",
    )
    .unwrap();
    watcher.wait_for_output(&output, "more: Int");

    // A template, in a subdirectory created while watching.
    std::fs::create_dir(dir.join("templates/sdl")).unwrap();
    std::fs::write(
        dir.join("templates/sdl/schema.graphql.tera"),
        "# from my template\n{{ sdl }}",
    )
    .unwrap();
    watcher.wait_for_output(&output, "# from my template");
}
