//! The published site follows the calendar: every page says when the site was built, the
//! preview rebuilds every page when the day changes, and the CI templates of `resin new site`
//! build every morning, download a verified resin and pass zizmor's rules (pinned actions,
//! no persisted credentials, least permissions); the release workflow of this repository
//! builds the binaries they download.

use std::path::Path;

use chrono::NaiveDate;
use resin::pipeline::{Changes, Workspace};

use crate::scaffold::new_site;
use crate::support::{SiteTest, repo, tree};

/// The footer's line for the build date `iso`, worded `text`.
fn footer_line(iso: &str, text: &str) -> String {
    format!("<p class=\"mis-a-jour\">Site mis à jour le <time datetime=\"{iso}\">{text}</time></p>")
}

/// The footer of a page, if it has one.
fn footer(html: &str) -> Option<&str> {
    let start = html.find("<footer")?;
    let end = html[start..].find("</footer>")? + start;
    Some(&html[start..end])
}

/// Every page of the built example carries the build date in its footer, in French words and
/// as a `<time>`; only the web editor's page, which has no footer, goes without.
#[test]
fn every_page_of_the_example_says_when_the_site_was_built() {
    let site = SiteTest::example();
    site.run_with(&["build"], &[("RESIN_DATE", "2026-12-01")]).expect_code(0);
    let line = footer_line("2026-12-01", "1er décembre 2026");
    let mut pages = 0;
    for (path, bytes) in tree(&site.root().join("public")) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        if path == "admin/index.html" {
            assert!(footer(&html).is_none(), "the web editor has no footer");
            continue;
        }
        let footer = footer(&html).unwrap_or_else(|| panic!("{path} has no footer"));
        assert_eq!(footer.matches(&line).count(), 1, "{path}: {footer}");
        pages += 1;
    }
    assert!(pages > 150, "{pages} pages");
}

/// The date is the build's, not the clock's: two builds of the same day are byte-identical,
/// and another day gives another footer.
#[test]
fn the_footer_date_is_the_build_date() {
    let site = SiteTest::example();
    site.run_with(&["build"], &[("RESIN_DATE", "2027-03-03")]).expect_code(0);
    let first = tree(&site.root().join("public"));
    let home = String::from_utf8(first["index.html"].clone()).unwrap();
    assert!(home.contains(&footer_line("2027-03-03", "3 mars 2027")), "{}", footer(&home).unwrap());
    site.run_with(&["build"], &[("RESIN_DATE", "2027-03-03")]).expect_code(0);
    assert!(first == tree(&site.root().join("public")), "two builds of one day are identical");
}

/// `resin serve` keeps the pages whose key did not change: a new day changes every page's
/// footer, so every page is produced again, with nothing else changed on disk.
#[test]
fn the_preview_rebuilds_every_page_when_the_day_changes() {
    let site = SiteTest::example();
    let mut workspace = Workspace::new(site.root(), None).unwrap();
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    workspace.update(&Changes::All, day(6)).unwrap();
    let before = workspace.published().unwrap().produce_all().unwrap();
    workspace.update(&Changes::Paths(Vec::new()), day(7)).unwrap();
    let after = workspace.published().unwrap().produce_all().unwrap();
    let old = footer_line("2026-12-06", "6 décembre 2026");
    let new = footer_line("2026-12-07", "7 décembre 2026");
    let mut pages = 0;
    for (a, b) in before.iter().zip(&after) {
        assert_eq!(a.path, b.path);
        if !a.path.ends_with(".html") || a.path == "admin/index.html" {
            continue;
        }
        let (a, b) = (String::from_utf8_lossy(&a.bytes), String::from_utf8_lossy(&b.bytes));
        assert!(a.contains(&old) && b.contains(&new) && !b.contains(&old), "{}", footer(&b).unwrap_or(""));
        pages += 1;
    }
    assert!(pages > 150, "{pages} pages");
}

/// A workflow or GitLab file of the repository, as YAML.
fn yaml(path: &Path) -> serde_yaml::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `uses:` of a workflow names its action by a full commit hash with the version in a
/// comment (`actions/checkout@<40 hex> # v7.0.1`): a tag can be moved, a commit cannot. Returns
/// the actions used.
fn assert_pinned(text: &str, file: &str) -> Vec<String> {
    let pinned =
        regex_lite::Regex::new(r"^\s*(?:- )?uses: ([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$").unwrap();
    let mut actions = Vec::new();
    for line in text.lines().filter(|l| l.trim_start().trim_start_matches("- ").starts_with("uses:")) {
        let captures = pinned.captures(line).unwrap_or_else(|| panic!("{file}: not pinned by commit: {line}"));
        actions.push(captures[1].to_string());
    }
    assert!(!actions.is_empty(), "{file} uses no action");
    actions
}

