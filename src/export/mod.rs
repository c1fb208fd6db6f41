//! Open data exports: the national standard (GeoJSON, CSV, JSON), the offers, and data·inclusion's
//! schema v1.

pub(crate) use crate::schema::standard::schema_fields;

mod csv;
pub(crate) mod data_inclusion;
pub(crate) mod freshness;
mod geojson;
pub(crate) mod ical;
mod json;

pub(crate) use self::csv::places_csv;
pub(crate) use self::geojson::places_geojson;
pub(crate) use self::json::offers_json;
pub use self::json::places_json;

use crate::index::Site;
use crate::model::Place;

/// Folder of the exports in the output.
pub(crate) const DIR: &str = "donnees";

/// One export file, under `donnees/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Export {
    /// `lieux.csv`: one place per line, the standard's columns.
    PlacesCsv,
    /// `lieux.geojson`: the places with their coordinates.
    PlacesGeojson,
    /// `lieux.json`: the places in the standard's JSON.
    PlacesJson,
    /// `offres.json`: the offers.
    OffersJson,
    /// `lieux-territoire.csv`: the standard's columns, then one column per territorial field
    /// (`extension_<nom>`), outside the standard. Only when `site.yaml` declares some.
    PlacesTerritoryCsv,
    /// `lieux-territoire.json`: the same as flat JSON objects.
    PlacesTerritoryJson,
    /// `data-inclusion/structures.json`: the places as data·inclusion's structures (schema v1).
    DataInclusionStructures,
    /// `data-inclusion/services.json`: their digital accompaniment and the offers as
    /// data·inclusion's services (schema v1).
    DataInclusionServices,
}

impl Export {
    /// Every export.
    pub(crate) const ALL: [Export; 8] = [
        Export::PlacesCsv,
        Export::PlacesGeojson,
        Export::PlacesJson,
        Export::OffersJson,
        Export::PlacesTerritoryCsv,
        Export::PlacesTerritoryJson,
        Export::DataInclusionStructures,
        Export::DataInclusionServices,
    ];

    /// True when the site has this file: the territorial exports only when `site.yaml`
    /// declares territorial fields of places.
    pub(crate) fn applies(self, site: &Site) -> bool {
        match self {
            Export::PlacesTerritoryCsv | Export::PlacesTerritoryJson => !site.config.extensions.lieux.is_empty(),
            _ => true,
        }
    }

    /// Its name under `donnees/`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Export::PlacesCsv => "lieux.csv",
            Export::PlacesGeojson => "lieux.geojson",
            Export::PlacesJson => "lieux.json",
            Export::OffersJson => "offres.json",
            Export::PlacesTerritoryCsv => "lieux-territoire.csv",
            Export::PlacesTerritoryJson => "lieux-territoire.json",
            Export::DataInclusionStructures => "data-inclusion/structures.json",
            Export::DataInclusionServices => "data-inclusion/services.json",
        }
    }

    /// Path in the output folder.
    pub(crate) fn path(self) -> String {
        format!("{DIR}/{}", self.name())
    }

    /// The file's bytes.
    pub(crate) fn produce(self, site: &Site) -> Vec<u8> {
        match self {
            Export::PlacesCsv => places_csv(&site.entries.places),
            Export::PlacesGeojson => places_geojson(site),
            Export::PlacesJson => places_json(&site.entries.places),
            Export::OffersJson => offers_json(site),
            Export::PlacesTerritoryCsv => self::csv::territory_csv(site),
            Export::PlacesTerritoryJson => self::json::territory_json(site),
            Export::DataInclusionStructures => self::data_inclusion::structures_json(site),
            Export::DataInclusionServices => self::data_inclusion::services_json(site),
        }
    }
}

/// The places in the order of the exports: by `id` (the slug when the entry has none), so that
/// an import of an export, whose files may be named otherwise, exports the same file again.
pub(crate) fn by_id(places: &[std::sync::Arc<Place>]) -> Vec<&Place> {
    let mut sorted: Vec<&Place> = places.iter().map(|l| l.as_ref()).collect();
    sorted.sort_by(|a, b| (&a.id, &a.slug).cmp(&(&b.id, &b.slug)));
    sorted
}

/// A value of one column of the standard.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Absent.
    Empty,
    /// Text (lists already joined with `|`).
    Text(String),
    /// A number (latitude, longitude).
    Number(f64),
}

impl Cell {
    fn text(value: &str) -> Cell {
        if value.is_empty() { Cell::Empty } else { Cell::Text(value.to_string()) }
    }

    fn option(value: &Option<String>) -> Cell {
        value.as_deref().map_or(Cell::Empty, Cell::text)
    }

