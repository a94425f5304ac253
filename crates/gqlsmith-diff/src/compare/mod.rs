//! Walks two schemas side by side and records every change with its criticality, in the order
//! graphql-inspector does (directives, root types, then types: removed, added, common), so that
//! every change comes after the addition that contains it and folding can work in one pass.

//!
//! One module per kind of schema element, as graphql-inspector splits its diff: `directives`
//! (definitions), `roots`, `types` (and the kinds: `fields`, `inputs`, `enums`, `unions`) and
//! `directive_usages` (directives applied to elements). This module holds the walk's order and
//! what they share.

mod directive_usages;
mod directives;
mod enums;
mod fields;
mod inputs;
mod roots;
mod types;
mod unions;

use gqlsmith_model::{Deprecation, DirectiveUse, Location, Schema, TypeDef, TypeKind};
use indexmap::{IndexMap, IndexSet};

use crate::literal::string_value;
use crate::{Change, ChangeType, Criticality};
use directive_usages::{schema_usages, Site};

/// What graphql-js reports as the reason of a bare `@deprecated`.
const DEFAULT_DEPRECATION_REASON: &str = "No longer supported";

/// Directives every schema has; their definitions are never compared.
const SPECIFIED_DIRECTIVES: [&str; 5] = ["include", "skip", "deprecated", "specifiedBy", "oneOf"];

const DESCRIPTION_REASON: &str = "descriptions are documentation: no operation can observe them";
const DEPRECATION_REASON: &str =
    "deprecation is advice to clients: the element keeps working until it is removed";

/// Every change from `old` to `new`, unfolded. With `verbose`, the contents of removed types
/// are listed too.
pub(crate) fn changes(old: &Schema, new: &Schema, verbose: bool) -> Vec<Change> {
    let mut differ = Differ {
        changes: Vec::new(),
        verbose,
    };
    differ.directives(old, new);
    differ.roots(old, new);
    differ.types(old, new);
    let old_usages = schema_usages(old);
    let new_usages = schema_usages(new);
    differ.usages(
        Site::Schema,
        "schema",
        Some(&old_usages),
        &new_usages,
        false,
    );
    differ.changes
}

struct Differ {
    changes: Vec<Change>,
    verbose: bool,
}

/// Pairs two lists by name: removed (old order), added (new order), common (old order).
fn pair_by_name<'a, T>(
    old: &'a [T],
    new: &'a [T],
    name: impl Fn(&T) -> &str,
) -> (Vec<&'a T>, Vec<&'a T>, Vec<(&'a T, &'a T)>) {
    // Most lists (arguments, small types) are short: scanning beats building maps. A name
    // listed twice resolves to its last entry either way.
    const SHORT: usize = 12;
    let new_by_name: Option<IndexMap<&str, &T>> =
        (new.len() > SHORT).then(|| new.iter().map(|item| (name(item), item)).collect());
    let old_names: Option<IndexSet<&str>> =
        (old.len() > SHORT).then(|| old.iter().map(&name).collect());
    let find_new = |wanted: &str| match &new_by_name {
        Some(map) => map.get(wanted).copied(),
        None => new.iter().rev().find(|item| name(item) == wanted),
    };
    let in_old = |wanted: &str| match &old_names {
        Some(set) => set.contains(wanted),
        None => old.iter().any(|item| name(item) == wanted),
    };
    let mut removed = Vec::new();
    let mut common = Vec::new();
    for item in old {
        match find_new(name(item)) {
            Some(new_item) => common.push((item, new_item)),
            None => removed.push(item),
        }
    }
    let added = new.iter().filter(|item| !in_old(name(item))).collect();
    (removed, added, common)
}

fn location(provenance: &gqlsmith_model::Provenance) -> Option<&Location> {
    provenance.location.as_ref()
}

/// Descriptions compare with empty and missing alike, as graphql-js does.
fn description(text: &Option<String>) -> Option<&str> {
    text.as_deref().filter(|text| !text.is_empty())
}

fn kind_name(kind: TypeKind) -> &'static str {
    match kind {
        TypeKind::Object => "object type",
        TypeKind::Interface => "interface",
        TypeKind::Union => "union",
        TypeKind::Enum => "enum",
        TypeKind::InputObject => "input object",
        TypeKind::Scalar => "scalar",
    }
}

/// A kind a docs page does not state (recovery guessed it from how the type is used) may
/// differ between two readings without the API changing, so such a change is only dangerous.
fn kind_is_guessed(old: &TypeDef, new: &TypeDef) -> bool {
    !old.kind_provenance.is_read() || !new.kind_provenance.is_read()
}

