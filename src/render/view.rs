//! The small views that several pages share: links, phones, dates, sessions, the week of
//! opening hours, the notices of closures, modes of access, services and publics, territorial fields, term links.
//! Plain, already-worded data built from the [`Site`]; every list is built in a fixed order (no
//! map iteration), so the output is the same on every run.

use chrono::NaiveDate;
use serde::Serialize;

use super::labels;
use super::urls::{Urls, display_url, mailto_plain};
use crate::hours;
pub(crate) use crate::hours::lowercase_first;
use crate::index::{Site, Term};
use crate::model::{Closure, Session};
use crate::phone;

/// A link.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Link {
    /// Text.
    pub text: String,
    /// Target.
    pub href: String,
}

impl Link {
    /// A link with `text` to `href`.
    pub(crate) fn new(text: impl Into<String>, href: impl Into<String>) -> Link {
        Link { text: text.into(), href: href.into() }
    }
}

/// A link to a taxonomy term with its count of places.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TermLink {
    /// Words shown (plain words for services).
    pub text: String,
    /// The standard's value, when different from `text`.
    pub standard: Option<String>,
    /// `/services/<slug>/`.
    pub href: String,
    /// "12 lieux".
    pub count: String,
}

/// A phone number, shown and dialled.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Phone {
    /// "04 78 00 00 00".
    pub text: String,
    /// "tel:+33478000000".
    pub href: String,
}

pub(crate) fn phone_of(e164: &Option<String>) -> Option<Phone> {
    e164.as_ref().map(|n| Phone { text: phone::display(n), href: format!("tel:{n}") })
}

/// A date: French words and ISO form (for `<time datetime>`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DateView {
    /// "3 mars 2026".
    pub text: String,
    /// "2026-03-03".
    pub iso: String,
}

pub(crate) fn date_view(date: NaiveDate) -> DateView {
    DateView { text: hours::format_date(date), iso: date.to_string() }
}

/// A dated session: "mardi 1er décembre 2026", "14 h – 16 h".
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SessionView {
    /// "mardi 1er décembre 2026".
    pub date: String,
    /// "2026-12-01".
    pub iso: String,
    /// "14 h – 16 h".
    pub time: String,
    /// When the session falls in a closure of its offer: why ("congés de fin d'année"), or
    /// an empty text when the closure gives no reason.
    pub annulee: Option<String>,
}

pub(crate) fn session_view(s: &Session) -> SessionView {
    SessionView {
        date: hours::format_date_with_weekday(s.date),
        iso: s.date.to_string(),
        time: format!("{} – {}", hours::format_time(s.debut), hours::format_time(s.fin)),
        annulee: None,
    }
}

/// Days before a closure starts from which its notice shows on the page.
pub(crate) const NOTICE_DAYS: i64 = 15;

/// The notice of a closure, at the top of a place's or an offer's page: « Fermé du 24
/// décembre au 2 janvier », or « Horaires modifiés du 15 au 19 février » and the hours then.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ClosureNotice {
    /// « Fermé du 24 décembre au 2 janvier ».
    pub titre: String,
    /// Why, starting lowercase: « congés de fin d'année ».
    pub motif: Option<String>,
    /// The hours that replace the usual ones, in words (« Lundi au vendredi : 14 h – 17 h »).
    pub horaires: Vec<String>,
}

/// The notices of the closures that show on `today`'s build: from [`NOTICE_DAYS`] days before
/// each starts until its last day.
pub(crate) fn closure_notices(closures: &[Closure], today: NaiveDate) -> Vec<ClosureNotice> {
    closures
        .iter()
        .filter(|c| c.du - chrono::Duration::days(NOTICE_DAYS) <= today && today <= c.au)
        .map(|c| {
            let period = period_words(c.du, c.au);
            let replaced = c.horaires.as_deref().and_then(|h| hours::week(h, c.du.max(today)));
            let titre = match replaced {
                Some(_) => format!("Horaires modifiés {period}"),
                None => format!("Fermé {period}"),
            };
            let mut horaires: Vec<String> = replaced.map(|w| w.summary).unwrap_or_default();
            if horaires.iter().any(|line| !line.starts_with("Fermé")) {
                horaires.retain(|line| !line.starts_with("Fermé"));
            }
            // The notice ends the sentence itself: a reason written with its full stop keeps one.
            let motif = c.motif.as_deref().map(|m| lowercase_first(m.trim_end_matches(['.', ' '])));
            ClosureNotice { titre, motif, horaires }
        })
        .collect()
}

