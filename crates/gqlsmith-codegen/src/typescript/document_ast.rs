//! An operation's document as graphql-js's AST (`DocumentNode`) in JSON, the value a
//! `TypedDocumentNode` constant holds: Apollo Client, urql and graphql-request take it as it
//! is, with no `graphql-tag` parse at run time (what graphql-codegen's `typed-document-node`
//! plugin emits). apollo-compiler parses the text; this module only changes its shape.

use apollo_compiler::ast;
use serde_json::{json, Map, Value};

/// The AST of `text` as compact JSON; `None` when it does not parse (the reader validated it,
/// so that does not happen for documents gqlsmith read).
#[cfg(test)]
pub(crate) fn document_ast_json(text: &str) -> Option<String> {
    let definitions = definitions_ast_json(text)?;
    Some(document_of(&definitions))
}

/// `{"kind":"Document","definitions":[...]}` around definitions already in JSON.
pub(crate) fn document_of(definitions: &[String]) -> String {
    let mut out = String::from(r#"{"kind":"Document","definitions":["#);
    out.push_str(&definitions.join(","));
    out.push_str("]}");
    out
}

/// Each definition of `text` as compact JSON (an operation's, or a fragment's, computed once
/// and reused by every operation that spreads it).
pub(crate) fn definitions_ast_json(text: &str) -> Option<Vec<String>> {
    let document = ast::Document::parse(text, "operation.graphql").ok()?;
    document
        .definitions
        .iter()
        .filter_map(|definition| match definition {
            ast::Definition::OperationDefinition(operation) => Some(operation_node(operation)),
            ast::Definition::FragmentDefinition(fragment) => Some(fragment_node(fragment)),
            _ => None,
        })
        .map(|node| serde_json::to_string(&node).ok())
        .collect()
}

fn name(text: &str) -> Value {
    json!({"kind": "Name", "value": text})
}

fn operation_node(operation: &ast::OperationDefinition) -> Value {
    let mut node = Map::new();
    node.insert("kind".into(), "OperationDefinition".into());
    node.insert(
        "operation".into(),
        match operation.operation_type {
            ast::OperationType::Query => "query",
            ast::OperationType::Mutation => "mutation",
            ast::OperationType::Subscription => "subscription",
        }
        .into(),
    );
    if let Some(operation_name) = &operation.name {
        node.insert("name".into(), name(operation_name));
    }
    node.insert(
        "variableDefinitions".into(),
        operation
            .variables
            .iter()
            .map(|variable| {
                let mut definition = Map::new();
                definition.insert("kind".into(), "VariableDefinition".into());
                definition.insert(
                    "variable".into(),
                    json!({"kind": "Variable", "name": name(&variable.name)}),
                );
                definition.insert("type".into(), type_node(&variable.ty));
                if let Some(default) = &variable.default_value {
                    definition.insert("defaultValue".into(), value_node(default));
                }
                definition.insert("directives".into(), directives(&variable.directives));
                Value::Object(definition)
            })
            .collect(),
    );
    node.insert("directives".into(), directives(&operation.directives));
    node.insert(
        "selectionSet".into(),
        selection_set(&operation.selection_set),
    );
    Value::Object(node)
}

fn fragment_node(fragment: &ast::FragmentDefinition) -> Value {
    json!({
        "kind": "FragmentDefinition",
        "name": name(&fragment.name),
        "typeCondition": {"kind": "NamedType", "name": name(&fragment.type_condition)},
        "directives": directives(&fragment.directives),
        "selectionSet": selection_set(&fragment.selection_set),
    })
}

/// Selection sets nest as deep as the document does; apollo-compiler's parser limits that.
fn selection_set(selections: &[ast::Selection]) -> Value {
    let selections: Vec<Value> = selections
        .iter()
        .map(|selection| match selection {
            ast::Selection::Field(field) => {
                let mut node = Map::new();
                node.insert("kind".into(), "Field".into());
                if let Some(alias) = &field.alias {
                    node.insert("alias".into(), name(alias));
                }
                node.insert("name".into(), name(&field.name));
                node.insert("arguments".into(), arguments(&field.arguments));
                node.insert("directives".into(), directives(&field.directives));
                if !field.selection_set.is_empty() {
                    node.insert("selectionSet".into(), selection_set(&field.selection_set));
                }
                Value::Object(node)
            }
            ast::Selection::FragmentSpread(spread) => json!({
                "kind": "FragmentSpread",
                "name": name(&spread.fragment_name),
                "directives": directives(&spread.directives),
            }),
            ast::Selection::InlineFragment(inline) => {
                let mut node = Map::new();
                node.insert("kind".into(), "InlineFragment".into());
                if let Some(condition) = &inline.type_condition {
                    node.insert(
                        "typeCondition".into(),
                        json!({"kind": "NamedType", "name": name(condition)}),
                    );
                }
                node.insert("directives".into(), directives(&inline.directives));
                node.insert("selectionSet".into(), selection_set(&inline.selection_set));
                Value::Object(node)
            }
        })
        .collect();
    json!({"kind": "SelectionSet", "selections": selections})
}

fn arguments(arguments: &[apollo_compiler::Node<ast::Argument>]) -> Value {
    arguments
        .iter()
        .map(|argument| {
            json!({"kind": "Argument", "name": name(&argument.name), "value": value_node(&argument.value)})
        })
        .collect()
}

fn directives(directives: &ast::DirectiveList) -> Value {
    directives
        .iter()
        .map(|directive| {
            json!({
                "kind": "Directive",
                "name": name(&directive.name),
                "arguments": arguments(&directive.arguments),
            })
        })
        .collect()
}

fn type_node(ty: &ast::Type) -> Value {
    match ty {
        ast::Type::Named(named) => json!({"kind": "NamedType", "name": name(named)}),
        ast::Type::NonNullNamed(named) => json!({
            "kind": "NonNullType",
            "type": {"kind": "NamedType", "name": name(named)},
        }),
        ast::Type::List(inner) => json!({"kind": "ListType", "type": type_node(inner)}),
        ast::Type::NonNullList(inner) => json!({
            "kind": "NonNullType",
            "type": {"kind": "ListType", "type": type_node(inner)},
        }),
    }
}

fn value_node(value: &ast::Value) -> Value {
    match value {
        ast::Value::Null => json!({"kind": "NullValue"}),
        ast::Value::Enum(enum_value) => json!({"kind": "EnumValue", "value": enum_value.as_str()}),
        ast::Value::Variable(variable) => json!({"kind": "Variable", "name": name(variable)}),
        ast::Value::String(text) => json!({"kind": "StringValue", "value": text, "block": false}),
        ast::Value::Float(float) => json!({"kind": "FloatValue", "value": float.as_str()}),
        ast::Value::Int(int) => json!({"kind": "IntValue", "value": int.as_str()}),
        ast::Value::Boolean(boolean) => json!({"kind": "BooleanValue", "value": boolean}),
        ast::Value::List(items) => json!({
            "kind": "ListValue",
            "values": items.iter().map(|item| value_node(item)).collect::<Vec<_>>(),
        }),
        ast::Value::Object(fields) => json!({
            "kind": "ObjectValue",
            "fields": fields
                .iter()
                .map(|(field, value)| json!({"kind": "ObjectField", "name": name(field), "value": value_node(value)}))
                .collect::<Vec<_>>(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::document_ast_json;

    #[test]
    fn the_shape_is_graphql_js_s() {
        let json = document_ast_json(
            "query Feed($type: FeedType!, $limit: Int = 10) { feed(type: $type, limit: $limit) { id ...Entry on: score } }\nfragment Entry on Entry { id }",
        )
        .unwrap();
        // Keys in graphql-js's order (serde_json keeps insertion order here).
        for expect in [
            r#"{"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Feed"},"variableDefinitions":["#,
            r#"{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FeedType"}}},"directives":[]}"#,
            r#""defaultValue":{"kind":"IntValue","value":"10"}"#,
            r#"{"kind":"FragmentSpread","name":{"kind":"Name","value":"Entry"},"directives":[]}"#,
            r#"{"kind":"Field","alias":{"kind":"Name","value":"on"},"name":{"kind":"Name","value":"score"},"arguments":[],"directives":[]}"#,
            r#"{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Entry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Entry"}}"#,
        ] {
            assert!(json.contains(expect), "{expect}\nnot in\n{json}");
        }
        assert_eq!(document_ast_json("query {"), None);
    }
}
