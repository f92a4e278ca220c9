//! `rabat-hub serve`: build into a private folder and serve it on
//! 127.0.0.1, so a preview never touches the published `public/`.

use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use super::{exit, generate, report};
use crate::cli::ServeArgs;
use crate::diag::{Diagnostic, Diagnostics};
use crate::publish::publish;
use crate::serve::Server;

pub fn run(args: &ServeArgs) -> ExitCode {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
    let server_root = std::env::temp_dir().join(format!("rabat-hub-serve-{}", std::process::id()));
    let out = server_root.join("site");
    // Bind first: the URL the site is built for depends on the real port.
    let server = match Server::bind(addr, out.clone(), String::new()) {
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
    let url = format!("http://127.0.0.1:{port}/");
    let g = generate(&args.site.root, args.site.drafts, Some(&url));
    report(&g.diags, args.site.format);
    if g.diags.has_errors() {
        eprintln!("fix the errors above, then run serve again");
        return exit(true);
    }
    if let Err(e) = publish(&out, &g.artifacts) {
        eprintln!("error: cannot write the preview to {}: {e}", out.display());
        return exit(true);
    }
    let default_lang = g
        .site
        .as_ref()
        .map(|s| s.config.default_language.to_string())
        .unwrap_or_default();
    let server = Server::with_default_lang(server, default_lang);
    eprintln!("serving the hub at {url} (Ctrl+C to stop)");
    println!("{url}");
    server.run();
    exit(false)
}
