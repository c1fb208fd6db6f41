//! Validated content: plain data with the national standard's field names.
//!
//! These types are what every stage after `validate` reads: the index, the renderer, the
//! exports. Lists hold canonical vocabulary values; phone numbers are E.164.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use crate::source::FileId;

pub(crate) mod network;
pub(crate) use network::Publication;
pub use network::Section;

/// A place (*lieu*) where residents get help: `content/lieux/<slug>.md`.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    /// File name without `.md`: the page's address `/lieux/<slug>/`.
    pub slug: String,
    /// The source file.
    #[serde(skip)]
    pub file: FileId,
    /// `id` of the standard; the slug when the file has none.
    pub id: String,
    /// SIRET or RNA of the structure; `00000000000000` when unknown.
    pub pivot: String,
    /// Name.
    pub nom: String,
    /// Street address, without postcode or commune.
    pub adresse: String,
    /// Building, floor…
    pub complement_adresse: Option<String>,
    /// Postcode, five digits.
    pub code_postal: String,
    /// Commune name as INSEE spells it.
    pub commune: String,
    /// INSEE code of the commune.
    pub code_insee: Option<String>,
    /// WGS 84 latitude.
    pub latitude: Option<f64>,
    /// WGS 84 longitude.
    pub longitude: Option<f64>,
    /// Structure type codes (`BIB`, `CS`…).
    pub typologie: Vec<String>,
    /// Phone number in E.164 (`+33478000000`).
    pub telephone: Option<String>,
    /// E-mail addresses.
    pub courriels: Vec<String>,
    /// Websites (http or https).
    pub site_web: Vec<String>,
    /// Opening hours in OSM `opening_hours` syntax.
    pub horaires: Option<String>,
    /// Short presentation (280 characters at most).
    pub presentation_resume: Option<String>,
    /// Markdown body: the long presentation (`presentation_detail` of the standard).
    pub presentation_detail: String,
    /// Who produced the record.
    pub source: Option<String>,
    /// Network or organisation it belongs to.
    pub structure_parente: Option<String>,
    /// Services offered (vocabulary).
    pub services: Vec<String>,
    /// Publics specifically addressed (vocabulary); empty means everyone.
    pub publics_specifiquement_adresses: Vec<String>,
    /// Specific support (vocabulary).
    pub prise_en_charge_specifique: Vec<String>,
    /// Languages the staff can help in besides French (resin's own field): codes of
    /// `data/langues.csv`, each once.
    pub langues: Vec<String>,
    /// Cost (vocabulary).
    pub frais_a_charge: Vec<String>,
    /// National programmes (vocabulary).
    pub dispositif_programmes_nationaux: Vec<String>,
    /// Training and labels (vocabulary).
    pub formations_labels: Vec<String>,
    /// Other labels (free text).
    pub autres_formations_labels: Vec<String>,
    /// How to access (vocabulary).
    pub modalites_acces: Vec<String>,
    /// Kinds of support (vocabulary).
    pub modalites_accompagnement: Vec<String>,
    /// Accessibility sheet (acceslibre) URL.
    pub fiche_acces_libre: Option<String>,
    /// Online booking URL.
    pub prise_rdv: Option<String>,
    /// Fixed or itinerant (vocabulary).
    pub itinerance: Vec<String>,
    /// Last time the record was checked.
    pub date_maj: NaiveDate,
    /// What to bring (resin's own field).
    pub pieces_a_apporter: Vec<String>,
    /// The places this one really shares its contact details with (resin's own field): no
    /// copied-entry warning between them.
    pub partage_coordonnees_avec: Vec<String>,
    /// Dated closures and exceptional hours (resin's own field), sorted by start.
    pub fermetures: Vec<Closure>,
    /// Territorial fields (declared in `site.yaml`) that the entry gives, in their order of
    /// declaration.
    pub extensions: Vec<(String, ExtValue)>,
}

/// The value of a territorial field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ExtValue {
    /// A `booleen`.
    Bool(bool),
    /// A `texte`, a `choix` (its canonical spelling) or a `url`.
    Text(String),
    /// A `date`.
    Date(NaiveDate),
}

impl ExtValue {
    /// The value as written in the exports: `true`/`false`, text, ISO date.
    pub fn export(&self) -> String {
        match self {
            ExtValue::Bool(b) => b.to_string(),
            ExtValue::Text(t) => t.clone(),
            ExtValue::Date(d) => d.to_string(),
        }
    }
}

