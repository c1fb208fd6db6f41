//! `content/site.yaml`: the site's title, address, territory, map tiles and contacts.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Kind, SiteKind};
use crate::load::{self, Document, EntryKind, Segment, SpanMap};
use crate::schema::reader::Fields;
use crate::schema::rules;
use crate::source::{FileId, Sources};
use crate::suggest;

pub(crate) use crate::schema::extension::{Extension, ExtensionType, Extensions};

mod read;

/// The whole `site.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site name ("Rés'IN").
    pub titre: String,
    /// One sentence saying what the site is for (home page, meta description).
    pub description: String,
    /// Public address of the site, e.g. `https://resin.exemple.fr/`.
    pub url: String,
    /// The territory the directory covers.
    pub territoire: Territory,
    /// Map tiles.
    #[serde(default)]
    pub carte: MapConfig,
    /// Contact address of the network.
    pub contact: String,
    /// Where "Signaler une erreur" writes to; the contact address when absent.
    #[serde(default)]
    pub signalement: Option<String>,
    /// Licence of the open data.
    #[serde(default)]
    pub licence_donnees: Licence,
    /// The site's short name in the identifiers of its data·inclusion export
    /// (`<source>--<id>`); see [`SiteConfig::data_source`].
    #[serde(default)]
    pub source_donnees: Option<String>,
    /// True while the entries are fictitious examples: a notice says so on every page.
    #[serde(default)]
    pub exemple: bool,
    /// Links in the footer.
    #[serde(default)]
    pub pied_de_page: Vec<FooterLink>,
    /// Fields the territory tracks beyond the national standard.
    #[serde(default)]
    pub extensions: Extensions,
    /// Web editing at `/admin/` (Decap CMS); no `/admin/` when absent.
    #[serde(default)]
    pub edition_en_ligne: Option<Edition>,
    /// The guided form `/orienter/`: what a person may need, in the territory's words.
    #[serde(default)]
    pub orientation: Orientation,
}

/// `orientation` in `site.yaml`: the needs an adviser chooses from on `/orienter/`, each in
/// everyday words and mapped to the standard's services. Without the block, one need per
/// service of the standard, in its plain words (`render::orientation::demandes`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Orientation {
    /// The needs, in the order of the form.
    #[serde(default)]
    pub demandes: Vec<Need>,
}

/// One need of the guided form.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    /// What the person wants to do, as they would say it ("Faire une démarche CAF").
    pub libelle: String,
    /// The standard's services that answer it: a place offering one of them fits.
    pub services: Vec<String>,
    /// What to bring for this need (CAF number…), printed on the fiche with the place's list.
    #[serde(default)]
    pub a_apporter: Vec<String>,
}

impl Need {
    /// Its identifier in links to the shortlist: the words before any bracket
    /// (« Faire une démarche CAF (APL…) » → `?demande=faire-une-demarche-caf`).
    pub fn slug(&self) -> String {
        let words = self.libelle.split('(').next().unwrap_or_default();
        let slug = slug::slugify(words);
        if slug.is_empty() { slug::slugify(&self.libelle) } else { slug }
    }
}

/// Web editing: the forge that holds the content repository, for Decap CMS at `/admin/`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// Where the repository is and how editors sign in.
    pub forge: Forge,
    /// The repository, `compte/depot` (GitLab: `groupe/sous-groupe/depot`); not used by
    /// `git-gateway`, which knows it already.
    #[serde(default)]
    pub depot: Option<String>,
    /// The branch the site is published from.
    #[serde(default = "default_branch")]
    pub branche: String,
    /// True (the default): every change becomes a pull (merge) request, which CI checks and a
    /// reviewer merges; false: changes go straight to the branch.
    #[serde(default = "yes")]
    pub relecture: bool,
    /// GitHub: the OAuth server that signs editors in (Decap's `base_url`); GitLab: the
    /// forge's address when it is not gitlab.com (`https://framagit.org`).
    #[serde(default)]
    pub adresse: Option<String>,
    /// GitLab: the identifier of the OAuth application (sign-in without a server, PKCE).
    #[serde(default)]
    pub application: Option<String>,
}

/// The forges Decap CMS can write to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Forge {
    /// GitHub, signed in through an OAuth server.
    Github,
    /// GitLab (gitlab.com or a GitLab of its own), signed in with PKCE.
    Gitlab,
    /// Netlify's Git Gateway (Netlify Identity).
    GitGateway,
    /// A forge resin does not know: reported in `site.yaml`.
    #[serde(other)]
    Unknown,
}

