//! Render stage: the [`Site`] through the theme's Tera templates into HTML pages, plus
//! `404.html`, `sitemap.xml`, `robots.txt` and the theme's static files.
//!
//! `Renderer::plan` lists every file of the site (`Planned`: its path and the `Output`
//! that produces it) without rendering anything; `Renderer::produce` makes one file. A build
//! produces every file in parallel (rayon); `resin serve` produces a file again only when what
//! it depends on changed ([`deps`]). Files are sorted by path, so the output is byte-identical
//! whatever the thread count.

pub mod admin;
pub mod atom;
pub mod deps;
pub mod labels;
pub mod orientation;
pub mod qr;
pub mod reseau;
pub mod search;
pub mod structured;
pub mod theme;
pub mod view;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

pub use theme::Theme;
use view::{Link, PageMeta, SiteView, Urls};

use crate::Error;
use crate::export;
use crate::index::{Site, Term};
use crate::markdown;
use crate::write::OutputFile;

/// Places per page of `/lieux/` and of the taxonomy pages.
pub const PLACES_PER_PAGE: usize = 100;

/// Offers per page of `/offres/`.
pub const OFFERS_PER_PAGE: usize = 100;

/// The three taxonomies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Taxonomy {
    Communes,
    Services,
    Publics,
    /// The territorial fields offered as filters.
    Criteres,
}

impl Taxonomy {
    fn folder(self) -> &'static str {
        match self {
            Taxonomy::Communes => "communes",
            Taxonomy::Services => "services",
            Taxonomy::Publics => "publics",
            Taxonomy::Criteres => "criteres",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Taxonomy::Communes => "Les communes",
            Taxonomy::Services => "Les besoins",
            Taxonomy::Publics => "Les publics",
            Taxonomy::Criteres => "Les critères du territoire",
        }
    }

    fn terms(self, site: &Site) -> &[Term] {
        match self {
            Taxonomy::Communes => &site.communes,
            Taxonomy::Services => &site.services,
            Taxonomy::Publics => &site.publics,
            Taxonomy::Criteres => &site.criteres,
        }
    }
}

/// One page to render.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Job {
    Home,
    /// `/lieux/`, page `n` (1-based) of `total`.
    Places {
        n: usize,
        total: usize,
    },
    Place(usize),
    TermIndex(Taxonomy),
    /// A term's page `n` (1-based) of `total`.
    Term {
        taxonomy: Taxonomy,
        index: usize,
        n: usize,
        total: usize,
    },
    /// `/offres/`, page `n` (1-based) of `total`.
    Offers {
        n: usize,
        total: usize,
    },
    Offer(usize),
    Page(usize),
    /// `/carte/`.
    Map,
    /// `/orienter/`.
    Orient,
    Data,
    NotFound,
    /// A page of the network's space.
    Reseau(reseau::Page),
}

/// What produces one file of the site.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Output {
    /// A page from a template.
    Page(Job),
    /// `sitemap.xml`.
    Sitemap,
    /// `robots.txt`.
    Robots,
    /// The theme's static file at this index.
    Static(usize),
    /// An open data file.
    Export(export::Export),
    /// The search index of the directory ([`search`]).
    Search,
    /// The Atom feed of updates ([`atom`]).
    Atom,
    /// The iCalendar file of the offer at this index.
    OfferCalendar(usize),
    /// The iCalendar file of every offer.
    Calendar,
    /// The Atom feed of the network's space (`None`) or of one section.
    ReseauFeed(Option<crate::model::Section>),
    /// The iCalendar file of the event at this index of `entries.reseau`.
    EventCalendar(usize),
    /// The iCalendar file of the network's agenda.
    Agenda,
    /// The web editor's page, `admin/index.html`.
    AdminPage,
    /// The web editor's configuration, `admin/config.yml`.
    AdminConfig,
    /// The web editor's file at this index of [`theme::ADMIN`].
    AdminFile(usize),
    /// What `/orienter/` adds to the search index ([`orientation`]).
    Orientation,
    /// The QR code of the page of the place at this index.
    PlaceQr(usize),
}

/// One file of the site, not yet produced.
#[derive(Debug, Clone)]
pub(crate) struct Planned {
    /// Path in the output folder.
    pub path: String,
    /// What produces it.
    pub output: Output,
}

