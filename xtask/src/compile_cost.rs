//! `cargo xtask compile-cost`: what the generated Rust costs its user to compile.
//!
//! For each schema and Rust target, the release CLI writes the code exactly as a user gets it
//! (`gqlsmith generate --target <t>`); a scratch crate holds it as `src/generated/` with
//! `src/lib.rs` being `pub mod generated;`, and the dependencies the generated code is written
//! against (serde, serde_json, async-graphql 7.2, the versions of the workspace's Cargo.lock).
//! Dependencies are checked once; then `touch src/lib.rs` and `cargo check` run RUNS times and
//! the fastest run is reported, with the peak resident memory of the compiler (the largest
//! process cargo waited for: rustc).
//!
//! The numbers move with the machine's load: run it on a quiet machine, and compare only runs
//! made in the same session.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The schemas measured: a label and the `generate` arguments that read it (none: the bundled
/// Kraken page, recovery on, as `gqlsmith generate` reads it by default).
const SCHEMAS: [(&str, &[&str]); 3] = [
    ("kraken", &[]),
    ("github", &["fixtures/schemas/github.valid.graphql"]),
    (
        "shopify-storefront",
        &["fixtures/schemas/shopify-storefront.graphql"],
    ),
];

const TARGETS: [&str; 2] = ["rust-client", "rust-server"];

pub(crate) fn compile_cost(root: &Path, runs: &str, only: Option<&str>) -> bool {
    let known = |name: &str| SCHEMAS.iter().any(|(label, _)| *label == name);
    let (Ok(runs @ 1..), true) = (runs.parse::<u32>(), only.is_none_or(known)) else {
        eprintln!(
            "usage: cargo xtask compile-cost [RUNS] [SCHEMA]\n  RUNS: 1 or more (default 3)\n  SCHEMA: {}",
            SCHEMAS.map(|(label, _)| label).join(", ")
        );
        return false;
    };
    if !crate::run("cargo", &["build", "--release", "-p", "gqlsmith-cli"]) {
        return false;
    }
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let binary = target.join("release/gqlsmith");
    let scratch = target.join("compile-cost");
    println!("| output | cargo check (fastest of {runs}) | peak memory |");
    println!("|---|---|---|");
    let mut all_measured = true;
    for (label, inputs) in SCHEMAS {
        if only.is_some_and(|only| only != label) {
            continue;
        }
        for generate_target in TARGETS {
            let crate_dir = scratch.join(format!("{label}-{generate_target}"));
            match measure(root, &binary, &crate_dir, inputs, generate_target, runs) {
                Ok((seconds, peak_kib)) => println!(
                    "| {label}, {generate_target} | {seconds:.1} s | {:.2} GB |",
                    peak_kib as f64 / 1024.0 / 1024.0
                ),
                Err(error) => {
                    eprintln!("error: {label}, {generate_target}: {error}");
                    all_measured = false;
                }
            }
        }
    }
    all_measured
}

