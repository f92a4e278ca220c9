//! Builds the `Site` from the discovered documents: parse front matter,
//! leave drafts out, pair translations, give each version its URL, check
//! references and URLs, render bodies. All problems are collected.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;

use super::links::{Resolver, Target, Targets};
use super::model::{Entity, EntityKey, IndexText, Site, Version, version_path};
use super::refs::{Ref, references};
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Span, did_you_mean};
use crate::discover::{Document, SourceTree};
use crate::frontmatter::{self, Fields, Parsed};
use crate::kind::Kind;
use crate::markdown::{self, Heading, Input};
use crate::timings::Timings;
use crate::yaml::Seg;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publish drafts too (`--drafts`).
    pub drafts: bool,
    /// What Git knows of content/ (or why it knows nothing).
    pub history: std::sync::Arc<crate::history::History>,
    /// Validate bodies without making their HTML (`check`): links,
    /// anchors and raw HTML are checked all the same.
    pub validate_only: bool,
    /// The words bodies' HTML adds, by language (from the theme).
    pub labels: Arc<BTreeMap<crate::lang::Lang, markdown::Labels>>,
}

/// A parsed document, before it is placed in the site.
struct Item {
    doc: Document,
    parsed: Parsed,
}

/// What `assemble` remembers from one build to the next, for `serve`:
/// each document's front matter, headings and rendered body, keyed by the
/// document's fingerprint, so an edit costs the files it touches. Valid for
/// one configuration: start a new one when config.yaml changes.
#[derive(Default)]
pub struct Memo {
    /// Whether to remember at all: a build that runs once would only pay
    /// for copies it never reads (`Memo::default()` does not).
    keep: bool,
    docs: HashMap<String, Remembered>,
    /// The link targets of the last build, for `patch_body`.
    targets: Option<Targets>,
    /// The labels of the last build, for `patch_body`.
    labels: Arc<BTreeMap<crate::lang::Lang, markdown::Labels>>,
}

impl Memo {
    /// A memo that remembers, for a preview's later runs.
    pub fn remembering() -> Memo {
        Memo {
            keep: true,
            ..Memo::default()
        }
    }
}

struct Remembered {
    fingerprint: u64,
    key: Option<EntityKey>,
    parsed: Result<(Parsed, Diagnostics), Diagnostics>,
    headings: Option<Vec<Heading>>,
    body: Option<Body>,
}

#[derive(Clone)]
struct Body {
    html: Arc<str>,
    headings: Vec<Heading>,
    /// The entities its `@/` links point to: if one of them changes, the
    /// body is rendered again (a path or a heading may have moved).
    links: Vec<EntityKey>,
    diags: Vec<Diagnostic>,
}

pub fn assemble(
    config: Config,
    tree: SourceTree,
    opts: &Options,
    timings: &mut Timings,
) -> (Site, Diagnostics) {
    let (site, diags, _) = assemble_with(config, tree, opts, &mut Memo::default(), timings);
    (site, diags)
}

/// What changed since the memo's previous build.
#[derive(Debug, Default)]
pub struct Changes {
    /// Entities whose files were added, edited or removed.
    pub files: BTreeSet<EntityKey>,
    /// Entities whose bodies were rendered again (their own file changed,
    /// or an entity they link to did).
    pub bodies: BTreeSet<EntityKey>,
}

