//! Generates a synthetic Rés'IN site with N places and N/2 offers, for measuring builds.
//!
//! ```sh
//! cargo run --release --example generate -- 10000 /tmp/corpus-10000
//! ```
//! The site gets the example's `site.yaml` and pages; places are spread over the communes of
//! `data/territoire/communes-metropole-lyon.csv`, around each commune's centroid (from the
//! outlines in the `.geojson`). The output is deterministic: a fixed pseudo-random sequence.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// A small deterministic pseudo-random generator (xorshift64*): no dependency, same corpus everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn subset<'a>(&mut self, items: &'a [&'a str], max: usize) -> Vec<&'a str> {
        let n = 1 + self.below(max);
        let mut out: Vec<&str> = (0..n).map(|_| *self.pick(items)).collect();
        out.sort();
        out.dedup();
        out
    }
}

const SERVICES: &[&str] = &[
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Insertion professionnelle via le numérique",
    "Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique",
    "Loisirs et créations numériques",
    "Compréhension du monde numérique",
    "Accès internet et matériel informatique",
];
const PUBLICS: &[&str] = &["Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes"];
const KINDS: &[(&str, &str)] = &[
    ("BIB", "Médiathèque"),
    ("CS", "Centre social"),
    ("EPN", "Espace numérique"),
    ("ASSO", "Association numérique"),
    ("MJC", "MJC"),
    ("ML", "Mission locale"),
    ("MUNI", "Mairie annexe"),
    ("CCAS", "CCAS"),
];
const HOURS: &[&str] = &[
    "Mo-Fr 09:00-12:00,14:00-17:00; PH off",
    "Tu,Th 13:30-18:00; We 09:00-12:00,14:00-18:00; Sa 10:00-12:30; PH off",
    "Mo 14:00-18:00; Tu-Fr 09:00-12:30,13:30-17:30",
    "We 14:00-17:00; Sa 09:30-12:30",
    "Mo-Sa 10:00-19:00; PH off",
];
const STREETS: &[&str] = &[
    "rue de la République",
    "avenue Jean Jaurès",
    "place de la Mairie",
    "rue Victor Hugo",
    "boulevard des Écoles",
    "rue du Marché",
];

fn centroids(root: &Path) -> BTreeMap<String, (f64, f64)> {
    let text =
        fs::read_to_string(root.join("data/territoire/communes-metropole-lyon.geojson")).expect("communes outlines");
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid GeoJSON");
    let mut out = BTreeMap::new();
    for feature in json["features"].as_array().expect("features") {
        let code = feature["properties"]["code"].as_str().expect("code").to_string();
        let mut points = Vec::new();
        collect(&feature["geometry"]["coordinates"], &mut points);
        let n = points.len() as f64;
        let (lon, lat) = points.iter().fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
        out.insert(code, (lat / n, lon / n));
    }
    out
}

