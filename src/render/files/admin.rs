//! The web editor at `/admin/`: Decap CMS, configured from the content model ([`schema`]).
//!
//! Present only when `site.yaml` has `edition_en_ligne`. `config.yml` gives Decap one
//! collection per type of entry (`content/lieux/`, `content/offres/`…), and every field of
//! the model its French label, its explanation, whether it is required and the widget that
//! fits its values: a list to pick from for each vocabulary of the standard, a date picker
//! for dates, a search among the places for the places an entry names, a map for a place's
//! position, a Markdown editor for the text. What the editor saves is checked by `resin
//! check` in CI like any other change.

use serde_json::{Value, json};

use crate::config::{Edition, Extension, ExtensionType, Forge};
use crate::diagnostic::Kind;
use crate::index::Site;
use crate::load::EntryKind;
use crate::model::{OfferKind, Section};
use crate::render::labels;
use crate::schema::{self, Field, Type};

/// The folder of the editor in the output.
pub(crate) const DIR: &str = "admin";

/// Decap's widget for `field` of `kind`, with the options it needs.
fn widget(kind: EntryKind, field: &Field, site: &Site) -> Value {
    // The map edits both coordinates; the longitude goes with it.
    if kind == EntryKind::Place && field.name == "latitude" {
        let config = &site.config;
        // Where to look first: the centre of the commune chosen, when the list gives it.
        let communes: serde_json::Map<String, Value> =
            site.centres.iter().filter_map(|c| Some((c.nom.clone(), json!([c.latitude?, c.longitude?])))).collect();
        return json!({
            "widget": "resin-position",
            "centre": [config.territoire.centre.latitude, config.territoire.centre.longitude],
            "zoom": config.territoire.zoom,
            "tuiles": config.carte.tuiles,
            "attribution": config.carte.attribution,
            "communes": communes,
        });
    }
    if kind == EntryKind::Place && field.name == "longitude" {
        return json!({ "widget": "hidden" });
    }
    // The territory's communes, when its list is known (a place's; an event or an ad may be
    // elsewhere); the commune chosen fills the postcode and the INSEE code.
    if kind == EntryKind::Place && !site.centres.is_empty() {
        match field.name {
            "commune" => {
                let mut names: Vec<&str> = site.centres.iter().map(|c| c.nom.as_str()).collect();
                names.sort_by_cached_key(|name| crate::suggest::fold(name));
                return json!({ "widget": "select", "options": names });
            }
            "code_postal" | "code_insee" => return from_commune(field, site),
            _ => {}
        }
    }
    // The date of the last check is today's at every save (resin-formulaire.js).
    if field.name == "date_maj" {
        return json!({ "widget": "resin-date-du-jour" });
    }
    match field.kind {
        Type::Text => json!({ "widget": "string" }),
        // A week of days and time ranges that writes the OSM value (resin-horaires.js); the
        // value itself in its expert mode. A closure's reduced hours get the same grid.
        Type::Hours => json!({ "widget": "resin-horaires" }),
        Type::Phone | Type::Code(_) | Type::Email => checked(field.name, field.kind),
        Type::Short(max) => {
            let message = Kind::TooLong { field: field.name.into(), max, len: 0 }.form_help();
            json!({ "widget": "text", "motif": format!("^[\\s\\S]{{0,{max}}}$"), "message": message })
        }
        Type::Number => json!({ "widget": "number", "value_type": "float" }),
        Type::Integer => json!({ "widget": "number", "value_type": "int", "min": 0 }),
        Type::Date => date(),
        Type::Time => time(),
        Type::Url => url(),
        Type::Texts => list_of(field, json!({ "widget": "string" })),
        // As `validate::reseau::is_tag`: lowercase, 2 to 40 characters, no `#`.
        Type::Tags => list_of(
            field,
            json!({
                "widget": "string",
                "motif": "^[a-z0-9à-öø-ÿœæ][a-z0-9à-öø-ÿœæ '’-]{0,38}[a-z0-9à-öø-ÿœæ'’]$",
                "message": Kind::InvalidTag { value: String::new(), suggestion: None }.form_help(),
            }),
        ),
        Type::Urls => list_of(field, url()),
        Type::Emails => list_of(field, checked(field.name, Type::Email)),
        Type::Vocabulary(vocabulary) => {
            let options: Vec<Value> = crate::vocab::values(vocabulary)
                .iter()
                .map(|value| {
                    let label = if vocabulary == "typologie" && labels::typologie(value) != value {
                        format!("{} ({value})", labels::typologie(value))
                    } else {
                        value.clone()
                    };
                    json!({ "label": label, "value": value })
                })
                .collect();
            json!({ "widget": "select", "multiple": true, "options": options })
        }
        // The French names, in their order; the file keeps the codes.
        Type::Languages => {
            let options: Vec<Value> = crate::languages::all()
                .iter()
                .map(|l| json!({ "label": format!("{} ({})", l.name, l.code), "value": l.code }))
                .collect();
            json!({ "widget": "select", "multiple": true, "options": options })
        }
        // An offer's type: the words the site shows; the file keeps the value.
        Type::Choice(values) if values == OfferKind::VALUES => {
            let options: Vec<Value> =
                OfferKind::ALL.iter().map(|k| json!({ "label": k.editor_label(), "value": k.value() })).collect();
            json!({ "widget": "select", "options": options })
        }
        Type::Choice(values) => json!({ "widget": "select", "options": values }),
        Type::Places => places(site, true),
        Type::Place => places(site, false),
        Type::Sessions => json!({
            "widget": "list",
            "label_singular": "séance",
            "ajouter": "Ajouter une séance",
            "summary": "{{fields.date}} {{fields.debut}}–{{fields.fin}}",
            "fields": [
                subfield("date", "Date", date()),
                subfield("debut", "Début", time()),
                subfield("fin", "Fin", time()),
            ],
        }),
        Type::Closures => json!({
            "widget": "list",
            "label_singular": "fermeture",
            "summary": "{{fields.du}} → {{fields.au}} {{fields.motif}}",
            "fields": schema::CLOSURE
                .iter()
                .map(|sub| field_config(sub.name, sub.title, &hint(sub), sub.required, widget(kind, sub, site)))
                .collect::<Vec<_>>(),
        }),
        Type::Attachments => json!({
            "widget": "list",
            "label_singular": "pièce jointe",
            "summary": "{{fields.titre}}",
            "fields": [
                subfield("fichier", "Fichier", json!({ "widget": "file", "choose_url": false })),
                subfield("titre", "Titre", json!({ "widget": "string" })),
            ],
        }),
        Type::File => json!({ "widget": "image", "choose_url": false }),
    }
}

