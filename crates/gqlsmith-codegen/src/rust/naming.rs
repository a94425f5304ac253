//! Naming filters for the Rust targets: GraphQL names to Rust identifiers (case conversion
//! with heck, keyword escaping).

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Rust keywords of every edition, strict and reserved. Identifiers spelled like these need
/// the raw form `r#type` (or a trailing `_` where raw is not allowed).
const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers (`r#self` is an error): these get a trailing `_`.
const NOT_RAW_KEYWORDS: &[&str] = &["crate", "self", "Self", "super"];

/// A GraphQL type name as a Rust type name: `APIBrownout` -> `ApiBrownout`,
/// `Unnamed_L12` -> `UnnamedL12`.
pub(crate) fn rust_type_name(graphql_name: &str) -> String {
    rust_identifier(&graphql_name.to_upper_camel_case(), "Type")
}

/// A GraphQL field or argument name as a Rust field, method or variable name:
/// `edgeCount` -> `edge_count`, `type` -> `r#type`, `self` -> `self_`.
pub(crate) fn rust_field_name(graphql_name: &str) -> String {
    rust_identifier(&graphql_name.to_snake_case(), "field")
}

/// A GraphQL enum value as a Rust variant name: `NOT_STARTED` -> `NotStarted`,
/// `_1` -> `Value1`.
pub(crate) fn rust_variant_name(graphql_value: &str) -> String {
    rust_identifier(&graphql_value.to_upper_camel_case(), "Value")
}

/// Makes `candidate` a usable identifier: empty -> `fallback`, a leading digit gets
/// `fallback` in front, keywords become raw identifiers or get a trailing `_`.
fn rust_identifier(candidate: &str, fallback: &str) -> String {
    if candidate.is_empty() {
        return fallback.to_owned();
    }
    if candidate.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("{fallback}{candidate}");
    }
    if NOT_RAW_KEYWORDS.contains(&candidate) {
        return format!("{candidate}_");
    }
    if RUST_KEYWORDS.contains(&candidate) {
        return format!("r#{candidate}");
    }
    candidate.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(convert: fn(&str) -> String, input: &str, expect: &str) {
        assert_eq!(convert(input), expect);
    }

    #[test]
    fn type_names_are_upper_camel_case() {
        check(rust_type_name, "APIBrownout", "ApiBrownout");
        check(rust_type_name, "Unnamed_L12", "UnnamedL12");
        check(rust_type_name, "__Type", "Type");
        check(rust_type_name, "URL", "Url");
        check(rust_type_name, "__", "Type");
        check(rust_type_name, "self", "Self_");
    }

    #[test]
    fn field_names_are_snake_case_and_escape_keywords() {
        check(rust_field_name, "edgeCount", "edge_count");
        check(rust_field_name, "type", "r#type");
        check(rust_field_name, "match", "r#match");
        check(rust_field_name, "ref", "r#ref");
        check(rust_field_name, "async", "r#async");
        check(rust_field_name, "self", "self_");
        check(rust_field_name, "Self", "self_");
        check(rust_field_name, "super", "super_");
        check(rust_field_name, "__typename", "typename");
        check(rust_field_name, "iOS", "i_os");
        check(rust_field_name, "address1", "address1");
        check(rust_field_name, "_", "field");
    }

    #[test]
    fn enum_values_are_upper_camel_case() {
        check(rust_variant_name, "NOT_STARTED", "NotStarted");
        check(rust_variant_name, "_1", "Value1");
        check(rust_variant_name, "1_DAY", "Value1Day");
        check(rust_variant_name, "Self", "Self_");
    }
}
