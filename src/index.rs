//! Index stage: the validated entries arranged for rendering — places by commune, service and
//! public, offers by place. Every collection is sorted explicitly so no file-system or hash
//! order reaches the output.

use std::cmp::Reverse;

use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;

use chrono::NaiveDate;

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::hours::{self, Week};
use crate::model::{Entries, Offer, Place, Schedule};
use crate::suggest::fold;
use crate::vocab;

pub(crate) mod network;
pub(crate) use network::Network;

/// A taxonomy term: a commune, a service or a public, with the places it lists.
#[derive(Debug, Clone)]
pub struct Term {
    /// URL part: `/communes/<slug>/`.
    pub slug: String,
    /// The name as shown ("Villeurbanne", "Aide aux démarches administratives").
    pub name: String,
    /// Indices into [`Site::entries`]`.places`, sorted by place name.
    pub places: Vec<usize>,
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
    /// The territorial fields offered as filters (`filtre: true`): a term per `booleen`
    /// (places where it is true) and per value of a `choix`, in the order of `site.yaml`;
    /// only those with at least one place. Slugs: `pass-numerique`, `mes-papiers/point-relais`.
    pub criteria: Vec<Term>,
    /// Offer indices by place slug, sorted by offer title.
    pub offers_by_place: HashMap<String, Vec<usize>>,
    /// Place index by slug.
    pub place_by_slug: HashMap<String, usize>,
    /// Offer indices in listing order (see [`Site::offers_in_order`]).
    pub offer_order: Vec<usize>,
    /// The week table of every distinct `horaires` value of places and offers, computed once:
    /// pages show them many times, and many places share their hours.
    pub weeks: HashMap<String, Arc<Week>>,
    /// The territory's communes (from the communes file), with their centres where known:
    /// the commune picker of "près de moi" lists them. Empty without a communes file.
    pub centres: Vec<crate::communes::Commune>,
    /// The network's space: lists, archives, tags.
    pub network: Network,
    /// Size in bytes of each file under `content/` that an entry of the network's space
    /// offers to download, by path relative to `content/`.
    pub file_sizes: HashMap<String, u64>,
    /// Place names folded (accents, case) for sorting, in the order of `entries.places`.
    folded_names: Vec<String>,
    /// Offer titles folded for sorting, in the order of `entries.offers`.
    folded_titles: Vec<String>,
}

/// A sort key per item, taken from `previous` for the items it shares (the same `Arc`: an
/// unchanged entry), computed otherwise.
fn sort_keys<T>(items: &[Arc<T>], previous: Option<(&[Arc<T>], &[String])>, key: impl Fn(&T) -> String) -> Vec<String> {
    let known: HashMap<*const T, &String> =
        previous.map(|(items, keys)| items.iter().map(Arc::as_ptr).zip(keys).collect()).unwrap_or_default();
    items.iter().map(|item| known.get(&Arc::as_ptr(item)).map_or_else(|| key(item), |k| (*k).clone())).collect()
}

/// The first session of an offer on or after `today` (recurring offers have none).
fn next_session_from(offer: &Offer, today: NaiveDate) -> Option<NaiveDate> {
    match &offer.calendrier {
        // A session in a closure does not take place.
        Schedule::Sessions(s) => s
            .iter()
            .filter(|s| s.date >= today)
            .find(|s| !hours::session_cancelled(&offer.fermetures, s))
            .map(|s| s.date),
        Schedule::Hours(_) => None,
    }
}

/// Offers with an upcoming session first (soonest first), then recurring offers, then offers
/// whose sessions are all past (most recent first); by title within each.
fn offer_order(offers: &[Arc<Offer>], titles: &[String], today: NaiveDate) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offers.len()).collect();
    order.sort_by_cached_key(|&i| {
        let o = &offers[i];
        let rank = match (&o.calendrier, next_session_from(o, today)) {
            (Schedule::Sessions(_), Some(next)) => (0, Some(next), None),
            (Schedule::Hours(_), _) => (1, None, None),
            (Schedule::Sessions(s), None) => (2, None, Some(Reverse(s.last().map(|s| s.date)))),
        };
        (rank, titles[i].clone(), o.slug.clone())
    });
    order
}

