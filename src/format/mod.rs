//! `resin fmt`: content entries written in one canonical style, the one the web editor writes
//! (`themes/resin/admin/resin-format.js`), so that a change in the editor or by hand changes
//! only the lines of the fields that changed, and a review by pull request reads them.
//!
//! The style (`docs/src/reference/fmt.md`): the front matter's fields in the editor's order
//! ([`schema::file_order`]: the territory's fields before the technical ones, then the fields
//! resin does not know, in their order), each value as [`style`] writes it, the comments with
//! their field ([`layout`]), the body after the closing `---` byte for byte. Nothing is lost:
//! the rewritten front matter is read again and compared with the original, value by value; a
//! file resin cannot read is reported with `check`'s diagnostic and never rewritten; a file
//! is written (atomically) only when its bytes change.

mod layout;
mod style;

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde_yaml::{Mapping, Value};

use crate::diagnostic::{Diagnostic, Kind, StyleKind, UsageKind};
use crate::error::Error;
use crate::load::{self, EntryKind, Segment, SpanMap};
use crate::schema;
use crate::source::Sources;

pub(crate) use style::text;

/// What `resin fmt` is asked to do.
#[derive(Debug)]
pub struct Options {
    /// The site's root (the folder that holds `content/`).
    pub root: PathBuf,
    /// The entries to format; none: every entry of `content/`.
    pub files: Vec<PathBuf>,
    /// Only say which files are out of the style (`--check`): write nothing.
    pub check: bool,
}

/// What `resin fmt` found and did.
#[derive(Debug)]
pub struct Formatted {
    /// The texts of the files read, for the diagnostics.
    pub sources: Sources,
    /// Files that cannot be read or formatted, and with `--check` the lines out of the style.
    pub diagnostics: Vec<Diagnostic>,
    /// Entries read.
    pub files: usize,
    /// Entries rewritten, or with `--check` out of the style.
    pub changed: usize,
}

/// Formats the entries of `options.root` (or those named), or checks them with `check`.
pub fn format(options: &Options) -> Result<Formatted, Error> {
    let root = &options.root;
    let entries = entries(root, &options.files)?;
    let site = std::fs::read_to_string(root.join("content/site.yaml")).ok();
    let extensions = site.as_deref().and_then(crate::salvage_extensions).unwrap_or_default();
    let mut formatted = Formatted { sources: Sources::new(root), diagnostics: Vec::new(), files: 0, changed: 0 };
    for entry in entries {
        let (text, invalid) = load::read_text(&entry.path)?;
        let file = formatted.sources.add(entry.relative.clone(), text.clone());
        formatted.files += 1;
        if let Some(at) = invalid {
            formatted.diagnostics.push(Diagnostic::new(Kind::NotUtf8, file, at..at));
            continue;
        }
        let names: Vec<&str> = match entry.kind {
            EntryKind::Place => extensions.lieux.iter().map(|e| e.nom.as_str()).collect(),
            EntryKind::Offer => extensions.offres.iter().map(|e| e.nom.as_str()).collect(),
            _ => Vec::new(),
        };
        let canonical = match canonical(&text, entry.kind, &names) {
            Ok(canonical) => canonical,
            Err((kind, span)) => {
                formatted.diagnostics.push(Diagnostic::new(kind, file, span));
                continue;
            }
        };
        if canonical == text {
            continue;
        }
        formatted.changed += 1;
        if options.check {
            for (span, expected, insert) in differences(&text, &canonical) {
                let kind = Kind::Style(StyleKind::Differs { expected, insert });
                formatted.diagnostics.push(Diagnostic::new(kind, file, span));
            }
        } else {
            write(&entry.path, &canonical)?;
        }
    }
    crate::diagnostic::sort(&mut formatted.diagnostics, &formatted.sources);
    Ok(formatted)
}

