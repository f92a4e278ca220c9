//! The CMS's configuration (Decap CMS's `config.yml`, written as JSON,
//! which YAML reads as it is), made from the schema and config.yaml: one
//! collection per kind in its folder, both languages as `name.<lang>.md`
//! (meetings as bundles `id/index.<lang>.md`, their uploads beside them),
//! every field with its widget, the references as pickers searching the
//! referenced kind by title, themes and organisations as selects of
//! config.yaml's terms, labels from the theme's UI strings in every
//! language of the site; and a collection per taxonomy for the texts of
//! its terms' pages.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::fields::{self, FieldSpec, Sharing, Widget};
use crate::config::{Config, Localized};
use crate::frontmatter::kind_fields;
use crate::kind::{Kind, Taxonomy};
use crate::lang::Lang;
use crate::theme::Strings;

/// Ids as `kind::check_id` accepts them.
pub const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// Where the editor saves.
pub enum Target<'a> {
    /// `serve`: Decap's local backend (decap-server) at this address,
    /// writing into the checkout; each save is a plain write.
    Local { proxy: &'a str, site_url: &'a str },
    /// `build`: the Git host of config.yaml, every change a pull request.
    Host(&'a crate::config::CmsConfig),
}

/// Labels in every language of the site, from the theme's strings.
pub struct Labels<'a> {
    pub languages: &'a [Lang],
    pub strings: &'a BTreeMap<Lang, Strings>,
}

impl Labels<'_> {
    /// "Réunions · Meetings": the key's text in each language, once when
    /// they agree; the key itself when the theme lacks it.
    pub fn get(&self, key: &str) -> String {
        self.join(
            self.languages
                .iter()
                .map(|l| self.strings.get(l).and_then(|s| s.get(key)).cloned()),
            key,
        )
    }

    pub fn term(&self, text: &Localized, id: &str) -> String {
        self.join(self.languages.iter().map(|l| text.get(l).cloned()), id)
    }

    fn join(&self, texts: impl Iterator<Item = Option<String>>, fallback: &str) -> String {
        let mut seen: Vec<String> = Vec::new();
        for t in texts.flatten() {
            if !seen.contains(&t) {
                seen.push(t);
            }
        }
        if seen.is_empty() {
            fallback.to_string()
        } else {
            seen.join(" · ")
        }
    }
}

/// The whole configuration.
pub fn config(config: &Config, labels: &Labels<'_>, target: &Target<'_>) -> Value {
    let default = config.default_language.as_str();
    let locales: Vec<&str> = config.languages.iter().map(Lang::as_str).collect();
    let mut root = Map::new();
    match target {
        Target::Local { proxy, site_url } => {
            // The local backend replaces `backend` when the page is opened
            // on the loopback address; the name below is never used.
            root.insert(
                "backend".into(),
                json!({ "name": "proxy", "proxy_url": proxy }),
            );
            root.insert(
                "local_backend".into(),
                json!({ "url": proxy, "allowed_hosts": ["127.0.0.1", "localhost", "[::1]"] }),
            );
            root.insert("publish_mode".into(), json!("simple"));
            root.insert("site_url".into(), json!(site_url));
            root.insert("display_url".into(), json!(site_url));
        }
        Target::Host(cms) => {
            let mut backend = json!({
                "name": cms.backend,
                "repo": cms.repo,
                "branch": cms.branch,
            });
            if let Some(url) = &cms.auth_url {
                backend["base_url"] = json!(url);
            }
            if let Some(id) = &cms.app_id {
                backend["app_id"] = json!(id);
                if cms.backend == "gitlab" {
                    backend["auth_type"] = json!("pkce");
                }
            }
            root.insert("backend".into(), backend);
            // Every change is a branch and a pull request, which CI checks
            // with `check --strict --format github` before anyone merges.
            root.insert("publish_mode".into(), json!("editorial_workflow"));
            root.insert("site_url".into(), json!(config.base_url.as_str()));
            root.insert("display_url".into(), json!(config.base_url.as_str()));
        }
    }
    // The editor's own interface speaks the site's first language.
    root.insert("locale".into(), json!(default));
    root.insert("load_config_file".into(), json!(false));
    // Site-wide uploads (images in a page's text) go to static/, which is
    // copied to the site's root.
    root.insert("media_folder".into(), json!("static/media"));
    root.insert("public_folder".into(), json!("/media"));
    root.insert(
        "i18n".into(),
        json!({ "structure": "multiple_files", "locales": locales, "default_locale": default }),
    );
    // File names follow the id rules: ASCII, accents folded, hyphens.
    root.insert(
        "slug".into(),
        json!({ "encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-" }),
    );
    // The texts of the home and list pages (`_index.<lang>.md`) are not
    // here: Decap takes a single file per language only in one file.
    let collections: Vec<Value> = Kind::ALL
        .into_iter()
        .map(|k| collection(k, config, labels))
        .chain(
            Taxonomy::ALL
                .into_iter()
                .map(|t| term_texts(t, config, labels)),
        )
        .collect();
    root.insert("collections".into(), Value::Array(collections));
    Value::Object(root)
}

