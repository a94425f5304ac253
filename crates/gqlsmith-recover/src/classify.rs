//! Kinds of referenced-but-undefined names, from how the page shows them: the example
//! placeholder of a scalar, the quoted sample of an enum, another concrete type shown under an
//! interface or union, an object shown by name or left out of the example.

use gqlsmith_model::{Confidence, Location, Schema, TypeKind};

use crate::page::{bare_name_in_example, Dangling, Occurrence, STRING_PLACEHOLDER};

/// What the page says about one referenced-but-undefined name.
#[derive(Debug, Clone)]
pub(crate) struct Classified {
    pub(crate) name: String,
    pub(crate) kind: TypeKind,
    /// The signal that decided the kind (a stable kebab-case name, shown in the report).
    pub(crate) signal: &'static str,
    pub(crate) evidence: Vec<String>,
    pub(crate) confidence: Confidence,
    /// Enum sample values, in first-seen order.
    pub(crate) samples: Vec<(String, Option<Location>)>,
    /// Concrete types the examples show under an interface or union.
    pub(crate) members: Vec<String>,
    /// Where the name is first used.
    pub(crate) location: Option<Location>,
    /// The fields whose type is this name, as `(owner, field)`.
    pub(crate) used_by: Vec<(String, String)>,
    /// Kinds other occurrences suggest, when they disagree with `kind`.
    pub(crate) disagreements: Vec<String>,
    /// Evidence that fixes a kind other than object (an example that shows another type under
    /// it, a quoted enum sample, a scalar placeholder, a `...Union` name, or the reference's
    /// definition), even when the strongest vote says object: such a name never names an
    /// object block.
    pub(crate) not_an_object: Option<String>,
}

impl Classified {
    /// A name the gap assignment may give to an unnamed block: an object by the page's
    /// evidence, and no evidence that fixes another kind.
    pub(crate) fn is_object_candidate(&self) -> bool {
        self.kind == TypeKind::Object && self.not_an_object.is_none()
    }

    /// The report's bucket for this kind.
    pub(crate) fn bucket(&self) -> &'static str {
        match (self.kind, self.signal) {
            (TypeKind::Scalar, "builtin-scalar") => "builtin scalar",
            (TypeKind::Scalar, _) => "custom scalar",
            (TypeKind::Enum, _) => "enum",
            (TypeKind::Interface, _) => "interface",
            (TypeKind::Union, _) => "union",
            (TypeKind::Object, _) if gqlsmith_model::relay::is_connection_name(&self.name) => {
                "connection"
            }
            _ => "object",
        }
    }
}

/// One vote from one occurrence, strongest first when sorted by `rank`.
struct Vote {
    kind: TypeKind,
    signal: &'static str,
    confidence: Confidence,
    evidence: String,
    rank: u8,
}

impl Vote {
    /// True for a vote that fixes a kind other than object whatever the other occurrences
    /// say: another type shown under the name (a member list), a quoted enum sample, a sure
    /// scalar placeholder, or a name ending in `Union` or `Interface`.
    fn fixes_kind(&self) -> bool {
        match self.signal {
            // Interface or union, whichever the name does not say: not an object either way.
            "abstract-example" => true,
            "enum-sample" | "scalar-placeholder" | "name-suffix" => {
                self.confidence == Confidence::High
            }
            _ => false,
        }
    }
}

/// Classifies every dangling name.
pub(crate) fn classify_all(dangling: &Dangling) -> Vec<Classified> {
    dangling
        .iter()
        .map(|(name, occurrences)| classify(name, occurrences))
        .collect()
}

