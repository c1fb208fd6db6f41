//! Opening hours and dates in plain French.
//!
//! `horaires` values are OSM `opening_hours` strings, parsed by the `opening-hours` crate. The
//! week table is the schedule of the build date's week (Monday to Sunday) without public
//! holidays; what happens on public holidays (`PH`) is said on a line of its own, computed on
//! 1 May (always a public holiday in France).
//!
//! An entry's dated closures (`fermetures`) change its days through [`Calendar`] alone: on a
//! day of a closure the entry is closed, or open on the hours that replace the usual ones.
//! The table's days and the upcoming periods follow them; the summary and the regular week
//! (schema.org's weekly hours, the calendars' weekly rules) stay the usual hours.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use opening_hours::localization::Country;
use opening_hours::{Context, OpeningHours, RuleKind};
use opening_hours_syntax::ExtendedTime;
use serde::Serialize;

use crate::model::{Closure, Session};

/// French day names, Monday first.
pub(crate) const DAY_NAMES: [&str; 7] = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"];
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// One day of the week table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Day {
    /// "Lundi".
    pub name: &'static str,
    /// Open periods, e.g. `["9 h – 12 h", "14 h – 17 h"]`; empty when closed.
    pub ranges: Vec<String>,
    /// The ranges joined ("9 h – 12 h et 14 h – 17 h"), or "Fermé".
    pub text: String,
}

/// A week of opening hours in French.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Week {
    /// Monday to Sunday.
    pub days: Vec<Day>,
    /// Consecutive days with the same hours grouped: "Lundi au vendredi : 9 h – 12 h", "Fermé le dimanche".
    pub summary: Vec<String>,
    /// "Fermé les jours fériés", "Jours fériés : 10 h – 12 h", or nothing when `PH` is not mentioned.
    pub holidays: Option<String>,
    /// The open periods of the [`UPCOMING_DAYS`] days from the build date, public holidays
    /// included, as minutes from each day's midnight (an end after 1440 runs past midnight):
    /// what a browser needs to say "open now, closes at 5 pm" at the time it is read.
    pub upcoming: Vec<Vec<(u32, u32)>>,
    /// The open periods of the days of [`Week::days`] (Monday to Sunday of the build's week,
    /// public holidays not applied), in minutes as in `upcoming`: the regular week, for
    /// schema.org's `openingHoursSpecification`. Periods marked "unknown" are left out.
    pub regular: Vec<Vec<(u32, u32)>>,
}

/// Days of opening periods given to the browser: the site is rebuilt at least that often.
pub(crate) const UPCOMING_DAYS: u32 = 14;

/// A problem in an `horaires` value, and the character column (0-based) in the value where it
/// starts. Data only: `diagnostic::hours` words it in French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursError {
    /// What is wrong.
    pub problem: HoursProblem,
    /// Character offset in the value where the problem starts.
    pub column: usize,
}

/// What is wrong with an `horaires` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HoursProblem {
    /// Days or hours written the French way ("lundi 9h-12h", "Lu-Ve").
    FrenchSpelling,
    /// The value stops in the middle of a rule.
    EndsEarly,
    /// The grammar does not allow what starts at the column; `from` is the next 20 characters.
    Unexpected {
        /// The text from the column on.
        from: String,
    },
    /// A form of the OSM syntax the parser reads but cannot compute (its own English words).
    Unsupported {
        /// The parser's name for the feature.
        feature: &'static str,
    },
    /// A number out of its range (a day of month of 32, a week of 54).
    OutOfRange {
        /// The number written.
        value: i16,
        /// The smallest allowed.
        min: i16,
        /// The largest allowed.
        max: i16,
    },
    /// A time past 48:00.
    TimeTooLate {
        /// Hours.
        hour: u8,
        /// Minutes.
        minute: u8,
    },
    /// A range of years or weeks written end first ("2027-2026").
    Reversed {
        /// The start as written.
        start: i32,
        /// The end as written.
        end: i32,
    },
    /// The parser contradicted itself (a bug of the `opening-hours` crate).
    Internal,
}

