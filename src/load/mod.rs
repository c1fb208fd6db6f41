//! Load stage: walk `content/` in a fixed order, read every file, split entries into front matter
//! and body, and parse the YAML. Nothing here knows what a field means: that is `validate`.

mod front_matter;
pub(crate) mod media;
pub(crate) mod spans;

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde_yaml::{Mapping, Value};
use walkdir::WalkDir;

use crate::diagnostic::{Kind, SpecialKind};
use crate::error::Error;
use crate::model::Section;
use crate::source::FileId;
pub(crate) use spans::{Segment, SpanMap};

/// The content types that live in their own folder of `content/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryKind {
    /// `content/lieux/`: a place.
    Place,
    /// `content/offres/`: an offer.
    Offer,
    /// `content/pages/`: a free page.
    Page,
    /// A folder of the network's space (`content/actualites/`…).
    Network(Section),
}

impl EntryKind {
    /// Every kind, in the order they are validated.
    pub const ALL: [EntryKind; 8] = [
        EntryKind::Place,
        EntryKind::Offer,
        EntryKind::Page,
        EntryKind::Network(Section::News),
        EntryKind::Network(Section::CallsForProjects),
        EntryKind::Network(Section::GoodPractices),
        EntryKind::Network(Section::Exchange),
        EntryKind::Network(Section::Agenda),
    ];

    /// The folder under `content/`.
    pub fn folder(self) -> &'static str {
        match self {
            EntryKind::Place => "lieux",
            EntryKind::Offer => "offres",
            EntryKind::Page => "pages",
            EntryKind::Network(section) => section.folder(),
        }
    }
}

/// A content file split and parsed, its fields not yet checked.
#[derive(Debug)]
pub(crate) struct RawEntry {
    /// Which folder it came from.
    pub kind: EntryKind,
    /// The file name without `.md`.
    pub slug: String,
    /// Its front matter and body: `entry.fields`, `entry.file`, `entry.value_span(…)` read
    /// through it.
    pub document: Document,
}

/// An entry is read as its document: the field reader (`validate` for entries, `config` for
/// `site.yaml`) takes a [`Document`], and code that looks at an entry's fields or spans reads
/// them through the entry.
impl std::ops::Deref for RawEntry {
    type Target = Document;

    fn deref(&self) -> &Document {
        &self.document
    }
}

/// A YAML mapping of a file and where its keys and values are: an entry's front matter (then
/// followed by a Markdown body), or the whole of `site.yaml`. What the field reader reads.
#[derive(Debug)]
pub(crate) struct Document {
    /// The file.
    pub file: FileId,
    /// Byte range of the opening `---` (where a problem of the whole entry is shown); the
    /// start of the file for `site.yaml`.
    pub header: Range<usize>,
    /// Byte offset of the YAML text in the file: spans in `spans` are relative to it.
    pub yaml_start: usize,
    /// The top-level mapping.
    pub fields: Mapping,
    /// The YAML text, for [`Document::spans`].
    yaml: Box<str>,
    /// Where each key and value is: built when a position is first asked for (most entries
    /// have no problem to point at, and this is a second reading of the YAML).
    spans: std::sync::OnceLock<SpanMap>,
    /// Byte range of the Markdown body in the file (empty, at the end, for `site.yaml`).
    pub body: Range<usize>,
}

impl Document {
    /// Where each key and value of the mapping is (relative to the YAML text).
    pub(crate) fn spans(&self) -> &SpanMap {
        self.spans.get_or_init(|| SpanMap::build(&self.yaml))
    }

    /// Absolute span (in the file) of the value at `path`, else of its key, else of the
    /// whole front matter's first line.
    pub(crate) fn value_span(&self, path: &[Segment]) -> Range<usize> {
        let spans = self.spans();
        spans
            .value(path)
            .or_else(|| spans.key(path))
            .map_or(self.yaml_start..self.yaml_start, |r| r.start + self.yaml_start..r.end + self.yaml_start)
    }

    /// Absolute span of the key at `path`.
    pub(crate) fn key_span(&self, path: &[Segment]) -> Range<usize> {
        self.spans()
            .key(path)
            .map_or(self.yaml_start..self.yaml_start, |r| r.start + self.yaml_start..r.end + self.yaml_start)
    }

