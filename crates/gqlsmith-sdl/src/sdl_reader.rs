//! The SDL reader: apollo-compiler parses, merges `extend` definitions and validates; this
//! module turns its schema into the gqlsmith model, with the position of every definition.

use std::cell::RefCell;
use std::sync::Arc;

use apollo_compiler::ast;
use apollo_compiler::parser::{FileId, Parser, SourceSpan};
use apollo_compiler::schema::{Component, ComponentName, ExtendedType};
use apollo_compiler::validation::DiagnosticList;
use apollo_compiler::Node;
use gqlsmith_model::{
    Certainty, Deprecation, Diagnostic, DirectiveDef, DirectiveUse, EnumValue, ErrorCode, Field,
    InputValue, Loaded, Location, Provenance, RootOperations, Schema, TypeDef, TypeKind, TypeRef,
    UnnamedArgument,
};

use crate::markers::{self, read_markers, Markers};
use crate::sdl_diagnostics::{convert_diagnostic, SourcePositions};
use gqlsmith_model::LineIndex;

/// What `@deprecated` without a `reason` means: the argument's default in the spec's
/// definition, `directive @deprecated(reason: String = "No longer supported")`
/// (<https://spec.graphql.org/October2021/#sec--deprecated>). Introspection reports the same
/// text, so SDL and introspection of one schema read the same.
pub(crate) const DEFAULT_DEPRECATION_REASON: &str = "No longer supported";

/// Directives the model records in dedicated fields (`deprecation`, `specified_by`, `one_of`)
/// rather than in `directives`; their definitions are built in and never listed.
pub(crate) const BUILT_IN_DIRECTIVES: [&str; 5] =
    ["deprecated", "specifiedBy", "oneOf", "skip", "include"];

/// `@oneOf` is in the GraphQL draft and graphql-js but not among apollo-compiler 1.33's
/// built-ins; SDL printed by graphql-js uses it without defining it.
const ONE_OF_DEFINITION: &str = "directive @oneOf on INPUT_OBJECT";

/// Reads one schema from one or more SDL files (`(path, text)` pairs, merged in order).
///
/// Never gives up: syntax and validation errors become diagnostics (codes `S2xx`) and the
/// model holds everything that could be read. When a type, field, enum value or directive is
/// defined twice, the first definition is kept and the diagnostic points at both.
/// Built-in scalars are only in the model when a file defines them.
pub fn read_sdl(sources: &[(Arc<str>, &str)]) -> Loaded {
    let mut files: Vec<(FileId, SourceFileInfo<'_>)> = Vec::new();
    let mut diagnostic_lists: Vec<DiagnosticList> = Vec::new();
    let mut builder = apollo_compiler::Schema::builder();
    let mut defines_one_of = false;
    for (path, text) in sources {
        let document = match Parser::new().parse_ast(*text, &**path) {
            Ok(document) => document,
            Err(with_errors) => {
                diagnostic_lists.push(with_errors.errors);
                with_errors.partial
            }
        };
        for file_id in document.sources.keys() {
            files.push((
                *file_id,
                SourceFileInfo {
                    path: path.clone(),
                    lines: LineIndex::new(text),
                },
            ));
        }
        defines_one_of |= document.definitions.iter().any(|definition| {
            matches!(definition, ast::Definition::DirectiveDefinition(def) if def.name == "oneOf")
        });
        builder = builder.add_ast(&document);
    }
    if !defines_one_of {
        if let Ok(document) = Parser::new().parse_ast(ONE_OF_DEFINITION, "<built-in @oneOf>") {
            builder = builder.add_ast(&document);
        }
    }
    let schema = match builder.build() {
        Ok(schema) => schema,
        Err(with_errors) => {
            diagnostic_lists.push(with_errors.errors);
            with_errors.partial
        }
    };
    let schema = match schema.validate() {
        Ok(valid) => valid.into_inner(),
        Err(with_errors) => {
            diagnostic_lists.push(with_errors.errors);
            with_errors.partial
        }
    };
    let converter = Converter {
        files: &files,
        duplicate_arguments: RefCell::new(Vec::new()),
    };
    let model = converter.schema(&schema);
    let mut diagnostics = converter.duplicate_arguments.take();
    for list in &diagnostic_lists {
        for diagnostic in list.iter() {
            // The converter reports duplicate argument definitions itself, with both
            // locations; apollo-compiler reports them at the first definition only.
            let message = diagnostic.error.to_string();
            if message.starts_with("the value `") && message.ends_with("is defined multiple times")
            {
                continue;
            }
            diagnostics.push(convert_diagnostic(diagnostic.error, &converter, &model));
        }
    }
    // Syntax errors first (what follows from them comes after), then the rest; each in
    // reading order: by file (as given), line and column, those without a place last.
    diagnostics.sort_by_key(|diagnostic| {
        let stage = u8::from(!matches!(diagnostic.code.as_str(), "S200" | "S201"));
        match &diagnostic.location {
            Some(location) => {
                let file = sources.iter().position(|(path, _)| *path == location.file);
                (
                    stage,
                    file.unwrap_or(usize::MAX),
                    location.line,
                    location.column,
                )
            }
            None => (stage, usize::MAX, u32::MAX, u32::MAX),
        }
    });
    Loaded {
        schema: model,
        diagnostics,
    }
}

struct SourceFileInfo<'text> {
    path: Arc<str>,
    lines: LineIndex<'text>,
}

