//! `serve` for editors: `--open` opens the browser on the site (here a
//! stand-in program named by `RABAT_HUB_OPENER`, never a real browser),
//! `--navigate` sends open pages to the page of the file saved last, and
//! a new Git commit rebuilds, so translation freshness follows without a
//! restart. And all of it on a hub with no `themes/`, whose files
//! override the built-in theme's as they are saved.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::served::Served;
use crate::support::{Site, git};

/// `serve` with `args` and `env` on `root`.
fn serve(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Served {
    Served::start_with(root, args, env)
}

/// The body of `GET path`.
fn get(s: &Served, path: &str) -> String {
    s.get(path).1
}

/// Polls `path` until `ok` holds, for `limit` at most.
fn wait_for(s: &Served, path: &str, limit: Duration, ok: impl Fn(&str) -> bool) -> bool {
    s.wait_for(path, limit, |_, body| ok(body)).is_some()
}

/// The live-reload event stream, once it is open.
fn event_stream(s: &Served) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(&s.addr).expect("connect");
    // serve answers only its own Host names.
    write!(
        stream,
        "GET /__rabat/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        s.addr
    )
    .expect("send");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    while !line.starts_with(": connected") {
        line.clear();
        let read = reader.read_line(&mut line).expect("stream opens");
        assert!(read > 0, "the events stream closed before it opened");
    }
    reader
}

/// The next event's name and data.
fn next_event(reader: &mut BufReader<TcpStream>) -> (String, String) {
    let mut line = String::new();
    let mut event = String::new();
    loop {
        line.clear();
        reader.read_line(&mut line).expect("an event in time");
        if let Some(e) = line.strip_prefix("event: ") {
            event = e.trim().to_string();
        } else if let Some(d) = line.strip_prefix("data: ")
            && !event.is_empty()
        {
            return (event, d.trim().to_string());
        }
    }
}

#[test]
fn open_starts_the_browser_on_the_site() {
    let site = Site::fixture("languages/pairing");
    let log = site.scratch().join("opened");
    let opener = site.scratch().join("fake-browser");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\necho \"$@\" >> '{}'\n", log.display()),
    )
    .expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let opener = opener.display().to_string();
    let serving = serve(&site.root, &["--open"], &[("RABAT_HUB_OPENER", &opener)]);
    let start = Instant::now();
    while !log.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let opened = std::fs::read_to_string(&log).expect("the browser was opened");
    assert_eq!(opened.trim(), format!("{}/", serving.base));
    // Without --open, no browser.
    std::fs::remove_file(&log).expect("rm");
    let again = serve(&site.root, &[], &[("RABAT_HUB_OPENER", &opener)]);
    assert!(get(&again, "/fr/").contains("<html"));
    std::thread::sleep(Duration::from_millis(300));
    assert!(!log.exists(), "opened without --open");
}

#[test]
fn navigate_sends_open_pages_to_the_page_of_the_file_saved() {
    let site = Site::fixture("languages/pairing");
    let serving = serve(&site.root, &["--navigate"], &[]);
    let mut events = event_stream(&serving);
    let file = "content/practices/anpe-togo.fr.md";
    site.write(file, &site.read(file).replace("Seulement", "Uniquement"));
    assert_eq!(
        next_event(&mut events),
        (
            "navigate".to_string(),
            "/fr/pratiques/anpe-togo/".to_string()
        )
    );
    let file = "content/countries/cm.en.md";
    site.write(file, &format!("{}\nMore.\n", site.read(file)));
    assert_eq!(
        next_event(&mut events),
        ("navigate".to_string(), "/en/countries/cm/".to_string())
    );
    // The home page's text, a new file.
    site.write(
        "content/_index.en.md",
        "---\ntitle: \"Welcome\"\n---\nThe hub.\n",
    );
    assert_eq!(
        next_event(&mut events),
        ("navigate".to_string(), "/en/".to_string())
    );
    // Without --navigate, pages reload where they are.
    let plain = serve(&site.root, &[], &[]);
    let mut events = event_stream(&plain);
    let file = "content/practices/anpe-togo.fr.md";
    site.write(file, &site.read(file).replace("Uniquement", "Seulement"));
    assert_eq!(next_event(&mut events).0, "reload");
}

