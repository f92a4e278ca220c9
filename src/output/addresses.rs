//! Every address a body's links and images make that is not `@/`: checked
//! against the plan of the output, so a broken link or a missing image is
//! an error at its place, in `check` as in `build`, and a page, a file or
//! a new kind of page the plan holds is found without a second list.
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

use super::plan::{Job, Page};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::markdown::{Address, Heading, LinkError, slugify};
use crate::site::address::{path_and_anchor, percent_decode, scheme, site_path};
use crate::site::{EntityKey, Site};
use crate::t;

/// Every path the plan publishes, without the leading `/`: pages (a
/// folder's `index.html`) end in `/`, files do not. Entity pages keep
/// their headings, for `#anchor`s. Borrowed from the plan: serve makes it
/// on every save.
#[derive(Debug, Default)]
struct SitePaths<'j> {
    pages: BTreeSet<&'j str>,
    files: BTreeSet<&'j str>,
    headings: BTreeMap<&'j str, &'j [Heading]>,
    /// Images that cannot be read, with why: an image of the text that
    /// shows one is an error at its place.
    unreadable: BTreeMap<&'j str, String>,
}

impl<'j> SitePaths<'j> {
    fn of(site: &Site, jobs: &'j [Job<'_>]) -> SitePaths<'j> {
        let mut p = SitePaths::default();
        for j in jobs {
            let source = match j.page {
                Page::Attachment(_, _, a) => Some(a.source.as_path()),
                Page::Static(f) => match &f.body {
                    crate::theme::Body::Disk(path) => Some(path.as_path()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(Err(why)) = source.and_then(|s| site.probes.get(s)) {
                p.unreadable.insert(&j.path, why.0.clone());
            }
            match j.path.strip_suffix("index.html") {
                Some(folder) if folder.is_empty() || folder.ends_with('/') => {
                    p.pages.insert(folder);
                    if let Page::Entity(_, v) = j.page {
                        p.headings.insert(folder, &v.headings);
                    }
                }
                _ => {
                    p.files.insert(&j.path);
                }
            }
        }
        p
    }
}

/// Checks every address of every body of `site` against `jobs`, its plan;
/// with `only`, the bodies of those entities alone (serve's patch, which
/// keeps the site's shape: the others' addresses were checked before and
/// still find what they found).
pub fn check(
    site: &Site,
    jobs: &[Job<'_>],
    only: Option<&BTreeSet<EntityKey>>,
    diags: &mut Diagnostics,
) {
    let mut bodies: Vec<(String, &[Address], &[Heading])> = Vec::new();
    let entities = site
        .entities
        .iter()
        .filter(|(k, _)| only.is_none_or(|only| only.contains(*k)));
    for (_, e) in entities {
        for v in e.versions.values().filter(|v| !v.addresses.is_empty()) {
            bodies.push((v.path.clone(), &v.addresses, &v.headings));
        }
    }
    if only.is_none() {
        for (lang, text) in &site.home {
            bodies.push((Site::home_path(lang), &text.addresses, &[]));
        }
        for ((kind, lang), text) in &site.lists {
            bodies.push((site.list_path(*kind, lang), &text.addresses, &[]));
        }
        for ((taxonomy, id, lang), text) in &site.terms {
            bodies.push((
                Site::taxonomy_path(*taxonomy, lang, Some(id.as_str())),
                &text.addresses,
                &[],
            ));
        }
    }
    if bodies.iter().all(|(_, a, _)| a.is_empty()) {
        return;
    }
    let paths = SitePaths::of(site, jobs);
    let prefix = site.path_prefix.as_str();
    for (page, addresses, headings) in bodies {
        for a in addresses {
            if let Err(e) = check_one(&paths, &page, prefix, &a.target, a.image, headings) {
                let mut d = Diagnostic::error(e.message).at(a.span.clone());
                d.label = e.label;
                d.help = e.help;
                diags.push(d);
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
fn anchor(anchor: &str, ids: &[&str], whose: &str) -> Result<(), LinkError> {
    if anchor.is_empty() || ids.contains(&anchor) {
        return Ok(());
    }
    let slug = slugify(anchor);
    if let Some(right) = ids.iter().find(|i| **i == slug.as_str()) {
        return Err(err(
            t!("link-anchor-spelled", anchor = anchor, whose = whose),
            Some(t!("did-you-mean", name = format!("#{right}"))),
            Some(t!("link-anchor-spelled-help")),
        ));
    }
    let hint = did_you_mean(&slug, ids.iter().copied())
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

/// Checks one address of the page at `page` (its output path), whose
/// headings are `headings`; `prefix` is the site's base path (`/` or
/// `/hub/`).
fn check_one(
    paths: &SitePaths,
    page: &str,
    prefix: &str,
    address: &str,
    image: bool,
    headings: &[Heading],
) -> Result<(), LinkError> {
    if let Some(rest) = address.strip_prefix('#') {
        let ids: Vec<&str> = headings.iter().map(|h| h.id.as_str()).collect();
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
    let found_page =
        paths.pages.contains(page_form.as_str()) && !paths.files.contains(decoded.as_str());
    let found_file = paths.files.contains(decoded.as_str());
    if found_page {
        if let (Some(a), Some(headings)) = (anchor_part, paths.headings.get(page_form.as_str())) {
            let ids: Vec<&str> = headings.iter().map(|h| h.id.as_str()).collect();
            return anchor(a, &ids, &format!("`/{page_form}`"));
        }
        return Ok(());
    }
    if found_file {
        if image && let Some(why) = paths.unreadable.get(decoded.as_str()) {
            return Err(err(
                t!(
                    "img-unreadable",
                    file = format!("/{decoded}"),
                    why = why.as_str()
                ),
                Some(t!("img-unreadable-label")),
                Some(t!("img-unreadable-help")),
            ));
        }
        return Ok(());
    }
    let shown = format!("/{decoded}");
    let candidates = paths.pages.iter().chain(&paths.files).copied();
    let hint =
        did_you_mean(&decoded, candidates).map(|h| t!("did-you-mean", name = format!("/{h}")));
    let (message, help) = if image {
        (t!("link-no-image", path = shown), t!("link-image-help"))
    } else {
        (t!("link-no-page", path = shown), t!("link-path-help"))
    };
    Err(err(message, hint, Some(help)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_compared_as_heading_ids_are_made() {
        let ids = vec!["resultats", "contexte"];
        assert!(anchor("resultats", &ids, "p").is_ok());
        let e = anchor("résultats", &ids, "p").expect_err("spelled differently");
        assert_eq!(e.label.as_deref(), Some("did you mean `#resultats`?"));
        let e = anchor("resultat", &ids, "p").expect_err("a typo");
        assert_eq!(e.label.as_deref(), Some("did you mean `#resultats`?"));
    }
}
