//! The canonical style on whole entries: order, quoting, lists, records, comments, the body,
//! what is refused, and that formatting twice changes nothing.

use super::*;
use crate::model::Section;

fn place(text: &str) -> String {
    canonical(text, EntryKind::Place, &["pass_numerique"]).unwrap()
}

fn refused(text: &str) -> Kind {
    canonical(text, EntryKind::Place, &[]).unwrap_err().0
}

#[test]
fn fields_take_the_editor_order_unknown_ones_last_in_their_order() {
    let text = "---\nzeta: 1\ndate_maj: 2026-01-02\npass_numerique: true\nalpha: 2\ncode_postal: \"69008\"\nnom: A\n---\nCorps\n";
    assert_eq!(
        place(text),
        "---\nnom: A\ncode_postal: \"69008\"\npass_numerique: true\ndate_maj: 2026-01-02\nzeta: 1\nalpha: 2\n---\nCorps\n"
    );
}

#[test]
fn lists_are_block_lists_and_a_value_alone_becomes_a_list() {
    let text = "---\nnom: A\ntypologie: [BIB, CS]\nsite_web: https://a.fr/\nservices: []\n---\n";
    assert_eq!(
        place(text),
        "---\nnom: A\ntypologie:\n  - BIB\n  - CS\nsite_web:\n  - https://a.fr/\nservices: []\n---\n"
    );
}

#[test]
fn records_take_the_model_order() {
    let text = "---\ntitre: T\nseances:\n  - { fin: \"12:00\", debut: \"10:00\", date: 2027-02-24 }\n---\n";
    let offer = canonical(text, EntryKind::Offer, &[]).unwrap();
    assert_eq!(offer, "---\ntitre: T\nseances:\n  - date: 2027-02-24\n    debut: \"10:00\"\n    fin: \"12:00\"\n---\n");
    let text = "---\nnom: A\nfermetures:\n  - { motif: Congés, au: 2027-01-02, du: 2026-12-24 }\n---\n";
    assert_eq!(
        place(text),
        "---\nnom: A\nfermetures:\n  - du: 2026-12-24\n    au: 2027-01-02\n    motif: Congés\n---\n"
    );
    let practice = EntryKind::Network(Section::GoodPractices);
    let text = "---\ntitre: T\npieces_jointes:\n  - { titre: Guide, fichier: medias/g.pdf }\n---\n";
    let formatted = canonical(text, practice, &[]).unwrap();
    assert!(formatted.contains("  - fichier: medias/g.pdf\n    titre: Guide\n"), "{formatted}");
}

#[test]
fn comments_stay_with_their_field() {
    let text = "---\n# Le lieu\ndate_maj: 2026-01-02   # vérifiée\n# Son nom\nnom: 'A'\n# fin\n---\n";
    assert_eq!(place(text), "---\n# Son nom\nnom: A\n# Le lieu\ndate_maj: 2026-01-02   # vérifiée\n# fin\n---\n");
    assert_eq!(
        refused("---\nnom: A\nservices:\n  - a # le premier\n---\n"),
        Kind::Style(StyleKind::Comment { field: "services".into() })
    );
}

#[test]
fn the_body_is_kept_byte_for_byte_and_crlf_stays() {
    let body = "Texte  \r\n\n---\n# Titre\n\t- liste";
    let text = format!("\u{feff}---  \r\nnom:   \"A\"\r\n...\r\n{body}");
    assert_eq!(place(&text), format!("\u{feff}---\r\nnom: A\r\n---\r\n{body}"));
    assert_eq!(place("---\nnom: A\n---"), "---\nnom: A\n---\n");
}

#[test]
fn unreadable_files_and_tags_are_refused() {
    assert_eq!(refused("nom: A\n"), Kind::MissingFrontMatter);
    assert!(matches!(refused("---\nnom: [A\n---\n"), Kind::YamlSyntax { .. }));
    assert!(matches!(refused("---\nnom: A\nnom: B\n---\n"), Kind::DuplicateField { .. }));
    assert_eq!(refused("---\nnom: !texte A\n---\n"), Kind::Style(StyleKind::Tag));
    assert_eq!(
        refused("---\n{ nom: A, adresse: B }\n---\n"),
        Kind::Style(StyleKind::Unfaithful { field: "adresse".into() })
    );
}

#[test]
fn values_read_back_the_same() {
    let text = "---\nnom: \"Cité 'A' : #1\"\ncode_insee: 69388\nlatitude: 45.750\nlongitude: 4.8\nhoraires: Mo-Fr 09:00-12:00\ntelephone: '04 78 00 00 00'\nx: [yes, '10:00', \"\\t\"]\n---\n";
    let formatted = place(text);
    assert_eq!(
        formatted,
        "---\nnom: \"Cité 'A' : #1\"\ncode_insee: 69388\nlatitude: 45.75\nlongitude: 4.8\ntelephone: 04 78 00 00 00\nhoraires: Mo-Fr 09:00-12:00\nx:\n  - \"yes\"\n  - \"10:00\"\n  - \"\\t\"\n---\n"
    );
}

#[test]
fn formatting_twice_changes_nothing() {
    for text in [
        "---\n# a\nzeta: [1, {b: 2, a: [x, ~]}]\nnom: 'l''A' # n\nfermetures: [{du: 2026-01-01, au: 2026-01-02}]\n# z\n---\nB\n",
        "---\n---\n",
        "---\n# rien\n---\n",
        "---\nnom: |\n  deux\n  lignes\n---\n",
    ] {
        let once = place(text);
        assert_eq!(place(&once), once, "{text}");
    }
}

#[test]
fn a_new_entry_is_already_formatted() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    for kind in schema::kinds() {
        let text = crate::scaffold::entry(kind, "Médiathèque « Test » : 2", today);
        assert_eq!(canonical(&text, kind, &[]).unwrap(), text, "{kind:?}");
    }
}

#[test]
fn the_lines_to_change_are_located() {
    let old = "---\nnom: 'A'\ntypologie: [BIB]\ndate_maj: 2026-01-02\n---\n";
    let new = place(old);
    let differences = differences(old, &new);
    assert_eq!(differences.len(), 1);
    let (span, expected, insert) = &differences[0];
    assert_eq!(&old[span.clone()], "nom: 'A'\ntypologie: [BIB]");
    assert_eq!(expected, &["nom: A", "typologie:", "  - BIB"]);
    assert!(!insert);
}
