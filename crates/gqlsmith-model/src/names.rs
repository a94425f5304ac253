//! GraphQL's `Name` grammar and the uniqueness rules of the type system, checked on a whole
//! model.
//!
//! Every emitter prints names into code (Rust, TypeScript, SDL, Markdown), so a name that is
//! not a GraphQL name is an injection vector: a field named
//! `a?: number }; console.log(1); export type Z = { b` would become TypeScript that runs.
//! Readers check names where they can point at the input (the introspection reader names the
//! JSON path); [`check_names`] is the last line, run by [`crate::Loaded::into_valid`], so no
//! model with a bad name ever reaches an emitter, whatever reader, overlay or pass made it.

use indexmap::IndexSet;

use crate::{Diagnostic, Location, Schema, TypeRef};

/// True when `text` matches GraphQL's `Name`: `/[_A-Za-z][_0-9A-Za-z]*/`.
pub fn is_name(text: &str) -> bool {
    let mut bytes = text.bytes();
    matches!(bytes.next(), Some(b'_' | b'a'..=b'z' | b'A'..=b'Z'))
        && bytes.all(|byte| matches!(byte, b'_' | b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9'))
}

/// True when `text` may name an enum value: a `Name` other than `true`, `false` and `null`.
pub fn is_enum_value_name(text: &str) -> bool {
    is_name(text) && !matches!(text, "true" | "false" | "null")
}

/// Shows `name` in a message: quoted and escaped (a name can hold newlines or be empty), and
/// cut after 60 characters so a hostile name cannot flood the terminal.
pub fn show_name(name: &str) -> String {
    let mut shown: String = name
        .chars()
        .take(60)
        .collect::<String>()
        .escape_debug()
        .collect();
    if name.chars().count() > 60 {
        shown.push_str("...");
    }
    format!("\"{shown}\"")
}

/// Every name in `schema` that is not a GraphQL name, and every duplicate the spec forbids
/// (fields of a type, arguments of a field or directive, input fields, enum values, members,
/// interfaces). Codes: `M001` invalid-name, `M002` duplicate-name.
pub fn check_names(schema: &Schema) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // Names are almost always good: a coordinate is only formatted for a name that fails.
    let mut check =
        |name: &str, what: &str, coordinate: &dyn Fn() -> String, location: Option<&Location>| {
            if !is_name(name) {
                found.push(invalid(name, what, &coordinate(), location));
            }
        };
    let mut special = Vec::new();
    for (key, ty) in &schema.types {
        let location = ty.provenance.location.as_ref();
        check(key, "type name", &|| key.clone(), location);
        if key != &ty.name {
            check(&ty.name, "type name", &|| key.clone(), location);
        }
        for field in &ty.fields {
            let coordinate = || format!("{}.{}", ty.name, field.name);
            let location = field.provenance.location.as_ref().or(location);
            check(&field.name, "field name", &coordinate, location);
            check(field.ty.base_name(), "type name", &coordinate, location);
            for argument in &field.arguments {
                let coordinate = || format!("{}({}:)", coordinate(), argument.name);
                let location = argument.provenance.location.as_ref().or(location);
                check(&argument.name, "argument name", &coordinate, location);
                check(argument.ty.base_name(), "type name", &coordinate, location);
            }
        }
        for input in &ty.input_fields {
            let coordinate = || format!("{}.{}", ty.name, input.name);
            let location = input.provenance.location.as_ref().or(location);
            check(&input.name, "input field name", &coordinate, location);
            check(input.ty.base_name(), "type name", &coordinate, location);
        }
        for name in ty.interfaces.iter().chain(&ty.members) {
            check(name, "type name", &|| ty.name.clone(), location);
        }
        for value in &ty.enum_values {
            let coordinate = || format!("{}.{}", ty.name, value.name);
            let location = value.provenance.location.as_ref().or(location);
            if is_name(&value.name) && !is_enum_value_name(&value.name) {
                special.push(
                    Diagnostic::error(
                        "M001",
                        "invalid-name",
                        format!("`{}` cannot be an enum value", value.name),
                    )
                    .at_opt(location.cloned())
                    .with_coordinate(coordinate())
                    .with_help("`true`, `false` and `null` are literals, not enum values; rename the value"),
                );
            } else {
                check(&value.name, "enum value", &coordinate, location);
            }
        }
    }
    for root in [
        &schema.roots.query,
        &schema.roots.mutation,
        &schema.roots.subscription,
    ]
    .into_iter()
    .flatten()
    {
        check(root, "root type name", &|| root.clone(), None);
    }
    for (key, directive) in &schema.directives {
        let coordinate = || format!("@{key}");
        let location = directive.provenance.location.as_ref();
        check(key, "directive name", &coordinate, location);
        for argument in &directive.arguments {
            let coordinate = || format!("{}({}:)", coordinate(), argument.name);
            check(&argument.name, "argument name", &coordinate, location);
            check(argument.ty.base_name(), "type name", &coordinate, location);
        }
        for place in &directive.locations {
            // Any name: real schemas use locations the spec does not list (GitHub's
            // `DIRECTIVE_DEFINITION`); what matters here is that it prints as one token.
            if !is_name(place) {
                special.push(
                    Diagnostic::error(
                        "M001",
                        "invalid-name",
                        format!("{} is not a directive location name", show_name(place)),
                    )
                    .at_opt(location.cloned())
                    .with_coordinate(coordinate())
                    .with_help("use one of the locations the GraphQL spec lists, such as `FIELD_DEFINITION`"),
                );
            }
        }
    }
    found.extend(special);
    found.extend(duplicates(schema));
    found.extend(too_deep(schema));
    found
}

/// Every type reference nested deeper than [`TypeRef::MAX_LIST_DEPTH`] lists: an error, so no
/// emitter recurses that deep (`M003`).
fn too_deep(schema: &Schema) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut check = |ty: &TypeRef, coordinate: &dyn Fn() -> String, location: Option<&Location>| {
        let depth = ty.list_depth();
        if depth > TypeRef::MAX_LIST_DEPTH {
            let coordinate = coordinate();
            found.push(
                Diagnostic::error(
                    "M003",
                    "type-nested-too-deep",
                    format!(
                        "the type of `{coordinate}` is nested {depth} lists deep; gqlsmith reads at most {}",
                        TypeRef::MAX_LIST_DEPTH
                    ),
                )
                .at_opt(location.cloned())
                .with_coordinate(coordinate)
                .with_help("no real API nests lists this deep: check the input for corruption"),
            );
        }
    };
    for ty in schema.types.values() {
        let fallback = ty.provenance.location.as_ref();
        for field in &ty.fields {
            let coordinate = || format!("{}.{}", ty.name, field.name);
            check(
                &field.ty,
                &coordinate,
                field.provenance.location.as_ref().or(fallback),
            );
            for argument in &field.arguments {
                check(
                    &argument.ty,
                    &|| format!("{}.{}", coordinate(), argument.name),
                    argument.provenance.location.as_ref().or(fallback),
                );
            }
        }
        for input in &ty.input_fields {
            check(
                &input.ty,
                &|| format!("{}.{}", ty.name, input.name),
                input.provenance.location.as_ref().or(fallback),
            );
        }
    }
    for directive in schema.directives.values() {
        for argument in &directive.arguments {
            check(
                &argument.ty,
                &|| format!("@{}.{}", directive.name, argument.name),
                directive.provenance.location.as_ref(),
            );
        }
    }
    found
}