fn classify(name: &str, occurrences: &[Occurrence]) -> Classified {
    let location = occurrences
        .iter()
        .find_map(|occurrence| occurrence.location().cloned());
    let mut classified = Classified {
        name: name.to_owned(),
        kind: TypeKind::Object,
        signal: "object-by-default",
        evidence: Vec::new(),
        confidence: Confidence::Low,
        samples: Vec::new(),
        members: Vec::new(),
        location,
        used_by: occurrences
            .iter()
            .filter_map(|occurrence| match occurrence {
                Occurrence::FieldType { owner, field, .. } => Some((owner.clone(), field.clone())),
                Occurrence::ExampleMember { .. } => None,
            })
            .collect(),
        disagreements: Vec::new(),
        not_an_object: None,
    };
    if Schema::is_builtin_scalar(name) {
        classified.kind = TypeKind::Scalar;
        classified.signal = "builtin-scalar";
        classified.confidence = Confidence::High;
        classified
            .evidence
            .push(format!("`{name}` is a built-in scalar"));
        return classified;
    }
    let mut votes = Vec::new();
    for occurrence in occurrences {
        match occurrence {
            Occurrence::ExampleMember { owner, declared, .. } => votes.push(Vote {
                kind: TypeKind::Object,
                signal: "example-member",
                confidence: Confidence::High,
                evidence: format!(
                    "the example of `{owner}` shows `{name}` under a field of type `{}`",
                    declared.as_deref().unwrap_or("?")
                ),
                rank: 0,
            }),
            Occurrence::FieldType { owner, field, example, location } => match example {
                Some(value) => {
                    votes.push(vote_from_example(name, owner, field, value));
                    if let Some(sample) = enum_sample(value) {
                        if !classified.samples.iter().any(|(seen, _)| seen == sample) {
                            classified.samples.push((sample.to_owned(), location.clone()));
                        }
                    }
                    if let Some(shown) = bare_name_in_example(value) {
                        if shown != name && !classified.members.iter().any(|member| member == shown) {
                            classified.members.push(shown.to_owned());
                        }
                    }
                }
                None => votes.push(Vote {
                    kind: TypeKind::Object,
                    signal: "left-out-of-example",
                    confidence: Confidence::Medium,
                    evidence: format!("the example of `{owner}` leaves `{field}` out, as it does for object fields"),
                    rank: 5,
                }),
            },
        }
    }
    if let Some(suffix_vote) = vote_from_name_suffix(name) {
        votes.push(suffix_vote);
    }
    votes.sort_by_key(|vote| vote.rank);
    let Some(best) = votes.first() else {
        return classified;
    };
    classified.kind = best.kind;
    classified.signal = best.signal;
    classified.confidence = best.confidence;
    classified.not_an_object = votes
        .iter()
        .find(|vote| vote.fixes_kind())
        .map(|vote| format!("{} ({})", vote.evidence, vote.kind.as_str()));
    for vote in &votes {
        if vote.kind == best.kind {
            if !classified.evidence.contains(&vote.evidence) {
                classified.evidence.push(vote.evidence.clone());
            }
        } else if !classified.disagreements.contains(&vote.evidence) {
            classified.disagreements.push(vote.evidence.clone());
        }
    }
    if classified.kind != TypeKind::Enum {
        classified.samples.clear();
    }
    if !matches!(classified.kind, TypeKind::Interface | TypeKind::Union) {
        classified.members.clear();
    }
    classified
}