/// Parses an OSM `opening_hours` value.
pub fn parse(value: &str) -> Result<OpeningHours, HoursError> {
    use opening_hours_syntax::Error as E;
    value.parse::<OpeningHours>().map_err(|e| {
        let problem = match e {
            E::Syntax(pest_error) => {
                let column = match pest_error.line_col {
                    pest::error::LineColLocation::Pos((_, c)) | pest::error::LineColLocation::Span((_, c), _) => c - 1,
                };
                let from: String = value.chars().skip(column).take(20).collect();
                let problem = if looks_french(value) {
                    HoursProblem::FrenchSpelling
                } else if from.is_empty() {
                    HoursProblem::EndsEarly
                } else {
                    HoursProblem::Unexpected { from }
                };
                return HoursError { problem, column };
            }
            E::Unsupported(feature) => HoursProblem::Unsupported { feature },
            E::Overflow { value, expected_bounds } => {
                HoursProblem::OutOfRange { value, min: *expected_bounds.start(), max: *expected_bounds.end() }
            }
            E::InvalidExtendedTime { hour, minutes } => HoursProblem::TimeTooLate { hour, minute: minutes },
            E::InvertedYearRange { start, end, .. } => HoursProblem::Reversed { start: *start, end: *end },
            E::InvertedWeekRange { start, end, .. } => {
                HoursProblem::Reversed { start: i32::from(*start), end: i32::from(*end) }
            }
            E::GrammarUnexpectedToken { .. } | E::GrammarLogic { .. } => HoursProblem::Internal,
        };
        HoursError { problem, column: 0 }
    })
}

/// Hours written the French way ("lundi 9h-12h", "Lu-Ve 9h30") rather than in OSM syntax.
fn looks_french(value: &str) -> bool {
    let lower = value.to_lowercase();
    let words = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "férié", "ferie"];
    let short_days =
        lower.split(|c: char| !c.is_alphabetic()).any(|w| matches!(w, "lu" | "ma" | "me" | "je" | "ve" | "di"));
    let french_time = lower.as_bytes().windows(2).any(|w| w[0].is_ascii_digit() && w[1] == b'h');
    words.iter().any(|w| lower.contains(w)) || short_days || french_time
}

/// The Monday of the week holding `date`.
pub(crate) fn monday(date: NaiveDate) -> NaiveDate {
    date - Duration::days(date.weekday().num_days_from_monday().into())
}

/// The week table of a valid `horaires` value, for the week holding `today`.
pub fn week(value: &str, today: NaiveDate) -> Option<Week> {
    week_with(value, &[], today)
}

