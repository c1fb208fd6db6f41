//! `resin new lieu|offre|page|actualite|appel-a-projets|bonne-pratique|annonce|evenement "Nom"`, and
//! `resin new site DIR`: a new entry with every field present and explained in French. The
//! fields, their order, their explanation and how each starts come from the content model's
//! table (`schema`): a field added there appears in new entries with no other change.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::diagnostic::UsageKind;
use crate::error::Error;
use crate::load::EntryKind;
use crate::schema::{Field, Start, Type};

/// Writes `content/<folder>/<slug>.md` for a new entry named `name`; never overwrites.
pub fn new_entry(root: &Path, kind: EntryKind, name: &str, today: NaiveDate) -> Result<PathBuf, Error> {
    // Cut as the importer does: a long title must not give a name the system refuses.
    let slug = crate::load::file_slug(name);
    if slug.is_empty() {
        return Err(Error::Usage(UsageKind::NoFileName { name: name.to_string() }));
    }
    let reserved = match kind {
        EntryKind::Page => crate::validate::RESERVED_SLUGS,
        EntryKind::Offer => crate::validate::RESERVED_OFFER_SLUGS,
        EntryKind::Network(_) => crate::validate::RESERVED_RESEAU_SLUGS,
        _ => &[],
    };
    if reserved.contains(&slug.as_str()) {
        return Err(Error::Usage(UsageKind::ReservedName { slug, name: name.to_string() }));
    }
    if !root.join("content").is_dir() {
        return Err(Error::NoContent { root: root.to_path_buf() });
    }
    let dir = root.join("content").join(kind.folder());
    std::fs::create_dir_all(&dir).map_err(|source| Error::Io { path: dir.clone(), source })?;
    let path = dir.join(format!("{slug}.md"));
    let text = entry(kind, name, today);
    // `create_new` refuses an existing file atomically.
    let mut file = OpenOptions::new().write(true).create_new(true).open(&path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            Error::Usage(UsageKind::EntryExists { path: path.clone() })
        } else {
            Error::Io { path: path.clone(), source }
        }
    })?;
    file.write_all(text.as_bytes()).map_err(|source| Error::Io { path: path.clone(), source })?;
    Ok(path)
}

/// The text of a new entry: every field of the content model (`schema`) in the order of the
/// editor and of `resin fmt`, each
/// started as the table says and explained by its title and description, then a word on what
/// to write below the front matter.
pub fn entry(kind: EntryKind, name: &str, today: NaiveDate) -> String {
    let mut text = format!(
        "---\n# {}\n# Les champs marqués (obligatoire) sont à remplir ; les autres peuvent rester vides ou être \
         supprimés.\n# Vérifiez avec : resin check\n",
        intro(kind)
    );
    // In the order `resin fmt` writes them, so that a new entry is already formatted.
    let all = crate::schema::fields(kind);
    let ordered = crate::schema::file_order(kind, &[]);
    for field in ordered.iter().filter_map(|name| all.iter().find(|f| f.name == *name)) {
        let value = match field.start {
            Start::Omitted => continue,
            Start::Empty => empty(field, today),
            Start::Name => crate::format::text(name),
            Start::Value(value) => value.to_string(),
            Start::Records(_) => String::new(),
        };
        let line = if value.is_empty() { format!("{}:", field.name) } else { format!("{}: {value}", field.name) };
        text.push_str(&commented(&line, &explanation(field)));
        if let Start::Records(example) = field.start {
            text.push_str(&format!("#   - {}\n", example.replace("DATE_DU_JOUR", &today.to_string())));
        }
    }
    text.push_str("---\n");
    text.push_str(body(kind));
    text.push('\n');
    text
}

