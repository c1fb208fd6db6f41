//! The order in which a person fills an entry in the web editor, and the one `resin fmt`
//! writes a file's fields in: for a place, name, address and commune, contact, hours,
//! services, then the rest, and the technical fields last (folded in the editor). Other types
//! of entry keep the table's order, already the order a person thinks in (title first).

use super::{Field, Type, fields};
use crate::load::EntryKind;

/// A place's fields as a person fills them; every field of [`super::LIEU`] once.
const PLACE: &[&str] = &[
    "nom",
    "typologie",
    "adresse",
    "complement_adresse",
    "commune",
    "code_postal",
    "code_insee",
    "latitude",
    "longitude",
    "telephone",
    "courriels",
    "site_web",
    "prise_rdv",
    "horaires",
    "fermetures",
    "services",
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "langues",
    "frais_a_charge",
    "modalites_acces",
    "modalites_accompagnement",
    "presentation_resume",
    "pieces_a_apporter",
    "dispositif_programmes_nationaux",
    "formations_labels",
    "autres_formations_labels",
    "itinerance",
    "structure_parente",
    "fiche_acces_libre",
    "partage_coordonnees_avec",
    // Technical: see TECHNICAL.
    "date_maj",
    "id",
    "pivot",
    "source",
];

/// Fields a person rarely touches: last, and folded in the editor. `date_maj` is set by the
/// editor itself at each save.
const TECHNICAL: &[&str] = &["date_maj", "id", "pivot", "source"];

/// The fields of `kind` in the editor's order.
pub fn in_editor_order(kind: EntryKind) -> Vec<&'static Field> {
    let all = fields(kind);
    match kind {
        EntryKind::Place => PLACE
            .iter()
            .map(|name| all.iter().find(|f| f.name == *name).expect("every name of PLACE is a field of a place"))
            .collect(),
        _ => all.iter().collect(),
    }
}

/// Whether `field` of `kind` is technical: last, and folded in the editor.
pub fn is_technical(kind: EntryKind, field: &str) -> bool {
    kind == EntryKind::Place && TECHNICAL.contains(&field)
}

/// The top-level keys of an entry of `kind` in the order its file gives them (`resin fmt`) and
/// the editor shows them (`admin/config.yml`): the editor's order, the territory's fields
/// (`extensions`, in the order `site.yaml` declares them) before the technical ones.
pub fn file_order<'a>(kind: EntryKind, extensions: &[&'a str]) -> Vec<&'a str> {
    let (technical, own): (Vec<&Field>, Vec<&Field>) =
        in_editor_order(kind).into_iter().partition(|f| is_technical(kind, f.name));
    let mut order: Vec<&'a str> = own.iter().map(|f| f.name).collect();
    order.extend(extensions.iter().filter(|name| !order.contains(name)).copied().collect::<Vec<_>>());
    order.extend(technical.iter().map(|f| f.name));
    order
}

/// The keys of one item of a list of records (`seances`, `fermetures`, `pieces_jointes`), in
/// the model's order; empty for the other kinds of value.
pub fn record_order(kind: Type) -> Vec<&'static str> {
    match kind {
        Type::Sessions => super::session_names(),
        Type::Closures => super::closure_names().to_vec(),
        Type::Attachments => ATTACHMENT.to_vec(),
        _ => Vec::new(),
    }
}

/// The keys of one item of `pieces_jointes`, in their order.
pub const ATTACHMENT: &[&str] = &["fichier", "titre"];

/// Whether a field holding `kind` is a list (the editor's `list` widget or a `select` with
/// `multiple`): `resin fmt` writes one value alone as a list of one item, as the editor does.
pub fn is_list(kind: Type) -> bool {
    matches!(
        kind,
        Type::Texts
            | Type::Tags
            | Type::Urls
            | Type::Emails
            | Type::Vocabulary(_)
            | Type::Languages
            | Type::Places
            | Type::Sessions
            | Type::Closures
            | Type::Attachments
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::kinds;

    #[test]
    fn the_editor_order_has_every_field_once() {
        for kind in kinds() {
            let mut ordered: Vec<&str> = in_editor_order(kind).iter().map(|f| f.name).collect();
            let mut table: Vec<&str> = fields(kind).iter().map(|f| f.name).collect();
            ordered.sort_unstable();
            table.sort_unstable();
            assert_eq!(ordered, table, "{kind:?}");
        }
    }

    #[test]
    fn technical_fields_come_last() {
        let ordered: Vec<&str> = in_editor_order(EntryKind::Place).iter().map(|f| f.name).collect();
        let first = ordered.iter().position(|n| is_technical(EntryKind::Place, n)).expect("a technical field");
        assert!(ordered[first..].iter().all(|n| is_technical(EntryKind::Place, n)), "{ordered:?}");
        assert_eq!(ordered[0], "nom");
    }

    #[test]
    fn the_file_order_puts_the_territory_before_the_technical_fields() {
        let order = file_order(EntryKind::Place, &["pass_numerique", "nom"]);
        let at = |name: &str| order.iter().position(|n| *n == name).unwrap();
        assert_eq!(order[0], "nom");
        assert_eq!(order.iter().filter(|n| **n == "nom").count(), 1);
        assert!(at("partage_coordonnees_avec") < at("pass_numerique"));
        assert!(at("pass_numerique") < at("date_maj"));
        assert_eq!(order.len(), fields(EntryKind::Place).len() + 1);
    }
}
