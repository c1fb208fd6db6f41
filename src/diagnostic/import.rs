//! The defects `resin import` finds in a source row, as its report names them: [`ImportKind`],
//! its French text and how to fix it. The report prints one line per defect, the problem then
//! the fix (`what : help`), under the row and column it is about.
//!
//! What stops an import before it writes anything is an [`ImportError`] (the source file that
//! does not read is a [`SourceError`]), printed as `erreur : …` with exit code 2.

use std::fmt;
use std::path::PathBuf;

use super::{Kind, Position};

/// A defect of one row of the source file.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportKind {
    /// More cells than the header has columns.
    ExtraCells {
        /// How many more.
        count: usize,
        /// The extra cells, joined by ` | `.
        cells: String,
    },
    /// A `presentation_resume` longer than the standard allows.
    SummaryTooLong {
        /// Its length in characters.
        len: usize,
        /// The most allowed.
        max: usize,
    },
    /// A `nom` shorter or longer than data·inclusion allows.
    NameLength {
        /// Its length in characters.
        len: usize,
        /// The fewest allowed.
        min: usize,
        /// The most allowed.
        max: usize,
    },
    /// A phone number that cannot be read.
    Phone {
        /// The value.
        value: String,
    },
    /// Opening hours that are not OSM `opening_hours`.
    Hours {
        /// The value.
        value: String,
        /// What is wrong.
        error: crate::hours::HoursProblem,
        /// The OSM value of hours written the French way, when it is read without doubt.
        proposal: Option<String>,
    },
    /// A `pivot`, `code_postal` or `code_insee` of the wrong shape.
    Code {
        /// The field.
        field: String,
        /// The value.
        value: String,
    },
    /// A value of the standard's v0 that has no v1 equivalent.
    V0Value {
        /// The field.
        field: String,
        /// The value (its head when long).
        value: String,
    },
    /// A value outside the standard's vocabulary.
    UnknownValue {
        /// The field.
        field: String,
        /// The value.
        value: String,
        /// The closest allowed value.
        suggestion: Option<String>,
        /// Every allowed value, named when nothing is close.
        allowed: &'static [String],
    },
    /// E-mail addresses that cannot be read.
    Email {
        /// The unreadable parts, joined by spaces.
        value: String,
    },
    /// A web address that cannot be read.
    Url {
        /// The value.
        value: String,
    },
    /// A latitude without longitude, or the reverse.
    OneCoordinate,
    /// Coordinates that are not decimal degrees.
    Coordinates {
        /// Both values, `latitude, longitude`.
        value: String,
    },
    /// Coordinates (0, 0).
    NullCoordinates,
    /// Coordinates outside the territory.
    CoordinatesOutside {
        /// Both values, `latitude, longitude`.
        value: String,
    },
    /// No `date_maj`.
    NoDate,
    /// A `date_maj` that cannot be kept: unreadable, before 2000 or in the future.
    Date {
        /// The value.
        value: String,
        /// Today, when the date is in the future; `None` when it cannot be read or is a
        /// placeholder.
        today: Option<String>,
        /// True when it reads but is before 2000 (a placeholder).
        fictive: bool,
    },
    /// A required field absent: the place is not imported.
    MissingRequired {
        /// The field.
        field: String,
    },
    /// A required field whose value was refused: the place is not imported.
    InvalidRequired {
        /// The field.
        field: String,
    },
    /// A postcode that is not the commune's.
    PostcodeMismatch {
        /// The postcode.
        postcode: String,
        /// The commune.
        commune: String,
        /// The commune's postcodes.
        codes: Vec<String>,
    },
    /// A value holding the replacement character: the place is not imported.
    LostCharacter {
        /// The value (its head when long).
        value: String,
    },
    /// A value that starts as a spreadsheet formula: the place is not imported.
    Formula {
        /// The value (its head when long).
        value: String,
        /// The sign.
        sign: char,
    },
    /// A commune outside the territory whose postcode is inside: the place is not imported.
    OutsideWithPostcode {
        /// The commune as written.
        commune: String,
        /// Its postcode.
        postcode: String,
    },
    /// An id met on an earlier row: this row is not imported.
    SameId {
        /// The id.
        id: String,
        /// Where it was met first (`ligne 3`).
        first: Position,
    },
    /// Two rows that look like one place: both are imported.
    LikelyDuplicate {
        /// True when the SIRET matched, false when the name did (both with the address).
        by_pivot: bool,
        /// Where the first is (`ligne 3`).
        first: Position,
    },
    /// An id already held by an entry of another source: the entry is written without it.
    IdTaken {
        /// The id.
        id: String,
        /// The entry that holds it.
        owner: String,
    },
    /// An entry checked after the source's date: left as it is.
    Newer {
        /// The entry.
        path: String,
        /// Its `date_maj`.
        mine: String,
        /// The source's.
        theirs: String,
    },
    /// The entry would not read back as it was meant: the place is not imported.
    Unwritable {
        /// What reading it back found.
        kind: Kind,
    },
}

