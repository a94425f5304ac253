#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod align;
mod allow;
mod change;
mod compare;
mod fold;
mod help;
mod literal;
mod operations;
mod options;
mod render;
mod type_change;

pub use allow::AllowList;
pub use change::{Change, ChangeType, Criticality};
pub use operations::{broken_operations, mark_affected, AffectedOperation, BrokenOperation};
pub use options::{DiffOptions, FailOn};
pub use render::{render_human, render_markdown};

use gqlsmith_model::Schema;

/// Every change from `old` to `new` with its criticality, in a stable order (directives, root
/// types, then types: removed, added, common; within a type, as its parts are listed).
///
/// Changes inside an added type, field, directive or directive usage are folded into that
/// addition unless `options.verbose_changes` is set, which also lists the contents of removed
/// types. Description-only changes are dropped when `options.ignore_descriptions` is set.
///
/// Types whose names a docs page lost (`NameOrigin::Placeholder`, named after their line) are
/// paired by their contents, so a page whose lines moved does not show them removed and added.
pub fn diff(old: &Schema, new: &Schema, options: &DiffOptions) -> Vec<Change> {
    let aligned = align::align_placeholders(old, new);
    let new = aligned.as_ref().unwrap_or(new);
    let mut changes = compare::changes(old, new, options.verbose_changes);
    if !options.verbose_changes {
        changes = fold::fold(changes);
    }
    if options.ignore_descriptions {
        changes.retain(|change| !change.change_type.as_str().contains("_DESCRIPTION_"));
    }
    changes
}
