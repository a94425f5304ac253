//! Back-references of the docs site, collected in one pass over the schema: which fields
//! return a type, which fields, arguments and input fields use it, the unions it belongs to,
//! the types that implement it, and the Relay connections that page it.

use gqlsmith_model::Schema;
use indexmap::IndexMap;

use super::text::concat;

/// A reference from a place in the schema to a type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reference {
    /// The type that holds the place.
    pub(crate) owner: String,
    /// What a reader sees: `Query.user`, `Query.user(login:)`, `UserInput.name`.
    pub(crate) coordinate: String,
    /// The anchor on the owner's page (`field-user`, `argument-user-login`).
    pub(crate) anchor: String,
}

/// A Relay connection: `connection.edges` returns `edge`, whose `node` returns `node`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Connection {
    pub(crate) connection: String,
    pub(crate) edge: String,
    pub(crate) node: String,
}

/// Every back-reference, keyed by the referenced type name.
#[derive(Debug, Default)]
pub(crate) struct References {
    /// Fields of root operation types that return the type.
    pub(crate) returned_by: IndexMap<String, Vec<Reference>>,
    /// Fields of other types that return it, and arguments and input fields that take it.
    pub(crate) used_by: IndexMap<String, Vec<Reference>>,
    pub(crate) member_of: IndexMap<String, Vec<String>>,
    pub(crate) implemented_by: IndexMap<String, Vec<String>>,
    /// Every connection in definition order.
    pub(crate) connections: Vec<Connection>,
}

impl References {
    pub(crate) fn collect(schema: &Schema) -> References {
        let roots = [
            &schema.roots.query,
            &schema.roots.mutation,
            &schema.roots.subscription,
        ];
        let is_root = |name: &str| roots.iter().any(|root| root.as_deref() == Some(name));
        let mut references = References::default();
        for ty in schema.types.values() {
            let owner_is_root = is_root(&ty.name);
            for field in &ty.fields {
                let reference = Reference {
                    owner: ty.name.clone(),
                    coordinate: concat(&[&ty.name, ".", &field.name]),
                    anchor: super::text::anchor("field", &field.name),
                };
                let list = if owner_is_root {
                    &mut references.returned_by
                } else {
                    &mut references.used_by
                };
                list.entry(field.ty.base_name().to_owned())
                    .or_default()
                    .push(reference);
                for argument in &field.arguments {
                    references
                        .used_by
                        .entry(argument.ty.base_name().to_owned())
                        .or_default()
                        .push(Reference {
                            owner: ty.name.clone(),
                            coordinate: concat(&[
                                &ty.name,
                                ".",
                                &field.name,
                                "(",
                                &argument.name,
                                ":)",
                            ]),
                            anchor: argument_anchor(&field.name, &argument.name),
                        });
                }
            }
            for input in &ty.input_fields {
                references
                    .used_by
                    .entry(input.ty.base_name().to_owned())
                    .or_default()
                    .push(Reference {
                        owner: ty.name.clone(),
                        coordinate: concat(&[&ty.name, ".", &input.name]),
                        anchor: super::text::anchor("field", &input.name),
                    });
            }
            for member in &ty.members {
                references
                    .member_of
                    .entry(member.clone())
                    .or_default()
                    .push(ty.name.clone());
            }
            for interface in &ty.interfaces {
                references
                    .implemented_by
                    .entry(interface.clone())
                    .or_default()
                    .push(ty.name.clone());
            }
            if let Some(connection) = connection_of(schema, &ty.name) {
                references.connections.push(connection);
            }
        }
        references
    }

    /// The connections whose node is `name`.
    pub(crate) fn connections_of_node<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Connection> {
        self.connections
            .iter()
            .filter(move |connection| connection.node == name)
    }
}

/// The anchor of an argument's row: `argument-user-login`.
pub(crate) fn argument_anchor(field: &str, argument: &str) -> String {
    super::text::anchor("argument", &concat(&[field, "-", argument]))
}

