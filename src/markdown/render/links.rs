//! Links and images as the render pass meets them: a refused scheme
//! becomes `#` and an error, a link `scan` leaves is resolved later, and
//! every diagnostic points at the address inside `[text](…)`.

use pulldown_cmark::CowStr;

use super::Input;
use crate::diag::{Diagnostic, Span};
use crate::markdown::{LinkError, ResolveLink, sanitize};

/// An `@/` link as written, and where: resolved by the caller later.
#[derive(Debug, Clone)]
pub struct LinkAt {
    /// What follows `@/`.
    pub target: String,
    /// The link's place in the file.
    pub start: usize,
    pub end: usize,
}

/// Any other address a link or an image makes, and its place in the file
/// (under the address itself, for the caret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub target: String,
    pub image: bool,
    pub span: Span,
}

/// The diagnostic of a link `scan` left, when it does not resolve.
pub fn resolve_later(
    input: &Input<'_>,
    link: &LinkAt,
    resolver: &dyn ResolveLink,
) -> Option<Diagnostic> {
    let e = resolver.resolve(&link.target).err()?;
    Some(link_diagnostic(
        input,
        link.start,
        link.end,
        &format!("@/{}", link.target),
        e,
    ))
}

pub(super) fn link_diagnostic(
    input: &Input<'_>,
    start: usize,
    end: usize,
    dest: &str,
    e: LinkError,
) -> Diagnostic {
    let mut d = Diagnostic::error(e.message).at(link_span(input, start, end, dest));
    d.label = e.label;
    d.help = e.help;
    d
}

/// A link or image address, refused (and replaced by `#`) when its scheme
/// could run code or smuggle content: `javascript:`, `data:`, `vbscript:`…
pub(super) fn checked_url<'a>(
    input: &Input<'_>,
    range: &std::ops::Range<usize>,
    dest: CowStr<'a>,
    diags: &mut Vec<Diagnostic>,
) -> CowStr<'a> {
    let Some(scheme) = sanitize::forbidden_scheme(&dest) else {
        return dest;
    };
    let (start, end) = (input.body.start + range.start, input.body.start + range.end);
    diags.push(
        Diagnostic::error(crate::t!("md-scheme-link", scheme = scheme))
            .at(link_span(input, start, end, &dest))
            .label(crate::t!("md-scheme-link-label"))
            .help(crate::t!("md-scheme-link-help")),
    );
    CowStr::from("#")
}

pub(super) fn address_at(
    input: &Input<'_>,
    range: &std::ops::Range<usize>,
    dest: &str,
    image: bool,
) -> Address {
    let (start, end) = (input.body.start + range.start, input.body.start + range.end);
    Address {
        target: dest.to_string(),
        image,
        span: link_span(input, start, end, dest),
    }
}

/// The `@/…` target inside `[text](@/…)`, for a caret under the id.
pub(super) fn link_span(input: &Input<'_>, start: usize, end: usize, dest: &str) -> Span {
    let slice = &input.file_text[start..end.min(input.file_text.len())];
    match slice.find(dest) {
        Some(i) => Span::from_offsets(
            input.file,
            input.file_text,
            start + i,
            start + i + dest.len(),
        ),
        None => Span::from_offsets(input.file, input.file_text, start, end),
    }
}
