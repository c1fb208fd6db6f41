//! `data-inclusion/structures.json` and `data-inclusion/services.json`: the places and offers in
//! data·inclusion's schema v1 (the `data-inclusion-schema` package, 1.0.x), which DORA and les
//! emplois de l'inclusion read.
//!
//! The mapping is data·inclusion's own for the national standard (its pipeline's
//! `mediation_numerique` models; the tables are in `tables.rs`): one structure per place, and one
//! service per place for its digital accompaniment. resin goes further with one service per offer
//! and place (an offer held at two places is two services: a service has one structure and one
//! address). A field resin does not know stays absent; identifiers are `<source>--<id>`, where
//! `<source>` is the slug of the site's title and `<id>` the place's `id` (for an offer's service,
//! `offre--<slug>--<place id>`), so that they stay the same from one build to the next.

mod tables;

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use self::tables::{COSTS, MOBILISATION, NETWORKS, PUBLICS, TYPE_PRIORITY, TYPES, TYPOLOGY_NETWORKS, lookup_all};
use super::by_id;
use crate::hours;
use crate::index::Site;
use crate::model::{Closure, Offer, Place, Schedule, Session};

/// The name data·inclusion gives the digital accompaniment of a place of the standard.
const PLACE_SERVICE_NAME: &str = "Service d'accompagnement au numérique";

/// Who may call on a service: data·inclusion's mapping says both for every place of the standard.
const MOBILISABLE_BY: [&str; 2] = ["professionnels", "usagers"];

/// Length of a `description` the schema accepts, in characters.
const DESCRIPTION_LEN: std::ops::RangeInclusive<usize> = 5..=10_000;

/// Length of a `nom` the schema accepts, in characters.
const NAME_LEN: usize = 150;

/// Where a structure or a service is: the place's address.
#[derive(Serialize)]
struct Address<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    commune: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code_postal: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code_insee: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    adresse: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    complement_adresse: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    longitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    latitude: Option<f64>,
}

/// One record of `structures.json`, its fields in the schema's order.
#[derive(Serialize)]
struct Structure<'a> {
    source: &'a str,
    id: String,
    nom: Cow<'a, str>,
    date_maj: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    lien_source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    siret: Option<&'a str>,
    #[serde(flatten)]
    address: Address<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    telephone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    courriel: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    site_web: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    horaires_accueil: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accessibilite_lieu: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reseaux_porteurs: Vec<&'static str>,
}

/// One record of `services.json`, its fields in the schema's order.
#[derive(Serialize)]
struct Service<'a> {
    source: &'a str,
    structure_id: String,
    id: String,
    nom: Cow<'a, str>,
    description: Cow<'a, str>,
    lien_source: String,
    date_maj: NaiveDate,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    thematiques: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    frais: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    frais_precisions: Option<String>,
    publics: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publics_precisions: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    conditions_acces: Option<String>,
    #[serde(flatten)]
    address: Address<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    telephone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    courriel: Option<&'a str>,
    modes_accueil: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    zone_eligibilite: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lien_mobilisation: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    modes_mobilisation: Vec<&'static str>,
    mobilisable_par: [&'static str; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    mobilisation_precisions: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    horaires_accueil: Option<Cow<'a, str>>,
}

/// `structures.json`: one structure per place, ordered by `id`.
pub(crate) fn structures_json(site: &Site) -> Vec<u8> {
    let source = site.config.data_source();
    let base = site.config.base_url();
    let records: Vec<Structure> =
        by_id(&site.entries.places).into_iter().map(|p| structure(&source, &base, site.today, p)).collect();
    to_json(&records)
}

/// `services.json`: one service per place that lists services, then one per offer and place;
/// ordered by `id`.
pub(crate) fn services_json(site: &Site) -> Vec<u8> {
    let source = site.config.data_source();
    let base = site.config.base_url();
    let today = site.today;
    let mut records: Vec<Service> = subjects(site)
        .map(|subject| match subject {
            Subject::Place(place) => place_service(&source, &base, today, place),
            Subject::Offer(offer, place) => offer_service(&source, &base, today, offer, place),
        })
        .collect();
    records.sort_by(|a, b| a.id.cmp(&b.id));
    to_json(&records)
}

/// How many records `services.json` holds (for `/donnees/`).
pub(crate) fn service_count(site: &Site) -> usize {
    subjects(site).count()
}

/// What a service is about: a place's digital accompaniment, or an offer at one of its places.
enum Subject<'a> {
    Place(&'a Place),
    Offer(&'a Offer, &'a Place),
}

