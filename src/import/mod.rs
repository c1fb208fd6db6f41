//! `resin import`: places from an export of the national standard (v1, or the older v0) into
//! `content/lieux/`.
//!
//! [`read`] decodes the file (UTF-8 with or without BOM, Windows-1252; CSV with `,`, `;` or
//! tab, or JSON); [`clean`] turns each record into a place of the content model, fixing what is
//! unambiguous and reporting the rest by row and column; [`entry`] matches places to existing
//! entries (by `id` from the same source, then SIRET and address, then name, address and
//! commune) and writes new entries or updates existing ones field by field. Places outside
//! the territory of `site.yaml` are left out. A second import of the same file changes nothing.
//!
//! What the import did is a [`Report`] of plain data (counts, rows, files), filled here and
//! worded in `crate::diagnostic` with the rest of the French text (issue 20).

pub(crate) mod clean;
pub(crate) mod commune;
pub(crate) mod entry;
mod publishable;
pub(crate) mod read;
pub(crate) mod v0;

pub use crate::diagnostic::{Problem, Report, Rule};

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use self::clean::{ImportScope, Val};
use self::entry::Existing;
use crate::communes::Communes;
use crate::config::{self, SiteConfig};
use crate::diagnostic::{Change, ImportError, ImportKind, Kind, Label, Note, Position, Row, SourceDescription};
use crate::error::Error;
use crate::source::Sources;

/// What to import and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Site root (holds `content/`).
    pub root: PathBuf,
    /// The export to read.
    pub file: PathBuf,
    /// `source` of the places whose record names none.
    pub source: Option<String>,
    /// Only report what would change.
    pub dry_run: bool,
    /// Only these communes (INSEE codes; a city's code takes its arrondissements).
    pub communes: Vec<String>,
}

/// Runs an import. Content problems are in the report; errors are what stops it (unreadable
/// file, no `site.yaml`, an existing entry that cannot be read).
pub fn import(options: &Options, today: NaiveDate) -> Result<Report, Error> {
    let bytes = std::fs::read(&options.file).map_err(|source| Error::Io { path: options.file.clone(), source })?;
    let name = options.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let file = read::read(&bytes, &name)
        .map_err(|problem| Error::Import(ImportError::Source { file: options.file.clone(), problem }))?;
    let (site, communes) = site(&options.root)?;
    let filter = commune_filter(&options.communes, communes.as_ref())?;
    let territory = ImportScope {
        emprise: Some(site.territoire.emprise),
        communes: communes.as_ref(),
        today,
        flags: &site.extensions.lieux,
    };

    let mut report = Report {
        file: name,
        described: SourceDescription { format: file.format, encoding: file.encoding, v0: false },
        territory: site.territoire.nom.clone(),
        read: file.records.len(),
        dry_run: options.dry_run,
        ..Report::default()
    };
    report.unknown_columns =
        file.columns.iter().filter(|c| clean::column_name(c).is_none() && !c.is_empty()).cloned().collect();
    if !report.unknown_columns.is_empty() {
        report.problems.insert(Problem::UnknownColumn, report.unknown_columns.len());
    }
    let territory_postcodes: HashSet<&str> =
        communes.iter().flat_map(|c| c.iter()).flat_map(|c| c.codes_postaux.iter().map(String::as_str)).collect();

    let entries = Entries::new(entry::read_existing(&options.root)?);
    let all: Vec<clean::Cleaned> = file.records.iter().map(|r| clean::clean(r, &territory)).collect();
    let spellings = commune_spellings(&entries.list, &all);
    let mut run = Run::new(options, today, report, entries, filter, spellings, territory_postcodes);
    let mut v0 = false;
    for (record, cleaned) in file.records.iter().zip(all) {
        v0 |= cleaned.rules.iter().any(|r| matches!(r, Rule::FieldRenamed | Rule::V0Value));
        run.record(record, cleaned);
    }
    let Run { mut report, writes, .. } = run;
    report.described.v0 = v0;
    report.invalid = file.invalid;
    if !options.dry_run {
        write_all(&options.root, &writes)?;
    }
    Ok(report)
}

/// Writes the entries created or updated, each atomically.
fn write_all(root: &Path, writes: &[(String, String)]) -> Result<(), Error> {
    let dir = root.join("content").join("lieux");
    if !writes.is_empty() {
        std::fs::create_dir_all(&dir).map_err(|source| Error::Io { path: dir.clone(), source })?;
    }
    for (path, text) in writes {
        write_atomically(&root.join(path), text)?;
    }
    Ok(())
}

