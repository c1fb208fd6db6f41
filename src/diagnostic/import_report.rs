//! The report `resin import` prints, as plain data and its French wording (issue 20): the
//! importer fills a [`Report`] with counts, rows and files, and the `Display` here is the only
//! place that words it. The corrections ([`Rule`]) and the defects ([`Problem`]) are counted
//! by kind; each row's defects are [`ImportKind`]s, worded in `import.rs`. Data flows one way:
//! nothing here knows how the importer reads, cleans or writes.
//!
//! Values and paths come from the imported file: every one is printed through
//! [`printable`], so that none starts a line of its own.

use std::collections::BTreeMap;
use std::fmt;

use super::{ImportKind, count};
use crate::source::printable;

/// A cleaning rule: a defect of the source that the import fixed without ambiguity, counted
/// once per value fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// A v0 field name replaced by its v1 name.
    FieldRenamed,
    /// A v0 vocabulary value replaced by its v1 value.
    V0Value,
    /// A vocabulary value written with another case, accents or apostrophe.
    VocabularySpelling,
    /// A phone number written another way, put in E.164.
    Phone,
    /// A postcode (or INSEE code) that lost its leading zero.
    LeadingZero,
    /// A URL without `https://`.
    UrlScheme,
    /// E-mail addresses with spaces, `mailto:`, or several in one field.
    Email,
    /// A date as `DD/MM/YYYY` or a timestamp.
    Date,
    /// Latitude and longitude swapped.
    CoordinatesSwapped,
    /// A commune name in capitals, without hyphens, under an old name or a whole city for an
    /// arrondissement.
    Commune,
    /// A SIRET written with spaces.
    Pivot,
    /// A v0 value with no v1 equivalent written to the territorial field (`extensions` of
    /// `site.yaml`) whose label it is: « Accepte le Pass numérique » → `pass_numerique: true`.
    Extension,
}

impl Rule {
    /// Every rule, in the order the report lists them.
    pub const ALL: [Rule; 12] = [
        Rule::FieldRenamed,
        Rule::V0Value,
        Rule::VocabularySpelling,
        Rule::Phone,
        Rule::LeadingZero,
        Rule::UrlScheme,
        Rule::Email,
        Rule::Date,
        Rule::CoordinatesSwapped,
        Rule::Commune,
        Rule::Pivot,
        Rule::Extension,
    ];
}

/// The report's label of the values a rule fixed, after their number.
impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Rule::FieldRenamed => "noms de champs de la v0 renommés (courriel → courriels…)",
            Rule::V0Value => "valeurs de la v0 traduites dans le vocabulaire v1",
            Rule::Extension => "valeurs de la v0 sans équivalent v1 rangées dans un champ propre au territoire",
            Rule::VocabularySpelling => {
                "valeurs de vocabulaire remises à la graphie du standard (casse, accents, apostrophe)"
            }
            Rule::Phone => "téléphones mis au format international (+33…)",
            Rule::LeadingZero => "codes postaux ou INSEE dont le zéro initial était perdu",
            Rule::UrlScheme => "adresses web complétées par https://",
            Rule::Email => "courriels nettoyés (espaces, mailto:, plusieurs adresses dans un champ)",
            Rule::Date => "dates JJ/MM/AAAA ou horodatages mis au format AAAA-MM-JJ",
            Rule::CoordinatesSwapped => "latitude et longitude inversées",
            Rule::Commune => {
                "communes écrites comme l'INSEE, ou d'une seule façon dans tout le site (arrondissement déduit du code postal)"
            }
            Rule::Pivot => "SIRET écrits avec des espaces",
        })
    }
}

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
    /// Every kind, in the order the report lists them.
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
}

/// The report's label of the values of a kind, after their number.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
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
        })
    }
}

/// One reported defect of a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The kind it is counted under.
    pub problem: Problem,
    /// Column (field name as the file writes it); empty for the whole row.
    pub column: String,
    /// What is wrong and what to do.
    pub message: ImportKind,
}

/// Where a record is in the source file, to name it in the report: `ligne 3`, or `fiche n° 3`
/// when lines are unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// The line the record starts on (1-based).
    Line(usize),
    /// The record's position in the file (1-based).
    Number(usize),
}

impl Position {
    /// The record's line when known (`line` > 0), else its number.
    pub fn new(line: usize, number: usize) -> Position {
        if line > 0 { Position::Line(line) } else { Position::Number(number) }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Position::Line(line) => write!(f, "ligne {line}"),
            Position::Number(number) => write!(f, "fiche n° {number}"),
        }
    }
}

