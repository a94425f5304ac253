//! Input objects and their fields, and what every input value (argument or input field) on
//! both sides compares: description, default value and type.

use gqlsmith_model::{InputValue, TypeDef};

use super::directive_usages::{input_usages, Site};
use super::{deprecation_state, description, location, pair_by_name, Differ, DESCRIPTION_REASON};
use crate::literal::same_value;
use crate::type_change::safe_for_input;
use crate::{Change, ChangeType, Criticality};

impl Differ {
    pub(super) fn input_object(&mut self, old: Option<&TypeDef>, new: &TypeDef) {
        let old_fields = old.map(|old| old.input_fields.as_slice()).unwrap_or(&[]);
        let (removed, added, common) =
            pair_by_name(old_fields, &new.input_fields, |field| field.name.as_str());
        for field in removed {
            self.input_field_removed(old.unwrap_or(new), field);
        }
        for field in added {
            let path = format!("{}.{}", new.name, field.name);
            let (criticality, reason) = if old.is_none() {
                (
                    Criticality::Safe,
                    "the input object is new, so no operation uses it yet",
                )
            } else if field.default_value.is_none() && !field.ty.is_non_null() {
                (
                    Criticality::Safe,
                    "an optional input field without a default changes nothing for existing inputs",
                )
            } else if field.default_value.is_none() {
                (
                    Criticality::Breaking,
                    "existing inputs that omit the required field stop validating",
                )
            } else {
                (
                    Criticality::Dangerous,
                    "existing inputs that omit the field now get its default and may behave differently",
                )
            };
            self.push(
                Change::new(
                    ChangeType::InputFieldAdded,
                    criticality,
                    &path,
                    format!("input field `{path}: {}` was added", field.ty),
                    reason,
                )
                .new_side(Some(field.ty.to_string()), location(&field.provenance)),
            );
            self.input_field(&new.name, None, field);
        }
        for (old_field, new_field) in common {
            self.input_field(&new.name, Some(old_field), new_field);
        }
        self.type_usages(old, new);
    }

    pub(super) fn input_field_removed(&mut self, ty: &TypeDef, field: &InputValue) {
        let path = format!("{}.{}", ty.name, field.name);
        let deprecated = deprecation_state(field.deprecation.as_ref(), &field.directives).is_some();
        let message = if deprecated {
            format!("deprecated input field `{path}` was removed")
        } else {
            format!("input field `{path}` was removed")
        };
        self.push(
            Change::new(
                ChangeType::InputFieldRemoved,
                Criticality::Breaking,
                &path,
                message,
                "operations that set the input field stop validating",
            )
            .old(Some(field.ty.to_string()), location(&field.provenance)),
        );
    }

    fn input_field(&mut self, type_name: &str, old: Option<&InputValue>, new: &InputValue) {
        let path = format!("{type_name}.{}", new.name);
        match old {
            Some(old) => self.input_value_common(
                &path,
                &format!("input field `{path}`"),
                old,
                new,
                [
                    ChangeType::InputFieldDescriptionAdded,
                    ChangeType::InputFieldDescriptionRemoved,
                    ChangeType::InputFieldDescriptionChanged,
                ],
                ChangeType::InputFieldDefaultValueChanged,
                ChangeType::InputFieldTypeChanged,
            ),
            None => {
                if let Some(text) = description(&new.description) {
                    self.push(
                        Change::new(
                            ChangeType::InputFieldDescriptionAdded,
                            Criticality::Safe,
                            &path,
                            format!("description of input field `{path}` was added"),
                            DESCRIPTION_REASON,
                        )
                        .new_side(Some(text.to_owned()), location(&new.provenance)),
                    );
                }
            }
        }
        let old_usages = old.map(input_usages);
        self.usages(
            Site::InputFieldDefinition,
            &path,
            old_usages.as_deref(),
            &input_usages(new),
            old.is_none(),
        );
    }
}

impl Differ {
    /// Description, default value and type of an argument or input field present on both sides.
    /// `description_types` are the added, removed and changed change types.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn input_value_common(
        &mut self,
        path: &str,
        subject: &str,
        old: &InputValue,
        new: &InputValue,
        description_types: [ChangeType; 3],
        default_type: ChangeType,
        type_type: ChangeType,
    ) {
        let (old_location, new_location) = (location(&old.provenance), location(&new.provenance));
        self.description_change(
            path,
            subject,
            description_types,
            (description(&old.description), old_location),
            (description(&new.description), new_location),
        );
        let same_default = match (&old.default_value, &new.default_value) {
            (None, None) => true,
            (Some(old), Some(new)) => same_value(old, new),
            _ => false,
        };
        if !same_default {
            let message = match (&old.default_value, &new.default_value) {
                (None, Some(new)) => format!("{subject} now defaults to `{new}`"),
                (Some(old), None) => format!("{subject} no longer defaults to `{old}`"),
                (Some(old), Some(new)) => {
                    format!("default of {subject} changed from `{old}` to `{new}`")
                }
                (None, None) => String::new(),
            };
            self.push(
                Change::new(
                    default_type,
                    Criticality::Dangerous,
                    path,
                    message,
                    "operations that omit the value now get a different default and may behave differently",
                )
                .old(old.default_value.clone(), old_location)
                .new_side(new.default_value.clone(), new_location),
            );
        }
        if old.ty != new.ty {
            let (criticality, reason) = if safe_for_input(&old.ty, &new.ty) {
                (
                    Criticality::Safe,
                    "every value accepted before is still accepted (non-null dropped)",
                )
            } else {
                (
                    Criticality::Breaking,
                    "values and variables that operations pass may no longer be accepted",
                )
            };
            self.push(
                Change::new(
                    type_type,
                    criticality,
                    path,
                    format!("{subject} changed type from `{}` to `{}`", old.ty, new.ty),
                    reason,
                )
                .old(Some(old.ty.to_string()), old_location)
                .new_side(Some(new.ty.to_string()), new_location),
            );
        }
    }
}
