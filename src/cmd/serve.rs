//! `rabat-hub serve`: build the site in memory, serve it on the loopback
//! address, and rebuild on every saved change; open pages reload by
//! themselves, and a broken change shows its errors in the browser.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use super::{exit, generate, report};
use crate::cli::ServeArgs;
use crate::diag::{Diagnostic, Diagnostics};
use crate::output::Content;
use crate::serve::{Live, Server, Watcher};

pub fn run(args: &ServeArgs) -> ExitCode {
    let addr = SocketAddr::new(args.bind.unwrap_or(IpAddr::from([127, 0, 0, 1])), args.port);
    // Bind first: the URL the site is built for depends on the real port.
    let server = match Server::bind(addr) {
        Ok(s) => s,
        Err(e) => {
            let mut d = Diagnostics::new();
            d.push(
                Diagnostic::error(format!("cannot listen on {addr}: {e}"))
                    .help("another program may use this port: try `--port 0` to pick a free one"),
            );
            report(&d, args.site.format);
            return exit(true);
        }
    };
    let port = server.local_addr().map(|a| a.port()).unwrap_or(args.port);
    let host = match addr.ip() {
        IpAddr::V6(ip) => format!("[{ip}]"),
        IpAddr::V4(ip) => ip.to_string(),
    };
    let url = format!("http://{host}:{port}/");
    let root = args.site.root.clone();
    let live = Live::new();
    rebuild(&root, args, &url, &live);

    let watcher = match Watcher::new(&root) {
        Ok(w) => Some(w),
        Err(e) => {
            eprintln!(
                "warning: cannot watch {} for changes ({e}); restart serve to see edits",
                root.display()
            );
            None
        }
    };
    eprintln!("serving the hub at {url} (Ctrl+C to stop)");
    println!("{url}");
    let server_live = Arc::clone(&live);
    std::thread::spawn(move || server.run(server_live));

    if let Some(w) = watcher {
        while let Some(change) = w.next(&root) {
            let names: Vec<String> = change
                .paths
                .iter()
                .map(|p| crate::diag::relative(&root, p))
                .collect();
            eprintln!("changed: {}", names.join(", "));
            rebuild(&root, args, &url, &live);
        }
    } else {
        loop {
            std::thread::park();
        }
    }
    exit(false)
}

/// One build into memory; the live site takes its files, or its errors.
fn rebuild(root: &Path, args: &ServeArgs, url: &str, live: &Live) {
    let start = std::time::Instant::now();
    let g = generate(root, args.site.drafts, Some(url));
    report(&g.diags, args.site.format);
    let default_lang = g
        .site
        .as_ref()
        .map(|s| s.config.default_language.to_string())
        .unwrap_or_default();
    if g.diags.has_errors() {
        let errors: Vec<Diagnostic> = g.diags.sorted().into_iter().cloned().collect();
        live.publish(None, errors, &default_lang);
        eprintln!("the site has errors: the browser shows them until they are fixed");
        return;
    }
    let files: BTreeMap<String, Arc<Content>> = g
        .artifacts
        .into_iter()
        .map(|a| (a.path, Arc::new(a.content)))
        .collect();
    let count = files.len();
    live.publish(Some(files), Vec::new(), &default_lang);
    eprintln!("built {count} files in {} ms", start.elapsed().as_millis());
}