impl Forge {
    /// Its name in `site.yaml` and in Decap's configuration.
    pub fn name(self) -> &'static str {
        match self {
            Forge::Github => "github",
            Forge::Gitlab => "gitlab",
            Forge::GitGateway => "git-gateway",
            Forge::Unknown => "?",
        }
    }
}

fn default_branch() -> String {
    "main".into()
}

fn yes() -> bool {
    true
}

/// The territory: name and bounding box.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    /// "Métropole de Lyon".
    pub nom: String,
    /// Bounding box in WGS 84 degrees: coordinates of places must fall inside.
    pub emprise: Bounds,
    /// Map centre.
    pub centre: Point,
    /// Initial map zoom.
    #[serde(default = "default_zoom")]
    pub zoom: u8,
    /// CSV of the territory's communes (`code_insee,nom,codes_postaux`), relative to the site
    /// root: when given, each place's commune, INSEE code and postcode are checked against it.
    #[serde(default)]
    pub communes: Option<String>,
}

fn default_zoom() -> u8 {
    11
}

/// A bounding box.
#[derive(Debug, Clone, Default, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    /// Westmost longitude.
    pub ouest: f64,
    /// Southmost latitude.
    pub sud: f64,
    /// Eastmost longitude.
    pub est: f64,
    /// Northmost latitude.
    pub nord: f64,
}

impl Bounds {
    /// True when the point is inside the box.
    pub fn contains(&self, latitude: f64, longitude: f64) -> bool {
        (self.sud..=self.nord).contains(&latitude) && (self.ouest..=self.est).contains(&longitude)
    }
}

/// A point in WGS 84 degrees.
#[derive(Debug, Clone, Default, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
}

/// Map tiles: URL template and attribution.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MapConfig {
    /// Tile URL template with `{z}`, `{x}`, `{y}`.
    pub tuiles: String,
    /// Attribution text shown on the map.
    pub attribution: String,
}

impl Default for MapConfig {
    fn default() -> Self {
        MapConfig {
            tuiles: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            attribution: "© les contributeurs d'OpenStreetMap".into(),
        }
    }
}

/// A licence: name and address.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// "Licence Ouverte 2.0".
    pub nom: String,
    /// Its text.
    pub url: String,
}

impl Default for Licence {
    fn default() -> Self {
        Licence {
            nom: "Licence Ouverte 2.0".into(),
            url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence".into(),
        }
    }
}

/// A footer link.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FooterLink {
    /// Link text.
    pub titre: String,
    /// Site path (`/a-propos/`) or absolute http(s) URL.
    pub url: String,
}

impl SiteConfig {
    /// The base URL, always ending with `/`.
    pub fn base_url(&self) -> String {
        if self.url.ends_with('/') { self.url.clone() } else { format!("{}/", self.url) }
    }

    /// The `source` of the data·inclusion export, the start of every identifier in it:
    /// `source_donnees`, or else the slug of the title (`Rés'IN` → `res-in`).
    pub fn data_source(&self) -> String {
        let source = self.source_donnees.as_deref().map_or_else(|| slug::slugify(&self.titre), str::to_string);
        if source.is_empty() { "resin".to_string() } else { source }
    }

    /// The address "Signaler une erreur" writes to.
    pub fn report_address(&self) -> &str {
        self.signalement.as_deref().unwrap_or(&self.contact)
    }
}

