//! `error-list-in-description`: an error-code list header inside a field description.

use crate::context::{width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::errors::contains_list_header;
use crate::rules::{defined_types, members};

declare_rule! {
    /// ## What it does
    /// Checks for "The possible errors that can be raised are:" inside the description of a field, argument, input field, enum value or type, where no tool can read it as a list.
    ///
    /// ## Why is this bad?
    /// Error lists belong to the type (the mutation's payload). Inside a field description the
    /// header survives but the codes are lost (the docs page shows an empty list), so the
    /// catalogue, the `possibleErrors` checks and every client miss those errors.
    ///
    /// ## Example
    /// ```text
    /// order(LegacyOrderType) | The order details. The possible errors that can be raised are:
    /// |
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// order(LegacyOrderType) | The order details. |
    /// ```
    /// and list the errors on the type that raises them.
    ///
    /// ## Options
    /// None. Part of the `kraken` profile (off by default).
    ///
    /// ## References
    /// - [Kraken API reference: errors](https://developer.octopus.energy/graphql/reference/errors)
    pub(crate) struct ErrorListInDescription {
        code: "EC005",
        name: "error-list-in-description",
        severity: Warning,
        family: Errors,
        profile: Some(Profile::Kraken),
    }
}

impl ErrorListInDescription {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        for ty in defined_types(schema) {
            if ty.description.as_deref().is_some_and(contains_list_header) {
                cx.report(
                    ty.name.clone(),
                    ty.provenance.location.as_ref(),
                    width(&ty.name),
                    format!("the description of `{}` contains an error-code list that was not read as one", ty.name),
                    "put the list after the description, one `- CODE: Message.` per line",
                );
            }
        }
        for member in members(schema) {
            if member.description().is_some_and(contains_list_header) {
                let coordinate = member.coordinate();
                cx.report(
                    coordinate.clone(),
                    member.location(),
                    width(member.name()),
                    format!("the description of {} `{coordinate}` contains an error-code list", member.noun()),
                    "move the error codes to the type that raises them, or remove the header from the description",
                );
            }
        }
    }
}