impl ImportKind {
    /// What is wrong, in French.
    fn what(&self) -> String {
        match self {
            ImportKind::ExtraCells { count, cells } => {
                format!("{count} cellule(s) de plus que de colonnes ({cells})")
            }
            ImportKind::SummaryTooLong { len, max } => format!("résumé de {len} caractères, {max} au plus"),
            ImportKind::NameLength { len, .. } => {
                format!("nom de {len} {}", if *len > 1 { "caractères" } else { "caractère" })
            }
            ImportKind::Phone { value } => format!("téléphone « {value} » illisible"),
            ImportKind::Hours { value, error, .. } => format!("horaires « {value} » illisibles ({error})"),
            ImportKind::Code { field, value } => format!("{field} « {value} » mal formé"),
            ImportKind::V0Value { field, value } => {
                format!("« {value} » (valeur de la v0) n'a pas d'équivalent dans {field} en v1")
            }
            ImportKind::UnknownValue { field, value, suggestion: Some(s), .. } => {
                format!("« {value} » n'est pas une valeur de {field} dans le standard ; vouliez-vous dire « {s} » ?")
            }
            ImportKind::UnknownValue { field, value, allowed, .. } => format!(
                "« {value} » n'est pas une valeur de {field} dans le standard (valeurs possibles : {})",
                allowed.join(", ")
            ),
            ImportKind::Email { value } => format!("courriel « {value} » illisible"),
            ImportKind::Url { value } => format!("adresse web « {value} » illisible"),
            ImportKind::OneCoordinate => "une seule des deux coordonnées est donnée".into(),
            ImportKind::Coordinates { value } => format!("coordonnées « {value} » illisibles"),
            ImportKind::NullCoordinates => "coordonnées nulles (0, 0)".into(),
            ImportKind::CoordinatesOutside { value } => format!("coordonnées « {value} » hors du territoire"),
            ImportKind::NoDate => "date_maj absente".into(),
            ImportKind::Date { value, today: Some(today), .. } => {
                format!("date « {value} » dans le futur (aujourd'hui : {today})")
            }
            ImportKind::Date { value, fictive: true, .. } => format!("date « {value} » fictive (avant 2000)"),
            ImportKind::Date { value, .. } => format!("date « {value} » illisible"),
            ImportKind::MissingRequired { field } => format!("champ obligatoire « {field} » absent"),
            ImportKind::InvalidRequired { field } => format!("« {field} » invalide"),
            ImportKind::PostcodeMismatch { postcode, commune, codes } => {
                format!("le code postal {postcode} n'est pas celui de {commune} ({})", codes.join(", "))
            }
            ImportKind::LostCharacter { value } => format!("« {value} » contient « \u{FFFD} »"),
            ImportKind::Formula { value, sign } => {
                format!("« {value} » commence par {}", super::formula_sign_name(*sign))
            }
            ImportKind::OutsideWithPostcode { commune, postcode } => format!(
                "« {commune} » n'est pas une commune du territoire, bien que son code postal {postcode} en soit un"
            ),
            ImportKind::SameId { id, first } => format!("même id « {id} » que la {first}"),
            ImportKind::LikelyDuplicate { by_pivot, first } => format!(
                "même {} que la {first}",
                if *by_pivot { "SIRET et même adresse" } else { "nom et même adresse" }
            ),
            ImportKind::IdTaken { id, owner } => {
                format!("l'id « {id} » est déjà celui de {owner} (d'une autre source)")
            }
            ImportKind::Newer { path, mine, theirs } => {
                format!("la fiche {path} a été vérifiée le {mine}, après la source ({theirs})")
            }
            ImportKind::Unwritable { kind } => format!("fiche impossible à écrire sans la casser ({kind})"),
        }
    }

