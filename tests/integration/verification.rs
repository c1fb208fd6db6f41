//! What keeps the directory true (issue 21, sections 4 and 5): `check` answers hours written
//! the French way with their OSM value and a malformed postcode with the commune's, without
//! changing the entry; each place page says when its information was checked, and after a year
//! to call before going; `resin fraicheur` lists the places for a verification campaign.

use crate::support::{SiteTest, repo};

/// A place of Bron whose animator wrote the hours in French and dropped a digit of the postcode.
const BRON: &str = "\
---
nom: Espace numérique de test
adresse: 1 rue de test
code_postal: \"6950\"
commune: Bron
latitude: 45.7345
longitude: 4.9119
horaires: \"du lundi au vendredi de 9h à 12h et de 14h à 17h\"
services: [Aide aux démarches administratives]
date_maj: 2026-03-03
---
Texte.
";

#[test]
fn check_proposes_the_osm_hours_and_the_communes_postcode_and_keeps_both_errors() {
    let site = SiteTest::example().file("content/lieux/espace-test.md", BRON);
    let json = site.run(&["check", "--format", "json"]).expect_code(1);
    let diagnostics = json.diagnostics();
    let help = |code: &str| -> String {
        let found: Vec<_> = diagnostics.iter().filter(|d| d["code"] == code).collect();
        assert_eq!(found.len(), 1, "{code}: {diagnostics:#?}");
        assert_eq!(found[0]["severity"], "error", "never converted silently: {code} stays an error");
        found[0]["help"].as_str().expect("a help").to_string()
    };
    assert!(help("horaires").contains("vouliez-vous dire « Mo-Fr 09:00-12:00,14:00-17:00 » ?"));
    assert!(help("code-postal").contains("69500"));
    let human = site.run(&["check"]).expect_code(1);
    insta::assert_snapshot!("french_hours_and_postcode", human.stderr);
    // The entry is left as it was written.
    assert_eq!(site.read("content/lieux/espace-test.md"), BRON);
}

/// The same postcode written as a number (without quotes): the help completes it from the commune too.
#[test]
fn a_short_postcode_written_as_a_number_is_completed_from_the_commune() {
    let site = SiteTest::example().file("content/lieux/espace-test.md", &BRON.replace("\"6950\"", "6950"));
    let json = site.run(&["check", "--format", "json"]).expect_code(1);
    let diagnostics = json.diagnostics();
    let number = diagnostics.iter().find(|d| d["code"] == "code-nombre").expect("the number");
    assert_eq!(number["help"], "écrivez le code postal de Bron entre guillemets : `code_postal: \"69500\"`");
}

/// Hours the reader is unsure of keep the general help: no guess.
#[test]
fn unsure_french_hours_keep_the_general_help() {
    let unsure = BRON.replace("du lundi au vendredi de 9h à 12h et de 14h à 17h", "lundi matin sur rendez-vous");
    let site = SiteTest::example().file("content/lieux/espace-test.md", &unsure);
    let json = site.run(&["check", "--format", "json"]).expect_code(1);
    let diagnostics = json.diagnostics();
    let hours = diagnostics.iter().find(|d| d["code"] == "horaires").expect("the hours error");
    let help = hours["help"].as_str().expect("a help");
    assert!(help.starts_with("utilisez la syntaxe OpenStreetMap"), "{help}");
}

#[test]
fn the_import_report_proposes_the_osm_hours() {
    let site = SiteTest::example();
    let csv = repo().join("tests/fixtures/import/defauts.csv");
    let run = site.run(&["import", csv.to_str().expect("UTF-8 path"), "--dry-run"]).expect_code(0);
    assert!(
        run.stdout.contains("horaires « du lundi au vendredi 9h-12h » illisibles")
            && run.stdout.contains("vouliez-vous dire « Mo-Fr 09:00-12:00 » ?"),
        "{}",
        run.stdout
    );
}

/// The line of a place page that says when its information was checked.
fn freshness_line(page: &str) -> &str {
    let start = page.find("<p class=\"verification").expect("the freshness line");
    let end = start + page[start..].find("</p>").expect("its end") + "</p>".len();
    &page[start..end]
}

#[test]
fn a_place_page_says_when_it_was_checked_and_after_a_year_to_call_first() {
    let site = SiteTest::example();
    site.build();
    let page = site.read("public/lieux/mjc-de-montessuy/index.html");
    assert_eq!(
        freshness_line(&page),
        "<p class=\"verification\">Informations vérifiées le <time datetime=\"2026-01-13\">13 janvier 2026</time>.</p>"
    );
    // The line sits between the hours and the contacts, on screen and on paper.
    let at = page.find("<p class=\"verification").expect("the line");
    assert!(
        page.find("<h2>Horaires</h2>").expect("hours") < at && at < page.find("<h2>Contact</h2>").expect("contact")
    );

    // Fourteen months later (the build goes on: an old date is a warning).
    let later = site.run_with(&["build"], &[("RESIN_DATE", "2027-03-15")]).expect_code(0);
    assert!(later.stderr.contains("date-ancienne"), "{}", later.stderr);
    let page = site.read("public/lieux/mjc-de-montessuy/index.html");
    assert_eq!(
        freshness_line(&page),
        "<p class=\"verification ancienne\">Informations vérifiées le <time datetime=\"2026-01-13\">13 janvier 2026</time>. \
         Elles datent de plus d'un an et ont pu changer : appelez le lieu avant de vous déplacer.</p>"
    );
    // A place checked less than a year before keeps the plain line.
    let recent = site.read("public/lieux/bus-numerique-solidaire/index.html");
    assert!(!freshness_line(&recent).contains("plus d'un an"));
}

#[test]
fn fraicheur_lists_the_places_oldest_first_as_text_and_csv() {
    let site = SiteTest::example();
    let date = [("RESIN_DATE", "2027-03-01")];
    let text = site.run_with(&["fraicheur"], &date).expect_code(0);
    assert!(text.stdout.starts_with("2026-01-13  content/lieux/mjc-de-montessuy.md"), "{}", text.stdout);
    insta::assert_snapshot!("fraicheur_texte", text.stdout);
    let csv = site.run_with(&["fraicheur", "--format", "csv"], &date).expect_code(0);
    assert!(csv.stdout.starts_with("fichier,nom,date_maj,courriel\r\n"));
    insta::assert_snapshot!("fraicheur_csv", csv.stdout);
    // The summary goes to stderr, so that the CSV stays a file for a mail merge.
    assert_eq!(csv.stderr.trim_end(), text.stdout.lines().last().expect("a summary"));
}

#[test]
fn fraicheur_says_when_places_with_errors_are_missing() {
    let site = SiteTest::example().file("content/lieux/espace-test.md", BRON);
    let run = site.run(&["fraicheur"]).expect_code(0);
    assert!(!run.stdout.contains("espace-test"), "{}", run.stdout);
    assert!(run.stderr.contains("le contenu a 2 erreurs ; les lieux concernés manquent à la liste"), "{}", run.stderr);
}
