//! What each file depends on, for `resin serve`: a key that changes whenever the file's
//! output may change. After an edit, a file whose key is unchanged is not produced again.
//!
//! A key hashes the versions (file path and text) of the entries the page shows, and the
//! `global` version (site.yaml, communes, templates, date, address) that every page depends
//! on. This module holds only the shared machinery; each page module computes its own key
//! beside the view it shows (`page::place::key` next to `page::place::place_view`, the cards'
//! hashes next to the cards in [`super::cards`]), and `render::page_key` dispatches. The serve
//! tests compare every served file with a fresh build after random edits: a forgotten
//! dependency fails them.

use std::collections::BTreeMap;
use std::hash::{BuildHasher, Hash, Hasher};

use foldhash::quality::{FixedState, FoldHasher};

use super::page::terms::Taxonomy;
use super::{Output, cards};
use crate::index::Site;
use crate::model::{Offer, Place};
use crate::source::FileId;

/// Computes file keys for one site.
pub(crate) struct Keys<'a> {
    /// The site whose files are keyed.
    pub(crate) site: &'a Site,
    version: &'a (dyn Fn(FileId) -> u64 + Sync),
    global: u64,
    /// Places in directory order (communes in order, then by name).
    pub(crate) directory: Vec<usize>,
    /// Places of each term whose pages group them by commune, in directory order.
    pub(crate) by_commune: BTreeMap<(Taxonomy, usize), Vec<usize>>,
    /// Offers in listing order.
    pub(crate) offers: Vec<&'a Offer>,
}

impl<'a> Keys<'a> {
    /// Keys for `site`, where `version` gives the version of an entry's file and `global` that
    /// of everything else.
    pub(crate) fn new(site: &'a Site, version: &'a (dyn Fn(FileId) -> u64 + Sync), global: u64) -> Keys<'a> {
        let directory = cards::directory_order(site);
        let mut position = vec![0; site.entries.places.len()];
        for (at, &i) in directory.iter().enumerate() {
            position[i] = at;
        }
        let mut by_commune = BTreeMap::new();
        for taxonomy in Taxonomy::ALL.into_iter().filter(|t| t.groups_by_commune()) {
            for (index, term) in taxonomy.terms(site).iter().enumerate() {
                let mut order = term.places.clone();
                order.sort_by_key(|&i| position[i]);
                by_commune.insert((taxonomy, index), order);
            }
        }
        Keys { site, version, global, directory, by_commune, offers: site.offers_in_order() }
    }

    /// The key of a file; `None` for files that depend on the whole site (home page, sitemap,
    /// exports…), produced again after every change.
    pub(crate) fn key(&self, output: Output) -> Option<u64> {
        match output {
            // The web editor's files come from the binary: they never change.
            Output::AdminFile(i) => {
                let mut h = hasher();
                ("admin", i).hash(&mut h);
                Some(h.finish())
            }
            Output::Page(job) => super::page_key(self, job),
            _ => None,
        }
    }

    /// A hasher that already holds the `global` version: every page key starts with it.
    pub(crate) fn hasher(&self) -> FoldHasher<'static> {
        let mut h = hasher();
        self.global.hash(&mut h);
        h
    }

    /// The version of an entry's file.
    pub(crate) fn entry(&self, file: FileId) -> u64 {
        (self.version)(file)
    }

    /// The version of a place's file.
    pub(crate) fn place(&self, place: &Place) -> u64 {
        self.entry(place.file)
    }
}

/// A fast hasher with a fixed seed: keys are compared within one run only.
pub(crate) fn hasher() -> FoldHasher<'static> {
    FixedState::default().build_hasher()
}
