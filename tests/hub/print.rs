//! Printing: headless Chromium prints a challenge page to PDF and
//! `pdftotext` reads it back: no navigation, links followed by their full
//! address, the cross-link lists kept, the page's own address at the end.
//! Skipped, saying so, without Chromium or pdftotext (poppler-utils).

use std::process::Command;

use crate::chromium::{self, Chromium};
use crate::served::Served;
use crate::support::Site;

#[test]
fn a_printed_page_has_no_navigation_and_shows_full_link_addresses() {
    let test = "a_printed_page_has_no_navigation_and_shows_full_link_addresses";
    if !chromium::available(test) {
        return;
    }
    if Command::new("pdftotext").arg("-v").output().is_err() {
        skipped!(test, "no pdftotext (apt-get install poppler-utils)");
    }
    let site = Site::bundled_hub();
    site.build(&[]);
    let served = Served::start(&site.root);
    let base = served.base.clone();
    let mut browser = Chromium::launch().expect("launch chromium");
    let tab = browser.tab().expect("tab");
    browser
        .load(&tab, &format!("{base}/en/challenges/coordination-gaps/"))
        .expect("load");
    let pdf = site.scratch().join("page.pdf");
    std::fs::write(&pdf, browser.print_pdf(&tab).expect("print")).expect("write the PDF");
    let out = Command::new("pdftotext")
        .args(["-raw"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    // Long addresses wrap; join the lines to find them whole.
    let text = String::from_utf8_lossy(&out.stdout).replace('\n', "");
    let page = site.page("en/challenges/coordination-gaps/");
    // The cross-link lists are there, each link with its full address.
    let practices = page.list("Practices that tackle it");
    assert!(!practices.is_empty());
    for (title, href) in &practices {
        assert!(
            text.contains(title.as_str()),
            "{title} missing from the print"
        );
        // `serve` publishes the site at its own address.
        let full = format!("{base}{href}");
        assert!(
            text.contains(&format!("({full})")),
            "{full} not printed:\n{text}"
        );
    }
    // No navigation: the menu's and the footer's links are not printed.
    for label in page.texts(".main-nav a") {
        assert!(
            !text.contains(&format!("{label}Practices")),
            "the menu is printed"
        );
    }
    assert!(
        !text.contains(&page.text(".skip-link")),
        "the skip link is printed"
    );
    assert!(
        !text.contains(&page.text(".lang-switch a")),
        "the language switcher is printed"
    );
    // The page's own address, for a reader holding the paper.
    assert!(text.contains(&format!("{base}/en/challenges/coordination-gaps/")));
}
