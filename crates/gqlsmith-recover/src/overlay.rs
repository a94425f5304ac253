//! Overlay files: what the user knows and the page lost (block names, kinds, enum values,
//! union members, interfaces, arguments), in TOML, merged with provenance. A conflict with
//! the page is a diagnostic, never a silent override.
//!
//! ```toml
//! [[block]]                      # a name for a block, found by its first line on the page
//! line = 44
//! name = "APICallType"
//!
//! [[block]]                      # ... or by its field names (all of them, any order)
//! fields = ["body", "createdAt", "id"]
//! name = "APIExceptionNoteType"
//!
//! [type.APIType]                 # facts about a type the page defines or references
//! kind = "enum"                  # object, interface, union, enum or scalar
//! values = ["GRAPHQL", "REST"]
//! complete = true                # the lists given here are the whole truth
//!
//! [type.PaymentPreferenceUnion]
//! members = ["PreferredInstruction"]
//!
//! [type.AccountType]
//! interfaces = ["AccountInterface"]
//! arguments.bills = [{ name = "fromDate", type = "Date", description = "Inclusive." }]
//! ```

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use gqlsmith_model::{
    Certainty, Diagnostic, EnumValue, InputValue, LineIndex, Location, NameOrigin, Provenance,
    Schema, TypeKind, TypeRef,
};
use serde::Deserialize;
use toml::Spanned;

use crate::page::is_placeholder;
use crate::report::RecoveredName;

/// A parsed overlay file, every fact with its place in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlay {
    blocks: Vec<BlockName>,
    types: Vec<TypeFacts>,
}

