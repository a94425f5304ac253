//! What `gqlsmith generate --target typescript` writes for the types a docs page knows only in
//! part (the bundled Kraken page, recovery on, as users run it), judged by the pinned
//! `tsc --strict` (`tools/`, installed by `cargo xtask test`): an incomplete enum accepts a
//! value the page never showed, in both enum styles; a union member the page never showed keeps
//! its fields; an interface whose fields the page does not list still rejects a string.

use std::path::{Path, PathBuf};
use std::process::Command;

mod support;

use support::{gqlsmith, root};

/// Generates the Kraken page's `types.ts` into a temporary folder, with `config` (TOML) as the
/// configuration file; returns the folder.
fn generate_kraken_types(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary dir");
    let config_path = dir.path().join("gqlsmith.toml");
    std::fs::write(&config_path, config).expect("writable temporary dir");
    let out = dir.path().join("out");
    let run = gqlsmith(&[
        "generate",
        "fixtures/kraken/objects.txt",
        "--target",
        "typescript",
        "--config",
        &config_path.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    dir
}

fn types_ts(dir: &Path) -> PathBuf {
    dir.join("out/typescript/types.ts")
}

/// Runs `tsc --noEmit --strict` on `types.ts` and `usage` (written as `usage.ts` beside it);
/// returns tsc's report, "" when everything type-checks.
fn type_check(dir: &Path, usage: &str) -> String {
    let folder = dir.join("out/typescript");
    std::fs::write(folder.join("usage.ts"), usage).expect("writable temporary dir");
    let tsc = root().join("tools/node_modules/.bin/tsc");
    assert!(
        tsc.exists(),
        "TypeScript is not installed: run `npm ci --prefix tools` in the repository root (cargo xtask test does it), then rerun"
    );
    let output = Command::new(tsc)
        .current_dir(&folder)
        .args([
            "--noEmit",
            "--strict",
            "--pretty",
            "false",
            "--target",
            "es2020",
            "--module",
            "es2020",
            "--moduleResolution",
            "bundler",
            "types.ts",
            "usage.ts",
        ])
        .output()
        .expect("tsc runs");
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(
        output.status.success(),
        report.trim().is_empty(),
        "{report}"
    );
    report
}

/// Code written against the Kraken types: `APIType` is known from one sample (`GRAPHQL`),
/// `AccountEvent` from one member (`EmailEventType`), `BillInterface` from its name alone.
const USAGE: &str = r#"
import { APIType, AccountEvent, BillInterface } from './types';

// A value the page never showed is still an `APIType`.
export const unseenValue: APIType = 'REST';
export function isGraphql(api: APIType): boolean {
  return api === 'GRAPHQL';
}

// A member the page never showed keeps its `__typename` and its fields.
export const unseenMember: AccountEvent = {
  __typename: 'SmsEventType',
  body: 'Your bill is ready',
  sentAt: '2024-01-01T00:00:00Z',
};
export function smsBody(event: AccountEvent): unknown {
  if (event.__typename === 'SmsEventType') {
    return event.body;
  }
  return event.__typename;
}

// An implementation the page never showed is a `BillInterface`.
export const statement: BillInterface = { __typename: 'StatementType', id: '1' };
"#;

#[test]
fn incomplete_types_accept_what_the_page_did_not_show() {
    let dir = generate_kraken_types("");
    let known_value = "export const known: APIType = APIType.Graphql;\n";
    assert_eq!(type_check(dir.path(), &format!("{USAGE}{known_value}")), "");
    let types = std::fs::read_to_string(types_ts(dir.path())).expect("types.ts is written");
    // In the `enum` style an incomplete enum is a const object (`APIType.Graphql` still works)
    // and an open string-literal type of the same name.
    assert!(
        types.contains(
            "export const APIType = {\n  Graphql: 'GRAPHQL',\n} as const;\nexport type APIType = (typeof APIType)[keyof typeof APIType] | (string & {});\n"
        ),
        "{types}"
    );

    let dir = generate_kraken_types("[generate.typescript]\nenums_as_types = true\n");
    assert_eq!(type_check(dir.path(), USAGE), "");
    let types = std::fs::read_to_string(types_ts(dir.path())).expect("types.ts is written");
    assert!(
        types.contains("export type APIType =\n  | 'GRAPHQL'\n  | (string & {});\n"),
        "{types}"
    );
}

#[test]
fn an_interface_without_known_fields_is_not_any_value() {
    let dir = generate_kraken_types("");
    let report = type_check(
        dir.path(),
        "import { BillInterface } from './types';\n\nexport const bill: BillInterface = 'not a bill';\n",
    );
    assert_eq!(
        report.trim(),
        "usage.ts(3,14): error TS2322: Type 'string' is not assignable to type 'UnseenMember'."
    );
}

#[test]
fn each_incomplete_type_says_what_is_known_and_where_from() {
    let dir = generate_kraken_types("");
    let types = std::fs::read_to_string(types_ts(dir.path())).expect("types.ts is written");
    let doc_of = |declaration: &str| -> String {
        let at = types
            .find(declaration)
            .unwrap_or_else(|| panic!("no `{declaration}` in types.ts"));
        let start = types[..at].rfind("/**").expect("a doc comment");
        types[start..at].to_owned()
    };
    assert_eq!(
        doc_of("export const APIType "),
        "/**\n * Incomplete: the input shows only some values of this enum (`GRAPHQL`); any other value arrives as a plain string.\n * Known from fixtures/kraken/objects.txt:7, where it is first used: the kind was inferred by enum-sample (high confidence): `APIBrownout.apiType` shows the quoted value `GRAPHQL`.\n */\n"
    );
    assert!(
        doc_of("export type AccountEvent ").contains(
            "Incomplete: the input shows only some members of this union (`EmailEventType`)"
        ),
        "{types}"
    );
    assert!(
        doc_of("export type BillInterface ").contains(
            "Incomplete: the input shows none of this interface's fields and no object type that implements it"
        ),
        "{types}"
    );
}
