//! schema.org structured data (JSON-LD) for place and offer pages, so that search engines and
//! assistants can read a place's address, position, phone and opening hours, and an offer's
//! sessions; an event of the network's agenda is an `Event` too.
//!
//! A place is a `LocalBusiness` (schema.org's type for a place people visit, with opening hours
//! and contact points); an offer is an `Event`: one per dated session, or one with a weekly
//! `eventSchedule` for recurring hours. The JSON is written inside `<script>`, so `<`, `>` and
//! `&` are escaped as `\u003c`, `\u003e` and `\u0026`: no content can close the element.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Europe::Paris;
use serde_json::{Map, Value, json};

use crate::index::Site;
use crate::model::network::{Detail, Publication};
use crate::model::{Closure, Offer, Place, Schedule};

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The JSON-LD of a place page (`page_url`: its absolute address).
pub(crate) fn place(site: &Site, place: &Place, page_url: &str) -> String {
    let mut data = Map::new();
    data.insert("@context".into(), json!("https://schema.org"));
    data.insert("@type".into(), json!("LocalBusiness"));
    data.insert("@id".into(), json!(format!("{page_url}#lieu")));
    data.insert("name".into(), json!(place.nom));
    data.insert("url".into(), json!(page_url));
    if let Some(summary) = &place.presentation_resume {
        data.insert("description".into(), json!(summary));
    }
    data.insert("address".into(), address(place));
    if let Some((lat, lon)) = place.latitude.zip(place.longitude) {
        data.insert("geo".into(), json!({ "@type": "GeoCoordinates", "latitude": lat, "longitude": lon }));
    }
    if let Some(phone) = &place.telephone {
        data.insert("telephone".into(), json!(phone));
    }
    if let Some(email) = place.courriels.first() {
        data.insert("email".into(), json!(email));
    }
    if !place.site_web.is_empty() {
        data.insert("sameAs".into(), json!(place.site_web));
    }
    if let Some(week) = place.horaires.as_deref().and_then(|h| site.week(h)) {
        let specs: Vec<Value> = periods(&week.regular)
            .map(|(day, opens, closes)| {
                json!({
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": format!("https://schema.org/{day}"),
                    "opens": opens,
                    "closes": closes,
                })
            })
            .collect();
        data.insert("openingHoursSpecification".into(), json!(specs));
    }
    let special = special_hours(&place.fermetures, site.today);
    if !special.is_empty() {
        data.insert("specialOpeningHoursSpecification".into(), json!(special));
    }
    if let Some(free) = free(&place.frais_a_charge) {
        data.insert("isAccessibleForFree".into(), json!(free));
    }
    if !place.services.is_empty() {
        data.insert("knowsAbout".into(), json!(place.services));
    }
    data.insert("dateModified".into(), json!(place.date_maj.to_string()));
    script_json(&Value::Object(data))
}

/// The closures not yet over as schema.org's special opening hours, valid from their first day
/// through their last: closed all day (`opens` = `closes` = "00:00", as schema.org says), or
/// the periods of the hours that replace the usual ones.
fn special_hours(closures: &[Closure], today: NaiveDate) -> Vec<Value> {
    let mut specs = Vec::new();
    for closure in closures.iter().filter(|c| c.au >= today) {
        let spec = |fields: Value| {
            let mut spec = json!({
                "@type": "OpeningHoursSpecification",
                "validFrom": closure.du.to_string(),
                "validThrough": closure.au.to_string(),
            });
            if let (Value::Object(spec), Value::Object(fields)) = (&mut spec, fields) {
                spec.extend(fields);
            }
            spec
        };
        match closure.horaires.as_deref().and_then(|h| crate::hours::week(h, closure.du)) {
            None => specs.push(spec(json!({ "opens": "00:00", "closes": "00:00" }))),
            Some(week) => {
                specs.extend(periods(&week.regular).map(|(day, opens, closes)| {
                    spec(json!({ "dayOfWeek": format!("https://schema.org/{day}"), "opens": opens, "closes": closes }))
                }));
                // The days of the period that the replacement hours leave closed are said too:
                // without them, a reader would fall back to the usual hours on those days.
                let mut weekdays: Vec<usize> = (0..7)
                    .map(|i| closure.du + chrono::Duration::days(i))
                    .take_while(|date| *date <= closure.au)
                    .map(|date| date.weekday().num_days_from_monday() as usize)
                    .collect();
                weekdays.sort_unstable();
                for at in weekdays.into_iter().filter(|&at| week.regular[at].is_empty()) {
                    let day = DAYS[at];
                    specs.push(spec(json!({ "dayOfWeek": format!("https://schema.org/{day}"), "opens": "00:00", "closes": "00:00" })));
                }
            }
        }
    }
    specs
}

