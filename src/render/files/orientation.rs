//! The data of `/orienter/` ([`crate::render::page::orient`]), the guided form with which an
//! adviser goes from what a person needs to a shortlist of places, a printed fiche and a
//! referral e-mail (`themes/resin/static/orientation.js` ranks, `orienter.js` drives the page).
//!
//! The page is a plain form that, without JavaScript, opens the directory filtered by need,
//! commune, support, cost and kind of place. With JavaScript, the shortlist is computed in the
//! browser from two files: the directory's index ([`super::search`]) and this module's
//! `orienter/donnees.json`, which adds what the index lacks, with each place's QR code beside
//! its page (`lieux/<slug>/qr.svg`). Nothing typed leaves the device.
//!
//! ```text
//! { "services": ["Aide aux démarches administratives", …],
//!                                   the standard's services (the index lists only the places')
//!   "demandes": [{"id": "faire-une-demarche-caf", "l": "Faire une démarche CAF",
//!                 "s": [0], "k": ["Numéro d'allocataire CAF"]}],
//!                                   the needs of site.yaml: slug, words, services (positions in
//!                                   "services"), what to bring
//!   "postaux": {"69200": [63]},     postcode → communes (positions in the index's "communes"),
//!                                   the most precise first (an arrondissement before Lyon)
//!   "acces": ["Se présenter", …],   the standard's `modalites_acces`
//!   "raisons": ["accueil en anglais", …],
//!                                   the index's "prises" as reasons to choose a place
//!   "lieux": [{"m": [0, 1], "c": "accueil@…", "w": "https://…", "k": ["Pièce d'identité"],
//!              "o": [3], "ca": "2e étage"}],
//!                                   one per place of the index, in its order: access modes, the
//!                                   first e-mail (where referrals go when the modes include "Envoyer
//!                                   un mail avec une fiche de prescription"), their booking or form link, what to bring,
//!                                   their offers (positions in "offres"), address complement
//!                                   (the QR code of their page is `qr.svg` beside it)
//!   "langues": [["arabe", "ar", "ara"], …],
//!                                   every language of the table (`crate::languages`): French name,
//!                                   code, ISO 639-3 code; the words in which the page says a
//!                                   language typed as « Arabe » or « AR » (the index lists only
//!                                   the languages the places speak)
//!   "offres": [{"n": title, "u": path, "s": [services], "h": ["Mardi : 14 h – 16 h"],
//!               "o": [[6, 840, 960], …], "k": [what to bring]}] }
//!                                   offers still to come or recurring: when they run, in words
//!                                   and as periods [day, start, end] in the index's 14 days
//!                                   (day 0 is its "debut"; minutes as in its "horaires")
//! ```

use std::collections::BTreeMap;

use chrono::{NaiveTime, Timelike};
use serde_json::{Value, json};

use super::search;
use crate::hours;
use crate::index::Site;
use crate::model::{Offer, Schedule};
use crate::render::cards::{self, When};
use crate::render::labels;
use crate::render::page::orient::needs;
use crate::render::urls::Urls;
use crate::vocab;

/// Path of the page's data in the output folder.
pub(crate) const PATH: &str = "orienter/donnees.json";

/// The QR code of a place's page, in the output folder: printed on the fiche.
pub(crate) fn qr_path(slug: &str) -> String {
    format!("lieux/{slug}/qr.svg")
}

/// A place's QR code ([`crate::render::qr::svg`]) as an SVG file. Without a width, the fiche's style
/// sizes it.
pub(crate) fn qr_file(svg: Option<&str>) -> Vec<u8> {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}\n", svg.unwrap_or_default()).into_bytes()
}

