//! `resin new lieu|offre|page "Nom"`.

use crate::support::{SiteTest, repo};

#[test]
fn new_place_has_a_folded_slug_and_checks_once_filled() {
    let site = SiteTest::new();
    let run = site.run(&["new", "lieu", "Médiathèque de l'Île Barbe"]).expect_code(0);
    assert_eq!(run.stdout.trim(), "./content/lieux/mediatheque-de-l-ile-barbe.md");
    let text = site.read("content/lieux/mediatheque-de-l-ile-barbe.md");
    for field in
        ["nom:", "adresse:", "code_postal:", "horaires:", "services:", "frais_a_charge:", "date_maj: 2026-11-25"]
    {
        assert!(text.contains(field), "{field} missing");
    }
    assert!(text.contains("# Adresse (obligatoire) : numéro et rue"), "fields are commented in French");
    // Left as is, the scaffold reports exactly the required fields still empty, on their line.
    let check = site.run(&["check", "--format", "json"]).expect_code(1);
    let missing: Vec<String> = check
        .diagnostics()
        .iter()
        .filter(|d| d["code"] == "champ-vide" && d["line"].as_u64() > Some(1))
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(missing.len(), 3, "{missing:?}");
    // Filled in, it is valid.
    let filled = text
        .replace("adresse: \"\"", "adresse: 2 rue de l'Île")
        .replace("code_postal: \"\"", "code_postal: \"69009\"")
        .replace("commune: \"\"", "commune: Lyon 9e Arrondissement");
    site.write("content/lieux/mediatheque-de-l-ile-barbe.md", &filled);
    site.run(&["check"]).expect_code(0);
}

/// A long title gives a file name cut at a word, as the importer's (it once failed with « File
/// name too long »); a title that is a Windows device name gets a name every system takes.
#[test]
fn new_names_its_file_within_the_limits_of_every_system() {
    let site = SiteTest::new();
    let title = "Permanence numérique du centre social et culturel ".repeat(8);
    let run = site.run(&["new", "offre", &title]).expect_code(0);
    let path = run.stdout.trim().to_string();
    let name = path.rsplit('/').next().unwrap();
    assert!(name.len() <= 83 && name.ends_with(".md") && !name.contains("-.md"), "{name}");
    assert!(name.starts_with("permanence-numerique-du-centre-social-et-culturel-permanence"), "{name}");
    assert!(site.read(path.trim_start_matches("./")).contains(title.trim()), "the title is kept whole");
    site.run(&["new", "lieu", "Con"]).expect_code(0);
    assert!(site.exists("content/lieux/con-1.md"));
}

#[test]
fn new_offer_and_page() {
    let site = SiteTest::new();
    site.run(&["new", "offre", "Atelier « Mon smartphone »"]).expect_code(0);
    assert!(site.exists("content/offres/atelier-mon-smartphone.md"));
    site.run(&["new", "page", "Nous contacter"]).expect_code(0);
    let page = site.read("content/pages/nous-contacter.md");
    assert!(page.contains("titre: Nous contacter "), "plain, as `resin fmt` writes it: {page}");
}

#[test]
fn never_overwrites() {
    let site = SiteTest::new().file("content/lieux/cs-exemple.md", "à garder");
    let run = site.run(&["new", "lieu", "CS Exemple"]).expect_code(2);
    assert!(run.stderr.contains("existe déjà"), "{}", run.stderr);
    assert_eq!(site.read("content/lieux/cs-exemple.md"), "à garder");
}

