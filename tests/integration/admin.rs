//! The web editor (`/admin/`, Decap CMS): present only when `site.yaml` asks for it, its
//! configuration names every field of every type of entry with the widget its values need,
//! and `edition_en_ligne` mistakes are located.

use serde_yaml::Value;

use crate::support::{SITE_YAML, SiteTest};
use resin::EntryKind;
use resin::schema::{self, Type};

/// The example's Decap configuration.
fn example_config() -> (SiteTest, Value) {
    let site = SiteTest::example();
    site.build();
    let config = serde_yaml::from_str(&site.read("public/admin/config.yml")).expect("config.yml is YAML");
    (site, config)
}

fn strings(value: &Value) -> Vec<String> {
    value.as_sequence().expect("a list").iter().map(|v| v.as_str().expect("text").to_string()).collect()
}

/// What a field of `kind` must look like in the editor, from the content model alone.
fn assert_widget(kind: EntryKind, field: &schema::Field, config: &Value, communes: &[String]) {
    let widget = config["widget"].as_str().unwrap_or_else(|| panic!("{kind:?} {}: no widget", field.name));
    let at = format!("{kind:?} {}", field.name);
    if kind == EntryKind::Place && field.name == "latitude" {
        assert_eq!(widget, "resin-position", "{at}: the map");
        assert_eq!(config["tuiles"], "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "{at}");
        return;
    }
    if kind == EntryKind::Place && field.name == "longitude" {
        assert_eq!(widget, "hidden", "{at}: written by the map");
        return;
    }
    if kind == EntryKind::Place && field.name == "commune" {
        assert_eq!(widget, "select", "{at}: the territory's communes");
        assert_eq!(strings(&config["options"]), communes, "{at}");
        return;
    }
    if kind == EntryKind::Place && ["code_postal", "code_insee"].contains(&field.name) {
        let filled = if field.name == "code_postal" { "resin-code-postal" } else { "resin-code-insee" };
        assert_eq!((widget, config["suit"].as_str()), (filled, Some("commune")), "{at}: filled from the commune");
        assert_eq!(config["communes"].as_mapping().unwrap().len(), communes.len(), "{at}: every commune");
        assert_rule(field, config, &at);
        return;
    }
    if field.name == "date_maj" {
        assert_eq!(widget, "resin-date-du-jour", "{at}: today's date at every save");
        return;
    }
    match field.kind {
        Type::Vocabulary(vocabulary) => {
            assert_eq!((widget, config["multiple"].as_bool()), ("select", Some(true)), "{at}");
            let values: Vec<&str> =
                config["options"].as_sequence().unwrap().iter().map(|o| o["value"].as_str().unwrap()).collect();
            assert_eq!(values, resin::internals::values(vocabulary), "{at}: every value of the standard");
        }
        // The languages by their French names, the codes written in the file.
        Type::Languages => {
            assert_eq!((widget, config["multiple"].as_bool()), ("select", Some(true)), "{at}");
            let options = config["options"].as_sequence().unwrap();
            assert!(options.len() >= 50, "{at}");
            let arabic = options.iter().find(|o| o["value"].as_str() == Some("ar")).expect("arabic");
            assert_eq!(arabic["label"].as_str(), Some("arabe (ar)"), "{at}");
        }
        // An offer's type in the site's words, the file keeping the value.
        Type::Choice(values) if kind == EntryKind::Offer && field.name == "type" => {
            assert_eq!(widget, "select", "{at}");
            let options = config["options"].as_sequence().unwrap();
            let pairs: Vec<(&str, &str)> =
                options.iter().map(|o| (o["label"].as_str().unwrap(), o["value"].as_str().unwrap())).collect();
            assert_eq!(
                pairs,
                [
                    ("Atelier collectif", "Atelier"),
                    ("Permanence : aide individuelle", "Permanence"),
                    ("Formation", "Formation"),
                    ("Accès libre au matériel", "Accès libre")
                ],
                "{at}"
            );
            assert_eq!(pairs.iter().map(|p| p.1).collect::<Vec<_>>(), values, "{at}");
        }
        Type::Choice(values) => {
            assert_eq!(widget, "select", "{at}");
            assert_eq!(strings(&config["options"]), values, "{at}");
        }
        Type::Date => {
            assert_eq!((widget, config["format"].as_str()), ("datetime", Some("YYYY-MM-DD")), "{at}: a date picker");
            assert_eq!(config["time_format"], false, "{at}");
        }
        Type::Time => {
            assert_eq!(widget, "string", "{at}");
            let re = regex_lite::Regex::new(config["motif"].as_str().unwrap()).unwrap();
            assert!(
                re.is_match("09:30") && re.is_match("23:59") && !re.is_match("9h30") && !re.is_match("24:00"),
                "{at}"
            );
        }
        Type::Places | Type::Place => {
            // Every place of the directory, by name and commune; its file name is written.
            assert_eq!(widget, "select", "{at}");
            assert_eq!(config["multiple"], field.kind == Type::Places, "{at}");
            let options = config["options"].as_sequence().unwrap();
            assert_eq!(options.len(), 47, "{at}: the example's places");
            let bachut = options.iter().find(|o| o["value"] == "mediatheque-du-bachut").expect("a place");
            assert_eq!(bachut["label"], "Médiathèque du Bachut (Lyon 8e Arrondissement)", "{at}");
        }
        Type::Number | Type::Integer => assert_eq!(widget, "number", "{at}"),
        Type::Short(_) => assert_eq!(widget, "text", "{at}"),
        Type::Text | Type::Code(_) | Type::Url | Type::Email | Type::Phone => assert_eq!(widget, "string", "{at}"),
        // The week's grid, which writes the OSM value (resin-horaires.js); its hint says no syntax.
        Type::Hours => {
            assert_eq!(widget, "resin-horaires", "{at}");
            assert!(!config["hint"].as_str().unwrap().contains("OpenStreetMap"), "{at}");
        }
        Type::Texts | Type::Tags | Type::Urls | Type::Emails => {
            assert_eq!((widget, config["field"]["widget"].as_str()), ("list", Some("string")), "{at}");
            if field.kind == Type::Tags {
                // The tags resin refuses are refused while typing.
                let re = regex_lite::Regex::new(config["field"]["motif"].as_str().unwrap()).unwrap();
                for tag in ["aidants connect", "pix", "e-inclusion", "l'atelier", "seniors 75"] {
                    assert!(re.is_match(tag) && resin::internals::is_tag(tag), "{tag}");
                }
                for tag in ["#Pix", "Aidants", "a", "fin ", "fin-", &"x".repeat(41)] {
                    assert!(!re.is_match(tag) && !resin::internals::is_tag(tag), "{tag}");
                }
            }
        }
        Type::Sessions => {
            assert_eq!(widget, "list", "{at}");
            let names: Vec<&str> =
                config["fields"].as_sequence().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
            assert_eq!(names, ["date", "debut", "fin"], "{at}");
            assert_eq!(config["fields"][0]["widget"], "datetime", "{at}");
            assert_eq!(config["fields"][1]["motif"], "^([01][0-9]|2[0-3]):[0-5][0-9]$", "{at}");
        }
        Type::Closures => {
            // Two date pickers, a text and an hours field, with French labels and hints.
            assert_eq!((widget, config["label_singular"].as_str()), ("list", Some("fermeture")), "{at}");
            let fields = config["fields"].as_sequence().unwrap();
            let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
            assert_eq!(names, ["du", "au", "motif", "horaires"], "{at}");
            let widgets: Vec<&str> = fields.iter().map(|f| f["widget"].as_str().unwrap()).collect();
            assert_eq!(
                widgets,
                ["datetime", "datetime", "string", "resin-horaires"],
                "{at}: reduced hours in the grid"
            );
            let labels: Vec<&str> = fields.iter().map(|f| f["label"].as_str().unwrap()).collect();
            assert_eq!(labels, ["Du", "Au", "Motif", "Horaires pendant la période"], "{at}");
            let required: Vec<bool> = fields.iter().map(|f| f["required"].as_bool().unwrap()).collect();
            assert_eq!(required, [true, true, false, false], "{at}");
            assert!(fields.iter().all(|f| f["hint"].as_str().is_some_and(|h| h.len() > 10)), "{at}");
        }
        Type::Attachments => {
            assert_eq!(widget, "list", "{at}");
            assert_eq!(config["fields"][0]["widget"], "file", "{at}: a file to upload");
            assert_eq!(config["fields"][0]["choose_url"], false, "{at}: a file of content/, not an address");
        }
        Type::File => {
            assert_eq!(widget, "image", "{at}");
            assert_eq!(config["choose_url"], false, "{at}: a file of content/, not an address");
        }
    }
    if let Type::Code(pattern) = field.kind {
        assert_eq!(config["motif"], pattern, "{at}: checked before saving");
    }
    match field.kind {
        Type::Code(_) | Type::Time | Type::Url | Type::Email | Type::Phone => assert_rule(field, config, &at),
        Type::Urls | Type::Emails => assert_rule(field, &config["field"], &at),
        _ => {}
    }
}

/// A field checked before saving with `check`'s rule: its pattern, and `check`'s help as a
/// sentence, without YAML.
fn assert_rule(field: &schema::Field, config: &Value, at: &str) {
    let rule = schema::text_rule(field.name, field.kind).unwrap_or_else(|| panic!("{at}: a rule"));
    assert_eq!(config["motif"].as_str(), Some(rule.pattern.as_str()), "{at}: the shared pattern");
    assert_eq!(config["message"].as_str(), Some(rule.message.as_str()), "{at}: the words of check");
    let message = &rule.message;
    assert!(message.starts_with(|c: char| c.is_uppercase()) && !message.contains(['`', '"']), "{at}: {message}");
    assert!(config.get("pattern").is_none(), "{at}: not Decap's own check, which shouts");
}

#[test]
fn the_editor_names_every_field_of_every_type_with_its_widget() {
    let (site, config) = example_config();
    let communes: Vec<String> = site
        .read("data/territoire/communes-metropole-lyon.csv")
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().to_string())
        .collect();
    let mut sorted = communes.clone();
    sorted.sort_by_key(|c| resin::internals::fold(c));
    let collections = config["collections"].as_sequence().unwrap();
    assert_eq!(collections.len(), schema::kinds().len(), "one collection per type");
    for (kind, collection) in schema::kinds().into_iter().zip(collections) {
        assert_eq!(collection["folder"], format!("content/{}", kind.folder()), "{kind:?}");
        assert_eq!(
            (collection["extension"].as_str(), collection["format"].as_str()),
            (Some("md"), Some("resin")),
            "the format of `resin fmt`, written by resin-format.js"
        );
        assert_eq!(collection["create"], true);
        let fields = collection["fields"].as_sequence().unwrap();
        let (technical, model): (Vec<&schema::Field>, Vec<&schema::Field>) =
            schema::in_editor_order(kind).into_iter().partition(|f| schema::is_technical(kind, f.name));
        let extensions: Vec<&str> = match kind {
            EntryKind::Place => vec!["pass_numerique", "mes_papiers"],
            EntryKind::Offer => vec!["materiel_prete"],
            _ => vec![],
        };
        let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
        let expected: Vec<&str> = model
            .iter()
            .map(|f| f.name)
            .chain(extensions.iter().copied())
            .chain(technical.iter().map(|f| f.name))
            .chain(["body"])
            .collect();
        assert_eq!(
            names, expected,
            "{kind:?}: every field of the model in the editor's order, the territory's before the technical ones, then the text"
        );
        for field in model.iter().chain(&technical) {
            let config = fields.iter().find(|c| c["name"] == field.name).unwrap();
            let map = kind == EntryKind::Place && field.name == "latitude";
            let label = if map { "Position sur la carte" } else { field.title };
            assert_eq!(config["label"], label, "{kind:?} {}: the map is labelled as a map", field.name);
            // The date of the last check is today's, written at each save: a new entry saves at once.
            let required = field.required && field.name != "date_maj";
            assert_eq!(config["required"], required, "{kind:?} {}", field.name);
            let technique = config.get("technique").and_then(Value::as_bool).unwrap_or(false);
            assert_eq!(technique, schema::is_technical(kind, field.name), "{kind:?} {}: folded", field.name);
            let hint = config["hint"].as_str().unwrap();
            assert!(hint.len() > 5 && !hint.contains('['), "{kind:?} {}: a hint without YAML: {hint}", field.name);
            assert_widget(kind, field, config, &sorted);
        }
        let body = fields.last().unwrap();
        assert_eq!((body["widget"].as_str(), body["required"].as_bool()), (Some("markdown"), Some(false)));
        assert_eq!(body["editor_components"], Value::Sequence(vec![]), "no image inserted by a relative address");
        if kind == EntryKind::Place {
            let by_name = |n: &str| fields.iter().find(|f| f["name"] == n).unwrap();
            assert_eq!(by_name("pass_numerique")["widget"], "boolean");
            assert_eq!(by_name("pass_numerique")["label"], "Accepte le Pass numérique");
            assert_eq!(strings(&by_name("mes_papiers")["options"]), ["Sans rendez-vous", "Sur rendez-vous"]);
            let typologie = by_name("typologie")["options"].as_sequence().unwrap().clone();
            let label = |code: &str| typologie.iter().find(|o| o["value"] == code).unwrap()["label"].clone();
            assert_eq!(label("BIB"), "Bibliothèque, médiathèque (BIB)", "codes in words");
            assert_eq!(label("ACI"), "Atelier et chantier d'insertion (ACI)", "every code in words");
            assert_eq!(label("MSAP"), "France Services (MSAP)", "an outdated code in its successor's words");
        }
    }
    // The forge of site.yaml; every change as a pull request, checked by CI.
    assert_eq!(config["backend"]["name"], "github");
    assert_eq!(config["backend"]["repo"], "reseau-resin/resin");
    assert_eq!(config["backend"]["branch"], "main");
    assert_eq!(config["publish_mode"], "editorial_workflow");
    assert_eq!((config["locale"].as_str(), config["media_folder"].as_str()), (Some("fr"), Some("content/medias")));
}

