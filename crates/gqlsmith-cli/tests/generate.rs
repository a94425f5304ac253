//! `gqlsmith generate` end to end: files written where they belong, `--check` agreeing with a
//! fresh generate byte for byte, determinism, and no output at all when anything fails.

mod support;

use std::path::Path;

use support::{gqlsmith_in, root};

/// Every generated file below `dir` (not the manifests), relative, sorted, with its bytes.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        for entry in std::fs::read_dir(&next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if !path.ends_with(gqlsmith::MANIFEST_FILE)
                && !path.ends_with(gqlsmith::LOCK_FILE)
            {
                let relative = path.strip_prefix(dir).unwrap().display().to_string();
                files.push((relative, std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn generate_then_check_then_edit() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    let schema = root()
        .join("fixtures/schemas/shopify-storefront.graphql")
        .display()
        .to_string();

    let first = gqlsmith_in(dir, &["generate", &schema, "--out", "out"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let generated = tree(&dir.join("out"));
    assert!(
        generated
            .iter()
            .any(|(path, _)| path.starts_with("rust-client/")),
        "{:?}",
        generated.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert!(generated
        .iter()
        .any(|(path, _)| path.starts_with("rust-server/")));

    // A second run gives the same bytes, and --check agrees.
    let again = gqlsmith_in(dir, &["generate", &schema, "--out", "out"]);
    assert_eq!(again.code, 0);
    assert!(
        tree(&dir.join("out")) == generated,
        "regenerating changed the output"
    );
    let check = gqlsmith_in(dir, &["generate", &schema, "--out", "out", "--check"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);

    // An edited file is stale; a deleted one is missing; --check writes nothing.
    let (victim, _) = &generated[0];
    let victim_path = dir.join("out").join(victim);
    std::fs::write(&victim_path, "// my edit\n").unwrap();
    let (deleted, _) = &generated[1];
    std::fs::remove_file(dir.join("out").join(deleted)).unwrap();
    let stale = gqlsmith_in(dir, &["generate", &schema, "--out", "out", "--check"]);
    assert_eq!(stale.code, 1);
    assert!(
        stale.stdout.contains(&format!("stale: out/{victim}")),
        "{}",
        stale.stdout
    );
    assert!(
        stale.stdout.contains(&format!("missing: out/{deleted}")),
        "{}",
        stale.stdout
    );
    assert_eq!(
        std::fs::read_to_string(&victim_path).unwrap(),
        "// my edit\n",
        "--check writes nothing"
    );
}

/// The main job, `gqlsmith generate` with no arguments: every target of the bundled page,
/// each in `generated/<target>/`, holding byte for byte what the library generates from the
/// page as `gqlsmith::load` reads it (recovery included), and a manifest of those files.
#[test]
fn the_bundled_page_generates_every_target_into_generated() {
    let scratch = tempfile::tempdir().unwrap();
    let run = gqlsmith_in(scratch.path(), &["generate"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let generated = scratch.path().join("generated");
    let targets: Vec<String> = std::fs::read_dir(&generated)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        targets,
        [
            "markdown",
            "rust-client",
            "rust-server",
            "sdl",
            "typescript"
        ],
        "every target, each in its own directory"
    );
    let project = gqlsmith::load(
        vec![gqlsmith::Input::bundled_kraken()],
        &gqlsmith::LoadOptions::default(),
    );
    // Without documents, the per-operation targets are not among "every target".
    for target in gqlsmith::codegen::Target::all().filter(|target| !target.needs_documents()) {
        let dir = generated.join(target.name());
        let mut expected: Vec<(String, Vec<u8>)> =
            gqlsmith::generate(&project, target, &Default::default(), &Default::default())
                .unwrap()
                .into_iter()
                .map(|file| (file.path, file.contents.into_bytes()))
                .collect();
        expected.sort();
        let written = tree(&dir);
        assert_eq!(written.len(), expected.len(), "{target}: as many files");
        for (written, expected) in written.iter().zip(&expected) {
            assert!(written == expected, "{target}: `{}` differs", expected.0);
        }
        let manifest = std::fs::read_to_string(dir.join(gqlsmith::MANIFEST_FILE)).unwrap();
        assert_eq!(
            manifest
                .lines()
                .filter(|line| !line.starts_with('#'))
                .count(),
            expected.len(),
            "{target}: the manifest lists every file"
        );
    }
    // What users get is the recovered page: named types, enums from the values the page
    // shows, not placeholders and strings.
    let read = |path: &str| std::fs::read_to_string(generated.join(path)).unwrap();
    let enums = read("rust-client/enums.rs");
    assert!(enums.contains("pub enum ApiType {"), "recovered enums");
    assert!(!read("rust-client/scalars.rs").contains("pub type ApiType "));
    assert!(read("rust-server/objects.rs").contains(
        "pub struct ApiBrownout {\n    resolver: ::std::sync::Arc<dyn ApiBrownoutResolver>,\n}"
    ));
    // The page shows one value of `APIType`: an open enum (a const object and an open type).
    assert!(read("typescript/types.ts").contains(
        "export const APIType = {\n  Graphql: 'GRAPHQL',\n} as const;\nexport type APIType = (typeof APIType)[keyof typeof APIType] | (string & {});"
    ));
    let sdl = read("sdl/schema.graphql");
    assert!(
        sdl.starts_with("# generated by gqlsmith from "),
        "{}",
        &sdl[..80]
    );
    assert!(sdl.contains(
        "type APIBrownout @gqlsmith_name(origin: \"recovered\", confidence: \"high\") {"
    ));
    assert!(read("markdown/src/objects/api-brownout.md").contains("# APIBrownout"));

    // Run again: nothing to do, --check agrees; a file an earlier run wrote and this one does
    // not is removed, and reported by --check first.
    let stale_path = generated.join("rust-client/old.rs");
    std::fs::write(&stale_path, "// from an older gqlsmith\n").unwrap();
    let manifest_path = generated.join("rust-client").join(gqlsmith::MANIFEST_FILE);
    let mut manifest = std::fs::read_to_string(&manifest_path).unwrap();
    manifest.push_str("old.rs\n");
    std::fs::write(&manifest_path, manifest).unwrap();
    let check = gqlsmith_in(scratch.path(), &["generate", "--check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert_eq!(check.stdout, "orphaned: generated/rust-client/old.rs\n");
    let again = gqlsmith_in(scratch.path(), &["generate"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(!stale_path.exists(), "the orphan is removed");
    let check = gqlsmith_in(scratch.path(), &["generate", "--check"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
}

#[test]
fn today_marks_overdue_removals_in_the_docs() {
    let deprecations = |extra: &[&str]| {
        let scratch = tempfile::tempdir().unwrap();
        let out = scratch.path().join("out");
        let input = support::root().join("fixtures/cli/lint-small.graphql");
        let mut args = vec![
            "generate",
            input.to_str().unwrap(),
            "--target",
            "markdown",
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let run = gqlsmith_in(scratch.path(), &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        std::fs::read_to_string(out.join("markdown/src/catalogue/deprecations.md")).unwrap()
    };
    let row = |page: &str| {
        page.lines()
            .find(|line| line.contains("Query.oldShips"))
            .unwrap_or_default()
            .to_owned()
    };
    // Without a date the page does not depend on the clock: nothing is marked.
    assert!(
        !row(&deprecations(&[])).contains("overdue"),
        "{}",
        deprecations(&[])
    );
    assert!(row(&deprecations(&["--today", "2026-11-30"])).contains("**overdue**"));
    assert!(!row(&deprecations(&["--today", "2023-12-31"])).contains("overdue"));
}

#[test]
fn errors_write_nothing() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    std::fs::write(
        dir.join("broken.graphql"),
        "type Query {\n  a: Missing\n}\n",
    )
    .unwrap();
    let run = gqlsmith_in(dir, &["generate", "broken.graphql", "--out", "out"]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("broken.graphql:2:"), "{}", run.stderr);
    assert!(!dir.join("out").exists(), "no partial output");
}

#[test]
fn a_broken_user_template_names_its_file_and_line() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    std::fs::create_dir_all(dir.join("templates/rust-client")).unwrap();
    std::fs::write(
        dir.join("templates/rust-client/objects.rs.tera"),
        "// ok\n{% for x in %}\n",
    )
    .unwrap();
    let schema = root()
        .join("fixtures/schemas/shopify-storefront.graphql")
        .display()
        .to_string();
    let run = gqlsmith_in(
        dir,
        &[
            "generate",
            &schema,
            "--target",
            "rust-client",
            "--templates",
            "templates",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("objects.rs.tera"), "{}", run.stderr);
    assert!(!dir.join("out").exists(), "no partial output");
}

#[test]
fn mermaid_in_the_config_draws_the_neighbour_diagrams() {
    let scratch = tempfile::tempdir().unwrap();
    std::fs::write(
        scratch.path().join("gqlsmith.toml"),
        "[generate.markdown]\nmermaid = true\nout = \"docs\"\n",
    )
    .unwrap();
    let input = support::root().join("fixtures/cli/lint-small.graphql");
    let run = gqlsmith_in(
        scratch.path(),
        &["generate", input.to_str().unwrap(), "--target", "markdown"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docs = scratch.path().join("docs");
    let book = std::fs::read_to_string(docs.join("book.toml")).unwrap();
    assert!(book.contains("[preprocessor.mermaid]"), "{book}");
    let pages_with_diagrams = tree(&docs.join("src"))
        .into_iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains("```mermaid\ngraph LR\n"))
        .count();
    assert!(pages_with_diagrams > 0);

    // A misspelt option is refused, not ignored.
    std::fs::write(
        scratch.path().join("gqlsmith.toml"),
        "[generate.markdown]\nmermiad = true\n",
    )
    .unwrap();
    let run = gqlsmith_in(
        scratch.path(),
        &["generate", input.to_str().unwrap(), "--target", "markdown"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("mermiad"), "{}", run.stderr);
}

/// The header names the input as the user spelt it, less `./`: generating from `in/x.graphql`
/// and checking against `./in/x.graphql` finds nothing stale.
#[test]
fn an_input_spelt_two_ways_gives_the_same_bytes() {
    let scratch = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(scratch.path().join("in")).unwrap();
    std::fs::write(
        scratch.path().join("in/x.graphql"),
        "type Query {\n  a: Int\n}\n",
    )
    .unwrap();
    let written = support::gqlsmith_in(
        scratch.path(),
        &["generate", "in/x.graphql", "--out", "out"],
    );
    assert_eq!(written.code, 0, "{}", written.stderr);
    let checked = support::gqlsmith_in(
        scratch.path(),
        &["generate", "./in/x.graphql", "--out", "out", "--check"],
    );
    assert_eq!(checked.code, 0, "{}{}", checked.stdout, checked.stderr);
}
