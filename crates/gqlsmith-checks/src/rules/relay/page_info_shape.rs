//! `page-info-shape`: the fields of `PageInfo`.

use gqlsmith_model::{TypeKind, TypeRef};

use crate::config::CursorNullability;
use crate::context::{is_string_like, width, Context};
use crate::registry::{declare_rule, Profile};

declare_rule! {
    /// ## What it does
    /// Checks that `PageInfo` has `hasNextPage: Boolean!`, `hasPreviousPage: Boolean!`, and string-like `startCursor` and `endCursor`.
    ///
    /// ## Why is this bad?
    /// Clients decide whether to fetch another page from `hasNextPage`/`hasPreviousPage` and
    /// where to start it from the cursors. A nullable flag leaves them guessing; a cursor that
    /// is not a string cannot be sent back as `after`/`before`.
    ///
    /// ## Example
    /// ```graphql
    /// type PageInfo {
    ///   hasNextPage: Boolean
    ///   endCursor: Int
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// type PageInfo {
    ///   hasNextPage: Boolean!
    ///   hasPreviousPage: Boolean!
    ///   startCursor: String
    ///   endCursor: String
    /// }
    /// ```
    ///
    /// ## Options
    /// `[check.relay] cursors`: `"either"` (default) accepts `String` and `String!`;
    /// `"nullable"` requires `String`, as the spec suggests for empty pages; `"non-null"`
    /// requires `String!`. Part of the `relay` profile, which is on by default.
    ///
    /// ## References
    /// - [Relay Cursor Connections: PageInfo](https://relay.dev/graphql/connections.htm#sec-undefined.PageInfo)
    pub(crate) struct PageInfoShape {
        code: "RL003",
        name: "page-info-shape",
        severity: Error,
        family: Relay,
        profile: Some(Profile::Relay),
    }
}

impl PageInfoShape {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        let Some(page_info) = schema
            .type_named("PageInfo")
            .filter(|ty| ty.kind == TypeKind::Object)
        else {
            return;
        };
        let cursors = cx.config().relay.cursors;
        for flag in ["hasNextPage", "hasPreviousPage"] {
            match page_info.field(flag) {
                None => {
                    cx.report(
                        "PageInfo",
                        page_info.provenance.location.as_ref(),
                        width("PageInfo"),
                        format!("`PageInfo` has no `{flag}` field"),
                        format!("add `{flag}: Boolean!`"),
                    );
                }
                Some(field)
                    if field.ty != TypeRef::NonNull(Box::new(TypeRef::named("Boolean"))) =>
                {
                    cx.report(
                        format!("PageInfo.{flag}"),
                        field.provenance.location.as_ref(),
                        width(flag),
                        format!("`PageInfo.{flag}` must be `Boolean!`, not `{}`", field.ty),
                        "make it `Boolean!`: a client must always know whether another page exists",
                    );
                }
                Some(_) => {}
            }
        }
        for cursor in ["startCursor", "endCursor"] {
            let Some(field) = page_info.field(cursor) else {
                cx.report(
                    "PageInfo",
                    page_info.provenance.location.as_ref(),
                    width("PageInfo"),
                    format!("`PageInfo` has no `{cursor}` field"),
                    format!("add `{cursor}: String`"),
                );
                continue;
            };
            let location = field.provenance.location.as_ref();
            let coordinate = format!("PageInfo.{cursor}");
            if !is_string_like(schema, &field.ty) {
                cx.report(
                    coordinate,
                    location,
                    width(cursor),
                    format!(
                        "`PageInfo.{cursor}` must be a string-like type, not `{}`",
                        field.ty
                    ),
                    "return `String` (or a custom scalar that serialises as a string)",
                );
                continue;
            }
            let wrong = match cursors {
                CursorNullability::Either => None,
                CursorNullability::Nullable => field.ty.is_non_null().then_some("nullable"),
                CursorNullability::NonNull => (!field.ty.is_non_null()).then_some("non-null"),
            };
            if let Some(wanted) = wrong {
                cx.report(
                    coordinate,
                    location,
                    width(cursor),
                    format!("`PageInfo.{cursor}` must be {wanted}, not `{}`", field.ty),
                    "`[check.relay] cursors` in gqlsmith.toml sets the nullability cursors must have",
                );
            }
        }
    }
}
