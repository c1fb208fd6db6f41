//! `/integrer/`: where a partner (a CCAS, a town hall, a library) chooses a list or the map of
//! the places, with filters, sees it live and copies an `<iframe>` snippet; and the two views
//! the snippet embeds, `/integrer/liste/` and `/integrer/carte/`: light pages without the
//! site's header and footer, taking the directory's URL parameters (and the national map's),
//! whose links open the full site in a new tab. They reuse the directory's filter form, results
//! and scripts (`annuaire.js`, `cartes.js`); `integrer.js` makes the snippet. Made again after
//! every change (their choices come from every place).

use serde::Serialize;

use crate::Error;
use crate::render::filters::{self, Filters};
use crate::render::{Renderer, labels};

/// The pages of this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Page {
    /// `/integrer/`, the partner's page.
    Chooser,
    /// `/integrer/liste/`, the embedded list.
    List,
    /// `/integrer/carte/`, the embedded map.
    Map,
}

/// Every page, in the plan's order.
pub(crate) const PAGES: [Page; 3] = [Page::Chooser, Page::List, Page::Map];

/// The folder of the partner's page.
pub(crate) const DIR: &str = "integrer/";

/// The folders of the embedded views: the only pages other sites may frame.
pub(crate) const FRAMED: [&str; 2] = ["integrer/liste/", "integrer/carte/"];

/// The height of the frame the snippet proposes by default, in pixels.
const HEIGHT: u32 = 600;

/// The folder of a page.
pub(crate) fn dir(page: Page) -> &'static str {
    match page {
        Page::Chooser => DIR,
        Page::List => FRAMED[0],
        Page::Map => FRAMED[1],
    }
}

#[derive(Serialize)]
struct Chooser<'a> {
    filtres: Filters,
    /// The default snippet (the list, every place), shown as text without JavaScript.
    code: String,
    /// The embedded list's path, for the preview.
    apercu: String,
    /// Absolute URLs of the two views (the snippet's `src`, read by integrer.js).
    liste: String,
    carte: String,
    /// The frame's title in the snippet.
    titre_cadre: &'a str,
    hauteur: u32,
    /// Snippets for the common choices, for a partner without JavaScript.
    prets: Vec<Ready>,
    /// An address with two parameters, for the note on writing one's own.
    exemple: String,
}

/// A ready-made snippet: what it shows, and the code.
#[derive(Serialize)]
struct Ready {
    titre: String,
    code: String,
}

#[derive(Serialize)]
struct View {
    filtres: Filters,
    /// `liste` or `carte`.
    vue: &'static str,
    /// The full site's page with the same list (`/lieux/` or `/carte/`).
    complet: String,
    total: String,
}

/// The snippet for the view at `src` (an absolute URL, with its parameters).
pub(crate) fn snippet(src: &str, title: &str, height: u32) -> String {
    let escape = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        r#"<iframe src="{}" title="{}" width="100%" height="{height}" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer"></iframe>"#,
        escape(src),
        escape(title)
    )
}

/// The snippets for the common choices, shown without JavaScript (the form that makes any
/// other needs it): the map, the free places, and each need's list. `liste` and `carte`: the
/// views' absolute URLs.
fn ready_made(filtres: &Filters, liste: &str, carte: &str, title: &str) -> Vec<Ready> {
    let ready = |titre: String, src: String| Ready { titre, code: snippet(&src, title, HEIGHT) };
    let mut list = vec![
        ready("La carte et la liste de tous les lieux".into(), carte.into()),
        ready("La liste des lieux gratuits".into(), format!("{liste}?gratuit=1")),
    ];
    for need in &filtres.besoins {
        list.push(ready(format!("Les lieux pour : {}", need.text), format!("{liste}?besoin={}", need.value)));
    }
    list
}

/// The frame's title: what a screen reader announces on the partner's page.
fn frame_title(r: &Renderer) -> String {
    format!("Lieux d'aide au numérique – {}", r.site.config.titre)
}

/// Renders a page of `/integrer/`, in the folder `dir`.
pub(crate) fn render(r: &Renderer, page: Page, dir: &str) -> Result<String, Error> {
    let site = r.site;
    match page {
        Page::Chooser => {
            let title = frame_title(r);
            let liste = r.urls.absolute(FRAMED[0]);
            let carte = r.urls.absolute(FRAMED[1]);
            let filtres = filters::filters(site, &r.urls);
            let exemple = match (filtres.besoins.first(), filtres.communes.first()) {
                (Some(need), Some(commune)) => format!("{liste}?besoin={}&commune={}", need.value, commune.value),
                _ => format!("{liste}?gratuit=1"),
            };
            let data = Chooser {
                prets: ready_made(&filtres, &liste, &carte, &title),
                exemple,
                filtres,
                code: snippet(&liste, &title, HEIGHT),
                apercu: r.urls.path(FRAMED[0]),
                liste,
                carte,
                titre_cadre: &title,
                hauteur: HEIGHT,
            };
            let meta = r.meta(
                "Intégrer l'annuaire sur votre site",
                "Afficher la liste ou la carte des lieux d'aide au numérique sur le site d'une mairie, d'un CCAS ou d'une médiathèque : choisir les filtres, copier le code.",
                dir,
                r.crumbs(&[("Données ouvertes", "donnees/")]),
            );
            r.page("integrer.html", &meta, &data)
        }
        Page::List | Page::Map => {
            let map = page == Page::Map;
            let data = View {
                filtres: filters::filters(site, &r.urls),
                vue: if map { "carte" } else { "liste" },
                complet: r.urls.path(if map { "carte/" } else { "lieux/" }),
                total: labels::count(site.entries.places.len(), "lieu", "lieux"),
            };
            let mut meta = r.meta(
                if map { "Carte des lieux d'aide au numérique" } else { "Lieux d'aide au numérique" },
                "Les lieux où se faire aider avec le numérique, à afficher sur le site d'un partenaire.",
                dir,
                Vec::new(),
            );
            // The full site's page is the one to index.
            meta.canonical = Some(r.urls.absolute(if map { "carte/" } else { "lieux/" }));
            r.page("integre.html", &meta, &data)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_escapes_what_it_quotes() {
        let code = snippet("https://x.fr/integrer/liste/?besoin=a&gratuit=1", "Lieux \"d'aide\" <b>", 600);
        assert_eq!(
            code,
            r#"<iframe src="https://x.fr/integrer/liste/?besoin=a&amp;gratuit=1" title="Lieux &quot;d'aide&quot; &lt;b>" width="100%" height="600" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer"></iframe>"#
        );
    }
}
