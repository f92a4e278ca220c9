//! Images and documents as the render pass writes them: a resized image
//! as a `<picture>` (`images::Picture`: WebP first, the fallback's
//! `srcset` on the `<img>`, its width and height so the page does not
//! move as it loads, loaded lazily unless it is the body's first), and a
//! link to a document followed by what it is (`PDF, 240 KB, French`).

use super::Labels;
use crate::escape::html_attr as escape_attr;
use crate::markdown::DocumentFacts;

/// An image whose alt text is being read.
pub(super) struct OpenImage {
    pub(super) picture: Option<crate::images::Picture>,
    pub(super) title: String,
    pub(super) alt: String,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) dest: String,
}

pub(super) fn picture_html(image: &OpenImage, p: &crate::images::Picture, first: bool) -> String {
    let sizes = escape_attr(&p.sizes);
    // The last source is the fallback's, on the `<img>` (a WebP original
    // has only its own); those before it are `<source>`s.
    let (img_set, before) = match p.sources.split_last() {
        Some((last, before)) => (Some(&last.1), before),
        None => (None, &[][..]),
    };
    let mut out = String::from("<picture>");
    for (media_type, srcset) in before {
        out.push_str(&format!(
            "<source type=\"{media_type}\" srcset=\"{}\" sizes=\"{sizes}\">",
            escape_attr(srcset)
        ));
    }
    out.push_str(&format!("<img src=\"{}\"", escape_attr(&p.src)));
    if let Some(srcset) = img_set {
        out.push_str(&format!(
            " srcset=\"{}\" sizes=\"{sizes}\"",
            escape_attr(srcset)
        ));
    }
    out.push_str(&format!(
        " width=\"{}\" height=\"{}\" alt=\"{}\"",
        p.width,
        p.height,
        escape_attr(&image.alt)
    ));
    if !image.title.is_empty() {
        out.push_str(&format!(" title=\"{}\"", escape_attr(&image.title)));
    }
    let loading = if first { "eager" } else { "lazy" };
    out.push_str(&format!(
        " loading=\"{loading}\" decoding=\"async\"></picture>"
    ));
    out
}

/// What closes a link to a document: the link, then what the document is.
pub(super) fn document_close(d: &DocumentFacts, labels: &Labels) -> String {
    let language = d.lang.as_ref().and_then(|l| labels.languages.get(l));
    format!(
        "</a> <span class=\"doc-meta\">({})</span>",
        crate::escape::html_text(&crate::typography::document_meta(
            &d.format,
            d.bytes,
            language.map(String::as_str),
            &labels.sizes
        ))
    )
}
