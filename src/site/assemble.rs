//! Builds the `Site` from the discovered documents: parse front matter,
//! leave drafts out, pair translations, give each version its URL, check
//! references and URLs (`checks`), render bodies (`bodies`). All problems
//! are collected. `patch` is serve's shortcut for an edit that keeps the
//! site's shape.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;

use super::bodies::{Scanned, key_of, link_key, render_body, resolve_scanned, scan_body};
use super::checks::{check_document_files, check_references};
use super::links::{Target, Targets};
use super::model::{Entity, EntityKey, IndexText, Site, Version, version_path};
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Span};
use crate::discover::{Document, SourceTree};
use crate::frontmatter::{self, Parsed};
use crate::markdown::{self, Heading};
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
    /// How the site's images are made (and kept between runs).
    pub images: Arc<crate::images::Images>,
}

/// A parsed document, before it is placed in the site.
pub(super) struct Item {
    pub(super) doc: Document,
    pub(super) parsed: Parsed,
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
    pub(super) docs: HashMap<String, Remembered>,
    /// The link targets of the last build, for `patch_version`.
    pub(super) targets: Option<Targets>,
    /// The labels of the last build, for `patch_version`.
    pub(super) labels: Arc<BTreeMap<crate::lang::Lang, markdown::Labels>>,
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

pub(super) struct Remembered {
    pub(super) fingerprint: u64,
    pub(super) key: Option<EntityKey>,
    pub(super) parsed: Result<(Parsed, Diagnostics), Diagnostics>,
    pub(super) headings: Option<Vec<Heading>>,
    pub(super) body: Option<Body>,
}

#[derive(Clone)]
pub(super) struct Body {
    pub(super) html: Arc<str>,
    pub(super) headings: Vec<Heading>,
    /// The entities its `@/` links point to: if one of them changes, the
    /// body is rendered again (a path or a heading may have moved).
    pub(super) links: Vec<EntityKey>,
    pub(super) addresses: Vec<crate::markdown::Address>,
    pub(super) diags: Vec<Diagnostic>,
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
        media: Default::default(),
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
                Diagnostic::error(crate::t!("site-same-path", path = path.as_str()))
                    .at(if item.parsed.common.slug.is_some() {
                        src.span_of(&[Seg::Key("slug")])
                    } else {
                        Span::file(&item.doc.file)
                    })
                    .help(crate::t!("site-same-path-help", other = other)),
            );
        }
        if let Some(r) = memo.docs.get_mut(&item.doc.file) {
            r.headings = Some(headings.clone());
        }
        targets.versions.entry(key.clone()).or_default().insert(
            item.doc.lang.clone(),
            Target {
                path,
                headings,
                title: item.parsed.common.title.clone(),
            },
        );
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
    let statics: std::collections::BTreeSet<&str> =
        tree.statics.iter().map(|f| f.name.as_str()).collect();
    config.identity.check_site(
        &statics,
        &|id| {
            targets.versions.contains_key(&EntityKey {
                kind: crate::kind::Kind::Page,
                id: id.to_string(),
            })
        },
        &mut diags,
    );
    let probes = super::media::probe_all(&tree.attachments, &tree.statics);
    diags.extend(super::media::budgets(
        &tree.attachments,
        &probes,
        &config.media,
    ));
    targets.media = super::media::MediaPaths::new(
        &config,
        &targets.versions,
        (&tree.attachments, &tree.statics),
        &probes,
        opts.images.settings(),
    );

    let prefix = config.base_url.path().to_string();
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
                    addresses: r.addresses,
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
                addresses: body.addresses.clone(),
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
                Diagnostic::warning(crate::t!("site-orphan-file", name = &a.name, id = &a.id))
                    .at(Span::file(&crate::diag::display_path(&a.source)))
                    .help(crate::t!("site-orphan-file-help")),
            ),
        }
    }

    let mut home = BTreeMap::new();
    let mut lists = BTreeMap::new();
    let mut terms = BTreeMap::new();
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
            file: item.doc.file.clone(),
            title: item.parsed.common.title,
            summary: item.parsed.common.summary,
            html: r.html,
            addresses: r.addresses,
        };
        match (item.doc.kind, item.doc.term) {
            (_, Some((t, id))) => {
                terms.insert((t, id, item.doc.lang), text);
            }
            (None, None) => {
                home.insert(item.doc.lang, text);
            }
            (Some(k), None) => {
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
        terms,
        path_prefix: prefix,
        drafts: opts.drafts,
        probes,
        images: Arc::clone(&opts.images),
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
