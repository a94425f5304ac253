//! Matching against a reference schema (an older SDL of the same API): unnamed blocks take
//! the name of the reference type whose fields they share, within the page order; types the
//! page only references take the reference's kind, values, members and arguments.

use std::collections::{BTreeMap, BTreeSet};

use gqlsmith_model::{
    Certainty, Confidence, Diagnostic, EnumValue, NameOrigin, Provenance, Schema, TypeDef, TypeKind,
};

use crate::matching::best_matching;
use crate::page::is_placeholder;
use crate::report::{Abstained, RecoveredName};

/// Share of fields (Jaccard over field names) below which a block and a type are not paired.
const MIN_OVERLAP: f64 = 0.5;
/// How many missing names a report line or diagnostic lists before "and N more".
const LISTED: usize = 8;

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

/// What the reference did for the page's unnamed blocks.
#[derive(Debug, Default)]
pub(crate) struct ReferenceNaming {
    /// Names given, in page order.
    pub(crate) named: Vec<RecoveredName>,
    /// Blocks left unnamed although a reference type that sorts into their gap shares enough
    /// of their fields, with those types: the reference explains them, the order and the
    /// fields do not single one out.
    pub(crate) explained: Vec<Abstained>,
    /// Names the page shows (named blocks and referenced names) that the reference lacks.
    pub(crate) missing_from_reference: Vec<String>,
}

/// Names unnamed blocks after reference types, gap by gap, in rounds: each sure name splits
/// its gap, and the next round matches the smaller gaps.
///
/// The page lists its blocks in ASCII order of their names, whatever order the reference file
/// has: the reference's object types are matched in ASCII order too (the matching keeps
/// order). Only object types name blocks (an interface has fields but is never a block of an
/// objects page), and never a name that `not_objects` holds (the page's evidence fixes
/// another kind for it). A reference that lacks names the page shows is not this page's own
/// schema: a name the page never mentions that only such a reference supplies is at most
/// `low`, with the `reference-only` signal.
pub(crate) fn name_from_reference(
    schema: &mut Schema,
    reference: &Schema,
    page_mentions: &BTreeSet<String>,
    not_objects: &BTreeMap<String, String>,
) -> ReferenceNaming {
    let missing_from_reference: Vec<String> = schema
        .types
        .values()
        .filter(|ty| ty.name_origin == NameOrigin::Document)
        .map(|ty| &ty.name)
        .chain(page_mentions)
        .filter(|name| !Schema::is_builtin_scalar(name) && !reference.types.contains_key(*name))
        .cloned()
        .collect::<BTreeSet<String>>()
        .into_iter()
        .collect();
    let roots = [
        &reference.roots.query,
        &reference.roots.mutation,
        &reference.roots.subscription,
    ];
    let mut candidates: Vec<&TypeDef> = reference
        .types
        .values()
        .filter(|ty| ty.kind == TypeKind::Object)
        .filter(|ty| {
            !roots
                .iter()
                .any(|root| root.as_deref() == Some(ty.name.as_str()))
        })
        .filter(|ty| !not_objects.contains_key(&ty.name))
        .filter(|ty| !schema.types.contains_key(&ty.name))
        .collect();
    candidates.sort_by(|a, b| a.name.cmp(&b.name));

    let mut known: Vec<Option<String>> = schema
        .types
        .values()
        .map(|ty| (!is_placeholder(ty)).then(|| ty.name.clone()))
        .collect();
    let mut planned: Vec<(usize, RecoveredName)> = Vec::new();
    let explained = loop {
        let used: BTreeSet<&str> = planned.iter().map(|(_, name)| name.name.as_str()).collect();
        let free: Vec<&TypeDef> = candidates
            .iter()
            .copied()
            .filter(|ty| !used.contains(ty.name.as_str()))
            .collect();
        let round = match_gaps(
            schema,
            &known,
            &free,
            page_mentions,
            &missing_from_reference,
        );
        // A page out of ASCII order can put one name into two gaps: neither block takes it.
        let mut given: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, name) in &round.named {
            *given.entry(name.name.as_str()).or_default() += 1;
        }
        let unique: Vec<bool> = round
            .named
            .iter()
            .map(|(_, name)| given.get(name.name.as_str()) == Some(&1))
            .collect();
        let (firm, tentative): (Vec<_>, Vec<_>) = round
            .named
            .into_iter()
            .zip(unique)
            .filter_map(|(named, unique)| unique.then_some(named))
            .partition(|(_, name)| name.confidence >= Some(Confidence::Medium));
        if firm.is_empty() {
            planned.extend(tentative);
            let named: BTreeSet<usize> = planned.iter().map(|(index, _)| *index).collect();
            break round
                .explained
                .into_iter()
                .filter(|(index, _)| !named.contains(index))
                .map(|(_, explained)| explained)
                .collect();
        }
        for (index, name) in &firm {
            if let Some(slot) = known.get_mut(*index) {
                *slot = Some(name.name.clone());
            }
        }
        planned.extend(firm);
    };
    planned.sort_by_key(|(index, _)| *index);
    let mut named = Vec::new();
    for (_, name) in planned {
        if schema.rename_type(&name.placeholder, &name.name) {
            if let Some(ty) = schema.types.get_mut(&name.name) {
                ty.name_origin = NameOrigin::Reference {
                    confidence: name.confidence.unwrap_or_default(),
                };
            }
            named.push(name);
        }
    }
    ReferenceNaming {
        named,
        explained,
        missing_from_reference,
    }
}

