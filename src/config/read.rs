//! `site.yaml` read with the field reader, a mapping at a time: each function reads one block
//! into its struct, and its list of known keys gives the suggestions for misspelt ones. A
//! missing or ill-typed value is reported and replaced by a default: the caller refuses a file
//! that has any problem, so the defaults never reach a site.

use crate::schema::reader::Fields;

use super::{
    Bounds, Edition, Extension, ExtensionType, Extensions, FooterLink, Forge, Licence, MapConfig, Need, Orientation,
    Point, SiteConfig, Territory,
};

/// The keys of the top level of `site.yaml`.
pub(super) const SITE: &[&str] = &[
    "titre",
    "description",
    "url",
    "territoire",
    "carte",
    "contact",
    "signalement",
    "source_donnees",
    "licence_donnees",
    "exemple",
    "pied_de_page",
    "extensions",
    "edition_en_ligne",
    "orientation",
];
const TERRITOIRE: &[&str] = &["nom", "emprise", "centre", "zoom", "communes"];
const EMPRISE: &[&str] = &["ouest", "sud", "est", "nord"];
const POINT: &[&str] = &["latitude", "longitude"];
const CARTE: &[&str] = &["tuiles", "attribution"];
const LICENCE: &[&str] = &["nom", "url"];
const LIEN: &[&str] = &["titre", "url"];
const EXTENSIONS: &[&str] = &["lieux", "offres"];
const EXTENSION: &[&str] = &["nom", "libelle", "type", "valeurs", "filtre", "aide"];
const EDITION: &[&str] = &["forge", "depot", "branche", "relecture", "adresse", "application"];
const ORIENTATION: &[&str] = &["demandes"];
const DEMANDE: &[&str] = &["libelle", "services", "a_apporter"];

/// A required text; a missing one is reported.
fn required(f: &mut Fields<'_>, name: &str) -> String {
    f.required_text(name).unwrap_or_default()
}

/// A required number; a missing one is reported.
fn required_number(f: &mut Fields<'_>, name: &str) -> f64 {
    if f.raw(name).is_none() {
        f.missing(name);
    }
    f.number(name).unwrap_or_default()
}

/// A required block, read by `read`; a missing one is reported.
fn required_section<T: Default>(
    f: &mut Fields<'_>,
    name: &str,
    known: &'static [&'static str],
    read: impl FnOnce(&mut Fields<'_>) -> T,
) -> T {
    f.section(name, known, read).unwrap_or_else(|| {
        f.missing(name);
        T::default()
    })
}

/// The whole file.
pub(super) fn site(f: &mut Fields<'_>) -> SiteConfig {
    SiteConfig {
        titre: required(f, "titre"),
        description: required(f, "description"),
        url: required(f, "url"),
        territoire: required_section(f, "territoire", TERRITOIRE, territory),
        carte: f.section("carte", CARTE, map).unwrap_or_default(),
        contact: required(f, "contact"),
        signalement: f.text("signalement"),
        source_donnees: f.text("source_donnees"),
        licence_donnees: f.section("licence_donnees", LICENCE, licence).unwrap_or_default(),
        exemple: f.boolean("exemple").unwrap_or_default(),
        pied_de_page: f
            .records("pied_de_page", LIEN, |f| FooterLink { titre: required(f, "titre"), url: required(f, "url") }),
        extensions: f.section("extensions", EXTENSIONS, extensions).unwrap_or_default(),
        edition_en_ligne: f.section("edition_en_ligne", EDITION, edition),
        orientation: f.section("orientation", ORIENTATION, orientation).unwrap_or_default(),
    }
}

fn territory(f: &mut Fields<'_>) -> Territory {
    // An empty `communes: ""` is a path that names nothing, reported as such by the communes'
    // loader, not a value left out.
    let written = matches!(f.value("communes"), Some(serde_yaml::Value::String(_)));
    let communes = f.text("communes").or_else(|| written.then(String::new));
    Territory {
        nom: required(f, "nom"),
        emprise: required_section(f, "emprise", EMPRISE, |f| Bounds {
            ouest: required_number(f, "ouest"),
            sud: required_number(f, "sud"),
            est: required_number(f, "est"),
            nord: required_number(f, "nord"),
        }),
        centre: required_section(f, "centre", POINT, |f| Point {
            latitude: required_number(f, "latitude"),
            longitude: required_number(f, "longitude"),
        }),
        zoom: zoom(f),
        communes,
    }
}

/// `zoom`: a whole number a map takes, 11 when absent.
fn zoom(f: &mut Fields<'_>) -> u8 {
    let Some(zoom) = f.whole_number("zoom") else { return super::default_zoom() };
    u8::try_from(zoom).unwrap_or_else(|_| {
        let kind = crate::diagnostic::Kind::WrongType {
            field: f.label("zoom"),
            expected: crate::diagnostic::Shape::Zoom,
            found: crate::diagnostic::Shape::LargerNumber,
        };
        f.report(kind, &[crate::load::Segment::Key("zoom".into())]);
        super::default_zoom()
    })
}

fn map(f: &mut Fields<'_>) -> MapConfig {
    MapConfig { tuiles: required(f, "tuiles"), attribution: required(f, "attribution") }
}

fn licence(f: &mut Fields<'_>) -> Licence {
    Licence { nom: required(f, "nom"), url: required(f, "url") }
}

fn extensions(f: &mut Fields<'_>) -> Extensions {
    Extensions { lieux: f.records("lieux", EXTENSION, extension), offres: f.records("offres", EXTENSION, extension) }
}

fn extension(f: &mut Fields<'_>) -> Extension {
    let kind = match f.required_text("type").as_deref() {
        Some("booleen") => ExtensionType::Boolean,
        Some("texte") => ExtensionType::Text,
        Some("choix") => ExtensionType::Choice,
        Some("url") => ExtensionType::Url,
        Some("date") => ExtensionType::Date,
        _ => ExtensionType::Unknown,
    };
    Extension {
        nom: required(f, "nom"),
        libelle: required(f, "libelle"),
        kind,
        valeurs: f.list("valeurs").into_iter().map(|(value, _)| value).collect(),
        filtre: f.boolean("filtre").unwrap_or_default(),
        aide: f.text("aide"),
    }
}

fn edition(f: &mut Fields<'_>) -> Edition {
    let forge = match f.required_text("forge").as_deref() {
        Some("github") => Forge::Github,
        Some("gitlab") => Forge::Gitlab,
        Some("git-gateway") => Forge::GitGateway,
        _ => Forge::Unknown,
    };
    Edition {
        forge,
        depot: f.text("depot"),
        branche: f.text("branche").unwrap_or_else(super::default_branch),
        relecture: f.boolean("relecture").unwrap_or(true),
        adresse: f.text("adresse"),
        application: f.text("application"),
    }
}

fn orientation(f: &mut Fields<'_>) -> Orientation {
    Orientation {
        demandes: f.records("demandes", DEMANDE, |f| {
            if f.value("services").is_none() {
                f.missing("services");
            }
            Need {
                libelle: required(f, "libelle"),
                services: f.vocabulary("services"),
                a_apporter: f.texts("a_apporter"),
            }
        }),
    }
}
