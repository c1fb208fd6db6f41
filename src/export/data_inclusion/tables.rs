//! The mapping tables from the national standard to data·inclusion's schema v1: data·inclusion's
//! own (its pipeline's `mediation_numerique` models, `_map_mediation_numerique__*`, and its final
//! `_map_reseaux_typologie`), kept as they are; a value without a counterpart maps to nothing.
//!
//! Every table is a plain slice, read by [`lookup`] and [`lookup_all`]; the values on the right
//! are those of the `data-inclusion-schema` package pinned in `tests/data-inclusion/`.

use crate::model::OfferKind;

/// `services` → `thematiques` (each service gives every theme of its row).
pub(super) const THEMES: &[(&str, &[&str])] = &[
    (
        "Accès internet et matériel informatique",
        &["numerique--acceder-a-une-connexion-internet", "numerique--acquerir-un-equipement"],
    ),
    ("Acquisition de matériel informatique à prix solidaire", &["numerique--acquerir-un-equipement"]),
    (
        "Aide aux démarches administratives",
        &[
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            "numerique--acceder-a-des-services-en-ligne",
        ],
    ),
    ("Compréhension du monde numérique", &["numerique--maitriser-les-fondamentaux-du-numerique"]),
    (
        "Insertion professionnelle via le numérique",
        &[
            "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
            "numerique--maitriser-les-fondamentaux-du-numerique",
        ],
    ),
    (
        "Loisirs et créations numériques",
        &["remobilisation--activites-sportives-et-culturelles", "numerique--maitriser-les-fondamentaux-du-numerique"],
    ),
    (
        "Maîtrise des outils numériques du quotidien",
        &["numerique--maitriser-les-fondamentaux-du-numerique", "numerique--acceder-a-des-services-en-ligne"],
    ),
    (
        "Parentalité et éducation avec le numérique",
        &["famille--soutien-a-la-parentalite-et-a-leducation", "numerique--maitriser-les-fondamentaux-du-numerique"],
    ),
    ("Utilisation sécurisée du numérique", &["numerique--maitriser-les-fondamentaux-du-numerique"]),
];

/// `modalites_accompagnement` → `type`; « À distance » has no type (it gives `modes_accueil`).
pub(super) const TYPES: &[(&str, &str)] = &[
    ("Accompagnement individuel", "accompagnement"),
    ("Dans un atelier collectif", "atelier"),
    ("En autonomie", "aide-materielle"),
];

/// An offer's `type` → `type`: resin's own field, so resin's own table (a workshop is
/// `atelier`, a drop-in `accompagnement`, a training `formation`, open access to equipment
/// `aide-materielle` as data·inclusion maps « En autonomie »).
pub(super) fn offer_type(kind: OfferKind) -> &'static str {
    match kind {
        OfferKind::Workshop => "atelier",
        OfferKind::DropIn => "accompagnement",
        OfferKind::Training => "formation",
        OfferKind::OpenAccess => "aide-materielle",
    }
}

/// When several kinds of support give several types, the one a service takes (data·inclusion's
/// order: a service has one type).
pub(super) const TYPE_PRIORITY: [&str; 3] = ["aide-materielle", "atelier", "accompagnement"];

/// `frais_a_charge` → `frais`: free under conditions is free (the condition goes to
/// `frais_precisions`); « Gratuit » wins over « Payant ».
pub(super) const COSTS: &[(&str, &str)] =
    &[("Gratuit", "gratuit"), ("Gratuit sous condition", "gratuit"), ("Payant", "payant")];

/// `publics_specifiquement_adresses` → `publics`.
pub(super) const PUBLICS: &[(&str, &str)] = &[
    ("Étudiants", "etudiants"),
    ("Familles et/ou enfants", "familles"),
    ("Femmes", "femmes"),
    ("Jeunes", "jeunes"),
    ("Seniors", "seniors"),
];

/// `modalites_acces` → `modes_mobilisation` (« Ce lieu n'accueille pas de public » has none).
pub(super) const MOBILISATION: &[(&str, &str)] = &[
    ("Contacter par mail", "envoyer-un-courriel"),
    ("Envoyer un mail avec une fiche de prescription", "envoyer-un-courriel"),
    ("Prendre un RDV en ligne", "utiliser-lien-mobilisation"),
    ("Se présenter", "se-presenter"),
    ("Téléphoner", "telephoner"),
];

/// `dispositif_programmes_nationaux` → `reseaux_porteurs` (the other programmes have no network
/// in data·inclusion's list).
pub(super) const NETWORKS: &[(&str, &str)] = &[
    ("Aidants Connect", "aidants-connect"),
    ("Conseillers numériques", "conseillers-numeriques"),
    ("France Services", "france-service"),
    ("Grande école du numérique", "grandes-ecoles-du-numerique"),
    ("La Croix Rouge", "croix-rouge"),
];

