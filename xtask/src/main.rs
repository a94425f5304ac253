//! Developer chores: `cargo xtask <chore>`. Each chore says the exact command it runs.

use std::process::{Command, ExitCode};

const HELP: &str = "\
cargo xtask <chore>

chores:
  test        the whole test suite, as CI runs it: installs the TypeScript checker into tools/
              (npm ci, when tools/package-lock.json exists), then cargo test --workspace
  snapshots   run every test and review changed insta snapshots (cargo insta review)
  bench       run the criterion benchmarks of every crate
  fuzz [SECS] run each fuzz target for SECS seconds (default 30; needs nightly + cargo-fuzz)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("snapshots") => run("cargo", &["insta", "test", "--workspace", "--review"]),
        Some("bench") => run("cargo", &["bench", "--workspace"]),
        Some("fuzz") => fuzz(args.get(1).map(String::as_str).unwrap_or("30")),
        _ => {
            eprint!("{HELP}");
            return ExitCode::from(2);
        }
    };
    if status { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// The README's test command. Everything a fresh machine needs is installed here.
fn test() -> bool {
    let root = workspace_root();
    let tools = root.join("tools");
    if tools.join("package-lock.json").exists() {
        let tools = tools.to_string_lossy().into_owned();
        if !run("npm", &["ci", "--prefix", &tools, "--no-audit", "--no-fund"]) {
            return false;
        }
    }
    run("cargo", &["test", "--workspace", "--locked"])
}

fn workspace_root() -> std::path::PathBuf {
    // xtask lives one level below the workspace root.
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(std::path::Path::to_path_buf).unwrap_or_default()
}

fn fuzz(seconds: &str) -> bool {
    let targets = ["docs_reader"];
    targets.iter().all(|target| {
        run(
            "cargo",
            &["+nightly", "fuzz", "run", "--fuzz-dir", "fuzz", target, "--", &format!("-max_total_time={seconds}")],
        )
    })
}

fn run(program: &str, args: &[&str]) -> bool {
    eprintln!("$ {program} {}", args.join(" "));
    match Command::new(program).args(args).status() {
        Ok(status) => status.success(),
        Err(error) => {
            eprintln!("error: cannot run `{program}`: {error}");
            false
        }
    }
}
