//! Every kind of content problem, with its stable code, its severity and its French text.

use std::fmt;

use super::Severity;

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
        /// The parser's message, translated where possible.
        message: String,
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
    },
    /// A field has the wrong type.
    WrongType {
        /// Field name (dotted path for nested fields).
        field: String,
        /// What was expected, in French ("du texte", "une liste"…).
        expected: &'static str,
        /// What was found, in French.
        found: &'static str,
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
        /// What the parser expected, in French.
        message: String,
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
    /// An event over more days than [`crate::validate::reseau::MAX_EVENT_DAYS`].
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
    /// A value of a territorial field (declared in `site.yaml`) of the wrong kind.
    ExtensionValue {
        /// The whole message: the field, its label in `site.yaml`, what it takes and what was
        /// written.
        message: String,
        /// How to write it.
        hint: String,
    },
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
        /// What was found, in French.
        reason: String,
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
        /// What it is, in French (« tube nommé »…).
        what: &'static str,
    },
    /// A problem in `site.yaml` that has no better kind.
    Config {
        /// What is wrong.
        message: String,
    },
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
            Kind::NotInVocabulary { .. } => "vocabulaire",
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
            Kind::ExtensionValue { .. } => "extension",
            Kind::DuplicateSlug { .. } => "slug-en-double",
            Kind::DuplicateId { .. } => "id-en-double",
            Kind::InvalidSlug { .. } => "nom-de-fichier",
            Kind::ReservedSlug { .. } => "nom-reserve",
            Kind::AssetConflict { .. } => "fichier-en-conflit",
            Kind::UnpublishedFormat { .. } => "format-non-publie",
            Kind::ActiveSvg { .. } => "svg-actif",
            Kind::SymlinkOutside { .. } => "lien-symbolique",
            Kind::SpecialFile { .. } => "fichier-special",
            Kind::Config { .. } => "configuration",
            Kind::StrayEntry { .. } => "fiche-hors-dossier",
            Kind::StaleDate { .. } => "date-ancienne",
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
            | Kind::StrayEntry { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// How to fix the problem, in French.
    pub fn help(&self) -> Option<String> {
        Some(match self {
            Kind::NotUtf8 => "enregistrez le fichier en UTF-8 (dans la plupart des éditeurs : « Enregistrer sous » puis l'encodage « UTF-8 »)".into(),
            Kind::MissingFrontMatter => "commencez le fichier par une ligne `---`, les champs, puis une autre ligne `---` avant le texte".into(),
            Kind::UnclosedFrontMatter => "ajoutez une ligne `---` après le dernier champ, avant le texte de présentation".into(),
            Kind::YamlSyntax { .. } => "vérifiez l'indentation (des espaces, pas de tabulation), les deux-points après chaque nom de champ, et mettez entre guillemets les textes qui contiennent `: ` ou `#`".into(),
            Kind::DuplicateField { .. } => "gardez une seule ligne pour ce champ (pour plusieurs valeurs, écrivez une liste : `[a, b]`)".into(),
            Kind::NotAMapping => "l'en-tête doit être une suite de lignes `champ: valeur`".into(),
            Kind::MissingField { field } => match field.split_once("].") {
                // `seances[2].fin`: a field of one item of a list.
                Some((list, sub)) => {
                    let (name, index) = list.split_once('[').unwrap_or((list, "?"));
                    format!("ajoutez `{sub}: …` à l'élément n° {index} de `{name}`")
                }
                None => format!("ajoutez une ligne `{field}: …`"),
            },
            Kind::EmptyField { field } => format!("écrivez la valeur après `{field}:`"),
            Kind::CodeAsNumber { field, value } if value.len() == 5 || field != "code_postal" => {
                format!("écrivez-le entre guillemets : `{field}: \"{value}\"`")
            }
            Kind::CodeAsNumber { field, .. } => {
                format!("écrivez-le entre guillemets avec ses cinq chiffres, zéro initial compris : `{field}: \"01000\"`")
            }
            Kind::WrongType { expected: "un nombre", .. } => {
                "écrivez un nombre sans guillemets, avec un point comme séparateur décimal, par exemple `45.7372`".into()
            }
            Kind::WrongType { expected, .. } => format!("écrivez {expected}"),
            Kind::UnknownField { suggestion: Some(s), .. } => format!("remplacez par `{s}`"),
            Kind::UnknownField { known, .. } => format!("les champs possibles sont : {}", list_or(known)),
            Kind::NotInVocabulary { suggestion: Some(s), only_spelling: true, .. } => {
                format!("écrivez-le exactement comme le standard : « {s} »")
            }
            Kind::NotInVocabulary { suggestion: Some(s), .. } => format!("vouliez-vous dire « {s} » ?"),
            Kind::NotInVocabulary { .. } => "choisissez une valeur de la liste du standard national (voir le README, « Le format du contenu »)".into(),
            Kind::PipeInValue { .. } => "écrivez chaque valeur à part dans la liste : `[première, seconde]`".into(),
            Kind::ListCut { .. } => "entre crochets, chaque virgule sépare deux éléments : écrivez la liste un élément par ligne, chacun après un tiret (`- Vos identifiants (CAF, Ameli)`)".into(),
            Kind::BodyTooDeep { .. } => "aplatissez les listes, citations ou balises HTML imbriquées les unes dans les autres".into(),
            Kind::ControlCharacter { .. } => "retirez ce caractère invisible (souvent venu d'un copier-coller) : retapez la valeur".into(),
            // A Markdown text that opens on a list: `*` marks a list item as well.
            Kind::FormulaStart { field, sign: sign @ ('-' | '+') } if field == "presentation_detail" => format!("pour une liste, marquez ses éléments par `*` au lieu de {} ; sinon, commencez le texte par une phrase : un tableur qui ouvre les exports lirait une formule", crate::validate::rules::formula_sign_name(*sign)),
            Kind::FormulaStart { sign, .. } => format!("commencez la valeur par une lettre ou un chiffre (retirez {}) : les exports sont repris tels quels, un tableur exécuterait la formule", crate::validate::rules::formula_sign_name(*sign)),
            Kind::ReplacementCharacter { .. } => "retapez le caractère perdu (souvent une lettre accentuée : é, è, à, ç) ; si la fiche vient de `resin import`, enregistrez le fichier d'origine en UTF-8 et importez-le à nouveau".into(),
            Kind::TooShort { min, .. } => format!("écrivez le nom complet : data·inclusion en demande {min} caractères au moins"),
            Kind::TooLong { field, max, .. } if field == "nom" => format!("raccourcissez-le à {max} caractères au plus (la limite de data·inclusion) ; le reste va dans la présentation, sous l'en-tête"),
            Kind::TooLong { max, .. } => format!("raccourcissez-le à {max} caractères au plus ; le texte complet va dans la présentation, sous l'en-tête"),
            Kind::PostalCode { .. } => "écrivez cinq chiffres entre guillemets, par exemple `code_postal: \"69008\"`".into(),
            Kind::InseeCode { .. } => "écrivez le code INSEE de la commune (cinq caractères) entre guillemets, par exemple `code_insee: \"69388\"`".into(),
            Kind::Pivot { .. } => "écrivez le SIRET (14 chiffres) ou le numéro RNA (W suivi de 9 chiffres) entre guillemets, ou `\"00000000000000\"` s'il est inconnu".into(),
            Kind::Phone { .. } => "écrivez un numéro français à 10 chiffres, par exemple `04 78 00 00 00` ou `+33 4 78 00 00 00`".into(),
            Kind::Email { .. } => "écrivez une adresse de la forme `nom@domaine.fr`, sans espace".into(),
            Kind::Url { scheme: Some(_), .. } => "seules les adresses web `https://…` ou `http://…` sont acceptées".into(),
            Kind::Url { .. } => "écrivez l'adresse complète, en commençant par `https://`".into(),
            Kind::CoordinatesOutside { .. } => "vérifiez les coordonnées (latitude et longitude en degrés décimaux, WGS 84), par exemple sur openstreetmap.org : clic droit « Afficher l'adresse »".into(),
            Kind::CoordinatesSwapped { latitude, longitude } => format!("échangez les deux valeurs : `latitude: {longitude}` et `longitude: {latitude}`"),
            Kind::CoordinatesLambert93 { .. } => "convertissez-les en degrés décimaux WGS 84 (latitude vers 45.7 et longitude vers 4.8 à Lyon), par exemple avec geoportail.gouv.fr".into(),
            Kind::CoordinatesIncomplete { missing } => format!("ajoutez `{missing}`, ou retirez les deux champs"),
            Kind::UnknownCommune { suggestion: Some(s), .. } => format!("écrivez le nom officiel : « {s} »"),
            Kind::UnknownCommune { .. } => "écrivez le nom de la commune comme l'INSEE (par exemple « Lyon 8e Arrondissement », « Villeurbanne »), ou vérifiez qu'elle est dans le territoire".into(),
            Kind::CommuneVariant { first, .. } => format!("écrivez-la partout de la même façon : « {first} »"),
            Kind::CommuneMismatch { field, commune, expected, .. } => {
                let codes = crate::hours::join_et(expected);
                match (*field, expected.len()) {
                    ("code_postal", 1) => format!("le code postal de {commune} est {codes} : corrigez la commune ou le code"),
                    ("code_postal", _) => format!("les codes postaux de {commune} sont {codes} : corrigez la commune ou le code"),
                    _ => format!("le code INSEE de {commune} est {codes} : corrigez la commune ou le code"),
                }
            }
            Kind::Hours { .. } => "utilisez la syntaxe OpenStreetMap, par exemple `Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off` (Mo Tu We Th Fr Sa Su pour les jours, PH pour les jours fériés)".into(),
            Kind::Date { .. } => "écrivez la date sous la forme AAAA-MM-JJ, par exemple `2026-03-03`".into(),
            Kind::Time { .. } => "écrivez l'heure sous la forme HH:MM entre guillemets, par exemple `\"14:00\"`".into(),
            Kind::DateInFuture { today, .. } => format!("écrivez la date de la dernière vérification, au plus tard aujourd'hui ({today})"),
            Kind::SessionEndsBeforeStart { .. } => "vérifiez les heures de début (`debut`) et de fin (`fin`)".into(),
            Kind::OfferSchedule { both: true } => "gardez `horaires` pour une offre régulière, ou `seances` pour des dates précises, pas les deux".into(),
            Kind::OfferSchedule { both: false } => "ajoutez `horaires: \"We 14:00-16:00\"` pour une offre régulière, ou une liste `seances:` de dates".into(),
            Kind::UnknownPlace { suggestion: Some(s), .. } => format!("vouliez-vous dire « {s} » ?"),
            Kind::UnknownPlace { .. } => "écrivez le nom du fichier du lieu dans `content/lieux/`, sans `.md`".into(),
            Kind::ImageWithoutAlt { field, .. } => format!("ajoutez `{field}_alt: …` : une phrase qui dit ce que montre l'image, lue à voix haute aux personnes qui ne la voient pas"),
            Kind::DatesOutOfOrder { field, earlier, .. } => format!("vérifiez les deux dates : `{field}` est le même jour que `{earlier}` ou après"),
            Kind::AmountsOutOfOrder { .. } => "échangez `montant_min` et `montant_max`, ou corrigez l'un des deux".into(),
            Kind::InvalidTag { suggestion: Some(s), .. } => format!("écrivez « {s} »"),
            Kind::InvalidTag { .. } => "une étiquette s'écrit en minuscules, avec des lettres, des chiffres, des espaces, des tirets ou des apostrophes, en 2 à 40 caractères, par exemple « aidants connect »".into(),
            Kind::TagVariant { first, .. } => format!("écrivez-la partout de la même façon : « {first} »"),
            Kind::UnknownFile { suggestion: Some(s), .. } => format!("vouliez-vous dire « {s} » ?"),
            Kind::UnknownFile { .. } => "vérifiez le chemin, écrit à partir de `content/` (`medias/guide.pdf` pour le fichier `content/medias/guide.pdf`), ou déposez le fichier à cet endroit".into(),
            Kind::FileFormat { allowed, .. } => format!("formats acceptés : {}", list_or(allowed)),
            Kind::NoContact => "ajoutez `courriel: …` ou `telephone: …`".into(),
            Kind::EventTooLong { max, .. } => format!("vérifiez `date_fin` (l'année ?) ; un événement plus long que {max} jours s'écrit en plusieurs fiches, ou comme une offre"),
            Kind::EventPlace { .. } => "gardez `lieu` (le nom de fichier d'un lieu de l'annuaire, sans `.md`) ou `adresse` (une adresse libre, avec `commune`), pas les deux".into(),
            Kind::ExtensionValue { hint, .. } => hint.clone(),
            Kind::DuplicateSlug { .. } => "renommez l'un des deux fichiers".into(),
            Kind::DuplicateId { .. } => "chaque lieu doit avoir un `id` unique : changez l'un des deux, ou retirez-le pour utiliser le nom du fichier".into(),
            Kind::InvalidSlug { suggestion, .. } => {
                format!("renommez-le en `{suggestion}` (minuscules sans accent, chiffres et tirets)")
            }
            Kind::AssetConflict { .. } => "renommez ce fichier ou rangez-le dans un autre dossier, par exemple `content/fichiers/`".into(),
            Kind::ReservedSlug { slug } => format!("renommez le fichier, par exemple en `{slug}-infos.md`"),
            Kind::UnpublishedFormat { .. } => format!(
                "retirez ce fichier de `content/` ; seuls sont publiés les {} ; une page s'écrit en Markdown dans `content/pages/`, un document peut être enregistré en PDF",
                crate::load::media::PUBLISHED_SUMMARY
            ),
            Kind::ActiveSvg { .. } => "enregistrez l'image sans script ni lien actif (dans Inkscape : « SVG simple » ; ou exportez-la en PNG), ou retirez-la".into(),
            Kind::SymlinkOutside { .. } => "mettez le fichier lui-même à cet endroit au lieu d'un lien symbolique".into(),
            Kind::SpecialFile { .. } => {
                "supprimez-le de `content/` : seuls des fichiers ordinaires et des dossiers y sont publiés".into()
            }
            Kind::Config { .. } => return None,
            Kind::StaleDate { .. } => "vérifiez les informations auprès du lieu, puis mettez `date_maj` à la date du jour".into(),
            Kind::StrayEntry { suggestion, .. } => {
                format!("pour en faire une fiche, déplacez-le dans un dossier de fiches : `content/lieux/`, `content/offres/`, `content/pages/`, `content/actualites/`, `content/appels-a-projets/`, `content/bonnes-pratiques/`, `content/bourse/` ou `content/agenda/` (par exemple `{suggestion}`)")
            }
            Kind::NoHours => "ajoutez `horaires:` (syntaxe OpenStreetMap) : les habitants cherchent un lieu ouvert".into(),
            Kind::NoCoordinates => "ajoutez `latitude:` et `longitude:` : elles donnent l'itinéraire vers le lieu et le placent dans les données cartographiques".into(),
            Kind::NoServices => "ajoutez `services:` : les habitants cherchent un lieu par besoin".into(),
        })
    }
}

