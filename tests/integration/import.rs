//! `resin import`: the real exports of `data/exports/`, one fixture row per cleaning rule and
//! per reported defect, idempotence, updates of existing entries, and the round trip
//! export → import → export.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use resin::import::{Options, Report, import};
use resin::import::{Problem, Rule};

use crate::support::{SiteTest, TODAY, assert_standard, repo, tree};

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn hinaura() -> PathBuf {
    repo().join("data/exports/lieux-hinaura-auvergne-rhone-alpes-2022.json")
}

fn paca() -> PathBuf {
    repo().join("data/exports/lieux-hub-du-sud-paca-2023-v1.json")
}

/// The example site without its places, and without the offers and the network's space that
/// name them: the content an import starts from.
pub(crate) fn empty_example() -> SiteTest {
    let site = SiteTest::example();
    for folder in [
        "content/lieux",
        "content/offres",
        "content/actualites",
        "content/appels-a-projets",
        "content/bonnes-pratiques",
        "content/bourse",
        "content/agenda",
    ] {
        std::fs::remove_dir_all(site.root().join(folder)).unwrap();
    }
    site
}

fn options(site: &SiteTest, file: &Path) -> Options {
    Options { root: site.root().to_path_buf(), file: file.to_path_buf(), ..Options::default() }
}

fn places(site: &SiteTest) -> std::collections::BTreeMap<String, Vec<u8>> {
    tree(&site.root().join("content/lieux"))
}

