//! `rabat-hub serve`: build the site in memory, serve it on the loopback
//! address, and rebuild on every saved change; open pages reload by
//! themselves, and a broken change shows its errors in the browser.
//!
//! After a partial rebuild the search index is made again on a thread of
//! its own, from a copy of the site, once the pages are shown: a save is
//! never waited on behind it, and a newer save's index replaces an older
//! one's still in the making.

use std::collections::BTreeSet;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use super::{exit, report};
use crate::cli::ServeArgs;
use crate::diag::{Diagnostic, Diagnostics};
use crate::output::Content;
use crate::pipeline::Extent;
use crate::serve::{Indexer, Live, PAUSE, Preview, Server, Watcher};

pub fn run(args: &ServeArgs) -> ExitCode {
    let addr = SocketAddr::new(args.bind.unwrap_or(IpAddr::from([127, 0, 0, 1])), args.port);
    // Bind first: the URL the site is built for depends on the real port.
    let server = match Server::bind(addr) {
        Ok(s) => s,
        Err(e) => {
            let mut d = Diagnostics::new();
            d.push(
                Diagnostic::error(crate::t!(
                    "serve-cannot-listen",
                    address = addr.to_string(),
                    why = e.to_string()
                ))
                .help(crate::t!("serve-cannot-listen-help")),
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
    let format = args.site.format;
    let indexer = Indexer::start(Arc::clone(&live), Box::new(move |d| report(d, format)));
    let mut preview = Preview::new(&root, args.site.drafts, &url, args.site.cache_dir.clone());
    // The web editor at /admin/ saves through Decap's local backend.
    let (_backend, editor) = local_editor(&root, &url);
    let mut server = server;
    server.admin_policy(editor.policy());
    rebuild(&mut preview, None, args, &live, &indexer, &editor);

    let watcher = match Watcher::new(&root) {
        Ok(w) => Some(w),
        Err(e) => {
            eprintln!(
                "{}",
                crate::t!(
                    "serve-cannot-watch",
                    folder = root.display().to_string(),
                    why = e.to_string()
                )
            );
            None
        }
    };
    eprintln!("{}", crate::t!("serve-serving", url = url.as_str()));
    println!("{url}");
    let server_live = Arc::clone(&live);
    std::thread::spawn(move || server.run(server_live));
    if args.open {
        open_browser(&url);
    }

    if let Some(w) = watcher {
        // The generation last handed to the indexer.
        let mut handed = 0;
        loop {
            // The site is copied for the indexer when the editor pauses
            // and the indexer is free: copying a large site takes a while,
            // and a save should not wait behind it.
            let owed = preview.search_stale() && handed < preview.generation();
            let Some(change) = w.next_within(&root, owed.then_some(PAUSE)) else {
                break;
            };
            if change.paths.is_empty() {
                if indexer.idle()
                    && let Some(input) = preview.search_input()
                {
                    handed = input.generation();
                    indexer.request(input);
                }
                continue;
            }
            // A checkout of another branch changes thousands of files: name
            // a few, count the rest.
            let names: Vec<String> = change
                .paths
                .iter()
                .take(3)
                // A file name is shown, never obeyed, by the terminal.
                .map(|p| crate::diag::escape_controls(&crate::diag::relative(&root, p)))
                .collect();
            let more = change.paths.len() - names.len();
            eprintln!(
                "{}",
                crate::t!("serve-changed", names = names.join(", "), more = more)
            );
            rebuild(
                &mut preview,
                Some(&change.paths),
                args,
                &live,
                &indexer,
                &editor,
            );
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
    indexer: &Indexer,
    editor: &crate::cms::LocalEditor,
) {
    let start = std::time::Instant::now();
    let outcome = preview.rebuild(changed);
    let rendered = outcome.made();
    report(&outcome.diags, args.site.format);
    let default_lang = preview.default_lang();
    if outcome.diags.has_errors() {
        let errors: Vec<Diagnostic> = outcome.diags.sorted().into_iter().cloned().collect();
        // A first build that fails still gets the editor, to fix it with.
        let first = live.read(|s| s.files.is_empty());
        let editor_only = first.then(|| with_editor(Default::default(), preview, editor));
        live.publish(editor_only, errors, &default_lang);
        eprintln!("{}", crate::t!("serve-has-errors"));
        return;
    }
    {
        // Under the indexer's lock, so that an index it finishes now is
        // neither lost nor put over a newer one.
        let mut done = indexer.done();
        if let Some((generation, files)) = done.files.take() {
            preview.add_search(generation, &files);
        }
        if !preview.search_stale() {
            done.served = preview.generation();
        }
        let to = changed.filter(|_| args.navigate).and_then(|c| {
            let root = args.site.root.canonicalize().ok()?;
            crate::serve::navigate::page_saved_last(preview.site()?, &root, c)
        });
        match to {
            Some(to) => live.publish_navigating(
                with_editor(preview.files.clone(), preview, editor),
                &default_lang,
                to,
            ),
            None => live.publish(
                Some(with_editor(preview.files.clone(), preview, editor)),
                Vec::new(),
                &default_lang,
            ),
        }
    }
    let how = match outcome.extent {
        Extent::Full => "full",
        Extent::Patched => "patched",
        Extent::Partial => "partial",
    };
    eprintln!(
        "{}",
        crate::t!(
            "serve-rebuilt",
            how = how,
            files = rendered,
            ms = start.elapsed().as_millis().to_string()
        )
    );
}

/// `serve --open`: the browser, or the program `RABAT_HUB_OPENER` names
/// (the tests' stand-in), on `url`; a failure is only a warning.
fn open_browser(url: &str) {
    let opener = std::env::var("RABAT_HUB_OPENER").ok();
    let mut command = crate::serve::open::browser_command(url, opener.as_deref());
    command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    match command.spawn() {
        // Reaped on its own thread: the opener returns at once, or lives
        // on as the browser.
        Ok(mut child) => drop(std::thread::spawn(move || child.wait())),
        Err(e) => eprintln!(
            "{}",
            crate::t!("serve-cannot-open", why = e.to_string(), url = url)
        ),
    }
}

/// The site's files and the web editor's (`/admin/`).
fn with_editor(
    mut files: std::collections::BTreeMap<String, Arc<Content>>,
    preview: &Preview,
    editor: &crate::cms::LocalEditor,
) -> std::collections::BTreeMap<String, Arc<Content>> {
    if let Some((config, theme)) = preview.config_and_theme() {
        for (path, bytes) in editor.files(config, &theme.strings) {
            files.insert(path, Arc::new(Content::Bytes(bytes)));
        }
    }
    files
}

/// Starts the editor's local backend (`decap-server`, on Node.js) or says
/// how to start it by hand. `RABAT_HUB_DECAP_SERVER` may name its script.
fn local_editor(
    root: &std::path::Path,
    url: &str,
) -> (
    Option<crate::cms::local::LocalBackend>,
    crate::cms::LocalEditor,
) {
    use crate::cms::local;
    let more: Vec<PathBuf> = std::env::var_os("RABAT_HUB_DECAP_SERVER")
        .map(PathBuf::from)
        .into_iter()
        .collect();
    let (backend, proxy) = match local::start(root, &local::candidates(root, &more), url) {
        Ok(b) => {
            let proxy = b.url.clone();
            (Some(b), proxy)
        }
        Err(why) => {
            eprintln!(
                "{}",
                crate::t!(
                    "serve-editor-cannot-save",
                    url = url,
                    why = why,
                    command = local::BY_HAND,
                    folder = root.display().to_string()
                )
            );
            (None, "http://localhost:8081/api/v1".to_string())
        }
    };
    let editor = crate::cms::LocalEditor {
        proxy,
        site_url: url.trim_end_matches('/').to_string(),
    };
    (backend, editor)
}
