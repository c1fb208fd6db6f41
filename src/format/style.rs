//! The canonical style of a front matter's values, as `resin fmt` writes them and the web
//! editor's `resin-format.js` does (the same rules, written twice: a test compares them).
//!
//! - A text is written plain when every YAML reader reads it back as the same text, in double
//!   quotes otherwise: a postcode `"69008"`, a time `"10:00"`, `"oui"`-like words, a text that
//!   starts with a sign YAML gives a meaning to (`-`, `[`, `*`, `#`, a quote…), or holds `: ` or
//!   ` #`. A line break, a tab or an invisible character is written as an escape (`\n`, `\t`,
//!   `\u00A0`…), and so the text in quotes.
//! - A number as JavaScript writes it (`45.7525`, `3`), `true` and `false`, nothing for an empty
//!   value (`commentaire:`).
//! - A list one item per line (`  - valeur`), so that adding an item changes one line; a list
//!   of records (`seances`, `fermetures`) one key per line, the keys in the model's order.

use serde_yaml::Value;

/// Why a value cannot be written in the canonical style.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Refusal {
    /// A tagged value (`!lieu …`).
    Tag,
    /// A key that is a list or a mapping.
    ComplexKey,
}

/// Appends the lines of `key: value` at `indent` spaces to `out`; the keys of a list of records
/// follow `records` (the others after, in their order).
pub(super) fn entry(
    indent: usize,
    key: &str,
    value: &Value,
    records: &[&str],
    out: &mut Vec<String>,
) -> Result<(), Refusal> {
    let pad = " ".repeat(indent);
    match value {
        Value::Sequence(items) if !items.is_empty() => {
            out.push(format!("{pad}{key}:"));
            for item in items {
                list_item(indent + 2, item, records, out)?;
            }
        }
        Value::Mapping(map) if !map.is_empty() => {
            out.push(format!("{pad}{key}:"));
            mapping(indent + 2, map, &[], out)?;
        }
        Value::Null => out.push(format!("{pad}{key}:")),
        Value::Tagged(_) => return Err(Refusal::Tag),
        other => out.push(format!("{pad}{key}: {}", inline(other))),
    }
    Ok(())
}

/// The text of a mapping key.
pub(super) fn key(key: &Value) -> Result<String, Refusal> {
    match key {
        Value::Sequence(_) | Value::Mapping(_) => Err(Refusal::ComplexKey),
        Value::Tagged(_) => Err(Refusal::Tag),
        Value::Null => Ok("null".into()),
        other => Ok(inline(other)),
    }
}

/// The entries of `map` at `indent`, the keys named in `order` first, in that order.
fn mapping(indent: usize, map: &serde_yaml::Mapping, order: &[&str], out: &mut Vec<String>) -> Result<(), Refusal> {
    let rank = |k: &Value| k.as_str().and_then(|k| order.iter().position(|o| *o == k)).unwrap_or(order.len());
    let mut entries: Vec<(&Value, &Value)> = map.iter().collect();
    // Stable: the keys the model does not know keep their order.
    entries.sort_by_key(|(k, _)| rank(k));
    for (k, v) in entries {
        entry(indent, &key(k)?, v, &[], out)?;
    }
    Ok(())
}

/// One item of a list whose dash is at `indent`.
fn list_item(indent: usize, item: &Value, records: &[&str], out: &mut Vec<String>) -> Result<(), Refusal> {
    let pad = " ".repeat(indent);
    let mut lines = Vec::new();
    match item {
        Value::Mapping(map) if !map.is_empty() => mapping(indent + 2, map, records, &mut lines)?,
        Value::Sequence(items) if !items.is_empty() => {
            for inner in items {
                list_item(indent + 2, inner, &[], &mut lines)?;
            }
        }
        Value::Tagged(_) => return Err(Refusal::Tag),
        Value::Null => lines.push(format!("{pad}  null")),
        other => lines.push(format!("{pad}  {}", inline(other))),
    }
    // The first line of the item goes on the dash's line.
    if let Some(first) = lines.first_mut() {
        *first = format!("{pad}- {}", &first[indent + 2..]);
    }
    out.extend(lines);
    Ok(())
}

/// A value written on its key's line: a scalar, or an empty list or mapping.
fn inline(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), ..) => i.to_string(),
            (None, Some(u), _) => u.to_string(),
            (None, None, Some(f)) => number(f),
            _ => n.to_string(),
        },
        Value::String(s) => text(s),
        Value::Sequence(_) => "[]".into(),
        Value::Mapping(_) => "{}".into(),
        Value::Tagged(t) => inline(&t.value),
    }
}

