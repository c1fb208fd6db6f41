//! An offer's `type` (Atelier, Permanence, Formation, Accès libre): read whatever its case and
//! accents, shown on its page and its cards in residents' words, exported as written in
//! `offres.json` and as data·inclusion's service `type`; guessed from
//! `modalites_accompagnement` when the entry does not say; a value outside the list is a located
//! error that says what to write.

use serde_json::Value;

use crate::support::{PLACE, SiteTest};

/// An offer at the test place, with `lines` (YAML) in its front matter.
fn offer(titre: &str, lines: &str) -> String {
    format!(
        "---\ntitre: {titre}\n{lines}lieux: [mediatheque-du-bachut]\nfrais_a_charge: [Gratuit]\n\
         modalites_acces: [Téléphoner]\nhoraires: \"Mo 14:00-16:00; PH off\"\ndate_maj: 2026-11-02\n---\nTexte.\n"
    )
}

fn site() -> SiteTest {
    SiteTest::new()
        .file("content/lieux/mediatheque-du-bachut.md", PLACE)
        .file(
            "content/offres/pix.md",
            &offer("Préparer Pix", "type: formation\nmodalites_accompagnement: [Dans un atelier collectif]\n"),
        )
        .file(
            "content/offres/aide.md",
            &offer("Coup de pouce", "modalites_accompagnement: [Accompagnement individuel]\n"),
        )
        .file("content/offres/postes.md", &offer("Ordinateurs", "type: acces libre\n"))
        .file("content/offres/rien.md", &offer("Rencontre", ""))
}

/// The line under an offer page's title, if any.
fn subtitle(page: &str) -> Option<&str> {
    let after = &page[page.find("</h1>\n")? + 6..];
    let line = after.strip_prefix("<p class=\"sous-titre\">")?;
    Some(&line[..line.find("</p>")?])
}

#[test]
fn an_offers_type_is_shown_and_exported() {
    let site = site();
    site.build();

    let page = |slug: &str| site.read(&format!("public/offres/{slug}/index.html"));
    assert_eq!(subtitle(&page("pix")), Some("Formation"), "the entry's type wins over its kinds of support");
    assert_eq!(subtitle(&page("aide")), Some("Aide individuelle"), "guessed from « Accompagnement individuel »");
    assert_eq!(subtitle(&page("postes")), Some("Accès libre"));
    assert_eq!(subtitle(&page("rien")), None, "nothing said, nothing shown");

    // The cards of the list and of the place's page say it under the title.
    for list in ["public/offres/index.html", "public/lieux/mediatheque-du-bachut/index.html"] {
        let html = site.read(list);
        let card = &html[html.find(">Préparer Pix</a>").unwrap_or_else(|| panic!("{list}"))..];
        assert!(card.contains("</h3>\n<p class=\"carte-type\">Formation · Gratuit</p>"), "{list}: {}", &card[..200]);
    }

    // offres.json: as written (canonical spelling), null when the entry does not say.
    let offers: Vec<Value> = serde_json::from_str(&site.read("public/donnees/offres.json")).unwrap();
    let kind = |id: &str| offers.iter().find(|o| o["id"] == id).unwrap()["type"].clone();
    assert_eq!(kind("pix"), "Formation");
    assert_eq!(kind("postes"), "Accès libre");
    assert_eq!(kind("aide"), Value::Null);

    // data·inclusion: the service's type.
    let services: Vec<Value> = serde_json::from_str(&site.read("public/donnees/data-inclusion/services.json")).unwrap();
    let di = |slug: &str| {
        let id = format!("test--offre--{slug}--mediatheque-du-bachut");
        services.iter().find(|s| s["id"] == id).unwrap_or_else(|| panic!("{id}")).get("type").cloned()
    };
    assert_eq!(di("pix"), Some("formation".into()));
    assert_eq!(di("aide"), Some("accompagnement".into()));
    assert_eq!(di("postes"), Some("aide-materielle".into()));
    assert_eq!(di("rien"), None, "a type resin does not know stays absent");
}

