//! `/integrer/`: the partner's page (its default snippet readable without JavaScript, its
//! form and preview) and the embedded views `/integrer/liste/` and `/integrer/carte/` (no
//! header or footer, links to the full site in a new tab, nothing from another site). The
//! snippet in a page of another origin is tested in Chromium (tests/navigateur/integrer.test.mjs);
//! which pages may be framed, in `serve.rs`.

use crate::support::SiteTest;

#[test]
fn the_partner_page_gives_a_snippet_without_javascript_and_is_linked_from_the_data_page() {
    let site = SiteTest::example();
    site.build();
    let page = site.read("public/integrer/index.html");
    assert!(page.contains("<h1>Intégrer l'annuaire sur votre site</h1>"), "{page}");
    // The default snippet: the list of every place, as text in a read-only field.
    let snippet = concat!(
        r#"<textarea id="integrer-code" class="integrer-code" rows="5" readonly spellcheck="false">"#,
        r#"&lt;iframe src=&quot;https://resin.exemple.fr/integrer/liste/&quot; title=&quot;Lieux d&#39;aide au numérique – Rés&#39;IN&quot; "#,
        r#"width=&quot;100%&quot; height=&quot;600&quot; style=&quot;border:0;max-width:100%&quot; loading=&quot;lazy&quot; "#,
        r#"referrerpolicy=&quot;no-referrer&quot;&gt;&lt;/iframe&gt;</textarea>"#
    );
    assert!(page.contains(snippet), "the default snippet, escaped in the textarea:\n{page}");
    // The form and the copy button wait for the script; the preview shows the default view.
    assert!(page.contains(r#"<form id="integrer" class="integrer" data-liste="https://resin.exemple.fr/integrer/liste/" data-carte="https://resin.exemple.fr/integrer/carte/""#), "{page}");
    assert!(
        page.contains(r#"<button type="button" id="integrer-copier" class="bouton" hidden>Copier le code</button>"#)
    );
    assert!(page.contains(r#"<iframe id="integrer-apercu" class="integrer-apercu" src="/integrer/liste/""#));
    assert!(page.contains(r#"<option value="aide-aux-demarches-administratives">"#), "the directory's needs");
    assert!(
        site.read("public/donnees/index.html")
            .contains(r#"<a href="/integrer/">intégrer l'annuaire sur votre site</a>"#)
    );
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("https://resin.exemple.fr/integrer/</loc>"));
    assert!(!sitemap.contains("/integrer/liste/"), "the embedded views are not pages to index");
}

#[test]
fn the_embedded_views_are_light_pages_without_the_site_frame_that_open_the_site_in_a_new_tab() {
    let site = SiteTest::example();
    site.build();
    for (path, full, map) in [("integrer/liste", "/lieux/", false), ("integrer/carte", "/carte/", true)] {
        let page = site.read(&format!("public/{path}/index.html"));
        assert!(
            page.contains(r#"<html lang="fr">"#) && page.contains("<title>") && page.contains("<main id=\"contenu\"")
        );
        assert!(
            !page.contains(r#"class="entete""#) && !page.contains(r#"class="pied""#),
            "{path}: not the site's frame"
        );
        assert!(page.contains(r#"<footer class="integre-pied">"#) && page.contains("Site mis à jour le"), "{path}");
        assert!(page.contains(r#"<base target="_blank">"#), "{path}: links open a new tab");
        let link = format!(
            r#"<a id="integre-complet" class="integre-complet" href="{full}" rel="noopener" data-chemin="{full}">Voir sur Rés&#39;IN<span class="nouvel-onglet"> (nouvel onglet)</span></a>"#
        );
        assert!(page.contains(&link), "{path}: the link to the full site says it opens a new tab:\n{page}");
        assert!(page.contains("script-src 'self'"), "the site's script policy");
        assert!(page.contains(r#"<meta name="robots" content="noindex">"#));
        assert!(page.contains(&format!(r#"<link rel="canonical" href="https://resin.exemple.fr{full}">"#)));
        // The directory's form, results and script; the map's loader only on the map.
        assert!(page.contains(r#"<form id="filtres" class="filtres" action="/lieux/" method="get" data-index="/lieux/recherche.json" data-mode="carte""#));
        assert!(page.contains(r#"<ul id="resultats-liste" class="cartes"></ul>"#));
        assert!(page.contains(r#"<script src="/static/annuaire.js" defer></script>"#));
        assert_eq!(page.contains("data-sans-memoire"), map, "{path}: the map keeps no choice on the device");
        assert_eq!(page.contains("/static/cartes.js"), map);
        // Nothing from another site: every src and href is the site's own (the canonical link aside).
        for attribute in ["src=\"", "href=\""] {
            for (at, _) in page.match_indices(attribute) {
                let value = &page[at + attribute.len()..];
                let value = &value[..value.find('"').unwrap()];
                assert!(
                    value.starts_with(['/', '#']) || value.starts_with("https://resin.exemple.fr/"),
                    "{path}: {value}"
                );
            }
        }
    }
    // The full map page is unchanged by the shared macro: it keeps the choice on the device.
    let map = site.read("public/carte/index.html");
    assert!(!map.contains("data-sans-memoire"));
    assert!(map.contains("Votre choix est retenu sur cet appareil"));
}

#[test]
fn a_free_page_cannot_take_the_partner_page_s_address() {
    let site = SiteTest::example();
    site.write("content/pages/integrer.md", "---\ntitre: Intégrer\n---\nTexte.\n");
    let run = site.run(&["check"]).expect_code(1);
    assert!(run.stderr.contains("erreur[nom-reserve]: le nom « integrer » est réservé"), "{}", run.stderr);
}

/// The rules of a `_headers` file: (pattern, [(name, value)]).
fn header_rules(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        match line.strip_prefix("  ") {
            Some(header) => {
                let (name, value) = header.split_once(": ").expect("Name: value");
                rules.last_mut().expect("a header under a path").1.push((name.into(), value.into()));
            }
            None => rules.push((line.to_string(), Vec::new())),
        }
    }
    rules
}

/// The headers that the rules give `url`, as Cloudflare Pages merges them (every matching rule);
/// no header may come from two rules (Netlify would keep one, Cloudflare join them).
fn headers_for(rules: &[(String, Vec<(String, String)>)], url: &str) -> std::collections::BTreeMap<String, String> {
    let mut headers = std::collections::BTreeMap::new();
    for (pattern, list) in rules {
        let matches = match pattern.strip_suffix('*') {
            Some(prefix) => url.starts_with(prefix),
            None => pattern == url,
        };
        for (name, value) in list.iter().filter(|_| matches) {
            assert!(headers.insert(name.clone(), value.clone()).is_none(), "{url}: {name} from two rules");
        }
    }
    headers
}

#[test]
fn the_headers_file_lets_other_sites_frame_the_embedded_views_only() {
    let site = SiteTest::example();
    site.run_with(&["build"], &[("RAYON_NUM_THREADS", "1")]).expect_code(0);
    let text = site.read("public/_headers");
    let rules = header_rules(&text);
    let public = site.root().join("public");
    let mut pages = 0;
    for (path, _) in crate::support::tree(&public) {
        if path == "_headers" || !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let mut urls = vec![format!("/{path}")];
        if let Some(dir) = path.strip_suffix("index.html") {
            urls.push(format!("/{dir}"));
        }
        let embedded = path.starts_with("integrer/liste/") || path.starts_with("integrer/carte/");
        for url in urls {
            let headers = headers_for(&rules, &url);
            assert_eq!(headers.get("X-Content-Type-Options").map(String::as_str), Some("nosniff"), "{url}");
            if embedded {
                assert_eq!(headers.get("X-Frame-Options"), None, "{url}: any site may frame it");
                assert_eq!(headers.get("Content-Security-Policy"), None, "{url}");
                assert_eq!(headers.get("Referrer-Policy").map(String::as_str), Some("no-referrer"), "{url}");
            } else {
                assert_eq!(headers.get("X-Frame-Options").map(String::as_str), Some("SAMEORIGIN"), "{url}");
                let policy = headers.get("Content-Security-Policy").map(String::as_str);
                assert_eq!(policy, Some("frame-ancestors 'self'"), "{url}");
                assert_eq!(
                    headers.get("Referrer-Policy").map(String::as_str),
                    Some("strict-origin-when-cross-origin"),
                    "{url}"
                );
            }
        }
    }
    assert!(pages > 150, "{pages} pages");
    // The same bytes whatever the thread count.
    site.run_with(&["build"], &[("RAYON_NUM_THREADS", "8")]).expect_code(0);
    assert_eq!(site.read("public/_headers"), text);
}

#[test]
fn the_preview_sends_the_headers_file_s_headers_with_its_404_and_503_pages_too() {
    let site = SiteTest::example();
    site.build();
    let rules = header_rules(&site.read("public/_headers"));
    let server = crate::serve::Server::start(site.root(), &[]);
    for (path, status) in [
        ("/", 200),
        ("/lieux/", 200),
        ("/integrer/", 200),
        ("/integrer/liste/", 200),
        ("/integrer/carte/?commune=bron", 200),
        ("/donnees/lieux.csv", 200),
        ("/nulle-part/", 404),
        ("/lieux/nulle-part/", 404),
    ] {
        let got = server.get(path);
        assert_eq!(got.status, status, "{path}");
        let url = path.split('?').next().unwrap();
        // A missing page is served as /404.html.
        let url = if status == 404 { "/404.html" } else { url };
        for (name, value) in headers_for(&rules, url) {
            assert_eq!(got.header(&name), Some(value), "{path}: {name}");
        }
    }
    assert_eq!(server.get("/nulle-part/").header("x-frame-options").as_deref(), Some("SAMEORIGIN"));
    drop(server);

    // While no version of the site could be built: every path is the errors page (503), framed
    // by the site alone.
    let good = site.read("content/site.yaml");
    site.write("content/site.yaml", &good.replace("titre:", "titre: [cassé\nx:"));
    let server = crate::serve::Server::start(site.root(), &[]);
    for path in ["/", "/integrer/liste/"] {
        let got = server.get(path);
        assert_eq!(got.status, 503, "{path}");
        assert_eq!(got.header("x-frame-options").as_deref(), Some("SAMEORIGIN"), "{path}");
        assert_eq!(got.header("content-security-policy").as_deref(), Some("frame-ancestors 'self'"), "{path}");
        assert_eq!(got.header("x-content-type-options").as_deref(), Some("nosniff"), "{path}");
    }
}

#[test]
fn without_javascript_the_partner_page_gives_ready_made_snippets_and_every_criterion_s_values() {
    let site = SiteTest::example();
    site.build();
    let page = site.read("public/integrer/index.html");
    let start = page.find(r#"<noscript><div class="integrer-sans-script">"#).expect("the no-JS part");
    let part = &page[start..start + page[start..].find("</noscript>").unwrap()];
    let code = |src: &str| {
        format!(
            "<code>&lt;iframe src=&quot;{src}&quot; title=&quot;Lieux d&#39;aide au numérique – Rés&#39;IN&quot; width=&quot;100%&quot; height=&quot;600&quot; style=&quot;border:0;max-width:100%&quot; loading=&quot;lazy&quot; referrerpolicy=&quot;no-referrer&quot;&gt;&lt;/iframe&gt;</code>"
        )
    };
    for (title, src) in [
        ("La carte et la liste de tous les lieux", "https://resin.exemple.fr/integrer/carte/"),
        ("La liste des lieux gratuits", "https://resin.exemple.fr/integrer/liste/?gratuit=1"),
        (
            "Les lieux pour : Faire mes démarches en ligne (CAF, impôts, santé…)",
            "https://resin.exemple.fr/integrer/liste/?besoin=aide-aux-demarches-administratives",
        ),
    ] {
        assert!(part.contains(&format!("<dt>{title}</dt>\n<dd>{}</dd>", code(src))), "{title}:\n{part}");
    }
    // Each need of the form has its snippet (its first option is « every need »).
    let needs = &page[page.find(r#"<select id="i-besoin""#).unwrap()..];
    let needs = &needs[..needs.find("</select>").unwrap()];
    assert_eq!(part.matches("<dt>Les lieux pour : ").count(), needs.matches("<option ").count() - 1);
    // Each criterion's values.
    assert!(part.contains("Bron <code>bron</code>"), "{part}");
    assert!(part.contains("arabe <code>ar</code>"), "{part}");
    assert!(part.contains("<code>gratuit=1</code>"));
    // Nothing sends the partner to filters that need JavaScript.
    assert!(!part.contains("/lieux/"), "{part}");
}