/// The week of a valid `horaires` value as `closures` change it: the table's days and the
/// upcoming days follow the closures (closed, or the hours that replace the usual ones); the
/// summary, the public holidays' line and the regular week stay the usual hours.
pub(crate) fn week_with(value: &str, closures: &[Closure], today: NaiveDate) -> Option<Week> {
    let hours = parse(value).ok()?;
    let monday = monday(today);
    let plain = Calendar::new(Some(value), closures, false)?;
    let day = |i: i64, ranges: Vec<String>| {
        let text = if ranges.is_empty() { "Fermé".to_string() } else { join_et(&ranges) };
        Day { name: DAY_NAMES[i as usize], ranges, text }
    };
    let usual: Vec<Day> = (0..7).map(|i| day(i, open_ranges(&hours, monday + Duration::days(i)))).collect();
    let summary = summarise(&usual);
    let days = (0..7)
        .map(|i| {
            let date = monday + Duration::days(i);
            let (applying, closure) = plain.on(date);
            let mut day = day(i, applying.map(|h| open_ranges(h, date)).unwrap_or_default());
            if let Some(closure) = closure {
                day.text = match (&closure.horaires, &closure.motif) {
                    (None, Some(motif)) => format!("Fermé ({})", lowercase_first(motif.trim_end_matches(['.', ' ']))),
                    (None, None) => "Fermé exceptionnellement".to_string(),
                    (Some(_), _) => format!("{} (horaires modifiés)", day.text),
                };
            }
            day
        })
        .collect();
    let holidays = value.contains("PH").then(|| {
        let may_day = NaiveDate::from_ymd_opt(today.year() + 1, 5, 1).expect("1 May exists");
        let with_holidays = hours.clone().with_context(Context::default().with_holidays(Country::FR.holidays()));
        let ranges = open_ranges(&with_holidays, may_day);
        if ranges.is_empty() {
            "Fermé les jours fériés".to_string()
        } else {
            format!("Jours fériés : {}", join_et(&ranges))
        }
    });
    let regular = (0..7).map(|i| open_periods(&hours, monday + Duration::days(i))).collect();
    let calendar = Calendar::new(Some(value), closures, true)?;
    let upcoming = (0..UPCOMING_DAYS).map(|i| calendar.periods(today + Duration::days(i.into()))).collect();
    Some(Week { days, summary, holidays, upcoming, regular })
}

/// The hours of an entry day by day: its usual hours, or during one of its closures the hours
/// that replace them, or none (closed). Everything that says when an entry is open (the week
/// table, « ouvert maintenant », the filters, the map, `/orienter/`, the calendars) asks it.
pub(crate) struct Calendar<'a> {
    /// The usual hours; `None` for an offer of dated sessions.
    usual: Option<OpeningHours>,
    /// Each closure, with its replacement hours parsed.
    closures: Vec<(&'a Closure, Option<OpeningHours>)>,
}

impl<'a> Calendar<'a> {
    /// The calendar of `usual` hours and `closures`, French public holidays applied when
    /// `holidays` (the week table shows the week without them). `None` when a value does not
    /// parse (validation reported it).
    pub(crate) fn new(usual: Option<&str>, closures: &'a [Closure], holidays: bool) -> Option<Calendar<'a>> {
        let read = |value: &str| {
            let hours = parse(value).ok()?;
            Some(if holidays {
                hours.with_context(Context::default().with_holidays(Country::FR.holidays()))
            } else {
                hours
            })
        };
        let usual = match usual {
            Some(value) => Some(read(value)?),
            None => None,
        };
        let closures = closures
            .iter()
            .map(|c| match &c.horaires {
                Some(value) => read(value).map(|h| (c, Some(h))),
                None => Some((c, None)),
            })
            .collect::<Option<_>>()?;
        Some(Calendar { usual, closures })
    }

    /// The hours that apply on `date` (`None`: closed all day), and the closure that sets them.
    pub(crate) fn on(&self, date: NaiveDate) -> (Option<&OpeningHours>, Option<&'a Closure>) {
        match self.closures.iter().find(|(c, _)| c.covers(date)) {
            Some((closure, replacement)) => (replacement.as_ref(), Some(*closure)),
            None => (self.usual.as_ref(), None),
        }
    }

    /// The periods `date` is open for sure, in minutes from midnight (an end after 1440 runs
    /// past midnight).
    pub(crate) fn periods(&self, date: NaiveDate) -> Vec<(u32, u32)> {
        self.on(date).0.map(|hours| open_periods(hours, date)).unwrap_or_default()
    }

    /// True when a session from `start` to `end` (minutes from midnight) on `date` falls in a
    /// closure: on a closed day, or outside the hours that replace the usual ones.
    pub(crate) fn cancels(&self, date: NaiveDate, start: u32, end: u32) -> bool {
        match self.on(date) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(hours), Some(_)) => !open_periods(hours, date).iter().any(|&(s, e)| s <= start && end <= e),
        }
    }
}