/// The collection of one kind.
pub fn collection(kind: Kind, config: &Config, labels: &Labels<'_>) -> Value {
    let folder = kind.folder();
    let default = &config.default_language;
    let mut c = json!({
        "name": folder,
        "label": labels.get(&format!("nav_{folder}")),
        "label_singular": labels.get(&format!("kind_{}", kind.name())),
        "folder": format!("content/{folder}"),
        "extension": "md",
        "format": "frontmatter",
        "i18n": true,
        "identifier_field": "title",
        // A country's id is its ISO code, which no title gives: new
        // profiles are made with `rabat-hub new country xx`.
        "create": kind != Kind::Country,
        "summary": "{{title}}",
        "sortable_fields": ["title"],
        "fields": fields_of(kind, config, labels),
    });
    let section = config.section(kind, default);
    if kind == Kind::Meeting {
        // A bundle: the id is the folder; uploads go beside the page.
        c["slug"] = json!("{{fields.date}}-{{slug}}");
        c["path"] = json!("{{slug}}/index");
        c["media_folder"] = json!("");
        c["public_folder"] = json!("");
        c["preview_path"] = json!(format!("{default}/{section}/{{{{dirname}}}}/"));
        c["sortable_fields"] = json!(["date", "title"]);
    } else {
        c["slug"] = json!("{{slug}}");
        c["preview_path"] = json!(format!("{default}/{section}/{{{{slug}}}}/"));
    }
    c
}

/// The texts of a taxonomy's pages (`content/themes/<id>.<lang>.md`): a
/// summary and a text per language. A term is made in config.yaml, whose
/// id names the file, so the editor edits the texts that exist and makes
/// none (`rabat-hub check` names a file whose term config.yaml lacks).
pub fn term_texts(taxonomy: Taxonomy, config: &Config, labels: &Labels<'_>) -> Value {
    let folder = taxonomy.name();
    let default = &config.default_language;
    let fields: Vec<Value> = term_text_fields()
        .iter()
        .map(|f| field_json(f, config, labels))
        .collect();
    json!({
        "name": folder,
        "label": labels.get(&format!("nav_{folder}")),
        "folder": format!("content/{folder}"),
        "extension": "md",
        "format": "frontmatter",
        "i18n": true,
        "identifier_field": "summary",
        "create": false,
        "delete": false,
        "summary": "{{filename}}",
        "slug": "{{slug}}",
        "preview_path": format!("{default}/{folder}/{{{{slug}}}}/"),
        "fields": fields,
    })
}

/// A term text's fields: its summary (the page's description), then its text.
pub fn term_text_fields() -> Vec<FieldSpec> {
    fields::spec(Kind::Page, "summary")
        .into_iter()
        .chain([fields::body()])
        .collect()
}

/// Every field of `kind`, in the schema's order, then the body.
pub fn field_specs(kind: Kind) -> Vec<FieldSpec> {
    crate::frontmatter::COMMON_FIELDS
        .iter()
        .chain(kind_fields(kind))
        .map(|name| {
            fields::spec(kind, name).unwrap_or(FieldSpec {
                // A field the table does not know yet: plain text, and the
                // test `every_field_of_the_schema_has_its_widget` fails.
                name: crate::frontmatter::COMMON_FIELDS
                    .iter()
                    .chain(kind_fields(kind))
                    .find(|n| *n == name)
                    .copied()
                    .unwrap_or("title"),
                label: "cms_title",
                widget: Widget::Line,
                required: false,
                sharing: Sharing::Shared,
            })
        })
        .chain([fields::body()])
        .collect()
}

fn fields_of(kind: Kind, config: &Config, labels: &Labels<'_>) -> Vec<Value> {
    field_specs(kind)
        .iter()
        .map(|f| field_json(f, config, labels))
        .collect()
}

/// One field as Decap's widget.
pub fn field_json(f: &FieldSpec, config: &Config, labels: &Labels<'_>) -> Value {
    let mut v = widget_json(&f.widget, config, labels);
    v["name"] = json!(f.name);
    v["label"] = json!(labels.get(f.label));
    v["required"] = json!(f.required);
    let nested = v.get("fields").is_some();
    v["i18n"] = match f.sharing {
        Sharing::PerLanguage => json!(true),
        // Decap takes `duplicate` on plain fields only: a structure is
        // "translated" and each of its parts duplicated.
        Sharing::Shared if nested => {
            if let Some(parts) = v["fields"].as_array_mut() {
                for part in parts {
                    part["i18n"] = json!("duplicate");
                }
            }
            json!(true)
        }
        // Written the same in every language's file.
        Sharing::Shared => json!("duplicate"),
    };
    v
}

