//! What older exports of the standard (v0.x, before 2023) call things, and their v1 names.
//!
//! The field renames live with the content model (`schema::renamed`). The v0 vocabularies
//! have no published correspondence: each row below maps a v0 value to the v1 value(s) that
//! say the same thing, and a v0 value that v1 does not know is left out of the table, so that
//! the importer reports it instead of guessing.

/// Where a v0 value goes in v1: which field, which value.
pub(crate) type Target = (&'static str, &'static str);

/// v0 value (its text before « : », as v0 writes a value and its explanation) → v1 targets,
/// for the fields whose vocabulary changed. A value of `publics_accueillis` may land in
/// `prise_en_charge_specifique`, which v0 did not have.
pub(crate) const VALUES: &[(&str, &str, &[Target])] = &[
    // services (v0.1)
    ("services", "Accéder à du matériel", &[("services", "Accès internet et matériel informatique")]),
    ("services", "Accéder à une connexion internet", &[("services", "Accès internet et matériel informatique")]),
    ("services", "Utiliser le numérique au quotidien", &[("services", "Maîtrise des outils numériques du quotidien")]),
    ("services", "Prendre en main un ordinateur", &[("services", "Maîtrise des outils numériques du quotidien")]),
    (
        "services",
        "Prendre en main un smartphone ou une tablette",
        &[("services", "Maîtrise des outils numériques du quotidien")],
    ),
    ("services", "Approfondir ma culture numérique", &[("services", "Compréhension du monde numérique")]),
    ("services", "Promouvoir la citoyenneté numérique", &[("services", "Compréhension du monde numérique")]),
    (
        "services",
        "Réaliser des démarches administratives avec un accompagnement",
        &[("services", "Aide aux démarches administratives")],
    ),
    (
        "services",
        "Devenir autonome dans les démarches administratives",
        &[("services", "Aide aux démarches administratives")],
    ),
    ("services", "Accompagner les démarches de santé", &[("services", "Aide aux démarches administratives")]),
    ("services", "Créer avec le numérique", &[("services", "Loisirs et créations numériques")]),
    (
        "services",
        "Soutenir la parentalité et l'éducation avec le numérique",
        &[("services", "Parentalité et éducation avec le numérique")],
    ),
    ("services", "Trouver un emploi ou une formation", &[("services", "Insertion professionnelle via le numérique")]),
    ("services", "Créer et développer mon entreprise", &[("services", "Insertion professionnelle via le numérique")]),
    (
        "services",
        "Équiper en matériel informatique",
        &[("services", "Acquisition de matériel informatique à prix solidaire")],
    ),
    // publics_accueillis: "Adultes" means everyone (see `EVERYONE`).
    ("publics_specifiquement_adresses", "Jeunes (16-26 ans)", &[("publics_specifiquement_adresses", "Jeunes")]),
    ("publics_specifiquement_adresses", "Étudiants", &[("publics_specifiquement_adresses", "Étudiants")]),
    (
        "publics_specifiquement_adresses",
        "Familles/enfants",
        &[("publics_specifiquement_adresses", "Familles et/ou enfants")],
    ),
    ("publics_specifiquement_adresses", "Seniors (+ 65 ans)", &[("publics_specifiquement_adresses", "Seniors")]),
    ("publics_specifiquement_adresses", "Uniquement femmes", &[("publics_specifiquement_adresses", "Femmes")]),
    ("publics_specifiquement_adresses", "Surdité", &[("prise_en_charge_specifique", "Surdité")]),
    ("publics_specifiquement_adresses", "Handicaps moteurs", &[("prise_en_charge_specifique", "Handicaps moteurs")]),
    ("publics_specifiquement_adresses", "Handicaps mentaux", &[("prise_en_charge_specifique", "Handicaps mentaux")]),
    (
        "publics_specifiquement_adresses",
        "Déficience visuelle",
        &[("prise_en_charge_specifique", "Déficience visuelle")],
    ),
    (
        "publics_specifiquement_adresses",
        "Personnes en situation d'illettrisme",
        &[("prise_en_charge_specifique", "Illettrisme")],
    ),
    // v0 had one value for every foreign language; v1 splits English from the others.
    (
        "publics_specifiquement_adresses",
        "Public langues étrangères",
        &[
            ("prise_en_charge_specifique", "Langues étrangères (anglais)"),
            ("prise_en_charge_specifique", "Langues étrangères (autres)"),
        ],
    ),
    // conditions_acces → frais_a_charge
    ("frais_a_charge", "Gratuit", &[("frais_a_charge", "Gratuit")]),
    ("frais_a_charge", "Gratuit sous condition", &[("frais_a_charge", "Gratuit sous condition")]),
    ("frais_a_charge", "Payant", &[("frais_a_charge", "Payant")]),
    // A membership fee is a cost.
    ("frais_a_charge", "Adhésion", &[("frais_a_charge", "Payant")]),
    // modalites_accompagnement (v0 wrote the person's point of view)
    ("modalites_accompagnement", "Seul", &[("modalites_accompagnement", "En autonomie")]),
    ("modalites_accompagnement", "Avec de l'aide", &[("modalites_accompagnement", "Accompagnement individuel")]),
    ("modalites_accompagnement", "Dans un atelier", &[("modalites_accompagnement", "Dans un atelier collectif")]),
    // "Done for me by an authorised person": individual support in v1.
    ("modalites_accompagnement", "A ma place", &[("modalites_accompagnement", "Accompagnement individuel")]),
    ("modalites_accompagnement", "À ma place", &[("modalites_accompagnement", "Accompagnement individuel")]),
    // labels_nationaux → dispositif_programmes_nationaux
    ("dispositif_programmes_nationaux", "CNFS", &[("dispositif_programmes_nationaux", "Conseillers numériques")]),
    (
        "dispositif_programmes_nationaux",
        "Point numérique CAF",
        &[("dispositif_programmes_nationaux", "Point d'accès numérique CAF")],
    ),
    ("dispositif_programmes_nationaux", "Aidants connect", &[("dispositif_programmes_nationaux", "Aidants Connect")]),
];

