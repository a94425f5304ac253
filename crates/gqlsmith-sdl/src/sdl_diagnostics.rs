//! apollo-compiler's syntax, build and validation errors as gqlsmith diagnostics: a stable
//! code and kebab-case name per kind of error, its position, labels for the other locations
//! it involves, and a help line.
//!
//! apollo-compiler does not expose the kind of an error (its `Details` enum is private), only
//! its message. Its messages are stable, lowercase and put names in backticks, so the kind is
//! recognised from the message and the message is kept as is. A test per code pins each
//! pattern (tests/diagnostic_codes.rs), so an apollo-compiler upgrade that rewords a message
//! fails loudly instead of silently falling back to `S299`.

use apollo_compiler::diagnostic::ToCliReport;
use apollo_compiler::parser::FileId;
use apollo_compiler::validation::DiagnosticData;
use gqlsmith_model::{Diagnostic, Location, Schema, Severity};

/// One kind of SDL error: its code, its name, how to recognise its message, and what to do.
struct SdlErrorKind {
    code: &'static str,
    name: &'static str,
    matches: fn(&str) -> bool,
    help: &'static str,
}

/// Every kind, most specific first; the first match wins.
const SDL_ERROR_KINDS: &[SdlErrorKind] = &[
    SdlErrorKind {
        code: "S200",
        name: "syntax-error",
        matches: |message| message.starts_with("syntax error"),
        help: "fix the syntax at this position; the rest of the file was still read",
    },
    SdlErrorKind {
        code: "S201",
        name: "parser-limit",
        matches: |message| message.contains("limit"),
        help: "the document nests too deeply or is too long to parse safely; split or flatten it",
    },
    SdlErrorKind {
        code: "S202",
        name: "executable-definition-in-schema",
        matches: |message| message.starts_with("a schema document must not contain"),
        help: "move operations and fragments out of the schema files",
    },
    SdlErrorKind {
        code: "S203",
        name: "duplicate-schema-definition",
        matches: |message| message.contains("multiple `schema` definitions"),
        help: "merge the two `schema` definitions, or turn one into `extend schema`",
    },
    SdlErrorKind {
        code: "S204",
        name: "duplicate-directive-definition",
        matches: |message| message.starts_with("the directive `@") && message.ends_with("defined multiple times in the schema"),
        help: "remove or rename one of the definitions; gqlsmith keeps the first",
    },
    SdlErrorKind {
        code: "S205",
        name: "duplicate-type-definition",
        matches: |message| message.starts_with("the type `") && message.ends_with("defined multiple times in the schema"),
        help: "remove or rename one of the definitions, or use `extend`; gqlsmith keeps the first",
    },
    SdlErrorKind {
        code: "S206",
        name: "built-in-scalar-redefinition",
        matches: |message| message.starts_with("built-in scalar definitions"),
        help: "remove the definition: `Int`, `Float`, `String`, `Boolean` and `ID` are built in",
    },
    SdlErrorKind {
        code: "S207",
        name: "orphan-extension",
        matches: |message| message.starts_with("type extension for undefined type") || message.starts_with("schema extension without"),
        help: "define the type (or `schema`) being extended, or add the file that defines it",
    },
    SdlErrorKind {
        code: "S208",
        name: "extension-kind-mismatch",
        matches: |message| message.starts_with("adding "),
        help: "extend the type with the same kind of definition it was defined with",
    },
    SdlErrorKind {
        code: "S209",
        name: "duplicate-root-operation",
        matches: |message| message.contains("root operation type") && message.starts_with("duplicate definitions for the"),
        help: "name each root operation once in `schema { .. }`",
    },
    SdlErrorKind {
        code: "S210",
        name: "duplicate-implements",
        matches: |message| message.ends_with("more than once"),
        help: "list each interface once after `implements`",
    },
    SdlErrorKind {
        code: "S211",
        name: "duplicate-field",
        matches: |message| message.starts_with("duplicate definitions for the `") && message.contains("` field of "),
        help: "remove one of the definitions; gqlsmith keeps the first",
    },
    SdlErrorKind {
        code: "S212",
        name: "duplicate-enum-value",
        matches: |message| message.contains("` value of enum type `"),
        help: "remove one of the definitions; gqlsmith keeps the first",
    },
    SdlErrorKind {
        code: "S213",
        name: "duplicate-union-member",
        matches: |message| message.contains("` member of union type `"),
        help: "list each member once",
    },
    SdlErrorKind {
        code: "S214",
        name: "duplicate-argument",
        matches: |message| message.ends_with("is defined more than once") || message.ends_with("is provided multiple times"),
        help: "remove one of the definitions; gqlsmith keeps the first",
    },
    SdlErrorKind {
        code: "S220",
        name: "undefined-type",
        matches: |message| message.starts_with("cannot find type"),
        help: "define the type, fix the spelling, or add the file that defines it",
    },
    SdlErrorKind {
        code: "S221",
        name: "undefined-directive",
        matches: |message| message.starts_with("cannot find directive"),
        help: "add a `directive @..` definition, or remove the directive",
    },
    SdlErrorKind {
        code: "S222",
        name: "undefined-argument",
        matches: |message| message.contains("is not supported by"),
        help: "remove the argument or add it to the directive's definition",
    },
    SdlErrorKind {
        code: "S223",
        name: "missing-interface-field",
        matches: |message| message.contains("does not satisfy interface"),
        help: "add the field to the type, or stop implementing the interface",
    },
    SdlErrorKind {
        code: "S224",
        name: "invalid-implementation",
        matches: |message| message.starts_with("interface field `") || message.contains("has extra required argument"),
        help: "make the field's type and arguments match the interface field",
    },
    SdlErrorKind {
        code: "S225",
        name: "missing-required-argument",
        matches: |message| message.starts_with("the required argument"),
        help: "pass the required argument",
    },
    SdlErrorKind {
        code: "S226",
        name: "missing-transitive-interface",
        matches: |message| message.contains("but to do so it must also implement"),
        help: "add the missing interface to the `implements` list",
    },
    SdlErrorKind {
        code: "S227",
        name: "output-type-expected",
        matches: |message| message.ends_with("field must return an output type"),
        help: "use an object, interface, union, enum or scalar type here",
    },
    SdlErrorKind {
        code: "S228",
        name: "input-type-expected",
        matches: |message| message.ends_with("field must be of an input type"),
        help: "use an input object, enum or scalar type here",
    },
    SdlErrorKind {
        code: "S229",
        name: "missing-query-root",
        matches: |message| message.starts_with("missing query root operation type"),
        help: "add a `Query` type, or `query: ..` in the `schema` definition, to make this a complete schema",
    },
    SdlErrorKind {
        code: "S230",
        name: "root-operation-not-object",
        matches: |message| message.ends_with("field must return an object type"),
        help: "root operation types must be object types",
    },
    SdlErrorKind {
        code: "S231",
        name: "shared-root-operation-type",
        matches: |message| message.contains("must not be used for multiple root operation types"),
        help: "give each root operation its own object type",
    },
    SdlErrorKind {
        code: "S232",
        name: "union-member-not-object",
        matches: |message| message.starts_with("union member"),
        help: "union members must be object types",
    },
    SdlErrorKind {
        code: "S233",
        name: "directive-wrong-location",
        matches: |message| message.contains("directive is not supported for"),
        help: "remove the directive here, or add this location to its definition",
    },
    SdlErrorKind {
        code: "S234",
        name: "repeated-directive",
        matches: |message| message.contains("can only be used once per location"),
        help: "use the directive once here, or declare it `repeatable`",
    },
    SdlErrorKind {
        code: "S235",
        name: "invalid-value",
        matches: |message| {
            message.starts_with("expected value of type")
                || message.contains("cannot represent")
                || message.contains("does not exist on")
                || message.starts_with("the required field")
        },
        help: "write a value of the declared type",
    },
    SdlErrorKind {
        code: "S236",
        name: "recursive-definition",
        matches: |message| message.contains("cannot reference itself") || message.contains("cannot implement itself"),
        help: "break the cycle, for example by making one reference nullable",
    },
    SdlErrorKind {
        code: "S237",
        name: "too-deeply-nested",
        matches: |message| message.contains("too much nesting") || message.contains("too much recursion"),
        help: "flatten the nesting",
    },
    SdlErrorKind {
        code: "S238",
        name: "empty-type",
        matches: |message| message.contains("has no fields") || message.contains("has no enum values") || message.contains("has no member types") || message.contains("has no input values"),
        help: "add at least one field, value or member, or remove the type",
    },
    SdlErrorKind {
        code: "S239",
        name: "reserved-name",
        matches: |message| message.contains("names starting with two underscores are reserved"),
        help: "rename it: names starting with `__` belong to introspection",
    },
];