#[test]
fn coming_in_person_is_drop_in_help_but_registration_for_a_workshop() {
    let in_person = |titre: &str, kind: &str| {
        offer(titre, &format!("type: {kind}\n"))
            .replace("modalites_acces: [Téléphoner]", "modalites_acces: [Se présenter]")
    };
    let site = SiteTest::new()
        .file("content/lieux/mediatheque-du-bachut.md", PLACE)
        .file("content/offres/atelier.md", &in_person("Atelier tablette", "Atelier"))
        .file("content/offres/aide.md", &in_person("Coup de pouce", "Permanence"));
    site.build();
    let workshop = site.read("public/offres/atelier/index.html");
    assert!(workshop.contains("Sur place, à l&#39;accueil du lieu"));
    assert!(!workshop.contains("sans rendez-vous"), "a workshop with few seats is not « sans rendez-vous »");
    assert!(site.read("public/offres/aide/index.html").contains("Venir sur place, sans rendez-vous"));
}

#[test]
fn a_type_outside_the_list_is_a_located_error_that_says_what_to_write() {
    let site = SiteTest::new()
        .file("content/lieux/mediatheque-du-bachut.md", PLACE)
        .file("content/offres/typo.md", &offer("Atelier", "type: Ateliers\n"))
        .file("content/offres/autre.md", &offer("Conférence", "type: Conférence\n"));
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let diagnostics = run.diagnostics();
    let of = |file: &str| {
        diagnostics
            .iter()
            .find(|d| d["file"] == format!("content/offres/{file}.md"))
            .unwrap_or_else(|| panic!("{file}"))
    };
    let typo = of("typo");
    assert_eq!((&typo["code"], &typo["line"], &typo["column"]), (&"vocabulaire".into(), &3.into(), &7.into()));
    assert_eq!(typo["message"], "valeur « Ateliers » inconnue pour `type`");
    assert_eq!(typo["help"], "vouliez-vous dire « Atelier » ?");
    assert_eq!(
        of("autre")["help"],
        "écrivez une de ces valeurs : `Atelier`, `Permanence`, `Formation` ou `Accès libre`"
    );
    // The build stops: nothing half-published.
    site.run(&["build"]).expect_code(1);
    assert!(!site.exists("public/offres/autre/index.html"));
}

#[test]
fn each_kind_that_some_offer_is_has_its_list_linked_from_the_others() {
    let site = site();
    site.build();
    // « Rencontre » says no kind: only in the list of every offer.
    let all = site.read("public/offres/index.html");
    for title in ["Préparer Pix", "Coup de pouce", "Ordinateurs", "Rencontre"] {
        assert!(all.contains(&format!(">{title}</a>")), "{title}");
    }
    let trainings = site.read("public/offres/formations/index.html");
    assert!(trainings.contains("<h1>Formations</h1>"));
    assert!(trainings.contains(">Préparer Pix</a>"));
    for other in ["Coup de pouce", "Ordinateurs", "Rencontre"] {
        assert!(!trainings.contains(&format!(">{other}</a>")), "{other}");
    }
    // The card does not repeat what the title says, only what it costs.
    assert!(trainings.contains("<p class=\"carte-type\">Gratuit</p>"));
    assert!(!trainings.contains("<p class=\"carte-type\">Formation"));
    // The lists link to each other, with their counts; no list for a kind no offer is.
    let nav = |html: &str| {
        let start = html.find("<nav aria-label=\"Types d'offres\">").expect("the lists by kind");
        html[start..start + html[start..].find("</nav>").unwrap()].to_string()
    };
    assert_eq!(
        nav(&trainings),
        "<nav aria-label=\"Types d'offres\">\n<ul class=\"rubriques\">\n\
         <li><a href=\"/offres/\">Toutes <span class=\"discret\">(4)</span></a></li>\n\
         <li><a href=\"/offres/aide-individuelle/\">Aide individuelle <span class=\"discret\">(1)</span></a></li>\n\
         <li><a href=\"/offres/formations/\" aria-current=\"page\">Formations <span class=\"discret\">(1)</span></a></li>\n\
         <li><a href=\"/offres/acces-libre/\">Accès libre au matériel <span class=\"discret\">(1)</span></a></li>\n\
         </ul>\n"
    );
    assert!(nav(&all).contains("<a href=\"/offres/\" aria-current=\"page\">Toutes"));
    assert!(!site.exists("public/offres/ateliers/index.html"));
    assert!(site.read("public/sitemap.xml").contains("/offres/formations/</loc>"));
    // The breadcrumb leads back to every offer.
    assert!(trainings.contains("<a href=\"/offres/\">Ateliers, permanences et formations</a>"));

    // An offer may not take the name of one of these lists.
    site.write("content/offres/formations.md", &offer("Formations", ""));
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let problem = &run.diagnostics()[0];
    assert_eq!((&problem["file"], &problem["code"]), (&"content/offres/formations.md".into(), &"nom-reserve".into()));
}
