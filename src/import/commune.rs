//! Where a record's commune is among the territory's communes: the name as the INSEE writes
//! it, whatever the source's case, accents, hyphens or older name; a city divided in
//! arrondissements becomes the arrondissement of the postcode.

use crate::communes::Communes;
use crate::diagnostic::ImportKind;
use crate::suggest;

/// Where a record's commune is, among the territory's communes.
#[derive(Debug, PartialEq)]
pub(crate) enum Resolved {
    /// In the territory: the commune's INSEE name, and the INSEE code to write when the one
    /// given must change.
    Inside {
        /// INSEE name.
        commune: String,
        /// New INSEE code, when the source's must change (city → arrondissement).
        code_insee: Option<String>,
    },
    /// A commune of the territory, but the postcode or INSEE code says otherwise.
    Mismatch(ImportKind),
    /// Not in the territory.
    Outside,
}

/// Finds the commune of `name` (any case, accents, hyphens; an older name contained in the
/// current one, as "Oullins" in "Oullins-Pierre-Bénite") with `postcode`. A city divided in
/// arrondissements becomes the arrondissement of the postcode. A postcode alone never puts a
/// place in the territory: several are shared with communes outside it.
pub(crate) fn resolve_commune(communes: &Communes, name: &str, postcode: &str, insee: Option<&str>) -> Resolved {
    let plain = |text: &str| suggest::fold(&text.replace(['-', '\''], " "));
    let folded = plain(name);
    let by_code = insee.and_then(|code| communes.by_code(code));
    let exact = communes.iter().find(|c| plain(&c.nom) == folded);
    let contained = || {
        let mut found = communes.iter().filter(|c| {
            folded.chars().count() >= 4
                && plain(&c.nom)
                    .split(' ')
                    .collect::<Vec<_>>()
                    .windows(folded.split(' ').count())
                    .any(|w| w.join(" ") == folded)
                && c.codes_postaux.iter().any(|p| p == postcode)
        });
        let first = found.next();
        if found.next().is_some() { None } else { first }
    };
    let Some(commune) = exact.or_else(contained).or(by_code) else {
        return Resolved::Outside;
    };
    // A city whose arrondissements are communes of the list: the arrondissement of the postcode.
    let arrondissement = communes
        .iter()
        .filter(|a| a.nom.starts_with(&format!("{} ", commune.nom)) && a.codes_postaux.iter().any(|p| p == postcode))
        .collect::<Vec<_>>();
    let commune = match arrondissement.as_slice() {
        [one] => *one,
        _ => commune,
    };
    if !commune.codes_postaux.iter().any(|p| p == postcode) {
        return Resolved::Mismatch(ImportKind::PostcodeMismatch {
            postcode: postcode.to_string(),
            commune: commune.nom.clone(),
            codes: commune.codes_postaux.clone(),
        });
    }
    let code_insee = match insee {
        Some(code) if code == commune.code_insee => None,
        Some(_) => Some(commune.code_insee.clone()),
        None => None,
    };
    Resolved::Inside { commune: commune.nom.clone(), code_insee }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn lyon() -> Communes {
        Communes::load(Path::new(env!("CARGO_MANIFEST_DIR")), "data/territoire/communes-metropole-lyon.csv").unwrap()
    }

    fn inside(commune: &str) -> Resolved {
        Resolved::Inside { commune: commune.into(), code_insee: None }
    }

    #[test]
    fn resolves_communes_of_real_exports() {
        let c = lyon();
        assert_eq!(resolve_commune(&c, "VILLEURBANNE", "69100", None), inside("Villeurbanne"));
        assert_eq!(resolve_commune(&c, "Saint GENIS LAVAL", "69230", None), inside("Saint-Genis-Laval"));
        assert_eq!(resolve_commune(&c, "PIERRE BENITE", "69310", None), inside("Oullins-Pierre-Bénite"));
        assert_eq!(resolve_commune(&c, "Oullins", "69600", None), inside("Oullins-Pierre-Bénite"));
        assert_eq!(resolve_commune(&c, "Lyon", "69008", None), inside("Lyon 8e Arrondissement"));
        assert_eq!(
            resolve_commune(&c, "LYON", "69002", Some("69123")),
            Resolved::Inside { commune: "Lyon 2e Arrondissement".into(), code_insee: Some("69382".into()) }
        );
        // Echalas shares 69700 with Givors but is not in the Métropole.
        assert_eq!(resolve_commune(&c, "Echalas", "69700", None), Resolved::Outside);
        assert_eq!(resolve_commune(&c, "Brignais", "69530", None), Resolved::Outside);
        assert!(
            matches!(resolve_commune(&c, "Bron", "69008", None), Resolved::Mismatch(m) if m.to_string().contains("69500"))
        );
    }
}
