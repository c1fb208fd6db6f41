//! What `resin serve` adds to the HTML pages it serves, and only there (never in `resin
//! build`'s output): the live reload script and, when the content has errors, a panel over the
//! last good page that lists them as `resin check` does; and, while no version of the site could
//! be built, the page served in its place, which lists the errors.

use crate::render::theme::escape_html;

/// The address of the reload events (server-sent events).
pub(crate) const EVENTS_PATH: &str = "/__resin/evenements";

/// The address of the reload script: a file of its own, since the pages' Content Security
/// Policy refuses inline scripts.
pub(crate) const SCRIPT_PATH: &str = "/__resin/recharger.js";

/// Reloads the page when the server says the site changed. EventSource reconnects by itself
/// when the server restarts. A page may keep itself from being reloaded by cancelling the
/// `resin:recharger` event (the web editor does, while a form has changes not saved).
pub(crate) fn reload_script() -> String {
    format!(
        "(function(){{if(!window.EventSource)return;var s=new EventSource(\"{EVENTS_PATH}\");\
         s.addEventListener(\"recharger\",function(){{var e=new CustomEvent(\"resin:recharger\",{{cancelable:true}});\
         if(window.dispatchEvent(e))location.reload();}});}})();\n"
    )
}

fn reload_tag() -> String {
    format!("<script src=\"{SCRIPT_PATH}\"></script>")
}

/// What the preview shows under the errors panel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Shown {
    /// The site as it was at the last update without errors (a template or `site.yaml` failed).
    SiteLastGood,
    /// The site as it is, but the entries with errors: those in their last correct version,
    /// or not at all.
    EntriesLastGood,
}

/// The panel's style: a `<style>` of its own rather than `style` attributes, for what
/// attributes cannot say (the summary's caret, the open state, small screens). The pages' Content
/// Security Policy restricts scripts, not styles. Every rule starts with the panel's id, so that
/// the page's own style sheet neither changes the panel nor is changed by it.
///
/// Folded, the panel is its summary alone, one line at the bottom of the screen (a little smaller
/// on a phone, so that « Site pas à jour : 12 erreurs à corriger » fits in 375 px; cut with an
/// ellipsis rather than wrapped when narrower, at 200 % zoom say), 44 px tall to be tapped;
/// open, it takes at most a third of the screen, and the summary, which stays at its top, folds
/// it again (issue 23). The native marker of `<summary>` is replaced by a triangle of its own (a
/// clipped square, the same box turned a quarter when open), centred on the summary's first line
/// whatever the font (issue 23: the marker sat off the text's line); an element rather than a
/// pseudo-element, so that a browser test can measure it; in the system's colours when forced.
const PANEL_STYLE: &str = "#resin-erreurs{position:fixed;left:0;right:0;bottom:0;max-height:33vh;\
overflow:auto;z-index:2147483647;background:#fff;color:#1e1e1e;border-top:4px solid #b3261e;\
box-shadow:0 -2px 10px rgba(0,0,0,.3);margin:0;padding:0;font:16px/1.45 system-ui,sans-serif;\
text-align:left;box-sizing:border-box}\
#resin-erreurs>summary{position:sticky;top:0;display:flex;align-items:flex-start;gap:.5rem;\
min-height:44px;box-sizing:border-box;margin:0;padding:.6rem .75rem;background:#fff;cursor:pointer;\
font-weight:700;font-size:clamp(14px,4vw,16px);color:#b3261e;list-style:none}\
#resin-erreurs>summary::-webkit-details-marker{display:none}\
#resin-erreurs>summary::marker{content:\"\"}\
#resin-erreurs>summary>.resin-chevron{flex:none;width:.6em;height:.6em;margin-top:.425em;\
background:currentColor;clip-path:polygon(10% 0,90% 50%,10% 100%)}\
#resin-erreurs[open]>summary>.resin-chevron{transform:rotate(90deg)}\
@media (forced-colors:active){#resin-erreurs>summary>.resin-chevron{forced-color-adjust:none;background:CanvasText}}\
#resin-erreurs>summary>.resin-titre{min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}\
#resin-erreurs>summary:focus-visible{outline:3px solid #1e1e1e;outline-offset:-3px}\
#resin-erreurs>div{padding:0 1rem 1rem}\
#resin-erreurs p{margin:0 0 .75rem}\
#resin-erreurs pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;\
font:14px/1.4 ui-monospace,monospace;background:#f6f6f6;color:#1e1e1e;padding:.75rem;border-radius:4px}\
#resin-erreurs-marge{height:calc(44px + 4px)}";

