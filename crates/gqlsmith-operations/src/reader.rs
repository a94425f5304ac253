//! Reading documents: apollo-compiler parses each file and validates them all together (a
//! fragment may live in another file); gqlsmith's model of every operation and fragment is
//! built from the syntax trees, with the schema model resolving what each selection touches.

use std::sync::Arc;

use apollo_compiler::ast;
use apollo_compiler::diagnostic::ToCliReport;
use apollo_compiler::parser::{Parser, SourceMap, SourceSpan};
use apollo_compiler::ExecutableDocument;
use gqlsmith_model::{
    ArgumentUsage, Diagnostic, DirectiveUsage, Documents, FieldSelection, Fragment, FragmentSpread,
    InlineFragment, Location, Operation, OperationKind, Schema, Selection, TypeKind, TypeRef,
    Usage, UsageKind, VariableDefinition,
};

use crate::schema::ApolloSchema;

/// The diagnostic codes of this reader, for `gqlsmith rules`-style listings and tests.
pub const CODES: [(&str, &str); 5] = [
    ("O100", "syntax-error"),
    ("O101", "invalid-operation"),
    ("O102", "no-query-root"),
    ("O103", "not-executable"),
    ("O104", "parser-limit"),
];

/// One document's text, labelled as positions should name it. For a TypeScript or
/// JavaScript host, the text is [`crate::embedded_graphql`]'s, so positions are the host's.
#[derive(Debug, Clone)]
pub struct DocumentSource {
    pub label: Arc<str>,
    pub text: String,
}

