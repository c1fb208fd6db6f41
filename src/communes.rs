//! The communes of the territory (`territoire.communes` in `site.yaml`): a CSV of
//! `code_insee,nom,codes_postaux` (postcodes joined with `|`) and, optionally, the
//! `latitude,longitude` of each commune's centre, as in
//! `data/territoire/communes-metropole-lyon.csv`. With it, a place's `commune`, `code_insee`
//! and `code_postal` are checked against each other; the centres let a resident without
//! geolocation sort places by distance from their commune.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use serde::Deserialize;

use crate::diagnostic::{Kind, SiteKind};
use crate::suggest;

/// One commune.
#[derive(Debug, Clone, Deserialize)]
pub struct Commune {
    /// INSEE code.
    pub code_insee: String,
    /// Name as INSEE spells it.
    pub nom: String,
    /// Postcodes, `|`-separated in the file.
    #[serde(deserialize_with = "split_bar")]
    pub codes_postaux: Vec<String>,
    /// Latitude of the commune's centre (WGS 84), when the file gives it.
    #[serde(default)]
    pub latitude: Option<f64>,
    /// Longitude of the commune's centre.
    #[serde(default)]
    pub longitude: Option<f64>,
}

fn split_bar<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let text = String::deserialize(d)?;
    Ok(text.split('|').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
}

impl Commune {
    /// The commune's centre (latitude, longitude), when the file gives both.
    pub fn centre(&self) -> Option<(f64, f64)> {
        self.latitude.zip(self.longitude).filter(|(lat, lon)| lat.is_finite() && lon.is_finite())
    }
}

/// The communes, by name and by INSEE code.
#[derive(Debug, Clone, Default)]
pub struct Communes {
    by_name: BTreeMap<String, Commune>,
    by_code: BTreeMap<String, String>,
}

/// Slug of a commune name, as used in `/communes/<slug>/`: two spellings of one commune
/// share a page when they share a slug.
pub(crate) fn slug(name: &str) -> String {
    slug::slugify(name)
}

/// A commune's name folded for comparison: no case, accents or hyphens, and the ways people
/// shorten names written out (« St » and « Ste » for « Saint » and « Sainte », « arr. » for
/// « arrondissement », « 7ème », « 7eme », « 07 » and « Lyon7 » for « 7e », « 1 » for « 1er »).
fn plain(name: &str) -> String {
    let folded = suggest::fold(&name.replace(['-', '.', ','], " "));
    // A number stuck to a word (« lyon7 ») is a word of its own.
    let mut spaced = String::with_capacity(folded.len() + 2);
    let mut previous = ' ';
    for c in folded.chars() {
        if c.is_ascii_digit() && previous.is_alphabetic() {
            spaced.push(' ');
        }
        spaced.push(c);
        previous = c;
    }
    let word = |w: &str| -> String {
        let digits = w.trim_start_matches('0');
        let number = digits.len() - digits.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (n, suffix) = digits.split_at(number);
        match (n, suffix, w) {
            ("1", "" | "e" | "er" | "ere" | "eme" | "ieme", _) => "1er".into(),
            (n, "" | "e" | "eme" | "ieme" | "em", _) if !n.is_empty() => format!("{n}e"),
            (_, _, "st") => "saint".into(),
            (_, _, "ste") => "sainte".into(),
            (_, _, "arr" | "arrt") => "arrondissement".into(),
            _ => w.into(),
        }
    };
    spaced.split_whitespace().map(word).collect::<Vec<_>>().join(" ")
}

