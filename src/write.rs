//! Write stage: the built files go into a temporary folder beside the output, which is swapped
//! in only when complete. A failure at any point (disk, permissions) leaves the previous output
//! byte-identical. Every path is checked to stay inside the output folder.

use std::fs;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::OutputRefusal;
use crate::error::Error;
use crate::load::Asset;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated, e.g. `lieux/mediatheque-du-bachut/index.html`.
    pub path: String,
    /// Contents.
    pub bytes: std::sync::Arc<[u8]>,
}

/// Marks a folder as resin's output, so that resin only ever replaces its own folders.
pub(crate) const MARKER: &str = ".resin-build";

/// Checks that a relative output path stays inside the output folder: plain components only,
/// no `..`, no root, no drive, no empty name.
pub(crate) fn confine(relative: &str) -> Result<PathBuf, Error> {
    let path = Path::new(relative);
    // Checked on the text too: `Path::components` silently skips empty and `.` segments.
    let plain = !relative.contains('\\')
        && !relative.contains('\0')
        && relative.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
        && path.components().all(|c| matches!(c, Component::Normal(_)));
    if plain {
        Ok(path.to_path_buf())
    } else {
        Err(Error::UnsafeOutput { path: path.to_path_buf(), reason: OutputRefusal::LeavesOutput })
    }
}

/// Refuses output folders that would destroy something else: the site root, `content/`, a
/// parent of them, or an existing non-empty folder that resin did not write.
fn check_output(root: &Path, output: &Path) -> Result<(), Error> {
    let refuse = |reason: OutputRefusal| Err(Error::UnsafeOutput { path: output.to_path_buf(), reason });
    let (root_dir, out) = (resolve(root), resolve(output));
    if root_dir.starts_with(&out) {
        return refuse(OutputRefusal::SiteRoot);
    }
    // `content/` and `themes/` resolved too: either may be a symbolic link.
    if out.starts_with(resolve(&root.join("content"))) || out.starts_with(resolve(&root.join("themes"))) {
        return refuse(OutputRefusal::InsideSources);
    }
    if out.exists() {
        if !out.is_dir() {
            return refuse(OutputRefusal::IsAFile);
        }
        let empty = fs::read_dir(&out).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty && !out.join(MARKER).exists() {
            return refuse(OutputRefusal::NotOurs);
        }
    }
    Ok(())
}

/// The absolute path the system will use for `path`, even when it does not exist yet: the
/// longest existing prefix is canonicalised (symlinks and `..` as the kernel follows them),
/// then the remaining components are applied lexically (they hold no symlink, not existing).
fn resolve(path: &Path) -> PathBuf {
    let absolute =
        if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(path) };
    let components: Vec<Component<'_>> = absolute.components().collect();
    let split =
        (0..=components.len()).rev().find(|&i| components[..i].iter().collect::<PathBuf>().exists()).unwrap_or(0);
    let existing: PathBuf = components[..split].iter().collect();
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for component in &components[split..] {
        match component {
            Component::ParentDir => {
                resolved.pop();
            }
            Component::CurDir => {}
            other => resolved.push(other),
        }
    }
    resolved
}

/// Writes one generated file into the staging folder `dir`.
pub(crate) fn write_file(dir: &Path, relative: &str, bytes: &[u8]) -> Result<(), Error> {
    let target = dir.join(confine(relative)?);
    create_parent(&target)?;
    fs::write(&target, bytes).map_err(|source| Error::Io { path: target.clone(), source })
}

/// Like [`write_site`], with the generated files written by `generate` into the staging folder
/// it is given (as they are produced, so that they need not all be in memory at once); it
/// returns how many it wrote. An error from `generate` leaves `output` untouched.
pub(crate) fn write_site_with(
    root: &Path,
    output: &Path,
    assets: &[Asset],
    generate: &(dyn Fn(&Path) -> Result<usize, Error> + Sync),
) -> Result<usize, Error> {
    check_output(root, output)?;
    // From here on the resolved path: `public/.` or a symbolic link `public` are the folder
    // they name.
    let output = &resolve(output);
    let parent = output.parent().map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
    fs::create_dir_all(&parent).map_err(|source| Error::Io { path: parent.clone(), source })?;
    remove_stale(&parent);
    let staging = private_dir(&parent, STAGING)?;
    let dir = staging.path();

    // Assets first, then the generated files: a generated file always wins (the check has
    // already refused assets in the way of pages).
    assets.par_iter().try_for_each(|asset| {
        let target = dir.join(confine(&asset.relative)?);
        create_parent(&target)?;
        fs::copy(&asset.path, &target).map(|_| ()).map_err(|source| Error::Io { path: asset.path.clone(), source })
    })?;
    let written = generate(dir)?;
    set_permissions(dir, 0o755)?;

    swap_in(staging, output)?;
    Ok(written)
}

fn create_parent(path: &Path) -> Result<(), Error> {
    let parent = path.parent().expect("a file in the staging folder has a parent");
    fs::create_dir_all(parent).map_err(|source| Error::Io { path: parent.to_path_buf(), source })
}

/// Name prefixes of resin's temporary folders beside the output: the site being built, and
/// (where folders cannot be exchanged) the previous site being deleted.
const STAGING: &str = ".resin-tmp-";
const OLD: &str = ".resin-old-";

