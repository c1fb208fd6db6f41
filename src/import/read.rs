//! Reading an export of the national standard: encoding, format and separator detection, then
//! one [`SourceRecord`] per place with the line it starts on.

use serde_json::Value;

use crate::diagnostic::{SourceEncoding, SourceError, SourceFormat};

/// A value as the file gives it.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    /// Text (every CSV cell, JSON strings).
    Text(String),
    /// A JSON number, as written.
    Number(String),
    /// A JSON array of scalars.
    List(Vec<String>),
}

impl Raw {
    /// The value as one line of text, for reports and comments.
    pub fn display(&self) -> String {
        match self {
            Raw::Text(t) | Raw::Number(t) => t.clone(),
            Raw::List(items) => items.join("|"),
        }
    }

    /// True when the value says nothing (empty text or list).
    pub fn is_empty(&self) -> bool {
        match self {
            Raw::Text(t) | Raw::Number(t) => t.trim().is_empty(),
            Raw::List(items) => items.iter().all(|i| i.trim().is_empty()),
        }
    }
}

/// One place of the file.
#[derive(Debug, Clone)]
pub struct SourceRecord {
    /// Line of the file where it starts (1-based; 0 when unknown).
    pub line: usize,
    /// Its position in the file (1-based).
    pub number: usize,
    /// Its fields (CSV: in the file's order; JSON: by name), empty values left out.
    pub fields: Vec<(String, Raw)>,
    /// CSV cells beyond the header's columns (a separator inside an unquoted value…).
    pub extra: Vec<String>,
}

/// What [`read`] found.
#[derive(Debug)]
pub struct SourceFile {
    /// Format and separator.
    pub format: SourceFormat,
    /// Encoding.
    pub encoding: SourceEncoding,
    /// Column names (CSV header; for JSON, every key in order of first appearance).
    pub columns: Vec<String>,
    /// The places.
    pub records: Vec<SourceRecord>,
    /// Bytes that are not text in the encoding found: how many, and the line of the first.
    pub invalid: Option<(usize, usize)>,
}

/// Decodes `bytes`: UTF-16 or UTF-8 when a byte order mark says so; UTF-8 when the bytes are
/// UTF-8, or mostly UTF-8 with a few stray bytes (replaced by `�`, and counted); else
/// Windows-1252. Returns the text, the encoding, and the number of bytes replaced with the
/// byte offset (in the text) of the first one.
pub(crate) fn decode(bytes: &[u8]) -> (String, SourceEncoding, Option<(usize, usize)>) {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let encoding = if bytes[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (text, _) = encoding.decode_without_bom_handling(&bytes[2..]);
        let invalid = replacements(&text);
        return (text.into_owned(), SourceEncoding::Utf16, invalid);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = String::from_utf8_lossy(rest).into_owned();
        let invalid = std::str::from_utf8(rest).is_err().then(|| replacements(&text)).flatten();
        return (text, SourceEncoding::Utf8Bom, invalid);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), SourceEncoding::Utf8, None),
        Err(_) => {
            // Valid multi-byte sequences say the file is UTF-8 with a few bad bytes, which
            // Windows-1252 would turn into "Ã©" everywhere else.
            let text = String::from_utf8_lossy(bytes);
            if text.chars().any(|c| c as u32 >= 0x80 && c != '\u{FFFD}') {
                let invalid = replacements(&text);
                return (text.into_owned(), SourceEncoding::Utf8, invalid);
            }
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), SourceEncoding::Windows1252, None)
        }
    }
}

/// How many `�` the text holds, and the byte offset of the first.
fn replacements(text: &str) -> Option<(usize, usize)> {
    let first = text.find('\u{FFFD}')?;
    Some((text.matches('\u{FFFD}').count(), first))
}

/// A value without control characters (but line feeds and tabs) or the invisible characters
/// `resin check` refuses (zero-width space, bidirectional embeddings and overrides, invisible
/// operators, BOM; joiners and direction marks are writing, and kept); line and paragraph
/// separators become line feeds, carriage returns are dropped.
pub(crate) fn sanitize(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\t' => Some(c),
            '\u{2028}' | '\u{2029}' | '\u{85}' => Some('\n'),
            c if c.is_control() || crate::schema::rules::is_invisible(c) => None,
            c => Some(c),
        })
        .collect()
}

