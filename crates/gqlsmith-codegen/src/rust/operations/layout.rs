//! The layout of the `rust-operations` output: each construct the templates print, finished in
//! rustfmt's layout (`max_width = 100`, edition 2021), so the files are `rustfmt --check` clean
//! as written and no formatter runs at generate time.
//!
//! Each function lays out one construct at a given indentation and returns its lines, each
//! ending in a newline. A construct that fits on its line is printed on one line; one that does
//! not is broken where rustfmt breaks it; one that fits in none of rustfmt's layouts is printed
//! on one line, which is what rustfmt leaves in place when it cannot do better. The limits (a
//! few constructs stop a column or four short of 100) are rustfmt's own, measured, and the
//! tests check every function against the real `rustfmt` over a range of name lengths.

/// rustfmt's `max_width`.
const MAX_WIDTH: usize = 100;

/// One level of indentation.
const INDENT: usize = 4;

fn spaces(indent: usize) -> String {
    " ".repeat(indent)
}

/// `description` as `///` lines at `indent`; "" for none.
pub(super) fn doc(indent: usize, description: &str) -> String {
    let lines = crate::rust::escape::rust_doc(description);
    if indent == 0 || lines.is_empty() {
        return lines;
    }
    let pad = spaces(indent);
    let mut out = String::with_capacity(lines.len() + pad.len() * 4);
    for line in lines.split_inclusive('\n') {
        out.push_str(&pad);
        out.push_str(line);
    }
    out
}

/// `#[name(key = value)]` on a field or variant, `value` a finished literal: on one line when
/// it fits (rustfmt stops at 99 columns here), else the pair on a line of its own, however
/// long.
pub(super) fn key_value_attribute(indent: usize, name: &str, key: &str, value: &str) -> String {
    let pad = spaces(indent);
    let one_line = format!("{pad}#[{name}({key} = {value})]\n");
    if one_line.len() - 1 < MAX_WIDTH {
        return one_line;
    }
    let inner = spaces(indent + INDENT);
    format!("{pad}#[{name}(\n{inner}{key} = {value}\n{pad})]\n")
}

/// `#[derive(...)]` of `derives` (`Debug, Clone`): on one line when it fits (rustfmt stops at
/// 96 columns here), else the list on one line of its own with a trailing comma, else one
/// derive a line.
pub(super) fn derive_attribute(indent: usize, derives: &str) -> String {
    let pad = spaces(indent);
    if indent + "#[derive(".len() + derives.len() + ")]".len() <= MAX_WIDTH - 4 {
        return format!("{pad}#[derive({derives})]\n");
    }
    let inner = spaces(indent + INDENT);
    if indent + INDENT + derives.len() <= MAX_WIDTH {
        return format!("{pad}#[derive(\n{inner}{derives},\n{pad})]\n");
    }
    let mut out = format!("{pad}#[derive(\n");
    for derive in derives.split(", ") {
        out.push_str(&format!("{inner}{derive},\n"));
    }
    out.push_str(&format!("{pad})]\n"));
    out
}

/// The opening line of a struct or enum with a body (`pub struct Name {`): the brace goes on
/// the next line when the line would be too long.
pub(super) fn item_header(indent: usize, head: &str) -> String {
    let pad = spaces(indent);
    if indent + head.len() + " {".len() <= MAX_WIDTH {
        format!("{pad}{head} {{\n")
    } else {
        format!("{pad}{head}\n{pad}{{\n")
    }
}

/// The opening of an `impl` block at the top level, `{head} for {ty} {` (`head` is
/// `impl Trait`): when too long, `for {ty}` goes on a line of its own and the brace on the
/// next one (when that fits).
pub(super) fn impl_header(head: &str, ty: &str) -> String {
    let one_line = format!("{head} for {ty} {{\n");
    if fits(&one_line) {
        return one_line;
    }
    if INDENT + "for ".len() + ty.len() <= MAX_WIDTH {
        return format!("{head}\n    for {ty}\n{{\n");
    }
    one_line
}

