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
    /// What kind of offer it is, when the entry says (`type`, resin's own field); see
    /// [`Offer::kind`].
    #[serde(rename = "type")]
    pub kind: Option<OfferKind>,
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

impl Offer {
    /// What kind of offer it is: its `type`, or else what its `modalites_accompagnement` say
    /// (a collective workshop, one-to-one help, equipment to use alone; in data·inclusion's
    /// order when they say more than one); `None` when neither says.
    pub fn kind(&self) -> Option<OfferKind> {
        self.kind.or_else(|| OfferKind::from_support(&self.modalites_accompagnement))
    }
}

/// The kind of an offer (its `type`); serialised as the content writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OfferKind {
    /// A collective workshop, one or a few sessions (`Atelier`).
    Workshop,
    /// One-to-one help, drop-in or by appointment (`Permanence`).
    DropIn,
    /// A course of several sessions that builds skills, sometimes certified (`Formation`).
    Training,
    /// Equipment to use alone: computers, printer, wifi (`Accès libre`).
    OpenAccess,
}

impl OfferKind {
    /// Every kind, in the order the editor lists them.
    pub const ALL: [OfferKind; 4] = [Self::Workshop, Self::DropIn, Self::Training, Self::OpenAccess];

    /// The values of `type` as the content writes them, in the order of [`Self::ALL`].
    pub const VALUES: &'static [&'static str] = &["Atelier", "Permanence", "Formation", "Accès libre"];

    /// The folders of the lists of offers by kind, in the order of [`Self::ALL`]: no offer may
    /// take one of these names.
    pub const SLUGS: &'static [&'static str] = &["ateliers", "aide-individuelle", "formations", "acces-libre"];

    /// The value of `type` that gives this kind.
    pub fn value(self) -> &'static str {
        Self::VALUES[self as usize]
    }

    /// The kind that kinds of support (`modalites_accompagnement`) say, in data·inclusion's
    /// order when they say more than one (its export maps them the same way: a test there
    /// checks it).
    pub fn from_support(modes: &[String]) -> Option<OfferKind> {
        let says = |value: &str| modes.iter().any(|m| m == value);
        [
            ("En autonomie", OfferKind::OpenAccess),
            ("Dans un atelier collectif", OfferKind::Workshop),
            ("Accompagnement individuel", OfferKind::DropIn),
        ]
        .into_iter()
        .find_map(|(value, kind)| says(value).then_some(kind))
    }

    /// The kind a value of [`Self::VALUES`] gives.
    pub fn from_value(value: &str) -> Option<OfferKind> {
        Self::ALL.into_iter().find(|k| k.value() == value)
    }

    /// The folder of the list of offers of this kind: `/offres/<slug>/`.
    pub fn slug(self) -> &'static str {
        Self::SLUGS[self as usize]
    }

    /// The title of the list of offers of this kind.
    pub fn list_title(self) -> &'static str {
        match self {
            Self::Workshop => "Ateliers collectifs",
            Self::DropIn => "Aide individuelle",
            Self::Training => "Formations",
            Self::OpenAccess => "Accès libre au matériel",
        }
    }

    /// As the web editor lists it: the words the site shows, and the value for a drop-in.
    pub fn editor_label(self) -> &'static str {
        match self {
            Self::Workshop => "Atelier collectif",
            Self::DropIn => "Permanence : aide individuelle",
            Self::Training => "Formation",
            Self::OpenAccess => "Accès libre au matériel",
        }
    }

    /// In the words residents use, to show on a page or a card.
    pub fn label(self) -> &'static str {
        match self {
            Self::Workshop => "Atelier collectif",
            Self::DropIn => "Aide individuelle",
            Self::Training => "Formation",
            Self::OpenAccess => "Accès libre",
        }
    }
}

impl Serialize for OfferKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.value())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(kind: Option<OfferKind>, modes: &[&str]) -> Offer {
        Offer {
            slug: "o".into(),
            file: FileId(0),
            titre: "O".into(),
            kind,
            lieux: vec![],
            resume: None,
            services: vec![],
            publics_specifiquement_adresses: vec![],
            prise_en_charge_specifique: vec![],
            langues: vec![],
            frais_a_charge: vec![],
            modalites_acces: vec![],
            modalites_accompagnement: modes.iter().map(|m| m.to_string()).collect(),
            inscription: None,
            prise_rdv: None,
            calendrier: Schedule::Hours("Mo 10:00-12:00".into()),
            description: String::new(),
            date_maj: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            pieces_a_apporter: vec![],
            fermetures: vec![],
            extensions: vec![],
        }
    }

    #[test]
    fn an_offers_kind_is_its_own_or_what_its_kinds_of_support_say() {
        let collective = ["Accompagnement individuel", "Dans un atelier collectif"];
        assert_eq!(offer(Some(OfferKind::Training), &collective).kind(), Some(OfferKind::Training));
        assert_eq!(offer(None, &collective).kind(), Some(OfferKind::Workshop));
        assert_eq!(offer(None, &["Accompagnement individuel"]).kind(), Some(OfferKind::DropIn));
        assert_eq!(offer(None, &["Dans un atelier collectif", "En autonomie"]).kind(), Some(OfferKind::OpenAccess));
        assert_eq!(offer(None, &["À distance"]).kind(), None);
        assert_eq!(offer(None, &[]).kind(), None);
    }

    #[test]
    fn every_kind_has_its_value_and_label() {
        for kind in OfferKind::ALL {
            assert_eq!(OfferKind::from_value(kind.value()), Some(kind));
            assert!(!kind.label().is_empty());
        }
        assert_eq!(OfferKind::VALUES.len(), OfferKind::ALL.len());
        assert_eq!(OfferKind::SLUGS.len(), OfferKind::ALL.len());
    }
}
