//! `resin check`: one fixture per error class (tests/fixtures/erreurs/<code>/), each with a single
//! broken thing, laid over a small valid site. Each asserts the code, file, line, column and
//! message, and snapshots the human report.

use crate::support::{PLACE, SiteTest, copy_dir, repo};

/// The fixture folder laid over a valid site with one place, `mediatheque-du-bachut`.
fn fixture(code: &str) -> SiteTest {
    let test = SiteTest::new().file("content/lieux/mediatheque-du-bachut.md", PLACE);
    let dir = repo().join("tests/fixtures/erreurs").join(code);
    copy_dir(&dir, test.root());
    // `SUPPRIMER` lists files of the base site that the fixture takes away.
    if let Ok(list) = std::fs::read_to_string(dir.join("SUPPRIMER")) {
        list.lines().for_each(|path| test.remove(path));
        test.remove("SUPPRIMER");
    }
    test
}

/// Runs `check` on a fixture in JSON and human formats; asserts the one expected diagnostic.
fn check_fixture(code: &str, file: Option<&str>, line: u64, column: u64, message: &str, exit: i32) {
    let test = fixture(code);
    let json = test.run(&["check", "--format", "json"]).expect_code(exit);
    let diagnostics = json.diagnostics();
    let found: Vec<_> = diagnostics.iter().filter(|d| d["code"] == code).collect();
    assert_eq!(found.len(), 1, "{code}: {diagnostics:#?}");
    let d = found[0];
    assert_eq!(d["file"].as_str(), file, "{code}");
    if file.is_some() {
        assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(line), Some(column)), "{code}: {d}");
    }
    assert!(d["message"].as_str().unwrap().contains(message), "{code}: {}", d["message"]);
    assert!(d["help"].is_string(), "{code}: every problem says how to fix it");

    let human = test.run(&["check"]).expect_code(exit);
    insta::assert_snapshot!(format!("check_{}", code.replace('-', "_")), human.stderr);
}

macro_rules! error_class {
    ($name:ident, $code:literal, $file:expr, $line:literal : $column:literal, $message:literal) => {
        error_class!($name, $code, $file, $line: $column, $message, exit 1);
    };
    ($name:ident, $code:literal, $file:expr, $line:literal : $column:literal, $message:literal, exit $exit:literal) => {
        #[test]
        fn $name() {
            check_fixture($code, $file, $line, $column, $message, $exit);
        }
    };
}

const A: Option<&str> = Some("content/lieux/a.md");
const PAGE: Option<&str> = Some("content/pages/a.md");
const OFFER: Option<&str> = Some("content/offres/atelier.md");

