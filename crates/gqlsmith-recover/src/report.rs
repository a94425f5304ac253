//! What recovery did and how sure it is: counts per signal and tier, what stays unknown, and
//! per recovered name its signals. Serialized for `--format json`, rendered for `inspect`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use gqlsmith_model::{Confidence, Schema};
use serde::Serialize;

use crate::classify::Classified;
use crate::names::{Abstention, Naming};
use crate::page::is_placeholder;

/// The outcome of one [`recover`](crate::recover) run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RecoveryReport {
    /// Blocks on the page (named and unnamed).
    pub blocks: usize,
    /// Blocks the page showed without a name.
    pub unnamed_blocks: usize,
    /// Unnamed blocks that got a name, by any means.
    pub named: usize,
    /// Names from page evidence per confidence tier (`high`, `medium`, `low`).
    pub per_tier: BTreeMap<String, usize>,
    /// Names from page evidence per signal (a name counts once for each of its signals).
    pub per_signal: BTreeMap<String, usize>,
    /// Names supplied by the overlay file.
    pub from_overlay: usize,
    /// Names matched against the reference schema.
    pub from_reference: usize,
    /// Names referenced by the page but never defined, the built-in scalars included.
    pub dangling_names: usize,
    /// Of those, the names that now name a block of the page.
    pub dangling_naming_blocks: usize,
    /// The others get a type of their own; their inferred kinds (`builtin scalar`, `custom scalar`, `enum`, `interface`, `union`,
    /// `connection`, `object`).
    pub dangling_kinds: BTreeMap<String, usize>,
    /// The signal that decided each dangling kind, counted.
    pub kind_signals: BTreeMap<String, usize>,
    /// Fields whose page lists argument descriptions without names, and those descriptions.
    pub fields_with_unnamed_arguments: usize,
    pub described_arguments: usize,
    /// Every name given to a block, in page order.
    pub recovered: Vec<RecoveredName>,
    /// Blocks that keep their placeholder although names could fit them.
    pub abstained: Vec<Abstained>,
    /// Blocks that keep their placeholder with no candidate at all.
    pub unknown: Vec<String>,
    /// Blocks that keep their placeholder although reference types that sort into their gap
    /// share enough of their fields (the reference explains them; order and fields do not
    /// single one out), with those types.
    pub reference_explained: Vec<Abstained>,
    /// Names the page shows (named blocks and referenced names) that the reference lacks:
    /// when there are any, the reference is not this page's own schema.
    pub missing_from_reference: Vec<String>,
    /// Names that only such a reference supplies and the page never mentions (each `low`,
    /// with the `reference-only` signal).
    pub reference_only: Vec<String>,
}

/// One name given to an unnamed block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecoveredName {
    pub placeholder: String,
    pub name: String,
    /// The block's line on the page.
    pub line: Option<u32>,
    /// `document` is never used here; `recovered`, `overlay` or `reference`.
    pub origin: String,
    pub confidence: Option<Confidence>,
    pub signals: Vec<String>,
    pub evidence: Vec<String>,
}

/// A block that keeps its placeholder, and the names that could each be it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Abstained {
    pub placeholder: String,
    pub candidates: Vec<String>,
}

impl RecoveryReport {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn build(
        schema: &Schema,
        blocks: usize,
        placeholders_before: &[(String, Option<u32>)],
        overlay_names: &[RecoveredName],
        reference_names: &[RecoveredName],
        reference_explained: Vec<Abstained>,
        missing_from_reference: Vec<String>,
        namings: &[&Naming],
        abstentions: &[Abstention],
        dangling_names: usize,
        kinds: &[Classified],
    ) -> RecoveryReport {
        let mut report = RecoveryReport {
            blocks,
            unnamed_blocks: placeholders_before.len(),
            from_overlay: overlay_names.len(),
            from_reference: reference_names.len(),
            reference_explained,
            missing_from_reference,
            reference_only: reference_names
                .iter()
                .filter(|name| name.signals.iter().any(|signal| signal == "reference-only"))
                .map(|name| name.name.clone())
                .collect(),
            ..RecoveryReport::default()
        };
        for tier in [Confidence::High, Confidence::Medium, Confidence::Low] {
            report.per_tier.insert(tier.to_string(), 0);
        }
        let lines: BTreeMap<&str, Option<u32>> = placeholders_before
            .iter()
            .map(|(name, line)| (name.as_str(), *line))
            .collect();
        let line_of = |placeholder: &str| lines.get(placeholder).copied().flatten();
        let mut recovered: Vec<RecoveredName> = overlay_names
            .iter()
            .chain(reference_names)
            .cloned()
            .collect();
        for naming in namings {
            *report
                .per_tier
                .entry(naming.confidence.to_string())
                .or_default() += 1;
            for signal in &naming.signals {
                *report.per_signal.entry(signal.clone()).or_default() += 1;
            }
            recovered.push(RecoveredName {
                placeholder: naming.placeholder.clone(),
                name: naming.name.clone(),
                line: line_of(&naming.placeholder),
                origin: "recovered".into(),
                confidence: Some(naming.confidence),
                signals: naming.signals.clone(),
                evidence: naming.evidence.clone(),
            });
        }
        recovered.sort_by_key(|name| name.line);
        report.named = recovered.len();
        report.recovered = recovered;
        report.abstained = abstentions
            .iter()
            .filter(|a| schema.types.get(&a.placeholder).is_some_and(is_placeholder))
            .map(|a| Abstained {
                placeholder: a.placeholder.clone(),
                candidates: a.candidates.clone(),
            })
            .collect();
        let abstained: BTreeSet<&str> = report
            .abstained
            .iter()
            .chain(&report.reference_explained)
            .map(|a| a.placeholder.as_str())
            .collect();
        report.unknown = schema
            .types
            .values()
            .filter(|ty| is_placeholder(ty) && !abstained.contains(ty.name.as_str()))
            .map(|ty| ty.name.clone())
            .collect();
        report.dangling_names = dangling_names;
        report.dangling_naming_blocks = dangling_names.saturating_sub(kinds.len());
        for kind in kinds {
            *report
                .dangling_kinds
                .entry(kind.bucket().to_owned())
                .or_default() += 1;
            *report
                .kind_signals
                .entry(kind.signal.to_owned())
                .or_default() += 1;
        }
        for field in schema.types.values().flat_map(|ty| &ty.fields) {
            if !field.unnamed_arguments.is_empty() {
                report.fields_with_unnamed_arguments += 1;
                report.described_arguments += field.unnamed_arguments.len();
            }
        }
        report
    }

