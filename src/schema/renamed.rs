//! The other names of fields: those of older versions of the standard, which `resin import`
//! renames, and the slips seen in hand-written entries, which `resin check` suggests fixing.
//! The field renames are the standard's own (`data/standard/README.md`).

/// v0 field name → v1 field name.
pub(crate) const RENAMED_FIELDS: &[(&str, &str)] = &[
    ("courriel", "courriels"),
    ("labels_nationaux", "dispositif_programmes_nationaux"),
    ("labels_autres", "autres_formations_labels"),
    ("conditions_acces", "frais_a_charge"),
    ("accessibilite", "fiche_acces_libre"),
    ("publics_accueillis", "publics_specifiquement_adresses"),
    ("cle_publique", "id"),
    ("code_commune", "code_insee"),
];

/// Other names seen for a field, besides the v0 names of [`RENAMED_FIELDS`]:
/// suggested for unknown fields.
pub(crate) const OTHER_NAMES: &[(&str, &str)] = &[("horaire", "horaires")];

/// The current name of a field written under an old or mistaken name, if it is one.
pub(crate) fn new_name(name: &str) -> Option<&'static str> {
    RENAMED_FIELDS.iter().chain(OTHER_NAMES).find(|(old, _)| *old == name).map(|(_, new)| *new)
}
