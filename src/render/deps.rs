//! What each page depends on, for `resin serve`: a key that changes whenever the page's
//! output may change. After an edit, a page whose key is unchanged is not rendered again.
//!
//! A key hashes the versions (file path and text) of the entries the page shows, and the
//! `global` version (site.yaml, communes, templates, date, address) that every page depends
//! on. It must follow `view.rs`: a page that shows something of an entry must hash that
//! entry's version. The serve tests compare every served file with a fresh build after random
//! edits: a forgotten dependency fails them.

use std::collections::BTreeMap;
use std::hash::{BuildHasher, Hash, Hasher};

use foldhash::quality::{FixedState, FoldHasher};

use super::{Job, OFFERS_PER_PAGE, Output, PLACES_PER_PAGE, Taxonomy, view};
use crate::index::Site;
use crate::model::{Lieu, Offre};
use crate::source::FileId;

/// Computes page keys for one site.
pub(crate) struct Keys<'a> {
    site: &'a Site,
    version: &'a (dyn Fn(FileId) -> u64 + Sync),
    global: u64,
    /// Places in directory order (communes in order, then by name).
    directory: Vec<usize>,
    /// Places of each service and public term, in directory order.
    by_commune: BTreeMap<(Taxonomy, usize), Vec<usize>>,
    /// Offers in listing order.
    offers: Vec<&'a Offre>,
}

impl<'a> Keys<'a> {
    /// Keys for `site`, where `version` gives the version of an entry's file and `global` that
    /// of everything else.
    pub fn new(site: &'a Site, version: &'a (dyn Fn(FileId) -> u64 + Sync), global: u64) -> Keys<'a> {
        let directory = view::directory_order(site);
        let mut position = vec![0; site.entries.lieux.len()];
        for (at, &i) in directory.iter().enumerate() {
            position[i] = at;
        }
        let mut by_commune = BTreeMap::new();
        for taxonomy in [Taxonomy::Services, Taxonomy::Publics] {
            for (index, term) in taxonomy.terms(site).iter().enumerate() {
                let mut order = term.lieux.clone();
                order.sort_by_key(|&i| position[i]);
                by_commune.insert((taxonomy, index), order);
            }
        }
        Keys { site, version, global, directory, by_commune, offers: site.offers_in_order() }
    }

    /// The key of a file; `None` for files that depend on the whole site (home page, sitemap,
    /// exports…), produced again after every change.
    pub fn key(&self, output: Output) -> Option<u64> {
        // The web editor's files come from the binary: they never change.
        if let Output::AdminFile(i) = output {
            let mut h = hasher();
            ("admin", i).hash(&mut h);
            return Some(h.finish());
        }
        let Output::Page(job) = output else { return None };
        let site = self.site;
        let mut h = hasher();
        self.global.hash(&mut h);
        match job {
            // The network's space is small: its pages are made again after every change.
            Job::Home | Job::TermIndex(_) | Job::Map | Job::Orient | Job::Data | Job::NotFound | Job::Reseau(_) => {
                return None;
            }
            // The first page holds the filter form, whose choices come from every place.
            Job::Places { n: 1, .. } => return None,
            Job::Places { n, total } => {
                (1u8, n, total, site.entries.lieux.len(), site.communes.len()).hash(&mut h);
                self.list(&mut h, &self.directory, n);
            }
            Job::Place(i) => {
                let lieu = &site.entries.lieux[i];
                (2u8, self.place(lieu)).hash(&mut h);
                for offre in site.offers_at(&lieu.slug) {
                    self.offer_card(&mut h, offre);
                }
                // The entries of the network's space that name it, and the places those name.
                for &i in site.reseau.by_place.get(&lieu.slug).into_iter().flatten() {
                    let p = &site.entries.reseau[i];
                    self.entry(p.file).hash(&mut h);
                    for place in p.lieux.iter().filter_map(|s| site.place(s)) {
                        self.place(place).hash(&mut h);
                    }
                }
            }
            Job::Term { taxonomy, index, n, total } => {
                let term = &taxonomy.terms(site)[index];
                (3u8, taxonomy, &term.slug, &term.name, n, total, term.lieux.len()).hash(&mut h);
                match self.by_commune.get(&(taxonomy, index)) {
                    Some(order) => self.list(&mut h, order, n),
                    None => self.list(&mut h, &term.lieux, n),
                }
            }
            Job::Offers { n, total } => {
                (4u8, n, total).hash(&mut h);
                let start = (n - 1) * OFFERS_PER_PAGE;
                if let Some(previous) = start.checked_sub(1).and_then(|i| self.offers.get(i)) {
                    view::when(site, previous).hash(&mut h);
                }
                for offre in self.offers.iter().skip(start).take(OFFERS_PER_PAGE) {
                    self.offer_card(&mut h, offre);
                }
            }
            Job::Offer(i) => {
                let offre = &site.entries.offres[i];
                (5u8, self.entry(offre.file)).hash(&mut h);
                for lieu in offre.lieux.iter().filter_map(|s| site.place(s)) {
                    self.place(lieu).hash(&mut h);
                }
                // A service or public links to its page only when some place has it.
                for service in &offre.services {
                    site.services.iter().any(|t| &t.name == service).hash(&mut h);
                }
                for public in &offre.publics_specifiquement_adresses {
                    site.publics.iter().any(|t| &t.name == public).hash(&mut h);
                }
            }
            Job::Page(i) => (6u8, self.entry(site.entries.pages[i].file)).hash(&mut h),
        }
        Some(h.finish())
    }

    fn entry(&self, file: FileId) -> u64 {
        (self.version)(file)
    }

    fn place(&self, lieu: &Lieu) -> u64 {
        self.entry(lieu.file)
    }

    /// Page `n` of a list of places in directory order: its places, and whether the first one
    /// continues the previous page's commune.
    fn list(&self, h: &mut FoldHasher<'static>, order: &[usize], n: usize) {
        let lieux = &self.site.entries.lieux;
        let start = ((n - 1) * PLACES_PER_PAGE).min(order.len());
        if let Some(&previous) = start.checked_sub(1).and_then(|i| order.get(i)) {
            lieux[previous].commune.hash(h);
        }
        for &i in order.iter().skip(start).take(PLACES_PER_PAGE) {
            self.place(&lieux[i]).hash(h);
        }
    }

    /// An offer's card: the offer and the places it names.
    fn offer_card(&self, h: &mut FoldHasher<'static>, offre: &Offre) {
        self.entry(offre.file).hash(h);
        for lieu in offre.lieux.iter().filter_map(|s| self.site.place(s)) {
            self.place(lieu).hash(h);
        }
    }
}

/// A fast hasher with a fixed seed: keys are compared within one run only.
pub(crate) fn hasher() -> FoldHasher<'static> {
    FixedState::default().build_hasher()
}
