//! Territorial fields (`extensions` of `site.yaml`): each value read with the type its
//! declaration gives, and reported with the declaration's label when it does not fit.

use serde_yaml::Value;

use crate::diagnostic::{Declared, ExtensionMismatch, Found, Kind, Shape};
use crate::load::Segment;
use crate::model::ExtValue;
use crate::schema::extension::{Extension, ExtensionType};
use crate::schema::reader::Fields;
use crate::schema::rules;
use crate::suggest;

/// Reads every declared field the entry gives, in the order of `declared`.
pub(crate) fn read(f: &mut Fields<'_>, declared: &[Extension]) -> Vec<(String, ExtValue)> {
    declared.iter().filter_map(|e| value(f, e).map(|v| (e.nom.clone(), v))).collect()
}

/// The declared type of `e`, as its problems name it; `None` for a type resin does not know.
fn declared(e: &Extension) -> Option<Declared> {
    Some(match e.kind {
        ExtensionType::Boolean => Declared::Boolean,
        ExtensionType::Text => Declared::Text,
        ExtensionType::Choice => Declared::Choice(e.valeurs.clone()),
        ExtensionType::Url => Declared::Url,
        ExtensionType::Date => Declared::Date,
        ExtensionType::Unknown => return None,
    })
}

fn value(f: &mut Fields<'_>, e: &Extension) -> Option<ExtValue> {
    let raw = f.raw(&e.nom)?;
    // A type resin does not know is reported in site.yaml; its values are not checked.
    let declared = declared(e)?;
    let path = [Segment::Key(e.nom.clone())];
    let wrong = |f: &mut Fields<'_>, found: Found| {
        let kind = Kind::ExtensionValue(Box::new(ExtensionMismatch {
            field: e.nom.clone(),
            label: e.libelle.clone(),
            expected: e.kind.expected(),
            declared: declared.clone(),
            found,
        }));
        f.report(kind, &path);
        None
    };
    match (e.kind, raw) {
        (ExtensionType::Boolean, Value::Bool(b)) => Some(ExtValue::Bool(*b)),
        (ExtensionType::Boolean, Value::String(s)) => {
            // "oui" and "non" are what people write: YAML reads them as text.
            match suggest::fold(s.trim()).as_str() {
                "oui" | "vrai" => Some(ExtValue::Bool(true)),
                "non" | "faux" => Some(ExtValue::Bool(false)),
                _ => wrong(f, Found::Text(s.clone())),
            }
        }
        (ExtensionType::Text, Value::String(_)) => f.text_value(raw, &path, &e.nom).map(ExtValue::Text),
        (ExtensionType::Choice, Value::String(s)) => {
            let folded = suggest::fold(s.trim());
            match e.valeurs.iter().find(|v| suggest::fold(v) == folded) {
                Some(v) => Some(ExtValue::Text(v.clone())),
                None => {
                    let found = match suggest::closest(s, e.valeurs.iter().map(String::as_str)) {
                        Some(c) => Found::Close { value: s.clone(), suggestion: c.to_string() },
                        None => Found::Text(s.clone()),
                    };
                    wrong(f, found)
                }
            }
        }
        (ExtensionType::Url, Value::String(s)) => match rules::check_url(s.trim()) {
            Ok(url) => Some(ExtValue::Text(url)),
            Err(_) => wrong(f, Found::Text(s.clone())),
        },
        (ExtensionType::Date, Value::String(_) | Value::Number(_)) => {
            let text = match raw {
                Value::String(s) => s.trim().to_string(),
                other => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
            };
            match rules::parse_date(&text) {
                Some(date) => Some(ExtValue::Date(date)),
                None => wrong(f, Found::Text(text)),
            }
        }
        (_, other) => {
            let found = match other {
                Value::String(s) => Found::Text(s.clone()),
                Value::Bool(b) => Found::Bool(*b),
                other => Found::Type(Shape::of(other)),
            };
            wrong(f, found)
        }
    }
}