/// A column name: sanitized, on one line.
fn column(text: &str) -> String {
    sanitize(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a file's bytes. `name` (the file name) decides between CSV and JSON by its extension,
/// else the first character does.
pub fn read(bytes: &[u8], name: &str) -> Result<SourceFile, SourceError> {
    let (text, encoding, invalid) = decode(bytes);
    let invalid = invalid.map(|(count, at)| (count, Lines::new(&text).line_at(at)));
    let lower = name.to_lowercase();
    let json = if lower.ends_with(".json") {
        true
    } else if lower.ends_with(".csv") || lower.ends_with(".tsv") || lower.ends_with(".txt") {
        false
    } else {
        text.trim_start().starts_with(['[', '{'])
    };
    let (format, columns, records) = if json {
        let (columns, records) = read_json(&text)?;
        (SourceFormat::Json, columns, records)
    } else {
        let separator = separator(&text);
        let (columns, records) = read_csv(&text, separator)?;
        (SourceFormat::Csv(separator), columns, records)
    };
    Ok(SourceFile { format, encoding, columns, records, invalid })
}

/// The column separator of a CSV: the most frequent of `,`, `;` and tab on the header line,
/// outside quotes (`|` separates list values in the standard, never columns).
pub(crate) fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(s, _)| *s == b) {
            c.1 += 1;
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map_or(b',', |(s, _)| *s)
}

fn read_csv(text: &str, separator: u8) -> Result<(Vec<String>, Vec<SourceRecord>), SourceError> {
    read_csv_with(text, separator, &mut Lines::new(text))
}

/// [`read_csv`], numbering the rows' lines with `lines` (a test counts its work).
fn read_csv_with(
    text: &str,
    separator: u8,
    lines: &mut Lines<'_>,
) -> Result<(Vec<String>, Vec<SourceRecord>), SourceError> {
    let mut reader = csv::ReaderBuilder::new().delimiter(separator).flexible(true).from_reader(text.as_bytes());
    let columns: Vec<String> =
        reader.headers().map_err(|e| SourceError::CsvHeader { error: e.to_string() })?.iter().map(column).collect();
    if columns.iter().all(String::is_empty) {
        return Err(SourceError::Empty);
    }
    let mut records = Vec::new();
    for row in reader.records() {
        let row =
            row.map_err(|e| SourceError::CsvRow { line: e.position().map_or(0, |p| p.line()), error: e.to_string() })?;
        let line = row.position().map_or(0, |p| lines.line_at(p.byte() as usize));
        let fields: Vec<(String, Raw)> = columns
            .iter()
            .zip(row.iter())
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(column, value)| (column.clone(), Raw::Text(sanitize(value))))
            .collect();
        let extra: Vec<String> = row.iter().skip(columns.len()).map(sanitize).collect();
        if !fields.is_empty() || extra.iter().any(|e| !e.trim().is_empty()) {
            records.push(SourceRecord { line, number: records.len() + 1, fields, extra });
        }
    }
    Ok((columns, records))
}

/// Line numbers of byte offsets of one text, asked in increasing order (the rows of a CSV):
/// each call counts line feeds from the previous offset only, so that numbering every row
/// reads the text once (issue 19: counting from the start for each row took 6 minutes for
/// 100,000 rows). An offset before the previous one counts from the start again.
struct Lines<'a> {
    bytes: &'a [u8],
    /// The offset counted up to, and the line it is on.
    at: usize,
    line: usize,
    /// Bytes read so far: the work done, for the test that numbering stays linear.
    read: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines { bytes: text.as_bytes(), at: 0, line: 1, read: 0 }
    }

    /// The 1-based line of the first character at or after `byte` that is not a line ending
    /// (the csv reader's own line count is off after blank lines and CRLF).
    fn line_at(&mut self, byte: usize) -> usize {
        let bytes = self.bytes;
        let mut target = byte.min(bytes.len());
        while target < bytes.len() && matches!(bytes[target], b'\r' | b'\n') {
            target += 1;
        }
        if target < self.at {
            (self.at, self.line) = (0, 1);
        }
        let counted = &bytes[self.at..target];
        self.line += counted.iter().filter(|b| **b == b'\n').count();
        self.read += counted.len();
        self.at = target;
        self.line
    }
}