#[test]
fn a_new_commit_updates_translation_freshness_without_a_restart() {
    let site = Site::fixture("languages/pairing");
    git(&site, &["init", "-q", "-b", "main"], "2026-01-05");
    git(&site, &["add", "-A"], "2026-01-05");
    git(&site, &["commit", "-q", "-m", "first"], "2026-01-05");
    let serving = serve(&site.root, &[], &[]);
    let fr = "/fr/pratiques/ofii-cameroon/";
    assert!(!get(&serving, fr).contains("translation-notice"));

    // An edit alone (not committed) is not a newer version.
    let file = "content/practices/ofii-cameroon.en.md";
    site.write(
        file,
        &site
            .read(file)
            .replace("The English text.", "The English text, revised."),
    );
    assert!(
        wait_for(
            &serving,
            "/en/practices/ofii-cameroon/",
            Duration::from_secs(10),
            |b| b.contains("The English text, revised.")
        ),
        "the edit was not served"
    );
    assert!(!get(&serving, fr).contains("translation-notice"));

    // Committed, it is: the French page says so, with no restart.
    git(
        &site,
        &["commit", "-q", "-am", "revise the English"],
        "2026-03-03",
    );
    assert!(
        wait_for(&serving, fr, Duration::from_secs(10), |b| b
            .contains("translation-notice")
            && b.contains("3 mars 2026")),
        "the commit did not reach the page:\n{}",
        get(&serving, fr)
    );
}

/// The stylesheet a page links.
fn stylesheet(body: &str) -> String {
    let start = body.find("href=\"/style.").expect("a stylesheet") + 6;
    let end = start + body[start..].find('"').expect("end");
    body[start..end].to_string()
}

#[test]
fn a_hub_with_the_built_in_theme_is_served_and_follows_overrides_as_they_are_saved() {
    let tmp = tempfile::tempdir().expect("tmp");
    let hub = tmp.path().join("hub");
    let out = crate::support::hub()
        .arg("init")
        .arg(&hub)
        .output()
        .expect("init");
    assert!(out.status.success());
    let serving = serve(&hub, &[], &[]);
    let about = "/en/pages/about/";
    let body = get(&serving, about);
    let css = stylesheet(&body);
    assert!(css != "/style.css", "{css}");
    assert!(
        get(&serving, &css).contains(".site-header"),
        "the built-in stylesheet"
    );

    // A first templates/ folder, then the page's template in it.
    let page =
        std::fs::read_to_string(crate::support::repo().join("themes/default/templates/page.html"))
            .expect("read");
    std::fs::create_dir_all(hub.join("templates")).expect("mkdir");
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(
        hub.join("templates/page.html"),
        page.replace(
            "{% block content %}",
            "{% block content %}<p class=\"ours\">ours</p>",
        ),
    )
    .expect("write");
    assert!(
        wait_for(&serving, about, Duration::from_secs(10), |b| b
            .contains("class=\"ours\"")),
        "the site's template was not picked up"
    );
    // The site's own stylesheet: a new address, its bytes.
    std::fs::create_dir_all(hub.join("static")).expect("mkdir");
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(hub.join("static/style.css"), "body { color: #010203; }\n").expect("write");
    assert!(
        wait_for(&serving, about, Duration::from_secs(10), |b| stylesheet(b)
            != css),
        "the stylesheet's address did not change"
    );
    let new = stylesheet(&get(&serving, about));
    assert_eq!(get(&serving, &new), "body { color: #010203; }\n");
    // The template is saved again: the page follows.
    std::fs::write(
        hub.join("templates/page.html"),
        page.replace(
            "{% block content %}",
            "{% block content %}<p class=\"ours-again\">ours</p>",
        ),
    )
    .expect("write");
    assert!(wait_for(&serving, about, Duration::from_secs(10), |b| b
        .contains("ours-again")));
    // An edit to content still takes the incremental path, with the
    // built-in theme's other templates and the site's stylesheet.
    let fiche = hub.join("content/practices/dakar-job-centre.en.md");
    let text = std::fs::read_to_string(&fiche).expect("read");
    std::fs::write(&fiche, text.replace("An example fiche", "A revised fiche")).expect("write");
    assert!(wait_for(
        &serving,
        "/en/practices/dakar-job-centre/",
        Duration::from_secs(10),
        |b| b.contains("A revised fiche") && stylesheet(b) == new
    ));
}
