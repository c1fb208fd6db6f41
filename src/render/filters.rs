//! The filter form of `/lieux/`, `/carte/` and the home page, and the communes to measure
//! distances from (shared with `/orienter/`). Its choices are the search index's
//! ([`super::files::search`]).

use serde::Serialize;

use super::files::search;
use super::labels;
use super::urls::Urls;
use crate::index::Site;

/// One choice of a filter: its value in the URL query and its words.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Choice {
    /// Value in the query (`?besoin=aide-aux-demarches-administratives`).
    pub value: String,
    /// Words shown.
    pub text: String,
}

/// The filter form of `/lieux/`, `/carte/` and the home page (`annuaire.js` brings it to
/// life; its choices are the same as the search index's).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Filters {
    /// `/lieux/`: where the home page's form leads.
    pub action: String,
    /// `/lieux/recherche.json`.
    pub index: String,
    /// Services that some place offers, in plain words.
    pub besoins: Vec<Choice>,
    /// Communes with at least one place.
    pub communes: Vec<Choice>,
    /// The communes whose centre is known, for "près de moi" without geolocation.
    pub depuis: Vec<Choice>,
    /// Publics.
    pub publics: Vec<Choice>,
    /// Specific support offered somewhere.
    pub prises: Vec<Choice>,
    /// The languages spoken somewhere, by name (`?langue=ar`).
    pub langues: Vec<Choice>,
    /// The territorial fields offered as filters.
    pub criteres: Vec<CriterionFilter>,
}

/// A territorial field as a filter: a checkbox (`booleen`) or a list (`choix`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CriterionFilter {
    /// The form's field (`x-pass-numerique`).
    pub nom: String,
    /// Its label.
    pub libelle: String,
    /// The values of a `choix` that some place has (empty for a checkbox).
    pub choix: Vec<Choice>,
}

/// The filters' choices for `site`.
pub(crate) fn filters(site: &Site, urls: &Urls) -> Filters {
    let choice = |value: &str, text: String| Choice { value: crate::vocab::slug(value), text };
    let supports = search::present_supports(site);
    Filters {
        action: urls.path("lieux/"),
        index: urls.path(search::PATH),
        besoins: site.services.iter().map(|t| choice(&t.name, labels::service_plain(&t.name))).collect(),
        communes: site.communes.iter().map(|t| Choice { value: t.slug.clone(), text: t.name.clone() }).collect(),
        depuis: communes_with_centre(site),
        publics: site
            .publics
            .iter()
            .map(|t| choice(&t.name, labels::plain("publics_specifiquement_adresses", &t.name)))
            .collect(),
        prises: supports.iter().map(|p| choice(p, labels::plain("prise_en_charge_specifique", p))).collect(),
        langues: search::spoken(site)
            .into_iter()
            .map(|l| Choice { value: l.code.to_string(), text: l.name.to_string() })
            .collect(),
        criteres: criterion_filters(site),
    }
}

/// The communes whose centre is known, to measure distances from (`depuis` of the directory
/// and of `/orienter/`), by name.
pub(crate) fn communes_with_centre(site: &Site) -> Vec<Choice> {
    search::communes(site)
        .into_iter()
        .filter(|(_, centre)| centre.is_some())
        .map(|(name, _)| Choice { value: Site::commune_slug(&name), text: name })
        .collect()
}

/// The territorial fields offered as filters, with the values that some place has (those with
/// a term in `site.criteres`).
fn criterion_filters(site: &Site) -> Vec<CriterionFilter> {
    let has_places = |slug: &str| site.criteria.iter().any(|t| t.slug == slug);
    site.config
        .extensions
        .lieux
        .iter()
        .filter(|e| e.filtre)
        .filter_map(|e| {
            let choices: Vec<Choice> = match e.kind {
                crate::config::ExtensionType::Choice => e
                    .valeurs
                    .iter()
                    .filter(|v| has_places(&e.value_slug(v)))
                    .map(|v| Choice { value: slug::slugify(v), text: v.clone() })
                    .collect(),
                _ => Vec::new(),
            };
            let present = if e.kind == crate::config::ExtensionType::Choice {
                !choices.is_empty()
            } else {
                has_places(&e.slug())
            };
            present.then(|| CriterionFilter {
                nom: format!("x-{}", e.slug()),
                libelle: e.libelle.clone(),
                choix: choices,
            })
        })
        .collect()
}
