//! The SDL writer: any model, including one recovered from a docs page, as deterministic,
//! readable and valid SDL.
//!
//! Written by hand rather than through apollo-compiler's AST serializer: the model keeps
//! default values and directive arguments as GraphQL literal text, which the AST would need
//! parsed back into values (apollo-compiler has no public value parser), and the layout here
//! (graphql-js `printSchema` style, gqlsmith's markers) is ours to keep stable. Strings are
//! escaped with the same rules as apollo-compiler's serializer (a block string only when it
//! reads back to exactly the same text), and a property test reads every written
//! description back through apollo-compiler.

use std::fmt::Write;

use gqlsmith_model::{
    Certainty, Deprecation, DirectiveUse, EnumValue, Field, InputValue, NameOrigin, Provenance,
    Schema, TypeDef, TypeKind,
};
use indexmap::{IndexMap, IndexSet};

use crate::markers;
use crate::sdl_reader::DEFAULT_DEPRECATION_REASON;

/// How [`write_sdl`] lays the schema out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteOptions {
    /// Alphabetical order of types, directive definitions, fields, arguments, input fields,
    /// enum values, interfaces and union members (as graphql-js `lexicographicSortSchema`).
    /// Off: the order of the input (definition or page order).
    pub sort: bool,
}

/// Writes `schema` as SDL: descriptions as block strings, one field per line, two-space
/// indentation, a blank line between definitions, a final newline.
///
/// The result is a valid type system document for any model:
/// - built-in scalars in the model (`String`, ..) are not defined again;
/// - a name referenced but not defined becomes `scalar X @gqlsmith_undefined`;
/// - an object or interface without fields, an enum without values, a union without object
///   members or an input without fields (SDL allows none of these) becomes
///   `scalar X @gqlsmith_empty(kind: ..)`, so references to it stay valid;
/// - union members and implemented interfaces that are not of the right kind are left out and
///   named in `@gqlsmith_omitted(name:, reason:)`;
/// - inferred facts carry `@gqlsmith_inferred(rule:, confidence:)` (a member inferred the same
///   way as its type carries none of its own), names that were not read
///   `@gqlsmith_name(origin:)`, partial value or member lists `@gqlsmith_incomplete`,
///   arguments a docs page gave without names `@gqlsmith_unnamed_argument(description:)` and
///   error codes `@gqlsmith_error_code(code:, message:)`. Each of these directives is defined
///   (with a description) at the top of the document when it is used, never otherwise, and
///   [`read_sdl`](crate::read_sdl) reads them back into the facts they mark (all but the
///   evidence behind inferences, and docs examples, which SDL does not carry).
///
/// A `schema { .. }` definition is written only when the roots differ from what the default
/// names (`Query`, `Mutation`, `Subscription`) imply, or the schema has a description or
/// directives: none is invented for a model without roots.
pub fn write_sdl(schema: &Schema, options: &WriteOptions) -> String {
    let plan = Plan::new(schema);
    let mut writer = Writer {
        type_certainty: None,
        out: String::with_capacity(1 << 16),
        markers: IndexSet::new(),
        plan: &plan,
        options,
    };
    // Built-in scalars may be in a model (a docs page references them) but SDL must not
    // define them (https://spec.graphql.org/October2021/#sec-Scalars.Built-in-Scalars).
    let mut types: Vec<&TypeDef> = schema
        .types
        .values()
        .filter(|ty| !Schema::is_builtin_scalar(&ty.name))
        .collect();
    if options.sort {
        types.sort_by(|a, b| a.name.cmp(&b.name));
    }
    for ty in types {
        writer.type_def(ty);
    }
    let mut undefined: Vec<&String> = plan.undefined.iter().collect();
    if options.sort {
        undefined.sort();
    }
    for name in undefined {
        writer.blank_line();
        writer.markers.insert(Marker::Undefined);
        let _ = writeln!(writer.out, "scalar {name} @gqlsmith_undefined");
    }
    let body = std::mem::take(&mut writer.out);
    writer.type_certainty = None;
    writer.schema_definition(schema);
    let mut directives: Vec<_> = schema.directives.values().collect();
    if options.sort {
        directives.sort_by(|a, b| a.name.cmp(&b.name));
    }
    for directive in directives {
        writer.blank_line();
        writer.description(directive.description.as_deref(), 0, true);
        let _ = write!(writer.out, "directive @{}", directive.name);
        writer.arguments(&directive.arguments, 0);
        if directive.repeatable {
            writer.out.push_str(" repeatable");
        }
        let _ = writeln!(writer.out, " on {}", directive.locations.join(" | "));
    }
    if plan.uses_one_of {
        writer.blank_line();
        writer.out.push_str(ONE_OF_DEFINITION);
    }
    let mut markers: Vec<Marker> = writer.markers.iter().copied().collect();
    markers.sort();
    for marker in markers {
        // A model that defines a directive of that name keeps its own definition.
        if schema.directives.contains_key(marker.name()) {
            continue;
        }
        writer.blank_line();
        writer.out.push_str(marker.definition());
    }
    if !body.is_empty() {
        writer.blank_line();
        writer.out.push_str(body.trim_start_matches('\n'));
    }
    writer.out
}

