//! The entries an import writes: existing places read back, matched to the source's records,
//! updated field by field, and new ones written out as `content/lieux/<slug>.md`.

use std::path::Path;

use chrono::NaiveDate;
use serde_yaml::{Mapping, Value};

use super::clean::{ImportedPlace, Kept, Val};
use crate::diagnostic::{ImportError, Kind};
use crate::error::Error;
use crate::languages;
use crate::load;
use crate::suggest::fold;
use crate::{phone, vocab};

/// The line that opens the comments holding what could not be imported.
pub(crate) const KEPT_HEADER: &str = "# Valeurs de la source à reprendre à la main (resin import) :";

/// A place already in `content/lieux/`.
#[derive(Debug)]
pub(crate) struct Existing {
    /// File name without `.md`.
    pub slug: String,
    /// Path relative to the site root, with `/` (`content/lieux/villeurbanne/x.md`).
    pub path: String,
    /// The file's text.
    pub text: String,
    /// Its front matter.
    pub fields: Mapping,
    /// Byte range of its Markdown body.
    pub body: std::ops::Range<usize>,
}

impl Existing {
    fn get(&self, name: &str) -> Option<&Value> {
        self.fields.get(name).filter(|v| !matches!(v, Value::Null))
    }

    /// A text field (numbers written as text too).
    pub(crate) fn text(&self, name: &str) -> Option<String> {
        match self.get(name)? {
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    /// `id`, or the slug when absent.
    pub(crate) fn id(&self) -> String {
        self.text("id").unwrap_or_else(|| self.slug.clone())
    }

    /// `date_maj`.
    pub(crate) fn date(&self) -> Option<NaiveDate> {
        self.text("date_maj").and_then(|d| crate::schema::rules::parse_date(&d))
    }
}

/// Reads every place of `content/lieux/` (and its subfolders) under `root`. A file that
/// cannot be read as an entry stops the import: `resin check` says what is wrong with it.
pub(crate) fn read_existing(root: &Path) -> Result<Vec<Existing>, Error> {
    let dir = root.join("content").join(load::EntryKind::Place.folder());
    let mut found = Vec::new();
    let io = |path: &Path, source| Error::Io { path: path.to_path_buf(), source };
    match std::fs::symlink_metadata(&dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(found),
        Err(e) => return Err(io(&dir, e)),
        Ok(meta) if meta.file_type().is_symlink() || !meta.is_dir() => {
            return Err(Error::Import(ImportError::PlacesNotAFolder { path: dir }));
        }
        Ok(_) => {}
    }
    for item in walkdir::WalkDir::new(&dir).follow_links(false).sort_by_file_name() {
        let item = item.map_err(|e| {
            let path = e.path().unwrap_or(&dir).to_path_buf();
            Error::Io { path, source: e.into() }
        })?;
        let path = item.path();
        if !item.file_type().is_file() || path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let (text, invalid) = load::read_text(path)?;
        let slug = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let relative = path
            .strip_prefix(root)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if invalid.is_some() {
            return Err(Error::Import(ImportError::EntryNotUtf8 { path: relative }));
        }
        let unreadable =
            |kind| Error::Import(ImportError::EntryUnreadable { path: relative.clone(), kind: Box::new(kind) });
        found.push(written(&slug, relative.clone(), text).map_err(unreadable)?);
    }
    Ok(found)
}

/// An entry's text read as an [`Existing`] entry: the files of `content/lieux/`, and what the
/// import writes (checked to read back before it is written).
pub(crate) fn written(slug: &str, path: String, text: String) -> Result<Existing, Kind> {
    let parsed = load::parse_entry(&text).map_err(|(kind, _)| kind)?;
    let raw = load::RawEntry::new(load::EntryKind::Place, crate::source::FileId(0), slug.to_string(), parsed);
    Ok(Existing { slug: slug.to_string(), path, fields: raw.document.fields, body: raw.document.body, text })
}

/// Keys to recognise a place by: its address (and SIRET, or name and commune), folded.
pub(crate) fn address_key(pivot: Option<&str>, nom: &str, adresse: &str, commune: &str) -> (Option<String>, String) {
    let pivot = pivot.filter(|p| !p.bytes().all(|b| b == b'0')).map(|p| format!("{p}|{}", fold(adresse)));
    (pivot, format!("{}|{}|{}", fold(nom), fold(adresse), fold(commune)))
}

/// A file slug for a new place: its name, else its name and commune, else a number added.
pub(crate) fn new_slug(nom: &str, commune: &str, taken: &dyn Fn(&str) -> bool) -> String {
    let base = load::file_slug(nom);
    let base = if base.is_empty() { "lieu".to_string() } else { base };
    if !taken(&base) {
        return base;
    }
    let with_commune = load::file_slug(&format!("{nom} {commune}"));
    if !taken(&with_commune) {
        return with_commune;
    }
    (2..).map(|n| format!("{with_commune}-{n}")).find(|s| !taken(s)).expect("an unused number exists")
}

/// One value as YAML text on the line of its key (`key: value`) or as a block list.
fn emit_field(out: &mut String, name: &str, value: &Value) {
    match value {
        Value::Sequence(items) if !items.is_empty() => {
            out.push_str(name);
            out.push_str(":\n");
            for item in items {
                out.push_str("  - ");
                out.push_str(&scalar(item));
                out.push('\n');
            }
        }
        Value::Mapping(_) | Value::Tagged(_) | Value::Sequence(_) => {
            let mut one = Mapping::new();
            one.insert(Value::String(name.to_string()), value.clone());
            out.push_str(&serde_yaml::to_string(&one).unwrap_or_default());
        }
        _ => {
            out.push_str(name);
            out.push_str(": ");
            out.push_str(&scalar(value));
            out.push('\n');
        }
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::Number(n) => n.to_string(),
        other => serde_yaml::to_string(other).unwrap_or_default().trim_end().to_string(),
    }
}

fn to_value(val: &Val) -> Value {
    match val {
        Val::Text(t) => Value::String(t.clone()),
        Val::Number(n) => Value::Number((*n).into()),
        Val::List(items) => Value::Sequence(items.iter().cloned().map(Value::String).collect()),
    }
}

/// True when the entry's value says the same as the source's (another phone format, a single
/// text for a one-item list, another spelling of a vocabulary value…).
fn same(field: &str, existing: &Value, new: &Val) -> bool {
    let text = |v: &Value| match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let canonical = |s: String| -> String {
        match vocab::check(field, &s) {
            vocab::Check::Ok(c) => c.to_string(),
            _ => s,
        }
    };
    match new {
        Val::Number(n) => match existing {
            Value::Number(m) => m.as_f64() == Some(*n),
            _ => false,
        },
        Val::Text(t) if field == "telephone" => text(existing).is_some_and(|s| phone::normalize(&s).unwrap_or(s) == *t),
        Val::Text(t) => text(existing).is_some_and(|s| s == *t),
        Val::List(items) => {
            let old: Vec<String> = match existing {
                Value::Sequence(seq) => seq.iter().filter_map(text).map(canonical).collect(),
                other => text(other).map(canonical).into_iter().collect(),
            };
            old == *items
        }
    }
}

/// True when `val`, the source's `prise_en_charge_specifique`, is what the entry's export
/// writes: its own values and what its `langues` say (`languages::merged_support`). An export
/// imported back into its site then changes nothing, and the entry keeps its languages apart.
fn exported_support(existing: &Existing, name: &str, val: &Val) -> bool {
    let (Val::List(items), Some(Value::Sequence(codes))) = (val, existing.get("langues")) else { return false };
    if name != "prise_en_charge_specifique" {
        return false;
    }
    let codes: Vec<String> = codes
        .iter()
        .filter_map(Value::as_str)
        .filter_map(|c| match languages::check(c) {
            languages::Check::Ok(code) => Some(code.to_string()),
            _ => None,
        })
        .collect();
    let own: Vec<String> = match existing.get(name) {
        Some(Value::Sequence(seq)) => seq.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        Some(Value::String(one)) => vec![one.clone()],
        _ => Vec::new(),
    };
    let own: Vec<String> = own
        .into_iter()
        .map(|v| match vocab::check(name, v.trim()) {
            vocab::Check::Ok(c) => c.to_string(),
            _ => v,
        })
        .collect();
    languages::merged_support(&own, &codes) == *items
}

/// The comment lines keeping the raw values that could not be imported.
fn kept_lines(kept: &[Kept]) -> String {
    if kept.is_empty() {
        return String::new();
    }
    let mut out = format!("{KEPT_HEADER}\n");
    for k in kept {
        // Rust's escaping writes every line break, control and invisible character as `\n`
        // or `\u{…}`: a comment stays one line whatever the source holds.
        let plain = k.field.chars().all(|c| c.is_alphanumeric() || " _,.-'()".contains(c));
        let field = if plain { k.field.clone() } else { format!("{:?}", k.field) };
        out.push_str(&format!("# {field}: {:?}\n", k.raw));
    }
    out
}

/// The text of an entry: its fields in the standard's order (unknown ones after, in their
/// order), the kept values as comments, then the body.
fn render(fields: &Mapping, kept: &[Kept], body: &str) -> String {
    let mut out = String::from("---\n");
    for name in crate::schema::names(load::EntryKind::Place) {
        if let Some(value) = fields.get(*name) {
            emit_field(&mut out, name, value);
        }
    }
    for (key, value) in fields {
        let name = match key {
            Value::String(s) => s.as_str(),
            _ => continue,
        };
        if !crate::schema::names(load::EntryKind::Place).contains(&name) {
            emit_field(&mut out, name, value);
        }
    }
    out.push_str(&kept_lines(kept));
    out.push_str("---\n");
    out.push_str(body);
    if !body.is_empty() && !body.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The text of a new entry for `place`, written as `slug`.
pub fn new_entry(slug: &str, place: &ImportedPlace, today: NaiveDate) -> String {
    let mut fields = Mapping::new();
    for (name, val) in &place.fields {
        if *name == "id" && matches!(val, Val::Text(id) if id == slug) {
            continue;
        }
        fields.insert(Value::String((*name).to_string()), to_value(val));
    }
    if place.no_date {
        fields.insert(Value::String("date_maj".into()), Value::String(today.to_string()));
    }
    for (name, on) in &place.extensions {
        fields.insert(Value::String(name.clone()), Value::Bool(*on));
    }
    render(&fields, &place.kept, place.body.as_deref().unwrap_or_default())
}

/// The updated text of an existing entry, and the fields that changed; `None` when nothing
/// changes. The body and the fields the source does not give are kept.
pub(crate) fn update(existing: &Existing, place: &ImportedPlace) -> Option<(String, Vec<&'static str>)> {
    let mut fields = existing.fields.clone();
    let mut changed = Vec::new();
    for (name, val) in &place.fields {
        if *name == "id" && existing.get("id").is_none() && matches!(val, Val::Text(id) if *id == existing.slug) {
            continue;
        }
        if *name == "date_maj" && place.no_date {
            continue;
        }
        if existing.get(name).is_some_and(|old| same(name, old, val)) || exported_support(existing, name, val) {
            continue;
        }
        fields.insert(Value::String((*name).to_string()), to_value(val));
        changed.push(*name);
    }
    for (name, on) in &place.extensions {
        if existing.fields.get(name.as_str()) != Some(&Value::Bool(*on)) {
            fields.insert(Value::String(name.clone()), Value::Bool(*on));
            changed.push("extensions");
        }
    }
    // Every value the source gives that could not be imported, even when the entry has a
    // value of its own for that field: nothing of the source is lost.
    let kept = &place.kept;
    let comments = kept_lines(kept);
    let comments_there = comments.lines().all(|line| existing.text.lines().any(|l| l == line));
    if changed.is_empty() && comments_there {
        return None;
    }
    Some((render(&fields, kept, &existing.text[existing.body.clone()]), changed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(fields: &[(&'static str, Val)]) -> ImportedPlace {
        ImportedPlace { fields: fields.iter().cloned().collect(), ..ImportedPlace::default() }
    }

    fn existing(text: &str) -> Existing {
        written("a", "content/lieux/a.md".into(), text.into()).unwrap()
    }

    #[test]
    fn new_entries_parse_back_to_the_same_values() {
        let mut p = place(&[
            ("nom", Val::Text("L'Atelier : « numérique » #1".into())),
            ("code_postal", Val::Text("01000".into())),
            ("latitude", Val::Number(45.7525)),
            ("services", Val::List(vec!["Aide aux démarches administratives".into()])),
            ("id", Val::Text("a".into())),
        ]);
        p.kept.push(Kept { field: "horaires".into(), raw: "le matin\n---\nsauf lundi".into() });
        p.kept.push(Kept { field: "re\u{2028}marque:\n---".into(), raw: "x\u{2028}nom: pirate\u{85}\0".into() });
        p.no_date = true;
        p.body = Some("Un texte.\n\n---\n\nSuite.".into());
        let text = new_entry("a", &p, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let back = existing(&text);
        assert_eq!(back.text("nom").unwrap(), "L'Atelier : « numérique » #1");
        assert_eq!(back.text("code_postal").unwrap(), "01000");
        assert_eq!(back.text("date_maj").unwrap(), "2026-11-25", "no date: today's");
        assert!(back.get("id").is_none(), "an id equal to the slug is not written");
        assert!(text.contains("# horaires: \"le matin\\n---\\nsauf lundi\"\n"), "{text}");
        assert!(text.contains("# \"re\\u{2028}marque:\\n---\": \"x\\u{2028}nom: pirate\\u{85}\\0\"\n"), "{text}");
        assert_eq!(&text[back.body.clone()], "Un texte.\n\n---\n\nSuite.\n");
        assert!(update(&back, &p).is_none(), "importing the same place again changes nothing");
    }

    /// The export counts the languages in `prise_en_charge_specifique`: imported back, that is
    /// no change, and the entry keeps its languages apart from its own support.
    #[test]
    fn the_support_that_the_languages_add_is_no_change() {
        let old = existing("---\nnom: A\nprise_en_charge_specifique: [Illettrisme]\nlangues: [uk, en]\n---\n");
        let support = |values: &[&str]| {
            place(&[("prise_en_charge_specifique", Val::List(values.iter().map(|v| v.to_string()).collect()))])
        };
        let exported = support(&["Illettrisme", "Langues étrangères (anglais)", "Langues étrangères (autres)"]);
        assert!(update(&old, &exported).is_none());
        let (_, changed) = update(&old, &support(&["Illettrisme", "Surdité"])).unwrap();
        assert_eq!(changed, ["prise_en_charge_specifique"], "another support is a change");
        let without = existing("---\nnom: A\nlangues: [uk]\n---\n");
        assert!(update(&without, &support(&["Langues étrangères (autres)"])).is_none(), "none of its own");
    }

    #[test]
    fn updates_field_by_field_keeping_the_body_and_other_fields() {
        let old = existing(
            "---\nnom: A\ntelephone: 04 78 00 00 00\nservices: Aide aux démarches administratives\nmon_champ: x\n---\nMon texte.\n",
        );
        let same = place(&[
            ("telephone", Val::Text("+33478000000".into())),
            ("services", Val::List(vec!["Aide aux démarches administratives".into()])),
        ]);
        assert!(update(&old, &same).is_none(), "another format of the same values is no change");
        let new = place(&[("nom", Val::Text("B".into())), ("telephone", Val::Text("+33478000000".into()))]);
        let (text, changed) = update(&old, &new).unwrap();
        assert_eq!(changed, ["nom"]);
        assert!(text.starts_with("---\nnom: B\ntelephone: 04 78 00 00 00\nservices: Aide"), "{text}");
        assert!(text.ends_with("mon_champ: x\n---\nMon texte.\n"), "{text}");
    }

    #[test]
    fn slugs_take_the_commune_then_a_number() {
        let taken = |s: &str| ["maison-france-services", "maison-france-services-bron"].contains(&s);
        assert_eq!(new_slug("Médiathèque d'Oullins", "Oullins", &taken), "mediatheque-d-oullins");
        assert_eq!(new_slug("Maison France Services", "Vénissieux", &taken), "maison-france-services-venissieux");
        assert_eq!(new_slug("Maison France Services", "Bron", &taken), "maison-france-services-bron-2");
        assert_eq!(new_slug("???", "Bron", &|_| false), "lieu");
        assert!(new_slug(&"très long nom ".repeat(20), "Bron", &|_| false).len() <= 80);
    }
}
