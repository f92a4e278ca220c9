//! Pictures: the partner-country map of the countries list, and the
//! at-a-glance bars of a challenge page.

use std::collections::BTreeMap;

use crate::support::{Site, text_of};

#[test]
fn the_countries_list_shows_a_map_linking_each_country_to_its_profile() {
    let site = Site::bundled_hub();
    site.build(&[]);
    for (lang, list) in [("fr", "fr/pays/"), ("en", "en/countries/")] {
        let page = site.page(list);
        let svg = page.one("figure.map-figure svg.map");
        assert!(
            svg.value()
                .attr("aria-label")
                .is_some_and(|l| !l.is_empty())
        );
        assert!(svg.value().attr("viewBox").is_some());
        // The text list beside it: title → (url, region line).
        let items: BTreeMap<String, String> = page
            .all(".items .item h2 a")
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
        // Non-partners are drawn, grey and not links.
        assert!(page.all("svg.map path.other").len() > 20);
        for p in page.all("svg.map path.other") {
            assert!(
                p.parent()
                    .and_then(scraper::ElementRef::wrap)
                    .is_some_and(|e| e.value().name() == "svg")
            );
        }
    }
    // No other list draws it.
    assert!(site.page("fr/pratiques/").all("svg").is_empty());
}

#[test]
fn a_challenge_shows_its_counts_as_bars() {
    let site = Site::bundled_hub();
    site.build(&[]);
    let page = site.page("en/challenges/coordination-gaps/");
    for (class, heading) in [
        ("recommendations", "Recommendations that address it"),
        ("practices", "Practices that tackle it"),
        ("countries", "Countries concerned"),
    ] {
        let li = page.one(&format!(".at-a-glance .glance-{class}"));
        let n: usize = text_of(
            li.select(&scraper::Selector::parse("strong").unwrap_or_else(|_| unreachable!()))
                .next()
                .expect("a count"),
        )
        .parse()
        .expect("a number");
        let listed = page.list(heading).len();
        assert_eq!(n, listed, "{class}");
        let bar = li
            .select(&scraper::Selector::parse(".glance-bar").unwrap_or_else(|_| unreachable!()))
            .next()
            .expect("a bar");
        assert_eq!(
            bar.value().attr("class"),
            Some(format!("glance-bar n-{}", n.min(20)).as_str())
        );
    }
}
