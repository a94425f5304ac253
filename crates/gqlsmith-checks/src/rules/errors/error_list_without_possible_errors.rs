//! `error-list-without-possible-errors`: a type that lists errors but has no `possibleErrors`.

use crate::context::{width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::defined_types;
use crate::rules::errors::POSSIBLE_ERRORS_FIELD;

declare_rule! {
    /// ## What it does
    /// Checks that a type listing error codes ("The possible errors that can be raised are:") has a `possibleErrors` field.
    ///
    /// ## Why is this bad?
    /// Kraken payloads expose the errors they can raise on `possibleErrors`, so that a client
    /// can check at run time what the documentation promised. A payload with a list but no
    /// field breaks that symmetry, and usually means the list sits on the wrong type.
    ///
    /// ## Example
    /// ```text
    /// CreateShip
    /// The possible errors that can be raised are:
    /// - KT-CT-1111: Unauthorized.
    /// Fields
    /// ship(Ship) | The ship created. |
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// CreateShip
    /// The possible errors that can be raised are:
    /// - KT-CT-1111: Unauthorized.
    /// Fields
    /// possibleErrors([PossibleErrorType]) | Field with the possible errors of the query/mutation. |
    /// ship(Ship) | The ship created. |
    /// ```
    ///
    /// ## Options
    /// None. Part of the `kraken` profile (off by default). Types whose fields the input
    /// does not show are skipped.
    ///
    /// ## References
    /// - [Kraken API reference: errors](https://developer.octopus.energy/graphql/reference/errors)
    pub(crate) struct ErrorListWithoutPossibleErrors {
        code: "EC007",
        name: "error-list-without-possible-errors",
        severity: Warning,
        family: Errors,
        profile: Some(Profile::Kraken),
    }
}

impl ErrorListWithoutPossibleErrors {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        for ty in defined_types(schema) {
            if ty.error_codes.is_empty()
                || ty.fields.is_empty()
                || ty.field(POSSIBLE_ERRORS_FIELD).is_some()
            {
                continue;
            }
            cx.report(
                ty.name.clone(),
                ty.provenance.location.as_ref(),
                width(&ty.name),
                format!(
                    "`{}` lists error codes but has no `possibleErrors` field",
                    ty.name
                ),
                "add `possibleErrors: [PossibleErrorType]`, or move the list to the payload type",
            );
        }
    }
}
