//! The JSON Schemas (draft 2020-12) of the front matters, made from the table of fields, for
//! editors (`resin schema`, `resin new site`) and the web editor.

use serde_json::{Map, Value, json};

use super::extension::{Extension, ExtensionType, Extensions};
use super::{Field, Type, fields, pattern, type_name};
use crate::communes::Commune;
use crate::load::EntryKind;
use crate::model::Section;
use crate::vocab;

/// French title of a type's schema.
fn type_title(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Place => "Lieu de médiation numérique",
        EntryKind::Offer => "Offre : atelier, permanence, formation",
        EntryKind::Page => "Page libre",
        EntryKind::Network(Section::News) => "Actualité de l'espace réseau",
        EntryKind::Network(Section::CallsForProjects) => "Appel à projets",
        EntryKind::Network(Section::GoodPractices) => "Bonne pratique",
        EntryKind::Network(Section::Exchange) => "Annonce de la bourse d'échanges",
        EntryKind::Network(Section::Agenda) => "Événement du réseau",
    }
}

const SLUG: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// A value, or a list of them (resin reads a single value as a one-item list).
fn one_or_list(item: Value) -> Value {
    json!({ "anyOf": [item.clone(), { "type": "array", "items": item }] })
}

/// The JSON Schema of one value of `kind`.
fn value_schema(kind: Type) -> Value {
    let text = json!({ "type": "string", "minLength": 1 });
    match kind {
        Type::Text | Type::Hours => text,
        Type::Short(max) => json!({ "type": "string", "minLength": 1, "maxLength": max }),
        Type::Code(_) | Type::Time | Type::Url | Type::Email | Type::Phone => {
            json!({ "type": "string", "pattern": pattern(kind) })
        }
        Type::Number => json!({ "type": "number" }),
        Type::Integer => json!({ "type": "integer", "minimum": 0 }),
        Type::Date => json!({ "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }),
        Type::Texts => one_or_list(text),
        Type::Urls => one_or_list(value_schema(Type::Url)),
        Type::Emails => one_or_list(value_schema(Type::Email)),
        Type::Vocabulary(field) => one_or_list(json!({ "type": "string", "enum": vocab::values(field) })),
        Type::Languages => {
            let codes: Vec<&str> = crate::languages::all().iter().map(|l| l.code).collect();
            one_or_list(json!({ "type": "string", "enum": codes }))
        }
        Type::Choice(values) => json!({ "type": "string", "enum": values }),
        Type::Place => json!({ "type": "string", "pattern": SLUG }),
        Type::Places => one_or_list(value_schema(Type::Place)),
        Type::Tags => one_or_list(json!({ "type": "string", "minLength": 2, "maxLength": 40 })),
        Type::File => json!({ "type": "string", "pattern": "^[^/\\\\][^\\\\]*\\.[A-Za-z0-9]+$" }),
        Type::Sessions => json!({
            "type": "array",
            "items": {
                "type": "object",
                "properties": super::SESSION
                    .iter()
                    .map(|(name, kind)| (name.to_string(), value_schema(*kind)))
                    .collect::<Map<String, Value>>(),
                "required": super::session_names(),
                "additionalProperties": false,
            },
        }),
        Type::Closures => json!({
            "type": "array",
            "items": {
                "type": "object",
                "properties": super::CLOSURE
                    .iter()
                    .map(|field| (field.name.to_string(), field_schema(field)))
                    .collect::<Map<String, Value>>(),
                "required": ["du", "au"],
                "additionalProperties": false,
            },
        }),
        Type::Attachments => json!({
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "fichier": value_schema(Type::File),
                    "titre": { "type": "string", "minLength": 1 },
                },
                "required": ["fichier", "titre"],
                "additionalProperties": false,
            },
        }),
    }
}

/// The JSON Schema of a field: an optional field may also be left empty (`""`, `[]` or
/// nothing), as the scaffolds leave them.
fn field_schema(field: &Field) -> Value {
    let mut schema = value_schema(field.kind);
    if !field.required {
        schema = json!({ "anyOf": [schema, { "type": "null" }, { "const": "" }, { "const": [] }] });
    }
    let Value::Object(mut object) = schema else { unreachable!("schemas are objects") };
    object.insert("title".into(), json!(field.title));
    object.insert("description".into(), json!(field.description));
    Value::Object(object)
}