    /// Plain text for `gqlsmith inspect`: the counts, then every name with its signals, then
    /// what stays unknown.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "recovery: {} of {} unnamed blocks named ({} blocks on the page)",
            self.named, self.unnamed_blocks, self.blocks
        );
        let tiers: Vec<String> = ["high", "medium", "low"]
            .iter()
            .map(|tier| format!("{tier} {}", self.per_tier.get(*tier).copied().unwrap_or(0)))
            .collect();
        let _ = writeln!(out, "  from page evidence: {}", tiers.join(", "));
        let _ = writeln!(
            out,
            "  from overlay: {}, from reference: {}",
            self.from_overlay, self.from_reference
        );
        let _ = writeln!(out, "  signals: {}", join_counts(&self.per_signal));
        let _ = writeln!(
            out,
            "referenced but undefined: {} names, {} now name a block, {} get a type of their own",
            self.dangling_names,
            self.dangling_naming_blocks,
            self.dangling_names
                .saturating_sub(self.dangling_naming_blocks)
        );
        let _ = writeln!(
            out,
            "  kinds of those: {}",
            join_counts(&self.dangling_kinds)
        );
        let _ = writeln!(out, "  decided by: {}", join_counts(&self.kind_signals));
        let _ = writeln!(
            out,
            "arguments: {} described without names on {} fields (none invented)",
            self.described_arguments, self.fields_with_unnamed_arguments
        );
        let _ = writeln!(out, "names:");
        for name in &self.recovered {
            let confidence = name.confidence.map(|c| format!(" {c}")).unwrap_or_default();
            let line = name
                .line
                .map(|l| format!("line {l}"))
                .unwrap_or_else(|| name.placeholder.clone());
            let _ = writeln!(
                out,
                "  {line}: {} ({}{confidence}: {})",
                name.name,
                name.origin,
                name.signals.join(", ")
            );
        }
        let _ = writeln!(
            out,
            "kept placeholders, ambiguous: {}",
            self.abstained.len()
        );
        for abstained in &self.abstained {
            let _ = writeln!(
                out,
                "  {}: one of {}",
                abstained.placeholder,
                abstained.candidates.join(", ")
            );
        }
        if !self.missing_from_reference.is_empty() {
            let _ = writeln!(
                out,
                "the reference lacks {} names the page shows: {}",
                self.missing_from_reference.len(),
                crate::reference::listed(&self.missing_from_reference)
            );
            let _ = writeln!(
                out,
                "  names only the reference supplies (the page never mentions them; low): {}",
                self.reference_only.len()
            );
            for chunk in self.reference_only.chunks(6) {
                let _ = writeln!(out, "    {}", chunk.join(" "));
            }
        }
        if !self.reference_explained.is_empty() {
            let _ = writeln!(
                out,
                "kept placeholders the reference explains: {}",
                self.reference_explained.len()
            );
            for explained in &self.reference_explained {
                let _ = writeln!(
                    out,
                    "  {}: fields of {}",
                    explained.placeholder,
                    explained.candidates.join(", ")
                );
            }
        }
        let _ = writeln!(
            out,
            "kept placeholders, no candidate name: {}",
            self.unknown.len()
        );
        for chunk in self.unknown.chunks(6) {
            let _ = writeln!(out, "  {}", chunk.join(" "));
        }
        out
    }
}

fn join_counts(counts: &BTreeMap<String, usize>) -> String {
    if counts.is_empty() {
        return "none".into();
    }
    counts
        .iter()
        .map(|(key, count)| format!("{key} {count}"))
        .collect::<Vec<_>>()
        .join(", ")
}
