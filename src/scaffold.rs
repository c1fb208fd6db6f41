//! `resin new lieu|offre|page|actualite|appel-a-projets|bonne-pratique|annonce|evenement "Nom"`, and
//! `resin new site DIR`: a new entry with every field present and explained in French.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::diagnostic::UsageKind;
use crate::error::Error;
use crate::load::EntryKind;
use crate::model::Section;

/// Writes `content/<folder>/<slug>.md` for a new entry named `name`; never overwrites.
pub fn new_entry(root: &Path, kind: EntryKind, name: &str, today: NaiveDate) -> Result<PathBuf, Error> {
    // Cut as the importer does: a long title must not give a name the system refuses.
    let slug = crate::load::file_slug(name);
    if slug.is_empty() {
        return Err(Error::Command(UsageKind::NoFileName { name: name.to_string() }));
    }
    let reserved = match kind {
        EntryKind::Page => crate::validate::RESERVED_SLUGS,
        EntryKind::Reseau(_) => crate::validate::RESERVED_RESEAU_SLUGS,
        _ => &[],
    };
    if reserved.contains(&slug.as_str()) {
        return Err(Error::Command(UsageKind::ReservedName { slug, name: name.to_string() }));
    }
    if !root.join("content").is_dir() {
        return Err(Error::NoContent { root: root.to_path_buf() });
    }
    let dir = root.join("content").join(kind.folder());
    std::fs::create_dir_all(&dir).map_err(|source| Error::Io { path: dir.clone(), source })?;
    let path = dir.join(format!("{slug}.md"));
    let text = match kind {
        EntryKind::Lieu => lieu(name, today),
        EntryKind::Offre => offre(name, today),
        EntryKind::Page => page(name),
        EntryKind::Reseau(section) => reseau(section, name, today),
    };
    // `create_new` refuses an existing file atomically.
    let mut file = OpenOptions::new().write(true).create_new(true).open(&path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            Error::Command(UsageKind::EntryExists { path: path.clone() })
        } else {
            Error::Io { path: path.clone(), source }
        }
    })?;
    file.write_all(text.as_bytes()).map_err(|source| Error::Io { path: path.clone(), source })?;
    Ok(path)
}

/// A YAML double-quoted string.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

fn lieu(name: &str, today: NaiveDate) -> String {
    format!(
        r#"---
# Nouveau lieu. Les champs suivent le standard national des lieux de médiation numérique.
# Un champ facultatif peut être supprimé ou laissé vide. Vérifiez avec : resin check
nom: {name}                       # obligatoire : nom du lieu
adresse: ""                       # obligatoire : numéro et rue, sans code postal ni commune
complement_adresse: ""            # bâtiment, étage…
code_postal: ""                   # obligatoire : cinq chiffres entre guillemets, ex. "69008"
commune: ""                       # obligatoire : nom de la commune, ex. Lyon 8e Arrondissement
code_insee: ""                    # code INSEE entre guillemets, ex. "69388"
latitude:                         # degrés décimaux, ex. 45.7372
longitude:                        # degrés décimaux, ex. 4.8710
pivot: ""                         # SIRET (14 chiffres) ou RNA de la structure
typologie: []                     # type de structure, ex. [BIB] (bibliothèque), [CS] (centre social), [ASSO]
telephone: ""                     # ex. 04 78 00 00 00
courriels: []                     # ex. [accueil@exemple.fr]
site_web: []                      # ex. [https://exemple.fr]
horaires: ""                      # syntaxe OpenStreetMap, ex. "Mo-Fr 09:00-12:00,14:00-17:00; PH off"
presentation_resume: ""           # une ou deux phrases, 280 caractères au plus
structure_parente: ""             # réseau ou organisme dont dépend le lieu
services: []                      # ex. [Aide aux démarches administratives, Maîtrise des outils numériques du quotidien]
publics_specifiquement_adresses: []   # ex. [Seniors, Jeunes] ; vide = tout public
prise_en_charge_specifique: []    # ex. [Surdité, Illettrisme]
frais_a_charge: []                # [Gratuit], [Gratuit sous condition] ou [Payant]
modalites_acces: []               # ex. [Se présenter, Téléphoner, Prendre un RDV en ligne]
modalites_accompagnement: []      # ex. [Accompagnement individuel, Dans un atelier collectif]
dispositif_programmes_nationaux: []   # ex. [Conseillers numériques, France Services]
formations_labels: []             # ex. [Mes Papiers (Métropole de Lyon)]
autres_formations_labels: []      # autres labels, texte libre
itinerance: []                    # [Fixe] ou [Itinérant]
fiche_acces_libre: ""             # lien vers la fiche Acceslibre du lieu
prise_rdv: ""                     # lien de prise de rendez-vous en ligne
pieces_a_apporter: []             # ex. [Pièce d'identité, Numéro d'allocataire CAF]
date_maj: {today}                 # obligatoire : date de la dernière vérification (AAAA-MM-JJ)
---
Présentez le lieu en quelques phrases simples : quelle aide, pour qui, comment venir.
"#,
        name = quoted(name)
    )
}

