//! A place's front matter to a [`Place`].

use serde_yaml::Value;

use super::Context;
use super::offer::PlaceRefs;
use crate::communes::{Commune, Communes};
use crate::config::Bounds;
use crate::diagnostic::{Diagnostic, Kind, LikelyPostcodes};
use crate::hours;
use crate::load::{RawEntry, Segment};
use crate::model::Place;
use crate::schema::reader::Fields;
use crate::schema::rules;

fn key(name: &str) -> Vec<Segment> {
    vec![Segment::Key(name.to_string())]
}

/// Validates one place. Returns the place when it has no error, and every diagnostic.
/// Validates one place; the places it shares its contact details with are returned with where
/// they are named, checked once every place is known.
pub(crate) fn validate_place(
    entry: &RawEntry,
    text: &str,
    ctx: &Context<'_>,
) -> (Option<Place>, PlaceRefs, Vec<Diagnostic>) {
    let mut f = Fields::new(entry, text);
    let body = &text[entry.body.clone()];

    let id = f.text("id").unwrap_or_else(|| entry.slug.clone());
    let pivot = coded_text(&mut f, "pivot", rules::is_pivot, |value| Kind::Pivot { value }, |_| None)
        .unwrap_or_else(|| "00000000000000".to_string());
    let nom = f.required_sized_text("nom", rules::NAME_LENGTH);
    let adresse = f.required_text("adresse");
    let complement_adresse = f.text("complement_adresse");
    // A postcode of the wrong shape: the help gives the commune's, when the territory knows it.
    let known = ctx.communes.zip(f.raw("commune").and_then(Value::as_str)).and_then(|(c, name)| c.get(name.trim()));
    let likely = |value: &str| {
        let codes = |c: &Commune| rules::likely_postcodes(value, &c.codes_postaux);
        known.map(|c| Box::new(LikelyPostcodes { commune: c.nom.clone(), codes: codes(c) }))
    };
    let code_postal =
        required_code(&mut f, "code_postal", |value| Kind::PostalCode { commune: likely(&value), value }, likely);
    let commune = f.required_text("commune");
    let code_insee =
        coded_text(&mut f, "code_insee", rules::is_insee_code, |value| Kind::InseeCode { value }, |_| None);
    // The commune names a page (`/communes/<slug>/`): it needs letters or digits.
    if let Some(name) = commune.as_ref().filter(|name| crate::communes::slug(name).is_empty()) {
        f.report(Kind::UnknownCommune { value: name.clone(), suggestion: None }, &key("commune"));
    } else if let (Some(communes), Some(name)) = (ctx.communes, &commune) {
        check_commune(&mut f, communes, name, code_postal.as_deref(), code_insee.as_deref());
    }
    let (latitude, longitude) = coordinates(&mut f, ctx);
    let typologie = f.vocabulary("typologie");
    let telephone = f.phone("telephone");
    let courriels = f.emails("courriels");
    let site_web = f.urls("site_web");
    let horaires = opening_hours(&mut f, "horaires");
    let presentation_resume = f.short_text("presentation_resume", 280);
    let source = f.text("source");
    let structure_parente = f.text("structure_parente");
    let itinerance = f.vocabulary("itinerance");
    let date_maj = update_date(&mut f, ctx);
    let services = f.vocabulary("services");
    let publics_specifiquement_adresses = f.vocabulary("publics_specifiquement_adresses");
    let prise_en_charge_specifique = f.vocabulary("prise_en_charge_specifique");
    let langues = f.languages("langues");
    let frais_a_charge = f.vocabulary("frais_a_charge");
    let dispositif_programmes_nationaux = f.vocabulary("dispositif_programmes_nationaux");
    let formations_labels = f.vocabulary("formations_labels");
    let autres_formations_labels = f.texts("autres_formations_labels");
    let modalites_acces = f.vocabulary("modalites_acces");
    let modalites_accompagnement = f.vocabulary("modalites_accompagnement");
    let fiche_acces_libre = f.url("fiche_acces_libre");
    let prise_rdv = f.url("prise_rdv");
    let pieces_a_apporter = f.texts("pieces_a_apporter");
    let shared: PlaceRefs = super::unique(f.list("partage_coordonnees_avec"));
    let fermetures = super::closures::read(&mut f, ctx.today);

    // Warnings: what residents miss most when it is absent — unless the field is there under a
    // misspelt name, already reported as an unknown field with the right name suggested.
    let absent: Vec<(bool, &str, Kind)> = vec![
        (f.raw("horaires").is_none(), "horaires", Kind::NoHours),
        (f.raw("latitude").is_none() && f.raw("longitude").is_none(), "latitude", Kind::NoCoordinates),
        (f.raw("services").is_none(), "services", Kind::NoServices),
    ];
    let header = entry.header_span();
    let extensions = super::extension::read(&mut f, ctx.extensions.map_or(&[][..], |e| &e.lieux[..]));
    f.exported_body("presentation_detail");
    let mut diagnostics = f.finish(crate::schema::names(crate::load::EntryKind::Place));
    for (missing, field, kind) in absent {
        let misspelt =
            diagnostics.iter().any(|d| matches!(&d.kind, Kind::UnknownField { suggestion: Some(s), .. } if s == field));
        if missing && !misspelt {
            diagnostics.push(Diagnostic::new(kind, entry.file, header.clone()));
        }
    }
    let has_error = diagnostics.iter().any(|d| d.severity() == crate::Severity::Error);
    let place = match (nom, adresse, code_postal, commune, date_maj) {
        (Some(nom), Some(adresse), Some(code_postal), Some(commune), Some(date_maj)) if !has_error => Some(Place {
            slug: entry.slug.clone(),
            file: entry.file,
            id,
            pivot,
            nom,
            adresse,
            complement_adresse,
            code_postal,
            commune,
            code_insee,
            latitude,
            longitude,
            typologie,
            telephone,
            courriels,
            site_web,
            horaires,
            presentation_resume,
            presentation_detail: body.trim().to_string(),
            source,
            structure_parente,
            services,
            publics_specifiquement_adresses,
            prise_en_charge_specifique,
            langues,
            frais_a_charge,
            dispositif_programmes_nationaux,
            formations_labels,
            autres_formations_labels,
            modalites_acces,
            modalites_accompagnement,
            fiche_acces_libre,
            prise_rdv,
            pieces_a_apporter,
            partage_coordonnees_avec: shared.iter().map(|(slug, _)| slug.clone()).collect(),
            fermetures,
            itinerance,
            date_maj,
            extensions,
        }),
        _ => None,
    };
    (place, shared, diagnostics)
}

