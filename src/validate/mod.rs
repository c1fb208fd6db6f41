//! Validate stage: raw entries to the typed model, with every problem located.
//!
//! Each entry is checked on its own ([`validate_entry`], run in parallel by the pipeline, which
//! keeps the result per file), then the checks that need every entry run ([`cross_check`]):
//! duplicate ids, offers naming unknown places. Fields are read by `crate::schema::reader`
//! (typed getters, shared with `site.yaml`); a file per content type. The value rules (codes,
//! URLs, dates) and the fields each type may have come from the content model, [`crate::schema`].

mod closures;
mod copies;
pub(crate) mod extension;
pub(crate) mod network;
pub(crate) mod offer;
pub(crate) mod page;
pub(crate) mod place;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::communes::Communes;
use crate::config::Territory;
use crate::diagnostic::{Diagnostic, Kind};
use crate::load::Asset;
use crate::load::{EntryKind, RawEntry, Segment};
use crate::model::{Entries, Offer, Page, Place, Publication};
use crate::source::{FileId, Sources};
use crate::suggest;

/// What validation needs besides the entries.
pub(crate) struct Context<'a> {
    /// The territory of `site.yaml`; `None` when `site.yaml` itself has an error, in which
    /// case coordinates are not checked against it.
    pub territory: Option<&'a Territory>,
    /// The territory's communes, when `site.yaml` names a list.
    pub communes: Option<&'a Communes>,
    /// The build date: `date_maj` may not be later, and is stale 12 months before.
    pub today: NaiveDate,
    /// The territorial fields of `site.yaml`.
    pub extensions: Option<&'a crate::config::Extensions>,
}

/// Page slugs that would collide with the site's own sections.
pub(crate) const RESERVED_SLUGS: &[&str] = &[
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
    "integrer",
    "page",
    "criteres",
    "medias",
];

/// Offer slugs that would collide with the lists of one kind of offer (`/offres/formations/`).
pub(crate) const RESERVED_OFFER_SLUGS: &[&str] = crate::model::OfferKind::SLUGS;

/// Slugs of the network's space that would collide with its lists' own pages.
pub(crate) const RESERVED_RESEAU_SLUGS: &[&str] = &["archives", "page"];

/// An entry's typed value, when it has no error of its own.
#[derive(Debug, Clone)]
pub(crate) enum Validated {
    /// A place, and the places it shares its contact details with (with where they are named).
    Place(Option<Arc<Place>>, offer::PlaceRefs),
    /// An offer, and the places it names (with where they are named).
    Offer(Option<Arc<Offer>>, offer::PlaceRefs),
    /// A free page.
    Page(Option<Arc<Page>>),
    /// An entry of the network's space, and what it names.
    Network(Option<Arc<Publication>>, network::Refs),
}

/// One entry checked on its own: its value, its problems, and what the checks across entries
/// need to locate theirs. `resin serve` keeps one per file and checks again only changed files.
#[derive(Debug, Clone)]
pub(crate) struct ValidEntry {
    /// Which folder it came from.
    pub kind: EntryKind,
    /// The file.
    pub file: FileId,
    /// The file name without `.md`.
    pub slug: String,
    /// The typed value.
    pub value: Validated,
    /// Problems of this entry alone.
    pub diagnostics: Vec<Diagnostic>,
    /// The opening `---`.
    header: Range<usize>,
    /// True when the file writes an `id`.
    has_id: bool,
}

/// Checks one entry on its own.
pub(crate) fn validate_entry(entry: &RawEntry, text: &str, ctx: &Context<'_>) -> ValidEntry {
    let (value, mut diagnostics) = match entry.kind {
        EntryKind::Place => {
            let (place, shared, d) = place::validate_place(entry, text, ctx);
            (Validated::Place(place.map(Arc::new), shared), d)
        }
        EntryKind::Offer => {
            let (o, places, d) = offer::validate_offer(entry, text, ctx);
            (Validated::Offer(o.map(Arc::new), places), d)
        }
        EntryKind::Page => {
            let (p, d) = page::validate_page(entry, text);
            (Validated::Page(p.map(Arc::new)), d)
        }
        EntryKind::Network(section) => {
            let (p, refs, d) = network::validate(section, entry, text, ctx);
            (Validated::Network(p.map(Arc::new), refs), d)
        }
    };
    diagnostics.extend(check_slug(entry));
    ValidEntry {
        kind: entry.kind,
        file: entry.file,
        slug: entry.slug.clone(),
        value,
        diagnostics,
        header: entry.header_span(),
        has_id: entry.fields.contains_key("id"),
    }
}

