//! The problems of `fermetures`, the dated closures of a place or an offer: [`ClosureKind`],
//! its codes, French text and help. A bad date or bad hours in a closure are reported with the
//! entries' own kinds (`date`, `horaires`), at the value.

use std::fmt;

use chrono::NaiveDate;

use super::Severity;
use crate::hours::format_date;

/// A problem of one closure.
#[derive(Clone, Debug, PartialEq)]
pub enum ClosureKind {
    /// `au` is before `du`.
    Reversed {
        /// The first day as written.
        du: NaiveDate,
        /// The last day as written.
        au: NaiveDate,
    },
    /// Warning: the closure ended before the build date.
    Past {
        /// Its last day.
        au: NaiveDate,
    },
    /// Two closures of one entry share days.
    Overlap {
        /// The first day of this closure.
        du: NaiveDate,
        /// The closure it overlaps, written before it: its first and last days.
        other: (NaiveDate, NaiveDate),
    },
}

impl ClosureKind {
    /// Stable identifier of the kind.
    pub fn code(&self) -> &'static str {
        match self {
            ClosureKind::Reversed { .. } => "fermeture-inversee",
            ClosureKind::Past { .. } => "fermeture-passee",
            ClosureKind::Overlap { .. } => "fermetures-chevauchees",
        }
    }

    /// A past closure is only a warning: it changes nothing any more.
    pub fn severity(&self) -> Severity {
        match self {
            ClosureKind::Past { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// How to fix it, in French.
    pub fn help(&self) -> String {
        match self {
            ClosureKind::Reversed { du, au } => format!(
                "le dernier jour (`au`) doit être le premier (`du`) ou un jour après : si les dates sont inversées, échangez-les (`du: {au}`, `au: {du}`)"
            ),
            ClosureKind::Past { .. } => {
                "cette fermeture ne change plus rien : vous pouvez retirer cet élément de `fermetures`".into()
            }
            ClosureKind::Overlap { .. } => {
                "un jour ne peut appartenir qu'à une seule fermeture : raccourcissez l'une des deux, ou réunissez-les en une seule".into()
            }
        }
    }
}

impl fmt::Display for ClosureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClosureKind::Reversed { du, au } => {
                write!(f, "la fermeture finit (`au: {au}`) avant de commencer (`du: {du}`)")
            }
            ClosureKind::Past { au } => write!(f, "fermeture passée : elle a pris fin le {}", format_date(*au)),
            ClosureKind::Overlap { du, other: (other_du, other_au) } => write!(
                f,
                "la fermeture qui commence le {} chevauche celle du {} au {}",
                format_date(*du),
                format_date(*other_du),
                format_date(*other_au)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The exact words of each problem and its help.
    #[test]
    fn messages() {
        let kinds = [
            ClosureKind::Reversed { du: date(2027, 1, 2), au: date(2026, 12, 24) },
            ClosureKind::Past { au: date(2026, 8, 31) },
            ClosureKind::Overlap { du: date(2026, 12, 31), other: (date(2026, 12, 24), date(2027, 1, 2)) },
        ];
        let text: Vec<String> =
            kinds.iter().map(|k| format!("{}[{}] {k}\naide : {}", k.severity().as_str(), k.code(), k.help())).collect();
        insta::assert_snapshot!(text.join("\n\n"));
    }
}
