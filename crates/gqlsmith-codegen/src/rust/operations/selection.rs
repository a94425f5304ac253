//! The selection-to-type walk: the response types of a selection set, a struct of the fields
//! and fragment parts it selects, or an enum chosen by `__typename` when type conditions narrow
//! an interface or union to some of its types.

use gqlsmith_model::{
    Documents, FieldSelection, Fragment, Location, Selection, TypeDef, TypeKind, TypeRef,
};
use indexmap::{IndexMap, IndexSet};

use super::model::{FieldView, PartView, ShapeView, VariantView};
use super::naming::{extended, path_name, upper_camel};
use super::{Builder, Out};
use crate::config::Direction;
use crate::naming::NameScope;
use crate::rust::client::{deprecation_note, serde_rename};
use crate::rust::naming::{rust_field_name, rust_type_name};

/// The fields one response key stands for, and whether every one of them is under
/// `@skip`/`@include`.
struct SelectedField<'s> {
    occurrences: Vec<&'s FieldSelection>,
    conditional: bool,
}

impl<'a> Builder<'a> {
    /// Builds the response type `rust_name` for `selections` on `parent` into `out`: an enum
    /// when `parent` is an interface or union that the selections narrow to some of its
    /// types, else a struct. Returns true for an enum (its selection set needs `__typename`).
    /// `path` is the type's path of name segments (empty for `Data`), which the names of the
    /// types nested in it continue.
    pub(super) fn shape(
        &mut self,
        out: &mut Out,
        rust_name: String,
        path: &[String],
        parent: &TypeDef,
        selections: &[&Selection],
        description: String,
    ) -> bool {
        let narrowed = if matches!(parent.kind, TypeKind::Interface | TypeKind::Union) {
            self.narrowed_types(parent, selections)
        } else {
            Vec::new()
        };
        if narrowed.is_empty() {
            let applies = |condition: &str| self.is_total(condition, parent);
            let (fields, parts) = collect(self.documents, selections, &applies);
            self.struct_shape(out, rust_name, path, parent, fields, parts, description);
            return false;
        }
        self.uses_typename = true;
        self.uses_part = true;
        let index = out.shapes.len();
        out.shapes.push(placeholder());
        let mut variant_scope = NameScope::default().numbered_without_separator();
        let mut variants = Vec::new();
        let mut variant_paths = Vec::new();
        for object in &narrowed {
            let variant_path = extended(path, rust_type_name(&object.name));
            let struct_name = out.scope.claim(path_name(&variant_path));
            variant_paths.push(variant_path);
            variants.push(VariantView {
                graphql_name: object.name.clone(),
                rust_name: variant_scope.claim(rust_type_name(&object.name)),
                rust_type: struct_name,
            });
        }
        let other_variant = variant_scope.claim("Other".to_owned());
        for ((object, variant), variant_path) in narrowed.iter().zip(&variants).zip(&variant_paths)
        {
            let applies = |condition: &str| self.schema.condition_applies(condition, object);
            let (fields, parts) = collect(self.documents, selections, &applies);
            let description = format!("`{}` as a `{}`.", rust_name, object.name);
            self.struct_shape(
                out,
                variant.rust_type.clone(),
                variant_path,
                object,
                fields,
                parts,
                description,
            );
        }
        out.shapes[index] = ShapeView {
            rust_name,
            description,
            tagged: true,
            fields: Vec::new(),
            parts: Vec::new(),
            variants,
            other_variant,
        };
        true
    }