/// `{lhs} = {rhs};` with `rhs` an expression that cannot break (a literal): on one line when
/// it fits, else `rhs` on the next line, indented (when it fits there). A literal that spans
/// lines stays where it starts.
pub(super) fn assignment(indent: usize, lhs: &str, rhs: &str) -> String {
    let pad = spaces(indent);
    let one_line = format!("{pad}{lhs} = {rhs};\n");
    if rhs.contains('\n') || fits(&one_line) {
        return one_line;
    }
    let next_line = format!("{pad}{lhs} =\n{}{rhs};\n", spaces(indent + INDENT));
    if fits(&next_line) {
        next_line
    } else {
        one_line
    }
}

/// A struct field, `{prefix}: {ty},` (`prefix` is `pub name` or `name`), laid out as rustfmt
/// lays out the right-hand side of an assignment: on the line when it fits there, else on the
/// next line, else broken at its generic arguments, whichever rustfmt prefers.
pub(super) fn struct_field(indent: usize, prefix: &str, ty: &str) -> String {
    let pad = spaces(indent);
    let one_line = format!("{pad}{prefix}: {ty},\n");
    if fits(&one_line) {
        return one_line;
    }
    let parsed = TypeTree::parse(ty);
    // The width left for the type after `{prefix}: ` and before `,`.
    let used = indent + prefix.len() + ": ".len() + ",".len();
    let same_line = MAX_WIDTH
        .checked_sub(used)
        .and_then(|width| parsed.as_ref()?.rewrite(indent, width));
    let next_indent = indent + INDENT;
    let next_line = parsed
        .as_ref()
        .and_then(|tree| tree.rewrite(next_indent, MAX_WIDTH - next_indent - 1));
    let chosen = match (same_line, next_line) {
        (Some(same), Some(next)) if prefers_next_line(&same, &next) => Placement::NextLine(next),
        (None, Some(next)) => Placement::NextLine(next),
        (Some(same), _) => Placement::SameLine(same),
        (None, None) => return one_line,
    };
    match chosen {
        Placement::SameLine(ty) => format!("{pad}{prefix}: {ty},\n"),
        Placement::NextLine(ty) => format!("{pad}{prefix}:\n{}{ty},\n", spaces(next_indent)),
    }
}

/// A tuple variant `{name}({ty}),`: its field on a line of its own when the line is too long.
pub(super) fn tuple_variant(indent: usize, name: &str, ty: &str) -> String {
    let pad = spaces(indent);
    let one_line = format!("{pad}{name}({ty}),\n");
    if fits(&one_line) {
        return one_line;
    }
    let broken = format!("{pad}{name}(\n{}{ty},\n{pad}),\n", spaces(indent + INDENT));
    if fits(&broken) {
        broken
    } else {
        one_line
    }
}

/// `if typename == {literal} {`: too long, the brace goes on the next line, then the
/// comparison breaks before `==`.
pub(super) fn typename_condition(indent: usize, literal: &str) -> String {
    let pad = spaces(indent);
    let one_line = format!("{pad}if typename == {literal} {{\n");
    if fits(&one_line) {
        return one_line;
    }
    let condition = format!("{pad}if typename == {literal}\n");
    if fits(&condition) {
        return format!("{condition}{pad}{{\n");
    }
    let operand = format!("{}== {literal}\n", spaces(indent + INDENT));
    if fits(&operand) {
        return format!("{pad}if typename\n{operand}{pad}{{\n");
    }
    one_line
}

/// `return super::part(&raw).map(Self::{variant});`: too long (rustfmt stops at 99 columns
/// in a chain), `.map` goes on the next line, then its argument.
pub(super) fn return_variant(indent: usize, variant: &str) -> String {
    let pad = spaces(indent);
    let inner = spaces(indent + INDENT);
    let one_line = format!("{pad}return super::part(&raw).map(Self::{variant});\n");
    if one_line.len() - 1 < MAX_WIDTH {
        return one_line;
    }
    let chained = format!("{inner}.map(Self::{variant});\n");
    if chained.len() - 1 < MAX_WIDTH {
        return format!("{pad}return super::part(&raw)\n{chained}");
    }
    let argument = format!("{inner}Self::{variant},\n");
    if fits(&argument) {
        return format!("{pad}return super::part(&raw).map(\n{argument}{pad});\n");
    }
    one_line
}

