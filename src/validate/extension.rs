//! Territorial fields (`extensions` of `site.yaml`): each value read with the type its
//! declaration gives, and reported with the declaration's label when it does not fit.

use serde_yaml::Value;

use crate::diagnostic::Kind;
use crate::load::Segment;
use crate::model::ExtValue;
use crate::schema::extension::{Extension, ExtensionType};
use crate::schema::reader::{Fields, type_name};
use crate::schema::rules;
use crate::suggest;

/// Reads every declared field the entry gives, in the order of `declared`.
pub(crate) fn read(f: &mut Fields<'_>, declared: &[Extension]) -> Vec<(String, ExtValue)> {
    declared.iter().filter_map(|e| value(f, e).map(|v| (e.nom.clone(), v))).collect()
}

/// How to write a value of `e`, for the help text.
fn hint(e: &Extension) -> String {
    let name = &e.nom;
    match e.kind {
        ExtensionType::Boolean => format!("écrivez `{name}: true` (oui) ou `{name}: false` (non)"),
        ExtensionType::Text => format!("écrivez le texte après `{name}:`, entre guillemets s'il contient `: `"),
        ExtensionType::Choice => {
            format!(
                "choisissez parmi : {}",
                e.valeurs.iter().map(|v| format!("« {v} »")).collect::<Vec<_>>().join(", ")
            )
        }
        ExtensionType::Url => format!("écrivez l'adresse complète, par exemple `{name}: https://exemple.fr/page`"),
        ExtensionType::Date => format!("écrivez la date sous la forme AAAA-MM-JJ, par exemple `{name}: 2026-03-03`"),
        ExtensionType::Unknown => format!("corrigez le type de `{name}` dans `site.yaml`"),
    }
}

fn value(f: &mut Fields<'_>, e: &Extension) -> Option<ExtValue> {
    let raw = f.raw(&e.nom)?;
    let path = [Segment::Key(e.nom.clone())];
    let wrong = |f: &mut Fields<'_>, found: String| {
        let message = format!(
            "`{}` (« {} », champ propre au territoire) attend {}, pas {found}",
            e.nom,
            e.libelle,
            e.kind.expected()
        );
        let kind = Kind::ExtensionValue { message, hint: hint(e) };
        f.report(kind, &path);
        None
    };
    match (e.kind, raw) {
        // The declaration is reported in site.yaml; its values are not checked.
        (ExtensionType::Unknown, _) => None,
        (ExtensionType::Boolean, Value::Bool(b)) => Some(ExtValue::Bool(*b)),
        (ExtensionType::Boolean, Value::String(s)) => {
            // "oui" and "non" are what people write: YAML reads them as text.
            match suggest::fold(s.trim()).as_str() {
                "oui" | "vrai" => Some(ExtValue::Bool(true)),
                "non" | "faux" => Some(ExtValue::Bool(false)),
                _ => wrong(f, format!("« {s} »")),
            }
        }
        (ExtensionType::Text, Value::String(_)) => f.text_value(raw, &path, &e.nom).map(ExtValue::Text),
        (ExtensionType::Choice, Value::String(s)) => {
            let folded = suggest::fold(s.trim());
            match e.valeurs.iter().find(|v| suggest::fold(v) == folded) {
                Some(v) => Some(ExtValue::Text(v.clone())),
                None => {
                    let close = suggest::closest(s, e.valeurs.iter().map(String::as_str));
                    let found = match close {
                        Some(c) => format!("« {s} » (vouliez-vous dire « {c} » ?)"),
                        None => format!("« {s} »"),
                    };
                    wrong(f, found)
                }
            }
        }
        (ExtensionType::Url, Value::String(s)) => match rules::check_url(s.trim()) {
            Ok(url) => Some(ExtValue::Text(url)),
            Err(_) => wrong(f, format!("« {s} »")),
        },
        (ExtensionType::Date, Value::String(_) | Value::Number(_)) => {
            let text = match raw {
                Value::String(s) => s.trim().to_string(),
                other => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
            };
            match rules::parse_date(&text) {
                Some(date) => Some(ExtValue::Date(date)),
                None => wrong(f, format!("« {text} »")),
            }
        }
        (_, other) => {
            let found = match other {
                Value::String(s) => format!("« {s} »"),
                Value::Bool(b) => format!("`{b}`"),
                other => type_name(other).to_string(),
            };
            wrong(f, found)
        }
    }
}
