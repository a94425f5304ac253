//! Naming conventions: PascalCase types, camelCase fields and arguments, SCREAMING_SNAKE_CASE
//! enum values, with configurable exceptions.

pub(crate) mod enum_value_case;
pub(crate) mod field_name_case;
pub(crate) mod type_name_case;

use crate::config::Config;

/// True when `[check.naming] exceptions` lists the name or its coordinate.
pub(crate) fn is_exception(config: &Config, name: &str, coordinate: &str) -> bool {
    config
        .naming
        .exceptions
        .iter()
        .any(|exception| exception == name || exception == coordinate)
}

/// `PascalCase`: an upper-case letter, then letters and digits (acronyms such as `APIType`
/// are accepted).
pub(crate) fn is_pascal_case(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|first| first.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
}

/// `camelCase`: a lower-case letter, then letters and digits. Leading underscores are
/// accepted (`_service` in federation).
pub(crate) fn is_camel_case(name: &str) -> bool {
    let name = name.trim_start_matches('_');
    let mut chars = name.chars();
    chars.next().is_some_and(|first| first.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
}

/// `SCREAMING_SNAKE_CASE`: upper-case letters, digits and underscores, starting with a letter.
pub(crate) fn is_screaming_snake_case(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|first| first.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(name: &str, expect: [bool; 3]) {
        assert_eq!(
            [
                is_pascal_case(name),
                is_camel_case(name),
                is_screaming_snake_case(name)
            ],
            expect,
            "{name}"
        );
    }

    #[test]
    fn cases() {
        check("APIBrownout", [true, false, false]);
        check("QuoteType_", [false, false, false]);
        check("query_type", [false, false, false]);
        check("SHA", [true, false, true]);
        check("sha", [false, true, false]);
        check("_service", [false, true, false]);
        check("ELECTRICITY_2", [false, false, true]);
        check("Electricity", [true, false, false]);
        check("", [false, false, false]);
        check("é", [false, false, false]);
    }
}
