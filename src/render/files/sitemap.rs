//! `sitemap.xml` and `robots.txt`: where search engines find the site's pages.

use chrono::NaiveDate;

use super::xml_escape;
use crate::render::urls::Urls;

/// `sitemap.xml`: absolute URLs, sorted; `lastmod` only where known.
pub(crate) fn sitemap(mut entries: Vec<(String, Option<NaiveDate>)>) -> String {
    entries.sort();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (url, lastmod) in entries {
        xml.push_str("  <url><loc>");
        xml.push_str(&xml_escape(&url));
        xml.push_str("</loc>");
        if let Some(date) = lastmod {
            xml.push_str(&format!("<lastmod>{date}</lastmod>"));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: every page may be crawled; the sitemap is at the root.
pub(crate) fn robots(urls: &Urls) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n", urls.base_url)
}
