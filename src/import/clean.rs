//! One record of the source to a place in resin's content model: every value cleaned where the
//! fix is unambiguous (and the fix counted), every other defect reported with its column and
//! the raw value kept for a comment of the entry.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::commune::{Resolved, resolve_commune};
use super::read::{Raw, SourceRecord};
use super::v0;
use crate::communes::Communes;
use crate::config::Bounds;
use crate::diagnostic::{ImportKind, Note, Problem, Rule};
use crate::schema::rules;
use crate::{hours, phone, suggest, vocab};

/// A value of the content model.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// A text.
    Text(String),
    /// A list of texts.
    List(Vec<String>),
    /// A number (coordinates).
    Number(f64),
}

/// A raw value that could not be imported, kept as a comment of the entry.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Kept {
    /// Field (v1 name, or the unknown column's name).
    pub field: String,
    /// The value as the file writes it.
    pub raw: String,
}

/// One place, cleaned.
#[derive(Debug, Clone, Default)]
pub struct ImportedPlace {
    /// Its fields, by v1 name (`presentation_detail` is `body`).
    pub fields: BTreeMap<&'static str, Val>,
    /// `presentation_detail`: the Markdown body of a new entry.
    pub body: Option<String>,
    /// Values that could not be imported.
    pub kept: Vec<Kept>,
    /// `date_maj` could not be read: the entry's date (or today's) stands.
    pub no_date: bool,
    /// Territorial fields (`extensions` of `site.yaml`) set to true.
    pub extensions: BTreeMap<String, bool>,
}

impl ImportedPlace {
    /// A text field.
    pub fn text(&self, name: &str) -> Option<&str> {
        match self.fields.get(name) {
            Some(Val::Text(t)) => Some(t),
            _ => None,
        }
    }
}

/// What cleaning one record gave.
#[derive(Debug, Default)]
pub struct Cleaned {
    /// The place; `None` when it cannot be imported (see the notes).
    pub place: Option<ImportedPlace>,
    /// ImportedPlace outside the territory (not imported, not reported row by row).
    pub outside: bool,
    /// Rules applied, one per value fixed.
    pub rules: Vec<Rule>,
    /// Defects found.
    pub notes: Vec<Note>,
}

/// The territory a record is checked against.
pub struct ImportScope<'a> {
    /// The bounding box of `site.yaml`.
    pub emprise: Option<Bounds>,
    /// The communes list, when `site.yaml` names one.
    pub communes: Option<&'a Communes>,
    /// The build date: `date_maj` may not be later.
    pub today: NaiveDate,
    /// The territorial `booleen` fields of places: a v0 value without a v1 equivalent that is
    /// one's label sets it to true.
    pub flags: &'a [crate::config::Extension],
}

/// The fields of a place as the content model types them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Type {
    Text,
    Code,
    Number,
    Vocabulary,
    Texts,
    Phone,
    Emails,
    Urls,
    Url,
    Hours,
    Date,
    Body,
}

/// The standard's columns: those the import reads.
fn columns() -> impl Iterator<Item = &'static str> {
    crate::schema::standard::schema_fields().iter().map(|f| f.name.as_str())
}

/// The v1 name of a column (trimmed, lowercased, v0 names renamed); `None` for a column the
/// standard does not have. The bool says it was a v0 name.
pub(crate) fn column_name(column: &str) -> Option<(&'static str, bool)> {
    let name = column.trim().to_lowercase();
    if let Some(known) = columns().find(|n| *n == name) {
        return Some((known, false));
    }
    let (_, renamed) = crate::schema::renamed::RENAMED_FIELDS.iter().find(|(old, _)| *old == name)?;
    columns().find(|n| n == renamed).map(|n| (n, true))
}

/// How a column is read: as the content model types its field ([`crate::schema::LIEU`]);
/// `presentation_detail` is the entry's body.
fn type_of(name: &str) -> Type {
    use crate::schema::Type as Model;
    if name == "presentation_detail" {
        return Type::Body;
    }
    match crate::schema::LIEU.iter().find(|f| f.name == name).map(|f| f.kind) {
        Some(Model::Code(_)) => Type::Code,
        Some(Model::Number) => Type::Number,
        Some(Model::Vocabulary(_)) => Type::Vocabulary,
        Some(Model::Texts) => Type::Texts,
        Some(Model::Phone) => Type::Phone,
        Some(Model::Emails) => Type::Emails,
        Some(Model::Urls) => Type::Urls,
        Some(Model::Url) => Type::Url,
        Some(Model::Hours) => Type::Hours,
        Some(Model::Date) => Type::Date,
        _ => Type::Text,
    }
}

