//! Search, as a reader uses it: the bundled hub served by `rabat-hub serve`
//! on 127.0.0.1, its search pages opened in headless Chromium. Each test
//! skips, loudly, where Chromium is not installed.

use std::time::Duration;

use serde_json::Value;

use crate::chromium::{self, Chromium};
use crate::support::Site;

/// `rabat-hub serve` on a free port, stopped when dropped, with its site.
struct Served {
    _served: crate::served::Served,
    url: String,
    _site: Site,
}

fn serve_hub() -> Served {
    serve(Site::bundled_hub())
}

fn serve(site: Site) -> Served {
    let served = crate::served::Served::start(&site.root);
    let url = format!("{}/", served.base);
    Served {
        _served: served,
        url,
        _site: site,
    }
}

/// What the search page shows once it is done.
#[derive(Debug)]
struct Shown {
    status: String,
    /// How many results there are (the page shows a few at a time).
    count: u64,
    /// Result links, in order, as paths.
    urls: Vec<String>,
    /// The highlighted words of each result's excerpt.
    marks: Vec<Vec<String>>,
    /// The address bar's query string.
    query: String,
}

const SHOWN: &str = r#"(() => {
  const root = document.getElementById("search");
  if (!root || root.dataset.state !== "done") return null;
  const items = [...root.querySelectorAll(".search-results > li")];
  return {
    status: root.querySelector(".search-status").textContent,
    count: Number(root.dataset.count),
    urls: items.map(li => new URL(li.querySelector("h2 a").href).pathname),
    marks: items.map(li => [...li.querySelectorAll(".excerpt mark")].map(m => m.textContent)),
    query: location.search,
  };
})()"#;

fn shown(browser: &mut Chromium, tab: &str) -> Shown {
    let v = browser
        .wait_for(tab, SHOWN, Duration::from_secs(30))
        .unwrap_or_else(|e| panic!("the search page never finished: {e}"));
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_string))
            .collect()
    };
    Shown {
        status: v["status"].as_str().unwrap_or_default().to_string(),
        count: v["count"].as_u64().unwrap_or_default(),
        urls: strings(&v["urls"]),
        marks: v["marks"]
            .as_array()
            .into_iter()
            .flatten()
            .map(strings)
            .collect(),
        query: v["query"].as_str().unwrap_or_default().to_string(),
    }
}

/// Opens `path` (with its query) and waits for the results.
fn open(browser: &mut Chromium, tab: &str, base: &str, path: &str) -> Shown {
    browser
        .goto(tab, &format!("{}{}", base, path.trim_start_matches('/')))
        .expect("navigate");
    // Wait for the new page, not the one before it.
    browser
        .wait_for(
            tab,
            &format!(
                "location.pathname + location.search === {:?} && document.readyState === 'complete'",
                path
            ),
            Duration::from_secs(30),
        )
        .ok();
    shown(browser, tab)
}

/// Clicks "show more results" until every result is on the page.
fn show_all(browser: &mut Chromium, tab: &str) -> Shown {
    loop {
        let r = shown(browser, tab);
        if r.urls.len() as u64 >= r.count {
            return r;
        }
        let before = r.urls.len();
        browser
            .eval(tab, "document.querySelector('.search-more').click()")
            .expect("show more");
        browser
            .wait_for(
                tab,
                &format!("document.querySelectorAll('.search-results > li').length > {before}"),
                Duration::from_secs(30),
            )
            .expect("more results");
    }
}

fn start() -> Option<(Served, Chromium, String)> {
    let served = serve_hub();
    let mut browser = Chromium::launch().expect("launch chromium");
    let tab = browser.tab().expect("tab");
    Some((served, browser, tab))
}

