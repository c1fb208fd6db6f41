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
