//! `possible-errors-without-list`: a `possibleErrors` field on a type that lists no errors.

use crate::context::{width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::defined_types;
use crate::rules::errors::POSSIBLE_ERRORS_FIELD;

declare_rule! {
    /// ## What it does
    /// Checks that a type with a `possibleErrors` field also lists its error codes ("The possible errors that can be raised are:").
    ///
    /// ## Why is this bad?
    /// `possibleErrors` tells a client at run time which errors a mutation can raise; the list
    /// in the documentation says the same at design time. A payload with the field but no
    /// list leaves client authors without the codes to handle.
    ///
    /// ## Example
    /// ```text
    /// CreateShip
    /// Fields
    /// possibleErrors([PossibleErrorType]) | Field with the possible errors of the query/mutation. |
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// CreateShip
    /// The possible errors that can be raised are:
    /// - KT-CT-1111: Unauthorized.
    /// Fields
    /// possibleErrors([PossibleErrorType]) | Field with the possible errors of the query/mutation. |
    /// ```
    ///
    /// ## Options
    /// None. Part of the `kraken` profile (off by default). Skipped on inputs that cannot
    /// carry error lists (SDL and introspection: no type there lists codes).
    ///
    /// ## References
    /// - [Kraken API reference: errors](https://developer.octopus.energy/graphql/reference/errors)
    pub(crate) struct PossibleErrorsWithoutList {
        code: "EC006",
        name: "possible-errors-without-list",
        severity: Warning,
        family: Errors,
        profile: Some(Profile::Kraken),
    }
}

impl PossibleErrorsWithoutList {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        // An input where no type lists error codes cannot express the lists at all (SDL,
        // introspection): reporting every payload there would only be noise.
        if !defined_types(schema).any(|ty| !ty.error_codes.is_empty()) {
            return;
        }
        for ty in defined_types(schema) {
            let Some(field) = ty.field(POSSIBLE_ERRORS_FIELD) else {
                continue;
            };
            if ty.error_codes.is_empty() {
                cx.report(
                    format!("{}.{POSSIBLE_ERRORS_FIELD}", ty.name),
                    field.provenance.location.as_ref(),
                    width(&field.name),
                    format!("`{}` has `possibleErrors` but lists no error codes", ty.name),
                    "list the codes it raises under \"The possible errors that can be raised are:\"",
                );
            }
        }
    }
}
