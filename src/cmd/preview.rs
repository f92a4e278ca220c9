//! The site `serve` keeps between saves, and how it is rebuilt: an edit to
//! content re-reads, re-parses and re-renders only the files it touched,
//! and re-renders only the pages that show them (the edited entities'
//! pages, their neighbours' in the graph, and the pages that list
//! entities); a change to config.yaml, the theme or static files rebuilds
//! everything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config};
use crate::diag::Diagnostics;
use crate::discover::{self, ReadCache};
use crate::output::{self, Content, Scope};
use crate::site::{self, EntityKey, Memo, Site};
use crate::theme::{self, Theme};

pub struct Preview {
    root: PathBuf,
    drafts: bool,
    base_url: String,
    config: Option<Config>,
    theme: Option<Theme>,
    reads: ReadCache,
    memo: Memo,
    /// The last site that built without error, and its files.
    site: Option<Site>,
    pub files: BTreeMap<String, Arc<Content>>,
    /// Entities changed by builds that failed since the last good one:
    /// their pages are still the old ones.
    pending: BTreeSet<EntityKey>,
    /// What Git knew at the last full build (edits are not commits).
    history: std::sync::Arc<crate::history::History>,
    search_stale: bool,
    /// The documents of the last good build, by absolute path.
    docs: std::collections::HashMap<PathBuf, discover::Document>,
}

/// What a rebuild did.
pub struct Outcome {
    pub diags: Diagnostics,
    /// Files rendered (all of them on a full build).
    pub rendered: usize,
    pub full: bool,
}

impl Preview {
    pub fn new(root: &Path, drafts: bool, base_url: &str) -> Preview {
        Preview {
            root: root.to_path_buf(),
            drafts,
            base_url: base_url.to_string(),
            config: None,
            theme: None,
            reads: ReadCache::default(),
            memo: Memo::default(),
            site: None,
            files: BTreeMap::new(),
            pending: BTreeSet::new(),
            docs: std::collections::HashMap::new(),
            search_stale: false,
            history: std::sync::Arc::default(),
        }
    }

    /// A save that only changed the text of known files: swap the new
    /// bodies in and render those entities' pages. `None` when any file
    /// changed more than its text (the caller rebuilds the site).
    fn patch(&mut self, changed: &BTreeSet<PathBuf>) -> Option<Outcome> {
        let site = self.site.as_mut()?;
        let theme = self.theme.as_ref()?;
        let mut keys = BTreeSet::new();
        for path in changed {
            // An editor's temporary file, already renamed over the real one.
            if !path.exists() && !self.docs.contains_key(path) {
                continue;
            }
            let doc = self.docs.get(path)?;
            let fresh = discover::read_again(&self.root, doc)?;
            if fresh.fingerprint == doc.fingerprint {
                continue;
            }
            match site::patch_body(site, &mut self.memo, fresh.clone()) {
                Some(k) => {
                    self.docs.insert(path.clone(), fresh);
                    keys.insert(k);
                }
                None => {
                    // Already swapped bodies must still be rendered by the
                    // full rebuild that follows.
                    self.pending.extend(keys);
                    return None;
                }
            }
        }
        let scope = Scope {
            entities: keys,
            ..Scope::default()
        };
        let (artifacts, diags) = output::artifacts_scoped(site, theme, Some(&scope));
        if diags.has_errors() {
            self.pending.extend(scope.entities);
            return None;
        }
        let rendered = artifacts.len();
        self.search_stale = true;
        for a in artifacts {
            self.files.insert(a.path, Arc::new(a.content));
        }
        Some(Outcome {
            diags,
            rendered,
            full: false,
        })
    }

    pub fn default_lang(&self) -> String {
        self.config
            .as_ref()
            .map(|c| c.default_language.to_string())
            .unwrap_or_default()
    }

    /// Whether the search index lags behind the pages (after a partial
    /// rebuild).
    pub fn search_stale(&self) -> bool {
        self.search_stale
    }

    /// Rebuilds the search index and pages of the current site.
    pub fn refresh_search(&mut self) -> Diagnostics {
        let (Some(site), Some(theme)) = (&self.site, &self.theme) else {
            return Diagnostics::new();
        };
        let (artifacts, diags) = output::search_artifacts(site, theme);
        if !diags.has_errors() {
            for a in artifacts {
                self.files.insert(a.path, Arc::new(a.content));
            }
            self.search_stale = false;
        }
        diags
    }

