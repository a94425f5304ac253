//! rustc-style text with a source snippet, through annotate-snippets.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use gqlsmith_model::{Diagnostic, Location, Severity};

use super::sources::SourceMap;

/// Colours for a terminal, or plain text for files, pipes and snapshots.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum HumanStyle {
    Plain,
    Coloured,
}

/// Renders every diagnostic, then a one-line summary.
pub(crate) fn render_human(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    style: HumanStyle,
) -> String {
    let renderer = match style {
        HumanStyle::Plain => Renderer::plain(),
        HumanStyle::Coloured => Renderer::styled(),
    };
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&render_one(diagnostic, sources, &renderer));
        out.push_str("\n\n");
    }
    out.push_str(&summary(diagnostics));
    out.push('\n');
    out
}

fn render_one(diagnostic: &Diagnostic, sources: &SourceMap, renderer: &Renderer) -> String {
    let level = level(diagnostic.severity);
    let title = level
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.code.as_str());
    let mut elements = Vec::new();
    // Positions annotate-snippets will print wrongly (counted from a window's start), with
    // the right ones.
    let mut fixes = Vec::new();
    if let Some(location) = &diagnostic.location {
        elements.push(snippet(
            location,
            diagnostic.length,
            "",
            AnnotationKind::Primary,
            sources,
            &mut fixes,
        ));
    }
    for label in &diagnostic.labels {
        elements.push(snippet(
            &label.location,
            1,
            &label.message,
            AnnotationKind::Context,
            sources,
            &mut fixes,
        ));
    }
    let mut group = Group::with_title(title).elements(elements);
    if let Some(help) = &diagnostic.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let mut rendered = renderer.render(&[group]).to_string();
    // The positions come in the order of the snippets, after the title line; a match must
    // end where the number ends (`f:1:5` is no match in `f:1:50`).
    let mut cursor = rendered.find('\n').unwrap_or(rendered.len());
    for (shown, right) in fixes {
        let found = rendered[cursor..].match_indices(&shown).find(|(at, _)| {
            !rendered[cursor + at + shown.len()..].starts_with(|c: char| c.is_ascii_digit())
        });
        if let Some((at, _)) = found {
            let at = cursor + at;
            rendered.replace_range(at..at + shown.len(), &right);
            cursor = at + right.len();
        }
    }
    rendered
}

/// A snippet of the line at `location`, windowed around the span when the line is long (see
/// [`SourceMap::excerpt`]); for a window, the position annotate-snippets will print and the
/// true one go into `fixes`.
fn snippet<'a>(
    location: &'a Location,
    length: u32,
    label: &'a str,
    kind: AnnotationKind,
    sources: &'a SourceMap,
    fixes: &mut Vec<(String, String)>,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let excerpt = sources.excerpt(&location.file, location.line, location.column, length);
    if excerpt.windowed {
        let shown_column = excerpt.text[..excerpt.span.start].chars().count() + 1;
        let at = format!("{}:{}:", location.file, location.line);
        fixes.push((
            format!("{at}{shown_column}"),
            format!("{at}{}", location.column),
        ));
    }
    let mut annotation = kind.span(excerpt.span);
    if !label.is_empty() {
        annotation = annotation.label(label);
    }
    Snippet::source(excerpt.text)
        .line_start(location.line as usize)
        // annotate-snippets appends `:line:column` of the primary annotation itself.
        .path(&*location.file)
        .annotation(annotation)
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
}

/// `3 errors, 1 warning, 0 notes`.
fn summary(diagnostics: &[Diagnostic]) -> String {
    let count = |severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}, {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Note), "note")
    )
}
