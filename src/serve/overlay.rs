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
/// when the server restarts.
pub(crate) fn reload_script() -> String {
    format!(
        "(function(){{if(!window.EventSource)return;var s=new EventSource(\"{EVENTS_PATH}\");\
         s.addEventListener(\"recharger\",function(){{location.reload();}});}})();\n"
    )
}

fn reload_tag() -> String {
    format!("<script src=\"{SCRIPT_PATH}\"></script>")
}

/// The errors panel: the human report of `resin check`, without colours. `last_good`: an
/// earlier version of the site is shown under it.
pub(crate) fn panel(report: &str, errors: usize, last_good: bool) -> String {
    let title = match errors {
        0 => "Le site n'a pas pu être mis à jour".to_string(),
        1 => "Le site n'est pas à jour : 1 erreur à corriger".to_string(),
        n => format!("Le site n'est pas à jour : {n} erreurs à corriger"),
    };
    format!(
        "<div id=\"resin-erreurs\" role=\"alert\" lang=\"fr\" style=\"position:fixed;left:0;right:0;bottom:0;\
max-height:75vh;overflow:auto;z-index:2147483647;background:#fff;color:#1e1e1e;\
border-top:6px solid #b3261e;box-shadow:0 -4px 16px rgba(0,0,0,.35);padding:1rem 1.25rem;\
font:16px/1.45 system-ui,sans-serif;text-align:left\">\
<h2 style=\"margin:0 0 .5rem;font-size:1.25rem;color:#b3261e\">{title}</h2>\
<p style=\"margin:0 0 .75rem\">{}Corrigez le fichier indiqué puis enregistrez : la page se mettra à \
jour toute seule.</p>\
<pre style=\"margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.4 ui-monospace,monospace;\
background:#f6f6f6;padding:.75rem;border-radius:4px\">{}</pre></div>",
        if last_good { "La page affichée est la dernière version correcte du site. " } else { "" },
        escape_html(report.trim_end())
    )
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
        let html = panel("erreur : <script>alert(1)</script>", 1, true);
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("1 erreur à corriger"));
    }
}
