//! The network's professional space (`/reseau/`): news, calls for projects, good practices,
//! the exchange board and the agenda, written by the network's animators.

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use crate::source::FileId;

/// The five content types of the network's space, each a folder of `content/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// `content/actualites/`: news.
    #[serde(rename = "actualites")]
    News,
    /// `content/appels-a-projets/`: calls for projects and funding.
    #[serde(rename = "appels-a-projets")]
    CallsForProjects,
    /// `content/bonnes-pratiques/`: good practices and tools, with attachments.
    #[serde(rename = "bonnes-pratiques")]
    GoodPractices,
    /// `content/bourse/`: offers and requests between structures.
    #[serde(rename = "bourse")]
    Exchange,
    /// `content/agenda/`: the network's events.
    Agenda,
}

impl Section {
    /// Every section, in the order of the menu.
    pub const ALL: [Section; 5] =
        [Section::News, Section::CallsForProjects, Section::GoodPractices, Section::Exchange, Section::Agenda];

    /// The folder under `content/`, and under `/reseau/` in the site.
    pub fn folder(self) -> &'static str {
        match self {
            Section::News => "actualites",
            Section::CallsForProjects => "appels-a-projets",
            Section::GoodPractices => "bonnes-pratiques",
            Section::Exchange => "bourse",
            Section::Agenda => "agenda",
        }
    }

    /// The section's title.
    pub fn title(self) -> &'static str {
        match self {
            Section::News => "Actualités",
            Section::CallsForProjects => "Appels à projets",
            Section::GoodPractices => "Bonnes pratiques",
            Section::Exchange => "Bourse d'échanges",
            Section::Agenda => "Agenda du réseau",
        }
    }

    /// What one entry is called ("une actualité").
    pub fn one(self) -> &'static str {
        match self {
            Section::News => "actualité",
            Section::CallsForProjects => "appel à projets",
            Section::GoodPractices => "bonne pratique",
            Section::Exchange => "annonce",
            Section::Agenda => "événement",
        }
    }
}

/// One entry of the network's space: what every type has, and what is its own.
#[derive(Debug, Clone, Serialize)]
pub struct Publication {
    /// Its section.
    pub section: Section,
    /// File name without `.md`: the page is `/reseau/<section>/<slug>/`.
    pub slug: String,
    /// The source file.
    #[serde(skip)]
    pub file: FileId,
    /// Title.
    pub titre: String,
    /// One-sentence summary.
    pub resume: Option<String>,
    /// Tags, as written (lowercase); each has a page `/reseau/etiquettes/<slug>/`.
    pub etiquettes: Vec<String>,
    /// Slugs of the places it concerns (all exist); an event's venue comes first.
    pub lieux: Vec<String>,
    /// The structure that writes, shares, offers or organises.
    pub structure: Option<String>,
    /// The date it is listed and fed by: publication (news, good practices, ads), opening
    /// (calls) or first day (events).
    pub date: NaiveDate,
    /// Markdown body.
    pub corps: String,
    /// What its type adds.
    pub detail: Detail,
}

/// The fields of each type.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    /// News.
    #[serde(rename = "actualite")]
    News {
        /// Who wrote it.
        auteur: Option<String>,
        /// Illustration.
        image: Option<Image>,
    },
    /// A call for projects.
    #[serde(rename = "appel")]
    Call(Call),
    /// A good practice.
    #[serde(rename = "bonne_pratique")]
    GoodPractice {
        /// Services of the standard it is about.
        services: Vec<String>,
        /// Publics of the standard it is for.
        publics: Vec<String>,
        /// Files to download.
        pieces_jointes: Vec<Attachment>,
        /// Licence of the shared material.
        licence: Option<String>,
    },
    /// An ad of the exchange board.
    #[serde(rename = "annonce")]
    Announcement(Announcement),
    /// An event.
    #[serde(rename = "evenement")]
    Event(Event),
}

/// An image and its alternative text.
#[derive(Debug, Clone, Serialize)]
pub struct Image {
    /// Path under `content/` (and in the site), `/`-separated.
    pub fichier: String,
    /// Alternative text.
    pub alt: String,
}

/// A file to download.
#[derive(Debug, Clone, Serialize)]
pub struct Attachment {
    /// Path under `content/` (and in the site).
    pub fichier: String,
    /// What it is ("Guide de l'animateur").
    pub titre: String,
}

