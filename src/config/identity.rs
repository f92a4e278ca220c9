//! The site's own face, from `config.yaml`'s `identity:` (its name is
//! `title:`): a tagline, an optional logo and funders' band (image files
//! of the site's `static/`), the footer's text and the pages the footer
//! links to (legal notice, privacy, contact, accessibility statement).
//! None of it comes from the theme, so another hub built with the theme
//! says its own name.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Localized, localized};
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::kind::check_id;
use crate::lang::Lang;
use crate::yaml::{Seg, Source};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawIdentity {
    #[serde(default)]
    tagline: BTreeMap<String, String>,
    #[serde(default)]
    footer: BTreeMap<String, String>,
    #[serde(default)]
    logo: Option<RawImage>,
    #[serde(default)]
    funders: Option<RawImage>,
    #[serde(default)]
    links: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawImage {
    file: String,
    /// Optional for the logo, whose link says the site's name beside it.
    #[serde(default)]
    alt: BTreeMap<String, String>,
    width: u32,
    height: u32,
}

/// An image of the site's `static/`, with its text for those who do not
/// see it and its size (so the page does not move when it arrives).
#[derive(Debug, Clone)]
pub struct Image {
    /// Path inside `static/`, as published.
    pub file: String,
    pub alt: Localized,
    pub width: u32,
    pub height: u32,
    /// Where `file` is written in config.yaml.
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Identity {
    pub tagline: Localized,
    /// The footer's line (who publishes the hub).
    pub footer: Localized,
    pub logo: Option<Image>,
    pub funders: Option<Image>,
    /// Ids of the pages (kind `page`) the footer links to, in order, each
    /// with where config.yaml names it.
    pub links: Vec<(String, Span)>,
}

pub(super) fn check(
    raw: &RawIdentity,
    languages: &[Lang],
    src: &Source<'_>,
    diags: &mut Diagnostics,
) -> Identity {
    let text = |map: &BTreeMap<String, String>, key: &str, diags: &mut Diagnostics| {
        localized(map, &["identity", key], languages, src, diags, false)
    };
    let image = |raw: &Option<RawImage>, key: &str, diags: &mut Diagnostics| {
        let raw = raw.as_ref()?;
        let file = raw.file.trim_start_matches('/').to_string();
        let span = src.span_of(&[Seg::Key("identity"), Seg::Key(key), Seg::Key("file")]);
        if file.is_empty() || file.split('/').any(|s| s == ".." || s.is_empty()) {
            diags.push(
                Diagnostic::error(crate::t!(
                    "config-identity-bad-file",
                    file = raw.file.as_str()
                ))
                .at(span.clone())
                .help(crate::t!("config-identity-file-help")),
            );
        }
        Some(Image {
            file,
            alt: localized(
                &raw.alt,
                &["identity", key, "alt"],
                languages,
                src,
                diags,
                key == "funders",
            ),
            width: raw.width,
            height: raw.height,
            span,
        })
    };
    let mut links = Vec::new();
    for (i, id) in raw.links.iter().enumerate() {
        let span = src.span_of(&[Seg::Key("identity"), Seg::Key("links"), Seg::Index(i)]);
        if let Err(why) = check_id(id) {
            diags.push(
                Diagnostic::error(crate::t!("fm-bad-slug", slug = id.as_str(), why = why))
                    .at(span.clone()),
            );
        }
        links.push((id.clone(), span));
    }
    Identity {
        tagline: text(&raw.tagline, "tagline", diags),
        footer: text(&raw.footer, "footer", diags),
        logo: image(&raw.logo, "logo", diags),
        funders: image(&raw.funders, "funders", diags),
        links,
    }
}

impl Identity {
    /// Its problems against what the site publishes: an image that is not
    /// a file of `static/`, a footer link to a page that does not exist.
    pub fn check_site(
        &self,
        statics: &std::collections::BTreeSet<&str>,
        page_exists: &dyn Fn(&str) -> bool,
        diags: &mut Diagnostics,
    ) {
        for image in self.logo.iter().chain(&self.funders) {
            if !statics.contains(image.file.as_str()) {
                diags.push(
                    Diagnostic::error(crate::t!(
                        "config-identity-no-file",
                        file = image.file.as_str()
                    ))
                    .at(image.span.clone())
                    .help(crate::t!("config-identity-file-help")),
                );
            }
        }
        for (id, span) in &self.links {
            if !page_exists(id) {
                diags.push(
                    Diagnostic::error(crate::t!("config-identity-no-page", id = id.as_str()))
                        .at(span.clone())
                        .help(crate::t!("config-identity-no-page-help", id = id.as_str())),
                );
            }
        }
    }
}
