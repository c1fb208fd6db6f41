//! Watching the files the site is built from (`content/`, `themes/`, the communes file) with
//! notify, debounced: the several events of one save (a temporary file renamed over the
//! original, a backup file, a metadata change) arrive as one batch of paths.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::pipeline::Changes;

/// How long a path must stay quiet before its events are handed over.
const QUIET: Duration = Duration::from_millis(25);
/// How often the debouncer looks for quiet paths.
const TICK: Duration = Duration::from_millis(5);

/// The watcher: keep it alive as long as changes are wanted.
pub(crate) struct Watcher {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    themes_watched: bool,
    files: Vec<PathBuf>,
    /// Batches of changes.
    pub changes: Receiver<Changes>,
}

impl Watcher {
    /// Watches the site at `root`, and `files` outside `content/` and `themes/`.
    pub(crate) fn start(root: &Path, files: &[PathBuf]) -> notify::Result<Watcher> {
        let (sender, changes) = channel();
        let debouncer = new_debouncer(QUIET, Some(TICK), handler(sender))?;
        let mut watcher =
            Watcher { debouncer, root: root.to_path_buf(), themes_watched: false, files: Vec::new(), changes };
        watcher.debouncer.watch(root.join("content"), RecursiveMode::Recursive)?;
        // The root itself, to see `themes/` appear.
        watcher.debouncer.watch(root, RecursiveMode::NonRecursive)?;
        watcher.watch_themes();
        watcher.watch_files(files);
        Ok(watcher)
    }

    /// Watches `themes/` once it exists.
    pub(crate) fn watch_themes(&mut self) {
        let themes = self.root.join("themes");
        if !self.themes_watched && themes.is_dir() {
            self.themes_watched = self.debouncer.watch(&themes, RecursiveMode::Recursive).is_ok();
        }
    }

    /// Watches `content/` and `themes/` again when they were themselves removed, created or
    /// renamed (a watch ends with its folder); returns true if so: everything must be read again.
    pub(crate) fn rewatch(&mut self, paths: &[PathBuf]) -> bool {
        let content = self.root.join("content");
        let themes = self.root.join("themes");
        let mut again = false;
        if paths.contains(&content) {
            let _ = self.debouncer.unwatch(&content);
            let _ = self.debouncer.watch(&content, RecursiveMode::Recursive);
            again = true;
        }
        if paths.contains(&themes) {
            if self.themes_watched {
                let _ = self.debouncer.unwatch(&themes);
            }
            self.themes_watched = false;
            self.watch_themes();
            again = true;
        }
        again
    }

    /// Watches these files too (the communes file named by `site.yaml`), through their folder.
    pub(crate) fn watch_files(&mut self, files: &[PathBuf]) {
        for file in files {
            if self.files.contains(file) {
                continue;
            }
            if let Some(parent) = file.parent()
                && !parent.starts_with(self.root.join("content"))
                && !parent.starts_with(self.root.join("themes"))
            {
                let _ = self.debouncer.watch(parent, RecursiveMode::NonRecursive);
            }
            self.files.push(file.clone());
        }
    }

    /// True when a changed path matters for the site: under `content/` or `themes/` (hidden
    /// files excepted: editors' swap files are not content), or a watched file.
    pub(crate) fn relevant(&self, path: &Path) -> bool {
        if self.files.iter().any(|f| f == path) {
            return true;
        }
        let Ok(relative) = path.strip_prefix(&self.root) else { return false };
        let mut parts = relative.components().map(|c| c.as_os_str().to_string_lossy());
        match parts.next().as_deref() {
            Some("content") | Some("themes") => !parts.any(|part| crate::load::ignored(&part)),
            _ => false,
        }
    }
}

fn handler(sender: Sender<Changes>) -> impl FnMut(DebounceEventResult) + Send + 'static {
    move |result: DebounceEventResult| {
        let changes = match result {
            Ok(events) if events.iter().any(|e| e.need_rescan()) => Changes::All,
            // Reading a file is an event too (resin reads them all): only writes count.
            Ok(events) => Changes::Paths(
                events
                    .into_iter()
                    .filter(|e| !matches!(e.event.kind, notify::EventKind::Access(_)))
                    .flat_map(|e| e.event.paths)
                    .collect(),
            ),
            // The watcher lost track: read everything again.
            Err(_) => Changes::All,
        };
        let _ = sender.send(changes);
    }
}

/// Merges two batches of changes.
pub(crate) fn merge(a: Changes, b: Changes) -> Changes {
    match (a, b) {
        (Changes::Paths(mut a), Changes::Paths(b)) => {
            a.extend(b);
            Changes::Paths(a)
        }
        _ => Changes::All,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_keeps_every_path_and_all_wins() {
        let a = Changes::Paths(vec!["a".into()]);
        let b = Changes::Paths(vec!["b".into()]);
        match merge(a, b) {
            Changes::Paths(paths) => assert_eq!(paths, vec![PathBuf::from("a"), PathBuf::from("b")]),
            Changes::All => panic!("two path batches stay paths"),
        }
        assert!(matches!(merge(Changes::Paths(Vec::new()), Changes::All), Changes::All));
    }
}
