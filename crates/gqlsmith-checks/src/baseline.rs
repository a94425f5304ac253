//! Baselines: accepted findings recorded by rule and schema coordinate, so that a CI gate
//! fails only on new findings.

use gqlsmith_model::Diagnostic;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// Accepted findings, by rule name and schema coordinate (never by line, so edits elsewhere
/// in the file keep it valid). Stored as JSON:
/// `{"version": 1, "entries": [{"rule": "field-name-case", "coordinate": "Build.SHA", "count": 1}]}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    /// Sorted by rule, then coordinate.
    pub entries: Vec<BaselineEntry>,
}

/// `count` findings of `rule` at `coordinate` are accepted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    /// The rule's kebab-case name.
    pub rule: String,
    /// The finding's schema coordinate (empty for findings without one).
    pub coordinate: String,
    /// How many findings of this rule at this coordinate are accepted (a type can repeat
    /// several error codes, for instance).
    pub count: u32,
}

impl Baseline {
    /// The format version this crate writes and reads.
    pub const VERSION: u32 = 1;

    /// Reads a baseline file's text. An error is `LINE:COLUMN: what is wrong; what to do`
    /// (the caller puts the path in front): JSON that does not parse or has the wrong shape,
    /// and a `version` this gqlsmith does not know, which would otherwise be read as if it were
    /// this one (a newer gqlsmith may change what entries mean).
    pub fn from_json(text: &str) -> Result<Baseline, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let baseline: Baseline = serde_json::from_str(text).map_err(|error| {
            // serde_json counts columns from 0 at the start of a line (an empty file fails at
            // column 0); positions are 1-based everywhere else.
            let detail = error.to_string();
            let detail = detail
                .split(" at line ")
                .next()
                .unwrap_or(&detail)
                .to_owned();
            format!(
                "{}:{}: invalid baseline: {detail}; write a new one with --write-baseline",
                error.line().max(1),
                error.column().max(1)
            )
        })?;
        if baseline.version != Baseline::VERSION {
            let offset = text.find("\"version\"").unwrap_or(0);
            let (line, column) = gqlsmith_model::LineIndex::new(text).line_column(offset);
            return Err(format!(
                "{line}:{column}: unsupported baseline version {}: this gqlsmith reads version {}; write the baseline again with this gqlsmith's --write-baseline",
                baseline.version,
                Baseline::VERSION
            ));
        }
        Ok(baseline)
    }

    /// Records `findings` as accepted.
    pub fn from_findings(findings: &[Diagnostic]) -> Baseline {
        let entries = count_by_key(findings)
            .into_iter()
            .map(|((rule, coordinate), count)| BaselineEntry {
                rule,
                coordinate,
                count,
            })
            .collect();
        Baseline {
            version: Baseline::VERSION,
            entries,
        }
    }

    /// Splits a run's `findings` into those the baseline does not accept (in their order)
    /// and the baseline entries that no finding matches any more (`count` says how many of
    /// the accepted findings are gone).
    pub fn split(&self, findings: Vec<Diagnostic>) -> (Vec<Diagnostic>, Vec<BaselineEntry>) {
        let mut allowance: IndexMap<(String, String), u32> = IndexMap::new();
        for entry in &self.entries {
            *allowance
                .entry((entry.rule.clone(), entry.coordinate.clone()))
                .or_default() += entry.count;
        }
        let mut new_findings = Vec::new();
        for finding in findings {
            let key = (
                finding.name.clone(),
                finding.coordinate.clone().unwrap_or_default(),
            );
            match allowance.get_mut(&key) {
                Some(left) if *left > 0 => *left -= 1,
                _ => new_findings.push(finding),
            }
        }
        let mut fixed: Vec<BaselineEntry> = allowance
            .into_iter()
            .filter(|(_, left)| *left > 0)
            .map(|((rule, coordinate), count)| BaselineEntry {
                rule,
                coordinate,
                count,
            })
            .collect();
        fixed.sort();
        (new_findings, fixed)
    }
}

