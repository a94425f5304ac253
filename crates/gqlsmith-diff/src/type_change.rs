//! Which changes of a type reference keep existing clients working.
//! Output positions may only become more specific (covariant); input positions may only
//! accept more (contravariant). See <https://spec.graphql.org/October2021/#sec-Validation>.

use gqlsmith_model::TypeRef;

/// True when a field of type `old` may now return `new` without any client noticing:
/// the same named type, with non-null added at any level (`String` -> `String!`,
/// `[Int]` -> `[Int!]!`).
pub(crate) fn safe_for_output(old: &TypeRef, new: &TypeRef) -> bool {
    match (old, new) {
        (TypeRef::Named(old), TypeRef::Named(new)) => old == new,
        (_, TypeRef::NonNull(new_inner)) => safe_for_output(old.nullable(), new_inner),
        (TypeRef::List(old_inner), TypeRef::List(new_inner)) => {
            safe_for_output(old_inner, new_inner)
        }
        _ => false,
    }
}

/// True when every value accepted as `old` is still accepted as `new`: the same named type,
/// with non-null dropped at any level (`ID!` -> `ID`, `[ID!]!` -> `[ID]`).
pub(crate) fn safe_for_input(old: &TypeRef, new: &TypeRef) -> bool {
    match (old, new) {
        (TypeRef::Named(old), TypeRef::Named(new)) => old == new,
        (TypeRef::List(old_inner), TypeRef::List(new_inner)) => {
            safe_for_input(old_inner, new_inner)
        }
        (TypeRef::NonNull(old_inner), _) => safe_for_input(old_inner, new.nullable()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use gqlsmith_model::TypeRef;

    use super::{safe_for_input, safe_for_output};

    #[track_caller]
    fn check(old: &str, new: &str, expect_output_safe: bool, expect_input_safe: bool) {
        let (old, new) = (TypeRef::parse(old).unwrap(), TypeRef::parse(new).unwrap());
        assert_eq!(
            safe_for_output(&old, &new),
            expect_output_safe,
            "output {old} -> {new}"
        );
        assert_eq!(
            safe_for_input(&old, &new),
            expect_input_safe,
            "input {old} -> {new}"
        );
    }

    #[test]
    fn outputs_may_tighten_and_inputs_may_loosen() {
        check("String", "String", true, true);
        check("String", "String!", true, false);
        check("String!", "String", false, true);
        check("[Int]", "[Int!]!", true, false);
        check("[Int!]!", "[Int]", false, true);
        check("[Int]", "Int", false, false);
        check("Int", "[Int]", false, false);
        check("String", "ID", false, false);
        check("[_Any]", "[_Any!]!", true, false);
        check("[String!]", "[String!]!", true, false);
        check("[[A]]", "[[A!]]", true, false);
    }
}