/// Renders the whole site, exports included. Files are sorted by path.
pub fn render_site(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>, Error> {
    let renderer = Renderer::new(site, theme);
    renderer
        .plan()?
        .par_iter()
        .map(|planned| Ok(OutputFile { path: planned.path.clone(), bytes: renderer.produce(planned.output)?.into() }))
        .collect()
}

/// Every page, in a fixed order.
fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Home];
    let total = site.entries.lieux.len().div_ceil(PLACES_PER_PAGE).max(1);
    jobs.extend((1..=total).map(|n| Job::Places { n, total }));
    jobs.extend((0..site.entries.lieux.len()).map(Job::Place));
    for taxonomy in [Taxonomy::Communes, Taxonomy::Services, Taxonomy::Publics, Taxonomy::Criteres] {
        if taxonomy == Taxonomy::Criteres && site.criteres.is_empty() {
            continue;
        }
        jobs.push(Job::TermIndex(taxonomy));
        for (index, term) in taxonomy.terms(site).iter().enumerate() {
            let total = term.lieux.len().div_ceil(PLACES_PER_PAGE).max(1);
            jobs.extend((1..=total).map(|n| Job::Term { taxonomy, index, n, total }));
        }
    }
    let total = site.entries.offres.len().div_ceil(OFFERS_PER_PAGE).max(1);
    jobs.extend((1..=total).map(|n| Job::Offers { n, total }));
    jobs.extend((0..site.entries.offres.len()).map(Job::Offer));
    jobs.extend((0..site.entries.pages.len()).map(Job::Page));
    jobs.push(Job::Map);
    jobs.push(Job::Orient);
    jobs.push(Job::Data);
    jobs.extend(reseau::pages(site).into_iter().map(Job::Reseau));
    jobs.push(Job::NotFound);
    jobs
}

/// Renders the files of one site with one theme.
pub(crate) struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    urls: Urls,
    shared: SiteView,
    /// The QR code of each place's page, drawn at most once: the page shows it, `qr.svg` holds it.
    qr_codes: QrCodes,
}

/// The QR codes of the places' pages, each drawn when first needed, shared by the renderers of
/// one site ([`Renderer::with_qr_codes`]).
pub(crate) type QrCodes = std::sync::Arc<[std::sync::OnceLock<Option<String>>]>;

/// Room for the QR codes of `site`'s places.
pub(crate) fn qr_codes(site: &Site) -> QrCodes {
    site.entries.lieux.iter().map(|_| std::sync::OnceLock::new()).collect()
}