// Reading files.
error_class!(yaml_syntax, "yaml", A, 4:15, "erreur de syntaxe YAML");
error_class!(not_utf8, "encodage", A, 3:18, "n'est pas encodé en UTF-8");
error_class!(missing_front_matter, "entete-absente", PAGE, 1:1, "l'en-tête `---` est absent");
error_class!(unclosed_front_matter, "entete-non-fermee", PAGE, 1:1, "n'est pas fermé");
error_class!(front_matter_not_a_mapping, "entete-invalide", PAGE, 2:1, "n'est pas une liste de champs");
// Fields.
error_class!(duplicate_field, "champ-en-double", PAGE, 4:1, "le champ `titre` est écrit deux fois");
error_class!(missing_field, "champ-manquant", A, 1:1, "champ obligatoire manquant : `adresse`");
error_class!(empty_field, "champ-vide", A, 3:1, "le champ obligatoire `adresse` est vide");
error_class!(wrong_type, "type", A, 2:6, "`nom` doit être du texte, pas une liste");
error_class!(unknown_field, "champ-inconnu", A, 9:1, "champ inconnu `horaire` : vouliez-vous dire `horaires` ?");
error_class!(vocabulary, "vocabulaire", A, 11:18, "valeur « gratuit » inconnue pour `frais_a_charge`");
error_class!(pipe_in_value, "barre-verticale", A, 11:28, "une valeur de `autres_formations_labels` contient « | »");
error_class!(list_cut, "liste-coupee", A, 11:43, "un élément de `pieces_a_apporter` s'arrête au milieu d'une parenthèse : « Vos identifiants (CAF »");
error_class!(control_character, "caractere-de-controle", A, 2:6, "`nom` contient un caractère de contrôle ou invisible (U+200B)");
error_class!(body_too_deep, "texte-trop-imbrique", A, 13:1, "le texte est imbriqué sur 71 niveaux");
error_class!(too_long, "trop-long", A, 11:22, "`presentation_resume` est trop long");
error_class!(too_short, "trop-court", A, 2:6, "`nom` est trop court : 2 caractères pour 3 au moins");
error_class!(formula, "formule", A, 3:10, "`adresse` commence par « @ » : un tableur qui ouvre les exports CSV la lirait comme une formule");
error_class!(replacement_character, "caractere-de-remplacement", A, 2:6, "`nom` contient « � » (U+FFFD)");
// Codes and contacts.
error_class!(postal_code, "code-postal", A, 4:14, "code postal invalide « 6910 »");
error_class!(code_as_number, "code-nombre", A, 4:14, "`code_postal` est écrit comme un nombre (69100)");
error_class!(insee_code, "code-insee", A, 6:13, "code INSEE invalide « 6926 »");
error_class!(pivot, "pivot", A, 11:8, "`pivot` invalide");
error_class!(phone, "telephone", A, 11:12, "numéro de téléphone invalide « 04 78 00 »");
error_class!(email, "courriel", A, 11:13, "adresse électronique invalide « accueil@exemple »");
error_class!(url_scheme, "url", A, 11:12, "le protocole `javascript:` n'est pas autorisé");
// Coordinates.
error_class!(unknown_commune, "commune-inconnue", A, 5:10, "commune « villeurbane » inconnue");
error_class!(commune_mismatch, "commune-incoherente", A, 4:14, "`code_postal` « 69008 » ne correspond pas à la commune « Villeurbanne »");
error_class!(commune_spelling, "commune-orthographe", Some("content/lieux/z.md"), 5:10, "commune « lyon 8e arrondissement » écrite autrement que dans content/lieux/mediatheque-du-bachut.md");
error_class!(outside_territory, "coordonnees-hors-territoire", A, 7:11, "hors du territoire « Métropole de Lyon »");
error_class!(swapped, "coordonnees-inversees", A, 7:11, "latitude et longitude inversées");
error_class!(lambert93, "coordonnees-lambert93", A, 7:11, "Lambert 93");
error_class!(incomplete, "coordonnees-incompletes", A, 7:11, "`longitude` manque");
// Hours and dates.
error_class!(hours, "horaires", A, 9:18, "les jours s'écrivent en abrégé anglais (Mo Tu We Th Fr Sa Su) et les heures sous la forme 09:00-12:00");
error_class!(date, "date", A, 11:11, "date invalide pour `date_maj` : « 2026-02-30 »");
error_class!(date_in_future, "date-future", A, 11:11, "`date_maj` est dans le futur : 2027-01-01");
error_class!(closure_reversed, "fermeture-inversee", A, 14:9, "la fermeture finit (`au: 2026-12-24`) avant de commencer (`du: 2027-01-02`)");
error_class!(closures_overlap, "fermetures-chevauchees", A, 16:9, "la fermeture qui commence le 31 décembre 2026 chevauche celle du 24 décembre 2026 au 2 janvier 2027");
// Offers.
error_class!(unknown_place, "lieu-inconnu", OFFER, 3:9, "lieu inconnu « mediatheque-du-bachu »");
error_class!(offer_without_schedule, "offre-horaires-seances", OFFER, 1:1, "ni `horaires` ni `seances`");
error_class!(session_ends_before_start, "seance", OFFER, 7:46, "finit (14:00) avant de commencer (16:00)");
error_class!(session_time, "heure", OFFER, 7:32, "heure invalide pour `debut` : « 14h »");
// The network's space.
const NEWS: Option<&str> = Some("content/actualites/nouvelle.md");
const CALL: Option<&str> = Some("content/appels-a-projets/appel.md");
error_class!(image_without_alt, "texte-alternatif", NEWS, 4:8, "l'image « medias/photo.png » n'a pas de texte alternatif (`image_alt`)");
error_class!(closing_before_opening, "dates-inversees", CALL, 5:10, "`cloture` (2026-11-15) est avant `ouverture` (2026-12-01)");
error_class!(amounts_out_of_order, "montants-inverses", CALL, 5:14, "`montant_max` (5000 €) est plus petit que `montant_min` (20000 €)");
error_class!(tag_format, "etiquette", NEWS, 4:27, "étiquette « #Aidants Connect » mal écrite");
error_class!(tag_spelling, "etiquette-orthographe", Some("content/actualites/z.md"), 4:25, "étiquette « reemploi » écrite autrement (« réemploi ») dans content/actualites/a.md");
error_class!(unknown_file, "fichier-introuvable", Some("content/bonnes-pratiques/guide.md"), 7:16, "`pieces_jointes` : le fichier « medias/guide.pdf » n'existe pas dans `content/`");
error_class!(file_format, "format-de-fichier", NEWS, 4:8, "`image` : « medias/logo.svg » n'est pas d'un format accepté");
error_class!(ad_without_contact, "contact-manquant", Some("content/bourse/tablettes.md"), 1:1, "ni `courriel` ni `telephone`");
error_class!(event_too_long, "evenement-trop-long", Some("content/agenda/rencontre.md"), 4:11, "l'événement dure 36527 jours, plus que les 31 jours permis");
error_class!(event_place, "evenement-lieu", Some("content/agenda/rencontre.md"), 7:10, "l'événement a à la fois `lieu` et `adresse`");
error_class!(extension_type, "extension", A, 12:17, "`pass_numerique` (« Accepte le Pass numérique », champ propre au territoire) attend oui ou non (`true` ou `false`), pas « peut-être »");
// Slugs and ids.
error_class!(duplicate_slug, "slug-en-double", Some("content/lieux/villeurbanne/mediatheque-du-bachut.md"), 1:1, "déjà utilisé par content/lieux/mediatheque-du-bachut.md");
error_class!(duplicate_id, "id-en-double", A, 11:5, "l'identifiant « mediatheque-du-bachut » est déjà utilisé par content/lieux/mediatheque-du-bachut.md");
error_class!(file_name, "nom-de-fichier", Some("content/lieux/Centre Social.md"), 1:1, "« Centre Social.md »");
error_class!(asset_conflict, "fichier-en-conflit", Some("content/robots.txt"), 1:1, "occupe l'adresse d'une page du site");
error_class!(unpublished_format, "format-non-publie", Some("content/medias/formulaire.html"), 1:1, "les fichiers `.html` ne sont pas publiés");
error_class!(active_svg, "svg-actif", Some("content/medias/logo.svg"), 2:31, "l'attribut d'événement `onload`");
error_class!(reserved_page_slug, "nom-reserve", Some("content/pages/lieux.md"), 1:1, "réservé");
error_class!(missing_site_yaml, "configuration", None, 0:0, "`content/site.yaml` est absent");
// Warnings: reported, exit 0 without --strict.
error_class!(stale_date, "date-ancienne", A, 11:11, "plus de 12 mois", exit 0);
error_class!(no_hours, "horaires-absents", A, 1:1, "pas d'horaires", exit 0);
error_class!(no_coordinates, "coordonnees-absentes", A, 1:1, "pas de coordonnées", exit 0);
error_class!(no_services, "services-absents", A, 1:1, "aucun service", exit 0);
error_class!(closure_past, "fermeture-passee", A, 14:9, "fermeture passée : elle a pris fin le 21 août 2026", exit 0);
error_class!(stray_entry, "fiche-hors-dossier", Some("content/lieu/nouveau.md"), 1:1, "n'est dans aucun dossier de fiches", exit 0);
error_class!(copied_place, "fiche-copiee", Some("content/lieux/z.md"), 9:12, "ce lieu porte un autre nom que celui de content/lieux/gratte-ciel.md (ligne 9), mais il a le même courriel et le même téléphone, la même fiche Acceslibre (à une autre adresse) et la même présentation mot pour mot", exit 0);