/// Parses `site.yaml` with the entries' field reader: every problem becomes a located
/// diagnostic, with the entries' kinds (unknown keys with the closest known one, missing
/// fields, wrong types). When the file reads, its values are checked together.
pub(crate) fn load_config(sources: &Sources, file: FileId) -> Result<SiteConfig, Vec<Diagnostic>> {
    let text = &sources.get(file).text;
    let doc = load::parse_document(text)
        .map(|parsed| Document::new(file, parsed))
        .map_err(|(kind, span)| vec![Diagnostic::new(kind, file, span)])?;
    let mut fields = Fields::new(&doc, text);
    let config = read::site(&mut fields);
    let diagnostics = fields.finish(read::SITE);
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let exists = |path: &[Segment]| doc.spans().value(path).is_some();
    let written =
        |path: &[Segment]| if exists(path) { text[doc.value_span(path)].trim().to_string() } else { String::new() };
    let mut problems = check_addresses(&config);
    if let Some(source) = config.source_donnees.as_ref().filter(|s| slug::slugify(s) != **s) {
        let kind = SiteKind::DataSource { written: source.clone(), suggestion: slug::slugify(source) };
        problems.push((Kind::Site(kind), vec![key("source_donnees")]));
    }
    problems.extend(check_extensions(&config.extensions, &written));
    if let Some(edition) = &config.edition_en_ligne {
        for (field, kind) in check_edition(edition, &written) {
            // A missing field is shown on the block that lacks it.
            let path = vec![key("edition_en_ligne"), key(field)];
            let path = if exists(&path) { path } else { path[..1].to_vec() };
            problems.push((kind, path));
        }
    }
    for (path, kind) in check_orientation(&config.orientation) {
        let mut at = vec![key("orientation"), key("demandes")];
        at.extend(path);
        // A missing field is shown on the need that lacks it.
        let at = if exists(&at) { at } else { at[..3].to_vec() };
        problems.push((kind, at));
    }
    let mut diagnostics: Vec<Diagnostic> =
        problems.into_iter().map(|(kind, path)| Diagnostic::new(kind, file, doc.value_span(&path))).collect();
    // `edition_en_ligne:` with every line under it commented out reads as nothing.
    if config.edition_en_ligne.is_none() && doc.fields.contains_key("edition_en_ligne") {
        let span = doc.key_span(&[key("edition_en_ligne")]);
        diagnostics.push(Diagnostic::new(Kind::Site(SiteKind::EmptyEdition), file, span));
    }
    if diagnostics.is_empty() { Ok(config) } else { Err(diagnostics) }
}

/// A key of a path in `site.yaml`.
fn key(name: &str) -> Segment {
    Segment::Key(name.to_string())
}

/// A problem of `site.yaml` and the path of the value it is about.
type Problem = (Kind, Vec<Segment>);

/// The problems of the addresses: the site's, the contacts, the licence, the tiles, the footer.
fn check_addresses(config: &SiteConfig) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Err(scheme) = site_url(&config.url) {
        problems.push((Kind::Url { value: config.url.clone(), scheme }, vec![key("url")]));
    }
    for (name, value) in [("contact", Some(&config.contact)), ("signalement", config.signalement.as_ref())] {
        if let Some(value) = value.filter(|v| !rules::is_email(v)) {
            problems.push((Kind::Email { value: value.clone() }, vec![key(name)]));
        }
    }
    if let Err(scheme) = rules::check_url(&config.licence_donnees.url) {
        let kind = Kind::Url { value: config.licence_donnees.url.clone(), scheme };
        problems.push((kind, vec![key("licence_donnees"), key("url")]));
    }
    let tiles = &config.carte.tuiles;
    let has_placeholders = ["{z}", "{x}", "{y}"].iter().all(|p| tiles.contains(p));
    let tiles_check = match rules::check_url(tiles) {
        Ok(_) if has_placeholders => Ok(()),
        Ok(_) => Err(None),
        Err(scheme) => Err(scheme),
    };
    if let Err(scheme) = tiles_check {
        problems.push((Kind::Url { value: tiles.clone(), scheme }, vec![key("carte"), key("tuiles")]));
    }
    for (i, link) in config.pied_de_page.iter().enumerate() {
        if let Err(scheme) = footer_link(&link.url) {
            let path = vec![key("pied_de_page"), Segment::Index(i), key("url")];
            problems.push((Kind::Url { value: link.url.clone(), scheme }, path));
        }
    }
    problems
}

