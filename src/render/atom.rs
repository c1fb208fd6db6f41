//! The Atom feed (RFC 4287) of places and offers added or updated, newest first by
//! `date_maj`: `atom.xml`, for the network's animators, partners and feed readers.
//!
//! It lists the [`ENTRIES`] most recent items. Its `updated` is the newest `date_maj`, not the
//! build time, so the same content gives the same bytes.

use chrono::{NaiveDate, NaiveTime};

use super::view::Urls;
use super::xml_escape;
use crate::index::Site;
use crate::markdown;

/// Path of the feed in the output.
pub const PATH: &str = "atom.xml";

/// Entries in the feed.
pub const ENTRIES: usize = 100;

struct Entry {
    date: NaiveDate,
    kind: &'static str,
    title: String,
    url: String,
    summary: String,
}

/// The feed's bytes.
pub fn feed(site: &Site, urls: &Urls) -> Vec<u8> {
    let mut entries: Vec<Entry> = site
        .entries
        .lieux
        .iter()
        .map(|l| Entry {
            date: l.date_maj,
            kind: "lieu",
            title: format!("{} ({})", l.nom, l.commune),
            url: urls.absolute(&format!("lieux/{}/", l.slug)),
            summary: l.presentation_resume.clone().unwrap_or_else(|| markdown::plain_text(&l.presentation_detail, 200)),
        })
        .chain(site.entries.offres.iter().map(|o| Entry {
            date: o.date_maj,
            kind: "offre",
            title: o.titre.clone(),
            url: urls.absolute(&format!("offres/{}/", o.slug)),
            summary: o.resume.clone().unwrap_or_else(|| markdown::plain_text(&o.description, 200)),
        }))
        .collect();
    // Newest first; then by address, so that the order never depends on the file system.
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.url.cmp(&b.url)));
    entries.truncate(ENTRIES);

    let updated = entries.first().map_or_else(|| timestamp(site.today), |e| timestamp(e.date));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n");
    xml.push_str(&format!("  <title>{} : lieux et offres mis à jour</title>\n", xml_escape(&site.config.titre)));
    xml.push_str(&format!("  <subtitle>{}</subtitle>\n", xml_escape(&site.config.description)));
    xml.push_str(&format!("  <id>{}</id>\n", xml_escape(&urls.base_url)));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml_escape(&urls.absolute(PATH))
    ));
    xml.push_str(&format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", xml_escape(&urls.base_url)));
    xml.push_str(&format!("  <updated>{updated}</updated>\n"));
    xml.push_str(&format!("  <author><name>{}</name></author>\n", xml_escape(&site.config.titre)));
    xml.push_str("  <generator uri=\"https://github.com/resin\">resin</generator>\n");
    for entry in &entries {
        let label = if entry.kind == "lieu" { "Lieu" } else { "Atelier ou permanence" };
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", xml_escape(&entry.title)));
        xml.push_str(&format!("    <id>{}</id>\n", xml_escape(&entry.url)));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&entry.url)
        ));
        xml.push_str(&format!("    <updated>{}</updated>\n", timestamp(entry.date)));
        xml.push_str(&format!("    <category term=\"{}\" label=\"{label}\"/>\n", entry.kind));
        if !entry.summary.is_empty() {
            xml.push_str(&format!("    <summary>{}</summary>\n", xml_escape(&entry.summary)));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml.into_bytes()
}

/// Midnight in Paris on `date`, as RFC 3339.
fn timestamp(date: NaiveDate) -> String {
    super::structured::paris(date, NaiveTime::MIN)
}
