//! The page of an entry of the network's space: what every section has, and what its own
//! shows (a call's deadline and funder, a good practice's files, an ad's contact, an event's
//! place and calendar).

use chrono::NaiveDate;
use serde::Serialize;

use super::card::{amount, card, deadline, event_when};
use super::{entry_dir, event_calendar, has_archive, list_dir, tag_dir};
use crate::index::Site;
use crate::markdown;
use crate::model::network::{Contact, Detail, Publication};
use crate::render::cards::{self, PlaceRef};
use crate::render::structured;
use crate::render::urls::{Urls, display_url, mailto_plain};
use crate::render::view::{DateView, Link, Phone, date_view, phone_of};

/// A file to download: "Guide de l'animateur (PDF, 120 Ko)".
#[derive(Debug, Clone, Serialize)]
pub(super) struct Download {
    /// The file's address.
    pub href: String,
    /// What it is.
    pub titre: String,
    /// "PDF".
    pub format: String,
    /// "120 Ko".
    pub taille: Option<String>,
}

/// "850 octets", "120 Ko", "2,4 Mo".
pub(super) fn file_size(bytes: u64) -> String {
    if bytes < 1000 {
        format!("{bytes} octets")
    } else if bytes < 1_000_000 {
        format!("{}\u{a0}Ko", bytes.div_ceil(1000))
    } else {
        let tenths = bytes.div_ceil(100_000);
        format!("{},{}\u{a0}Mo", tenths / 10, tenths % 10)
    }
}

/// The name of a file's format, from its extension.
fn format_name(path: &str) -> String {
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    crate::load::media::ATTACHMENT_FORMATS
        .iter()
        .find(|(e, _)| *e == extension)
        .map_or_else(|| extension.to_uppercase(), |(_, name)| name.to_string())
}

/// How to reach someone.
#[derive(Debug, Clone, Serialize)]
pub(super) struct ContactView {
    /// Name.
    pub nom: Option<String>,
    /// E-mail address.
    pub courriel: Option<Link>,
    /// Phone.
    pub telephone: Option<Phone>,
}

fn contact_view(contact: &Contact) -> Option<ContactView> {
    let view = ContactView {
        nom: contact.nom.clone(),
        courriel: contact.courriel.as_ref().map(|c| Link { text: c.clone(), href: mailto_plain(c) }),
        telephone: phone_of(&contact.telephone),
    };
    (view.nom.is_some() || view.courriel.is_some() || view.telephone.is_some()).then_some(view)
}

/// The page of an entry: what every section has, and what its own shows.
#[derive(Debug, Clone, Serialize)]
pub(super) struct EntryView {
    /// The section's folder (`appels-a-projets`): the template shows its own part.
    pub type_: &'static str,
    /// Title.
    pub titre: String,
    /// Summary.
    pub resume: Option<String>,
    /// Body, sanitised HTML.
    pub corps_html: String,
    /// Tags, each to its page.
    pub etiquettes: Vec<Link>,
    /// Who.
    pub structure: Option<String>,
    /// Places it concerns.
    pub lieux: Vec<PlaceRef>,
    /// Publication, opening or first day.
    pub date: DateView,
    /// A badge: "Ouvert", "Offer"…
    pub badge: Option<String>,
    /// When, in words (a call's deadline, an event's days and hours).
    pub quand: Option<String>,
    /// Author of a news item.
    pub auteur: Option<String>,
    /// Image of a news item.
    pub image: Option<Link>,
    /// A call's funder.
    pub financeur: Option<String>,
    /// A call's amount.
    pub montant: Option<String>,
    /// A call's opening day.
    pub ouverture: Option<DateView>,
    /// A call's closing day.
    pub cloture: Option<DateView>,
    /// Who may apply.
    pub structures_eligibles: Vec<String>,
    /// Where a call applies.
    pub territoire: Option<String>,
    /// The official text of a call.
    pub lien: Option<Link>,
    /// Whom to contact.
    pub contact: Option<ContactView>,
    /// Services of a good practice, in plain words.
    pub services: Vec<String>,
    /// Publics of a good practice.
    pub publics: Vec<String>,
    /// Files to download.
    pub pieces_jointes: Vec<Download>,
    /// Licence of a good practice.
    pub licence: Option<String>,
    /// Category of an ad.
    pub categorie: Option<String>,
    /// Commune of an ad.
    pub commune: Option<String>,
    /// Last day of an ad.
    pub expiration: Option<DateView>,
    /// The place of an event.
    pub lieu: Option<PlaceRef>,
    /// The free address of an event.
    pub adresse: Option<String>,
    /// Registration link of an event.
    pub inscription: Option<String>,
    /// An event's calendar file.
    pub agenda: Option<String>,
    /// The list it belongs to (its archive when closed or past).
    pub liste: Link,
    /// schema.org JSON-LD of an event, safe inside `<script>`.
    pub json_ld: Option<String>,
}