fn invalid(name: &str, what: &str, coordinate: &str, location: Option<&Location>) -> Diagnostic {
    Diagnostic::error(
        "M001",
        "invalid-name",
        format!("the {what} {} is not a GraphQL name", show_name(name)),
    )
    .at_opt(location.cloned())
    .with_coordinate(coordinate)
    .with_help(
        "a GraphQL name is a letter or `_` followed by letters, digits or `_`; fix the input",
    )
}

/// Duplicate names within one type, field or directive.
fn duplicates<'schema>(schema: &'schema Schema) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // One set for every list, cleared between them: most lists are short and have no
    // duplicate, and this runs on every load, so it allocates once and formats only on a find.
    let mut seen: IndexSet<&'schema str> = IndexSet::new();
    let mut unique =
        |names: &mut dyn Iterator<Item = (&'schema str, Option<&'schema Location>)>,
         what: &str,
         owner: &dyn Fn() -> String| {
            seen.clear();
            for (name, location) in names {
                if !seen.insert(name) {
                    let owner = owner();
                    found.push(
                        Diagnostic::error(
                            "M002",
                            "duplicate-name",
                            format!("`{owner}` lists the {what} {} twice", show_name(name)),
                        )
                        .at_opt(location.cloned())
                        .with_coordinate(format!("{owner}.{name}"))
                        .with_help("remove one of the two; names must be unique here"),
                    );
                }
            }
        };
    for ty in schema.types.values() {
        let fallback = ty.provenance.location.as_ref();
        let owner = || ty.name.clone();
        unique(
            &mut ty
                .fields
                .iter()
                .map(|f| (f.name.as_str(), f.provenance.location.as_ref().or(fallback))),
            "field",
            &owner,
        );
        unique(
            &mut ty
                .input_fields
                .iter()
                .map(|f| (f.name.as_str(), f.provenance.location.as_ref().or(fallback))),
            "input field",
            &owner,
        );
        unique(
            &mut ty
                .enum_values
                .iter()
                .map(|v| (v.name.as_str(), v.provenance.location.as_ref().or(fallback))),
            "enum value",
            &owner,
        );
        unique(
            &mut ty.members.iter().map(|m| (m.as_str(), fallback)),
            "member",
            &owner,
        );
        unique(
            &mut ty.interfaces.iter().map(|i| (i.as_str(), fallback)),
            "interface",
            &owner,
        );
        for field in &ty.fields {
            unique(
                &mut field
                    .arguments
                    .iter()
                    .map(|a| (a.name.as_str(), a.provenance.location.as_ref().or(fallback))),
                "argument",
                &|| format!("{}.{}", ty.name, field.name),
            );
        }
    }
    for directive in schema.directives.values() {
        unique(
            &mut directive
                .arguments
                .iter()
                .map(|a| (a.name.as_str(), directive.provenance.location.as_ref())),
            "argument",
            &|| format!("@{}", directive.name),
        );
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Field, InputValue, Provenance, TypeDef, TypeKind};

    #[test]
    fn the_name_grammar() {
        for good in ["a", "_", "__typename", "A1_b", "Z9"] {
            assert!(is_name(good), "{good}");
        }
        for bad in ["", "1a", "a b", "../x", "a\nb", "a-b", "é", "a?: number }"] {
            assert!(!is_name(bad), "{bad:?}");
        }
        assert!(!is_enum_value_name("true"));
        assert!(is_enum_value_name("TRUE"));
    }

    fn schema_with_field(field: &str, ty: &str) -> Schema {
        let mut schema = Schema::default();
        let mut object = TypeDef::new("Query", TypeKind::Object, Provenance::default());
        object.fields.push(Field::new(
            field,
            TypeRef::Named(ty.into()),
            Provenance::default(),
        ));
        schema.insert_type(object);
        schema
    }

    #[test]
    fn an_injected_field_name_is_an_error() {
        let found = check_names(&schema_with_field(
            "a?: number }; console.log(\"INJECTED\"); export type Z = { b",
            "Int",
        ));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "M001");
        assert!(
            found[0].message.contains("field name"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_bad_referenced_type_name_is_an_error() {
        let found = check_names(&schema_with_field("ok", "Int }; evil"));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("type name"));
    }

    #[test]
    fn duplicate_arguments_are_an_error() {
        let mut schema = schema_with_field("f", "Int");
        let field = &mut schema.types["Query"].fields[0];
        for _ in 0..2 {
            field.arguments.push(InputValue::new(
                "x",
                TypeRef::Named("Int".into()),
                Provenance::default(),
            ));
        }
        let found = check_names(&schema);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "M002");
        assert_eq!(found[0].coordinate.as_deref(), Some("Query.f.x"));
    }

    #[test]
    fn a_clean_schema_has_no_findings() {
        assert!(check_names(&schema_with_field("id", "ID")).is_empty());
    }
}
