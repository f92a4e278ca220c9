//! What the search index holds for one language: a record per entity
//! version in that language, with its text, what a result shows (title,
//! kind, date) and its facets (kind, country, theme, organisation, year),
//! all read from the site model in the language's words. Knows nothing
//! of Pagefind.
//!
//! Only versions written in the language are indexed: a French search
//! finds French pages, stemmed as French. An entity not yet translated is
//! still found from its own language's search page.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::text::plain;
use crate::frontmatter::Fields;
use crate::kind::Kind;
use crate::lang::{Lang, sort_key};
use crate::site::{Entity, EntityKey, Site, Version};
use crate::theme::{Strings, format_date};

/// The facets, by the names the search page uses in its URL and filters.
pub const FILTERS: [&str; 5] = ["kind", "country", "theme", "organisation", "year"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The page's address as a link on this site (`/fr/pratiques/x/`).
    pub url: String,
    /// The searchable text: summary, body, then the names of its
    /// countries and organisations, so a search for "réintégration
    /// Cameroun" finds a fiche about reintegration carried out in Cameroon.
    /// Theme names are left out: long and shared by many pages, they would
    /// swell the index for what the theme filter already does.
    pub content: String,
    /// `title`, `kind` and, for meetings, `date`: what a result shows.
    pub meta: BTreeMap<String, String>,
    /// Facet name → the values of this page, in the language's words.
    pub filters: BTreeMap<String, Vec<String>>,
}

/// The records of `lang`, in the site's order, `size` at a time, each
/// batch made side by side: the index takes them as they come, so a
/// language's records are never all held at once.
pub fn batches<'s>(
    site: &'s Site,
    strings: &'s Strings,
    lang: &'s Lang,
    size: usize,
) -> impl Iterator<Item = Vec<Record>> + 's {
    let versions: Vec<(&Entity, &Version)> = site
        .entities
        .values()
        .filter_map(|e| e.versions.get(lang).map(|v| (e, v)))
        .collect();
    let mut rest = versions.into_iter();
    std::iter::from_fn(move || {
        let batch: Vec<(&Entity, &Version)> = rest.by_ref().take(size.max(1)).collect();
        (!batch.is_empty()).then(|| {
            batch
                .into_par_iter()
                .map(|(e, v)| record(site, strings, e, v))
                .collect()
        })
    })
}

fn record(site: &Site, strings: &Strings, e: &Entity, v: &Version) -> Record {
    let lang = &v.lang;
    let key = EntityKey {
        kind: e.kind,
        id: e.id.clone(),
    };
    let kind = strings
        .get(&format!("kind_{}", e.kind.name()))
        .cloned()
        .unwrap_or_else(|| e.kind.name().to_string());
    let countries = labels(
        countries(site, &key)
            .iter()
            .filter_map(|k| site.link(Kind::Country, &k.id, lang))
            .map(|l| l.version.common.title.clone()),
    );
    let term = |table: &BTreeMap<String, crate::config::Localized>, id: &String| {
        table
            .get(id)
            .and_then(|l| l.get(lang))
            .cloned()
            .unwrap_or_else(|| id.clone())
    };
    let themes = labels(
        v.common
            .themes
            .iter()
            .map(|id| term(&site.config.themes, id)),
    );
    let organisations = labels(
        site.graph
            .terms_of(crate::kind::Taxonomy::Organisations, &key)
            .map(|id| term(&site.config.organisations, id)),
    );
    let years: Vec<String> = years(v).into_iter().map(|y| y.to_string()).collect();

    let mut content = String::new();
    for part in [
        v.common.summary.clone().unwrap_or_default(),
        plain(&v.html),
        countries.join(", "),
        organisations.join(", "),
    ] {
        sentence(&mut content, &part);
    }

    let mut meta = BTreeMap::new();
    meta.insert("title".to_string(), v.common.title.clone());
    meta.insert("kind".to_string(), kind.clone());
    if let (Kind::Meeting, Some(d)) = (e.kind, &v.common.date) {
        meta.insert("date".to_string(), format_date(d, strings));
    }

    let mut filters = BTreeMap::new();
    for (name, values) in [
        ("kind", vec![kind]),
        ("country", countries),
        ("theme", themes),
        ("organisation", organisations),
        ("year", years),
    ] {
        if !values.is_empty() {
            filters.insert(name.to_string(), values);
        }
    }
    Record {
        url: site.url(&v.path),
        content,
        meta,
        filters,
    }
}

/// Appends `part` as a sentence: excerpts then read as text, and the last
/// word of one part never joins the first of the next.
fn sentence(content: &mut String, part: &str) {
    let part = part.trim();
    if part.is_empty() {
        return;
    }
    if !content.is_empty() {
        content.push(' ');
    }
    content.push_str(part);
    if !part.ends_with(['.', '!', '?', ':', ';']) {
        content.push('.');
    }
}

/// Labels without duplicates, in the language's alphabetical order.
fn labels(it: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = it.collect::<BTreeSet<_>>().into_iter().collect();
    v.sort_by_cached_key(|l| sort_key(l));
    v
}

/// The countries a page is about: where a meeting took place, who chaired
/// or attended it; where a practice runs; for a challenge or a
/// recommendation, the countries of the practices and meetings behind it
/// (as their pages list them); a country is about itself.
fn countries(site: &Site, key: &EntityKey) -> BTreeSet<EntityKey> {
    let g = &site.graph;
    match key.kind {
        Kind::Meeting => ["location", "chairs", "countries"]
            .into_iter()
            .flat_map(|f| g.targets(key, f))
            .collect(),
        Kind::Practice => g.targets(key, "countries"),
        Kind::Country => BTreeSet::from([key.clone()]),
        Kind::Challenge => g
            .lists(key, &site.entities)
            .remove("countries")
            .unwrap_or_default(),
        Kind::Recommendation => {
            let lists = g.lists(key, &site.entities);
            let practices = lists.get("practices").into_iter().flatten();
            let meetings = lists.get("meetings").into_iter().flatten();
            practices
                .flat_map(|p| g.targets(p, "countries"))
                .chain(meetings.flat_map(|m| g.targets(m, "location")))
                .collect()
        }
        Kind::Page => BTreeSet::new(),
    }
}

/// The years a page belongs to: a meeting's days, a practice's period
/// (its start alone while it runs), otherwise the year of `date` if any.
fn years(v: &Version) -> Vec<i32> {
    let date = v.common.date.as_ref().map(|d| d.year);
    match &v.fields {
        Fields::Meeting(m) => match date {
            Some(start) => {
                let end = m.end_date.as_ref().map_or(start, |d| d.year).max(start);
                (start..=end).collect()
            }
            None => Vec::new(),
        },
        Fields::Practice(p) => match &p.period {
            Some(period) => {
                let start = i32::from(period.start);
                let end = period.end.map_or(start, i32::from).max(start);
                (start..=end).collect()
            }
            None => date.into_iter().collect(),
        },
        _ => date.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::sentence;

    #[test]
    fn parts_become_sentences() {
        let mut s = String::new();
        sentence(&mut s, "Un appui");
        sentence(&mut s, "  ");
        sentence(&mut s, "Cameroun, Togo");
        sentence(&mut s, "Fin.");
        assert_eq!(s, "Un appui. Cameroun, Togo. Fin.");
    }
}
