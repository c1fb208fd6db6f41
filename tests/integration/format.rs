//! `resin fmt`: the example content is in the canonical style; a messy entry is rewritten in
//! it (only the files whose bytes change, the body left alone); `--check` changes nothing and
//! says which lines to write; a file resin cannot read, or whose comment has no place, is left
//! alone; nothing outside `content/` is touched.

use std::os::unix::fs::MetadataExt;

use crate::support::{PLACE, SiteTest};

/// A place written by hand: fields in no order, lists in brackets, needless quotes, a closure
/// on one line, a field resin does not know, comments.
const MESSY: &str = "\
---
# Vérifié par téléphone.
date_maj: 2026-03-03
nom: 'Espace numérique « Les Pentes »'
services: [Aide aux démarches administratives, Maîtrise des outils numériques du quotidien]
code_postal: \"69001\"
adresse: \"12 rue Burdeau\"
commune: Lyon 1er Arrondissement   # l'arrondissement, pas « Lyon »
code_insee: \"69381\"
latitude: 45.76950
longitude: 4.8300
site_web: https://pentes.exemple.fr/
telephone: \"04 78 00 00 00\"
horaires: 'Mo-Fr 09:00-12:00; PH off'
note_interne: à revoir en janvier
fermetures: [{ motif: \"Congés : fin d'année\", au: 2027-01-02, du: 2026-12-24 }]
---
Un *espace* numérique.   \n\n- au  premier étage
";

fn inode(site: &SiteTest, path: &str) -> u64 {
    std::fs::metadata(site.root().join(path)).unwrap().ino()
}

#[test]
fn the_example_content_is_in_the_canonical_style() {
    let run = SiteTest::example().run(&["fmt", "--check"]).expect_code(0);
    assert!(run.stderr.contains("fiches dans le style de `resin fmt`"), "{}", run.stderr);
}

#[test]
fn fmt_rewrites_only_the_files_out_of_the_style_and_keeps_the_body() {
    let site = SiteTest::new().file("content/lieux/pentes.md", MESSY).file("content/lieux/bachut.md", PLACE);
    site.run(&["fmt", "content/lieux/bachut.md"]).expect_code(0);
    let formatted = site.read("content/lieux/bachut.md");
    let (site_yaml, bachut) = (inode(&site, "content/site.yaml"), inode(&site, "content/lieux/bachut.md"));
    let run = site.run(&["fmt"]).expect_code(0);
    assert!(run.stderr.contains("1 fiche mise en forme sur 2 fiches"), "{}", run.stderr);
    let pentes = site.read("content/lieux/pentes.md");
    insta::assert_snapshot!("fmt_messy_place", pentes);
    assert!(pentes.ends_with("---\nUn *espace* numérique.   \n\n- au  premier étage\n"), "the body byte for byte");
    assert_eq!(site.read("content/lieux/bachut.md"), formatted);
    assert_eq!(inode(&site, "content/lieux/bachut.md"), bachut, "a file already formatted is not written");
    assert_eq!(inode(&site, "content/site.yaml"), site_yaml, "site.yaml is not an entry");
    // Idempotent, and what it writes is what `check` reads.
    let again = site.run(&["fmt", "--check"]).expect_code(0);
    assert!(again.stderr.contains("2 fiches dans le style"), "{}", again.stderr);
    // The field resin does not know is kept: the only thing `check` says.
    let check = site.run(&["check", "--format", "json"]).expect_code(1);
    let codes: Vec<_> = check.diagnostics().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect();
    assert_eq!(codes, ["champ-inconnu"]);
}

#[test]
fn check_changes_nothing_and_gives_the_lines_to_write() {
    let site = SiteTest::new().file("content/lieux/pentes.md", MESSY);
    let run = site.run(&["fmt", "--check"]).expect_code(1);
    assert_eq!(site.read("content/lieux/pentes.md"), MESSY);
    insta::assert_snapshot!("fmt_check_human", run.stderr);
    let github = site.run(&["fmt", "--check", "--format", "github"]).expect_code(1);
    let first = github.stdout.lines().next().unwrap();
    assert!(first.starts_with("::error file=content/lieux/pentes.md,line=2,col=1,title=resin format::"), "{first}");
    assert!(first.contains("%0A    nom: Espace numérique « Les Pentes »%0A"), "{first}");
    // Once the lines are written as asked, the file is in the style.
    site.run(&["fmt"]).expect_code(0);
    site.run(&["fmt", "--check"]).expect_code(0);
}

#[test]
fn a_file_resin_cannot_read_is_reported_and_left_alone() {
    let broken = "---\nnom: [Médiathèque\ndate_maj: 2026-03-03\n---\n";
    let comment = "---\nnom: A\nservices:\n  - Aide aux démarches administratives # la plus demandée\n---\n";
    let site = SiteTest::new()
        .file("content/lieux/casse.md", broken)
        .file("content/lieux/commentaire.md", comment)
        .file("content/lieux/pentes.md", MESSY);
    let run = site.run(&["fmt"]).expect_code(1);
    assert_eq!(site.read("content/lieux/casse.md"), broken);
    assert_eq!(site.read("content/lieux/commentaire.md"), comment);
    assert_ne!(site.read("content/lieux/pentes.md"), MESSY, "the others are formatted");
    assert!(run.stderr.contains("erreur[yaml]"), "check's diagnostic: {}", run.stderr);
    assert!(run.stderr.contains("content/lieux/casse.md:3:"), "{}", run.stderr);
    assert!(run.stderr.contains("erreur[format-commentaire]"), "{}", run.stderr);
    assert!(run.stderr.contains("content/lieux/commentaire.md:4:"), "{}", run.stderr);
    assert!(run.stderr.contains("au-dessus de `services:`"), "{}", run.stderr);
}

#[test]
fn only_entries_of_content_are_formatted() {
    let site = SiteTest::new().file("content/lieux/pentes.md", MESSY).file("ailleurs.md", MESSY);
    let refused = site.run(&["fmt", "content/site.yaml"]).expect_code(2);
    assert!(refused.stderr.contains("content/site.yaml n'est pas une fiche de content/"), "{}", refused.stderr);
    site.run(&["fmt", "ailleurs.md"]).expect_code(2);
    site.run(&["fmt", "content/lieux/absent.md"]).expect_code(2);
    assert_eq!(site.read("ailleurs.md"), MESSY);
    assert_eq!(site.read("content/lieux/pentes.md"), MESSY);
}

/// The web editor's format (`themes/resin/admin/resin-format.js`) writes this style: its tests
/// in Node read and write back every example entry, byte for byte, with the example's
/// `admin/config.yml`.
#[test]
fn the_editor_writes_the_style_of_resin_fmt() {
    if !crate::support::npm_packages() {
        return;
    }
    let site = SiteTest::example();
    site.build();
    let output = std::process::Command::new("node")
        .args(["--test", "--test-reporter=spec", "tests/format/"])
        .current_dir(crate::support::repo())
        .env("RESIN_SITE", site.root().join("public"))
        .output()
        .expect("node runs (apt-get install nodejs)");
    let report = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "tests du format de l'éditeur en échec :\n{report}");
    assert!(report.contains("pass 6"), "the six tests ran:\n{report}");
}
