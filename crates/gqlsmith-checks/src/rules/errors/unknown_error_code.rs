//! `unknown-error-code`: a code the registry of known codes does not list.

use crate::context::{width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::defined_types;

declare_rule! {
    /// ## What it does
    /// Checks every error code the schema lists against the registry file of known codes, and reports codes the registry does not have.
    ///
    /// ## Why is this bad?
    /// A registry is where a team records which codes exist and what they mean, so that
    /// support staff and clients can look them up. A code missing from it was invented
    /// without being recorded, or is a typo of a recorded one.
    ///
    /// ## Example
    /// Registry `errors.txt`:
    /// ```text
    /// KT-CT-1111: Unauthorized.
    /// ```
    /// Schema:
    /// ```text
    /// - KT-CT-1112: 'Authorization' header not provided.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// KT-CT-1111: Unauthorized.
    /// KT-CT-1112: 'Authorization' header not provided.
    /// ```
    ///
    /// ## Options
    /// `[check.errors] registry`: the file of known codes, one `CODE` or `CODE: message` per
    /// line, `#` comments. Without it the rule does nothing. Part of the `kraken` profile.
    ///
    /// ## References
    /// - [Kraken API reference: errors](https://developer.octopus.energy/graphql/reference/errors)
    pub(crate) struct UnknownErrorCode {
        code: "EC008",
        name: "unknown-error-code",
        severity: Warning,
        family: Errors,
        profile: Some(Profile::Kraken),
    }
}

impl UnknownErrorCode {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        let Some(registry) = cx.options.error_registry else {
            return;
        };
        for ty in defined_types(schema) {
            for entry in &ty.error_codes {
                let code = entry.code.trim();
                if code.is_empty() || registry.codes.contains_key(code) {
                    continue;
                }
                cx.report(
                    ty.name.clone(),
                    entry.provenance.location.as_ref(),
                    width(code),
                    format!(
                        "error code `{code}` of `{}` is not in the registry",
                        ty.name
                    ),
                    "add the code to the registry file, or fix the code if it is a typo",
                );
            }
        }
    }
}
