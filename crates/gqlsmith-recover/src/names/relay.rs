//! The Relay rules: names for connection and edge blocks from their `edges` field or their
//! description, checked against the page's ASCII order.

use std::collections::BTreeSet;

use gqlsmith_model::relay::{self, shape_of_fields as shape, Shape};
use gqlsmith_model::{Confidence, Diagnostic, Schema};

use super::{fits, KnownName, Naming};

/// The Relay rules, in one pass in page order: a block whose `edges` field is `[XEdge]` is
/// `XConnection` (34/34 named connections on the Kraken page follow this), and a block
/// described "A Relay edge containing a X and its cursor." is `XEdge` (86/86 on Kraken). Each
/// name must sort between the names around it.
pub(super) fn relay_names(
    schema: &Schema,
    known: &mut [Option<KnownName>],
    used: &mut BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
    namings: &mut Vec<Naming>,
) {
    // The next name after each position, looking right.
    let mut next: Vec<Option<String>> = vec![None; known.len()];
    let mut upcoming: Option<String> = None;
    for index in (0..known.len()).rev() {
        next[index] = upcoming.clone();
        if let Some(known) = &known[index] {
            upcoming = Some(known.name.clone());
        }
    }
    let mut before: Option<String> = None;
    for (index, ty) in schema.types.values().enumerate() {
        if let Some(known) = known.get(index).and_then(Option::as_ref) {
            before = Some(known.name.clone());
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
        if let Some(slot) = known.get_mut(index) {
            *slot = Some(KnownName::certain(name.clone()));
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