fn kind_change_criticality(old: &TypeDef, new: &TypeDef) -> Criticality {
    if kind_is_guessed(old, new) {
        Criticality::Dangerous
    } else {
        Criticality::Breaking
    }
}

fn kind_change_reason(old: &TypeDef, new: &TypeDef) -> &'static str {
    if kind_is_guessed(old, new) {
        "the input does not state the kind (recovery inferred it), so this may be a different guess rather than a change; if it is real, selections and variables written for the old kind stop validating"
    } else {
        "selections, fragments and variables written for the old kind stop validating"
    }
}

fn is_compared_type(name: &str) -> bool {
    !Schema::is_builtin_scalar(name) && !name.starts_with("__")
}

/// The deprecation of an element, from its model field or, failing that, from a
/// `@deprecated` directive kept among its directives: `Some(reason)` when deprecated.
fn deprecation_state(
    deprecation: Option<&Deprecation>,
    directives: &[DirectiveUse],
) -> Option<Option<String>> {
    if let Some(deprecation) = deprecation {
        return Some(deprecation.reason.clone());
    }
    directives
        .iter()
        .find(|directive| directive.name == "deprecated")
        .map(|directive| {
            directive
                .arguments
                .iter()
                .find(|(name, _)| name == "reason")
                .and_then(|(_, value)| string_value(value))
        })
}

/// The reason graphql-js would report: a bare `@deprecated` has the default reason.
fn effective_reason(state: &Option<Option<String>>) -> Option<&str> {
    state
        .as_ref()
        .map(|reason| reason.as_deref().unwrap_or(DEFAULT_DEPRECATION_REASON))
}

impl Differ {
    fn push(&mut self, change: Change) {
        self.changes.push(change);
    }

    /// A description added, removed or changed (`types` in that order), as one change on
    /// `path`. Each side is its description (empty counts as none) and location.
    fn description_change(
        &mut self,
        path: &str,
        subject: &str,
        types: [ChangeType; 3],
        (old, old_location): (Option<&str>, Option<&Location>),
        (new, new_location): (Option<&str>, Option<&Location>),
    ) {
        if old == new {
            return;
        }
        let [added, removed, changed] = types;
        let (change_type, verb) = match (old, new) {
            (None, _) => (added, "was added"),
            (_, None) => (removed, "was removed"),
            _ => (changed, "changed"),
        };
        self.push(
            Change::new(
                change_type,
                Criticality::Safe,
                path,
                format!("description of {subject} {verb}"),
                DESCRIPTION_REASON,
            )
            .old(old.map(str::to_owned), old_location)
            .new_side(new.map(str::to_owned), new_location),
        );
    }

    /// A field or enum value deprecated, undeprecated, or its reason added, removed or
    /// changed. Each side is its `deprecation_state` and location. Every deprecation change is
    /// on the `@deprecated` usage it is about.
    fn deprecation_change(
        &mut self,
        path: &str,
        subject: &str,
        types: DeprecationChangeTypes,
        (old_state, old_location): (&Option<Option<String>>, Option<&Location>),
        (new_state, new_location): (&Option<Option<String>>, Option<&Location>),
    ) {
        let (old_reason, new_reason) = (effective_reason(old_state), effective_reason(new_state));
        let (change_type, message) = match (old_reason, new_reason) {
            (None, Some(_)) => (types.deprecated, format!("{subject} is deprecated")),
            (Some(_), None) => (
                types.undeprecated,
                format!("{subject} is no longer deprecated"),
            ),
            (Some(old_reason), Some(new_reason)) if old_reason != new_reason => {
                if old_reason == DEFAULT_DEPRECATION_REASON {
                    (
                        types.reason_added,
                        format!("deprecation of {subject} now gives a reason"),
                    )
                } else if new_reason == DEFAULT_DEPRECATION_REASON {
                    (
                        types.reason_removed,
                        format!("deprecation of {subject} no longer gives a reason"),
                    )
                } else {
                    (
                        types.reason_changed,
                        format!("deprecation reason of {subject} changed"),
                    )
                }
            }
            _ => return,
        };
        self.push(
            Change::new(
                change_type,
                Criticality::Safe,
                format!("{path}.@deprecated"),
                message,
                DEPRECATION_REASON,
            )
            .old(old_reason.map(str::to_owned), old_location)
            .new_side(new_reason.map(str::to_owned), new_location),
        );
    }
}

/// The change types `Differ::deprecation_change` reports for one kind of element.
struct DeprecationChangeTypes {
    deprecated: ChangeType,
    undeprecated: ChangeType,
    reason_added: ChangeType,
    reason_removed: ChangeType,
    reason_changed: ChangeType,
}
