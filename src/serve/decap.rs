//! The web editor in the preview: `resin serve` answers Decap CMS's local API (the protocol of
//! its `decap-server` proxy, `local_fs`) at [`API_PATH`], so that `/admin/` edits the files of
//! `content/` on this computer without a forge or an account; each save updates the preview like
//! any other save.
//!
//! Only when `site.yaml` turns the web editor on, and on a preview bound to this computer (not
//! with `--bind 0.0.0.0`); only files under `content/`, never through a link leading elsewhere;
//! only requests from the preview's own pages: a JSON body (a page of another site cannot send
//! one without asking first, and is not answered), from the preview's own address (`Host`,
//! `Origin`, `Sec-Fetch-Site`), checked before the body is read. Other accounts of the same
//! computer can reach a preview bound to it: the README says so.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::Shared;
use crate::diagnostic::{EditorRefusal, Notice};
use crate::load::media;
use crate::source::printable;

/// Where Decap's local API answers.
pub(crate) const API_PATH: &str = "/__resin/decap";

/// The largest request: an image or a document sent with the editor.
pub(crate) const MAX_BODY: usize = 32 * 1024 * 1024;

/// The site being edited, and the addresses the preview answers to.
#[derive(Debug)]
pub(crate) struct Editing {
    /// The site root (canonical).
    root: PathBuf,
    /// `content/` (canonical).
    content: PathBuf,
    /// `127.0.0.1:port`, `localhost:port`, `[::1]:port`.
    hosts: Vec<String>,
}

impl Editing {
    /// Local editing of the site at `root` for a preview listening on `port` of this computer.
    pub(crate) fn new(root: &Path, port: u16) -> Option<Editing> {
        let content = root.join("content").canonicalize().ok()?;
        let hosts = ["127.0.0.1", "localhost", "[::1]"].iter().map(|h| format!("{h}:{port}")).collect();
        Some(Editing { root: root.to_path_buf(), content, hosts })
    }

    /// The request's `Host`, when it is one of the preview's own addresses.
    pub(crate) fn own_host(&self, headers: &HeaderMap) -> Option<String> {
        let host = headers.get(header::HOST)?.to_str().ok()?;
        self.hosts.iter().any(|h| h == host).then(|| host.to_string())
    }

    /// The line that tells Decap, in `config.yml`, to use this API instead of the forge.
    pub(crate) fn config_line(host: &str) -> String {
        // Decap uses it from `localhost` and `127.0.0.1`, and from the hosts listed.
        format!("local_backend:\n  url: http://{host}{API_PATH}\n  allowed_hosts: ['[::1]']\n")
    }
}

/// One request of Decap.
#[derive(Deserialize)]
struct Request {
    action: String,
    #[serde(default)]
    params: Value,
}

/// A refused or failed request; its French text is the kind's.
type Refusal = EditorRefusal;

/// `POST /__resin/decap`.
pub(crate) async fn api(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Body) -> Response {
    let (editing, body) = match admit(&shared, &headers, body).await {
        Ok(admitted) => admitted,
        Err(refusal) => return refuse(refusal),
    };
    let request: Request = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(_) => return refuse(EditorRefusal::UnreadableRequest),
    };
    let answer = tokio::task::spawn_blocking(move || handle(&editing, &request)).await;
    match answer {
        Ok(Ok(value)) => axum::Json(value).into_response(),
        Ok(Err(refusal)) => refuse(refusal),
        Err(_) => refuse(EditorRefusal::Internal),
    }
}

/// A request of the preview's own editor: local editing on, the web editor on, the preview's
/// own address and page, a JSON body (read, up to [`MAX_BODY`]). The guards of every request
/// of the editor to resin (this API, and [`super::verify`]).
pub(crate) async fn admit(
    shared: &Shared,
    headers: &HeaderMap,
    body: Body,
) -> Result<(Arc<Editing>, axum::body::Bytes), Refusal> {
    let editing = admit_headers(shared, headers)?;
    let body = axum::body::to_bytes(body, MAX_BODY)
        .await
        .map_err(|_| EditorRefusal::TooLarge { megabytes: MAX_BODY >> 20 })?;
    Ok((editing, body))
}

