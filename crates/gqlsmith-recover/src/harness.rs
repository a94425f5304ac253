//! The hide-and-recover harness: hide the names (and descriptions, as the page does) of a
//! random share of named blocks, run the pass, and score the names it gives back per tier.

use std::collections::BTreeMap;

use gqlsmith_model::{Confidence, Loaded, NameOrigin, Schema};
use serde::Serialize;

use crate::pass::{recover, RecoverOptions};
use crate::report::RecoveryReport;

/// Right and wrong names in one confidence tier.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TierScore {
    pub right: usize,
    pub wrong: usize,
}

impl TierScore {
    /// Right names over all names given (1 when none were given).
    pub fn precision(&self) -> f64 {
        let given = self.right + self.wrong;
        if given == 0 {
            1.0
        } else {
            self.right as f64 / given as f64
        }
    }
}

/// Scores over all seeds of [`evaluate_hidden_names`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Evaluation {
    pub seeds: usize,
    pub share: f64,
    /// Named blocks hidden, summed over seeds.
    pub hidden: usize,
    /// Hidden blocks whose name the rest of the page still mentions (a field type or
    /// example value) or that have a Relay shape: the ones evidence could bring back.
    pub recoverable: usize,
    /// Per tier (`high`, `medium`, `low`): names given back to hidden blocks, right or wrong.
    pub tiers: BTreeMap<String, TierScore>,
    /// Hidden blocks left with a placeholder.
    pub abstained: usize,
    /// Wrong names, as `seed: placeholder -> given (truth)`, the first 20.
    pub wrong_examples: Vec<String>,
}

impl Evaluation {
    /// Right names over hidden blocks, all tiers.
    pub fn recall(&self) -> f64 {
        let right: usize = self.tiers.values().map(|tier| tier.right).sum();
        if self.hidden == 0 {
            1.0
        } else {
            right as f64 / self.hidden as f64
        }
    }

    /// Plain text: one line per tier, then recall.
    pub fn render(&self) -> String {
        let mut out = format!(
            "hide-and-recover: {} seeds, share {:.2}, {} blocks hidden ({} recoverable)\n",
            self.seeds, self.share, self.hidden, self.recoverable
        );
        for (tier, score) in &self.tiers {
            out.push_str(&format!(
                "  {tier}: {} right, {} wrong, precision {:.4}\n",
                score.right,
                score.wrong,
                score.precision()
            ));
        }
        out.push_str(&format!(
            "  abstained: {}, recall {:.4}\n",
            self.abstained,
            self.recall()
        ));
        for wrong in &self.wrong_examples {
            out.push_str(&format!("  wrong: {wrong}\n"));
        }
        out
    }
}

/// Scores recovery on a page rendered from a known schema by [`render_page`]
/// (`page` is that text as the docs reader read it): block `i` of the page is the `i`-th object
/// type of `truth` in ASCII order, and the blocks the page shows unnamed are scored. Names from
/// a reference (`options.reference`) are scored in their tier as page-evidence names are.
///
/// [`render_page`]: crate::render_page
pub fn evaluate_rendered(
    truth: &Schema,
    page: &Loaded,
    options: &RecoverOptions,
) -> (Evaluation, RecoveryReport) {
    let mut evaluation = Evaluation {
        seeds: 1,
        share: 0.0,
        ..Evaluation::default()
    };
    for tier in [Confidence::High, Confidence::Medium, Confidence::Low] {
        evaluation
            .tiers
            .insert(tier.to_string(), TierScore::default());
    }
    let mut objects: Vec<&str> = crate::printer::page_objects(truth)
        .map(|ty| ty.name.as_str())
        .collect();
    objects.sort_unstable();
    let hidden: Vec<(usize, String)> = page
        .schema
        .types
        .values()
        .enumerate()
        .filter(|(_, ty)| ty.name_origin == NameOrigin::Placeholder)
        .filter_map(|(index, _)| objects.get(index).map(|truth| (index, (*truth).to_owned())))
        .collect();
    let mentioned = crate::page::dangling_names(&page.schema);
    evaluation.recoverable = hidden
        .iter()
        .filter(|(_, truth)| mentioned.contains_key(truth))
        .count();
    let mut recovered = page.clone();
    let report = recover(&mut recovered, options);
    score(&mut evaluation, &recovered, 0, hidden);
    (evaluation, report)
}

