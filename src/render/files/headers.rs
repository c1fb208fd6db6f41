//! The HTTP headers of the site's files: which pages other sites may show in a frame (only the
//! embedded views, [`FRAMED`]; the others only the site itself, against clickjacking), what the
//! browser may guess of a file's type, which address a link sends. A `<meta>` cannot say who
//! may frame a page: only a header can, and the host sends it. `resin serve` sends
//! [`for_file`]; `resin build` writes `_headers`, the same headers in the format that Netlify and
//! Cloudflare Pages read (docs/src/site/integrer.md says what other hosts do).
//!
//! ```text
//! /*                          every file: X-Content-Type-Options: nosniff
//! /  /index.html  /404.html   each top-level file, and each top-level folder (`/lieux/*`):
//! /lieux/*  …                   frame-ancestors 'self', X-Frame-Options: SAMEORIGIN,
//!                               Referrer-Policy: strict-origin-when-cross-origin
//! /integrer/  /integrer/index.html
//!                             the folder that holds the embedded views, file by file
//! /integrer/liste/*  /integrer/carte/*
//!                             the embedded views: Referrer-Policy: no-referrer, no framing rule
//! ```
//!
//! No header is given twice to one path: the two hosts merge the rules a path matches
//! differently (Netlify keeps the last value, Cloudflare joins them), and here they need not.
//! Files that are not pages of the plan (the content's media) get only the first rule.

use std::collections::BTreeSet;

use crate::render::page::embed::FRAMED;
use crate::render::urls::Urls;

/// Path of the file in the output folder.
pub(crate) const PATH: &str = "_headers";

/// What every file carries: its type is the one the host says, never guessed.
pub(crate) const EVERY: (&str, &str) = ("X-Content-Type-Options", "nosniff");

/// What every file but the embedded views carries: only the site itself may frame it; a link
/// to another site sends only the site's address.
const OWN: [(&str, &str); 3] = [
    ("Content-Security-Policy", "frame-ancestors 'self'"),
    ("X-Frame-Options", "SAMEORIGIN"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
];

/// What the embedded views carry: any site may frame them; they send no address (as their
/// `<meta name="referrer">` says).
const EMBEDDED: [(&str, &str); 1] = [("Referrer-Policy", "no-referrer")];

/// Whether `file` (a path in the output folder) is in an embedded view's folder.
pub(crate) fn framed(file: &str) -> bool {
    FRAMED.iter().any(|dir| file.starts_with(dir))
}

/// The headers of `file` (a path in the output folder), [`EVERY`] aside: what `resin serve`
/// sends with a page, and what `_headers` gives it.
pub(crate) fn for_file(file: &str) -> &'static [(&'static str, &'static str)] {
    if framed(file) { &EMBEDDED } else { &OWN }
}

/// The bytes of `_headers`, for the files at `paths` (the plan's, sorted) of a site at `urls`.
pub(crate) fn file(paths: &[&str], urls: &Urls) -> Vec<u8> {
    let mut text = String::from(
        "# Les en-têtes HTTP du site, écrits par resin, pour les hébergeurs qui lisent ce fichier\n\
         # (Netlify, Cloudflare Pages) : seules les vues intégrées (integrer/liste/, integrer/carte/)\n\
         # peuvent être affichées dans un cadre par un autre site.\n",
    );
    rule(&mut text, &urls.path("*"), &[EVERY]);
    for (pattern, headers) in rules(paths) {
        rule(&mut text, &urls.path(&pattern), headers);
    }
    text.into_bytes()
}