/// The commune a postcode belongs to and its postcodes likely meant, for the help.
type Likely = Option<Box<LikelyPostcodes>>;

/// A code written as text (`code_postal`, `code_insee`, `pivot`): a YAML number is reported
/// on its own, since it loses leading zeros; `commune` gives the commune's postcodes likely
/// meant by a number (`code_postal` only).
fn coded_text(
    f: &mut Fields<'_>,
    name: &str,
    valid: fn(&str) -> bool,
    kind: impl FnOnce(String) -> Kind,
    commune: impl FnOnce(&str) -> Likely,
) -> Option<String> {
    let value = f.raw(name)?;
    let text = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => {
            let value = n.to_string();
            let kind = Kind::CodeAsNumber { field: name.to_string(), commune: commune(&value), value };
            f.report(kind, &key(name));
            return None;
        }
        _ => return f.text_value(value, &key(name), name),
    };
    if valid(&text) {
        Some(text)
    } else {
        f.report(kind(text), &key(name));
        None
    }
}

fn required_code(
    f: &mut Fields<'_>,
    name: &str,
    kind: impl FnOnce(String) -> Kind,
    commune: impl FnOnce(&str) -> Likely,
) -> Option<String> {
    if !f.require(name) {
        return None;
    }
    coded_text(f, name, rules::is_postal_code, kind, commune)
}

/// `commune` must be in the territory's list, with its own postcode and INSEE code. When the
/// name is unknown but the INSEE code is, the code's commune is the suggestion.
fn check_commune(f: &mut Fields<'_>, communes: &Communes, name: &str, postcode: Option<&str>, insee: Option<&str>) {
    let Some(commune) = communes.get(name) else {
        let by_code = insee.and_then(|code| communes.by_code(code)).map(|c| c.nom.as_str());
        let suggestion = by_code.or_else(|| communes.closest(name)).map(str::to_string);
        f.report(Kind::UnknownCommune { value: name.to_string(), suggestion }, &key("commune"));
        return;
    };
    if let Some(code) = insee.filter(|c| *c != commune.code_insee) {
        let kind = Kind::CommuneMismatch {
            field: "code_insee",
            value: code.to_string(),
            commune: commune.nom.clone(),
            expected: vec![commune.code_insee.clone()],
        };
        f.report(kind, &key("code_insee"));
    }
    if let Some(code) = postcode.filter(|c| !commune.codes_postaux.iter().any(|p| p == c)) {
        let kind = Kind::CommuneMismatch {
            field: "code_postal",
            value: code.to_string(),
            commune: commune.nom.clone(),
            expected: commune.codes_postaux.clone(),
        };
        f.report(kind, &key("code_postal"));
    }
}

