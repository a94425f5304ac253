//! `error-code-message-conflict`: one message per error code across the schema.

use gqlsmith_model::{ErrorCode, TypeDef};
use indexmap::IndexMap;

use crate::context::{width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::defined_types;

declare_rule! {
    /// ## What it does
    /// Checks that an error code has the same message everywhere the schema lists it.
    ///
    /// ## Why is this bad?
    /// A code is a promise about one failure. When two mutations describe the same code
    /// differently, either one description is stale or the code is being reused for two
    /// failures, and clients that translate codes into user messages show the wrong one.
    ///
    /// ## Example
    /// ```text
    /// CreateAccount: - KT-CT-1111: Unauthorized.
    /// UpdateAccount: - KT-CT-1111: Account not found.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// CreateAccount: - KT-CT-1111: Unauthorized.
    /// UpdateAccount: - KT-CT-1111: Unauthorized.
    /// ```
    ///
    /// ## Options
    /// None. Part of the `kraken` profile (off by default). Messages are compared after
    /// trimming white space.
    ///
    /// ## References
    /// - [Kraken API reference: errors](https://developer.octopus.energy/graphql/reference/errors)
    pub(crate) struct ErrorCodeMessageConflict {
        code: "EC003",
        name: "error-code-message-conflict",
        severity: Warning,
        family: Errors,
        profile: Some(Profile::Kraken),
    }
}

impl ErrorCodeMessageConflict {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        let mut first_seen: IndexMap<&str, (&TypeDef, &ErrorCode)> = IndexMap::new();
        let mut conflicts = Vec::new();
        for ty in defined_types(schema) {
            for entry in &ty.error_codes {
                let code = entry.code.trim();
                if code.is_empty() {
                    continue;
                }
                match first_seen.get(code) {
                    None => {
                        first_seen.insert(code, (ty, entry));
                    }
                    Some((first_type, first)) if first.message.trim() != entry.message.trim() => {
                        conflicts.push((ty, entry, *first_type, *first));
                    }
                    Some(_) => {}
                }
            }
        }
        for (ty, entry, first_type, first) in conflicts {
            let diagnostic = cx.report(
                ty.name.clone(),
                entry.provenance.location.as_ref(),
                width(&entry.code),
                format!(
                    "error code `{}` of `{}` says \"{}\" but `{}` says \"{}\"",
                    entry.code,
                    ty.name,
                    entry.message.trim(),
                    first_type.name,
                    first.message.trim()
                ),
                "give the code one message everywhere, or use a new code for the other failure",
            );
            if let Some(location) = &first.provenance.location {
                *diagnostic = diagnostic.clone().with_label(
                    location.clone(),
                    format!("first described here, on `{}`", first_type.name),
                );
            }
        }
    }
}
