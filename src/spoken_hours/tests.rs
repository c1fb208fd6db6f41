//! The French phrasings and the weeks they mean: each proposal is proved by computing its week
//! with the `opening-hours` crate (`hours::week`) and comparing it with the intended one.

use chrono::NaiveDate;
use proptest::strategy::Strategy;

use super::propose;
use crate::hours;

/// A week written day by day, Monday first, `|` between days: `9-12 14-17:30|…`; an empty day
/// is closed. Independent of the OSM syntax, so that the comparison proves something.
fn intended(spec: &str) -> Vec<Vec<(u32, u32)>> {
    let minutes = |t: &str| -> u32 {
        let (h, m) = t.split_once(':').unwrap_or((t, "0"));
        h.parse::<u32>().expect("hour") * 60 + m.parse::<u32>().expect("minutes")
    };
    let days: Vec<Vec<(u32, u32)>> = spec
        .split('|')
        .map(|day| {
            day.split_whitespace()
                .map(|range| {
                    let (start, end) = range.split_once('-').expect("a range");
                    (minutes(start), minutes(end))
                })
                .collect()
        })
        .collect();
    assert_eq!(days.len(), 7, "{spec}");
    days
}

/// The week an OSM value opens, Monday to Sunday, public holidays aside (a week without any).
fn computed(value: &str) -> Vec<Vec<(u32, u32)>> {
    let monday = NaiveDate::from_ymd_opt(2026, 3, 2).expect("a Monday");
    hours::week(value, monday).expect("a valid value").regular
}

