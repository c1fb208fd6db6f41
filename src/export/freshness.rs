//! `resin fraicheur`: the places by the date their information was last checked (`date_maj`),
//! oldest first, with their file, name and e-mail, and how many are older than 6 and 12 months —
//! the list a network works through in its verification campaign, as text or as CSV for a mail
//! merge (issue 21).
//!
//! The CSV is written like the open data's (`csv.rs`): the `csv` crate, CRLF, the cells of
//! [`Cell`]. Its values are safe to open in a spreadsheet for the same reason: `check` refuses a
//! `nom` or an e-mail that starts like a formula, and a file name is a slug.

use chrono::NaiveDate;

use super::Cell;
use crate::diagnostic::Notice;
use crate::index::Site;
use crate::schema::rules;
use crate::source::Sources;

/// The ages the summary counts, in months: a campaign every six months, and the age after which
/// a place's page says its information may have changed.
const AGES: [u32; 2] = [6, rules::STALE_MONTHS];

/// One place of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedPlace {
    /// The entry's file, from the site's root (`content/lieux/….md`).
    pub file: String,
    /// `nom`.
    pub nom: String,
    /// `date_maj`, the last check.
    pub date_maj: NaiveDate,
    /// The first of `courriels`, where the campaign writes.
    pub courriel: Option<String>,
}

/// The places by the date of their last check, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Freshness {
    /// The places, oldest check first (then by file).
    pub places: Vec<CheckedPlace>,
    /// How many were checked more than 6 months before the date of the list.
    pub older_than_6: usize,
    /// How many were checked more than 12 months before.
    pub older_than_12: usize,
}

impl Freshness {
    /// The list of the places of `site` (those without error), on the site's date.
    pub fn new(site: &Site, sources: &Sources) -> Freshness {
        let mut places: Vec<CheckedPlace> = site
            .entries
            .places
            .iter()
            .map(|place| CheckedPlace {
                file: sources.get(place.file).path.clone(),
                nom: place.nom.clone(),
                date_maj: place.date_maj,
                courriel: place.courriels.first().cloned(),
            })
            .collect();
        places.sort_by(|a, b| (a.date_maj, &a.file).cmp(&(b.date_maj, &b.file)));
        let older = |months| places.iter().filter(|p| rules::older_than(p.date_maj, site.today, months)).count();
        let (older_than_6, older_than_12) = (older(AGES[0]), older(AGES[1]));
        Freshness { places, older_than_6, older_than_12 }
    }

    /// The summary line: how many places, how many older than 6 and 12 months.
    pub fn summary(&self) -> Notice {
        Notice::Freshness {
            places: self.places.len(),
            older_than_6: self.older_than_6,
            older_than_12: self.older_than_12,
        }
    }

    /// The list as aligned text, one place a line (date, file, name, e-mail), then the summary.
    pub fn text(&self) -> String {
        let width = |column: fn(&CheckedPlace) -> &str| self.places.iter().map(|p| column(p).chars().count()).max();
        let file_width = width(|p| &p.file).unwrap_or(0);
        let name_width = width(|p| &p.nom).unwrap_or(0);
        let mut out = String::new();
        for place in &self.places {
            let line = format!(
                "{}  {:file_width$}  {:name_width$}  {}",
                place.date_maj,
                place.file,
                place.nom,
                place.courriel.as_deref().unwrap_or_default()
            );
            out.push_str(line.trim_end());
            out.push('\n');
        }
        if !self.places.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("{}\n", self.summary()));
        out
    }

    /// The list as CSV for a mail merge: `fichier,nom,date_maj,courriel`, CRLF.
    pub fn csv(&self) -> Vec<u8> {
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
        writer.write_record(["fichier", "nom", "date_maj", "courriel"]).expect("writing to memory cannot fail");
        for place in &self.places {
            let row = [
                Cell::text(&place.file),
                Cell::text(&place.nom),
                Cell::text(&place.date_maj.to_string()),
                Cell::option(&place.courriel),
            ];
            writer.write_record(row.iter().map(Cell::as_csv)).expect("writing to memory cannot fail");
        }
        writer.into_inner().expect("writing to memory cannot fail")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example site on a fixed date: sorted oldest first, counted, and the CSV has one row a
    /// place after its header.
    #[test]
    fn lists_the_example_oldest_first() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let today = NaiveDate::from_ymd_opt(2027, 6, 1).expect("a date");
        let checked = crate::check(root, today, None).expect("the example site checks");
        let site = checked.site.as_ref().expect("a site");
        let list = Freshness::new(site, &checked.sources);
        assert_eq!(list.places.len(), site.entries.places.len());
        assert!(list.places.windows(2).all(|w| w[0].date_maj <= w[1].date_maj));
        assert!(list.older_than_12 <= list.older_than_6 && list.older_than_6 <= list.places.len());
        let csv = String::from_utf8(list.csv()).expect("UTF-8");
        assert!(csv.starts_with("fichier,nom,date_maj,courriel\r\n"));
        assert_eq!(csv.lines().count(), list.places.len() + 1);
        assert!(list.text().ends_with(&format!("{}\n", list.summary())));
    }
}
