//! Rules from the Relay Cursor Connections specification, and Kraken's extras on top of it.

pub(crate) mod connection_arguments;
pub(crate) mod connection_type;
pub(crate) mod edge_name_pairing;
pub(crate) mod edge_type;
pub(crate) mod kraken_connection_extras;
pub(crate) mod page_info_shape;

use gqlsmith_model::{Schema, TypeDef, TypeKind};

use crate::context::is_connection_name;
use crate::rules::defined_types;

/// Every object type the input defines whose name ends with `Connection`.
pub(crate) fn connections(schema: &Schema) -> impl Iterator<Item = &TypeDef> {
    defined_types(schema).filter(|ty| ty.kind == TypeKind::Object && is_connection_name(&ty.name))
}

/// The edge type a connection's `edges` field lists, when it is a defined object type.
pub(crate) fn edge_of<'s>(schema: &'s Schema, connection: &TypeDef) -> Option<&'s TypeDef> {
    let edges = connection.field("edges")?;
    if !edges.ty.is_list() {
        return None;
    }
    schema
        .type_named(edges.ty.base_name())
        .filter(|edge| edge.kind == TypeKind::Object)
}
