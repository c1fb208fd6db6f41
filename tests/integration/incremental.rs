//! The key property of `resin serve`: after any sequence of edits, the incrementally updated
//! site is byte-identical to what a fresh build of the same content gives, and its
//! diagnostics are the same.
//!
//! Random sequences of edits (proptest) are applied to a copy of the example content; after
//! each one the workspace is told which paths changed, as the watcher would, and compared with
//! a fresh `resin::check`. Files are not always produced between edits, so that pages carried
//! over unproduced from one update to the next are covered too.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use proptest::prelude::*;
use resin::pipeline::{Changes, Workspace};
use resin::{Format, diagnostic};

use crate::support::SiteTest;

const BASE: &str = "http://127.0.0.1:1111/";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// One edit an animator could make.
#[derive(Debug, Clone)]
pub(crate) enum Edit {
    /// Renames a place (its `nom`).
    RenamePlace { place: usize, name: usize },
    /// Moves a place to another place's commune (postcode, INSEE code, coordinates).
    MovePlace { place: usize, to: usize },
    /// Replaces a place's services.
    Services { place: usize, service: usize },
    /// Deletes a place's file.
    DeletePlace { place: usize },
    /// Creates a place from another one's text, under a new file name.
    CreatePlace { from: usize, n: usize },
    /// Renames a place's file (its address changes; offers naming it break).
    RenameFile { place: usize, n: usize },
    /// Puts a place's original file back (repairs the above).
    RestorePlace { place: usize },
    /// Writes invalid YAML in a place.
    BreakPlace { place: usize },
    /// Writes a place's file again, unchanged.
    TouchPlace { place: usize },
    /// Renames an offer.
    RenameOffer { offer: usize, name: usize },
    /// Makes an offer name another place.
    OfferPlace { offer: usize, place: usize },
    /// Makes an offer name two places.
    OfferPlaces { offer: usize, a: usize, b: usize },
    /// Deletes an offer.
    DeleteOffer { offer: usize },
    /// Renames a free page.
    RenamePage { page: usize, name: usize },
    /// Adds (or removes) a site-level override of the place template.
    Template { on: bool },
    /// Adds a site-level stylesheet.
    Css { n: usize },
    /// Changes the site's title.
    Config { n: usize },
    /// Adds a file copied as it is.
    Asset { n: usize },
    /// Breaks `site.yaml`.
    BreakConfig,
    /// Puts `site.yaml` back.
    RestoreConfig,
    /// Adds a commune to the territory's list (or puts the list back).
    Communes { on: bool },
    /// Makes a page that is a link to another page.
    LinkPage,
    /// Renames a place's file over another place's file.
    RenameOver { place: usize, over: usize },
    /// Renames the subfolder of places.
    MoveFolder,
    /// The next day: upcoming sessions and week tables change.
    NextDay,
    /// Renames an entry of the network's space (place pages list it).
    RenameReseau { entry: usize, name: usize },
    /// Makes an entry of the network's space name another place (`lieu` of an event).
    ReseauPlace { entry: usize, place: usize },
    /// Deletes an entry of the network's space.
    DeleteReseau { entry: usize },
    /// Gives a place (or an offer) a closure of three days that starts `start` days after the
    /// test date: its notice, week table and periods change.
    Close { entry: usize, offer: bool, start: u64 },
}

const NAMES: &[&str] = &["Abri numérique", "Maison des écrans", "Zénith connecté", "Lieu d’essai", "médiathèque B"];
const SERVICES: &[&str] = &[
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Loisirs et créations numériques",
    "Accès internet et matériel informatique",
];

