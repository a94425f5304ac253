//! What every Rust target needs to know about a schema before building its view-model: the
//! kind behind each referenced name (an undefined name is a custom scalar), the Rust name of
//! each type, which fields must be boxed to break cycles, and which scalars are unmapped.

use gqlsmith_model::{Diagnostic, Location, Schema, TypeDef, TypeKind, TypeRef};
use indexmap::{IndexMap, IndexSet};

use super::layout::RustType;
use super::naming::rust_type_name;
use crate::config::Direction;
use crate::diagnostics::CodegenError;
use crate::naming::NameScope;
use crate::Config;

/// Names that generated modules use from the prelude; a GraphQL type converting to one of
/// them gets a number instead, so `Option<T>` always means std's.
pub(crate) const RESERVED_TYPE_NAMES: &[&str] = &[
    "Option", "Some", "None", "Result", "Ok", "Err", "Vec", "String", "Box", "Self",
];

/// std's `Option`, `Vec` and `Box` by their full paths.
pub(crate) const OPTION: &str = "::std::option::Option";
pub(crate) const VEC: &str = "::std::vec::Vec";
pub(crate) const BOX: &str = "::std::boxed::Box";

/// The schema as Rust targets see it.
pub(crate) struct Shape<'schema> {
    pub(crate) schema: &'schema Schema,
    /// Every custom scalar: defined ones and names referenced without a definition, in order
    /// of first appearance, with the location to report them at.
    pub(crate) custom_scalars: IndexMap<String, Option<Location>>,
    /// GraphQL type name -> Rust type name, for every named type and custom scalar.
    pub(crate) rust_names: IndexMap<String, String>,
    /// `(type, field)` pairs whose field type must be boxed: the field points, not through a
    /// list, at a type that can reach back to the owner.
    pub(crate) boxed_fields: IndexSet<(String, String)>,
}

impl<'schema> Shape<'schema> {
    /// Analyses `schema`; with `strict_scalars`, an unmapped custom scalar is an error.
    pub(crate) fn new(
        schema: &'schema Schema,
        config: &Config,
        extra_reserved: &[&str],
    ) -> Result<Shape<'schema>, Vec<Diagnostic>> {
        let mut custom_scalars = IndexMap::new();
        for ty in schema.types.values() {
            if ty.kind == TypeKind::Scalar && !Schema::is_builtin_scalar(&ty.name) {
                custom_scalars
                    .entry(ty.name.clone())
                    .or_insert_with(|| ty.provenance.location.clone());
            }
        }
        for ty in schema.types.values() {
            for (reference, location) in references(ty) {
                if schema.type_named(reference).is_none() && !Schema::is_builtin_scalar(reference) {
                    custom_scalars
                        .entry(reference.to_owned())
                        .or_insert_with(|| location.cloned());
                }
            }
        }
        if config.strict_scalars {
            let unmapped: Vec<Diagnostic> = custom_scalars
                .iter()
                .filter(|(name, _)| !config.scalars.contains_key(name.as_str()))
                .map(|(name, location)| {
                    CodegenError::UnmappedCustomScalar
                        .diagnostic(format!("custom scalar `{name}` has no type in the scalar map"))
                        .at_opt(location.clone())
                        .with_coordinate(name.clone())
                        .with_help(format!(
                            "add `[generate.scalars.{name}]` with `rust = \"...\"` to gqlsmith.toml, or unset `strict_scalars`"
                        ))
                })
                .collect();
            if !unmapped.is_empty() {
                return Err(unmapped);
            }
        }
        let mut reserved: Vec<&str> = RESERVED_TYPE_NAMES.to_vec();
        reserved.extend_from_slice(extra_reserved);
        let mut scope = NameScope::with_reserved(&reserved).numbered_without_separator();
        let mut rust_names = IndexMap::new();
        for name in schema.types.keys().chain(custom_scalars.keys()) {
            if !Schema::is_builtin_scalar(name) && !rust_names.contains_key(name) {
                rust_names.insert(name.clone(), scope.claim(rust_type_name(name)));
            }
        }
        let boxed_fields = boxed_fields(schema);
        Ok(Shape {
            schema,
            custom_scalars,
            rust_names,
            boxed_fields,
        })
    }

    /// The kind behind a referenced name; `None` for built-in scalars.
    pub(crate) fn kind_of(&self, name: &str) -> Option<TypeKind> {
        if Schema::is_builtin_scalar(name) {
            return None;
        }
        Some(
            self.schema
                .type_named(name)
                .map_or(TypeKind::Scalar, |ty| ty.kind),
        )
    }

    /// The Rust name of a GraphQL type (its converted name; never fails for names the schema
    /// defines or references).
    pub(crate) fn rust_name(&self, name: &str) -> String {
        self.rust_names
            .get(name)
            .cloned()
            .unwrap_or_else(|| rust_type_name(name))
    }

    /// The Rust type of a reference: `Option` for nullable, `Vec` for lists, `Box` where
    /// `boxed`, and `named` for the type at the bottom; std's types by their full paths, so
    /// that no generated type can shadow them. Built from the inside out, without recursion.
    pub(crate) fn wrap_type(
        &self,
        ty: &TypeRef,
        boxed: bool,
        named: &dyn Fn(&str) -> RustType,
    ) -> RustType {
        // The wrappers from the outside in: `true` for a list, `false` for nullable.
        let mut wrappers = Vec::new();
        let mut current = ty;
        let mut non_null = false;
        let base = loop {
            match current {
                TypeRef::NonNull(inner) => {
                    non_null = true;
                    current = inner;
                }
                TypeRef::List(item) => {
                    if !non_null {
                        wrappers.push(false);
                    }
                    wrappers.push(true);
                    non_null = false;
                    current = item;
                }
                TypeRef::Named(name) => {
                    if !non_null {
                        wrappers.push(false);
                    }
                    break name;
                }
            }
        };
        let mut rust_type = named(base);
        // Vec already puts its items on the heap: only a value outside lists is boxed.
        if boxed && !wrappers.contains(&true) {
            rust_type = RustType::generic(BOX, rust_type);
        }
        for list in wrappers.into_iter().rev() {
            rust_type = RustType::generic(if list { VEC } else { OPTION }, rust_type);
        }
        rust_type
    }

    /// The mapped Rust type of a custom scalar in `direction`, if the config maps it.
    pub(crate) fn mapped_scalar<'config>(
        &self,
        config: &'config Config,
        name: &str,
        direction: Direction,
    ) -> Option<&'config str> {
        config
            .scalars
            .get(name)
            .and_then(|mapping| mapping.rust_type(direction))
    }

    /// Objects (and, for `include_interfaces`, interfaces) that declare `interface` among
    /// their interfaces, in definition order.
    pub(crate) fn implementors(
        &self,
        interface: &str,
        include_interfaces: bool,
    ) -> Vec<&'schema TypeDef> {
        self.schema
            .types
            .values()
            .filter(|ty| {
                ty.kind == TypeKind::Object
                    || (include_interfaces && ty.kind == TypeKind::Interface)
            })
            .filter(|ty| ty.name != interface && ty.interfaces.iter().any(|name| name == interface))
            .collect()
    }

    /// The members of a union that are defined object types.
    pub(crate) fn union_members(&self, union: &TypeDef) -> Vec<&'schema TypeDef> {
        union
            .members
            .iter()
            .filter_map(|name| self.schema.type_named(name))
            .filter(|ty| ty.kind == TypeKind::Object)
            .collect()
    }
}