/// The rules after the first: (pattern relative to the site's root, headers), in path order.
fn rules(paths: &[&str]) -> Vec<(String, &'static [(&'static str, &'static str)])> {
    // The folders that hold an embedded view are given file by file, the rest folder by folder.
    let holders: BTreeSet<&str> = FRAMED.iter().flat_map(|dir| parents(dir)).collect();
    let mut patterns: BTreeSet<String> = BTreeSet::new();
    // Hosts do not publish `_headers` itself.
    for path in paths.iter().filter(|p| **p != PATH) {
        let mut folder = "";
        loop {
            let rest = &path[folder.len()..];
            match rest.find('/') {
                // A file of `folder`; `index.html` is asked for by its folder's address too.
                None => {
                    if let Some(dir) = path.strip_suffix("index.html") {
                        patterns.insert(dir.to_string());
                    }
                    patterns.insert(path.to_string());
                    break;
                }
                Some(end) => {
                    let sub = &path[..folder.len() + end + 1];
                    if !holders.contains(sub) {
                        patterns.insert(format!("{sub}*"));
                        break;
                    }
                    folder = sub;
                }
            }
        }
    }
    patterns
        .into_iter()
        .map(|pattern| {
            let headers = for_file(pattern.trim_end_matches('*'));
            (pattern, headers)
        })
        .collect()
}

/// The folders above an embedded view's folder (`integrer/` for `integrer/liste/`).
fn parents(dir: &str) -> Vec<&str> {
    dir.trim_end_matches('/').match_indices('/').map(|(at, _)| &dir[..=at]).collect()
}

fn rule(text: &mut String, pattern: &str, headers: &[(&str, &str)]) {
    text.push('\n');
    text.push_str(pattern);
    text.push('\n');
    for (name, value) in headers {
        text.push_str(&format!("  {name}: {value}\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_views_alone_may_be_framed_and_no_path_gets_a_header_twice() {
        let paths = [
            "404.html",
            "_headers",
            "carte/index.html",
            "index.html",
            "integrer/carte/index.html",
            "integrer/index.html",
            "integrer/liste/index.html",
            "lieux/a/index.html",
            "lieux/index.html",
            "robots.txt",
        ];
        let text = String::from_utf8(file(&paths, &Urls::new("https://x.fr/"))).unwrap();
        let patterns: Vec<&str> = text.lines().filter(|l| l.starts_with('/')).collect();
        assert_eq!(
            patterns,
            [
                "/*",
                "/",
                "/404.html",
                "/carte/*",
                "/index.html",
                "/integrer/",
                "/integrer/carte/*",
                "/integrer/index.html",
                "/integrer/liste/*",
                "/lieux/*",
                "/robots.txt"
            ]
        );
        assert!(text.contains("\n/integrer/liste/*\n  Referrer-Policy: no-referrer\n\n"), "{text}");
        assert!(text.contains(
            "\n/integrer/\n  Content-Security-Policy: frame-ancestors 'self'\n  X-Frame-Options: SAMEORIGIN\n  Referrer-Policy: strict-origin-when-cross-origin\n"
        ));
        // Each path matches `/*` and exactly one other rule (a pattern `x*` matches what starts
        // with `x`), so no header is given twice.
        for path in paths.into_iter().filter(|p| *p != PATH) {
            let url = format!("/{path}");
            let dir = url.strip_suffix("index.html");
            let matching: Vec<&str> = patterns[1..]
                .iter()
                .copied()
                .filter(|p| match p.strip_suffix('*') {
                    Some(prefix) => url.starts_with(prefix),
                    None => *p == url,
                })
                .collect();
            assert_eq!(matching.len(), 1, "{path}: {matching:?}");
            if let Some(dir) = dir {
                let by_folder: Vec<&&str> = patterns[1..]
                    .iter()
                    .filter(|p| p.strip_suffix('*').map_or(**p == dir, |prefix| dir.starts_with(prefix)))
                    .collect();
                assert_eq!(by_folder.len(), 1, "{dir}: {by_folder:?}");
            }
        }
        assert!(framed("integrer/liste/index.html") && !framed("integrer/index.html") && !framed("lieux/index.html"));
    }

    #[test]
    fn a_site_in_a_sub_folder_gets_its_rules_there() {
        let text = String::from_utf8(file(&["index.html"], &Urls::new("https://x.fr/annuaire/"))).unwrap();
        let patterns: Vec<&str> = text.lines().filter(|l| l.starts_with('/')).collect();
        assert_eq!(patterns, ["/annuaire/*", "/annuaire/", "/annuaire/index.html"]);
    }
}
