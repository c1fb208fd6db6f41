//! The network's space (`/reseau/`) and the territorial fields, over the example content and
//! small sites of their own. The build date is injected (`RESIN_DATE`): closed calls, past
//! events and expired ads are where they belong on that day.

use std::collections::BTreeSet;

use crate::structured::calendar_events;
use crate::support::{PLACE, SiteTest, tree};

/// The example site, built on [`crate::support::TODAY`] (2026-11-25).
fn example() -> SiteTest {
    let site = SiteTest::example();
    site.build();
    site
}

/// The hrefs of the cards of a list page (`<h2 class="carte-titre"><a href=…>`).
fn cards(html: &str) -> Vec<String> {
    let re = regex_lite::Regex::new(r#"class="carte-titre"><a href="([^"]+)""#).unwrap();
    re.captures_iter(html).map(|c| c[1].to_string()).collect()
}

/// Parses an Atom feed; returns its entries' ids, in order.
fn atom_ids(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("the feed is well-formed XML");
    let feed = doc.root_element();
    assert!(feed.has_tag_name(("http://www.w3.org/2005/Atom", "feed")));
    for required in ["id", "title", "updated"] {
        assert!(feed.children().any(|n| n.has_tag_name(required)), "feed without {required}");
    }
    feed.children()
        .filter(|n| n.has_tag_name("entry"))
        .map(|e| {
            for required in ["id", "title", "updated", "link"] {
                assert!(e.children().any(|n| n.has_tag_name(required)), "entry without {required}");
            }
            e.children().find(|n| n.has_tag_name("id")).and_then(|n| n.text()).unwrap().to_string()
        })
        .collect()
}

const SECTIONS: [&str; 5] = ["actualites", "appels-a-projets", "bonnes-pratiques", "bourse", "agenda"];

#[test]
fn every_list_tag_page_feed_and_calendar_exists_and_is_well_formed() {
    let site = example();
    let public = site.root().join("public");
    let files = tree(&public.join("reseau"));
    assert!(site.exists("public/reseau/index.html"));
    for section in SECTIONS {
        let list = site.read(&format!("public/reseau/{section}/index.html"));
        assert!(!cards(&list).is_empty(), "{section}: an empty list");
        // Every card leads to a page that exists.
        for href in cards(&list) {
            assert!(site.exists(&format!("public{href}index.html")), "{href}");
        }
        let ids = atom_ids(&site.read(&format!("public/reseau/{section}/atom.xml")));
        assert!(!ids.is_empty(), "{section}: an empty feed");
        assert!(ids.iter().all(|id| id.starts_with(&format!("https://resin.exemple.fr/reseau/{section}/"))));
        assert!(list.contains(&format!("href=\"/reseau/{section}/atom.xml\"")), "{section}: the list names its feed");
    }
    // The whole space's feed: every listed entry (35 in the example, 3 ads expired).
    let all = atom_ids(&site.read("public/reseau/atom.xml"));
    assert_eq!(all.len(), 32, "{all:#?}");
    assert_eq!(all.iter().collect::<BTreeSet<_>>().len(), all.len(), "one entry per publication");

    // Tags: an index and a page per tag, each listing what carries it.
    let tags = site.read("public/reseau/etiquettes/index.html");
    let tag_pages: Vec<&String> = files
        .keys()
        .filter(|p| p.starts_with("etiquettes/") && p.ends_with("/index.html") && p.matches('/').count() == 2)
        .collect();
    assert_eq!(tag_pages.len(), 12, "{tag_pages:?}");
    for page in tag_pages {
        let slug = page.split('/').nth(1).unwrap();
        assert!(tags.contains(&format!("href=\"/reseau/etiquettes/{slug}/\"")), "{slug}");
        let html = site.read(&format!("public/reseau/{page}"));
        assert!(!cards(&html).is_empty(), "{slug}: no entry");
    }
    let pix = site.read("public/reseau/etiquettes/pix/index.html");
    assert!(pix.contains("/reseau/actualites/la-fabrique-de-gerland-centre-pix/"));
    assert!(pix.contains("/reseau/bonnes-pratiques/preparer-la-certification-pix/"));

    // Calendars: one per event, and the agenda's, which holds them all (one VEVENT per day).
    let agenda = calendar_events(&site.read("public/reseau/agenda/agenda.ics"));
    assert_eq!(agenda.len(), 7, "6 events, one over two days");
    let forum = calendar_events(&site.read("public/reseau/agenda/forum-demain-numerique-en-famille/evenement.ics"));
    assert_eq!(forum.len(), 2);
    assert_eq!(forum[0]["DTSTART;TZID=Europe/Paris"], "20261204T100000");
    assert_eq!(forum[1]["DTEND;TZID=Europe/Paris"], "20261205T180000");
    assert_eq!(forum[0]["LOCATION"], "Salle polyvalente du Parc, 40 rue des Jardins, Villeurbanne");
    let pix = calendar_events(&site.read("public/reseau/agenda/session-certification-pix-decembre/evenement.ics"));
    assert!(pix[0]["LOCATION"].starts_with("La Fabrique numérique de Gerland"), "a place's address: {:?}", pix[0]);
    let ics_files = files.keys().filter(|p| p.ends_with("/evenement.ics")).count();
    assert_eq!(ics_files, 6);

    // Everything in the sitemap.
    let sitemap = site.read("public/sitemap.xml");
    for (path, _) in files.iter().filter(|(p, _)| p.ends_with("index.html")) {
        let url = format!("https://resin.exemple.fr/reseau/{}", path.trim_end_matches("index.html"));
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{url} not in the sitemap");
    }
    // And reachable from every page's menu.
    assert!(site.read("public/index.html").contains("<a href=\"/reseau/\">Réseau</a>"));
}

#[test]
fn closed_calls_past_events_and_expired_ads_are_where_they_belong() {
    let site = example();
    let calls = cards(&site.read("public/reseau/appels-a-projets/index.html"));
    // Open first, by closing date; then the one that opens in January.
    assert_eq!(
        calls,
        [
            "/reseau/appels-a-projets/fonds-appui-demarches-en-ligne/",
            "/reseau/appels-a-projets/caf-parentalite-numerique-2027/",
            "/reseau/appels-a-projets/equiper-les-lieux-materiel-reconditionne/",
        ]
    );
    let list = site.read("public/reseau/appels-a-projets/index.html");
    assert!(list.contains("Clôture dans 12 jours (7 décembre 2026)"), "the deadline in days");
    assert!(list.contains("Ouverture dans 47 jours (11 janvier 2027)"));
    let archive = cards(&site.read("public/reseau/appels-a-projets/archives/index.html"));
    assert_eq!(
        archive,
        [
            "/reseau/appels-a-projets/fondation-orange-femmes-et-numerique/",
            "/reseau/appels-a-projets/inclusion-numerique-metropole-2026/",
        ]
    );
    // A closed call keeps its page, which leads back to the archive.
    let closed = site.read("public/reseau/appels-a-projets/inclusion-numerique-metropole-2026/index.html");
    assert!(closed.contains("Clos le 30 avril 2026"));
    assert!(closed.contains("href=\"/reseau/appels-a-projets/archives/\""));

    let events = cards(&site.read("public/reseau/agenda/index.html"));
    assert_eq!(events.len(), 4);
    assert_eq!(events[0], "/reseau/agenda/forum-demain-numerique-en-famille/", "the soonest first");
    let past = cards(&site.read("public/reseau/agenda/archives/index.html"));
    assert_eq!(
        past,
        [
            "/reseau/agenda/formation-aidants-connect-octobre/",
            "/reseau/agenda/rencontre-conseillers-numeriques-septembre/"
        ]
    );

    // Expired ads: out of the lists, the feeds, the tags and the site; their files stay.
    let ads = cards(&site.read("public/reseau/bourse/index.html"));
    assert_eq!(ads.len(), 7);
    for expired in [
        "recherche-tablettes-atelier-seniors",
        "cherche-salle-permanences-hiver-vaulx",
        "cherche-interprete-permanences-caf",
    ] {
        assert!(site.exists(&format!("content/bourse/{expired}.md")));
        assert!(!site.exists(&format!("public/reseau/bourse/{expired}/index.html")), "{expired}");
        for (path, bytes) in tree(&site.root().join("public")) {
            assert!(!String::from_utf8_lossy(&bytes).contains(expired), "{expired} named in {path}");
        }
    }
}

#[test]
fn the_build_date_moves_entries_between_lists() {
    let site = SiteTest::example();
    // On 8 December 2026, the first open call has closed and the two-day forum is past.
    let run = site.run_with(&["build"], &[("RESIN_DATE", "2026-12-08")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let calls = cards(&site.read("public/reseau/appels-a-projets/index.html"));
    assert!(!calls.contains(&"/reseau/appels-a-projets/fonds-appui-demarches-en-ligne/".to_string()));
    let archive = site.read("public/reseau/appels-a-projets/archives/index.html");
    assert_eq!(cards(&archive)[0], "/reseau/appels-a-projets/fonds-appui-demarches-en-ligne/", "most recent first");
    let past = cards(&site.read("public/reseau/agenda/archives/index.html"));
    assert_eq!(past[0], "/reseau/agenda/forum-demain-numerique-en-famille/");
    // The day a call closes, it is still open: "Clôture aujourd'hui".
    let run = site.run_with(&["build"], &[("RESIN_DATE", "2026-12-07")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let list = site.read("public/reseau/appels-a-projets/index.html");
    assert!(list.contains("Clôture aujourd&#39;hui (7 décembre 2026)"), "{list}");
}

#[test]
fn the_home_shows_each_section_and_place_pages_list_what_names_them() {
    let site = example();
    let home = site.read("public/reseau/index.html");
    let order = [
        "Dernières actualités",
        "Appels à projets ouverts",
        "Prochains événements",
        "Bourse d",
        "Bonnes pratiques récentes",
    ];
    let positions: Vec<usize> = order.iter().map(|h| home.find(h).unwrap_or_else(|| panic!("{h}"))).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    let links = cards(&home);
    assert_eq!(links[0], "/reseau/actualites/rendez-vous-partenaires-caf/", "the latest news first");
    assert!(links.contains(&"/reseau/appels-a-projets/fonds-appui-demarches-en-ligne/".to_string()));
    assert!(!links.iter().any(|l| l.contains("inclusion-numerique-metropole-2026")), "no closed call on the home");

    let bachut = site.read("public/lieux/mediatheque-du-bachut/index.html");
    assert!(bachut.contains("<h2>Dans l'espace réseau</h2>"));
    assert!(bachut.contains("href=\"/reseau/bonnes-pratiques/atelier-dejouer-les-arnaques/\""));
    // An event names its venue.
    let gerland = site.read("public/lieux/la-fabrique-numerique-de-gerland/index.html");
    assert!(gerland.contains("href=\"/reseau/agenda/session-certification-pix-decembre/\""));
    // The good practice shows its attachments with their format and size, copied to the site.
    let practice = site.read("public/reseau/bonnes-pratiques/atelier-dejouer-les-arnaques/index.html");
    assert!(practice.contains("href=\"/medias/bonnes-pratiques/arnaques-guide-animation.pdf\" download>"));
    let size = std::fs::metadata(site.root().join("content/medias/bonnes-pratiques/arnaques-guide-animation.pdf"))
        .unwrap()
        .len();
    assert!(practice.contains(&format!("(PDF, {}\u{a0}Ko)", size.div_ceil(1000))), "size shown");
    assert!(site.exists("public/medias/bonnes-pratiques/arnaques-guide-animation.pdf"));
    // A news image has its alternative text.
    let news = site.read("public/reseau/actualites/bilan-pass-numerique-premier-semestre/index.html");
    assert!(
        regex_lite::Regex::new(r#"<img src="/medias/actualites/pass-numerique-bilan.png" alt="[^"]{20,}">"#)
            .unwrap()
            .is_match(&news)
    );
}

/// A small site with `n` news items.
fn site_with_news(n: usize) -> SiteTest {
    let mut site = SiteTest::new().file("content/lieux/mediatheque-du-bachut.md", PLACE);
    for i in 1..=n {
        let text = format!(
            "---\ntitre: Nouvelle {i:02}\ndate: 2026-{:02}-{:02}\netiquettes: [formation]\nlieux: [mediatheque-du-bachut]\n---\nTexte {i}.\n",
            1 + (i - 1) / 28,
            1 + (i - 1) % 28
        );
        site = site.file(&format!("content/actualites/nouvelle-{i:02}.md"), &text);
    }
    site
}

#[test]
fn lists_and_tag_pages_are_paginated_by_20() {
    let site = site_with_news(45);
    site.build();
    let first = site.read("public/reseau/actualites/index.html");
    assert_eq!(cards(&first).len(), 20);
    assert_eq!(cards(&first)[0], "/reseau/actualites/nouvelle-45/", "newest first");
    assert!(first.contains("href=\"/reseau/actualites/page/2/\" rel=\"next\""));
    let third = site.read("public/reseau/actualites/page/3/index.html");
    assert_eq!(cards(&third).len(), 5);
    assert!(third.contains("(page 3 sur 3)"));
    assert!(!site.exists("public/reseau/actualites/page/4/index.html"));
    let tag = site.read("public/reseau/etiquettes/formation/page/2/index.html");
    assert_eq!(cards(&tag).len(), 20);
    // The feed holds every entry (under its limit of 100).
    assert_eq!(atom_ids(&site.read("public/reseau/actualites/atom.xml")).len(), 45);
}

#[test]
fn an_entry_naming_an_unknown_place_is_reported_where_it_is_written() {
    let site = SiteTest::new().file("content/lieux/mediatheque-du-bachut.md", PLACE).file(
        "content/actualites/nouvelle.md",
        "---\ntitre: Nouvelle\ndate: 2026-11-02\nlieux: [mediatheque-du-bachut, mediatheque-du-bachu]\n---\nTexte.\n",
    );
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let d = &run.diagnostics()[0];
    assert_eq!(d["code"], "lieu-inconnu");
    assert_eq!(d["file"], "content/actualites/nouvelle.md");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(4), Some(32)));
    assert_eq!(d["message"], "lieu inconnu « mediatheque-du-bachu »");
    assert_eq!(d["help"], "vouliez-vous dire « mediatheque-du-bachut » ?");
    // An event's venue too.
    site.remove("content/actualites/nouvelle.md");
    site.write(
        "content/agenda/rencontre.md",
        "---\ntitre: Rencontre\ndate: 2026-12-03\ndebut: \"09:30\"\nfin: \"12:00\"\nlieu: bachut\n---\nTexte.\n",
    );
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let d = &run.diagnostics()[0];
    assert_eq!(
        (d["code"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("lieu-inconnu"), Some(6), Some(7))
    );
}

#[test]
fn each_field_of_each_section_is_checked_in_one_run() {
    let site = SiteTest::new()
        .file("content/lieux/mediatheque-du-bachut.md", PLACE)
        .file(
            "content/bourse/annonce.md",
            "---\ntitre: Annonce\nnature: offer\ncategorie: materiel\nstructure: CS\ncommune: Villeurbane\ncourriel: x@y\ndate: 2026-11-02\nexpiration: 2026-10-01\n---\n",
        )
        .file(
            "content/agenda/rencontre.md",
            "---\ntitre: Rencontre\ndate: 2026-12-03\ndebut: \"12:00\"\nfin: \"09:30\"\nadresse: 1 rue X\ninscription: javascript:alert(1)\n---\n",
        )
        .file(
            "content/bonnes-pratiques/guide.md",
            "---\ntitre: Guide\ndate: 2026-11-02\nservices: [Aide aux démarches]\npieces_jointes:\n  - { fichier: ../secret.pdf, titre: Secret }\n  - { fichier: medias/x.exe }\n---\n",
        );
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let found: Vec<(String, String, u64)> = run
        .diagnostics()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("content/agenda/rencontre.md", "seance", 5),
        ("content/agenda/rencontre.md", "url", 7),
        ("content/bonnes-pratiques/guide.md", "champ-manquant", 1),
        ("content/bonnes-pratiques/guide.md", "vocabulaire", 4),
        ("content/bonnes-pratiques/guide.md", "fichier-introuvable", 6),
        ("content/bonnes-pratiques/guide.md", "champ-manquant", 7),
        ("content/bourse/annonce.md", "vocabulaire", 3),
        ("content/bourse/annonce.md", "courriel", 7),
        ("content/bourse/annonce.md", "dates-inversees", 9),
    ];
    for (file, code, line) in expected {
        assert!(
            found.iter().any(|(f, c, l)| f == file && c == code && *l == line),
            "{file}:{line} {code} missing from {found:#?}"
        );
    }
    // "offer" is close to "Offer": the case and accents of the board's own lists do not matter.
    let nature = run.diagnostics().into_iter().find(|d| d["code"] == "vocabulaire" && d["line"] == 3).unwrap();
    assert_eq!(nature["help"], "vouliez-vous dire « Offre » ?");
    // `categorie: materiel` is accepted as "Matériel".
    assert!(!found.iter().any(|(f, _, l)| f == "content/bourse/annonce.md" && *l == 4));
}

#[test]
fn territorial_fields_are_declared_checked_shown_filtered_and_exported_apart() {
    let site = example();
    // Shown on the place page, linked to its filter page.
    let duchere = site.read("public/lieux/centre-social-de-la-duchere/index.html");
    assert!(duchere.contains("Accepte le Pass numérique :</span> <a href=\"/criteres/pass-numerique/\">Oui</a>"));
    let filter = site.read("public/criteres/pass-numerique/index.html");
    let places = regex_lite::Regex::new(r#"href="/lieux/([a-z0-9-]+)/""#).unwrap();
    let listed: BTreeSet<String> = places.captures_iter(&filter).map(|c| c[1].to_string()).collect();
    let declared: BTreeSet<String> = std::fs::read_dir(site.root().join("content/lieux"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| std::fs::read_to_string(p).unwrap().contains("pass_numerique: true"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(listed, declared, "the filter page lists exactly the places that say true");
    assert!(site.exists("public/criteres/mes-papiers/sur-rendez-vous/index.html"));
    // The directory's filter form and index know them.
    let form = site.read("public/lieux/index.html");
    assert!(form.contains("name=\"x-pass-numerique\" value=\"1\""));
    assert!(form.contains("<select id=\"f-x-mes-papiers\" name=\"x-mes-papiers\">"));
    let index: serde_json::Value = serde_json::from_str(&site.read("public/lieux/recherche.json")).unwrap();
    assert_eq!(index["criteres"][0], serde_json::json!(["x-pass-numerique", "1", "Accepte le Pass numérique"]));
    let flagged = index["lieux"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["x"].as_array().is_some_and(|x| x.contains(&serde_json::json!(0))))
        .count();
    assert_eq!(flagged, declared.len());

    // Exported apart: the standard's files have no such column, the territorial ones add them.
    let standard = site.read("public/donnees/lieux.csv");
    assert!(!standard.contains("pass_numerique"));
    crate::support::assert_standard(&site.read("public/donnees/lieux.json"));
    let territory = site.read("public/donnees/lieux-territoire.csv");
    let header = territory.lines().next().unwrap();
    assert!(header.starts_with(standard.lines().next().unwrap()), "the standard's columns first");
    assert!(header.ends_with(",extension_pass_numerique,extension_mes_papiers"), "{header}");
    let json: serde_json::Value = serde_json::from_str(&site.read("public/donnees/lieux-territoire.json")).unwrap();
    let duchere = json.as_array().unwrap().iter().find(|l| l["nom"] == "Centre social de la Duchère").unwrap();
    assert_eq!(duchere["extension_pass_numerique"], serde_json::json!(true));
    assert_eq!(duchere["extension_mes_papiers"], "Sans rendez-vous");
    let offers: serde_json::Value = serde_json::from_str(&site.read("public/donnees/offres.json")).unwrap();
    let bachut = offers.as_array().unwrap().iter().find(|o| o["id"] == "atelier-smartphone-bachut").unwrap();
    assert_eq!(bachut["extensions"]["materiel_prete"], "Smartphones Android, si vous n'avez pas le vôtre");
    assert!(site.read("public/donnees/index.html").contains("lieux-territoire.csv"));
}

#[test]
fn every_type_of_territorial_field_takes_its_values() {
    let yaml = format!(
        "{}extensions:\n  lieux:\n    - {{ nom: pass_numerique, libelle: Pass numérique, type: booleen, filtre: true }}\n    - {{ nom: note, libelle: Note, type: texte }}\n    - {{ nom: reseau_local, libelle: Réseau, type: choix, valeurs: [Nord, Sud], filtre: true }}\n    - {{ nom: charte, libelle: Charte, type: url }}\n    - {{ nom: labellise_le, libelle: Labellisé le, type: date }}\n",
        crate::support::SITE_YAML
    );
    let good = PLACE.replace(
        "date_maj:",
        "pass_numerique: oui\nnote: Rampe d'accès\nreseau_local: sud\ncharte: https://exemple.fr/charte\nlabellise_le: 2025-06-01\ndate_maj:",
    );
    let site = SiteTest::new().file("content/site.yaml", &yaml).file("content/lieux/mediatheque-du-bachut.md", &good);
    site.build();
    let page = site.read("public/lieux/mediatheque-du-bachut/index.html");
    for shown in [
        "Pass numérique :</span> <a href=\"/criteres/pass-numerique/\">Oui</a>",
        "Note :</span> Rampe d&#39;accès",
        "Réseau :</span> <a href=\"/criteres/reseau-local/sud/\">Sud</a>",
        "Charte :</span> <a href=\"https://exemple.fr/charte\">exemple.fr/charte</a>",
        "Labellisé le :</span> 1er juin 2025",
    ] {
        assert!(page.contains(shown), "{shown}");
    }
    let bad = PLACE.replace(
        "date_maj:",
        "pass_numerique: 3\nnote: [a, b]\nreseau_local: Nrod\ncharte: ftp://exemple.fr\nlabellise_le: 2025-13-01\ndate_maj:",
    );
    site.write("content/lieux/mediatheque-du-bachut.md", &bad);
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let messages: Vec<String> = run
        .diagnostics()
        .iter()
        .filter(|d| d["code"] == "extension")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(messages.len(), 5, "{messages:#?}");
    assert!(messages.iter().any(|m| m.contains("« Nrod » (vouliez-vous dire « Nord » ?)")), "{messages:#?}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`note` (« Note », champ propre au territoire) attend du texte, pas une liste"))
    );
}

#[test]
fn declarations_of_territorial_fields_are_checked() {
    for (declaration, message) in [
        ("{ nom: services, libelle: X, type: texte }", "`services` est déjà un champ du standard national"),
        ("{ nom: Pass, libelle: X, type: texte }", "nom de champ « Pass » invalide"),
        ("{ nom: x, libelle: X, type: bool }", "type « bool » inconnu : vouliez-vous dire `booleen` ?"),
        ("{ nom: x, libelle: X, type: choix }", "un champ `choix` a besoin de `valeurs"),
        (
            "{ nom: x, libelle: X, type: texte, filtre: true }",
            "seuls les champs `booleen` et `choix` peuvent servir de filtre",
        ),
    ] {
        let yaml = format!("{}extensions:\n  lieux:\n    - {declaration}\n", crate::support::SITE_YAML);
        let site = SiteTest::new().file("content/site.yaml", &yaml);
        let run = site.run(&["check", "--format", "json"]).expect_code(1);
        let d = &run.diagnostics()[0];
        assert_eq!(d["file"], "content/site.yaml");
        assert_eq!(d["line"].as_u64(), Some(11), "{d}");
        assert!(d["message"].as_str().unwrap().contains(message), "{d}");
    }
}

#[test]
fn names_that_would_collide_with_generated_pages_are_reported_where_they_are() {
    let site = SiteTest::new().file("content/lieux/mediatheque-du-bachut.md", PLACE).file(
        "content/appels-a-projets/archives.md",
        "---\ntitre: Appel\nfinanceur: Métropole\nouverture: 2026-11-01\ncloture: 2026-12-31\nlien: https://exemple.fr/\n---\n",
    );
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let d = &run.diagnostics()[0];
    assert_eq!(
        (d["code"].as_str(), d["file"].as_str()),
        (Some("nom-reserve"), Some("content/appels-a-projets/archives.md"))
    );
    site.run(&["new", "evenement", "Page"]).expect_code(2);

    // A tag without a letter or digit has no page address: refused at its line.
    site.remove("content/appels-a-projets/archives.md");
    site.write("content/actualites/a.md", "---\ntitre: A\ndate: 2026-11-02\netiquettes: [\"ǃǃ\"]\n---\n");
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let d = &run.diagnostics()[0];
    assert_eq!((d["code"].as_str(), d["line"].as_u64()), (Some("etiquette"), Some(4)));

    // An event may name the places it concerns besides its venue.
    site.write("content/actualites/a.md", "---\ntitre: A\ndate: 2026-11-02\n---\n");
    site.write(
        "content/agenda/rencontre.md",
        "---\ntitre: Rencontre\ndate: 2026-12-03\ndebut: \"09:30\"\nfin: \"12:00\"\nadresse: 1 rue X\nlieux: [mediatheque-du-bachut]\n---\n",
    );
    site.build();
    assert!(site.read("public/lieux/mediatheque-du-bachut/index.html").contains("/reseau/agenda/rencontre/"));
}

#[test]
fn one_mistake_in_a_declaration_is_one_error() {
    // An unknown type: reported at its line, and the places using the field are not also
    // reported (their values are not checked until the type is fixed).
    let yaml = format!(
        "{}extensions:\n  lieux:\n    - {{ nom: pass_numerique, libelle: Pass, type: boolean }}\n",
        crate::support::SITE_YAML
    );
    let place = PLACE.replace("date_maj:", "pass_numerique: true\ndate_maj:");
    let site = SiteTest::new().file("content/site.yaml", &yaml).file("content/lieux/mediatheque-du-bachut.md", &place);
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let diagnostics = run.diagnostics();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["message"], "type « boolean » inconnu : vouliez-vous dire `booleen` ?");
    assert_eq!(diagnostics[0]["line"].as_u64(), Some(11));
    // Another mistake of site.yaml leaves the declared fields known.
    let broken = yaml
        .replace("type: boolean", "type: booleen")
        .replace("contact: contact@exemple.fr", "contact: pas-un-courriel");
    site.write("content/site.yaml", &broken);
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let codes: Vec<String> = run.diagnostics().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect();
    assert_eq!(codes, ["courriel"], "no unknown field in the place");
}

#[test]
fn declarations_whose_pages_would_collide_are_refused() {
    for (declarations, line, message) in [
        (
            "    - { nom: pass_numerique, libelle: A, type: booleen, filtre: true }\n    - { nom: pass__numerique, libelle: B, type: booleen }\n",
            12,
            "`pass__numerique` et `pass_numerique` donneraient la même adresse de filtre",
        ),
        (
            "    - { nom: rdv, libelle: A, type: choix, valeurs: [Sur rendez-vous, sur rendez vous], filtre: true }\n",
            11,
            "les valeurs « Sur rendez-vous » et « sur rendez vous » ne diffèrent que par",
        ),
    ] {
        let yaml = format!("{}extensions:\n  lieux:\n{declarations}", crate::support::SITE_YAML);
        let run = SiteTest::new().file("content/site.yaml", &yaml).run(&["check", "--format", "json"]).expect_code(1);
        let d = &run.diagnostics()[0];
        assert_eq!(d["line"].as_u64(), Some(line), "{d}");
        assert!(d["message"].as_str().unwrap().contains(message), "{d}");
    }
    // Offers are not filtered: a filter on an offer field is refused.
    let yaml = format!(
        "{}extensions:\n  offres:\n    - {{ nom: x, libelle: X, type: booleen, filtre: true }}\n",
        crate::support::SITE_YAML
    );
    let run = SiteTest::new().file("content/site.yaml", &yaml).run(&["check", "--format", "json"]).expect_code(1);
    assert!(run.diagnostics()[0]["message"].as_str().unwrap().contains("`filtre` ne sert pas aux champs des offres"));
}

#[test]
fn the_scaffolds_of_the_network_space_check_once_filled() {
    let site = SiteTest::new().file("content/lieux/mediatheque-du-bachut.md", PLACE);
    for (kind, folder) in [
        ("actualite", "actualites"),
        ("appel-a-projets", "appels-a-projets"),
        ("bonne-pratique", "bonnes-pratiques"),
        ("annonce", "bourse"),
        ("evenement", "agenda"),
    ] {
        let run = site.run(&["new", kind, "Essai du réseau"]).expect_code(0);
        assert_eq!(run.stdout.trim(), format!("./content/{folder}/essai-du-reseau.md"));
    }
    let fill = |path: &str, pairs: &[(&str, &str)]| {
        let mut text = site.read(path);
        for (from, to) in pairs {
            assert!(text.contains(from), "{path}: {from}");
            text = text.replacen(from, to, 1);
        }
        site.write(path, &text);
    };
    fill(
        "content/appels-a-projets/essai-du-reseau.md",
        &[("financeur: \"\"", "financeur: Métropole"), ("lien: \"\"", "lien: https://exemple.fr/appel")],
    );
    fill(
        "content/bonnes-pratiques/essai-du-reseau.md",
        &[("structure: \"\"", "structure: CS"), ("services: []", "services: [Aide aux démarches administratives]")],
    );
    fill(
        "content/bourse/essai-du-reseau.md",
        &[
            ("structure: \"\"", "structure: CS"),
            ("categorie: \"\"", "categorie: Matériel"),
            ("commune: \"\"", "commune: Villeurbanne"),
            ("courriel: \"\"", "courriel: cs@exemple.fr"),
        ],
    );
    fill("content/agenda/essai-du-reseau.md", &[("lieu: \"\"", "lieu: mediatheque-du-bachut")]);
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    site.build();
    assert!(site.exists("public/reseau/agenda/essai-du-reseau/evenement.ics"));
}

#[test]
fn event_pages_carry_schema_org_events() {
    let site = example();
    let forum =
        crate::structured::json_ld(&site.read("public/reseau/agenda/forum-demain-numerique-en-famille/index.html"));
    assert_eq!(forum["@type"], "Event");
    assert_eq!(forum["startDate"], "2026-12-04T10:00:00+01:00");
    assert_eq!(forum["endDate"], "2026-12-05T18:00:00+01:00");
    assert_eq!(forum["location"]["address"]["addressLocality"], "Villeurbanne");
    assert_eq!(forum["url"], "https://resin.exemple.fr/reseau/agenda/forum-demain-numerique-en-famille/");
    let pix =
        crate::structured::json_ld(&site.read("public/reseau/agenda/session-certification-pix-decembre/index.html"));
    assert_eq!(pix["location"]["@id"], "https://resin.exemple.fr/lieux/la-fabrique-numerique-de-gerland/#lieu");
    // Other entries have none.
    assert!(!site.read("public/reseau/actualites/guide-ecrans-en-famille/index.html").contains("application/ld+json"));
}
