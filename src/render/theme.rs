//! The theme: Tera templates and static files.
//!
//! The default theme (`themes/resin/`) is embedded in the binary, so a site root holding only
//! `content/` builds. A file of the same name under `<root>/themes/resin/templates/` or
//! `<root>/themes/resin/static/` replaces the embedded one; other files found there are added.
//!
//! A script kept apart by concern in the sources is served as one file: the parts listed in
//! [`JOINED`] (`static/orienter/*.js`) are joined, in the listed order, into their script
//! (`static/orienter.js`) once the site root's files are in, so a part can be overridden alone.

use std::path::{Path, PathBuf};

use tera::Tera;

use crate::Error;

/// Name of the default theme, and of its folder under `themes/`.
pub(crate) const THEME_NAME: &str = "resin";

macro_rules! embedded_templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/resin/templates/", $name)))),*]
    };
}

macro_rules! embedded_static {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../themes/resin/static/", $name)).as_slice())),*]
    };
}

/// The embedded templates: name and text.
pub(crate) const TEMPLATES: &[(&str, &str)] = embedded_templates![
    "base.html",
    "tete.html",
    "macros.html",
    "accueil.html",
    "lieux.html",
    "lieu.html",
    "termes.html",
    "terme.html",
    "offres.html",
    "offre.html",
    "page.html",
    "donnees.html",
    "carte.html",
    "orienter.html",
    "integrer.html",
    "integre.html",
    "404.html",
    "reseau.html",
    "reseau-liste.html",
    "reseau-fiche.html",
    "admin.html",
];

/// The embedded static files: path under `static/` and bytes.
pub(crate) const STATIC: &[(&str, &[u8])] = embedded_static![
    "style.css",
    "favicon.svg",
    "ouverture.js",
    "annuaire/national.js",
    "annuaire/page.js",
    "accueil.js",
    "besoin.js",
    "integrer.js",
    "cartes.js",
    "carte-lieu.js",
    "commun.js",
    "orientation.js",
    "orienter/etat.js",
    "orienter/mots.js",
    "orienter/liste.js",
    "orienter/fiche.js",
    "orienter/page.js",
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet/leaflet.css",
    "vendor/leaflet/LICENSE",
    "vendor/leaflet/images/marker-icon.png",
    "vendor/leaflet/images/marker-icon-2x.png",
    "vendor/leaflet/images/marker-shadow.png",
    "vendor/leaflet.markercluster/leaflet.markercluster.js",
    "vendor/leaflet.markercluster/MarkerCluster.css",
    "vendor/leaflet.markercluster/MIT-LICENCE.txt",
];

/// Scripts whose sources are split by concern but that are served as one file (one request, not
/// five, for old phones on little data): the script's path under `static/`, and its parts' paths
/// under `static/` in the order they are joined. The parts themselves are not published.
///
/// `/orienter/`: `etat.js` creates `window.resinOrienter` (and begins with the file's
/// `'use strict'`), `mots.js`, `liste.js` and `fiche.js` add their functions to it, `page.js`
/// loads the data and binds the events. The directory (`/lieux/`, `/carte/`, the embedded
/// views): `national.js` defines `resinNational`, the national map's links (required alone by
/// the tests in Node), `page.js` the form, the results and the map.
pub(crate) const JOINED: &[(&str, &[&str])] = &[
    ("annuaire.js", &["annuaire/national.js", "annuaire/page.js"]),
    (
        "orienter.js",
        &["orienter/etat.js", "orienter/mots.js", "orienter/liste.js", "orienter/fiche.js", "orienter/page.js"],
    ),
];

/// The web editor's files (`themes/resin/admin/`: Decap CMS and resin's additions), written
/// under `admin/` when `site.yaml` turns web editing on: path under `admin/` and bytes,
/// sorted by path. Listed by `build.rs`.
pub(crate) const ADMIN: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/admin_files.rs"));

