//! The content model as data: every field of every type of entry, with its French title and
//! description, its kind of value and whether it is required. Everything else derives from
//! this table: the fields each validator knows ([`names`]), the importer's columns and their
//! types, the JSON Schemas for editors (`json.rs`, `resin schema`), the web editor's fields,
//! and the new entries of `resin new` (`scaffold.rs`: the fields in this order, each
//! explained by its title and description, started as [`Field::start`] says). Beside it: the
//! standard's columns (`standard`, the exports and `/donnees/`), the value rules (`rules`), the
//! other names of fields (`renamed`) and the territorial fields' types (`extension`).
//!
//! The model's structs and the standard's TableSchema restate the names: tests check that
//! they agree with the table, and that every example entry passes its schema while
//! every schema-level bad fixture fails it.

use crate::load::EntryKind;
use crate::model::Section;
use crate::model::network::CATEGORIES;

mod editor;
pub(crate) mod extension;
mod json;
mod patterns;
pub(crate) mod reader;
pub(crate) mod renamed;
pub(crate) mod rules;
pub(crate) mod standard;

pub use self::editor::{ATTACHMENT, file_order, in_editor_order, is_list, is_technical, record_order};
pub use self::json::{SchemaSite, json_schema, text, write};
pub use self::patterns::{TextRule, pattern, text_rule};

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Type {
    /// One line of text.
    Text,
    /// Text of at most this many characters.
    Short(usize),
    /// A code written as text (quoted): its regular expression.
    Code(&'static str),
    /// A decimal number.
    Number,
    /// A whole number, zero or more.
    Integer,
    /// `AAAA-MM-JJ`.
    Date,
    /// `HH:MM`.
    Time,
    /// An http(s) address.
    Url,
    /// An e-mail address.
    Email,
    /// A French phone number.
    Phone,
    /// OpenStreetMap `opening_hours`.
    Hours,
    /// Texts (a list, or one text).
    Texts,
    /// Addresses (a list, or one).
    Urls,
    /// E-mail addresses (a list, or one).
    Emails,
    /// Values of one of the standard's vocabularies (a list, or one value).
    Vocabulary(&'static str),
    /// Languages: codes of resin's table (`data/langues.csv`), a list or one code.
    Languages,
    /// One value of a short list of resin's own.
    Choice(&'static [&'static str]),
    /// File names of places (a list, or one).
    Places,
    /// The file name of one place.
    Place,
    /// Tags (a list, or one).
    Tags,
    /// An offer's dated sessions.
    Sessions,
    /// Dated closures and exceptional hours ([`CLOSURE`]).
    Closures,
    /// Files to download.
    Attachments,
    /// A path under `content/`.
    File,
}

/// One field of a type of entry.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Its name in the front matter.
    pub name: &'static str,
    /// French label.
    pub title: &'static str,
    /// French explanation, with an example.
    pub description: &'static str,
    /// What it holds.
    pub kind: Type,
    /// True when an entry without it is an error.
    pub required: bool,
    /// How `resin new` writes it in a new entry.
    pub start: Start,
}

