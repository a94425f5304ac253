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
    /// None. Part of the `kraken` profile (off by default). One finding per list, with a label
    /// at each repeat.
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
            // One finding per list, at its first repeat, with a label at every other repeat.
            let mut first: IndexMap<&str, &ErrorCode> = IndexMap::new();
            let mut repeats: Vec<(&str, &ErrorCode, &ErrorCode)> = Vec::new();
            for entry in &ty.error_codes {
                let code = entry.code.trim();
                if code.is_empty() {
                    continue;
                }
                match first.get(code) {
                    Some(earlier) => repeats.push((code, entry, earlier)),
                    None => {
                        first.insert(code, entry);
                    }
                }
            }
            let Some((first_code, first_repeat, _)) = repeats.first().copied() else {
                continue;
            };
            let codes: indexmap::IndexSet<&str> = repeats.iter().map(|(code, ..)| *code).collect();
            let listed = codes
                .iter()
                .map(|code| format!("`{code}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let message = if codes.len() == 1 {
                format!(
                    "error code {listed} is listed more than once for `{}`",
                    ty.name
                )
            } else {
                format!(
                    "error codes {listed} are listed more than once for `{}`",
                    ty.name
                )
            };
            let mut diagnostic = cx
                .report(
                    ty.name.clone(),
                    first_repeat.provenance.location.as_ref(),
                    width(first_code),
                    message,
                    "remove the repeated entries",
                )
                .clone();
            for (code, repeat, earlier) in &repeats {
                if let Some(location) = &earlier.provenance.location {
                    if !diagnostic
                        .labels
                        .iter()
                        .any(|label| &label.location == location)
                    {
                        diagnostic = diagnostic
                            .with_label(location.clone(), format!("`{code}` first listed here"));
                    }
                }
                if !std::ptr::eq(*repeat, first_repeat) {
                    if let Some(location) = &repeat.provenance.location {
                        diagnostic =
                            diagnostic.with_label(location.clone(), format!("`{code}` again"));
                    }
                }
            }
            if let Some(last) = cx.findings.last_mut() {
                *last = diagnostic;
            }
        }
    }
}
