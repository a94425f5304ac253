//! Client operations: the queries, mutations, subscriptions and fragments of `.graphql`
//! documents (or GraphQL embedded in TypeScript and JavaScript), as gqlsmith's own model.
//!
//! Checks, diff, coverage and the per-operation emitters all read this model, so each of them
//! sees the same facts: what every operation selects, which schema coordinate each selection
//! touches, and where in which file every node is. The reader that builds it (with
//! apollo-compiler as parser and validator) is `gqlsmith-operations`.

use indexmap::{IndexMap, IndexSet};
use serde::{Deserialize, Serialize};

use crate::{Location, TypeRef};

/// Every operation and fragment of a set of documents, in file order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Documents {
    pub operations: Vec<Operation>,
    pub fragments: Vec<Fragment>,
    /// The files read, in the order given, as labelled in locations.
    pub files: Vec<String>,
}

/// `query`, `mutation` or `subscription`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OperationKind {
    Query,
    Mutation,
    Subscription,
}

impl OperationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OperationKind::Query => "query",
            OperationKind::Mutation => "mutation",
            OperationKind::Subscription => "subscription",
        }
    }

    /// `Query`, `Mutation`, `Subscription`: the suffix graphql-codegen gives result types.
    pub fn title(self) -> &'static str {
        match self {
            OperationKind::Query => "Query",
            OperationKind::Mutation => "Mutation",
            OperationKind::Subscription => "Subscription",
        }
    }
}

/// One operation definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    /// `None` for an anonymous operation (`{ viewer { login } }`).
    pub name: Option<String>,
    pub kind: OperationKind,
    /// The root type the operation selects on (`Query`), when the schema has that root.
    pub root_type: Option<String>,
    pub variables: Vec<VariableDefinition>,
    pub directives: Vec<DirectiveUsage>,
    pub selections: Vec<Selection>,
    /// Every schema coordinate the operation's own selections touch (not its fragments'; see
    /// [`Documents::usages_of`]).
    pub usages: Vec<Usage>,
    /// Fragments spread directly in this operation, in first-spread order.
    pub spreads: Vec<String>,
    /// The definition's text as written, from its first token to its last.
    pub source: String,
    pub location: Location,
    /// The position of the definition's last character, so a finding can be attributed to
    /// the operation that contains it.
    pub end: Location,
}

impl Operation {
    /// The operation's name, or `<anonymous query>` (for messages).
    pub fn display_name(&self) -> String {
        match &self.name {
            Some(name) => name.clone(),
            None => format!("<anonymous {}>", self.kind.as_str()),
        }
    }
}

/// A named fragment definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fragment {
    pub name: String,
    pub type_condition: String,
    pub directives: Vec<DirectiveUsage>,
    pub selections: Vec<Selection>,
    pub usages: Vec<Usage>,
    pub spreads: Vec<String>,
    pub source: String,
    pub location: Location,
    pub end: Location,
}

/// `$name: Type = default`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VariableDefinition {
    pub name: String,
    pub ty: TypeRef,
    /// The default as a GraphQL literal.
    pub default_value: Option<String>,
    pub location: Location,
}

/// A directive on an operation, fragment or selection (`@include(if: $x)`), its arguments
/// as literals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectiveUsage {
    pub name: String,
    pub arguments: Vec<(String, String)>,
    pub location: Location,
}

/// One item of a selection set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "selection", rename_all = "snake_case")]
pub enum Selection {
    Field(FieldSelection),
    FragmentSpread(FragmentSpread),
    InlineFragment(InlineFragment),
}

/// `alias: field(arg: value) @dir { ... }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldSelection {
    pub alias: Option<String>,
    pub name: String,
    /// The type the field is selected on (the enclosing selection set's type).
    pub parent_type: String,
    /// The field's type in the schema; `None` when the schema has no such field (the
    /// document does not validate) or for meta-fields other than `__typename`.
    pub ty: Option<TypeRef>,
    pub arguments: Vec<ArgumentUsage>,
    pub directives: Vec<DirectiveUsage>,
    pub selections: Vec<Selection>,
    pub location: Location,
}

impl FieldSelection {
    /// The key the field has in a response: the alias, else the name.
    pub fn response_key(&self) -> &str {
        self.alias.as_deref().unwrap_or(&self.name)
    }

    /// `Parent.field`.
    pub fn coordinate(&self) -> String {
        format!("{}.{}", self.parent_type, self.name)
    }
}

/// `name: value` on a field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArgumentUsage {
    pub name: String,
    /// The value as a GraphQL literal (`$first`, `10`, `{state: OPEN}`).
    pub value: String,
    pub location: Location,
}

/// `...Name`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FragmentSpread {
    pub name: String,
    pub directives: Vec<DirectiveUsage>,
    pub location: Location,
}

/// `... on Type { ... }` or `... @include(if: $x) { ... }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InlineFragment {
    pub type_condition: Option<String>,
    pub directives: Vec<DirectiveUsage>,
    pub selections: Vec<Selection>,
    pub location: Location,
}

/// What kind of schema member a [`Usage`] touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UsageKind {
    /// A named type (a type condition, a variable's type, a field's type).
    Type,
    /// `Type.field`.
    Field,
    /// `Type.field.argument`.
    Argument,
    /// `Input.field` inside an argument or variable default.
    InputField,
    /// `Enum.VALUE` written as a literal.
    EnumValue,
}

