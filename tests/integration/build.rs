//! `resin build` on the example directory: every page family, links, exports, snapshots,
//! determinism and atomic output.

use std::sync::OnceLock;

use crate::support::{SiteTest, copy_dir, repo, tree};

/// The example, built once for the read-only tests of this module.
fn example() -> &'static SiteTest {
    static SITE: OnceLock<SiteTest> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = SiteTest::example();
        site.build();
        site
    })
}

#[test]
fn every_page_family_exists() {
    let site = example();
    for path in [
        "index.html",
        "lieux/index.html",
        "lieux/mediatheque-du-bachut/index.html",
        "bus-numerique-solidaire",
        "communes/index.html",
        "communes/villeurbanne/index.html",
        "services/index.html",
        "services/aide-aux-demarches-administratives/index.html",
        "publics/index.html",
        "publics/seniors/index.html",
        "offres/index.html",
        "a-propos/index.html",
        "mentions-legales/index.html",
        "declaration-accessibilite/index.html",
        "donnees/index.html",
        "integrer/index.html",
        "integrer/liste/index.html",
        "integrer/carte/index.html",
        "donnees/lieux.geojson",
        "donnees/lieux.csv",
        "donnees/lieux.json",
        "donnees/offres.json",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "static/style.css",
    ] {
        let path = if path.contains('.') { path.to_string() } else { format!("lieux/{path}/index.html") };
        assert!(site.exists(&format!("public/{path}")), "public/{path} is missing");
    }
    let files = tree(&site.root().join("public"));
    let places = files
        .keys()
        .filter(|p| p.starts_with("lieux/") && p.ends_with("/index.html") && p.matches('/').count() == 2)
        .count();
    let offers = files
        .keys()
        .filter(|p| p.starts_with("offres/") && p.ends_with("/index.html") && p.matches('/').count() == 2)
        .count();
    // Besides one page per offer, the list of each kind of offer the example has.
    for list in ["ateliers", "aide-individuelle", "formations", "acces-libre"] {
        assert!(files.contains_key(&format!("offres/{list}/index.html")), "{list}");
    }
    let offers = offers - 4;
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    assert_eq!(places, std::fs::read_dir(content.join("lieux")).unwrap().count());
    assert_eq!(offers, std::fs::read_dir(content.join("offres")).unwrap().count());
}

