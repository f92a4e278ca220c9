//! Pictures: the partner-country map of the countries list, and what an
//! entity page leads with (its connections, counted in words).

use std::collections::BTreeMap;

use crate::support::{Site, text_of};

#[test]
fn the_countries_list_shows_a_map_linking_each_country_to_its_profile() {
    let site = Site::bundled_hub();
    site.build(&[]);
    for (lang, list) in [("fr", "fr/pays/"), ("en", "en/countries/")] {
        let page = site.page(list);
        let svg = page.one("figure.map-figure svg.map");
        // A picture for those who see it: out of the tab order and of the
        // accessibility tree, the list below giving the same links.
        assert_eq!(svg.value().attr("aria-hidden"), Some("true"));
        assert!(!page.all("svg.map > title").is_empty());
        for a in page.all("svg.map a") {
            assert_eq!(a.value().attr("tabindex"), Some("-1"));
            assert_eq!(a.value().attr("hreflang"), None);
        }
        assert!(svg.value().attr("viewBox").is_some());
        // The text list beside it: title → (url, region line).
        let items: BTreeMap<String, String> = page
            .all(".items .item h3 a")
            .into_iter()
            .map(|a| {
                (
                    a.value().attr("href").unwrap_or_default().to_string(),
                    text_of(a),
                )
            })
            .collect();
        let links = page.all("svg.map a");
        // Tiny island states (Cabo Verde, Malta) are too small to draw;
        // nearly every country is on the map.
        assert!(
            links.len() + 4 >= items.len() && links.len() > 40,
            "{lang}: {} of {}",
            links.len(),
            items.len()
        );
        for a in &links {
            let href = a.value().attr("href").expect("href");
            let title = a
                .children()
                .filter_map(scraper::ElementRef::wrap)
                .find(|c| c.value().name() == "title")
                .map(text_of)
                .expect("a <title>");
            assert_eq!(
                items.get(href),
                Some(&title),
                "{lang}: {href} is a country of the list, titled as there"
            );
            let path = a
                .children()
                .filter_map(scraper::ElementRef::wrap)
                .find(|c| ["path", "circle"].contains(&c.value().name()))
                .expect("a shape");
            let class = path.value().attr("class").unwrap_or_default();
            assert!(
                [
                    "r-north-africa",
                    "r-west-africa",
                    "r-central-africa",
                    "r-europe"
                ]
                .contains(&class),
                "{class}"
            );
            assert!(
                path.value()
                    .attr("d")
                    .is_some_and(|d| d.starts_with('M') && d.ends_with('z'))
                    || path.value().attr("r").is_some()
            );
        }
        let cameroon = links
            .iter()
            .find(|a| {
                a.value().attr("href")
                    == Some(&format!(
                        "/{lang}/{}/cm/",
                        if lang == "fr" { "pays" } else { "countries" }
                    ))
            })
            .expect("Cameroon is on the map");
        assert!(cameroon.html().contains("r-central-africa"));
        // Non-partners are drawn, grey and not links, in the window that
        // clips the outlines.
        assert_eq!(
            page.attr("svg.map > g", "clip-path").as_deref(),
            Some("url(#map-window)")
        );
        assert!(page.all("svg.map path.other").len() > 20);
        for p in page.all("svg.map path.other") {
            assert!(
                p.parent()
                    .and_then(scraper::ElementRef::wrap)
                    .is_some_and(|e| e.value().name() == "g")
            );
        }
    }
    // No other list draws it.
    assert!(site.page("fr/pratiques/").all("svg").is_empty());
}

#[test]
fn every_entity_page_leads_with_its_connections_counted_and_linked() {
    let site = Site::bundled_hub();
    site.build(&[]);
    for path in [
        "en/challenges/coordination-gaps/",
        "fr/defis/coordination-gaps/",
        "en/meetings/2021-01-21-rvr-webinar/",
        "fr/reunions/2021-01-21-rvr-webinar/",
        "en/practices/anpe-togo/",
        "fr/pratiques/anpe-togo/",
        "en/countries/cm/",
        "fr/pays/cm/",
        "en/recommendations/multi-stakeholder-approach/",
        "fr/recommandations/multi-stakeholder-approach/",
    ] {
        let page = site.page(path);
        let parts = page.all(".entity-head .connections a");
        assert!(!parts.is_empty(), "{path}");
        for a in parts {
            let words = text_of(a);
            let n: usize = words
                .split_whitespace()
                .find_map(|w| w.parse().ok())
                .unwrap_or_else(|| panic!("{path}: no number in {words:?}"));
            let id = a.value().attr("href").unwrap_or_default();
            let id = id
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("{path}: {id}"));
            let list = page.one(&format!("section.links[id='{id}']"));
            let items = list
                .select(&scraper::Selector::parse("li").unwrap_or_else(|_| unreachable!()))
                .count();
            assert_eq!(items, n, "{path}: {words}");
        }
    }
}