/// A date, `AAAA-MM-JJ` in the file, picked on a calendar.
fn date() -> Value {
    json!({ "widget": "datetime", "format": "YYYY-MM-DD", "time_format": false })
}

/// A text checked before saving with the rule of `check` ([`schema::text_rule`]): its pattern
/// (`motif`) and, when a value does not match, what to write (`message`); resin-formulaire.js
/// checks them.
fn checked(name: &str, kind: Type) -> Value {
    let rule = schema::text_rule(name, kind).expect("a kind of value with a rule");
    json!({ "widget": "string", "motif": rule.pattern, "message": rule.message })
}

/// An http(s) address.
fn url() -> Value {
    checked("url", Type::Url)
}

/// A time `HH:MM`, typed: Decap's time picker shows existing times empty.
fn time() -> Value {
    checked("heure", Type::Time)
}

/// The words of a list of texts: one item (« courriel », for « 1 courriel »), the label of its
/// input, and its button (« Ajouter un courriel »).
fn list_words(field: &Field) -> (&'static str, &'static str, &'static str) {
    match field.name {
        "courriels" => ("courriel", "Courriel", "Ajouter un courriel"),
        "site_web" => ("site web", "Adresse du site", "Ajouter un site web"),
        "pieces_a_apporter" => ("pièce", "Pièce", "Ajouter une pièce"),
        "autres_formations_labels" => ("label", "Label", "Ajouter un label"),
        "structures_eligibles" => ("structure", "Structure", "Ajouter une structure"),
        "etiquettes" => ("étiquette", "Étiquette", "Ajouter une étiquette"),
        _ => ("valeur", "Valeur", "Ajouter une valeur"),
    }
}

