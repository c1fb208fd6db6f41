//! The pages of the network's space (`/reseau/`): its home, a paginated list per section
//! (with the archives of calls and events), a page per entry, the tag pages; and the views
//! the templates `reseau*.html` read.

use chrono::NaiveDate;
use serde::Serialize;

use super::view::{self, DateView, Link, Phone, PlaceRef, Urls};
use super::{Pagination, labels, page_dir, pagination};
use crate::hours;
use crate::index::Site;
use crate::index::reseau::position;
use crate::markdown;
use crate::model::reseau::{Appel, CallState, Contact, Detail, Nature, Publication, Section};

/// Entries per page of a list.
pub const PER_PAGE: usize = 20;

/// One page of the network's space.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Page {
    /// `/reseau/`.
    Home,
    /// A section's list (or its archive), page `n` of `total`.
    List { section: Section, archive: bool, n: usize, total: usize },
    /// The page of the entry at this index of `entries.reseau`.
    Entry(usize),
    /// `/reseau/etiquettes/`.
    Tags,
    /// A tag's page `n` of `total`.
    Tag { index: usize, n: usize, total: usize },
}

/// True for the sections that have an archive: closed calls, past events.
pub fn has_archive(section: Section) -> bool {
    matches!(section, Section::AppelsAProjets | Section::Agenda)
}

/// Every page of the network's space, in a fixed order. Expired ads have none: they leave
/// the site, their files stay in the content.
pub(crate) fn pages(site: &Site) -> Vec<Page> {
    let reseau = &site.reseau;
    let mut pages = vec![Page::Home];
    for section in Section::ALL {
        let at = position(section);
        let total = reseau.lists[at].len().div_ceil(PER_PAGE).max(1);
        pages.extend((1..=total).map(|n| Page::List { section, archive: false, n, total }));
        if has_archive(section) {
            let total = reseau.archives[at].len().div_ceil(PER_PAGE).max(1);
            pages.extend((1..=total).map(|n| Page::List { section, archive: true, n, total }));
        }
    }
    for (i, p) in site.entries.reseau.iter().enumerate() {
        if crate::index::reseau::is_listed(p, site.today) {
            pages.push(Page::Entry(i));
        }
    }
    pages.push(Page::Tags);
    for (index, tag) in reseau.tags.iter().enumerate() {
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
        Page::Entry(i) => entry_dir(&site.entries.reseau[i]),
        Page::Tags => "reseau/etiquettes/".into(),
        Page::Tag { index, n, .. } => page_dir(&tag_dir(&site.reseau.tags[index].slug), n),
    }
}

/// The folder of a tag's page.
pub(crate) fn tag_dir(slug: &str) -> String {
    format!("reseau/etiquettes/{slug}/")
}

/// The folder of an entry's page.
pub fn entry_dir(p: &Publication) -> String {
    format!("reseau/{}/{}/", p.section.folder(), p.slug)
}

/// The file of an event's calendar.
pub fn event_calendar(p: &Publication) -> String {
    format!("{}evenement.ics", entry_dir(p))
}

/// Path of the whole agenda's calendar.
pub const AGENDA_CALENDAR: &str = "reseau/agenda/agenda.ics";

/// An entry in a list.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    /// Title.
    pub titre: String,
    /// Its page.
    pub href: String,
    /// The section's name, on lists that mix sections.
    pub rubrique: String,
    /// A word that matters first: "Offre", "Demande", "Ouvert", "À venir", "Clos".
    pub badge: Option<String>,
    /// Said before the date: an ad's category.
    pub avant: Option<String>,
    /// When, in words: "Publié le 3 novembre 2026", "Clôture dans 12 jours (7 décembre 2026)".
    pub quand: String,
    /// Said after the date: a call's amount.
    pub apres: Option<String>,
    /// Its date for `<time>`.
    pub iso: String,
    /// Who.
    pub structure: Option<String>,
    /// Where, for ads and events.
    pub ou: Option<String>,
    /// Summary.
    pub resume: Option<String>,
}

/// "5 000 €", with a narrow no-break space between thousands (French typography).
pub fn euros(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    format!("{out}\u{a0}€")
}