/// Phrasing, exact proposal, intended week (and whether public holidays close).
const TABLE: &[(&str, &str, &str)] = &[
    (
        "du lundi au vendredi de 9h à 12h et de 14h à 17h",
        "Mo-Fr 09:00-12:00,14:00-17:00",
        "9-12 14-17|9-12 14-17|9-12 14-17|9-12 14-17|9-12 14-17||",
    ),
    ("Lu-Ve 9h-12h", "Mo-Fr 09:00-12:00", "9-12|9-12|9-12|9-12|9-12||"),
    ("lun. - ven. : 9 h 30 - 12 h", "Mo-Fr 09:30-12:00", "9:30-12|9:30-12|9:30-12|9:30-12|9:30-12||"),
    ("lundi, mardi et jeudi de 9h à 12h", "Mo,Tu,Th 09:00-12:00", "9-12|9-12||9-12|||"),
    ("lundi / mercredi : 14h00-17h00", "Mo,We 14:00-17:00", "14-17||14-17||||"),
    ("mardi 9:00-12:00", "Tu 09:00-12:00", "|9-12|||||"),
    ("Mardi et jeudi après-midi de 14h à 17h", "Tu,Th 14:00-17:00", "|14-17||14-17|||"),
    (
        "le matin de 9h à 12h, l'après-midi de 14h à 17h, du lundi au vendredi",
        "Mo-Fr 09:00-12:00,14:00-17:00",
        "9-12 14-17|9-12 14-17|9-12 14-17|9-12 14-17|9-12 14-17||",
    ),
    ("tous les jours de 10h à 18h", "Mo-Su 10:00-18:00", "10-18|10-18|10-18|10-18|10-18|10-18|10-18"),
    ("7j/7 de 8h à 20h", "Mo-Su 08:00-20:00", "8-20|8-20|8-20|8-20|8-20|8-20|8-20"),
    ("du lundi au vendredi de 9h à 17h, fermé le mercredi", "Mo,Tu,Th,Fr 09:00-17:00", "9-17|9-17||9-17|9-17||"),
    ("du lundi au vendredi de 9h à 17h sauf le mercredi", "Mo,Tu,Th,Fr 09:00-17:00", "9-17|9-17||9-17|9-17||"),
    ("fermé le lundi; du lundi au samedi 10h-18h", "Tu-Sa 10:00-18:00", "|10-18|10-18|10-18|10-18|10-18|"),
    (
        "du lundi au vendredi de 9h à 12h30 et de 13h30 à 17h ; le samedi de 9h à 12h",
        "Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:00",
        "9-12:30 13:30-17|9-12:30 13:30-17|9-12:30 13:30-17|9-12:30 13:30-17|9-12:30 13:30-17|9-12|",
    ),
    ("Lundi : 9h-12h\nMercredi : 14h-17h", "Mo 09:00-12:00; We 14:00-17:00", "9-12||14-17||||"),
    ("de 9 à 12h le samedi", "Sa 09:00-12:00", "|||||9-12|"),
    ("le jeudi de 9h à midi", "Th 09:00-12:00", "|||9-12|||"),
    ("entre 14h et 16h le mercredi", "We 14:00-16:00", "||14-16||||"),
    ("Lundi-Vendredi: 9h-18h", "Mo-Fr 09:00-18:00", "9-18|9-18|9-18|9-18|9-18||"),
    ("Du lundi au samedi de 8 heures à 20 heures.", "Mo-Sa 08:00-20:00", "8-20|8-20|8-20|8-20|8-20|8-20|"),
    (
        "Du mardi au samedi de 10h à 19h, le lundi de 14h à 19h",
        "Mo 14:00-19:00; Tu-Sa 10:00-19:00",
        "14-19|10-19|10-19|10-19|10-19|10-19|",
    ),
    (
        "Ouvert le lundi de 14h00 à 18h00 - Du mardi au vendredi : 10h00 - 12h30 et de 14h00 à 18h30 - le samedi : 10h00 - 12h30 et de 14h00 à 18h00.",
        "Mo 14:00-18:00; Tu-Fr 10:00-12:30,14:00-18:30; Sa 10:00-12:30,14:00-18:00",
        "14-18|10-12:30 14-18:30|10-12:30 14-18:30|10-12:30 14-18:30|10-12:30 14-18:30|10-12:30 14-18|",
    ),
    ("du samedi au lundi 10h-12h", "Mo,Sa,Su 10:00-12:00", "10-12|||||10-12|10-12"),
    ("Mo-Fr 9h-12h", "Mo-Fr 09:00-12:00", "9-12|9-12|9-12|9-12|9-12||"),
    // Round the whole week (a bug the property test below found).
    ("du samedi au vendredi 10h-12h", "Mo-Su 10:00-12:00", "10-12|10-12|10-12|10-12|10-12|10-12|10-12"),
    ("samedi 12h00 - 14h00, dimanche 10h - 12h", "Sa 12:00-14:00; Su 10:00-12:00", "|||||12-14|10-12"),
    // A day the rule does not open ends the exceptions: it starts the next rule (review of issue 21).
    (
        "du lundi au vendredi de 9h à 12h sauf le mercredi, le samedi de 14h à 17h",
        "Mo,Tu,Th,Fr 09:00-12:00; Sa 14:00-17:00",
        "9-12|9-12||9-12|9-12|14-17|",
    ),
    ("du lundi au vendredi de 9h à 12h sauf le mercredi et le jeudi", "Mo,Tu,Fr 09:00-12:00", "9-12|9-12|||9-12||"),
    ("du lundi au vendredi sauf le mercredi de 9h à 17h", "Mo,Tu,Th,Fr 09:00-17:00", "9-17|9-17||9-17|9-17||"),
    // Each half day with its own hours, or its own days.
    ("lundi matin de 9h à 12h et mardi après-midi de 14h à 17h", "Mo 09:00-12:00; Tu 14:00-17:00", "9-12|14-17|||||"),
    ("le samedi matin de 9h à 12h30", "Sa 09:00-12:30", "|||||9-12:30|"),
    ("lundi après-midi de 12h à 14h", "Mo 12:00-14:00", "12-14||||||"),
];

/// Phrasings whose week closes on public holidays too.
const WITH_HOLIDAYS: &[(&str, &str, &str)] = &[
    (
        "Ouvert du Mardi au Samedi de 10h à 17h30 (sauf jours fériés)",
        "Tu-Sa 10:00-17:30; PH off",
        "|10-17:30|10-17:30|10-17:30|10-17:30|10-17:30|",
    ),
    (
        "du lundi au vendredi de 9h à 17h, fermé les jours fériés",
        "Mo-Fr 09:00-17:00; PH off",
        "9-17|9-17|9-17|9-17|9-17||",
    ),
    (
        "du lundi au vendredi de 9h à 12h (sauf jours fériés), le samedi de 14h à 17h",
        "Mo-Fr 09:00-12:00; Sa 14:00-17:00; PH off",
        "9-12|9-12|9-12|9-12|9-12|14-17|",
    ),
];