/// Splits a list value: a JSON array, else `|` (v1), else `;` (v0).
fn items(raw: &Raw) -> Vec<String> {
    let parts: Vec<String> = match raw {
        // `|` separates list values in the standard: never inside one.
        Raw::List(items) => items.iter().flat_map(|i| i.split('|')).map(str::to_string).collect(),
        Raw::Text(t) | Raw::Number(t) if t.contains('|') => t.split('|').map(str::to_string).collect(),
        Raw::Text(t) | Raw::Number(t) => t.split(';').map(str::to_string).collect(),
    };
    parts.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// Cleans one record against the territory.
pub fn clean(record: &SourceRecord, territory: &ImportScope<'_>) -> Cleaned {
    let flags: Vec<(String, String)> = territory
        .flags
        .iter()
        .filter(|e| e.kind == crate::config::ExtensionType::Boolean)
        .map(|e| (e.nom.clone(), suggest::fold(&e.libelle)))
        .collect();
    let mut c = Cleaner {
        out: Cleaned::default(),
        place: ImportedPlace::default(),
        everyone: false,
        outside_box: false,
        flags,
    };
    if !record.extra.is_empty() {
        let message = ImportKind::ExtraCells { count: record.extra.len(), cells: record.extra.join(" | ") };
        c.keep(Problem::Row, "cellules en trop", "", &record.extra.join(" | "), message);
    }
    // Values per v1 field, in the file's order; a v0 and a v1 column of one field are merged.
    let mut by_field: Vec<(&'static str, String, Raw)> = Vec::new();
    for (column, raw) in &record.fields {
        match column_name(column) {
            Some((name, renamed)) => {
                if renamed {
                    c.rule(Rule::FieldRenamed);
                }
                by_field.push((name, column.clone(), raw.clone()));
            }
            None => {
                c.place.kept.push(Kept { field: column.trim().to_string(), raw: raw.display() });
            }
        }
    }
    for (name, column, raw) in &by_field {
        c.field(name, column, raw);
    }
    if c.everyone {
        // "Adultes" in v0: open to everyone, so no specific public.
        c.place.fields.remove("publics_specifiquement_adresses");
    }
    c.coordinates(&by_field, territory);
    c.date(&by_field, territory.today);
    c.finish(territory, &by_field)
}

struct Cleaner {
    out: Cleaned,
    place: ImportedPlace,
    everyone: bool,
    /// Coordinates outside the bounding box: outside the territory when there is no communes list.
    outside_box: bool,
    /// Territorial booleans: name and folded label.
    flags: Vec<(String, String)>,
}

impl Cleaner {
    fn rule(&mut self, rule: Rule) {
        self.out.rules.push(rule);
    }

    fn note(&mut self, problem: Problem, column: &str, kind: ImportKind) {
        self.out.notes.push(Note { problem, column: column.to_string(), message: kind });
    }

    /// Reports a value and keeps it for the entry's comments.
    fn keep(&mut self, problem: Problem, field: &str, column: &str, raw: &str, kind: ImportKind) {
        self.note(problem, column, kind);
        self.place.kept.push(Kept { field: field.to_string(), raw: raw.to_string() });
    }

    fn set(&mut self, name: &'static str, value: Val) {
        self.place.fields.insert(name, value);
    }

    fn push_list(&mut self, name: &'static str, value: &str) {
        let entry = self.place.fields.entry(name).or_insert_with(|| Val::List(Vec::new()));
        if let Val::List(list) = entry
            && !list.iter().any(|v| v == value)
        {
            list.push(value.to_string());
        }
    }

    fn field(&mut self, name: &'static str, column: &str, raw: &Raw) {
        let text = raw.display().trim().to_string();
        match type_of(name) {
            Type::Text => {
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let len = text.chars().count();
                if name == "presentation_resume" && len > 280 {
                    let message = ImportKind::SummaryTooLong { len, max: 280 };
                    self.keep(Problem::TooLong, name, column, &text, message);
                } else if name == "nom" && !rules::NAME_LENGTH.contains(&len) {
                    let (min, max) = (*rules::NAME_LENGTH.start(), *rules::NAME_LENGTH.end());
                    let message = ImportKind::NameLength { len, min, max };
                    self.keep(Problem::TooLong, name, column, &text, message);
                } else {
                    self.set(name, Val::Text(text));
                }
            }
            Type::Body => self.place.body = Some(raw.display().trim().replace("\r\n", "\n")),
            Type::Code => self.code(name, column, raw),
            Type::Number => {} // with the other coordinate
            Type::Date => {}   // after every field
            Type::Vocabulary => {
                for item in items(raw) {
                    self.vocabulary(name, column, &item);
                }
            }
            Type::Texts => {
                for item in items(raw) {
                    self.push_list(name, &item);
                }
            }
            Type::Phone => match phone::normalize(&text) {
                Some(e164) => {
                    if e164 != text {
                        self.rule(Rule::Phone);
                    }
                    self.set(name, Val::Text(e164));
                }
                None => {
                    let message = ImportKind::Phone { value: text.clone() };
                    self.keep(Problem::Phone, name, column, &text, message);
                }
            },
            Type::Emails => self.emails(name, column, raw),
            Type::Urls => {
                for item in items(raw).iter().flat_map(|i| i.split_whitespace()) {
                    if let Some(url) = self.url(name, column, item) {
                        self.push_list(name, &url);
                    }
                }
            }
            Type::Url => {
                if let Some(url) = self.url(name, column, &text) {
                    self.set(name, Val::Text(url));
                }
            }
            Type::Hours => match hours::parse(&text) {
                Ok(_) => self.set(name, Val::Text(text)),
                Err(error) => {
                    // French hours: the report proposes the OSM value, the entry keeps the text
                    // in a comment (never converted silently).
                    let proposal = crate::spoken_hours::propose(&text);
                    let message = ImportKind::Hours { value: text.clone(), error: error.problem, proposal };
                    self.keep(Problem::Hours, name, column, &text, message);
                }
            },
        }
    }

    fn code(&mut self, name: &'static str, column: &str, raw: &Raw) {
        let text = raw.display().trim().to_string();
        // A JSON number: `1000.0` is 1000.
        let number = match raw {
            Raw::Number(n) => n.parse::<f64>().ok().filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 1e15),
            _ => None,
        };
        let compact: String = match number {
            Some(f) => format!("{f:.0}"),
            None => text.chars().filter(|c| !c.is_whitespace()).collect(),
        };
        let valid = match name {
            "pivot" => rules::is_pivot,
            "code_postal" => rules::is_postal_code,
            _ => rules::is_insee_code,
        };
        if name == "pivot" && compact.bytes().all(|b| b == b'0') {
            return; // "unknown", the default
        }
        let fixed = if valid(&compact) {
            if compact != text && number.is_none() {
                self.rule(if name == "pivot" { Rule::Pivot } else { Rule::LeadingZero });
            }
            Some(compact)
        } else if name != "pivot" && compact.len() == 4 && compact.bytes().all(|b| b.is_ascii_digit()) {
            // A spreadsheet read "01000" as the number 1000.
            self.rule(Rule::LeadingZero);
            Some(format!("0{compact}"))
        } else {
            None
        };
        match fixed {
            Some(code) => self.set(name, Val::Text(code)),
            None => {
                let message = ImportKind::Code { field: name.to_string(), value: text.clone() };
                self.keep(Problem::Code, name, column, &text, message);
            }
        }
    }

    fn vocabulary(&mut self, name: &'static str, column: &str, item: &str) {
        if name == "publics_specifiquement_adresses"
            && v0::EVERYONE.iter().any(|e| suggest::fold(e) == suggest::fold(item))
        {
            self.everyone = true;
            self.rule(Rule::V0Value);
            return;
        }
        let check = if name == "typologie" {
            match vocab::values(name).iter().find(|v| v.eq_ignore_ascii_case(item)) {
                Some(v) => vocab::Check::Ok(v),
                None => vocab::check(name, item),
            }
        } else {
            vocab::check(name, item)
        };
        match check {
            vocab::Check::Ok(canonical) => {
                if canonical != item {
                    self.rule(Rule::VocabularySpelling);
                }
                self.push_list(name, canonical);
            }
            vocab::Check::Unknown { suggestion: Some(canonical), only_spelling: true } => {
                self.rule(Rule::VocabularySpelling);
                self.push_list(name, canonical);
            }
            vocab::Check::Unknown { suggestion, .. } => match v0::value(name, item) {
                Some(targets) => {
                    self.rule(Rule::V0Value);
                    for (field, value) in targets {
                        self.push_list(field, value);
                    }
                }
                None if v0::without_v1(name, item)
                    && let Some((flag, _)) =
                        self.flags.iter().find(|(_, label)| *label == suggest::fold(v0::head(item))) =>
                {
                    let flag = flag.clone();
                    self.place.extensions.insert(flag, true);
                    self.rule(Rule::Extension);
                }
                None if v0::without_v1(name, item) => {
                    let head = v0::head(item);
                    let message = ImportKind::V0Value { field: name.to_string(), value: head.to_string() };
                    self.keep(Problem::UnknownValue, name, column, item, message);
                }
                None => {
                    let message = ImportKind::UnknownValue {
                        field: name.to_string(),
                        value: item.to_string(),
                        suggestion: suggestion.map(|s| s.to_string()),
                        allowed: vocab::values(name),
                    };
                    self.keep(Problem::UnknownValue, name, column, item, message);
                }
            },
        }
    }

    fn emails(&mut self, name: &'static str, column: &str, raw: &Raw) {
        let whole = raw.display();
        // Spaces around `@` and dots belong to the address; other spaces, `;`, `,` and `/`
        // separate addresses.
        let mut text = whole.trim().to_string();
        for (from, to) in [(" @", "@"), ("@ ", "@"), (" .", "."), (". ", ".")] {
            while text.contains(from) {
                text = text.replace(from, to);
            }
        }
        let parts: Vec<String> = text
            .split(|c: char| c.is_whitespace() || ";,/|".contains(c))
            .map(|p| p.trim().trim_start_matches("mailto:").trim_matches(['<', '>']).to_string())
            .filter(|p| !p.is_empty())
            .collect();
        let mut bad = Vec::new();
        for part in &parts {
            if rules::is_email(part) {
                self.push_list(name, part);
            } else {
                bad.push(part.clone());
            }
        }
        if !bad.is_empty() {
            let message = ImportKind::Email { value: bad.join(" ") };
            self.keep(Problem::Email, name, column, whole.trim(), message);
        } else if parts.len() != 1 || parts[0] != whole.trim() {
            self.rule(Rule::Email);
        }
    }

    fn url(&mut self, name: &str, column: &str, text: &str) -> Option<String> {
        match rules::check_url(text) {
            Ok(url) => Some(url),
            Err(None)
                if !text.contains(char::is_whitespace)
                    && !text.contains("://")
                    && !text.contains('@')
                    && text.contains('.') =>
            {
                let with_scheme = format!("https://{}", text.trim_start_matches("//"));
                match rules::check_url(&with_scheme) {
                    Ok(url) => {
                        self.rule(Rule::UrlScheme);
                        Some(url)
                    }
                    Err(_) => {
                        self.bad_url(name, column, text);
                        None
                    }
                }
            }
            Err(_) => {
                self.bad_url(name, column, text);
                None
            }
        }
    }

    fn bad_url(&mut self, name: &str, column: &str, text: &str) {
        let message = ImportKind::Url { value: text.to_string() };
        self.keep(Problem::Url, name, column, text, message);
    }

    fn coordinates(&mut self, fields: &[(&'static str, String, Raw)], territory: &ImportScope<'_>) {
        let get = |name: &str| {
            fields.iter().find(|(n, ..)| *n == name).map(|(_, column, raw)| (column.clone(), raw.display()))
        };
        let (lat, lon) = (get("latitude"), get("longitude"));
        let parse = |text: &str| text.trim().replace(',', ".").parse::<f64>().ok().filter(|v| v.is_finite());
        let (Some((lat_column, lat_raw)), Some((_, lon_raw))) = (&lat, &lon) else {
            if let Some((column, raw)) = lat.as_ref().or(lon.as_ref()) {
                let field = if lat.is_some() { "latitude" } else { "longitude" };
                self.keep(Problem::Coordinates, field, column, raw, ImportKind::OneCoordinate);
            }
            return;
        };
        let both = format!("{lat_raw}, {lon_raw}");
        let (Some(latitude), Some(longitude)) = (parse(lat_raw), parse(lon_raw)) else {
            let message = ImportKind::Coordinates { value: both.clone() };
            self.keep(Problem::Coordinates, "latitude, longitude", lat_column, &both, message);
            return;
        };
        if latitude == 0.0 && longitude == 0.0 {
            let message = ImportKind::NullCoordinates;
            self.keep(Problem::Coordinates, "latitude, longitude", lat_column, &both, message);
            return;
        }
        let (latitude, longitude) = match territory.emprise {
            Some(bounds) if !bounds.contains(latitude, longitude) && bounds.contains(longitude, latitude) => {
                self.rule(Rule::CoordinatesSwapped);
                (longitude, latitude)
            }
            Some(bounds) if !bounds.contains(latitude, longitude) && territory.communes.is_none() => {
                self.outside_box = true;
                return;
            }
            Some(bounds) if !bounds.contains(latitude, longitude) => {
                let message = ImportKind::CoordinatesOutside { value: both.clone() };
                self.keep(Problem::Coordinates, "latitude, longitude", lat_column, &both, message);
                return;
            }
            _ => (latitude, longitude),
        };
        self.set("latitude", Val::Number(latitude));
        self.set("longitude", Val::Number(longitude));
    }

    fn date(&mut self, fields: &[(&'static str, String, Raw)], today: NaiveDate) {
        let Some((_, column, raw)) = fields.iter().find(|(n, ..)| *n == "date_maj") else {
            self.place.no_date = true;
            let message = ImportKind::NoDate;
            self.keep(Problem::Date, "date_maj", "date_maj", "", message);
            return;
        };
        let text = raw.display().trim().to_string();
        let (date, reformatted) = match rules::parse_date(&text) {
            Some(date) => (Some(date), false),
            None => (parse_other_date(&text), true),
        };
        let bad = |today: Option<String>, fictive: bool| Some(ImportKind::Date { value: text.clone(), today, fictive });
        let problem = match date {
            None => bad(None, false),
            Some(d) if chrono::Datelike::year(&d) < 2000 => bad(None, true),
            Some(d) if d > today => bad(Some(today.to_string()), false),
            Some(_) => None,
        };
        match (problem, date) {
            (None, Some(date)) => {
                if reformatted {
                    self.rule(Rule::Date);
                }
                self.set("date_maj", Val::Text(date.to_string()));
            }
            (problem, _) => {
                self.place.no_date = true;
                // A date that reads and is not refused is kept: `problem` is `Some` here.
                let message = problem.unwrap_or(ImportKind::Date { value: text.clone(), today: None, fictive: false });
                self.keep(Problem::Date, "date_maj", column, &text, message);
            }
        }
    }

    fn finish(mut self, territory: &ImportScope<'_>, fields: &[(&'static str, String, Raw)]) -> Cleaned {
        for required in ["nom", "adresse", "code_postal", "commune"] {
            if !self.place.fields.contains_key(required) {
                let bad = self.place.kept.iter().any(|k| k.field == required);
                if !bad {
                    self.note(Problem::Missing, required, ImportKind::MissingRequired { field: required.to_string() });
                } else {
                    self.note(Problem::Missing, required, ImportKind::InvalidRequired { field: required.to_string() });
                }
                return self.out;
            }
        }
        if let Some(communes) = territory.communes {
            let name = self.place.text("commune").unwrap_or_default().to_string();
            let postcode = self.place.text("code_postal").unwrap_or_default().to_string();
            let insee = self.place.text("code_insee").map(str::to_string);
            match resolve_commune(communes, &name, &postcode, insee.as_deref()) {
                Resolved::Inside { commune, code_insee } => {
                    if commune != name {
                        self.rule(Rule::Commune);
                        self.set("commune", Val::Text(commune));
                    }
                    if let Some(code) = code_insee {
                        self.rule(Rule::Commune);
                        self.set("code_insee", Val::Text(code));
                    }
                }
                Resolved::Mismatch(message) => {
                    self.note(Problem::Commune, "commune", message);
                    return self.out;
                }
                Resolved::Outside => {
                    self.out.outside = true;
                    return self.out;
                }
            }
        } else if self.outside_box {
            self.out.outside = true;
            return self.out;
        }
        let unpublishable = super::publishable::problems(&self.place, fields);
        if !unpublishable.is_empty() {
            self.out.notes.extend(unpublishable);
            return self.out;
        }
        self.place.kept.sort();
        self.place.kept.dedup();
        self.out.place = Some(self.place);
        self.out
    }
}

/// Other date shapes: `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`, timestamps.
fn parse_other_date(text: &str) -> Option<NaiveDate> {
    for format in ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"] {
        if let Ok(date) = NaiveDate::parse_from_str(text, format) {
            return Some(date);
        }
    }
    // `2022-10-13T12:00:00.000Z`, `2022-10-13 12:00:00`, `13/10/2022 12:00`.
    let (head, _) = text.split_once(['T', ' '])?;
    rules::parse_date(head).or_else(|| NaiveDate::parse_from_str(head, "%d/%m/%Y").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_other_date_shapes() {
        let d = NaiveDate::from_ymd_opt(2022, 10, 13);
        assert_eq!(parse_other_date("13/10/2022"), d);
        assert_eq!(parse_other_date("2022-10-13T12:00:00.000Z"), d);
        assert_eq!(parse_other_date("2022-10-13 12:00:00"), d);
        assert_eq!(parse_other_date("13 octobre"), None);
    }
}
