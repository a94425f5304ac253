//! Compares GraphQL value literals by meaning, not spelling: `[A,B]` and `[A, B]`, `"a"` and
//! `"""a"""`, `1` and `1.0`, `{a: 1, b: 2}` and `{b: 2, a: 1}` are the same default value.
//! SDL and introspection print defaults differently, and a diff across formats must not see
//! a change there.

use std::collections::BTreeMap;

/// True when two literals denote the same value. Literals that do not parse are compared as
/// trimmed text, so a malformed default still diffs deterministically.
pub(crate) fn same_value(old: &str, new: &str) -> bool {
    match (parse(old), parse(new)) {
        (Some(old), Some(new)) => old == new,
        _ => old.trim() == new.trim(),
    }
}

/// The value a string literal denotes, for `reason: "..."` arguments written either way.
pub(crate) fn string_value(literal: &str) -> Option<String> {
    match parse(literal)? {
        Value::String(text) => Some(text),
        _ => None,
    }
}

/// Quotes `text` as a GraphQL string literal.
pub(crate) fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            c if (c as u32) < 0x20 => quoted.push_str(&format!("\\u{:04X}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[derive(Debug, Clone)]
enum Value {
    Null,
    Number(f64),
    String(String),
    Boolean(bool),
    Enum(String),
    List(Vec<Value>),
    Object(BTreeMap<String, Value>),
}

/// Numbers compare by value (`1 == 1.0`, as coercion to `Float` makes them); the rest
/// structurally.
impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Number(a), Value::Number(b)) => a == b,
            (Value::String(a), Value::String(b)) | (Value::Enum(a), Value::Enum(b)) => a == b,
            (Value::Boolean(a), Value::Boolean(b)) => a == b,
            (Value::List(a), Value::List(b)) => a == b,
            (Value::Object(a), Value::Object(b)) => a == b,
            _ => false,
        }
    }
}

fn parse(text: &str) -> Option<Value> {
    let mut parser = Parser {
        chars: text.chars().collect(),
        at: 0,
    };
    let value = parser.value()?;
    parser.skip_ignored();
    (parser.at == parser.chars.len()).then_some(value)
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn starts_with(&self, text: &str) -> bool {
        text.chars()
            .enumerate()
            .all(|(offset, c)| self.chars.get(self.at + offset) == Some(&c))
    }

    /// White space, commas and comments are insignificant in GraphQL.
    fn skip_ignored(&mut self) {
        while let Some(c) = self.peek() {
            if c == '#' {
                while self.peek().is_some_and(|c| c != '\n') {
                    self.at += 1;
                }
            } else if c.is_whitespace() || c == ',' || c == '\u{feff}' {
                self.at += 1;
            } else {
                break;
            }
        }
    }

    fn value(&mut self) -> Option<Value> {
        self.skip_ignored();
        match self.peek()? {
            '[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ignored();
                    if self.peek()? == ']' {
                        self.at += 1;
                        return Some(Value::List(items));
                    }
                    items.push(self.value()?);
                }
            }
            '{' => {
                self.at += 1;
                let mut fields = BTreeMap::new();
                loop {
                    self.skip_ignored();
                    if self.peek()? == '}' {
                        self.at += 1;
                        return Some(Value::Object(fields));
                    }
                    let name = self.name()?;
                    self.skip_ignored();
                    if self.peek()? != ':' {
                        return None;
                    }
                    self.at += 1;
                    let value = self.value()?;
                    fields.insert(name, value);
                }
            }
            '"' if self.starts_with("\"\"\"") => self.block_string(),
            '"' => self.string(),
            '-' | '0'..='9' => self.number(),
            c if c == '_' || c.is_ascii_alphabetic() => {
                let name = self.name()?;
                Some(match name.as_str() {
                    "null" => Value::Null,
                    "true" => Value::Boolean(true),
                    "false" => Value::Boolean(false),
                    _ => Value::Enum(name),
                })
            }
            _ => None,
        }
    }

    fn name(&mut self) -> Option<String> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c == '_' || c.is_ascii_alphanumeric())
        {
            self.at += 1;
        }
        (self.at > start).then(|| self.chars[start..self.at].iter().collect())
    }

    fn number(&mut self) -> Option<Value> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'))
        {
            self.at += 1;
        }
        let text: String = self.chars[start..self.at].iter().collect();
        text.parse::<f64>().ok().map(Value::Number)
    }

    fn string(&mut self) -> Option<Value> {
        self.at += 1;
        let mut text = String::new();
        loop {
            let c = self.peek()?;
            self.at += 1;
            match c {
                '"' => return Some(Value::String(text)),
                '\n' | '\r' => return None,
                '\\' => {
                    let escaped = self.peek()?;
                    self.at += 1;
                    match escaped {
                        '"' => text.push('"'),
                        '\\' => text.push('\\'),
                        '/' => text.push('/'),
                        'b' => text.push('\u{8}'),
                        'f' => text.push('\u{c}'),
                        'n' => text.push('\n'),
                        'r' => text.push('\r'),
                        't' => text.push('\t'),
                        'u' => {
                            let hex: String =
                                self.chars.get(self.at..self.at + 4)?.iter().collect();
                            self.at += 4;
                            text.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                        }
                        _ => return None,
                    }
                }
                c => text.push(c),
            }
        }
    }

    /// A block string, with the spec's common-indentation removal
    /// (<https://spec.graphql.org/October2021/#BlockStringValue()>).
    fn block_string(&mut self) -> Option<Value> {
        self.at += 3;
        let mut raw = String::new();
        loop {
            if self.starts_with("\\\"\"\"") {
                raw.push_str("\"\"\"");
                self.at += 4;
            } else if self.starts_with("\"\"\"") {
                self.at += 3;
                return Some(Value::String(block_string_value(&raw)));
            } else {
                raw.push(self.peek()?);
                self.at += 1;
            }
        }
    }
}

