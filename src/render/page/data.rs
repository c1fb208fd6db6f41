//! `/donnees/`: the open data files with their counts and dates, their licence, and the
//! fields of the national standard. It counts every place and offer: it is made again after
//! every change.

use chrono::NaiveDate;
use serde::Serialize;

use crate::Error;
use crate::export;
use crate::render::view::{DateView, Link, date_view};
use crate::render::{Renderer, files, labels};

#[derive(Serialize)]
struct Data {
    fichiers: Vec<DataFile>,
    licence: Link,
    champs: Vec<FieldView>,
    lieux: String,
    offres: String,
}

#[derive(Serialize)]
struct DataFile {
    href: String,
    nom: String,
    format: String,
    /// Media type, for the link's `type`.
    mime: String,
    contenu: String,
    /// "47 lieux".
    nombre: String,
    /// The newest `date_maj` of its records.
    mise_a_jour: Option<DateView>,
}

/// One field of the standard on /donnees/.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FieldView {
    /// Column name.
    pub name: String,
    /// Title.
    pub title: String,
    /// Required.
    pub required: bool,
    /// Description.
    pub description: String,
}

/// The standard's fields.
pub(crate) fn fields() -> Vec<FieldView> {
    crate::export::schema_fields()
        .iter()
        .map(|f| FieldView {
            name: f.name.clone(),
            title: f.title.clone(),
            required: f.required(),
            description: f.description.clone(),
        })
        .collect()
}

/// Renders `/donnees/`, in the folder `dir`.
pub(crate) fn render(r: &Renderer, dir: &str) -> Result<String, Error> {
    let site = r.site;
    let urls = &r.urls;
    let file = |name: &str| urls.path(&format!("donnees/{name}"));
    let newest_place = site.entries.places.iter().map(|l| l.date_maj).max();
    let newest_offer = site.entries.offers.iter().map(|o| o.date_maj).max();
    let places = site.entries.places.len();
    let with_coords = site.entries.places.iter().filter(|l| l.latitude.is_some()).count();
    let offers = site.entries.offers.len();
    let data_file =
        |href: String, nom: &str, format: &str, mime: &str, content: &str, count: String, newest: Option<NaiveDate>| {
            DataFile {
                href,
                nom: nom.into(),
                format: format.into(),
                mime: mime.into(),
                contenu: content.into(),
                nombre: count,
                mise_a_jour: newest.map(date_view),
            }
        };
    let place_count = labels::count(places, "lieu", "lieux");
    let offer_count = labels::count(offers, "offre", "offres");
    let mut files = vec![
        data_file(
            file("lieux.geojson"),
            "lieux.geojson",
            "GeoJSON",
            "application/geo+json",
            "Les lieux avec leurs coordonnées, pour une carte ou un outil de cartographie.",
            labels::count(with_coords, "lieu", "lieux"),
            newest_place,
        ),
        data_file(
            file("lieux.csv"),
            "lieux.csv",
            "CSV",
            "text/csv",
            "Les lieux au format du standard national, un lieu par ligne, pour un tableur.",
            place_count.clone(),
            newest_place,
        ),
        data_file(
            file("lieux.json"),
            "lieux.json",
            "JSON",
            "application/json",
            "Les lieux au format du standard national, pour un programme.",
            place_count.clone(),
            newest_place,
        ),
        data_file(
            file("offres.json"),
            "offres.json",
            "JSON",
            "application/json",
            "Les ateliers et permanences, avec leurs lieux, horaires et séances.",
            offer_count.clone(),
            newest_offer,
        ),
        data_file(
            file("offres.ics"),
            "offres.ics",
            "iCalendar",
            "text/calendar",
            "Les ateliers et permanences à ajouter à un agenda (téléphone, messagerie) ; chaque offre a aussi le sien.",
            offer_count,
            newest_offer,
        ),
        data_file(
            urls.path(files::atom::PATH),
            "atom.xml",
            "Atom",
            "application/atom+xml",
            "Les lieux et les offres ajoutés ou mis à jour, les plus récents d'abord, pour un lecteur de flux.",
            labels::count((places + offers).min(files::atom::ENTRIES), "entrée", "entrées"),
            newest_place.max(newest_offer),
        ),
        data_file(
            file(export::Export::DataInclusionStructures.name()),
            export::Export::DataInclusionStructures.name(),
            "JSON",
            "application/json",
            "Les lieux comme structures du schéma de data·inclusion (v1), que lisent DORA et les emplois de l'inclusion.",
            labels::count(places, "structure", "structures"),
            newest_place,
        ),
        data_file(
            file(export::Export::DataInclusionServices.name()),
            export::Export::DataInclusionServices.name(),
            "JSON",
            "application/json",
            "L'accompagnement numérique de chaque lieu et chaque offre à chacun de ses lieux, comme services de data·inclusion (v1).",
            labels::count(export::data_inclusion::service_count(site), "service", "services"),
            newest_place.max(newest_offer),
        ),
    ];
    if export::Export::PlacesTerritoryCsv.applies(site) {
        let labels: Vec<String> = site
            .config
            .extensions
            .lieux
            .iter()
            .map(|e| format!("{} (colonne {})", e.libelle, export::extension_column(&e.nom)))
            .collect();
        let content = format!(
            "Les lieux avec, après les colonnes du standard, les champs propres au territoire, hors standard : {}.",
            labels.join(", ")
        );
        for (name, format, mime) in
            [("lieux-territoire.csv", "CSV", "text/csv"), ("lieux-territoire.json", "JSON", "application/json")]
        {
            files.push(data_file(file(name), name, format, mime, &content, place_count.clone(), newest_place));
        }
    }
    let data = Data {
        fichiers: files,
        licence: Link { text: site.config.licence_donnees.nom.clone(), href: site.config.licence_donnees.url.clone() },
        champs: fields(),
        lieux: labels::count(site.entries.places.len(), "lieu", "lieux"),
        offres: labels::count(site.entries.offers.len(), "offre", "offres"),
    };
    let meta = r.meta(
        "Données ouvertes",
        "Les lieux et offres de médiation numérique en données ouvertes : GeoJSON, CSV et JSON au standard national, et au schéma de data·inclusion.",
        dir,
        r.crumbs(&[]),
    );
    r.page("donnees.html", &meta, &data)
}
