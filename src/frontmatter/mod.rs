//! Front matter: split the file, parse the YAML strictly into the kind's
//! struct, check what the types alone cannot (a meeting's date, slugs,
//! aliases, theme and organisation ids from config.yaml).
//!
//! References to other entities are kept as written, with the means to
//! locate each one (`Parsed::locate`); `site` resolves them.

mod cms_forms;
mod placeholders;
#[cfg(test)]
mod proptests;
mod schema;
mod split;
pub mod types;

pub use placeholders::PLACEHOLDER;
pub use schema::{
    COMMON_FIELDS, Challenge, Common, Country, Fields, Meeting, Page, Practice, Recommendation,
    kind_fields,
};
pub use split::Parts;

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Span, did_you_mean};
use crate::discover::Document;
use crate::kind::{Kind, check_id};
use crate::t;
use crate::yaml::{self, Node, Seg, Source, Typed, YamlError};

/// A document's front matter, checked, with where its parts are.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub common: Common,
    /// `None` for `_index` files.
    pub fields: Option<Fields>,
    pub parts: Parts,
    /// The YAML as read, with the place of every value.
    pub tree: Arc<Node>,
}

impl Parsed {
    /// The YAML source of `doc`, to locate a value for a diagnostic.
    pub fn source<'a>(&'a self, doc: &'a Document) -> Source<'a> {
        Source {
            file: &doc.file,
            file_text: &doc.text,
            yaml: &doc.text[self.parts.yaml.clone()],
            first_line: self.parts.yaml_first_line,
            tree: Some(&self.tree),
        }
    }

    pub fn body<'a>(&self, doc: &'a Document) -> &'a str {
        &doc.text[self.parts.body.clone()]
    }
}

/// Parses a document's front matter, as far as it can be read: every
/// wrong field is reported and the rest still read and checked, so the
/// document takes part in the site and its body is checked too. `Err`
/// only when nothing can be made of it (no front matter at all).
pub fn parse(doc: &Document, config: &Config) -> Result<(Parsed, Diagnostics), Diagnostics> {
    let mut diags = Diagnostics::new();
    let parts = match split::split(&doc.file, &doc.text) {
        Ok((p, note)) => {
            diags.extend(note);
            p
        }
        Err(d) => {
            diags.push(*d);
            return Err(diags);
        }
    };
    let src = Source {
        file: &doc.file,
        file_text: &doc.text,
        yaml: &doc.text[parts.yaml.clone()],
        first_line: parts.yaml_first_line,
        tree: None,
    };
    let (result, tree, failed) = match (doc.kind, &doc.id, &doc.term) {
        (_, None, Some((taxonomy, id))) => {
            // A text may well have no summary: an empty front matter
            // (`---` twice) is then no mapping, and reads as one.
            let blank = src
                .yaml
                .lines()
                .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
            let r = if blank {
                yaml::Recovered {
                    value: Some(schema::RawTermText::default()),
                    tree: Node::empty_map(),
                    errors: Vec::new(),
                    failed: Vec::new(),
                }
            } else {
                yaml::parse_all::<schema::RawTermText>(&src)
            };
            report(&src, &r.tree, &r.errors, What::Term, &mut diags);
            let value = r.value.map(|r| {
                // Its name is config.yaml's label (discover checked the
                // term exists).
                let title = config
                    .terms(*taxonomy)
                    .get(id)
                    .and_then(|l| l.get(&doc.lang))
                    .cloned()
                    .unwrap_or_else(|| id.clone());
                let common = Common {
                    title,
                    summary: r.summary,
                    ..Common::default()
                };
                (common, None)
            });
            (value, r.tree, r.failed)
        }
        (_, None, None) => {
            let r = yaml::parse_all::<schema::RawIndex>(&src);
            report(&src, &r.tree, &r.errors, What::Index, &mut diags);
            let value = r.value.map(|r| {
                let common = Common {
                    title: r.title,
                    summary: r.summary,
                    ..Common::default()
                };
                (common, None)
            });
            (value, r.tree, r.failed)
        }
        (Some(kind), Some(_), _) => parse_kind(&src, kind, &mut diags),
        (None, Some(_), _) => unreachable!("discover gives every entity a kind"),
    };
    let Some((mut common, mut fields)) = result else {
        return Err(diags);
    };
    if let Some(f) = fields.as_mut() {
        cms_forms::read_editor_forms(f);
    }
    let tree = Arc::new(tree);
    let src = src.with_tree(&tree);
    let failed: BTreeSet<&str> = failed.iter().map(String::as_str).collect();
    check(&common, fields.as_ref(), &src, config, &failed, &mut diags);
    // Where each alias and the slug were written: a clash between output
    // paths is reported there (`output::clashes`).
    common.located.aliases = (0..common.aliases.len())
        .map(|i| src.span_of(&[Seg::Key("aliases"), Seg::Index(i)]))
        .collect();
    if common.slug.is_some() {
        common.located.slug = Some(src.span_of(&[Seg::Key("slug")]));
    }
    placeholders::find(
        &src,
        &doc.text[parts.body.clone()],
        parts.body_first_line,
        &mut diags,
    );
    Ok((
        Parsed {
            common,
            fields,
            parts,
            tree: Arc::clone(&tree),
        },
        diags,
    ))
}

