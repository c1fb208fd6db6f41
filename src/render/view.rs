//! What the templates see: plain, already-worded data built from the [`Site`]. Every list is
//! built in a fixed order (no map iteration), so the output is the same on every run.

use chrono::NaiveDate;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use super::labels;
use crate::hours;
use crate::index::{Site, Term};
use crate::markdown;
use crate::model::{Calendrier, Lieu, Offre, Seance};
use crate::phone;

/// Characters left as they are in a `mailto:` header value: RFC 3986 unreserved.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
/// In the address part of a `mailto:`, `@` and `+` stay too.
const ADDRESS: &AsciiSet = &COMPONENT.remove(b'@').remove(b'+');

/// Site paths and absolute URLs, from the base URL of `site.yaml`.
#[derive(Debug, Clone)]
pub struct Urls {
    /// Path of the site root on its host, starting and ending with `/` (`/`, `/resin/`).
    pub base: String,
    /// Absolute base URL, ending with `/`.
    pub base_url: String,
}

impl Urls {
    /// From `site.yaml`'s `url`.
    pub fn new(url: &str) -> Urls {
        let base_url = if url.ends_with('/') { url.to_string() } else { format!("{url}/") };
        let after_scheme = base_url.split_once("://").map_or(base_url.as_str(), |(_, rest)| rest);
        let base = after_scheme.find('/').map_or("/".to_string(), |i| after_scheme[i..].to_string());
        // No query or fragment in a base path.
        let base = base.split(['?', '#']).next().unwrap_or("/").to_string();
        let base = if base.ends_with('/') { base } else { format!("{base}/") };
        Urls { base, base_url }
    }

    /// Site path of a page folder (`lieux/x/` → `/lieux/x/` under the base path).
    pub fn path(&self, dir: &str) -> String {
        format!("{}{dir}", self.base)
    }

    /// Absolute URL of a page folder.
    pub fn absolute(&self, dir: &str) -> String {
        format!("{}{dir}", self.base_url)
    }

    /// A link target from `site.yaml` (`/a-propos/` or an absolute URL): site paths get the base path.
    pub fn config_link(&self, url: &str) -> String {
        match url.strip_prefix('/') {
            Some(rest) if !rest.starts_with('/') => self.path(rest),
            _ => url.to_string(),
        }
    }
}

/// `mailto:` link with a subject and a body, percent-encoded (RFC 6068: lines end with CRLF).
pub fn mailto(address: &str, subject: &str, body: &str) -> String {
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    format!(
        "mailto:{}?subject={}&body={}",
        utf8_percent_encode(address, ADDRESS),
        utf8_percent_encode(subject, COMPONENT),
        utf8_percent_encode(&body, COMPONENT)
    )
}

/// Plain `mailto:` link.
pub fn mailto_plain(address: &str) -> String {
    format!("mailto:{}", utf8_percent_encode(address, ADDRESS))
}

/// A link.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Text.
    pub text: String,
    /// Target.
    pub href: String,
}

impl Link {
    fn new(text: impl Into<String>, href: impl Into<String>) -> Link {
        Link { text: text.into(), href: href.into() }
    }
}

/// A link to a taxonomy term with its count of places.
#[derive(Debug, Clone, Serialize)]
pub struct TermLink {
    /// Words shown (plain words for services).
    pub text: String,
    /// The standard's value, when different from `text`.
    pub standard: Option<String>,
    /// `/services/<slug>/`.
    pub href: String,
    /// "12 lieux".
    pub count: String,
}

/// A phone number, shown and dialled.
#[derive(Debug, Clone, Serialize)]
pub struct Phone {
    /// "04 78 00 00 00".
    pub text: String,
    /// "tel:+33478000000".
    pub href: String,
}

pub(crate) fn phone_of(e164: &Option<String>) -> Option<Phone> {
    e164.as_ref().map(|n| Phone { text: phone::display(n), href: format!("tel:{n}") })
}

/// A date: French words and ISO form (for `<time datetime>`).
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// "3 mars 2026".
    pub text: String,
    /// "2026-03-03".
    pub iso: String,
}

pub(crate) fn date_view(date: NaiveDate) -> DateView {
    DateView { text: hours::format_date(date), iso: date.to_string() }
}