/// A list of values, each with its own input, shown open (their values, not « Valeur » boxes).
fn list_of(field: &Field, item: Value) -> Value {
    let (singular, label, add) = list_words(field);
    json!({
        "widget": "list",
        "label_singular": singular,
        "ajouter": add,
        "collapsed": false,
        "summary": "{{fields.valeur}}",
        "field": subfield("valeur", label, item),
    })
}

/// The postcode or the INSEE code of a place, filled from the commune chosen
/// (resin-formulaire.js): for each commune of the territory, its codes, and what to say of a
/// postcode that is not one of them (`check`'s words); the shape of a code is checked too.
fn from_commune(field: &Field, site: &Site) -> Value {
    let communes: serde_json::Map<String, Value> = site
        .centres
        .iter()
        .map(|c| {
            let codes =
                if field.name == "code_postal" { &c.codes_postaux } else { std::slice::from_ref(&c.code_insee) };
            let mismatch = Kind::CommuneMismatch {
                field: if field.name == "code_postal" { "code_postal" } else { "code_insee" },
                value: String::new(),
                commune: c.nom.clone(),
                expected: codes.to_vec(),
            };
            (c.nom.clone(), json!({ "codes": codes, "message": mismatch.form_help() }))
        })
        .collect();
    let mut config = checked(field.name, field.kind);
    config["widget"] = json!(if field.name == "code_postal" { "resin-code-postal" } else { "resin-code-insee" });
    config["suit"] = json!("commune");
    config["communes"] = json!(communes);
    config
}

/// A widget named and labelled (inside a list item, where it is required: Decap's default).
fn subfield(name: &str, label: &str, widget: Value) -> Value {
    let mut field = widget;
    field["name"] = json!(name);
    field["label"] = json!(label);
    field
}

/// One place (or several), picked by name among the places of the directory; the file name is
/// what is written. The list is the site's at the time of the build (the preview's is remade at
/// each save): Decap's own `relation` widget does not show the places an entry already names
/// when they are named by file name (decaporg/decap-cms#4954).
fn places(site: &Site, multiple: bool) -> Value {
    let mut places: Vec<&crate::model::Place> = site.entries.places.iter().map(|l| &**l).collect();
    places.sort_by_cached_key(|l| (crate::suggest::fold(&l.nom), l.slug.clone()));
    let options: Vec<Value> =
        places.iter().map(|l| json!({ "label": format!("{} ({})", l.nom, l.commune), "value": l.slug })).collect();
    json!({ "widget": "select", "multiple": multiple, "options": options })
}

/// The widget of a territorial field.
fn extension_widget(e: &Extension) -> Value {
    match e.kind {
        ExtensionType::Boolean => json!({ "widget": "boolean" }),
        ExtensionType::Choice => json!({ "widget": "select", "options": e.valeurs }),
        ExtensionType::Url => url(),
        ExtensionType::Date => date(),
        ExtensionType::Text | ExtensionType::Unknown => json!({ "widget": "string" }),
    }
}