/// One place an operation or fragment touches a schema coordinate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    /// `Type`, `Type.field`, `Type.field.argument`, `Input.field` or `Enum.VALUE`, as the
    /// diff and the checks spell coordinates.
    pub coordinate: String,
    pub kind: UsageKind,
    pub location: Location,
}

/// An operation or a fragment: what the checks and the coverage walk over.
#[derive(Debug, Clone, Copy)]
pub enum Definition<'d> {
    Operation(&'d Operation),
    Fragment(&'d Fragment),
}

impl<'d> Definition<'d> {
    pub fn usages(&self) -> &'d [Usage] {
        match self {
            Definition::Operation(operation) => &operation.usages,
            Definition::Fragment(fragment) => &fragment.usages,
        }
    }

    pub fn selections(&self) -> &'d [Selection] {
        match self {
            Definition::Operation(operation) => &operation.selections,
            Definition::Fragment(fragment) => &fragment.selections,
        }
    }

    pub fn spreads(&self) -> &'d [String] {
        match self {
            Definition::Operation(operation) => &operation.spreads,
            Definition::Fragment(fragment) => &fragment.spreads,
        }
    }

    pub fn location(&self) -> &'d Location {
        match self {
            Definition::Operation(operation) => &operation.location,
            Definition::Fragment(fragment) => &fragment.location,
        }
    }

    pub fn end(&self) -> &'d Location {
        match self {
            Definition::Operation(operation) => &operation.end,
            Definition::Fragment(fragment) => &fragment.end,
        }
    }

    /// True when `location` lies between the definition's first and last character.
    pub fn contains(&self, location: &Location) -> bool {
        let start = self.location();
        let end = self.end();
        location.file == start.file
            && (location.line, location.column) >= (start.line, start.column)
            && (location.line, location.column) <= (end.line, end.column)
    }
}

impl Documents {
    pub fn fragment(&self, name: &str) -> Option<&Fragment> {
        self.fragments.iter().find(|fragment| fragment.name == name)
    }

    /// Every operation and fragment, operations first.
    pub fn definitions(&self) -> impl Iterator<Item = Definition<'_>> {
        self.operations
            .iter()
            .map(Definition::Operation)
            .chain(self.fragments.iter().map(Definition::Fragment))
    }

    /// The fragments `definition` uses, directly or through other fragments, each once, in
    /// first-use order. Cycles (an invalid document) end the walk instead of looping.
    pub fn fragments_used_by(&self, definition: Definition<'_>) -> Vec<&Fragment> {
        let mut seen: IndexSet<&str> = IndexSet::new();
        let mut queue: Vec<&str> = definition.spreads().iter().map(String::as_str).collect();
        let mut used = Vec::new();
        let mut next = 0;
        while next < queue.len() {
            let name = queue[next];
            next += 1;
            if !seen.insert(name) {
                continue;
            }
            if let Some(fragment) = self.fragment(name) {
                used.push(fragment);
                queue.extend(fragment.spreads.iter().map(String::as_str));
            }
        }
        used
    }

    /// Every usage of `operation`, its fragments' included.
    pub fn usages_of<'d>(&'d self, operation: &'d Operation) -> Vec<&'d Usage> {
        let mut usages: Vec<&Usage> = operation.usages.iter().collect();
        for fragment in self.fragments_used_by(Definition::Operation(operation)) {
            usages.extend(&fragment.usages);
        }
        usages
    }

    /// The operations that touch `coordinate`, each once with the first place it does (in
    /// the operation or one of its fragments).
    pub fn operations_touching(&self, coordinate: &str) -> Vec<(&Operation, &Usage)> {
        self.operations
            .iter()
            .filter_map(|operation| {
                self.usages_of(operation)
                    .into_iter()
                    .find(|usage| usage.coordinate == coordinate)
                    .map(|usage| (operation, usage))
            })
            .collect()
    }

    /// The operations a finding at `location` belongs to: the one that contains it, or every
    /// operation that uses the fragment that contains it.
    pub fn operations_at(&self, location: &Location) -> Vec<&Operation> {
        if let Some(operation) = self
            .operations
            .iter()
            .find(|operation| Definition::Operation(operation).contains(location))
        {
            return vec![operation];
        }
        let Some(fragment) = self
            .fragments
            .iter()
            .find(|fragment| Definition::Fragment(fragment).contains(location))
        else {
            return Vec::new();
        };
        self.operations
            .iter()
            .filter(|operation| {
                self.fragments_used_by(Definition::Operation(operation))
                    .iter()
                    .any(|used| used.name == fragment.name)
            })
            .collect()
    }

    /// How many times each coordinate is used, over all operations (fragments counted once
    /// per operation that uses them), by operation.
    pub fn usage_index(&self) -> IndexMap<&str, Vec<(&Operation, &Usage)>> {
        let mut index: IndexMap<&str, Vec<(&Operation, &Usage)>> = IndexMap::new();
        for operation in &self.operations {
            let mut seen: IndexSet<&str> = IndexSet::new();
            for usage in self.usages_of(operation) {
                if seen.insert(&usage.coordinate) {
                    index
                        .entry(usage.coordinate.as_str())
                        .or_default()
                        .push((operation, usage));
                }
            }
        }
        index
    }
}
