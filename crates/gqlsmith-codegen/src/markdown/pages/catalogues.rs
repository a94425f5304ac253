//! The catalogue pages: error codes, the deprecation schedule, connections, and (for a model
//! read from a docs page) provenance.

use std::collections::BTreeMap;

use gqlsmith_model::{Certainty, Date, Deprecation, NameOrigin, Provenance, TypeDef};
use indexmap::IndexSet;

use super::views::{
    CodeEntry, ConnectionView, ConnectionsView, DeprecationEntry, DeprecationsView, ErrorCodesView,
    LinkView, ProvenanceRow, ProvenanceView, UnnamedRow,
};
use super::{kind_label, source_text, Site};
use crate::markdown::references::argument_anchor;
use crate::markdown::text::anchor;

impl Site<'_> {
    pub(super) fn error_codes_view(&self) -> ErrorCodesView {
        let mut codes: BTreeMap<&str, (IndexSet<&str>, Vec<LinkView>)> = BTreeMap::new();
        let mut uses = 0;
        for ty in self.schema.types.values() {
            for code in &ty.error_codes {
                uses += 1;
                let (messages, raised_by) = codes.entry(&code.code).or_default();
                messages.insert(&code.message);
                if !raised_by.iter().any(|link| link.label == ty.name) {
                    raised_by.push(self.type_link(&ty.name));
                }
            }
        }
        ErrorCodesView {
            uses,
            codes: codes
                .into_iter()
                .map(|(code, (messages, raised_by))| CodeEntry {
                    code: code.to_owned(),
                    anchor: anchor("code", code),
                    messages: messages.into_iter().map(str::to_owned).collect(),
                    raised_by,
                })
                .collect(),
        }
    }

    pub(super) fn deprecations_view(&self) -> DeprecationsView {
        let mut entries = Vec::new();
        for ty in self.schema.types.values() {
            let mut push = |coordinate: String,
                            anchor: String,
                            kind: &'static str,
                            deprecation: Option<&Deprecation>| {
                if let Some(view) = self.deprecation_view(deprecation) {
                    let removal = deprecation.and_then(|deprecation| deprecation.removal_on);
                    entries.push((
                        removal,
                        DeprecationEntry {
                            item: LinkView::nested(
                                coordinate,
                                self.href(&ty.name, Some(&anchor)).unwrap_or_default(),
                            ),
                            kind,
                            deprecation: view,
                        },
                    ));
                }
            };
            for field in &ty.fields {
                push(
                    format!("{}.{}", ty.name, field.name),
                    anchor("field", &field.name),
                    "field",
                    field.deprecation.as_ref(),
                );
                for argument in &field.arguments {
                    push(
                        format!("{}.{}({}:)", ty.name, field.name, argument.name),
                        argument_anchor(&field.name, &argument.name),
                        "argument",
                        argument.deprecation.as_ref(),
                    );
                }
            }
            for input in &ty.input_fields {
                push(
                    format!("{}.{}", ty.name, input.name),
                    anchor("field", &input.name),
                    "input field",
                    input.deprecation.as_ref(),
                );
            }
            for value in &ty.enum_values {
                push(
                    format!("{}.{}", ty.name, value.name),
                    anchor("value", &value.name),
                    "enum value",
                    value.deprecation.as_ref(),
                );
            }
        }
        // Dated removals first, soonest first; undated ones after; the coordinate breaks ties.
        entries.sort_by(|(a_date, a), (b_date, b)| {
            let key = |date: &Option<Date>| (date.is_none(), *date);
            key(a_date)
                .cmp(&key(b_date))
                .then_with(|| a.item.label.cmp(&b.item.label))
        });
        let overdue = entries
            .iter()
            .filter(|(_, entry)| entry.deprecation.overdue)
            .count();
        DeprecationsView {
            today: self.config.markdown.today.map(|date| date.to_string()),
            overdue,
            dated: entries.iter().filter(|(date, _)| date.is_some()).count(),
            entries: entries.into_iter().map(|(_, entry)| entry).collect(),
        }
    }

    pub(super) fn connections_view(&self) -> ConnectionsView {
        ConnectionsView {
            connections: self
                .references
                .connections
                .iter()
                .map(|connection| ConnectionView {
                    connection: self.type_link(&connection.connection),
                    edge: self.type_link(&connection.edge),
                    node: self.type_link(&connection.node),
                })
                .collect(),
        }
    }

    pub(super) fn provenance_view(&self) -> ProvenanceView {
        let types = self.schema.types.values();
        let names = types
            .clone()
            .filter(|ty| !matches!(ty.name_origin, NameOrigin::Document))
            .map(|ty| {
                let (confidence, evidence) = match &ty.name_origin {
                    NameOrigin::Recovered {
                        confidence,
                        signals,
                    } => (
                        confidence.to_string(),
                        self.with_final_names(&signals.join("; ")),
                    ),
                    NameOrigin::Reference { confidence } => (confidence.to_string(), String::new()),
                    _ => (String::new(), String::new()),
                };
                ProvenanceRow {
                    item: self.type_link(&ty.name),
                    what: ty.name_origin.as_str().to_owned(),
                    confidence,
                    evidence,
                    source: source_text(&ty.provenance),
                }
            })
            .collect();
        let inferred =
            |provenance: &Provenance, what: String, ty: &TypeDef| match &provenance.certainty {
                Certainty::Inferred {
                    rule,
                    evidence,
                    confidence,
                } => Some(ProvenanceRow {
                    item: self.type_link(&ty.name),
                    what: format!("{what} (by {rule})"),
                    confidence: confidence.to_string(),
                    evidence: self.with_final_names(&evidence.join("; ")),
                    source: source_text(provenance),
                }),
                _ => None,
            };
        let inferred_types = types
            .clone()
            .filter_map(|ty| inferred(&ty.provenance, "type".to_owned(), ty))
            .collect();
        let inferred_kinds = types
            .clone()
            .filter_map(|ty| inferred(&ty.kind_provenance, kind_label(ty.kind).to_owned(), ty))
            .collect();
        let undefined = self
            .undefined
            .iter()
            .map(|name| self.type_link(name))
            .collect();
        let unnamed_arguments = types
            .flat_map(|ty| {
                ty.fields
                    .iter()
                    .filter(|field| !field.unnamed_arguments.is_empty())
                    .map(move |field| UnnamedRow {
                        field: LinkView::nested(
                            format!("{}.{}", ty.name, field.name),
                            self.href(&ty.name, Some(&anchor("arguments", &field.name)))
                                .unwrap_or_default(),
                        ),
                        descriptions: field
                            .unnamed_arguments
                            .iter()
                            .map(|argument| argument.description.clone())
                            .collect(),
                    })
            })
            .collect();
        ProvenanceView {
            input_label: self.input_label.clone(),
            type_count: self.schema.types.len(),
            names,
            inferred_types,
            inferred_kinds,
            undefined,
            unnamed_arguments,
        }
    }
}
