//! `deprecated-usage`: an operation uses a deprecated field, argument, input field or enum value.

use gqlsmith_model::{Deprecation, Severity, UsageKind};

use crate::context::Context;
use crate::registry::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports every place an operation or fragment selects a deprecated field, passes a deprecated argument or input field, or writes a deprecated enum value.
    ///
    /// The finding is a warning while the member is merely deprecated, and an error once the
    /// removal date its notice announces has passed (`Removal on 2025-04-01 UTC.`, `Scheduled
    /// for removal on or after 2024-07-01`): from then on the server may drop it any day.
    ///
    /// ## Why is this bad?
    /// A deprecated member is going away. Every operation that still uses it breaks the day it
    /// is removed, and the schema's owners cannot tell from the schema alone who still depends
    /// on it.
    ///
    /// ## Example
    /// With `Issue.title` deprecated:
    /// ```graphql
    /// query Issues { repository(owner: "o", name: "n") { issues { title } } }
    /// ```
    ///
    /// ## Use instead
    /// The replacement the deprecation reason names (`headline`, say).
    ///
    /// ## Options
    /// None; "today" comes from `--today` (default the current date).
    ///
    /// ## References
    /// - [graphql-eslint: no-deprecated](https://the-guild.dev/graphql/eslint/rules/no-deprecated)
    /// - [GraphQL spec: @deprecated](https://spec.graphql.org/October2021/#sec--deprecated)
    pub(crate) struct DeprecatedUsage {
        code: "OP001",
        name: "deprecated-usage",
        severity: Warning,
        family: Operations,
        profile: None,
    }
}

impl DeprecatedUsage {
    fn check(cx: &mut Context<'_>) {
        let Some(documents) = cx.documents else {
            return;
        };
        let today = cx.today;
        for definition in documents.definitions() {
            for usage in definition.usages() {
                let Some(deprecation) = deprecation_of(cx.schema, &usage.coordinate, usage.kind)
                else {
                    continue;
                };
                let overdue = deprecation.removal_on.filter(|removal| today > *removal);
                let reason = deprecation
                    .reason
                    .as_deref()
                    .map_or_else(String::new, |reason| format!(": {reason}"));
                let message = match overdue {
                    Some(removal) => format!(
                        "`{}` was due for removal on {removal} and is still used{reason}",
                        usage.coordinate
                    ),
                    None => format!("`{}` is deprecated{reason}", usage.coordinate),
                };
                let help = match deprecation
                    .replacement
                    .as_deref()
                    .or_else(|| named_replacement(deprecation))
                {
                    Some(replacement) => format!("use `{replacement}` instead"),
                    None => "stop using it before it is removed".to_owned(),
                };
                let length = usage.coordinate.rsplit('.').next().map_or(1, str::len);
                let finding = cx.report(
                    usage.coordinate.clone(),
                    Some(&usage.location),
                    length,
                    message,
                    help,
                );
                if overdue.is_some() {
                    finding.severity = finding.severity.max(Severity::Error);
                }
            }
        }
    }
}

/// The deprecation of the member `coordinate` names, if it is deprecated.
fn deprecation_of<'s>(
    schema: &'s gqlsmith_model::Schema,
    coordinate: &str,
    kind: UsageKind,
) -> Option<&'s Deprecation> {
    let mut parts = coordinate.split('.');
    let ty = schema.type_named(parts.next()?)?;
    let member = parts.next()?;
    match kind {
        UsageKind::Field => ty.field(member)?.deprecation.as_ref(),
        UsageKind::Argument => ty
            .field(member)?
            .argument(parts.next()?)?
            .deprecation
            .as_ref(),
        UsageKind::InputField => ty.input_field(member)?.deprecation.as_ref(),
        UsageKind::EnumValue => ty.enum_value(member)?.deprecation.as_ref(),
        UsageKind::Type => None,
    }
}

/// The name in "Use `login`" (or "use `login` instead") of a deprecation reason.
fn named_replacement(deprecation: &Deprecation) -> Option<&str> {
    let reason = deprecation.reason.as_deref()?;
    let at = reason.find("Use `").or_else(|| reason.find("use `"))? + "Use `".len();
    let rest = &reason[at..];
    let name = &rest[..rest.find('`')?];
    (!name.is_empty() && !name.contains(char::is_whitespace)).then_some(name)
}
