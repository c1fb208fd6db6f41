//! Opening hours written the French way (« du lundi au vendredi de 9h à 12h et de 14h à 17h »)
//! read into the OSM `opening_hours` value that says the same week (`Mo-Fr 09:00-12:00,14:00-17:00`).
//!
//! The value is a proposal, never a conversion: `check` puts it in the help of its `horaires`
//! error and `resin import` in its report, and the field stays an error until the animator
//! writes it (issue 21). So the reader says nothing when it is unsure: an unknown word (« sur
//! rendez-vous », « en période scolaire », a month), a time alone (« à partir de 9h »), a half day
//! without its hours (« lundi matin »), a day named by two rules, overlapping hours — every
//! doubt gives `None`. The proposal is built from the week the text describes, then checked by
//! the `opening-hours` crate; the tests compute each proposal's week again and compare.

use crate::hours;

/// The longest text read: the longest real phrasing of the tests is under 300 characters.
const MAX_CHARS: usize = 500;

/// Days, Monday first, as OSM writes them.
const OSM_DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// A word or sign of a French opening-hours text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// A day of the week, 0 for Monday.
    Day(usize),
    /// A time in minutes from midnight; `explicit` when written as a time (« 9h », « 9:00 »,
    /// « midi »), not a bare number (the 9 of « de 9 à 12h »).
    Time { minutes: u32, explicit: bool },
    /// « à », « au », « - », « jusqu'à »: the end of a range follows.
    To,
    /// « et », « , », « / », « & »: a list goes on.
    And,
    /// « ; », a new line, the end of a sentence: a new rule.
    Rule,
    /// « fermé », « fermeture ».
    Closed,
    /// « sauf », « excepté ».
    Except,
    /// « tous les jours », « 7j/7 ».
    AllDays,
    /// « jours fériés ».
    Holidays,
    /// « matin », « matinée ».
    Morning,
    /// « après-midi ».
    Afternoon,
    /// « entre » (« entre 9h et 12h »): the next « et » ends a range.
    Between,
    /// Words that say nothing of the week (« de », « le », « ouvert »).
    Filler,
}

/// The OSM value that says the same week as a French text, when the text is read without doubt.
pub(crate) fn propose(text: &str) -> Option<String> {
    // Hours fit in a few lines; a longer text is something else (and is not read at all).
    if text.chars().count() > MAX_CHARS {
        return None;
    }
    let tokens = tokenize(text)?;
    let (week, holidays_off) = read_week(&tokens)?;
    let value = osm_value(&week, holidays_off)?;
    // The proposal must be a value `check` accepts: never propose what would be refused.
    hours::parse(&value).ok()?;
    Some(value)
}

/// The week a text describes: open periods per day, Monday first.
type Periods = [Vec<Period>; 7];

/// An open period: start and end, in minutes from midnight.
type Period = (u32, u32);

/// Splits a text into tokens; `None` at the first word that is not understood.
fn tokenize(text: &str) -> Option<Vec<Token>> {
    let plain = text
        .replace(['\n', '\r'], ";")
        .replace(['–', '—', '‑', '−'], "-")
        .replace(['’', '‘', 'ʼ'], "'")
        .replace(['«', '»', '"'], " ");
    let folded = deunicode::deunicode(&plain).to_lowercase();
    let chars: Vec<char> = folded.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c == '\'' || c == ':' || c == '(' || c == ')' {
            i += 1;
        } else if c.is_ascii_digit() {
            let (token, next) = time(&chars, i)?;
            tokens.push(token);
            i = next;
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            // « 7j/7 » and « 7/7 » are read before: here a word is letters only.
            let token = word_token(&word)?;
            // « lun. », « ven. »: the dot of an abbreviation is no end of sentence.
            if matches!(token, Token::Day(_)) && word.len() <= 3 && chars.get(i) == Some(&'.') {
                i += 1;
            }
            // « tous les jours » is every day; « tous les mercredis » every Wednesday.
            let rest: String = chars[i..chars.len().min(i + 12)].iter().collect();
            if word == "tous" {
                if rest.trim_start().trim_start_matches("les").trim_start().starts_with("jours") {
                    tokens.push(Token::AllDays);
                }
                continue;
            }
            // « après-midi », « après midi ».
            if word == "apres" {
                let after = rest.trim_start_matches([' ', '-']);
                if !after.starts_with("midi") {
                    return None;
                }
                i += rest.chars().count() - after.chars().count() + "midi".len();
                tokens.push(Token::Afternoon);
                continue;
            }
            if token != Token::Filler {
                tokens.push(token);
            }
        } else {
            tokens.push(match c {
                '-' => Token::To,
                ',' | '/' | '&' | '+' => Token::And,
                ';' | '.' | '|' => Token::Rule,
                _ => return None,
            });
            i += 1;
        }
    }
    Some(tokens)
}