#[test]
fn each_proposal_opens_the_intended_week() {
    for (phrase, value, week) in TABLE.iter().chain(WITH_HOLIDAYS) {
        let proposal = propose(phrase);
        assert_eq!(proposal.as_deref(), Some(*value), "{phrase}");
        assert_eq!(computed(value), intended(week), "{phrase} → {value}");
    }
    let monday = NaiveDate::from_ymd_opt(2026, 3, 2).expect("a Monday");
    for (phrase, value, _) in WITH_HOLIDAYS {
        let week = hours::week(value, monday).expect("valid");
        assert_eq!(week.holidays.as_deref(), Some("Fermé les jours fériés"), "{phrase}");
    }
}

/// What the reader cannot be sure of gives no proposal: it never guesses.
#[test]
fn doubts_give_no_proposal() {
    for phrase in [
        "",
        "9h-12h",
        "lundi matin",
        "lundi",
        "à partir de 9h le lundi",
        "sur rendez-vous",
        "du lundi au vendredi sur rendez-vous",
        "lundi 9h-12h (hors vacances scolaires)",
        "du lundi au vendredi de 9h à 17h sauf le mercredi après-midi",
        "fermé le mercredi matin",
        "lundi matin et mardi après-midi de 14h à 17h",
        "lundi 9h-12h; lundi 14h-17h",
        "lundi 9h-12h et 11h-14h",
        "lundi de 12h à 9h",
        "lundi de 9 à 12",
        "tous les jours du lundi au vendredi de 9h à 12h",
        "en semaine de 9h à 17h",
        "de mars à octobre, le lundi 9h-12h",
        "24h/24 7j/7",
        "lundi 25h-26h",
        "lundi 9h75-10h",
        "jours fériés 10h-12h",
        "le 1er lundi du mois de 9h à 12h",
        "lundi, un mercredi sur deux, 9h-12h",
        "du lundi au jeudi de 9h à 12h et le vendredi à 17h",
        "tous les jours de 9h à 12h ".repeat(40).as_str(),
        // After « sauf », hours for the days left out: instead of the rule's, or on top of them?
        "du lundi au vendredi de 9h à 12h sauf le mercredi de 14h à 17h",
        "du lundi au samedi de 9h à 12h sauf le mercredi, le samedi de 14h à 17h",
        "du lundi au samedi de 9h à 12h (sauf jours fériés), le samedi de 14h à 17h",
        "du lundi au vendredi sauf le samedi de 9h à 12h",
        "du lundi au vendredi de 9h à 12h sauf le mercredi, le jeudi et le samedi de 14h à 17h",
        "du lundi au vendredi de 9h à 12h sauf le mercredi et le jeudi, le samedi de 14h à 17h",
        "du lundi au vendredi de 9h à 12h (sauf jours fériés et le mercredi), le samedi de 14h à 17h",
        "du lundi au mercredi de 9h à 12h sauf le mardi, mardi et dimanche après-midi de 14h à 17h",
        // A half day whose hours are not those of the half, or not its own.
        "lundi matin et mardi après-midi de 9h à 12h et de 14h à 17h",
        "lundi matin de 9h à 17h",
        "lundi après-midi de 9h à 12h",
        "le samedi matin de 9h à 12h et de 14h à 17h",
        "lundi matin et après-midi de 9h à 12h et de 14h à 17h",
        "le matin, l'après-midi de 14h à 17h, du lundi au vendredi",
        "de 9h à 12h et de 14h à 17h le lundi matin",
    ] {
        assert_eq!(propose(phrase), None, "{phrase}");
    }
}