/// The terms of the territorial fields offered as filters; places in `by_name` order.
fn criteria(config: &SiteConfig, entries: &Entries, by_name: &[usize]) -> Vec<Term> {
    use crate::config::ExtensionType;
    use crate::model::ExtValue;
    let mut terms = Vec::new();
    for e in config.extensions.lieux.iter().filter(|e| e.filtre) {
        let value_of = |i: usize| entries.places[i].extensions.iter().find(|(n, _)| n == &e.nom).map(|(_, v)| v);
        match e.kind {
            ExtensionType::Boolean => {
                let places: Vec<usize> =
                    by_name.iter().copied().filter(|&i| value_of(i) == Some(&ExtValue::Bool(true))).collect();
                terms.push(Term { slug: e.slug(), name: e.libelle.clone(), places });
            }
            ExtensionType::Choice => {
                for value in &e.valeurs {
                    let wanted = ExtValue::Text(value.clone());
                    let places: Vec<usize> =
                        by_name.iter().copied().filter(|&i| value_of(i) == Some(&wanted)).collect();
                    let slug = e.value_slug(value);
                    terms.push(Term { slug, name: format!("{} : {value}", e.libelle), places });
                }
            }
            _ => {}
        }
    }
    terms.retain(|t| !t.places.is_empty());
    terms
}

impl Site {
    /// Builds the index. Places inside each list are sorted by folded name, then slug.
    pub fn new(config: SiteConfig, entries: Entries, today: NaiveDate) -> Site {
        Site::with_previous(config, entries, today, None)
    }

    /// Builds the index, reusing what `previous` computed for the entries it shares (the
    /// same `Arc`): sort keys, and week tables when the date is the same.
    pub fn with_previous(config: SiteConfig, entries: Entries, today: NaiveDate, previous: Option<&Site>) -> Site {
        // Folded once: sorting compares names many times.
        let folded = sort_keys(&entries.places, previous.map(|p| (&p.entries.places[..], &p.folded_names[..])), |l| {
            fold(&l.nom)
        });
        let place_order = |a: &usize, b: &usize| {
            (&folded[*a], &entries.places[*a].slug).cmp(&(&folded[*b], &entries.places[*b].slug))
        };

        // Every place once, in name order: the lists below are filled in that order, so they
        // come out sorted.
        let mut by_name: Vec<usize> = (0..entries.places.len()).collect();
        by_name.sort_by(place_order);

        // Communes sorted by folded name (then name), each folded once.
        let mut groups: HashMap<&str, usize> = HashMap::new();
        let mut communes: Vec<(String, &str, Vec<usize>)> = Vec::new();
        for &i in &by_name {
            let commune = entries.places[i].commune.as_str();
            let group = *groups.entry(commune).or_insert_with(|| {
                communes.push((fold(commune), commune, Vec::new()));
                communes.len() - 1
            });
            communes[group].2.push(i);
        }
        communes.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        let communes = communes
            .into_iter()
            .map(|(_, name, places)| Term { slug: Site::commune_slug(name), name: name.to_string(), places })
            .collect();

        // One pass over the places for each vocabulary; terms in the standard's order.
        let by_vocabulary = |field: &str, values_of: &dyn Fn(&Place) -> &Vec<String>| -> Vec<Term> {
            let values = vocab::values(field);
            let position: HashMap<&str, usize> = values.iter().enumerate().map(|(i, v)| (v.as_str(), i)).collect();
            let mut members: Vec<Vec<usize>> = vec![Vec::new(); values.len()];
            for &i in &by_name {
                for value in values_of(&entries.places[i]) {
                    if let Some(&at) = position.get(value.as_str())
                        && members[at].last() != Some(&i)
                    {
                        members[at].push(i);
                    }
                }
            }
            values
                .iter()
                .zip(members)
                .filter(|(_, places)| !places.is_empty())
                .map(|(value, places)| Term { slug: vocab::slug(value), name: value.clone(), places })
                .collect()
        };
        let services = by_vocabulary("services", &|l| &l.services);
        let publics = by_vocabulary("publics_specifiquement_adresses", &|l| &l.publics_specifiquement_adresses);

        let titles = sort_keys(&entries.offers, previous.map(|p| (&p.entries.offers[..], &p.folded_titles[..])), |o| {
            fold(&o.titre)
        });
        let mut offers_by_place: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, offer) in entries.offers.iter().enumerate() {
            for slug in &offer.lieux {
                offers_by_place.entry(slug.clone()).or_default().push(i);
            }
        }
        for offers in offers_by_place.values_mut() {
            offers.sort_by(|&a, &b| (&titles[a], &entries.offers[a].slug).cmp(&(&titles[b], &entries.offers[b].slug)));
            offers.dedup();
        }
        let place_by_slug = entries.places.iter().enumerate().map(|(i, l)| (l.slug.clone(), i)).collect();
        let offer_order = offer_order(&entries.offers, &titles, today);
        let mut distinct: Vec<&str> = entries.places.iter().filter_map(|l| l.horaires.as_deref()).collect();
        distinct.extend(entries.offers.iter().filter_map(|o| match &o.calendrier {
            Schedule::Hours(h) => Some(h.as_str()),
            Schedule::Sessions(_) => None,
        }));
        distinct.sort_unstable();
        distinct.dedup();
        let known = previous.filter(|p| p.today == today).map(|p| &p.weeks);
        let weeks = distinct
            .par_iter()
            .filter_map(|h| match known.and_then(|weeks| weeks.get(*h)) {
                Some(week) => Some((h.to_string(), week.clone())),
                None => hours::week(h, today).map(|w| (h.to_string(), Arc::new(w))),
            })
            .collect::<Vec<_>>()
            .into_iter()
            .collect();

