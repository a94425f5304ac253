//! One detected change: its stable type name, its criticality for clients, where it is, and
//! what it was and became.

use std::fmt;

use gqlsmith_model::Location;
use serde::{Deserialize, Serialize};

/// How much a change matters to existing clients. Ordered: `Safe < Dangerous < Breaking`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Criticality {
    /// No existing operation can notice it.
    Safe,
    /// Existing operations keep validating, but may see new values or behave differently.
    Dangerous,
    /// Existing operations can stop validating or executing.
    Breaking,
}

impl Criticality {
    /// The lowercase name, as JSON and the config spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Criticality::Safe => "safe",
            Criticality::Dangerous => "dangerous",
            Criticality::Breaking => "breaking",
        }
    }
}

impl fmt::Display for Criticality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One change between the old and the new schema.
///
/// Serialized (JSON) with exactly these fields, in this order; see the crate README for the
/// contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Stable SCREAMING_SNAKE name (`FIELD_REMOVED`), graphql-inspector's where it has one.
    pub change_type: ChangeType,
    pub criticality: Criticality,
    /// Why the change has this criticality, in one sentence.
    pub reason: String,
    /// The schema coordinate the change is about (`Type.field.argument`, `Type.field.@directive`,
    /// `@directive.argument`, `schema.query`).
    pub path: String,
    /// Short, lowercase, GraphQL names in backticks.
    pub message: String,
    /// What the changed thing was (a type reference, default value, description, member name).
    pub old_value: Option<String>,
    /// What it became.
    pub new_value: Option<String>,
    /// Where the old schema states it (set for removals and changes, when the input has positions).
    pub old_location: Option<Location>,
    /// Where the new schema states it (set for additions and changes).
    pub new_location: Option<Location>,
    /// Set by [`crate::AllowList::apply`]: an intended change, reported but not failing the gate.
    pub approved: bool,
    /// Set by [`crate::mark_affected`] when client operations are given (`--documents`): the
    /// operations the change touches. Absent from JSON without documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affected_operations: Option<Vec<crate::AffectedOperation>>,
}

impl Change {
    pub(crate) fn new(
        change_type: ChangeType,
        criticality: Criticality,
        path: impl Into<String>,
        message: impl Into<String>,
        reason: impl Into<String>,
    ) -> Change {
        Change {
            change_type,
            criticality,
            reason: reason.into(),
            path: path.into(),
            message: message.into(),
            old_value: None,
            new_value: None,
            old_location: None,
            new_location: None,
            approved: false,
            affected_operations: None,
        }
    }

    pub(crate) fn old(mut self, value: Option<String>, location: Option<&Location>) -> Change {
        self.old_value = value;
        self.old_location = location.cloned();
        self
    }

    pub(crate) fn new_side(mut self, value: Option<String>, location: Option<&Location>) -> Change {
        self.new_value = value;
        self.new_location = location.cloned();
        self
    }

    /// The location to point a reader at: the new input's, or the old one's for removals.
    pub fn location(&self) -> Option<&Location> {
        self.new_location.as_ref().or(self.old_location.as_ref())
    }
}

