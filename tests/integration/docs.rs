//! The documentation's links: `README.md`, `ARCHITECTURE.md` and every chapter of the user guide
//! (`docs/src/`, an mdBook) link only to files that exist and to headings that exist in them, and
//! every chapter is listed in `docs/src/SUMMARY.md` (mdBook would silently leave it out).
//!
//! Anchors are computed the way each file is read: the guide's by mdBook 0.4 (`id_from_content`:
//! the heading's text with its tags and `&lt;`-style entities dropped, then every alphanumeric
//! character, `_` and `-` kept and lowercased *only in ASCII* — "À propos" gives `À-propos` —,
//! each whitespace turned into `-`, the rest dropped; `{#id}` overrides; repeats get `-1`, `-2`);
//! `README.md` and `ARCHITECTURE.md` by GitHub (the same, but lowercased in full Unicode).
//!
//! The checker is tested on itself below: a broken file, anchor or summary entry must fail.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::support::repo;

/// The user guide's sources, relative to the repository root.
const BOOK_SRC: &str = "docs/src";

/// Who renders a Markdown file, which decides how its headings' ids are made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Renderer {
    /// mdBook 0.4 (`docs/src/**`): ASCII-only lowercasing, heading attributes.
    MdBook,
    /// GitHub (`README.md`, `ARCHITECTURE.md`): Unicode lowercasing.
    GitHub,
}

impl Renderer {
    /// The renderer of a file, by where it lives (`path` relative to the root).
    fn of(path: &Path) -> Renderer {
        if path.starts_with(BOOK_SRC) { Renderer::MdBook } else { Renderer::GitHub }
    }

    /// The parser options the renderer uses (mdBook 0.4's `new_cmark_parser` set).
    fn options(self) -> Options {
        let common = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS;
        match self {
            Renderer::MdBook => common | Options::ENABLE_HEADING_ATTRIBUTES,
            Renderer::GitHub => common,
        }
    }

    /// The id of a heading whose plain text is `text`, before repeats are numbered.
    fn slug(self, text: &str) -> String {
        let mut id = String::new();
        for c in text.trim().chars() {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                match self {
                    Renderer::MdBook => id.push(c.to_ascii_lowercase()),
                    Renderer::GitHub => id.extend(c.to_lowercase()),
                }
            } else if c.is_whitespace() {
                id.push('-');
            }
        }
        id
    }
}

/// What a Markdown file offers and points to.
#[derive(Debug, Default)]
struct Parsed {
    /// The ids of its headings.
    anchors: BTreeSet<String>,
    /// The destinations of its links and images, in order.
    links: Vec<String>,
}

/// Reads a Markdown text's heading ids and link destinations.
fn parse(text: &str, renderer: Renderer) -> Parsed {
    let mut parsed = Parsed::default();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    // Inside a heading: its explicit id, if any, and its text so far.
    let mut heading: Option<(Option<String>, String)> = None;
    for event in Parser::new_ext(text, renderer.options()) {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                heading = Some((id.map(|id| id.to_string()), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((explicit, text)) = heading.take() else { continue };
                let id = match explicit {
                    Some(id) => id,
                    None => {
                        let base = renderer.slug(&text);
                        let count = seen.entry(base.clone()).or_insert(0);
                        let id = if *count == 0 { base } else { format!("{base}-{count}") };
                        *count += 1;
                        id
                    }
                };
                parsed.anchors.insert(id);
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                parsed.links.push(dest_url.to_string());
            }
            _ => {}
        }
    }
    parsed
}

/// Whether a link leaves the repository: `https:`, `mailto:`, `sms:`…
fn is_external(dest: &str) -> bool {
    let scheme_end = dest.find(':');
    let path_start = dest.find(['/', '#', '?']).unwrap_or(dest.len());
    scheme_end.is_some_and(|end| end > 0 && end < path_start)
}

/// `a/./b/../c` as `a/c`, or `None` when it climbs out of the root.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// `%20` and friends decoded, as a browser does before asking for the file.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((high * 16 + low) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The documentation under `root`: which files to read, and the checks on them.
struct Docs {
    root: PathBuf,
    /// Parsed Markdown files, by path relative to the root (read on demand: a link may point to
    /// a Markdown file that is not itself checked, such as `data/SOURCES.md`).
    parsed: BTreeMap<PathBuf, Parsed>,
}

impl Docs {
    fn new(root: &Path) -> Docs {
        Docs { root: root.to_path_buf(), parsed: BTreeMap::new() }
    }

