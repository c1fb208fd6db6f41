//! Value rules of the content model that do not depend on where the value sits: codes,
//! e-mails, URLs, dates, invisible characters. `validate` reports them, `resin import` repairs
//! what it can, and `site.yaml`'s reader checks its addresses with them.

use chrono::{NaiveDate, NaiveTime};

/// An invisible character that has no place in a value: the zero-width space, the
/// bidirectional embeddings and overrides (which can make a text read otherwise than it is
/// written), invisible operators and the BOM. The joiners of emoji and Persian (U+200C,
/// U+200D), direction marks (U+200E, U+200F) and the word joiner (U+2060) are writing, and
/// allowed. `resin check` refuses these; `resin import` removes them.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{202A}'..='\u{202E}' | '\u{2061}'..='\u{2064}' | '\u{FEFF}')
}

/// The sign a spreadsheet reads as the start of a formula (`=`, `+`, `-`, `@`, a tab or a
/// carriage return), when `value` starts with one: opened from the CSV exports, `=HYPERLINK(…)`
/// or `@SUM(…)` would run (issue 19). The exports stay byte-exact for machines, so such a
/// value is refused rather than escaped. A value of only `+`, digits, spaces and dots (a phone
/// number in E.164 form, `+33 4 78 00 00 00`) cannot run anything, and is allowed.
pub(crate) fn formula_sign(value: &str) -> Option<char> {
    let first = value.chars().next().filter(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'))?;
    let number = value.chars().all(|c| c == '+' || c == ' ' || c == '.' || c.is_ascii_digit());
    (!number).then_some(first)
}

/// The replacement character `�` (U+FFFD): what a decoder writes for bytes it could not read,
/// so a text holding it has lost a character (often an accented letter of a Windows-1252 file
/// read as UTF-8).
pub(crate) const REPLACEMENT: char = '\u{FFFD}';

/// The shortest and longest `nom` of a place: the limits of data·inclusion, the standard's
/// main consumer, for a structure's name.
pub(crate) const NAME_LENGTH: std::ops::RangeInclusive<usize> = 3..=150;

/// `code_postal`: five digits.
pub(crate) fn is_postal_code(value: &str) -> bool {
    value.len() == 5 && value.bytes().all(|b| b.is_ascii_digit())
}

/// The postcodes of a commune (`codes`) that a postcode of the wrong shape (`written`) most
/// likely meant, for the help of `check`: the commune's only postcode, or those nearest by
/// edit distance (« 6950 » lacks a digit of « 69500 »); all of them when none is nearer.
pub(crate) fn likely_postcodes(written: &str, codes: &[String]) -> Vec<String> {
    let distance = |code: &String| strsim::levenshtein(written, code);
    let Some(nearest) = codes.iter().map(distance).min() else { return Vec::new() };
    let nearest_codes: Vec<String> = codes.iter().filter(|c| distance(c) == nearest).cloned().collect();
    if nearest <= 2 && nearest_codes.len() == 1 { nearest_codes } else { codes.to_vec() }
}

/// `code_insee`: the standard's pattern `^([013-9]\d|2[AB1-9])\d{3}$`.
pub(crate) fn is_insee_code(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 5
        && b[2..].iter().all(u8::is_ascii_digit)
        && match (b[0], b[1]) {
            (b'2', second) => matches!(second, b'A' | b'B' | b'1'..=b'9'),
            (first, second) => first.is_ascii_digit() && second.is_ascii_digit(),
        }
}

/// `pivot`: the standard's pattern `^[a-zA-Z0-9]{9,14}$` (SIRET, SIREN or RNA).
pub(crate) fn is_pivot(value: &str) -> bool {
    (9..=14).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether a list item stops inside a bracket (`Vos identifiants (CAF` of
/// `[Vos identifiants (CAF, Ameli)]`): in a YAML flow list, the comma cut it.
pub(crate) fn cut_by_comma(item: &str) -> bool {
    item.matches('(').count() > item.matches(')').count()
}

/// A plausible e-mail address: one `@`, no spaces, a dotted domain.
pub(crate) fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local.chars().all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.');
    let domain_ok = domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    local_ok && domain_ok
}

/// An absolute http(s) URL. On error, the refused scheme when there is one.
pub(crate) fn check_url(value: &str) -> Result<String, Option<String>> {
    match url::Url::parse(value) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| h.contains('.')) => {
            Ok(value.to_string())
        }
        Ok(url) if matches!(url.scheme(), "http" | "https") => Err(None),
        // `www.exemple.fr:8080` parses with a scheme `www.exemple.fr`: call it a missing scheme.
        Ok(url) if url.scheme().contains('.') => Err(None),
        Ok(url) => Err(Some(url.scheme().to_string())),
        Err(_) => Err(None),
    }
}

