//! The cards that lists show: a place's ([`Card`], grouped by commune in [`Group`]s) and an
//! offer's ([`OfferCard`]); the orders lists follow; and what a card depends on, for the pages'
//! dependency keys ([`super::deps`]): whoever shows a card hashes it with the function beside it.

use std::hash::Hash;

use foldhash::quality::FoldHasher;
use serde::Serialize;

use super::PLACES_PER_PAGE;
use super::deps::Keys;
use super::labels;
use super::urls::Urls;
use super::view::{Phone, SessionView, phone_of, session_view};
use crate::index::{Site, Term};
use crate::model::{Offer, OfferKind, Place, Schedule, Session};

/// A place as listed in /lieux/ and on taxonomy pages.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Card {
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
    /// The languages spoken besides French: « arabe, anglais » (empty: none said).
    pub langues: String,
    /// Phone.
    pub telephone: Option<Phone>,
    /// The opening periods of the coming days, in the short form `ouverture.js` reads for
    /// "Ouvert maintenant · ferme à 12 h" ([`short_opening`]).
    pub ouverture: Option<String>,
}

/// The card of a place.
pub(crate) fn card(site: &Site, place: &Place, urls: &Urls) -> Card {
    Card {
        ouverture: place
            .horaires
            .as_deref()
            .and_then(|h| site.shared_entry_week(h, &place.fermetures))
            .map(|w| short_opening(site.today, &w.upcoming)),
        href: urls.path(&format!("lieux/{}/", place.slug)),
        nom: place.nom.clone(),
        typologie: labels::typologies(&place.typologie),
        itinerant: place.is_itinerant(),
        adresse: place.adresse.clone(),
        ville: format!("{} {}", place.code_postal, place.commune),
        services: place.services.iter().map(|s| labels::service_short(s)).collect(),
        frais: labels::plain_list("frais_a_charge", &place.frais_a_charge).join(", "),
        langues: crate::languages::names(&place.langues),
        telephone: phone_of(&place.telephone),
    }
}

/// The opening periods of the days from `today`, short enough for a card in a list of 100:
/// `2026-11-25|600-750,840-1080||…` (the first day, then each day's periods in minutes from
/// its midnight). `ouverture.js` reads it as it reads a place page's JSON.
pub(crate) fn short_opening(today: chrono::NaiveDate, upcoming: &[Vec<(u32, u32)>]) -> String {
    let mut out = today.format("%Y-%m-%d").to_string();
    for day in upcoming {
        out.push('|');
        let periods: Vec<String> = day.iter().map(|(from, to)| format!("{from}-{to}")).collect();
        out.push_str(&periods.join(","));
    }
    out
}

/// Places of one commune in a list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Group {
    /// Commune name.
    pub commune: String,
    /// `/communes/<slug>/`.
    pub href: String,
    /// The commune's slug: the heading's anchor (`#c-<slug>`), where a need's page leads.
    pub slug: String,
    /// The commune's places continue from the previous page.
    pub suite: bool,
    /// Places.
    pub lieux: Vec<Card>,
}

/// Groups place indices (already in display order) by commune, consecutive runs together.
pub(crate) fn groups(site: &Site, urls: &Urls, places: &[usize], first_is_suite: bool) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for &i in places {
        let place = &site.entries.places[i];
        match groups.last_mut() {
            Some(g) if g.commune == place.commune => g.lieux.push(card(site, place, urls)),
            _ => groups.push(Group {
                commune: place.commune.clone(),
                href: urls.path(&format!("communes/{}/", Site::commune_slug(&place.commune))),
                slug: Site::commune_slug(&place.commune),
                suite: groups.is_empty() && first_is_suite,
                lieux: vec![card(site, place, urls)],
            }),
        }
    }
    groups
}

/// Place indices in directory order: communes in order, places by name within each.
pub(crate) fn directory_order(site: &Site) -> Vec<usize> {
    site.communes.iter().flat_map(|c| c.places.iter().copied()).collect()
}

/// Place indices of a term, in directory order (grouped by commune).
pub(crate) fn term_places_by_commune(site: &Site, term: &Term) -> Vec<usize> {
    let mut member = vec![false; site.entries.places.len()];
    term.places.iter().for_each(|&i| member[i] = true);
    directory_order(site).into_iter().filter(|&i| member[i]).collect()
}

/// How an offer is placed in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum When {
    /// At least one session on or after today.
    #[serde(rename = "prochaine")]
    Next,
    /// Recurring hours.
    #[serde(rename = "recurrente")]
    Recurring,
    /// Every session is past.
    #[serde(rename = "passee")]
    Past,
}

