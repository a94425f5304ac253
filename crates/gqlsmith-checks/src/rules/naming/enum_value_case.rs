//! `enum-value-case`: enum values are SCREAMING_SNAKE_CASE.

use heck::ToShoutySnakeCase;

use crate::context::{width, Context};
use crate::registry::declare_rule;
use crate::rules::naming::{is_exception, is_screaming_snake_case};
use crate::rules::{members, Member};

declare_rule! {
    /// ## What it does
    /// Checks that enum values are SCREAMING_SNAKE_CASE: upper-case letters, digits and underscores.
    ///
    /// ## Why is this bad?
    /// Enum values read as constants in every client language, and the GraphQL spec's own
    /// enums (`__TypeKind`) are written this way. A lower-case value is easily confused with
    /// a field or a string.
    ///
    /// ## Example
    /// ```graphql
    /// enum Fuel { electricity gas }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// enum Fuel { ELECTRICITY GAS }
    /// ```
    ///
    /// ## Options
    /// `[check.naming] exceptions`: values or coordinates (`Fuel.electricity`) to accept as
    /// they are.
    ///
    /// ## References
    /// - [GraphQL spec: Enum Values](https://spec.graphql.org/October2021/#sec-Enum-Value)
    pub(crate) struct EnumValueCase {
        code: "NM003",
        name: "enum-value-case",
        severity: Warning,
        family: Naming,
        profile: None,
    }
}

impl EnumValueCase {
    fn check(cx: &mut Context<'_>) {
        for member in members(cx.schema) {
            if !matches!(member, Member::EnumValue(..)) {
                continue;
            }
            let name = member.name();
            if is_screaming_snake_case(name) {
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
                format!("enum value `{coordinate}` is not SCREAMING_SNAKE_CASE"),
                format!(
                    "rename it `{}`, or add `{coordinate}` to `[check.naming] exceptions` in gqlsmith.toml",
                    name.to_shouty_snake_case()
                ),
            );
        }
    }
}
