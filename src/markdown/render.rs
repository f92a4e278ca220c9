//! The render pass: events from pulldown-cmark, rewritten where the hub
//! needs more than CommonMark (heading ids, `@/` links, code, raw HTML).

use std::collections::BTreeSet;

use pulldown_cmark::{
    Alignment, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
    html,
};

use super::{ResolveLink, highlight, sanitize, slugify};
use crate::diag::{Diagnostic, Span};
use crate::escape::html_attr as escape_attr;

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

/// Only the headings, for resolving `#anchor` links before any page is
/// rendered.
pub fn scan_headings(body: &str) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut ids = Ids::default();
    let mut current: Option<(u8, Option<String>, String)> = None;
    let mut restore: Option<String> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading {
                level, id, attrs, ..
            }) => {
                restore = attributes_as_text(&body[range], !attrs.is_empty());
                let id = if restore.is_some() { None } else { id };
                current = Some((level_num(level), id.map(|i| i.to_string()), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, id, mut text)) = current.take() {
                    if let Some(r) = restore.take() {
                        text.push_str(&r);
                    }
                    let id = unique_id(id.unwrap_or_else(|| slugify(&text)), &mut ids);
                    headings.push(Heading { level, id, text });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            _ => {}
        }
    }
    headings
}

fn level_num(level: HeadingLevel) -> u8 {
    level as u8
}

/// The ids given so far, and for each base the next number to try, so
/// that thousands of identical headings take linear time.
#[derive(Default)]
struct Ids {
    taken: std::collections::HashSet<String>,
    next: std::collections::HashMap<String, usize>,
}