/// The list an entry belongs to on `today` (its archive when closed or past): its name and
/// its folder.
pub(crate) fn entry_list(p: &Publication, today: NaiveDate) -> (String, String) {
    let archived = p.is_past(today) && has_archive(p.section);
    let text = if archived { format!("{} : archives", p.section.title()) } else { p.section.title().to_string() };
    (text, list_dir(p.section, archived))
}

/// The page of an entry.
pub(super) fn entry_view(site: &Site, urls: &Urls, p: &Publication) -> EntryView {
    let today = site.today;
    let card = card(site, urls, p);
    let (text, dir) = entry_list(p, today);
    let list = Link { text, href: urls.path(&dir) };
    let mut v = EntryView {
        type_: p.section.folder(),
        titre: p.titre.clone(),
        resume: p.resume.clone(),
        corps_html: markdown::render_markdown(&p.corps),
        etiquettes: tag_links(site, urls, &p.etiquettes),
        structure: p.structure.clone(),
        lieux: p
            .lieux
            .iter()
            .filter(|slug| !matches!(&p.detail, Detail::Event(e) if e.lieu.as_ref() == Some(*slug)))
            .filter_map(|slug| site.place(slug))
            .map(|l| cards::place_ref(l, urls))
            .collect(),
        date: date_view(p.date),
        badge: card.badge,
        quand: None,
        auteur: None,
        image: None,
        financeur: None,
        montant: None,
        ouverture: None,
        cloture: None,
        structures_eligibles: Vec::new(),
        territoire: None,
        lien: None,
        contact: None,
        services: Vec::new(),
        publics: Vec::new(),
        pieces_jointes: Vec::new(),
        licence: None,
        categorie: None,
        commune: None,
        expiration: None,
        lieu: None,
        adresse: None,
        inscription: None,
        agenda: None,
        liste: list,
        json_ld: None,
    };
    match &p.detail {
        Detail::News { auteur: author, image } => {
            v.auteur = author.clone();
            v.image = image.as_ref().map(|i| Link { text: i.alt.clone(), href: urls.path(&i.fichier) });
        }
        Detail::Call(a) => {
            v.quand = Some(deadline(a, today));
            v.financeur = Some(a.financeur.clone());
            v.montant = amount(a);
            v.ouverture = Some(date_view(a.ouverture));
            v.cloture = Some(date_view(a.cloture));
            v.structures_eligibles = a.structures_eligibles.clone();
            v.territoire = a.territoire.clone();
            v.lien = Some(Link { text: display_url(&a.lien), href: a.lien.clone() });
            v.contact = contact_view(&a.contact);
        }
        Detail::GoodPractice { services, publics, pieces_jointes, licence } => {
            // Professionals read the standard's own words.
            v.services = services.clone();
            v.publics = publics.clone();
            v.pieces_jointes = pieces_jointes
                .iter()
                .map(|pj| Download {
                    href: urls.path(&pj.fichier),
                    titre: pj.titre.clone(),
                    format: format_name(&pj.fichier),
                    taille: site.file_sizes.get(&pj.fichier).map(|&b| file_size(b)),
                })
                .collect();
            v.licence = licence.clone();
        }
        Detail::Announcement(a) => {
            v.categorie = Some(a.categorie.clone());
            v.commune = Some(a.commune.clone());
            v.expiration = Some(date_view(a.expiration));
            v.contact = contact_view(&a.contact);
        }
        Detail::Event(e) => {
            v.quand = Some(event_when(p));
            v.lieu = e.lieu.as_deref().and_then(|slug| site.place(slug)).map(|l| cards::place_ref(l, urls));
            v.adresse = e.free_address();
            v.inscription = e.inscription.clone();
            v.agenda = Some(urls.path(&event_calendar(p)));
            let page_url = urls.absolute(&entry_dir(p));
            v.json_ld =
                Some(structured::network_event(site, p, &page_url, &|slug| urls.absolute(&format!("lieux/{slug}/"))));
        }
    }
    v
}

/// Links to the pages of `tags`.
fn tag_links(site: &Site, urls: &Urls, tags: &[String]) -> Vec<Link> {
    tags.iter()
        .filter_map(|name| site.network.tag(name))
        .map(|i| {
            let tag = &site.network.tags[i];
            Link { text: tag.name.clone(), href: urls.path(&tag_dir(&tag.slug)) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_french() {
        assert_eq!(file_size(850), "850 octets");
        assert_eq!(file_size(14_300), "15\u{a0}Ko");
        assert_eq!(file_size(2_400_000), "2,4\u{a0}Mo");
    }
}
