//! Where each field and value sits in the YAML text.
//!
//! `serde_yaml` parses the front matter (it is the parser of record: its values and its syntax
//! errors are what resin uses) but keeps no positions for valid values. A second pass over the
//! marked events of `yaml-rust2` records the byte offset of every key and value by its path, so
//! that a wrong value three levels down still gets its own line and column.

use std::collections::HashMap;
use std::ops::Range;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// One step of a path into the front matter: a mapping key or a list index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Segment {
    /// A mapping key.
    Key(String),
    /// A position in a list.
    Index(usize),
}

/// Key and value spans by path, relative to the start of the YAML text.
#[derive(Debug, Default)]
pub(crate) struct SpanMap {
    keys: HashMap<Vec<Segment>, Range<usize>>,
    values: HashMap<Vec<Segment>, Range<usize>>,
    duplicate: Option<(String, Range<usize>)>,
}

impl SpanMap {
    /// Builds the map; a YAML text the event parser rejects gives an empty map (the caller
    /// then falls back to the start of the front matter).
    pub(crate) fn build(yaml: &str) -> SpanMap {
        // yaml-rust2's markers count characters: map them to byte offsets.
        let mut char_to_byte: Vec<usize> = yaml.char_indices().map(|(i, _)| i).collect();
        char_to_byte.push(yaml.len());
        let mut builder = Builder { yaml, char_to_byte, map: SpanMap::default(), stack: Vec::new(), path: Vec::new() };
        let mut parser = Parser::new_from_str(yaml);
        if parser.load(&mut builder, false).is_err() {
            return SpanMap::default();
        }
        builder.map
    }

    /// Span of the key at `path` (its last segment must be a key).
    pub(crate) fn key(&self, path: &[Segment]) -> Option<Range<usize>> {
        self.keys.get(path).cloned()
    }

    /// The first key written twice in one mapping, with the span of its second occurrence.
    pub(crate) fn duplicate(&self) -> Option<(&str, Range<usize>)> {
        self.duplicate.as_ref().map(|(k, r)| (k.as_str(), r.clone()))
    }

    /// Span of the value at `path`: a scalar's text, or the first line of a list or mapping.
    pub(crate) fn value(&self, path: &[Segment]) -> Option<Range<usize>> {
        self.values.get(path).cloned()
    }
}

enum Frame {
    Map { expecting_key: bool, flow: bool },
    Seq { next: usize, flow: bool },
}

struct Builder<'a> {
    yaml: &'a str,
    char_to_byte: Vec<usize>,
    map: SpanMap,
    stack: Vec<Frame>,
    /// Path of the node being read; for a mapping, ends with its current key once read.
    path: Vec<Segment>,
}

impl Builder<'_> {
    /// Called before a value node: pushes its index when inside a list.
    fn enter_value(&mut self) {
        if let Some(Frame::Seq { next, .. }) = self.stack.last_mut() {
            self.path.push(Segment::Index(*next));
            *next += 1;
        }
    }

    /// Called after a value node is complete: pops its key or index.
    fn leave_value(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Map { expecting_key, .. }) => {
                *expecting_key = true;
                self.path.pop();
            }
            Some(Frame::Seq { .. }) => {
                self.path.pop();
            }
            None => {}
        }
    }

    fn scalar_end(&self, start: usize, flow: bool, key: bool) -> usize {
        let rest = &self.yaml[start.min(self.yaml.len())..];
        let len = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let mut escaped = false;
                let mut end = rest.len();
                for (i, c) in rest.char_indices().skip(1) {
                    if q == '"' && c == '\\' && !escaped {
                        escaped = true;
                        continue;
                    }
                    if c == q && !escaped {
                        end = i + 1;
                        break;
                    }
                    escaped = false;
                }
                end
            }
            _ => {
                let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
                let mut line = &rest[..line_end];
                if let Some(comment) = line.find(" #") {
                    line = &line[..comment];
                }
                if flow && let Some(stop) = line.find([',', ']', '}']) {
                    line = &line[..stop];
                }
                if key && let Some(colon) = line.find(": ").or_else(|| line.strip_suffix(':').map(str::len)) {
                    line = &line[..colon];
                }
                line.trim_end().len()
            }
        };
        start + len
    }

    /// Inside `[…]` or `{…}`, a plain scalar also ends at `,`, `]` or `}`.
    fn in_flow(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Map { flow: true, .. } | Frame::Seq { flow: true, .. }))
    }
}

