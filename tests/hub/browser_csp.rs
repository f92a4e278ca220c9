//! The hub in a real browser under its Content-Security-Policy: `serve`
//! sends the README's header, headless Chromium loads one page of every
//! kind, and the page reports no violation (its `securitypolicyviolation`
//! events, recorded through the DevTools Protocol). A probe page with
//! inline script and style shows they are reported. Skipped, saying
//! so, where Chromium is not installed (`.ci/run` installs it).

use crate::chromium::{self, Chromium};
use crate::support::Site;

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

/// Loads `url` in `tab` (one tab for every page: each page open keeps a
/// connection to serve's reload events); the policy's violations the page
/// reported, and whether it has a `<main>`.
fn load(browser: &mut Chromium, tab: &str, url: &str) -> (Vec<String>, bool) {
    browser.load(tab, url).expect("load");
    let violations = browser.csp_violations(tab).expect("violations");
    let main = browser
        .eval(tab, "document.querySelector('main') !== null")
        .expect("main")
        == serde_json::json!(true);
    (violations, main)
}

#[test]
fn every_page_kind_loads_in_chromium_with_no_csp_violation() {
    let test = "every_page_kind_loads_in_chromium_with_no_csp_violation";
    if !chromium::available(test) {
        return;
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

    let mut browser = Chromium::launch().expect("launch chromium");
    let tab = browser.tab().expect("tab");
    browser.record_csp_violations(&tab).expect("record");
    let (probe, _) = load(&mut browser, &tab, &format!("{base}/csp-probe.html"));
    assert!(
        probe.len() >= 2,
        "the probe's inline style and script must be reported: {probe:?}"
    );

    let mut violations = Vec::new();
    for path in PAGES {
        let (found, main) = load(&mut browser, &tab, &format!("{base}{path}"));
        // The redirect page moves on at once to a page that has one.
        assert!(main, "{path} has no <main>");
        violations.extend(found.into_iter().map(|l| format!("{path}: {l}")));
    }
    assert_eq!(violations, Vec::<String>::new());
}
