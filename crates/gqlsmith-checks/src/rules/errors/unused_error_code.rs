//! `unused-error-code`: a registry code no type lists.

use indexmap::IndexSet;

use crate::context::{width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::defined_types;

declare_rule! {
    /// ## What it does
    /// Reports codes in the registry file of known codes that no type in the schema lists.
    ///
    /// ## Why is this bad?
    /// A registry entry nobody raises is either dead (the failure it named was removed) or a
    /// sign that a list in the schema lost an entry. Both make the registry less trustworthy
    /// as the place to look codes up.
    ///
    /// ## Example
    /// Registry `errors.txt`:
    /// ```text
    /// KT-CT-1111: Unauthorized.
    /// KT-CT-9999: Retired failure.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// KT-CT-1111: Unauthorized.
    /// ```
    ///
    /// ## Options
    /// `[check.errors] registry`: the file of known codes. Without it the rule does nothing.
    /// The finding's coordinate is the code itself. Part of the `kraken` profile.
    ///
    /// ## References
    /// - [Kraken API reference: errors](https://developer.octopus.energy/graphql/reference/errors)
    pub(crate) struct UnusedErrorCode {
        code: "EC009",
        name: "unused-error-code",
        severity: Warning,
        family: Errors,
        profile: Some(Profile::Kraken),
    }
}

impl UnusedErrorCode {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        let Some(registry) = cx.options.error_registry else {
            return;
        };
        let raised: IndexSet<&str> = defined_types(schema)
            .flat_map(|ty| ty.error_codes.iter().map(|entry| entry.code.trim()))
            .collect();
        for (code, location) in &registry.codes {
            if raised.contains(code.as_str()) {
                continue;
            }
            cx.report(
                code.clone(),
                Some(location),
                width(code),
                format!("registry code `{code}` is not raised by any type"),
                "remove it from the registry if it is retired, or list it on the type that raises it",
            );
        }
    }
}
