//! Peer check: on the real schemas, our Relay rules find what graphql-schema-linter 3.0.1's
//! Relay rules find (`fixtures/peer-outputs/lint-relay.json`), compared as sets of
//! (type, field). Every difference is listed and explained here.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use gqlsmith_checks::{check, rules, Config, Level};
use gqlsmith_model::{Date, Diagnostic};

fn repo_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

type Pairs = BTreeSet<(String, String)>;

/// The peer's findings on `schema` as (type, field).
fn peer_pairs(schema: &str, sdl: &str) -> Pairs {
    let text =
        std::fs::read_to_string(repo_root().join("fixtures/peer-outputs/lint-relay.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let lines: Vec<&str> = sdl.lines().collect();
    let findings = json["results"][format!("schemas/{schema}.graphql")]
        .as_array()
        .unwrap()
        .clone();
    findings
        .iter()
        .map(|finding| {
            let message = finding["message"].as_str().unwrap();
            match finding["rule"].as_str().unwrap() {
                // "The `X.pageInfo` field must return a non-null `PageInfo` object not `Y!`"
                "relay-connection-types-spec" => {
                    let coordinate = message.split('`').nth(1).unwrap();
                    let (ty, field) = coordinate.split_once('.').unwrap();
                    (ty.to_owned(), field.to_owned())
                }
                // The peer points at the field's description; the field follows it, and its
                // type is the nearest definition above.
                "relay-connection-arguments-spec" => {
                    let index = field_after_description(
                        &lines,
                        usize::try_from(finding["line"].as_u64().unwrap()).unwrap() - 1,
                    );
                    let field = lines[index]
                        .trim()
                        .split(['(', ':'])
                        .next()
                        .unwrap()
                        .trim()
                        .to_owned();
                    let ty = lines[..index]
                        .iter()
                        .rev()
                        .find_map(|line| {
                            line.strip_prefix("type ")
                                .or_else(|| line.strip_prefix("interface "))
                        })
                        .unwrap()
                        .split([' ', '{'])
                        .next()
                        .unwrap()
                        .to_owned();
                    (ty, field)
                }
                other => panic!("unexpected peer rule {other}"),
            }
        })
        .collect()
}

/// The index of the definition line at or after `index`, past a description.
fn field_after_description(lines: &[&str], index: usize) -> usize {
    let first = lines[index].trim();
    if let Some(rest) = first.strip_prefix("\"\"\"") {
        if rest.contains("\"\"\"") {
            return index + 1;
        }
        let closing = lines[index + 1..]
            .iter()
            .position(|line| line.contains("\"\"\""))
            .unwrap();
        index + 1 + closing + 1
    } else if first.starts_with('"') {
        index + 1
    } else {
        index
    }
}

/// Our findings of the Relay rules named `only` on `schema`.
fn our_findings(sdl_path: &str, sdl: &str, only: &[&str]) -> Vec<Diagnostic> {
    let loaded = gqlsmith_sdl::read_sdl(&[(Arc::from(sdl_path), sdl)]);
    assert!(!loaded.has_errors(), "{sdl_path} reads without errors");
    let mut config = Config::default();
    for rule in rules() {
        if !only.contains(&rule.name) {
            config.rules.insert(rule.name.to_owned(), Level::Off);
        }
    }
    check(&loaded.schema, &config, Date::parse("2026-11-29").unwrap())
}

/// (type, field) of a finding: the first two parts of its coordinate.
fn pairs(findings: &[Diagnostic]) -> Pairs {
    findings
        .iter()
        .map(|finding| {
            let coordinate = finding.coordinate.as_deref().unwrap_or("");
            let mut parts = coordinate.split('.');
            (
                parts.next().unwrap_or("").to_owned(),
                parts.next().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

/// The peer's three rules are our `connection-type`, `connection-arguments` and
/// `page-info-shape`; on each schema both find the same (type, field) set.
#[track_caller]
fn check_schema(schema: &str, expect_count: usize) {
    let path = format!("fixtures/schemas/{schema}.graphql");
    let sdl = std::fs::read_to_string(repo_root().join(&path)).unwrap();
    let peer = peer_pairs(schema, &sdl);
    let ours = pairs(&our_findings(
        &path,
        &sdl,
        &["connection-type", "connection-arguments", "page-info-shape"],
    ));
    assert_eq!(peer.len(), expect_count, "{schema}: the peer's count");
    assert_eq!(
        ours, peer,
        "{schema}: ours (left) and graphql-schema-linter's (right)"
    );
}

#[test]
fn github_has_no_relay_findings() {
    check_schema("github.valid", 0);
}

#[test]
fn saleor_has_no_relay_findings() {
    check_schema("saleor", 0);
}

#[test]
fn artsy_has_fifteen() {
    check_schema("artsy", 15);
}

#[test]
fn shopify_storefront_has_two() {
    check_schema("shopify-storefront", 2);
}

/// The differences, explained. graphql-schema-linter has no counterpart of `edge-type` (it
/// finds nothing on these schemas either way) nor of `edge-name-pairing`, which goes beyond
/// the Relay spec: GitHub and Artsy share edge types between connections
/// (`FollowerConnection.edges: [UserEdge]`) or list nodes directly as edges
/// (`SaleArtworksConnection.edges: [SaleArtwork]`). These are all our extra Relay findings.
#[test]
fn our_extra_relay_findings_are_the_edge_checks_the_peer_lacks() {
    let extras = |schema: &str| {
        let path = format!("fixtures/schemas/{schema}.graphql");
        let sdl = std::fs::read_to_string(repo_root().join(&path)).unwrap();
        our_findings(&path, &sdl, &["edge-type", "edge-name-pairing"])
            .iter()
            .map(|finding| {
                format!(
                    "{} {}",
                    finding.name,
                    finding.coordinate.as_deref().unwrap_or("")
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        extras("github.valid"),
        [
            "edge-name-pairing CommitHistoryConnection.edges",
            "edge-name-pairing ComparisonCommitConnection.edges",
            "edge-name-pairing FollowerConnection.edges",
            "edge-name-pairing FollowingConnection.edges",
            "edge-name-pairing IssueTimelineConnection.edges",
            "edge-name-pairing PullRequestTimelineConnection.edges",
        ]
    );
    assert_eq!(
        extras("artsy"),
        [
            "edge-name-pairing ConsignmentSubmissionConnection.edges",
            "edge-name-pairing SaleArtworksConnection.edges"
        ]
    );
    assert_eq!(extras("saleor"), Vec::<String>::new());
    assert_eq!(extras("shopify-storefront"), Vec::<String>::new());
}
