//! Builds the `Site` from the discovered documents: parse front matter,
//! leave drafts out, pair translations, give each version its URL, check
//! references and URLs, render bodies. All problems are collected.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::links::{Resolver, Target, Targets};
use super::model::{Entity, EntityKey, IndexText, Site, Version, version_path};
use super::refs::{Ref, references};
use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Span, did_you_mean};
use crate::discover::{Document, SourceTree};
use crate::frontmatter::{self, Fields, Parsed};
use crate::kind::Kind;
use crate::markdown::{self, Input};
use crate::timings::Timings;
use crate::yaml::Seg;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publish drafts too (`--drafts`).
    pub drafts: bool,
}

/// A parsed document, before it is placed in the site.
struct Item {
    doc: Document,
    parsed: Parsed,
}

pub fn assemble(
    config: Config,
    tree: SourceTree,
    opts: &Options,
    timings: &mut Timings,
) -> (Site, Diagnostics) {
    let mut diags = Diagnostics::new();

    let parsed: Vec<Result<(Item, Diagnostics), Diagnostics>> = tree
        .documents
        .into_par_iter()
        .map(|doc| frontmatter::parse(&doc, &config).map(|(parsed, d)| (Item { doc, parsed }, d)))
        .collect();
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
    for (key, item) in &published {
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
        let headings = markdown::scan_headings(item.parsed.body(&item.doc));
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

    // Bodies, in parallel: each needs only the link targets.
    let rendered: Vec<(EntityKey, Version, Vec<Diagnostic>)> = published
        .into_par_iter()
        .map(|(key, item)| {
            let resolver = Resolver {
                targets: &targets,
                config: &config,
                lang: &item.doc.lang,
                prefix: &prefix,
            };
            let input = Input {
                file: &item.doc.file,
                file_text: &item.doc.text,
                body: item.parsed.parts.body.clone(),
            };
            let (r, d) = markdown::render(&input, &resolver);
            let path = targets.versions[&key][&item.doc.lang].path.clone();
            let Item { doc, parsed } = item;
            let fields = parsed
                .fields
                .unwrap_or_else(|| unreachable!("entities always have fields"));
            let version = Version {
                sort_key: crate::lang::sort_key(&parsed.common.title),
                lang: doc.lang,
                file: doc.file,
                common: parsed.common,
                fields,
                path,
                html: r.html,
                headings: r.headings,
            };
            (key, version, d)
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
        let resolver = Resolver {
            targets: &targets,
            config: &config,
            lang: &item.doc.lang,
            prefix: &prefix,
        };
        let input = Input {
            file: &item.doc.file,
            file_text: &item.doc.text,
            body: item.parsed.parts.body.clone(),
        };
        let (r, d) = markdown::render(&input, &resolver);
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
    timings.lap("graph");
    let site = Site {
        graph,
        config,
        entities,
        home,
        lists,
        statics: tree.statics,
        path_prefix: prefix,
        drafts: opts.drafts,
    };
    (site, diags)
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
