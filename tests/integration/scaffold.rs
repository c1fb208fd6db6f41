//! `resin new lieu|offre|page "Nom"`.

use crate::support::SiteTest;

#[test]
fn new_place_has_a_folded_slug_and_checks_once_filled() {
    let site = SiteTest::new();
    let run = site.run(&["new", "lieu", "Médiathèque de l'Île Barbe"]).expect_code(0);
    assert_eq!(run.stdout.trim(), "./content/lieux/mediatheque-de-l-ile-barbe.md");
    let text = site.read("content/lieux/mediatheque-de-l-ile-barbe.md");
    for field in
        ["nom:", "adresse:", "code_postal:", "horaires:", "services:", "frais_a_charge:", "date_maj: 2026-11-25"]
    {
        assert!(text.contains(field), "{field} missing");
    }
    assert!(text.contains("# obligatoire"), "fields are commented in French");
    // Left as is, the scaffold reports exactly the required fields still empty, on their line.
    let check = site.run(&["check", "--format", "json"]).expect_code(1);
    let missing: Vec<String> = check
        .diagnostics()
        .iter()
        .filter(|d| d["code"] == "champ-vide" && d["line"].as_u64() > Some(1))
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(missing.len(), 3, "{missing:?}");
    // Filled in, it is valid.
    let filled = text
        .replace("adresse: \"\"", "adresse: 2 rue de l'Île")
        .replace("code_postal: \"\"", "code_postal: \"69009\"")
        .replace("commune: \"\"", "commune: Lyon 9e Arrondissement");
    site.write("content/lieux/mediatheque-de-l-ile-barbe.md", &filled);
    site.run(&["check"]).expect_code(0);
}

#[test]
fn new_offer_and_page() {
    let site = SiteTest::new();
    site.run(&["new", "offre", "Atelier « Mon smartphone »"]).expect_code(0);
    assert!(site.exists("content/offres/atelier-mon-smartphone.md"));
    site.run(&["new", "page", "Nous contacter"]).expect_code(0);
    let page = site.read("content/pages/nous-contacter.md");
    assert!(page.contains("titre: \"Nous contacter\""));
}

#[test]
fn never_overwrites() {
    let site = SiteTest::new().file("content/lieux/cs-exemple.md", "à garder");
    let run = site.run(&["new", "lieu", "CS Exemple"]).expect_code(2);
    assert!(run.stderr.contains("existe déjà"), "{}", run.stderr);
    assert_eq!(site.read("content/lieux/cs-exemple.md"), "à garder");
}
