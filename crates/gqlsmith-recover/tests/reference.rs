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
