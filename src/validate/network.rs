//! The front matter of the network's space (`content/actualites/`, `appels-a-projets/`,
//! `bonnes-pratiques/`, `bourse/`, `agenda/`) to a [`Publication`].
//!
//! Place slugs, files and tag spellings are checked across entries, once every place and
//! file is known ([`super::cross_check`]): the returned [`Refs`] say where each is written.

use serde_yaml::Value;

use std::collections::BTreeMap;

use foldhash::{HashSet, HashSetExt};

use super::{Context, ValidEntry};
use crate::diagnostic::{Diagnostic, Kind, Shape};
use crate::load::Asset;
use crate::load::{RawEntry, Segment};
use crate::model::network::{
    Announcement, Attachment, CATEGORIES, Call, Contact, Detail, Event, Image, Nature, Publication, Section,
};
use crate::schema::reader::Fields;
use crate::source::{FileId, Sources};
use crate::suggest;

pub(crate) use crate::load::media::{ATTACHMENT_FORMATS, IMAGE_FORMATS};

/// The longest an event may last, in days: its calendar has one event per day, and a typo in
/// a year (`2126`) must not write a calendar of a hundred years.
pub(crate) const MAX_EVENT_DAYS: i64 = 31;

/// What an entry names that only the whole site can check.
#[derive(Debug, Clone, Default)]
pub(crate) struct Refs {
    /// Place slugs, with where each is written.
    pub places: Vec<(String, Vec<Segment>)>,
    /// Files under `content/`: the path, the field, and where it is written.
    pub files: Vec<(String, &'static str, Vec<Segment>)>,
    /// Tags, with where each is written.
    pub tags: Vec<(String, Vec<Segment>)>,
}

fn key(name: &str) -> Segment {
    Segment::Key(name.to_string())
}

/// Validates one entry of the network's space.
pub(crate) fn validate(
    section: Section,
    entry: &RawEntry,
    text: &str,
    ctx: &Context<'_>,
) -> (Option<Publication>, Refs, Vec<Diagnostic>) {
    let mut f = Fields::new(entry, text);
    let mut refs = Refs::default();
    let titre = f.required_text("titre");
    let resume = f.short_text("resume", 280);
    let etiquettes = tags(&mut f, &mut refs);
    let structure = f.text("structure");
    refs.places = super::unique(f.list("lieux"));
    let (date, detail) = match section {
        Section::News => {
            let date = f.required_date("date");
            let auteur = f.text("auteur");
            let image = image(&mut f, &mut refs);
            (date, Some(Detail::News { auteur, image }))
        }
        Section::CallsForProjects => {
            let appel = call(&mut f);
            (appel.as_ref().map(|a| a.ouverture), appel.map(Detail::Call))
        }
        Section::GoodPractices => {
            let date = f.required_date("date");
            if structure.is_none() {
                f.missing("structure");
            }
            f.require("services");
            let services = f.vocabulary("services");
            let publics = f.vocabulary("publics_specifiquement_adresses");
            let pieces_jointes = attachments(&mut f, &mut refs);
            let licence = f.text("licence");
            (date, Some(Detail::GoodPractice { services, publics, pieces_jointes, licence }))
        }
        Section::Exchange => {
            if structure.is_none() {
                f.missing("structure");
            }
            let (date, annonce) = ad(&mut f, ctx);
            (date, annonce.map(Detail::Announcement))
        }
        Section::Agenda => {
            let (date, event) = event(&mut f, &mut refs, ctx);
            (date, event.map(Detail::Event))
        }
    };
    f.body();
    let diagnostics = f.finish(crate::schema::names(crate::load::EntryKind::Network(section)));
    let has_error = diagnostics.iter().any(|d| d.severity() == crate::Severity::Error);
    let publication = match (titre, date, detail) {
        (Some(titre), Some(date), Some(detail)) if !has_error => Some(Publication {
            section,
            slug: entry.slug.clone(),
            file: entry.file,
            titre,
            resume,
            etiquettes,
            lieux: refs.places.iter().map(|(slug, _)| slug.clone()).collect(),
            structure,
            date,
            corps: text[entry.body.clone()].trim().to_string(),
            detail,
        }),
        _ => None,
    };
    (publication, refs, diagnostics)
}

/// True when `tag` is written as a tag: 2 to 40 characters, lowercase letters, digits, spaces,
/// hyphens and apostrophes, starting with a letter or digit, without doubled spaces.
pub fn is_tag(tag: &str) -> bool {
    let count = tag.chars().count();
    (2..=40).contains(&count)
        && tag.chars().next().is_some_and(|c| c.is_alphanumeric())
        && tag.chars().all(|c| (c.is_alphanumeric() && !c.is_uppercase()) || matches!(c, ' ' | '-' | '\'' | '’'))
        && !tag.contains("  ")
        && !tag.ends_with([' ', '-'])
        && !slug::slugify(tag).is_empty()
}

/// How a tag that is not one may be written: lowercase, without `#`, spaces folded.
fn tag_suggestion(tag: &str) -> Option<String> {
    let lower: String = tag.trim().trim_start_matches('#').to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let candidate = words.join(" ").trim_end_matches(['.', '!', '-']).to_string();
    is_tag(&candidate).then_some(candidate)
}

/// `etiquettes`: each checked on its own; spellings are compared across entries later.
fn tags(f: &mut Fields<'_>, refs: &mut Refs) -> Vec<String> {
    let mut out = Vec::new();
    for (tag, path) in super::unique(f.list("etiquettes")) {
        if is_tag(&tag) {
            out.push(tag.clone());
            refs.tags.push((tag, path));
        } else {
            let suggestion = tag_suggestion(&tag);
            f.report(Kind::InvalidTag { value: tag, suggestion }, &path);
        }
    }
    out
}

/// A path under `content/` as written in a field: `/` separators, no leading `/`, no `..`.
/// Returns `None` (reported) for a path that cannot be one; checks its extension.
fn file_path(
    f: &mut Fields<'_>,
    raw: &str,
    field: &'static str,
    path: &[Segment],
    formats: &'static [&'static str],
) -> Option<String> {
    let clean = raw.trim().trim_start_matches('/').trim_start_matches("content/").to_string();
    let parts_ok = !clean.is_empty()
        && !clean.contains('\\')
        && clean.split('/').all(|part| !part.is_empty() && part != "." && part != ".." && !crate::load::ignored(part));
    if !parts_ok {
        f.report(Kind::UnknownFile { field: field.to_string(), path: raw.to_string(), suggestion: None }, path);
        return None;
    }
    let extension = clean.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if !formats.contains(&extension.as_str()) {
        f.report(Kind::FileFormat { field: field.to_string(), path: raw.to_string(), allowed: formats }, path);
        return None;
    }
    Some(clean)
}

