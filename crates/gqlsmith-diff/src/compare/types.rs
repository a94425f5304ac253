//! Named types: added, removed, kind changes, descriptions and error codes; each kind's
//! contents are compared by its own module.

use gqlsmith_model::{Schema, TypeDef, TypeKind};

use super::directive_usages::{type_usages, Site};
use super::{
    description, is_compared_type, kind_change_criticality, kind_change_reason, kind_name,
    location, pair_by_name, Differ,
};
use crate::{Change, ChangeType, Criticality};

impl Differ {
    pub(super) fn types(&mut self, old: &Schema, new: &Schema) {
        let old_types: Vec<&TypeDef> = old
            .types
            .values()
            .filter(|ty| is_compared_type(&ty.name))
            .collect();
        let new_types: Vec<&TypeDef> = new
            .types
            .values()
            .filter(|ty| is_compared_type(&ty.name))
            .collect();
        let (removed, added, common) = pair_by_name(&old_types, &new_types, |ty| ty.name.as_str());
        for ty in removed {
            self.push(
                Change::new(
                    ChangeType::TypeRemoved,
                    Criticality::Breaking,
                    &ty.name,
                    format!("{} `{}` was removed", kind_name(ty.kind), ty.name),
                    "operations and fragments that name the type, or select a field of it, stop validating",
                )
                .old(Some(ty.name.clone()), location(&ty.provenance)),
            );
            if self.verbose {
                self.removed_type_contents(ty);
            }
        }
        for ty in added {
            self.push(
                Change::new(
                    ChangeType::TypeAdded,
                    Criticality::Safe,
                    &ty.name,
                    format!("{} `{}` was added", kind_name(ty.kind), ty.name),
                    "a new type is used by no existing operation",
                )
                .new_side(Some(ty.name.clone()), location(&ty.provenance)),
            );
            self.type_def(None, ty);
        }
        for (old_type, new_type) in common {
            self.type_def(Some(old_type), new_type);
        }
    }

    fn type_def(&mut self, old: Option<&TypeDef>, new: &TypeDef) {
        match old {
            Some(old) if old.kind != new.kind => self.push(
                Change::new(
                    ChangeType::TypeKindChanged,
                    kind_change_criticality(old, new),
                    &new.name,
                    format!(
                        "`{}` changed from {} to {}",
                        new.name,
                        kind_name(old.kind),
                        kind_name(new.kind)
                    ),
                    kind_change_reason(old, new),
                )
                .old(
                    Some(old.kind.as_str().to_owned()),
                    location(&old.kind_provenance),
                )
                .new_side(
                    Some(new.kind.as_str().to_owned()),
                    location(&new.kind_provenance),
                ),
            ),
            _ => match new.kind {
                TypeKind::Object | TypeKind::Interface => self.fields_type(old, new),
                TypeKind::InputObject => self.input_object(old, new),
                TypeKind::Enum => self.enum_type(old, new),
                TypeKind::Union => self.union(old, new),
                TypeKind::Scalar => self.type_usages(old, new),
            },
        }
        // Before the description: a description added to the type must not fold them.
        self.error_codes(old, new);
        self.description_change(
            &new.name,
            &format!("{} `{}`", kind_name(new.kind), new.name),
            [
                ChangeType::TypeDescriptionAdded,
                ChangeType::TypeDescriptionRemoved,
                ChangeType::TypeDescriptionChanged,
            ],
            (
                old.and_then(|old| description(&old.description)),
                old.and_then(|old| location(&old.provenance)),
            ),
            (description(&new.description), location(&new.provenance)),
        );
    }

    pub(super) fn type_usages(&mut self, old: Option<&TypeDef>, new: &TypeDef) {
        let old_usages = old.map(type_usages);
        self.usages(
            Site::Type(new.kind),
            &new.name,
            old_usages.as_deref(),
            &type_usages(new),
            old.is_none(),
        );
    }

    /// Error codes a docs page lists for a type. Docs-only facts, so no GraphQL rule covers
    /// them: an added code is dangerous (clients that handle each documented code meet one
    /// they do not know, as with an added enum value), a removed code is safe (no operation
    /// stops working; handling for it becomes dead code), a changed message is safe (clients
    /// should match codes, not messages).
    fn error_codes(&mut self, old: Option<&TypeDef>, new: &TypeDef) {
        let old_codes = old.map(|old| old.error_codes.as_slice()).unwrap_or(&[]);
        let (removed, added, common) =
            pair_by_name(old_codes, &new.error_codes, |code| code.code.as_str());
        for code in removed {
            self.push(
                Change::new(
                    ChangeType::ErrorCodeRemoved,
                    Criticality::Safe,
                    format!("{}.{}", new.name, code.code),
                    format!("error code `{}` is no longer listed on `{}`", code.code, new.name),
                    "no operation stops working when an error can no longer be raised; handling for it becomes dead code",
                )
                .old(Some(code.message.clone()), location(&code.provenance)),
            );
        }
        for code in added {
            let (criticality, reason) = if old.is_none() {
                (
                    Criticality::Safe,
                    "the type is new, so no client handles its errors yet",
                )
            } else {
                (
                    Criticality::Dangerous,
                    "clients that handle each documented error code meet one they do not know",
                )
            };
            self.push(
                Change::new(
                    ChangeType::ErrorCodeAdded,
                    criticality,
                    format!("{}.{}", new.name, code.code),
                    format!("error code `{}` is now listed on `{}`", code.code, new.name),
                    reason,
                )
                .new_side(Some(code.message.clone()), location(&code.provenance)),
            );
        }
        for (old_code, new_code) in common {
            if old_code.message.trim() != new_code.message.trim() {
                self.push(
                    Change::new(
                        ChangeType::ErrorCodeMessageChanged,
                        Criticality::Safe,
                        format!("{}.{}", new.name, new_code.code),
                        format!(
                            "message of error code `{}` on `{}` changed",
                            new_code.code, new.name
                        ),
                        "clients should match error codes, not their messages",
                    )
                    .old(
                        Some(old_code.message.clone()),
                        location(&old_code.provenance),
                    )
                    .new_side(
                        Some(new_code.message.clone()),
                        location(&new_code.provenance),
                    ),
                );
            }
        }
    }

    /// Lists what a removed type contained (for `verbose_changes`).
    fn removed_type_contents(&mut self, ty: &TypeDef) {
        for interface in &ty.interfaces {
            self.interface_removed(ty, interface);
        }
        for field in &ty.fields {
            self.field_removed(ty, field);
        }
        for input in &ty.input_fields {
            self.input_field_removed(ty, input);
        }
        for value in &ty.enum_values {
            self.enum_value_removed(ty, value);
        }
        for member in &ty.members {
            self.union_member_removed(ty, member);
        }
        for code in &ty.error_codes {
            self.push(
                Change::new(
                    ChangeType::ErrorCodeRemoved,
                    Criticality::Safe,
                    format!("{}.{}", ty.name, code.code),
                    format!(
                        "error code `{}` is no longer listed on `{}`",
                        code.code, ty.name
                    ),
                    "no operation stops working when an error can no longer be raised",
                )
                .old(Some(code.message.clone()), location(&code.provenance)),
            );
        }
    }
}