/// The French public holidays from `from` to `to`, both included.
pub(crate) fn public_holidays(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let holidays = Country::FR.holidays();
    holidays.get_public().iter().filter(|d| from <= *d && *d <= to).collect()
}

/// True when `session` falls in one of `closures` ([`Calendar::cancels`]): it does not take
/// place.
pub(crate) fn session_cancelled(closures: &[Closure], session: &Session) -> bool {
    use chrono::Timelike;
    let minutes = |t: NaiveTime| t.hour() * 60 + t.minute();
    Closure::on(closures, session.date).is_some()
        && Calendar::new(None, closures, true)
            .is_some_and(|c| c.cancels(session.date, minutes(session.debut), minutes(session.fin)))
}

/// True when one of `closures` shows in the week table or the upcoming days of `today`'s
/// build: from the Monday of its week to the last upcoming day.
pub(crate) fn closures_touch(closures: &[Closure], today: NaiveDate) -> bool {
    let (first, last) = (monday(today), today + Duration::days(i64::from(UPCOMING_DAYS) - 1));
    closures.iter().any(|c| c.du <= last && first <= c.au)
}

/// The periods a day is open for sure, in minutes from midnight.
fn open_periods<L: opening_hours::localization::Localize>(hours: &OpeningHours<L>, date: NaiveDate) -> Vec<(u32, u32)> {
    hours
        .schedule_at(date)
        .into_iter()
        .filter(|r| r.kind == RuleKind::Open)
        .map(|r| (u32::from(r.range.start.mins_from_midnight()), u32::from(r.range.end.mins_from_midnight())))
        .collect()
}

fn open_ranges<L: opening_hours::localization::Localize>(hours: &OpeningHours<L>, date: NaiveDate) -> Vec<String> {
    hours
        .schedule_at(date)
        .into_iter()
        .filter(|r| r.kind != RuleKind::Closed)
        .map(|r| {
            let all_day = r.range.start.mins_from_midnight() == 0 && r.range.end.mins_from_midnight() >= 24 * 60;
            let mut text = if all_day {
                "toute la journée".to_string()
            } else {
                format!("{} – {}", extended_time(r.range.start), extended_time(r.range.end))
            };
            if r.kind == RuleKind::Unknown && r.comment.is_empty() {
                text.push_str(" (à confirmer)");
            }
            if !r.comment.is_empty() {
                text.push_str(&format!(" ({})", r.comment));
            }
            text
        })
        .collect()
}

fn extended_time(t: ExtendedTime) -> String {
    match (t.hour(), t.minute()) {
        (0 | 24, 0) => "minuit".to_string(),
        (h, 0) => format!("{}\u{a0}h", h % 24),
        (h, m) => format!("{}\u{a0}h\u{a0}{m:02}", h % 24),
    }
}

/// "9 h", "9 h 30", "minuit": a time as people say it, with no-break spaces (French
/// typography: "18 h" never splits at the end of a line).
pub(crate) fn format_time(t: NaiveTime) -> String {
    use chrono::Timelike;
    match (t.hour(), t.minute()) {
        (0, 0) => "minuit".to_string(),
        (h, 0) => format!("{h}\u{a0}h"),
        (h, m) => format!("{h}\u{a0}h\u{a0}{m:02}"),
    }
}

/// "a", "a et b", "a, b et c".
pub(crate) fn join_et(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} et {last}", rest.join(", ")),
    }
}