/// A private (0700) temporary folder in `parent`, named `<prefix><pid>-<random>` and marked as
/// resin's at once: if this process is killed, the next build knows it may remove it.
fn private_dir(parent: &Path, prefix: &str) -> Result<tempfile::TempDir, Error> {
    let prefix = format!("{prefix}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    // tempfile's folders are 0777 less the umask (0755, readable by all) by default.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
    let dir = builder.tempdir_in(parent).map_err(|source| Error::Io { path: parent.to_path_buf(), source })?;
    let marker = dir.path().join(MARKER);
    fs::write(&marker, "Dossier écrit par resin : il est remplacé à chaque construction.\n")
        .map_err(|source| Error::Io { path: marker, source })?;
    Ok(dir)
}

/// Sets a folder's mode: private while it is built or deleted, readable once published.
#[cfg(unix)]
fn set_permissions(dir: &Path, mode: u32) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir, fs::Permissions::from_mode(mode))
        .map_err(|source| Error::Io { path: dir.to_path_buf(), source })
}

#[cfg(not(unix))]
fn set_permissions(_dir: &Path, _mode: u32) -> Result<(), Error> {
    Ok(())
}

/// Removes the temporary folders of builds that were killed (issue 19: each `kill -9` left a
/// whole site beside the output): folders of `parent` named like [`private_dir`]'s, that carry
/// resin's marker, and whose process is gone. Anything else is left alone, so is a folder of a
/// build still running; a folder that cannot be removed is left for the next build.
fn remove_stale(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(STAGING).or_else(|| n.strip_prefix(OLD))) else {
            continue;
        };
        let Some(pid) = pid.split_once('-').and_then(|(pid, _)| pid.parse::<u32>().ok()) else { continue };
        let path = entry.path();
        // Not through a link, and only what resin marked; a build killed before it could mark
        // its folder left it empty, and an empty folder is all `remove_dir` removes.
        if !entry.file_type().is_ok_and(|t| t.is_dir()) || alive(pid) {
            continue;
        }
        if fs::symlink_metadata(path.join(MARKER)).is_ok_and(|m| m.is_file()) {
            let _ = fs::remove_dir_all(&path);
        } else {
            let _ = fs::remove_dir(&path);
        }
    }
}

/// Whether a process `pid` exists (one of another user too). Where this cannot be told,
/// every process counts as alive: nothing is removed.
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw) else { return true };
    !matches!(rustix::process::test_kill_process(pid), Err(rustix::io::Errno::SRCH))
}

#[cfg(not(unix))]
fn alive(_pid: u32) -> bool {
    true
}

/// Puts the staging folder in place of the output. On Linux the two folders are exchanged in
/// one atomic step (`renameat2` with `RENAME_EXCHANGE`), so the output is never missing, even
/// for a server reading it meanwhile; elsewhere, or on a file system without it, the previous
/// output is moved aside first (and put back if the second rename fails). The previous site is
/// deleted last.
fn swap_in(staging: tempfile::TempDir, output: &Path) -> Result<(), Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    if !output.exists() {
        // `staging` deletes its folder when dropped, unless the rename moved it away.
        fs::rename(staging.path(), output).map_err(io(output))?;
        let _ = staging.keep();
        return Ok(());
    }
    if exchange(staging.path(), output) {
        // `staging` now holds the previous site and is deleted when dropped: private first, so
        // that a kill meanwhile leaves no readable copy (the next build removes it).
        let _ = set_permissions(staging.path(), 0o700);
        return Ok(());
    }
    let parent = staging.path().parent().expect("staging has a parent").to_path_buf();
    let old = private_dir(&parent, OLD)?;
    let old_path = old.path().join("site");
    fs::rename(output, &old_path).map_err(io(output))?;
    if let Err(source) = fs::rename(staging.path(), output) {
        let _ = fs::rename(&old_path, output);
        return Err(Error::Io { path: output.to_path_buf(), source });
    }
    let _ = staging.keep();
    // `old` is deleted when dropped, with the previous site inside it.
    drop(old);
    Ok(())
}

/// Exchanges two folders atomically; false when the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}

/// Content files that would be written where a generated file or folder goes: a file with the
/// path of a generated file (`content/robots.txt`), named like a generated folder
/// (`content/lieux/a` beside `lieux/a/index.html`), or inside a generated file's path.
/// `generated` is sorted.
pub(crate) fn asset_conflicts(generated: &[&str], assets: &[Asset]) -> Vec<String> {
    let is_generated = |path: &str| generated.binary_search(&path).is_ok();
    // The first generated path at or after `folder/` starts with it when the folder is generated.
    let is_folder = |path: &str| {
        let folder = format!("{path}/");
        generated.get(generated.partition_point(|p| *p < folder.as_str())).is_some_and(|p| p.starts_with(&folder))
    };
    assets
        .iter()
        .filter(|a| {
            is_generated(&a.relative)
                || is_folder(&a.relative)
                || a.relative.match_indices('/').any(|(i, _)| is_generated(&a.relative[..i]))
        })
        .map(|a| format!("content/{}", a.relative))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_follows_dot_dot_through_missing_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("content")).unwrap();
        assert_eq!(resolve(&root.join("absent/../content/out")), root.join("content/out"));
        assert!(check_output(&root, &root.join("absent/../content/out")).is_err());
        assert!(check_output(&root, &root.join("public")).is_ok());
    }

    #[test]
    fn confine_refuses_escapes() {
        assert!(confine("lieux/a/index.html").is_ok());
        for bad in ["../x", "/etc/passwd", "a/../../x", "", "a\\..\\x", "./a", "communes//index.html", "a/./b", "a/"] {
            assert!(confine(bad).is_err(), "{bad}");
        }
    }
}
