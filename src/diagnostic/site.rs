//! The problems of `content/site.yaml` and of the files it names (the communes list) that no
//! kind of entry shares: [`SiteKind`], its French text and its help. Their code stays
//! `configuration`, the code these problems had when they were free text.
//!
//! A mistake `site.yaml` shares with entries (an unknown or missing field, a wrong type, a bad
//! address, a value outside the standard's vocabulary) is reported with the entries' own kind.

use std::fmt;

/// A problem of the site's settings.
#[derive(Clone, Debug, PartialEq)]
pub enum SiteKind {
    /// `content/site.yaml` does not exist.
    Missing,
    /// A territorial field whose name is not snake case.
    ExtensionName {
        /// The name as written.
        name: String,
    },
    /// A territorial field named like a field of the standard.
    ExtensionStandardName {
        /// The name as written.
        name: String,
    },
    /// A territorial field declared twice in one list.
    ExtensionTwice {
        /// The name.
        name: String,
        /// `lieux` or `offres`.
        list: &'static str,
    },
    /// Two territorial fields whose filter pages would share an address.
    ExtensionSameAddress {
        /// This field.
        name: String,
        /// The field declared before it.
        other: String,
        /// The address part they share.
        slug: String,
    },
    /// A territorial field of a type resin does not know.
    ExtensionType {
        /// The type as written.
        written: String,
        /// The closest known type.
        suggestion: Option<&'static str>,
    },
    /// A value of a `choix` field without letter or digit.
    ChoiceValueEmpty {
        /// The value.
        value: String,
    },
    /// Two values of a `choix` field that only differ by case, accents or punctuation.
    ChoiceValuesAlike {
        /// The value declared first.
        first: String,
        /// This value.
        value: String,
    },
    /// `filtre` on a field of offers.
    OfferFilter,
    /// A `choix` field without `valeurs`.
    ChoiceWithoutValues,
    /// `valeurs` on a field that is not a `choix`.
    ValuesWithoutChoice,
    /// `filtre` on a field that is neither `booleen` nor `choix`.
    FilterNotAllowed,
    /// `edition_en_ligne.forge` names a forge resin does not know.
    UnknownForge {
        /// The forge as written.
        written: String,
        /// The closest known forge.
        suggestion: Option<&'static str>,
    },
    /// GitHub and GitLab need `depot`.
    MissingRepository {
        /// The forge's name.
        forge: &'static str,
    },
    /// A `depot` that is not `compte/depot`.
    Repository {
        /// The value as written.
        depot: String,
        /// True on GitLab, which allows sub-groups.
        gitlab: bool,
    },
    /// A `branche` that git would refuse.
    Branch {
        /// The value as written.
        branch: String,
    },
    /// GitLab without `application`.
    GitlabApplication,
    /// `edition_en_ligne:` with nothing under it.
    EmptyEdition,
    /// A `source_donnees` that is not lowercase letters, digits and hyphens.
    DataSource {
        /// The value as written.
        written: String,
        /// The value in lowercase letters, digits and hyphens.
        suggestion: String,
    },
    /// A need of `orientation` whose `libelle` has no words before its bracket.
    NeedWithoutWords,
    /// Two needs whose links to the shortlist would be the same.
    NeedsSameLink {
        /// The need written first.
        first: String,
        /// This need.
        second: String,
        /// The shared identifier.
        slug: String,
    },
    /// A need without any service.
    NeedWithoutServices,
    /// `territoire.communes` is not a relative path inside the site.
    CommunesPath {
        /// The path as written.
        path: String,
    },
    /// `territoire.communes` names a folder.
    CommunesFolder {
        /// The path as written.
        path: String,
    },
    /// `territoire.communes` names a pipe, a socket or a device (issue 19).
    CommunesNotAFile {
        /// The path as written.
        path: String,
    },
    /// `territoire.communes` names no file.
    CommunesNotFound {
        /// The path as written.
        path: String,
    },
    /// The communes file cannot be read.
    CommunesUnreadable {
        /// The path as written.
        path: String,
        /// The reader's error.
        error: String,
    },
    /// A row of the communes file that does not read.
    CommunesRow {
        /// The path as written.
        path: String,
        /// The row's line in the file.
        line: usize,
        /// The reader's error.
        error: String,
    },
    /// The communes file has no commune.
    CommunesEmpty {
        /// The path as written.
        path: String,
    },
}

/// The columns a communes file must have, as the messages name them.
const COMMUNES_COLUMNS: &str = "code_insee,nom,codes_postaux";

