//! A temporary site and the `resin` binary, with a chainable builder (mdBook's `BookTest`,
//! just's `Test`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// The day every test runs on: the example content is dated around it.
pub(crate) const TODAY: &str = "2026-11-25";

/// The repository root (where the example `content/` lives).
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The theme's script tags, all deferred files of `/static/`: the "open now" line, the home
/// page's search form, the directory's filters and map, a place's small map and what the maps
/// share; Leaflet and its clustering plugin, which no page names (cartes.js loads them on
/// demand); the helpers the lists share, and the ranking and the page of /orienter/ (one file
/// that resin joins from the parts of `static/orienter/`); /integrer/'s snippet.
pub(crate) const THEME_SCRIPTS: [&str; 12] = [
    "<script src=\"/static/ouverture.js\" defer></script>",
    "<script src=\"/static/accueil.js\" defer></script>",
    "<script src=\"/static/annuaire.js\" defer></script>",
    "<script src=\"/static/carte-lieu.js\" defer></script>",
    "<script src=\"/static/cartes.js\" defer></script>",
    "<script src=\"/static/vendor/leaflet/leaflet.js\" defer></script>",
    "<script src=\"/static/vendor/leaflet.markercluster/leaflet.markercluster.js\" defer></script>",
    "<script src=\"/static/commun.js\" defer></script>",
    "<script src=\"/static/orientation.js\" defer></script>",
    "<script src=\"/static/orienter.js\" defer></script>",
    "<script src=\"/static/besoin.js\" defer></script>",
    "<script src=\"/static/integrer.js\" defer></script>",
];

/// How many of each of [`THEME_SCRIPTS`] a page holds.
pub(crate) fn theme_scripts(html: &str) -> [usize; 12] {
    THEME_SCRIPTS.map(|tag| html.matches(tag).count())
}

/// Whether the npm packages (`npm ci`) and Chromium are there for the tests that need them.
/// They are part of the suite: without them a test fails with what to install, unless
/// `RESIN_SANS_NAVIGATEUR=1` says to skip those checks on purpose.
pub(crate) fn npm_packages() -> bool {
    if std::env::var_os("RESIN_SANS_NAVIGATEUR").is_some_and(|v| v == "1") {
        eprintln!("RESIN_SANS_NAVIGATEUR=1 : tests du navigateur et des bibliothèques npm sautés");
        return false;
    }
    assert!(
        repo().join("node_modules/playwright-core").is_dir(),
        "paquets npm absents : lancez `npm ci` à la racine du dépôt (ou RESIN_SANS_NAVIGATEUR=1 pour sauter ces tests)"
    );
    true
}

/// A minimal valid `site.yaml`.
pub(crate) const SITE_YAML: &str = "\
titre: Test
description: Un site de test.
url: https://test.exemple.fr/
territoire:
  nom: Métropole de Lyon
  emprise: { ouest: 4.68, sud: 45.55, est: 5.07, nord: 45.94 }
  centre: { latitude: 45.76, longitude: 4.84 }
contact: contact@exemple.fr
";

/// A minimal valid place.
pub(crate) const PLACE: &str = "\
---
nom: Médiathèque du Bachut
adresse: 2 place du 11 Novembre 1918
code_postal: \"69008\"
commune: Lyon 8e Arrondissement
code_insee: \"69388\"
latitude: 45.7372
longitude: 4.8710
horaires: \"Tu,Th 13:00-19:00; PH off\"
services: [Aide aux démarches administratives]
date_maj: 2026-03-03
---
Bienvenue.
";

/// A site in a temporary folder.
pub(crate) struct SiteTest {
    dir: TempDir,
}

/// What a run of `resin` gave.
pub(crate) struct Run {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl SiteTest {
    /// An empty site with only a valid `content/site.yaml`.
    pub(crate) fn new() -> SiteTest {
        let dir = tempfile::Builder::new().prefix("resin-test-").tempdir().expect("temp dir");
        let test = SiteTest { dir };
        test.write("content/site.yaml", SITE_YAML);
        test
    }

    /// A copy of the repository's example content and the communes list it names (not its
    /// theme: the embedded one is used).
    pub(crate) fn example() -> SiteTest {
        let dir = tempfile::Builder::new().prefix("resin-test-").tempdir().expect("temp dir");
        copy_dir(&repo().join("content"), &dir.path().join("content"));
        copy_dir(&repo().join("data/territoire"), &dir.path().join("data/territoire"));
        SiteTest { dir }
    }

    /// The site root.
    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Adds or replaces a file (path relative to the root).
    pub(crate) fn file(self, path: &str, text: &str) -> SiteTest {
        self.write(path, text);
        self
    }

    /// Writes a file in place (for changes between runs).
    pub(crate) fn write(&self, path: &str, text: &str) {
        let target = self.root().join(path);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(target, text).unwrap();
    }

    /// Deletes a file.
    pub(crate) fn remove(&self, path: &str) {
        fs::remove_file(self.root().join(path)).unwrap();
    }

    /// Runs `resin` with `args` in the site root, on [`TODAY`].
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// Runs `resin` with extra environment variables.
    pub(crate) fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = resin(self.root());
        command.args(args);
        for (k, v) in env {
            command.env(k, v);
        }
        let Output { status, stdout, stderr } = command.output().expect("resin runs");
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }

