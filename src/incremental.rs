//! The pipeline with memory: load → validate → index → render, keeping each stage's results,
//! so that after an edit only what the edit touches is done again.
//!
//! [`crate::check`] runs it once from nothing ([`Changes::All`]); `resin serve` runs it again
//! after each change the watcher reports ([`Changes::Paths`]):
//! - only the files named by the change are read again (the folder is walked again only when
//!   a file appears, disappears, or is not a known entry);
//! - only those entries are validated again (all of them when `site.yaml`, the communes or
//!   the date change); the checks across entries and the index are redone (they are cheap);
//! - each file of the site gets a key ([`crate::render::deps`]); a file whose key did not
//!   change keeps what was rendered before, the others are produced when first asked for
//!   ([`Snapshot::get`]) or by [`Snapshot::produce_all`].
//!
//! Every update publishes a new [`Snapshot`] when the content has no error; otherwise the last
//! good one stays.

use std::collections::{BTreeMap, BTreeSet};

use foldhash::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::Checked;
use crate::communes::Communes;
use crate::config::{self, SiteConfig};
use crate::diagnostic::{self, Diagnostic, Kind, Severity};
use crate::error::Error;
use crate::index::Site;
use crate::load::{self, Asset, EntryKind, RawEntry};
use crate::render::deps::{Keys, hasher};
use crate::render::{Output, Planned, Renderer, Theme};
use crate::source::{FileId, Sources};
use crate::validate::{self, ValidEntry};
use crate::write::OutputFile;

/// What changed since the last update.
#[derive(Debug, Clone)]
pub enum Changes {
    /// Anything: read everything again.
    All,
    /// These paths (files or folders, created, modified or deleted).
    Paths(Vec<PathBuf>),
}

/// Changed paths sorted by what they touch.
#[derive(Default)]
struct Sorted {
    /// `site.yaml` or the communes file.
    config: bool,
    /// A file under `themes/`.
    theme: bool,
    /// `content/` must be walked again.
    rescan: bool,
    /// Known entries to read again.
    reread: BTreeSet<Vec<String>>,
    /// New entries, found without a walk.
    added: Vec<load::EntryPath>,
    /// Entries gone.
    removed: Vec<Vec<String>>,
    /// New files copied as they are.
    added_assets: Vec<Asset>,
    /// Such files gone.
    removed_assets: Vec<String>,
}

/// One content entry, as last read.
struct EntryState {
    kind: EntryKind,
    slug: String,
    path: PathBuf,
    file: FileId,
    /// A hash of the file's path and text: what the pages showing the entry depend on.
    version: u64,
    /// The entry checked on its own, or why its file could not be parsed.
    checked: Result<ValidEntry, Diagnostic>,
}

/// `site.yaml` and the communes file, as last read.
#[derive(Default)]
struct ConfigState {
    config: Option<SiteConfig>,
    /// The territorial fields: the config's, or those read from a `site.yaml` with errors.
    extensions: Option<config::Extensions>,
    communes: Option<Communes>,
    /// The communes file, watched too.
    communes_path: Option<PathBuf>,
    diagnostics: Vec<Diagnostic>,
    /// A hash of both files' texts and of the base URL.
    version: u64,
}

/// The site being built: every stage's results.
pub struct Workspace {
    root: PathBuf,
    base_url: Option<String>,
    today: Option<NaiveDate>,
    sources: Sources,
    config: ConfigState,
    theme: Option<Result<Arc<Theme>, String>>,
    scan: load::Scan,
    /// Problems of the walk (names, links), located.
    problems: Vec<Diagnostic>,
    /// Entries by path components (the walk's order).
    entries: BTreeMap<Vec<String>, EntryState>,
    diagnostics: Vec<Diagnostic>,
    site: Option<Arc<Site>>,
    published: Option<Arc<Snapshot>>,
    generation: u64,
    /// A template failed on some page at the last update: every page is tried again at the
    /// next one, whatever it changes (the failure may come from the content).
    render_failed: Option<String>,
    /// The last update stopped midway (a file could not be read): the next one starts over.
    interrupted: bool,
    /// New templates are tried on every page before a snapshot is published (serve, check);
    /// a build produces and writes each page once instead, and stops at the first failure.
    trial: bool,
}

