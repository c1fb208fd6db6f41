//! Copied entries (`fiche-copiee`): a place that shares what identifies another place while its
//! name differs. What is legitimate sharing stays quiet; the rate on the real exports of
//! `data/exports/` is measured.

use crate::support::{SiteTest, repo};

/// A place of the 8th arrondissement with a phone, an e-mail, an Acceslibre sheet and a text.
fn place(nom: &str, adresse: &str, extra: &str, text: &str) -> String {
    format!(
        "---\nnom: {nom}\nadresse: {adresse}\ncode_postal: \"69008\"\ncommune: Lyon 8e Arrondissement\n\
         code_insee: \"69388\"\nlatitude: 45.7372\nlongitude: 4.8710\nhoraires: \"Tu,Th 13:00-19:00\"\n\
         services: [Aide aux démarches administratives]\ndate_maj: 2026-03-03\n{extra}---\n{text}\n"
    )
}

const LONG: &str = "La médiathèque accueille chacun pour une démarche en ligne, un courriel ou un dossier à remplir.";
const CONTACTS: &str = "telephone: 04 78 00 00 01\ncourriels: [accueil@exemple.fr]\n";
const SHEET: &str = "fiche_acces_libre: https://acceslibre.beta.gouv.fr/app/exemple/bachut/\n";

fn copied(test: &SiteTest) -> Vec<serde_json::Value> {
    let run = test.run(&["check", "--format", "json"]);
    run.diagnostics().into_iter().filter(|d| d["code"] == "fiche-copiee").collect()
}

#[test]
fn a_copied_place_is_reported_once_on_the_later_file() {
    let test = SiteTest::new()
        .file("content/lieux/bachut.md", &place("Médiathèque du Bachut", "2 place du 11 Novembre 1918", CONTACTS, LONG))
        .file(
            "content/lieux/trou.md",
            &place("Centre social du Grand Trou", "21 rue Saint-Mathieu", CONTACTS, "Bienvenue."),
        );
    let found = copied(&test);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["file"], "content/lieux/trou.md");
    assert_eq!(found[0]["line"], 12, "the later file's `telephone`");
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.contains("content/lieux/bachut.md (ligne 12)")
            && message.contains("le même courriel et le même téléphone")
    );
    assert!(!message.contains("présentation"), "{message}");
    assert!(found[0]["help"].as_str().unwrap().contains("`partage_coordonnees_avec: [bachut]`"));
}

#[test]
fn a_declared_sharing_is_quiet_and_must_name_a_place() {
    let shared = format!("{CONTACTS}partage_coordonnees_avec: [bachut]\n");
    let test = SiteTest::new()
        .file("content/lieux/bachut.md", &place("Médiathèque du Bachut", "2 place du 11 Novembre 1918", CONTACTS, LONG))
        .file("content/lieux/trou.md", &place("Centre social du Grand Trou", "21 rue Saint-Mathieu", &shared, LONG));
    assert!(copied(&test).is_empty());
    test.run(&["check"]).expect_code(0);

    let misspelt = format!("{CONTACTS}partage_coordonnees_avec: [bachutt]\n");
    test.write("content/lieux/trou.md", &place("Centre social du Grand Trou", "21 rue Saint-Mathieu", &misspelt, LONG));
    let run = test.run(&["check", "--format", "json"]);
    let unknown: Vec<_> = run.diagnostics().into_iter().filter(|d| d["code"] == "lieu-inconnu").collect();
    assert_eq!(unknown.len(), 1, "{}", run.stdout);
    assert_eq!((unknown[0]["line"].as_u64(), unknown[0]["column"].as_u64()), (Some(14), Some(28)));
    assert!(unknown[0]["message"].as_str().unwrap().contains("« bachutt »"), "{}", unknown[0]);
    assert_eq!(copied(&test).len(), 1, "an unknown name declares nothing");
}

#[test]
fn legitimate_sharing_is_not_reported() {
    let itinerant = |n: u32| place(&format!("Mairie {n}"), &format!("{n} place de la Mairie"), CONTACTS, "Bienvenue.");
    let test = SiteTest::new()
        // One adviser's phone and e-mail at three places.
        .file("content/lieux/a.md", &itinerant(1))
        .file("content/lieux/b.md", &itinerant(2))
        .file("content/lieux/c.md", &itinerant(3))
        // A network's e-mail alone; a short generic text.
        .file(
            "content/lieux/d.md",
            &place("Point A", "1 rue A", "courriels: [reseau@exemple.fr]\n", "Bienvenue à tous."),
        )
        .file(
            "content/lieux/e.md",
            &place("Point B", "2 rue B", "courriels: [reseau@exemple.fr]\n", "Bienvenue à tous."),
        )
        // One building, two places, one Acceslibre sheet.
        .file("content/lieux/f.md", &place("Médiathèque", "5 rue du Pont", SHEET, "Bienvenue."))
        .file("content/lieux/g.md", &place("France Services", "5 rue du Pont", SHEET, "Bonjour."));
    assert!(copied(&test).is_empty(), "{:#?}", copied(&test));

    // The same sheet at another address is reported.
    test.write("content/lieux/g.md", &place("France Services", "9 rue du Pont", SHEET, "Bonjour."));
    let found = copied(&test);
    assert_eq!(found.len(), 1);
    assert!(found[0]["message"].as_str().unwrap().contains("la même fiche Acceslibre (à une autre adresse)"));
}

/// The real exports imported whole (each in a site whose territory holds it), then checked:
/// the warnings are few, and each is printed for review.
#[test]
fn the_real_exports_give_few_warnings() {
    let cases = [
        (
            "lieux-hinaura-auvergne-rhone-alpes-2022.json",
            "Auvergne-Rhône-Alpes",
            "{ ouest: 2.0, sud: 44.1, est: 7.2, nord: 46.9 }",
            "{ latitude: 45.5, longitude: 4.5 }",
            7,
        ),
        (
            "lieux-hub-du-sud-paca-2023-v1.json",
            "Provence-Alpes-Côte d'Azur",
            "{ ouest: 4.2, sud: 42.9, est: 7.8, nord: 45.2 }",
            "{ latitude: 43.9, longitude: 6.0 }",
            3,
        ),
    ];
    for (file, region, bounds, centre, expected) in cases {
        let site = SiteTest::new().file(
            "content/site.yaml",
            &format!(
                "titre: Test\ndescription: Un site de test.\nurl: https://test.exemple.fr/\nterritoire:\n  nom: {region}\n  \
                 emprise: {bounds}\n  centre: {centre}\ncontact: contact@exemple.fr\n"
            ),
        );
        let export = repo().join("data/exports").join(file);
        site.run(&["import", export.to_str().unwrap()]).expect_code(0);
        let places = std::fs::read_dir(site.root().join("content/lieux")).unwrap().count();
        let found = copied(&site);
        for d in &found {
            eprintln!("{file}: {} — {}", d["file"], d["message"]);
        }
        eprintln!("{file}: {} warnings for {places} places", found.len());
        assert_eq!(found.len(), expected, "{file}: {places} places");
    }
}