/// A time or a number at `i`: « 9h », « 9 h 30 », « 12h00 », « 9:00 », « 9 heures », « 9 » (a
/// bare number), « 7j/7 ». Returns the token and the position after it.
fn time(chars: &[char], mut i: usize) -> Option<(Token, usize)> {
    let digits = |i: &mut usize| -> Option<u32> {
        let start = *i;
        while *i < chars.len() && chars[*i].is_ascii_digit() {
            *i += 1;
        }
        let text: String = chars[start..*i].iter().collect();
        (*i > start && *i - start <= 2).then(|| text.parse().ok()).flatten()
    };
    let skip_spaces = |i: &mut usize| {
        while *i < chars.len() && chars[*i] == ' ' {
            *i += 1;
        }
    };
    let hour = digits(&mut i)?;
    let mut after = i;
    skip_spaces(&mut after);
    let rest: String = chars[after..chars.len().min(after + 8)].iter().collect();
    // « 7j/7 », « 7 j/7 », « 7/7 »: every day.
    if hour == 7 && (rest.starts_with("j/7") || rest.starts_with("/7")) {
        let len = if rest.starts_with('j') { 3 } else { 2 };
        return Some((Token::AllDays, after + len));
    }
    // The minutes after the « h »: two digits, unless they are the next time (« 12h 14h-17h »).
    let minutes_after = |j: usize| -> Option<(u32, usize)> {
        let mut k = j;
        skip_spaces(&mut k);
        let two = chars.get(k..k + 2).is_some_and(|d| d.iter().all(char::is_ascii_digit));
        let mut end = k + 2;
        skip_spaces(&mut end);
        let next_is_time =
            matches!(chars.get(end), Some('h' | ':')) || chars.get(k + 2).is_some_and(char::is_ascii_digit);
        if two && !next_is_time {
            let minutes: u32 = chars[k..k + 2].iter().collect::<String>().parse().ok()?;
            (minutes < 60).then_some((minutes, k + 2))
        } else {
            Some((0, j))
        }
    };
    let (minutes, next, explicit) = if rest.starts_with("heures") || rest.starts_with("heure") {
        let len = if rest.starts_with("heures") { 6 } else { 5 };
        (0, after + len, true)
    } else if rest.starts_with('h') {
        // « 9hr », « 9hx »: a letter right after the « h » is no time.
        if chars.get(after + 1).is_some_and(|c| c.is_alphabetic()) {
            return None;
        }
        let (minutes, next) = minutes_after(after + 1)?;
        (minutes, next, true)
    } else if chars.get(i) == Some(&':') {
        let mut j = i + 1;
        let minutes = digits(&mut j)?;
        (minutes < 60).then_some(())?;
        (minutes, j, true)
    } else {
        (0, i, false)
    };
    (hour <= 24 && (hour < 24 || minutes == 0)).then_some(())?;
    Some((Token::Time { minutes: hour * 60 + minutes, explicit }, next))
}

