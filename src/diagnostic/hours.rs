//! The French words of an `horaires` problem ([`HoursProblem`]), for `check` and the importer.

use std::fmt;

use crate::hours::HoursProblem;

impl fmt::Display for HoursProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HoursProblem::FrenchSpelling => f.write_str(
                "les jours s'écrivent en abrégé anglais (Mo Tu We Th Fr Sa Su) et les heures sous la forme \
                 09:00-12:00, par exemple « Mo-Fr 09:00-12:00 »",
            ),
            HoursProblem::EndsEarly => f.write_str("l'expression s'arrête trop tôt"),
            HoursProblem::Unexpected { from } => write!(f, "syntaxe inattendue à partir de « {from} »"),
            HoursProblem::Unsupported { feature } => {
                write!(f, "cette forme de la syntaxe OpenStreetMap n'est pas prise en charge ({feature})")
            }
            HoursProblem::OutOfRange { value, min, max } => {
                write!(f, "le nombre {value} est hors limites : il doit être entre {min} et {max}")
            }
            HoursProblem::TimeTooLate { hour, minute } => {
                write!(f, "l'heure {hour:02}:{minute:02} n'existe pas : une heure va au plus jusqu'à 48:00")
            }
            HoursProblem::Reversed { start, end } => {
                write!(f, "la période {start}-{end} est à l'envers : écrivez « {end}-{start} »")
            }
            HoursProblem::Internal => {
                f.write_str("la lecture des horaires a échoué sur une erreur interne ; simplifiez l'expression")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::hours::{HoursProblem, parse};

    /// Each problem the parser can report reads in French, with no word of the parser's English.
    #[test]
    fn problems_read_in_french() {
        let cases = [
            ("lundi 9h-12h", "abrégé anglais"),
            ("Mo-Fr 09:00-", "s'arrête trop tôt"),
            ("Mo-Fr 09:00-12:00 @@", "syntaxe inattendue à partir de « @@ »"),
            ("Mo 10:00-48:30", "l'heure 48:30 n'existe pas"),
            ("week 10-05 Mo 10:00-12:00", "la période 10-5 est à l'envers"),
            ("2027-2026 Mo 10:00-12:00", "est à l'envers : écrivez « 2026-2027 »"),
        ];
        for (value, expected) in cases {
            let error = parse(value).expect_err(value);
            let text = error.problem.to_string();
            assert!(text.contains(expected), "{value}: {text}");
        }
        let out_of_range = HoursProblem::OutOfRange { value: 54, min: 1, max: 53 }.to_string();
        assert_eq!(out_of_range, "le nombre 54 est hors limites : il doit être entre 1 et 53");
    }
}