/// `assemble`, reusing what `memo` remembers, and saying what changed.
pub fn assemble_with(
    config: Config,
    tree: SourceTree,
    opts: &Options,
    memo: &mut Memo,
    timings: &mut Timings,
) -> (Site, Diagnostics, Changes) {
    let mut diags = Diagnostics::new();

    // What changed: files with a new fingerprint, and files that are gone.
    let mut changed: BTreeSet<EntityKey> = BTreeSet::new();
    let present: std::collections::HashSet<&str> =
        tree.documents.iter().map(|d| d.file.as_str()).collect();
    for (file, r) in &memo.docs {
        if !present.contains(file.as_str())
            && let Some(k) = &r.key
        {
            changed.insert(k.clone());
        }
    }
    memo.docs.retain(|file, _| present.contains(file.as_str()));
    for d in &tree.documents {
        let same = memo
            .docs
            .get(&d.file)
            .is_some_and(|r| r.fingerprint == d.fingerprint);
        if !same {
            if d.id.is_some() {
                changed.insert(key_of(d));
            }
            memo.docs.remove(&d.file);
        }
    }

    let remembered = &memo.docs;
    let parsed: Vec<Result<(Item, Diagnostics), Diagnostics>> = tree
        .documents
        .into_par_iter()
        .map(|doc| {
            let result = match remembered.get(&doc.file) {
                Some(r) => r.parsed.clone(),
                None => frontmatter::parse(&doc, &config),
            };
            result.map(|(parsed, d)| (Item { doc, parsed }, d))
        })
        .collect();
    for p in parsed.iter().filter(|_| memo.keep) {
        let (file, fingerprint, key, result) = match p {
            Ok((item, d)) => (
                &item.doc.file,
                item.doc.fingerprint,
                item.doc.id.as_ref().map(|_| key_of(&item.doc)),
                Ok((item.parsed.clone(), d.clone())),
            ),
            Err(_) => continue,
        };
        memo.docs.entry(file.clone()).or_insert(Remembered {
            fingerprint,
            key,
            parsed: result,
            headings: None,
            body: None,
        });
    }
    let mut items = Vec::new();
    for p in parsed {
        match p {
            Ok((i, d)) => {
                items.push(i);
                diags.extend(d);
            }
            Err(d) => diags.extend(d),
        }
    }

    timings.lap("frontmatter");

    let (entity_items, index_items): (Vec<Item>, Vec<Item>) =
        items.into_iter().partition(|i| i.doc.id.is_some());

    // Drafts leave the site here; references to them are reported below.
    let mut drafts = BTreeSet::new();
    let mut published = Vec::new();
    for item in entity_items {
        let key = key_of(&item.doc);
        if item.parsed.common.draft && !opts.drafts {
            drafts.insert(key);
        } else {
            published.push((key, item));
        }
    }
    let published_keys: BTreeSet<&EntityKey> = published.iter().map(|(k, _)| k).collect();
    let drafts: BTreeSet<EntityKey> = drafts
        .into_iter()
        .filter(|k| !published_keys.contains(k))
        .collect();

    // Paths, headings and the link targets every body may point to.
    let mut targets = Targets {
        versions: BTreeMap::new(),
        drafts,
    };
    let mut paths: BTreeMap<String, String> = BTreeMap::new();
    // `check` reads each body once (`markdown::scan`): its headings now,
    // its links resolved below. `build` finds the headings first and
    // renders each body once they are all known.
    let scans: Vec<Option<Scanned>> = if !opts.validate_only {
        published.iter().map(|_| None).collect()
    } else {
        published
            .par_iter()
            .map(|(_, item)| Some(scan_body(&item.doc, &item.parsed, &config, &opts.labels)))
            .collect()
    };
    let headings: Vec<Vec<Heading>> = published
        .par_iter()
        .zip(&scans)
        .map(|((_, item), scan)| {
            if let Some(s) = scan {
                return s.0.headings.clone();
            }
            match memo
                .docs
                .get(&item.doc.file)
                .and_then(|r| r.headings.clone())
            {
                Some(h) => h,
                None => markdown::scan_headings(item.parsed.body(&item.doc)),
            }
        })
        .collect();
    for ((key, item), headings) in published.iter().zip(headings) {
        let slug = item
            .parsed
            .common
            .slug
            .clone()
            .unwrap_or_else(|| key.id.clone());
        let path = version_path(&config, key.kind, &item.doc.lang, &slug);
        if let Some(other) = paths.insert(path.clone(), item.doc.file.clone()) {
            let src = item.parsed.source(&item.doc);
            diags.push(
                Diagnostic::error(format!("two pages would be published at `/{path}`"))
                    .at(if item.parsed.common.slug.is_some() {
                        src.span_of(&[Seg::Key("slug")])
                    } else {
                        Span::file(&item.doc.file)
                    })
                    .help(format!(
                        "`{other}` is published there too; change one `slug`"
                    )),
            );
        }
        if let Some(r) = memo.docs.get_mut(&item.doc.file) {
            r.headings = Some(headings.clone());
        }
        targets
            .versions
            .entry(key.clone())
            .or_default()
            .insert(item.doc.lang.clone(), Target { path, headings });
    }

    let mut bundle_files: BTreeMap<EntityKey, Vec<String>> = BTreeMap::new();
    for a in &tree.attachments {
        let key = EntityKey {
            kind: a.kind,
            id: a.id.clone(),
        };
        bundle_files.entry(key).or_default().push(a.name.clone());
    }
    for (_, item) in &published {
        check_references(item, &targets, &mut diags);
        check_document_files(item, &bundle_files, &mut diags);
    }

    let prefix = path_prefix(&config.base_url);
    timings.lap("references");

    // Bodies, in parallel: each needs only the link targets. A remembered
    // body stands while its file and the entities it links to are unchanged.
    let remembered = &memo.docs;
    let rendered: Vec<(EntityKey, Version, Body, bool)> = published
        .into_par_iter()
        .zip(scans)
        .map(|((key, item), scan)| {
            let kept = remembered
                .get(&item.doc.file)
                .and_then(|r| r.body.clone())
                .filter(|b| b.links.iter().all(|l| !changed.contains(l)));
            let fresh = kept.is_none();
            let body = kept.unwrap_or_else(|| {
                let (r, d) = match scan {
                    Some(scan) => resolve_scanned(
                        &item.doc,
                        &item.parsed,
                        scan,
                        &targets,
                        &config,
                        &prefix,
                        &opts.labels,
                    ),
                    // No scan: this is `build`, which wants the HTML.
                    None => render_body(
                        &item.doc,
                        &item.parsed,
                        &targets,
                        &config,
                        &prefix,
                        &opts.labels,
                        true,
                    ),
                };
                Body {
                    html: Arc::from(r.html),
                    headings: r.headings,
                    links: r.links.iter().filter_map(|l| link_key(l)).collect(),
                    diags: d,
                }
            });
            let path = targets.versions[&key][&item.doc.lang].path.clone();
            let Item { doc, parsed } = item;
            let sort_key = crate::lang::sort_key(&parsed.common.title);
            let last_change = opts.history.get(&doc.file).cloned();
            let fields = parsed
                .fields
                .unwrap_or_else(|| unreachable!("entities always have fields"));
            let version = Version {
                lang: doc.lang,
                file: doc.file,
                common: parsed.common,
                fields,
                path,
                html: Arc::clone(&body.html),
                headings: body.headings.clone(),
                sort_key,
                last_change,
            };
            (key, version, body, fresh)
        })
        .collect();
    let mut bodies = BTreeSet::new();
    let rendered: Vec<(EntityKey, Version, Vec<Diagnostic>)> = rendered
        .into_iter()
        .map(|(key, version, body, fresh)| {
            let diags = body.diags.clone();
            if fresh {
                bodies.insert(key.clone());
                if let Some(r) = memo.docs.get_mut(&version.file) {
                    r.body = Some(body);
                }
            }
            (key, version, diags)
        })
        .collect();

    let mut entities: BTreeMap<EntityKey, Entity> = BTreeMap::new();
    for (key, version, d) in rendered {
        diags.extend(d);
        entities
            .entry(key.clone())
            .or_insert_with(|| Entity {
                kind: key.kind,
                id: key.id.clone(),
                versions: BTreeMap::new(),
                attachments: Vec::new(),
            })
            .versions
            .insert(version.lang.clone(), version);
    }

    for a in tree.attachments {
        let key = EntityKey {
            kind: a.kind,
            id: a.id.clone(),
        };
        match entities.get_mut(&key) {
            Some(e) => e.attachments.push(a),
            None if targets.drafts.contains(&key) => {}
            None => diags.push(
                Diagnostic::warning(format!(
                    "`{}` is in the folder of `{}`, which has no `index.<lang>.md`; it is not published",
                    a.name, a.id
                ))
                .at(Span::file(&crate::diag::display_path(&a.source)))
                .help("add the entity's `index.<lang>.md` files to the folder"),
            ),
        }
    }

    let mut home = BTreeMap::new();
    let mut lists = BTreeMap::new();
    for item in index_items {
        let (r, d) = render_body(
            &item.doc,
            &item.parsed,
            &targets,
            &config,
            &prefix,
            &opts.labels,
            !opts.validate_only,
        );
        diags.extend(d);
        let text = IndexText {
            title: item.parsed.common.title,
            summary: item.parsed.common.summary,
            html: r.html,
        };
        match item.doc.kind {
            None => {
                home.insert(item.doc.lang, text);
            }
            Some(k) => {
                lists.insert((k, item.doc.lang), text);
            }
        }
    }

    timings.lap("markdown");
    let graph = super::graph::Graph::build(&entities);
    memo.targets = Some(targets);
    memo.labels = Arc::clone(&opts.labels);
    let site = Site {
        graph,
        history_note: opts.history.reason.clone(),
        config,
        entities,
        home,
        lists,
        statics: tree.statics,
        path_prefix: prefix,
        drafts: opts.drafts,
    };
    (
        site,
        diags,
        Changes {
            files: changed,
            bodies,
        },
    )
}