/// A v0 value without its explanation: v0 writes « Gratuit : Je peux accéder gratuitement… ».
pub(crate) fn head(raw: &str) -> &str {
    raw.split(" : ").next().unwrap_or(raw).trim()
}

/// v0 values that say something v1 has no value for: reported as such, and kept in a comment.
pub(crate) const WITHOUT_V1: &[(&str, &str)] = &[("frais_a_charge", "Accepte le Pass numérique")];

/// True when `raw` is a v0 value of `field` that v1 cannot say.
pub(crate) fn without_v1(field: &str, raw: &str) -> bool {
    let folded = crate::suggest::fold(head(raw));
    WITHOUT_V1.iter().any(|(f, v)| *f == field && crate::suggest::fold(v) == folded)
}

/// `publics_accueillis` values that mean "everyone": v1 leaves `publics_specifiquement_adresses`
/// empty for a place open to all, so a v0 list holding one of them keeps no public.
pub(crate) const EVERYONE: &[&str] = &["Adultes", "Tout public"];

/// The v1 targets of a v0 value of `field` (v1 name), compared without case or accents and
/// on the text before « : ».
pub(crate) fn value(field: &str, raw: &str) -> Option<&'static [Target]> {
    let folded = crate::suggest::fold(head(raw));
    VALUES.iter().find(|(f, v0, _)| *f == field && crate::suggest::fold(v0) == folded).map(|(_, _, targets)| *targets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab;

    #[test]
    fn every_target_is_in_the_v1_vocabulary() {
        for (_, v0, targets) in VALUES {
            for (field, value) in *targets {
                assert!(matches!(vocab::check(field, value), vocab::Check::Ok(_)), "{v0} → {field}: {value}");
            }
        }
    }

    #[test]
    fn finds_v0_values_with_their_explanation() {
        assert_eq!(
            value("frais_a_charge", "Adhésion : L'accès au lieu et/ou à ses services nécessite d'y adhérer"),
            Some(&[("frais_a_charge", "Payant")][..])
        );
        assert_eq!(
            value(
                "publics_specifiquement_adresses",
                "Handicaps mentaux : déficiences limitant les activités d'une personne"
            )
            .unwrap()[0],
            ("prise_en_charge_specifique", "Handicaps mentaux")
        );
        assert_eq!(value("services", "accéder à du matériel").unwrap().len(), 1);
        assert_eq!(value("frais_a_charge", "Accepte le Pass numérique : Il est possible…"), None);
    }
}