fn edit() -> impl Strategy<Value = Edit> {
    let i = 0..400usize;
    prop_oneof![
        (i.clone(), 0..NAMES.len()).prop_map(|(place, name)| Edit::RenamePlace { place, name }),
        (i.clone(), i.clone()).prop_map(|(place, to)| Edit::MovePlace { place, to }),
        (i.clone(), 0..SERVICES.len()).prop_map(|(place, service)| Edit::Services { place, service }),
        i.clone().prop_map(|place| Edit::DeletePlace { place }),
        (i.clone(), 0..3usize).prop_map(|(from, n)| Edit::CreatePlace { from, n }),
        (i.clone(), 0..3usize).prop_map(|(place, n)| Edit::RenameFile { place, n }),
        i.clone().prop_map(|place| Edit::RestorePlace { place }),
        i.clone().prop_map(|place| Edit::BreakPlace { place }),
        i.clone().prop_map(|place| Edit::TouchPlace { place }),
        (i.clone(), 0..NAMES.len()).prop_map(|(offer, name)| Edit::RenameOffer { offer, name }),
        (i.clone(), i.clone()).prop_map(|(offer, place)| Edit::OfferPlace { offer, place }),
        (i.clone(), i.clone(), i.clone()).prop_map(|(offer, a, b)| Edit::OfferPlaces { offer, a, b }),
        i.clone().prop_map(|offer| Edit::DeleteOffer { offer }),
        (i.clone(), 0..NAMES.len()).prop_map(|(page, name)| Edit::RenamePage { page, name }),
        any::<bool>().prop_map(|on| Edit::Template { on }),
        (0..3usize).prop_map(|n| Edit::Css { n }),
        (0..3usize).prop_map(|n| Edit::Config { n }),
        (0..3usize).prop_map(|n| Edit::Asset { n }),
        Just(Edit::BreakConfig),
        Just(Edit::RestoreConfig),
        any::<bool>().prop_map(|on| Edit::Communes { on }),
        Just(Edit::LinkPage),
        (i.clone(), i.clone()).prop_map(|(place, over)| Edit::RenameOver { place, over }),
        Just(Edit::MoveFolder),
        Just(Edit::NextDay),
        (i.clone(), 0..NAMES.len()).prop_map(|(entry, name)| Edit::RenameReseau { entry, name }),
        (i.clone(), i.clone()).prop_map(|(entry, place)| Edit::ReseauPlace { entry, place }),
        i.clone().prop_map(|entry| Edit::DeleteReseau { entry }),
        (i.clone(), any::<bool>(), 0..20u64).prop_map(|(entry, offer, start)| Edit::Close { entry, offer, start }),
    ]
}

/// The example site and the original files of each kind.
pub(crate) struct Example {
    pub site: SiteTest,
    places: Vec<(String, String)>,
    offers: Vec<(String, String)>,
    pages: Vec<(String, String)>,
    /// Entries of the network's space.
    reseau: Vec<(String, String)>,
    config: String,
    communes: String,
    /// Days after the test date.
    pub days: std::cell::Cell<u64>,
}

/// Templates that show every piece of data a page receives: a page whose data changed without
/// being produced again differs from a fresh build whatever the default templates show.
const DATA_TEMPLATES: &[&str] = &["accueil.html", "lieux.html", "lieu.html", "terme.html", "offres.html", "offre.html"];
const DATA_TEMPLATE: &str = "<!doctype html><html lang=\"fr\"><body><pre>{{ page | json_encode() }}</pre>\
<pre>{{ d | json_encode() }}</pre></body></html>\n";

const COMMUNES: &str = "data/territoire/communes-metropole-lyon.csv";