/// `{name}: fields.{name},` in a struct expression: too long, `.{name}` goes on the next
/// line (rustfmt stops at 99 columns for the first line of a chain).
pub(super) fn field_from_fields(indent: usize, name: &str) -> String {
    let pad = spaces(indent);
    let one_line = format!("{pad}{name}: fields.{name},\n");
    if fits(&one_line) {
        return one_line;
    }
    let first = format!("{pad}{name}: fields\n");
    let second = format!("{}.{name},\n", spaces(indent + INDENT));
    if first.len() - 1 < MAX_WIDTH && fits(&second) {
        return format!("{first}{second}");
    }
    one_line
}

/// `{name}: {call}(&raw){suffix},` in a struct expression (`super::part(&raw)?`): too long,
/// the call's argument goes on a line of its own, then the whole expression on the next line.
pub(super) fn field_from_call(indent: usize, name: &str, call: &str, suffix: &str) -> String {
    let pad = spaces(indent);
    let one_line = format!("{pad}{name}: {call}(&raw){suffix},\n");
    if fits(&one_line) {
        return one_line;
    }
    // The callee, `(` and the suffix must fit on the first line.
    let opening = format!("{pad}{name}: {call}(\n");
    if opening.len() - 1 + suffix.len() <= MAX_WIDTH {
        let inner = spaces(indent + INDENT);
        return format!("{opening}{inner}&raw,\n{pad}){suffix},\n");
    }
    // The name and `:` must leave room for the trailing comma.
    if indent + name.len() + ": ".len() < MAX_WIDTH {
        return format!(
            "{pad}{name}:\n{}{call}(&raw){suffix},\n",
            spaces(indent + INDENT)
        );
    }
    one_line
}

/// True when every line of `text` is at most [`MAX_WIDTH`] columns.
fn fits(text: &str) -> bool {
    text.lines().all(|line| line.chars().count() <= MAX_WIDTH)
}

enum Placement {
    SameLine(String),
    NextLine(String),
}

/// rustfmt's choice between a right-hand side broken on its own line and one on the next line
/// (`prefer_next_line` in rustfmt's `expr.rs`): the next line wins when it is one line, or
/// when it saves more than one line.
fn prefers_next_line(same_line: &str, next_line: &str) -> bool {
    !next_line.contains('\n') || same_line.lines().count() > next_line.lines().count() + 1
}

/// A Rust type as rustfmt breaks it: a path, with generic arguments that go one a line when
/// the type does not fit. Anything else (references, tuples, arrays) is one unbreakable atom.
#[derive(Debug, PartialEq)]
enum TypeTree<'t> {
    Atom(&'t str),
    Generic {
        head: &'t str,
        arguments: Vec<TypeTree<'t>>,
    },
}

impl<'t> TypeTree<'t> {
    /// `None` when `text` is not a path with generic arguments in rustfmt's spelling
    /// (`a::B<C, D<E>>`); such a type is never broken.
    fn parse(text: &'t str) -> Option<TypeTree<'t>> {
        let Some(open) = text.find('<') else {
            return is_path(text).then_some(TypeTree::Atom(text));
        };
        let head = &text[..open];
        let inner = text[open + 1..].strip_suffix('>')?;
        if !is_path(head) {
            return None;
        }
        let mut arguments = Vec::new();
        let mut depth = 0usize;
        let mut start = 0;
        for (index, c) in inner.char_indices() {
            match c {
                '<' => depth += 1,
                '>' => depth = depth.checked_sub(1)?,
                ',' if depth == 0 => {
                    arguments.push(TypeTree::parse(inner[start..index].trim_start())?);
                    start = index + 1;
                }
                _ => {}
            }
        }
        if depth != 0 {
            return None;
        }
        arguments.push(TypeTree::parse(inner[start..].trim_start())?);
        Some(TypeTree::Generic { head, arguments })
    }

    fn one_line(&self) -> String {
        match self {
            TypeTree::Atom(text) => (*text).to_owned(),
            TypeTree::Generic { head, arguments } => {
                let arguments: Vec<String> = arguments.iter().map(TypeTree::one_line).collect();
                format!("{head}<{}>", arguments.join(", "))
            }
        }
    }

    /// The type in `width` columns on its first line, its arguments (when broken) one a line
    /// at `indent` + 4 and the closing `>` at `indent`; `None` when it cannot fit.
    fn rewrite(&self, indent: usize, width: usize) -> Option<String> {
        let one_line = self.one_line();
        if one_line.len() <= width {
            return Some(one_line);
        }
        let TypeTree::Generic { head, arguments } = self else {
            return None;
        };
        if head.len() + 1 > width {
            return None;
        }
        let inner = indent + INDENT;
        let pad = spaces(inner);
        let mut out = format!("{head}<\n");
        for argument in arguments {
            let argument = argument.rewrite(inner, MAX_WIDTH.checked_sub(inner + 1)?)?;
            out.push_str(&pad);
            out.push_str(&argument);
            out.push_str(",\n");
        }
        out.push_str(&spaces(indent));
        out.push('>');
        Some(out)
    }
}

fn is_path(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == ':')
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;
    use std::process::{Command, Stdio};