type Read = (Option<(Common, Option<Fields>)>, Node, Vec<String>);

fn parse_kind(src: &Source<'_>, kind: Kind, diags: &mut Diagnostics) -> Read {
    fn one<T: DeserializeOwned>(
        src: &Source<'_>,
        kind: Kind,
        diags: &mut Diagnostics,
        into: impl FnOnce(T) -> (Common, Fields),
    ) -> Read {
        let r = yaml::parse_all::<T>(src);
        report(src, &r.tree, &r.errors, What::Kind(kind), diags);
        (
            r.value.map(|v| {
                let (c, f) = into(v);
                (c, Some(f))
            }),
            r.tree,
            r.failed,
        )
    }
    match kind {
        Kind::Meeting => one(src, kind, diags, |r: schema::RawMeeting| {
            let (c, f) = r.into_parts();
            (c, Fields::Meeting(f))
        }),
        Kind::Practice => one(src, kind, diags, |r: schema::RawPractice| {
            let (c, f) = r.into_parts();
            (c, Fields::Practice(f))
        }),
        Kind::Country => one(src, kind, diags, |r: schema::RawCountry| {
            let (c, f) = r.into_parts();
            (c, Fields::Country(f))
        }),
        Kind::Challenge => one(src, kind, diags, |r: schema::RawChallenge| {
            let (c, f) = r.into_parts();
            (c, Fields::Challenge(f))
        }),
        Kind::Recommendation => one(src, kind, diags, |r: schema::RawRecommendation| {
            let (c, f) = r.into_parts();
            (c, Fields::Recommendation(f))
        }),
        Kind::Page => one(src, kind, diags, |r: schema::RawPage| {
            let (c, f) = r.into_parts();
            (c, Fields::Page(f))
        }),
    }
}

/// What a file with front matter is the text of.
#[derive(Clone, Copy)]
enum What {
    Kind(Kind),
    /// A home or list page's `_index` file.
    Index,
    /// A theme's or organisation's page (`content/themes/<id>.<lang>.md`).
    Term,
}

