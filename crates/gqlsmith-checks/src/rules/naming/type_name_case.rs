//! `type-name-case`: type names are PascalCase.

use heck::ToUpperCamelCase;

use crate::context::{is_introspection_name, width, Context};
use crate::registry::declare_rule;
use crate::rules::has_placeholder_name;
use crate::rules::naming::{is_exception, is_pascal_case};

declare_rule! {
    /// ## What it does
    /// Checks that type names are PascalCase: an upper-case letter, then letters and digits.
    ///
    /// ## Why is this bad?
    /// Every generator maps GraphQL type names to class or struct names; a `snake_case` or
    /// trailing-underscore name comes out as an odd identifier in every client language, and
    /// the inconsistency tells readers the type escaped review.
    ///
    /// ## Example
    /// ```graphql
    /// enum query_type { QUERY MUTATION }
    /// type QuoteType_ { id: ID! }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// enum QueryType { QUERY MUTATION }
    /// type QuoteType { id: ID! }
    /// ```
    ///
    /// ## Options
    /// `[check.naming] exceptions`: names (or coordinates) to accept as they are, such as
    /// `["query_type", "QuoteType_"]`. Acronyms (`APIBrownout`) are accepted. Types the
    /// input only references (classified by recovery) are checked too; placeholder names of
    /// types a docs page lost are not.
    ///
    /// ## References
    /// - [GraphQL spec: Names](https://spec.graphql.org/October2021/#sec-Names)
    pub(crate) struct TypeNameCase {
        code: "NM001",
        name: "type-name-case",
        severity: Warning,
        family: Naming,
        profile: None,
    }
}

impl TypeNameCase {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        for ty in schema.types.values() {
            let name = &ty.name;
            if is_introspection_name(name)
                || has_placeholder_name(ty)
                || is_pascal_case(name)
                || is_exception(cx.config(), name, name)
            {
                continue;
            }
            cx.report(
                name.clone(),
                ty.provenance.location.as_ref(),
                width(name),
                format!("type name `{name}` is not PascalCase"),
                format!(
                    "rename it `{}`, or add `{name}` to `[check.naming] exceptions` in gqlsmith.toml",
                    name.to_upper_camel_case()
                ),
            );
        }
    }
}
