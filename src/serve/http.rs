//! The HTTP side of `resin serve` (axum): files of the current snapshot, the site's 404 page
//! for unknown addresses, the reload events, and the list of files (for tests and tools).

use std::convert::Infallible;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;
use tokio_util::io::ReaderStream;

use super::decap::{self, Editing};
use super::overlay::{self, EVENTS_PATH, SCRIPT_PATH, Shown, Unbuilt};
use super::verify::{self, EntryNotes};
use super::{Message, Shared};
use crate::pipeline::{Served, Snapshot};
use crate::render::files::headers;

/// What to escape in a redirect's path.
const PATH: &AsciiSet =
    &CONTROLS.add(b' ').add(b'"').add(b'#').add(b'<').add(b'>').add(b'?').add(b'`').add(b'{').add(b'}');

/// The routes.
pub(super) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(events))
        .route(SCRIPT_PATH, get(reload_script))
        .route("/__resin/fichiers", get(files))
        .route(decap::API_PATH, post(decap::api))
        .route(verify::VERIFY_PATH, post(verify::verify))
        .route(super::hours::HOURS_PATH, post(super::hours::answer))
        .fallback(get(page))
        .with_state(shared)
}

/// Server-sent events: `recharger` after each update; the stream ends when the server stops.
async fn events(State(shared): State<Arc<Shared>>) -> impl IntoResponse {
    let receiver = shared.events.subscribe();
    // Subscribed after the server began to stop: the stream ends at once.
    let open = if shared.stopping.load(std::sync::atomic::Ordering::SeqCst) { 0 } else { usize::MAX };
    let stream = BroadcastStream::new(receiver)
        .take(open)
        .take_while(|message| !matches!(message, Ok(Message::Shutdown)))
        // A receiver that fell behind missed reloads: reloading once is enough.
        .map(|_| Ok::<_, Infallible>(Event::default().event("recharger").data("site")));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The reload script.
async fn reload_script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], overlay::reload_script()).into_response()
}

/// Every path of the current site, one per line.
async fn files(State(shared): State<Arc<Shared>>) -> Response {
    let (snapshot, _) = shared.current();
    let list = snapshot.map(|s| s.paths().join("\n") + "\n").unwrap_or_default();
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], list).into_response()
}

async fn page(State(shared): State<Arc<Shared>>, uri: Uri, headers: HeaderMap) -> Response {
    let (snapshot, panel) = shared.current();
    let path = uri.path().to_string();
    // The web editor is served from the site as indexed, whatever its entries (issue 22), and
    // without the errors panel: the editor shows the problems of the entry it edits.
    let admin = path == "/admin" || path.starts_with("/admin/");
    let editor = shared.editor().filter(|_| admin || (snapshot.is_none() && path.starts_with("/static/")));
    let (snapshot, panel) = match (editor, snapshot) {
        (Some(editor), _) => (editor, None),
        (None, Some(snapshot)) => (snapshot, panel.filter(|_| !admin)),
        (None, None) => return unbuilt(shared.unbuilt()),
    };
    let notes = shared.notes();
    let query = uri.query().map(str::to_string);
    // The web editor of the preview edits content/ on this computer, through resin.
    let local_backend = (path == "/admin/config.yml")
        .then(|| shared.editing.as_ref()?.own_host(&headers))
        .flatten()
        .map(|host| Editing::config_line(&host));
    // Producing a file may take a while (an export of a large site): off the async threads.
    tokio::task::spawn_blocking(move || {
        if let Some(line) = local_backend
            && let Some(Served::Generated(Ok(bytes))) = snapshot.get("admin/config.yml")
        {
            let with_line: Arc<[u8]> = [&bytes[..], line.as_bytes()].concat().into();
            return serve_file(&snapshot, "admin/config.yml", Served::Generated(Ok(with_line)), None, None);
        }
        respond(&snapshot, &path, query.as_deref(), panel.as_deref(), &notes)
    })
    .await
    .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// The response for the URL path `url_path`.
fn respond(
    snapshot: &Snapshot,
    url_path: &str,
    query: Option<&str>,
    panel: Option<&str>,
    notes: &EntryNotes,
) -> Response {
    let Ok(decoded) = percent_decode_str(url_path.trim_start_matches('/')).decode_utf8() else {
        return not_found(snapshot, panel, None);
    };
    // Paths of the site are plain: no `.`, `..` or empty part, no backslash.
    let parts: Vec<&str> = decoded.split('/').collect();
    let inner = &parts[..parts.len() - 1];
    if inner.iter().any(|part| part.is_empty() || *part == ".." || *part == ".") || decoded.contains('\\') {
        return not_found(snapshot, panel, None);
    }
    let file =
        if decoded.is_empty() || decoded.ends_with('/') { format!("{decoded}index.html") } else { decoded.into() };
    match snapshot.get(&file) {
        Some(served) => serve_file(snapshot, &file, served, panel, notes.html(&file, true).as_deref()),
        // `/lieux/x` → `/lieux/x/`, as a static host does; always to a path of this site. Temporary:
        // a browser must not remember it once the preview stops.
        None if snapshot.get(&format!("{file}/index.html")).is_some() => {
            let mut location = format!("/{}/", utf8_percent_encode(&file, PATH));
            if let Some(query) = query {
                location.push('?');
                location.push_str(query);
            }
            (StatusCode::TEMPORARY_REDIRECT, [(header::LOCATION, location)]).into_response()
        }
        // A new entry with errors has no page yet: its 404 page says why.
        None => not_found(snapshot, panel, notes.html(&file, false).as_deref()),
    }
}

/// `note`: why this page of an entry is not up to date ([`EntryNotes`]).
fn serve_file(
    snapshot: &Snapshot,
    file: &str,
    served: Served<'_>,
    panel: Option<&str>,
    note: Option<&str>,
) -> Response {
    let mut error_panel = None;
    let bytes = match served {
        Served::Generated(Ok(bytes)) => bytes.to_vec(),
        Served::Stale(bytes, message) => {
            error_panel = Some(overlay::panel(&format!("erreur de gabarit : {message}"), 1, Shown::SiteLastGood));
            bytes.to_vec()
        }
        Served::Generated(Err(message)) => {
            // A template error met while producing this page.
            let message = format!("erreur de gabarit : {message}");
            let problem = overlay::Problem { place: None, message: message.clone(), help: None };
            let page = overlay::error_page(Unbuilt::Page, &[problem], "", false);
            return html(StatusCode::INTERNAL_SERVER_ERROR, page, file);
        }
        // Media files are streamed: read whole, three downloads of a 2 GB video took the
        // preview to 4.4 GB (issue 19). None is HTML: `load::media` publishes no page.
        Served::Asset(path) => {
            let Some(asset) = snapshot.open_asset(path) else { return not_found(snapshot, panel, None) };
            let Ok(length) = asset.metadata().map(|m| m.len()) else { return not_found(snapshot, panel, None) };
            // 64 KiB a read: a few hops to the blocking threads per megabyte, not 256.
            let body = Body::from_stream(ReaderStream::with_capacity(tokio::fs::File::from_std(asset), 1 << 16));
            let mut response = with_type(body, &content_type(file).unwrap_or_default());
            response.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from(length));
            return response;
        }
    };
    match content_type(file) {
        None => {
            let bytes = match note {
                Some(note) => overlay::in_main(&bytes, note),
                None => bytes,
            };
            html(StatusCode::OK, overlay::inject(&bytes, error_panel.as_deref().or(panel)), file)
        }
        Some(content_type) => {
            let mut response = with_type(Body::from(bytes), &content_type);
            site_headers(&mut response, file);
            response
        }
    }
}

