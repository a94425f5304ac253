//! An operation's document as graphql-js's AST (`DocumentNode`) in JSON, the value a
//! `TypedDocumentNode` constant holds: Apollo Client, urql and graphql-request take it as it
//! is, with no `graphql-tag` parse at run time (what graphql-codegen's `typed-document-node`
//! plugin emits). apollo-compiler parses the text; this module only changes its shape.

use apollo_compiler::ast;

/// The AST of `text` as compact JSON; `None` when it does not parse (the reader validated it,
/// so that does not happen for documents gqlsmith read).
#[cfg(test)]
pub(crate) fn document_ast_json(text: &str) -> Option<String> {
    let definitions = definitions_ast_json(text)?;
    Some(document_of(&definitions))
}

/// `{"kind":"Document","definitions":[...]}` around definitions already in JSON.
pub(crate) fn document_of(definitions: &[String]) -> String {
    let length: usize = definitions.iter().map(|json| json.len() + 1).sum();
    let mut out = String::with_capacity(length + 48);
    out.push_str(r#"{"kind":"Document","definitions":["#);
    for (index, json) in definitions.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str(json);
    }
    out.push_str("]}");
    out
}

/// Each definition of `text` as compact JSON (an operation's, or a fragment's, computed once
/// and reused by every operation that spreads it). The JSON is written as it is walked, keys
/// in graphql-js's order, with no tree of values built first (the operations' ASTs are most
/// of what the target writes).
pub(crate) fn definitions_ast_json(text: &str) -> Option<Vec<String>> {
    let document = ast::Document::parse(text, "operation.graphql").ok()?;
    let definitions = document
        .definitions
        .iter()
        .filter_map(|definition| {
            let mut out = String::with_capacity(text.len() * 8);
            match definition {
                ast::Definition::OperationDefinition(operation) => {
                    operation_node(&mut out, operation)
                }
                ast::Definition::FragmentDefinition(fragment) => fragment_node(&mut out, fragment),
                _ => return None,
            }
            Some(out)
        })
        .collect();
    Some(definitions)
}

/// `text` as a JSON string, escaped exactly as serde_json escapes it.
fn string(out: &mut String, text: &str) {
    let plain = text
        .bytes()
        .all(|byte| byte >= 0x20 && byte != b'"' && byte != b'\\');
    if plain {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        // Rare (string arguments with quotes or escapes): serde_json's own escaping.
        out.push_str(&serde_json::Value::from(text).to_string());
    }
}

