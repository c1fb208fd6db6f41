//! The residents' directory: the search index read by `annuaire.js`, the map page, the
//! vendored front-end libraries. The browser behaviour itself is tested in Chromium
//! (`navigateur.rs`).

use serde_json::Value;

use crate::support::{SiteTest, repo};

fn index(site: &SiteTest) -> Value {
    serde_json::from_str(&site.read("public/lieux/recherche.json")).expect("the index is JSON")
}

#[test]
fn the_search_index_lists_every_place_in_directory_order_with_its_filters() {
    let site = SiteTest::example();
    site.build();
    let index = index(&site);
    let places = index["lieux"].as_array().unwrap();
    assert_eq!(places.len(), 47);
    assert_eq!(index["debut"], "2026-11-25");

    // Directory order: the communes' order of /lieux/, then names.
    let communes = index["communes"].as_array().unwrap();
    let commune_of = |l: &Value| communes[l["c"].as_u64().unwrap() as usize][0].as_str().unwrap().to_string();
    let listed = site.read("public/lieux/index.html");
    let first = &places[0];
    assert!(
        listed.find(first["n"].as_str().unwrap()).unwrap() < listed.find(places[1]["n"].as_str().unwrap()).unwrap()
    );
    let order: Vec<String> = places.iter().map(commune_of).collect();
    let mut groups = order.clone();
    groups.dedup();
    let mut sorted = groups.clone();
    sorted.sort_by_key(|c| resin_fold(c));
    assert_eq!(groups, sorted, "places grouped by commune, communes in order");

    // One place in full: the Médiathèque du Bachut.
    let bachut = places.iter().find(|l| l["n"] == "Médiathèque du Bachut").unwrap();
    assert_eq!(bachut["u"], "/lieux/mediatheque-du-bachut/");
    assert_eq!(bachut["v"], "69008 Lyon 8e Arrondissement");
    assert_eq!(commune_of(bachut), "Lyon 8e Arrondissement");
    assert_eq!(bachut["g"], serde_json::json!([45.7372, 4.871]));
    let services: Vec<&str> = bachut["s"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| index["services"][i.as_u64().unwrap() as usize][2].as_str().unwrap())
        .collect();
    let page = site.read("public/lieux/mediatheque-du-bachut/index.html");
    for service in &services {
        assert!(page.contains(service), "{service} is on the place page too");
    }
    let hours = &index["horaires"][bachut["h"].as_u64().unwrap() as usize];
    assert_eq!(hours["o"].as_array().unwrap().len(), 14, "two weeks of opening periods");
    for line in hours["r"].as_array().unwrap() {
        assert!(page.contains(line.as_str().unwrap()), "{line} is the place page's wording");
    }

    // Every filter value of the form is in the index, and the other way round.
    for (field, list, at) in [("besoin", "services", 3), ("public", "publics", 1), ("accompagnement", "prises", 1)] {
        let values: Vec<&str> = index[list].as_array().unwrap().iter().map(|v| v[at].as_str().unwrap()).collect();
        let form = listed.split(&format!("name=\"{field}\"")).nth(1).unwrap().split("</select>").next().unwrap();
        let options: Vec<&str> = form.split("<option value=\"").skip(2).map(|o| o.split('"').next().unwrap()).collect();
        assert_eq!(options, values, "{field}");
    }
    // The commune picker of "près de moi" has every commune of the territory, with its centre.
    let centres: Vec<&Value> = communes.iter().filter(|c| c[1].is_f64()).collect();
    assert_eq!(centres.len(), 67);
    let bron = communes.iter().find(|c| c[0] == "Bron").unwrap();
    assert_eq!(bron[3], "bron");
    assert!((bron[1].as_f64().unwrap() - 45.7345).abs() < 1e-9);
}

fn resin_fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'ô' => 'o',
            other => other,
        })
        .collect()
}

#[test]
fn the_index_marks_places_open_on_saturday() {
    let site = SiteTest::new()
        .file(
            "content/lieux/samedi.md",
            &crate::support::PLACE
                .replace("nom: Médiathèque du Bachut", "nom: Ouvert le samedi")
                .replace("\"Tu,Th 13:00-19:00; PH off\"", "\"Sa 10:00-12:00\""),
        )
        .file("content/lieux/semaine.md", crate::support::PLACE);
    site.build();
    let index = index(&site);
    let places = index["lieux"].as_array().unwrap();
    let by_name = |n: &str| places.iter().find(|l| l["n"] == n).unwrap_or_else(|| panic!("{n}: {places:?}"));
    let saturday = |l: &Value| index["horaires"][l["h"].as_u64().unwrap() as usize]["sa"] == 1;
    assert!(saturday(by_name("Ouvert le samedi")));
    assert!(!saturday(by_name("Médiathèque du Bachut")));
}