macro_rules! change_types {
    ($($variant:ident => $name:literal,)*) => {
        /// The kind of a change. Serialized as its stable SCREAMING_SNAKE name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum ChangeType {
            $(#[serde(rename = $name)] $variant,)*
        }

        impl ChangeType {
            /// Every change type, in a fixed order.
            pub const ALL: &'static [ChangeType] = &[$(ChangeType::$variant,)*];

            /// The stable name (`FIELD_REMOVED`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ChangeType::$variant => $name,)*
                }
            }

            /// The change type with this stable name.
            pub fn from_name(name: &str) -> Option<ChangeType> {
                match name {
                    $($name => Some(ChangeType::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

change_types! {
    TypeAdded => "TYPE_ADDED",
    TypeRemoved => "TYPE_REMOVED",
    TypeKindChanged => "TYPE_KIND_CHANGED",
    TypeDescriptionAdded => "TYPE_DESCRIPTION_ADDED",
    TypeDescriptionRemoved => "TYPE_DESCRIPTION_REMOVED",
    TypeDescriptionChanged => "TYPE_DESCRIPTION_CHANGED",
    SchemaQueryTypeChanged => "SCHEMA_QUERY_TYPE_CHANGED",
    SchemaMutationTypeChanged => "SCHEMA_MUTATION_TYPE_CHANGED",
    SchemaSubscriptionTypeChanged => "SCHEMA_SUBSCRIPTION_TYPE_CHANGED",
    FieldAdded => "FIELD_ADDED",
    FieldRemoved => "FIELD_REMOVED",
    FieldTypeChanged => "FIELD_TYPE_CHANGED",
    FieldDescriptionAdded => "FIELD_DESCRIPTION_ADDED",
    FieldDescriptionRemoved => "FIELD_DESCRIPTION_REMOVED",
    FieldDescriptionChanged => "FIELD_DESCRIPTION_CHANGED",
    FieldDeprecationAdded => "FIELD_DEPRECATION_ADDED",
    FieldDeprecationRemoved => "FIELD_DEPRECATION_REMOVED",
    FieldDeprecationReasonAdded => "FIELD_DEPRECATION_REASON_ADDED",
    FieldDeprecationReasonRemoved => "FIELD_DEPRECATION_REASON_REMOVED",
    FieldDeprecationReasonChanged => "FIELD_DEPRECATION_REASON_CHANGED",
    FieldArgumentAdded => "FIELD_ARGUMENT_ADDED",
    FieldArgumentRemoved => "FIELD_ARGUMENT_REMOVED",
    FieldArgumentTypeChanged => "FIELD_ARGUMENT_TYPE_CHANGED",
    FieldArgumentDefaultChanged => "FIELD_ARGUMENT_DEFAULT_CHANGED",
    FieldArgumentDescriptionChanged => "FIELD_ARGUMENT_DESCRIPTION_CHANGED",
    InputFieldAdded => "INPUT_FIELD_ADDED",
    InputFieldRemoved => "INPUT_FIELD_REMOVED",
    InputFieldTypeChanged => "INPUT_FIELD_TYPE_CHANGED",
    InputFieldDefaultValueChanged => "INPUT_FIELD_DEFAULT_VALUE_CHANGED",
    InputFieldDescriptionAdded => "INPUT_FIELD_DESCRIPTION_ADDED",
    InputFieldDescriptionRemoved => "INPUT_FIELD_DESCRIPTION_REMOVED",
    InputFieldDescriptionChanged => "INPUT_FIELD_DESCRIPTION_CHANGED",
    EnumValueAdded => "ENUM_VALUE_ADDED",
    EnumValueRemoved => "ENUM_VALUE_REMOVED",
    EnumValueDescriptionChanged => "ENUM_VALUE_DESCRIPTION_CHANGED",
    EnumValueDeprecationReasonAdded => "ENUM_VALUE_DEPRECATION_REASON_ADDED",
    EnumValueDeprecationReasonRemoved => "ENUM_VALUE_DEPRECATION_REASON_REMOVED",
    EnumValueDeprecationReasonChanged => "ENUM_VALUE_DEPRECATION_REASON_CHANGED",
    UnionMemberAdded => "UNION_MEMBER_ADDED",
    UnionMemberRemoved => "UNION_MEMBER_REMOVED",
    ObjectTypeInterfaceAdded => "OBJECT_TYPE_INTERFACE_ADDED",
    ObjectTypeInterfaceRemoved => "OBJECT_TYPE_INTERFACE_REMOVED",
    DirectiveAdded => "DIRECTIVE_ADDED",
    DirectiveRemoved => "DIRECTIVE_REMOVED",
    DirectiveDescriptionChanged => "DIRECTIVE_DESCRIPTION_CHANGED",
    DirectiveLocationAdded => "DIRECTIVE_LOCATION_ADDED",
    DirectiveLocationRemoved => "DIRECTIVE_LOCATION_REMOVED",
    DirectiveRepeatableAdded => "DIRECTIVE_REPEATABLE_ADDED",
    DirectiveRepeatableRemoved => "DIRECTIVE_REPEATABLE_REMOVED",
    DirectiveArgumentAdded => "DIRECTIVE_ARGUMENT_ADDED",
    DirectiveArgumentRemoved => "DIRECTIVE_ARGUMENT_REMOVED",
    DirectiveArgumentTypeChanged => "DIRECTIVE_ARGUMENT_TYPE_CHANGED",
    DirectiveArgumentDefaultValueChanged => "DIRECTIVE_ARGUMENT_DEFAULT_VALUE_CHANGED",
    DirectiveArgumentDescriptionChanged => "DIRECTIVE_ARGUMENT_DESCRIPTION_CHANGED",
    DirectiveUsageSchemaAdded => "DIRECTIVE_USAGE_SCHEMA_ADDED",
    DirectiveUsageSchemaRemoved => "DIRECTIVE_USAGE_SCHEMA_REMOVED",
    DirectiveUsageObjectAdded => "DIRECTIVE_USAGE_OBJECT_ADDED",
    DirectiveUsageObjectRemoved => "DIRECTIVE_USAGE_OBJECT_REMOVED",
    DirectiveUsageInterfaceAdded => "DIRECTIVE_USAGE_INTERFACE_ADDED",
    DirectiveUsageInterfaceRemoved => "DIRECTIVE_USAGE_INTERFACE_REMOVED",
    DirectiveUsageInputObjectAdded => "DIRECTIVE_USAGE_INPUT_OBJECT_ADDED",
    DirectiveUsageInputObjectRemoved => "DIRECTIVE_USAGE_INPUT_OBJECT_REMOVED",
    DirectiveUsageEnumAdded => "DIRECTIVE_USAGE_ENUM_ADDED",
    DirectiveUsageEnumRemoved => "DIRECTIVE_USAGE_ENUM_REMOVED",
    DirectiveUsageUnionMemberAdded => "DIRECTIVE_USAGE_UNION_MEMBER_ADDED",
    DirectiveUsageUnionMemberRemoved => "DIRECTIVE_USAGE_UNION_MEMBER_REMOVED",
    DirectiveUsageScalarAdded => "DIRECTIVE_USAGE_SCALAR_ADDED",
    DirectiveUsageScalarRemoved => "DIRECTIVE_USAGE_SCALAR_REMOVED",
    DirectiveUsageFieldDefinitionAdded => "DIRECTIVE_USAGE_FIELD_DEFINITION_ADDED",
    DirectiveUsageFieldDefinitionRemoved => "DIRECTIVE_USAGE_FIELD_DEFINITION_REMOVED",
    DirectiveUsageArgumentDefinitionAdded => "DIRECTIVE_USAGE_ARGUMENT_DEFINITION_ADDED",
    DirectiveUsageArgumentDefinitionRemoved => "DIRECTIVE_USAGE_ARGUMENT_DEFINITION_REMOVED",
    DirectiveUsageInputFieldDefinitionAdded => "DIRECTIVE_USAGE_INPUT_FIELD_DEFINITION_ADDED",
    DirectiveUsageInputFieldDefinitionRemoved => "DIRECTIVE_USAGE_INPUT_FIELD_DEFINITION_REMOVED",
    DirectiveUsageEnumValueAdded => "DIRECTIVE_USAGE_ENUM_VALUE_ADDED",
    DirectiveUsageEnumValueRemoved => "DIRECTIVE_USAGE_ENUM_VALUE_REMOVED",
    DirectiveUsageArgumentAdded => "DIRECTIVE_USAGE_ARGUMENT_ADDED",
    DirectiveUsageArgumentRemoved => "DIRECTIVE_USAGE_ARGUMENT_REMOVED",
    ErrorCodeAdded => "ERROR_CODE_ADDED",
    ErrorCodeRemoved => "ERROR_CODE_REMOVED",
    ErrorCodeMessageChanged => "ERROR_CODE_MESSAGE_CHANGED",
}

impl fmt::Display for ChangeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{ChangeType, Criticality};

    #[track_caller]
    fn check(name: &str, expect: Option<ChangeType>) {
        assert_eq!(ChangeType::from_name(name), expect);
        if let Some(change_type) = expect {
            assert_eq!(change_type.as_str(), name);
            assert_eq!(
                serde_json::to_string(&change_type).unwrap(),
                format!("\"{name}\"")
            );
        }
    }

    #[test]
    fn names_round_trip() {
        check("FIELD_REMOVED", Some(ChangeType::FieldRemoved));
        check(
            "DIRECTIVE_USAGE_ARGUMENT_DEFINITION_ADDED",
            Some(ChangeType::DirectiveUsageArgumentDefinitionAdded),
        );
        check("ERROR_CODE_REMOVED", Some(ChangeType::ErrorCodeRemoved));
        check("field_removed", None);
        check("", None);
        for change_type in ChangeType::ALL {
            check(change_type.as_str(), Some(*change_type));
        }
    }

    #[test]
    fn criticality_orders_and_serializes_lowercase() {
        assert!(
            Criticality::Safe < Criticality::Dangerous
                && Criticality::Dangerous < Criticality::Breaking
        );
        assert_eq!(
            serde_json::to_string(&Criticality::Breaking).unwrap(),
            "\"breaking\""
        );
    }
}
