//! The render pass: events from pulldown-cmark, rewritten where the hub
//! needs more than CommonMark (heading ids, `@/` links, code, raw HTML).

use std::collections::BTreeSet;

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html,
};

use super::{ResolveLink, highlight, slugify};
use crate::diag::{Diagnostic, Span};

/// The body of one file: where it sits in the file, for diagnostics.
pub struct Input<'a> {
    pub file: &'a str,
    pub file_text: &'a str,
    pub body: std::ops::Range<usize>,
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
    /// Plain text of the body, for summaries when none is given.
    pub word_count: usize,
}

fn options() -> Options {
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
    let mut ids = BTreeSet::new();
    let mut current: Option<(u8, Option<String>, String)> = None;
    for event in Parser::new_ext(body, options()) {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                current = Some((level_num(level), id.map(|i| i.to_string()), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, id, text)) = current.take() {
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

fn unique_id(base: String, taken: &mut BTreeSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 1;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// Renders a body. Every `@/` link that does not resolve is a diagnostic
/// at the link's own place in the file.
pub fn render(input: &Input<'_>, resolver: &dyn ResolveLink) -> (Rendered, Vec<Diagnostic>) {
    let body = &input.file_text[input.body.clone()];
    let mut diags = Vec::new();
    let mut out = Rendered::default();
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut ids = BTreeSet::new();
    // Index in `events` of the open heading, and its text so far.
    let mut heading: Option<(usize, String)> = None;
    let mut code: Option<(Option<String>, String)> = None;
    // Whether the link being closed was rewritten into raw HTML.
    let mut link_stack: Vec<Option<String>> = Vec::new();

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                heading = Some((events.len(), String::new()));
                events.push(event);
            }
            Event::End(TagEnd::Heading(level)) => {
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
                if let Some((lang, text)) = code.take() {
                    events.push(Event::Html(
                        highlight::code_block(lang.as_deref(), &text).into(),
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
                match resolver.resolve(&target) {
                    Ok(r) => {
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
                    Err(e) => {
                        let start = input.body.start + range.start;
                        let span = link_span(input, start, range.end + input.body.start, &dest_url);
                        let mut d = Diagnostic::error(e.message).at(span);
                        d.label = e.label;
                        d.help = e.help;
                        diags.push(d);
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
            Event::Start(Tag::Link { .. }) => {
                link_stack.push(None);
                events.push(event);
            }
            Event::End(TagEnd::Link) => match link_stack.pop().flatten() {
                Some(close) => events.push(Event::InlineHtml(close.into())),
                None => events.push(event),
            },
            // Raw HTML is shown as text until an allow-list sanitiser is in
            // place: an editor's `<script>` must never run on the hub.
            Event::Html(h) | Event::InlineHtml(h) => {
                events.push(Event::Text(h));
            }
            Event::Text(t) => {
                if let Some((_, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
                out.word_count += t.split_whitespace().count();
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
    html::push_html(&mut out.html, events.into_iter());
    (out, diags)
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

pub(crate) fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
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
        let text = format!("---\ntitle: x\n---\n{body}");
        let input = Input {
            file: "a.md",
            file_text: &text,
            body: 16..text.len(),
        };
        let (r, d) = render(&input, &Fake);
        (r, d)
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
    fn raw_html_is_not_live() {
        let (r, _) = run("<script>alert(1)</script>\n\nhi <b onclick=x>b</b>\n");
        assert!(!r.html.contains("<script"));
        assert!(!r.html.contains("<b "));
    }

    #[test]
    fn tables_footnotes_and_smart_quotes() {
        let (r, _) = run("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1] \"quoted\"\n\n[^1]: note\n");
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("footnote"));
        assert!(r.html.contains("“quoted”"));
    }
}
