//! The card of an entry of the network's space, as lists show it, and the words it is made of:
//! amounts, deadlines, an event's days and place.

use chrono::NaiveDate;
use serde::Serialize;

use super::entry_dir;
use crate::hours;
use crate::index::Site;
use crate::model::network::{Call, CallState, Detail, Nature, Publication};
use crate::render::urls::Urls;

/// An entry in a list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Card {
    /// Title.
    pub titre: String,
    /// Its page.
    pub href: String,
    /// The section's name, on lists that mix sections.
    pub rubrique: String,
    /// A word that matters first: "Offer", "Need", "Ouvert", "À venir", "Clos".
    pub badge: Option<String>,
    /// Said before the date: an ad's category.
    pub avant: Option<String>,
    /// When, in words: "Publié le 3 novembre 2026", "Clôture dans 12 jours (7 décembre 2026)".
    pub quand: String,
    /// Said after the date: a call's amount.
    pub apres: Option<String>,
    /// Its date for `<time>`.
    pub iso: String,
    /// Who.
    pub structure: Option<String>,
    /// Where, for ads and events.
    pub ou: Option<String>,
    /// Summary.
    pub resume: Option<String>,
}

/// "5 000 €", with a narrow no-break space between thousands (French typography).
pub(super) fn euros(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    format!("{out}\u{a0}€")
}

/// The amount of a call in words.
pub(super) fn amount(call: &Call) -> Option<String> {
    match (call.montant_min, call.montant_max) {
        (Some(min), Some(max)) if min == max => Some(euros(min)),
        (Some(min), Some(max)) => Some(format!("De {} à {}", euros(min), euros(max))),
        (Some(min), None) => Some(format!("À partir de {}", euros(min))),
        (None, Some(max)) => Some(format!("Jusqu'à {}", euros(max))),
        (None, None) => None,
    }
}

/// "aujourd'hui", "demain", "dans 12 jours".
fn in_days(days: i64) -> String {
    match days {
        0 => "aujourd'hui".into(),
        1 => "demain".into(),
        n => format!("dans {n} jours"),
    }
}

/// Where a call stands, in words: "Clôture dans 12 jours (7 décembre 2026)".
pub(super) fn deadline(call: &Call, today: NaiveDate) -> String {
    match call.state(today) {
        CallState::Open => {
            let days = (call.cloture - today).num_days();
            format!("Clôture {} ({})", in_days(days), hours::format_date(call.cloture))
        }
        CallState::Upcoming => {
            let days = (call.ouverture - today).num_days();
            format!("Ouverture {} ({})", in_days(days), hours::format_date(call.ouverture))
        }
        CallState::Closed => format!("Clos le {}", hours::format_date(call.cloture)),
    }
}

/// The state of a call as a badge.
fn call_badge(state: CallState) -> &'static str {
    match state {
        CallState::Open => "Ouvert",
        CallState::Upcoming => "À venir",
        CallState::Closed => "Clos",
    }
}

/// An event's days and hours: "Jeudi 3 décembre 2026, 9 h 30 – 12 h", "Du 14 au 15 janvier
/// 2027, 9 h – 17 h".
pub(super) fn event_when(p: &Publication) -> String {
    let Detail::Event(e) = &p.detail else { return String::new() };
    let hours = format!("{} – {}", hours::format_time(e.debut), hours::format_time(e.fin));
    match e.date_fin.filter(|d| *d > p.date) {
        Some(last) => format!("{}, {hours}", date_range(p.date, last)),
        None => {
            let day = hours::format_date_with_weekday(p.date);
            let mut chars = day.chars();
            let day = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or(day);
            format!("{day}, {hours}")
        }
    }
}

/// "Du 4 au 5 décembre 2026", "Du 30 novembre au 2 décembre 2026", "Du 30 décembre 2026
/// au 2 janvier 2027".
pub(super) fn date_range(first: NaiveDate, last: NaiveDate) -> String {
    use chrono::Datelike;
    let full = hours::format_date(first);
    let start = if first.year() != last.year() {
        full
    } else if first.month() != last.month() {
        full.rsplit_once(' ').map_or(full.clone(), |(day_month, _)| day_month.to_string())
    } else {
        full.split_once(' ').map_or(full.clone(), |(day, _)| day.to_string())
    };
    format!("Du {start} au {}", hours::format_date(last))
}