fn date() -> Value {
    // A date picker writing `YYYY-MM-DD`, no time, no time zone shift.
    json!({ "widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
            "time_format": false, "picker_utc": true })
}

fn relation(kind: Kind, multiple: bool) -> Value {
    json!({
        "widget": "relation",
        "collection": kind.folder(),
        "search_fields": ["title"],
        "display_fields": ["title"],
        // The file name without the language: the id.
        "value_field": "{{slug}}",
        "multiple": multiple,
        "options_length": 300,
    })
}

fn widget_json(w: &Widget, config: &Config, labels: &Labels<'_>) -> Value {
    match w {
        Widget::Line => json!({ "widget": "string" }),
        Widget::Paragraph => json!({ "widget": "text" }),
        Widget::Body => json!({ "widget": "markdown" }),
        Widget::Date => date(),
        Widget::Bool => json!({ "widget": "boolean", "default": false }),
        Widget::Lines => json!({ "widget": "list" }),
        Widget::Segment => json!({
            "widget": "string",
            "pattern": [ID_PATTERN, labels.get("cms_id_rules")],
        }),
        Widget::Choice {
            values,
            prefix,
            multiple,
        } => json!({
            "widget": "select",
            "multiple": multiple,
            "options": values.iter().map(|v| json!({
                "value": v, "label": labels.get(&format!("{prefix}{v}")),
            })).collect::<Vec<_>>(),
        }),
        Widget::Reference { kind, multiple } => relation(*kind, *multiple),
        Widget::Terms { taxonomy } => {
            let terms = if *taxonomy == "themes" {
                &config.themes
            } else {
                &config.organisations
            };
            json!({
                "widget": "select",
                "multiple": true,
                "options": terms.iter().map(|(id, text)| json!({
                    "value": id, "label": labels.term(text, id),
                })).collect::<Vec<_>>(),
            })
        }
        Widget::Location => {
            let mut country = relation(Kind::Country, false);
            country["name"] = json!("country");
            country["label"] = json!(labels.get("cms_country"));
            country["required"] = json!(false);
            json!({
                "widget": "object",
                "collapsed": false,
                "fields": [
                    { "name": "city", "label": labels.get("cms_city"), "widget": "string", "required": false },
                    country,
                ],
            })
        }
        Widget::Period => json!({
            "widget": "object",
            "collapsed": false,
            "fields": [
                { "name": "start", "label": labels.get("cms_period_start"), "widget": "number",
                  "value_type": "int", "min": 1900, "max": 2100, "required": false },
                { "name": "end", "label": labels.get("cms_period_end"), "widget": "number",
                  "value_type": "int", "min": 1900, "max": 2100, "required": false },
            ],
        }),
        Widget::Documents => json!({
            "widget": "list",
            "summary": "{{fields.title}}",
            "fields": [
                { "name": "title", "label": labels.get("cms_document_title"), "widget": "string" },
                { "name": "file", "label": labels.get("cms_document_file"), "widget": "file",
                  "required": false, "choose_url": false },
                { "name": "url", "label": labels.get("cms_document_url"), "widget": "string",
                  "required": false, "pattern": ["^https?://", "https://…"] },
            ],
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_the_schema_has_its_widget() {
        for kind in Kind::ALL {
            for name in crate::frontmatter::COMMON_FIELDS
                .iter()
                .chain(kind_fields(kind))
            {
                assert!(
                    fields::spec(kind, name).is_some(),
                    "{}.{name} has no widget in src/cms/fields.rs",
                    kind.folder()
                );
            }
        }
    }

    #[test]
    fn labels_join_the_languages_and_say_a_word_once() {
        let fr = Lang::parse("fr").unwrap_or_else(|_| unreachable!("a valid code"));
        let en = Lang::parse("en").unwrap_or_else(|_| unreachable!("a valid code"));
        let mut strings = BTreeMap::new();
        let s = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<Strings>()
        };
        strings.insert(fr.clone(), s(&[("a", "Réunions"), ("b", "Date")]));
        strings.insert(en.clone(), s(&[("a", "Meetings"), ("b", "Date")]));
        let languages = [fr, en];
        let labels = Labels {
            languages: &languages,
            strings: &strings,
        };
        assert_eq!(labels.get("a"), "Réunions · Meetings");
        assert_eq!(labels.get("b"), "Date");
        assert_eq!(labels.get("missing"), "missing");
    }
}
