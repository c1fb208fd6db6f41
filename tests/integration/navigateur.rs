//! Runs the browser tests (`tests/navigateur/*.test.mjs`, Node's test runner driving Debian's
//! Chromium through playwright-core) on the example site built on [`crate::support::TODAY`];
//! then checks with `resin check` and `resin fmt --check` the entries the web editor saved.

use std::process::Command;

use crate::serve::Server;
use crate::support::{SiteTest, npm_packages, repo};

#[test]
fn the_directory_works_in_chromium() {
    if !npm_packages() {
        return;
    }
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        std::path::Path::new(&chromium).exists(),
        "Chromium absent ({chromium}) : `apt-get install chromium`, ou CHROMIUM=chemin (RESIN_SANS_NAVIGATEUR=1 pour sauter)"
    );
    let site = SiteTest::example();
    site.build();
    let saved = tempfile::tempdir().unwrap();
    // A preview of another copy, for the web editor's local API.
    let previewed = SiteTest::example();
    let preview = Server::start(previewed.root(), &[]);
    // And a preview with one broken file, for the animator's whole path in the editor
    // (tests/navigateur/editeur-parcours.test.mjs): the editor and the other pages stay served.
    let broken = SiteTest::example();
    broken.write(BROKEN, "---\nnom: Fiche cassée\ntelephone: 04 78\nhoraires: Du lundi au vendredi de 9h à 12h\n---\n");
    let broken_preview = Server::start(broken.root(), &[]);
    let output = Command::new("node")
        // A test that hangs (a dialog, a page that never loads) fails after four minutes rather
        // than holding the suite.
        .args(["--test", "--test-reporter=spec", "--test-concurrency=1", "--test-timeout=240000", "tests/navigateur/"])
        .current_dir(repo())
        .env("RESIN_SITE", site.root().join("public"))
        .env("CHROMIUM", &chromium)
        .env("RESIN_CONTENU", site.root().join("content"))
        .env("RESIN_CMS_SORTIE", saved.path())
        .env("RESIN_APERCU", format!("http://{}/", preview.address))
        .env("RESIN_APERCU_CASSE", format!("http://{}/", broken_preview.address))
        .env("RESIN_APERCU_CASSE_CONTENU", broken.root().join("content"))
        .output()
        .expect("node runs (apt-get install nodejs)");
    let report = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "tests du navigateur en échec :\n{report}");
    assert!(report.contains("pass 89"), "the eighty-nine browser tests ran:\n{report}");
    assert!(report.contains("skipped 0"), "{report}");

    // What Decap CMS wrote are entries resin reads: the place changed, and the place created.
    let place = "lieux/mediatheque-du-bachut.md";
    let written = std::fs::read_to_string(saved.path().join(place)).expect("the web editor's entry was saved");
    assert_ne!(written, site.read(&format!("content/{place}")));
    site.write(&format!("content/{place}"), &written);
    let created = "lieux/espace-numerique-de-la-soie.md";
    assert!(!site.exists(&format!("content/{created}")));
    let written = std::fs::read_to_string(saved.path().join(created)).expect("the web editor's new place was saved");
    site.write(&format!("content/{created}"), &written);
    site.run(&["check", "--strict"]).expect_code(0);
    site.build();
    let page = site.read("public/lieux/mediatheque-du-bachut/index.html");
    assert!(page.contains("Centre social"), "the type chosen in the editor is on the page");
    let page = site.read("public/lieux/espace-numerique-de-la-soie/index.html");
    assert!(page.contains("Espace numérique de la Soie") && page.contains("Vaulx-en-Velin"));
    // Written in the style of `resin fmt` (tests/navigateur/editeur-format.test.mjs), as is
    // another new place, with a name that needs quotes.
    let quoted = "lieux/point-numerique-les-pentes-1er-etage.md";
    let written = std::fs::read_to_string(saved.path().join(quoted)).expect("the web editor's new place was saved");
    site.write(&format!("content/{quoted}"), &written);
    site.run(&["check"]).expect_code(0);
    site.run(&["fmt", "--check"]).expect_code(0);

    // In the preview, the editor wrote into content/ itself, an entry resin reads.
    let edited = previewed.read("content/lieux/mediatheque-du-bachut.md");
    assert!(edited.contains("presentation_resume: Atelier tablette le vendredi, sans rendez-vous."), "{edited}");
    previewed.run(&["check", "--strict"]).expect_code(0);
    previewed.run(&["fmt", "--check"]).expect_code(0);
    assert!(preview.log().contains("éditeur en ligne : content/lieux/mediatheque-du-bachut.md enregistré"));

    // The places created beside a broken file: `resin check` accepts them, in the style of `resin fmt`.
    for created in ["lieux/espace-numerique-de-gerland.md", "lieux/espace-numerique-de-montchat.md"] {
        let written = broken.read(&format!("content/{created}"));
        site.write(&format!("content/{created}"), &written);
    }
    site.write("content/lieux/mediatheque-du-bachut.md", &broken.read("content/lieux/mediatheque-du-bachut.md"));
    // Accepted: no error (only the warning that they have no coordinates, which the test leaves out).
    site.run(&["check"]).expect_code(0);
    site.run(&["fmt", "--check"]).expect_code(0);
    // The broken file is still there, still refused.
    broken.run(&["check"]).expect_code(1);
}

/// A file with errors in the preview of the animator's path.
const BROKEN: &str = "content/lieux/zz-fiche-cassee.md";
