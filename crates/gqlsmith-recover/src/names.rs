//! Names for unnamed blocks from evidence on the page: Relay conventions, the page's ASCII
//! order, and the referenced-but-undefined object names that fit each gap.

use std::collections::{BTreeMap, BTreeSet};

use gqlsmith_model::{Confidence, Diagnostic, Schema, TypeDef};
use heck::ToSnakeCase;

use crate::classify::Classified;
use crate::matching::best_matching;
use crate::page::{bare_name_in_example, is_placeholder};

/// A name given to a block, with how sure and why.
#[derive(Debug, Clone)]
pub(crate) struct Naming {
    pub(crate) placeholder: String,
    pub(crate) name: String,
    pub(crate) confidence: Confidence,
    pub(crate) signals: Vec<String>,
    pub(crate) evidence: Vec<String>,
}

/// A block that keeps its placeholder although names could fit it.
#[derive(Debug, Clone)]
pub(crate) struct Abstention {
    pub(crate) placeholder: String,
    pub(crate) candidates: Vec<String>,
}

/// The shape Relay gives connection and edge types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Has `edges: [XEdge]`; the payload is `X`.
    Connection,
    /// Has `cursor` and `node`.
    Edge,
    Other,
}

fn shape(ty: &TypeDef) -> Shape {
    if ty
        .field("edges")
        .is_some_and(|edges| edges.ty.is_list() && edges.ty.base_name().ends_with("Edge"))
    {
        Shape::Connection
    } else if ty.field("cursor").is_some() && ty.field("node").is_some() {
        Shape::Edge
    } else {
        Shape::Other
    }
}

/// A mutation payload declares the errors its mutation can raise. Payloads are referenced
/// only from the Mutation root, which an objects page does not show (253 of the 254 named
/// payloads on the Kraken page are referenced nowhere on it), so a referenced name is not one.
fn is_mutation_payload(ty: &TypeDef) -> bool {
    !ty.error_codes.is_empty() || ty.field("possibleErrors").is_some()
}

/// The shape a name asks for: a Relay name must sit on a block of that shape.
fn shape_of_name(name: &str) -> Shape {
    if name.ends_with("Connection") {
        Shape::Connection
    } else if name.ends_with("Edge") {
        Shape::Edge
    } else {
        Shape::Other
    }
}

/// Runs the Relay rules, then the gap assignment, renaming blocks in `schema` as it goes.
/// `candidates` are the classified dangling names; the object ones may name blocks.
pub(crate) fn name_blocks(
    schema: &mut Schema,
    candidates: &[Classified],
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Naming>, Vec<Abstention>) {
    let mut namings = Vec::new();
    relay_connections(schema, diagnostics, &mut namings);
    relay_edge_descriptions(schema, &mut namings);
    let abstentions = assign_gaps(schema, candidates, &mut namings);
    (namings, abstentions)
}

/// The named neighbours of the block at `index`: the nearest names before and after.
fn neighbours(schema: &Schema, index: usize) -> (Option<&str>, Option<&str>) {
    let before = schema
        .types
        .values()
        .take(index)
        .rev()
        .find(|ty| !is_placeholder(ty))
        .map(|ty| ty.name.as_str());
    let after = schema
        .types
        .values()
        .skip(index + 1)
        .find(|ty| !is_placeholder(ty))
        .map(|ty| ty.name.as_str());
    (before, after)
}

fn fits(name: &str, before: Option<&str>, after: Option<&str>) -> bool {
    before.is_none_or(|before| before < name) && after.is_none_or(|after| name < after)
}

fn rename(schema: &mut Schema, naming: &Naming) -> bool {
    if !schema.rename_type(&naming.placeholder, &naming.name) {
        return false;
    }
    if let Some(ty) = schema.types.get_mut(&naming.name) {
        ty.name_origin = gqlsmith_model::NameOrigin::Recovered {
            confidence: naming.confidence,
            signals: naming.signals.clone(),
        };
    }
    true
}

