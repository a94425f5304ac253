//! Folds changes into the addition that contains them, as graphql-inspector's default
//! `simplifyChanges` rule does: the fields of an added type, the arguments of an added field,
//! the arguments of an added directive usage are part of that addition, not news of their own.
//! Unlike inspector, a change is never folded into one that is less critical: folding reduces
//! noise, it must not hide what fails the gate.

use indexmap::IndexMap;

use crate::{Change, ChangeType, Criticality};

/// Changes that stand for everything at and below their path, as in graphql-inspector:
/// additions, and deprecation changes (a `@deprecated` usage and its `reason` say nothing the
/// deprecation change does not).
///
/// Some of inspector's entries (`OBJECT_TYPE_INTERFACE_ADDED`, `UNION_MEMBER_ADDED`,
/// `FIELD_DESCRIPTION_ADDED`, `TYPE_DESCRIPTION_ADDED`, `INPUT_FIELD_DESCRIPTION_ADDED`,
/// `DIRECTIVE_LOCATION_ADDED`, `DIRECTIVE_ARGUMENT_ADDED`) sit on the element itself, so
/// they also absorb unrelated changes of that element; that is kept for agreement, but only
/// for changes no more critical than the container (a type that gains an interface no longer
/// hides the removal of one of its fields, as it does in inspector).
fn contains_its_children(change_type: ChangeType) -> bool {
    use ChangeType::*;
    matches!(
        change_type,
        DirectiveAdded
            | DirectiveArgumentAdded
            | DirectiveLocationAdded
            | DirectiveUsageArgumentAdded
            | DirectiveUsageArgumentDefinitionAdded
            | DirectiveUsageEnumAdded
            | DirectiveUsageEnumValueAdded
            | DirectiveUsageFieldDefinitionAdded
            | DirectiveUsageInputFieldDefinitionAdded
            | DirectiveUsageInputObjectAdded
            | DirectiveUsageInterfaceAdded
            | DirectiveUsageObjectAdded
            | DirectiveUsageScalarAdded
            | DirectiveUsageSchemaAdded
            | DirectiveUsageUnionMemberAdded
            | EnumValueAdded
            | EnumValueDeprecationReasonAdded
            | EnumValueDeprecationReasonRemoved
            | EnumValueDeprecationReasonChanged
            | FieldAdded
            | FieldArgumentAdded
            | FieldDeprecationAdded
            | FieldDeprecationRemoved
            | FieldDeprecationReasonAdded
            | FieldDeprecationReasonRemoved
            | FieldDeprecationReasonChanged
            | FieldDescriptionAdded
            | InputFieldAdded
            | InputFieldDescriptionAdded
            | ObjectTypeInterfaceAdded
            | TypeAdded
            | TypeDescriptionAdded
            | UnionMemberAdded
    )
}

/// The path one level up: `Type.field` for `Type.field.argument`; a top-level path is its own
/// parent.
fn parent_path(path: &str) -> &str {
    path.rfind('.').map_or(path, |dot| &path[..dot])
}

/// Containers whose path is the element itself rather than an added part: what folds into
/// them is not part of them, so their message says how much was folded.
fn absorbs_siblings(change_type: ChangeType) -> bool {
    use ChangeType::*;
    matches!(
        change_type,
        ObjectTypeInterfaceAdded
            | UnionMemberAdded
            | FieldDescriptionAdded
            | TypeDescriptionAdded
            | InputFieldDescriptionAdded
            | DirectiveLocationAdded
            | DirectiveArgumentAdded
    )
}

/// A path that folds what follows: the highest criticality it folds, and the kept change
/// whose message counts what an element-level container absorbed.
struct Container {
    level: Criticality,
    counted_in: Option<usize>,
}

