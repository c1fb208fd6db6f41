//! resin builds Rés'IN, the directory of *médiation numérique* places of the Métropole de Lyon,
//! from content files: `content/site.yaml`, `content/lieux/*.md`, `content/offres/*.md` and
//! `content/pages/*.md`.
//!
//! Data flows one way: [`load`] → [`validate`] → [`index`] → [`render`] and [`export`] →
//! [`write`]. The CLI (`main.rs`) is a thin layer over [`check`] and [`build`].

pub mod config;
pub mod diagnostic;
pub mod error;
pub mod hours;
pub mod index;
pub mod load;
pub mod markdown;
pub mod model;
pub mod source;
pub mod suggest;
pub mod vocab;

pub use diagnostic::{Diagnostic, Format, Kind, Severity};
pub use error::Error;
pub mod export;
pub mod phone;
pub mod render;
pub mod scaffold;
pub mod validate;
pub mod write;

use std::path::Path;

use chrono::NaiveDate;

use crate::index::Site;
use crate::load::Asset;
use crate::source::Sources;
use crate::write::OutputFile;

/// The outcome of `resin check`: every diagnostic, and the indexed site when the content could
/// be read far enough.
#[derive(Debug)]
pub struct Checked {
    /// Texts of every file read, for printing diagnostics.
    pub sources: Sources,
    /// Every problem, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// The site (entries with errors left out); `None` when `site.yaml` is missing or broken.
    pub site: Option<Site>,
    /// Files under `content/` copied as they are.
    pub assets: Vec<Asset>,
    /// The rendered site, when the content has no error: `check` renders it in memory, so that
    /// template errors and files in the way of pages are found before `build`.
    pub files: Vec<OutputFile>,
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
/// that template errors and files in the way of pages are found by `check` too.
pub fn check(root: &Path, today: NaiveDate, base_url: Option<&str>) -> Result<Checked, Error> {
    let mut checked = validate_site(root, today, base_url)?;
    let has_errors = checked.errors() > 0;
    if let Some(site) = checked.site.as_ref().filter(|_| !has_errors) {
        checked.files = render_files(root, site)?;
        for path in asset_conflicts(&checked.files, &checked.assets) {
            let id = checked.sources.add(path.clone(), String::new());
            checked.diagnostics.push(Diagnostic::new(Kind::AssetConflict { path }, id, 0..0));
        }
        diagnostic::sort(&mut checked.diagnostics, &checked.sources);
    }
    Ok(checked)
}

/// Load → validate → index.
fn validate_site(root: &Path, today: NaiveDate, base_url: Option<&str>) -> Result<Checked, Error> {
    if let Some(url) = base_url
        && config::site_url(url).is_err()
    {
        return Err(Error::Usage {
            message: format!("--base-url « {url} » : une adresse http(s) complète, sans « ? » ni « # », est attendue"),
        });
    }
    let load::Content { sources, config_file, entries: raw, unreadable, assets, mut diagnostics } = load::load(root)?;
    let config = match config_file {
        Some(id) => config::load_config(&sources, id).map_err(|found| diagnostics.extend(found)).ok(),
        None => {
            if !diagnostics.iter().any(|d| d.kind == Kind::NotUtf8) {
                diagnostics.push(Diagnostic::global(Kind::Config {
                    message:
                        "le fichier `content/site.yaml` est absent : créez-le (voir le README, « Format du contenu »)"
                            .into(),
                }));
            }
            None
        }
    };
    let config = config.map(|mut c| {
        if let Some(url) = base_url {
            c.url = url.to_string();
        }
        c
    });
    let communes = config.as_ref().and_then(|c| c.territoire.communes.as_deref()).and_then(|relative| {
        communes::Communes::load(root, relative)
            .map_err(|message| {
                let id = config_file.expect("a config was read");
                let span = config::value_span(&sources, id, &["territoire", "communes"]);
                diagnostics.push(Diagnostic::new(Kind::Config { message }, id, span));
            })
            .ok()
    });
    let ctx =
        validate::Context { territory: config.as_ref().map(|c| &c.territoire), communes: communes.as_ref(), today };
    let (entries, found) = validate::validate(&sources, &raw, &unreadable, &ctx);
    // The parsed YAML of every file is no longer needed: free it before rendering.
    drop(raw);
    diagnostics.extend(found);
    diagnostic::sort(&mut diagnostics, &sources);
    let site = config.map(|config| Site::new(config, entries, today));
    Ok(Checked { sources, diagnostics, site, assets, files: Vec::new() })
}

/// Render and export: every file of the site, sorted by path.
pub fn render_files(root: &Path, site: &Site) -> Result<Vec<OutputFile>, Error> {
    let theme = render::Theme::load(root)?;
    let mut files = render::render_site(site, &theme)?;
    files.extend(export::export_site(site));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    // Reserved page names and one spelling per commune make this impossible; if it ever
    // happened, one page would silently replace another.
    if let Some(pair) = files.windows(2).find(|w| w[0].path == w[1].path) {
        return Err(Error::UnsafeOutput {
            path: pair[0].path.clone().into(),
            reason: "deux pages du site s'écriraient dans ce même fichier".into(),
        });
    }
    Ok(files)
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
    let checked = check(root, today, base_url)?;
    if checked.site.is_none() || checked.fails(strict) {
        return Ok(Built { checked, written: None });
    }
    write::write_site(root, output, &checked.files, &checked.assets)?;
    let written = Some(checked.files.len());
    Ok(Built { checked, written })
}

/// Content files that would be written where a generated file or folder goes: a file with the
/// path of a generated file (`content/robots.txt`), named like a generated folder
/// (`content/lieux/a` beside `lieux/a/index.html`), or inside a generated file's path.
fn asset_conflicts(files: &[OutputFile], assets: &[Asset]) -> Vec<String> {
    let generated: std::collections::BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let folders: std::collections::BTreeSet<&str> =
        files.iter().flat_map(|f| f.path.match_indices('/').map(|(i, _)| &f.path[..i])).collect();
    assets
        .iter()
        .filter(|a| {
            generated.contains(a.relative.as_str())
                || folders.contains(a.relative.as_str())
                || a.relative.match_indices('/').any(|(i, _)| generated.contains(&a.relative[..i]))
        })
        .map(|a| format!("content/{}", a.relative))
        .collect()
}

/// The build date, in Europe/Paris: `RESIN_DATE` (`YYYY-MM-DD`) or `SOURCE_DATE_EPOCH` when set,
/// so that a build can be reproduced; today otherwise.
pub fn today() -> Result<NaiveDate, Error> {
    if let Ok(value) = std::env::var("RESIN_DATE") {
        return NaiveDate::parse_from_str(&value, "%Y-%m-%d")
            .map_err(|_| Error::Usage { message: format!("RESIN_DATE « {value} » n'est pas une date AAAA-MM-JJ") });
    }
    let now = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => {
            value.parse::<i64>().ok().and_then(|s| chrono::DateTime::from_timestamp(s, 0)).ok_or_else(|| {
                Error::Usage { message: format!("SOURCE_DATE_EPOCH « {value} » n'est pas un nombre de secondes") }
            })?
        }
        Err(_) => chrono::Utc::now(),
    };
    Ok(now.with_timezone(&chrono_tz::Europe::Paris).date_naive())
}
pub mod communes;
