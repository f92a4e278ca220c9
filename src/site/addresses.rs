//! Every address a body's links and images make that is not `@/`: checked
//! against the pages and files the site publishes, so a broken link or a
//! missing image is an error at its place, in `check` as in `build`.
//!
//! - `#anchor`: a heading of the page itself, compared after the same
//!   slugging as heading ids (`#résultats` finds `#resultats`);
//! - `/fr/…` and relative paths: a page, a bundle file, a static file or
//!   an alias of this site (and the heading, when one is named);
//! - `@practices/x`: an `@/` link missing its slash;
//! - an image on another host: refused, the site's Content-Security-Policy
//!   would block it;
//! - a link to another site stays unchecked (no network).

use std::collections::{BTreeMap, BTreeSet};

use crate::config::Config;
use crate::diag::did_you_mean;
use crate::images::{Format, Picture, Probe, Unreadable};
use crate::kind::Kind;
use crate::markdown::{Heading, LinkError, slugify};
use crate::t;

use super::links::Targets;
use super::model::Site;

/// Every path the site publishes, without the leading `/`: pages end in
/// `/`, files do not. Pages that are entity versions keep their headings.
#[derive(Debug, Default)]
pub struct SitePaths {
    pages: BTreeSet<String>,
    files: BTreeSet<String>,
    headings: BTreeMap<String, Vec<String>>,
    languages: Vec<String>,
    /// The images among `files`, probed; how their pictures are made.
    images: BTreeMap<String, Result<Probe, Unreadable>>,
    /// The bundles' documents, for the links that name them.
    documents: BTreeMap<String, crate::markdown::DocumentFacts>,
    settings: crate::images::Settings,
    sizes: String,
}

impl SitePaths {
    /// `bundles` are each entity's bundle files by its versions' paths;
    /// `statics` the files of `static/`; `aliases` the redirect paths.
    pub fn new(
        config: &Config,
        targets: &Targets,
        bundles: &BTreeMap<super::model::EntityKey, Vec<String>>,
        statics: impl IntoIterator<Item = String>,
        aliases: impl IntoIterator<Item = String>,
    ) -> SitePaths {
        let mut p = SitePaths::default();
        p.pages.insert(String::new());
        p.files.insert("sitemap.xml".into());
        p.files.insert("robots.txt".into());
        for lang in &config.languages {
            p.languages.push(lang.to_string());
            p.pages.insert(Site::home_path(lang));
            p.pages.insert(Site::search_path(lang));
            p.pages.insert(Site::matrix_path(lang));
            p.pages.insert(format!("{lang}/editors/"));
            p.files.insert(format!("{lang}/404.html"));
            p.files.insert(Site::feed_path(lang));
            p.files.insert(format!("{lang}/graph.json"));
            for kind in Kind::ALL {
                p.pages
                    .insert(format!("{lang}/{}/", config.section(kind, lang)));
            }
            for taxonomy in crate::kind::Taxonomy::ALL {
                p.pages.insert(Site::taxonomy_path(taxonomy, lang, None));
                for id in config.terms(taxonomy).keys() {
                    p.pages
                        .insert(Site::taxonomy_path(taxonomy, lang, Some(id)));
                }
            }
        }
        for (key, versions) in &targets.versions {
            for t in versions.values() {
                p.pages.insert(t.path.clone());
                p.headings.insert(
                    t.path.clone(),
                    t.headings.iter().map(|h| h.id.clone()).collect(),
                );
                for f in bundles.get(key).into_iter().flatten() {
                    p.files.insert(format!("{}{f}", t.path));
                }
            }
        }
        p.files.extend(statics);
        for a in aliases {
            let a = a.trim_start_matches('/').to_string();
            if a.ends_with('/') {
                p.pages.insert(a);
            } else {
                p.files.insert(a);
            }
        }
        p
    }
}