/// What `patch_version` changed in the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Patched {
    /// The text only: nothing but the entity's own pages shows it.
    Body(EntityKey),
    /// The front matter too (a title, a summary, a date…), but nothing that
    /// moves the site around it (`same_shape`): its own pages and every
    /// page that shows it must be rendered again.
    Face(EntityKey),
}

/// The fast path of `serve`: `doc` is a new text of a version already in
/// `site`. When its address, references, tags, aliases and headings are
/// what they were, the site keeps its shape (the graph, the link targets
/// of every other body): swap the new front matter and body in. `None`
/// when that does not hold (or the file has a problem): the caller then
/// assembles the whole site, which also reports the problem.
pub fn patch_version(site: &mut Site, memo: &mut Memo, doc: Document) -> Option<Patched> {
    let key = EntityKey {
        kind: doc.kind?,
        id: doc.id.clone()?,
    };
    let targets = memo.targets.as_ref()?;
    let (parsed, parse_diags) = frontmatter::parse(&doc, &site.config).ok()?;
    if !parse_diags.is_empty() {
        return None;
    }
    let entity = site.entities.get(&key)?;
    let version = entity.versions.get(&doc.lang)?;
    let fields = parsed.fields.as_ref()?;
    if version.file != doc.file || !same_shape(version, &parsed.common, fields) {
        return None;
    }
    let face = version.common != parsed.common || &version.fields != fields;
    let headings = markdown::scan_headings(parsed.body(&doc));
    if headings != version.headings {
        return None;
    }
    let item = Item { doc, parsed };
    if face {
        // What assemble checks of a front matter beyond its references
        // (which are the same, to the same targets).
        let names = entity.attachments.iter().map(|a| a.name.clone()).collect();
        let mut d = Diagnostics::new();
        check_document_files(&item, &BTreeMap::from([(key.clone(), names)]), &mut d);
        if !d.is_empty() {
            return None;
        }
    }
    let Item { doc, parsed } = item;
    let (r, d) = render_body(
        &doc,
        &parsed,
        targets,
        &site.config,
        &site.path_prefix,
        &memo.labels,
        true,
    );
    if !d.is_empty() {
        return None;
    }
    let body = Body {
        html: Arc::from(r.html),
        headings: r.headings,
        links: r.links.iter().filter_map(|l| link_key(l)).collect(),
        diags: Vec::new(),
    };
    let version = site.entities.get_mut(&key)?.versions.get_mut(&doc.lang)?;
    version.html = Arc::clone(&body.html);
    if face {
        version.sort_key = crate::lang::sort_key(&parsed.common.title);
        version.common = parsed.common.clone();
        version.fields = parsed.fields.clone()?;
    }
    memo.docs.insert(
        doc.file.clone(),
        Remembered {
            fingerprint: doc.fingerprint,
            key: Some(key.clone()),
            parsed: Ok((parsed, parse_diags)),
            headings: Some(headings),
            body: Some(body),
        },
    );
    Some(if face {
        Patched::Face(key)
    } else {
        Patched::Body(key)
    })
}

