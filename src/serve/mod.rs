//! `resin serve`: builds the site in memory, serves it over HTTP, watches its files and
//! brings the served site up to date after each save, then reloads the open pages.
//!
//! Three threads share the [`Shared`] state:
//! - the **update** thread waits for changes ([`watch`]), runs [`Workspace::update`] and
//!   publishes the new snapshot, or the errors panel when the content has errors (the last good
//!   site stays served);
//! - the **background** thread produces the files an update left to produce, one core only, so
//!   that pages asked for meanwhile are produced at once (`http`);
//! - the **HTTP** server (tokio, axum) serves the current snapshot and the reload events.

pub(crate) mod decap;
mod hours;
mod http;
pub(crate) mod overlay;
mod verify;
pub(crate) mod watch;

use std::io::IsTerminal;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use tokio::sync::broadcast;

use crate::diagnostic::{self, Format, Notice, Severity, Trigger, UsageKind};
use crate::error::Error;
use crate::pipeline::{Changes, EntryContext, Snapshot, Update, Workspace};

/// How `resin serve` was asked to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site root.
    pub root: PathBuf,
    /// The TCP port (0: any free port).
    pub port: u16,
    /// The address to listen on.
    pub bind: IpAddr,
    /// Open the site in the default browser.
    pub open: bool,
}

/// A message to the open pages.
#[derive(Debug, Clone, Copy)]
pub enum Message {
    /// The site changed: reload.
    Reload,
    /// The server stops: close the event stream.
    Shutdown,
}

/// What the threads share.
pub struct Shared {
    live: RwLock<Live>,
    events: broadcast::Sender<Message>,
    /// The generation of the snapshot served: background work on an older one stops.
    generation: AtomicU64,
    /// Set when the server begins to stop.
    stopping: AtomicBool,
    /// The web editor's local API, on a preview bound to this computer.
    editing: Option<Arc<decap::Editing>>,
    /// The preview's address, for the terminal's lines.
    url: String,
}

#[derive(Default)]
struct Live {
    snapshot: Option<Arc<Snapshot>>,
    /// The errors panel, while the content has errors.
    panel: Option<Arc<str>>,
    /// The page served on every path while no version of the site could be built: the errors.
    unbuilt: Option<Arc<[u8]>>,
    /// What the web editor needs, even while the content has errors.
    editor: Editor,
}

/// The web editor's files and checks, from the site as last indexed (issue 22).
#[derive(Default, Clone)]
struct Editor {
    /// `admin/` and the static files it loads, when `site.yaml` turns the editor on.
    files: Option<Arc<Snapshot>>,
    /// What checking one entry needs.
    context: Option<Arc<EntryContext>>,
    /// The problems of each entry with errors, by the file of its page.
    notes: Arc<verify::EntryNotes>,
}

impl Editor {
    fn of(workspace: &Workspace) -> Editor {
        Editor {
            files: workspace.editor(),
            context: workspace.entry_context().map(Arc::new),
            notes: Arc::new(verify::EntryNotes::of(workspace)),
        }
    }
}

impl Shared {
    fn new(editing: Option<decap::Editing>, url: String) -> Shared {
        Shared {
            url,
            live: RwLock::default(),
            events: broadcast::channel(16).0,
            generation: AtomicU64::new(0),
            stopping: AtomicBool::new(false),
            editing: editing.map(Arc::new),
        }
    }

    /// The snapshot served and the errors panel.
    fn current(&self) -> (Option<Arc<Snapshot>>, Option<Arc<str>>) {
        let live = self.live.read().unwrap_or_else(|e| e.into_inner());
        (live.snapshot.clone(), live.panel.clone())
    }

    /// The page of errors served while no version of the site could be built.
    fn unbuilt(&self) -> Option<Arc<[u8]>> {
        self.live.read().unwrap_or_else(|e| e.into_inner()).unbuilt.clone()
    }

    /// The web editor's files (`admin/`, `static/`), whatever the content.
    fn editor(&self) -> Option<Arc<Snapshot>> {
        self.live.read().unwrap_or_else(|e| e.into_inner()).editor.files.clone()
    }

    /// The context to check one entry of the editor.
    fn entry_context(&self) -> Option<Arc<EntryContext>> {
        self.live.read().unwrap_or_else(|e| e.into_inner()).editor.context.clone()
    }

    /// The problems of the entries with errors, by the file of their page.
    fn notes(&self) -> Arc<verify::EntryNotes> {
        self.live.read().unwrap_or_else(|e| e.into_inner()).editor.notes.clone()
    }