impl<'a> Renderer<'a> {
    /// A renderer of `site` with `theme`.
    pub fn new(site: &'a Site, theme: &'a Theme) -> Renderer<'a> {
        Renderer::with_qr_codes(site, theme, qr_codes(site))
    }

    /// A renderer that shares the QR codes drawn by others of the same site.
    pub fn with_qr_codes(site: &'a Site, theme: &'a Theme, qr_codes: QrCodes) -> Renderer<'a> {
        let urls = Urls::new(&site.config.url);
        let shared = view::site_view(site, &urls);
        Renderer { site, theme, urls, shared, qr_codes }
    }

    /// The QR code of the address of the place at `i` (`None` if too long for a QR code).
    fn place_qr(&self, i: usize) -> &Option<String> {
        self.qr_codes[i]
            .get_or_init(|| qr::svg(&self.urls.absolute(&format!("lieux/{}/", self.site.entries.lieux[i].slug))))
    }

    /// Every file of the site, sorted by path. Two files with one path are an error: one would
    /// silently replace the other (reserved page names and one spelling per commune prevent it).
    pub fn plan(&self) -> Result<Vec<Planned>, Error> {
        let mut planned: Vec<Planned> = jobs(self.site)
            .into_iter()
            .map(|job| Planned { path: self.path(job), output: Output::Page(job) })
            .collect();
        planned.push(Planned { path: "sitemap.xml".into(), output: Output::Sitemap });
        planned.push(Planned { path: "robots.txt".into(), output: Output::Robots });
        planned.push(Planned { path: search::PATH.into(), output: Output::Search });
        planned.push(Planned { path: orientation::PATH.into(), output: Output::Orientation });
        for (i, lieu) in self.site.entries.lieux.iter().enumerate() {
            planned.push(Planned { path: orientation::qr_path(&lieu.slug), output: Output::PlaceQr(i) });
        }
        planned.push(Planned { path: atom::PATH.into(), output: Output::Atom });
        planned.push(Planned { path: format!("{}/offres.ics", export::DIR), output: Output::Calendar });
        for (i, offre) in self.site.entries.offres.iter().enumerate() {
            planned
                .push(Planned { path: format!("offres/{}/agenda.ics", offre.slug), output: Output::OfferCalendar(i) });
        }
        planned.push(Planned { path: atom::reseau_path(None), output: Output::ReseauFeed(None) });
        for section in crate::model::Section::ALL {
            planned.push(Planned { path: atom::reseau_path(Some(section)), output: Output::ReseauFeed(Some(section)) });
        }
        planned.push(Planned { path: reseau::AGENDA_CALENDAR.into(), output: Output::Agenda });
        for (i, p) in self.site.entries.reseau.iter().enumerate() {
            if p.section == crate::model::Section::Agenda {
                planned.push(Planned { path: reseau::event_calendar(p), output: Output::EventCalendar(i) });
            }
        }
        for (i, (path, _)) in self.theme.statics.iter().enumerate() {
            planned.push(Planned { path: format!("static/{path}"), output: Output::Static(i) });
        }
        for export in export::Export::ALL.into_iter().filter(|e| e.applies(self.site)) {
            planned.push(Planned { path: export.path(), output: Output::Export(export) });
        }
        if self.site.config.edition_en_ligne.is_some() {
            planned.push(Planned { path: format!("{}/index.html", admin::DIR), output: Output::AdminPage });
            planned.push(Planned { path: format!("{}/config.yml", admin::DIR), output: Output::AdminConfig });
            for (i, (path, _)) in theme::ADMIN.iter().enumerate() {
                planned.push(Planned { path: format!("{}/{path}", admin::DIR), output: Output::AdminFile(i) });
            }
        }
        planned.sort_by(|a, b| a.path.cmp(&b.path));
        if let Some(pair) = planned.windows(2).find(|w| w[0].path == w[1].path) {
            return Err(Error::UnsafeOutput {
                path: pair[0].path.clone().into(),
                reason: "deux pages du site s'écriraient dans ce même fichier".into(),
            });
        }
        Ok(planned)
    }

    /// Produces one file.
    pub fn produce(&self, output: Output) -> Result<Vec<u8>, Error> {
        Ok(match output {
            Output::Page(job) => self.render(job)?.into_bytes(),
            Output::Sitemap => {
                let entries = jobs(self.site)
                    .into_iter()
                    .filter(|job| !matches!(job, Job::NotFound))
                    .map(|job| (self.urls.absolute(&self.dir(job)), self.lastmod(job)))
                    .collect();
                sitemap(entries).into_bytes()
            }
            Output::Robots => {
                format!("User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n", self.urls.base_url).into_bytes()
            }
            Output::Static(i) => self.theme.statics[i].1.clone(),
            Output::Export(export) => export.produce(self.site),
            Output::Search => search::index(self.site, &self.urls),
            Output::Atom => atom::feed(self.site, &self.urls),
            Output::OfferCalendar(i) => {
                export::ical::offer_ics(self.site, &self.urls.base_url, &self.site.entries.offres[i])
            }
            Output::Calendar => export::ical::offers_ics(self.site, &self.urls.base_url),
            Output::ReseauFeed(section) => atom::reseau_feed(self.site, &self.urls, section),
            Output::EventCalendar(i) => {
                export::ical::event_ics(self.site, &self.urls.base_url, &self.site.entries.reseau[i])
            }
            Output::Agenda => export::ical::agenda_ics(self.site, &self.urls.base_url),
            Output::AdminPage => {
                let data = AdminPage {
                    config: self.urls.path(&format!("{}/config.yml", admin::DIR)),
                    decap: self.urls.path(&format!("{}/decap-cms/decap-cms.js", admin::DIR)),
                    script: self.urls.path(&format!("{}/resin-cms.js", admin::DIR)),
                    depot: self.site.config.edition_en_ligne.as_ref().and_then(|e| e.depot.clone()),
                };
                let mut context = Context::new();
                context.insert("site", &self.shared);
                context.insert("d", &data);
                self.theme.render("admin.html", &context)?.into_bytes()
            }
            Output::AdminConfig => admin::config_yml(self.site).unwrap_or_default().into_bytes(),
            Output::AdminFile(i) => theme::ADMIN[i].1.to_vec(),
            Output::Orientation => orientation::data(self.site, &self.urls),
            Output::PlaceQr(i) => orientation::qr_file(self.place_qr(i).as_deref()),
        })
    }

    /// The folder of a page (`lieux/x/`; `404` for the page of unknown addresses).
    fn dir(&self, job: Job) -> String {
        let site = self.site;
        match job {
            Job::Home => String::new(),
            Job::Places { n, .. } => page_dir("lieux/", n),
            Job::Place(i) => format!("lieux/{}/", site.entries.lieux[i].slug),
            Job::TermIndex(taxonomy) => format!("{}/", taxonomy.folder()),
            Job::Term { taxonomy, index, n, .. } => {
                page_dir(&format!("{}/{}/", taxonomy.folder(), taxonomy.terms(site)[index].slug), n)
            }
            Job::Offers { n, .. } => page_dir("offres/", n),
            Job::Offer(i) => format!("offres/{}/", site.entries.offres[i].slug),
            Job::Page(i) => format!("{}/", site.entries.pages[i].slug),
            Job::Map => "carte/".into(),
            Job::Orient => orientation::DIR.into(),
            Job::Data => "donnees/".into(),
            Job::NotFound => "404".into(),
            Job::Reseau(page) => reseau::dir(site, page),
        }
    }

    /// The file of a page.
    fn path(&self, job: Job) -> String {
        match job {
            Job::NotFound => "404.html".into(),
            _ => format!("{}index.html", self.dir(job)),
        }
    }

    /// When a page's content last changed, where known (for the sitemap).
    fn lastmod(&self, job: Job) -> Option<NaiveDate> {
        match job {
            Job::Place(i) => Some(self.site.entries.lieux[i].date_maj),
            Job::Offer(i) => Some(self.site.entries.offres[i].date_maj),
            Job::Reseau(reseau::Page::Entry(i)) => Some(self.site.entries.reseau[i].date.min(self.site.today)),
            _ => None,
        }
    }

    fn meta(&self, title: &str, description: &str, dir: &str, ariane: Vec<Link>) -> PageMeta {
        PageMeta {
            title: if dir.is_empty() {
                format!("{} – {}", self.site.config.titre, title)
            } else {
                format!("{title} – {}", self.site.config.titre)
            },
            description: description.to_string(),
            canonical: Some(self.urls.absolute(dir)),
            menu_current: view::MENU.iter().any(|(_, d)| *d == dir).then(|| self.urls.path(dir)),
            ariane,
            ariane_courant: title.to_string(),
        }
    }

    /// Meta of page `n` of a paginated list titled `title` at `base`, under the breadcrumb
    /// `parents`: the title says "(page n sur total)", and from page 2 on the breadcrumb leads
    /// back to the list's first page and ends with "Page n".
    fn list_meta(
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
    fn browse_links(&self) -> Vec<Link> {
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
    fn link(&self, (text, dir): &(&str, &str)) -> Link {
        Link { text: text.to_string(), href: self.urls.path(dir) }
    }

    fn crumbs(&self, items: &[(&str, &str)]) -> Vec<Link> {
        let mut links = vec![self.link(&("Accueil", ""))];
        links.extend(items.iter().map(|item| self.link(item)));
        links
    }

    fn page(&self, template: &str, meta: &PageMeta, data: &impl Serialize) -> Result<String, Error> {
        let mut context = Context::new();
        context.insert("site", &self.shared);
        context.insert("page", meta);
        context.insert("d", data);
        self.theme.render(template, &context)
    }

    fn render(&self, job: Job) -> Result<String, Error> {
        let site = self.site;
        let urls = &self.urls;
        let dir = self.dir(job);
        match job {
            Job::Home => {
                let offres: Vec<view::OfferCard> = site
                    .offers_in_order()
                    .into_iter()
                    .filter(|o| view::when(site, o) != view::When::Passee)
                    .take(5)
                    .map(|o| view::offer_card(site, urls, o))
                    .collect();
                let data = Home {
                    services: view::term_links(&site.services, urls, "services", view::service_words),
                    communes: view::term_links(&site.communes, urls, "communes", view::same_words),
                    publics: view::term_links(&site.publics, urls, "publics", view::same_words),
                    chiffres: format!(
                        "{} dans {}, {}",
                        labels::count(site.entries.lieux.len(), "lieu", "lieux"),
                        labels::count(site.communes.len(), "commune", "communes"),
                        labels::count(site.entries.offres.len(), "offre", "offres"),
                    ),
                    offres,
                    filtres: view::filters(site, urls),
                    lieux_href: urls.path("lieux/"),
                    offres_href: urls.path("offres/"),
                    services_href: urls.path("services/"),
                    orienter_href: urls.path(orientation::DIR),
                };
                let mut meta = self.meta("De quoi avez-vous besoin ?", &site.config.description, "", Vec::new());
                meta.ariane_courant = String::new();
                self.page("accueil.html", &meta, &data)
            }
            Job::Places { n, total } => {
                let order = view::directory_order(site);
                let start = (n - 1) * PLACES_PER_PAGE;
                let slice = &order[start.min(order.len())..(start + PLACES_PER_PAGE).min(order.len())];
                let first_is_suite = start > 0
                    && slice.first().is_some_and(|&i| {
                        site.entries.lieux[order[start - 1]].commune == site.entries.lieux[i].commune
                    });
                let pagination = pagination(urls, "lieux/", n, total);
                let data = Places {
                    groupes: view::groups(site, urls, slice, first_is_suite),
                    total: labels::count(site.entries.lieux.len(), "lieu", "lieux"),
                    communes: labels::count(site.communes.len(), "commune", "communes"),
                    numero: n,
                    pages: total,
                    pagination,
                    filtres: (n == 1).then(|| view::filters(site, urls)),
                    parcourir: self.browse_links(),
                };
                let description = format!(
                    "Les {} où se faire aider avec le numérique, commune par commune.",
                    labels::count(site.entries.lieux.len(), "lieu", "lieux")
                );
                let meta = self.list_meta("Tous les lieux", &description, "lieux/", n, total, &[]);
                self.page("lieux.html", &meta, &data)
            }
            Job::Place(i) => {
                let lieu = &site.entries.lieux[i];
                let data = view::place_view(site, urls, lieu, self.place_qr(i).clone());
                let description = lieu.presentation_resume.clone().unwrap_or_else(|| {
                    let services: Vec<String> = lieu.services.iter().map(|s| labels::service_short(s)).collect();
                    let mut text = format!("{} à {}", labels::typologies(&lieu.typologie), lieu.commune);
                    if !services.is_empty() {
                        text.push_str(&format!(" : {}", services.join(", ").to_lowercase()));
                    }
                    format!("{text}.")
                });
                let ariane = self.crumbs(&[("Tous les lieux", "lieux/")]);
                let meta = self.meta(&lieu.nom, &description, &dir, ariane);
                self.page("lieu.html", &meta, &data)
            }
            Job::TermIndex(taxonomy) => {
                let terms = taxonomy.terms(site);
                let folder = taxonomy.folder();
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
                        view::term_links(terms, urls, folder, view::same_words),
                        "Certains lieux accueillent en particulier un public. Les autres lieux accueillent tout le monde.",
                        "Les lieux qui accueillent en particulier les jeunes, les seniors, les familles…",
                    ),
                    Taxonomy::Criteres => (
                        view::term_links(terms, urls, folder, view::same_words),
                        "Des dispositifs propres à notre territoire, en plus des informations du standard national.",
                        "Les lieux par dispositif propre au territoire : Pass numérique…",
                    ),
                };
                let data =
                    TermIndex { intro: intro.to_string(), termes, vide: "Aucun lieu n'est encore publié.".into() };
                let meta = self.meta(taxonomy.title(), description, &dir, self.crumbs(&[]));
                self.page("termes.html", &meta, &data)
            }
            Job::Term { taxonomy, index, n, total } => {
                let term = &taxonomy.terms(site)[index];
                let folder = taxonomy.folder();
                let count = labels::count(term.lieux.len(), "lieu", "lieux");
                let base = format!("{folder}/{}/", term.slug);
                let start = (n - 1) * PLACES_PER_PAGE;
                let (title, standard, groupes, cartes) = match taxonomy {
                    Taxonomy::Communes | Taxonomy::Criteres => (
                        if taxonomy == Taxonomy::Communes {
                            format!("Lieux à {}", term.name)
                        } else {
                            format!("Lieux : {}", term.name)
                        },
                        None,
                        Vec::new(),
                        term.lieux
                            .iter()
                            .skip(start)
                            .take(PLACES_PER_PAGE)
                            .map(|&i| view::card(&site.entries.lieux[i], urls))
                            .collect(),
                    ),
                    Taxonomy::Services | Taxonomy::Publics => {
                        let order = view::term_places_by_commune(site, term);
                        let slice = &order[start.min(order.len())..(start + PLACES_PER_PAGE).min(order.len())];
                        let first_is_suite = start > 0
                            && slice.first().is_some_and(|&i| {
                                site.entries.lieux[order[start - 1]].commune == site.entries.lieux[i].commune
                            });
                        let groupes = view::groups(site, urls, slice, first_is_suite);
                        if taxonomy == Taxonomy::Services {
                            (
                                labels::service_plain(&term.name),
                                labels::service(&term.name).map(|_| term.name.clone()),
                                groupes,
                                Vec::new(),
                            )
                        } else {
                            (format!("Lieux pour {}", labels::public_plain(&term.name)), None, groupes, Vec::new())
                        }
                    }
                };
                let description = match taxonomy {
                    Taxonomy::Communes => format!("{count} à {} où se faire aider avec le numérique.", term.name),
                    Taxonomy::Criteres => format!("{} : {count}.", term.name),
                    Taxonomy::Services => format!("{} : {count} pour vous aider.", title),
                    Taxonomy::Publics => {
                        format!("{count} qui accueillent en particulier {}.", labels::public_plain(&term.name))
                    }
                };
                let data = TermPage {
                    titre: title.clone(),
                    standard,
                    nombre: count,
                    groupes,
                    cartes,
                    numero: n,
                    pages: total,
                    pagination: pagination(urls, &base, n, total),
                };
                let parent = format!("{folder}/");
                let meta = self.list_meta(&title, &description, &base, n, total, &[(taxonomy.title(), &parent)]);
                self.page("terme.html", &meta, &data)
            }
            Job::Offers { n, total } => {
                // One ordered list cut in pages: a section that goes on from the previous page
                // says so ("suite").
                let order = site.offers_in_order();
                let start = (n - 1) * OFFERS_PER_PAGE;
                let previous = start.checked_sub(1).map(|i| view::when(site, order[i]));
                let mut data = Offers {
                    prochaines: Vec::new(),
                    recurrentes: Vec::new(),
                    passees: Vec::new(),
                    suite: None,
                    numero: n,
                    pages: total,
                    pagination: pagination(urls, "offres/", n, total),
                };
                for offre in order.iter().skip(start).take(OFFERS_PER_PAGE) {
                    let card = view::offer_card(site, urls, offre);
                    if data.suite.is_none() && previous == Some(card.quand) {
                        data.suite = Some(card.quand);
                    }
                    match card.quand {
                        view::When::Prochaine => data.prochaines.push(card),
                        view::When::Recurrente => data.recurrentes.push(card),
                        view::When::Passee => data.passees.push(card),
                    }
                }
                let meta = self.list_meta(
                    "Ateliers et permanences",
                    "Les ateliers, permanences et cours pour apprendre le numérique ou se faire aider, avec leurs dates.",
                    "offres/",
                    n,
                    total,
                    &[],
                );
                self.page("offres.html", &meta, &data)
            }
            Job::Offer(i) => {
                let offre = &site.entries.offres[i];
                let data = view::offer_view(site, urls, offre);
                let description = offre.resume.clone().unwrap_or_else(|| markdown::plain_text(&offre.description, 160));
                let ariane = self.crumbs(&[("Ateliers et permanences", "offres/")]);
                let meta = self.meta(&offre.titre, &description, &dir, ariane);
                self.page("offre.html", &meta, &data)
            }
            Job::Page(i) => {
                let page = &site.entries.pages[i];
                let description = page.resume.clone().unwrap_or_else(|| markdown::plain_text(&page.corps, 160));
                let data = FreePage { titre: page.titre.clone(), corps_html: markdown::render_markdown(&page.corps) };
                let meta = self.meta(&page.titre, &description, &dir, self.crumbs(&[]));
                self.page("page.html", &meta, &data)
            }
            Job::Map => {
                let data = MapPage {
                    filtres: view::filters(site, urls),
                    parcourir: self.browse_links(),
                    total: labels::count(site.entries.lieux.len(), "lieu", "lieux"),
                };
                let meta = self.meta(
                    "Carte des lieux",
                    "La carte des lieux où se faire aider avec le numérique, avec la même liste à côté, à filtrer par besoin, commune, horaires.",
                    &dir,
                    self.crumbs(&[]),
                );
                self.page("carte.html", &meta, &data)
            }
            Job::Orient => {
                let data = orientation::form(site, urls);
                let meta = self.meta(
                    "Orienter une personne",
                    "Pour les conseillers et les aidants : trouver les lieux qui conviennent à une personne, selon son besoin, sa commune et ses disponibilités, puis lui imprimer une fiche ou la lui envoyer.",
                    &dir,
                    self.crumbs(&[]),
                );
                self.page("orienter.html", &meta, &data)
            }
            Job::Data => {
                let file = |name: &str| urls.path(&format!("donnees/{name}"));
                let newest_place = site.entries.lieux.iter().map(|l| l.date_maj).max();
                let newest_offer = site.entries.offres.iter().map(|o| o.date_maj).max();
                let places = site.entries.lieux.len();
                let with_coords = site.entries.lieux.iter().filter(|l| l.latitude.is_some()).count();
                let offers = site.entries.offres.len();
                let data_file = |href: String,
                                 nom: &str,
                                 format: &str,
                                 mime: &str,
                                 contenu: &str,
                                 count: String,
                                 newest: Option<NaiveDate>| {
                    DataFile {
                        href,
                        nom: nom.into(),
                        format: format.into(),
                        mime: mime.into(),
                        contenu: contenu.into(),
                        nombre: count,
                        mise_a_jour: newest.map(view::date_view),
                    }
                };
                let place_count = labels::count(places, "lieu", "lieux");
                let offer_count = labels::count(offers, "offre", "offres");
                let mut fichiers = vec![
                    data_file(
                        file("lieux.geojson"),
                        "lieux.geojson",
                        "GeoJSON",
                        "application/geo+json",
                        "Les lieux avec leurs coordonnées, pour une carte ou un outil de cartographie.",
                        labels::count(with_coords, "lieu", "lieux"),
                        newest_place,
                    ),
                    data_file(
                        file("lieux.csv"),
                        "lieux.csv",
                        "CSV",
                        "text/csv",
                        "Les lieux au format du standard national, un lieu par ligne, pour un tableur.",
                        place_count.clone(),
                        newest_place,
                    ),
                    data_file(
                        file("lieux.json"),
                        "lieux.json",
                        "JSON",
                        "application/json",
                        "Les lieux au format du standard national, pour un programme.",
                        place_count.clone(),
                        newest_place,
                    ),
                    data_file(
                        file("offres.json"),
                        "offres.json",
                        "JSON",
                        "application/json",
                        "Les ateliers et permanences, avec leurs lieux, horaires et séances.",
                        offer_count.clone(),
                        newest_offer,
                    ),
                    data_file(
                        file("offres.ics"),
                        "offres.ics",
                        "iCalendar",
                        "text/calendar",
                        "Les ateliers et permanences à ajouter à un agenda (téléphone, messagerie) ; chaque offre a aussi le sien.",
                        offer_count,
                        newest_offer,
                    ),
                    data_file(
                        urls.path(atom::PATH),
                        "atom.xml",
                        "Atom",
                        "application/atom+xml",
                        "Les lieux et les offres ajoutés ou mis à jour, les plus récents d'abord, pour un lecteur de flux.",
                        labels::count((places + offers).min(atom::ENTRIES), "entrée", "entrées"),
                        newest_place.max(newest_offer),
                    ),
                ];
                if export::Export::LieuxTerritoireCsv.applies(site) {
                    let labels: Vec<String> = site
                        .config
                        .extensions
                        .lieux
                        .iter()
                        .map(|e| format!("{} (colonne {})", e.libelle, export::extension_column(&e.nom)))
                        .collect();
                    let contenu = format!(
                        "Les lieux avec, après les colonnes du standard, les champs propres au territoire, hors standard : {}.",
                        labels.join(", ")
                    );
                    for (name, format, mime) in [
                        ("lieux-territoire.csv", "CSV", "text/csv"),
                        ("lieux-territoire.json", "JSON", "application/json"),
                    ] {
                        fichiers.push(data_file(
                            file(name),
                            name,
                            format,
                            mime,
                            &contenu,
                            place_count.clone(),
                            newest_place,
                        ));
                    }
                }
                let data = Data {
                    fichiers,
                    licence: Link {
                        text: site.config.licence_donnees.nom.clone(),
                        href: site.config.licence_donnees.url.clone(),
                    },
                    champs: view::fields(),
                    lieux: labels::count(site.entries.lieux.len(), "lieu", "lieux"),
                    offres: labels::count(site.entries.offres.len(), "offre", "offres"),
                };
                let meta = self.meta(
                    "Données ouvertes",
                    "Les lieux et offres de médiation numérique en données ouvertes : GeoJSON, CSV et JSON au standard national.",
                    &dir,
                    self.crumbs(&[]),
                );
                self.page("donnees.html", &meta, &data)
            }
            Job::Reseau(page) => self.render_reseau(page, &dir),
            Job::NotFound => {
                let data = NotFound {
                    accueil: urls.path(""),
                    lieux: urls.path("lieux/"),
                    communes: urls.path("communes/"),
                    offres: urls.path("offres/"),
                };
                let mut meta =
                    self.meta("Page introuvable", "Cette page n'existe pas ou a été déplacée.", &dir, Vec::new());
                meta.canonical = None;
                meta.menu_current = None;
                self.page("404.html", &meta, &data)
            }
        }
    }
}

