//! The types the operations share, in the `types` module: the enums and input types they
//! reach (through the fields they select and their variables), each operation's `Variables`,
//! and the Rust type of every leaf (scalars through the scalar map).

use gqlsmith_model::{Operation, Selection, TypeDef, TypeKind, TypeRef};
use indexmap::IndexSet;

use super::model::{EnumValueView, EnumView, FieldView, InputView};
use super::Builder;
use crate::config::Direction;
use crate::naming::NameScope;
use crate::rust::client::{deprecation_note, serde_rename};
use crate::rust::naming::{rust_field_name, rust_variant_name};

/// `base` followed by those of `extra` it does not already hold (by last path segment, so
/// `Serialize` and `serde::Serialize` are one derive).
pub(super) fn derive_list(base: &[&str], extra: &[&str]) -> String {
    let last = |derive: &str| derive.rsplit("::").next().unwrap_or(derive).to_owned();
    let mut list: Vec<&str> = base.to_vec();
    for derive in extra {
        if !list.iter().any(|taken| last(taken) == last(derive)) {
            list.push(derive);
        }
    }
    list.join(", ")
}

impl Builder<'_> {
    /// The enums and input types the operations and fragments reach: through the fields they
    /// select and through their variables (and the input types those use), each sorted by name.
    pub(super) fn shared_types_used(
        &self,
        operations: &[&Operation],
    ) -> (Vec<String>, Vec<String>) {
        let mut enums: IndexSet<String> = IndexSet::new();
        let mut inputs: IndexSet<String> = IndexSet::new();
        let mut pending: Vec<&Selection> = Vec::new();
        for operation in operations {
            pending.extend(&operation.selections);
        }
        for fragment in &self.documents.fragments {
            pending.extend(&fragment.selections);
        }
        while let Some(selection) = pending.pop() {
            match selection {
                Selection::Field(field) => {
                    if let Some(ty) = &field.ty {
                        if self.kind(ty.base_name()) == Some(TypeKind::Enum) {
                            enums.insert(ty.base_name().to_owned());
                        }
                    }
                    pending.extend(&field.selections);
                }
                Selection::InlineFragment(inline) => pending.extend(&inline.selections),
                Selection::FragmentSpread(_) => {}
            }
        }
        let mut input_queue: Vec<String> = operations
            .iter()
            .flat_map(|operation| &operation.variables)
            .map(|variable| variable.ty.base_name().to_owned())
            .collect();
        while let Some(name) = input_queue.pop() {
            match self.kind(&name) {
                Some(TypeKind::Enum) => {
                    enums.insert(name);
                }
                Some(TypeKind::InputObject) if inputs.insert(name.clone()) => {
                    if let Some(ty) = self.schema.type_named(&name) {
                        input_queue.extend(
                            ty.input_fields
                                .iter()
                                .map(|field| field.ty.base_name().to_owned()),
                        );
                    }
                }
                _ => {}
            }
        }
        let mut enums: Vec<String> = enums.into_iter().collect();
        let mut inputs: Vec<String> = inputs.into_iter().collect();
        enums.sort();
        inputs.sort();
        (enums, inputs)
    }

    pub(super) fn enum_view(&self, ty: &TypeDef) -> EnumView {
        let mut scope = NameScope::default().numbered_without_separator();
        let values = ty
            .enum_values
            .iter()
            .map(|value| EnumValueView {
                graphql_name: value.name.clone(),
                rust_name: scope.claim(rust_variant_name(&value.name)),
                description: value.description.clone(),
                deprecation: deprecation_note(value.deprecation.as_ref()),
            })
            .collect();
        EnumView {
            rust_name: self.shared_names[&ty.name].clone(),
            description: ty.description.clone(),
            values,
            unknown_variant: scope.claim("Unknown".to_owned()),
        }
    }

    /// An input object type as a struct. Deprecated input fields get no `#[deprecated]`:
    /// every field must be written to build the struct, so the warning could not be avoided.
    pub(super) fn input_view(&mut self, ty: &TypeDef) -> InputView {
        let mut scope = NameScope::default();
        let fields: Vec<FieldView> = ty
            .input_fields
            .iter()
            .map(|field| {
                let boxed = !field.ty.nullable().is_list()
                    && self.input_reaches(field.ty.base_name(), &ty.name);
                self.input_field(
                    &mut scope,
                    &field.name,
                    &field.ty,
                    field.default_value.is_some(),
                    boxed,
                    field.description.clone(),
                    "",
                )
            })
            .collect();
        InputView {
            rust_name: self.shared_names[&ty.name].clone(),
            description: ty.description.clone(),
            derives: self.input_derives(fields.iter().all(|field| field.skip_none)),
            fields,
        }
    }

    /// The derives of an input struct: `Default` too when every field is optional.
    pub(super) fn input_derives(&self, all_optional: bool) -> String {
        let mut extra: Vec<&str> = self
            .config
            .rust_operations
            .derives
            .iter()
            .map(String::as_str)
            .collect();
        if all_optional {
            extra.push("Default");
        }
        derive_list(&["Debug", "Clone", "PartialEq", "serde::Serialize"], &extra)
    }

    /// True when the input type `from` is `target` or holds it, directly or through other
    /// input types (not through lists): a field of that type must be boxed.
    fn input_reaches(&self, from: &str, target: &str) -> bool {
        let mut seen: IndexSet<&str> = IndexSet::new();
        let mut queue = vec![from];
        while let Some(name) = queue.pop() {
            if name == target {
                return true;
            }
            if !seen.insert(name) {
                continue;
            }
            if let Some(ty) = self
                .schema
                .type_named(name)
                .filter(|ty| ty.kind == TypeKind::InputObject)
            {
                queue.extend(
                    ty.input_fields
                        .iter()
                        .filter(|field| !field.ty.nullable().is_list())
                        .map(|field| field.ty.base_name()),
                );
            }
        }
        false
    }

    pub(super) fn variables_view(&mut self, operation: &Operation, name: &str) -> InputView {
        let mut scope = NameScope::default();
        let fields: Vec<FieldView> = operation
            .variables
            .iter()
            .map(|variable| {
                self.input_field(
                    &mut scope,
                    &variable.name,
                    &variable.ty,
                    variable.default_value.is_some(),
                    false,
                    None,
                    "super::",
                )
            })
            .collect();
        InputView {
            rust_name: "Variables".to_owned(),
            description: Some(format!("The variables of `{name}`.")),
            derives: self.input_derives(fields.iter().all(|field| field.skip_none)),
            fields,
        }
    }

    /// A variable or input field: `Option` (left out when `None`) when it is nullable or has
    /// a default, since either way the server needs no value.
    #[allow(clippy::too_many_arguments)]
    fn input_field(
        &mut self,
        scope: &mut NameScope,
        graphql_name: &str,
        ty: &TypeRef,
        has_default: bool,
        boxed: bool,
        description: Option<String>,
        shared: &str,
    ) -> FieldView {
        let rust_name = scope.claim(rust_field_name(graphql_name));
        let inner = self.input_type(ty.nullable(), shared);
        let inner = if boxed {
            format!("Box<{inner}>")
        } else {
            inner
        };
        let optional = !ty.is_non_null() || has_default;
        FieldView {
            serde_rename: serde_rename(&rust_name, graphql_name),
            rust_name,
            rust_type: if optional {
                format!("Option<{inner}>")
            } else {
                inner
            },
            skip_none: optional,
            description,
            deprecation: None,
        }
    }

    /// The Rust type of an input reference (its outer `Option` is the caller's).
    fn input_type(&mut self, ty: &TypeRef, shared: &str) -> String {
        match ty {
            TypeRef::NonNull(inner) => self.input_type(inner, shared),
            TypeRef::List(item) => {
                let item_type = self.input_type(item, shared);
                if item.is_non_null() {
                    format!("Vec<{item_type}>")
                } else {
                    format!("Vec<Option<{item_type}>>")
                }
            }
            TypeRef::Named(name) => self.named_type(name, shared, Direction::Input),
        }
    }

    /// A leaf type: built-in scalars as Rust primitives, enums and input types by their
    /// shared name, custom scalars through the scalar map (else `serde_json::Value`, which
    /// reads whatever JSON the scalar is).
    pub(super) fn named_type(&mut self, name: &str, shared: &str, direction: Direction) -> String {
        match name {
            "ID" | "String" => "String".to_owned(),
            "Int" => "i32".to_owned(),
            "Float" => "f64".to_owned(),
            "Boolean" => "bool".to_owned(),
            _ => {
                if let Some(rust_name) = self.shared_names.get(name) {
                    return format!("{shared}{rust_name}");
                }
                if let Some(mapped) = self
                    .config
                    .scalars
                    .get(name)
                    .and_then(|mapping| mapping.rust_type(direction))
                {
                    return mapped.to_owned();
                }
                if self.config.strict_scalars {
                    let location = self
                        .schema
                        .type_named(name)
                        .and_then(|ty| ty.provenance.location.clone());
                    self.unmapped.entry(name.to_owned()).or_insert(location);
                }
                "serde_json::Value".to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::derive_list;

    #[test]
    fn derive_lists_skip_what_they_have() {
        assert_eq!(
            derive_list(
                &["Debug", "serde::Serialize"],
                &["Serialize", "Eq", "Debug"]
            ),
            "Debug, serde::Serialize, Eq"
        );
    }
}