/// How the report names a place: its name and id as the file gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Label {
    /// The name, on one line and cut when long (a name of a megabyte is not printed whole,
    /// issue 19).
    pub name: Option<String>,
    /// The id, trimmed.
    pub id: Option<String>,
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.name, &self.id) {
            (Some(name), Some(id)) => write!(f, "« {name} » (id {id})"),
            (Some(name), None) => write!(f, "« {name} »"),
            (None, Some(id)) => write!(f, "id {id}"),
            (None, None) => f.write_str("lieu sans nom"),
        }
    }
}

/// One row's defects.
#[derive(Debug, Clone)]
pub struct Row {
    /// Line of the file where the record starts (0 when unknown).
    pub line: usize,
    /// Position of the record in the file (1-based).
    pub number: usize,
    /// The place's name and id.
    pub label: Label,
    /// Its defects.
    pub notes: Vec<Note>,
}

impl Row {
    /// Where the row is, as the report names it.
    pub fn position(&self) -> Position {
        Position::new(self.line, self.number)
    }
}

/// A file written (or that would be).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Path relative to the site root.
    pub path: String,
    /// `None` for a new entry; the fields changed otherwise.
    pub fields: Option<Vec<&'static str>>,
}

/// The format of an import's source file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SourceFormat {
    /// CSV with this column separator.
    Csv(u8),
    /// A JSON array of objects (the default: what `resin build` exports).
    #[default]
    Json,
}

impl fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceFormat::Csv(b'\t') => f.write_str("CSV séparé par des tabulations"),
            SourceFormat::Csv(separator) => write!(f, "CSV séparé par « {} »", *separator as char),
            SourceFormat::Json => f.write_str("JSON"),
        }
    }
}

/// The text encoding an import's source file was read with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SourceEncoding {
    /// UTF-8 without a byte order mark (the default: what `resin build` exports).
    #[default]
    Utf8,
    /// UTF-8 starting with a byte order mark (as spreadsheets write it).
    Utf8Bom,
    /// Windows-1252, the "ANSI" of French spreadsheets.
    Windows1252,
    /// UTF-16 with a byte order mark.
    Utf16,
}

impl fmt::Display for SourceEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SourceEncoding::Utf8 => "UTF-8",
            SourceEncoding::Utf8Bom => "UTF-8 avec BOM",
            SourceEncoding::Windows1252 => "Windows-1252",
            SourceEncoding::Utf16 => "UTF-16",
        })
    }
}

/// How the source file was read, for the report's first line: `CSV séparé par « ; »,
/// Windows-1252, standard v1`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SourceDescription {
    /// Format and separator.
    pub format: SourceFormat,
    /// Encoding.
    pub encoding: SourceEncoding,
    /// True when field names or values of the standard's v0 were translated to v1.
    pub v0: bool,
}

impl fmt::Display for SourceDescription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let version = if self.v0 { "noms ou valeurs de la v0 du standard traduits en v1" } else { "standard v1" };
        write!(f, "{}, {}, {version}", self.format, self.encoding)
    }
}

/// What an import did, as `resin import` prints it.
#[derive(Debug, Default)]
pub struct Report {
    /// File name.
    pub file: String,
    /// Format, encoding and version of the standard.
    pub described: SourceDescription,
    /// The territory's name (`territoire.nom` of `site.yaml`).
    pub territory: String,
    /// Records read.
    pub read: usize,
    /// Records outside the territory.
    pub outside: usize,
    /// Records left out by `--commune-filter`.
    pub filtered: usize,
    /// Records not imported because of a defect.
    pub refused: usize,
    /// Entries already up to date.
    pub unchanged: usize,
    /// Entries checked more recently than the source: left as they are.
    pub newer: usize,
    /// Bytes replaced because they are not text: how many, and the line of the first.
    pub invalid: Option<(usize, usize)>,
    /// Entries created or updated.
    pub changes: Vec<Change>,
    /// Values fixed, by rule.
    pub rules: BTreeMap<Rule, usize>,
    /// Defects, by kind.
    pub problems: BTreeMap<Problem, usize>,
    /// Columns outside the standard.
    pub unknown_columns: Vec<String>,
    /// Defects row by row.
    pub rows: Vec<Row>,
    /// Nothing was written (`--dry-run`).
    pub dry_run: bool,
}

impl Report {
    /// Entries created.
    pub fn created(&self) -> usize {
        self.changes.iter().filter(|c| c.fields.is_none()).count()
    }

    /// Entries updated.
    pub fn updated(&self) -> usize {
        self.changes.iter().filter(|c| c.fields.is_some()).count()
    }

    /// Places of the file that are (or would be) in the content after the import.
    pub fn imported(&self) -> usize {
        self.changes.len() + self.unchanged + self.newer
    }

