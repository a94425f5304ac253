//! `edge-type`: the shape of the edge type a connection lists.

use gqlsmith_model::TypeRef;
use indexmap::IndexSet;

use crate::context::{is_string_like, width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::relay::connections;
use gqlsmith_model::relay::edge_of;

declare_rule! {
    /// ## What it does
    /// Checks that the edge type a connection's `edges` field lists has a `node` field that is not a list and a `cursor` field of a string-like type.
    ///
    /// ## Why is this bad?
    /// A client pages by sending back the `cursor` of the last edge it saw, so the cursor must
    /// be an opaque string it can store and resend; and each edge stands for one node, so
    /// `node` cannot be a list. Edges without these fields cannot be paged through.
    ///
    /// ## Example
    /// ```graphql
    /// type ShipEdge {
    ///   nodes: [Ship]
    ///   cursor: Int
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// type ShipEdge {
    ///   node: Ship
    ///   cursor: String!
    /// }
    /// ```
    ///
    /// ## Options
    /// None. Part of the `relay` profile, which is on by default. `String`, `ID` and custom
    /// scalars count as string-like, with or without `!`.
    ///
    /// ## References
    /// - [Relay Cursor Connections: Edge Types](https://relay.dev/graphql/connections.htm#sec-Edge-Types)
    pub(crate) struct EdgeType {
        code: "RL002",
        name: "edge-type",
        severity: Error,
        family: Relay,
        profile: Some(Profile::Relay),
    }
}

impl EdgeType {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        let mut seen = IndexSet::new();
        for connection in connections(schema) {
            let Some(edge) = edge_of(schema, connection) else {
                continue;
            };
            if !seen.insert(edge.name.as_str()) {
                continue;
            }
            let name = &edge.name;
            match edge.field("node") {
                None => {
                    cx.report(
                        name.clone(),
                        edge.provenance.location.as_ref(),
                        width(name),
                        format!("edge type `{name}` has no `node` field"),
                        format!(
                            "add `node: {}`, the item this edge points at",
                            node_guess(&connection.name)
                        ),
                    );
                }
                Some(node) if node.ty.is_list() => {
                    cx.report(
                        format!("{name}.node"),
                        node.provenance.location.as_ref(),
                        width(&node.name),
                        format!("`{name}.node` must not be a list, but is `{}`", node.ty),
                        format!("return one item, such as `{}`; a list belongs in the connection's `edges`", node.ty.base_name()),
                    );
                }
                Some(_) => {}
            }
            match edge.field("cursor") {
                None => {
                    cx.report(
                        name.clone(),
                        edge.provenance.location.as_ref(),
                        width(name),
                        format!("edge type `{name}` has no `cursor` field"),
                        "add `cursor: String!`, the opaque position of this edge",
                    );
                }
                Some(cursor) if !is_string_like(schema, &cursor.ty) => {
                    cx.report(
                        format!("{name}.cursor"),
                        cursor.provenance.location.as_ref(),
                        width(&cursor.name),
                        format!(
                            "`{name}.cursor` must be a string-like type, not `{}`",
                            cursor.ty
                        ),
                        "return `String!` (or a custom scalar that serialises as a string)",
                    );
                }
                Some(_) => {}
            }
        }
    }
}

/// `Ship` for `ShipConnection`, for help texts.
fn node_guess(connection: &str) -> TypeRef {
    TypeRef::named(super::connection_type::relay_prefix(connection))
}
