//! What the site publishes: bundles with attachments, aliases, drafts,
//! slugs, the root language picker, home and list pages.

use crate::support::Site;

#[test]
fn a_bundle_publishes_its_attachment_beside_each_language_version() {
    let site = Site::fixture("pages/bundle-alias-draft");
    site.build(&[]);
    assert_eq!(
        site.read("public/fr/reunions/2021-01-21-rvr-webinar/annexe.pdf"),
        "annex, not really a PDF\n"
    );
    assert!(site.exists("public/en/meetings/2021-01-21-rvr-webinar/annexe.pdf"));
    let fr = site.page("fr/reunions/2021-01-21-rvr-webinar/");
    let docs: Vec<(String, String)> = fr
        .all("section.links a")
        .into_iter()
        .filter(|a| a.value().attr("href").is_some_and(|h| !h.starts_with('/')))
        .map(|a| {
            (
                a.value().attr("href").unwrap_or("").into(),
                crate::support::text_of(a),
            )
        })
        .collect();
    assert_eq!(
        docs,
        vec![
            ("annexe.pdf".to_string(), "Annexe".to_string()),
            (
                "https://example.org/rapport".to_string(),
                "Rapport en ligne".to_string()
            ),
        ]
    );
}

#[test]
fn an_alias_redirects_to_the_page() {
    let site = Site::fixture("pages/bundle-alias-draft");
    site.build(&[]);
    let alias = site.page("fr/ancien-webinaire/");
    let refresh = alias
        .attr("meta[http-equiv=refresh]", "content")
        .unwrap_or_default();
    assert_eq!(refresh, "0; url=/fr/reunions/2021-01-21-rvr-webinar/");
    assert_eq!(
        alias.attr("link[rel=canonical]", "href").as_deref(),
        Some("https://hub.example.org/fr/reunions/2021-01-21-rvr-webinar/")
    );
    assert_eq!(
        alias.attr("body a", "href").as_deref(),
        Some("/fr/reunions/2021-01-21-rvr-webinar/")
    );
}

#[test]
fn a_slug_overrides_the_last_segment_and_links_follow_it() {
    let site = Site::fixture("pages/bundle-alias-draft");
    site.build(&[]);
    assert!(site.exists("public/fr/pratiques/aide-ofii/index.html"));
    assert!(site.exists("public/en/practices/ofii-cameroon/index.html"));
    let fr = site.page("fr/reunions/2021-01-21-rvr-webinar/");
    assert_eq!(
        fr.attr(".prose a", "href").as_deref(),
        Some("/fr/pratiques/aide-ofii/")
    );
    let en = site.page("en/practices/ofii-cameroon/");
    assert_eq!(
        en.attr(".lang-switch a", "href").as_deref(),
        Some("/fr/pratiques/aide-ofii/")
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = Site::fixture("pages/bundle-alias-draft");
    site.build(&[]);
    assert!(!site.exists("public/fr/pratiques/work-in-progress"));
    assert!(
        !site
            .page("fr/pratiques/")
            .texts(".item h2")
            .iter()
            .any(|t| t.contains("préparation"))
    );

    site.build(&["--drafts"]);
    assert_eq!(
        site.page("fr/pratiques/work-in-progress/").text("h1"),
        "Fiche en préparation"
    );
    assert!(
        site.page("fr/pratiques/")
            .texts(".item h2")
            .iter()
            .any(|t| t.contains("préparation"))
    );
}

#[test]
fn the_root_lets_the_reader_pick_a_language() {
    let site = Site::fixture("pages/bundle-alias-draft");
    site.build(&[]);
    let root = site.page("");
    let links: Vec<(Option<&str>, Option<&str>)> = root
        .all("a.enter")
        .into_iter()
        .map(|a| (a.value().attr("href"), a.value().attr("hreflang")))
        .collect();
    assert_eq!(
        links,
        vec![(Some("/fr/"), Some("fr")), (Some("/en/"), Some("en"))]
    );
    let langs: Vec<Option<&str>> = root
        .all("main section")
        .into_iter()
        .map(|s| s.value().attr("lang"))
        .collect();
    assert_eq!(langs, vec![Some("fr"), Some("en")]);
}

#[test]
fn output_option_and_base_url_option() {
    let site = Site::fixture("pages/bundle-alias-draft");
    let out = site.path("elsewhere");
    site.build(&[
        "--output",
        out.to_str().unwrap_or_default(),
        "--base-url",
        "https://preview.example.org/hub",
    ]);
    assert!(!site.exists("public"));
    let page =
        scraper::Html::parse_document(&site.read("elsewhere/fr/pratiques/aide-ofii/index.html"));
    let canonical = page
        .select(&scraper::Selector::parse("link[rel=canonical]").unwrap_or_else(|_| unreachable!()))
        .next()
        .and_then(|l| l.value().attr("href").map(str::to_string));
    assert_eq!(
        canonical.as_deref(),
        Some("https://preview.example.org/hub/fr/pratiques/aide-ofii/")
    );
    // Links inside the site follow the base URL's path.
    let css = page
        .select(
            &scraper::Selector::parse("link[rel=stylesheet]").unwrap_or_else(|_| unreachable!()),
        )
        .next()
        .and_then(|l| l.value().attr("href").map(str::to_string));
    // (the stylesheet is linked by its content's name: see hosting.rs)
    let css = css.unwrap_or_default();
    assert!(
        css.starts_with("/hub/style.") && css.ends_with(".css"),
        "{css}"
    );
    assert!(site.path(&format!("elsewhere{}", &css[4..])).is_file());
}

#[test]
fn site_and_theme_static_files_are_copied() {
    let site = Site::fixture("pages/bundle-alias-draft");
    site.build(&[]);
    assert_eq!(site.read("public/files/note.txt"), "site-wide file\n");
    assert_eq!(
        site.read("public/style.css"),
        site.read("themes/default/static/style.css")
    );
}
