//! What `resin fmt` says about a file it does not find, or cannot put, in the canonical style
//! of content files: [`StyleKind`], its French text and its help. `resin fmt --check` reports
//! every difference as lines to write instead, so that a person in the forge's web editor can
//! fix the file by hand.

use std::fmt;

/// A content file out of the canonical style, or that `resin fmt` leaves alone.
#[derive(Clone, Debug, PartialEq)]
pub enum StyleKind {
    /// `--check`: these lines are not written in the canonical style.
    Differs {
        /// The lines to write instead (none: the lines are to be removed).
        expected: Vec<String>,
        /// The lines are to be added before this line, which stays.
        insert: bool,
    },
    /// A comment inside a field's value: its place in the rewritten file is unknown.
    Comment {
        /// The field.
        field: String,
    },
    /// A YAML tag (`!!str`, `!lieu`): resin does not use them.
    Tag,
    /// A value the canonical style would not read back the same (a safeguard).
    Unfaithful {
        /// The field.
        field: String,
    },
}

impl StyleKind {
    /// The diagnostic's code.
    pub fn code(&self) -> &'static str {
        match self {
            StyleKind::Differs { .. } => "format",
            StyleKind::Comment { .. } => "format-commentaire",
            StyleKind::Tag | StyleKind::Unfaithful { .. } => "format-impossible",
        }
    }

    /// The fix.
    pub fn help(&self) -> String {
        match self {
            StyleKind::Differs { expected, .. } if expected.is_empty() => {
                "supprimez ces lignes, ou lancez `resin fmt`".into()
            }
            StyleKind::Differs { expected, insert } => {
                let lines: Vec<String> = expected.iter().map(|line| format!("    {line}")).collect();
                let what = if *insert { "ajoutez avant cette ligne" } else { "écrivez à la place" };
                format!("{what}, ou lancez `resin fmt` :\n{}", lines.join("\n"))
            }
            StyleKind::Comment { field } => format!(
                "mettez le commentaire sur sa propre ligne, au début de la ligne, juste au-dessus de `{field}:` : il \
                 restera avec ce champ"
            ),
            StyleKind::Tag => {
                "retirez l'étiquette (le mot qui commence par `!`) : resin lit la valeur sans elle".into()
            }
            StyleKind::Unfaithful { .. } => {
                "écrivez la valeur entre guillemets doubles, ou signalez ce fichier aux auteurs de resin".into()
            }
        }
    }
}

impl fmt::Display for StyleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StyleKind::Differs { .. } => f.write_str("ces lignes ne sont pas écrites dans le style de `resin fmt`"),
            StyleKind::Comment { field } => write!(
                f,
                "commentaire à l'intérieur du champ `{field}` : `resin fmt` ne saurait pas où le garder et laisse ce \
                 fichier tel quel"
            ),
            StyleKind::Tag => {
                f.write_str("étiquette YAML : `resin fmt` ne la garderait pas et laisse ce fichier tel quel")
            }
            StyleKind::Unfaithful { field } => write!(
                f,
                "`resin fmt` ne sait pas réécrire le champ `{field}` sans en changer la valeur et laisse ce fichier \
                 tel quel"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_gives_the_lines_to_write() {
        let differs =
            StyleKind::Differs { expected: vec!["nom: A".into(), "code_postal: \"69001\"".into()], insert: false };
        assert_eq!(
            differs.help(),
            "écrivez à la place, ou lancez `resin fmt` :\n    nom: A\n    code_postal: \"69001\""
        );
        assert_eq!(
            StyleKind::Differs { expected: vec![], insert: false }.help(),
            "supprimez ces lignes, ou lancez `resin fmt`"
        );
        assert_eq!(StyleKind::Comment { field: "nom".into() }.code(), "format-commentaire");
    }
}
