//! A problem told to a person, in the web editor of the preview (issue 22): the message and
//! the fix of `resin check`, without file, line, column or code, and with the fields named by
//! their titles in the form rather than by their keys in the file.

use super::Diagnostic;

/// A problem as the web editor shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ForPerson {
    /// What is wrong, as a sentence.
    pub message: String,
    /// How to fix it, as a sentence.
    pub help: Option<String>,
}

impl Diagnostic {
    /// The problem told to a person: `title` gives the form's title of a field named in the
    /// message (`telephone` → « Téléphone »); other quoted text (an example value) is put
    /// between guillemets.
    pub(crate) fn for_person(&self, title: &dyn Fn(&str) -> Option<String>) -> ForPerson {
        let help = match &self.kind {
            // The file's line to add is the form's field to fill.
            super::Kind::MissingField { .. } | super::Kind::EmptyField { .. } => Some("remplissez ce champ".into()),
            kind => kind.help(),
        };
        ForPerson {
            message: sentence(&plain(&self.kind.to_string(), title)),
            help: help.map(|help| sentence(&plain(&help, title))),
        }
    }
}

/// `text` without its backquotes: a field's name becomes its title, other code goes between
/// guillemets.
fn plain(text: &str, title: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
        } else if let Some(title) = title(part) {
            out.push_str(&title);
        } else {
            out.push_str(&format!("« {part} »"));
        }
    }
    out
}

/// A capital letter first and a full stop last; no line break inside guillemets.
fn sentence(text: &str) -> String {
    let text = text.trim().replace("« ", "«\u{a0}").replace(" »", "\u{a0}»");
    let text = text.as_str();
    let mut chars = text.chars();
    let mut out: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with(['.', '?', '!', '»', ')']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Kind;
    use crate::source::Sources;

    #[test]
    fn a_problem_is_told_without_file_line_or_code() {
        let mut sources = Sources::new(std::path::Path::new("."));
        let file = sources.add("content/lieux/a.md".into(), "---\ntelephone: 04 78\n---\n".into());
        let diagnostic = Diagnostic::new(Kind::MissingField { field: "telephone".into() }, file, 0..3);
        let title = |name: &str| (name == "telephone").then(|| "Téléphone".to_string());
        let told = diagnostic.for_person(&title);
        assert!(!told.message.contains('`') && !told.message.contains("content/"), "{told:?}");
        assert!(told.message.starts_with(char::is_uppercase), "{told:?}");
        assert!(told.message.contains("Téléphone"), "{told:?}");
        assert!(told.help.unwrap().ends_with('.'));
    }

    #[test]
    fn code_that_is_no_field_goes_between_guillemets() {
        let none = |_: &str| None;
        assert_eq!(plain("par exemple `04 78 00 00 00`", &none), "par exemple « 04 78 00 00 00 »");
        assert_eq!(sentence("invalide « 04 78 »"), "Invalide «\u{a0}04 78\u{a0}»");
        assert_eq!(sentence("écrivez un numéro"), "Écrivez un numéro.");
    }
}
