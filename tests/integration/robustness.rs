//! Robustness properties (proptest): arbitrary bytes into the front matter loader, the hours
//! parser and the importer never panic; any generated valid place survives export → import
//! unchanged.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use resin::import::Options;
use resin::internals::standard_record;
use resin::internals::{ImportScope, clean, read};

use crate::support::{SiteTest, TODAY, copy_dir, repo};

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

/// Text that looks like a content file more often than random bytes do: YAML-ish lines,
/// delimiters, quotes, anchors, tabs, BOM, invalid UTF-8.
fn entry_like() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"---\n".to_vec()),
        Just(b"\xEF\xBB\xBF".to_vec()),
        Just(b"nom: ".to_vec()),
        Just(b"horaires: \"Mo-Fr 09:00-12:00\"\n".to_vec()),
        Just(b"services: [".to_vec()),
        Just(b"&a [*a, *a]\n".to_vec()),
        Just(b"- ".to_vec()),
        Just(b"  ".to_vec()),
        Just(b"\t".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just(b"'\"{}|>:#!%@`".to_vec()),
        "[a-z_]{1,10}: [^\n]{0,20}\n".prop_map(String::into_bytes),
        prop::collection::vec(any::<u8>(), 0..16),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_front_matter_loader_never_panics(bytes in prop_oneof![entry_like(), prop::collection::vec(any::<u8>(), 0..512)]) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = resin::internals::parse_entry(&text);
        let _ = resin::internals::parse_yaml(&text);
    }

    #[test]
    fn the_hours_parser_never_panics(text in prop_oneof![
        "[A-Za-z0-9:;,+ \\-\\[\\]\"/]{0,60}",
        "(Mo|Tu|We|Th|Fr|Sa|Su|PH|SH)(-(Mo|Tu|We|Th|Fr|Sa|Su))? [0-9]{1,2}:[0-9]{2}-[0-9]{1,2}:[0-9]{2}(; |, )?(off|PH off)?",
        any::<String>(),
    ]) {
        if let Ok(_hours) = resin::internals::parse_hours(&text) {
            // A value that parses gives a week table, whatever the day.
            let _ = resin::internals::week(&text, today());
            let _ = resin::internals::week(&text, NaiveDate::from_ymd_opt(2027, 12, 31).unwrap());
        }
    }

    #[test]
    fn the_importer_never_panics(bytes in prop_oneof![entry_like(), prop::collection::vec(any::<u8>(), 0..512), csv_like(), json_like()]) {
        let territory = ImportScope { emprise: None, communes: None, today: today(), flags: &[] };
        for name in ["x.csv", "x.json", "x"] {
            if let Ok(file) = read(&bytes, name) {
                for record in &file.records {
                    let cleaned = clean(record, &territory);
                    if let Some(place) = &cleaned.place {
                        let text = resin::internals::new_entry("x", place, today());
                        prop_assert!(resin::internals::parse_entry(&text).is_ok(), "an imported entry must read back:\n{}", text);
                    }
                }
            }
        }
    }
}

/// CSV with the standard's header and arbitrary cells.
fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    let cell = prop_oneof![
        "[^;\n\"]{0,12}",
        Just("\"a;b\nc\"".to_string()),
        Just("04 78 00 00 00".to_string()),
        Just("69008".to_string()),
        Just("Lyon 8e Arrondissement".to_string()),
        Just("2026-01-01".to_string()),
        Just("Gratuit|gratuit|Adhésion : x".to_string()),
        any::<String>().prop_map(|s| s.replace(['\n', ';', '"'], " ")),
    ];
    prop::collection::vec(prop::collection::vec(cell, 0..10), 0..5).prop_map(|rows| {
        let mut out = "nom;adresse;code_postal;commune;telephone;date_maj;frais_a_charge;horaires;latitude;longitude\n"
            .to_string();
        for row in rows {
            out.push_str(&row.join(";"));
            out.push('\n');
        }
        out.into_bytes()
    })
}

/// JSON arrays of objects with arbitrary values.
fn json_like() -> impl Strategy<Value = Vec<u8>> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<f64>().prop_map(|f| serde_json::json!(f)),
        any::<i64>().prop_map(|i| serde_json::json!(i)),
        any::<String>().prop_map(serde_json::Value::String),
    ];
    let value = leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    });
    let key = prop_oneof![
        Just("nom".to_string()),
        Just("adresse".to_string()),
        Just("code_postal".to_string()),
        Just("commune".to_string()),
        Just("services".to_string()),
        Just("latitude".to_string()),
        Just("date_maj".to_string()),
        any::<String>(),
    ];
    prop::collection::vec(prop::collection::btree_map(key, value, 0..8), 0..4)
        .prop_map(|objects| serde_json::to_vec(&objects).unwrap())
}