const FALLBACK: SdlErrorKind = SdlErrorKind {
    code: "S299",
    name: "invalid-schema",
    matches: |_| true,
    help: "fix the schema at this position",
};

/// One apollo-compiler error as a gqlsmith diagnostic. `location` and `length` turn spans
/// into positions; `schema` is the model built from the same input, used to point labels at
/// the first of two definitions (the one that was kept).
pub(crate) fn convert_diagnostic(
    error: &DiagnosticData,
    sources: &impl SourcePositions,
    schema: &Schema,
) -> Diagnostic {
    let message = error.to_string();
    let kind = SDL_ERROR_KINDS
        .iter()
        .find(|kind| (kind.matches)(&message))
        .unwrap_or(&FALLBACK);
    let names = backticked(&message);
    let (location, length) = match ToCliReport::location(error) {
        Some(span) => {
            // A duplicate field or enum value is reported at its whole definition, which
            // starts at its description; point at its name instead, as for duplicate types.
            let name = match (kind.code, names.as_slice()) {
                ("S211" | "S212", [name, ..]) => Some(*name),
                _ => None,
            };
            let text = sources
                .text(span.file_id(), span.offset(), span.end_offset())
                .unwrap_or("");
            match name.and_then(|name| name_offset(text, name).map(|at| (at, name.chars().count())))
            {
                Some((at, name_length)) => {
                    let location = sources.position(span.file_id(), span.offset() + at);
                    (location, u32::try_from(name_length).unwrap_or(u32::MAX))
                }
                None => (
                    sources.position(span.file_id(), span.offset()),
                    u32::try_from(text.chars().count()).unwrap_or(u32::MAX),
                ),
            }
        }
        None => (None, 1),
    };
    // A schema needs a query root, but a type system document without any `schema`
    // definition or `Query` type (one file of several, or types recovered from a docs page)
    // is a set of types: still readable and writable, not yet servable. apollo-compiler
    // reports it without a location in that case, and only then is it a warning.
    let severity = if kind.code == "S229" && location.is_none() {
        Severity::Warning
    } else {
        Severity::Error
    };
    let mut diagnostic = Diagnostic::new(kind.code, kind.name, severity, message.as_str())
        .at_opt(location)
        .with_length(length)
        .with_help(kind.help);
    let kept = "first defined here; this definition is kept";
    match (kind.code, names.as_slice()) {
        ("S205", [type_name]) => {
            if let Some(location) = schema
                .type_named(type_name)
                .and_then(|ty| ty.provenance.location.clone())
            {
                diagnostic = diagnostic.with_label(location, kept);
            }
            diagnostic = diagnostic.with_coordinate(*type_name);
        }
        ("S204", [directive]) => {
            let name = directive.trim_start_matches('@');
            if let Some(location) = schema
                .directives
                .get(name)
                .and_then(|def| def.provenance.location.clone())
            {
                diagnostic = diagnostic.with_label(location, kept);
            }
            diagnostic = diagnostic.with_coordinate(*directive);
        }
        ("S211", [field_name, type_name]) => {
            let first = schema.type_named(type_name).and_then(|ty| {
                let field = ty.field(field_name).map(|field| &field.provenance);
                field.or_else(|| ty.input_field(field_name).map(|field| &field.provenance))
            });
            if let Some(location) = first.and_then(|provenance| provenance.location.clone()) {
                diagnostic = diagnostic.with_label(location, kept);
            }
            diagnostic = diagnostic.with_coordinate(format!("{type_name}.{field_name}"));
        }
        ("S212", [value_name, type_name]) => {
            let first = schema
                .type_named(type_name)
                .and_then(|ty| ty.enum_value(value_name));
            if let Some(location) = first.and_then(|value| value.provenance.location.clone()) {
                diagnostic = diagnostic.with_label(location, kept);
            }
            diagnostic = diagnostic.with_coordinate(format!("{type_name}.{value_name}"));
        }
        ("S208", [type_name]) | ("S213", [_, type_name]) => {
            if let Some(location) = schema
                .type_named(type_name)
                .and_then(|ty| ty.provenance.location.clone())
            {
                diagnostic =
                    diagnostic.with_label(location, format!("`{type_name}` is defined here"));
            }
            diagnostic = diagnostic.with_coordinate(*type_name);
        }
        ("S223", [type_name, interface, field_name]) => {
            let declared = schema
                .type_named(interface)
                .and_then(|ty| ty.field(field_name));
            if let Some(location) = declared.and_then(|field| field.provenance.location.clone()) {
                diagnostic = diagnostic.with_label(
                    location,
                    format!("`{interface}.{field_name}` is declared here"),
                );
            }
            diagnostic = diagnostic.with_coordinate(*type_name);
        }
        _ => {}
    }
    diagnostic
}

