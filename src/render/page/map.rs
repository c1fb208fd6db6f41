//! `/carte/`: the map of the places with the same list beside it, filtered in the browser. It
//! shows every place: it is made again after every change.

use serde::Serialize;

use crate::Error;
use crate::render::filters::{self, Filters};
use crate::render::view::Link;
use crate::render::{Renderer, labels};

#[derive(Serialize)]
struct MapPage {
    filtres: Filters,
    parcourir: Vec<Link>,
    total: String,
}

/// Renders `/carte/`, in the folder `dir`.
pub(crate) fn render(r: &Renderer, dir: &str) -> Result<String, Error> {
    let site = r.site;
    let data = MapPage {
        filtres: filters::filters(site, &r.urls),
        parcourir: r.browse_links(),
        total: labels::count(site.entries.places.len(), "lieu", "lieux"),
    };
    let meta = r.meta(
        "Carte des lieux",
        "La carte des lieux où se faire aider avec le numérique, avec la même liste à côté, à filtrer par besoin, commune, horaires.",
        dir,
        r.crumbs(&[]),
    );
    r.page("carte.html", &meta, &data)
}
