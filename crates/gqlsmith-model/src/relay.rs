//! Relay cursor connections (<https://relay.dev/graphql/connections.htm>): which names and
//! which types are connections and edges. The one answer the checks, the Markdown references
//! and recovery share, so that they never disagree on what a connection is.

use crate::{Schema, TypeDef, TypeKind};

/// What a connection's name ends with.
pub const CONNECTION_SUFFIX: &str = "Connection";
/// What an edge's name ends with.
pub const EDGE_SUFFIX: &str = "Edge";

/// `X` of a connection name `XConnection` (`X` not empty), else `None`.
pub fn connection_prefix(name: &str) -> Option<&str> {
    name.strip_suffix(CONNECTION_SUFFIX)
        .filter(|prefix| !prefix.is_empty())
}

/// `X` of an edge name `XEdge` (`X` not empty), else `None`.
pub fn edge_prefix(name: &str) -> Option<&str> {
    name.strip_suffix(EDGE_SUFFIX)
        .filter(|prefix| !prefix.is_empty())
}

/// True for a name of the form `XConnection` with `X` not empty.
pub fn is_connection_name(name: &str) -> bool {
    connection_prefix(name).is_some()
}

/// True for a name of the form `XEdge` with `X` not empty.
pub fn is_edge_name(name: &str) -> bool {
    edge_prefix(name).is_some()
}

/// The Relay role of a type, judged by its fields alone (its name may be lost, as on a docs
/// page): what recovery names unnamed blocks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Has `edges: [XEdge]`.
    Connection,
    /// Has `cursor` and `node`.
    Edge,
    /// Neither.
    Other,
}

/// The Relay role `ty`'s fields give it (see [`Shape`]).
pub fn shape_of_fields(ty: &TypeDef) -> Shape {
    if ty
        .field("edges")
        .is_some_and(|edges| edges.ty.is_list() && is_edge_name(edges.ty.base_name()))
    {
        Shape::Connection
    } else if ty.field("cursor").is_some() && ty.field("node").is_some() {
        Shape::Edge
    } else {
        Shape::Other
    }
}

/// The Relay role a name asks for: a connection name, an edge name, or neither.
pub fn shape_of_name(name: &str) -> Shape {
    if is_connection_name(name) {
        Shape::Connection
    } else if is_edge_name(name) {
        Shape::Edge
    } else {
        Shape::Other
    }
}

/// True for an object type named `XConnection`: what the Relay rules check as a connection.
pub fn is_connection(ty: &TypeDef) -> bool {
    ty.kind == TypeKind::Object && is_connection_name(&ty.name)
}

/// The edge type a connection's `edges` field lists, when it is an object type the schema
/// defines.
pub fn edge_of<'s>(schema: &'s Schema, connection: &TypeDef) -> Option<&'s TypeDef> {
    let edges = connection.field("edges")?;
    if !edges.ty.is_list() {
        return None;
    }
    schema
        .type_named(edges.ty.base_name())
        .filter(|edge| edge.kind == TypeKind::Object)
}

/// A complete connection: the connection, its edge and the name of the edge's node type.
#[derive(Debug, Clone, Copy)]
pub struct Connection<'s> {
    pub connection: &'s TypeDef,
    pub edge: &'s TypeDef,
    pub node: &'s str,
}

/// `ty` as a complete Relay connection: an object named `XConnection` whose `edges` field lists
/// an object type with a `node` field.
pub fn connection<'s>(schema: &'s Schema, ty: &'s TypeDef) -> Option<Connection<'s>> {
    if !is_connection(ty) {
        return None;
    }
    let edge = edge_of(schema, ty)?;
    let node = edge.field("node")?.ty.base_name();
    Some(Connection {
        connection: ty,
        edge,
        node,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Field, Provenance, TypeRef};

    fn object(name: &str, fields: &[(&str, &str)]) -> TypeDef {
        let mut ty = TypeDef::new(name, TypeKind::Object, Provenance::read_unknown_location());
        for (field, field_ty) in fields {
            ty.fields.push(Field::new(
                *field,
                TypeRef::parse(field_ty).unwrap(),
                Provenance::read_unknown_location(),
            ));
        }
        ty
    }

    #[test]
    fn names() {
        assert!(is_connection_name("UserConnection"));
        assert!(!is_connection_name("Connection"));
        assert!(is_edge_name("UserEdge"));
        assert!(!is_edge_name("Edge"));
        assert_eq!(connection_prefix("UserConnection"), Some("User"));
        assert_eq!(shape_of_name("UserEdge"), Shape::Edge);
        assert_eq!(shape_of_name("User"), Shape::Other);
    }

    #[test]
    fn connections_need_a_listed_edge_with_a_node() {
        let mut schema = Schema::default();
        schema.insert_type(object("UserConnection", &[("edges", "[UserEdge]")]));
        schema.insert_type(object(
            "UserEdge",
            &[("cursor", "String!"), ("node", "User")],
        ));
        schema.insert_type(object("User", &[("id", "ID!")]));
        schema.insert_type(object("BadConnection", &[("edges", "UserEdge")]));
        let found = connection(&schema, &schema.types["UserConnection"]).unwrap();
        assert_eq!((found.edge.name.as_str(), found.node), ("UserEdge", "User"));
        assert!(connection(&schema, &schema.types["BadConnection"]).is_none());
        assert_eq!(
            shape_of_fields(&schema.types["UserConnection"]),
            Shape::Connection
        );
        assert_eq!(shape_of_fields(&schema.types["UserEdge"]), Shape::Edge);
        assert_eq!(shape_of_fields(&schema.types["User"]), Shape::Other);
    }
}