#[derive(Debug, Clone, PartialEq)]
enum BlockKey {
    Line(u32),
    Fields(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
struct BlockName {
    key: BlockKey,
    name: String,
    location: Location,
}

#[derive(Debug, Clone, PartialEq)]
struct TypeFacts {
    name: String,
    kind: Option<TypeKind>,
    values: Vec<String>,
    members: Vec<String>,
    interfaces: Vec<String>,
    complete: bool,
    /// field -> arguments
    arguments: Vec<(String, Vec<InputValue>)>,
    location: Location,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileShape {
    #[serde(default)]
    block: Vec<Spanned<BlockShape>>,
    #[serde(default, rename = "type")]
    types: BTreeMap<String, Spanned<TypeShape>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockShape {
    line: Option<u32>,
    fields: Option<Vec<String>>,
    name: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypeShape {
    kind: Option<Spanned<String>>,
    #[serde(default)]
    values: Vec<Spanned<String>>,
    #[serde(default)]
    members: Vec<Spanned<String>>,
    #[serde(default)]
    interfaces: Vec<Spanned<String>>,
    #[serde(default)]
    complete: bool,
    #[serde(default)]
    arguments: BTreeMap<String, Vec<Spanned<ArgumentShape>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArgumentShape {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    default: Option<String>,
    description: Option<String>,
}

/// Byte offsets to 1-based line and character column, in one file.
struct Lines<'a> {
    index: LineIndex<'a>,
    file: Arc<str>,
}

impl Lines<'_> {
    fn location(&self, offset: usize) -> Location {
        self.index.location(&self.file, offset)
    }

    /// The characters of `span`, for underlining (at least one).
    fn length(&self, span: &Range<usize>) -> u32 {
        let characters = self
            .index
            .text()
            .get(span.clone())
            .map_or(1, |text| text.chars().count().max(1));
        u32::try_from(characters).unwrap_or(u32::MAX)
    }
}

fn is_name(text: &str) -> bool {
    matches!(text.chars().next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && text.chars().all(|c| c == '_' || c.is_ascii_alphanumeric())
}

fn parse_kind(text: &str) -> Option<TypeKind> {
    Some(match text {
        "object" => TypeKind::Object,
        "interface" => TypeKind::Interface,
        "union" => TypeKind::Union,
        "enum" => TypeKind::Enum,
        "scalar" => TypeKind::Scalar,
        _ => return None,
    })
}

impl Overlay {
    /// Parses an overlay file. Syntax errors, unknown keys and malformed names or types are
    /// `O501`/`O502` diagnostics with the file, line and column; nothing is half-parsed.
    pub fn parse(text: &str, file: Arc<str>) -> Result<Overlay, Vec<Diagnostic>> {
        let lines = Lines {
            index: LineIndex::new(text),
            file,
        };
        let shape: FileShape = match toml::from_str(text) {
            Ok(shape) => shape,
            Err(error) => {
                let span = error.span().unwrap_or(0..0);
                let message = error
                    .message()
                    .lines()
                    .next()
                    .unwrap_or("unreadable")
                    .trim()
                    .to_lowercase();
                return Err(vec![Diagnostic::error("O501", "malformed-overlay", format!("overlay file is not readable: {message}"))
                    .at(lines.location(span.start))
                    .with_length(lines.length(&span))
                    .with_help("an overlay has `[[block]]` entries (`line` or `fields`, and `name`) and `[type.Name]` tables")]);
            }
        };
        let mut diagnostics = Vec::new();
        let invalid_name = |what: &str, text: &str, span: Range<usize>| {
            Diagnostic::error("O502", "invalid-overlay-value", format!("`{text}` is not a valid GraphQL {what}"))
                .at(lines.location(span.start))
                .with_length(lines.length(&span))
                .with_help("GraphQL names match /[_A-Za-z][_0-9A-Za-z]*/ and types are written as in SDL (`[Foo!]!`)")
        };
        let mut overlay = Overlay {
            blocks: Vec::new(),
            types: Vec::new(),
        };
        for entry in &shape.block {
            let span = entry.span();
            let block = entry.get_ref();
            if !is_name(block.name.get_ref()) {
                diagnostics.push(invalid_name(
                    "name",
                    block.name.get_ref(),
                    block.name.span(),
                ));
                continue;
            }
            let key = match (&block.line, &block.fields) {
                (Some(line), None) => BlockKey::Line(*line),
                (None, Some(fields)) if !fields.is_empty() => {
                    let mut fields = fields.clone();
                    fields.sort();
                    BlockKey::Fields(fields)
                }
                _ => {
                    diagnostics.push(
                        Diagnostic::error("O501", "malformed-overlay", format!("block entry for `{}` needs exactly one of `line` or `fields`", block.name.get_ref()))
                            .at(lines.location(span.start))
                            .with_help("give the block's first line on the page (`line = 44`) or its field names (`fields = [\"id\"]`)"),
                    );
                    continue;
                }
            };
            overlay.blocks.push(BlockName {
                key,
                name: block.name.get_ref().clone(),
                location: lines.location(block.name.span().start),
            });
        }
        for (name, entry) in &shape.types {
            let span = entry.span();
            let facts = entry.get_ref();
            if !is_name(name) {
                diagnostics.push(invalid_name("type name", name, span.clone()));
                continue;
            }
            let kind = match &facts.kind {
                Some(kind) => match parse_kind(kind.get_ref()) {
                    Some(kind) => Some(kind),
                    None => {
                        diagnostics.push(invalid_name(
                            "kind (object, interface, union, enum or scalar)",
                            kind.get_ref(),
                            kind.span(),
                        ));
                        continue;
                    }
                },
                None => None,
            };
            let mut names = |list: &[Spanned<String>]| {
                let mut out = Vec::new();
                for item in list {
                    if is_name(item.get_ref()) {
                        out.push(item.get_ref().clone());
                    } else {
                        diagnostics.push(invalid_name("name", item.get_ref(), item.span()));
                    }
                }
                out
            };
            let values = names(&facts.values);
            let members = names(&facts.members);
            let interfaces = names(&facts.interfaces);
            let location = lines.location(span.start);
            let mut arguments = Vec::new();
            for (field, list) in &facts.arguments {
                let mut inputs = Vec::new();
                for argument in list {
                    let shape = argument.get_ref();
                    let Some(ty) = TypeRef::parse(&shape.ty).filter(|_| is_name(&shape.name))
                    else {
                        diagnostics.push(invalid_name(
                            "argument",
                            &format!("{}: {}", shape.name, shape.ty),
                            argument.span(),
                        ));
                        continue;
                    };
                    let mut input = InputValue::new(
                        shape.name.clone(),
                        ty,
                        Provenance::read(lines.location(argument.span().start)),
                    );
                    input.default_value = shape.default.clone();
                    input.description = shape.description.clone();
                    inputs.push(input);
                }
                arguments.push((field.clone(), inputs));
            }
            overlay.types.push(TypeFacts {
                name: name.clone(),
                kind,
                values,
                members,
                interfaces,
                complete: facts.complete,
                arguments,
                location,
            });
        }
        if diagnostics.is_empty() {
            Ok(overlay)
        } else {
            Err(diagnostics)
        }
    }

    /// Names blocks; runs before page evidence so the names anchor the page order.
    pub(crate) fn apply_names(
        &self,
        schema: &mut Schema,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<RecoveredName> {
        let mut named = Vec::new();
        for block in &self.blocks {
            let found: Vec<String> = match &block.key {
                BlockKey::Line(line) => schema
                    .types
                    .values()
                    .filter(|ty| {
                        ty.provenance
                            .location
                            .as_ref()
                            .is_some_and(|l| l.line == *line)
                            && !ty.provenance.is_inferred()
                    })
                    .map(|ty| ty.name.clone())
                    .collect(),
                BlockKey::Fields(fields) => schema
                    .types
                    .values()
                    .filter(|ty| is_placeholder(ty) || ty.name == block.name)
                    .filter(|ty| {
                        let mut names: Vec<&str> =
                            ty.fields.iter().map(|f| f.name.as_str()).collect();
                        names.sort_unstable();
                        names == fields.iter().map(String::as_str).collect::<Vec<_>>()
                    })
                    .map(|ty| ty.name.clone())
                    .collect(),
            };
            let what = match &block.key {
                BlockKey::Line(line) => format!("line {line}"),
                BlockKey::Fields(fields) => format!("fields {}", fields.join(", ")),
            };
            let [current] = found.as_slice() else {
                let (code, name, message) = if found.is_empty() {
                    (
                        "O503",
                        "unknown-overlay-target",
                        format!("no block on the page matches {what}"),
                    )
                } else {
                    (
                        "O504",
                        "ambiguous-overlay-target",
                        format!("{} blocks match {what}", found.len()),
                    )
                };
                diagnostics.push(
                    Diagnostic::error(code, name, message)
                        .at(block.location.clone())
                        .with_help("name the block by the line its table starts on (`gqlsmith inspect` lists them)"),
                );
                continue;
            };
            let Some(ty) = schema.types.get(current) else {
                continue;
            };
            if !is_placeholder(ty) {
                if ty.name != block.name {
                    diagnostics.push(
                        Diagnostic::error(
                            "O505",
                            "overlay-conflicts-with-page",
                            format!(
                                "the page names this block `{}`, the overlay `{}`",
                                ty.name, block.name
                            ),
                        )
                        .at(block.location.clone())
                        .with_help("remove the entry or point it at an unnamed block"),
                    );
                }
                continue;
            }
            if let Some(taken) = schema.types.get(&block.name) {
                let mut diagnostic = Diagnostic::error(
                    "O505",
                    "overlay-conflicts-with-page",
                    format!("`{}` is already the name of another block", block.name),
                )
                .at(block.location.clone())
                .with_help("each name names one block; check the line or fields of this entry");
                if let Some(location) = &taken.provenance.location {
                    diagnostic = diagnostic.with_label(location.clone(), "named here");
                }
                diagnostics.push(diagnostic);
                continue;
            }
            let placeholder = current.clone();
            let line = ty.provenance.location.as_ref().map(|l| l.line);
            if schema.rename_type(&placeholder, &block.name) {
                if let Some(ty) = schema.types.get_mut(&block.name) {
                    ty.name_origin = NameOrigin::Overlay;
                }
                named.push(RecoveredName {
                    placeholder,
                    name: block.name.clone(),
                    line,
                    origin: "overlay".into(),
                    confidence: None,
                    signals: vec!["overlay".into()],
                    evidence: vec![format!("named at {}", block.location)],
                });
            }
        }
        named
    }

    /// Kinds, values, members, interfaces and arguments; runs after the dangling names have
    /// their inferred types, so it can confirm or correct them.
    pub(crate) fn apply_facts(&self, schema: &mut Schema, diagnostics: &mut Vec<Diagnostic>) {
        let conflict = |location: &Location, message: String| {
            Diagnostic::error("O505", "overlay-conflicts-with-page", message)
                .at(location.clone())
                .with_help("the page states otherwise; fix or remove this overlay entry")
        };
        for facts in &self.types {
            let Some(ty) = schema.types.get_mut(&facts.name) else {
                diagnostics.push(
                    Diagnostic::error("O503", "unknown-overlay-target", format!("cannot find type `{}` on the page", facts.name))
                        .at(facts.location.clone())
                        .with_help("an overlay can only add facts to types the page defines or references; check the spelling"),
                );
                continue;
            };
            let read_here = Provenance::read(facts.location.clone());
            if let Some(kind) = facts.kind {
                if kind != ty.kind {
                    if matches!(ty.kind_provenance.certainty, Certainty::Inferred { .. }) {
                        diagnostics.push(
                            Diagnostic::note(
                                "O506",
                                "overlay-overrides-inference",
                                format!(
                                    "`{}` was inferred to be {} {}, the overlay says {}",
                                    ty.name,
                                    article(ty.kind),
                                    ty.kind.as_str(),
                                    kind.as_str()
                                ),
                            )
                            .at(facts.location.clone())
                            .with_help("nothing to do if the overlay is right"),
                        );
                        ty.kind = kind;
                        if kind != TypeKind::Enum {
                            ty.enum_values.clear();
                        }
                        if !matches!(kind, TypeKind::Union | TypeKind::Interface) {
                            ty.members.clear();
                        }
                    } else {
                        diagnostics.push(conflict(
                            &facts.location,
                            format!(
                                "the page shows `{}` as {} {}, the overlay says {}",
                                ty.name,
                                article(ty.kind),
                                ty.kind.as_str(),
                                kind.as_str()
                            ),
                        ));
                        continue;
                    }
                }
                ty.kind_provenance = read_here.clone();
            }
            if !facts.values.is_empty() {
                if ty.kind != TypeKind::Enum {
                    diagnostics.push(conflict(
                        &facts.location,
                        format!("`{}` is not an enum, so it has no values", ty.name),
                    ));
                } else {
                    if facts.complete {
                        for value in &ty.enum_values {
                            if !facts.values.contains(&value.name) {
                                diagnostics.push(conflict(
                                    &facts.location,
                                    format!(
                                        "the page shows `{}.{}`, missing from this complete list",
                                        ty.name, value.name
                                    ),
                                ));
                            }
                        }
                    }
                    for value in &facts.values {
                        if ty.enum_value(value).is_none() {
                            ty.enum_values
                                .push(EnumValue::new(value.clone(), read_here.clone()));
                        }
                    }
                    ty.incomplete = !facts.complete;
                }
            }
            if !facts.members.is_empty() {
                if !matches!(ty.kind, TypeKind::Union | TypeKind::Interface) {
                    diagnostics.push(conflict(
                        &facts.location,
                        format!(
                            "`{}` is not a union or interface, so it has no members",
                            ty.name
                        ),
                    ));
                } else {
                    if facts.complete {
                        for member in &ty.members {
                            if !facts.members.contains(member) {
                                diagnostics.push(conflict(&facts.location, format!("the page shows `{member}` under `{}`, missing from this complete list", ty.name)));
                            }
                        }
                    }
                    for member in &facts.members {
                        if !ty.members.contains(member) {
                            ty.members.push(member.clone());
                        }
                    }
                    ty.incomplete = !facts.complete;
                }
            }
            if !facts.interfaces.is_empty() {
                if !ty.kind.has_fields() {
                    diagnostics.push(conflict(
                        &facts.location,
                        format!(
                            "`{}` is not an object or interface, so it implements nothing",
                            ty.name
                        ),
                    ));
                } else {
                    for interface in &facts.interfaces {
                        if !ty.interfaces.contains(interface) {
                            ty.interfaces.push(interface.clone());
                        }
                    }
                }
            }
            for (field_name, arguments) in &facts.arguments {
                let type_name = ty.name.clone();
                let Some(field) = ty.fields.iter_mut().find(|field| &field.name == field_name)
                else {
                    diagnostics.push(
                        Diagnostic::error(
                            "O503",
                            "unknown-overlay-target",
                            format!("cannot find field `{type_name}.{field_name}` on the page"),
                        )
                        .at(facts.location.clone())
                        .with_help("arguments can only be given to fields the page lists"),
                    );
                    continue;
                };
                for argument in arguments {
                    match field.argument(&argument.name) {
                        Some(existing) if existing.ty != argument.ty => {
                            let location = argument
                                .provenance
                                .location
                                .clone()
                                .unwrap_or_else(|| facts.location.clone());
                            diagnostics.push(conflict(&location, format!("`{type_name}.{field_name}({}:)` is `{}` already, the overlay says `{}`", argument.name, existing.ty, argument.ty)));
                        }
                        Some(_) => {}
                        None => field.arguments.push(argument.clone()),
                    }
                }
            }
        }
    }
}

fn article(kind: TypeKind) -> &'static str {
    match kind {
        TypeKind::Object | TypeKind::Interface | TypeKind::Enum | TypeKind::InputObject => "an",
        TypeKind::Union | TypeKind::Scalar => "a",
    }
}
