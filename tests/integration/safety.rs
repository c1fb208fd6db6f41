//! Nothing in content can inject script into a page or write outside the output folder.

use crate::support::SiteTest;

const SCRIPT: &str = "<script>alert(1)</script>";

/// A `<script>` in every text field and in the body of a place, an offer and a page.
#[test]
fn script_in_every_field_never_reaches_a_page_as_markup() {
    let evil = |s: &str| format!("\"{s} {SCRIPT}\"");
    let place = format!(
        "---\nnom: {}\nadresse: {}\ncomplement_adresse: {}\ncode_postal: \"69008\"\ncommune: {}\ncode_insee: \"69388\"\n\
         latitude: 45.7372\nlongitude: 4.871\nhoraires: \"Tu 13:00-19:00 \\\"{SCRIPT}\\\"\"\npresentation_resume: {}\n\
         source: {}\nstructure_parente: {}\nautres_formations_labels: [{}]\nservices: [Aide aux démarches administratives]\n\
         date_maj: 2026-03-03\n---\n# Titre {SCRIPT}\n\n<img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">lien</a>\n\n\
         <iframe src=\"https://exemple.fr\"></iframe> [md](javascript:alert(1))\n",
        evil("Nom"),
        evil("Adresse"),
        evil("Bât."),
        evil("Lyon 8e Arrondissement"),
        evil("Résumé"),
        evil("Source"),
        evil("Parent"),
        evil("Label"),
    );
    let offer = format!(
        "---\ntitre: {}\nlieux: [mediatheque]\nresume: {}\nfrais_a_charge: [Gratuit]\nmodalites_acces: [Téléphoner]\n\
         inscription: {}\nhoraires: \"We 14:00-16:00\"\ndate_maj: 2026-11-02\n---\n{SCRIPT}\n",
        evil("Atelier"),
        evil("Résumé"),
        evil("Inscription"),
    );
    let page = format!("---\ntitre: {}\nresume: {}\n---\n{SCRIPT}\n", evil("Page"), evil("Résumé"));
    let site = SiteTest::new()
        .file("content/lieux/mediatheque.md", &place)
        .file("content/offres/atelier.md", &offer)
        .file("content/pages/infos.md", &page)
        .file(
            "content/site.yaml",
            &crate::support::SITE_YAML.replace("titre: Test", &format!("titre: {}", evil("Site"))),
        );
    site.build();
    let pages = crate::support::assert_harmless(&site.root().join("public"), "champs");
    assert!(pages > 5);
    // The text is still there, escaped.
    assert!(site.read("public/lieux/mediatheque/index.html").contains("&lt;script&gt;"));
}

/// Links and addresses of `site.yaml` reach every page: they are checked like content URLs.
#[test]
fn site_yaml_links_are_checked() {
    let site_yaml = format!(
        "{}signalement: \"x@y\"\nlicence_donnees: {{ nom: L, url: \"javascript:alert(2)\" }}\n\
         pied_de_page:\n  - {{ titre: A, url: \"javascript:alert(1)\" }}\n  - {{ titre: B, url: //evil.example/ }}\n  - {{ titre: C, url: /a-propos/ }}\n",
        crate::support::SITE_YAML
    );
    let site = SiteTest::new().file("content/site.yaml", &site_yaml).file("content/lieux/a.md", crate::support::PLACE);
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let codes: Vec<(String, u64)> = run
        .diagnostics()
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [("courriel".to_string(), 9), ("url".into(), 10), ("url".into(), 12), ("url".into(), 13)],
        "{}",
        run.stdout
    );
    site.run(&["build"]).expect_code(1);
    assert!(!site.exists("public"));
}

#[test]
fn base_url_must_be_a_plain_http_address() {
    let site = SiteTest::new().file("content/lieux/a.md", crate::support::PLACE);
    for bad in ["javascript:alert(3)//", "https://x.fr/a?b=c", "https://x.fr/#f", "x.fr"] {
        let run = site.run(&["build", "--base-url", bad]).expect_code(2);
        assert!(run.stderr.contains("--base-url"), "{bad}: {}", run.stderr);
    }
    assert!(!site.exists("public"));
}

