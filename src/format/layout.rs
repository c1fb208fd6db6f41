//! Where each top-level field of a front matter sits, line by line, and the comments that go
//! with it: `resin fmt` moves a field with the comment lines just above it and the comment at
//! the end of its first line, keeps the comment lines after the last field at the end, and
//! leaves alone a file with a comment elsewhere (inside a list, after a list item), whose place
//! in the rewritten file it could not know.

use std::ops::Range;

/// The comments of one top-level field.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Comments {
    /// Whole comment lines just above the field (blank lines between them left out).
    pub above: Vec<String>,
    /// The comment at the end of the field's first line, with the spaces before it.
    pub end_of_line: Option<String>,
}

/// The comments of a front matter, by field, in the fields' order.
#[derive(Debug, Default)]
pub(super) struct Layout {
    /// One per field, in the order of `key_starts`.
    pub fields: Vec<Comments>,
    /// Whole comment lines after the last field.
    pub after: Vec<String>,
}

/// A comment inside the value of the field of rank `field`, at byte `at` of the YAML.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Misplaced {
    /// The rank of the field.
    pub field: usize,
    /// The comment's span.
    pub span: Range<usize>,
}

/// The comments of `yaml`, whose top-level keys start at the byte offsets `key_starts` (in
/// increasing order).
pub(super) fn layout(yaml: &str, key_starts: &[usize]) -> Result<Layout, Misplaced> {
    let lines: Vec<(usize, &str)> = lines(yaml);
    let line_of = |offset: usize| lines.iter().rposition(|(start, _)| *start <= offset).unwrap_or(0);
    let key_lines: Vec<usize> = key_starts.iter().map(|&o| line_of(o)).collect();
    let mut layout = Layout::default();
    let Some(&first) = key_lines.first() else {
        layout.after = lines.iter().filter_map(|(_, l)| comment_line(l)).collect();
        return Ok(layout);
    };
    let mut above: Vec<String> = lines[..first].iter().filter_map(|(_, l)| comment_line(l)).collect();
    for (rank, &key_line) in key_lines.iter().enumerate() {
        let end = key_lines.get(rank + 1).copied().unwrap_or(lines.len());
        let region = &lines[key_line..end];
        // The comment lines at the end of a field's lines, at the start of the line, are the
        // next field's (or the end's).
        let mut tail = region.len();
        while tail > 1 && (region[tail - 1].1.trim().is_empty() || region[tail - 1].1.starts_with('#')) {
            tail -= 1;
        }
        let next_above: Vec<String> = region[tail..].iter().filter_map(|(_, l)| comment_line(l)).collect();
        let (_, key_text) = region[0];
        let block_scalar = after_colon(key_text).is_some_and(|v| v.starts_with(['|', '>']));
        let mut state = State::default();
        let mut end_of_line = None;
        for (index, (start, text)) in region[..tail].iter().enumerate() {
            if index > 0 && block_scalar {
                // The text of a `|` or `>` value: no comment there.
                if text.trim_start().starts_with('#') && !text.starts_with(' ') {
                    return Err(Misplaced { field: rank, span: *start..start + text.len() });
                }
                continue;
            }
            if let Some(at) = state.comment(text) {
                if index > 0 {
                    return Err(Misplaced { field: rank, span: start + at..start + text.len() });
                }
                let gap = text[..at].len() - text[..at].trim_end().len();
                end_of_line = Some(text[at - gap..].trim_end().to_string());
            }
        }
        layout.fields.push(Comments { above: std::mem::take(&mut above), end_of_line });
        above = next_above;
    }
    layout.after = above;
    Ok(layout)
}

/// The lines of `text` with their start offsets, without line endings.
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        out.push((start, line.trim_end_matches(['\n', '\r'])));
        start += line.len();
    }
    out
}

/// A whole comment line, without its trailing spaces; `None` for another line.
fn comment_line(line: &str) -> Option<String> {
    line.trim_start().starts_with('#').then(|| line.trim_end().to_string())
}

