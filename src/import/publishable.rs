//! What `resin check` refuses to publish, looked for in a cleaned place before it is written
//! (issue 19): a value that starts as a spreadsheet formula (`=HYPERLINK(…)` in `nom` would
//! run in whoever opens `lieux.csv`), a character lost in decoding (`Maison Fran�aise`). Such
//! a row is held back and reported with its column, like a row without a name: the entry
//! would not pass `check`, and a person must fix the source.

use std::collections::BTreeSet;

use super::clean::{ImportedPlace, Val};
use super::read::Raw;
use crate::diagnostic::{ImportKind, Note, Problem};
use crate::schema::rules;

/// A value as a message quotes it: on one line, cut after 80 characters.
pub(crate) fn excerpt(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}

/// The notes on the values of `place` that cannot be published. `fields` are the record's
/// values: v1 name, column as the file writes it, raw value. A lost character is looked for in
/// the raw value (it may have made the value unreadable, and kept in a comment); a formula in
/// the cleaned one (a phone number becomes `+33…` in E.164, which runs nothing).
pub(crate) fn problems(place: &ImportedPlace, fields: &[(&'static str, String, Raw)]) -> Vec<Note> {
    let mut notes = Vec::new();
    // A field given by two columns (v0 and v1 names) is reported once.
    let mut seen = BTreeSet::new();
    for (name, column, raw) in fields {
        let raw = raw.display();
        if raw.contains(rules::REPLACEMENT) {
            let message = ImportKind::LostCharacter { value: excerpt(&raw) };
            notes.push(Note { problem: Problem::LostCharacter, column: column.clone(), message });
            continue;
        }
        let values: Vec<&str> = match place.fields.get(name) {
            Some(Val::Text(text)) => vec![text],
            Some(Val::List(items)) => items.iter().map(String::as_str).collect(),
            Some(Val::Number(_)) => Vec::new(),
            None if *name == "presentation_detail" => place.body.as_deref().into_iter().collect(),
            None => Vec::new(),
        };
        let formula = values.iter().find_map(|value| rules::formula_sign(value.trim()).map(|sign| (value, sign)));
        if let Some((value, sign)) = formula
            && seen.insert(*name)
        {
            let message = ImportKind::Formula { value: excerpt(value), sign };
            notes.push(Note { problem: Problem::Formula, column: column.clone(), message });
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_stay_short() {
        assert_eq!(excerpt("Maison  des\nservices"), "Maison des services");
        assert_eq!(excerpt(&"é".repeat(100)).chars().count(), 81);
    }

    #[test]
    fn finds_formulas_in_cleaned_values_and_lost_characters_in_raw_ones() {
        let mut place = ImportedPlace::default();
        place.fields.insert("nom", Val::Text("=HYPERLINK(\"https://x.fr\")".into()));
        place.fields.insert("telephone", Val::Text("+33478000000".into()));
        place.fields.insert("autres_formations_labels", Val::List(vec!["Label".into(), "@SUM(1)".into()]));
        place.body = Some("-2+3+cmd|' /C calc'!A0".into());
        let raw = |text: &str| Raw::Text(text.into());
        let fields = [
            ("nom", "Nom".to_string(), raw("=HYPERLINK(\"https://x.fr\")")),
            ("telephone", "tel".to_string(), raw("+33 4 78 00 00 00")),
            ("autres_formations_labels", "labels".to_string(), raw("Label|@SUM(1)")),
            ("presentation_detail", "detail".to_string(), raw("-2+3+cmd|' /C calc'!A0")),
            ("adresse", "adresse".to_string(), raw("3 rue Fran\u{FFFD}aise")),
        ];
        let found: Vec<(Problem, String)> =
            problems(&place, &fields).into_iter().map(|n| (n.problem, n.column)).collect();
        assert_eq!(
            found,
            [
                (Problem::Formula, "Nom".into()),
                (Problem::Formula, "labels".into()),
                (Problem::Formula, "detail".into()),
                (Problem::LostCharacter, "adresse".into()),
            ]
        );
    }
}
