//! Serves a built site from a folder. GET and HEAD only; paths are decoded,
//! checked to stay inside the folder (no `..`, no symlink leaving it), and
//! a missing page gets the site's own 404 page in the language of its path.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub struct Server {
    listener: TcpListener,
    root: PathBuf,
    default_lang: String,
}

impl Server {
    /// Binds to `addr` (the loopback address unless the user said otherwise).
    pub fn bind(addr: SocketAddr, root: PathBuf, default_lang: String) -> io::Result<Server> {
        Ok(Server {
            listener: TcpListener::bind(addr)?,
            root,
            default_lang,
        })
    }

    /// The language whose 404 page answers paths outside any language.
    pub fn with_default_lang(mut self, lang: String) -> Server {
        self.default_lang = lang;
        self
    }

    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Answers requests until the process ends, one thread a connection.
    pub fn run(self) {
        for stream in self.listener.incoming().flatten() {
            let root = self.root.clone();
            let lang = self.default_lang.clone();
            std::thread::spawn(move || {
                let _ = handle(stream, &root, &lang);
            });
        }
    }
}

fn handle(mut stream: TcpStream, root: &Path, default_lang: &str) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Headers are read and ignored: nothing here depends on them.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let (status, headers, body) = respond(root, method, target, default_lang);
    let mut head = format!(
        "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Security-Policy: {}\r\n",
        crate::output::CONTENT_SECURITY_POLICY
    ));
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

type Response = (&'static str, Vec<(&'static str, String)>, Vec<u8>);

/// The response to one request, as status, headers and body.
pub fn respond(root: &Path, method: &str, target: &str, default_lang: &str) -> Response {
    if method != "GET" && method != "HEAD" {
        return (
            "405 Method Not Allowed",
            vec![("Allow", "GET, HEAD".into())],
            Vec::new(),
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let Some(decoded) = percent_decode(path) else {
        return ("400 Bad Request", Vec::new(), b"bad request".to_vec());
    };
    let Some(rel) = clean(&decoded) else {
        return not_found(root, &decoded, default_lang);
    };
    let candidate = root.join(&rel);
    if candidate.is_dir() {
        if !decoded.ends_with('/') {
            let location = format!("{decoded}/");
            return (
                "301 Moved Permanently",
                vec![("Location", location)],
                Vec::new(),
            );
        }
        return file(root, &candidate.join("index.html"), &decoded, default_lang);
    }
    file(root, &candidate, &decoded, default_lang)
}

fn file(root: &Path, path: &Path, decoded: &str, default_lang: &str) -> Response {
    // A symlink inside the output could point anywhere: serve only what
    // resolves to a place under the root.
    let inside = match (path.canonicalize(), root.canonicalize()) {
        (Ok(p), Ok(r)) => p.starts_with(&r) && p.is_file(),
        _ => false,
    };
    if !inside {
        return not_found(root, decoded, default_lang);
    }
    match std::fs::read(path) {
        Ok(body) => (
            "200 OK",
            vec![
                ("Content-Type", content_type(path).into()),
                ("Cache-Control", "no-cache".into()),
            ],
            body,
        ),
        Err(_) => not_found(root, decoded, default_lang),
    }
}

fn not_found(root: &Path, decoded: &str, default_lang: &str) -> Response {
    let first = decoded
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    let lang = if !first.is_empty() && root.join(first).join("404.html").is_file() {
        first
    } else {
        default_lang
    };
    let body =
        std::fs::read(root.join(lang).join("404.html")).unwrap_or_else(|_| b"not found".to_vec());
    (
        "404 Not Found",
        vec![("Content-Type", "text/html; charset=utf-8".into())],
        body,
    )
}

/// The request path as a relative path with only normal segments.
fn clean(decoded: &str) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s if s.contains('\\') || s.contains('\0') => return None,
            s => out.push(s),
        }
    }
    Some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        "wasm" => "application/wasm",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_inside_refuses_outside() {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("site");
        std::fs::create_dir_all(root.join("fr/a")).expect("mkdir");
        std::fs::write(root.join("fr/a/index.html"), "page").expect("write");
        std::fs::write(root.join("fr/404.html"), "introuvable").expect("write");
        std::fs::write(tmp.path().join("secret"), "no").expect("write");
        assert_eq!(respond(&root, "GET", "/fr/a/", "fr").2, b"page");
        assert_eq!(
            respond(&root, "GET", "/fr/a", "fr").0,
            "301 Moved Permanently"
        );
        let escape = respond(&root, "GET", "/../secret", "fr");
        assert_eq!(escape.0, "404 Not Found");
        assert_eq!(escape.2, b"introuvable");
        assert_eq!(
            respond(&root, "GET", "/%2e%2e/secret", "fr").0,
            "404 Not Found"
        );
        assert_eq!(
            respond(&root, "POST", "/", "fr").0,
            "405 Method Not Allowed"
        );
    }
}
