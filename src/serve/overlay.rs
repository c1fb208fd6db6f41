//! What `resin serve` adds to the HTML pages it serves, and only there (never in `resin
//! build`'s output): the live reload script and, when the content has errors, a panel over the
//! last good page that lists them as `resin check` does.

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

/// The errors panel: the human report of `resin check`, without colours. `last_good`: an
/// earlier version of the site is shown under it.
///
/// Folded at first, and foldable without script (a `<details>`: the pages' Content Security
/// Policy refuses inline scripts): its one-line summary sits at the bottom of the screen, and
/// open it takes at most a third of it, so that it never hides the page's own controls more
/// than needed (issue 22). A block of the summary's height ends the page, so that the page's
/// end can still be scrolled into view above it. Without an earlier version, there is no page
/// to show under it: it opens unfolded.
/// What the preview shows under the errors panel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Shown {
    /// The site as it was at the last update without errors (a template or `site.yaml` failed).
    SiteLastGood,
    /// The site as it is, but the entries with errors: those in their last correct version,
    /// or not at all.
    EntriesLastGood,
    /// Nothing could be built yet.
    Nothing,
}

pub(crate) fn panel(report: &str, errors: usize, shown: Shown) -> String {
    let last_good = shown != Shown::Nothing;
    let title = match errors {
        0 => "Le site n'a pas pu être mis à jour".to_string(),
        1 => "Site pas à jour : 1 erreur à corriger".to_string(),
        n => format!("Site pas à jour : {n} erreurs à corriger"),
    };
    format!(
        "<div id=\"resin-erreurs-marge\" aria-hidden=\"true\" style=\"height:3.5rem\"></div>\
<details id=\"resin-erreurs\"{} lang=\"fr\" style=\"position:fixed;left:0;right:0;bottom:0;\
max-height:33vh;overflow:auto;z-index:2147483647;background:#fff;color:#1e1e1e;\
border-top:4px solid #b3261e;box-shadow:0 -2px 10px rgba(0,0,0,.3);margin:0;padding:0;\
font:16px/1.45 system-ui,sans-serif;text-align:left\">\
<summary style=\"position:sticky;top:0;background:#fff;cursor:pointer;padding:.5rem 1rem;\
font-weight:700;color:#b3261e\">{title}</summary>\
<div style=\"padding:0 1rem 1rem\"><p style=\"margin:0 0 .75rem\">{}Corrigez le fichier indiqué puis \
enregistrez : la page se mettra à jour toute seule.</p>\
<pre style=\"margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.4 ui-monospace,monospace;\
background:#f6f6f6;padding:.75rem;border-radius:4px\">{}</pre></div></details>",
        if last_good { "" } else { " open" },
        match shown {
            Shown::SiteLastGood => "La page affichée est la dernière version correcte du site. ",
            Shown::EntriesLastGood => {
                "Les fiches en erreur sont montrées dans leur dernière version correcte (une fiche qui n'en a \
                 jamais eu n'est pas montrée) ; le reste du site est à jour. "
            }
            Shown::Nothing => "",
        },
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

/// A page for when no version of the site could be built yet.
pub(crate) fn error_page(panel: &str) -> Vec<u8> {
    let html = "<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>Erreurs dans le contenu – resin serve</title>\n</head>\n<body>\n\
<main><h1>Le site n'a pas encore pu être construit</h1></main>\n</body>\n</html>\n";
    inject(html.as_bytes(), Some(panel))
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
        assert!(html.contains("<details id=\"resin-erreurs\"") && !html.contains("<details id=\"resin-erreurs\" open"));
        assert!(html.contains("<summary") && html.contains("2 erreurs à corriger</summary>"));
        assert!(html.contains("max-height:33vh"));
    }

    #[test]
    fn a_note_goes_at_the_start_of_main() {
        let page = in_main(b"<body><header>h</header><main id=\"contenu\"><h1>x</h1></main></body>", "<p>N</p>");
        assert_eq!(
            String::from_utf8(page).unwrap(),
            "<body><header>h</header><main id=\"contenu\"><p>N</p><h1>x</h1></main></body>"
        );
    }
}
