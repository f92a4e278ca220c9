//! Front matter: split the file, parse the YAML strictly into the kind's
//! struct, check what the types alone cannot (a meeting's date, slugs,
//! aliases, theme and organisation ids from config.yaml).
//!
//! References to other entities are kept as written, with the means to
//! locate each one (`Parsed::locate`); `site` resolves them.

mod cms_forms;
#[cfg(test)]
mod proptests;
mod schema;
mod split;
pub mod types;

pub use schema::{
    COMMON_FIELDS, Challenge, Common, Country, Fields, Meeting, Page, Practice, Recommendation,
    own_fields,
};
pub use split::Parts;

use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Span, did_you_mean};
use crate::discover::Document;
use crate::kind::{Kind, check_id};
use crate::yaml::{self, Seg, Source};

/// A document's front matter, checked, with where its parts are.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub common: Common,
    /// `None` for `_index` files.
    pub fields: Option<Fields>,
    pub parts: Parts,
}

impl Parsed {
    /// The YAML source of `doc`, to locate a value for a diagnostic.
    pub fn source<'a>(&self, doc: &'a Document) -> Source<'a> {
        Source {
            file: &doc.file,
            file_text: &doc.text,
            yaml: &doc.text[self.parts.yaml.clone()],
            first_line: self.parts.yaml_first_line,
        }
    }

    pub fn body<'a>(&self, doc: &'a Document) -> &'a str {
        &doc.text[self.parts.body.clone()]
    }
}

/// Parses a document's front matter. `Err` when it cannot be read at all;
/// otherwise the checked front matter and the problems that do not stop
/// the document from taking part in the site (an unknown theme, a bad
/// alias), so the rest of the file is still checked.
pub fn parse(doc: &Document, config: &Config) -> Result<(Parsed, Diagnostics), Diagnostics> {
    let mut diags = Diagnostics::new();
    let parts = match split::split(&doc.file, &doc.text) {
        Ok(p) => p,
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
    };
    let result = match (doc.kind, &doc.id) {
        (_, None) => typed::<schema::RawIndex>(src, None).map(|r| {
            let common = Common {
                title: r.title,
                summary: r.summary,
                ..Common::default()
            };
            (common, None)
        }),
        (Some(kind), Some(_)) => parse_kind(src, kind).map(|(c, f)| (c, Some(f))),
        (None, Some(_)) => unreachable!("discover gives every entity a kind"),
    };
    let (common, mut fields) = match result {
        Ok(x) => x,
        Err(d) => {
            diags.push(d);
            return Err(diags);
        }
    };
    if let Some(f) = fields.as_mut() {
        cms_forms::read_editor_forms(f);
    }
    check(&common, fields.as_ref(), &src, config, &mut diags);
    Ok((
        Parsed {
            common,
            fields,
            parts,
        },
        diags,
    ))
}

fn parse_kind(src: Source<'_>, kind: Kind) -> Result<(Common, Fields), Diagnostic> {
    let k = Some(kind);
    Ok(match kind {
        Kind::Meeting => {
            let (c, f) = typed::<schema::RawMeeting>(src, k)?.into_parts();
            (c, Fields::Meeting(f))
        }
        Kind::Practice => {
            let (c, f) = typed::<schema::RawPractice>(src, k)?.into_parts();
            (c, Fields::Practice(f))
        }
        Kind::Country => {
            let (c, f) = typed::<schema::RawCountry>(src, k)?.into_parts();
            (c, Fields::Country(f))
        }
        Kind::Challenge => {
            let (c, f) = typed::<schema::RawChallenge>(src, k)?.into_parts();
            (c, Fields::Challenge(f))
        }
        Kind::Recommendation => {
            let (c, f) = typed::<schema::RawRecommendation>(src, k)?.into_parts();
            (c, Fields::Recommendation(f))
        }
        Kind::Page => {
            let (c, f) = typed::<schema::RawPage>(src, k)?.into_parts();
            (c, Fields::Page(f))
        }
    })
}

/// Parses, and words an unknown field that belongs to another kind as such.
fn typed<T: DeserializeOwned>(src: Source<'_>, kind: Option<Kind>) -> Result<T, Diagnostic> {
    let strict = yaml::parse::<T>(src);
    // What the web editor writes for an empty field (`status: ""`,
    // `draft: null`) reads as if it were not there (yaml::blank).
    let strict = match strict {
        Err(d) => yaml::parse_without_blanks::<T>(&src).ok_or(d),
        ok => ok,
    };
    strict.map_err(|d| {
        let mut d = *d;
        let unknown = d
            .message
            .strip_prefix("unknown field `")
            .and_then(|r| r.split('`').next())
            .map(str::to_string);
        if let Some(name) = unknown {
            let owners: Vec<&str> = Kind::ALL
                .into_iter()
                .filter(|k| own_fields(*k).contains(&name.as_str()))
                .map(Kind::name)
                .collect();
            let here = match kind {
                Some(k) => format!("a {}", k.name()),
                None => "a list page's `_index` file".to_string(),
            };
            if !owners.is_empty() {
                d.message = format!("`{name}` is not a field of {here}");
                d.help = Some(format!(
                    "`{name}` belongs to the {} kind; remove it, or move the file to the right folder",
                    owners.join(" and ")
                ));
            } else if d.help.as_deref().is_some_and(|h| h.starts_with("the fields allowed")) {
                let mut all: Vec<&str> = schema::COMMON_FIELDS.to_vec();
                if let Some(k) = kind {
                    all.extend(own_fields(k));
                } else {
                    all = vec!["title", "summary"];
                }
                d.help = Some(format!("the fields of {here} are: {}", all.join(", ")));
            }
        }
        d
    })
}