/// A dated session: "mardi 1er décembre 2026", "14 h – 16 h".
#[derive(Debug, Clone, Serialize)]
pub struct SessionView {
    /// "mardi 1er décembre 2026".
    pub date: String,
    /// "2026-12-01".
    pub iso: String,
    /// "14 h – 16 h".
    pub time: String,
}

fn session_view(s: &Seance) -> SessionView {
    SessionView {
        date: hours::format_date_with_weekday(s.date),
        iso: s.date.to_string(),
        time: format!("{} – {}", hours::format_time(s.debut), hours::format_time(s.fin)),
    }
}

/// The week of opening hours.
#[derive(Debug, Clone, Serialize)]
pub struct WeekView {
    /// "Lundi au vendredi : 9 h – 12 h", "Fermé le dimanche".
    pub summary: Vec<String>,
    /// Table caption.
    pub caption: String,
    /// Monday to Sunday.
    pub days: Vec<hours::Day>,
    /// Public holidays line.
    pub holidays: Option<String>,
    /// The opening periods of the coming days, as JSON for the browser's "open now" line
    /// (`{"debut":"2026-11-25","jours":[[[540,720]],…]}`; offers add `"offre":true`).
    pub ouverture: Option<String>,
}

fn week_view(site: &Site, horaires: &str, caption: &str) -> Option<WeekView> {
    let today = site.today;
    let week = site.week(horaires)?;
    let monday = hours::monday(today);
    Some(WeekView {
        summary: week.summary,
        caption: format!("{caption}, jour par jour (semaine du {})", hours::format_date(monday)),
        days: week.days,
        holidays: week.holidays,
        ouverture: Some(
            serde_json::json!({ "debut": today.format("%Y-%m-%d").to_string(), "jours": week.upcoming }).to_string(),
        ),
    })
}

/// Everything templates share: the site, its menu and footer.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
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
}

/// What a map needs: tiles, attribution, the territory's centre and zoom, the scripts.
#[derive(Debug, Clone, Serialize)]
pub struct MapSettings {
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
pub const MENU: [(&str, &str); 7] = [
    ("Accueil", ""),
    ("Lieux", "lieux/"),
    ("Carte", "carte/"),
    ("Offres", "offres/"),
    ("Orienter", "orienter/"),
    ("Communes", "communes/"),
    ("Réseau", "reseau/"),
];

/// The shared part of every page.
pub fn site_view(site: &Site, urls: &Urls) -> SiteView {
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
    }
}

/// What differs from page to page in the layout.
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
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

/// A place as listed in /lieux/ and on taxonomy pages.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    /// `/lieux/<slug>/`.
    pub href: String,
    /// Name.
    pub nom: String,
    /// "Bibliothèque, médiathèque".
    pub typologie: String,
    /// Mobile service.
    pub itinerant: bool,
    /// Street address.
    pub adresse: String,
    /// "69008 Lyon 8e Arrondissement".
    pub ville: String,
    /// Services in a few words each.
    pub services: Vec<String>,
    /// "Gratuit", "Gratuit sous condition, Payant".
    pub frais: String,
    /// Phone.
    pub telephone: Option<Phone>,
}

/// The card of a place.
pub fn card(lieu: &Lieu, urls: &Urls) -> Card {
    Card {
        href: urls.path(&format!("lieux/{}/", lieu.slug)),
        nom: lieu.nom.clone(),
        typologie: labels::typologies(&lieu.typologie),
        itinerant: lieu.is_itinerant(),
        adresse: lieu.adresse.clone(),
        ville: format!("{} {}", lieu.code_postal, lieu.commune),
        services: lieu.services.iter().map(|s| labels::service_short(s)).collect(),
        frais: lieu.frais_a_charge.join(", "),
        telephone: phone_of(&lieu.telephone),
    }
}

/// Places of one commune in a list.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Commune name.
    pub commune: String,
    /// `/communes/<slug>/`.
    pub href: String,
    /// The commune's places continue from the previous page.
    pub suite: bool,
    /// Places.
    pub lieux: Vec<Card>,
}

