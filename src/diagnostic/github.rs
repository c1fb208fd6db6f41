//! The GitHub Actions format: workflow commands that annotate the changed lines of a pull request.

use super::{Diagnostic, Severity};
use crate::source::{Sources, printable};

/// `::error file=…,line=…,col=…,title=…::message` lines, escaped as GitHub documents.
pub(super) fn render(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Values and paths escaped first (an escape sequence, a bidirectional control), then
        // as GitHub documents.
        let mut message = printable(&d.kind.to_string()).into_owned();
        if let Some(help) = d.kind.help() {
            message.push_str("\naide : ");
            // A help may give lines to write (`resin fmt --check`): each line escaped on its own.
            message.push_str(&help.split('\n').map(printable).collect::<Vec<_>>().join("\n"));
        }
        let mut properties = Vec::new();
        if let Some((path, lc)) = d.location(sources) {
            properties.push(format!("file={}", escape_property(&printable(&path))));
            properties.push(format!("line={}", lc.line));
            properties.push(format!("col={}", lc.column));
        }
        properties.push(format!("title={}", escape_property(&format!("resin {}", d.kind.code()))));
        out.push_str(&format!("::{command} {}::{}\n", properties.join(","), escape_data(&message)));
    }
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_documents() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