fn offre(name: &str, today: NaiveDate) -> String {
    format!(
        r#"---
# Nouvelle offre : un atelier, une permanence, une formation… Vérifiez avec : resin check
titre: {name}                     # obligatoire
lieux: []                         # obligatoire : noms de fichiers des lieux, sans .md, ex. [mediatheque-du-bachut]
resume: ""                        # une phrase, 280 caractères au plus
services: []                      # ex. [Maîtrise des outils numériques du quotidien]
publics_specifiquement_adresses: []   # ex. [Seniors] ; vide = tout public
prise_en_charge_specifique: []    # ex. [Déficience visuelle]
frais_a_charge: []                # obligatoire : [Gratuit], [Gratuit sous condition] ou [Payant]
modalites_acces: []               # obligatoire : comment s'inscrire, ex. [Téléphoner, Se présenter]
modalites_accompagnement: []      # ex. [Dans un atelier collectif]
inscription: ""                   # précisions sur l'inscription, texte libre
prise_rdv: ""                     # lien d'inscription en ligne
# Soit des horaires réguliers (syntaxe OpenStreetMap)…
horaires: ""                      # ex. "We 14:00-16:00; PH off"
# … soit des séances datées (supprimez alors la ligne horaires) :
# seances:
#   - {{ date: {today}, debut: "14:00", fin: "16:00" }}
date_maj: {today}                 # obligatoire : date de la dernière vérification (AAAA-MM-JJ)
pieces_a_apporter: []             # ex. [Son téléphone chargé, Ses identifiants France Travail]
---
Décrivez l'offre : ce qu'on y apprend, ce qu'il faut apporter, combien de personnes.
"#,
        name = quoted(name)
    )
}

fn page(name: &str) -> String {
    format!(
        r#"---
titre: {name}                     # obligatoire : le titre de la page
resume: ""                        # une phrase qui résume la page
---
Écrivez le texte de la page en Markdown. Utilisez `##` pour les intertitres.
"#,
        name = quoted(name)
    )
}

