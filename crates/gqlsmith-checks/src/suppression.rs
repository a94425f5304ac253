//! Inline suppression: `# gqlsmith-disable-next-line rule-name` in SDL.

use std::sync::Arc;

use gqlsmith_model::Diagnostic;
use indexmap::IndexMap;

/// The comment that starts a suppression.
const MARKER: &str = "gqlsmith-disable-next-line";

/// Drops the findings that a `# gqlsmith-disable-next-line rule-name[, other-rule]` comment
/// in `sources` (file name, text) suppresses. The comment applies to the next definition
/// line: blank lines, comments and descriptions (`"..."`, `"""..."""`) in between are
/// skipped, so the comment can stand above a description. Rules are named by name or code;
/// a comment without names suppresses every rule.
pub fn apply_suppressions(
    findings: Vec<Diagnostic>,
    sources: &[(Arc<str>, &str)],
) -> Vec<Diagnostic> {
    let mut by_file: IndexMap<&str, IndexMap<u32, Vec<String>>> = IndexMap::new();
    for (file, text) in sources {
        let suppressed = suppressed_lines(text);
        if !suppressed.is_empty() {
            by_file.insert(file, suppressed);
        }
    }
    if by_file.is_empty() {
        return findings;
    }
    findings
        .into_iter()
        .filter(|finding| {
            let Some(location) = &finding.location else {
                return true;
            };
            let Some(rules) = by_file
                .get(&*location.file)
                .and_then(|lines| lines.get(&location.line))
            else {
                return true;
            };
            let named = rules.is_empty()
                || rules
                    .iter()
                    .any(|rule| *rule == finding.name || rule.eq_ignore_ascii_case(&finding.code));
            !named
        })
        .collect()
}

/// Line number (1-based) of each suppressed definition -> the rules suppressed on it (empty:
/// every rule).
fn suppressed_lines(text: &str) -> IndexMap<u32, Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut suppressed: IndexMap<u32, Vec<String>> = IndexMap::new();
    for (index, line) in lines.iter().enumerate() {
        let Some(rules) = suppression_comment(line) else {
            continue;
        };
        if let Some(target) = next_definition_line(&lines, index + 1) {
            let line_number = u32::try_from(target + 1).unwrap_or(u32::MAX);
            let entry = suppressed.entry(line_number).or_default();
            if rules.is_empty() {
                entry.clear();
                entry.push(String::new());
            }
            entry.extend(rules);
        }
    }
    // An entry holding the empty name means "every rule".
    for rules in suppressed.values_mut() {
        if rules.iter().any(String::is_empty) {
            rules.clear();
        }
    }
    suppressed
}

/// The rule names of a suppression comment, or `None` when the line is not one.
fn suppression_comment(line: &str) -> Option<Vec<String>> {
    let comment = line.trim_start().strip_prefix('#')?.trim_start();
    let rest = comment.strip_prefix(MARKER)?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let rules = rest.trim();
    // Text after ` -- ` is a reason, as in `# gqlsmith-disable-next-line rule -- why`.
    let rules = rules.split_once("--").map_or(rules, |(names, _)| names);
    Some(
        rules
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

/// The index of the first line at or after `start` that is a definition: not blank, not a
/// comment, not part of a description.
fn next_definition_line(lines: &[&str], start: usize) -> Option<usize> {
    let mut index = start;
    while let Some(line) = lines.get(index) {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            index += 1;
        } else if let Some(after) = trimmed.strip_prefix("\"\"\"") {
            // A block string: skip to the line that closes it.
            if after.contains("\"\"\"") {
                index += 1;
                continue;
            }
            index += 1;
            while let Some(inner) = lines.get(index) {
                index += 1;
                if inner.contains("\"\"\"") {
                    break;
                }
            }
        } else if trimmed.starts_with('"') {
            index += 1;
        } else {
            return Some(index);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use gqlsmith_model::Location;

    /// Suppresses findings of `field-name-case` (NM002) at each `line` of `text` and returns
    /// the lines whose findings survive.
    #[track_caller]
    fn check(text: &str, lines: &[u32], expect: &[u32]) {
        let file: Arc<str> = Arc::from("schema.graphql");
        let findings = lines
            .iter()
            .map(|line| {
                Diagnostic::warning("NM002", "field-name-case", "x").at(Location::new(
                    file.clone(),
                    *line,
                    3,
                ))
            })
            .collect();
        let kept: Vec<u32> = apply_suppressions(findings, &[(file, text)])
            .iter()
            .filter_map(|finding| finding.location.as_ref().map(|location| location.line))
            .collect();
        assert_eq!(kept, expect);
    }

    #[test]
    fn next_line_by_name_or_code() {
        check("type A {\n  # gqlsmith-disable-next-line field-name-case\n  SHA: String\n  BAD: Int\n}\n", &[3, 4], &[4]);
        check(
            "type A {\n  # gqlsmith-disable-next-line NM002\n  SHA: String\n}\n",
            &[3],
            &[],
        );
        check(
            "type A {\n  # gqlsmith-disable-next-line type-name-case\n  SHA: String\n}\n",
            &[3],
            &[3],
        );
        check(
            "type A {\n  # gqlsmith-disable-next-line\n  SHA: String\n}\n",
            &[3],
            &[],
        );
        check("type A {\n  # gqlsmith-disable-next-line a, field-name-case -- legacy\n  SHA: String\n}\n", &[3], &[]);
    }

    #[test]
    fn skips_descriptions_and_comments() {
        check("type A {\n  # gqlsmith-disable-next-line field-name-case\n  \"\"\"\n  Doc.\n  \"\"\"\n  SHA: String\n}\n", &[6], &[]);
        check("type A {\n  # gqlsmith-disable-next-line field-name-case\n  \"Doc.\"\n  # other\n\n  SHA: String\n}\n", &[6], &[]);
        check("# gqlsmith-disable-next-line field-name-case\n", &[2], &[2]);
        check(
            "# gqlsmith-disable-next-linefield-name-case\nSHA\n",
            &[2],
            &[2],
        );
    }

    #[test]
    fn other_files_are_untouched() {
        let file: Arc<str> = Arc::from("other.graphql");
        let findings = vec![
            Diagnostic::warning("NM002", "field-name-case", "x").at(Location::new(file, 2, 1))
        ];
        let text = "# gqlsmith-disable-next-line\nSHA: String\n";
        assert_eq!(
            apply_suppressions(findings, &[(Arc::from("schema.graphql"), text)]).len(),
            1
        );
    }
}
