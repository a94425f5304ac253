//! Pairs the types of two docs pages whose names were lost. A docs page names such a block
//! after its line (`Unnamed_L188`), so one line added near the top renames every later one;
//! without pairing, a diff would report each as removed and added again. Blocks pair by their
//! contents instead, and the new schema's copy takes the old name.

use std::collections::VecDeque;
use std::fmt::Write;

use gqlsmith_model::{NameOrigin, Schema, TypeDef};
use indexmap::{IndexMap, IndexSet};

/// Least share of member names two blocks must have in common to pair when their contents
/// differ (so an edited block still pairs, an unrelated one does not).
const LEAST_SIMILARITY: f64 = 0.5;

fn is_placeholder(ty: &TypeDef) -> bool {
    matches!(ty.name_origin, NameOrigin::Placeholder)
}

/// The names of a type's parts: fields, input fields, enum values, members.
fn member_names(ty: &TypeDef) -> IndexSet<&str> {
    ty.fields
        .iter()
        .map(|field| field.name.as_str())
        .chain(ty.input_fields.iter().map(|field| field.name.as_str()))
        .chain(ty.enum_values.iter().map(|value| value.name.as_str()))
        .chain(ty.members.iter().map(String::as_str))
        .collect()
}

/// Everything a reader sees of a block, except its name and position.
fn shape(ty: &TypeDef) -> String {
    let mut shape = ty.kind.as_str().to_owned();
    for field in ty.fields.iter() {
        let _ = write!(shape, " {}:{}", field.name, field.ty);
    }
    for field in &ty.input_fields {
        let _ = write!(shape, " {}:{}", field.name, field.ty);
    }
    for value in &ty.enum_values {
        let _ = write!(shape, " {}", value.name);
    }
    for member in &ty.members {
        let _ = write!(shape, " |{member}");
    }
    shape
}

fn similarity(old: &IndexSet<&str>, new: &IndexSet<&str>) -> f64 {
    let common = old.intersection(new).count();
    let all = old.union(new).count();
    if all == 0 {
        0.0
    } else {
        common as f64 / all as f64
    }
}

/// `new` with its placeholder-named types renamed after the old types they pair with, or
/// `None` when nothing needs renaming. Identical blocks pair first, in page order; the rest
/// pair greedily with the most similar unpaired block.
pub(crate) fn align_placeholders(old: &Schema, new: &Schema) -> Option<Schema> {
    let old_blocks: Vec<&TypeDef> = old.types.values().filter(|ty| is_placeholder(ty)).collect();
    let new_blocks: Vec<&TypeDef> = new.types.values().filter(|ty| is_placeholder(ty)).collect();
    if old_blocks.is_empty() || new_blocks.is_empty() {
        return None;
    }
    let mut by_shape: IndexMap<String, VecDeque<usize>> = IndexMap::new();
    for (index, ty) in new_blocks.iter().enumerate() {
        by_shape.entry(shape(ty)).or_default().push_back(index);
    }
    let mut partner_of_new: Vec<Option<&str>> = vec![None; new_blocks.len()];
    let mut unpaired_old = Vec::new();
    for ty in &old_blocks {
        match by_shape.get_mut(&shape(ty)).and_then(VecDeque::pop_front) {
            Some(index) => partner_of_new[index] = Some(ty.name.as_str()),
            None => unpaired_old.push(*ty),
        }
    }
    let new_names: Vec<IndexSet<&str>> = new_blocks.iter().map(|ty| member_names(ty)).collect();
    for ty in unpaired_old {
        let names = member_names(ty);
        let best = (0..new_blocks.len())
            .filter(|index| partner_of_new[*index].is_none() && new_blocks[*index].kind == ty.kind)
            .map(|index| (index, similarity(&names, &new_names[index])))
            .filter(|(_, score)| *score >= LEAST_SIMILARITY)
            .fold(None, |best: Option<(usize, f64)>, candidate| match best {
                Some((_, best_score)) if best_score >= candidate.1 => best,
                _ => Some(candidate),
            });
        if let Some((index, _)) = best {
            partner_of_new[index] = Some(ty.name.as_str());
        }
    }
    let renames: Vec<(&str, &str)> = new_blocks
        .iter()
        .zip(&partner_of_new)
        .filter_map(|(ty, partner)| partner.map(|old_name| (ty.name.as_str(), old_name)))
        .filter(|(new_name, old_name)| new_name != old_name)
        .collect();
    if renames.is_empty() {
        return None;
    }
    // Move every renamed block aside first, and every unpaired block holding a target name,
    // so each target is free when its turn comes.
    let targets: IndexSet<&str> = renames.iter().map(|(_, to)| *to).collect();
    let blockers: Vec<&str> = new_blocks
        .iter()
        .zip(&partner_of_new)
        .filter(|(ty, partner)| partner.is_none() && targets.contains(ty.name.as_str()))
        .map(|(ty, _)| ty.name.as_str())
        .collect();
    let aside = |name: &str| format!("{name}\u{0}aside");
    let mut renamed = new.clone();
    for from in renames
        .iter()
        .map(|(from, _)| *from)
        .chain(blockers.iter().copied())
    {
        renamed.rename_type(from, &aside(from));
    }
    for (from, to) in &renames {
        renamed.rename_type(&aside(from), to);
    }
    for name in blockers {
        let own = if renamed.types.contains_key(name) {
            format!("{name}_new")
        } else {
            name.to_owned()
        };
        renamed.rename_type(&aside(name), &own);
    }
    Some(renamed)
}

