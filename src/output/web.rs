//! What links the site to the rest of the web: an Atom feed per language
//! (meetings and practices), `sitemap.xml` with each page's translations,
//! `robots.txt`, and the schema.org JSON-LD of entity pages. Dates come
//! from the entities, never from the clock, so two builds agree.

use std::collections::BTreeMap;

use serde_json::json;

use super::plan::Data;
use super::{Artifact, Content};
use crate::escape::xml as esc;
use crate::frontmatter::Fields;
use crate::frontmatter::types::{Date, Location};
use crate::kind::{Kind, Taxonomy};
use crate::lang::Lang;
use crate::site::{Entity, Site, Version};
use crate::theme::Views;

pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";

/// Makes one of the data files of the plan.
pub fn data(views: &Views<'_>, data: Data<'_>, path: &str) -> Artifact {
    let site = views.site;
    let text = match data {
        Data::Graph(l) => return super::graph::graph_json(site, l),
        Data::Editor(name) => {
            let bytes = crate::cms::published_file(&site.config, &views.theme.strings, name);
            return Artifact {
                path: path.to_string(),
                content: Content::Bytes(bytes),
            };
        }
        Data::Feed(l) => {
            let title = format!(
                "{} — {}",
                site.config.title.get(l).map_or("", String::as_str),
                views.word(l, "feed_title")
            );
            atom(site, l, &title)
        }
        Data::Sitemap => sitemap(site),
        Data::Robots => format!(
            "User-agent: *\nAllow: /\n{}\nSitemap: {}\n",
            // The web editor is for the secretariat, not for search engines.
            if site.config.cms.is_some() {
                format!("Disallow: /{}\n", crate::cms::FOLDER)
            } else {
                String::new()
            },
            site.permalink(SITEMAP)
        ),
    };
    bytes(path.to_string(), text)
}

fn bytes(path: String, text: String) -> Artifact {
    Artifact {
        path,
        content: Content::Bytes(text.into_bytes()),
    }
}

/// When a version last changed, as far as the content says: `updated:`
/// or its last commit, else a meeting's own date.
fn changed(v: &Version) -> Option<Date> {
    v.updated().or(v.common.date)
}

fn stamp(d: &Date) -> String {
    format!("{}T00:00:00Z", d.iso())
}

