//! `resin serve` over HTTP: a server is started on a free port over a temporary copy of the
//! example content; files are edited, created, deleted and renamed, and the tests assert on what
//! is served. Updates are asynchronous: the tests wait for the served site to change (up to a
//! generous limit) rather than timing anything.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use std::{fs, thread};

use crate::incremental::{Edit, Example};
use crate::support::{SiteTest, tree};

/// How long a test waits for the served site to reach the expected state.
const PATIENCE: Duration = Duration::from_secs(20);

/// A running `resin serve` (also the preview the browser tests edit through).
pub(crate) struct Server {
    child: Child,
    /// `127.0.0.1:port`.
    pub(crate) address: String,
    /// Everything printed on stderr so far.
    log: Arc<Mutex<String>>,
}

/// A response.
pub(crate) struct Got {
    pub(crate) status: u16,
    headers: String,
    body: Vec<u8>,
}

impl Got {
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub(crate) fn header(&self, name: &str) -> Option<String> {
        self.headers.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim().to_string())
        })
    }
}

impl Server {
    pub(crate) fn start(root: &Path, args: &[&str]) -> Server {
        let mut child = crate::support::resin(root)
            .args(["serve", "--port", "0"])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("resin serve starts");
        let log = Arc::new(Mutex::new(String::new()));
        let (sender, receiver) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        {
            let log = log.clone();
            thread::spawn(move || {
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    if let Some(url) = line.strip_prefix("Aperçu : http://") {
                        let _ = sender.send(url.trim_end_matches('/').to_string());
                    }
                    let mut log = log.lock().unwrap();
                    log.push_str(&line);
                    log.push('\n');
                }
            });
        }
        let address = receiver.recv_timeout(PATIENCE).unwrap_or_else(|_| {
            panic!("resin serve did not start:\n{}", log.lock().unwrap());
        });
        Server { child, address, log }
    }

    /// The server's resident memory, in bytes (`VmRSS` of `/proc/<pid>/status`).
    #[cfg(target_os = "linux")]
    fn resident_memory(&self) -> u64 {
        let status = fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let line = status.lines().find(|l| l.starts_with("VmRSS:")).expect("VmRSS");
        line.split_whitespace().nth(1).and_then(|kb| kb.parse::<u64>().ok()).expect("a number of kB") * 1024
    }

    pub(crate) fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Waits until the terminal output holds `text`: it is read from the server's stderr by
    /// another thread, so it may arrive after the page that the same update published.
    fn wait_for_log(&self, text: &str) {
        let start = Instant::now();
        while !self.log().contains(text) {
            if start.elapsed() > PATIENCE {
                panic!("the terminal never said « {text} »:\n{}", self.log());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub(crate) fn get(&self, path: &str) -> Got {
        self.request("GET", path, &[], b"")
    }

    /// A request with extra header lines (`Name: value`) and a body.
    fn request(&self, method: &str, path: &str, headers: &[&str], body: &[u8]) -> Got {
        let mut stream = TcpStream::connect(&self.address).expect("connects");
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|h| h.to_ascii_lowercase().starts_with("host:")) {
            head.push_str(&format!("Host: {}\r\n", self.address));
        }
        for header in headers {
            head.push_str(&format!("{header}\r\n"));
        }
        if !body.is_empty() {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        stream.write_all(format!("{head}\r\n").as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a header");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut body = raw[split + 4..].to_vec();
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status");
        if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
            body = unchunk(&body);
        }
        Got { status, headers: head, body }
    }

    /// A call to the web editor's local API, as Decap makes it.
    fn decap(&self, body: &serde_json::Value) -> Got {
        let origin = format!("Origin: http://{}", self.address);
        let headers = ["Content-Type: application/json; charset=utf-8", origin.as_str()];
        self.request("POST", "/__resin/decap", &headers, body.to_string().as_bytes())
    }

    /// Waits until `path` answers something `ok` accepts; returns it.
    fn wait_for(&self, path: &str, what: &str, ok: impl Fn(&Got) -> bool) -> Got {
        let start = Instant::now();
        loop {
            let got = self.get(path);
            if ok(&got) {
                return got;
            }
            if start.elapsed() > PATIENCE {
                panic!("{path}: still not {what} (status {}):\n{}\n\nlog:\n{}", got.status, got.text(), self.log());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Number of updates reported so far (successful or not).
    fn updates(&self) -> usize {
        let log = self.log();
        log.matches("aperçu à jour en").count() + log.matches("l'aperçu garde la dernière version").count()
    }

    /// Sends SIGINT (Ctrl-C) and waits for the exit code.
    fn interrupt(mut self) -> (i32, String) {
        rustix::process::kill_process(rustix::process::Pid::from_child(&self.child), rustix::process::Signal::INT)
            .unwrap();
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                thread::sleep(Duration::from_millis(50));
                return (status.code().unwrap_or(-1), self.log());
            }
            assert!(start.elapsed() < PATIENCE, "resin serve did not stop on Ctrl-C");
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn unchunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = body.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&body[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 2 + size + 2..];
    }
    out
}

/// What `resin serve` adds to HTML pages: the reload script, and the errors panel.
fn without_injection(body: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(body);
    let Some(start) =
        text.find("<div id=\"resin-erreurs").or_else(|| text.find("<script src=\"/__resin/recharger.js\">"))
    else {
        return body.to_vec();
    };
    let end = text[start..].find("</script>").map(|i| start + i + "</script>".len()).unwrap();
    format!("{}{}", &text[..start], &text[end..]).into_bytes()
}

const PLACE: &str = "content/lieux/association-connexions-guillotiere.md";

#[test]
fn serves_the_site_with_its_404_page_and_the_reload_script_only_in_serve() {
    let site = SiteTest::example();
    let server = Server::start(site.root(), &[]);
    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("content-type").as_deref(), Some("text/html; charset=utf-8"));
    assert!(home.text().contains("<script src=\"/__resin/recharger.js\"></script>"), "the reload script is injected");
    let script = server.get("/__resin/recharger.js");
    assert_eq!(script.header("content-type").as_deref(), Some("text/javascript; charset=utf-8"));
    assert!(script.text().contains("new EventSource(\"/__resin/evenements\")"));
    assert!(home.text().contains("<link rel=\"canonical\" href=\"http://127.0.0.1:"), "the base URL is the local one");

    let missing = server.get("/cette-page/nexiste-pas/");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("Page introuvable"), "the site's own 404 page");

    let redirect = server.get("/lieux");
    assert_eq!(redirect.status, 307);
    assert_eq!(redirect.header("location").as_deref(), Some("/lieux/"));

    let css = server.get("/static/style.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type").as_deref(), Some("text/css; charset=utf-8"));
    assert_eq!(server.get("/donnees/lieux.geojson").status, 200);
    // Redirects stay on the site, and keep the query.
    let redirect = server.get("//lieux?x=1");
    assert_eq!(redirect.header("location").as_deref(), Some("/lieux/?x=1"));
    assert_eq!(server.get("/lieux//").status, 404);

    // `resin build` never carries what serve adds.
    site.build();
    for (path, bytes) in tree(&site.root().join("public")) {
        assert!(!String::from_utf8_lossy(&bytes).contains("__resin"), "{path} carries the reload script");
    }
}

#[test]
fn only_the_embedded_views_may_be_framed_by_other_sites() {
    let site = SiteTest::example();
    let server = Server::start(site.root(), &[]);
    for path in ["/integrer/liste/", "/integrer/carte/?commune=bron"] {
        let view = server.get(path);
        assert_eq!(view.status, 200, "{path}");
        assert_eq!(view.header("x-frame-options"), None, "{path}: any site may frame it");
        assert_eq!(view.header("content-security-policy"), None, "{path}");
    }
    for path in ["/", "/lieux/", "/carte/", "/integrer/", "/donnees/"] {
        let page = server.get(path);
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(page.header("x-frame-options").as_deref(), Some("SAMEORIGIN"), "{path}");
        assert_eq!(page.header("content-security-policy").as_deref(), Some("frame-ancestors 'self'"), "{path}");
    }
}

#[test]
fn edits_creations_deletions_and_renames_are_served_and_pages_reloaded() {
    let site = SiteTest::example();
    let server = Server::start(site.root(), &[]);
    // Listen to the reload events, as an open page does.
    let mut events = TcpStream::connect(&server.address).unwrap();
    write!(events, "GET /__resin/evenements HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    events.set_read_timeout(Some(PATIENCE)).unwrap();
    // The response's header comes once the stream listens.
    let mut seen = Vec::new();
    let mut buffer = [0u8; 512];
    while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = events.read(&mut buffer).expect("the events' header");
        assert!(n > 0, "the event stream closed");
        seen.extend_from_slice(&buffer[..n]);
    }
    assert!(String::from_utf8_lossy(&seen).contains("text/event-stream"));
    seen.clear();

    // Edit a place's name: its page, the lists and its commune's page follow.
    let text = site.read(PLACE).replace("nom: Association Connexions Guillotière", "nom: Espace Guillotière");
    site.write(PLACE, &text);
    server.wait_for("/lieux/association-connexions-guillotiere/", "renamed", |g| {
        g.text().contains("<h1>Espace Guillotière</h1>")
    });
    assert!(server.get("/lieux/").text().contains("Espace Guillotière"));
    assert!(server.get("/communes/lyon-7e-arrondissement/").text().contains("Espace Guillotière"));
    assert!(!server.get("/lieux/").text().contains("Association Connexions Guillotière"));
    while !String::from_utf8_lossy(&seen).contains("event: recharger") {
        let n = events.read(&mut buffer).expect("a reload event");
        assert!(n > 0, "the event stream closed");
        seen.extend_from_slice(&buffer[..n]);
    }

    // A new place.
    let new_place = text.replace("nom: Espace Guillotière", "nom: Point numérique tout neuf");
    site.write("content/lieux/point-numerique-tout-neuf.md", &new_place);
    server.wait_for("/lieux/point-numerique-tout-neuf/", "created", |g| g.status == 200);
    assert!(server.get("/communes/lyon-7e-arrondissement/").text().contains("Point numérique tout neuf"));

    // Renamed file: the old address is gone, the new one is there.
    fs::rename(
        site.root().join("content/lieux/point-numerique-tout-neuf.md"),
        site.root().join("content/lieux/point-numerique-renomme.md"),
    )
    .unwrap();
    server.wait_for("/lieux/point-numerique-tout-neuf/", "gone", |g| g.status == 404);
    assert_eq!(server.get("/lieux/point-numerique-renomme/").status, 200);

    // Deleted: its page is gone and so are the links to it.
    site.remove("content/lieux/point-numerique-renomme.md");
    server.wait_for("/lieux/point-numerique-renomme/", "deleted", |g| g.status == 404);
    assert!(!server.get("/lieux/").text().contains("point-numerique-renomme"));
    assert!(!server.get("/sitemap.xml").text().contains("point-numerique-renomme"));
    assert!(!server.get("/__resin/fichiers").text().contains("point-numerique-renomme"));

    // A template change re-renders the pages that use it; a stylesheet is served as saved.
    let template =
        include_str!("../../themes/resin/templates/lieu.html").replace("</h1>", "</h1>\n<p>Gabarit du site</p>");
    site.write("themes/resin/templates/lieu.html", &template);
    server.wait_for("/lieux/association-connexions-guillotiere/", "re-rendered", |g| {
        g.text().contains("Gabarit du site")
    });
    // A site's own style sheet is served as it is (only the embedded theme is minified).
    site.write("themes/resin/static/style.css", "body { color: navy; }\n");
    server.wait_for("/static/style.css", "replaced", |g| g.text() == "body { color: navy; }\n");
    // A part of a joined script is served joined into its script, in its place, not alone.
    let part = include_str!("../../themes/resin/static/orienter/liste.js").replace("PAS = 5", "PAS = 7");
    site.write("themes/resin/static/orienter/liste.js", &part);
    // The embedded parts are minified, the site's own part is as it is: each found by its code.
    let joined = server.wait_for("/static/orienter.js", "joined again", |g| g.text().contains("PAS = 7"));
    let text = joined.text();
    let [etat, liste, page] =
        ["window.resinOrienter=", "PAS = 7", "if(!o||!o.montrerFiche"].map(|s| text.find(s).unwrap());
    assert!(etat < liste && liste < page, "the parts in order");
    assert_eq!(server.get("/static/orienter/liste.js").status, 404);
}

#[test]
fn bad_content_shows_the_errors_over_the_last_good_site_until_fixed() {
    let site = SiteTest::example();
    let server = Server::start(site.root(), &[]);
    let good = site.read(PLACE);
    site.write(PLACE, &good.replace("frais_a_charge:\n  - Gratuit\n", "frais_a_charge:\n  - Gratos\n"));
    let line = good.lines().position(|l| l.starts_with("frais_a_charge:")).unwrap() + 2;
    let page = server.wait_for("/lieux/association-connexions-guillotiere/", "showing the errors", |g| {
        g.text().contains("resin-erreurs")
    });
    let text = page.text();
    assert_eq!(page.status, 200);
    assert!(text.contains("<h1>Association Connexions Guillotière</h1>"), "the last good page is still served");
    assert!(text.contains("1 erreur à corriger"), "{text}");
    let location = format!("content/lieux/association-connexions-guillotiere.md:{line}:");
    assert!(text.contains(&location), "file and line {location}:\n{text}");
    assert!(text.contains("Gratos"), "the snippet");
    assert!(text.contains("aide"), "how to fix it");
    // Every page shows it, the rest of the site is still there.
    assert!(server.get("/offres/").text().contains("resin-erreurs"));
    assert_eq!(server.get("/lieux/mediatheque-du-bachut/").status, 200);
    assert!(text.contains("Les fiches en erreur sont montrées dans leur dernière version correcte"), "{text}");
    server.wait_for_log("aperçu à jour, sauf les fiches en erreur");

    // The rest of the site follows the saves meanwhile.
    let other = "content/lieux/mediatheque-du-bachut.md";
    let before = site.read(other);
    site.write(other, &before.replace("nom: Médiathèque du Bachut", "nom: Médiathèque du Bachut rénovée"));
    server.wait_for("/lieux/mediatheque-du-bachut/", "the other place updated", |g| g.text().contains("rénovée"));
    site.write(other, &before);

    // A template error too.
    site.write(PLACE, &good);
    server.wait_for("/lieux/association-connexions-guillotiere/", "fixed", |g| !g.text().contains("resin-erreurs"));
    site.write(
        "themes/resin/templates/lieu.html",
        "{% extends \"base.html\" %}{% block contenu %}{{ d.nom | inconnu }}{% endblock %}",
    );
    let page = server.wait_for("/lieux/association-connexions-guillotiere/", "showing the template error", |g| {
        g.text().contains("resin-erreurs")
    });
    assert!(page.text().contains("gabarit"), "{}", page.text());
    assert!(page.text().contains("<h1>Association Connexions Guillotière</h1>"), "the last good page");

    // Fixing recovers without a restart.
    site.remove("themes/resin/templates/lieu.html");
    server.wait_for("/lieux/association-connexions-guillotiere/", "recovered", |g| !g.text().contains("resin-erreurs"));
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn content_with_errors_from_the_start_is_served_without_the_entries_in_error() {
    let site = SiteTest::example();
    let good = site.read(PLACE);
    site.write(PLACE, "---\nnom: [cassé\n---\n");
    let server = Server::start(site.root(), &[]);
    // The rest of the site is served, with the errors; the entry never correct is not.
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("content/lieux/association-connexions-guillotiere.md:3:1"), "{}", page.text());
    assert_eq!(server.get("/lieux/mediatheque-du-bachut/").status, 200);
    assert_eq!(server.get("/lieux/association-connexions-guillotiere/").status, 404);
    assert!(!server.get("/lieux/").text().contains("Association Connexions Guillotière</a>"));
    server.wait_for_log(&format!(
        "Le site a été construit sans les fiches en erreur : 1 erreur à corriger (voir ci-dessus). L'aperçu est à \
         l'adresse http://{}/ ; ces fiches y apparaîtront dès qu'elles seront corrigées.",
        server.address
    ));
    assert!(page.text().contains("/__resin/recharger.js"), "it reloads once fixed");
    site.write(PLACE, &good);
    server.wait_for("/lieux/association-connexions-guillotiere/", "built", |g| g.status == 200);
}

/// Issue 23: with no version of the site built yet, every page path answers « not available
/// yet » (503, to be asked again shortly) with the errors listed, file and line first, and
/// reloads itself; the terminal says it in plain words, with the preview's address.
#[test]
fn a_site_yaml_with_errors_from_the_start_is_served_as_an_errors_page_until_fixed() {
    let site = SiteTest::example();
    let good = site.read("content/site.yaml");
    site.write("content/site.yaml", &good.replace("titre:", "titre: [cassé\nx:"));
    let server = Server::start(site.root(), &[]);
    for path in ["/", "/lieux/", "/lieux/mediatheque-du-bachut/", "/nulle-part/"] {
        let page = server.get(path);
        assert_eq!(page.status, 503, "{path}");
        assert_eq!(page.header("Retry-After").as_deref(), Some("5"), "{path}");
    }
    let page = server.get("/").text();
    assert!(page.contains("<h1>Le site n'a pas pu être construit</h1>"), "{page}");
    // site.yaml's error comes first, before those it causes (the territorial fields unknown).
    let first = page.find("<li>").expect("a list of errors");
    assert!(page[first..].starts_with("<li><p class=\"ou\">content/site.yaml, ligne 3</p>"), "{page}");
    assert!(page.contains("<strong>À faire :</strong> vérifiez l&#39;indentation"), "{page}");
    assert!(page.contains("erreur[yaml]"), "the report as `resin check` prints it");
    assert!(page.contains("/__resin/recharger.js") && !page.contains("resin-erreurs-marge"), "no panel over it");
    assert!(!page.contains("dernière version correcte"), "there is no earlier version");
    let errors = page.split("<li>").count() - 1;
    let said = format!(
        "Le site n'a pas pu être construit : {errors} erreurs à corriger (voir ci-dessus). L'aperçu montre ces \
         erreurs à l'adresse http://{}/ ; il se mettra à jour dès qu'elles seront corrigées.",
        server.address
    );
    server.wait_for_log(&said);
    assert!(!server.log().contains("site construit :"), "{}", server.log());
    // A save that does not fix it: still the page, and the terminal says so.
    site.write("content/site.yaml", &good.replace("titre:", "titre: [toujours cassé\nx:"));
    server.wait_for_log("content/site.yaml : le site n'a toujours pas pu être construit");
    assert_eq!(server.get("/lieux/").status, 503);
    site.write("content/site.yaml", &good);
    server.wait_for("/", "built", |g| g.status == 200);
    assert!(!server.get("/lieux/").text().contains("resin-erreurs"));
}

/// Issue 23: a place whose content makes a template fail from the first build leaves no site
/// to show: the errors page, while the web editor opens (site.yaml reads, issue 22); once the
/// place is fixed, the site comes back.
#[test]
fn a_place_that_breaks_a_template_from_the_start_is_served_as_an_errors_page_until_fixed() {
    let site = SiteTest::example();
    let template = include_str!("../../themes/resin/templates/lieu.html")
        .replace("</h1>", "</h1>{% if d.nom == \"Boum\" %}{{ d.nom | round }}{% endif %}");
    site.write("themes/resin/templates/lieu.html", &template);
    let good = site.read(PLACE);
    site.write(PLACE, &good.replace("nom: Association Connexions Guillotière", "nom: Boum"));
    let server = Server::start(site.root(), &[]);
    let page = server.get("/lieux/");
    assert_eq!(page.status, 503);
    let text = page.text();
    assert!(text.contains("<strong>1 erreur à corriger</strong>") && text.contains("gabarit"), "{text}");
    assert!(text.contains("href=\"/admin/\""), "the editor is linked: {text}");
    assert_eq!(server.get("/admin/").status, 200, "the editor opens");
    assert_eq!(server.get("/admin/config.yml").status, 200);
    server.wait_for_log("Le site n'a pas pu être construit : 1 erreur à corriger (voir ci-dessus).");
    site.write(PLACE, &good);
    let page = server.wait_for("/lieux/association-connexions-guillotiere/", "built", |g| g.status == 200);
    assert!(page.text().contains("<h1>Association Connexions Guillotière</h1>"));
    assert!(!page.text().contains("resin-erreurs"));
}

#[test]
fn one_save_through_a_temporary_file_gives_one_update() {
    let site = SiteTest::example();
    let server = Server::start(site.root(), &[]);
    let before = server.updates();
    // Write a temporary file beside the original, then rename it over (what many editors do).
    let text = site.read(PLACE).replace("nom: Association Connexions Guillotière", "nom: Sauvegarde atomique");
    site.write("content/lieux/.association-connexions-guillotiere.md.tmp", &text);
    fs::rename(site.root().join("content/lieux/.association-connexions-guillotiere.md.tmp"), site.root().join(PLACE))
        .unwrap();
    server
        .wait_for("/lieux/association-connexions-guillotiere/", "saved", |g| g.text().contains("Sauvegarde atomique"));
    thread::sleep(Duration::from_millis(400));
    assert_eq!(server.updates(), before + 1, "{}", server.log());
    // Saved again as it is, and an editor's leftovers: nothing to do.
    site.write(PLACE, &text);
    site.write("content/lieux/association-connexions-guillotiere.md~", &text);
    site.write("content/lieux/#association-connexions-guillotiere.md#", &text);
    thread::sleep(Duration::from_millis(600));
    assert_eq!(server.updates(), before + 1, "{}", server.log());
    assert_eq!(server.get("/lieux/association-connexions-guillotiere.md~").status, 404);
}

#[test]
fn after_twenty_edits_the_served_site_is_what_a_fresh_build_writes() {
    let example = Example::new();
    let root = example.site.root();
    let server = Server::start(root, &[]);
    // Site-wide changes first: after them, every page depends on its own entries only, and a
    // page that was not produced again after a change it depends on shows up below.
    let edits = [
        Edit::Template { on: true },
        Edit::Css { n: 1 },
        Edit::Config { n: 1 },
        Edit::Template { on: false },
        Edit::RenamePlace { place: 0, name: 2 },
        Edit::MovePlace { place: 1, to: 120 },
        Edit::Services { place: 2, service: 3 },
        Edit::CreatePlace { from: 3, n: 0 },
        Edit::RenameOffer { offer: 0, name: 0 },
        Edit::OfferPlaces { offer: 4, a: 10, b: 11 },
        Edit::RenamePlace { place: 11, name: 3 },
        Edit::RenamePage { page: 0, name: 1 },
        Edit::Asset { n: 0 },
        Edit::BreakPlace { place: 4 },
        Edit::RestorePlace { place: 4 },
        Edit::DeletePlace { place: 6 },
        Edit::RenameFile { place: 7, n: 0 },
        Edit::RestorePlace { place: 7 },
        Edit::DeleteOffer { offer: 2 },
        Edit::TouchPlace { place: 8 },
        Edit::RenamePlace { place: 9, name: 4 },
        Edit::MovePlace { place: 200, to: 3 },
    ];
    for edit in &edits {
        let before = server.updates();
        let touched = example.apply(edit);
        if !touched.is_empty() {
            // Let each edit be its own update, as when an animator saves file after file.
            let start = Instant::now();
            while server.updates() == before && start.elapsed() < Duration::from_secs(2) {
                thread::sleep(Duration::from_millis(10));
            }
        }
        // Visit every page, as a browser would: what is produced now is kept for later updates.
        for path in server.get("/__resin/fichiers").text().lines() {
            server.get(&format!("/{path}"));
        }
    }
    // The same content built from scratch, with the same address.
    let url = format!("http://{}/", server.address);
    let output = root.join("frais");
    let run = example.site.run(&["build", "--output", output.to_str().unwrap(), "--base-url", &url]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut built = tree(&output);
    built.remove(".resin-build");
    let start = Instant::now();
    loop {
        let served = server.get("/__resin/fichiers").text();
        let served: Vec<&str> = served.lines().collect();
        let expected: Vec<&str> = built.keys().map(String::as_str).collect();
        if served == expected {
            break;
        }
        assert!(start.elapsed() < PATIENCE, "served files differ from the build:\n{served:?}\n{expected:?}");
        thread::sleep(Duration::from_millis(50));
    }
    // The last update may still be running: the served site must come to the built one.
    let start = Instant::now();
    loop {
        let differing = built.iter().find(|(path, bytes)| {
            let got = server.get(&format!("/{path}"));
            let mut body = without_injection(&got.body);
            // The preview's web editor writes through resin: its configuration says so at its end.
            if path.as_str() == "admin/config.yml" {
                let text = String::from_utf8(body).unwrap();
                body = text.split("local_backend:\n").next().unwrap().as_bytes().to_vec();
            }
            got.status != 200 || body != **bytes
        });
        let Some((path, _)) = differing else { break };
        assert!(start.elapsed() < PATIENCE, "{path} differs from a fresh build");
        thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_file_replaced_by_a_link_leading_out_of_content_is_not_served() {
    let site = SiteTest::example();
    site.write("content/fichiers/note.txt", "publique\n");
    let outside = site.root().join("secret.txt");
    fs::write(&outside, "SECRET\n").unwrap();
    let server = Server::start(site.root(), &[]);
    assert_eq!(server.get("/fichiers/note.txt").text(), "publique\n");
    // The link is an error: the last good site, which lists the file, stays served.
    fs::remove_file(site.root().join("content/fichiers/note.txt")).unwrap();
    std::os::unix::fs::symlink(&outside, site.root().join("content/fichiers/note.txt")).unwrap();
    server.wait_for("/", "showing the error", |g| g.text().contains("lien-symbolique"));
    let got = server.get("/fichiers/note.txt");
    assert!(!got.text().contains("SECRET"), "a file outside content/ was served");
    assert_eq!(got.status, 404);
}

#[test]
fn a_template_error_caused_by_the_content_goes_when_the_content_is_fixed() {
    let site = SiteTest::example();
    // A template that fails on one place only (`round` needs a number).
    let template = include_str!("../../themes/resin/templates/lieu.html")
        .replace("</h1>", "</h1>{% if d.nom == \"Boum\" %}{{ d.nom | round }}{% endif %}");
    site.write("themes/resin/templates/lieu.html", &template);
    let server = Server::start(site.root(), &[]);
    let good = site.read(PLACE);
    site.write(PLACE, &good.replace("nom: Association Connexions Guillotière", "nom: Boum"));
    server.wait_for("/", "showing the template error", |g| g.text().contains("resin-erreurs"));
    assert!(server.get("/").text().contains("gabarit"));
    assert!(
        server.get("/lieux/association-connexions-guillotiere/").text().contains("Association Connexions Guillotière")
    );
    site.write(PLACE, &good.replace("nom: Association Connexions Guillotière", "nom: Bam"));
    server.wait_for("/lieux/association-connexions-guillotiere/", "fixed", |g| {
        g.text().contains("<h1>Bam</h1>") && !g.text().contains("resin-erreurs")
    });
}

#[test]
fn content_moved_away_and_back_is_still_watched() {
    let site = SiteTest::example();
    let server = Server::start(site.root(), &[]);
    let content = site.root().join("content");
    let away = site.root().join("ailleurs");
    fs::rename(&content, &away).unwrap();
    server.wait_for("/", "showing the error", |g| g.text().contains("resin-erreurs"));
    fs::rename(&away, &content).unwrap();
    server.wait_for("/", "back", |g| !g.text().contains("resin-erreurs"));
    let text = site.read(PLACE).replace("nom: Association Connexions Guillotière", "nom: De retour");
    site.write(PLACE, &text);
    server
        .wait_for("/lieux/association-connexions-guillotiere/", "updated", |g| g.text().contains("<h1>De retour</h1>"));

    // The same for themes/.
    site.write("themes/resin/static/style.css", "body { color: red; }\n");
    server.wait_for("/static/style.css", "replaced", |g| g.text() == "body { color: red; }\n");
    let themes = site.root().join("themes");
    let away = site.root().join("themes-ailleurs");
    fs::rename(&themes, &away).unwrap();
    server.wait_for("/static/style.css", "back to the embedded one", |g| g.text() != "body { color: red; }\n");
    fs::rename(&away, &themes).unwrap();
    server.wait_for("/static/style.css", "the site's own again", |g| g.text() == "body { color: red; }\n");
    site.write("themes/resin/static/style.css", "body { color: green; }\n");
    server.wait_for("/static/style.css", "still watched", |g| g.text() == "body { color: green; }\n");
}

#[test]
fn ctrl_c_stops_cleanly_and_other_addresses_are_warned_about() {
    let site = SiteTest::example();
    let server = Server::start(site.root(), &["--bind", "0.0.0.0"]);
    assert!(server.log().contains("attention : --bind 0.0.0.0"), "{}", server.log());
    assert_eq!(server.get("/").status, 200);
    // A client that never finishes its request does not keep the preview running.
    let mut idle = TcpStream::connect(&server.address).unwrap();
    write!(idle, "GET /lie").unwrap();
    let (code, log) = server.interrupt();
    drop(idle);
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("Aperçu arrêté."), "{log}");
}

#[test]
fn a_busy_port_is_a_clear_error() {
    let site = SiteTest::example();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = site.run(&["serve", "--port", &port]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(&format!("le port {port} est déjà utilisé")), "{}", run.stderr);
}

#[test]
fn bad_option_values_are_explained_in_french() {
    let site = SiteTest::example();
    let run = site.run(&["serve", "--port", "quatre"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("valeur « quatre » impossible pour --port"), "{}", run.stderr);
    assert!(run.stderr.contains("un nombre de 0 à 65535"), "{}", run.stderr);
    let run = site.run(&["serve", "--bind", "partout"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("une adresse IP est attendue"), "{}", run.stderr);
}

/// The web editor in the preview: Decap CMS's local API writes into content/ (and the page
/// follows), reads entries and media, and refuses what is not a file of content/ or comes from
/// elsewhere; on a preview open to the network, there is no such API.
#[test]
fn the_web_editor_edits_content_through_the_preview() {
    use serde_json::json;
    let site = SiteTest::example();
    let server = Server::start(site.root(), &[]);
    let config = server.get("/admin/config.yml").text();
    let local = format!("local_backend:\n  url: http://{}/__resin/decap\n  allowed_hosts: ['[::1]']\n", server.address);
    assert!(config.ends_with(&local), "{config}");
    let info: serde_json::Value = serde_json::from_slice(&server.decap(&json!({ "action": "info" })).body).unwrap();
    assert_eq!(info["type"], "local_fs");
    assert_eq!(info["publish_modes"], json!(["simple"]));

    // The entries of a folder, with their text.
    let got = server.decap(
        &json!({ "action": "entriesByFolder", "params": { "folder": "content/pages", "extension": "md", "depth": 1 } }),
    );
    let entries: serde_json::Value = serde_json::from_slice(&got.body).unwrap();
    let paths: Vec<&str> = entries.as_array().unwrap().iter().map(|e| e["file"]["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "content/pages/a-propos.md",
            "content/pages/declaration-accessibilite.md",
            "content/pages/mentions-legales.md"
        ]
    );
    assert!(entries[0]["data"].as_str().unwrap().starts_with("---\ntitre: À propos"));
    assert_eq!(entries[0]["file"]["id"].as_str().unwrap().len(), 64, "a sha256");

    // Saving an entry writes the file; the preview follows.
    let place = site.read("content/lieux/mediatheque-du-bachut.md");
    let changed = place.replace("presentation_resume: ", "presentation_resume: Nouveau : atelier du vendredi. ");
    let saved = server.decap(&json!({ "action": "persistEntry", "params": {
        "entry": { "slug": "mediatheque-du-bachut", "path": "content/lieux/mediatheque-du-bachut.md", "raw": changed },
        "assets": [{ "path": "content/medias/plan.png", "content": "iVBORw0KGgo=", "encoding": "base64" }],
        "options": {},
    } }));
    assert_eq!(saved.status, 200, "{}", saved.text());
    assert_eq!(site.read("content/lieux/mediatheque-du-bachut.md"), changed);
    assert_eq!(fs::read(site.root().join("content/medias/plan.png")).unwrap(), b"\x89PNG\r\n\x1a\n");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(site.root().join("content/medias/plan.png")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644, "readable by the web server once published");
    }
    // A new name that another entry has is refused.
    let clash = server.decap(&json!({ "action": "persistEntry", "params": {
        "dataFiles": [{ "path": "content/pages/a-propos.md", "raw": site.read("content/pages/a-propos.md"),
                        "newPath": "content/pages/mentions-legales.md" }],
        "assets": [],
    } }));
    assert_eq!(clash.status, 409, "{}", clash.text());
    assert!(site.read("content/pages/mentions-legales.md").contains("titre: Mentions légales"));
    server
        .wait_for("/lieux/mediatheque-du-bachut/", "updated", |g| g.text().contains("Nouveau : atelier du vendredi."));
    let media = server.decap(&json!({ "action": "getMediaFile", "params": { "path": "content/medias/plan.png" } }));
    let media: serde_json::Value = serde_json::from_slice(&media.body).unwrap();
    assert_eq!((media["content"].as_str(), media["name"].as_str()), (Some("iVBORw0KGgo="), Some("plan.png")));
    let deleted = server.decap(&json!({ "action": "deleteFile", "params": { "path": "content/medias/plan.png" } }));
    assert_eq!(deleted.status, 200);
    assert!(!site.exists("content/medias/plan.png"));

    // Refused: a path out of content/, a body that is not JSON, another site's page, another
    // host name (DNS rebinding), an unknown action.
    let outside = server.decap(&json!({ "action": "persistEntry", "params": {
        "entry": { "path": "content/../themes/x.html", "raw": "<script>" }, "assets": [] } }));
    assert_eq!(outside.status, 403);
    assert!(!site.exists("themes/x.html"));
    let read_outside = server
        .decap(&json!({ "action": "getEntry", "params": { "path": "data/territoire/communes-metropole-lyon.csv" } }));
    assert_eq!(read_outside.status, 403);
    let body = json!({ "action": "info" }).to_string();
    let origin = format!("Origin: http://{}", server.address);
    let form = server.request("POST", "/__resin/decap", &["Content-Type: text/plain", &origin], body.as_bytes());
    assert_eq!(form.status, 415);
    let foreign = server.request(
        "POST",
        "/__resin/decap",
        &["Content-Type: application/json", "Origin: https://exemple.org"],
        body.as_bytes(),
    );
    assert_eq!(foreign.status, 403);
    let rebound = server.request(
        "POST",
        "/__resin/decap",
        &["Content-Type: application/json", "Host: piege.exemple.org", "Origin: http://piege.exemple.org"],
        body.as_bytes(),
    );
    assert_eq!(rebound.status, 403);
    let port = server.address.rsplit(':').next().unwrap();
    let other_port = format!("Host: 127.0.0.1:{}", port.parse::<u16>().unwrap().wrapping_add(1));
    let elsewhere =
        server.request("POST", "/__resin/decap", &["Content-Type: application/json", &other_port], body.as_bytes());
    assert_eq!(elsewhere.status, 403);
    let no_origin = server.request("POST", "/__resin/decap", &["Content-Type: application/json"], body.as_bytes());
    assert_eq!(no_origin.status, 403, "Decap always says where it comes from");
    let cross = ["Content-Type: application/json", origin.as_str(), "Sec-Fetch-Site: cross-site"];
    assert_eq!(server.request("POST", "/__resin/decap", &cross, body.as_bytes()).status, 403);
    assert_eq!(server.decap(&json!({ "action": "formatDisk" })).status, 422);
    assert!(
        server.log().contains("éditeur en ligne : content/lieux/mediatheque-du-bachut.md enregistré"),
        "{}",
        server.log()
    );

    // A site without the web editor has no local API either.
    let plain = SiteTest::new().file("content/lieux/a.md", crate::support::PLACE);
    let without = Server::start(plain.root(), &[]);
    assert_eq!(without.decap(&json!({ "action": "info" })).status, 404);

    // Open to the network: no local API, and the editor uses the forge.
    let open = Server::start(site.root(), &["--bind", "0.0.0.0"]);
    assert_eq!(open.decap(&json!({ "action": "info" })).status, 404);
    assert!(!open.get("/admin/config.yml").text().contains("local_backend"));
}

/// The web editor's local API publishes media by the rule of `resin check`: an HTML page, a
/// script or an SVG that can run a script is refused with a French message, and not written;
/// an image, a PDF or a plain SVG is saved. A rename cannot turn a file into a page either.
#[test]
fn the_web_editor_refuses_active_media() {
    use base64::Engine;
    use serde_json::json;
    let site = SiteTest::example();
    let server = Server::start(site.root(), &[]);
    let base64 = |text: &str| base64::engine::general_purpose::STANDARD.encode(text);
    let persist = |path: &str, text: &str| {
        server.decap(&json!({ "action": "persistMedia", "params": {
            "asset": { "path": path, "content": base64(text), "encoding": "base64" } } }))
    };
    for (path, text, message) in [
        ("content/medias/connexion.html", "<script>alert(1)</script>", "les fichiers `.html` ne sont pas publiés"),
        ("content/medias/outil.js", "alert(1)", "les fichiers `.js` ne sont pas publiés"),
        ("content/medias/carte.xml", "<x/>", "les fichiers `.xml` ne sont pas publiés"),
        (
            "content/medias/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            "elle contient un élément `<script>`",
        ),
        (
            "content/medias/plan.SVG",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect onclick=\"alert(1)\"/></svg>",
            "l'attribut d'événement `onclick`",
        ),
    ] {
        let got = persist(path, text);
        assert_eq!(got.status, 415, "{path}: {}", got.text());
        assert!(got.text().contains(message), "{path}: {}", got.text());
        assert!(got.text().contains("retirez") || got.text().contains("enregistrez"), "{path}: what to do instead");
        assert!(!site.exists(path), "{path} was written");
    }
    // The same refusal for a file sent with an entry.
    let with_entry = server.decap(&json!({ "action": "persistEntry", "params": {
        "entry": { "path": "content/pages/a-propos.md", "raw": site.read("content/pages/a-propos.md") },
        "assets": [{ "path": "content/medias/a.html", "content": base64("<script>"), "encoding": "base64" }] } }));
    assert_eq!(with_entry.status, 415, "{}", with_entry.text());
    assert!(!site.exists("content/medias/a.html"));

    let drawing = "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>";
    assert_eq!(persist("content/medias/rond.svg", drawing).status, 200);
    assert_eq!(persist("content/medias/guide.pdf", "%PDF-1.4\n").status, 200);
    assert_eq!(site.read("content/medias/rond.svg"), drawing);
    server.wait_for("/medias/rond.svg", "published", |g| g.status == 200);
    // Changed on disk into an active image: the preview stops serving it at once.
    site.write("content/medias/rond.svg", &drawing.replace("<circle", "<circle onmouseover=\"alert(1)\""));
    server.wait_for("/medias/rond.svg", "withdrawn", |g| g.status == 404);

    // Renamed into a page: refused, the file stays where it was.
    let renamed = server.decap(&json!({ "action": "persistEntry", "params": {
        "dataFiles": [{ "path": "content/medias/guide.pdf", "raw": "%PDF-1.4\n", "newPath": "content/medias/guide.html" }],
        "assets": [] } }));
    assert_eq!(renamed.status, 415, "{}", renamed.text());
    assert!(site.exists("content/medias/guide.pdf") && !site.exists("content/medias/guide.html"));
}

/// Issue 19, defect 6: a media file was read whole into memory for each request (three
/// downloads of a 2 GB file took the preview to 4.4 GB). A 1 GiB file (sparse: no disk used)
/// is downloaded while the server's resident memory is watched.
#[cfg(target_os = "linux")]
#[test]
fn a_large_media_file_is_streamed_not_read_whole() {
    const SIZE: u64 = 1 << 30;
    let site = SiteTest::example();
    fs::File::create(site.root().join("content/gros.pdf")).unwrap().set_len(SIZE).unwrap();
    let server = Server::start(site.root(), &[]);
    let before = server.resident_memory();
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(stream, "GET /gros.pdf HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", server.address).unwrap();
    let mut reader = BufReader::with_capacity(1 << 20, stream);
    let mut head = String::new();
    while !head.ends_with("\r\n\r\n") {
        assert_ne!(reader.read_line(&mut head).unwrap(), 0, "no header: {head}");
    }
    let head = head.to_ascii_lowercase();
    for expected in [
        "200 ok",
        &format!("content-length: {SIZE}"),
        "cache-control: no-store",
        "content-type: application/pdf",
        "x-content-type-options: nosniff",
    ] {
        assert!(head.contains(expected), "{expected}:\n{head}");
    }
    let (mut received, mut peak) = (0u64, 0);
    let mut buffer = vec![0; 1 << 20];
    loop {
        let read = reader.read(&mut buffer).unwrap();
        if read == 0 {
            break;
        }
        received += read as u64;
        if received % (64 << 20) < read as u64 {
            peak = peak.max(server.resident_memory());
        }
    }
    assert_eq!(received, SIZE);
    assert!(peak < before + (200 << 20), "the server grew from {} MiB to {} MiB", before >> 20, peak >> 20);
    // Still confined: a missing asset is the site's 404 page.
    fs::remove_file(site.root().join("content/gros.pdf")).unwrap();
    assert_eq!(server.get("/gros.pdf").status, 404);
}

/// Issue 22: with an error in one file of content/ from the start, the web editor is served all
/// the same (its page, its configuration, its scripts and the static files it loads), without
/// the errors panel; other pages get the panel, folded; a place with errors is named in the
/// editor's check, told for a person.
#[test]
fn the_editor_is_served_whatever_the_content_and_checks_the_entry_it_edits() {
    use serde_json::json;
    let site = SiteTest::example();
    site.write(PLACE, "---\nnom: [cassé\n---\n");
    let server = Server::start(site.root(), &[]);
    for path in ["/admin/", "/admin/config.yml", "/admin/resin-cms.js", "/admin/resin-verifier.js", "/static/style.css"]
    {
        assert_eq!(server.get(path).status, 200, "{path}");
    }
    let admin = server.get("/admin/").text();
    assert!(admin.contains("/__resin/recharger.js") && !admin.contains("resin-erreurs"), "{admin}");
    let config = server.get("/admin/config.yml").text();
    assert!(config.contains("local_backend:") && config.contains("Médiathèque du Bachut"), "{config}");
    assert!(!config.contains("association-connexions-guillotiere"), "a place with errors is left out of the lists");
    // Other pages, served without the place in error: the panel, folded.
    let home = server.get("/").text();
    assert!(home.contains("<details id=\"resin-erreurs\" lang"), "{home}");
    assert!(home.contains("max-height:33vh"));

    // The entry being edited: a wrong phone is one problem, on `telephone`, in plain French.
    let place = |telephone: &str| {
        json!({ "collection": "lieux", "slug": "mediatheque-du-bachut", "data": {
            "nom": "Médiathèque du Bachut", "adresse": "2 place du 11 Novembre 1918",
            "commune": "Lyon 8e Arrondissement", "code_postal": "69008", "code_insee": "69388",
            "latitude": 45.7372, "longitude": 4.871, "telephone": telephone, "typologie": ["BIB"],
            "services": ["Aide aux démarches administratives"], "horaires": "Tu 13:00-19:00",
            "date_maj": "2026-11-20", "body": "Un conseiller vous accueille.\n" } })
    };
    let verify = |body: &serde_json::Value| {
        let origin = format!("Origin: http://{}", server.address);
        let headers = ["Content-Type: application/json", origin.as_str()];
        server.request("POST", "/__resin/verifier", &headers, body.to_string().as_bytes())
    };
    let got = verify(&place("04 78"));
    assert_eq!(got.status, 200, "{}", got.text());
    let answer: serde_json::Value = serde_json::from_slice(&got.body).unwrap();
    let problems = answer["problemes"].as_array().unwrap();
    let errors: Vec<_> = problems.iter().filter(|p| p["niveau"] == "erreur").collect();
    assert_eq!(errors.len(), 1, "{answer}");
    assert_eq!(errors[0]["champ"], "telephone");
    let told = format!("{} {}", errors[0]["message"], errors[0]["aide"]);
    assert!(told.contains("téléphone invalide «\u{a0}04 78\u{a0}»"), "{told}");
    for unwanted in ["content/", ".md", "erreur[", "`", ":12:"] {
        assert!(!told.contains(unwanted), "{unwanted} in {told}");
    }
    let got = verify(&place("04 78 00 00 00"));
    let answer: serde_json::Value = serde_json::from_slice(&got.body).unwrap();
    assert_eq!(answer["problemes"], json!([]), "{answer}");
    // Without `date_maj`, as in a new place: the editor writes it at the save, nothing to tell.
    let mut new = place("04 78 00 00 00");
    new["data"].as_object_mut().unwrap().remove("date_maj");
    let answer: serde_json::Value = serde_json::from_slice(&verify(&new).body).unwrap();
    assert_eq!(answer["problemes"], json!([]), "{answer}");
    // An offer naming a place that does not exist.
    let offer = json!({ "collection": "offres", "data": { "titre": "Atelier", "lieux": ["mediatheque-du-bachu"] } });
    let answer: serde_json::Value = serde_json::from_slice(&verify(&offer).body).unwrap();
    let unknown = answer["problemes"].as_array().unwrap().iter().find(|p| p["champ"] == "lieux").expect("lieux");
    assert!(unknown["aide"].as_str().unwrap().contains("mediatheque-du-bachut"), "{unknown}");

    // Refused as the Decap API refuses: another site, not JSON, another host.
    let body = place("04 78").to_string();
    let foreign = ["Content-Type: application/json", "Origin: https://exemple.org"];
    assert_eq!(server.request("POST", "/__resin/verifier", &foreign, body.as_bytes()).status, 403);
    let origin = format!("Origin: http://{}", server.address);
    let form = ["Content-Type: text/plain", origin.as_str()];
    assert_eq!(server.request("POST", "/__resin/verifier", &form, body.as_bytes()).status, 415);
    let rebound = ["Content-Type: application/json", "Host: piege.exemple.org", "Origin: http://piege.exemple.org"];
    assert_eq!(server.request("POST", "/__resin/verifier", &rebound, body.as_bytes()).status, 403);

    // Open to the network: no check either.
    let open = Server::start(site.root(), &["--bind", "0.0.0.0"]);
    let origin = format!("Origin: http://{}", open.address);
    let headers = ["Content-Type: application/json", origin.as_str()];
    assert_eq!(open.request("POST", "/__resin/verifier", &headers, body.as_bytes()).status, 404);
}

/// Issue 22: the preview's page of an entry whose file has errors says so, and names them: the
/// last correct version for a known place, why it is not shown for a new one.
#[test]
fn the_page_of_an_entry_with_errors_says_why_it_is_not_up_to_date() {
    let site = SiteTest::example();
    let server = Server::start(site.root(), &[]);
    let good = site.read(PLACE);
    let broken = good.replace("frais_a_charge:\n  - Gratuit\n", "frais_a_charge:\n  - Gratos\n");
    assert_ne!(broken, good);
    site.write(PLACE, &broken);
    let page = server
        .wait_for("/lieux/association-connexions-guillotiere/", "noted", |g| g.text().contains("id=\"resin-fiche\""));
    let text = page.text();
    assert_eq!(page.status, 200);
    assert!(text.contains("dernière version correcte de la fiche"), "{text}");
    assert!(text.contains("Gratos"), "the problem is named");
    // Over the last good page, the panel is folded (a <details> without `open`).
    assert!(text.contains("<details id=\"resin-erreurs\" lang"), "{text}");
    assert!(!server.get("/lieux/mediatheque-du-bachut/").text().contains("id=\"resin-fiche\""), "only on its page");
    site.write("content/lieux/nouveau-lieu.md", &broken);
    let page = server.wait_for("/lieux/nouveau-lieu/", "noted", |g| g.text().contains("id=\"resin-fiche\""));
    assert_eq!(page.status, 404);
    assert!(page.text().contains("n'est pas montrée dans l'aperçu"), "{}", page.text());
    assert!(page.text().contains("/admin/#/collections/lieux/entries/nouveau-lieu"));
}
