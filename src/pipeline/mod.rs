//! The one pipeline that `build`, `check` and `serve` all run:
//!
//! ```text
//! config ─┬─ discover ── front matter ── markdown ── site (graph) ── plan ── render ─┐
//!  theme ─┘   (+ Git history)                                                         ├─ Generated
//!                                                                 search index ─────┘
//! ```
//!
//! A `Pipeline` owns what one run can hand the next: the configuration,
//! the theme, the read cache and the memo of parsed and rendered
//! documents, the last good site and its plan. `build` and `check` call
//! `run` once; `serve` calls it on every change, and the same stages run,
//! in the same order, with the same checks: the commands cannot drift.
//!
//! What it must not do: print, read the environment, or write the output
//! (that is `cmd` and `publish`).

mod incremental;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config};
use crate::diag::{Diagnostic, Diagnostics};
use crate::discover::{self, Document, ReadCache};
use crate::history::History;
use crate::output::{self, Artifact, Sink};
use crate::site::{self, EntityKey, Memo, Site};
use crate::theme::{self, Theme};
use crate::timings::Timings;

/// The cache folder in the site's folder, unless `--cache-dir` says
/// another: processed images, never published (`init` writes it into
/// `.gitignore`).
pub const CACHE_DIR: &str = ".cache";

/// What a run is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Every page, file and search index, for `publish`.
    Build,
    /// The same without the search index (`build --no-search`).
    BuildWithoutSearch,
    /// Everything `build` would report, without making the site: bodies
    /// are checked but not turned into HTML, every template is rendered on
    /// a sample of pages (`output::validate`), no search index is built;
    /// missing translations, translations behind and the graph's loose
    /// ends are reported too.
    Check,
    /// The site in memory for `serve`: the first run makes everything;
    /// later runs only what a change touched, and leave the search index,
    /// graph.json, the feeds and the sitemap to `SearchInput`.
    Preview,
}

/// How a run is set up: the command line's part.
#[derive(Debug, Clone)]
pub struct Settings {
    pub purpose: Purpose,
    /// Publish drafts too (`--drafts`).
    pub drafts: bool,
    /// Replaces config.yaml's `base_url` (`--base-url`, or serve's address).
    pub base_url: Option<String>,
    /// Where processed images are kept between runs (`--cache-dir`);
    /// `None`: `.cache/` in the site's folder.
    pub cache_dir: Option<PathBuf>,
}

/// What changed since the previous run.
#[derive(Debug, Clone, Copy)]
pub enum Changes<'a> {
    /// Everything may have: the first run, or a change outside content/.
    Everything,
    /// These files (absolute paths, as the watcher gives them).
    Files(&'a BTreeSet<PathBuf>),
}

/// How much of the site a run made again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    /// Everything, from the configuration on.
    Full,
    /// The site assembled again; the pages around what changed rendered.
    Partial,
    /// Edited versions swapped into the site as it was, without assembling
    /// it again; the pages that show them rendered (`site::patch_version`).
    Patched,
}

/// What a run gives.
pub struct Generated {
    /// Every problem found, whatever the run made.
    pub diags: Diagnostics,
    /// How long each stage took (printed with `--timings`).
    pub timings: Timings,
    /// The files made and not handed to the sink.
    pub artifacts: Vec<Artifact>,
    /// The paths of the files handed to the sink as they were made.
    pub sent: Vec<String>,
    /// Paths the previous run published that this one no longer has
    /// (`serve` drops them).
    pub removed: Vec<String>,
    pub extent: Extent,
}

impl Generated {
    fn failed(diags: Diagnostics, timings: Timings, extent: Extent) -> Generated {
        Generated {
            diags,
            timings,
            artifacts: Vec::new(),
            sent: Vec::new(),
            removed: Vec::new(),
            extent,
        }
    }

    /// How many files the run made.
    pub fn made(&self) -> usize {
        self.artifacts.len() + self.sent.len()
    }
}

pub struct Pipeline {
    root: PathBuf,
    settings: Settings,
    config: Option<Config>,
    theme: Option<Arc<Theme>>,
    /// What Git knew at the last full run (edits in serve are not commits).
    history: Arc<History>,
    /// The words bodies' HTML adds, from the theme's strings.
    labels: Arc<std::collections::BTreeMap<crate::lang::Lang, crate::markdown::Labels>>,
    /// How images are made, kept from run to run while config.yaml's
    /// `media:` stays the same (`serve` then makes each image once).
    images: Arc<crate::images::Images>,
    /// Only for `Preview`: what later runs reuse.
    cache: Option<Cache>,
    /// `build`'s site, kept until the build has written its files, to
    /// tell which content file a path that could not be written comes
    /// from (`source_of`). It is alive while the pages are made anyway.
    built: Option<Site>,
    /// Bumped by every run that succeeds.
    generation: u64,
    /// Whether the last full run failed: the next run is full too (the
    /// theme, config.yaml or the memo may be the half of a broken state).
    full_owed: bool,
}