/// The errors panel: the human report of `resin check`, without colours, over the page that
/// `shown` says.
///
/// Folded at first, and foldable without script (a `<details>`: the pages' Content Security
/// Policy refuses inline scripts): its one-line summary sits at the bottom of the screen, and
/// open it takes at most a third of it, so that it never hides the page's own controls more
/// than needed (issue 22). A block of the summary's height ends the page, so that the page's
/// end can still be scrolled into view above it.
pub(crate) fn panel(report: &str, errors: usize, shown: Shown) -> String {
    let title = match errors {
        0 => "Le site n'a pas pu être mis à jour".to_string(),
        1 => "Site pas à jour : 1 erreur à corriger".to_string(),
        n => format!("Site pas à jour : {n} erreurs à corriger"),
    };
    let what = match shown {
        Shown::SiteLastGood => "La page affichée est la dernière version correcte du site. ",
        Shown::EntriesLastGood => {
            "Les fiches en erreur sont montrées dans leur dernière version correcte (une fiche qui n'en a \
             jamais eu n'est pas montrée) ; le reste du site est à jour. "
        }
    };
    format!(
        "<div id=\"resin-erreurs-marge\" aria-hidden=\"true\"></div><style>{PANEL_STYLE}</style>\
<details id=\"resin-erreurs\" lang=\"fr\"><summary><span class=\"resin-chevron\" aria-hidden=\"true\"></span>\
<span class=\"resin-titre\">{title}</span></summary>\
<div><p>{what}Corrigez le fichier indiqué puis enregistrez : la page se mettra à jour toute seule.</p>\
<pre>{}</pre></div></details>",
        escape_html(report.trim_end())
    )
}

/// Adds `note` at the start of the page's `<main>` (of its body when it has none).
pub(crate) fn in_main(html: &[u8], note: &str) -> Vec<u8> {
    let open = find_first(html, b"<main").or_else(|| find_first(html, b"<body"));
    let at = open.and_then(|start| html[start..].iter().position(|&b| b == b'>').map(|end| start + end + 1));
    let at = at.unwrap_or(0);
    [&html[..at], note.as_bytes(), &html[at..]].concat()
}

/// Adds the reload script, and the errors panel if any, at the end of an HTML page's body.
pub(crate) fn inject(html: &[u8], panel: Option<&str>) -> Vec<u8> {
    let addition = format!("{}{}", panel.unwrap_or_default(), reload_tag());
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + addition.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(addition.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// One error on the page served in place of the site: where it is, what is wrong, what to do.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Problem {
    /// « content/site.yaml, ligne 3 »; nothing for a problem of the site as a whole.
    pub(crate) place: Option<String>,
    /// What is wrong.
    pub(crate) message: String,
    /// How to fix it.
    pub(crate) help: Option<String>,
}

/// Why a page is served in place of the site.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Unbuilt {
    /// No version of the site could be built yet (`site.yaml`, the communes, a template):
    /// served on every path, with status 503.
    Site,
    /// This page's template failed while the page was produced: status 500.
    Page,
}

const PAGE_STYLE: &str = "body{margin:0;background:#fff;color:#1e1e1e;font:18px/1.5 system-ui,sans-serif}\
main{max-width:44rem;margin:0 auto;padding:1rem 1rem 3rem}\
h1{font-size:1.6rem;line-height:1.25;margin:1rem 0;color:#b3261e}h2{font-size:1.25rem;margin:2rem 0 .75rem}\
ol{padding-left:1.5rem}li{margin:0 0 1.25rem}li p{margin:0 0 .25rem}\
.ou{font-weight:700;overflow-wrap:anywhere}a{color:#0b4f6c}\
summary{cursor:pointer;min-height:44px;padding:.5rem 0;box-sizing:border-box}\
pre{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.4 ui-monospace,monospace;background:#f6f6f6;\
padding:.75rem;border-radius:4px}";

/// The page served in place of the site, or of one page, that `why` says could not be built:
/// the errors one by one, in plain French (file and line, what is wrong, what to do), then
/// `report`, as `resin check` prints it. `editor`: the web editor is served, and linked.
/// Reloaded, like every page of the preview, after each update.
pub(crate) fn error_page(why: Unbuilt, problems: &[Problem], report: &str, editor: bool) -> Vec<u8> {
    let title = match why {
        Unbuilt::Site => "Le site n'a pas pu être construit",
        Unbuilt::Page => "Cette page n'a pas pu être construite",
    };
    let count = match problems.len() {
        // Before the first build's report (never shown after it): nothing to list yet.
        0 => "construction en cours".to_string(),
        1 => "1 erreur à corriger".to_string(),
        n => format!("{n} erreurs à corriger"),
    };
    let shown = match why {
        Unbuilt::Site => "tant qu'il en reste, l'aperçu montre cette page à la place du site",
        Unbuilt::Page => "les autres pages du site sont montrées",
    };
    let mut items = String::new();
    for problem in problems {
        items.push_str("<li>");
        if let Some(place) = &problem.place {
            items.push_str(&format!("<p class=\"ou\">{}</p>", escape_html(place)));
        }
        items.push_str(&format!("<p>{}</p>", escape_html(&problem.message)));
        if let Some(help) = &problem.help {
            items.push_str(&format!("<p><strong>À faire :</strong> {}</p>", escape_html(help)));
        }
        items.push_str("</li>\n");
    }
    let editor = if editor {
        "<p>Les fiches peuvent aussi être corrigées dans <a href=\"/admin/\">l'éditeur en ligne</a>.</p>\n"
    } else {
        ""
    };
    let detail = if report.trim().is_empty() {
        String::new()
    } else {
        format!(
            "<details>\n<summary>Le détail, comme le montre <code>resin check</code></summary>\n<pre>{}</pre>\n</details>\n",
            escape_html(report.trim_end())
        )
    };
    let html = format!(
        "<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title} – aperçu de resin</title>\n<style>{PAGE_STYLE}</style>\n</head>\n<body>\n\
<main id=\"resin-erreurs-page\">\n<h1>{title}</h1>\n\
<p><strong>{count}</strong> : {shown}.</p>\n\
<p>Ouvrez chaque fichier indiqué, corrigez-le à la ligne indiquée comme le dit «\u{a0}À faire\u{a0}», puis \
enregistrez : cette page se met à jour toute seule, et le site revient dès que tout est corrigé.</p>\n\
{editor}<h2>Les erreurs</h2>\n<ol>\n{items}</ol>\n{detail}\
</main>\n</body>\n</html>\n"
    );
    inject(html.as_bytes(), None)
}

