//! The problems of `langues`, the languages a place's or an offer's staff can help in:
//! [`LanguageKind`], its codes, French text and help.

use std::fmt;

use super::Severity;

/// A problem of one value of `langues`.
#[derive(Clone, Debug, PartialEq)]
pub enum LanguageKind {
    /// Not a code of resin's table of languages (`data/langues.csv`).
    Unknown {
        /// The value as written.
        value: String,
        /// The code and French name of the language it most likely means.
        suggestion: Option<(&'static str, &'static str)>,
    },
    /// French, which every place speaks.
    French {
        /// The value as written.
        value: String,
    },
    /// Warning: a language written twice.
    Repeated {
        /// Its code.
        code: String,
        /// Its French name.
        name: String,
    },
}

impl LanguageKind {
    /// Stable identifier of the kind.
    pub fn code(&self) -> &'static str {
        match self {
            LanguageKind::Unknown { .. } => "langue-inconnue",
            LanguageKind::French { .. } => "langue-francais",
            LanguageKind::Repeated { .. } => "langue-en-double",
        }
    }

    /// A language written twice is only a warning: it is shown once.
    pub fn severity(&self) -> Severity {
        match self {
            LanguageKind::Repeated { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// How to fix it, in French.
    pub fn help(&self) -> String {
        match self {
            LanguageKind::Unknown { suggestion: Some((code, name)), .. } => {
                format!("écrivez le code `{code}` ({name})")
            }
            LanguageKind::Unknown { .. } => "écrivez le code ISO 639 de la langue, en minuscules, par exemple `ar` (arabe), `uk` (ukrainien) ou `fsl` (langue des signes française) : la liste des codes est dans la référence du contenu (« langues »)".into(),
            LanguageKind::French { .. } => "`langues` dit les autres langues que l'équipe parle : retirez le français".into(),
            LanguageKind::Repeated { .. } => "gardez-la une seule fois".into(),
        }
    }
}

impl fmt::Display for LanguageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LanguageKind::Unknown { value, .. } => {
                write!(f, "langue « {value} » inconnue : `langues` attend des codes de langue")
            }
            LanguageKind::French { value } => write!(f, "« {value} » : le français va de soi dans tous les lieux"),
            LanguageKind::Repeated { code, name } => write!(f, "la langue `{code}` ({name}) est écrite deux fois"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact words of each problem and its help.
    #[test]
    fn messages() {
        let kinds = [
            LanguageKind::Unknown { value: "arabe".into(), suggestion: Some(("ar", "arabe")) },
            LanguageKind::Unknown { value: "xx".into(), suggestion: None },
            LanguageKind::French { value: "fr".into() },
            LanguageKind::Repeated { code: "uk".into(), name: "ukrainien".into() },
        ];
        let text: Vec<String> =
            kinds.iter().map(|k| format!("{}[{}] {k}\naide : {}", k.severity().as_str(), k.code(), k.help())).collect();
        insta::assert_snapshot!(text.join("\n\n"));
    }
}