/// The checks that need every entry (duplicate slugs and ids, one spelling per commune, offers
/// naming unknown places), over entries each checked on its own, in file path order.
pub(crate) fn cross_check<'a>(
    sources: &Sources,
    checked: impl Iterator<Item = &'a ValidEntry> + Clone,
    unreadable: &[(EntryKind, String)],
    assets: &[Asset],
) -> (Entries, Vec<Diagnostic>) {
    // Two files with the same name in different subfolders of one content folder.
    let mut seen: HashMap<(EntryKind, &str), &ValidEntry> = HashMap::new();
    let mut duplicate_slugs = Vec::new();
    for entry in checked.clone() {
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
    let mut place_refs = Vec::new();
    let mut network_refs = Vec::new();
    let mut place_slugs: HashSet<&str> =
        unreadable.iter().filter(|(kind, _)| *kind == EntryKind::Place).map(|(_, slug)| slug.as_str()).collect();
    let mut by_file: HashMap<FileId, &ValidEntry> = HashMap::new();
    for entry in checked {
        by_file.insert(entry.file, entry);
        let mut found = entry.diagnostics.clone();
        if let Some(i) = duplicate_slugs.iter().position(|d| d.file == Some(entry.file)) {
            found.push(duplicate_slugs.swap_remove(i));
        }
        let slug_ok = !found.iter().any(|d| {
            matches!(d.kind, Kind::InvalidSlug { .. } | Kind::ReservedSlug { .. } | Kind::DuplicateSlug { .. })
        });
        if entry.kind == EntryKind::Place && slug_ok {
            place_slugs.insert(&entry.slug);
        }
        match &entry.value {
            Validated::Place(place, shared) => {
                place_refs.push((entry, shared));
                if let Some(place) = place.as_ref().filter(|_| slug_ok) {
                    entries.places.push(place.clone());
                }
            }
            Validated::Offer(o, places) => {
                offer_places.push((entry, places));
                if let Some(o) = o.as_ref().filter(|_| slug_ok) {
                    entries.offers.push(o.clone());
                }
            }
            Validated::Page(Some(p)) if slug_ok => entries.pages.push(p.clone()),
            Validated::Network(p, refs) => {
                network_refs.push((entry, refs));
                if let Some(p) = p.as_ref().filter(|_| slug_ok) {
                    entries.network.push(p.clone());
                }
            }
            _ => {}
        }
        diagnostics.append(&mut found);
    }

    // Two places with the same `id`: reported on the one that writes it explicitly (the other
    // may just be using its file name), the later one when both do.
    let mut ids: HashMap<&str, &Place> = HashMap::new();
    let mut duplicates = HashSet::new();
    for place in entries.places.iter().map(|l| &**l) {
        let Some(first) = ids.get(place.id.as_str()).copied() else {
            ids.insert(&place.id, place);
            continue;
        };
        let explicit = |l: &Place| by_file[&l.file].has_id;
        let (reported, other) = if explicit(place) || !explicit(first) { (place, first) } else { (first, place) };
        let entry = by_file[&reported.file];
        let span = if entry.has_id { span_of(sources, entry, "id") } else { entry.header.clone() };
        let other = sources.get(other.file).path.clone();
        diagnostics.push(Diagnostic::new(Kind::DuplicateId { id: place.id.clone(), other }, reported.file, span));
        duplicates.insert(reported.slug.clone());
    }
    // One commune, one spelling: "Lyon 8e" and "lyon 8e" would share the address of one page.
    let mut spellings: HashMap<String, &Place> = HashMap::new();
    let mut slugs: HashMap<&str, String> = HashMap::new();
    for place in &entries.places {
        // The same slug as the commune's page address (computed once per spelling).
        let slug = slugs.entry(&place.commune).or_insert_with(|| crate::communes::slug(&place.commune));
        match spellings.get(slug.as_str()) {
            Some(first) if first.commune != place.commune => {
                let kind = Kind::CommuneVariant {
                    value: place.commune.clone(),
                    first: first.commune.clone(),
                    other: sources.get(first.file).path.clone(),
                };
                diagnostics.push(Diagnostic::new(kind, place.file, span_of(sources, by_file[&place.file], "commune")));
                duplicates.insert(place.slug.clone());
            }
            Some(_) => {}
            None => {
                spellings.insert(slug.clone(), place);
            }
        }
    }
    entries.places.retain(|l| !duplicates.contains(&l.slug));
    let place_field = |place: &Place, name: &str| span_of(sources, by_file[&place.file], name);
    diagnostics.extend(copies::copied_places(sources, &entries.places, &place_field));

    // Offers and entries of the network's space naming places that do not exist.
    let mut bad_entries = HashSet::new();
    let mut sorted_slugs: Vec<&str> = Vec::new();
    let named = offer_places
        .into_iter()
        .chain(place_refs)
        .chain(network_refs.iter().map(|(entry, refs)| (*entry, &refs.places)));
    for (entry, places) in named {
        for (slug, path) in places {
            if !place_slugs.contains(slug.as_str()) {
                if sorted_slugs.is_empty() {
                    sorted_slugs = place_slugs.iter().copied().collect();
                    sorted_slugs.sort_unstable();
                }
                let suggestion = suggest::closest(slug, sorted_slugs.iter().copied()).map(str::to_string);
                let kind = Kind::UnknownPlace { slug: slug.clone(), suggestion };
                let text = &sources.get(entry.file).text;
                let span = crate::load::span_at(text, path).unwrap_or_else(|| entry.header.clone());
                diagnostics.push(Diagnostic::new(kind, entry.file, span));
                bad_entries.insert(entry.file);
            }
        }
    }
    let bad_reseau = network::cross_check(sources, &network_refs, assets, &mut diagnostics);
    // A place that failed validation still exists: its offers keep it, but it has no page.
    let published: HashSet<&str> = entries.places.iter().map(|l| l.slug.as_str()).collect();
    entries.network.retain(|p| !bad_entries.contains(&p.file) && !bad_reseau.contains(&p.file));
    for publication in &mut entries.network {
        if publication.lieux.iter().any(|slug| !published.contains(slug.as_str())) {
            Arc::make_mut(publication).lieux.retain(|slug| published.contains(&slug.as_str()));
        }
    }
    entries.offers.retain(|o| !bad_entries.contains(&o.file));
    for offer in &mut entries.offers {
        if offer.lieux.iter().any(|slug| !published.contains(slug.as_str())) {
            Arc::make_mut(offer).lieux.retain(|slug| published.contains(&slug.as_str()));
        }
    }
    (entries, diagnostics)
}

/// The items of a list without repeats, each with where it is written (the first of each kept).
fn unique(mut items: Vec<(String, Vec<Segment>)>) -> Vec<(String, Vec<Segment>)> {
    let mut seen = HashSet::new();
    items.retain(|(value, _)| seen.insert(value.clone()));
    items
}

/// Where the top-level field `name` of an entry is, read again from its file.
fn span_of(sources: &Sources, entry: &ValidEntry, name: &str) -> Range<usize> {
    crate::load::span_at(&sources.get(entry.file).text, &[Segment::Key(name.to_string())])
        .unwrap_or_else(|| entry.header.clone())
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
    let reserved = match entry.kind {
        EntryKind::Page => RESERVED_SLUGS,
        EntryKind::Offer => RESERVED_OFFER_SLUGS,
        // The archive and the pages of a list of the network's space.
        EntryKind::Network(_) => RESERVED_RESEAU_SLUGS,
        _ => &[],
    };
    reserved
        .contains(&slug.as_str())
        .then(|| Diagnostic::new(Kind::ReservedSlug { slug: slug.clone() }, entry.file, 0..0))
}
