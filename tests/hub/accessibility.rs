//! Accessibility and weight of the bundled hub's pages, read from the
//! HTML: landmarks, one `h1`, labelled scrolling tables, footnotes that
//! link both ways, other-language passages marked, and every page light.

use crate::support::{Page, Site, html_pages};

fn built() -> Site {
    let site = Site::bundled_hub();
    site.build(&[]);
    site
}

/// One page of every kind, in both languages.
const SAMPLES: &[&str] = &[
    "fr/",
    "en/",
    "fr/reunions/",
    "en/meetings/",
    "fr/reunions/2021-01-21-rvr-webinar/",
    "en/meetings/2021-01-21-rvr-webinar/",
    "fr/pratiques/cameroon-pari-jedi/",
    "en/practices/cameroon-pari-jedi/",
    "fr/pays/",
    "en/countries/",
    "fr/pays/cm/",
    "en/countries/cm/",
    "fr/defis/",
    "en/challenges/",
    "fr/pages/contribuer/",
    "en/pages/contribute/",
    "fr/matrix/",
    "en/matrix/",
    "fr/themes/",
    "en/organisations/",
    "fr/themes/protection-asylum/",
    "en/organisations/ofii/",
];

#[test]
fn every_page_has_one_h1_a_main_and_labelled_navigation() {
    let site = built();
    let pages = html_pages(&site.path("public"));
    assert!(pages.len() > 100);
    for (path, html) in pages {
        let page = Page(html);
        if !page.all("meta[http-equiv=refresh]").is_empty() {
            continue;
        }
        assert_eq!(page.all("h1").len(), 1, "{path}: one h1");
        assert_eq!(page.all("main").len(), 1, "{path}: one main");
        assert!(!page.lang().is_empty(), "{path}: html lang");
        for nav in page.all("nav") {
            assert!(
                nav.value()
                    .attr("aria-label")
                    .or_else(|| nav.value().attr("aria-labelledby"))
                    .is_some_and(|l| !l.is_empty()),
                "{path}: unlabelled nav"
            );
        }
        // The root's language picker and not-found page belong to no
        // language: no site header or footer.
        if path != "index.html" && path != "404.html" {
            assert_eq!(
                page.attr(".skip-link", "href").as_deref(),
                Some("#main"),
                "{path}"
            );
            assert_eq!(page.all("header.site-header").len(), 1, "{path}");
            assert_eq!(page.all("footer.site-footer").len(), 1, "{path}");
        }
        // Headings go down one level at a time.
        let mut last = 0;
        for h in page.all("h1, h2, h3, h4, h5, h6") {
            let level: usize = h.value().name()[1..].parse().unwrap_or(0);
            assert!(level <= last + 1, "{path}: h{level} after h{last}");
            last = level;
        }
        // Form fields, if any, are labelled.
        for input in page.all("input:not([type=hidden]), select, textarea") {
            let id = input.value().attr("id").unwrap_or_default();
            assert!(
                input.value().attr("aria-label").is_some()
                    || !page.all(&format!("label[for='{id}']")).is_empty(),
                "{path}: unlabelled field"
            );
        }
    }
}

#[test]
fn tables_scroll_in_a_labelled_region_and_have_headers() {
    let site = built();
    let page = site.page("fr/reunions/2021-01-21-rvr-webinar/");
    let tables = page.all(".prose table");
    assert!(!tables.is_empty());
    for t in tables {
        let wrap = t
            .parent()
            .and_then(scraper::ElementRef::wrap)
            .expect("wrapped");
        assert_eq!(wrap.value().attr("class"), Some("table-scroll"));
        assert_eq!(wrap.value().attr("role"), Some("region"));
        assert_eq!(wrap.value().attr("tabindex"), Some("0"));
        assert!(
            wrap.value()
                .attr("aria-label")
                .is_some_and(|l| !l.is_empty())
        );
        let th = scraper::Selector::parse("thead th").unwrap_or_else(|_| unreachable!());
        assert!(t.select(&th).next().is_some(), "a header row");
    }
}

#[test]
fn footnotes_have_prefixed_ids_and_links_back() {
    let site = built();
    for path in [
        "fr/reunions/2021-01-21-rvr-webinar/",
        "en/meetings/2021-01-21-rvr-webinar/",
    ] {
        let page = site.page(path);
        let calls = page.all(".footnote-reference a");
        assert!(!calls.is_empty(), "{path}");
        for a in calls {
            let target = a.value().attr("href").unwrap_or_default();
            assert!(target.starts_with("#fn-"), "{path}: {target}");
            let note = page.one(&format!("[id='{}']", &target[1..]));
            assert_eq!(note.value().attr("class"), Some("footnote-definition"));
        }
        for back in page.all(".footnote-back") {
            let target = back.value().attr("href").unwrap_or_default();
            assert!(target.starts_with("#fnref-"), "{target}");
            assert_eq!(page.all(&format!("[id='{}']", &target[1..])).len(), 1);
            assert!(back.value().attr("aria-label").is_some());
        }
    }
}

#[test]
fn links_to_another_language_say_so_in_lang() {
    let site = built();
    for path in SAMPLES {
        let page = site.page(path);
        let lang = page.lang();
        for a in page.all("main a[hreflang], header a[hreflang]") {
            let other = a.value().attr("hreflang").unwrap_or_default();
            if other != lang && !a.value().classes().any(|c| c == "fallback") {
                let text_lang = a.value().attr("lang").or_else(|| {
                    a.ancestors()
                        .filter_map(scraper::ElementRef::wrap)
                        .find_map(|e| e.value().attr("lang"))
                });
                // Either the link's text is in the other language and
                // marked, or it is a sentence in the page's language.
                assert!(
                    text_lang == Some(other) || text_lang == Some(lang.as_str()),
                    "{path}: {}",
                    a.html()
                );
            }
        }
    }
}

/// Every page with its stylesheets and images stays under 100 KB, the
/// budget for a slow line (before search is used).
#[test]
fn every_kind_of_page_weighs_under_100_kb_with_its_css_and_images() {
    let site = built();
    let css = std::fs::metadata(site.path("public/style.css"))
        .expect("css")
        .len();
    for path in SAMPLES {
        let html = site.read(&format!("public/{path}index.html"));
        let page = Page(scraper::Html::parse_document(&html));
        let images: u64 = page
            .all("main img[src]")
            .iter()
            .filter_map(|i| i.value().attr("src"))
            .filter(|s| s.starts_with('/'))
            .filter_map(|s| std::fs::metadata(site.path(&format!("public{s}"))).ok())
            .map(|m| m.len())
            .sum();
        for img in page.all("main img") {
            assert!(
                img.value().attr("width").is_some() && img.value().attr("height").is_some(),
                "{path}: image without size"
            );
        }
        let total = html.len() as u64 + css + images;
        assert!(total < 100_000, "{path}: {total} bytes");
    }
}
