//! Validate stage: raw entries to the typed model, with every problem located.
//!
//! Each entry is checked on its own (in parallel), then the checks that need every entry run:
//! duplicate ids, offers naming unknown places. A file per rule family: `fields` (typed
//! getters), `rules` (codes, URLs, coordinates), one file per content type.

mod fields;
pub mod lieu;
pub mod offre;
pub mod page;
pub(crate) mod rules;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::communes::Communes;
use crate::config::Territoire;
use crate::diagnostic::{Diagnostic, Kind};
use crate::load::{EntryKind, RawEntry};
use crate::model::{Entries, Lieu, Offre, Page};
use crate::source::Sources;
use crate::suggest;

/// What validation needs besides the entries.
pub struct Context<'a> {
    /// The territory of `site.yaml`; `None` when `site.yaml` itself has an error, in which
    /// case coordinates are not checked against it.
    pub territory: Option<&'a Territoire>,
    /// The territory's communes, when `site.yaml` names a list.
    pub communes: Option<&'a Communes>,
    /// The build date: `date_maj` may not be later, and is stale 12 months before.
    pub today: NaiveDate,
}

/// Page slugs that would collide with the site's own sections.
pub const RESERVED_SLUGS: &[&str] = &[
    "lieux",
    "offres",
    "communes",
    "services",
    "publics",
    "donnees",
    "static",
    "carte",
    "reseau",
    "admin",
    "404",
    "index",
    "sitemap",
    "robots",
    "recherche",
    "orienter",
    "page",
];

enum Validated {
    Lieu(Option<Box<Lieu>>),
    Offre(Option<Box<Offre>>, offre::PlaceRefs),
    Page(Option<Page>),
}

