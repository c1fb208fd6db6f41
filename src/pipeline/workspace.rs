//! The workspace: every stage's results, kept between updates, and an update as named steps
//! in the order of the data flow.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use foldhash::HashMap;
use rayon::prelude::*;

use super::changes::{Loaded, Sorted};
use super::snapshot::{Snapshot, carry_over};
use super::{Changes, Update, components, message, version_of};
use crate::Checked;
use crate::communes::Communes;
use crate::config::{self, SiteConfig};
use crate::diagnostic::{self, Diagnostic, Kind, Severity};
use crate::error::Error;
use crate::index::Site;
use crate::load::{self, Asset, EntryKind, RawEntry};
use crate::render::deps::{Keys, hasher};
use crate::render::{Renderer, Theme};
use crate::source::{FileId, Sources};
use crate::validate::{self, ValidEntry};

/// An entry read again whose text changed, to validate: its path components, where it was
/// found, its file and its version.
type Fresh<'a> = (Vec<String>, &'a load::EntryPath, FileId, u64);

/// One content entry, as last read.
pub(super) struct EntryState {
    pub(super) kind: EntryKind,
    pub(super) slug: String,
    pub(super) path: PathBuf,
    pub(super) file: FileId,
    /// A hash of the file's path and text: what the pages showing the entry depend on.
    pub(super) version: u64,
    /// The entry checked on its own, or why its file could not be parsed.
    pub(super) checked: Result<ValidEntry, Diagnostic>,
    /// In the preview, while the file has errors: its last version without any, which the
    /// preview shows instead (a file never correct is not shown). Always `None` in a build or
    /// a check, which publish nothing while the content has errors.
    pub(super) last_good: Option<ValidEntry>,
}

impl EntryState {
    /// The version of the entry the preview shows: this one when it has no error, else the last
    /// one without any.
    fn shown(&self) -> Option<&ValidEntry> {
        match &self.checked {
            Ok(entry) if is_good(entry) => Some(entry),
            _ => self.last_good.as_ref(),
        }
    }
}

/// Whether an entry checked on its own has no error.
fn is_good(entry: &ValidEntry) -> bool {
    !entry.diagnostics.iter().any(|d| d.severity() == Severity::Error)
}

/// `site.yaml` and the communes file, as last read.
#[derive(Default)]
pub(super) struct ConfigState {
    pub(super) config: Option<SiteConfig>,
    /// The territorial fields: the config's, or those read from a `site.yaml` with errors.
    pub(super) extensions: Option<config::Extensions>,
    pub(super) communes: Option<Communes>,
    /// The communes file, watched too.
    pub(super) communes_path: Option<PathBuf>,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// A hash of both files' texts and of the base URL.
    pub(super) version: u64,
}

/// The site being built: every stage's results.
pub struct Workspace {
    pub(super) root: PathBuf,
    pub(super) base_url: Option<String>,
    pub(super) today: Option<NaiveDate>,
    pub(super) sources: Sources,
    pub(super) config: ConfigState,
    pub(super) theme: Option<Result<Arc<Theme>, String>>,
    pub(super) scan: load::Scan,
    /// Problems of the walk (names, links), located.
    pub(super) problems: Vec<Diagnostic>,
    /// Entries by path components (the walk's order).
    pub(super) entries: BTreeMap<Vec<String>, EntryState>,
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) site: Option<Arc<Site>>,
    pub(super) published: Option<Arc<Snapshot>>,
    pub(super) generation: u64,
    /// A template failed on some page at the last update: every page is tried again at the
    /// next one, whatever it changes (the failure may come from the content).
    pub(super) render_failed: Option<String>,
    /// The last update stopped midway (a file could not be read): the next one starts over.
    pub(super) interrupted: bool,
    /// New templates are tried on every page before a snapshot is published (serve, check);
    /// a build produces and writes each page once instead, and stops at the first failure.
    pub(super) trial: bool,
}