/// `@oneOf` is defined whenever it is used: apollo-compiler 1.33 does not know it, and
/// graphql-js accepts a definition of it.
const ONE_OF_DEFINITION: &str =
    "\"\"\"Exactly one field of this input object must be given.\"\"\"\ndirective @oneOf on INPUT_OBJECT\n";

/// The directives gqlsmith writes to say what it did not read. Ordered as defined at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Marker {
    Inferred,
    Name,
    Incomplete,
    Undefined,
    Empty,
    Omitted,
    UnnamedArgument,
    ErrorCode,
}

impl Marker {
    fn name(self) -> &'static str {
        match self {
            Marker::Inferred => markers::INFERRED,
            Marker::Name => markers::NAME,
            Marker::Incomplete => markers::INCOMPLETE,
            Marker::Undefined => markers::UNDEFINED,
            Marker::Empty => markers::EMPTY,
            Marker::Omitted => markers::OMITTED,
            Marker::UnnamedArgument => markers::UNNAMED_ARGUMENT,
            Marker::ErrorCode => markers::ERROR_CODE,
        }
    }

    fn definition(self) -> &'static str {
        match self {
            Marker::Inferred => concat!(
                "\"\"\"\nA fact gqlsmith inferred instead of reading it: `rule` names the pass or signal, `confidence` is\n",
                "`low`, `medium` or `high`, and `fact` says which fact when it is not the whole definition.\n\"\"\"\n",
                "directive @gqlsmith_inferred(rule: String!, confidence: String!, fact: String) repeatable on ",
                "SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | ",
                "INPUT_FIELD_DEFINITION | ENUM_VALUE\n"
            ),
            Marker::Name => concat!(
                "\"\"\"\nA name the input did not state: `origin` is `recovered`, `placeholder`, `overlay` or `reference`.\n\"\"\"\n",
                "directive @gqlsmith_name(origin: String!, confidence: String) on ",
                "SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT\n"
            ),
            Marker::Incomplete => concat!(
                "\"\"\"The fields, values or members listed are only those the input showed.\"\"\"\n",
                "directive @gqlsmith_incomplete on SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT\n"
            ),
            Marker::Undefined => concat!(
                "\"\"\"\nReferenced but never defined by the input: written as a scalar so that the document is valid.\n\"\"\"\n",
                "directive @gqlsmith_undefined on SCALAR\n"
            ),
            Marker::Empty => concat!(
                "\"\"\"\nA type of `kind` with no fields, values or members, which SDL cannot express: written as a\n",
                "scalar so that references to it stay valid. `members` are the union members or implementations\n",
                "the input named.\n\"\"\"\n",
                "directive @gqlsmith_empty(kind: String!, members: [String!]) on SCALAR\n"
            ),
            Marker::Omitted => concat!(
                "\"\"\"\nA union member or implemented interface left out because it is not of a kind SDL allows there.\n\"\"\"\n",
                "directive @gqlsmith_omitted(name: String!, reason: String!) repeatable on OBJECT | INTERFACE | UNION\n"
            ),
            Marker::UnnamedArgument => concat!(
                "\"\"\"An argument the input describes without its name or type.\"\"\"\n",
                "directive @gqlsmith_unnamed_argument(description: String!) repeatable on FIELD_DEFINITION\n"
            ),
            Marker::ErrorCode => concat!(
                "\"\"\"An error the type's documentation says can be raised.\"\"\"\n",
                "directive @gqlsmith_error_code(code: String!, message: String!) repeatable on ",
                "SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT\n"
            ),
        }
    }
}