/// The JSON-LD of an offer page: its sessions, or its weekly schedule, at its places.
pub(crate) fn offer(site: &Site, offer: &Offer, page_url: &str, place_url: &dyn Fn(&str) -> String) -> String {
    let places: Vec<Value> =
        offer.lieux.iter().filter_map(|slug| site.place(slug)).map(|place| place_ref(place, place_url)).collect();
    let location = match places.len() {
        1 => places[0].clone(),
        _ => json!(places),
    };
    let base = |id: String| {
        let mut event = Map::new();
        event.insert("@type".into(), json!("Event"));
        event.insert("@id".into(), json!(id));
        event.insert("name".into(), json!(offer.titre));
        event.insert("url".into(), json!(page_url));
        if let Some(summary) = &offer.resume {
            event.insert("description".into(), json!(summary));
        }
        event.insert("eventAttendanceMode".into(), json!("https://schema.org/OfflineEventAttendanceMode"));
        event.insert("eventStatus".into(), json!("https://schema.org/EventScheduled"));
        event.insert("location".into(), location.clone());
        if let Some(free) = free(&offer.frais_a_charge) {
            event.insert("isAccessibleForFree".into(), json!(free));
        }
        event
    };
    let events: Vec<Value> = match &offer.calendrier {
        Schedule::Sessions(seances) => seances
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut event = base(format!("{page_url}#seance-{}", i + 1));
                if crate::hours::session_cancelled(&offer.fermetures, s) {
                    event.insert("eventStatus".into(), json!("https://schema.org/EventCancelled"));
                }
                event.insert("startDate".into(), json!(paris(s.date, s.debut)));
                event.insert("endDate".into(), json!(paris(s.date, s.fin)));
                Value::Object(event)
            })
            .collect(),
        Schedule::Hours(horaires) => {
            let mut event = base(format!("{page_url}#offre"));
            if let Some(week) = site.week(horaires) {
                // The days it does not run (closures, public holidays its hours close), as the
                // calendars leave them out.
                let monday = crate::hours::monday(site.today);
                let (skipped, _) = crate::export::ical::exceptions(horaires, &offer.fermetures, &week.regular, monday);
                let starts = week.regular.iter().enumerate().flat_map(|(d, p)| p.iter().map(move |&(s, _)| (d, s)));
                let schedule: Vec<Value> = periods(&week.regular)
                    .zip(starts)
                    .map(|((day, start, end), at)| {
                        let mut schedule = json!({
                            "@type": "Schedule",
                            "byDay": format!("https://schema.org/{day}"),
                            "startTime": start,
                            "endTime": end,
                            "repeatFrequency": "P1W",
                            "scheduleTimezone": "Europe/Paris",
                        });
                        if let Some(dates) = skipped.get(&at) {
                            let dates: Vec<String> = dates.iter().map(NaiveDate::to_string).collect();
                            schedule["exceptDate"] = json!(dates);
                        }
                        schedule
                    })
                    .collect();
                event.insert("eventSchedule".into(), json!(schedule));
            }
            vec![Value::Object(event)]
        }
    };
    script_json(&json!({ "@context": "https://schema.org", "@graph": events }))
}

/// The JSON-LD of an event of the network's agenda: one `Event` from its first day's start to
/// its last day's end, at its venue (a place of the directory, or its free address).
pub(crate) fn network_event(
    site: &Site,
    p: &Publication,
    page_url: &str,
    place_url: &dyn Fn(&str) -> String,
) -> String {
    let Detail::Event(e) = &p.detail else { return String::new() };
    let location = match (&e.lieu, &e.adresse) {
        (Some(slug), _) => site.place(slug).map(|place| place_ref(place, place_url)),
        (None, Some(adresse)) => {
            let mut postal = Map::new();
            postal.insert("@type".into(), json!("PostalAddress"));
            postal.insert("streetAddress".into(), json!(adresse));
            if let Some(commune) = &e.commune {
                postal.insert("addressLocality".into(), json!(commune));
            }
            postal.insert("addressCountry".into(), json!("FR"));
            Some(json!({ "@type": "Place", "address": postal }))
        }
        (None, None) => None,
    };
    let mut event = Map::new();
    event.insert("@context".into(), json!("https://schema.org"));
    event.insert("@type".into(), json!("Event"));
    event.insert("@id".into(), json!(format!("{page_url}#evenement")));
    event.insert("name".into(), json!(p.titre));
    event.insert("url".into(), json!(page_url));
    if let Some(summary) = &p.resume {
        event.insert("description".into(), json!(summary));
    }
    event.insert("startDate".into(), json!(paris(p.date, e.debut)));
    event.insert("endDate".into(), json!(paris(e.date_fin.unwrap_or(p.date), e.fin)));
    event.insert("eventAttendanceMode".into(), json!("https://schema.org/OfflineEventAttendanceMode"));
    event.insert("eventStatus".into(), json!("https://schema.org/EventScheduled"));
    if let Some(location) = location {
        event.insert("location".into(), location);
    }
    if let Some(structure) = &p.structure {
        event.insert("organizer".into(), json!({ "@type": "Organization", "name": structure }));
    }
    if let Some(url) = &e.inscription {
        event.insert("offers".into(), json!({ "@type": "Offer", "url": url }));
    }
    script_json(&Value::Object(event))
}