/// An import under way: what the records taken so far have found and decided. Each record is
/// matched against the existing entries and those the earlier records created.
struct Run<'a> {
    options: &'a Options,
    today: NaiveDate,
    /// `--commune-filter`, when given.
    filter: Option<Filter>,
    /// The spelling of each commune (by slug) that the content already uses.
    spellings: HashMap<String, String>,
    /// The postcodes of the territory's communes.
    territory_postcodes: HashSet<&'a str>,
    report: Report,
    entries: Entries,
    /// Slugs in use.
    slugs: HashSet<String>,
    /// Ids seen in the file, and the row of each.
    seen_ids: HashMap<String, Position>,
    /// Keys of the places seen in the file (SIRET and address, name and address), and the row.
    seen_places: HashMap<String, Position>,
    /// Files to write: path from the root, text.
    writes: Vec<(String, String)>,
    /// Ids in use, and by which entry: a new id taken by an entry of another source is left out.
    ids: HashMap<String, String>,
}

impl<'a> Run<'a> {
    fn new(
        options: &'a Options,
        today: NaiveDate,
        report: Report,
        entries: Entries,
        filter: Option<Filter>,
        spellings: HashMap<String, String>,
        territory_postcodes: HashSet<&'a str>,
    ) -> Run<'a> {
        let slugs = entries.list.iter().map(|e| e.slug.clone()).collect();
        let ids = entries.list.iter().map(|e| (e.id(), e.path.clone())).collect();
        Run {
            options,
            today,
            filter,
            spellings,
            territory_postcodes,
            report,
            entries,
            slugs,
            seen_ids: HashMap::new(),
            seen_places: HashMap::new(),
            writes: Vec::new(),
            ids,
        }
    }

    /// Takes one record of the file: imports its place, or says why not; counts its fixes and
    /// defects.
    fn record(&mut self, record: &read::SourceRecord, mut cleaned: clean::Cleaned) {
        let label = label(record);
        let mut notes = std::mem::take(&mut cleaned.notes);
        let count_rules = self.place(record, &mut cleaned, &mut notes);
        if count_rules {
            for rule in &cleaned.rules {
                *self.report.rules.entry(*rule).or_default() += 1;
            }
        }
        for note in &notes {
            *self.report.problems.entry(note.problem).or_default() += 1;
        }
        if !notes.is_empty() {
            self.report.rows.push(Row { line: record.line, number: record.number, label, notes });
        }
    }

    /// The place of one record, through the territory, the filter and the duplicates, to an
    /// entry created or updated. Returns whether the record's fixes count (not for a place left
    /// out of the territory or by the filter).
    fn place(&mut self, record: &read::SourceRecord, cleaned: &mut clean::Cleaned, notes: &mut Vec<Note>) -> bool {
        if cleaned.outside {
            self.report.outside += 1;
            notes.clear();
            notes.extend(self.outside_note(record));
            return false;
        }
        let Some(mut place) = cleaned.place.take() else {
            self.report.refused += 1;
            return true;
        };
        if let Some(filter) = &self.filter
            && !filter.allows(&place)
        {
            self.report.filtered += 1;
            notes.clear();
            return false;
        }
        if !place.fields.contains_key("source")
            && let Some(source) = &self.options.source
        {
            place.fields.insert("source", Val::Text(source.clone()));
        }
        // One commune, one spelling (the site's pages group places by commune).
        if let Some(Val::Text(commune)) = place.fields.get("commune")
            && let Some(spelling) = self.spellings.get(&crate::communes::slug(commune))
            && spelling != commune
        {
            cleaned.rules.push(Rule::Commune);
            place.fields.insert("commune", Val::Text(spelling.clone()));
        }
        let at = Position::new(record.line, record.number);
        // The same id twice: the second row is left out.
        let id = place.text("id").map(str::to_string);
        if let Some(id) = &id {
            if let Some(first) = self.seen_ids.get(id) {
                notes.push(Note {
                    problem: Problem::Duplicate,
                    column: "id".into(),
                    message: ImportKind::SameId { id: id.clone(), first: *first },
                });
                self.report.refused += 1;
                return true;
            }
            self.seen_ids.insert(id.clone(), at);
        }
        self.note_likely_duplicate(&place, at, notes);
        let source = place.text("source").map(str::to_string);
        let found = self.entries.find(&place, source.as_deref());
        if let Some(id) = &id
            && let Some(owner) = self.ids.get(id)
            && found.is_none_or(|at| self.entries.list[at].path != *owner)
        {
            notes.push(Note {
                problem: Problem::Duplicate,
                column: "id".into(),
                message: ImportKind::IdTaken { id: id.clone(), owner: owner.to_string() },
            });
            place.fields.remove("id");
        }
        match found {
            Some(at) => self.update_entry(at, &place, notes),
            None => self.create_entry(&place, notes),
        }
        true
    }

    /// For a place outside the territory whose postcode is the territory's: the commune is
    /// likely mistyped.
    fn outside_note(&self, record: &read::SourceRecord) -> Option<Note> {
        let postcode = field(record, "code_postal").filter(|p| self.territory_postcodes.contains(p.trim()))?;
        Some(Note {
            problem: Problem::Commune,
            column: "commune".into(),
            message: ImportKind::OutsideWithPostcode {
                commune: field(record, "commune").unwrap_or_default(),
                postcode: postcode.trim().to_string(),
            },
        })
    }

    /// Notes a place that an earlier row of the file gives too (same SIRET and address, or same
    /// name and address): both are imported.
    fn note_likely_duplicate(&mut self, place: &clean::ImportedPlace, at: Position, notes: &mut Vec<Note>) {
        let (pivot_key, name_key) = keys_of(place);
        for key in pivot_key.iter().chain([&name_key]) {
            if let Some(first) = self.seen_places.get(key) {
                notes.push(Note {
                    problem: Problem::Duplicate,
                    column: String::new(),
                    message: ImportKind::LikelyDuplicate { by_pivot: Some(key) == pivot_key.as_ref(), first: *first },
                });
                break;
            }
        }
        for key in pivot_key.into_iter().chain([name_key]) {
            self.seen_places.entry(key).or_insert(at);
        }
    }

    /// Updates the existing entry `at` with the place, unless the entry was checked after the
    /// source.
    fn update_entry(&mut self, at: usize, place: &clean::ImportedPlace, notes: &mut Vec<Note>) {
        self.entries.claimed[at] = true;
        let old = &self.entries.list[at];
        let place_date = place.text("date_maj").and_then(crate::schema::rules::parse_date);
        // A date the import wrote for want of one in the source does not count.
        let fallback = old.text.lines().any(|l| l.starts_with("# date_maj: "));
        if let (Some(mine), Some(theirs)) = (old.date(), place_date)
            && mine > theirs
            && !fallback
        {
            notes.push(Note {
                problem: Problem::Newer,
                column: "date_maj".into(),
                message: ImportKind::Newer {
                    path: old.path.to_string(),
                    mine: mine.to_string(),
                    theirs: theirs.to_string(),
                },
            });
            self.report.newer += 1;
            return;
        }
        match entry::update(old, place) {
            Some((text, fields)) => match entry::written(&old.slug, old.path.clone(), text.clone()) {
                Ok(_) => {
                    self.report.changes.push(Change { path: old.path.clone(), fields: Some(fields) });
                    self.writes.push((old.path.clone(), text));
                }
                Err(error) => notes.push(unwritable(&error)),
            },
            None => self.report.unchanged += 1,
        }
    }

    /// Creates an entry for a place that matches none, under a slug still free.
    fn create_entry(&mut self, place: &clean::ImportedPlace, notes: &mut Vec<Note>) {
        let slug = entry::new_slug(&text_of(place, "nom"), &text_of(place, "commune"), &|s| {
            self.slugs.contains(s) || self.ids.contains_key(s)
        });
        let path = format!("content/lieux/{slug}.md");
        let text = entry::new_entry(&slug, place, self.today);
        match entry::written(&slug, path.clone(), text.clone()) {
            Ok(written) => {
                self.slugs.insert(slug.clone());
                self.ids.insert(written.id(), path.clone());
                self.report.changes.push(Change { path: path.clone(), fields: None });
                // Known from now on, so that a later row of the file can match it.
                let at = self.entries.push(written);
                self.entries.claimed[at] = true;
                self.writes.push((path, text));
            }
            Err(error) => {
                notes.push(unwritable(&error));
                self.report.refused += 1;
            }
        }
    }
}

