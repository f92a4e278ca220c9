//! A small HTTP/1.1 server for the preview. GET and HEAD only. It serves
//! the files of the live snapshot (nothing else on disk is reachable: a
//! path is a key in a map, not a path on the filesystem), answers a missing
//! page with the site's own 404 page in the language of its path, shows a
//! failed build's errors instead of pages, and streams reload events.

use std::io::{self, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

use super::live::{Live, Snapshot};
use super::page::{EVENTS_PATH, RELOAD_JS, RELOAD_PATH, error_page, inject_reload};
use super::request::{Hosts, Refused, read_request};
use crate::output::Content;

pub struct Server {
    listener: TcpListener,
    /// The web editor's own policy (`cms::policy`), sent for `/admin/`.
    admin_policy: Arc<String>,
}

impl Server {
    pub fn bind(addr: SocketAddr) -> io::Result<Server> {
        Ok(Server {
            listener: TcpListener::bind(addr)?,
            admin_policy: Arc::new(crate::cms::policy("")),
        })
    }

    pub fn admin_policy(&mut self, policy: String) {
        self.admin_policy = Arc::new(policy);
    }

    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Answers requests until the process ends, one thread a connection.
    pub fn run(self, live: Arc<Live>) {
        let Ok(addr) = self.listener.local_addr() else {
            return;
        };
        let hosts = Arc::new(Hosts::new(addr));
        for stream in self.listener.incoming().flatten() {
            let live = Arc::clone(&live);
            let hosts = Arc::clone(&hosts);
            let admin = Arc::clone(&self.admin_policy);
            std::thread::spawn(move || {
                let _ = handle(stream, &live, &hosts, &admin);
            });
        }
    }
}

fn handle(mut stream: TcpStream, live: &Live, hosts: &Hosts, admin_policy: &str) -> io::Result<()> {
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let (request_line, host) = match read_request(&stream) {
        Ok(r) => r,
        Err(Refused::Gone) => return Ok(()),
        Err(Refused::Answer(status, why)) => {
            return send(
                &mut stream,
                "GET",
                &plain(status, why),
                crate::output::CONTENT_SECURITY_POLICY,
            );
        }
    };
    let mut parts = request_line.split(' ');
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("");
    // The web editor has a policy of its own; the site keeps the strict one.
    let policy = if crate::cms::is_admin(target) {
        admin_policy
    } else {
        crate::output::CONTENT_SECURITY_POLICY
    };
    if !target.starts_with('/') || target.chars().any(char::is_control) {
        return send(
            &mut stream,
            method,
            &plain("400 Bad Request", "bad request"),
            policy,
        );
    }
    if !host.as_deref().is_some_and(|h| hosts.allows(h)) {
        return send(
            &mut stream,
            method,
            &plain(
                "403 Forbidden",
                "this preview answers requests for 127.0.0.1, localhost or the address it listens on only",
            ),
            policy,
        );
    }
    if target.split('?').next() == Some(&format!("/{EVENTS_PATH}")) {
        if method != "GET" {
            let mut r = plain("405 Method Not Allowed", "GET only");
            r.headers.push(("Allow", "GET".into()));
            return send(&mut stream, method, &r, policy);
        }
        return events(stream, live);
    }
    let r = live.read(|s| respond(s, method, target));
    send(&mut stream, method, &r, policy)
}

fn plain(status: &'static str, text: &str) -> Response {
    response(
        status,
        "text/plain; charset=utf-8",
        text.as_bytes().to_vec(),
    )
}

fn send(stream: &mut TcpStream, method: &str, r: &Response, policy: &str) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {}\r\nConnection: close\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n",
        r.status,
        r.body.len()
    );
    for (k, v) in &r.headers {
        // Every value is made here, but a control character in one would
        // start a header of its own: never sent.
        if !v.chars().any(char::is_control) {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
    }
    head.push_str(&format!("Content-Security-Policy: {policy}\r\n"));
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&r.body)?;
    }
    stream.flush()
}