/// What the types cannot say.
fn check(
    common: &Common,
    fields: Option<&Fields>,
    src: &Source<'_>,
    config: &Config,
    diags: &mut Diagnostics,
) {
    if common.title.trim().is_empty() {
        diags.push(Diagnostic::error("the title is empty").at(src.span_of(&[Seg::Key("title")])));
    }
    if let Some(slug) = &common.slug
        && let Err(why) = check_id(slug)
    {
        diags.push(
            Diagnostic::error(format!("`{slug}` cannot be a URL segment: {why}"))
                .at(src.span_of(&[Seg::Key("slug")]))
                .help(format!("use `{}`", crate::kind::suggest_id(slug))),
        );
    }
    for (i, alias) in common.aliases.iter().enumerate() {
        if let Err(why) = check_alias(alias) {
            diags.push(
                Diagnostic::error(format!("`{alias}` cannot be an alias: {why}"))
                    .at(src.span_of(&[Seg::Key("aliases"), Seg::Index(i)]))
                    .help("an alias is a path of this site, like `/fr/ancienne-adresse/`"),
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
        if common.date.is_none() {
            diags.push(
                Diagnostic::error("a meeting needs a `date`")
                    .at(src.span(1, 1))
                    .help("add a line `date: YYYY-MM-DD`, the day the meeting began"),
            );
        }
        if let (Some(start), Some(end)) = (common.date, m.end_date)
            && end < start
        {
            diags.push(
                Diagnostic::error(format!(
                    "`end_date` {} is before `date` {}",
                    end.iso(),
                    start.iso()
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
                diags.push(
                    Diagnostic::error(format!("`{url}` is not a web address"))
                        .at(src.span_of(&[Seg::Key("documents"), Seg::Index(i), Seg::Key("url")]))
                        .label("expected `https://…`")
                        .help("a document's `url` is a web page starting with `https://` or `http://`; a file of the bundle goes in `file`"),
                );
            }
            if d.file.is_some() == d.url.is_some() {
                diags.push(
                    Diagnostic::error("a document needs either `file` or `url`, not both or neither")
                        .at(src.span_of(&[Seg::Key("documents"), Seg::Index(i)]))
                        .help("`{ title: …, file: annex.pdf }` for a file in the bundle, `{ title: …, url: https://… }` for a web page"),
                );
            }
        }
    }
    if let Some(Fields::Practice(p)) = fields {
        if p.countries.is_empty() {
            diags.push(
                Diagnostic::error("a practice needs at least one country in `countries`")
                    .at(src.span_of(&[Seg::Key("countries")]))
                    .help("list where it is implemented: `countries: [cm]`"),
            );
        }
        if let Some(period) = p.period
            && period.end.is_some_and(|e| e < period.start)
        {
            diags.push(
                Diagnostic::error("the period ends before it starts")
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
        && r.addresses.is_empty()
    {
        diags.push(
            Diagnostic::error("a recommendation must address at least one challenge")
                .at(src.span_of(&[Seg::Key("addresses")]))
                .help("list challenge ids: `addresses: [coordination-gaps]`"),
        );
    }
}

/// A document's `url` leads to a web page: `https://` or `http://` and a
/// host, so no `javascript:` or `data:` address reaches a page.
fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphanumeric()))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Aliases are site paths: absolute, no `..`, no scheme.
fn check_alias(alias: &str) -> Result<(), &'static str> {
    if !alias.starts_with('/') {
        return Err("it must start with `/`");
    }
    if alias.contains("://") || alias.starts_with("//") {
        return Err("it must be a path of this site, not an address elsewhere");
    }
    if alias.split('/').any(|s| s == ".." || s == ".") {
        return Err("it must not contain `.` or `..` segments");
    }
    if alias
        .chars()
        .any(|c| c.is_control() || c == '\\' || c == '?' || c == '#')
    {
        return Err("it contains a character a path cannot hold");
    }
    if alias.trim_matches('/').is_empty() {
        return Err("it would replace the site's root page");
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
        let d = Diagnostic::error(format!("unknown {what} `{id}`")).at(span);
        diags.push(match hint {
            Some(h) => d.label(format!("did you mean `{h}`?")),
            None => d
                .label(format!(
                    "not {} {what} of config.yaml",
                    if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
                        "an"
                    } else {
                        "a"
                    }
                ))
                .help(format!(
                    "{field} are listed under `taxonomies.{field}` in config.yaml"
                )),
        });
    }
}
