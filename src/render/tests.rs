use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};

use super::*;
use crate::config::{Bounds, FooterLink, Point, SiteConfig, Territory};
use crate::model::{Entries, Offer, Page, Place, Schedule, Session};
use crate::source::FileId;

use rayon::prelude::*;

use crate::write::OutputFile;

/// Renders the whole site, exports included, in memory. Files are
/// sorted by path.
fn render_site(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>, Error> {
    let renderer = Renderer::new(site, theme);
    renderer
        .plan()?
        .par_iter()
        .map(|planned| Ok(OutputFile { path: planned.path.clone(), bytes: renderer.produce(planned.output)?.into() }))
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn config(url: &str) -> SiteConfig {
    SiteConfig {
        titre: "Rés'IN".into(),
        description: "Trouver de l'aide avec le numérique près de chez vous, dans la Métropole de Lyon.".into(),
        url: url.into(),
        territoire: Territory {
            nom: "Métropole de Lyon".into(),
            emprise: Bounds { ouest: 4.6, sud: 45.5, est: 5.1, nord: 45.95 },
            centre: Point { latitude: 45.76, longitude: 4.84 },
            zoom: 11,
            communes: None,
        },
        carte: Default::default(),
        contact: "contact@resin.exemple.fr".into(),
        signalement: Some("signalement@resin.exemple.fr".into()),
        source_donnees: None,
        licence_donnees: Default::default(),
        exemple: true,
        pied_de_page: vec![
            FooterLink { titre: "À propos".into(), url: "/a-propos/".into() },
            FooterLink { titre: "Métropole de Lyon".into(), url: "https://www.grandlyon.com/".into() },
        ],
        extensions: Default::default(),
        edition_en_ligne: None,
        orientation: Default::default(),
    }
}

fn place(slug: &str, nom: &str, commune: &str) -> Place {
    Place {
        slug: slug.into(),
        file: FileId(0),
        id: slug.into(),
        pivot: "00000000000000".into(),
        nom: nom.into(),
        adresse: "2 place du 11 Novembre 1918".into(),
        complement_adresse: None,
        code_postal: "69008".into(),
        commune: commune.into(),
        code_insee: None,
        latitude: None,
        longitude: None,
        typologie: vec!["BIB".into()],
        telephone: None,
        courriels: vec![],
        site_web: vec![],
        horaires: None,
        presentation_resume: None,
        presentation_detail: String::new(),
        source: None,
        structure_parente: None,
        services: vec!["Aide aux démarches administratives".into()],
        publics_specifiquement_adresses: vec![],
        prise_en_charge_specifique: vec![],
        langues: vec![],
        frais_a_charge: vec!["Gratuit".into()],
        dispositif_programmes_nationaux: vec![],
        formations_labels: vec![],
        autres_formations_labels: vec![],
        modalites_acces: vec![],
        modalites_accompagnement: vec![],
        fiche_acces_libre: None,
        prise_rdv: None,
        itinerance: vec![],
        date_maj: date(2026, 3, 3),
        extensions: Vec::new(),
        pieces_a_apporter: Vec::new(),
        partage_coordonnees_avec: Vec::new(),
        fermetures: Vec::new(),
    }
}

fn offer(slug: &str, titre: &str, places: &[&str], calendrier: Schedule) -> Offer {
    Offer {
        slug: slug.into(),
        file: FileId(0),
        titre: titre.into(),
        kind: None,
        lieux: places.iter().map(|s| s.to_string()).collect(),
        resume: Some("Apprendre pas à pas.".into()),
        services: vec!["Maîtrise des outils numériques du quotidien".into()],
        publics_specifiquement_adresses: vec!["Seniors".into()],
        prise_en_charge_specifique: vec![],
        langues: vec![],
        frais_a_charge: vec!["Gratuit".into()],
        modalites_acces: vec!["Téléphoner".into()],
        modalites_accompagnement: vec!["Dans un atelier collectif".into()],
        inscription: Some("Inscription à l'accueil.".into()),
        prise_rdv: None,
        calendrier,
        description: "Six séances **au plus**.".into(),
        date_maj: date(2026, 11, 2),
        extensions: Vec::new(),
        pieces_a_apporter: Vec::new(),
        fermetures: Vec::new(),
    }
}

fn session(d: NaiveDate) -> Session {
    Session { date: d, debut: time(14, 0), fin: time(16, 0) }
}

/// A small site: three places in two communes, three offers, one page.
fn small_site(url: &str) -> Site {
    let mut bachut = place("mediatheque-du-bachut", "Médiathèque du Bachut", "Lyon 8e Arrondissement");
    bachut.complement_adresse = Some("Rez-de-chaussée".into());
    bachut.latitude = Some(45.7372);
    bachut.longitude = Some(4.871);
    bachut.telephone = Some("+33478781200".into());
    bachut.courriels = vec!["mediatheque.bachut@exemple.fr".into()];
    bachut.site_web = vec!["https://bm.exemple.fr/bachut".into()];
    bachut.horaires = Some("Tu,Th 13:00-19:00; We,Sa 10:00-18:00; PH off".into());
    bachut.presentation_resume = Some("Un conseiller numérique vous aide sans rendez-vous.".into());
    bachut.presentation_detail = "# Bienvenue\n\nVenez avec *votre* appareil. <script>alert(1)</script>".into();
    bachut.services.push("Maîtrise des outils numériques du quotidien".into());
    bachut.publics_specifiquement_adresses = vec!["Seniors".into()];
    bachut.modalites_acces = vec!["Se présenter".into(), "Téléphoner".into(), "Prendre un RDV en ligne".into()];
    bachut.modalites_accompagnement = vec!["Accompagnement individuel".into()];
    bachut.dispositif_programmes_nationaux = vec!["Conseillers numériques".into()];
    bachut.autres_formations_labels = vec!["Label local".into()];
    bachut.fiche_acces_libre = Some("https://acceslibre.beta.gouv.fr/app/exemple/".into());
    bachut.prise_rdv = Some("https://rdv.exemple.fr/bachut?a=1&b=2".into());

    let mut bus = place("bus-numerique", "Bus <numérique> & \"solidaire\"", "Villeurbanne");
    bus.itinerance = vec!["Itinérant".into()];
    bus.typologie = vec!["ASSO".into(), "XYZ".into()];
    bus.code_postal = "69100".into();

    let mut cs = place("centre-social-des-etats-unis", "Centre social des États-Unis", "Lyon 8e Arrondissement");
    cs.typologie = vec!["CS".into()];
    cs.services = vec!["Acquisition de matériel informatique à prix solidaire".into()];
    cs.publics_specifiquement_adresses = vec!["Familles et/ou enfants".into()];

    let offers = vec![
        offer(
            "atelier-smartphone",
            "Atelier « Mon smartphone »",
            &["mediatheque-du-bachut"],
            Schedule::Sessions(vec![
                session(date(2026, 11, 17)),
                session(date(2026, 12, 1)),
                session(date(2026, 12, 8)),
            ]),
        ),
        offer(
            "permanence",
            "Permanence démarches",
            &["mediatheque-du-bachut", "bus-numerique"],
            Schedule::Hours("Mo,We 09:00-12:00; PH off".into()),
        ),
        offer(
            "ancien-atelier",
            "Ancien atelier",
            &["centre-social-des-etats-unis"],
            Schedule::Sessions(vec![session(date(2026, 1, 6))]),
        ),
    ];
    let pages = vec![Page {
        slug: "a-propos".into(),
        file: FileId(0),
        titre: "À propos".into(),
        resume: None,
        corps: "## Qui sommes-nous ?\n\nLe réseau Rés'IN.".into(),
    }];
    let entries = Entries {
        places: vec![bus, cs, bachut].into_iter().map(Arc::new).collect(),
        offers: offers.into_iter().map(Arc::new).collect(),
        pages: pages.into_iter().map(Arc::new).collect(),
        network: Vec::new(),
    };
    Site::new(config(url), entries, date(2026, 11, 25))
}

fn render(site: &Site) -> Vec<OutputFile> {
    render_site(site, &Theme::embedded().unwrap()).unwrap_or_else(|e| panic!("{e}"))
}

fn html<'a>(files: &'a [OutputFile], path: &str) -> &'a str {
    let file = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} missing; files: {:?}", files.iter().map(|f| &f.path).collect::<Vec<_>>()));
    std::str::from_utf8(&file.bytes).unwrap()
}