/// A valid place of the Métropole de Lyon, with every field of the standard drawn at random.
fn place() -> impl Strategy<Value = resin::internals::Place> {
    let words =
        |n: std::ops::Range<usize>| prop::collection::vec("[A-Za-zéèàçÉ][a-zéèêàùç]{0,8}", n).prop_map(|w| w.join(" "));
    let communes = [
        ("Villeurbanne", "69100", "69266", 45.77, 4.88),
        ("Lyon 8e Arrondissement", "69008", "69388", 45.73, 4.87),
        ("Bron", "69500", "69029", 45.73, 4.91),
        ("Oullins-Pierre-Bénite", "69600", "69149", 45.71, 4.81),
    ];
    let subset = |field: &'static str| {
        let values = resin::internals::values(field).to_vec();
        prop::sample::subsequence(values.clone(), 0..=values.len().min(3))
    };
    let hours = prop::sample::select(vec![
        "Mo-Fr 09:00-12:00,14:00-17:00",
        "Tu,Th 13:00-19:00; PH off",
        "We 10:00-12:00; Sa 09:00-12:00",
        "Mo-Su 08:00-20:00",
    ]);
    (
        (
            "[a-z][a-z0-9-]{0,10}",
            prop::option::of("[0-9]{14}"),
            // Two words at least: a `nom` has 3 characters or more (issue 19).
            words(2..4),
            words(1..4).prop_map(|w| format!("{} rue {w}", w.len())),
            prop::option::of(words(1..3)),
            prop::sample::select(communes.to_vec()),
            any::<bool>(),
            prop::option::of((0.0..0.02f64, 0.0..0.02f64)),
        ),
        (
            subset("typologie"),
            prop::option::of("[1-9][0-9]{8}".prop_map(|n| format!("+33{n}"))),
            prop::collection::vec("[a-z]{1,8}@exemple\\.fr", 0..3),
            prop::collection::vec("[a-z]{1,8}".prop_map(|s| format!("https://{s}.exemple.fr/")), 0..3),
            prop::option::of(hours),
            prop::option::of(words(1..10)),
            prop::collection::vec(words(3..20), 0..3).prop_map(|p| p.join("\n\n")),
            (prop::option::of(words(1..3)), prop::option::of(words(1..3))),
        ),
        (
            subset("itinerance"),
            0..330i64,
            subset("services"),
            subset("publics_specifiquement_adresses"),
            subset("prise_en_charge_specifique"),
            subset("frais_a_charge"),
            subset("dispositif_programmes_nationaux"),
            subset("formations_labels"),
        ),
        (
            prop::collection::vec(words(1..3), 0..3),
            subset("modalites_acces"),
            subset("modalites_accompagnement"),
            prop::option::of("[a-z]{1,8}".prop_map(|s| format!("https://acceslibre.exemple.fr/{s}/"))),
            prop::option::of("[a-z]{1,8}".prop_map(|s| format!("https://rdv.exemple.fr/{s}"))),
        ),
    )
        .prop_map(|(a, b, c, d)| {
            let (id, pivot, nom, adresse, complement, commune, with_insee, position) = a;
            let (typologie, telephone, mut courriels, mut site_web, horaires, resume, body, (source, parente)) = b;
            let (itinerance, days, services, publics, prise, frais, dispositifs, labels) = c;
            let (mut autres, acces, accompagnement, fiche, rdv) = d;
            courriels.dedup();
            site_web.dedup();
            autres.dedup();
            let (name, postcode, insee, lat, lon) = commune;
            resin::internals::Place {
                slug: id.clone(),
                file: Default::default(),
                id,
                pivot: pivot.unwrap_or_else(|| "00000000000000".into()),
                nom,
                adresse,
                complement_adresse: complement,
                code_postal: postcode.into(),
                commune: name.into(),
                code_insee: with_insee.then(|| insee.to_string()),
                latitude: position.map(|(dy, _)| ((lat + dy) * 10_000.0).round() / 10_000.0),
                longitude: position.map(|(_, dx)| ((lon + dx) * 10_000.0).round() / 10_000.0),
                typologie,
                telephone,
                courriels,
                site_web,
                horaires: horaires.map(str::to_string),
                presentation_resume: resume,
                presentation_detail: body,
                source,
                structure_parente: parente,
                services,
                publics_specifiquement_adresses: publics,
                prise_en_charge_specifique: prise,
                langues: vec![],
                frais_a_charge: frais,
                dispositif_programmes_nationaux: dispositifs,
                formations_labels: labels,
                autres_formations_labels: autres,
                modalites_acces: acces,
                modalites_accompagnement: accompagnement,
                fiche_acces_libre: fiche,
                prise_rdv: rdv,
                itinerance,
                date_maj: today() - Duration::days(days),
                extensions: Vec::new(),
                pieces_a_apporter: Vec::new(),
                partage_coordonnees_avec: Vec::new(),
                fermetures: Vec::new(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Export a place in the standard's JSON, import it into an empty site, check the site:
    /// the place read back exports to the same record.
    #[test]
    fn any_valid_place_survives_export_then_import(place in place()) {
        let site = SiteTest::new();
        std::fs::copy(repo().join("content/site.yaml"), site.root().join("content/site.yaml")).unwrap();
        copy_dir(&repo().join("data/territoire"), &site.root().join("data/territoire"));
        let exported = resin::internals::places_json(&[std::sync::Arc::new(place.clone())]);
        std::fs::write(site.root().join("export.json"), &exported).unwrap();
        let options = Options { root: site.root().to_path_buf(), file: site.root().join("export.json"), ..Options::default() };
        let report = resin::import::import(&options, today()).unwrap();
        prop_assert_eq!(report.created(), 1, "{}", report);
        prop_assert!(report.problems.is_empty(), "{}", report);
        let checked = resin::check(site.root(), today(), None).unwrap();
        prop_assert_eq!(checked.errors(), 0, "{:?}", checked.diagnostics);
        let site_read = checked.site.unwrap();
        let back = &site_read.entries.places[0];
        prop_assert_eq!(standard_record(back), standard_record(&place));
    }
}