/// `resin check --format json` has no error (warnings allowed: the real data is old).
fn assert_checks(site: &SiteTest) {
    let run = site.run(&["check", "--format", "json"]);
    let errors: Vec<_> = run.diagnostics().into_iter().filter(|d| d["severity"] == "erreur").collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn the_real_hinaura_export_imports_the_places_of_the_metropole() {
    let site = empty_example();
    let dry = import(&Options { dry_run: true, ..options(&site, &hinaura()) }, today()).unwrap();
    assert!(!site.exists("content/lieux"), "--dry-run writes nothing");
    assert_eq!((dry.read, dry.created(), dry.outside, dry.refused), (687, 29, 658, 0));
    // Cleaned, by rule: v0 names (courriel, publics_accueillis, conditions_acces, …) and
    // values, and commune names ("VILLEURBANNE", "PIERRE BENITE", "Lyon" with 69008).
    assert_eq!(dry.rules.get(&Rule::FieldRenamed), Some(&78));
    assert_eq!(dry.rules.get(&Rule::V0Value), Some(&346));
    assert_eq!(dry.rules.get(&Rule::Commune), Some(&22));
    // "Accepte le Pass numérique" has no v1 value: it is the label of the example's territorial
    // field `pass_numerique` (site.yaml), which the 5 places get.
    assert_eq!(dry.rules.get(&Rule::Extension), Some(&5));
    assert_eq!(dry.rules.len(), 4, "{:?}", dry.rules);
    // Reported: Echalas, whose postcode 69700 is Givors's, is not in the Métropole (1).
    assert_eq!(dry.problems.get(&Problem::Commune), Some(&1));
    assert_eq!(dry.problems.len(), 1, "{:?}", dry.problems);

    let file = hinaura();
    let run = site.run(&["import", file.to_str().unwrap()]).expect_code(0);
    insta::assert_snapshot!("import_hinaura", run.stdout);
    let written = places(&site);
    assert_eq!(written.len(), 29);
    let emmaus = site.read("content/lieux/emmaus-connect-lyon.md");
    assert!(emmaus.contains("commune: Lyon 8e Arrondissement\n"), "{emmaus}");
    assert!(emmaus.contains("  - Langues étrangères (anglais)\n  - Langues étrangères (autres)\n"), "{emmaus}");
    assert!(!emmaus.contains("publics_specifiquement_adresses"), "« Adultes » means everyone: {emmaus}");
    let bron = site.read("content/lieux/cyber-base-de-bron-espace-numerique-de-la-mjc-de-bron.md");
    assert!(bron.contains("\npass_numerique: true\n"), "{bron}");
    assert!(!bron.contains("# frais_a_charge"), "{bron}");
    assert_checks(&site);

    // A second import changes no file.
    let again = site.run(&["import", file.to_str().unwrap()]).expect_code(0);
    assert!(
        again.stdout.contains("29 dans le territoire : 0 créés, 0 mis à jour, 29 déjà à jour."),
        "{}",
        again.stdout
    );
    assert_eq!(places(&site), written);

    // Published: pages and standard exports.
    site.build();
    assert!(site.read("public/lieux/emmaus-connect-lyon/index.html").contains("Emmaüs Connect Lyon"));
    assert_standard(&site.read("public/donnees/lieux.json"));
}

#[test]
fn a_v0_value_without_v1_equivalent_is_kept_in_a_comment_when_no_territorial_field_takes_it() {
    let site = empty_example();
    let yaml = site.read("content/site.yaml");
    let without = &yaml[..yaml.find("\nextensions:").expect("the example declares territorial fields")];
    site.write("content/site.yaml", &format!("{without}\n"));
    let report = import(&options(&site, &hinaura()), today()).unwrap();
    assert_eq!(report.rules.get(&Rule::Extension), None);
    assert_eq!(report.problems.get(&Problem::UnknownValue), Some(&5));
    let bron = site.read("content/lieux/cyber-base-de-bron-espace-numerique-de-la-mjc-de-bron.md");
    assert!(
        bron.contains("# frais_a_charge: \"Accepte le Pass numérique : Il est possible d'utiliser un Pass numérique pour accéder au lieu\"\n"),
        "the raw value is kept in a comment: {bron}"
    );
    assert!(!bron.contains("pass_numerique:"));
    assert_checks(&site);
}

#[test]
fn the_real_paca_export_is_outside_the_metropole_and_imports_in_its_own_territory() {
    let lyon = empty_example();
    let report = import(&options(&lyon, &paca()), today()).unwrap();
    assert_eq!((report.read, report.outside, report.imported()), (646, 646, 0));
    assert!(!lyon.exists("content/lieux"));

    // A site for Provence-Alpes-Côte d'Azur, without a communes list: the bounding box decides.
    let site = SiteTest::new().file(
        "content/site.yaml",
        "titre: Test\ndescription: Un site de test.\nurl: https://test.exemple.fr/\nterritoire:\n  nom: Provence-Alpes-Côte d'Azur\n  emprise: { ouest: 4.2, sud: 42.9, est: 7.8, nord: 45.2 }\n  centre: { latitude: 43.9, longitude: 6.0 }\ncontact: contact@exemple.fr\n",
    );
    let report = import(&options(&site, &paca()), today()).unwrap();
    // Two places sit outside the box: one at the centre of France (a geocoder's default),
    // one in Belleville-en-Beaujolais (Rhône). The 4 without coordinates cannot be placed: imported.
    // « @telier connecté udaf » starts as a spreadsheet formula (issue 19): held back.
    assert_eq!((report.read, report.created(), report.outside, report.refused), (646, 643, 2, 1));
    let row = report.rows.iter().find(|r| r.label.to_string().contains("@telier")).unwrap();
    assert_eq!((row.notes[0].problem, row.notes[0].column.as_str()), (Problem::Formula, "nom"));
    assert!(
        row.notes[0].message.to_string().starts_with("« @telier connecté udaf » commence par « @ »"),
        "{:?}",
        row.notes
    );
    // v1 with v0 leftovers: labels_nationaux (CNFS), publics_accueillis.
    assert_eq!(report.rules.get(&Rule::FieldRenamed), Some(&593));
    assert_eq!(report.rules.get(&Rule::V0Value), Some(&812));
    // "AVIGNON" and "Avignon" would be two communes: one spelling for each.
    assert_eq!(report.rules.get(&Rule::Commune), Some(&238));
    assert_eq!(report.problems.get(&Problem::Date), Some(&99), "1970-01-01 placeholders");
    assert_eq!(report.problems.get(&Problem::Hours), Some(&7));
    assert_eq!(report.problems.get(&Problem::Formula), Some(&1));
    assert_eq!(report.problems.len(), 3, "{:?}", report.problems);
    assert_checks(&site);
    let before = places(&site);
    let again = import(&options(&site, &paca()), today()).unwrap();
    assert_eq!((again.unchanged, again.changes.len()), (643, 0));
    assert_eq!(places(&site), before);
}

/// The fixture's site: Lyon and Bourg-en-Bresse (for a postcode with a leading zero).
fn fixture_site() -> (SiteTest, PathBuf) {
    let site = SiteTest::new().file(
        "content/site.yaml",
        "titre: Test\ndescription: Un site de test.\nurl: https://test.exemple.fr/\nterritoire:\n  nom: Lyon et Bourg\n  emprise: { ouest: 4.68, sud: 45.55, est: 5.3, nord: 46.3 }\n  centre: { latitude: 45.76, longitude: 4.84 }\n  communes: communes.csv\ncontact: contact@exemple.fr\n",
    );
    let fixtures = repo().join("tests/fixtures/import");
    std::fs::copy(fixtures.join("communes.csv"), site.root().join("communes.csv")).unwrap();
    // The fixture is kept in UTF-8 to be readable; it is imported as a spreadsheet saves it:
    // Windows-1252 with CRLF line ends.
    let text = std::fs::read_to_string(fixtures.join("defauts.csv")).unwrap().replace('\n', "\r\n");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let file = site.root().join("defauts.csv");
    std::fs::write(&file, bytes).unwrap();
    (site, file)
}

/// Replaces text in the Windows-1252 fixture.
fn edit(file: &Path, from: &str, to: &str) {
    let bytes = std::fs::read(file).unwrap();
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    assert!(text.contains(from));
    let edited = text.replace(from, to);
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&edited);
    std::fs::write(file, bytes).unwrap();
}

