//! The network's space arranged for rendering: each section's lists in their order, the
//! archives, the tags, and what names each place. Every list is sorted explicitly.

use std::cmp::Reverse;
use std::sync::Arc;

use chrono::NaiveDate;
use foldhash::{HashMap, HashMapExt};

use crate::model::network::{CallState, Detail, Publication, Section};
use crate::suggest::fold;

/// A tag and the entries that carry it.
#[derive(Debug, Clone)]
pub struct Tag {
    /// URL part: `/reseau/etiquettes/<slug>/`.
    pub slug: String,
    /// The tag as written.
    pub name: String,
    /// Indices into `entries.network` of the listed entries carrying it, newest first.
    pub entries: Vec<usize>,
}

/// The network's space, indexed.
#[derive(Debug, Clone, Default)]
pub struct Network {
    /// Per section (in [`Section::ALL`] order), the entries of its main list, in order:
    /// news and good practices newest first; open and coming calls by closing date; current
    /// ads newest first; coming events soonest first.
    pub lists: [Vec<usize>; 5],
    /// Per section, its archive: closed calls and past events, most recent first (empty for
    /// the others). Expired ads are in neither: they leave the site's lists.
    pub archives: [Vec<usize>; 5],
    /// Tags sorted by folded name.
    pub tags: Vec<Tag>,
    /// Entries naming each place (listed ones only), newest first.
    pub by_place: HashMap<String, Vec<usize>>,
    /// Every listed entry (not expired), newest first: the section's feed and home.
    pub newest: Vec<usize>,
}

/// The position of a section in [`Section::ALL`].
pub(crate) fn position(section: Section) -> usize {
    Section::ALL.iter().position(|s| *s == section).unwrap_or_default()
}

/// True when the entry shows in lists on `today`: every entry but expired ads.
pub(crate) fn is_listed(p: &Publication, today: NaiveDate) -> bool {
    !matches!(&p.detail, Detail::Announcement(a) if a.expired(today))
}

impl Network {
    /// Indexes `entries` for `today`.
    pub fn new(entries: &[Arc<Publication>], today: NaiveDate) -> Network {
        let mut network = Network::default();
        let titles: Vec<String> = entries.iter().map(|p| fold(&p.titre)).collect();
        // Ties on dates are broken by title, then slug: the order never depends on files.
        let tie = |i: usize| (titles[i].clone(), entries[i].slug.clone());
        for (i, p) in entries.iter().enumerate() {
            let at = position(p.section);
            match &p.detail {
                Detail::Call(a) if a.state(today) == CallState::Closed => network.archives[at].push(i),
                Detail::Event(_) if p.is_past(today) => network.archives[at].push(i),
                Detail::Announcement(a) if a.expired(today) => {}
                _ => network.lists[at].push(i),
            }
        }
        for section in Section::ALL {
            let at = position(section);
            let list = &mut network.lists[at];
            match section {
                Section::CallsForProjects => list.sort_by_cached_key(|&i| (entries[i].last_day(), tie(i))),
                Section::Agenda => list.sort_by_cached_key(|&i| (entries[i].date, start(&entries[i]), tie(i))),
                _ => list.sort_by_cached_key(|&i| (Reverse(entries[i].date), tie(i))),
            }
            network.archives[at].sort_by_cached_key(|&i| (Reverse(entries[i].last_day()), tie(i)));
        }

        let mut newest: Vec<usize> = (0..entries.len()).filter(|&i| is_listed(&entries[i], today)).collect();
        newest.sort_by_cached_key(|&i| (Reverse(entries[i].date), tie(i)));

        let mut tags: HashMap<String, Tag> = HashMap::new();
        for &i in &newest {
            let p = &entries[i];
            for tag in &p.etiquettes {
                let slug = slug::slugify(tag);
                let entry =
                    tags.entry(slug.clone()).or_insert_with(|| Tag { slug, name: tag.clone(), entries: Vec::new() });
                entry.entries.push(i);
            }
            for place in &p.lieux {
                network.by_place.entry(place.clone()).or_default().push(i);
            }
        }
        let mut tags: Vec<Tag> = tags.into_values().collect();
        tags.sort_by_cached_key(|t| (fold(&t.name), t.slug.clone()));
        network.tags = tags;
        network.newest = newest;
        network
    }

    /// The index of the tag with this name (as written in an entry) in [`Network::tags`].
    pub fn tag(&self, name: &str) -> Option<usize> {
        let slug = slug::slugify(name);
        self.tags.iter().position(|t| t.slug == slug)
    }
}

/// An event's start time, for ordering events of one day.
fn start(p: &Publication) -> Option<chrono::NaiveTime> {
    match &p.detail {
        Detail::Event(e) => Some(e.debut),
        _ => None,
    }
}
