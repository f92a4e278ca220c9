//! The view of one entity's page: its own fields in the page's words,
//! and the cross-links of section 5 of the contract, read from both ends.

use serde::Serialize;

use super::context::{Labelled, LinkView, Views};
use crate::frontmatter::Fields;
use crate::frontmatter::types::{Date, Location};
use crate::kind::{Kind, Taxonomy};
use crate::lang::Lang;
use crate::site::{Entity, EntityKey, Version};
use crate::typography::for_lang;
use erased::Ser as _;

#[derive(Serialize)]
struct DocumentView {
    title: String,
    url: String,
    external: bool,
    /// What a bundle's file is, for readers on slow lines (`about.meta`:
    /// `PDF, 240 KB, French`); null for an address elsewhere.
    about: Option<AboutFile>,
}

/// A document of a bundle as a link describes it: its type, size and
/// language in the page's words, and all three as one text
/// (`PDF, 240 KB, French`).
#[derive(Serialize)]
struct AboutFile {
    format: String,
    size: String,
    language: Option<String>,
    meta: String,
}

/// A file of the entity's bundle (an image is shown, not listed).
#[derive(Serialize)]
struct AttachmentView {
    name: String,
    url: String,
    about: AboutFile,
}

/// "The English version was updated on 3 March 2026", with a link to it.
#[derive(Serialize)]
struct Notice {
    text: String,
    url: String,
    lang: String,
}

#[derive(Serialize)]
struct EntityView {
    kind: Kind,
    id: String,
    title: String,
    summary: Option<String>,
    body: String,
    date: Option<String>,
    date_iso: Option<String>,
    updated: Option<String>,
    updated_iso: Option<String>,
    /// Set when the other language's version changed after this one.
    translation_notice: Option<Notice>,
    themes: Vec<Labelled>,
    headings: Vec<crate::markdown::Heading>,
    /// The cross-links of section 5, by name, read from both ends.
    links: std::collections::BTreeMap<&'static str, Vec<LinkView>>,
    /// The documents of its bundle, with what each is.
    attachments: Vec<AttachmentView>,
    #[serde(flatten)]
    fields: serde_json::Value,
}

