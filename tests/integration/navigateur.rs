//! Runs the browser tests (`tests/navigateur/*.test.mjs`, Node's test runner driving Debian's
//! Chromium through playwright-core) on the example site built on [`crate::support::TODAY`].

use std::process::Command;

use crate::support::{SiteTest, npm_packages, repo};

#[test]
fn the_directory_works_in_chromium() {
    if !npm_packages() {
        return;
    }
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        std::path::Path::new(&chromium).exists(),
        "Chromium absent ({chromium}) : `apt-get install chromium`, ou CHROMIUM=chemin (RESIN_SANS_NAVIGATEUR=1 pour sauter)"
    );
    let site = SiteTest::example();
    site.build();
    let output = Command::new("node")
        .args(["--test", "--test-reporter=spec", "--test-concurrency=1", "tests/navigateur/"])
        .current_dir(repo())
        .env("RESIN_SITE", site.root().join("public"))
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs (apt-get install nodejs)");
    let report = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "tests du navigateur en échec :\n{report}");
    assert!(report.contains("pass 17"), "the seventeen browser tests ran:\n{report}");
}
