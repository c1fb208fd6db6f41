//! Reading an export of the national standard: encoding, format and separator detection, then
//! one [`SourceRecord`] per place with the line it starts on.

use serde_json::Value;

/// The file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CSV with this column separator.
    Csv(u8),
    /// A JSON array of objects.
    Json,
}

impl Format {
    /// French description for the report.
    pub fn describe(self) -> String {
        match self {
            Format::Csv(b'\t') => "CSV séparé par des tabulations".into(),
            Format::Csv(sep) => format!("CSV séparé par « {} »", sep as char),
            Format::Json => "JSON".into(),
        }
    }
}

/// The text encoding the file was read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 starting with a byte order mark (as spreadsheets write it).
    Utf8Bom,
    /// Windows-1252, the "ANSI" of French spreadsheets.
    Windows1252,
}

impl Encoding {
    /// French description for the report.
    pub fn describe(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 avec BOM",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

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
    /// Line of the file where it starts (1-based).
    pub line: usize,
    /// Its fields (CSV: in the file's order; JSON: by name), empty values left out.
    pub fields: Vec<(String, Raw)>,
}

/// What [`read`] found.
#[derive(Debug)]
pub struct SourceFile {
    /// Format and separator.
    pub format: Format,
    /// Encoding.
    pub encoding: Encoding,
    /// Column names (CSV header; for JSON, every key in order of first appearance).
    pub columns: Vec<String>,
    /// The places.
    pub records: Vec<SourceRecord>,
}

/// Decodes `bytes`: UTF-8 (with or without BOM), else Windows-1252.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8Bom);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), Encoding::Windows1252)
        }
    }
}

/// Reads a file's bytes. `name` (the file name) decides between CSV and JSON by its extension,
/// else the first character does. Errors are French sentences.
pub fn read(bytes: &[u8], name: &str) -> Result<SourceFile, String> {
    let (text, encoding) = decode(bytes);
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
        (Format::Json, columns, records)
    } else {
        let separator = separator(&text);
        let (columns, records) = read_csv(&text, separator)?;
        (Format::Csv(separator), columns, records)
    };
    Ok(SourceFile { format, encoding, columns, records })
}

/// The column separator of a CSV: the most frequent of `,`, `;` and tab on the header line,
/// outside quotes (`|` separates list values in the standard, never columns).
pub fn separator(text: &str) -> u8 {
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

fn read_csv(text: &str, separator: u8) -> Result<(Vec<String>, Vec<SourceRecord>), String> {
    let mut reader = csv::ReaderBuilder::new().delimiter(separator).flexible(true).from_reader(text.as_bytes());
    let columns: Vec<String> = reader
        .headers()
        .map_err(|e| format!("en-tête CSV illisible : {e}"))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
        .collect();
    if columns.iter().all(String::is_empty) {
        return Err("le fichier est vide : la première ligne doit nommer les colonnes (id, nom, commune…)".into());
    }
    let mut records = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            format!("ligne {line} : CSV illisible ({e})")
        })?;
        let line = row.position().map_or(0, |p| line_at(text, p.byte() as usize));
        let fields: Vec<(String, Raw)> = columns
            .iter()
            .zip(row.iter())
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(column, value)| (column.clone(), Raw::Text(value.to_string())))
            .collect();
        if !fields.is_empty() {
            records.push(SourceRecord { line, fields });
        }
    }
    Ok((columns, records))
}

/// The 1-based line of the first character at or after `byte` that is not a line ending
/// (the csv reader's own line count is off after blank lines and CRLF).
fn line_at(text: &str, byte: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = byte.min(bytes.len());
    while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
        at += 1;
    }
    bytes[..at].iter().filter(|b| **b == b'\n').count() + 1
}