/// What an update did.
#[derive(Debug)]
pub struct Update {
    /// Entries read and checked again.
    pub entries_read: usize,
    /// Files of the site that must be produced again (the others are unchanged).
    pub outdated: usize,
    /// True when a new snapshot was published (the content has no error).
    pub published: bool,
    /// True when nothing changed (files saved as they were): nothing was done.
    pub unchanged: bool,
}

impl Workspace {
    /// An empty workspace for the site at `root`; `base_url` replaces `site.yaml`'s `url`.
    pub fn new(root: &Path, base_url: Option<&str>) -> Result<Workspace, Error> {
        if let Some(url) = base_url
            && config::site_url(url).is_err()
        {
            return Err(Error::Usage {
                message: format!(
                    "--base-url « {url} » : une adresse http(s) complète, sans « ? » ni « # », est attendue"
                ),
            });
        }
        Ok(Workspace {
            root: root.to_path_buf(),
            base_url: base_url.map(str::to_string),
            today: None,
            sources: Sources::new(root),
            config: ConfigState::default(),
            theme: None,
            scan: load::Scan::default(),
            problems: Vec::new(),
            entries: BTreeMap::new(),
            diagnostics: Vec::new(),
            site: None,
            published: None,
            generation: 0,
            render_failed: None,
            interrupted: false,
            trial: true,
        })
    }

    /// No trial of the templates on every page at publication: for a build or a check, which
    /// produce each page once and drop it (pages kept in memory would double their peak).
    pub fn without_trial(mut self) -> Workspace {
        self.trial = false;
        self
    }

    /// Texts of every file read, for printing diagnostics.
    pub fn sources(&self) -> &Sources {
        &self.sources
    }

