//! Rules about references between types.

pub(crate) mod dangling_reference;