/// Groups place indices (already in display order) by commune, consecutive runs together.
pub fn groups(site: &Site, urls: &Urls, places: &[usize], first_is_suite: bool) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for &i in places {
        let lieu = &site.entries.lieux[i];
        match groups.last_mut() {
            Some(g) if g.commune == lieu.commune => g.lieux.push(card(lieu, urls)),
            _ => groups.push(Group {
                commune: lieu.commune.clone(),
                href: urls.path(&format!("communes/{}/", Site::commune_slug(&lieu.commune))),
                suite: groups.is_empty() && first_is_suite,
                lieux: vec![card(lieu, urls)],
            }),
        }
    }
    groups
}

/// Place indices in directory order: communes in order, places by name within each.
pub fn directory_order(site: &Site) -> Vec<usize> {
    site.communes.iter().flat_map(|c| c.lieux.iter().copied()).collect()
}

/// Place indices of a term, in directory order (grouped by commune).
pub fn term_places_by_commune(site: &Site, term: &Term) -> Vec<usize> {
    let mut member = vec![false; site.entries.lieux.len()];
    term.lieux.iter().for_each(|&i| member[i] = true);
    directory_order(site).into_iter().filter(|&i| member[i]).collect()
}

/// How an offer is placed in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// At least one session on or after today.
    Prochaine,
    /// Recurring hours.
    Recurrente,
    /// Every session is past.
    Passee,
}

/// An offer as listed (home page, /offres/, place page).
#[derive(Debug, Clone, Serialize)]
pub struct OfferCard {
    /// `/offres/<slug>/`.
    pub href: String,
    /// Title.
    pub titre: String,
    /// Summary.
    pub resume: Option<String>,
    /// Where: place names and communes.
    pub lieux: Vec<PlaceRef>,
    /// Upcoming, recurring or past.
    pub quand: When,
    /// The next session (upcoming offers).
    pub prochaine: Option<SessionView>,
    /// How many sessions follow the next one.
    pub autres_seances: String,
    /// Recurring hours in short.
    pub horaires: Vec<String>,
    /// The last session (past offers).
    pub derniere: Option<SessionView>,
}

/// A place named by an offer.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceRef {
    /// Name.
    pub nom: String,
    /// Commune.
    pub commune: String,
    /// `/lieux/<slug>/`.
    pub href: String,
    /// Street address, postcode and commune.
    pub adresse: String,
}

pub(crate) fn place_ref(lieu: &Lieu, urls: &Urls) -> PlaceRef {
    PlaceRef {
        nom: lieu.nom.clone(),
        commune: lieu.commune.clone(),
        href: urls.path(&format!("lieux/{}/", lieu.slug)),
        adresse: format!("{}, {} {}", lieu.adresse, lieu.code_postal, lieu.commune),
    }
}

/// Whether an offer is upcoming, recurring or past.
pub fn when(site: &Site, offre: &Offre) -> When {
    match (&offre.calendrier, site.next_session(offre)) {
        (Calendrier::Horaires(_), _) => When::Recurrente,
        (Calendrier::Seances(_), Some(_)) => When::Prochaine,
        (Calendrier::Seances(_), None) => When::Passee,
    }
}

/// The card of an offer.
pub fn offer_card(site: &Site, urls: &Urls, offre: &Offre) -> OfferCard {
    let (upcoming, past) = split_sessions(site, offre);
    let horaires = match &offre.calendrier {
        Calendrier::Horaires(h) => site.week(h).map(|w| open_lines(w.summary)).unwrap_or_default(),
        Calendrier::Seances(_) => Vec::new(),
    };
    let autres = upcoming.len().saturating_sub(1);
    OfferCard {
        href: urls.path(&format!("offres/{}/", offre.slug)),
        titre: offre.titre.clone(),
        resume: offre.resume.clone(),
        lieux: offre.lieux.iter().filter_map(|s| site.place(s)).map(|l| place_ref(l, urls)).collect(),
        quand: when(site, offre),
        prochaine: upcoming.first().map(|s| session_view(s)),
        autres_seances: match autres {
            0 => String::new(),
            1 => "puis 1 autre séance".to_string(),
            n => format!("puis {n} autres séances"),
        },
        horaires,
        derniere: past.last().map(|s| session_view(s)),
    }
}

/// An offer's hours summary without the "Fermé …" lines: a workshop is not "closed" the
/// other days, it simply does not run.
fn open_lines(summary: Vec<String>) -> Vec<String> {
    summary.into_iter().filter(|line| !line.starts_with("Fermé")).collect()
}