/// What a preview keeps from one run to the next.
#[derive(Default)]
struct Cache {
    reads: ReadCache,
    memo: Memo,
    /// The last site that built without error.
    site: Option<Site>,
    /// The documents of that site, by absolute path.
    docs: std::collections::HashMap<PathBuf, Document>,
    /// Entities changed by runs that failed since the last good one:
    /// their pages are still the old ones.
    pending: BTreeSet<EntityKey>,
    /// Entities whose front matter a patch changed in `site` before the
    /// run failed or fell back to assembling: the pages around them are
    /// still the old ones, though `site` already shows the new.
    reshown: BTreeSet<EntityKey>,
}

impl Pipeline {
    pub fn new(root: &Path, settings: Settings) -> Pipeline {
        let cache = (settings.purpose == Purpose::Preview).then(Cache::default);
        Pipeline {
            root: root.to_path_buf(),
            settings,
            config: None,
            theme: None,
            history: Arc::default(),
            labels: Arc::default(),
            images: Arc::default(),
            cache,
            built: None,
            generation: 0,
            full_owed: true,
        }
    }

    /// The number of runs that succeeded.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The site's default language, once config.yaml was read.
    pub fn default_lang(&self) -> Option<&crate::lang::Lang> {
        self.config.as_ref().map(|c| &c.default_language)
    }

    /// config.yaml and the theme as last read, even when the content has
    /// errors (`serve` makes the web editor from them).
    pub fn config_and_theme(&self) -> Option<(&Config, &Theme)> {
        Some((self.config.as_ref()?, self.theme.as_deref()?))
    }

    /// The last good site and its theme (`serve`'s search index is made
    /// from a copy, elsewhere).
    pub fn last_site(&self) -> Option<(&Site, &Arc<Theme>)> {
        Some((self.cache.as_ref()?.site.as_ref()?, self.theme.as_ref()?))
    }

    /// The content file that makes the published file at `path` (relative
    /// to the output folder), relative to the site root: the page of a
    /// version or its alias comes from the version's file, an attachment
    /// from itself. `None` for what no one content file makes.
    pub fn source_of(&self, path: &str) -> Option<String> {
        let cached = || self.cache.as_ref().and_then(|c| c.site.as_ref());
        let site = self.built.as_ref().or_else(cached)?;
        let theme = self.theme.as_ref()?;
        let jobs = output::plan(site, &theme.statics);
        let job = jobs.iter().find(|j| j.path == path)?;
        match job.source()? {
            output::Source::File(f) => Some(f.to_string()),
            output::Source::Path(p) => Some(crate::diag::relative(&self.root, p)),
        }
    }

    /// Runs the stages `changes` calls for. With a sink, a build hands its
    /// pages and search index to it as they are made.
    pub fn run(&mut self, changes: Changes<'_>, sink: Option<Sink<'_>>) -> Generated {
        if let (Some(cache), Changes::Files(files)) = (&self.cache, changes)
            && !self.full_owed
            && cache.site.is_some()
        {
            let content = self.root.join("content");
            if files.iter().all(|p| p.starts_with(&content)) {
                return self.run_on_content(files);
            }
        }
        self.run_all(sink)
    }

