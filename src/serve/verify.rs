//! The problems of one entry, for the web editor of the preview (issue 22): at
//! [`VERIFY_PATH`], the editor sends the entry being edited as Decap holds it (its fields as
//! JSON, its text as `body`) and gets back what `resin check` would say of that entry, each
//! problem told to a person ([`ForPerson`]) and tied to the field it concerns. The same
//! problems are shown on the preview's page of an entry whose file has errors (the last
//! correct version, or the 404 page of a new entry), by [`EntryNotes`].
//!
//! The guards are those of the Decap API ([`decap::admit`]): local editing on, the preview's
//! own page, a JSON body.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::Shared;
use super::decap::{self, refuse};
use crate::diagnostic::{Diagnostic, EditorRefusal, ForPerson, Severity};
use crate::load::EntryKind;
use crate::pipeline::{EntryContext, Workspace};
use crate::render::theme::escape_html;

/// Where the editor asks for the problems of the entry it shows.
pub(crate) const VERIFY_PATH: &str = "/__resin/verifier";

/// What the editor sends.
#[derive(Deserialize)]
struct Request {
    /// Decap's collection: the entry's folder under `content/` (`lieux`).
    collection: String,
    /// The file name without `.md`; empty for an entry not saved yet.
    #[serde(default)]
    slug: String,
    /// The fields as Decap holds them, and the text as `body`.
    data: Map<String, Value>,
}

/// One problem, as the editor shows it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Problem {
    /// The top-level field it concerns (`telephone`), `body` for the text, or none.
    champ: Option<String>,
    message: String,
    aide: Option<String>,
    /// `erreur` (the entry is not published) or `avertissement` (it is, but check it).
    niveau: &'static str,
    /// The problem's stable code (`champ-manquant`): the editor waits before it says that a new
    /// entry's fields are still empty.
    code: &'static str,
}

/// `POST /__resin/verifier`: `{ collection, slug, data }` → `{ problemes: [...], apercu,
/// montree }`; `montree` says whether the preview shows a version of the entry.
pub(crate) async fn verify(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Body) -> Response {
    let body = match decap::admit(&shared, &headers, body).await {
        Ok((_, body)) => body,
        Err(refusal) => return refuse(refusal),
    };
    let Ok(request) = serde_json::from_slice::<Request>(&body) else {
        return refuse(EditorRefusal::UnreadableRequest);
    };
    let Some(kind) = crate::schema::kinds().into_iter().find(|k| k.folder() == request.collection) else {
        return refuse(EditorRefusal::MissingParameter { name: "collection".into() });
    };
    let (Some(context), (snapshot, _)) = (shared.entry_context(), shared.current()) else {
        return refuse(EditorRefusal::EditorOff);
    };
    let answer = tokio::task::spawn_blocking(move || {
        let slug = entry_slug(kind, &request.slug, &request.data);
        let problems = check(&context, kind, &slug, &request.data);
        let page = page_file(kind, &slug);
        let shown = snapshot.is_some_and(|s| s.contains(&page));
        json!({ "problemes": problems, "apercu": format!("/{}", page.trim_end_matches("index.html")), "montree": shown })
    })
    .await;
    match answer {
        Ok(value) => axum::Json(value).into_response(),
        Err(_) => refuse(EditorRefusal::Internal),
    }
}

/// The entry's file name: the one it has, else the one Decap will give it (from its name or
/// title), else a placeholder.
fn entry_slug(kind: EntryKind, slug: &str, data: &Map<String, Value>) -> String {
    if !slug.is_empty() && !slug.contains(['/', '\\', '.']) {
        return slug.to_string();
    }
    let identifier = if kind == EntryKind::Place { "nom" } else { "titre" };
    let made = slug::slugify(data.get(identifier).and_then(Value::as_str).unwrap_or_default());
    if made.is_empty() { "nouvelle-fiche".into() } else { made }
}