fn split_sessions<'a>(site: &Site, offre: &'a Offre) -> (Vec<&'a Seance>, Vec<&'a Seance>) {
    match &offre.calendrier {
        Calendrier::Seances(s) => s.iter().partition(|s| s.date >= site.today),
        Calendrier::Horaires(_) => (Vec::new(), Vec::new()),
    }
}

/// A mode of access, with the link that goes with it ("Téléphoner : 04…").
#[derive(Debug, Clone, Serialize)]
pub struct Access {
    /// What to do.
    pub text: String,
    /// The phone, e-mail or booking link to do it.
    pub lien: Option<Link>,
}

fn access_modes(
    modes: &[String],
    telephone: Option<&Phone>,
    courriel: Option<&String>,
    rdv: Option<&String>,
) -> Vec<Access> {
    modes
        .iter()
        .map(|mode| {
            let (text, lien) = match mode.as_str() {
                "Se présenter" => ("Venir sur place, sans rendez-vous".to_string(), None),
                "Téléphoner" => ("Téléphoner".to_string(), telephone.map(|p| Link::new(&p.text, &p.href))),
                "Contacter par mail" => {
                    ("Écrire un e-mail".to_string(), courriel.map(|c| Link::new(c, mailto_plain(c))))
                }
                "Prendre un RDV en ligne" => {
                    ("Prendre rendez-vous en ligne".to_string(), rdv.map(|u| Link::new(display_url(u), u)))
                }
                "Envoyer un mail avec une fiche de prescription" => (
                    "Sur orientation d'un professionnel, qui envoie une fiche de prescription par e-mail".to_string(),
                    None,
                ),
                other => (other.to_string(), None),
            };
            Access { text, lien }
        })
        .collect()
}

/// A URL as shown: without the scheme and the final `/`.
pub fn display_url(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.strip_suffix('/').unwrap_or(rest).to_string()
}

/// A service on a place or offer page.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceView {
    /// Plain words.
    pub text: String,
    /// The standard's name.
    pub standard: String,
    /// Its page, when it has one.
    pub href: Option<String>,
}

fn services_view(site: &Site, urls: &Urls, services: &[String]) -> Vec<ServiceView> {
    services
        .iter()
        .map(|s| ServiceView {
            text: labels::service_plain(s),
            standard: s.clone(),
            href: site.services.iter().find(|t| &t.name == s).map(|t| urls.path(&format!("services/{}/", t.slug))),
        })
        .collect()
}

fn publics_view(site: &Site, urls: &Urls, publics: &[String]) -> Vec<Link> {
    publics
        .iter()
        .map(|p| {
            let href = site.publics.iter().find(|t| &t.name == p).map(|t| urls.path(&format!("publics/{}/", t.slug)));
            Link::new(p, href.unwrap_or_default())
        })
        .collect()
}

/// A place page.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceView {
    /// schema.org JSON-LD, safe inside `<script>`.
    pub json_ld: String,
    /// Name.
    pub nom: String,
    /// Structure type in words.
    pub typologie: String,
    /// Mobile service.
    pub itinerant: bool,
    /// Short presentation.
    pub resume: Option<String>,
    /// Network it belongs to.
    pub structure_parente: Option<String>,
    /// Street address.
    pub adresse: String,
    /// Building, floor…
    pub complement: Option<String>,
    /// Postcode.
    pub code_postal: String,
    /// Commune and its page.
    pub commune: Link,
    /// OpenStreetMap directions.
    pub itineraire: Option<String>,
    /// `geo:` URI.
    pub geo: Option<String>,
    /// `latitude,longitude`, for the small map.
    pub coordonnees: Option<String>,
    /// Opening hours.
    pub horaires: Option<WeekView>,
    /// Phone.
    pub telephone: Option<Phone>,
    /// E-mail addresses.
    pub courriels: Vec<Link>,
    /// Websites.
    pub sites: Vec<Link>,
    /// Booking link.
    pub prise_rdv: Option<String>,
    /// What to bring.
    pub pieces: Vec<String>,
    /// Services.
    pub services: Vec<ServiceView>,
    /// Publics (empty: everyone).
    pub publics: Vec<Link>,
    /// Specific support.
    pub prise_en_charge: Vec<String>,
    /// How to get there / register.
    pub acces: Vec<Access>,
    /// Kinds of support.
    pub accompagnement: Vec<String>,
    /// Cost.
    pub frais: Vec<String>,
    /// National programmes.
    pub programmes: Vec<String>,
    /// Training and labels, with the free-text ones.
    pub labels: Vec<String>,
    /// Acceslibre sheet.
    pub fiche_acces_libre: Option<String>,
    /// Offers held there.
    pub offres: Vec<OfferCard>,
    /// Entries of the network's space that name it.
    pub reseau: Vec<super::reseau::Card>,
    /// Presentation, sanitised HTML.
    pub presentation_html: String,
    /// Last update.
    pub date_maj: DateView,
    /// Territorial fields.
    pub territoire: Vec<ExtView>,
    /// The QR code of the page's address (inline SVG, drawn by resin).
    pub qr: Option<String>,
    /// The page's address, written out beside its QR code.
    pub adresse_page: String,
    /// "Signaler une erreur" link.
    pub signaler: String,
}

