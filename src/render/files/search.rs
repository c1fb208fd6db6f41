//! The directory's search index, `lieux/recherche.json`: every place in a compact form for the
//! filters, the text search, "près de moi" and the map of `/lieux/` and `/carte/`
//! (`annuaire.js`, joined from `themes/resin/static/annuaire/`).
//!
//! Compact means: vocabulary values, communes and opening hours are listed once and places
//! refer to them by position; keys are one or two letters; absent values are left out. The
//! shape is documented here because the script reads it:
//!
//! ```text
//! { "debut": "2026-11-25",                 first day of every `o` below (the build date)
//!   "services": [["Faire mes démarches…", "Démarches en ligne", "Aide aux démarches administratives",
//!                 "aide-aux-demarches-administratives"]],
//!                                          plain words, short words, the standard's name, slug
//!   "publics": [["Familles et enfants", "familles-et-ou-enfants"], …],
//!   "prises": [["Accueil des personnes sourdes ou malentendantes", "surdite"], …],
//!                                          plain words (`render::labels`) and the slug of
//!                                          the standard's value (the filters' values in the URL)
//!   "langues": [["arabe", "ar"], …],        the languages spoken at some place (`langues`), by
//!                                          name: name and code (the filter's value in the URL)
//!   "frais": ["Gratuit", …],               plain words (the scripts look for "Gratuit" and
//!                                          "Gratuit sous condition")
//!   "communes": [["Bron", 45.73, 4.91, "bron", "69029"]],  name, centre, page slug, INSEE code
//!                                          (every commune of the territory; `null` centre or
//!                                          code when unknown; the code serves the national
//!                                          map's `territoires` parameter)
//!   "horaires": [{"o": [[[540, 720]], …], "r": ["Lundi : 9 h – 12 h"], "sa": 1}],
//!                                          opening periods of the coming days (as for the
//!                                          place pages: today's hours and "open now" come
//!                                          from them), the summary lines, open on Saturday
//!   "lieux": [{"n": name, "u": page path, "t": type in words, "a": street, "v": "69500 Bron",
//!              "c": commune, "g": [lat, lon], "s": [services], "p": [publics],
//!              "e": [specific support, languages counted], "l": [languages spoken, in the entry's order],
//!              "f": [cost], "h": hours, "r": 1 (online booking),
//!              "i": 1 (itinerant), "tel": ["04 78 …", "tel:+33478…"],
//!              "x": [criteria], "d": [programmes], "fl": [labels], "al": [other labels]}],
//!   "dispositifs": ["France Services", …], "labels": […], "autres_labels": […],
//!                                          the standard's values of dispositif_programmes_nationaux,
//!                                          formations_labels and autres_formations_labels that
//!                                          some place has: only the national map's URL
//!                                          parameters filter on them
//!   "criteres": [["x-pass-numerique", "1", "Accepte le Pass numérique"],
//!                ["x-mes-papiers", "sans-rendez-vous", "Permanence Mes Papiers : Sans rendez-vous"]] }
//!                                          the territorial fields offered as filters: the
//!                                          form's field, its value, the words
//! ```
//!
//! Places come in directory order (commune, then name), the order of `/lieux/`.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::index::Site;
use crate::model::{Closure, Place};
use crate::render::cards::directory_order;
use crate::render::labels;
use crate::render::urls::Urls;
use crate::render::view::phone_of;
use crate::suggest::fold;
use crate::vocab;

/// Path of the index in the output folder.
pub(crate) const PATH: &str = "lieux/recherche.json";