/// Whether a new front matter of `version` leaves the site around it as
/// it was: the same address and redirects, published or not alike, the
/// same references (so the same graph) and the same theme and
/// organisation tags. Titles, summaries, dates and the other fields may
/// differ: they change what pages show, not which pages there are.
fn same_shape(version: &Version, common: &frontmatter::Common, fields: &Fields) -> bool {
    let old = &version.common;
    old.slug == common.slug
        && old.draft == common.draft
        && old.aliases == common.aliases
        && old.themes == common.themes
        && organisations(&version.fields) == organisations(fields)
        && references(&version.fields) == references(fields)
}

/// The organisations a front matter names (a tag, like a theme).
fn organisations(fields: &Fields) -> &[String] {
    match fields {
        Fields::Meeting(m) => &m.organisations,
        Fields::Practice(p) => &p.organisations,
        _ => &[],
    }
}

/// What `markdown::scan` gives: the body without HTML, the `@/` links
/// still to resolve, the other diagnostics.
type Scanned = (markdown::Rendered, Vec<markdown::LinkAt>, Vec<Diagnostic>);

fn scan_body(
    doc: &Document,
    parsed: &Parsed,
    config: &Config,
    labels: &BTreeMap<crate::lang::Lang, markdown::Labels>,
) -> Scanned {
    markdown::scan(&input_of(doc, parsed, config, labels, false))
}