    /// Every problem of the content as last updated, sorted by file and position.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity() == Severity::Error).count()
    }

    /// The theme's error, when its templates do not compile or fail on some page.
    pub fn theme_error(&self) -> Option<&str> {
        self.theme.as_ref().and_then(|t| t.as_ref().err()).or(self.render_failed.as_ref()).map(String::as_str)
    }

    /// The last site published (content without error), if any.
    pub fn published(&self) -> Option<&Arc<Snapshot>> {
        self.published.as_ref()
    }

    /// The files outside `content/` that the site is built from: the communes file. (The
    /// theme folder is `themes/` under the root.)
    pub fn watched_files(&self) -> Vec<PathBuf> {
        self.config.communes_path.iter().cloned().collect()
    }

    /// Brings every stage up to date with `changes`, for the build date `today`.
    pub fn update(&mut self, changes: &Changes, today: NaiveDate) -> Result<Update, Error> {
        let all = matches!(changes, Changes::All) || self.today != Some(today) || self.interrupted;
        self.today = Some(today);
        // Set until this update has gone through: an error midway leaves the state half done.
        self.interrupted = true;
        let config_dirty = all;
        let theme_dirty = all || self.theme.is_none();
        let Sorted { config, theme, rescan, mut reread, added, removed, added_assets, removed_assets } = match changes {
            Changes::Paths(paths) if !all => self.sort(paths),
            _ => Sorted { rescan: true, ..Sorted::default() },
        };
        let config_dirty = config_dirty || config;
        let theme_dirty = theme_dirty || theme;
        let try_every_page = self.trial && (theme_dirty || self.render_failed.is_some());

        // Whether anything changed at all: a file saved unchanged changes nothing.
        let mut changed = all || rescan || theme_dirty || self.render_failed.is_some();
        // Load: walk again only when files may have come or gone in ways not told apart above.
        let mut new: BTreeMap<Vec<String>, load::EntryPath> = BTreeMap::new();
        if rescan {
            self.scan = load::scan(&self.root)?;
            self.problems = self
                .scan
                .problems
                .iter()
                .map(|p| {
                    Diagnostic::new(p.kind.clone(), self.sources.add(p.path.clone(), p.text.clone()), p.span.clone())
                })
                .collect();
            let present: BTreeSet<Vec<String>> =
                self.scan.entries.iter().map(|e| components(Path::new(&e.relative))).collect();
            self.entries.retain(|key, _| present.contains(key));
            for entry in &self.scan.entries {
                let key = components(Path::new(&entry.relative));
                match self.entries.get(&key) {
                    Some(state) if state.kind == entry.kind && state.slug == entry.slug => {}
                    _ => {
                        reread.insert(key.clone());
                        new.insert(key, entry.clone());
                    }
                }
            }
        } else {
            changed |=
                !removed.is_empty() || !added.is_empty() || !added_assets.is_empty() || !removed_assets.is_empty();
            for key in removed {
                self.entries.remove(&key);
                let relative = key.join("/");
                self.scan.entries.retain(|e| e.relative != relative);
            }
            for entry in added {
                let key = components(Path::new(&entry.relative));
                let at = self.scan.entries.partition_point(|e| components(Path::new(&e.relative)) < key);
                if self.scan.entries.get(at).is_none_or(|e| e.relative != entry.relative) {
                    self.scan.entries.insert(at, entry.clone());
                }
                reread.insert(key.clone());
                new.insert(key, entry);
            }
            self.scan.assets.retain(|a| !removed_assets.contains(&a.relative));
            for asset in added_assets {
                if !self.scan.assets.iter().any(|a| a.relative == asset.relative) {
                    let key = components(Path::new(&asset.relative));
                    let at = self.scan.assets.partition_point(|a| components(Path::new(&a.relative)) < key);
                    self.scan.assets.insert(at, asset);
                }
            }
        }
        let mut revalidate = false;
        if config_dirty {
            let before = self.config.version;
            self.config = self.load_config()?;
            revalidate = all || self.config.version != before;
        }
        let to_read: Vec<load::EntryPath> = if revalidate {
            self.scan.entries.clone()
        } else {
            // Known entries from their state; new ones from the walk or the events.
            reread
                .iter()
                .filter_map(|key| match (new.get(key), self.entries.get(key)) {
                    (Some(found), _) => Some(found.clone()),
                    (None, Some(s)) => Some(load::EntryPath {
                        kind: s.kind,
                        path: s.path.clone(),
                        relative: self.sources.get(s.file).path.clone(),
                        slug: s.slug.clone(),
                    }),
                    (None, None) => None,
                })
                .collect()
        };
        let texts: Vec<(String, Option<usize>)> =
            to_read.par_iter().map(|e| load::read_text(&e.path)).collect::<Result<_, Error>>()?;

        // Validate the entries read, each on its own.
        let mut fresh: Vec<(Vec<String>, &load::EntryPath, FileId, u64)> = Vec::new();
        for (entry, (text, invalid_at)) in to_read.iter().zip(texts) {
            let key = components(Path::new(&entry.relative));
            let version = version_of(&entry.relative, &text);
            let unchanged = self.entries.get(&key).is_some_and(|s| s.version == version && s.path == entry.path);
            if unchanged && !revalidate {
                continue;
            }
            changed = true;
            let file = self.sources.add(entry.relative.clone(), text);
            if let Some(at) = invalid_at {
                self.entries
                    .insert(key, state(entry, file, version, Err(Diagnostic::new(Kind::NotUtf8, file, at..at))));
                continue;
            }
            fresh.push((key, entry, file, version));
        }
        let ctx = validate::Context {
            territory: self.config.config.as_ref().map(|c| &c.territoire),
            communes: self.config.communes.as_ref(),
            today,
            extensions: self.config.extensions.as_ref(),
        };
        let sources = &self.sources;
        let checked: Vec<Result<ValidEntry, Diagnostic>> = fresh
            .par_iter()
            .map(|(_, entry, file, _)| {
                let text = &sources.get(*file).text;
                match load::parse_entry(text) {
                    Ok(parsed) => {
                        let raw = RawEntry::new(entry.kind, *file, entry.slug.clone(), parsed);
                        Ok(validate::validate_entry(&raw, text, &ctx))
                    }
                    Err((kind, span)) => Err(Diagnostic::new(kind, *file, span)),
                }
            })
            .collect();
        let entries_read = fresh.len();
        for ((key, entry, file, version), checked) in fresh.into_iter().zip(checked) {
            self.entries.insert(key, state(entry, file, version, checked));
        }
        if !changed && !revalidate {
            self.interrupted = false;
            return Ok(Update { entries_read, outdated: 0, published: false, unchanged: true });
        }

        if theme_dirty {
            self.theme = Some(Theme::load(&self.root).map(Arc::new).map_err(message));
        }

        // The checks across entries, and the index.
        let unreadable: Vec<(EntryKind, String)> =
            self.entries.values().filter(|s| s.checked.is_err()).map(|s| (s.kind, s.slug.clone())).collect();
        let valid = self.entries.values().filter_map(|s| s.checked.as_ref().ok());
        let (entries, found) = validate::cross_check(&self.sources, valid, &unreadable, &self.scan.assets);
        let mut diagnostics = self.problems.clone();
        diagnostics.extend(self.config.diagnostics.iter().cloned());
        diagnostics.extend(self.entries.values().filter_map(|s| s.checked.as_ref().err().cloned()));
        diagnostics.extend(found);
        let site = self.config.config.clone().map(|config| {
            let previous = self.site.as_deref().filter(|s| s.today == today);
            let mut site = Site::with_previous(config, entries, today, previous);
            site.centres = self.config.communes.iter().flat_map(|c| c.iter().cloned()).collect();
            site.file_sizes = file_sizes(&site, &self.scan.assets);
            Arc::new(site)
        });
        let mut old_site = std::mem::replace(&mut self.site, site);

        // Render: plan every file and keep those whose key did not change.
        let mut outdated = 0;
        let mut published = false;
        let errors = diagnostics.iter().any(|d| d.severity() == Severity::Error);
        if let (Some(site), Some(Ok(theme)), false) = (&self.site, &self.theme, errors) {
            let qr_codes = crate::render::qr_codes(site);
            let renderer = Renderer::with_qr_codes(site, theme, qr_codes.clone());
            let planned = renderer.plan()?;
            let paths: Vec<&str> = planned.iter().map(|p| p.path.as_str()).collect();
            for path in crate::write::asset_conflicts(&paths, &self.scan.assets) {
                let id = self.sources.add(path.clone(), String::new());
                diagnostics.push(Diagnostic::new(Kind::AssetConflict { path }, id, 0..0));
            }
            if !diagnostics.iter().any(|d| d.severity() == Severity::Error) {
                let versions: HashMap<FileId, u64> = self.entries.values().map(|s| (s.file, s.version)).collect();
                let version = |file: FileId| versions.get(&file).copied().unwrap_or_default();
                let global = {
                    let mut h = hasher();
                    (self.config.version, theme.version, today, &self.base_url).hash(&mut h);
                    h.finish()
                };
                let keys = Keys::new(site, &version, global);
                let previous = self.published.as_deref().map_or(&[][..], |s| &s.files[..]);
                let files;
                (files, outdated) = carry_over(previous, planned, &keys);
                let snapshot = Arc::new(Snapshot {
                    generation: self.generation + 1,
                    site: site.clone(),
                    theme: theme.clone(),
                    files,
                    assets: self.scan.assets.clone(),
                    content: self.root.join("content"),
                    qr_codes,
                });
                // New templates are tried on every page before they are published: a template
                // that fails on some page leaves the last good site served.
                let errors = if try_every_page { snapshot.produce_pending(&|| false) } else { Vec::new() };
                self.render_failed = errors.into_iter().next();
                if self.render_failed.is_none() {
                    self.generation += 1;
                    let old = self.published.replace(snapshot);
                    published = true;
                    // Freeing a large site takes time: not while the new one waits to be served.
                    if old.is_some() || old_site.is_some() {
                        let old_site = old_site.take();
                        std::thread::spawn(move || drop((old, old_site)));
                    }
                }
            }
        }
        diagnostic::sort(&mut diagnostics, &self.sources);
        self.diagnostics = diagnostics;
        self.interrupted = false;
        if let Some(message) = self.theme_error() {
            return Err(Error::Template { message: message.to_string() });
        }
        Ok(Update { entries_read, outdated, published, unchanged: false })
    }

    /// Sorts the changed paths: what they touch, and which files came or went when that can be
    /// told without walking `content/`.
    fn sort(&self, paths: &[PathBuf]) -> Sorted {
        let content = self.root.join("content");
        let themes = self.root.join("themes");
        let mut sorted = Sorted::default();
        for path in paths {
            if path == &content.join("site.yaml") || self.config.communes_path.as_ref() == Some(path) {
                sorted.config = true;
                sorted.rescan = true;
            } else if path.starts_with(&themes) {
                sorted.theme = true;
            } else if let Ok(relative) = path.strip_prefix(&self.root)
                && path.starts_with(&content)
            {
                let key = components(relative);
                if key.iter().skip(1).any(|part| load::ignored(part)) {
                    continue; // hidden files and editors' leftovers: never content
                }
                let inner = key[1..].join("/");
                let known = self.entries.contains_key(&key);
                // A file with a problem (a link leading out, a bad name) may have become
                // fine, or the other way round: walk.
                let prefix = format!("content/{inner}");
                if self.scan.problems.iter().any(|p| p.path.starts_with(&prefix)) {
                    sorted.rescan = true;
                    continue;
                }
                match std::fs::symlink_metadata(path) {
                    Ok(m) if m.is_file() && known => {
                        sorted.reread.insert(key);
                    }
                    Ok(m) if m.is_file() => match load::classify(&inner, path) {
                        load::Classified::Entry(entry) => sorted.added.push(entry),
                        load::Classified::Asset(asset) => sorted.added_assets.push(asset),
                        _ => sorted.rescan = true,
                    },
                    // A folder, or a link: walk.
                    Ok(_) => sorted.rescan = true,
                    Err(_) if known => sorted.removed.push(key),
                    Err(_) if self.scan.assets.iter().any(|a| a.relative == inner) => sorted.removed_assets.push(inner),
                    Err(_) => {
                        // A folder that went: walk. A file that came and went (an editor's
                        // test file) changes nothing.
                        let folder = format!("{inner}/");
                        sorted.rescan |= self.entries.keys().any(|k| k.starts_with(&key))
                            || self.scan.assets.iter().any(|a| a.relative.starts_with(&folder));
                    }
                }
            }
        }
        // An entry that is a link changes when what it points to does: read them again.
        if !self.scan.linked.is_empty() && paths.iter().any(|p| p.starts_with(&content)) {
            sorted.reread.extend(self.scan.linked.iter().map(|r| components(Path::new(r))));
        }
        sorted
    }

    /// `site.yaml` and the communes file it names.
    fn load_config(&mut self) -> Result<ConfigState, Error> {
        let mut state = ConfigState::default();
        let mut h = hasher();
        self.base_url.hash(&mut h);
        let Some(path) = self.scan.config.clone() else {
            state.diagnostics.push(Diagnostic::global(Kind::Site(diagnostic::SiteKind::Missing)));
            state.version = h.finish();
            return Ok(state);
        };
        let (text, invalid_at) = load::read_text(&path)?;
        text.hash(&mut h);
        let id = self.sources.add("content/site.yaml".into(), text);
        if let Some(at) = invalid_at {
            state.diagnostics.push(Diagnostic::new(Kind::NotUtf8, id, at..at));
            state.version = h.finish();
            return Ok(state);
        }
        state.config = match config::load_config(&self.sources, id) {
            Ok(mut config) => {
                if let Some(url) = &self.base_url {
                    config.url = url.clone();
                }
                Some(config)
            }
            Err(found) => {
                state.diagnostics.extend(found);
                // The territorial fields, when their part of the file can be read: without
                // them, every entry using one would also get an "unknown field" error.
                state.extensions = config::salvage_extensions(&self.sources.get(id).text);
                None
            }
        };
        if let Some(config) = &state.config {
            state.extensions = Some(config.extensions.clone());
        }
        if let Some(relative) = state.config.as_ref().and_then(|c| c.territoire.communes.clone()) {
            let path = self.root.join(&relative);
            // Read once known to be a file of the site (a link could lead to `/dev/zero`, a named
            // pipe would be waited on forever).
            match Communes::load(&self.root, &relative) {
                Ok(communes) => {
                    std::fs::read(&path).ok().hash(&mut h);
                    state.communes = Some(communes)
                }
                Err(kind) => {
                    let span = config::value_span(&self.sources, id, &["territoire", "communes"]);
                    state.diagnostics.push(Diagnostic::new(kind, id, span));
                }
            }
            state.communes_path = Some(path);
        }
        state.version = h.finish();
        Ok(state)
    }

    /// The outcome of a check from this workspace, without producing the files, and the
    /// snapshot that produces them (when there is one: `site.yaml` readable).
    pub fn into_parts(self) -> Result<(Checked, Option<Arc<Snapshot>>), Error> {
        if let Some(message) = self.theme_error() {
            return Err(Error::Template { message: message.to_string() });
        }
        let checked =
            Checked { sources: self.sources, diagnostics: self.diagnostics, site: self.site, assets: self.scan.assets };
        Ok((checked, self.published))
    }

    /// The outcome of a check from this workspace: when the content has no error, every file
    /// is produced, as a build would write it, and dropped at once (a check kept them all: 2.5
    /// times a build's memory, issue 19), so that template errors are found too.
    pub fn into_checked(self) -> Result<Checked, Error> {
        let errors = self.errors();
        let (checked, snapshot) = self.into_parts()?;
        if let Some(snapshot) = snapshot.filter(|_| errors == 0) {
            snapshot.produce_each(&|path, _| crate::write::confine(path).map(drop))?;
        }
        Ok(checked)
    }
}

