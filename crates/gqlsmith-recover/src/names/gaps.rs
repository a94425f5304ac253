//! The gap assignment, in three steps: find the gaps (runs of unnamed blocks between two
//! names), score each block of a gap against each referenced object name that sorts into it
//! (`score.rs`), and decide which names to give: an order-preserving matching, then a
//! confidence per pair from how forced it is and how much evidence backs it.

use std::collections::{BTreeMap, BTreeSet};

use gqlsmith_model::relay::{shape_of_fields as shape, Shape};
use gqlsmith_model::{Confidence, Schema};

use super::score::{gap_candidates, Block, Candidate, Evidence, GapEvidence, GapScorer};
use super::{Abstention, KnownName, Naming};
use crate::classify::Classified;
use crate::matching::{best_matching, Pair};

/// What placing one more candidate in a gap is worth, in units of word evidence.
const PLACEMENT: f64 = 2.0;
/// Extra margin per (log) spare block in a gap.
const SPARE_BLOCK_WEIGHT: f64 = 2.0;
/// Word evidence a forced name needs to be high-confidence.
const HIGH_WORDS: f64 = 2.5;
/// Evidence needed before a name is given on evidence alone (about one rare shared word).
const MIN_MARGIN: f64 = 2.5;
/// Evidence margin for a medium-confidence name.
const MEDIUM_MARGIN: f64 = 5.0;

/// A run of unnamed blocks between two names (or the page's ends).
pub(super) struct Gap<'r> {
    pub(super) before: Option<&'r str>,
    /// The blocks' positions on the page.
    blocks: Vec<usize>,
    pub(super) after: Option<&'r str>,
    /// The least sure of the two names around the gap: a name derived from them is no
    /// surer.
    bound: Confidence,
    /// True when a name from an earlier round is one of the two.
    narrowed: bool,
}

impl Gap<'_> {
    /// A gap that no sure name split comes back the same in the next round.
    fn key(&self) -> GapKey {
        GapKey {
            first_block: self.blocks.first().copied().unwrap_or_default(),
            blocks: self.blocks.len(),
        }
    }
}

/// A gap by its first block and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct GapKey {
    first_block: usize,
    blocks: usize,
}

/// What the assignment found: names, and blocks that abstain.
#[derive(Debug, Clone, Default)]
pub(super) struct GapOutcome {
    pub(super) namings: Vec<Naming>,
    pub(super) abstentions: Vec<Abstention>,
}

impl GapOutcome {
    fn extend(&mut self, other: GapOutcome) {
        self.namings.extend(other.namings);
        self.abstentions.extend(other.abstentions);
    }
}

/// What one round found in each gap: a gap that no sure name split comes back the same in the
/// next round (its neighbours and candidates are the same), so it is not matched again.
pub(super) type GapOutcomes = BTreeMap<GapKey, GapOutcome>;

/// Matches the object candidates of each gap between named blocks to its unnamed blocks.
/// `known` is the name of each block so far, by page position (`None` for a placeholder).
pub(super) fn assign_gaps<'a>(
    schema: &'a Schema,
    scorer: &mut GapScorer<'a>,
    known: &[Option<KnownName>],
    used: &BTreeSet<String>,
    candidates_on_page: &'a [Classified],
    outcomes: &mut GapOutcomes,
) -> GapOutcome {
    // In ASCII order (classification walks a BTreeMap), so each gap's share is a range.
    let objects: Vec<&Classified> = candidates_on_page
        .iter()
        .filter(|c| c.is_object_candidate() && !used.contains(&c.name))
        .collect();
    let mut round = GapOutcome::default();
    for gap in find_gaps(known) {
        let key = gap.key();
        if let Some(outcome) = outcomes.get(&key) {
            round.extend(outcome.clone());
            continue;
        }
        let in_gap = candidates_in_gap(schema, &objects, &gap);
        if in_gap.is_empty() {
            continue;
        }
        let blocks: Vec<Block<'a>> = gap
            .blocks
            .iter()
            .filter_map(|&index| {
                let (_, ty) = schema.types.get_index(index)?;
                Some(Block::new(index, ty))
            })
            .collect();
        let candidates = gap_candidates(schema, scorer, in_gap);
        let evidence = GapEvidence::score(schema, scorer, &gap, &blocks, &candidates);
        let outcome = decide(scorer, &gap, &blocks, &candidates, &evidence);
        outcomes.insert(key, outcome.clone());
        round.extend(outcome);
    }
    round
}

/// The find step: the runs of unnamed blocks, with the names around each.
fn find_gaps(known: &[Option<KnownName>]) -> Vec<Gap<'_>> {
    let mut gaps = Vec::new();
    // The name before the current run.
    let mut before: Option<&KnownName> = None;
    let mut run: Vec<usize> = Vec::new();
    for (index, name) in known.iter().enumerate() {
        match name {
            None => run.push(index),
            Some(name) => {
                if !run.is_empty() {
                    gaps.push(Gap {
                        bound: before.map_or(name.confidence, |before| {
                            name.confidence.min(before.confidence)
                        }),
                        narrowed: name.assigned || before.is_some_and(|before| before.assigned),
                        before: before.map(|before| before.name.as_str()),
                        blocks: std::mem::take(&mut run),
                        after: Some(name.name.as_str()),
                    });
                }
                before = Some(name);
            }
        }
    }
    if !run.is_empty() {
        gaps.push(Gap {
            bound: before.map_or(Confidence::High, |before| before.confidence),
            narrowed: before.is_some_and(|before| before.assigned),
            before: before.map(|before| before.name.as_str()),
            blocks: run,
            after: None,
        });
    }
    gaps
}