/// `typologie` → `reseaux_porteurs`: data·inclusion's final table, for the codes whose network
/// the pinned schema accepts (CCAS and CIAS: `ccas-cias`, the schema's name for the table's
/// `unccas`; `residences-fjt` for its `residence-fjt`).
pub(super) const TYPOLOGY_NETWORKS: &[(&str, &str)] = &[
    ("AFPA", "afpa"),
    ("ASE", "ase"),
    ("AVIP", "creches-avip"),
    ("CAARUD", "caarud"),
    ("CADA", "cada"),
    ("CAF", "caf"),
    ("CAP_EMPLOI", "cap-emploi-reseau-cheops"),
    ("CAVA", "cava"),
    ("CCAS", "ccas-cias"),
    ("CCONS", "chambres-consulaires"),
    ("CD", "departements"),
    ("CDAS", "departements"),
    ("CHRS", "chrs"),
    ("CHU", "chu"),
    ("CIAS", "ccas-cias"),
    ("CIDFF", "cidff"),
    ("CMP", "cmp"),
    ("CMS", "cms"),
    ("CPAM", "cpam"),
    ("CPH", "cph"),
    ("CS", "fcsf"),
    ("CSAPA", "csapa"),
    ("CSC", "fcsf"),
    ("DEETS", "regions"),
    ("DEPT", "departements"),
    ("E2C", "ecoles-de-la-deuxieme-chance"),
    ("EA", "unea"),
    ("EATT", "unea"),
    ("ENM", "espaces-publics-numeriques"),
    ("EPCI", "communes"),
    ("EPI", "espaces-publics-numeriques"),
    ("EPIDE", "epide"),
    ("EPN", "espaces-publics-numeriques"),
    ("EVS", "caf"),
    ("FAIS", "federation-des-acteurs-de-la-solidarite"),
    ("FT", "france-travail"),
    ("GEIQ", "geiq"),
    ("HUDA", "huda"),
    ("LA_POSTE", "la-poste"),
    ("MDE", "maisons-de-l-emploi"),
    ("MDEF", "maisons-de-l-emploi"),
    ("MDPH", "departements"),
    ("MDS", "departements"),
    ("MJC", "mjc"),
    ("ML", "mission-locale"),
    ("MQ", "communes"),
    ("MSA", "mutualite-sociale-agricole"),
    ("MSAP", "msap"),
    ("MUNI", "communes"),
    ("PIJ_BIJ", "reseau-information-jeunesse"),
    ("PIMMS", "pimms-mediation"),
    ("PJJ", "pjj"),
    ("PLIE", "plie"),
    ("PREF", "regions"),
    ("REG", "regions"),
    ("RFS", "france-service"),
    ("RS_FJT", "residences-fjt"),
    ("SPIP", "spip"),
    ("UDAF", "departements"),
];

/// The value `key` maps to in `table`, if any.
pub(super) fn lookup(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// Every value the `keys` map to in `table`, sorted, without duplicates.
pub(super) fn lookup_all(table: &[(&str, &'static str)], keys: &[String]) -> Vec<&'static str> {
    let mut values: Vec<&'static str> = keys.iter().filter_map(|k| lookup(table, k)).collect();
    values.sort_unstable();
    values.dedup();
    values
}

/// The themes of `services`, sorted, without duplicates.
pub(super) fn themes(services: &[String]) -> Vec<&'static str> {
    let mut values: Vec<&'static str> = services
        .iter()
        .filter_map(|s| THEMES.iter().find(|(k, _)| k == s))
        .flat_map(|(_, themes)| themes.iter().copied())
        .collect();
    values.sort_unstable();
    values.dedup();
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab;

    /// Every key of `table` is a value of the standard's vocabulary `name`.
    fn keys_in_vocabulary(keys: impl IntoIterator<Item = &'static str>, name: &str) {
        let allowed = vocab::values(name);
        for key in keys {
            assert!(allowed.iter().any(|v| v == key), "{key} n'est pas une valeur de {name}");
        }
    }

    #[test]
    fn every_key_is_a_value_of_the_standard() {
        keys_in_vocabulary(THEMES.iter().map(|(k, _)| *k), "services");
        keys_in_vocabulary(TYPES.iter().map(|(k, _)| *k), "modalites_accompagnement");
        keys_in_vocabulary(COSTS.iter().map(|(k, _)| *k), "frais_a_charge");
        keys_in_vocabulary(PUBLICS.iter().map(|(k, _)| *k), "publics_specifiquement_adresses");
        keys_in_vocabulary(MOBILISATION.iter().map(|(k, _)| *k), "modalites_acces");
        keys_in_vocabulary(NETWORKS.iter().map(|(k, _)| *k), "dispositif_programmes_nationaux");
        keys_in_vocabulary(TYPOLOGY_NETWORKS.iter().map(|(k, _)| *k), "typologie");
    }

    #[test]
    fn every_service_of_the_standard_has_themes() {
        for service in vocab::values("services") {
            assert!(!themes(std::slice::from_ref(service)).is_empty(), "{service} sans thématique");
        }
    }

    #[test]
    fn values_map_as_data_inclusion_maps_them() {
        let list = |values: &[&str]| values.iter().map(|v| v.to_string()).collect::<Vec<_>>();
        assert_eq!(
            themes(&list(&["Maîtrise des outils numériques du quotidien", "Utilisation sécurisée du numérique"])),
            ["numerique--acceder-a-des-services-en-ligne", "numerique--maitriser-les-fondamentaux-du-numerique"]
        );
        assert_eq!(
            lookup_all(MOBILISATION, &list(&["Téléphoner", "Ce lieu n'accueille pas de public", "Contacter par mail"])),
            ["envoyer-un-courriel", "telephoner"]
        );
        assert_eq!(lookup_all(NETWORKS, &list(&["Certification PIX", "France Services"])), ["france-service"]);
        assert_eq!(lookup(TYPOLOGY_NETWORKS, "BIB"), None);
        assert_eq!(lookup(TYPOLOGY_NETWORKS, "ML"), Some("mission-locale"));
        assert_eq!(lookup(TYPES, "À distance"), None);
    }
}