/// Every `href`/`src` that points inside the site resolves to a written file, and every
/// `#fragment` to an id of its page.
#[test]
fn every_internal_link_resolves() {
    let site = example();
    let files = tree(&site.root().join("public"));
    let mut checked = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for link in attributes(&html, &["href", "src"]) {
            if link.starts_with("http://")
                || link.starts_with("https://")
                || link.contains(':') && !link.starts_with('/')
            {
                continue;
            }
            let (target, fragment) = link.split_once('#').unwrap_or((link.as_str(), ""));
            let target = target.split('?').next().unwrap();
            let file = if target.is_empty() {
                path.clone()
            } else {
                assert!(target.starts_with('/'), "{path}: relative link {link}");
                let t = target.trim_start_matches('/');
                if t.is_empty() || t.ends_with('/') { format!("{t}index.html") } else { t.to_string() }
            };
            let page = files.get(&file).unwrap_or_else(|| panic!("{path}: link {link} → {file} does not exist"));
            if !fragment.is_empty() {
                let page = String::from_utf8_lossy(page);
                assert!(page.contains(&format!("id=\"{fragment}\"")), "{path}: anchor {link} missing");
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

fn attributes(html: &str, names: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for name in names {
        let needle = format!(" {name}=\"");
        let mut rest = html;
        while let Some(i) = rest.find(&needle) {
            rest = &rest[i + needle.len()..];
            let end = rest.find('"').unwrap();
            out.push(rest[..end].replace("&amp;", "&"));
        }
    }
    out
}

#[test]
fn geojson_holds_every_place_with_coordinates() {
    let site = example();
    let geojson: geojson::GeoJson = site.read("public/donnees/lieux.geojson").parse().expect("valid GeoJSON");
    let geojson::GeoJson::FeatureCollection(collection) = geojson else { panic!("not a FeatureCollection") };
    let json: Vec<serde_json::Value> = serde_json::from_str(&site.read("public/donnees/lieux.json")).unwrap();
    let with_coordinates = json.iter().filter(|p| p.get("latitude").is_some()).count();
    assert_eq!(collection.features.len(), with_coordinates);
    assert_eq!(collection.features.len(), 47);
    let bachut = collection
        .features
        .iter()
        .find(|f| f.property("id").and_then(|v| v.as_str()) == Some("mediatheque-du-bachut"))
        .expect("the Bachut library");
    let geometry = bachut.geometry.as_ref().unwrap();
    let geojson::GeometryValue::Point { coordinates } = &geometry.value else { panic!("a point") };
    assert!((coordinates[0] - 4.87).abs() < 0.05 && (coordinates[1] - 45.73).abs() < 0.05, "[lon, lat] order");
    assert_eq!(bachut.property("url").unwrap(), "https://resin.exemple.fr/lieux/mediatheque-du-bachut/");
}

#[test]
fn csv_header_is_the_standard() {
    let site = example();
    let csv = site.read("public/donnees/lieux.csv");
    let header = csv.lines().next().unwrap();
    let standard = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/standard/exemple-valide.csv"),
    )
    .unwrap();
    let standard_header = standard.lines().next().unwrap().replace('"', "");
    assert_eq!(header, standard_header);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 47);
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    for row in &rows {
        assert!(row[column("telephone")].is_empty() || row[column("telephone")].starts_with("+33"), "E.164");
        assert_eq!(row[column("code_postal")].len(), 5);
        assert!(!row[column("services")].contains(", "), "lists are joined with |");
    }
}

/// The exports follow the standard's own TableSchema patterns (data/standard/schema.json).
#[test]
fn exports_match_the_schema_patterns() {
    let site = example();
    crate::support::assert_standard(&site.read("public/donnees/lieux.json"));
}

#[test]
fn offers_are_listed_upcoming_first() {
    let site = example();
    let offers = site.read("public/offres/index.html");
    let upcoming = offers.find("Prochaines séances").expect("upcoming section");
    let past = offers.find("Offres passées").expect("past section");
    assert!(upcoming < past);
    // An offer whose sessions are all past is not listed among the upcoming ones.
    let semaine_bleue = offers.find("/offres/semaine-bleue-seniors-connectes/").unwrap();
    assert!(semaine_bleue > past);
}

fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("<main>");
    let end = html.find("</main>").expect("</main>") + "</main>".len();
    html[start..end].to_string()
}

#[test]
fn snapshots_of_each_page_kind() {
    let site = example();
    for (name, path) in [
        ("accueil", "index.html"),
        ("lieux", "lieux/index.html"),
        ("lieu", "lieux/mediatheque-du-bachut/index.html"),
        ("commune", "communes/villeurbanne/index.html"),
        ("service", "services/acquisition-de-materiel-informatique-a-prix-solidaire/index.html"),
        ("public", "publics/etudiants/index.html"),
        ("offres", "offres/index.html"),
        ("offre", "offres/atelier-smartphone-bachut/index.html"),
        ("page", "a-propos/index.html"),
        ("donnees", "donnees/index.html"),
        ("carte", "carte/index.html"),
        ("integrer", "integrer/index.html"),
        ("integrer_liste", "integrer/liste/index.html"),
        ("introuvable", "404.html"),
        ("critere", "criteres/pass-numerique/index.html"),
        ("reseau", "reseau/index.html"),
        ("reseau_appels", "reseau/appels-a-projets/index.html"),
        ("reseau_etiquette", "reseau/etiquettes/pix/index.html"),
        ("actualite", "reseau/actualites/bilan-pass-numerique-premier-semestre/index.html"),
        ("appel", "reseau/appels-a-projets/fonds-appui-demarches-en-ligne/index.html"),
        ("bonne_pratique", "reseau/bonnes-pratiques/atelier-dejouer-les-arnaques/index.html"),
        ("annonce", "reseau/bourse/quinze-ordinateurs-portables-reconditionnes/index.html"),
        ("evenement", "reseau/agenda/forum-demain-numerique-en-famille/index.html"),
    ] {
        let html = site.read(&format!("public/{path}"));
        insta::assert_snapshot!(format!("page_{name}"), main_of(&html));
    }
    insta::assert_snapshot!("sitemap", site.read("public/sitemap.xml"));
    insta::assert_snapshot!("robots", site.read("public/robots.txt"));
}