impl fmt::Display for SiteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SiteKind::Missing => write!(f, "le fichier `content/site.yaml` est absent"),
            SiteKind::ExtensionName { name } => write!(f, "nom de champ « {name} » invalide"),
            SiteKind::ExtensionStandardName { name } => write!(f, "`{name}` est déjà un champ du standard national"),
            SiteKind::ExtensionTwice { name, list } => {
                write!(f, "le champ `{name}` est déclaré deux fois dans `extensions.{list}`")
            }
            SiteKind::ExtensionSameAddress { name, other, slug } => {
                write!(f, "`{name}` et `{other}` donneraient la même adresse de filtre (/criteres/{slug}/)")
            }
            SiteKind::ExtensionType { written, suggestion: Some(s) } => {
                write!(f, "type « {written} » inconnu : vouliez-vous dire `{s}` ?")
            }
            SiteKind::ExtensionType { written, suggestion: None } => write!(f, "type « {written} » inconnu"),
            SiteKind::ChoiceValueEmpty { value } => {
                write!(f, "la valeur « {value} » n'a ni lettre ni chiffre : elle ne peut pas servir de filtre")
            }
            SiteKind::ChoiceValuesAlike { first, value } => write!(
                f,
                "les valeurs « {first} » et « {value} » ne diffèrent que par les majuscules, les accents ou la ponctuation"
            ),
            SiteKind::OfferFilter => write!(
                f,
                "les filtres de l'annuaire portent sur les lieux : `filtre` ne sert pas aux champs des offres"
            ),
            SiteKind::ChoiceWithoutValues => write!(f, "un champ `choix` a besoin de `valeurs`"),
            SiteKind::ValuesWithoutChoice => write!(f, "`valeurs` ne sert qu'à un champ de type `choix`"),
            SiteKind::FilterNotAllowed => write!(f, "seuls les champs `booleen` et `choix` peuvent servir de filtre"),
            SiteKind::UnknownForge { written, suggestion: Some(s) } => {
                write!(f, "forge « {written} » inconnue : vouliez-vous dire `{s}` ?")
            }
            SiteKind::UnknownForge { written, suggestion: None } => write!(f, "forge « {written} » inconnue"),
            SiteKind::MissingRepository { forge } => write!(f, "le dépôt {forge} qui contient content/ manque"),
            SiteKind::Repository { depot, .. } => write!(f, "dépôt « {depot} » mal écrit"),
            SiteKind::Branch { branch } => write!(f, "branche « {branch} » : ce n'est pas un nom de branche git"),
            SiteKind::GitlabApplication => write!(f, "GitLab a besoin de `application:`"),
            SiteKind::EmptyEdition => write!(f, "`edition_en_ligne` est vide"),
            SiteKind::DataSource { written, .. } => {
                write!(
                    f,
                    "`source_donnees` « {written} » : les identifiants publiés n'en gardent que des minuscules, des chiffres et des tirets"
                )
            }
            SiteKind::NeedWithoutWords => write!(f, "`libelle` est vide"),
            SiteKind::NeedsSameLink { first, second, slug } => {
                write!(f, "« {first} » et « {second} » donneraient le même lien vers la sélection (`?demande={slug}`)")
            }
            SiteKind::NeedWithoutServices => write!(f, "`services` est vide"),
            SiteKind::CommunesPath { path } => {
                write!(
                    f,
                    "`territoire.communes` doit être un chemin relatif à la racine du site, sans `..` : « {path} »"
                )
            }
            SiteKind::CommunesFolder { path } => write!(f, "« {path} » est un dossier"),
            SiteKind::CommunesNotAFile { path } => {
                write!(f, "« {path} » n'est pas un fichier ordinaire (tube nommé, socket…)")
            }
            SiteKind::CommunesNotFound { path } => {
                write!(f, "liste des communes « {path} » introuvable (le chemin part de la racine du site)")
            }
            SiteKind::CommunesUnreadable { path, error } => {
                write!(f, "impossible de lire la liste des communes « {path} » : {error}")
            }
            SiteKind::CommunesRow { path, line, error } => {
                write!(f, "liste des communes « {path} », ligne {line} : {error}")
            }
            SiteKind::CommunesEmpty { path } => write!(f, "la liste des communes « {path} » est vide"),
        }
    }
}

