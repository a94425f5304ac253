//! Walks two schemas side by side and records every change with its criticality, in the order
//! graphql-inspector does (directives, root types, then types: removed, added, common), so that
//! every change comes after the addition that contains it and folding can work in one pass.

use std::borrow::Cow;

use gqlsmith_model::{
    Deprecation, DirectiveDef, DirectiveUse, EnumValue, Field, InputValue, Location, Schema,
    TypeDef, TypeKind,
};
use indexmap::{IndexMap, IndexSet};

use crate::literal::{quote, same_value, string_value};
use crate::type_change::{safe_for_input, safe_for_output};
use crate::{Change, ChangeType, Criticality};

/// What graphql-js reports as the reason of a bare `@deprecated`.
const DEFAULT_DEPRECATION_REASON: &str = "No longer supported";

/// Directives every schema has; their definitions are never compared.
const SPECIFIED_DIRECTIVES: [&str; 5] = ["include", "skip", "deprecated", "specifiedBy", "oneOf"];

const DESCRIPTION_REASON: &str = "descriptions are documentation: no operation can observe them";
const DEPRECATION_REASON: &str =
    "deprecation is advice to clients: the element keeps working until it is removed";

/// Every change from `old` to `new`, unfolded. With `verbose`, the contents of removed types
/// are listed too.
pub(crate) fn changes(old: &Schema, new: &Schema, verbose: bool) -> Vec<Change> {
    let mut differ = Differ {
        changes: Vec::new(),
        verbose,
    };
    differ.directives(old, new);
    differ.roots(old, new);
    differ.types(old, new);
    let old_usages = schema_usages(old);
    let new_usages = schema_usages(new);
    differ.usages(
        Site::Schema,
        "schema",
        Some(&old_usages),
        &new_usages,
        false,
    );
    differ.changes
}

struct Differ {
    changes: Vec<Change>,
    verbose: bool,
}

/// Pairs two lists by name: removed (old order), added (new order), common (old order).
fn pair_by_name<'a, T>(
    old: &'a [T],
    new: &'a [T],
    name: impl Fn(&T) -> &str,
) -> (Vec<&'a T>, Vec<&'a T>, Vec<(&'a T, &'a T)>) {
    // Most lists (arguments, small types) are short: scanning beats building maps. A name
    // listed twice resolves to its last entry either way.
    const SHORT: usize = 12;
    let new_by_name: Option<IndexMap<&str, &T>> =
        (new.len() > SHORT).then(|| new.iter().map(|item| (name(item), item)).collect());
    let old_names: Option<IndexSet<&str>> =
        (old.len() > SHORT).then(|| old.iter().map(&name).collect());
    let find_new = |wanted: &str| match &new_by_name {
        Some(map) => map.get(wanted).copied(),
        None => new.iter().rev().find(|item| name(item) == wanted),
    };
    let in_old = |wanted: &str| match &old_names {
        Some(set) => set.contains(wanted),
        None => old.iter().any(|item| name(item) == wanted),
    };
    let mut removed = Vec::new();
    let mut common = Vec::new();
    for item in old {
        match find_new(name(item)) {
            Some(new_item) => common.push((item, new_item)),
            None => removed.push(item),
        }
    }
    let added = new.iter().filter(|item| !in_old(name(item))).collect();
    (removed, added, common)
}

fn location(provenance: &gqlsmith_model::Provenance) -> Option<&Location> {
    provenance.location.as_ref()
}

/// Descriptions compare with empty and missing alike, as graphql-js does.
fn description(text: &Option<String>) -> Option<&str> {
    text.as_deref().filter(|text| !text.is_empty())
}

fn kind_name(kind: TypeKind) -> &'static str {
    match kind {
        TypeKind::Object => "object type",
        TypeKind::Interface => "interface",
        TypeKind::Union => "union",
        TypeKind::Enum => "enum",
        TypeKind::InputObject => "input object",
        TypeKind::Scalar => "scalar",
    }
}

/// A kind a docs page does not state (recovery guessed it from how the type is used) may
/// differ between two readings without the API changing, so such a change is only dangerous.
fn kind_is_guessed(old: &TypeDef, new: &TypeDef) -> bool {
    !old.kind_provenance.is_read() || !new.kind_provenance.is_read()
}

