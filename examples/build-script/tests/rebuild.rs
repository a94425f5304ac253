//! Editing the input reruns the build script, and nothing else does: a copy of this example
//! is built with cargo (offline, in its own target dir under `target/`, so it never waits
//! for the lock of the `cargo test` running it), then rebuilt after each change.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Generous for a cold build of gqlsmith's dependencies on two cores; a build that takes
/// longer is killed and the test fails, instead of hanging CI.
const BUILD_TIME_LIMIT: Duration = Duration::from_secs(20 * 60);

#[test]
fn editing_the_input_reruns_the_build_script_and_nothing_else_does() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = example.join("../..").canonicalize().unwrap();
    let root = workspace.join("target/tests/gqlsmith-rebuild");
    let project = root.join("project");
    let crate_dir = project.join("examples/build-script");
    std::fs::create_dir_all(crate_dir.join("src")).unwrap();
    std::fs::create_dir_all(project.join("fixtures/kraken")).unwrap();
    let page = project.join("fixtures/kraken/objects.txt");
    std::fs::copy(workspace.join("fixtures/kraken/objects.txt"), &page).unwrap();
    std::fs::copy(example.join("build.rs"), crate_dir.join("build.rs")).unwrap();
    std::fs::copy(example.join("src/lib.rs"), crate_dir.join("src/lib.rs")).unwrap();
    // The same versions as the workspace, so that `--offline` finds every crate.
    std::fs::copy(workspace.join("Cargo.lock"), crate_dir.join("Cargo.lock")).unwrap();
    std::fs::write(
        crate_dir.join("Cargo.toml"),
        standalone_manifest(&workspace),
    )
    .unwrap();
    let target_dir = root.join("target");

    // Whatever an earlier run left, after this build everything is up to date.
    build(&crate_dir, &target_dir);
    let unchanged = build(&crate_dir, &target_dir);
    assert!(
        !reran_build_script(&unchanged),
        "nothing changed, yet the build script reran:\n{unchanged}"
    );

    touch(&crate_dir.join("src/lib.rs"));
    let source_edited = build(&crate_dir, &target_dir);
    assert!(
        !reran_build_script(&source_edited),
        "only src/lib.rs changed, yet the build script reran:\n{source_edited}"
    );

    let text = std::fs::read_to_string(&page).unwrap();
    let edited = text.replacen(
        "Paginator of API brownouts.",
        "Paginator of API brownouts, edited.",
        1,
    );
    assert_ne!(
        text, edited,
        "the page still describes `APIBrownoutConnection`"
    );
    std::fs::write(&page, edited).unwrap();
    let input_edited = build(&crate_dir, &target_dir);
    assert!(
        reran_build_script(&input_edited),
        "the page changed, yet the build script did not rerun:\n{input_edited}"
    );
    let generated = generated_file(&target_dir);
    assert!(
        generated.contains("/// Paginator of API brownouts, edited."),
        "the generated code follows the edit"
    );
}

/// The example's manifest, standalone: its own workspace, path dependencies on this one.
fn standalone_manifest(workspace: &Path) -> String {
    let crates = workspace.join("crates");
    format!(
        "[package]\nname = \"gqlsmith-example-build-script\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n\
         [workspace]\n\n\
         [dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n\n\
         [build-dependencies]\ngqlsmith = {{ path = {:?} }}\ngqlsmith-build = {{ path = {:?} }}\n",
        crates.join("gqlsmith").display().to_string(),
        crates.join("gqlsmith-build").display().to_string(),
    )
}

/// `cargo build -v` of the copy; returns what cargo printed. Fails the test if the build fails
/// or outlasts [`BUILD_TIME_LIMIT`].
fn build(crate_dir: &Path, target_dir: &Path) -> String {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let log = target_dir.with_file_name("cargo.log");
    let mut child = Command::new(cargo)
        .args(["build", "--offline", "-v", "--color=never"])
        .current_dir(crate_dir)
        .env("CARGO_TARGET_DIR", target_dir)
        .env_remove("CARGO_MANIFEST_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > BUILD_TIME_LIMIT {
            child.kill().ok();
            child.wait().ok();
            panic!(
                "cargo build took more than {BUILD_TIME_LIMIT:?}:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let output = std::fs::read_to_string(&log).unwrap();
    assert!(status.success(), "cargo build failed:\n{output}");
    output
}

/// Whether cargo ran this package's build script (`-v` prints the command it runs).
fn reran_build_script(cargo_output: &str) -> bool {
    cargo_output.lines().any(|line| {
        line.trim_start().starts_with("Running")
            && line.contains("gqlsmith-example-build-script-")
            && line.contains("build-script-build")
    })
}

/// Sets the modification time of `path` to now, as `touch` does.
fn touch(path: &Path) {
    let file = std::fs::File::options().append(true).open(path).unwrap();
    file.set_modified(std::time::SystemTime::now()).unwrap();
}

/// The file the build script wrote.
fn generated_file(target_dir: &Path) -> String {
    let build = target_dir.join("debug/build");
    let mut newest: Option<(std::time::SystemTime, PathBuf)> = None;
    for entry in std::fs::read_dir(&build).unwrap() {
        let path = entry.unwrap().path().join("out/gqlsmith/rust-client.rs");
        if let Ok(modified) = std::fs::metadata(&path).and_then(|metadata| metadata.modified()) {
            if newest.as_ref().is_none_or(|(time, _)| modified > *time) {
                newest = Some((modified, path));
            }
        }
    }
    let (_, path) = newest.expect("the build script wrote its file");
    std::fs::read_to_string(path).unwrap()
}
