//! The error-code catalogue: every code, its messages, and the types that raise it.

use std::collections::BTreeMap;

use gqlsmith_model::Schema;
use serde::Serialize;

/// Every error code a schema lists: code -> message -> types raising it with that message.
///
/// Serialised as `{"codes": {"KT-CT-1111": {"Unauthorized.": ["TypeA", "TypeB"]}}}`; codes and
/// messages are sorted, types are in schema order without repeats. A code with more than one
/// message is what `error-code-message-conflict` reports.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ErrorCatalogue {
    pub codes: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

impl ErrorCatalogue {
    /// How many distinct codes the catalogue has.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// Builds the catalogue of `schema`'s error codes (entries without a code are left out).
pub fn error_catalogue(schema: &Schema) -> ErrorCatalogue {
    let mut catalogue = ErrorCatalogue::default();
    for ty in schema.types.values() {
        for entry in &ty.error_codes {
            let code = entry.code.trim();
            if code.is_empty() {
                continue;
            }
            let types = catalogue
                .codes
                .entry(code.to_owned())
                .or_default()
                .entry(entry.message.trim().to_owned())
                .or_default();
            if !types.contains(&ty.name) {
                types.push(ty.name.clone());
            }
        }
    }
    catalogue
}

#[cfg(test)]
mod tests {
    use super::*;
    use gqlsmith_model::{ErrorCode, Provenance, TypeDef, TypeKind};

    #[track_caller]
    fn check(lists: &[(&str, &[(&str, &str)])], expect: &str) {
        let mut schema = Schema::default();
        for (name, entries) in lists {
            let mut ty = TypeDef::new(*name, TypeKind::Object, Provenance::default());
            for (order, (code, message)) in entries.iter().enumerate() {
                ty.error_codes.push(ErrorCode::new(
                    *code,
                    *message,
                    u32::try_from(order).unwrap(),
                    Provenance::default(),
                ));
            }
            schema.insert_type(ty);
        }
        assert_eq!(
            serde_json::to_string(&error_catalogue(&schema)).unwrap(),
            expect
        );
    }

    #[test]
    fn code_message_types() {
        check(&[], r#"{"codes":{}}"#);
        check(
            &[
                (
                    "B",
                    &[
                        ("KT-CT-1111", "Unauthorized."),
                        ("KT-CT-1112", "No header."),
                        ("KT-CT-1111", "Unauthorized."),
                    ],
                ),
                ("A", &[("KT-CT-1111", "Unauthorized."), ("", "lost")]),
                ("C", &[("KT-CT-1111", "Denied.")]),
            ],
            r#"{"codes":{"KT-CT-1111":{"Denied.":["C"],"Unauthorized.":["B","A"]},"KT-CT-1112":{"No header.":["B"]}}}"#,
        );
    }
}
