//! The allow list: intended changes, by path and change type, that are reported but do not
//! fail the gate; entries that match no change are reported as stale.

use std::sync::Arc;

use gqlsmith_model::{Diagnostic, Location};
use serde::Deserialize;

use crate::{Change, ChangeType};

/// Approved changes, read from TOML or JSON.
///
/// TOML (hand-written; unknown keys are errors):
///
/// ```toml
/// [[allow]]
/// path = "Query.legacySearch"
/// change = "FIELD_REMOVED"
/// reason = "deprecated for a year, unused since March"   # optional
/// ```
///
/// JSON: `{"allow": [{"path": …, "change": …, "reason": …}]}`, a bare array of entries, or
/// gqlsmith's own JSON output (`change_type` is accepted for `change`, and other keys are
/// ignored), so a report can be pruned into an allow list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AllowList {
    entries: Vec<AllowEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct AllowEntry {
    path: String,
    change_type: ChangeType,
    location: Location,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    #[serde(default)]
    allow: Vec<TomlEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlEntry {
    path: toml::Spanned<String>,
    #[serde(alias = "change_type")]
    change: toml::Spanned<String>,
    #[serde(default)]
    #[allow(dead_code)]
    reason: Option<String>,
}

/// A raw entry and the byte offsets of its path and change values.
struct RawEntry {
    path: String,
    path_offset: usize,
    change: String,
    change_offset: usize,
}

impl AllowList {
    /// Reads an allow list: JSON when the text starts with `{` or a `[` that does not open
    /// `[[allow]]`, TOML otherwise.
    /// Every problem is reported (not only the first), each located in `file`.
    pub fn parse(text: &str, file: Arc<str>) -> Result<AllowList, Vec<Diagnostic>> {
        let start = text.trim_start();
        // `[[allow]]` opens TOML; a JSON allow list is an object or a flat array.
        let raw = if start.starts_with('{') || (start.starts_with('[') && !start.starts_with("[["))
        {
            parse_json(text, &file)?
        } else {
            parse_toml(text, &file)?
        };
        let mut entries = Vec::new();
        let mut diagnostics = Vec::new();
        for entry in raw {
            let path_location = location_at(text, &file, entry.path_offset);
            let change_location = location_at(text, &file, entry.change_offset);
            if entry.path.trim().is_empty() {
                diagnostics.push(
                    Diagnostic::error(
                        "DF003",
                        "empty-allow-path",
                        "allow entry has an empty `path`",
                    )
                    .at(path_location.clone())
                    .with_help(
                        "write the schema coordinate of the change, such as `Query.user.id`",
                    ),
                );
            }
            match ChangeType::from_name(entry.change.trim()) {
                Some(change_type) => entries.push(AllowEntry {
                    path: entry.path.trim().to_owned(),
                    change_type,
                    location: path_location,
                }),
                None => diagnostics.push(
                    Diagnostic::error(
                        "DF002",
                        "unknown-change-type",
                        format!("unknown change type `{}`", entry.change),
                    )
                    .at(change_location)
                    .with_length(entry.change.chars().count() as u32)
                    .with_help(match closest_change_type(&entry.change) {
                        Some(name) => format!("did you mean `{name}`? change types are listed in the gqlsmith-diff README"),
                        None => "use a change type as `gqlsmith diff --format json` prints it, such as `FIELD_REMOVED`".to_owned(),
                    }),
                ),
            }
        }
        if diagnostics.is_empty() {
            Ok(AllowList { entries })
        } else {
            Err(diagnostics)
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Marks every change an entry matches (same path and change type) as approved, and
    /// returns a warning (`DF004 stale-allow-entry`) for each entry that matched nothing.
    pub fn apply(&self, changes: &mut [Change]) -> Vec<Diagnostic> {
        let mut stale = Vec::new();
        for entry in &self.entries {
            let mut matched = false;
            for change in changes.iter_mut() {
                if change.change_type == entry.change_type && change.path == entry.path {
                    change.approved = true;
                    matched = true;
                }
            }
            if !matched {
                stale.push(
                    Diagnostic::warning(
                        "DF004",
                        "stale-allow-entry",
                        format!(
                            "allow entry `{}` at `{}` matches no change",
                            entry.change_type, entry.path
                        ),
                    )
                    .at(entry.location.clone())
                    .with_length(entry.path.chars().count() as u32 + 2)
                    .with_coordinate(entry.path.clone())
                    .with_help("the change was made, reverted or renamed: remove the entry"),
                );
            }
        }
        stale
    }
}

fn parse_toml(text: &str, file: &Arc<str>) -> Result<Vec<RawEntry>, Vec<Diagnostic>> {
    let parsed: TomlFile = toml::from_str(text).map_err(|error| {
        let offset = error.span().map_or(0, |span| span.start);
        vec![Diagnostic::error(
            "DF001",
            "invalid-allow-list",
            format!("cannot read the allow list: {}", error.message().trim()),
        )
        .at(location_at(text, file, offset))
        .with_help("write `[[allow]]` tables with `path` and `change` keys")]
    })?;
    Ok(parsed
        .allow
        .into_iter()
        .map(|entry| RawEntry {
            path_offset: entry.path.span().start,
            change_offset: entry.change.span().start,
            path: entry.path.into_inner(),
            change: entry.change.into_inner(),
        })
        .collect())
}

fn parse_json(text: &str, file: &Arc<str>) -> Result<Vec<RawEntry>, Vec<Diagnostic>> {
    let help = "write `{\"allow\": [{\"path\": \"Query.user\", \"change\": \"FIELD_REMOVED\"}]}`";
    let invalid = |message: String, location: Location| {
        Diagnostic::error("DF001", "invalid-allow-list", message)
            .at(location)
            .with_help(help)
    };
    let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
        let location = Location::new(
            file.clone(),
            error.line().max(1) as u32,
            error.column().max(1) as u32,
        );
        vec![invalid(
            format!("cannot read the allow list: {error}"),
            location,
        )]
    })?;
    let start = location_at(text, file, text.len() - text.trim_start().len());
    let entries = match &value {
        serde_json::Value::Array(entries) => entries,
        serde_json::Value::Object(object) => {
            match object
                .get("allow")
                .or_else(|| object.get("changes"))
                .and_then(|list| list.as_array())
            {
                Some(entries) => entries,
                None => {
                    return Err(vec![invalid(
                        "expected an `allow` array of entries".to_owned(),
                        start,
                    )])
                }
            }
        }
        _ => {
            return Err(vec![invalid(
                "expected an `allow` array of entries".to_owned(),
                start,
            )])
        }
    };
    // serde_json keeps no positions, so find each value in order in the text.
    let mut search_from = 0;
    let mut find = |value: &str| -> usize {
        let quoted = serde_json::to_string(value).unwrap_or_default();
        match text.get(search_from..).and_then(|rest| rest.find(&quoted)) {
            Some(found) => {
                let offset = search_from + found;
                search_from = offset + quoted.len();
                offset
            }
            None => search_from,
        }
    };
    let mut raw = Vec::new();
    let mut diagnostics = Vec::new();
    let mut last_offset = 0;
    for (index, entry) in entries.iter().enumerate() {
        let text_of = |key: &str| entry.get(key).and_then(|value| value.as_str());
        match (
            text_of("path"),
            text_of("change").or_else(|| text_of("change_type")),
        ) {
            (Some(path), Some(change)) => {
                let path_offset = find(path);
                let change_offset = find(change);
                last_offset = path_offset.max(change_offset);
                raw.push(RawEntry {
                    path: path.to_owned(),
                    path_offset,
                    change: change.to_owned(),
                    change_offset,
                });
            }
            _ => diagnostics.push(invalid(
                format!(
                    "allow entry {} needs a string `path` and a string `change`",
                    index + 1
                ),
                location_at(text, file, last_offset),
            )),
        }
    }
    if diagnostics.is_empty() {
        Ok(raw)
    } else {
        Err(diagnostics)
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn location_at(text: &str, file: &Arc<str>, offset: usize) -> Location {
    gqlsmith_model::LineIndex::new(text).location(file, offset)
}

/// The change type a misspelt name most likely meant: same words in another case or order.
fn closest_change_type(name: &str) -> Option<&'static str> {
    let normalized = name
        .trim()
        .to_ascii_uppercase()
        .replace(['-', ' ', '.'], "_");
    ChangeType::ALL
        .iter()
        .map(|change_type| change_type.as_str())
        .find(|candidate| *candidate == normalized)
}

#[cfg(test)]
mod tests {
    use super::AllowList;
    use crate::{Change, ChangeType, Criticality};

    fn changes() -> Vec<Change> {
        vec![
            Change::new(
                ChangeType::FieldRemoved,
                Criticality::Breaking,
                "Query.legacy",
                "",
                "",
            ),
            Change::new(
                ChangeType::EnumValueAdded,
                Criticality::Dangerous,
                "Color.TEAL",
                "",
                "",
            ),
        ]
    }

    /// Parses `text`, applies it, and renders the approved paths and diagnostics.
    #[track_caller]
    fn check(text: &str, expect: &[&str]) {
        let mut changes = changes();
        let lines: Vec<String> = match AllowList::parse(text, "allow.toml".into()) {
            Ok(allow) => {
                let stale = allow.apply(&mut changes);
                changes
                    .iter()
                    .filter(|change| change.approved)
                    .map(|change| format!("approved {}", change.path))
                    .chain(stale.iter().map(|diagnostic| format!("{diagnostic}")))
                    .collect()
            }
            Err(diagnostics) => diagnostics
                .iter()
                .map(|diagnostic| {
                    format!(
                        "{diagnostic} | {}",
                        diagnostic.help.as_deref().unwrap_or("")
                    )
                })
                .collect(),
        };
        assert_eq!(lines, expect);
    }

    #[test]
    fn approves_by_path_and_change_type() {
        check(
            "[[allow]]\npath = \"Query.legacy\"\nchange = \"FIELD_REMOVED\"\n",
            &["approved Query.legacy"],
        );
        check("", &[]);
        check(
            "[[allow]]\npath = \"Query.legacy\"\nchange = \"FIELD_TYPE_CHANGED\"\n",
            &["allow.toml:2:8: warning[DF004]: allow entry `FIELD_TYPE_CHANGED` at `Query.legacy` matches no change"],
        );
        check(
            r#"{"allow": [{"path": "Color.TEAL", "change": "ENUM_VALUE_ADDED", "reason": "new colour"}]}"#,
            &["approved Color.TEAL"],
        );
        check(
            r#"[{"change_type": "FIELD_REMOVED", "criticality": "breaking", "path": "Query.legacy"}]"#,
            &["approved Query.legacy"],
        );
        check(
            "{\"changes\": [\n  {\"path\": \"Gone.field\", \"change_type\": \"FIELD_REMOVED\"}\n]}",
            &["allow.toml:2:12: warning[DF004]: allow entry `FIELD_REMOVED` at `Gone.field` matches no change"],
        );
    }

    #[test]
    fn reports_every_bad_entry() {
        check(
            "[[allow]]\npath = \"A.b\"\nchange = \"field-removed\"\n\n[[allow]]\npath = \"\"\nchange = \"NOPE\"\n",
            &[
                "allow.toml:3:10: error[DF002]: unknown change type `field-removed` | did you mean `FIELD_REMOVED`? change types are listed in the gqlsmith-diff README",
                "allow.toml:6:8: error[DF003]: allow entry has an empty `path` | write the schema coordinate of the change, such as `Query.user.id`",
                "allow.toml:7:10: error[DF002]: unknown change type `NOPE` | use a change type as `gqlsmith diff --format json` prints it, such as `FIELD_REMOVED`",
            ],
        );
        check(
            "[[allow]]\npath = \"A.b\"\ntype = \"FIELD_REMOVED\"\n",
            &["allow.toml:3:1: error[DF001]: cannot read the allow list: unknown field `type`, expected one of `path`, `change`, `change_type`, `reason` | write `[[allow]]` tables with `path` and `change` keys"],
        );
        check(
            "{\"allow\": [\n{\"path\": 3}]}",
            &["allow.toml:1:1: error[DF001]: allow entry 1 needs a string `path` and a string `change` | write `{\"allow\": [{\"path\": \"Query.user\", \"change\": \"FIELD_REMOVED\"}]}`"],
        );
        check(
            "{\"allow\": [\n  {\"path\": \"A.b\",}\n]}",
            &["allow.toml:2:18: error[DF001]: cannot read the allow list: trailing comma at line 2 column 18 | write `{\"allow\": [{\"path\": \"Query.user\", \"change\": \"FIELD_REMOVED\"}]}`"],
        );
        check(
            "{\"deny\": []}",
            &["allow.toml:1:1: error[DF001]: expected an `allow` array of entries | write `{\"allow\": [{\"path\": \"Query.user\", \"change\": \"FIELD_REMOVED\"}]}`"],
        );
    }
}