/// The amount of a call in words.
pub fn amount(appel: &Appel) -> Option<String> {
    match (appel.montant_min, appel.montant_max) {
        (Some(min), Some(max)) if min == max => Some(euros(min)),
        (Some(min), Some(max)) => Some(format!("De {} à {}", euros(min), euros(max))),
        (Some(min), None) => Some(format!("À partir de {}", euros(min))),
        (None, Some(max)) => Some(format!("Jusqu'à {}", euros(max))),
        (None, None) => None,
    }
}

/// "aujourd'hui", "demain", "dans 12 jours".
fn in_days(days: i64) -> String {
    match days {
        0 => "aujourd'hui".into(),
        1 => "demain".into(),
        n => format!("dans {n} jours"),
    }
}

/// Where a call stands, in words: "Clôture dans 12 jours (7 décembre 2026)".
pub fn deadline(appel: &Appel, today: NaiveDate) -> String {
    match appel.state(today) {
        CallState::Ouvert => {
            let days = (appel.cloture - today).num_days();
            format!("Clôture {} ({})", in_days(days), hours::format_date(appel.cloture))
        }
        CallState::AVenir => {
            let days = (appel.ouverture - today).num_days();
            format!("Ouverture {} ({})", in_days(days), hours::format_date(appel.ouverture))
        }
        CallState::Clos => format!("Clos le {}", hours::format_date(appel.cloture)),
    }
}

/// The state of a call as a badge.
fn call_badge(state: CallState) -> &'static str {
    match state {
        CallState::Ouvert => "Ouvert",
        CallState::AVenir => "À venir",
        CallState::Clos => "Clos",
    }
}

/// An event's days and hours: "Jeudi 3 décembre 2026, 9 h 30 – 12 h", "Du 14 au 15 janvier
/// 2027, 9 h – 17 h".
pub fn event_when(p: &Publication) -> String {
    let Detail::Evenement(e) = &p.detail else { return String::new() };
    let hours = format!("{} – {}", hours::format_time(e.debut), hours::format_time(e.fin));
    match e.date_fin.filter(|d| *d > p.date) {
        Some(last) => format!("{}, {hours}", date_range(p.date, last)),
        None => {
            let day = hours::format_date_with_weekday(p.date);
            let mut chars = day.chars();
            let day = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or(day);
            format!("{day}, {hours}")
        }
    }
}

/// "Du 4 au 5 décembre 2026", "Du 30 novembre au 2 décembre 2026", "Du 30 décembre 2026
/// au 2 janvier 2027".
pub fn date_range(first: NaiveDate, last: NaiveDate) -> String {
    use chrono::Datelike;
    let full = hours::format_date(first);
    let start = if first.year() != last.year() {
        full
    } else if first.month() != last.month() {
        full.rsplit_once(' ').map_or(full.clone(), |(day_month, _)| day_month.to_string())
    } else {
        full.split_once(' ').map_or(full.clone(), |(day, _)| day.to_string())
    };
    format!("Du {start} au {}", hours::format_date(last))
}

/// Where an event is held, in words.
fn event_where(site: &Site, p: &Publication) -> Option<String> {
    let Detail::Evenement(e) = &p.detail else { return None };
    match (&e.lieu, &e.adresse) {
        (Some(slug), _) => site.place(slug).map(|l| format!("{}, {}", l.nom, l.commune)),
        (None, _) => e.free_address(),
    }
}

/// The card of an entry.
pub fn card(site: &Site, urls: &Urls, p: &Publication) -> Card {
    let today = site.today;
    let (mut badge, mut avant, mut apres, mut ou) = (None, None, None, None);
    let (quand, iso) = match &p.detail {
        Detail::Actualite { .. } => (format!("Publié le {}", hours::format_date(p.date)), p.date),
        Detail::BonnePratique { .. } => (format!("Partagé le {}", hours::format_date(p.date)), p.date),
        Detail::Appel(a) => {
            let state = a.state(today);
            badge = Some(call_badge(state).to_string());
            apres = amount(a).map(|a| a.to_lowercase_first());
            (deadline(a, today), if state == CallState::AVenir { a.ouverture } else { a.cloture })
        }
        Detail::Annonce(a) => {
            badge = Some(nature(a.nature).to_string());
            avant = Some(a.categorie.clone());
            ou = Some(a.commune.clone());
            (format!("jusqu'au {}", hours::format_date(a.expiration)), a.expiration)
        }
        Detail::Evenement(_) => {
            ou = event_where(site, p);
            (event_when(p), p.date)
        }
    };
    // An event organised at its venue says the name once.
    let structure = p.structure.clone().filter(|s| !ou.as_ref().is_some_and(|o| o.starts_with(s.as_str())));
    Card {
        titre: p.titre.clone(),
        href: urls.path(&entry_dir(p)),
        rubrique: p.section.title().to_string(),
        badge,
        avant,
        quand,
        apres,
        iso: iso.to_string(),
        structure,
        ou,
        resume: p.resume.clone(),
    }
}