/// The bytes of `orienter/donnees.json`.
pub(crate) fn data(site: &Site, urls: &Urls) -> Vec<u8> {
    let places = &site.entries.places;
    let services = vocab::values("services");
    let service_at = |name: &String| services.iter().position(|s| s == name);
    let needs: Vec<Value> = needs(site)
        .iter()
        .map(|d| {
            let services: Vec<usize> = d.services.iter().filter_map(service_at).collect();
            let mut need = json!({ "id": d.slug(), "l": d.libelle, "s": services });
            if !d.a_apporter.is_empty() {
                need["k"] = json!(d.a_apporter);
            }
            need
        })
        .collect();

    let communes = search::communes(site);
    let mut by_postcode: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for centre in &site.centres {
        let Some(at) = communes.iter().position(|(name, _)| name == &centre.nom) else { continue };
        for code in &centre.codes_postaux {
            by_postcode.entry(code.as_str()).or_default().push((centre.codes_postaux.len(), at));
        }
    }
    // The most precise commune first: Lyon 8e Arrondissement (one postcode) before Lyon (nine).
    let by_postcode: BTreeMap<&str, Vec<usize>> = by_postcode
        .into_iter()
        .map(|(code, mut list)| {
            list.sort_unstable();
            (code, list.into_iter().map(|(_, at)| at).collect())
        })
        .collect();

    let access_modes = vocab::values("modalites_acces");
    let offers: Vec<&Offer> = site
        .offers_in_order()
        .into_iter()
        .filter(|o| cards::when(site, o) != When::Past && !o.lieux.is_empty())
        .collect();
    let offer_records: Vec<Value> = offers
        .iter()
        .map(|o| {
            let card = cards::offer_card(site, urls, o);
            let mut when = card.horaires.clone();
            if let Some(next) = &card.prochaine {
                let mut line = format!("Prochaine séance : {}, {}", next.date, next.time);
                if !card.autres_seances.is_empty() {
                    line.push_str(&format!(" ({})", card.autres_seances));
                }
                when.push(line);
            }
            let services: Vec<usize> = o.services.iter().filter_map(service_at).collect();
            let mut record = json!({ "n": o.titre, "u": card.href, "s": services, "h": when });
            // Only the days it runs: [day, start, end], day 0 being the index's first.
            if let Some(periods) = offer_periods(site, o) {
                let runs: Vec<[u32; 3]> = periods
                    .iter()
                    .enumerate()
                    .flat_map(|(day, list)| list.iter().map(move |&(start, end)| [day as u32, start, end]))
                    .collect();
                record["o"] = json!(runs);
            }
            if !o.pieces_a_apporter.is_empty() {
                record["k"] = json!(o.pieces_a_apporter);
            }
            record
        })
        .collect();

    let offer_at: foldhash::HashMap<&str, usize> =
        offers.iter().enumerate().map(|(k, o)| (o.slug.as_str(), k)).collect();
    let place_records: Vec<Value> = cards::directory_order(site)
        .into_iter()
        .map(|i| {
            let place = &places[i];
            let mut record = serde_json::Map::new();
            let modes: Vec<usize> =
                place.modalites_acces.iter().filter_map(|m| access_modes.iter().position(|a| a == m)).collect();
            if !modes.is_empty() {
                record.insert("m".into(), json!(modes));
            }
            if let Some(email) = place.courriels.first() {
                record.insert("c".into(), json!(email));
            }
            if let Some(link) = &place.prise_rdv {
                record.insert("w".into(), json!(link));
            }
            if !place.pieces_a_apporter.is_empty() {
                record.insert("k".into(), json!(place.pieces_a_apporter));
            }
            let mut at: Vec<usize> =
                site.offers_at(&place.slug).filter_map(|o| offer_at.get(o.slug.as_str()).copied()).collect();
            at.sort_unstable();
            if !at.is_empty() {
                record.insert("o".into(), json!(at));
            }
            if let Some(complement) = &place.complement_adresse {
                record.insert("ca".into(), json!(complement));
            }
            Value::Object(record)
        })
        .collect();

    let languages: Vec<[&str; 3]> = crate::languages::all().iter().map(|l| [l.name, l.code, l.iso3]).collect();
    let supports = search::present_supports(site);
    let reasons: Vec<String> = supports.iter().map(|p| labels::support_reason(p)).collect();
    let data = json!({
        "services": services,
        "demandes": needs,
        "raisons": reasons,
        "postaux": by_postcode,
        "acces": access_modes,
        "langues": languages,
        "lieux": place_records,
        "offres": offer_records,
    });
    search::json_file(&data)
}

/// When an offer runs in the [`hours::UPCOMING_DAYS`] days of the index, as the index gives
/// the places' hours (minutes from each day's midnight), its closures applied; `None` when its
/// hours cannot be read.
fn offer_periods(site: &Site, offer: &Offer) -> Option<Vec<Vec<(u32, u32)>>> {
    match &offer.calendrier {
        Schedule::Hours(h) => site.entry_week(h, &offer.fermetures).map(|w| w.upcoming),
        Schedule::Sessions(seances) => {
            let mut days = vec![Vec::new(); hours::UPCOMING_DAYS as usize];
            let minutes = |t: NaiveTime| t.hour() * 60 + t.minute();
            // A session in a closure of the offer does not take place.
            for s in seances.iter().filter(|s| !hours::session_cancelled(&offer.fermetures, s)) {
                let day = (s.date - site.today).num_days();
                if let Some(periods) = usize::try_from(day).ok().and_then(|d| days.get_mut(d)) {
                    periods.push((minutes(s.debut), minutes(s.fin)));
                }
            }
            Some(days)
        }
    }
}
