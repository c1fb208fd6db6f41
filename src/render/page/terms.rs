//! The taxonomies' pages: the index of a taxonomy (`/communes/`, `/services/`, `/publics/`,
//! `/criteres/`) and each term's list of places, cut in pages of [`PLACES_PER_PAGE`].

use std::hash::{Hash, Hasher};

use serde::Serialize;

use crate::Error;
use crate::index::{Site, Term};
use crate::render::cards::{self, Card, Group};
use crate::render::deps::Keys;
use crate::render::filters::{self, Choice};
use crate::render::urls::{Pagination, page_dir, pagination};
use crate::render::view::{self, TermLink};
use crate::render::{PLACES_PER_PAGE, Renderer, labels};

/// The taxonomies of places, each with its index and its terms' pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Taxonomy {
    Communes,
    Services,
    Publics,
    /// The territorial fields offered as filters.
    Criteria,
}

impl Taxonomy {
    /// Every taxonomy, in the order of the plan.
    pub(crate) const ALL: [Taxonomy; 4] =
        [Taxonomy::Communes, Taxonomy::Services, Taxonomy::Publics, Taxonomy::Criteria];

    /// The folder of its index, and of its terms' pages below.
    pub(crate) fn folder(self) -> &'static str {
        match self {
            Taxonomy::Communes => "communes",
            Taxonomy::Services => "services",
            Taxonomy::Publics => "publics",
            Taxonomy::Criteria => "criteres",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Taxonomy::Communes => "Les communes",
            Taxonomy::Services => "Les besoins",
            Taxonomy::Publics => "Les publics",
            Taxonomy::Criteria => "Les critères du territoire",
        }
    }

    /// Its terms in `site`.
    pub(crate) fn terms(self, site: &Site) -> &[Term] {
        match self {
            Taxonomy::Communes => &site.communes,
            Taxonomy::Services => &site.services,
            Taxonomy::Publics => &site.publics,
            Taxonomy::Criteria => &site.criteria,
        }
    }

    /// True when its term pages group places by commune (a commune's page lists them flat).
    pub(crate) fn groups_by_commune(self) -> bool {
        matches!(self, Taxonomy::Services | Taxonomy::Publics)
    }
}

/// A list of terms (`termes.html`): a taxonomy's, or the tags of the network's space.
#[derive(Serialize)]
pub(crate) struct TermIndex {
    /// What the terms are for.
    pub(crate) intro: String,
    /// The terms, each with its count.
    pub(crate) termes: Vec<TermLink>,
    /// Said when there is no term.
    pub(crate) vide: String,
    /// `/communes/`: every commune with a centre, for "my commune is not in the list".
    pub(crate) depuis: Vec<Choice>,
    /// `/lieux/`, where that choice leads.
    pub(crate) lieux: String,
}

#[derive(Serialize)]
struct TermPage {
    titre: String,
    standard: Option<String>,
    nombre: String,
    /// Places grouped by commune (services, publics)…
    groupes: Vec<Group>,
    /// …or a flat list (a commune's page).
    cartes: Vec<Card>,
    numero: usize,
    pages: usize,
    pagination: Option<Pagination>,
    /// A need's page: the communes to choose from first, then "près de moi".
    choix: Option<CommuneChoice>,
    /// Some place of the page has hours: `ouverture.js` says which are open now.
    heures: bool,
}

/// The first screen of a need's page: where the resident is, among the communes that have a
/// place for this need.
#[derive(Serialize)]
struct CommuneChoice {
    /// The need's value in `/lieux/`'s query (`besoin=…`).
    besoin: String,
    /// `/lieux/`, where the script takes the choice (sorted by distance, open first).
    lieux: String,
    communes: Vec<CommuneLink>,
    /// Every commune whose centre is known, for "my commune is not in the list".
    depuis: Vec<Choice>,
}