#[test]
fn every_fixture_folder_has_a_test() {
    let source = include_str!("check.rs");
    for entry in std::fs::read_dir(repo().join("tests/fixtures/erreurs")).unwrap() {
        let code = entry.unwrap().file_name().into_string().unwrap();
        assert!(source.contains(&format!("\"{code}\"")), "fixture {code} has no error_class! line");
    }
}

#[test]
fn warnings_fail_only_with_strict() {
    let test = fixture("date-ancienne");
    test.run(&["check"]).expect_code(0);
    test.run(&["check", "--strict"]).expect_code(1);
    test.run(&["build", "--strict"]).expect_code(1);
    assert!(!test.exists("public"), "a strict build with warnings writes nothing");
}

#[test]
fn symlink_outside_content_is_refused() {
    let test = SiteTest::new().file("content/lieux/mediatheque-du-bachut.md", PLACE);
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), "secret").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), test.root().join("content/secret.txt")).unwrap();
    let run = test.run(&["check", "--format", "json"]).expect_code(1);
    assert_eq!(run.diagnostics()[0]["code"], "lien-symbolique");
    test.run(&["build"]).expect_code(1);
    assert!(!test.exists("public/secret.txt"));
}

/// One site holding every fixture of every error class at once, and their codes. (Fixtures
/// that change `site.yaml` or remove files need a site of their own, and a file in the way of a
/// page is only looked for once the content has no error.)
fn every_fixture() -> (SiteTest, Vec<String>) {
    let test = SiteTest::new().file("content/lieux/mediatheque-du-bachut.md", PLACE);
    let fixtures = repo().join("tests/fixtures/erreurs");
    let mut expected = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(&fixtures).unwrap().map(|e| e.unwrap().path()).collect();
    dirs.sort();
    for fixture in dirs {
        let code = fixture.file_name().unwrap().to_string_lossy().into_owned();
        let own_site = fixture.join("SUPPRIMER").exists() || fixture.join("content/site.yaml").exists();
        if own_site || code == "fichier-en-conflit" {
            continue;
        }
        let content = fixture.join("content");
        for entry in
            walkdir::WalkDir::new(&content).into_iter().filter_map(Result::ok).filter(|e| e.file_type().is_file())
        {
            let rel = entry.path().strip_prefix(&content).unwrap();
            let name = rel.file_name().unwrap().to_string_lossy();
            // Each fixture file gets its own name so that they all coexist; the classes about
            // names keep theirs.
            let keep = ["slug-en-double", "nom-de-fichier", "nom-reserve"].contains(&code.as_str());
            let name = if keep { name.into_owned() } else { format!("{code}-{name}") };
            let folder = test.root().join("content").join(rel.parent().unwrap());
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join(name), std::fs::read(entry.path()).unwrap()).unwrap();
        }
        expected.push(code);
    }
    (test, expected)
}