/// The JSON Schema of a territorial field.
fn extension_schema(e: &Extension) -> Value {
    let value = match e.kind {
        ExtensionType::Boolean => json!({ "type": ["boolean", "string"], "enum": [true, false, "oui", "non"] }),
        ExtensionType::Text => json!({ "type": "string" }),
        ExtensionType::Choice => json!({ "type": "string", "enum": e.valeurs }),
        ExtensionType::Url => value_schema(Type::Url),
        ExtensionType::Date => value_schema(Type::Date),
        ExtensionType::Unknown => json!({}),
    };
    let mut description = format!("Champ propre au territoire (site.yaml) : {}", e.kind.expected());
    if let Some(aide) = &e.aide {
        description = format!("{aide}. {description}");
    }
    json!({ "anyOf": [value, { "type": "null" }], "title": e.libelle, "description": description })
}

/// What a site adds to its schemas: the territorial fields its `site.yaml` declares, and the
/// communes of its territory, whose postcodes and INSEE code a place's must be (the table the
/// web editor fills them from).
#[derive(Debug, Default)]
pub struct SchemaSite {
    /// The territorial fields.
    pub extensions: Extensions,
    communes: Vec<Commune>,
}

impl SchemaSite {
    /// A site with these territorial fields and communes.
    pub(crate) fn new(extensions: Extensions, communes: Vec<Commune>) -> SchemaSite {
        SchemaSite { extensions, communes }
    }
}

/// For each commune, the postcodes and the INSEE code of a place there, as `check` requires
/// them (`validate::place::check_commune`).
fn commune_codes(communes: &[Commune]) -> Vec<Value> {
    communes
        .iter()
        .map(|c| {
            json!({
                "if": { "properties": { "commune": { "const": c.nom } }, "required": ["commune"] },
                "then": { "properties": {
                    "code_postal": { "enum": c.codes_postaux },
                    "code_insee": { "anyOf": [{ "const": c.code_insee }, { "type": "null" }, { "const": "" }] },
                } },
            })
        })
        .collect()
}

/// The JSON Schema (draft 2020-12) of the front matter of `kind`, with the territorial fields
/// and the communes of `site`.
pub fn json_schema(kind: EntryKind, site: &SchemaSite) -> Value {
    let extensions = &site.extensions;
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in fields(kind) {
        properties.insert(field.name.into(), field_schema(field));
        if field.required {
            required.push(field.name);
        }
    }
    let declared = match kind {
        EntryKind::Place => &extensions.lieux[..],
        EntryKind::Offer => &extensions.offres[..],
        _ => &[],
    };
    for e in declared {
        properties.insert(e.nom.clone(), extension_schema(e));
    }
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": type_title(kind),
        "description": format!(
            "L'en-tête d'une fiche de content/{}/ (entre les deux lignes ---), généré par resin schema.",
            kind.folder()
        ),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    });
    // An image needs its alternative text.
    if kind == EntryKind::Network(Section::News) {
        schema["dependentRequired"] = json!({ "image": ["image_alt"] });
    }
    if kind == EntryKind::Place && !site.communes.is_empty() {
        schema["allOf"] = json!(commune_codes(&site.communes));
    }
    // Which of two fields: an offer has hours or sessions; an event a place or an address; an
    // ad a way to be answered.
    let alternatives: &[&[&str]] = match kind {
        EntryKind::Offer => &[&["horaires", "seances"]],
        EntryKind::Network(Section::Agenda) => &[&["lieu", "adresse"]],
        EntryKind::Network(Section::Exchange) => &[&["courriel", "telephone"]],
        _ => &[],
    };
    for pair in alternatives {
        let given =
            |name: &str| json!({ "required": [name], "properties": { name: { "not": { "enum": [null, "", []] } } } });
        let rule = if kind == EntryKind::Network(Section::Exchange) {
            json!({ "anyOf": pair.iter().map(|n| given(n)).collect::<Vec<_>>() })
        } else {
            json!({ "oneOf": pair.iter().map(|n| given(n)).collect::<Vec<_>>() })
        };
        schema["allOf"] = json!([rule]);
    }
    schema
}

/// The JSON Schema of `kind` as the text of its file.
pub fn text(kind: EntryKind, site: &SchemaSite) -> String {
    serde_json::to_string_pretty(&json_schema(kind, site)).expect("plain data serialises") + "\n"
}

/// Writes `<type>.schema.json` of each of `kinds` into `dir` (created if needed); returns the
/// files written.
pub fn write(
    dir: &std::path::Path,
    kinds: &[EntryKind],
    site: &SchemaSite,
) -> Result<Vec<std::path::PathBuf>, crate::Error> {
    let io = |path: &std::path::Path| {
        let path = path.to_path_buf();
        move |source| crate::Error::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mut written = Vec::new();
    for &kind in kinds {
        let path = dir.join(format!("{}.schema.json", type_name(kind)));
        std::fs::write(&path, text(kind, site)).map_err(io(&path))?;
        written.push(path);
    }
    Ok(written)
}