    /// Span to use for a missing field: the opening `---`.
    pub(crate) fn header_span(&self) -> Range<usize> {
        self.header.clone()
    }
}

/// A file under `content/` that is not an entry: copied to the output as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path relative to `content/`, with `/` separators.
    pub relative: String,
    /// Where to read it.
    pub path: PathBuf,
}

/// A content file that is an entry, found by [`scan`].
#[derive(Debug, Clone)]
pub(crate) struct EntryPath {
    /// Which folder.
    pub kind: EntryKind,
    /// Where to read it.
    pub path: PathBuf,
    /// Path relative to the site root, with `/` separators (`content/lieux/x.md`).
    pub relative: String,
    /// The file name without `.md`.
    pub slug: String,
}

/// A file of `content/` that cannot be published.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    /// Its path relative to the site root.
    pub path: String,
    /// What is wrong.
    pub kind: Kind,
    /// The file's text and where in it the problem is, when it is inside the file (an SVG
    /// image's script); else empty, and the problem is on the whole file.
    pub text: String,
    /// Byte range in `text`.
    pub span: Range<usize>,
}

impl Problem {
    /// A problem of the whole file at `path`.
    pub(crate) fn of(path: String, kind: Kind) -> Problem {
        Problem { path, kind, text: String::new(), span: 0..0 }
    }
}

/// What `content/` holds, before any file is read.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// `content/site.yaml`, when present.
    pub config: Option<PathBuf>,
    /// The entries, in path order (the order of a walk sorted by file name).
    pub entries: Vec<EntryPath>,
    /// Files copied as they are.
    pub assets: Vec<Asset>,
    /// Files that cannot be published (a name that cannot be a web address, a link leading
    /// out of `content/`, a format that is not published).
    pub problems: Vec<Problem>,
    /// Entries that are symbolic links (to another file of `content/`), relative to the root:
    /// a change to what they point to is not reported on their own path.
    pub linked: Vec<String>,
}

/// Walks the `content/` folder of the site at `root` in a fixed order and sorts its files.
pub(crate) fn scan(root: &Path) -> Result<Scan, Error> {
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        return Err(Error::NoContent { root: root.to_path_buf() });
    }
    let canonical_root =
        content_dir.canonicalize().map_err(|source| Error::Io { path: content_dir.clone(), source })?;
    let mut scan = Scan::default();

    for item in WalkDir::new(&content_dir).follow_links(false).sort_by_file_name() {
        let item = item.map_err(|e| {
            let path = e.path().unwrap_or(&content_dir).to_path_buf();
            Error::Io { path, source: e.into() }
        })?;
        let relative = relative_path(&content_dir, item.path());
        if item.depth() == 0 || relative.split('/').any(ignored) {
            continue;
        }
        if item.path_is_symlink() {
            // A symlink may point anywhere: only follow it when it stays inside content/.
            let inside = item.path().canonicalize().is_ok_and(|target| target.starts_with(&canonical_root));
            if !inside {
                let path = format!("content/{relative}");
                scan.problems.push(Problem::of(path.clone(), Kind::SymlinkOutside { path }));
                continue;
            }
            if item.path().is_dir() {
                continue;
            }
        } else if item.file_type().is_dir() {
            continue;
        }
        // A named pipe, a socket or a device (or a link to one): reading it may wait forever.
        if let Some(what) =
            (item.path_is_symlink() || !item.file_type().is_file()).then(|| special(item.path())).flatten()
        {
            let path = format!("content/{relative}");
            scan.problems.push(Problem::of(path.clone(), Kind::SpecialFile { path, what }));
            continue;
        }
        match classify(&relative, item.path()) {
            Classified::Config => scan.config = Some(item.path().to_path_buf()),
            Classified::Entry(entry) => {
                if item.path_is_symlink() {
                    scan.linked.push(entry.relative.clone());
                }
                scan.entries.push(entry)
            }
            Classified::Asset(asset) => scan.assets.push(asset),
            Classified::Problem(problem) => scan.problems.push(problem),
            Classified::Stray(asset, kind) => {
                scan.problems.push(Problem::of(format!("content/{}", asset.relative), kind));
                scan.assets.push(asset);
            }
        }
    }
    Ok(scan)
}