/// The entries to format: those named (each must be an entry of `content/`, not a link), or
/// every entry of `content/` but links (formatted through the file they lead to).
fn entries(root: &Path, files: &[PathBuf]) -> Result<Vec<load::EntryPath>, Error> {
    if files.is_empty() {
        let scan = load::scan(root)?;
        return Ok(scan.entries.into_iter().filter(|e| !scan.linked.contains(&e.relative)).collect());
    }
    let content = root.join("content");
    let content = content.canonicalize().map_err(|_| Error::NoContent { root: root.to_path_buf() })?;
    let mut entries = Vec::new();
    for path in files {
        let not_an_entry = || Error::Usage(UsageKind::NotAnEntry { path: path.clone() });
        let linked = std::fs::symlink_metadata(path).map_err(|source| Error::Io { path: path.clone(), source })?;
        let full = path.canonicalize().map_err(|source| Error::Io { path: path.clone(), source })?;
        let Ok(relative) = full.strip_prefix(&content) else {
            return Err(not_an_entry());
        };
        let relative = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        match load::classify(&relative, &full) {
            load::Classified::Entry(mut entry) if !linked.file_type().is_symlink() => {
                entry.path = full;
                entries.push(entry);
            }
            _ => return Err(not_an_entry()),
        }
    }
    Ok(entries)
}

/// The text of an entry in the canonical style, or why it is left alone: `check`'s diagnostic
/// when resin cannot read it, a [`StyleKind`] when the style cannot keep everything it holds.
pub(crate) fn canonical(text: &str, kind: EntryKind, extensions: &[&str]) -> Result<String, (Kind, Range<usize>)> {
    let parsed = load::parse_entry(text)?;
    let yaml_span = parsed.yaml_span();
    let yaml = &text[yaml_span.clone()];
    let refused = |style: StyleKind, span: Range<usize>| {
        (Kind::Style(style), span.start + yaml_span.start..span.end + yaml_span.start)
    };
    let spans = SpanMap::build(yaml);
    let original = lifted(parsed.fields(), kind);
    let mut keys = Vec::new();
    for (key, _) in &original {
        let name = style::key(key).map_err(|refusal| match refusal {
            style::Refusal::Tag => refused(StyleKind::Tag, 0..0),
            style::Refusal::ComplexKey => refused(StyleKind::Unfaithful { field: "?".into() }, 0..0),
        })?;
        let plain = key.as_str().map_or_else(|| name.clone(), str::to_string);
        let Some(span) = spans.key(&[Segment::Key(plain.clone())]) else {
            return Err(refused(StyleKind::Unfaithful { field: plain }, 0..0));
        };
        keys.push((key, name, plain, span));
    }
    // Each field on its own line, in order (not a front matter written as one `{…}`, nor one the
    // event parser could not follow): else nothing says where its comments are.
    let line = |i: usize| yaml[..keys[i].3.start.min(yaml.len())].matches('\n').count();
    if let Some(i) = (0..keys.len()).find(|&i| i > 0 && line(i) <= line(i - 1)) {
        return Err(refused(StyleKind::Unfaithful { field: keys[i].2.clone() }, keys[i].3.clone()));
    }
    let starts: Vec<usize> = keys.iter().map(|(.., span)| span.start).collect();
    let layout = layout::layout(yaml, &starts)
        .map_err(|misplaced| refused(StyleKind::Comment { field: keys[misplaced.field].2.clone() }, misplaced.span))?;
    // The fields in the file's order: the model's, then the others in their order.
    let order = schema::file_order(kind, extensions);
    let rank = |plain: &str| order.iter().position(|name| *name == plain).unwrap_or(order.len());
    let mut ranked: Vec<usize> = (0..keys.len()).collect();
    ranked.sort_by_key(|&i| rank(&keys[i].2));
    let mut lines: Vec<String> = Vec::new();
    for i in ranked {
        let (key, name, plain, span) = &keys[i];
        let comments = &layout.fields[i];
        lines.extend(comments.above.iter().cloned());
        let records = field_type(kind, plain).map(schema::record_order).unwrap_or_default();
        let first = lines.len();
        style::entry(0, name, &original[*key], &records, &mut lines).map_err(|refusal| match refusal {
            style::Refusal::Tag => refused(StyleKind::Tag, span.clone()),
            style::Refusal::ComplexKey => refused(StyleKind::Unfaithful { field: plain.clone() }, span.clone()),
        })?;
        if let Some(comment) = &comments.end_of_line {
            lines[first].push_str(comment);
        }
    }
    lines.extend(layout.after.iter().cloned());
    let mut front = String::new();
    for line in &lines {
        front.push_str(line);
        front.push('\n');
    }
    // Nothing is lost: the new front matter reads back as the old one, value by value.
    let reread = load::parse_yaml(&front).ok().and_then(|v| match v {
        Value::Mapping(m) => Some(m),
        Value::Null => Some(Mapping::new()),
        _ => None,
    });
    if let Some(key) = reread.map_or(Some(None), |reread| differing_key(&original, &reread)) {
        let (plain, span) = key
            .and_then(|k| keys.iter().find(|(key, ..)| *key == k))
            .map_or((String::new(), 0..0), |(.., plain, span)| (plain.clone(), span.clone()));
        return Err(refused(StyleKind::Unfaithful { field: plain }, span));
    }
    // The line ending of the header, for the whole front matter.
    let newline = if text[..yaml_span.start].ends_with("\r\n") { "\r\n" } else { "\n" };
    let bom = if text.starts_with('\u{feff}') { "\u{feff}" } else { "" };
    let front = if newline == "\n" { front } else { front.replace('\n', newline) };
    Ok(format!("{bom}---{newline}{front}---{newline}{}", &text[parsed.body_start()..]))
}

