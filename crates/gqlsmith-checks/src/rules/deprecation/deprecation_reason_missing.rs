//! `deprecation-reason-missing`: a deprecation without a reason.

use crate::context::{width, Context};
use crate::registry::declare_rule;
use crate::rules::members;

declare_rule! {
    /// ## What it does
    /// Checks that every deprecated field, argument, input field and enum value says why, and what to use instead.
    ///
    /// ## Why is this bad?
    /// A bare `@deprecated` tells client authors to stop using something without telling
    /// them what to move to or by when. GraphQL fills in "No longer supported" when no reason
    /// is given, which is treated as no reason here.
    ///
    /// ## Example
    /// ```graphql
    /// type User {
    ///   name: String @deprecated
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// type User {
    ///   name: String @deprecated(reason: "Use `fullName`. Removal on 2025-04-01 UTC.")
    /// }
    /// ```
    ///
    /// ## Options
    /// None.
    ///
    /// ## References
    /// - [GraphQL spec: @deprecated](https://spec.graphql.org/October2021/#sec--deprecated)
    pub(crate) struct DeprecationReasonMissing {
        code: "DP001",
        name: "deprecation-reason-missing",
        severity: Warning,
        family: Deprecation,
        profile: None,
    }
}

impl DeprecationReasonMissing {
    fn check(cx: &mut Context<'_>) {
        for member in members(cx.schema) {
            let Some(deprecation) = member.deprecation() else {
                continue;
            };
            let reason = deprecation.reason.as_deref().map(str::trim).unwrap_or("");
            if reason.is_empty() || reason == "No longer supported" {
                let coordinate = member.coordinate();
                cx.report(
                    coordinate.clone(),
                    member.location().or(deprecation.provenance.location.as_ref()),
                    width(member.name()),
                    format!("deprecated {} `{coordinate}` gives no reason", member.noun()),
                    "say what to use instead and when it will be removed, in `@deprecated(reason: \"...\")`",
                );
            }
        }
    }
}