/// The problems of the territorial fields' declarations. `written` gives the text at a path
/// (a type resin does not know is named as written).
fn check_extensions(extensions: &Extensions, written: &dyn Fn(&[Segment]) -> String) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (list_name, list, standard) in [
        ("lieux", &extensions.lieux, crate::schema::names(EntryKind::Place)),
        ("offres", &extensions.offres, crate::schema::names(EntryKind::Offer)),
    ] {
        for (i, extension) in list.iter().enumerate() {
            let at = |field: &str| vec![key("extensions"), key(list_name), Segment::Index(i), key(field)];
            let site = |kind: SiteKind, path: Vec<Segment>| (Kind::Site(kind), path);
            if let Some(kind) = name_problem(list, i, standard, list_name) {
                problems.push(site(kind, at("nom")));
            }
            if extension.kind == ExtensionType::Unknown {
                let written = written(&at("type"));
                let suggestion = suggest::closest(&written, ["booleen", "texte", "choix", "url", "date"]);
                problems.push(site(SiteKind::ExtensionType { written, suggestion }, at("type")));
            }
            for (k, value) in extension.valeurs.iter().enumerate() {
                let slug = slug::slugify(value);
                let clash = extension.valeurs[..k].iter().find(|v| slug::slugify(v) == slug);
                let kind = if slug.is_empty() {
                    Some(SiteKind::ChoiceValueEmpty { value: value.clone() })
                } else {
                    clash.map(|first| SiteKind::ChoiceValuesAlike { first: first.clone(), value: value.clone() })
                };
                if let Some(kind) = kind {
                    problems.push(site(kind, [at("valeurs"), vec![Segment::Index(k)]].concat()));
                }
            }
            if list_name == "offres" && extension.filtre {
                problems.push(site(SiteKind::OfferFilter, at("filtre")));
            }
            let kind_problem = match extension.kind {
                ExtensionType::Unknown => None,
                ExtensionType::Choice if extension.valeurs.is_empty() => Some(("type", SiteKind::ChoiceWithoutValues)),
                ExtensionType::Choice => None,
                _ if !extension.valeurs.is_empty() => Some(("valeurs", SiteKind::ValuesWithoutChoice)),
                ExtensionType::Text | ExtensionType::Url | ExtensionType::Date if extension.filtre => {
                    Some(("filtre", SiteKind::FilterNotAllowed))
                }
                _ => None,
            };
            if let Some((field, kind)) = kind_problem {
                problems.push(site(kind, at(field)));
            }
        }
    }
    problems
}

/// The problem of the name of `list[i]`, a territorial field of `extensions.<list_name>`.
fn name_problem(list: &[Extension], i: usize, standard: &[&str], list_name: &'static str) -> Option<SiteKind> {
    let extension = &list[i];
    let name = &extension.nom;
    let snake = name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !snake {
        Some(SiteKind::ExtensionName { name: name.clone() })
    } else if standard.contains(&name.as_str()) || name == "id" {
        Some(SiteKind::ExtensionStandardName { name: name.clone() })
    } else if list[..i].iter().any(|e| &e.nom == name) {
        Some(SiteKind::ExtensionTwice { name: name.clone(), list: list_name })
    } else {
        let twin = list[..i].iter().find(|e| e.slug() == extension.slug())?;
        Some(SiteKind::ExtensionSameAddress { name: name.clone(), other: twin.nom.clone(), slug: extension.slug() })
    }
}

/// The problems of `orientation`: where each is (under `orientation.demandes`), and what it is.
fn check_orientation(orientation: &Orientation) -> Vec<(Vec<Segment>, Kind)> {
    let mut problems = Vec::new();
    for (i, demande) in orientation.demandes.iter().enumerate() {
        let at = |field: &str| vec![Segment::Index(i), key(field)];
        if demande.slug().is_empty() {
            problems.push((at("libelle"), Kind::Site(SiteKind::NeedWithoutWords)));
        } else if let Some(twin) = orientation.demandes[..i].iter().find(|d| d.slug() == demande.slug()) {
            let kind = SiteKind::NeedsSameLink {
                first: twin.libelle.clone(),
                second: demande.libelle.clone(),
                slug: demande.slug(),
            };
            problems.push((at("libelle"), Kind::Site(kind)));
        }
        if demande.services.is_empty() {
            problems.push((at("services"), Kind::Site(SiteKind::NeedWithoutServices)));
        }
    }
    problems
}