/// "Offre", "Demande".
fn nature(n: Nature) -> &'static str {
    match n {
        Nature::Offre => "Offre",
        Nature::Demande => "Demande",
    }
}

trait LowercaseFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowercaseFirst for String {
    /// "De 5 000 €" → "de 5 000 €".
    fn to_lowercase_first(&self) -> String {
        let mut chars = self.chars();
        chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
    }
}

/// A file to download: "Guide de l'animateur (PDF, 120 Ko)".
#[derive(Debug, Clone, Serialize)]
pub struct Download {
    /// The file's address.
    pub href: String,
    /// What it is.
    pub titre: String,
    /// "PDF".
    pub format: String,
    /// "120 Ko".
    pub taille: Option<String>,
}

/// "850 octets", "120 Ko", "2,4 Mo".
pub fn file_size(bytes: u64) -> String {
    if bytes < 1000 {
        format!("{bytes} octets")
    } else if bytes < 1_000_000 {
        format!("{}\u{a0}Ko", bytes.div_ceil(1000))
    } else {
        let tenths = bytes.div_ceil(100_000);
        format!("{},{}\u{a0}Mo", tenths / 10, tenths % 10)
    }
}

/// The name of a file's format, from its extension.
fn format_name(path: &str) -> String {
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    crate::load::media::ATTACHMENT_FORMATS
        .iter()
        .find(|(e, _)| *e == extension)
        .map_or_else(|| extension.to_uppercase(), |(_, name)| name.to_string())
}

/// How to reach someone.
#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    /// Name.
    pub nom: Option<String>,
    /// E-mail address.
    pub courriel: Option<Link>,
    /// Phone.
    pub telephone: Option<Phone>,
}

fn contact_view(contact: &Contact) -> Option<ContactView> {
    let view = ContactView {
        nom: contact.nom.clone(),
        courriel: contact.courriel.as_ref().map(|c| Link { text: c.clone(), href: view::mailto_plain(c) }),
        telephone: view::phone_of(&contact.telephone),
    };
    (view.nom.is_some() || view.courriel.is_some() || view.telephone.is_some()).then_some(view)
}

/// The page of an entry: what every section has, and what its own shows.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    /// The section's folder (`appels-a-projets`): the template shows its own part.
    pub type_: &'static str,
    /// Title.
    pub titre: String,
    /// Summary.
    pub resume: Option<String>,
    /// Body, sanitised HTML.
    pub corps_html: String,
    /// Tags, each to its page.
    pub etiquettes: Vec<Link>,
    /// Who.
    pub structure: Option<String>,
    /// Places it concerns.
    pub lieux: Vec<PlaceRef>,
    /// Publication, opening or first day.
    pub date: DateView,
    /// A badge: "Ouvert", "Offre"…
    pub badge: Option<String>,
    /// When, in words (a call's deadline, an event's days and hours).
    pub quand: Option<String>,
    /// Author of a news item.
    pub auteur: Option<String>,
    /// Image of a news item.
    pub image: Option<Link>,
    /// A call's funder.
    pub financeur: Option<String>,
    /// A call's amount.
    pub montant: Option<String>,
    /// A call's opening day.
    pub ouverture: Option<DateView>,
    /// A call's closing day.
    pub cloture: Option<DateView>,
    /// Who may apply.
    pub structures_eligibles: Vec<String>,
    /// Where a call applies.
    pub territoire: Option<String>,
    /// The official text of a call.
    pub lien: Option<Link>,
    /// Whom to contact.
    pub contact: Option<ContactView>,
    /// Services of a good practice, in plain words.
    pub services: Vec<String>,
    /// Publics of a good practice.
    pub publics: Vec<String>,
    /// Files to download.
    pub pieces_jointes: Vec<Download>,
    /// Licence of a good practice.
    pub licence: Option<String>,
    /// Category of an ad.
    pub categorie: Option<String>,
    /// Commune of an ad.
    pub commune: Option<String>,
    /// Last day of an ad.
    pub expiration: Option<DateView>,
    /// The place of an event.
    pub lieu: Option<PlaceRef>,
    /// The free address of an event.
    pub adresse: Option<String>,
    /// Registration link of an event.
    pub inscription: Option<String>,
    /// An event's calendar file.
    pub agenda: Option<String>,
    /// The list it belongs to (its archive when closed or past).
    pub liste: Link,
    /// schema.org JSON-LD of an event, safe inside `<script>`.
    pub json_ld: Option<String>,
}

