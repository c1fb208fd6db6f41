//! French phone numbers: every common written form to E.164, and E.164 back to the usual display.

/// Normalises a French phone number to E.164 (`+33478000000`). Accepts `04 78 00 00 00`,
/// `04.78.00.00.00`, `04-78-00-00-00`, `0478000000`, `+33 4 78 00 00 00`, `+33 (0)4 78…`,
/// `0033 4 78…`, and the overseas codes of the standard (`+590`, `+262`…). `None` otherwise.
pub(crate) fn normalize(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() || !trimmed.chars().all(|c| c.is_ascii_digit() || " .-/()+\u{a0}\u{202f}".contains(c)) {
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
        // Overseas départements dial through their own country code (0590 → +590 590).
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
        match OVERSEAS.iter().find(|(prefix, _)| digits.starts_with(prefix)) {
            Some((_, code)) => format!("{code}{}", &digits[1..]),
            None => format!("33{}", &digits[1..]),
        }
    } else {
        return None;
    };
    // Country codes the standard allows: metropolitan France and overseas.
    const CODES: [&str; 10] = ["33", "590", "594", "262", "596", "269", "687", "689", "508", "681"];
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

    #[test]
    fn displays_in_pairs() {
        assert_eq!(display("+33478000000"), "04 78 00 00 00");
        assert_eq!(display("+590590123456"), "+590590123456");
    }
}