/// Server-sent events: one `reload` event each time a build finishes.
fn events(mut stream: TcpStream, live: &Live) -> io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n: connected\n\n",
    )?;
    stream.flush()?;
    let mut seen = live.generation();
    loop {
        let now = live.wait_change(seen, Duration::from_secs(15));
        if now == seen {
            // A comment keeps idle connections open and finds closed ones.
            stream.write_all(b": ping\n\n")?;
        } else {
            seen = now;
            let event = match live.read(|s| s.navigate.clone()) {
                // Only a path of the site: the page's script goes there.
                Some(to) if to.starts_with('/') && !to.contains(['\n', '\r']) => {
                    format!("event: navigate\ndata: {to}\n\n")
                }
                _ => format!("event: reload\ndata: {now}\n\n"),
            };
            stream.write_all(event.as_bytes())?;
        }
        stream.flush()?;
    }
}

pub struct Response {
    pub status: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

fn response(status: &'static str, content_type: &str, body: Vec<u8>) -> Response {
    Response {
        status,
        headers: vec![("Content-Type", content_type.to_string())],
        body,
    }
}

/// The answer to one request from the current snapshot.
pub fn respond(s: &Snapshot, method: &str, target: &str) -> Response {
    if method != "GET" && method != "HEAD" {
        let mut r = response(
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"GET or HEAD only".to_vec(),
        );
        r.headers.push(("Allow", "GET, HEAD".into()));
        return r;
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    // A path with a control character (a CR/LF could start a header of
    // its own in a redirect) is refused before anything echoes it.
    let Some(decoded) =
        crate::escape::url_path_decoded(path).filter(|d| !d.chars().any(char::is_control))
    else {
        return response(
            "400 Bad Request",
            "text/plain; charset=utf-8",
            b"bad request".to_vec(),
        );
    };
    if decoded == format!("/{RELOAD_PATH}") {
        return response(
            "200 OK",
            "text/javascript; charset=utf-8",
            RELOAD_JS.as_bytes().to_vec(),
        );
    }
    let Some(key) = clean(&decoded) else {
        return not_found(s, &decoded);
    };
    let wants_page = key.is_empty() || key.ends_with('/') || key.ends_with(".html");
    // The editor stays usable while the site has errors: it can fix them.
    if !s.errors.is_empty() && wants_page && !crate::cms::is_admin(&key) {
        return response(
            "500 Internal Server Error",
            "text/html; charset=utf-8",
            error_page(&s.errors),
        );
    }
    let file = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key.clone()
    };
    if let Some(content) = s.files.get(&file) {
        return match serve_file(s, &file, content) {
            Some(r) => r,
            None => not_found(s, &decoded),
        };
    }
    if s.files.contains_key(&format!("{key}/index.html")) {
        let mut r = response(
            "301 Moved Permanently",
            "text/plain; charset=utf-8",
            Vec::new(),
        );
        r.headers
            .push(("Location", format!("/{}/", crate::escape::url_path(&key))));
        return r;
    }
    not_found(s, &decoded)
}

/// A file of the snapshot; `None` when a file copied as it is no longer
/// is the one the build found (replaced by a link, or moved under a
/// linked folder, since): nothing else on disk is ever read.
fn serve_file(s: &Snapshot, name: &str, content: &Content) -> Option<Response> {
    let body = match content {
        Content::Bytes(b) => b.clone(),
        Content::Copy(p) => s.pins.get(p)?.read().ok()?,
        // Made now if the warming thread has not yet: only this request
        // waits for it.
        Content::Image(p) => p.bytes().ok()?,
    };
    let kind = content_type(name);
    // The editor is not reloaded by its own saves.
    let body = if kind.starts_with("text/html") && !crate::cms::is_admin(name) {
        inject_reload(&body)
    } else {
        body
    };
    let mut r = response("200 OK", kind, body);
    if s.downloads.contains(name) {
        r.headers
            .push(("Content-Disposition", "attachment".to_string()));
    }
    Some(r)
}

fn not_found(s: &Snapshot, decoded: &str) -> Response {
    let first = decoded
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    let page = s
        .files
        .get(&format!("{first}/404.html"))
        // Outside any language, the root's (every language's), as hosts do.
        .or_else(|| s.files.get("404.html"))
        .or_else(|| s.files.get(&format!("{}/404.html", s.default_lang)));
    let body = match page.map(|c| c.as_ref()) {
        Some(Content::Bytes(b)) => inject_reload(b),
        _ => b"not found".to_vec(),
    };
    response("404 Not Found", "text/html; charset=utf-8", body)
}

/// The request path as a key of the snapshot: normal segments only, a
/// trailing `/` kept. `None` for anything that tries to climb out.
fn clean(decoded: &str) -> Option<String> {
    let mut out = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s if s.contains('\\') || s.contains('\0') => return None,
            s => out.push(s),
        }
    }
    let mut key = out.join("/");
    if decoded.ends_with('/') && !key.is_empty() {
        key.push('/');
    }
    Some(key)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        // The web editor's configuration and modules.
        "yml" | "yaml" => "text/yaml; charset=utf-8",
        "mjs" => "text/javascript; charset=utf-8",
        _ => crate::file_types::media_type(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn snapshot() -> Snapshot {
        let mut files = BTreeMap::new();
        let page = |s: &str| Arc::new(Content::Bytes(s.as_bytes().to_vec()));
        files.insert("fr/a/index.html".to_string(), page("<body>page</body>"));
        files.insert("fr/404.html".to_string(), page("<body>introuvable</body>"));
        files.insert("en/404.html".to_string(), page("<body>not found</body>"));
        Snapshot {
            files,
            default_lang: "fr".into(),
            generation: 1,
            ..Snapshot::default()
        }
    }

    #[test]
    fn serves_pages_with_the_reload_script() {
        let r = respond(&snapshot(), "GET", "/fr/a/");
        assert_eq!(r.status, "200 OK");
        let body = String::from_utf8_lossy(&r.body);
        assert!(body.contains("page"));
        assert!(body.contains("/__rabat/reload.js"));
        assert_eq!(
            respond(&snapshot(), "GET", "/fr/a").status,
            "301 Moved Permanently"
        );
    }

    #[test]
    fn refuses_climbing_and_answers_404_in_the_path_language() {
        for target in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/fr/../../etc/passwd",
        ] {
            let r = respond(&snapshot(), "GET", target);
            assert_eq!(r.status, "404 Not Found", "{target}");
        }
        let en = respond(&snapshot(), "GET", "/en/nowhere/");
        assert!(String::from_utf8_lossy(&en.body).contains("not found"));
        let other = respond(&snapshot(), "GET", "/nowhere");
        assert!(String::from_utf8_lossy(&other.body).contains("introuvable"));
        assert_eq!(
            respond(&snapshot(), "POST", "/").status,
            "405 Method Not Allowed"
        );
    }

    #[test]
    fn outside_any_language_the_root_404_answers() {
        let mut s = snapshot();
        let page = Arc::new(Content::Bytes(
            b"<body>introuvable / not found</body>".to_vec(),
        ));
        s.files.insert("404.html".to_string(), page);
        let other = respond(&s, "GET", "/nowhere");
        assert_eq!(other.status, "404 Not Found");
        assert!(String::from_utf8_lossy(&other.body).contains("introuvable / not found"));
        let en = respond(&s, "GET", "/en/nowhere/");
        assert!(!String::from_utf8_lossy(&en.body).contains("introuvable"));
    }

    #[test]
    fn a_failed_build_shows_its_errors_instead_of_pages() {
        let mut s = snapshot();
        s.errors
            .push(crate::diag::Diagnostic::error("unknown field `titel`"));
        let r = respond(&s, "GET", "/fr/a/");
        assert!(String::from_utf8_lossy(&r.body).contains("unknown field `titel`"));
    }
}