/// A number as JavaScript's `String(n)` writes it: the shortest digits that read back the
/// same, an exponent only below 10⁻⁶ or from 10²¹.
pub(super) fn number(f: f64) -> String {
    if f.is_nan() {
        return ".nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { ".inf".into() } else { "-.inf".into() };
    }
    let magnitude = f.abs();
    if magnitude != 0.0 && !(1e-6..1e21).contains(&magnitude) {
        let exp = format!("{f:e}");
        return match exp.split_once('e') {
            Some((digits, power)) if !power.starts_with('-') => format!("{digits}e+{power}"),
            _ => exp,
        };
    }
    if f == f.trunc() { format!("{f:.0}") } else { format!("{f}") }
}

/// A text, plain or double-quoted (see the module's documentation).
pub(crate) fn text(s: &str) -> String {
    if plain(s) { s.to_string() } else { quoted(s) }
}

/// Whether `s` reads back as the same text when written without quotes (conservative: YAML
/// 1.1 readers too, and both of the parsers resin uses).
fn plain(s: &str) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().last()) else {
        return false;
    };
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace() || last.is_whitespace() || last == ':' {
        return false;
    }
    if s.chars().any(escaped) || s.contains(": ") || s.contains(" #") || s.starts_with("...") {
        return false;
    }
    let lower = s.to_lowercase();
    if ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "="].contains(&lower.as_str()) {
        return false;
    }
    !looks_like_a_number(&lower) || is_date(s)
}

/// Numbers in any YAML's reading: `69008`, `-1.5e3`, `1_000`, `0x1F`, `.inf`, `10:00`
/// (sexagesimal in YAML 1.1)…
fn looks_like_a_number(lower: &str) -> bool {
    let unsigned = lower.strip_prefix(['-', '+']).unwrap_or(lower);
    if [".inf", ".nan"].contains(&unsigned) {
        return true;
    }
    if let Some(rest) = unsigned.strip_prefix("0x").or(unsigned.strip_prefix("0o")).or(unsigned.strip_prefix("0b")) {
        return !rest.is_empty() && rest.chars().all(|c| c.is_ascii_hexdigit() || c == '_');
    }
    unsigned.chars().any(|c| c.is_ascii_digit()) && unsigned.chars().all(|c| c.is_ascii_digit() || "_.:e+-".contains(c))
}

/// `AAAA-MM-JJ`, a text for every reader resin uses, written plain as people write dates.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Characters written as an escape in double quotes: controls, invisible separators, the
/// byte-order mark.
fn escaped(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// A YAML double-quoted text.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if escaped(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(yaml: &str, records: &[&str]) -> String {
        let value: serde_yaml::Mapping = serde_yaml::from_str(yaml).unwrap();
        let mut out = Vec::new();
        for (k, v) in &value {
            entry(0, &key(k).unwrap(), v, records, &mut out).unwrap();
        }
        out.join("\n")
    }

    /// The cases `resin-format.js` is tested on too (`tests/format/editeur.test.mjs`).
    #[test]
    fn texts_are_plain_when_they_read_back_the_same() {
        let cases: Vec<(String, String)> =
            serde_json::from_str(include_str!("../../tests/fixtures/format/textes.json")).unwrap();
        assert!(cases.len() > 20);
        for (s, expected) in cases {
            assert_eq!(text(&s), expected, "{s:?}");
            let back: String = serde_yaml::from_str(&text(&s)).unwrap();
            assert_eq!(back, s);
        }
    }

    #[test]
    fn numbers_as_javascript_writes_them() {
        assert_eq!(number(45.7525), "45.7525");
        assert_eq!(number(4.0), "4");
        assert_eq!(number(-0.5), "-0.5");
        assert_eq!(number(1e-7), "1e-7");
        assert_eq!(number(1e21), "1e+21");
        assert_eq!(number(123456789.125), "123456789.125");
    }

    #[test]
    fn lists_are_one_item_a_line_and_records_follow_the_model() {
        assert_eq!(lines("typologie: [BIB, CS]\nvide: []\n", &[]), "typologie:\n  - BIB\n  - CS\nvide: []");
        assert_eq!(
            lines(
                "seances:\n  - { fin: \"12:00\", date: 2027-02-24, debut: \"10:00\", note: x }\n",
                &["date", "debut", "fin"]
            ),
            "seances:\n  - date: 2027-02-24\n    debut: \"10:00\"\n    fin: \"12:00\"\n    note: x"
        );
        assert_eq!(
            lines("a: { b: [1, [2, 3]], c: ~ }\nd: true\ne:\n", &[]),
            "a:\n  b:\n    - 1\n    - - 2\n      - 3\n  c:\nd: true\ne:"
        );
        assert_eq!(lines("x: [~, {}, []]", &[]), "x:\n  - null\n  - {}\n  - []");
    }

    #[test]
    fn tags_are_refused() {
        let value: serde_yaml::Mapping = serde_yaml::from_str("a: !lieu b").unwrap();
        let (k, v) = value.iter().next().unwrap();
        assert_eq!(entry(0, &key(k).unwrap(), v, &[], &mut Vec::new()), Err(Refusal::Tag));
    }
}