/// The list an entry belongs to on `today` (its archive when closed or past): its name and
/// its folder.
pub(crate) fn entry_list(p: &Publication, today: NaiveDate) -> (String, String) {
    let archived = p.is_past(today) && has_archive(p.section);
    let text = if archived { format!("{} : archives", p.section.title()) } else { p.section.title().to_string() };
    (text, list_dir(p.section, archived))
}

/// The page of an entry.
pub fn entry_view(site: &Site, urls: &Urls, p: &Publication) -> EntryView {
    let today = site.today;
    let card = card(site, urls, p);
    let (text, dir) = entry_list(p, today);
    let liste = Link { text, href: urls.path(&dir) };
    let mut v = EntryView {
        type_: p.section.folder(),
        titre: p.titre.clone(),
        resume: p.resume.clone(),
        corps_html: markdown::render_markdown(&p.corps),
        etiquettes: tag_links(site, urls, &p.etiquettes),
        structure: p.structure.clone(),
        lieux: p
            .lieux
            .iter()
            .filter(|slug| !matches!(&p.detail, Detail::Evenement(e) if e.lieu.as_ref() == Some(*slug)))
            .filter_map(|slug| site.place(slug))
            .map(|l| view::place_ref(l, urls))
            .collect(),
        date: view::date_view(p.date),
        badge: card.badge,
        quand: None,
        auteur: None,
        image: None,
        financeur: None,
        montant: None,
        ouverture: None,
        cloture: None,
        structures_eligibles: Vec::new(),
        territoire: None,
        lien: None,
        contact: None,
        services: Vec::new(),
        publics: Vec::new(),
        pieces_jointes: Vec::new(),
        licence: None,
        categorie: None,
        commune: None,
        expiration: None,
        lieu: None,
        adresse: None,
        inscription: None,
        agenda: None,
        liste,
        json_ld: None,
    };
    match &p.detail {
        Detail::Actualite { auteur, image } => {
            v.auteur = auteur.clone();
            v.image = image.as_ref().map(|i| Link { text: i.alt.clone(), href: urls.path(&i.fichier) });
        }
        Detail::Appel(a) => {
            v.quand = Some(deadline(a, today));
            v.financeur = Some(a.financeur.clone());
            v.montant = amount(a);
            v.ouverture = Some(view::date_view(a.ouverture));
            v.cloture = Some(view::date_view(a.cloture));
            v.structures_eligibles = a.structures_eligibles.clone();
            v.territoire = a.territoire.clone();
            v.lien = Some(Link { text: view::display_url(&a.lien), href: a.lien.clone() });
            v.contact = contact_view(&a.contact);
        }
        Detail::BonnePratique { services, publics, pieces_jointes, licence } => {
            // Professionals read the standard's own words.
            v.services = services.clone();
            v.publics = publics.clone();
            v.pieces_jointes = pieces_jointes
                .iter()
                .map(|pj| Download {
                    href: urls.path(&pj.fichier),
                    titre: pj.titre.clone(),
                    format: format_name(&pj.fichier),
                    taille: site.file_sizes.get(&pj.fichier).map(|&b| file_size(b)),
                })
                .collect();
            v.licence = licence.clone();
        }
        Detail::Annonce(a) => {
            v.categorie = Some(a.categorie.clone());
            v.commune = Some(a.commune.clone());
            v.expiration = Some(view::date_view(a.expiration));
            v.contact = contact_view(&a.contact);
        }
        Detail::Evenement(e) => {
            v.quand = Some(event_when(p));
            v.lieu = e.lieu.as_deref().and_then(|slug| site.place(slug)).map(|l| view::place_ref(l, urls));
            v.adresse = e.free_address();
            v.inscription = e.inscription.clone();
            v.agenda = Some(urls.path(&event_calendar(p)));
            let page_url = urls.absolute(&entry_dir(p));
            v.json_ld = Some(super::structured::network_event(site, p, &page_url, &|slug| {
                urls.absolute(&format!("lieux/{slug}/"))
            }));
        }
    }
    v
}