#[test]
fn a_french_query_shows_the_expected_french_pages_first() {
    if !chromium::available("a_french_query_shows_the_expected_french_pages_first") {
        return;
    }
    let Some((served, mut browser, tab)) = start() else {
        return;
    };
    let r = open(
        &mut browser,
        &tab,
        &served.url,
        "/fr/search/?q=r%C3%A9int%C3%A9gration%20Cameroun",
    );
    assert!(r.urls.len() >= 3, "{r:#?}");
    // The State's reintegration aid in Cameroon first, then the other
    // Cameroonian schemes and the country's profile, before anything else.
    assert_eq!(
        r.urls[0], "/fr/pratiques/cameroon-state-reintegration-aid/",
        "{r:#?}"
    );
    let first_four: std::collections::BTreeSet<&str> =
        r.urls[..4].iter().map(String::as_str).collect();
    assert_eq!(
        first_four,
        [
            "/fr/pratiques/cameroon-state-reintegration-aid/",
            "/fr/pratiques/cameroon-pari-jedi/",
            "/fr/pratiques/ofii-cameroon/",
            "/fr/pays/cm/",
        ]
        .into_iter()
        .collect(),
        "{r:#?}"
    );
    assert!(r.urls.iter().all(|u| u.starts_with("/fr/")), "{r:#?}");
    assert!(
        r.status
            .contains("résultats pour «\u{a0}réintégration Cameroun\u{a0}»"),
        "{}",
        r.status
    );
}

#[test]
fn an_english_query_shows_the_expected_english_pages_first() {
    if !chromium::available("an_english_query_shows_the_expected_english_pages_first") {
        return;
    }
    let Some((served, mut browser, tab)) = start() else {
        return;
    };
    let r = open(&mut browser, &tab, &served.url, "/en/search/?q=employers");
    assert!(r.urls.len() >= 2, "{r:#?}");
    let first_two: std::collections::BTreeSet<&str> =
        r.urls[..2].iter().map(String::as_str).collect();
    assert_eq!(
        first_two,
        [
            "/en/challenges/employer-reluctance/",
            "/en/recommendations/engage-employers/",
        ]
        .into_iter()
        .collect(),
        "{r:#?}"
    );
    assert!(r.urls.iter().all(|u| u.starts_with("/en/")), "{r:#?}");
    // Stemming: "employers" also finds "employer" and "employment".
    assert!(
        r.marks
            .iter()
            .flatten()
            .any(|m| m.eq_ignore_ascii_case("employer")),
        "{r:#?}"
    );
}

#[test]
fn a_query_without_accents_finds_accented_words() {
    if !chromium::available("a_query_without_accents_finds_accented_words") {
        return;
    }
    let Some((served, mut browser, tab)) = start() else {
        return;
    };
    open(
        &mut browser,
        &tab,
        &served.url,
        "/fr/search/?q=reintegration",
    );
    let plain = show_all(&mut browser, &tab);
    open(
        &mut browser,
        &tab,
        &served.url,
        "/fr/search/?q=r%C3%A9int%C3%A9gration",
    );
    let accented = show_all(&mut browser, &tab);
    assert!(plain.urls.len() >= 5, "{plain:#?}");
    assert!(
        plain
            .marks
            .iter()
            .flatten()
            .any(|m| m.to_lowercase().starts_with("réintégr")),
        "the excerpts should highlight the accented word: {plain:#?}"
    );
    // The same pages, whether the reader types the accents or not.
    let (mut a, mut b) = (plain.urls.clone(), accented.urls.clone());
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn a_country_filter_narrows_the_results_to_that_country() {
    if !chromium::available("a_country_filter_narrows_the_results_to_that_country") {
        return;
    }
    let Some((served, mut browser, tab)) = start() else {
        return;
    };
    open(
        &mut browser,
        &tab,
        &served.url,
        "/fr/search/?q=r%C3%A9int%C3%A9gration",
    );
    let all = show_all(&mut browser, &tab);
    assert_eq!(all.urls.len() as u64, all.count);
    // Open the country facet (its values load then) and tick "Tunisie",
    // as a reader would.
    browser
        .eval(
            &tab,
            r#"document.querySelector('.facet[data-filter="country"] summary').click()"#,
        )
        .expect("open the country facet");
    browser
        .wait_for(
            &tab,
            r#"document.querySelector('.facet[data-filter="country"] input[value="Tunisie"]') !== null"#,
            Duration::from_secs(30),
        )
        .expect("the country facet's values");
    browser
        .eval(
            &tab,
            r#"document.querySelector('.facet[data-filter="country"] input[value="Tunisie"]').click()"#,
        )
        .expect("tick Tunisie");
    browser
        .wait_for(
            &tab,
            "document.getElementById('search').dataset.state === 'done' && location.search.includes('country=Tunisie')",
            Duration::from_secs(30),
        )
        .expect("the filtered search");
    let narrowed = show_all(&mut browser, &tab);
    assert!(!narrowed.urls.is_empty(), "{narrowed:#?}");
    assert!(
        narrowed.urls.len() < all.urls.len(),
        "{narrowed:#?} vs {all:#?}"
    );
    assert!(narrowed.urls.iter().all(|u| all.urls.contains(u)));
    for expected in [
        "/fr/pratiques/lemma-tunisia/",
        "/fr/pratiques/tunisia-national-reintegration-scheme/",
        "/fr/pays/tn/",
    ] {
        assert!(
            narrowed.urls.iter().any(|u| u == expected),
            "{expected} missing: {narrowed:#?}"
        );
    }
    for u in &all.urls {
        if u.contains("cameroon") || u.contains("anpe-togo") {
            assert!(!narrowed.urls.contains(u), "{u} is not about Tunisia");
        }
    }
    // Each page found names Tunisia in its content (facts or lists).
    let pages = browser
        .eval(
            &tab,
            &format!(
                r#"Promise.all({}.map(u => fetch(u).then(r => r.text()).then(t =>
                  new DOMParser().parseFromString(t, "text/html").querySelector("main").textContent.includes("Tunisie"))))"#,
                serde_json::json!(narrowed.urls)
            ),
        )
        .expect("fetch the pages found");
    assert_eq!(
        pages,
        serde_json::json!(vec![true; narrowed.urls.len()]),
        "{narrowed:#?}"
    );
    // The filter is in the address: the same link shows the same results.
    assert!(
        narrowed.query.contains("country=Tunisie"),
        "{}",
        narrowed.query
    );
    open(
        &mut browser,
        &tab,
        &served.url,
        &format!("/fr/search/{}", narrowed.query),
    );
    let again = show_all(&mut browser, &tab);
    assert_eq!(again.urls, narrowed.urls);
    let checked = browser
        .eval(
            &tab,
            r#"[...document.querySelectorAll('.facet input:checked')].map(b => b.name + '=' + b.value)"#,
        )
        .expect("checked boxes");
    assert_eq!(checked, serde_json::json!(["country=Tunisie"]));
}

