//! The tables against the vocabularies the validator accepts: every value has its words, no
//! two values of a vocabulary share them, and no table names a value the standard lacks.

use std::collections::BTreeMap;

use super::*;
use crate::vocab;

#[test]
fn every_value_of_every_vocabulary_has_plain_words() {
    let mut missing = Vec::new();
    for field in vocab::fields() {
        for value in vocab::values(field) {
            if label(field, value).is_none() {
                missing.push(format!("{field}: {value}"));
            }
        }
    }
    assert!(missing.is_empty(), "values without words in src/render/labels.rs: {missing:#?}");
}

#[test]
fn the_words_of_a_vocabulary_are_unique() {
    let same: Vec<&str> = TYPOLOGY_SAME.iter().map(|(other, _)| *other).collect();
    for field in vocab::fields() {
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        // A code the same as another is shown in its words, on purpose.
        let values = vocab::values(field).iter().filter(|v| field != "typologie" || !same.contains(&v.as_str()));
        for value in values {
            let words = label(field, value).unwrap_or_default();
            if let Some(other) = seen.insert(words, value) {
                panic!("{field}: « {other} » and « {value} » are both shown as « {words} »");
            }
        }
    }
    let services = || SERVICES.iter().map(|(_, l)| *l);
    assert_unique("services (plain)", services().map(|l| l.plain));
    assert_unique("prise_en_charge_specifique (need)", SUPPORT.iter().map(|s| s.need));
    assert_unique("prise_en_charge_specifique (reason)", SUPPORT.iter().map(|s| s.reason));
    assert_unique("publics (in a sentence)", PUBLICS.iter().map(|p| p.in_sentence));
}

fn assert_unique<'a>(what: &str, words: impl Iterator<Item = &'a str>) {
    let mut seen = Vec::new();
    for w in words {
        assert!(!seen.contains(&w), "{what}: « {w} » twice");
        seen.push(w);
    }
}

#[test]
fn the_tables_name_only_the_standards_values() {
    let known = |field: &str, value: &str| vocab::values(field).iter().any(|v| v == value);
    let mut tables: Vec<(&str, Vec<&str>)> = vec![
        ("services", SERVICES.iter().map(|(v, _)| *v).collect()),
        ("publics_specifiquement_adresses", PUBLICS.iter().map(|p| p.value).collect()),
        ("prise_en_charge_specifique", SUPPORT.iter().map(|s| s.value).collect()),
        ("typologie", TYPOLOGIES.iter().chain(&TYPOLOGY_SAME).map(|(v, _)| *v).collect()),
    ];
    tables.extend(WORDS.iter().map(|(field, words)| (*field, words.iter().map(|(v, _)| *v).collect())));
    for (field, values) in tables {
        for value in values {
            assert!(known(field, value), "{field}: « {value} » is not a value of the standard");
        }
    }
    for (_, new) in TYPOLOGY_SAME {
        assert!(TYPOLOGIES.iter().any(|(code, _)| *code == new), "{new}");
    }
}

#[test]
fn residents_read_no_outdated_wording() {
    assert_eq!(typologie("MSAP"), "France Services");
    assert_eq!(typologies(&["MSAP".into(), "RFS".into(), "EPN".into()]), "France Services, Espace public numérique");
    assert_eq!(plain("prise_en_charge_specifique", "Langues étrangères (autres)"), "Accueil en langues étrangères");
    assert_eq!(
        plain("dispositif_programmes_nationaux", "Bibliothèques numérique de référence"),
        "Bibliothèque numérique de référence"
    );
    // National programmes keep their public names.
    assert_eq!(plain("dispositif_programmes_nationaux", "Aidants Connect"), "Aidants Connect");
    assert_eq!(plain("dispositif_programmes_nationaux", "Conseillers numériques"), "Conseillers numériques");
    // A territory's own label, outside the standard, is shown as written.
    assert_eq!(plain("formations_labels", "Pass numérique"), "Pass numérique");
    assert_eq!(plain_list("frais_a_charge", &["Gratuit".into(), "Payant".into()]), ["Gratuit", "Payant"]);
}

#[test]
fn services_in_words() {
    assert_eq!(
        service_plain("Aide aux démarches administratives"),
        "Faire mes démarches en ligne (CAF, impôts, santé…)"
    );
    assert_eq!(label("services", "Aide aux démarches administratives"), Some("Démarches en ligne"));
    assert_eq!(service_plain("Autre chose"), "Autre chose");
}

#[test]
fn typologies_in_words() {
    assert_eq!(typologie("BIB"), "Bibliothèque, médiathèque");
    assert_eq!(typologie("INCONNU"), "INCONNU");
    assert_eq!(typologies(&["CS".into(), "CSC".into(), "EPN".into()]), "Centre social, Espace public numérique");
}

#[test]
fn publics_and_support_in_words() {
    assert_eq!(public_plain("Familles et/ou enfants"), "les familles et les enfants");
    assert_eq!(label("publics_specifiquement_adresses", "Familles et/ou enfants"), Some("Familles et enfants"));
    assert_eq!(support_need("Surdité"), "Est sourde ou malentendante");
    assert_eq!(support_reason("Autre"), "accueil adapté : autre");
}

#[test]
fn counts_agree() {
    assert_eq!(count(1, "lieu", "lieux"), "1 lieu");
    assert_eq!(count(44, "lieu", "lieux"), "44 lieux");
}
