//! Everyday French for the standard's values: what a resident reads instead of the standard's
//! codes (`MSAP`, `BIB`) and its administrative or outdated wording (« Langues étrangères
//! (autres) », « Bibliothèques numérique de référence »).
//!
//! One table per vocabulary of [`crate::vocab`], every value with its plain words: the pages,
//! the cards, the filters and the search index show these words; the exports (CSV, JSON,
//! GeoJSON, data·inclusion, schema.org) keep the standard's values. A unit test walks every
//! value of every vocabulary the validator accepts: a value added to
//! `data/standard/vocabulaires.yaml` without its words here fails it. Where the words name a
//! national programme, they keep its public name (« Aidants Connect », « Conseillers
//! numériques »).

/// The plain words of the value of `field` (a vocabulary of [`crate::vocab`]); `None` for a
/// value outside the standard.
pub(crate) fn label(field: &str, value: &str) -> Option<&'static str> {
    match field {
        "services" => service(value).map(|l| l.short),
        "publics_specifiquement_adresses" => PUBLICS.iter().find(|p| p.value == value).map(|p| p.label),
        "prise_en_charge_specifique" => SUPPORT.iter().find(|s| s.value == value).map(|s| s.label),
        "typologie" => typology(value),
        _ => find(WORDS.iter().find(|(f, _)| *f == field)?.1, value),
    }
}

/// The words shown for the value of `field`: its plain words, or the value as it is when it is
/// outside the standard (a territory's own label, read from `autres_formations_labels`).
pub(crate) fn plain(field: &str, value: &str) -> String {
    label(field, value).unwrap_or(value).to_string()
}

/// [`plain`] for each of `values`, in their order.
pub(crate) fn plain_list(field: &str, values: &[String]) -> Vec<String> {
    values.iter().map(|v| plain(field, v)).collect()
}

