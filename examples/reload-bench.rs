//! Time from a saved edit to the reloaded page, as an editor using
//! `rabat-hub serve` sees it: start serve on a copy of a site, connect to
//! its reload events like an open page does, save an edit, and measure
//! until the reload event arrives and until the page serves the new text.
//!
//! cargo run --release --example reload-bench -- --root DIR [--file content/practices/x.fr.md] [--runs 10]
//!
//! Two edits are measured: one to the text only (the common case), one
//! to the title (which every page listing the entity shows). DIR is used
//! as it is and the edited file is restored at the end.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn get(addr: &str, path: &str) -> String {
    let Ok(mut s) = TcpStream::connect(addr) else {
        return String::new();
    };
    let _ = write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    );
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

/// The page of a content file, from its path (`content/practices/x.fr.md`
/// → the first link to `/fr/…/x/` found in the French list of its kind).
fn page_of(addr: &str, file: &str) -> String {
    let name = Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut parts = name.split('.');
    let id = parts.next().unwrap_or_default().to_string();
    let lang = parts.next().unwrap_or("fr").to_string();
    let home = get(addr, &format!("/{lang}/"));
    // Follow the navigation: every list page, until a link to the id.
    for href in home
        .split("href=\"")
        .skip(1)
        .filter_map(|h| h.split('"').next())
    {
        if !href.starts_with(&format!("/{lang}/")) || href.matches('/').count() != 3 {
            continue;
        }
        let list = get(addr, href);
        let wanted = format!("{href}{id}/\"");
        if list.contains(&wanted) {
            return format!("{href}{id}/");
        }
    }
    panic!("no page found for {file}");
}

/// The file with "Marker i " put at the start of its title.
fn retitle(text: &str, i: usize) -> String {
    text.lines()
        .map(|l| match l.strip_prefix("title: ") {
            Some(rest) if rest.starts_with('"') => format!("title: \"Marker {i} {}", &rest[1..]),
            Some(rest) => format!("title: Marker {i} {rest}"),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// serve, stopped when the bench ends, a panic included: a serve left
/// running would rebuild on every later bench's edits of the same site
/// and slow them down.
struct Serve(std::process::Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = PathBuf::from(arg(&args, "--root").expect("--root DIR"));
    let runs: usize = arg(&args, "--runs")
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    let file = arg(&args, "--file").unwrap_or_else(|| {
        let dir = root.join("content/practices");
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .expect("content/practices")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".fr.md") && !n.starts_with('_'))
            .collect();
        names.sort();
        format!("content/practices/{}", names[names.len() / 2])
    });
    let bin = std::env::current_exe()
        .ok()
        .and_then(|p| {
            p.parent()
                .and_then(|d| d.parent())
                .map(|d| d.join("rabat-hub"))
        })
        .filter(|p| p.exists())
        .expect("build the binary first: cargo build --release");

    let start = Instant::now();
    let child = Command::new(&bin)
        .args(["serve", "--port", "0", "--root"])
        .arg(&root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let mut child = Serve(child);
    let mut url = String::new();
    BufReader::new(child.0.stdout.take().expect("stdout"))
        .read_line(&mut url)
        .expect("url");
    let addr = url
        .trim()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    println!(
        "first build and serve: {:.0} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    let page = page_of(&addr, &file);
    println!("editing {file}, watching {page}");

    let path = root.join(&file);
    let original = std::fs::read_to_string(&path).expect("read the file");
    let mut events = BufReader::new(TcpStream::connect(&addr).expect("connect"));
    write!(
        events.get_mut(),
        "GET /__rabat/events HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    )
    .expect("send");
    events
        .get_mut()
        .set_read_timeout(Some(Duration::from_secs(120)))
        .expect("timeout");
    let mut line = String::new();
    // serve answers only its own Host; a refusal closes the stream.
    while !line.starts_with(": connected") {
        line.clear();
        if events.read_line(&mut line).expect("events") == 0 {
            panic!("serve closed the event stream before it was connected");
        }
    }

    for (label, edit) in [
        (
            "text edit",
            Box::new(|i: usize| format!("{original}\nMarker paragraph {i}.\n"))
                as Box<dyn Fn(usize) -> String>,
        ),
        ("title edit", Box::new(|i: usize| retitle(&original, i))),
    ] {
        let (mut to_event, mut to_page) = (Vec::new(), Vec::new());
        for i in 0..runs {
            let text = edit(i);
            let marker = format!("Marker paragraph {i}.");
            let title_marker = format!("Marker {i} ");
            let saved = Instant::now();
            std::fs::write(&path, &text).expect("save");
            loop {
                line.clear();
                if events.read_line(&mut line).expect("a reload event") == 0 {
                    panic!("serve closed the event stream");
                }
                if line.trim() == "event: reload" {
                    break;
                }
            }
            to_event.push(saved.elapsed().as_secs_f64() * 1000.0);
            loop {
                let body = get(&addr, &page);
                let ok = body.starts_with("HTTP/1.1 200");
                if ok && (body.contains(&marker) || body.contains(&title_marker)) {
                    break;
                }
                if saved.elapsed() > Duration::from_secs(120) {
                    panic!("the edit never showed");
                }
            }
            to_page.push(saved.elapsed().as_secs_f64() * 1000.0);
            std::thread::sleep(Duration::from_millis(200));
        }
        println!(
            "{label}: median {:.0} ms to the reload event, {:.0} ms to the new page ({runs} runs; includes the 60 ms the watcher waits for a save to settle)",
            median(to_event),
            median(to_page)
        );
    }
    std::fs::write(&path, &original).expect("restore");
}