/// Real phrasings (`tests/fixtures/horaires/phrases-reelles.txt`), each with what it must give,
/// read by hand: no proposal (`-`), or a proposal whose computed week is the intended one (and
/// closes on public holidays when the line says « ; fériés fermés »). The measure is printed
/// (`--nocapture`) and quoted in `docs/src/animateurs/erreurs.md`.
#[test]
fn real_phrasings() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/horaires/phrases-reelles.txt");
    let text = std::fs::read_to_string(path).expect("the corpus");
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
    let monday = NaiveDate::from_ymd_opt(2026, 3, 2).expect("a Monday");
    let mut proposed = 0;
    for line in &lines {
        let (phrase, expected) = line.rsplit_once(" → ").expect("« phrase → semaine » or « phrase → - »");
        let phrase = phrase.replace("\\n", "\n");
        let proposal = propose(&phrase);
        println!("{phrase} → {}", proposal.as_deref().unwrap_or("(sans proposition)"));
        if expected == "-" {
            assert_eq!(proposal, None, "{phrase}");
            continue;
        }
        let value = proposal.unwrap_or_else(|| panic!("no proposal for {phrase}"));
        let (week, holidays_closed) = match expected.strip_suffix(" ; fériés fermés") {
            Some(week) => (week, true),
            None => (expected, false),
        };
        assert_eq!(computed(&value), intended(week), "{phrase} → {value}");
        let holidays = hours::week(&value, monday).expect("valid").holidays;
        assert_eq!(holidays.as_deref(), holidays_closed.then_some("Fermé les jours fériés"), "{phrase} → {value}");
        proposed += 1;
    }
    println!("{proposed} propositions pour {} phrases", lines.len());
    assert_eq!((proposed, lines.len()), (52, 70), "the figure of docs/src/animateurs/erreurs.md");
}

/// The `horaires` of the real exports (`data/exports/`) that are not OSM values: 7 of 1026, all
/// OSM with a slip (`Sa 17:00`, `12:00-14:00-17:00`, `14-17`), none French: no proposal, since
/// what was meant is a guess.
#[test]
fn exports_free_text_hours() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/exports");
    let (mut free_text, mut proposed) = (0, 0);
    for entry in std::fs::read_dir(dir).expect("the exports") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let places: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
        for value in places.iter().filter_map(|p| p.get("horaires").and_then(|h| h.as_str())) {
            if hours::parse(value).is_err() {
                free_text += 1;
                if let Some(proposal) = propose(value) {
                    assert!(hours::parse(&proposal).is_ok(), "{value} → {proposal}");
                    proposed += 1;
                }
            }
        }
    }
    assert_eq!((free_text, proposed), (7, 0));
}

proptest::proptest! {
    /// Any text, French words and signs mixed at random: the reader never panics, and what it
    /// proposes is always a value `check` accepts.
    #[test]
    fn any_text_gives_a_valid_proposal_or_none(
        words in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::sample::select(vec![
                    "lundi", "mar.", "Me", "jeudi", "ven", "samedi", "dimanche", "du", "au", "à", "de", "et", ",",
                    "/", "-", ";", "\n", ".", "h", "9h", "12h", "14 h 30", "17h00", "9:00", "midi", "matin",
                    "après-midi", "tous les jours", "7j/7", "fermé", "sauf", "jours fériés", "entre", "le",
                ]).prop_map(str::to_string),
                "[0-9hH: ,;/.-]{1,6}",
            ],
            0..14,
        )
    ) {
        let text = words.join(" ");
        if let Some(value) = propose(&text) {
            proptest::prop_assert!(hours::parse(&value).is_ok(), "{text:?} → {value}");
        }
    }
}

const DAY_WORDS: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