/// What the written document needs beyond the model: the kind each type is written as, and
/// the names referenced but not defined.
/// The kind [`write_sdl`] writes each type of `schema` as: its own, or `Scalar` for a type SDL
/// cannot express (an object or interface without fields, an enum without values, an input
/// without fields, a union without a member written as an object) and for built-in scalars.
/// Emitters that serve the written SDL (`rust-server`) build their types by the same kinds.
pub fn written_kinds(schema: &Schema) -> IndexMap<&str, TypeKind> {
    let mut written_kinds: IndexMap<&str, TypeKind> = IndexMap::with_capacity(schema.types.len());
    for ty in schema.types.values() {
        let empty = match ty.kind {
            TypeKind::Object | TypeKind::Interface => ty.fields.is_empty(),
            TypeKind::Enum => ty.enum_values.is_empty(),
            TypeKind::InputObject => ty.input_fields.is_empty(),
            TypeKind::Union | TypeKind::Scalar => false,
        };
        let builtin = Schema::is_builtin_scalar(&ty.name);
        written_kinds.insert(
            &ty.name,
            if empty || builtin {
                TypeKind::Scalar
            } else {
                ty.kind
            },
        );
    }
    // A union is empty when none of its members is written as an object.
    for ty in schema
        .types
        .values()
        .filter(|ty| ty.kind == TypeKind::Union)
    {
        let has_object = ty
            .members
            .iter()
            .any(|member| written_kinds.get(member.as_str()) == Some(&TypeKind::Object));
        if !has_object {
            written_kinds.insert(&ty.name, TypeKind::Scalar);
        }
    }
    written_kinds
}

struct Plan<'schema> {
    written_kinds: IndexMap<&'schema str, TypeKind>,
    undefined: IndexSet<String>,
    uses_one_of: bool,
}

impl<'schema> Plan<'schema> {
    fn new(schema: &'schema Schema) -> Plan<'schema> {
        let written_kinds = written_kinds(schema);
        let mut undefined = IndexSet::new();
        let mut reference = |name: &str| {
            if !schema.types.contains_key(name)
                && !Schema::is_builtin_scalar(name)
                && !undefined.contains(name)
            {
                undefined.insert(name.to_owned());
            }
        };
        for ty in schema.types.values() {
            for field in &ty.fields {
                reference(field.ty.base_name());
                field
                    .arguments
                    .iter()
                    .for_each(|arg| reference(arg.ty.base_name()));
            }
            ty.input_fields
                .iter()
                .for_each(|field| reference(field.ty.base_name()));
        }
        for directive in schema.directives.values() {
            directive
                .arguments
                .iter()
                .for_each(|arg| reference(arg.ty.base_name()));
        }
        let uses_one_of = schema.types.values().any(|ty| {
            ty.one_of && written_kinds.get(ty.name.as_str()) == Some(&TypeKind::InputObject)
        });
        Plan {
            written_kinds,
            undefined,
            uses_one_of,
        }
    }

    fn written_kind(&self, name: &str) -> Option<TypeKind> {
        self.written_kinds.get(name).copied()
    }
}

struct Writer<'plan, 'schema> {
    out: String,
    /// How the type being written is known; its members inherit it.
    type_certainty: Option<Certainty>,
    markers: IndexSet<Marker>,
    plan: &'plan Plan<'schema>,
    options: &'plan WriteOptions,
}

impl Writer<'_, '_> {
    fn blank_line(&mut self) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
    }