/// `image` and `image_alt`.
fn image(f: &mut Fields<'_>, refs: &mut Refs) -> Option<Image> {
    let alt = f.text("image_alt");
    let raw = f.text("image")?;
    let path = vec![key("image")];
    let fichier = file_path(f, &raw, "image", &path, IMAGE_FORMATS);
    let Some(alt) = alt else {
        f.report(Kind::ImageWithoutAlt { field: "image".into(), path: raw.clone() }, &path);
        return None;
    };
    let fichier = fichier?;
    refs.files.push((fichier.clone(), "image", path));
    Some(Image { fichier, alt })
}

/// The extensions of [`ATTACHMENT_FORMATS`].
static ATTACHMENT_EXTENSIONS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| ATTACHMENT_FORMATS.iter().map(|(extension, _)| *extension).collect());

/// `pieces_jointes`: a list of `{ fichier, titre }`.
fn attachments(f: &mut Fields<'_>, refs: &mut Refs) -> Vec<Attachment> {
    const KNOWN: &[&str] = &["fichier", "titre"];
    let Some(value) = f.raw("pieces_jointes") else { return Vec::new() };
    let Value::Sequence(items) = value else {
        let found = Shape::of(value);
        let kind = Kind::WrongType { field: "pieces_jointes".into(), expected: Shape::Attachments, found };
        f.report(kind, &[key("pieces_jointes")]);
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let base = vec![key("pieces_jointes"), Segment::Index(i)];
        let Value::Mapping(map) = item else {
            let kind =
                Kind::WrongType { field: "pieces_jointes".into(), expected: Shape::Attachment, found: Shape::of(item) };
            f.report(kind, &base);
            continue;
        };
        let at = |name: &str| [base.clone(), vec![key(name)]].concat();
        for k in map.keys() {
            let name = k.as_str().unwrap_or_default();
            if !KNOWN.contains(&name) {
                let suggestion = suggest::closest(name, KNOWN.iter().copied()).map(str::to_string);
                let span = f.doc.key_span(&at(name));
                f.report_span(Kind::UnknownField { field: name.to_string(), suggestion, known: KNOWN.to_vec() }, span);
            }
        }
        let text_of = |f: &mut Fields<'_>, name: &str| match map.get(name) {
            None | Some(Value::Null) => {
                let field = format!("pieces_jointes[{}].{name}", i + 1);
                f.report(Kind::MissingField { field }, &base);
                None
            }
            Some(v) => f.text_value(v, &at(name), "pieces_jointes"),
        };
        let fichier = text_of(f, "fichier");
        let titre = text_of(f, "titre");
        let fichier =
            fichier.and_then(|raw| file_path(f, &raw, "pieces_jointes", &at("fichier"), &ATTACHMENT_EXTENSIONS));
        if let (Some(fichier), Some(titre)) = (fichier, titre) {
            refs.files.push((fichier.clone(), "pieces_jointes", at("fichier")));
            out.push(Attachment { fichier, titre });
        }
    }
    out
}

