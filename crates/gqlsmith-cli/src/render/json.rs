//! Diagnostics as the documented JSON shape (see README "JSON output").

use gqlsmith_model::Diagnostic;
use serde_json::{json, Value};

/// One object per diagnostic: `code`, `name`, `severity`, `message`, `file`, `line`, `column`,
/// `help`, `coordinate`, `labels`.
pub(crate) fn diagnostics_json(diagnostics: &[Diagnostic]) -> Value {
    Value::Array(diagnostics.iter().map(diagnostic_json).collect())
}

fn diagnostic_json(diagnostic: &Diagnostic) -> Value {
    let location = diagnostic.location.as_ref();
    json!({
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.as_str(),
        "message": diagnostic.message,
        "file": location.map(|l| &*l.file),
        "line": location.map(|l| l.line),
        "column": location.map(|l| l.column),
        "help": diagnostic.help,
        "coordinate": diagnostic.coordinate,
        "labels": diagnostic.labels.iter().map(|label| json!({
            "message": label.message,
            "file": &*label.location.file,
            "line": label.location.line,
            "column": label.location.column,
        })).collect::<Vec<_>>(),
    })
}
