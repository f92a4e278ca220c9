//! Hostile content: markup and script addresses written in bodies, titles,
//! summaries, taxonomy labels, front matter fields and config.yaml never
//! reach a page as live markup, and nothing a content file says makes the
//! generator write outside the output folder.

use crate::support::{Diag, Site, html_pages, live_markup, single_error};

fn warnings(site: &Site) -> Vec<(String, u64, u64, String)> {
    let out = site.build(&["--format", "json"]);
    crate::support::parse_diags(&out)
        .into_iter()
        .map(|d: Diag| (d.file, d.line, d.column, d.message))
        .collect()
}

#[test]
fn hostile_markup_never_reaches_a_page_as_live_markup() {
    let site = Site::fixture("hostile/everywhere");
    let file = "content/pages/evil.fr.md";
    let w = |line, column, message: &str| (file.to_string(), line, column, message.to_string());
    assert_eq!(
        warnings(&site),
        vec![
            w(9, 1, "the HTML tag `<script>` is not allowed in the text"),
            w(
                11,
                30,
                "the HTML attribute `onerror` is not allowed in the text"
            ),
            w(13, 1, "the HTML tag `<iframe>` is not allowed in the text"),
            w(15, 1, "the HTML tag `<style>` is not allowed in the text"),
            w(
                17,
                4,
                "the HTML attribute `style` is not allowed in the text"
            ),
            w(19, 4, "`javascript:` addresses are not allowed in the text"),
            w(19, 48, "`data:` addresses are not allowed in the text"),
        ]
    );
    let pages = html_pages(&site.path("public"));
    assert!(pages.len() > 20, "{}", pages.len());
    for (path, page) in &pages {
        assert_eq!(live_markup(page), Vec::<String>::new(), "in {path}");
    }

    // What was written is shown as text, where it was written.
    let fr = site.page("fr/pages/evil/");
    assert_eq!(fr.text("h1"), "<script>alert('title')</script>");
    assert_eq!(
        fr.attr("meta[name=description]", "content").as_deref(),
        Some("\"><img src=x onerror=alert('summary')>")
    );
    assert_eq!(fr.text("abbr"), "OIM");
    assert_eq!(fr.text(".prose p a:nth-of-type(1)"), "lien");
    assert_eq!(fr.attr(".prose p a:nth-of-type(1)", "href"), None);
    assert_eq!(fr.attr(".prose img", "src").as_deref(), Some("x.png"));
    let en = site.page("en/pages/evil/");
    assert_eq!(en.text("h1"), "Evil <b onmouseover=alert(1)>page</b>");
    let theme = site.page("fr/themes/evil/");
    assert_eq!(theme.text("h1"), "<script>alert('theme')</script>");
    let meeting = site.page("fr/meetings/2021-01-21-webinar/");
    assert!(
        meeting
            .texts("dd")
            .contains(&"<svg onload=alert('city')>, Cameroun".to_string()),
        "{:?}",
        meeting.texts("dd")
    );
    let root = site.page("");
    assert_eq!(
        root.texts("h2"),
        vec![
            "<script>alert('config')</script>Site",
            "Site\"><img src=x onerror=alert(1)>"
        ]
    );

    // graph.json carries the titles as data, escaped for any context.
    for lang in ["fr", "en"] {
        let json = site.read(&format!("public/{lang}/graph.json"));
        assert!(!json.contains(['<', '>']), "{json}");
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert!(v["entities"].as_array().is_some_and(|e| !e.is_empty()));
    }
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/fr/graph.json")).expect("json");
    let titles: Vec<&str> = json["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["title"].as_str())
        .collect();
    assert!(
        titles.contains(&"<script>alert('title')</script>"),
        "{titles:?}"
    );
}

#[test]
fn markdown_links_and_images_to_script_or_data_addresses_are_errors() {
    let site = Site::fixture("bad-input/minimal");
    site.write(
        "content/pages/x.fr.md",
        "---\ntitle: x\n---\n\n[a](javascript:alert(1)) and ![b](data:image/svg+xml,x) and [c](VBScript:x)\n",
    );
    let errors: Vec<(u64, u64, String)> = site
        .build_errors()
        .into_iter()
        .map(|d| (d.line, d.column, d.message))
        .collect();
    assert_eq!(
        errors,
        vec![
            (5, 5, "`javascript:` links are not allowed".to_string()),
            (5, 35, "`data:` links are not allowed".to_string()),
            (5, 65, "`vbscript:` links are not allowed".to_string()),
        ]
    );
}

#[test]
fn a_document_address_must_be_a_web_address() {
    let site = Site::fixture("bad-input/minimal");
    site.write(
        "content/meetings/m/index.fr.md",
        "---\ntitle: m\ndate: 2021-01-21\ntype: webinar\ndocuments:\n  - { title: d, url: \"javascript:alert(1)\" }\n---\n",
    );
    let d = single_error(&site);
    assert_eq!(
        (d.file.as_str(), d.line, d.column, d.message.as_str()),
        (
            "content/meetings/m/index.fr.md",
            6,
            22,
            "`javascript:alert(1)` is not a web address"
        )
    );
}

#[test]
fn unsafe_html_publishes_raw_html_as_written() {
    let site = Site::fixture("bad-input/minimal");
    let config = site.read("config.yaml");
    site.write("config.yaml", &format!("{config}unsafe_html: true\n"));
    site.write(
        "content/pages/x.fr.md",
        "---\ntitle: x\n---\n\n<iframe src=\"https://video.example/\"></iframe>\n\n<p style=\"color: red\">r</p>\n",
    );
    assert_eq!(warnings(&site), vec![]);
    let page = site.page("fr/pages/x/");
    assert_eq!(
        page.attr(".prose iframe", "src").as_deref(),
        Some("https://video.example/")
    );
    assert_eq!(
        page.attr(".prose p", "style").as_deref(),
        Some("color: red")
    );
    // The checker the other tests rely on sees such markup.
    assert_eq!(
        live_markup(&page.0),
        vec!["a <iframe> element", "a `style` attribute on <p>"]
    );
}

#[test]
fn nothing_a_content_file_says_writes_outside_the_output_or_reads_outside_the_site() {
    let cases = [
        (
            "aliases: [\"/../../outside/\"]",
            "`/../../outside/` cannot be an alias: it must not contain `.` or `..` segments",
        ),
        (
            "aliases: [\"//evil.example/x/\"]",
            "`//evil.example/x/` cannot be an alias: it must be a path of this site, not an address elsewhere",
        ),
        (
            "aliases: [\"/a\\\\..\\\\..\\\\b/\"]",
            "`/a\\..\\..\\b/` cannot be an alias: it contains a character a path cannot hold",
        ),
        (
            "slug: \"..\"",
            "`..` cannot be a URL segment: it contains the character `.`",
        ),
    ];
    for (field, message) in cases {
        let site = Site::fixture("bad-input/minimal");
        site.write(
            "content/pages/x.fr.md",
            &format!("---\ntitle: x\n{field}\n---\n"),
        );
        let d = single_error(&site);
        assert_eq!(d.message, message);
        assert!(!site.scratch().join("outside").exists());
    }
    // A document's `file` is a file of the bundle, never a path out of it.
    let site = Site::fixture("bad-input/minimal");
    site.write(
        "content/meetings/m/index.fr.md",
        "---\ntitle: m\ndate: 2021-01-21\ntype: webinar\ndocuments:\n  - { title: d, file: ../../../../config.yaml }\n---\n",
    );
    let d = single_error(&site);
    assert_eq!(
        (d.line, d.column, d.message.as_str()),
        (
            6,
            23,
            "`../../../../config.yaml` is not a file of this meeting's bundle"
        )
    );
}
