//! `deprecation-names-other-field`: a notice that says another field is deprecated.

use crate::context::{width, Context};
use crate::registry::declare_rule;
use crate::rules::members;

declare_rule! {
    /// ## What it does
    /// Checks that a deprecation notice of the stock forms "The 'x' field is deprecated." (Kraken) or "`x` will be removed." (GitHub) names the member it is on.
    ///
    /// ## Why is this bad?
    /// A notice copied from another field tells clients the wrong thing: here `id` says
    /// `ledgerId` is deprecated, so a reader cannot tell which of the two is going away.
    ///
    /// ## Example
    /// ```text
    /// id(ID) | Deprecated The 'ledgerId' field is deprecated. |
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// id(ID) | Deprecated The 'id' field is deprecated. |
    /// ```
    ///
    /// ## Options
    /// None.
    ///
    /// ## References
    /// - [GraphQL spec: @deprecated](https://spec.graphql.org/October2021/#sec--deprecated)
    pub(crate) struct DeprecationNamesOtherField {
        code: "DP004",
        name: "deprecation-names-other-field",
        severity: Warning,
        family: Deprecation,
        profile: None,
    }
}

impl DeprecationNamesOtherField {
    fn check(cx: &mut Context<'_>) {
        for member in members(cx.schema) {
            let Some(deprecation) = member.deprecation() else {
                continue;
            };
            let Some(named) = deprecation.reason.as_deref().and_then(named_in_notice) else {
                continue;
            };
            let coordinate = member.coordinate();
            // GitHub sometimes writes the whole coordinate (`Issue.timeline`).
            if named == member.name()
                || named == coordinate
                || named.rsplit('.').next() == Some(member.name())
            {
                continue;
            }
            cx.report(
                coordinate.clone(),
                member
                    .location()
                    .or(deprecation.provenance.location.as_ref()),
                width(member.name()),
                format!("the deprecation notice of `{coordinate}` names `{named}`"),
                format!(
                    "name `{}` in its own notice, or move the notice to `{named}`",
                    member.name()
                ),
            );
        }
    }
}

/// The member a stock notice names: `x` in "The 'x' field is deprecated." or in a notice
/// that starts "`x` will be removed".
fn named_in_notice(reason: &str) -> Option<&str> {
    if let Some(at) = reason.find("The '") {
        let rest = &reason[at + "The '".len()..];
        if let Some((name, after)) = rest.split_once('\'') {
            if after.trim_start().starts_with("field is deprecated")
                || after.trim_start().starts_with("argument is deprecated")
            {
                return Some(name);
            }
        }
    }
    let rest = reason.trim_start().strip_prefix('`')?;
    let (name, after) = rest.split_once('`')?;
    after
        .trim_start()
        .starts_with("will be removed")
        .then_some(name)
}

#[cfg(test)]
mod tests {
    use super::named_in_notice;

    #[track_caller]
    fn check(reason: &str, expect: Option<&str>) {
        assert_eq!(named_in_notice(reason), expect);
    }

    #[test]
    fn reads_the_stock_notices() {
        check("The 'ledgerId' field is deprecated.", Some("ledgerId"));
        check(
            "`changedFiles` will be removed. Use `changedFilesIfAvailable` instead.",
            Some("changedFiles"),
        );
        check("Use `fullName` instead.", None);
        check("The 'unterminated", None);
        check("`Foo.bar` will be removed.", Some("Foo.bar"));
        check("", None);
    }
}