/// The page of a place.
/// The view of a place's page; `qr` is the QR code of its address (drawn once per place by the
/// renderer: the fiche d'orientation prints it too).
pub fn place_view(site: &Site, urls: &Urls, lieu: &Lieu, qr: Option<String>) -> PlaceView {
    let telephone = phone_of(&lieu.telephone);
    let coords = lieu.latitude.zip(lieu.longitude);
    let page_url = urls.absolute(&format!("lieux/{}/", lieu.slug));
    let mut labels_list = lieu.formations_labels.clone();
    labels_list.extend(lieu.autres_formations_labels.iter().cloned());
    PlaceView {
        json_ld: super::structured::place(site, lieu, &page_url),
        nom: lieu.nom.clone(),
        typologie: labels::typologies(&lieu.typologie),
        itinerant: lieu.is_itinerant(),
        resume: lieu.presentation_resume.clone(),
        structure_parente: lieu.structure_parente.clone(),
        adresse: lieu.adresse.clone(),
        complement: lieu.complement_adresse.clone(),
        code_postal: lieu.code_postal.clone(),
        commune: Link::new(&lieu.commune, urls.path(&format!("communes/{}/", Site::commune_slug(&lieu.commune)))),
        itineraire: coords.map(|(lat, lon)| format!("https://www.openstreetmap.org/directions?to={lat},{lon}")),
        geo: coords.map(|(lat, lon)| format!("geo:{lat},{lon}")),
        coordonnees: coords.map(|(lat, lon)| format!("{lat},{lon}")),
        horaires: lieu.horaires.as_deref().and_then(|h| week_view(site, h, "Horaires d'ouverture")),
        acces: access_modes(&lieu.modalites_acces, telephone.as_ref(), lieu.courriels.first(), lieu.prise_rdv.as_ref()),
        telephone,
        courriels: lieu.courriels.iter().map(|c| Link::new(c, mailto_plain(c))).collect(),
        sites: lieu.site_web.iter().map(|u| Link::new(display_url(u), u)).collect(),
        prise_rdv: lieu.prise_rdv.clone(),
        pieces: lieu.pieces_a_apporter.clone(),
        services: services_view(site, urls, &lieu.services),
        publics: publics_view(site, urls, &lieu.publics_specifiquement_adresses),
        prise_en_charge: lieu.prise_en_charge_specifique.clone(),
        accompagnement: lieu.modalites_accompagnement.clone(),
        frais: lieu.frais_a_charge.clone(),
        programmes: lieu.dispositif_programmes_nationaux.clone(),
        labels: labels_list,
        fiche_acces_libre: lieu.fiche_acces_libre.clone(),
        offres: site.offers_at(&lieu.slug).map(|o| offer_card(site, urls, o)).collect(),
        reseau: super::reseau::place_mentions(site, urls, &lieu.slug),
        presentation_html: markdown::render_markdown(&lieu.presentation_detail),
        date_maj: date_view(lieu.date_maj),
        territoire: ext_views(&site.config.extensions.lieux, &lieu.extensions, urls),
        qr,
        adresse_page: page_url.clone(),
        signaler: mailto(
            site.config.report_address(),
            &format!("Erreur sur la fiche « {} » ({page_url})", lieu.nom),
            &format!("Bonjour,\n\nJ'ai repéré une erreur sur la fiche {page_url} :\n\n"),
        ),
    }
}

