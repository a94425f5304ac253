//! `field-name-case`: field, argument and input field names are camelCase.

use heck::ToLowerCamelCase;

use crate::context::{width, Context};
use crate::registry::declare_rule;
use crate::rules::naming::{is_camel_case, is_exception};
use crate::rules::{members, Member};

declare_rule! {
    /// ## What it does
    /// Checks that field, argument and input field names are camelCase: a lower-case letter, then letters and digits.
    ///
    /// ## Why is this bad?
    /// GraphQL's own fields and nearly every public schema use camelCase; generated clients
    /// map names one to one, so a `SHA` or `created_at` field becomes an odd property in
    /// every client language and tells readers the field escaped review.
    ///
    /// ## Example
    /// ```graphql
    /// type Build {
    ///   SHA: String
    ///   created_at: String
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// type Build {
    ///   sha: String
    ///   createdAt: String
    /// }
    /// ```
    ///
    /// ## Options
    /// `[check.naming] exceptions`: names or coordinates (`Build.SHA`) to accept as they are.
    /// Leading underscores (`_service`) are accepted.
    ///
    /// ## References
    /// - [GraphQL spec: Names](https://spec.graphql.org/October2021/#sec-Names)
    pub(crate) struct FieldNameCase {
        code: "NM002",
        name: "field-name-case",
        severity: Warning,
        family: Naming,
        profile: None,
    }
}

impl FieldNameCase {
    fn check(cx: &mut Context<'_>) {
        for member in members(cx.schema) {
            if matches!(member, Member::EnumValue(..)) {
                continue;
            }
            let name = member.name();
            if is_camel_case(name) {
                continue;
            }
            let coordinate = member.coordinate();
            if is_exception(cx.config(), name, &coordinate) {
                continue;
            }
            cx.report(
                coordinate.clone(),
                member.location(),
                width(name),
                format!("{} name `{coordinate}` is not camelCase", member.noun()),
                format!(
                    "rename it `{}`, or add `{coordinate}` to `[check.naming] exceptions` in gqlsmith.toml",
                    name.to_lower_camel_case()
                ),
            );
        }
    }
}
