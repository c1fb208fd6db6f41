//! Index stage: the validated entries arranged for rendering — places by commune, service and
//! public, offers by place. Every collection is sorted explicitly so no file-system or hash
//! order reaches the output.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::hours::{self, Week};
use crate::model::{Calendrier, Entries, Lieu, Offre};
use crate::suggest::fold;
use crate::vocab;

/// A taxonomy term: a commune, a service or a public, with the places it lists.
#[derive(Debug, Clone)]
pub struct Term {
    /// URL part: `/communes/<slug>/`.
    pub slug: String,
    /// The name as shown ("Villeurbanne", "Aide aux démarches administratives").
    pub name: String,
    /// Indices into [`Site::entries`]`.lieux`, sorted by place name.
    pub lieux: Vec<usize>,
}

/// The whole site, ready to render.
#[derive(Debug, Clone)]
pub struct Site {
    /// `site.yaml`.
    pub config: SiteConfig,
    /// The validated entries (places, offers and pages each sorted by slug).
    pub entries: Entries,
    /// The date the build happens (Europe/Paris), for "upcoming" and the week tables.
    pub today: NaiveDate,
    /// Communes, sorted by name (accents and case folded).
    pub communes: Vec<Term>,
    /// Services, in the standard's order; only those with at least one place.
    pub services: Vec<Term>,
    /// Publics, in the standard's order; only those with at least one place.
    pub publics: Vec<Term>,
    /// Offer indices by place slug, sorted by offer title.
    pub offers_by_place: BTreeMap<String, Vec<usize>>,
    /// Place index by slug.
    pub place_by_slug: BTreeMap<String, usize>,
    /// Offer indices in listing order (see [`Site::offers_in_order`]).
    pub offer_order: Vec<usize>,
    /// The week table of every distinct `horaires` value of places and offers, computed once:
    /// pages show them many times, and many places share their hours.
    pub weeks: BTreeMap<String, Week>,
}

/// The first session of an offer on or after `today` (recurring offers have none).
fn next_session_from(offre: &Offre, today: NaiveDate) -> Option<NaiveDate> {
    match &offre.calendrier {
        Calendrier::Seances(s) => s.iter().map(|s| s.date).find(|d| *d >= today),
        Calendrier::Horaires(_) => None,
    }
}

/// Offers with an upcoming session first (soonest first), then recurring offers, then offers
/// whose sessions are all past (most recent first); by title within each.
fn offer_order(offres: &[Arc<Offre>], today: NaiveDate) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offres.len()).collect();
    order.sort_by_cached_key(|&i| {
        let o = &offres[i];
        let rank = match (&o.calendrier, next_session_from(o, today)) {
            (Calendrier::Seances(_), Some(next)) => (0, Some(next), None),
            (Calendrier::Horaires(_), _) => (1, None, None),
            (Calendrier::Seances(s), None) => (2, None, Some(Reverse(s.last().map(|s| s.date)))),
        };
        (rank, fold(&o.titre), o.slug.clone())
    });
    order
}

impl Site {
    /// Builds the index. Places inside each list are sorted by folded name, then slug.
    pub fn new(config: SiteConfig, entries: Entries, today: NaiveDate) -> Site {
        Site::with_previous(config, entries, today, None)
    }

