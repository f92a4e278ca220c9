//! The search benchmark's two measuring tools (bench/search.sh runs them).
//!
//! `search-bench index ROOT`: where the search index's time goes for the
//! site at ROOT: making the records from the model, handing them to
//! Pagefind, building and compressing the index, per language one after
//! the other; then both languages side by side as `build` does. Prints
//! the bundle's size per language.
//!
//! `search-bench browser DIR PATH [--gzip] [--throttle]`: serves the built
//! site DIR on 127.0.0.1 (a small static server that, with `--gzip`,
//! gzips HTML, CSS, JS and JSON as a static host does; Pagefind's index
//! files are gzip already), opens PATH (a search page with `?q=`) in a
//! fresh headless Chromium with an empty cache, optionally throttled to
//! Lighthouse's mobile profile (150 ms round trip, 1.6 Mbit/s down,
//! 750 kbit/s up), waits for the results and prints every byte
//! transferred (Resource Timing's `transferSize`, headers included) and
//! when the first results were on screen; with `--files`, each file with
//! its size and when it started and ended.

#[path = "../tests/hub/chromium.rs"]
mod chromium;

use std::path::Path;
use std::time::{Duration, Instant};

use rabat_hub::output::search;
use rabat_hub::{config, discover, site, theme};
use serde_json::json;

// The same allocator as the `rabat-hub` binary, so the times compare.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    rabat_hub::memory::prefer_small_pages();
    // As the binary does: the index it times is the one `build` makes.
    // SAFETY: before any thread is started: no other thread exists yet.
    #[allow(unsafe_code)]
    unsafe {
        rabat_hub::output::search::small_index_chunks()
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("index") if args.len() == 2 => index(Path::new(&args[1])),
        Some("browser") if args.len() >= 3 => {
            let flag = |f: &str| args.iter().any(|a| a == f);
            let base = static_server(Path::new(&args[1]), flag("--gzip"));
            let path = args[2].trim_start_matches('/');
            browser(&base, path, flag("--gzip"), flag("--throttle"));
        }
        _ => {
            eprintln!(
                "usage: search-bench index ROOT | search-bench browser DIR PATH [--gzip] [--throttle]"
            );
            std::process::exit(2);
        }
    }
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn index(root: &Path) {
    let t = Instant::now();
    let config = config::load(root).unwrap_or_else(|_| panic!("config"));
    let theme = theme::load(root, &config).unwrap_or_else(|_| panic!("theme"));
    let (tree, _) = discover::discover(root, &config);
    let (site, diags) = site::assemble(
        config,
        tree,
        &site::Options {
            drafts: false,
            ..Default::default()
        },
        &mut rabat_hub::timings::Timings::default(),
    );
    assert!(
        !diags.has_errors(),
        "the site has errors: run `rabat-hub check`"
    );
    println!("loading and rendering the Markdown: {}", secs(t.elapsed()));

    for lang in &site.config.languages {
        // The batches as the build makes them, each made (timed as
        // "records") then folded into the index ("adding to Pagefind").
        let mut indexer = search::Indexer::new(lang.as_str()).unwrap_or_else(|e| panic!("{e}"));
        let (mut n, mut text) = (0, 0);
        let (mut made, mut added) = (Duration::ZERO, Duration::ZERO);
        let mut mark = Instant::now();
        for records in search::batches(&site, theme.strings(lang), lang, search::RECORDS_AT_ONCE) {
            made += mark.elapsed();
            n += records.len();
            text += records.iter().map(|r| r.content.len()).sum::<usize>();
            let t = Instant::now();
            indexer.add_all(records).unwrap_or_else(|e| panic!("{e}"));
            added += t.elapsed();
            mark = Instant::now();
        }
        let t = Instant::now();
        let files = indexer.finish().unwrap_or_else(|e| panic!("{e}"));
        let built = t.elapsed();
        let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
        let kinds = |p: &str| {
            files
                .iter()
                .filter(|f| f.name.starts_with(p))
                .map(|f| f.bytes.len())
                .sum::<usize>()
        };
        println!(
            "{lang}: {n} pages, {:.1} MB of text; records {}, adding to Pagefind {}, building and compressing {}",
            text as f64 / 1e6,
            secs(made),
            secs(added),
            secs(built)
        );
        println!(
            "{lang}: bundle {} files, {} bytes (index chunks {}, fragments {}, filters {}, meta {}, pagefind.js + wasm {})",
            files.len(),
            bytes,
            kinds("index/"),
            kinds("fragment/"),
            kinds("filter/"),
            files
                .iter()
                .filter(|f| f.name.ends_with(".pf_meta"))
                .map(|f| f.bytes.len())
                .sum::<usize>(),
            files
                .iter()
                .filter(|f| f.name == "pagefind.js" || f.name.starts_with("wasm."))
                .map(|f| f.bytes.len())
                .sum::<usize>(),
        );
    }
    let t = Instant::now();
    let ((files, _), _) = search::artifacts(&site, &theme, |files| files.len());
    println!(
        "both languages side by side (as `build` does): {} ({} files)",
        secs(t.elapsed()),
        files.iter().sum::<usize>()
    );
}

