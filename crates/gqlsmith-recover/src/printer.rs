//! Renders any schema in the shape of the scraped docs page: object types in ASCII order, a
//! type's name (and description) only when it has a description, as the page does, field rows
//! and a pseudo-JSON example. Recovery can then be scored on schemas whose truth is known.

use gqlsmith_model::{Schema, TypeDef, TypeKind, TypeRef};

/// The page for `schema`: one block per object type but the root operation types, sorted by
/// name in ASCII order; a type without a description loses its name, exactly as the Kraken page
/// lost 308 of 912.
pub fn render_page(schema: &Schema) -> String {
    let mut objects: Vec<&TypeDef> = page_objects(schema).collect();
    objects.sort_by(|a, b| a.name.cmp(&b.name));
    let mut page = String::from(
        "Objects\nObjects in GraphQL represent the resources you can access. An object can contain a list of fields, which are specifically typed.\n",
    );
    for ty in objects {
        let description = ty
            .description
            .as_deref()
            .map(one_line)
            .filter(|text| !text.is_empty());
        if let Some(description) = description {
            page.push_str(&ty.name);
            page.push('\n');
            page.push_str(&description);
            page.push('\n');
        }
        page.push_str("Fields\n| Name | Description |\n|---|---|\n");
        for field in &ty.fields {
            let text = field
                .description
                .as_deref()
                .map(one_line)
                .unwrap_or_default();
            // A description ending in "Arguments" starts an argument list on the page.
            let text = if text.ends_with("Arguments") {
                format!("{text}.")
            } else {
                text
            };
            if text.is_empty() {
                page.push_str(&format!("{}({}) | |\n", field.name, field.ty));
            } else {
                page.push_str(&format!("{}({}) | {} |\n", field.name, field.ty, text));
            }
        }
        page.push_str("Example\n{\n");
        let entries: Vec<String> = ty
            .fields
            .iter()
            .map(|field| format!("\"{}\": {}", field.name, example_value(schema, &field.ty)))
            .collect();
        page.push_str(&entries.join(",\n"));
        page.push_str("\n}");
    }
    page.push('\n');
    page
}

/// The object types an objects page documents: all but the root operation types, which
/// docs sites show in their own Queries and Mutations sections.
pub(crate) fn page_objects(schema: &Schema) -> impl Iterator<Item = &TypeDef> {
    let roots = [
        &schema.roots.query,
        &schema.roots.mutation,
        &schema.roots.subscription,
    ];
    schema.types.values().filter(move |ty| {
        ty.kind == TypeKind::Object
            && !roots
                .iter()
                .any(|root| root.as_deref() == Some(ty.name.as_str()))
    })
}

/// A description on one line, without the table's cell separator.
fn one_line(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "/")
}

/// The example value the page shows for a field of type `ty`.
fn example_value(schema: &Schema, ty: &TypeRef) -> String {
    let name = ty.base_name();
    let value = match name {
        "String" | "ID" => "\"abc123\"".to_owned(),
        "Int" => "1".to_owned(),
        "Float" => "1.0".to_owned(),
        "Boolean" => "true".to_owned(),
        _ => match schema.types.get(name) {
            Some(named) => match named.kind {
                TypeKind::Enum => match named.enum_values.first() {
                    Some(value) => format!("\"{}\"", value.name),
                    None => "\"abc123\"".to_owned(),
                },
                TypeKind::Scalar => scalar_placeholder(name).to_owned(),
                TypeKind::Union => named
                    .members
                    .first()
                    .cloned()
                    .unwrap_or_else(|| name.to_owned()),
                TypeKind::Interface => schema
                    .types
                    .values()
                    .find(|ty| {
                        ty.kind == TypeKind::Object && ty.interfaces.iter().any(|i| i == name)
                    })
                    .map_or_else(|| name.to_owned(), |ty| ty.name.clone()),
                TypeKind::Object | TypeKind::InputObject => name.to_owned(),
            },
            None => scalar_placeholder(name).to_owned(),
        },
    };
    if ty.is_list() {
        format!("[{value}]")
    } else {
        value
    }
}

/// The placeholder SpectaQL-style pages show for common custom scalars.
fn scalar_placeholder(name: &str) -> &'static str {
    let lower = name.to_ascii_lowercase();
    if lower.contains("datetime") {
        "\"2020-01-01T00:00:00.000Z\""
    } else if lower.contains("date") {
        "\"2020-01-01\""
    } else if lower.contains("time") {
        "\"00:00:00.000Z\""
    } else if lower.contains("json") {
        "{\"key\": \"value\"}"
    } else if lower.contains("decimal") {
        "\"1.0\""
    } else if lower.contains("uuid") {
        "\"500c164d-38c7-4f74-9ac6-be210197e9e4\""
    } else if lower.contains("int") {
        "1"
    } else {
        "\"abc123\""
    }
}

#[cfg(test)]
mod tests {
    use gqlsmith_model::{EnumValue, Field, Provenance, Schema, TypeDef, TypeKind, TypeRef};

    use super::render_page;

    #[track_caller]
    fn check(schema: &Schema, expect: &str) {
        assert_eq!(render_page(schema), expect);
    }

    #[test]
    fn undescribed_types_lose_their_names() {
        let read = Provenance::read_unknown_location;
        let mut schema = Schema::default();
        let mut colour = TypeDef::new("Colour", TypeKind::Enum, read());
        colour.enum_values.push(EnumValue::new("RED", read()));
        schema.insert_type(colour);
        let mut b = TypeDef::new("Bee", TypeKind::Object, read());
        b.fields.push(Field::new(
            "colour",
            TypeRef::parse("Colour").unwrap(),
            read(),
        ));
        schema.insert_type(b);
        let mut a = TypeDef::new("Ant", TypeKind::Object, read());
        a.description = Some("An ant,\nsmall.".into());
        a.fields.push(Field::new(
            "friends",
            TypeRef::parse("[Bee!]!").unwrap(),
            read(),
        ));
        schema.insert_type(a);
        check(
            &schema,
            "Objects\nObjects in GraphQL represent the resources you can access. An object can contain a list of fields, which are specifically typed.\n\
Ant\nAn ant, small.\nFields\n| Name | Description |\n|---|---|\nfriends([Bee!]!) | |\nExample\n{\n\"friends\": [Bee]\n}\
Fields\n| Name | Description |\n|---|---|\ncolour(Colour) | |\nExample\n{\n\"colour\": \"RED\"\n}\n",
        );
    }
}