    /// Builds the index, reusing the week tables of `previous` (a site of the same date).
    pub fn with_previous(config: SiteConfig, entries: Entries, today: NaiveDate, previous: Option<&Site>) -> Site {
        // Folded once: sorting compares names many times.
        let folded: Vec<String> = entries.lieux.iter().map(|l| fold(&l.nom)).collect();
        let place_order =
            |a: &usize, b: &usize| (&folded[*a], &entries.lieux[*a].slug).cmp(&(&folded[*b], &entries.lieux[*b].slug));

        let mut communes: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
        for (i, lieu) in entries.lieux.iter().enumerate() {
            communes.entry((fold(&lieu.commune), lieu.commune.clone())).or_default().push(i);
        }
        let communes = communes
            .into_iter()
            .map(|((_, name), mut lieux)| {
                lieux.sort_by(place_order);
                Term { slug: Site::commune_slug(&name), name, lieux }
            })
            .collect();

        let by_vocabulary = |field: &str, values_of: &dyn Fn(&Lieu) -> &Vec<String>| -> Vec<Term> {
            vocab::values(field)
                .iter()
                .filter_map(|value| {
                    let mut lieux: Vec<usize> =
                        (0..entries.lieux.len()).filter(|&i| values_of(&entries.lieux[i]).contains(value)).collect();
                    lieux.sort_by(place_order);
                    (!lieux.is_empty()).then(|| Term { slug: vocab::slug(value), name: value.clone(), lieux })
                })
                .collect()
        };
        let services = by_vocabulary("services", &|l| &l.services);
        let publics = by_vocabulary("publics_specifiquement_adresses", &|l| &l.publics_specifiquement_adresses);

        let mut offers_by_place: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, offre) in entries.offres.iter().enumerate() {
            for slug in &offre.lieux {
                offers_by_place.entry(slug.clone()).or_default().push(i);
            }
        }
        for offers in offers_by_place.values_mut() {
            offers.sort_by_key(|&i| (fold(&entries.offres[i].titre), entries.offres[i].slug.clone()));
            offers.dedup();
        }
        let place_by_slug = entries.lieux.iter().enumerate().map(|(i, l)| (l.slug.clone(), i)).collect();
        let offer_order = offer_order(&entries.offres, today);
        let mut distinct: Vec<&str> = entries.lieux.iter().filter_map(|l| l.horaires.as_deref()).collect();
        distinct.extend(entries.offres.iter().filter_map(|o| match &o.calendrier {
            Calendrier::Horaires(h) => Some(h.as_str()),
            Calendrier::Seances(_) => None,
        }));
        distinct.sort_unstable();
        distinct.dedup();
        let known = previous.filter(|p| p.today == today).map(|p| &p.weeks);
        let weeks = distinct
            .par_iter()
            .filter_map(|h| match known.and_then(|weeks| weeks.get(*h)) {
                Some(week) => Some((h.to_string(), week.clone())),
                None => hours::week(h, today).map(|w| (h.to_string(), w)),
            })
            .collect::<Vec<_>>()
            .into_iter()
            .collect();

        Site { config, entries, today, communes, services, publics, offers_by_place, place_by_slug, offer_order, weeks }
    }

    /// The week table of an `horaires` value (`None` when it does not parse).
    pub fn week(&self, horaires: &str) -> Option<Week> {
        self.weeks.get(horaires).cloned().or_else(|| hours::week(horaires, self.today))
    }

    /// The place with this slug.
    pub fn place(&self, slug: &str) -> Option<&Lieu> {
        self.place_by_slug.get(slug).map(|&i| &*self.entries.lieux[i])
    }

    /// Offers held at a place, sorted by title.
    pub fn offers_at(&self, slug: &str) -> impl Iterator<Item = &Offre> {
        self.offers_by_place.get(slug).into_iter().flatten().map(|&i| &*self.entries.offres[i])
    }

    /// Slug of a commune name, as used in `/communes/<slug>/`.
    pub fn commune_slug(name: &str) -> String {
        slug::slugify(name)
    }

    /// The next session of an offer on or after `today` (recurring offers have none).
    pub fn next_session(&self, offre: &Offre) -> Option<NaiveDate> {
        next_session_from(offre, self.today)
    }

    /// Offers in listing order: those with an upcoming session first (soonest first), then
    /// recurring offers (by title), then offers whose sessions are all past (most recent first).
    pub fn offers_in_order(&self) -> Vec<&Offre> {
        self.offer_order.iter().map(|&i| &*self.entries.offres[i]).collect()
    }
}