/// The services of `services.json`, unordered: each place that lists services, and each offer
/// at each of its places.
fn subjects(site: &Site) -> impl Iterator<Item = Subject<'_>> {
    let places = site.entries.places.iter().filter(|p| !p.services.is_empty()).map(|p| Subject::Place(p));
    let offers = site.entries.offers.iter().flat_map(move |offer| {
        offer.lieux.iter().filter_map(|slug| site.place(slug)).map(move |place| Subject::Offer(offer, place))
    });
    places.chain(offers)
}

/// A JSON array with one record per line: compact for the machines that read it (a fifth smaller
/// than pretty-printed at 10,000 places), and a change to one record is one changed line.
fn to_json<T: Serialize>(records: &[T]) -> Vec<u8> {
    let mut bytes = b"[".to_vec();
    for (i, record) in records.iter().enumerate() {
        bytes.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        serde_json::to_writer(&mut bytes, record).expect("plain data serialises");
    }
    bytes.extend_from_slice(b"\n]\n");
    bytes
}

fn structure<'a>(source: &'a str, base: &str, today: NaiveDate, place: &'a Place) -> Structure<'a> {
    Structure {
        horaires_accueil: with_closures(place.horaires.as_deref().map(Cow::Borrowed), &place.fermetures, today),
        source,
        id: format!("{source}--{}", place.id),
        nom: name(&place.nom),
        date_maj: place.date_maj,
        description: description(&[&place.presentation_detail, place.presentation_resume.as_deref().unwrap_or("")]),
        lien_source: format!("{base}lieux/{}/", place.slug),
        siret: Some(place.pivot.as_str())
            .filter(|p| p.len() == 14 && p.bytes().all(|b| b.is_ascii_digit()) && *p != "00000000000000"),
        address: address(place),
        telephone: place.telephone.as_deref(),
        courriel: place.courriels.first().map(String::as_str),
        site_web: place.site_web.first().map(String::as_str),
        accessibilite_lieu: place.fiche_acces_libre.as_deref(),
        reseaux_porteurs: networks(place),
    }
}

/// The networks of a place: from its national programmes and from its kind of structure.
fn networks(place: &Place) -> Vec<&'static str> {
    let mut values = lookup_all(NETWORKS, &place.dispositif_programmes_nationaux);
    values.extend(lookup_all(TYPOLOGY_NETWORKS, &place.typologie));
    values.sort_unstable();
    values.dedup();
    values
}

fn address(place: &Place) -> Address<'_> {
    Address {
        commune: non_empty(&place.commune),
        code_postal: non_empty(&place.code_postal),
        code_insee: place.code_insee.as_deref(),
        adresse: non_empty(&place.adresse),
        complement_adresse: place.complement_adresse.as_deref(),
        longitude: place.longitude,
        latitude: place.latitude,
    }
}

/// The digital accompaniment of a place, when it lists services.
fn place_service<'a>(source: &'a str, base: &str, today: NaiveDate, place: &'a Place) -> Service<'a> {
    let id = format!("{source}--{}", place.id);
    let fallback = place.services.join(", ");
    let text = description(&[&place.presentation_detail, place.presentation_resume.as_deref().unwrap_or("")]);
    Service {
        source,
        structure_id: id.clone(),
        id,
        nom: Cow::Borrowed(PLACE_SERVICE_NAME),
        description: text.map_or(Cow::Owned(fallback), Cow::Borrowed),
        lien_source: format!("{base}lieux/{}/", place.slug),
        date_maj: place.date_maj,
        horaires_accueil: with_closures(place.horaires.as_deref().map(Cow::Borrowed), &place.fermetures, today),
        lien_mobilisation: place.prise_rdv.as_deref(),
        mobilisation_precisions: None,
        ..common(source, place, &Terms::of_place(place))
    }
}

/// An offer as held at one of its places.
fn offer_service<'a>(source: &'a str, base: &str, today: NaiveDate, offer: &'a Offer, place: &'a Place) -> Service<'a> {
    let structure_id = format!("{source}--{}", place.id);
    let text = description(&[&offer.description, offer.resume.as_deref().unwrap_or("")]);
    let description = match text {
        Some(t) => Cow::Borrowed(t),
        None if !offer.services.is_empty() => Cow::Owned(offer.services.join(", ")),
        None => Cow::Owned(format!("{} ({})", offer.titre, place.nom)),
    };
    let hours = match &offer.calendrier {
        Schedule::Hours(h) => with_closures(Some(Cow::Borrowed(h.as_str())), &offer.fermetures, today),
        Schedule::Sessions(sessions) => {
            let held: Vec<&Session> =
                sessions.iter().filter(|s| !hours::session_cancelled(&offer.fermetures, s)).collect();
            sessions_hours(&held).map(Cow::Owned)
        }
    };
    Service {
        id: format!("{source}--offre--{}--{}", offer.slug, place.id),
        structure_id,
        nom: name(&offer.titre),
        description,
        lien_source: format!("{base}offres/{}/", offer.slug),
        date_maj: offer.date_maj,
        horaires_accueil: hours,
        lien_mobilisation: offer.prise_rdv.as_deref(),
        mobilisation_precisions: offer.inscription.as_deref(),
        ..common(source, place, &Terms::of_offer(offer))
    }
}

