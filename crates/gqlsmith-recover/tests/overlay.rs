//! Overlay files: parse errors with file:line:column, and merging with the page, where every
//! conflict is a diagnostic.

use std::sync::Arc;

use gqlsmith_model::{Certainty, Loaded, NameOrigin};
use gqlsmith_recover::{recover, Overlay, RecoverOptions};

/// A small page: `Account` (named) with a field of the unnamed block's type, the unnamed
/// block (its table starts on line 16 once the example is added), an enum and a union only referenced.
const PAGE: &str = "Objects
Objects in GraphQL represent the resources you can access.
Account
An account.
Fields
| Name | Description |
|---|---|
bills(BillConnection) | The bills. Arguments
Only bills issued after this date. |
status(AccountStatus) | |
preference(PaymentPreference) | |
}Fields
| Name | Description |
|---|---|
amount(Int!) | |
issuedOn(Date) | |
Example
{
\"amount\": 1,
\"issuedOn\": \"2020-01-01\"
}";

fn page() -> Loaded {
    // The first block's example is missing on purpose: the reader glues blocks on `}`.
    let text = PAGE.replacen(
        "| |\n}Fields",
        "| |\nExample\n{\n\"status\": \"OPEN\",\n\"preference\": DirectDebit\n}Fields",
        1,
    );
    gqlsmith_docs::read(&text, Arc::from("page.txt"))
}

/// Parses `overlay`, recovers the page with it, and renders the diagnostics (overlay ones
/// first) and the facts the overlay touched.
#[track_caller]
fn check(overlay: &str, expect: &str) {
    let overlay = match Overlay::parse(overlay, Arc::from("fix.toml")) {
        Ok(overlay) => overlay,
        Err(diagnostics) => {
            let got: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            assert_eq!(got.join("\n"), expect.trim());
            return;
        }
    };
    let mut loaded = page();
    recover(
        &mut loaded,
        &RecoverOptions {
            overlay: Some(overlay),
            reference: None,
        },
    );
    let mut got: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with('O'))
        .map(ToString::to_string)
        .collect();
    for ty in loaded.schema.types.values() {
        if ty.name_origin == NameOrigin::Overlay {
            got.push(format!("{} named by overlay", ty.name));
        }
        if let Certainty::Read = ty.kind_provenance.certainty {
            if ty
                .kind_provenance
                .location
                .as_ref()
                .is_some_and(|l| &*l.file == "fix.toml")
            {
                let values: Vec<&str> = ty.enum_values.iter().map(|v| v.name.as_str()).collect();
                got.push(format!(
                    "{}: {} {values:?} {:?} incomplete={}",
                    ty.name,
                    ty.kind.as_str(),
                    ty.members,
                    ty.incomplete
                ));
            }
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
    assert_eq!(got.join("\n"), expect.trim());
}

#[test]
fn malformed_files_point_at_the_spot() {
    check(
        "[[block]]\nline = 16\nname = \n",
        "fix.toml:3:8: error[O501]: overlay file is not readable: invalid string",
    );
    check("[[block]]\nline = 16\nnmae = \"Bill\"\n", "fix.toml:3:1: error[O501]: overlay file is not readable: unknown field `nmae`, expected one of `line`, `fields`, `name`");
    check(
        "[[block]]\nline = 16\nfields = [\"amount\"]\nname = \"Bill\"\n",
        "fix.toml:1:1: error[O501]: block entry for `Bill` needs exactly one of `line` or `fields`",
    );
    check(
        "[[block]]\nline = 16\nname = \"9Bill\"\n",
        "fix.toml:3:8: error[O502]: `9Bill` is not a valid GraphQL name",
    );
    check(
        "[type.AccountStatus]\nkind = \"enumeration\"\n",
        "fix.toml:2:8: error[O502]: `enumeration` is not a valid GraphQL kind (object, interface, union, enum or scalar)",
    );
}

#[test]
fn blocks_are_named_by_line_or_by_fields() {
    check(
        "[[block]]\nline = 16\nname = \"Bill\"\n",
        "Bill named by overlay",
    );
    check(
        "[[block]]\nfields = [\"issuedOn\", \"amount\"]\nname = \"Bill\"\n",
        "Bill named by overlay",
    );
}

#[test]
fn naming_conflicts_are_errors() {
    check(
        "[[block]]\nline = 99\nname = \"Bill\"\n",
        "fix.toml:3:8: error[O503]: no block on the page matches line 99",
    );
    check(
        "[[block]]\nline = 3\nname = \"Customer\"\n",
        "fix.toml:3:8: error[O505]: the page names this block `Account`, the overlay `Customer`",
    );
    check(
        "[[block]]\nline = 16\nname = \"Account\"\n",
        "fix.toml:3:8: error[O505]: `Account` is already the name of another block",
    );
}

#[test]
fn kinds_values_members_and_arguments_merge_with_provenance() {
    check(
        "[type.AccountStatus]\nvalues = [\"OPEN\", \"CLOSED\"]\ncomplete = true\n\
         [type.PaymentPreference]\nkind = \"union\"\nmembers = [\"DirectDebit\", \"Card\"]\n\
         [type.Account]\narguments.bills = [{ name = \"issuedAfter\", type = \"Date\" }]\n",
        "
Account.bills(issuedAfter: Date)
PaymentPreference: union [] [\"DirectDebit\", \"Card\"] incomplete=true
",
    );
}

#[test]
fn facts_that_contradict_the_page_are_errors() {
    check(
        "[type.AccountStatus]\nvalues = [\"CLOSED\"]\ncomplete = true\n",
        "fix.toml:1:1: error[O505]: the page shows `AccountStatus.OPEN`, missing from this complete list",
    );
    check(
        "[type.Account]\nkind = \"enum\"\n",
        "fix.toml:1:1: error[O505]: the page shows `Account` as an object, the overlay says enum",
    );
    check(
        "[type.AccountStatus]\nkind = \"scalar\"\n",
        "fix.toml:1:1: note[O506]: `AccountStatus` was inferred to be an enum, the overlay says scalar\nAccountStatus: scalar [] [] incomplete=true",
    );
    check(
        "[type.Acount]\nkind = \"object\"\n",
        "fix.toml:1:1: error[O503]: cannot find type `Acount` on the page",
    );
    check(
        "[type.Account]\narguments.bils = [{ name = \"after\", type = \"Date\" }]\n",
        "fix.toml:1:1: error[O503]: cannot find field `Account.bils` on the page",
    );
}