impl Renderer<'_> {
    /// A page of the network's space.
    fn render_reseau(&self, page: reseau::Page, dir: &str) -> Result<String, Error> {
        let site = self.site;
        let urls = &self.urls;
        let home = ("Espace réseau", "reseau/");
        match page {
            reseau::Page::Home => {
                let data = reseau::home_view(site, urls);
                let meta = self.meta(
                    "Espace réseau",
                    "L'espace des professionnels de la médiation numérique de la métropole : actualités, appels à projets, bonnes pratiques, bourse d'échanges et agenda.",
                    dir,
                    self.crumbs(&[]),
                );
                self.page("reseau.html", &meta, &data)
            }
            reseau::Page::List { section, archive, n, total } => {
                let data = reseau::list_view(site, urls, section, archive, n, total);
                let base = reseau::list_dir(section, archive);
                let list = reseau::list_dir(section, false);
                let mut parents = vec![home];
                if archive {
                    parents.push((section.title(), &list));
                }
                let meta = self.list_meta(&data.titre.clone(), &data.intro.clone(), &base, n, total, &parents);
                self.page("reseau-liste.html", &meta, &data)
            }
            reseau::Page::Entry(i) => {
                let p = &site.entries.reseau[i];
                let data = reseau::entry_view(site, urls, p);
                let description = p.resume.clone().unwrap_or_else(|| markdown::plain_text(&p.corps, 160));
                let (text, list) = reseau::entry_list(p, site.today);
                let ariane = self.crumbs(&[home, (&text, &list)]);
                let meta = self.meta(&p.titre, &description, dir, ariane);
                self.page("reseau-fiche.html", &meta, &data)
            }
            reseau::Page::Tags => {
                let data = TermIndex {
                    intro: "Les sujets des publications de l'espace réseau.".into(),
                    termes: reseau::tag_cloud(site, urls),
                    vide: "Aucune publication n'a encore d'étiquette.".into(),
                };
                let meta = self.meta(
                    "Étiquettes",
                    "Les sujets des actualités, appels à projets, bonnes pratiques, annonces et événements du réseau.",
                    dir,
                    self.crumbs(&[home]),
                );
                self.page("termes.html", &meta, &data)
            }
            reseau::Page::Tag { index, n, total } => {
                let data = reseau::tag_view(site, urls, index, n, total);
                let base = reseau::tag_dir(&site.reseau.tags[index].slug);
                let meta = self.list_meta(
                    &data.titre.clone(),
                    &data.intro.clone(),
                    &base,
                    n,
                    total,
                    &[home, ("Étiquettes", "reseau/etiquettes/")],
                );
                self.page("reseau-liste.html", &meta, &data)
            }
        }
    }
}

