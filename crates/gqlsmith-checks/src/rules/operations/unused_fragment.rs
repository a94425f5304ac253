//! `unused-fragment`: a fragment no operation spreads.

use gqlsmith_model::Definition;

use crate::context::Context;
use crate::registry::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports named fragments that no operation uses, directly or through other fragments.
    ///
    /// Documents are read together, so a fragment spread from another file counts as used.
    ///
    /// ## Why is this bad?
    /// An unused fragment is dead code that still has to be kept valid against the schema: it
    /// shows up in diffs and coverage as a user of fields nobody requests. graphql-js rejects
    /// a single document with an unused fragment (`NoUnusedFragments`).
    ///
    /// ## Example
    /// ```graphql
    /// fragment OldUserFields on User { login }
    /// query Viewer { viewer { name } }
    /// ```
    ///
    /// ## Use instead
    /// Spread it where it is meant to be used, or delete it.
    ///
    /// ## Options
    /// None.
    ///
    /// ## References
    /// - [GraphQL spec: Fragments Must Be Used](https://spec.graphql.org/October2021/#sec-Fragments-Must-Be-Used)
    pub(crate) struct UnusedFragment {
        code: "OP002",
        name: "unused-fragment",
        severity: Warning,
        family: Operations,
        profile: None,
    }
}

impl UnusedFragment {
    fn check(cx: &mut Context<'_>) {
        let Some(documents) = cx.documents else {
            return;
        };
        let mut used: Vec<&str> = Vec::new();
        for operation in &documents.operations {
            for fragment in documents.fragments_used_by(Definition::Operation(operation)) {
                used.push(&fragment.name);
            }
        }
        for fragment in &documents.fragments {
            if used.contains(&fragment.name.as_str()) {
                continue;
            }
            cx.report(
                fragment.name.clone(),
                Some(&fragment.location),
                "fragment".len(),
                format!(
                    "the fragment `{}` is not used by any operation",
                    fragment.name
                ),
                "spread it in an operation, or delete it",
            );
        }
    }
}