/// The object candidates that sort between the names around `gap` and name no type yet.
fn candidates_in_gap<'a>(
    schema: &Schema,
    objects: &[&'a Classified],
    gap: &Gap<'_>,
) -> Vec<&'a Classified> {
    let start = gap.before.map_or(0, |before| {
        objects.partition_point(|c| c.name.as_str() <= before)
    });
    let end = gap.after.map_or(objects.len(), |after| {
        objects.partition_point(|c| c.name.as_str() < after)
    });
    objects
        .get(start..end.max(start))
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|c| !schema.types.contains_key(&c.name))
        .collect()
}

/// The decide step: the best order-preserving matching of the gap's blocks to its candidates,
/// each pair named when it is forced or its margin is wide enough; a block left over abstains
/// when some candidate could still be it.
fn decide(
    scorer: &GapScorer<'_>,
    gap: &Gap<'_>,
    blocks: &[Block<'_>],
    candidates: &[Candidate<'_>],
    evidence: &GapEvidence<'_>,
) -> GapOutcome {
    let score = |block: usize, candidate: usize| evidence.total(block, candidate);
    let pairs = best_matching(blocks.len(), candidates.len(), PLACEMENT, &score);
    // The more blocks in a gap that no candidate needs, the likelier one of them shares a
    // word with a candidate by chance: ask for more evidence.
    // Only blocks that could take some candidate count: a payload cannot.
    let open_blocks = (0..blocks.len())
        .filter(|&block| (0..candidates.len()).any(|candidate| score(block, candidate).is_some()))
        .count();
    let spare_blocks =
        SPARE_BLOCK_WEIGHT * ((open_blocks.saturating_sub(candidates.len()) + 1) as f64).ln();
    let mut outcome = GapOutcome::default();
    let mut placed = BTreeSet::new();
    let mut placed_candidates = BTreeSet::new();
    for pair in &pairs {
        let (Some(block), Some(candidate)) =
            (blocks.get(pair.block), candidates.get(pair.candidate))
        else {
            continue;
        };
        let found = evidence
            .get(pair.block, pair.candidate)
            .cloned()
            .unwrap_or_default();
        let candidate = candidate.classified;
        let Some(confidence) = confidence(pair, candidate, &found, spare_blocks) else {
            continue;
        };
        placed.insert(pair.block);
        placed_candidates.insert(pair.candidate);
        outcome.namings.push(Naming {
            placeholder: block.ty.name.clone(),
            name: candidate.name.clone(),
            confidence: confidence.min(gap.bound),
            signals: signals(gap, pair, &found, shape(block.ty)),
            evidence: evidence_lines(scorer, candidate, &found),
        });
    }
    for (position, block) in blocks.iter().enumerate() {
        if placed.contains(&position) {
            continue;
        }
        let fitting: Vec<String> = candidates
            .iter()
            .enumerate()
            .filter(|(candidate, _)| {
                !placed_candidates.contains(candidate) && score(position, *candidate).is_some()
            })
            .map(|(_, c)| c.classified.name.clone())
            .collect();
        if !fitting.is_empty() {
            outcome.abstentions.push(Abstention {
                placeholder: block.ty.name.clone(),
                candidates: fitting,
            });
        }
    }
    outcome
}

/// How sure a pair of the matching is, before the gap's bound; `None` when its margin is too
/// thin to name the block at all.
fn confidence(
    pair: &Pair,
    candidate: &Classified,
    found: &Evidence<'_>,
    spare_blocks: f64,
) -> Option<Confidence> {
    if pair.forced {
        if candidate.confidence >= Confidence::Medium && found.total >= HIGH_WORDS {
            Some(Confidence::High)
        } else {
            Some(Confidence::Medium)
        }
    } else if pair.margin >= MEDIUM_MARGIN + spare_blocks {
        Some(Confidence::Medium)
    } else if pair.margin >= MIN_MARGIN + spare_blocks {
        Some(Confidence::Low)
    } else {
        None
    }
}

/// The signals behind a name from the gap assignment.
fn signals(gap: &Gap<'_>, pair: &Pair, found: &Evidence<'_>, block_shape: Shape) -> Vec<String> {
    let mut signals = vec!["page-order".to_owned(), "dangling-reference".to_owned()];
    if gap.narrowed {
        signals.push("narrowed-gap".into());
    }
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
    if block_shape == Shape::Edge {
        signals.push("relay-edge-shape".into());
    }
    signals
}

/// The evidence behind a name from the gap assignment, as sentences.
fn evidence_lines(
    scorer: &GapScorer<'_>,
    candidate: &Classified,
    found: &Evidence<'_>,
) -> Vec<String> {
    let mut evidence: Vec<String> = vec![format!(
        "`{}` is referenced but not defined and sorts into this gap",
        candidate.name
    )];
    let listed = |words: &mut dyn Iterator<Item = &str>| {
        words
            .map(|word| format!("`{word}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !found.own.is_empty() {
        evidence.push(format!(
            "the block's fields mention {}",
            listed(&mut found.own.iter().map(|&word| scorer.lexicon.word(word)))
        ));
    }
    if !found.usage.is_empty() {
        evidence.push(format!(
            "and {}, as the fields of this type do",
            listed(&mut found.usage.iter().map(|&word| scorer.lexicon.word(word)))
        ));
    }
    if found.owner_stem == Some(true) {
        evidence.push("a field's type is named after it".to_owned());
    }
    if !found.sibling.is_empty() {
        evidence.push(format!(
            "it shares fields {} with named types of the same kind",
            listed(&mut found.sibling.iter().copied())
        ));
    }
    evidence
}