/// The Atom feed of `lang`: its meetings and practices, newest first.
pub fn atom(site: &Site, lang: &Lang, title: &str) -> String {
    let mut entries: Vec<(&Entity, &Version, Option<Date>)> = site
        .entities
        .values()
        .filter(|e| matches!(e.kind, Kind::Meeting | Kind::Practice))
        .filter_map(|e| e.versions.get(lang).map(|v| (e, v, changed(v))))
        .collect();
    entries.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.sort_key.cmp(&b.1.sort_key)));
    // A feed needs a date: with none in the content at all, the epoch, so
    // the output stays the same from one build to the next.
    let newest = entries
        .iter()
        .filter_map(|e| e.2)
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| stamp(&d));
    let home = site.permalink(&Site::home_path(lang));
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n"
    ));
    x.push_str(&format!("<title>{}</title>\n", esc(title)));
    x.push_str(&format!(
        "<id>{}</id>\n",
        esc(&site.permalink(&Site::feed_path(lang)))
    ));
    x.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        esc(&site.permalink(&Site::feed_path(lang)))
    ));
    x.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        esc(&home)
    ));
    x.push_str(&format!("<updated>{newest}</updated>\n"));
    let site_title = site.config.title.get(lang).cloned().unwrap_or_default();
    x.push_str(&format!(
        "<author><name>{}</name></author>\n",
        esc(&site_title)
    ));
    for (_, v, d) in &entries {
        let url = site.permalink(&v.path);
        let updated = d.map_or_else(|| newest.clone(), |d| stamp(&d));
        x.push_str("<entry>\n");
        x.push_str(&format!("  <title>{}</title>\n", esc(&v.common.title)));
        x.push_str(&format!("  <id>{}</id>\n", esc(&url)));
        x.push_str(&format!(
            "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            esc(&url)
        ));
        x.push_str(&format!("  <updated>{updated}</updated>\n"));
        if let Some(s) = &v.common.summary {
            x.push_str(&format!("  <summary>{}</summary>\n", esc(s)));
        }
        x.push_str("</entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// Every page a search engine should know, each with its translations
/// (`xhtml:link rel="alternate" hreflang`), entity pages with `lastmod`.
pub fn sitemap(site: &Site) -> String {
    let langs = &site.config.languages;
    // Each group is one page in its languages.
    let mut groups: Vec<(BTreeMap<&Lang, String>, Option<Date>)> = Vec::new();
    let every = |f: &dyn Fn(&Lang) -> String| -> BTreeMap<&Lang, String> {
        langs.iter().map(|l| (l, f(l))).collect()
    };
    groups.push((every(&Site::home_path), None));
    for k in Kind::ALL {
        groups.push((every(&|l| site.list_path(k, l)), None));
    }
    for t in Taxonomy::ALL {
        groups.push((every(&|l| Site::taxonomy_path(t, l, None)), None));
        for id in site.config.terms(t).keys() {
            groups.push((every(&|l| Site::taxonomy_path(t, l, Some(id))), None));
        }
    }
    groups.push((every(&Site::matrix_path), None));
    for e in site.entities.values() {
        let paths = e
            .versions
            .iter()
            .map(|(l, v)| (l, v.path.clone()))
            .collect();
        let newest = e.versions.values().filter_map(changed).max();
        groups.push((paths, newest));
    }
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for (paths, date) in &groups {
        for path in paths.values() {
            x.push_str("<url>\n");
            x.push_str(&format!("  <loc>{}</loc>\n", esc(&site.permalink(path))));
            if let Some(d) = date {
                x.push_str(&format!("  <lastmod>{}</lastmod>\n", d.iso()));
            }
            if paths.len() > 1 {
                for (l, p) in paths {
                    x.push_str(&format!(
                        "  <xhtml:link rel=\"alternate\" hreflang=\"{l}\" href=\"{}\"/>\n",
                        esc(&site.permalink(p))
                    ));
                }
            }
            x.push_str("</url>\n");
        }
    }
    x.push_str("</urlset>\n");
    x
}

/// The schema.org description of an entity page: an `Event` for a
/// meeting, an `Article` for everything else. Safe inside
/// `<script type="application/ld+json">`: `<` is escaped.
pub fn json_ld(site: &Site, v: &Version) -> String {
    let url = site.permalink(&v.path);
    let site_title = site.config.title.get(&v.lang).cloned().unwrap_or_default();
    let publisher =
        json!({ "@type": "Organization", "name": site_title, "url": site.permalink("") });
    let mut value = match &v.fields {
        Fields::Meeting(m) => {
            let location = match &m.location {
                Some(Location::Place { city, country }) => json!({
                    "@type": "Place",
                    "name": city,
                    "address": { "@type": "PostalAddress", "addressLocality": city, "addressCountry": country.to_uppercase() },
                }),
                _ => json!({ "@type": "VirtualLocation", "url": url }),
            };
            let mode = match &m.location {
                Some(Location::Place { .. }) => "https://schema.org/OfflineEventAttendanceMode",
                _ => "https://schema.org/OnlineEventAttendanceMode",
            };
            json!({
                "@context": "https://schema.org",
                "@type": "Event",
                "name": v.common.title,
                "startDate": v.common.date.as_ref().map(Date::iso),
                "endDate": m.end_date.as_ref().or(v.common.date.as_ref()).map(Date::iso),
                "eventStatus": "https://schema.org/EventScheduled",
                "eventAttendanceMode": mode,
                "location": location,
                "organizer": publisher,
            })
        }
        _ => json!({
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": v.common.title,
            "dateModified": v.updated().as_ref().map(Date::iso),
            "author": publisher,
            "publisher": publisher,
        }),
    };
    if let Some(o) = value.as_object_mut() {
        o.insert("url".into(), json!(url));
        o.insert("inLanguage".into(), json!(v.lang.as_str()));
        if let Some(s) = &v.common.summary {
            o.insert("description".into(), json!(s));
        }
        o.retain(|_, v| !v.is_null());
    }
    let json = serde_json::to_vec(&value).unwrap_or_default();
    // Only UTF-8 went in, and the escapes put ASCII for ASCII.
    String::from_utf8(crate::escape::json_in_html(json)).unwrap_or_default()
}