/// The commands of a CI template: every `run:` of the GitHub workflow's steps, every line of
/// the GitLab jobs' `before_script` and `script`, in order.
fn ci_commands(root: &std::path::Path) -> (Vec<String>, Vec<String>) {
    let read = |path: &str| -> serde_yaml::Value {
        serde_yaml::from_str(&std::fs::read_to_string(root.join(path)).unwrap()).expect("valid YAML")
    };
    let github = read(".github/workflows/resin.yml");
    let mut github_runs = Vec::new();
    for (_, job) in github["jobs"].as_mapping().unwrap() {
        for step in job["steps"].as_sequence().unwrap() {
            if let Some(run) = step["run"].as_str() {
                github_runs.push(run.to_string());
            }
        }
    }
    let gitlab = read(".gitlab-ci.yml");
    let mut gitlab_runs: Vec<String> = gitlab["default"]["before_script"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect();
    for job in ["verifier", "pages"] {
        gitlab_runs
            .extend(gitlab[job]["script"].as_sequence().unwrap().iter().map(|l| l.as_str().unwrap().to_string()));
    }
    (github_runs, gitlab_runs)
}

/// Runs a template's shell line with this build's `resin` first in the PATH.
fn sh(root: &std::path::Path, line: &str, env: &[(&str, &str)]) -> std::process::Output {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_resin")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let mut command = std::process::Command::new("sh");
    command.args(["-c", line]).current_dir(root).env("PATH", path).env("RESIN_DATE", crate::support::TODAY);
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().unwrap()
}

/// `resin new site annuaire` in a temporary folder: the folder (kept while it lives) and the site.
pub(crate) fn new_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let parent = tempfile::tempdir().unwrap();
    let run = crate::support::resin(parent.path()).args(["new", "site", "annuaire"]).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let root = parent.path().join("annuaire");
    (parent, root)
}