struct Converter<'files, 'text> {
    /// The input files by apollo-compiler's id: one or a few, so a list beats hashing.
    files: &'files [(FileId, SourceFileInfo<'text>)],
    /// `S214` diagnostics for arguments defined twice in one list (the first is kept).
    duplicate_arguments: RefCell<Vec<Diagnostic>>,
}

impl SourcePositions for Converter<'_, '_> {
    fn position(&self, file: FileId, offset: usize) -> Option<Location> {
        let info = self.file(file)?;
        let (line, column) = info.lines.line_column(offset);
        Some(Location::new(info.path.clone(), line, column))
    }

    fn text(&self, file: FileId, start: usize, end: usize) -> Option<&str> {
        self.file(file)?.lines.text().get(start..end)
    }
}

impl Converter<'_, '_> {
    fn file(&self, file: FileId) -> Option<&SourceFileInfo<'_>> {
        self.files
            .iter()
            .find(|(id, _)| *id == file)
            .map(|(_, info)| info)
    }

    fn location(&self, span: Option<SourceSpan>) -> Option<Location> {
        let span = span?;
        self.position(span.file_id(), span.offset())
    }

    fn provenance(&self, span: Option<SourceSpan>) -> Provenance {
        match self.location(span) {
            Some(location) => Provenance::read(location),
            None => Provenance::read_unknown_location(),
        }
    }

    fn schema(&self, schema: &apollo_compiler::Schema) -> Schema {
        let mut model = Schema::default();
        let definition = &schema.schema_definition;
        model.description = definition
            .description
            .as_ref()
            .map(|text| String::from(&**text));
        model.schema_directives =
            self.directive_uses(definition.directives.iter().map(|d| &d.node));
        let root =
            |name: &Option<ComponentName>| name.as_ref().map(|name| name.name.as_str().to_owned());
        model.roots = RootOperations {
            query: root(&definition.query),
            mutation: root(&definition.mutation),
            subscription: root(&definition.subscription),
        };
        for (name, directive) in &schema.directive_definitions {
            if directive.is_built_in()
                || BUILT_IN_DIRECTIVES.contains(&name.as_str())
                || markers::is_marker(name)
            {
                continue;
            }
            let mut def =
                DirectiveDef::new(name.as_str(), self.provenance(directive.name.location()));
            def.description = directive
                .description
                .as_ref()
                .map(|text| String::from(&**text));
            def.arguments = self.arguments(
                &directive.arguments,
                || format!("@{name}"),
                &Certainty::Read,
            );
            def.locations = directive
                .locations
                .iter()
                .map(|location| location.name().to_owned())
                .collect();
            def.repeatable = directive.repeatable;
            model.directives.insert(def.name.clone(), def);
        }
        // Sized once: growing the map moves every (large) `TypeDef` again.
        model.types.reserve(schema.types.len());
        for ty in schema.types.values() {
            if ty.is_built_in() {
                continue;
            }
            if let Some(def) = self.type_def(ty) {
                model.insert_type(def);
            }
        }
        model
    }

    /// The type, or `None` for a scalar the SDL writer made up for an undefined name.
    fn type_def(&self, ty: &ExtendedType) -> Option<TypeDef> {
        let kind = match ty {
            ExtendedType::Scalar(_) => TypeKind::Scalar,
            ExtendedType::Object(_) => TypeKind::Object,
            ExtendedType::Interface(_) => TypeKind::Interface,
            ExtendedType::Union(_) => TypeKind::Union,
            ExtendedType::Enum(_) => TypeKind::Enum,
            ExtendedType::InputObject(_) => TypeKind::InputObject,
        };
        let name = ty.name().as_str();
        let mut def = TypeDef::new(name, kind, self.provenance(ty.name().location()));
        def.description = ty.description().map(|text| String::from(&**text));
        let directives = ty.directives();
        def.directives = self.directive_uses(directives.iter().map(|d| &d.node));
        def.specified_by = directives
            .get("specifiedBy")
            .and_then(|directive| directive.specified_argument_by_name("url"))
            .and_then(|url| url.as_str().map(str::to_owned));
        def.one_of = directives.get("oneOf").is_some();
        let markers = read_markers(directives.iter().map(|d| &d.node));
        if markers.undefined {
            return None;
        }
        // Members written without a marker of their own are known as their type is.
        let inherited = markers.inferred.clone().unwrap_or_default();
        let inherited = &inherited;
        match ty {
            ExtendedType::Scalar(_) => {}
            ExtendedType::Object(object) => {
                def.interfaces = interface_names(&object.implements_interfaces);
                def.fields = object
                    .fields
                    .values()
                    .map(|field| self.field(field, name, inherited))
                    .collect();
            }
            ExtendedType::Interface(interface) => {
                def.interfaces = interface_names(&interface.implements_interfaces);
                def.fields = interface
                    .fields
                    .values()
                    .map(|field| self.field(field, name, inherited))
                    .collect();
            }
            ExtendedType::Union(union_) => {
                def.members = union_
                    .members
                    .iter()
                    .map(|member| member.name.as_str().to_owned())
                    .collect();
            }
            ExtendedType::Enum(enum_) => {
                def.enum_values = enum_
                    .values
                    .values()
                    .map(|value| self.enum_value(value, inherited))
                    .collect();
            }
            ExtendedType::InputObject(input) => {
                def.input_fields = input
                    .fields
                    .values()
                    .map(|field| self.input_value(field, inherited))
                    .collect();
            }
        }
        self.apply_type_markers(&mut def, markers);
        Some(def)
    }

    /// What gqlsmith's markers say about a type written by `write_sdl`.
    fn apply_type_markers(&self, def: &mut TypeDef, markers: Markers) {
        if let Some((kind, members)) = markers.empty {
            def.kind = kind;
            def.members = members;
        }
        match def.kind {
            TypeKind::Union => def.members.extend(markers.omitted),
            TypeKind::Object | TypeKind::Interface => def.interfaces.extend(markers.omitted),
            _ => {}
        }
        if let Some(origin) = markers.name_origin {
            def.name_origin = origin;
        }
        def.incomplete |= markers.incomplete;
        if let Some(certainty) = markers.inferred {
            def.provenance.certainty = certainty.clone();
            def.kind_provenance.certainty = certainty;
        }
        if let Some(certainty) = markers.kind_inferred {
            def.kind_provenance.certainty = certainty;
        }
        for (order, (code, message)) in markers.error_codes.into_iter().enumerate() {
            let order = u32::try_from(order).unwrap_or(u32::MAX);
            def.error_codes
                .push(ErrorCode::new(code, message, order, def.provenance.clone()));
        }
    }

    fn field(
        &self,
        field: &Component<ast::FieldDefinition>,
        type_name: &str,
        inherited: &Certainty,
    ) -> Field {
        let mut model = Field::new(
            field.name.as_str(),
            type_ref(&field.ty),
            self.provenance(field.name.location()),
        );
        model.description = field.description.as_ref().map(|text| String::from(&**text));
        model.arguments = self.arguments(
            &field.arguments,
            || format!("{type_name}.{}", field.name),
            inherited,
        );
        model.deprecation = self.deprecation(&field.directives);
        model.directives = self.directive_uses(field.directives.iter());
        let markers = read_markers(field.directives.iter());
        for description in markers.unnamed_arguments {
            let provenance = self.provenance(field.name.location());
            model
                .unnamed_arguments
                .push(UnnamedArgument::new(description, provenance));
        }
        model.provenance.certainty = markers.inferred.unwrap_or_else(|| inherited.clone());
        model
    }

    /// The arguments of a field or directive (`owner` makes its coordinate), each name once: a
    /// repeated name keeps its first definition and is reported with both locations.
    fn arguments(
        &self,
        arguments: &[Node<ast::InputValueDefinition>],
        owner: impl Fn() -> String,
        inherited: &Certainty,
    ) -> Vec<InputValue> {
        let mut kept: Vec<InputValue> = Vec::with_capacity(arguments.len());
        for argument in arguments {
            let value = self.input_value(argument, inherited);
            match kept.iter().find(|first| first.name == value.name) {
                None => kept.push(value),
                Some(first) => {
                    let owner = owner();
                    let message = format!(
                        "the argument `{}` of `{owner}` is defined more than once",
                        value.name
                    );
                    let mut diagnostic = Diagnostic::error("S214", "duplicate-argument", message)
                        .at_opt(value.provenance.location.clone())
                        .with_length(u32::try_from(value.name.chars().count()).unwrap_or(u32::MAX))
                        .with_help("remove one of the definitions; gqlsmith keeps the first")
                        .with_coordinate(format!("{owner}({}:)", value.name));
                    if let Some(location) = first.provenance.location.clone() {
                        diagnostic = diagnostic
                            .with_label(location, "first defined here; this definition is kept");
                    }
                    self.duplicate_arguments.borrow_mut().push(diagnostic);
                }
            }
        }
        kept
    }

    fn input_value(
        &self,
        value: &Node<ast::InputValueDefinition>,
        inherited: &Certainty,
    ) -> InputValue {
        let mut model = InputValue::new(
            value.name.as_str(),
            type_ref(&value.ty),
            self.provenance(value.name.location()),
        );
        model.description = value.description.as_ref().map(|text| String::from(&**text));
        model.default_value = value.default_value.as_ref().map(literal);
        model.deprecation = self.deprecation(&value.directives);
        model.directives = self.directive_uses(value.directives.iter());
        let markers = read_markers(value.directives.iter());
        model.provenance.certainty = markers.inferred.unwrap_or_else(|| inherited.clone());
        model
    }

    fn enum_value(
        &self,
        value: &Node<ast::EnumValueDefinition>,
        inherited: &Certainty,
    ) -> EnumValue {
        let mut model = EnumValue::new(
            value.value.as_str(),
            self.provenance(value.value.location()),
        );
        model.description = value.description.as_ref().map(|text| String::from(&**text));
        model.deprecation = self.deprecation(&value.directives);
        model.directives = self.directive_uses(value.directives.iter());
        let markers = read_markers(value.directives.iter());
        model.provenance.certainty = markers.inferred.unwrap_or_else(|| inherited.clone());
        model
    }

    fn deprecation(&self, directives: &ast::DirectiveList) -> Option<Deprecation> {
        let directive = directives.get("deprecated")?;
        let reason = match directive.specified_argument_by_name("reason") {
            Some(value) => value.as_str().map(str::to_owned),
            None => Some(DEFAULT_DEPRECATION_REASON.to_owned()),
        };
        Some(Deprecation::from_reason(
            reason,
            self.provenance(directive.location()),
        ))
    }

    fn directive_uses<'a>(
        &self,
        directives: impl Iterator<Item = &'a Node<ast::Directive>>,
    ) -> Vec<DirectiveUse> {
        directives
            .filter(|directive| {
                let name = directive.name.as_str();
                !BUILT_IN_DIRECTIVES.contains(&name) && !markers::is_marker(name)
            })
            .map(|directive| {
                let mut model = DirectiveUse::new(
                    directive.name.as_str(),
                    self.provenance(directive.location()),
                );
                model.arguments = directive
                    .arguments
                    .iter()
                    .map(|arg| (arg.name.as_str().to_owned(), literal(&arg.value)))
                    .collect();
                model
            })
            .collect()
    }
}

fn interface_names(
    interfaces: &apollo_compiler::collections::IndexSet<ComponentName>,
) -> Vec<String> {
    interfaces
        .iter()
        .map(|interface| interface.name.as_str().to_owned())
        .collect()
}

/// A value as a one-line GraphQL literal (`10`, `"a"`, `[RED]`, `{a: 1}`).
pub(crate) fn literal(value: &Node<ast::Value>) -> String {
    value.serialize().no_indent().to_string()
}

pub(crate) fn type_ref(ty: &ast::Type) -> TypeRef {
    match ty {
        ast::Type::Named(name) => TypeRef::Named(name.as_str().to_owned()),
        ast::Type::NonNullNamed(name) => {
            TypeRef::NonNull(Box::new(TypeRef::Named(name.as_str().to_owned())))
        }
        ast::Type::List(inner) => TypeRef::List(Box::new(type_ref(inner))),
        ast::Type::NonNullList(inner) => {
            TypeRef::NonNull(Box::new(TypeRef::List(Box::new(type_ref(inner)))))
        }
    }
}