    /// A struct of `fields` and fragment `parts` selected on `parent`.
    #[allow(clippy::too_many_arguments)]
    fn struct_shape(
        &mut self,
        out: &mut Out,
        rust_name: String,
        path: &[String],
        parent: &TypeDef,
        fields: IndexMap<String, SelectedField<'_>>,
        parts: IndexMap<String, bool>,
        description: String,
    ) {
        let index = out.shapes.len();
        out.shapes.push(placeholder());
        let mut field_scope = NameScope::default();
        let mut field_views = Vec::new();
        for (key, selected) in &fields {
            let first = selected.occurrences[0];
            let rust_field = field_scope.claim(rust_field_name(key));
            let schema_field = parent.field(&first.name);
            let ty = match (&first.ty, first.name.as_str()) {
                (_, "__typename") => "String".to_owned(),
                (Some(ty), _) => {
                    let children: Vec<&Selection> = selected
                        .occurrences
                        .iter()
                        .flat_map(|field| field.selections.iter())
                        .collect();
                    let nested = extended(path, upper_camel(key));
                    let ty = if selected.conditional {
                        ty.nullable()
                    } else {
                        ty
                    };
                    self.output_type(out, ty, &children, &nested, &first.location)
                }
                (None, _) => continue,
            };
            let ty = if selected.conditional && !ty.starts_with("Option<") {
                format!("Option<{ty}>")
            } else {
                ty
            };
            field_views.push(FieldView {
                serde_rename: serde_rename(&rust_field, key),
                rust_name: rust_field,
                rust_type: ty,
                skip_none: false,
                description: schema_field.and_then(|field| field.description.clone()),
                deprecation: deprecation_note(
                    schema_field.and_then(|field| field.deprecation.as_ref()),
                ),
            });
        }
        let mut part_views = Vec::new();
        for (fragment, conditional) in &parts {
            let Some(fragment_type) = self.fragment_names.get(fragment) else {
                continue;
            };
            let rust_type = format!("{}{fragment_type}", out.shared);
            part_views.push(PartView {
                fragment: fragment.clone(),
                rust_name: field_scope.claim(rust_field_name(fragment)),
                rust_type: if *conditional {
                    format!("Option<{rust_type}>")
                } else {
                    rust_type
                },
                optional: *conditional,
            });
        }
        // The struct's own fields and its required parts are read with `part`, the parts
        // that may be absent with `optional_part`.
        if !part_views.is_empty() {
            let any_optional = part_views.iter().any(|part| part.optional);
            let any_required = part_views.iter().any(|part| !part.optional);
            self.uses_optional_part |= any_optional;
            self.uses_part |= any_required || !field_views.is_empty();
        }
        out.shapes[index] = ShapeView {
            rust_name,
            description,
            tagged: false,
            fields: field_views,
            parts: part_views,
            variants: Vec::new(),
            other_variant: String::new(),
        };
    }

    /// The Rust type of a selected field of type `ty` whose sub-selections are `children`;
    /// an object, interface or union gets the type `nested` (or, when the selection is one
    /// fragment spread that covers the type, the fragment's type).
    fn output_type(
        &mut self,
        out: &mut Out,
        ty: &TypeRef,
        children: &[&Selection],
        nested: &[String],
        location: &Location,
    ) -> String {
        match ty {
            TypeRef::NonNull(inner) => self.output_non_null(out, inner, children, nested, location),
            nullable => format!(
                "Option<{}>",
                self.output_non_null(out, nullable, children, nested, location)
            ),
        }
    }

    fn output_non_null(
        &mut self,
        out: &mut Out,
        ty: &TypeRef,
        children: &[&Selection],
        nested: &[String],
        location: &Location,
    ) -> String {
        match ty {
            TypeRef::NonNull(inner) => self.output_non_null(out, inner, children, nested, location),
            TypeRef::List(item) => {
                format!(
                    "Vec<{}>",
                    self.output_type(out, item, children, nested, location)
                )
            }
            TypeRef::Named(name) => {
                let schema = self.schema;
                let Some(ty) = schema
                    .type_named(name)
                    .filter(|ty| ty.kind.has_fields() || ty.kind == TypeKind::Union)
                else {
                    return self.named_type(name, out.shared, Direction::Output);
                };
                if let Some(fragment) = self.sole_spread(children, ty) {
                    return format!("{}{fragment}", out.shared);
                }
                let rust_name = out.scope.claim(path_name(nested));
                let description = format!("`{}` as selected.", ty.name);
                let tagged = self.shape(out, rust_name.clone(), nested, ty, children, description);
                if tagged {
                    out.typename_fields.push(location.clone());
                }
                rust_name
            }
        }
    }

    /// The fragment's Rust name when `children` is one unconditional spread of a fragment
    /// whose type condition holds for every value of `ty`.
    fn sole_spread(&self, children: &[&Selection], ty: &TypeDef) -> Option<String> {
        let [Selection::FragmentSpread(spread)] = children else {
            return None;
        };
        if is_conditional(&spread.directives) {
            return None;
        }
        let fragment: &Fragment = self.documents.fragment(&spread.name)?;
        if !self.is_total(&fragment.type_condition, ty) {
            return None;
        }
        self.fragment_names.get(&spread.name).cloned()
    }

