//! `resin schema`: JSON Schemas of the front matter, generated from the content model that
//! validation reads. Every example entry passes its schema; every bad-content fixture whose
//! mistake a schema can see fails it.

use std::path::Path;

use crate::support::{SiteTest, repo};

const TYPES: [(&str, &str); 8] = [
    ("lieu", "lieux"),
    ("offre", "offres"),
    ("page", "pages"),
    ("actualite", "actualites"),
    ("appel-a-projets", "appels-a-projets"),
    ("bonne-pratique", "bonnes-pratiques"),
    ("annonce", "bourse"),
    ("evenement", "agenda"),
];

/// The validator of each content folder, from the schemas `resin schema` writes for `root`.
fn validators(root: &Path) -> Vec<(&'static str, jsonschema::Validator)> {
    let out = tempfile::tempdir().unwrap();
    let run = crate::support::resin(root).args(["schema", "--out"]).arg(out.path()).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    TYPES
        .iter()
        .map(|(name, folder)| {
            let text = std::fs::read_to_string(out.path().join(format!("{name}.schema.json"))).unwrap();
            let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
            assert!(schema["title"].is_string() && schema["description"].is_string());
            for (field, property) in schema["properties"].as_object().unwrap() {
                assert!(property["title"].is_string(), "{name}.{field}: a French title");
            }
            let validator = jsonschema::options()
                .with_draft(jsonschema::Draft::Draft202012)
                .should_validate_formats(true)
                .build(&schema)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            (*folder, validator)
        })
        .collect()
}

/// The front matter of an entry as JSON.
fn front_matter(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let yaml = text.strip_prefix("---\n").and_then(|rest| rest.split_once("\n---").map(|(y, _)| y)).unwrap_or("");
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap_or(serde_yaml::Value::Null);
    serde_json::to_value(value).unwrap()
}

/// The entries under `content`, with the validator of their folder.
fn entries<'a>(
    content: &Path,
    validators: &'a [(&'static str, jsonschema::Validator)],
) -> Vec<(std::path::PathBuf, &'a jsonschema::Validator)> {
    let mut out = Vec::new();
    for (folder, validator) in validators {
        for entry in walkdir::WalkDir::new(content.join(folder)).into_iter().filter_map(Result::ok) {
            if entry.path().extension().is_some_and(|e| e == "md") {
                out.push((entry.path().to_path_buf(), validator));
            }
        }
    }
    out
}

#[test]
fn every_example_entry_passes_its_schema() {
    let site = SiteTest::example();
    let validators = validators(site.root());
    let entries = entries(&site.root().join("content"), &validators);
    assert!(entries.len() > 100, "{}", entries.len());
    for (path, validator) in entries {
        let value = front_matter(&path);
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

#[test]
fn every_schema_level_fixture_fails_its_schema() {
    // The mistakes a schema can see (the others need the whole site, or dates compared).
    let codes = [
        "champ-manquant",
        "champ-vide",
        "champ-inconnu",
        "type",
        "vocabulaire",
        "trop-long",
        "code-postal",
        "code-nombre",
        "code-insee",
        "date",
        "heure",
        "url",
        "courriel",
        "telephone",
        // The communes of site.yaml: a postcode of another commune.
        "commune-incoherente",
        "offre-horaires-seances",
        "evenement-lieu",
        "contact-manquant",
        "texte-alternatif",
        "extension",
    ];
    for code in codes {
        let fixture = repo().join("tests/fixtures/erreurs").join(code);
        // A fixture with its own site.yaml (territorial fields) gets schemas of its own.
        let site = SiteTest::new();
        crate::support::copy_dir(&fixture, site.root());
        let validators = validators(site.root());
        let entries = entries(&site.root().join("content"), &validators);
        assert!(!entries.is_empty(), "{code}: no entry");
        let failing = entries.iter().filter(|(path, validator)| !validator.is_valid(&front_matter(path))).count();
        assert!(failing >= 1, "{code}: the schema accepts the fixture");
    }
}

#[test]
fn schema_for_one_type_on_standard_output_with_the_site_fields() {
    let site = SiteTest::example();
    let run = site.run(&["schema", "--type", "lieu", "--out", "-"]).expect_code(0);
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(schema["title"], "Lieu de médiation numérique");
    assert!(schema["required"].as_array().unwrap().contains(&serde_json::json!("nom")));
    let services = &schema["properties"]["services"];
    assert_eq!(services["title"], "Services");
    assert!(services.to_string().contains("Aide aux démarches administratives"), "the vocabulary as an enum");
    assert_eq!(schema["properties"]["pass_numerique"]["title"], "Accepte le Pass numérique");
    site.run(&["schema", "--out", "-"]).expect_code(2);
    // Without --out, into schemas/ at the site's root.
    let run = site.run(&["schema"]).expect_code(0);
    assert_eq!(run.stdout.lines().count(), 8);
    assert!(site.exists("schemas/evenement.schema.json"));
}