/// The standard's values of a place or an offer that the service's terms come from.
struct Terms<'a> {
    services: &'a [String],
    publics: &'a [String],
    support: &'a [String],
    /// `langues`: data·inclusion v1 has no field for them; they join `publics_precisions` as the
    /// standard's support values they count as, and by name (« Langues parlées : arabe, anglais »).
    languages: &'a [String],
    costs: &'a [String],
    access: &'a [String],
    modes: &'a [String],
    to_bring: &'a [String],
    /// `type`: a place's from its kinds of support, an offer's from its own kind.
    kind: Option<&'static str>,
}

impl<'a> Terms<'a> {
    fn of_place(p: &'a Place) -> Terms<'a> {
        Terms {
            services: &p.services,
            publics: &p.publics_specifiquement_adresses,
            support: &p.prise_en_charge_specifique,
            languages: &p.langues,
            costs: &p.frais_a_charge,
            access: &p.modalites_acces,
            modes: &p.modalites_accompagnement,
            to_bring: &p.pieces_a_apporter,
            kind: kind(&p.modalites_accompagnement),
        }
    }

    fn of_offer(o: &'a Offer) -> Terms<'a> {
        Terms {
            services: &o.services,
            publics: &o.publics_specifiquement_adresses,
            support: &o.prise_en_charge_specifique,
            languages: &o.langues,
            costs: &o.frais_a_charge,
            access: &o.modalites_acces,
            modes: &o.modalites_accompagnement,
            to_bring: &o.pieces_a_apporter,
            kind: o.kind().map(tables::offer_type),
        }
    }
}

/// What a place's service and an offer's service share: the place's address and contacts, and
/// the terms mapped with data·inclusion's tables. The caller sets its own identity, texts, hours
/// and mobilisation link.
fn common<'a>(source: &'a str, place: &'a Place, terms: &Terms) -> Service<'a> {
    let (frais, frais_precisions) = costs(terms.costs);
    let support = crate::languages::merged_support(terms.support, terms.languages);
    let mut precisions: Vec<String> = terms.publics.iter().chain(&support).cloned().collect();
    if !terms.languages.is_empty() {
        precisions.push(format!("Langues parlées : {}", crate::languages::names(terms.languages)));
    }
    Service {
        source,
        structure_id: String::new(),
        id: String::new(),
        nom: Cow::Borrowed(""),
        description: Cow::Borrowed(""),
        lien_source: String::new(),
        date_maj: place.date_maj,
        kind: terms.kind,
        thematiques: tables::themes(terms.services),
        frais,
        frais_precisions,
        publics: publics(terms.publics),
        publics_precisions: (!precisions.is_empty()).then(|| precisions.join(", ")),
        conditions_acces: (!terms.to_bring.is_empty()).then(|| format!("À apporter : {}.", terms.to_bring.join(" ; "))),
        address: address(place),
        telephone: place.telephone.as_deref(),
        courriel: place.courriels.first().map(String::as_str),
        modes_accueil: reception(terms.modes),
        zone_eligibilite: place.code_insee.as_deref().and_then(department).into_iter().collect(),
        lien_mobilisation: None,
        modes_mobilisation: lookup_all(MOBILISATION, terms.access),
        mobilisable_par: MOBILISABLE_BY,
        mobilisation_precisions: None,
        horaires_accueil: None,
    }
}

/// The type of a service from its kinds of support: one type, in data·inclusion's order.
fn kind(modes: &[String]) -> Option<&'static str> {
    let types = lookup_all(TYPES, modes);
    TYPE_PRIORITY.into_iter().find(|t| types.contains(t))
}

/// `frais` (free wins over paying) and, when the list says more than one plain word, its values
/// in `frais_precisions`.
fn costs(values: &[String]) -> (Option<&'static str>, Option<String>) {
    let mapped = lookup_all(COSTS, values);
    let frais = ["gratuit", "payant"].into_iter().find(|f| mapped.contains(f));
    let plain = values.len() == 1 && (values[0] == "Gratuit" || values[0] == "Payant");
    let precisions = (!values.is_empty() && !plain).then(|| values.join(", "));
    (frais, precisions)
}

/// `modes_accueil`: « À distance » gives `a-distance`; in person unless it is the only way (a
/// place or an offer is somewhere: without any `modalites_accompagnement`, people come).
fn reception(modes: &[String]) -> Vec<&'static str> {
    let remote = modes.iter().any(|m| m == "À distance");
    let in_person = !remote || modes.iter().any(|m| m != "À distance");
    let mut out = Vec::new();
    if remote {
        out.push("a-distance");
    }
    if in_person {
        out.push("en-presentiel");
    }
    out
}

