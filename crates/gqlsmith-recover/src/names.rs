//! Names for unnamed blocks from evidence on the page: Relay conventions, the page's ASCII
//! order, and the referenced-but-undefined object names that fit each gap.

use std::collections::{BTreeMap, BTreeSet};

use gqlsmith_model::relay::{self, shape_of_fields as shape, shape_of_name, Shape};
use gqlsmith_model::{Confidence, Diagnostic, NameOrigin, Schema, TypeDef};
use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;

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
    let mut current: Vec<Option<String>> = schema
        .types
        .values()
        .map(|ty| (!is_placeholder(ty)).then(|| ty.name.clone()))
        .collect();
    let mut used = BTreeSet::new();
    relay_names(schema, &mut current, &mut used, diagnostics, &mut namings);
    // How sure each name is: page names and Relay names are certain; a name from the gap
    // assignment bounds what later rounds may derive from it.
    let mut sure: Vec<Confidence> = vec![Confidence::High; current.len()];
    // Which names the gap assignment gave (a gap next to one was narrowed by it).
    let mut assigned: Vec<bool> = vec![false; current.len()];
    let mut scorer = GapScorer::new(schema);
    let mut outcomes = GapOutcomes::new();
    let mut contested: Vec<Abstention> = Vec::new();
    let mut abstentions = loop {
        let mut found = Vec::new();
        let abstentions = assign_gaps(
            schema,
            &mut scorer,
            Anchors {
                names: &current,
                confidence: &sure,
                assigned: &assigned,
            },
            &used,
            candidates,
            &mut outcomes,
            &mut found,
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
                if let Some(slot) = current.get_mut(index) {
                    *slot = Some(naming.name.clone());
                }
                if let Some(slot) = sure.get_mut(index) {
                    *slot = naming.confidence;
                }
                if let Some(slot) = assigned.get_mut(index) {
                    *slot = true;
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
/// [`Schema::rename_type`] visits every reference per name, quadratic on a large page).
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
    let rename = |name: &mut String| {
        if let Some(to) = targets.get(name.as_str()) {
            *name = (*to).to_owned();
        }
    };
    for ty in schema.types.values_mut() {
        for field in &mut ty.fields {
            rename(field.ty.base_name_mut());
            for argument in &mut field.arguments {
                rename(argument.ty.base_name_mut());
            }
        }
        for input in &mut ty.input_fields {
            rename(input.ty.base_name_mut());
        }
        ty.interfaces.iter_mut().for_each(rename);
        ty.members.iter_mut().for_each(rename);
    }
    for directive in schema.directives.values_mut() {
        for argument in &mut directive.arguments {
            rename(argument.ty.base_name_mut());
        }
    }
    let roots = &mut schema.roots;
    for root in [
        &mut roots.query,
        &mut roots.mutation,
        &mut roots.subscription,
    ]
    .into_iter()
    .flatten()
    {
        rename(root);
    }
}

/// The Relay rules, in one pass in page order: a block whose `edges` field is `[XEdge]` is
/// `XConnection` (34/34 named connections on the Kraken page follow this), and a block
/// described "A Relay edge containing a X and its cursor." is `XEdge` (86/86 on Kraken). Each
/// name must sort between the names around it.
fn relay_names(
    schema: &Schema,
    current: &mut [Option<String>],
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
    namings: &mut Vec<Naming>,
) {
    // The next name after each position, looking right.
    let mut next: Vec<Option<String>> = vec![None; current.len()];
    let mut upcoming: Option<String> = None;
    for index in (0..current.len()).rev() {
        next[index] = upcoming.clone();
        if let Some(name) = &current[index] {
            upcoming = Some(name.clone());
        }
    }
    let mut before: Option<String> = None;
    for (index, ty) in schema.types.values().enumerate() {
        if let Some(name) = current.get(index).cloned().flatten() {
            before = Some(name);
            continue;
        }
        let (name, signal, evidence) = match shape(ty) {
            Shape::Connection => {
                let Some(edge) = ty.field("edges").map(|edges| edges.ty.base_name()) else {
                    continue;
                };
                let Some(payload) = relay::edge_prefix(edge) else {
                    continue;
                };
                (
                    format!("{payload}Connection"),
                    "relay-connection",
                    format!("`edges` is a list of `{edge}`"),
                )
            }
            Shape::Edge => {
                let Some(payload) = ty
                    .description
                    .as_deref()
                    .and_then(|text| text.trim().strip_prefix("A Relay edge containing a "))
                    .and_then(|rest| rest.strip_suffix(" and its cursor."))
                else {
                    continue;
                };
                (
                    format!("{payload}Edge"),
                    "relay-edge-description",
                    format!("the description names the payload `{payload}`"),
                )
            }
            Shape::Other => continue,
        };
        if schema.types.contains_key(&name) || used.contains(&name) {
            continue;
        }
        let after = next.get(index).cloned().flatten();
        if !fits(&name, before.as_deref(), after.as_deref()) {
            diagnostics.push(
                Diagnostic::warning(
                    "R403",
                    "relay-name-out-of-order",
                    format!("`{}` would be `{name}` by the Relay rule, but the page order puts it elsewhere", ty.name),
                )
                .at_opt(ty.provenance.location.clone())
                .with_help("the block keeps its placeholder; name it in an overlay file if the name is right"),
            );
            continue;
        }
        used.insert(name.clone());
        if let Some(slot) = current.get_mut(index) {
            *slot = Some(name.clone());
        }
        before = Some(name.clone());
        namings.push(Naming {
            placeholder: ty.name.clone(),
            name,
            confidence: Confidence::High,
            signals: vec![signal.into(), "page-order".into()],
            evidence: vec![evidence],
        });
    }
}

/// What ties one block to one candidate name.
#[derive(Debug, Clone, Default)]
struct Evidence<'a> {
    /// Words of the candidate's name the block's fields use.
    own: Vec<u32>,
    /// Words of the fields that use the candidate, which the block's fields use too.
    usage: Vec<u32>,
    /// The block's fields that named types with the candidate's head word also have.
    sibling: Vec<&'a str>,
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

/// Lower-case word stems of a type or field name (`APIExceptionNoteType` -> api, exception,
/// note): a word starts at an upper-case letter after a lower-case letter or digit, at the last
/// capital of an acronym (`APIException`), and after `_`.
#[cfg(test)]
fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_name_stem(name, &mut String::new(), |stem| words.push(stem.to_owned()));
    words
}

/// Calls `visit` with each word stem of `name` (see [`name_words`]), built in `buffer`:
/// a name's words cost no allocation of their own.
fn for_each_name_stem(name: &str, buffer: &mut String, mut visit: impl FnMut(&str)) {
    for_each_name_word(name, |word| {
        buffer.clear();
        buffer.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        strip_plural(buffer);
        if buffer.len() >= 2 && !STOP_WORDS.contains(&buffer.as_str()) {
            visit(buffer);
        }
    });
}

/// The plural stemmer: a final `s` goes when at least three letters stay and the word does
/// not end in `ss`. Crude ("status" -> "statu"), but the same on both sides of a comparison.
fn strip_plural(word: &mut String) {
    if word.len() >= 4 && word.ends_with('s') && !word.ends_with("ss") {
        word.pop();
    }
}

/// Calls `visit` with each word of `name` as written (empty words included; the caller
/// filters). Boundaries are ASCII positions, so each word is a slice of `name`.
fn for_each_name_word(name: &str, mut visit: impl FnMut(&str)) {
    let bytes = name.as_bytes();
    let mut start = 0;
    for (at, &c) in bytes.iter().enumerate() {
        if c == b'_' {
            visit(&name[start..at]);
            start = at + 1;
            continue;
        }
        let previous = at.checked_sub(1).and_then(|before| bytes.get(before));
        let next = bytes.get(at + 1);
        let starts_word = c.is_ascii_uppercase()
            && (previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
                || (previous.is_some_and(u8::is_ascii_uppercase)
                    && next.is_some_and(u8::is_ascii_lowercase)));
        if starts_word {
            visit(&name[start..at]);
            start = at;
        }
    }
    visit(&name[start..]);
}

/// Word stems, interned: evidence compares numbers, not strings, and each distinct name or
/// description is split once.
///
/// The maps hash with FxHash: the keys are our own strings, not an attacker's, and SipHash
/// was a tenth of the pass's time. Their order is insertion order whatever the hasher.
#[derive(Default)]
struct Lexicon<'a> {
    ids: IndexMap<String, u32, FxBuildHasher>,
    words: Vec<String>,
    names: IndexMap<&'a str, Vec<u32>, FxBuildHasher>,
    texts: IndexMap<&'a str, Vec<u32>, FxBuildHasher>,
}

