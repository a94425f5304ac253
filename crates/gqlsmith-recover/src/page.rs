//! An index of the page as the reader left it: which blocks lost their names, which names
//! are referenced but never defined, and every place such a name is seen.

use std::collections::BTreeMap;

use gqlsmith_model::{Location, NameOrigin, Schema, TypeDef};

/// The page's string placeholder in examples: a quoted value that says "some string".
pub(crate) const STRING_PLACEHOLDER: &str = "abc123";

/// One place a referenced-but-undefined name is seen.
#[derive(Debug, Clone)]
pub(crate) enum Occurrence {
    /// `owner.field` has the name as its type; `example` is the field's example value as
    /// written, `None` when the owner's example leaves the field out.
    FieldType {
        owner: String,
        field: String,
        example: Option<String>,
        location: Option<Location>,
    },
    /// The owner's example shows the name as the value of `owner.field`, whose declared
    /// type is `declared` (another name): the name is a concrete type under an abstract one.
    ExampleMember {
        owner: String,
        declared: Option<String>,
        location: Option<Location>,
    },
}

impl Occurrence {
    pub(crate) fn location(&self) -> Option<&Location> {
        match self {
            Occurrence::FieldType { location, .. } | Occurrence::ExampleMember { location, .. } => {
                location.as_ref()
            }
        }
    }
}

/// Referenced-but-undefined names with their occurrences, in ASCII order.
pub(crate) type Dangling = BTreeMap<String, Vec<Occurrence>>;

/// True for a block that lost its name (the reader gave it a placeholder).
pub(crate) fn is_placeholder(ty: &TypeDef) -> bool {
    ty.name_origin == NameOrigin::Placeholder
}

/// A bare type name in an example value (`PageInfo`, `[ConsentOutput]`), if the value is one.
pub(crate) fn bare_name_in_example(value: &str) -> Option<&str> {
    let value = value.trim();
    let inner = match value
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
    {
        Some(inner) => inner.trim(),
        None => value,
    };
    let is_name = matches!(inner.chars().next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && inner.chars().all(|c| c == '_' || c.is_ascii_alphanumeric());
    (is_name && !matches!(inner, "true" | "false" | "null")).then_some(inner)
}

/// The example value the owner shows for `field`, as written.
pub(crate) fn example_value<'a>(owner: &'a TypeDef, field: &str) -> Option<&'a str> {
    owner
        .example
        .as_ref()?
        .entries
        .iter()
        .find(|entry| entry.key == field)
        .map(|entry| entry.value.as_str())
}

/// Collects every name used by a field type or an example value that no type defines.
pub(crate) fn dangling_names(schema: &Schema) -> Dangling {
    let mut dangling = Dangling::new();
    for owner in schema.types.values() {
        for field in &owner.fields {
            let name = field.ty.base_name();
            if schema.types.contains_key(name) {
                continue;
            }
            dangling
                .entry(name.to_owned())
                .or_default()
                .push(Occurrence::FieldType {
                    owner: owner.name.clone(),
                    field: field.name.clone(),
                    example: example_value(owner, &field.name).map(str::to_owned),
                    location: field.provenance.location.clone(),
                });
        }
        let Some(example) = &owner.example else {
            continue;
        };
        for entry in &example.entries {
            let Some(name) = bare_name_in_example(&entry.value) else {
                continue;
            };
            let declared = owner
                .field(&entry.key)
                .map(|field| field.ty.base_name().to_owned());
            if declared.as_deref() == Some(name) || schema.types.contains_key(name) {
                continue;
            }
            let location = entry
                .provenance
                .location
                .clone()
                .or_else(|| example.provenance.location.clone());
            dangling
                .entry(name.to_owned())
                .or_default()
                .push(Occurrence::ExampleMember {
                    owner: owner.name.clone(),
                    declared,
                    location,
                });
        }
    }
    dangling
}
