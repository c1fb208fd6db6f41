//! Every kind of content problem, with its stable code, its severity and its French text.

use std::fmt;

pub use super::detail::{Declared, ExtensionMismatch, Found, LikelyPostcodes};
use super::media::{SpecialKind, SvgHazard};
use super::site::SiteKind;
use super::{CopiedPlace, Severity, Shape};

/// What is wrong. The `Display` text says the problem; [`Kind::help`] says how to fix it.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// The file is not valid UTF-8.
    NotUtf8,
    /// A content file does not start with a `---` line.
    MissingFrontMatter,
    /// The front matter has no closing `---` line.
    UnclosedFrontMatter,
    /// The YAML could not be parsed.
    YamlSyntax {
        /// What the parser found wrong.
        problem: super::YamlProblem,
    },
    /// A field written twice.
    DuplicateField {
        /// Field name.
        field: String,
    },
    /// The front matter is not a mapping of fields.
    NotAMapping,
    /// A required field is absent.
    MissingField {
        /// Field name.
        field: String,
    },
    /// A required field is present but empty.
    EmptyField {
        /// Field name.
        field: String,
    },
    /// A code (`code_postal`, `code_insee`, `pivot`) written as a YAML number.
    CodeAsNumber {
        /// Field name.
        field: String,
        /// The number as read.
        value: String,
        /// For `code_postal`, as for [`Kind::PostalCode`].
        commune: Option<Box<LikelyPostcodes>>,
    },
    /// A field has the wrong type.
    WrongType {
        /// Field name (dotted path for nested fields).
        field: String,
        /// What the field takes.
        expected: Shape,
        /// What was written.
        found: Shape,
    },
    /// A field that the content type does not know.
    UnknownField {
        /// The field as written.
        field: String,
        /// The closest known field, if any is close.
        suggestion: Option<String>,
        /// Every known field, for the help text when nothing is close.
        known: Vec<&'static str>,
    },
    /// A value outside the standard's vocabulary.
    NotInVocabulary {
        /// Field name.
        field: String,
        /// The value as written.
        value: String,
        /// The closest allowed value, if any.
        suggestion: Option<String>,
        /// True when the value only differs by case, accents or apostrophes.
        only_spelling: bool,
    },
    /// A value outside a short list of resin's own (an offer's `type`, an ad's `nature`).
    NotAChoice {
        /// Field name.
        field: String,
        /// The value as written.
        value: String,
        /// Every allowed value: the help names the closest, or all of them.
        allowed: &'static [&'static str],
    },
    /// A list value holding `|`, the separator of list values in the exports.
    PipeInValue {
        /// Field name.
        field: String,
    },
    /// A list item with an unclosed bracket: in `[a (b, c)]` the comma cut it in two.
    ListCut {
        /// Field name.
        field: String,
        /// The item as YAML read it.
        value: String,
    },
    /// A Markdown body nested too deep.
    BodyTooDeep {
        /// Its depth.
        depth: usize,
        /// The most allowed.
        max: usize,
    },
    /// A text holding a control character (NUL, escape…) or an invisible format character.
    ControlCharacter {
        /// Field name.
        field: String,
        /// The character's code point, as `U+0000`.
        code: String,
    },
    /// A text that starts with a sign a spreadsheet reads as a formula.
    FormulaStart {
        /// Field name.
        field: String,
        /// The sign (`=`, `+`, `-`, `@`, tab or carriage return).
        sign: char,
    },
    /// A text holding the replacement character `�` (U+FFFD): a character lost in decoding.
    ReplacementCharacter {
        /// Field name (`texte` for the Markdown body).
        field: String,
    },
    /// A text shorter than allowed.
    TooShort {
        /// Field name.
        field: String,
        /// Shortest allowed length in characters.
        min: usize,
        /// Actual length in characters.
        len: usize,
    },
    /// A text longer than allowed.
    TooLong {
        /// Field name.
        field: String,
        /// Allowed length in characters.
        max: usize,
        /// Actual length in characters.
        len: usize,
    },
    /// `code_postal` is not five digits written as text.
    PostalCode {
        /// The value as written.
        value: String,
        /// The commune, when the territory's list knows it, and its postcodes likely meant.
        commune: Option<Box<LikelyPostcodes>>,
    },
    /// `code_insee` is not a five-character INSEE code.
    InseeCode {
        /// The value as written.
        value: String,
    },
    /// `pivot` is neither a SIRET nor an RNA number.
    Pivot {
        /// The value as written.
        value: String,
    },
    /// A phone number that no common French form explains.
    Phone {
        /// The value as written.
        value: String,
    },
    /// An e-mail address that is not one.
    Email {
        /// The value as written.
        value: String,
    },
    /// A URL that is not an absolute http(s) URL.
    Url {
        /// The value as written.
        value: String,
        /// The refused scheme, when there is one (`javascript`, `ftp`…).
        scheme: Option<String>,
    },
    /// Coordinates outside the territory's bounding box.
    CoordinatesOutside {
        /// Latitude as written.
        latitude: f64,
        /// Longitude as written.
        longitude: f64,
        /// Territory name from `site.yaml`.
        territory: String,
    },
    /// Latitude and longitude swapped.
    CoordinatesSwapped {
        /// Latitude as written.
        latitude: f64,
        /// Longitude as written.
        longitude: f64,
    },
    /// Lambert-93 metres instead of degrees.
    CoordinatesLambert93 {
        /// Latitude as written.
        latitude: f64,
        /// Longitude as written.
        longitude: f64,
    },
    /// Only one of latitude and longitude is given.
    CoordinatesIncomplete {
        /// The field that is missing.
        missing: &'static str,
    },
    /// A commune that is not in the territory's list.
    UnknownCommune {
        /// The name as written.
        value: String,
        /// The closest commune name.
        suggestion: Option<String>,
    },
    /// A commune written two ways (they would share one page).
    CommuneVariant {
        /// The name as written here.
        value: String,
        /// The first spelling met.
        first: String,
        /// The file holding the first spelling.
        other: String,
    },
    /// A postcode or INSEE code that is not the commune's.
    CommuneMismatch {
        /// `code_postal` or `code_insee`.
        field: &'static str,
        /// The code as written.
        value: String,
        /// The commune.
        commune: String,
        /// The commune's codes.
        expected: Vec<String>,
    },
    /// `horaires` is not valid OSM `opening_hours`.
    Hours {
        /// What is wrong.
        problem: crate::hours::HoursProblem,
        /// The OSM value of hours written the French way, when it is read without doubt.
        proposal: Option<String>,
    },
    /// A date that is not a real `YYYY-MM-DD` date.
    Date {
        /// Field name.
        field: String,
        /// The value as written.
        value: String,
    },
    /// A time that is not `HH:MM`.
    Time {
        /// Field name.
        field: String,
        /// The value as written.
        value: String,
    },
    /// `date_maj` in the future.
    DateInFuture {
        /// The date as written.
        value: String,
        /// Today's date.
        today: String,
    },
    /// A session ends before it starts.
    SessionEndsBeforeStart {
        /// Start time.
        start: String,
        /// End time.
        end: String,
    },
    /// An offer has both `horaires` and `seances`, or neither.
    OfferSchedule {
        /// True when both are present.
        both: bool,
    },
    /// An offer names a place slug that does not exist.
    UnknownPlace {
        /// The slug as written.
        slug: String,
        /// The closest existing slug.
        suggestion: Option<String>,
    },
    /// An image without its alternative text.
    ImageWithoutAlt {
        /// The image's field.
        field: String,
        /// The image as written.
        path: String,
    },
    /// A date that must not come before another does.
    DatesOutOfOrder {
        /// The later field.
        field: &'static str,
        /// Its date.
        value: String,
        /// The field it must not precede.
        earlier: &'static str,
        /// That field's date.
        earlier_value: String,
    },
    /// `montant_max` is smaller than `montant_min`.
    AmountsOutOfOrder {
        /// Smallest amount.
        min: u64,
        /// Largest amount.
        max: u64,
    },
    /// A tag that is not written as tags are.
    InvalidTag {
        /// The tag as written.
        value: String,
        /// How to write it, when it can be said.
        suggestion: Option<String>,
    },
    /// A tag spelled differently elsewhere (the two would share a page).
    TagVariant {
        /// This spelling.
        value: String,
        /// The first spelling met.
        first: String,
        /// The file where it was met.
        other: String,
    },
    /// A file named by an entry that is not in `content/`.
    UnknownFile {
        /// The field.
        field: String,
        /// The path as written.
        path: String,
        /// The closest file that exists.
        suggestion: Option<String>,
    },
    /// A file of a format the field does not take.
    FileFormat {
        /// The field.
        field: String,
        /// The path as written.
        path: String,
        /// The accepted extensions.
        allowed: &'static [&'static str],
    },
    /// An ad of the exchange board with no way to answer it.
    NoContact,
    /// An event over more days than the validator allows (`MAX_EVENT_DAYS`).
    EventTooLong {
        /// Its days.
        days: i64,
        /// The most.
        max: i64,
    },
    /// An event with both `lieu` and `adresse`, or neither.
    EventPlace {
        /// True when both are given.
        both: bool,
    },
    /// A value of a territorial field (declared in `site.yaml`) of the wrong kind (boxed:
    /// every diagnostic is as large as the largest kind).
    ExtensionValue(Box<ExtensionMismatch>),
    /// Two entries share a slug.
    DuplicateSlug {
        /// The slug.
        slug: String,
        /// The other file.
        other: String,
    },
    /// Two places share an `id`.
    DuplicateId {
        /// The id.
        id: String,
        /// The other file.
        other: String,
    },
    /// A file or folder name that cannot be part of a web address.
    InvalidSlug {
        /// The name as it is.
        name: String,
        /// The name it should have.
        suggestion: String,
    },
    /// A file under `content/` copied as is, at the address of a generated page or folder.
    AssetConflict {
        /// The file's path.
        path: String,
    },
    /// A page whose slug is the address of a section of the site.
    ReservedSlug {
        /// The slug.
        slug: String,
    },
    /// A file of `content/` in a format that is not published (`.html`, `.js`…).
    UnpublishedFormat {
        /// The file's path.
        path: String,
        /// Its extension, in lower case (empty when it has none).
        extension: String,
    },
    /// An SVG image of `content/` that could run a script.
    ActiveSvg {
        /// The file's path.
        path: String,
        /// What was found.
        reason: SvgHazard,
    },
    /// An SVG image too large to be read.
    SvgTooLarge {
        /// The file's path.
        path: String,
        /// Its size in bytes.
        size: u64,
        /// The largest read.
        max: u64,
    },
    /// A symbolic link under `content/` that points outside it.
    SymlinkOutside {
        /// The link's path.
        path: String,
    },
    /// Something under `content/` that is neither a regular file nor a folder (a named pipe, a
    /// socket, a device), or a link to one: reading it could wait forever (issue 19).
    SpecialFile {
        /// Its path.
        path: String,
        /// What it is.
        what: SpecialKind,
    },
    /// A problem of `site.yaml` or of the communes file it names that entries do not share.
    Site(SiteKind),
    /// `resin fmt`: a file out of the canonical style, or left alone.
    Style(super::StyleKind),
    /// A problem of a dated closure (`fermetures`).
    Closure(super::ClosureKind),
    /// A problem of a value of `langues`.
    Language(super::LanguageKind),
    /// Warning: a Markdown file outside `lieux/`, `offres/` and `pages/`, copied as it is.
    StrayEntry {
        /// The file's path.
        path: String,
        /// Where it probably belongs (`content/lieux/x.md`).
        suggestion: String,
    },
    /// Warning: `date_maj` older than 12 months.
    StaleDate {
        /// The date as written.
        value: String,
    },
    /// Warning: a place without `horaires`.
    NoHours,
    /// Warning: a place without coordinates.
    NoCoordinates,
    /// Warning: a place without `services`.
    NoServices,
    /// Warning: a place shares the e-mail and phone, Acceslibre sheet or presentation of a place
    /// with another name.
    CopiedPlace(Box<CopiedPlace>),
}