    /// What to do, or what the import did, in French; `None` when the problem says it all.
    pub fn help(&self) -> Option<String> {
        let kept = "la date de la fiche (ou celle de l'import) est gardée";
        Some(match self {
            ImportKind::ExtraCells { .. } => {
                "un séparateur dans une valeur sans guillemets ? Les cellules en trop sont gardées en commentaire".into()
            }
            ImportKind::SummaryTooLong { .. } => "raccourcissez-le (le texte complet est gardé en commentaire)".into(),
            ImportKind::NameLength { min, max, .. } => {
                format!("de {min} à {max} attendus (limites de data·inclusion) ; corrigez-le dans la source")
            }
            ImportKind::Phone { .. } => "un numéro français est attendu (04 78 00 00 00)".into(),
            ImportKind::Hours { proposal: Some(p), .. } => {
                format!("vouliez-vous dire « {p} » ? Vérifiez-le, puis écrivez `horaires: \"{p}\"` dans la fiche")
            }
            ImportKind::Hours { .. } => {
                "écrivez-les au format OpenStreetMap, par exemple « Mo-Fr 09:00-12:00 »".into()
            }
            ImportKind::Code { field, .. } => format!(
                "{} attendus",
                match field.as_str() {
                    "pivot" => "un SIRET de 14 chiffres ou un RNA (W et 9 chiffres)",
                    "code_postal" => "5 chiffres",
                    _ => "5 caractères, comme 69123 ou 2A004",
                }
            ),
            ImportKind::V0Value { .. } => "la valeur est gardée en commentaire".into(),
            ImportKind::UnknownValue { .. } | ImportKind::OneCoordinate => return None,
            ImportKind::Email { .. } => "une adresse comme nom@exemple.fr est attendue".into(),
            ImportKind::Url { .. } => "une adresse complète est attendue (https://…)".into(),
            ImportKind::Coordinates { .. } => "des degrés décimaux sont attendus (45.76, 4.84)".into(),
            ImportKind::NullCoordinates => "placez le lieu sur une carte pour les retrouver".into(),
            ImportKind::CoordinatesOutside { .. } => {
                "vérifiez-les sur une carte (elles sont gardées en commentaire)".into()
            }
            ImportKind::NoDate => kept.into(),
            ImportKind::Date { today: Some(_), .. } => format!("; {kept}"),
            ImportKind::Date { fictive: true, .. } => {
                format!("indiquez quand la fiche a été vérifiée ; {kept}")
            }
            ImportKind::Date { .. } => format!("AAAA-MM-JJ attendu ; {kept}"),
            ImportKind::MissingRequired { .. } | ImportKind::InvalidRequired { .. } | ImportKind::Unwritable { .. } => {
                "lieu non importé".into()
            }
            ImportKind::OutsideWithPostcode { .. } => {
                "lieu non importé (si c'est une faute de frappe, corrigez la commune dans la source)".into()
            }
            ImportKind::SameId { .. } => "ligne non importée".into(),
            ImportKind::LikelyDuplicate { .. } => {
                "doublon probable ; les deux fiches sont importées, fusionnez-les si c'est le même lieu".into()
            }
            ImportKind::IdTaken { .. } => "la fiche est écrite sans cet id".into(),
            ImportKind::Newer { .. } => "elle est gardée telle quelle".into(),
            ImportKind::PostcodeMismatch { .. } => "corrigez l'un ou l'autre dans la source".into(),
            ImportKind::LostCharacter { .. } => "un caractère a été perdu au décodage du fichier ; enregistrez-le en UTF-8 et relancez l'import (lieu non importé)".into(),
            ImportKind::Formula { .. } => "un tableur qui ouvre les exports CSV l'exécuterait comme une formule ; commencez la valeur par une lettre ou un chiffre dans la source (lieu non importé)".into(),
        })
    }
}

