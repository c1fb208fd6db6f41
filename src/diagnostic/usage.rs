//! A command that cannot run as asked: an argument or an environment variable that does not
//! read, a name that gives no file, a file or folder already there. [`UsageKind`] holds their
//! French text; `Error::Usage` carries them (exit code 2), and `main.rs` tells clap's errors
//! with them. The importer's own are [`super::ImportError`].

use std::fmt;
use std::path::PathBuf;

/// What is wrong with the way a command was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum UsageKind {
    /// No command given.
    NoCommand,
    /// A command resin does not have.
    UnknownCommand {
        /// The word given.
        command: String,
        /// The closest command or option.
        suggestion: Option<String>,
    },
    /// An option the command does not have.
    UnknownOption {
        /// The option given.
        option: String,
        /// The closest command or option.
        suggestion: Option<String>,
    },
    /// An option given without its value.
    MissingValue {
        /// The option.
        option: String,
    },
    /// An option given twice, or with one it excludes.
    OptionConflict {
        /// The option.
        option: String,
    },
    /// A value outside the option's list.
    ValueNotAllowed {
        /// The value given.
        value: String,
        /// The option.
        option: String,
        /// The values allowed, joined by commas.
        allowed: String,
    },
    /// A value the option cannot read (`--port`, `--bind`).
    InvalidValue {
        /// The value given.
        value: String,
        /// The option, as clap names it (`--port <PORT>`).
        option: String,
    },
    /// Required arguments missing.
    MissingArguments {
        /// The arguments, as clap names them.
        arguments: String,
    },
    /// Another mistake in the arguments, in the words of the argument parser.
    Arguments {
        /// The parser's description.
        message: String,
    },
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
    /// `resin fmt` given a file that is not an entry of `content/`.
    NotAnEntry {
        /// The path as given.
        path: PathBuf,
    },
    /// `resin new site` in a folder that is not empty.
    FolderNotEmpty {
        /// The folder.
        path: PathBuf,
    },
    /// `--base-url` is not a whole http(s) address.
    BaseUrl {
        /// The value given.
        url: String,
    },
    /// A folder of the site's theme leads outside the site through a symbolic link.
    ThemeOutside {
        /// The folder, as shown.
        folder: String,
    },
    /// `resin serve`: the port is taken.
    PortInUse {
        /// The port.
        port: u16,
    },
    /// `resin serve` cannot listen on the address for another reason.
    CannotListen {
        /// `address:port`.
        address: String,
        /// The system's reason.
        reason: String,
    },
    /// `resin serve` cannot watch the site's folders.
    CannotWatch {
        /// The site root.
        path: PathBuf,
        /// The watcher's reason.
        reason: String,
    },
    /// `resin serve` could not start or go on (a thread, the HTTP server).
    Preview {
        /// The system's reason.
        reason: String,
    },
}

impl UsageKind {
    /// What is wrong, in French.
    fn what(&self) -> String {
        let perhaps = |suggestion: &Option<String>| match suggestion {
            Some(s) => format!(" ; vouliez-vous dire « {s} » ?"),
            None => String::new(),
        };
        match self {
            UsageKind::NoCommand => "indiquez une commande : build, check, serve, import ou new".into(),
            UsageKind::UnknownCommand { command, suggestion } => format!(
                "commande inconnue « {command} »{} (commandes : build, check, serve, new, import, schema)",
                perhaps(suggestion)
            ),
            UsageKind::UnknownOption { option, suggestion } => {
                format!("option inconnue « {option} »{}", perhaps(suggestion))
            }
            UsageKind::MissingValue { option } => format!("il manque la valeur de {option}"),
            UsageKind::OptionConflict { option } => {
                format!("l'option {option} est donnée deux fois, ou avec une option incompatible")
            }
            UsageKind::ValueNotAllowed { value, option, allowed } => {
                format!("valeur « {value} » impossible pour {option} (valeurs possibles : {allowed})")
            }
            UsageKind::InvalidValue { value, option } => format!("valeur « {value} » impossible pour {option}"),
            UsageKind::MissingArguments { arguments } => format!("il manque : {arguments}"),
            UsageKind::Arguments { message } => message.clone(),
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
            UsageKind::NotAnEntry { path } => format!("{} n'est pas une fiche de content/", path.display()),
            UsageKind::BaseUrl { url } => {
                format!("--base-url « {url} » : une adresse http(s) complète, sans « ? » ni « # », est attendue")
            }
            UsageKind::ThemeOutside { folder } => {
                format!("le dossier du thème « {folder} » mène hors du site par un lien symbolique")
            }
            UsageKind::PortInUse { port } => format!("le port {port} est déjà utilisé (un autre `resin serve` ?)"),
            UsageKind::CannotListen { address, reason } => format!("impossible d'écouter sur {address} : {reason}"),
            UsageKind::CannotWatch { path, reason } => {
                format!("impossible de surveiller {} : {reason}", path.display())
            }
            UsageKind::Preview { reason } => format!("l'aperçu s'est arrêté : {reason}"),
        }
    }