#[test]
fn renders_every_page_sorted() {
    let files = render(&small_site("https://resin.exemple.fr/"));
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    for expected in [
        "404.html",
        "a-propos/index.html",
        "communes/index.html",
        "communes/lyon-8e-arrondissement/index.html",
        "communes/villeurbanne/index.html",
        "donnees/index.html",
        "index.html",
        "lieux/bus-numerique/index.html",
        "lieux/index.html",
        "lieux/mediatheque-du-bachut/index.html",
        "offres/ancien-atelier/index.html",
        "offres/index.html",
        "publics/index.html",
        "publics/seniors/index.html",
        "robots.txt",
        "services/aide-aux-demarches-administratives/index.html",
        "services/index.html",
        "sitemap.xml",
        "static/favicon.svg",
        "static/style.css",
    ] {
        assert!(paths.contains(&expected), "{expected} missing: {paths:?}");
    }
}

#[test]
fn every_page_has_one_h1_and_the_layout() {
    let files = render(&small_site("https://resin.exemple.fr/"));
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        let page = std::str::from_utf8(&file.bytes).unwrap();
        assert_eq!(page.matches("<h1").count(), 1, "{}", file.path);
        assert!(page.starts_with("<!doctype html>\n<html lang=\"fr\">"), "{}", file.path);
        // The embedded views (/integrer/liste/, /integrer/carte/) have their own frame.
        let embedded = file.path.starts_with("integrer/") && file.path != "integrer/index.html";
        let main = match file.path.as_str() {
            "carte/index.html" => "cadre cadre-large",
            _ if embedded => "integre-contenu",
            _ => "cadre",
        };
        assert!(page.contains(&format!("<main id=\"contenu\" class=\"{main}\" tabindex=\"-1\">")), "{}", file.path);
        assert!(page.contains("href=\"#contenu\">Aller au contenu</a>"), "{}", file.path);
        assert!(page.contains("Site de démonstration"), "{}", file.path);
        // JavaScript only enhances: deferred files of the theme, never inline code; the only
        // inline element is structured data (JSON, not run), without a `<` inside.
        for script in page.split("<script").skip(1) {
            if let Some(json) = script.strip_prefix(" type=\"application/ld+json\">") {
                let json = json.split("</script>").next().unwrap();
                assert!(!json.contains('<'), "{}: {json}", file.path);
                serde_json::from_str::<serde_json::Value>(json).unwrap_or_else(|e| panic!("{}: {e}", file.path));
                continue;
            }
            assert!(
                script.starts_with(" src=\"/static/") && script.contains(" defer></script>"),
                "{}: {script}",
                file.path
            );
        }
        // Links open in the same tab; in an embedded view, the full site opens in a new one.
        assert_eq!(page.contains("target="), embedded, "{}: which links open a new tab", file.path);
        assert_no_skipped_heading(page, &file.path);
    }
}