/// Every fixture of every error class at once, in one site: one run reports them all, sorted
/// by file and line.
#[test]
fn all_errors_are_reported_in_one_run() {
    let (test, expected) = every_fixture();
    assert!(expected.len() >= 35, "{expected:?}");
    let run = test.run(&["check", "--format", "json"]).expect_code(1);
    let diagnostics = run.diagnostics();
    for code in &expected {
        assert!(diagnostics.iter().any(|d| d["code"] == code.as_str()), "{code} missing from {diagnostics:#?}");
    }
    let keys: Vec<(String, u64, u64)> = diagnostics
        .iter()
        .map(|d| (d["file"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "diagnostics are sorted by file, line and column");
    let human = test.run(&["check"]).expect_code(1);
    let errors = diagnostics.iter().filter(|d| d["severity"] == "error").count();
    assert!(human.stderr.contains(&format!("{errors} erreurs")), "{}", human.stderr);
}

/// The formats CI reads, on every fixture: GitHub's annotations and GitLab's Code Quality report.
#[test]
fn ci_formats_on_every_fixture() {
    let (test, _) = every_fixture();
    let github = test.run(&["check", "--format", "github"]).expect_code(1);
    assert!(github.stdout.lines().all(|l| l.starts_with("::error file=") || l.starts_with("::warning file=")));
    insta::assert_snapshot!("format_github", github.stdout);
    let gitlab = test.run(&["check", "--format", "gitlab"]).expect_code(1);
    let report: serde_json::Value = serde_json::from_str(&gitlab.stdout).expect("a JSON array");
    let issues = report.as_array().unwrap();
    assert_eq!(issues.len(), github.stdout.lines().count(), "one issue per diagnostic");
    let mut fingerprints = std::collections::BTreeSet::new();
    for issue in issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[key].is_string(), "{key}: {issue}");
        }
        assert!(issue["location"]["path"].as_str().unwrap().starts_with("content/"), "{issue}");
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1, "{issue}");
        assert!(["major", "minor"].contains(&issue["severity"].as_str().unwrap()));
        assert!(fingerprints.insert(issue["fingerprint"].as_str().unwrap().to_string()), "unique: {issue}");
    }
    insta::assert_snapshot!("format_gitlab", gitlab.stdout);
    // A fingerprint does not move with its line: a line added above keeps it.
    let path = test.root().join("content/lieux/telephone-a.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("---\n", "---\n# une ligne de plus\n", 1)).unwrap();
    let moved = test.run(&["check", "--format", "gitlab"]).expect_code(1);
    let moved: serde_json::Value = serde_json::from_str(&moved.stdout).unwrap();
    let phone = |r: &serde_json::Value| {
        r.as_array().unwrap().iter().find(|i| i["check_name"] == "resin/telephone").unwrap().clone()
    };
    assert_eq!(phone(&moved)["fingerprint"], phone(&report)["fingerprint"]);
    assert_eq!(
        phone(&moved)["location"]["lines"]["begin"],
        phone(&report)["location"]["lines"]["begin"].as_u64().unwrap() + 1
    );
}