fn text_of(place: &clean::ImportedPlace, name: &str) -> String {
    place.text(name).unwrap_or_default().to_string()
}

/// The raw value of a v1 field in a record, whatever the column's case or v0 name.
fn field(record: &read::SourceRecord, name: &str) -> Option<String> {
    record.fields.iter().find(|(c, _)| clean::column_name(c).is_some_and(|(n, _)| n == name)).map(|(_, r)| r.display())
}

/// How the report names a record: its name (cut when long) and id, as the file gives them.
fn label(record: &read::SourceRecord) -> Label {
    // A name of a megabyte is not printed whole (issue 19).
    let name = field(record, "nom").map(|name| publishable::excerpt(&name));
    Label { name, id: field(record, "id").map(|id| id.trim().to_string()) }
}

fn unwritable(error: &Kind) -> Note {
    Note { problem: Problem::Missing, column: String::new(), message: ImportKind::Unwritable { kind: error.clone() } }
}

/// The keys a place is recognised by: SIRET and address, name, address and commune.
fn keys_of(place: &clean::ImportedPlace) -> (Option<String>, String) {
    entry::address_key(
        place.text("pivot"),
        &text_of(place, "nom"),
        &text_of(place, "adresse"),
        &text_of(place, "commune"),
    )
}

/// The existing entries, indexed by the keys rows are matched with. An entry matches one row
/// at most.
struct Entries {
    list: Vec<Existing>,
    claimed: Vec<bool>,
    by_id: HashMap<String, Vec<usize>>,
    by_pivot: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
}

