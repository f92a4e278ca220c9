//! `serve`: builds in memory, serves on 127.0.0.1, rebuilds on save, tells
//! open pages to reload, shows a broken build's errors, refuses to leave
//! the site.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::served::Served;
use crate::support::Site;

/// A running `serve` on a free port, for `site`.
struct Preview;

impl Preview {
    fn start(site: &Site) -> Served {
        Served::start(&site.root)
    }

    fn start_logged(site: &Site) -> (Served, std::sync::mpsc::Receiver<String>) {
        Served::start_logged(&site.root, &[])
    }
}

fn h1(body: &str) -> String {
    let page = scraper::Html::parse_document(body);
    let sel = scraper::Selector::parse("h1").unwrap_or_else(|_| unreachable!());
    page.select(&sel)
        .next()
        .map(|e| e.text().collect::<String>())
        .unwrap_or_default()
}

const PAGE: &str = "/fr/pratiques/ofii-cameroon/";

#[test]
fn serve_builds_and_answers_on_loopback() {
    let site = Site::fixture("languages/pairing");
    let preview = Preview::start(&site);
    let (status, body) = preview.get(PAGE);
    assert_eq!(status, 200);
    assert_eq!(
        h1(&body),
        "Aide de l'OFII à la création d'entreprise au Cameroun"
    );
    // Built for the preview's own address, with the reload script added.
    assert!(body.contains(&format!(
        "http://{}/fr/pratiques/ofii-cameroon/",
        preview.addr
    )));
    assert!(body.contains("<script src=\"/__rabat/reload.js\"></script>"));
    assert_eq!(preview.get("/fr/pratiques/ofii-cameroon").0, 301);
    let (status, body) = preview.get("/en/nowhere/");
    assert_eq!(status, 404);
    assert_eq!(h1(&body), "Page not found");
    // Nothing is written to the site folder by a preview.
    assert!(!site.exists("public"));
}

#[test]
fn a_saved_edit_is_served_within_a_second() {
    let site = Site::fixture("languages/pairing");
    let preview = Preview::start(&site);
    let file = "content/practices/ofii-cameroon.fr.md";
    site.write(
        file,
        &site
            .read(file)
            .replace("Aide de l'OFII", "Soutien de l'OFII"),
    );
    let took = preview.wait_for(PAGE, Duration::from_secs(1), |_, body| {
        h1(body).starts_with("Soutien de l'OFII")
    });
    assert!(took.is_some(), "the edit did not show within 1 s");
}

#[test]
fn a_connected_page_receives_the_reload_event() {
    let site = Site::fixture("languages/pairing");
    let preview = Preview::start(&site);
    let mut events = TcpStream::connect(&preview.addr).expect("connect");
    write!(
        events,
        "GET /__rabat/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        preview.addr
    )
    .expect("send");
    events
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut reader = BufReader::new(events);
    let mut line = String::new();
    // Wait for the stream to open before editing.
    while !line.starts_with(": connected") {
        line.clear();
        reader.read_line(&mut line).expect("stream opens");
    }
    let file = "content/practices/anpe-togo.fr.md";
    site.write(file, &site.read(file).replace("Seulement", "Uniquement"));
    loop {
        line.clear();
        reader
            .read_line(&mut line)
            .expect("an event before the timeout");
        if line.trim() == "event: reload" {
            break;
        }
    }
}

#[test]
fn a_broken_edit_shows_the_error_and_a_fix_restores_the_site() {
    let site = Site::fixture("languages/pairing");
    let preview = Preview::start(&site);
    let file = "content/practices/ofii-cameroon.fr.md";
    let good = site.read(file);
    site.write(
        file,
        &good.replace("countries: [cm]", "countries: [cm]\nregionn: europe"),
    );
    let shown = preview.wait_for(PAGE, Duration::from_secs(10), |status, body| {
        status == 500 && body.contains("regionn")
    });
    assert!(shown.is_some(), "no error page");
    let (_, body) = preview.get(PAGE);
    let page = scraper::Html::parse_document(&body);
    let place = scraper::Selector::parse(".problem .place code").unwrap_or_else(|_| unreachable!());
    let places: Vec<String> = page.select(&place).map(|e| e.text().collect()).collect();
    assert_eq!(places, vec![format!("{file}:5:1")]);
    assert!(
        body.contains("/__rabat/reload.js"),
        "the error page reloads itself once fixed"
    );

    site.write(file, &good);
    let back = preview.wait_for(PAGE, Duration::from_secs(10), |status, body| {
        status == 200 && h1(body) == "Aide de l'OFII à la création d'entreprise au Cameroun"
    });
    assert!(back.is_some(), "the site did not come back");
}

