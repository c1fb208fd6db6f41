//! The hostile corpus of `tests/hostile/` (see its README), and the cases the test makes
//! itself: each gives a clear French error or harmless output, never a panic, a hang, a write
//! outside the output, or a script in a page; a failed build leaves the previous output
//! byte-identical.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::{PLACE, SiteTest, copy_dir, repo, tree};

/// How long a build may take on hostile content before it counts as a hang.
const PATIENCE: Duration = Duration::from_secs(60);

struct Outcome {
    code: i32,
    stderr: String,
}

/// `resin build` in `root`, killed after [`PATIENCE`].
fn build(root: &Path) -> Outcome {
    let mut child = crate::support::resin(root)
        .arg("build")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("resin runs");
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!("resin build hangs (over {PATIENCE:?})");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Outcome { code: status.code().unwrap_or(-1), stderr: reader.join().unwrap() }
}

/// A valid site, built: what a hostile change must not break.
fn published() -> (tempfile::TempDir, SiteTest) {
    // The site sits alone in a folder of its own, to see that nothing is written beside it.
    let parent = tempfile::tempdir().unwrap();
    let site = SiteTest::new().file("content/lieux/mediatheque.md", PLACE);
    site.build();
    (parent, site)
}

/// Runs one case: `put` adds its files to a built site; `expected` is `ok` or an error code.
fn run_case(case: &str, expected: &str, put: &dyn Fn(&Path)) {
    let (_parent, site) = published();
    let before = tree(&site.root().join("public"));
    put(site.root());
    let outcome = build(site.root());
    assert!(!outcome.stderr.contains("panicked"), "{case}: panic\n{}", outcome.stderr);
    if expected == "ok" {
        assert_eq!(outcome.code, 0, "{case}: the build should succeed\n{}", outcome.stderr);
        crate::support::assert_harmless(&site.root().join("public"), case);
    } else {
        assert_eq!(outcome.code, 1, "{case}: the build should fail with `{expected}`\n{}", outcome.stderr);
        assert!(
            outcome.stderr.contains(&format!("erreur[{expected}]")),
            "{case}: expected `{expected}`\n{}",
            outcome.stderr
        );
        assert!(outcome.stderr.contains("Rien n'a été publié"), "{case}\n{}", outcome.stderr);
        assert!(before == tree(&site.root().join("public")), "{case}: a failed build changed public/");
    }
    // Nothing beside the site root: only the site's own folders and files.
    let mut names: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.iter().all(|n| ["content", "public", "data", "themes"].contains(&n.as_str())), "{case}: {names:?}");
}

#[test]
fn every_case_of_the_corpus_gives_an_error_or_harmless_output() {
    let corpus = repo().join("tests/hostile");
    let mut cases: Vec<_> =
        std::fs::read_dir(&corpus).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    cases.sort();
    assert!(cases.len() >= 20, "{} cases", cases.len());
    for dir in cases {
        let case = dir.file_name().unwrap().to_string_lossy().into_owned();
        let expected = std::fs::read_to_string(dir.join("attendu")).unwrap().trim().to_string();
        run_case(&case, &expected, &|root| {
            copy_dir(&dir.join("content"), &root.join("content"));
        });
    }
}

#[test]
fn a_20_mb_markdown_body_builds() {
    run_case("corps-de-20-mo", "ok", &|root| {
        let paragraph =
            "Un paragraphe de texte ordinaire, avec *un peu* de Markdown et un [lien](https://exemple.fr/).\n\n";
        let body = paragraph.repeat(20_000_000 / paragraph.len());
        let text = PLACE.replace("Bienvenue.\n", &body);
        std::fs::write(root.join("content/lieux/mediatheque.md"), text).unwrap();
    });
}

#[test]
fn deeply_nested_markdown_does_not_hang() {
    // The HTML sanitiser takes a time that grows with the square of the depth: refused.
    for (case, unit, expected) in [
        ("citations-imbriquees", "> ", "texte-trop-imbrique"),
        ("listes-imbriquees", "- ", "texte-trop-imbrique"),
        ("balises-imbriquees", "<div>", "texte-trop-imbrique"),
        ("balises-auto-fermees", "<div/>", "texte-trop-imbrique"),
        ("fermetures-egarees", "<div></x>", "texte-trop-imbrique"),
        ("attributs-trompeurs", "<div title=\"</div>\">", "texte-trop-imbrique"),
        ("balises-sans-fin", "<a", "texte-trop-imbrique"),
        ("crochets", "[", "ok"),
        ("emphases", "*a ", "ok"),
    ] {
        run_case(case, expected, &|root| {
            // `<a` × 400 000 once took 10 s to measure (each tag searched to the end of the text).
            let (count, head) = if unit == "<a" { (400_000, "<div\n") } else { (100_000, "") };
            let text = PLACE.replace("Bienvenue.\n", &format!("{head}{}fin\n", unit.repeat(count)));
            std::fs::write(root.join("content/lieux/mediatheque.md"), text).unwrap();
        });
    }
}

