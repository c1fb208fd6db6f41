//! `/lieux/`: every place, commune by commune, cut in pages of [`PLACES_PER_PAGE`]; the
//! first page holds the filter form.

use std::hash::Hash;

use serde::Serialize;

use crate::Error;
use crate::render::cards::{self, Group};
use crate::render::deps::Keys;
use crate::render::filters::{self, Filters};
use crate::render::urls::{Pagination, pagination};
use crate::render::view::Link;
use crate::render::{PLACES_PER_PAGE, Renderer, labels};

#[derive(Serialize)]
struct Places {
    groupes: Vec<Group>,
    total: String,
    communes: String,
    numero: usize,
    pages: usize,
    pagination: Option<Pagination>,
    /// The filter form, on the first page.
    filtres: Option<Filters>,
    parcourir: Vec<Link>,
}

/// Renders page `n` of `total` of `/lieux/`.
pub(crate) fn render(r: &Renderer, n: usize, total: usize) -> Result<String, Error> {
    let site = r.site;
    let urls = &r.urls;
    let order = cards::directory_order(site);
    let start = (n - 1) * PLACES_PER_PAGE;
    let slice = &order[start.min(order.len())..(start + PLACES_PER_PAGE).min(order.len())];
    let first_is_suite = start > 0
        && slice
            .first()
            .is_some_and(|&i| site.entries.places[order[start - 1]].commune == site.entries.places[i].commune);
    let data = Places {
        groupes: cards::groups(site, urls, slice, first_is_suite),
        total: labels::count(site.entries.places.len(), "lieu", "lieux"),
        communes: labels::count(site.communes.len(), "commune", "communes"),
        numero: n,
        pages: total,
        pagination: pagination(urls, "lieux/", n, total),
        filtres: (n == 1).then(|| filters::filters(site, urls)),
        parcourir: r.browse_links(),
    };
    let description = format!(
        "Les {} où se faire aider avec le numérique, commune par commune.",
        labels::count(site.entries.places.len(), "lieu", "lieux")
    );
    let meta = r.list_meta("Tous les lieux", &description, "lieux/", n, total, &[]);
    r.page("lieux.html", &meta, &data)
}

/// The key of page `n` of `total`; `None` for the first page, whose filter form takes its
/// choices from every place.
pub(crate) fn key(keys: &Keys, n: usize, total: usize) -> Option<u64> {
    if n == 1 {
        return None;
    }
    let site = keys.site;
    let mut h = keys.hasher();
    (1u8, n, total, site.entries.places.len(), site.communes.len()).hash(&mut h);
    cards::hash_places_page(keys, &mut h, &keys.directory, n);
    Some(std::hash::Hasher::finish(&h))
}