#[cfg(test)]
mod tests {
    use gqlsmith_model::{Field, NameOrigin, Provenance, Schema, TypeDef, TypeKind, TypeRef};

    use super::align_placeholders;

    /// A schema of blocks `(name, placeholder?, fields)`.
    fn schema(blocks: &[(&str, bool, &[&str])]) -> Schema {
        let mut schema = Schema::default();
        for (name, placeholder, fields) in blocks {
            let mut ty = TypeDef::new(*name, TypeKind::Object, Provenance::read_unknown_location());
            if *placeholder {
                ty.name_origin = NameOrigin::Placeholder;
            }
            for field in *fields {
                ty.fields.push(Field::new(
                    *field,
                    TypeRef::named("Int"),
                    Provenance::read_unknown_location(),
                ));
            }
            schema.insert_type(ty);
        }
        schema
    }

    #[track_caller]
    fn check(
        old: &[(&str, bool, &[&str])],
        new: &[(&str, bool, &[&str])],
        expect: Option<&[&str]>,
    ) {
        let aligned = align_placeholders(&schema(old), &schema(new));
        let names: Option<Vec<String>> = aligned.map(|schema| {
            schema
                .types
                .values()
                .map(|ty| {
                    format!(
                        "{}={}",
                        ty.name,
                        ty.fields
                            .iter()
                            .map(|f| f.name.as_str())
                            .collect::<Vec<_>>()
                            .join(",")
                    )
                })
                .collect()
        });
        let expect: Option<Vec<String>> =
            expect.map(|names| names.iter().map(|name| (*name).to_owned()).collect());
        assert_eq!(names, expect);
    }

    #[test]
    fn pairs_blocks_by_contents() {
        // Every block moved down two lines.
        check(
            &[
                ("A", false, &["x"]),
                ("Unnamed_L10", true, &["a", "b"]),
                ("Unnamed_L20", true, &["c"]),
            ],
            &[
                ("A", false, &["x"]),
                ("Unnamed_L12", true, &["a", "b"]),
                ("Unnamed_L22", true, &["c"]),
            ],
            Some(&["A=x", "Unnamed_L10=a,b", "Unnamed_L20=c"]),
        );
        // Names swapped between blocks.
        check(
            &[("Unnamed_L10", true, &["a"]), ("Unnamed_L20", true, &["c"])],
            &[("Unnamed_L20", true, &["a"]), ("Unnamed_L10", true, &["c"])],
            Some(&["Unnamed_L10=a", "Unnamed_L20=c"]),
        );
        // An edited block pairs with the most similar one.
        check(
            &[("Unnamed_L10", true, &["a", "b", "c"])],
            &[
                ("Unnamed_L8", true, &["a", "b"]),
                ("Unnamed_L9", true, &["z"]),
            ],
            Some(&["Unnamed_L10=a,b", "Unnamed_L9=z"]),
        );
        // Unrelated blocks do not pair; unchanged names need nothing.
        check(
            &[("Unnamed_L10", true, &["a"])],
            &[("Unnamed_L12", true, &["z"])],
            None,
        );
        check(
            &[("Unnamed_L10", true, &["a"])],
            &[("Unnamed_L10", true, &["a"])],
            None,
        );
        check(&[("A", false, &["a"])], &[("B", false, &["a"])], None);
        // A target held by an unpaired block: the paired one takes it, the other keeps a name.
        check(
            &[("Unnamed_L10", true, &["a"])],
            &[("Unnamed_L10", true, &["z"]), ("Unnamed_L12", true, &["a"])],
            Some(&["Unnamed_L10_new=z", "Unnamed_L10=a"]),
        );
    }
}