/// The sample value of an enum as the example quotes it (`"SCHEDULED"`, `"kWh"`).
fn enum_sample(value: &str) -> Option<&str> {
    let value = value.trim();
    let inner = value
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or(value);
    let quoted = inner.strip_prefix('"')?.strip_suffix('"')?;
    let is_name = matches!(quoted.chars().next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && quoted
            .chars()
            .all(|c| c == '_' || c.is_ascii_alphanumeric());
    (is_name && quoted != STRING_PLACEHOLDER && !matches!(quoted, "true" | "false" | "null"))
        .then_some(quoted)
}

/// What one example value says about the kind of the field's type.
fn vote_from_example(name: &str, owner: &str, field: &str, value: &str) -> Vote {
    let shown = value.trim();
    let inner = shown
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or(shown)
        .trim();
    let at = format!("`{owner}.{field}`");
    let scalar = |what: &str, rank: u8| Vote {
        kind: TypeKind::Scalar,
        signal: "scalar-placeholder",
        confidence: Confidence::High,
        evidence: format!("{at} shows {what} `{inner}`"),
        rank,
    };
    if inner.contains(" | ") {
        return scalar("alternatives", 1);
    }
    if let Some(sample) = enum_sample(shown) {
        return Vote {
            kind: TypeKind::Enum,
            signal: "enum-sample",
            confidence: Confidence::High,
            evidence: format!("{at} shows the quoted value `{sample}`"),
            rank: 1,
        };
    }
    if let Some(text) = inner
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    {
        return scalar(placeholder_format(text), 1);
    }
    if inner.starts_with('{') {
        return scalar("a JSON object", 1);
    }
    if matches!(inner, "true" | "false")
        || inner.starts_with(|c: char| c == '-' || c.is_ascii_digit())
    {
        return scalar("a literal", 1);
    }
    match bare_name_in_example(inner) {
        Some(other) if other != name => {
            let (kind, confidence) = abstract_kind(name);
            Vote {
                kind,
                signal: "abstract-example",
                confidence,
                evidence: format!("{at} is declared `{name}` but its example shows `{other}`"),
                rank: 2,
            }
        }
        Some(_) if name.ends_with("String") => Vote {
            kind: TypeKind::Scalar,
            signal: "scalar-own-name",
            confidence: Confidence::Medium,
            evidence: format!(
                "{at} shows its own type name `{name}`, and the name ends in `String`"
            ),
            rank: 4,
        },
        Some(_) => Vote {
            kind: TypeKind::Object,
            signal: "object-own-name",
            confidence: Confidence::Medium,
            evidence: format!(
                "{at} shows its own type name `{name}`, as the page does for objects"
            ),
            rank: 4,
        },
        None => Vote {
            kind: TypeKind::Scalar,
            signal: "scalar-placeholder",
            confidence: Confidence::Low,
            evidence: format!("{at} shows `{inner}`"),
            rank: 6,
        },
    }
}

/// Interface or union: the page shows neither keyword, only the name may say.
fn abstract_kind(name: &str) -> (TypeKind, Confidence) {
    if name.ends_with("Interface") {
        (TypeKind::Interface, Confidence::High)
    } else if name.ends_with("Union") {
        (TypeKind::Union, Confidence::High)
    } else {
        (TypeKind::Union, Confidence::Low)
    }
}

/// Names that say their kind: `AccountInterface`, `ErrorTypeUnion`.
fn vote_from_name_suffix(name: &str) -> Option<Vote> {
    let kind = if name.ends_with("Interface") {
        TypeKind::Interface
    } else if name.ends_with("Union") {
        TypeKind::Union
    } else {
        return None;
    };
    Some(Vote {
        kind,
        signal: "name-suffix",
        confidence: Confidence::High,
        evidence: format!(
            "the name `{name}` ends in `{}`",
            if kind == TypeKind::Interface {
                "Interface"
            } else {
                "Union"
            }
        ),
        rank: 3,
    })
}

/// What a quoted scalar placeholder looks like, for the evidence text.
fn placeholder_format(text: &str) -> &'static str {
    let digits_at = |positions: &[usize]| {
        positions
            .iter()
            .all(|&at| text.as_bytes().get(at).is_some_and(u8::is_ascii_digit))
    };
    if text == STRING_PLACEHOLDER {
        "the string placeholder"
    } else if text.len() == 10 && digits_at(&[0, 1, 2, 3, 5, 6, 8, 9]) {
        "a date"
    } else if text.len() > 10 && digits_at(&[0, 1, 2, 3]) && text.as_bytes().get(10) == Some(&b'T')
    {
        "a date-time"
    } else if text.len() >= 8 && digits_at(&[0, 1, 3, 4]) && text.as_bytes().get(2) == Some(&b':') {
        "a time"
    } else if text.len() == 36 && text.matches('-').count() == 4 {
        "a UUID"
    } else if text.parse::<f64>().is_ok() {
        "a decimal"
    } else {
        "a quoted value"
    }
}

#[cfg(test)]
mod tests {
    use gqlsmith_model::{
        Example, ExampleEntry, Field, NameOrigin, Provenance, Schema, TypeDef, TypeKind, TypeRef,
    };

    use super::classify_all;
    use crate::page::dangling_names;