impl Entries {
    fn new(list: Vec<Existing>) -> Entries {
        let mut entries = Entries {
            list: Vec::new(),
            claimed: Vec::new(),
            by_id: HashMap::new(),
            by_pivot: HashMap::new(),
            by_name: HashMap::new(),
        };
        for existing in list {
            entries.push(existing);
        }
        entries
    }

    fn push(&mut self, existing: Existing) -> usize {
        let at = self.list.len();
        let t = |n: &str| existing.text(n).unwrap_or_default();
        let (pivot, name) =
            entry::address_key(existing.text("pivot").as_deref(), &t("nom"), &t("adresse"), &t("commune"));
        self.by_id.entry(existing.id()).or_default().push(at);
        if let Some(pivot) = pivot {
            self.by_pivot.entry(pivot).or_default().push(at);
        }
        self.by_name.entry(name).or_default().push(at);
        self.list.push(existing);
        self.claimed.push(false);
        at
    }

    /// The entry that is this place: same `id` (from the same source), else same SIRET and
    /// address (the same name first), else same name, address and commune. Among equals, the
    /// one the place would not change, so that importing twice pairs rows and entries the
    /// same way; else the first by path.
    fn find(&self, place: &clean::ImportedPlace, source: Option<&str>) -> Option<usize> {
        let free = |list: Option<&Vec<usize>>| -> Vec<usize> {
            list.map(|l| l.iter().copied().filter(|i| !self.claimed[*i]).collect()).unwrap_or_default()
        };
        let (pivot, name) = keys_of(place);
        if let Some(id) = place.text("id") {
            let same_source = |i: &usize| match (self.list[*i].text("source"), source) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            let found: Vec<usize> = free(self.by_id.get(id)).into_iter().filter(same_source).collect();
            if let Some(at) = self.pick(&found, place) {
                return Some(at);
            }
        }
        if let Some(pivot) = &pivot {
            let found = free(self.by_pivot.get(pivot));
            let named: Vec<usize> =
                found.iter().copied().filter(|i| self.by_name.get(&name).is_some_and(|l| l.contains(i))).collect();
            if let Some(at) = self.pick(&named, place).or_else(|| self.pick(&found, place)) {
                return Some(at);
            }
        }
        self.pick(&free(self.by_name.get(&name)), place)
    }

    fn pick(&self, candidates: &[usize], place: &clean::ImportedPlace) -> Option<usize> {
        if candidates.len() > 1
            && let Some(same) = candidates.iter().find(|i| entry::update(&self.list[**i], place).is_none())
        {
            return Some(*same);
        }
        candidates.iter().min_by(|a, b| self.list[**a].path.cmp(&self.list[**b].path)).copied()
    }
}