/// A commune of a need's page: its places on this page's list (`#c-<slug>`, on the list's page
/// that holds them) and, for the script, its state of `/lieux/`.
#[derive(Serialize)]
struct CommuneLink {
    /// The commune's name.
    #[serde(skip)]
    name: String,
    /// Its name in a few words ("Lyon 3e").
    text: String,
    count: String,
    /// `/services/<need>/#c-<commune>` (or `…/page/2/#c-…`): works without JavaScript.
    href: String,
    /// The commune's value in `/lieux/`'s query (`commune=…`).
    slug: String,
}

/// The communes of a need's page, in the order of its list, each linked to its group on the
/// list's page that holds it.
fn commune_choice(r: &Renderer, term: &Term, order: &[usize], base: &str) -> CommuneChoice {
    let site = r.site;
    let urls = &r.urls;
    let mut communes: Vec<CommuneLink> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        let commune = &site.entries.places[i].commune;
        if communes.last().is_some_and(|c| c.name == *commune) {
            *counts.last_mut().expect("a count per commune") += 1;
            continue;
        }
        let slug = Site::commune_slug(commune);
        let path = page_dir(base, k / PLACES_PER_PAGE + 1);
        communes.push(CommuneLink {
            name: commune.clone(),
            text: commune_short(commune),
            count: String::new(),
            href: format!("{}#c-{slug}", urls.path(&path)),
            slug,
        });
        counts.push(1);
    }
    for (c, n) in communes.iter_mut().zip(counts) {
        c.count = labels::count(n, "lieu", "lieux");
    }
    CommuneChoice {
        besoin: crate::vocab::slug(&term.name),
        lieux: urls.path("lieux/"),
        communes,
        depuis: filters::communes_with_centre(site),
    }
}

/// A commune's name in a few words, for a list of buttons: "Lyon 3e" for "Lyon 3e
/// Arrondissement"; other names as they are.
fn commune_short(name: &str) -> String {
    name.strip_suffix(" Arrondissement").unwrap_or(name).to_string()
}

/// Renders the index of `taxonomy`, in the folder `dir`. It shows every term's count: it is
/// made again after every change.
pub(crate) fn render_index(r: &Renderer, taxonomy: Taxonomy, dir: &str) -> Result<String, Error> {
    let terms = taxonomy.terms(r.site);
    let folder = taxonomy.folder();
    let urls = &r.urls;
    let (termes, intro, description) = match taxonomy {
        Taxonomy::Communes => (
            view::term_links(terms, urls, folder, view::same_words),
            "Choisissez votre commune pour voir les lieux qui s'y trouvent.",
            "Les communes de la métropole où se faire aider avec le numérique.",
        ),
        Taxonomy::Services => (
            view::term_links(terms, urls, folder, view::service_words),
            "Choisissez ce que vous voulez faire pour voir les lieux qui peuvent vous aider.",
            "Les besoins pour lesquels se faire aider avec le numérique, et les lieux qui y répondent.",
        ),
        Taxonomy::Publics => (
            view::term_links(terms, urls, folder, view::public_words),
            "Certains lieux accueillent en particulier un public. Les autres lieux accueillent tout le monde.",
            "Les lieux qui accueillent en particulier les jeunes, les seniors, les familles…",
        ),
        Taxonomy::Criteria => (
            view::term_links(terms, urls, folder, view::same_words),
            "Des dispositifs propres à notre territoire, en plus des informations du standard national.",
            "Les lieux par dispositif propre au territoire : Pass numérique…",
        ),
    };
    let depuis = if taxonomy == Taxonomy::Communes { filters::communes_with_centre(r.site) } else { Vec::new() };
    let data = TermIndex {
        intro: intro.to_string(),
        termes,
        vide: "Aucun lieu n'est encore publié.".into(),
        depuis,
        lieux: urls.path("lieux/"),
    };
    let meta = r.meta(taxonomy.title(), description, dir, r.crumbs(&[]));
    r.page("termes.html", &meta, &data)
}

