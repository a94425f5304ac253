//! Each operation's document as the generated code embeds it: with `__typename` added to the
//! selection sets whose type is chosen by it, as a raw string literal.

use apollo_compiler::ast;
use gqlsmith_model::{Location, Selection};

use super::selection::is_conditional;

/// `text` as a raw string literal with enough `#`s that no `"#...` in it ends it early.
pub(super) fn rust_raw_string(text: &str) -> String {
    let mut longest = 0;
    for (index, _) in text.match_indices('"') {
        let run = text[index + 1..].chars().take_while(|c| *c == '#').count();
        longest = longest.max(run + 1);
    }
    let hashes = "#".repeat(longest.max(1));
    format!("r{hashes}\"{text}\"{hashes}")
}

/// `source` (one operation or fragment definition) with `__typename ` added at the start of
/// the selection set of each field in `fields` (by location) and, with `root`, of the
/// definition's own selection set, unless that set already selects `__typename` itself.
/// The model's selections and apollo-compiler's syntax tree of `source` have one shape (the
/// model is read from that tree), so they are walked side by side.
pub(super) fn with_typename(
    source: &str,
    selections: &[Selection],
    fields: &[Location],
    root: bool,
) -> String {
    if fields.is_empty() && !root {
        return source.to_owned();
    }
    let Ok(document) = ast::Document::parse(source, "definition.graphql") else {
        return source.to_owned();
    };
    let set = match document.definitions.first() {
        Some(ast::Definition::OperationDefinition(operation)) => &operation.selection_set,
        Some(ast::Definition::FragmentDefinition(fragment)) => &fragment.selection_set,
        _ => return source.to_owned(),
    };
    let mut offsets = Vec::new();
    if root {
        push_insertion(&mut offsets, selections, set);
    }
    let mut pending: Vec<(&[Selection], &[ast::Selection])> = vec![(selections, set)];
    while let Some((model, syntax)) = pending.pop() {
        for (selection, node) in model.iter().zip(syntax) {
            match (selection, node) {
                (Selection::Field(field), ast::Selection::Field(node)) => {
                    if fields.contains(&field.location) {
                        push_insertion(&mut offsets, &field.selections, &node.selection_set);
                    }
                    pending.push((&field.selections, &node.selection_set));
                }
                (Selection::InlineFragment(inline), ast::Selection::InlineFragment(node)) => {
                    pending.push((&inline.selections, &node.selection_set));
                }
                _ => {}
            }
        }
    }
    offsets.sort_unstable();
    offsets.dedup();
    let mut text = source.to_owned();
    for offset in offsets.into_iter().rev() {
        if !text.is_char_boundary(offset) {
            continue;
        }
        // On a line of its own, indented as the selection it goes before, when that selection
        // starts its line; else on the same line.
        let line_start = text[..offset].rfind('\n').map_or(0, |newline| newline + 1);
        let indent = &text[line_start..offset];
        let insertion = if indent.chars().all(|c| c == ' ' || c == '\t') && line_start > 0 {
            format!("__typename\n{indent}")
        } else {
            "__typename ".to_owned()
        };
        text.insert_str(offset, &insertion);
    }
    text
}

/// The offset of the first selection of `syntax`, unless the set selects `__typename`
/// (unaliased, unconditionally) already.
fn push_insertion(offsets: &mut Vec<usize>, model: &[Selection], syntax: &[ast::Selection]) {
    let selects_typename = model.iter().any(|selection| {
        matches!(selection, Selection::Field(field)
            if field.name == "__typename" && field.alias.is_none() && !is_conditional(&field.directives))
    });
    if selects_typename {
        return;
    }
    let start = syntax.first().and_then(|first| match first {
        ast::Selection::Field(node) => node.location(),
        ast::Selection::FragmentSpread(node) => node.location(),
        ast::Selection::InlineFragment(node) => node.location(),
    });
    if let Some(span) = start {
        offsets.push(span.offset());
    }
}

#[cfg(test)]
mod tests {
    use super::rust_raw_string;

    #[test]
    fn raw_strings_never_end_early() {
        assert_eq!(rust_raw_string("query { a }"), "r#\"query { a }\"#");
        assert_eq!(rust_raw_string("{ a(x: \"b\") }"), "r#\"{ a(x: \"b\") }\"#");
        assert_eq!(
            rust_raw_string("{ a(x: \"#\") }"),
            "r##\"{ a(x: \"#\") }\"##"
        );
        assert_eq!(rust_raw_string("\"##"), "r###\"\"##\"###");
    }
}