fn find_first(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_panel_go_before_the_end_of_the_body() {
        let page = inject(b"<html><body><p>x</p></body></html>", Some("<div>P</div>"));
        let page = String::from_utf8(page).unwrap();
        assert!(page.starts_with("<html><body><p>x</p><div>P</div><script src=\"/__resin/recharger.js\">"), "{page}");
        assert!(page.ends_with("</script></body></html>"));
    }

    #[test]
    fn the_report_is_escaped() {
        let html = panel("erreur : <script>alert(1)</script>", 1, Shown::SiteLastGood);
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("1 erreur à corriger"));
    }

    #[test]
    fn the_panel_is_folded_and_takes_a_third_of_the_screen_at_most() {
        let html = panel("erreur", 2, Shown::SiteLastGood);
        assert!(html.starts_with("<div id=\"resin-erreurs-marge\""), "what serve adds starts there: {html}");
        assert!(html.contains("<details id=\"resin-erreurs\"") && !html.contains("<details id=\"resin-erreurs\" open"));
        assert!(html.contains("<span class=\"resin-titre\">Site pas à jour : 2 erreurs à corriger</span></summary>"));
        assert!(html.contains("max-height:33vh"));
        // One line when folded, tall enough to be tapped; its own caret, not the browser's.
        assert!(PANEL_STYLE.contains("white-space:nowrap") && PANEL_STYLE.contains("min-height:44px"));
        assert!(PANEL_STYLE.contains("::-webkit-details-marker{display:none}"));
        let rules = PANEL_STYLE.split('}').filter(|rule| !rule.is_empty());
        assert!(
            rules.map(|rule| rule.rsplit('{').nth(1).unwrap()).all(|selector| selector.starts_with("#resin-erreurs"))
        );
    }

    #[test]
    fn a_note_goes_at_the_start_of_main() {
        let page = in_main(b"<body><header>h</header><main id=\"contenu\"><h1>x</h1></main></body>", "<p>N</p>");
        assert_eq!(
            String::from_utf8(page).unwrap(),
            "<body><header>h</header><main id=\"contenu\"><p>N</p><h1>x</h1></main></body>"
        );
    }

    #[test]
    fn the_page_in_place_of_the_site_lists_each_error_escaped_and_reloads() {
        let problems = [
            Problem {
                place: Some("content/site.yaml, ligne 3".into()),
                message: "erreur de syntaxe <YAML>".into(),
                help: Some("fermez le crochet".into()),
            },
            Problem { place: None, message: "erreur de gabarit".into(), help: None },
        ];
        let page = String::from_utf8(error_page(Unbuilt::Site, &problems, "rapport <b>", true)).unwrap();
        assert!(page.contains("<h1>Le site n'a pas pu être construit</h1>"), "{page}");
        assert!(page.contains("<strong>2 erreurs à corriger</strong>"));
        assert!(
            page.contains("<li><p class=\"ou\">content/site.yaml, ligne 3</p><p>erreur de syntaxe &lt;YAML&gt;</p>")
        );
        assert!(page.contains("<strong>À faire :</strong> fermez le crochet"));
        assert!(page.contains("<pre>rapport &lt;b&gt;</pre>"));
        assert!(page.contains("href=\"/admin/\""));
        assert!(page.contains("<script src=\"/__resin/recharger.js\"></script></body>"));
        let page = String::from_utf8(error_page(Unbuilt::Page, &problems[1..], "", false)).unwrap();
        assert!(page.contains("<strong>1 erreur à corriger</strong>") && !page.contains("/admin/"), "{page}");
    }
}