impl Workspace {
    /// An empty workspace for the site at `root`; `base_url` replaces `site.yaml`'s `url`.
    pub fn new(root: &Path, base_url: Option<&str>) -> Result<Workspace, Error> {
        if let Some(url) = base_url
            && config::site_url(url).is_err()
        {
            return Err(Error::Usage(crate::diagnostic::UsageKind::BaseUrl { url: url.to_string() }));
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

    /// Brings every stage up to date with `changes`, for the build date `today`, in the order of
    /// the data flow: load, `site.yaml`, the entries read again (each validated on its own), the
    /// checks across entries and the index, then the render plan and its publication.
    pub fn update(&mut self, changes: &Changes, today: NaiveDate) -> Result<Update, Error> {
        let all = matches!(changes, Changes::All) || self.today != Some(today) || self.interrupted;
        self.today = Some(today);
        // Set until this update has gone through: an error midway leaves the state half done.
        self.interrupted = true;
        let sorted = match changes {
            Changes::Paths(paths) if !all => self.sort(paths),
            _ => Sorted { rescan: true, ..Sorted::default() },
        };
        let config_dirty = all || sorted.config;
        let theme_dirty = all || self.theme.is_none() || sorted.theme;
        let try_every_page = self.trial && (theme_dirty || self.render_failed.is_some());

        // Whether anything changed at all: a file saved unchanged changes nothing.
        let mut changed = all || sorted.rescan || theme_dirty || self.render_failed.is_some();
        let loaded = self.load_changes(sorted)?;
        changed |= loaded.changed;
        let revalidate = config_dirty && self.reload_config(all)?;
        let to_read = self.entries_to_read(revalidate, &loaded);
        let (entries_read, read) = self.read_entries(&to_read, revalidate, today)?;
        changed |= read;
        if !changed && !revalidate {
            self.interrupted = false;
            return Ok(Update { entries_read, outdated: 0, published: false, unchanged: true });
        }

        if theme_dirty {
            self.theme = Some(Theme::load(&self.root).map(Arc::new).map_err(message));
        }
        let (mut diagnostics, old_site) = self.index(today);
        let (outdated, published) = self.render(&mut diagnostics, old_site, today, try_every_page)?;
        diagnostic::sort(&mut diagnostics, &self.sources);
        self.diagnostics = diagnostics;
        self.interrupted = false;
        if let Some(message) = self.theme_error() {
            return Err(Error::Template { message: message.to_string() });
        }
        Ok(Update { entries_read, outdated, published, unchanged: false })
    }

    /// Reads `site.yaml` and the communes file again; true when every entry must be validated
    /// again (an update from nothing, or either file changed).
    fn reload_config(&mut self, all: bool) -> Result<bool, Error> {
        let before = self.config.version;
        self.config = self.load_config()?;
        Ok(all || self.config.version != before)
    }

    /// The entries to read: all of them when they must be validated again; otherwise those the
    /// load step named, known ones from their state and new ones from the walk or the events.
    fn entries_to_read(&self, revalidate: bool, loaded: &Loaded) -> Vec<load::EntryPath> {
        if revalidate {
            return self.scan.entries.clone();
        }
        loaded
            .reread
            .iter()
            .filter_map(|key| match (loaded.new.get(key), self.entries.get(key)) {
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
    }

    /// Reads the entries of `to_read` and validates again those whose text changed (all of them
    /// when `revalidate`). Returns how many were validated, and whether any entry changed.
    fn read_entries(
        &mut self,
        to_read: &[load::EntryPath],
        revalidate: bool,
        today: NaiveDate,
    ) -> Result<(usize, bool), Error> {
        let texts: Vec<(String, Option<usize>)> =
            to_read.par_iter().map(|e| load::read_text(&e.path)).collect::<Result<_, Error>>()?;
        let mut changed = false;
        let mut fresh: Vec<Fresh<'_>> = Vec::new();
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
                let checked = Err(Diagnostic::new(Kind::NotUtf8, file, at..at));
                let last_good = self.last_good(&key, &checked);
                self.entries.insert(key, state(entry, file, version, checked, last_good));
                continue;
            }
            fresh.push((key, entry, file, version));
        }
        let entries_read = fresh.len();
        self.validate_entries(fresh, today);
        Ok((entries_read, changed))
    }

    /// Validates the entries read, each on its own, in parallel, and keeps the results.
    fn validate_entries(&mut self, fresh: Vec<Fresh<'_>>, today: NaiveDate) {
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
        for ((key, entry, file, version), checked) in fresh.into_iter().zip(checked) {
            let last_good = self.last_good(&key, &checked);
            self.entries.insert(key, state(entry, file, version, checked, last_good));
        }
    }

    /// What the preview shows of the entry at `key` while its new version, `checked`, has
    /// errors: the version it showed so far. Nothing when `checked` has none, or in a build or a
    /// check.
    fn last_good(&self, key: &[String], checked: &Result<ValidEntry, Diagnostic>) -> Option<ValidEntry> {
        if !self.trial || matches!(checked, Ok(entry) if is_good(entry)) {
            return None;
        }
        self.entries.get(key).and_then(EntryState::shown).cloned()
    }

    /// The checks across entries, and the index. Returns every diagnostic so far, and the site
    /// the new one replaces (freed later, not while the new one waits to be served).
    fn index(&mut self, today: NaiveDate) -> (Vec<Diagnostic>, Option<Arc<Site>>) {
        let unreadable: Vec<(EntryKind, String)> =
            self.entries.values().filter(|s| s.checked.is_err()).map(|s| (s.kind, s.slug.clone())).collect();
        let valid = self.entries.values().filter_map(|s| s.checked.as_ref().ok());
        let (mut entries, found) = validate::cross_check(&self.sources, valid, &unreadable, &self.scan.assets);
        // In the preview, a file with errors is shown in its last version without any.
        if self.trial && self.entries.values().any(|s| s.last_good.is_some()) {
            let shown = self.entries.values().filter_map(|s| s.shown().or(s.checked.as_ref().ok()));
            entries = validate::cross_check(&self.sources, shown, &unreadable, &self.scan.assets).0;
        }
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
        let old_site = std::mem::replace(&mut self.site, site);
        (diagnostics, old_site)
    }

    /// Render: plans every file and keeps those whose key did not change; when the content has
    /// no error, publishes the new snapshot (on trial, once every page renders). Returns how
    /// many files must be produced again, and whether a snapshot was published.
    fn render(
        &mut self,
        diagnostics: &mut Vec<Diagnostic>,
        mut old_site: Option<Arc<Site>>,
        today: NaiveDate,
        try_every_page: bool,
    ) -> Result<(usize, bool), Error> {
        let mut outdated = 0;
        let mut published = false;
        // The preview (on trial) shows the site without the entries in error, or with their last
        // correct version; a build or a check publishes nothing while the content has errors.
        let held_back = |d: &[Diagnostic]| !self.trial && d.iter().any(|d| d.severity() == Severity::Error);
        if let (Some(site), Some(Ok(theme)), false) = (&self.site, &self.theme, held_back(diagnostics)) {
            let qr_codes = crate::render::qr_codes(site);
            let renderer = Renderer::with_qr_codes(site, theme, qr_codes.clone());
            let planned = renderer.plan()?;
            let paths: Vec<&str> = planned.iter().map(|p| p.path.as_str()).collect();
            for path in crate::write::asset_conflicts(&paths, &self.scan.assets) {
                let id = self.sources.add(path.clone(), String::new());
                diagnostics.push(Diagnostic::new(Kind::AssetConflict { path }, id, 0..0));
            }
            if !held_back(diagnostics) {
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
        Ok((outdated, published))
    }

    /// `site.yaml` and the communes file it names.
    fn load_config(&mut self) -> Result<ConfigState, Error> {
        let mut state = ConfigState::default();
        let mut h = hasher();
        self.base_url.hash(&mut h);
        let Some(path) = self.scan.config.clone() else {
            state.diagnostics.push(Diagnostic::global(Kind::Site(crate::diagnostic::SiteKind::Missing)));
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

/// The size of every file an entry of the network's space offers to download (pages show it).
fn file_sizes(site: &Site, assets: &[Asset]) -> HashMap<String, u64> {
    let by_path: HashMap<&str, &Asset> = assets.iter().map(|a| (a.relative.as_str(), a)).collect();
    site.entries
        .network
        .iter()
        .flat_map(|p| p.files())
        .filter_map(|file| {
            let size = std::fs::metadata(&by_path.get(file)?.path).ok()?.len();
            Some((file.to_string(), size))
        })
        .collect()
}

fn state(
    entry: &load::EntryPath,
    file: FileId,
    version: u64,
    checked: Result<ValidEntry, Diagnostic>,
    last_good: Option<ValidEntry>,
) -> EntryState {
    EntryState {
        kind: entry.kind,
        slug: entry.slug.clone(),
        path: entry.path.clone(),
        file,
        version,
        checked,
        last_good,
    }
}
