//! What the preview's web editor needs from the workspace, even while the content has errors
//! (issue 22): the editor's own files, made from the site as indexed (entries with errors left
//! out); the context to check one entry as it is being edited, as `resin check` would; and the
//! problems of each entry, for the preview's page of an entry not shown.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use foldhash::HashMap;

use super::snapshot::Snapshot;
use super::workspace::Workspace;
use crate::communes::Communes;
use crate::config::{Extensions, Territory};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::{self, Asset, EntryKind, RawEntry};
use crate::source::{FileId, Sources};
use crate::validate;

/// What checking one entry needs besides its text: `site.yaml`'s territory and territorial
/// fields, the communes, the date, the places that exist and the files of `content/`.
pub(crate) struct EntryContext {
    root: PathBuf,
    territory: Option<Territory>,
    communes: Option<Communes>,
    extensions: Option<Extensions>,
    today: NaiveDate,
    /// Every place with a file, even one with errors: `resin check` knows it exists.
    places: Vec<(EntryKind, String)>,
    assets: Vec<Asset>,
}

impl EntryContext {
    /// The date the entry is checked for.
    pub(crate) fn today(&self) -> NaiveDate {
        self.today
    }

    /// The problems `resin check` finds in the entry of `kind` named `slug` if its text were
    /// `text`: those of the entry alone, and those of the places and files it names (the other
    /// checks across entries need every entry: they are left to `check`), sorted; their spans
    /// are in `text`.
    pub(crate) fn check(&self, kind: EntryKind, slug: &str, text: String) -> Vec<Diagnostic> {
        let mut sources = Sources::new(&self.root);
        let file = sources.add(format!("content/{}/{slug}.md", kind.folder()), text);
        let text = &sources.get(file).text;
        let checked = match load::parse_entry(text) {
            Ok(parsed) => {
                let ctx = validate::Context {
                    territory: self.territory.as_ref(),
                    communes: self.communes.as_ref(),
                    today: self.today,
                    extensions: self.extensions.as_ref(),
                };
                validate::validate_entry(&RawEntry::new(kind, file, slug.to_string(), parsed), text, &ctx)
            }
            Err((kind, span)) => return vec![Diagnostic::new(kind, file, span)],
        };
        // The other places are given as known by their names only.
        let places: Vec<(EntryKind, String)> = self.places.iter().filter(|(_, s)| s != slug).cloned().collect();
        let (_, mut diagnostics) = validate::cross_check(&sources, std::iter::once(&checked), &places, &self.assets);
        crate::diagnostic::sort(&mut diagnostics, &sources);
        diagnostics
    }
}

impl Workspace {
    /// The web editor's files, from the site as last indexed (with its errors), when
    /// `site.yaml` reads and the theme compiles: the editor is served whatever the entries.
    pub(crate) fn editor(&self) -> Option<Arc<Snapshot>> {
        let site = self.site.clone()?;
        let theme = self.theme.as_ref()?.as_ref().ok()?.clone();
        site.config.edition_en_ligne.as_ref()?;
        Some(Arc::new(Snapshot::editor(site, theme, self.root.join("content"))))
    }

    /// The context to check one entry, once the workspace has been updated.
    pub(crate) fn entry_context(&self) -> Option<EntryContext> {
        Some(EntryContext {
            root: self.root.clone(),
            territory: self.config.config.as_ref().map(|c| c.territoire.clone()),
            communes: self.config.communes.clone(),
            extensions: self.config.extensions.clone(),
            today: self.today?,
            places: (self.entries.values())
                .filter(|s| s.kind == EntryKind::Place)
                .map(|s| (EntryKind::Place, s.slug.clone()))
                .collect(),
            assets: self.scan.assets.clone(),
        })
    }

    /// The errors of each entry that has some, by its kind and name.
    pub(crate) fn entry_errors(&self) -> Vec<(EntryKind, String, Vec<&Diagnostic>)> {
        let mut by_file: HashMap<FileId, Vec<&Diagnostic>> = HashMap::default();
        for diagnostic in self.diagnostics.iter().filter(|d| d.severity() == Severity::Error) {
            if let Some(file) = diagnostic.file {
                by_file.entry(file).or_default().push(diagnostic);
            }
        }
        self.entries.values().filter_map(|s| Some((s.kind, s.slug.clone(), by_file.remove(&s.file)?))).collect()
    }
}