/// `publics`: those the entry addresses specifically; everyone when it names none (in the
/// standard, an empty list means everyone). The specific support (« Surdité ») is a skill of the
/// place, not a condition: it goes to `publics_precisions` only.
fn publics(values: &[String]) -> Vec<&'static str> {
    let mapped = lookup_all(PUBLICS, values);
    if mapped.is_empty() { vec!["tous-publics"] } else { mapped }
}

/// The département of a commune's INSEE code (`69388` → `69`, `97411` → `974`, `2A004` → `2A`).
fn department(code_insee: &str) -> Option<&str> {
    let len = if code_insee.starts_with("97") { 3 } else { 2 };
    code_insee.get(..len).filter(|_| code_insee.len() == 5)
}

/// Dated sessions in OpenStreetMap's syntax: one rule per day, with every session of the day
/// (`2026 Dec 01 09:30-12:30,14:00-16:00; 2026 Dec 08 14:00-16:00`).
fn sessions_hours(sessions: &[&Session]) -> Option<String> {
    let mut rules: Vec<String> = Vec::new();
    let mut day: Option<NaiveDate> = None;
    for s in sessions {
        let times = format!("{}-{}", s.debut.format("%H:%M"), s.fin.format("%H:%M"));
        match rules.last_mut() {
            Some(rule) if day == Some(s.date) => {
                rule.push(',');
                rule.push_str(&times);
            }
            _ => rules.push(format!("{} {times}", s.date.format("%Y %b %d"))),
        }
        day = Some(s.date);
    }
    (!rules.is_empty()).then(|| rules.join("; "))
}

/// Usual hours followed by the closures not over on `today`, as OpenStreetMap rules that
/// override them (`…; PH off; 2026 Dec 24-2027 Jan 02 off`, or the period's own hours when
/// they are one rule). Without usual hours, nothing: a closure alone does not say when it opens.
fn with_closures<'a>(usual: Option<Cow<'a, str>>, closures: &[Closure], today: NaiveDate) -> Option<Cow<'a, str>> {
    let usual = usual?;
    let rules: Vec<String> = closures
        .iter()
        .filter(|c| c.au >= today)
        .filter_map(|c| {
            let days = if c.du == c.au {
                c.du.format("%Y %b %d").to_string()
            } else {
                format!("{}-{}", c.du.format("%Y %b %d"), c.au.format("%Y %b %d"))
            };
            match c.horaires.as_deref() {
                None => Some(format!("{days} off")),
                Some(h) if !h.contains(';') && !h.contains("||") && !h.contains(',') => Some(format!("{days} {h}")),
                // Hours of several rules or lists cannot take a date in front: left out.
                Some(_) => None,
            }
        })
        .collect();
    if rules.is_empty() {
        return Some(usual);
    }
    Some(Cow::Owned(format!("{usual}; {}", rules.join("; "))))
}

/// A name within the schema's 150 characters, without the final full stop it warns about.
fn name(text: &str) -> Cow<'_, str> {
    let trimmed = text.trim_end_matches('.').trim_end();
    if trimmed.chars().count() <= NAME_LEN {
        return Cow::Borrowed(trimmed);
    }
    let cut: String = trimmed.chars().take(NAME_LEN - 1).collect();
    Cow::Owned(format!("{}…", cut.trim_end()))
}

/// The first of `texts` whose length the schema accepts.
fn description<'a>(texts: &[&'a str]) -> Option<&'a str> {
    texts.iter().map(|t| t.trim()).find(|t| DESCRIPTION_LEN.contains(&t.chars().count()))
}