/// Drops every change whose path, or whose parent's path, an earlier containing change of at
/// least its criticality has (a dropped change still marks its own path, so folding reaches
/// any depth).
pub(crate) fn fold(changes: Vec<Change>) -> Vec<Change> {
    let mut containers: IndexMap<String, Container> = IndexMap::new();
    let mut kept: Vec<Change> = Vec::new();
    let mut absorbed: Vec<usize> = Vec::new();
    for change in changes {
        let folds_into = |path: &str| {
            containers
                .get(path)
                .filter(|container| container.level >= change.criticality)
        };
        let folded_into =
            folds_into(&change.path).or_else(|| folds_into(parent_path(&change.path)));
        let counted_in = folded_into.and_then(|container| container.counted_in);
        let folded = folded_into.is_some();
        if let Some(index) = counted_in {
            absorbed[index] += 1;
        }
        if contains_its_children(change.change_type) {
            let counted_in =
                (!folded && absorbs_siblings(change.change_type)).then_some(kept.len());
            let container = containers.entry(change.path.clone()).or_insert(Container {
                level: change.criticality,
                counted_in,
            });
            container.level = container.level.max(change.criticality);
            container.counted_in = container.counted_in.or(counted_in);
        }
        if !folded {
            kept.push(change);
            absorbed.push(0);
        }
    }
    for (change, count) in kept.iter_mut().zip(absorbed) {
        if count > 0 {
            let noun = if count == 1 { "change" } else { "changes" };
            change.message.push_str(&format!(
                " ({count} more {noun} at `{}` folded in; verbose changes lists them)",
                change.path
            ));
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::{fold, parent_path};
    use crate::{Change, ChangeType, Criticality};

    #[track_caller]
    fn check(input: &[(ChangeType, Criticality, &str)], expect: &[&str]) {
        let changes = input
            .iter()
            .map(|(change_type, criticality, path)| {
                Change::new(*change_type, *criticality, *path, "", "")
            })
            .collect();
        let kept: Vec<String> = fold(changes)
            .into_iter()
            .map(|change| format!("{} {}{}", change.change_type, change.path, change.message))
            .collect();
        assert_eq!(kept, expect);
    }

    #[test]
    fn folds_into_the_containing_addition() {
        use ChangeType::*;
        use Criticality::*;
        check(
            &[
                (TypeAdded, Safe, "A"),
                (FieldAdded, Safe, "A.f"),
                (FieldArgumentAdded, Safe, "A.f.x"),
                (TypeDescriptionAdded, Safe, "A"),
            ],
            &["TYPE_ADDED A"],
        );
        check(
            &[(FieldAdded, Safe, "A.f"), (FieldAdded, Safe, "A.g")],
            &["FIELD_ADDED A.f", "FIELD_ADDED A.g"],
        );
        check(
            &[
                (FieldDeprecationAdded, Safe, "A.f.@deprecated"),
                (DirectiveUsageFieldDefinitionAdded, Safe, "A.f.@deprecated"),
                (DirectiveUsageArgumentAdded, Safe, "A.f.@deprecated.reason"),
            ],
            &["FIELD_DEPRECATION_ADDED A.f.@deprecated"],
        );
        check(
            &[
                (FieldRemoved, Breaking, "A.f"),
                (FieldArgumentRemoved, Breaking, "A.f.x"),
            ],
            &["FIELD_REMOVED A.f", "FIELD_ARGUMENT_REMOVED A.f.x"],
        );
        check(
            &[(FieldAdded, Safe, "A.f"), (TypeAdded, Safe, "A")],
            &["FIELD_ADDED A.f", "TYPE_ADDED A"],
        );
    }

    #[test]
    fn never_hides_a_more_critical_change() {
        use ChangeType::*;
        use Criticality::*;
        check(
            &[
                (ObjectTypeInterfaceAdded, Dangerous, "A"),
                (FieldRemoved, Breaking, "A.f"),
                (FieldAdded, Safe, "A.g"),
            ],
            &["OBJECT_TYPE_INTERFACE_ADDED A (1 more change at `A` folded in; verbose changes lists them)", "FIELD_REMOVED A.f"],
        );
        check(
            &[
                (FieldDescriptionAdded, Safe, "A.f"),
                (FieldTypeChanged, Breaking, "A.f"),
                (FieldArgumentAdded, Dangerous, "A.f.x"),
            ],
            &[
                "FIELD_DESCRIPTION_ADDED A.f",
                "FIELD_TYPE_CHANGED A.f",
                "FIELD_ARGUMENT_ADDED A.f.x",
            ],
        );
        check(
            &[
                (UnionMemberAdded, Dangerous, "U"),
                (UnionMemberAdded, Dangerous, "U"),
                (TypeDescriptionChanged, Safe, "U"),
            ],
            &["UNION_MEMBER_ADDED U (2 more changes at `U` folded in; verbose changes lists them)"],
        );
        check(
            &[
                (FieldDescriptionAdded, Safe, "A.f"),
                (FieldArgumentAdded, Dangerous, "A.f.x"),
                (FieldArgumentDescriptionChanged, Safe, "A.f.x"),
            ],
            &["FIELD_DESCRIPTION_ADDED A.f", "FIELD_ARGUMENT_ADDED A.f.x"],
        );
    }

    #[test]
    fn parents() {
        assert_eq!(parent_path("A.f.x"), "A.f");
        assert_eq!(parent_path("A"), "A");
        assert_eq!(parent_path("schema.@link.url"), "schema.@link");
    }
}