/// `later` must not be before `earlier`: reported at `later_field` otherwise.
fn in_order(
    f: &mut Fields<'_>,
    earlier: Option<chrono::NaiveDate>,
    earlier_field: &'static str,
    later: Option<chrono::NaiveDate>,
    later_field: &'static str,
) -> bool {
    match (earlier, later) {
        (Some(a), Some(b)) if b < a => {
            let kind = Kind::DatesOutOfOrder {
                field: later_field,
                value: b.to_string(),
                earlier: earlier_field,
                earlier_value: a.to_string(),
            };
            f.report(kind, &[key(later_field)]);
            false
        }
        _ => true,
    }
}

/// `contact`, `courriel`, `telephone`.
fn contact(f: &mut Fields<'_>) -> Contact {
    Contact { nom: f.text("contact"), courriel: f.email("courriel"), telephone: f.phone("telephone") }
}

/// The fields of a call for projects.
fn call(f: &mut Fields<'_>) -> Option<Call> {
    let financeur = f.required_text("financeur");
    let montant_min = f.whole_number("montant_min");
    let montant_max = f.whole_number("montant_max");
    if let (Some(min), Some(max)) = (montant_min, montant_max)
        && max < min
    {
        f.report(Kind::AmountsOutOfOrder { min, max }, &[key("montant_max")]);
    }
    let ouverture = f.required_date("ouverture");
    let cloture = f.required_date("cloture");
    in_order(f, ouverture, "ouverture", cloture, "cloture");
    let structures_eligibles = f.texts("structures_eligibles");
    let territoire = f.text("territoire");
    let lien = f.url("lien");
    if lien.is_none() && f.raw("lien").is_none() {
        f.missing("lien");
    }
    let contact = contact(f);
    Some(Call {
        financeur: financeur?,
        montant_min,
        montant_max,
        ouverture: ouverture?,
        cloture: cloture?,
        structures_eligibles,
        territoire,
        lien: lien?,
        contact,
    })
}

