//! How to fix each kind of problem, in French: [`Kind::help`].

use super::kind::Declared;
use super::{Kind, Shape};

/// The formats of `content/` that are published, as the help of [`Kind::UnpublishedFormat`]
/// names them: the lists of `load::media` (images, attachments, other formats, SVG).
const PUBLISHED_FORMATS: &str = "images (PNG, JPEG, WebP, GIF, AVIF, ICO, SVG sans script), PDF, \
    documents bureautiques (OpenDocument, Word, Excel, PowerPoint, RTF), EPUB, CSV, texte, calendrier ICS, ZIP, \
    son et vidéo (MP3, M4A, OGG, MP4, WebM)";

impl Kind {
    /// How to fix the problem, in French.
    pub fn help(&self) -> Option<String> {
        Some(match self {
            Kind::NotUtf8 => "enregistrez le fichier en UTF-8 (dans la plupart des éditeurs : « Enregistrer sous » puis l'encodage « UTF-8 »)".into(),
            Kind::MissingFrontMatter => "commencez le fichier par une ligne `---`, les champs, puis une autre ligne `---` avant le texte".into(),
            Kind::UnclosedFrontMatter => "ajoutez une ligne `---` après le dernier champ, avant le texte de présentation".into(),
            Kind::YamlSyntax { .. } => "vérifiez l'indentation (des espaces, pas de tabulation), les deux-points après chaque nom de champ, et mettez entre guillemets les textes qui contiennent `: ` ou `#`".into(),
            Kind::DuplicateField { .. } => "gardez une seule ligne pour ce champ (pour plusieurs valeurs, écrivez une liste : `[a, b]`)".into(),
            Kind::NotAMapping => "l'en-tête doit être une suite de lignes `champ: valeur`".into(),
            Kind::MissingField { field } => match field.split_once("].") {
                // `seances[2].fin`: a field of one item of a list.
                Some((list, sub)) => {
                    let (name, index) = list.split_once('[').unwrap_or((list, "?"));
                    format!("ajoutez `{sub}: …` à l'élément n° {index} de `{name}`")
                }
                None => format!("ajoutez une ligne `{field}: …`"),
            },
            Kind::EmptyField { field } => format!("écrivez la valeur après `{field}:`"),
            // A number of five digits only lacks its quotes; a shorter one is completed from the commune.
            Kind::CodeAsNumber { field, value, commune: Some(likely) } if likely.codes.len() == 1 && value.len() != 5 => {
                format!("écrivez le code postal de {} entre guillemets : `{field}: \"{}\"`", likely.commune, likely.codes[0])
            }
            Kind::CodeAsNumber { field, value, .. } if value.len() == 5 || field != "code_postal" => {
                format!("écrivez-le entre guillemets : `{field}: \"{value}\"`")
            }
            Kind::CodeAsNumber { field, .. } => {
                format!("écrivez-le entre guillemets avec ses cinq chiffres, zéro initial compris : `{field}: \"01000\"`")
            }
            Kind::WrongType { expected: Shape::Number, .. } => {
                "écrivez un nombre sans guillemets, avec un point comme séparateur décimal, par exemple `45.7372`".into()
            }
            Kind::WrongType { expected, .. } => format!("écrivez {expected}"),
            Kind::UnknownField { suggestion: Some(s), .. } => format!("remplacez par `{s}`"),
            Kind::UnknownField { known, .. } => format!("les champs possibles sont : {}", list_or(known)),
            Kind::NotInVocabulary { suggestion: Some(s), only_spelling: true, .. } => {
                format!("écrivez-le exactement comme le standard : « {s} »")
            }
            Kind::NotInVocabulary { suggestion: Some(s), .. } => format!("vouliez-vous dire « {s} » ?"),
            Kind::NotInVocabulary { .. } => "choisissez une valeur de la liste du standard national (voir le README, « Le format du contenu »)".into(),
            Kind::NotAChoice { value, allowed, .. } => match crate::suggest::closest(value, allowed.iter().copied()) {
                Some(s) => format!("vouliez-vous dire « {s} » ?"),
                None => format!("écrivez une de ces valeurs : {}", list_or(allowed)),
            },
            Kind::PipeInValue { .. } => "écrivez chaque valeur à part dans la liste : `[première, seconde]`".into(),
            Kind::ListCut { .. } => "entre crochets, chaque virgule sépare deux éléments : écrivez la liste un élément par ligne, chacun après un tiret (`- Vos identifiants (CAF, Ameli)`)".into(),
            Kind::BodyTooDeep { .. } => "aplatissez les listes, citations ou balises HTML imbriquées les unes dans les autres".into(),
            Kind::ControlCharacter { .. } => "retirez ce caractère invisible (souvent venu d'un copier-coller) : retapez la valeur".into(),
            // A Markdown text that opens on a list: `*` marks a list item as well.
            Kind::FormulaStart { field, sign: sign @ ('-' | '+') } if field == "presentation_detail" => format!("pour une liste, marquez ses éléments par `*` au lieu de {} ; sinon, commencez le texte par une phrase : un tableur qui ouvre les exports lirait une formule", formula_sign_name(*sign)),
            Kind::FormulaStart { sign, .. } => format!("commencez la valeur par une lettre ou un chiffre (retirez {}) : les exports sont repris tels quels, un tableur exécuterait la formule", formula_sign_name(*sign)),
            Kind::ReplacementCharacter { .. } => "retapez le caractère perdu (souvent une lettre accentuée : é, è, à, ç) ; si la fiche vient de `resin import`, enregistrez le fichier d'origine en UTF-8 et importez-le à nouveau".into(),
            Kind::TooShort { min, .. } => format!("écrivez le nom complet : data·inclusion en demande {min} caractères au moins"),
            Kind::TooLong { field, max, .. } if field == "nom" => format!("raccourcissez-le à {max} caractères au plus (la limite de data·inclusion) ; le reste va dans la présentation, sous l'en-tête"),
            Kind::TooLong { max, .. } => format!("raccourcissez-le à {max} caractères au plus ; le texte complet va dans la présentation, sous l'en-tête"),
            Kind::PostalCode { commune: Some(likely), .. } if likely.codes.len() == 1 => format!("le code postal de {} est {code} : écrivez `code_postal: \"{code}\"`", likely.commune, code = likely.codes[0]),
            Kind::PostalCode { commune: Some(likely), .. } if !likely.codes.is_empty() => format!("les codes postaux de {} sont {} : écrivez celui du lieu entre guillemets, par exemple `code_postal: \"{}\"`", likely.commune, crate::hours::join_et(&likely.codes), likely.codes[0]),
            Kind::PostalCode { .. } => "écrivez cinq chiffres entre guillemets, par exemple `code_postal: \"69008\"`".into(),
            Kind::InseeCode { .. } => "écrivez le code INSEE de la commune (cinq caractères) entre guillemets, par exemple `code_insee: \"69388\"`".into(),
            Kind::Pivot { .. } => "écrivez le SIRET (14 chiffres) ou le numéro RNA (W suivi de 9 chiffres) entre guillemets, ou `\"00000000000000\"` s'il est inconnu".into(),
            Kind::Phone { .. } => "écrivez un numéro français à 10 chiffres, par exemple `04 78 00 00 00` ou `+33 4 78 00 00 00`".into(),
            Kind::Email { .. } => "écrivez une adresse de la forme `nom@domaine.fr`, sans espace".into(),
            Kind::Url { scheme: Some(_), .. } => "seules les adresses web `https://…` ou `http://…` sont acceptées".into(),
            Kind::Url { .. } => "écrivez l'adresse complète, en commençant par `https://`".into(),
            Kind::CoordinatesOutside { .. } => "vérifiez les coordonnées (latitude et longitude en degrés décimaux, WGS 84), par exemple sur openstreetmap.org : clic droit « Afficher l'adresse »".into(),
            Kind::CoordinatesSwapped { latitude, longitude } => format!("échangez les deux valeurs : `latitude: {longitude}` et `longitude: {latitude}`"),
            Kind::CoordinatesLambert93 { .. } => "convertissez-les en degrés décimaux WGS 84 (latitude vers 45.7 et longitude vers 4.8 à Lyon), par exemple avec geoportail.gouv.fr".into(),
            Kind::CoordinatesIncomplete { missing } => format!("ajoutez `{missing}`, ou retirez les deux champs"),
            Kind::UnknownCommune { suggestion: Some(s), .. } => format!("écrivez le nom officiel : « {s} »"),
            Kind::UnknownCommune { .. } => "écrivez le nom de la commune comme l'INSEE (par exemple « Lyon 8e Arrondissement », « Villeurbanne »), ou vérifiez qu'elle est dans le territoire".into(),
            Kind::CommuneVariant { first, .. } => format!("écrivez-la partout de la même façon : « {first} »"),
            Kind::CommuneMismatch { field, commune, expected, .. } => {
                let codes = crate::hours::join_et(expected);
                match (*field, expected.len()) {
                    ("code_postal", 1) => format!("le code postal de {commune} est {codes} : corrigez la commune ou le code"),
                    ("code_postal", _) => format!("les codes postaux de {commune} sont {codes} : corrigez la commune ou le code"),
                    _ => format!("le code INSEE de {commune} est {codes} : corrigez la commune ou le code"),
                }
            }
            Kind::Hours { proposal: Some(p), .. } => format!("vouliez-vous dire « {p} » ? Si ce sont bien les horaires du lieu, écrivez `horaires: \"{p}\"`"),
            Kind::Hours { .. } => "utilisez la syntaxe OpenStreetMap, par exemple `Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off` (Mo Tu We Th Fr Sa Su pour les jours, PH pour les jours fériés)".into(),
            Kind::Date { .. } => "écrivez la date sous la forme AAAA-MM-JJ, par exemple `2026-03-03`".into(),
            Kind::Time { .. } => "écrivez l'heure sous la forme HH:MM entre guillemets, par exemple `\"14:00\"`".into(),
            Kind::DateInFuture { today, .. } => format!("écrivez la date de la dernière vérification, au plus tard aujourd'hui ({today})"),
            Kind::SessionEndsBeforeStart { .. } => "vérifiez les heures de début (`debut`) et de fin (`fin`)".into(),
            Kind::OfferSchedule { both: true } => "gardez `horaires` pour une offre régulière, ou `seances` pour des dates précises, pas les deux".into(),
            Kind::OfferSchedule { both: false } => "ajoutez `horaires: \"We 14:00-16:00\"` pour une offre régulière, ou une liste `seances:` de dates".into(),
            Kind::UnknownPlace { suggestion: Some(s), .. } => format!("vouliez-vous dire « {s} » ?"),
            Kind::UnknownPlace { .. } => "écrivez le nom du fichier du lieu dans `content/lieux/`, sans `.md`".into(),
            Kind::ImageWithoutAlt { field, .. } => format!("ajoutez `{field}_alt: …` : une phrase qui dit ce que montre l'image, lue à voix haute aux personnes qui ne la voient pas"),
            Kind::DatesOutOfOrder { field, earlier, .. } => format!("vérifiez les deux dates : `{field}` est le même jour que `{earlier}` ou après"),
            Kind::AmountsOutOfOrder { .. } => "échangez `montant_min` et `montant_max`, ou corrigez l'un des deux".into(),
            Kind::InvalidTag { suggestion: Some(s), .. } => format!("écrivez « {s} »"),
            Kind::InvalidTag { .. } => "une étiquette s'écrit en minuscules, avec des lettres, des chiffres, des espaces, des tirets ou des apostrophes, en 2 à 40 caractères, par exemple « aidants connect »".into(),
            Kind::TagVariant { first, .. } => format!("écrivez-la partout de la même façon : « {first} »"),
            Kind::UnknownFile { suggestion: Some(s), .. } => format!("vouliez-vous dire « {s} » ?"),
            Kind::UnknownFile { .. } => "vérifiez le chemin, écrit à partir de `content/` (`medias/guide.pdf` pour le fichier `content/medias/guide.pdf`), ou déposez le fichier à cet endroit".into(),
            Kind::FileFormat { allowed, .. } => format!("formats acceptés : {}", list_or(allowed)),
            Kind::NoContact => "ajoutez `courriel: …` ou `telephone: …`".into(),
            Kind::EventTooLong { max, .. } => format!("vérifiez `date_fin` (l'année ?) ; un événement plus long que {max} jours s'écrit en plusieurs fiches, ou comme une offre"),
            Kind::EventPlace { .. } => "gardez `lieu` (le nom de fichier d'un lieu de l'annuaire, sans `.md`) ou `adresse` (une adresse libre, avec `commune`), pas les deux".into(),
            Kind::ExtensionValue(value) => extension_help(&value.field, &value.declared),
            Kind::DuplicateSlug { .. } => "renommez l'un des deux fichiers".into(),
            Kind::CopiedPlace(copied) => copied.help(),
            Kind::DuplicateId { .. } => "chaque lieu doit avoir un `id` unique : changez l'un des deux, ou retirez-le pour utiliser le nom du fichier".into(),
            Kind::InvalidSlug { suggestion, .. } => {
                format!("renommez-le en `{suggestion}` (minuscules sans accent, chiffres et tirets)")
            }
            Kind::AssetConflict { .. } => "renommez ce fichier ou rangez-le dans un autre dossier, par exemple `content/fichiers/`".into(),
            Kind::ReservedSlug { slug } => format!("renommez le fichier, par exemple en `{slug}-infos.md`"),
            Kind::UnpublishedFormat { .. } => format!(
                "retirez ce fichier de `content/` ; seuls sont publiés les {PUBLISHED_FORMATS} ; une page s'écrit en Markdown dans `content/pages/`, un document peut être enregistré en PDF"
            ),
            Kind::SvgTooLarge { .. } => "exportez-la en PNG ou en WebP, ou simplifiez-la : une page si lourde ne s'ouvre pas sur un vieux téléphone".into(),
            Kind::ActiveSvg { .. } => "enregistrez l'image sans script ni lien actif (Inkscape : « Enregistrer sous… », « SVG simple » ; Illustrator : « Exporter sous… », SVG), ou exportez-la en PNG, ou retirez-la".into(),
            Kind::SymlinkOutside { .. } => "mettez le fichier lui-même à cet endroit au lieu d'un lien symbolique".into(),
            Kind::SpecialFile { .. } => {
                "supprimez-le de `content/` : seuls des fichiers ordinaires et des dossiers y sont publiés".into()
            }
            Kind::Site(kind) => kind.help(),
            Kind::Style(kind) => kind.help(),
            Kind::Closure(kind) => kind.help(),
            Kind::Language(kind) => kind.help(),
            Kind::StaleDate { .. } => "vérifiez les informations auprès du lieu, puis mettez `date_maj` à la date du jour".into(),
            Kind::StrayEntry { suggestion, .. } => {
                format!("pour en faire une fiche, déplacez-le dans un dossier de fiches : `content/lieux/`, `content/offres/`, `content/pages/`, `content/actualites/`, `content/appels-a-projets/`, `content/bonnes-pratiques/`, `content/bourse/` ou `content/agenda/` (par exemple `{suggestion}`)")
            }
            Kind::NoHours => "ajoutez `horaires:` (syntaxe OpenStreetMap) : les habitants cherchent un lieu ouvert".into(),
            Kind::NoCoordinates => "ajoutez `latitude:` et `longitude:` : elles donnent l'itinéraire vers le lieu et le placent dans les données cartographiques".into(),
            Kind::NoServices => "ajoutez `services:` : les habitants cherchent un lieu par besoin".into(),
        })
    }
}

