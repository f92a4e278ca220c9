//! The render pass: events from pulldown-cmark, rewritten where the hub
//! needs more than CommonMark (heading ids, `@/` links, code, raw HTML).
//! One loop over the events (`run`) does it; what it calls on the way has
//! a file each: `headings` (ids), `links` (addresses and their
//! diagnostics), `table` (alignment as classes).

use std::collections::BTreeSet;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

use super::{ResolveLink, highlight, sanitize, slugify};
use crate::diag::{Diagnostic, Span};
use crate::escape::html_attr as escape_attr;

mod headings;
mod links;
mod pictures;
mod table;

pub use headings::scan_headings;
use headings::{Ids, attributes_as_text, level_num, unique_id};
pub use links::{Address, LinkAt, resolve_later};
use links::{address_at, checked_url, link_diagnostic, link_span};
use pictures::{OpenImage, document_close, picture_html};
use table::Table;

/// The body of one file: where it sits in the file, for diagnostics.
pub struct Input<'a> {
    pub file: &'a str,
    pub file_text: &'a str,
    pub body: std::ops::Range<usize>,
    /// Keep raw HTML as written (config.yaml's `unsafe_html: true`);
    /// otherwise it goes through the allow-list of `sanitize`.
    pub allow_raw_html: bool,
    /// The language wants French spacing: narrow no-break spaces before
    /// `: ; ! ?` and inside « » (`typography::french_spacing`), in text
    /// only, never in code or attributes.
    pub french: bool,
    /// The words the renderer adds, in the body's language.
    pub labels: &'a Labels,
    /// Make the HTML. `check` does not: it wants the diagnostics, headings
    /// and links, and highlighting, typography and sanitising are most of
    /// a body's time.
    pub html: bool,
}

/// The words a body's HTML holds that its author did not write, from the
/// theme's strings of its language (`table_label`, `footnote_back`).
#[derive(Debug, Clone, Default)]
pub struct Labels {
    /// Names a table's scrolling region when no heading comes before it.
    pub table: String,
    /// The link from a footnote back to where it is called.
    pub footnote_back: String,
    /// How a linked document's size is written.
    pub sizes: crate::typography::SizeWords,
    /// Each language's name in this one (`fr` → "French"), for a linked
    /// document's language.
    pub languages: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// The `@/` targets the body links to, as written.
    pub links: Vec<String>,
    /// Every other address its links and images make, for the check
    /// against the plan of the output (`output::addresses`).
    pub addresses: Vec<Address>,
}

/// How deep a body's elements may nest: block quotes, lists, emphasis and
/// raw HTML elements together. Real text needs a dozen levels; the HTML
/// sanitiser takes time in proportion to depth times elements.
pub const MAX_NESTING: usize = 100;

/// The most code a page has highlighted; further code blocks are shown
/// plain. Highlighting is the slowest step of a page, and a file of
/// hostile code could otherwise keep a build busy for minutes.
const MAX_HIGHLIGHTED: usize = 64 * 1024;

pub(super) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a body. Every `@/` link that does not resolve is a diagnostic
/// at the link's own place in the file.
pub fn render(input: &Input<'_>, resolver: &dyn ResolveLink) -> (Rendered, Vec<Diagnostic>) {
    let mut unused = Vec::new();
    run(input, Some(resolver), &mut unused)
}

/// One pass for `check`: the headings, every other diagnostic, and the
/// `@/` links left unresolved (`resolve_later`), because the headings of
/// the other files they may point to are not known yet. `render` needs a
/// second pass over each body for that; `check` does not.
pub fn scan(input: &Input<'_>) -> (Rendered, Vec<LinkAt>, Vec<Diagnostic>) {
    let mut links = Vec::new();
    let (r, d) = run(input, None, &mut links);
    (r, links, d)
}

