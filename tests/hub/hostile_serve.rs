//! `serve` against hostile clients and a site changed behind its back,
//! on a real `serve` on 127.0.0.1: bounded request lines, headers and
//! time; only its own `Host`; events by GET only; no control character
//! echoed; nothing read from disk but the very files the build found;
//! attachments sent as downloads.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::served::Served;
use crate::support::Site;

/// A running `serve` (`served.rs`), spoken to byte by byte.
struct Preview {
    /// Kept for its `Drop`, which stops the server.
    _served: Served,
    addr: String,
}

impl Preview {
    fn start(site: &Site) -> Preview {
        let served = Served::start(&site.root);
        let addr = served.addr.clone();
        Preview {
            _served: served,
            addr,
        }
    }

    fn port(&self) -> &str {
        self.addr.rsplit(':').next().unwrap_or_default()
    }

    /// Sends `request` as it is and reads the whole answer (at most 10 s).
    fn raw(&self, request: &[u8]) -> String {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        // The server may answer and close before it has read everything.
        let _ = s.write_all(request);
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    fn get_as(&self, path: &str, host: &str) -> String {
        self.raw(
            format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes(),
        )
    }

    fn get(&self, path: &str) -> String {
        self.get_as(path, &self.addr.clone())
    }
}

fn status(response: &str) -> u16 {
    response
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

fn head_lines(response: &str) -> Vec<String> {
    response
        .split("\r\n\r\n")
        .next()
        .unwrap_or("")
        .split("\r\n")
        .map(str::to_string)
        .collect()
}

#[test]
fn request_lines_and_headers_are_bounded_in_size_and_time() {
    let site = Site::fixture("bad-input/minimal");
    let preview = Preview::start(&site);
    assert_eq!(status(&preview.get("/fr/")), 200);

    let long_target = format!("/{}", "a".repeat(9 * 1024));
    let r = preview.raw(
        format!(
            "GET {long_target} HTTP/1.1\r\nHost: {}\r\n\r\n",
            preview.addr
        )
        .as_bytes(),
    );
    assert_eq!(status(&r), 414, "{}", &r[..r.len().min(200)]);

    // A header line of 1 MB is refused once 64 KB are read.
    let big = format!(
        "GET /fr/ HTTP/1.1\r\nHost: {}\r\nX-Big: {}\r\n\r\n",
        preview.addr,
        "b".repeat(1024 * 1024)
    );
    assert_eq!(status(&preview.raw(big.as_bytes())), 431);
    // So are many small ones.
    let many = format!(
        "GET /fr/ HTTP/1.1\r\nHost: {}\r\n{}\r\n",
        preview.addr,
        "X-Small: cccccccccccccccccccccccccccccc\r\n".repeat(3000)
    );
    assert_eq!(status(&preview.raw(many.as_bytes())), 431);

    // A client that sends half a request and waits is cut off after the
    // header deadline (a few seconds), not held forever.
    let mut slow = TcpStream::connect(&preview.addr).expect("connect");
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    slow.write_all(b"GET /fr/ HTTP/1.1\r\nHost: ")
        .expect("send");
    let start = Instant::now();
    let mut out = Vec::new();
    let _ = slow.read_to_end(&mut out);
    let waited = start.elapsed();
    assert!(
        waited < Duration::from_secs(10),
        "a stalled request held the connection {waited:?}"
    );
    assert!(
        out.is_empty() || String::from_utf8_lossy(&out).starts_with("HTTP/1.1 408"),
        "{}",
        String::from_utf8_lossy(&out)
    );
    // And the server still answers.
    assert_eq!(status(&preview.get("/fr/")), 200);
}

#[test]
fn only_its_own_host_names_are_answered_and_events_only_by_get() {
    let site = Site::fixture("bad-input/minimal");
    let preview = Preview::start(&site);
    let port = preview.port().to_string();
    for ok in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LOCALHOST:{port}"),
    ] {
        assert_eq!(status(&preview.get_as("/fr/", &ok)), 200, "{ok}");
    }
    // DNS rebinding: a name of the attacker's pointed at 127.0.0.1.
    for bad in [
        format!("evil.test:{port}"),
        "evil.test".to_string(),
        "127.0.0.1:1".to_string(),
        format!("localhost.evil.test:{port}"),
    ] {
        let r = preview.get_as("/fr/", &bad);
        assert_eq!(status(&r), 403, "{bad}");
        assert!(!r.contains("<html"), "{bad} got a page");
    }
    let no_host = preview.raw(b"GET /fr/ HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert_eq!(status(&no_host), 403);

    let post = preview.raw(
        format!(
            "POST /__rabat/events HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\n\r\n",
            preview.addr
        )
        .as_bytes(),
    );
    assert_eq!(status(&post), 405, "{post}");
}

#[test]
fn no_control_character_is_echoed_in_a_header() {
    let site = Site::fixture("bad-input/minimal");
    // A folder whose name holds CR/LF and a header of its own.
    let evil = "a\r\nSet-Cookie: owned=1";
    site.write(&format!("static/{evil}/index.html"), "<p>x</p>");
    let preview = Preview::start(&site);
    let r = preview.get("/a%0D%0ASet-Cookie:%20owned=1");
    assert_eq!(status(&r), 400, "{r}");
    assert!(
        head_lines(&r).iter().all(|l| !l.starts_with("Set-Cookie")),
        "{r}"
    );
    let r = preview.get("/a%0ASet-Cookie:%20owned=1");
    assert!(head_lines(&r).iter().all(|l| !l.starts_with("Set-Cookie")));
    // A redirect's Location is plain ASCII, escaped.
    let site = Site::fixture("bad-input/minimal");
    site.write("static/with space/index.html", "<p>x</p>");
    let preview = Preview::start(&site);
    let r = preview.get("/with%20space");
    assert_eq!(status(&r), 301, "{r}");
    assert!(
        head_lines(&r).contains(&"Location: /with%20space/".to_string()),
        "{r}"
    );
}

#[test]
fn a_link_swapped_in_after_the_build_is_not_followed() {
    let site = Site::fixture("pages/bundle-alias-draft");
    let secret = site.scratch().join("secret.txt");
    std::fs::write(&secret, "SECRET-BYTES").expect("write");
    let preview = Preview::start(&site);
    let note = "/files/note.txt";
    let annex = "/fr/reunions/2021-01-21-rvr-webinar/annexe.pdf";
    let before = preview.get(note);
    assert_eq!(status(&before), 200, "{before}");
    assert_eq!(status(&preview.get(annex)), 200);

    // The static file becomes a link to a file outside the site, and the
    // bundle folder a link to a folder holding another "annexe.pdf".
    let outside = site.scratch().join("outside");
    std::fs::create_dir_all(&outside).expect("mkdir");
    std::fs::write(outside.join("annexe.pdf"), "SECRET-BYTES").expect("write");
    std::fs::remove_file(site.path("static/files/note.txt")).expect("rm");
    std::os::unix::fs::symlink(&secret, site.path("static/files/note.txt")).expect("link");
    let bundle = site.path("content/meetings/2021-01-21-rvr-webinar");
    let moved = site.scratch().join("moved-bundle");
    std::fs::rename(&bundle, &moved).expect("move");
    std::fs::create_dir_all(&bundle).expect("mkdir");
    for f in ["index.fr.md", "index.en.md"] {
        std::fs::copy(moved.join(f), bundle.join(f)).expect("copy");
    }
    std::os::unix::fs::symlink(outside.join("annexe.pdf"), bundle.join("annexe.pdf"))
        .expect("link");
    // Asked at once and for a while after (the rebuild comes in between).
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(1500) {
        for path in [note, annex] {
            let r = preview.get(path);
            assert!(
                !r.contains("SECRET-BYTES"),
                "{path} served a file outside the site"
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn attachments_are_sent_as_downloads() {
    let site = Site::fixture("pages/bundle-alias-draft");
    let preview = Preview::start(&site);
    let r = preview.get("/fr/reunions/2021-01-21-rvr-webinar/annexe.pdf");
    assert_eq!(status(&r), 200);
    let head = head_lines(&r);
    assert!(
        head.contains(&"Content-Disposition: attachment".to_string()),
        "{head:?}"
    );
    assert!(
        head.contains(&"Content-Type: application/pdf".to_string()),
        "{head:?}"
    );
    // A page is not.
    let page = head_lines(&preview.get("/fr/"));
    assert!(
        !page.iter().any(|l| l.starts_with("Content-Disposition")),
        "{page:?}"
    );
}
