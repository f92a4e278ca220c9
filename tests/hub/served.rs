//! The one way the tests start `rabat-hub serve`: on a free port of
//! 127.0.0.1, its address read from the line it prints, stopped when
//! dropped. Used by the serve tests, the browser tests and the
//! serve/build comparison.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

pub struct Served {
    child: Child,
    /// `127.0.0.1:port`.
    pub addr: String,
    /// `http://127.0.0.1:port`, without the last `/`.
    pub base: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Served {
    /// `serve --port 0 --root <root>`, its stderr dropped.
    pub fn start(root: &Path) -> Served {
        Served::spawn(root, &[], &[], Stdio::null())
    }

    /// `start`, with more arguments and environment variables.
    pub fn start_with(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Served {
        Served::spawn(root, args, env, Stdio::null())
    }

    /// `start`, with a channel of the lines serve writes on stderr.
    pub fn start_logged(root: &Path, args: &[&str]) -> (Served, Receiver<String>) {
        let mut served = Served::spawn(root, args, &[], Stdio::piped());
        let stderr = served.child.stderr.take().expect("stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        (served, rx)
    }

    fn spawn(root: &Path, args: &[&str], env: &[(&str, &str)], stderr: Stdio) -> Served {
        let mut child = crate::support::hub()
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .args(args)
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("start serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut url = String::new();
        BufReader::new(stdout)
            .read_line(&mut url)
            .expect("url line");
        let url = url.trim().to_string();
        assert!(url.starts_with("http://127.0.0.1:"), "printed {url:?}");
        let base = url.trim_end_matches('/').to_string();
        let addr = base.trim_start_matches("http://").to_string();
        Served { child, addr, base }
    }

    /// The whole response to `METHOD path`, head and body, as bytes.
    pub fn request(&self, method: &str, path: &str) -> Vec<u8> {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        write!(
            s,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .expect("send");
        let mut response = Vec::new();
        s.read_to_end(&mut response).expect("read");
        response
    }

    /// The status and body of `GET path`, as text.
    pub fn get(&self, path: &str) -> (u16, String) {
        let (status, _, body) = self.get_bytes(path);
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    /// The status, head and body of `GET path`.
    pub fn get_bytes(&self, path: &str) -> (u16, String, Vec<u8>) {
        let response = self.request("GET", path);
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or(response.len());
        let head = String::from_utf8_lossy(&response[..split]).into_owned();
        let body = response.get(split + 4..).unwrap_or_default().to_vec();
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        (status, head, body)
    }

    /// The head of the response to `HEAD path`, to read its headers.
    pub fn head(&self, path: &str) -> String {
        String::from_utf8_lossy(&self.request("HEAD", path)).into_owned()
    }

    /// Polls `path` until `ok` holds or `limit` passes; how long it took.
    pub fn wait_for(
        &self,
        path: &str,
        limit: Duration,
        ok: impl Fn(u16, &str) -> bool,
    ) -> Option<Duration> {
        let start = Instant::now();
        while start.elapsed() < limit {
            let (status, body) = self.get(path);
            if ok(status, &body) {
                return Some(start.elapsed());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}