/// The token of a word, or `None` for a word that could change the meaning.
fn word_token(word: &str) -> Option<Token> {
    let day = |d| Some(Token::Day(d));
    match word {
        "lundi" | "lundis" | "lun" | "lu" | "mo" => day(0),
        "mardi" | "mardis" | "mar" | "ma" | "tu" => day(1),
        "mercredi" | "mercredis" | "mer" | "me" | "we" => day(2),
        "jeudi" | "jeudis" | "jeu" | "je" | "th" => day(3),
        "vendredi" | "vendredis" | "ven" | "ve" | "fr" => day(4),
        "samedi" | "samedis" | "sam" | "sa" => day(5),
        "dimanche" | "dimanches" | "dim" | "di" | "su" => day(6),
        "a" | "au" => Some(Token::To),
        "et" => Some(Token::And),
        "ferme" | "fermee" | "fermes" | "fermees" | "fermeture" => Some(Token::Closed),
        "sauf" | "excepte" => Some(Token::Except),
        "feries" | "ferie" => Some(Token::Holidays),
        "matin" | "matins" | "matinee" => Some(Token::Morning),
        "midi" => Some(Token::Time { minutes: 12 * 60, explicit: true }),
        "entre" => Some(Token::Between),
        "de" | "du" | "des" | "d" | "le" | "les" | "l" | "la" | "jours" | "ouvert" | "ouverte" | "ouverts"
        | "ouverture" | "inclus" | "apres" | "jusqu" | "tous" => Some(Token::Filler),
        "ainsi" | "que" => Some(Token::And),
        _ => None,
    }
}

/// A half day: « matin » or « après-midi ».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Half {
    Morning,
    Afternoon,
}

/// One rule of the text: days, the days left out, and their hours (or closed).
#[derive(Debug, Default)]
struct Rule {
    days: Vec<usize>,
    except: Vec<usize>,
    times: Vec<Period>,
    /// The half day said last before each period of `times` (« le matin de 9h à 12h »).
    halves: Vec<Option<Half>>,
    closed: bool,
    /// « tous les jours »: the days are all seven, and naming one more is a doubt.
    all: bool,
    holidays: bool,
    morning: bool,
    afternoon: bool,
    /// The half day said last (the half of the next hours).
    half: Option<Half>,
    /// A half day said right after a day (« lundi matin »): it belongs to that day only.
    half_of_a_day: bool,
    /// The hours came before the days (« 9h-12h du lundi au vendredi »).
    times_first: bool,
}

impl Rule {
    fn is_empty(&self) -> bool {
        self.days.is_empty() && self.times.is_empty() && !self.closed && !self.holidays
    }
}

