//! The views templates see. Each page gets the common part (`PageContext`:
//! language, UI strings, navigation, translations) and its own (`entity`,
//! `list`, `home`, `languages`, `target`). Links always point into the
//! page's language, or to another language marked as such.

use serde::Serialize;

use super::dates::format_date;
use super::entity::word_of;
use super::load::{Strings, Theme};
use crate::frontmatter::Fields;
use crate::frontmatter::types::Date;
use crate::kind::{Kind, Taxonomy};
use crate::lang::{Lang, sort_key};
use crate::site::{Entity, EntityKey, LinkTo, Site, Version};
use crate::typography::for_lang;

/// The meta policy, made once.
fn meta_csp() -> &'static str {
    static POLICY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    POLICY.get_or_init(super::policy::meta_policy)
}

/// Builds views of `site` in the words of `theme`.
pub struct Views<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    /// `check` renders lists cut to this many items (the template does
    /// the same for each), keeping one in the other language if any:
    /// validating a list of thousands then costs what a short one does.
    pub sample: Option<usize>,
}

/// The indexes of `flags` a sampled list keeps: the first `limit`, and
/// the first that is set (an item shown in the other language) if none
/// of those is.
fn kept(flags: &[bool], limit: Option<usize>) -> Vec<bool> {
    let Some(limit) = limit else {
        return vec![true; flags.len()];
    };
    let mut keep: Vec<bool> = (0..flags.len()).map(|i| i < limit).collect();
    if !flags.iter().take(limit).any(|f| *f)
        && let Some(i) = flags.iter().position(|f| *f)
    {
        keep[i] = true;
    }
    keep
}

#[derive(Serialize)]
pub struct PageContext<'a> {
    pub lang: &'a str,
    pub t: &'a Strings,
    pub site: SiteView<'a>,
    pub title: String,
    pub description: String,
    /// Absolute URL of this page.
    pub canonical: String,
    pub nav: Vec<NavItem>,
    /// The cross-cutting views: themes, organisations, the matrix.
    pub explore: Vec<NavItem>,
    pub translations: Vec<TranslationView>,
    pub home_url: String,
    /// Where the header's search form goes.
    pub search_url: String,
    pub root_url: String,
    pub static_url: String,
    /// A stylesheet's or script's name → the name with its content's hash
    /// to link (`{{ page.static_url }}{{ page.assets["style.css"] }}`).
    pub assets: &'a std::collections::BTreeMap<String, String>,
    /// The Content-Security-Policy for `<meta http-equiv>`.
    pub csp: &'static str,
    /// This language's Atom feed (meetings and practices).
    pub feed_url: String,
    /// Open Graph `og:type`: `article` on entity pages, else `website`.
    pub og_type: &'static str,
    /// The schema.org description of an entity page, ready for
    /// `<script type="application/ld+json">` (`<` escaped).
    pub json_ld: Option<String>,
}

#[derive(Serialize)]
pub struct SiteView<'a> {
    /// The site's name.
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    pub tagline: &'a str,
    /// The footer's line: who publishes the hub.
    pub footer: &'a str,
    pub logo: Option<ImageView>,
    pub funders: Option<ImageView>,
    /// The footer's links to the hub's own pages (legal notice, privacy…).
    pub links: Vec<NavItem>,
}

/// An image of the site (`identity.logo`, `identity.funders`).
#[derive(Serialize)]
pub struct ImageView {
    pub url: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
}

#[derive(Serialize)]
pub struct NavItem {
    pub label: String,
    pub url: String,
    pub current: bool,
}

/// One language of the switcher: a link, or marked unavailable.
#[derive(Serialize)]
pub struct TranslationView {
    pub lang: String,
    pub name: String,
    pub url: Option<String>,
    pub permalink: Option<String>,
    pub current: bool,
}

#[derive(Serialize, Clone)]
pub struct LinkView {
    pub id: String,
    pub title: String,
    pub url: String,
    /// The language of the target when it is not the page's.
    pub lang: Option<String>,
    /// A meeting's date, written the page's way.
    pub date: Option<String>,
    pub kind: Kind,
    /// What lets a reader choose among the links, in the page's words:
    /// a meeting's type and date, a practice's countries, status and
    /// period, a country's region (the template joins them).
    pub meta: Vec<String>,
}

