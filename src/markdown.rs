//! Markdown bodies to HTML: pulldown-cmark, then ammonia.
//!
//! Raw HTML in content is allowed but sanitised: ammonia keeps a safe subset (no script, no
//! event handlers, no `javascript:` links) so nothing in content can inject script into a page.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .link_rel(Some("noopener"))
        .add_generic_attributes(["id"])
        // Ids from content are prefixed so they cannot take over the page's own (`contenu`…).
        .id_prefix(Some("texte-"))
        // The entry's title is the page's only h1: a raw `<h1>` keeps its text, not the tag.
        .rm_tags(["h1"]);
    builder
});

/// How deep a body may nest (lists, quotes, raw HTML elements): deeper, the HTML sanitiser
/// takes a time that grows with the square of the depth.
pub const MAX_DEPTH: usize = 64;

/// The deepest nesting of a Markdown body: its containers (lists, quotes, emphasis…) and the
/// elements of its raw HTML, counted crudely (an opening tag that is not void or self-closed
/// is one level; a closing tag ends one).
pub fn depth(body: &str) -> usize {
    const VOID: &[&str] =
        &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];
    let (mut depth, mut max) = (0usize, 0usize);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) => {
                for (at, _) in html.match_indices('<') {
                    let rest = &html[at + 1..];
                    if let Some(closing) = rest.strip_prefix('/') {
                        if closing.starts_with(|c: char| c.is_ascii_alphabetic()) {
                            depth = depth.saturating_sub(1);
                        }
                    } else if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
                        let name: String = rest
                            .chars()
                            .take_while(char::is_ascii_alphanumeric)
                            .collect::<String>()
                            .to_ascii_lowercase();
                        let tag_end = rest.find('>').map_or(rest.len(), |i| i);
                        let self_closed = rest[..tag_end].ends_with('/');
                        if !VOID.contains(&name.as_str()) && !self_closed {
                            depth += 1;
                        }
                    }
                    max = max.max(depth);
                }
            }
            _ => {}
        }
        max = max.max(depth);
    }
    max
}

/// Renders a Markdown body to safe HTML. Headings are shifted so that the body never holds an
/// `h1` (the page title is the only one): `#` becomes `h2`, `##` stays `h2`, `###` stays `h3`.
pub fn render_markdown(body: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION;
    let parser = Parser::new_ext(body, options).map(|event| match event {
        Event::Start(Tag::Heading { level: HeadingLevel::H1, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, id, classes, attrs })
        }
        Event::End(TagEnd::Heading(HeadingLevel::H1)) => Event::End(TagEnd::Heading(HeadingLevel::H2)),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    SANITIZER.clean(&unsafe_html).to_string()
}

/// Plain text of a Markdown body (for summaries and meta descriptions), at most `max` characters.
pub fn plain_text(body: &str, max: usize) -> String {
    let mut text = String::new();
    for event in Parser::new(body) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => text.push(' '),
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word_end = text.chars().nth(cut.chars().count()) == Some(' ');
    let cut = if at_word_end { cut } else { cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).to_string() };
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitises_raw_html_and_links() {
        let html =
            render_markdown("Bonjour <script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:alert(1))");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn body_never_has_an_h1() {
        assert_eq!(render_markdown("# Titre"), "<h2>Titre</h2>\n");
        assert_eq!(render_markdown("<h1 id=\"contenu\">Titre</h1>"), "Titre");
        assert_eq!(render_markdown("<p id=\"contenu\">x</p>"), "<p id=\"texte-contenu\">x</p>");
    }

    #[test]
    fn measures_the_depth_of_containers_and_raw_html() {
        assert_eq!(depth("Un texte."), 1);
        assert_eq!(depth("> > > citation"), 4);
        assert_eq!(depth("- a\n  - b\n    - c"), 6);
        assert_eq!(depth(&"<div>".repeat(100)), 101);
        assert!(depth("<p>a<br>b<img src=x/></p>") <= 2);
        assert!(depth(&"> ".repeat(100_000)) >= 100_000, "linear, and counted");
    }

    #[test]
    fn plain_text_is_cut_on_a_word() {
        assert_eq!(plain_text("Un *petit* texte\nsur deux lignes", 100), "Un petit texte sur deux lignes");
        assert_eq!(plain_text("Un petit texte", 9), "Un petit…");
    }
}