/// The week the tokens describe.
fn read_week(tokens: &[Token]) -> Option<(Periods, bool)> {
    let mut rules = vec![Rule::default()];
    let mut excepting = false;
    // The days (or « jours fériés ») said since the last « sauf ».
    let mut excepted = 0;
    let mut between = false;
    let mut i = 0;
    while i < tokens.len() {
        let rule = rules.last_mut().expect("there is always a rule");
        match tokens[i] {
            Token::Day(first) => {
                let mut days = vec![first];
                if let (Some(Token::To), Some(Token::Day(last))) = (tokens.get(i + 1), tokens.get(i + 2)) {
                    // « du samedi au lundi » goes round the weekend.
                    let span = (last + 7 - first) % 7;
                    days = (0..=span).map(|k| (first + k) % 7).collect();
                    i += 2;
                }
                // « du lundi au vendredi de 9h à 12h sauf le mercredi, le samedi de 14h à 17h »:
                // a day the rule does not open is no exception but the next rule. A doubt before
                // the rule's hours (« du lundi au vendredi sauf le samedi de 9h à 12h »), and after
                // a list (« sauf le mercredi, le jeudi et le samedi de 14h à 17h »: is Thursday
                // left out, or open with Saturday?).
                if excepting && !rule.days.is_empty() && !days.iter().all(|d| rule.days.contains(d)) {
                    if rule.times.is_empty() || excepted > 1 {
                        return None;
                    }
                    excepting = false;
                }
                excepted += usize::from(excepting);
                // A day after a whole rule starts the next one; after the days a rule closes
                // (« mercredi fermé, jeudi… » is read as one list: a doubt, caught below).
                let after_closed = rule.closed && !rule.days.is_empty() && i > 0 && tokens[i - 1] != Token::And;
                if (!rule.times.is_empty() && !rule.days.is_empty() || after_closed) && !excepting {
                    rules.push(Rule::default());
                }
                let rule = rules.last_mut().expect("there is always a rule");
                // « tous les jours du lundi au vendredi »: every day, or five?
                if rule.all && !excepting {
                    return None;
                }
                let target = if excepting { &mut rule.except } else { &mut rule.days };
                target.extend(days);
            }
            Token::Time { minutes: start, explicit } => {
                // « …de 9h à 12h sauf le mercredi de 14h à 17h »: instead of, or on top of? A doubt.
                if excepting && !rule.times.is_empty() {
                    return None;
                }
                if !rule.times.is_empty() && !rule.days.is_empty() && rule.times_first {
                    rules.push(Rule::default());
                }
                let rule = rules.last_mut().expect("there is always a rule");
                let joined = match tokens.get(i + 1) {
                    Some(Token::To) => true,
                    Some(Token::And) => between,
                    _ => false,
                };
                let Some(Token::Time { minutes: end, explicit: end_explicit }) = tokens.get(i + 2) else {
                    return None;
                };
                if !joined || !(explicit || *end_explicit) || *end <= start || rule.closed {
                    return None;
                }
                rule.times_first |= rule.days.is_empty();
                rule.times.push((start, *end));
                rule.halves.push(rule.half);
                between = false;
                excepting = false;
                i += 2;
            }
            Token::Rule => {
                if !rule.is_empty() {
                    rules.push(Rule::default());
                }
                excepting = false;
            }
            Token::Closed => {
                if rule.times.is_empty() && !rule.days.is_empty() && !excepting {
                    rule.closed = true;
                } else {
                    if !rule.is_empty() {
                        rules.push(Rule::default());
                    }
                    rules.last_mut().expect("there is always a rule").closed = true;
                    excepting = false;
                }
            }
            Token::Except => {
                excepting = true;
                excepted = 0;
            }
            Token::AllDays if rule.days.is_empty() => {
                rule.days.extend(0..7);
                rule.all = true;
            }
            Token::AllDays => return None,
            // « lundi de 14h à 18h - du mardi au vendredi… »: a dash between two rules.
            Token::To if !rule.times.is_empty() && matches!(tokens.get(i + 1), Some(Token::Day(_))) => {
                rules.push(Rule::default());
                excepting = false;
            }
            Token::Holidays if rule.closed || excepting => {
                rule.holidays = true;
                excepted += usize::from(excepting);
            }
            Token::Holidays => return None,
            // « sauf le mercredi après-midi »: the morning stays open, at hours not given.
            Token::Morning | Token::Afternoon if excepting => return None,
            Token::Morning | Token::Afternoon => {
                let half = if tokens[i] == Token::Morning { Half::Morning } else { Half::Afternoon };
                rule.morning |= half == Half::Morning;
                rule.afternoon |= half == Half::Afternoon;
                rule.half = Some(half);
                rule.half_of_a_day |= i > 0 && matches!(tokens[i - 1], Token::Day(_));
            }
            Token::Between => between = true,
            Token::To => return None,
            Token::And | Token::Filler => {}
        }
        i += 1;
    }
    week_of(&rules)
}