/// A required value of a short list of our own ([`Fields::choice`]).
fn choice(f: &mut Fields<'_>, name: &str, allowed: &'static [&'static str]) -> Option<&'static str> {
    if !f.require(name) {
        return None;
    }
    f.choice(name, allowed)
}

/// A commune: in the territory's list when there is one.
fn commune(f: &mut Fields<'_>, ctx: &Context<'_>, required: bool) -> Option<String> {
    let Some(name) = f.text("commune") else {
        if required {
            f.missing("commune");
        }
        return None;
    };
    if let Some(communes) = ctx.communes
        && communes.get(&name).is_none()
    {
        let suggestion = communes.closest(&name).map(str::to_string);
        f.report(Kind::UnknownCommune { value: name, suggestion }, &[key("commune")]);
        return None;
    }
    Some(name)
}

/// The fields of an ad; its publication date.
fn ad(f: &mut Fields<'_>, ctx: &Context<'_>) -> (Option<chrono::NaiveDate>, Option<Announcement>) {
    let nature =
        choice(f, "nature", &["Offre", "Demande"]).map(|n| if n == "Offre" { Nature::Offer } else { Nature::Need });
    let categorie = choice(f, "categorie", CATEGORIES);
    let commune = commune(f, ctx, true);
    let contact = contact(f);
    if contact.courriel.is_none()
        && contact.telephone.is_none()
        && f.raw("courriel").is_none()
        && f.raw("telephone").is_none()
    {
        f.report_entry(Kind::NoContact);
    }
    let date = f.required_date("date");
    let expiration = f.required_date("expiration");
    in_order(f, date, "date", expiration, "expiration");
    let annonce = match (nature, categorie, commune, expiration) {
        (Some(nature), Some(categorie), Some(commune), Some(expiration)) => {
            Some(Announcement { nature, categorie: categorie.to_string(), commune, contact, expiration })
        }
        _ => None,
    };
    (date, annonce)
}

/// The fields of an event; its first day.
fn event(f: &mut Fields<'_>, refs: &mut Refs, ctx: &Context<'_>) -> (Option<chrono::NaiveDate>, Option<Event>) {
    let date = f.required_date("date");
    let date_fin = f.date("date_fin");
    if in_order(f, date, "date", date_fin, "date_fin")
        && let (Some(first), Some(last)) = (date, date_fin)
        && (last - first).num_days() >= MAX_EVENT_DAYS
    {
        let days = (last - first).num_days() + 1;
        f.report(Kind::EventTooLong { days, max: MAX_EVENT_DAYS }, &[key("date_fin")]);
    }
    let debut = f.required_time("debut");
    let fin = f.required_time("fin");
    if let (Some(debut), Some(fin)) = (debut, fin)
        && fin <= debut
    {
        let kind = Kind::SessionEndsBeforeStart {
            start: debut.format("%H:%M").to_string(),
            end: fin.format("%H:%M").to_string(),
        };
        f.report(kind, &[key("fin")]);
    }
    let place = f.text("lieu");
    let adresse = f.text("adresse");
    let commune = commune(f, ctx, false);
    match (&place, &adresse) {
        (Some(_), Some(_)) => f.report(Kind::EventPlace { both: true }, &[key("adresse")]),
        // A value already refused (a formula…) is not a missing one.
        (None, None) if f.raw("lieu").is_none() && f.raw("adresse").is_none() => {
            f.report_entry(Kind::EventPlace { both: false })
        }
        (Some(slug), None) => {
            // The venue first: it is a place the event concerns too.
            refs.places.retain(|(s, _)| s != slug);
            refs.places.insert(0, (slug.clone(), vec![key("lieu")]));
        }
        (None, _) => {}
    }
    let inscription = f.url("inscription");
    let event = match (debut, fin) {
        (Some(debut), Some(fin)) => Some(Event { date_fin, debut, fin, lieu: place, adresse, commune, inscription }),
        _ => None,
    };
    (date, event)
}

/// The checks across entries of the network's space: the files they name exist under
/// `content/`, and each tag has one spelling (two spellings would share one page). Returns
/// the files of the entries with a problem.
pub(crate) fn cross_check(
    sources: &Sources,
    entries: &[(&ValidEntry, &Refs)],
    assets: &[Asset],
    diagnostics: &mut Vec<Diagnostic>,
) -> HashSet<FileId> {
    let mut bad = HashSet::new();
    let files: HashSet<&str> = assets.iter().map(|a| a.relative.as_str()).collect();
    let mut spellings: BTreeMap<String, (&str, FileId)> = BTreeMap::new();
    for (entry, refs) in entries {
        let text = &sources.get(entry.file).text;
        let mut report = |kind: Kind, path: &[Segment]| {
            let span = crate::load::span_at(text, path).unwrap_or(0..0);
            diagnostics.push(Diagnostic::new(kind, entry.file, span));
            bad.insert(entry.file);
        };
        for (fichier, field, path) in &refs.files {
            if !files.contains(fichier.as_str()) {
                let suggestion = suggest::closest(fichier, files.iter().copied()).map(str::to_string);
                report(Kind::UnknownFile { field: field.to_string(), path: fichier.clone(), suggestion }, path);
            }
        }
        for (tag, path) in &refs.tags {
            match spellings.get(&slug::slugify(tag)) {
                Some((first, file)) if first != tag => {
                    let kind = Kind::TagVariant {
                        value: tag.clone(),
                        first: first.to_string(),
                        other: sources.get(*file).path.clone(),
                    };
                    report(kind, path);
                }
                Some(_) => {}
                None => {
                    spellings.insert(slug::slugify(tag), (tag, entry.file));
                }
            }
        }
    }
    bad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        for good in ["financement", "aidants connect", "pass numérique", "l'inclusion", "pix", "2027"] {
            assert!(is_tag(good), "{good}");
        }
        for bad in ["Financement", "#pix", "a", "aidants  connect", "a, b", "x".repeat(41).as_str(), "-pix", "pix-"] {
            assert!(!is_tag(bad), "{bad}");
        }
        assert_eq!(tag_suggestion("#Aidants  Connect").as_deref(), Some("aidants connect"));
        assert_eq!(tag_suggestion("Pass Numérique!").as_deref(), Some("pass numérique"));
        assert_eq!(tag_suggestion("a, b"), None);
    }
}