/// An offer page.
#[derive(Debug, Clone, Serialize)]
pub struct OfferView {
    /// schema.org JSON-LD, safe inside `<script>`.
    pub json_ld: String,
    /// Its iCalendar file.
    pub agenda: String,
    /// Title.
    pub titre: String,
    /// Summary.
    pub resume: Option<String>,
    /// Where.
    pub lieux: Vec<PlaceRef>,
    /// Services.
    pub services: Vec<ServiceView>,
    /// Publics (empty: everyone).
    pub publics: Vec<Link>,
    /// Specific support.
    pub prise_en_charge: Vec<String>,
    /// Cost.
    pub frais: Vec<String>,
    /// How to register.
    pub acces: Vec<Access>,
    /// Kinds of support.
    pub accompagnement: Vec<String>,
    /// Free text on registration.
    pub inscription: Option<String>,
    /// Online registration.
    pub prise_rdv: Option<String>,
    /// What to bring.
    pub pieces: Vec<String>,
    /// Recurring hours.
    pub horaires: Option<WeekView>,
    /// True when the offer has dated sessions.
    pub a_des_seances: bool,
    /// Sessions on or after today.
    pub prochaines: Vec<SessionView>,
    /// Sessions before today.
    pub passees: Vec<SessionView>,
    /// Description, sanitised HTML.
    pub description_html: String,
    /// Last update.
    pub date_maj: DateView,
    /// Territorial fields.
    pub territoire: Vec<ExtView>,
    /// "Signaler une erreur" link.
    pub signaler: String,
}

/// The page of an offer.
pub fn offer_view(site: &Site, urls: &Urls, offre: &Offre) -> OfferView {
    let (upcoming, past) = split_sessions(site, offre);
    let places: Vec<&Lieu> = offre.lieux.iter().filter_map(|s| site.place(s)).collect();
    let telephone = places.iter().find_map(|l| phone_of(&l.telephone));
    let courriel = places.iter().find_map(|l| l.courriels.first());
    let rdv = offre.prise_rdv.as_ref().or_else(|| places.iter().find_map(|l| l.prise_rdv.as_ref()));
    let page_url = urls.absolute(&format!("offres/{}/", offre.slug));
    OfferView {
        json_ld: super::structured::offer(site, offre, &page_url, &|slug| urls.absolute(&format!("lieux/{slug}/"))),
        agenda: urls.path(&format!("offres/{}/agenda.ics", offre.slug)),
        titre: offre.titre.clone(),
        resume: offre.resume.clone(),
        lieux: places.iter().map(|l| place_ref(l, urls)).collect(),
        services: services_view(site, urls, &offre.services),
        publics: publics_view(site, urls, &offre.publics_specifiquement_adresses),
        prise_en_charge: offre.prise_en_charge_specifique.clone(),
        frais: offre.frais_a_charge.clone(),
        acces: access_modes(&offre.modalites_acces, telephone.as_ref(), courriel, rdv),
        accompagnement: offre.modalites_accompagnement.clone(),
        inscription: offre.inscription.clone(),
        prise_rdv: offre.prise_rdv.clone(),
        pieces: offre.pieces_a_apporter.clone(),
        horaires: match &offre.calendrier {
            Calendrier::Horaires(h) => week_view(site, h, "Horaires").map(|mut w| {
                // A workshop runs, it does not open: ouverture.js words it "En ce moment ·
                // jusqu'à 12 h" / "Prochaine fois : mardi à 9 h".
                w.ouverture = w.ouverture.map(|json| json.replacen('{', "{\"offre\":true,", 1));
                // A workshop is not "closed": it does not run.
                w.summary = open_lines(w.summary);
                for day in w.days.iter_mut().filter(|d| d.ranges.is_empty()) {
                    day.text = "Pas de séance".to_string();
                }
                w.holidays = w.holidays.map(|h| h.replace("Fermé les jours fériés", "Pas de séance les jours fériés"));
                w
            }),
            Calendrier::Seances(_) => None,
        },
        a_des_seances: matches!(offre.calendrier, Calendrier::Seances(_)),
        prochaines: upcoming.into_iter().map(session_view).collect(),
        passees: past.into_iter().map(session_view).collect(),
        description_html: markdown::render_markdown(&offre.description),
        date_maj: date_view(offre.date_maj),
        territoire: ext_views(&site.config.extensions.offres, &offre.extensions, urls),
        signaler: mailto(
            site.config.report_address(),
            &format!("Erreur sur l'offre « {} » ({page_url})", offre.titre),
            &format!("Bonjour,\n\nJ'ai repéré une erreur sur la page {page_url} :\n\n"),
        ),
    }
}