    /// How to go on, in French; `None` when the problem says it.
    pub fn help(&self) -> Option<String> {
        Some(match self {
            UsageKind::InvalidValue { option, .. } if option.starts_with("--port") => {
                "un nombre de 0 à 65535 est attendu".into()
            }
            UsageKind::InvalidValue { option, .. } if option.starts_with("--bind") => {
                "une adresse IP est attendue, par exemple 127.0.0.1".into()
            }
            UsageKind::NoCommand
            | UsageKind::UnknownCommand { .. }
            | UsageKind::UnknownOption { .. }
            | UsageKind::MissingValue { .. }
            | UsageKind::OptionConflict { .. }
            | UsageKind::ValueNotAllowed { .. }
            | UsageKind::InvalidValue { .. }
            | UsageKind::MissingArguments { .. }
            | UsageKind::Arguments { .. }
            | UsageKind::ResinDate { .. }
            | UsageKind::SourceDateEpoch { .. }
            | UsageKind::SchemaOfSite
            | UsageKind::BaseUrl { .. }
            | UsageKind::CannotListen { .. }
            | UsageKind::CannotWatch { .. }
            | UsageKind::Preview { .. } => return None,
            UsageKind::ThemeOutside { .. } => "mettez-y les fichiers eux-mêmes".into(),
            UsageKind::PortInUse { .. } => "choisissez-en un autre avec --port".into(),
            UsageKind::SchemaOutWithoutType => "précisez --type".into(),
            UsageKind::NoFileName { .. } => "utilisez des lettres ou des chiffres".into(),
            UsageKind::ReservedName { name, .. } => {
                format!("choisissez un autre titre, par exemple « {name} (informations) »")
            }
            UsageKind::EntryExists { .. } => "choisissez un autre nom ou modifiez ce fichier".into(),
            UsageKind::FolderNotEmpty { .. } => "choisissez un nouveau dossier".into(),
            UsageKind::NotAnEntry { .. } => {
                "resin fmt met en forme les fiches, les fichiers .md des dossiers de content/ (pas site.yaml)".into()
            }
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
    fn the_preview_and_theme_problems_keep_their_words() {
        assert_eq!(
            UsageKind::PortInUse { port: 1111 }.to_string(),
            "le port 1111 est déjà utilisé (un autre `resin serve` ?) : choisissez-en un autre avec --port"
        );
        assert_eq!(
            UsageKind::ThemeOutside { folder: "themes/resin".into() }.to_string(),
            "le dossier du thème « themes/resin » mène hors du site par un lien symbolique : mettez-y les fichiers eux-mêmes"
        );
        assert_eq!(
            UsageKind::BaseUrl { url: "exemple.fr".into() }.to_string(),
            "--base-url « exemple.fr » : une adresse http(s) complète, sans « ? » ni « # », est attendue"
        );
    }

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
        let option = UsageKind::UnknownOption { option: "--formt".into(), suggestion: Some("--format".into()) };
        assert_eq!(option.to_string(), "option inconnue « --formt » ; vouliez-vous dire « --format » ?");
        let port = UsageKind::InvalidValue { value: "x".into(), option: "--port <PORT>".into() };
        assert_eq!(port.to_string(), "valeur « x » impossible pour --port <PORT> : un nombre de 0 à 65535 est attendu");
        let other = UsageKind::InvalidValue { value: "x".into(), option: "--root <ROOT>".into() };
        assert_eq!(other.to_string(), "valeur « x » impossible pour --root <ROOT>");
    }
}

/// Why resin refuses to write its output where asked ([`crate::Error::UnsafeOutput`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputRefusal {
    /// A file's path would leave the output folder.
    LeavesOutput,
    /// The output folder is the site's root or one of its parents.
    SiteRoot,
    /// The output folder is inside `content/` or `themes/`.
    InsideSources,
    /// The output path is a file.
    IsAFile,
    /// The output folder holds files resin did not write.
    NotOurs,
    /// Two pages of the site would be written to the same file.
    TwoPagesOneFile,
}

impl fmt::Display for OutputRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OutputRefusal::LeavesOutput => "ce chemin sortirait du dossier de sortie",
            OutputRefusal::SiteRoot => "c'est la racine du site ou l'un de ses dossiers parents",
            OutputRefusal::InsideSources => "il est dans `content/` ou `themes/`",
            OutputRefusal::IsAFile => "c'est un fichier, pas un dossier",
            OutputRefusal::NotOurs => {
                "ce dossier existe et n'a pas été écrit par resin : videz-le ou choisissez-en un autre"
            }
            OutputRefusal::TwoPagesOneFile => "deux pages du site s'écriraient dans ce même fichier",
        })
    }
}