/// Adds the outcome for the `hidden` blocks (index in page order, true name) to `evaluation`.
fn score(evaluation: &mut Evaluation, recovered: &Loaded, seed: u64, hidden: Vec<(usize, String)>) {
    evaluation.hidden += hidden.len();
    for (index, truth) in hidden {
        let Some((_, ty)) = recovered.schema.types.get_index(index) else {
            continue;
        };
        let (NameOrigin::Recovered { confidence, .. } | NameOrigin::Reference { confidence }) =
            &ty.name_origin
        else {
            evaluation.abstained += 1;
            continue;
        };
        let score = evaluation.tiers.entry(confidence.to_string()).or_default();
        if ty.name == truth {
            score.right += 1;
        } else {
            score.wrong += 1;
            if evaluation.wrong_examples.len() < 20 {
                let line = ty
                    .provenance
                    .location
                    .as_ref()
                    .map_or(0, |location| location.line);
                evaluation.wrong_examples.push(format!(
                    "{seed}: line {line} -> {} ({confidence}, truth {truth})",
                    ty.name
                ));
            }
        }
    }
}

/// splitmix64: a tiny deterministic generator, enough to pick blocks to hide.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Hides the names of `share` (0..=1) of the named blocks of `page` (as the docs reader read
/// it, before recovery) for each seed, runs [`recover`] without overlay or reference, and
/// scores what comes back. Blocks the page already lost are not scored (their truth is
/// unknown). Deterministic for a given page, seeds and share.
pub fn evaluate_hidden_names(page: &Loaded, seeds: &[u64], share: f64) -> Evaluation {
    let mut evaluation = Evaluation {
        seeds: seeds.len(),
        share,
        ..Evaluation::default()
    };
    for tier in [Confidence::High, Confidence::Medium, Confidence::Low] {
        evaluation
            .tiers
            .insert(tier.to_string(), TierScore::default());
    }
    for &seed in seeds {
        let mut random = SplitMix64(seed);
        let mut hidden_page = page.clone();
        // (index in page order, truth)
        let mut hidden: Vec<(usize, String)> = Vec::new();
        let names: Vec<String> = hidden_page.schema.types.keys().cloned().collect();
        for (index, name) in names.iter().enumerate() {
            let Some(ty) = hidden_page.schema.types.get(name) else {
                continue;
            };
            if ty.name_origin != NameOrigin::Document || random.unit() >= share {
                continue;
            }
            let line = ty
                .provenance
                .location
                .as_ref()
                .map_or(index as u32, |location| location.line);
            let placeholder = format!("Unnamed_L{line}");
            if hidden_page.schema.types.contains_key(&placeholder) {
                continue;
            }
            // Not `rename_type`: the rest of the page still spells the true name.
            let Some(mut ty) = hidden_page.schema.types.shift_remove(name) else {
                continue;
            };
            ty.name = placeholder.clone();
            ty.description = None;
            ty.name_origin = NameOrigin::Placeholder;
            hidden_page
                .schema
                .types
                .shift_insert(index, placeholder, ty);
            hidden.push((index, name.clone()));
        }
        let mentioned = crate::page::dangling_names(&hidden_page.schema);
        for (index, truth) in &hidden {
            let relay = hidden_page
                .schema
                .types
                .get_index(*index)
                .is_some_and(|(_, ty)| ty.field("edges").is_some() || ty.field("cursor").is_some());
            if mentioned.contains_key(truth) || relay {
                evaluation.recoverable += 1;
            }
        }
        recover(&mut hidden_page, &RecoverOptions::default());
        score(&mut evaluation, &hidden_page, seed, hidden);
    }
    evaluation
}
