//! Everything a user or a CI system reads: diagnostics as rustc-style text, JSON, SARIF 2.1.0
//! and GitHub workflow annotations. Only the CLI knows these formats.

mod github;
mod human;
mod json;
mod sarif;
mod sources;

pub(crate) use github::github_annotations;
pub(crate) use human::{render_human, HumanStyle};
pub(crate) use json::diagnostics_json;
pub(crate) use sarif::{sarif_log, SarifRule};
pub(crate) use sources::SourceMap;
