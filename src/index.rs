//! Index stage: the validated entries arranged for rendering — places by commune, service and
//! public, offers by place. Every collection is sorted explicitly so no file-system or hash
//! order reaches the output.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::config::SiteConfig;
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
}

impl Site {
    /// Builds the index. Places inside each list are sorted by folded name, then slug.
    pub fn new(config: SiteConfig, entries: Entries, today: NaiveDate) -> Site {
        let place_order = |a: &usize, b: &usize| {
            let (la, lb) = (&entries.lieux[*a], &entries.lieux[*b]);
            (fold(&la.nom), &la.slug).cmp(&(fold(&lb.nom), &lb.slug))
        };

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

        Site { config, entries, today, communes, services, publics, offers_by_place, place_by_slug }
    }

    /// The place with this slug.
    pub fn place(&self, slug: &str) -> Option<&Lieu> {
        self.place_by_slug.get(slug).map(|&i| &self.entries.lieux[i])
    }

    /// Offers held at a place, sorted by title.
    pub fn offers_at(&self, slug: &str) -> impl Iterator<Item = &Offre> {
        self.offers_by_place.get(slug).into_iter().flatten().map(|&i| &self.entries.offres[i])
    }

    /// Slug of a commune name, as used in `/communes/<slug>/`.
    pub fn commune_slug(name: &str) -> String {
        slug::slugify(name)
    }

    /// The next session of an offer on or after `today` (recurring offers have none).
    pub fn next_session(&self, offre: &Offre) -> Option<NaiveDate> {
        match &offre.calendrier {
            Calendrier::Seances(s) => s.iter().map(|s| s.date).find(|d| *d >= self.today),
            Calendrier::Horaires(_) => None,
        }
    }

    /// Offers in listing order: those with an upcoming session first (soonest first), then
    /// recurring offers (by title), then offers whose sessions are all past (most recent first).
    pub fn offers_in_order(&self) -> Vec<&Offre> {
        let mut offers: Vec<&Offre> = self.entries.offres.iter().collect();
        offers.sort_by_key(|o| {
            let rank = match (&o.calendrier, self.next_session(o)) {
                (Calendrier::Seances(_), Some(next)) => (0, Some(next), None),
                (Calendrier::Horaires(_), _) => (1, None, None),
                (Calendrier::Seances(s), None) => (2, None, Some(Reverse(s.last().map(|s| s.date)))),
            };
            (rank, fold(&o.titre), o.slug.clone())
        });
        offers
    }
}
