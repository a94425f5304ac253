//! The Markdown site is written by Rust unless a user overrides a template; the templates in
//! `templates/markdown/` stay the documented override surface. A user who copies the embedded
//! templates unchanged into `--templates` must get the same bytes as one who does not, on
//! every input: this renders each fixture both ways (Tera with the embedded text given as an
//! override, and Rust) and compares every file.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use gqlsmith_codegen::{generate, Config, GeneratedFile, Target, Templates};
use gqlsmith_model::Date;
use support::read_fixture;

/// Every fixture with a page the site shows differently: the Kraken page (recovered names,
/// provenance, error codes, examples), the real schemas, the Markdown escaping fixture and the
/// hostile names, and every docs-page fixture of the reader that loads without errors.
fn fixtures() -> Vec<String> {
    let mut files: Vec<String> = [
        "kraken/objects.txt",
        "schemas/github.valid.graphql",
        "schemas/saleor.graphql",
        "schemas/shopify-storefront.graphql",
        "schemas/shopify-customer-account.json",
        "schemas/artsy.graphql",
        "markdown/escaping.graphql",
        "hostile/rust-names.graphql",
        "sdl/small.graphql",
    ]
    .map(str::to_owned)
    .to_vec();
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/docs");
    let mut pages: Vec<String> = std::fs::read_dir(&docs)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", docs.display()))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .map(|name| format!("docs/{name}"))
        // A page with errors gets no site (`unreadable-lines.txt`).
        .filter(|file| !gqlsmith::test_support::fixture(file).loaded.has_errors())
        .collect();
    pages.sort();
    assert!(pages.len() >= 5, "docs fixtures: {pages:?}");
    files.extend(pages);
    files
}

/// The embedded Markdown templates, given back as a user's `--templates` folder would give
/// them: the same text, so Tera renders every page.
fn embedded_as_overrides() -> Templates {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/markdown");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".tera") {
            let text = std::fs::read_to_string(folder.join(&name)).unwrap();
            files.push((format!("markdown/{name}"), text));
        }
    }
    assert!(files.len() >= 10, "templates: {files:?}");
    Templates::with_overrides("templates", files).unwrap_or_else(|diagnostics| {
        panic!(
            "{:?}",
            diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        )
    })
}

fn site(file: &str, config: &Config, templates: &Templates) -> BTreeMap<String, String> {
    let schema = read_fixture(file);
    let files = generate(&schema, Target::Markdown, config, templates, file).unwrap_or_else(
        |diagnostics| {
            panic!(
                "{:?}",
                diagnostics
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            )
        },
    );
    files
        .into_iter()
        .map(|GeneratedFile { path, contents }| (path, contents))
        .collect()
}

/// The configurations that change what pages print: the default, and one with diagrams, a
/// `today` (overdue removals) and a title of its own.
fn configs() -> Vec<(&'static str, Config)> {
    let mut everything = Config::default();
    everything.markdown.mermaid = true;
    everything.markdown.today = Date::parse("2024-06-01");
    everything.markdown.title = Some("A `title` | with <b>markup</b> & \"quotes\"\n".to_owned());
    vec![("default", Config::default()), ("everything", everything)]
}

#[test]
fn rust_pages_are_the_embedded_templates_byte_for_byte() {
    let tera = embedded_as_overrides();
    let rust = Templates::embedded();
    let mut compared = 0;
    for file in fixtures() {
        for (config_name, config) in configs() {
            let from_tera = site(&file, &config, &tera);
            let from_rust = site(&file, &config, &rust);
            assert_eq!(
                from_tera.keys().collect::<Vec<_>>(),
                from_rust.keys().collect::<Vec<_>>(),
                "{file} ({config_name}): the same files"
            );
            for (path, tera_text) in &from_tera {
                // `assert_eq!` on whole pages would print megabytes; the first differing line
                // says where the writer and the template part.
                if tera_text != &from_rust[path] {
                    let line = tera_text
                        .lines()
                        .zip(from_rust[path].lines())
                        .position(|(a, b)| a != b)
                        .unwrap_or_else(|| {
                            tera_text
                                .lines()
                                .count()
                                .min(from_rust[path].lines().count())
                        });
                    panic!(
                        "{file} ({config_name}) {path} differs at line {}:\ntera: {:?}\nrust: {:?}",
                        line + 1,
                        tera_text.lines().nth(line),
                        from_rust[path].lines().nth(line)
                    );
                }
                compared += 1;
            }
        }
    }
    // Kraken and GitHub alone have thousands of pages: far fewer means a fixture went missing.
    assert!(compared > 10_000, "only {compared} pages compared");
}
