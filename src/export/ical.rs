//! iCalendar (RFC 5545) files of the offers: one per offer (`offres/<slug>/agenda.ics`) and
//! one for all of them (`donnees/offres.ics`), to add workshops and drop-in hours to a phone's
//! calendar.
//!
//! The network's agenda has the same: one per event (`reseau/agenda/<slug>/evenement.ics`)
//! and one for the whole agenda (`reseau/agenda/agenda.ics`), one VEVENT per day of an event.
//!
//! Dated sessions are single events (those in a closure of the offer left out); recurring hours
//! are weekly events (`RRULE:FREQ=WEEKLY`), one per weekday and period, starting the week of
//! the build, that leave out (`EXDATE`) the days of the offer's closures and the public
//! holidays its hours close (`PH off`) over the coming year; the hours that replace the usual
//! ones then are single events. Times are local to
//! Europe/Paris, described by a `VTIMEZONE`. Lines end with CRLF, are folded at 75 octets and
//! text is escaped, as the RFC requires. `DTSTAMP` is the offer's `date_maj`, so the same
//! content gives the same bytes.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

use crate::hours;
use crate::index::Site;
use crate::model::network::{Detail, Publication, Section};
use crate::model::{Closure, Offer, Schedule};

/// Europe/Paris since 1996: CET in winter, CEST from the last Sunday of March to the last
/// Sunday of October.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Paris",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// The calendar of one offer. `base_url`: the site's absolute address, ending with `/`.
pub(crate) fn offer_ics(site: &Site, base_url: &str, offer: &Offer) -> Vec<u8> {
    calendar(site, base_url, &offer.titre, std::iter::once(offer))
}

/// The calendar of every offer, in listing order.
pub(crate) fn offers_ics(site: &Site, base_url: &str) -> Vec<u8> {
    let name = format!("{} : ateliers et permanences", site.config.titre);
    calendar(site, base_url, &name, site.offers_in_order().into_iter())
}

fn calendar<'a>(site: &Site, base_url: &str, name: &str, offers: impl Iterator<Item = &'a Offer>) -> Vec<u8> {
    let host = host(base_url);
    wrap(name, |out| {
        for offer in offers {
            events(site, base_url, host, offer, out);
        }
    })
}

/// The calendar of one event of the network's agenda.
pub(crate) fn event_ics(site: &Site, base_url: &str, event: &Publication) -> Vec<u8> {
    let host = host(base_url);
    wrap(&event.titre, |out| network_event(site, base_url, host, event, out))
}

/// The calendar of the network's agenda: coming events, then past ones.
pub(crate) fn agenda_ics(site: &Site, base_url: &str) -> Vec<u8> {
    let host = host(base_url);
    let at = crate::index::network::position(Section::Agenda);
    let name = format!("{} : agenda du réseau", site.config.titre);
    wrap(&name, |out| {
        for &i in site.network.lists[at].iter().chain(&site.network.archives[at]) {
            network_event(site, base_url, host, &site.entries.network[i], out);
        }
    })
}

/// The host of the site's address, for event UIDs.
fn host(base_url: &str) -> &str {
    base_url.split("://").nth(1).unwrap_or(base_url).split('/').next().unwrap_or("resin")
}

