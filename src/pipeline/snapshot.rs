//! One published state of the site: every file's path and key, its bytes produced when first
//! asked for and shared with the next snapshot while its key stays the same.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::message;
use crate::error::Error;
use crate::index::Site;
use crate::load::Asset;
use crate::render::deps::Keys;
use crate::render::{Output, Planned, Renderer, Theme};
use crate::write::OutputFile;

/// The files of a new snapshot: each keeps the bytes of the file at its path in `previous`
/// when its key is the same, and the last good bytes there in any case (shown, with the
/// error, if a template fails on it). Both lists are sorted by path: they are walked side by
/// side. Also returns how many files must be produced again.
pub(super) fn carry_over(
    previous: &[(String, Slot)],
    planned: Vec<Planned>,
    keys: &Keys<'_>,
) -> (Vec<(String, Slot)>, usize) {
    let mut cursor = 0;
    let mut outdated = 0;
    let files = planned
        .into_iter()
        .map(|p| {
            let key = keys.key(p.output);
            while cursor < previous.len() && previous[cursor].0 < p.path {
                cursor += 1;
            }
            let before = previous.get(cursor).filter(|(path, _)| *path == p.path).map(|(_, slot)| slot);
            let kept = before.filter(|slot| key.is_some() && slot.key == key).map(|slot| slot.cell.clone());
            outdated += usize::from(kept.is_none());
            let fallback = before.and_then(|slot| match slot.cell.get() {
                Some(Ok(bytes)) => Some(bytes.clone()),
                _ => slot.fallback.clone(),
            });
            (p.path, Slot { output: p.output, key, cell: kept.unwrap_or_default(), fallback })
        })
        .collect();
    (files, outdated)
}

/// What [`Snapshot::produce_each`] does with each file (its path and bytes).
pub type Each<'a> = dyn Fn(&str, &[u8]) -> Result<(), Error> + Sync + 'a;

/// A produced file, or the error that stopped it (a template error).
pub type Produced = Result<Arc<[u8]>, String>;

/// One file of a snapshot: what produces it, its key, and its bytes once produced. The bytes
/// are shared with the next snapshot when the key is the same.
#[derive(Clone)]
pub(super) struct Slot {
    output: Output,
    key: Option<u64>,
    cell: Arc<OnceLock<Produced>>,
    /// The last good bytes at this path, from an earlier snapshot: served (with the error)
    /// when a template fails on this file.
    fallback: Option<Arc<[u8]>>,
}

/// One published state of the site: every file's path, produced on demand.
pub struct Snapshot {
    /// Counts the snapshots published by a workspace.
    pub generation: u64,
    pub(super) site: Arc<Site>,
    pub(super) theme: Arc<Theme>,
    /// Sorted by path.
    pub(super) files: Vec<(String, Slot)>,
    /// Files of `content/` served as they are.
    pub(super) assets: Vec<Asset>,
    /// `content/`, where assets must be.
    pub(super) content: PathBuf,
    /// The places' QR codes, drawn once for all the files that show them.
    pub(super) qr_codes: crate::render::QrCodes,
}

/// A file of the site.
pub enum Served<'a> {
    /// A generated file.
    Generated(Produced),
    /// A file of `content/`, to read from disk.
    Asset(&'a Path),
    /// The last good version of a file a template now fails on, and the error.
    Stale(Arc<[u8]>, String),
}

impl Snapshot {
    /// The web editor's files alone, with the theme's static files it loads
    /// ([`Renderer::plan_editor`]), made from `site` as indexed even when the content has errors:
    /// `resin serve` serves the editor whatever the content (issue 22).
    pub(super) fn editor(site: Arc<Site>, theme: Arc<Theme>, content: PathBuf) -> Snapshot {
        let qr_codes = crate::render::qr_codes(&site);
        let mut planned = Renderer::with_qr_codes(&site, &theme, qr_codes.clone()).plan_editor();
        planned.sort_by(|a, b| a.path.cmp(&b.path));
        let files = planned
            .into_iter()
            .map(|p| (p.path, Slot { output: p.output, key: None, cell: Arc::default(), fallback: None }))
            .collect();
        Snapshot { generation: 0, site, theme, files, assets: Vec::new(), content, qr_codes }
    }

    fn slot(&self, path: &str) -> Option<&Slot> {
        self.files.binary_search_by(|(p, _)| p.as_str().cmp(path)).ok().map(|i| &self.files[i].1)
    }

