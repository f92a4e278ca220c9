//! Markdown to HTML with pulldown-cmark: one set of options for the whole
//! site, heading ids, `@/kind/id` links resolved through `ResolveLink`
//! (this module does not know the site), code highlighted by `highlight`,
//! raw HTML and link addresses made safe by `sanitize`.

mod highlight;
mod render;
mod sanitize;

pub use render::{
    Address, Heading, Input, Labels, LinkAt, Rendered, render, resolve_later, scan, scan_headings,
};

/// pulldown-cmark's own HTML for `markdown`, with the site's options, and
/// `sanitised` through the same sanitiser as every body: what the hub's
/// rendering is compared with, example by example, in the CommonMark
/// fidelity test (unsanitised where no raw HTML is written, so a table's
/// `style="text-align"` can be compared with the hub's class).
pub fn reference_html(markdown: &str, sanitised: bool) -> String {
    let mut out = String::new();
    pulldown_cmark::html::push_html(
        &mut out,
        pulldown_cmark::Parser::new_ext(markdown, render::options()),
    );
    if sanitised {
        sanitize::clean(&out)
    } else {
        out
    }
}

/// What `@/kind/id#anchor` points to, as the site resolved it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub url: String,
    /// Set when the link falls back to another language than the page's.
    pub fallback_lang: Option<String>,
}

/// Why an `@/` link cannot be resolved, worded for the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    pub message: String,
    pub label: Option<String>,
    pub help: Option<String>,
}

/// A document a link points to, as the site found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFacts {
    /// `PDF`, `DOCX`…
    pub format: String,
    pub bytes: u64,
    /// The language its name gives it (`annexe.fr.pdf`), if any.
    pub lang: Option<String>,
}

/// Implemented by the site, which knows every entity and heading.
pub trait ResolveLink {
    /// `target` is what follows `@/`, e.g. `practices/ofii-cameroon#results`.
    fn resolve(&self, target: &str) -> Result<Resolved, LinkError>;

    /// What a link's address is, when it is a document of the site (a
    /// bundle's PDF…): its type, size and language.
    fn document(&self, _address: &str) -> Option<DocumentFacts> {
        None
    }

    /// The picture an image's address shows, when the site resized it:
    /// its variants, width and height. `None`: an `<img>` as written.
    fn picture(&self, _address: &str) -> Option<crate::images::Picture> {
        None
    }
}

/// The id a heading gets from its text: accents folded, lower case,
/// anything else a single hyphen. "Défis communs" → "defis-communs".
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in crate::lang::fold(text).chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "section".to_string()
    } else {
        out
    }
}
