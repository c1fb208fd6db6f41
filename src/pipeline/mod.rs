//! The pipeline with memory: load → validate → index → render, keeping each stage's results,
//! so that after an edit only what the edit touches is done again.
//!
//! [`Workspace`] (`workspace.rs`) holds every stage's results and runs an update as named
//! steps; `changes.rs` sorts the paths the watcher reports into what they touch;
//! [`Snapshot`] (`snapshot.rs`) is one published state of the site, producing its files on
//! demand.
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

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::render::deps::hasher;

mod changes;
mod editor;
mod snapshot;
mod workspace;

pub(crate) use self::editor::EntryContext;
pub use self::snapshot::{Each, Produced, Served, Snapshot};
pub use self::workspace::Workspace;

/// What changed since the last update.
#[derive(Debug, Clone)]
pub enum Changes {
    /// Anything: read everything again.
    All,
    /// These paths (files or folders, created, modified or deleted).
    Paths(Vec<PathBuf>),
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

/// The message of a template error (without the "erreur de gabarit" its display adds).
fn message(error: Error) -> String {
    match error {
        Error::Template { message } => message,
        other => other.to_string(),
    }
}

/// A path's components: sorting by them is the order of a walk sorted by file name.
fn components(relative: &Path) -> Vec<String> {
    relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect()
}

/// A hash of an entry's path and text: what the pages showing it depend on.
fn version_of(path: &str, text: &str) -> u64 {
    let mut h = hasher();
    (path, text).hash(&mut h);
    h.finish()
}