/// `--output` with `..` through a folder that does not exist yet cannot land in `content/`.
#[test]
fn output_cannot_resolve_into_content() {
    let site = SiteTest::new().file("content/lieux/a.md", crate::support::PLACE);
    let run = site.run(&["build", "--output", "absent/../content/out"]).expect_code(2);
    assert!(run.stderr.contains("il est dans `content/` ou `themes/`"), "{}", run.stderr);
    assert!(!site.exists("content/out"));
}

/// A content file at the address of a generated file is reported, not a disk error; one named
/// like a generated folder has no extension, and is refused as such.
#[test]
fn asset_in_the_way_of_a_page_is_reported() {
    let site = SiteTest::new().file("content/lieux/a.md", crate::support::PLACE);
    site.write("content/donnees/lieux.csv", "nom\n=1+1\n");
    let check = site.run(&["check"]).expect_code(1);
    assert!(check.stderr.contains("fichier-en-conflit"), "{}", check.stderr);
    let run = site.run(&["build"]).expect_code(1);
    assert!(
        run.stderr.contains(
            "erreur[fichier-en-conflit]: le fichier « content/donnees/lieux.csv » occupe l'adresse d'une page du site"
        ),
        "{}",
        run.stderr
    );
    assert!(!site.exists("public"));
    site.remove("content/donnees/lieux.csv");
    site.write("content/lieux/a", "x");
    let run = site.run(&["build"]).expect_code(1);
    assert!(
        run.stderr.contains("erreur[format-non-publie]: « content/lieux/a » n'a pas d'extension"),
        "{}",
        run.stderr
    );
    assert!(!site.exists("public"));
}

#[test]
fn unsafe_urls_are_refused() {
    for url in ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd"] {
        let place = crate::support::PLACE.replace("date_maj:", &format!("site_web: [\"{url}\"]\ndate_maj:"));
        let run = SiteTest::new().file("content/lieux/a.md", &place).run(&["check", "--format", "json"]).expect_code(1);
        assert_eq!(run.diagnostics()[0]["code"], "url", "{url}");
    }
}

/// File names crafted to escape the output folder are refused, and nothing is written outside.
#[test]
fn paths_cannot_escape_the_output() {
    let parent = tempfile::tempdir().unwrap();
    let site_root = parent.path().join("site");
    std::fs::create_dir_all(&site_root).unwrap();
    let site = SiteTest::new();
    crate::support::copy_dir(&site.root().join("content"), &site_root.join("content"));
    std::fs::create_dir_all(site_root.join("content/lieux")).unwrap();
    for name in ["..%2F..%2Fevil.md", "..evil.md", "-evil-.md", "ÉVIL.md", "a b.md"] {
        std::fs::write(site_root.join("content/lieux").join(name), crate::support::PLACE).unwrap();
    }
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_resin"))
        .args(["check", "--format", "json", "--root"])
        .arg(&site_root)
        .env("RESIN_DATE", crate::support::TODAY)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&run.stdout);
    // Names starting with a dot are hidden files, never loaded; the three others are refused.
    assert_eq!(out.matches("nom-de-fichier").count(), 3, "{out}");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_resin"))
        .args(["build", "--root"])
        .arg(&site_root)
        .env("RESIN_DATE", crate::support::TODAY)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let names: Vec<String> =
        std::fs::read_dir(parent.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert_eq!(names, ["site"], "nothing written beside the site");
    assert!(!site_root.join("public").exists());
}

/// A page slug equal to a section name cannot replace that section.
#[test]
fn page_cannot_overwrite_a_section() {
    let site = SiteTest::new().file("content/pages/donnees.md", "---\ntitre: Données\n---\nTexte.\n");
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    assert_eq!(run.diagnostics()[0]["code"], "nom-reserve");
}

