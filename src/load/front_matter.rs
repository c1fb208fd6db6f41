//! Splitting a content file into its YAML front matter and its Markdown body.

use std::ops::Range;

use crate::diagnostic::Kind;

/// The two parts of a content file, as byte ranges into its text.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Split {
    /// The opening `---` (without trailing spaces or line ending).
    pub header: Range<usize>,
    /// The YAML between the `---` lines.
    pub yaml: Range<usize>,
    /// The Markdown after the closing line.
    pub body: Range<usize>,
}

/// Splits `text` (whose first bytes may be a BOM). Errors carry the span to point at.
pub(super) fn split(text: &str) -> Result<Split, (Kind, Range<usize>)> {
    let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut lines = line_spans(text, start);
    let Some(first) = lines.next() else {
        return Err((Kind::MissingFrontMatter, start..start));
    };
    if text[first.clone()].trim_end() != "---" {
        return Err((Kind::MissingFrontMatter, first.start..first.end));
    }
    let yaml_start = next_line_start(text, first.end);
    for line in lines {
        let content = text[line.clone()].trim_end();
        if content == "---" || content == "..." {
            // A BOM belongs to the header, so that the header starts at column 1.
            let header = 0..first.start + 3;
            return Ok(Split {
                header,
                yaml: yaml_start..line.start,
                body: next_line_start(text, line.end)..text.len(),
            });
        }
    }
    Err((Kind::UnclosedFrontMatter, first.start..first.end))
}

/// Byte ranges of the lines of `text` from `start`, without their line endings.
fn line_spans(text: &str, start: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = start;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = pos..end;
        pos = end + 1;
        Some(line)
    })
}

fn next_line_start(text: &str, line_end: usize) -> usize {
    (line_end + 1).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_with_bom_and_crlf() {
        let text = "\u{feff}---\r\nnom: A\r\n---\r\nCorps\r\n";
        let split = split(text).unwrap();
        assert_eq!(&text[split.yaml], "nom: A\r\n");
        assert_eq!(&text[split.body], "Corps\r\n");
    }

    #[test]
    fn reports_missing_and_unclosed_front_matter() {
        assert_eq!(split("nom: A\n").unwrap_err().0, Kind::MissingFrontMatter);
        assert_eq!(split("---\nnom: A\n").unwrap_err().0, Kind::UnclosedFrontMatter);
        assert_eq!(split("").unwrap_err().0, Kind::MissingFrontMatter);
    }
}
