//! The pages of the network's space (`/reseau/`): its home, a paginated list per section
//! (with the archives of calls and events), a page per entry, the tag pages; and the views
//! the templates `reseau*.html` read.

use serde::Serialize;

mod card;
mod entry;

pub(crate) use card::Card;
pub(crate) use card::place_mentions;

use super::terms::TermIndex;
use crate::Error;
use crate::index::Site;
use crate::index::network::position;
use crate::markdown;
use crate::model::network::{Publication, Section};
use crate::render::files::atom;
use crate::render::urls::{Pagination, Urls, page_dir, pagination};
use crate::render::view::{Link, TermLink};
use crate::render::{Renderer, labels};

/// Entries per page of a list.
pub(crate) const PER_PAGE: usize = 20;

/// One page of the network's space.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Page {
    /// `/reseau/`.
    Home,
    /// A section's list (or its archive), page `n` of `total`.
    List { section: Section, archive: bool, n: usize, total: usize },
    /// The page of the entry at this index of `entries.network`.
    Entry(usize),
    /// `/reseau/etiquettes/`.
    Tags,
    /// A tag's page `n` of `total`.
    Tag { index: usize, n: usize, total: usize },
}

/// True for the sections that have an archive: closed calls, past events.
pub(crate) fn has_archive(section: Section) -> bool {
    matches!(section, Section::CallsForProjects | Section::Agenda)
}

/// Every page of the network's space, in a fixed order. Expired ads have none: they leave
/// the site, their files stay in the content.
pub(crate) fn pages(site: &Site) -> Vec<Page> {
    let network = &site.network;
    let mut pages = vec![Page::Home];
    for section in Section::ALL {
        let at = position(section);
        let total = network.lists[at].len().div_ceil(PER_PAGE).max(1);
        pages.extend((1..=total).map(|n| Page::List { section, archive: false, n, total }));
        if has_archive(section) {
            let total = network.archives[at].len().div_ceil(PER_PAGE).max(1);
            pages.extend((1..=total).map(|n| Page::List { section, archive: true, n, total }));
        }
    }
    for (i, p) in site.entries.network.iter().enumerate() {
        if crate::index::network::is_listed(p, site.today) {
            pages.push(Page::Entry(i));
        }
    }
    pages.push(Page::Tags);
    for (index, tag) in network.tags.iter().enumerate() {
        let total = tag.entries.len().div_ceil(PER_PAGE).max(1);
        pages.extend((1..=total).map(|n| Page::Tag { index, n, total }));
    }
    pages
}

/// The folder of a section's list or archive.
pub(crate) fn list_dir(section: Section, archive: bool) -> String {
    if archive { format!("reseau/{}/archives/", section.folder()) } else { format!("reseau/{}/", section.folder()) }
}

/// The folder of a page.
pub(crate) fn dir(site: &Site, page: Page) -> String {
    match page {
        Page::Home => "reseau/".into(),
        Page::List { section, archive, n, .. } => page_dir(&list_dir(section, archive), n),
        Page::Entry(i) => entry_dir(&site.entries.network[i]),
        Page::Tags => "reseau/etiquettes/".into(),
        Page::Tag { index, n, .. } => page_dir(&tag_dir(&site.network.tags[index].slug), n),
    }
}

/// The folder of a tag's page.
pub(crate) fn tag_dir(slug: &str) -> String {
    format!("reseau/etiquettes/{slug}/")
}

/// The folder of an entry's page.
pub(crate) fn entry_dir(p: &Publication) -> String {
    crate::render::urls::entry_dir(crate::load::EntryKind::Network(p.section), &p.slug)
}

/// The file of an event's calendar.
pub(crate) fn event_calendar(p: &Publication) -> String {
    format!("{}evenement.ics", entry_dir(p))
}

/// Path of the whole agenda's calendar.
pub(crate) const AGENDA_CALENDAR: &str = "reseau/agenda/agenda.ics";

/// A block of the network's home: a few cards and the way to the whole list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct HomeBlock {
    /// Heading.
    pub titre: String,
    /// The first entries.
    pub cartes: Vec<Card>,
    /// The whole list.
    pub tout: Link,
    /// Said when the list is empty.
    pub vide: String,
}

/// The network's home.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct HomeView {
    /// One block per section, in the order people look for them.
    pub blocs: Vec<HomeBlock>,
    /// Every tag with its count.
    pub etiquettes: Vec<TermLink>,
    /// The feeds: the whole space's, then each section's.
    pub flux: Vec<Link>,
    /// The agenda's calendar file.
    pub agenda: String,
}

/// How many entries the home shows per section.
const HOME_CARDS: [(Section, usize, &str); 5] = [
    (Section::News, 3, "Aucune actualité pour le moment."),
    (Section::CallsForProjects, 4, "Aucun appel à projets ouvert ou à venir en ce moment."),
    (Section::Agenda, 3, "Aucun événement à venir pour le moment."),
    (Section::Exchange, 3, "Aucune annonce en cours."),
    (Section::GoodPractices, 3, "Aucune bonne pratique partagée pour le moment."),
];

