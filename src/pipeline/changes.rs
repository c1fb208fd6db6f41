//! What a change touches: the paths the watcher reports, sorted into `site.yaml`, the theme,
//! entries read again, files that came or went; and the load step that applies them to the
//! walk of `content/` (or walks it again when they cannot be told apart).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::Workspace;
use super::components;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::load::{self, Asset};

/// Changed paths sorted by what they touch.
#[derive(Default)]
pub(super) struct Sorted {
    /// `site.yaml` or the communes file.
    pub(super) config: bool,
    /// A file under `themes/`.
    pub(super) theme: bool,
    /// `content/` must be walked again.
    pub(super) rescan: bool,
    /// Known entries to read again.
    pub(super) reread: BTreeSet<Vec<String>>,
    /// New entries, found without a walk.
    pub(super) added: Vec<load::EntryPath>,
    /// Entries gone.
    pub(super) removed: Vec<Vec<String>>,
    /// New files copied as they are.
    pub(super) added_assets: Vec<Asset>,
    /// Such files gone.
    pub(super) removed_assets: Vec<String>,
}

/// What the load step found: the entries to read again and, among them, those new to the
/// workspace (by path components).
pub(super) struct Loaded {
    /// Entries to read again, known or new.
    pub(super) reread: BTreeSet<Vec<String>>,
    /// New entries, as found by the walk or the events.
    pub(super) new: BTreeMap<Vec<String>, load::EntryPath>,
    /// True when files came or went.
    pub(super) changed: bool,
}

impl Workspace {
    /// Sorts the changed paths: what they touch, and which files came or went when that can be
    /// told without walking `content/`.
    pub(super) fn sort(&self, paths: &[PathBuf]) -> Sorted {
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

    /// Load: walks `content/` again when `sorted` says so (files may have come or gone in ways
    /// the events do not tell apart), or applies the files that came and went.
    pub(super) fn load_changes(&mut self, sorted: Sorted) -> Result<Loaded, Error> {
        if sorted.rescan {
            return self.rescan(sorted.reread);
        }
        let Sorted { mut reread, added, removed, added_assets, removed_assets, .. } = sorted;
        let changed =
            !removed.is_empty() || !added.is_empty() || !added_assets.is_empty() || !removed_assets.is_empty();
        let mut new = BTreeMap::new();
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
        Ok(Loaded { reread, new, changed })
    }

    /// Walks `content/` again: its problems, the entries gone, and those that are new or whose
    /// kind or slug changed (read again, with `reread`).
    fn rescan(&mut self, mut reread: BTreeSet<Vec<String>>) -> Result<Loaded, Error> {
        let mut new = BTreeMap::new();
        self.scan = load::scan(&self.root)?;
        self.problems = self
            .scan
            .problems
            .iter()
            .map(|p| Diagnostic::new(p.kind.clone(), self.sources.add(p.path.clone(), p.text.clone()), p.span.clone()))
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
        // The walk is a change in itself: the caller counts it as one.
        Ok(Loaded { reread, new, changed: false })
    }
}