impl SitePaths {
    /// Each image at every path it is published at (a bundle's beside
    /// each of its entity's versions), with its variants among the files;
    /// each document of a bundle with its type, size and language.
    #[allow(clippy::too_many_arguments)]
    pub fn add_images(
        &mut self,
        languages: &[crate::lang::Lang],
        versions: &BTreeMap<
            super::model::EntityKey,
            BTreeMap<crate::lang::Lang, super::links::Target>,
        >,
        attachments: &[crate::discover::Attachment],
        statics: &[crate::discover::StaticFile],
        probes: &super::media::Probes,
        settings: &crate::images::Settings,
        sizes: &str,
    ) {
        self.settings = settings.clone();
        self.sizes = sizes.to_string();
        let mut add = |path: String, probe: &Result<Probe, Unreadable>| {
            if let Ok(p) = probe {
                for v in crate::images::variants(p, settings) {
                    self.files.insert(crate::images::variant_name(&path, &v));
                }
            }
            self.images.insert(path, probe.clone());
        };
        for a in attachments {
            let key = super::model::EntityKey {
                kind: a.kind,
                id: a.id.clone(),
            };
            let paths = versions
                .get(&key)
                .into_iter()
                .flat_map(BTreeMap::values)
                .map(|t| format!("{}{}", t.path, a.name));
            match probes.get(&a.source) {
                Some(probe) => paths.for_each(|p| add(p, probe)),
                None if crate::file_types::is_document(&a.name) => {
                    let facts = crate::markdown::DocumentFacts {
                        format: crate::file_types::format_name(&a.name),
                        bytes: a.bytes,
                        lang: crate::file_types::language_of(&a.name, languages)
                            .map(ToString::to_string),
                    };
                    for p in paths {
                        self.documents.insert(p, facts.clone());
                    }
                }
                None => {}
            }
        }
        for f in statics {
            if let Some(probe) = probes.get(&f.source) {
                add(f.name.clone(), probe);
            }
        }
    }
}

fn err(message: String, label: Option<String>, help: Option<String>) -> LinkError {
    LinkError {
        message,
        label,
        help,
    }
}