#[test]
fn added_and_deleted_files_appear_and_disappear() {
    let site = Site::fixture("languages/pairing");
    let preview = Preview::start(&site);
    site.write(
        "content/practices/new-fiche.fr.md",
        "---\ntitle: \"Nouvelle fiche\"\ncountries: [cm]\n---\nTexte.\n",
    );
    let added = preview.wait_for(
        "/fr/pratiques/new-fiche/",
        Duration::from_secs(10),
        |s, body| s == 200 && h1(body) == "Nouvelle fiche",
    );
    assert!(added.is_some(), "the new page did not appear");
    let listed = preview.wait_for("/fr/pratiques/", Duration::from_secs(10), |_, body| {
        body.contains("Nouvelle fiche")
    });
    assert!(listed.is_some());

    std::fs::remove_file(site.path("content/practices/anpe-togo.fr.md")).expect("rm");
    let gone = preview.wait_for(
        "/fr/pratiques/anpe-togo/",
        Duration::from_secs(10),
        |s, _| s == 404,
    );
    assert!(gone.is_some(), "the deleted page is still served");
}

#[test]
fn nothing_outside_the_site_is_served() {
    let site = Site::fixture("languages/pairing");
    let outside = site.root.parent().expect("parent").join("Cargo.toml");
    std::fs::write(&outside, "SECRET").expect("write");
    std::fs::create_dir_all(site.path("static")).expect("mkdir");
    std::os::unix::fs::symlink(&outside, site.path("static/leak.txt")).expect("symlink");
    let preview = Preview::start(&site);
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/fr/../../Cargo.toml",
        "/leak.txt",
    ] {
        let (status, body) = preview.get(path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("SECRET"), "{path} leaked");
    }
}

#[test]
fn an_edit_reaches_every_page_that_shows_it() {
    let site = Site::fixture("graph/cross-links");
    let preview = Preview::start(&site);
    let file = "content/challenges/coordination-gaps.en.md";
    site.write(
        file,
        &site
            .read(file)
            .replace("Coordination gaps", "Gaps in coordination"),
    );
    for page in [
        "/en/challenges/coordination-gaps/",
        "/en/recommendations/coordination-mechanism/",
        "/en/practices/anpe-togo/",
        "/en/meetings/2021-01-21-webinar/",
        "/en/countries/tg/",
        "/en/challenges/",
        "/en/matrix/",
        "/en/themes/return-readmission-reintegration/",
    ] {
        let seen = preview.wait_for(page, Duration::from_secs(10), |_, body| {
            body.contains("Gaps in coordination")
        });
        assert!(seen.is_some(), "{page} still shows the old title");
    }
    // A text-only edit shows on the page, and the pages around it stay.
    site.write(file, &format!("{}\nA new paragraph.\n", site.read(file)));
    let seen = preview.wait_for(
        "/en/challenges/coordination-gaps/",
        Duration::from_secs(10),
        |_, body| body.contains("A new paragraph."),
    );
    assert!(seen.is_some());
    assert!(
        preview
            .get("/en/recommendations/coordination-mechanism/")
            .1
            .contains("Gaps in coordination")
    );
}

#[test]
fn a_text_edit_with_a_broken_link_shows_the_error_then_recovers() {
    let site = Site::fixture("graph/cross-links");
    let preview = Preview::start(&site);
    let file = "content/practices/anpe-togo.en.md";
    let good = site.read(file);
    site.write(file, &format!("{good}\nSee [this](@/practices/nowhere).\n"));
    let shown = preview.wait_for(
        "/en/practices/anpe-togo/",
        Duration::from_secs(10),
        |s, body| s == 500 && body.contains("there is no practice `nowhere`"),
    );
    assert!(shown.is_some(), "no error page");
    // Fixed by creating what the link points to, in another file: the
    // edited page must show its new text, not the one before the error.
    site.write(
        "content/practices/nowhere.en.md",
        "---\ntitle: \"Nowhere\"\ncountries: [tg]\n---\n",
    );
    let back = preview.wait_for(
        "/en/practices/anpe-togo/",
        Duration::from_secs(10),
        |s, body| s == 200 && body.contains("href=\"/en/practices/nowhere/\""),
    );
    assert!(
        back.is_some(),
        "the page did not come back with its new text"
    );
}

#[test]
fn a_text_edit_with_a_link_to_no_page_shows_the_error_then_recovers() {
    // The text-only save takes serve's patch: the link is checked against
    // the plan there too, not only when the site is assembled again.
    let site = Site::fixture("graph/cross-links");
    let preview = Preview::start(&site);
    let file = "content/practices/anpe-togo.en.md";
    let good = site.read(file);
    site.write(file, &format!("{good}\nSee [this](/en/nowhere/).\n"));
    let shown = preview.wait_for(
        "/en/practices/anpe-togo/",
        Duration::from_secs(10),
        |s, body| {
            s == 500 && body.contains("there is no page or file at `/en/nowhere/` on this site")
        },
    );
    assert!(shown.is_some(), "no error page");
    site.write(file, &format!("{good}\nSee [this](/en/practices/).\n"));
    let back = preview.wait_for(
        "/en/practices/anpe-togo/",
        Duration::from_secs(10),
        |s, body| s == 200 && body.contains("href=\"/en/practices/\">this</a>"),
    );
    assert!(
        back.is_some(),
        "the page did not come back with its new text"
    );
}