/// Every type name `ty` references, with where.
fn references(ty: &TypeDef) -> Vec<(&str, Option<&Location>)> {
    let mut names = Vec::new();
    for field in &ty.fields {
        names.push((field.ty.base_name(), field.provenance.location.as_ref()));
        for argument in &field.arguments {
            names.push((
                argument.ty.base_name(),
                argument.provenance.location.as_ref(),
            ));
        }
    }
    for input in &ty.input_fields {
        names.push((input.ty.base_name(), input.provenance.location.as_ref()));
    }
    names
}

/// The fields to box: composite-typed fields, not behind a list, whose owner and target sit
/// in one strongly connected component of the "contains by value" graph (Tarjan's algorithm,
/// iterative so that deep schemas cannot overflow the stack).
fn boxed_fields(schema: &Schema) -> IndexSet<(String, String)> {
    let is_composite = |name: &str| {
        schema.type_named(name).is_some_and(|ty| {
            matches!(
                ty.kind,
                TypeKind::Object | TypeKind::Interface | TypeKind::Union | TypeKind::InputObject
            )
        })
    };
    let index_of = |name: &str| schema.types.get_index_of(name);
    // Edges: struct -> field type (not through a list); union/interface -> members.
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); schema.types.len()];
    for (from, ty) in schema.types.values().enumerate() {
        let value_fields = ty
            .fields
            .iter()
            .map(|field| &field.ty)
            .chain(ty.input_fields.iter().map(|field| &field.ty))
            .filter(|field_ty| !field_ty.is_list() && is_composite(field_ty.base_name()));
        for field_ty in value_fields {
            edges[from].extend(index_of(field_ty.base_name()));
        }
        for member in &ty.members {
            edges[from].extend(index_of(member));
        }
        if ty.kind == TypeKind::Interface {
            for (to, other) in schema.types.values().enumerate() {
                if other.interfaces.contains(&ty.name) {
                    edges[from].push(to);
                }
            }
        }
    }
    let component = strongly_connected_components(&edges);
    let mut boxed = IndexSet::new();
    for (from, ty) in schema.types.values().enumerate() {
        let fields = ty
            .fields
            .iter()
            .map(|field| (&field.name, &field.ty))
            .chain(ty.input_fields.iter().map(|field| (&field.name, &field.ty)));
        for (field_name, field_ty) in fields {
            if field_ty.is_list() {
                continue;
            }
            if let Some(to) = index_of(field_ty.base_name()) {
                if is_composite(field_ty.base_name()) && component[from] == component[to] {
                    boxed.insert((ty.name.clone(), field_name.clone()));
                }
            }
        }
    }
    boxed
}