impl<'a> Lexicon<'a> {
    /// The id of a word, a new one for a word not seen before.
    fn intern(&mut self, word: &str) -> u32 {
        match self.ids.get(word) {
            Some(&id) => id,
            None => {
                let id = self.words.len() as u32;
                self.words.push(word.to_owned());
                self.ids.insert(word.to_owned(), id);
                id
            }
        }
    }

    fn name(&mut self, name: &'a str) -> &[u32] {
        // One hash lookup for a name seen before (the common case).
        let index = match self.names.get_index_of(name) {
            Some(index) => index,
            None => {
                let mut ids = Vec::new();
                for_each_name_stem(name, &mut String::new(), |stem| ids.push(self.intern(stem)));
                self.names.insert_full(name, ids).0
            }
        };
        self.names
            .get_index(index)
            .map_or(&[], |(_, ids)| ids.as_slice())
    }

    fn text(&mut self, text: &'a str) -> &[u32] {
        let index = match self.texts.get_index_of(text) {
            Some(index) => index,
            None => {
                // The same words as `text_words`, without allocating for words seen before.
                let mut ids = Vec::new();
                let mut buffer = String::new();
                for token in text
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|token| token.len() >= 3)
                {
                    buffer.clear();
                    buffer.extend(token.chars().map(|c| c.to_ascii_lowercase()));
                    strip_plural(&mut buffer);
                    if !STOP_WORDS.contains(&buffer.as_str()) {
                        ids.push(self.intern(&buffer));
                    }
                }
                self.texts.insert_full(text, ids).0
            }
        };
        self.texts
            .get_index(index)
            .map_or(&[], |(_, ids)| ids.as_slice())
    }

    fn word(&self, id: u32) -> &str {
        self.words.get(id as usize).map_or("", String::as_str)
    }
}

