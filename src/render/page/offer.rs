//! The page of an offer (`/offres/<slug>/`): a workshop or a drop-in session, its places,
//! its sessions or recurring hours.

use std::hash::{Hash, Hasher};

use serde::Serialize;

use crate::Error;
use crate::hours;
use crate::index::Site;
use crate::markdown;
use crate::model::{Closure, Offer, OfferKind, Place, Schedule};
use crate::render::cards::{self, PlaceRef};
use crate::render::deps::Keys;
use crate::render::urls::{Urls, mailto};
use crate::render::view::{
    Access, ClosureNotice, DateView, ExtView, Link, ServiceView, SessionView, WeekView, access_modes, closure_notices,
    date_view, ext_views, lowercase_first, phone_of, publics_view, services_view, session_view, week_view,
};
use crate::render::{Renderer, labels, structured};

/// An offer page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct OfferView {
    /// schema.org JSON-LD, safe inside `<script>`.
    pub json_ld: String,
    /// Its iCalendar file.
    pub agenda: String,
    /// Title.
    pub titre: String,
    /// What kind of offer, in residents' words.
    pub type_offre: Option<&'static str>,
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
    /// The languages spoken besides French, in French (the offer's own: not its places').
    pub langues: String,
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
    /// The notices of the closures coming or under way.
    pub fermetures: Vec<ClosureNotice>,
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

/// How to register for an offer: « Se présenter » is « Venir sur place, sans rendez-vous » for a
/// drop-in or open access, but a workshop or a training, often with few seats, is not « sans
/// rendez-vous »: one registers at the place's desk.
fn registration(offer: &Offer, mut modes: Vec<Access>) -> Vec<Access> {
    if matches!(offer.kind(), Some(OfferKind::Workshop | OfferKind::Training)) {
        for (mode, access) in offer.modalites_acces.iter().zip(&mut modes) {
            if mode == "Se présenter" {
                access.text = "Sur place, à l'accueil du lieu".to_string();
            }
        }
    }
    modes
}

/// The page of an offer.
pub(crate) fn offer_view(site: &Site, urls: &Urls, offer: &Offer) -> OfferView {
    let (upcoming, past) = cards::split_sessions(site, offer);
    let places: Vec<&Place> = offer.lieux.iter().filter_map(|s| site.place(s)).collect();
    let phone = places.iter().find_map(|l| phone_of(&l.telephone));
    let email = places.iter().find_map(|l| l.courriels.first());
    let rdv = offer.prise_rdv.as_ref().or_else(|| places.iter().find_map(|l| l.prise_rdv.as_ref()));
    let page_url = urls.absolute(&format!("offres/{}/", offer.slug));
    OfferView {
        json_ld: structured::offer(site, offer, &page_url, &|slug| urls.absolute(&format!("lieux/{slug}/"))),
        agenda: urls.path(&format!("offres/{}/agenda.ics", offer.slug)),
        titre: offer.titre.clone(),
        type_offre: offer.kind().map(OfferKind::label),
        resume: offer.resume.clone(),
        lieux: places.iter().map(|l| cards::place_ref(l, urls)).collect(),
        services: services_view(site, urls, &offer.services),
        publics: publics_view(site, urls, &offer.publics_specifiquement_adresses),
        prise_en_charge: labels::plain_list("prise_en_charge_specifique", &offer.prise_en_charge_specifique),
        langues: crate::languages::names(&offer.langues),
        frais: labels::plain_list("frais_a_charge", &offer.frais_a_charge),
        acces: registration(offer, access_modes(&offer.modalites_acces, phone.as_ref(), email, rdv)),
        accompagnement: labels::plain_list("modalites_accompagnement", &offer.modalites_accompagnement),
        inscription: offer.inscription.clone(),
        prise_rdv: offer.prise_rdv.clone(),
        pieces: offer.pieces_a_apporter.clone(),
        horaires: match &offer.calendrier {
            Schedule::Hours(h) => week_view(site, h, &offer.fermetures, "Horaires").map(|mut w| {
                // A workshop runs, it does not open: ouverture.js words it "En ce moment ·
                // jusqu'à 12 h" / "Prochaine fois : mardi à 9 h".
                w.ouverture = w.ouverture.map(|json| json.replacen('{', "{\"offre\":true,", 1));
                // A workshop is not "closed": it does not run.
                w.summary = cards::open_lines(w.summary);
                for day in w.days.iter_mut().filter(|d| d.ranges.is_empty()) {
                    day.text = "Pas de séance".to_string();
                }
                w.holidays = w.holidays.map(|h| h.replace("Fermé les jours fériés", "Pas de séance les jours fériés"));
                w
            }),
            Schedule::Sessions(_) => None,
        },
        fermetures: closure_notices(&offer.fermetures, site.today),
        a_des_seances: matches!(offer.calendrier, Schedule::Sessions(_)),
        // A session in a closure stays in the list, said cancelled: someone who noted its date
        // learns that it will not take place, rather than finding it gone.
        prochaines: upcoming
            .into_iter()
            .map(|s| {
                let mut view = session_view(s);
                if hours::session_cancelled(&offer.fermetures, s) {
                    let closure = Closure::on(&offer.fermetures, s.date);
                    view.annulee =
                        Some(closure.and_then(|c| c.motif.as_deref()).map(lowercase_first).unwrap_or_default());
                }
                view
            })
            .collect(),
        passees: past.into_iter().map(session_view).collect(),
        description_html: markdown::render_markdown(&offer.description),
        date_maj: date_view(offer.date_maj),
        territoire: ext_views(&site.config.extensions.offres, &offer.extensions, urls),
        signaler: mailto(
            site.config.report_address(),
            &format!("Erreur sur l'offre « {} » ({page_url})", offer.titre),
            &format!("Bonjour,\n\nJ'ai repéré une erreur sur la page {page_url} :\n\n"),
        ),
    }
}

/// Renders the page of the offer at `i`, in the folder `dir`.
pub(crate) fn render(r: &Renderer, i: usize, dir: &str) -> Result<String, Error> {
    let offer = &r.site.entries.offers[i];
    let data = offer_view(r.site, &r.urls, offer);
    let description = offer.resume.clone().unwrap_or_else(|| markdown::plain_text(&offer.description, 160));
    let crumbs = r.crumbs(&[(super::offers::TITLE, "offres/")]);
    let meta = r.meta(&offer.titre, &description, dir, crumbs);
    r.page("offre.html", &meta, &data)
}

/// The key of the page of the offer at `i`: the offer (its closures with it), its places, and whether each of its
/// services and publics has a page ([`offer_view`] links to it only then).
pub(crate) fn key(keys: &Keys, i: usize) -> u64 {
    let site = keys.site;
    let offer = &site.entries.offers[i];
    let mut h = keys.hasher();
    (5u8, keys.entry(offer.file)).hash(&mut h);
    for place in offer.lieux.iter().filter_map(|s| site.place(s)) {
        keys.place(place).hash(&mut h);
    }
    // A service or public links to its page only when some place has it.
    for service in &offer.services {
        site.services.iter().any(|t| &t.name == service).hash(&mut h);
    }
    for public in &offer.publics_specifiquement_adresses {
        site.publics.iter().any(|t| &t.name == public).hash(&mut h);
    }
    h.finish()
}
