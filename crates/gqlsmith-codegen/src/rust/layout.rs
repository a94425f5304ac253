//! rustfmt's layout, computed while generating: the few constructs the `rust-client` and
//! `rust-server` templates print (types, struct fields, attributes, derives, function
//! signatures, the glue's calls, consts and match arms), each laid out exactly as
//! `rustfmt --edition 2021` with
//! its default configuration (max_width 100, block indent 4) would, so that the output passes
//! `rustfmt --check` without a formatter in the generate path.
//!
//! The functions follow rustfmt's own (`src/types.rs`, `src/overflow.rs`, `src/lists.rs`,
//! `src/attr.rs`, `src/items.rs`, `src/expr.rs`), restricted to the shapes generated code has.
//! Widths are display widths, as rustfmt measures them.

use unicode_width::UnicodeWidthStr;

/// rustfmt's `max_width`.
pub(crate) const MAX_WIDTH: usize = 100;
/// rustfmt's `tab_spaces`.
const INDENT: usize = 4;
/// rustfmt's `attr_fn_like_width` (60% of `max_width` is `fn_call_width`, 70% this).
const ATTR_FN_LIKE_WIDTH: usize = 70;
/// rustfmt's `fn_call_width`.
const FN_CALL_WIDTH: usize = 60;
/// rustfmt's `chain_width`.
const CHAIN_WIDTH: usize = 60;

/// Where a rewrite may go: `width` columns, starting `offset` columns after the block
/// indentation `indent` (rustfmt's `Shape`, without visual alignment).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shape {
    width: usize,
    indent: usize,
    offset: usize,
}

impl Shape {
    /// A whole line at block indentation `indent`.
    pub(crate) fn indented(indent: usize) -> Shape {
        Shape {
            width: MAX_WIDTH.saturating_sub(indent),
            indent,
            offset: 0,
        }
    }

    /// An item of a list that ends in a comma (struct fields, enum variants).
    pub(crate) fn list_item(indent: usize) -> Shape {
        Shape::indented(indent).sub_width(1).unwrap_or(Shape {
            width: 0,
            indent,
            offset: 0,
        })
    }

    fn offset_left(self, delta: usize) -> Option<Shape> {
        Some(Shape {
            width: self.width.checked_sub(delta)?,
            offset: self.offset + delta,
            ..self
        })
    }

    fn sub_width(self, delta: usize) -> Option<Shape> {
        Some(Shape {
            width: self.width.checked_sub(delta)?,
            ..self
        })
    }

    /// The shape of the items of a list broken over lines: one level deeper, the whole
    /// line, less the comma.
    fn nested(self) -> Shape {
        let indent = self.indent + INDENT;
        Shape {
            width: MAX_WIDTH.saturating_sub(indent).saturating_sub(1),
            indent,
            offset: 0,
        }
    }

    fn used_width(self) -> usize {
        self.indent + self.offset
    }
}

/// A Rust type as generated code spells it: a path with generic arguments on its last
/// segment, or text that is printed as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RustType {
    /// `path<args>`; `path<>` is never printed (no args: just `path`).
    Path { path: String, args: Vec<RustType> },
    /// `i32`, `&::async_graphql::Context<'_>`: never broken.
    Text(String),
    /// `impl A + B`: broken before each `+` when it does not fit.
    Impl(Vec<String>),
}

impl RustType {
    pub(crate) fn text(text: impl Into<String>) -> RustType {
        RustType::Text(text.into())
    }

    pub(crate) fn generic(path: &str, arg: RustType) -> RustType {
        RustType::Path {
            path: path.to_owned(),
            args: vec![arg],
        }
    }

    /// Reads a type the user wrote (a scalar mapping): paths with generic arguments are
    /// laid out like generated ones, with rustfmt's spacing; anything else is kept as text
    /// with its whitespace collapsed.
    pub(crate) fn parse(text: &str) -> RustType {
        let compact: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        parse_path(&compact).unwrap_or(RustType::Text(compact))
    }

    /// The type on one line.
    pub(crate) fn one_line(&self) -> String {
        let mut out = String::new();
        self.write_one_line(&mut out);
        out
    }

    fn write_one_line(&self, out: &mut String) {
        match self {
            RustType::Text(text) => out.push_str(text),
            RustType::Impl(bounds) => {
                out.push_str("impl ");
                out.push_str(&bounds.join(" + "));
            }
            RustType::Path { path, args } => {
                out.push_str(path);
                if !args.is_empty() {
                    out.push('<');
                    for (index, arg) in args.iter().enumerate() {
                        if index > 0 {
                            out.push_str(", ");
                        }
                        arg.write_one_line(out);
                    }
                    out.push('>');
                }
            }
        }
    }

