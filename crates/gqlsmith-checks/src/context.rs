//! What a rule sees while it runs (the schema, the options, today's date) and how it reports.

use gqlsmith_model::{Date, Diagnostic, Documents, Location, Schema, Severity, TypeDef, TypeRef};
use regex::Regex;

use crate::config::{Config, ErrorRegistry};
use crate::registry::RuleMeta;

/// Options a rule needs, resolved once per run (the error-code pattern compiled).
pub(crate) struct Resolved<'a> {
    pub(crate) config: &'a Config,
    pub(crate) error_code_pattern: Regex,
    pub(crate) error_registry: Option<&'a ErrorRegistry>,
}

/// One rule's view of a run. Rules call [`Context::report`]; severity, code and name come
/// from the rule's metadata and the config.
pub(crate) struct Context<'a> {
    pub(crate) schema: &'a Schema,
    /// The client operations checked with the schema (`check --documents`), if any.
    pub(crate) documents: Option<&'a Documents>,
    pub(crate) options: &'a Resolved<'a>,
    pub(crate) today: Date,
    pub(crate) rule: &'static RuleMeta,
    pub(crate) severity: Severity,
    pub(crate) findings: Vec<Diagnostic>,
}

impl Context<'_> {
    pub(crate) fn config(&self) -> &Config {
        self.options.config
    }

    /// Records a finding about `coordinate` at `location`; `length` is how many characters to
    /// underline (the name of the thing, usually).
    pub(crate) fn report(
        &mut self,
        coordinate: impl Into<String>,
        location: Option<&Location>,
        length: usize,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> &mut Diagnostic {
        let diagnostic = Diagnostic::new(self.rule.code, self.rule.name, self.severity, message)
            .at_opt(location.cloned())
            .with_length(u32::try_from(length).unwrap_or(u32::MAX))
            .with_coordinate(coordinate)
            .with_help(help);
        self.findings.push(diagnostic);
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }
}

/// The character count of a name, for underlining.
pub(crate) fn width(name: &str) -> usize {
    name.chars().count()
}

/// True when `ty` names a type the schema defines as an object or interface whose name ends
/// with `Connection`: what the Relay rules call a connection.
pub(crate) fn connection_type<'s>(schema: &'s Schema, ty: &TypeRef) -> Option<&'s TypeDef> {
    let target = schema.type_named(ty.base_name())?;
    (target.kind.has_fields()
        && gqlsmith_model::relay::is_connection_name(&target.name)
        && !ty.is_list())
    .then_some(target)
}

/// True for a type the Relay spec accepts as a cursor: `String`, or a custom scalar (which
/// serialises as a string by the spec's reading), with or without non-null.
pub(crate) fn is_string_like(schema: &Schema, ty: &TypeRef) -> bool {
    let inner = ty.nullable();
    let TypeRef::Named(name) = inner else {
        return false;
    };
    match name.as_str() {
        "String" | "ID" => true,
        "Int" | "Float" | "Boolean" => false,
        other => schema
            .type_named(other)
            .is_some_and(|ty| ty.kind == gqlsmith_model::TypeKind::Scalar),
    }
}

/// True when the type or field was written by the input rather than introduced by
/// graphql itself (`__Schema` and friends).
pub(crate) fn is_introspection_name(name: &str) -> bool {
    name.starts_with("__")
}

/// True when the input gave the field's real argument list: SDL and introspection do, a docs
/// page does not (it shows argument descriptions without names, or nothing for arguments
/// without descriptions, such as Relay's `first` and `after`).
pub(crate) fn arguments_known(schema: &Schema, field: &gqlsmith_model::Field) -> bool {
    !field.arguments.is_empty() || (field.unnamed_arguments.is_empty() && !is_docs_page(schema))
}

/// True when the schema was read from a reference-docs page: only docs pages carry examples.
pub(crate) fn is_docs_page(schema: &Schema) -> bool {
    schema.types.values().any(|ty| ty.example.is_some())
}
