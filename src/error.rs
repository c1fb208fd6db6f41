//! Errors that are not content problems: I/O, templates, usage (exit code 2). The French text of
//! usage problems is in [`crate::diagnostic`] ([`UsageKind`], [`ImportError`]).

use std::path::PathBuf;

use crate::diagnostic::{ImportError, OutputRefusal, UsageKind};

/// An error that stops a command. Content problems are [`crate::Diagnostic`]s instead.
#[derive(Debug)]
pub enum Error {
    /// A file could not be read or written.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// The site root has no `content/` folder.
    NoContent {
        /// The root given.
        root: PathBuf,
    },
    /// A theme template failed to parse or render.
    Template {
        /// The template and Tera's explanation.
        message: String,
    },
    /// A command cannot run as asked: an argument, an environment variable, a name or a
    /// folder given. Its French text is the kind's.
    Usage(UsageKind),
    /// What stops `resin import` before it writes: its French text is the kind's.
    Import(ImportError),
    /// The output folder would be unsafe to replace.
    UnsafeOutput {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: OutputRefusal,
    },
}

impl Error {
    /// Exit code: always 2 (usage or environment). Content errors are diagnostics, and exit
    /// with 1 from the command that reports them.
    pub fn code(&self) -> i32 {
        2
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{} : {}", shown(path), io_message(source)),
            Error::NoContent { root } => write!(
                f,
                "aucun dossier `content/` dans {} : lancez resin à la racine du site, ou indiquez-la avec --root",
                shown(root)
            ),
            Error::Template { message } => write!(f, "erreur de gabarit : {message}"),
            // They may quote what the user typed: escaped, as every value resin prints.
            Error::Usage(kind) => write!(f, "{}", crate::source::printable(&kind.to_string())),
            Error::Import(kind) => write!(f, "{}", crate::source::printable(&kind.to_string())),
            Error::UnsafeOutput { path, reason } => {
                write!(f, "dossier de sortie {} refusé : {reason}", shown(path))
            }
        }
    }
}

/// A path as printed: control characters escaped ([`crate::source::printable`]).
pub fn shown(path: &std::path::Path) -> String {
    crate::source::printable(&path.display().to_string()).into_owned()
}

fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "fichier ou dossier introuvable".into(),
        PermissionDenied => "permission refusée".into(),
        AlreadyExists => "existe déjà".into(),
        StorageFull => "disque plein".into(),
        _ => e.to_string(),
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
