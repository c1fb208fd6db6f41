//! French phone numbers: every common written form to E.164, and E.164 back to the usual display;
//! and the same rule as a regular expression ([`pattern`]), for the JSON Schemas and the web
//! editor, which check a number before it is saved.

/// The characters a number may hold besides its digits (and a `+` in front).
const SEPARATORS: &str = " .-/()\u{a0}\u{202f}";

/// Overseas départements dial through their own country code (0590 → +590 590).
const OVERSEAS: [(&str, &str); 10] = [
    ("0590", "590"),
    ("0690", "590"),
    ("0594", "594"),
    ("0694", "594"),
    ("0262", "262"),
    ("0692", "262"),
    ("0693", "262"),
    ("0596", "596"),
    ("0696", "596"),
    ("0269", "262"),
];

/// Country codes the standard allows: metropolitan France (first) and overseas.
const CODES: [&str; 10] = ["33", "590", "594", "262", "596", "269", "687", "689", "508", "681"];

/// Normalises a French phone number to E.164 (`+33478000000`). Accepts `04 78 00 00 00`,
/// `04.78.00.00.00`, `04-78-00-00-00`, `0478000000`, `+33 4 78 00 00 00`, `+33 (0)4 78…`,
/// `0033 4 78…`, and the overseas codes of the standard (`+590`, `+262`…). `None` otherwise.
pub(crate) fn normalize(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() || !trimmed.chars().all(|c| c.is_ascii_digit() || c == '+' || SEPARATORS.contains(c)) {
        return None;
    }
    let plus = trimmed.starts_with('+');
    if trimmed[1..].contains('+') {
        return None;
    }
    let digits: String = trimmed.replace("(0)", "").chars().filter(char::is_ascii_digit).collect();
    let international = if plus {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_string()
    } else if digits.len() == 10 && digits.starts_with('0') && !digits.starts_with("00") {
        match OVERSEAS.iter().find(|(prefix, _)| digits.starts_with(prefix)) {
            Some((_, code)) => format!("{code}{}", &digits[1..]),
            None => format!("33{}", &digits[1..]),
        }
    } else {
        return None;
    };
    let code = CODES.iter().find(|c| international.starts_with(*c))?;
    let national = &international[code.len()..];
    let national = national.strip_prefix('0').filter(|_| national.len() == 10).unwrap_or(national);
    let valid = if *code == "33" {
        national.len() == 9 && !national.starts_with('0')
    } else {
        (6..=9).contains(&national.len())
    };
    valid.then(|| format!("+{code}{national}"))
}

/// [`normalize`] as a regular expression (ECMAScript syntax, for the `u` flag), which matches
/// exactly the texts it accepts: the JSON Schemas and the web editor check numbers with it.
/// Tests compare the two on many generated texts.
///
/// What `normalize` does, written as a pattern: the text trimmed of white space (Rust's
/// `trim`); an optional `+` in front; digits between separators, where `(0)` is a separator
/// (`+33 (0)4…`); then, as digits, either a national number `0[1-9]` + 8 digits, or `00`
/// (without `+`) and an international number: `33`, an optional `0`, `[1-9]` and 8 digits; or
/// an overseas code and 6 to 9 digits, or `0` and 9.
pub(crate) fn pattern() -> String {
    // Rust's White_Space, which `trim` removes.
    const SPACE: &str = r"[\t\n\x0B\f\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";
    // A separator: one of SEPARATORS but `(` (which may open `(0)`), a `(` that does not, or `(0)`.
    let plain: String = SEPARATORS.chars().filter(|c| *c != '(').map(escape).collect();
    let separator = format!(r"(?:[{plain}]|\((?!0\))|\(0\))");
    // One digit of `class`, after separators.
    let digit = |class: &str| format!("{separator}*{class}");
    let digits = |class: &str, n: &str| format!("(?:{}){n}", digit(class));
    let code = |code: &str| code.chars().map(|c| digit(&c.to_string())).collect::<String>();
    let (france, overseas) = CODES.split_first().expect("France and overseas");
    let overseas = overseas.iter().map(|c| code(c)).collect::<Vec<_>>().join("|");
    let any = "[0-9]";
    let international = format!(
        "(?:{france}(?:{zero})?{first}{eight}|(?:{overseas})(?:{six_to_nine}|{zero}{nine}))",
        france = code(france),
        zero = digit("0"),
        first = digit("[1-9]"),
        eight = digits(any, "{8}"),
        six_to_nine = digits(any, "{6,9}"),
        nine = digits(any, "{9}"),
    );
    let national = format!("{}{}{}", digit("0"), digit("[1-9]"), digits(any, "{8}"));
    let abroad = format!("{}{}{international}", digit("0"), digit("0"));
    format!(r"^{SPACE}*(?:\+{international}|{national}|{abroad}){separator}*{SPACE}*$")
}