/// A block whose `edges` field is `[XEdge]` is `XConnection` (34/34 named connections on the
/// Kraken page follow this).
fn relay_connections(
    schema: &mut Schema,
    diagnostics: &mut Vec<Diagnostic>,
    namings: &mut Vec<Naming>,
) {
    let mut index = 0;
    while index < schema.types.len() {
        let Some((_, ty)) = schema.types.get_index(index) else {
            break;
        };
        index += 1;
        if !is_placeholder(ty) || shape(ty) != Shape::Connection {
            continue;
        }
        let Some(edges) = ty.field("edges") else {
            continue;
        };
        let edge = edges.ty.base_name();
        let Some(payload) = edge.strip_suffix("Edge") else {
            continue;
        };
        let name = format!("{payload}Connection");
        let placeholder = ty.name.clone();
        let location = ty.provenance.location.clone();
        let (before, after) = neighbours(schema, index - 1);
        if schema.types.contains_key(&name) {
            continue;
        }
        if !fits(&name, before, after) {
            diagnostics.push(
                Diagnostic::warning(
                    "R403",
                    "relay-name-out-of-order",
                    format!("connection `{placeholder}` would be `{name}`, but the page order puts it elsewhere"),
                )
                .at_opt(location)
                .with_help("the block keeps its placeholder; name it in an overlay file if the name is right"),
            );
            continue;
        }
        let naming = Naming {
            placeholder,
            name: name.clone(),
            confidence: Confidence::High,
            signals: vec!["relay-connection".into(), "page-order".into()],
            evidence: vec![format!("`edges` is a list of `{edge}`")],
        };
        if rename(schema, &naming) {
            namings.push(naming);
        }
    }
}

/// "A Relay edge containing a X and its cursor." names the edge `XEdge` (86/86 on Kraken).
fn relay_edge_descriptions(schema: &mut Schema, namings: &mut Vec<Naming>) {
    let mut index = 0;
    while index < schema.types.len() {
        let Some((_, ty)) = schema.types.get_index(index) else {
            break;
        };
        index += 1;
        if !is_placeholder(ty) || shape(ty) != Shape::Edge {
            continue;
        }
        let Some(payload) = ty
            .description
            .as_deref()
            .and_then(|text| text.trim().strip_prefix("A Relay edge containing a "))
            .and_then(|rest| rest.strip_suffix(" and its cursor."))
        else {
            continue;
        };
        let name = format!("{payload}Edge");
        let (before, after) = neighbours(schema, index - 1);
        if schema.types.contains_key(&name) || !fits(&name, before, after) {
            continue;
        }
        let naming = Naming {
            placeholder: ty.name.clone(),
            name,
            confidence: Confidence::High,
            signals: vec!["relay-edge-description".into(), "page-order".into()],
            evidence: vec![format!("the description names the payload `{payload}`")],
        };
        if rename(schema, &naming) {
            namings.push(naming);
        }
    }
}

/// What ties one block to one candidate name.
#[derive(Debug, Clone, Default)]
struct Evidence {
    /// Words of the candidate's name the block's fields use.
    own: Vec<String>,
    /// Words of the fields that use the candidate, which the block's fields use too.
    usage: Vec<String>,
    /// The block's fields that named types with the candidate's head word also have.
    sibling: Vec<String>,
    /// Field types named after the block (`layout: ArticleVideoLayout` in `ArticleVideo`):
    /// `Some(true)` when one names the candidate, `Some(false)` when they name another type
    /// that could sit in this gap.
    owner_stem: Option<bool>,
    total: f64,
}

/// The names a block's own nested types suggest for it: a field `layout` of type
/// `ArticleVideoLayout` suggests `ArticleVideo` (schemas name enums and nested objects after
/// their owner and field, as Kraken's `APIExceptionPriority` on `APIExceptionType.priority`).
fn owner_stems(ty: &TypeDef) -> BTreeSet<String> {
    let mut stems = BTreeSet::new();
    for field in &ty.fields {
        let mut chars = field.name.chars();
        let Some(first) = chars.next() else { continue };
        let pascal: String = first.to_uppercase().chain(chars).collect();
        if let Some(stem) = field.ty.base_name().strip_suffix(pascal.as_str()) {
            if stem.len() >= 3 {
                stems.insert(stem.to_owned());
            }
        }
    }
    stems
}

