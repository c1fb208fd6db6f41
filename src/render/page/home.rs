//! The home page: the needs, communes and publics to start from, the next offers and the
//! filter form. It shows every place's counts: it is made again after every change.

use serde::Serialize;

use super::orient;
use crate::Error;
use crate::render::cards::{self, OfferCard, When};
use crate::render::filters::{self, Filters};
use crate::render::view::{self, TermLink};
use crate::render::{Renderer, labels};

#[derive(Serialize)]
struct Home {
    services: Vec<TermLink>,
    communes: Vec<TermLink>,
    publics: Vec<TermLink>,
    chiffres: String,
    offres: Vec<OfferCard>,
    filtres: Filters,
    lieux_href: String,
    offres_href: String,
    services_href: String,
    /// `/orienter/`, for the advisers who help someone.
    orienter_href: String,
}

/// Offers the home page shows: the next ones, upcoming or recurring.
const OFFERS: usize = 5;

/// Renders `index.html`.
pub(crate) fn render(r: &Renderer) -> Result<String, Error> {
    let site = r.site;
    let urls = &r.urls;
    let offers: Vec<OfferCard> = site
        .offers_in_order()
        .into_iter()
        .filter(|o| cards::when(site, o) != When::Past)
        .take(OFFERS)
        .map(|o| cards::offer_card(site, urls, o))
        .collect();
    let data = Home {
        services: view::term_links(&site.services, urls, "services", view::service_words),
        communes: view::term_links(&site.communes, urls, "communes", view::same_words),
        publics: view::term_links(&site.publics, urls, "publics", view::public_words),
        chiffres: format!(
            "{} dans {}, {}",
            labels::count(site.entries.places.len(), "lieu", "lieux"),
            labels::count(site.communes.len(), "commune", "communes"),
            labels::count(site.entries.offers.len(), "offre", "offres"),
        ),
        offres: offers,
        filtres: filters::filters(site, urls),
        lieux_href: urls.path("lieux/"),
        offres_href: urls.path("offres/"),
        services_href: urls.path("services/"),
        orienter_href: urls.path(orient::DIR),
    };
    let mut meta = r.meta("De quoi avez-vous besoin ?", &site.config.description, "", Vec::new());
    meta.ariane_courant = String::new();
    r.page("accueil.html", &meta, &data)
}
