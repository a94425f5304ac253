//! The Kraken seed page (`fixtures/kraken/objects.txt`), read and recovered as `gqlsmith check`
//! does, checked with the `kraken` profile: no crash, and a finding for each convention break
//! the page is known to have.

use std::collections::BTreeMap;

use gqlsmith_checks::{check, error_catalogue, Config, Profile};
use gqlsmith_model::{Date, Diagnostic};

fn seed_findings(config: &Config) -> Vec<Diagnostic> {
    // What `gqlsmith check` with no input checks: the bundled page, loaded and recovered.
    let loaded =
        gqlsmith::load(vec![gqlsmith::Input::bundled_kraken()], &Default::default()).loaded;
    check(&loaded.schema, config, Date::parse("2026-11-29").unwrap())
}

fn kraken() -> Config {
    let mut config = Config::default();
    config.profiles.push(Profile::Kraken);
    config
}

/// The findings of `rule`, one line each.
fn lines_of(findings: &[Diagnostic], rule: &str) -> Vec<String> {
    findings
        .iter()
        .filter(|finding| finding.name == rule)
        .map(ToString::to_string)
        .collect()
}

#[test]
fn every_known_break_is_found() {
    let findings = seed_findings(&kraken());
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for finding in &findings {
        *counts.entry(finding.name.as_str()).or_default() += 1;
    }
    // 42 lists repeat a code; 6 lists are lost in field descriptions.
    assert_eq!(counts.get("error-code-repeated"), Some(&42));
    assert_eq!(counts.get("error-list-in-description"), Some(&6));
    assert_eq!(
        lines_of(&findings, "deprecation-names-other-field"),
        [
            "fixtures/kraken/objects.txt:8071:1: warning[DP004]: the deprecation notice of `LedgerType.id` names `ledgerId`",
            "fixtures/kraken/objects.txt:12982:1: warning[DP004]: the deprecation notice of `SupplementaryLedgerType.id` names `ledgerId`",
        ]
    );
    assert_eq!(
        lines_of(&findings, "type-name-case"),
        [
            "fixtures/kraken/objects.txt:8959:1: warning[NM001]: type name `QuoteType_` is not PascalCase",
            "fixtures/kraken/objects.txt:10271:1: warning[NM001]: type name `query_type` is not PascalCase",
        ]
    );
    assert_eq!(
        lines_of(&findings, "field-name-case"),
        ["fixtures/kraken/objects.txt:7771:1: warning[NM002]: field name `KrakenVersionType.SHA` is not camelCase"]
    );
    // Recovery classifies every type the page references but never shows.
    assert_eq!(counts.get("dangling-reference"), None);
    insta::assert_debug_snapshot!("seed_counts", counts);
    let lists = lines_of(&findings, "error-list-in-description").join("\n");
    insta::assert_snapshot!("seed_error_lists_in_descriptions", lists);
    let truncated = lines_of(&findings, "truncated-description").join("\n");
    insta::assert_snapshot!("seed_truncated_descriptions", truncated);
}

#[test]
fn naming_exceptions_silence_the_three_names() {
    let config = Config::from_toml(
        "[check]\nprofiles = [\"relay\", \"kraken\"]\n[check.naming]\nexceptions = [\"query_type\", \"QuoteType_\", \"SHA\"]\n",
        "gqlsmith.toml",
    )
    .unwrap();
    let naming: Vec<String> = seed_findings(&config)
        .iter()
        .filter(|finding| finding.code.starts_with("NM"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(naming, Vec::<String>::new());
}

#[test]
fn catalogue_of_the_seed() {
    // What `gqlsmith check` with no input checks: the bundled page, loaded and recovered.
    let loaded =
        gqlsmith::load(vec![gqlsmith::Input::bundled_kraken()], &Default::default()).loaded;
    let catalogue = error_catalogue(&loaded.schema);
    let unauthorized = &catalogue.codes["KT-CT-1111"];
    assert_eq!(unauthorized.keys().collect::<Vec<_>>(), ["Unauthorized."]);
    assert!(unauthorized["Unauthorized."].contains(&"AddBusinessToSegmentMutation".to_owned()));
    // One message per code on the seed: no code has two.
    assert!(catalogue.codes.values().all(|messages| messages.len() == 1));
    insta::assert_snapshot!("seed_catalogue_size", format!("{} codes", catalogue.len()));
}
