//! rustfmt's layout, computed while generating: the few constructs the `rust-client` and
//! `rust-server` templates print (types, struct fields, attributes, derives, function
//! signatures, a method call chain), each laid out exactly as `rustfmt --edition 2021` with
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

/// rustfmt's `short_array_element_width_threshold`: simple items up to this wide are
/// packed several to a line when they do not fit on one.
const SHORT_ITEM_WIDTH: usize = 10;

/// rustfmt's "mixed" list tactic: `(` then the items, each with its comma, filling lines at
/// the nested indentation, then `)` on its own line.
fn mixed_list(items: &[String], shape: Shape) -> String {
    let nested = shape.nested();
    let indent = spaces(nested.indent);
    let mut out = format!("(\n{indent}");
    let mut line_width = 0;
    for item in items {
        let item_width = width(item) + 1;
        if line_width > 0 && line_width + 1 + item_width > nested.width {
            out.push('\n');
            out.push_str(&indent);
            line_width = 0;
        }
        if line_width > 0 {
            out.push(' ');
            line_width += 1;
        }
        out.push_str(item);
        out.push(',');
        line_width += item_width;
    }
    out.push('\n');
    out.push_str(&spaces(shape.indent));
    out.push(')');
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
    let multi_line_budget = MAX_WIDTH.saturating_sub(param_indent + 1);
    let param_shape = Shape {
        width: multi_line_budget,
        indent: param_indent,
        offset: 0,
    };
    let rewritten: Vec<String> = params
        .iter()
        .map(|param| {
            param
                .rewrite(param_shape)
                .unwrap_or_else(|| format!("{}: {}", param.name, param.ty.one_line()))
        })
        .collect();
    let horizontal = one_line_budget > 0 && fits_horizontally(&rewritten, one_line_budget);
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
        for param in &rewritten {
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

/// `receiver.method(args).await` as the one expression of a block at indentation `indent`
/// (a rustfmt chain: on one line within `chain_width`, otherwise one element per line).
/// `receiver` is short (`self.resolver`): rustfmt keeps it with the first element.
pub(crate) fn awaited_call(indent: usize, receiver: &str, method: &str, args: &[String]) -> String {
    let joined = args.join(", ");
    let one_line = format!("{receiver}.{method}({joined}).await");
    if width(&one_line) <= CHAIN_WIDTH.min(MAX_WIDTH.saturating_sub(indent)) {
        return one_line;
    }
    let child_indent = indent + INDENT;
    let call_prefix = format!(".{method}");
    // The call's arguments (`rewrite_with_parens`, `fn_call_width`).
    let shape = Shape::indented(child_indent).offset_left(width(&call_prefix));
    let call = match shape {
        Some(shape) => {
            let one_line_width = shape.width.saturating_sub(2);
            let horizontal = fits_horizontally(args, one_line_width.min(FN_CALL_WIDTH))
                || (args.len() == 1 && width(&args[0]) <= one_line_width);
            if !horizontal && args.iter().all(|arg| width(arg) <= SHORT_ITEM_WIDTH) {
                // The arguments are variables: rustfmt's "mixed" layout fills lines.
                format!("{call_prefix}{}", mixed_list(args, shape))
            } else {
                format!(
                    "{call_prefix}{}",
                    wrap_list(args, horizontal, shape, ("(", ")"), true)
                )
            }
        }
        None => format!("{call_prefix}({joined})"),
    };
    format!("{receiver}\n{0}{call}\n{0}.await", spaces(child_indent))
}

/// `receiver` followed by `calls` (each `.method::<T>()`), as the one expression of a
/// block at `indent`: one line within `chain_width`, otherwise one call per line.
pub(crate) fn call_chain(indent: usize, receiver: &str, calls: &[String]) -> String {
    let one_line = format!("{receiver}{}", calls.concat());
    if calls.is_empty() || width(&one_line) <= CHAIN_WIDTH.min(MAX_WIDTH.saturating_sub(indent)) {
        return one_line;
    }
    let mut out = receiver.to_owned();
    for call in calls {
        out.push('\n');
        out.push_str(&spaces(indent + INDENT));
        out.push_str(call);
    }
    out
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

/// A function-like macro call `name!(args);` as a statement at column 0 (its arguments are
/// laid out like a call's, without a trailing comma when broken, as they were written).
pub(crate) fn macro_call(name: &str, args: &[String]) -> String {
    let shape = Shape::indented(0)
        .sub_width(1)
        .and_then(|shape| shape.offset_left(width(name) + 1));
    let Some(shape) = shape else {
        return format!("{name}!({});", args.join(", "));
    };
    let one_line_width = shape.width.saturating_sub(2);
    let horizontal = fits_horizontally(args, one_line_width.min(FN_CALL_WIDTH))
        || (args.len() == 1 && width(&args[0]) <= one_line_width);
    format!(
        "{name}!{};",
        wrap_list(args, horizontal, shape, ("(", ")"), false)
    )
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
    fn long_calls_break_into_a_chain() {
        check(
            awaited_call(8, "self.resolver", "a", &["ctx".into()]),
            "self.resolver.a(ctx).await",
        );
        check(
            awaited_call(8, "self.resolver", &"a".repeat(40), &["ctx".into()]),
            &format!(
                "self.resolver\n            .{}(ctx)\n            .await",
                "a".repeat(40)
            ),
        );
    }
}
