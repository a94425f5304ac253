//! The recovery pass: overlay, reference schema, page evidence, in that order of trust, then a
//! type for every name the page references but never defines.

use gqlsmith_model::{
    Certainty, Diagnostic, EnumValue, Loaded, Provenance, Schema, TypeDef, TypeKind,
};

use std::collections::{BTreeMap, BTreeSet};

use crate::classify::{classify_all, Classified};
use crate::names::{name_blocks, Naming};
use crate::overlay::Overlay;
use crate::page::{dangling_names, is_placeholder};
use crate::reference::ReferenceNaming;
use crate::report::{Abstained, RecoveryReport};

/// What the user supplies besides the page.
#[derive(Debug, Clone, Default)]
pub struct RecoverOptions {
    /// Facts the page lost, from `--overlay FILE` (see [`Overlay::parse`]). Applied first:
    /// the user's word beats inference, and a conflict with the page is a diagnostic.
    pub overlay: Option<Overlay>,
    /// A known schema of the same API (`--reference schema.graphql`, read by the SDL reader):
    /// names unnamed blocks whose fields match a type of it, and fills kinds, enum values,
    /// union members and arguments of the types it shares with the page.
    pub reference: Option<Schema>,
}

/// Turns the raw read of a docs page into the best model the evidence allows.
///
/// Renames unnamed blocks (every reference follows), marking each name
/// [`NameOrigin::Recovered`](gqlsmith_model::NameOrigin::Recovered) with its confidence and
/// signals, or `Overlay` / `Reference`; adds a type for every referenced-but-undefined name,
/// its kind `Inferred` (enums with their sample values and unions/interfaces with the members
/// seen, both marked `incomplete`); pushes `R4xx` (recovery) and `O5xx` (overlay) diagnostics
/// into `loaded.diagnostics`. Never panics; a block the evidence does not single out one name
/// for keeps its placeholder.
pub fn recover(loaded: &mut Loaded, options: &RecoverOptions) -> RecoveryReport {
    let schema = &mut loaded.schema;
    let diagnostics = &mut loaded.diagnostics;
    let placeholders_before: Vec<(String, Option<u32>)> = schema
        .types
        .values()
        .filter(|ty| is_placeholder(ty))
        .map(|ty| {
            (
                ty.name.clone(),
                ty.provenance.location.as_ref().map(|l| l.line),
            )
        })
        .collect();
    let blocks = schema.types.len();

    let overlay_names = match &options.overlay {
        Some(overlay) => overlay.apply_names(schema, diagnostics),
        None => Vec::new(),
    };
    // The page's own evidence of kinds, before any block is renamed: a name it fixes as a
    // union, interface, enum or scalar never names an object block, whoever proposes it.
    let page_evidence = dangling_names(schema);
    let page_mentions: BTreeSet<String> = page_evidence.keys().cloned().collect();
    let page_classified = classify_all(&page_evidence);
    let mut not_objects: BTreeMap<String, String> = page_classified
        .iter()
        .filter_map(|classified| Some((classified.name.clone(), classified.not_an_object.clone()?)))
        .collect();
    let reference_naming = match &options.reference {
        Some(reference) => {
            crate::reference::name_from_reference(schema, reference, &page_mentions, &not_objects)
        }
        None => ReferenceNaming::default(),
    };
    if let Some(reference) = &options.reference {
        for ty in reference.types.values() {
            if ty.kind != TypeKind::Object {
                not_objects.entry(ty.name.clone()).or_insert_with(|| {
                    format!(
                        "the reference schema defines `{}` as {}",
                        ty.name,
                        ty.kind.as_str()
                    )
                });
            }
        }
    }

    // Only naming from a reference has changed the schema since the page's evidence was
    // read (it renames blocks, so other names dangle); without one, that evidence is the
    // schema's, and reading it again would cost as much as the first time.
    let mut classified = if options.reference.is_some() {
        classify_all(&dangling_names(schema))
    } else {
        page_classified
    };
    for candidate in &mut classified {
        if candidate.not_an_object.is_none() {
            candidate.not_an_object = not_objects.get(&candidate.name).cloned();
        }
    }
    let (namings, abstentions) = name_blocks(schema, &classified, diagnostics);

    // What stays referenced but undefined (did not name a block) gets a type of its own,
    // kind inferred.
    let unused: Vec<&Classified> = classified
        .iter()
        .filter(|c| !schema.types.contains_key(&c.name))
        .collect();
    // The evidence was written before the blocks were named: it says `Unnamed_L4.apiType`
    // where the page now has `APIBrownout.apiType`.
    let renamed: BTreeMap<&str, &str> = namings
        .iter()
        .map(|naming| (naming.placeholder.as_str(), naming.name.as_str()))
        .collect();
    let mut kinds = Vec::new();
    for candidate in unused {
        let mut candidate = candidate.clone();
        for text in candidate
            .evidence
            .iter_mut()
            .chain(candidate.disagreements.iter_mut())
        {
            *text = with_new_names(text, &renamed);
        }
        let candidate = &candidate;
        schema.insert_type(inferred_type(candidate));
        kinds.push(candidate.clone());
        if !candidate.disagreements.is_empty() {
            diagnostics.push(
                Diagnostic::warning(
                    "R404",
                    "conflicting-kind-evidence",
                    format!(
                        "`{}` looks like a {} but not everywhere",
                        candidate.name,
                        candidate.kind.as_str()
                    ),
                )
                .at_opt(candidate.location.clone())
                .with_help(format!(
                    "check {}; state the kind in an overlay file to settle it",
                    candidate.disagreements.join("; ")
                )),
            );
        }
    }

    if let Some(reference) = &options.reference {
        crate::reference::fill_from_reference(schema, reference, diagnostics);
    }
    if let Some(overlay) = &options.overlay {
        overlay.apply_facts(schema, diagnostics);
    }
    for abstention in &abstentions {
        if let Some(ty) = schema
            .types
            .get(&abstention.placeholder)
            .filter(|ty| is_placeholder(ty))
        {
            diagnostics.push(
                Diagnostic::note(
                    "R401",
                    "ambiguous-block-name",
                    match abstention.candidates.as_slice() {
                        [one] => format!(
                            "`{}` keeps its placeholder: the page does not single out which block is `{one}`",
                            abstention.placeholder
                        ),
                        many => format!(
                            "`{}` keeps its placeholder: it could be any of {}",
                            abstention.placeholder,
                            many.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
                        ),
                    },
                )
                .at_opt(ty.provenance.location.clone())
                .with_help(
                    "name the block in an overlay file (`[[block]]` with `line` and `name`)",
                ),
            );
        }
    }
    let explained: Vec<Abstained> = reference_naming
        .explained
        .into_iter()
        .filter(|abstained| {
            schema
                .types
                .get(&abstained.placeholder)
                .is_some_and(is_placeholder)
        })
        .collect();
    for abstained in &explained {
        let location = schema
            .types
            .get(&abstained.placeholder)
            .and_then(|ty| ty.provenance.location.clone());
        diagnostics.push(
            Diagnostic::note(
                "R407",
                "reference-left-unnamed",
                format!(
                    "`{}` keeps its placeholder although the reference explains it: its fields fit {}",
                    abstained.placeholder,
                    crate::reference::listed(&abstained.candidates)
                ),
            )
            .at_opt(location)
            .with_help("name the block in an overlay file (`[[block]]` with `line` and `name`)"),
        );
    }
    for name in reference_naming
        .named
        .iter()
        .filter(|name| name.signals.iter().any(|signal| signal == "reference-only"))
    {
        let location = schema
            .types
            .get(&name.name)
            .and_then(|ty| ty.provenance.location.clone());
        diagnostics.push(
            Diagnostic::note(
                "R408",
                "reference-only-name",
                format!(
                    "`{}` is named `{}` only by the reference: the page never mentions `{}`, and the reference lacks {} of the page's names",
                    name.placeholder,
                    name.name,
                    name.name,
                    reference_naming.missing_from_reference.len()
                ),
            )
            .at_opt(location)
            .with_help("check that the reference is this API's schema, or confirm the name in an overlay file"),
        );
    }
    let all_namings: Vec<&Naming> = namings.iter().collect();
    RecoveryReport::build(
        schema,
        blocks,
        &placeholders_before,
        &overlay_names,
        &reference_naming.named,
        explained,
        reference_naming.missing_from_reference,
        &all_namings,
        &abstentions,
        classified.len(),
        &kinds,
    )
}