/// The model of the documents and every finding of parsing and validation.
#[derive(Debug, Clone, Default)]
pub struct ReadDocuments {
    pub documents: Documents,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses `sources` and validates them together against `schema` (its model and its
/// apollo-compiler form). Never gives up: a file that does not parse still contributes what
/// parsed, and every problem is a diagnostic with file, line and column.
pub fn read_documents(
    model: &Schema,
    schema: &ApolloSchema,
    sources: &[DocumentSource],
) -> ReadDocuments {
    let mut read = ReadDocuments::default();
    let mut asts = Vec::with_capacity(sources.len());
    for source in sources {
        read.documents.files.push(source.label.to_string());
        let document = match Parser::new().parse_ast(source.text.as_str(), &*source.label) {
            Ok(document) => document,
            Err(with_errors) => {
                // Every parser error but a limit says "syntax error". Past the nesting limit
                // each closing brace is one more syntax error, one per level (tens of
                // thousands for a hostile document, minutes to report), and the parser's
                // recovery adds spurious ones before it: the limit is then the one finding,
                // and the cut-off document is not validated either.
                let limit = with_errors
                    .errors
                    .iter()
                    .find(|error| !error.error.to_string().starts_with("syntax error"));
                if let Some(error) = limit {
                    read.diagnostics.push(
                        Diagnostic::error("O104", "parser-limit", error.error.to_string())
                            .at(position(error.error.location(), error.sources, &source.label))
                            .with_help("the document nests too deeply (or is too long) to parse safely; flatten it, for example with fragments"),
                    );
                    ast::Document::new()
                } else {
                    for error in with_errors.errors.iter() {
                        read.diagnostics.push(
                            Diagnostic::error("O100", "syntax-error", error.error.to_string())
                                .at(position(
                                    error.error.location(),
                                    error.sources,
                                    &source.label,
                                ))
                                .with_help(
                                    "fix the document's syntax; gqlsmith read what it could",
                                ),
                        );
                    }
                    with_errors.partial
                }
            }
        };
        asts.push(document);
    }
    if let Some(missing) = &schema.missing_root {
        if asts.iter().any(|ast| !ast.definitions.is_empty()) {
            read.diagnostics.push(
                Diagnostic::error("O102", "no-query-root", missing.clone())
                    .at_opt(first_definition(&asts, sources))
                    .with_help("a docs page documents objects only: give the root types with `--reference schema.graphql` (an SDL or introspection file of the same API), or validate against the API's SDL"),
            );
            return read;
        }
    }
    validate(&schema.schema, &asts, &mut read.diagnostics);
    read.diagnostics.sort_by(|a, b| {
        (&a.location, &a.code, &a.message).cmp(&(&b.location, &b.code, &b.message))
    });
    // apollo-compiler can report one problem both while building and while validating.
    read.diagnostics.dedup();
    let mut builder = ModelBuilder { schema: model };
    for (ast, source) in asts.iter().zip(sources) {
        builder.add(ast, source, &mut read.documents);
    }
    label_variable_definitions(&read.documents, &mut read.diagnostics);
    read
}

/// apollo-compiler puts a variable's error where the variable is used; the mistake may as
/// well be in its declaration (a wrong type), so a label points there too, as graphql-js's
/// second location does.
fn label_variable_definitions(documents: &Documents, diagnostics: &mut [Diagnostic]) {
    for diagnostic in diagnostics.iter_mut() {
        let Some(location) = diagnostic.location.clone() else {
            continue;
        };
        let Some(name) = diagnostic
            .message
            .split_once("variable `$")
            .and_then(|(_, rest)| rest.split_once('`'))
            .map(|(name, _)| name.to_owned())
        else {
            continue;
        };
        for operation in documents.operations_at(&location) {
            if let Some(variable) = operation.variables.iter().find(|v| v.name == name) {
                if variable.location != location {
                    diagnostic.labels.push(gqlsmith_model::Label {
                        location: variable.location.clone(),
                        message: format!("`${name}` is declared here as `{}`", variable.ty),
                    });
                }
            }
        }
    }
}

fn first_definition(asts: &[ast::Document], sources: &[DocumentSource]) -> Option<Location> {
    asts.iter().zip(sources).find_map(|(ast, source)| {
        let definition = ast.definitions.first()?;
        Some(position(definition.location(), &ast.sources, &source.label))
    })
}

/// apollo-compiler's validation of every document together, as diagnostics.
fn validate(
    schema: &apollo_compiler::validation::Valid<apollo_compiler::Schema>,
    asts: &[ast::Document],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut build_errors = apollo_compiler::validation::DiagnosticList::new(Default::default());
    let mut builder = ExecutableDocument::builder(Some(schema), &mut build_errors);
    for ast in asts {
        builder.add_ast_document(ast, true);
    }
    let document = builder.build();
    let validation_errors = match document.validate(schema) {
        Ok(_) => None,
        Err(with_errors) => Some(with_errors.errors),
    };
    for list in std::iter::once(&build_errors).chain(validation_errors.as_ref()) {
        for error in list.iter() {
            let message = error.error.to_string();
            // Operation names defined twice are the `duplicate-operation-name` rule's finding,
            // with both places; the builder's own error would say it a second time.
            if message.starts_with("the operation `")
                && message.ends_with("multiple times in the document")
            {
                continue;
            }
            // A fragment no operation uses is the `unused-fragment` rule's (a warning): across
            // a project's documents, a fragment kept for later is lint, not a broken document
            // (graphql-codegen and graphql-inspector do not run this validation either).
            if message.starts_with("fragment `")
                && message.ends_with("must be used in an operation")
            {
                continue;
            }
            let (code, name, help) = if message
                .starts_with("an executable document must not contain")
            {
                ("O103", "not-executable", "documents hold operations and fragments only; move type definitions to the schema")
            } else if message.starts_with("syntax error") {
                ("O100", "syntax-error", "fix the document's syntax")
            } else {
                (
                    "O101",
                    "invalid-operation",
                    "fix the operation, or the schema if the operation is right",
                )
            };
            diagnostics.push(
                Diagnostic::error(code, name, message)
                    .at(position(
                        error.error.location(),
                        error.sources,
                        "<documents>",
                    ))
                    .with_length(span_length(error.error.location(), error.sources))
                    .with_help(help),
            );
        }
    }
}

/// The file, line and column of `span` (1:1 of `fallback` without one).
fn position(span: Option<SourceSpan>, sources: &SourceMap, fallback: &str) -> Location {
    let Some(span) = span else {
        return Location::new(Arc::from(fallback), 1, 1);
    };
    let file: Arc<str> = sources.get(&span.file_id()).map_or_else(
        || Arc::from(fallback),
        |file| Arc::from(file.path().to_string_lossy().as_ref()),
    );
    match span.line_column(sources) {
        Some(at) => Location::new(file, to_u32(at.line), to_u32(at.column)),
        None => Location::new(file, 1, 1),
    }
}

fn span_length(span: Option<SourceSpan>, sources: &SourceMap) -> u32 {
    let Some(range) = span.and_then(|span| span.line_column_range(sources)) else {
        return 1;
    };
    if range.start.line == range.end.line {
        to_u32(range.end.column.saturating_sub(range.start.column).max(1))
    } else {
        1
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// Builds the model of one document's definitions.
struct ModelBuilder<'s> {
    schema: &'s Schema,
}

/// What a definition's walk collects besides its selections.
struct Collected {
    usages: Vec<Usage>,
    spreads: Vec<String>,
}

impl Collected {
    fn new() -> Collected {
        Collected {
            usages: Vec::new(),
            spreads: Vec::new(),
        }
    }

    fn use_(&mut self, coordinate: String, kind: UsageKind, location: &Location) {
        self.usages.push(Usage {
            coordinate,
            kind,
            location: location.clone(),
        });
    }
}

impl ModelBuilder<'_> {
    fn add(&mut self, ast: &ast::Document, source: &DocumentSource, documents: &mut Documents) {
        let at = |span: Option<SourceSpan>| position(span, &ast.sources, &source.label);
        let end_of = |span: Option<SourceSpan>| {
            let end = span.and_then(|span| span.line_column_range(&ast.sources));
            match end {
                Some(range) => Location::new(
                    source.label.clone(),
                    to_u32(range.end.line),
                    to_u32(range.end.column.saturating_sub(1).max(1)),
                ),
                None => Location::new(source.label.clone(), 1, 1),
            }
        };
        let text_of = |span: Option<SourceSpan>| {
            span.and_then(|span| source.text.get(span.offset()..span.end_offset()))
                .unwrap_or_default()
                .to_owned()
        };
        for definition in &ast.definitions {
            match definition {
                ast::Definition::OperationDefinition(operation) => {
                    let kind = match operation.operation_type {
                        ast::OperationType::Query => OperationKind::Query,
                        ast::OperationType::Mutation => OperationKind::Mutation,
                        ast::OperationType::Subscription => OperationKind::Subscription,
                    };
                    let root_type = self.root(kind);
                    let mut collected = Collected::new();
                    let location = at(operation.location());
                    let variables = operation
                        .variables
                        .iter()
                        .map(|variable| {
                            let variable_location = at(variable.location());
                            let ty = type_ref(&variable.ty);
                            collected.use_(
                                ty.base_name().to_owned(),
                                UsageKind::Type,
                                &variable_location,
                            );
                            if let Some(default) = &variable.default_value {
                                self.value_usages(default, &ty, &at, &mut collected);
                            }
                            VariableDefinition {
                                name: variable.name.to_string(),
                                default_value: variable
                                    .default_value
                                    .as_ref()
                                    .map(|value| literal(value)),
                                ty,
                                location: variable_location,
                            }
                        })
                        .collect();
                    let selections = self.selections(
                        root_type.as_deref(),
                        &operation.selection_set,
                        &at,
                        &mut collected,
                    );
                    documents.operations.push(Operation {
                        name: operation.name.as_ref().map(ToString::to_string),
                        kind,
                        root_type,
                        variables,
                        directives: directives(&operation.directives, &at),
                        selections,
                        usages: collected.usages,
                        spreads: collected.spreads,
                        source: text_of(operation.location()),
                        end: end_of(operation.location()),
                        location,
                    });
                }
                ast::Definition::FragmentDefinition(fragment) => {
                    let mut collected = Collected::new();
                    let location = at(fragment.location());
                    let condition = fragment.type_condition.to_string();
                    collected.use_(condition.clone(), UsageKind::Type, &location);
                    let selections = self.selections(
                        Some(&condition),
                        &fragment.selection_set,
                        &at,
                        &mut collected,
                    );
                    documents.fragments.push(Fragment {
                        name: fragment.name.to_string(),
                        type_condition: condition,
                        directives: directives(&fragment.directives, &at),
                        selections,
                        usages: collected.usages,
                        spreads: collected.spreads,
                        source: text_of(fragment.location()),
                        end: end_of(fragment.location()),
                        location,
                    });
                }
                // Type system definitions are an `O103` finding of validation.
                _ => {}
            }
        }
    }

    fn root(&self, kind: OperationKind) -> Option<String> {
        let (declared, conventional) = match kind {
            OperationKind::Query => (&self.schema.roots.query, "Query"),
            OperationKind::Mutation => (&self.schema.roots.mutation, "Mutation"),
            OperationKind::Subscription => (&self.schema.roots.subscription, "Subscription"),
        };
        let any_declared = self.schema.roots.query.is_some()
            || self.schema.roots.mutation.is_some()
            || self.schema.roots.subscription.is_some();
        match declared {
            Some(name) => Some(name.clone()),
            // Without a schema definition, the types named Query, Mutation and Subscription
            // are the roots (GraphQL spec, "Default Root Operation Type Names").
            None if !any_declared && self.schema.types.contains_key(conventional) => {
                Some(conventional.to_owned())
            }
            None => None,
        }
    }

    /// The model of a selection set on `parent` (`None` when the type is unknown, in an
    /// invalid document). Recursion depth is bounded by the parser's nesting limit.
    fn selections(
        &self,
        parent: Option<&str>,
        set: &[ast::Selection],
        at: &dyn Fn(Option<SourceSpan>) -> Location,
        collected: &mut Collected,
    ) -> Vec<Selection> {
        set.iter()
            .map(|selection| match selection {
                ast::Selection::Field(field) => {
                    let location = at(field.location());
                    let name = field.name.as_str();
                    let definition = parent
                        .and_then(|parent| self.schema.types.get(parent))
                        .and_then(|ty| ty.field(name));
                    let ty = match name {
                        "__typename" => {
                            Some(TypeRef::NonNull(Box::new(TypeRef::Named("String".into()))))
                        }
                        _ => definition.map(|field| field.ty.clone()),
                    };
                    if let (Some(parent), Some(definition)) = (parent, definition) {
                        let coordinate = format!("{parent}.{name}");
                        collected.use_(coordinate.clone(), UsageKind::Field, &location);
                        collected.use_(
                            definition.ty.base_name().to_owned(),
                            UsageKind::Type,
                            &location,
                        );
                        for argument in &field.arguments {
                            let argument_location = at(argument.location());
                            if let Some(input) = definition.argument(&argument.name) {
                                collected.use_(
                                    format!("{coordinate}.{}", argument.name),
                                    UsageKind::Argument,
                                    &argument_location,
                                );
                                self.value_usages(&argument.value, &input.ty, at, collected);
                            }
                        }
                    }
                    let child = ty.as_ref().map(|ty| ty.base_name().to_owned());
                    Selection::Field(FieldSelection {
                        alias: field.alias.as_ref().map(ToString::to_string),
                        name: name.to_owned(),
                        parent_type: parent.unwrap_or_default().to_owned(),
                        ty,
                        arguments: field
                            .arguments
                            .iter()
                            .map(|argument| ArgumentUsage {
                                name: argument.name.to_string(),
                                value: literal(&argument.value),
                                location: at(argument.location()),
                            })
                            .collect(),
                        directives: directives(&field.directives, at),
                        selections: self.selections(
                            child.as_deref(),
                            &field.selection_set,
                            at,
                            collected,
                        ),
                        location,
                    })
                }
                ast::Selection::FragmentSpread(spread) => {
                    let name = spread.fragment_name.to_string();
                    if !collected.spreads.contains(&name) {
                        collected.spreads.push(name.clone());
                    }
                    Selection::FragmentSpread(FragmentSpread {
                        name,
                        directives: directives(&spread.directives, at),
                        location: at(spread.location()),
                    })
                }
                ast::Selection::InlineFragment(inline) => {
                    let location = at(inline.location());
                    let condition = inline.type_condition.as_ref().map(ToString::to_string);
                    if let Some(condition) = &condition {
                        collected.use_(condition.clone(), UsageKind::Type, &location);
                    }
                    let on = condition.as_deref().or(parent);
                    Selection::InlineFragment(InlineFragment {
                        selections: self.selections(on, &inline.selection_set, at, collected),
                        type_condition: condition,
                        directives: directives(&inline.directives, at),
                        location,
                    })
                }
            })
            .collect()
    }

    /// The enum values and input fields a literal of type `ty` names, each at its own place
    /// in the literal.
    fn value_usages(
        &self,
        value: &apollo_compiler::Node<ast::Value>,
        ty: &TypeRef,
        at: &dyn Fn(Option<SourceSpan>) -> Location,
        collected: &mut Collected,
    ) {
        let Some(def) = self.schema.types.get(ty.base_name()) else {
            return;
        };
        match &**value {
            ast::Value::Enum(name) if def.kind == TypeKind::Enum => {
                let location = at(value.location());
                collected.use_(
                    format!("{}.{name}", def.name),
                    UsageKind::EnumValue,
                    &location,
                );
            }
            ast::Value::List(items) => {
                for item in items {
                    self.value_usages(item, ty, at, collected);
                }
            }
            ast::Value::Object(fields) if def.kind == TypeKind::InputObject => {
                for (name, field_value) in fields {
                    if let Some(input) = def.input_field(name) {
                        let location = at(name.location().or(field_value.location()));
                        collected.use_(
                            format!("{}.{name}", def.name),
                            UsageKind::InputField,
                            &location,
                        );
                        self.value_usages(field_value, &input.ty, at, collected);
                    }
                }
            }
            _ => {}
        }
    }
}

fn directives(
    list: &ast::DirectiveList,
    at: &dyn Fn(Option<SourceSpan>) -> Location,
) -> Vec<DirectiveUsage> {
    list.iter()
        .map(|directive| DirectiveUsage {
            name: directive.name.to_string(),
            arguments: directive
                .arguments
                .iter()
                .map(|argument| (argument.name.to_string(), literal(&argument.value)))
                .collect(),
            location: at(directive.location()),
        })
        .collect()
}

fn literal(value: &ast::Value) -> String {
    value.serialize().no_indent().to_string()
}

fn type_ref(ty: &ast::Type) -> TypeRef {
    match ty {
        ast::Type::Named(name) => TypeRef::Named(name.to_string()),
        ast::Type::NonNullNamed(name) => {
            TypeRef::NonNull(Box::new(TypeRef::Named(name.to_string())))
        }
        ast::Type::List(inner) => TypeRef::List(Box::new(type_ref(inner))),
        ast::Type::NonNullList(inner) => {
            TypeRef::NonNull(Box::new(TypeRef::List(Box::new(type_ref(inner)))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: &str = r#"
type Query { repository(owner: String!, name: String!): Repository, viewer: User! }
type Repository { id: ID!, name: String!, issues(states: [IssueState!], orderBy: IssueOrder): [Issue!]! }
type Issue { id: ID!, title: String! @deprecated(reason: "Removal on 2020-01-01 UTC.") }
type User { login: String! }
enum IssueState { OPEN CLOSED }
input IssueOrder { field: String!, direction: Direction! }
enum Direction { ASC DESC }
"#;

    fn read(files: &[(&str, &str)]) -> ReadDocuments {
        let model = gqlsmith_sdl::read_sdl(&[(Arc::from("schema.graphql"), SCHEMA)]).schema;
        let schema = ApolloSchema::new(&model);
        let sources: Vec<DocumentSource> = files
            .iter()
            .map(|(label, text)| DocumentSource {
                label: Arc::from(*label),
                text: (*text).to_owned(),
            })
            .collect();
        read_documents(&model, &schema, &sources)
    }

    #[test]
    fn usages_name_every_coordinate_with_its_position() {
        let read = read(&[
            (
                "a.graphql",
                "query Issues($owner: String!) {\n  repository(owner: $owner, name: \"x\") {\n    issues(states: [OPEN], orderBy: {field: \"a\", direction: ASC}) { ...IssueParts }\n  }\n}\n",
            ),
            ("b.graphql", "fragment IssueParts on Issue { id title }\n"),
        ]);
        assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
        let documents = &read.documents;
        let operation = &documents.operations[0];
        let found: Vec<String> = documents
            .usages_of(operation)
            .iter()
            .map(|usage| {
                format!(
                    "{} {:?} {}:{}",
                    usage.coordinate, usage.kind, usage.location.line, usage.location.column
                )
            })
            .collect();
        let expect = [
            "String Type 1:14",
            "Query.repository Field 2:3",
            "Repository Type 2:3",
            "Query.repository.owner Argument 2:14",
            "Query.repository.name Argument 2:29",
            "Repository.issues Field 3:5",
            "Issue Type 3:5",
            "Repository.issues.states Argument 3:12",
            "IssueState.OPEN EnumValue 3:21",
            "Repository.issues.orderBy Argument 3:28",
            "IssueOrder.field InputField 3:38",
            "IssueOrder.direction InputField 3:50",
            "Direction.ASC EnumValue 3:61",
            "Issue Type 1:1",
            "Issue.id Field 1:32",
            "ID Type 1:32",
            "Issue.title Field 1:35",
            "String Type 1:35",
        ];
        assert_eq!(found, expect);
        assert_eq!(operation.end.line, 5);
        assert_eq!(documents.fragments[0].location.file.as_ref(), "b.graphql");
    }

    #[test]
    fn validation_errors_point_at_the_selection_in_its_file() {
        let read = read(&[(
            "a.graphql",
            "query A {\n  viewer { login }\n  repository(owner: \"o\", name: \"n\") { nme }\n}\n",
        )]);
        let found: Vec<String> = read.diagnostics.iter().map(ToString::to_string).collect();
        // apollo-compiler also says the emptied selection set is missing; graphql-js says only
        // the first. Both reject the document.
        assert_eq!(
            found,
            [
                "a.graphql:3:3: error[O101]: interface, union and object types must have a subselection set",
                "a.graphql:3:39: error[O101]: type `Repository` does not have a field `nme`",
            ]
        );
    }

    #[test]
    fn a_fragment_in_another_file_resolves_and_an_unknown_one_does_not() {
        let ok = read(&[
            ("a.graphql", "query A { viewer { ...U } }"),
            ("b.graphql", "fragment U on User { login }"),
        ]);
        assert!(ok.diagnostics.is_empty(), "{:?}", ok.diagnostics);
        let missing = read(&[("a.graphql", "query A { viewer { ...U } }")]);
        assert_eq!(missing.diagnostics.len(), 1, "{:?}", missing.diagnostics);
        assert_eq!(missing.diagnostics[0].code, "O101");
    }

    #[test]
    fn syntax_errors_and_type_definitions_are_reported() {
        let read = read(&[
            ("a.graphql", "query A { viewer { login }"),
            ("b.graphql", "type X { a: Int }"),
        ]);
        let codes: Vec<&str> = read.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert!(codes.contains(&"O100"), "{codes:?}");
        assert!(codes.contains(&"O103"), "{codes:?}");
    }

    #[test]
    fn a_document_past_the_nesting_limit_is_one_finding_and_the_others_are_still_read() {
        // 20,000 levels: past apollo-parser's limit, each closing brace used to be one more
        // syntax error (20,000 findings, seconds to report).
        let depth = 20_000;
        let deep = format!(
            "query Deep {}viewer {{ login }}{}",
            "viewer { ".repeat(depth),
            " }".repeat(depth)
        );
        let read = read(&[
            ("deep.graphql", deep.as_str()),
            ("b.graphql", "query Login { viewer { login } }"),
        ]);
        let found: Vec<(String, String)> = read
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.code.clone(),
                    d.location
                        .as_ref()
                        .map(|at| at.file.to_string())
                        .unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [("O104".to_owned(), "deep.graphql".to_owned())],
            "{:#?}",
            read.diagnostics
        );
        let names: Vec<Option<&str>> = read
            .documents
            .operations
            .iter()
            .map(|operation| operation.name.as_deref())
            .collect();
        assert_eq!(names, [Some("Login")]);
    }

    #[test]
    fn a_schema_without_query_root_is_a_clear_error() {
        let model =
            gqlsmith_sdl::read_sdl(&[(Arc::from("s.graphql"), "type Account { id: ID! }")]).schema;
        let schema = ApolloSchema::new(&model);
        let read = read_documents(
            &model,
            &schema,
            &[DocumentSource {
                label: Arc::from("a.graphql"),
                text: "query A { account { id } }".into(),
            }],
        );
        assert_eq!(read.diagnostics.len(), 1);
        assert_eq!(read.diagnostics[0].code, "O102");
        assert!(read.diagnostics[0]
            .help
            .as_deref()
            .unwrap()
            .contains("--reference"));
    }
}
