//! `type-name-case`: type names are PascalCase.

use gqlsmith_model::Location;
use heck::ToUpperCamelCase;
use indexmap::IndexMap;

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
        // Defined types first, then names only referenced (a docs page references enums and
        // scalars it never shows), each at its first use. Only failing names are collected:
        // most pass, and hashing every use would dominate the run.
        let mut uses: Vec<(&str, Option<&Location>)> = Vec::new();
        for ty in schema.types.values().filter(|ty| !has_placeholder_name(ty)) {
            uses.push((&ty.name, ty.provenance.location.as_ref()));
        }
        for ty in schema.types.values() {
            for field in &ty.fields {
                uses.push((field.ty.base_name(), field.provenance.location.as_ref()));
                for argument in &field.arguments {
                    uses.push((
                        argument.ty.base_name(),
                        argument.provenance.location.as_ref(),
                    ));
                }
            }
            for input in &ty.input_fields {
                uses.push((input.ty.base_name(), input.provenance.location.as_ref()));
            }
            for named in ty.members.iter().chain(&ty.interfaces) {
                uses.push((named, ty.provenance.location.as_ref()));
            }
        }
        let mut names: IndexMap<&str, Option<&Location>> = IndexMap::new();
        for (name, location) in uses {
            if !is_pascal_case(name) {
                names.entry(name).or_insert(location);
            }
        }
        for (name, location) in names {
            let placeholder = schema.type_named(name).is_some_and(has_placeholder_name);
            if placeholder
                || is_introspection_name(name)
                || is_pascal_case(name)
                || is_exception(cx.config(), name, name)
            {
                continue;
            }
            cx.report(
                name,
                location,
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
