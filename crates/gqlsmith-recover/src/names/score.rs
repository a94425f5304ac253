//! The score step of the gap assignment: what ties each unnamed block of a gap to each
//! candidate name (the candidate's words in the block's fields, the words of the fields that use
//! it, fields shared with named types of its kind, nested types named after it), weighted by how
//! rare each word is on the page.

use std::collections::{BTreeMap, BTreeSet};

use gqlsmith_model::relay::{self, shape_of_fields as shape, shape_of_name};
use gqlsmith_model::{Schema, TypeDef};

use super::fits;
use super::gaps::Gap;
use super::words::{block_words, Lexicon};
use crate::classify::Classified;
use crate::page::{bare_name_in_example, is_placeholder};

/// A mutation payload lists the errors its mutation can raise. Payloads are referenced only
/// from the Mutation root, which an objects page does not show (none of the 249 named blocks
/// with error codes on the Kraken page is referenced on it), so a referenced name is not one.
///
/// The list is part of the description, which an unnamed block never has; a deprecated
/// `possibleErrors` field alone is weaker: payloads have it, but so do some query types
/// (`ReadingType`, and the water types `WaterMeterType` and `WasteWaterSupplyPointType`).
fn is_mutation_payload(ty: &TypeDef) -> bool {
    !ty.error_codes.is_empty()
}

/// A block with a `possibleErrors` field (and no error list) may be a payload that lost its
/// description: it takes a referenced name only when its nested types are named after it.
fn may_be_payload(ty: &TypeDef) -> bool {
    ty.field("possibleErrors").is_some()
}

/// What ties one block to one candidate name.
#[derive(Debug, Clone, Default)]
pub(super) struct Evidence<'a> {
    /// Words of the candidate's name the block's fields use.
    pub(super) own: Vec<u32>,
    /// Words of the fields that use the candidate, which the block's fields use too.
    pub(super) usage: Vec<u32>,
    /// The block's fields that named types with the candidate's head word also have.
    pub(super) sibling: Vec<&'a str>,
    /// Field types named after the block (`layout: ArticleVideoLayout` in `ArticleVideo`):
    /// `Some(true)` when one names the candidate, `Some(false)` when they name another type
    /// that could sit in this gap.
    pub(super) owner_stem: Option<bool>,
    pub(super) total: f64,
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

/// True when a field of type `field_type` holds values of type `name`: the type itself, or
/// its Relay connection or edge, as the page defines them (`RegistersConnection` whose edges'
/// `node` is a `DeviceRegister`) or names them (`FooConnection` for `Foo`,
/// `FooConnectionTypeConnection` for `FooType`).
fn holds(schema: &Schema, field_type: &str, name: &str) -> bool {
    if field_type == name {
        return true;
    }
    let field_of = |ty: &str, field: &str| {
        schema
            .types
            .get(ty)
            .and_then(|ty| ty.field(field))
            .map(|field| field.ty.base_name())
    };
    let edge = field_of(field_type, "edges").unwrap_or(field_type);
    if field_of(edge, "node") == Some(name) {
        return true;
    }
    let Some(collection) =
        relay::connection_prefix(field_type).or_else(|| relay::edge_prefix(field_type))
    else {
        return false;
    };
    collection == name
        || matches!(
            (collection.strip_suffix("ConnectionType"), name.strip_suffix("Type")),
            (Some(held), Some(stem)) if held == stem
        )
}

/// True when `stem` is `name`, or `name` is `stem` with a `Type` suffix.
fn stem_names(stem: &str, name: &str) -> bool {
    name == stem || name.strip_suffix("Type") == Some(stem)
}

/// How much the words of the fields using a candidate count, against its own name's words.
const USAGE_WEIGHT: f64 = 0.5;
/// How much fields shared with named types of the same head word count.
const SIBLING_WEIGHT: f64 = 0.5;
/// What a nested type named after the candidate (or after another name) is worth.
const OWNER_STEM_WEIGHT: f64 = 6.0;