fn kind_change_criticality(old: &TypeDef, new: &TypeDef) -> Criticality {
    if kind_is_guessed(old, new) {
        Criticality::Dangerous
    } else {
        Criticality::Breaking
    }
}

fn kind_change_reason(old: &TypeDef, new: &TypeDef) -> &'static str {
    if kind_is_guessed(old, new) {
        "the input does not state the kind (recovery inferred it), so this may be a different guess rather than a change; if it is real, selections and variables written for the old kind stop validating"
    } else {
        "selections, fragments and variables written for the old kind stop validating"
    }
}

fn is_compared_type(name: &str) -> bool {
    !Schema::is_builtin_scalar(name) && !name.starts_with("__")
}

/// The deprecation of an element, from its model field or, failing that, from a
/// `@deprecated` directive kept among its directives: `Some(reason)` when deprecated.
fn deprecation_state(
    deprecation: Option<&Deprecation>,
    directives: &[DirectiveUse],
) -> Option<Option<String>> {
    if let Some(deprecation) = deprecation {
        return Some(deprecation.reason.clone());
    }
    directives
        .iter()
        .find(|directive| directive.name == "deprecated")
        .map(|directive| {
            directive
                .arguments
                .iter()
                .find(|(name, _)| name == "reason")
                .and_then(|(_, value)| string_value(value))
        })
}

/// The reason graphql-js would report: a bare `@deprecated` has the default reason.
fn effective_reason(state: &Option<Option<String>>) -> Option<&str> {
    state
        .as_ref()
        .map(|reason| reason.as_deref().unwrap_or(DEFAULT_DEPRECATION_REASON))
}

/// A directive applied to a schema element, as the diff compares it.
struct Usage<'a> {
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

fn schema_usages(schema: &Schema) -> Vec<Usage<'_>> {
    usages(&schema.schema_directives, None, None, None, false)
}

fn type_usages(ty: &TypeDef) -> Vec<Usage<'_>> {
    usages(
        &ty.directives,
        None,
        location(&ty.provenance),
        ty.specified_by.as_deref(),
        ty.one_of,
    )
}

fn field_usages(field: &Field) -> Vec<Usage<'_>> {
    usages(
        &field.directives,
        field.deprecation.as_ref(),
        location(&field.provenance),
        None,
        false,
    )
}

fn input_usages(input: &InputValue) -> Vec<Usage<'_>> {
    usages(
        &input.directives,
        input.deprecation.as_ref(),
        location(&input.provenance),
        None,
        false,
    )
}

fn value_usages(value: &EnumValue) -> Vec<Usage<'_>> {
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
enum Site {
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
    fn push(&mut self, change: Change) {
        self.changes.push(change);
    }

    // Directive definitions.

