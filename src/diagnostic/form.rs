//! The words of the web editor's form: what to write in a field whose value the editor refuses
//! before saving. They are `check`'s help ([`Kind::help`]) for a person who fills a form and
//! sees no YAML: without the quotes a code needs in the file or the `champ:` before a value, as
//! a sentence (capital letter, full stop).

use super::Kind;

impl Kind {
    /// How to fix the problem, said in the web editor's form next to the field: the help of
    /// `check`, without YAML.
    pub(crate) fn form_help(&self) -> Option<String> {
        self.help().map(|help| sentence(&without_yaml(&help)))
    }
}

/// `help` without what only the file needs: « entre guillemets », backquotes, the quotes of a
/// quoted value and the `champ: ` before it (`` `code_postal: "69008"` `` is `69008`).
fn without_yaml(help: &str) -> String {
    let help = help.replace(", entre guillemets", "").replace(" entre guillemets", "").replace(", sous l'en-tête", "");
    let mut out = String::with_capacity(help.len());
    for (i, part) in help.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
            continue;
        }
        // Inside backquotes: a value, perhaps after its field's name, perhaps quoted.
        let value = match part.split_once(": ") {
            Some((name, value)) if name.chars().all(|c| c.is_ascii_lowercase() || c == '_') => value,
            _ => part,
        };
        out.push_str(value.trim_matches('"'));
    }
    out
}

/// `text` as a sentence: a capital letter, and a full stop unless it ends with one (or with an
/// address, which a full stop would seem to end).
fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let Some(first) = chars.next() else { return String::new() };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    if !out.ends_with(['.', '?', '!', '/', '»']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_of_check_without_yaml() {
        let phone = Kind::Phone { value: "04 78".into() };
        assert_eq!(
            phone.form_help().unwrap(),
            "Écrivez un numéro français à 10 chiffres, par exemple 04 78 00 00 00 ou +33 4 78 00 00 00."
        );
        let postcode = Kind::PostalCode { value: "6900".into(), commune: None };
        assert_eq!(postcode.form_help().unwrap(), "Écrivez cinq chiffres, par exemple 69008.");
        let time = Kind::Time { field: "debut".into(), value: "14h".into() };
        assert_eq!(time.form_help().unwrap(), "Écrivez l'heure sous la forme HH:MM, par exemple 14:00.");
        let url = Kind::Url { value: "www.exemple.fr".into(), scheme: None };
        assert_eq!(url.form_help().unwrap(), "Écrivez l'adresse complète, en commençant par https://");
        let pivot = Kind::Pivot { value: "123".into() };
        assert_eq!(
            pivot.form_help().unwrap(),
            "Écrivez le SIRET (14 chiffres) ou le numéro RNA (W suivi de 9 chiffres), ou 00000000000000 s'il est inconnu."
        );
        let mismatch = Kind::CommuneMismatch {
            field: "code_postal",
            value: "69100".into(),
            commune: "Bron".into(),
            expected: vec!["69500".into()],
        };
        assert_eq!(mismatch.form_help().unwrap(), "Le code postal de Bron est 69500 : corrigez la commune ou le code.");
    }
}