/// The value's text after `key:` on a key's line.
fn after_colon(line: &str) -> Option<&str> {
    let mut state = State::default();
    let colon = state.colon(line)?;
    Some(line[colon + 1..].trim_start())
}

/// Where a scan of YAML lines is: inside a quoted text or not.
#[derive(Default)]
struct State {
    quote: Option<char>,
}

impl State {
    /// The offset of the comment on `line`, if any, carrying an open quote to the next line.
    fn comment(&mut self, line: &str) -> Option<usize> {
        self.scan(line, |c, _| c == '#')
    }

    /// The offset of the first `:` that ends a key on `line`.
    fn colon(&mut self, line: &str) -> Option<usize> {
        self.scan(line, |c, next| c == ':' && next.is_none_or(char::is_whitespace))
    }

    /// The offset of the first character outside quotes for which `stop(character, next)`
    /// holds (a `#` counts only after a space or at the start of the line).
    fn scan(&mut self, line: &str, stop: impl Fn(char, Option<char>) -> bool) -> Option<usize> {
        let mut chars = line.char_indices().peekable();
        let mut last: Option<char> = None;
        let mut previous: Option<char> = None;
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|(_, n)| *n);
            match self.quote {
                Some('"') => match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => self.quote = None,
                    _ => {}
                },
                Some(_) => {
                    if c == '\'' {
                        if next == Some('\'') {
                            chars.next();
                        } else {
                            self.quote = None;
                        }
                    }
                }
                None => {
                    let comment_allowed = c != '#' || previous.is_none_or(char::is_whitespace);
                    if comment_allowed && stop(c, next) {
                        return Some(i);
                    }
                    // A quote opens a text only where a value starts.
                    if matches!(c, '"' | '\'') && last.is_none_or(|l| "-:[{,?".contains(l)) {
                        self.quote = Some(c);
                    }
                    if !c.is_whitespace() {
                        last = Some(c);
                    }
                }
            }
            previous = Some(c);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(yaml: &str) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut offset = 0;
        for line in yaml.split_inclusive('\n') {
            if line.chars().next().is_some_and(|c| c.is_alphabetic() || c == '"') {
                starts.push(offset);
            }
            offset += line.len();
        }
        starts
    }

    #[test]
    fn comments_go_with_the_field_below_them_and_the_end_stays_at_the_end() {
        let yaml = "# en tête\n\nnom: A   # le nom\nservices:\n  - a\n# au-dessus\ncommune: 'l''île # pas un commentaire'\n# fin\n";
        let layout = layout(yaml, &starts(yaml)).unwrap();
        assert_eq!(
            layout.fields[0],
            Comments { above: vec!["# en tête".into()], end_of_line: Some("   # le nom".into()) }
        );
        assert_eq!(layout.fields[1], Comments::default());
        assert_eq!(layout.fields[2].above, vec!["# au-dessus".to_string()]);
        assert_eq!(layout.fields[2].end_of_line, None);
        assert_eq!(layout.after, vec!["# fin".to_string()]);
    }

    #[test]
    fn a_comment_inside_a_value_is_misplaced() {
        let yaml = "nom: A\nservices:\n  - a  # le premier\n  - b\n";
        assert_eq!(layout(yaml, &starts(yaml)).unwrap_err().field, 1);
        let yaml = "services:\n  # un service\n  - a\nnom: A\n";
        assert_eq!(layout(yaml, &starts(yaml)).unwrap_err().field, 0);
    }

    #[test]
    fn hashes_inside_texts_are_not_comments() {
        let yaml = "a: \"x # y\"\nb: https://exemple.fr/#ancre\nc: |\n  # titre\n  texte\nd: l'a # vrai\n";
        let layout = layout(yaml, &starts(yaml)).unwrap();
        assert_eq!(layout.fields.iter().filter(|c| c.end_of_line.is_some()).count(), 1);
        assert_eq!(layout.fields[3].end_of_line.as_deref(), Some(" # vrai"));
    }
}