/// How `resin new` starts a field in a new entry, on a line that ends with the field's title
/// and description as a comment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Start {
    /// Left empty for the animator to fill in: `""`, `[]`, or nothing for a number; a required
    /// date starts at the day the entry is created, the likeliest value.
    Empty,
    /// The name given to `resin new`: the place's name, the title of the rest.
    Name,
    /// A value to start from, written as is (YAML).
    Value(&'static str),
    /// A list of records: left without a value and followed by a commented example of one
    /// record (YAML, `DATE_DU_JOUR` becomes the day), which works once its `#` is removed.
    Records(&'static str),
    /// Left out: filled in by an import only (a place's `id`, the `source` of its record).
    Omitted,
}

const fn f(name: &'static str, title: &'static str, description: &'static str, kind: Type) -> Field {
    Field { name, title, description, kind, required: false, start: Start::Empty }
}

const fn req(name: &'static str, title: &'static str, description: &'static str, kind: Type) -> Field {
    Field { name, title, description, kind, required: true, start: Start::Empty }
}

impl Field {
    /// The same field, started in a new entry as `start` says.
    const fn starts(self, start: Start) -> Field {
        Field { start, ..self }
    }
}

const SUMMARY: &str = "Une phrase qui résume, 280 caractères au plus.";
const PLACES: &str = "Les noms de fichier (sans .md) des lieux de content/lieux/, par exemple [mediatheque-du-bachut].";

/// What to bring: not a field of the national standard (resin's own; not in the standard's
/// exports), shown on the pages of places and offers.
const PIECES: Field = f(
    "pieces_a_apporter",
    "Pièces à apporter",
    "Ce que la personne doit apporter, par exemple [Pièce d'identité, Numéro d'allocataire CAF].",
    Type::Texts,
);

/// Contact details shared on purpose: resin's own field (not in the standard's exports), read by
/// the check of copied entries (`validate::copies`).
const SHARED: Field = f(
    "partage_coordonnees_avec",
    "Coordonnées partagées avec",
    "Les lieux (noms de fichier sans .md) qui ont vraiment le même courriel et le même téléphone, la même fiche \
     Acceslibre ou la même présentation que celui-ci, par exemple [france-services-bron].",
    Type::Places,
);

/// The languages the staff can help in: not a field of the national standard (resin's own; its
/// exports count them in `prise_en_charge_specifique`), shown on the pages of places and offers.
const LANGUES: Field = f(
    "langues",
    "Langues parlées",
    "Les autres langues que le français où l'équipe aide, en codes ISO 639 : [ar, en, uk] (arabe, anglais, ukrainien), [fsl] (langue des signes).",
    Type::Languages,
);

/// resin's own fields of a place, after the standard's columns.
const PLACE_OWN: [Field; 4] = [PIECES, FERMETURES, SHARED, LANGUES];
/// Dated closures and exceptional hours: not a field of the national standard (resin's own),
/// shown on the pages of places and offers and applied to their hours.
const FERMETURES: Field = f(
    "fermetures",
    "Fermetures exceptionnelles",
    "Congés, travaux ou horaires réduits, une liste de { du, au, motif, horaires } (sans horaires : fermé du premier au dernier jour inclus).",
    Type::Closures,
)
.starts(Start::Records("{ du: DATE_DU_JOUR, au: DATE_DU_JOUR, motif: Formation de l'équipe }"));

/// The fields of one item of `fermetures`.
pub const CLOSURE: &[Field] = &[
    req("du", "Du", "Le premier jour de la fermeture, AAAA-MM-JJ.", Type::Date),
    req("au", "Au", "Le dernier jour de la fermeture (inclus), AAAA-MM-JJ.", Type::Date),
    f("motif", "Motif", "En quelques mots, par exemple « Congés de fin d'année ».", Type::Text),
    f(
        "horaires",
        "Horaires pendant la période",
        "Si le lieu reste ouvert autrement, ses horaires de la période en syntaxe OpenStreetMap, par exemple \"Mo-Fr 14:00-17:00\" ; vide : fermé.",
        Type::Hours,
    ),
];

/// The names of the fields of an item of `fermetures`, in their order.
pub fn closure_names() -> &'static [&'static str] {
    static NAMES: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| CLOSURE.iter().map(|f| f.name).collect());
    &NAMES
}

