//! Running the `gqlsmith` binary from tests.

#![allow(dead_code, unreachable_pub)] // Each test file uses a different part of this module.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root, where `fixtures/` lives. Tests run gqlsmith from here so that paths in
/// its output are the short relative ones users see.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root exists")
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs gqlsmith in `dir` with colours off.
#[track_caller]
pub fn gqlsmith_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_gqlsmith"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the gqlsmith binary runs");
    let run = Run {
        code: output
            .status
            .code()
            .expect("gqlsmith exits, it is not killed by a signal"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "gqlsmith panicked on {args:?}:\n{}",
        run.stderr
    );
    run
}

/// Runs gqlsmith from the workspace root.
#[track_caller]
pub fn gqlsmith(args: &[&str]) -> Run {
    gqlsmith_in(&root(), args)
}