/// An entry of the network's space: the fields every section has, then its own.
fn reseau(section: Section, name: &str, today: NaiveDate) -> String {
    let own = match section {
        Section::Actualites => format!(
            r#"date: {today}                     # obligatoire : date de publication (AAAA-MM-JJ)
auteur: ""                        # qui l'écrit, ex. Samia B.
image: ""                         # une image déposée dans content/medias/, ex. medias/actualites/photo.jpg
image_alt: ""                     # obligatoire avec une image : ce que montre l'image, en une phrase
"#
        ),
        Section::AppelsAProjets => format!(
            r#"financeur: ""                     # obligatoire : qui finance, ex. Métropole de Lyon
montant_min:                      # montant le plus bas, en euros, ex. 5000
montant_max:                      # montant le plus haut, en euros, ex. 20000
ouverture: {today}                # obligatoire : premier jour pour déposer un dossier
cloture: {today}                  # obligatoire : dernier jour pour déposer un dossier
structures_eligibles: []          # ex. [Associations, Centres sociaux, Communes]
territoire: ""                    # ex. Métropole de Lyon
lien: ""                          # obligatoire : le texte officiel de l'appel, https://…
contact: ""                       # nom de la personne à contacter
courriel: ""                      # ex. appels@exemple.fr
telephone: ""                     # ex. 04 78 00 00 00
"#
        ),
        Section::BonnesPratiques => format!(
            r#"date: {today}                     # obligatoire : date de publication
services: []                      # obligatoire : ex. [Aide aux démarches administratives]
publics_specifiquement_adresses: []   # ex. [Seniors]
pieces_jointes: []                # fichiers à télécharger, déposés dans content/medias/ :
#   - {{ fichier: medias/bonnes-pratiques/guide.pdf, titre: Guide de l'animateur }}
licence: ""                       # ex. CC BY-SA 4.0
"#
        ),
        Section::Bourse => format!(
            r#"nature: Offre                     # obligatoire : Offre ou Demande
categorie: ""                     # obligatoire : Matériel, Locaux, Bénévoles, Compétences, Places en formation ou Autre
commune: ""                       # obligatoire : ex. Villeurbanne
contact: ""                       # nom de la personne à contacter
courriel: ""                      # un courriel ou un téléphone au moins
telephone: ""
date: {today}                     # obligatoire : date de publication
expiration: {today}               # obligatoire : dernier jour où l'annonce est affichée
"#
        ),
        Section::Agenda => format!(
            r#"date: {today}                     # obligatoire : le jour (le premier jour s'il y en a plusieurs)
date_fin:                         # le dernier jour, pour un événement sur plusieurs jours
debut: "09:30"                    # obligatoire : heure de début
fin: "12:00"                      # obligatoire : heure de fin
lieu: ""                          # un lieu de l'annuaire (nom de fichier sans .md)…
adresse: ""                       # … ou une adresse libre (gardez l'un des deux)
commune: ""                       # la commune de l'adresse libre
inscription: ""                   # lien d'inscription, https://…
"#
        ),
    };
    let lieux = "lieux: []                         # lieux de l'annuaire concernés, ex. [mediatheque-du-bachut]\n";
    format!(
        r#"---
# Nouvelle fiche de l'espace réseau ({one}). Vérifiez avec : resin check
titre: {name}                     # obligatoire
resume: ""                        # une phrase, 280 caractères au plus
etiquettes: []                    # en minuscules, ex. [financement, aidants connect]
structure: ""                     # la structure qui publie, partage ou organise
{lieux}{own}---
Écrivez le texte en Markdown. Utilisez `##` pour les intertitres.
"#,
        one = section.one(),
        name = quoted(name)
    )
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
        return Err(Error::Command(UsageKind::FolderNotEmpty { path: dir.to_path_buf() }));
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
        crate::schema::write(&dir.join("schemas"), &crate::schema::kinds(), &crate::config::Extensions::default())?
    {
        let relative = path.strip_prefix(dir).unwrap_or(&path);
        written.push(relative.to_string_lossy().replace('\\', "/"));
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scaffolds are written out for their French comments: each must give exactly the
    /// fields of the content model (`schema`), so that a field added there is added here too.
    #[test]
    fn every_scaffold_gives_exactly_the_fields_of_the_table() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date");
        for kind in crate::schema::kinds() {
            let text = match kind {
                EntryKind::Lieu => lieu("Nom", today),
                EntryKind::Offre => offre("Nom", today),
                EntryKind::Page => page("Nom"),
                EntryKind::Reseau(section) => reseau(section, "Nom", today),
            };
            let front = text.split("---\n").nth(1).expect("a front matter");
            let yaml: serde_yaml::Mapping = serde_yaml::from_str(front).expect("the scaffold is YAML");
            let mut given: Vec<&str> = yaml.keys().filter_map(|k| k.as_str()).collect();
            // Commented out: a field given in another way (an offer's sessions instead of hours).
            given.extend(
                front
                    .lines()
                    .filter_map(|l| l.strip_prefix("# ")?.split_once(':'))
                    .map(|(k, _)| k)
                    .filter(|k| crate::schema::names(kind).contains(k) && !yaml.contains_key(*k)),
            );
            given.sort_unstable();
            // Left out on purpose: a place's `id` is its file name unless an import gives one,
            // and `source` names who produced an imported record.
            let omitted: &[&str] = if kind == EntryKind::Lieu { &["id", "source"] } else { &[] };
            let mut fields: Vec<&str> =
                crate::schema::names(kind).iter().copied().filter(|f| !omitted.contains(f)).collect();
            fields.sort_unstable();
            assert_eq!(given, fields, "{kind:?}");
        }
    }
}
