//! `serve` builds the site and serves it on 127.0.0.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use crate::support::{Site, bin};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = String::new();
    s.read_to_string(&mut response).expect("read");
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn serve_builds_and_answers_on_loopback() {
    let site = Site::fixture("languages/pairing");
    let child = Command::new(bin())
        .args(["serve", "--port", "0", "--root"])
        .arg(&site.root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let mut server = Server(child);
    let stdout = server.0.stdout.take().expect("stdout");
    let mut url = String::new();
    BufReader::new(stdout)
        .read_line(&mut url)
        .expect("url line");
    let url = url.trim();
    assert!(url.starts_with("http://127.0.0.1:"), "printed {url:?}");
    let addr = url.trim_start_matches("http://").trim_end_matches('/');

    let (status, body) = get(addr, "/fr/pratiques/ofii-cameroon/");
    assert_eq!(status, 200);
    let page = scraper::Html::parse_document(&body);
    let h1 = scraper::Selector::parse("h1").unwrap_or_else(|_| unreachable!());
    assert_eq!(
        page.select(&h1)
            .next()
            .map(|e| e.text().collect::<String>()),
        Some("Aide de l'OFII à la création d'entreprise au Cameroun".to_string())
    );
    // Links in the served site point to the server itself.
    assert!(
        body.contains(&format!("{url}fr/pratiques/ofii-cameroon/")),
        "canonical on the preview host"
    );

    assert_eq!(get(addr, "/fr/pratiques/ofii-cameroon").0, 301);
    let (status, body) = get(addr, "/en/nowhere/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"));
    let (status, body) = get(addr, "/../../etc/passwd");
    assert_eq!(status, 404);
    assert!(body.contains("Page introuvable"));
}