    /// Every stage, from config.yaml on.
    fn run_all(&mut self, sink: Option<Sink<'_>>) -> Generated {
        let mut diags = Diagnostics::new();
        let mut timings = Timings::default();
        // Everything may read differently under a new configuration.
        self.full_owed = true;
        self.config = None;
        self.theme = None;
        if let Some(cache) = &mut self.cache {
            cache.memo = Memo::remembering();
            cache.reads = ReadCache::default();
        }
        let mut config = match config::load(&self.root) {
            Ok(c) => c,
            Err(d) => return Generated::failed(d, timings, Extent::Full),
        };
        if let Some(url) = &self.settings.base_url {
            // The parser of config.yaml's `base_url`, for `--base-url`
            // and serve's address alike: the same checks, the same `/`.
            match config::BaseUrl::parse(url) {
                Ok(u) => config.base_url = u,
                Err(why) => {
                    let mut d = Diagnostics::new();
                    d.push(
                        Diagnostic::error(crate::t!("base-url-option", url = url, why = why))
                            .help(crate::t!("base-url-option-help")),
                    );
                    return Generated::failed(d, timings, Extent::Full);
                }
            }
        }
        let media = crate::images::Settings {
            widths: config.media.widths.clone(),
            ..crate::images::Settings::default()
        };
        if *self.images.settings() != media || self.images.folder().is_none() {
            let folder = self
                .settings
                .cache_dir
                .clone()
                .unwrap_or_else(|| self.root.join(CACHE_DIR));
            self.images = Arc::new(crate::images::Images::new(
                media,
                Some(&folder),
                self.settings.purpose == Purpose::Preview,
            ));
        }
        // The theme is independent of the content: load it alongside, so a
        // broken template and a broken fiche are reported together.
        let root = &self.root;
        let mut reads = self.cache.as_mut().map(|c| std::mem::take(&mut c.reads));
        let (theme, ((tree, found), history)) = rayon::join(
            || theme::load(root, &config),
            || {
                rayon::join(
                    || match &mut reads {
                        Some(reads) => discover::discover_with(root, &config, reads),
                        None => discover::discover(root, &config),
                    },
                    || History::read(root),
                )
            },
        );
        if let (Some(cache), Some(reads)) = (&mut self.cache, reads) {
            cache.reads = reads;
        }
        timings.lap("discover");
        diags.extend(found);
        if self.generation == 0
            && let Some(why) = &history.reason
        {
            diags.push(Diagnostic::note(crate::t!("history-missing", why = why)));
        }
        self.history = Arc::new(history);
        let docs: std::collections::HashMap<PathBuf, Document> = match &self.cache {
            Some(_) => tree
                .documents
                .iter()
                .map(|d| (self.root.join(&d.file), d.clone()))
                .collect(),
            None => Default::default(),
        };
        self.labels = Arc::new(
            theme
                .as_ref()
                .map(Theme::markdown_labels)
                .unwrap_or_default(),
        );
        let opts = site::Options {
            drafts: self.settings.drafts,
            history: Arc::clone(&self.history),
            validate_only: self.settings.purpose == Purpose::Check,
            labels: Arc::clone(&self.labels),
            images: Arc::clone(&self.images),
        };
        let mut scratch = Memo::default();
        let memo = match &mut self.cache {
            Some(c) => &mut c.memo,
            None => &mut scratch,
        };
        let (site, assembled, _) =
            site::assemble_with(config.clone(), tree, &opts, memo, &mut timings);
        diags.extend(assembled);
        self.config = Some(config);
        let theme = match theme {
            Ok(t) => Arc::new(t),
            Err(d) => {
                diags.extend(d);
                return Generated::failed(diags, timings, Extent::Full);
            }
        };
        self.theme = Some(Arc::clone(&theme));
        if self.settings.purpose == Purpose::Check {
            // What only `check` reports: it would make build fail on
            // nothing, yet editors want to know.
            diags.extend(site::warnings(&site));
        }
        // The plan of the output, and what it says of the content (links to
        // nothing, two files at one place), reported with the errors above.
        let jobs = output::plan(&site, &theme.statics);
        diags.extend(output::check_plan(&site, &jobs));
        timings.lap("plan");
        if diags.has_errors() {
            return Generated::failed(diags, timings, Extent::Full);
        }
        let (artifacts, sent, rendered) = match (self.settings.purpose, sink) {
            (Purpose::Check, _) => (
                Vec::new(),
                Vec::new(),
                output::validate(&site, &theme, &jobs),
            ),
            (purpose, Some(sink)) => {
                output::artifacts_into(&site, &theme, &jobs, purpose == Purpose::Build, sink)
            }
            (Purpose::BuildWithoutSearch, None) => {
                let (a, d) = output::artifacts_without_search(&site, &theme, &jobs);
                (a, Vec::new(), d)
            }
            (_, None) => {
                let (a, d) = output::artifacts(&site, &theme, &jobs);
                (a, Vec::new(), d)
            }
        };
        drop(jobs);
        timings.lap("pages");
        diags.extend(rendered);
        if diags.has_errors() {
            return Generated::failed(diags, timings, Extent::Full);
        }
        self.generation += 1;
        self.full_owed = false;
        if let Some(cache) = &mut self.cache {
            cache.site = Some(site);
            cache.docs = docs;
            cache.pending.clear();
            cache.reshown.clear();
        } else if self.settings.purpose != Purpose::Check {
            self.built = Some(site);
        }
        Generated {
            diags,
            timings,
            artifacts,
            sent,
            removed: Vec::new(),
            extent: Extent::Full,
        }
    }
}