#[test]
fn pages_are_french_accessible_html() {
    let site = example();
    let files = tree(&site.root().join("public"));
    // The web editor is an application for animators, tested in admin.rs and in Chromium.
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html") && !p.starts_with("admin/")) {
        let html = String::from_utf8(bytes.clone()).unwrap();
        assert!(html.starts_with("<!doctype html>") || html.starts_with("<!DOCTYPE html>"), "{path}");
        assert!(html.contains("<html lang=\"fr\""), "{path}: lang");
        assert_eq!(html.matches("<h1").count(), 1, "{path}: one h1");
        assert!(html.contains("href=\"#contenu\""), "{path}: skip link");
        assert!(html.contains("id=\"contenu\""), "{path}: skip target");
        // JavaScript only enhances: the theme's deferred files, each where it is needed. Leaflet
        // is never in a page: cartes.js loads it when a map is asked for.
        let json_ld = html.matches("<script type=\"application/ld+json\">").count();
        let scripts = html.matches("<script").count() - json_ld;
        let counts = crate::support::theme_scripts(&html);
        assert_eq!(scripts, counts.iter().sum::<usize>(), "{path}: no other script");
        let [
            ouverture,
            accueil,
            annuaire,
            carte_lieu,
            cartes,
            leaflet,
            cluster,
            commun,
            orientation,
            orienter,
            besoin,
            integrer,
        ] = counts;
        // /integrer/ and its embedded views, which are the directory's list and map.
        let embedded = ["integrer/liste/index.html", "integrer/carte/index.html"].contains(&path.as_str());
        assert_eq!(integrer, usize::from(embedded || path == "integrer/index.html"), "{path}: the snippet's script");
        // A need's page (its first page) offers the communes, that besoin.js leads to /lieux/; the
        // communes' list offers the others (« votre commune n'est pas dans la liste ? »).
        let need = path.starts_with("services/") && path.matches('/').count() == 2 || path == "communes/index.html";
        assert_eq!(besoin, usize::from(need), "{path}: the need page's script");
        let orient = path == "orienter/index.html";
        assert_eq!(orientation, usize::from(orient), "{path}: the guided form's ranking");
        assert_eq!(orienter, usize::from(orient), "{path}: the guided form's page, in one file");
        assert_eq!(accueil, usize::from(path == "index.html"), "{path}: the home page's script");
        let place = path.starts_with("lieux/") && path != "lieux/index.html" && !path.starts_with("lieux/page/");
        let offer_list = ["ateliers", "aide-individuelle", "formations", "acces-libre"]
            .iter()
            .any(|list| path.starts_with(&format!("offres/{list}/")));
        let offer = path.starts_with("offres/")
            && path != "offres/index.html"
            && !path.starts_with("offres/page/")
            && !offer_list;
        let event =
            path.starts_with("reseau/agenda/") && path.matches('/').count() == 3 && !path.contains("/archives/");
        assert_eq!(
            json_ld,
            usize::from(place || offer || event),
            "{path}: structured data on place, offer and event pages"
        );
        let directory = ["lieux/index.html", "carte/index.html"].contains(&path.as_str()) || embedded;
        let map = path == "carte/index.html" || path == "integrer/carte/index.html";
        assert_eq!(annuaire, usize::from(directory), "{path}: the directory's script");
        assert_eq!(commun, usize::from(directory || orient), "{path}: what the directory and /orienter/ share");
        assert_eq!((leaflet, cluster), (0, 0), "{path}: Leaflet only on demand");
        // carte-lieu.js: a place's small map; cartes.js: what it shares with the map of /carte/.
        let small_map = place && html.contains("id=\"carte-lieu\"");
        assert_eq!(carte_lieu, usize::from(small_map), "{path}: small map");
        assert_eq!(cartes, usize::from(small_map || map), "{path}: Leaflet's loader and the maps' base");
        // Place and offer pages with hours, lists of places that have some; the directory, whose
        // filter "open now" uses it.
        let hours = html.contains("data-ouverture");
        assert_eq!(ouverture, usize::from(hours || directory || orient), "{path}: opening status");
        assert!(html.contains("exemples fictifs"), "{path}: the example notice");
    }
}