/// What `path` is (through a link) when it is neither a regular file nor a folder; `None` for a
/// file, a folder, or what cannot be read (its reading reports the error).
pub(crate) fn special(path: &Path) -> Option<SpecialKind> {
    let kind = std::fs::metadata(path).ok()?.file_type();
    if kind.is_file() || kind.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(SpecialKind::Pipe);
        } else if kind.is_socket() {
            return Some(SpecialKind::Socket);
        } else if kind.is_block_device() || kind.is_char_device() {
            return Some(SpecialKind::Device);
        }
    }
    Some(SpecialKind::Other)
}

/// Names left out of the site: hidden files and folders (`.git`, `.x.md.swp`) and editors'
/// leftovers (`x.md~` backups, Emacs's `#x.md#` and `.#x.md`).
pub(crate) fn ignored(name: &str) -> bool {
    name.starts_with('.') || name.starts_with('#') || name.ends_with('~')
}

/// What a file of `content/` is.
#[derive(Debug, Clone)]
pub(crate) enum Classified {
    /// `site.yaml`.
    Config,
    /// An entry.
    Entry(EntryPath),
    /// A file copied as it is.
    Asset(Asset),
    /// A file that cannot be published.
    Problem(Problem),
    /// A Markdown file outside the folders of entries: copied as it is, with a warning.
    Stray(Asset, Kind),
}

/// Sorts one file (not a folder, not a link, not hidden) of `content/`; `relative` is its path
/// under `content/` with `/` separators.
pub(crate) fn classify(relative: &str, path: &Path) -> Classified {
    if let Some(part) = relative.split('/').find(|part| unfit_name(part)) {
        // Name the faulty folder or file; the suggestion keeps a file's extension.
        let suggestion = match part.rsplit_once('.') {
            Some((stem, ext)) if part == relative.rsplit('/').next().unwrap_or_default() => {
                format!("{}.{}", portable_stem(stem), slug::slugify(ext))
            }
            _ => portable_stem(part),
        };
        let kind = Kind::InvalidSlug { name: part.to_string(), suggestion };
        return Classified::Problem(Problem::of(format!("content/{relative}"), kind));
    }
    if relative == "site.yaml" {
        return Classified::Config;
    }
    // Entries may sit in subfolders (`lieux/villeurbanne/…`): the slug is the file name.
    let kind =
        EntryKind::ALL.into_iter().find(|k| relative.strip_prefix(k.folder()).is_some_and(|r| r.starts_with('/')));
    // `.md` in any case is meant as an entry: `.MD` gets a diagnostic rather than being
    // published as a plain file.
    let name = relative.rsplit('/').next().unwrap_or(relative);
    let stem = name.len().checked_sub(3).filter(|&i| name.is_char_boundary(i) && name[i..].eq_ignore_ascii_case(".md"));
    match (kind, stem) {
        (Some(_), Some(end)) if !name.ends_with(".md") => {
            let suggestion = format!("{}.md", slug::slugify(&name[..end]));
            let kind = Kind::InvalidSlug { name: name.to_string(), suggestion };
            Classified::Problem(Problem::of(format!("content/{relative}"), kind))
        }
        (Some(kind), Some(end)) => Classified::Entry(EntryPath {
            kind,
            path: path.to_path_buf(),
            relative: format!("content/{relative}"),
            slug: name[..end].to_string(),
        }),
        (None, Some(end)) => {
            // `lieu/x.md`, `x.md`: most likely an entry put in the wrong place.
            let folder = relative.split('/').next().filter(|_| relative.contains('/')).unwrap_or("");
            let kind = crate::suggest::closest(folder, EntryKind::ALL.map(EntryKind::folder)).unwrap_or("lieux");
            let suggestion = format!("content/{kind}/{}.md", &name[..end]);
            let asset = Asset { relative: relative.to_string(), path: path.to_path_buf() };
            Classified::Stray(asset, Kind::StrayEntry { path: format!("content/{relative}"), suggestion })
        }
        _ => match media::refusal(relative, path) {
            None => Classified::Asset(Asset { relative: relative.to_string(), path: path.to_path_buf() }),
            // Refused files are not assets: they never reach the output, even in `resin serve`.
            Some((refusal, text)) => {
                let path = format!("content/{relative}");
                let span = refusal.span();
                Classified::Problem(Problem { path: path.clone(), kind: refusal.into_kind(path), text, span })
            }
        },
    }
}

