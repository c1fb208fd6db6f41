//! `/orienter/`, "Orienter une personne": the plain form (what it sends without JavaScript),
//! the data the shortlist is computed from, the QR codes printed on the fiche, the needs of
//! `site.yaml` with their located mistakes; and the ranking's unit tests, run in Node on the
//! fixture directory `tests/fixtures/orientation`.

use std::process::Command;

use serde_json::Value;

use crate::support::{PLACE, SiteTest, copy_dir, repo};

fn json(site: &SiteTest, path: &str) -> Value {
    serde_json::from_str(&site.read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_ranking_passes_its_unit_tests_in_node() {
    // Node alone: no npm package, no browser.
    if Command::new("node").arg("--version").output().is_err() {
        let skip = std::env::var_os("RESIN_SANS_NAVIGATEUR").is_some_and(|v| v == "1");
        assert!(skip, "Node.js absent : `apt-get install nodejs` (ou RESIN_SANS_NAVIGATEUR=1 pour sauter ces tests)");
        return;
    }
    let site = SiteTest::new();
    copy_dir(&repo().join("tests/fixtures/orientation"), site.root());
    site.run(&["check", "--strict"]).expect_code(1); // Delta has no hours: on purpose.
    site.build();
    let output = Command::new("node")
        .args(["--test", "--test-reporter=spec", "tests/orientation/"])
        .current_dir(repo())
        .env("RESIN_SITE", site.root().join("public"))
        .output()
        .expect("node runs (apt-get install nodejs)");
    let report = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "tests du classement en échec :\n{report}");
    assert!(report.contains("pass 11"), "the eleven ranking tests ran:\n{report}");
}

#[test]
fn the_form_leads_to_the_filtered_directory_without_javascript() {
    let site = SiteTest::example();
    site.build();
    let page = site.read("public/orienter/index.html");
    assert!(page.contains("<h1>Orienter une personne</h1>"));
    // A plain GET form to the directory, whose fields are the directory's filters.
    assert!(page.contains(r#"<form id="orienter" class="orienter" action="/lieux/" method="get""#), "{page}");
    assert!(page.contains(r#"<select id="o-besoin" name="besoin" required"#));
    assert!(page.contains(
        r#"<option value="aide-aux-demarches-administratives" data-demande="faire-une-demarche-caf">Faire une démarche CAF (prime d&#39;activité, APL, RSA…)</option>"#
    ), "each need sends its first service to the directory, and names itself for the shortlist");
    assert!(page.contains(r#"<option value="venissieux">Vénissieux</option>"#), "communes for `depuis`");
    assert!(page.contains(r#"name="accompagnement" value="langues-etrangeres-autres""#));
    assert!(
        page.contains(
            r#"<label for="o-acc-langues-etrangeres-autres">Parle une autre langue (arabe, espagnol…)</label>"#
        )
    );
    assert!(page.contains(r#"<input type="checkbox" id="o-gratuit" name="gratuit" value="1">"#));
    assert!(page.contains(r#"<select id="o-type" name="type"><option value="">Les deux conviennent</option>"#));
    // What the directory cannot filter is disabled until the script turns it on: it is not sent.
    assert!(page.contains(r#"<fieldset class="etape" id="o-dispo" hidden disabled>"#));
    for field in [
        r#"name="cp" autocomplete="off" spellcheck="false" aria-describedby="o-adresse-aide o-adresse-erreur" disabled>"#,
        r#"name="sansrdv" value="1" disabled"#,
        r#"name="langue" autocomplete="off" disabled"#,
    ] {
        assert!(page.contains(field), "{field}");
    }
    // Without JavaScript: each need leads to its service's page, a list that needs no script.
    assert!(page.contains(r#"<li><a href="/services/aide-aux-demarches-administratives/">Faire une démarche CAF (prime d&#39;activité, APL, RSA…)</a></li>"#));
    assert!(page.find("<noscript>").unwrap() < page.find("<form").unwrap(), "said before the form");
    // The privacy note and the ranking in words.
    assert!(page.contains("ce que vous saisissez reste sur cet appareil"));
    assert!(page.contains("aucun outil de mesure d'audience"));
    assert!(page.contains("Comment les lieux sont choisis et classés"));
    assert!(page.contains("30 sur place, 3 de moins par kilomètre"));
    // In the menu of every page.
    assert!(page.contains(r#"<a href="/orienter/" aria-current="page">Orienter</a>"#));
    assert!(site.read("public/index.html").contains(r#"<a href="/orienter/">Orienter</a>"#));
    // And the directory it leads to understands those fields (annuaire.js).
    let script = site.read("public/static/annuaire.js");
    for field in ["'besoin'", "'depuis'", "'accompagnement'", "'gratuit'", "'type'"] {
        assert!(script.contains(field), "{field}");
    }
}

#[test]
fn the_shortlist_data_completes_the_directory_index() {
    let site = SiteTest::example();
    site.build();
    let index = json(&site, "public/lieux/recherche.json");
    let data = json(&site, "public/orienter/donnees.json");
    let needs: Vec<&str> = data["demandes"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(needs.len(), 10, "the needs of site.yaml");
    assert_eq!(needs[0], "faire-une-demarche-caf");
    assert_eq!(data["demandes"][0]["k"][0], "Numéro d'allocataire CAF");
    assert_eq!(
        data["demandes"][1]["s"],
        serde_json::json!([2, 0]),
        "France Travail: two services, in the standard's order"
    );
    // One entry per place of the index, in its order.
    let places = index["lieux"].as_array().unwrap();
    assert_eq!(data["lieux"].as_array().unwrap().len(), places.len());
    let at = places.iter().position(|l| l["n"] == "France Services Vénissieux").unwrap();
    let venissieux = &data["lieux"][at];
    assert_eq!(venissieux["c"], "franceservices@venissieux.exemple.fr", "where referrals go");
    let modes: Vec<&str> = venissieux["m"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| data["acces"][k.as_u64().unwrap() as usize].as_str().unwrap())
        .collect();
    assert_eq!(modes, ["Se présenter", "Téléphoner", "Envoyer un mail avec une fiche de prescription"]);
    assert_eq!(venissieux["k"][2], "Vos identifiants (CAF, Ameli, impots.gouv) si vous les avez");
    let offers: Vec<&str> = venissieux["o"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| data["offres"][k.as_u64().unwrap() as usize]["n"].as_str().unwrap())
        .collect();
    assert_eq!(offers, ["Coup de pouce numérique sans rendez-vous"]);
    let coup_de_pouce = data["offres"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["n"] == "Coup de pouce numérique sans rendez-vous")
        .unwrap();
    // Wednesdays 14 h – 17 h, in the index's 14 days from Wednesday 25 November.
    assert_eq!(coup_de_pouce["o"], serde_json::json!([[0, 840, 1020], [7, 840, 1020]]));
    // Postcodes lead to communes, the most precise first.
    let communes = index["communes"].as_array().unwrap();
    let name = |code: &str| communes[data["postaux"][code][0].as_u64().unwrap() as usize][0].as_str().unwrap();
    assert_eq!(name("69200"), "Vénissieux");
    assert_eq!(name("69008"), "Lyon 8e Arrondissement");
    assert_eq!(data["raisons"].as_array().unwrap().len(), index["prises"].as_array().unwrap().len());
    // The QR code of every place's page, for the fiche.
    for place in places {
        let path = format!("public{}qr.svg", place["u"].as_str().unwrap());
        let svg = site.read(&path);
        assert!(svg.starts_with("<?xml") && svg.contains("<svg") && svg.contains("<path d=\"M"), "{path}");
    }
}

#[test]
fn needs_default_to_the_standard_services() {
    let site = SiteTest::new().file("content/lieux/bachut.md", PLACE);
    site.build();
    let data = json(&site, "public/orienter/donnees.json");
    let needs = data["demandes"].as_array().unwrap();
    assert_eq!(needs.len(), 9, "one need per service of the standard");
    assert_eq!(needs[0]["l"], "Faire mes démarches en ligne (CAF, impôts, santé…)", "in plain words");
    assert_eq!(needs[0]["id"], "faire-mes-demarches-en-ligne", "the words before the bracket");
    let page = site.read("public/orienter/index.html");
    assert!(page.contains(r#"data-demande="acheter-un-ordinateur-ou-un-telephone-pas-cher""#));
}

#[test]
fn mistakes_in_the_needs_are_located() {
    let cases = [
        (
            "    - libelle: Faire une démarche CAF\n      services: [Aide aux démarches administrative]\n",
            12,
            18,
            "valeur « Aide aux démarches administrative » inconnue pour `orientation.demandes[0].services`",
        ),
        ("    - libelle: Faire une démarche CAF\n      services: []\n", 12, 17, "`services` est vide"),
        (
            "    - libelle: \"(…)\"\n      services: [Aide aux démarches administratives]\n",
            11,
            16,
            "`libelle` est vide",
        ),
        (
            "    - libelle: Démarche CAF\n      services: [Aide aux démarches administratives]\n    - libelle: Démarche CAF (APL)\n      services: [Aide aux démarches administratives]\n",
            13,
            16,
            "« Démarche CAF » et « Démarche CAF (APL) » donneraient le même lien vers la sélection (`?demande=demarche-caf`)",
        ),
        (
            "    - libelle: Démarche CAF\n      services: [Aide aux démarches administratives]\n      a_apporter: [Vos identifiants (CAF, Ameli)]\n",
            13,
            20,
            "un élément de `orientation.demandes[0].a_apporter` s'arrête au milieu d'une parenthèse : « Vos identifiants (CAF »",
        ),
        ("    - libelle: Démarche CAF\n", 11, 7, "champ obligatoire manquant : `services`"),
    ];
    let cases = cases
        .map(|(block, line, column, message)| (format!("orientation:\n  demandes:\n{block}"), line, column, message));
    crate::support::assert_config_mistakes(&cases);
}

#[test]
fn a_list_item_cut_by_a_comma_is_reported() {
    let place = PLACE
        .replace("date_maj:", "pieces_a_apporter: [Une pièce d'identité, Vos identifiants (CAF, Ameli)]\ndate_maj:");
    let run =
        SiteTest::new().file("content/lieux/bachut.md", &place).run(&["check", "--format", "json"]).expect_code(1);
    let d = &run.diagnostics()[0];
    assert_eq!(d["code"], "liste-coupee", "{d}");
    assert_eq!(
        d["message"],
        "un élément de `pieces_a_apporter` s'arrête au milieu d'une parenthèse : « Vos identifiants (CAF »"
    );
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(11), Some(43)), "{d}");
    // Written one item per line, it is one item.
    let place = PLACE.replace(
        "date_maj:",
        "pieces_a_apporter:\n  - Une pièce d'identité\n  - Vos identifiants (CAF, Ameli)\ndate_maj:",
    );
    let site = SiteTest::new().file("content/lieux/bachut.md", &place);
    site.run(&["check", "--strict"]).expect_code(0);
}
