//! The data·inclusion export (`donnees/data-inclusion/`): its records for a known place and for
//! offers, and its validation by the official package, pinned (`tests/data-inclusion/`), on the
//! example and on an imported real export.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::support::{SiteTest, TODAY, repo};

fn records(site: &SiteTest, file: &str) -> Vec<Value> {
    serde_json::from_str(&site.read(&format!("public/donnees/data-inclusion/{file}"))).unwrap()
}

fn record<'a>(records: &'a [Value], id: &str) -> &'a Value {
    records.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("{id} absent"))
}

/// The record without the fields that `fields` does not name.
fn only(record: &Value, fields: &[&str]) -> Value {
    Value::Object(fields.iter().filter_map(|f| Some((f.to_string(), record.get(*f)?.clone()))).collect())
}

#[test]
fn places_are_structures_and_their_accompaniment_and_offers_are_services() {
    let site = SiteTest::example();
    site.build();
    let structures = records(&site, "structures.json");
    let services = records(&site, "services.json");
    // 47 places, each with services; 26 offers, three of them at two places.
    assert_eq!((structures.len(), services.len()), (47, 47 + 29));
    for list in [&structures, &services] {
        let ids: Vec<&str> = list.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids triés et uniques");
        assert!(ids.iter().all(|id| id.starts_with("res-in--")), "{ids:?}");
    }

    let bachut = record(&structures, "res-in--mediatheque-du-bachut");
    let expected = json!({
        "source": "res-in",
        "id": "res-in--mediatheque-du-bachut",
        "nom": "Médiathèque du Bachut",
        "date_maj": "2026-03-03",
        "lien_source": "https://resin.exemple.fr/lieux/mediatheque-du-bachut/",
        "siret": "21690387200019",
        "code_insee": "69388",
        "telephone": "+33478781200",
        "courriel": "mediatheque.bachut@exemple.fr",
        "horaires_accueil": "Tu,Th 13:00-19:00; We,Sa 10:00-18:00; PH off",
        "accessibilite_lieu": "https://acceslibre.beta.gouv.fr/app/exemple/mediatheque-du-bachut/",
        "reseaux_porteurs": ["conseillers-numeriques"],
    });
    let fields: Vec<&str> = expected.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(only(bachut, &fields), expected);
    assert!(bachut["description"].as_str().unwrap().starts_with("Un conseiller numérique vous accueille"));

    let service = record(&services, "res-in--mediatheque-du-bachut");
    let expected = json!({
        "structure_id": "res-in--mediatheque-du-bachut",
        "nom": "Service d'accompagnement au numérique",
        "type": "atelier",
        "thematiques": [
            "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
            "numerique--acceder-a-des-services-en-ligne",
            "numerique--acceder-a-une-connexion-internet",
            "numerique--acquerir-un-equipement",
            "numerique--maitriser-les-fondamentaux-du-numerique"
        ],
        "frais": "gratuit",
        "publics": ["seniors"],
        "publics_precisions": "Seniors, Illettrisme",
        "adresse": "2 place du 11 Novembre 1918",
        "modes_accueil": ["en-presentiel"],
        "zone_eligibilite": ["69"],
        "lien_mobilisation": "https://rdv.exemple.fr/mediatheque-du-bachut",
        "modes_mobilisation": ["se-presenter", "telephoner"],
        "mobilisable_par": ["professionnels", "usagers"],
    });
    let fields: Vec<&str> = expected.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(only(service, &fields), expected);

    // Dated closures not over yet override the usual hours, in the structure and its service.
    let montchat = "Tu,Fr 13:00-19:00; We,Sa 10:00-18:00; Th 13:00-18:00; PH off; 2026 Dec 01-2026 Dec 05 off; \
        2026 Dec 24-2027 Jan 02 off; 2027 Feb 16-2027 Feb 20 Tu-Sa 14:00-18:00";
    assert_eq!(record(&structures, "res-in--mediatheque-de-montchat")["horaires_accueil"], montchat);
    assert_eq!(record(&services, "res-in--mediatheque-de-montchat")["horaires_accueil"], montchat);

    // A workshop: its sessions as OSM dates, its registration, its own link.
    let workshop = record(&services, "res-in--offre--atelier-smartphone-bachut--mediatheque-du-bachut");
    assert_eq!(workshop["structure_id"], "res-in--mediatheque-du-bachut");
    assert_eq!(workshop["nom"], "Atelier « Mon smartphone au quotidien »");
    assert_eq!(workshop["type"], "atelier");
    assert_eq!(workshop["date_maj"], "2026-11-02");
    assert_eq!(workshop["lien_source"], "https://resin.exemple.fr/offres/atelier-smartphone-bachut/");
    assert_eq!(workshop["lien_mobilisation"], "https://rdv.exemple.fr/bachut");
    assert_eq!(workshop["mobilisation_precisions"], "Inscription au 04 78 78 12 00 ou à l'accueil de la médiathèque.");
    assert!(
        workshop["horaires_accueil"].as_str().unwrap().starts_with("2026 Dec 01 14:00-16:00; 2026 Dec 08 14:00-16:00;"),
        "{workshop}"
    );

    // A drop-in: an individual accompaniment with its weekly hours and what to bring.
    let drop_in = record(&services, "res-in--offre--permanence-demarches-part-dieu--france-services-lyon-part-dieu");
    assert_eq!(drop_in["type"], "accompagnement");
    assert_eq!(drop_in["horaires_accueil"], "Mo,We 09:00-12:00; PH off");
    assert_eq!(
        drop_in["conditions_acces"],
        "À apporter : Une pièce d'identité ; Votre numéro d'allocataire CAF ou de sécurité sociale ; Votre téléphone portable."
    );
    assert!(drop_in.get("lien_mobilisation").is_none(), "absent quand l'offre n'en a pas");

    // An offer's `type` gives its service's: a training is a `formation` (its
    // `modalites_accompagnement` say « Dans un atelier collectif », which alone would give
    // `atelier`), open access to computers `aide-materielle`.
    let training =
        record(&services, "res-in--offre--preparer-la-certification-pix-gerland--mission-locale-de-lyon-gerland");
    assert_eq!(training["type"], "formation");
    assert_eq!(
        record(&services, "res-in--offre--postes-en-libre-acces-vaise--mediatheque-de-vaise")["type"],
        "aide-materielle"
    );

    // An offer at two places: one service at each, attached to each place's structure.
    let both: Vec<&Value> = services
        .iter()
        .filter(|s| s["id"].as_str().unwrap().contains("--offre--decouvrir-mon-espace-sante--"))
        .collect();
    let attached: Vec<&Value> = both.iter().map(|s| &s["structure_id"]).collect();
    assert_eq!(attached, [&json!("res-in--centre-social-de-la-velette"), &json!("res-in--mediatheque-de-rillieux")]);

    // The languages spoken (data·inclusion v1 has no field for them): in the precisions on
    // publics, as the standard's support and by name; an offer's own, not its place's.
    let venissieux = record(&services, "res-in--france-services-venissieux");
    assert_eq!(
        venissieux["publics_precisions"],
        "Seniors, Langues étrangères (autres), Handicaps moteurs, Langues parlées : arabe, turc, arménien"
    );
    let writer = record(&services, "res-in--offre--ecrivain-public-numerique-saint-fons--centre-social-de-l-arsenal");
    let precisions = writer["publics_precisions"].as_str().unwrap();
    assert!(precisions.contains("Langues étrangères (autres)"), "{precisions}");
    assert!(precisions.ends_with("Langues parlées : arabe, kabyle"), "{precisions}");
}

