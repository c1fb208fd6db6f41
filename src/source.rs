//! Every content file's text, owned in one place, so that diagnostics can point into it.
//!
//! Diagnostics carry a [`FileId`] and a byte range; line and column are computed only when a
//! diagnostic is printed (just's `Loader`, codespan's `Files`).

use std::ops::Range;
use std::path::{Path, PathBuf};

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub(crate) usize);

/// One loaded file: its path relative to the site root (with `/` separators) and its text.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the site root, e.g. `content/lieux/mediatheque-du-bachut.md`.
    pub path: String,
    /// The file's text (UTF-8; an invalid file is kept lossily decoded so a snippet can be shown).
    pub text: String,
    line_starts: Vec<usize>,
}

/// A 1-based line and column (in characters) inside a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in Unicode characters.
    pub column: usize,
}

/// The texts of every file read during a run.
#[derive(Debug, Default)]
pub struct Sources {
    root: PathBuf,
    files: Vec<SourceFile>,
    /// The id of each path: a file read again keeps its id (`resin serve`).
    ids: std::collections::HashMap<String, FileId>,
}

impl Sources {
    /// Creates an empty set of sources for the site at `root`.
    pub fn new(root: &Path) -> Self {
        Sources { root: root.to_path_buf(), files: Vec::new(), ids: Default::default() }
    }

    /// The site root the relative paths start from.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Adds a file, or replaces the text of the file with this path; returns its id.
    pub fn add(&mut self, path: String, text: String) -> FileId {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        if let Some(&id) = self.ids.get(&path) {
            self.files[id.0] = SourceFile { path, text, line_starts };
            return id;
        }
        self.ids.insert(path.clone(), FileId(self.files.len()));
        self.files.push(SourceFile { path, text, line_starts });
        FileId(self.files.len() - 1)
    }

    /// The id of the file with this path, if it was read.
    pub fn id(&self, path: &str) -> Option<FileId> {
        self.ids.get(path).copied()
    }

    /// The file behind an id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    /// Line and column of a byte offset (clamped to the text, and to a character boundary).
    pub fn line_col(&self, id: FileId, offset: usize) -> LineCol {
        let file = self.get(id);
        let offset = floor_char_boundary(&file.text, offset);
        let line = file.line_starts.partition_point(|&start| start <= offset) - 1;
        let column = file.text[file.line_starts[line]..offset].chars().count() + 1;
        LineCol { line: line + 1, column }
    }

    /// Byte range of the whole line holding `offset`, without its line ending.
    pub fn line_range(&self, id: FileId, offset: usize) -> Range<usize> {
        let file = self.get(id);
        let line = self.line_col(id, offset).line - 1;
        let start = file.line_starts[line];
        let end = file.line_starts.get(line + 1).map_or(file.text.len(), |&next| next - 1);
        let end = if file.text[start..end].ends_with('\r') { end - 1 } else { end };
        start..end
    }
}

/// The largest character boundary of `text` at or before `offset` (clamped to the text).
pub(crate) fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_from_one() {
        let mut sources = Sources::new(Path::new("."));
        let id = sources.add("a.md".into(), "ab\nété: x\n".into());
        assert_eq!(sources.line_col(id, 0), LineCol { line: 1, column: 1 });
        assert_eq!(sources.line_col(id, 3), LineCol { line: 2, column: 1 });
        // "été" is 5 bytes: the colon, at byte 8, is the 4th character.
        assert_eq!(sources.line_col(id, 8), LineCol { line: 2, column: 4 });
        assert_eq!(sources.line_range(id, 4), 3..11);
    }
}

/// Whether `c` must not reach a terminal or a CI log as it is: control characters (a line
/// break would start a new line, which GitHub Actions reads as a workflow command when it
/// starts with `::`; an escape sequence would drive the terminal), line and paragraph
/// separators, and the bidirectional controls that reorder what is shown.
fn unprintable(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

/// `text` with every character of [`unprintable`] written as an escape (`\n`, `\u{1b}`), for
/// every path and value that resin prints, in every output format.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(unprintable) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if unprintable(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Serialised JSON with every [`unprintable`] character that JSON leaves as it is (DEL, C1
/// controls, separators, bidirectional controls) written as a `\uXXXX` escape: the same data
/// for a program, nothing raw in a log.
pub(crate) fn json_escaped(json: String) -> String {
    if !json.chars().any(unprintable) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 12);
    for c in json.chars() {
        // JSON text has no raw control but line breaks between values, which stay.
        if unprintable(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A window of a file's text made safe to print under a caret: [`unprintable`] characters
/// but tabs and line ends are escaped, and `span` (in `text`) is moved with them.
pub(crate) fn printable_window(text: &str, span: Range<usize>) -> (String, Range<usize>) {
    let mut out = String::with_capacity(text.len());
    let (mut start, mut end) = (None, None);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if at >= span.start && start.is_none() {
            start = Some(out.len());
        }
        if at >= span.end && end.is_none() {
            end = Some(out.len());
        }
        let line_end = c == '\n' || (c == '\r' && chars.peek().is_some_and(|(_, next)| *next == '\n'));
        if c == '\t' || line_end || !unprintable(c) {
            out.push(c);
        } else {
            out.push_str(&printable(c.encode_utf8(&mut [0; 4])));
        }
    }
    let len = out.len();
    let start = start.unwrap_or(len);
    let end = end.unwrap_or(len).max(start);
    (out, start..end)
}

#[cfg(test)]
mod printable_tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(printable("content/lieux/a.md"), "content/lieux/a.md");
        assert_eq!(printable("x\n::warning file=a.md::pris"), "x\\n::warning file=a.md::pris");
        assert_eq!(printable("a\r\n\t\u{1b}[31mb\u{202e}c\u{85}"), "a\\r\\n\\t\\u{1b}[31mb\\u{202e}c\\u{85}");
        assert_eq!(printable("Maison française, 1er étage"), "Maison française, 1er étage");
        assert_eq!(printable("\u{200f}مرحبا\u{200e}"), "\\u{200f}مرحبا\\u{200e}");
    }

    #[test]
    fn a_window_keeps_its_caret_on_the_same_text() {
        let text = "nom: \"a\u{1b}[2Jb\"\r\nsuite\tici\n";
        let span = 6..11; // `a\u{1b}[2J`
        let (shown, moved) = printable_window(text, span);
        assert_eq!(shown, "nom: \"a\\u{1b}[2Jb\"\r\nsuite\tici\n");
        assert_eq!(&shown[moved], "a\\u{1b}[2J");
        let (_, at_end) = printable_window("abc", 3..3);
        assert_eq!(at_end, 3..3);
    }

    #[test]
    fn json_keeps_its_data_and_shows_nothing_raw() {
        let json = serde_json::to_string(&serde_json::json!({ "file": "a\u{202e}b\u{85}\u{7f}\n" })).unwrap();
        let escaped = json_escaped(json);
        assert_eq!(escaped, r#"{"file":"a\u202eb\u0085\u007f\n"}"#);
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back["file"], "a\u{202e}b\u{85}\u{7f}\n");
    }
}