/// Words each YAML problem; an unknown field that belongs to another
/// kind is said to be so.
fn report(
    src: &Source<'_>,
    tree: &Node,
    errors: &[YamlError],
    what: What,
    diags: &mut Diagnostics,
) {
    let src = src.with_tree(tree);
    for e in errors {
        let mut d = yaml::to_diagnostic(&src, e);
        if let YamlError::Typed {
            error: Typed::UnknownField { name, .. },
            path,
            ..
        } = e
            && path.len() == 1
        {
            let owners: Vec<String> = Kind::ALL
                .into_iter()
                .filter(|k| kind_fields(*k).contains(&name.as_str()))
                .map(|k| t!("kind-name", kind = k.name()))
                .collect();
            let here = match what {
                What::Kind(k) => t!("fm-a-kind", kind = k.name()),
                What::Index => t!("fm-an-index"),
                What::Term => t!("fm-a-term-text"),
            };
            if matches!(what, What::Term) && name == "title" {
                d.help = Some(t!("fm-term-name-in-config"));
            } else if !owners.is_empty() {
                d.message = t!("fm-field-of-other-kind", name = name.as_str(), here = here);
                d.help = Some(t!(
                    "fm-field-of-other-kind-help",
                    name = name.as_str(),
                    owners = owners.join(", ")
                ));
            } else if did_you_mean(name, all_fields(what)).is_none() {
                d.help = Some(t!(
                    "fm-fields-of",
                    here = here,
                    list = all_fields(what).collect::<Vec<_>>().join(", ")
                ));
            }
        }
        diags.push(d);
    }
}

fn all_fields(what: What) -> impl Iterator<Item = &'static str> + Clone {
    let (common, of_kind): (&'static [&'static str], &'static [&'static str]) = match what {
        What::Kind(k) => (&schema::COMMON_FIELDS, kind_fields(k)),
        What::Index => (&["title", "summary"], &[]),
        What::Term => (&["summary"], &[]),
    };
    common.iter().chain(of_kind).copied()
}

/// What the types cannot say.
fn check(
    common: &Common,
    fields: Option<&Fields>,
    src: &Source<'_>,
    config: &Config,
    failed: &BTreeSet<&str>,
    diags: &mut Diagnostics,
) {
    // A field already reported wrong holds a stand-in: checking it would
    // only repeat the error.
    let ok = |field: &str| !failed.contains(field);
    if ok("title") && common.title.trim().is_empty() {
        diags.push(Diagnostic::error(t!("fm-title-empty")).at(src.span_of(&[Seg::Key("title")])));
    }
    if let Some(slug) = &common.slug
        && let Err(why) = check_id(slug)
    {
        diags.push(
            Diagnostic::error(t!("fm-bad-slug", slug = slug.as_str(), why = why))
                .at(src.span_of(&[Seg::Key("slug")]))
                .help(t!("fm-use", value = crate::kind::suggest_id(slug))),
        );
    }
    for (i, alias) in common.aliases.iter().enumerate() {
        if let Err(why) = check_alias(alias) {
            diags.push(
                Diagnostic::error(t!("fm-bad-alias", alias = alias.as_str(), why = t!(why)))
                    .at(src.span_of(&[Seg::Key("aliases"), Seg::Index(i)]))
                    .help(t!("fm-bad-alias-help")),
            );
        }
    }
    taxonomy_refs(
        &common.themes,
        "themes",
        "theme",
        config.themes.keys(),
        src,
        diags,
    );
    if let Some(Fields::Meeting(m)) = fields {
        if ok("date") && common.date.is_none() {
            diags.push(
                Diagnostic::error(t!("fm-meeting-needs-date"))
                    .at(src.span(1, 1))
                    .help(t!("fm-meeting-needs-date-help")),
            );
        }
        if let (Some(start), Some(end)) = (common.date, m.end_date)
            && end < start
        {
            diags.push(
                Diagnostic::error(t!(
                    "fm-end-before-start",
                    end = end.iso(),
                    start = start.iso()
                ))
                .at(src.span_of(&[Seg::Key("end_date")])),
            );
        }
        taxonomy_refs(
            &m.organisations,
            "organisations",
            "organisation",
            config.organisations.keys(),
            src,
            diags,
        );
        for (i, d) in m.documents.iter().enumerate() {
            if let Some(url) = &d.url
                && !is_web_address(url)
            {
                let at = src.span_of(&[Seg::Key("documents"), Seg::Index(i), Seg::Key("url")]);
                let d = if url.to_ascii_lowercase().starts_with("http://") {
                    Diagnostic::error(t!("fm-url-not-https", url = url.as_str()))
                        .at(at)
                        .label(t!("fm-url-expected"))
                        .help(t!("fm-url-not-https-help"))
                } else {
                    Diagnostic::error(t!("fm-url-not-web", url = url.as_str()))
                        .at(at)
                        .label(t!("fm-url-expected"))
                        .help(t!("fm-url-not-web-help"))
                };
                diags.push(d);
            }
            if d.file.is_some() == d.url.is_some() {
                diags.push(
                    Diagnostic::error(t!("fm-document-file-or-url"))
                        .at(src.span_of(&[Seg::Key("documents"), Seg::Index(i)]))
                        .help(t!("fm-document-file-or-url-help")),
                );
            }
        }
    }
    if let Some(Fields::Practice(p)) = fields {
        if ok("countries") && p.countries.is_empty() {
            diags.push(
                Diagnostic::error(t!("fm-practice-needs-country"))
                    .at(src.span_of(&[Seg::Key("countries")]))
                    .help(t!("fm-practice-needs-country-help")),
            );
        }
        if let Some(period) = p.period
            && period.end.is_some_and(|e| e < period.start)
        {
            diags.push(
                Diagnostic::error(t!("fm-period-backwards"))
                    .at(src.span_of(&[Seg::Key("period"), Seg::Key("end")])),
            );
        }
        taxonomy_refs(
            &p.organisations,
            "organisations",
            "organisation",
            config.organisations.keys(),
            src,
            diags,
        );
    }
    if let Some(Fields::Recommendation(r)) = fields
        && ok("addresses")
        && r.addresses.is_empty()
    {
        diags.push(
            Diagnostic::error(t!("fm-recommendation-needs-challenge"))
                .at(src.span_of(&[Seg::Key("addresses")]))
                .help(t!("fm-recommendation-needs-challenge-help")),
        );
    }
}

