//! `/offres/`: the workshops, drop-in sessions and trainings, upcoming first, then recurring,
//! then past, in one ordered list cut in pages of [`OFFERS_PER_PAGE`]; and the same list for
//! each kind of offer that some offer is (`/offres/formations/`…), linked from the others.

use std::hash::{Hash, Hasher};

use serde::Serialize;

use crate::Error;
use crate::index::Site;
use crate::model::{Offer, OfferKind};
use crate::render::cards::{self, OfferCard, When};
use crate::render::deps::Keys;
use crate::render::urls::{Pagination, Urls, pagination};
use crate::render::view::Link;
use crate::render::{OFFERS_PER_PAGE, Renderer};

/// The title of the list of every offer.
pub(crate) const TITLE: &str = "Ateliers, permanences et formations";

#[derive(Serialize)]
struct Offers {
    /// The list's title.
    titre: &'static str,
    /// What it lists, in a sentence.
    intro: &'static str,
    /// The lists by kind: every offer, then each kind that some offer is, with its count; the
    /// current one has no link.
    genres: Vec<KindLink>,
    prochaines: Vec<OfferCard>,
    recurrentes: Vec<OfferCard>,
    passees: Vec<OfferCard>,
    /// The section that goes on from the previous page, if any.
    suite: Option<When>,
    numero: usize,
    pages: usize,
    pagination: Option<Pagination>,
}

/// A link to the list of one kind of offer (or of all).
#[derive(Serialize)]
struct KindLink {
    #[serde(flatten)]
    link: Link,
    /// How many offers it lists.
    nombre: usize,
    /// True for the list shown.
    courant: bool,
}

/// The lists of offers and how many offers each holds: every offer (`None`), then each kind
/// that some offer is, in the order of [`OfferKind::ALL`].
pub(crate) fn lists(site: &Site) -> Vec<(Option<OfferKind>, usize)> {
    let offers = &site.entries.offers;
    let mut out = vec![(None, offers.len())];
    for kind in OfferKind::ALL {
        let count = offers.iter().filter(|o| o.kind() == Some(kind)).count();
        if count > 0 {
            out.push((Some(kind), count));
        }
    }
    out
}

/// The folder of the list of `kind` (of every offer for `None`).
pub(crate) fn dir(kind: Option<OfferKind>) -> String {
    kind.map_or_else(|| "offres/".to_string(), |k| format!("offres/{}/", k.slug()))
}

/// The offers of the list of `kind`, in listing order.
fn in_order<'a>(offers: &[&'a Offer], kind: Option<OfferKind>) -> Vec<&'a Offer> {
    offers.iter().copied().filter(|o| kind.is_none() || o.kind() == kind).collect()
}

/// The links between the lists, `kind`'s marked current.
fn kind_links(site: &Site, urls: &Urls, kind: Option<OfferKind>) -> Vec<KindLink> {
    let lists = lists(site);
    // One list only (no offer says its kind): nothing to choose between.
    if lists.len() < 2 {
        return Vec::new();
    }
    lists
        .into_iter()
        .map(|(k, nombre)| KindLink {
            link: Link { text: k.map_or("Toutes", OfferKind::list_title).to_string(), href: urls.path(&dir(k)) },
            nombre,
            courant: k == kind,
        })
        .collect()
}

/// Renders page `n` of `total` of the list of `kind`.
pub(crate) fn render(r: &Renderer, kind: Option<OfferKind>, n: usize, total: usize) -> Result<String, Error> {
    let site = r.site;
    let urls = &r.urls;
    // One ordered list cut in pages: a section that goes on from the previous page says so
    // ("suite").
    let order = in_order(&site.offers_in_order(), kind);
    let start = (n - 1) * OFFERS_PER_PAGE;
    let previous = start.checked_sub(1).map(|i| cards::when(site, order[i]));
    let base = dir(kind);
    let intro = match kind {
        None => "Des ateliers pour apprendre, des permanences pour se faire aider : les prochaines dates d'abord.",
        Some(OfferKind::Workshop) => {
            "Des ateliers en groupe pour apprendre le numérique : les prochaines dates d'abord."
        }
        Some(OfferKind::DropIn) => "Des permanences et des rendez-vous où l'on vous aide seul à seul.",
        Some(OfferKind::Training) => {
            "Des formations en plusieurs séances, parfois jusqu'à une certification : les prochaines dates d'abord."
        }
        Some(OfferKind::OpenAccess) => {
            "Des ordinateurs, une imprimante ou une connexion à utiliser librement, aux heures d'ouverture."
        }
    };
    let mut data = Offers {
        titre: kind.map_or(TITLE, OfferKind::list_title),
        intro,
        genres: kind_links(site, urls, kind),
        prochaines: Vec::new(),
        recurrentes: Vec::new(),
        passees: Vec::new(),
        suite: None,
        numero: n,
        pages: total,
        pagination: pagination(urls, &base, n, total),
    };
    for offer in order.iter().skip(start).take(OFFERS_PER_PAGE) {
        let mut card = cards::offer_card(site, urls, offer);
        if kind.is_some() {
            // The list's title says it already.
            card.type_offre = None;
        }
        if data.suite.is_none() && previous == Some(card.quand) {
            data.suite = Some(card.quand);
        }
        match card.quand {
            When::Next => data.prochaines.push(card),
            When::Recurring => data.recurrentes.push(card),
            When::Past => data.passees.push(card),
        }
    }
    let description = match kind {
        None => "Les ateliers, permanences et cours pour apprendre le numérique ou se faire aider, avec leurs dates.",
        Some(_) => intro,
    };
    let parents: &[(&str, &str)] = if kind.is_some() { &[(TITLE, "offres/")] } else { &[] };
    let meta = r.list_meta(data.titre, description, &base, n, total, parents);
    r.page("offres.html", &meta, &data)
}

/// The key of page `n` of `total` of the list of `kind`: the count of every list (the links
/// between them), where the previous page's last offer stands in time (the "suite"), and the
/// cards of this page's offers.
pub(crate) fn key(keys: &Keys, kind: Option<OfferKind>, n: usize, total: usize) -> u64 {
    let mut h = keys.hasher();
    (4u8, kind.map(OfferKind::slug), n, total).hash(&mut h);
    for (k, count) in lists(keys.site) {
        (k.map(OfferKind::slug), count).hash(&mut h);
    }
    let order = in_order(&keys.offers, kind);
    let start = (n - 1) * OFFERS_PER_PAGE;
    if let Some(previous) = start.checked_sub(1).and_then(|i| order.get(i)) {
        cards::when(keys.site, previous).hash(&mut h);
    }
    for offer in order.iter().skip(start).take(OFFERS_PER_PAGE) {
        cards::hash_offer_card(keys, &mut h, offer);
    }
    h.finish()
}
