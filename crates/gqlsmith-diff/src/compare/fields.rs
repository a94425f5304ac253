//! Objects and interfaces: implemented interfaces, fields, and each field's description,
//! deprecation, type and arguments (named, and the unnamed ones of docs pages).

use gqlsmith_model::{Field, InputValue, TypeDef};

use super::directive_usages::{field_usages, input_usages, Site};
use super::{
    deprecation_state, description, location, pair_by_name, DeprecationChangeTypes, Differ,
    DESCRIPTION_REASON,
};
use crate::type_change::safe_for_output;
use crate::{Change, ChangeType, Criticality};

impl Differ {
    pub(super) fn fields_type(&mut self, old: Option<&TypeDef>, new: &TypeDef) {
        let old_interfaces = old.map(|old| old.interfaces.as_slice()).unwrap_or(&[]);
        let (removed, added, _) =
            pair_by_name(old_interfaces, &new.interfaces, |name| name.as_str());
        for interface in removed {
            self.interface_removed(old.unwrap_or(new), interface);
        }
        for interface in added {
            let (criticality, reason) = if old.is_none() {
                (
                    Criticality::Safe,
                    "the type is new, so no client handles it yet",
                )
            } else {
                (
                    Criticality::Dangerous,
                    "clients that handle each implementation of the interface may not handle this type",
                )
            };
            self.push(
                Change::new(
                    ChangeType::ObjectTypeInterfaceAdded,
                    criticality,
                    &new.name,
                    format!("`{}` now implements interface `{interface}`", new.name),
                    reason,
                )
                .new_side(Some(interface.clone()), location(&new.provenance)),
            );
        }
        let old_fields = old.map(|old| old.fields.as_slice()).unwrap_or(&[]);
        let (removed, added, common) =
            pair_by_name(old_fields, &new.fields, |field| field.name.as_str());
        for field in removed {
            self.field_removed(old.unwrap_or(new), field);
        }
        for field in added {
            let path = format!("{}.{}", new.name, field.name);
            self.push(
                Change::new(
                    ChangeType::FieldAdded,
                    Criticality::Safe,
                    &path,
                    format!("field `{path}` was added"),
                    "a new field is selected by no existing operation",
                )
                .new_side(Some(field.ty.to_string()), location(&field.provenance)),
            );
            self.field(&new.name, None, field);
        }
        for (old_field, new_field) in common {
            self.field(&new.name, Some(old_field), new_field);
        }
        self.type_usages(old, new);
    }

    pub(super) fn interface_removed(&mut self, ty: &TypeDef, interface: &str) {
        self.push(
            Change::new(
                ChangeType::ObjectTypeInterfaceRemoved,
                Criticality::Breaking,
                &ty.name,
                format!("`{}` no longer implements interface `{interface}`", ty.name),
                "fragments on the interface spread within this type stop validating",
            )
            .old(Some(interface.to_owned()), location(&ty.provenance)),
        );
    }

    pub(super) fn field_removed(&mut self, ty: &TypeDef, field: &Field) {
        let path = format!("{}.{}", ty.name, field.name);
        let deprecated = deprecation_state(field.deprecation.as_ref(), &field.directives).is_some();
        let (message, reason) = if deprecated {
            (
                format!("deprecated field `{path}` was removed"),
                "operations that still select the deprecated field stop validating; check its usage before removing it",
            )
        } else {
            (
                format!("field `{path}` was removed"),
                "operations that select the field stop validating; deprecate it first and remove it once unused",
            )
        };
        self.push(
            Change::new(
                ChangeType::FieldRemoved,
                Criticality::Breaking,
                &path,
                message,
                reason,
            )
            .old(Some(field.ty.to_string()), location(&field.provenance)),
        );
        if self.verbose {
            for argument in &field.arguments {
                self.argument_removed(&path, argument);
            }
        }
    }

    fn argument_removed(&mut self, field_path: &str, argument: &InputValue) {
        let path = format!("{field_path}.{}", argument.name);
        self.push(
            Change::new(
                ChangeType::FieldArgumentRemoved,
                Criticality::Breaking,
                &path,
                format!(
                    "argument `{}` was removed from field `{field_path}`",
                    argument.name
                ),
                "operations that pass the argument stop validating",
            )
            .old(
                Some(argument.ty.to_string()),
                location(&argument.provenance),
            ),
        );
    }

