//! "Vouliez-vous dire … ?": the closest known name or value to what was written.

/// Folds a text for loose comparison: accents removed, lowercase, typographic apostrophes and
/// quotes made plain, spaces collapsed, no space before an opening parenthesis.
pub fn fold(text: &str) -> String {
    let plain = text.replace(['’', '‘', 'ʼ'], "'");
    let ascii = deunicode::deunicode(&plain).to_lowercase();
    let collapsed = ascii.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.replace(" (", "(")
}

/// The candidate closest to `input`, when it is close enough to be a likely typo.
pub(crate) fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = fold(input);
    let mut best: Option<(f64, &'a str)> = None;
    for candidate in candidates {
        let other = fold(candidate);
        if other == folded {
            return Some(candidate);
        }
        let distance = strsim::levenshtein(&folded, &other);
        let longest = folded.chars().count().max(other.chars().count()).max(1);
        // A typo: a few edits for the length, or one word of a longer value.
        let score = 1.0 - distance as f64 / longest as f64;
        let close = distance <= 2 || score >= 0.7 || strsim::jaro_winkler(&folded, &other) >= 0.9;
        if close && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_typos_and_spelling_variants() {
        assert_eq!(closest("horaire", ["horaires", "nom"]), Some("horaires"));
        assert_eq!(closest("gratuit", ["Gratuit", "Payant"]), Some("Gratuit"));
        assert_eq!(closest("seniors", ["Seniors", "Jeunes"]), Some("Seniors"));
        assert_eq!(closest("Etudiants", ["Étudiants", "Femmes"]), Some("Étudiants"));
        assert_eq!(closest("zzzz", ["Gratuit", "Payant"]), None);
    }

    #[test]
    fn folding_ignores_case_accents_and_apostrophes() {
        assert_eq!(fold("Ce lieu n’accueille pas de public"), fold("ce lieu n'accueille PAS de public"));
        assert_eq!(fold("Étapes numériques (La Poste)"), fold("Etapes numeriques(La Poste)"));
    }
}