/// Positions in the input files, for spans apollo-compiler reports.
pub(crate) trait SourcePositions {
    /// The file, line and column of byte `offset` in file `file`.
    fn position(&self, file: FileId, offset: usize) -> Option<Location>;
    /// The text between two byte offsets of file `file`.
    fn text(&self, file: FileId, start: usize, end: usize) -> Option<&str>;
}

/// Where `name` starts in the text of a definition: after its description (a string or block
/// string), white space, commas and comments. `None` when the name is not found there.
fn name_offset(definition: &str, name: &str) -> Option<usize> {
    let bytes = definition.as_bytes();
    let mut at = 0;
    if definition.starts_with("\"\"\"") {
        at = 3;
        loop {
            let rest = definition.get(at..)?;
            let end = rest.find("\"\"\"")?;
            at += end + 3;
            // `\"""` is an escaped triple quote inside the block string.
            if end > 0 && rest.as_bytes().get(end - 1) == Some(&b'\\') {
                continue;
            }
            break;
        }
    } else if definition.starts_with('"') {
        at = 1;
        while let Some(&byte) = bytes.get(at) {
            at += if byte == b'\\' { 2 } else { 1 };
            if byte == b'"' {
                break;
            }
        }
    }
    loop {
        match bytes.get(at)? {
            b' ' | b'\t' | b'\n' | b'\r' | b',' => at += 1,
            b'#' => {
                while !matches!(bytes.get(at)?, b'\n' | b'\r') {
                    at += 1;
                }
            }
            _ => break,
        }
    }
    let rest = definition.get(at..)?;
    let after = rest.strip_prefix(name)?;
    let continues = after
        .bytes()
        .next()
        .is_some_and(|byte| byte == b'_' || byte.is_ascii_alphanumeric());
    (!continues).then_some(at)
}

/// The names a message puts in backticks, in order.
fn backticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

#[cfg(test)]
mod tests {
    use super::{backticked, name_offset};

    #[track_caller]
    fn check_name_offset(definition: &str, name: &str, expect: Option<usize>) {
        assert_eq!(name_offset(definition, name), expect);
    }

    #[test]
    fn finds_the_name_after_the_description() {
        check_name_offset("a: Int", "a", Some(0));
        check_name_offset("\"\"\"doc\"\"\"\n  a: Int", "a", Some(12));
        check_name_offset("\"\"\"x \\\"\"\" a\"\"\" a: Int", "a", Some(15));
        check_name_offset("\"say \\\"a\\\"\" # a\n a(x: Int): Int", "a", Some(17));
        check_name_offset("ab: Int", "a", None);
        check_name_offset("\"\"\"unterminated", "a", None);
        check_name_offset("\"", "a", None);
    }

    #[test]
    fn finds_names_in_backticks() {
        assert_eq!(backticked("the `a` field of `B`"), ["a", "B"]);
        assert_eq!(backticked("no names"), Vec::<&str>::new());
        assert_eq!(backticked("unclosed `a"), ["a"]);
    }
}