/// `name` as a Relay connection (see [`gqlsmith_model::relay::connection`]).
fn connection_of(schema: &Schema, name: &str) -> Option<Connection> {
    let found = gqlsmith_model::relay::connection(schema, schema.type_named(name)?)?;
    Some(Connection {
        connection: name.to_owned(),
        edge: found.edge.name.clone(),
        node: found.node.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use gqlsmith_model::{Field, InputValue, Provenance, TypeDef, TypeKind, TypeRef};

    /// `(kind, name, [(field or "field(argument:Type)", type)], [implements or members])`.
    type TypeSpec<'a> = (TypeKind, &'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);

    /// Builds a schema from `(kind, name, [(field, type)], [implements or members])`, with
    /// `Query` as the query root, and prints every back-reference.
    #[track_caller]
    fn check(types: &[TypeSpec<'_>], expect: &str) {
        let mut schema = Schema::default();
        schema.roots.query = Some("Query".into());
        for (kind, name, fields, related) in types {
            let mut ty = TypeDef::new(*name, *kind, Provenance::read_unknown_location());
            for (field, field_ty) in *fields {
                let (field, argument) = field.split_once('(').unwrap_or((field, ""));
                let field_ty = TypeRef::parse(field_ty).unwrap_or_else(|| TypeRef::named("String"));
                if *kind == TypeKind::InputObject {
                    ty.input_fields.push(InputValue::new(
                        field,
                        field_ty,
                        Provenance::read_unknown_location(),
                    ));
                    continue;
                }
                let mut field = Field::new(field, field_ty, Provenance::read_unknown_location());
                if let Some((argument, argument_ty)) =
                    argument.trim_end_matches(')').split_once(':')
                {
                    let argument_ty =
                        TypeRef::parse(argument_ty).unwrap_or_else(|| TypeRef::named("String"));
                    field.arguments.push(InputValue::new(
                        argument,
                        argument_ty,
                        Provenance::read_unknown_location(),
                    ));
                }
                ty.fields.push(field);
            }
            let related = related.iter().map(|name| (*name).to_owned()).collect();
            if *kind == TypeKind::Union {
                ty.members = related;
            } else {
                ty.interfaces = related;
            }
            schema.insert_type(ty);
        }
        let references = References::collect(&schema);
        let show = |map: &IndexMap<String, Vec<Reference>>| {
            map.iter()
                .map(|(name, list)| {
                    let places: Vec<String> = list
                        .iter()
                        .map(|reference| format!("{}#{}", reference.coordinate, reference.anchor))
                        .collect();
                    format!("{name}<-{}", places.join(","))
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let connections: Vec<String> = references
            .connections
            .iter()
            .map(|connection| {
                format!(
                    "{}/{}/{}",
                    connection.connection, connection.edge, connection.node
                )
            })
            .collect();
        let actual = format!(
            "returned: {}\nused: {}\nmember_of: {:?}\nimplemented_by: {:?}\nconnections: {connections:?}",
            show(&references.returned_by),
            show(&references.used_by),
            references.member_of,
            references.implemented_by,
        );
        assert_eq!(actual, expect);
    }

    #[test]
    fn roots_return_and_others_use() {
        check(
            &[
                (TypeKind::Object, "Query", &[("user(login:String!)", "User")], &[]),
                (TypeKind::Object, "User", &[("friend", "User"), ("id", "ID!")], &["Node"]),
                (TypeKind::Interface, "Node", &[("id", "ID!")], &[]),
                (TypeKind::Union, "Result", &[], &["User"]),
                (TypeKind::InputObject, "UserInput", &[("name", "String")], &[]),
            ],
            "returned: User<-Query.user#field-user\n\
             used: String<-Query.user(login:)#argument-user-login,UserInput.name#field-name User<-User.friend#field-friend ID<-User.id#field-id,Node.id#field-id\n\
             member_of: {\"User\": [\"Result\"]}\n\
             implemented_by: {\"Node\": [\"User\"]}\n\
             connections: []",
        );
    }

    #[test]
    fn connections_need_edges_with_nodes() {
        check(
            &[
                (TypeKind::Object, "UserConnection", &[("edges", "[UserEdge]!")], &[]),
                (TypeKind::Object, "UserEdge", &[("node", "User"), ("cursor", "String!")], &[]),
                (TypeKind::Object, "BadConnection", &[("edges", "[String]")], &[]),
                (TypeKind::Object, "Edgeless", &[("edges", "[UserEdge]")], &[]),
            ],
            "returned: \n\
             used: UserEdge<-UserConnection.edges#field-edges,Edgeless.edges#field-edges User<-UserEdge.node#field-node String<-UserEdge.cursor#field-cursor,BadConnection.edges#field-edges\n\
             member_of: {}\n\
             implemented_by: {}\n\
             connections: [\"UserConnection/UserEdge/User\"]",
        );
    }
}
