//! Names for unnamed blocks from evidence on the page: Relay conventions, the page's ASCII
//! order, and the referenced-but-undefined object names that fit each gap.

use std::collections::{BTreeMap, BTreeSet};

use gqlsmith_model::{Confidence, Diagnostic, Schema, TypeDef};
use heck::ToSnakeCase;

use crate::classify::Classified;
use crate::matching::best_matching;
use crate::page::is_placeholder;

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
        let score = |block: usize, candidate: usize| -> Option<f64> {
            let ty = block_types.get(block)?;
            let name = &in_gap.get(candidate)?.name;
            if shape(ty) != shape_of_name(name) || is_mutation_payload(ty) {
                return None;
            }
            // A block with a field of the candidate's type mentions the candidate's words
            // because of that field, which is no evidence that it is the candidate (a
            // mutation payload holds its output type; self-references are rare).
            if ty.fields.iter().any(|field| field.ty.base_name() == name) {
                return Some(0.0);
            }
            let bag = bags.get(*blocks.get(block)?)?;
            let own: f64 = candidate_words
                .get(candidate)?
                .iter()
                .filter(|word| bag.contains(*word))
                .map(|word| weight(word))
                .sum();
            let usage: f64 = usage_words
                .get(candidate)?
                .iter()
                .filter(|word| bag.contains(*word))
                .map(|word| weight(word))
                .sum();
            Some(own + USAGE_WEIGHT * usage)
        };
        let pairs = best_matching(block_types.len(), in_gap.len(), PLACEMENT, &score);
        let mut placed = BTreeSet::new();
        for pair in &pairs {
            let (Some(ty), Some(candidate)) =
                (block_types.get(pair.block), in_gap.get(pair.candidate))
            else {
                continue;
            };
            let words: Vec<&String> = candidate_words
                .get(pair.candidate)
                .map(|words| {
                    words
                        .iter()
                        .filter(|word| {
                            bags.get(blocks[pair.block])
                                .is_some_and(|bag| bag.contains(*word))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let confidence = if pair.forced {
                if candidate.confidence >= Confidence::Medium && pair.score >= HIGH_WORDS {
                    Confidence::High
                } else {
                    Confidence::Medium
                }
            } else if pair.margin >= MEDIUM_MARGIN {
                Confidence::Medium
            } else if pair.margin >= MIN_MARGIN {
                Confidence::Low
            } else {
                continue;
            };
            let mut signals = vec!["page-order".to_owned(), "dangling-reference".to_owned()];
            if pair.forced {
                signals.push("forced-by-count".into());
            }
            if !words.is_empty() {
                signals.push("field-words".into());
            }
            if shape(ty) == Shape::Edge {
                signals.push("relay-edge-shape".into());
            }
            let mut evidence = vec![format!(
                "`{}` is referenced but not defined and sorts into this gap",
                candidate.name
            )];
            if !words.is_empty() {
                evidence.push(format!(
                    "the block's fields mention {}",
                    words
                        .iter()
                        .map(|word| format!("`{word}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            placed.insert(pair.block);
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
                .filter(|(candidate, _)| score(position, *candidate).is_some())
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
