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
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
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