/// Checks every entry. Entries with an error are left out of the returned [`Entries`].
/// `unreadable` lists the entries whose file could not be parsed: an offer may name such a
/// place without a second error.
pub fn validate(
    sources: &Sources,
    raw: &[RawEntry],
    unreadable: &[(EntryKind, String)],
    ctx: &Context<'_>,
) -> (Entries, Vec<Diagnostic>) {
    let results: Vec<(&RawEntry, Validated, Vec<Diagnostic>)> = raw
        .par_iter()
        .map(|entry| {
            let text = sources.get(entry.file).text.as_str();
            let (validated, mut diagnostics) = match entry.kind {
                EntryKind::Lieu => {
                    let (l, d) = lieu::validate_lieu(entry, text, ctx);
                    (Validated::Lieu(l.map(Box::new)), d)
                }
                EntryKind::Offre => {
                    let (o, places, d) = offre::validate_offre(entry, text, ctx);
                    (Validated::Offre(o.map(Box::new), places), d)
                }
                EntryKind::Page => {
                    let (p, d) = page::validate_page(entry, text);
                    (Validated::Page(p), d)
                }
            };
            diagnostics.extend(check_slug(entry));
            (entry, validated, diagnostics)
        })
        .collect();

    // Two files with the same name in different subfolders of one content folder.
    let mut seen: BTreeMap<(EntryKind, &str), &RawEntry> = BTreeMap::new();
    let mut duplicate_slugs = Vec::new();
    for entry in raw {
        if let Some(first) = seen.get(&(entry.kind, entry.slug.as_str())) {
            let other = sources.get(first.file).path.clone();
            duplicate_slugs.push(Diagnostic::new(
                Kind::DuplicateSlug { slug: entry.slug.clone(), other },
                entry.file,
                0..0,
            ));
        } else {
            seen.insert((entry.kind, &entry.slug), entry);
        }
    }

    let mut entries = Entries::default();
    let mut diagnostics = Vec::new();
    let mut offer_places = Vec::new();
    let mut place_slugs: BTreeSet<String> =
        unreadable.iter().filter(|(kind, _)| *kind == EntryKind::Lieu).map(|(_, slug)| slug.clone()).collect();
    for (entry, validated, mut found) in results {
        if let Some(i) = duplicate_slugs.iter().position(|d| d.file == Some(entry.file)) {
            found.push(duplicate_slugs.swap_remove(i));
        }
        let slug_ok = !found.iter().any(|d| {
            matches!(d.kind, Kind::InvalidSlug { .. } | Kind::ReservedSlug { .. } | Kind::DuplicateSlug { .. })
        });
        if entry.kind == EntryKind::Lieu && slug_ok {
            place_slugs.insert(entry.slug.clone());
        }
        match validated {
            Validated::Lieu(Some(l)) if slug_ok => entries.lieux.push(*l),
            Validated::Offre(o, places) => {
                offer_places.push((entry, places));
                if let Some(o) = o.filter(|_| slug_ok) {
                    entries.offres.push(*o);
                }
            }
            Validated::Page(Some(p)) if slug_ok => entries.pages.push(p),
            _ => {}
        }
        diagnostics.append(&mut found);
    }

    // Two places with the same `id`: reported on the one that writes it explicitly (the other
    // may just be using its file name), the later one when both do.
    let id_key = [crate::load::Segment::Key("id".into())];
    let raw_of = |lieu: &Lieu| raw.iter().find(|e| e.file == lieu.file).expect("a place comes from an entry");
    let mut ids: BTreeMap<&str, &Lieu> = BTreeMap::new();
    let mut duplicates = Vec::new();
    for lieu in &entries.lieux {
        let Some(first) = ids.get(lieu.id.as_str()).copied() else {
            ids.insert(&lieu.id, lieu);
            continue;
        };
        let explicit = |l: &Lieu| raw_of(l).spans.value(&id_key).is_some();
        let (reported, other) = if explicit(lieu) || !explicit(first) { (lieu, first) } else { (first, lieu) };
        let entry = raw_of(reported);
        let span = if explicit(reported) { entry.value_span(&id_key) } else { entry.header_span() };
        let other = sources.get(other.file).path.clone();
        diagnostics.push(Diagnostic::new(Kind::DuplicateId { id: lieu.id.clone(), other }, reported.file, span));
        duplicates.push(reported.slug.clone());
    }
    // One commune, one spelling: "Lyon 8e" and "lyon 8e" would share the address of one page.
    let commune_key = [crate::load::Segment::Key("commune".into())];
    let mut spellings: BTreeMap<String, &Lieu> = BTreeMap::new();
    for lieu in &entries.lieux {
        // The same slug as the commune's page address.
        let slug = crate::index::Site::commune_slug(&lieu.commune);
        match spellings.get(&slug) {
            Some(first) if first.commune != lieu.commune => {
                let kind = Kind::CommuneVariant {
                    value: lieu.commune.clone(),
                    first: first.commune.clone(),
                    other: sources.get(first.file).path.clone(),
                };
                diagnostics.push(Diagnostic::new(kind, lieu.file, raw_of(lieu).value_span(&commune_key)));
                duplicates.push(lieu.slug.clone());
            }
            Some(_) => {}
            None => {
                spellings.insert(slug, lieu);
            }
        }
    }
    entries.lieux.retain(|l| !duplicates.contains(&l.slug));

    // Offers naming places that do not exist.
    let mut bad_offers = Vec::new();
    for (entry, places) in offer_places {
        for (slug, span) in places {
            if !place_slugs.contains(&slug) {
                let suggestion = suggest::closest(&slug, place_slugs.iter().map(String::as_str)).map(str::to_string);
                diagnostics.push(Diagnostic::new(Kind::UnknownPlace { slug, suggestion }, entry.file, span));
                bad_offers.push(entry.slug.clone());
            }
        }
    }
    // A place that failed validation still exists: its offers keep it, but it has no page.
    let published: BTreeSet<&str> = entries.lieux.iter().map(|l| l.slug.as_str()).collect();
    entries.offres.retain(|o| !bad_offers.contains(&o.slug));
    for offre in &mut entries.offres {
        offre.lieux.retain(|slug| published.contains(&slug.as_str()));
    }
    (entries, diagnostics)
}

/// The file name must already be a slug: lowercase ASCII letters, digits and single hyphens.
fn check_slug(entry: &RawEntry) -> Option<Diagnostic> {
    let slug = &entry.slug;
    let valid = !slug.is_empty()
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--");
    if !valid {
        let mut suggestion = slug::slugify(slug);
        if suggestion.is_empty() {
            suggestion = "nouveau-nom".into();
        }
        let kind = Kind::InvalidSlug { name: format!("{slug}.md"), suggestion: format!("{suggestion}.md") };
        return Some(Diagnostic::new(kind, entry.file, 0..0));
    }
    (entry.kind == EntryKind::Page && RESERVED_SLUGS.contains(&slug.as_str()))
        .then(|| Diagnostic::new(Kind::ReservedSlug { slug: slug.clone() }, entry.file, 0..0))
}