impl Views<'_> {
    /// The `entity` variable of an entity page.
    pub fn entity(&self, e: &Entity, v: &Version) -> serde_json::Value {
        let lang = &v.lang;
        let c = &v.common;
        let fields = self.fields(&v.fields, e, lang);
        let view = EntityView {
            kind: e.kind,
            id: e.id.clone(),
            title: for_lang(lang.as_str(), &c.title),
            summary: c.summary.as_deref().map(|s| for_lang(lang.as_str(), s)),
            body: v.html.to_string(),
            date: c.date.as_ref().map(|d| self.date(d, lang)),
            date_iso: c.date.as_ref().map(Date::iso),
            updated: v.updated().as_ref().map(|d| self.date(d, lang)),
            updated_iso: v.updated().as_ref().map(Date::iso),
            translation_notice: crate::site::behind_in(e)
                .into_iter()
                .find(|b| &b.version.lang == lang)
                .and_then(|b| {
                    let date = b.newer.last_change.as_ref()?.date;
                    let text = self
                        .word(lang, "translation_newer")
                        .replace(
                            "{version}",
                            &self.word(lang, &format!("version_in_{}", b.newer.lang)),
                        )
                        .replace("{date}", &self.date(&date, lang));
                    Some(Notice {
                        text,
                        url: self.site.url(&b.newer.path),
                        lang: b.newer.lang.to_string(),
                    })
                }),
            themes: self.labels(Taxonomy::Themes, &c.themes, lang),
            headings: v.headings.clone(),
            links: self
                .site
                .graph
                .lists(
                    &EntityKey {
                        kind: e.kind,
                        id: e.id.clone(),
                    },
                    &self.site.entities,
                )
                .iter()
                .map(|(name, keys)| (*name, self.link_list(keys, lang)))
                .collect(),
            attachments: e
                .attachments
                .iter()
                .filter(|a| crate::file_types::is_document(&a.name))
                .map(|a| AttachmentView {
                    name: a.name.clone(),
                    url: a.name.clone(),
                    about: self.about_file(a, lang),
                })
                .collect(),
            fields,
        };
        serde_json::to_value(view).unwrap_or(serde_json::Value::Null)
    }

    fn fields(&self, fields: &Fields, e: &Entity, lang: &Lang) -> serde_json::Value {
        use serde_json::json;
        let word = |prefix: &str, value: &dyn erased::Ser| -> Option<String> {
            let v = value.to_json()?;
            Some(self.word(lang, &format!("{prefix}_{}", v.as_str()?)))
        };
        let orgs = |ids: &[String]| self.labels(Taxonomy::Organisations, ids, lang);
        match fields {
            Fields::Meeting(m) => {
                let location = match &m.location {
                    None => json!(null),
                    Some(Location::Online) => json!({ "online": true }),
                    Some(Location::Place { city, country }) => json!({
                        "online": false,
                        "city": city,
                        "country": self.site.link(Kind::Country, country, lang).map(|l| self.link(&l, lang)),
                    }),
                };
                let documents: Vec<DocumentView> = m
                    .documents
                    .iter()
                    .map(|d| match (&d.file, &d.url) {
                        (Some(f), _) => DocumentView {
                            title: d.title.clone(),
                            url: f.clone(),
                            external: false,
                            about: e
                                .attachments
                                .iter()
                                .find(|a| &a.name == f)
                                .map(|a| self.about_file(a, lang)),
                        },
                        (None, u) => DocumentView {
                            title: d.title.clone(),
                            url: u.clone().unwrap_or_default(),
                            external: true,
                            about: None,
                        },
                    })
                    .collect();
                json!({
                    "type": m.r#type,
                    "type_label": word("meeting_type", &m.r#type),
                    "end_date": m.end_date.as_ref().map(|d| self.date(d, lang)),
                    "end_date_iso": m.end_date.as_ref().map(Date::iso),
                    "location": location,
                    "organisations": orgs(&m.organisations),
                    "documents": documents,
                })
            }
            Fields::Practice(p) => json!({
                "organisations": orgs(&p.organisations),
                "period": p.period,
                "status": p.status,
                "status_label": p.status.as_ref().and_then(|s| word("practice_status", s)),
            }),
            Fields::Country(c) => json!({
                "code": e.id,
                "region": c.region,
                "region_label": word("region", &c.region),
                "status": c.status,
                "status_label": c.status.as_ref().and_then(|s| word("country_status", s)),
                "focal_point": c.focal_point,
            }),
            Fields::Challenge(_) => json!({}),
            Fields::Recommendation(r) => {
                let actors: Vec<Labelled> = r
                    .actors
                    .iter()
                    .map(|a| Labelled {
                        id: a
                            .to_json()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        label: word("actor", a).unwrap_or_default(),
                        url: None,
                    })
                    .collect();
                json!({ "actors": actors })
            }
            Fields::Page(_) => json!({}),
        }
    }
}

impl Views<'_> {
    /// What a bundle's file is, in the words of `lang`.
    fn about_file(&self, a: &crate::discover::Attachment, lang: &Lang) -> AboutFile {
        let words = crate::typography::SizeWords {
            kb: self.word(lang, "size_kb"),
            mb: self.word(lang, "size_mb"),
            decimal_mark: self.word(lang, "decimal_mark"),
        };
        let format = crate::file_types::format_name(&a.name);
        let language = crate::file_types::language_of(&a.name, &self.site.config.languages)
            .map(|l| self.word(lang, &format!("lang_{l}")));
        AboutFile {
            meta: crate::typography::document_meta(&format, a.bytes, language.as_deref(), &words),
            size: crate::typography::file_size(a.bytes, &words),
            format,
            language,
        }
    }
}

pub(super) fn word_of(
    views: &Views<'_>,
    lang: &Lang,
    prefix: &str,
    value: &dyn erased::Ser,
) -> Option<String> {
    let v = value.to_json()?;
    Some(views.word(lang, &format!("{prefix}_{}", v.as_str()?)))
}

/// Lets `word_of` take any serializable enum without generics in closures.
mod erased {
    pub trait Ser {
        fn to_json(&self) -> Option<serde_json::Value>;
    }
    impl<T: serde::Serialize> Ser for T {
        fn to_json(&self) -> Option<serde_json::Value> {
            serde_json::to_value(self).ok()
        }
    }
}
