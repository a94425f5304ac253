//! SpectaQL-style example values: a deterministic placeholder for every field of an object,
//! interface or input object, for pages whose input gives no example of its own.

use gqlsmith_model::{Schema, TypeDef, TypeKind, TypeRef};
use serde_json::{json, Map, Value};

/// The example of `ty` as pretty JSON: each field with a placeholder of its type; `None` for
/// kinds without fields.
pub(crate) fn placeholder_example(schema: &Schema, ty: &TypeDef) -> Option<String> {
    let fields: Vec<(&str, &TypeRef)> = match ty.kind {
        TypeKind::Object | TypeKind::Interface => ty
            .fields
            .iter()
            .map(|field| (field.name.as_str(), &field.ty))
            .collect(),
        TypeKind::InputObject => ty
            .input_fields
            .iter()
            .map(|field| (field.name.as_str(), &field.ty))
            .collect(),
        TypeKind::Union | TypeKind::Enum | TypeKind::Scalar => return None,
    };
    let mut object = Map::new();
    for (name, field_ty) in fields {
        object.insert(name.to_owned(), placeholder_for(schema, field_ty));
    }
    serde_json::to_string_pretty(&Value::Object(object)).ok()
}

/// The placeholder of a type reference: lists hold one item, nested composite types are
/// shown by their `__typename` only, so an example stays one level deep.
fn placeholder_for(schema: &Schema, ty: &TypeRef) -> Value {
    match ty {
        TypeRef::NonNull(inner) => placeholder_for(schema, inner),
        TypeRef::List(item) => Value::Array(vec![placeholder_for(schema, item)]),
        TypeRef::Named(name) => named_placeholder(schema, name),
    }
}

fn named_placeholder(schema: &Schema, name: &str) -> Value {
    match name {
        "ID" => json!("4"),
        "String" => json!("abc123"),
        "Int" => json!(123),
        "Float" => json!(123.45),
        "Boolean" => json!(true),
        _ => match schema.type_named(name) {
            Some(ty) if ty.kind == TypeKind::Enum => ty
                .enum_values
                .first()
                .map_or_else(|| json!(name), |value| json!(value.name)),
            Some(ty) if ty.kind == TypeKind::Union => {
                json!({ "__typename": ty.members.first().map_or(name, String::as_str) })
            }
            // A value of an interface is one of its object types.
            Some(ty) if ty.kind == TypeKind::Interface => {
                let implementor = schema
                    .types_of_kind(TypeKind::Object)
                    .find(|object| object.interfaces.contains(&ty.name))
                    .map_or(name, |object| object.name.as_str());
                json!({ "__typename": implementor })
            }
            Some(ty) if ty.kind != TypeKind::Scalar => json!({ "__typename": name }),
            _ => custom_scalar_placeholder(name),
        },
    }
}

/// A custom scalar's placeholder, from what its name says it holds.
fn custom_scalar_placeholder(name: &str) -> Value {
    let lower = name.to_ascii_lowercase();
    if lower.contains("datetime") || lower.contains("timestamp") {
        json!("2007-12-03T10:15:30Z")
    } else if lower.contains("date") {
        json!("2007-12-03")
    } else if lower.contains("time") {
        json!("10:15:30Z")
    } else if lower.contains("uri") || lower.contains("url") {
        json!("https://example.com")
    } else if lower.contains("json") {
        json!({ "key": "value" })
    } else if lower.contains("decimal") || lower.contains("money") || lower.contains("float") {
        json!("123.45")
    } else if lower.contains("int") {
        json!(123)
    } else if lower.contains("bool") {
        json!(true)
    } else {
        json!(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gqlsmith_model::{EnumValue, Field, Provenance};

    #[track_caller]
    fn check(fields: &[(&str, &str)], expect: &str) {
        let mut schema = Schema::default();
        let mut status = TypeDef::new(
            "Status",
            TypeKind::Enum,
            Provenance::read_unknown_location(),
        );
        status.enum_values.push(EnumValue::new(
            "ACTIVE",
            Provenance::read_unknown_location(),
        ));
        schema.insert_type(status);
        schema.insert_type(TypeDef::new(
            "Owner",
            TypeKind::Interface,
            Provenance::read_unknown_location(),
        ));
        let mut user = TypeDef::new(
            "User",
            TypeKind::Object,
            Provenance::read_unknown_location(),
        );
        user.interfaces.push("Owner".to_owned());
        schema.insert_type(user);
        schema.insert_type(TypeDef::new(
            "Thing",
            TypeKind::Object,
            Provenance::read_unknown_location(),
        ));
        let mut ty = TypeDef::new(
            "Repo",
            TypeKind::Object,
            Provenance::read_unknown_location(),
        );
        for (name, field_ty) in fields {
            ty.fields.push(Field::new(
                *name,
                TypeRef::parse(field_ty).unwrap(),
                Provenance::read_unknown_location(),
            ));
        }
        let example = placeholder_example(&schema, &ty).unwrap_or_default();
        assert_eq!(
            example
                .replace('\n', " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            expect
        );
    }

    #[test]
    fn placeholders_follow_the_field_types() {
        check(&[], "{}");
        check(
            &[
                ("id", "ID!"),
                ("name", "String"),
                ("stars", "Int!"),
                ("private", "Boolean"),
            ],
            r#"{ "id": "4", "name": "abc123", "stars": 123, "private": true }"#,
        );
        check(
            &[
                ("status", "Status!"),
                ("owner", "Owner"),
                ("thing", "Thing"),
                ("tags", "[String!]!"),
            ],
            r#"{ "status": "ACTIVE", "owner": { "__typename": "User" }, "thing": { "__typename": "Thing" }, "tags": [ "abc123" ] }"#,
        );
        check(
            &[
                ("at", "DateTime"),
                ("on", "Date"),
                ("url", "URI"),
                ("data", "JSONString"),
                ("x", "NonEmptyString"),
            ],
            r#"{ "at": "2007-12-03T10:15:30Z", "on": "2007-12-03", "url": "https://example.com", "data": { "key": "value" }, "x": "NonEmptyString" }"#,
        );
    }
}