/// How to write a value of the territorial field `name`.
fn extension_help(name: &str, declared: &Declared) -> String {
    match declared {
        Declared::Boolean => format!("écrivez `{name}: true` (oui) ou `{name}: false` (non)"),
        Declared::Text => format!("écrivez le texte après `{name}:`, entre guillemets s'il contient `: `"),
        Declared::Choice(values) => {
            let quoted: Vec<String> = values.iter().map(|v| format!("« {v} »")).collect();
            format!("choisissez parmi : {}", quoted.join(", "))
        }
        Declared::Url => format!("écrivez l'adresse complète, par exemple `{name}: https://exemple.fr/page`"),
        Declared::Date => format!("écrivez la date sous la forme AAAA-MM-JJ, par exemple `{name}: 2026-03-03`"),
    }
}

/// "a, b ou c" with backquotes, for lists of names in help texts.
pub(crate) fn list_or(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} ou {last}", rest.join(", ")),
    }
}

/// A formula sign as a message names it: « = », or a tabulation.
pub(crate) fn formula_sign_name(sign: char) -> String {
    match sign {
        '\t' => "une tabulation".into(),
        '\r' => "un retour chariot".into(),
        sign => format!("« {sign} »"),
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::{Declared, ExtensionMismatch, Found, Kind, Shape};

    #[test]
    fn a_territorial_value_names_its_field_and_says_how_to_write_it() {
        let choice = Kind::ExtensionValue(Box::new(ExtensionMismatch {
            field: "accueil".into(),
            label: "Type d'accueil".into(),
            expected: Shape::DeclaredValue,
            declared: Declared::Choice(vec!["Libre".into(), "Sur rendez-vous".into()]),
            found: Found::Close { value: "libres".into(), suggestion: "Libre".into() },
        }));
        assert_eq!(choice.code(), "extension");
        assert_eq!(
            choice.to_string(),
            "`accueil` (« Type d'accueil », champ propre au territoire) attend une des valeurs déclarées, pas « libres » (vouliez-vous dire « Libre » ?)"
        );
        assert_eq!(choice.help().as_deref(), Some("choisissez parmi : « Libre », « Sur rendez-vous »"));
        let boolean = Kind::ExtensionValue(Box::new(ExtensionMismatch {
            field: "pass".into(),
            label: "Pass".into(),
            expected: Shape::YesNo,
            declared: Declared::Boolean,
            found: Found::Type(Shape::List),
        }));
        assert_eq!(
            boolean.to_string(),
            "`pass` (« Pass », champ propre au territoire) attend oui ou non (`true` ou `false`), pas une liste"
        );
        assert_eq!(boolean.help().as_deref(), Some("écrivez `pass: true` (oui) ou `pass: false` (non)"));
        let date = Kind::ExtensionValue(Box::new(ExtensionMismatch {
            field: "depuis".into(),
            label: "Depuis".into(),
            expected: Shape::IsoDate,
            declared: Declared::Date,
            found: Found::Bool(true),
        }));
        assert!(date.to_string().ends_with("pas `true`"));
        assert_eq!(
            date.help().as_deref(),
            Some("écrivez la date sous la forme AAAA-MM-JJ, par exemple `depuis: 2026-03-03`")
        );
    }
}
