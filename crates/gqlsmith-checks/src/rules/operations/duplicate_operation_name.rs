//! `duplicate-operation-name`: two operations with one name, in one file or across files.

use crate::context::Context;
use crate::registry::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports an operation whose name another operation already has, in the same file or in
    /// any other document read with it.
    ///
    /// ## Why is this bad?
    /// The GraphQL spec requires operation names to be unique within a document, and clients
    /// that register operations by name (persisted queries, Apollo's operation registry,
    /// generated hooks such as `useViewerQuery`) see only one of the two. graphql-codegen
    /// stops with "Not all operations have an unique name".
    ///
    /// ## Example
    /// `a.graphql`: `query Viewer { viewer { login } }`; `b.graphql`: `query Viewer { viewer { name } }`.
    ///
    /// ## Use instead
    /// Rename one (`ViewerName`), or merge the two.
    ///
    /// ## Options
    /// None.
    ///
    /// ## References
    /// - [GraphQL spec: Operation Name Uniqueness](https://spec.graphql.org/October2021/#sec-Operation-Name-Uniqueness)
    /// - [graphql-eslint: unique-operation-name](https://the-guild.dev/graphql/eslint/rules/unique-operation-name)
    pub(crate) struct DuplicateOperationName {
        code: "OP004",
        name: "duplicate-operation-name",
        severity: Error,
        family: Operations,
        profile: None,
    }
}

impl DuplicateOperationName {
    fn check(cx: &mut Context<'_>) {
        let Some(documents) = cx.documents else {
            return;
        };
        for (index, operation) in documents.operations.iter().enumerate() {
            let Some(name) = &operation.name else {
                continue;
            };
            let Some(first) = documents.operations[..index]
                .iter()
                .find(|earlier| earlier.name.as_ref() == Some(name))
            else {
                continue;
            };
            let location = first.location.clone();
            cx.report(
                name.clone(),
                Some(&operation.location),
                1,
                format!("the operation name `{name}` is used twice"),
                "give each operation its own name",
            )
            .labels
            .push(gqlsmith_model::Label {
                location,
                message: "first used here".to_owned(),
            });
        }
    }
}