/// A scanned body's links resolved against `targets`, as `render_body`
/// would: the same diagnostics, no HTML.
fn resolve_scanned(
    doc: &Document,
    parsed: &Parsed,
    (rendered, links, mut diags): Scanned,
    targets: &Targets,
    config: &Config,
    prefix: &str,
    labels: &BTreeMap<crate::lang::Lang, markdown::Labels>,
) -> (markdown::Rendered, Vec<Diagnostic>) {
    let resolver = Resolver {
        targets,
        config,
        lang: &doc.lang,
        prefix,
    };
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
fn render_body(
    doc: &Document,
    parsed: &Parsed,
    targets: &Targets,
    config: &Config,
    prefix: &str,
    labels: &BTreeMap<crate::lang::Lang, markdown::Labels>,
    html: bool,
) -> (markdown::Rendered, Vec<Diagnostic>) {
    let resolver = Resolver {
        targets,
        config,
        lang: &doc.lang,
        prefix,
    };
    markdown::render(&input_of(doc, parsed, config, labels, html), &resolver)
}

/// For a language the theme has no strings for (its error is reported).
static NO_LABELS: markdown::Labels = markdown::Labels {
    table: String::new(),
    footnote_back: String::new(),
};

/// The entity an `@/kind/id#anchor` target names.
fn link_key(target: &str) -> Option<EntityKey> {
    let path = target.split('#').next()?;
    let (folder, id) = path.trim_end_matches('/').split_once('/')?;
    Some(EntityKey {
        kind: Kind::from_folder(folder)?,
        id: id.to_string(),
    })
}

fn key_of(doc: &Document) -> EntityKey {
    EntityKey {
        kind: doc
            .kind
            .unwrap_or_else(|| unreachable!("entity documents have a kind")),
        id: doc.id.clone().unwrap_or_default(),
    }
}

/// `/` for `https://x.org/`, `/hub/` for `https://x.org/hub/`.
fn path_prefix(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) if base_url.contains("://") => after_scheme[i..].to_string(),
        _ if base_url.starts_with('/') => base_url.to_string(),
        _ => "/".to_string(),
    }
}

fn check_references(item: &Item, targets: &Targets, diags: &mut Diagnostics) {
    let Some(fields) = &item.parsed.fields else {
        return;
    };
    for r in references(fields) {
        let key = EntityKey {
            kind: r.kind,
            id: r.id.to_string(),
        };
        if targets.versions.contains_key(&key) {
            continue;
        }
        let src = item.parsed.source(&item.doc);
        let span = src.span_of(&ref_path(&r));
        let what = r.kind.name();
        let d = if targets.drafts.contains(&key) {
            Diagnostic::error(format!("the {what} `{}` is a draft", r.id))
                .at(span)
                .label("not published")
                .help("a published page cannot point to a draft: publish it, or remove this reference")
        } else if let Some(other) = Kind::ALL.into_iter().find(|k| {
            targets.versions.contains_key(&EntityKey {
                kind: *k,
                id: r.id.to_string(),
            })
        }) {
            Diagnostic::error(format!("`{}` is a {}, not a {what}", r.id, other.name()))
                .at(span)
                .label(format!("expected a {what} id"))
                .help(format!("`{}` takes {} ids", r.field, what))
        } else {
            let ids = targets
                .versions
                .keys()
                .filter(|k| k.kind == r.kind)
                .map(|k| k.id.as_str());
            let d = Diagnostic::error(format!("unknown {what} `{}`", r.id)).at(span);
            match did_you_mean(r.id, ids) {
                Some(h) => d.label(format!("did you mean `{h}`?")),
                None => d.label(format!("no {what} has this id")).help(format!(
                    "{what} ids are the file names in content/{}/",
                    r.kind.folder()
                )),
            }
        };
        diags.push(d);
    }
}

