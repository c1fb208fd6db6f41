//! Structured data and feeds: schema.org JSON-LD on place and offer pages, the Atom feed of
//! updates and the iCalendar files of offers.

use chrono::TimeZone as _;
use serde_json::Value;

use crate::support::SiteTest;

/// The JSON-LD of a page, parsed.
pub(crate) fn json_ld(html: &str) -> Value {
    let start = html.find("<script type=\"application/ld+json\">").expect("JSON-LD") + 35;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

#[test]
fn place_and_offer_pages_carry_schema_org_data() {
    let site = SiteTest::example();
    site.build();
    let place = json_ld(&site.read("public/lieux/mediatheque-du-bachut/index.html"));
    assert_eq!(place["@context"], "https://schema.org");
    assert_eq!(place["@type"], "LocalBusiness");
    assert_eq!(place["name"], "Médiathèque du Bachut");
    assert_eq!(place["url"], "https://resin.exemple.fr/lieux/mediatheque-du-bachut/");
    assert_eq!(place["address"]["postalCode"], "69008");
    assert_eq!(place["address"]["addressLocality"], "Lyon 8e Arrondissement");
    assert_eq!(place["geo"]["latitude"], 45.7372);
    assert_eq!(place["telephone"], "+33478781200");
    // "Tu,Th 13:00-19:00; We 10:00-18:00…": one specification per day and period.
    let specs = place["openingHoursSpecification"].as_array().unwrap();
    assert_eq!(specs[0]["dayOfWeek"], "https://schema.org/Tuesday");
    assert_eq!((specs[0]["opens"].as_str(), specs[0]["closes"].as_str()), (Some("13:00"), Some("19:00")));
    assert_eq!(place["dateModified"], "2026-03-03");

    // Dated sessions: one Event each, in Paris time, at the place.
    let offer = json_ld(&site.read("public/offres/atelier-smartphone-bachut/index.html"));
    let events = offer["@graph"].as_array().unwrap();
    assert!(events.len() >= 2);
    assert_eq!(events[0]["@type"], "Event");
    assert_eq!(events[0]["startDate"], "2026-12-01T14:00:00+01:00");
    assert_eq!(events[0]["location"]["@id"], "https://resin.exemple.fr/lieux/mediatheque-du-bachut/#lieu");
    // Recurring hours: one Event with a weekly schedule.
    let recurring = json_ld(&site.read("public/offres/permanence-demarches-part-dieu/index.html"));
    let schedule = recurring["@graph"][0]["eventSchedule"].as_array().unwrap();
    let days: Vec<&str> = schedule.iter().map(|s| s["byDay"].as_str().unwrap()).collect();
    assert_eq!(days, ["https://schema.org/Monday", "https://schema.org/Wednesday"]);
    assert_eq!(schedule[0]["startTime"], "09:00");
    assert_eq!(schedule[0]["scheduleTimezone"], "Europe/Paris");
}

#[test]
fn the_atom_feed_lists_updated_places_and_offers_newest_first() {
    let site = SiteTest::example();
    site.build();
    let xml = site.read("public/atom.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the feed is well-formed XML");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(feed.tag_name().namespace(), Some("http://www.w3.org/2005/Atom"));
    let child = |node: roxmltree::Node<'_, '_>, name: &str| {
        node.children().find(|n| n.has_tag_name(name)).and_then(|n| n.text()).map(str::to_string)
    };
    let entries: Vec<_> = feed.children().filter(|n| n.has_tag_name("entry")).collect();
    // One entry per place and per offer (73 in the example, under the limit of 100).
    assert_eq!(entries.len(), 47 + 26);
    let ids: std::collections::BTreeSet<String> = entries.iter().map(|e| child(*e, "id").unwrap()).collect();
    assert_eq!(ids.len(), entries.len(), "one entry per item");
    assert!(ids.contains("https://resin.exemple.fr/lieux/mediatheque-du-bachut/"));
    assert!(ids.contains("https://resin.exemple.fr/offres/atelier-smartphone-bachut/"));
    // Newest first, and the feed's date is the newest entry's.
    let dates: Vec<String> = entries.iter().map(|e| child(*e, "updated").unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_eq!(child(feed, "updated"), Some(dates[0].clone()));
    let bachut = entries.iter().find(|e| child(**e, "id").unwrap().ends_with("/mediatheque-du-bachut/")).unwrap();
    assert_eq!(child(*bachut, "updated").unwrap(), "2026-03-03T00:00:00+01:00");
    // Every page announces it.
    assert!(site.read("public/index.html").contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
}

pub(crate) fn calendar_events(ics: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    // RFC 5545: CRLF line endings, content lines of at most 75 octets.
    assert!(ics.ends_with("\r\n") && !ics.replace("\r\n", "").contains('\n'), "CRLF only");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let unfolded = icalendar::parser::unfold(ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("the calendar parses");
    assert!(calendar.components.iter().any(|c| c.name == "VTIMEZONE"));
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|c| {
            c.properties
                .iter()
                .map(|p| {
                    let params: Vec<String> = p
                        .params
                        .iter()
                        .map(|q| format!("{}={}", q.key.as_str(), q.val.as_ref().map_or("", |v| v.as_str())))
                        .collect();
                    let key = if params.is_empty() {
                        p.name.as_str().to_string()
                    } else {
                        format!("{};{}", p.name.as_str(), params.join(";"))
                    };
                    (key, p.val.as_str().to_string())
                })
                .collect()
        })
        .collect()
}

#[test]
fn offers_have_icalendar_files_that_expand_to_their_sessions() {
    let site = SiteTest::example();
    site.build();
    // Dated sessions: one event each, in Paris time.
    let events = calendar_events(&site.read("public/offres/atelier-smartphone-bachut/agenda.ics"));
    assert!(events.len() >= 2);
    assert_eq!(events[0]["DTSTART;TZID=Europe/Paris"], "20261201T140000");
    assert_eq!(events[0]["DTEND;TZID=Europe/Paris"], "20261201T160000");
    assert_eq!(events[0]["SUMMARY"], "Atelier « Mon smartphone au quotidien »");
    let location = &events[0]["LOCATION"];
    assert!(
        location.starts_with("Médiathèque du Bachut") && location.ends_with("69008 Lyon 8e Arrondissement"),
        "{location}"
    );
    assert_eq!(events[0]["URL"], "https://resin.exemple.fr/offres/atelier-smartphone-bachut/");

    // Recurring hours ("Mo,We 09:00-12:00"): weekly events; the week of 30 November 2026
    // expands to Monday and Wednesday mornings.
    let events = calendar_events(&site.read("public/offres/permanence-demarches-part-dieu/agenda.ics"));
    let mut occurrences = Vec::new();
    for event in &events {
        let rule =
            format!("DTSTART;TZID=Europe/Paris:{}\nRRULE:{}", event["DTSTART;TZID=Europe/Paris"], event["RRULE"]);
        let set: rrule::RRuleSet = rule.parse().expect("the rule parses");
        let tz = rrule::Tz::Europe__Paris;
        let after = tz.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap();
        let before = tz.with_ymd_and_hms(2026, 12, 7, 0, 0, 0).unwrap();
        occurrences.extend(set.after(after).before(before).all(10).dates.iter().map(|d| d.to_rfc3339()));
    }
    occurrences.sort();
    assert_eq!(occurrences, ["2026-11-30T09:00:00+01:00", "2026-12-02T09:00:00+01:00"]);

    // All offers in one file.
    let all = calendar_events(&site.read("public/donnees/offres.ics"));
    let uids: std::collections::BTreeSet<&str> = all.iter().map(|e| e["UID"].as_str()).collect();
    assert_eq!(uids.len(), all.len(), "unique UIDs");
    assert!(all.len() > 26, "every offer's events");
    // The offer page links to its calendar; /donnees/ documents both files.
    assert!(
        site.read("public/offres/atelier-smartphone-bachut/index.html")
            .contains("href=\"/offres/atelier-smartphone-bachut/agenda.ics\"")
    );
    let donnees = site.read("public/donnees/index.html");
    for file in ["offres.ics", "atom.xml"] {
        assert!(donnees.contains(file), "{file}");
    }
    assert!(donnees.contains("47 lieux, mis à jour le"), "record count and update date");
}
