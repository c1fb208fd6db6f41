//! `lieux.json` (the national standard as a JSON array, as the national cartography publishes
//! it: flat objects, lists joined with `|`, absent fields omitted) and `offres.json`.

use serde_json::{Map, Value, json};

use super::{Cell, by_id, extension_cells, standard_record};
use crate::index::Site;
use crate::model::{Place, Schedule};

/// A flat JSON object whose keys keep their order: the standard's columns in the order of its
/// schema (`serde_json`'s own map sorts its keys).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Record(Vec<(String, Value)>);

impl Record {
    /// Sets `key`: in its place when it is there, else last.
    pub(crate) fn insert(&mut self, key: impl Into<String>, value: Value) {
        let key = key.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, old)) => *old = value,
            None => self.0.push((key, value)),
        }
    }

    /// Removes `key`.
    pub(crate) fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }
}

impl serde::Serialize for Record {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// A place as a flat JSON object of the standard, its columns in the standard's order.
pub(super) fn standard_object(place: &Place) -> Record {
    Record(
        standard_record(place)
            .into_iter()
            .filter_map(|(name, cell)| {
                let value = match cell {
                    Cell::Empty => return None,
                    Cell::Text(t) => Value::String(t),
                    Cell::Number(n) => json!(n),
                };
                Some((name.to_string(), value))
            })
            .collect(),
    )
}

/// Every place, as a JSON array in the standard.
pub fn places_json(places: &[std::sync::Arc<Place>]) -> Vec<u8> {
    let array: Vec<Record> = by_id(places).into_iter().map(standard_object).collect();
    let mut bytes = serde_json::to_vec_pretty(&array).expect("plain data serialises");
    bytes.push(b'\n');
    bytes
}

/// Every offer: resin's own format (the standard has no offers), documented on `/donnees/`.
pub(crate) fn offers_json(site: &Site) -> Vec<u8> {
    let base = site.config.base_url();
    let offers: Vec<Value> = site
        .entries
        .offers
        .iter()
        .map(|o| {
            let places: Vec<Value> = o
                .lieux
                .iter()
                .filter_map(|slug| site.place(slug))
                .map(|l| json!({ "id": l.id, "nom": l.nom, "commune": l.commune }))
                .collect();
            let (horaires, seances) = match &o.calendrier {
                Schedule::Hours(h) => (Some(h.clone()), Vec::new()),
                Schedule::Sessions(s) => (
                    None,
                    s.iter()
                        .map(|s| json!({ "date": s.date.to_string(), "debut": s.debut.format("%H:%M").to_string(), "fin": s.fin.format("%H:%M").to_string() }))
                        .collect(),
                ),
            };
            json!({
                "id": o.slug,
                "titre": o.titre,
                "type": o.kind.map(crate::model::OfferKind::value),
                "url": format!("{base}offres/{}/", o.slug),
                "lieux": places,
                "resume": o.resume,
                "services": o.services,
                "publics_specifiquement_adresses": o.publics_specifiquement_adresses,
                "prise_en_charge_specifique": crate::languages::merged_support(&o.prise_en_charge_specifique, &o.langues),
                "langues": o.langues,
                "frais_a_charge": o.frais_a_charge,
                "modalites_acces": o.modalites_acces,
                "modalites_accompagnement": o.modalites_accompagnement,
                "inscription": o.inscription,
                "prise_rdv": o.prise_rdv,
                "horaires": horaires,
                "seances": seances,
                "description": o.description,
                "date_maj": o.date_maj.to_string(),
                "pieces_a_apporter": o.pieces_a_apporter,
                "extensions": o.extensions.iter().map(|(n, v)| (n.clone(), json!(v))).collect::<Map<String, Value>>(),
            })
        })
        .collect();
    let mut bytes = serde_json::to_vec_pretty(&offers).expect("plain data serialises");
    bytes.push(b'\n');
    bytes
}

/// `lieux-territoire.json`: the standard's flat objects with the territorial fields added
/// (`extension_<nom>`, booleans and dates as JSON values).
pub(super) fn territory_json(site: &Site) -> Vec<u8> {
    let array: Vec<Record> = by_id(&site.entries.places)
        .into_iter()
        .map(|l| {
            let mut object = standard_object(l);
            for ((column, cell), e) in extension_cells(site, l).into_iter().zip(&site.config.extensions.lieux) {
                if cell == Cell::Empty {
                    continue;
                }
                let value = l.extensions.iter().find(|(n, _)| n == &e.nom).map_or(Value::Null, |(_, v)| json!(v));
                object.insert(column, value);
            }
            object
        })
        .collect();
    let mut bytes = serde_json::to_vec_pretty(&array).expect("plain data serialises");
    bytes.push(b'\n');
    bytes
}
