//! Default values from introspection JSON, which gives them as the text of a GraphQL literal.
//! That text goes into generated SDL, so it is parsed (by apollo-compiler) and printed back,
//! never copied: a `defaultValue` of `"1): Int\n  injected: String\n  y(z: Int = 2"` must not
//! add a field to the output.

use apollo_compiler::ast;

/// The literal `text` as gqlsmith prints literals (`[RED, BLUE]`, `{x: 1}`), or what is
/// wrong with it. Variables are refused: a default is a constant.
pub(crate) fn normalize(text: &str) -> Result<String, String> {
    // A field argument is the smallest place the parser takes a value. The line break before
    // `)` ends a trailing comment; anything that escapes the argument list shows up as a
    // second argument, selection or definition and is refused below.
    let wrapped = format!("{{ f(v: {text}\n) }}");
    let document = ast::Document::parse(wrapped, "defaultValue").map_err(|with_errors| {
        with_errors.errors.iter().next().map_or_else(
            || "it does not parse".to_owned(),
            |error| error.error.to_string(),
        )
    })?;
    let [ast::Definition::OperationDefinition(operation)] = document.definitions.as_slice() else {
        return Err("it is more than one value".to_owned());
    };
    let [ast::Selection::Field(field)] = operation.selection_set.as_slice() else {
        return Err("it is more than one value".to_owned());
    };
    let [argument] = field.arguments.as_slice() else {
        return Err("it is more than one value".to_owned());
    };
    if field.name != "f"
        || argument.name != "v"
        || field.alias.is_some()
        || !field.directives.is_empty()
        || !field.selection_set.is_empty()
    {
        return Err("it is more than one value".to_owned());
    }
    if has_variable(&argument.value) {
        return Err("a default value cannot hold a variable".to_owned());
    }
    Ok(argument.value.serialize().no_indent().to_string())
}

fn has_variable(value: &ast::Value) -> bool {
    // The parser's nesting limit bounds this recursion.
    match value {
        ast::Value::Variable(_) => true,
        ast::Value::List(items) => items.iter().any(|item| has_variable(item)),
        ast::Value::Object(fields) => fields.iter().any(|(_, value)| has_variable(value)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn literals_print_back_in_one_spelling() {
        assert_eq!(normalize("10").unwrap(), "10");
        assert_eq!(normalize("\"a\\\"b\"").unwrap(), "\"a\\\"b\"");
        assert_eq!(normalize("[RED,BLUE]").unwrap(), "[RED, BLUE]");
        assert_eq!(normalize("{x:1, y: [2]}").unwrap(), "{x: 1, y: [2]}");
        assert_eq!(normalize("null").unwrap(), "null");
        assert_eq!(normalize("1 # a comment").unwrap(), "1");
    }

    #[test]
    fn injections_and_junk_are_refused() {
        for bad in [
            "1): Int\n  injected: String\n  y(z: Int = 2",
            "1) { g } query X { f(v: 2",
            "1, w: 2",
            "$x",
            "[1, $x]",
            "",
            "{",
            "\"unterminated",
        ] {
            assert!(normalize(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(normalize(&deep).is_err());
    }
}