    fn set(&self, snapshot: Option<Arc<Snapshot>>, panel: Option<String>, editor: Option<Editor>) {
        let mut live = self.live.write().unwrap_or_else(|e| e.into_inner());
        if let Some(editor) = editor {
            live.editor = editor;
        }
        if let Some(snapshot) = snapshot {
            self.generation.store(snapshot.generation, Ordering::SeqCst);
            live.snapshot = Some(snapshot);
            live.unbuilt = None;
        }
        live.panel = panel.map(Arc::from);
    }

    /// No version of the site could be built: `page` is served in its place.
    fn set_unbuilt(&self, page: Vec<u8>, editor: Option<Editor>) {
        let mut live = self.live.write().unwrap_or_else(|e| e.into_inner());
        if let Some(editor) = editor {
            live.editor = editor;
        }
        live.panel = None;
        live.unbuilt = Some(Arc::from(page));
    }

    /// Shows template errors found by the background production of snapshot `generation`,
    /// unless a newer snapshot is served or the content's own errors are shown.
    fn set_render_errors(&self, generation: u64, panel: String) -> bool {
        let mut live = self.live.write().unwrap_or_else(|e| e.into_inner());
        if self.generation.load(Ordering::SeqCst) != generation || live.panel.is_some() {
            return false;
        }
        live.panel = Some(Arc::from(panel));
        true
    }

    fn reload(&self) {
        let _ = self.events.send(Message::Reload);
    }
}

/// The preview could not start or go on: the system's reason, told as a [`UsageKind`].
fn preview(reason: impl std::fmt::Display) -> Error {
    Error::Usage(UsageKind::Preview { reason: reason.to_string() })
}

/// Runs the preview until Ctrl-C.
pub fn serve(options: Options) -> Result<(), Error> {
    let Options { root, port, bind, open } = options;
    // Absolute: the watcher reports absolute paths.
    let root = root.canonicalize().map_err(|source| Error::Io { path: root.clone(), source })?;
    let listener = TcpListener::bind(SocketAddr::new(bind, port)).map_err(|e| {
        Error::Usage(match e.kind() {
            std::io::ErrorKind::AddrInUse => UsageKind::PortInUse { port },
            _ => UsageKind::CannotListen { address: format!("{bind}:{port}"), reason: e.to_string() },
        })
    })?;
    let address = listener.local_addr().map_err(preview)?;
    if !bind.is_loopback() {
        eprintln!("{}", Notice::PublicBind { bind: bind.to_string(), port: address.port() });
    }
    let host = match address.ip() {
        ip if ip.is_unspecified() && ip.is_ipv4() => "127.0.0.1".to_string(),
        ip if ip.is_unspecified() => "[::1]".to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
        IpAddr::V4(ip) => ip.to_string(),
    };
    let url = format!("http://{host}:{}/", address.port());

    let started = Instant::now();
    let mut workspace = Workspace::new(&root, Some(&url))?;
    let editing = if bind.is_loopback() { decap::Editing::new(&root, address.port()) } else { None };
    let shared = Arc::new(Shared::new(editing, url.clone()));
    let outcome = workspace.update(&Changes::All, crate::today()?);
    if let Err(error) = &outcome
        && !matches!(error, Error::Template { .. })
    {
        return Err(outcome.unwrap_err());
    }
    let (produce, to_produce) = mpsc::channel();
    let mut shown = String::new();
    publish(&workspace, outcome, &shared, &produce, started, &Trigger::FirstBuild, &mut shown);
    let watcher = watch::Watcher::start(&root, &workspace.watched_files())
        .map_err(|e| Error::Usage(UsageKind::CannotWatch { path: root.clone(), reason: e.to_string() }))?;

    {
        let shared = shared.clone();
        std::thread::Builder::new()
            .name("production".into())
            .spawn(move || produce_in_background(to_produce, &shared))
            .map_err(preview)?;
    }
    {
        let shared = shared.clone();
        let url = url.clone();
        std::thread::Builder::new()
            .name("mise-a-jour".into())
            .spawn(move || update_loop(workspace, watcher, &root, &url, &shared, &produce, shown))
            .map_err(preview)?;
    }

    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().map_err(preview)?;
    let result = runtime.block_on(async {
        listener.set_nonblocking(true).map_err(preview)?;
        let listener = tokio::net::TcpListener::from_std(listener).map_err(preview)?;
        eprintln!("{}", Notice::PreviewAt { url: url.clone() });
        eprintln!("{}", Notice::PreviewWatching);
        if open && open::that_detached(&url).is_err() {
            eprintln!("{}", Notice::BrowserNotOpened { url: url.clone() });
        }
        let (stopped, mut on_stop) = tokio::sync::watch::channel(false);
        let shutdown = {
            let shared = shared.clone();
            async move {
                stop_signal().await;
                shared.stopping.store(true, Ordering::SeqCst);
                let _ = shared.events.send(Message::Shutdown);
                let _ = stopped.send(true);
            }
        };
        let server = axum::serve(listener, http::router(shared.clone())).with_graceful_shutdown(shutdown);
        // Requests under way get a moment to finish; a client that never finishes its request
        // does not hold the preview open.
        let deadline = async move {
            let _ = on_stop.wait_for(|stopped| *stopped).await;
            tokio::time::sleep(Duration::from_secs(2)).await;
        };
        tokio::select! {
            result = server => result.map_err(preview),
            () = deadline => Ok(()),
        }
    });
    runtime.shutdown_timeout(Duration::from_millis(500));
    result?;
    eprintln!("{}", Notice::PreviewStopped);
    Ok(())
}