impl Kind {
    /// Stable identifier of the kind, used by the JSON and CI formats.
    pub fn code(&self) -> &'static str {
        match self {
            Kind::NotUtf8 => "encodage",
            Kind::MissingFrontMatter => "entete-absente",
            Kind::UnclosedFrontMatter => "entete-non-fermee",
            Kind::YamlSyntax { .. } => "yaml",
            Kind::NotAMapping => "entete-invalide",
            Kind::DuplicateField { .. } => "champ-en-double",
            Kind::MissingField { .. } => "champ-manquant",
            Kind::EmptyField { .. } => "champ-vide",
            Kind::CodeAsNumber { .. } => "code-nombre",
            Kind::WrongType { .. } => "type",
            Kind::UnknownField { .. } => "champ-inconnu",
            Kind::NotInVocabulary { .. } | Kind::NotAChoice { .. } => "vocabulaire",
            Kind::TooLong { .. } => "trop-long",
            Kind::TooShort { .. } => "trop-court",
            Kind::FormulaStart { .. } => "formule",
            Kind::ReplacementCharacter { .. } => "caractere-de-remplacement",
            Kind::PipeInValue { .. } => "barre-verticale",
            Kind::ListCut { .. } => "liste-coupee",
            Kind::ControlCharacter { .. } => "caractere-de-controle",
            Kind::BodyTooDeep { .. } => "texte-trop-imbrique",
            Kind::PostalCode { .. } => "code-postal",
            Kind::InseeCode { .. } => "code-insee",
            Kind::Pivot { .. } => "pivot",
            Kind::Phone { .. } => "telephone",
            Kind::Email { .. } => "courriel",
            Kind::Url { .. } => "url",
            Kind::CoordinatesOutside { .. } => "coordonnees-hors-territoire",
            Kind::CoordinatesSwapped { .. } => "coordonnees-inversees",
            Kind::CoordinatesLambert93 { .. } => "coordonnees-lambert93",
            Kind::CoordinatesIncomplete { .. } => "coordonnees-incompletes",
            Kind::UnknownCommune { .. } => "commune-inconnue",
            Kind::CommuneMismatch { .. } => "commune-incoherente",
            Kind::CommuneVariant { .. } => "commune-orthographe",
            Kind::Hours { .. } => "horaires",
            Kind::Date { .. } => "date",
            Kind::Time { .. } => "heure",
            Kind::DateInFuture { .. } => "date-future",
            Kind::SessionEndsBeforeStart { .. } => "seance",
            Kind::OfferSchedule { .. } => "offre-horaires-seances",
            Kind::UnknownPlace { .. } => "lieu-inconnu",
            Kind::ImageWithoutAlt { .. } => "texte-alternatif",
            Kind::DatesOutOfOrder { .. } => "dates-inversees",
            Kind::AmountsOutOfOrder { .. } => "montants-inverses",
            Kind::InvalidTag { .. } => "etiquette",
            Kind::TagVariant { .. } => "etiquette-orthographe",
            Kind::UnknownFile { .. } => "fichier-introuvable",
            Kind::FileFormat { .. } => "format-de-fichier",
            Kind::NoContact => "contact-manquant",
            Kind::EventPlace { .. } => "evenement-lieu",
            Kind::EventTooLong { .. } => "evenement-trop-long",
            Kind::ExtensionValue(_) => "extension",
            Kind::DuplicateSlug { .. } => "slug-en-double",
            Kind::DuplicateId { .. } => "id-en-double",
            Kind::InvalidSlug { .. } => "nom-de-fichier",
            Kind::ReservedSlug { .. } => "nom-reserve",
            Kind::AssetConflict { .. } => "fichier-en-conflit",
            Kind::UnpublishedFormat { .. } => "format-non-publie",
            Kind::ActiveSvg { .. } => "svg-actif",
            Kind::SvgTooLarge { .. } => "svg-trop-lourd",
            Kind::SymlinkOutside { .. } => "lien-symbolique",
            Kind::SpecialFile { .. } => "fichier-special",
            Kind::Site(_) => "configuration",
            Kind::Style(kind) => kind.code(),
            Kind::Closure(kind) => kind.code(),
            Kind::Language(kind) => kind.code(),
            Kind::StrayEntry { .. } => "fiche-hors-dossier",
            Kind::StaleDate { .. } => "date-ancienne",
            Kind::CopiedPlace(_) => "fiche-copiee",
            Kind::NoHours => "horaires-absents",
            Kind::NoCoordinates => "coordonnees-absentes",
            Kind::NoServices => "services-absents",
        }
    }

    /// Warnings never fail a build unless `--strict`.
    pub fn severity(&self) -> Severity {
        match self {
            Kind::StaleDate { .. }
            | Kind::NoHours
            | Kind::NoCoordinates
            | Kind::NoServices
            | Kind::StrayEntry { .. }
            | Kind::CopiedPlace(_) => Severity::Warning,
            Kind::Closure(kind) => kind.severity(),
            Kind::Language(kind) => kind.severity(),
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::NotUtf8 => write!(f, "le fichier n'est pas encodé en UTF-8"),
            Kind::MissingFrontMatter => write!(f, "l'en-tête `---` est absent au début du fichier"),
            Kind::UnclosedFrontMatter => write!(f, "l'en-tête n'est pas fermé par une ligne `---`"),
            Kind::YamlSyntax { problem } => write!(f, "erreur de syntaxe YAML : {problem}"),
            Kind::NotAMapping => write!(f, "l'en-tête n'est pas une liste de champs"),
            Kind::DuplicateField { field } => write!(f, "le champ `{field}` est écrit deux fois"),
            Kind::MissingField { field } => write!(f, "champ obligatoire manquant : `{field}`"),
            Kind::EmptyField { field } => write!(f, "le champ obligatoire `{field}` est vide"),
            Kind::CodeAsNumber { field, value, .. } => {
                write!(
                    f,
                    "`{field}` est écrit comme un nombre ({value}) : un code s'écrit comme du texte, entre guillemets"
                )
            }
            Kind::WrongType { field, expected, found } => {
                write!(f, "`{field}` doit être {expected}, pas {found}")
            }
            Kind::UnknownField { field, suggestion: Some(s), .. } => {
                write!(f, "champ inconnu `{field}` : vouliez-vous dire `{s}` ?")
            }
            Kind::UnknownField { field, .. } => write!(f, "champ inconnu `{field}`"),
            Kind::NotInVocabulary { field, value, .. } | Kind::NotAChoice { field, value, .. } => {
                write!(f, "valeur « {value} » inconnue pour `{field}`")
            }
            Kind::ListCut { field, value } => {
                write!(f, "un élément de `{field}` s'arrête au milieu d'une parenthèse : « {value} »")
            }
            Kind::PipeInValue { field } => {
                write!(f, "une valeur de `{field}` contient « | », qui sépare les valeurs dans les exports CSV et JSON")
            }
            Kind::BodyTooDeep { depth, max } => {
                write!(
                    f,
                    "le texte est imbriqué sur {depth} niveaux (listes, citations ou balises HTML) : {max} au plus"
                )
            }
            Kind::ControlCharacter { field, code } => {
                write!(f, "`{field}` contient un caractère de contrôle ou invisible ({code})")
            }
            Kind::FormulaStart { field, sign } => write!(
                f,
                "`{field}` commence par {} : un tableur qui ouvre les exports CSV la lirait comme une formule",
                super::help::formula_sign_name(*sign)
            ),
            Kind::ReplacementCharacter { field } => {
                // The Markdown body is no field: it is named as "le texte".
                let what = if field == "texte" { "le texte".to_string() } else { format!("`{field}`") };
                write!(
                    f,
                    "{what} contient « \u{FFFD} » (U+FFFD) : un caractère a été perdu quand le texte a été mal décodé"
                )
            }
            Kind::TooShort { field, min, len } => {
                let unit = if *len > 1 { "caractères" } else { "caractère" };
                write!(f, "`{field}` est trop court : {len} {unit} pour {min} au moins")
            }
            Kind::TooLong { field, max, len } => {
                write!(f, "`{field}` est trop long : {len} caractères pour {max} au plus")
            }
            Kind::PostalCode { value, .. } => write!(f, "code postal invalide « {value} » : cinq chiffres attendus"),
            Kind::InseeCode { value } => write!(f, "code INSEE invalide « {value} » : cinq caractères attendus"),
            Kind::Pivot { value } => write!(f, "`pivot` invalide « {value} » : SIRET ou RNA attendu"),
            Kind::Phone { value } => write!(f, "numéro de téléphone invalide « {value} »"),
            Kind::Email { value } => write!(f, "adresse électronique invalide « {value} »"),
            Kind::Url { value, scheme: Some(s) } => {
                write!(f, "adresse « {value} » refusée : le protocole `{s}:` n'est pas autorisé")
            }
            Kind::Url { value, .. } => write!(f, "adresse web invalide « {value} »"),
            Kind::CoordinatesOutside { latitude, longitude, territory } => {
                write!(f, "les coordonnées ({latitude}, {longitude}) sont hors du territoire « {territory} »")
            }
            Kind::CoordinatesSwapped { latitude, longitude } => write!(
                f,
                "latitude et longitude inversées : ({latitude}, {longitude}) tombe dans le territoire une fois les deux valeurs échangées"
            ),
            Kind::CoordinatesLambert93 { latitude, longitude } => write!(
                f,
                "coordonnées en mètres Lambert 93 ({latitude}, {longitude}) : des degrés décimaux sont attendus"
            ),
            Kind::CoordinatesIncomplete { missing } => write!(f, "coordonnées incomplètes : `{missing}` manque"),
            Kind::UnknownCommune { value, .. } => write!(f, "commune « {value} » inconnue dans le territoire"),
            Kind::CommuneVariant { value, first, other } => {
                write!(f, "commune « {value} » écrite autrement que dans {other} (« {first} »)")
            }
            Kind::CommuneMismatch { field, value, commune, .. } => {
                write!(f, "`{field}` « {value} » ne correspond pas à la commune « {commune} »")
            }
            Kind::Hours { problem, .. } => write!(f, "horaires illisibles : {problem}"),
            Kind::Date { field, value } => write!(f, "date invalide pour `{field}` : « {value} »"),
            Kind::Time { field, value } => write!(f, "heure invalide pour `{field}` : « {value} »"),
            Kind::DateInFuture { value, .. } => write!(f, "`date_maj` est dans le futur : {value}"),
            Kind::SessionEndsBeforeStart { start, end } => {
                write!(f, "la séance finit ({end}) avant de commencer ({start})")
            }
            Kind::OfferSchedule { both: true } => write!(f, "l'offre a à la fois `horaires` et `seances`"),
            Kind::OfferSchedule { both: false } => write!(f, "l'offre n'a ni `horaires` ni `seances`"),
            Kind::UnknownPlace { slug, .. } => write!(f, "lieu inconnu « {slug} »"),
            Kind::ImageWithoutAlt { field, path } => {
                write!(f, "l'image « {path} » n'a pas de texte alternatif (`{field}_alt`)")
            }
            Kind::DatesOutOfOrder { field, value, earlier, earlier_value } => {
                write!(f, "`{field}` ({value}) est avant `{earlier}` ({earlier_value})")
            }
            Kind::AmountsOutOfOrder { min, max } => {
                write!(f, "`montant_max` ({max} €) est plus petit que `montant_min` ({min} €)")
            }
            Kind::InvalidTag { value, .. } => write!(f, "étiquette « {value} » mal écrite"),
            Kind::TagVariant { value, first, other } => {
                write!(f, "étiquette « {value} » écrite autrement (« {first} ») dans {other}")
            }
            Kind::UnknownFile { field, path, .. } => {
                write!(f, "`{field}` : le fichier « {path} » n'existe pas dans `content/`")
            }
            Kind::FileFormat { field, path, .. } => write!(f, "`{field}` : « {path} » n'est pas d'un format accepté"),
            Kind::NoContact => write!(f, "ni `courriel` ni `telephone` : personne ne pourra répondre à l'annonce"),
            Kind::EventTooLong { days, max } => {
                write!(f, "l'événement dure {days} jours, plus que les {max} jours permis")
            }
            Kind::EventPlace { both: true } => write!(f, "l'événement a à la fois `lieu` et `adresse`"),
            Kind::EventPlace { both: false } => write!(f, "l'événement n'a ni `lieu` ni `adresse`"),
            Kind::ExtensionValue(value) => {
                let ExtensionMismatch { field, label, expected, found, .. } = value.as_ref();
                write!(f, "`{field}` (« {label} », champ propre au territoire) attend {expected}, pas {found}")
            }
            Kind::DuplicateSlug { .. }
            | Kind::DuplicateId { .. }
            | Kind::InvalidSlug { .. }
            | Kind::AssetConflict { .. }
            | Kind::ReservedSlug { .. }
            | Kind::UnpublishedFormat { .. }
            | Kind::ActiveSvg { .. }
            | Kind::SvgTooLarge { .. }
            | Kind::SymlinkOutside { .. }
            | Kind::SpecialFile { .. } => self.fmt_file(f),
            Kind::Site(kind) => write!(f, "{kind}"),
            Kind::Style(kind) => write!(f, "{kind}"),
            Kind::Closure(kind) => write!(f, "{kind}"),
            Kind::Language(kind) => write!(f, "{kind}"),
            Kind::StaleDate { value } => write!(f, "fiche vérifiée il y a plus de 12 mois (`date_maj: {value}`)"),
            Kind::CopiedPlace(copied) => write!(f, "{copied}"),
            Kind::StrayEntry { path, .. } => write!(
                f,
                "« {path} » n'est dans aucun dossier de fiches : il sera copié tel quel, sans devenir une page"
            ),
            Kind::NoHours => write!(f, "ce lieu n'a pas d'horaires"),
            Kind::NoCoordinates => write!(f, "ce lieu n'a pas de coordonnées"),
            Kind::NoServices => write!(f, "ce lieu ne déclare aucun service"),
        }
    }
}

