#![doc = include_str!("../README.md")]
#![deny(unreachable_pub)]

mod codes;
mod line_kind;
mod prose;
mod reader;
mod shapes;
mod stats;

use std::sync::Arc;

use gqlsmith_model::Loaded;

pub use codes::{DiagnosticCode, CODES};
pub use line_kind::LineKind;
pub use stats::{stats, PageStats};

/// Reads a scraped reference-docs page into the model: one object type per block, in page
/// order, and a diagnostic for every odd or unreadable line. Never panics and never stops
/// early; `file` is the path (or pseudo path) that diagnostics and provenance name.
pub fn read(text: &str, file: Arc<str>) -> Loaded {
    reader::read_with_trace(text, file).0
}

/// What the reader made of each line of `text`, one [`LineKind`] per line (as `str::lines`
/// splits them). This is the same pass as [`read`]; tests use it to prove that no line is
/// silently skipped.
pub fn classify_lines(text: &str) -> Vec<LineKind> {
    reader::read_with_trace(text, Arc::from("<input>")).1
}

/// [`read`] and [`classify_lines`] in one pass.
pub fn read_with_trace(text: &str, file: Arc<str>) -> (Loaded, Vec<LineKind>) {
    reader::read_with_trace(text, file)
}
