//! What the command line and `resin serve` say when nothing is wrong, or to frame a report:
//! a site built, an entry created, the preview updated. [`Notice`] holds their French text, as
//! the kinds hold the problems'.

use std::fmt;

use super::count;

/// What started an update of the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// The first build, when `resin serve` starts.
    FirstBuild,
    /// Everything read again (after a change the watcher could not follow).
    AllReread,
    /// One file, by its path from the site's root (printable).
    File {
        /// The path.
        path: String,
    },
    /// Several files.
    Files {
        /// How many.
        count: usize,
    },
}

impl fmt::Display for Trigger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trigger::FirstBuild => f.write_str("site construit"),
            Trigger::AllReread => f.write_str("contenu relu"),
            Trigger::File { path } => f.write_str(path),
            Trigger::Files { count } => write!(f, "{count} fichiers"),
        }
    }
}

/// A line the command line or the preview prints that is not a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// `check --strict` failed on warnings alone.
    StrictWarnings,
    /// `check` found nothing.
    NoProblem,
    /// `build` wrote the site.
    Built {
        /// The output folder, printable.
        output: String,
        /// Places published.
        places: usize,
        /// Offers published.
        offers: usize,
        /// Pages published.
        pages: usize,
        /// Entries of the network's space published.
        publications: usize,
        /// Files written.
        files: usize,
        /// Time taken.
        millis: u128,
    },
    /// `build` refused: the previous output is kept.
    NothingPublished {
        /// The output folder, printable.
        output: String,
    },
    /// `new site` created a site.
    SiteCreated {
        /// Its folder, printable.
        name: String,
    },
    /// `new lieu`, `new offre`… created an entry.
    EntryCreated,
    /// `serve --bind` on an address other devices reach.
    PublicBind {
        /// The address given.
        bind: String,
        /// The port.
        port: u16,
    },
    /// The preview's address.
    PreviewAt {
        /// Its URL.
        url: String,
    },
    /// How the preview follows the files.
    PreviewWatching,
    /// `--open` could not open a browser.
    BrowserNotOpened {
        /// The preview's URL.
        url: String,
    },
    /// Ctrl-C.
    PreviewStopped,
    /// An update panicked: everything is read again.
    InternalReread,
    /// The preview is up to date.
    PreviewUpdated {
        /// What started the update.
        trigger: Trigger,
        /// Time taken.
        millis: u128,
        /// Files of the site whose content changed.
        outdated: usize,
    },
    /// `content/` disappeared (a branch switch, a move).
    ContentGone {
        /// The site's root, printable.
        root: String,
    },
    /// An update failed; the preview keeps the last correct site.
    KeptLastGood {
        /// What started the update.
        trigger: Trigger,
    },
    /// The preview is up to date but for the entries with errors, shown in their last correct
    /// version (or not at all).
    PreviewPartial {
        /// What started the update.
        trigger: Trigger,
    },
    /// The first build of the preview: the site, without the entries with errors.
    BuiltWithout {
        /// Errors to fix.
        errors: usize,
        /// The preview's URL.
        url: String,
    },
    /// An update failed and no correct site was built yet: the preview serves the errors in
    /// place of the site.
    NotBuiltYet {
        /// What started the update.
        trigger: Trigger,
        /// Errors to fix.
        errors: usize,
        /// The preview's URL.
        url: String,
    },
    /// The web editor saved a file.
    EditorSaved {
        /// The path, printable.
        path: String,
    },
    /// The web editor renamed a file.
    EditorRenamed {
        /// The old path, printable.
        from: String,
        /// The new path, printable.
        to: String,
    },
    /// The web editor deleted a file.
    EditorDeleted {
        /// The path, printable.
        path: String,
    },
    /// `resin fraicheur`'s summary.
    Freshness {
        /// Places listed.
        places: usize,
        /// Checked more than 6 months ago.
        older_than_6: usize,
        /// Checked more than 12 months ago.
        older_than_12: usize,
    },
    /// `resin fmt`: what it did.
    Formatted {
        /// Entries rewritten.
        changed: usize,
        /// Entries read.
        files: usize,
    },
    /// `resin fmt --check`: entries out of the canonical style (none: all are in it).
    StyleChecked {
        /// Entries out of the style.
        differing: usize,
        /// Entries read.
        files: usize,
    },
    /// `resin fraicheur` on content with errors: places with an error are not listed.
    FreshnessIncomplete {
        /// Errors of the content.
        errors: usize,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::StrictWarnings => f.write_str("Avec --strict, les avertissements comptent comme des erreurs."),
            Notice::NoProblem => f.write_str("Contenu vérifié : aucun problème."),
            Notice::Built { output, places, offers, pages, publications, files, millis } => write!(
                f,
                "Site construit dans {output} : {}, {}, {}, {} de l'espace réseau ; {files} fichiers en {millis} ms.",
                count(*places, "lieu", "lieux"),
                count(*offers, "offre", "offres"),
                count(*pages, "page", "pages"),
                count(*publications, "publication", "publications"),
            ),
            Notice::NothingPublished { output } => write!(f, "Rien n'a été publié : {output} est inchangé."),
            Notice::SiteCreated { name } => write!(
                f,
                "Nouveau site créé dans {name} : complétez content/site.yaml, puis lancez `resin serve --root {name}`."
            ),
            Notice::EntryCreated => f.write_str("Fiche créée : complétez-la, puis lancez `resin check`."),
            Notice::PublicBind { bind, port } => write!(
                f,
                "attention : --bind {bind} rend l'aperçu visible des autres appareils du réseau, \
                 brouillons compris. Depuis un autre appareil, ouvrez http://<adresse IP de cet ordinateur>:{port}/ ; \
                 pour garder l'aperçu sur cet ordinateur, n'utilisez pas --bind."
            ),
            Notice::PreviewAt { url } => write!(f, "Aperçu : {url}"),
            Notice::PreviewWatching => {
                f.write_str("Chaque enregistrement dans content/ ou themes/ met l'aperçu à jour. Ctrl-C pour arrêter.")
            }
            Notice::BrowserNotOpened { url } => {
                write!(f, "attention : le navigateur n'a pas pu être ouvert : ouvrez vous-même {url}")
            }
            Notice::PreviewStopped => f.write_str("Aperçu arrêté."),
            Notice::InternalReread => {
                f.write_str("erreur interne de resin pendant la mise à jour : tout le contenu est relu.")
            }
            Notice::PreviewUpdated { trigger, millis, outdated } => {
                let s = if *outdated > 1 { "s" } else { "" };
                write!(f, "{trigger} : aperçu à jour en {millis} ms ({outdated} fichier{s} du site concerné{s}).")
            }
            Notice::ContentGone { root } => {
                write!(f, "le dossier content/ de {root} est introuvable : l'aperçu reprendra quand il sera de retour")
            }
            Notice::KeptLastGood { trigger } => {
                write!(f, "{trigger} : l'aperçu garde la dernière version correcte du site.")
            }
            Notice::PreviewPartial { trigger } => write!(
                f,
                "{trigger} : aperçu à jour, sauf les fiches en erreur, montrées dans leur dernière version correcte \
                 (ou pas du tout si elles n'en ont jamais eu)."
            ),
            Notice::BuiltWithout { errors, url } => write!(
                f,
                "Le site a été construit sans les fiches en erreur : {} (voir ci-dessus). L'aperçu est à l'adresse \
                 {url} ; ces fiches y apparaîtront dès qu'elles seront corrigées.",
                count(*errors, "erreur à corriger", "erreurs à corriger")
            ),
            Notice::NotBuiltYet { trigger, errors, url } => {
                match trigger {
                    Trigger::FirstBuild => f.write_str("Le site n'a pas pu être construit")?,
                    other => write!(f, "{other} : le site n'a toujours pas pu être construit")?,
                }
                write!(
                    f,
                    " : {} (voir ci-dessus). L'aperçu montre ces erreurs à l'adresse {url} ; il se mettra à jour \
                     dès qu'elles seront corrigées.",
                    count((*errors).max(1), "erreur à corriger", "erreurs à corriger")
                )
            }
            Notice::EditorSaved { path } => write!(f, "éditeur en ligne : {path} enregistré"),
            Notice::EditorRenamed { from, to } => write!(f, "éditeur en ligne : {from} renommé en {to}"),
            Notice::EditorDeleted { path } => write!(f, "éditeur en ligne : {path} supprimé"),
            Notice::Freshness { places, older_than_6, older_than_12 } => {
                let checked = |n: usize| if n > 1 { "vérifiés" } else { "vérifié" };
                write!(f, "{} ; ", count(*places, "lieu", "lieux"))?;
                match (older_than_6, older_than_12) {
                    (0, _) => f.write_str("aucun n'a été vérifié il y a plus de 6 mois."),
                    (six, 0) => {
                        write!(f, "{six} {} il y a plus de 6 mois, aucun il y a plus de 12 mois.", checked(*six))
                    }
                    (six, twelve) => write!(
                        f,
                        "{six} {} il y a plus de 6 mois, dont {twelve} il y a plus de 12 mois.",
                        checked(*six)
                    ),
                }
            }
            Notice::Formatted { changed: 0, files } => {
                write!(f, "{} : rien à changer.", count(*files, "fiche relue", "fiches relues"))
            }
            Notice::Formatted { changed, files } if changed == files => {
                write!(f, "{}.", count(*changed, "fiche mise en forme", "fiches mises en forme"))
            }
            Notice::Formatted { changed, files } => write!(
                f,
                "{} sur {} : les autres l'étaient déjà.",
                count(*changed, "fiche mise en forme", "fiches mises en forme"),
                count(*files, "fiche", "fiches")
            ),
            Notice::StyleChecked { differing: 0, files } => {
                write!(f, "{} dans le style de `resin fmt`.", count(*files, "fiche", "fiches"))
            }
            Notice::StyleChecked { differing, files } => {
                let of = if differing == files { String::new() } else { format!(" sur {files}") };
                write!(
                    f,
                    "{}{of} hors du style de `resin fmt` : corrigez les lignes indiquées, ou lancez `resin fmt`.",
                    count(*differing, "fiche", "fiches"),
                )
            }
            Notice::FreshnessIncomplete { errors } => write!(
                f,
                "attention : le contenu a {} ; les lieux concernés manquent à la liste (`resin check` les montre).",
                count(*errors, "erreur", "erreurs")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Notice, Trigger};

    /// Counts agree in number; the trigger opens the preview's lines.
    #[test]
    fn notices_agree_in_number() {
        let built = Notice::Built {
            output: "public".into(),
            places: 1,
            offers: 2,
            pages: 0,
            publications: 1,
            files: 40,
            millis: 12,
        };
        assert_eq!(
            built.to_string(),
            "Site construit dans public : 1 lieu, 2 offres, 0 page, 1 publication de l'espace réseau ; 40 fichiers en 12 ms."
        );
        let one = Notice::PreviewUpdated {
            trigger: Trigger::File { path: "content/lieux/a.md".into() },
            millis: 5,
            outdated: 1,
        };
        assert_eq!(one.to_string(), "content/lieux/a.md : aperçu à jour en 5 ms (1 fichier du site concerné).");
        let fresh = Notice::Freshness { places: 12, older_than_6: 3, older_than_12: 1 };
        assert_eq!(fresh.to_string(), "12 lieux ; 3 vérifiés il y a plus de 6 mois, dont 1 il y a plus de 12 mois.");
        let one = Notice::Freshness { places: 1, older_than_6: 1, older_than_12: 0 };
        assert_eq!(one.to_string(), "1 lieu ; 1 vérifié il y a plus de 6 mois, aucun il y a plus de 12 mois.");
        let none = Notice::Freshness { places: 2, older_than_6: 0, older_than_12: 0 };
        assert_eq!(none.to_string(), "2 lieux ; aucun n'a été vérifié il y a plus de 6 mois.");
        let many = Notice::PreviewUpdated { trigger: Trigger::Files { count: 3 }, millis: 5, outdated: 2 };
        assert_eq!(many.to_string(), "3 fichiers : aperçu à jour en 5 ms (2 fichiers du site concernés).");
        let url = "http://127.0.0.1:3000/".to_string();
        let first = Notice::NotBuiltYet { trigger: Trigger::FirstBuild, errors: 2, url: url.clone() };
        assert_eq!(
            first.to_string(),
            "Le site n'a pas pu être construit : 2 erreurs à corriger (voir ci-dessus). L'aperçu montre ces erreurs \
             à l'adresse http://127.0.0.1:3000/ ; il se mettra à jour dès qu'elles seront corrigées."
        );
        let again = Notice::NotBuiltYet { trigger: Trigger::File { path: "content/site.yaml".into() }, errors: 1, url };
        assert!(again.to_string().starts_with(
            "content/site.yaml : le site n'a toujours pas pu être construit : 1 erreur à corriger (voir ci-dessus)."
        ));
    }
}