/// The problems `resin check` finds in the entry, from Decap's data.
fn check(context: &EntryContext, kind: EntryKind, slug: &str, data: &Map<String, Value>) -> Vec<Problem> {
    // The editor writes `date_maj` at each save (resin-formulaire.js): a new entry, which has none
    // yet, is not told of a date it never has to type.
    let mut data = data.clone();
    if crate::schema::names(kind).contains(&"date_maj") && !data.contains_key("date_maj") {
        data.insert("date_maj".into(), Value::String(context.today().format("%Y-%m-%d").to_string()));
    }
    let text = entry_text(&data);
    let diagnostics = context.check(kind, slug, text.clone());
    let diagnostics: Vec<&Diagnostic> = diagnostics.iter().collect();
    told(kind, &diagnostics, &text)
}

/// The entry's file as the editor would write it: the front matter in YAML (empty fields left
/// out, as `resin-cms.js` does before saving), then the text.
pub(crate) fn entry_text(data: &Map<String, Value>) -> String {
    let empty = |v: &Value| match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    };
    let fields: Map<String, Value> =
        data.iter().filter(|(k, v)| *k != "body" && !empty(v)).map(|(k, v)| (k.clone(), v.clone())).collect();
    let yaml = if fields.is_empty() { String::new() } else { serde_yaml::to_string(&fields).unwrap_or_default() };
    let body = data.get("body").and_then(Value::as_str).unwrap_or_default();
    format!("---\n{yaml}---\n{body}")
}

/// Each diagnostic told to a person, with its field found in `text`.
fn told(kind: EntryKind, diagnostics: &[&Diagnostic], text: &str) -> Vec<Problem> {
    let title = |name: &str| crate::schema::fields(kind).iter().find(|f| f.name == name).map(|f| f.title.to_string());
    diagnostics
        .iter()
        .map(|d| {
            let ForPerson { message, help } = d.for_person(&title);
            let niveau = if d.severity() == Severity::Error { "erreur" } else { "avertissement" };
            Problem { champ: field_of(d, text), message, aide: help, niveau, code: d.kind.code() }
        })
        .collect()
}

/// The top-level field a diagnostic concerns: the one named by a missing field, else the one
/// whose lines hold its start; `body` past the front matter.
fn field_of(diagnostic: &Diagnostic, text: &str) -> Option<String> {
    if let crate::diagnostic::Kind::MissingField { field } | crate::diagnostic::Kind::EmptyField { field } =
        &diagnostic.kind
    {
        return field.split(['[', '.']).next().map(str::to_string);
    }
    let at = diagnostic.span.start;
    let mut offset = 0;
    let mut field = None;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        if number == 0 {
            if at < offset {
                return None; // the opening `---`: the entry as a whole
            }
            continue;
        }
        if line.trim_end() == "---" {
            return if at >= start { Some("body".into()) } else { field };
        }
        let top_level = !line.starts_with([' ', '\t', '-', '#', '\n', '\r']);
        if top_level && let Some((key, _)) = line.split_once(':') {
            if at < start {
                return field;
            }
            field = Some(key.trim().trim_matches(['"', '\'']).to_string());
        }
    }
    field
}

/// The file of an entry's page in the site.
fn page_file(kind: EntryKind, slug: &str) -> String {
    match kind {
        EntryKind::Page => format!("{slug}/index.html"),
        EntryKind::Network(_) => format!("reseau/{}/{slug}/index.html", kind.folder()),
        _ => format!("{}/{slug}/index.html", kind.folder()),
    }
}

/// The problems of each entry whose file has errors, by the file of its page: the preview says
/// on that page (or on its 404 page, for a new entry) why it is not up to date.
#[derive(Default)]
pub(crate) struct EntryNotes(BTreeMap<String, Note>);

struct Note {
    kind: EntryKind,
    slug: String,
    problems: Vec<Problem>,
}