/// One round's outcome: names by block position, and blocks the reference explains that the
/// round left unnamed.
struct Round {
    named: Vec<(usize, RecoveredName)>,
    explained: Vec<(usize, Abstained)>,
}

/// Matches each gap's blocks (runs of `None` in `known`) with the `candidates` (ASCII order)
/// that sort between the names around it.
fn match_gaps(
    schema: &Schema,
    known: &[Option<String>],
    candidates: &[&TypeDef],
    page_mentions: &BTreeSet<String>,
    missing_from_reference: &[String],
) -> Round {
    let mut round = Round {
        named: Vec::new(),
        explained: Vec::new(),
    };
    for (before, blocks, after) in gaps(known) {
        let start = before.map_or(0, |before| {
            candidates.partition_point(|ty| ty.name.as_str() <= before)
        });
        let end = after.map_or(candidates.len(), |after| {
            candidates.partition_point(|ty| ty.name.as_str() < after)
        });
        let in_gap = candidates.get(start..end.max(start)).unwrap_or_default();
        if in_gap.is_empty() {
            continue;
        }
        let block_types: Vec<&TypeDef> = blocks
            .iter()
            .filter_map(|&index| schema.types.get_index(index).map(|(_, ty)| ty))
            .collect();
        // The matching asks for each pair many times: the overlaps are computed once.
        let scores: Vec<Option<f64>> = block_types
            .iter()
            .flat_map(|block| {
                in_gap.iter().map(|candidate| {
                    let value = overlap(block, candidate);
                    (value >= MIN_OVERLAP).then_some(value * 10.0)
                })
            })
            .collect();
        let score = |block: usize, candidate: usize| {
            scores
                .get(block * in_gap.len() + candidate)
                .copied()
                .flatten()
        };
        let mut placed = BTreeSet::new();
        for pair in best_matching(block_types.len(), in_gap.len(), 1.0e6, &score) {
            let (Some(block), Some(candidate), Some(&index)) = (
                block_types.get(pair.block),
                in_gap.get(pair.candidate),
                blocks.get(pair.block),
            ) else {
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
            let mut signals = vec!["reference-fields".to_owned(), "page-order".to_owned()];
            let mut evidence = vec![format!(
                "{:.0}% of field names shared with the reference type",
                share * 100.0
            )];
            let only_the_reference =
                !missing_from_reference.is_empty() && !page_mentions.contains(&candidate.name);
            let confidence = if only_the_reference {
                signals.push("reference-only".into());
                evidence.push(format!(
                    "the page never mentions `{}`, and the reference lacks {} of the names the page shows ({}): it may be another API's schema",
                    candidate.name,
                    missing_from_reference.len(),
                    listed(missing_from_reference)
                ));
                Confidence::Low
            } else {
                confidence
            };
            placed.insert(pair.block);
            round.named.push((
                index,
                RecoveredName {
                    placeholder: block.name.clone(),
                    name: candidate.name.clone(),
                    line: block.provenance.location.as_ref().map(|l| l.line),
                    origin: "reference".into(),
                    confidence: Some(confidence),
                    signals,
                    evidence,
                },
            ));
        }
        for (position, block) in block_types.iter().enumerate() {
            if placed.contains(&position) {
                continue;
            }
            let fitting: Vec<String> = (0..in_gap.len())
                .filter(|&candidate| score(position, candidate).is_some())
                .filter_map(|candidate| in_gap.get(candidate).map(|ty| ty.name.clone()))
                .collect();
            if let (false, Some(&index)) = (fitting.is_empty(), blocks.get(position)) {
                round.explained.push((
                    index,
                    Abstained {
                        placeholder: block.name.clone(),
                        candidates: fitting,
                    },
                ));
            }
        }
    }
    round
}

/// The runs of unnamed blocks (by position), with the names around each.
fn gaps(known: &[Option<String>]) -> Vec<(Option<&str>, Vec<usize>, Option<&str>)> {
    let mut gaps = Vec::new();
    let mut before: Option<&str> = None;
    let mut run = Vec::new();
    for (index, name) in known.iter().enumerate() {
        match name {
            None => run.push(index),
            Some(name) => {
                if !run.is_empty() {
                    gaps.push((before, std::mem::take(&mut run), Some(name.as_str())));
                }
                before = Some(name.as_str());
            }
        }
    }
    if !run.is_empty() {
        gaps.push((before, run, None));
    }
    gaps
}

/// `` `A`, `B` and 3 more ``.
pub(crate) fn listed(names: &[String]) -> String {
    let shown: Vec<String> = names
        .iter()
        .take(LISTED)
        .map(|name| format!("`{name}`"))
        .collect();
    match names.len().saturating_sub(LISTED) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
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
