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