/// The fields of a place (the national standard's, in its order, then resin's own).
pub const LIEU: &[Field] = &[
    f("id", "Identifiant", "Identifiant du lieu dans le standard ; le nom du fichier quand il est absent.", Type::Text)
        .starts(Start::Omitted),
    f(
        "pivot",
        "SIRET ou RNA",
        "SIRET (14 chiffres) ou RNA de la structure, entre guillemets ; « 00000000000000 » s'il est inconnu.",
        Type::Code("^[0-9A-Za-z]{9,14}$"),
    ),
    req("nom", "Nom", "Le nom du lieu, par exemple « Médiathèque du Bachut ».", Type::Text).starts(Start::Name),
    req(
        "commune",
        "Commune",
        "Le nom de la commune comme l'écrit l'INSEE, par exemple « Lyon 8e Arrondissement ».",
        Type::Text,
    ),
    req(
        "code_postal",
        "Code postal",
        "Cinq chiffres entre guillemets, par exemple \"69008\".",
        Type::Code("^[0-9]{5}$"),
    ),
    f(
        "code_insee",
        "Code INSEE",
        "Le code INSEE de la commune entre guillemets, par exemple \"69388\".",
        Type::Code("^([013-9][0-9]|2[AB1-9])[0-9]{3}$"),
    ),
    req("adresse", "Adresse", "Numéro et rue, sans code postal ni commune.", Type::Text),
    f("complement_adresse", "Complément d'adresse", "Bâtiment, étage, entrée…", Type::Text),
    f("latitude", "Latitude", "En degrés décimaux (WGS 84), par exemple 45.7372.", Type::Number),
    f("longitude", "Longitude", "En degrés décimaux (WGS 84), par exemple 4.8710.", Type::Number),
    f(
        "typologie",
        "Type de structure",
        "Codes du standard, par exemple [BIB] (bibliothèque) ou [CS] (centre social).",
        Type::Vocabulary("typologie"),
    ),
    f("telephone", "Téléphone", "Un numéro français, par exemple 04 78 00 00 00.", Type::Phone),
    f("courriels", "Courriels", "Adresses électroniques, par exemple [accueil@exemple.fr].", Type::Emails),
    f("site_web", "Sites web", "Adresses complètes, par exemple [https://exemple.fr].", Type::Urls),
    f(
        "horaires",
        "Horaires",
        "Syntaxe OpenStreetMap, par exemple \"Mo-Fr 09:00-12:00,14:00-17:00; PH off\".",
        Type::Hours,
    ),
    f("presentation_resume", "Présentation courte", SUMMARY, Type::Short(280)),
    f("source", "Source", "Qui a produit la fiche.", Type::Text).starts(Start::Omitted),
    f("itinerance", "Fixe ou itinérant", "[Fixe] ou [Itinérant].", Type::Vocabulary("itinerance")),
    f("structure_parente", "Structure parente", "Le réseau ou l'organisme dont dépend le lieu.", Type::Text),
    req("date_maj", "Date de mise à jour", "La date de la dernière vérification, AAAA-MM-JJ.", Type::Date),
    f(
        "services",
        "Services",
        "Ce qu'on y fait, valeurs du standard, par exemple [Aide aux démarches administratives].",
        Type::Vocabulary("services"),
    ),
    f(
        "publics_specifiquement_adresses",
        "Publics accueillis en particulier",
        "Par exemple [Seniors] ; vide : tout public.",
        Type::Vocabulary("publics_specifiquement_adresses"),
    ),
    f(
        "prise_en_charge_specifique",
        "Accompagnement adapté",
        "Par exemple [Surdité, Illettrisme].",
        Type::Vocabulary("prise_en_charge_specifique"),
    ),
    f("frais_a_charge", "Coût", "[Gratuit], [Gratuit sous condition] ou [Payant].", Type::Vocabulary("frais_a_charge")),
    f(
        "dispositif_programmes_nationaux",
        "Dispositifs nationaux",
        "Par exemple [Conseillers numériques, France Services].",
        Type::Vocabulary("dispositif_programmes_nationaux"),
    ),
    f(
        "formations_labels",
        "Formations et labels",
        "Valeurs du standard, par exemple [Mes Papiers (Métropole de Lyon)].",
        Type::Vocabulary("formations_labels"),
    ),
    f("autres_formations_labels", "Autres labels", "Texte libre.", Type::Texts),
    f(
        "modalites_acces",
        "Modalités d'accès",
        "Par exemple [Se présenter, Téléphoner, Prendre un RDV en ligne].",
        Type::Vocabulary("modalites_acces"),
    ),
    f(
        "modalites_accompagnement",
        "Modalités d'accompagnement",
        "Par exemple [Accompagnement individuel, Dans un atelier collectif].",
        Type::Vocabulary("modalites_accompagnement"),
    ),
    f(
        "fiche_acces_libre",
        "Fiche Acceslibre",
        "Lien vers la fiche accessibilité du lieu sur acceslibre.beta.gouv.fr.",
        Type::Url,
    ),
    f("prise_rdv", "Prise de rendez-vous", "Lien de prise de rendez-vous en ligne.", Type::Url),
    PLACE_OWN[0],
    PLACE_OWN[1],
    PLACE_OWN[2],
    PLACE_OWN[3],
];