/// What the whole page says, computed once for every round of the gap assignment: word
/// stems per block, how rare each word and field name is, and the fields of named blocks by
/// the words of their names.
pub(super) struct GapScorer<'a> {
    pub(super) lexicon: Lexicon<'a>,
    /// Word stems of each block, in page order (each sorted, see [`block_words`]).
    bags: Vec<Vec<u32>>,
    /// How many blocks use each word: rare shared words are strong evidence.
    document_frequency: Vec<usize>,
    /// Field names of named blocks, by each word of the block's name: a block whose fields
    /// match those of `FooAttachment` and `BarAttachment` is likely an attachment too.
    sibling_fields: BTreeMap<u32, BTreeSet<&'a str>>,
    field_frequency: BTreeMap<&'a str, usize>,
    blocks: f64,
}

impl<'a> GapScorer<'a> {
    pub(super) fn new(schema: &'a Schema) -> Self {
        let mut lexicon = Lexicon::default();
        let bags: Vec<Vec<u32>> = schema
            .types
            .values()
            .map(|ty| block_words(ty, &mut lexicon))
            .collect();
        let mut document_frequency: Vec<usize> = vec![0; lexicon.words.len()];
        for bag in &bags {
            for &word in bag {
                if let Some(count) = document_frequency.get_mut(word as usize) {
                    *count += 1;
                }
            }
        }
        let mut sibling_fields: BTreeMap<u32, BTreeSet<&str>> = BTreeMap::new();
        let mut field_frequency: BTreeMap<&str, usize> = BTreeMap::new();
        for ty in schema.types.values() {
            for field in field_names(ty) {
                *field_frequency.entry(field).or_default() += 1;
            }
            if is_placeholder(ty) {
                continue;
            }
            for &word in lexicon.name(&ty.name) {
                sibling_fields
                    .entry(word)
                    .or_default()
                    .extend(field_names(ty));
            }
        }
        GapScorer {
            lexicon,
            bags,
            document_frequency,
            sibling_fields,
            field_frequency,
            blocks: schema.types.len() as f64,
        }
    }

    fn word_weight(&self, word: u32) -> f64 {
        let used = self
            .document_frequency
            .get(word as usize)
            .copied()
            .unwrap_or(0);
        ((self.blocks + 1.0) / (used as f64 + 1.0)).ln()
    }

    fn field_weight(&self, field: &str) -> f64 {
        let used = self.field_frequency.get(field).copied().unwrap_or(0);
        ((self.blocks + 1.0) / (used as f64 + 1.0)).ln()
    }
}

/// The names a block's fields have: its field table, or, for a block whose page shows only
/// an example, the example's keys (the example lists the same fields).
fn field_names(ty: &TypeDef) -> Box<dyn Iterator<Item = &str> + '_> {
    if ty.fields.is_empty() {
        Box::new(
            ty.example
                .iter()
                .flat_map(|example| &example.entries)
                .map(|entry| entry.key.as_str()),
        )
    } else {
        Box::new(ty.fields.iter().map(|field| field.name.as_str()))
    }
}

/// A referenced object name that sorts into a gap, with the words the evidence compares.
pub(super) struct Candidate<'a> {
    pub(super) classified: &'a Classified,
    /// The word stems of its name (see [`Lexicon::name`]), without adjacent repeats.
    words: Vec<u32>,
    /// What the fields that use it say about it (`notes: "Notes for the account."`), minus its
    /// own name's words.
    usage_words: BTreeSet<u32>,
}

/// The candidates of one gap, in ASCII order: every word of their names is interned before any
/// word of their usages, so word ids (and with them the order evidence lists usage words in)
/// do not depend on how the candidates are grouped.
pub(super) fn gap_candidates<'a>(
    schema: &'a Schema,
    scorer: &mut GapScorer<'a>,
    in_gap: Vec<&'a Classified>,
) -> Vec<Candidate<'a>> {
    let words: Vec<Vec<u32>> = in_gap
        .iter()
        .map(|c| {
            let mut words = scorer.lexicon.name(&c.name).to_vec();
            words.dedup();
            words
        })
        .collect();
    in_gap
        .into_iter()
        .zip(words)
        .map(|(classified, words)| {
            let mut usage_words = BTreeSet::new();
            for (owner, field) in &classified.used_by {
                let Some(field) = schema.types.get(owner).and_then(|ty| ty.field(field)) else {
                    continue;
                };
                usage_words.extend(scorer.lexicon.name(&field.name).iter().copied());
                if let Some(description) = &field.description {
                    usage_words.extend(scorer.lexicon.text(description).iter().copied());
                }
            }
            usage_words.retain(|word| !words.contains(word));
            Candidate {
                classified,
                words,
                usage_words,
            }
        })
        .collect()
}