impl EntryNotes {
    /// The notes of the workspace as last updated.
    pub(crate) fn of(workspace: &Workspace) -> EntryNotes {
        let sources = workspace.sources();
        let notes = workspace
            .entry_errors()
            .into_iter()
            .map(|(kind, slug, errors)| {
                let text = errors.first().and_then(|d| d.file).map(|f| sources.get(f).text.as_str()).unwrap_or("");
                let problems = told(kind, &errors, text);
                (page_file(kind, &slug), Note { kind, slug, problems })
            })
            .collect();
        EntryNotes(notes)
    }

    /// What to add to the page at `file` (`lieux/x/index.html`): why it is the last correct
    /// version (`shown`), or why the entry is not shown at all; nothing for other pages.
    pub(crate) fn html(&self, file: &str, shown: bool) -> Option<String> {
        let note = self.0.get(file)?;
        let count = crate::diagnostic::count(note.problems.len(), "problème", "problèmes");
        let until = if note.problems.len() > 1 { "tant qu'ils restent" } else { "tant qu'il reste" };
        let intro = if shown {
            format!(
                "Cette page montre la dernière version correcte de la fiche : la version enregistrée a {count} à \
                 corriger, et n'est pas publiée {until}."
            )
        } else {
            format!("Cette fiche n'est pas montrée dans l'aperçu : elle a {count} à corriger.")
        };
        let items: String = note
            .problems
            .iter()
            .map(|p| {
                let help = p.aide.as_deref().map(|h| format!(" {}", escape_html(h))).unwrap_or_default();
                format!("<li>{}{help}</li>", escape_html(&p.message))
            })
            .collect();
        let editor = format!("/admin/#/collections/{}/entries/{}", note.kind.folder(), note.slug);
        Some(format!(
            "<div id=\"resin-fiche\" lang=\"fr\" style=\"margin:1rem 0;padding:1rem;border:3px solid #b3261e;\
border-radius:4px;background:#fff;color:#1e1e1e;font:16px/1.45 system-ui,sans-serif;text-align:left\">\
<p style=\"margin:0 0 .5rem;font-weight:700;color:#b3261e\">{intro}</p><ul style=\"margin:0 0 .5rem\">{items}</ul>\
<p style=\"margin:0\"><a href=\"{}\">Corriger la fiche dans l'éditeur</a></p></div>",
            escape_html(&editor)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decap_data_becomes_the_file_resin_reads() {
        let data = json!({ "nom": "Lieu", "code_postal": "69008", "services": [], "telephone": "", "body": "Texte\n" });
        let text = entry_text(data.as_object().unwrap());
        assert_eq!(text, "---\ncode_postal: '69008'\nnom: Lieu\n---\nTexte\n");
    }

    #[test]
    fn a_diagnostic_belongs_to_the_field_whose_lines_hold_it() {
        let text = "---\nnom: Lieu\ntypologie:\n- BIB\ntelephone: 04 78\n---\nTexte\n";
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            Diagnostic { kind: crate::diagnostic::Kind::NotUtf8, file: None, span: start..start + 1 }
        };
        assert_eq!(field_of(&at("04 78"), text).as_deref(), Some("telephone"));
        assert_eq!(field_of(&at("BIB"), text).as_deref(), Some("typologie"));
        assert_eq!(field_of(&at("Lieu"), text).as_deref(), Some("nom"));
        assert_eq!(field_of(&at("Texte"), text).as_deref(), Some("body"));
        assert_eq!(field_of(&at("---\nnom"), text), None);
    }

    #[test]
    fn a_new_entry_is_named_as_decap_will_name_it() {
        let data = json!({ "nom": "Espace numérique de la Soie" });
        assert_eq!(entry_slug(EntryKind::Place, "", data.as_object().unwrap()), "espace-numerique-de-la-soie");
        assert_eq!(entry_slug(EntryKind::Place, "a", data.as_object().unwrap()), "a");
        assert_eq!(entry_slug(EntryKind::Offer, "../x", &Map::new()), "nouvelle-fiche");
    }
}
