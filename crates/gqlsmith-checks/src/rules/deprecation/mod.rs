//! Rules about deprecation notices: a reason, readable dates, removals that are due, and
//! notices that name the wrong field.

pub(crate) mod deprecation_date_unreadable;
pub(crate) mod deprecation_names_other_field;
pub(crate) mod deprecation_reason_missing;
pub(crate) mod removal_overdue;
