//! The JSON format: one object per line and per diagnostic, for tools.

use serde::Serialize;

use super::Diagnostic;
use crate::source::{Sources, json_escaped};

#[derive(Serialize)]
struct JsonDiagnostic {
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    severity: &'static str,
    code: &'static str,
    message: String,
    help: Option<String>,
}

/// One JSON object per line (JSON Lines), in report order.
pub(super) fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let location = d.location(sources);
        let object = JsonDiagnostic {
            file: location.as_ref().map(|(path, _)| path.clone()),
            line: location.as_ref().map(|(_, lc)| lc.line),
            column: location.as_ref().map(|(_, lc)| lc.column),
            severity: d.severity().as_str(),
            code: d.kind.code(),
            message: d.kind.to_string(),
            help: d.kind.help(),
        };
        out.push_str(&json_escaped(serde_json::to_string(&object).expect("plain data serialises")));
        out.push('\n');
    }
    out
}
