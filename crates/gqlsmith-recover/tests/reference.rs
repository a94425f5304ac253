//! A reference schema (an older SDL of the same API) names blocks by their fields, within the
//! page order, and fills kinds, enum values, members and arguments.

use std::sync::Arc;

use gqlsmith_model::{Loaded, NameOrigin};
use gqlsmith_recover::{recover, RecoverOptions};

const PAGE: &str = "Objects
Objects in GraphQL represent the resources you can access.
Account
An account.
Fields
| Name | Description |
|---|---|
bills(BillConnection) | The bills. Arguments
Only bills issued after this date. |
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
}";

/// Recovers the page against `reference` (SDL) and renders what changed: block names with
/// their origin, then the facts of the types the reference shares, then diagnostics.
#[track_caller]
fn check(reference: &str, expect: &str) {
    let reference = gqlsmith_sdl::read_sdl(&[(Arc::from("old.graphql"), reference)]).schema;
    let mut loaded: Loaded = gqlsmith_docs::read(PAGE, Arc::from("page.txt"));
    recover(
        &mut loaded,
        &RecoverOptions {
            overlay: None,
            reference: Some(reference.clone()),
        },
    );
    let mut got = Vec::new();
    for ty in loaded.schema.types.values() {
        match &ty.name_origin {
            NameOrigin::Reference { confidence } => {
                got.push(format!("{} <- reference {confidence}", ty.name))
            }
            NameOrigin::Recovered { confidence, .. } => {
                got.push(format!("{} <- recovered {confidence}", ty.name))
            }
            NameOrigin::Placeholder => got.push(format!("{} <- placeholder", ty.name)),
            _ => {}
        }
        if reference.types.contains_key(&ty.name) && ty.kind_provenance.is_inferred() {
            let values: Vec<&str> = ty.enum_values.iter().map(|v| v.name.as_str()).collect();
            got.push(format!(
                "{}: {} {values:?} incomplete={}",
                ty.name,
                ty.kind.as_str(),
                ty.incomplete
            ));
        }
        for field in &ty.fields {
            for argument in &field.arguments {
                got.push(format!(
                    "{}.{}({}: {})",
                    ty.name, field.name, argument.name, argument.ty
                ));
            }
        }
    }
    for diagnostic in loaded
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with('R'))
    {
        got.push(format!(
            "{}[{}] {}",
            diagnostic.severity, diagnostic.code, diagnostic.message
        ));
    }
    assert_eq!(got.join("\n"), expect.trim());
}

#[test]
fn blocks_take_the_name_of_the_reference_type_with_their_fields() {
    check(
        "type Bill { amount: Int! issuedOn: Date }
         type Note { body: String }
         enum AccountStatus { OPEN CLOSED }
         type BillConnection { totalCount: Int }
         type Account { bills(issuedAfter: Date): BillConnection note: Note status: AccountStatus }
         scalar Date",
        "
Account.bills(issuedAfter: Date)
Bill <- reference high
Note <- reference high
AccountStatus: enum [\"OPEN\", \"CLOSED\"] incomplete=false
BillConnection: object [] incomplete=true
Date: scalar [] incomplete=false
",
    );
}

#[test]
fn the_page_order_still_rules() {
    // `Aardvark` has the first block's fields but sorts before `Account`, so it cannot be a
    // block after it: the block keeps its placeholder.
    check(
        "type Aardvark { amount: Int! issuedOn: Date }
         type Note { body: String }",
        "
Unnamed_L16 <- placeholder
Note <- reference high
",
    );
}

#[test]
fn a_reference_that_disagrees_with_the_page_is_reported() {
    check(
        "union AccountStatus = Open | Closed
         type Open { at: String }
         type Closed { at: String }",
        "
Unnamed_L16 <- placeholder
Unnamed_L25 <- placeholder
AccountStatus: union [] incomplete=false
warning[R406] the page suggests `AccountStatus` is enum, the reference schema says union
note[R401] `Unnamed_L16` keeps its placeholder: the page does not single out which block is `Note`
note[R401] `Unnamed_L25` keeps its placeholder: the page does not single out which block is `Note`
",
    );
}

#[test]
fn the_reference_file_order_does_not_matter() {
    // The page lists blocks in ASCII order (`Bill`'s block before `Note`'s); the reference
    // file lists `Note` first.
    check(
        "scalar Date
         type Note { body: String }
         type Account { bills(issuedAfter: Date): BillConnection note: Note status: AccountStatus }
         type BillConnection { totalCount: Int }
         enum AccountStatus { OPEN CLOSED }
         type Bill { amount: Int! issuedOn: Date }",
        "
Account.bills(issuedAfter: Date)
Bill <- reference high
Note <- reference high
AccountStatus: enum [\"OPEN\", \"CLOSED\"] incomplete=false
BillConnection: object [] incomplete=true
Date: scalar [] incomplete=false
",
    );
}

#[test]
fn a_name_only_another_apis_reference_supplies_is_low() {
    // The reference lacks `Account`, `AccountStatus`, `BillConnection` and `Date`, which the
    // page shows: it is not this page's schema. `Note` is referenced on the page (`note:
    // Note`), `Invoice` never is: only the reference says it, so it is low.
    check(
        "type Invoice { amount: Int! issuedOn: String }
         type Note { body: String }",
        "
Invoice <- reference low
Note <- reference high
note[R408] `Unnamed_L16` is named `Invoice` only by the reference: the page never mentions `Invoice`, and the reference lacks 4 of the page's names
",
    );
}

#[test]
fn blocks_the_reference_explains_but_does_not_single_out_are_reported() {
    // The first block has all the fields of `Memo` and of `Minute`, which both sort into its
    // gap: neither is clearly it. (`Note` is left to page evidence, which abstains too.)
    check(
        "type Memo { amount: Int! issuedOn: Date }
         type Minute { amount: Int! issuedOn: Date }",
        "
Unnamed_L16 <- placeholder
Unnamed_L25 <- placeholder
note[R401] `Unnamed_L16` keeps its placeholder: the page does not single out which block is `Note`
note[R401] `Unnamed_L25` keeps its placeholder: the page does not single out which block is `Note`
note[R407] `Unnamed_L16` keeps its placeholder although the reference explains it: its fields fit `Memo`, `Minute`
",
    );
}
