//! A reference to a type, with list and non-null wrappers: `[Foo!]!`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A GraphQL type reference. Serialized as its SDL string (`[Foo!]!`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TypeRef {
    Named(String),
    List(Box<TypeRef>),
    NonNull(Box<TypeRef>),
}

impl TypeRef {
    /// How many list wrappers gqlsmith accepts around a named type. Real schemas nest two or
    /// three; the limit bounds every recursion over a type (parsing, printing, emitting,
    /// dropping), so a hostile input cannot overflow the stack.
    pub const MAX_LIST_DEPTH: usize = 32;

    pub fn named(name: impl Into<String>) -> TypeRef {
        TypeRef::Named(name.into())
    }

    /// Parses SDL type syntax (`Foo`, `[Foo]`, `[Foo!]!`). Surrounding white space is allowed,
    /// nothing else: returns `None` for anything that is not exactly one type reference.
    pub fn parse(text: &str) -> Option<TypeRef> {
        // Checked once up front, so the recursion below is bounded.
        if text.bytes().filter(|&byte| byte == b'[').count() > TypeRef::MAX_LIST_DEPTH {
            return None;
        }
        TypeRef::parse_bounded(text)
    }

    fn parse_bounded(text: &str) -> Option<TypeRef> {
        let text = text.trim();
        let (inner, non_null) = match text.strip_suffix('!') {
            Some(rest) => (rest.trim_end(), true),
            None => (text, false),
        };
        let base = if let Some(list) = inner.strip_prefix('[') {
            TypeRef::List(Box::new(TypeRef::parse_bounded(list.strip_suffix(']')?)?))
        } else if is_graphql_name(inner) {
            TypeRef::Named(inner.to_owned())
        } else {
            return None;
        };
        Some(if non_null {
            TypeRef::NonNull(Box::new(base))
        } else {
            base
        })
    }

    /// The named type at the bottom of all wrappers.
    pub fn base_name(&self) -> &str {
        let mut ty = self;
        loop {
            match ty {
                TypeRef::Named(name) => return name,
                TypeRef::List(inner) | TypeRef::NonNull(inner) => ty = inner,
            }
        }
    }

    /// How many list wrappers the type has (`[[Int!]]!` has 2), counted without recursion.
    pub fn list_depth(&self) -> usize {
        let mut ty = self;
        let mut depth = 0;
        loop {
            match ty {
                TypeRef::Named(_) => return depth,
                TypeRef::List(inner) => {
                    depth += 1;
                    ty = inner;
                }
                TypeRef::NonNull(inner) => ty = inner,
            }
        }
    }

    /// Mutable access to the named type at the bottom (used when a name is recovered).
    pub fn base_name_mut(&mut self) -> &mut String {
        let mut ty = self;
        loop {
            match ty {
                TypeRef::Named(name) => return name,
                TypeRef::List(inner) | TypeRef::NonNull(inner) => ty = inner,
            }
        }
    }

    pub fn is_non_null(&self) -> bool {
        matches!(self, TypeRef::NonNull(_))
    }

    /// True when the outermost non-null-stripped wrapper is a list.
    pub fn is_list(&self) -> bool {
        match self {
            TypeRef::List(_) => true,
            TypeRef::NonNull(inner) => inner.is_list(),
            TypeRef::Named(_) => false,
        }
    }

    /// The type without its outer non-null wrapper.
    pub fn nullable(&self) -> &TypeRef {
        match self {
            TypeRef::NonNull(inner) => inner,
            other => other,
        }
    }
}

/// True for a valid GraphQL name: `/[_A-Za-z][_0-9A-Za-z]*/`.
pub(crate) fn is_graphql_name(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

impl fmt::Display for TypeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeRef::Named(name) => f.write_str(name),
            TypeRef::List(inner) => write!(f, "[{inner}]"),
            TypeRef::NonNull(inner) => write!(f, "{inner}!"),
        }
    }
}

impl Serialize for TypeRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TypeRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        TypeRef::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a type reference: {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::TypeRef;

    #[track_caller]
    fn check(input: &str, expect: Option<&str>) {
        assert_eq!(
            TypeRef::parse(input).map(|t| t.to_string()).as_deref(),
            expect
        );
    }

    #[test]
    fn parses_sdl_type_syntax() {
        check("Foo", Some("Foo"));
        check("[Foo!]!", Some("[Foo!]!"));
        check(" [[Int]!] ", Some("[[Int]!]"));
        check("[Foo", None);
        check("Foo!!", None);
        check("", None);
        check("Foo Bar", None);
        check("9Lives", None);
    }

    #[test]
    fn knows_its_shape() {
        let ty = TypeRef::parse("[Foo!]!").unwrap();
        assert_eq!(ty.base_name(), "Foo");
        assert!(ty.is_non_null());
        assert!(ty.is_list());
        assert_eq!(ty.nullable().to_string(), "[Foo!]");
    }
}