fn read_json(text: &str) -> Result<(Vec<String>, Vec<SourceRecord>), SourceError> {
    let value: Value = serde_json::from_str(text).map_err(|e| SourceError::Json {
        line: e.line(),
        column: e.column(),
        error: e.to_string(),
    })?;
    // A bare array, or an object holding it (`{"lieux": […]}`, `{"data": […]}`): a known name,
    // else the longest array.
    let items = match &value {
        Value::Array(items) => items,
        Value::Object(map) => {
            let known =
                ["lieux", "data", "results", "items"].iter().find_map(|k| map.get(*k).and_then(Value::as_array));
            match known.or_else(|| map.values().filter_map(Value::as_array).max_by_key(|a| a.len())) {
                Some(items) => items,
                None => return Err(SourceError::NotAList),
            }
        }
        _ => return Err(SourceError::NotAList),
    };
    // The lines of the array read: the only one of its length (0 when unknown).
    let candidates: Vec<Vec<usize>> = element_lines(text).into_iter().filter(|l| l.len() == items.len()).collect();
    let lines = if candidates.len() == 1 { candidates.into_iter().next().unwrap_or_default() } else { Vec::new() };
    let mut columns: Vec<String> = Vec::new();
    let mut records = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(0);
        let Value::Object(map) = item else {
            return Err(SourceError::NotAnObject { line, number: i + 1 });
        };
        let mut fields = Vec::new();
        for (key, value) in map {
            let key = column(key);
            if !columns.contains(&key) {
                columns.push(key.clone());
            }
            let raw = match value {
                Value::Null => continue,
                Value::String(s) => Raw::Text(sanitize(s)),
                Value::Number(n) => Raw::Number(n.to_string()),
                Value::Bool(b) => Raw::Text(if *b { "oui" } else { "non" }.into()),
                Value::Array(items) => Raw::List(items.iter().map(|i| sanitize(&scalar_text(i))).collect()),
                Value::Object(_) => Raw::Text(sanitize(&value.to_string())),
            };
            if !raw.is_empty() {
                fields.push((key, raw));
            }
        }
        records.push(SourceRecord { line, number: i + 1, fields, extra: Vec::new() });
    }
    Ok((columns, records))
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// For the root array, or each array directly inside the root object, in the order of the
/// text: the line (1-based) where each of its elements starts.
fn element_lines(text: &str) -> Vec<Vec<usize>> {
    let mut arrays: Vec<Vec<usize>> = Vec::new();
    let (mut line, mut in_string, mut escaped) = (1usize, false, false);
    // Open brackets; an array is followed when it is the root or a child of the root object.
    let mut stack: Vec<char> = Vec::new();
    let mut expecting = false; // inside a followed array, before an element
    for c in text.chars() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                '\n' => line += 1,
                _ => {}
            }
            continue;
        }
        let followed = |stack: &[char]| matches!(stack, ['['] | ['{', '[']);
        if c == '\n' {
            line += 1;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if followed(&stack) && expecting && c != ']' {
            if let Some(last) = arrays.last_mut() {
                last.push(line);
            }
            expecting = false;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                stack.push(c);
                if c == '[' && followed(&stack) {
                    arrays.push(Vec::new());
                    expecting = true;
                }
            }
            ']' | '}' => {
                stack.pop();
            }
            ',' if followed(&stack) => expecting = true,
            _ => {}
        }
    }
    arrays
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_encodings() {
        assert_eq!(decode(b"nom\nCaf\xc3\xa9\n"), ("nom\nCafé\n".into(), SourceEncoding::Utf8, None));
        assert_eq!(decode(b"\xEF\xBB\xBFnom\n"), ("nom\n".into(), SourceEncoding::Utf8Bom, None));
        assert_eq!(decode(b"nom\nCaf\xe9 \x92\n"), ("nom\nCafé ’\n".into(), SourceEncoding::Windows1252, None));
        assert_eq!(decode(b"\xFF\xFEn\x00\xe9\x00"), ("né".into(), SourceEncoding::Utf16, None));
        // UTF-8 with one stray byte stays UTF-8: the bad byte is replaced and counted.
        assert_eq!(
            decode(b"M\xc3\xa9dia\nCaf\xe9\n"),
            ("Média\nCaf\u{FFFD}\n".into(), SourceEncoding::Utf8, Some((1, 10)))
        );
        assert_eq!(decode(b"\xEF\xBB\xBFCaf\xe9"), ("Caf\u{FFFD}".into(), SourceEncoding::Utf8Bom, Some((1, 3))));
    }

    #[test]
    fn removes_control_and_invisible_characters() {
        assert_eq!(sanitize("\0A\u{200B}B\u{85}C\u{2028}D\r\n\u{1b}[31mE\u{202E}"), "AB\nC\nD\n[31mE");
        assert_eq!(sanitize("👩\u{200D}💻 می\u{200C}خوانم"), "👩\u{200D}💻 می\u{200C}خوانم", "joiners are writing");
        let file = read("{\"li\\u2028eux\": [{\"n\\u0000om\": \"x\"}]}".as_bytes(), "x.json").unwrap();
        assert_eq!(file.records[0].fields[0].0, "nom");
    }

    #[test]
    fn detects_separators_outside_quotes() {
        assert_eq!(separator("id;nom;commune\n"), b';');
        assert_eq!(separator("id,nom,commune\n"), b',');
        assert_eq!(separator("id\tnom\tcommune\n"), b'\t');
        assert_eq!(separator("\"a;b;c\",nom,x\n"), b',');
    }

    #[test]
    fn reads_csv_rows_with_their_lines() {
        let file = read(b"id;nom\n1;\"Caf\n\xc3\xa9\"\n\n2;B\n", "x.csv").unwrap();
        let crlf = read(b"id;nom\r\n1;A\r\n2;B\r\n", "x.csv").unwrap();
        assert_eq!(crlf.records.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(file.format, SourceFormat::Csv(b';'));
        assert_eq!(file.records.len(), 2);
        assert_eq!(file.records[0].line, 2);
        assert_eq!(file.records[1].line, 5);
        assert_eq!(
            file.records[1].fields,
            [("id".into(), Raw::Text("2".into())), ("nom".into(), Raw::Text("B".into()))]
        );
    }

    #[test]
    fn numbers_lines_of_rows_in_one_reading() {
        // Rows on one line, on several (a quoted line break), after blank lines, with CRLF
        // and LF: each row's line is the count of line feeds before it, plus one.
        let mut text = String::from("id;nom\r\n");
        let mut expected = Vec::new();
        for i in 0..3000 {
            expected.push(text.matches('\n').count() + 1);
            match i % 4 {
                0 => text.push_str(&format!("{i};A\n")),
                1 => text.push_str(&format!("{i};\"Sur\ndeux lignes\"\r\n")),
                2 => text.push_str(&format!("{i};C\n\n\n")),
                _ => text.push_str(&format!("{i};D\r\n")),
            }
        }
        let mut lines = Lines::new(&text);
        let (_, records) = read_csv_with(&text, b';', &mut lines).unwrap();
        assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), expected);
        // The work is the file's length, not a reading from the start for each row (which
        // is 1,500 times the file here).
        assert!(lines.read <= text.len(), "{} bytes read for a file of {}", lines.read, text.len());
        // Asked out of order, an offset is still right.
        let mut lines = Lines::new("a\nb\nc\n");
        assert_eq!((lines.line_at(4), lines.line_at(2), lines.line_at(0)), (3, 2, 1));
    }

    #[test]
    fn reads_json_objects_with_their_lines() {
        let text = "[\n  {\n    \"id\": \"a\",\n    \"latitude\": 45.7,\n    \"courriels\": [\"a@b.fr\"], \"x\": null\n  },\n  {\"id\": \"b\\\"}{\"}\n]\n";
        let file = read(text.as_bytes(), "x.json").unwrap();
        assert_eq!(file.format, SourceFormat::Json);
        assert_eq!(file.records.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 7]);
        let field = |name: &str| file.records[0].fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        assert_eq!(field("latitude"), Some(Raw::Number("45.7".into())));
        assert_eq!(field("courriels"), Some(Raw::List(vec!["a@b.fr".into()])));
        assert_eq!(file.records[0].fields.len(), 3, "null values are absent");
        let wrapped = read(b"{\"lieux\": [{\"id\": \"a\"}]}", "x.json").unwrap();
        assert_eq!(wrapped.records[0].line, 1);
        let named = read(b"{\"erreurs\": [],\n \"lieux\": [\n{\"id\": \"a\"}]}", "x.json").unwrap();
        assert_eq!(named.records.len(), 1, "the array named lieux, not the first one");
        assert_eq!(named.records[0].line, 3);
        assert_eq!(read(b"{\"id\": 1}", "x.json").unwrap_err(), SourceError::NotAList);
        assert!(matches!(read(b"[{\"id\": ", "x.json").unwrap_err(), SourceError::Json { line: 1, .. }));
        assert_eq!(read(b"[1]", "x.json").unwrap_err(), SourceError::NotAnObject { line: 1, number: 1 });
        assert_eq!(read(b"\n", "x.csv").unwrap_err(), SourceError::Empty);
    }
}