    /// Runs `resin build` and asserts it succeeds.
    pub(crate) fn build(&self) -> Run {
        let run = self.run(&["build"]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    /// Reads a file of the site (e.g. `public/index.html`).
    pub(crate) fn read(&self, path: &str) -> String {
        fs::read_to_string(self.root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Names of the staging folders (`.resin-…`) left in the site root: there should be none.
    pub(crate) fn staging_leftovers(&self) -> Vec<String> {
        fs::read_dir(self.root())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(".resin-"))
            .collect()
    }

    /// True when the file exists.
    pub(crate) fn exists(&self, path: &str) -> bool {
        self.root().join(path).exists()
    }
}

impl Run {
    /// Asserts the exit code, showing the output when it differs.
    pub(crate) fn expect_code(self, code: i32) -> Run {
        assert_eq!(self.code, code, "stdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        self
    }

    /// The JSON diagnostics of `check --format json`.
    pub(crate) fn diagnostics(&self) -> Vec<serde_json::Value> {
        self.stdout.lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect()
    }
}

/// The `resin` binary, to run in `root` on [`TODAY`], without colours.
pub(crate) fn resin(root: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_resin"));
    command.current_dir(root).env("RESIN_DATE", TODAY).env("NO_COLOR", "1");
    command
}

/// Copies a folder recursively.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, by relative path (for tree comparisons).
pub(crate) fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            out.insert(rel, fs::read(entry.path()).unwrap());
        }
    }
    out
}

/// Asserts that a `lieux.json` export follows the standard's TableSchema
/// (data/standard/schema.json): required fields present, every text matching its pattern.
pub(crate) fn assert_standard(json: &str) {
    let schema: serde_json::Value = serde_json::from_str(include_str!("../../data/standard/schema.json")).unwrap();
    let places: Vec<std::collections::BTreeMap<String, serde_json::Value>> = serde_json::from_str(json).unwrap();
    assert!(!places.is_empty(), "no place exported");
    for field in schema["fields"].as_array().unwrap() {
        let name = field["name"].as_str().unwrap();
        let required = field["constraints"]["required"].as_bool().unwrap_or(false);
        let pattern = field["constraints"]["pattern"].as_str().map(|p| regex_lite::Regex::new(p).unwrap());
        for place in &places {
            match place.get(name) {
                None => assert!(!required, "{name} is required"),
                Some(value) => {
                    if let (Some(re), Some(text)) = (&pattern, value.as_str()) {
                        assert!(re.is_match(text), "{name} = {text:?} does not match {re}");
                    }
                }
            }
        }
    }
}

/// No script, event handler, `javascript:` or `data:` URL, iframe, object, style element or
/// outside form from the content in any page (HTML or XML) under `public`, and no template
/// run from a value; the theme's own scripts and JSON-LD (with no `<` inside) excepted.
/// Returns the number of HTML pages checked.
pub(crate) fn assert_harmless(public: &Path, case: &str) -> usize {
    let handler = regex_lite::Regex::new(r#"<[a-z][^<>]*\son[a-z]+\s*="#).unwrap();
    let mut pages = 0;
    // SVG images too: opened on their own, they are documents that can run a script.
    let documents = [".html", ".xml", ".svg"];
    for (path, bytes) in tree(public).iter().filter(|(p, _)| documents.iter().any(|d| p.ends_with(d))) {
        let text = String::from_utf8_lossy(bytes);
        let mut lower = THEME_SCRIPTS.iter().fold(text.to_lowercase(), |t, tag| t.replace(tag, ""));
        // The theme's own frame: /integrer/'s preview of its embedded list.
        lower = lower.replace(r#"<iframe id="integrer-apercu" class="integrer-apercu" src="/integrer/liste/""#, "");
        while let Some(start) = lower.find("<script type=\"application/ld+json\">") {
            let after = start + "<script type=\"application/ld+json\">".len();
            let end = after + lower[after..].find("</script>").expect("the JSON-LD element is closed");
            assert!(!lower[after..end].contains('<'), "{case}: {path}: `<` inside JSON-LD");
            lower.replace_range(start..end + "</script>".len(), "");
        }
        assert!(!lower.contains("<script"), "{case}: {path} holds a script tag");
        // An event handler is an attribute inside a tag; escaped text (`&lt;img onerror=…`) is fine.
        assert!(!handler.is_match(&lower), "{case}: {path} holds an event handler");
        for needle in ["<iframe", "<object", "<style>", "<form action=\"https", "<foreignobject"] {
            // An SVG drawing may carry its own styles.
            let styled_svg = needle == "<style>" && path.ends_with(".svg");
            assert!(styled_svg || !lower.contains(needle), "{case}: {path} holds {needle}");
        }
        // As text, "javascript:" is harmless; as an attribute value it is not.
        let compact = lower.replace([' ', '\'', '"'], "");
        assert!(!compact.contains("=javascript:") && !compact.contains("=data:"), "{case}: {path} holds a script URL");
        assert!(!lower.contains(">49<") && !lower.contains("test {% for"), "{case}: {path}: a template ran");
        pages += usize::from(path.ends_with(".html"));
    }
    pages
}

/// Checks that each `(block, line, column, message)` of `site.yaml` (its valid start
/// [`SITE_YAML`], then `block`) fails `resin check` with its first diagnostic there, saying
/// `message`.
pub(crate) fn assert_config_mistakes(cases: &[(String, u64, u64, &str)]) {
    for (block, line, column, message) in cases {
        let yaml = format!("{SITE_YAML}{block}");
        let run = SiteTest::new().file("content/site.yaml", &yaml).run(&["check", "--format", "json"]).expect_code(1);
        let d = &run.diagnostics()[0];
        assert!(d["message"].as_str().unwrap().contains(message), "{block}: {d}");
        let at = (d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64());
        assert_eq!(at, (Some("content/site.yaml"), Some(*line), Some(*column)), "{block}: {d}");
    }
}