/// Everything a block says about itself: field names, field types, field descriptions.
/// Sorted and without repeats (a set; a sorted Vec is far cheaper to build than a BTreeSet).
fn block_words<'a>(ty: &'a TypeDef, lexicon: &mut Lexicon<'a>) -> Vec<u32> {
    let mut words = Vec::new();
    for field in &ty.fields {
        words.extend_from_slice(lexicon.name(&field.name));
        words.extend_from_slice(lexicon.name(field.ty.base_name()));
        if let Some(description) = &field.description {
            words.extend_from_slice(lexicon.text(description));
        }
    }
    if let Some(example) = &ty.example {
        for entry in &example.entries {
            words.extend_from_slice(lexicon.name(&entry.key));
        }
    }
    words.sort_unstable();
    words.dedup();
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

/// What the whole page says, computed once for every round of the gap assignment: word
/// stems per block, how rare each word and field name is, and the fields of named blocks by
/// the words of their names.
struct GapScorer<'a> {
    lexicon: Lexicon<'a>,
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
    fn new(schema: &'a Schema) -> Self {
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

/// The names known so far, by page position, and how sure each is.
struct Anchors<'r> {
    names: &'r [Option<String>],
    confidence: &'r [Confidence],
    /// True for the names an earlier round of the gap assignment gave.
    assigned: &'r [bool],
}

/// A run of unnamed blocks between two names (or the page's ends).
struct Gap {
    before: Option<String>,
    blocks: Vec<usize>,
    after: Option<String>,
    /// The least sure of the two names around the gap: a name derived from them is no
    /// surer.
    bound: Confidence,
    /// True when a name from an earlier round is one of the two.
    narrowed: bool,
}

