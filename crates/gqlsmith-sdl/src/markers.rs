//! gqlsmith's own directives (`@gqlsmith_inferred`, `@gqlsmith_name`, ..): the names the SDL
//! writer marks facts with, and how the SDL reader turns them back into model facts, so that a
//! model recovered from a docs page survives being written as SDL and read again.

use apollo_compiler::ast;
use apollo_compiler::Node;
use gqlsmith_model::{Certainty, Confidence, NameOrigin, TypeKind};

pub(crate) const INFERRED: &str = "gqlsmith_inferred";
pub(crate) const NAME: &str = "gqlsmith_name";
pub(crate) const INCOMPLETE: &str = "gqlsmith_incomplete";
pub(crate) const UNDEFINED: &str = "gqlsmith_undefined";
pub(crate) const EMPTY: &str = "gqlsmith_empty";
pub(crate) const OMITTED: &str = "gqlsmith_omitted";
pub(crate) const UNNAMED_ARGUMENT: &str = "gqlsmith_unnamed_argument";
pub(crate) const ERROR_CODE: &str = "gqlsmith_error_code";

const ALL: [&str; 8] = [
    INFERRED,
    NAME,
    INCOMPLETE,
    UNDEFINED,
    EMPTY,
    OMITTED,
    UNNAMED_ARGUMENT,
    ERROR_CODE,
];

/// Whether `name` is one of gqlsmith's marker directives (read into facts, never listed as
/// a directive of the schema).
pub(crate) fn is_marker(name: &str) -> bool {
    ALL.contains(&name)
}

/// What the markers on one definition say. Evidence and signals are not written, so they
/// come back empty.
#[derive(Debug, Default)]
pub(crate) struct Markers {
    /// `@gqlsmith_inferred` without `fact`: how the definition itself is known.
    pub(crate) inferred: Option<Certainty>,
    /// `@gqlsmith_inferred(fact: "kind")`.
    pub(crate) kind_inferred: Option<Certainty>,
    pub(crate) name_origin: Option<NameOrigin>,
    pub(crate) incomplete: bool,
    /// The writer made this scalar up for a name the model only referenced.
    pub(crate) undefined: bool,
    /// Written as a scalar because SDL cannot express it: its kind and members.
    pub(crate) empty: Option<(TypeKind, Vec<String>)>,
    /// Union members or interfaces the writer left out.
    pub(crate) omitted: Vec<String>,
    pub(crate) error_codes: Vec<(String, String)>,
    pub(crate) unnamed_arguments: Vec<String>,
}

pub(crate) fn read_markers<'a>(
    directives: impl Iterator<Item = &'a Node<ast::Directive>>,
) -> Markers {
    let mut markers = Markers::default();
    for directive in directives {
        let text = |name: &str| {
            directive
                .specified_argument_by_name(name)
                .and_then(|value| value.as_str())
                .map(str::to_owned)
        };
        match directive.name.as_str() {
            INFERRED => {
                let certainty = Certainty::Inferred {
                    rule: text("rule").unwrap_or_default(),
                    evidence: Vec::new(),
                    confidence: confidence(text("confidence").as_deref()),
                };
                if text("fact").as_deref() == Some("kind") {
                    markers.kind_inferred = Some(certainty);
                } else {
                    markers.inferred = Some(certainty);
                }
            }
            NAME => {
                let confidence = confidence(text("confidence").as_deref());
                markers.name_origin = match text("origin").as_deref() {
                    Some("placeholder") => Some(NameOrigin::Placeholder),
                    Some("recovered") => Some(NameOrigin::Recovered {
                        confidence,
                        signals: Vec::new(),
                    }),
                    Some("overlay") => Some(NameOrigin::Overlay),
                    Some("reference") => Some(NameOrigin::Reference { confidence }),
                    _ => None,
                };
            }
            INCOMPLETE => markers.incomplete = true,
            UNDEFINED => markers.undefined = true,
            EMPTY => {
                let kind = match text("kind").as_deref() {
                    Some("object") => Some(TypeKind::Object),
                    Some("interface") => Some(TypeKind::Interface),
                    Some("union") => Some(TypeKind::Union),
                    Some("enum") => Some(TypeKind::Enum),
                    Some("input_object") => Some(TypeKind::InputObject),
                    _ => None,
                };
                let members = match directive
                    .specified_argument_by_name("members")
                    .map(|value| &**value)
                {
                    Some(ast::Value::List(items)) => items
                        .iter()
                        .filter_map(|item| item.as_str().map(str::to_owned))
                        .collect(),
                    _ => Vec::new(),
                };
                markers.empty = kind.map(|kind| (kind, members));
            }
            OMITTED => markers.omitted.extend(text("name")),
            ERROR_CODE => {
                if let (Some(code), Some(message)) = (text("code"), text("message")) {
                    markers.error_codes.push((code, message));
                }
            }
            UNNAMED_ARGUMENT => markers.unnamed_arguments.extend(text("description")),
            _ => {}
        }
    }
    markers
}

fn confidence(text: Option<&str>) -> Confidence {
    match text {
        Some("low") => Confidence::Low,
        Some("high") => Confidence::High,
        _ => Confidence::Medium,
    }
}