fn read_json(text: &str) -> Result<(Vec<String>, Vec<SourceRecord>), String> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| format!("JSON illisible, ligne {} colonne {} : {e}", e.line(), e.column()))?;
    // A bare array, or an object holding it (`{"lieux": […]}`, `{"data": […]}`).
    let items = match &value {
        Value::Array(items) => items,
        Value::Object(map) => match map.values().find_map(Value::as_array) {
            Some(items) => items,
            None => return Err("le JSON doit être une liste de lieux : `[{\"id\": …, \"nom\": …}, …]`".into()),
        },
        _ => return Err("le JSON doit être une liste de lieux : `[{\"id\": …, \"nom\": …}, …]`".into()),
    };
    let lines = element_lines(text);
    let mut columns: Vec<String> = Vec::new();
    let mut records = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(0);
        let Value::Object(map) = item else {
            return Err(format!("ligne {line} : le lieu n° {} n'est pas un objet `{{…}}`", i + 1));
        };
        let mut fields = Vec::new();
        for (key, value) in map {
            if !columns.contains(key) {
                columns.push(key.clone());
            }
            let raw = match value {
                Value::Null => continue,
                Value::String(s) => Raw::Text(s.clone()),
                Value::Number(n) => Raw::Number(n.to_string()),
                Value::Bool(b) => Raw::Text(if *b { "oui" } else { "non" }.into()),
                Value::Array(items) => Raw::List(items.iter().map(scalar_text).collect()),
                Value::Object(_) => Raw::Text(value.to_string()),
            };
            if !raw.is_empty() {
                fields.push((key.clone(), raw));
            }
        }
        records.push(SourceRecord { line, fields });
    }
    Ok((columns, records))
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Line (1-based) where each element of the outermost JSON array starts.
fn element_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let (mut line, mut depth, mut in_string, mut escaped) = (1usize, 0usize, false, false);
    // The array of places: the outermost one, or the first one inside an outer object.
    let mut array_depth = None;
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
        match c {
            '\n' => line += 1,
            '"' => in_string = true,
            '[' | '{' => {
                if Some(depth) == array_depth {
                    lines.push(line);
                }
                if c == '[' && array_depth.is_none() {
                    array_depth = Some(depth + 1);
                }
                depth += 1;
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {
                if Some(depth) == array_depth && !c.is_whitespace() && c != ',' {
                    // A scalar element: counted so that positions stay aligned.
                    if lines.last() != Some(&line) || lines.is_empty() {
                        lines.push(line);
                    }
                }
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_encodings() {
        assert_eq!(decode(b"nom\nCaf\xc3\xa9\n"), ("nom\nCafé\n".into(), Encoding::Utf8));
        assert_eq!(decode(b"\xEF\xBB\xBFnom\n"), ("nom\n".into(), Encoding::Utf8Bom));
        assert_eq!(decode(b"nom\nCaf\xe9 \x92\n"), ("nom\nCafé ’\n".into(), Encoding::Windows1252));
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
        assert_eq!(file.format, Format::Csv(b';'));
        assert_eq!(file.records.len(), 2);
        assert_eq!(file.records[0].line, 2);
        assert_eq!(file.records[1].line, 5);
        assert_eq!(
            file.records[1].fields,
            [("id".into(), Raw::Text("2".into())), ("nom".into(), Raw::Text("B".into()))]
        );
    }

    #[test]
    fn reads_json_objects_with_their_lines() {
        let text = "[\n  {\n    \"id\": \"a\",\n    \"latitude\": 45.7,\n    \"courriels\": [\"a@b.fr\"], \"x\": null\n  },\n  {\"id\": \"b\\\"}{\"}\n]\n";
        let file = read(text.as_bytes(), "x.json").unwrap();
        assert_eq!(file.format, Format::Json);
        assert_eq!(file.records.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 7]);
        let field = |name: &str| file.records[0].fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        assert_eq!(field("latitude"), Some(Raw::Number("45.7".into())));
        assert_eq!(field("courriels"), Some(Raw::List(vec!["a@b.fr".into()])));
        assert_eq!(file.records[0].fields.len(), 3, "null values are absent");
        let wrapped = read(b"{\"lieux\": [{\"id\": \"a\"}]}", "x.json").unwrap();
        assert_eq!(wrapped.records[0].line, 1);
        assert!(read(b"{\"id\": 1}", "x.json").unwrap_err().contains("liste de lieux"));
        assert!(read(b"[{\"id\": ", "x.json").unwrap_err().contains("JSON illisible"));
    }
}