    /// The type in `shape`, broken at its generic arguments as rustfmt breaks it; `None`
    /// when rustfmt could not fit it either.
    fn rewrite(&self, shape: Shape) -> Option<String> {
        match self {
            RustType::Text(text) => (width(text) <= shape.width).then(|| text.clone()),
            RustType::Impl(bounds) => {
                // rustfmt measures the bounds without `impl ` against the whole width.
                if width(&bounds.join(" + ")) <= shape.width {
                    return Some(self.one_line());
                }
                // rustfmt's bounds: each `+ bound` on its own line, one level deeper.
                let mut out = format!("impl {}", bounds.first()?);
                for bound in &bounds[1..] {
                    out.push('\n');
                    out.push_str(&spaces(shape.indent + INDENT));
                    out.push_str("+ ");
                    out.push_str(bound);
                }
                Some(out)
            }
            RustType::Path { path, args } if args.is_empty() => {
                (width(path) <= shape.width).then(|| path.clone())
            }
            RustType::Path { path, args } => {
                let shape = shape.offset_left(width(path))?;
                let items: Vec<String> = args
                    .iter()
                    .map(|arg| arg.rewrite(shape.nested()))
                    .collect::<Option<_>>()?;
                // Generic arguments: `rewrite_with_angle_brackets`, whose item limit is the
                // whole line.
                let one_line_width = shape.width.saturating_sub(2);
                let horizontal = fits_horizontally(&items, one_line_width.min(MAX_WIDTH));
                Some(format!(
                    "{path}{}",
                    wrap_list(&items, horizontal, shape, ("<", ">"), true)
                ))
            }
        }
    }
}

/// `a::b::C<D, E<F>>` as a `RustType::Path`, if `text` is one (no spaces outside the
/// arguments, balanced brackets).
fn parse_path(text: &str) -> Option<RustType> {
    let text = text.trim();
    let Some(open) = text.find('<') else {
        return is_plain_path(text).then(|| RustType::Text(text.to_owned()));
    };
    let path = text[..open].trim();
    let inner = text[open + 1..].strip_suffix('>')?;
    if !is_plain_path(path) {
        return None;
    }
    let mut args = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (index, c) in inner.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth = depth.checked_sub(1)?,
            ',' if depth == 0 => {
                args.push(parse_path(&inner[start..index])?);
                start = index + 1;
            }
            _ => {}
        }
    }
    if depth != 0 {
        return None;
    }
    let last = inner[start..].trim();
    if !last.is_empty() {
        args.push(parse_path(last)?);
    }
    Some(RustType::Path {
        path: path.to_owned(),
        args,
    })
}

fn is_plain_path(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == ':' || c == '\'')
}

/// Display width, as rustfmt counts it.
fn width(text: &str) -> usize {
    // Generated code is printable ASCII but for descriptions in string literals: there a
    // byte is a column (control characters, which unicode-width measures its own way, take
    // the slow path).
    if text
        .bytes()
        .all(|byte| byte.is_ascii_graphic() || byte == b' ')
    {
        text.len()
    } else {
        UnicodeWidthStr::width(text)
    }
}

fn first_line_width(text: &str) -> usize {
    width(text.split('\n').next().unwrap_or(""))
}

fn last_line_width(text: &str) -> usize {
    width(text.rsplit('\n').next().unwrap_or(""))
}

/// rustfmt's `definitive_tactic` for a list whose one-line budget is `limit`.
fn fits_horizontally(items: &[String], limit: usize) -> bool {
    let total: usize =
        items.iter().map(|item| width(item)).sum::<usize>() + 2 * items.len().saturating_sub(1);
    total <= limit && !items.iter().any(|item| item.contains('\n'))
}

/// rustfmt's `write_list` + `wrap_items` for a list between `delimiters` after whatever
/// `shape` starts behind: on one line, or one item per line at the nested indentation.
fn wrap_list(
    items: &[String],
    horizontal: bool,
    shape: Shape,
    (open, close): (&str, &str),
    trailing_comma: bool,
) -> String {
    if horizontal {
        let joined = items.join(", ");
        // `wrap_items`: a horizontal list stays on the line when its first line fits.
        let extend_width = if joined.is_empty() {
            2
        } else {
            first_line_width(&joined) + 1
        };
        if extend_width <= shape.width {
            return format!("{open}{joined}{close}");
        }
        return format!(
            "{open}\n{}{joined}\n{}{close}",
            spaces(shape.nested().indent),
            spaces(shape.indent)
        );
    }
    let nested = spaces(shape.nested().indent);
    let mut out = String::from(open);
    for (index, item) in items.iter().enumerate() {
        out.push('\n');
        out.push_str(&nested);
        out.push_str(item);
        if index + 1 < items.len() || trailing_comma {
            out.push(',');
        }
    }
    out.push('\n');
    out.push_str(&spaces(shape.indent));
    out.push_str(close);
    out
}

fn spaces(count: usize) -> String {
    " ".repeat(count)
}

