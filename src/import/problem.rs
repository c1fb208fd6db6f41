//! The defects of a row that need a person, as the import report names them: by kind, row
//! and column.

/// A defect that needs a person: reported by row and column, the raw value kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Problem {
    /// Opening hours that are not OSM `opening_hours` (free text…).
    Hours,
    /// Coordinates outside the territory, null, partial or in metres.
    Coordinates,
    /// A value outside the standard's vocabulary.
    UnknownValue,
    /// A phone number that cannot be read.
    Phone,
    /// An e-mail address that cannot be read.
    Email,
    /// A URL that cannot be read or has another scheme.
    Url,
    /// A date that cannot be read, in the future or a placeholder.
    Date,
    /// A postcode, INSEE code or SIRET that does not have the right shape.
    Code,
    /// A text longer than the standard allows (or a name shorter).
    TooLong,
    /// A value that starts as a spreadsheet formula: the place is not imported.
    Formula,
    /// A character lost in decoding (`�`): the place is not imported.
    LostCharacter,
    /// A column the standard does not have.
    UnknownColumn,
    /// A CSV row with more cells than the header has columns.
    Row,
    /// A required field missing: the place is not imported.
    Missing,
    /// A commune that does not match its postcode or is not in the territory.
    Commune,
    /// Two rows that look like the same place.
    Duplicate,
    /// An existing entry checked more recently than the source: left as it is.
    Newer,
}

impl Problem {
    /// Every kind, in report order.
    pub const ALL: [Problem; 17] = [
        Problem::Hours,
        Problem::Coordinates,
        Problem::UnknownValue,
        Problem::Phone,
        Problem::Email,
        Problem::Url,
        Problem::Date,
        Problem::Code,
        Problem::TooLong,
        Problem::Formula,
        Problem::LostCharacter,
        Problem::UnknownColumn,
        Problem::Row,
        Problem::Missing,
        Problem::Commune,
        Problem::Duplicate,
        Problem::Newer,
    ];

    /// French description for the report.
    pub fn describe(self) -> &'static str {
        match self {
            Problem::Hours => "horaires illisibles (texte libre au lieu du format OpenStreetMap)",
            Problem::Coordinates => "coordonnées hors du territoire, nulles ou incomplètes",
            Problem::UnknownValue => "valeurs hors du vocabulaire du standard",
            Problem::Phone => "téléphones illisibles",
            Problem::Email => "courriels illisibles",
            Problem::Url => "adresses web illisibles",
            Problem::Date => "dates illisibles, futures ou fictives",
            Problem::Code => "codes (postal, INSEE, SIRET) mal formés",
            Problem::TooLong => "textes trop longs, ou noms trop courts",
            Problem::Formula => "valeurs qui commencent comme une formule de tableur (=, +, -, @) : lieu non importé",
            Problem::LostCharacter => "caractères perdus au décodage du fichier (« � ») : lieu non importé",
            Problem::UnknownColumn => "colonnes hors du standard",
            Problem::Row => "lignes avec plus de cellules que de colonnes",
            Problem::Missing => "champs obligatoires absents (lieu non importé)",
            Problem::Commune => {
                "communes hors du territoire malgré leur code postal, ou d'un autre code postal (lieu non importé)"
            }
            Problem::Duplicate => "doublons probables dans le fichier",
            Problem::Newer => "fiches plus récentes que la source (laissées telles quelles)",
        }
    }
}

/// One reported defect.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Its kind.
    pub problem: Problem,
    /// Column (field name as the file writes it); empty for the whole row.
    pub column: String,
    /// What is wrong and what to do, in French.
    pub message: String,
}
