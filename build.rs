//! Writes the commit the binary is built from into `RESIN_COMMIT`, for `resin --version`:
//! `git rev-parse` when the source is a git checkout, `RESIN_COMMIT` from the environment
//! otherwise (a packaged source), else « commit inconnu ».

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=RESIN_COMMIT");
    // A new commit changes HEAD or the branch it points to.
    for path in [".git/HEAD", ".git/refs/heads", ".git/packed-refs"] {
        if std::path::Path::new(path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    let commit = std::env::var("RESIN_COMMIT").ok().filter(|c| !c.is_empty()).or_else(|| {
        let output = Command::new("git").args(["rev-parse", "--short=12", "HEAD"]).output().ok()?;
        let hash = String::from_utf8(output.stdout).ok()?.trim().to_string();
        (output.status.success() && !hash.is_empty()).then_some(hash)
    });
    let described = commit.map_or_else(|| "commit inconnu".to_string(), |c| format!("commit {c}"));
    println!("cargo:rustc-env=RESIN_COMMIT={described}");
}
