//! Render stage: the [`Site`] through the theme's Tera templates into HTML pages, plus
//! `404.html`, `sitemap.xml`, `robots.txt`, the other files of the site and the theme's static
//! files.
//!
//! This module holds the plan and the dispatch: `Renderer::plan` lists every file of the site
//! (`Planned`: its path and the `Output` that produces it) without rendering anything;
//! `Renderer::produce` makes one file, calling the module of its kind: an HTML page's module
//! under [`page`] (its view data, its French text and its dependency key), another file's under
//! [`files`]. A build produces every file in parallel (rayon); `resin serve` produces a file
//! again only when what it depends on changed ([`deps`]). Files are sorted by path, so the
//! output is byte-identical whatever the thread count.
//!
//! What pages share: [`layout`] (the frame of every page), [`urls`], [`cards`] (places and
//! offers in lists), [`filters`] (the directory's filter form), [`view`] (small shared views),
//! [`labels`] (French words of the standard's values), [`structured`] (schema.org JSON-LD),
//! [`qr`] (QR codes).

pub(crate) mod cards;
pub(crate) mod deps;
pub(crate) mod files;
pub(crate) mod filters;
pub(crate) mod labels;
pub(crate) mod layout;
pub(crate) mod page;
pub(crate) mod qr;
pub(crate) mod structured;
pub(crate) mod theme;
pub(crate) mod urls;
pub(crate) mod view;

use chrono::NaiveDate;

use layout::SiteView;
pub(crate) use page::terms::Taxonomy;
pub(crate) use theme::Theme;
use urls::{Urls, page_dir};

use crate::Error;
use crate::export;
use crate::index::Site;
use crate::load::EntryKind;
use crate::model::OfferKind;

/// Places per page of `/lieux/` and of the taxonomy pages.
pub(crate) const PLACES_PER_PAGE: usize = 100;

/// Offers per page of `/offres/`.
pub(crate) const OFFERS_PER_PAGE: usize = 100;

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
    /// `/offres/` (or the list of one kind of offer, `/offres/<kind>/`), page `n` (1-based) of
    /// `total`.
    Offers {
        kind: Option<OfferKind>,
        n: usize,
        total: usize,
    },
    Offer(usize),
    Page(usize),
    /// `/carte/`.
    Map,
    /// `/orienter/`.
    Orient,
    /// `/integrer/` and the embedded views.
    Embed(page::embed::Page),
    Data,
    NotFound,
    /// A page of the network's space.
    Network(page::network::Page),
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
    /// `_headers`, the HTTP headers for the hosts that read it ([`files::headers`]).
    Headers,
    /// The theme's static file at this index.
    Static(usize),
    /// An open data file.
    Export(export::Export),
    /// The search index of the directory ([`files::search`]).
    Search,
    /// The Atom feed of updates ([`files::atom`]).
    Atom,
    /// The iCalendar file of the offer at this index.
    OfferCalendar(usize),
    /// The iCalendar file of every offer.
    Calendar,
    /// The Atom feed of the network's space (`None`) or of one section.
    NetworkFeed(Option<crate::model::Section>),
    /// The iCalendar file of the event at this index of `entries.network`.
    EventCalendar(usize),
    /// The iCalendar file of the network's agenda.
    Agenda,
    /// The web editor's page, `admin/index.html`.
    AdminPage,
    /// The web editor's configuration, `admin/config.yml`.
    AdminConfig,
    /// The web editor's file at this index of [`theme::ADMIN`].
    AdminFile(usize),
    /// What `/orienter/` adds to the search index ([`files::orientation`]).
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