#[test]
fn the_header_search_box_opens_the_search_page_with_results() {
    if !chromium::available("the_header_search_box_opens_the_search_page_with_results") {
        return;
    }
    let Some((served, mut browser, tab)) = start() else {
        return;
    };
    browser
        .goto(&tab, &format!("{}en/", served.url))
        .expect("home");
    browser
        .wait_for(
            &tab,
            "document.readyState === 'complete' && location.pathname === '/en/'",
            Duration::from_secs(30),
        )
        .expect("home loaded");
    browser
        .eval(
            &tab,
            r#"(() => {
              const form = document.querySelector('header form[role="search"]');
              form.querySelector('input[name="q"]').value = 'voluntary return';
              form.requestSubmit();
            })()"#,
        )
        .expect("submit the header form");
    let r = shown(&mut browser, &tab);
    assert!(r.query.starts_with("?q=voluntary"), "{r:#?}");
    assert!(!r.urls.is_empty(), "{r:#?}");
    assert!(r.urls.iter().all(|u| u.starts_with("/en/")), "{r:#?}");
    let value = browser
        .eval(&tab, "document.getElementById('search-q').value")
        .expect("input value");
    assert_eq!(value, serde_json::json!("voluntary return"));
}

#[test]
fn a_language_without_pages_finds_nothing_and_says_so() {
    if !chromium::available("a_language_without_pages_finds_nothing_and_says_so") {
        return;
    }
    let site = Site::fixture("languages/pairing");
    for f in [
        "content/countries/cm.en.md",
        "content/practices/ofii-cameroon.en.md",
    ] {
        std::fs::remove_file(site.path(f)).expect("remove");
    }
    let served = serve(site);
    let mut browser = Chromium::launch().expect("launch chromium");
    let tab = browser.tab().expect("tab");
    let r = open(&mut browser, &tab, &served.url, "/en/search/?q=Cameroon");
    assert_eq!(r.count, 0, "{r:#?}");
    assert_eq!(r.status, "No results for “Cameroon”.");
    let r = open(&mut browser, &tab, &served.url, "/fr/search/?q=Cameroun");
    assert!(r.count > 0, "{r:#?}");
}