impl Place {
    /// True for mobile services (buses, outreach).
    pub fn is_itinerant(&self) -> bool {
        self.itinerance.iter().any(|i| i == "Itinérant")
    }
}

/// An offer run at one or more places: `content/offres/<slug>.md`.
#[derive(Debug, Clone, Serialize)]
pub struct Offer {
    /// File name without `.md`.
    pub slug: String,
    /// The source file.
    #[serde(skip)]
    pub file: FileId,
    /// Title.
    pub titre: String,
    /// Slugs of the places where it runs (all exist).
    pub lieux: Vec<String>,
    /// One-sentence summary.
    pub resume: Option<String>,
    /// Services (vocabulary).
    pub services: Vec<String>,
    /// Publics (vocabulary).
    pub publics_specifiquement_adresses: Vec<String>,
    /// Specific support (vocabulary).
    pub prise_en_charge_specifique: Vec<String>,
    /// Languages the staff can help in besides French (resin's own field): codes of
    /// `data/langues.csv`, each once.
    pub langues: Vec<String>,
    /// Cost (vocabulary).
    pub frais_a_charge: Vec<String>,
    /// How to register (vocabulary of `modalites_acces`).
    pub modalites_acces: Vec<String>,
    /// Kinds of support (vocabulary).
    pub modalites_accompagnement: Vec<String>,
    /// Free text on how to register.
    pub inscription: Option<String>,
    /// Online registration link.
    pub prise_rdv: Option<String>,
    /// When it runs.
    pub calendrier: Schedule,
    /// Markdown body: the description.
    pub description: String,
    /// Last time the record was checked.
    pub date_maj: NaiveDate,
    /// What to bring (resin's own field).
    pub pieces_a_apporter: Vec<String>,
    /// Dated closures and exceptional hours (resin's own field), sorted by start.
    pub fermetures: Vec<Closure>,
    /// Territorial fields that the entry gives, in their order of declaration.
    pub extensions: Vec<(String, ExtValue)>,
}

/// A dated closure of a place or an offer (an item of `fermetures`): closed from `du` to `au`,
/// both days included, or open on other hours then (`horaires`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Closure {
    /// First day.
    pub du: NaiveDate,
    /// Last day (on or after `du`).
    pub au: NaiveDate,
    /// Why, in a few words ("Congés de fin d'année").
    pub motif: Option<String>,
    /// The hours that replace the usual ones during the period (OSM `opening_hours`); `None`
    /// when closed.
    pub horaires: Option<String>,
}

impl Closure {
    /// True when `date` is one of its days.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.du <= date && date <= self.au
    }

    /// The closure of `closures` that covers `date`, if any (they do not overlap).
    pub fn on(closures: &[Closure], date: NaiveDate) -> Option<&Closure> {
        closures.iter().find(|c| c.covers(date))
    }
}

/// When an offer runs: recurring hours or dated sessions.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Schedule {
    /// Recurring hours, OSM `opening_hours` syntax.
    #[serde(rename = "horaires")]
    Hours(String),
    /// Dated sessions, sorted by date and start time.
    #[serde(rename = "seances")]
    Sessions(Vec<Session>),
}

/// One dated session of an offer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Session {
    /// Day.
    pub date: NaiveDate,
    /// Start time.
    pub debut: NaiveTime,
    /// End time.
    pub fin: NaiveTime,
}

/// A free page: `content/pages/<slug>.md`, published at `/<slug>/`.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    /// File name without `.md`.
    pub slug: String,
    /// The source file.
    #[serde(skip)]
    pub file: FileId,
    /// Title (the page's h1).
    pub titre: String,
    /// One-sentence summary (meta description).
    pub resume: Option<String>,
    /// Markdown body.
    pub corps: String,
}

/// Every validated entry, in file path order within each kind. Entries are shared (`Arc`):
/// `resin serve` keeps them from one rebuild to the next.
#[derive(Debug, Clone, Default)]
pub struct Entries {
    /// Places.
    pub places: Vec<Arc<Place>>,
    /// Offers.
    pub offers: Vec<Arc<Offer>>,
    /// Free pages.
    pub pages: Vec<Arc<Page>>,
    /// The entries of the network's space, every section together.
    pub network: Vec<Arc<Publication>>,
}
