//! For gqlsmith's own tests (feature `test-support`, enabled only as a dev-dependency): the
//! one way a test loads an input, which is the way `gqlsmith` loads it, recovery included.
//! A test that reads a docs page without recovery says so by calling
//! [`fixture_without_recovery`], and says why.

use std::path::Path;

use gqlsmith_model::{Schema, Valid};

use crate::{load, Input, InputFormat, LoadOptions, Project};

/// The workspace's `fixtures/` directory.
pub fn fixtures_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures"))
}

/// Loads `fixtures/<file>` as `gqlsmith` does (format by extension, recovery for docs pages,
/// the name checks), labelled `file` so that headers and diagnostics do not depend on where
/// the workspace is.
pub fn fixture(file: &str) -> Project {
    load_fixture(file, &LoadOptions::default())
}

/// [`fixture`] with recovery off (`--no-recover`): what the docs page itself holds.
pub fn fixture_without_recovery(file: &str) -> Project {
    load_fixture(
        file,
        &LoadOptions {
            no_recover: true,
            ..LoadOptions::default()
        },
    )
}

/// `text` loaded as `gqlsmith` loads a file named `label` (format by extension).
pub fn text(label: &str, text: &str) -> Project {
    let format = InputFormat::from_path(Path::new(label));
    load(
        vec![Input::from_text(label, text, format)],
        &LoadOptions::default(),
    )
}

/// The valid schema of `project`; panics with the diagnostics when it has errors.
pub fn valid(project: Project) -> Valid<Schema> {
    let label = project
        .inputs
        .first()
        .map_or_else(String::new, |input| input.label.to_string());
    match project.loaded.into_valid() {
        Ok((schema, _)) => schema,
        Err(loaded) => panic!(
            "{label} has errors: {:?}",
            loaded
                .diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        ),
    }
}

fn load_fixture(file: &str, options: &LoadOptions) -> Project {
    let path = fixtures_dir().join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let format = InputFormat::from_path(&path);
    load(vec![Input::from_text(file, text, format)], options)
}
