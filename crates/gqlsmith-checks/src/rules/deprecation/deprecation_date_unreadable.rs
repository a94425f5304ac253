//! `deprecation-date-unreadable`: a deprecation notice whose dates cannot be read.

use crate::context::{width, Context};
use crate::registry::declare_rule;
use crate::rules::members;

declare_rule! {
    /// ## What it does
    /// Checks that the dates in a deprecation notice ("Marked as deprecated on", "Scheduled for removal on or after", GitHub's "Removal on ... UTC.") are real `YYYY-MM-DD` dates, and that removal does not come before deprecation.
    ///
    /// ## Why is this bad?
    /// Tools, including `removal-overdue` and `gqlsmith diff`, plan migrations from these
    /// dates. A date written another way (`01/07/2024`), an impossible one (`2024-02-30`) or
    /// a removal before the deprecation is silently skipped by all of them.
    ///
    /// ## Example
    /// ```graphql
    /// type User {
    ///   name: String @deprecated(reason: "Use `fullName`. Scheduled for removal on or after 2024-02-30.")
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// type User {
    ///   name: String @deprecated(reason: "Use `fullName`. Scheduled for removal on or after 2024-03-01.")
    /// }
    /// ```
    ///
    /// ## Options
    /// None.
    ///
    /// ## References
    /// - [GraphQL spec: @deprecated](https://spec.graphql.org/October2021/#sec--deprecated)
    /// - [GitHub: breaking changes](https://docs.github.com/en/graphql/overview/breaking-changes)
    pub(crate) struct DeprecationDateUnreadable {
        code: "DP002",
        name: "deprecation-date-unreadable",
        severity: Warning,
        family: Deprecation,
        profile: None,
    }
}

impl DeprecationDateUnreadable {
    fn check(cx: &mut Context<'_>) {
        for member in members(cx.schema) {
            let Some(deprecation) = member.deprecation() else {
                continue;
            };
            let Some(reason) = deprecation.reason.as_deref() else {
                continue;
            };
            let lower = reason.to_ascii_lowercase();
            let coordinate = member.coordinate();
            let location = member
                .location()
                .or(deprecation.provenance.location.as_ref());
            let mut problems = Vec::new();
            if lower.contains("deprecated on") && deprecation.deprecated_on.is_none() {
                problems.push("the deprecation date");
            }
            if lower.contains("removal on") && deprecation.removal_on.is_none() {
                problems.push("the removal date");
            }
            for problem in problems {
                cx.report(
                    coordinate.clone(),
                    location,
                    width(member.name()),
                    format!("cannot read {problem} of `{coordinate}`"),
                    "write dates as `YYYY-MM-DD`, such as `Scheduled for removal on or after 2025-04-01.`",
                );
            }
            if let (Some(deprecated_on), Some(removal_on)) =
                (deprecation.deprecated_on, deprecation.removal_on)
            {
                if removal_on < deprecated_on {
                    cx.report(
                        coordinate.clone(),
                        location,
                        width(member.name()),
                        format!("`{coordinate}` is scheduled for removal on {removal_on}, before it was deprecated on {deprecated_on}"),
                        "fix whichever date is wrong",
                    );
                }
            }
        }
    }
}