/// An unnamed block of a gap.
pub(super) struct Block<'a> {
    /// Its position on the page.
    index: usize,
    pub(super) ty: &'a TypeDef,
    /// The names its nested types suggest for it (see [`owner_stems`]).
    owner_stems: BTreeSet<String>,
}

impl<'a> Block<'a> {
    pub(super) fn new(index: usize, ty: &'a TypeDef) -> Self {
        Block {
            index,
            ty,
            owner_stems: owner_stems(ty),
        }
    }
}

/// The evidence of every block of a gap for every candidate: `None` where the block cannot be
/// the candidate (another shape, a mutation payload).
pub(super) struct GapEvidence<'a> {
    /// By block, then by candidate, in the orders of the gap.
    rows: Vec<Vec<Option<Evidence<'a>>>>,
}

impl<'a> GapEvidence<'a> {
    /// Scores every block of `gap` against every candidate.
    pub(super) fn score(
        schema: &'a Schema,
        scorer: &GapScorer<'a>,
        gap: &Gap<'_>,
        blocks: &[Block<'a>],
        candidates: &[Candidate<'a>],
    ) -> Self {
        let rows = blocks
            .iter()
            .map(|block| {
                candidates
                    .iter()
                    .map(|candidate| evidence(schema, scorer, gap, block, candidate))
                    .collect()
            })
            .collect();
        GapEvidence { rows }
    }

    pub(super) fn get(&self, block: usize, candidate: usize) -> Option<&Evidence<'a>> {
        self.rows.get(block)?.get(candidate)?.as_ref()
    }

    /// The weight of the evidence, for the matching.
    pub(super) fn total(&self, block: usize, candidate: usize) -> Option<f64> {
        self.get(block, candidate).map(|evidence| evidence.total)
    }
}

/// What ties `block` to `candidate`, or `None` when the block cannot be it.
fn evidence<'a>(
    schema: &'a Schema,
    scorer: &GapScorer<'a>,
    gap: &Gap<'_>,
    block: &Block<'a>,
    candidate: &Candidate<'a>,
) -> Option<Evidence<'a>> {
    let ty = block.ty;
    let name = &candidate.classified.name;
    if shape(ty) != shape_of_name(name) || is_mutation_payload(ty) {
        return None;
    }
    // A block with a field of the candidate's type, or whose example shows the candidate
    // under an abstract field, contains the candidate and mentions its words because of that:
    // no evidence that it is the candidate (a mutation payload holds its output type;
    // self-references are rare).
    let shows_candidate = ty
        .example
        .iter()
        .flat_map(|example| &example.entries)
        .any(|entry| bare_name_in_example(&entry.value) == Some(name.as_str()));
    if shows_candidate
        || ty
            .fields
            .iter()
            .any(|field| holds(schema, field.ty.base_name(), name))
    {
        return (!may_be_payload(ty)).then(Evidence::default);
    }
    let bag = scorer.bags.get(block.index)?;
    let shared = |words: &mut dyn Iterator<Item = &u32>| -> Vec<u32> {
        words
            .filter(|word| bag.binary_search(word).is_ok())
            .copied()
            .collect()
    };
    let own = shared(&mut candidate.words.iter());
    let usage = shared(&mut candidate.usage_words.iter());
    let sibling: Vec<&str> = candidate
        .words
        .last()
        .and_then(|head| scorer.sibling_fields.get(head))
        .map(|fields| {
            field_names(ty)
                .filter(|field| fields.contains(field))
                .collect()
        })
        .unwrap_or_default();
    let owner_stem = if block.owner_stems.iter().any(|stem| stem_names(stem, name)) {
        Some(true)
    } else if block
        .owner_stems
        .iter()
        .any(|stem| fits(stem, gap.before, gap.after))
    {
        Some(false)
    } else {
        None
    };
    if may_be_payload(ty) && owner_stem != Some(true) {
        return None;
    }
    let total = own
        .iter()
        .map(|&word| scorer.word_weight(word))
        .sum::<f64>()
        + USAGE_WEIGHT
            * usage
                .iter()
                .map(|&word| scorer.word_weight(word))
                .sum::<f64>()
        + SIBLING_WEIGHT
            * sibling
                .iter()
                .map(|field| scorer.field_weight(field))
                .sum::<f64>()
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
}