    /// Builds a one-block page from `(field, type, example value)` rows and classifies every
    /// dangling name, rendered as `Name: kind signal confidence [samples] [members]`.
    #[track_caller]
    fn check(rows: &[(&str, &str, Option<&str>)], expect: &[&str]) {
        let mut schema = Schema::default();
        let mut owner = TypeDef::new(
            "Owner",
            TypeKind::Object,
            Provenance::read_unknown_location(),
        );
        owner.name_origin = NameOrigin::Document;
        let mut entries = Vec::new();
        for (field, ty, example) in rows {
            owner.fields.push(Field::new(
                *field,
                TypeRef::parse(ty).unwrap(),
                Provenance::read_unknown_location(),
            ));
            if let Some(value) = example {
                entries.push(ExampleEntry {
                    key: (*field).to_owned(),
                    value: (*value).to_owned(),
                    provenance: Provenance::read_unknown_location(),
                });
            }
        }
        owner.example = Some(Example {
            entries,
            raw: String::new(),
            provenance: Provenance::read_unknown_location(),
        });
        schema.insert_type(owner);
        let got: Vec<String> = classify_all(&dangling_names(&schema))
            .iter()
            .map(|c| {
                let samples: Vec<&str> = c.samples.iter().map(|(s, _)| s.as_str()).collect();
                format!(
                    "{}: {} {} {} {:?} {:?}",
                    c.name,
                    c.kind.as_str(),
                    c.signal,
                    c.confidence,
                    samples,
                    c.members
                )
            })
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn scalars_from_their_placeholders() {
        check(
            &[
                ("on", "Date", Some(r#""2020-01-01""#)),
                ("at", "DateTime!", Some(r#""2020-01-01T00:00:00.000Z""#)),
                ("data", "JSONString", Some(r#"{"key": "value"}"#)),
                ("amount", "Decimal", Some(r#""1.0""#)),
                ("big", "BigInt", Some("1")),
                ("any", "GenericScalar", Some(r#""abc123" | 1 | 1.0 | true"#)),
                ("count", "Int", Some("1")),
                ("text", "NonEmptyString", Some("NonEmptyString")),
                (
                    "uuid",
                    "UUID",
                    Some(r#""500c164d-38c7-4f74-9ac6-be210197e9e4""#),
                ),
            ],
            &[
                "BigInt: scalar scalar-placeholder high [] []",
                "Date: scalar scalar-placeholder high [] []",
                "DateTime: scalar scalar-placeholder high [] []",
                "Decimal: scalar scalar-placeholder high [] []",
                "GenericScalar: scalar scalar-placeholder high [] []",
                "Int: scalar builtin-scalar high [] []",
                "JSONString: scalar scalar-placeholder high [] []",
                "NonEmptyString: scalar scalar-own-name medium [] []",
                "UUID: scalar scalar-placeholder high [] []",
            ],
        );
    }

    #[test]
    fn enums_from_quoted_samples_of_any_case() {
        check(
            &[
                ("status", "Status", Some(r#""SKIPPED""#)),
                ("unit", "ConsumptionUnit", Some(r#""kWh""#)),
                ("many", "[Tag]", Some(r#"["MOVE_IN"]"#)),
            ],
            &[
                r#"ConsumptionUnit: enum enum-sample high ["kWh"] []"#,
                r#"Status: enum enum-sample high ["SKIPPED"] []"#,
                r#"Tag: enum enum-sample high ["MOVE_IN"] []"#,
            ],
        );
    }

    #[test]
    fn abstract_types_from_another_name_in_the_example() {
        check(
            &[
                ("bill", "BillInterface", Some("StatementType")),
                (
                    "pref",
                    "PaymentPreferenceUnion",
                    Some("PreferredInstruction"),
                ),
                ("party", "ContractParty", Some("AccountType")),
            ],
            &[
                r#"AccountType: object example-member high [] []"#,
                r#"BillInterface: interface abstract-example high [] ["StatementType"]"#,
                r#"ContractParty: union abstract-example low [] ["AccountType"]"#,
                r#"PaymentPreferenceUnion: union abstract-example high [] ["PreferredInstruction"]"#,
                r#"PreferredInstruction: object example-member high [] []"#,
                r#"StatementType: object example-member high [] []"#,
            ],
        );
    }

    #[test]
    fn objects_shown_by_name_or_left_out() {
        check(
            &[
                ("goods", "GoodsPurchase", Some("GoodsPurchase")),
                ("calls", "[APICallType]", None),
                ("account", "AccountInterface", Some("AccountInterface")),
            ],
            &[
                "APICallType: object left-out-of-example medium [] []",
                "AccountInterface: interface name-suffix high [] []",
                "GoodsPurchase: object object-own-name medium [] []",
            ],
        );
    }
}
