//! Reports for people: plain text for a terminal, Markdown for a pull-request comment.
//! (JSON is serde of [`Change`]; SARIF and GitHub annotations are the CLI's.)

use std::fmt::Write;

use crate::{Change, Criticality};

/// Most changes listed per criticality in Markdown, so a comment stays under GitHub's
/// 65,536-character limit.
const MARKDOWN_ROWS_PER_SECTION: usize = 150;

const ORDER: [Criticality; 3] = [
    Criticality::Breaking,
    Criticality::Dangerous,
    Criticality::Safe,
];

fn count(changes: &[Change], criticality: Criticality) -> (usize, usize) {
    let of_level = changes
        .iter()
        .filter(|change| change.criticality == criticality);
    let approved = of_level.clone().filter(|change| change.approved).count();
    (of_level.count(), approved)
}

fn summary(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "no changes".to_owned();
    }
    let parts: Vec<String> = ORDER
        .iter()
        .map(|criticality| {
            let (total, approved) = count(changes, *criticality);
            if approved > 0 {
                format!("{total} {criticality} ({approved} approved)")
            } else {
                format!("{total} {criticality}")
            }
        })
        .collect();
    let noun = if changes.len() == 1 {
        "change"
    } else {
        "changes"
    };
    format!("{} {noun}: {}", changes.len(), parts.join(", "))
}

/// Plain text, grouped by criticality (breaking first), one entry per change with its type,
/// path, location and message; breaking and dangerous entries also say why. No colours.
///
/// ```text
/// 3 changes: 1 breaking, 1 dangerous, 1 safe
///
/// breaking (1)
///   FIELD_REMOVED `Query.legacy` at old.graphql:4:3
///     field `Query.legacy` was removed
///     why: operations that select the field stop validating; ...
/// ```
pub fn render_human(changes: &[Change]) -> String {
    let mut out = summary(changes);
    out.push('\n');
    for criticality in ORDER {
        let group: Vec<&Change> = changes
            .iter()
            .filter(|change| change.criticality == criticality)
            .collect();
        if group.is_empty() {
            continue;
        }
        let _ = write!(out, "\n{criticality} ({})\n", group.len());
        for change in group {
            let _ = write!(out, "  {} `{}`", change.change_type, change.path);
            if let Some(location) = change.location() {
                let _ = write!(out, " at {location}");
            }
            if change.approved {
                out.push_str(" (approved)");
            }
            let _ = writeln!(out, "\n    {}", change.message);
            if criticality != Criticality::Safe {
                let _ = writeln!(out, "    why: {}", change.reason);
            }
            if let Some(operations) = &change.affected_operations {
                let _ = writeln!(out, "    used by: {}", used_by(operations));
            }
        }
    }
    out
}

/// `Viewer (src/viewer.graphql:3), Search (src/search.ts:12)`, or `no operation`.
fn used_by(operations: &[crate::AffectedOperation]) -> String {
    if operations.is_empty() {
        return "no operation".to_owned();
    }
    operations
        .iter()
        .map(|operation| format!("{} ({}:{})", operation.name, operation.file, operation.line))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Markdown for a pull-request comment: a summary line, a table per criticality (safe changes
/// collapsed), at most 150 rows per table.
pub fn render_markdown(changes: &[Change]) -> String {
    let mut out = String::from("## Schema changes\n\n");
    if changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let unapproved_breaking = changes
        .iter()
        .filter(|change| change.criticality == Criticality::Breaking && !change.approved)
        .count();
    let _ = writeln!(out, "{}.", capitalize(&summary(changes)));
    if unapproved_breaking > 0 {
        let _ = writeln!(
            out,
            "\n**{unapproved_breaking} breaking {} not approved.**",
            if unapproved_breaking == 1 {
                "change is"
            } else {
                "changes are"
            }
        );
    }
    for criticality in ORDER {
        let group: Vec<&Change> = changes
            .iter()
            .filter(|change| change.criticality == criticality)
            .collect();
        if group.is_empty() {
            continue;
        }
        let title = format!("{} ({})", capitalize(criticality.as_str()), group.len());
        if criticality == Criticality::Safe {
            let _ = write!(out, "\n<details>\n<summary>{title}</summary>\n\n");
        } else {
            let _ = write!(out, "\n### {title}\n\n");
        }
        let with_operations = changes
            .iter()
            .any(|change| change.affected_operations.is_some());
        if with_operations {
            out.push_str(
                "| Change | Path | Message | Approved | Used by |\n|---|---|---|---|---|\n",
            );
        } else {
            out.push_str("| Change | Path | Message | Approved |\n|---|---|---|---|\n");
        }
        for change in group.iter().take(MARKDOWN_ROWS_PER_SECTION) {
            let _ = write!(
                out,
                "| `{}` | `{}` | {} | {} |",
                change.change_type,
                table_cell(&change.path),
                table_cell(&change.message),
                if change.approved { "yes" } else { "" }
            );
            if with_operations {
                let operations = change.affected_operations.as_deref().unwrap_or_default();
                let mut names: Vec<String> = operations
                    .iter()
                    .take(5)
                    .map(|operation| format!("`{}`", table_cell(&operation.name)))
                    .collect();
                if operations.len() > 5 {
                    names.push(format!("and {} more", operations.len() - 5));
                }
                let _ = write!(out, " {} |", names.join(", "));
            }
            out.push('\n');
        }
        if group.len() > MARKDOWN_ROWS_PER_SECTION {
            let _ = writeln!(
                out,
                "\n…and {} more; run `gqlsmith diff` for the full list.",
                group.len() - MARKDOWN_ROWS_PER_SECTION
            );
        }
        if criticality == Criticality::Safe {
            out.push_str("\n</details>\n");
        }
    }
    out
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Keeps a table row one row: pipes escaped, line breaks as spaces.
fn table_cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::{capitalize, summary, table_cell};
    use crate::{Change, ChangeType, Criticality};

    #[track_caller]
    fn check_summary(levels: &[(Criticality, bool)], expect: &str) {
        let changes: Vec<Change> = levels
            .iter()
            .map(|(criticality, approved)| {
                let mut change = Change::new(ChangeType::FieldAdded, *criticality, "A.f", "", "");
                change.approved = *approved;
                change
            })
            .collect();
        assert_eq!(summary(&changes), expect);
    }

    #[test]
    fn summarizes_by_criticality() {
        check_summary(&[], "no changes");
        check_summary(
            &[(Criticality::Safe, false)],
            "1 change: 0 breaking, 0 dangerous, 1 safe",
        );
        check_summary(
            &[
                (Criticality::Breaking, true),
                (Criticality::Breaking, false),
                (Criticality::Dangerous, false),
            ],
            "3 changes: 2 breaking (1 approved), 1 dangerous, 0 safe",
        );
    }

    #[test]
    fn cells_stay_on_one_row() {
        assert_eq!(table_cell("a | b\nc"), "a \\| b c");
        assert_eq!(capitalize("breaking"), "Breaking");
        assert_eq!(capitalize(""), "");
    }
}
