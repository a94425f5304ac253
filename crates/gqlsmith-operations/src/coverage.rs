//! Schema coverage by operations: for every type and field, the operations that use it and
//! where; the fields no operation uses; per-type shares. What graphql-inspector's `coverage`
//! reports, from the same model the checks and the diff read.

use gqlsmith_model::{Documents, Location, Schema, TypeKind};
use indexmap::{IndexMap, IndexSet};

/// Coverage of one schema by one set of documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// Types in definition order (built-in scalars left out).
    pub types: Vec<TypeCoverage>,
    pub operations: usize,
    /// Fields and input fields, over all types.
    pub fields_total: usize,
    pub fields_used: usize,
}

/// One type: the operations that use it at all, and each of its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeCoverage {
    pub name: String,
    pub kind: TypeKind,
    /// Operations that select on, spread on, pass or read the type (once each).
    pub uses: Vec<CoverageUse>,
    /// Fields (objects, interfaces) or input fields (input objects); empty for other kinds.
    pub fields: Vec<FieldCoverage>,
}

/// One field: the operations that select (or pass) it.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldCoverage {
    pub name: String,
    /// `Type.field`.
    pub coordinate: String,
    pub uses: Vec<CoverageUse>,
}

/// An operation that uses a coordinate, and the first place it does (in the operation or in
/// one of its fragments).
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageUse {
    pub operation: String,
    pub location: Location,
}

/// How `documents` cover `schema`.
pub fn coverage(schema: &Schema, documents: &Documents) -> Coverage {
    let index = documents.usage_index();
    let uses_of = |coordinate: &str| -> Vec<CoverageUse> {
        index.get(coordinate).map_or_else(Vec::new, |uses| {
            uses.iter()
                .map(|(operation, usage)| CoverageUse {
                    operation: operation.display_name(),
                    location: usage.location.clone(),
                })
                .collect()
        })
    };
    // A type is used where an operation names it or uses one of its members: the part of a
    // usage's coordinate before the first dot. One pass over the usages, not one per type.
    let mut type_uses: IndexMap<&str, Vec<CoverageUse>> = IndexMap::new();
    for operation in &documents.operations {
        let mut seen: IndexSet<&str> = IndexSet::new();
        for usage in documents.usages_of(operation) {
            let head = usage.coordinate.split('.').next().unwrap_or_default();
            if seen.insert(head) {
                type_uses.entry(head).or_default().push(CoverageUse {
                    operation: operation.display_name(),
                    location: usage.location.clone(),
                });
            }
        }
    }
    let mut types = Vec::new();
    let (mut fields_total, mut fields_used) = (0, 0);
    for ty in schema.types.values() {
        if ty.kind == TypeKind::Scalar && Schema::is_builtin_scalar(&ty.name) {
            continue;
        }
        let names: Vec<&str> = match ty.kind {
            TypeKind::Object | TypeKind::Interface => {
                ty.fields.iter().map(|field| field.name.as_str()).collect()
            }
            TypeKind::InputObject => ty
                .input_fields
                .iter()
                .map(|field| field.name.as_str())
                .collect(),
            _ => Vec::new(),
        };
        let fields: Vec<FieldCoverage> = names
            .into_iter()
            .map(|name| {
                let coordinate = format!("{}.{name}", ty.name);
                FieldCoverage {
                    name: name.to_owned(),
                    uses: uses_of(&coordinate),
                    coordinate,
                }
            })
            .collect();
        fields_total += fields.len();
        fields_used += fields.iter().filter(|field| !field.uses.is_empty()).count();
        let uses = type_uses.shift_remove(ty.name.as_str()).unwrap_or_default();
        types.push(TypeCoverage {
            name: ty.name.clone(),
            kind: ty.kind,
            uses,
            fields,
        });
    }
    Coverage {
        types,
        operations: documents.operations.len(),
        fields_total,
        fields_used,
    }
}