impl MarkedEventReceiver for Builder<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let start = self.char_to_byte.get(mark.index()).copied().unwrap_or(self.yaml.len());
        match event {
            Event::Scalar(value, ..) => {
                if let Some(Frame::Map { expecting_key: true, .. }) = self.stack.last() {
                    let end = self.scalar_end(start, self.in_flow(), true);
                    self.path.push(Segment::Key(value.clone()));
                    let before = self.map.keys.insert(self.path.clone(), start..end);
                    if before.is_some() && self.map.duplicate.is_none() {
                        self.map.duplicate = Some((value, start..end));
                    }
                    if let Some(Frame::Map { expecting_key, .. }) = self.stack.last_mut() {
                        *expecting_key = false;
                    }
                } else {
                    self.enter_value();
                    let end = self.scalar_end(start, self.in_flow(), false);
                    self.map.values.insert(self.path.clone(), start..end);
                    self.leave_value();
                }
            }
            Event::Alias(_) => {
                self.enter_value();
                let end = self.scalar_end(start, self.in_flow(), false);
                self.map.values.insert(self.path.clone(), start..end);
                self.leave_value();
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let is_key = matches!(self.stack.last(), Some(Frame::Map { expecting_key: true, .. }));
                if is_key {
                    // A complex key: record nothing under it, but keep the stack balanced.
                    self.path.push(Segment::Key(String::new()));
                    if let Some(Frame::Map { expecting_key, .. }) = self.stack.last_mut() {
                        *expecting_key = false;
                    }
                } else {
                    self.enter_value();
                }
                if !self.stack.is_empty() {
                    let line_end = self.yaml[start..].find('\n').map_or(self.yaml.len(), |i| start + i);
                    self.map.values.insert(self.path.clone(), start..line_end.max(start));
                }
                let flow = matches!(self.yaml[start..].chars().next(), Some('[' | '{'));
                self.stack.push(if matches!(event, Event::MappingStart(..)) {
                    Frame::Map { expecting_key: true, flow }
                } else {
                    Frame::Seq { next: 0, flow }
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.leave_value();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> Segment {
        Segment::Key(k.into())
    }

    #[test]
    fn finds_keys_values_and_list_items_in_bytes() {
        let yaml = "nom: Médiathèque\nservices:\n  - Aide\n  - \"Loisirs\"\ntypologie: [BIB, CS]\nseances:\n  - { date: 2026-12-01, debut: \"14:00\" }\n";
        let map = SpanMap::build(yaml);
        let text = |r: Range<usize>| &yaml[r];
        assert_eq!(text(map.key(&[key("nom")]).unwrap()), "nom");
        assert_eq!(text(map.value(&[key("nom")]).unwrap()), "Médiathèque");
        assert_eq!(text(map.key(&[key("services")]).unwrap()), "services");
        assert_eq!(text(map.value(&[key("services"), Segment::Index(1)]).unwrap()), "\"Loisirs\"");
        assert_eq!(text(map.value(&[key("typologie"), Segment::Index(1)]).unwrap()), "CS");
        assert_eq!(text(map.value(&[key("typologie"), Segment::Index(0)]).unwrap()), "BIB");
        assert_eq!(text(map.value(&[key("seances"), Segment::Index(0), key("date")]).unwrap()), "2026-12-01");
        assert_eq!(text(map.value(&[key("seances"), Segment::Index(0), key("debut")]).unwrap()), "\"14:00\"");
        assert_eq!(text(map.key(&[key("seances"), Segment::Index(0), key("debut")]).unwrap()), "debut");
        assert_eq!(map.duplicate(), None);
    }

    #[test]
    fn finds_the_second_of_a_duplicate_key() {
        let yaml = "nom: A\nresume: b\nnom: C\n";
        assert_eq!(SpanMap::build(yaml).duplicate(), Some(("nom", 17..20)));
    }
}