/// `fn-3` and `fnref-3` are footnotes' ids: a heading never takes one.
fn is_note_id(id: &str) -> bool {
    id.strip_prefix("fnref-")
        .or_else(|| id.strip_prefix("fn-"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn unique_id(base: String, ids: &mut Ids) -> String {
    let mut id = base.clone();
    if ids.taken.contains(&id) || is_note_id(&id) {
        let n = ids.next.entry(base.clone()).or_insert(1);
        loop {
            id = format!("{base}-{n}");
            *n += 1;
            if !ids.taken.contains(&id) && !is_note_id(&id) {
                break;
            }
        }
    }
    ids.taken.insert(id.clone());
    id
}

/// With heading attributes on, pulldown-cmark reads any trailing `{…}` of
/// a heading as attributes and drops what is not an id or a class
/// (`# Version {1.0}` would render "Version"). The hub keeps `{#id}` and
/// `{.class}`; anything else is the heading's text, given back here.
fn attributes_as_text(heading_source: &str, attrs_given: bool) -> Option<String> {
    if !attrs_given {
        return None;
    }
    let first = heading_source.lines().next().unwrap_or("").trim_end();
    let first = first.trim_end_matches('#').trim_end();
    let open = first.rfind('{')?;
    let block = &first[open..];
    let space = if first[..open].ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    Some(format!("{space}{block}"))
}

/// Renders a body. Every `@/` link that does not resolve is a diagnostic
/// at the link's own place in the file.
pub fn render(input: &Input<'_>, resolver: &dyn ResolveLink) -> (Rendered, Vec<Diagnostic>) {
    let mut unused = Vec::new();
    run(input, Some(resolver), &mut unused)
}

/// A link as written, and where: resolved by the caller later.
#[derive(Debug, Clone)]
pub struct LinkAt {
    /// What follows `@/`; for any other address, the address itself.
    pub target: String,
    /// `None` for an `@/` link; for any other address of a link or image,
    /// whether it is an image's.
    pub address: Option<bool>,
    /// The link's place in the file.
    pub start: usize,
    pub end: usize,
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

/// The diagnostic of a link `scan` left, when it does not resolve;
/// `headings` are the page's own, for `#anchor` links.
pub fn resolve_later(
    input: &Input<'_>,
    link: &LinkAt,
    headings: &[Heading],
    resolver: &dyn ResolveLink,
) -> Option<Diagnostic> {
    match link.address {
        None => {
            let e = resolver.resolve(&link.target).err()?;
            Some(link_diagnostic(
                input,
                link.start,
                link.end,
                &format!("@/{}", link.target),
                e,
            ))
        }
        Some(image) => {
            let e = resolver
                .check_address(&link.target, image, headings)
                .err()?;
            Some(link_diagnostic(
                input,
                link.start,
                link.end,
                &link.target,
                e,
            ))
        }
    }
}

fn link_diagnostic(
    input: &Input<'_>,
    start: usize,
    end: usize,
    dest: &str,
    e: super::LinkError,
) -> Diagnostic {
    let mut d = Diagnostic::error(e.message).at(link_span(input, start, end, dest));
    d.label = e.label;
    d.help = e.help;
    d
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
    // Links and images other than `@/`, checked once the headings are known.
    let mut addresses: Vec<LinkAt> = Vec::new();
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
                        deferred.push(LinkAt {
                            target,
                            address: None,
                            start,
                            end,
                        });
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
                link_stack.push(document.map(|d| {
                    let language = d.lang.as_ref().and_then(|l| input.labels.languages.get(l));
                    format!(
                        "</a> <span class=\"doc-meta\">({})</span>",
                        crate::escape::html_text(&crate::typography::document_meta(
                            &d.format,
                            d.bytes,
                            language.map(String::as_str),
                            &input.labels.sizes
                        ))
                    )
                }));
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
                image = Some(OpenImage {
                    picture,
                    title: title.to_string(),
                    alt: String::new(),
                    start: input.body.start + range.start,
                    end: input.body.start + range.end,
                    dest: dest_url.to_string(),
                });
                if image.as_ref().is_some_and(|i| i.picture.is_none()) {
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
                if let Some(i) = image.take() {
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
                            events
                                .push(Event::InlineHtml(picture_html(p, &i, pictures == 0).into()));
                            pictures += 1;
                        }
                        None => events.push(event),
                    }
                } else {
                    events.push(event);
                }
            }
            _ if image.as_ref().is_some_and(|i| i.picture.is_some()) => {
                // Inside a picture's alt text: only its words are kept.
            }
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
    // Every other address, now that the page's own headings are known:
    // checked here with a resolver, left to the caller without.
    match resolver {
        Some(resolver) => {
            for a in &addresses {
                if let Err(e) =
                    resolver.check_address(&a.target, a.address == Some(true), &out.headings)
                {
                    diags.push(link_diagnostic(input, a.start, a.end, &a.target, e));
                }
            }
        }
        None => deferred.extend(addresses),
    }
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
    if !input.allow_raw_html {
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

/// An image whose alt text is being read.
struct OpenImage {
    picture: Option<crate::images::Picture>,
    title: String,
    alt: String,
    start: usize,
    end: usize,
    dest: String,
}

/// A resized image as a `<picture>`: WebP first, the fallback's `srcset`
/// on the `<img>`, its width and height (so the page does not move as it
/// loads), loaded lazily unless it is the body's first.
fn picture_html(p: &crate::images::Picture, image: &OpenImage, first: bool) -> String {
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

/// A link or image address, refused (and replaced by `#`) when its scheme
/// could run code or smuggle content: `javascript:`, `data:`, `vbscript:`…
fn checked_url<'a>(
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

fn address_at(
    input: &Input<'_>,
    range: &std::ops::Range<usize>,
    dest: &str,
    image: bool,
) -> LinkAt {
    LinkAt {
        target: dest.to_string(),
        address: Some(image),
        start: input.body.start + range.start,
        end: input.body.start + range.end,
    }
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

/// Tables written by hand, so that a column's alignment is a class
/// (`align-center`) and not the inline `style` pulldown-cmark writes,
/// which the site's Content-Security-Policy would refuse.
#[derive(Default)]
struct Table {
    alignments: Vec<Alignment>,
    in_head: bool,
    cell: usize,
}

impl Table {
    fn markup(&mut self, event: &Event<'_>) -> String {
        let cell_tag = |in_head: bool| if in_head { "th" } else { "td" };
        match event {
            Event::Start(Tag::Table(alignments)) => {
                self.alignments = alignments.clone();
                "<table>".into()
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.cell = 0;
                "<thead><tr>".into()
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                "</tr></thead><tbody>\n".into()
            }
            Event::Start(Tag::TableRow) => {
                self.cell = 0;
                "<tr>".into()
            }
            Event::End(TagEnd::TableRow) => "</tr>\n".into(),
            Event::Start(Tag::TableCell) => {
                let class = match self.alignments.get(self.cell) {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    _ => "",
                };
                format!("<{}{class}>", cell_tag(self.in_head))
            }
            Event::End(TagEnd::TableCell) => {
                self.cell += 1;
                format!("</{}>", cell_tag(self.in_head))
            }
            Event::End(TagEnd::Table) => "</tbody></table>\n".into(),
            _ => String::new(),
        }
    }
}

/// The `@/…` target inside `[text](@/…)`, for a caret under the id.
fn link_span(input: &Input<'_>, start: usize, end: usize, dest: &str) -> Span {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{LinkError, Resolved};

    struct Fake;
    impl ResolveLink for Fake {
        fn resolve(&self, target: &str) -> Result<Resolved, LinkError> {
            match target {
                "practices/a" => Ok(Resolved {
                    url: "/fr/pratiques/a/".into(),
                    fallback_lang: None,
                }),
                "practices/b" => Ok(Resolved {
                    url: "/en/practices/b/".into(),
                    fallback_lang: Some("en".into()),
                }),
                _ => Err(LinkError {
                    message: format!("no entity `{target}`"),
                    label: None,
                    help: None,
                }),
            }
        }
    }

    fn run(body: &str) -> (Rendered, Vec<Diagnostic>) {
        run_in(body, false)
    }

    #[test]
    fn footnote_labels_that_differ_by_punctuation_or_accents_get_their_own_ids() {
        let body = "A[^a-b] B[^a:b] C[^a b] D[^é] E[^è]\n\n[^a-b]: un\n[^a:b]: deux\n[^a b]: trois\n[^é]: quatre\n[^è]: cinq\n";
        let (r, _) = run(body);
        for n in 1..=5 {
            assert_eq!(
                r.html.matches(&format!("href=\"#fn-{n}\"")).count(),
                1,
                "{n}: {}",
                r.html
            );
            assert_eq!(r.html.matches(&format!("id=\"fn-{n}\"")).count(), 1, "{n}");
        }
    }

    #[test]
    fn a_heading_never_takes_a_footnotes_id() {
        let (r, _) = run("## Fn 1\n\nTexte[^x].\n\n[^x]: note\n");
        assert_eq!(r.headings[0].id, "fn-1-1");
        assert_eq!(r.html.matches("id=\"fn-1\"").count(), 1, "{}", r.html);
        assert_eq!(scan_headings("## Fn 1\n")[0].id, "fn-1-1");
    }

    #[test]
    fn braces_that_are_not_an_id_or_a_class_stay_in_the_heading() {
        let (r, _) = run("# Version {1.0}\n\n## Titre {#mon-id}\n");
        assert!(r.html.contains(">Version {1.0}</h1>"), "{}", r.html);
        assert_eq!(r.headings[0].text, "Version {1.0}");
        assert_eq!(r.headings[0].id, "version-1-0");
        assert_eq!(r.headings[1].id, "mon-id");
        assert_eq!(scan_headings("# Version {1.0}\n")[0].id, "version-1-0");
    }

    #[test]
    fn french_typography_leaves_character_references_and_alt_text_alone() {
        let (r, _) = run_in("Écrire \\&ouml; ici ; et ![Carte : Togo](c.png)\n", true);
        assert!(r.html.contains("&amp;ouml; ici\u{202f};"), "{}", r.html);
        assert!(r.html.contains("alt=\"Carte : Togo\""), "{}", r.html);
    }

    #[test]
    fn raw_html_nested_deep_on_one_line_is_refused() {
        let body = "<div>".repeat(30_000) + &"</div>".repeat(30_000) + "\n";
        let (_, d) = run(&body);
        assert!(
            d.iter().any(|d| d.message.contains("nests more than")),
            "{d:?}"
        );
    }

    #[test]
    fn thousands_of_identical_headings_take_linear_time() {
        let body = "## Même titre\n\n".repeat(12_000);
        let start = std::time::Instant::now();
        let h = scan_headings(&body);
        assert_eq!(h[11_999].id, "meme-titre-11999");
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }

    fn run_in(body: &str, french: bool) -> (Rendered, Vec<Diagnostic>) {
        let text = format!("---\ntitle: x\n---\n{body}");
        let input = Input {
            file: "a.md",
            file_text: &text,
            body: 16..text.len(),
            allow_raw_html: false,
            french,
            labels: &Labels {
                table: "Table".into(),
                footnote_back: "Back to the reference".into(),
                ..Labels::default()
            },
            html: true,
        };
        let (r, d) = render(&input, &Fake);
        (r, d)
    }

    #[test]
    fn without_html_the_diagnostics_headings_and_links_are_the_same() {
        let body = "## Défis\n\nSee [a](@/practices/a) and [z](@/practices/zz).\n\n```rust\nfn x() {}\n```\n\n<script>x</script>\n\n## Défis\n";
        let text = format!("---\ntitle: x\n---\n{body}");
        let labels = Labels::default();
        let input = |html| Input {
            file: "a.md",
            file_text: &text,
            body: 16..text.len(),
            allow_raw_html: false,
            french: true,
            labels: &labels,
            html,
        };
        let (full, full_diags) = render(&input(true), &Fake);
        let (lean, lean_diags) = render(&input(false), &Fake);
        assert!(lean.html.is_empty());
        assert!(!full.html.is_empty());
        assert_eq!(lean.headings, full.headings);
        assert_eq!(lean.links, full.links);
        assert_eq!(lean_diags.len(), 2, "{lean_diags:?}");
        let place = |d: &Vec<Diagnostic>| {
            d.iter()
                .map(|d| (d.message.clone(), d.span.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(place(&lean_diags), place(&full_diags));
    }

    #[test]
    fn french_text_gets_narrow_spaces_but_code_links_and_attributes_do_not() {
        let body = "## Pourquoi ?\n\nLe « pacte » : *oui* ! Voir [ici](https://e.org/?a=1 \"Titre : x\").\n\n`a ? b : c` et <https://e.org/x?y>\n\n```\nx ? y : z\n```\n";
        let (r, _) = run_in(body, true);
        let n = '\u{202f}';
        assert!(r.html.contains(&format!("Pourquoi{n}?</h2>")), "{}", r.html);
        assert_eq!(r.headings[0].text, format!("Pourquoi{n}?"));
        assert!(r.html.contains(&format!("«{n}pacte{n}»{n}:")), "{}", r.html);
        assert!(r.html.contains(&format!("</em>{n}!")), "{}", r.html);
        assert!(
            r.html
                .contains("href=\"https://e.org/?a=1\" title=\"Titre : x\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("<code>a ? b : c</code>"), "{}", r.html);
        assert!(r.html.contains(">https://e.org/x?y</a>"), "{}", r.html);
        assert!(r.html.contains("x ? y : z"), "{}", r.html);
        let (en, _) = run_in("Why ? Because : yes", false);
        assert!(!en.html.contains(n));
    }

    #[test]
    fn headings_get_ids_and_are_unique() {
        let (r, _) = run("## Défis communs\n\n## Défis communs\n\n## Own {#mine}\n");
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, vec!["defis-communs", "defis-communs-1", "mine"]);
        assert!(r.html.contains("<h2 id=\"defis-communs\">"));
        assert_eq!(
            scan_headings("## Défis communs\n\n## Défis communs\n"),
            r.headings[..2].to_vec()
        );
    }

    #[test]
    fn at_links_resolve_fall_back_and_fail_with_place() {
        let (r, d) =
            run("See [A](@/practices/a) and [B](@/practices/b).\n\nAnd [C](@/practices/zz).\n");
        assert!(
            r.html.contains("<a href=\"/fr/pratiques/a/\">A</a>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("hreflang=\"en\""));
        assert!(r.html.contains("(EN)"));
        assert_eq!(d.len(), 1);
        let s = d[0].span.as_ref().expect("span");
        assert_eq!((s.line, s.column), (6, 9));
    }

    #[test]
    fn raw_html_is_sanitised_and_what_goes_is_named() {
        let (r, d) = run("<script>alert(1)</script>\n\nhi <b onclick=x>b</b>\n");
        assert_eq!(r.html, "\n<p>hi <b>b</b></p>\n");
        let got: Vec<(usize, usize, &str)> = d
            .iter()
            .map(|d| {
                let s = d.span.as_ref().expect("span");
                (s.line, s.column, d.message.as_str())
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (4, 1, "the HTML tag `<script>` is not allowed in the text"),
                (
                    6,
                    7,
                    "the HTML attribute `onclick` is not allowed in the text"
                ),
            ]
        );
    }

    #[test]
    fn links_and_images_to_script_or_data_addresses_are_refused() {
        let (r, d) =
            run("[a](javascript:alert(1)) ![b](data:image/png;base64,AA) [c](https://e.org)\n");
        assert_eq!(
            r.html,
            "<p><a href=\"#\">a</a> <img src=\"#\" alt=\"b\"> <a href=\"https://e.org\">c</a></p>\n"
        );
        let got: Vec<(usize, usize, &str)> = d
            .iter()
            .map(|d| {
                let s = d.span.as_ref().expect("span");
                (s.line, s.column, d.message.as_str())
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (4, 5, "`javascript:` links are not allowed"),
                (4, 31, "`data:` links are not allowed"),
            ]
        );
    }

    #[test]
    fn nesting_past_the_limit_is_refused_at_its_place() {
        let (_, d) = run(&format!("{}x\n", ">".repeat(MAX_NESTING + 50)));
        assert_eq!(d.len(), 1);
        let s = d[0].span.as_ref().expect("span");
        assert_eq!(d[0].message, "the text nests more than 100 levels deep");
        assert_eq!(s.line, 4);
        let (_, d) = run(&format!("{}x\n", "<div>".repeat(MAX_NESTING + 1)));
        assert_eq!(d[0].message, "the text nests more than 100 levels deep");
        let (r, d) = run(&format!("{}x{}\n", "<div>".repeat(40), "</div>".repeat(40)));
        assert!(d.is_empty(), "{d:?}");
        assert!(r.html.contains("x"));
    }

    #[test]
    fn past_the_budget_code_is_plain() {
        // Plain text: the cheapest syntax to colour, to keep the test quick.
        let block = format!("```txt\n{}```\n\n", "ab\n".repeat(MAX_HIGHLIGHTED / 3));
        let (r, _) = run(&format!("{block}{block}"));
        let first = r.html.find("</pre>").expect("a block");
        assert!(r.html[..first].contains("hl-"));
        assert!(!r.html[first..].contains("hl-"));
    }

    #[test]
    fn table_alignment_is_a_class_not_a_style() {
        let (r, _) = run("| a | b |\n|:-:|--:|\n| 1 | 2 |\n");
        assert_eq!(
            r.html,
            "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table\"><table><thead><tr><th class=\"align-center\">a</th><th class=\"align-right\">b</th></tr></thead><tbody>\n\
             <tr><td class=\"align-center\">1</td><td class=\"align-right\">2</td></tr>\n</tbody></table>\n</div>\n"
        );
    }

    #[test]
    fn tables_footnotes_and_smart_quotes() {
        let (r, _) = run("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1] \"quoted\"\n\n[^1]: note\n");
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("footnote"));
        assert!(r.html.contains("“quoted”"));
    }
}