/// The fields of an offer.
pub const OFFRE: &[Field] = &[
    req("titre", "Titre", "Le nom de l'atelier, de la permanence ou de la formation.", Type::Text).starts(Start::Name),
    f(
        "type",
        "Type d'offre",
        "Atelier (en groupe), Permanence (aide individuelle, avec ou sans rendez-vous), Formation (un parcours de \
         plusieurs séances, parfois certifiant) ou Accès libre (du matériel à utiliser seul).",
        Type::Choice(crate::model::OfferKind::VALUES),
    ),
    req("lieux", "Lieux", PLACES, Type::Places),
    f("resume", "Résumé", SUMMARY, Type::Short(280)),
    f(
        "services",
        "Services",
        "Valeurs du standard, par exemple [Maîtrise des outils numériques du quotidien].",
        Type::Vocabulary("services"),
    ),
    f(
        "publics_specifiquement_adresses",
        "Publics",
        "Par exemple [Seniors] ; vide : tout public.",
        Type::Vocabulary("publics_specifiquement_adresses"),
    ),
    f(
        "prise_en_charge_specifique",
        "Accompagnement adapté",
        "Par exemple [Déficience visuelle].",
        Type::Vocabulary("prise_en_charge_specifique"),
    ),
    LANGUES,
    req(
        "frais_a_charge",
        "Coût",
        "[Gratuit], [Gratuit sous condition] ou [Payant].",
        Type::Vocabulary("frais_a_charge"),
    ),
    req(
        "modalites_acces",
        "Comment s'inscrire",
        "Par exemple [Téléphoner, Se présenter].",
        Type::Vocabulary("modalites_acces"),
    ),
    f(
        "modalites_accompagnement",
        "Modalités d'accompagnement",
        "Par exemple [Dans un atelier collectif].",
        Type::Vocabulary("modalites_accompagnement"),
    ),
    f("inscription", "Inscription", "Précisions sur l'inscription, texte libre.", Type::Text),
    f("prise_rdv", "Inscription en ligne", "Lien d'inscription en ligne.", Type::Url),
    f(
        "horaires",
        "Horaires réguliers",
        "Syntaxe OpenStreetMap, par exemple \"We 14:00-16:00; PH off\" ; ou bien des séances.",
        Type::Hours,
    ),
    f(
        "seances",
        "Séances",
        "Des dates précises : une liste de { date, debut, fin } ; ou bien des horaires réguliers.",
        Type::Sessions,
    )
    .starts(Start::Records(r#"{ date: DATE_DU_JOUR, debut: "14:00", fin: "16:00" }"#)),
    req("date_maj", "Date de mise à jour", "La date de la dernière vérification, AAAA-MM-JJ.", Type::Date),
    PIECES,
    FERMETURES,
];

/// The fields of a free page.
pub const PAGE: &[Field] = &[
    req("titre", "Titre", "Le titre de la page.", Type::Text).starts(Start::Name),
    f("resume", "Résumé", "Une phrase qui résume la page.", Type::Short(280)),
];

const TITRE: Field = req("titre", "Titre", "Le titre de la publication.", Type::Text).starts(Start::Name);
const RESUME: Field = f("resume", "Résumé", SUMMARY, Type::Short(280));
const ETIQUETTES: Field = f(
    "etiquettes",
    "Étiquettes",
    "En minuscules, de 2 à 40 caractères, par exemple [financement, aidants connect].",
    Type::Tags,
);
const STRUCTURE: Field =
    f("structure", "Structure", "La structure qui publie, partage, propose ou organise.", Type::Text);
const LIEUX: Field = f("lieux", "Lieux concernés", PLACES, Type::Places);
const DATE: Field = req("date", "Date de publication", "AAAA-MM-JJ.", Type::Date);
const CONTACT: Field = f("contact", "Contact", "Le nom de la personne à contacter.", Type::Text);
const COURRIEL: Field = f("courriel", "Courriel", "Par exemple contact@exemple.fr.", Type::Email);
const TELEPHONE: Field = f("telephone", "Téléphone", "Par exemple 04 78 00 00 00.", Type::Phone);

/// The fields of a news item.
pub const ACTUALITE: &[Field] = &[
    TITRE,
    RESUME,
    ETIQUETTES,
    STRUCTURE,
    LIEUX,
    DATE,
    f("auteur", "Auteur", "Qui l'écrit, par exemple « Samia B. ».", Type::Text),
    f("image", "Image", "Une image déposée dans content/, par exemple medias/actualites/photo.jpg.", Type::File),
    f(
        "image_alt",
        "Texte alternatif",
        "Ce que montre l'image, en une phrase (obligatoire avec une image).",
        Type::Text,
    ),
];

/// The fields of a call for projects.
pub const APPEL: &[Field] = &[
    TITRE,
    RESUME,
    ETIQUETTES,
    STRUCTURE,
    LIEUX,
    req("financeur", "Financeur", "Qui finance, par exemple « Métropole de Lyon ».", Type::Text),
    f("montant_min", "Montant minimum", "En euros, un nombre entier, par exemple 5000.", Type::Integer),
    f("montant_max", "Montant maximum", "En euros, un nombre entier, par exemple 20000.", Type::Integer),
    req("ouverture", "Ouverture", "Le premier jour pour déposer un dossier, AAAA-MM-JJ.", Type::Date),
    req("cloture", "Clôture", "Le dernier jour pour déposer un dossier, AAAA-MM-JJ.", Type::Date),
    f("structures_eligibles", "Structures éligibles", "Par exemple [Associations, Centres sociaux].", Type::Texts),
    f("territoire", "Territoire", "Par exemple « Métropole de Lyon ».", Type::Text),
    req("lien", "Texte officiel", "Le lien vers le texte officiel de l'appel, https://….", Type::Url),
    CONTACT,
    COURRIEL,
    TELEPHONE,
];

/// The fields of a good practice.
pub const BONNE_PRATIQUE: &[Field] = &[
    TITRE,
    RESUME,
    ETIQUETTES,
    req("structure", "Structure", "La structure qui partage cette pratique.", Type::Text),
    LIEUX,
    DATE,
    req(
        "services",
        "Thèmes",
        "Valeurs du standard, par exemple [Aide aux démarches administratives].",
        Type::Vocabulary("services"),
    ),
    f(
        "publics_specifiquement_adresses",
        "Publics",
        "Par exemple [Seniors].",
        Type::Vocabulary("publics_specifiquement_adresses"),
    ),
    f(
        "pieces_jointes",
        "Pièces jointes",
        "Fichiers déposés dans content/ : une liste de { fichier, titre }.",
        Type::Attachments,
    )
    .starts(Start::Records("{ fichier: medias/bonnes-pratiques/guide.pdf, titre: Guide de l'animateur }")),
    f("licence", "Licence", "Par exemple « CC BY-SA 4.0 ».", Type::Text),
];

/// The fields of an ad of the exchange board.
pub const ANNONCE: &[Field] = &[
    TITRE,
    RESUME,
    ETIQUETTES,
    req("structure", "Structure", "La structure qui propose ou cherche.", Type::Text),
    LIEUX,
    req("nature", "Offre ou demande", "Offre ou Demande.", Type::Choice(&["Offre", "Demande"]))
        .starts(Start::Value("Offre")),
    req(
        "categorie",
        "Catégorie",
        "Matériel, Locaux, Bénévoles, Compétences, Places en formation ou Autre.",
        Type::Choice(CATEGORIES),
    ),
    req("commune", "Commune", "La commune de la structure, par exemple « Villeurbanne ».", Type::Text),
    CONTACT,
    f("courriel", "Courriel", "Un courriel ou un téléphone au moins.", Type::Email),
    f("telephone", "Téléphone", "Un courriel ou un téléphone au moins.", Type::Phone),
    DATE,
    req("expiration", "Expiration", "Le dernier jour où l'annonce est affichée, AAAA-MM-JJ.", Type::Date),
];

/// The fields of an event.
pub const EVENEMENT: &[Field] = &[
    TITRE,
    RESUME,
    ETIQUETTES,
    f("structure", "Organisateur", "La structure qui organise.", Type::Text),
    LIEUX,
    req("date", "Date", "Le jour (le premier jour s'il y en a plusieurs), AAAA-MM-JJ.", Type::Date),
    f("date_fin", "Dernier jour", "Pour un événement sur plusieurs jours (31 au plus), AAAA-MM-JJ.", Type::Date),
    req("debut", "Début", "Heure de début, \"HH:MM\".", Type::Time).starts(Start::Value("\"09:30\"")),
    req("fin", "Fin", "Heure de fin, \"HH:MM\".", Type::Time).starts(Start::Value("\"12:00\"")),
    f(
        "lieu",
        "Lieu",
        "Le lieu de l'annuaire où il se tient (nom de fichier sans .md) ; ou bien une adresse.",
        Type::Place,
    ),
    f(
        "adresse",
        "Adresse",
        "Une adresse libre, quand l'événement ne se tient pas dans un lieu de l'annuaire.",
        Type::Text,
    ),
    f("commune", "Commune", "La commune de l'adresse libre.", Type::Text),
    f("inscription", "Inscription", "Lien d'inscription, https://….", Type::Url),
];

/// The fields of one dated session of an offer (an item of `seances`), all required.
pub const SESSION: &[(&str, Type)] = &[("date", Type::Date), ("debut", Type::Time), ("fin", Type::Time)];

/// The names of the fields of a session, in their order.
pub fn session_names() -> Vec<&'static str> {
    SESSION.iter().map(|(name, _)| *name).collect()
}

/// The fields of a type of entry.
pub fn fields(kind: EntryKind) -> &'static [Field] {
    match kind {
        EntryKind::Place => LIEU,
        EntryKind::Offer => OFFRE,
        EntryKind::Page => PAGE,
        EntryKind::Network(Section::News) => ACTUALITE,
        EntryKind::Network(Section::CallsForProjects) => APPEL,
        EntryKind::Network(Section::GoodPractices) => BONNE_PRATIQUE,
        EntryKind::Network(Section::Exchange) => ANNONCE,
        EntryKind::Network(Section::Agenda) => EVENEMENT,
    }
}