/// Waits for changes (or midnight: the date shows on pages) and brings the site up to date.
fn update_loop(
    mut workspace: Workspace,
    mut watcher: watch::Watcher,
    root: &Path,
    url: &str,
    shared: &Shared,
    produce: &mpsc::Sender<Arc<Snapshot>>,
    mut shown: String,
) {
    loop {
        let first = match crate::until_tomorrow() {
            Some(wait) => match watcher.changes.recv_timeout(wait) {
                Ok(changes) => changes,
                Err(RecvTimeoutError::Timeout) => Changes::All,
                Err(RecvTimeoutError::Disconnected) => return,
            },
            None => match watcher.changes.recv() {
                Ok(changes) => changes,
                Err(_) => return,
            },
        };
        // One save can come as several batches a few milliseconds apart.
        let mut changes = first;
        std::thread::sleep(Duration::from_millis(2));
        while let Ok(more) = watcher.changes.try_recv() {
            changes = watch::merge(changes, more);
        }
        if let Changes::Paths(paths) = &mut changes {
            paths.retain(|p| watcher.relevant(p));
            paths.sort();
            paths.dedup();
            if paths.is_empty() {
                continue;
            }
            if watcher.rewatch(paths) {
                changes = Changes::All;
            }
        }
        let started = Instant::now();
        let trigger = describe(&changes, root);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            crate::today().and_then(|today| workspace.update(&changes, today))
        }));
        let outcome = match outcome {
            Ok(outcome) => outcome,
            Err(_) => {
                // A bug in resin: start over from nothing rather than serve a half-updated site.
                eprintln!("{}", Notice::InternalReread);
                workspace = Workspace::new(root, Some(url)).expect("the preview's own address is valid");
                crate::today().and_then(|today| workspace.update(&Changes::All, today))
            }
        };
        if matches!(&outcome, Ok(update) if update.unchanged) {
            continue; // saved as it was: nothing to show
        }
        publish(&workspace, outcome, shared, produce, started, &trigger, &mut shown);
        watcher.watch_themes();
        watcher.watch_files(&workspace.watched_files());
    }
}

/// Ctrl-C, or SIGTERM.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate()).expect("a SIGTERM handler");
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}

/// "content/lieux/x.md" for one path, "3 fichiers" for several.
fn describe(changes: &Changes, root: &std::path::Path) -> Trigger {
    match changes {
        Changes::All => Trigger::AllReread,
        Changes::Paths(paths) if paths.len() == 1 => {
            let relative = paths[0].strip_prefix(root).unwrap_or(&paths[0]);
            let parts: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into()).collect();
            Trigger::File { path: crate::source::printable(&parts.join("/")).into_owned() }
        }
        Changes::Paths(paths) => Trigger::Files { count: paths.len() },
    }
}

