//! Linked to the web: Atom feeds, sitemap.xml, robots.txt, Open Graph and
//! JSON-LD, checked on the bundled hub by parsing the XML and the HTML.

use std::collections::BTreeSet;
use std::process::Command;

use crate::support::Site;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML: &str = "http://www.w3.org/1999/xhtml";
const BASE: &str = "https://hub.rabat-process.example/";

fn built() -> Site {
    let site = Site::bundled_hub();
    site.build(&[]);
    site
}

fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
    n.children()
        .find(|c| c.has_tag_name((ATOM, name)))
        .unwrap_or_else(|| panic!("no <{name}>"))
}

/// The output file an absolute URL of the site names.
fn file_of(url: &str) -> String {
    let rel = url
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{url} outside the site"));
    if rel.is_empty() || rel.ends_with('/') {
        format!("public/{rel}index.html")
    } else {
        format!("public/{rel}")
    }
}

#[test]
fn each_language_has_an_atom_feed_of_its_meetings_and_practices() {
    let site = built();
    for (lang, meetings, practices) in [
        ("fr", "reunions", "pratiques"),
        ("en", "meetings", "practices"),
    ] {
        let text = site.read(&format!("public/{lang}/atom.xml"));
        let doc = roxmltree::Document::parse(&text).expect("feed is XML");
        let feed = doc.root_element();
        assert_eq!(feed.tag_name().namespace(), Some(ATOM));
        assert_eq!(feed.tag_name().name(), "feed");
        assert!(child(feed, "title").text().is_some_and(|t| !t.is_empty()));
        assert!(
            child(feed, "updated")
                .text()
                .is_some_and(|t| t.ends_with('Z'))
        );
        let entries: Vec<_> = feed
            .children()
            .filter(|c| c.has_tag_name((ATOM, "entry")))
            .collect();
        let mut kinds = BTreeSet::new();
        for e in &entries {
            let href = child(*e, "link").attribute("href").expect("href");
            assert_eq!(child(*e, "id").text(), Some(href));
            let section = href
                .strip_prefix(&format!("{BASE}{lang}/"))
                .and_then(|r| r.split('/').next())
                .unwrap_or_else(|| panic!("{href} is not a {lang} page"));
            assert!([meetings, practices].contains(&section), "{href}");
            kinds.insert(section.to_string());
            // The entry is a page of the site, in the feed's language.
            assert_eq!(site.page(&file_of(href)["public/".len()..]).lang(), lang);
        }
        assert_eq!(kinds.len(), 2, "{lang}: meetings and practices: {kinds:?}");
        // Every meeting of the language's list is in the feed.
        let list = site.page(&format!("{lang}/{meetings}/"));
        assert_eq!(
            list.all("ul.items > li").len(),
            entries
                .iter()
                .filter(|e| child(**e, "id")
                    .text()
                    .is_some_and(|t| t.contains(&format!("/{meetings}/"))))
                .count()
        );
        // Pages point to their language's feed.
        let home = site.page(&format!("{lang}/"));
        assert_eq!(
            home.attr("link[rel=alternate][type='application/atom+xml']", "href"),
            Some(format!("/{lang}/atom.xml"))
        );
    }
}