/// Least privilege: no permission for the workflow, each job says which it needs; every
/// checkout leaves no credentials behind.
fn assert_least_privilege(workflow: &serde_yaml::Value, file: &str) {
    let top = workflow["permissions"].as_mapping().unwrap_or_else(|| panic!("{file}: no `permissions: {{}}`"));
    assert!(top.is_empty(), "{file}: the workflow grants {top:?}");
    let mut checkouts = 0;
    for (name, job) in workflow["jobs"].as_mapping().unwrap() {
        assert!(job["permissions"].is_mapping(), "{file}: job {name:?} does not say its permissions");
        for step in job["steps"].as_sequence().unwrap() {
            if step["uses"].as_str().is_some_and(|u| u.starts_with("actions/checkout@")) {
                assert_eq!(step["with"]["persist-credentials"], false, "{file}: {step:?}");
                checkouts += 1;
            }
        }
    }
    assert!(checkouts > 0, "{file}: no checkout");
}

/// The GitHub workflow of a new site builds and publishes every early morning (Paris time, given
/// in UTC), like a push to main, with pinned actions and least permissions.
#[test]
fn the_github_template_publishes_every_morning_and_pins_its_actions() {
    let (_parent, root) = new_site();
    let text = std::fs::read_to_string(root.join(".github/workflows/resin.yml")).unwrap();
    let workflow = yaml(&root.join(".github/workflows/resin.yml"));
    let cron = workflow["on"]["schedule"][0]["cron"].as_str().expect("a schedule");
    let fields: Vec<&str> = cron.split(' ').collect();
    assert_eq!(fields[2..], ["*", "*", "*"], "every day: {cron}");
    let hour: u32 = fields[1].parse().unwrap();
    // UTC: 3 h to 4 h UTC is 4 h to 6 h in Paris, winter and summer, before anyone looks.
    assert!((3..=4).contains(&hour), "{cron}");
    assert!(text.contains("temps universel (UTC)") && text.contains("à Paris en hiver"), "the hour is explained");
    // A scheduled run publishes as a push to main does: only pull requests stop before.
    assert_eq!(workflow["jobs"]["publier"]["if"], "github.event_name != 'pull_request'");
    for step in workflow["jobs"]["verifier"]["steps"].as_sequence().unwrap() {
        if let Some(condition) = step["if"].as_str().filter(|c| c.contains("event_name")) {
            assert_eq!(condition, "github.event_name != 'pull_request'", "{step:?}");
        }
    }
    let actions = assert_pinned(&text, "resin.yml");
    for action in ["actions/checkout", "actions/cache", "actions/configure-pages", "actions/deploy-pages"] {
        assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
    }
    assert_least_privilege(&workflow, "resin.yml");
}

