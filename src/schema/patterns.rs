//! The value rules of `check` as regular expressions, for what checks a value without resin:
//! the JSON Schemas (`resin schema`) and the web editor, which refuses a value before saving it.
//! Each pattern is written in ECMAScript's syntax (JSON Schema's, and the browsers', read with
//! the `u` flag) and is tested against the Rust function `check` uses: it accepts exactly what
//! `check` accepts (phone numbers, e-mail addresses, codes), or, where the rule is a parser's
//! (web addresses, times), a part of it that holds every usual value. What the editor says of a
//! refused value is `check`'s help, worded for a form ([`crate::diagnostic::Kind::form_help`]).

use super::Type;
use crate::diagnostic::Kind;

/// An e-mail address as [`super::rules::is_email`] reads it: letters, digits and `!#$%&'*+-/=?^_`
/// `` ` `` `{|}~` before the `@`, with dots but not at either end; a domain of two labels or
/// more, of letters, digits and inner hyphens.
const EMAIL: &str = concat!(
    r"^[\p{Alphabetic}\p{N}!#$%&'*+\/=?^_`{|}~-](?:[\p{Alphabetic}\p{N}!#$%&'*+\/=?^_`{|}~.-]*",
    r"[\p{Alphabetic}\p{N}!#$%&'*+\/=?^_`{|}~-])?",
    r"@[\p{Alphabetic}\p{N}](?:[\p{Alphabetic}\p{N}-]*[\p{Alphabetic}\p{N}])?",
    r"(?:\.[\p{Alphabetic}\p{N}](?:[\p{Alphabetic}\p{N}-]*[\p{Alphabetic}\p{N}])?)+$",
);

/// An http(s) address that [`super::rules::check_url`] accepts: the scheme in lowercase, a host
/// name of ASCII labels (no punycode `xn--`) whose last one starts with a letter (a number would
/// be read as an IP address), an optional port, then anything but spaces. `check` also accepts
/// hosts in other scripts and other rarer forms; the editor asks for the usual one.
const URL: &str = concat!(
    r"^https?:\/\/",
    r"(?:(?![Xx][Nn]--)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+",
    r"(?![Xx][Nn]--)[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?",
    r"(?::[0-9]{1,4})?(?:[\/?#]\S*)?$",
);

/// `HH:MM`, as the editor asks for it (`check` also reads `9:30`).
const TIME: &str = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

/// The regular expression that says what a text value of `kind` is, where one does: the
/// schemas and the web editor check with it.
pub fn pattern(kind: Type) -> Option<String> {
    match kind {
        Type::Code(pattern) => Some(pattern.into()),
        Type::Time => Some(TIME.into()),
        Type::Url => Some(URL.into()),
        Type::Email => Some(EMAIL.into()),
        Type::Phone => Some(crate::phone::pattern()),
        _ => None,
    }
}

/// A rule the web editor checks before saving a text field: the pattern of its values and what
/// to do when a value does not match.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRule {
    /// The regular expression (ECMAScript, `u` flag).
    pub pattern: String,
    /// `check`'s help for a value that does not match, as a sentence.
    pub message: String,
}

