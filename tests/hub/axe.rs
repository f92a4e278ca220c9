//! axe-core in headless Chromium over one page of every kind in both
//! languages, as `serve` sends them (CSP included): no violation of the
//! WCAG 2.1 A/AA rules or axe's best practices, on a phone and a desktop.
//! Skipped, saying so, without Chromium, Node.js or `tools/node_modules`
//! (`.ci/run` installs them: `npm ci` in tools/).

use std::path::Path;
use std::process::Command;

use crate::support::{Site, repo, run_bounded};

/// One page of every kind, in both languages.
pub const PAGES: &[&str] = &[
    "/",
    "/fr/",
    "/en/",
    "/fr/reunions/",
    "/en/meetings/",
    "/fr/reunions/2021-01-21-rvr-webinar/",
    "/en/meetings/2021-01-21-rvr-webinar/",
    "/fr/pratiques/anpe-togo/",
    "/en/practices/anpe-togo/",
    "/fr/pays/",
    "/en/countries/",
    "/fr/pays/cm/",
    "/en/countries/cm/",
    "/fr/defis/coordination-gaps/",
    "/en/challenges/coordination-gaps/",
    "/fr/recommandations/digital-assistance-tools/",
    "/en/recommendations/digital-assistance-tools/",
    "/fr/pages/contribuer/",
    "/en/pages/contribute/",
    "/fr/themes/",
    "/en/themes/return-readmission-reintegration/",
    "/fr/organisations/",
    "/fr/matrix/",
    "/en/matrix/",
    "/fr/editors/",
    "/en/404.html",
];

/// Starts `serve` on a free port for `site`; its base URL.
pub fn serve(site: &Site) -> (impl Drop, String) {
    let served = crate::served::Served::start(&site.root);
    let base = served.base.clone();
    (served, base)
}

/// Why the browser tools cannot run here, if they cannot.
pub fn missing_tools(package: &str) -> Option<String> {
    if !Path::new("/usr/bin/chromium").exists() {
        return Some("no /usr/bin/chromium".into());
    }
    if !Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return Some("no node".into());
    }
    if !repo().join("tools/node_modules").join(package).is_dir() {
        return Some(format!(
            "no tools/node_modules/{package} (run `npm ci` in tools/)"
        ));
    }
    None
}

#[test]
fn axe_finds_no_violation_on_any_kind_of_page() {
    if let Some(why) = missing_tools("axe-core") {
        skipped!("axe_finds_no_violation_on_any_kind_of_page", "{why}");
    }
    let site = Site::bundled_hub();
    let (_serve, base) = serve(&site);
    let mut cmd = Command::new("node");
    cmd.arg(repo().join("tools/axe.mjs")).arg(&base).args(PAGES);
    let out = run_bounded(cmd, site.scratch(), 300);
    let report = String::from_utf8_lossy(&out.stdout);
    let parsed: serde_json::Value = serde_json::from_str(&report).unwrap_or_else(|_| {
        panic!(
            "axe gave no report: {report}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    // Every page was checked, and none has a violation.
    for p in PAGES {
        assert!(parsed[p].is_array(), "{p} not checked: {report}");
    }
    let bad: Vec<_> = PAGES
        .iter()
        .filter(|p| parsed[**p] != serde_json::json!([]))
        .collect();
    assert!(
        bad.is_empty() && out.status.success(),
        "violations on {bad:?}:\n{report}"
    );
}
