//! `kraken-connection-extras`: Kraken's counts and stock descriptions on connections and edges.

use crate::context::{width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::relay::connections;
use gqlsmith_model::relay::edge_of;

declare_rule! {
    /// ## What it does
    /// Checks Kraken's additions to Relay connections: `totalCount: Int!` and `edgeCount: Int!` on each connection, connection descriptions that start with "Paginator of", and edge descriptions that start with "A Relay edge containing".
    ///
    /// ## Why is this bad?
    /// Kraken clients rely on the two counts being present on every connection, and the
    /// stock descriptions are how generated documentation and the docs reader recognise
    /// connections and edges. A connection without them was hand-written against the house
    /// convention.
    ///
    /// ## Example
    /// ```graphql
    /// "Ships."
    /// type ShipConnection {
    ///   edges: [ShipEdge]!
    ///   pageInfo: PageInfo!
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// "Paginator of ships."
    /// type ShipConnection {
    ///   edges: [ShipEdge]!
    ///   pageInfo: PageInfo!
    ///   totalCount: Int!
    ///   edgeCount: Int!
    /// }
    /// ```
    ///
    /// ## Options
    /// None. Part of the `kraken` profile (off by default). Types without a description are
    /// left to `description-missing`.
    ///
    /// ## References
    /// - [Kraken API reference: objects](https://developer.octopus.energy/graphql/reference/objects)
    /// - [Relay Cursor Connections](https://relay.dev/graphql/connections.htm)
    pub(crate) struct KrakenConnectionExtras {
        code: "RL005",
        name: "kraken-connection-extras",
        severity: Warning,
        family: Relay,
        profile: Some(Profile::Kraken),
    }
}

impl KrakenConnectionExtras {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        let mut seen_edges: indexmap::IndexSet<&str> = indexmap::IndexSet::new();
        for connection in connections(schema) {
            let name = &connection.name;
            for count in ["totalCount", "edgeCount"] {
                let ok = connection
                    .field(count)
                    .is_some_and(|field| field.ty.to_string() == "Int!");
                if !ok {
                    let found = connection
                        .field(count)
                        .map(|field| format!(", not `{}`", field.ty))
                        .unwrap_or_default();
                    cx.report(
                        format!("{name}.{count}"),
                        connection
                            .field(count)
                            .map_or(connection.provenance.location.as_ref(), |field| {
                                field.provenance.location.as_ref()
                            }),
                        width(if connection.field(count).is_some() {
                            count
                        } else {
                            name
                        }),
                        format!("connection `{name}` needs `{count}: Int!`{found}"),
                        format!("declare `{count}: Int!` as every Kraken connection does"),
                    );
                }
            }
            if let Some(description) = connection.description.as_deref() {
                if !description.trim_start().starts_with("Paginator of") {
                    cx.report(
                        name.clone(),
                        connection.provenance.location.as_ref(),
                        width(name),
                        format!("connection `{name}` has a description that does not start with \"Paginator of\""),
                        "describe it as \"Paginator of <things>.\"",
                    );
                }
            }
            let Some(edge) = edge_of(schema, connection) else {
                continue;
            };
            if !seen_edges.insert(edge.name.as_str()) {
                continue;
            }
            if let Some(description) = edge.description.as_deref() {
                if !description
                    .trim_start()
                    .starts_with("A Relay edge containing")
                {
                    cx.report(
                        edge.name.clone(),
                        edge.provenance.location.as_ref(),
                        width(&edge.name),
                        format!("edge type `{}` has a description that does not start with \"A Relay edge containing\"", edge.name),
                        "describe it as \"A Relay edge containing a <Node> and its cursor.\"",
                    );
                }
            }
        }
    }
}
