//! `/orienter/`: the guided form with which an adviser goes from what a person needs to a
//! shortlist of places, a printed fiche and a referral e-mail. Without JavaScript, a plain form
//! that opens the directory filtered; with it, the shortlist is computed in the browser from the
//! search index and `orienter/donnees.json` ([`crate::render::files::orientation`]). Its choices
//! come from every place: it is made again after every change.

use serde::Serialize;

use crate::Error;
use crate::config::Need;
use crate::index::Site;
use crate::render::files::{self, search};
use crate::render::filters::{self, Choice};
use crate::render::urls::Urls;
use crate::render::{Renderer, labels};
use crate::vocab;

/// The folder of the page.
pub(crate) const DIR: &str = "orienter/";

/// The needs of the form: `site.yaml`'s, or one per service of the standard, in its plain words.
pub(crate) fn needs(site: &Site) -> Vec<Need> {
    let configured = &site.config.orientation.demandes;
    if !configured.is_empty() {
        return configured.clone();
    }
    vocab::values("services")
        .iter()
        .map(|service| Need {
            libelle: labels::service_plain(service),
            services: vec![service.clone()],
            a_apporter: Vec::new(),
        })
        .collect()
}

/// The form's choices.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Form {
    /// `/lieux/`: where the form leads without JavaScript.
    pub action: String,
    /// `/lieux/recherche.json`.
    pub index: String,
    /// `/orienter/donnees.json`.
    pub donnees: String,
    /// The needs.
    pub demandes: Vec<NeedChoice>,
    /// Communes whose centre is known (distances are measured from it).
    pub communes: Vec<Choice>,
    /// Languages the places speak beyond French.
    pub langues: Vec<Choice>,
    /// The languages spoken at some place (`langues`), by name: what « Sa langue » proposes.
    pub parlees: Vec<String>,
    /// Other specific support (disability, illiteracy).
    pub handicaps: Vec<Choice>,
    /// The map tiles of the fiche's thumbnail, and their attribution.
    pub tuiles: String,
    /// Attribution of the tiles.
    pub attribution: String,
    /// The site's name, printed on the fiche.
    pub titre: String,
    /// The site's public address: links in messages and on the fiche lead there.
    pub url: String,
}

/// One need in the form.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NeedChoice {
    /// Its slug (`demande` in a shortlist's link).
    pub id: String,
    /// Its words.
    pub libelle: String,
    /// The directory's filter value: the slug of its first service that some place offers
    /// (empty when none does: the directory then shows every place).
    pub besoin: String,
    /// The page of that service (`/services/<slug>/`), which lists its places without JavaScript.
    pub page: Option<String>,
}

/// The form of `/orienter/`.
pub(crate) fn form(site: &Site, urls: &Urls) -> Form {
    let supports = search::present_supports(site);
    let choice = |value: &String, words: &str| Choice { value: vocab::slug(value), text: words.to_string() };
    let (langues, handicaps): (Vec<&String>, Vec<&String>) = supports.iter().partition(|p| p.starts_with("Langues"));
    Form {
        action: urls.path("lieux/"),
        index: urls.path(search::PATH),
        donnees: urls.path(files::orientation::PATH),
        demandes: needs(site)
            .iter()
            .map(|d| {
                let term = d.services.iter().find_map(|s| site.services.iter().find(|t| &t.name == s));
                NeedChoice {
                    id: d.slug(),
                    libelle: d.libelle.clone(),
                    besoin: term.map(|t| t.slug.clone()).unwrap_or_default(),
                    page: term.map(|t| urls.path(&format!("services/{}/", t.slug))),
                }
            })
            .collect(),
        communes: filters::communes_with_centre(site),
        langues: langues.into_iter().map(|p| choice(p, labels::support_need(p))).collect(),
        parlees: search::spoken(site).iter().map(|l| l.name.to_string()).collect(),
        handicaps: handicaps.into_iter().map(|p| choice(p, labels::support_need(p))).collect(),
        tuiles: site.config.carte.tuiles.clone(),
        attribution: site.config.carte.attribution.clone(),
        titre: site.config.titre.clone(),
        url: urls.absolute(""),
    }
}

/// Renders `/orienter/`, in the folder `dir`.
pub(crate) fn render(r: &Renderer, dir: &str) -> Result<String, Error> {
    let data = form(r.site, &r.urls);
    let meta = r.meta(
        "Orienter une personne",
        "Pour les conseillers et les aidants : trouver les lieux qui conviennent à une personne, selon son besoin, sa commune et ses disponibilités, puis lui imprimer une fiche ou la lui envoyer.",
        dir,
        r.crumbs(&[]),
    );
    r.page("orienter.html", &meta, &data)
}
