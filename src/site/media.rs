//! The site's images and documents, as pages show them: every image of a
//! bundle or of `static/` probed once a run (its upright size, or why it
//! cannot be read: an error at the file), and the originals and PDFs
//! heavier than config.yaml's `media:` budget, each a warning at its file.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Media;
use crate::diag::{Diagnostic, Diagnostics, Span, display_path};
use crate::discover::{Attachment, StaticFile};
use crate::images::{Format, Probe, Unreadable};

/// Each image file of the site by its source path.
pub type Probes = BTreeMap<PathBuf, Result<Probe, Unreadable>>;

/// Probes every image of the bundles' and `static/`'s files.
pub(super) fn probe_all(attachments: &[Attachment], statics: &[StaticFile]) -> Arc<Probes> {
    let files: Vec<(PathBuf, Format)> = attachments
        .iter()
        .map(|a| (&a.source, a.name.as_str()))
        .chain(statics.iter().map(|f| (&f.source, f.name.as_str())))
        .filter_map(|(p, name)| Format::of(name).map(|f| (p.clone(), f)))
        .collect();
    Arc::new(
        files
            .into_par_iter()
            .map(|(p, f)| {
                let probe = crate::images::probe(&p, f);
                (p, probe)
            })
            .collect(),
    )
}

/// An image that cannot be read (an error), an image or a PDF over the
/// budget (a warning): each at its file.
pub(super) fn budgets(attachments: &[Attachment], probes: &Probes, media: &Media) -> Diagnostics {
    let mut d = Diagnostics::new();
    for (source, probe) in probes {
        let p = match probe {
            Ok(p) => p,
            Err(why) => {
                // Not published as it is: it may hold what re-encoding
                // would have left behind (a GPS position).
                let file = display_path(source);
                d.push(
                    Diagnostic::error(crate::t!(
                        "img-unreadable",
                        file = file.as_str(),
                        why = why.0.as_str()
                    ))
                    .at(Span::file(&file))
                    .help(crate::t!("img-unreadable-help")),
                );
                continue;
            }
        };
        if p.format == Format::Svg {
            continue;
        }
        let file = display_path(source);
        if p.bytes > media.image_max_bytes {
            d.push(
                Diagnostic::warning(crate::t!(
                    "img-heavy-bytes",
                    file = file.as_str(),
                    size = crate::messages::file_size(p.bytes),
                    max = crate::messages::file_size(media.image_max_bytes)
                ))
                .at(Span::file(&file))
                .help(crate::t!(
                    "img-heavy-help",
                    width = media.image_max_width as usize
                )),
            );
        } else if p.width > media.image_max_width {
            d.push(
                Diagnostic::warning(crate::t!(
                    "img-heavy-width",
                    file = file.as_str(),
                    width = p.width as usize,
                    max = media.image_max_width as usize
                ))
                .at(Span::file(&file))
                .help(crate::t!(
                    "img-heavy-help",
                    width = media.image_max_width as usize
                )),
            );
        }
    }
    for a in attachments {
        if !a.name.to_ascii_lowercase().ends_with(".pdf") {
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(&a.source) else {
            continue;
        };
        if meta.len() > media.pdf_max_bytes {
            let file = display_path(&a.source);
            d.push(
                Diagnostic::warning(crate::t!(
                    "doc-heavy",
                    file = file.as_str(),
                    size = crate::messages::file_size(meta.len()),
                    max = crate::messages::file_size(media.pdf_max_bytes)
                ))
                .at(Span::file(&file))
                .help(crate::t!("doc-heavy-help")),
            );
        }
    }
    d
}

/// The site's images and documents by their paths in the output (a
/// bundle's beside each of its entity's versions): what a body's image
/// or link to one shows.
#[derive(Debug, Default)]
pub struct MediaPaths {
    images: BTreeMap<String, Probe>,
    documents: BTreeMap<String, crate::markdown::DocumentFacts>,
    settings: crate::images::Settings,
    sizes: String,
}

impl MediaPaths {
    pub(super) fn new(
        config: &crate::config::Config,
        versions: &BTreeMap<super::EntityKey, BTreeMap<crate::lang::Lang, super::links::Target>>,
        (attachments, statics): (&[Attachment], &[StaticFile]),
        probes: &Probes,
        settings: &crate::images::Settings,
    ) -> MediaPaths {
        let mut m = MediaPaths {
            settings: settings.clone(),
            sizes: config.media.sizes.clone(),
            ..MediaPaths::default()
        };
        for a in attachments {
            let key = super::EntityKey {
                kind: a.kind,
                id: a.id.clone(),
            };
            let paths = versions
                .get(&key)
                .into_iter()
                .flat_map(BTreeMap::values)
                .map(|t| format!("{}{}", t.path, a.name));
            match probes.get(&a.source) {
                Some(Ok(probe)) => {
                    for p in paths {
                        m.images.insert(p, *probe);
                    }
                }
                Some(Err(_)) => {}
                None if crate::file_types::is_document(&a.name) => {
                    let facts = crate::markdown::DocumentFacts {
                        format: crate::file_types::format_name(&a.name),
                        bytes: a.bytes,
                        lang: crate::file_types::language_of(&a.name, &config.languages)
                            .map(ToString::to_string),
                    };
                    for p in paths {
                        m.documents.insert(p, facts.clone());
                    }
                }
                None => {}
            }
        }
        for f in statics {
            if let Some(Ok(probe)) = probes.get(&f.source) {
                m.images.insert(f.name.clone(), *probe);
            }
        }
        m
    }

    /// The picture an image's `address` shows from the page at `page`:
    /// its variants (as addresses beside the one written), width and
    /// height. An SVG is shown as written.
    pub fn picture(
        &self,
        page: &str,
        prefix: &str,
        address: &str,
    ) -> Option<crate::images::Picture> {
        let probe = self
            .images
            .get(&super::address::target(page, prefix, address)?)?;
        let (path, _) = super::address::path_and_anchor(address);
        match probe.format {
            Format::Svg => None,
            Format::Gif => Some(crate::images::Picture {
                width: probe.width,
                height: probe.height,
                sources: Vec::new(),
                src: path.to_string(),
                sizes: self.sizes.clone(),
            }),
            _ => Some(crate::images::picture(
                path,
                probe,
                &self.settings,
                &self.sizes,
            )),
        }
    }

    /// The document a link's `address` points to from the page at `page`.
    pub fn document(
        &self,
        page: &str,
        prefix: &str,
        address: &str,
    ) -> Option<crate::markdown::DocumentFacts> {
        self.documents
            .get(&super::address::target(page, prefix, address)?)
            .cloned()
    }
}