#[cfg(unix)]
#[test]
fn links_out_of_content_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.md"), PLACE).unwrap();
    std::fs::create_dir(outside.path().join("dossier")).unwrap();
    std::fs::write(outside.path().join("dossier/b.md"), PLACE).unwrap();
    run_case("lien-vers-un-fichier-dehors", "lien-symbolique", &|root| {
        std::os::unix::fs::symlink(outside.path().join("secret.md"), root.join("content/lieux/secret.md")).unwrap();
    });
    run_case("lien-vers-un-dossier-dehors", "lien-symbolique", &|root| {
        std::os::unix::fs::symlink(outside.path().join("dossier"), root.join("content/lieux/dossier")).unwrap();
    });
    run_case("lien-vers-etc-passwd", "lien-symbolique", &|root| {
        std::os::unix::fs::symlink("/etc/passwd", root.join("content/image.png")).unwrap();
    });
}

/// A file name or a value holding a line break, an escape sequence or a bidirectional control
/// is printed escaped by every format: no line of the output is a GitHub Actions workflow
/// command that resin did not mean, and nothing drives the terminal.
#[cfg(unix)]
#[test]
fn output_cannot_smuggle_a_workflow_command() {
    let smuggled = "x\n::warning file=mediatheque.md,line=1::Tout va bien\u{1b}[2J\u{202e}.md";
    run_case("commande-dans-un-nom-de-fichier", "nom-de-fichier", &|root| {
        std::fs::write(root.join("content/lieux").join(smuggled), PLACE).unwrap();
    });
    // A raw escape and a line separator in a value (YAML refuses the first and shows its line).
    let site = SiteTest::new()
        .file("content/lieux/mediatheque.md", PLACE)
        .file("content/lieux/b.md", &PLACE.replace("nom: ", "nom: \u{1b}]0;pris\u{7}\u{2028}::error::faux "));
    std::fs::write(site.root().join("content/lieux").join(smuggled), PLACE).unwrap();
    for args in [
        &["check"][..],
        &["check", "--format", "short"],
        &["check", "--format", "github"],
        &["check", "--format", "json"],
        &["check", "--format", "gitlab"],
        &["build"],
    ] {
        let run = site.run(args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(all.contains("nom-de-fichier"), "{args:?}: {all}");
        for c in ['\u{1b}', '\u{7}', '\u{202e}', '\u{2028}'] {
            assert!(!all.contains(c), "{args:?}: U+{:04X} printed raw:\n{all}", c as u32);
        }
        for line in all.lines() {
            let own = args.contains(&"github") && line.starts_with("::error file=content/lieux/");
            assert!(own || !line.trim_start().starts_with("::"), "{args:?}: a workflow command: {line}\n{all}");
        }
    }
    let short = site.run(&["check", "--format", "short"]).stdout;
    assert!(short.contains("content/lieux/x\\n::warning file=mediatheque.md,line=1::Tout"), "{short}");
    // Arguments of the command line too, in usage errors.
    for args in [
        &["check", "--format", "x\n::warning::B\u{1b}[31m"][..],
        &["chec\n::warning::C"],
        &["check", "--bogus\n::warning::A"],
        &["new", "lieu", "\n::warning::D\u{200f}"],
    ] {
        let run = site.run(args);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert_eq!(run.code, if args[0] == "new" { 0 } else { 2 }, "{args:?}: {all}");
        assert!(!all.contains('\u{1b}') && !all.contains('\u{200f}'), "{args:?}: {all}");
        assert!(all.lines().all(|line| !line.starts_with("::")), "{args:?}: {all}");
    }
}

/// The communes file is read through a link only when it stays inside the site, as links of
/// `content/` (it once read any file, `/dev/zero` included).
#[cfg(unix)]
#[test]
fn a_link_in_data_is_not_followed_out_of_the_site() {
    let outside = tempfile::tempdir().unwrap();
    let communes = repo().join("data/territoire/communes-metropole-lyon.csv");
    std::fs::copy(&communes, outside.path().join("communes.csv")).unwrap();
    let yaml = std::fs::read_to_string(repo().join("tests/hostile/communes-chemin-absolu/content/site.yaml")).unwrap();
    for (case, target) in [
        ("lien-data-vers-un-fichier-dehors", outside.path().join("communes.csv")),
        ("lien-data-vers-dev-zero", "/dev/zero".into()),
    ] {
        run_case(case, "lien-symbolique", &|root| {
            std::fs::create_dir_all(root.join("data")).unwrap();
            std::os::unix::fs::symlink(&target, root.join("data/communes.csv")).unwrap();
            std::fs::write(root.join("content/site.yaml"), yaml.replace("/etc/passwd", "data/communes.csv")).unwrap();
        });
    }
    // A link that stays inside the site is followed.
    run_case("lien-data-dans-le-site", "ok", &|root| {
        std::fs::create_dir_all(root.join("data/territoire")).unwrap();
        std::fs::copy(&communes, root.join("data/territoire/communes.csv")).unwrap();
        std::os::unix::fs::symlink("territoire/communes.csv", root.join("data/communes.csv")).unwrap();
        std::fs::write(root.join("content/site.yaml"), yaml.replace("/etc/passwd", "data/communes.csv")).unwrap();
    });
}

#[test]
fn a_name_of_a_million_characters_is_refused() {
    // Issue 19: a 1 MB `nom` was copied into 12 files of the site.
    run_case("nom-d-un-million-de-caracteres", "trop-long", &|root| {
        let text = PLACE.replace("nom: Médiathèque du Bachut", &format!("nom: {}", "Médiathèque ".repeat(90_000)));
        std::fs::write(root.join("content/lieux/mediatheque.md"), text).unwrap();
    });
}

/// Issue 19, defect 5: a named pipe in `content/` hung `build` (reading it waits for a writer)
/// and `check` said nothing. Anything that is neither a regular file nor a folder is refused,
/// by `check` as by `build`, even through a link inside `content/`.
#[cfg(unix)]
#[test]
fn special_files_in_content_are_refused() {
    let fifo = |path: &Path| {
        let made = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
        assert!(made.success());
    };
    run_case("tube-nomme", "fichier-special", &|root| fifo(&root.join("content/tube.png")));
    run_case("tube-nomme-fiche", "fichier-special", &|root| fifo(&root.join("content/lieux/tube.md")));
    run_case("lien-vers-un-tube", "fichier-special", &|root| {
        fifo(&root.join("content/.tube"));
        std::os::unix::fs::symlink(root.join("content/.tube"), root.join("content/image.png")).unwrap();
    });
    run_case("socket", "fichier-special", &|root| {
        // The listener is dropped at once; its socket file stays.
        std::os::unix::net::UnixListener::bind(root.join("content/prise")).unwrap();
    });
    // The theme's files are walked without following links, and only regular files are read.
    run_case("tube-dans-le-theme", "ok", &|root| {
        std::fs::create_dir_all(root.join("themes/resin/templates")).unwrap();
        fifo(&root.join("themes/resin/templates/lieu.html"));
    });
    let site = SiteTest::new().file("content/lieux/mediatheque.md", PLACE);
    fifo(&site.root().join("content/tube"));
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let found = run.diagnostics();
    assert_eq!(found.len(), 1, "{}", run.stdout);
    assert_eq!(found[0]["code"], "fichier-special");
    assert!(run.stdout.contains("content/tube"), "{}", run.stdout);
}

/// The communes file named by `site.yaml` (under `data/`) hung the build when it was a pipe.
#[cfg(unix)]
#[test]
fn a_pipe_as_communes_file_is_refused() {
    run_case("communes-tube", "configuration", &|root| {
        std::fs::create_dir_all(root.join("data")).unwrap();
        let made = std::process::Command::new("mkfifo").arg(root.join("data/communes.csv")).status().unwrap();
        assert!(made.success());
        let config = std::fs::read_to_string(root.join("content/site.yaml")).unwrap();
        let config = config.replace("territoire:\n", "territoire:\n  communes: data/communes.csv\n");
        std::fs::write(root.join("content/site.yaml"), config).unwrap();
    });
}

/// A folder of the theme that is a link leading out of the site is refused: a link to `.git`
/// would have published the checkout's credentials under `/static/`.
#[cfg(unix)]
#[test]
fn a_theme_folder_linked_out_of_the_site_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    for folder in ["", "static", "resin/static"] {
        std::fs::create_dir_all(outside.path().join(folder)).unwrap();
        std::fs::write(
            outside.path().join(folder).join("config"),
            "[http] extraheader = AUTHORIZATION: basic c2VjcmV0\n",
        )
        .unwrap();
    }
    for link in ["themes", "themes/resin", "themes/resin/static"] {
        let (_parent, site) = published();
        let before = tree(&site.root().join("public"));
        let target = site.root().join(link);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(outside.path(), &target).unwrap();
        let run = site.run(&["build"]);
        assert_eq!(run.code, 2, "{link}: {}", run.stderr);
        assert!(run.stderr.contains("mène hors du site par un lien symbolique"), "{link}: {}", run.stderr);
        assert!(before == tree(&site.root().join("public")), "{link}: the published site changed");
        assert_eq!(site.run(&["check"]).code, 2, "{link}");
    }
}