/// The `Content-Type` of `file`, by its extension; `None` for HTML (served by [`html`]).
fn content_type(file: &str) -> Option<String> {
    let mime = mime_guess::from_path(file).first_or_octet_stream();
    if mime.essence_str() == "text/html" {
        return None;
    }
    let mut content_type = mime.essence_str().to_string();
    if mime.type_() == "text" || file.ends_with(".json") || file.ends_with(".geojson") || file.ends_with(".svg") {
        content_type.push_str("; charset=utf-8");
    }
    Some(content_type)
}

/// A response of `body` with `content_type` (not HTML), never cached.
fn with_type(body: Body, content_type: &str) -> Response {
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_str(content_type).expect("a MIME type is a header value"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // A media file is what its extension says: never sniffed into a page.
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

/// The site's own 404 page, with status 404; `note` says why an entry has no page yet.
fn not_found(snapshot: &Snapshot, panel: Option<&str>, note: Option<&str>) -> Response {
    let page = match snapshot.get("404.html") {
        Some(Served::Generated(Ok(bytes))) => bytes.to_vec(),
        _ => b"<!doctype html><html lang=\"fr\"><title>Page introuvable</title><body><h1>Page introuvable</h1></body></html>"
            .to_vec(),
    };
    let page = match note {
        Some(note) => overlay::in_main(&page, note),
        None => page,
    };
    html(StatusCode::NOT_FOUND, overlay::inject(&page, panel), NOT_FOUND)
}

/// While no version of the site could be built: the page of its errors, on every path, as a
/// service not available yet (503) that a client may ask again for shortly (`Retry-After`,
/// seconds); the open pages reload themselves after each update.
fn unbuilt(page: Option<Arc<[u8]>>) -> Response {
    let page = page.map(|p| p.to_vec()).unwrap_or_else(|| overlay::error_page(Unbuilt::Site, &[], "", false));
    let mut response = html(StatusCode::SERVICE_UNAVAILABLE, page, NOT_FOUND);
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    response
}

/// The page of unknown addresses, whose headers the 404 and 503 responses carry.
const NOT_FOUND: &str = "404.html";

/// A page, with the headers of `file`, the site's file it is ([`site_headers`]).
fn html(status: StatusCode, body: Vec<u8>, file: &str) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    site_headers(&mut response, file);
    response
}

/// The headers that `_headers` gives `file` on a static host ([`headers::for_file`]): who may
/// show it in a frame (any site for the embedded views, `/integrer/liste/` and
/// `/integrer/carte/`; only the site itself for every other file, against clickjacking) and
/// which address its links send.
fn site_headers(response: &mut Response, file: &str) {
    let headers = response.headers_mut();
    for (name, value) in headers::for_file(file) {
        headers.insert(*name, HeaderValue::from_static(value));
    }
}
