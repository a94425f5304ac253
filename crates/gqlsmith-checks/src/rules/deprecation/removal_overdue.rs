//! `removal-overdue`: a deprecated member still present after its removal date.

use crate::context::{width, Context};
use crate::registry::declare_rule;
use crate::rules::members;

declare_rule! {
    /// ## What it does
    /// Reports deprecated fields, arguments, input fields and enum values whose announced removal date has passed.
    ///
    /// ## Why is this bad?
    /// Clients were told the member would be gone by that date. Keeping it past the date
    /// means either the removal was forgotten or the notice is wrong; in both cases clients
    /// that planned around it are misled, and the next removal notice is believed less.
    ///
    /// ## Example
    /// With `--today 2025-06-01`:
    /// ```graphql
    /// type User {
    ///   name: String @deprecated(reason: "Use `fullName`. Removal on 2025-04-01 UTC.")
    /// }
    /// ```
    ///
    /// ## Use instead
    /// Remove `name`, or move the announced date and tell clients.
    ///
    /// ## Options
    /// None; "today" comes from the caller (`gqlsmith check --today YYYY-MM-DD`, default the
    /// current date). A removal is overdue the day after its date.
    ///
    /// ## References
    /// - [GitHub: breaking changes](https://docs.github.com/en/graphql/overview/breaking-changes)
    pub(crate) struct RemovalOverdue {
        code: "DP003",
        name: "removal-overdue",
        severity: Warning,
        family: Deprecation,
        profile: None,
    }
}

impl RemovalOverdue {
    fn check(cx: &mut Context<'_>) {
        let today = cx.today;
        for member in members(cx.schema) {
            let Some(deprecation) = member.deprecation() else {
                continue;
            };
            let Some(removal_on) = deprecation.removal_on else {
                continue;
            };
            if today > removal_on {
                let coordinate = member.coordinate();
                cx.report(
                    coordinate.clone(),
                    member
                        .location()
                        .or(deprecation.provenance.location.as_ref()),
                    width(member.name()),
                    format!("`{coordinate}` was due for removal on {removal_on}"),
                    format!(
                        "remove the {}, or announce a new removal date",
                        member.noun()
                    ),
                );
            }
        }
    }
}