/// Assets are copied, but a content file cannot replace a generated page: `check` says so.
#[test]
fn assets_are_copied_and_cannot_shadow_pages() {
    let site = SiteTest::new()
        .file("content/lieux/a.md", crate::support::PLACE)
        .file("content/images/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    site.build();
    assert!(site.exists("public/images/logo.svg"));
    site.write("content/index.html", "<script>alert(1)</script>");
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let d = &run.diagnostics()[0];
    assert_eq!((d["code"].as_str(), d["file"].as_str()), (Some("format-non-publie"), Some("content/index.html")));
    site.run(&["build"]).expect_code(1);
    assert!(!site.read("public/index.html").contains("alert(1)"));
    // A published format at the address of a generated file.
    site.remove("content/index.html");
    site.write("content/robots.txt", "User-agent: *\nDisallow: /\n");
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let d = &run.diagnostics()[0];
    assert_eq!((d["code"].as_str(), d["file"].as_str()), (Some("fichier-en-conflit"), Some("content/robots.txt")));
}

/// One value of every kind of text field of every type of entry (top-level, list item,
/// nested field, territorial field, Markdown body), written as `{v}`: where the field sits,
/// and the field the message names.
const TEXT_FIELDS: &[(&str, &str, &str)] = &[
    ("content/lieux/nom.md", "nom: \"{v}\"\nadresse: 1 rue A", "nom"),
    ("content/lieux/adresse.md", "nom: Lieu A\nadresse: \"{v}\"", "adresse"),
    (
        "content/lieux/liste.md",
        "nom: Lieu A\nadresse: 1 rue A\nautres_formations_labels: [Label, \"{v}\"]",
        "autres_formations_labels",
    ),
    ("content/lieux/courriel.md", "nom: Lieu A\nadresse: 1 rue A\ncourriels: [\"{v}a@exemple.fr\"]", "courriels"),
    ("content/lieux/extension.md", "nom: Lieu A\nadresse: 1 rue A\nnote_locale: \"{v}\"", "note_locale"),
    ("content/offres/titre.md", "titre: \"{v}\"", "titre"),
    ("content/offres/pieces.md", "titre: Atelier\npieces_a_apporter:\n  - \"{v}\"", "pieces_a_apporter"),
    ("content/pages/resume.md", "titre: Infos\nresume: \"{v}\"", "resume"),
    ("content/actualites/auteur.md", "titre: Nouvelle\ndate: 2026-11-02\nauteur: \"{v}\"", "auteur"),
    (
        "content/bonnes-pratiques/piece.md",
        "titre: Guide\ndate: 2026-11-02\nstructure: Lieu A\nservices: [Aide aux démarches administratives]\npieces_jointes:\n  - { fichier: medias/guide.pdf, titre: \"{v}\" }",
        "pieces_jointes",
    ),
    (
        "content/bourse/contact.md",
        "titre: Tablettes\nnature: Offre\ncategorie: Matériel\nstructure: Lieu A\ncommune: Lyon 8e Arrondissement\ncontact: \"{v}\"\ntelephone: 04 78 00 00 00\ndate: 2026-11-02\nexpiration: 2026-12-31",
        "contact",
    ),
    (
        "content/agenda/adresse.md",
        "titre: Rencontre\ndate: 2026-12-03\ndebut: \"09:30\"\nfin: \"12:00\"\nadresse: \"{v}\"",
        "adresse",
    ),
];

/// A site holding every entry of [`TEXT_FIELDS`] with `value` in its field, and a valid place
/// `lieu` for the offers; the other required fields of places and offers are added.
fn site_with_every_text_field(value: &str) -> SiteTest {
    let yaml = format!(
        "{}extensions:\n  lieux:\n    - {{ nom: note_locale, libelle: Note locale, type: texte }}\n",
        crate::support::SITE_YAML
    );
    let site = SiteTest::new().file("content/site.yaml", &yaml).file("content/lieux/lieu.md", crate::support::PLACE);
    site.write("content/medias/guide.pdf", "%PDF-1.4");
    for (path, fields, _) in TEXT_FIELDS {
        let place = "\ncode_postal: \"69008\"\ncommune: Lyon 8e Arrondissement\nservices: [Aide aux démarches administratives]\nhoraires: \"Mo 09:00-12:00\"\nlatitude: 45.7372\nlongitude: 4.871\ndate_maj: 2026-03-03";
        let offer = "\nlieux: [lieu]\nfrais_a_charge: [Gratuit]\nmodalites_acces: [Téléphoner]\nhoraires: \"We 14:00-16:00\"\ndate_maj: 2026-11-02";
        let rest = match path.split('/').nth(1) {
            Some("lieux") => place,
            Some("offres") => offer,
            _ => "",
        };
        site.write(path, &format!("---\n{}{rest}\n---\nTexte.\n", fields.replace("{v}", value)));
    }
    site
}

/// Asserts that `check` refuses each entry of [`TEXT_FIELDS`] once with `code`, naming its
/// field, at the line of the value.
fn assert_refused_everywhere(site: &SiteTest, code: &str) {
    let diagnostics = site.run(&["check", "--format", "json"]).expect_code(1).diagnostics();
    for (path, fields, field) in TEXT_FIELDS {
        let found: Vec<_> = diagnostics.iter().filter(|d| d["file"] == *path).collect();
        assert_eq!(found.len(), 1, "{path}: {found:#?}");
        let d = found[0];
        assert_eq!(d["code"], code, "{path}: {d}");
        assert!(d["message"].as_str().unwrap().contains(&format!("`{field}`")), "{path}: {d}");
        let line = fields.lines().position(|l| l.contains("{v}")).unwrap() + 2;
        assert_eq!(d["line"].as_u64(), Some(line as u64), "{path}: {d}");
    }
}

/// Issue 19: a value starting with `=`, `+`, `-` or `@` went as it is into `lieux.csv`, where a
/// spreadsheet runs it. Refused in every text field of every type; the body of a place (its
/// `presentation_detail` in the exports) too; a phone number in E.164 form is not a formula.
#[test]
fn formulas_are_refused_in_every_text_field() {
    for formula in ["=HYPERLINK(\\\"https://x.fr\\\")", "@SUM(1+1)", "-2+3+cmd|' /C calc'!A0", "+1+cmd", "\\t=1"] {
        assert_refused_everywhere(&site_with_every_text_field(formula), "formule");
    }
    let place = crate::support::PLACE
        .replace("Bienvenue.", "=1+1 bienvenue")
        .replace("services:", "telephone: \"+33 (0)4-78-00-00-00\"\nservices:");
    let site = SiteTest::new().file("content/lieux/a.md", &place);
    let diagnostics = site.run(&["check", "--format", "json"]).expect_code(1).diagnostics();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["code"], "formule");
    assert!(diagnostics[0]["message"].as_str().unwrap().contains("`presentation_detail` commence par « = »"));
    assert_eq!((diagnostics[0]["line"].as_u64(), diagnostics[0]["column"].as_u64()), (Some(14), Some(1)));
    site.write("content/lieux/a.md", &place.replace("=1+1 bienvenue", "Bienvenue = 1 + 1."));
    site.run(&["check", "--strict"]).expect_code(0);
}

/// Issue 19: text mis-decoded (`Maison Fran�aise`) was published. The replacement character is
/// refused in every text field of every type, and in the body of any entry.
#[test]
fn lost_characters_are_refused_in_every_text_field() {
    assert_refused_everywhere(&site_with_every_text_field("Maison Fran\u{FFFD}aise"), "caractere-de-remplacement");
    let page = "---\ntitre: Infos\n---\nLa Maison Fran\u{FFFD}aise ouvre.\n";
    let site = SiteTest::new().file("content/lieux/a.md", crate::support::PLACE).file("content/pages/infos.md", page);
    let diagnostics = site.run(&["check", "--format", "json"]).expect_code(1).diagnostics();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["code"], "caractere-de-remplacement");
    assert_eq!((diagnostics[0]["line"].as_u64(), diagnostics[0]["column"].as_u64()), (Some(4), Some(15)));
    assert!(diagnostics[0]["message"].as_str().unwrap().starts_with("le texte contient"));
}