/// `render` with a resolver; `scan` without, collecting the links.
fn run(
    input: &Input<'_>,
    resolver: Option<&dyn ResolveLink>,
    deferred: &mut Vec<LinkAt>,
) -> (Rendered, Vec<Diagnostic>) {
    let body = &input.file_text[input.body.clone()];
    let mut diags = Vec::new();
    let mut out = Rendered::default();
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut ids = Ids::default();
    let mut restore: Option<String> = None;
    // Index in `events` of the open heading, and its text so far.
    let mut heading: Option<(usize, String)> = None;
    let mut code: Option<(Option<String>, String)> = None;
    // Whether the link being closed was rewritten into raw HTML.
    let mut link_stack: Vec<Option<String>> = Vec::new();
    let mut table = Table::default();
    let mut notes = Notes::default();
    // Open Markdown elements, and open elements of the raw HTML.
    let (mut depth, mut html_depth) = (0usize, 0usize);
    // The deepest the raw HTML went inside the current event, not only
    // where it ended: `<div><div>…</div></div>` on one line counts whole.
    let mut peak;
    let mut highlighted = 0usize;
    // Whether the editor wrote raw HTML: only then does the body need the
    // sanitiser. Everything else is pulldown-cmark's writer and this
    // module's own markup, which escape what they are given (a unit test,
    // `what_no_raw_html_makes_the_sanitiser_leaves_alone`, shows the
    // sanitiser changes none of it); parsing every body again with
    // html5ever was a tenth of a build without search.
    let mut raw_html = false;
    // Links and images other than `@/`: the site's plan of the output
    // says which exist, so they are checked once it is made.
    let mut addresses: Vec<Address> = Vec::new();
    // The image being read (its alt text comes as events), and how many
    // pictures came before it: the first is not lazily loaded.
    let mut image: Option<OpenImage> = None;
    let mut pictures = 0usize;

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        peak = 0;
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(h) | Event::InlineHtml(h) => {
                let (after, deepest) = sanitize::open_elements(html_depth, h);
                html_depth = after;
                peak = peak.max(deepest);
            }
            _ => {}
        }
        peak = peak.max(html_depth);
        if depth + peak > MAX_NESTING {
            let at = input.body.start + range.start;
            diags.push(
                Diagnostic::error(crate::t!("md-too-deep", max = MAX_NESTING))
                    .at(Span::from_offsets(input.file, input.file_text, at, at + 1))
                    .label(crate::t!("yaml-too-deep-label"))
                    .help(crate::t!("md-too-deep-help")),
            );
            // The page will not be published; render nothing more.
            return (Rendered::default(), diags);
        }
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                restore = attributes_as_text(&body[range.clone()], !attrs.is_empty());
                let (id, classes) = if restore.is_some() {
                    (None, Vec::new())
                } else {
                    (id, classes)
                };
                heading = Some((events.len(), String::new()));
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs: Vec::new(),
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(r) = restore.take() {
                    if let Some((_, text)) = heading.as_mut() {
                        text.push_str(&r);
                    }
                    events.push(Event::Text(r.into()));
                }
                if let Some((start, text)) = heading.take() {
                    let given = match &events[start] {
                        Event::Start(Tag::Heading { id, .. }) => id.as_ref().map(|i| i.to_string()),
                        _ => None,
                    };
                    let id = unique_id(given.unwrap_or_else(|| slugify(&text)), &mut ids);
                    if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[start] {
                        *slot = Some(CowStr::from(id.clone()));
                    }
                    out.headings.push(Heading {
                        level: level_num(level),
                        id,
                        text,
                    });
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().map(str::to_string)
                    }
                    CodeBlockKind::Indented => None,
                };
                code = Some((lang, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, text)) = code.take().filter(|_| input.html) {
                    let colour = highlighted + text.len() <= MAX_HIGHLIGHTED;
                    if colour {
                        highlighted += text.len();
                    }
                    events.push(Event::Html(
                        highlight::code_block(lang.as_deref(), &text, colour).into(),
                    ));
                }
            }
            Event::Text(t) if code.is_some() => {
                if let Some((_, text)) = code.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with("@/") => {
                let target = dest_url[2..].to_string();
                out.links.push(target.clone());
                let start = input.body.start + range.start;
                let end = input.body.start + range.end;
                // `scan` has no resolver: the link is resolved later.
                let resolved = match resolver {
                    None => {
                        deferred.push(LinkAt { target, start, end });
                        None
                    }
                    Some(resolver) => match resolver.resolve(&target) {
                        Ok(r) => Some(r),
                        Err(e) => {
                            diags.push(link_diagnostic(input, start, end, &dest_url, e));
                            None
                        }
                    },
                };
                match resolved {
                    Some(r) => {
                        let mut a = format!("<a href=\"{}\"", escape_attr(&r.url));
                        if let Some(l) = &r.fallback_lang {
                            a.push_str(&format!(" hreflang=\"{l}\" class=\"fallback\""));
                        }
                        if !title.is_empty() {
                            a.push_str(&format!(" title=\"{}\"", escape_attr(&title)));
                        }
                        a.push('>');
                        events.push(Event::InlineHtml(a.into()));
                        link_stack.push(Some(
                            r.fallback_lang
                                .map(|l| {
                                    format!(
                                        "</a> <span class=\"lang-note\">({})</span>",
                                        l.to_uppercase()
                                    )
                                })
                                .unwrap_or_else(|| "</a>".to_string()),
                        ));
                    }
                    None => {
                        events.push(Event::Start(Tag::Link {
                            link_type,
                            dest_url: CowStr::from("#"),
                            title,
                            id,
                        }));
                        link_stack.push(None);
                    }
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = checked_url(input, &range, dest_url, &mut diags);
                if link_type != LinkType::Email && dest_url.as_ref() != "#" {
                    addresses.push(address_at(input, &range, &dest_url, false));
                }
                // A document of the site: what it is, after the link.
                let document = match resolver {
                    Some(r) if input.html && dest_url.as_ref() != "#" => r.document(&dest_url),
                    _ => None,
                };
                link_stack.push(document.map(|d| document_close(&d, input.labels)));
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = checked_url(input, &range, dest_url, &mut diags);
                if dest_url.as_ref() != "#" {
                    addresses.push(address_at(input, &range, &dest_url, true));
                }
                let picture = match resolver {
                    Some(r) if input.html && dest_url.as_ref() != "#" => r.picture(&dest_url),
                    _ => None,
                };
                let written = picture.is_none();
                image = Some(OpenImage {
                    picture,
                    title: title.to_string(),
                    alt: String::new(),
                    start: input.body.start + range.start,
                    end: input.body.start + range.end,
                    dest: dest_url.to_string(),
                });
                if written {
                    events.push(Event::Start(Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::Text(t) | Event::Code(t) if image.is_some() => {
                if let Some(i) = image.as_mut() {
                    i.alt.push_str(&t);
                    if i.picture.is_none() {
                        events.push(Event::Text(t));
                    }
                }
            }
            Event::End(TagEnd::Image) => {
                let Some(i) = image.take() else {
                    events.push(event);
                    continue;
                };
                // Accessibility: a reader who cannot see it hears this.
                if i.alt.trim().is_empty() {
                    diags.push(
                        Diagnostic::error(crate::t!("img-no-alt"))
                            .at(link_span(input, i.start, i.end, &i.dest))
                            .label(crate::t!("img-no-alt-label"))
                            .help(crate::t!("img-no-alt-help")),
                    );
                }
                match &i.picture {
                    Some(p) => {
                        events.push(Event::InlineHtml(picture_html(&i, p, pictures == 0).into()));
                        pictures += 1;
                    }
                    None => events.push(event),
                }
            }
            // Inside a picture's alt text only its words are kept.
            _ if image.as_ref().is_some_and(|i| i.picture.is_some()) => {}
            Event::Start(Tag::Table(_)) => {
                // A wide table scrolls on a phone: in a region a keyboard
                // can reach, named after the section it is in.
                let label = out
                    .headings
                    .last()
                    .map_or_else(|| input.labels.table.clone(), |h| h.text.clone());
                events.push(Event::Html(
                    format!(
                        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">",
                        escape_attr(&label)
                    )
                    .into(),
                ));
                events.push(Event::Html(table.markup(&event).into()));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::Html(table.markup(&event).into()));
                events.push(Event::Html("</div>\n".into()));
            }
            Event::Start(Tag::TableHead | Tag::TableRow | Tag::TableCell)
            | Event::End(TagEnd::TableHead | TagEnd::TableRow | TagEnd::TableCell) => {
                events.push(Event::InlineHtml(table.markup(&event).into()));
            }
            // Footnotes with ids that cannot clash with headings (`fn-1`)
            // and a link back to where the note is called.
            Event::FootnoteReference(name) => {
                let (n, id) = notes.number(&name);
                let first = notes.referenced.insert(id.clone());
                let back = if first {
                    format!(" id=\"fnref-{id}\"")
                } else {
                    String::new()
                };
                events.push(Event::InlineHtml(
                    format!(
                        "<sup class=\"footnote-reference\"{back}><a href=\"#fn-{id}\">{n}</a></sup>"
                    )
                    .into(),
                ));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let (n, id) = notes.number(&name);
                notes.open.push(id.clone());
                events.push(Event::Html(
                    format!("<div class=\"footnote-definition\" id=\"fn-{id}\"><sup class=\"footnote-definition-label\">{n}</sup>").into(),
                ));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                let id = notes.open.pop().unwrap_or_default();
                let back = if notes.referenced.contains(&id) {
                    format!(
                        " <a class=\"footnote-back\" href=\"#fnref-{id}\" aria-label=\"{}\">↩</a>",
                        escape_attr(&input.labels.footnote_back)
                    )
                } else {
                    String::new()
                };
                events.push(Event::Html(format!("{back}</div>\n").into()));
            }
            Event::End(TagEnd::Link) => match link_stack.pop().flatten() {
                Some(close) => events.push(Event::InlineHtml(close.into())),
                None => events.push(event),
            },
            // Raw HTML stays HTML; unless the site allows it as it is, the
            // whole body is sanitised below, and the editor is told here
            // what will be removed.
            Event::Html(ref h) | Event::InlineHtml(ref h) => {
                raw_html = true;
                if !input.allow_raw_html {
                    let here = input.body.start + range.start;
                    let in_source = input.file_text[here..input.body.start + range.end]
                        .find(h.as_ref())
                        .map_or(here, |i| here + i);
                    for r in sanitize::removed(h) {
                        let at = in_source + r.offset;
                        diags.push(
                            Diagnostic::warning(r.message)
                                .at(Span::from_offsets(
                                    input.file,
                                    input.file_text,
                                    at,
                                    at + r.len,
                                ))
                                .label(crate::t!("md-removed-label"))
                                .help(crate::t!("md-removed-help")),
                        );
                    }
                }
                events.push(event);
            }
            Event::Text(t) => {
                if let Some((_, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
                events.push(Event::Text(t));
            }
            Event::Code(t) => {
                if let Some((_, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
                events.push(Event::Code(t));
            }
            other => events.push(other),
        }
    }
    out.addresses = addresses;
    if !input.html {
        return (out, diags);
    }
    if input.french {
        events = french_text(events);
        for h in &mut out.headings {
            h.text = crate::typography::french(&h.text);
        }
    }
    html::push_html(&mut out.html, events.into_iter());
    if raw_html && !input.allow_raw_html {
        out.html = sanitize::clean(&out.html);
    }
    (out, diags)
}

/// Joins runs of text (the parser splits them at `!`, `[`…) so that a
/// space and the punctuation after it are seen together, then spaces them
/// the French way. Code, raw HTML and link addresses are other events.
fn french_text(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut run: Option<String> = None;
    let flush = |run: &mut Option<String>, out: &mut Vec<Event<'_>>| {
        if let Some(t) = run.take() {
            out.push(Event::Text(crate::typography::french(&t).into()));
        }
    };
    // An image's text is its `alt` attribute: left as written.
    let mut in_image = 0usize;
    for e in events {
        match e {
            Event::Text(t) if in_image == 0 => run.get_or_insert_with(String::new).push_str(&t),
            other => {
                flush(&mut run, &mut out);
                match &other {
                    Event::Start(Tag::Image { .. }) => in_image += 1,
                    Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
                    _ => {}
                }
                out.push(other);
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Footnote numbers in order of first mention, and their ids.
#[derive(Default)]
struct Notes {
    numbers: std::collections::BTreeMap<String, usize>,
    referenced: BTreeSet<String>,
    open: Vec<String>,
}

impl Notes {
    /// The note's number, in order of first mention, and its id: the
    /// number itself, so labels that differ only by punctuation or
    /// accents (`[^a-b]`, `[^a:b]`, `[^é]`) never share one.
    fn number(&mut self, name: &str) -> (usize, String) {
        let next = self.numbers.len() + 1;
        let n = *self.numbers.entry(name.to_string()).or_insert(next);
        (n, n.to_string())
    }
}

#[cfg(test)]
mod tests;