/// `text` with each quoted type name (`` `Name` `` or `` `Name.field` ``) that `renamed` maps
/// replaced by its new name.
fn with_new_names(text: &str, renamed: &BTreeMap<&str, &str>) -> String {
    if renamed.is_empty() || !text.contains('`') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    // Between the 1st and 2nd backtick, the 3rd and 4th, and so on: quoted code.
    for (index, part) in text.split('`').enumerate() {
        if index > 0 {
            out.push('`');
        }
        let (head, rest) = part.split_at(part.find('.').unwrap_or(part.len()));
        match renamed.get(head) {
            Some(name) if index % 2 == 1 => {
                out.push_str(name);
                out.push_str(rest);
            }
            _ => out.push_str(part),
        }
    }
    out
}

/// A type for a name the page references but never defines.
fn inferred_type(candidate: &Classified) -> TypeDef {
    let certainty = Certainty::Inferred {
        rule: candidate.signal.to_owned(),
        evidence: candidate.evidence.clone(),
        confidence: candidate.confidence,
    };
    let provenance = Provenance {
        location: candidate.location.clone(),
        certainty,
    };
    let mut ty = TypeDef::new(candidate.name.clone(), candidate.kind, provenance.clone());
    ty.kind_provenance = provenance;
    match candidate.kind {
        TypeKind::Enum => {
            for (sample, location) in &candidate.samples {
                let evidence = vec![format!("sample value `{sample}` in an example")];
                ty.enum_values.push(EnumValue::new(
                    sample.clone(),
                    Provenance::inferred(
                        location.clone(),
                        "enum-sample",
                        evidence,
                        candidate.confidence,
                    ),
                ));
            }
            ty.incomplete = true;
        }
        TypeKind::Interface | TypeKind::Union => {
            ty.members = candidate.members.clone();
            ty.incomplete = true;
        }
        // The page lists no fields for an object documented elsewhere.
        TypeKind::Object => ty.incomplete = true,
        TypeKind::Scalar | TypeKind::InputObject => {}
    }
    ty
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::with_new_names;

    #[track_caller]
    fn check(text: &str, expect: &str) {
        let renamed = BTreeMap::from([("Unnamed_L4", "APIBrownout"), ("Unnamed_L9", "Bill")]);
        assert_eq!(with_new_names(text, &renamed), expect);
    }

    #[test]
    fn quoted_placeholders_take_the_names_given_later() {
        check(
            "`Unnamed_L4.apiType` shows the quoted value `GRAPHQL`",
            "`APIBrownout.apiType` shows the quoted value `GRAPHQL`",
        );
        check(
            "the example of `Unnamed_L9` shows `Unnamed_L4` under a field of type `X`",
            "the example of `Bill` shows `APIBrownout` under a field of type `X`",
        );
        // Unquoted text and longer names are left alone.
        check(
            "Unnamed_L4 and `Unnamed_L40.x`",
            "Unnamed_L4 and `Unnamed_L40.x`",
        );
    }
}
