//! Everyday French for the standard's vocabulary: what a resident reads instead of the
//! standard's administrative wording (which stays visible, smaller, for advisers).

/// Plain words for one of the standard's services.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ServiceLabel {
    /// What the resident wants to do, in their words (home page buttons, page titles).
    pub plain: &'static str,
    /// A few words, for place cards and lists.
    pub short: &'static str,
}

/// The 9 services of the standard, in its order, with their plain words.
const SERVICES: [(&str, ServiceLabel); 9] = [
    (
        "Aide aux démarches administratives",
        ServiceLabel { plain: "Faire mes démarches en ligne (CAF, impôts, santé…)", short: "Démarches en ligne" },
    ),
    (
        "Maîtrise des outils numériques du quotidien",
        ServiceLabel {
            plain: "Apprendre à me servir d'un téléphone, d'une tablette ou d'un ordinateur",
            short: "Apprendre à utiliser téléphone et ordinateur",
        },
    ),
    (
        "Insertion professionnelle via le numérique",
        ServiceLabel {
            plain: "Chercher un emploi ou une formation (CV, candidatures…)", short: "Recherche d'emploi"
        },
    ),
    (
        "Utilisation sécurisée du numérique",
        ServiceLabel { plain: "Me protéger des arnaques et protéger mes données", short: "Se protéger en ligne" },
    ),
    (
        "Parentalité et éducation avec le numérique",
        ServiceLabel {
            plain: "Accompagner mes enfants avec les écrans et l'école en ligne",
            short: "Enfants et écrans",
        },
    ),
    (
        "Loisirs et créations numériques",
        ServiceLabel {
            plain: "Créer et me divertir : photo, vidéo, jeux, impression 3D",
            short: "Loisirs et création",
        },
    ),
    (
        "Compréhension du monde numérique",
        ServiceLabel {
            plain: "Comprendre le numérique (Internet, intelligence artificielle…)",
            short: "Comprendre le numérique",
        },
    ),
    (
        "Accès internet et matériel informatique",
        ServiceLabel {
            plain: "Utiliser un ordinateur, Internet ou une imprimante sur place",
            short: "Ordinateurs et Internet sur place",
        },
    ),
    (
        "Acquisition de matériel informatique à prix solidaire",
        ServiceLabel { plain: "Acheter un ordinateur ou un téléphone pas cher", short: "Matériel à petit prix" },
    ),
];

/// The plain words of one of the standard's services; `None` for a value outside the standard.
pub(crate) fn service(name: &str) -> Option<ServiceLabel> {
    SERVICES.iter().find(|(n, _)| *n == name).map(|(_, l)| *l)
}

/// Plain words of a service (the name itself when it is not one of the standard's 9).
pub(crate) fn service_plain(name: &str) -> String {
    service(name).map_or(name, |l| l.plain).to_string()
}

/// Short words of a service (the name itself when it is not one of the standard's 9).
pub(crate) fn service_short(name: &str) -> String {
    service(name).map_or(name, |l| l.short).to_string()
}

/// Who a public is, in a sentence: "Lieux pour **les seniors**".
pub(crate) fn public_plain(name: &str) -> String {
    match name {
        "Jeunes" => "les jeunes",
        "Étudiants" => "les étudiants",
        "Familles et/ou enfants" => "les familles et les enfants",
        "Seniors" => "les seniors",
        "Femmes" => "les femmes",
        other => return other.to_string(),
    }
    .to_string()
}

/// The standard's `prise_en_charge_specifique` values in everyday words: what the person needs,
/// as an adviser ticks it on `/orienter/`, and why a place suits them, in the shortlist.
const SUPPORT: [(&str, &str, &str); 7] = [
    ("Surdité", "Est sourde ou malentendante", "accueil des personnes sourdes"),
    ("Handicaps moteurs", "A un handicap moteur (fauteuil…)", "accueil adapté au handicap moteur"),
    ("Handicaps mentaux", "A un handicap mental ou psychique", "accueil adapté au handicap mental"),
    ("Illettrisme", "Lit ou écrit difficilement", "aide à qui lit difficilement"),
    ("Langues étrangères (anglais)", "Parle anglais (peu ou pas français)", "accueil en anglais"),
    ("Langues étrangères (autres)", "Parle une autre langue (arabe, espagnol…)", "accueil dans d'autres langues"),
    ("Déficience visuelle", "Est aveugle ou malvoyante", "accueil des personnes aveugles ou malvoyantes"),
];