fn collect(value: &serde_json::Value, out: &mut Vec<(f64, f64)>) {
    match value.as_array() {
        Some(items) if items.first().is_some_and(serde_json::Value::is_number) => {
            out.push((items[0].as_f64().unwrap(), items[1].as_f64().unwrap()));
        }
        Some(items) => items.iter().for_each(|v| collect(v, out)),
        None => {}
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|n| n.parse().ok()).expect("usage: generate N OUT_DIR");
    let out = PathBuf::from(args.next().expect("usage: generate N OUT_DIR"));
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let centroids = centroids(repo);
    let communes: Vec<(String, String, String, (f64, f64))> =
        fs::read_to_string(repo.join("data/territoire/communes-metropole-lyon.csv"))
            .expect("communes")
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut cols = line.split(',');
                let (code, name, postcodes) = (cols.next()?, cols.next()?, cols.next()?);
                // Lyon's arrondissements share Lyon's outline; Lyon itself is left to them.
                let centre = if code.starts_with("6938") {
                    centroids.get("69123")
                } else if code == "69123" {
                    None
                } else {
                    centroids.get(code)
                };
                Some((code.to_string(), name.to_string(), postcodes.split('|').next()?.to_string(), *centre?))
            })
            .collect();

    for dir in ["lieux", "offres", "pages"] {
        fs::create_dir_all(out.join("content").join(dir)).expect("create folders");
    }
    fs::copy(repo.join("content/site.yaml"), out.join("content/site.yaml")).expect("site.yaml");
    fs::create_dir_all(out.join("data/territoire")).expect("create folders");
    let communes_csv = "data/territoire/communes-metropole-lyon.csv";
    fs::copy(repo.join(communes_csv), out.join(communes_csv)).expect("communes list");
    for page in fs::read_dir(repo.join("content/pages")).expect("pages") {
        let page = page.expect("page").path();
        fs::copy(&page, out.join("content/pages").join(page.file_name().unwrap())).expect("copy page");
    }

    let mut rng = Rng(0x5EED_2026);
    for i in 0..count {
        let (code, commune, postcode, (lat, lon)) = rng.pick(&communes).clone();
        let (typ, label) = *rng.pick(KINDS);
        let slug = format!("lieu-{i:05}");
        let mut text = String::new();
        let lat = lat + (rng.unit() - 0.5) * 0.01;
        let lon = lon + (rng.unit() - 0.5) * 0.01;
        writeln!(text, "---\nnom: {label} {commune} n° {i}\npivot: \"{:014}\"", 21690000000000u64 + i as u64).unwrap();
        writeln!(
            text,
            "adresse: {} {}\ncode_postal: \"{postcode}\"\ncommune: {commune}\ncode_insee: \"{code}\"",
            1 + rng.below(120),
            rng.pick(STREETS)
        )
        .unwrap();
        writeln!(text, "latitude: {lat:.5}\nlongitude: {lon:.5}\ntypologie: [{typ}]").unwrap();
        writeln!(text, "telephone: 04 78 {:02} {:02} {:02}", rng.below(100), rng.below(100), rng.below(100)).unwrap();
        writeln!(
            text,
            "courriels: [{slug}@exemple.fr]\nsite_web: [https://exemple.fr/{slug}]\nhoraires: \"{}\"",
            rng.pick(HOURS)
        )
        .unwrap();
        writeln!(text, "presentation_resume: Aide au numérique pour tous les habitants, avec ou sans rendez-vous.")
            .unwrap();
        writeln!(text, "services: [{}]", rng.subset(SERVICES, 3).join(", ")).unwrap();
        if rng.below(2) == 0 {
            writeln!(text, "publics_specifiquement_adresses: [{}]", rng.subset(PUBLICS, 2).join(", ")).unwrap();
        }
        writeln!(text, "frais_a_charge: [Gratuit]\nmodalites_acces: [Se présenter, Téléphoner]").unwrap();
        writeln!(text, "modalites_accompagnement: [Accompagnement individuel, Dans un atelier collectif]").unwrap();
        writeln!(text, "date_maj: 2026-0{}-1{}\n---", 1 + rng.below(9), rng.below(10)).unwrap();
        writeln!(text, "Un lieu d'exemple généré pour mesurer resin.\n\nVenez avec vos identifiants et vos papiers.")
            .unwrap();
        fs::write(out.join("content/lieux").join(format!("{slug}.md")), text).expect("write place");

        if i % 2 == 0 {
            let mut offer = String::new();
            writeln!(
                offer,
                "---\ntitre: Atelier numérique n° {i}\nlieux: [{slug}]\nservices: [{}]",
                rng.pick(SERVICES)
            )
            .unwrap();
            writeln!(offer, "frais_a_charge: [Gratuit]\nmodalites_acces: [Téléphoner]\nmodalites_accompagnement: [Dans un atelier collectif]").unwrap();
            if i % 4 == 0 {
                writeln!(offer, "horaires: \"We 14:00-16:00; PH off\"").unwrap();
            } else {
                writeln!(offer, "seances:\n  - {{ date: 2026-12-0{}, debut: \"14:00\", fin: \"16:00\" }}\n  - {{ date: 2027-01-1{}, debut: \"10:00\", fin: \"12:00\" }}", 1 + rng.below(8), rng.below(10)).unwrap();
            }
            writeln!(offer, "date_maj: 2026-10-01\n---\nSix personnes au plus. Matériel prêté.").unwrap();
            fs::write(out.join("content/offres").join(format!("atelier-{i:05}.md")), offer).expect("write offer");
        }
    }
    eprintln!("{count} lieux et {} offres écrits dans {}", count.div_ceil(2), out.display());
}