    /// The first line and the counts: what was read, what became of it.
    fn write_counts(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let read = count(self.read, "lieu lu", "lieux lus");
        writeln!(f, "Import de « {} » ({}) : {read}.", printable(&self.file), self.described)?;
        if let Some((replaced, line)) = self.invalid {
            writeln!(
                f,
                "  Attention : {replaced} octet(s) illisible(s) remplacé(s) par « � » (le premier ligne {line}) : enregistrez le fichier en UTF-8 et relancez l'import."
            )?;
        }
        let (created, updated) =
            if self.dry_run { ("à créer", "à mettre à jour") } else { ("créés", "mis à jour") };
        writeln!(
            f,
            "  {} dans le territoire : {} {created}, {} {updated}, {} déjà à jour.",
            self.imported(),
            self.created(),
            self.updated(),
            self.unchanged
        )?;
        if self.newer > 0 {
            writeln!(f, "  {} vérifiés dans le contenu après la date de la source : laissés tels quels.", self.newer)?;
        }
        if self.outside > 0 {
            writeln!(f, "  {} hors du territoire ({}) : non importés.", self.outside, self.territory)?;
        }
        if self.filtered > 0 {
            writeln!(f, "  {} dans d'autres communes que celles de --commune-filter : non importés.", self.filtered)?;
        }
        if self.refused > 0 {
            writeln!(f, "  {} non importés à cause d'un défaut (voir le détail).", self.refused)?;
        }
        Ok(())
    }

    /// The values fixed and the values to redo by hand, by kind, and the unknown columns.
    fn write_kinds(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.rules.is_empty() {
            writeln!(f, "\nCorrigé sans ambiguïté (nombre de valeurs) :")?;
            for rule in Rule::ALL {
                if let Some(n) = self.rules.get(&rule) {
                    writeln!(f, "  {n:>5}  {rule}")?;
                }
            }
        }
        if !self.problems.is_empty() {
            writeln!(f, "\nÀ reprendre à la main (la valeur d'origine est gardée en commentaire dans la fiche) :")?;
            for problem in Problem::ALL {
                if let Some(n) = self.problems.get(&problem) {
                    writeln!(f, "  {n:>5}  {problem}")?;
                }
            }
        }
        if !self.unknown_columns.is_empty() {
            writeln!(
                f,
                "\nColonnes hors du standard (valeurs gardées en commentaire) : {}.",
                printable(&self.unknown_columns.join(", "))
            )?;
        }
        Ok(())
    }

    /// Each row's defects, under the row's position and label.
    fn write_rows(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.rows.is_empty() {
            return Ok(());
        }
        writeln!(f, "\nDétail, ligne par ligne :")?;
        for row in &self.rows {
            writeln!(f, "  {}, {} :", row.position(), printable(&row.label.to_string()))?;
            for note in &row.notes {
                let message = note.message.to_string();
                let message = printable(&message);
                if note.column.is_empty() {
                    writeln!(f, "    {message}")?;
                } else {
                    writeln!(f, "    colonne {} : {message}", printable(&note.column))?;
                }
            }
        }
        Ok(())
    }

    /// The entries written (or that would be), and what to do next.
    fn write_changes(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.changes.is_empty() {
            writeln!(f, "\n{}", if self.dry_run { "Fiches que l'import écrirait :" } else { "Fiches écrites :" })?;
            for change in &self.changes {
                let path = printable(&change.path);
                match &change.fields {
                    None => writeln!(f, "  nouvelle     {path}")?,
                    Some(fields) if fields.is_empty() => {
                        writeln!(f, "  mise à jour  {path} (commentaires des valeurs à reprendre)")?
                    }
                    Some(fields) => writeln!(f, "  mise à jour  {path} ({})", fields.join(", "))?,
                }
            }
        }
        if self.dry_run {
            writeln!(f, "\nAucun fichier écrit (--dry-run).")
        } else if self.changes.is_empty() {
            writeln!(f, "\nAucune fiche à changer : le contenu est déjà à jour.")
        } else {
            writeln!(f, "\nVérifiez le résultat avec `resin check`, puis relisez les fiches avant de publier.")
        }
    }
}

