//! TypeScript naming and escaping: type names that TypeScript accepts, `enum` member names,
//! single-quoted string literals and TSDoc comments, and the note on a type the input knows
//! only in part.

use gqlsmith_model::{Certainty, Deprecation, Schema, TypeDef, TypeKind};
use heck::ToUpperCamelCase;

/// The fallback member of an incomplete union or interface: an object type the input did not
/// show, as received (its `__typename` and every field).
pub(crate) const UNSEEN_MEMBER: &str = "UnseenMember";

/// The type that stands for the values an incomplete enum may have beyond those the input
/// showed. `string & {}` rather than `string`: a plain `string` would absorb the literals, and
/// editors would stop offering the known values.
pub(crate) const OPEN_STRING: &str = "(string & {})";

/// Names the generated file declares itself; a GraphQL type spelled like one gets a number.
pub(crate) const RESERVED_TYPE_NAMES: &[&str] =
    &["Maybe", "InputMaybe", "Scalars", "Array", UNSEEN_MEMBER];

/// How many pieces of evidence a note quotes before "and N more".
const EVIDENCE_QUOTED: usize = 3;

/// For a type the input knows only in part (`incomplete`, as a docs page's enums with sample
/// values, unions and interfaces with the members seen, objects only referenced): what is
/// known, where from, and what the TypeScript type accepts beyond it. `None` for a complete
/// type.
pub(crate) fn incompleteness_note(schema: &Schema, ty: &TypeDef) -> Option<String> {
    if !ty.incomplete {
        return None;
    }
    let quoted = |names: &mut dyn Iterator<Item = &str>| {
        let names: Vec<String> = names.map(|name| format!("`{name}`")).collect();
        if names.is_empty() {
            "none".to_owned()
        } else {
            names.join(", ")
        }
    };
    let objects_only = |names: &[String]| -> Vec<String> {
        names
            .iter()
            .filter(|name| {
                schema
                    .type_named(name)
                    .is_some_and(|member| member.kind == TypeKind::Object)
            })
            .cloned()
            .collect()
    };
    let mut lines = Vec::new();
    match ty.kind {
        TypeKind::Enum => {
            lines.push(format!(
                "Incomplete: the input shows only some values of this enum ({}); any other value arrives as a plain string.",
                quoted(&mut ty.enum_values.iter().map(|value| value.name.as_str()))
            ));
        }
        TypeKind::Union => {
            lines.push(format!(
                "Incomplete: the input shows only some members of this union ({}); a value of another object type is an `{UNSEEN_MEMBER}`, its `__typename` and fields as received.",
                quoted(&mut objects_only(&ty.members).iter().map(String::as_str))
            ));
        }
        TypeKind::Interface => {
            let mut implementations: Vec<String> = schema
                .types_of_kind(TypeKind::Object)
                .filter(|object| object.interfaces.contains(&ty.name))
                .map(|object| object.name.clone())
                .collect();
            for member in objects_only(&ty.members) {
                if !implementations.contains(&member) {
                    implementations.push(member);
                }
            }
            let fields = if ty.fields.is_empty() {
                "none of this interface's fields"
            } else {
                "only some of this interface's fields"
            };
            let implementations = if implementations.is_empty() {
                "no object type that implements it".to_owned()
            } else {
                format!(
                    "only some of the object types that implement it ({})",
                    quoted(&mut implementations.iter().map(String::as_str))
                )
            };
            lines.push(format!(
                "Incomplete: the input shows {fields} and {implementations}; a value of another object type is an `{UNSEEN_MEMBER}`, its `__typename` and fields as received."
            ));
        }
        TypeKind::Object => lines.push(
            "Incomplete: the input references this object type without listing its fields; every field arrives typed `unknown`.".to_owned(),
        ),
        TypeKind::Scalar | TypeKind::InputObject => lines.push(
            "Incomplete: the input shows only part of this type.".to_owned(),
        ),
    }
    let location = ty
        .provenance
        .location
        .as_ref()
        .map(|location| {
            format!(
                " {}:{}, where it is first used",
                location.file, location.line
            )
        })
        .unwrap_or_default();
    match &ty.kind_provenance.certainty {
        Certainty::Inferred {
            rule,
            evidence,
            confidence,
        } => {
            let mut quoted_evidence: Vec<String> =
                evidence.iter().take(EVIDENCE_QUOTED).cloned().collect();
            if evidence.len() > EVIDENCE_QUOTED {
                quoted_evidence.push(format!("and {} more", evidence.len() - EVIDENCE_QUOTED));
            }
            let because = if quoted_evidence.is_empty() {
                String::new()
            } else {
                format!(": {}", quoted_evidence.join("; "))
            };
            lines.push(format!(
                "Known from{location}: the kind was inferred by {rule} ({confidence} confidence){because}."
            ));
        }
        Certainty::Read | Certainty::Unknown => {
            lines.push(format!("Known from the input{location}."))
        }
    }
    Some(lines.join("\n"))
}