/// A separator as it is written in a character class.
fn escape(c: char) -> String {
    match c {
        '\u{a0}' => r"\xA0".into(),
        '\u{202f}' => r"\u202F".into(),
        '-' | '/' | ')' | '.' => format!("\\{c}"),
        c => c.to_string(),
    }
}

/// Displays an E.164 number the French way: `+33478000000` → `04 78 00 00 00`.
pub(crate) fn display(e164: &str) -> String {
    match e164.strip_prefix("+33") {
        Some(national) if national.len() == 9 => {
            let digits = format!("0{national}");
            digits.as_bytes().chunks(2).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
        }
        _ => e164.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_common_french_forms() {
        for raw in [
            "04 78 00 00 00",
            "04.78.00.00.00",
            "0478000000",
            "+33 4 78 00 00 00",
            "+33 (0)4 78 00 00 00",
            "0033 4 78 00 00 00",
            "+33478000000",
            "04-78-00-00-00",
        ] {
            assert_eq!(normalize(raw).as_deref(), Some("+33478000000"), "{raw}");
        }
        assert_eq!(normalize("0590 12 34 56").as_deref(), Some("+590590123456"));
        assert_eq!(normalize("+590 590 12 34 56").as_deref(), Some("+590590123456"));
    }

    #[test]
    fn refuses_everything_else() {
        for raw in
            ["", "04 78 00 00", "tel: 0478000000", "04 78 00 00 00 00", "+1 555 0100", "0078000000", "appelez-nous"]
        {
            assert_eq!(normalize(raw), None, "{raw}");
        }
    }

    /// The pattern as a browser reads it (the `u` flag, as the web editor uses it).
    fn browser_pattern() -> regress::Regex {
        regress::Regex::with_flags(&pattern(), "u").expect("an ECMAScript regular expression")
    }

    #[test]
    fn the_pattern_accepts_what_normalize_accepts() {
        let re = browser_pattern();
        for raw in [
            "04 78 00 00 00",
            "04.78.00.00.00",
            "+33 (0)4 78 00 00 00",
            "0033 4 78 00 00 00",
            "  0478000000\t",
            "0590 12 34 56",
            "+590 590 12 34 56",
            "+687 12 34 56",
            "04 (0)78 00 00 00 0",
            "(04) 78 00 00 00",
            "04 78", // the issue's number: refused by both
            "04 78 00 00",
            "+1 555 0100",
            "tél. 04 78 00 00 00",
            "04 78 00 00 00 +",
            "((0))0478000000",
            "04\t78 00 00 00",
        ] {
            assert_eq!(re.find(raw).is_some(), normalize(raw).is_some(), "{raw:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Texts made of what phone numbers are made of, and of what they should not hold.
        #[test]
        fn the_pattern_agrees_with_normalize(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "0", "0", "1", "4", "7", "8", "9", "6", "5", "3", "2", "33", "590", "262", "687", "00", "04", "06",
                " ", " ", ".", "-", "/", "(", ")", "(0)", "+", "\u{a0}", "\u{202f}", "\t", "\n", "a", "#", "\u{2003}",
                "78 00 00 00", "+33", "0033", "+590", "0590",
            ][..]), 0..14)
        ) {
            let raw: String = parts.concat();
            proptest::prop_assert_eq!(browser_pattern().find(&raw).is_some(), normalize(&raw).is_some(), "{:?}", raw);
        }

        /// Numbers of the right length, with separators anywhere.
        #[test]
        fn the_pattern_agrees_on_numbers_written_every_way(
            prefix in proptest::sample::select(&["", "+", "00", "0", "+33 ", "+33 (0)", "0033", "+590", "+262 "][..]),
            digits in proptest::collection::vec((0u8..10, proptest::sample::select(&["", "", " ", ".", "-", "(0)", ")"][..])), 5..13),
            end in proptest::sample::select(&["", " ", ".", "\u{a0}", " +"][..]),
        ) {
            let raw = format!(
                "{prefix}{}{end}",
                digits.iter().map(|(d, sep)| format!("{d}{sep}")).collect::<String>()
            );
            proptest::prop_assert_eq!(browser_pattern().find(&raw).is_some(), normalize(&raw).is_some(), "{:?}", raw);
        }
    }

    #[test]
    fn displays_in_pairs() {
        assert_eq!(display("+33478000000"), "04 78 00 00 00");
        assert_eq!(display("+590590123456"), "+590590123456");
    }
}