/// The week of the rules, checked: every rule names days, open rules have hours, a half day
/// has hours of that half, no day is opened by two rules, no hours overlap.
fn week_of(rules: &[Rule]) -> Option<(Periods, bool)> {
    let mut week: Periods = Default::default();
    let mut named = [false; 7];
    let rules: Vec<&Rule> = rules.iter().filter(|r| !r.is_empty()).collect();
    let holidays_off = rules.iter().any(|r| r.holidays);
    for rule in rules.iter().filter(|r| !r.closed) {
        if rule.days.is_empty() || rule.times.is_empty() {
            return None;
        }
        if !halves_fit(rule) {
            return None;
        }
        let mut times = rule.times.clone();
        times.sort_unstable();
        if times.windows(2).any(|w| w[1].0 < w[0].1) {
            return None;
        }
        for &day in rule.days.iter().filter(|d| !rule.except.contains(d)) {
            if named[day] {
                return None;
            }
            named[day] = true;
            week[day] = times.clone();
        }
    }
    // « fermé le mercredi » closes the day wherever it is said; « fermé les jours fériés » names none.
    for rule in rules.iter().filter(|r| r.closed) {
        if !rule.times.is_empty() || rule.morning || rule.afternoon || (rule.days.is_empty() && !rule.holidays) {
            return None;
        }
        for &day in &rule.days {
            week[day].clear();
        }
    }
    week.iter().any(|day| !day.is_empty()).then_some((week, holidays_off))
}

/// Whether the hours of a rule are those of its half days: a morning ends by 13:00, an
/// afternoon starts at 12:00 or later. With both halves, each period must follow its own half
/// (« le matin de 9h à 12h, l'après-midi de 14h à 17h ») and no half may belong to one day
/// only: « lundi matin et mardi après-midi de 9h à 12h et de 14h à 17h » is a doubt.
fn halves_fit(rule: &Rule) -> bool {
    let morning = |(_, end): &Period| *end <= 13 * 60;
    let afternoon = |(start, _): &Period| *start >= 12 * 60;
    match (rule.morning, rule.afternoon) {
        (false, false) => true,
        (true, false) => rule.times.iter().all(morning),
        (false, true) => rule.times.iter().all(afternoon),
        (true, true) => {
            let each_half_has_hours =
                [Half::Morning, Half::Afternoon].iter().all(|half| rule.halves.contains(&Some(*half)));
            !rule.half_of_a_day
                && each_half_has_hours
                && rule.times.iter().zip(&rule.halves).all(|(period, half)| match half {
                    Some(Half::Morning) => morning(period),
                    Some(Half::Afternoon) => afternoon(period),
                    None => false,
                })
        }
    }
}

/// The OSM value of a week: days with the same hours grouped (`Mo-We`, `Mo,Tu`), in the order
/// of their first day; `PH off` last.
fn osm_value(week: &Periods, holidays_off: bool) -> Option<String> {
    let mut rules: Vec<(Vec<usize>, &Vec<Period>)> = Vec::new();
    for (day, times) in week.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
        match rules.iter_mut().find(|(_, t)| *t == times) {
            Some((days, _)) => days.push(day),
            None => rules.push((vec![day], times)),
        }
    }
    let mut parts: Vec<String> = rules
        .iter()
        .map(|(days, times)| {
            let times: Vec<String> = times.iter().map(|(s, e)| format!("{}-{}", clock(*s), clock(*e))).collect();
            format!("{} {}", day_selector(days), times.join(","))
        })
        .collect();
    if holidays_off {
        parts.push("PH off".to_string());
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Sorted days as OSM writes them: runs of three or more as ranges (`Mo-We`), the rest listed.
fn day_selector(days: &[usize]) -> String {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &day in days {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == day => *last = day,
            _ => runs.push((day, day)),
        }
    }
    let mut parts = Vec::new();
    for (first, last) in runs {
        match last - first {
            0 => parts.push(OSM_DAYS[first].to_string()),
            1 => parts.extend([OSM_DAYS[first].to_string(), OSM_DAYS[last].to_string()]),
            _ => parts.push(format!("{}-{}", OSM_DAYS[first], OSM_DAYS[last])),
        }
    }
    parts.join(",")
}

/// Minutes from midnight as `HH:MM`.
fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
#[path = "spoken_hours/tests.rs"]
mod tests;