impl Kind {
    /// The text of the problems of files and names (not of a field's value).
    fn fmt_file(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::DuplicateSlug { slug, other } => write!(f, "« {slug} » est déjà utilisé par {other}"),
            Kind::DuplicateId { id, other } => write!(f, "l'identifiant « {id} » est déjà utilisé par {other}"),
            Kind::InvalidSlug { name, .. } => write!(f, "nom « {name} » impropre à une adresse web"),
            Kind::AssetConflict { path } => write!(f, "le fichier « {path} » occupe l'adresse d'une page du site"),
            Kind::ReservedSlug { slug } => write!(f, "le nom « {slug} » est réservé à une rubrique du site"),
            Kind::UnpublishedFormat { path, extension, .. } if extension.is_empty() => {
                write!(f, "« {path} » n'a pas d'extension : ce fichier ne peut pas être publié")
            }
            Kind::UnpublishedFormat { path, extension, .. } => {
                write!(
                    f,
                    "« {path} » : les fichiers `.{extension}` ne sont pas publiés (un navigateur pourrait y exécuter un script)"
                )
            }
            Kind::ActiveSvg { path, reason } => {
                write!(f, "l'image « {path} » peut exécuter un script : elle contient {reason}")
            }
            Kind::SvgTooLarge { path, size, max } => write!(
                f,
                "l'image « {path} » pèse {} Mo, plus que les {} Mo lus pour une image SVG",
                size.div_ceil(1_000_000),
                max / 1_000_000
            ),
            Kind::SymlinkOutside { path } => {
                let folder = if path.starts_with("content/") { "du dossier `content/`" } else { "du site" };
                write!(f, "le lien symbolique « {path} » pointe hors {folder} : il est refusé")
            }
            Kind::SpecialFile { path, what } => {
                write!(f, "« {path} » n'est ni un fichier ordinaire ni un dossier ({what}) : il est refusé")
            }
            _ => unreachable!("`Display::fmt` sends only the kinds of files and names here"),
        }
    }
}