/// The type of the field `name` of `kind`, when the model knows it.
fn field_type(kind: EntryKind, name: &str) -> Option<schema::Type> {
    schema::fields(kind).iter().find(|f| f.name == name).map(|f| f.kind)
}

/// The fields, a value alone where the model expects a list made a list of one item (resin
/// reads it so, and the editor writes it so).
fn lifted(fields: &Mapping, kind: EntryKind) -> Mapping {
    fields
        .iter()
        .map(|(key, value)| {
            let list = key.as_str().and_then(|k| field_type(kind, k)).is_some_and(schema::is_list);
            let alone = matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_));
            let value = if list && alone { Value::Sequence(vec![value.clone()]) } else { value.clone() };
            (key.clone(), value)
        })
        .collect()
}

/// The first key of `a` whose value `b` does not have the same (numbers compared as numbers);
/// `Some(None)` when `b` has a key `a` has not.
fn differing_key<'a>(a: &'a Mapping, b: &Mapping) -> Option<Option<&'a Value>> {
    if let Some((key, _)) = a.iter().find(|(key, value)| b.get(*key).is_none_or(|other| !same(value, other))) {
        return Some(Some(key));
    }
    (a.len() != b.len()).then_some(None)
}

/// Whether two values are the same, mappings in any order and numbers by value.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Sequence(x), Value::Sequence(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Value::Mapping(x), Value::Mapping(y)) => differing_key(x, y).is_none(),
        _ => a == b,
    }
}

/// The lines of `old` to replace, as a span of `old`, with the lines of `new` that replace
/// them (and whether they are only to be inserted, at the span's start).
fn differences(old: &str, new: &str) -> Vec<(Range<usize>, Vec<String>, bool)> {
    let diff = similar::TextDiff::from_lines(old, new);
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let line_start = |i: usize| old_lines[..i.min(old_lines.len())].iter().map(|l| l.len()).sum::<usize>();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let mut out = Vec::new();
    // Changes two lines apart or less make one: the lines of a field moved and rewritten.
    for group in diff.grouped_ops(2) {
        let changed: Vec<_> = group.iter().filter(|op| op.tag() != similar::DiffTag::Equal).collect();
        let (Some(first), Some(last)) = (changed.first(), changed.last()) else { continue };
        let old_range = first.old_range().start..last.old_range().end;
        let new_range = first.new_range().start..last.new_range().end;
        let expected: Vec<String> =
            new_lines[new_range].iter().map(|l| l.trim_end_matches(['\n', '\r']).to_string()).collect();
        let start = line_start(old_range.start);
        let span = if old_range.is_empty() {
            start..start
        } else {
            let end = line_start(old_range.end);
            start..old[..end].trim_end_matches(['\n', '\r']).len().max(start)
        };
        out.push((span, expected, old_range.is_empty()));
    }
    out
}

/// Writes `text` to `path` atomically: a temporary file beside it, with its permissions, then
/// renamed over it.
fn write(path: &Path, text: &str) -> Result<(), Error> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    let dir = path.parent().unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(path).map_err(io)?.permissions();
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(io)?;
    file.as_file().sync_all().map_err(io)?;
    std::fs::set_permissions(file.path(), permissions).map_err(io)?;
    file.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests;
