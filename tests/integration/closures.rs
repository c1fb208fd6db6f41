//! `fermetures`: dated closures and exceptional hours of places and offers, built into real
//! sites at fixed dates: the notice on the page (from 15 days before the start, not 16, to the
//! last day), the periods of the search index and of the page, the week table, JSON-LD,
//! iCalendar (`EXDATE`, public holidays, replacement hours, cancelled sessions).

use serde_json::Value;

use crate::support::{PLACE, SiteTest};

/// The minimal place (`Tu,Th 13:00-19:00; PH off`) with these closures.
fn place_with(closures: &str) -> String {
    PLACE.replace("date_maj: 2026-03-03\n", &format!("date_maj: 2026-03-03\nfermetures:\n{closures}"))
}

const CHRISTMAS: &str = "  - du: 2026-12-24\n    au: 2027-01-02\n    motif: Congés de fin d'année\n";

fn site(closures: &str) -> SiteTest {
    SiteTest::new().file("content/lieux/mediatheque-du-bachut.md", &place_with(closures))
}

/// The place page built on `date`.
fn page_on(site: &SiteTest, date: &str) -> String {
    site.run_with(&["build"], &[("RESIN_DATE", date)]).expect_code(0);
    site.read("public/lieux/mediatheque-du-bachut/index.html")
}

/// The notice of the page, if any: the text of its `role="status"` block.
fn notice(page: &str) -> Option<String> {
    let start = page.find("<div class=\"avis-fermeture\" role=\"status\">")?;
    let end = start + page[start..].find("</div>")?;
    Some(page[start..end].to_string())
}

#[test]
fn the_notice_shows_from_fifteen_days_before_until_the_last_day() {
    let site = site(CHRISTMAS);
    assert_eq!(notice(&page_on(&site, "2026-12-08")), None, "16 days before");
    let shown = notice(&page_on(&site, "2026-12-09")).expect("15 days before");
    assert!(
        shown.contains("<strong>Fermé du 24 décembre au 2 janvier</strong>&nbsp;: congés de fin d&#39;année."),
        "{shown}"
    );
    let page = page_on(&site, "2027-01-02");
    assert!(notice(&page).is_some(), "on the last day");
    // Near the top: before the address, and not kept from the printed sheet.
    assert!(page.find("avis-fermeture").unwrap() < page.find("Adresse</h2>").unwrap());
    assert!(!page[..page.find("avis-fermeture").unwrap()].ends_with("ecran-seulement\">"));
    assert_eq!(notice(&page_on(&site, "2027-01-03")), None, "the day after");
    // Over, the closure is a warning that says it can go.
    let run = site.run_with(&["check", "--format", "json"], &[("RESIN_DATE", "2027-01-03")]).expect_code(0);
    assert_eq!(run.diagnostics()[0]["code"], "fermeture-passee");
}

#[test]
fn replacement_hours_are_said_in_words() {
    let site = site(
        "  - du: 2026-12-01\n    au: 2026-12-04\n    horaires: \"Tu-Th 14:00-16:00\"\n    motif: Formation de l'équipe\n",
    );
    let page = page_on(&site, "2026-11-25");
    let shown = notice(&page).expect("a notice");
    assert!(
        shown.contains("<strong>Horaires modifiés du 1er au 4 décembre</strong>&nbsp;: formation de l&#39;équipe. Mardi au jeudi : 14\u{a0}h – 16\u{a0}h."),
        "{shown}"
    );
}

/// The opening periods of the place's hours in the search index, day 0 being the build date.
fn index_periods(site: &SiteTest) -> Vec<Value> {
    let index: Value = serde_json::from_str(&site.read("public/lieux/recherche.json")).unwrap();
    let at = index["lieux"][0]["h"].as_u64().expect("the place has hours") as usize;
    index["horaires"][at]["o"].as_array().unwrap().clone()
}

