//! The one way every body is rendered (or, for `check`, scanned): in its
//! own language, its `@/` links resolved against the site's targets.

use std::collections::BTreeMap;

use super::links::{Resolver, Targets};
use super::model::EntityKey;
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::discover::Document;
use crate::frontmatter::Parsed;
use crate::kind::Kind;
use crate::markdown::{self, Input};

/// What `markdown::scan` gives: the body without HTML, the `@/` links
/// still to resolve, the other diagnostics.
pub(super) type Scanned = (markdown::Rendered, Vec<markdown::LinkAt>, Vec<Diagnostic>);

pub(super) fn scan_body(
    doc: &Document,
    parsed: &Parsed,
    config: &Config,
    labels: &BTreeMap<crate::lang::Lang, markdown::Labels>,
) -> Scanned {
    markdown::scan(&input_of(doc, parsed, config, labels, false))
}

/// A scanned body's links resolved against `targets`, as `render_body`
/// would: the same diagnostics, no HTML.
pub(super) fn resolve_scanned(
    doc: &Document,
    parsed: &Parsed,
    (rendered, links, mut diags): Scanned,
    targets: &Targets,
    config: &Config,
    prefix: &str,
    labels: &BTreeMap<crate::lang::Lang, markdown::Labels>,
) -> (markdown::Rendered, Vec<Diagnostic>) {
    let resolver = resolver(doc, targets, config, prefix);
    let input = input_of(doc, parsed, config, labels, false);
    diags.extend(
        links
            .iter()
            .filter_map(|l| markdown::resolve_later(&input, l, &resolver)),
    );
    (rendered, diags)
}

fn input_of<'a>(
    doc: &'a Document,
    parsed: &Parsed,
    config: &Config,
    labels: &'a BTreeMap<crate::lang::Lang, markdown::Labels>,
    html: bool,
) -> Input<'a> {
    Input {
        file: &doc.file,
        file_text: &doc.text,
        body: parsed.parts.body.clone(),
        allow_raw_html: config.unsafe_html,
        french: crate::typography::french_spacing(doc.lang.as_str()),
        labels: labels.get(&doc.lang).unwrap_or(&NO_LABELS),
        html,
    }
}

/// A document's body rendered in its own language, its `@/` links
/// resolved against `targets`: the one way every body is rendered.
pub(super) fn render_body(
    doc: &Document,
    parsed: &Parsed,
    targets: &Targets,
    config: &Config,
    prefix: &str,
    labels: &BTreeMap<crate::lang::Lang, markdown::Labels>,
    html: bool,
) -> (markdown::Rendered, Vec<Diagnostic>) {
    let resolver = resolver(doc, targets, config, prefix);
    markdown::render(&input_of(doc, parsed, config, labels, html), &resolver)
}

/// What resolves the `@/` links of `doc`'s body: in its own language.
fn resolver<'a>(
    doc: &'a Document,
    targets: &'a Targets,
    config: &'a Config,
    prefix: &'a str,
) -> Resolver<'a> {
    Resolver {
        targets,
        config,
        lang: &doc.lang,
        prefix,
        page: page_path(doc, targets, config),
    }
}

/// The output path of the page a document's body is shown on, for its
/// relative addresses: its version's, its list's, its term's or its
/// language's home.
fn page_path(doc: &Document, targets: &Targets, config: &Config) -> String {
    if let Some((taxonomy, id)) = &doc.term {
        return super::model::Site::taxonomy_path(*taxonomy, &doc.lang, Some(id.as_str()));
    }
    match (doc.kind, &doc.id) {
        (Some(_), Some(_)) => targets
            .versions
            .get(&key_of(doc))
            .and_then(|v| v.get(&doc.lang))
            .map(|t| t.path.clone())
            .unwrap_or_default(),
        (Some(kind), None) => format!("{}/{}/", doc.lang, config.section(kind, &doc.lang)),
        (None, _) => super::model::Site::home_path(&doc.lang),
    }
}

/// For a language the theme has no strings for (its error is reported).
static NO_LABELS: markdown::Labels = markdown::Labels {
    table: String::new(),
    footnote_back: String::new(),
    sizes: crate::typography::SizeWords {
        kb: String::new(),
        mb: String::new(),
        decimal_mark: String::new(),
    },
    languages: BTreeMap::new(),
};

/// The entity an `@/kind/id#anchor` target names.
pub(super) fn link_key(target: &str) -> Option<EntityKey> {
    let path = target.split('#').next()?;
    let (folder, id) = path.trim_end_matches('/').split_once('/')?;
    Some(EntityKey {
        kind: Kind::from_folder(folder)?,
        id: id.to_string(),
    })
}

pub(super) fn key_of(doc: &Document) -> EntityKey {
    EntityKey {
        kind: doc
            .kind
            .unwrap_or_else(|| unreachable!("entity documents have a kind")),
        id: doc.id.clone().unwrap_or_default(),
    }
}