/// The component number of each node (Tarjan). Nodes on a cycle share a number; a node with
/// a self-edge shares it with itself, which is what boxing needs.
fn strongly_connected_components(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNVISITED: usize = usize::MAX;
    let count = edges.len();
    let mut index = vec![UNVISITED; count];
    let mut low = vec![0; count];
    let mut on_stack = vec![false; count];
    let mut stack = Vec::new();
    let mut component = vec![UNVISITED; count];
    let mut next_index = 0;
    let mut next_component = 0;
    for root in 0..count {
        if index[root] != UNVISITED {
            continue;
        }
        // (node, position of the next edge to follow)
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (node, ref mut edge)) = work.last_mut() {
            if *edge == 0 && index[node] == UNVISITED {
                index[node] = next_index;
                low[node] = next_index;
                next_index += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&next) = edges[node].get(*edge) {
                *edge += 1;
                if index[next] == UNVISITED {
                    work.push((next, 0));
                } else if on_stack[next] {
                    low[node] = low[node].min(index[next]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::*;
    use gqlsmith_model::{Field, Provenance};

    fn object(name: &str, fields: &[(&str, &str)]) -> TypeDef {
        let mut ty = TypeDef::new(name, TypeKind::Object, Provenance::read_unknown_location());
        for (field, field_ty) in fields {
            let field_ty = TypeRef::parse(field_ty).unwrap_or_else(|| TypeRef::named("String"));
            ty.fields.push(Field::new(
                *field,
                field_ty,
                Provenance::read_unknown_location(),
            ));
        }
        ty
    }

    /// Builds a schema of objects `(name, [(field, type)])` and lists the boxed fields and the
    /// custom scalars.
    #[track_caller]
    fn check(types: &[(&str, &[(&str, &str)])], expect: &str) {
        let mut schema = Schema::default();
        for (name, fields) in types {
            schema.insert_type(object(name, fields));
        }
        let shape = match Shape::new(&schema, &Config::default(), &[]) {
            Ok(shape) => shape,
            Err(diagnostics) => panic!("{diagnostics:?}"),
        };
        let boxed: Vec<String> = shape
            .boxed_fields
            .iter()
            .map(|(ty, field)| format!("{ty}.{field}"))
            .collect();
        let scalars: Vec<&String> = shape.custom_scalars.keys().collect();
        assert_eq!(format!("boxed={boxed:?} scalars={scalars:?}"), expect);
    }

    #[test]
    fn boxes_exactly_the_fields_on_cycles() {
        check(
            &[("A", &[("b", "B")]), ("B", &[("c", "String")])],
            "boxed=[] scalars=[]",
        );
        check(
            &[("A", &[("parent", "A")])],
            r#"boxed=["A.parent"] scalars=[]"#,
        );
        check(&[("A", &[("children", "[A!]!")])], "boxed=[] scalars=[]");
        check(
            &[
                ("A", &[("b", "B!")]),
                ("B", &[("a", "A")]),
                ("C", &[("a", "A")]),
            ],
            r#"boxed=["A.b", "B.a"] scalars=[]"#,
        );
    }

    #[test]
    fn undefined_names_are_custom_scalars() {
        check(
            &[("A", &[("at", "DateTime!"), ("n", "Int"), ("s", "[Status]")])],
            r#"boxed=[] scalars=["DateTime", "Status"]"#,
        );
    }

    #[test]
    fn strict_scalars_report_each_unmapped_scalar() {
        let mut schema = Schema::default();
        schema.insert_type(object("A", &[("at", "DateTime!"), ("url", "URL")]));
        let mut config: Config = Config {
            strict_scalars: true,
            ..Config::default()
        };
        config.scalars.insert(
            "URL".into(),
            crate::config::ScalarMapping {
                rust: Some("String".into()),
                ..Default::default()
            },
        );
        let diagnostics = Shape::new(&schema, &config, &[]).err().unwrap_or_default();
        let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            ["error[G703]: custom scalar `DateTime` has no type in the scalar map"]
        );
    }

    #[test]
    fn type_names_never_shadow_the_prelude() {
        let mut schema = Schema::default();
        schema.insert_type(object("Result", &[]));
        schema.insert_type(object("API", &[]));
        schema.insert_type(object("Api", &[]));
        let shape = Shape::new(&schema, &Config::default(), &[]).ok().unwrap();
        assert_eq!(
            shape.rust_names.values().collect::<Vec<_>>(),
            ["Result2", "Api", "Api2"]
        );
    }
}