/// A place of the directory where something happens: its page's place, by `@id`.
fn place_ref(place: &Place, place_url: &dyn Fn(&str) -> String) -> Value {
    json!({
        "@type": "Place",
        "@id": format!("{}#lieu", place_url(&place.slug)),
        "name": place.nom,
        "address": address(place),
    })
}

fn address(place: &Place) -> Value {
    let street = match &place.complement_adresse {
        Some(more) => format!("{}, {more}", place.adresse),
        None => place.adresse.clone(),
    };
    json!({
        "@type": "PostalAddress",
        "streetAddress": street,
        "postalCode": place.code_postal,
        "addressLocality": place.commune,
        "addressCountry": "FR",
    })
}

/// Free when every cost value says so; not free when none does; unknown otherwise.
fn free(costs: &[String]) -> Option<bool> {
    if costs.is_empty() {
        None
    } else if costs.iter().all(|f| f == "Gratuit") {
        Some(true)
    } else if costs.iter().all(|f| f == "Payant") {
        Some(false)
    } else {
        None
    }
}

/// Each open period of a regular week: English day name, "09:00", "12:00". A period that runs
/// to midnight closes at "23:59"; one that runs past it is cut at midnight.
fn periods(regular: &[Vec<(u32, u32)>]) -> impl Iterator<Item = (&'static str, String, String)> + '_ {
    regular.iter().zip(DAYS).flat_map(|(day, name)| {
        day.iter().map(move |&(start, end)| {
            let end = end.min(24 * 60);
            let closes = if end == 24 * 60 { "23:59".to_string() } else { hhmm(end) };
            (name, hhmm(start), closes)
        })
    })
}

fn hhmm(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A local date and time in Paris with its offset: `2026-12-01T14:00:00+01:00`.
pub(crate) fn paris(date: NaiveDate, time: NaiveTime) -> String {
    let local = date.and_time(time);
    match Paris.from_local_datetime(&local).earliest() {
        Some(at) => at.to_rfc3339(),
        // A time that does not exist (the spring change): the same time an hour later.
        None => Paris
            .from_local_datetime(&(local + chrono::Duration::hours(1)))
            .earliest()
            .map_or_else(|| local.format("%Y-%m-%dT%H:%M:%S").to_string(), |at| at.to_rfc3339()),
    }
}

/// JSON safe inside `<script type="application/ld+json">`: nothing in it can end the element
/// or start a comment.
pub(crate) fn script_json(value: &Value) -> String {
    serde_json::to_string(value)
        .expect("JSON values always serialise")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_in_the_json_can_close_the_script_element() {
        let text = script_json(&json!({ "name": "</script><script>alert(1)</script> & <!--" }));
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script> & <!--");
    }

    #[test]
    fn paris_times_carry_their_offset() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        assert_eq!(paris(d(12, 1), t(14)), "2026-12-01T14:00:00+01:00");
        assert_eq!(paris(d(7, 1), t(9)), "2026-07-01T09:00:00+02:00");
        // 29 March 2026, 2:30 does not exist in Paris.
        assert_eq!(paris(d(3, 29), NaiveTime::from_hms_opt(2, 30, 0).unwrap()), "2026-03-29T03:30:00+02:00");
    }

    #[test]
    fn regular_week_periods_in_schema_org_days() {
        let regular = vec![vec![(540, 720), (840, 1050)], vec![], vec![], vec![], vec![], vec![(600, 1440)], vec![]];
        let all: Vec<_> = periods(&regular).collect();
        assert_eq!(
            all,
            [
                ("Monday", "09:00".to_string(), "12:00".to_string()),
                ("Monday", "14:00".to_string(), "17:30".to_string()),
                ("Saturday", "10:00".to_string(), "23:59".to_string()),
            ]
        );
    }
}