/// The first comment of a new entry: what it is.
fn intro(kind: EntryKind) -> String {
    match kind {
        EntryKind::Place => {
            "Nouveau lieu. Les champs suivent le standard national des lieux de médiation numérique.".into()
        }
        EntryKind::Offer => "Nouvelle offre : un atelier, une permanence, une formation…".into(),
        EntryKind::Page => "Nouvelle page libre.".into(),
        EntryKind::Network(section) => format!("Nouvelle fiche de l'espace réseau ({}).", section.one()),
    }
}

/// What to write below the front matter.
fn body(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Place => "Présentez le lieu en quelques phrases simples : quelle aide, pour qui, comment venir.",
        EntryKind::Offer => "Décrivez l'offre : ce qu'on y apprend, ce qu'il faut apporter, combien de personnes.",
        EntryKind::Page => "Écrivez le texte de la page en Markdown. Utilisez `##` pour les intertitres.",
        EntryKind::Network(_) => "Écrivez le texte en Markdown. Utilisez `##` pour les intertitres.",
    }
}

/// The value of a field left for the animator to fill in: empty, in the shape of its kind
/// (quotes for a text, brackets for a list) so that the value is written in the right place;
/// a required date is the day of creation.
fn empty(field: &Field, today: NaiveDate) -> String {
    match field.kind {
        Type::Date if field.required => today.to_string(),
        Type::Number | Type::Integer | Type::Date | Type::Sessions | Type::Closures | Type::Attachments => {
            String::new()
        }
        Type::Texts | Type::Urls | Type::Emails | Type::Vocabulary(_) | Type::Languages | Type::Places | Type::Tags => {
            "[]".into()
        }
        Type::Text
        | Type::Short(_)
        | Type::Code(_)
        | Type::Time
        | Type::Url
        | Type::Email
        | Type::Phone
        | Type::Hours
        | Type::Choice(_)
        | Type::Place
        | Type::File => "\"\"".into(),
    }
}

/// The column where the comments of a new entry start, as they always have.
const COMMENT_COLUMN: usize = 34;

/// A line of YAML with its comment, aligned with the others when it is short enough.
fn commented(line: &str, comment: &str) -> String {
    let width = line.chars().count();
    let gap = if width < COMMENT_COLUMN { COMMENT_COLUMN - width } else { 3 };
    format!("{line}{}# {comment}\n", " ".repeat(gap))
}

/// A field explained for an animator who does not code: its French title, whether it is
/// required, then its description, which says what to write with an example, as a sentence
/// that continues the title; for a list of records, how to use the example below.
fn explanation(field: &Field) -> String {
    let required = if field.required { " (obligatoire)" } else { "" };
    let example = if matches!(field.start, Start::Records(_)) { " Par exemple (ôtez le #) :" } else { "" };
    format!("{}{required} : {}{example}", field.title, continued(field))
}