/// Taxonomy term links with counts.
pub fn term_links(terms: &[Term], urls: &Urls, folder: &str, plain: fn(&str) -> Option<String>) -> Vec<TermLink> {
    terms
        .iter()
        .map(|t| {
            let words = plain(&t.name);
            TermLink {
                text: words.clone().unwrap_or_else(|| t.name.clone()),
                standard: words.map(|_| t.name.clone()),
                href: urls.path(&format!("{folder}/{}/", t.slug)),
                count: labels::count(t.lieux.len(), "lieu", "lieux"),
            }
        })
        .collect()
}

/// Plain words of a service, for [`term_links`].
pub fn service_words(name: &str) -> Option<String> {
    labels::service(name).map(|l| l.plain.to_string())
}

/// No other words, for [`term_links`].
pub fn same_words(_: &str) -> Option<String> {
    None
}

/// One field of the standard on /donnees/.
#[derive(Debug, Clone, Serialize)]
pub struct FieldView {
    /// Column name.
    pub name: String,
    /// Title.
    pub title: String,
    /// Required.
    pub required: bool,
    /// Description.
    pub description: String,
}

/// The standard's fields.
pub fn fields() -> Vec<FieldView> {
    crate::export::schema_fields()
        .iter()
        .map(|f| FieldView {
            name: f.name.clone(),
            title: f.title.clone(),
            required: f.required(),
            description: f.description.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(Urls::new("https://resin.exemple.fr/").base, "/");
        assert_eq!(Urls::new("https://resin.exemple.fr").base, "/");
        let u = Urls::new("https://x.github.io/resin");
        assert_eq!(u.base, "/resin/");
        assert_eq!(u.base_url, "https://x.github.io/resin/");
        assert_eq!(u.path("lieux/"), "/resin/lieux/");
        assert_eq!(u.config_link("/a-propos/"), "/resin/a-propos/");
        assert_eq!(u.config_link("https://ailleurs.fr/"), "https://ailleurs.fr/");
    }

    #[test]
    fn mailto_is_percent_encoded() {
        let href =
            mailto("signalement@exemple.fr", "Erreur sur la fiche « A & B »", "Page :\nhttps://x.fr/lieux/a/?q=1");
        assert_eq!(
            href,
            "mailto:signalement@exemple.fr?subject=Erreur%20sur%20la%20fiche%20%C2%AB%20A%20%26%20B%20%C2%BB\
             &body=Page%20%3A%0D%0Ahttps%3A%2F%2Fx.fr%2Flieux%2Fa%2F%3Fq%3D1"
        );
    }

    #[test]
    fn urls_are_shown_without_scheme() {
        assert_eq!(display_url("https://bm.exemple.fr/bachut/"), "bm.exemple.fr/bachut");
    }
}

/// One choice of a filter: its value in the URL query and its words.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    /// Value in the query (`?besoin=aide-aux-demarches-administratives`).
    pub value: String,
    /// Words shown.
    pub text: String,
}

/// The filter form of `/lieux/`, `/carte/` and the home page (`annuaire.js` brings it to
/// life; its choices are the same as the search index's).
#[derive(Debug, Clone, Serialize)]
pub struct Filters {
    /// `/lieux/`: where the home page's form leads.
    pub action: String,
    /// `/lieux/recherche.json`.
    pub index: String,
    /// Services that some place offers, in plain words.
    pub besoins: Vec<Choice>,
    /// Communes with at least one place.
    pub communes: Vec<Choice>,
    /// The communes whose centre is known, for "près de moi" without geolocation.
    pub depuis: Vec<Choice>,
    /// Publics.
    pub publics: Vec<Choice>,
    /// Specific support offered somewhere.
    pub prises: Vec<Choice>,
    /// The territorial fields offered as filters.
    pub criteres: Vec<CriterionFilter>,
}

/// A territorial field as a filter: a checkbox (`booleen`) or a list (`choix`).
#[derive(Debug, Clone, Serialize)]
pub struct CriterionFilter {
    /// The form's field (`x-pass-numerique`).
    pub nom: String,
    /// Its label.
    pub libelle: String,
    /// The values of a `choix` that some place has (empty for a checkbox).
    pub choix: Vec<Choice>,
}