/// Renders page `n` of `total` of the term at `index` of `taxonomy`.
pub(crate) fn render_term(
    r: &Renderer,
    taxonomy: Taxonomy,
    index: usize,
    n: usize,
    total: usize,
) -> Result<String, Error> {
    let site = r.site;
    let urls = &r.urls;
    let term = &taxonomy.terms(site)[index];
    let folder = taxonomy.folder();
    let count = labels::count(term.places.len(), "lieu", "lieux");
    let base = format!("{folder}/{}/", term.slug);
    let start = (n - 1) * PLACES_PER_PAGE;
    let mut choice = None;
    let (title, standard, groups, cards) = match taxonomy {
        Taxonomy::Communes | Taxonomy::Criteria => (
            if taxonomy == Taxonomy::Communes {
                format!("Lieux à {}", term.name)
            } else {
                format!("Lieux : {}", term.name)
            },
            None,
            Vec::new(),
            term.places
                .iter()
                .skip(start)
                .take(PLACES_PER_PAGE)
                .map(|&i| cards::card(site, &site.entries.places[i], urls))
                .collect(),
        ),
        Taxonomy::Services | Taxonomy::Publics => {
            let order = cards::term_places_by_commune(site, term);
            let slice = &order[start.min(order.len())..(start + PLACES_PER_PAGE).min(order.len())];
            let first_is_suite = start > 0
                && slice
                    .first()
                    .is_some_and(|&i| site.entries.places[order[start - 1]].commune == site.entries.places[i].commune);
            let groups = cards::groups(site, urls, slice, first_is_suite);
            if taxonomy == Taxonomy::Services && n == 1 {
                choice = Some(commune_choice(r, term, &order, &base));
            }
            if taxonomy == Taxonomy::Services {
                (
                    labels::service_plain(&term.name),
                    labels::service(&term.name).map(|_| term.name.clone()),
                    groups,
                    Vec::new(),
                )
            } else {
                (format!("Lieux pour {}", labels::public_plain(&term.name)), None, groups, Vec::new())
            }
        }
    };
    let description = match taxonomy {
        Taxonomy::Communes => format!("{count} à {} où se faire aider avec le numérique.", term.name),
        Taxonomy::Criteria => format!("{} : {count}.", term.name),
        Taxonomy::Services => format!("{} : {count} pour vous aider.", title),
        Taxonomy::Publics => {
            format!("{count} qui accueillent en particulier {}.", labels::public_plain(&term.name))
        }
    };
    let heures = cards.iter().chain(groups.iter().flat_map(|g| &g.lieux)).any(|c| c.ouverture.is_some());
    let data = TermPage {
        heures,
        titre: title.clone(),
        standard,
        nombre: count,
        groupes: groups,
        cartes: cards,
        numero: n,
        pages: total,
        pagination: pagination(urls, &base, n, total),
        choix: choice,
    };
    let parent = format!("{folder}/");
    let meta = r.list_meta(&title, &description, &base, n, total, &[(taxonomy.title(), &parent)]);
    r.page("terme.html", &meta, &data)
}

/// The key of page `n` of `total` of the term at `index` of `taxonomy`: the term, and the
/// places of that page in the order [`render_term`] shows them.
pub(crate) fn key(keys: &Keys, taxonomy: Taxonomy, index: usize, n: usize, total: usize) -> u64 {
    let term = &taxonomy.terms(keys.site)[index];
    let mut h = keys.hasher();
    (3u8, taxonomy, &term.slug, &term.name, n, total, term.places.len()).hash(&mut h);
    // A need's first page offers its communes, each with its count and the page of the list
    // that holds it (every place's commune, in order), and every commune with a centre, which
    // places outside the territory's file can add ("votre commune n'est pas dans la liste ?").
    if taxonomy == Taxonomy::Services && n == 1 {
        let places = &keys.site.entries.places;
        if let Some(order) = keys.by_commune.get(&(taxonomy, index)) {
            order.iter().for_each(|&i| places[i].commune.hash(&mut h));
        }
        for c in filters::communes_with_centre(keys.site) {
            (c.value, c.text).hash(&mut h);
        }
    }
    match keys.by_commune.get(&(taxonomy, index)) {
        Some(order) => cards::hash_places_page(keys, &mut h, order, n),
        None => cards::hash_places_page(keys, &mut h, &term.places, n),
    }
    h.finish()
}