/// The short format, one line per problem, on every fixture: the problem matchers of the VS Code
/// task of `resin new site` read from each line the file, line, column, code and message of
/// the JSON report.
#[test]
fn short_format_feeds_the_editor_task() {
    let (test, _) = every_fixture();
    let short = test.run(&["check", "--format", "short"]).expect_code(1);
    insta::assert_snapshot!("format_short", short.stdout);
    let json = test.run(&["check", "--format", "json"]).expect_code(1).diagnostics();
    let tasks: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("modeles/nouveau-site/.vscode/tasks.json")).unwrap())
            .unwrap();
    let matchers = tasks["tasks"][0]["problemMatcher"].as_array().unwrap();
    assert_eq!(tasks["tasks"][0]["command"], "resin check --format short");
    let lines: Vec<&str> = short.stdout.lines().collect();
    assert_eq!(lines.len(), json.len(), "one line per diagnostic");
    for (line, d) in lines.iter().zip(&json) {
        let found: Vec<(String, regex_lite::Captures)> = matchers
            .iter()
            .filter_map(|m| {
                let re = regex_lite::Regex::new(m["pattern"]["regexp"].as_str().unwrap()).unwrap();
                re.captures(line).map(|c| (m["severity"].as_str().unwrap().to_string(), c))
            })
            .collect();
        assert_eq!(found.len(), 1, "exactly one matcher reads {line}");
        let (severity, c) = &found[0];
        assert_eq!(severity, d["severity"].as_str().unwrap(), "{line}");
        assert_eq!(&c[1], d["file"].as_str().unwrap(), "{line}");
        assert_eq!(c[2].parse::<u64>().unwrap(), d["line"].as_u64().unwrap(), "{line}");
        assert_eq!(c[3].parse::<u64>().unwrap(), d["column"].as_u64().unwrap(), "{line}");
        assert_eq!(&c[4], d["code"].as_str().unwrap(), "{line}");
        assert!(c[5].starts_with(d["message"].as_str().unwrap().split('\n').next().unwrap()), "{line}");
    }
}

