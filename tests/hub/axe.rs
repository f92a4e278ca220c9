//! axe-core in headless Chromium over one page of every kind in both
//! languages, as `serve` sends them (CSP included): no violation of the
//! WCAG 2.0, 2.1 and 2.2 A/AA rules or axe's best practices, on a phone
//! and a desktop.
//! Skipped, saying so, without Chromium, Node.js or `tools/node_modules`
//! (`.ci/run` installs them: `npm ci` in tools/).

use std::path::Path;
use std::process::Command;

use crate::chromium::{self, Chromium};
use crate::served::Served;
use crate::support::{Site, repo};

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
    "/en/organisations/icmpd/",
    "/fr/search/",
    "/en/search/?q=reintegration",
    "/fr/pages/mentions-legales/",
    "/en/pages/accessibility/",
    "/fr/editors/",
    "/en/404.html",
    "/404.html",
];

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

/// The rules axe runs: WCAG 2.0, 2.1 and 2.2, A and AA, and best practices.
const RULES: &str = r#"{ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"] } }"#;

#[test]
fn axe_finds_no_violation_on_any_kind_of_page() {
    let test = "axe_finds_no_violation_on_any_kind_of_page";
    if let Some(why) = missing_tools("axe-core") {
        skipped!(test, "{why}");
    }
    if !chromium::available(test) {
        return;
    }
    let axe = std::fs::read_to_string(repo().join("tools/node_modules/axe-core/axe.min.js"))
        .expect("axe.min.js");
    let site = Site::bundled_hub();
    // The probe: a page axe must fault (no language, an image with no
    // alternative text), served from the site itself.
    site.write(
        "static/axe-probe.html",
        "<!DOCTYPE html><html><head><title>p</title></head><body><main><img src=\"/favicon.svg\"></main></body></html>\n",
    );
    let served = Served::start(&site.root);
    let mut browser = Chromium::launch().expect("launch chromium");
    let tab = browser.tab().expect("tab");
    let run = |browser: &mut Chromium, path: &str| -> Vec<String> {
        browser
            .load(&tab, &format!("{}{path}", served.base))
            .expect("load");
        // Evaluated through the DevTools Protocol, which the site's
        // Content-Security-Policy does not apply to: the page is checked
        // as served, policy included.
        browser.eval(&tab, &axe).expect("axe loads");
        let found = browser
            .eval(
                &tab,
                &format!(
                    "axe.run(document, {RULES}).then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))"
                ),
            )
            .expect("axe runs");
        found
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let probe = run(&mut browser, "/axe-probe.html");
    assert!(
        probe.iter().any(|v| v.starts_with("image-alt"))
            && probe.iter().any(|v| v.starts_with("html-has-lang")),
        "axe must fault the probe: {probe:?}"
    );
    let mut bad = Vec::new();
    // A phone first, then a desktop: the layout differs.
    for (width, height, mobile) in [(320, 640, true), (390, 844, true), (1280, 900, false)] {
        browser
            .viewport(&tab, width, height, mobile)
            .expect("viewport");
        for path in PAGES {
            let found = run(&mut browser, path);
            bad.extend(
                found
                    .into_iter()
                    .map(|v| format!("{path} at {width} px: {v}")),
            );
        }
    }
    assert_eq!(bad, Vec::<String>::new());
}