impl fmt::Display for ImportKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.help() {
            // A future date: « … (aujourd'hui : …) ; la date … est gardée ».
            Some(help) if help.starts_with(';') => write!(f, "{} {help}", self.what()),
            Some(help) => write!(f, "{} : {help}", self.what()),
            None => write!(f, "{}", self.what()),
        }
    }
}

/// What stops `resin import` before it writes anything: an option, the source file, the site's
/// settings, or an entry of `content/lieux/` it cannot read or must not overwrite.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The source file is not an export that reads.
    Source {
        /// The file given.
        file: PathBuf,
        /// What is wrong with it.
        problem: SourceError,
    },
    /// A `--commune-filter` code that is not an INSEE code.
    FilterCode {
        /// The code as given.
        code: String,
    },
    /// A `--commune-filter` code of a commune outside the territory.
    FilterOutside {
        /// The code as given.
        code: String,
    },
    /// `content/site.yaml` does not read: `resin check` says why.
    SiteInvalid,
    /// The communes list that `site.yaml` names does not read (boxed, as the kinds below: an
    /// [`crate::Error`] stays small).
    Communes(Box<Kind>),
    /// `content/lieux/` is a symbolic link or not a folder.
    PlacesNotAFolder {
        /// The folder.
        path: PathBuf,
    },
    /// An entry of `content/lieux/` that is not UTF-8.
    EntryNotUtf8 {
        /// The entry, from the site root.
        path: String,
    },
    /// An entry of `content/lieux/` that does not read as an entry.
    EntryUnreadable {
        /// The entry, from the site root.
        path: String,
        /// What reading it found.
        kind: Box<Kind>,
    },
    /// The file the import would write is a symbolic link.
    Symlink {
        /// The file.
        path: PathBuf,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fix = "corrigez-la d'abord (resin check dit où), puis relancez l'import";
        match self {
            ImportError::Source { file, problem } => write!(f, "{} : {problem}", file.display()),
            ImportError::FilterCode { code } => {
                write!(f, "--commune-filter : « {code} » n'est pas un code INSEE (5 caractères, comme 69266)")
            }
            ImportError::FilterOutside { code } => {
                write!(f, "--commune-filter : le code INSEE {code} n'est pas une commune du territoire")
            }
            ImportError::SiteInvalid => write!(
                f,
                "content/site.yaml contient des erreurs : lancez `resin check` et corrigez-les avant d'importer"
            ),
            ImportError::Communes(kind) => write!(f, "{kind}"),
            ImportError::PlacesNotAFolder { path } => write!(
                f,
                "{} n'est pas un dossier (lien symbolique ?) : l'import n'écrit que dans un vrai dossier content/lieux/",
                path.display()
            ),
            ImportError::EntryNotUtf8 { path } => write!(f, "{path} : fiche qui n'est pas en UTF-8 ; {fix}"),
            ImportError::EntryUnreadable { path, kind } => write!(f, "{path} : {kind} ; {fix}"),
            ImportError::Symlink { path } => {
                write!(f, "{} est un lien symbolique : l'import ne l'écrase pas", path.display())
            }
        }
    }
}