impl SiteKind {
    /// How to fix the problem, in French.
    pub fn help(&self) -> String {
        match self {
            SiteKind::Missing => "créez-le (voir le README, « Le format du contenu »)".into(),
            SiteKind::ExtensionName { .. } => {
                "écrivez des minuscules sans accent, des chiffres et `_`, par exemple `pass_numerique`".into()
            }
            SiteKind::ExtensionStandardName { .. } => "choisissez un autre nom".into(),
            SiteKind::ExtensionTwice { .. } => "gardez une seule déclaration, ou renommez l'une des deux".into(),
            SiteKind::ExtensionSameAddress { .. } => "choisissez des noms plus différents".into(),
            SiteKind::ExtensionType { .. } => "écrivez `booleen`, `texte`, `choix`, `url` ou `date`".into(),
            SiteKind::ChoiceValueEmpty { .. } => "écrivez la valeur avec au moins une lettre ou un chiffre".into(),
            SiteKind::ChoiceValuesAlike { .. } => "gardez une seule des deux valeurs".into(),
            SiteKind::OfferFilter => "retirez `filtre` de ce champ".into(),
            SiteKind::ChoiceWithoutValues => "ajoutez `valeurs: [première, seconde…]`".into(),
            SiteKind::ValuesWithoutChoice => "retirez `valeurs`, ou écrivez `type: choix`".into(),
            SiteKind::FilterNotAllowed => "retirez `filtre`, ou donnez au champ le type `booleen` ou `choix`".into(),
            SiteKind::UnknownForge { .. } => "écrivez `github`, `gitlab` ou `git-gateway`".into(),
            SiteKind::MissingRepository { forge } => {
                format!("ajoutez `depot: compte/nom-du-depot`, le dépôt {forge} qui contient content/")
            }
            SiteKind::Repository { gitlab, .. } => format!(
                "écrivez `compte/nom-du-depot`{}, sans https:// ni .git",
                if *gitlab { " (ou `groupe/sous-groupe/depot`)" } else { "" }
            ),
            SiteKind::Branch { .. } => "écrivez un nom de branche git, par exemple `main`".into(),
            SiteKind::GitlabApplication => "ajoutez `application:`, l'identifiant de l'application OAuth créée dans GitLab (Paramètres > Applications)".into(),
            SiteKind::EmptyEdition => "donnez au moins `forge:` et `depot:` (ou retirez la ligne)".into(),
            SiteKind::DataSource { suggestion, .. } if suggestion.is_empty() => {
                "écrivez un nom court en minuscules, chiffres et tirets, par exemple `res-in`".into()
            }
            SiteKind::DataSource { suggestion, .. } => format!("écrivez `source_donnees: {suggestion}`"),
            SiteKind::NeedWithoutWords => {
                "écrivez le besoin comme la personne le dirait, par exemple « Faire une démarche CAF »".into()
            }
            SiteKind::NeedsSameLink { .. } => "changez les mots avant la parenthèse".into(),
            SiteKind::NeedWithoutServices => {
                "donnez au moins un service du standard, par exemple `[Aide aux démarches administratives]`".into()
            }
            SiteKind::CommunesPath { .. } => {
                "écrivez le chemin du fichier CSV à partir de la racine du site, par exemple `data/communes.csv`".into()
            }
            SiteKind::CommunesFolder { .. } | SiteKind::CommunesNotAFile { .. } => {
                "indiquez le fichier CSV des communes".into()
            }
            SiteKind::CommunesNotFound { .. } => {
                "vérifiez `territoire.communes`, un chemin écrit à partir de la racine du site".into()
            }
            SiteKind::CommunesUnreadable { .. } => {
                format!("indiquez un fichier CSV lisible, de colonnes {COMMUNES_COLUMNS}")
            }
            SiteKind::CommunesRow { .. } | SiteKind::CommunesEmpty { .. } => {
                format!("colonnes attendues : {COMMUNES_COLUMNS}")
            }
        }
    }
}

impl From<SiteKind> for super::Kind {
    fn from(kind: SiteKind) -> Self {
        super::Kind::Site(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::SiteKind;
    use crate::diagnostic::Kind;

    #[test]
    fn a_problem_of_the_settings_says_what_and_how_to_fix_it_apart() {
        let kind = Kind::from(SiteKind::UnknownForge { written: "gitub".into(), suggestion: Some("github") });
        assert_eq!(kind.code(), "configuration");
        assert_eq!(kind.to_string(), "forge « gitub » inconnue : vouliez-vous dire `github` ?");
        assert_eq!(kind.help().as_deref(), Some("écrivez `github`, `gitlab` ou `git-gateway`"));
        let row = SiteKind::CommunesRow { path: "data/c.csv".into(), line: 3, error: "x".into() };
        assert_eq!(row.to_string(), "liste des communes « data/c.csv », ligne 3 : x");
        assert!(row.help().contains("code_insee,nom,codes_postaux"));
    }
}
