//! `connection-type`: the shape of a `*Connection` object type.

use gqlsmith_model::{relay, Schema, TypeKind, TypeRef};

use crate::context::{width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::relay::connections;

declare_rule! {
    /// ## What it does
    /// Checks that an object type named `*Connection` has `edges`, a list of an edge type, and `pageInfo: PageInfo!`.
    ///
    /// ## Why is this bad?
    /// Relay, and every client that pages the Relay way, reads `edges { cursor node }` and
    /// `pageInfo { hasNextPage endCursor }` from a connection. A type that is named like a
    /// connection but shaped otherwise cannot be paged by them, and readers of the schema are
    /// misled by the name.
    ///
    /// ## Example
    /// ```graphql
    /// type ShipConnection {
    ///   ships: [Ship]
    ///   pageInfo: ShipPageInfo!
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// type ShipConnection {
    ///   edges: [ShipEdge]
    ///   pageInfo: PageInfo!
    /// }
    /// ```
    ///
    /// ## Options
    /// None. Part of the `relay` profile, which is on by default.
    ///
    /// ## References
    /// - [Relay Cursor Connections: Connection Types](https://relay.dev/graphql/connections.htm#sec-Connection-Types)
    pub(crate) struct ConnectionType {
        code: "RL001",
        name: "connection-type",
        severity: Error,
        family: Relay,
        profile: Some(Profile::Relay),
    }
}

impl ConnectionType {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        for connection in connections(schema) {
            let name = &connection.name;
            let location = connection.provenance.location.as_ref();
            match connection.field("edges") {
                None => {
                    cx.report(
                        name.clone(),
                        location,
                        width(name),
                        format!("connection `{name}` has no `edges` field"),
                        format!(
                            "add `edges: [{}Edge]`, or rename the type if it is not a connection",
                            relay_prefix(name)
                        ),
                    );
                }
                Some(edges) => {
                    // An undefined item type is `dangling-reference`'s to report.
                    let item_is_object = match schema.type_named(edges.ty.base_name()) {
                        Some(item) => item.kind == TypeKind::Object,
                        None => !Schema::is_builtin_scalar(edges.ty.base_name()),
                    };
                    let list_of_named = match edges.ty.nullable() {
                        TypeRef::List(item) => !item.is_list(),
                        _ => false,
                    };
                    if !list_of_named || !item_is_object {
                        cx.report(
                            format!("{name}.edges"),
                            edges.provenance.location.as_ref(),
                            width(&edges.name),
                            format!(
                                "`{name}.edges` must be a list of an edge object type, not `{}`",
                                edges.ty
                            ),
                            format!(
                                "make it `[{}Edge]`, a list of objects with `node` and `cursor`",
                                relay_prefix(name)
                            ),
                        );
                    }
                }
            }
            match connection.field("pageInfo") {
                None => {
                    cx.report(
                        name.clone(),
                        location,
                        width(name),
                        format!("connection `{name}` has no `pageInfo` field"),
                        "add `pageInfo: PageInfo!`",
                    );
                }
                Some(page_info) if page_info.ty.to_string() != "PageInfo!" => {
                    cx.report(
                        format!("{name}.pageInfo"),
                        page_info.provenance.location.as_ref(),
                        width(&page_info.name),
                        format!(
                            "`{name}.pageInfo` must be `PageInfo!`, not `{}`",
                            page_info.ty
                        ),
                        "return the shared non-null `PageInfo` type; the spec names it exactly",
                    );
                }
                Some(_) => {}
            }
        }
    }
}

/// `Ship` for `ShipConnection` (the name itself when it has no prefix), for help texts.
pub(crate) fn relay_prefix(connection: &str) -> &str {
    relay::connection_prefix(connection).unwrap_or(connection)
}
