//! Directives applied to schema elements (usages): how the diff sees them (`@deprecated`,
//! `@specifiedBy` and `@oneOf` rebuilt from the model's fields), where they sit, and how two
//! lists of them compare.

use std::borrow::Cow;

use gqlsmith_model::{
    Deprecation, DirectiveUse, EnumValue, Field, InputValue, Location, Schema, TypeDef, TypeKind,
};

use super::{
    deprecation_state, kind_name, location, pair_by_name, Differ, DEFAULT_DEPRECATION_REASON,
    DEPRECATION_REASON,
};
use crate::literal::{quote, same_value};
use crate::{Change, ChangeType, Criticality};

/// A directive applied to a schema element, as the diff compares it.
pub(super) struct Usage<'a> {
    name: Cow<'a, str>,
    arguments: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    location: Option<&'a Location>,
}

/// The directives on an element. `@deprecated`, `@specifiedBy` and `@oneOf` are rebuilt from
/// the model's own fields, so an SDL input (which lists them as directives) and an
/// introspection input (which only has the fields) give the same usages.
fn usages<'a>(
    directives: &'a [DirectiveUse],
    deprecation: Option<&'a Deprecation>,
    element_location: Option<&'a Location>,
    specified_by: Option<&'a str>,
    one_of: bool,
) -> Vec<Usage<'a>> {
    let rebuilt = ["deprecated", "specifiedBy", "oneOf"];
    let mut list: Vec<Usage<'a>> = directives
        .iter()
        .filter(|directive| !rebuilt.contains(&directive.name.as_str()))
        .map(|directive| Usage {
            name: Cow::Borrowed(directive.name.as_str()),
            arguments: directive
                .arguments
                .iter()
                .map(|(name, value)| (Cow::Borrowed(name.as_str()), Cow::Borrowed(value.as_str())))
                .collect(),
            location: location(&directive.provenance),
        })
        .collect();
    let find = |name: &str| directives.iter().find(|directive| directive.name == name);
    if let Some(reason) = deprecation_state(deprecation, directives) {
        let location = deprecation
            .and_then(|deprecation| location(&deprecation.provenance))
            .or_else(|| find("deprecated").and_then(|directive| location(&directive.provenance)))
            .or(element_location);
        // The default reason is what a bare `@deprecated` means: no argument, as written.
        let arguments = reason
            .filter(|reason| reason != DEFAULT_DEPRECATION_REASON)
            .map(|reason| (Cow::Borrowed("reason"), Cow::Owned(quote(&reason))))
            .into_iter()
            .collect();
        list.push(Usage {
            name: Cow::Borrowed("deprecated"),
            arguments,
            location,
        });
    }
    let specified_by = specified_by.map(|url| Cow::Owned(quote(url))).or_else(|| {
        find("specifiedBy")
            .and_then(|directive| directive.arguments.iter().find(|(name, _)| name == "url"))
            .map(|(_, value)| Cow::Borrowed(value.as_str()))
    });
    if let Some(url) = specified_by {
        let location = find("specifiedBy")
            .and_then(|directive| location(&directive.provenance))
            .or(element_location);
        list.push(Usage {
            name: Cow::Borrowed("specifiedBy"),
            arguments: vec![(Cow::Borrowed("url"), url)],
            location,
        });
    }
    if one_of || find("oneOf").is_some() {
        let location = find("oneOf")
            .and_then(|directive| location(&directive.provenance))
            .or(element_location);
        list.push(Usage {
            name: Cow::Borrowed("oneOf"),
            arguments: Vec::new(),
            location,
        });
    }
    list
}

pub(super) fn schema_usages(schema: &Schema) -> Vec<Usage<'_>> {
    usages(&schema.schema_directives, None, None, None, false)
}

pub(super) fn type_usages(ty: &TypeDef) -> Vec<Usage<'_>> {
    usages(
        &ty.directives,
        None,
        location(&ty.provenance),
        ty.specified_by.as_deref(),
        ty.one_of,
    )
}

pub(super) fn field_usages(field: &Field) -> Vec<Usage<'_>> {
    usages(
        &field.directives,
        field.deprecation.as_ref(),
        location(&field.provenance),
        None,
        false,
    )
}

