//! Rules from the Relay Cursor Connections specification, and Kraken's extras on top of it.

pub(crate) mod connection_arguments;
pub(crate) mod connection_type;
pub(crate) mod edge_name_pairing;
pub(crate) mod edge_type;
pub(crate) mod kraken_connection_extras;
pub(crate) mod page_info_shape;

use gqlsmith_model::{relay, Schema, TypeDef};

use crate::rules::defined_types;

/// Every object type the input defines whose name ends with `Connection`.
pub(crate) fn connections(schema: &Schema) -> impl Iterator<Item = &TypeDef> {
    defined_types(schema).filter(|ty| relay::is_connection(ty))
}