    use super::*;

    /// What rustfmt makes of `source` (edition 2021, default options).
    fn rustfmt(source: &str) -> String {
        let mut child = Command::new("rustfmt")
            .args(["--edition", "2021", "--emit", "stdout", "--quiet"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("rustfmt runs (rustup component add rustfmt)");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(source.as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "rustfmt failed on\n{source}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Lays out `build(name)` for names of every length in `lengths` (all in one file, so
    /// rustfmt runs once), and checks that rustfmt leaves each as it is.
    #[track_caller]
    fn check_against_rustfmt(
        lengths: std::ops::RangeInclusive<usize>,
        build: impl Fn(&str) -> String,
    ) {
        let cases: Vec<String> = lengths.map(|length| build(&"a".repeat(length))).collect();
        let source = cases.join("\n");
        if rustfmt(&source) != source {
            // Find the first case that differs, to show it alone.
            for case in &cases {
                assert_eq!(&rustfmt(case), case, "rustfmt lays this out otherwise");
            }
            assert_eq!(rustfmt(&source), source);
        }
    }

    /// `body` (lines at `indent`) inside as many blocks as it takes to be at `indent`.
    fn nested(indent: usize, body: &str) -> String {
        let levels = indent / INDENT;
        let mut out = String::new();
        for level in 0..levels {
            out.push_str(&spaces(level * INDENT));
            out.push_str(if level == 0 { "fn f() {\n" } else { "{\n" });
        }
        out.push_str(body);
        for level in (0..levels).rev() {
            out.push_str(&spaces(level * INDENT));
            out.push_str("}\n");
        }
        out
    }

    #[test]
    fn attributes_break_as_rustfmt_breaks_them() {
        for indent in [4, 12] {
            let outer = spaces(indent - 4);
            check_against_rustfmt(1..=110, |name| {
                let attribute =
                    key_value_attribute(indent, "serde", "rename", &format!("{name:?}"));
                let field = format!(
                    "{outer}struct A {{\n{attribute}{}a: i32,\n{outer}}}\n",
                    spaces(indent)
                );
                let variant = format!(
                    "{outer}enum B {{\n{attribute}{}B,\n{outer}}}\n",
                    spaces(indent)
                );
                nested(indent - 4, &format!("{field}{variant}"))
            });
        }
        for indent in [0, 4, 12] {
            check_against_rustfmt(1..=110, |name| {
                let derives = format!("Debug, Clone, PartialEq, serde::Serialize, {name}");
                let attribute = derive_attribute(indent, &derives);
                nested(indent, &format!("{attribute}{}struct A;\n", spaces(indent)))
            });
        }
        assert_eq!(
            key_value_attribute(4, "deprecated", "note", "\"Use `name`.\""),
            "    #[deprecated(note = \"Use `name`.\")]\n"
        );
    }

    #[test]
    fn headers_break_as_rustfmt_breaks_them() {
        check_against_rustfmt(60..=110, |name| {
            format!(
                "{}    a: i32,\n}}\n{}    A,\n}}\n",
                item_header(0, &format!("pub struct {name}")),
                item_header(0, &format!("pub enum {name}"))
            )
        });
        check_against_rustfmt(40..=110, |name| {
            format!(
                "{}    type Data = Data;\n}}\n{}    fn f() {{}}\n}}\n",
                impl_header("impl super::Operation", name),
                impl_header("impl<'de> serde::Deserialize<'de>", name)
            )
        });
    }

    #[test]
    fn assignments_break_after_the_equals_sign() {
        check_against_rustfmt(40..=110, |name| {
            format!(
                "impl A for B {{\n{}}}\n{}",
                assignment(4, "const NAME: &'static str", &format!("{name:?}")),
                assignment(
                    0,
                    "pub const QUERY: &str",
                    &format!("r#\"query {name} {{ a }}\"#")
                )
            )
        });
        let multi_line = format!("r#\"query {} {{\n  a\n}}\"#", "a".repeat(100));
        assert_eq!(
            assignment(0, "pub const QUERY: &str", &multi_line),
            format!("pub const QUERY: &str = {multi_line};\n")
        );
    }

    #[test]
    fn fields_break_as_rustfmt_breaks_them() {
        for indent in [4, 12] {
            for ty in [
                "Option<Vec<Option<super::{}>>>",
                "Vec<{}>",
                "{}",
                "std::collections::BTreeMap<String, Vec<{}>>",
            ] {
                check_against_rustfmt(1..=110, |name| {
                    let upper = name.to_uppercase();
                    let field = struct_field(indent, "pub abcdefghij", &ty.replace("{}", &upper));
                    nested(
                        indent - 4,
                        &format!(
                            "{}struct A {{\n{field}{}}}\n",
                            spaces(indent - 4),
                            spaces(indent - 4)
                        ),
                    )
                });
                check_against_rustfmt(1..=110, |name| {
                    let field = struct_field(
                        indent,
                        &format!("pub {name}"),
                        &ty.replace("{}", "Abcdefghij"),
                    );
                    nested(
                        indent - 4,
                        &format!(
                            "{}struct A {{\n{field}{}}}\n",
                            spaces(indent - 4),
                            spaces(indent - 4)
                        ),
                    )
                });
            }
        }
    }

    #[test]
    fn variants_and_deserializers_break_as_rustfmt_breaks_them() {
        check_against_rustfmt(1..=110, |name| {
            format!(
                "pub enum A {{\n{}{}}}\n",
                tuple_variant(4, name, "Abcdefghijklmnopqrst"),
                tuple_variant(4, "Abcdefghijklmnopqrst", name)
            )
        });
        check_against_rustfmt(1..=110, |name| {
            nested(
                8,
                &format!(
                    "{}{}        }}\n{}{}        }}\n        Ok(Self {{\n{}{}{}        }})\n",
                    typename_condition(8, &format!("{name:?}")),
                    return_variant(12, "Abc"),
                    typename_condition(8, "\"Abc\""),
                    return_variant(12, name),
                    field_from_fields(12, name),
                    field_from_call(12, name, "super::part", "?"),
                    field_from_call(12, name, "super::optional_part", ""),
                ),
            )
        });
    }

    #[test]
    fn docs_are_indented_line_by_line() {
        assert_eq!(
            doc(4, "One.\n\nTwo."),
            "    /// One.\n    ///\n    /// Two.\n"
        );
        assert_eq!(doc(0, "One."), "/// One.\n");
        assert_eq!(doc(4, ""), "");
    }

    #[test]
    fn types_parse_into_paths_and_arguments() {
        assert_eq!(
            TypeTree::parse("Option<Vec<a::B>>"),
            Some(TypeTree::Generic {
                head: "Option",
                arguments: vec![TypeTree::Generic {
                    head: "Vec",
                    arguments: vec![TypeTree::Atom("a::B")]
                }]
            })
        );
        assert_eq!(TypeTree::parse("&'static str"), None);
        assert_eq!(TypeTree::parse("Vec<(A, B)>"), None);
        assert_eq!(TypeTree::parse("A<B"), None);
    }
}