/// Prints what an update gave, updates the shared state and reloads the pages.
fn publish(
    workspace: &Workspace,
    outcome: Result<Update, Error>,
    shared: &Shared,
    produce: &mpsc::Sender<Arc<Snapshot>>,
    started: Instant,
    trigger: &Trigger,
    shown: &mut String,
) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    // After an error other than a template's, the update stopped midway: the diagnostics are
    // not those of the content.
    let fresh = !matches!(&outcome, Err(e) if !matches!(e, Error::Template { .. }));
    let diagnostics = if fresh { workspace.diagnostics() } else { &[] };
    let errors = diagnostics.iter().filter(|d| d.severity() == Severity::Error).count();
    // The same warnings at every save would bury what changed: print them when they change.
    let report = diagnostic::render(diagnostics, workspace.sources(), Format::Human, color);
    if !diagnostics.is_empty() && (errors > 0 || report != *shown) {
        eprint!("{report}");
    }
    *shown = report;
    let elapsed = started.elapsed().as_millis();
    // An update stopped midway leaves the editor as it was.
    let editor = fresh.then(|| Editor::of(workspace));
    match outcome {
        Ok(update) if update.published => {
            let snapshot = workspace.published().cloned();
            // With errors, the preview shows the entries in error in their last correct version.
            let panel = (errors > 0).then(|| {
                let notice = match trigger {
                    Trigger::FirstBuild => Notice::BuiltWithout { errors, url: shared.url.clone() },
                    trigger => Notice::PreviewPartial { trigger: trigger.clone() },
                };
                eprintln!("{notice}");
                overlay::panel(&errors_report(diagnostics, workspace), errors, overlay::Shown::EntriesLastGood)
            });
            if panel.is_none() {
                let updated =
                    Notice::PreviewUpdated { trigger: trigger.clone(), millis: elapsed, outdated: update.outdated };
                eprintln!("{updated}");
            }
            shared.set(snapshot.clone(), panel, editor);
            if let Some(snapshot) = snapshot {
                let _ = produce.send(snapshot);
            }
        }
        outcome => {
            let mut report = errors_report(diagnostics, workspace);
            if let Err(error) = &outcome {
                let error = error_text(error);
                eprintln!("erreur : {error}");
                report.push_str(&format!("\nerreur : {error}\n"));
            }
            if workspace.published().is_some() {
                eprintln!("{}", Notice::KeptLastGood { trigger: trigger.clone() });
                shared.set(None, Some(overlay::panel(&report, errors, overlay::Shown::SiteLastGood)), editor);
            } else {
                let mut problems = overlay_problems(diagnostics, workspace);
                if let Err(error) = &outcome {
                    problems.push(overlay::Problem { place: None, message: error_text(error), help: None });
                }
                let url = shared.url.clone();
                eprintln!("{}", Notice::NotBuiltYet { trigger: trigger.clone(), errors: problems.len(), url });
                let with_editor = editor.as_ref().map_or(shared.editor().is_some(), |e| e.files.is_some());
                let page = overlay::error_page(overlay::Unbuilt::Site, &problems, &report, with_editor);
                shared.set_unbuilt(page, editor);
            }
        }
    }
    shared.reload();
}

/// What stopped an update, in French.
fn error_text(error: &Error) -> String {
    match error {
        Error::NoContent { root } => Notice::ContentGone { root: crate::error::shown(root) }.to_string(),
        other => other.to_string(),
    }
}

/// The errors among `diagnostics`, one by one, for the page served in place of the site; those
/// of `site.yaml` first, since they may cause others (its territorial fields unknown to the
/// places, say).
fn overlay_problems(diagnostics: &[diagnostic::Diagnostic], workspace: &Workspace) -> Vec<overlay::Problem> {
    let sources = workspace.sources();
    let mut errors: Vec<_> = diagnostics.iter().filter(|d| d.severity() == Severity::Error).collect();
    errors.sort_by_key(|d| d.file.is_none_or(|f| sources.get(f).path != "content/site.yaml"));
    errors
        .into_iter()
        .map(|d| overlay::Problem {
            place: d
                .location(sources)
                .map(|(path, at)| format!("{}, ligne {}", crate::source::printable(&path), at.line)),
            message: d.kind.to_string(),
            help: d.kind.help(),
        })
        .collect()
}

/// The errors among `diagnostics`, as `resin check` prints them, without colours.
fn errors_report(diagnostics: &[diagnostic::Diagnostic], workspace: &Workspace) -> String {
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.severity() == Severity::Error).cloned().collect();
    if errors.is_empty() {
        return String::new();
    }
    diagnostic::render(&errors, workspace.sources(), Format::Human, false)
}

/// Produces, on one core, the files each new snapshot left to produce; a template error found
/// there is shown like the others.
fn produce_in_background(snapshots: Receiver<Arc<Snapshot>>, shared: &Shared) {
    let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(1).thread_name(|_| "production".into()).build() else {
        return;
    };
    while let Ok(mut snapshot) = snapshots.recv() {
        // Only the newest matters.
        while let Ok(newer) = snapshots.try_recv() {
            snapshot = newer;
        }
        let generation = snapshot.generation;
        let stop = || shared.generation.load(Ordering::SeqCst) != generation;
        let errors = pool.install(|| snapshot.produce_pending(&stop));
        if !errors.is_empty() && !stop() {
            let report: String = errors.iter().map(|e| format!("erreur de gabarit : {e}\n\n")).collect();
            if shared.set_render_errors(generation, overlay::panel(&report, errors.len(), overlay::Shown::SiteLastGood))
            {
                eprint!("{report}");
                shared.reload();
            }
        }
    }
}