fn summarise(days: &[Day]) -> Vec<String> {
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for (i, day) in days.iter().enumerate() {
        match groups.last_mut() {
            Some((_, end)) if days[*end].text == day.text => *end = i,
            _ => groups.push((i, i)),
        }
    }
    let name = |i: usize| DAY_NAMES[i].to_lowercase();
    groups
        .into_iter()
        .map(|(start, end)| {
            let closed = days[start].ranges.is_empty();
            let span = match end - start {
                0 if closed => format!("le {}", name(start)),
                0 => DAY_NAMES[start].to_string(),
                1 if closed => format!("le {} et le {}", name(start), name(end)),
                1 => format!("{} et {}", DAY_NAMES[start], name(end)),
                _ if closed => format!("du {} au {}", name(start), name(end)),
                _ => format!("{} au {}", DAY_NAMES[start], name(end)),
            };
            if closed && end - start == 6 {
                // Seasonal hours, or every other week: none this week.
                return "Fermé toute la semaine".to_string();
            }
            if closed { format!("Fermé {span}") } else { format!("{span} : {}", days[start].text) }
        })
        .collect()
}

/// "3 mars 2026", "1er décembre 2026".
pub(crate) fn format_date(date: NaiveDate) -> String {
    let day = if date.day() == 1 { "1er".to_string() } else { date.day().to_string() };
    format!("{day} {} {}", MONTHS[date.month0() as usize], date.year())
}

/// "mardi 1er décembre 2026".
pub(crate) fn format_date_with_weekday(date: NaiveDate) -> String {
    let weekday = DAY_NAMES[date.weekday().num_days_from_monday() as usize].to_lowercase();
    format!("{weekday} {}", format_date(date))
}