/// Why the source file of an import does not read as a CSV or JSON export.
#[derive(Clone, Debug, PartialEq)]
pub enum SourceError {
    /// The CSV header does not read.
    CsvHeader {
        /// The CSV reader's error.
        error: String,
    },
    /// The file has no header: no column is named.
    Empty,
    /// A CSV row does not read.
    CsvRow {
        /// Its line.
        line: u64,
        /// The CSV reader's error.
        error: String,
    },
    /// The JSON does not parse.
    Json {
        /// Where the parser stopped.
        line: usize,
        /// Its column.
        column: usize,
        /// The parser's error.
        error: String,
    },
    /// The JSON holds no list of places.
    NotAList,
    /// An item of the JSON list that is not an object.
    NotAnObject {
        /// Its line (0 when unknown).
        line: usize,
        /// Its position in the list (1-based).
        number: usize,
    },
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::CsvHeader { error } => write!(f, "en-tête CSV illisible : {error}"),
            SourceError::Empty => {
                write!(f, "le fichier est vide : la première ligne doit nommer les colonnes (id, nom, commune…)")
            }
            SourceError::CsvRow { line, error } => write!(f, "ligne {line} : CSV illisible ({error})"),
            SourceError::Json { line, column, error } => {
                write!(f, "JSON illisible, ligne {line} colonne {column} : {error}")
            }
            SourceError::NotAList => {
                write!(f, "le JSON doit être une liste de lieux : `[{{\"id\": …, \"nom\": …}}, …]`")
            }
            SourceError::NotAnObject { line, number } => {
                write!(f, "ligne {line} : le lieu n° {number} n'est pas un objet `{{…}}`")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ImportKind;

    #[test]
    fn a_line_of_the_report_says_the_problem_then_the_fix() {
        let future = ImportKind::Date { value: "2030-01-01".into(), today: Some("2026-11-25".into()), fictive: false };
        assert_eq!(
            future.to_string(),
            "date « 2030-01-01 » dans le futur (aujourd'hui : 2026-11-25) ; la date de la fiche (ou celle de l'import) est gardée"
        );
        let code = ImportKind::Code { field: "code_postal".into(), value: "6900".into() };
        assert_eq!(code.to_string(), "code_postal « 6900 » mal formé : 5 chiffres attendus");
        assert_eq!(code.help().as_deref(), Some("5 chiffres attendus"));
        assert_eq!(ImportKind::OneCoordinate.help(), None);
    }

    #[test]
    fn what_stops_an_import_says_where_and_how_to_go_on() {
        use super::{ImportError, SourceError};
        use crate::diagnostic::Kind;
        let filter = ImportError::FilterCode { code: "6912".into() };
        assert_eq!(
            filter.to_string(),
            "--commune-filter : « 6912 » n'est pas un code INSEE (5 caractères, comme 69266)"
        );
        let entry = ImportError::EntryUnreadable {
            path: "content/lieux/a.md".into(),
            kind: Box::new(Kind::UnclosedFrontMatter),
        };
        assert_eq!(
            entry.to_string(),
            "content/lieux/a.md : l'en-tête n'est pas fermé par une ligne `---` ; corrigez-la d'abord (resin check dit où), puis relancez l'import"
        );
        let source = ImportError::Source { file: "lieux.json".into(), problem: SourceError::NotAList };
        assert_eq!(
            source.to_string(),
            "lieux.json : le JSON doit être une liste de lieux : `[{\"id\": …, \"nom\": …}, …]`"
        );
        let row = SourceError::NotAnObject { line: 3, number: 2 };
        assert_eq!(row.to_string(), "ligne 3 : le lieu n° 2 n'est pas un objet `{…}`");
        let unwritable = ImportKind::Unwritable { kind: Kind::NotAMapping };
        assert_eq!(
            unwritable.to_string(),
            "fiche impossible à écrire sans la casser (l'en-tête n'est pas une liste de champs) : lieu non importé"
        );
    }
}