/// An offer as listed (home page, /offres/, place page).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct OfferCard {
    /// `/offres/<slug>/`.
    pub href: String,
    /// Title.
    pub titre: String,
    /// What kind of offer, in residents' words ([`crate::model::OfferKind::label`]).
    pub type_offre: Option<&'static str>,
    /// What it costs, in plain words (« Gratuit »); empty when the entry does not say.
    pub frais: String,
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
pub(crate) struct PlaceRef {
    /// Name.
    pub nom: String,
    /// Commune.
    pub commune: String,
    /// `/lieux/<slug>/`.
    pub href: String,
    /// Street address, postcode and commune.
    pub adresse: String,
}

pub(crate) fn place_ref(place: &Place, urls: &Urls) -> PlaceRef {
    PlaceRef {
        nom: place.nom.clone(),
        commune: place.commune.clone(),
        href: urls.path(&format!("lieux/{}/", place.slug)),
        adresse: format!("{}, {} {}", place.adresse, place.code_postal, place.commune),
    }
}

/// Whether an offer is upcoming, recurring or past.
pub(crate) fn when(site: &Site, offer: &Offer) -> When {
    match (&offer.calendrier, site.next_session(offer)) {
        (Schedule::Hours(_), _) => When::Recurring,
        (Schedule::Sessions(_), Some(_)) => When::Next,
        (Schedule::Sessions(_), None) => When::Past,
    }
}

/// The card of an offer.
pub(crate) fn offer_card(site: &Site, urls: &Urls, offer: &Offer) -> OfferCard {
    let (mut upcoming, past) = split_sessions(site, offer);
    // A session in a closure of the offer does not take place: not the next one.
    upcoming.retain(|s| !crate::hours::session_cancelled(&offer.fermetures, s));
    let horaires = match &offer.calendrier {
        Schedule::Hours(h) => site.week(h).map(|w| open_lines(w.summary)).unwrap_or_default(),
        Schedule::Sessions(_) => Vec::new(),
    };
    let others = upcoming.len().saturating_sub(1);
    OfferCard {
        href: urls.path(&format!("offres/{}/", offer.slug)),
        titre: offer.titre.clone(),
        type_offre: offer.kind().map(OfferKind::label),
        frais: costs(&offer.frais_a_charge),
        resume: offer.resume.clone(),
        lieux: offer.lieux.iter().filter_map(|s| site.place(s)).map(|l| place_ref(l, urls)).collect(),
        quand: when(site, offer),
        prochaine: upcoming.first().map(|s| session_view(s)),
        autres_seances: match others {
            0 => String::new(),
            1 => "puis 1 autre séance".to_string(),
            n => format!("puis {n} autres séances"),
        },
        horaires,
        derniere: past.last().map(|s| session_view(s)),
    }
}

/// What an offer costs, in a few words: « Gratuit », « Gratuit ou payant » (free computers,
/// paid printing).
fn costs(values: &[String]) -> String {
    let words = crate::render::labels::plain_list("frais_a_charge", values);
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push_str(" ou ");
            out.push_str(&crate::render::view::lowercase_first(word));
        } else {
            out.push_str(word);
        }
    }
    out
}

/// An offer's hours summary without the "Fermé …" lines: a workshop is not "closed" the
/// other days, it simply does not run.
pub(crate) fn open_lines(summary: Vec<String>) -> Vec<String> {
    summary.into_iter().filter(|line| !line.starts_with("Fermé")).collect()
}

pub(crate) fn split_sessions<'a>(site: &Site, offer: &'a Offer) -> (Vec<&'a Session>, Vec<&'a Session>) {
    match &offer.calendrier {
        Schedule::Sessions(s) => s.iter().partition(|s| s.date >= site.today),
        Schedule::Hours(_) => (Vec::new(), Vec::new()),
    }
}

/// Hashes page `n` of a list of places in directory order ([`groups`]): its places, and whether
/// the first one continues the previous page's commune.
pub(crate) fn hash_places_page(keys: &Keys, h: &mut FoldHasher<'static>, order: &[usize], n: usize) {
    let places = &keys.site.entries.places;
    let start = ((n - 1) * PLACES_PER_PAGE).min(order.len());
    if let Some(&previous) = start.checked_sub(1).and_then(|i| order.get(i)) {
        places[previous].commune.hash(h);
    }
    for &i in order.iter().skip(start).take(PLACES_PER_PAGE) {
        keys.place(&places[i]).hash(h);
    }
}

/// Hashes an offer's card ([`offer_card`]): the offer and the places it names.
pub(crate) fn hash_offer_card(keys: &Keys, h: &mut FoldHasher<'static>, offer: &Offer) {
    keys.entry(offer.file).hash(h);
    for place in offer.lieux.iter().filter_map(|s| keys.site.place(s)) {
        keys.place(place).hash(h);
    }
}
