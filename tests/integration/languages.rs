//! `langues`, the languages a place's or an offer's staff speak (issue 24 §3), and the standard
//! as it is used (§4): the typologies added since the schema, both spellings of « Étapes
//! numériques », the standard's field order in the JSON exports.

use std::sync::OnceLock;

use crate::support::{PLACE, SiteTest};

/// The example site, built once.
fn example() -> &'static SiteTest {
    static SITE: OnceLock<SiteTest> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = SiteTest::example();
        site.build();
        site
    })
}

fn json(site: &SiteTest, path: &str) -> serde_json::Value {
    serde_json::from_str(&site.read(path)).unwrap()
}

/// A value of `langues` that is not a code is refused where it is written, with the code it
/// means; French is refused; a language written twice is a warning.
#[test]
fn languages_are_checked_where_written_with_the_code_they_mean() {
    let place =
        PLACE.replace("date_maj:", "langues:\n  - arabe\n  - AR\n  - uk\n  - lsf\n  - uk\n  - fr\n  - xq\ndate_maj:");
    let run = SiteTest::new().file("content/lieux/a.md", &place).run(&["check", "--format", "json"]).expect_code(1);
    let found: Vec<(String, u64, u64, String)> = run
        .diagnostics()
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with("langue"))
        .map(|d| {
            let help = d["help"].as_str().unwrap_or_default().to_string();
            (d["code"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap(), help)
        })
        .collect();
    let at = |code: &str, line: u64| {
        found.iter().find(|f| f.0 == code && f.1 == line).unwrap_or_else(|| panic!("{found:?}"))
    };
    // The front matter starts on line 2: `langues:` is line 11, its items from line 12.
    assert_eq!(at("langue-inconnue", 12).3, "écrivez le code `ar` (arabe)");
    assert_eq!(at("langue-inconnue", 13).3, "écrivez le code `ar` (arabe)");
    assert_eq!(at("langue-inconnue", 12).2, 5, "at the value");
    assert!(at("langue-en-double", 16).3.contains("une seule fois"));
    assert!(at("langue-francais", 17).3.contains("retirez le français"));
    assert!(at("langue-inconnue", 18).3.contains("ISO 639"), "no close language: the list");
    assert_eq!(found.len(), 5, "`uk` and `lsf` are codes: {found:?}");
}

/// The place and offer pages and the cards say « On y parle : … » in French; an offer shows its
/// own languages, not its place's.
#[test]
fn pages_and_cards_say_the_languages_spoken() {
    let site = example();
    let place = site.read("public/lieux/association-connexions-guillotiere/index.html");
    assert!(place.contains("<p class=\"langues\">On y parle : arabe, anglais, espagnol, tigrigna.</p>"), "place page");
    let offer = site.read("public/offres/ecrivain-public-numerique-saint-fons/index.html");
    assert!(offer.contains("On y parle : arabe, kabyle."), "offer page");
    let quiet = site.read("public/offres/permanence-demarches-part-dieu/index.html");
    assert!(!quiet.contains("On y parle"), "an offer without `langues` inherits nothing");
    let list = site.read("public/lieux/index.html");
    assert!(list.contains("<span class=\"etiquette\">On y parle :</span> arabe, turc, arménien</p>"), "card");
    assert!(list.contains("<select id=\"f-langue\" name=\"langue\"><option value=\"\">Toutes les langues</option>"));
    assert!(list.contains("<option value=\"uk\">ukrainien</option>"), "the filter names the languages");
    let index = json(site, "public/lieux/recherche.json");
    let spoken = index["langues"].as_array().unwrap();
    assert!(spoken.contains(&serde_json::json!(["arabe", "ar"])), "{spoken:?}");
    let orient = site.read("public/orienter/index.html");
    assert!(orient.contains("<datalist id=\"o-langues\">"), "/orienter/ proposes the languages spoken");
}

/// The standard's exports count the languages in `prise_en_charge_specifique`, after what the
/// entry says, without duplicates; `offres.json` keeps `langues`.
#[test]
fn the_standards_exports_count_the_languages_as_specific_support() {
    let site = example();
    let places = json(site, "public/donnees/lieux.json");
    let support = |id: &str| {
        let place = places.as_array().unwrap().iter().find(|p| p["id"] == id).unwrap();
        place["prise_en_charge_specifique"].as_str().map(str::to_string)
    };
    // [uk, ru] and nothing else said: « Langues étrangères (autres) ».
    assert_eq!(support("centre-social-des-etats-unis").as_deref(), Some("Langues étrangères (autres)"));
    // [ar, en, es, ti] where both were already said: nothing twice.
    assert_eq!(
        support("association-connexions-guillotiere").as_deref(),
        Some("Langues étrangères (autres)|Langues étrangères (anglais)|Illettrisme")
    );
    // [fsl] with « Surdité » already said.
    assert_eq!(support("centre-social-de-sainte-foy").unwrap().matches("Surdité").count(), 1);
    let csv = site.read("public/donnees/lieux.csv");
    assert!(!csv.lines().next().unwrap().contains("langues"), "not a column of the standard");
    let offers = json(site, "public/donnees/offres.json");
    let writer = offers.as_array().unwrap().iter().find(|o| o["id"] == "ecrivain-public-numerique-saint-fons").unwrap();
    assert_eq!(writer["langues"], serde_json::json!(["ar", "kab"]));
    crate::support::assert_standard(&site.read("public/donnees/lieux.json"));
}

