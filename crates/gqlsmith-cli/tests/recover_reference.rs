//! `--reference` as users run it (`gqlsmith inspect PAGE --reference SDL`): the reference file
//! lists its types in any order, the page in ASCII order; a reference that lacks names the page
//! shows is another API's, and what only it supplies is low and reported.

mod support;

use support::gqlsmith_in;

/// A docs page: `Account` (named), then two blocks that lost their names (`Bill`'s fields, then
/// `Note`'s). The page mentions `Note`, `AccountStatus` and `BillConnection`, never `Bill`.
const PAGE: &str = "Objects
Objects in GraphQL represent the resources you can access.
Account
An account.
Fields
| Name | Description |
|---|---|
bills(BillConnection) | The bills. |
note(Note) | |
status(AccountStatus) | |
Example
{
\"status\": \"OPEN\",
\"note\": Note
}Fields
| Name | Description |
|---|---|
amount(Int!) | |
issuedOn(Date) | |
Example
{
\"amount\": 1,
\"issuedOn\": \"2020-01-01\"
}Fields
| Name | Description |
|---|---|
body(String) | |
Example
{
\"body\": \"abc123\"
}
";

/// Runs `gqlsmith inspect page.txt --reference reference.graphql -v` on `PAGE` and `reference`.
fn inspect_with(reference: &str) -> (String, String) {
    let dir = tempfile::tempdir().expect("a temporary dir");
    std::fs::write(dir.path().join("page.txt"), PAGE).expect("writable temporary dir");
    std::fs::write(dir.path().join("reference.graphql"), reference)
        .expect("writable temporary dir");
    let run = gqlsmith_in(
        dir.path(),
        &[
            "inspect",
            "page.txt",
            "--reference",
            "reference.graphql",
            "-v",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    (run.stdout, run.stderr)
}

/// The `names:` section of `inspect`'s report.
fn names(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .skip_while(|line| *line != "names:")
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .collect()
}

#[test]
fn the_page_order_rules_whatever_the_reference_order() {
    // `Note` before `Bill`, and everything else between them: a file order, not ASCII order.
    let (stdout, _) = inspect_with(
        "type Note { body: String }
type Account { bills: BillConnection note: Note status: AccountStatus }
type BillConnection { totalCount: Int }
enum AccountStatus { OPEN CLOSED }
scalar Date
type Bill { amount: Int! issuedOn: Date }
",
    );
    assert_eq!(
        names(&stdout),
        [
            "  line 15: Bill (reference high: reference-fields, page-order)",
            "  line 24: Note (reference high: reference-fields, page-order)",
        ],
        "{stdout}"
    );
    assert!(!stdout.contains("the reference lacks"), "{stdout}");
}

#[test]
fn a_name_only_another_apis_reference_supplies_is_low_and_reported() {
    let (stdout, stderr) = inspect_with(
        "type Note { body: String }
type Invoice { amount: Int! issuedOn: Date }
scalar Date
",
    );
    assert_eq!(
        names(&stdout),
        [
            "  line 15: Invoice (reference low: reference-fields, page-order, reference-only)",
            "  line 24: Note (reference high: reference-fields, page-order)",
        ],
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "the reference lacks 3 names the page shows: `Account`, `AccountStatus`, `BillConnection`\n  names only the reference supplies (the page never mentions them; low): 1\n    Invoice\n"
        ),
        "{stdout}"
    );
    assert!(
        stderr.contains(
            "note[R408]: `Unnamed_L15` is named `Invoice` only by the reference: the page never mentions `Invoice`, and the reference lacks 3 of the page's names\n  --> page.txt:15:1"
        ),
        "{stderr}"
    );
}
