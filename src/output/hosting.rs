//! What static hosts read besides the pages: a root `/404.html` (every
//! language's message and a link to each home, for an address no page
//! has, at any depth) and `_headers` (Netlify, Cloudflare Pages) with the
//! Content-Security-Policy and the cache rules. The README gives the same
//! headers for nginx, Apache and Caddy; GitHub Pages sends none, which
//! is why pages also carry the policy in a `<meta>`.
//!
//! Cache rules: a file named by its content (the hashed stylesheets and
//! scripts, the search index's chunks, fragments, filters and metadata)
//! never changes under its name, so a browser may keep it a year; pages,
//! `pagefind.js`, the search entry file and the rest are revalidated on
//! every visit. Hosts join the values of one header from several matching
//! rules, so the rule for every path (`/*`) sets no `Cache-Control`: pages
//! get the hosts' default, which revalidates.

use serde::Serialize;

use super::{Artifact, Content};
use crate::diag::Diagnostic;
use crate::lang::Lang;
use crate::site::Site;
use crate::theme::{Theme, Views};

pub const HEADERS: &str = "_headers";
pub const NOT_FOUND: &str = "404.html";
/// The theme's template for the root 404; without it, the default
/// language's `404.html` stands at the root.
const TEMPLATE: &str = "root_404.html";

/// Kept a year, never asked again.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Asked again on every visit (a 304 when unchanged).
pub const REVALIDATE: &str = "no-cache";

/// A file for the hosts, in the plan unless the site's `static/` has one
/// of the same name (published as written instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostFile {
    Headers,
    NotFound,
}

impl HostFile {
    pub const ALL: [HostFile; 2] = [HostFile::Headers, HostFile::NotFound];

    pub fn path(self) -> &'static str {
        match self {
            HostFile::Headers => HEADERS,
            HostFile::NotFound => NOT_FOUND,
        }
    }
}

/// Makes one of the hosts' files.
pub fn make(views: &Views<'_>, host: HostFile) -> Result<Artifact, Diagnostic> {
    let text = match host {
        HostFile::Headers => headers(views.site, views.theme),
        HostFile::NotFound => not_found(views)?,
    };
    Ok(Artifact {
        path: host.path().to_string(),
        content: Content::Bytes(text.into_bytes()),
    })
}

/// The rules, one block a path pattern, every path with a leading `/`
/// (and the site's base path, when it is served under one).
pub fn headers(site: &Site, theme: &Theme) -> String {
    let at = |path: &str| site.url(path);
    let mut out = String::from(
        "# Made by rabat-hub build, for Netlify and Cloudflare Pages (README: \"Publish anywhere\").\n\
         # Pages, pagefind.js and the search entry file are revalidated on every visit (the host's default);\n\
         # files named by their content are kept a year.\n",
    );
    let mut block = |pattern: String, lines: &[(&str, &str)]| {
        out.push('\n');
        out.push_str(&pattern);
        out.push('\n');
        for (name, value) in lines {
            out.push_str(&format!("  {name}: {value}\n"));
        }
    };
    block(
        format!("{}*", at("")),
        &[
            (
                "Content-Security-Policy",
                crate::theme::CONTENT_SECURITY_POLICY,
            ),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ],
    );
    for hashed in theme.assets.values() {
        block(at(hashed), &[("Cache-Control", IMMUTABLE)]);
    }
    for lang in &site.config.languages {
        for (pattern, rule) in search_rules(lang) {
            block(at(&pattern), &[("Cache-Control", rule)]);
        }
    }
    // A bundle's files are documents to download, never part of the site.
    for (pattern, headers) in super::headers::download_rules(site) {
        let lines: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        block(pattern, &lines);
    }
    out
}

/// The cache rules of a language's search bundle (see `search`).
fn search_rules(lang: &Lang) -> Vec<(String, &'static str)> {
    let dir = super::search::bundle_path(lang);
    vec![
        (format!("{dir}pagefind.js"), REVALIDATE),
        (format!("{dir}pagefind-entry.json"), REVALIDATE),
        (format!("{dir}pagefind.*.pf_meta"), IMMUTABLE),
        (format!("{dir}index/*"), IMMUTABLE),
        (format!("{dir}fragment/*"), IMMUTABLE),
        (format!("{dir}filter/*"), IMMUTABLE),
    ]
}

/// The root not-found page, in every language of the site.
/// One language on the root pages (`root.html`, `root_404.html`): its
/// words, and a link to its home.
#[derive(Serialize)]
pub(super) struct LanguageView {
    pub(super) lang: String,
    pub(super) title: String,
    pub(super) text: String,
    pub(super) url: String,
    pub(super) link: String,
}

fn not_found(views: &Views<'_>) -> Result<String, Diagnostic> {
    let (site, theme) = (views.site, views.theme);
    let word = |l: &Lang, key: &str| theme.strings(l).get(key).cloned().unwrap_or_default();
    // The root page's list of languages (`root.html`, which the template
    // extends), with the not-found words.
    let languages: Vec<LanguageView> = site
        .config
        .languages
        .iter()
        .map(|l| LanguageView {
            lang: l.to_string(),
            title: word(l, "not_found_title"),
            text: word(l, "not_found_text"),
            url: site.url(&Site::home_path(l)),
            link: word(l, "back_home"),
        })
        .collect();
    let lang = &site.config.default_language;
    let description = languages
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" · ");
    let page = views.page(
        lang,
        NOT_FOUND,
        word(lang, "not_found_title"),
        Some(description),
        None,
        &|_| None,
    );
    let mut ctx = tera::Context::new();
    ctx.insert("page", &page);
    ctx.insert("languages", &languages);
    let template = if theme.has_template(TEMPLATE) {
        TEMPLATE
    } else {
        "404.html"
    };
    theme.render(template, &ctx)
}