/// A heading id of `ids` an anchor names, compared as heading ids are
/// made; or the error, with the closest id.
fn anchor(anchor: &str, ids: &[String], whose: &str) -> Result<(), LinkError> {
    if anchor.is_empty() || ids.iter().any(|i| i == anchor) {
        return Ok(());
    }
    let slug = slugify(anchor);
    if let Some(right) = ids.iter().find(|i| **i == slug) {
        return Err(err(
            t!("link-anchor-spelled", anchor = anchor, whose = whose),
            Some(t!("did-you-mean", name = format!("#{right}"))),
            Some(t!("link-anchor-spelled-help")),
        ));
    }
    let hint = did_you_mean(&slug, ids.iter().map(String::as_str))
        .map(|h| t!("did-you-mean", name = format!("#{h}")));
    let help = if ids.is_empty() {
        t!("link-no-headings")
    } else {
        t!(
            "link-headings-are",
            list = ids
                .iter()
                .map(|i| format!("`#{i}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    Err(err(
        t!("link-no-anchor", anchor = anchor, whose = whose),
        hint,
        Some(help),
    ))
}

/// Splits `a/b#c?d` into the path and the anchor.
fn path_and_anchor(address: &str) -> (&str, Option<&str>) {
    let (rest, anchor) = match address.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (address, None),
    };
    (rest.split('?').next().unwrap_or(rest), anchor)
}

/// `rel` read from the folder of the page at `page` (`fr/pratiques/x/`).
fn join(page: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if rel.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// The scheme of an address, when it has one (`https`, `mailto`).
fn scheme(address: &str) -> Option<&str> {
    let (s, _) = address.split_once(':')?;
    (!s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(s)
}

/// Checks one address of the page at `page` (its output path) whose own
/// headings are `own`; `prefix` is the site's base path (`/` or `/hub/`).
pub fn check(
    paths: &SitePaths,
    page: &str,
    prefix: &str,
    address: &str,
    image: bool,
    own: &[Heading],
) -> Result<(), LinkError> {
    if let Some(rest) = address.strip_prefix('#') {
        let ids: Vec<String> = own.iter().map(|h| h.id.clone()).collect();
        return anchor(rest, &ids, &t!("link-this-page"));
    }
    if address.starts_with('@') {
        let fixed = format!("@/{}", address.trim_start_matches('@'));
        return Err(err(
            t!("link-at-without-slash", address = address),
            Some(t!("did-you-mean", name = fixed)),
            Some(t!("link-at-form")),
        ));
    }
    if address.starts_with("//") || scheme(address).is_some() {
        let web = address.starts_with("//")
            || matches!(scheme(address), Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"));
        if image && web {
            return Err(err(
                t!("link-image-elsewhere"),
                Some(t!("link-image-elsewhere-label")),
                Some(t!("link-image-elsewhere-help")),
            ));
        }
        // Another site: not checked (no network).
        return Ok(());
    }
    let (path, anchor_part) = path_and_anchor(address);
    let Some(site_path) = site_path(page, prefix, path) else {
        return Err(err(
            t!("link-outside-site", address = address),
            None,
            Some(t!("link-path-help")),
        ));
    };
    let decoded = percent_decode(&site_path);
    let page_form = if decoded.is_empty() || decoded.ends_with('/') {
        decoded.clone()
    } else {
        format!("{decoded}/")
    };
    let found_page = paths.pages.contains(&page_form) && !paths.files.contains(&decoded);
    let found_file = paths.files.contains(&decoded);
    if found_page {
        if let (Some(a), Some(ids)) = (anchor_part, paths.headings.get(&page_form)) {
            return anchor(a, ids, &format!("`/{page_form}`"));
        }
        return Ok(());
    }
    if found_file {
        if image && let Some(Err(why)) = paths.images.get(&decoded) {
            return Err(err(
                t!(
                    "img-unreadable",
                    file = format!("/{decoded}"),
                    why = why.0.as_str()
                ),
                Some(t!("img-unreadable-label")),
                Some(t!("img-unreadable-help")),
            ));
        }
        return Ok(());
    }
    let shown = format!("/{decoded}");
    let candidates = paths.pages.iter().chain(&paths.files).map(String::as_str);
    let hint =
        did_you_mean(&decoded, candidates).map(|h| t!("did-you-mean", name = format!("/{h}")));
    let (message, help) = if image {
        (t!("link-no-image", path = shown), t!("link-image-help"))
    } else {
        (t!("link-no-page", path = shown), t!("link-path-help"))
    };
    Err(err(message, hint, Some(help)))
}

/// The path in the output an address's `path` names, from the page at
/// `page`; `None` when it climbs out of the site.
fn site_path(page: &str, prefix: &str, path: &str) -> Option<String> {
    match path.strip_prefix('/') {
        Some(abs) => {
            let base = prefix.trim_start_matches('/');
            Some(abs.strip_prefix(base).unwrap_or(abs).to_string())
        }
        None => join(page, path),
    }
}

/// The picture an image's `address` shows, from the page at `page`: its
/// variants (as addresses beside the one written), width and height.
pub fn picture(paths: &SitePaths, page: &str, prefix: &str, address: &str) -> Option<Picture> {
    if address.starts_with("//") || scheme(address).is_some() {
        return None;
    }
    let (path, _) = path_and_anchor(address);
    let decoded = percent_decode(&site_path(page, prefix, path)?);
    let probe = paths.images.get(&decoded)?.as_ref().ok()?;
    match probe.format {
        Format::Svg => None,
        Format::Gif => Some(Picture {
            width: probe.width,
            height: probe.height,
            sources: Vec::new(),
            src: path.to_string(),
            sizes: paths.sizes.clone(),
        }),
        _ => Some(crate::images::picture(
            path,
            probe,
            &paths.settings,
            &paths.sizes,
        )),
    }
}

/// The document a link's `address` points to, from the page at `page`.
pub fn document(
    paths: &SitePaths,
    page: &str,
    prefix: &str,
    address: &str,
) -> Option<crate::markdown::DocumentFacts> {
    if address.starts_with("//") || address.starts_with('#') || scheme(address).is_some() {
        return None;
    }
    let (path, _) = path_and_anchor(address);
    let decoded = percent_decode(&site_path(page, prefix, path)?);
    paths.documents.get(&decoded).cloned()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(h) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(h);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_read_from_the_page_folder() {
        assert_eq!(
            join("fr/pratiques/x/", "annexe.pdf").as_deref(),
            Some("fr/pratiques/x/annexe.pdf")
        );
        assert_eq!(
            join("fr/pratiques/x/", "../y/").as_deref(),
            Some("fr/pratiques/y/")
        );
        assert_eq!(join("fr/", "../../x"), None);
    }

    #[test]
    fn anchors_are_compared_as_heading_ids_are_made() {
        let ids = vec!["resultats".to_string(), "contexte".to_string()];
        assert!(anchor("resultats", &ids, "p").is_ok());
        let e = anchor("résultats", &ids, "p").expect_err("spelled differently");
        assert_eq!(e.label.as_deref(), Some("did you mean `#resultats`?"));
        let e = anchor("resultat", &ids, "p").expect_err("a typo");
        assert_eq!(e.label.as_deref(), Some("did you mean `#resultats`?"));
    }
}
