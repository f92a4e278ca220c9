//! Front matter as editors write it, for rabat-hub or for Hugo. The two
//! differ only where Hugo reserves a name (`type` picks a layout there) or
//! where its taxonomies need one (`challenges` for what a recommendation
//! addresses, so the challenge's term page lists it).

use std::fmt::Write as _;

use super::countries::COUNTRIES;
use super::plan::{Entity, Fields, Kind, LANGS, Plan};
use super::words::MEETING_TYPES;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Rabat,
    Hugo,
}

/// A YAML double-quoted string.
pub fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// An id in a YAML list: two-letter country codes are quoted, since a YAML
/// 1.1 reader (Hugo's) reads a bare `no` (Norway) as false.
fn id(s: &str) -> String {
    if s.len() == 2 {
        quote(s)
    } else {
        s.to_string()
    }
}

struct Fm(String);

impl Fm {
    fn line(&mut self, key: &str, value: impl std::fmt::Display) {
        let _ = writeln!(self.0, "{key}: {value}");
    }

    /// A list of ids: on one line when short, one per line otherwise, as
    /// the hub's editors do.
    fn ids<'a>(&mut self, key: &str, ids: impl IntoIterator<Item = &'a str>) {
        let ids: Vec<String> = ids.into_iter().map(id).collect();
        if ids.is_empty() {
            return;
        }
        if ids.len() <= 4 {
            let _ = writeln!(self.0, "{key}: [{}]", ids.join(", "));
        } else {
            let _ = writeln!(self.0, "{key}:");
            for i in ids {
                let _ = writeln!(self.0, "  - {i}");
            }
        }
    }
}

/// The whole file of one language version: front matter, then `body`.
pub fn document(plan: &Plan, e: &Entity, lang: usize, dialect: Dialect, body: &str) -> String {
    let hugo = dialect == Dialect::Hugo;
    let ids =
        |v: &[usize]| -> Vec<&str> { v.iter().map(|i| plan.entities[*i].id.as_str()).collect() };
    let mut f = Fm(String::with_capacity(1_500 + body.len()));
    f.0.push_str("---\n");
    f.line("title", quote(&e.title[lang]));
    f.line("summary", quote(&e.summary[lang]));
    if let Fields::Meeting(m) = &e.fields {
        f.line("date", m.date);
    }
    if let Some(u) = e.updated {
        f.line(if hugo { "lastmod" } else { "updated" }, u);
    }
    if e.draft {
        f.line("draft", true);
    }
    f.ids(
        "themes",
        e.themes.iter().map(|t| plan.themes[*t].id.as_str()),
    );
    if e.alias {
        f.line(
            "aliases",
            format!("[/{}/archive/{}-{}/]", LANGS[lang], e.kind.folder(), e.id),
        );
    }
    if e.slug {
        f.line("slug", format!("{}-{}", e.id, ["fiche", "sheet"][lang]));
    }
    let orgs = |v: &[usize]| -> Vec<&str> {
        v.iter()
            .map(|i| plan.organisations[*i].id.as_str())
            .collect()
    };
    match &e.fields {
        Fields::Meeting(m) => {
            f.line(
                if hugo { "meeting_type" } else { "type" },
                MEETING_TYPES[m.ty].0,
            );
            if let Some(d) = m.end_date {
                f.line("end_date", d);
            }
            match (m.location, hugo) {
                (None, false) => f.line("location", "online"),
                (None, true) => f.line("online", true),
                (Some((city, c)), _) => f.line(
                    "location",
                    format!(
                        "{{ city: {}, country: {} }}",
                        quote(city),
                        id(&plan.entities[c].id)
                    ),
                ),
            }
            f.ids("chairs", ids(&m.chairs));
            f.ids("countries", ids(&m.countries));
            f.ids("organisations", orgs(&m.organisations));
            f.ids("challenges", ids(&m.challenges));
            f.ids("recommendations", ids(&m.recommendations));
            f.ids("practices", ids(&m.practices));
            if !m.documents.is_empty() {
                f.0.push_str("documents:\n");
                for d in &m.documents {
                    let (key, value) = match (&d.file, &d.url) {
                        (Some(file), _) => ("file", file.clone()),
                        (None, url) => ("url", quote(url.as_deref().unwrap_or_default())),
                    };
                    let _ = writeln!(
                        f.0,
                        "  - {{ title: {}, {key}: {value} }}",
                        quote(&d.title[lang])
                    );
                }
            }
        }
        Fields::Practice(p) => {
            f.ids("countries", ids(&p.countries));
            f.ids("organisations", orgs(&p.organisations));
            match p.period {
                Some((start, Some(end))) => {
                    f.line("period", format!("{{ start: {start}, end: {end} }}"))
                }
                Some((start, None)) => f.line("period", format!("{{ start: {start} }}")),
                None => {}
            }
            if let Some(s) = p.status {
                f.line("status", s);
            }
            f.ids("challenges", ids(&p.challenges));
            f.ids("recommendations", ids(&p.recommendations));
            f.ids("meetings", ids(&p.meetings));
        }
        Fields::Country(c, focal) => {
            let (_, _, _, region, status) = COUNTRIES[*c];
            f.line("region", region);
            f.line("status", status);
            if let Some(fp) = focal {
                f.line("focal_point", quote(&fp[lang]));
            }
        }
        Fields::Challenge { related } => f.ids("related", ids(related)),
        Fields::Recommendation { addresses, actors } => {
            f.ids(
                if hugo { "challenges" } else { "addresses" },
                ids(addresses),
            );
            f.ids("actors", actors.iter().copied());
        }
        Fields::Page => {}
    }
    f.0.push_str("---\n\n");
    f.0.push_str(body);
    f.0
}

/// Where a version's text goes under `content/`.
pub fn content_path(e: &Entity, lang: usize, dialect: Dialect) -> String {
    let l = LANGS[lang];
    let folder = e.kind.folder();
    // In Hugo, a country or a challenge is the term page of its taxonomy.
    let term = dialect == Dialect::Hugo && matches!(e.kind, Kind::Country | Kind::Challenge);
    if term {
        format!("{folder}/{}/_index.{l}.md", e.id)
    } else if e.bundle {
        format!("{folder}/{}/index.{l}.md", e.id)
    } else {
        format!("{folder}/{}.{l}.md", e.id)
    }
}

/// The text of a list page (`_index`): a title, a summary, a paragraph.
pub fn index_page(title: &str, summary: &str, text: &str) -> String {
    format!(
        "---\ntitle: {}\nsummary: {}\n---\n\n{text}\n",
        quote(title),
        quote(summary)
    )
}