/// The guards of [`admit`] on the request's headers alone, for a request whose body is
/// bounded otherwise (the hours widget's, [`super::hours`]).
pub(crate) fn admit_headers(shared: &Shared, headers: &HeaderMap) -> Result<Arc<Editing>, Refusal> {
    let editing = shared.editing.clone().ok_or(EditorRefusal::NotLocal)?;
    // The site, as indexed even with errors, has the web editor (or, while `site.yaml` itself
    // has an error, the last good site had it).
    let last_good = || shared.current().0.is_some_and(|snapshot| snapshot.contains("admin/config.yml"));
    if shared.editor().is_none() && !last_good() {
        return Err(EditorRefusal::EditorOff);
    }
    let host = editing.own_host(headers).ok_or(EditorRefusal::UnexpectedHost)?;
    // Decap's requests always say where they come from.
    let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
    let fetch_site = headers.get("sec-fetch-site").and_then(|o| o.to_str().ok());
    if origin != Some(&format!("http://{host}")) || fetch_site.is_some_and(|site| site != "same-origin") {
        return Err(EditorRefusal::OtherSite);
    }
    let json_body = headers
        .get(header::CONTENT_TYPE)
        .and_then(|c| c.to_str().ok())
        .is_some_and(|c| c.split(';').next().is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json")));
    if !json_body {
        return Err(EditorRefusal::NotJson);
    }
    Ok(editing)
}

pub(crate) fn refuse(refusal: Refusal) -> Response {
    (status(&refusal), axum::Json(json!({ "error": refusal.to_string() }))).into_response()
}

/// The HTTP status of a refusal, as `decap-server` would answer.
fn status(refusal: &Refusal) -> StatusCode {
    match refusal {
        EditorRefusal::NotLocal | EditorRefusal::EditorOff => StatusCode::NOT_FOUND,
        EditorRefusal::UnexpectedHost | EditorRefusal::OtherSite | EditorRefusal::NotContentFile { .. } => {
            StatusCode::FORBIDDEN
        }
        EditorRefusal::NotJson | EditorRefusal::Media { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        EditorRefusal::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        EditorRefusal::UnreadableRequest | EditorRefusal::MissingParameter { .. } | EditorRefusal::BadBase64 { .. } => {
            StatusCode::BAD_REQUEST
        }
        EditorRefusal::UnknownAction { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        EditorRefusal::AlreadyExists { .. } => StatusCode::CONFLICT,
        EditorRefusal::Io { .. } | EditorRefusal::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The answer to one action, as `decap-server` gives it.
fn handle(editing: &Editing, request: &Request) -> Result<Value, Refusal> {
    let params = &request.params;
    let text = |key: &str| -> Result<String, Refusal> {
        params[key]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| EditorRefusal::MissingParameter { name: key.to_string() })
    };
    match request.action.as_str() {
        "info" => {
            let name = editing.root.file_name().map_or("site".into(), |n| n.to_string_lossy().into_owned());
            Ok(json!({ "repo": name, "publish_modes": ["simple"], "type": "local_fs" }))
        }
        "entriesByFolder" => {
            let folder = text("folder")?;
            let extension = params["extension"].as_str().unwrap_or("");
            let depth = params["depth"].as_u64().unwrap_or(1).max(1);
            let files = editing.list(&folder, extension, depth)?;
            Ok(Value::Array(files.iter().map(|path| editing.entry(path, None)).collect()))
        }
        "entriesByFiles" => {
            let files = params["files"].as_array().cloned().unwrap_or_default();
            let entries = files
                .iter()
                .map(|f| {
                    let path = f["path"].as_str().unwrap_or_default();
                    editing.check(path).map(|_| editing.entry(path, f["label"].as_str()))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Value::Array(entries))
        }
        "getEntry" => {
            let path = text("path")?;
            editing.check(&path)?;
            Ok(editing.entry(&path, None))
        }
        "persistEntry" => {
            let files = match params["dataFiles"].as_array() {
                Some(files) => files.clone(),
                None => vec![params["entry"].clone()],
            };
            for file in &files {
                let path = file["path"].as_str().ok_or_else(|| missing("path"))?;
                let raw = file["raw"].as_str().ok_or_else(|| missing("raw"))?;
                editing.write(path, raw.as_bytes())?;
            }
            for asset in params["assets"].as_array().cloned().unwrap_or_default() {
                editing.write_asset(&asset)?;
            }
            // A renamed entry: its new name once saved.
            if !files.is_empty() && files.iter().all(|f| f["newPath"].is_string()) {
                for file in &files {
                    let (from, to) =
                        (file["path"].as_str().unwrap_or_default(), file["newPath"].as_str().unwrap_or_default());
                    editing.rename(from, to)?;
                }
            }
            Ok(json!({ "message": "entry persisted" }))
        }
        "getMedia" => {
            let folder = text("mediaFolder")?;
            let files = editing.list(&folder, "", 1)?;
            files.iter().map(|path| editing.media(path)).collect::<Result<Vec<_>, _>>().map(Value::Array)
        }
        "getMediaFile" => editing.media(&text("path")?),
        "persistMedia" => {
            let path = editing.write_asset(&params["asset"])?;
            editing.media(&path)
        }
        "deleteFile" => {
            let path = text("path")?;
            editing.delete(&path)?;
            Ok(json!({ "message": format!("deleted file {path}") }))
        }
        "deleteFiles" => {
            let paths: Vec<String> = params["paths"]
                .as_array()
                .map(|p| p.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
                .unwrap_or_default();
            for path in &paths {
                editing.delete(path)?;
            }
            Ok(json!({ "message": format!("deleted files {}", paths.join(", ")) }))
        }
        "getDeployPreview" => Ok(Value::Null),
        other => Err(EditorRefusal::UnknownAction { action: other.to_string() }),
    }
}

/// A file or folder name the editor may write: not hidden, and one that `resin check` takes
/// ([`crate::load::unfit_name`]).
fn plain_name(name: &str) -> bool {
    !name.is_empty() && !name.starts_with('.') && !crate::load::unfit_name(name)
}

/// Entries (`.md`) are checked by the build; other files are media, published only in the
/// formats of [`media`], and SVG only without script: the same rule as `resin check`.
fn publishable(path: &str, bytes: &[u8]) -> Result<(), Refusal> {
    if path.ends_with(".md") {
        return Ok(());
    }
    let Some(refusal) = media::refusal_of(path, bytes) else { return Ok(()) };
    Err(EditorRefusal::Media { kind: refusal.into_kind(path.to_string()) })
}

/// A parameter missing from a request.
fn missing(name: &str) -> Refusal {
    EditorRefusal::MissingParameter { name: name.to_string() }
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn io_error(path: &str) -> impl Fn(std::io::Error) -> Refusal + '_ {
    move |e| EditorRefusal::Io { path: path.to_string(), error: e.to_string() }
}

impl Editing {
    /// Checks that `path` (relative to the site root, `/`-separated) names a file under
    /// `content/`, and returns where it is. Plain names only: no `..`, no absolute path, no
    /// hidden file; and once links are followed, still under `content/`.
    fn check(&self, path: &str) -> Result<PathBuf, Refusal> {
        let refused = || EditorRefusal::NotContentFile { path: path.to_string() };
        let parts: Vec<&str> = path.split('/').collect();
        let plain = parts.len() >= 2
            && parts[0] == "content"
            && parts.iter().all(|p| plain_name(p))
            && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)));
        if !plain {
            return Err(refused());
        }
        let full = self.root.join(path);
        // The nearest folder that exists, links followed, must be inside content/.
        let mut existing = full.as_path();
        while !existing.exists() {
            existing = existing.parent().ok_or_else(refused)?;
        }
        let real = existing.canonicalize().map_err(|_| refused())?;
        // A named pipe or a device would be waited on forever: files and folders only.
        let special = crate::load::special(&full).is_some();
        if real.starts_with(&self.content) && !special { Ok(full) } else { Err(refused()) }
    }

    /// The files of `folder` ending with `.extension` (any with `""`), `depth` levels down,
    /// as paths from the site root, sorted.
    fn list(&self, folder: &str, extension: &str, depth: u64) -> Result<Vec<String>, Refusal> {
        let dir = self.check(folder.trim_end_matches('/'))?;
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut files = Vec::new();
        let walk = walkdir::WalkDir::new(&dir).max_depth(usize::try_from(depth).unwrap_or(1)).sort_by_file_name();
        for entry in walk.into_iter().filter_map(Result::ok) {
            let relative = entry.path().strip_prefix(&self.root).unwrap_or(entry.path());
            let path = relative.to_string_lossy().replace('\\', "/");
            let hidden = path.split('/').any(|p| p.starts_with('.'));
            let wanted = extension.is_empty() || path.ends_with(&format!(".{extension}"));
            if entry.file_type().is_file() && !hidden && wanted && self.check(&path).is_ok() {
                files.push(path);
            }
        }
        Ok(files)
    }

    /// An entry as Decap reads it: its text, or `null` when it cannot be read.
    fn entry(&self, path: &str, label: Option<&str>) -> Value {
        let bytes = self.check(path).ok().and_then(|full| std::fs::read(full).ok());
        match bytes {
            Some(bytes) => json!({
                "data": String::from_utf8_lossy(&bytes),
                "file": { "path": path, "label": label, "id": sha256(&bytes) },
            }),
            None => json!({ "data": null, "file": { "path": path, "label": label, "id": null } }),
        }
    }

    /// A media file as Decap reads it (base64).
    fn media(&self, path: &str) -> Result<Value, Refusal> {
        let bytes = std::fs::read(self.check(path)?).map_err(io_error(path))?;
        let name = path.rsplit('/').next().unwrap_or(path);
        Ok(json!({
            "id": sha256(&bytes),
            "content": BASE64.encode(&bytes),
            "encoding": "base64",
            "path": path,
            "name": name,
        }))
    }

    /// Writes a file at once (a temporary file renamed), creating its folder.
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Refusal> {
        let full = self.check(path)?;
        publishable(path, bytes)?;
        let parent = full.parent().expect("a file under content/ has a folder");
        std::fs::create_dir_all(parent).map_err(io_error(path))?;
        // Created folders are checked again: nothing may have led them elsewhere.
        self.check(path)?;
        let mut temporary =
            tempfile::Builder::new().prefix(".resin-edition-").tempfile_in(parent).map_err(io_error(path))?;
        std::io::Write::write_all(&mut temporary, bytes).map_err(io_error(path))?;
        // The temporary file is private: the entry keeps its permissions, a new one gets the
        // usual ones (the site copies media as they are).
        let permissions = std::fs::metadata(&full).map(|m| m.permissions()).or_else(|_| default_permissions());
        if let Ok(permissions) = permissions {
            temporary.as_file().set_permissions(permissions).map_err(io_error(path))?;
        }
        temporary.persist(&full).map_err(|e| io_error(path)(e.error))?;
        eprintln!("{}", Notice::EditorSaved { path: printable(path).into_owned() });
        Ok(())
    }

    /// Writes an asset sent by Decap (`{ path, content, encoding }`); returns its path.
    fn write_asset(&self, asset: &Value) -> Result<String, Refusal> {
        let path = asset["path"].as_str().ok_or_else(|| missing("path"))?;
        let content = asset["content"].as_str().unwrap_or_default();
        let bytes = match asset["encoding"].as_str().unwrap_or("base64") {
            "base64" => {
                BASE64.decode(content.trim()).map_err(|_| EditorRefusal::BadBase64 { path: path.to_string() })?
            }
            _ => content.as_bytes().to_vec(),
        };
        self.write(path, &bytes)?;
        Ok(path.to_string())
    }

    fn rename(&self, from: &str, to: &str) -> Result<(), Refusal> {
        let (source, target) = (self.check(from)?, self.check(to)?);
        if !to.ends_with(".md") {
            publishable(to, &std::fs::read(&source).map_err(io_error(from))?)?;
        }
        if target.exists() {
            return Err(EditorRefusal::AlreadyExists { path: to.to_string() });
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io_error(to))?;
        }
        std::fs::rename(source, target).map_err(io_error(to))?;
        eprintln!("{}", Notice::EditorRenamed { from: printable(from).into_owned(), to: printable(to).into_owned() });
        Ok(())
    }

    fn delete(&self, path: &str) -> Result<(), Refusal> {
        let full = self.check(path)?;
        match std::fs::remove_file(&full) {
            Ok(()) => {
                eprintln!("{}", Notice::EditorDeleted { path: printable(path).into_owned() });
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_error(path)(e)),
        }
    }
}

/// `rw-r--r--` where files have modes.
fn default_permissions() -> std::io::Result<std::fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(std::fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    {
        Err(std::io::Error::other("no modes"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn only_plain_paths_under_content_are_accepted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/lieux")).unwrap();
        std::fs::write(dir.path().join("secret.txt"), "non").unwrap();
        let root = dir.path().canonicalize().unwrap();
        let editing = Editing::new(&root, 1111).unwrap();
        assert!(editing.check("content/lieux/a.md").is_ok());
        assert!(editing.check("content/nouveau/dossier/b.md").is_ok(), "a new folder under content/");
        for bad in [
            "secret.txt",
            "content/../secret.txt",
            "/etc/passwd",
            "content//a.md",
            "content/.git/config",
            "content/lieux/./a.md",
            "content",
            "public/index.html",
            "content\\..\\secret.txt",
            "content/lieux/a.md:flux",
            "content/lieux/a.md.",
            "content/lieux/nul.md",
            "content/COM1/a.md",
            "content/GIT~1/config",
        ] {
            assert!(editing.check(bad).is_err(), "{bad}");
        }
        // A link leading out of content/ is not followed.
        std::os::unix::fs::symlink(&root, root.join("content/dehors")).unwrap();
        assert!(editing.check("content/dehors/secret.txt").is_err());
        let made = std::process::Command::new("mkfifo").arg(root.join("content/tube.png")).status().unwrap();
        assert!(made.success());
        assert!(editing.check("content/tube.png").is_err(), "a named pipe would block the editor");
        std::os::unix::fs::symlink(root.join("secret.txt"), root.join("content/lien.md")).unwrap();
        assert!(editing.check("content/lien.md").is_err());
    }
}