/// The explanation of a field for the editor, where nobody writes YAML: without the quotes
/// and brackets the file needs; for places, how to find one.
fn hint(field: &Field) -> String {
    match field.kind {
        Type::Places => "Tapez le début du nom d'un lieu, puis choisissez-le ; plusieurs lieux possibles. Un lieu \
                         tout juste créé apparaît ici une fois publié."
            .into(),
        Type::Place => "Tapez le début du nom du lieu, puis choisissez-le. Un lieu tout juste créé apparaît ici une \
                        fois publié."
            .into(),
        // The hours widget: days and times, the OSM syntax only in its expert mode.
        Type::Hours if field.description.contains("période") => {
            "Si le lieu reste ouvert pendant la période, ses horaires de ces jours-là ; aucune plage : fermé.".into()
        }
        Type::Hours if field.description.contains("séances") => {
            "Les jours et heures de l'offre, chaque semaine ; ou bien ses séances datées, plus bas.".into()
        }
        Type::Closures => {
            "Congés, travaux ou horaires réduits : les dates, un motif, et les horaires de la période si \
                           le lieu reste ouvert (sans horaires : fermé du premier au dernier jour inclus)."
                .into()
        }
        Type::Hours => "Une plage par période d'ouverture (par exemple 9:00 à 12:00, puis 14:00 à 17:00) ; un jour \
                        sans plage est fermé."
            .into(),
        _ => field
            .description
            .replace(", entre guillemets", "")
            .replace(" entre guillemets", "")
            .replace(['[', ']', '"'], ""),
    }
}

/// A field of a collection: its widget with its name, label, hint and required status.
fn field_config(name: &str, label: &str, hint: &str, required: bool, widget: Value) -> Value {
    let mut field = subfield(name, label, widget);
    field["hint"] = json!(hint);
    field["required"] = json!(required);
    field
}

/// A field of the model in the editor: the map is labelled as a map; the date of the last check,
/// set at each save, is not asked for (so that a new entry saves at once); technical fields
/// are marked, to be folded.
fn model_field(kind: EntryKind, field: &Field, site: &Site) -> Value {
    let (label, hint) = match (kind, field.name) {
        (EntryKind::Place, "latitude") => (
            "Position sur la carte",
            "Cliquez sur la carte à l'endroit du lieu, ou saisissez sa latitude et sa longitude.".to_string(),
        ),
        (_, "date_maj") => (field.title, "La date du jour est écrite à chaque enregistrement.".to_string()),
        _ => (field.title, hint(field)),
    };
    let required = field.required && field.name != "date_maj";
    let mut config = field_config(field.name, label, &hint, required, widget(kind, field, site));
    if schema::is_technical(kind, field.name) {
        config["technique"] = json!(true);
    }
    config
}

/// How the text below the front matter is called, by type.
fn body_label(kind: EntryKind) -> (&'static str, &'static str) {
    match kind {
        EntryKind::Place => ("Présentation", "Ce qu'on y trouve, comment venir, en phrases simples."),
        EntryKind::Offer => ("Description", "Le déroulé, ce qu'il faut apporter, le niveau attendu."),
        EntryKind::Page => ("Texte de la page", "Des intertitres (##) aident à lire et à écouter la page."),
        EntryKind::Network(_) => ("Texte", "Le texte complet, en Markdown."),
    }
}

/// Collection name, plural and singular labels, the field that names an entry, and the
/// summary shown in lists.
fn collection_words(kind: EntryKind) -> (&'static str, &'static str, &'static str, &'static str) {
    match kind {
        EntryKind::Place => ("Lieux", "Lieu", "nom", "{{nom}} ({{commune}})"),
        EntryKind::Offer => ("Offres", "Offre", "titre", "{{titre}}"),
        EntryKind::Page => ("Pages", "Page", "titre", "{{titre}}"),
        EntryKind::Network(Section::News) => ("Actualités", "Actualité", "titre", "{{date}} – {{titre}}"),
        EntryKind::Network(Section::CallsForProjects) => {
            ("Appels à projets", "Appel à projets", "titre", "{{titre}} (clôture {{cloture}})")
        }
        EntryKind::Network(Section::GoodPractices) => ("Bonnes pratiques", "Bonne pratique", "titre", "{{titre}}"),
        EntryKind::Network(Section::Exchange) => ("Bourse d'échanges", "Annonce", "titre", "{{nature}} – {{titre}}"),
        EntryKind::Network(Section::Agenda) => ("Agenda", "Événement", "titre", "{{date}} – {{titre}}"),
    }
}