/// "a, b ou c" with backquotes, for lists of names in help texts.
pub(crate) fn list_or(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} ou {last}", rest.join(", ")),
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::NotUtf8 => write!(f, "le fichier n'est pas encodé en UTF-8"),
            Kind::MissingFrontMatter => write!(f, "l'en-tête `---` est absent au début du fichier"),
            Kind::UnclosedFrontMatter => write!(f, "l'en-tête n'est pas fermé par une ligne `---`"),
            Kind::YamlSyntax { message } => write!(f, "erreur de syntaxe YAML : {message}"),
            Kind::NotAMapping => write!(f, "l'en-tête n'est pas une liste de champs"),
            Kind::DuplicateField { field } => write!(f, "le champ `{field}` est écrit deux fois"),
            Kind::MissingField { field } => write!(f, "champ obligatoire manquant : `{field}`"),
            Kind::EmptyField { field } => write!(f, "le champ obligatoire `{field}` est vide"),
            Kind::CodeAsNumber { field, value } => {
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
            Kind::NotInVocabulary { field, value, .. } => {
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
                crate::validate::rules::formula_sign_name(*sign)
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
            Kind::PostalCode { value } => write!(f, "code postal invalide « {value} » : cinq chiffres attendus"),
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
            Kind::Hours { message } => write!(f, "horaires illisibles : {message}"),
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
            Kind::ExtensionValue { message, .. } => write!(f, "{message}"),
            Kind::DuplicateSlug { slug, other } => write!(f, "« {slug} » est déjà utilisé par {other}"),
            Kind::DuplicateId { id, other } => write!(f, "l'identifiant « {id} » est déjà utilisé par {other}"),
            Kind::InvalidSlug { name, .. } => write!(f, "nom « {name} » impropre à une adresse web"),
            Kind::AssetConflict { path } => write!(f, "le fichier « {path} » occupe l'adresse d'une page du site"),
            Kind::ReservedSlug { slug } => write!(f, "le nom « {slug} » est réservé à une rubrique du site"),
            Kind::UnpublishedFormat { path, extension } if extension.is_empty() => {
                write!(f, "« {path} » n'a pas d'extension : ce fichier ne peut pas être publié")
            }
            Kind::UnpublishedFormat { path, extension } => {
                write!(
                    f,
                    "« {path} » : les fichiers `.{extension}` ne sont pas publiés (un navigateur pourrait y exécuter un script)"
                )
            }
            Kind::ActiveSvg { path, reason } => {
                write!(f, "l'image « {path} » peut exécuter un script : elle contient {reason}")
            }
            Kind::SymlinkOutside { path } => {
                let folder = if path.starts_with("content/") { "du dossier `content/`" } else { "du site" };
                write!(f, "le lien symbolique « {path} » pointe hors {folder} : il est refusé")
            }
            Kind::SpecialFile { path, what } => {
                write!(f, "« {path} » n'est ni un fichier ordinaire ni un dossier ({what}) : il est refusé")
            }
            Kind::Config { message } => write!(f, "{message}"),
            Kind::StaleDate { value } => write!(f, "fiche vérifiée il y a plus de 12 mois (`date_maj: {value}`)"),
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