/// How old, in months, a place's `date_maj` may be before `check` warns and its page says that
/// the information may have changed (issue 21).
pub(crate) const STALE_MONTHS: u32 = 12;

/// Whether `date` is more than `months` months before `today`.
pub(crate) fn older_than(date: NaiveDate, today: NaiveDate, months: u32) -> bool {
    date < today - chrono::Months::new(months)
}

/// A real `YYYY-MM-DD` date.
pub(crate) fn parse_date(value: &str) -> Option<NaiveDate> {
    let shape = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    shape.then(|| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()).flatten()
}

/// An `HH:MM` time (`9:00` accepted).
pub(crate) fn parse_time(value: &str) -> Option<NaiveTime> {
    let (h, m) = value.split_once(':')?;
    let shape = (1..=2).contains(&h.len()) && m.len() == 2 && (h.to_owned() + m).bytes().all(|b| b.is_ascii_digit());
    shape.then(|| NaiveTime::parse_from_str(value, "%H:%M").ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert!(is_postal_code("69008"));
        assert!(!is_postal_code("6908"));
        assert!(is_insee_code("69388") && is_insee_code("2A004"));
        assert!(!is_insee_code("2C004") && !is_insee_code("6938"));
        assert!(is_pivot("21690387200019") && is_pivot("W691234567"));
        assert!(!is_pivot("2169-0387"));
    }

    #[test]
    fn likely_postcodes_of_a_commune() {
        let codes = |list: &[&str]| list.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(likely_postcodes("6950", &codes(&["69500"])), codes(&["69500"]));
        assert_eq!(likely_postcodes("abc", &codes(&["69500"])), codes(&["69500"]));
        let lyon = codes(&["69001", "69002", "69003", "69004", "69005", "69006", "69007", "69008", "69009"]);
        assert_eq!(likely_postcodes("6908", &lyon), codes(&["69008"]));
        assert_eq!(likely_postcodes("6900", &lyon), lyon);
        assert_eq!(likely_postcodes("690088", &lyon), codes(&["69008"]));
        assert_eq!(likely_postcodes("6910", &[]), Vec::<String>::new());
    }

    #[test]
    fn emails_and_urls() {
        assert!(is_email("contact@exemple.fr"));
        assert!(!is_email("contact @exemple.fr") && !is_email("contact@exemple") && !is_email("a@b.fr, c@d.fr"));
        assert!(check_url("https://exemple.fr/a?b=c").is_ok());
        assert_eq!(check_url("javascript:alert(1)"), Err(Some("javascript".into())));
        assert_eq!(check_url("data:text/html,x"), Err(Some("data".into())));
        assert_eq!(check_url("www.exemple.fr"), Err(None));
        assert_eq!(check_url("https://localhost"), Err(None));
    }

    #[test]
    fn dates_and_times() {
        assert!(parse_date("2026-03-03").is_some());
        assert!(parse_date("2026-02-30").is_none() && parse_date("03/03/2026").is_none());
        assert!(parse_time("14:00").is_some() && parse_time("9:30").is_some());
        assert!(parse_time("14h").is_none() && parse_time("25:00").is_none());
    }

    #[test]
    fn formula_signs() {
        for (value, sign) in [
            ("=HYPERLINK(\"https://x.fr\")", '='),
            ("@SUM(A1)", '@'),
            ("-2+3+cmd|' /C calc'!A0", '-'),
            ("+33 4 78 00 00 00 poste 12", '+'),
            ("\t=1", '\t'),
            ("\r=1", '\r'),
        ] {
            assert_eq!(formula_sign(value), Some(sign), "{value}");
        }
        for value in ["Maison France Services", "+33 4 78 00 00 00", "+33478000000", "+33 4.78.00.00.00", "2 = 2", ""] {
            assert_eq!(formula_sign(value), None, "{value}");
        }
    }
}
