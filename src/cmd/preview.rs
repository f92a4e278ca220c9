//! The site `serve` keeps between saves, and how it is rebuilt: an edit to
//! content re-reads, re-parses and re-renders only the files it touched,
//! and re-renders only the pages that show them (the edited entities'
//! pages, their neighbours' in the graph, and the pages that list
//! entities); a change to config.yaml, the theme or static files rebuilds
//! everything.
//!
//! The common edit, to one file, takes a fast path when it leaves the
//! site's shape as it was (same address, references, tags and headings):
//! the version is patched in place, without assembling the site again, and
//! only the pages that show it are rendered. The search index follows
//! later, from a `SearchInput` (see `cmd/serve.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config};
use crate::diag::Diagnostics;
use crate::discover::{self, ReadCache};
use crate::kind::Kind;
use crate::output::{self, Artifact, Content, Scope};
use crate::site::{self, EntityKey, Memo, Patched, Site};
use crate::theme::{self, Theme};

pub struct Preview {
    root: PathBuf,
    drafts: bool,
    base_url: String,
    config: Option<Config>,
    theme: Option<Arc<Theme>>,
    reads: ReadCache,
    memo: Memo,
    /// The last site that built without error, and its files.
    site: Option<Site>,
    pub files: BTreeMap<String, Arc<Content>>,
    /// Entities changed by builds that failed since the last good one:
    /// their pages are still the old ones.
    pending: BTreeSet<EntityKey>,
    /// Entities whose front matter a fast patch changed in `site` before
    /// the rebuild failed or fell back to the full path: the pages around
    /// them are still the old ones, though `site` already shows the new.
    faces: BTreeSet<EntityKey>,
    /// What Git knew at the last full build (edits are not commits).
    history: std::sync::Arc<crate::history::History>,
    /// Bumped by every build that succeeds.
    generation: u64,
    /// The generation the search index in `files` was made from.
    indexed: u64,
    /// The documents of the last good build, by absolute path.
    docs: std::collections::HashMap<PathBuf, discover::Document>,
}

/// What a rebuild did.
pub struct Outcome {
    pub diags: Diagnostics,
    /// Files rendered (all of them on a full build).
    pub rendered: usize,
    pub full: bool,
    /// Whether the edit was patched in without assembling the site.
    pub fast: bool,
}

/// The site as one build left it, with its theme: what the search index
/// is made from, on another thread, while later edits go on.
pub struct SearchInput {
    generation: u64,
    site: Site,
    theme: Arc<Theme>,
}