/// Every page, in a fixed order.
fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Home];
    let total = site.entries.places.len().div_ceil(PLACES_PER_PAGE).max(1);
    jobs.extend((1..=total).map(|n| Job::Places { n, total }));
    jobs.extend((0..site.entries.places.len()).map(Job::Place));
    for taxonomy in Taxonomy::ALL {
        if taxonomy == Taxonomy::Criteria && site.criteria.is_empty() {
            continue;
        }
        jobs.push(Job::TermIndex(taxonomy));
        for (index, term) in taxonomy.terms(site).iter().enumerate() {
            let total = term.places.len().div_ceil(PLACES_PER_PAGE).max(1);
            jobs.extend((1..=total).map(|n| Job::Term { taxonomy, index, n, total }));
        }
    }
    for (kind, count) in page::offers::lists(site) {
        let total = count.div_ceil(OFFERS_PER_PAGE).max(1);
        jobs.extend((1..=total).map(|n| Job::Offers { kind, n, total }));
    }
    jobs.extend((0..site.entries.offers.len()).map(Job::Offer));
    jobs.extend((0..site.entries.pages.len()).map(Job::Page));
    jobs.push(Job::Map);
    jobs.push(Job::Orient);
    jobs.extend(page::embed::PAGES.into_iter().map(Job::Embed));
    jobs.push(Job::Data);
    jobs.extend(page::network::pages(site).into_iter().map(Job::Network));
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
    site.entries.places.iter().map(|_| std::sync::OnceLock::new()).collect()
}

