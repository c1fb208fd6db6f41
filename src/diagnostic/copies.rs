//! A place that looks copied from another ([`super::Kind::CopiedPlace`]): what the two share.

use std::fmt;

/// What two places with different names have in common that belongs to one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shared {
    /// The same e-mail address and the same phone number (and no third place has both).
    Contacts,
    /// The same Acceslibre sheet, at another address: a sheet describes one building.
    Acceslibre,
    /// The same presentation text, word for word.
    Presentation,
}

/// Warning: a place shares what identifies another place while its name differs, as a file
/// copied and renamed does; the wrong phone or e-mail would be published.
#[derive(Clone, Debug, PartialEq)]
pub struct CopiedPlace {
    /// What the two places share, in the order of [`Shared`].
    pub shared: Vec<Shared>,
    /// The other place's file.
    pub other: String,
    /// The line of the other file where the first shared field is written.
    pub other_line: usize,
    /// The other place's file name without `.md`, as `partage_coordonnees_avec` names it.
    pub other_slug: String,
}

impl fmt::Display for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Shared::Contacts => "le même courriel et le même téléphone",
            Shared::Acceslibre => "la même fiche Acceslibre (à une autre adresse)",
            Shared::Presentation => "la même présentation mot pour mot",
        })
    }
}

impl fmt::Display for CopiedPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shared: Vec<String> = self.shared.iter().map(Shared::to_string).collect();
        let shared = match shared.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} et {last}", rest.join(", ")),
            None => String::new(),
        };
        write!(
            f,
            "ce lieu porte un autre nom que celui de {} (ligne {}), mais il a {shared} : fiche copiée d'un autre lieu ?",
            self.other, self.other_line
        )
    }
}

impl CopiedPlace {
    /// How to fix it.
    pub(crate) fn help(&self) -> String {
        format!(
            "vérifiez les coordonnées et la présentation de ce lieu et remplacez celles de l'autre lieu ; si les deux \
             lieux les partagent vraiment (une même structure, un même bâtiment), écrivez \
             `partage_coordonnees_avec: [{}]` dans ce fichier",
            self.other_slug
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{CopiedPlace, Shared};

    #[test]
    fn names_what_is_shared_and_where() {
        let copied = CopiedPlace {
            shared: vec![Shared::Contacts, Shared::Acceslibre, Shared::Presentation],
            other: "content/lieux/mediatheque-du-bachut.md".into(),
            other_line: 14,
            other_slug: "mediatheque-du-bachut".into(),
        };
        assert_eq!(
            copied.to_string(),
            "ce lieu porte un autre nom que celui de content/lieux/mediatheque-du-bachut.md (ligne 14), mais il a le même \
             courriel et le même téléphone, la même fiche Acceslibre (à une autre adresse) et la même présentation mot \
             pour mot : fiche copiée d'un autre lieu ?"
        );
        assert!(copied.help().contains("`partage_coordonnees_avec: [mediatheque-du-bachut]`"));
    }
}
