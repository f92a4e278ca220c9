//! The web editor at `/admin/`: Decap CMS (a Git-based CMS that runs as
//! static files in the browser; README, "The web editor", says why this
//! one) with a configuration made here from the same schema and
//! config.yaml the generator checks, never written by hand.
//!
//! `build` publishes it when config.yaml has a `cms:` key (saving through
//! the Git host, every change a pull request); `serve` always does,
//! saving into the local checkout through Decap's local backend
//! (`decap-server`, which `cmd::serve` starts when Node.js has it).
//! It knows the front matter's schema (`frontmatter`), the kinds and
//! config.yaml; it must not know how pages are rendered.

mod bundle;
pub mod collections;
pub mod fields;
pub mod local;

use std::collections::BTreeMap;

pub use collections::{ID_PATTERN, Labels, Target};

use crate::config::Config;
use crate::lang::Lang;
use crate::theme::Strings;

/// Where the editor is published, relative to the site root.
pub const FOLDER: &str = "admin/";

/// The Content-Security-Policy of `/admin/` (README, "The web editor"):
/// as narrow as Decap CMS allows. It needs inline styles (its components
/// style themselves at run time), `blob:` and `data:` images (uploads
/// shown before they are saved), and to reach the backend: the local
/// one on the loopback address, or the Git host's API. Nothing else:
/// the script is the site's own file.
pub fn policy(backend_origin: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; connect-src 'self' blob: {backend_origin}; frame-src 'self' blob:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// The backend's origin the policy lets the editor reach.
pub fn backend_origin(target: &Target<'_>) -> String {
    match target {
        Target::Local { proxy, .. } => origin(proxy),
        Target::Host(cms) if cms.backend == "gitlab" => "https://gitlab.com".to_string(),
        Target::Host(cms) => {
            let mut o = "https://api.github.com".to_string();
            if let Some(url) = &cms.auth_url {
                o.push(' ');
                o.push_str(&origin(url));
            }
            o
        }
    }
}

/// `scheme://host:port` of an address.
fn origin(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("http", url));
    let host = rest.split('/').next().unwrap_or(rest);
    format!("{scheme}://{host}")
}

/// Whether an output path belongs to the editor (and so gets its policy,
/// no reload script, and stays out of the sitemap and search).
pub fn is_admin(path: &str) -> bool {
    path.trim_start_matches('/').starts_with(FOLDER)
}

/// The editor's files: its page, its configuration, the script and the
/// script's licences. `(path relative to the site root, bytes)`.
pub fn files(
    config: &Config,
    strings: &BTreeMap<Lang, Strings>,
    target: &Target<'_>,
) -> Vec<(String, Vec<u8>)> {
    let labels = Labels {
        languages: &config.languages,
        strings,
    };
    let cms = collections::config(config, &labels, target);
    // serde_json writes a map's keys in order (no preserve_order feature):
    // the same input gives the same bytes.
    let cms = serde_json::to_vec_pretty(&cms).unwrap_or_default();
    let policy = policy(&backend_origin(target));
    vec![
        (
            format!("{FOLDER}index.html"),
            page(config, &labels, &policy).into_bytes(),
        ),
        (format!("{FOLDER}config.yml"), cms),
        (format!("{FOLDER}decap-cms.js"), bundle::script().to_vec()),
        (
            format!("{FOLDER}decap-cms.js.LICENSE.txt"),
            format!("{}\n\n{}", bundle::LICENSE, bundle::NOTICES).into_bytes(),
        ),
    ]
}

/// The editor's page. The policy is also in a `<meta>`, for hosts that
/// cannot send a header per folder.
fn page(config: &Config, labels: &Labels<'_>, policy: &str) -> String {
    let title = html_escape(&labels.get("cms_editor_title"));
    let lang = config.default_language.as_str();
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n<title>{title}</title>\n<link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n</head>\n<body>\n<script src=\"decap-cms.js\"></script>\n</body>\n</html>\n"
    )
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The version of Decap CMS the binary carries.
pub fn version() -> &'static str {
    bundle::version()
}

/// The editor `serve` publishes: saving into the checkout through the
/// local backend at `proxy`, previews on the served site.
pub struct LocalEditor {
    pub proxy: String,
    pub site_url: String,
}

impl LocalEditor {
    pub fn files(
        &self,
        config: &Config,
        strings: &BTreeMap<Lang, Strings>,
    ) -> Vec<(String, Vec<u8>)> {
        files(
            config,
            strings,
            &Target::Local {
                proxy: &self.proxy,
                site_url: &self.site_url,
            },
        )
    }

    /// The policy `serve` sends with the editor's files.
    pub fn policy(&self) -> String {
        policy(&origin(&self.proxy))
    }
}

/// The names of the editor's files in its folder, as `files` makes them.
pub const FILES: [&str; 4] = [
    "index.html",
    "config.yml",
    "decap-cms.js",
    "decap-cms.js.LICENSE.txt",
];

/// One file (one of `FILES`) of the editor `build` publishes when
/// config.yaml asks for one; empty otherwise.
pub fn published_file(config: &Config, strings: &BTreeMap<Lang, Strings>, name: &str) -> Vec<u8> {
    let Some(cms) = &config.cms else {
        return Vec::new();
    };
    let path = format!("{FOLDER}{name}");
    files(config, strings, &Target::Host(cms))
        .into_iter()
        .find(|(p, _)| *p == path)
        .map(|(_, b)| b)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_readme_documents_the_editors_policy() {
        let readme = include_str!("../../README.md");
        let documented = super::policy("<backend>");
        assert!(
            readme.contains(&documented),
            "README.md must show: {documented}"
        );
    }

    #[test]
    fn the_policy_lets_the_editor_reach_its_backend_only() {
        let target = super::Target::Local {
            proxy: "http://127.0.0.1:4321/api/v1",
            site_url: "http://127.0.0.1:8321",
        };
        assert_eq!(super::backend_origin(&target), "http://127.0.0.1:4321");
        assert!(
            super::policy("http://127.0.0.1:4321")
                .contains("connect-src 'self' blob: http://127.0.0.1:4321;")
        );
    }
}
