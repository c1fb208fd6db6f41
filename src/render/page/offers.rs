//! `/offres/`: the workshops and drop-in sessions, upcoming first, then recurring, then past,
//! in one ordered list cut in pages of [`OFFERS_PER_PAGE`].

use std::hash::{Hash, Hasher};

use serde::Serialize;

use crate::Error;
use crate::render::cards::{self, OfferCard, When};
use crate::render::deps::Keys;
use crate::render::urls::{Pagination, pagination};
use crate::render::{OFFERS_PER_PAGE, Renderer};

#[derive(Serialize)]
struct Offers {
    prochaines: Vec<OfferCard>,
    recurrentes: Vec<OfferCard>,
    passees: Vec<OfferCard>,
    /// The section that goes on from the previous page, if any.
    suite: Option<When>,
    numero: usize,
    pages: usize,
    pagination: Option<Pagination>,
}

/// Renders page `n` of `total` of `/offres/`.
pub(crate) fn render(r: &Renderer, n: usize, total: usize) -> Result<String, Error> {
    let site = r.site;
    let urls = &r.urls;
    // One ordered list cut in pages: a section that goes on from the previous page says so
    // ("suite").
    let order = site.offers_in_order();
    let start = (n - 1) * OFFERS_PER_PAGE;
    let previous = start.checked_sub(1).map(|i| cards::when(site, order[i]));
    let mut data = Offers {
        prochaines: Vec::new(),
        recurrentes: Vec::new(),
        passees: Vec::new(),
        suite: None,
        numero: n,
        pages: total,
        pagination: pagination(urls, "offres/", n, total),
    };
    for offer in order.iter().skip(start).take(OFFERS_PER_PAGE) {
        let card = cards::offer_card(site, urls, offer);
        if data.suite.is_none() && previous == Some(card.quand) {
            data.suite = Some(card.quand);
        }
        match card.quand {
            When::Next => data.prochaines.push(card),
            When::Recurring => data.recurrentes.push(card),
            When::Past => data.passees.push(card),
        }
    }
    let meta = r.list_meta(
        "Ateliers et permanences",
        "Les ateliers, permanences et cours pour apprendre le numérique ou se faire aider, avec leurs dates.",
        "offres/",
        n,
        total,
        &[],
    );
    r.page("offres.html", &meta, &data)
}

/// The key of page `n` of `total`: where the previous page's last offer stands in time (the
/// "suite"), and the cards of this page's offers.
pub(crate) fn key(keys: &Keys, n: usize, total: usize) -> u64 {
    let mut h = keys.hasher();
    (4u8, n, total).hash(&mut h);
    let start = (n - 1) * OFFERS_PER_PAGE;
    if let Some(previous) = start.checked_sub(1).and_then(|i| keys.offers.get(i)) {
        cards::when(keys.site, previous).hash(&mut h);
    }
    for offer in keys.offers.iter().skip(start).take(OFFERS_PER_PAGE) {
        cards::hash_offer_card(keys, &mut h, offer);
    }
    h.finish()
}
