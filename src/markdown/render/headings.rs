//! Heading ids: unique in a page, never a footnote's, with `{…}` that is
//! not an id or a class given back to the heading's text; and the scan of
//! a body's headings alone, for `#anchor` links before any page renders.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{Heading, options};
use crate::markdown::slugify;

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

pub(super) fn level_num(level: HeadingLevel) -> u8 {
    level as u8
}

/// The ids given so far, and for each base the next number to try, so
/// that thousands of identical headings take linear time.
#[derive(Default)]
pub(super) struct Ids {
    taken: std::collections::HashSet<String>,
    next: std::collections::HashMap<String, usize>,
}

/// `fn-3` and `fnref-3` are footnotes' ids: a heading never takes one.
fn is_note_id(id: &str) -> bool {
    id.strip_prefix("fnref-")
        .or_else(|| id.strip_prefix("fn-"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

pub(super) fn unique_id(base: String, ids: &mut Ids) -> String {
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
pub(super) fn attributes_as_text(heading_source: &str, attrs_given: bool) -> Option<String> {
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
