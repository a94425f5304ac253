//! `error-list-malformed`: every entry of an error-code list has a code and a message.

use crate::context::{width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::defined_types;

declare_rule! {
    /// ## What it does
    /// Checks that every entry of a "The possible errors that can be raised are:" list reads `- CODE: Message.`: a code without spaces, a message, and a full stop.
    ///
    /// ## Why is this bad?
    /// The lists are the only place a client learns which error codes a mutation raises and
    /// what they mean. An entry without a code cannot be matched against a response; one
    /// without a message tells the reader nothing; one without the closing full stop is
    /// usually cut short by whatever produced the page.
    ///
    /// ## Example
    /// ```text
    /// The possible errors that can be raised are:
    /// - KT-CT-1111:
    /// - Unauthorized.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// The possible errors that can be raised are:
    /// - KT-CT-1111: Unauthorized.
    /// ```
    ///
    /// ## Options
    /// None. Part of the `kraken` profile (off by default).
    ///
    /// ## References
    /// - [Kraken API reference: errors](https://developer.octopus.energy/graphql/reference/errors)
    pub(crate) struct ErrorListMalformed {
        code: "EC001",
        name: "error-list-malformed",
        severity: Warning,
        family: Errors,
        profile: Some(Profile::Kraken),
    }
}

impl ErrorListMalformed {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        for ty in defined_types(schema) {
            for entry in &ty.error_codes {
                let code = entry.code.trim();
                let message = entry.message.trim();
                let problem = if code.is_empty() {
                    Some(format!(
                        "an error-code list entry of `{}` has no code",
                        ty.name
                    ))
                } else if code.contains(char::is_whitespace) {
                    Some(format!(
                        "error code `{code}` of `{}` contains white space",
                        ty.name
                    ))
                } else if message.is_empty() {
                    Some(format!(
                        "error code `{code}` of `{}` has no message",
                        ty.name
                    ))
                } else if !message.ends_with(['.', '!', '?']) {
                    Some(format!(
                        "the message of error code `{code}` of `{}` does not end with a full stop",
                        ty.name
                    ))
                } else {
                    None
                };
                if let Some(problem) = problem {
                    cx.report(
                        ty.name.clone(),
                        entry.provenance.location.as_ref(),
                        width(code).max(1),
                        problem,
                        "write the entry as `- CODE: Message.`",
                    );
                }
            }
        }
    }
}