        let network = Network::new(&entries.network, today);
        let criteria = criteria(&config, &entries, &by_name);
        Site {
            config,
            entries,
            today,
            communes,
            services,
            publics,
            criteria,
            offers_by_place,
            place_by_slug,
            offer_order,
            weeks,
            centres: Vec::new(),
            network,
            file_sizes: HashMap::new(),
            folded_names: folded,
            folded_titles: titles,
        }
    }

    /// The week table of an `horaires` value (`None` when it does not parse).
    pub fn week(&self, horaires: &str) -> Option<Week> {
        self.weeks.get(horaires).map(|w| Week::clone(w)).or_else(|| hours::week(horaires, self.today))
    }

    /// The week of an entry's `horaires` as its `closures` change it: the shared week of
    /// [`Site::week`] when no closure shows in it.
    pub fn entry_week(&self, horaires: &str, closures: &[crate::model::Closure]) -> Option<Week> {
        self.shared_entry_week(horaires, closures).map(Arc::unwrap_or_clone)
    }

    /// [`Site::entry_week`] without copying the shared week: what a list of places reads for
    /// each of its cards.
    pub fn shared_entry_week(&self, horaires: &str, closures: &[crate::model::Closure]) -> Option<Arc<Week>> {
        if !hours::closures_touch(closures, self.today) {
            return match self.weeks.get(horaires) {
                Some(week) => Some(Arc::clone(week)),
                None => hours::week(horaires, self.today).map(Arc::new),
            };
        }
        hours::week_with(horaires, closures, self.today).map(Arc::new)
    }

    /// The place with this slug.
    pub fn place(&self, slug: &str) -> Option<&Place> {
        self.place_by_slug.get(slug).map(|&i| &*self.entries.places[i])
    }

    /// Offers held at a place, sorted by title.
    pub fn offers_at(&self, slug: &str) -> impl Iterator<Item = &Offer> {
        self.offers_by_place.get(slug).into_iter().flatten().map(|&i| &*self.entries.offers[i])
    }

    /// Slug of a commune name, as used in `/communes/<slug>/` (see [`crate::communes::slug`]).
    pub fn commune_slug(name: &str) -> String {
        crate::communes::slug(name)
    }

    /// The next session of an offer on or after `today` (recurring offers have none).
    pub fn next_session(&self, offer: &Offer) -> Option<NaiveDate> {
        next_session_from(offer, self.today)
    }

    /// Offers in listing order: those with an upcoming session first (soonest first), then
    /// recurring offers (by title), then offers whose sessions are all past (most recent first).
    pub fn offers_in_order(&self) -> Vec<&Offer> {
        self.offer_order.iter().map(|&i| &*self.entries.offers[i]).collect()
    }
}
