//! The frame of every page: what all templates share ([`SiteView`]: the site, its menu and
//! footer), what differs from page to page in the layout ([`PageMeta`]: title, description,
//! breadcrumb), and the `Renderer`'s helpers that word them and render a template.

use serde::Serialize;
use tera::Context;

use super::Renderer;
use super::urls::{Urls, mailto_plain, page_dir};
use super::view::{DateView, Link, date_view};
use crate::Error;
use crate::index::Site;

/// Everything templates share: the site, its menu and footer.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SiteView {
    /// "Rés'IN".
    pub titre: String,
    /// The site's one-sentence description.
    pub description: String,
    /// Base path (`/`, `/resin/`): every internal link starts with it.
    pub base: String,
    /// Fictitious data: show the notice.
    pub exemple: bool,
    /// Main menu.
    pub menu: Vec<Link>,
    /// Footer links.
    pub pied_de_page: Vec<Link>,
    /// Data licence.
    pub licence: Link,
    /// Contact address and its `mailto:`.
    pub contact: Link,
    /// `/donnees/`.
    pub donnees: String,
    /// Map settings for `annuaire.js` and `carte-lieu.js`.
    pub carte: MapSettings,
    /// The build date, which the footer of every page gives (« Site mis à jour le 7 décembre
    /// 2026 »): the pages read the calendar (open now, upcoming sessions), so a reader can tell
    /// how fresh they are. A page's key covers it: the date is in every key's `global` part.
    pub mis_a_jour: DateView,
}

/// What a map needs: tiles, attribution, the territory's centre and zoom, the scripts.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MapSettings {
    /// Tile URL template.
    pub tuiles: String,
    /// Attribution text (plain text: the scripts escape it).
    pub attribution: String,
    /// `latitude,longitude` of the territory's centre.
    pub centre: String,
    /// Initial zoom.
    pub zoom: u8,
}

/// The menu entries: (text, page folder).
pub(crate) const MENU: [(&str, &str); 7] = [
    ("Accueil", ""),
    ("Lieux", "lieux/"),
    ("Carte", "carte/"),
    ("Offres", "offres/"),
    ("Orienter", "orienter/"),
    ("Communes", "communes/"),
    ("Réseau", "reseau/"),
];

/// The shared part of every page.
pub(crate) fn site_view(site: &Site, urls: &Urls) -> SiteView {
    let config = &site.config;
    SiteView {
        titre: config.titre.clone(),
        description: config.description.clone(),
        base: urls.base.clone(),
        exemple: config.exemple,
        menu: MENU.iter().map(|(text, dir)| Link::new(*text, urls.path(dir))).collect(),
        pied_de_page: config.pied_de_page.iter().map(|l| Link::new(&l.titre, urls.config_link(&l.url))).collect(),
        licence: Link::new(&config.licence_donnees.nom, &config.licence_donnees.url),
        contact: Link::new(&config.contact, mailto_plain(&config.contact)),
        donnees: urls.path("donnees/"),
        carte: MapSettings {
            tuiles: config.carte.tuiles.clone(),
            attribution: config.carte.attribution.clone(),
            centre: format!("{},{}", config.territoire.centre.latitude, config.territoire.centre.longitude),
            zoom: config.territoire.zoom,
        },
        mis_a_jour: date_view(site.today),
    }
}

/// What differs from page to page in the layout.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageMeta {
    /// `<title>`: "Page – Rés'IN".
    pub title: String,
    /// Meta description.
    pub description: String,
    /// Absolute URL of the page (none for 404).
    pub canonical: Option<String>,
    /// The menu entry that is this very page (its folder), for `aria-current="page"`.
    pub menu_current: Option<String>,
    /// Breadcrumb: the pages above this one, from the home page.
    pub ariane: Vec<Link>,
    /// Breadcrumb: this page's name.
    pub ariane_courant: String,
}

impl Renderer<'_> {
    /// The layout's metadata of the page at `dir`: its `<title>` (the site's name after it, or
    /// before it on the home page), description, canonical address, menu entry and breadcrumb.
    pub(crate) fn meta(&self, title: &str, description: &str, dir: &str, crumbs: Vec<Link>) -> PageMeta {
        PageMeta {
            title: if dir.is_empty() {
                format!("{} – {}", self.site.config.titre, title)
            } else {
                format!("{title} – {}", self.site.config.titre)
            },
            description: description.to_string(),
            canonical: Some(self.urls.absolute(dir)),
            menu_current: MENU.iter().any(|(_, d)| *d == dir).then(|| self.urls.path(dir)),
            ariane: crumbs,
            ariane_courant: title.to_string(),
        }
    }

    /// Meta of page `n` of a paginated list titled `title` at `base`, under the breadcrumb
    /// `parents`: the title says "(page n sur total)", and from page 2 on the breadcrumb leads
    /// back to the list's first page and ends with "Page n".
    pub(crate) fn list_meta(
        &self,
        title: &str,
        description: &str,
        base: &str,
        n: usize,
        total: usize,
        parents: &[(&str, &str)],
    ) -> PageMeta {
        let page_title = if total > 1 { format!("{title} (page {n} sur {total})") } else { title.to_string() };
        let mut crumbs = parents.to_vec();
        if n > 1 {
            crumbs.push((title, base));
        }
        let mut meta = self.meta(&page_title, description, &page_dir(base, n), self.crumbs(&crumbs));
        if n > 1 {
            meta.ariane_courant = format!("Page {n}");
        }
        meta
    }

    /// The ways through the directory without JavaScript: by need, commune, public; all places.
    pub(crate) fn browse_links(&self) -> Vec<Link> {
        [
            ("par besoin", "services/"),
            ("par commune", "communes/"),
            ("par public", "publics/"),
            ("la liste complète", "lieux/"),
        ]
        .iter()
        .map(|item| self.link(item))
        .collect()
    }

    /// A link to a page folder of the site.
    pub(crate) fn link(&self, (text, dir): &(&str, &str)) -> Link {
        Link { text: text.to_string(), href: self.urls.path(dir) }
    }

    /// The breadcrumb from the home page through `items` (text, page folder).
    pub(crate) fn crumbs(&self, items: &[(&str, &str)]) -> Vec<Link> {
        let mut links = vec![self.link(&("Accueil", ""))];
        links.extend(items.iter().map(|item| self.link(item)));
        links
    }

    /// Renders `template` with the shared view, the page's metadata and its data as `d`.
    pub(crate) fn page(&self, template: &str, meta: &PageMeta, data: &impl Serialize) -> Result<String, Error> {
        let mut context = Context::new();
        context.insert("site", &self.shared);
        context.insert("page", meta);
        context.insert("d", data);
        self.theme.render(template, &context)
    }
}