/// An attribute argument: `name = "literal"`, a word, or a nested list `name(args)`.
#[derive(Debug, Clone)]
pub(crate) enum Meta {
    NameValue(&'static str, String),
    Word(String),
    List(&'static str, Vec<Meta>),
}

impl Meta {
    /// `name = value`, where `value` is Rust literal text (a quoted string).
    pub(crate) fn name_value(name: &'static str, value: String) -> Meta {
        Meta::NameValue(name, value)
    }

    /// rustfmt's `MetaItem::rewrite`.
    fn rewrite(&self, shape: Shape) -> Option<String> {
        match self {
            Meta::Word(word) => (width(word) <= shape.width).then(|| word.clone()),
            Meta::NameValue(name, value) => {
                // A literal is never broken: rustfmt keeps it even when it is too long.
                shape.sub_width(width(name) + 3)?;
                Some(format!("{name} = {value}"))
            }
            Meta::List(name, items) => rewrite_meta_list(name, items, shape.sub_width(0)?),
        }
    }
}

/// rustfmt's `overflow::rewrite_with_parens` for an attribute's argument list (no trailing
/// comma, items up to `attr_fn_like_width` on one line).
fn rewrite_meta_list(name: &str, items: &[Meta], shape: Shape) -> Option<String> {
    let used = width(name);
    let one_line_width = shape.width.saturating_sub(used + 2);
    let one_line_shape = shape
        .offset_left(used + 1)
        .and_then(|shape| shape.sub_width(1))
        .unwrap_or(Shape { width: 0, ..shape });
    let nested = shape.nested();
    let mut rewritten: Vec<String> = items
        .iter()
        .map(|item| item.rewrite(nested))
        .collect::<Option<_>>()?;
    let limit = one_line_width.min(ATTR_FN_LIKE_WIDTH);
    // A single meta item may overflow: its first line is measured with the others.
    let overflowed = (items.len() == 1)
        .then(|| items[0].rewrite(one_line_shape))
        .flatten();
    let horizontal = match &overflowed {
        Some(overflowed) => {
            let first_line = overflowed.split('\n').next().unwrap_or("").to_owned();
            if fits_horizontally(std::slice::from_ref(&first_line), limit) {
                if overflowed.matches('\n').count() == 1 && !rewritten[0].contains('\n') {
                    // rewritten[0] is the nested rewrite, on one line.
                } else {
                    rewritten[0] = overflowed.clone();
                }
                true
            } else {
                single_or_limited(&rewritten, one_line_width, limit)
            }
        }
        None => single_or_limited(&rewritten, one_line_width, limit),
    };
    let shape = Shape {
        width: shape.width.saturating_sub(used),
        ..shape
    };
    Some(format!(
        "{name}{}",
        wrap_list(&rewritten, horizontal, shape, ("(", ")"), false)
    ))
}

/// The tactic of a list that did not overflow: a single item on one line when it fits the
/// line, otherwise horizontal only within `limit`.
fn single_or_limited(items: &[String], one_line_width: usize, limit: usize) -> bool {
    if items.len() == 1
        && one_line_width != 0
        && !items[0].contains('\n')
        && width(&items[0]) <= one_line_width
    {
        return true;
    }
    fits_horizontally(items, limit)
}

/// An outer attribute `#[path(args)]` at `shape` (its own line), laid out as rustfmt does;
/// when rustfmt could not format it either, on one line as written.
pub(crate) fn attribute(shape: Shape, path: &'static str, args: Vec<Meta>) -> String {
    let meta = Meta::List(path, args);
    let rewritten = shape
        .offset_left(2)
        .and_then(|shape| shape.sub_width(1))
        .and_then(|shape| meta.rewrite(shape));
    match rewritten {
        Some(text) => format!("#[{text}]"),
        None => format!("#[{}]", one_line_meta(&meta)),
    }
}

fn one_line_meta(meta: &Meta) -> String {
    match meta {
        Meta::Word(word) => word.clone(),
        Meta::NameValue(name, value) => format!("{name} = {value}"),
        Meta::List(name, items) => format!(
            "{name}({})",
            items
                .iter()
                .map(one_line_meta)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// `#[derive(...)]` at `shape`, as rustfmt's `format_derive` lays it out (a trailing comma
/// when broken).
pub(crate) fn derive(shape: Shape, derives: &[String]) -> String {
    let argument_width = MAX_WIDTH.saturating_sub(shape.indent + INDENT);
    let one_line_budget = shape
        .width
        .saturating_sub("#[derive()]".len() + "()]".len());
    let horizontal = fits_horizontally(derives, argument_width);
    let nested = spaces(shape.indent + INDENT);
    if horizontal {
        let joined = derives.join(", ");
        if joined.len() < one_line_budget {
            return format!("#[derive({joined})]");
        }
        return format!("#[derive(\n{nested}{joined},\n{})]", spaces(shape.indent));
    }
    let mut out = String::from("#[derive(");
    for derive in derives {
        out.push('\n');
        out.push_str(&nested);
        out.push_str(derive);
        out.push(',');
    }
    out.push('\n');
    out.push_str(&spaces(shape.indent));
    out.push_str(")]");
    out
}

/// `prefix ty` where `prefix` ends in `:` or `=` (a struct field `pub name:`, a type alias
/// `pub type Name =`), in `shape`: on one line, or the type broken or moved to the next line
/// as rustfmt's `rewrite_assign_rhs` decides.
pub(crate) fn assignment(shape: Shape, prefix: &str, ty: &RustType) -> String {
    let prefix_width = width(prefix);
    let same_line_shape = shape.offset_left(prefix_width + 1);
    let same_line = same_line_shape.and_then(|shape| ty.rewrite(shape));
    if let Some(same_line) = &same_line {
        if !same_line.contains('\n') {
            return format!("{prefix} {same_line}");
        }
    }
    // `choose_rhs`: the type on the next line, one level deeper.
    let rhs_overhead = same_line_shape.map_or(0, |same_line_shape| {
        MAX_WIDTH.saturating_sub(same_line_shape.used_width() + same_line_shape.width)
    });
    let next_line_shape = Shape::indented(shape.indent + INDENT).sub_width(rhs_overhead);
    let next_line = next_line_shape.and_then(|shape| ty.rewrite(shape));
    let next_line_text = |next: &str| format!("{prefix}\n{}{next}", spaces(shape.indent + INDENT));
    match (same_line, next_line, next_line_shape) {
        (Some(same), Some(next), Some(next_shape)) => {
            if !fits(&next, next_shape) {
                format!("{prefix} {same}")
            } else if !next.contains('\n')
                || same.matches('\n').count() > next.matches('\n').count() + 1
            {
                next_line_text(&next)
            } else {
                format!("{prefix} {same}")
            }
        }
        (None, Some(next), _) => next_line_text(&next),
        (Some(same), _, _) => format!("{prefix} {same}"),
        (None, None, _) => format!("{prefix} {}", ty.one_line()),
    }
}

/// rustfmt's `filtered_str_fits`.
fn fits(text: &str, shape: Shape) -> bool {
    if first_line_width(text) > shape.width {
        return false;
    }
    if !text.contains('\n') {
        return true;
    }
    if text.split('\n').skip(1).any(|line| width(line) > MAX_WIDTH) {
        return false;
    }
    last_line_width(text) <= shape.used_width() + shape.width
}

/// A parameter of a function signature: `name: ty`, optionally after an attribute.
pub(crate) struct Param {
    pub(crate) attribute: Option<(&'static str, Vec<Meta>)>,
    pub(crate) name: String,
    pub(crate) ty: RustType,
}

impl Param {
    pub(crate) fn new(name: impl Into<String>, ty: RustType) -> Param {
        Param {
            attribute: None,
            name: name.into(),
            ty,
        }
    }

    /// rustfmt's `Param::rewrite` in `shape`: the attribute and the name on one line when
    /// they fit, then the type in what is left of the line; when the type does not fit
    /// there, the name on the next line.
    fn rewrite(&self, shape: Shape) -> Option<String> {
        if self.name.ends_with("self") {
            // A receiver: `&self`.
            return Some(self.name.clone());
        }
        let type_in = |head: &str| {
            let rest = shape.width.checked_sub(last_line_width(head))?;
            self.ty.rewrite(Shape {
                width: rest,
                indent: shape.indent,
                offset: 0,
            })
        };
        let Some((path, args)) = &self.attribute else {
            let head = format!("{}: ", self.name);
            return type_in(&head).map(|ty| format!("{head}{ty}"));
        };
        let attribute = attribute(shape, path, args.clone());
        let head = if !attribute.contains('\n')
            && width(&attribute) + 1 + width(&self.name) <= shape.width
        {
            format!("{attribute} {}: ", self.name)
        } else {
            format!("{attribute}\n{}{}: ", spaces(shape.indent), self.name)
        };
        if let Some(ty) = type_in(&head) {
            return Some(format!("{head}{ty}"));
        }
        let head = format!("{attribute}\n{}{}: ", spaces(shape.indent), self.name);
        type_in(&head).map(|ty| format!("{head}{ty}"))
    }
}

/// How a function signature ends: `;` in a trait, ` {` before a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SignatureEnd {
    Semicolon,
    Brace,
}

/// A function signature `{head}(params) -> ret` at block indentation `indent`, with its
/// end (`;` or ` {`), as rustfmt's `rewrite_fn_base` lays it out. `head` is everything
/// before the parenthesis (`pub async fn name`).
pub(crate) fn signature(
    indent: usize,
    head: &str,
    params: &[Param],
    ret: Option<&RustType>,
    end: SignatureEnd,
) -> String {
    let ret = ret.map(|ret| ReturnType::new(indent, ret));
    signature_returning(indent, head, params, ret.as_ref(), end)
}

/// A return type laid out for signatures at one indentation: signatures that return the same
/// type (a trait method and the glue method that calls it) lay it out once.
pub(crate) struct ReturnType<'ty> {
    ty: &'ty RustType,
    /// `-> Type`, laid out behind the parameters' closing parenthesis.
    text: String,
}

impl<'ty> ReturnType<'ty> {
    pub(crate) fn new(indent: usize, ty: &'ty RustType) -> ReturnType<'ty> {
        let text = Shape::indented(indent)
            .offset_left(3)
            .and_then(|shape| ty.rewrite(shape))
            .map(|text| format!("-> {text}"))
            .unwrap_or_else(|| format!("-> {}", ty.one_line()));
        ReturnType { ty, text }
    }
}

/// [`signature`] with its return type laid out by [`ReturnType::new`] at the same `indent`.
pub(crate) fn signature_returning(
    indent: usize,
    head: &str,
    params: &[Param],
    ret: Option<&ReturnType<'_>>,
    end: SignatureEnd,
) -> String {
    signature_with(indent, head, &LaidOutParams::new(indent, params), ret, end)
}

/// The parameters of signatures at one indentation, each laid out on its own line as a
/// broken signature would print it: functions with the same parameters (the glue functions
/// of one object) lay them out once.
pub(crate) struct LaidOutParams(Vec<String>);

impl LaidOutParams {
    pub(crate) fn new(indent: usize, params: &[Param]) -> LaidOutParams {
        let param_indent = indent + INDENT;
        let param_shape = Shape {
            width: MAX_WIDTH.saturating_sub(param_indent + 1),
            indent: param_indent,
            offset: 0,
        };
        LaidOutParams(
            params
                .iter()
                .map(|param| {
                    param
                        .rewrite(param_shape)
                        .unwrap_or_else(|| format!("{}: {}", param.name, param.ty.one_line()))
                })
                .collect(),
        )
    }
}

/// [`signature_returning`] with its parameters laid out by [`LaidOutParams::new`] at the same
/// `indent`.
pub(crate) fn signature_with(
    indent: usize,
    head: &str,
    params: &LaidOutParams,
    ret: Option<&ReturnType<'_>>,
    end: SignatureEnd,
) -> String {
    let ret_str = ret.map(|ret| ret.text.as_str());
    let ret = ret.map(|ret| ret.ty);
    let multi_line_ret = ret_str.is_some_and(|ret| ret.contains('\n'));
    let ret_len = match ret_str {
        Some(ret) if !multi_line_ret => width(ret),
        _ => 0,
    };
    // `compute_budgets_for_params`.
    let one_line_budget = if multi_line_ret {
        0
    } else {
        let overhead = if ret_len == 0 { 2 } else { 3 };
        let end_width = match end {
            SignatureEnd::Semicolon => 1,
            SignatureEnd::Brace => 2,
        };
        MAX_WIDTH.saturating_sub(indent + width(head) + ret_len + overhead + end_width)
    };
    let param_indent = indent + INDENT;
    let rewritten = &params.0;
    let horizontal = one_line_budget > 0 && fits_horizontally(rewritten, one_line_budget);
    let mut out = format!("{head}(");
    let in_block = if horizontal {
        let joined = rewritten.join(", ");
        let in_block = joined.len() > one_line_budget;
        if in_block {
            out.push_str(&format!(
                "\n{}{joined}\n{})",
                spaces(param_indent),
                spaces(indent)
            ));
        } else {
            out.push_str(&joined);
            out.push(')');
        }
        in_block
    } else {
        for param in rewritten {
            out.push('\n');
            out.push_str(&spaces(param_indent));
            out.push_str(param);
            out.push(',');
        }
        out.push('\n');
        out.push_str(&spaces(indent));
        out.push(')');
        true
    };
    if let (Some(ret), Some(ret_str)) = (ret, ret_str) {
        let indent_ret = !in_block && {
            let mut length = width(&out) + indent + ret_len + 1;
            length += 2;
            length > MAX_WIDTH
        };
        if indent_ret {
            out.push('\n');
            out.push_str(&spaces(param_indent));
            let shape = Shape::indented(param_indent);
            let ty = shape
                .offset_left(3)
                .and_then(|shape| ret.rewrite(shape))
                .unwrap_or_else(|| ret.one_line());
            out.push_str(&format!("-> {ty}"));
        } else {
            out.push(' ');
            if multi_line_ret {
                let shape = Shape::indented(indent).offset_left(last_line_width(&out) + 3);
                let ty = shape
                    .and_then(|shape| ret.rewrite(shape))
                    .unwrap_or_else(|| ret.one_line());
                out.push_str(&format!("-> {ty}"));
            } else {
                out.push_str(ret_str);
            }
        }
    }
    match end {
        SignatureEnd::Semicolon => out.push(';'),
        // `rewrite_fn`: the brace goes on its own line when it does not fit on the last.
        SignatureEnd::Brace if last_line_width(&out) + 2 > MAX_WIDTH - indent => {
            out.push('\n');
            out.push_str(&spaces(indent));
            out.push('{');
        }
        SignatureEnd::Brace => out.push_str(" {"),
    }
    out
}

/// `Ok(r.method(args))` as the one expression of a `rust-server` glue function (its body
/// at indentation 8): rustfmt keeps it on one line when the line stays under 100 columns and
/// the arguments within `fn_call_width`; otherwise it breaks the arguments one per line behind
/// `Ok(r.method(`, unless `r.method(` passes `chain_width`, when `r.method(` moves to its own
/// line inside `Ok(`. (Measured against rustfmt for methods 1 to 99 columns wide and 0 to 11
/// arguments; `glue_call_is_what_rustfmt_writes` in the tests checks it.)
pub(crate) fn glue_call(method: &str, args: &[String]) -> String {
    const INDENT_AT: usize = 2 * INDENT;
    let joined = args.join(", ");
    let one_line = format!("Ok(r.{method}({joined}))");
    let line_width = INDENT_AT + width(&one_line);
    let args_fit = width(&joined) <= FN_CALL_WIDTH;
    let call_head = width(method) + "r.(".len();
    let own_line_fits = INDENT_AT + INDENT + call_head < MAX_WIDTH;
    let vertical = |indent: usize| -> String {
        args.iter()
            .map(|arg| format!("{}{arg},\n", spaces(indent)))
            .collect()
    };
    let own_line = || {
        format!(
            "Ok(\n{0}r.{method}(\n{1}{0}),\n{2})",
            spaces(INDENT_AT + INDENT),
            vertical(INDENT_AT + 2 * INDENT),
            spaces(INDENT_AT)
        )
    };
    if line_width < MAX_WIDTH && args_fit {
        return one_line;
    }
    // At exactly 100 columns rustfmt prefers the call on its own line.
    if line_width == MAX_WIDTH && args_fit && own_line_fits {
        return own_line();
    }
    if call_head <= CHAIN_WIDTH {
        return format!(
            "Ok(r.{method}(\n{}{}))",
            vertical(INDENT_AT + INDENT),
            spaces(INDENT_AT)
        );
    }
    if own_line_fits {
        return own_line();
    }
    // Nothing fits: rustfmt leaves the line as written.
    one_line
}

/// `callee(args);` as a statement at `indent` (`callee` a short method path such as
/// `fields.leaf`): on one line when it fits and the arguments stay within `fn_call_width`,
/// otherwise one argument per line.
pub(crate) fn call_statement(indent: usize, callee: &str, args: &[String]) -> String {
    let joined = args.join(", ");
    let one_line = format!("{callee}({joined});");
    if indent + width(&one_line) <= MAX_WIDTH && width(&joined) <= FN_CALL_WIDTH {
        return one_line;
    }
    let mut out = format!("{callee}(\n");
    for arg in args {
        out.push_str(&format!("{}{arg},\n", spaces(indent + INDENT)));
    }
    out.push_str(&spaces(indent));
    out.push_str(");");
    out
}

/// `head = value;` (an associated const, `head` ending before ` =`) at `indent`: on one line,
/// or `value` on the next line one level deeper when only that fits.
pub(crate) fn const_item(indent: usize, head: &str, value: &str) -> String {
    let one_line = format!("{head} = {value};");
    if indent + width(&one_line) <= MAX_WIDTH {
        return one_line;
    }
    if indent + INDENT + width(value) < MAX_WIDTH {
        return format!("{head} =\n{}{value};", spaces(indent + INDENT));
    }
    one_line
}

/// A match arm `pattern(binding) => body,` at `indent`: on one line; or the body in a block
/// on the next line; or, when even `pattern(binding) => {` is too wide, the binding broken
/// out of the pattern.
pub(crate) fn match_arm(indent: usize, pattern: &str, binding: &str, body: &str) -> String {
    let one_line = format!("{pattern}({binding}) => {body},");
    if indent + width(&one_line) <= MAX_WIDTH {
        return one_line;
    }
    let block_head = format!("{pattern}({binding}) => {{");
    if indent + width(&block_head) <= MAX_WIDTH {
        return format!(
            "{block_head}\n{}{body}\n{}}}",
            spaces(indent + INDENT),
            spaces(indent)
        );
    }
    format!(
        "{pattern}(\n{}{binding},\n{}) => {body},",
        spaces(indent + INDENT),
        spaces(indent)
    )
}

/// A tuple variant `Name(Ty),` of an enum at `indent`, as rustfmt lays it out.
pub(crate) fn tuple_variant(indent: usize, name: &str, ty: &RustType) -> String {
    let shape = Shape::list_item(indent);
    let one_line = format!("{name}({})", ty.one_line());
    if width(&one_line) <= shape.width {
        return format!("{one_line},");
    }
    let field_shape = Shape::list_item(indent + INDENT);
    let field = ty.rewrite(field_shape).unwrap_or_else(|| ty.one_line());
    format!(
        "{name}(\n{}{field},\n{}),",
        spaces(indent + INDENT),
        spaces(indent)
    )
}

/// A trait header `pub trait Name: Bounds {` at column 0, as rustfmt lays it out.
pub(crate) fn trait_header(name: &str, bounds: &str) -> String {
    // rustfmt measures the bounds from a shape that already starts after `pub trait `, and
    // then counts that prefix again: the bounds stay on the line within 90 columns.
    let one_line = format!("pub trait {name}: {bounds}");
    if width(&one_line) <= MAX_WIDTH - "pub trait ".len() {
        return format!("{one_line} {{");
    }
    format!("pub trait {name}:\n{}{bounds}\n{{", spaces(INDENT))
}

/// A tuple struct `pub struct Name(field);` at column 0, as rustfmt lays it out.
pub(crate) fn tuple_struct(name: &str, field: &str) -> String {
    let one_line = format!("pub struct {name}({field});");
    if width(&one_line) <= MAX_WIDTH {
        return one_line;
    }
    format!("pub struct {name}(\n{}{field},\n);", spaces(INDENT))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option(inner: RustType) -> RustType {
        RustType::generic("::std::option::Option", inner)
    }

    fn vec(inner: RustType) -> RustType {
        RustType::generic("::std::vec::Vec", inner)
    }

    #[track_caller]
    fn check(actual: String, expect: &str) {
        assert_eq!(actual, expect, "\n--- actual ---\n{actual}");
    }

    #[test]
    fn fields_stay_on_one_line_or_move_their_type_down() {
        let shape = Shape::list_item(4);
        check(
            assignment(shape, "pub name:", &option(RustType::text("i32"))),
            "pub name: ::std::option::Option<i32>",
        );
        let long = option(vec(option(RustType::text(
            "EnterpriseAdministratorInvitation",
        ))));
        check(
            assignment(shape, "pub pending_administrator_invitations:", &long),
            // What rustfmt prints: the type does not fit on the next line either.
            "pub pending_administrator_invitations: ::std::option::Option<\n        ::std::vec::Vec<::std::option::Option<EnterpriseAdministratorInvitation>>,\n    >",
        );
    }

    #[test]
    fn a_type_that_fits_the_next_line_moves_there() {
        let ty = option(vec(RustType::text("EnterpriseAdministratorInvitation")));
        check(
            assignment(
                Shape::list_item(4),
                "pub pending_administrator_invitations_of_this_enterprise:",
                &ty,
            ),
            "pub pending_administrator_invitations_of_this_enterprise:\n        ::std::option::Option<::std::vec::Vec<EnterpriseAdministratorInvitation>>",
        );
    }

    #[test]
    fn attributes_break_after_seventy_columns_of_arguments() {
        check(
            attribute(
                Shape::list_item(4),
                "graphql",
                vec![
                    Meta::name_value("name", "\"a\"".into()),
                    Meta::name_value("deprecation", format!("\"{}\"", "b".repeat(60))),
                ],
            ),
            &format!(
                "#[graphql(\n        name = \"a\",\n        deprecation = \"{}\"\n    )]",
                "b".repeat(60)
            ),
        );
        check(
            attribute(
                Shape::list_item(4),
                "serde",
                vec![Meta::name_value(
                    "rename",
                    format!("\"{}\"", "b".repeat(74)),
                )],
            ),
            &format!("#[serde(rename = \"{}\")]", "b".repeat(74)),
        );
        check(
            attribute(
                Shape::list_item(4),
                "serde",
                vec![Meta::name_value(
                    "rename",
                    format!("\"{}\"", "b".repeat(75)),
                )],
            ),
            &format!("#[serde(\n        rename = \"{}\"\n    )]", "b".repeat(75)),
        );
    }

    #[test]
    fn derives_break_with_a_trailing_comma() {
        let derives: Vec<String> = ["Debug", "Clone", "PartialEq", "Eq", "Hash"]
            .map(String::from)
            .to_vec();
        check(
            derive(Shape::indented(0), &derives),
            "#[derive(Debug, Clone, PartialEq, Eq, Hash)]",
        );
        let many: Vec<String> = (0..12).map(|index| format!("Derive{index}")).collect();
        check(
            derive(Shape::indented(0), &many),
            &format!("#[derive(\n    {},\n)]", many.join(",\n    ")),
        );
    }

    #[test]
    fn user_types_are_read_as_paths() {
        assert_eq!(
            RustType::parse(" chrono::DateTime< chrono::Utc > ").one_line(),
            "chrono::DateTime<chrono::Utc>"
        );
        assert_eq!(RustType::parse("&'static str").one_line(), "&'static str");
        assert_eq!(
            RustType::parse("std::collections::BTreeMap<String,Vec<u8>>").one_line(),
            "std::collections::BTreeMap<String, Vec<u8>>"
        );
    }

    #[test]
    fn glue_calls_break_their_arguments_then_move_down() {
        let args = |count: usize| -> Vec<String> {
            std::iter::once("ctx".to_owned())
                .chain((0..count).map(|index| format!("ctx.arg({index})?")))
                .collect()
        };
        check(glue_call("id", &args(0)), "Ok(r.id(ctx))");
        check(
            glue_call("search", &args(5)),
            "Ok(r.search(\n            ctx,\n            ctx.arg(0)?,\n            ctx.arg(1)?,\n            ctx.arg(2)?,\n            ctx.arg(3)?,\n            ctx.arg(4)?,\n        ))",
        );
        let long = "m".repeat(60);
        check(
            glue_call(&long, &args(2)),
            &format!("Ok(\n            r.{long}(\n                ctx,\n                ctx.arg(0)?,\n                ctx.arg(1)?,\n            ),\n        )"),
        );
    }

    #[test]
    fn statements_consts_and_arms_fit_or_break() {
        check(
            call_statement(8, "fields.leaf", &["\"id\"".into(), "Self::id".into()]),
            "fields.leaf(\"id\", Self::id);",
        );
        let name = "f".repeat(30);
        check(
            call_statement(
                8,
                "fields.leaf",
                &[format!("\"{name}\""), format!("Self::{name}")],
            ),
            &format!(
                "fields.leaf(\n            \"{name}\",\n            Self::{name},\n        );"
            ),
        );
        check(
            const_item(4, "const NAME: &'static str", "\"Query\""),
            "const NAME: &'static str = \"Query\";",
        );
        let long = format!("\"{}\"", "N".repeat(70));
        check(
            const_item(4, "const NAME: &'static str", &long),
            &format!("const NAME: &'static str =\n        {long};"),
        );
        check(
            match_arm(12, "Self::Shop", "value", "runtime::typed(value)"),
            "Self::Shop(value) => runtime::typed(value),",
        );
        let variant = format!("Self::{}", "V".repeat(75));
        check(
            match_arm(12, &variant, "value", "runtime::typed(value)"),
            &format!("{variant}(\n                value,\n            ) => runtime::typed(value),"),
        );
    }

    /// The real rustfmt on a grid of the generated shapes (every width from short to past
    /// what any line can hold): what the functions above print must be what it keeps.
    #[test]
    fn the_glue_shapes_are_what_rustfmt_writes() {
        let version = std::process::Command::new("rustfmt")
            .arg("--version")
            .output();
        assert!(
            version.as_ref().is_ok_and(|output| output.status.success()),
            "rustfmt is missing: install it with `rustup component add rustfmt` ({version:?})"
        );
        let mut text = String::from("impl Glue {\n");
        for width in 1..100 {
            let method = "m".repeat(width);
            for count in 0..12 {
                let args: Vec<String> = std::iter::once("ctx".to_owned())
                    .chain((0..count).map(|index| format!("ctx.arg({index})?")))
                    .collect();
                text.push_str(&format!(
                    "    fn f{width}_{count}() {{\n        {}\n    }}\n",
                    glue_call(&method, &args)
                ));
            }
            let name = "f".repeat(width);
            text.push_str(&format!(
                "    fn g{width}() {{\n        {}\n    }}\n",
                call_statement(
                    8,
                    "fields.output",
                    &[format!("\"{name}\""), format!("Self::{name}")]
                )
            ));
            text.push_str(&format!(
                "    {}\n",
                const_item(
                    4,
                    &format!("const N{width}: &'static str"),
                    &format!("\"{name}\"")
                )
            ));
            text.push_str(&format!(
                "    fn h{width}(self) {{\n        match self {{\n            {}\n        }}\n    }}\n",
                match_arm(12, &format!("Self::V{}", "v".repeat(width)), "value", "runtime::typed(value)")
            ));
        }
        text.push_str("}\n");
        let scratch = tempfile::tempdir().expect("a temporary directory");
        std::fs::write(scratch.path().join("rustfmt.toml"), "").expect("writable");
        let file = scratch.path().join("shapes.rs");
        std::fs::write(&file, &text).expect("writable");
        let output = std::process::Command::new("rustfmt")
            .args(["--edition", "2021", "--check"])
            .arg(&file)
            .current_dir(scratch.path())
            .output()
            .expect("rustfmt runs");
        assert!(
            output.status.success(),
            "rustfmt would change:\n{}",
            String::from_utf8_lossy(&output.stdout)
        );
    }
}