#[test]
fn the_editor_page_loads_only_files_of_the_site() {
    let (site, _) = example_config();
    let page = site.read("public/admin/index.html");
    assert!(page.contains(r#"<html lang="fr">"#) && page.contains(r#"<meta name="robots" content="noindex">"#));
    for script in ["/static/vendor/leaflet/leaflet.js", "/admin/decap-cms/decap-cms.js", "/admin/resin-cms.js"] {
        assert!(page.contains(&format!(r#"<script src="{script}"></script>"#)), "{script}");
        assert!(site.exists(&format!("public{script}")), "{script}");
    }
    assert!(page.contains(r#"href="/admin/config.yml""#));
    assert!(!page.contains("https://"), "nothing from a CDN");
    // Decap's chunks, loaded on demand from beside decap-cms.js, and its licences.
    let chunks = std::fs::read_dir(site.root().join("public/admin/decap-cms")).unwrap().count();
    assert!(chunks > 90, "{chunks} files");
    assert!(site.read("public/admin/decap-cms/LICENCE.txt").contains("MIT License"));
    assert!(site.exists("public/admin/decap-cms/decap-cms.js.LICENSE.txt"));
    // Not a page for residents: not in the sitemap.
    assert!(!site.read("public/sitemap.xml").contains("/admin/"));
}

#[test]
fn the_editor_page_bears_the_site_name_and_starts_decap_once_resin_scripts_are_loaded() {
    let (site, _) = example_config();
    let page = site.read("public/admin/index.html");
    // The site's name in the title and above the editor, as a link to the site.
    assert!(page.contains("<title>Modifier l'annuaire – Rés&#39;IN</title>"), "{page}");
    assert!(page.contains(r#"<p class="resin-bandeau"><a href="/">Rés&#39;IN</a>"#), "{page}");
    assert!(page.contains(r#"<link rel="stylesheet" href="/admin/resin-editeur.css">"#));
    assert!(site.read("public/admin/resin-editeur.css").contains("@media (max-width: 799px)"));
    // Decap waits (avant-decap.js) until resin's scripts have added their widgets and French
    // phrases, then starts (demarrer.js).
    let scripts = [
        "/admin/avant-decap.js",
        "/admin/decap-cms/decap-cms.js",
        "/admin/resin-cms.js",
        "/admin/resin-interface.js",
        "/admin/resin-position.js",
        "/admin/demarrer.js",
    ];
    let at: Vec<usize> = scripts
        .iter()
        .map(|script| {
            assert!(site.exists(&format!("public{script}")), "{script}");
            page.find(&format!(r#"<script src="{script}"></script>"#)).unwrap_or_else(|| panic!("{script}: {page}"))
        })
        .collect();
    assert!(at.windows(2).all(|pair| pair[0] < pair[1]), "{scripts:?} in this order: {page}");
    assert!(site.read("public/admin/avant-decap.js").contains("window.CMS_MANUAL_INIT = true;"));
}

#[test]
fn without_the_setting_there_is_no_editor() {
    let site = SiteTest::new();
    site.build();
    assert!(!site.exists("public/admin"), "no /admin/ unless site.yaml asks");
    assert!(site.exists("public/index.html"));
}

#[test]
fn gitlab_of_its_own_and_git_gateway() {
    let gitlab = "edition_en_ligne:\n  forge: gitlab\n  depot: reseau/annuaires/lyon\n  application: abc123\n  adresse: https://framagit.org/\n  relecture: false\n";
    let site = SiteTest::new().file("content/site.yaml", &format!("{SITE_YAML}{gitlab}"));
    site.build();
    let config: Value = serde_yaml::from_str(&site.read("public/admin/config.yml")).unwrap();
    let backend = &config["backend"];
    assert_eq!((backend["name"].as_str(), backend["repo"].as_str()), (Some("gitlab"), Some("reseau/annuaires/lyon")));
    assert_eq!((backend["auth_type"].as_str(), backend["app_id"].as_str()), (Some("pkce"), Some("abc123")));
    assert_eq!(backend["api_root"], "https://framagit.org/api/v4");
    assert!(config.get("publish_mode").is_none(), "relecture: false publishes straight away");
    // Without a communes list, the commune is typed.
    assert_eq!(config["collections"][0]["fields"][3]["widget"], "string");

    let gateway = "edition_en_ligne:\n  forge: git-gateway\n";
    let site = SiteTest::new().file("content/site.yaml", &format!("{SITE_YAML}{gateway}"));
    site.build();
    let config: Value = serde_yaml::from_str(&site.read("public/admin/config.yml")).unwrap();
    assert_eq!(config["backend"]["name"], "git-gateway");
    assert_eq!(config["backend"]["branch"], "main");
}

#[test]
fn editing_settings_mistakes_are_located() {
    let cases = [
        ("  forge: gitub\n  depot: a/b\n", 10, 10, "forge « gitub » inconnue : vouliez-vous dire `github` ?"),
        ("  forge: github\n", 10, 8, "le dépôt github qui contient content/ manque"),
        (
            "  forge: github\n  depot: https://github.com/a/b.git\n",
            11,
            10,
            "dépôt « https://github.com/a/b.git » mal écrit",
        ),
        ("  forge: gitlab\n  depot: a/b\n", 10, 10, "GitLab a besoin de `application:`"),
        (
            "  forge: github\n  depot: a/b\n  adresse: oauth.exemple.fr\n",
            12,
            12,
            "adresse web invalide « oauth.exemple.fr »",
        ),
        ("  forge: github\n  depot: a/b\n  branche: ma branche\n", 12, 12, "branche « ma branche »"),
        ("  forge: github\n  depot: a/b\n  relectur: true\n", 12, 3, "champ inconnu"),
        ("  forge: github\n  depot: a/b\n  branche: publication.lock\n", 12, 12, "branche « publication.lock »"),
        ("#  forge: github\n", 9, 1, "`edition_en_ligne` est vide"),
    ];
    let cases =
        cases.map(|(block, line, column, message)| (format!("edition_en_ligne:\n{block}"), line, column, message));
    crate::support::assert_config_mistakes(&cases);
}

#[test]
fn the_commune_fills_the_postcode_and_the_insee_code() {
    let (site, config) = example_config();
    let places = &config["collections"][0]["fields"];
    let field = |name: &str| places.as_sequence().unwrap().iter().find(|f| f["name"] == name).unwrap().clone();
    let (postcode, insee) = (field("code_postal"), field("code_insee"));
    // The table of the communes file, written once in config.yml for each code.
    for line in site.read("data/territoire/communes-metropole-lyon.csv").lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let (code, name, postcodes) = (cells[0], cells[1], cells[2].split('|').collect::<Vec<_>>());
        assert_eq!(strings(&postcode["communes"][name]["codes"]), postcodes, "{name}");
        assert_eq!(strings(&insee["communes"][name]["codes"]), [code], "{name}");
    }
    // A postcode of another commune is refused in the words of check.
    assert_eq!(
        postcode["communes"]["Bron"]["message"],
        "Le code postal de Bron est 69500 : corrigez la commune ou le code."
    );
    assert_eq!(
        postcode["communes"]["Oullins-Pierre-Bénite"]["message"],
        "Les codes postaux de Oullins-Pierre-Bénite sont 69310 et 69600 : corrigez la commune ou le code."
    );
    assert_eq!(
        insee["communes"]["Bron"]["message"],
        "Le code INSEE de Bron est 69029 : corrigez la commune ou le code."
    );
}

#[test]
fn the_phone_is_checked_and_lists_say_what_they_hold() {
    let (_, config) = example_config();
    let places = &config["collections"][0]["fields"];
    let field = |name: &str| places.as_sequence().unwrap().iter().find(|f| f["name"] == name).unwrap().clone();
    let phone = field("telephone");
    assert_eq!(phone["motif"].as_str(), schema::pattern(Type::Phone).as_deref());
    assert_eq!(
        phone["message"],
        "Écrivez un numéro français à 10 chiffres, par exemple 04 78 00 00 00 ou +33 4 78 00 00 00."
    );
    for (name, singular, add, label) in [
        ("courriels", "courriel", "Ajouter un courriel", "Courriel"),
        ("site_web", "site web", "Ajouter un site web", "Adresse du site"),
        ("pieces_a_apporter", "pièce", "Ajouter une pièce", "Pièce"),
    ] {
        let list = field(name);
        assert_eq!(list["label_singular"], singular, "{name}: « 1 courriel »");
        assert_eq!(list["ajouter"], add, "{name}");
        assert_eq!(list["collapsed"], false, "{name}: the values shown, not « Valeur » boxes");
        assert_eq!(list["summary"], "{{fields.valeur}}", "{name}");
        assert_eq!(list["field"]["label"], label, "{name}");
    }
    let date = field("date_maj");
    assert_eq!((date["widget"].as_str(), date["required"].as_bool()), (Some("resin-date-du-jour"), Some(false)));
}

#[test]
fn see_it_live_opens_the_entrys_page() {
    let (site, config) = example_config();
    for (kind, collection) in schema::kinds().into_iter().zip(config["collections"].as_sequence().unwrap()) {
        let path = collection["preview_path"].as_str().unwrap_or_else(|| panic!("{kind:?}: a preview_path"));
        // The first entry of the folder has its page there.
        let folder = site.root().join("content").join(kind.folder());
        let mut slugs: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .filter_map(|e| e.unwrap().file_name().to_str()?.strip_suffix(".md").map(str::to_string))
            .collect();
        slugs.sort();
        let page = format!("public/{}index.html", path.replace("{{slug}}", &slugs[0]));
        assert!(site.exists(&page), "{kind:?}: {page}");
    }
}
