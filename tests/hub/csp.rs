//! The published hub works under a strict Content-Security-Policy (the
//! header in the README's "Security" section): no page has an inline
//! script, an inline style or an event handler.

use crate::support::{Site, html_pages, live_markup};

#[test]
fn no_page_of_the_hub_has_inline_script_or_style() {
    let site = Site::bundled_hub();
    site.build(&[]);
    let pages = html_pages(&site.path("public"));
    assert!(pages.len() > 100, "{} pages", pages.len());
    let mut bad = Vec::new();
    for (path, page) in &pages {
        for what in live_markup(page) {
            bad.push(format!("{path}: {what}"));
        }
    }
    assert_eq!(bad, Vec::<String>::new());
    // Every script and stylesheet comes from the site itself.
    for (path, page) in &pages {
        for el in crate::support::Page(page.clone()).all("script[src], link[rel=stylesheet]") {
            let url = el
                .value()
                .attr("src")
                .or(el.value().attr("href"))
                .unwrap_or("");
            assert!(
                url.starts_with('/') && !url.starts_with("//"),
                "{path} loads `{url}` from elsewhere"
            );
        }
    }
}
