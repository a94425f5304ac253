//! Rules about client operations (`check --documents`): what they use of the schema, and how
//! they are written. They run only when documents are given.

pub(crate) mod deprecated_usage;
pub(crate) mod duplicate_operation_name;
pub(crate) mod operation_name_missing;
pub(crate) mod require_id;
pub(crate) mod unused_fragment;