fn assert_no_skipped_heading(page: &str, path: &str) {
    let mut last = 0;
    for (i, _) in page.match_indices("<h") {
        let Some(level) = page[i + 2..].chars().next().and_then(|c| c.to_digit(10)) else { continue };
        assert!(level <= last + 1, "{path}: h{level} after h{last}");
        last = level;
    }
}

#[test]
fn place_page_content() {
    let files = render(&small_site("https://resin.exemple.fr/"));
    let page = html(&files, "lieux/mediatheque-du-bachut/index.html");
    assert!(page.contains("<title>Médiathèque du Bachut – Rés&#39;IN</title>"), "{page}");
    assert!(page.contains("<link rel=\"canonical\" href=\"https://resin.exemple.fr/lieux/mediatheque-du-bachut/\">"));
    assert!(page.contains("Bibliothèque, médiathèque"));
    assert!(page.contains("<a href=\"tel:+33478781200\">04 78 78 12 00</a>"));
    assert!(page.contains("href=\"mailto:mediatheque.bachut@exemple.fr\""));
    assert!(page.contains("https://www.openstreetmap.org/directions?to=45.7372,4.871"));
    assert!(page.contains("href=\"geo:45.7372,4.871\""));
    assert!(page.contains("<th scope=\"row\">Mardi</th><td>13\u{a0}h – 19\u{a0}h</td>"), "{page}");
    assert!(page.contains("<td class=\"ferme\">Fermé</td>"));
    assert!(page.contains("Fermé les jours fériés"));
    assert!(page.contains("<caption>Horaires d&#39;ouverture, jour par jour (semaine du 23 novembre 2026)</caption>"));
    assert!(page.contains("href=\"https://rdv.exemple.fr/bachut?a=1&amp;b=2\">Prendre rendez-vous en ligne</a>"));
    assert!(page.contains("Faire mes démarches en ligne (CAF, impôts, santé…)"));
    assert!(page.contains("<a href=\"/publics/seniors/\">Seniors</a>"));
    assert!(page.contains("Fiche accessibilité (Acceslibre)"));
    assert!(page.contains("Label local"));
    assert!(page.contains("<h2>Bienvenue</h2>"));
    assert!(!page.contains("alert(1)"));
    assert!(page.contains(
        "<p class=\"verification\">Informations vérifiées le <time datetime=\"2026-03-03\">3 mars 2026</time>.</p>"
    ));
    assert!(page.contains("<a href=\"/offres/atelier-smartphone/\">Atelier « Mon smartphone »</a>"));
    assert!(page.contains("<time datetime=\"2026-12-01\">mardi 1er décembre 2026</time>, <span class=\"horaire\">14\u{a0}h – 16\u{a0}h</span>"));
    assert!(page.contains(
        "href=\"mailto:signalement@resin.exemple.fr?subject=Erreur%20sur%20la%20fiche%20%C2%AB%20M%C3%A9diath%C3%A8que\
         %20du%20Bachut%20%C2%BB%20%28https%3A%2F%2Fresin.exemple.fr%2Flieux%2Fmediatheque-du-bachut%2F%29&amp;body=Bonjour%2C%0D%0A%0D%0AJ%27ai%20rep%C3%A9r%C3%A9%20une%20erreur%20sur%20la\
         %20fiche%20https%3A%2F%2Fresin.exemple.fr%2Flieux%2Fmediatheque-du-bachut%2F%20%3A%0D%0A%0D%0A\""
    ));
    assert!(page.len() < 50_000, "{} bytes", page.len());
}