fn block_string_value(raw: &str) -> String {
    let lines: Vec<&str> = raw
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .collect();
    let indent = lines
        .iter()
        .skip(1)
        .filter_map(|line| {
            let trimmed = line.trim_start_matches([' ', '\t']);
            (!trimmed.is_empty()).then(|| line.len() - trimmed.len())
        })
        .min()
        .unwrap_or(0);
    let mut lines: Vec<&str> = lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            if index == 0 {
                line
            } else {
                line.get(indent..).unwrap_or("")
            }
        })
        .collect();
    while lines
        .first()
        .is_some_and(|line| line.trim_matches([' ', '\t']).is_empty())
    {
        lines.remove(0);
    }
    while lines
        .last()
        .is_some_and(|line| line.trim_matches([' ', '\t']).is_empty())
    {
        lines.pop();
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::{quote, same_value, string_value};

    #[track_caller]
    fn check(old: &str, new: &str, expect_same: bool) {
        assert_eq!(same_value(old, new), expect_same, "{old} vs {new}");
    }

    #[test]
    fn compares_by_meaning() {
        check("[RED,BLUE]", "[RED, BLUE]", true);
        check("[RED, BLUE]", "[BLUE, RED]", false);
        check("10", "10", true);
        check("1", "1.0", true);
        check("1", "2", false);
        check("\"a\"", "\"\"\"a\"\"\"", true);
        check("\"a\\nb\"", "\"\"\"\n  a\n  b\n\"\"\"", true);
        check("{a: 1, b: [true]}", "{ b: [true] a: 1 }", true);
        check("{a: 1}", "{a: 1, b: 2}", false);
        check("null", "null", true);
        check("null", "\"null\"", false);
        check("ASC", "\"ASC\"", false);
        check("\"\\u00e9\"", "\"é\"", true);
        check("[", "[", true);
        check("[", "[ ", true);
        check("{a 1}", "{a: 1}", false);
    }

    #[test]
    fn quotes_and_unquotes_strings() {
        for text in ["plain", "with \"quotes\" and \\", "line\nbreak", ""] {
            assert_eq!(string_value(&quote(text)).as_deref(), Some(text));
        }
        assert_eq!(string_value("ENUM"), None);
    }
}