/// The network's home: latest news, open calls by deadline, next events, recent ads, good
/// practices.
pub(crate) fn home_view(site: &Site, urls: &Urls) -> HomeView {
    let blocks = HOME_CARDS
        .iter()
        .map(|&(section, count, empty)| {
            let titre = match section {
                Section::News => "Dernières actualités",
                Section::CallsForProjects => "Appels à projets ouverts et à venir",
                Section::Agenda => "Prochains événements",
                Section::Exchange => "Bourse d'échanges : annonces récentes",
                Section::GoodPractices => "Bonnes pratiques récentes",
            };
            let list = &site.network.lists[position(section)];
            HomeBlock {
                titre: titre.to_string(),
                cartes: list.iter().take(count).map(|&i| card::card(site, urls, &site.entries.network[i])).collect(),
                tout: Link {
                    text: match section {
                        Section::News => "Toutes les actualités".to_string(),
                        Section::CallsForProjects => "Tous les appels à projets".to_string(),
                        Section::Agenda => "Tout l'agenda".to_string(),
                        Section::Exchange => "Toutes les annonces".to_string(),
                        Section::GoodPractices => "Toutes les bonnes pratiques".to_string(),
                    },
                    href: urls.path(&list_dir(section, false)),
                },
                vide: empty.to_string(),
            }
        })
        .collect();
    let mut feeds = vec![Link { text: "Tout l'espace réseau".into(), href: urls.path(&atom::network_path(None)) }];
    feeds.extend(
        Section::ALL
            .iter()
            .map(|&s| Link { text: s.title().to_string(), href: urls.path(&atom::network_path(Some(s))) }),
    );
    HomeView { blocs: blocks, etiquettes: tag_cloud(site, urls), flux: feeds, agenda: urls.path(AGENDA_CALENDAR) }
}

/// Every tag with its count.
pub(crate) fn tag_cloud(site: &Site, urls: &Urls) -> Vec<TermLink> {
    site.network
        .tags
        .iter()
        .map(|t| TermLink {
            text: t.name.clone(),
            standard: None,
            href: urls.path(&tag_dir(&t.slug)),
            count: labels::count(t.entries.len(), "publication", "publications"),
        })
        .collect()
}

/// A list page: a section's, its archive's or a tag's.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ListView {
    /// The heading.
    pub titre: String,
    /// What the list holds.
    pub intro: String,
    /// The entries of this page.
    pub cartes: Vec<Card>,
    /// True on lists that mix sections (tags): cards say their section.
    pub rubriques: bool,
    /// Page number and count.
    pub numero: usize,
    /// Pages.
    pub pages: usize,
    /// Links between pages.
    pub pagination: Option<Pagination>,
    /// Said when the list is empty.
    pub vide: String,
    /// Other lists: the archive, or back to the current list.
    pub voir_aussi: Vec<Link>,
    /// The feed of this section.
    pub flux: Option<String>,
    /// The calendar of the agenda.
    pub agenda: Option<String>,
}

/// The title, introduction and "empty" text of a section's list or archive.
pub(crate) fn list_words(section: Section, archive: bool) -> (String, &'static str, &'static str) {
    match (section, archive) {
        (Section::News, _) => (
            "Actualités du réseau".into(),
            "Les nouvelles de la médiation numérique dans la métropole, les plus récentes d'abord.",
            "Aucune actualité pour le moment.",
        ),
        (Section::CallsForProjects, false) => (
            "Appels à projets".into(),
            "Les appels à projets et financements ouverts ou à venir, par date de clôture : les plus urgents d'abord. Les appels clos passent aux archives.",
            "Aucun appel à projets ouvert en ce moment.",
        ),
        (Section::CallsForProjects, true) => (
            "Appels à projets clos".into(),
            "Les appels à projets dont la date de clôture est passée, les plus récents d'abord.",
            "Aucun appel clos.",
        ),
        (Section::GoodPractices, _) => (
            "Bonnes pratiques et outils".into(),
            "Des méthodes, supports et outils partagés par les structures du réseau, à télécharger et à réutiliser.",
            "Aucune bonne pratique partagée pour le moment.",
        ),
        (Section::Exchange, _) => (
            "Bourse d'échanges".into(),
            "Matériel, locaux, bénévoles, compétences, places en formation : ce que les structures du réseau proposent ou cherchent. Une annonce disparaît le lendemain de sa date d'expiration.",
            "Aucune annonce en cours.",
        ),
        (Section::Agenda, false) => (
            "Agenda du réseau".into(),
            "Les prochaines rencontres, formations et journées du réseau, les plus proches d'abord.",
            "Aucun événement à venir pour le moment.",
        ),
        (Section::Agenda, true) => (
            "Événements passés".into(),
            "Les rencontres et formations qui ont eu lieu, les plus récentes d'abord.",
            "Aucun événement passé.",
        ),
    }
}

