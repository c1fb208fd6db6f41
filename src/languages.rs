//! The languages a place's or an offer's staff can help in (`langues`): ISO 639 codes and their
//! French names, embedded from `data/langues.csv` (sources in `data/SOURCES.md`), the check of
//! a written value with its suggestion, and how a language counts in the standard's
//! `prise_en_charge_specifique`.

use std::sync::LazyLock;

use crate::suggest;

/// One language of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Language {
    /// The code written in content: ISO 639-1 where there is one, else ISO 639-3.
    pub code: &'static str,
    /// Its French name, lowercase.
    pub name: &'static str,
    /// Its ISO 639-3 code, when it has one.
    pub iso3: &'static str,
}

static LANGUAGES: LazyLock<Vec<Language>> = LazyLock::new(|| {
    include_str!("../data/langues.csv")
        .lines()
        .skip(1)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let mut cells = line.splitn(3, ',');
            let mut next = || cells.next().expect("data/langues.csv has three columns (checked by a unit test)");
            Language { code: next(), name: next(), iso3: next() }
        })
        .collect()
});

/// Other names of a code, accepted as the code itself: « lsf », the French initials of French
/// Sign Language, which everyone writes.
const ALIASES: &[(&str, &str)] = &[("lsf", "fsl")];

/// The code of French Sign Language.
pub(crate) const SIGN_LANGUAGE: &str = "fsl";

/// Every language, in the order of their French names.
pub(crate) fn all() -> &'static [Language] {
    &LANGUAGES
}

/// The language of `code`, when the table has it.
pub(crate) fn get(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.code == code)
}

/// The French name of `code`; the code itself for one outside the table.
pub(crate) fn name(code: &str) -> &str {
    get(code).map_or(code, |l| l.name)
}

/// The French names of `codes`, joined for a sentence: « arabe, anglais, ukrainien ».
pub(crate) fn names(codes: &[String]) -> String {
    codes.iter().map(|c| name(c)).collect::<Vec<_>>().join(", ")
}

/// The result of checking one written value.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Check {
    /// A code of the table (or one of its aliases): the code.
    Ok(&'static str),
    /// French: every place speaks it, it is not listed.
    French,
    /// Not a code of the table: the language it most likely means, when one is close.
    Unknown(Option<&'static Language>),
}

/// Checks a value of `langues`: a code of the table, or what it most likely means (the same
/// code in capitals, the three-letter code, the French name, a name with a typo).
pub(crate) fn check(value: &str) -> Check {
    if let Some(l) = get(value) {
        return Check::Ok(l.code);
    }
    if let Some((_, code)) = ALIASES.iter().find(|(alias, _)| *alias == value) {
        return Check::Ok(code);
    }
    let folded = suggest::fold(value);
    if ["fr", "fra", "fre", "francais"].contains(&folded.as_str()) {
        return Check::French;
    }
    let by_code = LANGUAGES.iter().find(|l| {
        l.code == folded
            || (!l.iso3.is_empty() && l.iso3 == folded)
            || ALIASES.iter().any(|(a, c)| *a == folded && *c == l.code)
    });
    let by_name = || {
        let name = suggest::closest(value, LANGUAGES.iter().map(|l| l.name))?;
        LANGUAGES.iter().find(|l| l.name == name)
    };
    // « langue des signes », « berbère », « créole »: the start of a name.
    let by_start = || LANGUAGES.iter().find(|l| folded.len() >= 4 && suggest::fold(l.name).starts_with(&folded));
    Check::Unknown(by_code.or_else(by_name).or_else(by_start))
}

/// The values of the standard's `prise_en_charge_specifique` that `codes` say: « Langues
/// étrangères (anglais) » for English, « Langues étrangères (autres) » for any other spoken
/// language, « Surdité » for French Sign Language (the standard's value for the deaf and
/// hard-of-hearing, whom a signing staff receives).
pub(crate) fn standard_support(codes: &[String]) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut add = |value: &'static str| {
        if !out.contains(&value) {
            out.push(value);
        }
    };
    for code in codes {
        match code.as_str() {
            "en" => add("Langues étrangères (anglais)"),
            SIGN_LANGUAGE => add("Surdité"),
            _ => add("Langues étrangères (autres)"),
        }
    }
    out
}

