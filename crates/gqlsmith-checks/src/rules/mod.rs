//! The rules, one file each under a folder per family, and the walk over every member of a
//! schema (field, argument, input field, enum value) that several rules share.

pub(crate) mod deprecation;
pub(crate) mod descriptions;
pub(crate) mod errors;
pub(crate) mod naming;
pub(crate) mod operations;
pub(crate) mod references;
pub(crate) mod relay;

use gqlsmith_model::{
    Deprecation, EnumValue, Field, InputValue, Location, NameOrigin, Schema, TypeDef,
};

use crate::config::DescribedKind;
use crate::context::is_introspection_name;

/// A definition inside a type, with what the rules ask of it.
#[derive(Clone, Copy)]
pub(crate) enum Member<'s> {
    Field(&'s TypeDef, &'s Field),
    Argument(&'s TypeDef, &'s Field, &'s InputValue),
    InputField(&'s TypeDef, &'s InputValue),
    EnumValue(&'s TypeDef, &'s EnumValue),
}

impl<'s> Member<'s> {
    /// `Type.field`, `Type.field.argument`, `Input.field` or `Enum.VALUE`.
    pub(crate) fn coordinate(&self) -> String {
        match self {
            Member::Field(ty, field) => format!("{}.{}", ty.name, field.name),
            Member::Argument(ty, field, argument) => {
                format!("{}.{}.{}", ty.name, field.name, argument.name)
            }
            Member::InputField(ty, input) => format!("{}.{}", ty.name, input.name),
            Member::EnumValue(ty, value) => format!("{}.{}", ty.name, value.name),
        }
    }

    pub(crate) fn name(&self) -> &'s str {
        match self {
            Member::Field(_, field) => &field.name,
            Member::Argument(_, _, argument) | Member::InputField(_, argument) => &argument.name,
            Member::EnumValue(_, value) => &value.name,
        }
    }

    pub(crate) fn description(&self) -> Option<&'s str> {
        match self {
            Member::Field(_, field) => field.description.as_deref(),
            Member::Argument(_, _, argument) | Member::InputField(_, argument) => {
                argument.description.as_deref()
            }
            Member::EnumValue(_, value) => value.description.as_deref(),
        }
    }

    pub(crate) fn deprecation(&self) -> Option<&'s Deprecation> {
        match self {
            Member::Field(_, field) => field.deprecation.as_ref(),
            Member::Argument(_, _, argument) | Member::InputField(_, argument) => {
                argument.deprecation.as_ref()
            }
            Member::EnumValue(_, value) => value.deprecation.as_ref(),
        }
    }

    pub(crate) fn location(&self) -> Option<&'s Location> {
        match self {
            Member::Field(_, field) => field.provenance.location.as_ref(),
            Member::Argument(_, _, argument) | Member::InputField(_, argument) => {
                argument.provenance.location.as_ref()
            }
            Member::EnumValue(_, value) => value.provenance.location.as_ref(),
        }
    }

    pub(crate) fn described_kind(&self) -> DescribedKind {
        match self {
            Member::Field(..) => DescribedKind::Field,
            Member::Argument(..) => DescribedKind::Argument,
            Member::InputField(..) => DescribedKind::InputField,
            Member::EnumValue(..) => DescribedKind::EnumValue,
        }
    }

    /// "field", "argument", "input field", "enum value": for messages.
    pub(crate) fn noun(&self) -> &'static str {
        match self {
            Member::Field(..) => "field",
            Member::Argument(..) => "argument",
            Member::InputField(..) => "input field",
            Member::EnumValue(..) => "enum value",
        }
    }
}

/// Every type the input itself defines, in definition order: not introspection types, and not
/// names that are only referenced (which recovery may have classified, with no definition).
pub(crate) fn defined_types(schema: &Schema) -> impl Iterator<Item = &TypeDef> {
    schema
        .types
        .values()
        .filter(|ty| !is_introspection_name(&ty.name) && !ty.provenance.is_inferred())
}

/// True when the type's name is a stand-in for one the input lost: rules that report on the
/// name itself skip it, because the coordinate is not stable and the user cannot fix it.
pub(crate) fn has_placeholder_name(ty: &TypeDef) -> bool {
    ty.name_origin == NameOrigin::Placeholder
}

/// Every member of every defined type, in definition order (a field, then its arguments).
pub(crate) fn members(schema: &Schema) -> impl Iterator<Item = Member<'_>> {
    defined_types(schema).flat_map(|ty| {
        let fields = ty.fields.iter().flat_map(move |field| {
            std::iter::once(Member::Field(ty, field)).chain(
                field
                    .arguments
                    .iter()
                    .map(move |argument| Member::Argument(ty, field, argument)),
            )
        });
        let inputs = ty
            .input_fields
            .iter()
            .map(move |input| Member::InputField(ty, input));
        let values = ty
            .enum_values
            .iter()
            .map(move |value| Member::EnumValue(ty, value));
        fields.chain(inputs).chain(values)
    })
}
