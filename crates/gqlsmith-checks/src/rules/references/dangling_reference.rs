//! `dangling-reference`: a type used but defined nowhere.

use gqlsmith_model::{Location, Schema};

use crate::context::{width, Context};
use crate::registry::declare_rule;
use crate::rules::defined_types;

declare_rule! {
    /// ## What it does
    /// Checks that every type a field, argument, union or interface list names is defined or classified.
    ///
    /// ## Why is this bad?
    /// A reference to a type the schema does not have makes the schema invalid: servers
    /// refuse to start and clients cannot be generated. On a docs page it means the page
    /// never shows the type and recovery could not tell what kind it is, so emitters would
    /// have to guess.
    ///
    /// ## Example
    /// ```graphql
    /// type Ship {
    ///   captain: Captain
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// type Ship {
    ///   captain: Captain
    /// }
    /// type Captain {
    ///   name: String!
    /// }
    /// ```
    ///
    /// ## Options
    /// None. The built-in scalars (`String`, `Int`, `Float`, `Boolean`, `ID`) are always
    /// defined. On docs input, give a classification in an overlay file to settle the name.
    ///
    /// ## References
    /// - [GraphQL spec: Types](https://spec.graphql.org/October2021/#sec-Types)
    pub(crate) struct DanglingReference {
        code: "RF001",
        name: "dangling-reference",
        severity: Error,
        family: References,
        profile: None,
    }
}

impl DanglingReference {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        // Only failing uses get a coordinate: formatting one per use would dominate the run.
        let mut dangling: Vec<(String, &str, Option<&Location>, &str)> = Vec::new();
        let missing = |name: &str| !is_defined(schema, name);
        for ty in defined_types(schema) {
            for field in &ty.fields {
                for argument in field
                    .arguments
                    .iter()
                    .filter(|argument| missing(argument.ty.base_name()))
                {
                    dangling.push((
                        format!("{}.{}.{}", ty.name, field.name, argument.name),
                        argument.ty.base_name(),
                        argument.provenance.location.as_ref(),
                        &argument.name,
                    ));
                }
                if missing(field.ty.base_name()) {
                    dangling.push((
                        format!("{}.{}", ty.name, field.name),
                        field.ty.base_name(),
                        field.provenance.location.as_ref(),
                        &field.name,
                    ));
                }
            }
            for input in ty
                .input_fields
                .iter()
                .filter(|input| missing(input.ty.base_name()))
            {
                dangling.push((
                    format!("{}.{}", ty.name, input.name),
                    input.ty.base_name(),
                    input.provenance.location.as_ref(),
                    &input.name,
                ));
            }
            for named in ty
                .members
                .iter()
                .chain(&ty.interfaces)
                .filter(|named| missing(named))
            {
                dangling.push((
                    ty.name.clone(),
                    named,
                    ty.provenance.location.as_ref(),
                    &ty.name,
                ));
            }
        }
        for directive in schema.directives.values() {
            for argument in directive
                .arguments
                .iter()
                .filter(|argument| missing(argument.ty.base_name()))
            {
                dangling.push((
                    format!("@{}.{}", directive.name, argument.name),
                    argument.ty.base_name(),
                    argument.provenance.location.as_ref(),
                    &argument.name,
                ));
            }
        }
        for (coordinate, target, location, name) in dangling {
            cx.report(
                coordinate.clone(),
                location,
                width(name),
                format!("`{coordinate}` uses type `{target}`, which is not defined"),
                format!(
                    "define `{target}`, fix the name if it is a typo, or classify it in an overlay"
                ),
            );
        }
    }
}

fn is_defined(schema: &Schema, name: &str) -> bool {
    Schema::is_builtin_scalar(name) || schema.types.contains_key(name)
}
