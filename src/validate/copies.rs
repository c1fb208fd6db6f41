//! Copied entries: a place file copied from another and renamed keeps the other place's
//! e-mail, phone, Acceslibre sheet and presentation, and wrong contacts get published. Two
//! places with different names that share what identifies one place are reported, as a
//! warning on the later file naming the other file and line.
//!
//! Legitimate sharing exists and is left alone: a structure's SIRET, a website or an e-mail of
//! a whole network, a phone shared by three places or more (an itinerant adviser's), a
//! short generic presentation. What is reported (measured on the real exports of
//! `data/exports/`: 7 pairs of 687 places and 3 of 643, see `tests/integration/copies.rs`):
//! - the same e-mail **and** the same phone, when no third place has both;
//! - the same Acceslibre sheet at another address (a sheet describes one building);
//! - the same presentation, word for word, of 80 characters or more.
//!
//! A place declares a real sharing with `partage_coordonnees_avec: [other-file]`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::sync::Arc;

use crate::diagnostic::{CopiedPlace, Diagnostic, Kind, Shared};
use crate::model::Place;
use crate::source::Sources;
use crate::suggest::fold;

/// The shortest presentation compared: shorter ones are too often the same generic sentence.
const MIN_PRESENTATION: usize = 80;

/// The largest group of places sharing one Acceslibre sheet or one presentation that is
/// compared pair by pair; a larger one is a generic value (a site's home page, a template).
const MAX_GROUP: usize = 5;

/// The warnings for places that look copied from another, in file order. `span_of` gives where
/// a top-level field of a place's file is written.
pub(crate) fn copied_places(
    sources: &Sources,
    places: &[Arc<Place>],
    span_of: &dyn Fn(&Place, &str) -> Range<usize>,
) -> Vec<Diagnostic> {
    let mut pairs: BTreeMap<(usize, usize), BTreeSet<Shared>> = BTreeMap::new();
    let mut add =
        |groups: HashMap<String, Vec<usize>>, max: usize, shared: Shared, same: &dyn Fn(usize, usize) -> bool| {
            for members in groups.into_values().filter(|m| m.len() >= 2 && m.len() <= max) {
                for (k, &a) in members.iter().enumerate() {
                    for &b in &members[k + 1..] {
                        if !same(a, b) {
                            pairs.entry((a.min(b), a.max(b))).or_default().insert(shared);
                        }
                    }
                }
            }
        };
    let never = |_: usize, _: usize| false;

    // The same e-mail and phone: one group per (phone, e-mail), each place once.
    let mut contacts: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, place) in places.iter().enumerate() {
        let Some(phone) = &place.telephone else { continue };
        let emails: BTreeSet<String> = place.courriels.iter().map(|e| e.trim().to_lowercase()).collect();
        for email in emails {
            contacts.entry(format!("{phone} {email}")).or_default().push(i);
        }
    }
    add(contacts, 2, Shared::Contacts, &never);

    let mut sheets: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, place) in places.iter().enumerate() {
        if let Some(url) = &place.fiche_acces_libre {
            sheets.entry(sheet_key(url)).or_default().push(i);
        }
    }
    let address = |i: usize| fold(&format!("{} {}", places[i].adresse, places[i].code_postal));
    add(sheets, MAX_GROUP, Shared::Acceslibre, &|a, b| address(a) == address(b));

    let mut texts: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, place) in places.iter().enumerate() {
        let mut seen = BTreeSet::new();
        for text in [place.presentation_resume.as_deref().unwrap_or(""), place.presentation_detail.as_str()] {
            let folded = fold(text);
            if folded.chars().count() >= MIN_PRESENTATION && seen.insert(folded.clone()) {
                texts.entry(folded).or_default().push(i);
            }
        }
    }
    add(texts, MAX_GROUP, Shared::Presentation, &never);

    let mut found = Vec::new();
    for ((a, b), shared) in pairs {
        let (first, later) = (&places[a], &places[b]);
        let declared = |p: &Place, other: &Place| p.partage_coordonnees_avec.contains(&other.slug);
        if fold(&first.nom) == fold(&later.nom) || declared(first, later) || declared(later, first) {
            continue;
        }
        let shared: Vec<Shared> = shared.into_iter().collect();
        let field = match shared[0] {
            Shared::Contacts => "telephone",
            Shared::Acceslibre => "fiche_acces_libre",
            Shared::Presentation if first.presentation_resume.is_some() => "presentation_resume",
            Shared::Presentation => "nom",
        };
        let other_span = span_of(first, field);
        let copied = CopiedPlace {
            shared,
            other: sources.get(first.file).path.clone(),
            other_line: sources.line_col(first.file, other_span.start).line,
            other_slug: first.slug.clone(),
        };
        found.push(Diagnostic::new(Kind::CopiedPlace(Box::new(copied)), later.file, span_of(later, field)));
    }
    found.sort_by_key(|d| (d.file, d.span.start));
    found
}

/// An Acceslibre address as compared: without scheme, `www.`, query or final slash, in lower case.
fn sheet_key(url: &str) -> String {
    let url = url.trim().to_lowercase();
    let url = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
    let url = url.strip_prefix("www.").unwrap_or(url);
    let url = url.split(['?', '#']).next().unwrap_or(url);
    url.trim_end_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::sheet_key;

    #[test]
    fn acceslibre_addresses_compare_without_their_dressing() {
        let a = sheet_key("https://acceslibre.beta.gouv.fr/app/69-lyon/a/bibliotheque/erp/mediatheque-bachut/");
        let b = sheet_key("http://www.acceslibre.beta.gouv.fr/app/69-lyon/a/bibliotheque/erp/mediatheque-bachut?x=1");
        assert_eq!(a, b);
        assert_ne!(a, sheet_key("https://acceslibre.beta.gouv.fr/app/69-lyon/a/bibliotheque/erp/autre/"));
    }
}