/// What one round found in a gap, by the gap's first block and length: a gap that no sure name
/// split comes back the same in the next round (its neighbours and candidates are the same),
/// so it is not matched again.
type GapOutcomes = BTreeMap<(usize, usize), (Vec<Naming>, Vec<Abstention>)>;

/// Matches the object candidates of each gap between named blocks to its unnamed blocks.
fn assign_gaps<'a>(
    schema: &'a Schema,
    scorer: &mut GapScorer<'a>,
    anchors: Anchors<'_>,
    used: &BTreeSet<String>,
    candidates: &'a [Classified],
    outcomes: &mut GapOutcomes,
    namings: &mut Vec<Naming>,
) -> Vec<Abstention> {
    // In ASCII order (classification walks a BTreeMap), so each gap's share is a range.
    let objects: Vec<&Classified> = candidates
        .iter()
        .filter(|c| c.is_object_candidate() && !used.contains(&c.name))
        .collect();

    // Gaps: runs of placeholders between names, with their neighbours.
    let mut gaps: Vec<Gap> = Vec::new();
    // The name before the current run, how sure it is, and whether it was assigned.
    let mut before: Option<(String, Confidence, bool)> = None;
    let mut run: Vec<usize> = Vec::new();
    for (index, name) in anchors.names.iter().enumerate() {
        match name {
            None => run.push(index),
            Some(name) => {
                let sure = anchors
                    .confidence
                    .get(index)
                    .copied()
                    .unwrap_or(Confidence::Low);
                let assigned = anchors.assigned.get(index).copied().unwrap_or(false);
                if !run.is_empty() {
                    gaps.push(Gap {
                        bound: before
                            .as_ref()
                            .map_or(sure, |(_, first, _)| sure.min(*first)),
                        narrowed: assigned || before.as_ref().is_some_and(|(_, _, a)| *a),
                        before: before.as_ref().map(|(name, _, _)| name.clone()),
                        blocks: std::mem::take(&mut run),
                        after: Some(name.clone()),
                    });
                }
                before = Some((name.clone(), sure, assigned));
            }
        }
    }
    if !run.is_empty() {
        gaps.push(Gap {
            bound: before
                .as_ref()
                .map_or(Confidence::High, |(_, sure, _)| *sure),
            narrowed: before.as_ref().is_some_and(|(_, _, assigned)| *assigned),
            before: before.map(|(name, _, _)| name),
            blocks: run,
            after: None,
        });
    }

    let mut planned: Vec<Naming> = Vec::new();
    let mut abstentions = Vec::new();
    for Gap {
        before,
        blocks,
        after,
        bound,
        narrowed,
    } in gaps
    {
        let key = (blocks.first().copied().unwrap_or_default(), blocks.len());
        if let Some((found, abstained)) = outcomes.get(&key) {
            planned.extend(found.iter().cloned());
            abstentions.extend(abstained.iter().cloned());
            continue;
        }
        let (planned_before, abstained_before) = (planned.len(), abstentions.len());
        let start = before.as_deref().map_or(0, |before| {
            objects.partition_point(|c| c.name.as_str() <= before)
        });
        let end = after.as_deref().map_or(objects.len(), |after| {
            objects.partition_point(|c| c.name.as_str() < after)
        });
        let in_gap: Vec<&Classified> = objects
            .get(start..end.max(start))
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|c| !schema.types.contains_key(&c.name))
            .collect();
        if in_gap.is_empty() {
            continue;
        }
        let block_types: Vec<&TypeDef> = blocks
            .iter()
            .filter_map(|&index| schema.types.get_index(index).map(|(_, ty)| ty))
            .collect();
        let candidate_words: Vec<Vec<u32>> = in_gap
            .iter()
            .map(|c| {
                let mut words = scorer.lexicon.name(&c.name).to_vec();
                words.dedup();
                words
            })
            .collect();
        // What the fields that use a candidate say about it (`notes: "Notes for the account."`),
        // minus the candidate's own name words.
        let usage_words: Vec<BTreeSet<u32>> = in_gap
            .iter()
            .zip(&candidate_words)
            .map(|(c, own)| {
                let mut words = BTreeSet::new();
                for (owner, field) in &c.used_by {
                    let Some(field) = schema.types.get(owner).and_then(|ty| ty.field(field)) else {
                        continue;
                    };
                    words.extend(scorer.lexicon.name(&field.name).iter().copied());
                    if let Some(description) = &field.description {
                        words.extend(scorer.lexicon.text(description).iter().copied());
                    }
                }
                words.retain(|word| !own.contains(word));
                words
            })
            .collect();
        let stems: Vec<BTreeSet<String>> = block_types.iter().map(|ty| owner_stems(ty)).collect();
        let evidence = |block: usize, candidate: usize| -> Option<Evidence<'a>> {
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
            if shows_candidate
                || ty
                    .fields
                    .iter()
                    .any(|field| holds(schema, field.ty.base_name(), name))
            {
                return (!may_be_payload(ty)).then(Evidence::default);
            }
            let bag = scorer.bags.get(*blocks.get(block)?)?;
            let shared = |words: &mut dyn Iterator<Item = &u32>| -> Vec<u32> {
                words
                    .filter(|word| bag.binary_search(word).is_ok())
                    .copied()
                    .collect()
            };
            let own = shared(&mut candidate_words.get(candidate)?.iter());
            let usage = shared(&mut usage_words.get(candidate)?.iter());
            let sibling: Vec<&str> = candidate_words
                .get(candidate)?
                .last()
                .and_then(|head| scorer.sibling_fields.get(head))
                .map(|fields| {
                    field_names(ty)
                        .filter(|field| fields.contains(field))
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
        };
        let scores: Vec<Vec<Option<f64>>> = (0..block_types.len())
            .map(|block| {
                (0..in_gap.len())
                    .map(|candidate| evidence(block, candidate).map(|e| e.total))
                    .collect()
            })
            .collect();
        let score = |block: usize, candidate: usize| {
            scores
                .get(block)
                .and_then(|row| row.get(candidate))
                .copied()
                .flatten()
        };
        let pairs = best_matching(block_types.len(), in_gap.len(), PLACEMENT, &score);
        // The more blocks in a gap that no candidate needs, the likelier one of them shares a
        // word with a candidate by chance: ask for more evidence.
        // Only blocks that could take some candidate count: a payload cannot.
        let open_blocks = (0..block_types.len())
            .filter(|&block| (0..in_gap.len()).any(|candidate| score(block, candidate).is_some()))
            .count();
        let spare_blocks =
            SPARE_BLOCK_WEIGHT * ((open_blocks.saturating_sub(in_gap.len()) + 1) as f64).ln();
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
            let confidence = confidence.min(bound);
            let mut signals = vec!["page-order".to_owned(), "dangling-reference".to_owned()];
            if narrowed {
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
            if shape(ty) == Shape::Edge {
                signals.push("relay-edge-shape".into());
            }
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
        outcomes.insert(
            key,
            (
                planned.get(planned_before..).unwrap_or_default().to_vec(),
                abstentions
                    .get(abstained_before..)
                    .unwrap_or_default()
                    .to_vec(),
            ),
        );
    }
    namings.extend(planned);
    abstentions
}

#[cfg(test)]
mod tests {
    use super::name_words;

    #[track_caller]
    fn check(name: &str, expect: &[&str]) {
        assert_eq!(name_words(name), expect);
    }

    #[test]
    fn names_split_into_word_stems() {
        check("APIExceptionNoteType", &["api", "exception", "note"]);
        check("sizeInBytes", &["size", "in", "byte"]);
        check("s3Bucket", &["s3", "bucket"]);
        check("QuoteType_", &["quote"]);
        // The plural stemmer is crude ("status" -> "statu"), but the same on both sides.
        check(
            "DCAProceedingClosureStatus",
            &["dca", "proceeding", "closure", "statu"],
        );
    }
}