/// The message of a template error (without the "erreur de gabarit" its display adds).
/// The size of every file an entry of the network's space offers to download (pages show it).
fn file_sizes(site: &Site, assets: &[Asset]) -> HashMap<String, u64> {
    let by_path: HashMap<&str, &Asset> = assets.iter().map(|a| (a.relative.as_str(), a)).collect();
    site.entries
        .reseau
        .iter()
        .flat_map(|p| p.files())
        .filter_map(|file| {
            let size = std::fs::metadata(&by_path.get(file)?.path).ok()?.len();
            Some((file.to_string(), size))
        })
        .collect()
}

fn message(error: Error) -> String {
    match error {
        Error::Template { message } => message,
        other => other.to_string(),
    }
}

fn state(entry: &load::EntryPath, file: FileId, version: u64, checked: Result<ValidEntry, Diagnostic>) -> EntryState {
    EntryState { kind: entry.kind, slug: entry.slug.clone(), path: entry.path.clone(), file, version, checked }
}

/// A path's components: sorting by them is the order of a walk sorted by file name.
fn components(relative: &Path) -> Vec<String> {
    relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect()
}

fn version_of(path: &str, text: &str) -> u64 {
    let mut h = hasher();
    (path, text).hash(&mut h);
    h.finish()
}

/// The files of a new snapshot: each keeps the bytes of the file at its path in `previous`
/// when its key is the same, and the last good bytes there in any case (shown, with the
/// error, if a template fails on it). Both lists are sorted by path: they are walked side by
/// side. Also returns how many files must be produced again.
fn carry_over(previous: &[(String, Slot)], planned: Vec<Planned>, keys: &Keys<'_>) -> (Vec<(String, Slot)>, usize) {
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
struct Slot {
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
    site: Arc<Site>,
    theme: Arc<Theme>,
    /// Sorted by path.
    files: Vec<(String, Slot)>,
    /// Files of `content/` served as they are.
    assets: Vec<Asset>,
    /// `content/`, where assets must be.
    content: PathBuf,
    /// The places' QR codes, drawn once for all the files that show them.
    qr_codes: crate::render::QrCodes,
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
    fn slot(&self, path: &str) -> Option<&Slot> {
        self.files.binary_search_by(|(p, _)| p.as_str().cmp(path)).ok().map(|i| &self.files[i].1)
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