/// True when `stem` is `name`, or `name` is `stem` with a `Type` suffix.
fn stem_names(stem: &str, name: &str) -> bool {
    name == stem || name.strip_suffix("Type") == Some(stem)
}

/// Words that say nothing about which type a block is.
const STOP_WORDS: &[&str] = &[
    "type",
    "output",
    "connection",
    "edge",
    "interface",
    "union",
    "choice",
    "option",
    "enum",
    "the",
    "and",
    "for",
    "this",
    "that",
    "with",
    "from",
    "are",
    "was",
    "has",
    "have",
    "not",
    "any",
    "its",
    "which",
    "will",
    "can",
    "been",
    "when",
    "all",
    "one",
    "into",
    "per",
    "use",
    "used",
    "field",
    "fields",
    "value",
    "string",
    "int",
    "boolean",
    "id",
];

fn stem(word: &str) -> String {
    let word = word.to_ascii_lowercase();
    match word.strip_suffix('s') {
        Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_owned(),
        _ => word,
    }
}

/// Lower-case word stems of a type or field name (`APIExceptionNoteType` -> api, exception, note).
fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    let snake = name.to_snake_case();
    snake
        .split('_')
        .map(stem)
        .filter(|word| word.len() >= 2 && !STOP_WORDS.contains(&word.as_str()))
        .collect::<Vec<_>>()
        .into_iter()
}

fn text_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| word.len() >= 3)
        .map(stem)
        .filter(|word| !STOP_WORDS.contains(&word.as_str()))
}

/// Everything a block says about itself: field names, field types, field descriptions.
fn block_words(ty: &TypeDef) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for field in &ty.fields {
        words.extend(name_words(&field.name));
        words.extend(name_words(field.ty.base_name()));
        if let Some(description) = &field.description {
            words.extend(text_words(description));
        }
    }
    if let Some(example) = &ty.example {
        for entry in &example.entries {
            words.extend(name_words(&entry.key));
        }
    }
    words
}

/// What placing one more candidate in a gap is worth, in units of word evidence.
const PLACEMENT: f64 = 2.0;
/// How much the words of the fields using a candidate count, against its own name's words.
const USAGE_WEIGHT: f64 = 0.5;
/// How much fields shared with named types of the same head word count.
const SIBLING_WEIGHT: f64 = 0.5;
/// What a nested type named after the candidate (or after another name) is worth.
const OWNER_STEM_WEIGHT: f64 = 6.0;
/// Extra margin per (log) spare block in a gap.
const SPARE_BLOCK_WEIGHT: f64 = 2.0;
/// Word evidence a forced name needs to be high-confidence.
const HIGH_WORDS: f64 = 2.5;
/// Evidence needed before a name is given on evidence alone (about one rare shared word).
const MIN_MARGIN: f64 = 2.5;
/// Evidence margin for a medium-confidence name.
const MEDIUM_MARGIN: f64 = 5.0;

