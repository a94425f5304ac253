//! Diagnostics as data. Rendering (rustc-style text, JSON, SARIF, GitHub annotations) is the
//! CLI's job; readers, recovery and checks only produce these values.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Location;

/// How serious a finding is. Ordered: `Note < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing, nothing to fix (a list field shown bare in an example).
    Note,
    /// Odd but readable; the model is built.
    Warning,
    /// Unreadable or wrong; the command exits non-zero and writes no output files.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary location with its own message ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub location: Location,
    pub message: String,
}

/// One finding.
///
/// `code` is stable and short (`D104`); `name` is its kebab-case twin
/// (`row-without-terminator`), used by config, suppressions, baselines and SARIF.
/// Messages are short and lowercase with GraphQL names in backticks; `help` says what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub message: String,
    /// The primary location; `None` only for findings about a whole run.
    pub location: Option<Location>,
    /// How many characters from `location` the finding covers (at least 1); renderers
    /// underline this many.
    pub length: u32,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    /// The schema coordinate the finding is about (`Type.field.argument`), when there is one.
    /// Baselines and ignores match on it, so they survive edits elsewhere in the file.
    pub coordinate: Option<String>,
}

impl Diagnostic {
    pub fn new(
        code: impl Into<String>,
        name: impl Into<String>,
        severity: Severity,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code: code.into(),
            name: name.into(),
            severity,
            message: message.into(),
            location: None,
            length: 1,
            labels: Vec::new(),
            help: None,
            coordinate: None,
        }
    }

    pub fn error(code: &str, name: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, name, Severity::Error, message)
    }

    pub fn warning(code: &str, name: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, name, Severity::Warning, message)
    }

    pub fn note(code: &str, name: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, name, Severity::Note, message)
    }

    pub fn at(mut self, location: Location) -> Diagnostic {
        self.location = Some(location);
        self
    }

    pub fn at_opt(mut self, location: Option<Location>) -> Diagnostic {
        self.location = location;
        self
    }

    pub fn with_length(mut self, length: u32) -> Diagnostic {
        self.length = length.max(1);
        self
    }

    pub fn with_label(mut self, location: Location, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            location,
            message: message.into(),
        });
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_coordinate(mut self, coordinate: impl Into<String>) -> Diagnostic {
        self.coordinate = Some(coordinate.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// One line, no colours: `file:line:col: error[D104]: message`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        write!(f, "{}[{}]: {}", self.severity, self.code, self.message)
    }
}
