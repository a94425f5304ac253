//! Matching against a reference schema (an older SDL of the same API): unnamed blocks take
//! the name of the reference type whose fields they share, within the page order; types the
//! page only references take the reference's kind, values, members and arguments.

use std::collections::BTreeSet;

use gqlsmith_model::{
    Certainty, Confidence, Diagnostic, EnumValue, NameOrigin, Provenance, Schema, TypeDef, TypeKind,
};

use crate::matching::best_matching;
use crate::page::is_placeholder;
use crate::report::RecoveredName;

/// Share of fields (Jaccard over field names) below which a block and a type are not paired.
const MIN_OVERLAP: f64 = 0.5;

fn field_names(ty: &TypeDef) -> BTreeSet<&str> {
    ty.fields.iter().map(|field| field.name.as_str()).collect()
}

fn overlap(block: &TypeDef, reference: &TypeDef) -> f64 {
    let (a, b) = (field_names(block), field_names(reference));
    let union = a.union(&b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(&b).count() as f64 / union as f64
    }
}

/// Names unnamed blocks after reference types, gap by gap (the page order still rules).
pub(crate) fn name_from_reference(
    schema: &mut Schema,
    reference: &Schema,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<RecoveredName> {
    let _ = diagnostics;
    let mut gaps: Vec<(Option<String>, Vec<String>, Option<String>)> = Vec::new();
    let mut before: Option<String> = None;
    let mut run = Vec::new();
    for ty in schema.types.values() {
        if is_placeholder(ty) {
            run.push(ty.name.clone());
        } else {
            if !run.is_empty() {
                gaps.push((
                    before.clone(),
                    std::mem::take(&mut run),
                    Some(ty.name.clone()),
                ));
            }
            before = Some(ty.name.clone());
        }
    }
    if !run.is_empty() {
        gaps.push((before, run, None));
    }
    let mut planned = Vec::new();
    for (before, blocks, after) in &gaps {
        let candidates: Vec<&TypeDef> = reference
            .types
            .values()
            .filter(|ty| ty.kind.has_fields())
            .filter(|ty| {
                before.as_deref().is_none_or(|b| b < ty.name.as_str())
                    && after.as_deref().is_none_or(|a| ty.name.as_str() < a)
            })
            .filter(|ty| !schema.types.contains_key(&ty.name))
            .collect();
        if candidates.is_empty() {
            continue;
        }
        let block_types: Vec<&TypeDef> = blocks
            .iter()
            .filter_map(|name| schema.types.get(name))
            .collect();
        let score = |block: usize, candidate: usize| {
            let value = overlap(block_types.get(block)?, candidates.get(candidate)?);
            (value >= MIN_OVERLAP).then_some(value * 10.0)
        };
        for pair in best_matching(block_types.len(), candidates.len(), 1.0e6, &score) {
            let (Some(block), Some(candidate)) =
                (block_types.get(pair.block), candidates.get(pair.candidate))
            else {
                continue;
            };
            let share = pair.score / 10.0;
            let clear = pair.forced || pair.margin >= 1.0;
            let confidence = match (share, clear) {
                (_, false) => continue,
                (share, true) if share >= 0.999 => Confidence::High,
                (share, true) if share >= 0.8 => Confidence::Medium,
                _ => Confidence::Low,
            };
            planned.push(RecoveredName {
                placeholder: block.name.clone(),
                name: candidate.name.clone(),
                line: block.provenance.location.as_ref().map(|l| l.line),
                origin: "reference".into(),
                confidence: Some(confidence),
                signals: vec!["reference-fields".into(), "page-order".into()],
                evidence: vec![format!(
                    "{:.0}% of field names shared with the reference type",
                    share * 100.0
                )],
            });
        }
    }
    let mut named = Vec::new();
    for name in planned {
        if schema.rename_type(&name.placeholder, &name.name) {
            if let Some(ty) = schema.types.get_mut(&name.name) {
                ty.name_origin = NameOrigin::Reference {
                    confidence: name.confidence.unwrap_or_default(),
                };
            }
            named.push(name);
        }
    }
    named
}

/// Kinds, enum values, members, interfaces and arguments from the reference, for the types
/// the page shares with it.
pub(crate) fn fill_from_reference(
    schema: &mut Schema,
    reference: &Schema,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for ty in schema.types.values_mut() {
        let Some(known) = reference.types.get(&ty.name) else {
            continue;
        };
        let from_reference = |what: &str| {
            Provenance::inferred(
                known.provenance.location.clone(),
                "reference",
                vec![format!("the reference schema {what}")],
                Confidence::High,
            )
        };
        let inferred_kind = matches!(ty.kind_provenance.certainty, Certainty::Inferred { .. });
        if inferred_kind {
            if ty.kind != known.kind {
                diagnostics.push(
                    Diagnostic::warning(
                        "R406",
                        "reference-disagrees",
                        format!(
                            "the page suggests `{}` is {}, the reference schema says {}",
                            ty.name,
                            ty.kind.as_str(),
                            known.kind.as_str()
                        ),
                    )
                    .at_opt(ty.provenance.location.clone())
                    .with_help(
                        "the reference's kind is used; check that the reference is the same API",
                    ),
                );
                ty.kind = known.kind;
                if known.kind != TypeKind::Enum {
                    ty.enum_values.clear();
                }
                if !matches!(known.kind, TypeKind::Union | TypeKind::Interface) {
                    ty.members.clear();
                }
            }
            ty.kind_provenance = from_reference(&format!("defines it as {}", known.kind.as_str()));
        } else if ty.kind != known.kind {
            diagnostics.push(
                Diagnostic::warning(
                    "R406",
                    "reference-disagrees",
                    format!(
                        "the page shows `{}` as {}, the reference schema as {}",
                        ty.name,
                        ty.kind.as_str(),
                        known.kind.as_str()
                    ),
                )
                .at_opt(ty.provenance.location.clone())
                .with_help(
                    "the page's kind is kept; the reference may be another version of the API",
                ),
            );
            continue;
        }
        match ty.kind {
            TypeKind::Enum => {
                for value in &ty.enum_values {
                    if known.enum_value(&value.name).is_none() {
                        diagnostics.push(
                            Diagnostic::note(
                                "R406",
                                "reference-disagrees",
                                format!(
                                    "the page shows `{}.{}`, the reference schema does not have it",
                                    ty.name, value.name
                                ),
                            )
                            .at_opt(value.provenance.location.clone())
                            .with_help(
                                "the reference may be older than the page; the value is kept",
                            ),
                        );
                    }
                }
                for value in &known.enum_values {
                    if ty.enum_value(&value.name).is_none() {
                        let mut added =
                            EnumValue::new(value.name.clone(), from_reference("lists this value"));
                        added.description = value.description.clone();
                        added.deprecation = value.deprecation.clone();
                        ty.enum_values.push(added);
                    }
                }
                ty.incomplete = false;
            }
            TypeKind::Union | TypeKind::Interface => {
                for member in &known.members {
                    if !ty.members.contains(member) {
                        ty.members.push(member.clone());
                    }
                }
                ty.incomplete = false;
            }
            _ => {}
        }
        for interface in &known.interfaces {
            if !ty.interfaces.contains(interface) {
                ty.interfaces.push(interface.clone());
            }
        }
        for field in &mut ty.fields {
            let Some(known_field) = known.field(&field.name) else {
                continue;
            };
            if !field.arguments.is_empty() {
                continue;
            }
            for argument in &known_field.arguments {
                let mut added = argument.clone();
                added.provenance = from_reference("lists this argument");
                field.arguments.push(added);
            }
        }
    }
}