/// « Congés de fin d'année » → « congés de fin d'année », to follow a colon; a word in capitals
/// (« CAF ») keeps them.
pub(crate) fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(std::iter::once(second)).chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The week of `value`, its no-break spaces written as spaces (easier to read in tests).
    fn week(value: &str, today: NaiveDate) -> Option<Week> {
        let plain = |text: &str| text.replace('\u{a0}', " ");
        super::week(value, today).map(|mut w| {
            w.summary = w.summary.iter().map(|l| plain(l)).collect();
            w.holidays = w.holidays.as_deref().map(plain);
            for day in &mut w.days {
                day.text = plain(&day.text);
                day.ranges = day.ranges.iter().map(|r| plain(r)).collect();
            }
            w
        })
    }

    #[test]
    fn times_do_not_split_at_the_end_of_a_line() {
        let week = super::week("Mo 09:30-18:00", date(2026, 11, 25)).unwrap();
        assert_eq!(week.days[0].text, "9\u{a0}h\u{a0}30 – 18\u{a0}h");
        assert_eq!(format_time(NaiveTime::from_hms_opt(14, 0, 0).unwrap()), "14\u{a0}h");
    }

    #[test]
    fn week_table_in_french() {
        let week = week("Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:30-12:00; PH off", date(2026, 11, 25)).unwrap();
        assert_eq!(week.days[0].text, "9 h – 12 h et 14 h – 17 h 30");
        assert_eq!(week.days[5].text, "9 h 30 – 12 h");
        assert_eq!(week.days[6].text, "Fermé");
        assert_eq!(
            week.summary,
            ["Lundi au vendredi : 9 h – 12 h et 14 h – 17 h 30", "Samedi : 9 h 30 – 12 h", "Fermé le dimanche"]
        );
        assert_eq!(week.holidays.as_deref(), Some("Fermé les jours fériés"));
    }

    #[test]
    fn public_holiday_hours_and_absent_ph() {
        let week = week("Mo-Sa 10:00-18:00; PH 10:00-12:00", date(2026, 11, 25)).unwrap();
        assert_eq!(week.holidays.as_deref(), Some("Jours fériés : 10 h – 12 h"));
        assert_eq!(super::week("Tu 14:00-16:00", date(2026, 11, 25)).unwrap().holidays, None);
    }

    #[test]
    fn all_day() {
        assert_eq!(week("24/7", date(2026, 11, 25)).unwrap().summary, ["Lundi au dimanche : toute la journée"]);
    }

    #[test]
    fn errors_point_into_the_value() {
        let err = parse("Mo-Fr 09:00-12:00;; Sa").unwrap_err();
        assert!(err.column > 0, "{err:?}");
        assert!(matches!(err.problem, HoursProblem::Unexpected { .. }), "{err:?}");
        assert!(parse("le matin").is_err());
    }

    #[test]
    fn french_hours_get_the_osm_spelling() {
        for value in ["lundi 9h-12h", "Mo-Fr 9h-12h", "Lu-Ve 09:00-12:00"] {
            let err = parse(value).unwrap_err();
            assert_eq!(err.problem, HoursProblem::FrenchSpelling, "{value}");
        }
    }

    #[test]
    fn dates_in_french() {
        assert_eq!(format_date(date(2026, 3, 3)), "3 mars 2026");
        assert_eq!(format_date_with_weekday(date(2026, 12, 1)), "mardi 1er décembre 2026");
    }

    /// Real-world values (from the national cartography's data and OSM) and how they read.
    #[test]
    fn real_world_values_read_plainly() {
        let cases: &[(&str, &[&str], Option<&str>)] = &[
            (
                "Mo-Fr 08:30-12:00,13:30-17:00",
                &["Lundi au vendredi : 8 h 30 – 12 h et 13 h 30 – 17 h", "Fermé le samedi et le dimanche"],
                None,
            ),
            (
                "Tu,Th 14:00-18:00; We 09:00-12:00",
                &[
                    "Fermé le lundi",
                    "Mardi : 14 h – 18 h",
                    "Mercredi : 9 h – 12 h",
                    "Jeudi : 14 h – 18 h",
                    "Fermé du vendredi au dimanche",
                ],
                None,
            ),
            ("Mo-Sa 10:00-19:00; Su 10:00-13:00", &["Lundi au samedi : 10 h – 19 h", "Dimanche : 10 h – 13 h"], None),
            (
                "Mo-Fr 09:00-12:00; PH off",
                &["Lundi au vendredi : 9 h – 12 h", "Fermé le samedi et le dimanche"],
                Some("Fermé les jours fériés"),
            ),
            (
                "Mo 14:00-18:00; Tu-Fr 10:00-12:00,14:00-18:00; Sa 10:00-12:00",
                &[
                    "Lundi : 14 h – 18 h",
                    "Mardi au vendredi : 10 h – 12 h et 14 h – 18 h",
                    "Samedi : 10 h – 12 h",
                    "Fermé le dimanche",
                ],
                None,
            ),
            (
                "We 14:00-17:00; Sa 09:30-12:30",
                &[
                    "Fermé le lundi et le mardi",
                    "Mercredi : 14 h – 17 h",
                    "Fermé le jeudi et le vendredi",
                    "Samedi : 9 h 30 – 12 h 30",
                    "Fermé le dimanche",
                ],
                None,
            ),
            // Seasonal: the week of the build (November) follows the rest-of-year rule.
            (
                "Mo-Fr 09:00-17:00; Jul,Aug Mo-Fr 09:00-12:00",
                &["Lundi au vendredi : 9 h – 17 h", "Fermé le samedi et le dimanche"],
                None,
            ),
            ("Jul-Aug Mo-Fr 09:00-12:00", &["Fermé toute la semaine"], None),
            (
                "Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:00; PH off",
                &["Lundi au vendredi : 9 h – 12 h 30 et 13 h 30 – 17 h", "Samedi : 9 h – 12 h", "Fermé le dimanche"],
                Some("Fermé les jours fériés"),
            ),
            (
                "Mo-We,Fr 09:00-12:00; Th 13:30-18:30",
                &[
                    "Lundi au mercredi : 9 h – 12 h",
                    "Jeudi : 13 h 30 – 18 h 30",
                    "Vendredi : 9 h – 12 h",
                    "Fermé le samedi et le dimanche",
                ],
                None,
            ),
            ("Mo-Su 00:00-24:00", &["Lundi au dimanche : toute la journée"], None),
            (
                "Tu-Sa 10:00-18:00; Dec 24 10:00-16:00",
                &["Fermé le lundi", "Mardi au samedi : 10 h – 18 h", "Fermé le dimanche"],
                None,
            ),
            (
                "Mo-Fr 09:00-12:00; Sa 10:00-12:00 \"sur rendez-vous\"",
                &["Lundi au vendredi : 9 h – 12 h", "Samedi : 10 h – 12 h (sur rendez-vous)", "Fermé le dimanche"],
                None,
            ),
            (
                "Mo,We,Fr 14:00-18:00; Sa 10:00-13:00; PH 10:00-12:00",
                &[
                    "Lundi : 14 h – 18 h",
                    "Fermé le mardi",
                    "Mercredi : 14 h – 18 h",
                    "Fermé le jeudi",
                    "Vendredi : 14 h – 18 h",
                    "Samedi : 10 h – 13 h",
                    "Fermé le dimanche",
                ],
                Some("Jours fériés : 10 h – 12 h"),
            ),
            (
                "Mo-Fr 08:00-18:00; Dec 25 off",
                &["Lundi au vendredi : 8 h – 18 h", "Fermé le samedi et le dimanche"],
                None,
            ),
            // Every other week: none this one (week 48 is even).
            ("week 1-53/2 Mo 09:00-12:00", &["Fermé toute la semaine"], None),
        ];
        for (value, summary, holidays) in cases {
            let week = week(value, date(2026, 11, 25)).unwrap_or_else(|| panic!("{value}"));
            assert_eq!(week.summary, *summary, "{value}");
            assert_eq!(week.holidays.as_deref(), *holidays, "{value}");
        }
    }

    #[test]
    fn upcoming_days_give_open_periods_in_minutes() {
        // Closing at 17:00 is minute 1020: the browser treats the end as excluded.
        let upcoming = week("Mo-Fr 09:00-17:00", date(2026, 11, 25)).unwrap().upcoming;
        assert_eq!(upcoming.len(), UPCOMING_DAYS as usize);
        assert_eq!(upcoming[0], [(540, 1020)]); // Wednesday
        assert_eq!(upcoming[3], []); // Saturday
    }

    #[test]
    fn upcoming_days_honour_french_public_holidays() {
        let upcoming = week("Mo-Fr 09:00-12:00; PH off", date(2026, 12, 20)).unwrap().upcoming;
        assert_eq!(upcoming[4], [(540, 720)]); // Thursday 24 December
        assert_eq!(upcoming[5], []); // Christmas
        assert_eq!(upcoming[12], []); // 1 January
        assert_eq!(upcoming[11], [(540, 720)]); // Thursday 31 December
    }

    #[test]
    fn upcoming_days_split_periods_at_midnight() {
        let upcoming = week("Fr 22:00-02:00", date(2026, 11, 27)).unwrap().upcoming;
        assert_eq!(upcoming[0], [(1320, 1440)]); // Friday until midnight…
        assert_eq!(upcoming[1], [(0, 120)]); // …then Saturday until 2 am
    }

    #[test]
    fn upcoming_days_follow_seasons() {
        let upcoming = week("Dec Mo-Fr 09:00-12:00", date(2026, 11, 25)).unwrap().upcoming;
        assert!(upcoming[..6].iter().all(Vec::is_empty), "November");
        assert_eq!(upcoming[6], [(540, 720)]); // Tuesday 1 December
    }

    fn closure(du: NaiveDate, au: NaiveDate, horaires: Option<&str>) -> Closure {
        Closure { du, au, motif: Some("Congés".into()), horaires: horaires.map(str::to_string) }
    }

    #[test]
    fn a_closure_closes_from_its_first_day_to_its_last_included() {
        let closures = [closure(date(2026, 12, 2), date(2026, 12, 4), None)];
        let calendar = Calendar::new(Some("Mo-Fr 09:00-12:00"), &closures, true).unwrap();
        assert_eq!(calendar.periods(date(2026, 12, 1)), [(540, 720)], "the day before");
        for day in 2..=4 {
            assert_eq!(calendar.periods(date(2026, 12, day)), [], "1{day} December");
        }
        assert_eq!(calendar.periods(date(2026, 12, 7)), [(540, 720)], "the Monday after");
        let (hours, by) = calendar.on(date(2026, 12, 4));
        assert!(hours.is_none() && by == Some(&closures[0]));
    }

    #[test]
    fn replacement_hours_apply_during_the_closure_only() {
        let closures = [closure(date(2027, 2, 15), date(2027, 2, 19), Some("Mo-Fr 14:00-17:00"))];
        let calendar = Calendar::new(Some("Mo-Fr 09:00-12:00"), &closures, true).unwrap();
        assert_eq!(calendar.periods(date(2027, 2, 12)), [(540, 720)]);
        assert_eq!(calendar.periods(date(2027, 2, 15)), [(840, 1020)]);
        assert_eq!(calendar.periods(date(2027, 2, 19)), [(840, 1020)]);
        assert_eq!(calendar.periods(date(2027, 2, 22)), [(540, 720)]);
        // A session in the morning is cancelled; one within the new hours is held.
        assert!(calendar.cancels(date(2027, 2, 16), 540, 660));
        assert!(!calendar.cancels(date(2027, 2, 16), 900, 960));
        assert!(!calendar.cancels(date(2027, 2, 22), 540, 660));
    }

    #[test]
    fn public_holidays_still_apply_to_replacement_hours() {
        // 1 January 2027 is a Friday, in the closure; its hours say `PH off`.
        let closures = [closure(date(2026, 12, 28), date(2027, 1, 8), Some("Mo-Fr 14:00-17:00; PH off"))];
        let calendar = Calendar::new(Some("Mo-Fr 09:00-12:00; PH off"), &closures, true).unwrap();
        assert_eq!(calendar.periods(date(2026, 12, 31)), [(840, 1020)]);
        assert_eq!(calendar.periods(date(2027, 1, 1)), []);
        // The usual hours close on public holidays too: Christmas, outside the closure.
        assert_eq!(calendar.periods(date(2026, 12, 25)), []);
        // The week table's calendar does not apply them (a line of its own says so).
        let plain = Calendar::new(Some("Mo-Fr 09:00-12:00; PH off"), &[], false).unwrap();
        assert_eq!(plain.periods(date(2026, 12, 25)), [(540, 720)]);
    }

    #[test]
    fn the_week_shows_closures_in_its_days_and_upcoming_periods() {
        let closures = [
            closure(date(2026, 11, 26), date(2026, 11, 27), None),
            Closure { motif: None, ..closure(date(2026, 12, 3), date(2026, 12, 3), Some("Th 14:00-16:00")) },
        ];
        let week = week_with("Mo-Fr 09:00-12:00", &closures, date(2026, 11, 25)).unwrap();
        assert_eq!(week.summary[0].replace('\u{a0}', " "), "Lundi au vendredi : 9 h – 12 h", "the usual hours");
        assert_eq!(week.days[3].text, "Fermé (congés)");
        assert!(week.days[3].ranges.is_empty());
        assert_eq!(week.days[2].text.replace('\u{a0}', " "), "9 h – 12 h");
        assert_eq!(week.regular[3], [(540, 720)], "the regular week stays the usual one");
        assert_eq!(week.upcoming[1], [], "Thursday 26");
        assert_eq!(week.upcoming[2], [], "Friday 27");
        assert_eq!(week.upcoming[5], [(540, 720)], "Monday 30");
        assert_eq!(week.upcoming[8], [(840, 960)], "Thursday 3 December, other hours");
        assert!(closures_touch(&closures, date(2026, 11, 25)));
        assert!(!closures_touch(&closures, date(2026, 12, 21)));
    }
}