/// The web editor's page: where its configuration and scripts are, and the repository.
#[derive(Serialize)]
struct AdminPage {
    config: String,
    decap: String,
    script: String,
    depot: Option<String>,
}

#[derive(Serialize)]
struct Home {
    services: Vec<view::TermLink>,
    communes: Vec<view::TermLink>,
    publics: Vec<view::TermLink>,
    chiffres: String,
    offres: Vec<view::OfferCard>,
    filtres: view::Filters,
    lieux_href: String,
    offres_href: String,
    services_href: String,
    /// `/orienter/`, for the advisers who help someone.
    orienter_href: String,
}

#[derive(Serialize)]
struct Places {
    groupes: Vec<view::Group>,
    total: String,
    communes: String,
    numero: usize,
    pages: usize,
    pagination: Option<Pagination>,
    /// The filter form, on the first page.
    filtres: Option<view::Filters>,
    parcourir: Vec<Link>,
}

#[derive(Serialize)]
struct MapPage {
    filtres: view::Filters,
    parcourir: Vec<Link>,
    total: String,
}

/// Links between the pages of a list.
#[derive(Debug, Clone, Serialize)]
pub struct Pagination {
    precedente: Option<String>,
    suivante: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Debug, Clone, Serialize)]
struct PageLink {
    numero: usize,
    href: String,
    courante: bool,
}