#[test]
fn content_is_escaped() {
    let files = render(&small_site("https://resin.exemple.fr/"));
    let page = html(&files, "lieux/bus-numerique/index.html");
    assert!(page.contains("<h1>Bus &lt;numérique&gt; &amp; &quot;solidaire&quot;</h1>"), "{page}");
    assert!(page.contains("Association, XYZ <span class=\"badge\">Itinérant</span>"));
    assert!(page.contains("<p>Tout public.</p>"));
    assert!(page.contains("Horaires non renseignés"));
    let list = html(&files, "lieux/index.html");
    assert!(list.contains("Bus &lt;numérique&gt;"));
    assert!(!list.contains("Bus <numérique>"));
}

#[test]
fn offers_in_three_sections() {
    let files = render(&small_site("https://resin.exemple.fr/"));
    let page = html(&files, "offres/index.html");
    let next = page.find("<h2>Prochaines séances</h2>").unwrap();
    let year = page.find("<h2>Toute l'année</h2>").unwrap();
    let past = page.find("<h2>Offres passées</h2>").unwrap();
    assert!(next < year && year < past);
    assert!(page.contains(
        "mardi 1er décembre 2026</time>, <span class=\"horaire\">14\u{a0}h – 16\u{a0}h</span> <span class=\"discret\">(puis 1 autre séance)</span>"
    ));
    assert!(page.contains("Lundi : 9\u{a0}h – 12\u{a0}h ; Mercredi : 9\u{a0}h – 12\u{a0}h"), "{page}");
    let offer = html(&files, "offres/atelier-smartphone/index.html");
    assert!(offer.contains("<h3>Prochaines séances</h3>"));
    assert!(offer.contains("<h3>Séances passées</h3>"));
    assert!(offer.contains("<time datetime=\"2026-11-17\">mardi 17 novembre 2026</time>"));
    assert!(offer.contains("<strong>au plus</strong>"));
    let recurring = html(&files, "offres/permanence/index.html");
    assert!(recurring.contains("<th scope=\"row\">Mardi</th><td class=\"ferme\">Pas de séance</td>"), "{recurring}");
    assert!(recurring.contains("<li>Lundi : 9\u{a0}h – 12\u{a0}h</li>"));
    assert!(!recurring.contains("<li>Fermé"));
    assert!(offer.contains("Téléphoner : <a href=\"tel:+33478781200\">04 78 78 12 00</a>"));
    let home = html(&files, "index.html");
    assert!(home.contains("<h1>De quoi avez-vous besoin ?</h1>"));
    assert!(home.contains("3 lieux dans 2 communes, 3 offres"));
    assert!(home.contains("Atelier « Mon smartphone »"));
    assert!(!home.contains("Ancien atelier"), "past offers are not on the home page");
}

#[test]
fn internal_links_use_the_base_path() {
    let files = render(&small_site("https://x.github.io/resin"));
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        let page = std::str::from_utf8(&file.bytes).unwrap();
        for (i, _) in page.match_indices("href=\"/") {
            assert!(page[i + 6..].starts_with("/resin/"), "{}: {}", file.path, &page[i..(i + 60).min(page.len())]);
        }
    }
    let home = html(&files, "index.html");
    assert!(home.contains("href=\"/resin/static/style.css\""));
    assert!(home.contains("<a href=\"/resin/a-propos/\">À propos</a>"));
    let sitemap = html(&files, "sitemap.xml");
    assert!(sitemap.contains("<url><loc>https://x.github.io/resin/</loc></url>"), "{sitemap}");
    assert!(sitemap.contains(
        "<url><loc>https://x.github.io/resin/lieux/mediatheque-du-bachut/</loc><lastmod>2026-03-03</lastmod></url>"
    ));
    assert!(!sitemap.contains("404"));
    assert_eq!(
        html(&files, "robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://x.github.io/resin/sitemap.xml\n"
    );
}