    /// True when the site has a generated file at `path` (without producing it).
    pub fn contains(&self, path: &str) -> bool {
        self.slot(path).is_some()
    }

    /// The file at `path` (relative to the site's root, `lieux/x/index.html`), produced now if
    /// it was not yet.
    pub fn get(&self, path: &str) -> Option<Served<'_>> {
        if let Some(slot) = self.slot(path) {
            return Some(match (self.force(slot), &slot.fallback) {
                (Err(error), Some(last_good)) => Served::Stale(last_good.clone(), error),
                (produced, _) => Served::Generated(produced),
            });
        }
        // Generated files come first (a build writes them last): assets only fill the gaps.
        self.assets.iter().find(|a| a.relative == path).map(|a| Served::Asset(&a.path))
    }

    fn force(&self, slot: &Slot) -> Produced {
        slot.cell.get_or_init(|| self.render(slot)).clone()
    }

    /// The file of `slot`, produced now, or as produced already; kept only by [`Self::force`].
    fn render(&self, slot: &Slot) -> Produced {
        match slot.cell.get() {
            Some(produced) => produced.clone(),
            None => Renderer::with_qr_codes(&self.site, &self.theme, self.qr_codes.clone())
                .produce(slot.output)
                .map(Arc::from)
                .map_err(message),
        }
    }

    /// Opens an asset, if it is still a regular file inside `content/` (it may have been
    /// replaced by a link leading elsewhere, or by a named pipe, since the snapshot was taken)
    /// that may be published: the preview keeps the last good snapshot while content has
    /// errors, and an image changed since into one that can run a script must not be served
    /// meanwhile (only SVG images are read for that).
    pub fn open_asset(&self, path: &Path) -> Option<std::fs::File> {
        let content = self.content.canonicalize().ok()?;
        let target = path.canonicalize().ok()?;
        if !target.starts_with(&content) || !std::fs::metadata(&target).ok()?.is_file() {
            return None;
        }
        let name = path.file_name()?.to_string_lossy();
        if crate::load::media::refusal(&name, &target).is_some() {
            return None;
        }
        std::fs::File::open(target).ok()
    }

    /// Every path of the site: generated files and assets, sorted.
    pub fn paths(&self) -> Vec<&str> {
        let mut paths: BTreeSet<&str> = self.files.iter().map(|(p, _)| p.as_str()).collect();
        paths.extend(self.assets.iter().map(|a| a.relative.as_str()));
        paths.into_iter().collect()
    }

    /// Produces every page not produced yet, in parallel, until `stop` says so; returns the
    /// template errors met. The open data files are left to be produced when asked for: they
    /// use no template, and a large site's take long.
    pub fn produce_pending(&self, stop: &(dyn Fn() -> bool + Sync)) -> Vec<String> {
        let mut errors: Vec<String> = self
            .files
            .par_iter()
            .filter(|(_, slot)| !matches!(slot.output, Output::Export(_)))
            .filter_map(|(_, slot)| match slot.cell.get() {
                // Produced already (perhaps for an earlier snapshot, with the same key).
                Some(produced) => produced.clone().err(),
                None if stop() => None,
                None => self.force(slot).err(),
            })
            .collect();
        errors.sort();
        errors.dedup();
        errors
    }

    /// Produces every generated file and gives it to `each` (a build writes it), in parallel,
    /// keeping none in memory (files produced already are given as they are). Returns how
    /// many files were produced, or the first error by path.
    pub fn produce_each(&self, each: &Each<'_>) -> Result<usize, Error> {
        let first = self
            .files
            .par_iter()
            .filter_map(|(path, slot)| {
                let bytes = self.render(slot).map_err(|message| Error::Template { message });
                bytes.and_then(|bytes| each(path, &bytes)).err().map(|error| (path, error))
            })
            .min_by(|a, b| a.0.cmp(b.0));
        first.map_or(Ok(self.files.len()), |(_, error)| Err(error))
    }

    /// Every generated file (assets excluded), sorted by path; the first template error stops.
    pub fn produce_all(&self) -> Result<Vec<OutputFile>, Error> {
        self.files
            .par_iter()
            .map(|(path, slot)| {
                let bytes = self.force(slot).map_err(|message| Error::Template { message })?;
                Ok(OutputFile { path: path.clone(), bytes })
            })
            .collect()
    }
}