/// (rule, coordinate) -> count, sorted.
fn count_by_key(findings: &[Diagnostic]) -> std::collections::BTreeMap<(String, String), u32> {
    let mut counts = std::collections::BTreeMap::new();
    for finding in findings {
        let key = (
            finding.name.clone(),
            finding.coordinate.clone().unwrap_or_default(),
        );
        *counts.entry(key).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use gqlsmith_model::Location;

    fn finding(rule: &str, coordinate: &str, line: u32) -> Diagnostic {
        Diagnostic::warning("X000", rule, "m")
            .at(Location::new("schema.graphql".into(), line, 1))
            .with_coordinate(coordinate)
    }

    /// Records `before` as the baseline, then splits `after`: renders the new findings and
    /// the fixed entries.
    #[track_caller]
    fn check(before: &[(&str, &str, u32)], after: &[(&str, &str, u32)], expect: &str) {
        let make = |list: &[(&str, &str, u32)]| {
            list.iter()
                .map(|(rule, coordinate, line)| finding(rule, coordinate, *line))
                .collect::<Vec<_>>()
        };
        let baseline = Baseline::from_findings(&make(before));
        let json = serde_json::to_string(&baseline).unwrap();
        let baseline: Baseline = serde_json::from_str(&json).unwrap();
        let (new, fixed) = baseline.split(make(after));
        let new: Vec<String> = new
            .iter()
            .map(|f| format!("{} {}", f.name, f.coordinate.as_deref().unwrap_or("")))
            .collect();
        let fixed: Vec<String> = fixed
            .iter()
            .map(|e| format!("{} {} x{}", e.rule, e.coordinate, e.count))
            .collect();
        assert_eq!(
            format!("new: [{}] fixed: [{}]", new.join(", "), fixed.join(", ")),
            expect
        );
    }

    #[test]
    fn lines_do_not_matter_coordinates_do() {
        check(
            &[("field-name-case", "A.SHA", 3)],
            &[("field-name-case", "A.SHA", 30)],
            "new: [] fixed: []",
        );
        check(
            &[("field-name-case", "A.SHA", 3)],
            &[
                ("field-name-case", "A.SHA", 3),
                ("field-name-case", "B.SHA", 9),
            ],
            "new: [field-name-case B.SHA] fixed: []",
        );
        check(
            &[("field-name-case", "A.SHA", 3)],
            &[],
            "new: [] fixed: [field-name-case A.SHA x1]",
        );
        check(
            &[("field-name-case", "A.SHA", 3)],
            &[("type-name-case", "A.SHA", 3)],
            "new: [type-name-case A.SHA] fixed: [field-name-case A.SHA x1]",
        );
    }

    #[test]
    fn counts_per_coordinate() {
        check(
            &[
                ("error-code-repeated", "Pay", 3),
                ("error-code-repeated", "Pay", 4),
            ],
            &[
                ("error-code-repeated", "Pay", 5),
                ("error-code-repeated", "Pay", 6),
                ("error-code-repeated", "Pay", 7),
            ],
            "new: [error-code-repeated Pay] fixed: []",
        );
        check(
            &[
                ("error-code-repeated", "Pay", 3),
                ("error-code-repeated", "Pay", 4),
            ],
            &[("error-code-repeated", "Pay", 5)],
            "new: [] fixed: [error-code-repeated Pay x1]",
        );
    }

    #[test]
    fn json_shape() {
        let baseline = Baseline::from_findings(&[
            finding("b", "Z", 1),
            finding("a", "Y", 2),
            finding("a", "Y", 3),
        ]);
        assert_eq!(
            serde_json::to_string(&baseline).unwrap(),
            r#"{"version":1,"entries":[{"rule":"a","coordinate":"Y","count":2},{"rule":"b","coordinate":"Z","count":1}]}"#
        );
    }
}