/// Serves `dir` on a free port of 127.0.0.1 from a background thread; its
/// address. GET only, `index.html` for folders, gzip for text on request.
fn static_server(dir: &Path, gzip: bool) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
    let dir = dir.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(&stream);
                let mut line = String::new();
                let _ = reader.read_line(&mut line);
                let mut accepts_gzip = false;
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                        break;
                    }
                    let h = h.to_ascii_lowercase();
                    accepts_gzip |= h.starts_with("accept-encoding:") && h.contains("gzip");
                }
                let target = line.split_whitespace().nth(1).unwrap_or("/");
                let path = percent_decode(target.split('?').next().unwrap_or("/"));
                let path = path.trim_start_matches('/');
                let mut file = dir.join(path);
                if path.is_empty() || path.ends_with('/') {
                    file = file.join("index.html");
                }
                let (status, body) = match std::fs::read(&file) {
                    Ok(b) if !path.contains("..") => ("200 OK", b),
                    _ => ("404 Not Found", b"not found".to_vec()),
                };
                let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
                let kind = match ext {
                    "html" => "text/html; charset=utf-8",
                    "css" => "text/css",
                    "js" => "text/javascript",
                    "json" => "application/json",
                    _ => "application/octet-stream",
                };
                let text = matches!(ext, "html" | "css" | "js" | "json");
                let (body, encoding) = if gzip && accepts_gzip && text {
                    let mut e =
                        flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                    let _ = e.write_all(&body);
                    (e.finish().unwrap_or_default(), "Content-Encoding: gzip\r\n")
                } else {
                    (body, "")
                };
                let mut out = &stream;
                let _ = write!(
                    out,
                    "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{encoding}Connection: close\r\n\r\n",
                    body.len()
                );
                let _ = out.write_all(&body);
            });
        }
    });
    format!("http://127.0.0.1:{port}/")
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = s
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b[i], hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn browser(base: &str, path: &str, gzip: bool, throttle: bool) {
    let url = format!("{base}{path}");
    let url = url.as_str();
    let mut b = chromium::Chromium::launch().unwrap_or_else(|e| panic!("{e}"));
    let tab = b.tab().unwrap_or_else(|e| panic!("{e}"));
    b.call(Some(&tab), "Network.enable", json!({}))
        .unwrap_or_else(|e| panic!("{e}"));
    b.call(
        Some(&tab),
        "Network.setCacheDisabled",
        json!({ "cacheDisabled": true }),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    if throttle {
        b.call(
            Some(&tab),
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": 150,
                "downloadThroughput": 1_600_000 / 8,
                "uploadThroughput": 750_000 / 8,
            }),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    b.goto(&tab, url).unwrap_or_else(|e| panic!("{e}"));
    let state = b
        .wait_for(
            &tab,
            "(() => { const r = document.getElementById('search'); return r && ['done', 'error'].includes(r.dataset.state) && r.dataset.state; })()",
            Duration::from_secs(120),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let report = b
        .eval(
            &tab,
            r#"(() => {
              const nav = performance.getEntriesByType("navigation")[0];
              const res = performance.getEntriesByType("resource");
              const shown = performance.getEntriesByName("search-results")[0];
              return {
                results: Number(document.getElementById("search").dataset.count),
                shown_ms: shown ? Math.round(shown.startTime) : null,
                files: [[nav.name, nav.transferSize, nav.encodedBodySize, 0, Math.round(nav.responseEnd)]].concat(res.map(r => [r.name, r.transferSize, r.encodedBodySize, Math.round(r.startTime), Math.round(r.responseEnd)])),
              };
            })()"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let files = report["files"].as_array().cloned().unwrap_or_default();
    let total: u64 = files.iter().map(|f| f[1].as_u64().unwrap_or(0)).sum();
    let body: u64 = files.iter().map(|f| f[2].as_u64().unwrap_or(0)).sum();
    println!(
        "/{path}{}{}: state {state}, {} results, first results on screen at {} ms, {} requests, {total} bytes transferred ({body} bytes of bodies)",
        if gzip { " (gzip)" } else { "" },
        if throttle { " (throttled)" } else { "" },
        report["results"],
        report["shown_ms"],
        files.len()
    );
    if !std::env::args().any(|a| a == "--files") {
        return;
    }
    for f in &files {
        let name = f[0].as_str().unwrap_or("");
        let short = name
            .split_once("://")
            .map_or(name, |(_, r)| r.split_once('/').map_or(r, |(_, p)| p));
        println!("  {:>8} bytes  {:>5}–{:>5} ms  /{short}", f[1], f[3], f[4]);
    }
}