/// Whether two names (of [`plain`]) differ only by a typo in what tells them apart: the words
/// they share (« arrondissement », « saint ») say nothing, and their numbers must be the same.
/// So « paris 1er arrondissement » is not « lyon 1er arrondissement », nor « lyon 10e » « lyon
/// 1er », nor « rion » « mions »; « villeurbane » is « villeurbanne ».
fn same_place(written: &str, known: &str) -> bool {
    let numbers = |text: &str| {
        let mut n: Vec<String> =
            text.split(' ').filter(|w| w.starts_with(|c: char| c.is_ascii_digit())).map(str::to_string).collect();
        n.sort_unstable();
        n
    };
    if numbers(written) != numbers(known) {
        return false;
    }
    let words = |text: &str| text.split(' ').map(str::to_string).collect::<Vec<_>>();
    let (written_words, known_words) = (words(written), words(known));
    let own = |of: &[String], other: &[String]| of.iter().filter(|w| !other.contains(w)).cloned().collect::<Vec<_>>();
    let (a, b) = (own(&written_words, &known_words).join(" "), own(&known_words, &written_words).join(" "));
    let distance = strsim::levenshtein(&a, &b);
    let longest = a.chars().count().max(b.chars().count());
    // One slip in a short word; in a longer one two, or three in ten.
    if longest <= 5 { distance <= 1 } else { distance <= 2 || distance * 10 <= longest * 3 }
}

impl Communes {
    /// Reads the CSV at `relative` (a path inside the site root, links followed only inside it).
    pub fn load(root: &Path, relative: &str) -> Result<Communes, Kind> {
        let inside =
            !relative.trim().is_empty() && Path::new(relative).components().all(|c| matches!(c, Component::Normal(_)));
        let path = || relative.to_string();
        if !inside {
            return Err(Kind::Site(SiteKind::CommunesPath { path: path() }));
        }
        let file = root.join(relative);
        // A symbolic link may lead anywhere: as in `content/`, only inside the site.
        if let (Ok(real), Ok(site)) = (file.canonicalize(), root.canonicalize())
            && !real.starts_with(site)
        {
            return Err(Kind::SymlinkOutside { path: path() });
        }
        if file.is_dir() {
            return Err(Kind::Site(SiteKind::CommunesFolder { path: path() }));
        }
        // A named pipe would be waited on forever (issue 19).
        if std::fs::metadata(&file).is_ok_and(|m| !m.is_file()) {
            return Err(Kind::Site(SiteKind::CommunesNotAFile { path: path() }));
        }
        let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_path(&file).map_err(|e| {
            Kind::Site(match e.kind() {
                csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::NotFound => {
                    SiteKind::CommunesNotFound { path: path() }
                }
                _ => SiteKind::CommunesUnreadable { path: path(), error: e.to_string() },
            })
        })?;
        let mut communes = Communes::default();
        for (i, row) in reader.deserialize::<Commune>().enumerate() {
            let commune =
                row.map_err(|e| Kind::Site(SiteKind::CommunesRow { path: path(), line: i + 2, error: e.to_string() }))?;
            communes.by_code.insert(commune.code_insee.clone(), commune.nom.clone());
            communes.by_name.insert(commune.nom.clone(), commune);
        }
        if communes.is_empty() {
            return Err(Kind::Site(SiteKind::CommunesEmpty { path: path() }));
        }
        Ok(communes)
    }

    /// The commune with exactly this name.
    pub fn get(&self, name: &str) -> Option<&Commune> {
        self.by_name.get(name)
    }

    /// The commune with this INSEE code.
    pub fn by_code(&self, code: &str) -> Option<&Commune> {
        self.by_code.get(code).and_then(|name| self.by_name.get(name))
    }

    /// The name closest to a misspelt one: a typo, a different case or accents, or a name that
    /// contains it ("Lyon 4e" → "Lyon 4e Arrondissement", "PIERRE BENITE" → "Oullins-Pierre-Bénite").
    pub fn closest(&self, name: &str) -> Option<&str> {
        let folded = plain(name);
        let names = || self.by_name.keys().map(String::as_str);
        // Same name but for case, accents, hyphens and the usual short forms; then a longer
        // official name that holds it; then a typo in what tells two communes apart.
        names()
            .find(|n| plain(n) == folded)
            .or_else(|| (folded.chars().count() >= 4).then(|| names().find(|n| plain(n).contains(&folded))).flatten())
            .or_else(|| {
                names()
                    .map(|n| (n, plain(n)))
                    .filter(|(_, known)| same_place(&folded, known))
                    .min_by_key(|(n, known)| (strsim::levenshtein(&folded, known), *n))
                    .map(|(n, _)| n)
            })
    }

    /// Every commune, by name.
    pub fn iter(&self) -> impl Iterator<Item = &Commune> {
        self.by_name.values()
    }