/// The names of the fields of a type of entry: what its validator knows.
pub fn names(kind: EntryKind) -> &'static [&'static str] {
    static NAMES: std::sync::LazyLock<Vec<(EntryKind, Vec<&'static str>)>> = std::sync::LazyLock::new(|| {
        EntryKind::ALL.iter().map(|&kind| (kind, fields(kind).iter().map(|f| f.name).collect())).collect()
    });
    NAMES.iter().find(|(k, _)| *k == kind).map_or(&[], |(_, names)| names.as_slice())
}

/// The name of a type, for `--type` and the schema's file: `lieu`, `appel-a-projets`…
pub fn type_name(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Place => "lieu",
        EntryKind::Offer => "offre",
        EntryKind::Page => "page",
        EntryKind::Network(Section::News) => "actualite",
        EntryKind::Network(Section::CallsForProjects) => "appel-a-projets",
        EntryKind::Network(Section::GoodPractices) => "bonne-pratique",
        EntryKind::Network(Section::Exchange) => "annonce",
        EntryKind::Network(Section::Agenda) => "evenement",
    }
}

/// Every type of entry, in the order of `content/`.
pub fn kinds() -> [EntryKind; 8] {
    EntryKind::ALL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_validator_knows_exactly_the_fields_of_the_model() {
        // The network's space reads `names` itself; places, offers and pages keep their lists
        // in the standard's order, which the exports and the import follow.
        let names = |fields: &[Field]| fields.iter().map(|f| f.name).collect::<Vec<_>>();
        for kind in kinds() {
            assert_eq!(super::names(kind), names(fields(kind)), "{kind:?}");
        }
    }

    #[test]
    fn every_field_has_french_words() {
        for kind in kinds() {
            for field in fields(kind) {
                assert!(!field.title.is_empty() && field.description.len() > 5, "{kind:?} {}", field.name);
            }
        }
    }

    #[test]
    fn the_fields_of_a_place_are_the_standards_columns_then_resins_own() {
        // `presentation_detail` is the entry's body; `PLACE_OWN` are resin's own.
        let columns: Vec<&str> =
            standard::schema_fields().iter().map(|f| f.name.as_str()).filter(|n| *n != "presentation_detail").collect();
        let fields: Vec<&str> =
            LIEU.iter().map(|f| f.name).filter(|n| !PLACE_OWN.iter().any(|own| own.name == *n)).collect();
        assert_eq!(columns, fields);
    }

    /// The model's structs (`model.rs`) restate the names of the fields for serde: a field added
    /// to the model and not to the table, or the other way round, fails here.
    #[test]
    fn the_model_has_exactly_the_fields_of_the_table() {
        use std::collections::BTreeSet;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("a date");
        let checked = crate::check(root, today, None).expect("the example site checks");
        let site = checked.site.expect("the example site has a site.yaml");
        let model = |value: serde_json::Value| -> BTreeSet<String> {
            value.as_object().expect("an entry serialises to an object").keys().cloned().collect()
        };
        // Besides the front matter, the model holds the file name, the body and the territorial
        // fields; an offer's `horaires` or `seances` are its `calendrier`.
        let table = |kind: EntryKind, besides: &[&str], instead: &[&str]| -> BTreeSet<String> {
            names(kind).iter().filter(|n| !instead.contains(n)).chain(besides).map(|n| n.to_string()).collect()
        };
        let place = serde_json::to_value(&*site.entries.places[0]).expect("serialises");
        assert_eq!(model(place), table(EntryKind::Place, &["slug", "presentation_detail", "extensions"], &[]));
        let offer = serde_json::to_value(&*site.entries.offers[0]).expect("serialises");
        assert_eq!(
            model(offer),
            table(EntryKind::Offer, &["slug", "description", "extensions", "calendrier"], &["horaires", "seances"])
        );
        let page = serde_json::to_value(&*site.entries.pages[0]).expect("serialises");
        assert_eq!(model(page), table(EntryKind::Page, &["slug", "corps"], &[]));
    }
}
