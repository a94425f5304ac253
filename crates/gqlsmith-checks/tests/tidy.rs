//! The rule table keeps its promises: every rule has its documentation headings, its own file,
//! a fixture and a snapshot; codes and names are unique and well formed.

use std::collections::BTreeSet;
use std::path::Path;

use gqlsmith_checks::{rules, Family};

const HEADINGS: [&str; 6] = [
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Use instead",
    "## Options",
    "## References",
];

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn code_prefix(family: Family) -> &'static str {
    match family {
        Family::Relay => "RL",
        Family::Errors => "EC",
        Family::Deprecation => "DP",
        Family::Naming => "NM",
        Family::Descriptions => "DS",
        Family::References => "RF",
        Family::Operations => "OP",
    }
}

#[test]
fn every_rule_documents_itself_under_the_fixed_headings() {
    for rule in rules() {
        let docs = rule.documentation();
        let mut from = 0;
        for heading in HEADINGS {
            let at = docs[from..]
                .find(&format!("{heading}\n"))
                .map(|offset| from + offset);
            let at =
                at.unwrap_or_else(|| panic!("{}: `{heading}` missing or out of order", rule.code));
            from = at + heading.len();
        }
        assert!(
            docs.contains("https://"),
            "{}: References need a link",
            rule.code
        );
        assert!(!rule.summary().is_empty(), "{}: empty summary", rule.code);
    }
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = BTreeSet::new();
    let mut names = BTreeSet::new();
    for rule in rules() {
        assert!(codes.insert(rule.code), "code {} is used twice", rule.code);
        assert!(names.insert(rule.name), "name {} is used twice", rule.name);
        assert!(
            rule.name
                .split('-')
                .all(|word| !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase())),
            "{} is not kebab-case",
            rule.name
        );
        let digits = rule
            .code
            .strip_prefix(code_prefix(rule.family))
            .unwrap_or_else(|| {
                panic!(
                    "{} does not start with its family's prefix {}",
                    rule.code,
                    code_prefix(rule.family)
                )
            });
        assert!(
            digits.len() == 3 && digits.chars().all(|c| c.is_ascii_digit()),
            "{}: three digits",
            rule.code
        );
    }
}

#[test]
fn every_rule_has_its_file_fixture_and_snapshot() {
    for rule in rules() {
        let file = crate_dir()
            .join("src/rules")
            .join(rule.family.as_str())
            .join(format!("{}.rs", rule.name.replace('-', "_")));
        assert!(file.exists(), "{}: no file {}", rule.code, file.display());
        let fixtures = crate_dir().join("../../fixtures/rules");
        assert!(
            fixtures.join(format!("{}.graphql", rule.code)).exists()
                || fixtures.join(format!("{}.txt", rule.code)).exists(),
            "{}: no fixture in fixtures/rules",
            rule.code
        );
        let snapshot = crate_dir().join(format!("tests/snapshots/rules__{}.snap", rule.code));
        assert!(
            snapshot.exists(),
            "{}: no snapshot {}",
            rule.code,
            snapshot.display()
        );
    }
}

#[test]
fn no_fixture_or_snapshot_without_a_rule() {
    let codes: BTreeSet<&str> = rules().iter().map(|rule| rule.code).collect();
    let fixtures = crate_dir().join("../../fixtures/rules");
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name == "README.md" {
            continue;
        }
        let code = name.split('.').next().unwrap_or("");
        assert!(
            codes.contains(code),
            "fixtures/rules/{name} belongs to no rule"
        );
    }
    for entry in std::fs::read_dir(crate_dir().join("tests/snapshots")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if let Some(code) = name
            .strip_prefix("rules__")
            .and_then(|rest| rest.strip_suffix(".snap"))
        {
            assert!(codes.contains(code), "snapshot {name} belongs to no rule");
        }
    }
}
