//! The national standard's vocabularies, embedded from `data/standard/vocabulaires.yaml`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::suggest;

static VOCABULARIES: LazyLock<BTreeMap<String, Vec<String>>> = LazyLock::new(|| {
    serde_yaml::from_str(include_str!("../data/standard/vocabulaires.yaml"))
        .expect("data/standard/vocabulaires.yaml is valid (checked by a unit test)")
});

/// Spellings seen in real data that the standard's documents themselves use: accepted as the
/// canonical value (data/standard/README.md).
const ALIASES: &[(&str, &str)] = &[
    ("Ce lieu n’accueille pas de public", "Ce lieu n'accueille pas de public"),
    ("Étapes numériques(La Poste)", "Étapes numériques (La Poste)"),
];

/// The allowed values of a vocabulary field (`services`, `frais_a_charge`…), in the standard's order.
pub fn values(field: &str) -> &'static [String] {
    VOCABULARIES.get(field).map_or(&[], Vec::as_slice)
}

/// The names of the vocabularies (`services`, `typologie`…), in alphabetical order: the tests
/// walk them (`render::labels` words every value of each).
#[cfg(test)]
pub(crate) fn fields() -> impl Iterator<Item = &'static str> {
    VOCABULARIES.keys().map(String::as_str)
}

/// The result of checking one value against a vocabulary.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Check {
    /// The value is allowed; this is its canonical spelling.
    Ok(&'static str),
    /// The value is not allowed.
    Unknown {
        /// The closest allowed value.
        suggestion: Option<&'static str>,
        /// True when it only differs by case, accents or apostrophes.
        only_spelling: bool,
    },
}

/// Checks `value` against the vocabulary of `field`.
pub(crate) fn check(field: &str, value: &str) -> Check {
    let allowed = values(field);
    if let Some(v) = allowed.iter().find(|v| *v == value) {
        return Check::Ok(v);
    }
    if let Some((_, canonical)) = ALIASES.iter().find(|(alias, _)| *alias == value)
        && let Some(v) = allowed.iter().find(|v| v == canonical)
    {
        return Check::Ok(v);
    }
    let suggestion = suggest::closest(value, allowed.iter().map(String::as_str));
    let only_spelling = suggestion.is_some_and(|s| suggest::fold(s) == suggest::fold(value));
    Check::Unknown { suggestion, only_spelling }
}

/// Slug of a vocabulary value, for taxonomy URLs (`/services/aide-aux-demarches-administratives/`).
pub(crate) fn slug(value: &str) -> String {
    slug::slugify(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_vocabularies_are_complete() {
        assert_eq!(values("services").len(), 9);
        assert_eq!(values("frais_a_charge"), ["Gratuit", "Gratuit sous condition", "Payant"]);
        assert!(values("typologie").iter().any(|t| t == "BIB"));
        for field in [
            "publics_specifiquement_adresses",
            "prise_en_charge_specifique",
            "dispositif_programmes_nationaux",
            "formations_labels",
            "modalites_acces",
            "modalites_accompagnement",
            "itinerance",
        ] {
            assert!(!values(field).is_empty(), "{field}");
        }
    }

    #[test]
    fn checks_values_with_suggestions() {
        assert_eq!(check("frais_a_charge", "Gratuit"), Check::Ok("Gratuit"));
        assert_eq!(
            check("frais_a_charge", "gratuit"),
            Check::Unknown { suggestion: Some("Gratuit"), only_spelling: true }
        );
        assert_eq!(
            check("frais_a_charge", "Gratuitt"),
            Check::Unknown { suggestion: Some("Gratuit"), only_spelling: false }
        );
        assert_eq!(
            check("modalites_acces", "Ce lieu n’accueille pas de public"),
            Check::Ok("Ce lieu n'accueille pas de public")
        );
    }
}