/// What a person needs, for a `prise_en_charge_specifique` value ("Est sourde ou
/// malentendante"); a value outside the standard as it is.
pub(crate) fn support_need(value: &str) -> &str {
    SUPPORT.iter().find(|(v, _, _)| *v == value).map_or(value, |(_, need, _)| need)
}

/// Why a place suits the person, for a `prise_en_charge_specifique` value ("accueil des
/// personnes sourdes").
pub(crate) fn support_reason(value: &str) -> String {
    SUPPORT
        .iter()
        .find(|(v, _, _)| *v == value)
        .map_or_else(|| format!("accueil adapté : {}", value.to_lowercase()), |(_, _, reason)| reason.to_string())
}

/// Structure types (`typologie` codes) in words. Codes not listed are shown as they are.
const TYPOLOGIES: &[(&str, &str)] = &[
    ("ASSO", "Association"),
    ("BIB", "Bibliothèque, médiathèque"),
    ("CAF", "Caisse d'allocations familiales (CAF)"),
    ("CAP_EMPLOI", "Cap emploi"),
    ("CCAS", "Centre communal d'action sociale (CCAS)"),
    ("CIAS", "Centre intercommunal d'action sociale (CIAS)"),
    ("CIDFF", "Centre d'information sur les droits des femmes et des familles (CIDFF)"),
    ("CPAM", "Caisse primaire d'assurance maladie (CPAM)"),
    ("CS", "Centre social"),
    ("CSC", "Centre social"),
    ("E2C", "École de la deuxième chance"),
    ("EPN", "Espace public numérique"),
    ("EVS", "Espace de vie sociale"),
    ("FABLAB", "Fablab"),
    ("FT", "France Travail"),
    ("LA_POSTE", "La Poste"),
    ("MDE", "Maison de l'emploi"),
    ("MDPH", "Maison départementale des personnes handicapées (MDPH)"),
    ("MJC", "Maison des jeunes et de la culture (MJC)"),
    ("ML", "Mission locale"),
    ("MQ", "Maison de quartier"),
    ("MSA", "Mutualité sociale agricole (MSA)"),
    ("MSAP", "Maison de services au public"),
    ("MUNI", "Mairie"),
    ("PIJ_BIJ", "Point information jeunesse"),
    ("PIMMS", "Point information médiation multiservices (PIMMS)"),
    ("RELAIS_LECTURE", "Relais lecture"),
    ("RESSOURCERIE", "Ressourcerie"),
    ("TIERS_LIEUX", "Tiers-lieu"),
];

/// A structure type in words ("Bibliothèque, médiathèque"); unknown codes as they are.
pub(crate) fn typologie(code: &str) -> &str {
    TYPOLOGIES.iter().find(|(c, _)| *c == code).map_or(code, |(_, words)| words)
}

/// Several structure types in words, without repeating one (`CS` and `CSC` are both "Centre social").
pub(crate) fn typologies(codes: &[String]) -> String {
    let mut words: Vec<&str> = Vec::new();
    for code in codes {
        let w = typologie(code);
        if !words.contains(&w) {
            words.push(w);
        }
    }
    words.join(", ")
}

/// "1 lieu", "3 lieux", "0 lieu".
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    if n <= 1 { format!("{n} {one}") } else { format!("{n} {many}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_standard_service_has_plain_words() {
        for name in crate::vocab::values("services") {
            assert!(service(name).is_some(), "{name}");
        }
        assert_eq!(
            service_plain("Aide aux démarches administratives"),
            "Faire mes démarches en ligne (CAF, impôts, santé…)"
        );
        assert_eq!(service_plain("Autre chose"), "Autre chose");
    }

    #[test]
    fn typologies_in_words() {
        assert_eq!(typologie("BIB"), "Bibliothèque, médiathèque");
        assert_eq!(typologie("CAVA"), "CAVA");
        assert_eq!(typologies(&["CS".into(), "CSC".into(), "EPN".into()]), "Centre social, Espace public numérique");
        for (code, _) in TYPOLOGIES {
            assert!(crate::vocab::values("typologie").iter().any(|t| t == code), "{code}");
        }
    }

    #[test]
    fn every_specific_support_has_everyday_words() {
        for value in crate::vocab::values("prise_en_charge_specifique") {
            assert!(SUPPORT.iter().any(|(v, _, _)| v == value), "{value}");
        }
        assert_eq!(support_need("Surdité"), "Est sourde ou malentendante");
        assert_eq!(support_reason("Autre"), "accueil adapté : autre");
    }

    #[test]
    fn counts_agree() {
        assert_eq!(count(1, "lieu", "lieux"), "1 lieu");
        assert_eq!(count(44, "lieu", "lieux"), "44 lieux");
    }
}