impl<'a> Renderer<'a> {
    /// A renderer of `site` with `theme` (the unit tests'; the pipeline shares QR codes).
    #[cfg(test)]
    pub(crate) fn new(site: &'a Site, theme: &'a Theme) -> Renderer<'a> {
        Renderer::with_qr_codes(site, theme, qr_codes(site))
    }

    /// A renderer that shares the QR codes drawn by others of the same site.
    pub(crate) fn with_qr_codes(site: &'a Site, theme: &'a Theme, qr_codes: QrCodes) -> Renderer<'a> {
        let urls = Urls::new(&site.config.url);
        let shared = layout::site_view(site, &urls);
        Renderer { site, theme, urls, shared, qr_codes }
    }

    /// The QR code of the address of the place at `i` (`None` if too long for a QR code).
    fn place_qr(&self, i: usize) -> &Option<String> {
        self.qr_codes[i]
            .get_or_init(|| qr::svg(&self.urls.absolute(&format!("lieux/{}/", self.site.entries.places[i].slug))))
    }

    /// Every file of the site, sorted by path. Two files with one path are an error: one would
    /// silently replace the other (reserved page names and one spelling per commune prevent it).
    pub(crate) fn plan(&self) -> Result<Vec<Planned>, Error> {
        let mut planned: Vec<Planned> = jobs(self.site)
            .into_iter()
            .map(|job| Planned { path: self.path(job), output: Output::Page(job) })
            .collect();
        planned.push(Planned { path: "sitemap.xml".into(), output: Output::Sitemap });
        planned.push(Planned { path: "robots.txt".into(), output: Output::Robots });
        planned.push(Planned { path: files::headers::PATH.into(), output: Output::Headers });
        planned.push(Planned { path: files::search::PATH.into(), output: Output::Search });
        planned.push(Planned { path: files::orientation::PATH.into(), output: Output::Orientation });
        for (i, place) in self.site.entries.places.iter().enumerate() {
            planned.push(Planned { path: files::orientation::qr_path(&place.slug), output: Output::PlaceQr(i) });
        }
        planned.push(Planned { path: files::atom::PATH.into(), output: Output::Atom });
        planned.push(Planned { path: format!("{}/offres.ics", export::DIR), output: Output::Calendar });
        for (i, offer) in self.site.entries.offers.iter().enumerate() {
            planned
                .push(Planned { path: format!("offres/{}/agenda.ics", offer.slug), output: Output::OfferCalendar(i) });
        }
        planned.push(Planned { path: files::atom::network_path(None), output: Output::NetworkFeed(None) });
        for section in crate::model::Section::ALL {
            planned.push(Planned {
                path: files::atom::network_path(Some(section)),
                output: Output::NetworkFeed(Some(section)),
            });
        }
        planned.push(Planned { path: page::network::AGENDA_CALENDAR.into(), output: Output::Agenda });
        for (i, p) in self.site.entries.network.iter().enumerate() {
            if p.section == crate::model::Section::Agenda {
                planned.push(Planned { path: page::network::event_calendar(p), output: Output::EventCalendar(i) });
            }
        }
        for export in export::Export::ALL.into_iter().filter(|e| e.applies(self.site)) {
            planned.push(Planned { path: export.path(), output: Output::Export(export) });
        }
        planned.extend(self.plan_editor());
        planned.sort_by(|a, b| a.path.cmp(&b.path));
        if let Some(pair) = planned.windows(2).find(|w| w[0].path == w[1].path) {
            return Err(Error::UnsafeOutput {
                path: pair[0].path.clone().into(),
                reason: crate::diagnostic::OutputRefusal::TwoPagesOneFile,
            });
        }
        Ok(planned)
    }

    /// The theme's static files and, when `site.yaml` turns it on, the web editor's files:
    /// what `/admin/` needs (`resin serve` serves them even while the content has errors).
    pub(crate) fn plan_editor(&self) -> Vec<Planned> {
        let mut planned: Vec<Planned> = (self.theme.statics.iter().enumerate())
            .map(|(i, (path, _))| Planned { path: format!("static/{path}"), output: Output::Static(i) })
            .collect();
        if self.site.config.edition_en_ligne.is_some() {
            planned.push(Planned { path: format!("{}/index.html", files::admin::DIR), output: Output::AdminPage });
            planned.push(Planned { path: format!("{}/config.yml", files::admin::DIR), output: Output::AdminConfig });
            for (i, (path, _)) in theme::ADMIN.iter().enumerate() {
                planned.push(Planned { path: format!("{}/{path}", files::admin::DIR), output: Output::AdminFile(i) });
            }
        }
        planned
    }

    /// Produces one file.
    pub(crate) fn produce(&self, output: Output) -> Result<Vec<u8>, Error> {
        Ok(match output {
            Output::Page(job) => self.render(job)?.into_bytes(),
            Output::Sitemap => {
                let entries = jobs(self.site)
                    .into_iter()
                    .filter(|job| {
                        !matches!(job, Job::NotFound | Job::Embed(page::embed::Page::List | page::embed::Page::Map))
                    })
                    .map(|job| (self.urls.absolute(&self.dir(job)), self.lastmod(job)))
                    .collect();
                files::sitemap::sitemap(entries).into_bytes()
            }
            Output::Robots => files::sitemap::robots(&self.urls).into_bytes(),
            Output::Headers => {
                let plan = self.plan()?;
                let paths: Vec<&str> = plan.iter().map(|p| p.path.as_str()).collect();
                files::headers::file(&paths, &self.urls)
            }
            Output::Static(i) => self.theme.statics[i].1.clone(),
            Output::Export(export) => export.produce(self.site),
            Output::Search => files::search::index(self.site, &self.urls),
            Output::Atom => files::atom::feed(self.site, &self.urls),
            Output::OfferCalendar(i) => {
                export::ical::offer_ics(self.site, &self.urls.base_url, &self.site.entries.offers[i])
            }
            Output::Calendar => export::ical::offers_ics(self.site, &self.urls.base_url),
            Output::NetworkFeed(section) => files::atom::network_feed(self.site, &self.urls, section),
            Output::EventCalendar(i) => {
                export::ical::event_ics(self.site, &self.urls.base_url, &self.site.entries.network[i])
            }
            Output::Agenda => export::ical::agenda_ics(self.site, &self.urls.base_url),
            Output::AdminPage => page::admin::render(self)?.into_bytes(),
            Output::AdminConfig => files::admin::config_yml(self.site).unwrap_or_default().into_bytes(),
            Output::AdminFile(i) => theme::ADMIN[i].1.to_vec(),
            Output::Orientation => files::orientation::data(self.site, &self.urls),
            Output::PlaceQr(i) => files::orientation::qr_file(self.place_qr(i).as_deref()),
        })
    }

    /// The folder of a page (`lieux/x/`; `404` for the page of unknown addresses).
    fn dir(&self, job: Job) -> String {
        let site = self.site;
        match job {
            Job::Home => String::new(),
            Job::Places { n, .. } => page_dir("lieux/", n),
            Job::Place(i) => urls::entry_dir(EntryKind::Place, &site.entries.places[i].slug),
            Job::TermIndex(taxonomy) => format!("{}/", taxonomy.folder()),
            Job::Term { taxonomy, index, n, .. } => {
                page_dir(&format!("{}/{}/", taxonomy.folder(), taxonomy.terms(site)[index].slug), n)
            }
            Job::Offers { kind, n, .. } => page_dir(&page::offers::dir(kind), n),
            Job::Offer(i) => urls::entry_dir(EntryKind::Offer, &site.entries.offers[i].slug),
            Job::Page(i) => urls::entry_dir(EntryKind::Page, &site.entries.pages[i].slug),
            Job::Map => "carte/".into(),
            Job::Orient => page::orient::DIR.into(),
            Job::Embed(p) => page::embed::dir(p).into(),
            Job::Data => "donnees/".into(),
            Job::NotFound => "404".into(),
            Job::Network(p) => page::network::dir(site, p),
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
            Job::Place(i) => Some(self.site.entries.places[i].date_maj),
            Job::Offer(i) => Some(self.site.entries.offers[i].date_maj),
            Job::Network(page::network::Page::Entry(i)) => Some(self.site.entries.network[i].date.min(self.site.today)),
            _ => None,
        }
    }

    /// Renders a page: the dispatch to the module of its kind.
    fn render(&self, job: Job) -> Result<String, Error> {
        let dir = self.dir(job);
        match job {
            Job::Home => page::home::render(self),
            Job::Places { n, total } => page::places::render(self, n, total),
            Job::Place(i) => page::place::render(self, i, &dir),
            Job::TermIndex(taxonomy) => page::terms::render_index(self, taxonomy, &dir),
            Job::Term { taxonomy, index, n, total } => page::terms::render_term(self, taxonomy, index, n, total),
            Job::Offers { kind, n, total } => page::offers::render(self, kind, n, total),
            Job::Offer(i) => page::offer::render(self, i, &dir),
            Job::Page(i) => page::free::render(self, i, &dir),
            Job::Map => page::map::render(self, &dir),
            Job::Orient => page::orient::render(self, &dir),
            Job::Embed(p) => page::embed::render(self, p, &dir),
            Job::Data => page::data::render(self, &dir),
            Job::NotFound => page::not_found::render(self, &dir),
            Job::Network(p) => page::network::render(self, p, &dir),
        }
    }
}

/// The dependency key of a page ([`deps`]), computed by the module of its kind beside the view
/// it shows; `None` for the pages made again after every change.
fn page_key(keys: &deps::Keys, job: Job) -> Option<u64> {
    match job {
        // They show counts, choices or lists drawn from every entry. The network's space is
        // small: its pages are made again after every change too.
        Job::Home
        | Job::TermIndex(_)
        | Job::Map
        | Job::Orient
        | Job::Embed(_)
        | Job::Data
        | Job::NotFound
        | Job::Network(_) => None,
        Job::Places { n, total } => page::places::key(keys, n, total),
        Job::Place(i) => Some(page::place::key(keys, i)),
        Job::Term { taxonomy, index, n, total } => Some(page::terms::key(keys, taxonomy, index, n, total)),
        Job::Offers { kind, n, total } => Some(page::offers::key(keys, kind, n, total)),
        Job::Offer(i) => Some(page::offer::key(keys, i)),
        Job::Page(i) => Some(page::free::key(keys, i)),
    }
}

#[cfg(test)]
mod tests;
