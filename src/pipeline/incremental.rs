//! A preview's run after a change to content/ alone: the same stages as a
//! full run, from what the last one left (the read cache, the memo of
//! parsed and rendered documents, the site), making only the pages that
//! show what changed.
//!
//! The common edit, to one file, is patched in when it leaves the site's
//! shape as it was (same address, references, tags and headings): the
//! version is swapped into the site without assembling it again, and only
//! the pages that show it are rendered. Anything else assembles the site
//! again and renders the pages around the entities whose front matter
//! changed in either site.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Extent, Generated, Pipeline};
use crate::diag::Diagnostics;
use crate::discover::{self, Document};
use crate::output::{self, Shown};
use crate::site::{self, Patched};
use crate::timings::Timings;

impl Pipeline {
    /// Runs after `changed` files of content/ (the cache holds a site).
    pub(super) fn run_on_content(&mut self, changed: &BTreeSet<PathBuf>) -> Generated {
        let clean = self
            .cache
            .as_ref()
            .is_some_and(|c| c.pending.is_empty() && c.reshown.is_empty());
        if clean && let Some(g) = self.patch(changed) {
            return g;
        }
        self.assemble_again(changed)
    }

    /// A save that changed known files without changing the site's shape:
    /// swap the new versions in and render the pages that show them.
    /// `None` when any file changed more (the caller assembles the site).
    fn patch(&mut self, changed: &BTreeSet<PathBuf>) -> Option<Generated> {
        let root = self.root.clone();
        let theme = Arc::clone(self.theme.as_ref()?);
        let cache = self.cache.as_mut()?;
        let site = cache.site.as_mut()?;
        let mut edits = Vec::new();
        for path in changed {
            // An editor's temporary file, already renamed over the real one.
            if !path.exists() && !cache.docs.contains_key(path) {
                continue;
            }
            let fresh = match cache.docs.get(path) {
                Some(doc) => match discover::read_again(&root, doc) {
                    Some(f) if f.fingerprint == doc.fingerprint => continue,
                    f => f,
                },
                None => None,
            };
            let lang = fresh.as_ref().map(|f| f.lang.clone());
            let patched = fresh.and_then(|fresh| {
                let p = site::patch_version(site, &mut cache.memo, fresh.clone())?;
                cache.docs.insert(path.clone(), fresh);
                Some(p)
            });
            match patched {
                Some(Patched::Body(k)) => edits.push(Shown::Text(k)),
                Some(Patched::FrontMatter(k)) => {
                    // Pages in the edited version's language show it, and
                    // so do those of languages the entity lacks (they fall
                    // back to it); the others show another version.
                    let mut langs: BTreeSet<_> = lang.into_iter().collect();
                    if let Some(e) = site.entities.get(&k) {
                        langs.extend(
                            site.config
                                .languages
                                .iter()
                                .filter(|l| !e.versions.contains_key(*l))
                                .cloned(),
                        );
                    }
                    edits.push(Shown::FrontMatter(k, Some(langs)));
                }
                None => {
                    // What was already swapped in must still be rendered,
                    // with the pages around it, by the run that follows.
                    owe(cache, &edits);
                    return None;
                }
            }
        }
        // graph.json, the feeds and the sitemap are data, not pages a
        // reload shows: they come after it, with the search index.
        let site: &site::Site = site;
        let jobs = output::plan(site, &theme.statics);
        let edited: BTreeSet<_> = edits.iter().filter_map(Shown::key).cloned().collect();
        let mut diags = output::check_edited(site, &jobs, &edited);
        let mut made = Vec::new();
        if !diags.has_errors() {
            let (artifacts, rendered) = output::render_showing(site, &theme, &jobs, &edits, false);
            diags.extend(rendered);
            made = artifacts;
        }
        if diags.has_errors() {
            owe(cache, &edits);
            return None;
        }
        self.generation += 1;
        Some(Generated {
            diags,
            timings: Timings::default(),
            artifacts: made,
            sent: Vec::new(),
            removed: Vec::new(),
            extent: Extent::Patched,
        })
    }

    /// Discover, front matter, markdown and site again, from the memo;
    /// then the pages around what changed.
    fn assemble_again(&mut self, changed: &BTreeSet<PathBuf>) -> Generated {
        let mut timings = Timings::default();
        let (Some(config), Some(theme), Some(cache)) =
            (&self.config, &self.theme, self.cache.as_mut())
        else {
            unreachable!("run_on_content is called with a config, a theme and a cache")
        };
        let mut diags = Diagnostics::new();
        let (tree, found) = discover::discover_with(&self.root, config, &mut cache.reads);
        diags.extend(found);
        let docs: HashMap<PathBuf, Document> = tree
            .documents
            .iter()
            .map(|d| (Path::new(&self.root).join(&d.file), d.clone()))
            .collect();
        let opts = site::Options {
            drafts: self.settings.drafts,
            history: Arc::clone(&self.history),
            validate_only: false,
            labels: Arc::clone(&self.labels),
            images: Arc::clone(&self.images),
        };
        let (new_site, assembled, changes) =
            site::assemble_with(config.clone(), tree, &opts, &mut cache.memo, &mut timings);
        diags.extend(assembled);
        let jobs = output::plan(&new_site, &theme.statics);
        diags.extend(output::check_plan(&new_site, &jobs));
        let mut touched = changes.files;
        touched.extend(changes.bodies);
        if diags.has_errors() {
            cache.pending.extend(touched);
            return Generated::failed(diags, timings, Extent::Partial);
        }
        touched.append(&mut cache.pending);
        let old = cache
            .site
            .as_ref()
            .unwrap_or_else(|| unreachable!("run_on_content is called with a site"));
        let mut shown = output::changed_between(old, &new_site, &touched, &cache.reshown);
        // A theme's or organisation's text (added, edited or removed) is
        // seen on its term's pages alone.
        shown.extend(changed.iter().filter_map(|p| term_text(&self.root, p)));
        let (artifacts, rendered) = output::render_showing(&new_site, theme, &jobs, &shown, true);
        diags.extend(rendered);
        if diags.has_errors() {
            cache.pending.extend(touched);
            return Generated::failed(diags, timings, Extent::Partial);
        }
        let removed = output::gone(old, &jobs, theme);
        drop(jobs);
        self.generation += 1;
        cache.reshown.clear();
        cache.site = Some(new_site);
        cache.docs = docs;
        Generated {
            diags,
            timings,
            artifacts,
            sent: Vec::new(),
            removed,
            extent: Extent::Partial,
        }
    }
}

/// The term whose text `path` is (`content/themes/<id>.<lang>.md`).
fn term_text(root: &Path, path: &Path) -> Option<Shown> {
    let rel = path.strip_prefix(root.join("content")).ok()?;
    let mut parts = rel.iter().map(|p| p.to_str());
    let (Some(Some(folder)), Some(Some(name)), None) = (parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let taxonomy = crate::kind::Taxonomy::from_folder(folder)?;
    let stem = name.strip_suffix(".md")?;
    let id = stem.split_once('.').map_or(stem, |(id, _)| id);
    Some(Shown::Term(taxonomy, id.to_string()))
}

/// Edits patched into the cache's site whose pages were not made: the
/// next run makes them, and the pages around those whose front matter changed.
fn owe(cache: &mut super::Cache, edits: &[Shown]) {
    for e in edits {
        if let Shown::FrontMatter(k, _) = e {
            cache.reshown.insert(k.clone());
        }
        if let Some(k) = e.key() {
            cache.pending.insert(k.clone());
        }
    }
}
