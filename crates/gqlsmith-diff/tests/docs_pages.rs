//! Diffing two versions of a published docs page (the bundled Kraken page, loaded as
//! `gqlsmith diff` loads it: read, then recovered): the page against itself, and against an
//! edited copy.

use gqlsmith_diff::{diff, DiffOptions};
use gqlsmith_model::Schema;

fn page() -> String {
    let path = format!(
        "{}/../../fixtures/kraken/objects.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The page loaded as `gqlsmith diff` loads it, recovery included. Like the CLI, refuses a
/// page with errors: a diff against half a schema reports phantom removals.
#[track_caller]
fn read(text: &str, file: &str) -> Schema {
    let loaded = gqlsmith::test_support::text(file, text).loaded;
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        Vec::<String>::new(),
        "{file} must load as `gqlsmith diff` needs"
    );
    loaded.schema
}

/// Applies `(anchor, old, new)` edits: replaces the first `old` after the one `anchor`.
#[track_caller]
fn edit(text: &str, edits: &[(&str, &str, &str)]) -> String {
    let mut edited = text.to_owned();
    for (anchor, old, new) in edits {
        assert_eq!(
            edited.matches(anchor).count(),
            1,
            "anchor must match once: {anchor:?}"
        );
        let start = edited.find(anchor).unwrap_or(0);
        let at = edited[start..].find(old).map(|offset| start + offset);
        let at = at.unwrap_or_else(|| panic!("no {old:?} after {anchor:?}"));
        edited.replace_range(at..at + old.len(), new);
    }
    edited
}

/// Diffs the page against its edited copy and compares `criticality CHANGE_TYPE path` lines.
#[track_caller]
fn check(edits: &[(&str, &str, &str)], expect: &str) {
    let original = page();
    let edited = edit(&original, edits);
    let changes = diff(
        &read(&original, "old/objects.txt"),
        &read(&edited, "new/objects.txt"),
        &DiffOptions::default(),
    );
    let got: Vec<String> = changes
        .iter()
        .map(|change| {
            format!(
                "{} {} {}",
                change.criticality, change.change_type, change.path
            )
        })
        .collect();
    let expect: Vec<&str> = expect
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    assert_eq!(got, expect);
}

#[test]
fn the_page_against_itself_has_no_changes() {
    check(&[], "");
}

#[test]
fn a_removed_field_a_changed_type_and_a_removed_error_code() {
    check(
        &[
            (
                "}AcceptGoodsQuote\n",
                "goodsPurchase(GoodsPurchase) | Goods purchase created. |\n",
                "",
            ),
            (
                "}AcceptGoodsQuote\n",
                ",\n\"goodsPurchase\": GoodsPurchase\n",
                "\n",
            ),
            (
                "}WithdrawDunning\n",
                "withdrawSuccessful(Boolean)",
                "withdrawSuccessful(String)",
            ),
            (
                "}WithdrawDunning\n",
                "- KT-CT-11302: No active dunning process found.\n",
                "",
            ),
        ],
        "breaking FIELD_REMOVED AcceptGoodsQuote.goodsPurchase
         breaking FIELD_TYPE_CHANGED WithdrawDunning.withdrawSuccessful
         safe ERROR_CODE_REMOVED WithdrawDunning.KT-CT-11302",
    );
}

#[test]
fn unnamed_arguments_pair_by_description() {
    let anchor = "balance(Int!) | The current account balance. Arguments\n";
    let description = "If this variable is set to true, the balance will be calculated";
    // A changed description.
    check(
        &[(anchor, description, "When true, the balance is calculated")],
        "safe FIELD_ARGUMENT_DESCRIPTION_CHANGED AccountType.balance.#1",
    );
    // A second argument listed.
    check(
        &[(anchor, "(legacy behaviour). If you are unsure, set this value to true. |", "(legacy behaviour). If you are unsure, set this value to true.\nThe currency to show the balance in. |")],
        "dangerous FIELD_ARGUMENT_ADDED AccountType.balance.#2",
    );
    // The only argument gone: its description and the `Arguments` marker with it.
    check(
        &[(anchor, "Arguments\nIf this variable is set to true, the balance will be calculated based on the sum of balances on all ledgers configured to contribute to this account's balance. Otherwise, only the main ledger's balance will be fetched (legacy behaviour). If you are unsure, set this value to true. |", "|")],
        "breaking FIELD_ARGUMENT_REMOVED AccountType.balance.#1",
    );
}
