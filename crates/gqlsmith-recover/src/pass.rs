//! The recovery pass: overlay, reference schema, page evidence, in that order of trust, then a
//! type for every name the page references but never defines.

use gqlsmith_model::{
    Certainty, Diagnostic, EnumValue, Loaded, Provenance, Schema, TypeDef, TypeKind,
};

use crate::classify::{classify_all, Classified};
use crate::names::{name_blocks, Naming};
use crate::overlay::Overlay;
use crate::page::{dangling_names, is_placeholder};
use crate::report::RecoveryReport;

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
    let reference_names = match &options.reference {
        Some(reference) => crate::reference::name_from_reference(schema, reference, diagnostics),
        None => Vec::new(),
    };

    let classified = classify_all(&dangling_names(schema));
    let (namings, abstentions) = name_blocks(schema, &classified, diagnostics);

    // What stays referenced but undefined (did not name a block) gets a type of its own,
    // kind inferred.
    let unused: Vec<&Classified> = classified
        .iter()
        .filter(|c| !schema.types.contains_key(&c.name))
        .collect();
    let mut kinds = Vec::new();
    for candidate in unused {
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
    let all_namings: Vec<&Naming> = namings.iter().collect();
    RecoveryReport::build(
        schema,
        blocks,
        &placeholders_before,
        &overlay_names,
        &reference_names,
        &all_namings,
        &abstentions,
        classified.len(),
        &kinds,
    )
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