/// « le 24 décembre », « du 15 au 19 février », « du 24 décembre au 2 janvier »; with the years
/// when the period is long (a closure for works).
fn period_words(du: NaiveDate, au: NaiveDate) -> String {
    use chrono::Datelike as _;
    let long = (au - du).num_days() > 180;
    let day = |d: NaiveDate| {
        let full = hours::format_date(d);
        if long { full } else { full.rsplit_once(' ').map_or(full.clone(), |(words, _)| words.to_string()) }
    };
    if du == au {
        format!("le {}", day(du))
    } else if du.month() == au.month() && du.year() == au.year() && !long {
        let first = if du.day() == 1 { "1er".to_string() } else { du.day().to_string() };
        format!("du {first} au {}", day(au))
    } else {
        format!("du {} au {}", day(du), day(au))
    }
}

/// The week of opening hours.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct WeekView {
    /// "Lundi au vendredi : 9 h – 12 h", "Fermé le dimanche".
    pub summary: Vec<String>,
    /// Table caption.
    pub caption: String,
    /// Monday to Sunday.
    pub days: Vec<hours::Day>,
    /// Public holidays line.
    pub holidays: Option<String>,
    /// The opening periods of the coming days, as JSON for the browser's "open now" line
    /// (`{"debut":"2026-11-25","jours":[[[540,720]],…]}`; offers add `"offre":true`).
    pub ouverture: Option<String>,
}

pub(crate) fn week_view(site: &Site, horaires: &str, closures: &[Closure], caption: &str) -> Option<WeekView> {
    let today = site.today;
    let week = site.entry_week(horaires, closures)?;
    let monday = hours::monday(today);
    Some(WeekView {
        summary: week.summary,
        caption: format!("{caption}, jour par jour (semaine du {})", hours::format_date(monday)),
        days: week.days,
        holidays: week.holidays,
        ouverture: Some(
            serde_json::json!({ "debut": today.format("%Y-%m-%d").to_string(), "jours": week.upcoming }).to_string(),
        ),
    })
}

/// A mode of access, with the link that goes with it ("Téléphoner : 04…").
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Access {
    /// What to do.
    pub text: String,
    /// The phone, e-mail or booking link to do it.
    pub lien: Option<Link>,
}

pub(crate) fn access_modes(
    modes: &[String],
    phone: Option<&Phone>,
    email: Option<&String>,
    rdv: Option<&String>,
) -> Vec<Access> {
    modes
        .iter()
        .map(|mode| {
            let link = match mode.as_str() {
                "Téléphoner" => phone.map(|p| Link::new(&p.text, &p.href)),
                "Contacter par mail" => email.map(|c| Link::new(c, mailto_plain(c))),
                "Prendre un RDV en ligne" => rdv.map(|u| Link::new(display_url(u), u)),
                _ => None,
            };
            Access { text: labels::plain("modalites_acces", mode), lien: link }
        })
        .collect()
}

/// A service on a place or offer page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ServiceView {
    /// Plain words.
    pub text: String,
    /// The standard's name.
    pub standard: String,
    /// Its page, when it has one.
    pub href: Option<String>,
}

pub(crate) fn services_view(site: &Site, urls: &Urls, services: &[String]) -> Vec<ServiceView> {
    services
        .iter()
        .map(|s| ServiceView {
            text: labels::service_plain(s),
            standard: s.clone(),
            href: site.services.iter().find(|t| &t.name == s).map(|t| urls.path(&format!("services/{}/", t.slug))),
        })
        .collect()
}

pub(crate) fn publics_view(site: &Site, urls: &Urls, publics: &[String]) -> Vec<Link> {
    publics
        .iter()
        .map(|p| {
            let href = site.publics.iter().find(|t| &t.name == p).map(|t| urls.path(&format!("publics/{}/", t.slug)));
            Link::new(labels::plain("publics_specifiquement_adresses", p), href.unwrap_or_default())
        })
        .collect()
}

/// Taxonomy term links with counts; `words` gives the words shown and, for advisers, the
/// standard's wording to show beside them.
pub(crate) fn term_links(
    terms: &[Term],
    urls: &Urls,
    folder: &str,
    words: fn(&str) -> (String, Option<String>),
) -> Vec<TermLink> {
    terms
        .iter()
        .map(|t| {
            let (text, standard) = words(&t.name);
            TermLink {
                text,
                standard,
                href: urls.path(&format!("{folder}/{}/", t.slug)),
                count: labels::count(t.places.len(), "lieu", "lieux"),
            }
        })
        .collect()
}