/// The problems of `edition_en_ligne`: the field each is about, and what it is. `written`
/// gives the text at a path (a forge resin does not know is named as written).
fn check_edition(edition: &Edition, written: &dyn Fn(&[Segment]) -> String) -> Vec<(&'static str, Kind)> {
    let mut problems = Vec::new();
    let forges = [Forge::Github, Forge::Gitlab, Forge::GitGateway].map(Forge::name);
    if edition.forge == Forge::Unknown {
        let written = written(&[key("edition_en_ligne"), key("forge")]);
        let suggestion = suggest::closest(&written, forges);
        problems.push(("forge", SiteKind::UnknownForge { written, suggestion }.into()));
    }
    let needs_repository = matches!(edition.forge, Forge::Github | Forge::Gitlab);
    match &edition.depot {
        None if needs_repository => {
            problems.push(("depot", SiteKind::MissingRepository { forge: edition.forge.name() }.into()))
        }
        Some(depot) if needs_repository && !is_repository(depot, edition.forge) => {
            let kind = SiteKind::Repository { depot: depot.clone(), gitlab: edition.forge == Forge::Gitlab };
            problems.push(("depot", kind.into()));
        }
        _ => {}
    }
    if !is_branch(&edition.branche) {
        problems.push(("branche", SiteKind::Branch { branch: edition.branche.clone() }.into()));
    }
    if let Some(address) = &edition.adresse
        && let Err(scheme) = rules::check_url(address)
    {
        problems.push(("adresse", Kind::Url { value: address.clone(), scheme }));
    }
    if edition.forge == Forge::Gitlab && edition.application.as_deref().is_none_or(str::is_empty) {
        problems.push(("forge", SiteKind::GitlabApplication.into()));
    }
    problems
}

/// A branch name git accepts (git check-ref-format), for the names people write.
fn is_branch(branch: &str) -> bool {
    !branch.is_empty()
        && !branch.starts_with(['-', '/', '.'])
        && !branch.ends_with(['/', '.'])
        && !branch.ends_with(".lock")
        && branch.chars().all(|c| c.is_alphanumeric() || "-_./".contains(c))
        && !branch.contains("..")
        && !branch.contains("//")
        && !branch.contains("/.")
}

/// A repository path on a forge: `compte/depot` (GitLab also allows sub-groups).
fn is_repository(depot: &str, forge: Forge) -> bool {
    let parts: Vec<&str> = depot.split('/').collect();
    let part_ok = |p: &&str| {
        !p.is_empty() && !p.starts_with('.') && p.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    };
    let count_ok = if forge == Forge::Gitlab { parts.len() >= 2 } else { parts.len() == 2 };
    count_ok && parts.iter().all(part_ok) && !depot.ends_with(".git")
}

/// The `extensions` of a `site.yaml` that has errors elsewhere, when that part reads.
pub fn salvage_extensions(text: &str) -> Option<Extensions> {
    let (_, yaml) = without_bom(text);
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).ok()?;
    serde_yaml::from_value(value.get("extensions")?.clone()).ok()
}

/// The communes file `site.yaml` names (`territoire.communes`), read from a `site.yaml` that
/// may have errors, as [`salvage_extensions`].
pub(crate) fn salvage_communes(text: &str) -> Option<String> {
    let (_, yaml) = without_bom(text);
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).ok()?;
    Some(value.get("territoire")?.get("communes")?.as_str()?.to_string())
}

/// Span of the value at `path` in `site.yaml` (e.g. `["territoire", "communes"]`), or of its
/// first line when the value cannot be found.
pub(crate) fn value_span(sources: &Sources, file: FileId, path: &[&str]) -> std::ops::Range<usize> {
    let (bom, yaml) = without_bom(&sources.get(file).text);
    let path: Vec<Segment> = path.iter().map(|k| Segment::Key(k.to_string())).collect();
    SpanMap::build(yaml).value(&path).map_or(bom..bom, |r| r.start + bom..r.end + bom)
}

/// The YAML text after a byte-order mark, and the mark's length (spans are shifted by it).
fn without_bom(text: &str) -> (usize, &str) {
    let yaml = text.strip_prefix('\u{feff}').unwrap_or(text);
    (text.len() - yaml.len(), yaml)
}

/// The site's own address: an absolute http(s) URL without query or fragment. On error, the
/// refused scheme when there is one.
pub(crate) fn site_url(url: &str) -> Result<(), Option<String>> {
    match url::Url::parse(url) {
        Ok(u)
            if matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some()
                && u.query().is_none()
                && u.fragment().is_none() =>
        {
            Ok(())
        }
        Ok(u) if !matches!(u.scheme(), "http" | "https") => Err(Some(u.scheme().to_string())),
        _ => Err(None),
    }
}

/// A footer link: a path of the site (`/a-propos/`), an http(s) URL or a `mailto:` address.
fn footer_link(url: &str) -> Result<(), Option<String>> {
    if url.starts_with('/') && !url.starts_with("//") {
        return Ok(());
    }
    if let Some(address) = url.strip_prefix("mailto:") {
        return if rules::is_email(address) { Ok(()) } else { Err(None) };
    }
    rules::check_url(url).map(|_| ())
}