/// Links to the pages of `tags`.
fn tag_links(site: &Site, urls: &Urls, tags: &[String]) -> Vec<Link> {
    tags.iter()
        .filter_map(|name| site.reseau.tag(name))
        .map(|i| {
            let tag = &site.reseau.tags[i];
            Link { text: tag.name.clone(), href: urls.path(&tag_dir(&tag.slug)) }
        })
        .collect()
}

/// A block of the network's home: a few cards and the way to the whole list.
#[derive(Debug, Clone, Serialize)]
pub struct HomeBlock {
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
pub struct HomeView {
    /// One block per section, in the order people look for them.
    pub blocs: Vec<HomeBlock>,
    /// Every tag with its count.
    pub etiquettes: Vec<view::TermLink>,
    /// The feeds: the whole space's, then each section's.
    pub flux: Vec<Link>,
    /// The agenda's calendar file.
    pub agenda: String,
}

/// How many entries the home shows per section.
const HOME_CARDS: [(Section, usize, &str); 5] = [
    (Section::Actualites, 3, "Aucune actualité pour le moment."),
    (Section::AppelsAProjets, 4, "Aucun appel à projets ouvert ou à venir en ce moment."),
    (Section::Agenda, 3, "Aucun événement à venir pour le moment."),
    (Section::Bourse, 3, "Aucune annonce en cours."),
    (Section::BonnesPratiques, 3, "Aucune bonne pratique partagée pour le moment."),
];

/// The network's home: latest news, open calls by deadline, next events, recent ads, good
/// practices.
pub fn home_view(site: &Site, urls: &Urls) -> HomeView {
    let blocs = HOME_CARDS
        .iter()
        .map(|&(section, count, vide)| {
            let titre = match section {
                Section::Actualites => "Dernières actualités",
                Section::AppelsAProjets => "Appels à projets ouverts et à venir",
                Section::Agenda => "Prochains événements",
                Section::Bourse => "Bourse d'échanges : annonces récentes",
                Section::BonnesPratiques => "Bonnes pratiques récentes",
            };
            let list = &site.reseau.lists[position(section)];
            HomeBlock {
                titre: titre.to_string(),
                cartes: list.iter().take(count).map(|&i| card(site, urls, &site.entries.reseau[i])).collect(),
                tout: Link {
                    text: match section {
                        Section::Actualites => "Toutes les actualités".to_string(),
                        Section::AppelsAProjets => "Tous les appels à projets".to_string(),
                        Section::Agenda => "Tout l'agenda".to_string(),
                        Section::Bourse => "Toutes les annonces".to_string(),
                        Section::BonnesPratiques => "Toutes les bonnes pratiques".to_string(),
                    },
                    href: urls.path(&list_dir(section, false)),
                },
                vide: vide.to_string(),
            }
        })
        .collect();
    let mut flux =
        vec![Link { text: "Tout l'espace réseau".into(), href: urls.path(&super::atom::reseau_path(None)) }];
    flux.extend(
        Section::ALL
            .iter()
            .map(|&s| Link { text: s.title().to_string(), href: urls.path(&super::atom::reseau_path(Some(s))) }),
    );
    HomeView { blocs, etiquettes: tag_cloud(site, urls), flux, agenda: urls.path(AGENDA_CALENDAR) }
}

/// Every tag with its count.
pub fn tag_cloud(site: &Site, urls: &Urls) -> Vec<view::TermLink> {
    site.reseau
        .tags
        .iter()
        .map(|t| view::TermLink {
            text: t.name.clone(),
            standard: None,
            href: urls.path(&tag_dir(&t.slug)),
            count: labels::count(t.entries.len(), "publication", "publications"),
        })
        .collect()
}

/// A list page: a section's, its archive's or a tag's.
#[derive(Debug, Clone, Serialize)]
pub struct ListView {
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
pub fn list_words(section: Section, archive: bool) -> (String, &'static str, &'static str) {
    match (section, archive) {
        (Section::Actualites, _) => (
            "Actualités du réseau".into(),
            "Les nouvelles de la médiation numérique dans la métropole, les plus récentes d'abord.",
            "Aucune actualité pour le moment.",
        ),
        (Section::AppelsAProjets, false) => (
            "Appels à projets".into(),
            "Les appels à projets et financements ouverts ou à venir, par date de clôture : les plus urgents d'abord. Les appels clos passent aux archives.",
            "Aucun appel à projets ouvert en ce moment.",
        ),
        (Section::AppelsAProjets, true) => (
            "Appels à projets clos".into(),
            "Les appels à projets dont la date de clôture est passée, les plus récents d'abord.",
            "Aucun appel clos.",
        ),
        (Section::BonnesPratiques, _) => (
            "Bonnes pratiques et outils".into(),
            "Des méthodes, supports et outils partagés par les structures du réseau, à télécharger et à réutiliser.",
            "Aucune bonne pratique partagée pour le moment.",
        ),
        (Section::Bourse, _) => (
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

/// The cards of page `n` of a list of entries (indices into `entries.reseau`).
fn page_cards(site: &Site, urls: &Urls, items: &[usize], n: usize) -> Vec<Card> {
    items.iter().skip((n - 1) * PER_PAGE).take(PER_PAGE).map(|&i| card(site, urls, &site.entries.reseau[i])).collect()
}

/// A section's list or archive, page `n` of `total`.
pub(crate) fn list_view(site: &Site, urls: &Urls, section: Section, archive: bool, n: usize, total: usize) -> ListView {
    let at = position(section);
    let items = if archive { &site.reseau.archives[at] } else { &site.reseau.lists[at] };
    let (titre, intro, vide) = list_words(section, archive);
    let base = list_dir(section, archive);
    let mut voir_aussi = Vec::new();
    if has_archive(section) {
        let other = list_words(section, !archive).0;
        voir_aussi.push(Link { text: other, href: urls.path(&list_dir(section, !archive)) });
    }
    ListView {
        titre,
        intro: intro.to_string(),
        cartes: page_cards(site, urls, items, n),
        rubriques: false,
        numero: n,
        pages: total,
        pagination: pagination(urls, &base, n, total),
        vide: vide.to_string(),
        voir_aussi,
        flux: Some(urls.path(&super::atom::reseau_path(Some(section)))),
        agenda: (section == Section::Agenda).then(|| urls.path(AGENDA_CALENDAR)),
    }
}

/// A tag's page `n` of `total`.
pub(crate) fn tag_view(site: &Site, urls: &Urls, index: usize, n: usize, total: usize) -> ListView {
    let tag = &site.reseau.tags[index];
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

/// What names a place, for its page.
pub fn place_mentions(site: &Site, urls: &Urls, slug: &str) -> Vec<Card> {
    site.reseau
        .by_place
        .get(slug)
        .into_iter()
        .flatten()
        .map(|&i| {
            // Short on a resident's page: what it is, its title and date.
            let mut card = card(site, urls, &site.entries.reseau[i]);
            card.rubrique = site.entries.reseau[i].section.one().to_string();
            card.resume = None;
            card.structure = None;
            card.ou = None;
            card
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_sizes_in_french() {
        assert_eq!(euros(5000), "5\u{202f}000\u{a0}€");
        assert_eq!(euros(150), "150\u{a0}€");
        assert_eq!(euros(1_250_000), "1\u{202f}250\u{202f}000\u{a0}€");
        assert_eq!(file_size(850), "850 octets");
        assert_eq!(file_size(14_300), "15\u{a0}Ko");
        assert_eq!(file_size(2_400_000), "2,4\u{a0}Mo");
    }

    #[test]
    fn date_ranges_say_the_month_and_year_once() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(date_range(d(2026, 12, 4), d(2026, 12, 5)), "Du 4 au 5 décembre 2026");
        assert_eq!(date_range(d(2026, 11, 30), d(2026, 12, 2)), "Du 30 novembre au 2 décembre 2026");
        assert_eq!(date_range(d(2026, 12, 30), d(2027, 1, 2)), "Du 30 décembre 2026 au 2 janvier 2027");
        assert_eq!(date_range(d(2026, 12, 1), d(2026, 12, 2)), "Du 1er au 2 décembre 2026");
    }

    #[test]
    fn days_in_words() {
        assert_eq!(in_days(0), "aujourd'hui");
        assert_eq!(in_days(1), "demain");
        assert_eq!(in_days(12), "dans 12 jours");
    }
}