/// Words TypeScript does not accept as a type alias or enum name: reserved words, strict-mode
/// reserved words and the predefined type names (`type string = ...` is an error).
const TS_RESERVED_WORDS: &[&str] = &[
    "any",
    "as",
    "asserts",
    "async",
    "await",
    "bigint",
    "boolean",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "declare",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "from",
    "function",
    "get",
    "global",
    "if",
    "implements",
    "import",
    "in",
    "infer",
    "instanceof",
    "interface",
    "intrinsic",
    "is",
    "keyof",
    "let",
    "module",
    "namespace",
    "never",
    "new",
    "null",
    "number",
    "object",
    "of",
    "package",
    "private",
    "protected",
    "public",
    "readonly",
    "require",
    "return",
    "satisfies",
    "set",
    "static",
    "string",
    "super",
    "switch",
    "symbol",
    "this",
    "throw",
    "true",
    "try",
    "type",
    "typeof",
    "undefined",
    "unique",
    "unknown",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

/// A GraphQL type name as a TypeScript type name. GraphQL names are already identifiers, so
/// the name is kept (graphql-codegen's `namingConvention: keep`); only a reserved word gets
/// a trailing `_`.
pub(crate) fn ts_type_name(graphql_name: &str) -> String {
    if TS_RESERVED_WORDS.contains(&graphql_name) {
        format!("{graphql_name}_")
    } else {
        graphql_name.to_owned()
    }
}

/// A GraphQL enum value as a TypeScript `enum` member: `NOT_STARTED` -> `NotStarted`, as
/// graphql-codegen names them; a name that would start with a digit gets `Value` in front.
pub(crate) fn ts_enum_member_name(graphql_value: &str) -> String {
    let camel = graphql_value.to_upper_camel_case();
    if camel.is_empty() || camel.starts_with(|c: char| c.is_ascii_digit()) {
        format!("Value{camel}")
    } else {
        camel
    }
}

/// Text as a single-quoted TypeScript string literal.
pub(crate) fn ts_string(text: &str) -> String {
    let mut out = String::from("'");
    for c in text.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A TSDoc comment from a description and a deprecation, each line prefixed by `indent`, with
/// a trailing newline; "" when there is neither.
///
/// `*/` would close the comment early, so it is written `*\/`; a line starting with `@` would
/// read as a TSDoc tag, so that `@` is escaped as `\@` (TSDoc's escape). The deprecation is a
/// `@deprecated` tag with the reason.
pub(crate) fn tsdoc(
    description: Option<&str>,
    deprecation: Option<&Deprecation>,
    indent: &str,
) -> String {
    let mut lines: Vec<String> = Vec::new();
    if let Some(description) = description {
        let normalized = description.replace("\r\n", "\n").replace('\r', "\n");
        for line in normalized.trim_matches('\n').split('\n') {
            lines.push(comment_text(line.trim_end()));
        }
    }
    if let Some(deprecation) = deprecation {
        let reason = deprecation
            .reason
            .as_deref()
            .map(str::trim)
            .filter(|reason| !reason.is_empty());
        let reason_lines: Vec<String> = reason
            .map(|reason| {
                reason
                    .replace("\r\n", "\n")
                    .split('\n')
                    .map(|line| comment_text(line.trim_end()))
                    .collect()
            })
            .unwrap_or_default();
        match reason_lines.split_first() {
            Some((first, rest)) => {
                lines.push(format!("@deprecated {first}"));
                lines.extend(rest.iter().cloned());
            }
            None => lines.push("@deprecated".to_owned()),
        }
    }
    while lines.last().is_some_and(|line| line.trim().is_empty()) {
        lines.pop();
    }
    if lines.iter().all(|line| line.trim().is_empty()) {
        return String::new();
    }
    let mut out = format!("{indent}/**\n");
    for line in lines {
        if line.is_empty() {
            out.push_str(&format!("{indent} *\n"));
        } else {
            out.push_str(&format!("{indent} * {line}\n"));
        }
    }
    out.push_str(&format!("{indent} */\n"));
    out
}

fn comment_text(line: &str) -> String {
    let mut text: String = line
        .chars()
        .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
        .collect();
    text = text.replace("*/", "*\\/");
    if text.trim_start().starts_with('@') {
        let at = text.len() - text.trim_start().len();
        text.insert(at, '\\');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use gqlsmith_model::{Confidence, EnumValue, Location, Provenance};

    #[track_caller]
    fn check(convert: fn(&str) -> String, input: &str, expect: &str) {
        assert_eq!(convert(input), expect);
    }

    #[test]
    fn type_names_are_kept_unless_reserved() {
        check(ts_type_name, "APIBrownout", "APIBrownout");
        check(ts_type_name, "Unnamed_L12", "Unnamed_L12");
        check(ts_type_name, "string", "string_");
        check(ts_type_name, "type", "type_");
        check(ts_type_name, "String", "String");
        check(ts_type_name, "__Type", "__Type");
    }

    #[test]
    fn enum_members_are_pascal_case() {
        check(ts_enum_member_name, "NOT_STARTED", "NotStarted");
        check(ts_enum_member_name, "ACTIVE", "Active");
        check(ts_enum_member_name, "_1", "Value1");
        check(ts_enum_member_name, "1_DAY", "Value1Day");
        check(ts_enum_member_name, "__", "Value");
    }

    #[test]
    fn strings_are_single_quoted_literals() {
        check(ts_string, "User", "'User'");
        check(ts_string, "it's \\ \n", "'it\\'s \\\\ \\n'");
        check(ts_string, "\u{2028}", "'\\u{2028}'");
    }

    #[track_caller]
    fn check_doc(description: Option<&str>, reason: Option<Option<&str>>, expect: &str) {
        let deprecation = reason.map(|reason| {
            Deprecation::from_reason(reason.map(str::to_owned), Provenance::default())
        });
        assert_eq!(tsdoc(description, deprecation.as_ref(), "  "), expect);
    }

    #[test]
    fn doc_comments_cannot_be_closed_early() {
        check_doc(None, None, "");
        check_doc(Some(""), None, "");
        check_doc(Some("The user."), None, "  /**\n   * The user.\n   */\n");
        check_doc(
            Some("ends */ here"),
            None,
            "  /**\n   * ends *\\/ here\n   */\n",
        );
        check_doc(
            Some("One.\n\nTwo."),
            None,
            "  /**\n   * One.\n   *\n   * Two.\n   */\n",
        );
        check_doc(
            Some("@param looks like a tag"),
            None,
            "  /**\n   * \\@param looks like a tag\n   */\n",
        );
        check_doc(Some("a\r\nb"), None, "  /**\n   * a\n   * b\n   */\n");
    }

    #[test]
    fn deprecations_become_tags() {
        check_doc(
            Some("Old."),
            Some(Some("Use `name`.")),
            "  /**\n   * Old.\n   * @deprecated Use `name`.\n   */\n",
        );
        check_doc(None, Some(None), "  /**\n   * @deprecated\n   */\n");
        check_doc(
            None,
            Some(Some("gone */ soon\nline two")),
            "  /**\n   * @deprecated gone *\\/ soon\n   * line two\n   */\n",
        );
        check_doc(
            None,
            Some(Some("@ignored")),
            "  /**\n   * @deprecated \\@ignored\n   */\n",
        );
    }

    /// The note for `ty` in a schema that also holds `others`.
    #[track_caller]
    fn check_note(ty: TypeDef, others: Vec<TypeDef>, expect: Option<&str>) {
        let mut schema = Schema::default();
        for other in others {
            schema.insert_type(other);
        }
        schema.insert_type(ty.clone());
        assert_eq!(incompleteness_note(&schema, &ty).as_deref(), expect);
    }

    fn inferred(rule: &str, evidence: &[&str]) -> Provenance {
        Provenance::inferred(
            Some(Location::new("page.txt".into(), 7, 3)),
            rule,
            evidence.iter().map(|line| (*line).to_owned()).collect(),
            Confidence::High,
        )
    }

    #[test]
    fn complete_types_have_no_note() {
        let status = TypeDef::new("Status", TypeKind::Enum, Provenance::default());
        check_note(status, Vec::new(), None);
    }

    #[test]
    fn notes_say_what_is_known_and_where_from() {
        let mut status = TypeDef::new("Status", TypeKind::Enum, inferred("x", &[]));
        status.kind_provenance = inferred("enum-sample", &["`A.status` shows `ON`"]);
        status
            .enum_values
            .push(EnumValue::new("ON", Provenance::default()));
        status.incomplete = true;
        check_note(
            status,
            Vec::new(),
            Some("Incomplete: the input shows only some values of this enum (`ON`); any other value arrives as a plain string.\nKnown from page.txt:7, where it is first used: the kind was inferred by enum-sample (high confidence): `A.status` shows `ON`."),
        );

        let mut item = TypeDef::new("Item", TypeKind::Union, inferred("x", &[]));
        item.kind_provenance = inferred("abstract-example", &["1", "2", "3", "4", "5"]);
        item.members = vec!["Card".into(), "NotDefined".into()];
        item.incomplete = true;
        let card = TypeDef::new("Card", TypeKind::Object, Provenance::default());
        check_note(
            item,
            vec![card.clone()],
            Some("Incomplete: the input shows only some members of this union (`Card`); a value of another object type is an `UnseenMember`, its `__typename` and fields as received.\nKnown from page.txt:7, where it is first used: the kind was inferred by abstract-example (high confidence): 1; 2; 3; and 2 more."),
        );

        let mut node = TypeDef::new("Node", TypeKind::Interface, Provenance::default());
        node.incomplete = true;
        let mut user = card;
        user.name = "User".into();
        user.interfaces.push("Node".into());
        check_note(
            node.clone(),
            vec![user],
            Some("Incomplete: the input shows none of this interface's fields and only some of the object types that implement it (`User`); a value of another object type is an `UnseenMember`, its `__typename` and fields as received.\nKnown from the input."),
        );
        check_note(
            node,
            Vec::new(),
            Some("Incomplete: the input shows none of this interface's fields and no object type that implements it; a value of another object type is an `UnseenMember`, its `__typename` and fields as received.\nKnown from the input."),
        );
    }
}
