//! Why the local web editor's backend (`resin serve`, `/__resin/decap`) refuses a request: the
//! French text Decap CMS shows the animator in its error message.

use std::fmt;

use super::Kind;

/// A request of the web editor that `resin serve` refuses or cannot carry out.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum EditorRefusal {
    /// The request did not come from this computer.
    NotLocal,
    /// The site does not have the web editor (`edition_en_ligne`).
    EditorOff,
    /// The request names a host that is not the preview's.
    UnexpectedHost,
    /// The request came from another site.
    OtherSite,
    /// The body is not JSON.
    NotJson,
    /// The body is over the limit.
    TooLarge {
        /// The limit, in megabytes.
        megabytes: usize,
    },
    /// The body is JSON but not a request of Decap's.
    UnreadableRequest,
    /// A parameter the action needs is missing.
    MissingParameter {
        /// The parameter.
        name: String,
    },
    /// An action Decap's local backend does not have.
    UnknownAction {
        /// The action asked.
        action: String,
    },
    /// A path outside `content/`, or not a plain name.
    NotContentFile {
        /// The path asked.
        path: String,
    },
    /// A media file that `check` would refuse: its diagnostic.
    Media {
        /// What `check` would say.
        kind: Kind,
    },
    /// An uploaded file whose base64 does not decode.
    BadBase64 {
        /// The path.
        path: String,
    },
    /// A rename onto a file that exists.
    AlreadyExists {
        /// The path.
        path: String,
    },
    /// The system refused to read or write a file.
    Io {
        /// The path.
        path: String,
        /// The system's message.
        error: String,
    },
    /// The request's task failed.
    Internal,
}

impl fmt::Display for EditorRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditorRefusal::NotLocal => f.write_str("l'édition locale n'est ouverte qu'à cet ordinateur"),
            EditorRefusal::EditorOff => f.write_str("l'éditeur en ligne n'est pas activé (edition_en_ligne)"),
            EditorRefusal::UnexpectedHost => f.write_str("adresse de l'aperçu inattendue"),
            EditorRefusal::OtherSite => f.write_str("requête venue d'un autre site"),
            EditorRefusal::NotJson => f.write_str("le corps doit être du JSON"),
            EditorRefusal::TooLarge { megabytes } => write!(f, "envoi trop gros : {megabytes} Mo au plus"),
            EditorRefusal::UnreadableRequest => f.write_str("requête illisible"),
            EditorRefusal::MissingParameter { name } => write!(f, "`{name}` manquant"),
            EditorRefusal::UnknownAction { action } => write!(f, "action inconnue : {action}"),
            EditorRefusal::NotContentFile { path } => write!(f, "« {path} » n'est pas un fichier de content/"),
            EditorRefusal::Media { kind } => match kind.help() {
                Some(help) => write!(f, "{kind} ; {help}"),
                None => write!(f, "{kind}"),
            },
            EditorRefusal::BadBase64 { path } => write!(f, "{path} : fichier envoyé illisible (base64)"),
            EditorRefusal::AlreadyExists { path } => write!(f, "{path} existe déjà : choisissez un autre nom"),
            EditorRefusal::Io { path, error } => write!(f, "{path} : {error}"),
            EditorRefusal::Internal => f.write_str("erreur interne"),
        }
    }
}