#[test]
fn github_format_annotates_lines() {
    let run = fixture("telephone").run(&["check", "--format", "github"]).expect_code(1);
    assert_eq!(
        run.stdout.trim(),
        "::error file=content/lieux/a.md,line=11,col=12,title=resin telephone::numéro de téléphone invalide « 04 78 00 »%0Aaide : écrivez un numéro français à 10 chiffres, par exemple `04 78 00 00 00` ou `+33 4 78 00 00 00`"
    );
}

#[test]
fn example_content_is_clean() {
    let run = SiteTest::example().run(&["check", "--strict", "--format", "json"]).expect_code(0);
    assert_eq!(run.stdout, "", "the example directory has no problem");
}

#[test]
fn usage_errors_exit_2_in_french() {
    let test = SiteTest::new();
    let run = test.run(&["check", "--format", "xml"]).expect_code(2);
    assert!(run.stderr.contains("valeur « xml » impossible pour --format"), "{}", run.stderr);
    let run = test.run(&["chek"]).expect_code(2);
    assert!(run.stderr.contains("commande inconnue « chek » ; vouliez-vous dire « check » ?"), "{}", run.stderr);
    let run = test.run(&["check", "--root", "/nonexistent/resin"]).expect_code(2);
    assert!(run.stderr.contains("aucun dossier `content/`"), "{}", run.stderr);
    let help = test.run(&["--help"]).expect_code(0);
    assert!(help.stdout.contains("Utilisation : resin <COMMANDE>"), "{}", help.stdout);
}

/// A place whose file cannot be read is reported once: the offers naming it get no
/// "unknown place" error that would send the animator to the wrong file.
#[test]
fn broken_place_file_does_not_cascade_to_its_offers() {
    let offer = "---\ntitre: Atelier\nlieux: [mediatheque-du-bachut]\nfrais_a_charge: [Gratuit]\n\
                 modalites_acces: [Téléphoner]\nhoraires: \"We 14:00-16:00\"\ndate_maj: 2026-11-02\n---\n";
    let site = SiteTest::new()
        .file("content/lieux/mediatheque-du-bachut.md", &PLACE.replace("nom: Médiathèque", "nom: \"Médiathèque"))
        .file("content/offres/atelier.md", offer);
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let codes: Vec<String> = run.diagnostics().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect();
    assert_eq!(codes, ["yaml"], "{}", run.stdout);
}

/// Regression: an escaped `horaires` value made the snippet renderer slice inside a character.
#[test]
fn escaped_hours_value_is_reported_without_a_crash() {
    let place = PLACE.replace("horaires: \"Tu,Th 13:00-19:00; PH off\"", "horaires: \"Mo 10:00-12:00 \\\"é\\\"x\"");
    let site = SiteTest::new().file("content/lieux/mediatheque-du-bachut.md", &place);
    let run = site.run(&["check"]).expect_code(1);
    assert!(run.stderr.contains("erreur[horaires]"), "{}", run.stderr);
    let json = site.run(&["check", "--format", "json"]).expect_code(1);
    assert_eq!(json.diagnostics()[0]["column"], 11, "points at the start of the value");
}

#[test]
fn site_yaml_problems_are_located() {
    let twice = format!("{}titre: Encore\n", crate::support::SITE_YAML);
    let run = SiteTest::new().file("content/site.yaml", &twice).run(&["check", "--format", "json"]).expect_code(1);
    let d = &run.diagnostics()[0];
    assert_eq!((d["code"].as_str(), d["line"].as_u64()), (Some("champ-en-double"), Some(9)), "{d}");

    let communes = crate::support::SITE_YAML.replace("  centre:", "  communes: \"\"\n  centre:");
    let run = SiteTest::new().file("content/site.yaml", &communes).run(&["check", "--format", "json"]).expect_code(1);
    let d = &run.diagnostics()[0];
    assert_eq!((d["code"].as_str(), d["line"].as_u64()), (Some("configuration"), Some(7)), "{d}");
}