/// One VEVENT per day of an event of the network's agenda.
fn network_event(site: &Site, base_url: &str, host: &str, p: &Publication, out: &mut Lines) {
    let Detail::Event(e) = &p.detail else { return };
    let url = format!("{base_url}reseau/agenda/{}/", p.slug);
    let location = match (&e.lieu, &e.adresse) {
        (Some(slug), _) => {
            site.place(slug).map(|l| format!("{}, {}, {} {}", l.nom, l.adresse, l.code_postal, l.commune))
        }
        (None, _) => e.free_address(),
    };
    let last = e.date_fin.unwrap_or(p.date);
    let mut day = p.date;
    let mut n = 1;
    while day <= last {
        out.line("BEGIN:VEVENT");
        let uid = if last == p.date {
            format!("reseau-{}@{host}", p.slug)
        } else {
            format!("reseau-{}-jour-{n}@{host}", p.slug)
        };
        out.property("UID", &uid);
        out.line(&format!("DTSTAMP:{}T000000Z", p.date.format("%Y%m%d")));
        out.property("SUMMARY", &text(&p.titre));
        let description = match &p.resume {
            Some(summary) => format!("{summary}\n{url}"),
            None => url.clone(),
        };
        out.property("DESCRIPTION", &text(&description));
        if let Some(location) = &location {
            out.property("LOCATION", &text(location));
        }
        out.property("URL", &url);
        out.line(&format!("DTSTART;TZID=Europe/Paris:{}", local(day, e.debut)));
        out.line(&format!("DTEND;TZID=Europe/Paris:{}", local(day, e.fin)));
        out.line("END:VEVENT");
        let Some(next) = day.succ_opt() else { break };
        day = next;
        n += 1;
    }
}

/// A VCALENDAR named `name` around the events `body` writes.
fn wrap(name: &str, body: impl FnOnce(&mut Lines)) -> Vec<u8> {
    let mut out = Lines::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//resin//Rés'IN//FR");
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.property("X-WR-CALNAME", &text(name));
    out.line("X-WR-TIMEZONE:Europe/Paris");
    for line in VTIMEZONE {
        out.line(line);
    }
    body(&mut out);
    out.line("END:VCALENDAR");
    out.bytes
}

fn events(site: &Site, base_url: &str, host: &str, offer: &Offer, out: &mut Lines) {
    let url = format!("{base_url}offres/{}/", offer.slug);
    let places: Vec<String> = offer
        .lieux
        .iter()
        .filter_map(|slug| site.place(slug))
        .map(|l| format!("{}, {}, {} {}", l.nom, l.adresse, l.code_postal, l.commune))
        .collect();
    let stamp = format!("{}T000000Z", offer.date_maj.format("%Y%m%d"));
    let common = |out: &mut Lines| {
        out.line(&format!("DTSTAMP:{stamp}"));
        out.property("SUMMARY", &text(&offer.titre));
        if let Some(summary) = &offer.resume {
            out.property("DESCRIPTION", &text(&format!("{summary}\n{url}")));
        } else {
            out.property("DESCRIPTION", &text(&url));
        }
        if !places.is_empty() {
            out.property("LOCATION", &text(&places.join(" ; ")));
        }
        out.property("URL", &url);
    };
    match &offer.calendrier {
        Schedule::Sessions(seances) => {
            // A session in a closure does not take place; the others keep their numbers.
            let held = seances.iter().enumerate().filter(|(_, s)| !hours::session_cancelled(&offer.fermetures, s));
            for (i, s) in held {
                out.line("BEGIN:VEVENT");
                out.property("UID", &format!("{}-seance-{}@{host}", offer.slug, i + 1));
                common(out);
                out.line(&format!("DTSTART;TZID=Europe/Paris:{}", local(s.date, s.debut)));
                out.line(&format!("DTEND;TZID=Europe/Paris:{}", local(s.date, s.fin)));
                out.line("END:VEVENT");
            }
        }
        Schedule::Hours(horaires) => {
            let Some(week) = site.week(horaires) else { return };
            let monday = hours::monday(site.today);
            let (skipped, extra) = exceptions(horaires, &offer.fermetures, &week.regular, monday);
            for (day, periods) in week.regular.iter().enumerate() {
                let date = monday + Duration::days(day as i64);
                for &(start, end) in periods {
                    let end = end.min(24 * 60 - 1);
                    out.line("BEGIN:VEVENT");
                    out.property("UID", &format!("{}-{}-{start}@{host}", offer.slug, BYDAY[day].to_lowercase()));
                    common(out);
                    out.line(&format!("DTSTART;TZID=Europe/Paris:{}", local(date, minutes(start))));
                    out.line(&format!("DTEND;TZID=Europe/Paris:{}", local(date, minutes(end))));
                    out.line(&format!("RRULE:FREQ=WEEKLY;BYDAY={}", BYDAY[day]));
                    for skipped in skipped.get(&(day, start)).into_iter().flatten() {
                        out.line(&format!("EXDATE;TZID=Europe/Paris:{}", local(*skipped, minutes(start))));
                    }
                    out.line("END:VEVENT");
                }
            }
            // The hours that replace the usual ones during a closure (or on a public holiday):
            // single events.
            for (date, start, end) in extra {
                out.line("BEGIN:VEVENT");
                out.property("UID", &format!("{}-{}-{start}@{host}", offer.slug, date.format("%Y%m%d")));
                common(out);
                out.line(&format!("DTSTART;TZID=Europe/Paris:{}", local(date, minutes(start))));
                out.line(&format!("DTEND;TZID=Europe/Paris:{}", local(date, minutes(end.min(24 * 60 - 1)))));
                out.line("END:VEVENT");
            }
        }
    }
}

