//! Developer chores: `cargo xtask <chore>`. Each chore says the exact command it runs.

use std::process::{Command, ExitCode};

const HELP: &str = "\
cargo xtask <chore>

chores:
  test        the whole test suite, as CI runs it: installs the TypeScript checker into tools/
              (npm ci, when tools/package-lock.json exists), then cargo test --workspace
  snapshots   run every test and review changed insta snapshots (cargo insta review)
  bench       run the criterion benchmarks of every crate (numbers in target/criterion/)
  recover-eval [SEEDS] [SHARE]
              hide the names of a random SHARE (default 0.3) of the Kraken page's named blocks,
              recover, and score precision and recall per confidence tier over SEEDS (default 50)
  fuzz [SECS] run each fuzz target for SECS seconds (default 30; needs nightly + cargo-fuzz)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("snapshots") => run("cargo", &["insta", "test", "--workspace", "--review"]),
        Some("bench") => run("cargo", &["bench", "--workspace"]),
        Some("recover-eval") => recover_eval(
            args.get(1).map(String::as_str),
            args.get(2).map(String::as_str),
        ),
        Some("fuzz") => fuzz(args.get(1).map(String::as_str).unwrap_or("30")),
        _ => {
            eprint!("{HELP}");
            return ExitCode::from(2);
        }
    };
    if status {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The hide-and-recover harness on the Kraken page (see gqlsmith-recover's `harness`).
fn recover_eval(seeds: Option<&str>, share: Option<&str>) -> bool {
    let (Ok(seeds), Ok(share)) = (
        seeds.unwrap_or("50").parse::<u64>(),
        share.unwrap_or("0.3").parse::<f64>(),
    ) else {
        eprintln!("usage: cargo xtask recover-eval [SEEDS] [SHARE]");
        return false;
    };
    let path = workspace_root().join("fixtures/kraken/objects.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("error: cannot read `{}`", path.display());
        return false;
    };
    let page = gqlsmith_docs::read(&text, "fixtures/kraken/objects.txt".into());
    let seeds: Vec<u64> = (1..=seeds).collect();
    let evaluation = gqlsmith_recover::evaluate_hidden_names(&page, &seeds, share);
    print!("{}", evaluation.render());
    true
}

/// The README's test command. Everything a fresh machine needs is installed here.
fn test() -> bool {
    let root = workspace_root();
    let tools = root.join("tools");
    if tools.join("package-lock.json").exists() {
        let tools = tools.to_string_lossy().into_owned();
        if !run(
            "npm",
            &["ci", "--prefix", &tools, "--no-audit", "--no-fund"],
        ) {
            return false;
        }
    }
    run("cargo", &["test", "--workspace", "--locked"])
}

fn workspace_root() -> std::path::PathBuf {
    // xtask lives one level below the workspace root.
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default()
}

fn fuzz(seconds: &str) -> bool {
    let targets = ["docs_reader"];
    targets.iter().all(|target| {
        run(
            "cargo",
            &[
                "+nightly",
                "fuzz",
                "run",
                "--fuzz-dir",
                "fuzz",
                target,
                "--",
                &format!("-max_total_time={seconds}"),
            ],
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