#[test]
fn without_centres_in_the_communes_file_the_places_give_one() {
    let site = SiteTest::new()
        .file("content/lieux/m.md", crate::support::PLACE)
        .file("content/site.yaml", &crate::support::SITE_YAML.replace("contact:", "  communes: c.csv\ncontact:"))
        .file("c.csv", "code_insee,nom,codes_postaux\n69388,Lyon 8e Arrondissement,69008\n69029,Bron,69500\n");
    site.build();
    // "Près de moi" offers only the communes whose centre is known: Bron has no centre and no place.
    let form = site.read("public/lieux/index.html");
    let depuis = form.split("name=\"depuis\"").nth(1).unwrap().split("</select>").next().unwrap();
    assert!(depuis.contains("value=\"lyon-8e-arrondissement\""), "{depuis}");
    assert!(!depuis.contains("bron"), "{depuis}");
    let index = index(&site);
    let communes = index["communes"].as_array().unwrap();
    let place = &index["lieux"][0];
    let commune = &communes[place["c"].as_u64().unwrap() as usize];
    assert_eq!(commune[1], place["g"][0], "the mean of its places");
    assert_eq!(commune[2], place["g"][1]);
}

#[test]
fn the_map_page_loads_leaflet_from_the_site_and_reads_its_tiles_from_site_yaml() {
    let site = SiteTest::example();
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        &yaml
            .replace("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tuiles.exemple.fr/{z}/{x}/{y}.png")
            .replace("© les contributeurs d'OpenStreetMap", "Fond <b>maison</b>"),
    );
    site.build();
    let html = site.read("public/carte/index.html");
    assert!(html.contains("data-tuiles=\"https://tuiles.exemple.fr/{z}/{x}/{y}.png\""));
    assert!(
        html.contains("data-attribution=\"Fond &lt;b&gt;maison&lt;&#x2F;b&gt;\"")
            || html.contains("data-attribution=\"Fond &lt;b&gt;maison&lt;/b&gt;\"")
    );
    for file in [
        "vendor/leaflet/leaflet.js",
        "vendor/leaflet/leaflet.css",
        "vendor/leaflet.markercluster/leaflet.markercluster.js",
    ] {
        assert!(html.contains(&format!("/static/{file}")), "{file}");
        assert!(site.exists(&format!("public/static/{file}")), "{file} is published");
    }
    assert!(!html.contains("://unpkg") && !html.contains("cdn"), "nothing from a CDN");
    // The licences go with the libraries.
    assert!(site.read("public/static/vendor/leaflet/LICENSE").contains("Agafonkin"));
    assert!(site.read("public/static/vendor/leaflet.markercluster/MIT-LICENCE.txt").contains("Permission"));
    // The map is in the menu, and in the sitemap.
    assert!(html.contains("<a href=\"/carte/\" aria-current=\"page\">Carte</a>"));
    assert!(site.read("public/sitemap.xml").contains("https://resin.exemple.fr/carte/"));
}

/// The vendored files are the npm packages' files at the versions `package-lock.json` pins.
#[test]
fn vendored_libraries_match_the_pinned_npm_packages() {
    let root = repo();
    let lock: Value = serde_json::from_str(&std::fs::read_to_string(root.join("package-lock.json")).unwrap()).unwrap();
    let manifest: Value = serde_json::from_str(&std::fs::read_to_string(root.join("package.json")).unwrap()).unwrap();
    for (name, version) in [("leaflet", "1.9.4"), ("leaflet.markercluster", "1.5.3"), ("decap-cms", "3.16.3")] {
        assert_eq!(manifest["devDependencies"][name], version, "{name} pinned in package.json");
        assert_eq!(lock["packages"][format!("node_modules/{name}")]["version"], version, "{name} in the lockfile");
    }
    let theme = root.join("themes/resin");
    let files: Value = serde_json::from_str(&std::fs::read_to_string(theme.join("vendor.json")).unwrap()).unwrap();
    let modules = root.join("node_modules");
    let check = crate::support::npm_packages();
    let mut copies = 0;
    for (from, to) in files.as_object().unwrap() {
        let to = to.as_str().unwrap();
        // `folder/*.suffix`: every file of the folder that ends so, into the folder `to`.
        let pairs: Vec<(String, String)> = match from.split_once("/*") {
            None => vec![(from.clone(), to.to_string())],
            Some((folder, suffix)) => std::fs::read_dir(theme.join(to))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(suffix))
                .map(|name| (format!("{folder}/{name}"), format!("{to}{name}")))
                .collect(),
        };
        assert!(!pairs.is_empty(), "{from}: nothing vendored");
        for (from, to) in pairs {
            let vendored = std::fs::read(theme.join(&to)).unwrap_or_else(|e| panic!("{to}: {e}"));
            if check {
                assert_eq!(
                    vendored,
                    std::fs::read(modules.join(&from)).unwrap(),
                    "{to}: run `npm ci && npm run vendor`"
                );
            }
            copies += 1;
        }
        if check && let Some((folder, suffix)) = from.split_once("/*") {
            // And nothing of the package is missing from the copy.
            for entry in std::fs::read_dir(modules.join(folder)).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                if name.ends_with(suffix) {
                    assert!(theme.join(to).join(&name).exists(), "{name} not vendored: run `npm run vendor`");
                }
            }
        }
    }
    assert!(copies > 100, "{copies} files");
}