fn non_empty(text: &str) -> Option<&str> {
    Some(text).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use crate::model::OfferKind;

    use super::*;

    fn session(date: &str, debut: &str, fin: &str) -> Session {
        Session {
            date: date.parse().unwrap(),
            debut: NaiveTime::parse_from_str(debut, "%H:%M").unwrap(),
            fin: NaiveTime::parse_from_str(fin, "%H:%M").unwrap(),
        }
    }

    fn list(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn sessions_are_one_osm_rule_per_day() {
        let sessions = [
            session("2026-12-01", "09:30", "12:30"),
            session("2026-12-01", "14:00", "16:00"),
            session("2027-01-05", "14:00", "16:00"),
        ];
        let sessions: Vec<&Session> = sessions.iter().collect();
        let value = sessions_hours(&sessions).unwrap();
        assert_eq!(value, "2026 Dec 01 09:30-12:30,14:00-16:00; 2027 Jan 05 14:00-16:00");
        assert!(hours::parse(&value).is_ok(), "{value}");
        assert_eq!(sessions_hours(&[]), None);
    }

    #[test]
    fn closures_not_over_override_the_usual_hours() {
        let closure = |du: &str, au: &str, horaires: Option<&str>| Closure {
            du: du.parse().unwrap(),
            au: au.parse().unwrap(),
            motif: None,
            horaires: horaires.map(str::to_string),
        };
        let closures = [
            closure("2026-08-01", "2026-08-31", None),
            closure("2026-12-24", "2027-01-02", None),
            closure("2027-02-16", "2027-02-16", Some("Mo-Fr 10:00-12:00")),
            closure("2027-03-01", "2027-03-05", Some("10:00-12:00; Sa off")),
        ];
        let today = "2026-11-25".parse().unwrap();
        let value = with_closures(Some(Cow::Borrowed("Tu,Th 13:00-19:00; PH off")), &closures, today).unwrap();
        assert_eq!(value, "Tu,Th 13:00-19:00; PH off; 2026 Dec 24-2027 Jan 02 off; 2027 Feb 16 Mo-Fr 10:00-12:00");
        assert!(hours::parse(&value).is_ok(), "{value}");
        assert_eq!(with_closures(None, &closures, today), None);
        assert_eq!(with_closures(Some(Cow::Borrowed("Mo 09:00-12:00")), &[], today).unwrap(), "Mo 09:00-12:00");
    }

    #[test]
    fn departments_come_from_the_insee_code() {
        assert_eq!(department("69388"), Some("69"));
        assert_eq!(department("97411"), Some("974"));
        assert_eq!(department("2A004"), Some("2A"));
        assert_eq!(department("693"), None);
    }

    #[test]
    fn costs_publics_and_types_follow_data_inclusion() {
        assert_eq!(costs(&list(&["Gratuit"])), (Some("gratuit"), None));
        assert_eq!(costs(&list(&["Payant"])), (Some("payant"), None));
        assert_eq!(costs(&list(&["Gratuit sous condition"])), (Some("gratuit"), Some("Gratuit sous condition".into())));
        assert_eq!(costs(&list(&["Payant", "Gratuit"])), (Some("gratuit"), Some("Payant, Gratuit".into())));
        assert_eq!(costs(&[]), (None, None));
        assert_eq!(publics(&[]), ["tous-publics"]);
        assert_eq!(reception(&[]), ["en-presentiel"]);
        assert_eq!(reception(&list(&["À distance"])), ["a-distance"]);
        assert_eq!(reception(&list(&["À distance", "Seul"])), ["a-distance", "en-presentiel"]);
        assert_eq!(publics(&list(&["Seniors", "Jeunes"])), ["jeunes", "seniors"]);
        assert_eq!(kind(&list(&["Accompagnement individuel", "Dans un atelier collectif"])), Some("atelier"));
        assert_eq!(kind(&list(&["À distance"])), None);
    }

    /// An offer without `type` takes the kind its kinds of support say (`OfferKind::from_support`,
    /// shown on its page): its service's type is the one data·inclusion's table gives them, for
    /// every combination of the standard's values.
    #[test]
    fn an_offers_guessed_kind_maps_as_data_inclusion_maps_its_kinds_of_support() {
        let values = crate::vocab::values("modalites_accompagnement");
        for mask in 0..1u32 << values.len() {
            let modes: Vec<String> =
                values.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, v)| v.to_string()).collect();
            assert_eq!(OfferKind::from_support(&modes).map(tables::offer_type), kind(&modes), "{modes:?}");
        }
    }

    #[test]
    fn names_and_descriptions_fit_the_schema() {
        assert_eq!(name("Atelier numérique."), "Atelier numérique");
        let long = "a".repeat(200);
        assert_eq!(name(&long).chars().count(), NAME_LEN);
        assert_eq!(description(&["", "  Bon  ", "Plus long"]), Some("Plus long"));
        assert_eq!(description(&["Oui"]), None);
    }
}