/// Whether `codes` say the standard's `prise_en_charge_specifique` value `support`
/// ([`standard_support`], without building the list).
pub(crate) fn counts_as(codes: &[String], support: &str) -> bool {
    match support {
        "Langues étrangères (anglais)" => codes.iter().any(|c| c == "en"),
        "Langues étrangères (autres)" => codes.iter().any(|c| c != "en" && c != SIGN_LANGUAGE),
        "Surdité" => codes.iter().any(|c| c == SIGN_LANGUAGE),
        _ => false,
    }
}

/// `support` (an entry's `prise_en_charge_specifique`) with what its `langues` say added after
/// it, without duplicates, in the vocabulary's order for the added values.
pub(crate) fn merged_support(support: &[String], codes: &[String]) -> Vec<String> {
    let mut out = support.to_vec();
    let added = standard_support(codes);
    for value in crate::vocab::values("prise_en_charge_specifique") {
        if added.contains(&value.as_str()) && !out.contains(value) {
            out.push(value.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_whole_and_is_in_the_order_of_the_names() {
        assert!(all().len() >= 50, "{}", all().len());
        let names: Vec<String> = all().iter().map(|l| suggest::fold(l.name)).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        for l in all() {
            assert!(!l.code.is_empty() && !l.name.is_empty(), "{l:?}");
            assert_eq!(l.name, l.name.to_lowercase().replace("(lsf)", "(LSF)"), "{l:?}");
            assert!(l.code.len() == 2 || l.code == l.iso3 || l.code == "ber", "{l:?}");
            assert_eq!(all().iter().filter(|o| o.code == l.code).count(), 1, "{l:?}");
        }
        for (code, name) in
            [("ar", "arabe"), ("uk", "ukrainien"), ("prs", "dari"), ("ps", "pachto"), ("ti", "tigrigna")]
        {
            assert_eq!(super::name(code), name);
        }
    }

    #[test]
    fn a_value_is_a_code_or_says_which_code_it_means() {
        let unknown = |value: &str| match check(value) {
            Check::Unknown(l) => l.map(|l| l.code),
            other => panic!("{value}: {other:?}"),
        };
        assert_eq!(check("ar"), Check::Ok("ar"));
        assert_eq!(check("fsl"), Check::Ok("fsl"));
        assert_eq!(check("lsf"), Check::Ok("fsl"));
        assert_eq!(check("fr"), Check::French);
        assert_eq!(check("Français"), Check::French);
        assert_eq!(unknown("AR"), Some("ar"));
        assert_eq!(unknown("ara"), Some("ar"));
        assert_eq!(unknown("arabe"), Some("ar"));
        assert_eq!(unknown("Ukrainien"), Some("uk"));
        assert_eq!(unknown("LSF"), Some("fsl"));
        assert_eq!(unknown("langue des signes"), Some("fsl"));
        assert_eq!(unknown("portugais brésilien"), None);
        assert_eq!(unknown("xx"), None);
    }

    #[test]
    fn languages_map_to_the_standards_support_without_duplicates() {
        let codes = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(standard_support(&codes(&["en"])), ["Langues étrangères (anglais)"]);
        assert_eq!(standard_support(&codes(&["ar", "uk"])), ["Langues étrangères (autres)"]);
        assert_eq!(standard_support(&codes(&["fsl"])), ["Surdité"]);
        let merged = merged_support(&codes(&["Illettrisme", "Surdité"]), &codes(&["uk", "fsl", "en", "ar"]));
        assert_eq!(merged, ["Illettrisme", "Surdité", "Langues étrangères (anglais)", "Langues étrangères (autres)"]);
        assert_eq!(merged_support(&codes(&["Illettrisme"]), &[]), ["Illettrisme"]);
        for list in [&["en"][..], &["ar"], &["fsl"], &["en", "uk"], &[]] {
            for value in crate::vocab::values("prise_en_charge_specifique") {
                let listed = standard_support(&codes(list)).contains(&value.as_str());
                assert_eq!(counts_as(&codes(list), value), listed, "{list:?} {value}");
            }
        }
        for value in standard_support(&codes(&["en", "ar", "fsl"])) {
            assert!(crate::vocab::values("prise_en_charge_specifique").iter().any(|v| v == value), "{value}");
        }
    }
}