/// Plain words of a service, with the standard's name beside them, for [`term_links`].
pub(crate) fn service_words(name: &str) -> (String, Option<String>) {
    match labels::service(name) {
        Some(l) => (l.plain.to_string(), Some(name.to_string())),
        None => (name.to_string(), None),
    }
}

/// Plain words of a public, for [`term_links`].
pub(crate) fn public_words(name: &str) -> (String, Option<String>) {
    (labels::plain("publics_specifiquement_adresses", name), None)
}

/// The term's own name (a commune, a territorial criterion), for [`term_links`].
pub(crate) fn same_words(name: &str) -> (String, Option<String>) {
    (name.to_string(), None)
}

/// A territorial field of an entry, as shown.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ExtView {
    /// Its label ("Accepte le Pass numérique").
    pub libelle: String,
    /// Its value in words ("Oui", "Point relais", "3 mars 2026").
    pub texte: String,
    /// A link: the value's filter page, or the address of a `url`.
    pub href: Option<String>,
    /// A sentence explaining the field.
    pub aide: Option<String>,
}

/// The territorial fields an entry gives, in their order of declaration.
pub(crate) fn ext_views(
    declared: &[crate::config::Extension],
    values: &[(String, crate::model::ExtValue)],
    urls: &Urls,
) -> Vec<ExtView> {
    use crate::config::ExtensionType;
    use crate::model::ExtValue;
    declared
        .iter()
        .filter_map(|e| {
            let value = &values.iter().find(|(n, _)| n == &e.nom)?.1;
            let (texte, href) = match (e.kind, value) {
                (_, ExtValue::Bool(true)) => {
                    ("Oui".to_string(), e.filtre.then(|| urls.path(&format!("criteres/{}/", e.slug()))))
                }
                (_, ExtValue::Bool(false)) => ("Non".to_string(), None),
                (ExtensionType::Url, ExtValue::Text(url)) => (display_url(url), Some(url.clone())),
                (ExtensionType::Choice, ExtValue::Text(v)) => {
                    (v.clone(), e.filtre.then(|| urls.path(&format!("criteres/{}/", e.value_slug(v)))))
                }
                (_, ExtValue::Text(t)) => (t.clone(), None),
                (_, ExtValue::Date(d)) => (crate::hours::format_date(*d), None),
            };
            Some(ExtView { libelle: e.libelle.clone(), texte, href, aide: e.aide.clone() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn periods_in_words() {
        assert_eq!(period_words(date(2026, 12, 3), date(2026, 12, 3)), "le 3 décembre");
        assert_eq!(period_words(date(2026, 12, 1), date(2026, 12, 4)), "du 1er au 4 décembre");
        assert_eq!(period_words(date(2026, 12, 24), date(2027, 1, 2)), "du 24 décembre au 2 janvier");
        // Works that last: the years are said.
        assert_eq!(period_words(date(2026, 9, 1), date(2027, 6, 30)), "du 1er septembre 2026 au 30 juin 2027");
    }

    #[test]
    fn notices_show_from_fifteen_days_before_to_the_last_day() {
        let closure =
            Closure { du: date(2026, 12, 24), au: date(2027, 1, 2), motif: Some("CAF fermée".into()), horaires: None };
        let closures = [closure];
        assert!(closure_notices(&closures, date(2026, 12, 8)).is_empty());
        let notices = closure_notices(&closures, date(2026, 12, 9));
        assert_eq!(notices[0].titre, "Fermé du 24 décembre au 2 janvier");
        assert_eq!(notices[0].motif.as_deref(), Some("CAF fermée"), "a word in capitals keeps them");
        assert_eq!(closure_notices(&closures, date(2027, 1, 2)).len(), 1);
        assert!(closure_notices(&closures, date(2027, 1, 3)).is_empty());
        assert_eq!(lowercase_first("Congés d'été"), "congés d'été");
        let ended = Closure {
            du: date(2026, 12, 24),
            au: date(2026, 12, 24),
            motif: Some("Inventaire.".into()),
            horaires: None,
        };
        assert_eq!(
            closure_notices(&[ended], date(2026, 12, 20))[0].motif.as_deref(),
            Some("inventaire"),
            "one full stop"
        );
    }
}