/// `lieux.json`, `lieux-territoire.json` and the properties of `lieux.geojson` keep the order of
/// the standard's columns (`data/standard/schema.json`), not the alphabet.
#[test]
fn the_json_exports_keep_the_standards_field_order() {
    let site = example();
    let schema: serde_json::Value = serde_json::from_str(include_str!("../../data/standard/schema.json")).unwrap();
    let columns: Vec<&str> = schema["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    let rank = |key: &str| columns.iter().position(|c| *c == key);
    // The keys of each object as written, read with a parser that keeps their order.
    let keys_in_order = |text: &str, marker: &str| -> Vec<Vec<String>> {
        text.split(marker)
            .skip(1)
            .map(|object| {
                let object = &object[..object.find('}').unwrap()];
                regex_lite::Regex::new(r#""([a-z_]+)":"#)
                    .unwrap()
                    .captures_iter(object)
                    .map(|c| c[1].to_string())
                    .collect()
            })
            .collect()
    };
    let check = |objects: Vec<Vec<String>>, what: &str| {
        assert!(!objects.is_empty(), "{what}");
        for keys in objects {
            let standard: Vec<usize> = keys.iter().filter_map(|k| rank(k)).collect();
            assert!(standard.windows(2).all(|w| w[0] < w[1]), "{what}: {keys:?}");
            assert_eq!(keys[0], "id", "{what}");
            // Resin's own columns come after the standard's.
            let own: Vec<&String> = keys.iter().skip(standard.len()).collect();
            assert!(own.iter().all(|k| rank(k).is_none()), "{what}: {keys:?}");
        }
    };
    check(keys_in_order(&site.read("public/donnees/lieux.json"), "\n  {"), "lieux.json");
    let territory = site.read("public/donnees/lieux-territoire.json");
    check(keys_in_order(&territory, "\n  {"), "lieux-territoire.json");
    assert!(territory.contains("\"extension_"), "the territory's fields, last");
    check(keys_in_order(&site.read("public/donnees/lieux.geojson"), "\"properties\":{"), "lieux.geojson");
}

/// « Étapes numériques (La Poste) », as everyone writes it, and « Étapes numériques(La
/// Poste) », as the schema's pattern does, are both accepted; the exports write the schema's.
#[test]
fn etapes_numeriques_is_read_both_ways_and_exported_as_the_schema_writes_it() {
    let with = |label: &str| PLACE.replace("date_maj:", &format!("formations_labels: [{label}]\ndate_maj:"));
    let site = SiteTest::new()
        .file("content/lieux/a.md", &with("Étapes numériques (La Poste)"))
        .file("content/lieux/b.md", &with("Étapes numériques(La Poste)").replace("Bachut", "Bachut bis"));
    site.build();
    let places = site.read("public/donnees/lieux.json");
    assert_eq!(places.matches("\"formations_labels\": \"Étapes numériques(La Poste)\"").count(), 2, "{places}");
    crate::support::assert_standard(&places);
    assert_eq!(site.read("public/donnees/lieux.csv").matches("Étapes numériques(La Poste)").count(), 2);
    let page = site.read("public/lieux/a/index.html");
    assert!(page.contains("Étapes numériques (La Poste)"), "the pages keep the space");
    let data = site.read("public/donnees/index.html");
    assert!(data.contains("Étapes numériques(La Poste)"), "/donnees/ says which form the files write");
}

/// The typologies the national library added after the schema are accepted, with plain words.
#[test]
fn typologies_added_since_the_schema_are_accepted_with_plain_words() {
    let place = PLACE.replace("date_maj:", "typologie: [FABRIQUE, RELAIS_LECTURE, ESAT, MDH]\ndate_maj:");
    let site = SiteTest::new().file("content/lieux/a.md", &place);
    site.build();
    let page = site.read("public/lieux/a/index.html");
    for words in ["Fabrique de territoire", "Relais lecture", "aide par le travail (ESAT)", "Maison des habitants"] {
        assert!(page.contains(words), "{words}");
    }
    let places = site.read("public/donnees/lieux.json");
    assert!(places.contains("\"typologie\": \"FABRIQUE|RELAIS_LECTURE|ESAT|MDH\""), "{places}");
}
