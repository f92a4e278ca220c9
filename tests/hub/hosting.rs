//! What static hosts read: the bilingual root `/404.html`, `_headers`
//! (the policy and the cache rules), the policy in every page's `<meta>`
//! for hosts that send no headers, and stylesheets and scripts linked by
//! their content's name.

use crate::support::{Page, Site, html_pages};

/// The README's header (`output::CONTENT_SECURITY_POLICY`).
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

#[test]
fn the_root_404_speaks_every_language_and_links_each_home() {
    let site = Site::fixture("languages/pairing");
    site.build(&[]);
    let page = site.page("404.html");
    let sections: Vec<(String, String, String)> = page
        .all("main section")
        .into_iter()
        .map(|s| {
            let p = Page(scraper::Html::parse_fragment(&s.html()));
            (
                s.value().attr("lang").unwrap_or_default().to_string(),
                p.text("h2"),
                p.attr("a", "href").unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        sections,
        [
            ("fr".into(), "Page introuvable".into(), "/fr/".into()),
            ("en".into(), "Page not found".into(), "/en/".into()),
        ]
    );
    // Described in every language; no `noindex` (hosts send it with the
    // status 404, which keeps it out of search engines) and no canonical
    // address (it stands at whatever address was asked for).
    assert_eq!(
        page.attr("meta[name='description']", "content").as_deref(),
        Some(
            "Cette adresse ne correspond à aucune page du site. Elle a peut-être changé. · No page of this site has this address. It may have changed."
        )
    );
    assert!(page.all("meta[name='robots']").is_empty());
    assert!(
        page.all("link[rel='canonical'], link[rel='alternate']")
            .is_empty()
    );
    // The root's own list of languages (root_404.html extends root.html):
    // the same markup, another text.
    let root = site.page("");
    let shape = |p: &Page| -> Vec<String> {
        p.all("main section > *")
            .into_iter()
            .map(|e| e.value().name().to_string())
            .collect()
    };
    assert_eq!(shape(&page), shape(&root));
    assert_eq!(page.attr("main", "class"), root.attr("main", "class"));
    // Its stylesheet and icon resolve from any depth.
    for el in page.all("link[href]") {
        let href = el.value().attr("href").unwrap_or_default();
        assert!(href.starts_with('/'), "{href}");
        assert!(site.exists(&format!("public{href}")), "{href}");
    }
}

#[test]
fn headers_carry_the_policy_and_cache_content_named_files_a_year() {
    let site = Site::fixture("languages/pairing");
    site.build(&[]);
    let headers = site.read("public/_headers");
    let blocks: Vec<(&str, Vec<&str>)> = headers
        .split("\n\n")
        .filter_map(|b| {
            let mut lines = b.lines().filter(|l| !l.starts_with('#'));
            let path = lines.next()?;
            Some((path, lines.map(str::trim).collect()))
        })
        .collect();
    let rule = |path: &str| {
        blocks
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| panic!("no rule for {path} in\n{headers}"))
    };
    let all = rule("/*");
    assert!(all.contains(&format!("Content-Security-Policy: {POLICY}").as_str()));
    assert!(
        !all.iter().any(|l| l.starts_with("Cache-Control")),
        "hosts join a header from several rules: `/*` must not set the cache"
    );
    let year = "Cache-Control: public, max-age=31536000, immutable";
    let fresh = "Cache-Control: no-cache";
    for lang in ["fr", "en"] {
        assert_eq!(rule(&format!("/{lang}/pagefind/pagefind.js")), [fresh]);
        assert_eq!(
            rule(&format!("/{lang}/pagefind/pagefind-entry.json")),
            [fresh]
        );
        for dir in ["index", "fragment", "filter"] {
            assert_eq!(rule(&format!("/{lang}/pagefind/{dir}/*")), [year]);
            assert!(site.path(&format!("public/{lang}/pagefind/{dir}")).is_dir());
        }
    }
    // Each hashed file is published, kept a year, and is what pages link.
    let home = site.page("fr/index.html");
    let css = home
        .attr("link[rel=stylesheet]:not([media])", "href")
        .expect("stylesheet");
    assert_eq!(rule(&css), [year]);
    assert!(site.exists(&format!("public{css}")));
    let search = site.page("fr/search/index.html");
    let js = search.attr("script[src]", "src").expect("search script");
    assert!(js.starts_with("/search.") && js != "/search.js", "{js}");
    assert_eq!(rule(&js), [year]);
    assert_eq!(
        site.read(&format!("public{js}")),
        site.read("themes/default/static/search.js")
    );
    // Pages are not given a rule of their own: the hosts' default
    // (revalidate) applies.
    assert!(
        !blocks
            .iter()
            .any(|(p, _)| p.ends_with(".html") || *p == "/fr/")
    );
}

#[test]
fn every_page_carries_the_policy_in_a_meta_but_frame_ancestors() {
    let site = Site::fixture("languages/pairing");
    site.build(&[]);
    let meta_policy = POLICY.replace("; frame-ancestors 'none'", "");
    let pages = html_pages(&site.path("public"));
    assert!(pages.len() > 10);
    for (path, page) in pages {
        let page = Page(page);
        let metas = page.all("meta[http-equiv='Content-Security-Policy']");
        assert_eq!(metas.len(), 1, "{path}");
        assert_eq!(
            metas[0].value().attr("content"),
            Some(meta_policy.as_str()),
            "{path}"
        );
        // Before anything it governs is loaded.
        let head = page.one("head").html();
        let at = head.find("Content-Security-Policy").unwrap_or(usize::MAX);
        for tag in ["<link", "<script"] {
            if let Some(i) = head.find(tag) {
                assert!(at < i, "{path}: the policy comes after a {tag}");
            }
        }
    }
}

#[test]
fn a_sites_own_headers_and_404_are_published_as_written() {
    let site = Site::fixture("languages/pairing");
    site.write("static/_headers", "/*\n  X-Ours: yes\n");
    site.write("static/404.html", "<!DOCTYPE html><title>ours</title>\n");
    site.build(&[]);
    assert_eq!(site.read("public/_headers"), "/*\n  X-Ours: yes\n");
    assert_eq!(
        site.read("public/404.html"),
        "<!DOCTYPE html><title>ours</title>\n"
    );
}
