//! The files of the site that are not HTML pages: the search index of the directory, the
//! Atom feeds, the data of `/orienter/` and the places' QR codes, the web editor's
//! configuration, `sitemap.xml`, `robots.txt` and `_headers`. (The calendars and the open data files are
//! written by [`crate::export`].)

pub(crate) mod admin;
pub(crate) mod atom;
pub(crate) mod headers;
pub(crate) mod orientation;
pub(crate) mod search;
pub(crate) mod sitemap;

/// `text` escaped for XML text and attribute values.
pub(crate) fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}