#[test]
fn periods_are_empty_during_a_closure() {
    // Tuesday 1 to Thursday 3 December; the place opens on Tuesdays and Thursdays.
    let site = site("  - du: 2026-12-01\n    au: 2026-12-03\n");
    let page = page_on(&site, "2026-11-25");
    let periods = index_periods(&site);
    assert_eq!(periods[1], serde_json::json!([[780, 1140]]), "Thursday 26 November");
    assert_eq!(periods[6], serde_json::json!([]), "Tuesday 1 December");
    assert_eq!(periods[8], serde_json::json!([]), "Thursday 3 December");
    assert_eq!(periods[13], serde_json::json!([[780, 1140]]), "Tuesday 8 December");
    // The page's « ouvert maintenant » reads the same periods.
    let empty_days = ["[]"; 11].join(",");
    assert!(page.contains(&format!("[[],[[780,1140]],{empty_days},[[780,1140]]]")), "{page}");
    // A closure out of the 14 days changes nothing: the place shares its hours' entry.
    let other = site.file("content/lieux/autre.md", &PLACE.replace("Médiathèque du Bachut", "Autre lieu"));
    other.run_with(&["build"], &[("RESIN_DATE", "2026-11-25")]).expect_code(0);
    let index: Value = serde_json::from_str(&other.read("public/lieux/recherche.json")).unwrap();
    assert_eq!(index["horaires"].as_array().unwrap().len(), 2, "its own hours, and the other place's");

    // The week table of the week of the closure says so; the summary keeps the usual hours.
    let page = page_on(&other, "2026-11-30");
    assert!(page.contains("<th scope=\"row\">Mardi</th><td class=\"ferme\">Fermé exceptionnellement</td>"), "{page}");
    assert!(page.contains("<li>Mardi : 13\u{a0}h – 19\u{a0}h</li>"), "{page}");
}

/// The JSON-LD of a page.
fn json_ld(page: &str) -> Value {
    let start = page.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

#[test]
fn json_ld_carries_special_opening_hours() {
    let site = site(&format!("{CHRISTMAS}  - du: 2027-02-16\n    au: 2027-02-19\n    horaires: \"Tu 14:00-17:00\"\n"));
    let data = json_ld(&page_on(&site, "2026-11-25"));
    let special = data["specialOpeningHoursSpecification"].as_array().expect("special hours");
    assert_eq!(
        special[0],
        serde_json::json!({ "@type": "OpeningHoursSpecification", "validFrom": "2026-12-24",
            "validThrough": "2027-01-02", "opens": "00:00", "closes": "00:00" })
    );
    assert_eq!(
        special[1],
        serde_json::json!({ "@type": "OpeningHoursSpecification", "validFrom": "2027-02-16",
            "validThrough": "2027-02-19", "dayOfWeek": "https://schema.org/Tuesday", "opens": "14:00", "closes": "17:00" })
    );
    // Wednesday to Friday are in the period and closed by its hours: said, or the usual Thursday
    // would be read.
    for (k, day) in ["Wednesday", "Thursday", "Friday"].iter().enumerate() {
        assert_eq!(
            special[2 + k],
            serde_json::json!({ "@type": "OpeningHoursSpecification", "validFrom": "2027-02-16",
                "validThrough": "2027-02-19", "dayOfWeek": format!("https://schema.org/{day}"), "opens": "00:00", "closes": "00:00" })
        );
    }
    assert_eq!(special.len(), 5);
    // The usual week is still the usual one.
    assert_eq!(data["openingHoursSpecification"].as_array().unwrap().len(), 2);
}

/// An offer at the place, with `schedule` (YAML lines) and `closures`.
fn offer(schedule: &str, closures: &str) -> String {
    format!(
        "---\ntitre: Atelier tablette\nlieux: [mediatheque-du-bachut]\nfrais_a_charge: [Gratuit]\n\
         modalites_acces: [Téléphoner]\n{schedule}date_maj: 2026-11-02\nfermetures:\n{closures}---\nTexte.\n"
    )
}

/// The content lines of a calendar, unfolded.
fn ics_lines(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "").split("\r\n").map(str::to_string).collect()
}