/// The parts of search that need no browser: the header's form on every
/// page, the search page without JavaScript, a bundle per language.
mod static_parts {
    use crate::support::{Site, snapshot};

    #[test]
    fn every_page_has_a_search_form_going_to_its_languages_search_page() {
        let site = Site::fixture("graph/cross-links");
        site.build(&[]);
        for (page, lang) in [
            ("fr/", "fr"),
            ("en/", "en"),
            ("fr/pratiques/anpe-togo/", "fr"),
            ("en/practices/anpe-togo/", "en"),
            ("fr/themes/", "fr"),
            ("en/404.html", "en"),
        ] {
            let p = site.page(page);
            let form = p.one("header form[role=search]");
            assert_eq!(form.value().attr("method"), Some("get"), "{page}");
            assert_eq!(
                form.value().attr("action"),
                Some(format!("/{lang}/search/").as_str()),
                "{page}"
            );
            let id = p
                .attr("header form[role=search] input[name=q]", "id")
                .unwrap_or_default();
            assert!(
                !p.all(&format!("header form label[for={id}]")).is_empty(),
                "{page}: the search box has no label"
            );
        }
    }

    #[test]
    fn without_javascript_the_search_page_says_so_and_offers_the_lists() {
        let site = Site::fixture("graph/cross-links");
        site.build(&[]);
        let p = site.page("fr/search/");
        assert_eq!(p.lang(), "fr");
        assert!(
            p.text("noscript").contains("JavaScript"),
            "{}",
            p.text("noscript")
        );
        let links: Vec<String> = p
            .all(".search-browse a")
            .into_iter()
            .filter_map(|a| a.value().attr("href").map(str::to_string))
            .collect();
        for wanted in [
            "/fr/pratiques/",
            "/fr/pays/",
            "/fr/themes/",
            "/fr/reunions/",
        ] {
            assert!(links.iter().any(|l| l == wanted), "{wanted} in {links:?}");
        }
        // The page's own form works without script too: it reloads with ?q=.
        assert_eq!(
            p.attr(".search-form", "action").as_deref(),
            Some("/fr/search/")
        );
        assert_eq!(p.all(".search-form input[name=q]").len(), 1);
        // Its script is a file of the theme: no inline script.
        for s in p.all("script") {
            assert!(s.value().attr("src").is_some(), "an inline script");
        }
        assert!(site.exists("public/search.js"));
        // What the page preloads is in its language's bundle.
        let preloads: Vec<String> = p
            .all("link[rel=preload], link[rel=modulepreload]")
            .into_iter()
            .filter_map(|l| l.value().attr("href").map(str::to_string))
            .collect();
        assert_eq!(preloads.len(), 4, "{preloads:?}");
        for href in &preloads {
            let file = href.split('?').next().unwrap_or_default();
            assert!(file.starts_with("/fr/pagefind/"), "{href}");
            assert!(
                site.exists(&format!("public{file}")),
                "{href} is not published"
            );
        }
        // The switcher links the other language's search page.
        assert_eq!(
            p.attr("link[hreflang=en]", "href").as_deref(),
            Some("https://hub.example.org/en/search/")
        );
    }

    #[test]
    fn each_language_has_its_own_bundle_with_its_own_pages() {
        let site = Site::fixture("languages/pairing");
        site.build(&[]);
        let files = snapshot(&site.path("public"));
        for (lang, pages) in [("fr", 3), ("en", 2)] {
            let entry: serde_json::Value =
                serde_json::from_slice(&files[&format!("{lang}/pagefind/pagefind-entry.json")])
                    .expect("entry json");
            let languages = entry["languages"].as_object().expect("languages");
            assert_eq!(languages.keys().collect::<Vec<_>>(), vec![lang]);
            assert_eq!(languages[lang]["page_count"], pages, "{lang}");
            assert!(files.contains_key(&format!("{lang}/pagefind/pagefind.js")));
            assert!(files.contains_key(&format!("{lang}/pagefind/wasm.{lang}.pagefind")));
            let fragments = files
                .keys()
                .filter(|k| k.starts_with(&format!("{lang}/pagefind/fragment/")))
                .count();
            assert_eq!(fragments, pages, "{lang}");
        }
        // Nothing of Pagefind's own interface is published.
        assert!(
            !files
                .keys()
                .any(|k| k.contains("pagefind-ui") || k.contains("worker"))
        );
    }
}
