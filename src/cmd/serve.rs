//! `rabat-hub serve`: build the site in memory, serve it on the loopback
//! address, and rebuild on every saved change; open pages reload by
//! themselves, and a broken change shows its errors in the browser.

use std::collections::BTreeSet;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use super::preview::Preview;
use super::{exit, report};
use crate::cli::ServeArgs;
use crate::diag::{Diagnostic, Diagnostics};
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
    // Absolute, as the watcher reports paths.
    let root = args
        .site
        .root
        .canonicalize()
        .unwrap_or_else(|_| args.site.root.clone());
    let live = Live::new();
    let mut preview = Preview::new(&root, args.site.drafts, &url);
    rebuild(&mut preview, None, args, &live);

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
            // A checkout of another branch changes thousands of files: name
            // a few, count the rest.
            let names: Vec<String> = change
                .paths
                .iter()
                .take(3)
                .map(|p| crate::diag::relative(&root, p))
                .collect();
            let more = change.paths.len() - names.len();
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            eprintln!("changed: {}{more}", names.join(", "));
            rebuild(&mut preview, Some(&change.paths), args, &live);
        }
    } else {
        loop {
            std::thread::park();
        }
    }
    exit(false)
}

/// One build into memory; the live site takes its files, or its errors.
fn rebuild(
    preview: &mut Preview,
    changed: Option<&BTreeSet<PathBuf>>,
    args: &ServeArgs,
    live: &Live,
) {
    let start = std::time::Instant::now();
    let outcome = preview.rebuild(changed);
    report(&outcome.diags, args.site.format);
    let default_lang = preview.default_lang();
    if outcome.diags.has_errors() {
        let errors: Vec<Diagnostic> = outcome.diags.sorted().into_iter().cloned().collect();
        live.publish(None, errors, &default_lang);
        eprintln!("the site has errors: the browser shows them until they are fixed");
        return;
    }
    live.publish(Some(preview.files.clone()), Vec::new(), &default_lang);
    if preview.search_stale() {
        // After the reload: the page never waits for the index.
        let diags = preview.refresh_search();
        report(&diags, args.site.format);
        live.replace_quietly(preview.files.clone());
    }
    eprintln!(
        "{} {} files in {} ms",
        if outcome.full { "built" } else { "rebuilt" },
        outcome.rendered,
        start.elapsed().as_millis()
    );
}
