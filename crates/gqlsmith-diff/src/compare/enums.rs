//! Enums: values added and removed, and each value's description and deprecation.

use gqlsmith_model::{EnumValue, TypeDef};

use super::directive_usages::{value_usages, Site};
use super::{
    deprecation_state, description, location, pair_by_name, DeprecationChangeTypes, Differ,
};
use crate::{Change, ChangeType, Criticality};

impl Differ {
    pub(super) fn enum_type(&mut self, old: Option<&TypeDef>, new: &TypeDef) {
        let old_values = old.map(|old| old.enum_values.as_slice()).unwrap_or(&[]);
        let (removed, added, common) =
            pair_by_name(old_values, &new.enum_values, |value| value.name.as_str());
        for value in removed {
            self.enum_value_removed(old.unwrap_or(new), value);
        }
        for value in added {
            let path = format!("{}.{}", new.name, value.name);
            let (criticality, reason) = if old.is_none() {
                (
                    Criticality::Safe,
                    "the enum is new, so no client handles it yet",
                )
            } else {
                (
                    Criticality::Dangerous,
                    "clients that switch over the enum's values may not handle the new one",
                )
            };
            self.push(
                Change::new(
                    ChangeType::EnumValueAdded,
                    criticality,
                    &path,
                    format!("enum value `{path}` was added"),
                    reason,
                )
                .new_side(Some(value.name.clone()), location(&value.provenance)),
            );
            self.enum_value(&new.name, None, value);
        }
        for (old_value, new_value) in common {
            self.enum_value(&new.name, Some(old_value), new_value);
        }
        self.type_usages(old, new);
    }

    pub(super) fn enum_value_removed(&mut self, ty: &TypeDef, value: &EnumValue) {
        let path = format!("{}.{}", ty.name, value.name);
        let deprecated = deprecation_state(value.deprecation.as_ref(), &value.directives).is_some();
        let message = if deprecated {
            format!("deprecated enum value `{path}` was removed")
        } else {
            format!("enum value `{path}` was removed")
        };
        self.push(
            Change::new(
                ChangeType::EnumValueRemoved,
                Criticality::Breaking,
                &path,
                message,
                "operations that pass the value stop validating, and clients may still expect to receive it",
            )
            .old(Some(value.name.clone()), location(&value.provenance)),
        );
    }

    fn enum_value(&mut self, enum_name: &str, old: Option<&EnumValue>, new: &EnumValue) {
        let path = format!("{enum_name}.{}", new.name);
        let old_location = old.and_then(|old| location(&old.provenance));
        let new_location = location(&new.provenance);
        self.description_change(
            &path,
            &format!("enum value `{path}`"),
            [ChangeType::EnumValueDescriptionChanged; 3],
            (
                old.and_then(|old| description(&old.description)),
                old_location,
            ),
            (description(&new.description), new_location),
        );
        let old_state =
            old.and_then(|old| deprecation_state(old.deprecation.as_ref(), &old.directives));
        let new_state = deprecation_state(new.deprecation.as_ref(), &new.directives);
        // graphql-inspector reports deprecating and undeprecating a value as its reason added
        // and removed; on `@deprecated`, like every other deprecation change, they fold the
        // added or removed usage.
        self.deprecation_change(
            &path,
            &format!("enum value `{path}`"),
            DeprecationChangeTypes {
                deprecated: ChangeType::EnumValueDeprecationReasonAdded,
                undeprecated: ChangeType::EnumValueDeprecationReasonRemoved,
                reason_added: ChangeType::EnumValueDeprecationReasonAdded,
                reason_removed: ChangeType::EnumValueDeprecationReasonRemoved,
                reason_changed: ChangeType::EnumValueDeprecationReasonChanged,
            },
            (&old_state, old_location),
            (&new_state, new_location),
        );
        let old_usages = old.map(value_usages);
        self.usages(
            Site::EnumValue,
            &path,
            old_usages.as_deref(),
            &value_usages(new),
            old.is_none(),
        );
    }
}
