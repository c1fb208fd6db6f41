//! resin builds Rés'IN, the directory of *médiation numérique* places of the Métropole de Lyon,
//! from content files: `content/site.yaml`, `content/lieux/*.md`, `content/offres/*.md` and
//! `content/pages/*.md`.
//!
//! Data flows one way: [`load`] → [`validate`] → [`index`] → [`render`] and [`export`] →
//! [`write`]. The CLI (`main.rs`) is a thin layer over [`check`] and [`build`].

// The stages, in the order data flows through them (ARCHITECTURE.md): a module uses only
// modules above it in this list. Those the library's users call are `pub`; the rest are the
// crate's own.
pub(crate) mod communes;
pub(crate) mod config;
pub mod diagnostic;
pub mod error;
pub(crate) mod export;
pub mod format;
pub(crate) mod hours;
pub mod import;
pub(crate) mod index;
pub(crate) mod languages;
pub(crate) mod load;
pub(crate) mod markdown;
pub(crate) mod model;
pub(crate) mod phone;
pub mod pipeline;
pub(crate) mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub(crate) mod source;
pub(crate) mod spoken_hours;
pub(crate) mod suggest;
pub(crate) mod validate;
pub(crate) mod vocab;
pub(crate) mod write;

pub use crate::config::salvage_extensions;
pub use crate::diagnostic::{Diagnostic, Format, Kind, Severity};
pub use crate::error::Error;
pub use crate::export::freshness::{CheckedPlace, Freshness};
pub use crate::load::EntryKind;
pub use crate::model::Section;
pub use crate::source::{Sources, printable};

/// What the integration tests (`tests/`) reach below the library's entry points: robustness
/// properties of the loaders, the hours parser and the importer. Not part of the API.
#[doc(hidden)]
pub mod internals {
    pub use crate::export::{places_json, standard_record};
    pub use crate::hours::{parse as parse_hours, week};
    pub use crate::import::clean::{ImportScope, clean};
    pub use crate::import::entry::new_entry;
    pub use crate::import::read::read;
    pub use crate::load::{parse_entry, parse_yaml};
    pub use crate::model::Place;
    pub use crate::suggest::fold;
    pub use crate::validate::network::is_tag;
    pub use crate::vocab::values;
}

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::index::Site;
use crate::load::Asset;

/// What `resin schema` adds to the schemas of the site at `root`: the territorial fields its
/// `site.yaml` declares and the communes of its territory, as far as they can be read (a site
/// with errors still gets schemas).
pub fn schema_site(root: &Path) -> schema::SchemaSite {
    let text = std::fs::read_to_string(root.join("content/site.yaml")).unwrap_or_default();
    let extensions = config::salvage_extensions(&text).unwrap_or_default();
    let communes = config::salvage_communes(&text)
        .and_then(|path| communes::Communes::load(root, &path).ok())
        .map(|communes| communes.iter().cloned().collect())
        .unwrap_or_default();
    schema::SchemaSite::new(extensions, communes)
}

/// The outcome of `resin check`: every diagnostic, and the indexed site when the content could
/// be read far enough.
#[derive(Debug)]
pub struct Checked {
    /// Texts of every file read, for printing diagnostics.
    pub sources: Sources,
    /// Every problem, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// The site (entries with errors left out); `None` when `site.yaml` is missing or broken.
    pub site: Option<Arc<Site>>,
    /// Files under `content/` copied as they are.
    pub assets: Vec<Asset>,
}

impl Checked {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity() == Severity::Error).count()
    }

    /// True when the content must not be published: errors, or warnings under `--strict`.
    pub fn fails(&self, strict: bool) -> bool {
        self.errors() > 0 || (strict && !self.diagnostics.is_empty())
    }
}

/// Load → validate → index → render in memory: checks the site at `root`. `base_url`
/// replaces `site.yaml`'s `url`. The site is rendered only when the content has no error, so
/// that template errors and files in the way of pages are found by `check` too; each file is
/// dropped once rendered, as `build` drops it once written.
pub fn check(root: &Path, today: NaiveDate, base_url: Option<&str>) -> Result<Checked, Error> {
    let mut workspace = pipeline::Workspace::new(root, base_url)?.without_trial();
    workspace.update(&pipeline::Changes::All, today)?;
    workspace.into_checked()
}

/// What `build` did: the check's outcome, and the number of files written (`None` when the
/// content has errors and nothing was written).
#[derive(Debug)]
pub struct Built {
    /// Diagnostics and site.
    pub checked: Checked,
    /// Files written, or `None` when the build stopped at the check.
    pub written: Option<usize>,
}

/// The whole pipeline: check, then, when the content is publishable, render and write the site
/// atomically to `output`. Content errors leave `output` untouched.
pub fn build(
    root: &Path,
    output: &Path,
    today: NaiveDate,
    base_url: Option<&str>,
    strict: bool,
) -> Result<Built, Error> {
    let mut workspace = pipeline::Workspace::new(root, base_url)?.without_trial();
    workspace.update(&pipeline::Changes::All, today)?;
    let (checked, snapshot) = workspace.into_parts()?;
    let snapshot = match snapshot {
        Some(snapshot) if checked.site.is_some() && !checked.fails(strict) => snapshot,
        _ => return Ok(Built { checked, written: None }),
    };
    // Each file is written as it is produced: the site is never whole in memory. A template
    // error stops the build before anything replaces `output`.
    let written = write::write_site_with(root, output, &checked.assets, &|dir| {
        snapshot.produce_each(&|path, bytes| write::write_file(dir, path, bytes))
    })?;
    Ok(Built { checked, written: Some(written) })
}

/// The build date, in Europe/Paris: `RESIN_DATE` (`YYYY-MM-DD`) or `SOURCE_DATE_EPOCH` when set,
/// so that a build can be reproduced; today otherwise.
pub fn today() -> Result<NaiveDate, Error> {
    if let Ok(value) = std::env::var("RESIN_DATE") {
        return NaiveDate::parse_from_str(&value, "%Y-%m-%d")
            .map_err(|_| Error::Usage(diagnostic::UsageKind::ResinDate { value }));
    }
    let now = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value
            .parse::<i64>()
            .ok()
            .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
            .ok_or_else(|| Error::Usage(diagnostic::UsageKind::SourceDateEpoch { value: value.clone() }))?,
        Err(_) => chrono::Utc::now(),
    };
    Ok(now.with_timezone(&chrono_tz::Europe::Paris).date_naive())
}

/// How long until the date of [`today`] changes (the next midnight in Europe/Paris); `None`
/// when the date is pinned by `RESIN_DATE` or `SOURCE_DATE_EPOCH`.
pub fn until_tomorrow() -> Option<std::time::Duration> {
    if std::env::var_os("RESIN_DATE").is_some() || std::env::var_os("SOURCE_DATE_EPOCH").is_some() {
        return None;
    }
    let now = chrono::Utc::now().with_timezone(&chrono_tz::Europe::Paris);
    let tomorrow = now.date_naive().succ_opt()?.and_hms_opt(0, 0, 1)?;
    let next = tomorrow.and_local_timezone(chrono_tz::Europe::Paris).earliest()?;
    (next.with_timezone(&chrono::Utc) - chrono::Utc::now()).to_std().ok()
}