fn find(words: &[(&str, &'static str)], value: &str) -> Option<&'static str> {
    words.iter().find(|(v, _)| *v == value).map(|(_, w)| *w)
}

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

/// A public of the standard (`publics_specifiquement_adresses`).
struct Public {
    value: &'static str,
    /// In a list or a filter: « Familles et enfants ».
    label: &'static str,
    /// In a sentence: « Lieux pour **les familles et les enfants** ».
    in_sentence: &'static str,
}

const PUBLICS: [Public; 5] = [
    Public { value: "Jeunes", label: "Jeunes", in_sentence: "les jeunes" },
    Public { value: "Étudiants", label: "Étudiants", in_sentence: "les étudiants" },
    Public {
        value: "Familles et/ou enfants",
        label: "Familles et enfants",
        in_sentence: "les familles et les enfants",
    },
    Public { value: "Seniors", label: "Seniors", in_sentence: "les seniors" },
    Public { value: "Femmes", label: "Femmes", in_sentence: "les femmes" },
];

/// Who a public is, in a sentence: "Lieux pour **les seniors**"; a value outside the standard
/// as it is.
pub(crate) fn public_plain(name: &str) -> String {
    PUBLICS.iter().find(|p| p.value == name).map_or(name, |p| p.in_sentence).to_string()
}

/// A `prise_en_charge_specifique` value of the standard in everyday words.
struct Support {
    value: &'static str,
    /// On a place's page and in the directory's filter: what the place offers.
    label: &'static str,
    /// What the person needs, as an adviser ticks it on `/orienter/`.
    need: &'static str,
    /// Why a place suits them, in the shortlist of `/orienter/`.
    reason: &'static str,
}

const SUPPORT: [Support; 7] = [
    Support {
        value: "Surdité",
        label: "Accueil des personnes sourdes ou malentendantes",
        need: "Est sourde ou malentendante",
        reason: "accueil des personnes sourdes",
    },
    Support {
        value: "Handicaps moteurs",
        label: "Accueil adapté au handicap moteur",
        need: "A un handicap moteur (fauteuil…)",
        reason: "accueil adapté au handicap moteur",
    },
    Support {
        value: "Handicaps mentaux",
        label: "Accueil adapté au handicap mental ou psychique",
        need: "A un handicap mental ou psychique",
        reason: "accueil adapté au handicap mental",
    },
    Support {
        value: "Illettrisme",
        label: "Aide pour qui lit ou écrit difficilement",
        need: "Lit ou écrit difficilement",
        reason: "aide à qui lit difficilement",
    },
    Support {
        value: "Langues étrangères (anglais)",
        label: "Accueil en anglais",
        need: "Parle anglais (peu ou pas français)",
        reason: "accueil en anglais",
    },
    Support {
        value: "Langues étrangères (autres)",
        label: "Accueil en langues étrangères",
        need: "Parle une autre langue (arabe, espagnol…)",
        reason: "accueil dans d'autres langues",
    },
    Support {
        value: "Déficience visuelle",
        label: "Accueil des personnes aveugles ou malvoyantes",
        need: "Est aveugle ou malvoyante",
        reason: "accueil des personnes aveugles ou malvoyantes",
    },
];

/// What a person needs, for a `prise_en_charge_specifique` value ("Est sourde ou
/// malentendante"); a value outside the standard as it is.
pub(crate) fn support_need(value: &str) -> &str {
    SUPPORT.iter().find(|s| s.value == value).map_or(value, |s| s.need)
}

/// Why a place suits the person, for a `prise_en_charge_specifique` value ("accueil des
/// personnes sourdes").
pub(crate) fn support_reason(value: &str) -> String {
    SUPPORT
        .iter()
        .find(|s| s.value == value)
        .map_or_else(|| format!("accueil adapté : {}", value.to_lowercase()), |s| s.reason.to_string())
}

/// The other vocabularies a page shows, each value with its plain words.
const WORDS: [(&str, &[(&str, &str)]); 6] = [
    (
        "frais_a_charge",
        &[("Gratuit", "Gratuit"), ("Gratuit sous condition", "Gratuit sous condition"), ("Payant", "Payant")],
    ),
    (
        "dispositif_programmes_nationaux",
        &[
            ("Aidants Connect", "Aidants Connect"),
            ("Bibliothèques numérique de référence", "Bibliothèque numérique de référence"),
            ("Certification PIX", "Certification Pix"),
            ("Conseillers numériques", "Conseillers numériques"),
            ("Emmaüs Connect", "Emmaüs Connect"),
            ("France Services", "France Services"),
            ("Grande école du numérique", "Grande École du numérique"),
            ("La Croix Rouge", "Croix-Rouge française"),
            ("Point d'accès numérique CAF", "Point d'accès numérique de la CAF"),
            ("Promeneurs du net", "Promeneurs du Net"),
            ("Relais numérique (Emmaüs Connect)", "Relais numérique Emmaüs Connect"),
        ],
    ),
    (
        "formations_labels",
        &[
            ("Formé à « Mon Espace Santé »", "Médiateurs formés à Mon espace santé"),
            ("Formé à « DUPLEX » (illettrisme)", "Médiateurs formés à DUPLEX (aide à qui lit difficilement)"),
            ("Arnia/MedNum BFC (Bourgogne-Franche-Comté)", "Arnia, MedNum Bourgogne-Franche-Comté"),
            (
                "Collectif ressources et acteurs réemploi (Normandie)",
                "Collectif ressources et acteurs du réemploi (Normandie)",
            ),
            ("Étapes numériques (La Poste)", "Étapes numériques (La Poste)"),
            ("Fabriques de Territoire", "Fabrique de territoire"),
            ("Les Éclaireurs du numérique (Drôme)", "Les Éclaireurs du numérique (Drôme)"),
            ("Mes Papiers (Métropole de Lyon)", "Mes Papiers (Métropole de Lyon)"),
            ("ORDI 3.0", "Label ORDI 3.0 (matériel reconditionné)"),
            ("SUD LABS (PACA)", "Sud Labs (Provence-Alpes-Côte d'Azur)"),
        ],
    ),
    (
        "modalites_acces",
        &[
            ("Se présenter", "Venir sur place, sans rendez-vous"),
            ("Téléphoner", "Téléphoner"),
            ("Contacter par mail", "Écrire un e-mail"),
            ("Prendre un RDV en ligne", "Prendre rendez-vous en ligne"),
            ("Ce lieu n'accueille pas de public", "Pas d'accueil du public sur place"),
            (
                "Envoyer un mail avec une fiche de prescription",
                "Sur orientation d'un professionnel, qui envoie une fiche de prescription par e-mail",
            ),
        ],
    ),
    (
        "modalites_accompagnement",
        &[
            ("En autonomie", "En libre accès, en autonomie"),
            ("Accompagnement individuel", "En tête-à-tête avec un médiateur"),
            ("Dans un atelier collectif", "En atelier, en petit groupe"),
            ("À distance", "À distance, par téléphone ou en visio"),
        ],
    ),
    ("itinerance", &[("Itinérant", "Service itinérant"), ("Fixe", "Lieu fixe")]),
];

/// Structure types (`typologie` codes) in words, every code of the standard's list.
const TYPOLOGIES: [(&str, &str); 89] = [
    ("ACI", "Atelier et chantier d'insertion"),
    ("ACIPHC", "Chantier d'insertion « premières heures »"),
    ("AFPA", "AFPA, formation professionnelle des adultes"),
    ("AI", "Association intermédiaire"),
    ("ASE", "Aide sociale à l'enfance"),
    ("ASSO", "Association"),
    ("ASSO_CHOMEUR", "Association de chômeurs"),
    ("Autre", "Lieu d'accueil"),
    ("AVIP", "Crèche à vocation d'insertion professionnelle"),
    ("BIB", "Bibliothèque, médiathèque"),
    ("CAARUD", "Accueil et réduction des risques pour usagers de drogues (CAARUD)"),
    ("CADA", "Centre d'accueil de demandeurs d'asile (CADA)"),
    ("CAF", "Caisse d'allocations familiales (CAF)"),
    ("CAP_EMPLOI", "Cap emploi"),
    ("CAVA", "Centre d'adaptation à la vie active"),
    ("CC", "Communauté de communes"),
    ("CCAS", "Centre communal d'action sociale (CCAS)"),
    ("CCONS", "Chambre de commerce, des métiers ou d'agriculture"),
    ("CD", "Conseil départemental"),
    ("CDAS", "Centre départemental d'action sociale"),
    ("CFP", "Centre des finances publiques"),
    ("CHRS", "Centre d'hébergement et de réinsertion sociale (CHRS)"),
    ("CHU", "Centre d'hébergement d'urgence"),
    ("CIAS", "Centre intercommunal d'action sociale (CIAS)"),
    ("CIDFF", "Centre d'information sur les droits des femmes et des familles (CIDFF)"),
    ("CITMET", "Cité des métiers"),
    ("CMP", "Centre médico-psychologique (CMP)"),
    ("CMS", "Centre médico-social"),
    ("CPAM", "Caisse primaire d'assurance maladie (CPAM)"),
    ("CPH", "Centre provisoire d'hébergement"),
    ("CS", "Centre social"),
    ("CSAPA", "Centre de soins en addictologie (CSAPA)"),
    ("DEETS", "Direction de l'emploi, du travail et des solidarités"),
    ("DEPT", "Services sociaux du département"),
    ("DIPLP", "Délégation à la lutte contre la pauvreté"),
    ("E2C", "École de la deuxième chance"),
    ("EA", "Entreprise adaptée"),
    ("EATT", "Entreprise adaptée de travail temporaire"),
    ("EI", "Entreprise d'insertion"),
    ("EITI", "Entreprise d'insertion par le travail indépendant"),
    ("ENM", "Espace numérique mobile"),
    ("EPCI", "Intercommunalité"),
    ("EPI", "Espace public internet"),
    ("EPIDE", "EPIDE, insertion des jeunes dans l'emploi"),
    ("EPN", "Espace public numérique"),
    ("ES", "Épicerie solidaire"),
    ("ESAT", "Établissement et service d'aide par le travail (ESAT)"),
    ("ESS", "Entreprise de l'économie sociale et solidaire"),
    ("ETTI", "Entreprise de travail temporaire d'insertion"),
    ("EVS", "Espace de vie sociale"),
    ("FABLAB", "Fablab"),
    ("FABRIQUE", "Fabrique de territoire"),
    ("FAIS", "Fédération d'acteurs de l'insertion et de la solidarité"),
    ("FT", "France Travail"),
    ("GEIQ", "Groupement d'employeurs pour l'insertion et la qualification (GEIQ)"),
    ("HUDA", "Hébergement d'urgence pour demandeurs d'asile"),
    ("LA_POSTE", "La Poste"),
    ("MDE", "Maison de l'emploi"),
    ("MDH", "Maison des habitants"),
    ("MDEF", "Maison de l'emploi et de la formation"),
    ("MDPH", "Maison départementale des personnes handicapées (MDPH)"),
    ("MDS", "Maison départementale des solidarités"),
    ("MJC", "Maison des jeunes et de la culture (MJC)"),
    ("ML", "Mission locale"),
    ("MQ", "Maison de quartier"),
    ("MSA", "Mutualité sociale agricole (MSA)"),
    ("MUNI", "Mairie"),
    ("OACAS", "Communauté d'accueil et d'activité solidaire"),
    ("ODC", "Association mandatée par le département"),
    ("OF", "Organisme de formation"),
    ("OIL", "Intermédiation locative (accès au logement)"),
    ("OPCS", "Facilitateur des clauses sociales"),
    ("PAD", "Point-justice (accès au droit)"),
    ("PENSION", "Pension de famille, résidence accueil"),
    ("PI", "Point information"),
    ("PIJ_BIJ", "Point information jeunesse"),
    ("PIMMS", "Point information médiation multiservices (PIMMS)"),
    ("PJJ", "Protection judiciaire de la jeunesse"),
    ("PLIE", "Plan local pour l'insertion et l'emploi (PLIE)"),
    ("PREF", "Préfecture, sous-préfecture"),
    ("PREVENTION", "Service ou club de prévention"),
    ("REG", "Conseil régional"),
    ("RELAIS_LECTURE", "Relais lecture"),
    ("RESSOURCERIE", "Ressourcerie"),
    ("RFS", "France Services"),
    ("RS_FJT", "Foyer de jeunes travailleurs, résidence sociale"),
    ("SPIP", "Service pénitentiaire d'insertion et de probation (SPIP)"),
    ("TIERS_LIEUX", "Tiers-lieu"),
    ("UDAF", "Union départementale des associations familiales (UDAF)"),
];

/// Codes shown in the words of another: an old name (the Maisons de services au public became
/// France Services in 2020), or two codes for one kind of place (a centre social that calls
/// itself socioculturel; `SCP` and `PREVENTION`, the services and clubs of prevention).
const TYPOLOGY_SAME: [(&str, &str); 3] = [("MSAP", "RFS"), ("CSC", "CS"), ("SCP", "PREVENTION")];

/// The words of a structure type, those of the code it is the same as ([`TYPOLOGY_SAME`]).
fn typology(code: &str) -> Option<&'static str> {
    let code = TYPOLOGY_SAME.iter().find(|(other, _)| *other == code).map_or(code, |(_, same)| same);
    find(&TYPOLOGIES, code)
}

/// A structure type in words ("Bibliothèque, médiathèque"); unknown codes as they are.
pub(crate) fn typologie(code: &str) -> &str {
    typology(code).unwrap_or(code)
}

/// Several structure types in words, without repeating one (`CS` and `CSC` are both "Centre
/// social").
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
mod tests;