/// The index's bytes.
pub(crate) fn index(site: &Site, urls: &Urls) -> Vec<u8> {
    let places = &site.entries.places;

    let publics: Vec<String> = site.publics.iter().map(|t| t.name.clone()).collect();
    let supports = present_supports(site);
    let spoken = spoken(site);
    let costs = present(site, "frais_a_charge", |l| &l.frais_a_charge);
    let services: Vec<[String; 4]> = site
        .services
        .iter()
        .map(|t| [labels::service_plain(&t.name), labels::service_short(&t.name), t.name.clone(), t.slug.clone()])
        .collect();
    // The words shown, and the slug of the standard's value (the filters' value in the URL).
    let with_slugs = |field: &str, names: &[String]| -> Vec<[String; 2]> {
        names.iter().map(|n| [labels::plain(field, n), vocab::slug(n)]).collect()
    };
    let position = |list: &[String], values: &[String]| -> Vec<usize> {
        values.iter().filter_map(|v| list.iter().position(|x| x == v)).collect()
    };
    let service_names: Vec<String> = services.iter().map(|s| s[2].clone()).collect();
    let programmes = present(site, "dispositif_programmes_nationaux", |l| &l.dispositif_programmes_nationaux);
    let labels_present = present(site, "formations_labels", |l| &l.formations_labels);
    let other_labels = other_labels(site);

    let communes = communes(site);
    let commune_at: foldhash::HashMap<&str, usize> =
        communes.iter().enumerate().map(|(at, (name, _))| (name.as_str(), at)).collect();
    let communes_json = communes_json(site, &communes);

    // Opening hours: each distinct value once, with the closures that show in its days (then
    // the periods follow them: closed days have none).
    let mut hours: foldhash::HashMap<String, usize> = foldhash::HashMap::default();
    let mut hours_json: Vec<Value> = Vec::new();
    let mut hours_of = |value: &str, closures: &[Closure]| -> Option<usize> {
        let key = match crate::hours::closures_touch(closures, site.today) {
            true => format!("{value}\n{closures:?}"),
            false => value.to_string(),
        };
        if let Some(&at) = hours.get(&key) {
            return Some(at);
        }
        let week = site.entry_week(value, closures)?;
        let mut entry = json!({
            "o": week.upcoming,
            "r": week.summary,
        });
        // Open on a Saturday of the coming two weeks (a rule for some Saturdays counts).
        let saturday = week.upcoming.iter().enumerate().any(|(i, periods)| {
            use chrono::Datelike as _;
            let day = site.today + chrono::Duration::days(i as i64);
            day.weekday() == chrono::Weekday::Sat && !periods.is_empty()
        });
        if saturday {
            entry["sa"] = json!(1);
        }
        hours.insert(key, hours_json.len());
        hours_json.push(entry);
        Some(hours_json.len() - 1)
    };

    let in_criterion: Vec<foldhash::HashSet<usize>> =
        site.criteria.iter().map(|t| t.places.iter().copied().collect()).collect();
    let criteres: Vec<[String; 3]> = site
        .criteria
        .iter()
        .map(|t| {
            let (param, value) = criterion_field(&t.slug);
            [param, value, t.name.clone()]
        })
        .collect();
    let records: Vec<Value> = directory_order(site)
        .into_iter()
        .map(|i| {
            let place = &places[i];
            let mut record = serde_json::Map::new();
            record.insert("n".into(), json!(place.nom));
            record.insert("u".into(), json!(urls.path(&format!("lieux/{}/", place.slug))));
            record.insert("t".into(), json!(labels::typologies(&place.typologie)));
            record.insert("a".into(), json!(place.adresse));
            record.insert("v".into(), json!(format!("{} {}", place.code_postal, place.commune)));
            if let Some(at) = commune_at.get(place.commune.as_str()) {
                record.insert("c".into(), json!(at));
            }
            if let Some((lat, lon)) = place.latitude.zip(place.longitude) {
                record.insert("g".into(), json!([round(lat), round(lon)]));
            }
            let mut lists = [
                ("s", position(&service_names, &place.services)),
                ("p", position(&publics, &place.publics_specifiquement_adresses)),
                ("e", position(&supports, &supports_of(place))),
                ("f", position(&costs, &place.frais_a_charge)),
                ("d", position(&programmes, &place.dispositif_programmes_nationaux)),
                ("fl", position(&labels_present, &place.formations_labels)),
                ("al", position(&other_labels, &place.autres_formations_labels)),
            ];
            for (key, list) in &mut lists {
                list.sort_unstable();
                list.dedup();
                if !list.is_empty() {
                    record.insert((*key).into(), json!(list));
                }
            }
            // In the entry's order, as the pages say them.
            let spoken_here: Vec<usize> =
                place.langues.iter().filter_map(|c| spoken.iter().position(|l| l.code == c)).collect();
            if !spoken_here.is_empty() {
                record.insert("l".into(), json!(spoken_here));
            }
            if let Some(at) = place.horaires.as_deref().and_then(|h| hours_of(h, &place.fermetures)) {
                record.insert("h".into(), json!(at));
            }
            if place.prise_rdv.is_some() {
                record.insert("r".into(), json!(1));
            }
            if place.is_itinerant() {
                record.insert("i".into(), json!(1));
            }
            if let Some(phone) = phone_of(&place.telephone) {
                record.insert("tel".into(), json!([phone.text, phone.href]));
            }
            let criteria: Vec<usize> = (0..site.criteria.len()).filter(|&k| in_criterion[k].contains(&i)).collect();
            if !criteria.is_empty() {
                record.insert("x".into(), json!(criteria));
            }
            Value::Object(record)
        })
        .collect();

    let index = json!({
        "debut": site.today.format("%Y-%m-%d").to_string(),
        "services": services,
        "publics": with_slugs("publics_specifiquement_adresses", &publics),
        "prises": with_slugs("prise_en_charge_specifique", &supports),
        "frais": labels::plain_list("frais_a_charge", &costs),
        "langues": spoken.iter().map(|l| [l.name, l.code]).collect::<Vec<_>>(),
        "communes": communes_json,
        "horaires": hours_json,
        "lieux": records,
        "criteres": criteres,
        "dispositifs": programmes,
        "labels": labels_present,
        "autres_labels": other_labels,
    });
    json_file(&index)
}