/// The GitLab template publishes on the pipeline schedule its comments say how to create, and
/// only from the default branch.
#[test]
fn the_gitlab_template_publishes_on_its_schedule() {
    let (_parent, root) = new_site();
    let text = std::fs::read_to_string(root.join(".gitlab-ci.yml")).unwrap();
    let gitlab = yaml(&root.join(".gitlab-ci.yml"));
    let rules = |job: &str| -> Vec<String> {
        gitlab[job]["rules"].as_sequence().unwrap().iter().map(|r| r["if"].as_str().unwrap().to_string()).collect()
    };
    assert!(
        rules("pages")
            .contains(&r#"$CI_PIPELINE_SOURCE == "schedule" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"#.to_string()),
        "{:?}",
        rules("pages")
    );
    assert!(rules("verifier").iter().all(|r| r.contains("merge_request_event") || r.contains(r#"!= "schedule""#)));
    for words in ["Build > Pipeline schedules", "Europe/Paris", "15 5 * * *"] {
        assert!(text.contains(words), "{words}");
    }
    assert_eq!(gitlab["default"]["image"], "rust:1-slim", "cargo is there when no binary fits");
}

/// A fake `uname`, `cargo` and `apt-get` for the installation scripts: the machine they say, and
/// what cargo was asked, in `cargo.log`.
fn fake_tools(dir: &Path, machine: &str) {
    let script = |name: &str, body: &str| {
        let path = dir.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    };
    script("uname", &format!("case \"$1\" in -s) echo Linux ;; -m) echo {machine} ;; esac"));
    script("cargo", &format!("echo \"$@\" >> {}/cargo.log", dir.display()));
    script("apt-get", "exit 1");
}

/// A release as the release workflow publishes it, under `depot/releases/download/v<version>/`:
/// `resin-<target>.tar.gz` holding `resin`, and `resin-<target>.sha256` as `sha256sum` writes it.
fn fake_release(depot: &Path, target: &str) -> std::path::PathBuf {
    let dir = depot.join(concat!("releases/download/v", env!("CARGO_PKG_VERSION")));
    std::fs::create_dir_all(dir.join("contenu")).unwrap();
    std::fs::write(dir.join("contenu/resin"), "#!/bin/sh\necho resin publié\n").unwrap();
    let archive = format!("resin-{target}.tar.gz");
    let run = |line: &str| {
        let out = std::process::Command::new("sh").args(["-c", line]).current_dir(&dir).output().unwrap();
        assert!(out.status.success(), "{line}: {}", String::from_utf8_lossy(&out.stderr));
    };
    run(&format!("tar -czf {archive} -C contenu resin && sha256sum {archive} > resin-{target}.sha256"));
    dir
}

/// Runs an installation script with the fake tools first in the PATH; returns its output.
fn install(script: &str, shell: &str, tools: &Path, env: &[(&str, &str)]) -> std::process::Output {
    let path = format!("{}:{}", tools.display(), std::env::var("PATH").unwrap_or_default());
    let mut command = std::process::Command::new(shell);
    command.args(["-e", "-c", script]).env("PATH", path).env("RESIN_VERSION", env!("CARGO_PKG_VERSION"));
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().unwrap()
}

/// The installation of both templates: the published binary for the runner, checked against
/// its checksum; a mismatch stops the job with nothing installed; `cargo install` of the same
/// version only when no binary fits the machine or the download fails.
#[test]
fn the_templates_download_resin_verify_its_checksum_and_fall_back_to_cargo() {
    let (_parent, root) = new_site();
    let github = yaml(&root.join(".github/workflows/resin.yml"));
    let step =
        github["jobs"]["verifier"]["steps"].as_sequence().unwrap().iter().find(|s| s["name"] == "Installer resin");
    let github_script = step.expect("an installation step")["run"].as_str().unwrap().to_string();
    let gitlab = yaml(&root.join(".gitlab-ci.yml"));
    let gitlab_script = gitlab["default"]["before_script"][0].as_str().unwrap().to_string();
    // The binary lands where the cache keeps it: a cache hit skips the installation.
    let cache = github["jobs"]["verifier"]["steps"].as_sequence().unwrap().iter().find(|s| s["id"] == "cache");
    assert_eq!(cache.expect("a cache step")["with"]["path"], "~/.cargo/bin/resin");
    assert!(github_script.contains(r#"-C "$HOME/.cargo/bin" resin"#), "{github_script}");
    assert_eq!(gitlab["variables"]["CARGO_HOME"], "$CI_PROJECT_DIR/.cargo");
    assert_eq!(gitlab["default"]["cache"]["paths"][0], ".cargo/bin/resin");
    assert!(gitlab_script.starts_with("# ") && gitlab_script.contains(r#"if [ ! -x "$CARGO_HOME/bin/resin" ]; then"#));

    for (template, script, shell) in [("GitHub", &github_script, "bash"), ("GitLab", &gitlab_script, "sh")] {
        for case in ["published", "tampered", "other file", "pinned", "pinned mismatch", "missing", "other machine"] {
            let work = tempfile::tempdir().unwrap();
            let (tools, depot, home) =
                (work.path().join("outils"), work.path().join("depot"), work.path().join("home"));
            std::fs::create_dir_all(&tools).unwrap();
            std::fs::create_dir_all(&home).unwrap();
            fake_tools(&tools, if case == "other machine" { "riscv64" } else { "x86_64" });
            if case != "missing" {
                let release = fake_release(&depot, "x86_64-unknown-linux-gnu");
                if case == "tampered" {
                    std::fs::write(release.join("contenu/resin"), "#!/bin/sh\necho autre chose\n").unwrap();
                    let archive = "resin-x86_64-unknown-linux-gnu.tar.gz";
                    let out = std::process::Command::new("tar")
                        .args(["-czf", archive, "-C", "contenu", "resin"])
                        .current_dir(&release)
                        .output()
                        .unwrap();
                    assert!(out.status.success());
                }
                if case == "other file" {
                    // The archive replaced, and its checksum file rewritten to vouch for another file
                    // that exists (by absolute path): the archive itself must still be checked.
                    std::fs::write(release.join("contenu/resin"), "#!/bin/sh\necho autre chose\n").unwrap();
                    let script = "tar -czf resin-x86_64-unknown-linux-gnu.tar.gz -C contenu resin && \
                                  sha256sum \"$PWD/contenu/resin\" > resin-x86_64-unknown-linux-gnu.sha256";
                    let out = std::process::Command::new("sh").args(["-c", script]).current_dir(&release).output();
                    assert!(out.unwrap().status.success());
                }
            }
            // The pinned checksum: the archive's own, or another.
            let published_sum = || {
                let release = depot.join(concat!("releases/download/v", env!("CARGO_PKG_VERSION")));
                let text = std::fs::read_to_string(release.join("resin-x86_64-unknown-linux-gnu.sha256")).unwrap();
                text.split_whitespace().next().unwrap().to_string()
            };
            let pinned = match case {
                "pinned" => published_sum(),
                "pinned mismatch" => "0".repeat(64),
                _ => String::new(),
            };
            let depot_url = format!("file://{}", depot.display());
            let cargo_home = home.join(".cargo");
            let env = [
                ("RESIN_DEPOT", depot_url.as_str()),
                ("HOME", home.to_str().unwrap()),
                ("CARGO_HOME", cargo_home.to_str().unwrap()),
                ("CI_PROJECT_DIR", root.to_str().unwrap()),
                ("RESIN_SHA256_X86_64", pinned.as_str()),
            ];
            let out = install(script, shell, &tools, &env);
            let log = format!(
                "{template}, {case}: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            let installed = cargo_home.join("bin/resin");
            let cargo = std::fs::read_to_string(tools.join("cargo.log")).unwrap_or_default();
            match case {
                "published" | "pinned" => {
                    assert!(out.status.success(), "{log}");
                    let text = std::fs::read_to_string(&installed).unwrap_or_else(|e| panic!("{log}: {e}"));
                    assert!(text.contains("resin publié"), "{log}");
                    assert!(cargo.is_empty(), "{log}: cargo ran: {cargo}");
                }
                "tampered" | "other file" | "pinned mismatch" => {
                    assert!(!out.status.success(), "{log}");
                    assert!(log.contains("ne correspond pas à son empreinte"), "{log}");
                    assert!(!installed.exists() && cargo.is_empty(), "{log}");
                }
                _ => {
                    assert!(out.status.success(), "{log}");
                    let expected =
                        format!("install --locked --git {depot_url} --tag v{} resin\n", env!("CARGO_PKG_VERSION"));
                    assert_eq!(cargo, expected, "{log}");
                }
            }
        }
    }
}

/// The release workflow of this repository builds resin for the five targets, with a SHA-256
/// checksum each, under the names the templates download; its actions are pinned too.
#[test]
fn the_release_workflow_builds_five_targets_with_checksums_the_templates_can_find() {
    let path = repo().join(".github/workflows/release.yml");
    let text = std::fs::read_to_string(&path).unwrap();
    let workflow = yaml(&path);
    assert_eq!(workflow["on"]["push"]["tags"][0], "v*", "a version tag releases");
    let jobs = workflow["jobs"].as_mapping().unwrap();
    let build = jobs.values().find(|j| j["strategy"]["matrix"]["include"].is_sequence()).expect("a build matrix");
    let targets: std::collections::BTreeSet<&str> = build["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|entry| entry["target"].as_str().unwrap())
        .collect();
    let five = [
        "aarch64-apple-darwin",
        "aarch64-unknown-linux-gnu",
        "x86_64-apple-darwin",
        "x86_64-pc-windows-msvc",
        "x86_64-unknown-linux-gnu",
    ];
    assert_eq!(targets, five.into_iter().collect());
    let upload = build["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("taiki-e/upload-rust-binary-action@")))
        .expect("built and uploaded by taiki-e/upload-rust-binary-action");
    assert_eq!(upload["with"]["bin"], "resin");
    assert_eq!(upload["with"]["target"], "${{ matrix.target }}");
    assert_eq!(upload["with"]["checksum"], "sha256");
    // The action names the archive `resin-<target>.tar.gz` and its checksum `resin-<target>.sha256`:
    // what the templates download, for every Linux target they name.
    assert_eq!(upload["with"]["archive"], "resin-$target");
    let (_parent, root) = new_site();
    for template in [".github/workflows/resin.yml", ".gitlab-ci.yml"] {
        let script = std::fs::read_to_string(root.join(template)).unwrap();
        assert!(
            script.contains(r#""$adresse/resin-$cible.tar.gz""#)
                && script.contains(r#""$adresse/resin-$cible.sha256""#)
        );
        let named: Vec<&str> = script.lines().filter_map(|l| l.split("cible=").nth(1)?.split(' ').next()).collect();
        assert!(named.len() >= 2, "{template}: {named:?}");
        for target in named.iter().filter(|t| !t.starts_with('"')) {
            assert!(targets.contains(target), "{template} downloads {target}, which is not released");
        }
    }
    assert_pinned(&text, "release.yml");
    assert_least_privilege(&workflow, "release.yml");
}