fn ref_path(r: &Ref<'_>) -> Vec<Seg<'static>> {
    let mut p = vec![Seg::Key(r.field)];
    if let Some(i) = r.index {
        p.push(Seg::Index(i));
    }
    if let Some(k) = r.key {
        p.push(Seg::Key(k));
    }
    p
}

/// A meeting's `documents: [{ file: … }]` must name a file of its bundle.
fn check_document_files(
    item: &Item,
    bundle_files: &BTreeMap<EntityKey, Vec<String>>,
    diags: &mut Diagnostics,
) {
    let Some(Fields::Meeting(m)) = &item.parsed.fields else {
        return;
    };
    let names = bundle_files
        .get(&key_of(&item.doc))
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (i, d) in m.documents.iter().enumerate() {
        let Some(file) = &d.file else { continue };
        if names.contains(file) {
            continue;
        }
        let span = item.parsed.source(&item.doc).span_of(&[
            Seg::Key("documents"),
            Seg::Index(i),
            Seg::Key("file"),
        ]);
        let diag =
            Diagnostic::error(format!("`{file}` is not a file of this meeting's bundle")).at(span);
        diags.push(match did_you_mean(file, names.iter().map(String::as_str)) {
            Some(h) => diag.label(format!("did you mean `{h}`?")),
            None => diag.label("no such file").help(if item.doc.bundle {
                "put the file in the meeting's folder, beside its index.<lang>.md files".to_string()
            } else {
                "a meeting with files must be a bundle: move it to `meetings/<id>/index.<lang>.md` and put the file beside it".to_string()
            }),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repository's own hub, assembled, with its memo and documents.
    fn hub() -> (Site, Memo, Vec<Document>) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = crate::config::load(root).expect("config.yaml");
        let (tree, _) = crate::discover::discover(root, &config);
        let docs = tree.documents.clone();
        let mut memo = Memo::remembering();
        let (site, diags, _) = assemble_with(
            config,
            tree,
            &Options::default(),
            &mut memo,
            &mut Timings::default(),
        );
        assert!(!diags.has_errors());
        (site, memo, docs)
    }

    fn edited(doc: &Document, from: &str, to: &str) -> Document {
        assert!(doc.text.contains(from), "{} has no {from:?}", doc.file);
        let text = doc.text.replacen(from, to, 1);
        Document {
            fingerprint: crate::discover::fingerprint(&text),
            text: Arc::from(text),
            ..doc.clone()
        }
    }

    const FICHE: &str = "content/practices/anpe-togo.fr.md";
    const TITLE: &str = "title: \"Togo : les services";

    #[test]
    fn a_text_or_a_title_is_patched_in_but_a_reference_is_not() {
        let (mut site, mut memo, docs) = hub();
        let doc = docs.iter().find(|d| d.file == FICHE).expect("the fiche");
        let key = EntityKey {
            kind: Kind::Practice,
            id: "anpe-togo".to_string(),
        };
        let fr = doc.lang.clone();
        let version = |site: &Site| site.entities[&key].versions[&fr].clone();

        let text = edited(
            doc,
            "## Le service",
            "## Le service\n\nUn paragraphe de plus.",
        );
        assert_eq!(
            patch_version(&mut site, &mut memo, text),
            Some(Patched::Body(key.clone()))
        );
        assert!(version(&site).html.contains("Un paragraphe de plus."));

        let title = edited(doc, TITLE, "title: \"Togo : les nouveaux services");
        assert_eq!(
            patch_version(&mut site, &mut memo, title),
            Some(Patched::Face(key.clone()))
        );
        let v = version(&site);
        assert!(v.common.title.starts_with("Togo : les nouveaux services"));
        assert_eq!(v.sort_key, crate::lang::sort_key(&v.common.title));
        assert!(
            !v.html.contains("Un paragraphe de plus."),
            "the body is the file's"
        );

        // What moves the site around the version: the full path's work.
        for (from, to) in [
            (
                "challenges: [employer-reluctance, coordination-gaps]",
                "challenges: [employer-reluctance]",
            ),
            ("themes: [return-readmission-reintegration]", "themes: []"),
            ("organisations: [anpe-togo, ofii]", "organisations: [ofii]"),
            (TITLE, "slug: ailleurs\ntitle: \"Togo : les services"),
            (TITLE, "draft: true\ntitle: \"Togo : les services"),
            (TITLE, "aliases: [/ancien/]\ntitle: \"Togo : les services"),
            ("## Le service", "## Le service public"),
            (TITLE, "title: [pas, un, titre]\nx: \"y"),
        ] {
            let before = version(&site).common.clone();
            assert_eq!(
                patch_version(&mut site, &mut memo, edited(doc, from, to)),
                None,
                "{to}"
            );
            assert_eq!(version(&site).common, before, "left as it was");
        }
    }
}
