//! The French words of a YAML syntax problem ([`YamlProblem`]).

use std::fmt;

use crate::load::YamlProblem;

impl fmt::Display for YamlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            YamlProblem::ColonInValue => {
                "deux-points inattendu ; si la valeur contient `: `, mettez-la entre guillemets"
            }
            YamlProblem::ExpectedKey => "ligne mal indentée ou champ attendu",
            YamlProblem::ExpectedColon => "deux-points `:` attendu après le nom du champ",
            YamlProblem::UnexpectedCharacter => "caractère inattendu (une tabulation au lieu d'espaces ?)",
            YamlProblem::Tab => "tabulation interdite : indentez avec des espaces",
            YamlProblem::DuplicateKey => "champ écrit deux fois",
            YamlProblem::ExpectedValue => "valeur attendue",
            YamlProblem::UnexpectedEnd => "fin du texte inattendue (guillemet ou crochet non fermé ?)",
            YamlProblem::UnclosedList => "virgule `,` ou crochet fermant `]` attendu",
            YamlProblem::UnclosedMapping => "virgule `,` ou accolade fermante `}` attendue",
            YamlProblem::UndefinedAlias => "alias `*` non défini",
            YamlProblem::TooManyRepetitions => "trop de répétitions d'alias : le texte serait démesuré",
            YamlProblem::TooDeep => "imbrication trop profonde",
            YamlProblem::DashInValue => "tiret `-` inattendu : une liste commence sur la ligne après le nom du champ",
            YamlProblem::UnknownEscape => "séquence d'échappement `\\` inconnue entre guillemets",
            YamlProblem::ControlCharacter => "caractère de contrôle interdit",
            YamlProblem::Other { parser } => return write!(f, "{parser} (message du lecteur YAML)"),
        };
        f.write_str(text)
    }
}

#[cfg(test)]
mod tests {
    use crate::load::{YamlProblem, parse_yaml};

    fn problem(yaml: &str) -> YamlProblem {
        match parse_yaml(yaml) {
            Err((crate::diagnostic::Kind::YamlSyntax { problem }, _)) => problem,
            other => panic!("{yaml:?}: {other:?}"),
        }
    }

    /// The parser's common messages are recognised and read in French.
    #[test]
    fn common_mistakes_read_in_french() {
        let cases = [
            ("nom: Médiathèque: centre\n", YamlProblem::ColonInValue, "mettez-la entre guillemets"),
            ("nom: \"Médiathèque\n", YamlProblem::UnexpectedEnd, "guillemet ou crochet non fermé"),
            ("services: [a, b\n", YamlProblem::UnclosedList, "crochet fermant"),
            ("nom: a\n\tadresse: b\n", YamlProblem::Tab, "indentez avec des espaces"),
        ];
        for (yaml, expected, words) in cases {
            let found = problem(yaml);
            assert_eq!(found, expected, "{yaml:?}");
            assert!(found.to_string().contains(words), "{yaml:?}: {found}");
        }
    }

    /// A message resin does not know is kept, said to be the parser's, without its location.
    #[test]
    fn unknown_messages_are_kept() {
        let found = YamlProblem::from_message("something new at line 3 column 4");
        assert_eq!(found.to_string(), "something new (message du lecteur YAML)");
    }
}