pub(super) fn input_usages(input: &InputValue) -> Vec<Usage<'_>> {
    usages(
        &input.directives,
        input.deprecation.as_ref(),
        location(&input.provenance),
        None,
        false,
    )
}

pub(super) fn value_usages(value: &EnumValue) -> Vec<Usage<'_>> {
    usages(
        &value.directives,
        value.deprecation.as_ref(),
        location(&value.provenance),
        None,
        false,
    )
}

/// Where a directive is applied: decides the change types and the wording.
#[derive(Clone, Copy)]
pub(super) enum Site {
    Schema,
    Type(TypeKind),
    FieldDefinition,
    ArgumentDefinition,
    InputFieldDefinition,
    EnumValue,
}

impl Site {
    fn change_types(self) -> (ChangeType, ChangeType) {
        use ChangeType::*;
        match self {
            Site::Schema => (DirectiveUsageSchemaAdded, DirectiveUsageSchemaRemoved),
            Site::Type(TypeKind::Object) => {
                (DirectiveUsageObjectAdded, DirectiveUsageObjectRemoved)
            }
            Site::Type(TypeKind::Interface) => {
                (DirectiveUsageInterfaceAdded, DirectiveUsageInterfaceRemoved)
            }
            Site::Type(TypeKind::InputObject) => (
                DirectiveUsageInputObjectAdded,
                DirectiveUsageInputObjectRemoved,
            ),
            Site::Type(TypeKind::Enum) => (DirectiveUsageEnumAdded, DirectiveUsageEnumRemoved),
            // graphql-inspector's name for a directive on a union type.
            Site::Type(TypeKind::Union) => (
                DirectiveUsageUnionMemberAdded,
                DirectiveUsageUnionMemberRemoved,
            ),
            Site::Type(TypeKind::Scalar) => {
                (DirectiveUsageScalarAdded, DirectiveUsageScalarRemoved)
            }
            Site::FieldDefinition => (
                DirectiveUsageFieldDefinitionAdded,
                DirectiveUsageFieldDefinitionRemoved,
            ),
            Site::ArgumentDefinition => (
                DirectiveUsageArgumentDefinitionAdded,
                DirectiveUsageArgumentDefinitionRemoved,
            ),
            Site::InputFieldDefinition => (
                DirectiveUsageInputFieldDefinitionAdded,
                DirectiveUsageInputFieldDefinitionRemoved,
            ),
            Site::EnumValue => (DirectiveUsageEnumValueAdded, DirectiveUsageEnumValueRemoved),
        }
    }

    fn owner(self, path: &str) -> String {
        match self {
            Site::Schema => "the schema".to_owned(),
            Site::Type(kind) => format!("{} `{path}`", kind_name(kind)),
            Site::FieldDefinition => format!("field `{path}`"),
            Site::ArgumentDefinition => format!("argument `{path}`"),
            Site::InputFieldDefinition => format!("input field `{path}`"),
            Site::EnumValue => format!("enum value `{path}`"),
        }
    }
}

