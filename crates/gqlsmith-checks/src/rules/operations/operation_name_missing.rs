//! `operation-name-missing`: an anonymous operation.

use crate::context::Context;
use crate::registry::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports operations without a name (`query { viewer { login } }` or `{ viewer { login } }`).
    ///
    /// ## Why is this bad?
    /// A name is how an operation is found in server logs, traces, persisted-query lists and
    /// gqlsmith's own reports (`diff --documents` lists affected operations by name). Code
    /// generators name an operation's types after it, so an anonymous one gets no typed code.
    ///
    /// ## Example
    /// ```graphql
    /// query { viewer { login } }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// query ViewerLogin { viewer { login } }
    /// ```
    ///
    /// ## Options
    /// None.
    ///
    /// ## References
    /// - [graphql-eslint: no-anonymous-operations](https://the-guild.dev/graphql/eslint/rules/no-anonymous-operations)
    pub(crate) struct OperationNameMissing {
        code: "OP003",
        name: "operation-name-missing",
        severity: Warning,
        family: Operations,
        profile: None,
    }
}

impl OperationNameMissing {
    fn check(cx: &mut Context<'_>) {
        let Some(documents) = cx.documents else {
            return;
        };
        for operation in documents.operations.iter().filter(|op| op.name.is_none()) {
            let kind = operation.kind.as_str();
            cx.report(
                operation.display_name(),
                Some(&operation.location),
                1,
                format!("this {kind} has no name"),
                format!("name it after what it does: `{kind} ViewerLogin {{ ... }}`"),
            );
        }
    }
}
