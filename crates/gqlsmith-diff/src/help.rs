//! The documentation of each change type: what it means for clients and what to do about it,
//! for reports that describe their rules (SARIF's `fullDescription`, a pull-request comment's
//! legend), and the GraphQL specification section about the element it changes.

use crate::ChangeType;

impl ChangeType {
    /// What this kind of change means for existing clients, when it is breaking, dangerous or
    /// safe, and what to do before shipping it. A few plain sentences.
    pub fn description(self) -> &'static str {
        use ChangeType::*;
        match self {
            TypeAdded => "A type was added. No existing operation can select it, so the change is safe.",
            TypeRemoved => "A type was removed. Operations that select fields of it, spread fragments on it or declare variables of it stop validating, so the change is breaking. Remove a type only after the fields that return it have been deprecated and no client selects them.",
            TypeKindChanged => "A type changed kind (for example from an object type to an interface). Selections, fragments and variables written for the old kind no longer validate, so the change is breaking; when either kind was only inferred from a docs page it is dangerous instead. Add a new type rather than changing the kind of one in use.",
            TypeDescriptionAdded | TypeDescriptionRemoved | TypeDescriptionChanged => "The description of a type changed. Descriptions are documentation only, so the change is safe.",
            SchemaQueryTypeChanged | SchemaMutationTypeChanged | SchemaSubscriptionTypeChanged => "A root operation type of the schema changed. Adding a root type is safe; removing or replacing one is breaking, because every operation of that kind is resolved from it.",
            FieldAdded => "A field was added to an object or interface type. No existing operation selects it, so the change is safe.",
            FieldRemoved => "A field was removed from an object or interface type. Operations that select it stop validating, so the change is breaking, deprecated field or not. Deprecate the field first, and remove it once no client selects it (`gqlsmith diff --documents` lists the operations that do).",
            FieldTypeChanged => "The type of an output field changed. A field may only become more specific (`String` to `String!`), which is safe; any other change can break the code that reads the response, so it is breaking. Add a field with the new type and deprecate the old one instead.",
            FieldDescriptionAdded | FieldDescriptionRemoved | FieldDescriptionChanged => "The description of a field changed. Descriptions are documentation only, so the change is safe.",
            FieldDeprecationAdded => "A field was deprecated. Operations keep working, so the change is safe; clients see a warning and should move to the replacement the deprecation reason names.",
            FieldDeprecationRemoved => "A field is no longer deprecated. Operations keep working, so the change is safe.",
            FieldDeprecationReasonAdded | FieldDeprecationReasonRemoved | FieldDeprecationReasonChanged => "The deprecation reason of a field changed. The reason is documentation only, so the change is safe.",
            FieldArgumentAdded => "An argument was added to a field. A required argument (non-null, no default) is breaking: operations that do not pass it stop validating. An optional one is dangerous: operations keep validating but the field may behave differently. Give a new argument a default, or make it nullable.",
            FieldArgumentRemoved => "An argument was removed from a field. Operations that pass it stop validating, so the change is breaking. Deprecate the argument first, and remove it once no client passes it.",
            FieldArgumentTypeChanged => "The type of a field argument changed. An argument may only accept more (`ID!` to `ID`), which is safe; any other change can reject values clients send, so it is breaking. Add an argument with the new type instead.",
            FieldArgumentDefaultChanged => "The default value of a field argument changed. Operations keep validating, but those that leave the argument out now get a different result, so the change is dangerous. Tell the clients that rely on the default.",
            FieldArgumentDescriptionChanged => "The description of a field argument changed. Descriptions are documentation only, so the change is safe.",
            InputFieldAdded => "A field was added to an input object type. A required input field (non-null, no default) is breaking: values that clients send without it are rejected. An optional one is safe, or dangerous when it has a default that changes behaviour. Give a new input field a default, or make it nullable.",
            InputFieldRemoved => "A field was removed from an input object type. Values that clients send with it are rejected, so the change is breaking. Deprecate the input field first, and remove it once no client sends it.",
            InputFieldTypeChanged => "The type of an input field changed. An input field may only accept more (`ID!` to `ID`), which is safe; any other change can reject values clients send, so it is breaking.",
            InputFieldDefaultValueChanged => "The default value of an input field changed. Values keep validating, but those that leave the field out now mean something else, so the change is dangerous.",
            InputFieldDescriptionAdded | InputFieldDescriptionRemoved | InputFieldDescriptionChanged => "The description of an input field changed. Descriptions are documentation only, so the change is safe.",
            EnumValueAdded => "A value was added to an enum type. Operations keep validating, but clients that handle every value they know meet one they do not, so the change is dangerous. Make sure clients have a fallback for unknown values.",
            EnumValueRemoved => "A value was removed from an enum type. Operations that pass it stop validating and clients that match on it have dead code, so the change is breaking. Deprecate the value first, and remove it once no client uses it.",
            EnumValueDescriptionChanged => "The description of an enum value changed. Descriptions are documentation only, so the change is safe.",
            EnumValueDeprecationReasonAdded | EnumValueDeprecationReasonRemoved | EnumValueDeprecationReasonChanged => "The deprecation of an enum value, or its reason, changed. Deprecations are documentation for clients, so the change is safe.",
            UnionMemberAdded => "A member type was added to a union. Operations keep validating, but clients that handle every member they know meet one they do not, so the change is dangerous. Make sure clients have a fallback for unknown `__typename`s.",
            UnionMemberRemoved => "A member type was removed from a union. Fragments on that member stop validating, so the change is breaking.",
            ObjectTypeInterfaceAdded => "An object type now implements another interface. Operations keep validating, but clients that handle every implementation of the interface meet a new one, so the change is dangerous.",
            ObjectTypeInterfaceRemoved => "An object type no longer implements an interface. Fragments on the interface no longer match it and the interface's fields may be missing, so the change is breaking.",
            DirectiveAdded => "A directive was added. No existing operation or schema uses it, so the change is safe.",
            DirectiveRemoved => "A directive was removed. Operations and schemas that use it stop validating, so the change is breaking.",
            DirectiveDescriptionChanged => "The description of a directive changed. Descriptions are documentation only, so the change is safe.",
            DirectiveLocationAdded => "A directive can now be used in one more location. Existing uses keep validating, so the change is safe.",
            DirectiveLocationRemoved => "A directive can no longer be used in a location. Uses in that location stop validating, so the change is breaking.",
            DirectiveRepeatableAdded => "A directive became repeatable. Existing uses keep validating, so the change is safe.",
            DirectiveRepeatableRemoved => "A directive is no longer repeatable. Uses that repeat it stop validating, so the change is dangerous.",
            DirectiveArgumentAdded => "An argument was added to a directive. A required argument (non-null, no default) is breaking: uses that do not pass it stop validating; an optional one, or one with a default, is safe.",
            DirectiveArgumentRemoved => "An argument was removed from a directive. Uses that pass it stop validating, so the change is breaking.",
            DirectiveArgumentTypeChanged => "The type of a directive argument changed. An argument may only accept more (`ID!` to `ID`), which is safe; any other change can reject values that uses pass, so it is breaking.",
            DirectiveArgumentDefaultValueChanged => "The default value of a directive argument changed. Uses that leave the argument out now mean something else, so the change is dangerous.",
            DirectiveArgumentDescriptionChanged => "The description of a directive argument changed. Descriptions are documentation only, so the change is safe.",
            DirectiveUsageSchemaAdded
            | DirectiveUsageObjectAdded
            | DirectiveUsageInterfaceAdded
            | DirectiveUsageInputObjectAdded
            | DirectiveUsageEnumAdded
            | DirectiveUsageUnionMemberAdded
            | DirectiveUsageScalarAdded
            | DirectiveUsageFieldDefinitionAdded
            | DirectiveUsageArgumentDefinitionAdded
            | DirectiveUsageInputFieldDefinitionAdded
            | DirectiveUsageEnumValueAdded => "A directive was applied to an element of the schema. Directives can change how the server treats the element, so the change is dangerous; `@deprecated` is safe, and `@oneOf` on an input object is breaking (values that set more or fewer than one field are rejected).",
            DirectiveUsageSchemaRemoved
            | DirectiveUsageObjectRemoved
            | DirectiveUsageInterfaceRemoved
            | DirectiveUsageInputObjectRemoved
            | DirectiveUsageEnumRemoved
            | DirectiveUsageUnionMemberRemoved
            | DirectiveUsageScalarRemoved
            | DirectiveUsageFieldDefinitionRemoved
            | DirectiveUsageArgumentDefinitionRemoved
            | DirectiveUsageInputFieldDefinitionRemoved
            | DirectiveUsageEnumValueRemoved => "A directive was removed from an element of the schema. Directives can change how the server treats the element, so the change is dangerous; removing `@deprecated` is safe.",
            DirectiveUsageArgumentAdded | DirectiveUsageArgumentRemoved => "An argument of an applied directive was added, removed or changed (a changed value is reported as removed, then added). It can change how the server treats the element, so the change is dangerous; the `reason` of `@deprecated` is safe.",
            ErrorCodeAdded => "A docs page lists a new error code on a type. Clients that handle each documented code meet one they do not know, like an added enum value, so the change is dangerous. Make sure clients have a fallback for unknown codes.",
            ErrorCodeRemoved => "A docs page no longer lists an error code on a type. No operation stops working and handling the code becomes dead code, so the change is safe.",
            ErrorCodeMessageChanged => "The message of a documented error code changed. Clients should match on the code, not the message, so the change is safe.",
        }
    }

    /// The section of the GraphQL specification (October 2021) about the element this kind of
    /// change is about, for readers who want the rules behind the criticality.
    pub fn specification_url(self) -> &'static str {
        use ChangeType::*;
        match self {
            TypeAdded
            | TypeRemoved
            | TypeKindChanged
            | TypeDescriptionAdded
            | TypeDescriptionRemoved
            | TypeDescriptionChanged => "https://spec.graphql.org/October2021/#sec-Types",
            SchemaQueryTypeChanged | SchemaMutationTypeChanged | SchemaSubscriptionTypeChanged => {
                "https://spec.graphql.org/October2021/#sec-Root-Operation-Types"
            }
            FieldAdded
            | FieldRemoved
            | FieldTypeChanged
            | FieldDescriptionAdded
            | FieldDescriptionRemoved
            | FieldDescriptionChanged => "https://spec.graphql.org/October2021/#sec-Objects",
            FieldDeprecationAdded
            | FieldDeprecationRemoved
            | FieldDeprecationReasonAdded
            | FieldDeprecationReasonRemoved
            | FieldDeprecationReasonChanged
            | EnumValueDeprecationReasonAdded
            | EnumValueDeprecationReasonRemoved
            | EnumValueDeprecationReasonChanged => {
                "https://spec.graphql.org/October2021/#sec--deprecated"
            }
            FieldArgumentAdded
            | FieldArgumentRemoved
            | FieldArgumentTypeChanged
            | FieldArgumentDefaultChanged
            | FieldArgumentDescriptionChanged => {
                "https://spec.graphql.org/October2021/#sec-Field-Arguments"
            }
            InputFieldAdded
            | InputFieldRemoved
            | InputFieldTypeChanged
            | InputFieldDefaultValueChanged
            | InputFieldDescriptionAdded
            | InputFieldDescriptionRemoved
            | InputFieldDescriptionChanged => {
                "https://spec.graphql.org/October2021/#sec-Input-Objects"
            }
            EnumValueAdded | EnumValueRemoved | EnumValueDescriptionChanged => {
                "https://spec.graphql.org/October2021/#sec-Enums"
            }
            UnionMemberAdded | UnionMemberRemoved => {
                "https://spec.graphql.org/October2021/#sec-Unions"
            }
            ObjectTypeInterfaceAdded | ObjectTypeInterfaceRemoved => {
                "https://spec.graphql.org/October2021/#sec-Interfaces"
            }
            DirectiveAdded
            | DirectiveRemoved
            | DirectiveDescriptionChanged
            | DirectiveLocationAdded
            | DirectiveLocationRemoved
            | DirectiveRepeatableAdded
            | DirectiveRepeatableRemoved
            | DirectiveArgumentAdded
            | DirectiveArgumentRemoved
            | DirectiveArgumentTypeChanged
            | DirectiveArgumentDefaultValueChanged
            | DirectiveArgumentDescriptionChanged => {
                "https://spec.graphql.org/October2021/#sec-Type-System.Directives"
            }
            DirectiveUsageSchemaAdded
            | DirectiveUsageSchemaRemoved
            | DirectiveUsageObjectAdded
            | DirectiveUsageObjectRemoved
            | DirectiveUsageInterfaceAdded
            | DirectiveUsageInterfaceRemoved
            | DirectiveUsageInputObjectAdded
            | DirectiveUsageInputObjectRemoved
            | DirectiveUsageEnumAdded
            | DirectiveUsageEnumRemoved
            | DirectiveUsageUnionMemberAdded
            | DirectiveUsageUnionMemberRemoved
            | DirectiveUsageScalarAdded
            | DirectiveUsageScalarRemoved
            | DirectiveUsageFieldDefinitionAdded
            | DirectiveUsageFieldDefinitionRemoved
            | DirectiveUsageArgumentDefinitionAdded
            | DirectiveUsageArgumentDefinitionRemoved
            | DirectiveUsageInputFieldDefinitionAdded
            | DirectiveUsageInputFieldDefinitionRemoved
            | DirectiveUsageEnumValueAdded
            | DirectiveUsageEnumValueRemoved
            | DirectiveUsageArgumentAdded
            | DirectiveUsageArgumentRemoved => {
                "https://spec.graphql.org/October2021/#sec-Language.Directives"
            }
            // Error codes are a docs-page convention, not a GraphQL construct: their lists sit
            // in type descriptions.
            ErrorCodeAdded | ErrorCodeRemoved | ErrorCodeMessageChanged => {
                "https://spec.graphql.org/October2021/#sec-Descriptions"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ChangeType;

    #[test]
    fn every_change_type_has_sentences_and_a_specification_section() {
        for change_type in ChangeType::ALL {
            let description = change_type.description();
            assert!(
                description.ends_with('.')
                    && ["safe", "dangerous", "breaking"]
                        .iter()
                        .any(|criticality| description.contains(criticality)),
                "{change_type}: {description}"
            );
            assert!(
                change_type
                    .specification_url()
                    .starts_with("https://spec.graphql.org/October2021/#sec-"),
                "{change_type}"
            );
        }
    }
}