    /// Number of communes.
    pub fn len(&self) -> usize {
        self.by_name.len()
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lyon() -> Communes {
        Communes::load(Path::new(env!("CARGO_MANIFEST_DIR")), "data/territoire/communes-metropole-lyon.csv").unwrap()
    }

    #[test]
    fn loads_the_metropole() {
        let communes = lyon();
        assert_eq!(communes.len(), 67);
        assert_eq!(communes.get("Villeurbanne").unwrap().codes_postaux, ["69100"]);
        assert_eq!(communes.by_code("69388").unwrap().nom, "Lyon 8e Arrondissement");
    }

    #[test]
    fn suggests_the_insee_spelling() {
        let communes = lyon();
        assert_eq!(communes.closest("villeurbane"), Some("Villeurbanne"));
        assert_eq!(communes.closest("Lyon 4e"), Some("Lyon 4e Arrondissement"));
        assert_eq!(communes.closest("PIERRE BENITE"), Some("Oullins-Pierre-Bénite"));
        assert_eq!(communes.closest("Paris"), None);
        // Far from what was written: no suggestion (it once was « Lyon 7e Arrondissement »).
        assert_eq!(communes.closest("Paris 1er Arrondissement"), None);
        assert_eq!(communes.closest("Marseille 7e Arrondissement"), None);
        assert_eq!(communes.closest("Saint-Étienne"), None);
        assert_eq!(communes.closest("Lyon 4eme Arrondissement"), Some("Lyon 4e Arrondissement"));
        assert_eq!(communes.closest("Saint-Priets"), Some("Saint-Priest"));
        assert_eq!(communes.closest("Caluire et Cuir"), Some("Caluire-et-Cuire"));
        assert_eq!(communes.closest("Venisieux"), Some("Vénissieux"));
        for (written, known) in [
            ("Lyon 7ème", Some("Lyon 7e Arrondissement")),
            ("Lyon 7e arr.", Some("Lyon 7e Arrondissement")),
            ("Lyon 07", Some("Lyon 7e Arrondissement")),
            ("Lyon7", Some("Lyon 7e Arrondissement")),
            ("Lyon 1", Some("Lyon 1er Arrondissement")),
            ("St Priest", Some("Saint-Priest")),
            ("St-Priest", Some("Saint-Priest")),
            ("Ste Foy les Lyon", Some("Sainte-Foy-lès-Lyon")),
            ("Lyon 10e Arrondissement", None),
            ("Rion", None),
        ] {
            assert_eq!(communes.closest(written), known, "{written}");
        }
    }

    #[test]
    fn refuses_paths_outside_the_root_folders_and_empty_lists() {
        assert!(Communes::load(Path::new("."), "../etc/passwd").is_err());
        assert!(Communes::load(Path::new("."), "/etc/passwd").is_err());
        assert!(Communes::load(Path::new("."), "").is_err());
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert!(Communes::load(root, "data").unwrap_err().to_string().contains("est un dossier"));
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("c.csv"), "code_insee,nom,codes_postaux\n").unwrap();
        assert!(Communes::load(dir.path(), "c.csv").unwrap_err().to_string().contains("est vide"));
        std::fs::write(dir.path().join("d.csv"), "code_insee,nom,codes_postaux\n69266 , Villeurbanne ,69100\n")
            .unwrap();
        let loaded = Communes::load(dir.path(), "d.csv").unwrap();
        assert_eq!(loaded.get("Villeurbanne").unwrap().centre(), None, "the centre columns are optional");
    }

    #[test]
    fn every_commune_of_the_metropole_has_a_centre_inside_the_territory() {
        for commune in lyon().iter() {
            let (lat, lon) = commune.centre().unwrap_or_else(|| panic!("{} has no centre", commune.nom));
            assert!((45.55..45.94).contains(&lat) && (4.68..5.07).contains(&lon), "{}: {lat},{lon}", commune.nom);
        }
        let lyon = lyon();
        let (lat, lon) = lyon.get("Lyon 8e Arrondissement").unwrap().centre().unwrap();
        assert!((lat - 45.735).abs() < 0.01 && (lon - 4.869).abs() < 0.01);
    }
}
