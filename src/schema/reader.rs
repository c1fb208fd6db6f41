//! The field reader: typed getters over a YAML [`Document`] (an entry's front matter, or
//! `site.yaml`) that record a located diagnostic for every problem and keep going, so that a
//! single run reports every error of the file. A nested mapping (`territoire:` of `site.yaml`)
//! or each mapping of a list is read by a reader of its own ([`Fields::section`],
//! [`Fields::records`]), with the same kinds, spans and suggestions for unknown keys.
//!
//! It lives below `validate` and `config`, which both read with it (it was
//! `validate/fields.rs`).

use std::collections::BTreeSet;
use std::ops::{Range, RangeInclusive};

use chrono::{NaiveDate, NaiveTime};
use serde_yaml::Value;

use crate::diagnostic::{Diagnostic, Kind, Shape};
use crate::languages;
use crate::load::{Document, Segment};
use crate::schema::rules;
use crate::suggest;
use crate::vocab;

/// A character that has no place in a value: controls (but tab and line breaks, which YAML
/// folds) and the invisible characters of [`rules::is_invisible`].
fn is_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || rules::is_invisible(c)
}

/// A cursor over one mapping of a document that collects diagnostics.
pub(crate) struct Fields<'a> {
    /// The document read.
    pub(crate) doc: &'a Document,
    /// The mapping read: the document's top level, or one nested in it at `prefix`.
    map: &'a serde_yaml::Mapping,
    /// Where `map` is in the document; empty at the top level.
    prefix: Vec<Segment>,
    text: &'a str,
    pub(crate) diagnostics: Vec<Diagnostic>,
    used: BTreeSet<String>,
}

fn key(name: &str) -> Segment {
    Segment::Key(name.to_string())
}

impl<'a> Fields<'a> {
    /// A cursor over the top level of `doc`, whose file text is `text`. An entry
    /// (`&RawEntry`) is passed as its document.
    pub(crate) fn new(doc: &'a Document, text: &'a str) -> Self {
        Fields { doc, map: &doc.fields, prefix: Vec::new(), text, diagnostics: Vec::new(), used: BTreeSet::new() }
    }

    /// The path of the field `name` of this mapping, in the document.
    fn path(&self, name: &str) -> Vec<Segment> {
        let mut path = self.prefix.clone();
        path.push(key(name));
        path
    }

    /// How messages name the field `name` of this mapping: itself at the top level, else its
    /// dotted path (`territoire.centre.latitude`, `pied_de_page[1].url`).
    pub(crate) fn label(&self, name: &str) -> String {
        let mut label = String::new();
        for segment in &self.prefix {
            match segment {
                Segment::Key(k) if label.is_empty() => label.push_str(k),
                Segment::Key(k) => label.push_str(&format!(".{k}")),
                Segment::Index(i) => label.push_str(&format!("[{i}]")),
            }
        }
        if label.is_empty() { name.to_string() } else { format!("{label}.{name}") }
    }

