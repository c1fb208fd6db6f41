//! The Atom feed (RFC 4287) of places and offers added or updated, newest first by
//! `date_maj`: `atom.xml`, for the network's animators, partners and feed readers; and the
//! feeds of the network's space: `reseau/atom.xml` and one per section.
//!
//! It lists the [`ENTRIES`] most recent items. Its `updated` is the newest `date_maj`, not the
//! build time, so the same content gives the same bytes.

use chrono::{NaiveDate, NaiveTime};

use super::xml_escape;
use crate::index::Site;
use crate::markdown;
use crate::model::Section;
use crate::render::urls::Urls;

/// Path of the feed in the output.
pub(crate) const PATH: &str = "atom.xml";

/// Entries in the feed.
pub(crate) const ENTRIES: usize = 100;

struct Entry {
    date: NaiveDate,
    /// Category term and label.
    category: (&'static str, &'static str),
    title: String,
    url: String,
    summary: String,
}

/// The feed's bytes.
pub(crate) fn feed(site: &Site, urls: &Urls) -> Vec<u8> {
    let entries: Vec<Entry> = site
        .entries
        .places
        .iter()
        .map(|l| Entry {
            date: l.date_maj,
            category: ("lieu", "Lieu"),
            title: format!("{} ({})", l.nom, l.commune),
            url: urls.absolute(&format!("lieux/{}/", l.slug)),
            summary: l.presentation_resume.clone().unwrap_or_else(|| markdown::plain_text(&l.presentation_detail, 200)),
        })
        .chain(site.entries.offers.iter().map(|o| Entry {
            date: o.date_maj,
            category: ("offre", "Atelier ou permanence"),
            title: o.titre.clone(),
            url: urls.absolute(&format!("offres/{}/", o.slug)),
            summary: o.resume.clone().unwrap_or_else(|| markdown::plain_text(&o.description, 200)),
        }))
        .collect();
    let title = format!("{} : lieux et offres mis à jour", site.config.titre);
    write(site, urls, &title, &site.config.description, PATH, "", entries)
}

/// Path of the feed of the network's space (`section` `None`) or of one of its sections.
pub(crate) fn network_path(section: Option<Section>) -> String {
    match section {
        Some(section) => format!("reseau/{}/atom.xml", section.folder()),
        None => "reseau/atom.xml".to_string(),
    }
}

/// The feed of the network's space, or of one section: listed entries (expired ads left
/// out), newest first. An entry's date is its publication, a call's opening or an event's
/// day, never later than the build date (a coming event is news from today).
pub(crate) fn network_feed(site: &Site, urls: &Urls, section: Option<Section>) -> Vec<u8> {
    let entries: Vec<Entry> = site
        .network
        .newest
        .iter()
        .map(|&i| &site.entries.network[i])
        .filter(|p| section.is_none_or(|s| p.section == s))
        .map(|p| Entry {
            date: p.date.min(site.today),
            category: (p.section.folder(), p.section.title()),
            title: p.titre.clone(),
            url: urls.absolute(&format!("reseau/{}/{}/", p.section.folder(), p.slug)),
            summary: p.resume.clone().unwrap_or_else(|| markdown::plain_text(&p.corps, 200)),
        })
        .collect();
    let (title, dir) = match section {
        Some(s) => (format!("{} : {}", site.config.titre, s.title().to_lowercase()), format!("reseau/{}/", s.folder())),
        None => (format!("{} : l'espace réseau", site.config.titre), "reseau/".to_string()),
    };
    let subtitle = "Actualités, appels à projets, bonnes pratiques, bourse d'échanges et agenda du réseau de la médiation numérique.";
    write(site, urls, &title, subtitle, &network_path(section), &dir, entries)
}

/// An Atom document: `entries` sorted newest first and cut to [`ENTRIES`].
fn write(
    site: &Site,
    urls: &Urls,
    title: &str,
    subtitle: &str,
    path: &str,
    dir: &str,
    mut entries: Vec<Entry>,
) -> Vec<u8> {
    // Newest first; then by address, so that the order never depends on the file system.
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.url.cmp(&b.url)));
    entries.truncate(ENTRIES);

    let updated = entries.first().map_or_else(|| timestamp(site.today), |e| timestamp(e.date));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n");
    xml.push_str(&format!("  <title>{}</title>\n", xml_escape(title)));
    xml.push_str(&format!("  <subtitle>{}</subtitle>\n", xml_escape(subtitle)));
    xml.push_str(&format!("  <id>{}</id>\n", xml_escape(&urls.absolute(dir))));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml_escape(&urls.absolute(path))
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&urls.absolute(dir))
    ));
    xml.push_str(&format!("  <updated>{updated}</updated>\n"));
    xml.push_str(&format!("  <author><name>{}</name></author>\n", xml_escape(&site.config.titre)));
    xml.push_str("  <generator uri=\"https://github.com/resin\">resin</generator>\n");
    for entry in &entries {
        let (term, label) = entry.category;
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", xml_escape(&entry.title)));
        xml.push_str(&format!("    <id>{}</id>\n", xml_escape(&entry.url)));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&entry.url)
        ));
        xml.push_str(&format!("    <updated>{}</updated>\n", timestamp(entry.date)));
        xml.push_str(&format!("    <category term=\"{term}\" label=\"{}\"/>\n", xml_escape(label)));
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
    crate::render::structured::paris(date, NaiveTime::MIN)
}