/// The rule of the values of the field `name` of `kind` (of one item, for a list), when it has
/// one.
pub fn text_rule(name: &str, kind: Type) -> Option<TextRule> {
    let kind = match kind {
        Type::Urls => Type::Url,
        Type::Emails => Type::Email,
        kind => kind,
    };
    let value = String::new;
    let problem = match (kind, name) {
        (Type::Phone, _) => Kind::Phone { value: value() },
        (Type::Email, _) => Kind::Email { value: value() },
        (Type::Url, _) => Kind::Url { value: value(), scheme: None },
        (Type::Time, _) => Kind::Time { field: name.into(), value: value() },
        (Type::Code(_), "code_postal") => Kind::PostalCode { value: value(), commune: None },
        (Type::Code(_), "code_insee") => Kind::InseeCode { value: value() },
        (Type::Code(_), _) => Kind::Pivot { value: value() },
        _ => return None,
    };
    Some(TextRule {
        pattern: pattern(kind).expect("a kind of value with a pattern"),
        message: problem.form_help().expect("a value rule has a help"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::rules;

    fn browser(pattern: &str) -> regress::Regex {
        regress::Regex::with_flags(pattern, "u").expect("an ECMAScript regular expression")
    }

    fn matches(pattern: &str, value: &str) -> bool {
        browser(pattern).find(value).is_some()
    }

    #[test]
    fn every_pattern_reads_in_a_browser() {
        for kind in [Type::Time, Type::Url, Type::Email, Type::Phone] {
            browser(&pattern(kind).unwrap());
        }
        for field in crate::schema::LIEU {
            if let Type::Code(p) = field.kind {
                browser(p);
            }
        }
    }

    #[test]
    fn the_codes_patterns_are_the_rules_of_check() {
        let code = |name: &str| match crate::schema::LIEU.iter().find(|f| f.name == name).unwrap().kind {
            Type::Code(p) => p,
            _ => unreachable!(),
        };
        let values = [
            "69008",
            "6908",
            "690080",
            "2A004",
            "2B123",
            "2C004",
            "20123",
            "1A000",
            "W691234567",
            "21690387200019",
            "2169-0387",
            "abcdefghi",
            "ÉÉÉÉÉÉÉÉÉ",
            " 69008",
            "69008 ",
        ];
        for value in values {
            assert_eq!(matches(code("code_postal"), value), rules::is_postal_code(value), "{value}");
            assert_eq!(matches(code("code_insee"), value), rules::is_insee_code(value), "{value}");
            assert_eq!(matches(code("pivot"), value), rules::is_pivot(value), "{value}");
        }
    }

    #[test]
    fn the_usual_addresses_pass_both() {
        for url in [
            "https://exemple.fr",
            "https://www.exemple.fr/",
            "http://bm.exemple.fr/bachut?a=b#c",
            "https://acceslibre.beta.gouv.fr/app/69-lyon/a/bibliotheque/erp/mediatheque-du-bachut/",
            "https://rdv.exemple.fr:8443/prendre-rendez-vous",
            "https://exemple.fr/é",
        ] {
            assert!(matches(URL, url) && rules::check_url(url).is_ok(), "{url}");
        }
        for email in ["contact@exemple.fr", "jean.dupont+resin@mairie-bron.fr", "élise@exemple.fr", "a@b.co"] {
            assert!(matches(EMAIL, email) && rules::is_email(email), "{email}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// An e-mail address the pattern accepts is one `check` accepts, and the other way round.
        #[test]
        fn the_email_pattern_is_is_email(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "a", "é", "Z", "0", "7", ".", ".", "@", "@", "-", "_", "+", "'", " ", "exemple", "fr", "ß", "٣", "!", "(", "\u{200B}",
            ][..]), 0..12)
        ) {
            let value = parts.concat();
            proptest::prop_assert_eq!(matches(EMAIL, &value), rules::is_email(&value), "{:?}", value);
        }

        /// An address the pattern accepts is one `check` accepts.
        #[test]
        fn an_address_the_pattern_accepts_is_one_check_accepts(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "https://", "http://", "exemple", "fr", "xn--", "1", "0", ".", ".", "-", "/", ":", "80", ":99999", "?", "#",
                "@", " ", "%", "é", "[", "]", "\\", "_", "a", "\u{00AD}",
            ][..]), 0..12)
        ) {
            let value = parts.concat();
            if matches(URL, &value) {
                proptest::prop_assert!(rules::check_url(&value).is_ok(), "{:?}", value);
            }
        }

        /// A time the pattern accepts is one `check` reads.
        #[test]
        fn a_time_the_pattern_accepts_is_one_check_reads(value in "[0-9:h ]{0,6}") {
            if matches(TIME, &value) {
                proptest::prop_assert!(rules::parse_time(&value).is_some(), "{:?}", value);
            }
        }
    }
}
