//! Directive definitions: added, removed, and what changed in a common one (description,
//! repeatability, locations, arguments).

use gqlsmith_model::{DirectiveDef, InputValue, Schema};

use super::{
    description, location, pair_by_name, Differ, DESCRIPTION_REASON, SPECIFIED_DIRECTIVES,
};
use crate::{Change, ChangeType, Criticality};

impl Differ {
    pub(super) fn directives(&mut self, old: &Schema, new: &Schema) {
        fn compared(schema: &Schema) -> Vec<&DirectiveDef> {
            schema
                .directives
                .values()
                .filter(|directive| !SPECIFIED_DIRECTIVES.contains(&directive.name.as_str()))
                .collect()
        }
        let (old_list, new_list) = (compared(old), compared(new));
        let (removed, added, common) = pair_by_name(&old_list, &new_list, |d| d.name.as_str());
        for directive in removed {
            let path = format!("@{}", directive.name);
            self.push(
                Change::new(
                    ChangeType::DirectiveRemoved,
                    Criticality::Breaking,
                    &path,
                    format!("directive `{path}` was removed"),
                    "every place that still uses the directive stops validating",
                )
                .old(Some(path.clone()), location(&directive.provenance)),
            );
        }
        for directive in added {
            let path = format!("@{}", directive.name);
            self.push(
                Change::new(
                    ChangeType::DirectiveAdded,
                    Criticality::Safe,
                    &path,
                    format!("directive `{path}` was added"),
                    "a new directive is used nowhere yet",
                )
                .new_side(Some(path.clone()), location(&directive.provenance)),
            );
            self.directive(None, directive);
        }
        for (old_directive, new_directive) in common {
            self.directive(Some(old_directive), new_directive);
        }
    }

    fn directive(&mut self, old: Option<&DirectiveDef>, new: &DirectiveDef) {
        let path = format!("@{}", new.name);
        let new_location = location(&new.provenance);
        let old_location = old.and_then(|old| location(&old.provenance));
        let old_description = old.and_then(|old| description(&old.description));
        if old_description != description(&new.description) {
            self.push(
                Change::new(
                    ChangeType::DirectiveDescriptionChanged,
                    Criticality::Safe,
                    &path,
                    format!("description of directive `{path}` changed"),
                    DESCRIPTION_REASON,
                )
                .old(old_description.map(str::to_owned), old_location)
                .new_side(
                    description(&new.description).map(str::to_owned),
                    new_location,
                ),
            );
        }
        let was_repeatable = old.is_some_and(|old| old.repeatable);
        if was_repeatable && !new.repeatable {
            self.push(
                Change::new(
                    ChangeType::DirectiveRepeatableRemoved,
                    Criticality::Dangerous,
                    &path,
                    format!("directive `{path}` is no longer repeatable"),
                    "places that apply the directive more than once stop validating",
                )
                .old(Some("repeatable".into()), old_location)
                .new_side(None, new_location),
            );
        }
        if new.repeatable && !was_repeatable {
            self.push(
                Change::new(
                    ChangeType::DirectiveRepeatableAdded,
                    Criticality::Safe,
                    &path,
                    format!("directive `{path}` became repeatable"),
                    "every single use stays valid",
                )
                .new_side(Some("repeatable".into()), new_location),
            );
        }
        let old_locations: &[String] = old.map(|old| old.locations.as_slice()).unwrap_or(&[]);
        for added in new
            .locations
            .iter()
            .filter(|location| !old_locations.contains(location))
        {
            self.push(
                Change::new(
                    ChangeType::DirectiveLocationAdded,
                    Criticality::Safe,
                    &path,
                    format!("directive `{path}` can now be used on `{added}`"),
                    "the directive is accepted in more places; every existing use stays valid",
                )
                .new_side(Some(added.clone()), new_location),
            );
        }
        for removed in old_locations
            .iter()
            .filter(|location| !new.locations.contains(location))
        {
            self.push(
                Change::new(
                    ChangeType::DirectiveLocationRemoved,
                    Criticality::Breaking,
                    &path,
                    format!("directive `{path}` can no longer be used on `{removed}`"),
                    "uses of the directive at this location stop validating",
                )
                .old(Some(removed.clone()), old_location)
                .new_side(None, new_location),
            );
        }
        let old_arguments: &[InputValue] = old.map(|old| old.arguments.as_slice()).unwrap_or(&[]);
        let (removed, added, common) =
            pair_by_name(old_arguments, &new.arguments, |a| a.name.as_str());
        for argument in removed {
            let argument_path = format!("{path}.{}", argument.name);
            self.push(
                Change::new(
                    ChangeType::DirectiveArgumentRemoved,
                    Criticality::Breaking,
                    &argument_path,
                    format!(
                        "argument `{}` was removed from directive `{path}`",
                        argument.name
                    ),
                    "uses of the directive that pass this argument stop validating",
                )
                .old(
                    Some(argument.ty.to_string()),
                    location(&argument.provenance),
                ),
            );
        }
        for argument in added {
            let (criticality, reason) = if old.is_none() {
                (
                    Criticality::Safe,
                    "the directive is new, so nothing uses it yet",
                )
            } else if argument.is_required() {
                (
                    Criticality::Breaking,
                    "uses of the directive that omit a required argument stop validating",
                )
            } else {
                (
                    Criticality::Safe,
                    "an optional argument keeps every use of the directive valid",
                )
            };
            // graphql-inspector reports this change on the directive, not on the argument.
            self.push(
                Change::new(
                    ChangeType::DirectiveArgumentAdded,
                    criticality,
                    &path,
                    format!(
                        "argument `{}: {}` was added to directive `{path}`",
                        argument.name, argument.ty
                    ),
                    reason,
                )
                .new_side(Some(argument.name.clone()), location(&argument.provenance)),
            );
        }
        for (old_argument, new_argument) in common {
            let argument_path = format!("{path}.{}", new_argument.name);
            let subject = format!("argument `{}` of directive `{path}`", new_argument.name);
            self.input_value_common(
                &argument_path,
                &subject,
                old_argument,
                new_argument,
                [
                    ChangeType::DirectiveArgumentDescriptionChanged,
                    ChangeType::DirectiveArgumentDescriptionChanged,
                    ChangeType::DirectiveArgumentDescriptionChanged,
                ],
                ChangeType::DirectiveArgumentDefaultValueChanged,
                ChangeType::DirectiveArgumentTypeChanged,
            );
        }
    }
}
