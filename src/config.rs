//! `content/site.yaml`: the site's title, address, territory, map tiles and contacts.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Kind};
use crate::source::{FileId, Sources};
use crate::suggest;

/// The whole `site.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site name ("Rés'IN").
    pub titre: String,
    /// One sentence saying what the site is for (home page, meta description).
    pub description: String,
    /// Public address of the site, e.g. `https://resin.exemple.fr/`.
    pub url: String,
    /// The territory the directory covers.
    pub territoire: Territoire,
    /// Map tiles.
    #[serde(default)]
    pub carte: Carte,
    /// Contact address of the network.
    pub contact: String,
    /// Where "Signaler une erreur" writes to; the contact address when absent.
    #[serde(default)]
    pub signalement: Option<String>,
    /// Licence of the open data.
    #[serde(default)]
    pub licence_donnees: Licence,
    /// True while the entries are fictitious examples: a notice says so on every page.
    #[serde(default)]
    pub exemple: bool,
    /// Links in the footer.
    #[serde(default)]
    pub pied_de_page: Vec<Lien>,
}

/// The territory: name and bounding box.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Territoire {
    /// "Métropole de Lyon".
    pub nom: String,
    /// Bounding box in WGS 84 degrees: coordinates of places must fall inside.
    pub emprise: Emprise,
    /// Map centre.
    pub centre: Point,
    /// Initial map zoom.
    #[serde(default = "default_zoom")]
    pub zoom: u8,
    /// CSV of the territory's communes (`code_insee,nom,codes_postaux`), relative to the site
    /// root: when given, each place's commune, INSEE code and postcode are checked against it.
    #[serde(default)]
    pub communes: Option<String>,
}

fn default_zoom() -> u8 {
    11
}

/// A bounding box.
#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Emprise {
    /// Westmost longitude.
    pub ouest: f64,
    /// Southmost latitude.
    pub sud: f64,
    /// Eastmost longitude.
    pub est: f64,
    /// Northmost latitude.
    pub nord: f64,
}

impl Emprise {
    /// True when the point is inside the box.
    pub fn contains(&self, latitude: f64, longitude: f64) -> bool {
        (self.sud..=self.nord).contains(&latitude) && (self.ouest..=self.est).contains(&longitude)
    }
}

/// A point in WGS 84 degrees.
#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
}

/// Map tiles: URL template and attribution.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Carte {
    /// Tile URL template with `{z}`, `{x}`, `{y}`.
    pub tuiles: String,
    /// Attribution text shown on the map.
    pub attribution: String,
}

impl Default for Carte {
    fn default() -> Self {
        Carte {
            tuiles: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            attribution: "© les contributeurs d'OpenStreetMap".into(),
        }
    }
}

/// A licence: name and address.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// "Licence Ouverte 2.0".
    pub nom: String,
    /// Its text.
    pub url: String,
}

impl Default for Licence {
    fn default() -> Self {
        Licence {
            nom: "Licence Ouverte 2.0".into(),
            url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence".into(),
        }
    }
}

/// A footer link.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lien {
    /// Link text.
    pub titre: String,
    /// Site path (`/a-propos/`) or absolute http(s) URL.
    pub url: String,
}

impl SiteConfig {
    /// The base URL, always ending with `/`.
    pub fn base_url(&self) -> String {
        if self.url.ends_with('/') { self.url.clone() } else { format!("{}/", self.url) }
    }

    /// The address "Signaler une erreur" writes to.
    pub fn report_address(&self) -> &str {
        self.signalement.as_deref().unwrap_or(&self.contact)
    }
}

/// The field names serde knows, for suggestions: every level of `site.yaml` together.
const KNOWN_FIELDS: &[&str] = &[
    "titre", "description", "url", "territoire", "carte", "contact", "signalement", "licence_donnees", "exemple",
    "pied_de_page", "nom", "emprise", "centre", "zoom", "ouest", "sud", "est", "nord", "latitude", "longitude",
    "tuiles", "attribution", "communes",
];

/// Parses `site.yaml`; a problem becomes a located diagnostic.
pub fn load_config(sources: &Sources, file: FileId) -> Result<SiteConfig, Diagnostic> {
    let text = &sources.get(file).text;
    let text_no_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - text_no_bom.len();
    let config: SiteConfig = serde_yaml::from_str(text_no_bom).map_err(|e| {
        let offset = bom + e.location().map_or(0, |l| l.index());
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message).to_string();
        let kind = if let Some(field) = between(&message, "unknown field `", "`") {
            let suggestion = suggest::closest(field, KNOWN_FIELDS.iter().copied()).map(str::to_string);
            Kind::UnknownField { field: field.to_string(), suggestion, known: KNOWN_FIELDS.to_vec() }
        } else if let Some(field) = between(&message, "missing field `", "`") {
            Kind::MissingField { field: field.to_string() }
        } else if message.starts_with("invalid type") {
            Kind::Config { message: format!("type de valeur incorrect dans site.yaml ({message})") }
        } else {
            Kind::YamlSyntax { message: crate::load::translate_yaml_error(&message) }
        };
        let end = text[offset.min(text.len())..].find(['\n', ':']).map_or(offset, |i| offset + i);
        Diagnostic::new(kind, file, offset..end)
    })?;
    let bad_url = !config.url.starts_with("https://") && !config.url.starts_with("http://");
    if bad_url {
        let at = text.find("url:").unwrap_or(0);
        return Err(Diagnostic::new(Kind::Url { value: config.url.clone(), scheme: None }, file, at..at + 3));
    }
    Ok(config)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(&text[from..to])
}
