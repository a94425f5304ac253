//! `require-id`: a selection on a type with an `id` field that does not select it.

use gqlsmith_model::{Selection, TypeKind};

use crate::context::Context;
use crate::registry::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports a selection set on an object or interface type that has an `id` field when the
    /// selection does not include `id` (directly, in an inline fragment, or in a fragment it
    /// spreads).
    ///
    /// Off by default; switch it on with `require-id = "warn"` in `[check.rules]`, or the
    /// `strict` profile.
    ///
    /// ## Why is this bad?
    /// Normalised client caches (Apollo Client, urql's Graphcache, Relay) key objects by
    /// `__typename` and `id`. An object fetched without its `id` cannot be merged with the
    /// same object from another query, so one view shows stale data after another updates it.
    ///
    /// ## Example
    /// ```graphql
    /// query Viewer { viewer { login } }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// query Viewer { viewer { id login } }
    /// ```
    ///
    /// ## Options
    /// None.
    ///
    /// ## References
    /// - [graphql-eslint: require-selections (require-id-when-available)](https://the-guild.dev/graphql/eslint/rules/require-selections)
    pub(crate) struct RequireId {
        code: "OP005",
        name: "require-id",
        severity: Warning,
        family: Operations,
        profile: Some(crate::registry::Profile::Strict),
    }
}

impl RequireId {
    fn check(cx: &mut Context<'_>) {
        let Some(documents) = cx.documents else {
            return;
        };
        let mut pending: Vec<(&[Selection], Option<&str>)> = documents
            .definitions()
            .map(|definition| (definition.selections(), None))
            .collect();
        // A work list, not recursion: selection depth comes from the input.
        while let Some((selections, _)) = pending.pop() {
            for selection in selections {
                match selection {
                    Selection::Field(field) => {
                        if field.selections.is_empty() {
                            continue;
                        }
                        pending.push((&field.selections, None));
                        let Some(ty) = field
                            .ty
                            .as_ref()
                            .and_then(|ty| cx.schema.type_named(ty.base_name()))
                        else {
                            continue;
                        };
                        if !matches!(ty.kind, TypeKind::Object | TypeKind::Interface)
                            || ty.field("id").is_none()
                            || selects_id(documents, &field.selections)
                        {
                            continue;
                        }
                        let coordinate = field.coordinate();
                        cx.report(
                            coordinate,
                            Some(&field.location),
                            field.response_key().len(),
                            format!(
                                "`{}` selects from `{}` without its `id`",
                                field.response_key(),
                                ty.name
                            ),
                            "add `id` to the selection, so client caches can identify the object",
                        );
                    }
                    Selection::InlineFragment(inline) => pending.push((&inline.selections, None)),
                    Selection::FragmentSpread(_) => {}
                }
            }
        }
    }
}

/// True when `selections` pick `id` at their own level (through inline fragments and spread
/// fragments too).
fn selects_id(documents: &gqlsmith_model::Documents, selections: &[Selection]) -> bool {
    let mut pending: Vec<&[Selection]> = vec![selections];
    let mut spread: Vec<&str> = Vec::new();
    while let Some(selections) = pending.pop() {
        for selection in selections {
            match selection {
                Selection::Field(field) if field.name == "id" && field.alias.is_none() => {
                    return true
                }
                Selection::Field(_) => {}
                Selection::InlineFragment(inline) => pending.push(&inline.selections),
                Selection::FragmentSpread(fragment) => {
                    if spread.contains(&fragment.name.as_str()) {
                        continue;
                    }
                    spread.push(&fragment.name);
                    if let Some(definition) = documents.fragment(&fragment.name) {
                        pending.push(&definition.selections);
                    }
                }
            }
        }
    }
    false
}
