//! The page of a place (`/lieux/<slug>/`): everything the standard says of it, its offers,
//! the entries of the network's space that name it, its QR code.

use std::hash::{Hash, Hasher};

use serde::Serialize;

use super::network;
use crate::Error;
use crate::index::Site;
use crate::markdown;
use crate::model::Place;
use crate::render::cards::{self, OfferCard};
use crate::render::deps::Keys;
use crate::render::urls::{Urls, display_url, mailto, mailto_plain};
use crate::render::view::{
    Access, ClosureNotice, DateView, ExtView, Link, Phone, ServiceView, WeekView, access_modes, closure_notices,
    date_view, ext_views, phone_of, publics_view, services_view, week_view,
};
use crate::render::{Renderer, labels, structured};
use crate::schema::rules;

/// A place page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PlaceView {
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
    /// « Y aller »: OpenStreetMap's directions to the place's coordinates, or else its search of
    /// the address.
    pub itineraire: Option<String>,
    /// `geo:` URI.
    pub geo: Option<String>,
    /// `latitude,longitude`, for the small map.
    pub coordonnees: Option<String>,
    /// Opening hours.
    pub horaires: Option<WeekView>,
    /// The notices of the closures coming or under way.
    pub fermetures: Vec<ClosureNotice>,
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
    /// The languages spoken besides French, in French: « arabe, anglais » (empty: none said).
    pub langues: String,
    /// How to get there / register.
    pub acces: Vec<Access>,
    /// Kinds of support.
    pub accompagnement: Vec<String>,
    /// Cost.
    pub frais: Vec<String>,
    /// What decides a visit, under the status in the first screen: "Gratuit · Sans rendez-vous".
    pub en_bref: String,
    /// National programmes.
    pub programmes: Vec<String>,
    /// Training and labels, with the free-text ones.
    pub labels: Vec<String>,
    /// Acceslibre sheet.
    pub fiche_acces_libre: Option<String>,
    /// Offers held there.
    pub offres: Vec<OfferCard>,
    /// Entries of the network's space that name it.
    pub reseau: Vec<network::Card>,
    /// Presentation, sanitised HTML.
    pub presentation_html: String,
    /// Last check of the information (`date_maj`).
    pub date_maj: DateView,
    /// Checked more than [`rules::STALE_MONTHS`] months before the build: the page says the
    /// information may have changed, and to call before going.
    pub a_reverifier: bool,
    /// Territorial fields.
    pub territoire: Vec<ExtView>,
    /// The QR code of the page's address (inline SVG, drawn by resin).
    pub qr: Option<String>,
    /// The page's address, written out beside its QR code.
    pub adresse_page: String,
    /// "Signaler une erreur" link.
    pub signaler: String,
}