impl SearchInput {
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The search bundles and search pages of this site, and its data
    /// files (graph.json, feeds, sitemap), which the fast path leaves here.
    pub fn search(&self) -> (Vec<Artifact>, Diagnostics) {
        output::search_artifacts(&self.site, &self.theme)
    }
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
            faces: BTreeSet::new(),
            docs: std::collections::HashMap::new(),
            generation: 0,
            indexed: 0,
            history: std::sync::Arc::default(),
        }
    }

    /// A save that changed known files without changing the site's shape
    /// (`site::patch_version`): swap the new versions in and render the
    /// pages that show them. `None` when any file changed more (the caller
    /// rebuilds the site).
    fn patch(&mut self, changed: &BTreeSet<PathBuf>) -> Option<Outcome> {
        let site = self.site.as_mut()?;
        let theme = self.theme.as_ref()?;
        let mut scope = Scope::default();
        let mut faces = BTreeSet::new();
        for path in changed {
            // An editor's temporary file, already renamed over the real one.
            if !path.exists() && !self.docs.contains_key(path) {
                continue;
            }
            let fresh = match self.docs.get(path) {
                Some(doc) => match discover::read_again(&self.root, doc) {
                    Some(f) if f.fingerprint == doc.fingerprint => continue,
                    f => f,
                },
                None => None,
            };
            let lang = fresh.as_ref().map(|f| f.lang.clone());
            let patched = fresh.and_then(|fresh| {
                let p = site::patch_version(site, &mut self.memo, fresh.clone())?;
                self.docs.insert(path.clone(), fresh);
                Some(p)
            });
            match patched {
                Some(Patched::Body(k)) => {
                    scope.own.insert(k.clone());
                    scope.entities.insert(k);
                }
                Some(Patched::Face(k)) => {
                    // Pages in the edited version's language show it, and
                    // so do those of languages the entity lacks (they fall
                    // back to it); the others show another version.
                    let langs = scope.langs.get_or_insert_with(BTreeSet::new);
                    langs.extend(lang);
                    if let Some(e) = site.entities.get(&k) {
                        langs.extend(
                            site.config
                                .languages
                                .iter()
                                .filter(|l| !e.versions.contains_key(*l))
                                .cloned(),
                        );
                    }
                    face_scope(site, &k, &mut scope);
                    scope.own.insert(k.clone());
                    faces.insert(k);
                }
                None => {
                    // What was already swapped in must still be rendered,
                    // with the pages around it, by the rebuild that follows.
                    self.pending.extend(scope.entities);
                    self.faces.extend(faces);
                    return None;
                }
            }
        }
        // graph.json, the feeds and the sitemap are data, not pages a
        // reload shows: they come after it, with the search index
        // (`SearchInput::search`), so a title edit waits for neither.
        scope.graph = false;
        scope.web = false;
        // Text edits alone: their own pages only.
        scope.langs.get_or_insert_with(BTreeSet::new);
        let (artifacts, diags) = output::artifacts_scoped(site, theme, Some(&scope));
        if diags.has_errors() {
            self.pending.extend(scope.entities);
            self.faces.extend(faces);
            return None;
        }
        let rendered = artifacts.len();
        self.generation += 1;
        for a in artifacts {
            self.files.insert(a.path, Arc::new(a.content));
        }
        Some(Outcome {
            diags,
            rendered,
            full: false,
            fast: true,
        })
    }

    /// The configuration and theme of the last build that read them.
    pub fn config_and_theme(&self) -> Option<(&Config, &Theme)> {
        Some((self.config.as_ref()?, self.theme.as_deref()?))
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
        self.indexed < self.generation
    }

    /// The generation of the last good build.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// A copy of the last good site, to make its search index elsewhere.
    pub fn search_input(&self) -> Option<SearchInput> {
        Some(SearchInput {
            generation: self.generation,
            site: self.site.clone()?,
            theme: Arc::clone(self.theme.as_ref()?),
        })
    }

    /// Takes the search files made from the snapshot of `generation`,
    /// unless the index is already as new. Whether it took them.
    pub fn add_search(&mut self, generation: u64, files: &[(String, Arc<Content>)]) -> bool {
        if generation <= self.indexed {
            return false;
        }
        // Pagefind names its files by their content: those of the index
        // before that this one did not make again go, or they would pile
        // up over a day of editing.
        let fresh: BTreeSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        self.files
            .retain(|path, _| !output::search::in_bundle(path) || fresh.contains(path.as_str()));
        for (path, content) in files {
            self.files.insert(path.clone(), Arc::clone(content));
        }
        self.indexed = generation;
        true
    }

    /// Rebuilds after `changed` paths (all of them: `None`).
    pub fn rebuild(&mut self, changed: Option<&BTreeSet<PathBuf>>) -> Outcome {
        let content = self.root.join("content");
        let content_only = changed.is_some_and(|c| c.iter().all(|p| p.starts_with(&content)));
        let full =
            !content_only || self.config.is_none() || self.theme.is_none() || self.site.is_none();
        // After a failed build, the full path renders what it left behind.
        let clean = self.pending.is_empty() && self.faces.is_empty();
        if !full
            && clean
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
                        Ok(t) => self.theme = Some(Arc::new(t)),
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
                fast: false,
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
            validate_only: false,
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
                fast: false,
            };
        }
        touched.append(&mut self.pending);

        let scope = match (&self.site, full) {
            (Some(old), false) => Some(affected(old, &new_site, &touched, &self.faces)),
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
                fast: false,
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
        self.generation += 1;
        if scope.is_none() {
            // The search index was made with the pages.
            self.indexed = self.generation;
        }
        self.faces.clear();
        self.site = Some(new_site);
        self.docs = docs;
        Outcome {
            diags,
            rendered: count,
            full: scope.is_none(),
            fast: false,
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
/// and when their face changed (or a fast patch changed it: `faces`),
/// every page that shows them in either build, and the counts of the
/// home pages, the taxonomy indexes and the matrix.
fn affected(
    old: &Site,
    new: &Site,
    touched: &BTreeSet<EntityKey>,
    faces: &BTreeSet<EntityKey>,
) -> Scope {
    let mut scope = Scope {
        entities: touched.clone(),
        web: true,
        ..Scope::default()
    };
    let changed = touched
        .iter()
        .filter(|k| faces.contains(*k) || face_changed(old, new, k));
    for key in changed {
        for site in [old, new] {
            if site.entities.contains_key(key) {
                face_scope(site, key, &mut scope);
            }
        }
        let both = old.entities.contains_key(key) && new.entities.contains_key(key);
        scope.home |= !both;
        // A practice's references are the numbers of the matrix.
        scope.matrix |= key.kind == Kind::Practice;
        scope.taxonomies = true;
    }
    scope
}

/// Adds to `scope` every page of `site` that shows the face of `key`
/// (title, summary, date, fields): its own pages, the pages that list it
/// (`Graph::shown_by`), the list of its kind (and the practices list,
/// which names countries), the home pages' latest meetings, its themes'
/// and organisations' pages, the matrix's rows and columns, graph.json,
/// the editors' pages, the feeds and the sitemap.
fn face_scope(site: &Site, key: &EntityKey, scope: &mut Scope) {
    scope.entities.insert(key.clone());
    scope.entities.extend(site.graph.shown_by(key));
    scope.lists.insert(key.kind);
    if key.kind == Kind::Country {
        scope.lists.insert(Kind::Practice);
    }
    scope.home |= key.kind == Kind::Meeting;
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
    scope.matrix |= matches!(key.kind, Kind::Challenge | Kind::Recommendation);
    scope.graph = true;
    scope.editors = true;
    scope.web = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str) -> (String, Arc<Content>) {
        (
            path.to_string(),
            Arc::new(Content::Bytes(path.as_bytes().to_vec())),
        )
    }

    #[test]
    fn a_search_pass_drops_the_files_of_the_pass_before_it_did_not_remake() {
        let mut p = Preview::new(Path::new("."), false, "/");
        p.files.insert("fr/index.html".into(), file("page").1);
        p.generation = 1;
        assert!(p.add_search(1, &[file("fr/pagefind/a.pf_index"), file("fr/graph.json")]));
        p.generation = 2;
        assert!(p.add_search(2, &[file("fr/pagefind/b.pf_index"), file("fr/graph.json")]));
        let paths: Vec<&str> = p.files.keys().map(String::as_str).collect();
        assert_eq!(
            paths,
            ["fr/graph.json", "fr/index.html", "fr/pagefind/b.pf_index"]
        );
        // An older pass arriving late changes nothing.
        assert!(!p.add_search(1, &[file("fr/pagefind/a.pf_index")]));
        assert!(!p.files.contains_key("fr/pagefind/a.pf_index"));
    }
}