#[test]
fn output_does_not_depend_on_the_thread_count() {
    let site = small_site("https://resin.exemple.fr/");
    let theme = Theme::embedded().unwrap();
    let with = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| render_site(&site, &theme).unwrap())
    };
    assert_eq!(with(1), with(4));
}

#[test]
fn the_directory_is_paginated_by_100() {
    let mut site = small_site("https://resin.exemple.fr/");
    for i in 0..205 {
        let commune = if i < 150 { "Bron" } else { "Vénissieux" };
        site.entries.places.push(Arc::new(place(&format!("lieu-{i:03}"), &format!("Lieu {i:03}"), commune)));
    }
    let site = Site::new(site.config.clone(), site.entries.clone(), site.today);
    let files = render(&site);
    let first = html(&files, "lieux/index.html");
    assert!(first.contains("<nav class=\"pagination\" aria-label=\"Pages de la liste des lieux\">"));
    assert!(first.contains("<a href=\"/lieux/\" aria-current=\"page\">Page 1</a>"));
    assert_eq!(first.matches("<li class=\"carte\">").count(), 100);
    let second = html(&files, "lieux/page/2/index.html");
    assert!(second.contains("<h2 class=\"groupe\">Bron (suite)</h2>"), "{second}");
    assert!(second.contains("rel=\"prev\""));
    let third = html(&files, "lieux/page/3/index.html");
    assert_eq!(third.matches("<li class=\"carte\">").count(), 208 - 200);
    assert!(!files.iter().any(|f| f.path == "lieux/page/4/index.html"));
}

#[test]
fn service_pages_and_offers_are_paginated_too() {
    let mut site = small_site("https://resin.exemple.fr/");
    for i in 0..150 {
        site.entries.places.push(Arc::new(place(&format!("lieu-{i:03}"), &format!("Lieu {i:03}"), "Bron")));
    }
    let template = (*site.entries.offers[0]).clone();
    for i in 0..120 {
        let mut offer = template.clone();
        offer.slug = format!("offre-{i:03}");
        offer.titre = format!("Offre {i:03}");
        site.entries.offers.push(Arc::new(offer));
    }
    let site = Site::new(site.config.clone(), site.entries.clone(), site.today);
    let files = render(&site);
    let service = "services/aide-aux-demarches-administratives/";
    assert!(html(&files, &format!("{service}index.html")).contains("(page 1 sur 2)"));
    let second = html(&files, &format!("{service}page/2/index.html"));
    assert!(second.contains("<h2 class=\"groupe\">Bron (suite)</h2>"), "{second}");
    let offers = html(&files, "offres/index.html");
    assert_eq!(offers.matches("<li class=\"carte\">").count(), 100);
    let offers_2 = html(&files, "offres/page/2/index.html");
    assert!(offers_2.contains("(suite)</h2>"), "{offers_2}");
    assert!(offers_2.contains("<nav class=\"pagination\" aria-label=\"Pages de la liste des offres\">"));
}

#[test]
fn template_errors_name_the_template_and_the_cause() {
    let root = tempfile::tempdir().unwrap();
    let templates = root.path().join("themes/resin/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("page.html"),
        "{% extends \"base.html\" %}{% block contenu %}{{ d.inconnu }}{% endblock contenu %}",
    )
    .unwrap();
    let theme = Theme::load(root.path()).unwrap();
    let err = render_site(&small_site("https://resin.exemple.fr/"), &theme).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("page.html"), "{message}");
    assert!(message.contains("d.inconnu"), "{message}");
}

#[test]
fn pages_showing_choices_from_every_place_are_always_produced_again() {
    let site = small_site("https://resin.exemple.fr/");
    let version = |_: FileId| 1u64;
    let keys = deps::Keys::new(&site, &version, 7);
    // The first page of /lieux/ holds the filter form (choices from every place), the home page
    // too, and /carte/; the search index holds every place.
    for output in
        [Output::Page(Job::Places { n: 1, total: 2 }), Output::Page(Job::Home), Output::Page(Job::Map), Output::Search]
    {
        assert_eq!(keys.key(output), None, "{output:?}");
    }
    // A later page depends on its own places only.
    assert!(keys.key(Output::Page(Job::Places { n: 2, total: 2 })).is_some());
}