#[test]
fn the_orienter_script_is_served_as_one_file_joined_from_its_parts() {
    let site = example();
    // The parts of themes/resin/static/orienter/, in the order of render::theme::JOINED; each
    // ends with `;` and a line break, so the join adds nothing between them.
    let parts = ["etat.js", "mots.js", "liste.js", "fiche.js", "page.js"];
    let mut expected = String::new();
    for part in parts {
        let text = std::fs::read_to_string(repo().join("themes/resin/static/orienter").join(part)).unwrap();
        assert!(text.ends_with(";\n"), "{part}");
        expected.push_str(&text);
    }
    // Each part minified, then joined (a line break after each).
    let served = site.read("public/static/orienter.js");
    let minified: String = parts
        .iter()
        .map(|part| {
            let text = std::fs::read_to_string(repo().join("themes/resin/static/orienter").join(part)).unwrap();
            format!("{}\n", minifier::js::minify(&text))
        })
        .collect();
    assert!(served == minified, "static/orienter.js is not its parts minified and joined in order");
    assert!(served.len() < expected.len() * 3 / 4, "minified: {} B for {} B", served.len(), expected.len());
    assert!(served.starts_with("'use strict';(function"), "without its comments");
    assert!(!site.root().join("public/static/orienter").exists(), "the parts are not published");
    // A valid script as a whole (the browser tests run it in Chromium).
    if std::process::Command::new("node").arg("--version").output().is_ok() {
        let output = std::process::Command::new("node")
            .args(["--check", "public/static/orienter.js"])
            .current_dir(site.root())
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
}

#[test]
fn place_page_is_light() {
    let site = example();
    let page = site.read("public/lieux/mediatheque-du-bachut/index.html").len();
    let css = site.read("public/static/style.css").len();
    assert!(page + css < 50_000, "place page {page} B + CSS {css} B");
}

#[test]
fn deterministic_across_thread_counts() {
    let site = SiteTest::example();
    site.run_with(&["build", "--output", "un"], &[("RAYON_NUM_THREADS", "1")]).expect_code(0);
    site.run_with(&["build", "--output", "deux"], &[("RAYON_NUM_THREADS", "2")]).expect_code(0);
    site.run_with(&["build", "--output", "huit"], &[("RAYON_NUM_THREADS", "8")]).expect_code(0);
    let one = tree(&site.root().join("un"));
    assert!(one.len() > 100);
    assert!(one == tree(&site.root().join("deux")), "1 and 2 threads differ");
    assert!(one == tree(&site.root().join("huit")), "1 and 8 threads differ");
}

/// The same content gives the same bytes whatever order its files were created in (and so
/// whatever order the file system lists them in, and whatever their dates), and from one run
/// to the next.
#[test]
fn deterministic_across_file_creation_orders_and_runs() {
    let files = tree(&repo().join("content"));
    let build = |order: &mut dyn Iterator<Item = (&String, &Vec<u8>)>, pause: bool| {
        let site = SiteTest::new();
        for (path, bytes) in order {
            let target = site.root().join("content").join(path);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::write(target, bytes).unwrap();
            if pause {
                // Distinct modification times, in the other order.
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        }
        copy_dir(&repo().join("data/territoire"), &site.root().join("data/territoire"));
        site.build();
        tree(&site.root().join("public"))
    };
    let forward = build(&mut files.iter(), false);
    assert!(forward.len() > 100);
    let backward = build(&mut files.iter().rev(), true);
    assert!(forward == backward, "creation order changed the output");
    let again = build(&mut files.iter(), false);
    assert!(forward == again, "two runs differ");
}

#[test]
fn failed_build_leaves_previous_output_identical() {
    let site = SiteTest::example();
    site.build();
    let before = tree(&site.root().join("public"));
    // A content error…
    site.write("content/lieux/casse.md", "---\nnom: Cassé\ncode_postal: 69000\n---\n");
    let run = site.run(&["build"]).expect_code(1);
    assert!(run.stderr.contains("Rien n'a été publié"), "{}", run.stderr);
    assert!(before == tree(&site.root().join("public")), "content error changed public/");
    // …and a template error.
    site.remove("content/lieux/casse.md");
    site.write(
        "themes/resin/templates/lieu.html",
        "{% extends \"base.html\" %}{% block contenu %}{{ inconnu.champ }}{% endblock %}",
    );
    let run = site.run(&["build"]).expect_code(2);
    assert!(run.stderr.contains("gabarit"), "{}", run.stderr);
    assert!(before == tree(&site.root().join("public")), "template error changed public/");
    // No staging folder is left behind.
    assert_eq!(site.staging_leftovers(), Vec::<String>::new());
}

#[test]
fn rebuild_replaces_removed_pages() {
    let site = SiteTest::example();
    site.build();
    assert!(site.exists("public/lieux/mediatheque-du-bachut/index.html"));
    site.remove("content/lieux/mediatheque-du-bachut.md");
    // The offers and entries of the network's space that name it go too.
    for folder in ["offres", "actualites", "appels-a-projets", "bonnes-pratiques", "bourse", "agenda"] {
        for entry in std::fs::read_dir(site.root().join("content").join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            if text.contains("mediatheque-du-bachut") {
                std::fs::remove_file(path).unwrap();
            }
        }
    }
    site.build();
    assert!(!site.exists("public/lieux/mediatheque-du-bachut/index.html"));
    assert!(!site.read("public/lieux/index.html").contains("mediatheque-du-bachut"));
}

#[test]
fn content_only_site_builds_with_the_embedded_theme() {
    let site = SiteTest::example();
    assert!(!site.exists("themes"));
    site.build();
    assert!(site.read("public/static/style.css").contains("focus"));
}

#[test]
fn base_url_option_changes_absolute_urls() {
    let site = SiteTest::example();
    site.run(&["build", "--base-url", "https://exemple.org/annuaire/"]).expect_code(0);
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("<loc>https://exemple.org/annuaire/lieux/</loc>"), "{sitemap}");
    assert!(site.read("public/index.html").contains("href=\"/annuaire/lieux/\""));
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let site = SiteTest::example().file("autre/important.txt", "à garder");
    let run = site.run(&["build", "--output", "autre"]).expect_code(2);
    assert!(run.stderr.contains("n'a pas été écrit par resin"), "{}", run.stderr);
    assert_eq!(site.read("autre/important.txt"), "à garder");
    site.run(&["build", "--output", "."]).expect_code(2);
    site.run(&["build", "--output", "content"]).expect_code(2);
}

/// A failed first publish leaves no staging folder behind.
#[cfg(unix)]
#[test]
fn failed_first_publish_leaves_nothing_behind() {
    let site = SiteTest::example();
    std::os::unix::fs::symlink("nulle-part/ici", site.root().join("public")).unwrap();
    site.run(&["build"]).expect_code(2);
    assert_eq!(site.staging_leftovers(), Vec::<String>::new());
}

#[test]
fn editors_leftovers_are_not_published() {
    let site = SiteTest::new()
        .file("content/lieux/bachut.md", crate::support::PLACE)
        .file("content/lieux/bachut.md~", crate::support::PLACE)
        .file("content/lieux/#bachut.md#", crate::support::PLACE)
        .file("content/lieux/.#bachut.md", crate::support::PLACE)
        .file("content/fichiers/notes.txt~", "brouillon")
        .file("content/fichiers/notes.txt", "notes");
    let run = site.run(&["build"]).expect_code(0);
    assert!(!run.stderr.contains("erreur"), "{}", run.stderr);
    let public = tree(&site.root().join("public"));
    assert!(public.contains_key("lieux/bachut/index.html"));
    assert!(public.contains_key("fichiers/notes.txt"));
    let leftovers: Vec<&String> = public.keys().filter(|p| p.contains('~') || p.contains('#')).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_place_page_carries_a_qr_code_of_its_own_address() {
    let page = example().read("public/lieux/mediatheque-du-bachut/index.html");
    let figure =
        page.split("<figure class=\"qr\">").nth(1).expect("a QR code figure").split("</figure>").next().unwrap();
    assert!(figure.contains("<svg") && figure.contains("aria-hidden=\"true\""), "{figure}");
    assert!(
        figure.contains("<figcaption>") && figure.contains("https://resin.exemple.fr/lieux/mediatheque-du-bachut/")
    );
    // The code follows the address: another base URL draws another code.
    let other = SiteTest::example();
    other.run(&["build", "--base-url", "https://annuaire.exemple.org/"]).expect_code(0);
    let moved = other.read("public/lieux/mediatheque-du-bachut/index.html");
    let path = |html: &str| html.split("<path d=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    assert_ne!(path(&page), path(&moved));
    assert!(moved.contains("https://annuaire.exemple.org/lieux/mediatheque-du-bachut/"));
}

/// What to bring (`pieces_a_apporter`, resin's own field): on the pages of places and offers,
/// in `offres.json`, never in the national standard's exports; a value that is not text is
/// located.
#[test]
fn what_to_bring_is_shown_and_exported_outside_the_standard() {
    let site = SiteTest::example();
    site.build();
    let place = site.read("public/lieux/france-services-lyon-part-dieu/index.html");
    assert!(place.contains("<p>À apporter :</p>\n<ul>\n<li>Une pièce d&#39;identité</li>"), "place page");
    let offer = site.read("public/offres/permanence-demarches-part-dieu/index.html");
    assert!(offer.contains("<li>Votre numéro d&#39;allocataire CAF ou de sécurité sociale</li>"), "offer page");
    let bachut = site.read("public/lieux/mediatheque-du-bachut/index.html");
    assert!(!bachut.contains("À apporter"), "nothing when the field is absent");
    let offers: serde_json::Value = serde_json::from_str(&site.read("public/donnees/offres.json")).unwrap();
    let cv = offers.as_array().unwrap().iter().find(|o| o["id"] == "cv-et-candidature-en-ligne").unwrap();
    assert_eq!(cv["pieces_a_apporter"][0], "Vos identifiants France Travail");
    assert!(!site.read("public/donnees/lieux.csv").contains("pieces_a_apporter"), "not a column of the standard");

    let bad = crate::support::PLACE.replace("date_maj:", "pieces_a_apporter: { identite: oui }\ndate_maj:");
    let run = SiteTest::new().file("content/lieux/a.md", &bad).run(&["check", "--format", "json"]).expect_code(1);
    let d = &run.diagnostics()[0];
    assert_eq!(d["code"], "type", "{d}");
    assert!(d["message"].as_str().unwrap().contains("pieces_a_apporter"), "{d}");
}

/// A folder named like `prefix`'s temporary folders in `root`, holding an old page, with
/// resin's marker when `marked`.
#[cfg(unix)]
fn leftover(root: &std::path::Path, name: &str, marked: bool) {
    let dir = root.join(name);
    std::fs::create_dir_all(dir.join("lieux")).unwrap();
    std::fs::write(dir.join("lieux/index.html"), "un ancien site").unwrap();
    if marked {
        std::fs::write(dir.join(".resin-build"), "").unwrap();
    }
}

/// Issue 19, defect 4: each killed build left its temporary folder (a whole site) beside the
/// output for ever. The next build removes those that carry resin's marker and whose process
/// is gone, and nothing else.
#[cfg(unix)]
#[test]
fn the_next_build_removes_what_killed_builds_left() {
    let site = SiteTest::example();
    site.build();
    let dead = {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        child.wait().unwrap();
        child.id()
    };
    let live = std::process::id();
    let root = site.root();
    leftover(root, &format!(".resin-tmp-{dead}-a1B2c3"), true);
    leftover(root, &format!(".resin-old-{dead}-d4E5f6"), true);
    // A build still running, a folder resin did not mark, a name without a process.
    let kept = [format!(".resin-tmp-{live}-g7H8i9"), format!(".resin-tmp-{dead}-etranger"), ".resin-tmp-sans".into()];
    leftover(root, &kept[0], true);
    leftover(root, &kept[1], false);
    leftover(root, &kept[2], true);
    // Killed before it could mark its folder: the folder is empty.
    std::fs::create_dir(root.join(format!(".resin-tmp-{dead}-vide"))).unwrap();
    // A link named like a leftover, to a marked folder elsewhere: neither is removed.
    let elsewhere = tempfile::tempdir().unwrap();
    leftover(elsewhere.path(), "site", true);
    let link = format!(".resin-tmp-{dead}-lien");
    std::os::unix::fs::symlink(elsewhere.path().join("site"), root.join(&link)).unwrap();
    site.build();
    let mut left = site.staging_leftovers();
    left.sort();
    let mut expected: Vec<String> = kept.iter().cloned().chain([link]).collect();
    expected.sort();
    assert_eq!(left, expected);
    assert!(elsewhere.path().join("site/lieux/index.html").exists());
}

/// A real `kill -9` during a build: its temporary folder was private (not readable by other
/// users) while it was written, and the next build removes it.
#[cfg(unix)]
#[test]
fn a_killed_build_leaves_a_private_folder_the_next_build_removes() {
    use std::os::unix::fs::PermissionsExt;
    use std::time::{Duration, Instant};
    let site = SiteTest::example();
    // Enough places for the build to take a while.
    for i in 0..1500 {
        let place = crate::support::PLACE.replace("Médiathèque du Bachut", &format!("Médiathèque numéro {i}"));
        site.write(&format!("content/lieux/copie-{i}.md"), &place);
    }
    site.build();
    let mut child = crate::support::resin(site.root())
        .arg("build")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let staging = loop {
        // Once it is marked: a build killed before leaves an empty folder (removed too).
        if let Some(name) = site.staging_leftovers().into_iter().next()
            && site.exists(&format!("{name}/.resin-build"))
        {
            break name;
        }
        assert!(child.try_wait().unwrap().is_none(), "the build ended before its temporary folder was seen");
        assert!(started.elapsed() < Duration::from_secs(120), "no temporary folder");
        std::thread::sleep(Duration::from_millis(1));
    };
    let mode = std::fs::metadata(site.root().join(&staging)).unwrap().permissions().mode();
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(mode & 0o077, 0, "{staging} is readable by others: {mode:o}");
    assert!(staging.starts_with(&format!(".resin-tmp-{}-", child.id())), "{staging}");
    assert_eq!(site.staging_leftovers(), vec![staging.clone()], "the killed build's folder is left");
    site.build();
    assert_eq!(site.staging_leftovers(), Vec::<String>::new(), "killed: {staging}");
}
