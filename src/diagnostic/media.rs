//! What makes a file of `content/` unfit to publish, as [`Kind::ActiveSvg`](super::Kind::ActiveSvg)
//! and [`Kind::SpecialFile`](super::Kind::SpecialFile) name it: [`SvgHazard`], [`SpecialKind`].

use std::fmt;

/// What in an SVG image could run a script when it is opened as a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SvgHazard {
    /// Bytes that are not UTF-8.
    NotUtf8,
    /// Attribute defaults in a DTD (`<!ATTLIST>`): they add attributes the check does not see.
    AttributeDefaults,
    /// Text that is not well-formed XML.
    Malformed {
        /// The parser's error.
        error: String,
    },
    /// A root element that is not `<svg>`.
    Root {
        /// Its name.
        name: String,
    },
    /// A processing instruction (`xml-stylesheet` can apply XSLT).
    ProcessingInstruction,
    /// An element that runs or embeds a document (`script`, `foreignObject`, `iframe`…).
    Element {
        /// Its name as written.
        name: String,
    },
    /// An element of the XHTML namespace.
    HtmlElement {
        /// Its name as written.
        name: String,
    },
    /// An event attribute (`onload`…).
    EventAttribute {
        /// Its name.
        name: String,
    },
    /// An attribute holding an address that opens a document able to run a script.
    ActiveAddress {
        /// The address's start (`javascript:`, `data:text/html`…).
        address: &'static str,
        /// The attribute.
        attribute: String,
    },
    /// A link of a scheme an SVG image may not use.
    Scheme {
        /// The scheme.
        scheme: String,
        /// The attribute.
        attribute: String,
    },
}

impl fmt::Display for SvgHazard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SvgHazard::NotUtf8 => write!(f, "du texte qui n'est pas en UTF-8"),
            SvgHazard::AttributeDefaults => write!(f, "une déclaration d'attributs par défaut (`<!ATTLIST>`)"),
            SvgHazard::Malformed { error } => write!(f, "du XML mal formé ({error})"),
            SvgHazard::Root { name } => write!(f, "une racine `<{name}>` au lieu de `<svg>`"),
            SvgHazard::ProcessingInstruction => write!(f, "une instruction de traitement (`<?…?>`)"),
            SvgHazard::Element { name } => write!(f, "un élément `<{name}>`"),
            SvgHazard::HtmlElement { name } => write!(f, "un élément HTML `<{name}>`"),
            SvgHazard::EventAttribute { name } => write!(f, "l'attribut d'événement `{name}`"),
            SvgHazard::ActiveAddress { address, attribute } => {
                write!(f, "une adresse `{address}` dans l'attribut `{attribute}`")
            }
            SvgHazard::Scheme { scheme, attribute } => write!(f, "un lien `{scheme}:` dans l'attribut `{attribute}`"),
        }
    }
}

/// What a thing under `content/` is when it is neither a regular file nor a folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecialKind {
    /// A named pipe.
    Pipe,
    /// A socket.
    Socket,
    /// A block or character device.
    Device,
    /// Anything else.
    Other,
}

impl fmt::Display for SpecialKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SpecialKind::Pipe => "tube nommé",
            SpecialKind::Socket => "socket",
            SpecialKind::Device => "périphérique",
            SpecialKind::Other => "fichier spécial",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{SpecialKind, SvgHazard};
    use crate::diagnostic::Kind;

    #[test]
    fn a_refused_file_says_what_it_holds() {
        let link = SvgHazard::Scheme { scheme: "file".into(), attribute: "href".into() };
        let kind = Kind::ActiveSvg { path: "content/logo.svg".into(), reason: link };
        assert_eq!(
            kind.to_string(),
            "l'image « content/logo.svg » peut exécuter un script : elle contient un lien `file:` dans l'attribut `href`"
        );
        let pipe = Kind::SpecialFile { path: "content/x".into(), what: SpecialKind::Pipe };
        assert_eq!(
            pipe.to_string(),
            "« content/x » n'est ni un fichier ordinaire ni un dossier (tube nommé) : il est refusé"
        );
        let address = SvgHazard::ActiveAddress { address: "javascript:", attribute: "href".into() };
        assert_eq!(address.to_string(), "une adresse `javascript:` dans l'attribut `href`");
    }
}