/// A field's description after a colon: its first letter in lower case, unless its first word
/// is a code (« SIRET », « AAAA-MM-JJ ») or a value written as is (« Offer ou Need »).
fn continued(field: &Field) -> String {
    let description = field.description;
    let word = description.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let mut letters = word.chars();
    let capital = letters.next().is_some_and(char::is_uppercase);
    let plain = letters.all(char::is_lowercase);
    let literal = matches!(field.kind, Type::Choice(values) if values.contains(&word));
    if !capital || !plain || literal {
        return description.to_string();
    }
    let mut chars = description.chars();
    chars.next().map(|first| first.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// The files of a new content-only repository (`modeles/nouveau-site/`, embedded): path and
/// text. `DATE_DU_JOUR` becomes the day it is created.
pub const NEW_SITE: &[(&str, &str)] = &[
    ("README.md", include_str!("../modeles/nouveau-site/README.md")),
    (".gitignore", include_str!("../modeles/nouveau-site/.gitignore")),
    (".github/workflows/resin.yml", include_str!("../modeles/nouveau-site/.github/workflows/resin.yml")),
    (".gitlab-ci.yml", include_str!("../modeles/nouveau-site/.gitlab-ci.yml")),
    (".vscode/extensions.json", include_str!("../modeles/nouveau-site/.vscode/extensions.json")),
    (".vscode/settings.json", include_str!("../modeles/nouveau-site/.vscode/settings.json")),
    (".vscode/tasks.json", include_str!("../modeles/nouveau-site/.vscode/tasks.json")),
    (".remarkrc.mjs", include_str!("../modeles/nouveau-site/.remarkrc.mjs")),
    ("package.json", include_str!("../modeles/nouveau-site/package.json")),
    ("package-lock.json", include_str!("../modeles/nouveau-site/package-lock.json")),
    ("content/site.yaml", include_str!("../modeles/nouveau-site/content/site.yaml")),
    (
        "content/lieux/mediatheque-exemple.md",
        include_str!("../modeles/nouveau-site/content/lieux/mediatheque-exemple.md"),
    ),
];

/// `resin new site DIR`: a content-only repository for another territory, in `dir` (which must
/// not exist, or be empty), with the JSON Schemas of its entries in `schemas/` (for the editor
/// settings). Returns the files written, relative to `dir`.
pub fn new_site(dir: &Path, today: NaiveDate) -> Result<Vec<String>, Error> {
    let occupied = std::fs::read_dir(dir).map(|mut entries| entries.next().is_some()).unwrap_or(false);
    if occupied {
        return Err(Error::Usage(UsageKind::FolderNotEmpty { path: dir.to_path_buf() }));
    }
    for (path, text) in NEW_SITE {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io { path: parent.to_path_buf(), source })?;
        }
        let text = text.replace("DATE_DU_JOUR", &today.to_string());
        std::fs::write(&target, text).map_err(|source| Error::Io { path: target.clone(), source })?;
    }
    let mut written: Vec<String> = NEW_SITE.iter().map(|(path, _)| path.to_string()).collect();
    // The template declares no territorial field: `resin schema` writes them again once it does.
    for path in
        crate::schema::write(&dir.join("schemas"), &crate::schema::kinds(), &crate::schema::SchemaSite::default())?
    {
        let relative = path.strip_prefix(dir).unwrap_or(&path);
        written.push(relative.to_string_lossy().replace('\\', "/"));
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;
    use crate::schema::{fields, kinds};

    fn field(kind: EntryKind, name: &str) -> Field {
        *fields(kind).iter().find(|f| f.name == name).expect("a field of the table")
    }

    #[test]
    fn a_description_continues_its_title_in_lower_case_but_codes_and_values() {
        assert_eq!(
            explanation(&field(EntryKind::Place, "adresse")),
            "Adresse (obligatoire) : numéro et rue, sans code postal ni commune."
        );
        assert!(explanation(&field(EntryKind::Place, "pivot")).starts_with("SIRET ou RNA : SIRET (14 chiffres)"));
        let annonce = EntryKind::Network(Section::Exchange);
        assert_eq!(explanation(&field(annonce, "nature")), "Offre ou demande (obligatoire) : Offre ou Demande.");
        assert!(explanation(&field(annonce, "date")).ends_with(" : AAAA-MM-JJ."));
    }

    #[test]
    fn comments_start_in_one_column_unless_the_line_is_long() {
        assert_eq!(commented("nom: \"Essai\"", "Nom").find('#'), Some(COMMENT_COLUMN));
        assert_eq!(
            commented("publics_specifiquement_adresses: []", "Publics"),
            "publics_specifiquement_adresses: []   # Publics\n"
        );
    }

    /// Every field a new entry gives is explained in French, with what to write; the name given
    /// to `resin new` goes in one field.
    #[test]
    fn every_field_of_a_new_entry_is_explained() {
        for kind in kinds() {
            assert_eq!(fields(kind).iter().filter(|f| f.start == Start::Name).count(), 1, "{kind:?}");
            for field in fields(kind).iter().filter(|f| f.start != Start::Omitted) {
                let text = explanation(field);
                assert!(text.len() > field.title.len() + 8, "{kind:?} {}: {text}", field.name);
            }
        }
    }
}
