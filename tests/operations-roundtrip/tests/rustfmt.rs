//! `rustfmt --check` over every file the rust-operations target wrote in build.rs (six
//! corpora), byte for byte as `gqlsmith generate` writes them: rustfmt would change nothing.

use std::path::Path;
use std::process::Command;

#[test]
fn rustfmt_accepts_every_generated_file_as_written() {
    let out_dir = Path::new(env!("OUT_DIR"));
    let dirs = std::fs::read_to_string(out_dir.join("operations-dirs.txt")).unwrap();
    let mut checked = 0;
    for dir in dirs.lines() {
        let mut files: Vec<_> = std::fs::read_dir(out_dir.join(dir))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        checked += files.len();
        let output = Command::new("rustfmt")
            .args(["--edition", "2021", "--check"])
            .args(&files)
            .output()
            .expect("rustfmt runs (rustup component add rustfmt)");
        assert!(
            output.status.success(),
            "{dir}: rustfmt --check differs:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert!(checked > 100, "only {checked} files");
}
