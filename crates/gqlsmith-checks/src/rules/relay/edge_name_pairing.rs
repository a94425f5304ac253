//! `edge-name-pairing`: a connection's edge type is named after it.

use crate::context::{width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::relay::connection_type::relay_prefix;
use crate::rules::relay::connections;
use gqlsmith_model::relay::edge_of;

declare_rule! {
    /// ## What it does
    /// Checks that the edge type of `FooConnection` is named `FooEdge`.
    ///
    /// ## Why is this bad?
    /// The pairing is how readers and tools find a connection's edge type, and it is the name
    /// Relay's own server libraries generate. An edge type shared by several connections, or
    /// named otherwise, is legal but surprising, and usually the trace of a copy-paste.
    ///
    /// ## Example
    /// ```graphql
    /// type FollowerConnection {
    ///   edges: [UserEdge]
    ///   pageInfo: PageInfo!
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// type FollowerConnection {
    ///   edges: [FollowerEdge]
    ///   pageInfo: PageInfo!
    /// }
    /// ```
    ///
    /// ## Options
    /// None. Part of the `relay` profile, which is on by default; the Relay spec itself does
    /// not require the pairing, so turn it off with `edge-name-pairing = "off"` if your
    /// schema shares edge types on purpose.
    ///
    /// ## References
    /// - [Relay Cursor Connections: Edge Types](https://relay.dev/graphql/connections.htm#sec-Edge-Types)
    pub(crate) struct EdgeNamePairing {
        code: "RL006",
        name: "edge-name-pairing",
        severity: Warning,
        family: Relay,
        profile: Some(Profile::Relay),
    }
}

impl EdgeNamePairing {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        for connection in connections(schema) {
            let Some(edge) = edge_of(schema, connection) else {
                continue;
            };
            let expected = format!("{}Edge", relay_prefix(&connection.name));
            if edge.name == expected {
                continue;
            }
            let Some(edges) = connection.field("edges") else {
                continue;
            };
            cx.report(
                format!("{}.edges", connection.name),
                edges.provenance.location.as_ref(),
                width(&edges.name),
                format!(
                    "`{}.edges` lists `{}`, not `{expected}`",
                    connection.name, edge.name
                ),
                format!("name the edge type `{expected}` after its connection"),
            );
        }
    }
}