/// A file or folder name that cannot be part of a web address (`\\`, `?`, `#`, a control
/// character), or that is not the same file on every system: names Windows reserves for
/// devices (`con`, `nul`, `com1`…, with any extension), a final dot or space, `:` (a stream),
/// `~` (a short name) and `<>"|*`. The web editor's local API refuses the same names.
pub(crate) fn unfit_name(name: &str) -> bool {
    name.contains(['\\', '?', '#', ':', '~', '<', '>', '"', '|', '*'])
        || name.chars().any(char::is_control)
        || name.ends_with(['.', ' '])
        || windows_device(name.split('.').next().unwrap_or(name))
}

/// A name Windows gives a device, whatever follows its first dot: `con`, `prn`, `aux`, `nul`,
/// `com0`–`com9`, `lpt0`–`lpt9` (and their superscript digits), in any case.
fn windows_device(stem: &str) -> bool {
    let stem = stem.trim_end_matches(' ').to_ascii_lowercase();
    let numbered = |prefix: &str| {
        stem.strip_prefix(prefix).is_some_and(|n| {
            let mut chars = n.chars();
            matches!((chars.next(), chars.next()), (Some('0'..='9' | '¹' | '²' | '³'), None))
        })
    };
    ["con", "prn", "aux", "nul"].contains(&stem.as_str()) || numbered("com") || numbered("lpt")
}

/// A slug for `stem` that is not a device name either (`con` → `con-1`).
fn portable_stem(stem: &str) -> String {
    let slug = file_slug(stem);
    if slug.is_empty() { "nouveau-nom".into() } else { slug }
}

/// The longest slug of a file name, in bytes: with `.md`, far below the 255 bytes most file
/// systems allow, and an address that can still be read out or typed.
pub(crate) const MAX_SLUG: usize = 80;

/// A file name (without extension) made from `text`: lowercase ASCII letters, digits and
/// single hyphens, cut at a word under [`MAX_SLUG`] bytes, never a Windows device name; empty
/// when `text` has no letter or digit. `resin new` and `resin import` name files with it.
pub(crate) fn file_slug(text: &str) -> String {
    let mut slug = slug::slugify(text);
    if slug.len() > MAX_SLUG {
        let end = slug[..MAX_SLUG].rfind('-').unwrap_or(MAX_SLUG);
        slug.truncate(end);
    }
    if windows_device(&slug) { format!("{slug}-1") } else { slug }
}

/// An entry's text split and parsed.
#[derive(Debug)]
pub struct Parsed {
    header: Range<usize>,
    yaml_start: usize,
    fields: Mapping,
    yaml: Box<str>,
    body: Range<usize>,
}

impl Parsed {
    /// The front matter's fields, in the order of the file.
    pub(crate) fn fields(&self) -> &Mapping {
        &self.fields
    }

    /// Where the front matter's YAML is in the file's text.
    pub(crate) fn yaml_span(&self) -> Range<usize> {
        self.yaml_start..self.yaml_start + self.yaml.len()
    }

    /// Where the body starts in the file's text.
    pub(crate) fn body_start(&self) -> usize {
        self.body.start
    }
}

impl RawEntry {
    /// The entry of `file`, from its parsed text.
    pub(crate) fn new(kind: EntryKind, file: FileId, slug: String, parsed: Parsed) -> RawEntry {
        RawEntry { kind, slug, document: Document::new(file, parsed) }
    }
}

impl Document {
    /// The document of `file`, from its parsed text.
    pub(crate) fn new(file: FileId, parsed: Parsed) -> Document {
        let Parsed { header, yaml_start, fields, yaml, body } = parsed;
        Document { file, header, yaml_start, fields, yaml, spans: std::sync::OnceLock::new(), body }
    }
}

/// Parses a file that is YAML from start to end (`site.yaml`), after any byte-order mark: a
/// document without front matter delimiters or body. A duplicate key is named and pointed at.
pub(crate) fn parse_document(text: &str) -> Result<Parsed, (Kind, Range<usize>)> {
    let yaml = text.strip_prefix('\u{feff}').unwrap_or(text);
    let start = text.len() - yaml.len();
    let fields = parse_mapping(yaml, start)?;
    Ok(Parsed { header: start..start, yaml_start: start, fields, yaml: yaml.into(), body: text.len()..text.len() })
}