/// The index's communes: `[name, latitude, longitude, slug, INSEE code]`, the centre `null`
/// when unknown.
fn communes_json(site: &Site, communes: &[(String, Option<(f64, f64)>)]) -> Vec<Value> {
    let codes = commune_codes(site);
    communes
        .iter()
        .map(|(name, centre)| {
            let code = codes.get(name.as_str());
            match centre {
                Some((lat, lon)) => json!([name, round(*lat), round(*lon), Site::commune_slug(name), code]),
                None => json!([name, null, null, Site::commune_slug(name), code]),
            }
        })
        .collect()
}

/// The bytes of a JSON file of the site: compact, ending with a newline.
pub(crate) fn json_file(value: &Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(value).expect("JSON values always serialise");
    bytes.push(b'\n');
    bytes
}

/// The values of a vocabulary that some place has, in the standard's order (the filter form
/// offers the same choices).
/// The specific support of a place: its `prise_en_charge_specifique` and what its `langues`
/// say (« Langues étrangères (autres) » for `ar`…), copied only when it has languages.
pub(crate) fn supports_of(place: &Place) -> std::borrow::Cow<'_, [String]> {
    if place.langues.is_empty() {
        std::borrow::Cow::Borrowed(&place.prise_en_charge_specifique)
    } else {
        std::borrow::Cow::Owned(crate::languages::merged_support(&place.prise_en_charge_specifique, &place.langues))
    }
}

/// The values of `prise_en_charge_specifique` that some place offers, its languages counted.
pub(crate) fn present_supports(site: &Site) -> Vec<String> {
    let places = &site.entries.places;
    let offered = |v: &str| {
        places
            .iter()
            .any(|l| l.prise_en_charge_specifique.iter().any(|p| p == v) || crate::languages::counts_as(&l.langues, v))
    };
    vocab::values("prise_en_charge_specifique").iter().filter(|v| offered(v)).cloned().collect()
}

/// The languages spoken at some place, in the order of their French names.
pub(crate) fn spoken(site: &Site) -> Vec<&'static crate::languages::Language> {
    let places = &site.entries.places;
    crate::languages::all().iter().filter(|l| places.iter().any(|p| p.langues.iter().any(|c| c == l.code))).collect()
}

pub(crate) fn present(site: &Site, field: &str, values_of: impl Fn(&Place) -> &Vec<String>) -> Vec<String> {
    let places = &site.entries.places;
    vocab::values(field).iter().filter(|v| places.iter().any(|l| values_of(l).contains(v))).cloned().collect()
}

/// The communes of the index, sorted by folded name: the territory's (from the communes file)
/// and any other a place names, each with its centre: the file's, or else the mean of the
/// commune's places (`None` when neither is known).
pub(crate) fn communes(site: &Site) -> Vec<(String, Option<(f64, f64)>)> {
    let places = &site.entries.places;
    let mut communes: BTreeMap<(String, String), Option<(f64, f64)>> =
        site.centres.iter().map(|c| ((fold(&c.nom), c.nom.clone()), c.centre())).collect();
    for term in &site.communes {
        let entry = communes.entry((fold(&term.name), term.name.clone())).or_insert(None);
        if entry.is_none() {
            let points: Vec<(f64, f64)> =
                term.places.iter().filter_map(|&i| places[i].latitude.zip(places[i].longitude)).collect();
            if !points.is_empty() {
                let n = points.len() as f64;
                let mean = |f: fn(&(f64, f64)) -> f64| points.iter().map(f).sum::<f64>() / n;
                *entry = Some((mean(|p| p.0), mean(|p| p.1)));
            }
        }
    }
    communes.into_iter().map(|((_, name), centre)| (name, centre)).collect()
}

/// The free-text labels (`autres_formations_labels`) that some place has, sorted.
fn other_labels(site: &Site) -> Vec<String> {
    let labels: std::collections::BTreeSet<&String> =
        site.entries.places.iter().flat_map(|l| &l.autres_formations_labels).collect();
    labels.into_iter().cloned().collect()
}

/// The INSEE code of each commune by name: the territory's communes file's, or else the first
/// one a place of that commune gives.
fn commune_codes(site: &Site) -> BTreeMap<&str, &str> {
    let mut codes: BTreeMap<&str, &str> =
        site.centres.iter().map(|c| (c.nom.as_str(), c.code_insee.as_str())).collect();
    for place in &site.entries.places {
        if let Some(code) = place.code_insee.as_deref() {
            codes.entry(place.commune.as_str()).or_insert(code);
        }
    }
    codes
}

/// The form's field and value of a territorial criterion, from its term's slug:
/// `pass-numerique` → (`x-pass-numerique`, `1`); `mes-papiers/sur-rendez-vous` →
/// (`x-mes-papiers`, `sur-rendez-vous`). The `x-` keeps them apart from the other filters.
pub(crate) fn criterion_field(slug: &str) -> (String, String) {
    match slug.split_once('/') {
        Some((field, value)) => (format!("x-{field}"), value.to_string()),
        None => (format!("x-{slug}"), "1".to_string()),
    }
}

/// Five decimals: about a metre, enough for a map and a distance.
fn round(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}
