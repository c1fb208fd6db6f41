//! Plain words (issue 23): residents read everyday French for the standard's values (the table
//! of `src/render/labels.rs`), never its codes or outdated labels; the exports keep the
//! standard's values.

use std::fs;
use std::path::Path;

use crate::support::SiteTest;

/// Wordings residents must not read: an old name (the Maisons de services au public are France
/// Services since 2020), the standard's administrative or misspelt values.
const OUTDATED: [&str; 7] = [
    "Maison de services au public",
    "Langues étrangères (autres)",
    "Bibliothèques numérique de référence",
    "Langues étrangères (anglais)",
    "Handicaps mentaux",
    "Handicaps moteurs",
    "Familles et/ou enfants",
];

/// The HTML pages residents read, under `dir`, with their text as shown: entities decoded,
/// scripts (the schema.org JSON-LD keeps the standard's values) and the standard's notes for
/// advisers (`class="standard"`) left out. Left out too: `/donnees/`, which documents the
/// exports in the standard's own words, the network's space (`/reseau/`), written for
/// professionals in the standard's words, and the web editor (`/admin/`).
fn resident_pages(dir: &Path, public: &Path, pages: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let relative = path.strip_prefix(public).unwrap().to_string_lossy().replace('\\', "/");
        if path.is_dir() {
            if !["admin", "donnees", "reseau"].contains(&relative.as_str()) {
                resident_pages(&path, public, pages);
            }
        } else if relative.ends_with(".html") {
            pages.push((relative, shown_text(&fs::read_to_string(&path).unwrap())));
        }
    }
}

/// `html` without its scripts and the standard's notes, entities decoded.
fn shown_text(html: &str) -> String {
    let mut text = html.to_string();
    for (open, close) in
        [("<script", "</script>"), ("<span class=\"standard\"", "</span>"), ("<p class=\"standard\"", "</p>")]
    {
        while let Some(start) = text.find(open) {
            let end = text[start..].find(close).map_or(text.len(), |e| start + e + close.len());
            text.replace_range(start..end, "");
        }
    }
    text.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
}

#[test]
fn pages_show_plain_words_and_the_exports_the_standards_values() {
    let site = SiteTest::example();
    site.build();
    let public = site.root().join("public");
    let mut pages = Vec::new();
    resident_pages(&public, &public, &mut pages);
    assert!(pages.len() > 100, "the example's pages are read: {}", pages.len());

    let mut seen = Vec::new();
    for (path, text) in &pages {
        for wording in OUTDATED {
            if text.contains(wording) {
                seen.push(format!("{path}: « {wording} »"));
            }
        }
    }
    assert!(seen.is_empty(), "pages show the standard's wording instead of plain words:\n{}", seen.join("\n"));

    // The example has these values, and its pages show them in plain words.
    let page = |path: &str| &pages.iter().find(|(p, _)| p == path).unwrap_or_else(|| panic!("{path}")).1;
    assert!(page("lieux/bibliotheque-du-vieux-lyon/index.html").contains("Bibliothèque numérique de référence"));
    assert!(page("lieux/association-connexions-guillotiere/index.html").contains("Accueil en langues étrangères"));
    assert!(page("offres/ecrivain-public-numerique-saint-fons/index.html").contains("Accueil en langues étrangères"));
    // The directory's filters.
    let directory = page("lieux/index.html");
    assert!(directory.contains("Accueil en langues étrangères") && directory.contains("Familles et enfants"));
    assert!(page("publics/index.html").contains("Familles et enfants"));

    // The directory's search index, which the scripts show, carries the plain words.
    let index: serde_json::Value = serde_json::from_str(&site.read("public/lieux/recherche.json")).unwrap();
    let prises = index["prises"].as_array().unwrap();
    assert!(prises.iter().any(|p| p[0] == "Accueil en langues étrangères" && p[1] == "langues-etrangeres-autres"));
    let types: Vec<&str> = index["lieux"].as_array().unwrap().iter().filter_map(|l| l["t"].as_str()).collect();
    assert!(types.contains(&"France Services") && !types.iter().any(|t| t.contains("Maison de services")));
    // A place is still found by its service's standard name: the index keeps it beside the words.
    let services = index["services"].as_array().unwrap();
    assert!(services.iter().any(|s| s[2] == "Aide aux démarches administratives"));

    // The exports keep the standard's values.
    for export in ["public/donnees/lieux.csv", "public/donnees/lieux.json", "public/donnees/lieux.geojson"] {
        let data = site.read(export);
        for value in
            ["MSAP", "Langues étrangères (autres)", "Bibliothèques numérique de référence", "Familles et/ou enfants"]
        {
            assert!(data.contains(value), "{export} keeps « {value} »");
        }
        for words in ["Accueil en langues étrangères", "Bibliothèque numérique de référence", "Familles et enfants"]
        {
            assert!(!data.contains(words), "{export} has no plain words: « {words} »");
        }
    }
    let offers = site.read("public/donnees/offres.json");
    assert!(offers.contains("Langues étrangères (autres)") && !offers.contains("Accueil en langues étrangères"));
    // So does the schema.org JSON-LD of a page.
    let raw = site.read("public/lieux/france-services-givors/index.html");
    let json_ld = &raw[raw.find("application/ld+json").unwrap()..];
    assert!(json_ld[..json_ld.find("</script>").unwrap()].contains("Aide aux démarches administratives"));
}
