//! Lists that let a reader judge what to open: countries grouped by
//! region with counts, cross-links with a meeting's type and date or a
//! practice's countries, status and period, theme and organisation pages
//! by kind with counts.

use crate::support::{Site, heading_text, text_of};

#[test]
fn the_countries_list_groups_countries_by_region_with_counts() {
    let site = Site::bundled_hub();
    site.build(&[]);
    for (path, regions, word) in [
        (
            "en/countries/",
            ["North Africa", "West Africa", "Central Africa", "Europe"],
            "countries",
        ),
        (
            "fr/pays/",
            [
                "Afrique du Nord",
                "Afrique de l'Ouest",
                "Afrique centrale",
                "Europe",
            ],
            "pays",
        ),
    ] {
        let page = site.page(path);
        let groups = page.all("section.group");
        let titles: Vec<String> = groups
            .iter()
            .map(|g| {
                heading_text(
                    g.select(&scraper::Selector::parse("h2").unwrap_or_else(|_| unreachable!()))
                        .next()
                        .expect("a heading"),
                )
            })
            .collect();
        assert_eq!(titles, regions.map(String::from).to_vec(), "{path}");
        let mut total = 0;
        for (g, region) in groups.iter().zip(regions) {
            let items: Vec<String> = g
                .select(&scraper::Selector::parse(".item .meta").unwrap_or_else(|_| unreachable!()))
                .map(text_of)
                .collect();
            assert!(!items.is_empty());
            // Every country of the group is of its region.
            assert!(items.iter().all(|m| m == region), "{path}: {items:?}");
            let count = text_of(
                g.select(&scraper::Selector::parse("h2 .n").unwrap_or_else(|_| unreachable!()))
                    .next()
                    .expect("a count"),
            );
            assert_eq!(count, format!("{} {word}", items.len()), "{path}");
            total += items.len();
        }
        // Every country, once.
        assert_eq!(total, 57, "{path}");
    }
}

#[test]
fn cross_links_say_what_lets_a_reader_choose() {
    let site = Site::bundled_hub();
    site.build(&[]);
    let page = site.page("en/challenges/employer-reluctance/");
    let meta = |heading: &str, title: &str| -> String {
        page.all("section.links")
            .into_iter()
            .filter(|s| {
                s.select(&scraper::Selector::parse("h2").unwrap_or_else(|_| unreachable!()))
                    .next()
                    .map(heading_text)
                    .as_deref()
                    == Some(heading)
            })
            .flat_map(|s| {
                s.select(&scraper::Selector::parse("li").unwrap_or_else(|_| unreachable!()))
                    .collect::<Vec<_>>()
            })
            .find(|li| text_of(*li).starts_with(title))
            .and_then(|li| {
                li.select(&scraper::Selector::parse(".meta").unwrap_or_else(|_| unreachable!()))
                    .next()
                    .map(text_of)
            })
            .unwrap_or_else(|| panic!("no {title} under {heading}"))
    };
    // A practice: its countries (and status, period when it has them).
    assert_eq!(
        meta(
            "Practices that tackle it",
            "Togo: ANPE's reintegration services"
        ),
        "Togo"
    );
    // A meeting: its type and date.
    assert_eq!(
        meta(
            "Identified at",
            "Webinar on voluntary return and reintegration"
        ),
        "Webinar · 21 January 2021"
    );
}

#[test]
fn theme_and_organisation_pages_group_their_items_by_kind_with_counts() {
    let site = Site::bundled_hub();
    site.build(&[]);
    let page = site.page("en/organisations/ofii/");
    let headings: Vec<String> = page
        .all("section.links h2")
        .into_iter()
        .map(text_of)
        .collect();
    assert!(!headings.is_empty());
    for (h, s) in headings.iter().zip(page.all("section.links")) {
        let n = s
            .select(&scraper::Selector::parse("li").unwrap_or_else(|_| unreachable!()))
            .count();
        assert!(h.ends_with(&format!(" {n}")), "{h}: {n} items");
    }
}
