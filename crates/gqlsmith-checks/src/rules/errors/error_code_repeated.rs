//! `error-code-repeated`: a code listed twice in one type's error list.

use gqlsmith_model::ErrorCode;
use indexmap::IndexMap;

use crate::context::{width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::defined_types;

declare_rule! {
    /// ## What it does
    /// Checks that no error code appears twice in one "The possible errors that can be raised are:" list.
    ///
    /// ## Why is this bad?
    /// A repeated entry adds nothing, and usually means two lists were merged by a generator
    /// (a mutation's own errors and the errors of the permissions wrapping it) without
    /// removing duplicates. Code generators that turn the list into an enum fail on it.
    ///
    /// ## Example
    /// ```text
    /// The possible errors that can be raised are:
    /// - KT-CT-1111: Unauthorized.
    /// - KT-CT-1113: Disabled GraphQL field requested.
    /// - KT-CT-1111: Unauthorized.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The possible errors that can be raised are:
    /// - KT-CT-1111: Unauthorized.
    /// - KT-CT-1113: Disabled GraphQL field requested.
    /// ```
    ///
    /// ## Options
    /// None. Part of the `kraken` profile (off by default). One finding per repeated entry.
    ///
    /// ## References
    /// - [Kraken API reference: errors](https://developer.octopus.energy/graphql/reference/errors)
    pub(crate) struct ErrorCodeRepeated {
        code: "EC004",
        name: "error-code-repeated",
        severity: Warning,
        family: Errors,
        profile: Some(Profile::Kraken),
    }
}

impl ErrorCodeRepeated {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        for ty in defined_types(schema) {
            let mut first: IndexMap<&str, &ErrorCode> = IndexMap::new();
            for entry in &ty.error_codes {
                let code = entry.code.trim();
                if code.is_empty() {
                    continue;
                }
                let Some(earlier) = first.get(code).copied() else {
                    first.insert(code, entry);
                    continue;
                };
                let diagnostic = cx.report(
                    ty.name.clone(),
                    entry.provenance.location.as_ref(),
                    width(code),
                    format!("error code `{code}` is listed twice for `{}`", ty.name),
                    "remove the repeated entry",
                );
                if let Some(location) = &earlier.provenance.location {
                    *diagnostic = diagnostic
                        .clone()
                        .with_label(location.clone(), "first listed here");
                }
            }
        }
    }
}