#[derive(Serialize)]
struct TermIndex {
    intro: String,
    termes: Vec<view::TermLink>,
    /// Said when there is no term.
    vide: String,
}

#[derive(Serialize)]
struct TermPage {
    titre: String,
    standard: Option<String>,
    nombre: String,
    /// Places grouped by commune (services, publics)…
    groupes: Vec<view::Group>,
    /// …or a flat list (a commune's page).
    cartes: Vec<view::Card>,
    numero: usize,
    pages: usize,
    pagination: Option<Pagination>,
}

/// The folder of page `n` of a paginated list at `base` (`lieux/`, `services/x/`).
fn page_dir(base: &str, n: usize) -> String {
    if n == 1 { base.to_string() } else { format!("{base}page/{n}/") }
}

/// Links between the pages of a paginated list; `None` when it fits on one page.
fn pagination(urls: &Urls, base: &str, n: usize, total: usize) -> Option<Pagination> {
    (total > 1).then(|| Pagination {
        precedente: (n > 1).then(|| urls.path(&page_dir(base, n - 1))),
        suivante: (n < total).then(|| urls.path(&page_dir(base, n + 1))),
        pages: (1..=total)
            .map(|k| PageLink { numero: k, href: urls.path(&page_dir(base, k)), courante: k == n })
            .collect(),
    })
}