proptest::proptest! {
    /// « du <jour> au <jour> de <h>h<m> à <h>h<m> et de … à … »: always read, and the proposal's
    /// week is the one written, whatever the days and hours.
    #[test]
    fn any_range_of_days_and_hours_is_read_exactly(
        first in 0usize..7,
        last in 0usize..7,
        bounds in proptest::collection::btree_set(0u32..48, 4),
    ) {
        let [a, b, c, d]: [u32; 4] = bounds.into_iter().map(|half| half * 30).collect::<Vec<_>>().try_into().expect("four");
        let time = |m: u32| if m.is_multiple_of(60) { format!("{}h", m / 60) } else { format!("{}h{:02}", m / 60, m % 60) };
        let text = format!(
            "du {} au {} de {} à {} et de {} à {}",
            DAY_WORDS[first], DAY_WORDS[last], time(a), time(b), time(c), time(d)
        );
        let value = propose(&text);
        proptest::prop_assert!(value.is_some(), "{text}");
        let mut week = vec![Vec::new(); 7];
        let mut day = first;
        loop {
            week[day] = vec![(a, b), (c, d)];
            if day == last {
                break;
            }
            day = (day + 1) % 7;
        }
        proptest::prop_assert_eq!(computed(&value.expect("some")), week, "{}", text);
    }
}

/// How a generated rule says its days and half days.
#[derive(Debug, Clone, Copy)]
struct RuleForm {
    /// A run of days as « du lundi au jeudi », rather than a list.
    range: bool,
    /// « sauf le mercredi » before the hours, rather than after.
    except_first: bool,
    /// 0: no half day; 1: « matin »; 2: « après-midi »; 3: « le matin de …, l'après-midi de … »;
    /// 4: « lundi matin et mardi après-midi de … et de … ».
    half: usize,
}

/// A generated rule written in French.
struct Written {
    text: String,
    /// The days it opens, with their periods as the writer meant them.
    meant: Vec<(usize, Vec<(u32, u32)>)>,
    /// Whether its half days fit its hours (otherwise what was meant is a guess).
    fits: bool,
    /// Whether the reader must read it (« lundi matin et mardi après-midi… » need not).
    plain: bool,
    /// The day said « sauf » after the hours.
    except_after: Option<usize>,
}

/// A rule written in French from its days (sorted), periods and form.
fn written_rule(days: &[usize], periods: &[(u32, u32)], form: RuleForm) -> Written {
    let time = |m: u32| if m.is_multiple_of(60) { format!("{}h", m / 60) } else { format!("{}h{:02}", m / 60, m % 60) };
    let range = |(s, e): &(u32, u32)| format!("de {} à {}", time(*s), time(*e));
    let hours = periods.iter().map(range).collect::<Vec<_>>().join(" et ");
    let morning = |(_, end): &(u32, u32)| *end <= 13 * 60;
    let afternoon = |(start, _): &(u32, u32)| *start >= 12 * 60;
    let halves_fit = periods.len() == 2 && morning(&periods[0]) && afternoon(&periods[1]);
    if form.half == 4 && days.len() == 2 && periods.len() == 2 {
        return Written {
            text: format!("{} matin et {} après-midi {hours}", DAY_WORDS[days[0]], DAY_WORDS[days[1]]),
            meant: vec![(days[0], vec![periods[0]]), (days[1], vec![periods[1]])],
            fits: halves_fit,
            plain: false,
            except_after: None,
        };
    }
    let (first, last) = (days[0], days[days.len() - 1]);
    let run = days.len() >= 2 && form.range && last - first <= days.len();
    let except = if run { (first..=last).find(|d| !days.contains(d)) } else { None };
    let mut text = if run {
        format!("du {} au {}", DAY_WORDS[first], DAY_WORDS[last])
    } else {
        let names: Vec<&str> = days.iter().map(|d| DAY_WORDS[*d]).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
            _ => names.join(""),
        }
    };
    let fits = match form.half {
        1 => {
            text.push_str(" matin");
            periods.iter().all(morning)
        }
        2 => {
            text.push_str(" après-midi");
            periods.iter().all(afternoon)
        }
        3 if periods.len() == 2 => halves_fit,
        _ => true,
    };
    // « du lundi au vendredi sauf le mercredi, le matin… » is a doubt: « sauf » goes after.
    let except_first = form.except_first && form.half != 3;
    if let Some(day) = except.filter(|_| except_first) {
        text.push_str(&format!(" sauf le {}", DAY_WORDS[day]));
    }
    if form.half == 3 && periods.len() == 2 {
        text.push_str(&format!(", le matin {} et l'après-midi {}", range(&periods[0]), range(&periods[1])));
    } else {
        text.push_str(&format!(" {hours}"));
    }
    let except_after = except.filter(|_| !except_first);
    if let Some(day) = except_after {
        text.push_str(&format!(" sauf le {}", DAY_WORDS[day]));
    }
    let meant = days.iter().map(|d| (*d, periods.to_vec())).collect();
    Written { text, meant, fits, plain: true, except_after }
}

