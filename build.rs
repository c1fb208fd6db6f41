//! Writes the commit the binary is built from into `RESIN_COMMIT`, for `resin --version`:
//! `git rev-parse` when the source is a git checkout, `RESIN_COMMIT` from the environment
//! otherwise (a packaged source), else « commit inconnu ».
//!
//! Lists the files of `themes/resin/admin/` (the web editor: Decap CMS, about a hundred files
//! it loads on demand) into `$OUT_DIR/admin_files.rs`, which the binary embeds.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=RESIN_COMMIT");
    // A new commit changes HEAD or the branch it points to. In a worktree of git, `.git` is a
    // file: git says where HEAD (`--git-dir`) and the branches (`--git-common-dir`) are.
    let git = |arg: &str| {
        let output = Command::new("git").args(["rev-parse", arg]).output().ok()?;
        let path = String::from_utf8(output.stdout).ok()?.trim().to_string();
        (output.status.success() && !path.is_empty()).then(|| std::path::PathBuf::from(path))
    };
    if let (Some(dir), Some(common)) = (git("--git-dir"), git("--git-common-dir")) {
        for path in [dir.join("HEAD"), common.join("refs/heads"), common.join("packed-refs")] {
            if path.exists() {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
    }
    let commit = std::env::var("RESIN_COMMIT").ok().filter(|c| !c.is_empty()).or_else(|| {
        let output = Command::new("git").args(["rev-parse", "--short=12", "HEAD"]).output().ok()?;
        let hash = String::from_utf8(output.stdout).ok()?.trim().to_string();
        (output.status.success() && !hash.is_empty()).then_some(hash)
    });
    let described = commit.map_or_else(|| "commit inconnu".to_string(), |c| format!("commit {c}"));
    println!("cargo:rustc-env=RESIN_COMMIT={described}");
    embed_admin_files();
}

/// Writes `admin_files.rs`: a slice of (path under `admin/`, `include_bytes!` of the file),
/// sorted by path.
fn embed_admin_files() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/resin/admin");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        println!("cargo:rerun-if-changed={}", folder.display());
        for entry in std::fs::read_dir(&folder).expect("themes/resin/admin/ is readable") {
            let path = entry.expect("themes/resin/admin/ is readable").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                files.push((relative, path));
            }
        }
    }
    files.sort();
    let mut code = String::from("&[\n");
    for (relative, path) in files {
        code.push_str(&format!("    ({relative:?}, include_bytes!({:?}).as_slice()),\n", path.display().to_string()));
    }
    code.push(']');
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("admin_files.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
