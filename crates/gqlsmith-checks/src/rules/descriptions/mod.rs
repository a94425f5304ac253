//! Rules about descriptions: present where the config asks for them, and not cut short.

pub(crate) mod description_missing;
pub(crate) mod truncated_description;
