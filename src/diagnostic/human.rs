//! The human format: a rustc-like report per problem, with the faulty line and a caret, in French.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Diagnostic, Severity, summary};
use crate::source::{Sources, floor_char_boundary, printable, printable_window};

/// Renders every diagnostic, then a summary line.
pub(super) fn render(diagnostics: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&render_one(diagnostic, sources, &renderer));
        out.push_str("\n\n");
    }
    out.push_str(&summary(diagnostics));
    out.push('\n');
    out
}

fn render_one(diagnostic: &Diagnostic, sources: &Sources, renderer: &Renderer) -> String {
    let level = match diagnostic.severity() {
        Severity::Error => Level::ERROR.with_name("erreur"),
        Severity::Warning => Level::WARNING.with_name("avertissement"),
    };
    // Paths and values are the content's own: escaped so that none can start a line or drive
    // the terminal.
    let title = printable(&diagnostic.kind.to_string()).into_owned();
    // A help may give lines to write (`resin fmt --check`): each line escaped on its own.
    let help = diagnostic.kind.help().map(|help| help.split('\n').map(printable).collect::<Vec<_>>().join("\n"));
    let mut group: Group<'_> = Group::with_title(level.primary_title(title).id(diagnostic.kind.code()));
    let (path, source, line_start, span, shown);
    if let Some(id) = diagnostic.file {
        // Only the lines the span covers are handed to the renderer: files can be large.
        let file = sources.get(id);
        let first = sources.line_range(id, diagnostic.span.start);
        let last = sources.line_range(id, diagnostic.span.end.max(diagnostic.span.start));
        let window = first.start..last.end.max(first.end);
        source = &file.text[window.clone()];
        line_start = sources.line_col(id, window.start).line;
        // A span from a rule may end inside a character: snap it to boundaries.
        let start = floor_char_boundary(source, diagnostic.span.start.clamp(window.start, window.end) - window.start);
        let end = floor_char_boundary(source, diagnostic.span.end.clamp(window.start, window.end) - window.start);
        (shown, span) = printable_window(source, start..end.max(start));
        let source = shown.as_str();
        path = printable(&file.path);
        group = group.element(
            Snippet::source(source).line_start(line_start).path(&*path).annotation(AnnotationKind::Primary.span(span)),
        );
    }
    if let Some(help) = help {
        group = group.element(Level::HELP.with_name("aide").message(help));
    }
    renderer.render(&[group]).to_string()
}
