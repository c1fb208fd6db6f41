//! Content problems: one [`Diagnostic`] type with a span, its [`Kind`], and the renderers of
//! `resin check --format human|json|github|gitlab`.
//!
//! The French text of every problem lives in one place, the `Display` of [`Kind`] (just's
//! `CompileErrorKind`); tests match kinds and codes, not text. The other commands' texts are
//! kinds here too: `resin import`'s problems ([`ImportKind`], [`ImportError`]) and its whole
//! summary ([`Report`]), the usage errors ([`UsageKind`]), the notices ([`Notice`]).

mod closure;
mod copies;
mod detail;
mod editor;
mod form;
mod github;
mod gitlab;
mod help;
mod hours;
mod human;
mod import;
mod import_report;
mod json;
mod kind;
mod language;
mod media;
mod notice;
mod person;
mod shape;
mod short;
mod site;
mod style;
mod usage;
mod yaml;

use std::ops::Range;

pub use closure::ClosureKind;
pub use copies::{CopiedPlace, Shared};
pub(crate) use editor::EditorRefusal;
pub(crate) use help::formula_sign_name;
pub use import::{ImportError, ImportKind, SourceError};
pub use import_report::{
    Change, Label, Note, Position, Problem, Report, Row, Rule, SourceDescription, SourceEncoding, SourceFormat,
};
pub use kind::{Declared, ExtensionMismatch, Found, Kind, LikelyPostcodes};
pub use language::LanguageKind;
pub use media::{SpecialKind, SvgHazard};
pub use notice::{Notice, Trigger};
pub(crate) use person::ForPerson;
pub use shape::Shape;
pub use site::SiteKind;
pub use style::StyleKind;
pub use usage::{OutputRefusal, UsageKind};
pub use yaml::YamlProblem;

use crate::source::{FileId, LineCol, Sources};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Fails `resin check` and `resin build`.
    Error,
    /// Reported; fails only with `--strict`.
    Warning,
}

impl Severity {
    /// The English keyword used by machine formats (`error`, `warning`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem found in the content, located by file and byte range.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// What is wrong.
    pub kind: Kind,
    /// The file, or `None` for a problem of the site as a whole.
    pub file: Option<FileId>,
    /// Byte range of the faulty text in the file.
    pub span: Range<usize>,
}

impl Diagnostic {
    /// A problem located at `span` in `file`.
    pub fn new(kind: Kind, file: FileId, span: Range<usize>) -> Self {
        Diagnostic { kind, file: Some(file), span }
    }

    /// A problem that belongs to no file.
    pub fn global(kind: Kind) -> Self {
        Diagnostic { kind, file: None, span: 0..0 }
    }

    /// Error or warning, decided by the kind.
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    /// Line and column of the start of the span.
    pub fn location(&self, sources: &Sources) -> Option<(String, LineCol)> {
        self.file.map(|id| (sources.get(id).path.clone(), sources.line_col(id, self.span.start)))
    }
}

/// Output formats of `resin check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// rustc-like report with a source snippet and a caret (French).
    Human,
    /// One JSON object per line and per diagnostic.
    Json,
    /// GitHub Actions workflow commands (`::error file=…`).
    Github,
    /// GitLab Code Quality report (JSON array).
    Gitlab,
    /// One line per diagnostic, `fichier:ligne:colonne: erreur[code] message`.
    Short,
}

/// Sorts diagnostics by file path, then position, then code: the order of every report.
pub fn sort(diagnostics: &mut [Diagnostic], sources: &Sources) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            (d.file.map(|f| sources.get(f).path.clone()), d.span.start, d.kind.code(), d.kind.to_string())
        };
        key(a).cmp(&key(b))
    });
}

/// Renders diagnostics in the chosen format. `color` only affects the human format.
pub fn render(diagnostics: &[Diagnostic], sources: &Sources, format: Format, color: bool) -> String {
    match format {
        Format::Human => human::render(diagnostics, sources, color),
        Format::Json => json::render(diagnostics, sources),
        Format::Github => github::render(diagnostics, sources),
        Format::Gitlab => gitlab::render(diagnostics, sources),
        Format::Short => short::render(diagnostics, sources),
    }
}

/// "3 erreurs", "1 avertissement": French counts with the right plural.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n > 1 { plural } else { singular })
}

/// The closing line of a report: "2 erreurs et 1 avertissement", or "aucun problème".
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.severity() == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    match (errors, warnings) {
        (0, 0) => "aucun problème".to_string(),
        (e, 0) => count(e, "erreur", "erreurs"),
        (0, w) => count(w, "avertissement", "avertissements"),
        (e, w) => format!("{} et {}", count(e, "erreur", "erreurs"), count(w, "avertissement", "avertissements")),
    }
}