#[derive(Serialize)]
struct Offers {
    prochaines: Vec<view::OfferCard>,
    recurrentes: Vec<view::OfferCard>,
    passees: Vec<view::OfferCard>,
    /// The section that goes on from the previous page, if any.
    suite: Option<view::When>,
    numero: usize,
    pages: usize,
    pagination: Option<Pagination>,
}

#[derive(Serialize)]
struct FreePage {
    titre: String,
    corps_html: String,
}

#[derive(Serialize)]
struct Data {
    fichiers: Vec<DataFile>,
    licence: Link,
    champs: Vec<view::FieldView>,
    lieux: String,
    offres: String,
}

#[derive(Serialize)]
struct DataFile {
    href: String,
    nom: String,
    format: String,
    /// Media type, for the link's `type`.
    mime: String,
    contenu: String,
    /// "47 lieux".
    nombre: String,
    /// The newest `date_maj` of its records.
    mise_a_jour: Option<view::DateView>,
}

#[derive(Serialize)]
struct NotFound {
    accueil: String,
    lieux: String,
    communes: String,
    offres: String,
}

/// `sitemap.xml`: absolute URLs, sorted; `lastmod` only where known.
fn sitemap(mut entries: Vec<(String, Option<NaiveDate>)>) -> String {
    entries.sort();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (url, lastmod) in entries {
        xml.push_str("  <url><loc>");
        xml.push_str(&xml_escape(&url));
        xml.push_str("</loc>");
        if let Some(date) = lastmod {
            xml.push_str(&format!("<lastmod>{date}</lastmod>"));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

pub(crate) fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

#[cfg(test)]
mod tests;