fn rule_form() -> impl Strategy<Value = RuleForm> {
    (proptest::bool::ANY, proptest::bool::ANY, 0usize..5).prop_map(|(range, except_first, half)| RuleForm {
        range,
        except_first,
        half,
    })
}

/// Increasing times from half hours in `range`, paired into periods.
fn periods(range: std::ops::Range<u32>, count: usize) -> impl Strategy<Value = Vec<(u32, u32)>> {
    proptest::collection::btree_set(range, count * 2).prop_map(|bounds| {
        let minutes: Vec<u32> = bounds.into_iter().map(|half_hour| half_hour * 30).collect();
        minutes.chunks(2).map(|pair| (pair[0], pair[1])).collect()
    })
}

/// The periods of a rule in its form: mostly hours that fit its half days (a morning from
/// 0h to 11h30, an afternoon from 12h), sometimes any hours.
fn rule_hours(form: RuleForm) -> impl Strategy<Value = Vec<(u32, u32)>> {
    let any = proptest::prop_oneof![periods(0..48, 1), periods(0..48, 2)];
    let fitting = match form.half {
        0 => any.clone().boxed(),
        1 => periods(0..24, 1).boxed(),
        2 => periods(24..48, 1).boxed(),
        _ => (periods(0..24, 1), periods(24..48, 1))
            .prop_map(|(morning, afternoon)| [morning, afternoon].concat())
            .boxed(),
    };
    proptest::prop_oneof![4 => fitting, 1 => any]
}

fn rule() -> impl Strategy<Value = (RuleForm, Vec<(u32, u32)>)> {
    rule_form().prop_flat_map(|form| (proptest::strategy::Just(form), rule_hours(form)))
}

proptest::proptest! {
    /// Up to three rules on distinct days, each written as a list or a run of days, with or
    /// without « sauf », « matin », « après-midi » (fitting their hours or not), joined by « ; »,
    /// « , », « et » or « . »: a proposal is always the week the writer meant, and the plain
    /// forms are always read. Half days that do not fit their hours, or that belong to one day
    /// of a pair (« lundi matin et mardi après-midi de … et de … »), give no proposal.
    #[test]
    fn any_week_of_rules_is_read_exactly_or_not_at_all(
        owners in proptest::collection::vec(0usize..4, 7),
        rules in proptest::collection::vec(rule(), 3),
        separator in proptest::sample::select(vec![" ; ", ", ", " et ", ". "]),
    ) {
        let mut texts = Vec::new();
        let mut week = vec![Vec::new(); 7];
        let (mut all_fit, mut must_read) = (true, true);
        let mut previous_except: Option<usize> = None;
        for rule in 1..4 {
            let days: Vec<usize> = (0..7).filter(|d| owners[*d] == rule).collect();
            if days.is_empty() {
                continue;
            }
            let (form, hours) = &rules[rule - 1];
            let written = written_rule(&days, hours, *form);
            // « …sauf le mercredi, mercredi de 14h à 17h »: the same day said twice, a doubt.
            if previous_except == Some(days[0]) && [", ", " et "].contains(&separator) {
                must_read = false;
            }
            previous_except = written.except_after;
            texts.push(written.text);
            for (day, periods) in written.meant {
                week[day] = periods;
            }
            all_fit &= written.fits;
            must_read &= written.plain;
        }
        proptest::prop_assume!(!texts.is_empty());
        let text = texts.join(separator);
        let proposal = propose(&text);
        if !all_fit {
            proptest::prop_assert_eq!(proposal, None, "{}", text);
        } else if let Some(value) = proposal {
            proptest::prop_assert_eq!(computed(&value), week, "{} → {}", text, value);
        } else {
            proptest::prop_assert!(!must_read, "no proposal for {}", text);
        }
    }
}
