//! Where a fact came from: the source location, and whether it was read, inferred or is unknown.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A point in an input file. Lines and columns are 1-based; columns count characters (not
/// bytes), as editors and SARIF do.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Location {
    /// The input's path as the user gave it (or a pseudo path such as `<bundled kraken>`).
    pub file: Arc<str>,
    pub line: u32,
    pub column: u32,
}

impl Location {
    pub fn new(file: Arc<str>, line: u32, column: u32) -> Location {
        Location { file, line, column }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// How a fact is known.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(tag = "certainty", rename_all = "snake_case")]
pub enum Certainty {
    /// Stated by the input.
    #[default]
    Read,
    /// Derived by a pass; `rule` names the pass or signal, `evidence` says what it saw.
    Inferred {
        rule: String,
        evidence: Vec<String>,
        confidence: Confidence,
    },
    /// Not known: the input lost it (a docs page without argument names) or never had it.
    Unknown,
}

/// How sure an inference is. Ordered: `Low < Medium < High`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    #[default]
    Medium,
    High,
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        })
    }
}

/// Provenance of one fact: where it stands and how it is known.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Provenance {
    pub location: Option<Location>,
    #[serde(flatten)]
    pub certainty: Certainty,
}

impl Provenance {
    /// A fact read from the input at `location`.
    pub fn read(location: Location) -> Provenance {
        Provenance {
            location: Some(location),
            certainty: Certainty::Read,
        }
    }

    /// A fact read from an input that gives no position (a built-in, a test).
    pub fn read_unknown_location() -> Provenance {
        Provenance {
            location: None,
            certainty: Certainty::Read,
        }
    }

    /// A fact inferred by `rule` from `evidence`, anchored at `location` when there is one.
    pub fn inferred(
        location: Option<Location>,
        rule: impl Into<String>,
        evidence: Vec<String>,
        confidence: Confidence,
    ) -> Provenance {
        Provenance {
            location,
            certainty: Certainty::Inferred {
                rule: rule.into(),
                evidence,
                confidence,
            },
        }
    }

    /// A fact the input does not give.
    pub fn unknown(location: Option<Location>) -> Provenance {
        Provenance {
            location,
            certainty: Certainty::Unknown,
        }
    }

    pub fn is_read(&self) -> bool {
        matches!(self.certainty, Certainty::Read)
    }

    pub fn is_inferred(&self) -> bool {
        matches!(self.certainty, Certainty::Inferred { .. })
    }
}

/// Where a type's name came from. Docs pages lose the names of undescribed types.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(tag = "origin", rename_all = "snake_case")]
pub enum NameOrigin {
    /// The input states the name.
    #[default]
    Document,
    /// Recovered by the recovery pass from evidence on the page.
    Recovered {
        confidence: Confidence,
        signals: Vec<String>,
    },
    /// Unknown: a deterministic stand-in (a valid GraphQL name) that says where the block is.
    Placeholder,
    /// Supplied by the user's overlay file.
    Overlay,
    /// Matched against a reference schema.
    Reference { confidence: Confidence },
}

impl NameOrigin {
    /// The JSON contract's `name_origin` string.
    pub fn as_str(&self) -> &'static str {
        match self {
            NameOrigin::Document => "document",
            NameOrigin::Recovered { .. } => "recovered",
            NameOrigin::Placeholder => "placeholder",
            NameOrigin::Overlay => "overlay",
            NameOrigin::Reference { .. } => "reference",
        }
    }
}