/// The whole summary `resin import` prints: counts, values fixed, values to redo by hand,
/// unknown columns, row-by-row detail, files written, and the closing advice.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_counts(f)?;
        self.write_kinds(f)?;
        self.write_rows(f)?;
        self.write_changes(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small report with every section, rendered whole: the wording is the interface.
    #[test]
    fn a_report_reads_as_resin_import_prints_it() {
        let report = Report {
            file: "lieux.csv".into(),
            described: SourceDescription {
                format: SourceFormat::Csv(b';'),
                encoding: SourceEncoding::Windows1252,
                v0: true,
            },
            territory: "Métropole de Lyon".into(),
            read: 6,
            outside: 1,
            filtered: 1,
            refused: 1,
            unchanged: 1,
            newer: 1,
            invalid: Some((2, 4)),
            changes: vec![
                Change { path: "content/lieux/a.md".into(), fields: None },
                Change { path: "content/lieux/b.md".into(), fields: Some(vec!["telephone", "horaires"]) },
                Change { path: "content/lieux/c.md".into(), fields: Some(Vec::new()) },
            ],
            rules: BTreeMap::from([(Rule::Phone, 2), (Rule::FieldRenamed, 6)]),
            problems: BTreeMap::from([(Problem::Duplicate, 1), (Problem::UnknownColumn, 1)]),
            unknown_columns: vec!["pmr".into()],
            rows: vec![
                Row {
                    line: 3,
                    number: 2,
                    label: Label { name: Some("Lieu".into()), id: Some("a1".into()) },
                    notes: vec![Note {
                        problem: Problem::Duplicate,
                        column: "id".into(),
                        message: ImportKind::SameId { id: "a1".into(), first: Position::Line(2) },
                    }],
                },
                Row {
                    line: 0,
                    number: 4,
                    label: Label::default(),
                    notes: vec![Note {
                        problem: Problem::Duplicate,
                        column: String::new(),
                        message: ImportKind::LikelyDuplicate { by_pivot: false, first: Position::Number(1) },
                    }],
                },
            ],
            dry_run: false,
        };
        assert_eq!(
            report.to_string(),
            "Import de « lieux.csv » (CSV séparé par « ; », Windows-1252, noms ou valeurs de la v0 du standard traduits en v1) : 6 lieux lus.
  Attention : 2 octet(s) illisible(s) remplacé(s) par « � » (le premier ligne 4) : enregistrez le fichier en UTF-8 et relancez l'import.
  5 dans le territoire : 1 créés, 2 mis à jour, 1 déjà à jour.
  1 vérifiés dans le contenu après la date de la source : laissés tels quels.
  1 hors du territoire (Métropole de Lyon) : non importés.
  1 dans d'autres communes que celles de --commune-filter : non importés.
  1 non importés à cause d'un défaut (voir le détail).

Corrigé sans ambiguïté (nombre de valeurs) :
      6  noms de champs de la v0 renommés (courriel → courriels…)
      2  téléphones mis au format international (+33…)

À reprendre à la main (la valeur d'origine est gardée en commentaire dans la fiche) :
      1  colonnes hors du standard
      1  doublons probables dans le fichier

Colonnes hors du standard (valeurs gardées en commentaire) : pmr.

Détail, ligne par ligne :
  ligne 3, « Lieu » (id a1) :
    colonne id : même id « a1 » que la ligne 2 : ligne non importée
  fiche n° 4, lieu sans nom :
    même nom et même adresse que la fiche n° 1 : doublon probable ; les deux fiches sont importées, fusionnez-les si c'est le même lieu

Fiches écrites :
  nouvelle     content/lieux/a.md
  mise à jour  content/lieux/b.md (telephone, horaires)
  mise à jour  content/lieux/c.md (commentaires des valeurs à reprendre)

Vérifiez le résultat avec `resin check`, puis relisez les fiches avant de publier.
"
        );
    }

    #[test]
    fn a_dry_run_says_what_it_would_do_and_that_it_wrote_nothing() {
        let report = Report {
            file: "lieux.tsv".into(),
            described: SourceDescription { format: SourceFormat::Csv(b'\t'), ..SourceDescription::default() },
            territory: "Lyon".into(),
            read: 1,
            changes: vec![Change { path: "content/lieux/a.md".into(), fields: None }],
            dry_run: true,
            ..Report::default()
        };
        assert_eq!(
            report.to_string(),
            "Import de « lieux.tsv » (CSV séparé par des tabulations, UTF-8, standard v1) : 1 lieu lu.
  1 dans le territoire : 1 à créer, 0 à mettre à jour, 0 déjà à jour.

Fiches que l'import écrirait :
  nouvelle     content/lieux/a.md

Aucun fichier écrit (--dry-run).
"
        );
        let nothing = Report { file: "lieux.json".into(), ..Report::default() };
        assert!(nothing.to_string().starts_with("Import de « lieux.json » (JSON, UTF-8, standard v1) : 0 lieu lu.\n"));
        assert!(nothing.to_string().ends_with("\nAucune fiche à changer : le contenu est déjà à jour.\n"));
        assert_eq!(SourceEncoding::Utf8Bom.to_string(), "UTF-8 avec BOM");
        assert_eq!(Label { name: None, id: Some("x".into()) }.to_string(), "id x");
    }
}
