//! The short format: one line per diagnostic, `fichier:ligne:colonne: erreur[code] message
//! (aide : …)`, for editors' problem matchers (the VS Code task of `resin new site`), `grep`
//! and narrow terminals.

use super::{Diagnostic, Severity};
use crate::source::{Sources, printable};

/// One line per diagnostic; a diagnostic without a file starts with `resin:`.
pub(super) fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let severity = match d.severity() {
            Severity::Error => "erreur",
            Severity::Warning => "avertissement",
        };
        let place = match d.location(sources) {
            Some((path, lc)) => format!("{}:{}:{}", printable(&path), lc.line, lc.column),
            None => "resin".to_string(),
        };
        let mut message = d.kind.to_string();
        if let Some(help) = d.kind.help() {
            message.push_str(&format!(" (aide : {help})"));
        }
        let message = printable(&message.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned();
        out.push_str(&format!("{place}: {severity}[{}] {message}\n", d.kind.code()));
    }
    out
}
