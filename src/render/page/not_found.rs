//! `404.html`: the page of unknown addresses, with the ways back into the site.

use serde::Serialize;

use crate::Error;
use crate::render::Renderer;

#[derive(Serialize)]
struct NotFound {
    accueil: String,
    lieux: String,
    communes: String,
    offres: String,
}

/// Renders `404.html` (`dir` is `404`). It has no canonical address and no menu entry.
pub(crate) fn render(r: &Renderer, dir: &str) -> Result<String, Error> {
    let urls = &r.urls;
    let data = NotFound {
        accueil: urls.path(""),
        lieux: urls.path("lieux/"),
        communes: urls.path("communes/"),
        offres: urls.path("offres/"),
    };
    let mut meta = r.meta("Page introuvable", "Cette page n'existe pas ou a été déplacée.", dir, Vec::new());
    meta.canonical = None;
    meta.menu_current = None;
    r.page("404.html", &meta, &data)
}
