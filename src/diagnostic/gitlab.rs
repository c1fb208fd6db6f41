//! The GitLab format: a Code Quality report (the subset of the Code Climate format GitLab
//! reads), a JSON array that GitLab shows on the changed lines of a merge request.
//!
//! Each issue has a `fingerprint` that stays the same while the problem stays: a SHA-256 of
//! the file, the code, the message and the rank of identical problems in that file (not the
//! line, so that a line added above does not make an old problem look new).

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Diagnostic, Severity};
use crate::source::Sources;

#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// The report: a JSON array, one issue per diagnostic, in report order.
pub(super) fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let mut seen: BTreeMap<(String, &'static str, String), usize> = BTreeMap::new();
    let issues: Vec<Issue> = diagnostics
        .iter()
        .map(|d| {
            // A problem of the whole site (no file) is shown on site.yaml.
            let (path, line) =
                d.location(sources).map_or(("content/site.yaml".to_string(), 1), |(path, lc)| (path, lc.line.max(1)));
            let message = d.kind.to_string();
            let rank = seen.entry((path.clone(), d.kind.code(), message.clone())).or_insert(0);
            *rank += 1;
            let fingerprint = Sha256::digest(format!("{path}\0{}\0{message}\0{rank}", d.kind.code()));
            let mut description = message;
            if let Some(help) = d.kind.help() {
                description.push_str(" — aide : ");
                description.push_str(&help);
            }
            Issue {
                description,
                check_name: format!("resin/{}", d.kind.code()),
                fingerprint: hex(&fingerprint),
                severity: match d.severity() {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: Location { path, lines: Lines { begin: line } },
            }
        })
        .collect();
    let mut out = crate::source::json_escaped(serde_json::to_string_pretty(&issues).expect("plain data serialises"));
    out.push('\n');
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