fn originals(root: &Path, folder: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(root.join("content").join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (format!("content/{folder}/{}", p.file_name().unwrap().to_string_lossy()), fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Replaces the line `key: …` of the front matter (the first one).
pub(crate) fn set_field(text: &str, key: &str, value: &str) -> String {
    let prefix = format!("{key}:");
    let mut done = false;
    let mut out: Vec<String> = Vec::new();
    let mut skipping_list = false;
    for line in text.lines() {
        if skipping_list {
            if line.starts_with("  ") {
                continue;
            }
            skipping_list = false;
        }
        if !done && line.starts_with(&prefix) {
            out.push(format!("{key}: {value}"));
            done = true;
            // A block list under the key goes with it.
            skipping_list = line.trim_end() == prefix;
            continue;
        }
        out.push(line.to_string());
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn field<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines().find_map(|l| l.strip_prefix(&format!("{key}: ")))
}

impl Example {
    /// The example content, each place copied four more times (so that lists run over several
    /// pages) and some offers held in two places.
    pub(crate) fn new() -> Example {
        let site = SiteTest::example();
        let root = site.root().to_path_buf();
        for (relative, text) in originals(&root, "lieux") {
            let text = text.lines().filter(|l| !l.starts_with("id:")).collect::<Vec<_>>().join("\n");
            let slug = relative.trim_end_matches(".md");
            for k in 2..=5 {
                let name = field(&text, "nom").unwrap_or("Lieu").trim_matches('"').to_string();
                let text = set_field(&text, "nom", &format!("\"{name} {k}\""));
                fs::write(root.join(format!("{slug}-{k}.md")), text).unwrap();
            }
        }
        let places = originals(&root, "lieux");
        for (n, (relative, text)) in originals(&root, "offres").into_iter().enumerate().step_by(3) {
            let slug =
                |i: usize| Path::new(&places[i % places.len()].0).file_stem().unwrap().to_string_lossy().into_owned();
            let text = set_field(&text, "lieux", &format!("[{}, {}]", slug(n * 7), slug(n * 7 + 1)));
            fs::write(root.join(relative), text).unwrap();
        }
        Example {
            places: originals(&root, "lieux"),
            offers: originals(&root, "offres"),
            pages: originals(&root, "pages"),
            reseau: ["actualites", "appels-a-projets", "bonnes-pratiques", "bourse", "agenda"]
                .iter()
                .flat_map(|folder| originals(&root, folder))
                .collect(),
            config: fs::read_to_string(root.join("content/site.yaml")).unwrap(),
            communes: fs::read_to_string(root.join(COMMUNES)).unwrap(),
            days: std::cell::Cell::new(0),
            site,
        }
    }

    /// The same, with templates that show all the data of each page.
    pub(crate) fn showing_all_data() -> Example {
        let example = Example::new();
        for name in DATA_TEMPLATES {
            example.write(&format!("themes/resin/templates/{name}"), DATA_TEMPLATE);
        }
        example
    }

    /// The date of the next update.
    pub(crate) fn today(&self) -> NaiveDate {
        today() + chrono::Days::new(self.days.get())
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.site.root().join(relative)
    }

    fn read(&self, relative: &str) -> Option<String> {
        fs::read_to_string(self.path(relative)).ok()
    }

    fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    fn remove(&self, relative: &str) -> PathBuf {
        let path = self.path(relative);
        let _ = fs::remove_file(&path);
        path
    }

    /// Applies an edit; returns the paths it touched.
    pub(crate) fn apply(&self, edit: &Edit) -> Vec<PathBuf> {
        let place = |i: usize| &self.places[i % self.places.len()];
        let offer = |i: usize| &self.offers[i % self.offers.len()];
        let rewrite = |relative: &str, change: &dyn Fn(&str) -> String| -> Vec<PathBuf> {
            match self.read(relative) {
                Some(text) => vec![self.write(relative, &change(&text))],
                None => Vec::new(),
            }
        };
        match edit {
            Edit::RenamePlace { place: i, name } => {
                rewrite(&place(*i).0, &|t| set_field(t, "nom", &format!("\"{}\"", NAMES[*name])))
            }
            Edit::MovePlace { place: i, to } => {
                let other = &place(*to).1;
                rewrite(&place(*i).0, &|t| {
                    let mut t = t.to_string();
                    for key in ["code_postal", "commune", "code_insee", "latitude", "longitude"] {
                        if let Some(value) = field(other, key) {
                            t = set_field(&t, key, value);
                        }
                    }
                    t
                })
            }
            Edit::Services { place: i, service } => {
                rewrite(&place(*i).0, &|t| set_field(t, "services", &format!("[{}]", SERVICES[*service])))
            }
            Edit::DeletePlace { place: i } => vec![self.remove(&place(*i).0)],
            Edit::CreatePlace { from, n } => {
                let text = place(*from).1.lines().filter(|l| !l.starts_with("id:")).collect::<Vec<_>>().join("\n");
                let text = set_field(&text, "nom", &format!("\"Nouveau lieu {n}\""));
                vec![self.write(&format!("content/lieux/nouveau-lieu-{n}.md"), &text)]
            }
            Edit::RenameFile { place: i, n } => {
                let (relative, _) = place(*i);
                let target = format!("content/lieux/sous-dossier/deplace-{n}.md");
                if self.path(relative).exists() {
                    fs::create_dir_all(self.path("content/lieux/sous-dossier")).unwrap();
                    fs::rename(self.path(relative), self.path(&target)).unwrap();
                }
                vec![self.path(relative), self.path(&target)]
            }
            Edit::RestorePlace { place: i } => {
                let (relative, text) = place(*i);
                vec![self.write(relative, text)]
            }
            Edit::BreakPlace { place: i } => {
                if self.path(&place(*i).0).exists() {
                    vec![self.write(&place(*i).0, "---\nnom: [Lieu\n---\n")]
                } else {
                    Vec::new()
                }
            }
            Edit::TouchPlace { place: i } => rewrite(&place(*i).0, &|t| t.to_string()),
            Edit::RenameOffer { offer: i, name } => {
                rewrite(&offer(*i).0, &|t| set_field(t, "titre", &format!("\"{}\"", NAMES[*name])))
            }
            Edit::OfferPlace { offer: i, place: p } => {
                let slug = Path::new(&place(*p).0).file_stem().unwrap().to_string_lossy().into_owned();
                rewrite(&offer(*i).0, &|t| set_field(t, "lieux", &format!("[{slug}]")))
            }
            Edit::OfferPlaces { offer: i, a, b } => {
                let slug = |p: usize| Path::new(&place(p).0).file_stem().unwrap().to_string_lossy().into_owned();
                rewrite(&offer(*i).0, &|t| set_field(t, "lieux", &format!("[{}, {}]", slug(*a), slug(*b))))
            }
            Edit::DeleteOffer { offer: i } => vec![self.remove(&offer(*i).0)],
            Edit::RenameReseau { entry, name } => {
                let (relative, _) = &self.reseau[entry % self.reseau.len()];
                rewrite(relative, &|t| set_field(t, "titre", &format!("\"{}\"", NAMES[*name])))
            }
            Edit::ReseauPlace { entry, place: p } => {
                let (relative, _) = &self.reseau[entry % self.reseau.len()];
                let slug = Path::new(&place(*p).0).file_stem().unwrap().to_string_lossy().into_owned();
                if relative.starts_with("content/agenda/") {
                    rewrite(relative, &|t| set_field(t, "lieu", &slug))
                } else {
                    rewrite(relative, &|t| set_field(t, "lieux", &format!("[{slug}]")))
                }
            }
            Edit::DeleteReseau { entry } => vec![self.remove(&self.reseau[entry % self.reseau.len()].0)],
            Edit::RenamePage { page, name } => {
                let (relative, _) = &self.pages[page % self.pages.len()];
                rewrite(relative, &|t| set_field(t, "titre", &format!("\"{}\"", NAMES[*name])))
            }
            Edit::Template { on: true } => {
                let template = include_str!("../../themes/resin/templates/lieu.html")
                    .replace("</h1>", "</h1>\n<!-- surcharge -->");
                vec![self.write("themes/resin/templates/lieu.html", &template)]
            }
            Edit::Template { on: false } => vec![self.remove("themes/resin/templates/lieu.html")],
            Edit::Css { n } => {
                vec![self.write("themes/resin/static/style.css", &format!("body {{ margin: {n}px; }}\n"))]
            }
            Edit::Config { n } => rewrite("content/site.yaml", &|t| set_field(t, "titre", &format!("\"Rés'IN {n}\""))),
            Edit::Asset { n } => vec![self.write(&format!("content/fichiers/document-{n}.txt"), &format!("{n}\n"))],
            Edit::BreakConfig => vec![self.write("content/site.yaml", "titre: [Rés'IN\n")],
            Edit::RestoreConfig => vec![self.write("content/site.yaml", &self.config)],
            Edit::Communes { on: true } => {
                vec![self.write(COMMUNES, &format!("{}69999,Commune d'essai,69999\n", self.communes))]
            }
            Edit::Communes { on: false } => vec![self.write(COMMUNES, &self.communes)],
            Edit::LinkPage => {
                let link = self.path("content/pages/copie.md");
                let target = Path::new(&self.pages[0].0).file_name().unwrap().to_owned();
                let _ = fs::remove_file(&link);
                std::os::unix::fs::symlink(target, &link).unwrap();
                vec![link]
            }
            Edit::RenameOver { place: i, over } => {
                let (from, to) = (&place(*i).0, &place(*over).0);
                if from != to && self.path(from).exists() {
                    fs::rename(self.path(from), self.path(to)).unwrap();
                }
                vec![self.path(from), self.path(to)]
            }
            Edit::MoveFolder => {
                let (a, b) = (self.path("content/lieux/sous-dossier"), self.path("content/lieux/autre-dossier"));
                let (from, to) = if a.exists() { (a, b) } else { (b, a) };
                if from.exists() && !to.exists() {
                    fs::rename(&from, &to).unwrap();
                }
                vec![from, to]
            }
            Edit::NextDay => {
                self.days.set(self.days.get() + 1);
                Vec::new()
            }
            Edit::Close { entry, offer: is_offer, start } => {
                let du = today() + chrono::Duration::days(*start as i64);
                let closure = format!("[{{ du: {du}, au: {}, motif: Travaux }}]", du + chrono::Duration::days(2));
                let file = if *is_offer { &offer(*entry).0 } else { &place(*entry).0 };
                rewrite(file, &|t| match field(t, "date_maj") {
                    _ if t.contains("\nfermetures:") => set_field(t, "fermetures", &closure),
                    Some(date) => set_field(t, "date_maj", &format!("{date}\nfermetures: {closure}")),
                    None => t.to_string(),
                })
            }
        }
    }
}

/// Asserts that the workspace agrees with a fresh check of the same content: same diagnostics
/// and, without errors, the same files byte for byte.
pub(crate) fn assert_same_as_fresh(workspace: &Workspace, root: &Path, today: NaiveDate) {
    let fresh = resin::check(root, today, Some(BASE)).expect("fresh check");
    let ours = diagnostic::render(workspace.diagnostics(), workspace.sources(), Format::Json, false);
    let theirs = diagnostic::render(&fresh.diagnostics, &fresh.sources, Format::Json, false);
    assert_eq!(ours, theirs, "diagnostics differ from a fresh check");
    if fresh.errors() > 0 {
        return;
    }
    let snapshot = workspace.published().expect("a site without errors is published");
    let files = snapshot.produce_all().expect("every file renders");
    // A check drops the files it renders: a fresh workspace gives them.
    let mut fresh_workspace = Workspace::new(root, Some(BASE)).unwrap();
    fresh_workspace.update(&Changes::All, today).unwrap();
    let fresh_files = fresh_workspace.published().expect("published").produce_all().expect("every file renders");
    let ours: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let theirs: Vec<&str> = fresh_files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(ours, theirs, "the list of files differs from a fresh build");
    for (a, b) in files.iter().zip(&fresh_files) {
        assert!(a.bytes == b.bytes, "{} differs from a fresh build", a.path);
    }
    let assets: Vec<&str> = fresh.assets.iter().map(|a| a.relative.as_str()).collect();
    let served: Vec<&str> = snapshot.paths().into_iter().filter(|p| !ours.contains(p)).collect();
    assert_eq!(served, assets, "the files copied as they are differ");
}

fn run_sequence(example: Example, edits: &[(Edit, bool)]) {
    let root = example.site.root();
    let mut workspace = Workspace::new(root, Some(BASE)).unwrap();
    workspace.update(&Changes::All, example.today()).unwrap();
    for (edit, compare) in edits {
        let touched = example.apply(edit);
        workspace.update(&Changes::Paths(touched), example.today()).unwrap_or_else(|e| panic!("after {edit:?}: {e}"));
        if *compare {
            assert_same_as_fresh(&workspace, root, example.today());
        }
    }
    assert_same_as_fresh(&workspace, root, example.today());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, max_shrink_iters: 200, ..ProptestConfig::default() })]

    /// Random sequences of 20 to 30 edits.
    #[test]
    fn incremental_updates_match_a_fresh_build(edits in prop::collection::vec((edit(), prop::bool::weighted(0.3)), 20..30)) {
        run_sequence(Example::showing_all_data(), &edits);
    }
}

/// A fixed sequence touching every kind of edit, each followed by a comparison.
#[test]
fn scripted_edits_match_a_fresh_build() {
    let edits = [
        Edit::RenamePlace { place: 0, name: 2 },
        Edit::MovePlace { place: 1, to: 20 },
        Edit::Services { place: 2, service: 3 },
        Edit::CreatePlace { from: 3, n: 0 },
        Edit::RenameOffer { offer: 0, name: 0 },
        // A place's page shows the other places of its offers.
        Edit::OfferPlaces { offer: 4, a: 10, b: 11 },
        Edit::RenamePlace { place: 11, name: 3 },
        Edit::OfferPlace { offer: 1, place: 5 },
        Edit::RenamePage { page: 0, name: 1 },
        Edit::Template { on: true },
        Edit::Css { n: 1 },
        Edit::Config { n: 1 },
        Edit::Asset { n: 0 },
        Edit::BreakPlace { place: 4 },
        Edit::RestorePlace { place: 4 },
        Edit::DeletePlace { place: 6 },
        Edit::RestorePlace { place: 6 },
        Edit::RenameFile { place: 7, n: 0 },
        Edit::RestorePlace { place: 7 },
        Edit::DeleteOffer { offer: 2 },
        Edit::TouchPlace { place: 8 },
        Edit::Template { on: false },
        Edit::RenamePlace { place: 9, name: 4 },
        Edit::BreakConfig,
        Edit::RestoreConfig,
        Edit::Communes { on: true },
        Edit::LinkPage,
        Edit::RenamePage { page: 0, name: 2 },
        Edit::RenameOver { place: 12, over: 13 },
        Edit::RenameFile { place: 14, n: 1 },
        Edit::MoveFolder,
        Edit::NextDay,
        Edit::Communes { on: false },
        Edit::Close { entry: 15, offer: false, start: 3 },
        Edit::Close { entry: 3, offer: true, start: 6 },
        Edit::NextDay,
    ];
    let edits = edits.map(|e| (e, true));
    run_sequence(Example::new(), &edits);
    run_sequence(Example::showing_all_data(), &edits);
}

/// A place of a need with more than a page of places (100): `n` in `commune`.
fn need_place(n: usize, commune: &str) -> String {
    let (postcode, insee) = match commune {
        "Bron" => ("69500", "69029"),
        "Vénissieux" => ("69200", "69259"),
        _ => ("69100", "69266"),
    };
    format!(
        "---\nnom: Lieu {n:03}\nadresse: {n} rue de la République\ncode_postal: \"{postcode}\"\ncommune: {commune}\n\
         code_insee: \"{insee}\"\nhoraires: \"Tu,Th 13:00-19:00; PH off\"\n\
         services: [Aide aux démarches administratives]\ndate_maj: 2026-03-03\n---\n"
    )
}

/// A need's first page offers its communes, each linked to the page of the list that holds
/// it, with its count: a place of the second page that changes commune changes the first page
/// too, and `resin serve` writes it again.
#[test]
fn a_need_s_first_page_follows_the_communes_of_its_other_pages() {
    let mut site = SiteTest::new();
    for n in 0..130 {
        let commune = match n {
            0..70 => "Bron",
            70..110 => "Vénissieux",
            _ => "Villeurbanne",
        };
        site = site.file(&format!("content/lieux/lieu-{n:03}.md"), &need_place(n, commune));
    }
    let root = site.root();
    let mut workspace = Workspace::new(root, Some(BASE)).unwrap();
    workspace.update(&Changes::All, today()).unwrap();
    assert_eq!(resin::check(root, today(), Some(BASE)).unwrap().errors(), 0);
    let page = |workspace: &Workspace, path: &str| {
        let files = workspace.published().unwrap().produce_all().unwrap();
        String::from_utf8(files.iter().find(|f| f.path == path).unwrap().bytes.to_vec()).unwrap()
    };
    let need = "services/aide-aux-demarches-administratives/";
    let first = page(&workspace, &format!("{need}index.html"));
    // Bron and Vénissieux start on the first page, Villeurbanne on the second.
    assert!(first.contains("href=\"/services/aide-aux-demarches-administratives/#c-bron\""), "{first}");
    assert!(first.contains("href=\"/services/aide-aux-demarches-administratives/#c-venissieux\""));
    assert!(first.contains("href=\"/services/aide-aux-demarches-administratives/page/2/#c-villeurbanne\""));
    assert!(first.contains("Vénissieux<span class=\"visuellement-cache\"> (40 lieux)</span>"));
    let second = page(&workspace, &format!("{need}page/2/index.html"));
    assert!(second.contains("<h2 class=\"groupe\" id=\"c-villeurbanne\">Villeurbanne</h2>"), "{second}");
    // Vénissieux continues from the first page: its heading there has no anchor of its own.
    assert!(second.contains("<h2 class=\"groupe\">Vénissieux (suite)</h2>"), "{second}");
    assert!(!second.contains("c-venissieux"));
    // A place of the second page moves from Villeurbanne to Vénissieux.
    let moved = root.join("content/lieux/lieu-125.md");
    fs::write(&moved, need_place(125, "Vénissieux")).unwrap();
    workspace.update(&Changes::Paths(vec![moved]), today()).unwrap();
    assert_same_as_fresh(&workspace, root, today());
    let first = page(&workspace, &format!("{need}index.html"));
    assert!(first.contains("Vénissieux<span class=\"visuellement-cache\"> (41 lieux)</span>"), "{first}");
}
