//! Names for unnamed blocks from evidence on the page: Relay conventions (`relay.rs`), the
//! page's ASCII order, and the referenced-but-undefined object names that fit each gap between
//! two names (`gaps.rs`, scored by the words of `words.rs` in `score.rs`), in rounds until
//! nothing changes.

mod gaps;
mod relay;
mod score;
mod words;

use std::collections::{BTreeMap, BTreeSet};

use gqlsmith_model::{Confidence, Diagnostic, NameOrigin, Schema};

use crate::classify::Classified;
use crate::page::is_placeholder;
use gaps::{assign_gaps, GapOutcome, GapOutcomes};
use relay::relay_names;
use score::GapScorer;

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

/// A block's name so far, and how far later rounds may trust it.
#[derive(Debug, Clone)]
struct KnownName {
    name: String,
    /// Page names and Relay names are certain; a name from the gap assignment bounds what
    /// later rounds may derive from it.
    confidence: Confidence,
    /// True for the names an earlier round of the gap assignment gave (a gap next to one was
    /// narrowed by it).
    assigned: bool,
}

impl KnownName {
    /// A name from the page or from the Relay rules.
    fn certain(name: String) -> Self {
        KnownName {
            name,
            confidence: Confidence::High,
            assigned: false,
        }
    }
}

/// Runs the Relay rules, then the gap assignment, then renames every named block at once
/// (every reference follows). `candidates` are the classified dangling names; the object ones
/// may name blocks.
pub(crate) fn name_blocks(
    schema: &mut Schema,
    candidates: &[Classified],
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Naming>, Vec<Abstention>) {
    let mut namings = Vec::new();
    // The name each block has so far, by page position; `None` for a placeholder.
    let mut known: Vec<Option<KnownName>> = schema
        .types
        .values()
        .map(|ty| (!is_placeholder(ty)).then(|| KnownName::certain(ty.name.clone())))
        .collect();
    let mut used = BTreeSet::new();
    relay_names(schema, &mut known, &mut used, diagnostics, &mut namings);
    let mut scorer = GapScorer::new(schema);
    let mut outcomes = GapOutcomes::new();
    let mut contested: Vec<Abstention> = Vec::new();
    let mut abstentions = loop {
        let GapOutcome {
            namings: found,
            abstentions,
        } = assign_gaps(
            schema,
            &mut scorer,
            &known,
            &used,
            candidates,
            &mut outcomes,
        );
        // One name for two blocks means the evidence did not single out a block (a page out
        // of ASCII order lets a name fit two gaps): both keep their placeholders.
        let found = drop_contested(found, &mut contested);
        // Each sure name splits its gap: the next round sees smaller gaps with fewer
        // candidates each, where a count can force what a whole gap could not. A low name
        // splits nothing (a wrong one would mislead every name derived from it): it is kept
        // only from the last round, which sees every gap that is left.
        let (firm, tentative): (Vec<Naming>, Vec<Naming>) = found
            .into_iter()
            .partition(|naming| naming.confidence >= Confidence::Medium);
        if firm.is_empty() {
            namings.extend(tentative);
            break abstentions;
        }
        for naming in &firm {
            if let Some(index) = schema.types.get_index_of(&naming.placeholder) {
                if let Some(slot) = known.get_mut(index) {
                    *slot = Some(KnownName {
                        name: naming.name.clone(),
                        confidence: naming.confidence,
                        assigned: true,
                    });
                }
            }
            used.insert(naming.name.clone());
        }
        namings.extend(firm);
    };
    for abstention in contested {
        let named = namings
            .iter()
            .any(|naming| naming.placeholder == abstention.placeholder);
        let listed = abstentions
            .iter()
            .any(|listed| listed.placeholder == abstention.placeholder);
        if !named && !listed {
            abstentions.push(abstention);
        }
    }
    rename_all(schema, &namings);
    (namings, abstentions)
}

/// `found` without the namings whose name another naming of the round also gives (earlier
/// rounds' names are not candidates any more); their blocks are recorded in `contested` as
/// abstentions.
fn drop_contested(found: Vec<Naming>, contested: &mut Vec<Abstention>) -> Vec<Naming> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for naming in &found {
        *count.entry(naming.name.as_str()).or_default() += 1;
    }
    let keep: Vec<bool> = found
        .iter()
        .map(|naming| count[naming.name.as_str()] == 1)
        .collect();
    let mut kept = Vec::with_capacity(found.len());
    for (naming, keep) in found.into_iter().zip(keep) {
        if keep {
            kept.push(naming);
        } else {
            contested.push(Abstention {
                placeholder: naming.placeholder,
                candidates: vec![naming.name],
            });
        }
    }
    kept
}

fn fits(name: &str, before: Option<&str>, after: Option<&str>) -> bool {
    before.is_none_or(|before| before < name) && after.is_none_or(|after| name < after)
}

/// Renames all named blocks in one pass over the schema (renaming one at a time with
/// [`Schema::rename_type`] visits every reference per name, quadratic on a large page): one
/// [`Schema::rename_references`] walk with every rename.
fn rename_all(schema: &mut Schema, namings: &[Naming]) {
    let renames: BTreeMap<&str, &Naming> = namings
        .iter()
        .filter(|naming| !schema.types.contains_key(&naming.name))
        .map(|naming| (naming.placeholder.as_str(), naming))
        .collect();
    if renames.is_empty() {
        return;
    }
    let targets: BTreeMap<&str, &str> = renames
        .iter()
        .map(|(from, naming)| (*from, naming.name.as_str()))
        .collect();
    let types = std::mem::take(&mut schema.types);
    for (key, mut ty) in types {
        match renames.get(key.as_str()) {
            Some(naming) => {
                ty.name = naming.name.clone();
                ty.name_origin = NameOrigin::Recovered {
                    confidence: naming.confidence,
                    signals: naming.signals.clone(),
                };
                schema.types.insert(naming.name.clone(), ty);
            }
            None => {
                schema.types.insert(key, ty);
            }
        }
    }
    schema.rename_references(|name| {
        if let Some(to) = targets.get(name.as_str()) {
            *name = (*to).to_owned();
        }
    });
}
