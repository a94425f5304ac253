//! The naming scope every target uses: collision-free names in one namespace. The naming
//! filters of each language are its own (`rust/naming.rs`, `typescript/naming.rs`).

use indexmap::IndexSet;

/// The names taken in one Rust namespace (the types of a module, the fields of a struct).
/// `claim` hands out each name once, adding `_2`, `_3`... on a collision, so that two
/// GraphQL names that convert to the same Rust name (`fooBar`, `foo_bar`) stay distinct.
#[derive(Debug, Clone)]
pub(crate) struct NameScope {
    taken: IndexSet<String>,
    /// Between a name and its number: `_` for snake_case names, nothing for CamelCase ones.
    separator: &'static str,
}

impl Default for NameScope {
    fn default() -> NameScope {
        NameScope {
            taken: IndexSet::new(),
            separator: "_",
        }
    }
}

impl NameScope {
    /// A scope in which `reserved` are already taken (prelude types, generated helpers).
    pub(crate) fn with_reserved(reserved: &[&str]) -> NameScope {
        NameScope {
            taken: reserved.iter().map(|name| (*name).to_owned()).collect(),
            separator: "_",
        }
    }

    /// Numbered names without `_` (`Unknown2`), as Rust type and variant names want.
    pub(crate) fn numbered_without_separator(mut self) -> NameScope {
        self.separator = "";
        self
    }

    /// Takes `candidate`, or the first free `candidate_N`, and returns what was taken.
    pub(crate) fn claim(&mut self, candidate: String) -> String {
        let bare = candidate
            .strip_prefix("r#")
            .unwrap_or(&candidate)
            .to_owned();
        if self.taken.insert(bare.clone()) {
            return candidate;
        }
        // `self_` numbered is `self_2`, not `self__2` (rustc's `non_snake_case` lint warns on
        // a double underscore).
        // For CamelCase names, `Self_` numbered is `Self2` (`non_camel_case_types` warns on an
        // underscore before a digit).
        let separator = if bare.ends_with(self.separator) {
            ""
        } else {
            self.separator
        };
        let trimmed = bare.trim_end_matches('_');
        let bare = if self.separator.is_empty() && !trimmed.is_empty() {
            trimmed.to_owned()
        } else {
            bare
        };
        let mut suffix = 2u32;
        loop {
            let numbered = format!("{bare}{separator}{suffix}");
            if self.taken.insert(numbered.clone()) {
                return numbered;
            }
            suffix += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_hand_out_each_name_once() {
        let mut scope = NameScope::with_reserved(&["Option"]);
        let claimed: Vec<String> = ["foo_bar", "foo_bar", "r#type", "type", "Option", "foo_bar"]
            .into_iter()
            .map(|name| scope.claim(name.to_owned()))
            .collect();
        assert_eq!(
            claimed,
            [
                "foo_bar",
                "foo_bar_2",
                "r#type",
                "type_2",
                "Option_2",
                "foo_bar_3"
            ]
        );
    }
}