    /// One field: its description, deprecation, type, arguments and directives, in that order.
    fn field(&mut self, type_name: &str, old: Option<&Field>, new: &Field) {
        let path = format!("{type_name}.{}", new.name);
        let old_location = old.and_then(|old| location(&old.provenance));
        let new_location = location(&new.provenance);
        self.description_change(
            &path,
            &format!("field `{path}`"),
            [
                ChangeType::FieldDescriptionAdded,
                ChangeType::FieldDescriptionRemoved,
                ChangeType::FieldDescriptionChanged,
            ],
            (
                old.and_then(|old| description(&old.description)),
                old_location,
            ),
            (description(&new.description), new_location),
        );
        let old_state =
            old.and_then(|old| deprecation_state(old.deprecation.as_ref(), &old.directives));
        let new_state = deprecation_state(new.deprecation.as_ref(), &new.directives);
        self.deprecation_change(
            &path,
            &format!("field `{path}`"),
            DeprecationChangeTypes {
                deprecated: ChangeType::FieldDeprecationAdded,
                undeprecated: ChangeType::FieldDeprecationRemoved,
                reason_added: ChangeType::FieldDeprecationReasonAdded,
                // graphql-inspector reports this one on the field; on `@deprecated`, like
                // every other deprecation change, it folds the usage's `reason` removal.
                reason_removed: ChangeType::FieldDeprecationReasonRemoved,
                reason_changed: ChangeType::FieldDeprecationReasonChanged,
            },
            (&old_state, old_location),
            (&new_state, new_location),
        );
        if let Some(old) = old {
            self.field_type(&path, old, new);
        }
        self.field_arguments(&path, old, new);
        let old_usages = old.map(field_usages);
        self.usages(
            Site::FieldDefinition,
            &path,
            old_usages.as_deref(),
            &field_usages(new),
            old.is_none(),
        );
    }

    fn field_type(&mut self, path: &str, old: &Field, new: &Field) {
        if old.ty == new.ty {
            return;
        }
        let (criticality, reason) = if safe_for_output(&old.ty, &new.ty) {
            (
                Criticality::Safe,
                "the new type only narrows the old one (non-null added), so every result still fits existing clients",
            )
        } else {
            (
                Criticality::Breaking,
                "existing selections, or the clients reading the result, may not fit the new type",
            )
        };
        self.push(
            Change::new(
                ChangeType::FieldTypeChanged,
                criticality,
                path,
                format!(
                    "field `{path}` changed type from `{}` to `{}`",
                    old.ty, new.ty
                ),
                reason,
            )
            .old(Some(old.ty.to_string()), location(&old.provenance))
            .new_side(Some(new.ty.to_string()), location(&new.provenance)),
        );
    }

    /// The field's arguments: unnamed ones (docs pages) first, then named ones removed, added
    /// and common.
    fn field_arguments(&mut self, path: &str, old: Option<&Field>, new: &Field) {
        let old_arguments = old.map(|old| old.arguments.as_slice()).unwrap_or(&[]);
        // A docs page gives arguments without names: named arguments on one side and only
        // unnamed ones on the other cannot be compared name by name.
        let only_unnamed =
            |field: &Field| field.arguments.is_empty() && !field.unnamed_arguments.is_empty();
        let one_sided = |a: &Field, b: &Field| only_unnamed(a) && !b.arguments.is_empty();
        let named_comparable = old.is_none_or(|old| !(one_sided(old, new) || one_sided(new, old)));
        let (removed, added, common) = if named_comparable {
            pair_by_name(old_arguments, &new.arguments, |a| a.name.as_str())
        } else {
            (Vec::new(), Vec::new(), Vec::new())
        };
        if let Some(old) = old {
            self.unnamed_arguments(path, old, new);
        }
        for argument in removed {
            self.argument_removed(path, argument);
        }
        for argument in added {
            self.argument_added(path, old.is_none(), argument);
        }
        for (old_argument, new_argument) in common {
            self.argument_common(path, old_argument, new_argument);
        }
    }

