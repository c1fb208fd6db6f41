//! An offer's front matter to an [`Offer`].

use serde_yaml::Value;

use super::Context;
use super::place::{opening_hours, update_date};
use crate::diagnostic::{Diagnostic, Kind, Shape};
use crate::load::{RawEntry, Segment};
use crate::model::{Offer, OfferKind, Schedule, Session};
use crate::schema::reader::Fields;

/// The place slugs an offer names, with where each is written.
pub(crate) type PlaceRefs = Vec<(String, Vec<Segment>)>;

/// Validates one offer. Place slugs are checked later, once every place is known; the
/// returned list holds them with their spans.
pub(crate) fn validate_offer(
    entry: &RawEntry,
    text: &str,
    ctx: &Context<'_>,
) -> (Option<Offer>, PlaceRefs, Vec<Diagnostic>) {
    let mut f = Fields::new(entry, text);
    let titre = f.required_text("titre");
    let kind = f.choice("type", OfferKind::VALUES).and_then(OfferKind::from_value);
    let places: PlaceRefs = super::unique(f.list("lieux"));
    f.require("lieux");
    let resume = f.short_text("resume", 280);
    let services = f.vocabulary("services");
    let publics_specifiquement_adresses = f.vocabulary("publics_specifiquement_adresses");
    let prise_en_charge_specifique = f.vocabulary("prise_en_charge_specifique");
    let langues = f.languages("langues");
    f.require("frais_a_charge");
    let frais_a_charge = f.vocabulary("frais_a_charge");
    f.require("modalites_acces");
    let modalites_acces = f.vocabulary("modalites_acces");
    let modalites_accompagnement = f.vocabulary("modalites_accompagnement");
    let inscription = f.text("inscription");
    let prise_rdv = f.url("prise_rdv");
    let calendrier = match (f.raw("horaires").is_some(), f.raw("seances").is_some()) {
        (true, true) => {
            f.report(Kind::OfferSchedule { both: true }, &[Segment::Key("seances".into())]);
            None
        }
        (false, false) => {
            f.report_entry(Kind::OfferSchedule { both: false });
            None
        }
        (true, false) => opening_hours(&mut f, "horaires").map(Schedule::Hours),
        (false, true) => sessions(&mut f).map(Schedule::Sessions),
    };
    let date_maj = update_date(&mut f, ctx);
    let pieces_a_apporter = f.texts("pieces_a_apporter");
    let fermetures = super::closures::read(&mut f, ctx.today);

    let extensions = super::extension::read(&mut f, ctx.extensions.map_or(&[][..], |e| &e.offres[..]));
    f.body();
    let diagnostics = f.finish(crate::schema::names(crate::load::EntryKind::Offer));
    let has_error = diagnostics.iter().any(|d| d.severity() == crate::Severity::Error);
    let offer = match (titre, calendrier, date_maj) {
        (Some(titre), Some(calendrier), Some(date_maj)) if !has_error => Some(Offer {
            slug: entry.slug.clone(),
            file: entry.file,
            titre,
            kind,
            lieux: places.iter().map(|(slug, _)| slug.clone()).collect(),
            resume,
            services,
            publics_specifiquement_adresses,
            prise_en_charge_specifique,
            langues,
            frais_a_charge,
            modalites_acces,
            modalites_accompagnement,
            inscription,
            prise_rdv,
            calendrier,
            description: text[entry.body.clone()].trim().to_string(),
            date_maj,
            pieces_a_apporter,
            fermetures,
            extensions,
        }),
        _ => None,
    };
    (offer, places, diagnostics)
}

/// `seances`: a list of `{ date, debut, fin }`, returned sorted.
fn sessions(f: &mut Fields<'_>) -> Option<Vec<Session>> {
    let key = |k: &str| Segment::Key(k.to_string());
    let items = match f.raw("seances") {
        Some(Value::Sequence(items)) => items,
        other => {
            let found = other.map_or(Shape::Empty, Shape::of);
            f.report(Kind::WrongType { field: "seances".into(), expected: Shape::Sessions, found }, &[key("seances")]);
            return None;
        }
    };
    let mut out = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let base = vec![key("seances"), Segment::Index(i)];
        let Value::Mapping(map) = item else {
            f.report(
                Kind::WrongType { field: "seances".into(), expected: Shape::Session, found: Shape::of(item) },
                &base,
            );
            ok = false;
            continue;
        };
        let mut get = |name: &str| {
            let path = [base.clone(), vec![key(name)]].concat();
            match map.get(name).filter(|v| !v.is_null()) {
                Some(value) => Some((value, path)),
                None => {
                    f.report(Kind::MissingField { field: format!("seances[{}].{name}", i + 1) }, &base);
                    None
                }
            }
        };
        let (date, debut, fin) = (get("date"), get("debut"), get("fin"));
        let date = date.and_then(|(v, p)| f.date_value(v, &p, "date"));
        let debut = debut.and_then(|(v, p)| f.time_value(v, &p, "debut"));
        let fin_path = [base.clone(), vec![key("fin")]].concat();
        let fin = fin.and_then(|(v, p)| f.time_value(v, &p, "fin"));
        for k in map.keys() {
            let name = k.as_str().unwrap_or_default();
            let known = crate::schema::session_names();
            if !known.contains(&name) {
                let suggestion = crate::suggest::closest(name, known.iter().copied()).map(str::to_string);
                let span = f.doc.key_span(&[base.clone(), vec![key(name)]].concat());
                f.report_span(Kind::UnknownField { field: name.to_string(), suggestion, known }, span);
                ok = false;
            }
        }
        match (date, debut, fin) {
            (Some(date), Some(debut), Some(fin)) if fin > debut => out.push(Session { date, debut, fin }),
            (Some(_), Some(debut), Some(fin)) => {
                let kind = Kind::SessionEndsBeforeStart {
                    start: debut.format("%H:%M").to_string(),
                    end: fin.format("%H:%M").to_string(),
                };
                f.report(kind, &fin_path);
                ok = false;
            }
            _ => ok = false,
        }
    }
    if items.is_empty() {
        f.report(Kind::OfferSchedule { both: false }, &[key("seances")]);
        return None;
    }
    out.sort();
    out.dedup();
    ok.then_some(out)
}