    fn indent(&mut self, level: usize) {
        for _ in 0..level {
            self.out.push_str("  ");
        }
    }

    fn schema_definition(&mut self, schema: &Schema) {
        let roots = [
            ("query", &schema.roots.query, "Query"),
            ("mutation", &schema.roots.mutation, "Mutation"),
            ("subscription", &schema.roots.subscription, "Subscription"),
        ];
        // Without a `schema` definition, readers take the types named `Query`, `Mutation`
        // and `Subscription` as roots (https://spec.graphql.org/October2021/#sec-Root-Operation-Types.Default-Root-Operation-Type-Names).
        let implied = |default: &str| {
            (self.plan.written_kind(default) == Some(TypeKind::Object)).then(|| default.to_owned())
        };
        let roots_implied = roots
            .iter()
            .all(|(_, root, default)| **root == implied(default));
        let has_root = roots.iter().any(|(_, root, _)| root.is_some());
        let has_extras = schema.description.is_some() || !schema.schema_directives.is_empty();
        if !has_root || (roots_implied && !has_extras) {
            return;
        }
        self.description(schema.description.as_deref(), 0, true);
        self.out.push_str("schema");
        self.directive_uses(&schema.schema_directives);
        self.out.push_str(" {\n");
        for (operation, root, _) in roots {
            if let Some(root) = root {
                let _ = writeln!(self.out, "  {operation}: {root}");
            }
        }
        self.out.push_str("}\n");
    }

