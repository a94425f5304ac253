//! `error-code-format`: error codes follow the configured pattern.

use crate::context::{width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::defined_types;

declare_rule! {
    /// ## What it does
    /// Checks that every error code matches the configured pattern, by default Kraken's `KT-` prefix, a two-letter area and four or five digits (`KT-CT-1111`).
    ///
    /// ## Why is this bad?
    /// Clients branch on error codes, often by prefix (`KT-CT-` for core, `KT-GB-` for the
    /// British market). A code outside the scheme is either a typo, which no client will ever
    /// match, or a new scheme nobody agreed on.
    ///
    /// ## Example
    /// ```text
    /// The possible errors that can be raised are:
    /// - KTCT-1111: Unauthorized.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The possible errors that can be raised are:
    /// - KT-CT-1111: Unauthorized.
    /// ```
    ///
    /// ## Options
    /// `[check.errors] pattern`: a regular expression, default `^KT-[A-Z]{2}-[0-9]{4,5}$`.
    /// Part of the `kraken` profile (off by default).
    ///
    /// ## References
    /// - [Kraken API reference: errors](https://developer.octopus.energy/graphql/reference/errors)
    pub(crate) struct ErrorCodeFormat {
        code: "EC002",
        name: "error-code-format",
        severity: Warning,
        family: Errors,
        profile: Some(Profile::Kraken),
    }
}

impl ErrorCodeFormat {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        let pattern = &cx.options.error_code_pattern;
        let mut findings = Vec::new();
        for ty in defined_types(schema) {
            for entry in ty
                .error_codes
                .iter()
                .filter(|entry| !entry.code.trim().is_empty())
            {
                if !pattern.is_match(&entry.code) {
                    findings.push((ty, entry));
                }
            }
        }
        let pattern_text = pattern.as_str().to_owned();
        for (ty, entry) in findings {
            cx.report(
                ty.name.clone(),
                entry.provenance.location.as_ref(),
                width(&entry.code),
                format!("error code `{}` of `{}` does not match `{pattern_text}`", entry.code, ty.name),
                "fix the code, or change `[check.errors] pattern` in gqlsmith.toml if the scheme changed",
            );
        }
    }
}
