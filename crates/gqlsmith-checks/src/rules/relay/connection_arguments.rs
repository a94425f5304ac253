//! `connection-arguments`: fields that return a connection take the paging arguments.

use crate::context::{connection_type, is_string_like, width, Context};
use crate::registry::{declare_rule, Profile};
use crate::rules::defined_types;

declare_rule! {
    /// ## What it does
    /// Checks that a field returning a connection takes `first` and `after`, `last` and `before`, or all four.
    ///
    /// ## Why is this bad?
    /// Without the paging arguments a client can read only the first page the server chooses
    /// to return: the cursors in `pageInfo` have nowhere to go. `first`/`last` must be `Int`
    /// and `after`/`before` must take the cursor type.
    ///
    /// ## Example
    /// ```graphql
    /// type Fleet {
    ///   ships(after: String): ShipConnection!
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```graphql
    /// type Fleet {
    ///   ships(first: Int, after: String, last: Int, before: String): ShipConnection!
    /// }
    /// ```
    ///
    /// ## Options
    /// None. Part of the `relay` profile, which is on by default. Skipped where the input
    /// does not give argument names (a docs page lists argument descriptions only).
    ///
    /// ## References
    /// - [Relay Cursor Connections: Arguments](https://relay.dev/graphql/connections.htm#sec-Arguments)
    pub(crate) struct ConnectionArguments {
        code: "RL004",
        name: "connection-arguments",
        severity: Error,
        family: Relay,
        profile: Some(Profile::Relay),
    }
}

impl ConnectionArguments {
    fn check(cx: &mut Context<'_>) {
        let schema = cx.schema;
        for ty in defined_types(schema).filter(|ty| ty.kind.has_fields()) {
            for field in &ty.fields {
                let Some(connection) = connection_type(schema, &field.ty) else {
                    continue;
                };
                if !field.unnamed_arguments.is_empty()
                    || !crate::context::arguments_known(schema, field)
                {
                    continue;
                }
                let coordinate = format!("{}.{}", ty.name, field.name);
                let location = field.provenance.location.as_ref();
                let forward =
                    field.argument("first").is_some() && field.argument("after").is_some();
                let backward =
                    field.argument("last").is_some() && field.argument("before").is_some();
                if !forward && !backward {
                    cx.report(
                        coordinate.clone(),
                        location,
                        width(&field.name),
                        format!(
                            "`{coordinate}` returns connection `{}` but takes neither `first` and `after` nor `last` and `before`",
                            connection.name
                        ),
                        "add `first: Int, after: String` for forward paging, `last: Int, before: String` for backward paging, or both",
                    );
                }
                for argument in &field.arguments {
                    let wrong = match argument.name.as_str() {
                        "first" | "last" => argument.ty.nullable().to_string() != "Int",
                        "after" | "before" => !is_string_like(schema, &argument.ty),
                        _ => false,
                    };
                    if wrong {
                        let expected = if matches!(argument.name.as_str(), "first" | "last") {
                            "Int"
                        } else {
                            "a cursor (string-like) type"
                        };
                        cx.report(
                            format!("{coordinate}.{}", argument.name),
                            argument.provenance.location.as_ref(),
                            width(&argument.name),
                            format!(
                                "paging argument `{coordinate}.{}` must be {expected}, not `{}`",
                                argument.name, argument.ty
                            ),
                            format!("give `{}` the type the Relay spec expects", argument.name),
                        );
                    }
                }
            }
        }
    }
}
