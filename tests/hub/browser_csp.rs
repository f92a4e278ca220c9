//! The hub in a real browser under its Content-Security-Policy: `serve`
//! sends the README's header, headless Chromium loads one page of every
//! kind, and the console reports no violation. A probe page with inline
//! script and style shows the console does report them. Skipped, saying
//! so, where Chromium is not installed (`.ci/run` installs it).

use std::path::Path;
use std::process::Command;

use crate::support::{Site, run_bounded};

const CHROMIUM: &str = "/usr/bin/chromium";

/// One page of each kind the hub publishes, the root and a redirect.
const PAGES: [&str; 14] = [
    "/",
    "/fr/",
    "/fr/pratiques/",
    "/fr/reunions/2021-01-21-rvr-webinar/",
    "/en/practices/anpe-togo/",
    "/fr/pays/at/",
    "/en/challenges/coordination-gaps/",
    "/fr/recommandations/digital-assistance-tools/",
    "/en/pages/contribute/",
    "/fr/themes/",
    "/fr/themes/return-readmission-reintegration/",
    "/en/matrix/",
    "/fr/nulle-part/",
    "/fr/webinaire-rvr-2021/",
];

/// Loads `url` in headless Chromium; the console lines about the
/// Content-Security-Policy, and the page's DOM.
fn load(url: &str, scratch: &Path) -> (Vec<String>, String) {
    let profile = tempfile::tempdir_in(scratch).expect("profile");
    let mut cmd = Command::new(CHROMIUM);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
        "--dump-dom",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()))
    .arg(url);
    let out = run_bounded(cmd, profile.path(), 60);
    let console = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains("CONSOLE") && l.contains("Content Security Policy"))
        .map(str::to_string)
        .collect();
    (console, String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn every_page_kind_loads_in_chromium_with_no_csp_violation() {
    if !Path::new(CHROMIUM).exists() {
        skipped!(
            "every_page_kind_loads_in_chromium_with_no_csp_violation",
            "no {CHROMIUM}"
        );
    }
    let site = Site::bundled_hub();
    // The probe: what the policy must stop, served from the site itself.
    site.write(
        "static/csp-probe.html",
        "<!DOCTYPE html><html><head><style>p{}</style></head>\
         <body><p style=\"color:red\" onclick=\"x()\">p</p><script>1</script></body></html>\n",
    );
    let served = crate::served::Served::start(&site.root);
    let base = served.base.clone();

    let policy = format!(
        "Content-Security-Policy: {}\r\n",
        rabat_hub::output::CONTENT_SECURITY_POLICY
    );
    assert!(
        served.head("/fr/").contains(&policy),
        "serve sends the policy"
    );

    let (console, _) = load(&format!("{base}/csp-probe.html"), site.scratch());
    assert!(
        console.len() >= 2,
        "the probe's inline style and script must be reported: {console:?}"
    );

    // Two browsers at a time: the machine has two cores.
    let scratch = site.scratch();
    let mut violations = Vec::new();
    for pair in PAGES.chunks(2) {
        let loaded: Vec<(&str, (Vec<String>, String))> = std::thread::scope(|s| {
            let running: Vec<_> = pair
                .iter()
                .map(|path| {
                    let url = format!("{base}{path}");
                    (*path, s.spawn(move || load(&url, scratch)))
                })
                .collect();
            running
                .into_iter()
                .map(|(p, h)| (p, h.join().expect("load")))
                .collect()
        });
        for (path, (console, dom)) in loaded {
            // The redirect page moves on at once, so there is no DOM to
            // show; its console still counts.
            if path != "/fr/webinaire-rvr-2021/" {
                assert!(dom.contains("<main"), "{path}: {dom}");
            }
            violations.extend(console.into_iter().map(|l| format!("{path}: {l}")));
        }
    }
    assert_eq!(violations, Vec::<String>::new());
}