/// The spelling of each commune (by the slug of its page): the one the content already uses,
/// else the best one of the file (with lowercase letters, then accents, then the most
/// frequent, then the first).
fn commune_spellings(existing: &[Existing], cleaned: &[clean::Cleaned]) -> HashMap<String, String> {
    let slug = crate::communes::slug;
    let mut chosen: HashMap<String, String> = HashMap::new();
    for entry in existing {
        if let Some(commune) = entry.text("commune") {
            chosen.entry(slug(&commune)).or_insert(commune);
        }
    }
    let mut counts: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    for place in cleaned.iter().filter_map(|c| c.place.as_ref()) {
        let Some(commune) = place.text("commune") else { continue };
        let variants = counts.entry(slug(commune)).or_default();
        match variants.iter_mut().find(|(v, _)| v == commune) {
            Some((_, n)) => *n += 1,
            None => variants.push((commune.to_string(), 1)),
        }
    }
    for (key, variants) in counts {
        if chosen.contains_key(&key) {
            continue;
        }
        let score = |(v, n): &(String, usize)| {
            (v.chars().any(char::is_lowercase), v.chars().filter(|c| !c.is_ascii()).count(), *n)
        };
        // `max_by_key` keeps the last of equals: reversed, the first one wins.
        if let Some((best, _)) = variants.iter().rev().max_by_key(|v| score(v)) {
            chosen.insert(key, best.clone());
        }
    }
    chosen
}

/// `site.yaml` and its communes.
fn site(root: &Path) -> Result<(SiteConfig, Option<Communes>), Error> {
    let path = root.join("content").join("site.yaml");
    if !root.join("content").is_dir() {
        return Err(Error::NoContent { root: root.to_path_buf() });
    }
    let text = std::fs::read_to_string(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
    let mut sources = Sources::new(root);
    let id = sources.add("content/site.yaml".into(), text);
    let config = config::load_config(&sources, id).map_err(|_| Error::Import(ImportError::SiteInvalid))?;
    let communes = match &config.territoire.communes {
        Some(relative) => {
            Some(Communes::load(root, relative).map_err(|kind| Error::Import(ImportError::Communes(Box::new(kind))))?)
        }
        None => None,
    };
    Ok((config, communes))
}

/// `--commune-filter`: INSEE codes, checked against the territory.
struct Filter {
    codes: Vec<String>,
    /// Names of the communes of the codes: a city's arrondissements start with its name.
    names: Vec<String>,
}

impl Filter {
    fn allows(&self, place: &clean::ImportedPlace) -> bool {
        let commune = place.text("commune").unwrap_or_default();
        place.text("code_insee").is_some_and(|c| self.codes.iter().any(|f| f == c))
            || self.names.iter().any(|n| commune == n || commune.starts_with(&format!("{n} ")))
    }
}

fn commune_filter(codes: &[String], communes: Option<&Communes>) -> Result<Option<Filter>, Error> {
    if codes.is_empty() {
        return Ok(None);
    }
    let mut filter = Filter { codes: Vec::new(), names: Vec::new() };
    for code in codes.iter().flat_map(|c| c.split(',')).map(str::trim).filter(|c| !c.is_empty()) {
        if !crate::schema::rules::is_insee_code(code) {
            return Err(Error::Import(ImportError::FilterCode { code: code.to_string() }));
        }
        if let Some(communes) = communes {
            let Some(commune) = communes.by_code(code) else {
                return Err(Error::Import(ImportError::FilterOutside { code: code.to_string() }));
            };
            filter.names.push(commune.nom.clone());
        }
        filter.codes.push(code.to_string());
    }
    Ok(Some(filter))
}

/// Writes `text` to `path` through a temporary file renamed over it, with the permissions of
/// the file it replaces (0644 for a new one). A path that is a symbolic link is refused.
fn write_atomically(path: &Path, text: &str) -> Result<(), Error> {
    let dir = path.parent().expect("an entry path has a folder");
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    let permissions = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(Error::Import(ImportError::Symlink { path: path.to_path_buf() }));
        }
        Ok(meta) => Some(meta.permissions()),
        Err(_) => None,
    };
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    std::io::Write::write_all(&mut temp, text.as_bytes()).map_err(io)?;
    let permissions = permissions.unwrap_or_else(|| {
        #[cfg(unix)]
        {
            std::os::unix::fs::PermissionsExt::from_mode(0o644)
        }
        #[cfg(not(unix))]
        {
            temp.as_file().metadata().map(|m| m.permissions()).expect("a temporary file has metadata")
        }
    });
    temp.as_file().set_permissions(permissions).map_err(io)?;
    temp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