/// The view of a place's page; `qr` is the QR code of its address (drawn once per place by the
/// renderer: the fiche d'orientation prints it too).
pub(crate) fn place_view(site: &Site, urls: &Urls, place: &Place, qr: Option<String>) -> PlaceView {
    let phone = phone_of(&place.telephone);
    let coords = place.latitude.zip(place.longitude);
    let page_url = urls.absolute(&format!("lieux/{}/", place.slug));
    let mut labels_list = labels::plain_list("formations_labels", &place.formations_labels);
    labels_list.extend(place.autres_formations_labels.iter().cloned());
    PlaceView {
        json_ld: structured::place(site, place, &page_url),
        nom: place.nom.clone(),
        typologie: labels::typologies(&place.typologie),
        itinerant: place.is_itinerant(),
        resume: place.presentation_resume.clone(),
        structure_parente: place.structure_parente.clone(),
        adresse: place.adresse.clone(),
        complement: place.complement_adresse.clone(),
        code_postal: place.code_postal.clone(),
        commune: Link::new(&place.commune, urls.path(&format!("communes/{}/", Site::commune_slug(&place.commune)))),
        itineraire: match coords {
            Some((lat, lon)) => Some(format!("https://www.openstreetmap.org/directions?to={lat},{lon}")),
            None => url::Url::parse_with_params(
                "https://www.openstreetmap.org/search",
                [("query", format!("{}, {} {}", place.adresse, place.code_postal, place.commune))],
            )
            .ok()
            .map(String::from),
        },
        geo: coords.map(|(lat, lon)| format!("geo:{lat},{lon}")),
        coordonnees: coords.map(|(lat, lon)| format!("{lat},{lon}")),
        horaires: place.horaires.as_deref().and_then(|h| week_view(site, h, &place.fermetures, "Horaires d'ouverture")),
        fermetures: closure_notices(&place.fermetures, site.today),
        acces: access_modes(&place.modalites_acces, phone.as_ref(), place.courriels.first(), place.prise_rdv.as_ref()),
        telephone: phone,
        courriels: place.courriels.iter().map(|c| Link::new(c, mailto_plain(c))).collect(),
        sites: place.site_web.iter().map(|u| Link::new(display_url(u), u)).collect(),
        prise_rdv: place.prise_rdv.clone(),
        pieces: place.pieces_a_apporter.clone(),
        services: services_view(site, urls, &place.services),
        publics: publics_view(site, urls, &place.publics_specifiquement_adresses),
        prise_en_charge: labels::plain_list("prise_en_charge_specifique", &place.prise_en_charge_specifique),
        langues: crate::languages::names(&place.langues),
        accompagnement: labels::plain_list("modalites_accompagnement", &place.modalites_accompagnement),
        frais: labels::plain_list("frais_a_charge", &place.frais_a_charge),
        en_bref: in_short(place),
        programmes: labels::plain_list("dispositif_programmes_nationaux", &place.dispositif_programmes_nationaux),
        labels: labels_list,
        fiche_acces_libre: place.fiche_acces_libre.clone(),
        offres: site.offers_at(&place.slug).map(|o| cards::offer_card(site, urls, o)).collect(),
        reseau: network::place_mentions(site, urls, &place.slug),
        presentation_html: markdown::render_markdown(&place.presentation_detail),
        date_maj: date_view(place.date_maj),
        a_reverifier: rules::older_than(place.date_maj, site.today, rules::STALE_MONTHS),
        territoire: ext_views(&site.config.extensions.lieux, &place.extensions, urls),
        qr,
        adresse_page: page_url.clone(),
        signaler: mailto(
            site.config.report_address(),
            &format!("Erreur sur la fiche « {} » ({page_url})", place.nom),
            &format!("Bonjour,\n\nJ'ai repéré une erreur sur la fiche {page_url} :\n\n"),
        ),
    }
}

/// Renders the page of the place at `i`, in the folder `dir`.
pub(crate) fn render(r: &Renderer, i: usize, dir: &str) -> Result<String, Error> {
    let site = r.site;
    let place = &site.entries.places[i];
    let data = place_view(site, &r.urls, place, r.place_qr(i).clone());
    let description = place.presentation_resume.clone().unwrap_or_else(|| {
        let services: Vec<String> = place.services.iter().map(|s| labels::service_short(s)).collect();
        let mut text = format!("{} à {}", labels::typologies(&place.typologie), place.commune);
        if !services.is_empty() {
            text.push_str(&format!(" : {}", services.join(", ").to_lowercase()));
        }
        format!("{text}.")
    });
    let crumbs = r.crumbs(&[("Tous les lieux", "lieux/")]);
    let meta = r.meta(&place.nom, &description, dir, crumbs);
    r.page("lieu.html", &meta, &data)
}

/// The key of the page of the place at `i`: the place (its closures with it), the cards of its
/// offers, the entries of the network's space that name it and the places those name
/// ([`place_view`]). What the closures show depends on the build date too, which every key
/// holds.
pub(crate) fn key(keys: &Keys, i: usize) -> u64 {
    let site = keys.site;
    let place = &site.entries.places[i];
    let mut h = keys.hasher();
    (2u8, keys.place(place)).hash(&mut h);
    for offer in site.offers_at(&place.slug) {
        cards::hash_offer_card(keys, &mut h, offer);
    }
    for &i in site.network.by_place.get(&place.slug).into_iter().flatten() {
        let p = &site.entries.network[i];
        keys.entry(p.file).hash(&mut h);
        for named in p.lieux.iter().filter_map(|s| site.place(s)) {
            keys.place(named).hash(&mut h);
        }
    }
    h.finish()
}

/// The cost and whether one can come without an appointment, in a few words for the first
/// screen of the page ("Gratuit · Sans rendez-vous"); empty when the place says neither.
fn in_short(place: &Place) -> String {
    let mut words = labels::plain_list("frais_a_charge", &place.frais_a_charge);
    if place.modalites_acces.iter().any(|m| m == "Se présenter") {
        words.push("Sans rendez-vous".to_string());
    }
    words.join(" · ")
}