    fn type_def(&mut self, ty: &TypeDef) {
        self.blank_line();
        self.description(ty.description.as_deref(), 0, true);
        let written_kind = self.plan.written_kind(&ty.name).unwrap_or(TypeKind::Scalar);
        let keyword = match written_kind {
            TypeKind::Object => "type",
            TypeKind::Interface => "interface",
            TypeKind::Union => "union",
            TypeKind::Enum => "enum",
            TypeKind::InputObject => "input",
            TypeKind::Scalar => "scalar",
        };
        let _ = write!(self.out, "{keyword} {}", ty.name);
        let mut omitted: Vec<(&str, String)> = Vec::new();
        if matches!(written_kind, TypeKind::Object | TypeKind::Interface) {
            let mut interfaces: Vec<&String> = Vec::new();
            for interface in &ty.interfaces {
                if self.plan.written_kind(interface) == Some(TypeKind::Interface) {
                    interfaces.push(interface);
                } else {
                    omitted.push((
                        interface,
                        format!("`{interface}` is not written as an interface"),
                    ));
                }
            }
            if self.options.sort {
                interfaces.sort();
            }
            for (index, interface) in interfaces.iter().enumerate() {
                self.out
                    .push_str(if index == 0 { " implements " } else { " & " });
                self.out.push_str(interface);
            }
        }
        self.directive_uses(&ty.directives);
        if let Some(url) = &ty.specified_by {
            self.out.push_str(" @specifiedBy(url: ");
            quoted_string(&mut self.out, url);
            self.out.push(')');
        }
        if ty.one_of && written_kind == TypeKind::InputObject {
            self.out.push_str(" @oneOf");
        }
        self.name_marker(&ty.name_origin);
        self.inferred_marker(&ty.provenance, None);
        self.type_certainty = Some(ty.provenance.certainty.clone());
        if ty.kind_provenance.certainty != ty.provenance.certainty {
            self.inferred_marker(&ty.kind_provenance, Some("kind"));
        }
        if ty.incomplete {
            self.markers.insert(Marker::Incomplete);
            self.out.push_str(" @gqlsmith_incomplete");
        }
        if written_kind == TypeKind::Scalar && ty.kind != TypeKind::Scalar {
            self.markers.insert(Marker::Empty);
            let kind = ty.kind.as_str();
            let _ = write!(self.out, " @gqlsmith_empty(kind: \"{kind}\"");
            if !ty.members.is_empty() {
                self.out.push_str(", members: [");
                for (index, member) in ty.members.iter().enumerate() {
                    if index > 0 {
                        self.out.push_str(", ");
                    }
                    quoted_string(&mut self.out, member);
                }
                self.out.push(']');
            }
            self.out.push(')');
        }
        let mut members: Vec<&String> = Vec::new();
        if written_kind == TypeKind::Union {
            for member in &ty.members {
                if self.plan.written_kind(member) == Some(TypeKind::Object) {
                    members.push(member);
                } else {
                    omitted.push((
                        member,
                        format!("`{member}` is not written as an object type"),
                    ));
                }
            }
        }
        for (name, reason) in omitted {
            self.markers.insert(Marker::Omitted);
            self.out.push_str(" @gqlsmith_omitted(name: ");
            quoted_string(&mut self.out, name);
            self.out.push_str(", reason: ");
            quoted_string(&mut self.out, &reason);
            self.out.push(')');
        }
        for error in &ty.error_codes {
            self.markers.insert(Marker::ErrorCode);
            self.out.push_str(" @gqlsmith_error_code(code: ");
            quoted_string(&mut self.out, &error.code);
            self.out.push_str(", message: ");
            quoted_string(&mut self.out, &error.message);
            self.out.push(')');
        }
        match written_kind {
            TypeKind::Scalar => self.out.push('\n'),
            TypeKind::Union => {
                if self.options.sort {
                    members.sort();
                }
                for (index, member) in members.iter().enumerate() {
                    self.out.push_str(if index == 0 { " = " } else { " | " });
                    self.out.push_str(member);
                }
                self.out.push('\n');
            }
            TypeKind::Object | TypeKind::Interface => {
                self.out.push_str(" {\n");
                let mut fields: Vec<&Field> = ty.fields.iter().collect();
                if self.options.sort {
                    fields.sort_by(|a, b| a.name.cmp(&b.name));
                }
                for (index, field) in fields.into_iter().enumerate() {
                    self.field(field, index == 0);
                }
                self.out.push_str("}\n");
            }
            TypeKind::Enum => {
                self.out.push_str(" {\n");
                let mut values: Vec<&EnumValue> = ty.enum_values.iter().collect();
                if self.options.sort {
                    values.sort_by(|a, b| a.name.cmp(&b.name));
                }
                for (index, value) in values.into_iter().enumerate() {
                    self.description(value.description.as_deref(), 1, index == 0);
                    self.indent(1);
                    self.out.push_str(&value.name);
                    self.directive_uses(&value.directives);
                    self.deprecation(value.deprecation.as_ref());
                    self.member_inferred_marker(&value.provenance);
                    self.out.push('\n');
                }
                self.out.push_str("}\n");
            }
            TypeKind::InputObject => {
                self.out.push_str(" {\n");
                let mut fields: Vec<&InputValue> = ty.input_fields.iter().collect();
                if self.options.sort {
                    fields.sort_by(|a, b| a.name.cmp(&b.name));
                }
                for (index, field) in fields.into_iter().enumerate() {
                    self.description(field.description.as_deref(), 1, index == 0);
                    self.indent(1);
                    self.input_value(field);
                    self.out.push('\n');
                }
                self.out.push_str("}\n");
            }
        }
    }

    fn field(&mut self, field: &Field, first_in_block: bool) {
        self.description(field.description.as_deref(), 1, first_in_block);
        self.indent(1);
        self.out.push_str(&field.name);
        self.arguments(&field.arguments, 1);
        let _ = write!(self.out, ": {}", field.ty);
        self.directive_uses(&field.directives);
        self.deprecation(field.deprecation.as_ref());
        self.member_inferred_marker(&field.provenance);
        for argument in &field.unnamed_arguments {
            self.markers.insert(Marker::UnnamedArgument);
            self.out
                .push_str(" @gqlsmith_unnamed_argument(description: ");
            quoted_string(&mut self.out, &argument.description);
            self.out.push(')');
        }
        self.out.push('\n');
    }