#[test]
fn calendars_leave_out_closed_days_and_public_holidays() {
    let site = site("  - du: 2026-12-01\n    au: 2026-12-01\n").file(
        "content/offres/atelier.md",
        &offer(
            "horaires: \"Mo 14:00-16:00; PH off\"\n",
            &format!("{CHRISTMAS}  - du: 2027-02-15\n    au: 2027-02-19\n    horaires: \"Mo 10:00-12:00\"\n"),
        ),
    );
    site.run_with(&["build"], &[("RESIN_DATE", "2026-11-25")]).expect_code(0);
    let ics = site.read("public/offres/atelier/agenda.ics");
    let lines = ics_lines(&ics);
    let exdates: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("EXDATE;TZID=Europe/Paris:")).collect();
    // Monday 28 December (the closure), 15 February (other hours), Easter Monday, Whit Monday
    // and All Saints' Day 2027 (public holidays, `PH off`), in the coming year.
    assert_eq!(
        exdates,
        ["20261228T140000", "20270215T140000", "20270329T140000", "20270517T140000", "20271101T140000"]
    );
    // The other hours of 15 February are an event of their own.
    let at = lines.iter().position(|l| l == "DTSTART;TZID=Europe/Paris:20270215T100000").expect("its own event");
    assert_eq!(lines[at + 1], "DTEND;TZID=Europe/Paris:20270215T120000");

    // The weekly rule, less its exceptions, expands to the real Mondays.
    let rule: Vec<&str> = lines
        .iter()
        .filter(|l| l.starts_with("DTSTART;TZID") || l.starts_with("RRULE:FREQ=WEEKLY"))
        .take(2)
        .map(String::as_str)
        .collect();
    let set: rrule::RRuleSet = rule.join("\n").parse().expect("the rule parses");
    let tz = rrule::Tz::Europe__Paris;
    use chrono::TimeZone as _;
    let dates = set
        .after(tz.with_ymd_and_hms(2026, 12, 20, 0, 0, 0).unwrap())
        .before(tz.with_ymd_and_hms(2027, 1, 12, 0, 0, 0).unwrap())
        .all(10)
        .dates;
    let days: Vec<String> = dates
        .iter()
        .map(|d| d.format("%Y%m%dT%H%M%S").to_string())
        .filter(|d| !exdates.contains(&d.as_str()))
        .map(|d| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..8]))
        .collect();
    assert_eq!(days, ["2026-12-21", "2027-01-04", "2027-01-11"]);

    // The offer's JSON-LD says the same days in its weekly schedule.
    let data = json_ld(&site.read("public/offres/atelier/index.html"));
    let except: Vec<&str> = data["@graph"][0]["eventSchedule"][0]["exceptDate"]
        .as_array()
        .expect("days left out")
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(except, ["2026-12-28", "2027-02-15", "2027-03-29", "2027-05-17", "2027-11-01"]);
}

#[test]
fn sessions_in_a_closure_are_cancelled() {
    let site = SiteTest::new().file("content/lieux/mediatheque-du-bachut.md", PLACE).file(
        "content/offres/atelier.md",
        &offer(
            "seances:\n  - { date: 2026-12-01, debut: \"14:00\", fin: \"16:00\" }\n  \
             - { date: 2026-12-08, debut: \"14:00\", fin: \"16:00\" }\n  \
             - { date: 2026-12-15, debut: \"09:00\", fin: \"11:00\" }\n",
            "  - du: 2026-12-08\n    au: 2026-12-08\n    motif: Grève\n  \
             - du: 2026-12-14\n    au: 2026-12-18\n    horaires: \"Tu 14:00-17:00\"\n",
        ),
    );
    site.run_with(&["build"], &[("RESIN_DATE", "2026-11-25")]).expect_code(0);
    // The page keeps them in the list, said cancelled, with the reason when there is one.
    let page = site.read("public/offres/atelier/index.html");
    assert!(
        page.contains("mardi 8 décembre 2026</time>, <span class=\"horaire\">14\u{a0}h – 16\u{a0}h</span> : <strong>annulée</strong> (grève)</li>")
    );
    assert!(page.contains("mardi 15 décembre 2026</time>, <span class=\"horaire\">9\u{a0}h – 11\u{a0}h</span> : <strong>annulée</strong></li>"));
    assert!(page.contains("mardi 1er décembre 2026</time>, <span class=\"horaire\">14\u{a0}h – 16\u{a0}h</span></li>"));
    // The calendar leaves them out; the one held keeps its number.
    let ics = site.read("public/offres/atelier/agenda.ics");
    let uids: Vec<String> =
        ics_lines(&ics).into_iter().filter_map(|l| l.strip_prefix("UID:").map(str::to_string)).collect();
    assert_eq!(uids, ["atelier-seance-1@test.exemple.fr"]);
    // JSON-LD says so.
    let cancelled = page.matches("https://schema.org/EventCancelled").count();
    assert_eq!(cancelled, 2, "{page}");
}