/// `site.yaml` is read by the entries' field reader: every mistake is reported in one run,
/// where it is, with the entries' kinds; a misspelt key of any block gets the closest key of
/// that block.
#[test]
fn site_yaml_is_read_like_an_entry() {
    let yaml = crate::support::SITE_YAML
        .replace("titre: Test", "titre: [Test]")
        .replace("longitude: 4.84 }", "longitud: 4.84 }\n  zoom: douze");
    let run = SiteTest::new().file("content/site.yaml", &yaml).run(&["check", "--format", "json"]).expect_code(1);
    let found: Vec<(String, String, u64, u64)> = run
        .diagnostics()
        .iter()
        .map(|d| {
            let text = |k: &str| d[k].as_str().unwrap().to_string();
            (text("code"), text("message"), d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap())
        })
        .collect();
    let expected = [
        ("type", "`titre` doit être du texte, pas une liste", 1, 8),
        ("champ-manquant", "champ obligatoire manquant : `longitude`", 7, 13),
        ("champ-inconnu", "champ inconnu `longitud` : vouliez-vous dire `longitude` ?", 7, 30),
        ("type", "`territoire.zoom` doit être un nombre entier, pas du texte", 8, 9),
    ];
    let expected = expected.map(|(c, m, l, col)| (c.to_string(), m.to_string(), l, col));
    assert_eq!(found, expected, "{}", run.stdout);
}

#[test]
fn version_names_the_commit() {
    let run = SiteTest::new().run(&["--version"]).expect_code(0);
    let version = run.stdout.trim();
    assert!(version.starts_with(concat!("resin ", env!("CARGO_PKG_VERSION"), " (commit ")), "{version}");
    // Built from this checkout: the commit is its HEAD.
    if let Ok(head) =
        std::process::Command::new("git").args(["rev-parse", "--short=12", "HEAD"]).current_dir(repo()).output()
        && head.status.success()
    {
        let head = String::from_utf8(head.stdout).unwrap();
        assert_eq!(version, format!("resin {} (commit {})", env!("CARGO_PKG_VERSION"), head.trim()));
    }
}

/// A place's text that opens on a list written with `-` would start its CSV cell as a formula:
/// refused, with `*` (a list in Markdown too) as the way out.
#[test]
fn a_place_text_opening_on_a_list_is_told_to_use_stars() {
    let test = SiteTest::new().file(
        "content/lieux/mediatheque-du-bachut.md",
        &PLACE.replace("Bienvenue.\n", "- Aide aux démarches\n- Prêt de tablettes\n"),
    );
    let run = test.run(&["check", "--format", "json"]).expect_code(1);
    let found = run.diagnostics();
    assert_eq!(found.len(), 1, "{}", run.stdout);
    assert_eq!(found[0]["code"], "formule");
    assert!(found[0]["help"].as_str().unwrap().contains("`*` au lieu de « - »"), "{}", found[0]["help"]);
    test.write(
        "content/lieux/mediatheque-du-bachut.md",
        &PLACE.replace("Bienvenue.\n", "* Aide aux démarches\n* Prêt de tablettes\n"),
    );
    test.run(&["check"]).expect_code(0);
}

/// `check` renders every file and drops it (issue 19, defect 10): a template that fails on
/// some page is still found, as `build` finds it.
#[test]
fn check_finds_a_template_error_without_keeping_the_pages() {
    let site = SiteTest::example().file(
        "themes/resin/templates/lieu.html",
        "{% extends \"base.html\" %}{% block contenu %}{{ inconnu.champ }}{% endblock %}",
    );
    let checked = site.run(&["check"]).expect_code(2);
    assert!(checked.stderr.contains("gabarit"), "{}", checked.stderr);
    let built = site.run(&["build"]).expect_code(2);
    assert_eq!(checked.stderr.lines().next(), built.stderr.lines().next());
}
