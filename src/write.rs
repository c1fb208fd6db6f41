//! Write stage: the built files go into a temporary folder beside the output, which is swapped
//! in only when complete. A failure at any point (disk, permissions) leaves the previous output
//! byte-identical. Every path is checked to stay inside the output folder.

use std::fs;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

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
pub const MARKER: &str = ".resin-build";

/// Checks that a relative output path stays inside the output folder: plain components only,
/// no `..`, no root, no drive, no empty name.
pub fn confine(relative: &str) -> Result<PathBuf, Error> {
    let path = Path::new(relative);
    // Checked on the text too: `Path::components` silently skips empty and `.` segments.
    let plain = !relative.contains('\\')
        && !relative.contains('\0')
        && relative.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
        && path.components().all(|c| matches!(c, Component::Normal(_)));
    if plain {
        Ok(path.to_path_buf())
    } else {
        Err(Error::UnsafeOutput { path: path.to_path_buf(), reason: "ce chemin sortirait du dossier de sortie".into() })
    }
}

/// Refuses output folders that would destroy something else: the site root, `content/`, a
/// parent of them, or an existing non-empty folder that resin did not write.
fn check_output(root: &Path, output: &Path) -> Result<(), Error> {
    let refuse = |reason: &str| Err(Error::UnsafeOutput { path: output.to_path_buf(), reason: reason.to_string() });
    let (root_dir, out) = (resolve(root), resolve(output));
    if root_dir.starts_with(&out) {
        return refuse("c'est la racine du site ou l'un de ses dossiers parents");
    }
    // `content/` and `themes/` resolved too: either may be a symbolic link.
    if out.starts_with(resolve(&root.join("content"))) || out.starts_with(resolve(&root.join("themes"))) {
        return refuse("il est dans `content/` ou `themes/`");
    }
    if out.exists() {
        if !out.is_dir() {
            return refuse("c'est un fichier, pas un dossier");
        }
        let empty = fs::read_dir(&out).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty && !out.join(MARKER).exists() {
            return refuse("ce dossier existe et n'a pas été écrit par resin : videz-le ou choisissez-en un autre");
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

/// Writes the site into `output`: generated files (which win over assets of the same path)
/// and content assets, through a temporary folder swapped in at the end.
pub fn write_site(root: &Path, output: &Path, files: &[OutputFile], assets: &[Asset]) -> Result<(), Error> {
    write_site_with(root, output, assets, &|dir: &Path| {
        files.par_iter().try_for_each(|file| write_file(dir, &file.path, &file.bytes))?;
        Ok(files.len())
    })
    .map(|_| ())
}

/// Writes one generated file into the staging folder `dir`.
pub fn write_file(dir: &Path, relative: &str, bytes: &[u8]) -> Result<(), Error> {
    let target = dir.join(confine(relative)?);
    create_parent(&target)?;
    fs::write(&target, bytes).map_err(|source| Error::Io { path: target.clone(), source })
}

/// Like [`write_site`], with the generated files written by `generate` into the staging folder
/// it is given (as they are produced, so that they need not all be in memory at once); it
/// returns how many it wrote. An error from `generate` leaves `output` untouched.
pub fn write_site_with(
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
    let staging = tempfile::Builder::new()
        .prefix(".resin-tmp-")
        .tempdir_in(&parent)
        .map_err(|source| Error::Io { path: parent.clone(), source })?;
    let dir = staging.path();

    // Assets first, then the generated files: a generated file always wins (the check has
    // already refused assets in the way of pages).
    assets.par_iter().try_for_each(|asset| {
        let target = dir.join(confine(&asset.relative)?);
        create_parent(&target)?;
        fs::copy(&asset.path, &target).map(|_| ()).map_err(|source| Error::Io { path: asset.path.clone(), source })
    })?;
    let written = generate(dir)?;
    fs::write(dir.join(MARKER), "Dossier écrit par resin : il est remplacé à chaque construction.\n")
        .map_err(|source| Error::Io { path: dir.join(MARKER), source })?;
    set_public_permissions(dir)?;

    swap_in(staging, output)?;
    Ok(written)
}

fn create_parent(path: &Path) -> Result<(), Error> {
    let parent = path.parent().expect("a file in the staging folder has a parent");
    fs::create_dir_all(parent).map_err(|source| Error::Io { path: parent.to_path_buf(), source })
}

/// The staging folder is created private (0700): the published site must be readable.
#[cfg(unix)]
fn set_public_permissions(dir: &Path) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755))
        .map_err(|source| Error::Io { path: dir.to_path_buf(), source })
}

#[cfg(not(unix))]
fn set_public_permissions(_dir: &Path) -> Result<(), Error> {
    Ok(())
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
        // `staging` now holds the previous site and is deleted when dropped.
        return Ok(());
    }
    let parent = staging.path().parent().expect("staging has a parent").to_path_buf();
    let old = tempfile::Builder::new().prefix(".resin-old-").tempdir_in(&parent).map_err(io(&parent))?;
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