    /// `(a: Int, b: String)` on one line, or one argument per line when any has a description.
    fn arguments(&mut self, arguments: &[InputValue], level: usize) {
        if arguments.is_empty() {
            return;
        }
        let mut arguments: Vec<&InputValue> = arguments.iter().collect();
        if self.options.sort {
            arguments.sort_by(|a, b| a.name.cmp(&b.name));
        }
        let one_line = arguments
            .iter()
            .all(|argument| argument.description.is_none());
        self.out.push('(');
        for (index, argument) in arguments.into_iter().enumerate() {
            if one_line {
                if index > 0 {
                    self.out.push_str(", ");
                }
            } else {
                self.out.push('\n');
                self.description(argument.description.as_deref(), level + 1, index == 0);
                self.indent(level + 1);
            }
            self.input_value(argument);
        }
        if !one_line {
            self.out.push('\n');
            self.indent(level);
        }
        self.out.push(')');
    }

    /// `name: Type = default @directives`, without description or line break.
    fn input_value(&mut self, value: &InputValue) {
        let _ = write!(self.out, "{}: {}", value.name, value.ty);
        if let Some(default) = &value.default_value {
            let _ = write!(self.out, " = {default}");
        }
        self.directive_uses(&value.directives);
        self.deprecation(value.deprecation.as_ref());
        self.member_inferred_marker(&value.provenance);
    }

    fn directive_uses(&mut self, directives: &[DirectiveUse]) {
        for directive in directives {
            let _ = write!(self.out, " @{}", directive.name);
            if !directive.arguments.is_empty() {
                self.out.push('(');
                for (index, (name, value)) in directive.arguments.iter().enumerate() {
                    if index > 0 {
                        self.out.push_str(", ");
                    }
                    let _ = write!(self.out, "{name}: {value}");
                }
                self.out.push(')');
            }
        }
    }

    fn deprecation(&mut self, deprecation: Option<&Deprecation>) {
        let Some(deprecation) = deprecation else {
            return;
        };
        match deprecation.reason.as_deref() {
            Some(reason) if reason != DEFAULT_DEPRECATION_REASON => {
                self.out.push_str(" @deprecated(reason: ");
                quoted_string(&mut self.out, reason);
                self.out.push(')');
            }
            _ => self.out.push_str(" @deprecated"),
        }
    }

    fn name_marker(&mut self, origin: &NameOrigin) {
        let confidence = match origin {
            NameOrigin::Document => return,
            NameOrigin::Recovered { confidence, .. } | NameOrigin::Reference { confidence } => {
                Some(confidence)
            }
            NameOrigin::Placeholder | NameOrigin::Overlay => None,
        };
        self.markers.insert(Marker::Name);
        let _ = write!(self.out, " @gqlsmith_name(origin: \"{}\"", origin.as_str());
        if let Some(confidence) = confidence {
            let _ = write!(self.out, ", confidence: \"{confidence}\"");
        }
        self.out.push(')');
    }

    /// The marker of a field, argument, input field or enum value, unless it says the same
    /// as its type's: the values of an enum inferred from samples are inferred the same way.
    fn member_inferred_marker(&mut self, provenance: &Provenance) {
        let inherited = match (&self.type_certainty, &provenance.certainty) {
            (
                Some(Certainty::Inferred {
                    rule: type_rule,
                    confidence: type_confidence,
                    ..
                }),
                Certainty::Inferred {
                    rule, confidence, ..
                },
            ) => type_rule == rule && type_confidence == confidence,
            _ => false,
        };
        if !inherited {
            self.inferred_marker(provenance, None);
        }
    }

    fn inferred_marker(&mut self, provenance: &Provenance, fact: Option<&str>) {
        let Certainty::Inferred {
            rule, confidence, ..
        } = &provenance.certainty
        else {
            return;
        };
        self.markers.insert(Marker::Inferred);
        self.out.push_str(" @gqlsmith_inferred(rule: ");
        quoted_string(&mut self.out, rule);
        let _ = write!(self.out, ", confidence: \"{confidence}\"");
        if let Some(fact) = fact {
            let _ = write!(self.out, ", fact: \"{fact}\"");
        }
        self.out.push(')');
    }