    fn list(values: &[String]) -> Cell {
        Cell::text(&values.join("|"))
    }

    /// The cell as CSV text.
    pub fn as_csv(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
        }
    }
}

/// The column of a territorial field in the territorial exports: `extension_<nom>`, so that
/// no one takes it for a column of the standard.
pub(crate) fn extension_column(nom: &str) -> String {
    format!("extension_{nom}")
}

/// A place's territorial fields, one cell per declared field of places (empty when not given).
pub(crate) fn extension_cells(site: &Site, place: &Place) -> Vec<(String, Cell)> {
    site.config
        .extensions
        .lieux
        .iter()
        .map(|e| {
            let value = place.extensions.iter().find(|(n, _)| n == &e.nom).map(|(_, v)| v.export());
            (extension_column(&e.nom), value.map_or(Cell::Empty, |v| Cell::text(&v)))
        })
        .collect()
}

/// Spelling of `formations_labels` values on output: the schema's regular expression writes
/// "Étapes numériques(La Poste)" without a space (data/standard/README.md).
fn schema_spelling(values: &[String]) -> Vec<String> {
    values.iter().map(|v| v.replace("Étapes numériques (La Poste)", "Étapes numériques(La Poste)")).collect()
}

/// A place as one record of the standard: every column, in the schema's order.
pub fn standard_record(place: &Place) -> Vec<(&'static str, Cell)> {
    // A column added by a later version of the standard: exported empty.
    schema_fields().iter().map(|f| (f.name.as_str(), standard_cell(place, &f.name).unwrap_or(Cell::Empty))).collect()
}

/// The value of the standard's column `name` for a place; `None` for a column the model does
/// not know (a test checks that it knows every column of `data/standard/schema.json`).
fn standard_cell(place: &Place, name: &str) -> Option<Cell> {
    Some(match name {
        "id" => Cell::text(&place.id),
        "pivot" => Cell::text(&place.pivot),
        "nom" => Cell::text(&place.nom),
        "commune" => Cell::text(&place.commune),
        "code_postal" => Cell::text(&place.code_postal),
        "code_insee" => Cell::option(&place.code_insee),
        "adresse" => Cell::text(&place.adresse),
        "complement_adresse" => Cell::option(&place.complement_adresse),
        "latitude" => place.latitude.map_or(Cell::Empty, Cell::Number),
        "longitude" => place.longitude.map_or(Cell::Empty, Cell::Number),
        "typologie" => Cell::list(&place.typologie),
        "telephone" => Cell::option(&place.telephone),
        "courriels" => Cell::list(&place.courriels),
        "site_web" => Cell::list(&place.site_web),
        "horaires" => Cell::option(&place.horaires),
        "presentation_resume" => Cell::option(&place.presentation_resume),
        "presentation_detail" => Cell::text(&place.presentation_detail),
        "source" => Cell::option(&place.source),
        "itinerance" => Cell::list(&place.itinerance),
        "structure_parente" => Cell::option(&place.structure_parente),
        "date_maj" => Cell::text(&place.date_maj.to_string()),
        "services" => Cell::list(&place.services),
        "publics_specifiquement_adresses" => Cell::list(&place.publics_specifiquement_adresses),
        // The languages spoken count as the standard's « Langues étrangères (…) » (`languages`).
        "prise_en_charge_specifique" => {
            Cell::list(&crate::languages::merged_support(&place.prise_en_charge_specifique, &place.langues))
        }
        "frais_a_charge" => Cell::list(&place.frais_a_charge),
        "dispositif_programmes_nationaux" => Cell::list(&place.dispositif_programmes_nationaux),
        "formations_labels" => Cell::list(&schema_spelling(&place.formations_labels)),
        "autres_formations_labels" => Cell::list(&place.autres_formations_labels),
        "modalites_acces" => Cell::list(&place.modalites_acces),
        "modalites_accompagnement" => Cell::list(&place.modalites_accompagnement),
        "fiche_acces_libre" => Cell::option(&place.fiche_acces_libre),
        "prise_rdv" => Cell::option(&place.prise_rdv),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exports' columns are the standard's (`schema::standard`): the model must give a
    /// value for each of them.
    #[test]
    fn every_column_of_the_standard_has_a_value_in_the_model() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date");
        let checked = crate::check(root, today, None).expect("the example site checks");
        let site = checked.site.expect("the example site has a site.yaml");
        let place = &site.entries.places[0];
        for field in schema_fields() {
            assert!(standard_cell(place, &field.name).is_some(), "{}", field.name);
        }
    }
}
