//! The hub on a phone, in headless Chromium: at 390 × 844 CSS pixels an
//! entity page's first link to a connected item is within its first two
//! screens (top under 1,700 px), and at 320 px no page scrolls sideways,
//! the matrix included. Skipped, saying so, without Chromium.

use crate::chromium::{self, Chromium};
use crate::support::Site;

/// One entity page of each kind, in each language.
const ENTITIES: [&str; 10] = [
    "/fr/reunions/2021-01-21-rvr-webinar/",
    "/en/meetings/2021-01-21-rvr-webinar/",
    "/fr/pratiques/anpe-togo/",
    "/en/practices/anpe-togo/",
    "/fr/pays/cm/",
    "/en/countries/cm/",
    "/fr/defis/coordination-gaps/",
    "/en/challenges/coordination-gaps/",
    "/fr/recommandations/multi-stakeholder-approach/",
    "/en/recommendations/multi-stakeholder-approach/",
];

/// Every other kind of page, in each language.
const OTHERS: [&str; 21] = [
    "/",
    "/fr/",
    "/en/",
    "/fr/reunions/",
    "/en/practices/",
    "/fr/pays/",
    "/en/countries/",
    "/fr/matrix/",
    "/en/matrix/",
    "/fr/themes/",
    "/en/organisations/",
    "/fr/themes/return-readmission-reintegration/",
    "/en/organisations/icmpd/",
    "/fr/search/",
    "/en/search/?q=reintegration",
    "/fr/pages/contribuer/",
    "/en/pages/accessibility/",
    "/fr/editors/",
    "/en/nowhere/",
    "/fr/nulle-part/",
    "/404.html",
];

/// The top, in CSS pixels from the top of the page, of the first link to
/// a connected item (in the facts or the connected lists; the block of
/// connections under the title links to the lists, not to items).
const FIRST_CONNECTED: &str = r#"(() => {
  const a = document.querySelector(".facts dd a[href^='/'], .entity-links section.links li a");
  return a ? a.getBoundingClientRect().top + window.scrollY : null;
})()"#;

/// How far the page scrolls sideways, and what sticks out if it does.
const SIDEWAYS: &str = r#"(() => {
  const w = document.documentElement.clientWidth;
  const over = document.documentElement.scrollWidth - w;
  // What sticks out, leaving aside what scrolls inside its own box.
  const clipped = e => {
    for (let p = e.parentElement; p; p = p.parentElement)
      if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(p).overflowX)) return true;
    return false;
  };
  const wide = [...document.querySelectorAll("body *")]
    .filter(e => e.getBoundingClientRect().right > w + 1 && e.getClientRects().length && !clipped(e))
    .slice(0, 3).map(e => e.tagName + "." + e.className + " " + JSON.stringify(e.textContent.slice(0, 50)));
  return [over, wide.join(", ")];
})()"#;

#[test]
fn on_a_phone_connections_come_first_and_no_page_scrolls_sideways() {
    let test = "on_a_phone_connections_come_first_and_no_page_scrolls_sideways";
    if !chromium::available(test) {
        return;
    }
    let site = Site::bundled_hub();
    let served = crate::served::Served::start(&site.root);
    let base = served.base.clone();
    let mut browser = Chromium::launch().expect("launch chromium");
    let tab = browser.tab().expect("tab");

    browser.viewport(&tab, 390, 844, true).expect("viewport");
    let mut late = Vec::new();
    for path in ENTITIES {
        browser.load(&tab, &format!("{base}{path}")).expect("load");
        let top = browser.eval(&tab, FIRST_CONNECTED).expect("eval");
        match top.as_f64() {
            Some(t) if t < 1700.0 => {}
            _ => late.push(format!("{path}: {top}")),
        }
    }
    assert!(
        late.is_empty(),
        "first connected link too far down at 390 px: {late:?}"
    );

    browser.viewport(&tab, 320, 640, true).expect("viewport");
    let mut sideways = Vec::new();
    for path in ENTITIES.iter().chain(OTHERS.iter()) {
        browser.load(&tab, &format!("{base}{path}")).expect("load");
        let r = browser.eval(&tab, SIDEWAYS).expect("eval");
        if r[0].as_f64().unwrap_or(1.0) > 0.0 {
            sideways.push(format!("{path}: {} px ({})", r[0], r[1]));
        }
    }
    assert!(
        sideways.is_empty(),
        "pages that scroll sideways at 320 px: {sideways:#?}"
    );
}