/// The cards of page `n` of a list of entries (indices into `entries.network`).
fn page_cards(site: &Site, urls: &Urls, items: &[usize], n: usize) -> Vec<Card> {
    items
        .iter()
        .skip((n - 1) * PER_PAGE)
        .take(PER_PAGE)
        .map(|&i| card::card(site, urls, &site.entries.network[i]))
        .collect()
}

/// A section's list or archive, page `n` of `total`.
pub(crate) fn list_view(site: &Site, urls: &Urls, section: Section, archive: bool, n: usize, total: usize) -> ListView {
    let at = position(section);
    let items = if archive { &site.network.archives[at] } else { &site.network.lists[at] };
    let (titre, intro, empty) = list_words(section, archive);
    let base = list_dir(section, archive);
    let mut see_also = Vec::new();
    if has_archive(section) {
        let other = list_words(section, !archive).0;
        see_also.push(Link { text: other, href: urls.path(&list_dir(section, !archive)) });
    }
    ListView {
        titre,
        intro: intro.to_string(),
        cartes: page_cards(site, urls, items, n),
        rubriques: false,
        numero: n,
        pages: total,
        pagination: pagination(urls, &base, n, total),
        vide: empty.to_string(),
        voir_aussi: see_also,
        flux: Some(urls.path(&atom::network_path(Some(section)))),
        agenda: (section == Section::Agenda).then(|| urls.path(AGENDA_CALENDAR)),
    }
}

/// A tag's page `n` of `total`.
pub(crate) fn tag_view(site: &Site, urls: &Urls, index: usize, n: usize, total: usize) -> ListView {
    let tag = &site.network.tags[index];
    ListView {
        titre: format!("Étiquette « {} »", tag.name),
        intro: format!(
            "{} de l'espace réseau portant l'étiquette « {} », les plus récentes d'abord.",
            labels::count(tag.entries.len(), "publication", "publications"),
            tag.name
        ),
        cartes: page_cards(site, urls, &tag.entries, n),
        rubriques: true,
        numero: n,
        pages: total,
        pagination: pagination(urls, &tag_dir(&tag.slug), n, total),
        vide: String::new(),
        voir_aussi: vec![Link { text: "Toutes les étiquettes".into(), href: urls.path("reseau/etiquettes/") }],
        flux: None,
        agenda: None,
    }
}

/// A page of the network's space.
pub(crate) fn render(r: &Renderer, page: Page, dir: &str) -> Result<String, Error> {
    let site = r.site;
    let urls = &r.urls;
    let home = ("Espace réseau", "reseau/");
    match page {
        Page::Home => {
            let data = home_view(site, urls);
            let meta = r.meta(
                "Espace réseau",
                "L'espace des professionnels de la médiation numérique de la métropole : actualités, appels à projets, bonnes pratiques, bourse d'échanges et agenda.",
                dir,
                r.crumbs(&[]),
            );
            r.page("reseau.html", &meta, &data)
        }
        Page::List { section, archive, n, total } => {
            let data = list_view(site, urls, section, archive, n, total);
            let base = list_dir(section, archive);
            let list = list_dir(section, false);
            let mut parents = vec![home];
            if archive {
                parents.push((section.title(), &list));
            }
            let meta = r.list_meta(&data.titre.clone(), &data.intro.clone(), &base, n, total, &parents);
            r.page("reseau-liste.html", &meta, &data)
        }
        Page::Entry(i) => {
            let p = &site.entries.network[i];
            let data = entry::entry_view(site, urls, p);
            let description = p.resume.clone().unwrap_or_else(|| markdown::plain_text(&p.corps, 160));
            let (text, list) = entry::entry_list(p, site.today);
            let crumbs = r.crumbs(&[home, (&text, &list)]);
            let meta = r.meta(&p.titre, &description, dir, crumbs);
            r.page("reseau-fiche.html", &meta, &data)
        }
        Page::Tags => {
            let data = TermIndex {
                intro: "Les sujets des publications de l'espace réseau.".into(),
                termes: tag_cloud(site, urls),
                vide: "Aucune publication n'a encore d'étiquette.".into(),
                depuis: Vec::new(),
                lieux: String::new(),
            };
            let meta = r.meta(
                "Étiquettes",
                "Les sujets des actualités, appels à projets, bonnes pratiques, annonces et événements du réseau.",
                dir,
                r.crumbs(&[home]),
            );
            r.page("termes.html", &meta, &data)
        }
        Page::Tag { index, n, total } => {
            let data = tag_view(site, urls, index, n, total);
            let base = tag_dir(&site.network.tags[index].slug);
            let meta = r.list_meta(
                &data.titre.clone(),
                &data.intro.clone(),
                &base,
                n,
                total,
                &[home, ("Étiquettes", "reseau/etiquettes/")],
            );
            r.page("reseau-liste.html", &meta, &data)
        }
    }
}