#[test]
fn new_site_builds_checks_and_carries_ci_templates_whose_commands_run() {
    let (_parent, root) = new_site();
    for file in [
        "README.md",
        ".gitignore",
        ".github/workflows/resin.yml",
        ".gitlab-ci.yml",
        "content/site.yaml",
        "content/lieux/mediatheque-exemple.md",
    ] {
        assert!(root.join(file).is_file(), "{file}");
    }
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(readme.contains("Modifier une fiche, sans terminal"), "a README in French for the animators");

    // Both templates pin this version of resin.
    for template in [".github/workflows/resin.yml", ".gitlab-ci.yml"] {
        let text = std::fs::read_to_string(root.join(template)).unwrap();
        assert!(text.contains(concat!("RESIN_VERSION: \"", env!("CARGO_PKG_VERSION"), "\"")), "{template}");
    }
    // The commands they run, with this build's resin: installing it aside (no network here),
    // every resin command works on the new site.
    let (github, gitlab) = ci_commands(&root);
    let env = [
        ("ADRESSE", "https://reseau.github.io/annuaire"),
        ("CI_PAGES_URL", "https://reseau.gitlab.io/annuaire"),
        ("CARGO_HOME", "/nonexistent"),
    ];
    let mut ran = 0;
    for line in github.iter().chain(&gitlab).filter(|l| l.trim_start().starts_with("resin ")) {
        let out = sh(&root, line, &env);
        assert!(out.status.success(), "{line}: {}", String::from_utf8_lossy(&out.stderr));
        ran += 1;
    }
    assert!(ran >= 7, "{github:?} {gitlab:?}");
    assert_eq!(std::fs::read_to_string(root.join("gl-code-quality-report.json")).unwrap(), "[]\n");
    // The GitLab Pages build used the Pages address.
    assert!(
        std::fs::read_to_string(root.join("public/sitemap.xml"))
            .unwrap()
            .contains("https://reseau.gitlab.io/annuaire/")
    );
    // The installation line pins the version and the lock file.
    let install = github.iter().find(|l| l.contains("cargo install")).unwrap();
    assert!(install.contains("--locked") && install.contains("--tag \"v$RESIN_VERSION\""), "{install}");

    // A broken entry: the check step fails, with an annotation on the right line.
    let place = root.join("content/lieux/mediatheque-exemple.md");
    let text = std::fs::read_to_string(&place).unwrap();
    std::fs::write(&place, text.replace("telephone: 02 48 00 00 00", "telephone: 02 48 00")).unwrap();
    let check = github.iter().find(|l| l.starts_with("resin check")).unwrap();
    let out = sh(&root, check, &env);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("::error file=content/lieux/mediatheque-exemple.md,line=12,col=12,title=resin telephone::"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let gitlab_check = gitlab.iter().find(|l| l.starts_with("resin check") && !l.contains("gitlab")).unwrap();
    assert_eq!(sh(&root, gitlab_check, &env).status.code(), Some(1), "the GitLab job fails too");
}

#[test]
fn new_site_refuses_a_folder_that_is_not_empty() {
    let site = SiteTest::new();
    let run = site.run(&["new", "site", "content"]).expect_code(2);
    assert!(run.stderr.contains("n'est pas vide"), "{}", run.stderr);
    assert!(!site.exists("content/README.md"));
}

/// The editor settings of a new site: the schemas of its entries, VS Code's recommended
/// extensions, the front-matter check while typing (remark, with the schemas) and the task that
/// puts `resin check`'s problems on their lines; and the web editor, once switched on.
#[test]
fn new_site_sets_up_the_editors() {
    let (_parent, root) = new_site();
    let read = |path: &str| std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let remarkrc = read(".remarkrc.mjs");
    for kind in resin::schema::kinds() {
        let name = resin::schema::type_name(kind);
        // The schema `resin schema` writes for this site, and where the checker applies it.
        let schema = crate::support::resin(&root).args(["schema", "--type", name, "--out", "-"]).output().unwrap();
        assert_eq!(read(&format!("schemas/{name}.schema.json")), String::from_utf8(schema.stdout).unwrap(), "{name}");
        let mapping = format!("'./schemas/{name}.schema.json': ['./content/{}/**/*.md']", kind.folder());
        assert!(remarkrc.contains(&mapping), "{mapping}");
    }
    let json = |path: &str| -> serde_json::Value { serde_json::from_str(&read(path)).expect(path) };
    let extensions = json(".vscode/extensions.json");
    assert!(extensions["recommendations"].as_array().unwrap().contains(&"unifiedjs.vscode-remark".into()));
    assert_eq!(json(".vscode/settings.json")["remark.requireConfig"], true);
    assert_eq!(json(".vscode/tasks.json")["tasks"][0]["command"], "resin check --format short");
    let clean = crate::support::resin(&root).args(["check", "--format", "short"]).output().unwrap();
    assert!(clean.status.success() && clean.stdout.is_empty(), "{}", String::from_utf8_lossy(&clean.stdout));
    // The same pinned versions as this repository's, which the check below uses.
    let ours: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("package.json")).unwrap()).unwrap();
    let theirs = json("package.json");
    for (name, version) in theirs["devDependencies"].as_object().unwrap() {
        assert_eq!(&ours["devDependencies"][name], version, "{name}");
        assert_eq!(json("package-lock.json")["packages"][format!("node_modules/{name}")]["version"], *version);
    }
    assert!(read(".gitignore").contains("/node_modules"));

    if crate::support::npm_packages() {
        // The check while typing, as the remark extension runs it: quiet on the new site, and
        // pointing at the line and column of a value outside the standard's list.
        std::os::unix::fs::symlink(repo().join("node_modules"), root.join("node_modules")).unwrap();
        let remark = |root: &std::path::Path| {
            std::process::Command::new("node")
                .args(["node_modules/remark-cli/cli.js", "--quiet", "--frail", "--no-color", "--no-stdout", "content"])
                .current_dir(root)
                .output()
                .expect("node runs")
        };
        let quiet = remark(&root);
        assert!(quiet.status.success(), "{}", String::from_utf8_lossy(&quiet.stderr));
        let place = root.join("content/lieux/mediatheque-exemple.md");
        let text = std::fs::read_to_string(&place).unwrap();
        // The example is formatted by `resin fmt`: one value a line.
        assert!(text.contains("frais_a_charge:\n  - Gratuit\n"), "{text}");
        std::fs::write(&place, text.replace("frais_a_charge:\n  - Gratuit\n", "frais_a_charge:\n  - Gratos\n"))
            .unwrap();
        let line = text.lines().position(|l| l.starts_with("frais_a_charge:")).unwrap() + 2;
        let warned = remark(&root);
        let report = String::from_utf8_lossy(&warned.stderr);
        assert_eq!(warned.status.code(), Some(1), "{report}");
        assert!(report.contains(&format!("{line}:5-{line}:11")), "{report}");
        assert!(report.contains("allowed values: `Gratuit`, `Gratuit sous condition`, `Payant`"), "{report}");
        std::fs::write(&place, text).unwrap();
    }

    // The web editor: switched on in site.yaml, built into /admin/.
    let site_yaml = read("content/site.yaml");
    let on = site_yaml
        .replace("# edition_en_ligne:", "edition_en_ligne:")
        .replace("#   forge: github ", "  forge: github ")
        .replace("#   depot: mon-compte/mon-annuaire", "  depot: reseau/annuaire");
    // The needs of /orienter/, uncommented as they are.
    let (before, example) = on.split_at(on.find("# orientation:").expect("the commented orientation block"));
    let needs: Vec<&str> = example.lines().map(|l| l.strip_prefix("# ").unwrap_or(l)).collect();
    let on = format!("{before}{}\n", needs.join("\n"));
    std::fs::write(root.join("content/site.yaml"), on).unwrap();
    let build = crate::support::resin(&root).args(["build"]).output().unwrap();
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let config = read("public/admin/config.yml");
    assert!(config.contains("repo: reseau/annuaire"), "{config}");
    let data: serde_json::Value = serde_json::from_str(&read("public/orienter/donnees.json")).unwrap();
    let ids: Vec<&str> = data["demandes"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["faire-une-demarche-caf", "apprendre-a-utiliser-son-telephone"]);
}