    fn argument_added(&mut self, field_path: &str, field_is_new: bool, argument: &InputValue) {
        let path = format!("{field_path}.{}", argument.name);
        let (criticality, reason) = if field_is_new {
            (
                Criticality::Safe,
                "the field is new, so no operation uses it yet",
            )
        } else if argument.is_required() {
            (
                Criticality::Breaking,
                "operations that select the field without the required argument stop validating",
            )
        } else {
            (
                Criticality::Dangerous,
                "operations stay valid, but the field may behave differently now that the argument exists",
            )
        };
        self.push(
            Change::new(
                ChangeType::FieldArgumentAdded,
                criticality,
                &path,
                format!(
                    "argument `{}: {}` was added to field `{field_path}`",
                    argument.name, argument.ty
                ),
                reason,
            )
            .new_side(
                Some(argument.ty.to_string()),
                location(&argument.provenance),
            ),
        );
    }

    fn argument_common(&mut self, field_path: &str, old: &InputValue, new: &InputValue) {
        let path = format!("{field_path}.{}", new.name);
        let subject = format!("argument `{path}`");
        self.input_value_common(
            &path,
            &subject,
            old,
            new,
            [
                ChangeType::FieldArgumentDescriptionChanged,
                ChangeType::FieldArgumentDescriptionChanged,
                ChangeType::FieldArgumentDescriptionChanged,
            ],
            ChangeType::FieldArgumentDefaultChanged,
            ChangeType::FieldArgumentTypeChanged,
        );
        let old_usages = input_usages(old);
        self.usages(
            Site::ArgumentDefinition,
            &path,
            Some(&old_usages),
            &input_usages(new),
            false,
        );
    }

    /// Arguments a docs page describes without names or types. They pair by description
    /// (in order); what is left pairs by position as a changed description, and the rest is
    /// added or removed. Their path is their 1-based position (`Type.field.#2`).
    fn unnamed_arguments(&mut self, path: &str, old: &Field, new: &Field) {
        let (old_list, new_list) = (&old.unnamed_arguments, &new.unnamed_arguments);
        if old_list.is_empty() && new_list.is_empty() {
            return;
        }
        let mut new_taken = vec![false; new_list.len()];
        let mut old_left = Vec::new();
        for (old_index, argument) in old_list.iter().enumerate() {
            let same = (0..new_list.len()).find(|index| {
                !new_taken[*index]
                    && new_list[*index].description.trim() == argument.description.trim()
            });
            match same {
                Some(index) => new_taken[index] = true,
                None => old_left.push(old_index),
            }
        }
        let mut new_left = (0..new_list.len()).filter(|index| !new_taken[*index]);
        for old_index in old_left {
            let argument = &old_list[old_index];
            match new_left.next() {
                Some(new_index) => {
                    let changed = &new_list[new_index];
                    let argument_path = format!("{path}.#{}", new_index + 1);
                    self.push(
                        Change::new(
                            ChangeType::FieldArgumentDescriptionChanged,
                            Criticality::Safe,
                            &argument_path,
                            format!(
                                "description of argument {} of field `{path}` changed",
                                new_index + 1
                            ),
                            DESCRIPTION_REASON,
                        )
                        .old(
                            Some(argument.description.clone()),
                            location(&argument.provenance),
                        )
                        .new_side(
                            Some(changed.description.clone()),
                            location(&changed.provenance),
                        ),
                    );
                }
                None => {
                    let argument_path = format!("{path}.#{}", old_index + 1);
                    self.push(
                        Change::new(
                            ChangeType::FieldArgumentRemoved,
                            Criticality::Breaking,
                            &argument_path,
                            format!(
                                "argument {} of field `{path}` is no longer listed",
                                old_index + 1
                            ),
                            "operations that pass the argument stop validating",
                        )
                        .old(
                            Some(argument.description.clone()),
                            location(&argument.provenance),
                        ),
                    );
                }
            }
        }
        for new_index in new_left {
            let argument = &new_list[new_index];
            let argument_path = format!("{path}.#{}", new_index + 1);
            self.push(
                Change::new(
                    ChangeType::FieldArgumentAdded,
                    Criticality::Dangerous,
                    &argument_path,
                    format!("field `{path}` lists a new argument ({})", new_index + 1),
                    "the page names neither the argument nor its type: if it is required, operations that omit it stop validating",
                )
                .new_side(Some(argument.description.clone()), location(&argument.provenance)),
            );
        }
    }
}