/// The filters' choices for `site`.
pub fn filters(site: &Site, urls: &Urls) -> Filters {
    let choice = |value: &str, text: String| Choice { value: crate::vocab::slug(value), text };
    let prises = super::search::present(site, "prise_en_charge_specifique", |l| &l.prise_en_charge_specifique);
    Filters {
        action: urls.path("lieux/"),
        index: urls.path(super::search::PATH),
        besoins: site.services.iter().map(|t| choice(&t.name, labels::service_plain(&t.name))).collect(),
        communes: site.communes.iter().map(|t| Choice { value: t.slug.clone(), text: t.name.clone() }).collect(),
        depuis: communes_with_centre(site),
        publics: site.publics.iter().map(|t| choice(&t.name, t.name.clone())).collect(),
        prises: prises.iter().map(|p| choice(p, p.clone())).collect(),
        criteres: criterion_filters(site),
    }
}

/// The communes whose centre is known, to measure distances from (`depuis` of the directory
/// and of `/orienter/`), by name.
pub fn communes_with_centre(site: &Site) -> Vec<Choice> {
    super::search::communes(site)
        .into_iter()
        .filter(|(_, centre)| centre.is_some())
        .map(|(name, _)| Choice { value: Site::commune_slug(&name), text: name })
        .collect()
}

/// The territorial fields offered as filters, with the values that some place has (those with
/// a term in `site.criteres`).
fn criterion_filters(site: &Site) -> Vec<CriterionFilter> {
    let has_places = |slug: &str| site.criteres.iter().any(|t| t.slug == slug);
    site.config
        .extensions
        .lieux
        .iter()
        .filter(|e| e.filtre)
        .filter_map(|e| {
            let choix: Vec<Choice> = match e.kind {
                crate::config::ExtensionType::Choix => e
                    .valeurs
                    .iter()
                    .filter(|v| has_places(&e.value_slug(v)))
                    .map(|v| Choice { value: slug::slugify(v), text: v.clone() })
                    .collect(),
                _ => Vec::new(),
            };
            let present =
                if e.kind == crate::config::ExtensionType::Choix { !choix.is_empty() } else { has_places(&e.slug()) };
            present.then(|| CriterionFilter { nom: format!("x-{}", e.slug()), libelle: e.libelle.clone(), choix })
        })
        .collect()
}

/// A territorial field of an entry, as shown.
#[derive(Debug, Clone, Serialize)]
pub struct ExtView {
    /// Its label ("Accepte le Pass numérique").
    pub libelle: String,
    /// Its value in words ("Oui", "Point relais", "3 mars 2026").
    pub texte: String,
    /// A link: the value's filter page, or the address of a `url`.
    pub href: Option<String>,
    /// A sentence explaining the field.
    pub aide: Option<String>,
}

/// The territorial fields an entry gives, in their order of declaration.
pub fn ext_views(
    declared: &[crate::config::Extension],
    values: &[(String, crate::model::ExtValue)],
    urls: &Urls,
) -> Vec<ExtView> {
    use crate::config::ExtensionType;
    use crate::model::ExtValue;
    declared
        .iter()
        .filter_map(|e| {
            let value = &values.iter().find(|(n, _)| n == &e.nom)?.1;
            let (texte, href) = match (e.kind, value) {
                (_, ExtValue::Bool(true)) => {
                    ("Oui".to_string(), e.filtre.then(|| urls.path(&format!("criteres/{}/", e.slug()))))
                }
                (_, ExtValue::Bool(false)) => ("Non".to_string(), None),
                (ExtensionType::Url, ExtValue::Text(url)) => (display_url(url), Some(url.clone())),
                (ExtensionType::Choix, ExtValue::Text(v)) => {
                    (v.clone(), e.filtre.then(|| urls.path(&format!("criteres/{}/", e.value_slug(v)))))
                }
                (_, ExtValue::Text(t)) => (t.clone(), None),
                (_, ExtValue::Date(d)) => (crate::hours::format_date(*d), None),
            };
            Some(ExtView { libelle: e.libelle.clone(), texte, href, aide: e.aide.clone() })
        })
        .collect()
}