#[test]
fn identifiers_start_with_the_sites_data_source_one_record_per_line() {
    use crate::support::{PLACE, SITE_YAML};
    // The title changes; the identifiers that DORA keeps do not, once `source_donnees` is set.
    let site = SiteTest::new()
        .file(
            "content/site.yaml",
            &format!("{}source_donnees: reseau-test\n", SITE_YAML.replace("titre: Test", "titre: Nouveau nom")),
        )
        .file("content/lieux/mediatheque-du-bachut.md", PLACE);
    site.build();
    let text = site.read("public/donnees/data-inclusion/structures.json");
    // One record per line, in a JSON array: compact, and one changed record is one changed line.
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!((lines[0], lines[lines.len() - 1], lines.len()), ("[", "]", 3), "{text}");
    let structures = records(&site, "structures.json");
    assert_eq!(
        (&structures[0]["source"], &structures[0]["id"]),
        (&json!("reseau-test"), &json!("reseau-test--mediatheque-du-bachut"))
    );
    assert_eq!(records(&site, "services.json")[0]["structure_id"], "reseau-test--mediatheque-du-bachut");

    // A value that would not stay as written in an identifier: the check says what to write.
    site.write("content/site.yaml", &format!("{SITE_YAML}source_donnees: Rés'IN Lyon\n"));
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let problem = &run.diagnostics()[0];
    assert_eq!((&problem["file"], &problem["code"]), (&json!("content/site.yaml"), &json!("configuration")));
    assert_eq!(problem["help"], "écrivez `source_donnees: res-in-lyon`");
}

/// The Python of the virtual environment that holds the pinned package: `RESIN_DATA_INCLUSION_PY`,
/// or the one `scripts/test.sh` creates in `target/tools/data-inclusion`. Without it the
/// validation is skipped with a message, except in CI (`CI=true`), where it fails.
fn official_python() -> Option<PathBuf> {
    let python = std::env::var_os("RESIN_DATA_INCLUSION_PY")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/tools/data-inclusion/bin/python"));
    if python.is_file() {
        return Some(python);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} absent : lancez scripts/test.sh, qui crée l'environnement Python de data-inclusion-schema",
        python.display()
    );
    eprintln!("{} absent : validation data·inclusion sautée (scripts/test.sh l'installe)", python.display());
    None
}

/// Runs `tests/data-inclusion/valider.py` on a built site's export: no error, and its report.
fn validate(python: &Path, site: &SiteTest) -> String {
    let output = Command::new(python)
        .arg(repo().join("tests/data-inclusion/valider.py"))
        .arg(site.root().join("public/donnees/data-inclusion"))
        .args(["--date", TODAY])
        .output()
        .expect("python runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    stdout
}

#[test]
fn the_official_package_validates_the_example_s_export() {
    let Some(python) = official_python() else { return };
    let site = SiteTest::example();
    site.build();
    let report = validate(&python, &site);
    assert!(report.contains("47 structures, 76 services : 0 erreur(s)\n"), "{report}");
    assert!(report.contains("score de qualité moyen (2026-11-25) : 0.99\n"), "{report}");
}

#[test]
fn the_official_package_validates_the_export_of_an_imported_real_export() {
    let Some(python) = official_python() else { return };
    let site = crate::import::empty_example();
    let export = repo().join("data/exports/lieux-hinaura-auvergne-rhone-alpes-2022.json");
    site.run(&["import", export.to_str().unwrap()]).expect_code(0);
    site.build();
    let report = validate(&python, &site);
    assert!(report.contains("29 structures, 29 services : 0 erreur(s)\n"), "{report}");
    assert!(report.contains("score de qualité moyen (2026-11-25) : 0.71\n"), "{report}");
}