/// The collection of one type of entry.
fn collection(kind: EntryKind, site: &Site) -> Value {
    let (label, singular, identifier, summary) = collection_words(kind);
    // The fields in the order a person fills them, the territory's own before the technical
    // ones, then the text.
    let (technical, own): (Vec<_>, Vec<_>) =
        schema::in_editor_order(kind).into_iter().partition(|f| schema::is_technical(kind, f.name));
    let config = |f: &Field| model_field(kind, f, site);
    let mut fields: Vec<Value> = own.into_iter().map(config).collect();
    let extensions = match kind {
        EntryKind::Place => &site.config.extensions.lieux[..],
        EntryKind::Offer => &site.config.extensions.offres[..],
        _ => &[],
    };
    for e in extensions {
        let hint = e.aide.clone().unwrap_or_else(|| format!("Champ propre au territoire : {}.", e.kind.expected()));
        fields.push(field_config(&e.nom, &e.libelle, &hint, false, extension_widget(e)));
    }
    fields.extend(technical.into_iter().map(config));
    let (body, body_hint) = body_label(kind);
    // Without the image button: a picture inserted in the text would not be found from the page
    // (its address is relative to content/); the network's entries have an image field.
    let markdown = json!({ "widget": "markdown", "editor_components": [] });
    fields.push(field_config("body", body, body_hint, false, markdown));
    json!({
        "name": kind.folder(),
        "label": label,
        "label_singular": singular,
        "folder": format!("content/{}", kind.folder()),
        "extension": "md",
        "format": "resin",
        "create": true,
        "delete": true,
        "slug": format!("{{{{{identifier}}}}}"),
        "identifier_field": identifier,
        "summary": summary,
        // « Voir en direct »: the entry's page, as resin builds it.
        "preview_path": crate::render::urls::entry_dir(kind, "{{slug}}"),
        "fields": fields,
    })
}

/// Decap's `backend` for the forge of `site.yaml`.
fn backend(edition: &Edition) -> Value {
    let mut backend = json!({ "name": edition.forge.name(), "branch": edition.branche });
    if let Some(depot) = &edition.depot {
        backend["repo"] = json!(depot);
    }
    match edition.forge {
        Forge::Github => {
            if let Some(address) = &edition.adresse {
                backend["base_url"] = json!(address.trim_end_matches('/'));
            }
        }
        Forge::Gitlab => {
            backend["auth_type"] = json!("pkce");
            backend["app_id"] = json!(edition.application);
            if let Some(address) = &edition.adresse {
                let address = address.trim_end_matches('/');
                backend["base_url"] = json!(address);
                backend["api_root"] = json!(format!("{address}/api/v4"));
                backend["auth_endpoint"] = json!("oauth/authorize");
            }
        }
        Forge::GitGateway | Forge::Unknown => {}
    }
    backend
}

/// Decap's whole configuration (`admin/config.yml`), or nothing when web editing is off.
pub(crate) fn config(site: &Site) -> Option<Value> {
    let edition = site.config.edition_en_ligne.as_ref()?;
    let mut config = json!({
        "backend": backend(edition),
        "locale": "fr",
        "site_url": site.config.base_url(),
        "display_url": site.config.base_url(),
        // Files are named by their path under content/: `medias/guide.pdf`.
        "media_folder": "content/medias",
        "public_folder": "medias",
        "slug": { "encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-" },
        "collections": schema::kinds().iter().map(|&kind| collection(kind, site)).collect::<Vec<_>>(),
    });
    if edition.relecture {
        config["publish_mode"] = json!("editorial_workflow");
    }
    Some(config)
}

/// `config.yml`: the configuration as YAML (keys sorted, so the file is the same at every build).
pub(crate) fn config_yml(site: &Site) -> Option<String> {
    let config = config(site)?;
    let yaml = serde_yaml::to_string(&config).expect("a JSON value is YAML");
    Some(format!(
        "# Configuration de Decap CMS, écrite par resin d'après le modèle de contenu : ne pas modifier.\n{yaml}"
    ))
}