/// How to reach someone.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Contact {
    /// Name.
    pub nom: Option<String>,
    /// E-mail address.
    pub courriel: Option<String>,
    /// Phone number in E.164.
    pub telephone: Option<String>,
}

/// A call for projects or funding.
#[derive(Debug, Clone, Serialize)]
pub struct Call {
    /// Who funds it.
    pub financeur: String,
    /// Smallest amount, in euros.
    pub montant_min: Option<u64>,
    /// Largest amount, in euros.
    pub montant_max: Option<u64>,
    /// First day applications are accepted.
    pub ouverture: NaiveDate,
    /// Last day.
    pub cloture: NaiveDate,
    /// Who may apply.
    pub structures_eligibles: Vec<String>,
    /// Where.
    pub territoire: Option<String>,
    /// The official text.
    pub lien: String,
    /// Whom to ask.
    pub contact: Contact,
}

/// Where a call stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallState {
    /// Open.
    #[serde(rename = "ouvert")]
    Open,
    /// Not open yet.
    #[serde(rename = "a_venir")]
    Upcoming,
    /// Closed: in the archive.
    #[serde(rename = "clos")]
    Closed,
}

impl Call {
    /// Where the call stands on `today`.
    pub fn state(&self, today: NaiveDate) -> CallState {
        if today > self.cloture {
            CallState::Closed
        } else if today < self.ouverture {
            CallState::Upcoming
        } else {
            CallState::Open
        }
    }
}

/// Offer or request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Nature {
    /// The structure offers something.
    Offer,
    /// The structure looks for something.
    Need,
}

/// The categories of the exchange board.
pub(crate) const CATEGORIES: &[&str] =
    &["Matériel", "Locaux", "Bénévoles", "Compétences", "Places en formation", "Autre"];

/// An ad of the exchange board.
#[derive(Debug, Clone, Serialize)]
pub struct Announcement {
    /// Offer or request.
    pub nature: Nature,
    /// One of [`CATEGORIES`].
    pub categorie: String,
    /// Commune of the structure.
    pub commune: String,
    /// Whom to contact (an e-mail or a phone at least).
    pub contact: Contact,
    /// Last day it is shown.
    pub expiration: NaiveDate,
}

impl Announcement {
    /// True once the ad's last day has passed: it leaves the lists, its file stays.
    pub fn expired(&self, today: NaiveDate) -> bool {
        today > self.expiration
    }
}

/// A network event.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    /// Last day, for an event over several days.
    pub date_fin: Option<NaiveDate>,
    /// Start time (each day).
    pub debut: NaiveTime,
    /// End time (each day).
    pub fin: NaiveTime,
    /// The place it is held at (a place slug), or…
    pub lieu: Option<String>,
    /// …a free address.
    pub adresse: Option<String>,
    /// The commune of a free address.
    pub commune: Option<String>,
    /// Registration link.
    pub inscription: Option<String>,
}

impl Event {
    /// The free address with its commune ("40 rue des Jardins, Villeurbanne").
    pub fn free_address(&self) -> Option<String> {
        let adresse = self.adresse.as_ref()?;
        Some(match &self.commune {
            Some(commune) => format!("{adresse}, {commune}"),
            None => adresse.clone(),
        })
    }
}

impl Publication {
    /// The last day the entry is current: an event's last day, a call's closing, an ad's expiry.
    pub fn last_day(&self) -> Option<NaiveDate> {
        match &self.detail {
            Detail::Call(a) => Some(a.cloture),
            Detail::Announcement(a) => Some(a.expiration),
            Detail::Event(e) => Some(e.date_fin.unwrap_or(self.date)),
            _ => None,
        }
    }

    /// The files under `content/` it shows or offers to download.
    pub fn files(&self) -> Vec<&str> {
        match &self.detail {
            Detail::News { image: Some(image), .. } => vec![image.fichier.as_str()],
            Detail::GoodPractice { pieces_jointes, .. } => pieces_jointes.iter().map(|p| p.fichier.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    /// True when the entry is out of date on `today`: a closed call, an expired ad, a past
    /// event. Closed calls and past events go to their archive; expired ads leave the lists.
    pub fn is_past(&self, today: NaiveDate) -> bool {
        self.last_day().is_some_and(|day| day < today)
    }
}