/// Templates ready to render, and the static files to copy under `static/`.
pub(crate) struct Theme {
    pub(crate) tera: Tera,
    /// Path under `static/` (with `/` separators) and contents, sorted by path; the [`JOINED`]
    /// scripts joined.
    pub(crate) statics: Vec<(String, Vec<u8>)>,
    /// A hash of every template: pages depend on it (not on the static files, which they only
    /// link to).
    pub(crate) version: u64,
}

impl std::fmt::Debug for Theme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut names: Vec<&str> = self.tera.get_template_names().collect();
        names.sort_unstable();
        f.debug_struct("Theme")
            .field("templates", &names)
            .field("statics", &self.statics.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>())
            .finish()
    }
}

impl Theme {
    /// The embedded theme, overridden file by file by `<site_root>/themes/resin/` when present.
    pub(crate) fn load(site_root: &Path) -> Result<Theme, Error> {
        let folder = site_root.join("themes").join(THEME_NAME);
        let mut templates: Vec<(String, String)> =
            TEMPLATES.iter().map(|(name, text)| (name.to_string(), text.to_string())).collect();
        for (name, path) in files_under(site_root, &folder.join("templates"))? {
            if !name.ends_with(".html") {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
            match templates.iter_mut().find(|(n, _)| *n == name) {
                Some(entry) => entry.1 = text,
                None => templates.push((name, text)),
            }
        }
        let mut statics = embedded_statics();
        for (name, path) in files_under(site_root, &folder.join("static"))? {
            let bytes = std::fs::read(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
            // The embedded file itself (resin's own repository is a site whose theme folder is
            // the embedded theme): its minified version stays.
            if STATIC.iter().any(|(n, embedded)| *n == name && *embedded == bytes.as_slice()) {
                continue;
            }
            match statics.iter_mut().find(|(n, _)| *n == name) {
                Some(entry) => entry.1 = bytes,
                None => statics.push((name, bytes)),
            }
        }
        Theme::from_parts(templates, statics)
    }

    /// The embedded theme alone (the unit tests').
    #[cfg(test)]
    pub(crate) fn embedded() -> Result<Theme, Error> {
        let templates = TEMPLATES.iter().map(|(name, text)| (name.to_string(), text.to_string())).collect();
        Theme::from_parts(templates, embedded_statics())
    }

    fn from_parts(mut templates: Vec<(String, String)>, mut statics: Vec<(String, Vec<u8>)>) -> Result<Theme, Error> {
        templates.sort_by(|a, b| a.0.cmp(&b.0));
        join_scripts(&mut statics);
        statics.sort_by(|a, b| a.0.cmp(&b.0));
        let version = {
            use std::hash::{Hash, Hasher};
            let mut h = std::hash::DefaultHasher::new();
            templates.hash(&mut h);
            h.finish()
        };
        // `Tera::default()` autoescapes `.html`, `.htm` and `.xml` templates: keep it that way.
        let mut tera = Tera::default();
        tera.set_escape_fn(escape_html);
        tera.add_raw_templates(templates).map_err(|e| template_error("du thème", &e))?;
        Ok(Theme { tera, statics, version })
    }

    /// Renders one template; errors name the template and carry Tera's whole explanation.
    pub(crate) fn render(&self, name: &str, context: &tera::Context) -> Result<String, Error> {
        self.tera.render(name, context).map_err(|e| template_error(&format!("« {name} »"), &e))
    }
}

/// The embedded static files, the theme's own scripts and style sheet minified ([`minify`]),
/// once per run.
fn embedded_statics() -> Vec<(String, Vec<u8>)> {
    static MINIFIED: std::sync::OnceLock<Vec<(String, Vec<u8>)>> = std::sync::OnceLock::new();
    MINIFIED
        .get_or_init(|| {
            STATIC
                .iter()
                .map(|(name, bytes)| {
                    let mut bytes = bytes.to_vec();
                    minify(name, &mut bytes);
                    (name.to_string(), bytes)
                })
                .collect()
        })
        .clone()
}

/// Minifies one of the embedded theme's scripts or its style sheet (`minifier`, the crate
/// rustdoc uses): without comments and spaces, `/orienter/` weighs 26 KB less. Only the
/// embedded files, which always end their statements with `;` (the minifier does not insert
/// the semicolons JavaScript would): a site's own files are served as they are. The vendored
/// libraries under `vendor/` come minified.
fn minify(name: &str, bytes: &mut Vec<u8>) {
    if name.starts_with("vendor/") {
        return;
    }
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let small = if name.ends_with(".js") {
        minifier::js::minify(text).to_string()
    } else if name.ends_with(".css") {
        match minifier::css::minify(text) {
            Ok(css) => css.to_string(),
            Err(_) => return,
        }
    } else {
        return;
    };
    *bytes = small.into_bytes();
}

/// Replaces the parts of each [`JOINED`] script by the script: the parts' bytes in order, each
/// followed by a line break when it does not end with one, and by a `;` line when its last
/// character is not a `;` (a part ending in an expression or a comment cannot run into the
/// next, which starts with `(`). The same parts give the same bytes. A script the site root
/// gives whole (`themes/resin/static/orienter.js`) is served as it is, without the parts.
fn join_scripts(statics: &mut Vec<(String, Vec<u8>)>) {
    for (script, parts) in JOINED {
        let mut joined = Vec::new();
        for part in *parts {
            let Some(i) = statics.iter().position(|(name, _)| name == part) else { continue };
            let (_, bytes) = statics.remove(i);
            joined.extend_from_slice(&bytes);
            if !joined.ends_with(b"\n") {
                joined.push(b'\n');
            }
            if joined.trim_ascii_end().last() != Some(&b';') {
                joined.extend_from_slice(b";\n");
            }
        }
        if !statics.iter().any(|(name, _)| name == script) {
            statics.push((script.to_string(), joined));
        }
    }
}

/// Escapes text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"` and
/// `'`. Tera's default also escapes `/`, which is safe but makes every URL six times heavier.
pub(crate) fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A Tera error with its chain of causes (Tera puts the useful part in `source()`).
pub(crate) fn template_error(what: &str, error: &tera::Error) -> Error {
    let mut message = format!("gabarit {what} : {error}");
    let mut cause = std::error::Error::source(error);
    while let Some(c) = cause {
        message.push_str(" : ");
        message.push_str(&c.to_string());
        cause = c.source();
    }
    Error::Template { message }
}

/// Files under `dir` (recursively), as (`/`-separated relative path, full path), sorted by
/// path. A missing folder has no files. The folder must be inside the site at `site_root`,
/// links followed (a link to `.git` would publish it); links inside it are left out.
fn files_under(site_root: &Path, dir: &Path) -> Result<Vec<(String, PathBuf)>, Error> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let inside = match (dir.canonicalize(), site_root.canonicalize()) {
        (Ok(real), Ok(root)) => real.starts_with(root),
        _ => false,
    };
    if !inside {
        let shown = crate::error::shown(dir.strip_prefix(site_root).unwrap_or(dir));
        return Err(Error::Usage(crate::diagnostic::UsageKind::ThemeOutside { folder: shown.to_string() }));
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::Io { path, source: e.into_io_error().unwrap_or_else(|| std::io::Error::other("boucle de liens")) }
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(dir).expect("walkdir stays under its root");
        let parts: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        if parts.iter().any(|p| p.starts_with('.')) {
            continue;
        }
        files.push((parts.join("/"), entry.path().to_path_buf()));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_template_parses() {
        for (name, text) in TEMPLATES {
            // Parse each alone first so a failure names the culprit…
            if let Err(e) = tera::Template::new(name, None, text) {
                panic!("{}", template_error(name, &e));
            }
        }
        // …then together, which also checks `extends` and `import`.
        let theme = Theme::embedded().unwrap_or_else(|e| panic!("{e}"));
        let mut names: Vec<&str> = theme.tera.get_template_names().collect();
        names.sort_unstable();
        assert_eq!(names.len(), TEMPLATES.len());
        assert!(theme.statics.iter().any(|(p, _)| p == "style.css"));
    }

    #[test]
    fn site_root_overrides_a_template_and_adds_static_files() {
        let root = tempfile::tempdir().unwrap();
        let templates = root.path().join("themes/resin/templates");
        std::fs::create_dir_all(&templates).unwrap();
        std::fs::write(
            templates.join("page.html"),
            "{% extends \"base.html\" %}{% block contenu %}AUTRE{% endblock %}",
        )
        .unwrap();
        let statics = root.path().join("themes/resin/static/img");
        std::fs::create_dir_all(&statics).unwrap();
        std::fs::write(statics.join("logo.svg"), "<svg/>").unwrap();
        let theme = Theme::load(root.path()).unwrap();
        let paths: Vec<&str> = theme.statics.iter().map(|(p, _)| p.as_str()).collect();
        assert!(paths.contains(&"img/logo.svg"), "{paths:?}");
        let parts: usize = JOINED.iter().map(|(_, parts)| parts.len()).sum();
        assert_eq!(paths.len(), STATIC.len() - parts + JOINED.len() + 1, "{paths:?}");
        assert!(paths.is_sorted(), "{paths:?}");
        assert!(theme.tera.get_template("page.html").is_ok());
    }

    #[test]
    fn a_broken_override_is_a_template_error_naming_the_file() {
        let root = tempfile::tempdir().unwrap();
        let templates = root.path().join("themes/resin/templates");
        std::fs::create_dir_all(&templates).unwrap();
        std::fs::write(templates.join("lieu.html"), "{% if %}").unwrap();
        let err = Theme::load(root.path()).unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, Error::Template { .. }), "{message}");
        assert!(message.contains("lieu.html"), "{message}");
    }