    /// The whole text of the entry's file.
    pub(crate) fn entry_text(&self) -> &'a str {
        self.text
    }

    /// The span of the value of the field `name` of this mapping.
    pub(crate) fn value_span(&self, name: &str) -> Range<usize> {
        self.doc.value_span(&self.path(name))
    }

    /// Records a problem at the value found at `path` (relative to this mapping).
    pub(crate) fn report(&mut self, kind: Kind, path: &[Segment]) {
        let span = self.doc.value_span(&[&self.prefix[..], path].concat());
        self.report_span(kind, span);
    }

    /// Records a problem at an absolute span of the file.
    pub(crate) fn report_span(&mut self, kind: Kind, span: Range<usize>) {
        self.diagnostics.push(Diagnostic::new(kind, self.doc.file, span));
    }

    /// Records a problem on the whole mapping: the entry's opening `---`, or the start of a
    /// nested mapping.
    pub(crate) fn report_entry(&mut self, kind: Kind) {
        let span = if self.prefix.is_empty() {
            self.doc.header_span()
        } else {
            // The start of the mapping: its first key (the event parser marks a block
            // mapping in a list at its first colon).
            let first = self.map.keys().next().and_then(Value::as_str).map(|k| self.doc.key_span(&self.path(k)));
            let start = first.unwrap_or_else(|| self.doc.value_span(&self.prefix)).start;
            start..start
        };
        self.report_span(kind, span);
    }

    /// The raw value of a top-level field. Absent, `null`, an empty text and an empty list are
    /// all "not given" (a scaffold leaves optional fields empty).
    pub(crate) fn raw(&mut self, name: &str) -> Option<&'a Value> {
        self.used.insert(name.to_string());
        self.map.get(name).filter(|v| match v {
            Value::Null => false,
            Value::String(s) => !s.trim().is_empty(),
            Value::Sequence(items) => !items.is_empty(),
            _ => true,
        })
    }

    /// The value of a field of this mapping as written, even empty; the field is not marked
    /// as read.
    pub(crate) fn value(&self, name: &str) -> Option<&'a Value> {
        self.map.get(name)
    }

    /// Reports a required field that is absent, or present but empty (at its own line then).
    pub(crate) fn missing(&mut self, name: &str) {
        if self.map.contains_key(name) {
            let span = self.doc.key_span(&self.path(name));
            self.report_span(Kind::EmptyField { field: name.to_string() }, span);
        } else {
            // The name alone: the span shows which mapping lacks it, and the help says
            // `ajoutez une ligne `name: …``.
            self.report_entry(Kind::MissingField { field: name.to_string() });
        }
    }

    /// Reports `name` as missing (or empty) when it is not given; true when it is given.
    pub(crate) fn require(&mut self, name: &str) -> bool {
        let given = self.raw(name).is_some();
        if !given {
            self.missing(name);
        }
        given
    }

    /// A text value at `path` (from `value`); other types are reported. Every text of every
    /// type of entry is read here (lists, nested fields and territorial fields too), so the
    /// rules on what a published text may hold live here: no control or invisible character,
    /// no lost character (`�`), no start that a spreadsheet runs as a formula.
    pub(crate) fn text_value(&mut self, value: &Value, path: &[Segment], field: &str) -> Option<String> {
        match value {
            Value::String(s) => {
                let text = s.trim();
                let kind = if let Some(c) = s.chars().find(|c| is_control(*c)) {
                    let code = format!("U+{:04X}", c as u32);
                    Kind::ControlCharacter { field: field.to_string(), code }
                } else if text.contains(rules::REPLACEMENT) {
                    Kind::ReplacementCharacter { field: field.to_string() }
                } else if let Some(sign) = rules::formula_sign(text) {
                    Kind::FormulaStart { field: field.to_string(), sign }
                } else {
                    return Some(text.to_string()).filter(|s| !s.is_empty());
                };
                self.report(kind, path);
                None
            }
            other => {
                let found = Shape::of(other);
                self.report(Kind::WrongType { field: field.to_string(), expected: Shape::Text, found }, path);
                None
            }
        }
    }

    /// An optional text field.
    pub(crate) fn text(&mut self, name: &str) -> Option<String> {
        let value = self.raw(name)?;
        self.text_value(value, &[key(name)], &self.label(name))
    }

    /// An optional value of a short list of resin's own (`allowed`): case, accents and
    /// apostrophes do not matter; another value is reported.
    pub(crate) fn choice(&mut self, name: &str, allowed: &'static [&'static str]) -> Option<&'static str> {
        let value = self.text(name)?;
        let folded = suggest::fold(&value);
        if let Some(found) = allowed.iter().find(|a| suggest::fold(a) == folded) {
            return Some(found);
        }
        self.report(Kind::NotAChoice { field: name.to_string(), value, allowed }, &[key(name)]);
        None
    }

    /// A required text field: a missing or empty one is reported.
    pub(crate) fn required_text(&mut self, name: &str) -> Option<String> {
        let Some(value) = self.raw(name) else {
            self.missing(name);
            return None;
        };
        self.text_value(value, &[key(name)], &self.label(name))
    }

    /// A text field that must be at most `max` characters long.
    pub(crate) fn short_text(&mut self, name: &str, max: usize) -> Option<String> {
        let text = self.text(name)?;
        self.check_length(name, &text, 0..=max);
        Some(text)
    }

    /// A required text field whose length in characters must be in `range`.
    pub(crate) fn required_sized_text(&mut self, name: &str, range: RangeInclusive<usize>) -> Option<String> {
        let text = self.required_text(name)?;
        self.check_length(name, &text, range);
        Some(text)
    }

    /// Reports `text`, the value of `name`, when its length in characters is outside `range`.
    fn check_length(&mut self, name: &str, text: &str, range: RangeInclusive<usize>) {
        let len = text.chars().count();
        let kind = if len < *range.start() {
            Kind::TooShort { field: self.label(name), min: *range.start(), len }
        } else if len > *range.end() {
            Kind::TooLong { field: self.label(name), max: *range.end(), len }
        } else {
            return;
        };
        self.report(kind, &[key(name)]);
    }

    /// A list field: a YAML list of texts, or a single text taken as a one-item list.
    /// Returns each text with its path. A value holding `|` (the exports' list separator) is
    /// reported and left out.
    pub(crate) fn list(&mut self, name: &str) -> Vec<(String, Vec<Segment>)> {
        let mut items = self.list_items(name);
        items.retain(|(text, path)| {
            let clean = !text.contains('|');
            if !clean {
                self.report(Kind::PipeInValue { field: self.label(name) }, path);
            }
            clean
        });
        items
    }

    fn list_items(&mut self, name: &str) -> Vec<(String, Vec<Segment>)> {
        let Some(value) = self.raw(name) else { return Vec::new() };
        match value {
            Value::Sequence(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let path = vec![key(name), Segment::Index(i)];
                    self.text_value(item, &path, &self.label(name)).map(|t| (t, path))
                })
                .collect(),
            Value::String(_) => {
                let path = vec![key(name)];
                self.text_value(value, &path, &self.label(name)).map(|t| (t, path)).into_iter().collect()
            }
            other => {
                let found = Shape::of(other);
                self.report(Kind::WrongType { field: self.label(name), expected: Shape::List, found }, &[key(name)]);
                Vec::new()
            }
        }
    }

    /// A list of free texts.
    /// An item with an unclosed bracket was cut by a comma (`[Vos identifiants (CAF, Ameli)]`
    /// reads as two items): reported, and the list kept as read.
    pub(crate) fn texts(&mut self, name: &str) -> Vec<String> {
        let items = self.list(name);
        if let Some((value, path)) = items.iter().find(|(t, _)| rules::cut_by_comma(t)) {
            self.report(Kind::ListCut { field: self.label(name), value: value.clone() }, path);
        }
        items.into_iter().map(|(t, _)| t).collect()
    }

    /// A list of values from the standard's vocabulary; unknown values are reported with the
    /// closest allowed one. Duplicates are dropped.
    pub(crate) fn vocabulary(&mut self, name: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (value, path) in self.list(name) {
            match vocab::check(name, &value) {
                vocab::Check::Ok(canonical) => {
                    if !out.iter().any(|v| v == canonical) {
                        out.push(canonical.to_string());
                    }
                }
                vocab::Check::Unknown { suggestion, only_spelling } => self.report(
                    Kind::NotInVocabulary {
                        field: self.label(name),
                        value,
                        suggestion: suggestion.map(str::to_string),
                        only_spelling,
                    },
                    &path,
                ),
            }
        }
        out
    }

    /// A list of languages (`langues`): codes of [`languages`], each once; an unknown value is
    /// reported with the code it most likely means, a repeated one with a warning.
    pub(crate) fn languages(&mut self, name: &str) -> Vec<String> {
        use crate::diagnostic::LanguageKind;
        let mut out: Vec<String> = Vec::new();
        for (value, path) in self.list(name) {
            let problem = match languages::check(&value) {
                languages::Check::Ok(code) if out.iter().any(|c| c == code) => {
                    LanguageKind::Repeated { code: code.to_string(), name: languages::name(code).to_string() }
                }
                languages::Check::Ok(code) => {
                    out.push(code.to_string());
                    continue;
                }
                languages::Check::French => LanguageKind::French { value },
                languages::Check::Unknown(likely) => {
                    LanguageKind::Unknown { value, suggestion: likely.map(|l| (l.code, l.name)) }
                }
            };
            self.report(Kind::Language(problem), &path);
        }
        out
    }

    /// An optional number.
    pub(crate) fn number(&mut self, name: &str) -> Option<f64> {
        let value = self.raw(name)?;
        match value {
            Value::Number(n) => n.as_f64(),
            other => {
                let found = Shape::of(other);
                self.report(Kind::WrongType { field: self.label(name), expected: Shape::Number, found }, &[key(name)]);
                None
            }
        }
    }

    /// A scalar written as text or number, parsed by `parse`; a value of another type or one
    /// that does not parse is reported (`invalid` builds the kind from the field and the text).
    fn parsed_value<T>(
        &mut self,
        value: &Value,
        path: &[Segment],
        field: &str,
        expected: Shape,
        parse: fn(&str) -> Option<T>,
        invalid: fn(String, String) -> Kind,
    ) -> Option<T> {
        let text = match value {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            other => {
                let found = Shape::of(other);
                self.report(Kind::WrongType { field: field.to_string(), expected, found }, path);
                return None;
            }
        };
        let parsed = parse(&text);
        if parsed.is_none() {
            self.report(invalid(field.to_string(), text), path);
        }
        parsed
    }

    /// A `YYYY-MM-DD` date from a value at `path`.
    pub(crate) fn date_value(&mut self, value: &Value, path: &[Segment], field: &str) -> Option<NaiveDate> {
        self.parsed_value(value, path, field, Shape::Date, rules::parse_date, |field, value| Kind::Date {
            field,
            value,
        })
    }

    /// A required date field.
    pub(crate) fn required_date(&mut self, name: &str) -> Option<NaiveDate> {
        let Some(value) = self.raw(name) else {
            self.missing(name);
            return None;
        };
        self.date_value(value, &[key(name)], &self.label(name))
    }

    /// An `HH:MM` time from a value at `path`.
    pub(crate) fn time_value(&mut self, value: &Value, path: &[Segment], field: &str) -> Option<NaiveTime> {
        self.parsed_value(value, path, field, Shape::Time, rules::parse_time, |field, value| Kind::Time {
            field,
            value,
        })
    }

    /// An optional http(s) URL.
    pub(crate) fn url(&mut self, name: &str) -> Option<String> {
        let text = self.text(name)?;
        self.check_url(text, &[key(name)])
    }

    /// A list of http(s) URLs.
    pub(crate) fn urls(&mut self, name: &str) -> Vec<String> {
        self.list(name).into_iter().filter_map(|(text, path)| self.check_url(text, &path)).collect()
    }

    fn check_url(&mut self, text: String, path: &[Segment]) -> Option<String> {
        match rules::check_url(&text) {
            Ok(url) => Some(url),
            Err(scheme) => {
                self.report(Kind::Url { value: text, scheme }, path);
                None
            }
        }
    }

    /// An optional French phone number, returned in E.164.
    pub(crate) fn phone(&mut self, name: &str) -> Option<String> {
        // Published in E.164, which runs nothing in a spreadsheet: `+33 (0)4 78-…` is no formula
        // (and a number holds no control or lost character).
        if let Some(Value::String(s)) = self.raw(name)
            && let Some(e164) = crate::phone::normalize(s)
        {
            return Some(e164);
        }
        let raw = self.text(name)?;
        let e164 = crate::phone::normalize(&raw);
        if e164.is_none() {
            self.report(Kind::Phone { value: raw }, &[key(name)]);
        }
        e164
    }

    /// An optional e-mail address.
    pub(crate) fn email(&mut self, name: &str) -> Option<String> {
        let text = self.text(name)?;
        if rules::is_email(&text) {
            Some(text)
        } else {
            self.report(Kind::Email { value: text }, &[key(name)]);
            None
        }
    }

    /// An optional date field.
    pub(crate) fn date(&mut self, name: &str) -> Option<NaiveDate> {
        let value = self.raw(name)?;
        self.date_value(value, &[key(name)], &self.label(name))
    }

    /// A required `HH:MM` time field.
    pub(crate) fn required_time(&mut self, name: &str) -> Option<NaiveTime> {
        let Some(value) = self.raw(name) else {
            self.missing(name);
            return None;
        };
        self.time_value(value, &[key(name)], &self.label(name))
    }

    /// An optional whole number, zero or more.
    pub(crate) fn whole_number(&mut self, name: &str) -> Option<u64> {
        let value = self.raw(name)?;
        match value {
            Value::Number(n) if n.as_u64().is_some() => n.as_u64(),
            other => {
                let found =
                    if matches!(other, Value::Number(_)) { Shape::FractionOrNegative } else { Shape::of(other) };
                let kind = Kind::WrongType { field: self.label(name), expected: Shape::WholeNumber, found };
                self.report(kind, &[key(name)]);
                None
            }
        }
    }

    /// A list of e-mail addresses.
    pub(crate) fn emails(&mut self, name: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (text, path) in self.list(name) {
            if rules::is_email(&text) {
                out.push(text);
            } else {
                self.report(Kind::Email { value: text }, &path);
            }
        }
        out
    }

    /// Checks the Markdown body: not nested deeper than the sanitiser can take, no lost
    /// character (`�`).
    pub(crate) fn body(&mut self) {
        let body = &self.text[self.doc.body.clone()];
        let depth = crate::markdown::depth(body);
        if depth > crate::markdown::MAX_DEPTH {
            let at = self.doc.body.start;
            self.report_span(Kind::BodyTooDeep { depth, max: crate::markdown::MAX_DEPTH }, at..at);
        }
        if let Some(offset) = body.find(rules::REPLACEMENT) {
            let at = self.doc.body.start + offset;
            let kind = Kind::ReplacementCharacter { field: "texte".into() };
            self.report_span(kind, at..at + rules::REPLACEMENT.len_utf8());
        }
    }

    /// Checks a body exported as a cell of the CSV files under the name `field` (a place's
    /// `presentation_detail`): it must not start as a formula either.
    pub(crate) fn exported_body(&mut self, field: &str) {
        self.body();
        let body = &self.text[self.doc.body.clone()];
        let text = body.trim();
        if let Some(sign) = rules::formula_sign(text) {
            let at = self.doc.body.start + (body.len() - body.trim_start().len());
            let kind = Kind::FormulaStart { field: field.to_string(), sign };
            self.report_span(kind, at..at + sign.len_utf8());
        }
    }

    /// Reads the mapping at `name` with a reader of its own, given to `read`; its problems,
    /// and its keys that are not in `known` (with the closest one suggested), join this
    /// reader's. `None` when the field is not given; a value that is not a mapping is reported.
    pub(crate) fn section<T>(
        &mut self,
        name: &str,
        known: &'static [&'static str],
        read: impl FnOnce(&mut Fields<'a>) -> T,
    ) -> Option<T> {
        let value = self.raw(name)?;
        self.nested(value, self.path(name), self.label(name), known, read)
    }

    /// Reads each mapping of the list at `name` as [`Fields::section`] reads one.
    pub(crate) fn records<T>(
        &mut self,
        name: &str,
        known: &'static [&'static str],
        mut read: impl FnMut(&mut Fields<'a>) -> T,
    ) -> Vec<T> {
        let Some(value) = self.raw(name) else { return Vec::new() };
        let Value::Sequence(items) = value else {
            let found = Shape::of(value);
            self.report(Kind::WrongType { field: self.label(name), expected: Shape::List, found }, &[key(name)]);
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let mut path = self.path(name);
            path.push(Segment::Index(i));
            let label = format!("{}[{i}]", self.label(name));
            out.extend(self.nested(item, path, label, known, &mut read));
        }
        out
    }

    /// A reader over `value`, a mapping at `path` (absolute) that messages call `label`.
    fn nested<T>(
        &mut self,
        value: &'a Value,
        path: Vec<Segment>,
        label: String,
        known: &'static [&'static str],
        read: impl FnOnce(&mut Fields<'a>) -> T,
    ) -> Option<T> {
        let Value::Mapping(map) = value else {
            let found = Shape::of(value);
            let span = self.doc.value_span(&path);
            self.report_span(Kind::WrongType { field: label, expected: Shape::Fields, found }, span);
            return None;
        };
        let mut inner = Fields {
            doc: self.doc,
            map,
            prefix: path,
            text: self.text,
            diagnostics: Vec::new(),
            used: BTreeSet::new(),
        };
        let out = read(&mut inner);
        let diagnostics = inner.finish(known);
        self.diagnostics.extend(diagnostics);
        Some(out)
    }

    /// An optional yes-or-no field.
    pub(crate) fn boolean(&mut self, name: &str) -> Option<bool> {
        match self.raw(name)? {
            Value::Bool(b) => Some(*b),
            other => {
                let (field, found) = (self.label(name), Shape::of(other));
                self.report(Kind::WrongType { field, expected: Shape::YesNo, found }, &[key(name)]);
                None
            }
        }
    }

    /// Reports every field of this mapping that was never read, with the closest known name.
    pub(crate) fn finish(mut self, known: &'static [&'static str]) -> Vec<Diagnostic> {
        let unknown: Vec<String> = self
            .map
            .keys()
            .map(|k| match k {
                Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
            })
            .filter(|k| !self.used.contains(k))
            .collect();
        for field in unknown {
            let renamed = crate::schema::renamed::new_name(&field);
            let suggestion = renamed.or_else(|| suggest::closest(&field, known.iter().copied())).map(str::to_string);
            let span = self.doc.key_span(&self.path(&field));
            self.report_span(Kind::UnknownField { field, suggestion, known: known.to_vec() }, span);
        }
        self.diagnostics
    }
}