    /// A description on its own line(s) at `level`, as a block string when one reads back to
    /// exactly `text`, else as a quoted string. Inside a block, a described item other than
    /// the first is set off by a blank line (as graphql-js prints).
    fn description(&mut self, text: Option<&str>, level: usize, first_in_block: bool) {
        let Some(text) = text else { return };
        if level > 0 && !first_in_block {
            self.out.push('\n');
        }
        self.indent(level);
        if !can_be_block_string(text) {
            quoted_string(&mut self.out, text);
            self.out.push('\n');
            return;
        }
        let multi_line =
            text.contains('\n') || text.len() > 70 || text.ends_with('"') || text.ends_with('\\');
        self.out.push_str("\"\"\"");
        if multi_line {
            for line in text.split('\n') {
                self.out.push('\n');
                if !line.is_empty() {
                    self.indent(level);
                    push_block_line(&mut self.out, line);
                }
            }
            self.out.push('\n');
            self.indent(level);
        } else {
            push_block_line(&mut self.out, text);
        }
        self.out.push_str("\"\"\"\n");
    }
}

/// A line of a block string with `"""` escaped; nothing else is escaped in block strings.
fn push_block_line(out: &mut String, line: &str) {
    let mut rest = line;
    // `find` returns a char boundary, and the three quotes after it are one byte each.
    while let Some(at) = rest.find("\"\"\"") {
        out.push_str(&rest[..at]);
        out.push_str("\\\"\"\"");
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
}

/// Whether a block string written line by line reads back as exactly `value` through
/// BlockStringValue (https://spec.graphql.org/October2021/#BlockStringValue()): no `\r` (lines
/// are rejoined with `\n`), no characters a source may not contain, no blank first or last
/// line (trimmed), and no indentation common to every line (removed).
fn can_be_block_string(value: &str) -> bool {
    if value.chars().any(|c| c < ' ' && c != '\t' && c != '\n') {
        return false;
    }
    let is_blank = |line: &str| line.trim_start_matches([' ', '\t']).is_empty();
    let mut lines = value.split('\n');
    if lines.next().is_some_and(is_blank) || lines.next_back().is_some_and(is_blank) {
        return false;
    }
    let common_indent = value
        .split('\n')
        .filter(|line| !is_blank(line))
        .map(|line| line.len() - line.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    common_indent == 0
}

/// A GraphQL string literal (https://spec.graphql.org/October2021/#StringValue).
pub(crate) fn quoted_string(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' && c != '\t' => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::{can_be_block_string, quoted_string};

    #[track_caller]
    fn check_block(value: &str, expect: bool) {
        assert_eq!(can_be_block_string(value), expect, "{value:?}");
    }

    #[test]
    fn block_strings_only_when_they_read_back_the_same() {
        check_block("plain", true);
        check_block("two\nlines", true);
        // Written on its own line, the first line's indentation would be common indentation.
        check_block("  indented first line", false);
        check_block("a\n  b", true);
        check_block("  a\n  b", false);
        check_block("\nleading blank", false);
        check_block("trailing blank\n  ", false);
        check_block("carriage\rreturn", false);
        check_block("bell\u{7}", false);
        check_block("tab\tinside", true);
    }

    #[track_caller]
    fn check_quoted(value: &str, expect: &str) {
        let mut out = String::new();
        quoted_string(&mut out, value);
        assert_eq!(out, expect);
    }

    #[test]
    fn quoted_strings_escape_what_they_must() {
        check_quoted("a", r#""a""#);
        check_quoted("say \"hi\"", r#""say \"hi\"""#);
        check_quoted("back\\slash", r#""back\\slash""#);
        check_quoted("line\nbreak\r", r#""line\nbreak\r""#);
        check_quoted("\u{1}\u{8}\u{c}\t", r#""\u0001\b\f	""#);
        check_quoted("é😀", "\"é😀\"");
    }
}