/// The top-level mapping of `yaml`, which starts at byte `start` of its file.
fn parse_mapping(yaml: &str, start: usize) -> Result<Mapping, (Kind, Range<usize>)> {
    match parse_yaml(yaml) {
        Ok(Value::Mapping(m)) => Ok(m),
        Ok(Value::Null) => Ok(Mapping::new()),
        Ok(_) => Err((Kind::NotAMapping, start..start)),
        Err((kind, offset)) => {
            // serde_yaml stops at the mapping holding a duplicate key: name the key and point
            // at its second occurrence.
            if let Some((field, span)) = SpanMap::build(yaml).duplicate() {
                return Err((Kind::DuplicateField { field: field.to_string() }, span.start + start..span.end + start));
            }
            let at = start + offset;
            Err((kind, at..at))
        }
    }
}

/// The absolute span of the value at `path` (else its key) in an entry's `text`, found by
/// reading its front matter again: for the checks across entries, which point at a value
/// only when they report it.
pub(crate) fn span_at(text: &str, path: &[Segment]) -> Option<Range<usize>> {
    let split = front_matter::split(text).ok()?;
    let spans = SpanMap::build(&text[split.yaml.clone()]);
    let span = spans.value(path).or_else(|| spans.key(path))?;
    Some(span.start + split.yaml.start..span.end + split.yaml.start)
}

/// Splits and parses one entry's text.
pub fn parse_entry(text: &str) -> Result<Parsed, (Kind, Range<usize>)> {
    let split = front_matter::split(text)?;
    let yaml = &text[split.yaml.clone()];
    let fields = parse_mapping(yaml, split.yaml.start)?;
    Ok(Parsed {
        header: split.header.clone(),
        yaml_start: split.yaml.start,
        fields,
        yaml: yaml.into(),
        body: split.body,
    })
}

/// Parses YAML with `serde_yaml`; an error gives its French kind and the byte offset in `yaml`.
pub fn parse_yaml(yaml: &str) -> Result<Value, (Kind, usize)> {
    serde_yaml::from_str::<Value>(yaml).map_err(|e| {
        let offset = e.location().map_or(0, |l| l.index());
        (
            Kind::YamlSyntax { problem: crate::diagnostic::YamlProblem::from_message(&e.to_string()) },
            offset.min(yaml.len()),
        )
    })
}

/// Reads a file; when it is not UTF-8, returns it lossily decoded and the offset of the first
/// invalid byte.
pub(crate) fn read_text(path: &Path) -> Result<(String, Option<usize>), Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
        }
    })
}

fn relative_path(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_not_the_same_file_everywhere_are_unfit() {
        for name in [
            "con.md",
            "CON.md",
            "nul",
            "aux.tar.gz",
            "com1.pdf",
            "LPT9.png",
            "com¹.md",
            "a:b.md",
            "a~1.md",
            "fin.",
            "fin ",
            "a*b.png",
            "a|b.png",
            "a\"b.png",
            "a<b.png",
            "a?b.md",
            "a#b.md",
            "a\\b.md",
            "a\nb.md",
        ] {
            assert!(unfit_name(name), "{name}");
        }
        for name in ["console.md", "conte.md", "com10.md", "auxiliaire.pdf", "nulle-part.md", "lpt.md", "a.b.md"] {
            assert!(!unfit_name(name), "{name}");
        }
    }

    #[test]
    fn a_device_name_gets_a_portable_suggestion() {
        let Classified::Problem(Problem { kind: Kind::InvalidSlug { suggestion, .. }, .. }) =
            classify("lieux/con.md", Path::new("content/lieux/con.md"))
        else {
            panic!("con.md passed")
        };
        assert_eq!(suggestion, "con-1.md");
        let Classified::Problem(Problem { kind: Kind::InvalidSlug { name, suggestion }, .. }) =
            classify("medias/aux/plan.png", Path::new("content/medias/aux/plan.png"))
        else {
            panic!("aux/ passed")
        };
        assert_eq!((name.as_str(), suggestion.as_str()), ("aux", "aux-1"));
    }
}