#[test]
fn the_sitemap_lists_every_page_with_its_translations() {
    let site = built();
    let text = site.read("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("sitemap is XML");
    let set = doc.root_element();
    assert!(set.has_tag_name((SITEMAP, "urlset")));
    let mut locs = BTreeSet::new();
    for url in set.children().filter(|c| c.is_element()) {
        assert!(url.has_tag_name((SITEMAP, "url")));
        let loc = url
            .children()
            .find(|c| c.has_tag_name((SITEMAP, "loc")))
            .and_then(|c| c.text())
            .expect("loc");
        assert!(site.exists(&file_of(loc)), "{loc} is not published");
        let alternates: Vec<(String, String)> = url
            .children()
            .filter(|c| c.has_tag_name((XHTML, "link")))
            .map(|l| {
                assert_eq!(l.attribute("rel"), Some("alternate"));
                (
                    l.attribute("hreflang").expect("hreflang").to_string(),
                    l.attribute("href").expect("href").to_string(),
                )
            })
            .collect();
        // A page with a translation names both, itself included, and
        // each alternate is a page in its language.
        if !alternates.is_empty() {
            assert!(alternates.iter().any(|(_, h)| h == loc), "{loc}");
            for (lang, href) in &alternates {
                assert_eq!(
                    &site.page(&file_of(href)["public/".len()..]).lang(),
                    lang,
                    "{href}"
                );
            }
        }
        assert!(locs.insert(loc.to_string()), "{loc} twice");
    }
    // Every entity page and list page is in it.
    for entry in walkdir::WalkDir::new(site.path("public")) {
        let entry = entry.expect("walk");
        let rel = entry
            .path()
            .strip_prefix(site.path("public"))
            .expect("inside")
            .to_string_lossy()
            .replace('\\', "/");
        let Some(folder) = rel.strip_suffix("index.html") else {
            continue;
        };
        let html = site.read(&format!("public/{rel}"));
        // Redirects, the language picker, the editors' page and the
        // search pages (results, not content) stay out.
        if folder.is_empty()
            || html.contains("http-equiv=\"refresh\"")
            || folder.ends_with("editors/")
            || folder.ends_with("search/")
        {
            continue;
        }
        assert!(
            locs.contains(&format!("{BASE}{folder}")),
            "{folder} missing from the sitemap"
        );
    }
    assert_eq!(
        site.read("public/robots.txt")
            .lines()
            .find_map(|l| l.strip_prefix("Sitemap: ")),
        Some(format!("{BASE}sitemap.xml").as_str())
    );
}

#[test]
fn pages_describe_themselves_for_sharing_and_search() {
    let site = built();
    let meeting = site.page("fr/reunions/2021-01-21-rvr-webinar/");
    let summary = meeting.text(".entity-head .summary");
    assert!(!summary.is_empty());
    assert_eq!(
        meeting
            .attr("meta[name=description]", "content")
            .map(|s| s.replace('\u{202f}', " ")),
        Some(summary.replace('\u{202f}', " "))
    );
    assert_eq!(
        meeting.attr("meta[property='og:description']", "content"),
        meeting.attr("meta[name=description]", "content")
    );
    assert_eq!(
        meeting.attr("meta[property='og:url']", "content"),
        meeting.attr("link[rel=canonical]", "href")
    );
    assert_eq!(
        meeting
            .attr("meta[property='og:type']", "content")
            .as_deref(),
        Some("article")
    );
    assert_eq!(
        meeting
            .attr("meta[property='og:locale']", "content")
            .as_deref(),
        Some("fr_FR")
    );
    let ld: serde_json::Value =
        serde_json::from_str(&meeting.text("script[type='application/ld+json']"))
            .expect("JSON-LD parses");
    assert_eq!(ld["@type"], "Event");
    assert_eq!(ld["startDate"], "2021-01-21");
    assert_eq!(ld["inLanguage"], "fr");
    assert_eq!(
        Some(ld["url"].as_str().unwrap_or_default().to_string()),
        meeting.attr("link[rel=canonical]", "href")
    );

    let practice = site.page("en/practices/cameroon-pari-jedi/");
    let ld: serde_json::Value =
        serde_json::from_str(&practice.text("script[type='application/ld+json']"))
            .expect("JSON-LD parses");
    assert_eq!(ld["@type"], "Article");
    assert_eq!(ld["inLanguage"], "en");
    assert!(ld["headline"].as_str().is_some_and(|h| !h.is_empty()));
    // Lists are not articles, and carry no JSON-LD.
    let list = site.page("en/practices/");
    assert_eq!(
        list.attr("meta[property='og:type']", "content").as_deref(),
        Some("website")
    );
    assert!(list.all("script").is_empty());
    // Not-found pages exist in each language.
    assert_eq!(site.page("fr/404.html").lang(), "fr");
    assert_eq!(site.page("en/404.html").lang(), "en");
}

/// A standard feed parser reads the feeds without complaint (Python's
/// feedparser; skipped, saying so, where it is not installed).
#[test]
fn feeds_parse_with_feedparser() {
    let probe = Command::new("python3")
        .args(["-c", "import feedparser"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        skipped!(
            "feeds_parse_with_feedparser",
            "python3 with feedparser not found (pip install feedparser)"
        );
    }
    let site = built();
    for lang in ["fr", "en"] {
        let path = site.path(&format!("public/{lang}/atom.xml"));
        let out = Command::new("python3")
            .args([
                "-c",
                "import sys, feedparser\nd = feedparser.parse(sys.argv[1])\nprint(d.bozo, d.version, len(d.entries))\nsys.exit(1 if d.bozo else 0)",
            ])
            .arg(&path)
            .output()
            .expect("run python3");
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{lang}: {said} {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(said.starts_with("False atom10 "), "{said}");
    }
}

/// `sitemap.xml` validates against the sitemaps.org schema (from the npm
/// package `sitemap` in tools/) extended with the `xhtml:link` alternates
/// (tests/schemas/); skipped, saying so, without xmllint or the schema.
#[test]
fn the_sitemap_validates_against_the_sitemap_schema() {
    let schema = crate::support::repo().join("tests/schemas/sitemap-with-alternates.xsd");
    let official = crate::support::repo().join("tools/node_modules/sitemap/schema/sitemap.xsd");
    if !official.exists() {
        skipped!(
            "the_sitemap_validates_against_the_sitemap_schema",
            "no {} (run `npm ci` in tools/)",
            official.display()
        );
    }
    if Command::new("xmllint").arg("--version").output().is_err() {
        skipped!(
            "the_sitemap_validates_against_the_sitemap_schema",
            "no xmllint (apt-get install libxml2-utils)"
        );
    }
    let site = built();
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(&schema)
        .arg(site.path("public/sitemap.xml"))
        .output()
        .expect("run xmllint");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && said.contains("validates"), "{said}");
}
