//! The site `serve` keeps in memory: the pipeline's runs applied to a map
//! of output files, and the search index, which a thread of its own makes
//! after the pages are shown (`SearchInput`), caught up with them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::output::{self, Artifact, Content};
use crate::pipeline::{Changes, Extent, Generated, Pipeline, Purpose, Settings};
use crate::site::Site;
use crate::theme::Theme;

pub struct Preview {
    pipeline: Pipeline,
    /// Output path → content: what the server answers with.
    pub files: BTreeMap<String, Arc<Content>>,
    /// The generation the search index in `files` was made from.
    indexed: u64,
}

/// The site as one run left it, with its theme: what the search index is
/// made from, on another thread, while later edits go on.
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
    /// files (graph.json, feeds, sitemap), which later runs leave here.
    pub fn search(&self) -> (Vec<Artifact>, crate::diag::Diagnostics) {
        output::search_artifacts(&self.site, &self.theme)
    }
}

impl Preview {
    /// `base_url` is the address the site is served at.
    pub fn new(root: &Path, drafts: bool, base_url: &str, cache_dir: Option<PathBuf>) -> Preview {
        let settings = Settings {
            purpose: Purpose::Preview,
            drafts,
            base_url: Some(base_url.to_string()),
            cache_dir,
        };
        Preview {
            pipeline: Pipeline::new(root, settings),
            files: BTreeMap::new(),
            indexed: 0,
        }
    }

    /// Runs the pipeline after `changed` paths (all of them: `None`) and
    /// takes the files it made.
    pub fn rebuild(&mut self, changed: Option<&BTreeSet<PathBuf>>) -> Generated {
        let changes = changed.map_or(Changes::Everything, Changes::Files);
        let mut g = self.pipeline.run(changes, None);
        if g.diags.has_errors() {
            return g;
        }
        if g.extent == Extent::Full {
            // The search index was made with the pages.
            self.files.clear();
            self.indexed = self.pipeline.generation();
        }
        for path in std::mem::take(&mut g.removed) {
            self.files.remove(&path);
        }
        let mut images = Vec::new();
        for a in &g.artifacts {
            if let Content::Image(p) = &a.content {
                images.push(p.clone());
            }
            self.files
                .insert(a.path.clone(), Arc::new(a.content.clone()));
        }
        warm(images);
        g
    }

    /// The last site that built without error.
    pub fn site(&self) -> Option<&Site> {
        self.pipeline.last_site().map(|(site, _)| site)
    }

    /// config.yaml and the theme as last read (for the web editor).
    pub fn config_and_theme(&self) -> Option<(&crate::config::Config, &Theme)> {
        self.pipeline.config_and_theme()
    }

    pub fn default_lang(&self) -> String {
        self.pipeline
            .default_lang()
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    /// Whether the search index lags behind the pages.
    pub fn search_stale(&self) -> bool {
        self.indexed < self.pipeline.generation()
    }

    /// The generation of the last good run.
    pub fn generation(&self) -> u64 {
        self.pipeline.generation()
    }

    /// A copy of the last good site, to make its search index elsewhere.
    pub fn search_input(&self) -> Option<SearchInput> {
        let (site, theme) = self.pipeline.last_site()?;
        Some(SearchInput {
            generation: self.pipeline.generation(),
            site: site.clone(),
            theme: Arc::clone(theme),
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
}

/// Makes the images a run published, on a thread of their own at the
/// lowest priority: the pages are served at once, each image as soon as
/// it is made (a browser asking for one first makes it itself, waiting
/// for that image alone). Images already made (in the cache) cost a read.
fn warm(images: Vec<crate::images::Pending>) {
    if images.is_empty() {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("images".into())
        .spawn(move || {
            super::priority::lower_this_thread();
            for p in images {
                // A failure is the build's to report; the server answers 404.
                p.prepare();
            }
        });
    // Without a thread each image is made when first asked for.
    drop(spawned);
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
        let mut p = Preview::new(Path::new("."), false, "/", None);
        p.files.insert("fr/index.html".into(), file("page").1);
        assert!(p.add_search(1, &[file("fr/pagefind/a.pf_index"), file("fr/graph.json")]));
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