fn coordinates(f: &mut Fields<'_>, ctx: &Context<'_>) -> (Option<f64>, Option<f64>) {
    let latitude = f.number("latitude");
    let longitude = f.number("longitude");
    match (latitude, longitude, f.raw("latitude").is_some(), f.raw("longitude").is_some()) {
        (Some(lat), Some(lon), ..) => {
            if let Some(territory) = ctx.territory
                && let Some(kind) = check_coordinates(lat, lon, &territory.emprise, &territory.nom)
            {
                f.report(kind, &key("latitude"));
                return (None, None);
            }
            (Some(lat), Some(lon))
        }
        (_, _, true, false) => {
            f.report(Kind::CoordinatesIncomplete { missing: "longitude" }, &key("latitude"));
            (None, None)
        }
        (_, _, false, true) => {
            f.report(Kind::CoordinatesIncomplete { missing: "latitude" }, &key("longitude"));
            (None, None)
        }
        _ => (None, None),
    }
}

/// `horaires` parsed with the `opening-hours` crate; a syntax error points at its column.
pub(crate) fn opening_hours(f: &mut Fields<'_>, name: &str) -> Option<String> {
    let value = f.text(name)?;
    match hours::parse(&value) {
        Ok(_) => Some(value),
        Err(error) => {
            let span = f.value_span(name);
            let file_text = f.entry_text();
            // Find the (trimmed) value in its source text, past the quote and spaces, then count
            // characters into it. An escaped value is not found: point at its start.
            let source = file_text.get(span.clone()).unwrap_or_default();
            let offset: usize = value.chars().take(error.column).map(char::len_utf8).sum();
            let (inner, offset) = match source.find(value.as_str()) {
                Some(at) => (span.start + at, offset),
                None => (span.start, 0),
            };
            let at = (inner + offset).min(span.end.max(inner));
            // Hours written the French way: the help proposes the OSM value; the field stays
            // an error until the animator writes it (never converted silently).
            let proposal = crate::spoken_hours::propose(&value);
            f.report_span(Kind::Hours { problem: error.problem, proposal }, at..span.end.max(at));
            None
        }
    }
}

/// `date_maj`: a real date, not in the future; a warning when older than 12 months.
pub(crate) fn update_date(f: &mut Fields<'_>, ctx: &Context<'_>) -> Option<chrono::NaiveDate> {
    let date = f.required_date("date_maj")?;
    if date > ctx.today {
        f.report(Kind::DateInFuture { value: date.to_string(), today: ctx.today.to_string() }, &key("date_maj"));
        return None;
    }
    if rules::older_than(date, ctx.today, rules::STALE_MONTHS) {
        f.report(Kind::StaleDate { value: date.to_string() }, &key("date_maj"));
    }
    Some(date)
}

/// Checks a coordinate pair against the territory: inside, swapped, Lambert-93 or outside.
fn check_coordinates(latitude: f64, longitude: f64, bbox: &Bounds, territory: &str) -> Option<Kind> {
    if bbox.contains(latitude, longitude) {
        return None;
    }
    if bbox.contains(longitude, latitude) {
        return Some(Kind::CoordinatesSwapped { latitude, longitude });
    }
    // Lambert-93 (EPSG:2154) covers metropolitan France with x in about 100 000–1 250 000 m and
    // y in about 6 000 000–7 150 000 m, in either order.
    let is_x = |v: f64| (50_000.0..=1_300_000.0).contains(&v);
    let is_y = |v: f64| (6_000_000.0..=7_200_000.0).contains(&v);
    if (is_x(longitude) && is_y(latitude)) || (is_x(latitude) && is_y(longitude)) {
        return Some(Kind::CoordinatesLambert93 { latitude, longitude });
    }
    Some(Kind::CoordinatesOutside { latitude, longitude, territory: territory.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LYON: Bounds = Bounds { ouest: 4.68, sud: 45.55, est: 5.07, nord: 45.94 };

    #[test]
    fn coordinates() {
        assert_eq!(check_coordinates(45.76, 4.84, &LYON, "Lyon"), None);
        assert!(matches!(check_coordinates(4.84, 45.76, &LYON, "Lyon"), Some(Kind::CoordinatesSwapped { .. })));
        assert!(matches!(
            check_coordinates(6_519_000.0, 842_000.0, &LYON, "Lyon"),
            Some(Kind::CoordinatesLambert93 { .. })
        ));
        assert!(matches!(check_coordinates(48.85, 2.35, &LYON, "Lyon"), Some(Kind::CoordinatesOutside { .. })));
    }
}
