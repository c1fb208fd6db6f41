//! A command that cannot run as asked: an argument or an environment variable that does not
//! read, a name that gives no file, a file or folder already there. [`UsageKind`] holds their
//! French text; `Error::Command` carries them (exit code 2). The importer's own are
//! [`super::ImportError`].

use std::fmt;
use std::path::PathBuf;

/// What is wrong with the way a command was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum UsageKind {
    /// `RESIN_DATE` is not a `YYYY-MM-DD` date.
    ResinDate {
        /// The variable's value.
        value: String,
    },
    /// `SOURCE_DATE_EPOCH` is not a number of seconds.
    SourceDateEpoch {
        /// The variable's value.
        value: String,
    },
    /// `resin schema --type site`: the settings have no schema.
    SchemaOfSite,
    /// `resin schema --out -` without `--type`: one schema only can go to the output.
    SchemaOutWithoutType,
    /// `resin new` with a name that has no letter or digit to name a file.
    NoFileName {
        /// The name given.
        name: String,
    },
    /// `resin new` with a name whose file name is the address of a section of the site.
    ReservedName {
        /// The file name it gives.
        slug: String,
        /// The name given.
        name: String,
    },
    /// `resin new` with a name whose file is already there.
    EntryExists {
        /// The file.
        path: PathBuf,
    },
    /// `resin new site` in a folder that is not empty.
    FolderNotEmpty {
        /// The folder.
        path: PathBuf,
    },
}

impl UsageKind {
    /// What is wrong, in French.
    fn what(&self) -> String {
        match self {
            UsageKind::ResinDate { value } => format!("RESIN_DATE « {value} » n'est pas une date AAAA-MM-JJ"),
            UsageKind::SourceDateEpoch { value } => {
                format!("SOURCE_DATE_EPOCH « {value} » n'est pas un nombre de secondes")
            }
            UsageKind::SchemaOfSite => "--type : un type de fiche, pas « site »".into(),
            UsageKind::SchemaOutWithoutType => "--out - écrit un seul schéma".into(),
            UsageKind::NoFileName { name } => format!("« {name} » ne donne aucun nom de fichier"),
            UsageKind::ReservedName { slug, .. } => format!("« {slug} » est l'adresse d'une rubrique du site"),
            UsageKind::EntryExists { path } => format!("{} existe déjà", path.display()),
            UsageKind::FolderNotEmpty { path } => format!("{} existe déjà et n'est pas vide", path.display()),
        }
    }

    /// How to go on, in French; `None` when the problem says it.
    pub fn help(&self) -> Option<String> {
        Some(match self {
            UsageKind::ResinDate { .. } | UsageKind::SourceDateEpoch { .. } | UsageKind::SchemaOfSite => return None,
            UsageKind::SchemaOutWithoutType => "précisez --type".into(),
            UsageKind::NoFileName { .. } => "utilisez des lettres ou des chiffres".into(),
            UsageKind::ReservedName { name, .. } => {
                format!("choisissez un autre titre, par exemple « {name} (informations) »")
            }
            UsageKind::EntryExists { .. } => "choisissez un autre nom ou modifiez ce fichier".into(),
            UsageKind::FolderNotEmpty { .. } => "choisissez un nouveau dossier".into(),
        })
    }
}

impl fmt::Display for UsageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.help() {
            Some(help) => write!(f, "{} : {help}", self.what()),
            None => write!(f, "{}", self.what()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::UsageKind;

    #[test]
    fn a_usage_problem_says_what_then_how_to_go_on() {
        let reserved = UsageKind::ReservedName { slug: "carte".into(), name: "Carte".into() };
        assert_eq!(
            reserved.to_string(),
            "« carte » est l'adresse d'une rubrique du site : choisissez un autre titre, par exemple « Carte (informations) »"
        );
        assert_eq!(reserved.help().as_deref(), Some("choisissez un autre titre, par exemple « Carte (informations) »"));
        let out = UsageKind::SchemaOutWithoutType;
        assert_eq!(out.to_string(), "--out - écrit un seul schéma : précisez --type");
        let date = UsageKind::ResinDate { value: "demain".into() };
        assert_eq!(date.to_string(), "RESIN_DATE « demain » n'est pas une date AAAA-MM-JJ");
        assert_eq!(date.help(), None);
        let exists = UsageKind::EntryExists { path: "content/lieux/a.md".into() };
        assert_eq!(
            exists.to_string(),
            "content/lieux/a.md existe déjà : choisissez un autre nom ou modifiez ce fichier"
        );
    }
}