/// What `resin new` writes for every type of entry, as an animator reads it.
#[test]
fn new_entries_of_every_type() {
    let site = SiteTest::new();
    for kind in resin::schema::kinds() {
        let name = resin::schema::type_name(kind);
        let run = site.run(&["new", name, "Essai"]).expect_code(0);
        let path = run.stdout.trim().trim_start_matches("./").to_string();
        insta::assert_snapshot!(format!("new_{}", name.replace('-', "_")), site.read(&path));
    }
}

/// Every new entry gives the fields of the content model's table (`resin::schema`) in the
/// editor's order (`resin fmt`'s), each on a line that explains it with its title, but those only an import fills in.
/// Left as is, it reports on their lines exactly its required fields still empty; its examples
/// of records (an offer's sessions, the attachments), once their `#` is removed, are valid.
#[test]
fn new_entries_follow_the_table_and_miss_only_their_required_fields() {
    use resin::schema::{Start, Type};
    use std::collections::BTreeSet;
    let site = SiteTest::new().file("content/medias/bonnes-pratiques/guide.pdf", "%PDF-1.4\n");
    let mut expected = BTreeSet::new();
    for kind in resin::schema::kinds() {
        let run = site.run(&["new", resin::schema::type_name(kind), "Essai"]).expect_code(0);
        let path = run.stdout.trim().trim_start_matches("./").to_string();
        let text = site.read(&path);
        let front = text.split("---\n").nth(1).expect("a front matter");
        let yaml: serde_yaml::Mapping = serde_yaml::from_str(front).expect("the new entry is YAML");
        let given: Vec<&str> = yaml.keys().filter_map(|k| k.as_str()).collect();
        // In the order of the editor and of `resin fmt`.
        let all = resin::schema::fields(kind);
        let fields: Vec<_> = resin::schema::file_order(kind, &[])
            .into_iter()
            .filter_map(|name| all.iter().find(|f| f.name == name))
            .filter(|f| f.start != Start::Omitted)
            .collect();
        assert_eq!(given, fields.iter().map(|f| f.name).collect::<Vec<_>>(), "{kind:?}");
        for field in fields {
            let (index, line) =
                text.lines().enumerate().find(|(_, l)| l.starts_with(&format!("{}:", field.name))).unwrap();
            assert!(line.contains(&format!("# {}", field.title)), "{line}");
            if field.required && field.start == Start::Empty && field.kind != Type::Date {
                expected.insert((path.clone(), index as u64 + 1, "champ-vide".to_string()));
            }
        }
        site.write(&path, &text.replace("\n#   - ", "\n    - "));
    }
    let run = site.run(&["check", "--format", "json"]).expect_code(1);
    let diagnostics = run.diagnostics();
    let errors = diagnostics.iter().filter(|d| d["severity"] == "error");
    let (entry, on_lines): (Vec<_>, Vec<_>) = errors.partition(|d| d["line"] == 1);
    let found: BTreeSet<(String, u64, String)> = on_lines
        .iter()
        .map(|d| (d["file"].as_str().unwrap().into(), d["line"].as_u64().unwrap(), d["code"].as_str().unwrap().into()))
        .collect();
    assert_eq!(found, expected);
    // What is left to choose between two fields: where an event takes place, how to answer an ad.
    let entry: BTreeSet<&str> = entry.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(entry, BTreeSet::from(["contact-manquant", "evenement-lieu"]));
}