    /// The files whose links are checked: the two root documents and every chapter.
    fn checked_files(&self) -> Vec<PathBuf> {
        let mut files = vec![PathBuf::from("README.md"), PathBuf::from("ARCHITECTURE.md")];
        files.extend(self.chapters());
        files
    }

    /// Every `.md` file under `docs/src/`, `SUMMARY.md` included, sorted.
    fn chapters(&self) -> Vec<PathBuf> {
        fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
            let Ok(entries) = fs::read_dir(root.join(dir)) else { return };
            for entry in entries {
                let entry = entry.unwrap();
                let path = dir.join(entry.file_name());
                if entry.file_type().unwrap().is_dir() {
                    walk(root, &path, out);
                } else if path.extension().is_some_and(|e| e == "md") {
                    out.push(path);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.root, Path::new(BOOK_SRC), &mut out);
        out.sort();
        out
    }

    /// The parsed form of a Markdown file (relative path), or `None` when it cannot be read.
    fn parsed(&mut self, path: &Path) -> Option<&Parsed> {
        if !self.parsed.contains_key(path) {
            let text = fs::read_to_string(self.root.join(path)).ok()?;
            self.parsed.insert(path.to_path_buf(), parse(&text, Renderer::of(path)));
        }
        self.parsed.get(path)
    }

    /// Every broken link of `file`, one line each: `file: [dest] why`.
    fn broken_links(&mut self, file: &Path) -> Vec<String> {
        let Some(parsed) = self.parsed(file) else {
            return vec![format!("{}: file missing", file.display())];
        };
        let links = parsed.links.clone();
        let dir = file.parent().unwrap_or(Path::new("")).to_path_buf();
        let mut problems = Vec::new();
        for dest in links {
            if is_external(&dest) {
                continue;
            }
            let problem = |why: &str| format!("{}: [{dest}] {why}", file.display());
            if dest.starts_with('/') {
                problems.push(problem("absolute path: neither GitHub nor mdBook resolves it"));
                continue;
            }
            let (path, anchor) = match dest.split_once('#') {
                Some((path, anchor)) => (path, Some(anchor)),
                None => (dest.as_str(), None),
            };
            let path = path.split('?').next().unwrap_or("");
            let target = if path.is_empty() {
                file.to_path_buf()
            } else {
                match normalize(&dir.join(percent_decode(path))) {
                    Some(target) => target,
                    None => {
                        problems.push(problem("leaves the repository"));
                        continue;
                    }
                }
            };
            if file.starts_with(BOOK_SRC) && !target.starts_with(BOOK_SRC) {
                problems.push(problem("leaves docs/src/: mdBook would not publish the target"));
                continue;
            }
            if !self.root.join(&target).exists() {
                problems.push(problem(&format!("no such file: {}", target.display())));
                continue;
            }
            let Some(anchor) = anchor.filter(|a| !a.is_empty()) else { continue };
            if target.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let anchor = percent_decode(anchor);
            let Some(parsed) = self.parsed(&target) else {
                problems.push(problem(&format!("unreadable: {}", target.display())));
                continue;
            };
            if !parsed.anchors.contains(&anchor) {
                let known: Vec<&str> = parsed.anchors.iter().map(String::as_str).collect();
                problems.push(problem(&format!(
                    "no heading #{anchor} in {} (its headings: {})",
                    target.display(),
                    known.join(", ")
                )));
            }
        }
        problems
    }

    /// Chapters that `SUMMARY.md` does not list (mdBook leaves them out of the book).
    fn unlisted_chapters(&mut self) -> Vec<String> {
        let summary = Path::new(BOOK_SRC).join("SUMMARY.md");
        let Some(parsed) = self.parsed(&summary) else {
            return vec![format!("{} is missing", summary.display())];
        };
        let listed: BTreeSet<PathBuf> = parsed
            .links
            .iter()
            .filter(|d| !is_external(d))
            .filter_map(|d| normalize(&Path::new(BOOK_SRC).join(percent_decode(d.split('#').next().unwrap()))))
            .collect();
        self.chapters()
            .into_iter()
            .filter(|c| *c != summary && !listed.contains(c))
            .map(|c| format!("{}: not listed in {}", c.display(), summary.display()))
            .collect()
    }

    /// Every problem of the documentation under the root.
    fn problems(&mut self) -> Vec<String> {
        let mut problems = Vec::new();
        for file in self.checked_files() {
            problems.extend(self.broken_links(&file));
        }
        problems.extend(self.unlisted_chapters());
        problems
    }
}

#[test]
fn the_documentation_links_only_to_files_and_headings_that_exist() {
    let mut docs = Docs::new(&repo());
    assert!(docs.chapters().len() > 10, "the user guide is in {BOOK_SRC}/ ({} chapters found)", docs.chapters().len());
    let problems = docs.problems();
    assert!(problems.is_empty(), "broken documentation links:\n{}", problems.join("\n"));
}

/// A small book and README with one of each mistake, and the same without them.
fn sample(root: &Path, broken: bool) {
    let write = |path: &str, text: &str| {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    let summary = if broken {
        "# Sommaire\n\n- [Démarrer](demarrer.md)\n- [Absent](absent.md)\n"
    } else {
        "# Sommaire\n\n- [Démarrer](demarrer.md)\n- [Référence](ref/index.md)\n- [Oubliée](oubliee.md)\n"
    };
    write("docs/src/SUMMARY.md", summary);
    write(
        "docs/src/demarrer.md",
        if broken {
            "# Démarrer\n\n[a](ref/index.md#a-propos) [b](ref/absente.png) [c](../../README.md) [d](/abs.md)\n"
        } else {
            "# Démarrer\n\n[a](ref/index.md#À-propos) [b](ref/image.png#x) [c](https://exemple.fr) \
             [d](#démarrer) [e](ref/index.md#À-propos-1) [f](ref/index.md#perso) [g](mailto:a@b.fr)\n"
        },
    );
    write("docs/src/ref/index.md", "# À propos\n\n## À propos\n\n## Autre {#perso}\n");
    write("docs/src/ref/image.png", "");
    write("docs/src/oubliee.md", "# Oubliée\n");
    write(
        "README.md",
        if broken {
            "# resin\n\n## L'aperçu (`resin serve`)\n\n[x](#À-propos) [y](docs/src/demarrer.md#Démarrer) [z](docs/src/nulle-part.md)\n"
        } else {
            "# resin\n\n## L'aperçu (`resin serve`)\n\n[x](#laperçu-resin-serve) [y](docs/src/demarrer.md#démarrer) \
             [z](docs/src/ref/index.md#À-propos)\n"
        },
    );
    write("ARCHITECTURE.md", "# Architecture\n\n[r](README.md#resin)\n");
}

#[test]
fn the_link_checker_accepts_good_links_in_the_renderers_own_id_style() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path(), false);
    let problems = Docs::new(dir.path()).problems();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_link_checker_fails_on_each_kind_of_broken_link() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path(), true);
    let problems = Docs::new(dir.path()).problems();
    let expected = [
        // A GitHub-style (lowercased) anchor where mdBook keeps the capital.
        "docs/src/demarrer.md: [ref/index.md#a-propos] no heading #a-propos",
        // An image that is not there, a link out of the book, an absolute path.
        "docs/src/demarrer.md: [ref/absente.png] no such file",
        "docs/src/demarrer.md: [../../README.md] leaves docs/src/",
        "docs/src/demarrer.md: [/abs.md] absolute path",
        // README anchors are GitHub's: lowercased, and "À-propos" is not a heading of README.
        "README.md: [#À-propos] no heading",
        "README.md: [docs/src/demarrer.md#Démarrer] no heading #Démarrer",
        "README.md: [docs/src/nulle-part.md] no such file",
        // SUMMARY lists a missing chapter and forgets two.
        "docs/src/SUMMARY.md: [absent.md] no such file",
        "docs/src/oubliee.md: not listed",
        "docs/src/ref/index.md: not listed",
    ];
    for want in expected {
        assert!(problems.iter().any(|p| p.starts_with(want)), "missing {want:?} in {problems:#?}");
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
}

#[test]
fn heading_ids_follow_mdbook_and_github() {
    let text = "# À quoi ressemble une erreur\n## L'éditeur en ligne (`/admin/`)\n## `site.yaml`\n\
                ## Données (`/donnees/`)\n## Données (`/donnees/`)\n## Étapes « numériques » : 3 — ok_x\n## Autre {#perso}\n";
    let ids = |r| parse(text, r).anchors.into_iter().collect::<Vec<_>>();
    // Observed with mdbook 0.4.52 on the same headings.
    assert_eq!(
        ids(Renderer::MdBook),
        [
            "données-donnees",
            "données-donnees-1",
            "léditeur-en-ligne-admin",
            "perso",
            "siteyaml",
            "À-quoi-ressemble-une-erreur",
            "Étapes--numériques---3--ok_x",
        ]
    );
    assert!(ids(Renderer::GitHub).contains(&"à-quoi-ressemble-une-erreur".to_string()));
    assert!(is_external("https://exemple.fr/a:b") && is_external("mailto:a@b.fr"));
    assert!(!is_external("a.md#x:y") && !is_external("dossier/a:b.md"));
}