/// Days of a weekly calendar's exceptions, looked for over this many days from its start.
const EXCEPTION_DAYS: i64 = 366;

/// Where the real days differ from the weekly events of `regular` (the week from `monday`):
/// the occurrences to leave out (`EXDATE`, by weekday and start) and the periods to add, on
/// the days of `closures` and the public holidays of the coming [`EXCEPTION_DAYS`] (`PH off`
/// closes them; `PH 10:00-12:00` changes them).
#[allow(clippy::type_complexity)]
pub(crate) fn exceptions(
    horaires: &str,
    closures: &[Closure],
    regular: &[Vec<(u32, u32)>],
    monday: NaiveDate,
) -> (BTreeMap<(usize, u32), Vec<NaiveDate>>, Vec<(NaiveDate, u32, u32)>) {
    let (mut skipped, mut extra) = (BTreeMap::<(usize, u32), Vec<NaiveDate>>::new(), Vec::new());
    let Some(calendar) = hours::Calendar::new(Some(horaires), closures, true) else { return (skipped, extra) };
    let last = monday + Duration::days(EXCEPTION_DAYS - 1);
    let mut days: Vec<NaiveDate> = hours::public_holidays(monday, last);
    for closure in closures {
        let mut day = closure.du.max(monday);
        while day <= closure.au.min(last) {
            days.push(day);
            day += Duration::days(1);
        }
    }
    days.sort_unstable();
    days.dedup();
    for date in days {
        let weekday = date.weekday().num_days_from_monday() as usize;
        let real = calendar.periods(date);
        for &(start, end) in &regular[weekday] {
            if !real.contains(&(start, end)) {
                skipped.entry((weekday, start)).or_default().push(date);
            }
        }
        extra.extend(real.into_iter().filter(|p| !regular[weekday].contains(p)).map(|(s, e)| (date, s, e)));
    }
    (skipped, extra)
}

fn minutes(m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(m / 60, m % 60, 0).unwrap_or(NaiveTime::MIN)
}

fn local(date: NaiveDate, time: NaiveTime) -> String {
    date.and_time(time).format("%Y%m%dT%H%M%S").to_string()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Content lines: CRLF endings, folded at 75 octets without cutting a character.
#[derive(Default)]
struct Lines {
    bytes: Vec<u8>,
}

impl Lines {
    fn property(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{value}"));
    }

    fn line(&mut self, line: &str) {
        let mut width = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            if width + len > 75 {
                self.bytes.extend_from_slice(b"\r\n ");
                width = 1;
            }
            let mut buf = [0; 4];
            self.bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            width += len;
        }
        self.bytes.extend_from_slice(b"\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("Café; atelier, niveau 1\\2\nsuite"), "Café\\; atelier\\, niveau 1\\\\2\\nsuite");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_cutting_a_character() {
        let mut lines = Lines::default();
        lines.property("SUMMARY", &"é".repeat(60));
        let text = String::from_utf8(lines.bytes).expect("folding keeps UTF-8 whole");
        for line in text.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }
}
