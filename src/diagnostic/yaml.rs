//! A YAML syntax problem ([`YamlProblem`]): `serde_yaml`'s English message classified, and its
//! French words.

use std::fmt;

/// What `serde_yaml` found wrong, read from its English message (`load` classifies the
/// parser's errors with [`YamlProblem::from_message`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum YamlProblem {
    /// "mapping values are not allowed in this context": a `: ` inside an unquoted value.
    ColonInValue,
    /// "did not find expected key": bad indentation.
    ExpectedKey,
    /// "could not find expected ':'".
    ExpectedColon,
    /// "found character that cannot start any token".
    UnexpectedCharacter,
    /// "found a tab character".
    Tab,
    /// "duplicate entry with key".
    DuplicateKey,
    /// "did not find expected node content".
    ExpectedValue,
    /// "found unexpected end of stream": an unclosed quote or bracket.
    UnexpectedEnd,
    /// "did not find expected ',' or ']'".
    UnclosedList,
    /// "did not find expected ',' or '}'".
    UnclosedMapping,
    /// "found undefined alias".
    UndefinedAlias,
    /// "repetition limit exceeded": an alias bomb.
    TooManyRepetitions,
    /// "recursion limit exceeded".
    TooDeep,
    /// "block sequence entries are not allowed in this context".
    DashInValue,
    /// "found unknown escape character".
    UnknownEscape,
    /// "control characters are not allowed".
    ControlCharacter,
    /// Any other message, kept in the parser's words.
    Other {
        /// The parser's message, without its location.
        parser: String,
    },
}

impl YamlProblem {
    /// Reads the parser's English `message`.
    pub(crate) fn from_message(message: &str) -> YamlProblem {
        // serde_yaml appends " at line L column C": the location is printed by resin itself.
        let message = message.split(" at line ").next().unwrap_or(message);
        let known: &[(&str, YamlProblem)] = &[
            ("mapping values are not allowed in this context", YamlProblem::ColonInValue),
            ("did not find expected key", YamlProblem::ExpectedKey),
            ("could not find expected ':'", YamlProblem::ExpectedColon),
            ("found character that cannot start any token", YamlProblem::UnexpectedCharacter),
            ("found a tab character", YamlProblem::Tab),
            ("duplicate entry with key", YamlProblem::DuplicateKey),
            ("did not find expected node content", YamlProblem::ExpectedValue),
            ("found unexpected end of stream", YamlProblem::UnexpectedEnd),
            ("did not find expected ',' or ']'", YamlProblem::UnclosedList),
            ("did not find expected ',' or '}'", YamlProblem::UnclosedMapping),
            ("found undefined alias", YamlProblem::UndefinedAlias),
            ("repetition limit exceeded", YamlProblem::TooManyRepetitions),
            ("recursion limit exceeded", YamlProblem::TooDeep),
            ("block sequence entries are not allowed in this context", YamlProblem::DashInValue),
            ("found unknown escape character", YamlProblem::UnknownEscape),
            ("control characters are not allowed", YamlProblem::ControlCharacter),
        ];
        known
            .iter()
            .find(|(english, _)| message.contains(english))
            .map_or_else(|| YamlProblem::Other { parser: message.to_string() }, |(_, problem)| problem.clone())
    }
}

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
    use super::YamlProblem;

    /// The problem `serde_yaml`'s error on `yaml` is classified as.
    fn problem(yaml: &str) -> YamlProblem {
        let error = serde_yaml::from_str::<serde_yaml::Value>(yaml).expect_err(yaml);
        YamlProblem::from_message(&error.to_string())
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