fn measure(
    root: &Path,
    binary: &Path,
    crate_dir: &Path,
    inputs: &[&str],
    generate_target: &str,
    runs: u32,
) -> Result<(f64, i64), String> {
    let generated = crate_dir.join("src/generated");
    // A fresh crate each time: `generate` refuses to overwrite files it did not write.
    if crate_dir.exists() {
        std::fs::remove_dir_all(crate_dir)
            .map_err(|error| format!("cannot remove `{}`: {error}", crate_dir.display()))?;
    }
    std::fs::create_dir_all(crate_dir.join("src"))
        .map_err(|error| format!("cannot create `{}`: {error}", crate_dir.display()))?;
    let status = Command::new(binary)
        .current_dir(root)
        .args(["generate", "--quiet", "--target", generate_target])
        .args(inputs)
        .arg("--out")
        .arg(crate_dir.join("out"))
        .status()
        .map_err(|error| format!("cannot run `{}`: {error}", binary.display()))?;
    if !status.success() {
        return Err(format!("`gqlsmith generate` failed ({status})"));
    }
    std::fs::rename(crate_dir.join("out").join(generate_target), &generated)
        .map_err(|error| format!("cannot move the generated files: {error}"))?;
    let manifest = "[package]\nname = \"compile-cost\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
        publish = false\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\n\
        serde_json = \"1\"\nasync-graphql = { version = \"7.2\", default-features = false, features = [\"dynamic-schema\"] }\n\n\
        # Not a member of the gqlsmith workspace.\n[workspace]\n";
    let write = |path: PathBuf, text: &str| {
        std::fs::write(&path, text)
            .map_err(|error| format!("cannot write `{}`: {error}", path.display()))
    };
    write(crate_dir.join("Cargo.toml"), manifest)?;
    write(crate_dir.join("src/lib.rs"), "pub mod generated;\n")?;
    // The workspace's lock file, so the dependencies are the versions the tests build against.
    std::fs::copy(root.join("Cargo.lock"), crate_dir.join("Cargo.lock"))
        .map_err(|error| format!("cannot copy Cargo.lock: {error}"))?;
    // Dependencies and a first check of the generated code, not measured.
    let (status, _, _) = check_once(crate_dir)?;
    if !status {
        return Err(format!(
            "the generated code does not compile: run `cargo check` in `{}`",
            crate_dir.display()
        ));
    }
    let mut fastest: Option<(f64, i64)> = None;
    for _ in 0..runs {
        // Only the crate itself is checked again; its dependencies are fresh.
        let lib = crate_dir.join("src/lib.rs");
        write(lib, "pub mod generated;\n")?;
        let (_, seconds, peak_kib) = check_once(crate_dir)?;
        if fastest.is_none_or(|(best, _)| seconds < best) {
            fastest = Some((seconds, peak_kib));
        }
    }
    fastest.ok_or_else(|| "no check ran".to_owned())
}

/// Runs `cargo check` in `crate_dir` through `cargo xtask compile-cost-probe`, a child process of
/// its own, so that the peak memory it reports is that of this check and not of an earlier one.
fn check_once(crate_dir: &Path) -> Result<(bool, f64, i64), String> {
    let xtask = std::env::current_exe()
        .map_err(|error| format!("cannot find the xtask binary: {error}"))?;
    let output = Command::new(xtask)
        .arg("compile-cost-probe")
        .arg(crate_dir)
        .output()
        .map_err(|error| format!("cannot run the probe: {error}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let mut fields = text.split_whitespace();
    let (Some(status), Some(seconds), Some(peak)) = (fields.next(), fields.next(), fields.next())
    else {
        return Err(format!(
            "the probe printed nothing: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    };
    Ok((
        status == "ok",
        seconds.parse().unwrap_or(f64::NAN),
        peak.parse().unwrap_or(0),
    ))
}

/// The probe: one `cargo check`, then `ok|failed SECONDS PEAK_KIB` on stdout. The peak is
/// `getrusage(RUSAGE_CHILDREN)`'s `ru_maxrss`: the largest resident set among the processes this
/// one waited for, directly or through cargo (rustc is the largest by far).
pub(crate) fn probe(crate_dir: &str) -> bool {
    let started = Instant::now();
    let status = Command::new("cargo")
        .args(["check", "--quiet"])
        .current_dir(crate_dir)
        .env("CARGO_INCREMENTAL", "0")
        // One target directory for every scratch crate: the dependencies are built once.
        .env(
            "CARGO_TARGET_DIR",
            std::path::Path::new(crate_dir).join("../target"),
        )
        .status();
    let seconds = started.elapsed().as_secs_f64();
    // SAFETY: `getrusage` only writes the `rusage` it is given.
    let peak_kib = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage.ru_maxrss
    };
    let ok = status.is_ok_and(|status| status.success());
    println!(
        "{} {seconds:.2} {peak_kib}",
        if ok { "ok" } else { "failed" }
    );
    true
}