impl Differ {
    /// Compares the directives applied to one element. Repeated directives pair up in order
    /// (the first `@foo` with the first `@foo`), the rest are added or removed.
    pub(super) fn usages(
        &mut self,
        site: Site,
        path: &str,
        old: Option<&[Usage<'_>]>,
        new: &[Usage<'_>],
        added_to_new: bool,
    ) {
        let old = old.unwrap_or(&[]);
        if old.is_empty() && new.is_empty() {
            return;
        }
        let (added_type, removed_type) = site.change_types();
        let owner = site.owner(path);
        let mut new_taken = vec![false; new.len()];
        let mut removed = Vec::new();
        let mut common = Vec::new();
        for old_usage in old {
            let partner = new.iter().enumerate().position(|(index, new_usage)| {
                !new_taken[index] && new_usage.name == old_usage.name
            });
            match partner {
                Some(index) => {
                    new_taken[index] = true;
                    common.push((old_usage, &new[index]));
                }
                None => removed.push(old_usage),
            }
        }
        for usage in removed {
            let usage_path = format!("{path}.@{}", usage.name);
            let (criticality, reason) = match usage.name.as_ref() {
                "deprecated" => (Criticality::Safe, DEPRECATION_REASON),
                "oneOf" => (
                    Criticality::Safe,
                    "every input that set exactly one field is still accepted",
                ),
                _ => (
                    Criticality::Dangerous,
                    "removing a directive can change how the server or tools treat the element",
                ),
            };
            self.push(
                Change::new(
                    removed_type,
                    criticality,
                    usage_path,
                    format!("directive `@{}` was removed from {owner}", usage.name),
                    reason,
                )
                .old(Some(format!("@{}", usage.name)), usage.location),
            );
        }
        for (index, usage) in new.iter().enumerate() {
            if new_taken[index] {
                continue;
            }
            let usage_path = format!("{path}.@{}", usage.name);
            let (criticality, reason) = if added_to_new {
                (
                    Criticality::Safe,
                    "the element is new, so no operation uses it yet",
                )
            } else {
                match usage.name.as_ref() {
                    "deprecated" => (Criticality::Safe, DEPRECATION_REASON),
                    "oneOf" => (
                        Criticality::Breaking,
                        "inputs that set no field or more than one field stop validating",
                    ),
                    _ => (
                        Criticality::Dangerous,
                        "a directive on a schema element can change how the server or tools treat it",
                    ),
                }
            };
            self.push(
                Change::new(
                    added_type,
                    criticality,
                    &usage_path,
                    format!("directive `@{}` was added to {owner}", usage.name),
                    reason,
                )
                .new_side(Some(format!("@{}", usage.name)), usage.location),
            );
            self.usage_arguments(&usage_path, &owner, None, usage);
        }
        for (old_usage, new_usage) in common {
            let usage_path = format!("{path}.@{}", new_usage.name);
            self.usage_arguments(&usage_path, &owner, Some(old_usage), new_usage);
        }
    }

    /// Arguments of one directive usage. A changed value is reported as removed then added,
    /// as graphql-inspector does.
    fn usage_arguments(
        &mut self,
        usage_path: &str,
        owner: &str,
        old: Option<&Usage<'_>>,
        new: &Usage<'_>,
    ) {
        let old_arguments = old.map(|old| old.arguments.as_slice()).unwrap_or(&[]);
        let (removed, added, common) =
            pair_by_name(old_arguments, &new.arguments, |(name, _)| name.as_ref());
        let directive = &new.name;
        // A deprecation reason is documentation; changing it cannot change behaviour.
        let removal_criticality = if directive == "deprecated" {
            Criticality::Safe
        } else {
            Criticality::Dangerous
        };
        let removal_reason = if directive == "deprecated" {
            DEPRECATION_REASON
        } else {
            "changing the arguments of a directive can change how the server or tools treat the element"
        };
        let removed_change = |name: &str, value: &str, location: Option<&Location>| {
            Change::new(
                ChangeType::DirectiveUsageArgumentRemoved,
                removal_criticality,
                format!("{usage_path}.{name}"),
                format!("argument `{name}` of `@{directive}` on {owner} was removed"),
                removal_reason,
            )
            .old(Some(value.to_owned()), location)
        };
        let added_change =
            |name: &str, value: &str, old_value: Option<&str>, location: Option<&Location>| {
                Change::new(
                ChangeType::DirectiveUsageArgumentAdded,
                Criticality::Safe,
                format!("{usage_path}.{name}"),
                format!("argument `{name}` of `@{directive}` on {owner} is now `{value}`"),
                "a directive argument set in the schema does not change what operations may send",
            )
            .old(old_value.map(str::to_owned), location)
            .new_side(Some(value.to_owned()), location)
            };
        let old_location = old.and_then(|old| old.location);
        for (name, value) in removed {
            self.push(removed_change(name, value, old_location));
        }
        for (name, value) in added {
            self.push(added_change(name, value, None, new.location));
        }
        for ((name, old_value), (_, new_value)) in common {
            if same_value(old_value, new_value) {
                continue;
            }
            self.push(removed_change(name, old_value, old_location));
            self.push(added_change(name, new_value, Some(old_value), new.location));
        }
    }
}