    fn embedded_bytes(path: &str) -> &'static [u8] {
        STATIC.iter().find(|(p, _)| *p == path).unwrap_or_else(|| panic!("{path} is not embedded")).1
    }

    fn static_file<'a>(theme: &'a Theme, path: &str) -> Option<&'a [u8]> {
        theme.statics.iter().find(|(p, _)| p == path).map(|(_, bytes)| bytes.as_slice())
    }

    fn minified(name: &str) -> Vec<u8> {
        let mut bytes = embedded_bytes(name).to_vec();
        minify(name, &mut bytes);
        bytes
    }

    /// The join's rule ([`join_scripts`]): each part, then a line break and a `;` line when
    /// it needs them.
    fn join(parts: &[Vec<u8>]) -> Vec<u8> {
        let mut joined = Vec::new();
        for part in parts {
            joined.extend_from_slice(part);
            if !joined.ends_with(b"\n") {
                joined.push(b'\n');
            }
            if joined.trim_ascii_end().last() != Some(&b';') {
                joined.extend_from_slice(b";\n");
            }
        }
        joined
    }

    #[test]
    fn the_theme_s_scripts_and_style_sheet_are_minified_not_the_vendored_libraries() {
        let theme = Theme::embedded().unwrap();
        for name in ["style.css", "commun.js", "ouverture.js"] {
            let served = static_file(&theme, name).unwrap();
            assert!(served.len() < embedded_bytes(name).len() * 4 / 5, "{name}");
            assert!(!served.windows(2).any(|w| w == b"/*"), "{name} without comments");
        }
        let leaflet = "vendor/leaflet/leaflet.css";
        assert_eq!(static_file(&theme, leaflet), Some(embedded_bytes(leaflet)));
        assert_eq!(static_file(&theme, "favicon.svg"), Some(embedded_bytes("favicon.svg")));
    }

    #[test]
    fn a_site_root_copy_of_the_embedded_theme_is_minified_as_the_embedded_one() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("themes/resin/static");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("commun.js"), embedded_bytes("commun.js")).unwrap();
        let theme = Theme::load(root.path()).unwrap();
        assert_eq!(static_file(&theme, "commun.js"), Some(minified("commun.js").as_slice()));
    }

    #[test]
    fn a_joined_script_is_its_parts_in_order_and_the_parts_are_not_published() {
        let theme = Theme::embedded().unwrap();
        for (script, parts) in JOINED {
            // Each embedded part ends with `;` and a line break: the join adds nothing.
            let expected: Vec<u8> = parts.iter().flat_map(|part| embedded_bytes(part).to_vec()).collect();
            for part in *parts {
                assert!(embedded_bytes(part).ends_with(b";\n"), "{part}");
                assert!(static_file(&theme, part).is_none(), "{part} is published");
            }
            // The parts' comments say their order.
            let text = String::from_utf8(expected.clone()).unwrap();
            let order =
                parts[1..].iter().map(|part| text.find(&format!("/* {part}")).unwrap_or_else(|| panic!("{part}")));
            assert!(order.collect::<Vec<_>>().is_sorted(), "{script}");
            // Each minified part ends with its `;`: the join adds a line break.
            let served: Vec<Vec<u8>> = parts.iter().map(|part| minified(part)).collect();
            assert!(served.iter().all(|part| part.ends_with(b";")), "{script}");
            assert!(static_file(&theme, script) == Some(join(&served).as_slice()), "{script}");
        }
        let paths: Vec<&str> = theme.statics.iter().map(|(p, _)| p.as_str()).collect();
        assert!(paths.is_sorted(), "{paths:?}");
    }

    #[test]
    fn a_part_from_the_site_root_is_joined_in_its_place_and_cannot_run_into_the_next() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("themes/resin/static/orienter");
        std::fs::create_dir_all(&folder).unwrap();
        // No line break, no `;`: the next part starts with `(` and would call this one.
        std::fs::write(folder.join("mots.js"), "window.autre = function () {} // fin").unwrap();
        let theme = Theme::load(root.path()).unwrap();
        let joined = static_file(&theme, "orienter.js").unwrap();
        // The site's own part as it is, between the embedded ones, minified; the `;` line keeps
        // the next part from calling it.
        let parts = [
            minified("orienter/etat.js"),
            b"window.autre = function () {} // fin".to_vec(),
            minified("orienter/liste.js"),
            minified("orienter/fiche.js"),
            minified("orienter/page.js"),
        ];
        assert!(joined == join(&parts).as_slice(), "{}", String::from_utf8_lossy(joined));
        assert!(String::from_utf8_lossy(joined).contains("window.autre = function () {} // fin\n;\n"));
        assert!(theme.statics.iter().all(|(p, _)| !p.starts_with("orienter/")));
    }

    #[test]
    fn a_whole_script_or_style_sheet_from_the_site_root_is_served_as_it_is() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("themes/resin/static");
        std::fs::create_dir_all(folder.join("orienter")).unwrap();
        // Not minified either: a site's script may leave out semicolons, which the minifier
        // would not put back.
        std::fs::write(folder.join("orienter.js"), "/* tout */\nvar a = 1\nvar b = 2\n").unwrap();
        std::fs::write(folder.join("orienter/mots.js"), "/* ignoré */\n").unwrap();
        std::fs::write(folder.join("style.css"), "/* le site */\nbody { color: navy; }\n").unwrap();
        let theme = Theme::load(root.path()).unwrap();
        assert_eq!(static_file(&theme, "orienter.js"), Some(b"/* tout */\nvar a = 1\nvar b = 2\n".as_slice()));
        assert_eq!(static_file(&theme, "style.css"), Some(b"/* le site */\nbody { color: navy; }\n".as_slice()));
        assert!(theme.statics.iter().all(|(p, _)| !p.starts_with("orienter/")));
    }
}
