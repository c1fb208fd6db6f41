//! Where things are: site paths and absolute URLs from the base URL of `site.yaml`, the
//! folders of paginated lists and the links between their pages, `mailto:` links.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

/// The folder of the page of the entry `slug` of `kind`, under the site root: `lieux/<slug>/`,
/// `offres/<slug>/`, `<slug>/` for a free page, `reseau/<section>/<slug>/`.
pub(crate) fn entry_dir(kind: crate::load::EntryKind, slug: &str) -> String {
    use crate::load::EntryKind;
    match kind {
        EntryKind::Place | EntryKind::Offer => format!("{}/{slug}/", kind.folder()),
        EntryKind::Page => format!("{slug}/"),
        EntryKind::Network(section) => format!("reseau/{}/{slug}/", section.folder()),
    }
}

/// Characters left as they are in a `mailto:` header value: RFC 3986 unreserved.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
/// In the address part of a `mailto:`, `@` and `+` stay too.
const ADDRESS: &AsciiSet = &COMPONENT.remove(b'@').remove(b'+');

/// Site paths and absolute URLs, from the base URL of `site.yaml`.
#[derive(Debug, Clone)]
pub(crate) struct Urls {
    /// Path of the site root on its host, starting and ending with `/` (`/`, `/resin/`).
    pub base: String,
    /// Absolute base URL, ending with `/`.
    pub base_url: String,
}

impl Urls {
    /// From `site.yaml`'s `url`.
    pub(crate) fn new(url: &str) -> Urls {
        let base_url = if url.ends_with('/') { url.to_string() } else { format!("{url}/") };
        let after_scheme = base_url.split_once("://").map_or(base_url.as_str(), |(_, rest)| rest);
        let base = after_scheme.find('/').map_or("/".to_string(), |i| after_scheme[i..].to_string());
        // No query or fragment in a base path.
        let base = base.split(['?', '#']).next().unwrap_or("/").to_string();
        let base = if base.ends_with('/') { base } else { format!("{base}/") };
        Urls { base, base_url }
    }

    /// Site path of a page folder (`lieux/x/` → `/lieux/x/` under the base path).
    pub(crate) fn path(&self, dir: &str) -> String {
        format!("{}{dir}", self.base)
    }

    /// Absolute URL of a page folder.
    pub(crate) fn absolute(&self, dir: &str) -> String {
        format!("{}{dir}", self.base_url)
    }

    /// A link target from `site.yaml` (`/a-propos/` or an absolute URL): site paths get the base path.
    pub(crate) fn config_link(&self, url: &str) -> String {
        match url.strip_prefix('/') {
            Some(rest) if !rest.starts_with('/') => self.path(rest),
            _ => url.to_string(),
        }
    }
}

/// `mailto:` link with a subject and a body, percent-encoded (RFC 6068: lines end with CRLF).
pub(crate) fn mailto(address: &str, subject: &str, body: &str) -> String {
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    format!(
        "mailto:{}?subject={}&body={}",
        utf8_percent_encode(address, ADDRESS),
        utf8_percent_encode(subject, COMPONENT),
        utf8_percent_encode(&body, COMPONENT)
    )
}

/// Plain `mailto:` link.
pub(crate) fn mailto_plain(address: &str) -> String {
    format!("mailto:{}", utf8_percent_encode(address, ADDRESS))
}

/// A URL as shown: without the scheme and the final `/`.
pub(crate) fn display_url(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.strip_suffix('/').unwrap_or(rest).to_string()
}

/// Links between the pages of a list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Pagination {
    precedente: Option<String>,
    suivante: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Debug, Clone, Serialize)]
struct PageLink {
    numero: usize,
    href: String,
    courante: bool,
}

/// The folder of page `n` of a paginated list at `base` (`lieux/`, `services/x/`).
pub(crate) fn page_dir(base: &str, n: usize) -> String {
    if n == 1 { base.to_string() } else { format!("{base}page/{n}/") }
}

/// Links between the pages of a paginated list; `None` when it fits on one page.
pub(crate) fn pagination(urls: &Urls, base: &str, n: usize, total: usize) -> Option<Pagination> {
    (total > 1).then(|| Pagination {
        precedente: (n > 1).then(|| urls.path(&page_dir(base, n - 1))),
        suivante: (n < total).then(|| urls.path(&page_dir(base, n + 1))),
        pages: (1..=total)
            .map(|k| PageLink { numero: k, href: urls.path(&page_dir(base, k)), courante: k == n })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(Urls::new("https://resin.exemple.fr/").base, "/");
        assert_eq!(Urls::new("https://resin.exemple.fr").base, "/");
        let u = Urls::new("https://x.github.io/resin");
        assert_eq!(u.base, "/resin/");
        assert_eq!(u.base_url, "https://x.github.io/resin/");
        assert_eq!(u.path("lieux/"), "/resin/lieux/");
        assert_eq!(u.config_link("/a-propos/"), "/resin/a-propos/");
        assert_eq!(u.config_link("https://ailleurs.fr/"), "https://ailleurs.fr/");
    }

    #[test]
    fn mailto_is_percent_encoded() {
        let href =
            mailto("signalement@exemple.fr", "Erreur sur la fiche « A & B »", "Page :\nhttps://x.fr/lieux/a/?q=1");
        assert_eq!(
            href,
            "mailto:signalement@exemple.fr?subject=Erreur%20sur%20la%20fiche%20%C2%AB%20A%20%26%20B%20%C2%BB\
             &body=Page%20%3A%0D%0Ahttps%3A%2F%2Fx.fr%2Flieux%2Fa%2F%3Fq%3D1"
        );
    }

    #[test]
    fn urls_are_shown_without_scheme() {
        assert_eq!(display_url("https://bm.exemple.fr/bachut/"), "bm.exemple.fr/bachut");
    }
}
