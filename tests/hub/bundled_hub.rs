//! The repository's own hub: it builds, and a reader can reach every page
//! from each language's home page by clicking, with no broken link.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

use scraper::{Html, Selector};

use crate::support::Site;

/// Site-internal link targets of a page: (path without fragment, fragment).
fn links(html: &Html, page_url: &str) -> Vec<(String, Option<String>)> {
    // A search form (GET) is followed like a link; a script or preload
    // must exist like a stylesheet.
    let sel = Selector::parse(
        "a[href], link[rel=stylesheet][href], link[rel=modulepreload][href], script[src], form[method=get][action]",
    )
    .unwrap_or_else(|_| unreachable!());
    html.select(&sel)
        .filter_map(|a| {
            let v = a.value();
            v.attr("href").or(v.attr("src")).or(v.attr("action"))
        })
        .filter(|h| {
            !h.starts_with("http://") && !h.starts_with("https://") && !h.starts_with("mailto:")
        })
        .map(|h| {
            let (path, frag) = match h.split_once('#') {
                Some((p, f)) => (p, Some(f.to_string())),
                None => (h, None),
            };
            let absolute = if path.is_empty() {
                page_url.to_string()
            } else if path.starts_with('/') {
                path.to_string()
            } else {
                let base = &page_url[..page_url.rfind('/').map_or(0, |i| i + 1)];
                format!("{base}{path}")
            };
            (absolute, frag)
        })
        .collect()
}

fn file_of(public: &Path, url: &str) -> std::path::PathBuf {
    let rel = url.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        public.join(rel).join("index.html")
    } else {
        public.join(rel)
    }
}

fn ids(html: &Html) -> BTreeSet<String> {
    let sel = Selector::parse("[id]").unwrap_or_else(|_| unreachable!());
    html.select(&sel)
        .filter_map(|e| e.value().attr("id").map(str::to_string))
        .collect()
}

/// Every page reached by clicking from `start`, and every broken link.
fn crawl(public: &Path, start: &str) -> (BTreeSet<String>, Vec<String>) {
    let mut seen = BTreeSet::new();
    let mut broken = Vec::new();
    let mut queue = VecDeque::from([start.to_string()]);
    let mut parsed: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut pending_fragments = Vec::new();
    while let Some(url) = queue.pop_front() {
        if !seen.insert(url.clone()) {
            continue;
        }
        let file = file_of(public, &url);
        if !url.ends_with(".html") && !url.ends_with('/') {
            continue; // an attachment, a stylesheet or a script: existence checked below
        }
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let html = Html::parse_document(&text);
        parsed.insert(url.clone(), ids(&html));
        for (target, frag) in links(&html, &url) {
            if !file_of(public, &target).is_file() {
                broken.push(format!("{url} -> {target}"));
                continue;
            }
            if let Some(f) = frag {
                pending_fragments.push((url.clone(), target.clone(), f));
            }
            queue.push_back(target);
        }
    }
    for (from, target, frag) in pending_fragments {
        if parsed.get(&target).is_some_and(|ids| !ids.contains(&frag)) {
            broken.push(format!("{from} -> {target}#{frag} (no such id)"));
        }
    }
    (seen, broken)
}

#[test]
fn every_page_is_reachable_from_each_home_with_no_broken_link() {
    let site = Site::bundled_hub();
    site.build(&[]);
    let public = site.path("public");

    // Every page a reader should find: all but redirects and 404 pages.
    let mut pages = BTreeSet::new();
    for e in walkdir::WalkDir::new(&public)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e
            .path()
            .strip_prefix(&public)
            .unwrap_or(e.path())
            .to_string_lossy()
            .replace('\\', "/");
        if !rel.ends_with("index.html") {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap_or_default();
        if text.contains("http-equiv=\"refresh\"") {
            continue;
        }
        pages.insert(format!("/{}", rel.trim_end_matches("index.html")));
    }
    assert!(pages.len() > 150, "the hub has {} pages", pages.len());

    for home in ["/fr/", "/en/"] {
        let (seen, broken) = crawl(&public, home);
        assert!(
            broken.is_empty(),
            "broken links from {home}:\n{}",
            broken.join("\n")
        );
        let missed: Vec<&String> = pages
            .iter()
            .filter(|p| !seen.contains(*p) && p.as_str() != "/")
            .collect();
        assert!(missed.is_empty(), "not reachable from {home}: {missed:#?}");
    }
}

#[test]
fn the_hub_has_what_the_issue_asks_for() {
    let site = Site::bundled_hub();
    site.build(&[]);
    let count = |dir: &str| {
        std::fs::read_dir(site.path(dir))
            .map(|d| d.flatten().filter(|e| e.path().is_dir()).count())
            .unwrap_or(0)
    };
    for (fr, en) in [
        ("fr/pratiques", "en/practices"),
        ("fr/defis", "en/challenges"),
        ("fr/recommandations", "en/recommendations"),
    ] {
        assert_eq!(
            count(&format!("public/{fr}")),
            count(&format!("public/{en}")),
            "{fr} and {en}"
        );
    }
    assert!(count("public/en/practices") >= 5);
    assert!(count("public/en/challenges") >= 6);
    assert!(count("public/en/recommendations") >= 8);
    let partners = std::fs::read_dir(site.path("content/countries"))
        .map(|d| {
            d.flatten()
                .filter(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    n.ends_with(".en.md") && !n.starts_with("_index")
                })
                .count()
        })
        .unwrap_or(0);
    assert_eq!(count("public/en/countries"), partners);
    assert_eq!(count("public/fr/pays"), 57);
    let webinar = site.page("fr/reunions/2021-01-21-rvr-webinar/");
    assert_eq!(webinar.text("dl.facts time"), "21 janvier 2021");
    assert!(site.exists("public/fr/reunions/2021-01-21-rvr-webinar/programme.txt"));
}

#[test]
fn the_hub_checks_clean_even_in_strict_mode() {
    let site = Site::bundled_hub();
    let out = site.run(&["check", "--strict"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