/// A document's `url` leads to a web page over `https://`, with a host:
/// no `javascript:` or `data:` address reaches a page, and no document is
/// fetched in clear.
fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://");
    rest.is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphanumeric()))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Aliases are site paths: absolute, no `..`, no scheme. The reason is a
/// message id.
fn check_alias(alias: &str) -> Result<(), &'static str> {
    if !alias.starts_with('/') {
        return Err("fm-alias-slash");
    }
    if alias.contains("://") || alias.starts_with("//") {
        return Err("fm-alias-elsewhere");
    }
    if alias.split('/').any(|s| s == ".." || s == ".") {
        return Err("fm-alias-dots");
    }
    if alias
        .chars()
        .any(|c| c.is_control() || c == '\\' || c == '?' || c == '#')
    {
        return Err("fm-alias-character");
    }
    if alias.split('/').any(crate::kind::windows_reserved) {
        return Err("fm-alias-windows-name");
    }
    if alias.trim_matches('/').is_empty() {
        return Err("fm-alias-root");
    }
    Ok(())
}

fn taxonomy_refs<'a>(
    ids: &[String],
    field: &str,
    what: &str,
    known: impl Iterator<Item = &'a String> + Clone,
    src: &Source<'_>,
    diags: &mut Diagnostics,
) {
    for (i, id) in ids.iter().enumerate() {
        if known.clone().any(|k| k == id) {
            continue;
        }
        let hint = did_you_mean(id, known.clone().map(String::as_str));
        let span: Span = src.span_of(&[Seg::Key(field), Seg::Index(i)]);
        let d =
            Diagnostic::error(t!("fm-unknown-taxonomy", what = what, id = id.as_str())).at(span);
        diags.push(match hint {
            Some(h) => d.label(t!("did-you-mean", name = h)),
            None => d
                .label(t!("fm-not-in-config", what = what))
                .help(t!("fm-taxonomy-listed", field = field)),
        });
    }
}