    /// The object types of the abstract `parent` that a type condition in `selections` singles
    /// out (a condition that holds for only some of its types), sorted by name.
    fn narrowed_types(&self, parent: &TypeDef, selections: &[&Selection]) -> Vec<&'a TypeDef> {
        let possible = self.schema.possible_types(parent);
        let mut narrowed: IndexSet<&str> = IndexSet::new();
        let mut pending: Vec<&Selection> = selections.to_vec();
        while let Some(selection) = pending.pop() {
            let condition = match selection {
                Selection::Field(_) => None,
                Selection::InlineFragment(inline) => {
                    pending.extend(&inline.selections);
                    inline.type_condition.as_deref()
                }
                Selection::FragmentSpread(spread) => self
                    .documents
                    .fragment(&spread.name)
                    .map(|fragment| fragment.type_condition.as_str()),
            };
            let Some(condition) = condition else { continue };
            if self.is_total(condition, parent) {
                continue;
            }
            for object in &possible {
                if self.schema.condition_applies(condition, object) {
                    narrowed.insert(&object.name);
                }
            }
        }
        possible
            .into_iter()
            .filter(|object| narrowed.contains(object.name.as_str()))
            .collect()
    }

    /// True when the type condition `condition` holds for every value of type `ty`.
    fn is_total(&self, condition: &str, ty: &TypeDef) -> bool {
        if condition == ty.name {
            return true;
        }
        let possible = self.schema.possible_types(ty);
        !possible.is_empty()
            && possible
                .iter()
                .all(|object| self.schema.condition_applies(condition, object))
    }
}

/// What a filled-in shape replaces (so that parents come before the types nested in them).
fn placeholder() -> ShapeView {
    ShapeView {
        rust_name: String::new(),
        description: String::new(),
        tagged: false,
        fields: Vec::new(),
        parts: Vec::new(),
        variants: Vec::new(),
        other_variant: String::new(),
    }
}

pub(super) fn is_conditional(directives: &[gqlsmith_model::DirectiveUsage]) -> bool {
    directives
        .iter()
        .any(|directive| directive.name == "skip" || directive.name == "include")
}

/// The fields (by response key, in first-selected order) and fragment spreads (by name) that
/// `selections` pick where `applies` holds for the type conditions: inline fragments are
/// merged in, spreads are kept as parts. Each with whether every place that selects it is
/// under `@skip`/`@include`.
fn collect<'s>(
    documents: &Documents,
    selections: &[&'s Selection],
    applies: &dyn Fn(&str) -> bool,
) -> (IndexMap<String, SelectedField<'s>>, IndexMap<String, bool>) {
    let mut fields: IndexMap<String, SelectedField<'s>> = IndexMap::new();
    let mut parts: IndexMap<String, bool> = IndexMap::new();
    // A stack of selections (each with whether a directive guards it), so that nesting
    // cannot overflow.
    let mut pending: Vec<(&'s Selection, bool)> = selections
        .iter()
        .rev()
        .map(|selection| (*selection, false))
        .collect();
    while let Some((selection, guarded)) = pending.pop() {
        match selection {
            Selection::Field(field) => {
                let conditional = guarded || is_conditional(&field.directives);
                let entry =
                    fields
                        .entry(field.response_key().to_owned())
                        .or_insert(SelectedField {
                            occurrences: Vec::new(),
                            conditional: true,
                        });
                entry.occurrences.push(field);
                entry.conditional &= conditional;
            }
            Selection::InlineFragment(inline) => {
                if inline.type_condition.as_deref().is_none_or(applies) {
                    let guarded = guarded || is_conditional(&inline.directives);
                    pending.extend(
                        inline
                            .selections
                            .iter()
                            .rev()
                            .map(|selection| (selection, guarded)),
                    );
                }
            }
            Selection::FragmentSpread(spread) => {
                let Some(fragment) = documents.fragment(&spread.name) else {
                    continue;
                };
                if applies(&fragment.type_condition) {
                    let conditional = guarded || is_conditional(&spread.directives);
                    let entry = parts.entry(spread.name.clone()).or_insert(true);
                    *entry &= conditional;
                }
            }
        }
    }
    (fields, parts)
}
