//! Reading a templates folder (`--templates DIR`, `Builder::templates`): the facade does the
//! IO and hands gqlsmith-codegen the files as `(name, text)` pairs.

use std::path::{Path, PathBuf};

use gqlsmith_codegen::Templates;
use gqlsmith_model::Diagnostic;

/// The embedded templates with the overrides in `dir` (`DIR/<target>/<name>.tera`): each file
/// that exists replaces the embedded template of its name. Unreadable files, files that match
/// no template and template syntax errors are diagnostics naming the file.
pub fn read_templates(dir: &Path) -> Result<Templates, Vec<Diagnostic>> {
    let origin = dir.display().to_string();
    let unreadable = |path: &Path, error: std::io::Error| {
        Templates::unreadable(&path.display().to_string(), &error.to_string())
    };
    let entries = sorted_entries(dir).map_err(|error| vec![unreadable(dir, error)])?;
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    for entry in entries {
        let Some(folder) = file_name(&entry) else {
            continue;
        };
        if !entry.is_dir() {
            // Passed without text: gqlsmith-codegen says why it is not a template.
            files.push((folder, String::new()));
            continue;
        }
        let inside = match sorted_entries(&entry) {
            Ok(inside) => inside,
            Err(error) => {
                diagnostics.push(unreadable(&entry, error));
                continue;
            }
        };
        if inside.is_empty() {
            files.push((format!("{folder}/"), String::new()));
        }
        for file in inside {
            let Some(name) = file_name(&file) else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            match std::fs::read_to_string(&file) {
                Ok(text) => files.push((format!("{folder}/{name}"), text)),
                Err(error) => diagnostics.push(unreadable(&file, error)),
            }
        }
    }
    match Templates::with_overrides(&origin, files) {
        Ok(templates) if diagnostics.is_empty() => Ok(templates),
        Ok(_) => Err(diagnostics),
        Err(mut found) => {
            diagnostics.append(&mut found);
            Err(diagnostics)
        }
    }
}

fn file_name(path: &Path) -> Option<String> {
    path.file_name()
        .and_then(|name| name.to_str())
        .map(str::to_owned)
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        entries.push(entry?.path());
    }
    entries.sort();
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_dir_is_a_diagnostic() {
        let diagnostics = read_templates(Path::new("/nonexistent/gqlsmith-templates")).unwrap_err();
        assert_eq!(diagnostics[0].name, "unreadable-template");
    }

    #[test]
    fn overrides_are_read_from_the_folder() {
        let dir = std::env::temp_dir().join(format!("gqlsmith-templates-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("rust-client")).unwrap();
        std::fs::create_dir_all(dir.join(".git")).unwrap();
        std::fs::write(
            dir.join("rust-client/enums.rs.tera"),
            "line one\n{% for x in %}\n",
        )
        .unwrap();
        let diagnostics = read_templates(&dir).unwrap_err();
        assert_eq!(
            diagnostics[0].to_string(),
            format!(
                "{}/rust-client/enums.rs.tera:2:13: error[G701]: template syntax error: expected an expression or an array of values",
                dir.display()
            )
        );
        std::fs::write(dir.join("rust-client/enums.rs.tera"), "// mine\n").unwrap();
        assert!(read_templates(&dir).is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