/// The next "rebuilt …" line serve logs, within `limit`.
fn next_rebuild(log: &std::sync::mpsc::Receiver<String>, limit: Duration) -> String {
    let start = Instant::now();
    while let Some(left) = limit.checked_sub(start.elapsed()) {
        match log.recv_timeout(left) {
            Ok(line) if line.starts_with("rebuilt ") => return line,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    panic!("no rebuild within {limit:?}");
}

/// Titles of the links in a page's `<main>`.
fn link_titles(body: &str) -> Vec<String> {
    let page = scraper::Html::parse_document(body);
    let sel = scraper::Selector::parse("main a").unwrap_or_else(|_| unreachable!());
    page.select(&sel)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

/// `page` is served and its links show the entity as `new`, no longer
/// as `old`.
fn assert_links_retitled(preview: &Served, page: &str, old: &str, new: &str) {
    let (status, body) = preview.get(page);
    assert_eq!(status, 200, "{page}");
    let titles = link_titles(&body);
    assert!(
        titles.iter().any(|t| t == new),
        "{page} does not show the new title: {titles:?}"
    );
    assert!(
        !titles.iter().any(|t| t == old),
        "{page} still shows the old one: {titles:?}"
    );
}

#[test]
fn a_title_edit_takes_the_fast_path_and_reaches_every_page_that_shows_it() {
    let site = Site::fixture("graph/cross-links");
    let (preview, log) = Preview::start_logged(&site);
    let file = "content/practices/anpe-togo.en.md";
    site.write(
        file,
        &site.read(file).replace(
            "title: \"ANPE services\"",
            "title: \"ANPE job services\"\nsummary: \"Jobs for returnees.\"",
        ),
    );
    let line = next_rebuild(&log, Duration::from_secs(10));
    assert!(line.ends_with("(fast path)"), "{line}");
    // Its own page, its neighbours' (the challenge and the recommendation
    // listing it, its country), the list of practices, graph.json.
    assert_eq!(
        h1(&preview.get("/en/practices/anpe-togo/").1),
        "ANPE job services"
    );
    for page in [
        "/en/challenges/coordination-gaps/",
        "/en/recommendations/coordination-mechanism/",
        "/en/countries/tg/",
        "/en/practices/",
    ] {
        assert_links_retitled(&preview, page, "ANPE services", "ANPE job services");
    }
    assert!(
        preview
            .get("/en/practices/")
            .1
            .contains("Jobs for returnees.")
    );
    // graph.json comes after the reload, with the search index.
    assert!(
        preview
            .wait_for("/en/graph.json", Duration::from_secs(20), |_, b| b
                .contains("\"ANPE job services\""))
            .is_some()
    );
    // The French pages show the French title, as before.
    let (_, fr) = preview.get("/fr/defis/coordination-gaps/");
    assert!(!fr.contains("ANPE job services"));
}

#[test]
fn a_front_matter_edit_that_moves_a_reference_updates_both_ends() {
    let site = Site::fixture("graph/cross-links");
    let (preview, log) = Preview::start_logged(&site);
    let shows =
        |page: &str| link_titles(&preview.get(page).1).contains(&"ANPE services".to_string());
    assert!(shows("/en/challenges/coordination-gaps/"));
    assert!(!shows("/en/challenges/employer-reluctance/"));
    // An entity's edges are those of all its versions: move both.
    for lang in ["en", "fr"] {
        let file = format!("content/practices/anpe-togo.{lang}.md");
        site.write(
            &file,
            &site.read(&file).replace(
                "challenges: [coordination-gaps]",
                "challenges: [employer-reluctance]",
            ),
        );
    }
    let line = next_rebuild(&log, Duration::from_secs(10));
    assert!(!line.ends_with("(fast path)"), "{line}");
    let moved = preview.wait_for(
        "/en/challenges/coordination-gaps/",
        Duration::from_secs(10),
        |_, body| !link_titles(body).contains(&"ANPE services".to_string()),
    );
    assert!(moved.is_some(), "the old end still lists it");
    assert!(
        shows("/en/challenges/employer-reluctance/"),
        "the new end does not list it"
    );
    let (_, own) = preview.get("/en/practices/anpe-togo/");
    assert!(own.contains("href=\"/en/challenges/employer-reluctance/\""));
    assert!(!own.contains("href=\"/en/challenges/coordination-gaps/\""));
}

#[test]
fn a_title_edit_to_a_version_that_stands_in_for_another_language_reaches_that_language() {
    // `porous-borders` exists in French only: the English pages that list
    // it show the French version, marked. Editing its title must re-render
    // them too, not only the French ones.
    let site = Site::fixture("graph/cross-links");
    let (preview, log) = Preview::start_logged(&site);
    let file = "content/challenges/porous-borders.fr.md";
    site.write(
        file,
        &site
            .read(file)
            .replace("Frontières poreuses", "Frontières très poreuses"),
    );
    let line = next_rebuild(&log, Duration::from_secs(10));
    assert!(line.ends_with("(fast path)"), "{line}");
    for page in [
        "/en/recommendations/multi-stakeholder/",
        "/en/practices/border-desks/",
        "/fr/recommendations/multi-stakeholder/",
    ] {
        assert_links_retitled(
            &preview,
            page,
            "Frontières poreuses",
            "Frontières très poreuses",
        );
    }
}