    /// Rebuilds after `changed` paths (all of them: `None`).
    pub fn rebuild(&mut self, changed: Option<&BTreeSet<PathBuf>>) -> Outcome {
        let content = self.root.join("content");
        let content_only = changed.is_some_and(|c| c.iter().all(|p| p.starts_with(&content)));
        let full =
            !content_only || self.config.is_none() || self.theme.is_none() || self.site.is_none();
        if !full
            && let Some(changed) = changed
            && let Some(outcome) = self.patch(changed)
        {
            return outcome;
        }
        let mut diags = Diagnostics::new();
        if full {
            // Everything may read differently under a new configuration.
            self.memo = Memo::default();
            self.reads = ReadCache::default();
            self.config = None;
            self.theme = None;
            self.history = std::sync::Arc::new(crate::history::History::read(&self.root));
            match config::load(&self.root) {
                Ok(mut c) => {
                    c.base_url = self.base_url.clone();
                    match theme::load(&self.root, &c) {
                        Ok(t) => self.theme = Some(t),
                        Err(d) => diags.extend(d),
                    }
                    self.config = Some(c);
                }
                Err(d) => diags.extend(d),
            }
        }
        let (Some(config), Some(theme)) = (&self.config, &self.theme) else {
            return Outcome {
                diags,
                rendered: 0,
                full,
            };
        };
        let (tree, found) = discover::discover_with(&self.root, config, &mut self.reads);
        diags.extend(found);
        let docs = tree
            .documents
            .iter()
            .map(|d| (self.root.join(&d.file), d.clone()))
            .collect();
        let opts = site::Options {
            drafts: self.drafts,
            history: std::sync::Arc::clone(&self.history),
            html: true,
        };
        let (new_site, assembled, changes) = site::assemble_with(
            config.clone(),
            tree,
            &opts,
            &mut self.memo,
            &mut crate::timings::Timings::default(),
        );
        diags.extend(assembled);
        let mut touched = changes.files;
        touched.extend(changes.bodies);
        if diags.has_errors() {
            self.pending.extend(touched);
            return Outcome {
                diags,
                rendered: 0,
                full,
            };
        }
        touched.append(&mut self.pending);

        let scope = match (&self.site, full) {
            (Some(old), false) => Some(affected(old, &new_site, &touched)),
            _ => None,
        };
        let (artifacts, rendered) = output::artifacts_scoped(&new_site, theme, scope.as_ref());
        diags.extend(rendered);
        if diags.has_errors() {
            self.pending.extend(touched);
            return Outcome {
                diags,
                rendered: 0,
                full,
            };
        }
        let count = artifacts.len();
        match (&scope, &self.site) {
            (Some(scope), Some(old)) => {
                // The old files of the re-rendered entities go; the new
                // ones (and every list page) replace them.
                for key in &scope.entities {
                    if let Some(e) = old.entities.get(key) {
                        for f in output::entity_files(e) {
                            self.files.remove(&f);
                        }
                    }
                }
                for a in artifacts {
                    self.files.insert(a.path, Arc::new(a.content));
                }
            }
            _ => {
                self.files = artifacts
                    .into_iter()
                    .map(|a| (a.path, Arc::new(a.content)))
                    .collect();
            }
        }
        self.search_stale = scope.is_some();
        self.site = Some(new_site);
        self.docs = docs;
        Outcome {
            diags,
            rendered: count,
            full: scope.is_none(),
        }
    }
}

/// Whether what other pages show of an entity (its face: front matter,
/// address, languages) differs between two builds. A change to the text
/// alone is seen only on the entity's own pages.
fn face_changed(old: &Site, new: &Site, key: &EntityKey) -> bool {
    match (old.entities.get(key), new.entities.get(key)) {
        (Some(a), Some(b)) => {
            a.versions.len() != b.versions.len()
                || a.versions
                    .iter()
                    .zip(&b.versions)
                    .any(|((la, va), (lb, vb))| {
                        la != lb
                            || va.common != vb.common
                            || va.fields != vb.fields
                            || va.path != vb.path
                    })
        }
        (None, None) => false,
        _ => true,
    }
}

/// The pages that show something of `touched`: the entities' own pages;
/// and when their face changed, their neighbours' pages and the lists,
/// taxonomy pages, matrix and graph that show them.
fn affected(old: &Site, new: &Site, touched: &BTreeSet<EntityKey>) -> Scope {
    use crate::kind::Kind;
    let mut scope = Scope {
        entities: touched.clone(),
        ..Scope::default()
    };
    let faces: Vec<&EntityKey> = touched
        .iter()
        .filter(|k| face_changed(old, new, k))
        .collect();
    for key in faces {
        for site in [old, new] {
            let Some(e) = site.entities.get(key) else {
                continue;
            };
            for list in site.graph.lists(key, &site.entities).into_values() {
                scope.entities.extend(list);
            }
            scope.terms.extend(
                site.graph
                    .themes_of(key)
                    .map(|t| ("themes".to_string(), t.clone())),
            );
            scope.terms.extend(
                site.graph
                    .organisations_of(key)
                    .map(|o| ("organisations".to_string(), o.clone())),
            );
            scope.lists.insert(e.kind);
        }
        // Practice lists name their countries; home pages count and show
        // the latest meetings.
        if key.kind == Kind::Country {
            scope.lists.insert(Kind::Practice);
        }
        scope.home |= key.kind == Kind::Meeting
            || !(old.entities.contains_key(key) && new.entities.contains_key(key));
        scope.matrix |= matches!(
            key.kind,
            Kind::Challenge | Kind::Recommendation | Kind::Practice
        );
        scope.taxonomies = true;
        scope.graph = true;
    }
    scope
}
