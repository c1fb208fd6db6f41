//! Structured data and feeds: schema.org JSON-LD on place and offer pages, the Atom feed of
//! updates and the iCalendar files of offers.

use serde_json::Value;

use crate::support::SiteTest;

/// The JSON-LD of a page, parsed.
fn json_ld(html: &str) -> Value {
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