fn notes(report: &Report) -> Vec<(usize, String, Problem, String)> {
    report
        .rows
        .iter()
        .flat_map(|row| row.notes.iter().map(|n| (row.line, n.column.clone(), n.problem, n.message.to_string())))
        .collect()
}

/// Asserts that the report's notes are exactly `expected`: line, column, kind and a fragment
/// of the message.
fn assert_notes(report: &Report, expected: &[(usize, &str, Problem, &str)]) {
    let found = notes(report);
    for (line, column, problem, fragment) in expected {
        assert!(
            found.iter().any(|(l, c, p, m)| l == line && c == column && p == problem && m.contains(fragment)),
            "line {line}, {column}: {fragment}\nfound: {found:#?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
}

#[test]
fn each_cleaning_rule_and_each_defect_is_found_at_its_row_and_column() {
    let (site, file) = fixture_site();
    let report = import(&options(&site, &file), today()).unwrap();
    assert_eq!(
        report.described.to_string(),
        "CSV séparé par « ; », Windows-1252, noms ou valeurs de la v0 du standard traduits en v1"
    );
    let rules: Vec<(Rule, usize)> = report.rules.iter().map(|(r, n)| (*r, *n)).collect();
    assert_eq!(
        rules,
        [
            (Rule::FieldRenamed, 10),      // every non-empty courriel, publics_accueillis…
            (Rule::V0Value, 6),            // line 12
            (Rule::VocabularySpelling, 2), // line 11
            (Rule::Phone, 1),              // line 3
            (Rule::LeadingZero, 1),        // line 4
            (Rule::UrlScheme, 1),          // line 5
            (Rule::Email, 2),              // lines 6 and 7
            (Rule::Date, 2),               // lines 8 and 9
            (Rule::CoordinatesSwapped, 1), // line 10
            (Rule::Commune, 2),            // lines 13 and 14
            (Rule::Pivot, 1),              // line 15
        ]
    );
    let expected: &[(usize, &str, Problem, &str)] = &[
        (16, "horaires", Problem::Hours, "horaires « du lundi au vendredi 9h-12h » illisibles"),
        (17, "latitude", Problem::Coordinates, "coordonnées « 48.85, 2.35 » hors du territoire"),
        (18, "services", Problem::UnknownValue, "« Cours de cuisine » n'est pas une valeur de services"),
        (
            18,
            "conditions_acces",
            Problem::UnknownValue,
            "« Accepte le Pass numérique » (valeur de la v0) n'a pas d'équivalent dans frais_a_charge en v1",
        ),
        (19, "telephone", Problem::Phone, "téléphone « appelez-nous » illisible"),
        (20, "courriel", Problem::Email, "courriel « contact(at)exemple.fr » illisible"),
        (21, "site_web", Problem::Url, "adresse web « javascript:alert(1) » illisible"),
        (22, "date_maj", Problem::Date, "date « hier » illisible"),
        (23, "date_maj", Problem::Date, "date « 1970-01-01 » fictive"),
        (24, "code_postal", Problem::Code, "code_postal « 690 » mal formé"),
        (24, "code_postal", Problem::Missing, "lieu non importé"),
        (25, "presentation_resume", Problem::TooLong, "résumé de 311 caractères, 280 au plus"),
        (26, "adresse", Problem::Missing, "champ obligatoire « adresse » absent : lieu non importé"),
        (27, "commune", Problem::Commune, "le code postal 69008 n'est pas celui de Bron (69500)"),
        (
            28,
            "commune",
            Problem::Commune,
            "« Echalas » n'est pas une commune du territoire, bien que son code postal 69700",
        ),
        (29, "", Problem::Duplicate, "même nom et même adresse que la ligne 2 : doublon probable"),
        (30, "id", Problem::Duplicate, "même id « a1 » que la ligne 2 : ligne non importée"),
        (32, "latitude", Problem::Coordinates, "coordonnées nulles (0, 0)"),
        (34, "", Problem::Row, "1 cellule(s) de plus que de colonnes (0478000001)"),
        (35, "site_web", Problem::Url, "adresse web « contact@asso.fr » illisible"),
    ];
    assert_notes(&report, expected);
    assert_eq!(report.unknown_columns, ["accessibilite_pmr"]);
    // 34 rows: 28 written, 2 outside (Echalas, Paris), 4 refused (lines 24, 26, 27, 30).
    assert_eq!((report.read, report.created(), report.outside, report.refused), (34, 28, 2, 4));

    // What the cleaned entries hold.
    let entry = |slug: &str| site.read(&format!("content/lieux/{slug}.md"));
    for (slug, line) in [
        ("lieu-telephone", "telephone: '+33478000002'\n"),
        ("lieu-de-l-ain", "code_postal: '01000'\n"),
        ("lieu-web", "site_web:\n  - https://www.exemple.fr/atelier\n"),
        ("lieu-courriel", "courriels:\n  - contact@exemple.fr\n"),
        ("lieu-deux-courriels", "courriels:\n  - a@exemple.fr\n  - b@exemple.fr\n"),
        ("lieu-date", "date_maj: 2026-03-01\n"),
        ("lieu-horodatage", "date_maj: 2026-03-01\n"),
        ("lieu-inverse", "latitude: 45.74\nlongitude: 4.87\n"),
        ("lieu-vocabulaire", "frais_a_charge:\n  - Gratuit\nmodalites_acces:\n  - Ce lieu n'accueille pas de public\n"),
        (
            "lieu-v0",
            "services:\n  - Maîtrise des outils numériques du quotidien\nprise_en_charge_specifique:\n  - Surdité\nfrais_a_charge:\n  - Payant\ndispositif_programmes_nationaux:\n  - Conseillers numériques\nmodalites_accompagnement:\n  - Accompagnement individuel\n",
        ),
        ("lieu-majuscules", "commune: Villeurbanne\n"),
        ("lieu-lyon", "commune: Lyon 3e Arrondissement\n"),
        ("lieu-siret", "pivot: '21380000000011'\n"),
        ("lieu-horaires", "# horaires: \"du lundi au vendredi 9h-12h\"\n"),
        ("lieu-a-paris", "# latitude, longitude: \"48.85, 2.35\"\n"),
        ("lieu-inconnu", "# services: \"Cours de cuisine\"\n"),
        ("lieu-hier", "date_maj: 2026-11-25\n"),
        ("lieu-colonne", "# accessibilite_pmr: \"oui\"\n"),
        ("mediatheque-a-lyon-8e-arrondissement", "id: a29\n"),
        ("lieu-decale", "# cellules en trop: \"0478000001\"\n"),
        ("lieu-courriel-web", "# site_web: \"contact@asso.fr\"\n"),
    ] {
        let text = entry(slug);
        assert!(text.contains(line), "{slug} should hold {line:?}:\n{text}");
    }
    assert!(!entry("lieu-v0").contains("publics_specifiquement_adresses"), "« Adultes » means everyone");
    assert!(!entry("lieu-script").lines().any(|l| l.starts_with("site_web")), "{}", entry("lieu-script"));
    assert_checks(&site);

    // Idempotent.
    let before = places(&site);
    let again = import(&options(&site, &file), today()).unwrap();
    assert_eq!((again.unchanged, again.changes.len()), (28, 0));
    assert_eq!(places(&site), before);
}

#[test]
fn an_existing_entry_is_updated_field_by_field_keeping_its_body_and_other_fields() {
    let (site, file) = fixture_site();
    import(&options(&site, &file), today()).unwrap();
    // The animators wrote a presentation and a field the source does not have.
    let path = "content/lieux/lieu-telephone.md";
    let text = site.read(path).replace("---\n", "").replace("telephone:", "complement_adresse: 2e étage\ntelephone:");
    site.write(path, &format!("---\n{text}---\nUn texte écrit à la main.\n"));
    // The source changes the phone number and the name of that place.
    edit(&file, "04.78.00.00.02", "04 78 00 00 09");
    let report = import(&options(&site, &file), today()).unwrap();
    assert_eq!(report.changes.len(), 1, "{:?}", report.changes);
    assert_eq!(report.changes[0].fields.as_deref(), Some(&["telephone"][..]));
    let updated = site.read(path);
    assert!(updated.contains("telephone: '+33478000009'\n"), "{updated}");
    assert!(updated.contains("complement_adresse: 2e étage\n"), "{updated}");
    assert!(updated.ends_with("---\nUn texte écrit à la main.\n"), "{updated}");
    assert!(report.to_string().contains("mise à jour  content/lieux/lieu-telephone.md (telephone)"));

    // A value kept in a comment stays when the entry is updated for another field.
    edit(
        &file,
        "a16;Lieu horaires;16 rue A;69008;Lyon 8e Arrondissement;;;;;;du lundi au vendredi 9h-12h;2026-03-01",
        "a16;Lieu horaires;16 rue A;69008;Lyon 8e Arrondissement;;;;;;du lundi au vendredi 9h-12h;2026-03-02",
    );
    let report = import(&options(&site, &file), today()).unwrap();
    assert_eq!(report.changes.len(), 1, "{:?}", report.changes);
    let horaires = site.read("content/lieux/lieu-horaires.md");
    assert!(
        horaires.contains("date_maj: 2026-03-02\n")
            && horaires.contains("# horaires: \"du lundi au vendredi 9h-12h\"\n"),
        "{horaires}"
    );

    // A date the import had to make up (the source's was unreadable) does not hold back the
    // source's real date later.
    assert!(site.read("content/lieux/lieu-hier.md").contains("date_maj: 2026-11-25\n"));
    edit(&file, ";hier;", ";2026-03-05;");
    let report = import(&options(&site, &file), today()).unwrap();
    assert_eq!(report.newer, 0, "{report}");
    let hier = site.read("content/lieux/lieu-hier.md");
    assert!(hier.contains("date_maj: 2026-03-05\n") && !hier.contains("# date_maj"), "{hier}");

    // An entry checked after the source's date is left as it is, and that is said.
    let mine = site.read(path).replace("date_maj: 2026-03-01", "date_maj: 2026-11-01");
    site.write(path, &mine);
    edit(&file, "04 78 00 00 09", "04 78 00 00 07");
    let report = import(&options(&site, &file), today()).unwrap();
    assert!(report.changes.is_empty(), "{:?}", report.changes);
    assert_eq!(report.newer, 1);
    assert!(notes(&report).iter().any(|(l, c, p, m)| *l == 3
        && c == "date_maj"
        && *p == Problem::Newer
        && m.contains("vérifiée le 2026-11-01, après la source (2026-03-01)")));
    assert_eq!(site.read(path), mine);
}

#[test]
fn exports_round_trip_through_an_import_into_an_empty_site() {
    let example = SiteTest::example();
    example.build();
    for export in ["lieux.csv", "lieux.json"] {
        let site = empty_example();
        let file = example.root().join("public/donnees").join(export);
        let report = import(&options(&site, &file), today()).unwrap();
        assert_eq!((report.created(), report.refused, report.problems.len()), (47, 0, 0), "{report}");
        site.build();
        for compared in ["lieux.csv", "lieux.json"] {
            assert_eq!(
                site.read(&format!("public/donnees/{compared}")),
                example.read(&format!("public/donnees/{compared}")),
                "{export} → import → {compared}"
            );
        }
        // Into the site it came from: nothing to change.
        let report = import(&options(&example, &file), today()).unwrap();
        assert_eq!((report.unchanged, report.changes.len()), (47, 0), "{report}");
    }
}

#[test]
fn the_command_line_reports_dry_runs_filters_sources_and_errors() {
    let site = empty_example();
    let file = hinaura();
    let file = file.to_str().unwrap();
    let dry = site.run(&["import", file, "--dry-run", "--commune-filter", "69123"]).expect_code(0);
    assert!(dry.stdout.contains("4 dans le territoire : 4 à créer"), "{}", dry.stdout);
    assert!(dry.stdout.contains("25 dans d'autres communes que celles de --commune-filter"), "{}", dry.stdout);
    assert!(dry.stdout.contains("  nouvelle     content/lieux/emmaus-connect-lyon.md\n"));
    assert!(dry.stdout.ends_with("Aucun fichier écrit (--dry-run).\n"));
    assert!(!site.exists("content/lieux"));

    let (fixture, csv) = fixture_site();
    fixture.run(&["import", csv.to_str().unwrap(), "--source", "Réseau test"]).expect_code(0);
    assert!(fixture.read("content/lieux/lieu-web.md").contains("source: Réseau test\n"));

    // UTF-8 with a stray Latin-1 byte: read as UTF-8, the byte replaced, and said.
    std::fs::write(site.root().join("mixte.csv"), b"nom;adresse;code_postal;commune;date_maj\nM\xc3\xa9diath\xe8que;1 rue A;69008;Lyon 8e Arrondissement;2026-03-01\n").unwrap();
    let mixed = site.run(&["import", "mixte.csv", "--dry-run"]).expect_code(0);
    assert!(
        mixed.stdout.contains("Attention : 1 octet(s) illisible(s) remplacé(s) par « � » (le premier ligne 2)"),
        "{}",
        mixed.stdout
    );

    let missing = site.run(&["import", "absent.csv"]).expect_code(2);
    assert!(missing.stderr.contains("absent.csv : fichier ou dossier introuvable"), "{}", missing.stderr);
    site.write("casse.json", "[{\"id\": ");
    let broken = site.run(&["import", "casse.json"]).expect_code(2);
    assert!(broken.stderr.contains("JSON illisible, ligne 1"), "{}", broken.stderr);
    let filter = site.run(&["import", file, "--commune-filter", "75056"]).expect_code(2);
    assert!(filter.stderr.contains("le code INSEE 75056 n'est pas une commune du territoire"), "{}", filter.stderr);
    // A broken entry stops the import before anything is written.
    site.write("content/lieux/casse.md", "---\nnom: [\n---\n");
    let stopped = site.run(&["import", file]).expect_code(2);
    assert!(stopped.stderr.contains("casse.md"), "{}", stopped.stderr);
    assert_eq!(places(&site).len(), 1);
}

#[test]
fn imported_text_cannot_inject_script_or_break_out_of_the_front_matter() {
    let site = empty_example();
    let hostile = r#"[{"id": "x", "nom": "<script>alert(1)</script>", "adresse": "1 rue\n---\nnom: pirate", "code_postal": "69008", "commune": "Lyon 8e Arrondissement", "date_maj": "2026-01-01", "horaires": "le matin\n---\n<script>", "presentation_detail": "<img src=x onerror=alert(1)> Bonjour"}]"#;
    site.write("hostile.json", hostile);
    let report = import(&options(&site, &site.root().join("hostile.json")), today()).unwrap();
    assert_eq!(report.created(), 1, "{report}");
    let slug = report.changes[0].path.clone();
    let text = site.read(&slug);
    assert!(text.contains("# horaires: \"le matin\\n---\\n<script>\"\n"), "{text}");
    site.build();
    let page = site.read("public/lieux/script-alert-1-script/index.html");
    assert!(!page.contains("<script>alert") && !page.contains("onerror"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("1 rue --- nom: pirate"), "newlines of one-line fields become spaces");
}

/// Places with no id are paired with their entries by content: importing twice changes
/// nothing, and a SIRET shared by two places does not swap them.
#[test]
fn rows_without_ids_keep_their_entries_from_one_import_to_the_next() {
    let site = empty_example();
    let csv = "nom;adresse;code_postal;commune;pivot;telephone;date_maj\n\
        Zeta numérique;1 rue A;69008;Lyon 8e Arrondissement;21690123400017;;2026-03-01\n\
        Alpha services;1 rue A;69008;Lyon 8e Arrondissement;21690123400017;;2026-03-01\n\
        Maison;2 rue B;69008;Lyon 8e Arrondissement;;0478000001;2026-03-01\n\
        Maison;2 rue B;69008;Lyon 8e Arrondissement;;0478000002;2026-03-01\n";
    site.write("sans-id.csv", csv);
    let file = site.root().join("sans-id.csv");
    let first = import(&options(&site, &file), today()).unwrap();
    assert_eq!(first.created(), 4, "{first}");
    let before = places(&site);
    for _ in 0..2 {
        let again = import(&options(&site, &file), today()).unwrap();
        assert_eq!((again.unchanged, again.changes.len()), (4, 0), "{again}");
        assert_eq!(places(&site), before);
    }
    // An entry made by hand with the same SIRET and address but another name is not renamed
    // when a row names it exactly.
    site.write("une.csv", "nom;adresse;code_postal;commune;pivot;telephone;date_maj\nAlpha services;1 rue A;69008;Lyon 8e Arrondissement;21690123400017;0478000003;2026-03-01\n");
    let report = import(&options(&site, &site.root().join("une.csv")), today()).unwrap();
    assert_eq!(report.changes.len(), 1);
    assert_eq!(report.changes[0].path, "content/lieux/alpha-services.md");
}

#[test]
fn entries_in_subfolders_are_found_and_updated_where_they_are() {
    let site = empty_example();
    site.write(
        "content/lieux/villeurbanne/maison.md",
        "---\nid: m1\nsource: Test\nnom: Maison\nadresse: 1 rue A\ncode_postal: \"69100\"\ncommune: Villeurbanne\ndate_maj: 2026-03-01\n---\nTexte.\n",
    );
    site.write("m.json", r#"[{"id": "m1", "source": "Test", "nom": "Maison", "adresse": "1 rue A", "code_postal": "69100", "commune": "Villeurbanne", "telephone": "04 78 00 00 01", "date_maj": "2026-03-02"}]"#);
    let report = import(&options(&site, &site.root().join("m.json")), today()).unwrap();
    assert_eq!(report.changes.len(), 1, "{report}");
    assert_eq!(report.changes[0].path, "content/lieux/villeurbanne/maison.md");
    assert!(site.read("content/lieux/villeurbanne/maison.md").contains("telephone: '+33478000001'\n"));
    assert_eq!(places(&site).len(), 1);
    assert_checks(&site);
}

#[test]
fn json_numbers_lists_and_invisible_characters_are_read_for_what_they_mean() {
    let (site, _) = fixture_site();
    site.write(
        "n.json",
        r#"[{"id": "n1", "nom": "\u0000Lieu\u200b de l'Ain", "adresse": "1 rue A", "code_postal": 1000.0, "code_insee": 1053, "commune": "Bourg-en-Bresse", "date_maj": "2026-03-01", "services": ["Aide aux démarches administratives|Loisirs et créations numériques"], "autres_formations_labels": ["a|b"]},
            {"id": "n2", "nom": "\u200b", "adresse": "2 rue A", "code_postal": "01000", "commune": "Bourg-en-Bresse", "date_maj": "2026-03-01"}]"#,
    );
    let report = import(&options(&site, &site.root().join("n.json")), today()).unwrap();
    assert_eq!((report.created(), report.refused), (1, 1), "{report}");
    let text = site.read("content/lieux/lieu-de-l-ain.md");
    for line in [
        "nom: Lieu de l'Ain\n",
        "code_postal: '01000'\n",
        "code_insee: '01053'\n",
        "services:\n  - Aide aux démarches administratives\n  - Loisirs et créations numériques\n",
        "autres_formations_labels:\n  - a\n  - b\n",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    assert!(
        notes(&report).iter().any(|(_, c, p, _)| c == "nom" && *p == Problem::Missing),
        "an invisible name is no name"
    );
    assert_checks(&site);
}

#[test]
fn values_kept_in_comments_cannot_add_fields_or_break_the_entry() {
    let site = empty_example();
    // Line and paragraph separators, NEL and control characters in a value and in a column
    // name: YAML reads some of them as line breaks.
    site.write(
        "k.json",
        "[{\"id\": \"k1\", \"nom\": \"Lieu LS\", \"adresse\": \"1 rue A\", \"code_postal\": \"69008\", \"commune\": \"Lyon 8e Arrondissement\", \"date_maj\": \"2026-03-01\", \"remarque\": \"bla\\u2028latitude: 45.75\\u2028services: [Aide aux démarches administratives]\\u2028#\", \"x\\nlongitude: 4.85\\n---\\n#\": \"y\", \"horaires\": \"le matin\\u0085latitude: 45.7\"}]",
    );
    let file = site.root().join("k.json");
    let report = import(&options(&site, &file), today()).unwrap();
    assert_eq!(report.created(), 1, "{report}");
    assert_checks(&site);
    site.build();
    let json: Vec<serde_json::Value> = serde_json::from_str(&site.read("public/donnees/lieux.json")).unwrap();
    for field in ["latitude", "longitude", "services"] {
        assert!(json[0].get(field).is_none(), "{field} came from a comment: {}", json[0]);
    }
    let again = import(&options(&site, &file), today()).unwrap();
    assert_eq!((again.unchanged, again.changes.len()), (1, 0), "{again}");

    // A byte that Windows-1252 does not define (0x81) and NUL bytes.
    site.write("c.csv", "");
    std::fs::write(
        site.root().join("c.csv"),
        b"id;nom;adresse;code_postal;commune;horaires;x\x00y\nc1;Caf\xe9;1 rue A;69008;Lyon 8e Arrondissement;le \x81matin;z\n",
    )
    .unwrap();
    let report = import(&options(&site, &site.root().join("c.csv")), today()).unwrap();
    assert_eq!(report.created(), 1, "{report}");
    assert!(site.read("content/lieux/cafe.md").contains("# horaires: \"le matin\"\n# xy: \"z\"\n"));
    assert_checks(&site);
}

#[cfg(unix)]
#[test]
fn entries_are_written_readable_and_never_through_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let (site, file) = fixture_site();
    import(&options(&site, &file), today()).unwrap();
    let mode = std::fs::metadata(site.root().join("content/lieux/lieu-web.md")).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o644);

    let elsewhere = tempfile::tempdir().unwrap();
    let (linked, file) = fixture_site();
    std::os::unix::fs::symlink(elsewhere.path(), linked.root().join("content/lieux")).unwrap();
    let run = linked.run(&["import", file.to_str().unwrap()]).expect_code(2);
    assert!(run.stderr.contains("n'est pas un dossier (lien symbolique ?)"), "{}", run.stderr);
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}

/// The import report prints names and values of the imported file escaped: a line break or an
/// escape sequence in a cell cannot start a line of its own (a GitHub Actions workflow
/// command) or drive the terminal.
#[test]
fn the_report_prints_the_file_s_values_escaped() {
    let site = empty_example();
    let header = "id;nom;adresse;code_postal;commune;latitude;longitude;telephone;courriel;site_web;horaires;date_maj;services;publics_accueillis;conditions_acces;modalites_accompagnement;labels_nationaux;pivot;presentation_resume;modalites_acces;accessibilite_pmr";
    let row = "a1;\"Espace\n::warning file=x::pris\u{1b}[2J\";1 rue A;69008;Lyon 8e Arrondissement;45.74;4.87;0478;a@exemple.fr;;;2026-03-01;Aide aux démarches administratives;;Gratuit;;;;;;";
    std::fs::write(site.root().join("export.csv"), format!("{header}\n{row}\n")).unwrap();
    let run = site.run(&["import", "export.csv", "--dry-run"]);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(all.contains("Espace"), "{all}");
    assert!(!all.contains('\u{1b}'), "{all}");
    assert!(all.lines().all(|line| !line.trim_start().starts_with("::")), "{all}");
}

/// Issue 19: a value that starts as a spreadsheet formula, a character lost in decoding (a
/// Windows-1252 byte in a UTF-8 file) and a `nom` outside 3 to 150 characters were imported as
/// they were. Each row is held back, its line and column named; a phone number in E.164 form
/// and `=` inside a text are not formulas.
#[test]
fn rows_that_check_would_refuse_are_held_back_at_their_row_and_column() {
    let site = empty_example();
    let long = "Maison ".repeat(30);
    let mut csv = format!(
        "id;nom;adresse;code_postal;commune;telephone;autres_formations_labels;presentation_detail;date_maj\n\
         a1;\"=HYPERLINK(\"\"https://x.fr\"\")\";1 rue A;69100;Villeurbanne;;;;2026-03-03\n\
         a2;Lieu deux;@SUM(1+1);69100;Villeurbanne;;;;2026-03-03\n\
         a3;Lieu trois;3 rue C;69100;Villeurbanne;;Label|-2+3+cmd;;2026-03-03\n\
         a5;AB;5 rue E;69100;Villeurbanne;;;;2026-03-03\n\
         a6;{long};6 rue F;69100;Villeurbanne;;;;2026-03-03\n\
         a7;Médiathèque légitime;7 rue G;69100;Villeurbanne;+33 4 78 00 00 00;;Accueil = écoute;2026-03-03\n\
         a8;Lieu huit;8 rue H;69100;Villeurbanne;;;+1+cmd;2026-03-03\n"
    )
    .into_bytes();
    csv.extend_from_slice(b"a4;Maison Fran\xe7aise;4 rue D;69100;Villeurbanne;;;;2026-03-03\n");
    let file = site.root().join("export.csv");
    std::fs::write(&file, csv).unwrap();
    let report = import(&options(&site, &file), today()).unwrap();
    let expected: &[(usize, &str, Problem, &str)] = &[
        (2, "nom", Problem::Formula, "« =HYPERLINK(\"https://x.fr\") » commence par « = »"),
        (3, "adresse", Problem::Formula, "« @SUM(1+1) » commence par « @ »"),
        (4, "autres_formations_labels", Problem::Formula, "« -2+3+cmd » commence par « - »"),
        (5, "nom", Problem::TooLong, "nom de 2 caractères : de 3 à 150 attendus"),
        (5, "nom", Problem::Missing, "« nom » invalide : lieu non importé"),
        (6, "nom", Problem::TooLong, "nom de 209 caractères : de 3 à 150 attendus"),
        (6, "nom", Problem::Missing, "« nom » invalide : lieu non importé"),
        (8, "presentation_detail", Problem::Formula, "« +1+cmd » commence par « + »"),
        (9, "nom", Problem::LostCharacter, "« Maison Fran\u{FFFD}aise » contient « \u{FFFD} »"),
    ];
    assert_notes(&report, expected);
    assert_eq!((report.read, report.created(), report.refused), (8, 1, 7));
    assert_eq!(places(&site).keys().collect::<Vec<_>>(), ["mediatheque-legitime.md"]);
    let shown = report.to_string();
    assert!(shown.contains("ligne 6, « Maison Maison"), "{shown}");
    assert!(shown.lines().all(|l| l.chars().count() < 400), "a long name is cut in the report:\n{shown}");
    assert_checks(&site);
}