/// Where an event is held, in words.
fn event_where(site: &Site, p: &Publication) -> Option<String> {
    let Detail::Event(e) = &p.detail else { return None };
    match (&e.lieu, &e.adresse) {
        (Some(slug), _) => site.place(slug).map(|l| format!("{}, {}", l.nom, l.commune)),
        (None, _) => e.free_address(),
    }
}

/// The card of an entry.
pub(super) fn card(site: &Site, urls: &Urls, p: &Publication) -> Card {
    let today = site.today;
    let (mut badge, mut avant, mut apres, mut ou) = (None, None, None, None);
    let (when, iso) = match &p.detail {
        Detail::News { .. } => (format!("Publié le {}", hours::format_date(p.date)), p.date),
        Detail::GoodPractice { .. } => (format!("Partagé le {}", hours::format_date(p.date)), p.date),
        Detail::Call(a) => {
            let state = a.state(today);
            badge = Some(call_badge(state).to_string());
            apres = amount(a).map(|a| a.to_lowercase_first());
            (deadline(a, today), if state == CallState::Upcoming { a.ouverture } else { a.cloture })
        }
        Detail::Announcement(a) => {
            badge = Some(nature(a.nature).to_string());
            avant = Some(a.categorie.clone());
            ou = Some(a.commune.clone());
            (format!("jusqu'au {}", hours::format_date(a.expiration)), a.expiration)
        }
        Detail::Event(_) => {
            ou = event_where(site, p);
            (event_when(p), p.date)
        }
    };
    // An event organised at its venue says the name once.
    let structure = p.structure.clone().filter(|s| !ou.as_ref().is_some_and(|o| o.starts_with(s.as_str())));
    Card {
        titre: p.titre.clone(),
        href: urls.path(&entry_dir(p)),
        rubrique: p.section.title().to_string(),
        badge,
        avant,
        quand: when,
        apres,
        iso: iso.to_string(),
        structure,
        ou,
        resume: p.resume.clone(),
    }
}

/// "Offer", "Need".
fn nature(n: Nature) -> &'static str {
    match n {
        Nature::Offer => "Offre",
        Nature::Need => "Demande",
    }
}

trait LowercaseFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowercaseFirst for String {
    /// "De 5 000 €" → "de 5 000 €".
    fn to_lowercase_first(&self) -> String {
        let mut chars = self.chars();
        chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
    }
}

/// What names a place, for its page.
pub(crate) fn place_mentions(site: &Site, urls: &Urls, slug: &str) -> Vec<Card> {
    site.network
        .by_place
        .get(slug)
        .into_iter()
        .flatten()
        .map(|&i| {
            // Short on a resident's page: what it is, its title and date.
            let mut card = card(site, urls, &site.entries.network[i]);
            card.rubrique = site.entries.network[i].section.one().to_string();
            card.resume = None;
            card.structure = None;
            card.ou = None;
            card
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_french() {
        assert_eq!(euros(5000), "5\u{202f}000\u{a0}€");
        assert_eq!(euros(150), "150\u{a0}€");
        assert_eq!(euros(1_250_000), "1\u{202f}250\u{202f}000\u{a0}€");
    }

    #[test]
    fn date_ranges_say_the_month_and_year_once() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(date_range(d(2026, 12, 4), d(2026, 12, 5)), "Du 4 au 5 décembre 2026");
        assert_eq!(date_range(d(2026, 11, 30), d(2026, 12, 2)), "Du 30 novembre au 2 décembre 2026");
        assert_eq!(date_range(d(2026, 12, 30), d(2027, 1, 2)), "Du 30 décembre 2026 au 2 janvier 2027");
        assert_eq!(date_range(d(2026, 12, 1), d(2026, 12, 2)), "Du 1er au 2 décembre 2026");
    }

    #[test]
    fn days_in_words() {
        assert_eq!(in_days(0), "aujourd'hui");
        assert_eq!(in_days(1), "demain");
        assert_eq!(in_days(12), "dans 12 jours");
    }
}