#[derive(Serialize)]
pub struct ItemView {
    pub id: String,
    pub title: String,
    pub url: String,
    pub summary: Option<String>,
    pub date: Option<String>,
    pub date_iso: Option<String>,
    pub lang: Option<String>,
    /// A short line under the title: a meeting's type, a country's region.
    pub meta: Option<String>,
    /// The group a list shows it in: a country's region (its id).
    pub group: Option<String>,
}

#[derive(Serialize)]
pub struct Labelled {
    pub id: String,
    pub label: String,
    /// The term's page, for themes and organisations.
    pub url: Option<String>,
}

impl<'a> Views<'a> {
    pub(super) fn t(&self, lang: &Lang) -> &'a Strings {
        self.theme.strings(lang)
    }

    /// The theme's word for `key` in `lang`; the key itself where the
    /// theme has none (the theme's loader reports a key missing in one
    /// language), so a hole on a page is visible and named.
    pub fn word(&self, lang: &Lang, key: &str) -> String {
        self.t(lang)
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    pub fn date(&self, d: &Date, lang: &Lang) -> String {
        format_date(d, self.t(lang))
    }

    /// The common part of every page in `lang` at `path`; `others` gives
    /// each language's path of the same page, if it exists there.
    pub fn page(
        &self,
        lang: &'a Lang,
        path: &str,
        title: String,
        description: Option<String>,
        current: Option<Kind>,
        others: &dyn Fn(&Lang) -> Option<String>,
    ) -> PageContext<'a> {
        let site = self.site;
        let cfg = &site.config;
        let nav = Kind::ALL
            .into_iter()
            .map(|k| NavItem {
                label: self.word(lang, &format!("nav_{}", k.folder())),
                url: site.url(&site.list_path(k, lang)),
                current: current == Some(k),
            })
            .collect();
        let explore = [
            (
                "nav_themes",
                Site::taxonomy_path(Taxonomy::Themes, lang, None),
            ),
            (
                "nav_organisations",
                Site::taxonomy_path(Taxonomy::Organisations, lang, None),
            ),
            ("nav_matrix", Site::matrix_path(lang)),
        ]
        .into_iter()
        .map(|(key, p)| NavItem {
            label: self.word(lang, key),
            current: p == path,
            url: site.url(&p),
        })
        .collect();
        let translations = cfg
            .languages
            .iter()
            .map(|l| {
                let p = if l == lang {
                    Some(path.to_string())
                } else {
                    others(l)
                };
                TranslationView {
                    lang: l.to_string(),
                    name: self.word(l, "language_name"),
                    url: p.as_ref().map(|p| site.url(p)),
                    permalink: p.as_ref().map(|p| site.permalink(p)),
                    current: l == lang,
                }
            })
            .collect();
        let site_description = cfg.description.get(lang).map_or("", String::as_str);
        let id = &cfg.identity;
        let image = |i: &crate::config::Image| ImageView {
            url: site.url(&i.file),
            alt: i.alt.get(lang).cloned().unwrap_or_default(),
            width: i.width,
            height: i.height,
        };
        let links = id
            .links
            .iter()
            .filter_map(|(page, _)| site.link(Kind::Page, page, lang))
            .map(|l| NavItem {
                label: for_lang(l.version.lang.as_str(), &l.version.common.title),
                url: site.url(&l.version.path),
                current: l.version.path == path,
            })
            .collect();
        PageContext {
            lang: lang.as_str(),
            t: self.t(lang),
            site: SiteView {
                title: cfg.title.get(lang).map_or("", String::as_str),
                description: site_description,
                base_url: cfg.base_url.as_str(),
                tagline: id.tagline.get(lang).map_or("", String::as_str),
                footer: id.footer.get(lang).map_or("", String::as_str),
                logo: id.logo.as_ref().map(image),
                funders: id.funders.as_ref().map(image),
                links,
            },
            title: for_lang(lang.as_str(), &title),
            description: description.unwrap_or_else(|| site_description.to_string()),
            canonical: site.permalink(path),
            nav,
            explore,
            translations,
            home_url: site.url(&Site::home_path(lang)),
            search_url: site.url(&Site::search_path(lang)),
            root_url: site.url(""),
            static_url: site.url(""),
            assets: &self.theme.assets,
            csp: meta_csp(),
            feed_url: site.url(&Site::feed_path(lang)),
            og_type: "website",
            json_ld: None,
        }
    }

    pub fn link(&self, l: &LinkTo<'_>, lang: &Lang) -> LinkView {
        let date = match l.entity.kind {
            Kind::Meeting => l.version.common.date.as_ref().map(|d| self.date(d, lang)),
            _ => None,
        };
        LinkView {
            id: l.entity.id.clone(),
            title: for_lang(l.version.lang.as_str(), &l.version.common.title),
            url: self.site.url(&l.version.path),
            lang: (&l.version.lang != lang).then(|| l.version.lang.to_string()),
            meta: self.link_meta(&l.version.fields, date.as_deref(), lang),
            date,
            kind: l.entity.kind,
        }
    }

    /// The facts a link to a version of these fields shows beside it.
    fn link_meta(&self, fields: &Fields, date: Option<&str>, lang: &Lang) -> Vec<String> {
        let mut meta = Vec::new();
        match fields {
            Fields::Meeting(m) => {
                meta.extend(word_of(self, lang, "meeting_type", &m.r#type));
                meta.extend(date.map(str::to_string));
            }
            Fields::Practice(p) => {
                let names = self.country_names(&p.countries, lang);
                if !names.is_empty() {
                    meta.push(names.join(", "));
                }
                meta.extend(
                    p.status
                        .as_ref()
                        .and_then(|s| word_of(self, lang, "practice_status", s)),
                );
                if let Some(period) = &p.period {
                    meta.push(match period.end {
                        Some(end) if end != period.start => format!("{}–{end}", period.start),
                        Some(_) => period.start.to_string(),
                        None => format!("{} – {}", period.start, self.word(lang, "period_open")),
                    });
                }
            }
            Fields::Country(c) => meta.extend(word_of(self, lang, "region", &c.region)),
            _ => {}
        }
        meta
    }

    /// The titles of these countries in `lang` (or the language they
    /// exist in), alphabetically.
    fn country_names(&self, ids: &[String], lang: &Lang) -> Vec<String> {
        let mut names: Vec<((String, String), String)> = ids
            .iter()
            .filter_map(|id| self.site.link(Kind::Country, id, lang))
            .map(|l| {
                let title = for_lang(l.version.lang.as_str(), &l.version.common.title);
                (l.version.sort_key.clone(), title)
            })
            .collect();
        names.sort();
        names.into_iter().map(|(_, t)| t).collect()
    }

    /// Links to `keys` in `lang`: meetings newest first, the rest by title.
    pub fn link_list<'k>(
        &self,
        keys: impl IntoIterator<Item = &'k EntityKey>,
        lang: &Lang,
    ) -> Vec<LinkView> {
        let mut v: Vec<LinkTo<'_>> = keys
            .into_iter()
            .filter_map(|k| self.site.link(k.kind, &k.id, lang))
            .collect();
        v.sort_by(|a, b| {
            b.version
                .common
                .date
                .cmp(&a.version.common.date)
                .then_with(|| a.version.sort_key.cmp(&b.version.sort_key))
        });
        let other: Vec<bool> = v.iter().map(|l| &l.version.lang != lang).collect();
        v.iter()
            .zip(kept(&other, self.sample))
            .filter(|(_, keep)| *keep)
            .map(|(l, _)| self.link(l, lang))
            .collect()
    }

    /// Theme or organisation labels in `lang`, linked to their pages.
    pub fn labels<'i>(
        &self,
        taxonomy: Taxonomy,
        ids: impl IntoIterator<Item = &'i String>,
        lang: &Lang,
    ) -> Vec<Labelled> {
        let table = self.site.config.terms(taxonomy);
        let mut v: Vec<Labelled> = ids
            .into_iter()
            .map(|id| Labelled {
                id: id.clone(),
                label: table
                    .get(id)
                    .and_then(|l| l.get(lang))
                    .cloned()
                    .unwrap_or_else(|| id.clone()),
                url: Some(
                    self.site
                        .url(&Site::taxonomy_path(taxonomy, lang, Some(id))),
                ),
            })
            .collect();
        v.sort_by_cached_key(|l| sort_key(&l.label));
        v
    }

    /// The items of a kind's list in `lang`: every entity of the kind,
    /// in the page's language where it exists, marked where it does not.
    pub fn items(&self, kind: Kind, lang: &Lang) -> Vec<ItemView> {
        let mut versions: Vec<(&Entity, &Version, bool)> = self
            .site
            .of_kind(kind)
            .filter_map(|e| {
                let (v, fallback) = e.version_for(lang, &self.site.config.languages)?;
                Some((e, v, fallback))
            })
            .collect();
        // Meetings newest first, the rest by title; the title breaks ties
        // the same way everywhere.
        if kind == Kind::Meeting {
            versions.sort_by(|a, b| {
                b.1.common
                    .date
                    .cmp(&a.1.common.date)
                    .then_with(|| a.1.sort_key.cmp(&b.1.sort_key))
            });
        } else {
            versions.sort_by(|a, b| a.1.sort_key.cmp(&b.1.sort_key));
        }
        let fallbacks: Vec<bool> = versions.iter().map(|(_, _, f)| *f).collect();
        versions
            .into_iter()
            .zip(kept(&fallbacks, self.sample))
            .filter(|(_, keep)| *keep)
            .map(|((e, v, fallback), _)| {
                let meta = match &v.fields {
                    Fields::Meeting(m) => word_of(self, lang, "meeting_type", &m.r#type),
                    Fields::Country(c) => word_of(self, lang, "region", &c.region),
                    Fields::Practice(_) => {
                        let meta = self.link_meta(&v.fields, None, lang);
                        (!meta.is_empty()).then(|| meta.join(" · "))
                    }
                    _ => None,
                };
                let group = match &v.fields {
                    Fields::Country(c) => serde_json::to_value(c.region)
                        .ok()
                        .and_then(|r| r.as_str().map(str::to_string)),
                    _ => None,
                };
                ItemView {
                    group,
                    id: e.id.clone(),
                    title: for_lang(v.lang.as_str(), &v.common.title),
                    url: self.site.url(&v.path),
                    summary: v
                        .common
                        .summary
                        .as_deref()
                        .map(|s| for_lang(v.lang.as_str(), s)),
                    date: v.common.date.as_ref().map(|d| self.date(d, lang)),
                    date_iso: v.common.date.as_ref().map(Date::iso),
                    lang: fallback.then(|| v.lang.to_string()),
                    meta,
                }
            })
            .collect()
    }

    /// The partner-country map of the countries list in `lang`: every
    /// country with a page a link to it; `None` without outlines.
    pub fn map(&self, lang: &Lang) -> Option<String> {
        if self.theme.outlines.is_empty() {
            return None;
        }
        let countries = self
            .site
            .of_kind(Kind::Country)
            .filter_map(|e| {
                let l = self.site.link(Kind::Country, &e.id, lang)?;
                let region = match &l.version.fields {
                    Fields::Country(c) => {
                        serde_json::to_value(c.region).ok()?.as_str()?.to_string()
                    }
                    _ => return None,
                };
                let view = self.link(&l, lang);
                Some((
                    e.id.to_lowercase(),
                    super::map::MapCountry {
                        url: view.url,
                        title: view.title,
                        region,
                        lang: view.lang,
                    },
                ))
            })
            .collect();
        Some(super::map::svg(
            &self.theme.outlines,
            &countries,
            &self.word(lang, "map_label"),
        ))
    }

    /// How many entities of `kind` a list in any language shows.
    pub fn count(&self, kind: Kind) -> usize {
        self.site.of_kind(kind).count()
    }
}