/// Matches the object candidates of each gap between named blocks to its unnamed blocks.
fn assign_gaps(
    schema: &mut Schema,
    candidates: &[Classified],
    namings: &mut Vec<Naming>,
) -> Vec<Abstention> {
    let objects: Vec<&Classified> = candidates
        .iter()
        .filter(|c| c.is_object_candidate())
        .collect();
    // How many blocks use each word: rare shared words are strong evidence.
    let bags: Vec<BTreeSet<String>> = schema.types.values().map(block_words).collect();
    let mut document_frequency: BTreeMap<&str, usize> = BTreeMap::new();
    for bag in &bags {
        for word in bag {
            *document_frequency.entry(word.as_str()).or_default() += 1;
        }
    }
    let total = bags.len() as f64;
    let weight = |word: &str| {
        ((total + 1.0) / (*document_frequency.get(word).unwrap_or(&0) as f64 + 1.0)).ln()
    };

    // Field names of named blocks, by each word of the block's name: a block whose fields
    // match those of `FooAttachment` and `BarAttachment` is likely an attachment too.
    let mut sibling_fields: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut field_frequency: BTreeMap<&str, usize> = BTreeMap::new();
    for ty in schema.types.values() {
        for field in &ty.fields {
            *field_frequency.entry(field.name.as_str()).or_default() += 1;
        }
        if is_placeholder(ty) {
            continue;
        }
        for word in name_words(&ty.name) {
            sibling_fields
                .entry(word)
                .or_default()
                .extend(ty.fields.iter().map(|field| field.name.clone()));
        }
    }
    let field_weight = |field: &str| {
        ((total + 1.0) / (*field_frequency.get(field).unwrap_or(&0) as f64 + 1.0)).ln()
    };

    // Gaps: runs of placeholders between names, with their neighbours.
    let mut gaps: Vec<(Option<String>, Vec<usize>, Option<String>)> = Vec::new();
    let mut before: Option<String> = None;
    let mut run: Vec<usize> = Vec::new();
    for (index, ty) in schema.types.values().enumerate() {
        if is_placeholder(ty) {
            run.push(index);
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

    let mut planned: Vec<Naming> = Vec::new();
    let mut abstentions = Vec::new();
    for (before, blocks, after) in gaps {
        let in_gap: Vec<&Classified> = objects
            .iter()
            .copied()
            .filter(|c| {
                fits(&c.name, before.as_deref(), after.as_deref())
                    && !schema.types.contains_key(&c.name)
            })
            .collect();
        if in_gap.is_empty() {
            continue;
        }
        let block_types: Vec<&TypeDef> = blocks
            .iter()
            .filter_map(|&index| schema.types.get_index(index).map(|(_, ty)| ty))
            .collect();
        let candidate_words: Vec<Vec<String>> = in_gap
            .iter()
            .map(|c| {
                let mut words: Vec<String> = name_words(&c.name).collect();
                words.dedup();
                words
            })
            .collect();
        // What the fields that use a candidate say about it (`notes: "Notes for the account."`),
        // minus the candidate's own name words.
        let usage_words: Vec<BTreeSet<String>> = in_gap
            .iter()
            .zip(&candidate_words)
            .map(|(c, own)| {
                let mut words = BTreeSet::new();
                for (owner, field) in &c.used_by {
                    let Some(field) = schema.types.get(owner).and_then(|ty| ty.field(field)) else {
                        continue;
                    };
                    words.extend(name_words(&field.name));
                    if let Some(description) = &field.description {
                        words.extend(text_words(description));
                    }
                }
                words.retain(|word| !own.contains(word));
                words
            })
            .collect();
        let stems: Vec<BTreeSet<String>> = block_types.iter().map(|ty| owner_stems(ty)).collect();
        let evidence = |block: usize, candidate: usize| -> Option<Evidence> {
            let ty = block_types.get(block)?;
            let name = &in_gap.get(candidate)?.name;
            if shape(ty) != shape_of_name(name) || is_mutation_payload(ty) {
                return None;
            }
            // A block with a field of the candidate's type, or whose example shows the
            // candidate under an abstract field, contains the candidate and mentions its words
            // because of that: no evidence that it is the candidate (a mutation payload holds
            // its output type; self-references are rare).
            let shows_candidate = ty
                .example
                .iter()
                .flat_map(|example| &example.entries)
                .any(|entry| bare_name_in_example(&entry.value) == Some(name.as_str()));
            if shows_candidate || ty.fields.iter().any(|field| field.ty.base_name() == name) {
                return Some(Evidence::default());
            }
            let bag = bags.get(*blocks.get(block)?)?;
            let shared = |words: &mut dyn Iterator<Item = &String>| -> Vec<String> {
                words.filter(|word| bag.contains(*word)).cloned().collect()
            };
            let own = shared(&mut candidate_words.get(candidate)?.iter());
            let usage = shared(&mut usage_words.get(candidate)?.iter());
            let sibling: Vec<String> = candidate_words
                .get(candidate)?
                .last()
                .and_then(|head| sibling_fields.get(head))
                .map(|fields| {
                    ty.fields
                        .iter()
                        .filter(|field| fields.contains(&field.name))
                        .map(|field| field.name.clone())
                        .collect()
                })
                .unwrap_or_default();
            let stems = stems.get(block)?;
            let owner_stem = if stems.iter().any(|stem| stem_names(stem, name)) {
                Some(true)
            } else if stems
                .iter()
                .any(|stem| fits(stem, before.as_deref(), after.as_deref()))
            {
                Some(false)
            } else {
                None
            };
            let total = own.iter().map(|word| weight(word)).sum::<f64>()
                + USAGE_WEIGHT * usage.iter().map(|word| weight(word)).sum::<f64>()
                + SIBLING_WEIGHT * sibling.iter().map(|field| field_weight(field)).sum::<f64>()
                + match owner_stem {
                    Some(true) => OWNER_STEM_WEIGHT,
                    Some(false) => -OWNER_STEM_WEIGHT,
                    None => 0.0,
                };
            Some(Evidence {
                own,
                usage,
                sibling,
                owner_stem,
                total,
            })
        };
        let score = |block: usize, candidate: usize| evidence(block, candidate).map(|e| e.total);
        let pairs = best_matching(block_types.len(), in_gap.len(), PLACEMENT, &score);
        // The more blocks in a gap that no candidate needs, the likelier one of them shares a
        // word with a candidate by chance: ask for more evidence.
        let spare_blocks =
            SPARE_BLOCK_WEIGHT * ((block_types.len().saturating_sub(in_gap.len()) + 1) as f64).ln();
        let mut placed = BTreeSet::new();
        let mut placed_candidates = BTreeSet::new();
        for pair in &pairs {
            let (Some(ty), Some(candidate)) =
                (block_types.get(pair.block), in_gap.get(pair.candidate))
            else {
                continue;
            };
            let found = evidence(pair.block, pair.candidate).unwrap_or_default();
            let confidence = if pair.forced {
                if candidate.confidence >= Confidence::Medium && found.total >= HIGH_WORDS {
                    Confidence::High
                } else {
                    Confidence::Medium
                }
            } else if pair.margin >= MEDIUM_MARGIN + spare_blocks {
                Confidence::Medium
            } else if pair.margin >= MIN_MARGIN + spare_blocks {
                Confidence::Low
            } else {
                continue;
            };
            let mut signals = vec!["page-order".to_owned(), "dangling-reference".to_owned()];
            if pair.forced {
                signals.push("forced-by-count".into());
            }
            if !found.own.is_empty() {
                signals.push("field-words".into());
            }
            if !found.usage.is_empty() {
                signals.push("usage-words".into());
            }
            if !found.sibling.is_empty() {
                signals.push("sibling-fields".into());
            }
            if found.owner_stem == Some(true) {
                signals.push("owner-stem".into());
            }
            if shape(ty) == Shape::Edge {
                signals.push("relay-edge-shape".into());
            }
            let mut evidence: Vec<String> = vec![format!(
                "`{}` is referenced but not defined and sorts into this gap",
                candidate.name
            )];
            let listed = |words: &[String]| {
                words
                    .iter()
                    .map(|word| format!("`{word}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            if !found.own.is_empty() {
                evidence.push(format!("the block's fields mention {}", listed(&found.own)));
            }
            if !found.usage.is_empty() {
                evidence.push(format!(
                    "and {}, as the fields of this type do",
                    listed(&found.usage)
                ));
            }
            if found.owner_stem == Some(true) {
                evidence.push("a field's type is named after it".to_owned());
            }
            if !found.sibling.is_empty() {
                evidence.push(format!(
                    "it shares fields {} with named types of the same kind",
                    listed(&found.sibling)
                ));
            }
            placed.insert(pair.block);
            placed_candidates.insert(pair.candidate);
            planned.push(Naming {
                placeholder: ty.name.clone(),
                name: candidate.name.clone(),
                confidence,
                signals,
                evidence,
            });
        }
        for (position, ty) in block_types.iter().enumerate() {
            if placed.contains(&position) {
                continue;
            }
            let fitting: Vec<String> = in_gap
                .iter()
                .enumerate()
                .filter(|(candidate, _)| {
                    !placed_candidates.contains(candidate) && score(position, *candidate).is_some()
                })
                .map(|(_, c)| c.name.clone())
                .collect();
            if !fitting.is_empty() {
                abstentions.push(Abstention {
                    placeholder: ty.name.clone(),
                    candidates: fitting,
                });
            }
        }
    }
    for naming in planned {
        if rename(schema, &naming) {
            namings.push(naming);
        }
    }
    abstentions
}
