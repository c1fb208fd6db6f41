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
pub(crate) const MAX_DEPTH: usize = 64;

/// The deepest nesting of a Markdown body: its containers (lists, quotes, emphasis…) plus the
/// elements its raw HTML leaves open, counted as an HTML parser would: every start tag of a
/// non-void element opens one (`<div/>` too), an end tag closes the open element of its name
/// and those inside it (a stray one closes nothing), a `<p>` or `<li>` closes the one before
/// it, comments count for nothing. Linear in the length of the body.
pub(crate) fn depth(body: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let mut open = OpenElements::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) => {
                html_tags(&html, &mut open);
                max = max.max(depth + open.stack.len());
            }
            _ => {}
        }
        max = max.max(depth + open.stack.len());
    }
    max
}

/// The HTML elements left open, and how many of each name (so that a stray end tag is known
/// stray without searching the whole stack).
#[derive(Default)]
struct OpenElements {
    stack: Vec<String>,
    count: std::collections::HashMap<String, usize>,
}

impl OpenElements {
    fn push(&mut self, name: String) {
        *self.count.entry(name.clone()).or_default() += 1;
        self.stack.push(name);
    }

    fn pop(&mut self) {
        if let Some(name) = self.stack.pop()
            && let Some(n) = self.count.get_mut(&name)
        {
            *n -= 1;
        }
    }

    /// Closes the innermost open element named `name` and those inside it, if there is one.
    fn close(&mut self, name: &str) {
        if self.count.get(name).copied().unwrap_or(0) == 0 {
            return;
        }
        while let Some(last) = self.stack.last() {
            let found = last == name;
            self.pop();
            if found {
                break;
            }
        }
    }
}

/// Follows the start and end tags of `html`, keeping the open elements in `open`.
fn html_tags(html: &str, open: &mut OpenElements) {
    const VOID: &[&str] =
        &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];
    // Elements whose start tag closes an open one of the same name (their end tag is optional).
    const SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "option", "tr", "td", "th"];
    let bytes = html.as_bytes();
    let mut at = 0;
    while let Some(found) = html[at..].find('<') {
        at += found + 1;
        if html[at..].starts_with("!--") {
            at = html[at..].find("-->").map_or(html.len(), |end| at + end + 3);
            continue;
        }
        let closing = bytes.get(at) == Some(&b'/');
        let name_start = at + usize::from(closing);
        let name_end = html[name_start..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .map_or(html.len(), |i| name_start + i);
        if name_end == name_start || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        // To the end of the tag, quotes respected; a `<` outside quotes ends it too, so that no
        // text is read twice.
        let mut quote = None;
        at = name_end;
        while at < bytes.len() {
            match (bytes[at], quote) {
                (b'"' | b'\'', None) => quote = Some(bytes[at]),
                (q, Some(open_quote)) if q == open_quote => quote = None,
                (b'>', None) => {
                    at += 1;
                    break;
                }
                (b'<', None) => break,
                _ => {}
            }
            at += 1;
        }
        if closing {
            open.close(&name);
        } else if !VOID.contains(&name.as_str()) {
            if SIBLINGS.contains(&name.as_str()) && open.stack.last() == Some(&name) {
                open.pop();
            }
            open.push(name);
        }
    }
}

/// Renders a Markdown body to safe HTML. Headings are shifted so that the body never holds an
/// `h1` (the page title is the only one): `#` becomes `h2`, `##` stays `h2`, `###` stays `h3`.
pub(crate) fn render_markdown(body: &str) -> String {
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
pub(crate) fn plain_text(body: &str, max: usize) -> String {
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
        // What an HTML parser leaves open: `<div/>` is a `<div>`; a stray end tag closes nothing;
        // `>` and `</a>` inside an attribute are text; a comment is nothing.
        assert_eq!(depth(&"<div/>".repeat(100)), 101);
        assert_eq!(depth(&"<div></x>".repeat(100)), 101);
        assert_eq!(depth(&"<div title=\"</div> >\">".repeat(100)), 101);
        assert!(depth(&"<!-- <div> -->".repeat(100)) <= 2);
        // Siblings whose end tag may be left out do not nest.
        assert!(depth(&"<p>un paragraphe ".repeat(100)) <= 3);
        assert!(depth(&format!("<ul>{}</ul>", "<li>un point".repeat(100))) <= 4);
        assert!(depth("<details><summary>Plus</summary><p>Texte</p></details>") <= 4);
        assert!(depth(&"> ".repeat(100_000)) >= 100_000, "linear, and counted");
        assert!(depth(&format!("<div\n{}", "<a".repeat(1000))) > 64, "tags that never end");
    }

    #[test]
    fn plain_text_is_cut_on_a_word() {
        assert_eq!(plain_text("Un *petit* texte\nsur deux lignes", 100), "Un petit texte sur deux lignes");
        assert_eq!(plain_text("Un petit texte", 9), "Un petit…");
    }
}