/// `[item, item, ...]`, each written by `write`.
fn list<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    mut write: impl FnMut(&mut String, T),
) {
    out.push('[');
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

fn name(out: &mut String, text: &str) {
    out.push_str(r#"{"kind":"Name","value":"#);
    string(out, text);
    out.push('}');
}

fn named_type(out: &mut String, text: &str) {
    out.push_str(r#"{"kind":"NamedType","name":"#);
    name(out, text);
    out.push('}');
}

fn operation_node(out: &mut String, operation: &ast::OperationDefinition) {
    out.push_str(r#"{"kind":"OperationDefinition","operation":"#);
    out.push_str(match operation.operation_type {
        ast::OperationType::Query => r#""query""#,
        ast::OperationType::Mutation => r#""mutation""#,
        ast::OperationType::Subscription => r#""subscription""#,
    });
    if let Some(operation_name) = &operation.name {
        out.push_str(r#","name":"#);
        name(out, operation_name);
    }
    out.push_str(r#","variableDefinitions":"#);
    list(out, &operation.variables, |out, variable| {
        out.push_str(r#"{"kind":"VariableDefinition","variable":{"kind":"Variable","name":"#);
        name(out, &variable.name);
        out.push_str(r#"},"type":"#);
        type_node(out, &variable.ty);
        if let Some(default) = &variable.default_value {
            out.push_str(r#","defaultValue":"#);
            value_node(out, default);
        }
        out.push_str(r#","directives":"#);
        directives(out, &variable.directives);
        out.push('}');
    });
    out.push_str(r#","directives":"#);
    directives(out, &operation.directives);
    out.push_str(r#","selectionSet":"#);
    selection_set(out, &operation.selection_set);
    out.push('}');
}

fn fragment_node(out: &mut String, fragment: &ast::FragmentDefinition) {
    out.push_str(r#"{"kind":"FragmentDefinition","name":"#);
    name(out, &fragment.name);
    out.push_str(r#","typeCondition":"#);
    named_type(out, &fragment.type_condition);
    out.push_str(r#","directives":"#);
    directives(out, &fragment.directives);
    out.push_str(r#","selectionSet":"#);
    selection_set(out, &fragment.selection_set);
    out.push('}');
}

/// Selection sets nest as deep as the document does; apollo-compiler's parser limits that.
fn selection_set(out: &mut String, selections: &[ast::Selection]) {
    out.push_str(r#"{"kind":"SelectionSet","selections":"#);
    list(out, selections, |out, selection| match selection {
        ast::Selection::Field(field) => {
            out.push_str(r#"{"kind":"Field","#);
            if let Some(alias) = &field.alias {
                out.push_str(r#""alias":"#);
                name(out, alias);
                out.push(',');
            }
            out.push_str(r#""name":"#);
            name(out, &field.name);
            out.push_str(r#","arguments":"#);
            arguments(out, &field.arguments);
            out.push_str(r#","directives":"#);
            directives(out, &field.directives);
            if !field.selection_set.is_empty() {
                out.push_str(r#","selectionSet":"#);
                selection_set(out, &field.selection_set);
            }
            out.push('}');
        }
        ast::Selection::FragmentSpread(spread) => {
            out.push_str(r#"{"kind":"FragmentSpread","name":"#);
            name(out, &spread.fragment_name);
            out.push_str(r#","directives":"#);
            directives(out, &spread.directives);
            out.push('}');
        }
        ast::Selection::InlineFragment(inline) => {
            out.push_str(r#"{"kind":"InlineFragment","#);
            if let Some(condition) = &inline.type_condition {
                out.push_str(r#""typeCondition":"#);
                named_type(out, condition);
                out.push(',');
            }
            out.push_str(r#""directives":"#);
            directives(out, &inline.directives);
            out.push_str(r#","selectionSet":"#);
            selection_set(out, &inline.selection_set);
            out.push('}');
        }
    });
    out.push('}');
}

fn arguments(out: &mut String, arguments: &[apollo_compiler::Node<ast::Argument>]) {
    list(out, arguments, |out, argument| {
        out.push_str(r#"{"kind":"Argument","name":"#);
        name(out, &argument.name);
        out.push_str(r#","value":"#);
        value_node(out, &argument.value);
        out.push('}');
    });
}

fn directives(out: &mut String, directives: &ast::DirectiveList) {
    list(out, directives.iter(), |out, directive| {
        out.push_str(r#"{"kind":"Directive","name":"#);
        name(out, &directive.name);
        out.push_str(r#","arguments":"#);
        arguments(out, &directive.arguments);
        out.push('}');
    });
}

fn type_node(out: &mut String, ty: &ast::Type) {
    match ty {
        ast::Type::Named(named) => named_type(out, named),
        ast::Type::NonNullNamed(named) => {
            out.push_str(r#"{"kind":"NonNullType","type":"#);
            named_type(out, named);
            out.push('}');
        }
        ast::Type::List(inner) => {
            out.push_str(r#"{"kind":"ListType","type":"#);
            type_node(out, inner);
            out.push('}');
        }
        ast::Type::NonNullList(inner) => {
            out.push_str(r#"{"kind":"NonNullType","type":{"kind":"ListType","type":"#);
            type_node(out, inner);
            out.push_str("}}");
        }
    }
}

fn value_node(out: &mut String, value: &ast::Value) {
    match value {
        ast::Value::Null => out.push_str(r#"{"kind":"NullValue"}"#),
        ast::Value::Enum(enum_value) => {
            out.push_str(r#"{"kind":"EnumValue","value":"#);
            string(out, enum_value.as_str());
            out.push('}');
        }
        ast::Value::Variable(variable) => {
            out.push_str(r#"{"kind":"Variable","name":"#);
            name(out, variable);
            out.push('}');
        }
        ast::Value::String(text) => {
            out.push_str(r#"{"kind":"StringValue","value":"#);
            string(out, text);
            out.push_str(r#","block":false}"#);
        }
        ast::Value::Float(float) => {
            out.push_str(r#"{"kind":"FloatValue","value":"#);
            string(out, float.as_str());
            out.push('}');
        }
        ast::Value::Int(int) => {
            out.push_str(r#"{"kind":"IntValue","value":"#);
            string(out, int.as_str());
            out.push('}');
        }
        ast::Value::Boolean(boolean) => {
            out.push_str(r#"{"kind":"BooleanValue","value":"#);
            out.push_str(if *boolean { "true" } else { "false" });
            out.push('}');
        }
        ast::Value::List(items) => {
            out.push_str(r#"{"kind":"ListValue","values":"#);
            list(out, items, |out, item| value_node(out, item));
            out.push('}');
        }
        ast::Value::Object(fields) => {
            out.push_str(r#"{"kind":"ObjectValue","fields":"#);
            list(out, fields, |out, (field, value)| {
                out.push_str(r#"{"kind":"ObjectField","name":"#);
                name(out, field);
                out.push_str(r#","value":"#);
                value_node(out, value);
                out.push('}');
            });
            out.push('}');
        }
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

    #[test]
    fn values_and_strings_are_written_as_graphql_js_and_serde_json_write_them() {
        let json = document_ast_json(
            r#"query Q($v: [Int!]! = [1]) { a(x: [1, 2.5, "q\"\t é", true, null, RED, {k: $v}]) @skip(if: false) }"#,
        )
        .unwrap();
        for expect in [
            r#""type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}}"#,
            r#""defaultValue":{"kind":"ListValue","values":[{"kind":"IntValue","value":"1"}]}"#,
            r#"{"kind":"FloatValue","value":"2.5"}"#,
            r#"{"kind":"StringValue","value":"q\"\t é","block":false}"#,
            r#"{"kind":"BooleanValue","value":true},{"kind":"NullValue"},{"kind":"EnumValue","value":"RED"}"#,
            r#"{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"k"},"value":{"kind":"Variable","name":{"kind":"Name","value":"v"}}}]}"#,
            r#""directives":[{"kind":"Directive","name":{"kind":"Name","value":"skip"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"BooleanValue","value":false}}]}]"#,
        ] {
            assert!(json.contains(expect), "{expect}\nnot in\n{json}");
        }
        // The whole text is valid JSON.
        serde_json::from_str::<serde_json::Value>(&json).unwrap();
    }
}