    fn directives(&mut self, old: &Schema, new: &Schema) {
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

    // Root operation types.

    fn roots(&mut self, old: &Schema, new: &Schema) {
        let pairs = [
            (
                "query",
                ChangeType::SchemaQueryTypeChanged,
                &old.roots.query,
                &new.roots.query,
            ),
            (
                "mutation",
                ChangeType::SchemaMutationTypeChanged,
                &old.roots.mutation,
                &new.roots.mutation,
            ),
            (
                "subscription",
                ChangeType::SchemaSubscriptionTypeChanged,
                &old.roots.subscription,
                &new.roots.subscription,
            ),
        ];
        for (operation, change_type, old_root, new_root) in pairs {
            if old_root == new_root {
                continue;
            }
            let path = format!("schema.{operation}");
            let change = match (old_root, new_root) {
                (None, Some(new_root)) => Change::new(
                    change_type,
                    Criticality::Safe,
                    path,
                    format!("the schema now has a {operation} root type, `{new_root}`"),
                    "a new kind of operation becomes possible; no existing operation changes",
                ),
                (Some(old_root), None) => Change::new(
                    change_type,
                    Criticality::Breaking,
                    path,
                    format!("the schema no longer has a {operation} root type (was `{old_root}`)"),
                    "every existing operation of this kind stops validating",
                ),
                (Some(old_root), Some(new_root)) => Change::new(
                    change_type,
                    Criticality::Breaking,
                    path,
                    format!("the {operation} root type changed from `{old_root}` to `{new_root}`"),
                    "existing operations of this kind are validated against a different type",
                ),
                (None, None) => continue,
            };
            self.push(
                change
                    .old(old_root.clone(), None)
                    .new_side(new_root.clone(), None),
            );
        }
    }

    // Types.

    fn types(&mut self, old: &Schema, new: &Schema) {
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
        let old_description = old.and_then(|old| description(&old.description));
        let new_description = description(&new.description);
        if old_description != new_description {
            let (change_type, verb) = match (old_description, new_description) {
                (None, _) => (ChangeType::TypeDescriptionAdded, "was added"),
                (_, None) => (ChangeType::TypeDescriptionRemoved, "was removed"),
                _ => (ChangeType::TypeDescriptionChanged, "changed"),
            };
            self.push(
                Change::new(
                    change_type,
                    Criticality::Safe,
                    &new.name,
                    format!(
                        "description of {} `{}` {verb}",
                        kind_name(new.kind),
                        new.name
                    ),
                    DESCRIPTION_REASON,
                )
                .old(
                    old_description.map(str::to_owned),
                    old.and_then(|old| location(&old.provenance)),
                )
                .new_side(
                    new_description.map(str::to_owned),
                    location(&new.provenance),
                ),
            );
        }
    }

    fn type_usages(&mut self, old: Option<&TypeDef>, new: &TypeDef) {
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

    // Objects and interfaces.

    fn fields_type(&mut self, old: Option<&TypeDef>, new: &TypeDef) {
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

    fn interface_removed(&mut self, ty: &TypeDef, interface: &str) {
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

    fn field_removed(&mut self, ty: &TypeDef, field: &Field) {
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

    fn field(&mut self, type_name: &str, old: Option<&Field>, new: &Field) {
        let path = format!("{type_name}.{}", new.name);
        let old_location = old.and_then(|old| location(&old.provenance));
        let new_location = location(&new.provenance);
        let old_description = old.and_then(|old| description(&old.description));
        let new_description = description(&new.description);
        if old_description != new_description {
            let (change_type, verb) = match (old_description, new_description) {
                (None, _) => (ChangeType::FieldDescriptionAdded, "was added"),
                (_, None) => (ChangeType::FieldDescriptionRemoved, "was removed"),
                _ => (ChangeType::FieldDescriptionChanged, "changed"),
            };
            self.push(
                Change::new(
                    change_type,
                    Criticality::Safe,
                    &path,
                    format!("description of field `{path}` {verb}"),
                    DESCRIPTION_REASON,
                )
                .old(old_description.map(str::to_owned), old_location)
                .new_side(new_description.map(str::to_owned), new_location),
            );
        }
        let old_state =
            old.and_then(|old| deprecation_state(old.deprecation.as_ref(), &old.directives));
        let new_state = deprecation_state(new.deprecation.as_ref(), &new.directives);
        let (old_reason, new_reason) = (effective_reason(&old_state), effective_reason(&new_state));
        let deprecation_change = match (old_reason, new_reason) {
            (None, Some(_)) => Some((
                ChangeType::FieldDeprecationAdded,
                format!("field `{path}` is deprecated"),
            )),
            (Some(_), None) => Some((
                ChangeType::FieldDeprecationRemoved,
                format!("field `{path}` is no longer deprecated"),
            )),
            (Some(old_reason), Some(new_reason)) if old_reason != new_reason => {
                if old_reason == DEFAULT_DEPRECATION_REASON {
                    Some((
                        ChangeType::FieldDeprecationReasonAdded,
                        format!("deprecation of field `{path}` now gives a reason"),
                    ))
                } else if new_reason == DEFAULT_DEPRECATION_REASON {
                    // graphql-inspector reports this one on the field; on `@deprecated`, like
                    // every other deprecation change, it folds the usage's `reason` removal.
                    Some((
                        ChangeType::FieldDeprecationReasonRemoved,
                        format!("deprecation of field `{path}` no longer gives a reason"),
                    ))
                } else {
                    Some((
                        ChangeType::FieldDeprecationReasonChanged,
                        format!("deprecation reason of field `{path}` changed"),
                    ))
                }
            }
            _ => None,
        };
        if let Some((change_type, message)) = deprecation_change {
            // Every deprecation change is on the `@deprecated` usage it is about.
            let change_path = format!("{path}.@deprecated");
            self.push(
                Change::new(
                    change_type,
                    Criticality::Safe,
                    &change_path,
                    message,
                    DEPRECATION_REASON,
                )
                .old(old_reason.map(str::to_owned), old_location)
                .new_side(new_reason.map(str::to_owned), new_location),
            );
        }
        if let Some(old) = old {
            if old.ty != new.ty {
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
                        &path,
                        format!(
                            "field `{path}` changed type from `{}` to `{}`",
                            old.ty, new.ty
                        ),
                        reason,
                    )
                    .old(Some(old.ty.to_string()), old_location)
                    .new_side(Some(new.ty.to_string()), new_location),
                );
            }
        }
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
            self.unnamed_arguments(&path, old, new);
        }
        for argument in removed {
            self.argument_removed(&path, argument);
        }
        for argument in added {
            let argument_path = format!("{path}.{}", argument.name);
            let (criticality, reason) = if old.is_none() {
                (
                    Criticality::Safe,
                    "the field is new, so no operation uses it yet",
                )
            } else if argument.is_required() {
                (Criticality::Breaking, "operations that select the field without the required argument stop validating")
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
                    &argument_path,
                    format!(
                        "argument `{}: {}` was added to field `{path}`",
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
        for (old_argument, new_argument) in common {
            let argument_path = format!("{path}.{}", new_argument.name);
            let subject = format!("argument `{argument_path}`");
            self.input_value_common(
                &argument_path,
                &subject,
                old_argument,
                new_argument,
                [
                    ChangeType::FieldArgumentDescriptionChanged,
                    ChangeType::FieldArgumentDescriptionChanged,
                    ChangeType::FieldArgumentDescriptionChanged,
                ],
                ChangeType::FieldArgumentDefaultChanged,
                ChangeType::FieldArgumentTypeChanged,
            );
            let old_usages = input_usages(old_argument);
            self.usages(
                Site::ArgumentDefinition,
                &argument_path,
                Some(&old_usages),
                &input_usages(new_argument),
                false,
            );
        }
        let old_usages = old.map(field_usages);
        self.usages(
            Site::FieldDefinition,
            &path,
            old_usages.as_deref(),
            &field_usages(new),
            old.is_none(),
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

    /// Description, default value and type of an argument or input field present on both sides.
    /// `description_types` are the added, removed and changed change types.
    #[allow(clippy::too_many_arguments)]
    fn input_value_common(
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
        let old_description = description(&old.description);
        let new_description = description(&new.description);
        if old_description != new_description {
            let [added, removed, changed] = description_types;
            let (change_type, verb) = match (old_description, new_description) {
                (None, _) => (added, "was added"),
                (_, None) => (removed, "was removed"),
                _ => (changed, "changed"),
            };
            self.push(
                Change::new(
                    change_type,
                    Criticality::Safe,
                    path,
                    format!("description of {subject} {verb}"),
                    DESCRIPTION_REASON,
                )
                .old(old_description.map(str::to_owned), old_location)
                .new_side(new_description.map(str::to_owned), new_location),
            );
        }
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

    // Input objects.

    fn input_object(&mut self, old: Option<&TypeDef>, new: &TypeDef) {
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

    fn input_field_removed(&mut self, ty: &TypeDef, field: &InputValue) {
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

    // Enums.

    fn enum_type(&mut self, old: Option<&TypeDef>, new: &TypeDef) {
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

    fn enum_value_removed(&mut self, ty: &TypeDef, value: &EnumValue) {
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
        let old_description = old.and_then(|old| description(&old.description));
        let new_description = description(&new.description);
        if old_description != new_description {
            let verb = match (old_description, new_description) {
                (None, _) => "was added",
                (_, None) => "was removed",
                _ => "changed",
            };
            self.push(
                Change::new(
                    ChangeType::EnumValueDescriptionChanged,
                    Criticality::Safe,
                    &path,
                    format!("description of enum value `{path}` {verb}"),
                    DESCRIPTION_REASON,
                )
                .old(old_description.map(str::to_owned), old_location)
                .new_side(new_description.map(str::to_owned), new_location),
            );
        }
        let old_state =
            old.and_then(|old| deprecation_state(old.deprecation.as_ref(), &old.directives));
        let new_state = deprecation_state(new.deprecation.as_ref(), &new.directives);
        let (old_reason, new_reason) = (effective_reason(&old_state), effective_reason(&new_state));
        let deprecation_change = match (old_reason, new_reason) {
            // graphql-inspector reports the removals on the value; on `@deprecated`, like every
            // other deprecation change, they fold the removed usage.
            (_, None) if old_reason.is_some() => Some((
                ChangeType::EnumValueDeprecationReasonRemoved,
                format!("enum value `{path}` is no longer deprecated"),
            )),
            (None, Some(_)) => Some((
                ChangeType::EnumValueDeprecationReasonAdded,
                format!("enum value `{path}` is deprecated"),
            )),
            (Some(old_reason), Some(new_reason)) if old_reason != new_reason => {
                if old_reason == DEFAULT_DEPRECATION_REASON {
                    Some((
                        ChangeType::EnumValueDeprecationReasonAdded,
                        format!("deprecation of enum value `{path}` now gives a reason"),
                    ))
                } else if new_reason == DEFAULT_DEPRECATION_REASON {
                    Some((
                        ChangeType::EnumValueDeprecationReasonRemoved,
                        format!("deprecation of enum value `{path}` no longer gives a reason"),
                    ))
                } else {
                    Some((
                        ChangeType::EnumValueDeprecationReasonChanged,
                        format!("deprecation reason of enum value `{path}` changed"),
                    ))
                }
            }
            _ => None,
        };
        if let Some((change_type, message)) = deprecation_change {
            // Every deprecation change is on the `@deprecated` usage it is about.
            let change_path = format!("{path}.@deprecated");
            self.push(
                Change::new(
                    change_type,
                    Criticality::Safe,
                    &change_path,
                    message,
                    DEPRECATION_REASON,
                )
                .old(old_reason.map(str::to_owned), old_location)
                .new_side(new_reason.map(str::to_owned), new_location),
            );
        }
        let old_usages = old.map(value_usages);
        self.usages(
            Site::EnumValue,
            &path,
            old_usages.as_deref(),
            &value_usages(new),
            old.is_none(),
        );
    }

    // Unions.

    fn union(&mut self, old: Option<&TypeDef>, new: &TypeDef) {
        let old_members = old.map(|old| old.members.as_slice()).unwrap_or(&[]);
        let (removed, added, _) = pair_by_name(old_members, &new.members, |name| name.as_str());
        for member in removed {
            self.union_member_removed(old.unwrap_or(new), member);
        }
        for member in added {
            let (criticality, reason) = if old.is_none() {
                (
                    Criticality::Safe,
                    "the union is new, so no client handles it yet",
                )
            } else {
                (
                    Criticality::Dangerous,
                    "clients that handle each possible type of the union may not handle the new member",
                )
            };
            self.push(
                Change::new(
                    ChangeType::UnionMemberAdded,
                    criticality,
                    &new.name,
                    format!("`{member}` was added to union `{}`", new.name),
                    reason,
                )
                .new_side(Some(member.clone()), location(&new.provenance)),
            );
        }
        self.type_usages(old, new);
    }

    fn union_member_removed(&mut self, ty: &TypeDef, member: &str) {
        self.push(
            Change::new(
                ChangeType::UnionMemberRemoved,
                Criticality::Breaking,
                &ty.name,
                format!("`{member}` was removed from union `{}`", ty.name),
                "fragments on the removed member within this union stop validating",
            )
            .old(Some(member.to_owned()), location(&ty.provenance)),
        );
    }

    // Directive usages.

    /// Compares the directives applied to one element. Repeated directives pair up in order
    /// (the first `@foo` with the first `@foo`), the rest are added or removed.
    fn usages(
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
